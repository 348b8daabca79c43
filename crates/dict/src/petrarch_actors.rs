//! Importers for PETRARCH/TABARI actor, agent and discard dictionaries.
//!
//! Actor files (`Phoenix.Countries.actors.txt`, `PETR.Validate.actors.txt`):
//!
//! ```text
//! GONDOR [GON]                    # NAME [CODE]; words joined by '_' or spaces
//! +MINAS_TIRITH                   # an alias of the entry above
//! GOLLUM                          # codes may follow on indented lines,
//!     [HOB < 950601]              #   bounded by dates: before,
//!     [HOBGOV 19950601 - 19990815]#   between,
//!     [HOBREB > 990816]           #   after (YYMMDD or YYYYMMDD)
//! BOROMIR [---]                   # a null code: known but never coded
//! <!-- comments -->               # also '#' to the end of a line
//! ```
//!
//! Agent files: `NAME {PLURALS} [~CODE]` (the code is appended to the
//! actor's: "Arnor police" is `ARN` + `COP`), `[CODE~]` (prefixed: "MSF
//! Arnor" is `NGO` + `ARN`; kept as `NGO~`), and substitution sets
//! `!PERSON! = MAN, MEN, WOMAN`. Without `{...}` the regular plural is
//! added; an empty `{}` means the noun has no plural ("POLICE {}": no
//! "polices").
//!
//! An actor with several codes (`LORIEN [ELR/GAL]`) is coded by the first;
//! the others are kept in [`ActorEntry::also`].
//!
//! Discard files: phrases that make a sentence (or, with `+`, the whole
//! story) uncodable.
//!
//! Names are turned into chronicler's conventions: `_` becomes a space, a
//! trailing `_` (PETRARCH's "whole word only") is dropped, each word is
//! capitalised (a capitalised dictionary word matches a capitalised word in
//! any case: "Arnor", "ARNOR"; PETRARCH matches without regard to case).
//! Entries whose code is a bare three-letter code become states (`state:`
//! keys, so that agents combine with them: "Gondor police" → `GONCOP`);
//! date-bounded entries become people; the others organisations.

use std::collections::HashMap;

use chronicler_core::ActorKind;
use jiff::civil::Date;

use crate::actors::{ActorEntry, RoleSpec};
use crate::verbs::noun_forms;
use crate::DictError;

/// The result of importing an actors file.
#[derive(Debug, Default)]
pub struct ActorImport {
    /// The entries, in file order.
    pub entries: Vec<ActorEntry>,
    /// Lines that could not be read (skipped).
    pub problems: Vec<DictError>,
}

/// The result of importing an agents file.
#[derive(Debug, Default)]
pub struct AgentImport {
    /// (lower-case noun phrase, role code) in file order.
    pub agents: Vec<(String, String)>,
    /// Lines that could not be read (skipped).
    pub problems: Vec<DictError>,
}

/// Discard phrases (lower case).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Discards {
    /// Phrases that make the whole story uncodable (`+` lines).
    pub story: Vec<String>,
    /// Phrases that make their sentence uncodable.
    pub sentence: Vec<String>,
}

fn problem(file: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// The lines of a PETRARCH file without comments (`#` to the end of the
/// line, `<!-- ... -->` blocks, `<! ... >` lines), with their numbers.
fn content_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (n, raw) in text.lines().enumerate() {
        let mut line = raw.to_string();
        if in_block {
            match line.find("-->") {
                Some(i) => {
                    in_block = false;
                    line = line[i + 3..].to_string();
                }
                None => continue,
            }
        }
        while let Some(i) = line.find("<!") {
            match line[i..].find('>') {
                Some(j) if line[i..i + j + 1].ends_with("-->") || !line[i..].contains("--") => {
                    line.replace_range(i..i + j + 1, " ");
                }
                _ => match line[i..].find("-->") {
                    Some(j) => line.replace_range(i..i + j + 3, " "),
                    None => {
                        line.truncate(i);
                        in_block = true;
                        break;
                    }
                },
            }
        }
        if let Some(i) = line.find('#') {
            line.truncate(i);
        }
        if !line.trim().is_empty() {
            out.push((n + 1, line.trim_end().to_string()));
        }
    }
    out
}

/// "MINAS_TIRITH_" → "Minas Tirith"; `None` when nothing is left.
fn name_form(raw: &str) -> Option<String> {
    let words: Vec<String> = raw
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A PETRARCH date: `YYYYMMDD` or `YYMMDD` (years 00-30 are 20xx).
fn petrarch_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s.get(..4)?.parse::<i16>().ok()?, s.get(4..)?),
        6 => {
            let yy = s.get(..2)?.parse::<i16>().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        _ => return None,
    };
    let m = rest.get(..2)?.parse::<i8>().ok()?;
    let d = rest.get(2..4)?.parse::<i8>().ok()?;
    Date::new(y, m, d).ok()
}

/// One `[CODE/CODE2 date-restriction]`: no code for `---`/`+++` (never coded).
type CodeSpec = (Vec<String>, Option<Date>, Option<Date>);

fn parse_code(inner: &str) -> Result<CodeSpec, String> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    };
    // "ELR/GAL": several codes, all kept.
    let mut codes = Vec::new();
    for code in code.split('/') {
        let code = code.trim().to_uppercase();
        if code.is_empty() || code.chars().all(|c| matches!(c, '-' | '+' | '#')) {
            continue;
        }
        if !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format!("bad code '{code}'"));
        }
        codes.push(code);
    }
    let (mut from, mut to) = (None, None);
    if let Some(d) = rest.strip_prefix('<') {
        let d = petrarch_date(d).ok_or_else(|| format!("bad date in '{inner}'"))?;
        to = d.yesterday().ok();
    } else if let Some(d) = rest.strip_prefix('>') {
        from = Some(petrarch_date(d).ok_or_else(|| format!("bad date in '{inner}'"))?);
    } else if let Some((a, b)) = rest.split_once('-') {
        from = Some(petrarch_date(a).ok_or_else(|| format!("bad date in '{inner}'"))?);
        to = Some(petrarch_date(b).ok_or_else(|| format!("bad date in '{inner}'"))?);
    } else if !rest.is_empty() {
        return Err(format!("bad date restriction in '{inner}'"));
    }
    Ok((codes, from, to))
}

/// An entry being read: names and code specs.
struct Pending {
    line: usize,
    names: Vec<String>,
    codes: Vec<CodeSpec>,
}

fn slug(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}

/// Imports a PETRARCH/TABARI actors file.
pub fn import_actors(file: &str, text: &str) -> ActorImport {
    let mut out = ActorImport::default();
    let mut pending: Vec<Pending> = Vec::new();
    for (ln, line) in content_lines(text) {
        let trimmed = line.trim();
        // Split off "[...]" groups.
        let (head, brackets) = match trimmed.find('[') {
            Some(i) => (trimmed[..i].trim(), &trimmed[i..]),
            None => (trimmed, ""),
        };
        let mut codes = Vec::new();
        let mut rest = brackets;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']') else {
                out.problems.push(problem(file, ln, "'[' without ']'"));
                break;
            };
            match parse_code(&rest[open + 1..open + close]) {
                Ok(c) => codes.push(c),
                Err(m) => out.problems.push(problem(file, ln, m)),
            }
            rest = &rest[open + close + 1..];
        }
        if let Some(alias) = head.strip_prefix('+') {
            match (pending.last_mut(), name_form(alias)) {
                (Some(p), Some(n)) => {
                    p.names.push(n);
                    p.codes.extend(codes);
                }
                _ => out
                    .problems
                    .push(problem(file, ln, "alias line before any entry")),
            }
        } else if head.is_empty() {
            match pending.last_mut() {
                Some(p) => p.codes.extend(codes),
                None => out
                    .problems
                    .push(problem(file, ln, "code line before any entry")),
            }
        } else if let Some(n) = name_form(head) {
            pending.push(Pending {
                line: ln,
                names: vec![n],
                codes,
            });
        }
    }
    let mut taken: HashMap<String, usize> = HashMap::new();
    for p in pending {
        // Date-bounded codes first: the first one in force wins, the
        // unbounded one is the default.
        let mut roles: Vec<RoleSpec> = Vec::new();
        let mut bounded: Vec<&CodeSpec> = p
            .codes
            .iter()
            .filter(|c| c.1.is_some() || c.2.is_some())
            .collect();
        bounded.extend(p.codes.iter().filter(|c| c.1.is_none() && c.2.is_none()));
        let mut also = Vec::new();
        for (codes, from, to) in bounded {
            if let Some((c, more)) = codes.split_first() {
                roles.push(RoleSpec {
                    code: c.clone(),
                    posts: Vec::new(),
                    from: *from,
                    to: *to,
                });
                if from.is_none() && to.is_none() {
                    also.extend(more.iter().cloned());
                }
            }
        }
        if p.codes.is_empty() {
            out.problems
                .push(problem(file, p.line, format!("{} has no code", p.names[0])));
            continue;
        }
        // Null-coded ("BOROMIR [---]"): known, never coded.
        if roles.is_empty() {
            continue;
        }
        let name = p.names[0].clone();
        let single = roles.len() == 1 && roles[0].from.is_none() && roles[0].to.is_none();
        let first = roles[0].code.clone();
        let (kind, key) =
            if single && first.len() == 3 && first.chars().all(|c| c.is_ascii_uppercase()) {
                match taken.get(&first) {
                    None => (ActorKind::State, format!("state:{first}")),
                    Some(_) => (ActorKind::State, format!("seat:{}", slug(&name))),
                }
            } else if !single {
                (ActorKind::Person, format!("person:{}", slug(&name)))
            } else {
                (ActorKind::Organization, format!("org:{}", slug(&name)))
            };
        *taken.entry(first).or_insert(0) += 1;
        out.entries.push(ActorEntry {
            key,
            name,
            kind,
            roles,
            names: p.names,
            adjs: Vec::new(),
            gov: Vec::new(),
            titles: Vec::new(),
            country: None,
            role_type: None,
            also,
            origin: (file.to_string(), p.line),
        });
    }
    out
}

/// Imports a PETRARCH agents file.
pub fn import_agents(file: &str, text: &str) -> AgentImport {
    let mut out = AgentImport::default();
    let mut subst: HashMap<String, Vec<String>> = HashMap::new();
    for (ln, line) in content_lines(text) {
        let line = line.trim();
        if line.starts_with('!') {
            if let Some((k, v)) = line.split_once('=') {
                let vals = v
                    .split(',')
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect();
                subst.insert(k.trim().to_string(), vals);
                continue;
            }
        }
        let Some(open) = line.find('[') else {
            out.problems.push(problem(file, ln, "agent without [code]"));
            continue;
        };
        let Some(close) = line[open..].find(']') else {
            out.problems.push(problem(file, ln, "'[' without ']'"));
            continue;
        };
        let inner = line[open + 1..open + close].trim();
        let mut code: String = inner
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_uppercase();
        // "[NGO~]": a prefix ("MSF Arnor" is NGOARN), kept as "NGO~".
        if inner.ends_with('~') && !code.is_empty() {
            code.push('~');
        }
        if code.is_empty() {
            out.problems.push(problem(file, ln, "empty agent code"));
            continue;
        }
        let head = &line[..open];
        let (noun, plurals) = match head.find('{') {
            Some(b) => {
                let inner = head[b + 1..].split('}').next().unwrap_or("");
                let ps: Vec<String> = inner
                    .split_whitespace()
                    .map(|w| w.replace('_', " ").to_lowercase())
                    .collect();
                (head[..b].trim(), Some(ps))
            }
            None => (head.trim(), None),
        };
        // Expand !SUBST! markers into every member.
        let mut forms: Vec<String> = vec![noun.to_lowercase()];
        while let Some(f) = forms.iter().position(|f| f.matches('!').count() >= 2) {
            let f = forms.remove(f);
            let a = f.find('!').unwrap_or(0);
            let b = f[a + 1..].find('!').map_or(f.len(), |x| x + a + 1);
            let key = format!("!{}!", f[a + 1..b].to_uppercase());
            match subst.get(&key) {
                Some(vals) => {
                    for v in vals {
                        forms.push(format!("{}{v}{}", &f[..a], &f[(b + 1).min(f.len())..]));
                    }
                }
                None => {
                    out.problems
                        .push(problem(file, ln, format!("unknown set {key}")));
                }
            }
        }
        for f in forms {
            let f = f.replace('_', " ").trim().to_string();
            if f.is_empty() {
                continue;
            }
            let mut all = match &plurals {
                // "{}" (no plural) or "{GEESE}" (these plurals only).
                Some(ps) => {
                    let mut v = vec![f.clone()];
                    v.extend(ps.iter().cloned());
                    v
                }
                None => {
                    let (init, last) = f.rsplit_once(' ').unwrap_or(("", f.as_str()));
                    noun_forms(last)
                        .into_iter()
                        .map(|l| {
                            if init.is_empty() {
                                l
                            } else {
                                format!("{init} {l}")
                            }
                        })
                        .collect()
                }
            };
            all.dedup();
            for a in all {
                out.agents.push((a, code.clone()));
            }
        }
    }
    out
}

/// Reads a PETRARCH discards file.
pub fn import_discards(text: &str) -> Discards {
    let mut d = Discards::default();
    for (_, line) in content_lines(text) {
        let line = line.trim();
        match line.strip_prefix('+') {
            Some(s) => d.story.push(s.trim().replace('_', " ").to_lowercase()),
            None => d.sentence.push(line.replace('_', " ").to_lowercase()),
        }
    }
    d
}

/// Renders imported entries and agents in chronicler's `actors*.txt` and
/// `agents*.txt` formats, so that an import can be saved and edited.
pub fn to_text(entries: &[ActorEntry], agents: &[(String, String)]) -> (String, String) {
    let mut a = String::new();
    for e in entries {
        let codes: Vec<String> = e
            .roles
            .iter()
            .map(|r| match (r.from, r.to) {
                (None, None) => r.code.clone(),
                (f, t) => format!(
                    "{} {}..{}",
                    r.code,
                    f.map(|d| d.to_string()).unwrap_or_default(),
                    t.map(|d| d.to_string()).unwrap_or_default()
                ),
            })
            .collect();
        a.push_str(&format!("{} | {} | {}\n", e.key, e.name, codes.join("; ")));
        a.push_str(&format!("  names: {}\n", e.names.join("; ")));
        if !e.also.is_empty() {
            a.push_str(&format!("  also: {}\n", e.also.join("; ")));
        }
        a.push('\n');
    }
    let mut g = String::new();
    for (n, c) in agents {
        g.push_str(&format!("{n} | {c}\n"));
    }
    (a, g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_with_aliases_dates_and_comments() {
        let text = "<!-- header\n# x\n-->\nGONDOR [GON]\n+MINAS_TIRITH\nBOROMIR  [---]\n\
                    GOLLUM  # c\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBREB > 990816]\n\
                    WHITE_HOUSE [USAGOV] #jw\n<! -- x -->\nARNOR_  [ARN]\n";
        let imp = import_actors("a.txt", text);
        assert!(imp.problems.is_empty(), "{:?}", imp.problems);
        let keys: Vec<&str> = imp.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            ["state:GON", "person:gollum", "org:white-house", "state:ARN"]
        );
        assert_eq!(imp.entries[0].names, ["Gondor", "Minas Tirith"]);
        let g = &imp.entries[1];
        let lorien = import_actors("a.txt", "LORIEN  [ELR/GAL]\nTHE_SHIRE [FRO/BIL/SAM]\n");
        let e = &lorien.entries;
        assert_eq!(
            (e[0].roles[0].code.as_str(), &e[0].also[..]),
            ("ELR", &["GAL".to_string()][..])
        );
        assert_eq!(e[1].also, ["BIL", "SAM"]);
        assert_eq!(e[1].kind, ActorKind::State);
        assert_eq!(g.roles[0].to, Date::new(1995, 5, 31).ok());
        assert_eq!(g.roles[1].from, Date::new(1999, 8, 16).ok());
    }

    #[test]
    fn agents_with_sets_and_plurals() {
        let text = "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [ ~COP]\n\
                    GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nSOLDIER [~MIL]\nMSF {} [NGO~]\n";
        let imp = import_agents("g.txt", text);
        assert!(imp.problems.is_empty(), "{:?}", imp.problems);
        let has = |n: &str, c: &str| imp.agents.iter().any(|(a, b)| a == n && b == c);
        assert!(has("congressman", "LEG") && has("congressmen", "LEG"));
        assert!(has("police", "COP") && has("golden geese", "GGS"));
        assert!(has("soldier", "MIL") && has("soldiers", "MIL"));
        assert!(has("msf", "NGO~"));
        // "{}": no plural.
        assert!(!imp.agents.iter().any(|(a, _)| a == "polices"));
    }

    #[test]
    fn saved_imports_read_back() {
        let actors = import_actors("a.txt", "THE_SHIRE [FRO/BIL/SAM]\n");
        let agents = import_agents("g.txt", "MSF {} [NGO~]\nSOLDIER [~MIL]\n");
        let (a, g) = to_text(&actors.entries, &agents.agents);
        let back = crate::actors::parse_actors("a.txt", &a).unwrap();
        assert_eq!(back[0].also, ["BIL", "SAM"]);
        let back = crate::actors::parse_agents("g.txt", &g).unwrap();
        assert!(
            back.iter().any(|(n, c, _)| n == "msf" && c == "NGO~"),
            "{g}"
        );
    }

    #[test]
    fn discards_story_and_sentence() {
        let d = import_discards("MONTHS LATER\n+TYPHOON   # x\n");
        assert_eq!(d.sentence, ["months later"]);
        assert_eq!(d.story, ["typhoon"]);
    }
}
