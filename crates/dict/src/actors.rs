//! The actors dictionary: states (names, adjectives, metonyms of government),
//! people with date-bounded roles, organisations, armed groups and generic
//! agents, compiled into one trie of names (see [`crate::trie`]).
//!
//! File format: see `data/dictionaries/actors.txt` (header) and
//! `data/dictionaries/README.md`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use chronicler_core::{Actor, ActorKind};
use jiff::civil::Date;

use crate::text::{case_compatible, word_matches};
use crate::trie::Trie;
use crate::DictError;

const BUILTIN_ACTORS: &[(&str, &str)] = &[
    (
        "actors.txt",
        include_str!("../../../data/dictionaries/actors.txt"),
    ),
    (
        "actors-orgs.txt",
        include_str!("../../../data/dictionaries/actors-orgs.txt"),
    ),
    (
        "actors-people.txt",
        include_str!("../../../data/dictionaries/actors-people.txt"),
    ),
];
const BUILTIN_AGENTS: &str = include_str!("../../../data/dictionaries/agents.txt");

/// IGO/NGO-style sector prefixes: the next three letters are a known group.
const SECTOR_PREFIXES: &[&str] = &["IGO", "NGO", "IMG", "NGM", "MNC", "INT"];

/// Codes used beyond the CAMEO tables shipped in `data/cameo/` (which predate
/// them): South Sudan (2011), Timor-Leste and Kosovo under their ISO 3166
/// codes (TLS; XKX, the code the EU and the World Bank use), and the African
/// Union (CAMEO's OAU successor).
pub const EXTRA_CODES: &[&str] = &["SSD", "TLS", "XKX", "AFU", "AES", "EAC"];

/// Post phrases: canonical post, then the phrases that name it in text.
const POSTS: &[(&str, &[&str])] = &[
    ("president", &["president", "head of state"]),
    ("vice president", &["vice president", "vice-president"]),
    ("prime minister", &["prime minister", "premier", "pm"]),
    ("chancellor", &["chancellor"]),
    (
        "foreign minister",
        &[
            "foreign minister",
            "top diplomat",
            "foreign secretary",
            "secretary of state",
            "minister of foreign affairs",
            "foreign affairs minister",
            "chief diplomat",
        ],
    ),
    (
        "defence minister",
        &[
            "defence minister",
            "defense minister",
            "defence secretary",
            "defense secretary",
            "minister of defence",
            "minister of defense",
            "secretary of defense",
            "war secretary",
            "secretary of war",
        ],
    ),
    ("king", &["king"]),
    ("emir", &["emir"]),
    ("crown prince", &["crown prince"]),
    ("supreme leader", &["supreme leader"]),
    (
        "army chief",
        &[
            "army chief",
            "military chief",
            "army chief of staff",
            "commander-in-chief",
            "top general",
        ],
    ),
    ("leader", &["leader", "ruler", "strongman", "chief", "head"]),
    ("spokesman", &["spokesman", "spokeswoman", "spokesperson"]),
];

/// Posts that make a person a head of state or government ("leader").
const HEAD_POSTS: &[&str] = &[
    "president",
    "prime minister",
    "chancellor",
    "king",
    "emir",
    "supreme leader",
    "leader",
];

/// Capitalised words that may precede a person's name and belong to the mention.
const HONORIFICS: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Gen.",
    "General",
    "Lt. Gen.",
    "Maj. Gen.",
    "Col.",
    "Sheikh",
    "Ayatollah",
    "Senator",
    "Sen.",
    "Rep.",
    "Minister",
    "Secretary",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Commander",
    "Prince",
    "Crown Prince",
    "Pope",
    "Field Marshal",
    "Marshal",
    "Chancellor",
    "President",
    "Prime Minister",
    "Premier",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Secretary of State",
    "Defense Secretary",
    "Vice President",
    "King",
    "Queen",
    "Emir",
    "Speaker",
    "Mayor",
    "Governor",
    "Senior General",
    "Secretary-General",
    "UN Secretary-General",
    "Secretary General",
    "Supreme Leader",
    "Spokesman",
    "Spokeswoman",
];

/// A code valid over a date range (inclusive; open sides are `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSpec {
    /// Full CAMEO code ("UKRGOV").
    pub code: String,
    /// Posts held ("president", "foreign minister").
    pub posts: Vec<String>,
    /// First day.
    pub from: Option<Date>,
    /// Last day.
    pub to: Option<Date>,
}

impl RoleSpec {
    /// True when the role is in force on `d`.
    pub fn covers(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// Stable key ("state:UKR", "person:volodymyr-zelenskyy").
    pub key: String,
    /// Canonical name.
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// Codes, possibly date-bounded (people: one per role).
    pub roles: Vec<RoleSpec>,
    /// Names.
    pub names: Vec<String>,
    /// Adjectives / demonyms (states).
    pub adjs: Vec<String>,
    /// Metonyms for the government (states).
    pub gov: Vec<String>,
    /// Descriptions naming the entry.
    pub titles: Vec<String>,
    /// Country override.
    pub country: Option<String>,
    /// Role type override.
    pub role_type: Option<String>,
    /// Further codes the entry stands for, besides its role's: PETRARCH's
    /// `THE_SHIRE [FRO/BIL/SAM]` is coded `FRO` with `also` = BIL, SAM (a
    /// coder may code one event per code). Empty for chronicler's files.
    pub also: Vec<String>,
    /// Where it was defined (file, line).
    pub origin: (String, usize),
}

/// What a dictionary pattern denotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    /// A name of entry `i`.
    Name(usize),
    /// An adjective/demonym of state entry `i`.
    Adj(usize),
    /// A metonym for the government of state entry `i` (canonical metonym).
    Gov(usize, String),
    /// A surname of person `i`: valid after the full name appeared.
    Surname(usize),
    /// A title: state entry (None: bare title such as "President") and post.
    Title(Option<usize>, String),
    /// A generic agent with its role type code.
    Agent(String),
    /// An honorific that may precede a name ("Mr.", "Gen.").
    Honorific,
}

/// One meaning of a pattern, with the pattern as written (for the case check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// What it denotes.
    pub kind: TargetKind,
    /// The pattern as written in the dictionary.
    pub form: String,
}

/// A dictionary match in a text, borrowing the dictionary's meanings (a
/// text has thousands of matches: no copy of their strings is made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMatch<'d> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Meanings whose case fits the text.
    pub targets: Vec<&'d Target>,
}

/// The compiled actors dictionary.
#[derive(Debug, Default)]
pub struct ActorDict {
    entries: Vec<ActorEntry>,
    by_key: HashMap<String, usize>,
    state_by_country: HashMap<String, usize>,
    agents: HashMap<String, String>,
    patterns: Vec<Vec<Target>>,
    automaton: Trie,
}

fn syntax(file: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parses `YYYY-MM-DD..YYYY-MM-DD` (either side may be empty).
pub fn parse_range(s: &str) -> Result<(Option<Date>, Option<Date>), String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok((None, None));
    }
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("bad date range {s:?}"))?;
    let p = |x: &str| -> Result<Option<Date>, String> {
        let x = x.trim();
        if x.is_empty() {
            Ok(None)
        } else {
            x.parse::<Date>()
                .map(Some)
                .map_err(|e| format!("bad date {x:?}: {e}"))
        }
    };
    let (from, to) = (p(a)?, p(b)?);
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(format!("date range {s:?} ends before it starts"));
        }
    }
    Ok((from, to))
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

fn kind_of_key(key: &str) -> Option<ActorKind> {
    match key.split_once(':')?.0 {
        "state" | "seat" => Some(ActorKind::State),
        "person" => Some(ActorKind::Person),
        "org" => Some(ActorKind::Organization),
        "group" => Some(ActorKind::Group),
        "agent" => Some(ActorKind::Agent),
        _ => None,
    }
}

/// Parses one actors file.
pub fn parse_actors(file: &str, text: &str) -> Result<Vec<ActorEntry>, DictError> {
    let mut out: Vec<ActorEntry> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let ln = i + 1;
        let line = raw.split(" #").next().unwrap_or("").trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            if f.len() < 2 || f[0].is_empty() || f[1].is_empty() {
                return Err(syntax(file, ln, "expected `key | name | codes`"));
            }
            let kind = kind_of_key(f[0]).ok_or_else(|| {
                syntax(
                    file,
                    ln,
                    format!("bad key {:?} (state:, person:, org:, group:, seat:)", f[0]),
                )
            })?;
            let mut roles = Vec::new();
            if let Some(codes) = f.get(2) {
                for c in codes.split(';').map(str::trim).filter(|c| !c.is_empty()) {
                    let (code, range) = c.split_once(' ').unwrap_or((c, ""));
                    let (from, to) = parse_range(range).map_err(|m| syntax(file, ln, m))?;
                    roles.push(RoleSpec {
                        code: code.to_string(),
                        posts: Vec::new(),
                        from,
                        to,
                    });
                }
            }
            out.push(ActorEntry {
                key: f[0].to_string(),
                name: f[1].to_string(),
                kind,
                roles,
                names: Vec::new(),
                adjs: Vec::new(),
                gov: Vec::new(),
                titles: Vec::new(),
                country: None,
                role_type: None,
                also: Vec::new(),
                origin: (file.to_string(), ln),
            });
            continue;
        }
        let Some(e) = out.last_mut() else {
            return Err(syntax(file, ln, "indented line before any entry"));
        };
        let (field, value) = line
            .trim()
            .split_once(':')
            .ok_or_else(|| syntax(file, ln, "expected `field: value`"))?;
        let value = value.trim();
        match field.trim() {
            "names" => e.names.extend(split_list(value)),
            "adj" => e.adjs.extend(split_list(value)),
            "gov" => e.gov.extend(split_list(value)),
            "titles" => e.titles.extend(split_list(value)),
            "country" => e.country = Some(value.to_string()),
            "role-type" => e.role_type = Some(value.to_string()),
            "also" => e.also.extend(split_list(value)),
            "role" => {
                let f: Vec<&str> = value.split('|').map(str::trim).collect();
                if f.is_empty() || f[0].is_empty() {
                    return Err(syntax(file, ln, "expected `role: CODE | posts | from..to`"));
                }
                let posts = f
                    .get(1)
                    .map(|p| {
                        p.split(',')
                            .map(|x| x.trim().to_lowercase())
                            .filter(|x| !x.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                let (from, to) = parse_range(f.get(2).copied().unwrap_or(""))
                    .map_err(|m| syntax(file, ln, m))?;
                e.roles.push(RoleSpec {
                    code: f[0].to_string(),
                    posts,
                    from,
                    to,
                });
            }
            other => return Err(syntax(file, ln, format!("unknown field {other:?}"))),
        }
    }
    for e in &out {
        if e.roles.is_empty() {
            return Err(syntax(
                &e.origin.0,
                e.origin.1,
                format!("{} has no code", e.key),
            ));
        }
    }
    Ok(out)
}

/// Parses one agents file: `noun phrase | ROLE`.
pub fn parse_agents(file: &str, text: &str) -> Result<Vec<(String, String, usize)>, DictError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (noun, code) = line
            .split_once('|')
            .ok_or_else(|| syntax(file, i + 1, "expected `noun | CODE`"))?;
        let (noun, code) = (noun.trim(), code.trim());
        // "CODE~": a prefix ("MSF Arnor" is NGOARN), as in PETRARCH.
        let letters = code.strip_suffix('~').unwrap_or(code);
        if noun.is_empty() || letters.is_empty() || !letters.chars().all(|c| c.is_ascii_uppercase())
        {
            return Err(syntax(
                file,
                i + 1,
                "expected `noun | CODE` or `noun | CODE~`",
            ));
        }
        out.push((noun.to_lowercase(), code.to_string(), i + 1));
    }
    Ok(out)
}

pub(crate) fn user_files(dir: &Path, prefix: &str) -> Result<Vec<(String, String)>, DictError> {
    let io = |e| DictError::Io {
        file: dir.display().to_string(),
        source: e,
    };
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let file = p.display().to_string();
        let text = std::fs::read_to_string(&p).map_err(|e| DictError::Io {
            file: file.clone(),
            source: e,
        })?;
        out.push((file, text));
    }
    Ok(out)
}

/// Splits a CAMEO code into (country or group, role type).
pub fn split_code(code: &str) -> (Option<String>, Option<String>) {
    let chunks: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    match chunks.as_slice() {
        [] => (None, None),
        [one] if crate::cameo_tables::is_type(one) => (None, Some((*one).to_string())),
        [first, rest @ ..] if SECTOR_PREFIXES.contains(first) => {
            let group = rest.iter().position(|c| {
                crate::cameo_tables::is_group(c)
                    || crate::cameo_tables::is_country(c)
                    || EXTRA_CODES.contains(c)
            });
            let role = rest
                .iter()
                .enumerate()
                .find(|(i, c)| Some(*i) != group && crate::cameo_tables::is_type(c))
                .map(|(_, c)| (*c).to_string());
            (
                group.and_then(|i| rest.get(i)).map(|s| (*s).to_string()),
                role.or(Some((*first).to_string())),
            )
        }
        [first, rest @ ..] => (
            Some((*first).to_string()),
            rest.iter()
                .find(|c| crate::cameo_tables::is_type(c))
                .map(|s| (*s).to_string()),
        ),
    }
}

impl ActorDict {
    /// Built-in entries, extended by the user's files in `dir`
    /// (`actors*.txt`, `agents*.txt`), which override same-key entries.
    pub fn load(dir: Option<&Path>) -> Result<ActorDict, DictError> {
        let mut files: Vec<(String, String)> = BUILTIN_ACTORS
            .iter()
            .map(|(f, t)| ((*f).to_string(), (*t).to_string()))
            .collect();
        let mut agent_files = vec![("agents.txt".to_string(), BUILTIN_AGENTS.to_string())];
        if let Some(d) = dir {
            files.extend(user_files(d, "actors")?);
            agent_files.extend(user_files(d, "agents")?);
        }
        let mut entries: Vec<ActorEntry> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::default();
        for (f, t) in &files {
            for e in parse_actors(f, t)? {
                if let Some(&i) = by_key.get(&e.key) {
                    if let Some(slot) = entries.get_mut(i) {
                        *slot = e;
                    }
                } else {
                    by_key.insert(e.key.clone(), entries.len());
                    entries.push(e);
                }
            }
        }
        let mut agents = HashMap::default();
        for (f, t) in &agent_files {
            for (noun, code, _) in parse_agents(f, t)? {
                agents.insert(noun, code);
            }
        }
        Ok(ActorDict::compile(entries, agents))
    }

    /// A dictionary of exactly these entries and agents (noun → role
    /// code), without the built-in ones: for imported dictionaries.
    pub fn from_parts(entries: Vec<ActorEntry>, agents: HashMap<String, String>) -> ActorDict {
        ActorDict::compile(entries, agents)
    }

    fn compile(entries: Vec<ActorEntry>, agents: HashMap<String, String>) -> ActorDict {
        let mut by_key = HashMap::default();
        let mut state_by_country = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            by_key.insert(e.key.clone(), i);
            if e.kind == ActorKind::State && e.key.starts_with("state:") {
                if let Some(r) = e.roles.first() {
                    state_by_country.insert(r.code.clone(), i);
                }
            }
        }
        let mut pats: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut add = |form: &str, kind: TargetKind| {
            let form = form.trim();
            if form.is_empty() {
                return;
            }
            let key = form.to_ascii_lowercase();
            let i = *index.entry(key.clone()).or_insert_with(|| {
                pats.push(key);
                targets.push(Vec::new());
                pats.len() - 1
            });
            if let Some(t) = targets.get_mut(i) {
                let t_new = Target {
                    kind,
                    form: form.to_string(),
                };
                if !t.contains(&t_new) {
                    t.push(t_new);
                }
            }
        };
        // Names of people and full names: surnames for people.
        let mut full_names: HashSet<String> = HashSet::default();
        for e in &entries {
            for n in &e.names {
                full_names.insert(n.to_ascii_lowercase());
            }
        }
        for (i, e) in entries.iter().enumerate() {
            for n in &e.names {
                add(n, TargetKind::Name(i));
                // "the UN" style names also match without "the" (a name
                // written "The Shire" is "the Shire" mid-sentence).
                if let Some(rest) = n.strip_prefix("the ").or_else(|| n.strip_prefix("The ")) {
                    add(rest, TargetKind::Name(i));
                }
            }
            for t in &e.titles {
                add(t, TargetKind::Name(i));
            }
            if e.kind == ActorKind::Person {
                for n in &e.names {
                    let words: Vec<&str> = n.split_whitespace().collect();
                    if words.len() >= 2 {
                        if let Some(last) = words.last() {
                            let last = last.trim_end_matches('.');
                            if last.len() > 2
                                && !full_names.contains(&last.to_ascii_lowercase())
                                && !matches!(last, "Jr" | "II" | "III" | "XIV")
                            {
                                add(last, TargetKind::Surname(i));
                            }
                        }
                    }
                }
            }
            if e.kind == ActorKind::State {
                for a in &e.adjs {
                    add(a, TargetKind::Adj(i));
                }
                for g in &e.gov {
                    let canonical = g.strip_prefix("the ").unwrap_or(g).to_string();
                    add(g, TargetKind::Gov(i, canonical));
                }
            }
        }
        for (post, phrases) in POSTS {
            for ph in *phrases {
                if ph.len() > 3 {
                    add(ph, TargetKind::Title(None, (*post).into()));
                }
            }
        }
        for h in HONORIFICS {
            add(h, TargetKind::Honorific);
        }
        for (noun, code) in &agents {
            add(noun, TargetKind::Agent(code.clone()));
        }
        let automaton = Trie::new(pats.iter().map(String::as_str));
        ActorDict {
            entries,
            by_key,
            state_by_country,
            agents,
            patterns: targets,
            automaton,
        }
    }

    /// Every entry, in load order.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// The entry with this key.
    pub fn get(&self, key: &str) -> Option<&ActorEntry> {
        self.by_key.get(key).and_then(|&i| self.entries.get(i))
    }

    /// Entry by index.
    pub fn entry(&self, i: usize) -> Option<&ActorEntry> {
        self.entries.get(i)
    }

    /// The state entry of a country code.
    pub fn state_of(&self, country: &str) -> Option<usize> {
        self.state_by_country.get(country).copied()
    }

    /// Role type of an agent noun phrase (lower-case), if known.
    pub fn agent_role(&self, noun: &str) -> Option<&str> {
        self.agents.get(noun).map(String::as_str)
    }

    /// Number of agent nouns.
    pub fn agent_count(&self) -> usize {
        self.agents.len()
    }

    /// Finds dictionary matches in `text`: leftmost-longest, on word
    /// boundaries, with capitalised dictionary words matching capitalised
    /// words only.
    pub fn find(&self, text: &str) -> Vec<ActorMatch<'_>> {
        let mut out = Vec::new();
        word_matches(&self.automaton, text, |pattern, s, e| {
            let Some(ts) = self.patterns.get(pattern) else {
                return false;
            };
            let matched = &text[s..e];
            let ok: Vec<&Target> = ts
                .iter()
                .filter(|t| case_compatible(&t.form, matched))
                .collect();
            if ok.is_empty() {
                return false;
            }
            out.push(ActorMatch {
                start: s,
                end: e,
                targets: ok,
            });
            true
        });
        out
    }

    /// The role of entry `i` in force on `date` (people), else its first code.
    pub fn role_on(&self, i: usize, date: Date) -> Option<&RoleSpec> {
        let e = self.entries.get(i)?;
        e.roles.iter().find(|r| r.covers(date)).or_else(|| {
            // Nothing in force: the most recent role that ended before `date`,
            // else the first one.
            e.roles
                .iter()
                .filter(|r| r.to.is_some_and(|t| t < date))
                .max_by_key(|r| r.to)
                .or_else(|| e.roles.first())
        })
    }

    /// The actor entry `i` denotes on `date`.
    pub fn actor(&self, i: usize, date: Date) -> Option<Actor> {
        let e = self.entries.get(i)?;
        let code = self.role_on(i, date)?.code.clone();
        let (country, role) = split_code(&code);
        Some(Actor {
            entity: e.key.clone(),
            name: e.name.clone(),
            code,
            country: e.country.clone().or(country),
            role: e.role_type.clone().or(role),
            kind: e.kind,
        })
    }

    /// Further codes of the entity keyed `entity` (see [`ActorEntry::also`]).
    pub fn also_codes(&self, entity: &str) -> &[String] {
        self.get(entity).map_or(&[], |e| e.also.as_slice())
    }

    /// The government (or other role type) of state entry `i`: "UKRGOV";
    /// a prefix role ("NGO~") goes before the country: "NGOARN".
    pub fn state_role_actor(&self, i: usize, role: &str, name: Option<&str>) -> Option<Actor> {
        let e = self.entries.get(i)?;
        let country = e.roles.first()?.code.clone();
        let (role, code) = match role.strip_suffix('~') {
            Some(p) => (p, format!("{p}{country}")),
            None => (role, format!("{country}{role}")),
        };
        let entity = if role == "GOV" {
            format!("gov:{country}")
        } else {
            format!("agent:{code}")
        };
        Some(Actor {
            entity,
            name: name.map_or_else(|| format!("{} ({role})", e.name), String::from),
            code,
            country: Some(country),
            role: Some(role.to_string()),
            kind: if role == "GOV" {
                ActorKind::State
            } else {
                ActorKind::Agent
            },
        })
    }

    /// True when person `i` holds `post` on `date` for state entry `state`
    /// ("leader" matches any head-of-state or government post).
    pub fn holds_post(&self, i: usize, state: Option<usize>, post: &str, date: Date) -> bool {
        let Some(role) = self.role_on(i, date) else {
            return false;
        };
        if !role.covers(date) {
            return false;
        }
        if let Some(s) = state {
            let Some(c) = self.entries.get(s).and_then(|e| e.roles.first()) else {
                return false;
            };
            if !role.code.starts_with(c.code.as_str()) {
                return false;
            }
        }
        role.posts
            .iter()
            .any(|p| p == post || (post == "leader" && HEAD_POSTS.contains(&p.as_str())))
    }

    /// True when a title naming `post` cannot be person `i`'s on `date`: the
    /// dictionary lists the posts the person holds then, and the title is a
    /// head of state's or government's where the person holds none, or a
    /// lesser post where the person only heads a state or government
    /// ("Defence Minister Pedro Sánchez" of Colombia is not Spain's prime
    /// minister). A namesake, not the person. Posts of one rank are not
    /// told apart (a "foreign secretary" may be titled "foreign minister");
    /// "leader" and a person with no posts listed contradict nothing.
    pub fn contradicts_post(&self, i: usize, post: &str, date: Date) -> bool {
        let Some(role) = self.role_on(i, date) else {
            return false;
        };
        let head = |p: &str| HEAD_POSTS.contains(&p);
        post != "leader"
            && !role.posts.is_empty()
            && if head(post) {
                !role.posts.iter().any(|p| head(p))
            } else {
                role.posts.iter().all(|p| head(p))
            }
    }

    /// People holding `post` for `state` on `date` according to the dictionary.
    pub fn holders(&self, state: Option<usize>, post: &str, date: Date) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| {
                self.entries
                    .get(i)
                    .is_some_and(|e| e.kind == ActorKind::Person)
            })
            .filter(|&i| self.holds_post(i, state, post, date))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn people_are_coded_by_date() {
        let dict = ActorDict::load(None).unwrap();
        let biden = dict.by_key["person:joe-biden"];
        assert_eq!(dict.actor(biden, d("2023-05-01")).unwrap().code, "USAGOV");
        assert_eq!(dict.actor(biden, d("2025-05-01")).unwrap().code, "USAELI");
        let z = dict.by_key["person:volodymyr-zelenskyy"];
        let a = dict.actor(z, d("2026-01-30")).unwrap();
        assert_eq!(
            (a.code.as_str(), a.country.as_deref(), a.role.as_deref()),
            ("UKRGOV", Some("UKR"), Some("GOV"))
        );
        let un = dict.by_key["org:UNO"];
        let a = dict.actor(un, d("2026-01-30")).unwrap();
        assert_eq!(
            (a.code.as_str(), a.country.as_deref()),
            ("IGOUNO", Some("UNO"))
        );
    }

    #[test]
    fn matching_respects_case_and_boundaries() {
        let dict = ActorDict::load(None).unwrap();
        let t = "We ate turkey. Turkey said the US and us. Ukrainian President Volodymyr Zelenskyy met.";
        let m = dict.find(t);
        let texts: Vec<&str> = m.iter().map(|m| &t[m.start..m.end]).collect();
        assert!(!texts.contains(&"turkey"), "{texts:?}");
        assert!(texts.contains(&"Turkey"));
        assert!(texts.contains(&"US"));
        assert!(!texts.contains(&"us"));
        assert!(
            texts.contains(&"Ukrainian") && texts.contains(&"President"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Volodymyr Zelenskyy"));
        // a mixed-case acronym needs its capitals: "LeT" is a group, "Let" a verb
        let t = "\"Let them talk,\" he said. LeT fighters attacked.";
        let m = dict.find(t);
        let texts: Vec<&str> = m.iter().map(|m| &t[m.start..m.end]).collect();
        assert!(!texts.contains(&"Let"), "{texts:?}");
        assert!(texts.contains(&"LeT"), "{texts:?}");
    }

    #[test]
    fn a_name_opening_with_the_matches_in_lower_case() {
        let entries = parse_actors("x.txt", "state:SHR | The Shire | SHR\n  names: The Shire\n");
        let dict = ActorDict::from_parts(entries.unwrap(), HashMap::default());
        let t = "Mordor, the Shire and Bree met. The Shire left.";
        let texts: Vec<&str> = dict.find(t).iter().map(|m| &t[m.start..m.end]).collect();
        assert_eq!(texts, ["Shire", "The Shire"]);
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let err = parse_actors("x.txt", "state:UKR | Ukraine | UKR\n  bogus\n").unwrap_err();
        assert!(err.to_string().starts_with("x.txt:2:"), "{err}");
        let err = parse_actors(
            "x.txt",
            "person:a | A\n  role: UKRGOV | | 2020-01-01..2019-01-01\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("x.txt:2:"), "{err}");
    }

    #[test]
    fn user_files_override() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("actors-mine.txt"),
            "state:UKR | Ukraine | UKR\n  names: Ukraine; Ukrayina\n",
        )
        .unwrap();
        let dict = ActorDict::load(Some(dir.path())).unwrap();
        let e = dict.get("state:UKR").unwrap();
        assert!(e.names.contains(&"Ukrayina".to_string()));
        assert!(e.adjs.is_empty());
    }
}
