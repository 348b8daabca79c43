//! The verbs dictionary: verb and noun patterns for CAMEO event codes.
//!
//! The format is documented in `data/dictionaries/VERBS.md` and in the header
//! of `data/dictionaries/verbs.txt`. In short, a file is a list of blocks:
//!
//! ```text
//! [036] express intent to meet or negotiate
//! verb: invite; offer to meet; be ready|prepared|willing to meet|talk
//! noun: invitation; offer of talks
//! status: proposed
//! roles: directed
//! ```
//!
//! A `verb:` pattern's first word is a lemma, matched in every inflected
//! form (`hold` matches `holds`, `held`, `holding`); a `noun:` pattern's
//! words match in the singular or the plural. `a|b` gives alternatives,
//! `(a|b)` an optional word, `*` up to four arbitrary words. A pattern may
//! end with `=CODE` to give it a code other than its block's.

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use chronicler_core::Status;

use crate::DictError;

mod inflect;
mod matcher;
mod petrarch;

pub use inflect::{noun_forms, verb_forms};
pub use petrarch::Import;

const BUILTIN: &str = include_str!("../../../data/dictionaries/verbs.txt");

/// How a block's actors are read from the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    /// Source acts on target (the default).
    Directed,
    /// A mutual act: "X and Y held talks", "talks between X and Y".
    Symmetric,
    /// A two-way act coded once per direction ("X and Y exchanged prisoners").
    Exchange,
    /// A third party brokers between two parties: one event per party.
    Mediator,
}

impl Roles {
    fn parse(s: &str) -> Option<Roles> {
        match s.trim() {
            "directed" => Some(Roles::Directed),
            "symmetric" => Some(Roles::Symmetric),
            "mediator" => Some(Roles::Mediator),
            "exchange" => Some(Roles::Exchange),
            _ => None,
        }
    }

    /// Lower-case name, as written in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            Roles::Directed => "directed",
            Roles::Symmetric => "symmetric",
            Roles::Mediator => "mediator",
            Roles::Exchange => "exchange",
        }
    }
}

/// Whether a pattern is a verb phrase or a noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    /// Verb phrase: first word inflected.
    Verb,
    /// Noun phrase: words in singular or plural.
    Noun,
}

/// One element of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// One of these (lower-case) words or word sequences (`air_defence`).
    Word(Vec<Vec<String>>),
    /// Optionally one of these.
    Opt(Vec<Vec<String>>),
    /// Up to this many arbitrary words.
    Gap(usize),
}

/// One pattern of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Verb or noun.
    pub kind: PatternKind,
    /// The pattern as written.
    pub text: String,
    /// Compiled elements.
    pub elems: Vec<Elem>,
    /// CAMEO code.
    pub code: String,
    /// Index of the block it belongs to in [`VerbDict::entries`].
    pub entry: usize,
    /// Where it was written (file and line).
    pub origin: String,
    /// False once a later pattern with the same words replaced it.
    pub live: bool,
}

/// The code of a block of phrases that are no event (`[---]`, as in
/// PETRARCH's dictionaries): idioms that read like an act ("executed a
/// search warrant", "fired a coach"). They take part in choosing among
/// overlapping matches, and a match of one codes nothing.
pub const NO_EVENT: &str = "---";

/// A CAMEO code as written in a block header or an override: digits, or
/// [`NO_EVENT`].
fn valid_code(code: &str) -> bool {
    code == NO_EVENT || (!code.is_empty() && code.chars().all(|c| c.is_ascii_digit()))
}

impl Pattern {
    /// Whether the pattern is one of a `[---]` block: no event.
    pub fn is_null(&self) -> bool {
        self.code == NO_EVENT
    }

    /// A short rule id for explanations: `036 verb "invite"`.
    pub fn rule(&self) -> String {
        let k = match self.kind {
            PatternKind::Verb => "verb",
            PatternKind::Noun => "noun",
        };
        format!("{} {k} \"{}\"", self.code, self.text)
    }
}

/// One block of the dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbEntry {
    /// CAMEO code of the block.
    pub code: String,
    /// Label written after the code.
    pub label: String,
    /// Status events coded by this block get unless the sentence says
    /// otherwise (`None`: decided from tense and modality).
    pub status: Option<Status>,
    /// How actors are read.
    pub roles: Roles,
    /// Where the block starts.
    pub origin: String,
}

/// A pattern found in a sequence of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternMatch {
    /// Index into [`VerbDict::patterns`].
    pub pattern: usize,
    /// First word matched.
    pub start: usize,
    /// One past the last word matched.
    pub end: usize,
    /// Words inside the match that the pattern did not name (gaps, skips).
    pub gap: usize,
}

/// The compiled verbs dictionary.
#[derive(Debug, Default, Clone)]
pub struct VerbDict {
    /// Blocks, in file order.
    pub entries: Vec<VerbEntry>,
    /// Patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// First word → patterns that can start with it. Looked up once per
    /// token of every sentence, so with a cheap hash (FxHash: keys are
    /// dictionary words, a collision only costs a comparison).
    index: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// (kind, normalized text) → pattern, for overrides.
    by_key: HashMap<(bool, String), usize>,
    /// The live patterns compiled for [`VerbDict::find`], made at its
    /// first call after a change (every change goes through
    /// `push_pattern`, which drops it).
    matcher: std::sync::OnceLock<matcher::Matcher>,
}

impl VerbDict {
    /// Built-in entries, extended by the user's `verbs*.txt` files in `dir`
    /// (in file-name order). A user pattern with the same words and kind as
    /// an earlier one replaces it.
    pub fn load(dir: Option<&Path>) -> Result<VerbDict, DictError> {
        let mut d = VerbDict::default();
        d.add_text("verbs.txt", BUILTIN)?;
        if let Some(dir) = dir {
            let io = |e: std::io::Error| DictError::Io {
                file: dir.display().to_string(),
                source: e,
            };
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .map_err(io)?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("verbs") && n.ends_with(".txt"))
                })
                .collect();
            files.sort();
            for f in files {
                let name = f.display().to_string();
                let text = std::fs::read_to_string(&f).map_err(|e| DictError::Io {
                    file: name.clone(),
                    source: e,
                })?;
                d.add_text(&name, &text)?;
            }
        }
        Ok(d)
    }

    /// Parses a dictionary text.
    pub fn parse(file: &str, text: &str) -> Result<VerbDict, DictError> {
        let mut d = VerbDict::default();
        d.add_text(file, text)?;
        Ok(d)
    }

    /// Adds the blocks of one file; later patterns override equal earlier ones.
    pub fn add_text(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let err = |line: usize, message: String| DictError::Syntax {
            file: file.to_string(),
            line,
            message,
        };
        let mut current: Option<usize> = None;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let (code, label) = rest
                    .split_once(']')
                    .ok_or_else(|| err(line_no, "block header without ']'".into()))?;
                let code = code.trim();
                if !valid_code(code) {
                    return Err(err(line_no, format!("bad CAMEO code '{code}'")));
                }
                self.entries.push(VerbEntry {
                    code: code.to_string(),
                    label: label.trim().to_string(),
                    status: None,
                    roles: Roles::Directed,
                    origin: format!("{file}:{line_no}"),
                });
                current = Some(self.entries.len() - 1);
                continue;
            }
            let (key, value) = line
                .split_once(':')
                .ok_or_else(|| err(line_no, format!("expected 'key: value', got '{line}'")))?;
            let entry =
                current.ok_or_else(|| err(line_no, "line outside a [CODE] block".into()))?;
            match key.trim() {
                "verb" | "noun" => {
                    let kind = if key.trim() == "verb" {
                        PatternKind::Verb
                    } else {
                        PatternKind::Noun
                    };
                    for p in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                        let (ptext, code) = match p.rsplit_once('=') {
                            Some((t, c)) => {
                                let c = c.trim();
                                if !valid_code(c) {
                                    return Err(err(line_no, format!("bad code override '={c}'")));
                                }
                                (t.trim(), c.to_string())
                            }
                            None => (p, self.entries[entry].code.clone()),
                        };
                        let elems = compile(kind, ptext).map_err(|m| err(line_no, m))?;
                        self.push_pattern(Pattern {
                            kind,
                            text: ptext.to_string(),
                            elems,
                            code,
                            entry,
                            origin: format!("{file}:{line_no}"),
                            live: true,
                        });
                    }
                }
                "status" => {
                    let s = Status::parse(value).ok_or_else(|| {
                        err(line_no, format!("unknown status '{}'", value.trim()))
                    })?;
                    self.entries[entry].status = Some(s);
                }
                "roles" => {
                    let r = Roles::parse(value)
                        .ok_or_else(|| err(line_no, format!("unknown roles '{}'", value.trim())))?;
                    self.entries[entry].roles = r;
                }
                other => return Err(err(line_no, format!("unknown key '{other}'"))),
            }
        }
        Ok(())
    }

    fn push_pattern(&mut self, p: Pattern) {
        // A later pattern with the same words and kind replaces the earlier.
        let key = (
            p.kind == PatternKind::Verb,
            p.text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        );
        if let Some(old) = self.by_key.get(&key).copied() {
            if let Some(firsts) = self.patterns[old].elems.first().map(first_words) {
                for w in firsts {
                    if let Some(v) = self.index.get_mut(&w) {
                        v.retain(|&i| i != old);
                    }
                }
            }
            self.patterns[old].live = false;
        }
        self.matcher = std::sync::OnceLock::new();
        let i = self.patterns.len();
        self.by_key.insert(key, i);
        if let Some(first) = p.elems.first() {
            for w in first_words(first) {
                self.index.entry(w).or_default().push(i);
            }
        }
        self.patterns.push(p);
    }

    /// The live patterns (overridden ones are skipped).
    pub fn live_patterns(&self) -> impl Iterator<Item = (usize, &Pattern)> {
        self.patterns.iter().enumerate().filter(|(_, p)| p.live)
    }

    /// The block a pattern belongs to.
    pub fn entry_of(&self, p: &Pattern) -> Option<&VerbEntry> {
        self.entries.get(p.entry)
    }

    /// Every match of every pattern in `words` (lower-case tokens), in
    /// order of start. Overlapping matches are all returned.
    pub fn find(&self, words: &[&str]) -> Vec<PatternMatch> {
        self.matcher
            .get_or_init(|| matcher::Matcher::new(&self.patterns, &self.index))
            .find(words)
    }

    /// Problems a linter should report: unknown codes, patterns mapped to
    /// two different codes.
    pub fn lint(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for e in &self.entries {
            if e.code != NO_EVENT && chronicler_core::cameo::info(&e.code).is_none() {
                problems.push(format!("{}: unknown CAMEO code {}", e.origin, e.code));
            }
        }
        let mut seen: HashMap<(bool, String), (&str, &str)> = HashMap::default();
        for p in &self.patterns {
            if !p.is_null() && chronicler_core::cameo::info(&p.code).is_none() {
                problems.push(format!("{}: unknown CAMEO code {}", p.origin, p.code));
            }
            let key = (p.kind == PatternKind::Verb, p.text.to_lowercase());
            if let Some((code, origin)) = seen.get(&key) {
                if *code != p.code {
                    problems.push(format!(
                        "{}: '{}' maps to {} here and to {} at {}",
                        p.origin, p.text, p.code, code, origin
                    ));
                }
            } else {
                seen.insert(key, (&p.code, &p.origin));
            }
        }
        problems
    }

    /// Renders the dictionary in the text format (overridden patterns left out).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (ei, e) in self.entries.iter().enumerate() {
            let pats: Vec<&Pattern> = self
                .live_patterns()
                .map(|(_, p)| p)
                .filter(|p| p.entry == ei)
                .collect();
            if pats.is_empty() {
                continue;
            }
            out.push_str(&format!("[{}] {}\n", e.code, e.label));
            for kind in [PatternKind::Verb, PatternKind::Noun] {
                let texts: Vec<String> = pats
                    .iter()
                    .filter(|p| p.kind == kind)
                    .map(|p| {
                        if p.code == e.code {
                            p.text.clone()
                        } else {
                            format!("{} ={}", p.text, p.code)
                        }
                    })
                    .collect();
                if !texts.is_empty() {
                    let k = if kind == PatternKind::Verb {
                        "verb"
                    } else {
                        "noun"
                    };
                    out.push_str(&format!("{k}: {}\n", texts.join("; ")));
                }
            }
            if let Some(s) = e.status {
                out.push_str(&format!("status: {}\n", s.as_str()));
            }
            if e.roles != Roles::Directed {
                out.push_str(&format!("roles: {}\n", e.roles.as_str()));
            }
            out.push('\n');
        }
        out
    }

    /// Imports a PETRARCH-2 verb dictionary (`CAMEO.2.0.txt`); see [`Import`].
    pub fn import_petrarch2(text: &str) -> Import {
        petrarch::import(text)
    }
}

fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

fn first_words(e: &Elem) -> Vec<String> {
    match e {
        Elem::Word(w) | Elem::Opt(w) => w.iter().filter_map(|s| s.first().cloned()).collect(),
        Elem::Gap(_) => Vec::new(),
    }
}

/// Compiles one pattern text.
fn compile(kind: PatternKind, text: &str) -> Result<Vec<Elem>, String> {
    let mut elems = Vec::new();
    for (i, tok) in text.split_whitespace().enumerate() {
        if let Some(n) = tok.strip_prefix('*') {
            if i == 0 {
                return Err(format!("pattern '{text}' starts with '*'"));
            }
            let n = if n.is_empty() {
                4
            } else {
                n.parse()
                    .map_err(|_| format!("bad gap '{tok}' in '{text}'"))?
            };
            elems.push(Elem::Gap(n));
            continue;
        }
        let (optional, body) = match tok.strip_prefix('(') {
            Some(b) => match b.strip_suffix(')') {
                Some(b) => (true, b),
                None => return Err(format!("unbalanced '(' in '{text}'")),
            },
            None => (false, tok),
        };
        if optional && i == 0 {
            return Err(format!("pattern '{text}' starts with an optional word"));
        }
        let mut words: Vec<Vec<String>> = Vec::new();
        for alt in body.split('|') {
            let alt = alt.trim().to_lowercase();
            if alt.is_empty()
                || alt.starts_with('_')
                || alt.ends_with('_')
                || !alt
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '\'' || c == '-' || c == '_')
            {
                return Err(format!("bad word '{alt}' in '{text}'"));
            }
            // "air_defence": a sequence; its last word (noun) or first (verb) inflects
            let parts: Vec<String> = alt.split(['_', '-']).map(String::from).collect();
            let n = parts.len();
            let inflect_at = if kind == PatternKind::Verb { 0 } else { n - 1 };
            let forms = match kind {
                PatternKind::Verb if i == 0 => verb_forms(&parts[inflect_at]),
                PatternKind::Noun => noun_forms(&parts[inflect_at]),
                PatternKind::Verb => vec![parts[inflect_at].clone()],
            };
            for f in forms {
                let mut seq = parts.clone();
                seq[inflect_at] = f;
                if !words.contains(&seq) {
                    words.push(seq);
                }
            }
        }
        elems.push(if optional {
            Elem::Opt(words)
        } else {
            Elem::Word(words)
        });
    }
    if elems.is_empty() {
        return Err("empty pattern".into());
    }
    Ok(elems)
}

/// Adverbs that may sit between the words of a pattern ("is now ready to meet").
fn skippable(w: &str) -> bool {
    (w.len() > 4
        && w.ends_with("ly")
        && !matches!(w, "only" | "early" | "family" | "italy" | "ally"))
        || matches!(
            w,
            "also" | "now" | "again" | "still" | "already" | "jointly" | "a" | "an" | "the"
        )
}

/// Length of a date adverbial at `pos` that may sit inside a pattern
/// ("agreed on Tuesday to meet", "pledged last week to release"): "on"
/// and a weekday or a day of a month, "late/early on" a weekday,
/// "yesterday", "last/this week". None when there is none.
pub(super) fn date_skip(words: &[&str], pos: usize) -> Option<usize> {
    // the coder's tokens are lower-cased already
    let w = |k: usize| words.get(pos + k).copied();
    let day = |x: &Option<&str>| {
        x.is_some_and(|d| !d.is_empty() && d.len() <= 2 && d.chars().all(|c| c.is_ascii_digit()))
    };
    let weekday =
        |x: &Option<&str>| x.is_some_and(|d| chronicler_core::text::WEEKDAYS.contains(&d));
    let month = |x: &Option<&str>| x.is_some_and(|d| chronicler_core::month_number(d).is_some());
    let part = |x: &Option<&str>| {
        x.is_some_and(|d| matches!(d, "morning" | "afternoon" | "evening" | "night"))
    };
    let on_date = |k: usize| -> Option<usize> {
        if w(k) != Some("on") {
            return None;
        }
        let a = w(k + 1);
        if weekday(&a) {
            return Some(if part(&w(k + 2)) { 3 } else { 2 });
        }
        if month(&a) && day(&w(k + 2)) {
            return Some(3);
        }
        if day(&a) && month(&w(k + 2)) {
            return Some(3);
        }
        None
    };
    match w(0)? {
        "on" => on_date(0),
        "late" | "early" => on_date(1).map(|n| n + 1),
        "yesterday" | "today" => Some(1),
        "last" | "this" if matches!(w(1), Some("week" | "weekend" | "month")) => Some(2),
        _ => None,
    }
}

/// Punctuation tokens a gap may not cross.
fn is_boundary(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "—" | "–")
}

/// Quotation marks: a gap crosses them without counting them as words.
fn is_quote(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "‘" | "’" | "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `find` as it was before `matcher`, read through `Pattern`: the
    /// reference the compiled matcher is checked against.
    fn reference_find(d: &VerbDict, words: &[&str]) -> Vec<PatternMatch> {
        let mut out = Vec::new();
        for start in 0..words.len() {
            let Some(cands) = d.index.get(words[start]) else {
                continue;
            };
            for &pi in cands {
                let Some(p) = d.patterns.get(pi) else {
                    continue;
                };
                if !p.live {
                    continue;
                }
                let Some(Elem::Word(first)) = p.elems.first() else {
                    continue;
                };
                let Some(n) = match_alt(first, words, start) else {
                    continue;
                };
                if let Some((end, gap)) =
                    match_elems(p.elems.get(1..).unwrap_or(&[]), words, start + n)
                {
                    out.push(PatternMatch {
                        pattern: pi,
                        start,
                        end,
                        gap,
                    });
                }
            }
        }
        out
    }

    /// Length of the first alternative in `alts` that matches at `pos`.
    fn match_alt(alts: &[Vec<String>], words: &[&str], pos: usize) -> Option<usize> {
        alts.iter()
            .filter(|seq| {
                seq.iter()
                    .enumerate()
                    .all(|(k, s)| words.get(pos + k).is_some_and(|w| w == s))
            })
            .map(Vec::len)
            .max()
    }

    /// Matches `elems` at `pos`: (end, words consumed by gaps and skips).
    fn match_elems(elems: &[Elem], words: &[&str], pos: usize) -> Option<(usize, usize)> {
        let Some((first, rest)) = elems.split_first() else {
            return Some((pos, 0));
        };
        match first {
            Elem::Word(alts) => {
                if let Some(n) = match_alt(alts, words, pos) {
                    return match_elems(rest, words, pos + n);
                }
                // one skippable adverb/article before a required word (not first)
                if skippable(words.get(pos)?) {
                    if let Some(n) = match_alt(alts, words, pos + 1) {
                        return match_elems(rest, words, pos + 1 + n).map(|(e, g)| (e, g + 1));
                    }
                }
                // or one date adverbial
                if let Some(d) = date_skip(words, pos) {
                    if let Some(n) = match_alt(alts, words, pos + d) {
                        return match_elems(rest, words, pos + d + n).map(|(e, g)| (e, g + d));
                    }
                }
                None
            }
            Elem::Opt(alts) => {
                if let Some(n) = match_alt(alts, words, pos) {
                    if let Some(e) = match_elems(rest, words, pos + n) {
                        return Some(e);
                    }
                }
                match_elems(rest, words, pos)
            }
            Elem::Gap(n) => {
                let (mut k, mut counted) = (0, 0);
                loop {
                    if let Some((e, g)) = match_elems(rest, words, pos + k) {
                        return Some((e, g + k));
                    }
                    let w = words.get(pos + k)?;
                    if is_boundary(w) {
                        return None;
                    }
                    if !is_quote(w) {
                        counted += 1;
                        if counted > *n {
                            return None;
                        }
                    }
                    k += 1;
                }
            }
        }
    }

    #[test]
    fn builtin_parses_and_matches() {
        let d = VerbDict::load(None).unwrap();
        assert!(d.patterns.len() > 200);
        let words = ["russia", "held", "talks", "with", "ukraine"];
        let m = d.find(&words);
        assert!(
            m.iter().any(|m| d.patterns[m.pattern].code == "046"),
            "{m:?}"
        );
    }

    #[test]
    fn a_no_event_block_parses_and_lints_clean() {
        let d = VerbDict::parse(
            "t",
            "[1823] kill\nverb: execute\n[---] no event\nverb: execute * warrant\n",
        )
        .unwrap();
        assert!(d.lint().is_empty(), "{:?}", d.lint());
        let w = ["police", "executed", "a", "search", "warrant"];
        let codes: Vec<&str> = d
            .find(&w)
            .iter()
            .map(|m| d.patterns[m.pattern].code.as_str())
            .collect();
        assert_eq!(codes, ["1823", NO_EVENT]);
        assert!(d.patterns.iter().any(Pattern::is_null));
        let e = VerbDict::parse("t", "[--] x\nverb: a\n").unwrap_err();
        assert!(matches!(e, DictError::Syntax { line: 1, .. }));
    }

    #[test]
    fn syntax_errors_carry_line_numbers() {
        let e = VerbDict::parse("x.txt", "[036] intent\nverb: invite\nfoo bar\n").unwrap_err();
        assert!(matches!(e, DictError::Syntax { line: 3, .. }), "{e}");
        let e = VerbDict::parse("x.txt", "verb: invite\n").unwrap_err();
        assert!(matches!(e, DictError::Syntax { line: 1, .. }));
        let e = VerbDict::parse("x.txt", "[03x] bad\n").unwrap_err();
        assert!(matches!(e, DictError::Syntax { line: 1, .. }));
        let e = VerbDict::parse("x.txt", "[036] a\nstatus: maybe\n").unwrap_err();
        assert!(matches!(e, DictError::Syntax { line: 2, .. }));
    }

    #[test]
    fn optional_gap_and_override() {
        let d = VerbDict::parse(
            "t",
            "[0841] release\nverb: return * remains; release (the) hostages\n",
        )
        .unwrap();
        let w = ["russia", "returned", "the", "bodies", "and", "remains"];
        assert_eq!(d.find(&w).len(), 1);
        let w = ["hamas", "released", "hostages"];
        assert_eq!(d.find(&w).len(), 1);
        let mut d2 = d.clone();
        d2.add_text("u", "[1243] refuse\nverb: release (the) hostages =1243\n")
            .unwrap();
        let m = d2.find(&w);
        assert_eq!(m.len(), 1);
        assert_eq!(d2.patterns[m[0].pattern].code, "1243");
    }

    /// The words of `d`'s live patterns, with words patterns skip or stop
    /// at and words no pattern names: what random sentences are made of.
    fn word_pool(d: &VerbDict) -> Vec<String> {
        let mut pool: Vec<String> = d
            .live_patterns()
            .flat_map(|(_, p)| p.elems.iter())
            .flat_map(|e| match e {
                Elem::Word(a) | Elem::Opt(a) => a.iter().flatten().cloned().collect(),
                Elem::Gap(_) => Vec::new(),
            })
            .collect();
        for w in [
            "the", "a", "now", "jointly", "quickly", ",", ".", ";", "(", "russia", "xyz",
        ] {
            pool.push(w.to_string());
        }
        pool.sort();
        pool.dedup();
        pool
    }

    /// A sentence around pattern `pi` of `d`, its choices read from
    /// `picks`: an alternative for each element, an optional word kept or
    /// not, a gap filled with up to its length of words, sometimes an
    /// adverb before a word or a comma inside a gap, and words from `pool`
    /// before and after.
    fn instance<'p>(
        d: &'p VerbDict,
        pool: &'p [String],
        pi: usize,
        picks: &[usize],
    ) -> Vec<&'p str> {
        let mut it = picks.iter().copied().cycle();
        let mut pick = |n: usize| it.next().unwrap_or(0) % n.max(1);
        let mut words: Vec<&str> = Vec::new();
        for _ in 0..pick(3) {
            words.push(pool[pick(pool.len())].as_str());
        }
        for (k, e) in d.patterns[pi].elems.iter().enumerate() {
            match e {
                Elem::Word(a) | Elem::Opt(a) => {
                    if matches!(e, Elem::Opt(_)) && pick(2) == 0 {
                        continue;
                    }
                    if k > 0 && pick(4) == 0 {
                        words.push(["now", "the", "quickly", "only"][pick(4)]);
                    }
                    words.extend(a[pick(a.len())].iter().map(String::as_str));
                }
                Elem::Gap(n) => {
                    for _ in 0..pick(n + 2) {
                        let w = if pick(6) == 0 {
                            ","
                        } else {
                            pool[pick(pool.len())].as_str()
                        };
                        words.push(w);
                    }
                }
            }
        }
        for _ in 0..pick(3) {
            words.push(pool[pick(pool.len())].as_str());
        }
        words
    }

    fn compare_on_random_sentences(d: &VerbDict, cases: u32) {
        let pool = word_pool(d);
        let live: Vec<usize> = d.live_patterns().map(|(i, _)| i).collect();
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
            cases,
            ..Default::default()
        });
        let strategy = (
            proptest::collection::vec(0..pool.len(), 0..24),
            0..live.len(),
            proptest::collection::vec(0usize..1000, 1..16),
        );
        runner
            .run(&strategy, |(random, p, picks)| {
                let words: Vec<&str> = random.iter().map(|&i| pool[i].as_str()).collect();
                proptest::prop_assert_eq!(d.find(&words), reference_find(d, &words));
                let words = instance(d, &pool, live[p], &picks);
                let found = d.find(&words);
                proptest::prop_assert_eq!(&found, &reference_find(d, &words));
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn compiled_matcher_finds_what_the_patterns_say() {
        let d = VerbDict::load(None).unwrap();
        compare_on_random_sentences(&d, 3000);
        // Overrides, and alternatives sharing a first word.
        let mut d2 = d.clone();
        d2.add_text(
            "u",
            "[1243] refuse\nverb: release (the) hostages =1243; hold talks|talk|talks * with\n\
             noun: air_strike|air_raid|air (now) attack\n",
        )
        .unwrap();
        compare_on_random_sentences(&d2, 2000);
    }

    #[test]
    fn compiled_matcher_agrees_on_the_petrarch_import() {
        // PETRARCH2's verb dictionary (thousands of patterns, long gaps and
        // alternatives), when the shared data is beside the checkout.
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
        match std::fs::read_to_string(shared.join("data/petrarch2/dictionaries/CAMEO.2.0.txt")) {
            Ok(text) => compare_on_random_sentences(&VerbDict::import_petrarch2(&text).dict, 1000),
            Err(e) => eprintln!(
                "skipped: no PETRARCH2 dictionary under {}: {e}",
                shared.display()
            ),
        }
    }
}
