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
    w.trim_start_matches('+')
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
            let name = name.split_whitespace().next().unwrap_or("").to_string();
            synsets.entry(name.clone()).or_default();
            current_set = Some(name);
        } else if let (Some(set), Some(w)) = (&current_set, line.strip_prefix('+')) {
            let w = clean_word(w.split_whitespace().next().unwrap_or(""));
            if !w.is_empty() {
                synsets.entry(set.clone()).or_default().push(w);
            }
        } else if line.is_empty() {
            // blank lines end nothing: sets run until the next '&' or '---'
        } else {
            current_set = None;
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
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
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
        if !in_verbs || line.starts_with('&') {
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
            let Some((_, after)) = body.split_once('*') else {
                problems.push(problem(line_no, "pattern without '*'"));
                continue;
            };
            let mut words: Vec<String> = Vec::new();
            let mut ok = true;
            for tok in after.split_whitespace() {
                let tok = tok.trim_matches(|c| matches!(c, '(' | ')' | '{' | '}'));
                if tok.is_empty() {
                    continue;
                }
                if tok.starts_with('$')
                    || tok.starts_with('+')
                    || tok.starts_with('%')
                    || tok.starts_with('^')
                {
                    break;
                }
                if let Some(set) = tok.strip_prefix('&') {
                    match synsets
                        .get(set.trim_end_matches('_'))
                        .or_else(|| synsets.get(set))
                    {
                        Some(ms) if !ms.is_empty() => {
                            let alts: Vec<String> =
                                ms.iter().filter(|m| !m.contains(' ')).cloned().collect();
                            if alts.is_empty() {
                                ok = false;
                                break;
                            }
                            words.push(alts.join("|"));
                        }
                        _ => {
                            problems.push(problem(line_no, format!("unknown synset '&{set}'")));
                            ok = false;
                            break;
                        }
                    }
                    continue;
                }
                let w = clean_word(tok);
                if w.is_empty()
                    || !w
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == ' ')
                {
                    problems.push(problem(line_no, format!("unreadable word '{tok}'")));
                    ok = false;
                    break;
                }
                words.push(w);
            }
            if !ok || (words.is_empty() && block_code.as_deref() != Some(code.as_str())) {
                continue;
            }
            let e = entry(&mut dict, &code, &block_name, line_no);
            for v in &verbs {
                let text = if words.is_empty() {
                    v.clone()
                } else {
                    format!("{v} {}", words.join(" "))
                };
                push(&mut dict, &mut problems, &text, &code, e, line_no);
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
