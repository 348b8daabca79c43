//! Event dates. Each coded event takes, in order:
//!
//! 1. the nearest date expression of its sentence (same segment, or an
//!    adjacent one whose nearest trigger it is), except a date that anchors
//!    a subordinate clause ("after an attack on April 22", "since the March
//!    12 strike"): that date belongs to the clause's own act only;
//! 2. for a past-tense act with no time anchor of its own, the date of the
//!    nearest earlier dated act of its paragraph (see [`antecedent`]):
//!    "Indian troops struck nine sites on May 7. New Delhi blamed Pakistan."
//!    dates the blame May 7, not the publication day;
//! 3. for a fresh act (occurred, proposed, rejected) the publication day.
//!
//! The event's evidence says which ([`DateFrom`]).

use chronicler_core::text::{ADJECTIVAL_PARTICIPLES, WEEKDAYS};
use chronicler_core::{AnalyzedDocument, CodedEvent, DateFrom, DatePrecision, DateRange, Status};

use jiff::civil::Date;
use jiff::ToSpan;

use crate::rules::{
    latest_talks, names_talks, past_tense, tok_range, window, Cand, Sent, REPORTING,
};

/// Words that open a clause whose date is its own: "after an attack on
/// April 22", "following talks on May 10", "since the March 12 strike".
const CLAUSE_OPENERS: &[&str] = &["after", "following", "since", "before", "amid"];

/// Words that may stand between a clause opener and its date without making
/// a clause of their own: "after midnight on May 7" still dates the main act.
const TIME_OF_DAY: &[&str] = &[
    "on",
    "in",
    "early",
    "late",
    "dawn",
    "daybreak",
    "dusk",
    "midnight",
    "noon",
    "midday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "nightfall",
];

/// Words that set a sentence in the present: a new time anchor, so no
/// earlier date carries into it.
const NOW: &[&str] = &["now", "currently", "today", "tonight", "yesterday"];

/// The token range of the subordinate clause a date anchors, from its
/// opener to the end of the date's segment: "after an attack on April 22
/// killed 26 tourists". None for a bare time phrase ("after April 22",
/// "before dawn on May 7"), which dates the main act.
fn anchored_clause(s: &Sent<'_>, a: usize) -> Option<(usize, usize)> {
    let words = &s.words;
    let seg = s.seg.get(a).copied()?;
    let lo = a.saturating_sub(16);
    let p = (lo..a)
        .rev()
        .take_while(|&k| s.seg.get(k) == Some(&seg))
        .find(|&k| CLAUSE_OPENERS.contains(&words[k].as_str()))?;
    // "held since July on Dec. 31": the opener has its own date; this one
    // is the main act's.
    if s.dates.iter().any(|&(a2, b2, _)| p <= a2 && b2 < a) {
        return None;
    }
    let bare = words[p + 1..a]
        .iter()
        .all(|w| TIME_OF_DAY.contains(&w.as_str()));
    if bare {
        return None;
    }
    // "suspended Guinea-Bissau after an extraordinary summit on Thursday":
    // a decision taken after a meeting is of the meeting's day
    let meeting = matches!(words[p].as_str(), "after" | "following")
        && words[p + 1..a].iter().take(5).any(|w| {
            matches!(
                w.as_str(),
                "summit" | "meeting" | "session" | "consultations" | "conference"
            )
        })
        && words[p + 1..a]
            .iter()
            .all(|w| !past_tense(w) && !matches!(w.as_str(), "," | "which" | "that" | "who"));
    if meeting {
        return None;
    }
    let end = (a..words.len())
        .find(|&k| s.seg.get(k) != Some(&seg))
        .unwrap_or(words.len());
    Some((p, end))
}

/// Whether the date at tokens `[a, b]` modifies a noun rather than dating
/// an act: "condemned the strikes as a violation of the November 2024
/// ceasefire", "the 1960 Indus Waters Treaty": a determiner before it, a
/// word that is neither a preposition nor punctuation after it.
fn attributive(words: &[String], a: usize, b: usize) -> bool {
    // "for Sunday's elections", "welcomed Wednesday's releases": a
    // possessive date is its noun's, not the clause's act's.
    if words.get(b + 1).is_some_and(|w| w == "'s")
        && words
            .get(b + 2)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic))
    {
        return true;
    }
    let before = a
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .map_or("", String::as_str);
    let after = words.get(b + 1).map_or("", String::as_str);
    matches!(
        before,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
    ) && after.chars().next().is_some_and(char::is_alphabetic)
        && !matches!(
            after,
            "to" | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "of"
                | "and"
                | "or"
                | "when"
                | "after"
                | "before"
                | "until"
                | "with"
                | "from"
                | "as"
                | "that"
                | "which"
                | "is"
                | "was"
        )
}

/// Words that make the clause present or future: no narrative past.
const PRESENT: &[&str] = &[
    "is", "are", "am", "has", "have", "'ve", "will", "would", "can", "says", "say", "does", "do",
    "'s", "'ll", "be",
];

/// A past tense that is a verb here, not an adjective, and that no present
/// auxiliary governs ("has blamed", "is expected").
fn past_verb_at(words: &[String], k: usize) -> bool {
    let w = words[k].as_str();
    past_tense(w)
        && !ADJECTIVAL_PARTICIPLES.contains(&w)
        && !window(words, k.saturating_sub(3), k).any(|w| PRESENT.contains(&w))
}

/// For each token, the quotation it stands in (the index of its opening
/// mark), if any: "ready to sign the agreement \"tomorrow\" and accused
/// Baku" dates nothing outside the quotation. A mark itself counts as
/// outside.
pub(crate) fn quotations(words: &[String]) -> Vec<Option<usize>> {
    let mut open = None;
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let here = open;
            if w == "\"" {
                open = if open.is_some() { None } else { Some(i) };
            }
            here
        })
        .collect()
}

/// Whether the date at token `a` dates the previous such act, not this
/// one: "their first direct talks since September", "the heaviest
/// shelling since 2022".
fn last_before(words: &[String], a: usize) -> bool {
    // the date's span may hold its preposition
    let since = if words.get(a).is_some_and(|w| w == "since") {
        a
    } else if a >= 1 && words[a - 1] == "since" {
        a - 1
    } else {
        return false;
    };
    since >= 1
        && window(words, since.saturating_sub(6), since).any(|w| {
            matches!(
                w,
                "first"
                    | "highest"
                    | "lowest"
                    | "biggest"
                    | "largest"
                    | "worst"
                    | "heaviest"
                    | "deadliest"
                    | "longest"
                    | "most"
                    | "only"
            ) || w.ends_with("est")
                && !matches!(
                    w,
                    "west" | "rest" | "arrest" | "protest" | "interest" | "request"
                )
        })
}

/// The end of a range whose start is date mention `di`: a second date
/// right after it, joined by "until", "till", "through" or "to" (commas
/// around it allowed): "from Friday, March 6, until Tuesday, March 10".
fn range_end(doc: &AnalyzedDocument, s: &Sent<'_>, di: usize) -> Option<Date> {
    let words = &s.words;
    let &(_, mut b, _) = s.dates.iter().find(|&&(_, _, d)| d == di)?;
    let (a2, d2) = loop {
        let &(a2, b2, d2) = s.dates.iter().find(|&&(a2, _, _)| a2 > b)?;
        // "Friday, March 6": one day named twice
        if window(words, b + 1, a2).all(|w| w == ",") {
            b = b2;
            continue;
        }
        break (a2, d2);
    };
    let between: Vec<&str> = window(words, b + 1, a2).filter(|w| *w != ",").collect();
    if !matches!(
        between.as_slice(),
        ["until" | "till" | "through" | "to"] | ["until" | "till" | "through" | "to", "on"]
    ) {
        return None;
    }
    let r = doc.dates.get(d2)?.range;
    r.end.or(r.start)
}

/// Whether a date mention is a weekday alone ("Tuesday", "on Tuesday"),
/// with no "last" or "next" to fix its week.
fn bare_weekday(mention: &str) -> bool {
    let m = mention.trim().to_ascii_lowercase();
    let day = m.strip_prefix("on ").unwrap_or(&m);
    WEEKDAYS.contains(&day)
}

/// A scheduled act on a bare weekday ("plan to meet on Tuesday") is on the
/// next such day: the analyzer, which does not see the act's status, may
/// have taken the last one. A day before publication moves a week on; a
/// weekday with "last" is left alone.
fn next_weekday(doc: &AnalyzedDocument, mention: &str, r: DateRange) -> DateRange {
    match r.start {
        Some(d) if bare_weekday(mention) && r.end.is_none() && d < doc.published.date => {
            d.checked_add(7.days()).map_or(r, |n| DateRange {
                start: Some(n),
                ..r
            })
        }
        _ => r,
    }
}

/// A bare weekday that fell on the day of publication, read for an act
/// told in the past perfect: the same weekday a week before.
fn last_weekday(doc: &AnalyzedDocument, mention: &str, r: DateRange) -> DateRange {
    match r.start {
        Some(d) if bare_weekday(mention) && r.end.is_none() && d == doc.published.date => {
            d.checked_sub(7.days()).map_or(r, |p| DateRange {
                start: Some(p),
                ..r
            })
        }
        _ => r,
    }
}

/// Whether a rule name ("112 verb \"blame * for\"", see
/// `Pattern::rule`) is a verb pattern's.
fn verb_rule(rule: &str) -> bool {
    rule.split(' ').nth(1) == Some("verb")
}

/// Whether the act at tokens `t0..t1` is told in the past tense: a past
/// verb in the trigger ("blamed"), or, for an act noun or an -ing
/// participle ("retaliated within hours ..., targeting Indian air bases"),
/// a past verb before it in the clause with no present or future word
/// nearer. A verb trigger in the present or the base form ("blames",
/// "will strike") is not past.
fn past_act(words: &[String], t0: usize, t1: usize, verb: bool) -> bool {
    let end = t1.min(words.len());
    if let Some(k) = (t0.min(end)..end).find(|&k| past_tense(&words[k])) {
        // a verb pattern's own first word with an object after it is a
        // verb ("Police detained 14 protesters"), though the word is more
        // often an adjective ("people detained every month")
        let object = words.get(k + 1).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(
                    w.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "dozens"
                        | "hundreds"
                        | "several"
                        | "at"
                        | "more"
                        | "about"
                )
        });
        if verb && k == t0 && object {
            return !window(words, k.saturating_sub(3), k).any(|w| PRESENT.contains(&w));
        }
        return past_verb_at(words, k);
    }
    if verb && !words.get(t0).is_some_and(|w| w.ends_with("ing")) {
        return false;
    }
    for k in (t0.saturating_sub(15)..t0.min(words.len())).rev() {
        let w = words[k].as_str();
        if PRESENT.contains(&w) || matches!(w, "." | ";" | ":" | "?" | "!") {
            return false;
        }
        if past_tense(w) && !ADJECTIVAL_PARTICIPLES.contains(&w) {
            return past_verb_at(words, k);
        }
    }
    false
}

/// The date an undated past-tense act in sentence `si` continues: that of
/// the nearest earlier act (last in text order) that has a date, provided
/// it lies in the same paragraph (no line break between the two sentences),
/// its date is from text or carried (the publication day of a present act
/// breaks the narrative; an act dated by its subordinate clause is
/// background and skipped), it occurred, and its date is not after
/// publication. A new paragraph starts afresh: on the held-out articles,
/// carrying a date into the next one-sentence paragraph dated two
/// statements of the day with the previous paragraph's day, and fixed none.
///
/// Returns the antecedent's sentence and date.
fn antecedent(
    doc: &AnalyzedDocument,
    si: usize,
    prior: &[CodedEvent],
) -> Option<(usize, DateRange)> {
    let here = doc.sentences.get(si)?.span.start;
    let e = prior.iter().rev().find(|e| {
        e.evidence.sentence < si
            && !matches!(
                e.evidence.date_from,
                DateFrom::Undated | DateFrom::Unrecorded | DateFrom::Clause
            )
    })?;
    (same_paragraph(doc, e.evidence.sentence_span.end, here)
        && matches!(
            e.evidence.date_from,
            DateFrom::Text | DateFrom::Carried { .. }
        )
        && e.status == Status::Occurred
        && carriable(doc, &e.date)
        && !reported_perfect(doc, e))
    .then_some((e.evidence.sentence, e.date))
}

/// Whether an act is told in the past perfect inside a report ("OCHA said
/// about 4,200 trucks had entered Gaza last week"): its day is the
/// reported act's, not the narrative's, which stays with the report.
fn reported_perfect(doc: &AnalyzedDocument, e: &CodedEvent) -> bool {
    let before = doc
        .doc
        .text
        .get(e.evidence.sentence_span.start..e.evidence.trigger.start)
        .unwrap_or("");
    let mut words = before.split_whitespace().rev();
    let had = words.next().is_some_and(|w| w == "had")
        || (words.clone().next().is_some_and(|w| w == "had"));
    had && reports(before)
}

/// Whether a stretch of text holds a reporting verb ("said", "told":
/// [`REPORTING`]).
fn reports(text: &str) -> bool {
    text.split_whitespace().any(|w| REPORTING.contains(&w))
}

/// No line break between byte `end` (of a sentence) and byte `start` (of
/// a later one).
pub(crate) fn same_paragraph(doc: &AnalyzedDocument, end: usize, start: usize) -> bool {
    doc.doc
        .text
        .get(end..start)
        .is_some_and(|gap| !gap.contains('\n'))
}

/// A date a later sentence may take over: a day or a month, not after
/// publication.
fn carriable(doc: &AnalyzedDocument, r: &DateRange) -> bool {
    r.end.or(r.start).is_some_and(|d| d <= doc.published.date)
        && matches!(r.precision, DatePrecision::Day | DatePrecision::Month)
}

/// "Addressing parliament last week, Abiy said ... He also accused
/// Eritrea": a sentence opened by a pronoun subject continues the one
/// before it in its paragraph, and takes its one past date when that
/// sentence has exactly one (and none of its acts was coded to carry it).
fn continuation(doc: &AnalyzedDocument, si: usize, words: &[String]) -> Option<(usize, DateRange)> {
    let prev = si.checked_sub(1)?;
    if !words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they" | "it"))
    {
        return None;
    }
    let here = doc.sentences.get(si)?.span.start;
    let before = doc.sentences.get(prev)?.span;
    if !same_paragraph(doc, before.end, here) {
        return None;
    }
    let mut dates = doc.dates.iter().filter(|d| d.sentence == prev);
    let d = dates.next()?;
    if dates.next().is_some() {
        return None;
    }
    // ("OCHA said about 4,200 trucks had entered Gaza last week. It
    // accused ...": a date of a past perfect reported is that act's)
    let lead = doc.doc.text.get(before.start..d.span.start).unwrap_or("");
    let reported = reports(lead) && lead.split_whitespace().any(|w| w == "had");
    (!reported && carriable(doc, &d.range)).then_some((prev, d.range))
}

/// Dates the candidates of sentence `si`; `prior` holds the events of the
/// sentences before it.
pub(crate) fn assign_dates(
    doc: &AnalyzedDocument,
    si: usize,
    s: &Sent<'_>,
    prior: &[CodedEvent],
    cands: &mut [Cand],
) {
    let words = &s.words;
    for i in 0..cands.len() {
        let (t0, t1) = (cands[i].t0, cands[i].t1);
        let seg = s.seg.get(t0).copied().unwrap_or(0);
        // candidate dates: same segment first, then an adjacent segment
        // whose nearest trigger is this one
        let dist = |a: usize, b: usize| if b < t0 { t0 - b } else { a.saturating_sub(t1) };
        // Another trigger nearer the date takes it, unless it tells the
        // same act ("A drone strike killed three fighters ... on
        // Saturday": the strike and the killing share their day).
        let root = cands[i].ev.cameo.get(..2).unwrap_or("").to_string();
        let src = cands[i].ev.source.as_ref().map(|a| a.entity.clone());
        // ("stormed the town on Wednesday, killing 14 people": a
        // participle after a comma tells the main act's outcome)
        let outcome = |c: &Cand| {
            c.t0 > t0
                && c.t0 >= 1
                && words[c.t0 - 1] == ","
                && words.get(c.t0).is_some_and(|w| w.ends_with("ing"))
        };
        let rival = |c: &Cand| {
            c.t0 != t0
                && !outcome(c)
                && !(c.ev.cameo.starts_with(&root)
                    && c.ev.source.as_ref().map(|a| a.entity.as_str()) == src.as_deref())
        };
        // (reported across "that", distance, date idx, anchors the
        // trigger's clause): "said on Monday that it had carried out
        // strikes on Sunday" dates the strikes Sunday; the report's own
        // date serves only when the reported clause has none.
        let mut best: Option<(bool, usize, usize, bool)> = None;
        for (a, b, di) in &s.dates {
            // "agreed to start joint work next spring": a day ahead in the
            // object of an agreement made dates the work, not the agreement;
            // "invited Egypt to talks on Sept. 28" dates the talks, not the
            // invitation
            let agreed_ahead = *a >= t1
                && matches!(cands[i].ev.status, Status::Occurred | Status::Proposed)
                && cands[i].ev.cameo.starts_with("03")
                && doc
                    .dates
                    .get(*di)
                    .and_then(|d| d.range.start)
                    .is_some_and(|d| d > doc.published.date);
            if attributive(words, *a, *b)
                || last_before(words, *a)
                || s.quote.get(*a) != s.quote.get(t0)
                || agreed_ahead
            {
                continue;
            }
            let clause = anchored_clause(s, *a);
            if clause.is_some_and(|(p, end)| t0 < p || t0 >= end) {
                continue;
            }
            // "Russia, which invaded Ukraine in 2022, launched drones
            // overnight": a relative clause's date is its own act's, or
            // that of the act noun it describes ("the ceasefire, which
            // went into effect on Friday").
            let rel = s.rel_at(*a);
            if rel != s.rel_at(t0) && rel.is_none_or(|(o, _)| o != t1) {
                continue;
            }
            // "freed 18 soldiers it had held since July on Dec. 31": a
            // "since" date starts a state; an act told in the simple past
            // happened at a point, not then.
            if (words.get(*a).is_some_and(|w| w == "since") || (*a > 0 && words[*a - 1] == "since"))
                && past_tense(&words[t0])
                && !window(words, t0.saturating_sub(2), t0)
                    .any(|w| matches!(w, "has" | "have" | "had" | "'s" | "'ve" | "'d"))
            {
                continue;
            }
            let dseg = s.seg.get(*a).copied().unwrap_or(0);
            let d = dist(*a, *b);
            // no other trigger is closer to this date
            let nearest = || {
                cands
                    .iter()
                    .all(|c| !rival(c) || dist_to(c.t0, c.t1, *a, *b) >= d)
            };
            let ok = if dseg == seg {
                true
            } else if dseg + 1 == seg || dseg == seg + 1 {
                // "On Monday, tens of thousands of students marched ...":
                // a date that opens the sentence sets the time of the
                // clause after it, however long its subject; "began on
                // Monday, when crowds marched": so does one whose next
                // segment opens with "when"
                let scope = dseg + 1 == seg
                    && (opens_sentence(words, *a)
                        || (*b + 2 < words.len()
                            && words[*b + 1] == ","
                            && words[*b + 2] == "when"));
                nearest() && (d <= 12 || scope)
            } else if dseg == seg + 2 {
                // "stormed the town of Cabaret, north of Haiti's capital,
                // on Wednesday": a verbless phrase set off by commas
                // between the act and its date
                let middle = (t1..*a).filter(|&k| s.seg.get(k) == Some(&(seg + 1)));
                let verbless = middle.clone().all(|k| {
                    let w = words[k].as_str();
                    !past_tense(w) && !w.ends_with("ing") && !matches!(w, "said" | "says")
                });
                verbless && middle.count() <= 8 && nearest() && d <= 14
            } else {
                false
            };
            let across = *b < t0 && window(words, *b + 1, t0).any(|w| w == "that");
            if ok && best.is_none_or(|(ba, bd, _, _)| (across, d) < (ba, bd)) {
                best = Some((across, d, *di, clause.is_some()));
            }
        }
        if let Some((_, _, di, clause)) = best {
            if let Some(dm) = doc.dates.get(di) {
                let mut r = dm.range;
                if cands[i].ev.status == Status::Scheduled {
                    r = next_weekday(doc, dm.span.slice(&doc.doc.text), r);
                }
                // "had struck Syrian tanks ... on Monday" in Monday's paper:
                // a past perfect sets the act before the day of the report,
                // a week back
                // (the date after the act: "said on Wednesday that the group
                // had targeted" dates the report, and the act with it)
                let (da, _) = tok_range(&s.spans, dm.span).unwrap_or((0, 0));
                let perfect = (t0.saturating_sub(2)..t0).any(|k| words[k] == "had");
                if perfect && da > t0 && cands[i].ev.status == Status::Occurred {
                    r = last_weekday(doc, dm.span.slice(&doc.doc.text), r);
                }
                let pre: Vec<&str> = window(words, da.saturating_sub(3), da).collect();
                if pre.iter().any(|w| {
                    matches!(
                        *w,
                        "expire" | "expires" | "until" | "through" | "till" | "end" | "ends"
                    )
                }) {
                    r = DateRange {
                        start: None,
                        end: r.end.or(r.start),
                        precision: r.precision,
                        ..Default::default()
                    };
                } else if pre
                    .iter()
                    .any(|w| matches!(*w, "since" | "effect" | "effective"))
                {
                    r = DateRange {
                        start: r.start,
                        end: None,
                        precision: r.precision,
                        ..Default::default()
                    };
                } else if let Some(end) = range_end(doc, s, di) {
                    // "from Friday, March 6, until Tuesday, March 10"
                    if r.start.is_some_and(|st| st <= end) {
                        r.end = Some(end);
                    }
                }
                // "agreed to meet again in July" (in March): a month named
                // for an act to come is the next such month, not the last
                if cands[i].ev.status == Status::Scheduled
                    && r.precision == DatePrecision::Month
                    && r.end.is_some_and(|e| e < doc.published.date)
                {
                    let next = |d: Option<Date>| d.and_then(|d| d.checked_add(1.year()).ok());
                    if let (Some(a), Some(b)) = (next(r.start), next(r.end)) {
                        r.start = Some(a);
                        r.end = Some(b);
                    }
                }
                // "would halt operations from Friday": a truce that starts
                // after the report is coming, not in force; "agreed to meet
                // again next month": talks dated after the report are to come
                let later = r.start.is_some_and(|st| st > doc.published.date);
                if later
                    && (cands[i].ev.status == Status::Ongoing
                        || (cands[i].ev.status == Status::Occurred
                            && cands[i].ev.cameo.starts_with("04")))
                {
                    cands[i].ev.status = Status::Scheduled;
                }
                cands[i].ev.date = r;
                cands[i].ev.evidence.date_from = if clause {
                    DateFrom::Clause
                } else {
                    DateFrom::Text
                };
                cands[i].wants_date = false;
            }
        }
    }
    // A past-tense act told in another clause of a sentence that has a
    // time anchor of its own happened then: "the government said on
    // Saturday it would study any proposal, but its foreign ministry
    // rejected a role for the UAE", "the truce took effect on Saturday,
    // after the two officers agreed to halt all firing". Not a date that
    // anchors a subordinate clause or sits in a relative clause, nor one
    // after publication.
    for c in cands.iter_mut() {
        if !c.wants_date
            || c.past_marker
            || !matches!(c.ev.status, Status::Occurred | Status::Rejected)
            || !past_act(words, c.t0, c.t1, verb_rule(&c.ev.rule))
        {
            continue;
        }
        let nearest = s
            .dates
            .iter()
            .filter(|(a, b, di)| {
                !attributive(words, *a, *b)
                    && anchored_clause(s, *a).is_none()
                    && s.rel_at(*a).is_none()
                    && doc.dates.get(*di).is_some_and(|dm| {
                        dm.range
                            .end
                            .or(dm.range.start)
                            .is_some_and(|d| d <= doc.published.date)
                    })
            })
            .min_by_key(|(a, b, _)| dist_to(c.t0, c.t1, *a, *b));
        if let Some(dm) = nearest.and_then(|(_, _, di)| doc.dates.get(*di)) {
            c.ev.date = dm.range;
            c.ev.evidence.date_from = DateFrom::Text;
            c.ev.confidence *= 0.9;
            c.wants_date = false;
        }
    }
    // "Barrack mediated the Paris meetings": a mediation of talks told
    // before shares their days.
    for c in cands
        .iter_mut()
        .filter(|c| c.wants_date && c.ev.cameo.starts_with("045"))
    {
        if !names_talks(words, c.t1..c.t1 + 1) {
            continue;
        }
        let held = latest_talks(si, prior, |e| {
            e.status == Status::Occurred && e.date.start.is_some()
        });
        if let Some(e) = held {
            c.ev.date = e.date;
            c.ev.evidence.date_from = DateFrom::Carried {
                sentence: e.evidence.sentence,
            };
            c.ev.confidence *= 0.85;
            c.wants_date = false;
        }
    }
    // A past-tense act with no time anchor of its own continues the
    // narrative of the act before it. A date that anchors a clause the act
    // is not in is no anchor of the act's sentence.
    let anchored = s
        .dates
        .iter()
        .any(|(a, _, _)| anchored_clause(s, *a).is_none())
        || s.words
            .iter()
            .any(|w| NOW.contains(&w.to_ascii_lowercase().as_str()));
    let narrative = if anchored {
        None
    } else {
        antecedent(doc, si, prior).or_else(|| continuation(doc, si, words))
    };
    // Fallback: a fresh act with no date of its own is today's news.
    for c in cands.iter_mut() {
        if c.weak && c.wants_date && c.ev.location.is_none() {
            continue;
        }
        // "Turkey and Qatar, which mediated the Doha ceasefire, said": a
        // past act told in a relative clause without a date of its own is
        // background, neither today's news nor the narrative's: it stays
        // undated.
        if c.wants_date && undated_background(s, c) {
            continue;
        }
        if let Some((j, date)) = narrative {
            if c.wants_date
                && !c.past_marker
                && c.ev.status == Status::Occurred
                && past_act(&s.words, c.t0, c.t1, verb_rule(&c.ev.rule))
            {
                c.ev.date = date;
                c.ev.evidence.date_from = DateFrom::Carried { sentence: j };
                c.ev.confidence *= 0.85;
                continue;
            }
        }
        if c.wants_date
            && !c.past_marker
            && matches!(
                c.ev.status,
                Status::Occurred | Status::Proposed | Status::Rejected
            )
            && doc.published.source != chronicler_core::DateSource::IngestTime
        {
            c.ev.date = DateRange {
                start: Some(doc.published.date),
                end: None,
                precision: DatePrecision::Day,
                ..Default::default()
            };
            c.ev.evidence.date_from = DateFrom::Published;
            c.ev.confidence *= 0.9;
        }
    }
    for c in cands.iter_mut() {
        if c.ev.evidence.date_from == DateFrom::Unrecorded {
            c.ev.evidence.date_from = DateFrom::Undated;
        }
    }
}

/// A past act told in a relative clause ("which mediated the truce").
fn undated_background(s: &Sent<'_>, c: &Cand) -> bool {
    s.rel_at(c.t0).is_some()
        && c.ev.status == Status::Occurred
        && past_act(&s.words, c.t0, c.t1, verb_rule(&c.ev.rule))
}

/// Whether the date at token `a` opens its sentence: nothing before it
/// but a preposition or a time-of-day word ("On Monday,", "Late on
/// Sunday,", "Early on Friday morning,").
fn opens_sentence(words: &[String], a: usize) -> bool {
    a <= 3
        && words[..a]
            .iter()
            .all(|w| TIME_OF_DAY.contains(&w.as_str()) || w == "by" || w == "at")
}

fn dist_to(t0: usize, t1: usize, a: usize, b: usize) -> usize {
    if b < t0 {
        t0 - b
    } else {
        a.saturating_sub(t1)
    }
}
