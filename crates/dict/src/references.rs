//! Definite descriptions that refer back to an actor named earlier in the
//! article ("the network", "the rebels", "its foreign ministry"), from
//! `data/dictionaries/references.txt` (format documented there and in
//! `data/dictionaries/README.md`). The analysis (`chronicler-analyze`,
//! module `coref`) resolves them; this module only reads the data.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use chronicler_core::{Actor, ActorKind};

use crate::actors::user_files;
use crate::DictError;

const BUILTIN: &str = include_str!("../../../data/dictionaries/references.txt");

/// What a resolved description stands for, given its antecedent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Becomes {
    /// The antecedent itself ("the network" is the Sudan Doctors Network).
    Same,
    /// The antecedent's state ("the island" is Taiwan).
    State,
    /// The antecedent's state in this role ("the ministry" of Sudan:
    /// `SDNGOV`).
    Role(String),
}

/// One kind of earlier actor a description may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Antecedent {
    /// Required kind (`None`: any).
    pub kind: Option<ActorKind>,
    /// Required CAMEO role type (`None`: any).
    pub role: Option<String>,
    /// Allowed countries (empty: any).
    pub countries: Vec<String>,
    /// What the description becomes.
    pub becomes: Becomes,
}

impl Antecedent {
    /// True when `a` may be this antecedent (it must have a country).
    pub fn accepts(&self, a: &Actor) -> bool {
        let Some(country) = a.country.as_deref().filter(|c| !c.is_empty()) else {
            return false;
        };
        self.kind.is_none_or(|k| k == a.kind)
            && self
                .role
                .as_deref()
                .is_none_or(|r| a.role.as_deref() == Some(r))
            && (self.countries.is_empty() || self.countries.iter().any(|c| c == country))
    }
}

/// Which compatible earlier actor a description takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The nearest earlier one.
    Last,
    /// The one named most often before it (ties: the nearest).
    Main,
}

/// One line of the file: phrases and what they may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceEntry {
    /// Compatible antecedents, in order of preference.
    pub antecedents: Vec<Antecedent>,
    /// How to choose among compatible earlier actors.
    pub pick: Pick,
}

/// The description phrases, compiled for lookup by words.
#[derive(Debug, Clone, Default)]
pub struct ReferenceDict {
    entries: Vec<ReferenceEntry>,
    /// Phrase (lower-case words joined by one space) → entry.
    phrases: HashMap<String, usize>,
    max_words: usize,
    not_before: HashSet<String>,
}

fn kind_of(s: &str) -> Result<Option<ActorKind>, String> {
    Ok(Some(match s {
        "*" => return Ok(None),
        "state" => ActorKind::State,
        "group" => ActorKind::Group,
        "org" => ActorKind::Organization,
        "person" => ActorKind::Person,
        "agent" => ActorKind::Agent,
        other => {
            return Err(format!(
                "unknown kind {other:?} (state, group, org, person, agent, *)"
            ))
        }
    }))
}

fn parse_antecedent(s: &str) -> Result<Antecedent, String> {
    let (spec, becomes) = match s.split_once('>') {
        Some((a, "")) => (a, Becomes::State),
        Some((a, r)) => (a, Becomes::Role(r.trim().to_string())),
        None => (s, Becomes::Same),
    };
    let (spec, countries) = match spec.split_once('=') {
        Some((a, cs)) => (
            a,
            cs.split(',')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect(),
        ),
        None => (spec, Vec::new()),
    };
    let (kind, role) = spec
        .trim()
        .split_once('/')
        .ok_or_else(|| format!("antecedent {s:?} is not KIND/ROLE"))?;
    let role = role.trim();
    Ok(Antecedent {
        kind: kind_of(kind.trim())?,
        role: (role != "*").then(|| role.to_string()),
        countries,
        becomes,
    })
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

impl ReferenceDict {
    /// The built-in descriptions, extended by the user's `references*.txt`
    /// in `dir` (file-name order): a phrase given again takes the later
    /// line's antecedents; `phrase | none` removes it.
    pub fn load(dir: Option<&Path>) -> Result<ReferenceDict, DictError> {
        let mut files = vec![("references.txt".to_string(), BUILTIN.to_string())];
        if let Some(d) = dir {
            files.extend(user_files(d, "references")?);
        }
        let mut dict = ReferenceDict::default();
        for (f, t) in &files {
            dict.add(f, t)?;
        }
        Ok(dict)
    }

    /// Reads one file's lines into the dictionary.
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let err = |line: usize, message: String| DictError::Syntax {
            file: file.to_string(),
            line,
            message,
        };
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(words) = line.strip_prefix("not-before:") {
                self.not_before
                    .extend(split_list(words).map(str::to_lowercase));
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let phrases: Vec<String> = fields
                .first()
                .map(|p| {
                    split_list(p)
                        .map(|x| x.split_whitespace().collect::<Vec<_>>().join(" "))
                        .collect()
                })
                .unwrap_or_default();
            if phrases.is_empty() {
                return Err(err(i + 1, "no phrase".into()));
            }
            if let Some(p) = phrases.iter().find(|p| p.chars().any(char::is_uppercase)) {
                return Err(err(i + 1, format!("phrase {p:?} must be lower case")));
            }
            if fields.get(1) == Some(&"none") && fields.len() == 2 {
                for p in &phrases {
                    self.phrases.remove(p);
                }
                continue;
            }
            let [_, ants, pick] = fields.as_slice() else {
                return Err(err(
                    i + 1,
                    "expected `phrase; phrase | antecedent; antecedent | last|main`".into(),
                ));
            };
            let antecedents = split_list(ants)
                .map(parse_antecedent)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|m| err(i + 1, m))?;
            if antecedents.is_empty() {
                return Err(err(i + 1, "no antecedent".into()));
            }
            let pick = match *pick {
                "last" => Pick::Last,
                "main" => Pick::Main,
                other => return Err(err(i + 1, format!("pick {other:?} is not last or main"))),
            };
            let e = self.entries.len();
            self.entries.push(ReferenceEntry { antecedents, pick });
            for p in phrases {
                self.max_words = self.max_words.max(p.split(' ').count());
                self.phrases.insert(p, e);
            }
        }
        Ok(())
    }

    /// The entry of a phrase (lower-case words joined by one space).
    pub fn get(&self, phrase: &str) -> Option<&ReferenceEntry> {
        self.phrases.get(phrase).and_then(|&i| self.entries.get(i))
    }

    /// The most words a phrase has.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// True when `word` (lower case) right after a phrase makes it part of a
    /// longer noun ("the army chief").
    pub fn blocks(&self, word: &str) -> bool {
        self.not_before.contains(word)
    }

    /// Every phrase and its entry, in no particular order (for lints).
    pub fn phrases(&self) -> impl Iterator<Item = (&str, &ReferenceEntry)> {
        self.phrases
            .iter()
            .filter_map(|(p, &i)| Some((p.as_str(), self.entries.get(i)?)))
    }

    /// True when there is nothing to resolve.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn actor(kind: ActorKind, country: &str, role: Option<&str>) -> Actor {
        Actor {
            entity: "x".into(),
            name: "x".into(),
            code: format!("{country}{}", role.unwrap_or("")),
            country: Some(country.into()),
            role: role.map(String::from),
            kind,
        }
    }

    #[test]
    fn builtin_phrases_resolve_to_the_documented_antecedents() {
        let d = ReferenceDict::load(None).unwrap();
        let rebels = d.get("rebels").unwrap();
        assert_eq!(rebels.pick, Pick::Main);
        assert!(rebels.antecedents[0].accepts(&actor(ActorKind::Group, "COD", Some("REB"))));
        assert!(!rebels.antecedents.iter().any(|a| a.accepts(&actor(
            ActorKind::State,
            "COD",
            None
        ))));
        let ministry = d.get("foreign ministry").unwrap();
        assert_eq!(ministry.antecedents[0].becomes, Becomes::Role("GOV".into()));
        let island = d.get("island").unwrap();
        assert_eq!(island.antecedents[0].becomes, Becomes::State);
        assert!(island.antecedents[0].accepts(&actor(ActorKind::State, "TWN", None)));
        assert!(!island.antecedents[0].accepts(&actor(ActorKind::State, "CHN", None)));
        assert!(d.blocks("chief"));
        assert!(!d.blocks("said"));
        assert!(d.max_words() >= 2);
    }

    #[test]
    fn user_file_replaces_and_removes_phrases() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("references-mine.txt"),
            "rebels | group/* | last\nnetwork | none\njunta | state/*>MIL | last\n",
        )
        .unwrap();
        let d = ReferenceDict::load(Some(dir.path())).unwrap();
        assert_eq!(d.get("rebels").unwrap().pick, Pick::Last);
        assert!(d.get("network").is_none());
        assert_eq!(
            d.get("junta").unwrap().antecedents[0].becomes,
            Becomes::Role("MIL".into())
        );
        // Other phrases of the replaced line stay built in.
        assert_eq!(d.get("militia").unwrap().pick, Pick::Main);
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut d = ReferenceDict::default();
        let e = d
            .add("r.txt", "# c\nrebels | tribe/REB | main\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("r.txt:2:"), "{e}");
        let e = d.add("r.txt", "rebels | group/REB | first\n").unwrap_err();
        assert!(e.to_string().contains("first"), "{e}");
        let e = d.add("r.txt", "Rebels | group/REB | main\n").unwrap_err();
        assert!(e.to_string().contains("lower case"), "{e}");
    }
}
