//! Stances: the cue phrases with which reports say what an actor demands,
//! refuses or holds as a red line, and the issues of a negotiation
//! (security guarantees, territorial integrity, hostages, sanctions
//! relief...) those statements touch. Read from
//! `data/dictionaries/stances.txt` (embedded) and the user's
//! `stances*.txt`; the format is described in that file and in
//! `data/dictionaries/README.md`.
//!
//! [`StanceDict::find`] gives where the phrases of one [`Cue`] occur in a
//! sentence, [`StanceDict::issues`] the issues a piece of text names.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::DictError;

const BUILTIN: &str = include_str!("../../../data/dictionaries/stances.txt");

/// Words a lone `*` in a phrase may skip.
const DEFAULT_GAP: usize = 4;

/// Gaps in one phrase (each multiplies the ways a phrase can match).
const MAX_GAPS: usize = 3;

/// A kind of cue phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    /// What follows is demanded (`demand:`).
    Demand,
    /// What follows will not be accepted (`refuse:`).
    Refuse,
    /// Before a demand cue, makes it a refusal (`refusing:`).
    Refusing,
    /// Anywhere in a sentence: a red line (`red-line:`).
    RedLine,
    /// What follows is the red line (`red-line-is:`).
    RedLineIs,
}

impl Cue {
    /// Every cue, in file order.
    pub const ALL: [Cue; 5] = [
        Cue::Demand,
        Cue::Refuse,
        Cue::Refusing,
        Cue::RedLine,
        Cue::RedLineIs,
    ];

    /// Its name in a stances file.
    pub fn name(self) -> &'static str {
        match self {
            Cue::Demand => "demand",
            Cue::Refuse => "refuse",
            Cue::Refusing => "refusing",
            Cue::RedLine => "red-line",
            Cue::RedLineIs => "red-line-is",
        }
    }

    fn index(self) -> usize {
        match self {
            Cue::Demand => 0,
            Cue::Refuse => 1,
            Cue::Refusing => 2,
            Cue::RedLine => 3,
            Cue::RedLineIs => 4,
        }
    }
}

/// One word of a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Elem {
    /// Alternatives: (word, true when any word starting with it matches).
    Word(Vec<(String, bool)>),
    /// Up to this many words, not across punctuation.
    Gap(usize),
}

/// A phrase as written and as matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// As written in the file (normalised: lower case, single spaces).
    pub text: String,
    elems: Vec<Elem>,
}

/// An issue of a negotiation and the phrases that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Its name in the brief ("security guarantees").
    pub key: String,
    /// The phrases that name it.
    pub phrases: Vec<Phrase>,
}

/// Where a phrase matched: byte offsets in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The stance dictionary: cue phrases by kind and issues in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StanceDict {
    cues: [Vec<Phrase>; 5],
    issues: Vec<Issue>,
    /// Cue phrases by first word, per cue (rebuilt by `compile`).
    cue_index: [Index; 5],
    /// Issue phrases (flattened in issue order) by first word.
    issue_index: Index,
    /// The issue of each flattened issue phrase.
    issue_of: Vec<usize>,
}

/// Phrases by their first word, so that a word of text is tried only
/// against the phrases that can start there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Index {
    /// Phrase ids by exact first word.
    first: HashMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix (`demilitari*`): tried everywhere.
    any: Vec<usize>,
}

impl Index {
    fn new<'a>(phrases: impl Iterator<Item = &'a Phrase>) -> Index {
        let mut ix = Index::default();
        for (id, p) in phrases.enumerate() {
            let Some(Elem::Word(alts)) = p.elems.first() else {
                continue;
            };
            if alts.iter().any(|(_, prefix)| *prefix) {
                ix.any.push(id);
                continue;
            }
            for (w, _) in alts {
                let ids = ix.first.entry(w.clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ix
    }

    /// Every match of the phrases (`phrases[id]`) in `toks`: (id, first
    /// token, one past the last), left to right; one phrase's matches do
    /// not overlap.
    fn matches(&self, phrases: &[&Phrase], toks: &[Token]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut free_from = vec![0usize; phrases.len()];
        for (i, t) in toks.iter().enumerate() {
            let exact = self.first.get(&t.word).map_or(&[][..], Vec::as_slice);
            for &id in exact.iter().chain(&self.any) {
                let (Some(p), Some(from)) = (phrases.get(id), free_from.get_mut(id)) else {
                    continue;
                };
                if i < *from {
                    continue;
                }
                if let Some(end) = match_at(&p.elems, toks, i).filter(|e| *e > i) {
                    out.push((id, i, end));
                    *from = end;
                }
            }
        }
        out
    }
}

/// One line of a stances file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    /// Adds (or, written `-phrase`, removes) a cue phrase.
    Cue(Cue, Phrase, bool),
    /// An issue (no phrases: removes an issue of that key).
    Issue(Issue),
}

fn syntax(file: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// True for a valid issue key: lower-case words of letters and digits,
/// joined by single spaces or hyphens.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .split([' ', '-'])
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() && !c.is_uppercase()))
}

/// A word of text: byte span, lower-cased form, and whether punctuation
/// stands between it and the word before.
#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    word: String,
    break_before: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The words of `text`: runs of letters and digits, with an apostrophe
/// inside a word kept ("Russia's"); hyphens separate words.
fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let char_at = |k: usize| chronicler_core::text::char_at(text, k);
    let mut i = 0;
    let mut last_end = 0;
    while let Some(c) = char_at(i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let s = i;
        let mut j = i;
        while let Some(c) = char_at(j) {
            let next = j + c.len_utf8();
            let inner_apostrophe =
                is_apostrophe(c) && j > s && char_at(next).is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || inner_apostrophe {
                j = next;
            } else {
                break;
            }
        }
        let end = j;
        let gap = text.get(last_end..s).unwrap_or("");
        let break_before = !out.is_empty()
            && gap
                .chars()
                .any(|c| !c.is_whitespace() && c != '-' && !is_apostrophe(c));
        let word: String = text
            .get(s..end)
            .unwrap_or("")
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        out.push(Token {
            start: s,
            end,
            word,
            break_before,
        });
        last_end = end;
        i = j;
    }
    out
}

/// A text's words as cue phrases match them: read once, then matched
/// against as many cues as needed ([`StanceDict::find_in`]).
#[derive(Debug)]
pub struct Words(Vec<Token>);

impl Words {
    /// The words of `text`.
    pub fn of(text: &str) -> Words {
        Words(tokens(text))
    }
}

fn parse_phrase(raw: &str) -> Result<Phrase, String> {
    let mut elems = Vec::new();
    let mut words = Vec::new();
    for item in raw.split_whitespace() {
        if let Some(n) = item.strip_prefix('*') {
            let n = if n.is_empty() {
                DEFAULT_GAP
            } else {
                n.parse::<usize>()
                    .ok()
                    .filter(|n| (1..=9).contains(n))
                    .ok_or_else(|| format!("bad gap {item:?} (`*` or `*1`..`*9`)"))?
            };
            elems.push(Elem::Gap(n));
            words.push(item.to_string());
            continue;
        }
        // "cease-fire" is two words, as in text; alternatives are one word.
        let parts: Vec<&str> = if item.contains('|') {
            vec![item]
        } else {
            item.split('-').collect()
        };
        for part in parts {
            let mut alts = Vec::new();
            for alt in part.split('|') {
                let (w, prefix) = match alt.strip_suffix('*') {
                    Some(w) => (w, true),
                    None => (alt, false),
                };
                let w: String = w
                    .chars()
                    .map(|c| if c == '’' { '\'' } else { c })
                    .flat_map(char::to_lowercase)
                    .collect();
                let ok = w.chars().next().is_some_and(char::is_alphanumeric)
                    && w.chars().all(|c| c.is_alphanumeric() || c == '\'');
                if !ok {
                    return Err(format!(
                        "bad word {alt:?} in {raw:?} (letters and digits; `a|b`, `word*`)"
                    ));
                }
                alts.push((w, prefix));
            }
            elems.push(Elem::Word(alts));
        }
        words.push(item.to_lowercase());
    }
    if elems.iter().filter(|e| matches!(e, Elem::Gap(_))).count() > MAX_GAPS {
        return Err(format!("{raw:?}: at most {MAX_GAPS} `*` gaps in a phrase"));
    }
    match (elems.first(), elems.last()) {
        (None, _) => Err("empty phrase".into()),
        (Some(Elem::Gap(_)), _) | (_, Some(Elem::Gap(_))) => {
            Err(format!("{raw:?}: a phrase cannot start or end with `*`"))
        }
        _ => Ok(Phrase {
            text: words.join(" "),
            elems,
        }),
    }
}

/// The token index one past a match of `elems` starting at token `i`.
fn match_at(elems: &[Elem], toks: &[Token], i: usize) -> Option<usize> {
    let Some((first, rest)) = elems.split_first() else {
        return Some(i);
    };
    match first {
        Elem::Word(alts) => {
            let t = toks.get(i)?;
            let hit = alts.iter().any(|(w, prefix)| {
                if *prefix {
                    t.word.starts_with(w.as_str())
                } else {
                    t.word == *w
                }
            });
            hit.then(|| match_at(rest, toks, i + 1)).flatten()
        }
        Elem::Gap(n) => {
            for skip in 0..=*n {
                if skip > 0 && toks.get(i + skip - 1).is_none_or(|t| t.break_before) {
                    break;
                }
                // The word after the gap must not sit across punctuation.
                if toks.get(i + skip).is_some_and(|t| t.break_before) {
                    break;
                }
                if let Some(end) = match_at(rest, toks, i + skip) {
                    return Some(end);
                }
            }
            None
        }
    }
}

fn byte_span(toks: &[Token], (a, b): (usize, usize)) -> Option<Match> {
    Some(Match {
        start: toks.get(a)?.start,
        end: toks.get(b.checked_sub(1)?)?.end,
    })
}

/// Parses one stances file into its entries.
fn parse_entries(file: &str, text: &str) -> Result<Vec<Entry>, DictError> {
    let mut out = Vec::new();
    let mut keys: HashSet<String> = HashSet::default();
    let mut seen: HashSet<(String, String)> = HashSet::default();
    for (i, raw) in text.lines().enumerate() {
        let ln = i + 1;
        let line = raw.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((kind, rest)) = line.split_once(':') else {
            return Err(syntax(
                file,
                ln,
                "expected `demand:`, `refuse:`, `refusing:`, `red-line:`, `red-line-is:` or `issue: key | phrases`",
            ));
        };
        let kind = kind.trim();
        let mut phrases = |list: &str, owner: &str| -> Result<Vec<(Phrase, bool)>, DictError> {
            let mut v = Vec::new();
            for p in list.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                let (p, remove) = match p.strip_prefix('-') {
                    Some(r) => (r.trim(), true),
                    None => (p, false),
                };
                let phrase = parse_phrase(p).map_err(|m| syntax(file, ln, m))?;
                let group = if owner.starts_with("issue ") {
                    "issue"
                } else {
                    owner
                };
                if !seen.insert((group.to_string(), phrase.text.clone())) {
                    return Err(syntax(
                        file,
                        ln,
                        format!("duplicate phrase {:?} ({owner})", phrase.text),
                    ));
                }
                v.push((phrase, remove));
            }
            Ok(v)
        };
        if kind == "issue" {
            let Some((key, list)) = rest.split_once('|') else {
                return Err(syntax(file, ln, "expected `issue: key | phrase; phrase`"));
            };
            let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
            if !valid_key(&key) {
                return Err(syntax(
                    file,
                    ln,
                    format!("bad issue key {key:?} (lower-case words)"),
                ));
            }
            if !keys.insert(key.clone()) {
                return Err(syntax(file, ln, format!("duplicate issue {key:?}")));
            }
            let found = phrases(list, &format!("issue {key}"))?;
            if found.iter().any(|(_, remove)| *remove) {
                return Err(syntax(
                    file,
                    ln,
                    "`-phrase` removes cue phrases; to drop an issue write `issue: key |`",
                ));
            }
            out.push(Entry::Issue(Issue {
                key,
                phrases: found.into_iter().map(|(p, _)| p).collect(),
            }));
            continue;
        }
        let Some(cue) = Cue::ALL.into_iter().find(|c| c.name() == kind) else {
            return Err(syntax(
                file,
                ln,
                format!("unknown entry {kind:?} (demand, refuse, refusing, red-line, red-line-is, issue)"),
            ));
        };
        for (p, remove) in phrases(rest, cue.name())? {
            out.push(Entry::Cue(cue, p, remove));
        }
    }
    Ok(out)
}

impl StanceDict {
    /// Parses one file on its own (no built-in entries).
    pub fn parse(file: &str, text: &str) -> Result<StanceDict, DictError> {
        let mut d = StanceDict::default();
        d.apply(parse_entries(file, text)?, None);
        d.compile();
        Ok(d)
    }

    /// The built-in dictionary (`data/dictionaries/stances.txt`), parsed
    /// once and shared. The file is checked by this crate's tests; were it
    /// unreadable, the dictionary would be empty rather than panic.
    pub fn builtin() -> Arc<StanceDict> {
        static BUILT: OnceLock<Arc<StanceDict>> = OnceLock::new();
        BUILT
            .get_or_init(|| Arc::new(StanceDict::parse("stances.txt", BUILTIN).unwrap_or_default()))
            .clone()
    }

    /// The built-in dictionary extended (and overridden) by the user's
    /// `stances*.txt` files in `dir`, in file-name order: cue phrases are
    /// added (`-phrase` removes one), an issue with a known key replaces
    /// the built-in one in its place (with no phrases: removes it), a new
    /// issue is tried before the built-in ones (so that it takes its
    /// phrases first).
    pub fn load(dir: Option<&Path>) -> Result<Arc<StanceDict>, DictError> {
        let Some(dir) = dir else {
            return Ok(StanceDict::builtin());
        };
        let mut d = StanceDict::parse("stances.txt", BUILTIN)?;
        let mut new_at = 0;
        for (file, text) in crate::actors::user_files(dir, "stances")? {
            d.apply(parse_entries(&file, &text)?, Some(&mut new_at));
        }
        d.compile();
        Ok(Arc::new(d))
    }

    /// Rebuilds the first-word indexes after entries changed.
    fn compile(&mut self) {
        for cue in Cue::ALL {
            let ix = Index::new(self.cue_phrases(cue).iter());
            if let Some(slot) = self.cue_index.get_mut(cue.index()) {
                *slot = ix;
            }
        }
        self.issue_index = Index::new(self.issues.iter().flat_map(|i| &i.phrases));
        self.issue_of = self
            .issues
            .iter()
            .enumerate()
            .flat_map(|(n, i)| std::iter::repeat_n(n, i.phrases.len()))
            .collect();
    }

    /// Applies entries in order; new issues go last, or at `*new_at`
    /// (moving it on) when given.
    fn apply(&mut self, entries: Vec<Entry>, mut new_at: Option<&mut usize>) {
        for e in entries {
            match e {
                Entry::Cue(cue, p, remove) => {
                    let Some(list) = self.cues.get_mut(cue.index()) else {
                        continue;
                    };
                    list.retain(|q| q.text != p.text);
                    if !remove {
                        list.push(p);
                    }
                }
                Entry::Issue(issue) => {
                    let at = self.issues.iter().position(|i| i.key == issue.key);
                    match (at, issue.phrases.is_empty()) {
                        (Some(i), true) => {
                            self.issues.remove(i);
                            if let Some(at) = new_at.as_deref_mut() {
                                if i < *at {
                                    *at -= 1;
                                }
                            }
                        }
                        (Some(i), false) => {
                            if let Some(slot) = self.issues.get_mut(i) {
                                *slot = issue;
                            }
                        }
                        (None, true) => {}
                        (None, false) => match new_at.as_deref_mut() {
                            Some(at) => {
                                self.issues.insert((*at).min(self.issues.len()), issue);
                                *at += 1;
                            }
                            None => self.issues.push(issue),
                        },
                    }
                }
            }
        }
    }

    /// The phrases of one cue.
    pub fn cue_phrases(&self, cue: Cue) -> &[Phrase] {
        self.cues.get(cue.index()).map_or(&[], Vec::as_slice)
    }

    /// The issues, in matching order.
    pub fn issue_list(&self) -> &[Issue] {
        &self.issues
    }

    /// Every match of a phrase of `cue` in `text`, by start, the longest
    /// first at one start.
    pub fn find(&self, cue: Cue, text: &str) -> Vec<Match> {
        self.find_in(cue, &Words::of(text))
    }

    /// [`StanceDict::find`] over words read already.
    pub fn find_in(&self, cue: Cue, words: &Words) -> Vec<Match> {
        let toks = &words.0;
        let phrases: Vec<&Phrase> = self.cue_phrases(cue).iter().collect();
        let Some(ix) = self.cue_index.get(cue.index()) else {
            return Vec::new();
        };
        let mut out: Vec<Match> = ix
            .matches(&phrases, toks)
            .into_iter()
            .filter_map(|(_, a, b)| byte_span(toks, (a, b)))
            .collect();
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out.dedup();
        out
    }

    /// The first match of a phrase of `cue` (the longest at its start).
    pub fn first(&self, cue: Cue, text: &str) -> Option<Match> {
        self.first_in(cue, &Words::of(text))
    }

    /// [`StanceDict::first`] over words read already.
    pub fn first_in(&self, cue: Cue, words: &Words) -> Option<Match> {
        self.find_in(cue, words).into_iter().next()
    }

    /// The issues `text` names, each once, in dictionary order; words
    /// taken by an earlier issue do not count for a later one.
    pub fn issues(&self, text: &str) -> Vec<String> {
        let toks = tokens(text);
        let phrases: Vec<&Phrase> = self.issues.iter().flat_map(|i| &i.phrases).collect();
        let mut by_issue: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.issues.len()];
        for (id, a, b) in self.issue_index.matches(&phrases, &toks) {
            if let Some(v) = self.issue_of.get(id).and_then(|n| by_issue.get_mut(*n)) {
                v.push((a, b));
            }
        }
        let mut taken = vec![false; toks.len()];
        let mut out = Vec::new();
        for (issue, spans) in self.issues.iter().zip(&by_issue) {
            let mut hit = false;
            for &(a, b) in spans {
                if taken.get(a..b).is_some_and(|s| s.iter().any(|t| !t)) {
                    hit = true;
                    taken.iter_mut().take(b).skip(a).for_each(|t| *t = true);
                }
            }
            if hit {
                out.push(issue.key.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn dict(text: &str) -> StanceDict {
        StanceDict::parse("t.txt", text).unwrap()
    }

    #[test]
    fn phrases_match_words_alternatives_prefixes_and_gaps() {
        let d = dict(
            "issue: withdrawal of troops | withdrawal of * troops|forces\n\
             issue: withdrawal | withdrawal*\n\
             issue: security guarantees | security guarantee*\n\
             issue: ceasefire | cease-fire; ceasefire",
        );
        assert_eq!(
            d.issues("the withdrawal of all Indian troops and security guarantees"),
            vec!["withdrawal of troops", "security guarantees"]
        );
        assert_eq!(d.issues("a withdrawal from the talks"), vec!["withdrawal"]);
        // A gap does not cross punctuation.
        assert_eq!(d.issues("withdrawal of, say, troops"), vec!["withdrawal"]);
        assert_eq!(d.issues("a cease fire"), vec!["ceasefire"]);
        assert_eq!(d.issues("a Cease-Fire now"), vec!["ceasefire"]);
        // Whole words only.
        assert!(d.issues("securityguarantees").is_empty());
    }

    #[test]
    fn cues_give_byte_offsets_earliest_then_longest() {
        let d = dict("demand: demands; demands that; calls for\nrefusing: rejected");
        let s = "Kyiv’s envoy — who demands that talks resume — calls for calm.";
        let m = d.first(Cue::Demand, s).unwrap();
        assert_eq!(&s[m.start..m.end], "demands that");
        assert_eq!(d.find(Cue::Demand, s).len(), 3);
        assert!(d.first(Cue::Refusing, s).is_none());
        assert_eq!(d.find(Cue::Refuse, s), vec![]);
    }

    #[test]
    fn errors_name_file_and_line() {
        for (text, want) in [
            ("# c\n\nissue: Bad Key | x", "t.txt:3:"),
            ("demand: calls for\nwish: peace", "t.txt:2:"),
            ("issue: a | x\nissue: a | y", "t.txt:2:"),
            ("issue: a | x; x", "t.txt:1:"),
            ("issue: a | x\nissue: b | x", "t.txt:2:"),
            ("demand: * calls", "t.txt:1:"),
            ("demand: calls (for)", "t.txt:1:"),
            ("demand: a * b * c * d * e", "t.txt:1:"),
            ("issue: a x", "t.txt:1:"),
        ] {
            let e = StanceDict::parse("t.txt", text).unwrap_err();
            assert!(e.to_string().starts_with(want), "{text:?}: {e}");
        }
    }

    #[test]
    fn user_files_add_replace_and_remove() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("stances-mine.txt"),
            "issue: grain corridor | grain corridor*; grain deal\n\
             issue: nuclear |\n\
             issue: hostages | captives\n\
             demand: -seeks\n\
             demand: wants",
        )
        .unwrap();
        std::fs::write(dir.path().join("other.txt"), "not read").unwrap();
        let d = StanceDict::load(Some(dir.path())).unwrap();
        let keys: Vec<&str> = d.issue_list().iter().map(|i| i.key.as_str()).collect();
        // A new issue is tried first: it takes "grain corridor" from the
        // built-in "freedom of navigation".
        assert_eq!(keys.first(), Some(&"grain corridor"));
        assert!(!keys.contains(&"nuclear"));
        assert_eq!(
            d.issues("reopen the grain corridors"),
            vec!["grain corridor"]
        );
        assert_eq!(d.issues("free the captives"), vec!["hostages"]);
        assert!(d.issues("free the hostages").is_empty());
        assert!(d.first(Cue::Demand, "Kyiv seeks guarantees").is_none());
        assert!(d.first(Cue::Demand, "Kyiv wants guarantees").is_some());
        let bad = dir.path().join("stances-x.txt");
        std::fs::write(&bad, "issue: ok | fine\nissue |").unwrap();
        let e = StanceDict::load(Some(dir.path())).unwrap_err().to_string();
        assert!(e.contains("stances-x.txt:2:"), "{e}");
    }

    /// Words: letters and digits, an apostrophe inside a word kept (curly
    /// ones read as straight), hyphens and apostrophes at a word's edge
    /// separate without a break, other punctuation breaks.
    #[test]
    fn words_keep_inner_apostrophes_and_mark_punctuation() {
        let toks = tokens("Russia’s ‘red-line’ — Kyiv's 2026 plan, O'Neil'.");
        let words: Vec<(&str, bool)> = toks
            .iter()
            .map(|t| (t.word.as_str(), t.break_before))
            .collect();
        assert_eq!(
            words,
            [
                ("russia's", false),
                // An opening quote is punctuation, not an apostrophe.
                ("red", true),
                ("line", false),
                ("kyiv's", true),
                ("2026", false),
                ("plan", false),
                ("o'neil", true),
            ]
        );
        // Spans are bytes of the text ("Russia’s": 10 bytes).
        assert_eq!((toks[0].start, toks[0].end), (0, 10));
        let m = StanceDict::builtin();
        let w = Words::of("Moscow rejected the proposal outright.");
        assert_eq!(
            m.find_in(Cue::Refuse, &w),
            m.find(Cue::Refuse, "Moscow rejected the proposal outright.")
        );
    }
}
