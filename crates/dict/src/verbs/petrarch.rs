//! Importer for PETRARCH-2 verb dictionaries (`CAMEO.2.0.txt`).
//!
//! PETRARCH blocks look like
//!
//! ```text
//! ---  GIVE   [070]  ---
//! GIVE {GIVES GIVING GAVE GIVEN }  # comment
//! DONATE [070]
//! - * APPEAL (FOR RELEASE)        [0253]   # ISSUE
//! ```
//!
//! The importer keeps verb → code (every verb of a block with a code) and
//! simplifies patterns to "verb + the words after `*`": parentheses and
//! braces are dropped, `$`/`+` actor slots end the pattern, `&SYNSETS` are
//! expanded to their members. Anything it cannot read is reported with its
//! line number and skipped.

use std::collections::HashMap;

use super::{compile, Pattern, PatternKind, Roles, VerbDict, VerbEntry};
use crate::DictError;

const FILE: &str = "CAMEO.2.0.txt";

/// The result of an import: the dictionary, its text in chronicler's
/// format, and the lines that could not be read.
#[derive(Debug)]
pub struct Import {
    /// The imported dictionary.
    pub dict: VerbDict,
    /// The dictionary rendered in chronicler's format.
    pub text: String,
    /// Malformed lines (skipped).
    pub problems: Vec<DictError>,
}

fn problem(line: usize, message: impl Into<String>) -> DictError {
    DictError::Syntax {
        file: FILE.to_string(),
        line,
        message: message.into(),
    }
}

fn clean_word(w: &str) -> String {
    w.replace(['+', '$', '%', '^'], "")
        .trim_end_matches('_')
        .replace('_', " ")
        .to_lowercase()
}

/// Takes the code out of "[070]", "[042:043]" or "[---]"; `None` for none.
fn bracket_code(s: &str) -> Option<Option<String>> {
    let open = s.rfind('[')?;
    let close = s[open..].find(']')? + open;
    let inner = s[open + 1..close].trim();
    let code = inner.split(':').next().unwrap_or("").trim();
    if code.is_empty() || code.starts_with('-') {
        Some(None)
    } else if code.chars().all(|c| c.is_ascii_digit()) {
        Some(Some(code.to_string()))
    } else {
        None
    }
}

pub(super) fn import(text: &str) -> Import {
    let mut problems = Vec::new();
    // Pass 1: synonym sets.
    let mut synsets: HashMap<String, Vec<String>> = HashMap::new();
    let mut current_set: Option<String> = None;
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.starts_with("---") {
            current_set = None;
        } else if let Some(name) = line.strip_prefix('&') {
            let name = set_name(name.split_whitespace().next().unwrap_or(""));
            synsets.entry(name.clone()).or_default();
            current_set = Some(name);
        } else if let (Some(set), Some(w)) = (&current_set, line.strip_prefix('+')) {
            // "+AUSTRIAN FLORIN": a sequence of words; "+&TIETYPES": a nested set
            let w = w
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("_")
                .trim_matches('_')
                .to_lowercase();
            if !w.is_empty() {
                synsets.entry(set.clone()).or_default().push(w);
            }
        } else if line.is_empty() {
            // blank lines end nothing: sets run until the next '&' or '---'
        } else {
            current_set = None;
        }
    }

    // Nested sets ("+&TIETYPES" inside "&ACCORDSYN"), two levels deep.
    for _ in 0..2 {
        let snapshot = synsets.clone();
        for members in synsets.values_mut() {
            let mut out = Vec::new();
            for m in members.iter() {
                match m.strip_prefix('&').and_then(|n| snapshot.get(&set_name(n))) {
                    Some(inner) => {
                        out.extend(inner.iter().filter(|x| !x.starts_with('&')).cloned())
                    }
                    None => out.push(m.clone()),
                }
            }
            *members = out;
        }
    }

    let mut dict = VerbDict::default();
    let mut entry_for: HashMap<String, usize> = HashMap::new();
    let mut entry = |dict: &mut VerbDict, code: &str, label: &str, line: usize| -> usize {
        if let Some(&i) = entry_for.get(code) {
            return i;
        }
        dict.entries.push(VerbEntry {
            code: code.to_string(),
            label: label.to_string(),
            status: None,
            roles: Roles::Directed,
            origin: format!("{FILE}:{line}"),
        });
        let i = dict.entries.len() - 1;
        entry_for.insert(code.to_string(), i);
        i
    };

    let mut in_verbs = false;
    let mut block_code: Option<String> = None;
    let mut block_name = String::new();
    let mut verbs: Vec<String> = Vec::new();
    let (mut in_set, mut in_comment) = (false, false);
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if in_comment || line.starts_with("<!") {
            in_comment = !raw.contains("-->");
            continue;
        }
        if line.is_empty() {
            continue;
        }
        // members of a synset defined between verb blocks
        if line.starts_with('&') {
            in_set = true;
            continue;
        }
        if in_set && line.starts_with('+') {
            continue;
        }
        in_set = false;
        if line.starts_with("---") {
            in_verbs = true;
            let inner = line.trim_matches('-').trim();
            block_name = inner
                .split_whitespace()
                .next()
                .map(clean_word)
                .unwrap_or_default();
            match bracket_code(inner) {
                Some(c) => block_code = c,
                None => {
                    problems.push(problem(line_no, format!("bad block header '{line}'")));
                    block_code = None;
                }
            }
            verbs.clear();
            continue;
        }
        if !in_verbs {
            continue;
        }
        if let Some(pat) = line.strip_prefix('-') {
            let Some(code) = bracket_code(pat) else {
                problems.push(problem(
                    line_no,
                    format!("pattern without [code]: '{line}'"),
                ));
                continue;
            };
            let Some(code) = code else { continue };
            let body = &pat[..pat.rfind('[').unwrap_or(pat.len())];
            if !body.contains('*') {
                problems.push(problem(line_no, "pattern without '*'"));
                continue;
            }
            if verbs.is_empty() {
                continue;
            }
            let e = entry(&mut dict, &code, &block_name, line_no);
            for v in &verbs {
                match pattern_text(body, v, &synsets) {
                    Ok(text) if text.is_empty() => {}
                    Ok(text) => push(&mut dict, &mut problems, &text, &code, e, line_no),
                    Err(m) => {
                        problems.push(problem(line_no, m));
                        break;
                    }
                }
            }
            continue;
        }
        // A verb line: WORD {FORMS} [code]
        let head = line.split(['{', '[']).next().unwrap_or("").trim();
        let lemma = clean_word(head);
        if lemma.is_empty() || lemma.contains(' ') && lemma.split(' ').count() > 3 {
            problems.push(problem(line_no, format!("unreadable verb line '{line}'")));
            continue;
        }
        verbs.push(lemma.clone());
        let code = if line.contains('[') {
            match bracket_code(line) {
                Some(c) => c,
                None => {
                    problems.push(problem(line_no, format!("bad code in '{line}'")));
                    continue;
                }
            }
        } else {
            block_code.clone()
        };
        if let Some(code) = code {
            let e = entry(&mut dict, &code, &block_name, line_no);
            push(&mut dict, &mut problems, &lemma, &code, e, line_no);
        }
    }
    let text = dict.to_text();
    Import {
        dict,
        text,
        problems,
    }
}

/// A synset's name without its `&` and `_` decorations, upper case.
fn set_name(s: &str) -> String {
    s.trim_start_matches('&').trim_matches('_').to_uppercase()
}

/// Every inflected form of a (possibly multi-word, `_`-joined) verb, as
/// chronicler alternatives: "break_down|broke_down|breaks_down|...".
fn verb_alternatives(verb: &str) -> String {
    let words: Vec<&str> = verb.split(' ').collect();
    let rest = words.get(1..).unwrap_or(&[]).join("_");
    super::verb_forms(words.first().copied().unwrap_or(""))
        .into_iter()
        .map(|f| {
            if rest.is_empty() {
                f
            } else {
                format!("{f}_{rest}")
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The alternatives of one `_`-joined PETRARCH unit ("NEW_&TIETYPES_RELATIONS"
/// → "new_military_relations|new_economic_relations|...").
fn unit_alternatives(unit: &str, synsets: &HashMap<String, Vec<String>>) -> Result<String, String> {
    let mut alts: Vec<String> = vec![String::new()];
    let unit = unit.replace(['+', '$', '%', '^'], "");
    for part in unit.split('_').filter(|p| !p.is_empty()) {
        let options: Vec<String> = if let Some(name) = part.strip_prefix('&') {
            match synsets.get(&set_name(name)) {
                Some(ms) if !ms.is_empty() => ms.clone(),
                _ => return Err(format!("unknown synset '&{name}'")),
            }
        } else {
            let w = part.to_lowercase();
            if !w
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
            {
                return Err(format!("unreadable word '{part}'"));
            }
            vec![w]
        };
        let mut next = Vec::new();
        for a in &alts {
            for o in &options {
                next.push(if a.is_empty() {
                    o.clone()
                } else {
                    format!("{a}_{o}")
                });
            }
        }
        alts = next;
        if alts.len() > 64 {
            return Err(format!("too many alternatives in '{unit}'"));
        }
    }
    Ok(alts.join("|"))
}

/// Words a PETRARCH pattern may skip between two of its parts (PETRARCH
/// matches within the phrase; `_` joins words that must be adjacent).
const GAP: &str = "*3";

/// A PETRARCH pattern ("HEAVILY UNJUSTLY * [123]", "* &CURRENCY",
/// "SO IN_AND_*_OUT_AGAIN NOW") as a chronicler verb pattern for `verb`:
/// words before the `*` come first ("heavily *3 unjustly *3
/// criticize|criticized|..."), the verb in all its forms; actor markers
/// (`$`, `+`, `%`) and skips (`^`) are dropped (chronicler finds the actors
/// itself); parentheses and braces are ignored.
fn pattern_text(
    body: &str,
    verb: &str,
    synsets: &HashMap<String, Vec<String>>,
) -> Result<String, String> {
    let cleaned: String = body
        .chars()
        .map(|c| {
            if matches!(c, '(' | ')' | '{' | '}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut parts: Vec<String> = Vec::new();
    let mut verb_first = false;
    for unit in cleaned.split_whitespace() {
        let unit = unit.trim_matches(|c| matches!(c, '$' | '+' | '%' | '^'));
        let unit = unit.trim_matches('_');
        if unit.is_empty() {
            continue;
        }
        if unit.contains('*') {
            // "IN_*", "*_OUT", "FAILED_TO_*": the verb joined to its neighbours
            let mut seq: Vec<String> = Vec::new();
            for (i, side) in unit.split('*').enumerate() {
                if i > 0 {
                    if parts.is_empty() && seq.is_empty() {
                        verb_first = true;
                        seq.push(verb.replace(' ', "_"));
                    } else {
                        seq.push(verb_alternatives(verb));
                    }
                }
                let side = side.trim_matches('_');
                if !side.is_empty() {
                    seq.push(unit_alternatives(side, synsets)?);
                }
            }
            // adjacent pieces: alternatives cannot be joined, so each piece
            // is its own element with no gap between
            parts.push(seq.join(" "));
            continue;
        }
        parts.push(unit_alternatives(unit, synsets)?);
    }
    if parts.is_empty() {
        return Err("empty pattern".into());
    }
    if verb_first && parts.len() == 1 && !parts[0].contains(' ') {
        // only the verb: its markers ("% *") are for PETRARCH's parser
        return Ok(String::new());
    }
    let text = parts.join(&format!(" {GAP} "));
    // A pattern must start with a word: the verb (inflected by chronicler)
    // or the first word before it.
    if verb_first {
        Ok(text.replacen('_', " ", verb.matches(' ').count()))
    } else {
        Ok(text)
    }
}

fn push(
    dict: &mut VerbDict,
    problems: &mut Vec<DictError>,
    text: &str,
    code: &str,
    entry: usize,
    line: usize,
) {
    match compile(PatternKind::Verb, text) {
        Ok(elems) => dict.push_pattern(Pattern {
            kind: PatternKind::Verb,
            text: text.to_string(),
            elems,
            code: code.to_string(),
            entry,
            origin: format!("{FILE}:{line}"),
            live: true,
        }),
        Err(m) => problems.push(problem(line, m)),
    }
}
