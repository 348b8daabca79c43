//! The verb patterns compiled for [`super::VerbDict::find`]: every word of
//! every pattern numbered once, and the patterns laid out as flat arrays of
//! those numbers.
//!
//! `find` runs over every token of every sentence. Read through
//! [`super::Pattern`], a candidate costs a walk of nested vectors of
//! strings (pattern, elements, alternatives, words), each a pointer to
//! follow and a string to compare; here a sentence's tokens are numbered
//! once (one hash lookup each, as the first-word index needed before) and
//! a candidate is compared as integers in a few contiguous arrays. The
//! matches are the same, in the same order: the candidates of a word are
//! the index's, in its order, and two words are equal exactly when their
//! numbers are.

use rustc_hash::FxHashMap as HashMap;

use super::{date_skip, is_boundary, is_quote, skippable, Elem, Pattern, PatternMatch};

/// The number of a token no pattern names.
const UNKNOWN: u32 = u32::MAX;

/// A range of one of the [`Matcher`]'s arrays.
#[derive(Debug, Clone, Copy, Default)]
struct Range {
    start: u32,
    len: u32,
}

/// One element of a compiled pattern (see [`Elem`]).
#[derive(Debug, Clone, Copy)]
enum Op {
    /// One of the alternatives in this range of [`Matcher::alts`].
    Word(Range),
    /// Optionally one of them.
    Opt(Range),
    /// Up to this many arbitrary words.
    Gap(usize),
}

/// The compiled patterns.
#[derive(Debug, Clone, Default)]
pub(super) struct Matcher {
    /// Every word of a live pattern → its number.
    vocab: HashMap<Box<str>, u32>,
    /// Word number → the range of [`Matcher::cands`] holding the patterns
    /// that may start with it (the first-word index's list, in its order,
    /// live patterns whose first element is a required word only).
    by_first: Vec<Range>,
    /// Pattern indexes (into [`super::VerbDict::patterns`]).
    cands: Vec<u32>,
    /// Pattern index → its elements' range of [`Matcher::ops`].
    prog: Vec<Range>,
    ops: Vec<Op>,
    /// An alternative: its range of [`Matcher::seqs`].
    alts: Vec<Range>,
    /// Word numbers of the alternatives' word sequences.
    seqs: Vec<u32>,
}

fn range(start: usize, end: usize) -> Range {
    Range {
        start: u32::try_from(start).unwrap_or(u32::MAX),
        len: u32::try_from(end.saturating_sub(start)).unwrap_or(0),
    }
}

fn slice<T>(v: &[T], r: Range) -> &[T] {
    let start = r.start as usize;
    v.get(start..start + r.len as usize).unwrap_or(&[])
}

impl Matcher {
    /// Compiles `patterns`; `index` is the first-word index (word →
    /// pattern indexes, in the order `find` tries them).
    pub(super) fn new(patterns: &[Pattern], index: &HashMap<String, Vec<usize>>) -> Matcher {
        let mut m = Matcher::default();
        let number = |vocab: &mut HashMap<Box<str>, u32>, w: &str| -> u32 {
            if let Some(&n) = vocab.get(w) {
                return n;
            }
            let n = u32::try_from(vocab.len()).unwrap_or(UNKNOWN);
            vocab.insert(w.into(), n);
            n
        };
        for p in patterns {
            let from = m.ops.len();
            if p.live {
                for e in &p.elems {
                    let op = match e {
                        Elem::Word(alts) | Elem::Opt(alts) => {
                            let a0 = m.alts.len();
                            for seq in alts {
                                let s0 = m.seqs.len();
                                for w in seq {
                                    let n = number(&mut m.vocab, w);
                                    m.seqs.push(n);
                                }
                                m.alts.push(range(s0, m.seqs.len()));
                            }
                            let r = range(a0, m.alts.len());
                            if matches!(e, Elem::Word(_)) {
                                Op::Word(r)
                            } else {
                                Op::Opt(r)
                            }
                        }
                        Elem::Gap(n) => Op::Gap(*n),
                    };
                    m.ops.push(op);
                }
            }
            m.prog.push(range(from, m.ops.len()));
        }
        m.by_first = vec![Range::default(); m.vocab.len()];
        // The index's words in a fixed order, so that the arrays do not
        // depend on the hash map's iteration order.
        let mut words: Vec<(&String, &Vec<usize>)> = index.iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (w, list) in words {
            let Some(&n) = m.vocab.get(w.as_str()) else {
                continue;
            };
            let from = m.cands.len();
            for &pi in list {
                let first_is_word = patterns
                    .get(pi)
                    .is_some_and(|p| p.live && matches!(p.elems.first(), Some(Elem::Word(_))));
                if first_is_word {
                    m.cands.push(u32::try_from(pi).unwrap_or(u32::MAX));
                }
            }
            if let Some(slot) = m.by_first.get_mut(n as usize) {
                *slot = range(from, m.cands.len());
            }
        }
        m
    }

    /// See [`super::VerbDict::find`].
    pub(super) fn find(&self, words: &[&str]) -> Vec<PatternMatch> {
        let ids: Vec<u32> = words
            .iter()
            .map(|w| self.vocab.get(*w).copied().unwrap_or(UNKNOWN))
            .collect();
        let mut out = Vec::new();
        for (start, &id) in ids.iter().enumerate() {
            if id == UNKNOWN {
                continue;
            }
            let cands = self.by_first.get(id as usize).copied().unwrap_or_default();
            for &pi in slice(&self.cands, cands) {
                let ops = slice(
                    &self.ops,
                    self.prog.get(pi as usize).copied().unwrap_or_default(),
                );
                let Some((Op::Word(first), rest)) = ops.split_first() else {
                    continue;
                };
                let Some(n) = self.match_alt(*first, &ids, start) else {
                    continue;
                };
                if let Some((end, gap)) = self.match_ops(rest, words, &ids, start + n) {
                    out.push(PatternMatch {
                        pattern: pi as usize,
                        start,
                        end,
                        gap,
                    });
                }
            }
        }
        out
    }

    /// Length of the longest alternative of `alts` that matches at `pos`.
    fn match_alt(&self, alts: Range, ids: &[u32], pos: usize) -> Option<usize> {
        let here = *ids.get(pos)?;
        let mut best = None;
        for &seq in slice(&self.alts, alts) {
            let words = slice(&self.seqs, seq);
            // The first word decides most alternatives: the rest is read
            // only when it matches.
            let Some((&first, rest)) = words.split_first() else {
                continue;
            };
            if first != here {
                continue;
            }
            let after = pos + 1;
            if ids.get(after..after + rest.len()) == Some(rest) {
                best = best.max(Some(words.len()));
            }
        }
        best
    }

    /// Matches `ops` at `pos`: (end, words consumed by gaps and skips).
    fn match_ops(
        &self,
        ops: &[Op],
        words: &[&str],
        ids: &[u32],
        pos: usize,
    ) -> Option<(usize, usize)> {
        let Some((first, rest)) = ops.split_first() else {
            return Some((pos, 0));
        };
        match *first {
            Op::Word(alts) => {
                if let Some(n) = self.match_alt(alts, ids, pos) {
                    return self.match_ops(rest, words, ids, pos + n);
                }
                // One skippable adverb or article before a required word
                // (not the first).
                if skippable(words.get(pos)?) {
                    if let Some(n) = self.match_alt(alts, ids, pos + 1) {
                        return self
                            .match_ops(rest, words, ids, pos + 1 + n)
                            .map(|(e, g)| (e, g + 1));
                    }
                }
                // Or one date adverbial ("agreed on Tuesday to meet").
                if let Some(d) = date_skip(words, pos) {
                    if let Some(n) = self.match_alt(alts, ids, pos + d) {
                        return self
                            .match_ops(rest, words, ids, pos + d + n)
                            .map(|(e, g)| (e, g + d));
                    }
                }
                None
            }
            Op::Opt(alts) => {
                if let Some(n) = self.match_alt(alts, ids, pos) {
                    if let Some(e) = self.match_ops(rest, words, ids, pos + n) {
                        return Some(e);
                    }
                }
                self.match_ops(rest, words, ids, pos)
            }
            Op::Gap(n) => {
                // quotation marks fill no place of the gap: "resume a
                // \"demanding and respectful\" dialogue"
                let (mut k, mut counted) = (0, 0);
                loop {
                    if let Some((e, g)) = self.match_ops(rest, words, ids, pos + k) {
                        return Some((e, g + k));
                    }
                    let w = words.get(pos + k)?;
                    if is_boundary(w) {
                        return None;
                    }
                    if !is_quote(w) {
                        counted += 1;
                        if counted > n {
                            return None;
                        }
                    }
                    k += 1;
                }
            }
        }
    }
}
