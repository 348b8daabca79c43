//! Coreference: definite descriptions ("the network", "the rebels", "its
//! foreign ministry") and a sentence-opening "It" resolved to an actor named
//! earlier in the same document.
//!
//! The descriptions are data (`data/dictionaries/references.txt`, read by
//! `chronicler_dict::references`): each phrase says which earlier actors it
//! may stand for and how to choose among them. Precision comes first: a
//! description with no compatible earlier actor gets no mention, and "It"
//! is resolved only when the previous sentence opens with the one state,
//! organisation or group named in the previous two sentences of its
//! paragraph. Resolved mentions have form [`MentionForm::Reference`] (or
//! [`MentionForm::Pronoun`]) so that the coder can lower its confidence.

use rustc_hash::FxHashMap as HashMap;

use chronicler_core::{Actor, ActorKind, ActorMention, MentionForm, Sentence, Span};
use chronicler_dict::actors::ActorDict;
use chronicler_dict::references::{Antecedent, Becomes, Pick, ReferenceDict};
use jiff::civil::Date;

/// Possessives before a description: the description belongs to an actor of
/// the same sentence ("its foreign ministry").
const POSSESSIVES: &[&str] = &["its", "their", "whose", "his", "her"];

/// A description that stands for a state or an agent of it ("the
/// government", "the island") looks back this many sentences at most.
const STATE_WINDOW: usize = 3;

/// A word of the text: byte span (a possessive "'s" or "'" dropped).
/// Its lower-case form is made only where a phrase needs it: most words
/// are neither a determiner nor part of a description.
struct Word {
    start: usize,
    end: usize,
}

impl Word {
    fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the word is `lower` in any case. Only ASCII letters fold
    /// to the ASCII words compared here (the Kelvin sign, the one other
    /// character whose lower case is ASCII, folds to a "k" none of them
    /// has), so an ASCII comparison is the lower-case comparison.
    fn is(&self, text: &str, lower: &str) -> bool {
        self.text(text).eq_ignore_ascii_case(lower)
    }

    /// Appends the word's lower-case form to `out`.
    fn push_lower(&self, text: &str, out: &mut String) {
        let w = self.text(text);
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
}

fn is_word_char(c: char) -> bool {
    chronicler_dict::text::is_word_char(c) || c == '\'' || c == '\u{2019}' || c == '-'
}

/// [`is_word_char`] of each ASCII byte (and false for the others).
const ASCII_WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'\'' || c == b'-';
        b += 1;
    }
    t
};

/// A word without its possessive "'s" (or "’s") and trailing apostrophes.
fn without_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
        .trim_end_matches(['\'', '\u{2019}'])
}

/// The words of `span` into `out` (emptied first: one buffer serves all
/// the sentences of a document). ASCII is read 64 bytes at a time: one
/// table read a byte sets a bit of a mask, and the words' starts and ends
/// are the mask's changes, read off with `trailing_zeros`, so that the
/// loop does not branch at every byte (its branches at the words' edges
/// were most of its time). A character is decoded only where a byte is
/// not ASCII.
fn words(text: &str, span: Span, out: &mut Vec<Word>) {
    out.clear();
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let bytes = s.as_bytes();
    let n = bytes.len();
    let push = |out: &mut Vec<Word>, a: usize, e: usize| {
        let w = without_possessive(s.get(a..e).unwrap_or_default());
        out.push(Word {
            start: span.start + a,
            end: span.start + a + w.len(),
        });
    };
    // Where the word under way started.
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) {
        let chunk = rest.get(..rest.len().min(64)).unwrap_or_default();
        // `is_ascii` reads a word at a time: most chunks are all ASCII.
        let ascii = if chunk.is_ascii() {
            chunk.len()
        } else {
            chunk.iter().position(|b| !b.is_ascii()).unwrap_or(0)
        };
        if ascii == 0 {
            // One character that is not ASCII.
            let Some(c) = chronicler_core::text::char_at(s, i) else {
                break;
            };
            match (start, is_word_char(c)) {
                (None, true) => start = Some(i),
                (Some(a), false) => {
                    push(out, a, i);
                    start = None;
                }
                _ => {}
            }
            i += c.len_utf8();
            continue;
        }
        let mask = word_mask(chunk.get(..ascii).unwrap_or_default());
        // Bit k: the byte before byte k is a word's.
        let before = (mask << 1) | u64::from(start.is_some());
        let mut starts = mask & !before;
        // Ends within the bytes read (a word that reaches their end may
        // go on in what is read next).
        let valid = 1u64.checked_shl(ascii as u32).map_or(u64::MAX, |b| b - 1);
        let mut ends = !mask & before & valid;
        loop {
            match start {
                Some(a) if ends != 0 => {
                    push(out, a, i + ends.trailing_zeros() as usize);
                    ends &= ends - 1;
                    start = None;
                }
                None if starts != 0 => {
                    start = Some(i + starts.trailing_zeros() as usize);
                    starts &= starts - 1;
                }
                _ => break,
            }
        }
        i += ascii;
    }
    if let Some(a) = start {
        push(out, a, n);
    }
}

/// Bit k set when byte k of `ascii` (64 bytes at most, all ASCII) is a
/// word's ([`ASCII_WORD_BYTE`]).
fn word_mask(ascii: &[u8]) -> u64 {
    let mask = |bytes: &[u8]| {
        bytes.iter().enumerate().fold(0u64, |m, (k, &b)| {
            m | u64::from(ASCII_WORD_BYTE[usize::from(b)]) << k
        })
    };
    match <&[u8; 64]>::try_from(ascii) {
        // A whole chunk, the common case: a fixed count, unrolled.
        Ok(whole) => mask(whole),
        Err(_) => mask(ascii),
    }
}

/// Only spaces between two words.
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// A description found in the text, before resolution.
struct Site {
    sentence: usize,
    span: Span,
    phrase: String,
    possessive: bool,
}

fn sites(refs: &ReferenceDict, text: &str, sentences: &[Sentence]) -> Vec<Site> {
    let mut out = Vec::new();
    let mut ws = Vec::new();
    let mut next_lower = String::new();
    for s in sentences {
        words(text, s.span, &mut ws);
        let mut i = 0;
        while i + 1 < ws.len() {
            let det = &ws[i];
            // Every determiner ("the", the possessives) has 3 to 5 letters.
            if !(3..=5).contains(&(det.end - det.start)) {
                i += 1;
                continue;
            }
            let possessive = POSSESSIVES.iter().any(|p| det.is(text, p));
            if !possessive && !det.is(text, "the") {
                i += 1;
                continue;
            }
            // The longest phrase after the determiner.
            let mut found = None;
            let mut phrase = String::new();
            for n in 1..=refs.max_words() {
                let Some(w) = ws.get(i + n) else { break };
                let prev = &ws[i + n - 1];
                if !joined(text, prev, w) || w.start == w.end {
                    break;
                }
                // A capitalised word is a name, not a description.
                if text[w.start..].starts_with(|c: char| c.is_uppercase()) {
                    break;
                }
                if n > 1 {
                    phrase.push(' ');
                }
                w.push_lower(text, &mut phrase);
                if refs.get(&phrase).is_some() {
                    found = Some((n, phrase.clone()));
                }
            }
            let Some((n, phrase)) = found else {
                i += 1;
                continue;
            };
            let last = &ws[i + n];
            let possessed = text[last.end..].starts_with(['\'', '\u{2019}']);
            // "the army chief", "the group of seven", "the paramilitary
            // Rapid Support Forces": part of a longer noun or a name.
            let longer = !possessed
                && ws.get(i + n + 1).is_some_and(|next| {
                    joined(text, last, next)
                        && (refs.blocks({
                            next_lower.clear();
                            next.push_lower(text, &mut next_lower);
                            &next_lower
                        }) || text[next.start..].starts_with(|c: char| c.is_uppercase()))
                });
            // "the group, WeWorkers Coalition,": named right after, so a
            // new entity rather than one named before.
            let apposition = text[last.end..]
                .strip_prefix(", ")
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
                && ws
                    .get(i + n + 1)
                    .is_some_and(|next| !["the", "a", "an"].iter().any(|d| next.is(text, d)));
            if !longer && !apposition {
                out.push(Site {
                    sentence: s.index,
                    span: Span::new(ws[i + 1].start, last.end),
                    phrase,
                    possessive,
                });
            }
            i += n + 1;
        }
    }
    out
}

/// The key compatible mentions are counted by: the entity for a
/// description that is its antecedent, the country for one that is the
/// antecedent's state or an agent of it.
fn key(a: &Actor, becomes: &Becomes) -> String {
    match becomes {
        Becomes::Same => a.entity.clone(),
        _ => a.country.clone().unwrap_or_default(),
    }
}

/// What the description stands for, given the chosen antecedent.
fn becomes(dict: &ActorDict, a: &Actor, how: &Becomes, date: Date) -> Option<Actor> {
    let state = || dict.state_of(a.country.as_deref()?);
    match how {
        Becomes::Same => Some(a.clone()),
        Becomes::State => dict.actor(state()?, date),
        Becomes::Role(r) => dict.state_role_actor(state()?, r, None),
    }
}

/// The antecedent of a site among `earlier` (mentions before it, in text
/// order) and the spec it meets, or none.
fn antecedent<'m, 'a>(
    ants: &'a [Antecedent],
    pick: Pick,
    site: &Site,
    earlier: &[&'m ActorMention],
    prev_subject: Option<&ActorMention>,
) -> Option<(&'m ActorMention, &'a Antecedent)> {
    let usable = |m: &&ActorMention| m.form != MentionForm::Adjective && m.actor.country.is_some();
    // Close by: earlier in the sentence or in the one before.
    let near = |m: &ActorMention| m.sentence + 1 >= site.sentence;
    // "Human Rights Watch said ... The group accused": the previous
    // sentence opens with an actor of the kinds the description names that
    // it cannot stand for, so "the group" may be that one: ambiguous.
    let kinds: Vec<ActorKind> = ants.iter().filter_map(|a| a.kind).collect();
    if prev_subject
        .is_some_and(|m| kinds.contains(&m.actor.kind) && !ants.iter().any(|a| a.accepts(&m.actor)))
    {
        return None;
    }
    for spec in ants {
        if site.possessive && spec.becomes == Becomes::Same {
            continue;
        }
        let ok: Vec<&ActorMention> = earlier
            .iter()
            .copied()
            .filter(usable)
            .filter(|m| {
                spec.accepts(&m.actor)
                    && (!site.possessive || m.sentence == site.sentence)
                    && (spec.becomes == Becomes::Same || m.sentence + STATE_WINDOW >= site.sentence)
            })
            .collect();
        let Some(&nearest) = ok.last() else { continue };
        // Two different compatible actors close by ("Russia struck Ukraine.
        // The government said"): ambiguous.
        let mut close: Vec<String> = ok
            .iter()
            .filter(|m| near(m))
            .map(|m| key(&m.actor, &spec.becomes))
            .collect();
        close.sort_unstable();
        close.dedup();
        if close.len() > 1 {
            return None;
        }
        if site.possessive || pick == Pick::Last {
            return Some((nearest, spec));
        }
        // The most named; among equals the latest named.
        let mut counts: HashMap<String, (usize, usize)> = HashMap::default();
        for (i, m) in ok.iter().enumerate() {
            let e = counts.entry(key(&m.actor, &spec.becomes)).or_insert((0, 0));
            e.0 += 1;
            e.1 = i;
        }
        let best = counts
            .values()
            .max()
            .and_then(|&(_, i)| ok.get(i).copied())
            .unwrap_or(nearest);
        // Another compatible actor named close by: ambiguous.
        if near(nearest) && key(&nearest.actor, &spec.becomes) != key(&best.actor, &spec.becomes) {
            return None;
        }
        return Some((best, spec));
    }
    None
}

/// Adds a mention for each description with a compatible earlier actor
/// (replacing a generic agent mention without a country at the same
/// place: "the rebels"), and for a sentence-opening "It" whose antecedent
/// is unambiguous. `mentions` is in text order and stays so.
pub fn resolve(
    refs: &ReferenceDict,
    dict: &ActorDict,
    text: &str,
    sentences: &[Sentence],
    date: Date,
    mentions: &mut Vec<ActorMention>,
) {
    if !refs.is_empty() {
        for site in sites(refs, text, sentences) {
            let overlapping: Vec<usize> = mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.span.start < site.span.end && site.span.start < m.span.end)
                .map(|(i, _)| i)
                .collect();
            // Already a resolved actor ("the Sudanese army").
            if overlapping
                .iter()
                .any(|&i| mentions.get(i).is_some_and(|m| m.actor.country.is_some()))
            {
                continue;
            }
            let Some(entry) = refs.get(&site.phrase) else {
                continue;
            };
            let earlier: Vec<&ActorMention> = mentions
                .iter()
                .take_while(|m| m.span.end <= site.span.start)
                .filter(|m| !m.capital_as_venue(text) && !m.state_as_place(text))
                .collect();
            let prev_subject = site
                .sentence
                .checked_sub(1)
                .and_then(|p| sentences.get(p))
                .and_then(|p| subject(text, p, mentions));
            let Some(actor) = antecedent(
                &entry.antecedents,
                entry.pick,
                &site,
                &earlier,
                prev_subject,
            )
            .and_then(|(m, spec)| becomes(dict, &m.actor, &spec.becomes, date)) else {
                continue;
            };
            for &i in overlapping.iter().rev() {
                mentions.remove(i);
            }
            let at = mentions.partition_point(|m| m.span < site.span);
            mentions.insert(
                at,
                ActorMention {
                    sentence: site.sentence,
                    span: site.span,
                    actor,
                    form: MentionForm::Reference,
                },
            );
        }
    }
    opening_it(text, sentences, mentions);
    part_of_them(text, sentences, mentions);
    compass_halves(dict, text, sentences, date, mentions);
}

/// "the North rejected Seoul's offer", "dismissed the South's proposal":
/// in an article naming both halves of a divided country (North and
/// South Korea; Sudan and South Sudan), a capitalised "the North" or "the
/// South" is the state of that name. A longer name ("the South China
/// Sea", "the North Atlantic") is not.
fn compass_halves(
    dict: &ActorDict,
    text: &str,
    sentences: &[Sentence],
    date: Date,
    mentions: &mut Vec<ActorMention>,
) {
    // the states named (by name, metonym or agent), as the dictionary
    // calls them: "Seoul" and "South Korea's military" are South Korea
    let mut states: Vec<Actor> = Vec::new();
    for m in mentions.iter() {
        let Some(c) = m.actor.country.as_deref() else {
            continue;
        };
        if states.iter().any(|a| a.country.as_deref() == Some(c)) {
            continue;
        }
        if let Some(a) = dict.state_of(c).and_then(|st| dict.actor(st, date)) {
            states.push(a);
        }
    }
    let named = |prefix: &str| -> Option<Actor> {
        let m = states.iter().find(|a| a.name.starts_with(prefix))?;
        let rest = m.name.strip_prefix(prefix)?;
        // the other half: "North Korea" for "South Korea", "Sudan" for
        // "South Sudan"
        let other = states.iter().any(|o| {
            o.country != m.country && (o.name == rest || o.name.ends_with(&format!(" {rest}")))
        });
        other.then(|| m.clone())
    };
    let halves: Vec<(&str, Actor)> = [("North", "North "), ("South", "South ")]
        .into_iter()
        .filter_map(|(word, prefix)| named(prefix).map(|a| (word, a)))
        .collect();
    if halves.is_empty() {
        return;
    }
    let mut add = Vec::new();
    for s in sentences {
        let t = s.span.slice(text);
        for (word, actor) in &halves {
            for (i, _) in t.match_indices(word) {
                let before = &t[..i];
                if !(before.ends_with("the ") || before.ends_with("The ")) {
                    continue;
                }
                let after = &t[i + word.len()..];
                let next = after
                    .strip_prefix("'s")
                    .or_else(|| after.strip_prefix("\u{2019}s"))
                    .unwrap_or(after);
                // a longer name or a hyphenated word ("the North-East")
                if next.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                    || next
                        .strip_prefix(' ')
                        .is_some_and(|r| r.starts_with(char::is_uppercase))
                {
                    continue;
                }
                let start = s.span.start + i;
                add.push(ActorMention {
                    sentence: s.index,
                    span: Span::new(start, start + word.len()),
                    actor: actor.clone(),
                    form: MentionForm::Reference,
                });
            }
        }
    }
    for m in add {
        if !mentions
            .iter()
            .any(|x| x.span.start < m.span.end && m.span.start < x.span.end)
        {
            let at = mentions.partition_point(|x| x.span < m.span);
            mentions.insert(at, m);
        }
    }
}

/// The subject of a sentence, roughly: its first mention, when only
/// nothing, "The" or an opening phrase set off by a comma comes before it.
fn subject<'m>(text: &str, s: &Sentence, mentions: &'m [ActorMention]) -> Option<&'m ActorMention> {
    let first = mentions.iter().find(|m| m.sentence == s.index)?;
    let lead = text.get(s.span.start..first.span.start)?;
    (lead.is_empty() || lead == "The " || lead.ends_with(", ")).then_some(first)
}

fn same_paragraph(text: &str, a: &Sentence, b: &Sentence) -> bool {
    text.get(a.span.end..b.span.start)
        .is_some_and(|g| !g.contains("\n\n"))
}

/// Where "it" stands after a date opening a sentence ("On Sunday it",
/// "On March 3 it", "On March 3, it").
fn it_after_date(t: &str) -> Option<usize> {
    let rest = t.strip_prefix("On ")?;
    let (first, rest) = rest.split_once(' ')?;
    let first = first.trim_end_matches(',');
    let capitalised = first.starts_with(|c: char| c.is_ascii_uppercase());
    let weekday = chronicler_core::text::WEEKDAYS.contains(&first.to_ascii_lowercase().as_str());
    let rest = if capitalised && weekday {
        rest
    } else if capitalised && first.len() >= 3 && chronicler_core::month_number(first).is_some() {
        let (day, rest) = rest.split_once(' ')?;
        day.trim_end_matches(',')
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        rest
    } else {
        return None;
    };
    rest.starts_with("it ").then(|| t.len() - rest.len())
}

/// "It" opening a sentence: the state, organisation or group that opens
/// the previous sentence ("Azerbaijan's foreign ministry confirmed ... It
/// said"), when it is the only one named in the previous two sentences of
/// the paragraph.
fn opening_it(text: &str, sentences: &[Sentence], mentions: &mut Vec<ActorMention>) {
    let mut add = Vec::new();
    for (k, s) in sentences.iter().enumerate().skip(1) {
        let t = s.span.slice(text);
        // "It said", or after an opening date: "On Sunday it called off"
        let Some(at) = t
            .starts_with("It ")
            .then_some(0)
            .or_else(|| it_after_date(t))
        else {
            continue;
        };
        let Some(prev) = k.checked_sub(1).and_then(|p| sentences.get(p)) else {
            continue;
        };
        if !same_paragraph(text, prev, s) {
            continue;
        }
        let before = k
            .checked_sub(2)
            .and_then(|p| sentences.get(p))
            .filter(|b| same_paragraph(text, b, prev));
        let window = |m: &&ActorMention| {
            m.sentence == prev.index || before.is_some_and(|b| m.sentence == b.index)
        };
        let compatible = |m: &ActorMention| {
            matches!(
                m.actor.kind,
                ActorKind::State | ActorKind::Organization | ActorKind::Group
            ) && m.form != MentionForm::Adjective
                && m.actor.country.is_some()
        };
        let mut keys: Vec<&str> = mentions
            .iter()
            .filter(window)
            .filter(|m| compatible(m))
            .map(|m| match m.actor.kind {
                ActorKind::State => m.actor.country.as_deref().unwrap_or(""),
                _ => m.actor.entity.as_str(),
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let Some(first) = subject(text, prev, mentions) else {
            continue;
        };
        // (with several named, an organisation or group that opens the
        // sentence before, its subject: "The UN humanitarian office said
        // ... It accused Israel of blocking shelters")
        let organisation = matches!(first.actor.kind, ActorKind::Organization | ActorKind::Group);
        if keys.len() != 1 && !organisation {
            continue;
        }
        if compatible(first) {
            add.push(ActorMention {
                sentence: s.index,
                span: Span::new(s.span.start + at, s.span.start + at + 2),
                actor: first.actor.clone(),
                form: MentionForm::Pronoun,
            });
        }
    }
    for m in add {
        if !mentions.iter().any(|x| x.span.start == m.span.start) {
            let at = mentions.partition_point(|x| x.span < m.span);
            mentions.insert(at, m);
        }
    }
}

/// "Protesters marched on the council, and some of them threw stones":
/// "some of them" (many, most, several, dozens... of them) are of the
/// agents named last before it, in its sentence or the one before in its
/// paragraph.
fn part_of_them(text: &str, sentences: &[Sentence], mentions: &mut Vec<ActorMention>) {
    const PARTS: &[&str] = &[
        "some",
        "many",
        "most",
        "several",
        "dozens",
        "hundreds",
        "thousands",
        "one",
        "two",
        "three",
        "all",
        "both",
    ];
    let mut add = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b" of them") {
        let end = at + " of them".len();
        if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let before = &text[..at];
        // (past the last character that is no letter, whatever its width:
        // "—some of them")
        let word_start = before
            .char_indices()
            .rfind(|&(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = before.get(word_start..).unwrap_or("");
        if !PARTS.iter().any(|p| p.eq_ignore_ascii_case(word)) {
            continue;
        }
        let Some(k) = sentences
            .iter()
            .position(|s| s.span.start <= word_start && at < s.span.end)
        else {
            continue;
        };
        let here = &sentences[k];
        let prev = k
            .checked_sub(1)
            .and_then(|p| sentences.get(p))
            .filter(|p| same_paragraph(text, p, here));
        let antecedent = mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= word_start)
            .take_while(|m| m.sentence == here.index || prev.is_some_and(|p| m.sentence == p.index))
            .find(|m| m.actor.kind == ActorKind::Agent && m.form != MentionForm::Adjective);
        if let Some(a) = antecedent {
            add.push(ActorMention {
                sentence: here.index,
                span: Span::new(word_start, end),
                actor: a.actor.clone(),
                form: MentionForm::Pronoun,
            });
        }
    }
    for m in add {
        if !mentions.iter().any(|x| x.span.overlaps(m.span)) {
            let at = mentions.partition_point(|x| x.span < m.span);
            mentions.insert(at, m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn some_of_them_are_of_the_agents_named_last() {
        let text = "Protesters marched on the council, and some of them threw stones.";
        let sentences = vec![Sentence {
            index: 0,
            span: Span::new(0, text.len()),
        }];
        let agent = |name: &str, span: Span| ActorMention {
            sentence: 0,
            span,
            actor: Actor {
                entity: "agent:CVL".into(),
                name: name.into(),
                code: "CVL".into(),
                country: None,
                role: Some("CVL".into()),
                kind: ActorKind::Agent,
            },
            form: MentionForm::Name,
        };
        let mut mentions = vec![agent("Protesters", Span::new(0, 10))];
        part_of_them(text, &sentences, &mut mentions);
        assert_eq!(mentions.len(), 2);
        let at = text.find("some of them").unwrap_or(0);
        assert_eq!(mentions[1].span, Span::new(at, at + "some of them".len()));
        assert_eq!(mentions[1].actor.name, "Protesters");
        // "the rest of them" names no part; with no agent before, nothing
        let text = "The rest of them left.";
        let mut none = Vec::new();
        part_of_them(text, &sentences, &mut none);
        assert!(none.is_empty());
        // a dash of three bytes right before the word is no panic
        let text = "Protesters marched\u{2014}some of them threw stones.";
        let sentences = vec![Sentence {
            index: 0,
            span: Span::new(0, text.len()),
        }];
        let mut mentions = vec![agent("Protesters", Span::new(0, 10))];
        part_of_them(text, &sentences, &mut mentions);
        assert_eq!(mentions.len(), 2);
    }

    #[test]
    fn it_after_an_opening_date() {
        assert_eq!(it_after_date("On Sunday it called off"), Some(10));
        assert_eq!(it_after_date("On Sunday, it called off"), Some(11));
        assert_eq!(it_after_date("On March 3 it said"), Some(11));
        assert_eq!(it_after_date("On Sunday the army said"), None);
        assert_eq!(it_after_date("On Capitol Hill it was"), None);
    }

    /// The first definition of [`words`], character by character.
    fn words_by_chars(text: &str, span: Span) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let s = &text[span.start..span.end];
        let mut start: Option<usize> = None;
        for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            match (start, is_word_char(c)) {
                (None, true) => start = Some(i),
                (Some(a), false) => {
                    let w = without_possessive(&s[a..i]);
                    out.push((span.start + a, span.start + a + w.len()));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    fn spans(text: &str, span: Span) -> Vec<(usize, usize)> {
        let mut ws = Vec::new();
        words(text, span, &mut ws);
        ws.iter().map(|w| (w.start, w.end)).collect()
    }

    #[test]
    fn words_of_news_text() {
        let t =
            "Its army’s chief — the Kremlin's man, al-Bashir — met “them” in Κύπρος' 3-day talks'";
        let all = Span::new(0, t.len());
        assert_eq!(spans(t, all), words_by_chars(t, all));
        let got: Vec<&str> = spans(t, all).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            got,
            [
                "Its",
                "army",
                "chief",
                "the",
                "Kremlin",
                "man",
                "al-Bashir",
                "met",
                "them",
                "in",
                "Κύπρος",
                "3-day",
                "talks"
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn words_read_by_bytes_as_by_characters(text in "[a-cA-C0-9 '’s\\-.,éΚύ—\u{a0}東]{0,30}|([a-c 's-]{0,70}[.éΚ’—]?){0,4}") {
            let all = Span::new(0, text.len());
            proptest::prop_assert_eq!(spans(&text, all), words_by_chars(&text, all));
        }
    }
}
