//! The coding rules: triggers, filters, roles, date, place, quantities.

use std::collections::HashMap;

use chronicler_core::text::{MONTHS, WEEKDAYS};
use chronicler_core::{
    Actor, ActorKind, AnalyzedDocument, CodedEvent, DateRange, Evidence, MentionForm, Place,
    Quantity, Span, Status,
};
use chronicler_dict::verbs::{Elem, PatternKind, PatternMatch, Roles, VerbDict};

use crate::dates::assign_dates;
use crate::tokens::{tokenize_into, Tokens};

#[path = "clauses.rs"]
mod clauses;

/// An actor mention seen from a sentence: token range and role flags.
#[derive(Debug, Clone)]
struct Ment<'a> {
    first: usize,
    last: usize,
    actor: &'a Actor,
    form: MentionForm,
    /// Preceded by a locative preposition: a venue, not an actor.
    venue: bool,
}

pub(crate) struct Sent<'a> {
    /// Absolute byte span of each token.
    pub(crate) spans: Vec<Span>,
    /// Lower-cased token texts.
    pub(crate) words: Vec<String>,
    ments: Vec<Ment<'a>>,
    /// Segment id of each token (segments split at commas etc., not inside dates).
    pub(crate) seg: Vec<usize>,
    /// Token ranges of date mentions, with their index in `doc.dates`.
    pub(crate) dates: Vec<(usize, usize, usize)>,
    /// For each token, the opening mark of the quotation it stands in.
    pub(crate) quote: Vec<Option<usize>>,
    /// Token ranges of place mentions, with their index in `doc.places`.
    places: Vec<(usize, usize, usize)>,
    /// Token ranges of quantities, with their index in `doc.quantities`.
    quants: Vec<(usize, usize, usize)>,
    /// Non-restrictive relative clauses, from the comma before "which",
    /// "who", "whose" or "whom" to the comma (or hard boundary) that ends
    /// them, exclusive: "Burundi[, which has deployed troops to back
    /// Kinshasa], closed its border". Their actors and dates are the
    /// clause's own, never those of the main clause around them.
    pub(crate) rel: Vec<(usize, usize)>,
    /// Each "him" or "her" of the sentence as a mention of the last person
    /// named in the sentence before, in the same paragraph: whom an object
    /// pronoun with no antecedent in its own sentence stands for ("Putin
    /// spoke. Zelenskyy invited him").
    prev_person: Vec<Ment<'a>>,
}

impl Sent<'_> {
    /// The relative clause holding token `i`, if any.
    pub(crate) fn rel_at(&self, i: usize) -> Option<(usize, usize)> {
        self.rel.iter().copied().find(|&(o, e)| o < i && i < e)
    }
}

/// The non-restrictive relative clauses of a sentence (see [`Sent::rel`]).
fn relative_clauses(words: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < words.len() {
        if words[i] == "," && matches!(words[i + 1].as_str(), "which" | "who" | "whose" | "whom") {
            let stop = |from: usize| {
                (from..words.len())
                    .find(|&j| words[j] == "," || words[j] == "—" || is_hard_boundary(&words[j]))
                    .unwrap_or(words.len())
            };
            let mut end = stop(i + 2);
            // "which mediated between Kyiv, Moscow and Minsk, said": a
            // comma inside a list, whose last member follows "and" with no
            // verb, does not end the clause.
            while end < words.len() && words[end] == "," {
                let next = stop(end + 1);
                let seg = &words[end + 1..next];
                let list_end = next < words.len()
                    && words[next] == ","
                    && seg.len() <= 8
                    && seg.iter().any(|w| w == "and" || w == "or")
                    && !seg.iter().any(|w| {
                        past_tense(w)
                            || BE.contains(&w.as_str())
                            || matches!(
                                w.as_str(),
                                "has" | "have" | "had" | "will" | "would" | "said"
                            )
                    });
                if !list_end {
                    break;
                }
                end = next;
            }
            out.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// A coded event before date assignment.
pub(crate) struct Cand {
    pub(crate) ev: CodedEvent,
    /// Token range of the trigger.
    pub(crate) t0: usize,
    pub(crate) t1: usize,
    /// True when the date should be left for the fallback rules.
    pub(crate) past_marker: bool,
    /// Still without a date of its own.
    pub(crate) wants_date: bool,
    /// A party was inferred from the article's dyad: kept only with a date
    /// or a venue of its own.
    pub(crate) weak: bool,
}

const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "inside",
    "near",
    "across",
    "throughout",
    "into",
    "via",
    "through",
    "along",
    "within",
    "outside",
];
/// Nouns of a settlement or an area that a state's name or demonym can
/// describe: "Niger's capital", "the Chinese city of Kunming".
const PLACE_NOUNS: &[&str] = &[
    "capital", "city", "town", "port", "province", "village", "region",
];
const DIRECTIONAL: &[&str] = &["to", "from", "toward", "towards"];
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "without", "nor", "cannot"];
const HEDGES: &[&str] = &[
    "would",
    "could",
    "might",
    "may",
    "if",
    "unless",
    "whether",
    "possible",
    "possibly",
    "potential",
    "potentially",
    "hypothetical",
    "should",
    "perhaps",
    "likely",
    "unlikely",
];
const SCHEDULE: &[&str] = &[
    "will",
    "'ll",
    "plans",
    "planned",
    "plan",
    "planning",
    "scheduled",
    "scheduling",
    "expected",
    "due",
    "upcoming",
    "next",
    "set",
    "intends",
    "aims",
    "tomorrow",
];
/// Words before "to VERB" that make the verb a purpose or an attempt.
const PURPOSE: &[&str] = &[
    "used",
    "designed",
    "meant",
    "intended",
    "trying",
    "tried",
    "try",
    "tries",
    "sought",
    "seeking",
    "seek",
    "attempting",
    "attempted",
    "attempt",
    "able",
    "unable",
    "want",
    "wants",
    "wanted",
    "order",
    "enough",
    "how",
];
/// Verbs of beginning and going on: the gerund after them is the act.
const ASPECTUAL: &[&str] = &[
    "began",
    "begun",
    "begins",
    "begin",
    "started",
    "starts",
    "start",
    "continued",
    "continues",
    "continue",
    "resumed",
    "resumes",
    "resume",
    "kept",
    "keeps",
    "keep",
];
const PAST_MARKERS: &[&str] = &[
    "had",
    "recently",
    "earlier",
    "previously",
    "ago",
    "last",
    "since",
    "former",
    "repeated",
    "repeatedly",
    "past",
    "prior",
    "before",
    "initial",
    "often",
    "already",
];
const LIGHT_VERBS: &[&str] = &[
    "issue",
    "issued",
    "issues",
    "issuing",
    "make",
    "made",
    "makes",
    "making",
    "extend",
    "extended",
    "extends",
    "announce",
    "announced",
    "announces",
    "declare",
    "declared",
    "declares",
    "launch",
    "launched",
    "launches",
    "launching",
    "carry",
    "carried",
    "carries",
    "conduct",
    "conducted",
    "conducts",
    "hold",
    "held",
    "holds",
    "holding",
    "offer",
    "offered",
    "offers",
    "propose",
    "proposed",
    "proposes",
    "agree",
    "agreed",
    "reach",
    "reached",
    "sign",
    "signed",
    "impose",
    "imposed",
    "imposes",
    "order",
    "ordered",
    "begin",
    "began",
    "begun",
    "start",
    "started",
    "resume",
    "resumed",
    "stage",
    "staged",
    "deliver",
    "delivered",
    "renew",
    "renewed",
    "repeat",
    "repeated",
    "reiterate",
    "reiterated",
    "send",
    "sent",
    "give",
    "gave",
    "mount",
    "mounted",
    "host",
    "hosted",
    "accept",
    "accepted",
    "continue",
    "continued",
    "continues",
    "intensify",
    "intensified",
    "step",
    "stepped",
    "unleash",
    "unleashed",
    "publicly",
    "formally",
];

fn is_punct(w: &str) -> bool {
    !w.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '\'')
}

fn is_hard_boundary(w: &str) -> bool {
    matches!(w, ";" | ":" | "." | "?" | "!" | "(" | ")")
}

fn is_segment_break(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–" | "\"")
}

fn code_root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The document's main dyad: the two countries most often named, when both
/// are named at least twice.
fn dyad(doc: &AnalyzedDocument) -> Option<(String, String)> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, m) in doc.actors.iter().enumerate() {
        if let Some(c) = m.actor.country.as_deref() {
            if c.len() == 3 && m.actor.kind != ActorKind::Organization {
                let e = counts.entry(c).or_insert((0, i));
                e.0 += 1;
            }
        }
    }
    let mut v: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    let a = v.first()?;
    let b = v.get(1)?;
    // A second country named far less than the first is no side of the
    // story: an article about one country's civil war that names a
    // foreign minister twice has no dyad with that minister's country.
    if b.1 .0 < 2
        || b.1 .0 * 5 < a.1 .0
        || v.get(2)
            .is_some_and(|c| c.1 .0 * 3 > b.1 .0 * 2 && c.1 .0 >= 3)
    {
        return None;
    }
    // in order of first mention
    if a.1 .1 <= b.1 .1 {
        Some((a.0.to_string(), b.0.to_string()))
    } else {
        Some((b.0.to_string(), a.0.to_string()))
    }
}

/// Where the auxiliaries before a passive verb at `t0` begin ("Pereira
/// had been detained": at "had"); with `adverbs`, adverbs among them too
/// ("was later released").
fn before_auxiliaries(words: &[String], t0: usize, adverbs: bool) -> usize {
    let mut k = t0;
    while k > 0 {
        let w = words[k - 1].as_str();
        let aux = matches!(
            w,
            "was" | "were" | "is" | "are" | "been" | "be" | "being" | "had" | "has" | "have"
        );
        let adverb = matches!(w, "'s" | "'d" | "also" | "then" | "later" | "reportedly")
            || w.ends_with("ly");
        if !(aux || (adverbs && adverb)) {
            break;
        }
        k -= 1;
    }
    k
}

/// The state that arrested or freed the subject of a passive act at
/// `t0` with no agent named, and that subject: the subject right before
/// the auxiliaries ("Pereira, the party leader, was detained", "he had
/// been arrested"), or, before an apposition, the apposition's own
/// mention ("The captain, a Chinese national, was detained"). The state
/// is that of the places the sentence names, else the country the story
/// names most, else the subject's own. People of no country ("80
/// political prisoners were released from jails in Caracas") are the
/// named place's.
fn passive_holder(
    doc: &AnalyzedDocument,
    si: usize,
    s: &Sent<'_>,
    t0: usize,
    prior: &[CodedEvent],
) -> Option<(Actor, Actor)> {
    let words = &s.words;
    let k = before_auxiliaries(words, t0, true);
    let mut ends = vec![k];
    if k > 0 && words[k - 1] == "," {
        if let Some(open) = (k.saturating_sub(25)..k - 1).rfind(|&j| words[j] == ",") {
            ends = vec![open, k - 1];
        }
    }
    let held = ends.iter().find_map(|&end| {
        s.ments
            .iter()
            .find(|o| o.last + 1 == end)
            .filter(|o| o.actor.kind != ActorKind::State && !o.venue)
            // (not the object of a preposition inside a longer subject:
            // "a video of the girl rescued by police was released")
            .filter(|o| {
                !o.first.checked_sub(1).is_some_and(|j| {
                    matches!(
                        words[j].as_str(),
                        "by" | "of"
                            | "from"
                            | "with"
                            | "to"
                            | "for"
                            | "in"
                            | "at"
                            | "on"
                            | "near"
                            | "against"
                            | "about"
                    )
                })
            })
    })?;
    // "Georgia demanded the release of three villagers detained by Russian
    // border guards ... The four men were detained on Sunday": who holds
    // people in the sentences just before (the author of an arrest, the
    // one asked to free them) detained them
    let holder = prior
        .iter()
        .rev()
        .take_while(|e| e.evidence.sentence + 3 >= si)
        .find_map(|e| {
            if e.cameo.starts_with("1053") {
                e.target.clone()
            } else if code_root(&e.cameo) == "17" || e.cameo.starts_with("181") {
                e.source.clone()
            } else {
                None
            }
        })
        .filter(|h| h.country.is_some() && !same_country(h, held.actor));
    let mut here = s
        .places
        .iter()
        .filter_map(|&(_, _, pi)| doc.places.get(pi)?.place.country.clone());
    let first = here.next();
    let place = first.filter(|c| c.len() == 3 && here.all(|o| o == *c));
    if let Some(h) = holder {
        // (the held take the country of where they were, if none of theirs)
        let held = if held.actor.country.is_none() && held.actor.kind == ActorKind::Agent {
            of_country(held.actor.clone(), place.as_deref())
        } else {
            held.actor.clone()
        };
        if held.country.is_some() && held.country != h.country {
            return Some((h, held));
        }
    }
    if resolved(held) {
        let country = place
            .or_else(|| top_country(doc))
            .or_else(|| held.actor.country.clone())?;
        return Some((state_actor(Some(country)), held.actor.clone()));
    }
    let country = place?;
    (held.actor.kind == ActorKind::Agent && held.actor.role.is_some()).then(|| {
        (
            state_actor(Some(country.clone())),
            of_country(held.actor.clone(), Some(&country)),
        )
    })
}

/// "arrested 17 fishermen and seized three of their trawlers": force or
/// coercion (roots 17 to 20) on what belongs to "their", "his" or "her"
/// is aimed at the owner, the nearest party named before the act in its
/// sentence that is not the actor.
fn possessor<'a>(s: &Sent<'a>, m: &PatternMatch, src: &Ment<'a>) -> Option<&'a Actor> {
    let words = &s.words;
    window(words, m.start, m.end).find(|w| matches!(*w, "their" | "his" | "her"))?;
    s.ments
        .iter()
        .rev()
        .filter(|o| o.last < m.start && o.first > src.last)
        .find(|o| resolved(o) && !same_country(o.actor, src.actor))
        .map(|o| o.actor)
}

/// The country the document names most: three mentions at least, more
/// than any other.
fn top_country(doc: &AnalyzedDocument) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in &doc.actors {
        if let Some(c) = m.actor.country.as_deref() {
            if c.len() == 3 && m.actor.kind != ActorKind::Organization {
                *counts.entry(c).or_insert(0) += 1;
            }
        }
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match v.as_slice() {
        [(c, n), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(_, k)| k < n) => {
            Some((*c).to_string())
        }
        _ => None,
    }
}

/// A representative actor for a country of the dyad, from the document's mentions.
fn country_actor<'a>(doc: &'a AnalyzedDocument, country: &str) -> Option<&'a Actor> {
    let of_country = || {
        doc.actors
            .iter()
            .filter(|m| m.actor.country.as_deref() == Some(country))
    };
    of_country()
        .find(|m| m.actor.kind == ActorKind::State && m.form == MentionForm::Name)
        .or_else(|| of_country().find(|m| m.actor.kind == ActorKind::State))
        .or_else(|| of_country().next())
        .map(|m| &m.actor)
}

fn state_of(actor: &Actor) -> Actor {
    state_actor(actor.country.clone())
}

/// The bare state of a country (code = the country code, no role).
fn state_actor(country: Option<String>) -> Actor {
    let c = country.clone().unwrap_or_default();
    Actor {
        entity: format!("state:{c}"),
        name: c.clone(),
        code: c,
        country,
        role: None,
        kind: ActorKind::State,
    }
}

pub(crate) fn tok_range(toks: &[Span], span: Span) -> Option<(usize, usize)> {
    let first = toks.iter().position(|t| t.overlaps(span))?;
    let last = toks.iter().rposition(|t| t.overlaps(span))?;
    Some((first, last))
}

/// The sentence `si` seen by the rules: its tokens, and the actor, place,
/// date and quantity mentions as token ranges.
fn build_sent(doc: &AnalyzedDocument, si: usize, words: Vec<String>, toks: Vec<Span>) -> Sent<'_> {
    let mut places = Vec::new();
    for (i, p) in doc.places.iter().enumerate() {
        if p.sentence == si {
            if let Some((a, b)) = tok_range(&toks, p.span) {
                places.push((a, b, i));
            }
        }
    }
    let dateline = dateline_end(&doc.doc.text, &toks);
    let mut ments = Vec::new();
    for m in doc.actors.iter().filter(|m| m.sentence == si) {
        let Some((first, last)) = tok_range(&toks, m.span) else {
            continue;
        };
        let prev = first
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .map(String::as_str)
            .unwrap_or("");
        let prev2 = first
            .checked_sub(2)
            .and_then(|i| words.get(i))
            .map(String::as_str)
            .unwrap_or("");
        // (the place opens the mention: "fired at protesters in Lima" is
        // aimed at the protesters, not at a venue)
        let is_place = places.iter().any(|(a, b, pi)| {
            *a <= first
                && first <= *b
                && doc
                    .places
                    .get(*pi)
                    .is_some_and(|p| p.place.kind != "country" || m.actor.kind == ActorKind::State)
        }) || m.actor.kind == ActorKind::State;
        // "roads leading into Mordor", "fired rockets into Israel": a
        // state after "into" is where the act goes, its target, not the
        // place where it happens.
        let goal = m.actor.kind == ActorKind::State
            && (prev == "into" || (prev == "the" && prev2 == "into"));
        // "in Niamey, Niger's capital", "the Chinese city of Kunming": a
        // state that describes a place (in apposition, or as the adjective
        // of "city of"), not "north of Haiti's capital", where it is hit.
        let place_head = {
            let k = if words.get(last + 1).is_some_and(|w| w == "'s") {
                last + 2
            } else {
                last + 1
            };
            words
                .get(k)
                .is_some_and(|w| PLACE_NOUNS.contains(&w.as_str()))
                && m.actor.kind == ActorKind::State
                && (prev == ","
                    || (m.form == MentionForm::Adjective
                        && words.get(k + 1).is_some_and(|w| w == "of")))
        };
        // "read out the statement in Turkish,": a demonym after "in" with
        // no noun of its own names a language, not a party.
        let language = m.form == MentionForm::Adjective
            && prev == "in"
            && words
                .get(last + 1)
                .is_none_or(|w| is_punct(w) || w == "and");
        // "at the Swiss resort of Crans-Montana", "near the Syrian border
        // town": a demonym of a place after a locative is where, not who.
        let place_adjective = m.form == MentionForm::Adjective
            && prev == "the"
            && LOCATIVE.contains(&prev2)
            && words.get(last + 1).is_some_and(|w| {
                PLACE_NOUNS.contains(&w.as_str())
                    || matches!(
                        w.as_str(),
                        "resort" | "border" | "coast" | "island" | "enclave"
                    )
            });
        // "on the sidelines of the UN General Assembly": a gathering the
        // act happens at, not a party to it
        let margin = |k: usize| {
            first > k
                && words[first - k] == "of"
                && matches!(
                    words.get(first - k - 1).map(String::as_str),
                    Some("sidelines" | "sideline" | "margins" | "margin")
                )
        };
        let sidelines = margin(1) || (prev == "the" && margin(2));
        // "the Muscat talks", "the Doha process": where it happens.
        let venue = first < dateline
            || sidelines
            || language
            || place_adjective
            || place_head
            || m.names_process_venue(&doc.doc.text)
            || (m.form != MentionForm::Adjective
                && m.form != MentionForm::Pronoun
                && is_place
                && !goal
                && (LOCATIVE.contains(&prev)
                    || (DIRECTIONAL.contains(&prev)
                        && places.iter().any(|(a, b, pi)| {
                            *a <= last
                                && first <= *b
                                && doc
                                    .places
                                    .get(*pi)
                                    .is_some_and(|p| p.place.kind != "country")
                        }))
                    || (matches!(prev, "the") && LOCATIVE.contains(&prev2))));
        ments.push(Ment {
            first,
            last,
            actor: &m.actor,
            form: m.form,
            venue,
        });
    }
    // A wire dateline's date ("PORT-AU-PRINCE, Nov 6 (Atlas) -") is the
    // report's, never an act's: "stormed the town on Wednesday" is Wednesday.
    let mut dates = Vec::new();
    for (i, d) in doc.dates.iter().enumerate() {
        if d.sentence == si {
            if let Some((a, b)) = tok_range(&toks, d.span) {
                if a >= dateline {
                    dates.push((a, b, i));
                }
            }
        }
    }
    let mut quants = Vec::new();
    for (i, q) in doc.quantities.iter().enumerate() {
        if q.sentence == si {
            if let Some((a, b)) = tok_range(&toks, q.span) {
                quants.push((a, b, i));
            }
        }
    }
    let mut seg = Vec::with_capacity(toks.len());
    let mut cur = 0;
    for (i, w) in words.iter().enumerate() {
        let in_date = dates.iter().any(|(a, b, _)| *a <= i && i <= *b);
        // "the ports of Hodeidah, Ras Isa and Salif on Monday": a comma
        // between two places of one list does not end the phrase.
        let in_list = w == ","
            && places.iter().any(|(_, b, _)| *b + 1 == i)
            && places.iter().any(|(a, _, _)| *a == i + 1);
        if is_segment_break(w) && !in_date && !in_list {
            cur += 1;
        }
        seg.push(cur);
    }
    let rel = relative_clauses(&words);
    let object_pronoun = words.iter().any(|w| w == "him" || w == "her");
    let prev_person = si.checked_sub(1).filter(|_| object_pronoun).and_then(|p| {
        let here = doc.sentences.get(si)?.span.start;
        let before = doc.sentences.get(p)?.span;
        if !crate::dates::same_paragraph(doc, before.end, here) {
            return None;
        }
        doc.actors
            .iter()
            .rfind(|m| {
                m.sentence == p && m.actor.kind == ActorKind::Person && m.actor.country.is_some()
            })
            .map(|m| &m.actor)
    });
    let prev_person: Vec<Ment<'_>> = prev_person
        .map(|actor| {
            words
                .iter()
                .enumerate()
                .filter(|(_, w)| *w == "him" || *w == "her")
                .map(|(k, _)| Ment {
                    first: k,
                    last: k,
                    actor,
                    form: MentionForm::Pronoun,
                    venue: false,
                })
                .collect()
        })
        .unwrap_or_default();
    let quote = crate::dates::quotations(&words);
    Sent {
        spans: toks,
        quote,
        words,
        ments,
        seg,
        dates,
        places,
        quants,
        rel,
        prev_person,
    }
}

/// The token just past a wire dateline opening the sentence ("BRUSSELS –",
/// "ADEN, Feb 12 (Meridian News Agency) -", "NEW DELHI/ISLAMABAD, May 12
/// —", "GOMA, Democratic Republic of Congo, Oct 16 —"), or 0. The place
/// names where the story was filed, not an actor: "BRUSSELS – Chief
/// negotiators from Serbia and Kosovo met" is no act of Belgium's. A
/// dateline starts with a word in capitals, holds capitals and "/" up to
/// its first comma or parenthesis, and ends at a dash within 16 tokens.
fn dateline_end(text: &str, toks: &[Span]) -> usize {
    let tok = |i: usize| {
        toks.get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    };
    let capitals = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    if !capitals(tok(0)) || tok(0).chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return 0;
    }
    let mut head = true;
    for i in 1..toks.len().min(16) {
        let w = tok(i);
        if matches!(w, "–" | "—") {
            return i + 1;
        }
        // A hyphen is no token: "(Reuters) - The ..." shows in the gap.
        let gap = text.get(toks[i - 1].end..toks[i].start).unwrap_or("");
        if matches!(gap.trim(), "-" | "--") {
            return i;
        }
        if matches!(w, "," | "(") {
            head = false;
        } else if head && !(capitals(w) || w == "/") {
            return 0;
        }
        if matches!(w, "." | ";" | "!" | "?") {
            return 0;
        }
    }
    0
}

/// Verbs of denial: what follows them did not happen, says the speaker.
const DENYING: &[&str] = &[
    "denied", "denies", "deny", "denying", "disputed", "disputes",
];

/// The denying verb when the act at token `t0` is what a speaker denies: "the spokesman
/// denied that government troops had launched an offensive", "Kigali
/// denies claims that its troops crossed", "denied launching the strike"
/// (at most ten words back, no comma, "and" or clause break between).
fn denied(words: &[String], t0: usize) -> Option<usize> {
    let lo = t0.saturating_sub(10);
    let k = (lo..t0).rfind(|&k| DENYING.contains(&words[k].as_str()))?;
    // "denied that it had attacked, and accused the rebels": the second
    // verb is the speaker's own act.
    if window(words, k + 1, t0)
        .any(|w| is_hard_boundary(w) || matches!(w, "," | "and" | "but" | "while"))
    {
        return None;
    }
    let next = words.get(k + 1).map_or("", String::as_str);
    let claim = matches!(
        next,
        "reports" | "claims" | "accusations" | "allegations" | "charges" | "suggestions"
    );
    (next == "that"
        || (claim && words.get(k + 2).is_some_and(|w| w == "that"))
        || (k + 1 == t0 && words[t0].ends_with("ing")))
    .then_some(k)
}

/// Verbs that are no act before these objects (within `reach` words):
/// (verb forms, objects, reach).
const IDIOMS: &[(&[&str], &[&str], usize)] = &[
    (
        &["strike", "strikes", "struck", "striking"],
        &[
            "note", "tone", "chord", "balance", "pose", "nerve", "deal", "bargain",
        ],
        4,
    ),
    (
        &["meet", "meets", "met", "meeting"],
        &[
            "demand",
            "demands",
            "deadline",
            "deadlines",
            "target",
            "targets",
            "criteria",
            "conditions",
            "requirements",
            "needs",
            "expectations",
            "obligations",
            "commitments",
            "goal",
            "goals",
            "standards",
            "threshold",
        ],
        3,
    ),
];

/// Sentences about sport, entertainment or distant history. A topic word
/// inside an actor's name (`in_name`: "the Arab League", "the Awami
/// League") does not count.
fn off_topic(words: &[&str], in_name: impl Fn(usize) -> bool) -> bool {
    const TOPIC: &[&str] = &[
        "football",
        "soccer",
        "tournament",
        "championship",
        "olympic",
        "olympics",
        "league",
        "goalkeeper",
        "striker",
        "film",
        "movie",
        "album",
        "concert",
        "box",
        "oscar",
        "novel",
        "tennis",
        "cricket",
        "match",
        "coach",
        "midfielder",
        "semifinal",
        "quarterfinal",
        "playoff",
        "playoffs",
        "rugby",
        "basketball",
        "baseball",
        "boxing",
        "fifa",
        "uefa",
        "nba",
        "nfl",
    ];
    // (not "of": "a violation of the 1974 agreement", "the accord of
    // 1974" name an old text in today's news)
    let old_year = words.iter().enumerate().any(|(i, w)| {
        w.len() == 4
            && w.parse::<u32>().is_ok_and(|y| (1000..1990).contains(&y))
            && i > 0
            && (matches!(words[i - 1], "in" | "since" | "during")
                // "in the 1967 war", "since the 1979 revolution"
                || (words[i - 1] == "the"
                    && i > 1
                    && matches!(words[i - 2], "in" | "since" | "during")))
    });
    old_year
        || words
            .iter()
            .enumerate()
            .any(|(i, w)| TOPIC.contains(w) && !in_name(i))
}

pub(crate) fn window(words: &[String], from: usize, to: usize) -> impl Iterator<Item = &str> {
    words
        .get(from..to.min(words.len()))
        .unwrap_or(&[])
        .iter()
        .map(String::as_str)
}

/// Whether the act at token `i` is, or is the object of, a present perfect
/// progressive in its clause ("has been facilitating talks", "have been
/// holding talks"): "has|have been" then a verb in -ing, the act being that
/// verb or within three words after it.
fn progressive_perfect(words: &[String], i: usize, clause: usize) -> bool {
    (i.saturating_sub(3)..=i).any(|j| {
        j >= clause + 2
            && words[j].ends_with("ing")
            && words[j - 1] == "been"
            && matches!(words[j - 2].as_str(), "has" | "have" | "'s" | "'ve")
    })
}

/// Start of the clause around token `i` (after the last hard boundary or
/// "that"/"which"/"who" before it, looking back at most `max` tokens).
fn clause_start(words: &[String], i: usize, max: usize) -> usize {
    let lo = i.saturating_sub(max);
    for j in (lo..i).rev() {
        let w = words[j].as_str();
        if is_hard_boundary(w)
            || matches!(w, "but" | "while" | "although" | "though" | "whereas")
            || background_at(words, j)
        {
            return j + 1;
        }
    }
    lo
}

pub(crate) fn code_document(dict: &VerbDict, doc: &AnalyzedDocument) -> Vec<CodedEvent> {
    let dyad = dyad(doc);
    let mut out = Vec::new();
    let mut tokens = Tokens::default();
    for (si, s) in doc.sentences.iter().enumerate() {
        tokenize_into(&mut tokens, s.span.slice(&doc.doc.text), s.span.start);
        let words = tokens.words();
        // A sentence must end as one (a headline or a caption does not);
        // the last sentence of a text may lack its full stop when it is a
        // whole clause (eight words or more).
        let last = si + 1 == doc.sentences.len();
        let ends = words.last().is_some_and(|w| {
            matches!(*w, "." | "!" | "?" | "\"" | "”") || (last && words.len() >= 8 && !is_punct(w))
        });
        let in_name = |i: usize| {
            tokens.spans.get(i).is_some_and(|t| {
                doc.actors
                    .iter()
                    .any(|m| m.sentence == si && m.span.start <= t.start && t.end <= m.span.end)
            })
        };
        if words.is_empty() || !ends || off_topic(&words, in_name) {
            continue;
        }
        // Most sentences hold no pattern of the dictionary: they are left
        // before their words are copied and their mentions mapped to tokens.
        let found = dict.find(&words);
        // A paragraph in another language can spell an English pattern
        // ("a" in French, "in" in German).
        if found.is_empty()
            || chronicler_core::language::foreign_sentence(s.span.slice(&doc.doc.text))
        {
            continue;
        }
        // "the Syrian Democratic Forces (SDF) attacked": an acronym in
        // brackets after a name is no clause boundary; its tokens go.
        let mut dropped = acronym_brackets(&doc.doc.text, &tokens.spans);
        // "an immediate, comprehensive ceasefire": the comma between two
        // adjectives of one noun parts no phrase.
        dropped.extend(adjective_commas(&words));
        dropped.sort_unstable();
        let (words, spans): (Vec<String>, Vec<Span>) = if dropped.is_empty() {
            (
                words.into_iter().map(str::to_string).collect(),
                tokens.spans.clone(),
            )
        } else {
            words
                .into_iter()
                .zip(tokens.spans.iter())
                .enumerate()
                .filter(|(i, _)| !dropped.contains(i))
                .map(|(_, (w, sp))| (w.to_string(), *sp))
                .unzip()
        };
        let found = if dropped.is_empty() {
            found
        } else {
            dict.find(&words.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let matches = select_matches(dict, &words, found);
        if matches.is_empty() {
            continue;
        }
        let sent = build_sent(doc, si, words, spans);
        let mut evs = code_sentence(dict, doc, si, &sent, &matches, dyad.as_ref(), &out);
        out.append(&mut evs);
    }
    out
}

/// The tokens of bracketed acronyms right after a name: "the Syrian
/// Democratic Forces (SDF)", "Joint Chiefs of Staff (JCS)", "the U.N.
/// mission (UNSMIL)". Their brackets would otherwise cut the clause
/// between a subject and its verb. A dateline's "(Reuters) -" stays.
fn acronym_brackets(text: &str, spans: &[Span]) -> Vec<usize> {
    let tok = |i: usize| {
        spans
            .get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    };
    let acronym = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars().all(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | '&')
            })
    };
    let mut out = Vec::new();
    for open in 1..spans.len() {
        if tok(open) != "(" || !tok(open - 1).starts_with(char::is_uppercase) {
            continue;
        }
        let Some(close) = (open + 1..(open + 6).min(spans.len())).find(|&k| tok(k) == ")") else {
            continue;
        };
        let inner = open + 1..close;
        if inner.is_empty()
            || !inner
                .clone()
                .all(|k| acronym(tok(k)) || matches!(tok(k), "/" | "-" | "."))
        {
            continue;
        }
        let after = spans
            .get(close)
            .and_then(|t| text.get(t.end..))
            .unwrap_or("");
        if after.trim_start().starts_with(['-', '–', '—']) {
            continue;
        }
        out.extend(open..=close);
    }
    out
}

/// Whether `w` reads as an adjective: a few common ones of truces and
/// talks, or an adjectival ending.
fn adjective_like(w: &str) -> bool {
    matches!(
        w,
        "full" | "new" | "fresh" | "total" | "complete" | "lasting" | "durable" | "fragile"
    ) || (w.len() > 4
        && [
            "ate", "ive", "al", "ful", "ous", "ent", "ant", "ic", "able", "ible", "less", "ary",
        ]
        .iter()
        .any(|e| w.ends_with(e)))
}

/// The commas between two adjectives after a determiner ("an immediate,
/// comprehensive ceasefire", "a full, unconditional withdrawal").
fn adjective_commas(words: &[&str]) -> Vec<usize> {
    (2..words.len().saturating_sub(2))
        .filter(|&k| {
            words[k] == ","
                && matches!(words[k - 2], "a" | "an" | "the")
                && adjective_like(words[k - 1])
                && adjective_like(words[k + 1])
                && words[k + 2].chars().all(char::is_alphabetic)
        })
        .collect()
}

/// True when the word at `i` follows a determiner ("a visit", "their meeting").
fn after_determiner(words: &[String], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|j| words.get(j))
        .is_some_and(|w| {
            matches!(
                w.as_str(),
                // "China's use of water cannon": after a possessive
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "'s"
            ) || (matches!(w.as_str(), "most" | "many" | "several" | "few" | "numerous")
                // "most attacks", "many strikes": a plural noun
                && words.get(i).is_some_and(|v| v.ends_with('s')))
        })
}

/// A past tense or participle: a verb, not a noun.
pub(crate) fn past_tense(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "met"
                | "struck"
                | "shot"
                | "fought"
                | "held"
                | "sent"
                | "took"
                | "began"
                | "gave"
                | "made"
                | "hit"
                | "left"
                | "fled"
                | "told"
                | "said"
                | "won"
                | "lost"
                | "threw"
                | "broke"
                | "drew"
                | "drove"
                | "flew"
                | "fell"
                | "stole"
                | "tore"
                | "spoke"
                | "wrote"
                | "knew"
                | "grew"
                | "blew"
                | "swore"
                | "sank"
                | "ran"
                | "came"
                | "became"
                | "went"
                | "led"
                | "bought"
                | "brought"
                | "caught"
                | "thought"
                | "sought"
                | "kept"
                | "spent"
                | "built"
                | "dealt"
                | "felt"
                | "found"
                | "heard"
                | "paid"
                | "laid"
                | "sold"
                | "stood"
                | "withdrew"
                | "overthrew"
                | "undertook"
                | "shook"
                | "seized"
                | "slew"
                | "bit"
                | "rode"
                | "chose"
                | "froze"
        )
}

/// True when the word at `i` heads a noun phrase governed by a preposition:
/// "during a brief private visit", "on their first official trip". A
/// preposition that cannot open a clause, a determiner, then at most three
/// modifiers: no verb stands there. A past tense is a verb whatever
/// precedes it ("troops in the north attacked").
fn in_prepositional_phrase(words: &[String], i: usize) -> bool {
    !past_tense(&words[i])
        && (1..=4).any(|k| {
            i > k
                && after_determiner(words, i + 1 - k)
                && matches!(
                    words[i - k - 1].as_str(),
                    "during"
                        | "on"
                        | "in"
                        | "at"
                        | "of"
                        | "with"
                        | "amid"
                        | "despite"
                        | "into"
                        | "without"
                        | "from"
                        | "by"
                        | "about"
                        | "against"
                        | "between"
                        | "through"
                )
                && window(words, i + 1 - k, i).all(|w| !is_punct(w) && !BE.contains(&w))
        })
}

/// "the truce village of Panmunjom", "the ceasefire line", "ceasefire
/// monitors", "ceasefire talks": a truce noun naming a place or modifying
/// those who watch or negotiate one, not a truce.
fn truce_place(dict: &VerbDict, words: &[String], m: &PatternMatch) -> bool {
    dict.patterns
        .get(m.pattern)
        .is_some_and(|p| p.kind == PatternKind::Noun && p.code.starts_with("0871"))
        && words.get(m.end).is_some_and(|w| {
            matches!(
                w.as_str(),
                "village"
                    | "line"
                    | "lines"
                    | "zone"
                    | "monitors"
                    | "monitoring"
                    | "observers"
                    | "observer"
                    | "mission"
                    | "mechanism"
                    | "commission"
                    | "committee"
                    // "ceasefire talks" are talks about a truce
                    | "talks"
                    | "negotiations"
                    | "negotiators"
                    | "discussions"
            )
        })
}

/// Nouns after a sea's name that make it a place on land: "the Black Sea
/// port of Odesa", "a Red Sea resort".
const SEA_SETTLEMENTS: &[&str] = &[
    "port", "city", "coast", "town", "region", "province", "resort", "base",
];

/// "into the Black Sea port of Odesa": a pattern ending in a sea's name
/// ("fired missiles into * sea") that goes on to a place on that sea.
fn sea_place(words: &[String], end: usize) -> bool {
    end > 0
        && words[end - 1] == "sea"
        && words
            .get(end)
            .is_some_and(|w| SEA_SETTLEMENTS.contains(&w.as_str()))
}

/// The matches `ms` (of [`VerbDict::find`] in `words`) that trigger
/// events: verb patterns used as nouns dropped, then the longest of
/// overlapping ones.
/// Whether a pattern ending at `end` ends on a preposition that opens a
/// date, not an object: "fired a missile on Monday" aims at no one.
fn date_preposition(words: &[String], end: usize) -> bool {
    end >= 1
        && matches!(words[end - 1].as_str(), "on" | "in" | "at")
        && words.get(end).is_some_and(|w| {
            let w = w.as_str();
            // ("in May" is a month, but "may" is a modal more often)
            WEEKDAYS.contains(&w)
                || (MONTHS.contains(&w) && w != "may")
                || matches!(w, "dawn" | "midnight")
        })
}

/// Prepositions and adverb particles a verb phrase may end on ("call
/// on", "turn down"): no object of the verb.
const PARTICLES: &[&str] = &[
    "on", "upon", "to", "for", "with", "at", "in", "into", "of", "from", "by", "down", "up", "off",
    "out", "over", "back", "away", "against", "about",
];

fn select_matches(
    dict: &VerbDict,
    words: &[String],
    mut ms: Vec<PatternMatch>,
) -> Vec<PatternMatch> {
    // A verb pattern right after a determiner is a noun: "a visit", "the
    // attack"; so is one heading a prepositional phrase ("during a brief
    // private visit"). "Close to" is near, not the verb close: "marched
    // close to the border", "a source close to the talks".
    ms.retain(|m| {
        dict.patterns.get(m.pattern).is_none_or(|p| {
            p.kind != PatternKind::Verb
                || !(after_determiner(words, m.start)
                    || in_prepositional_phrase(words, m.start)
                    || (matches!(words[m.start].as_str(), "close" | "closer")
                        && words.get(m.start + 1).is_some_and(|w| w == "to"))
                    // "relatives of those still detained": a participle
                    // describing people, not an act
                    || (past_tense(&words[m.start])
                        && m.start > 0
                        && matches!(words[m.start - 1].as_str(), "those" | "still"))
                    || sea_place(words, m.end)
                    || date_preposition(words, m.end))
        }) && !truce_place(dict, words, m)
    });
    // "welcomed the release of the soldiers": a verb pattern ending on the
    // act noun that starts a noun pattern takes that act as its object;
    // the noun is no act of the verb's subject.
    let objects: Vec<usize> = ms
        .iter()
        .filter(|m| {
            dict.patterns
                .get(m.pattern)
                .is_some_and(|p| p.kind == PatternKind::Verb)
                && m.end > m.start + 1
        })
        .map(|m| m.end - 1)
        .collect();
    // ("held talks hosted by Qatar": the hosting is the mediator's act)
    ms.retain(|m| {
        dict.patterns.get(m.pattern).is_none_or(|p| {
            p.kind != PatternKind::Noun
                || dict.entry_of(p).is_some_and(|e| e.roles == Roles::Mediator)
        }) || !objects.contains(&m.start)
    });
    // "returned fire at Cambodian soldiers": a fixed verb phrase of two
    // words or more (no gap in the pattern) that ends on its object
    // ("return fire", not "call on") names what the verb acts on; a longer
    // pattern from the same verb whose gap swallows that object ("return
    // * soldiers") is no reading of it
    let gapless: Vec<(usize, usize)> = ms
        .iter()
        .filter(|m| {
            m.gap == 0
                && m.end >= m.start + 2
                && !PARTICLES.contains(&words[m.end - 1].as_str())
                && dict.patterns.get(m.pattern).is_some_and(|p| {
                    p.kind == PatternKind::Verb
                        && !p.elems.iter().any(|e| matches!(e, Elem::Gap(_)))
                })
        })
        .map(|m| (m.start, m.end))
        .collect();
    ms.retain(|m| {
        m.gap == 0
            || !gapless
                .iter()
                .any(|&(start, end)| start == m.start && end < m.end)
    });
    // longest first, then most specific code, then dictionary order
    ms.sort_by(|a, b| {
        let la = a.end - a.start;
        let lb = b.end - b.start;
        let ca = dict.patterns.get(a.pattern).map_or(0, |p| p.code.len());
        let cb = dict.patterns.get(b.pattern).map_or(0, |p| p.code.len());
        let sa = la - a.gap;
        let sb = lb - b.gap;
        lb.cmp(&la)
            .then(sb.cmp(&sa))
            .then(cb.cmp(&ca))
            .then(a.start.cmp(&b.start))
            .then(a.pattern.cmp(&b.pattern))
    });
    let mut kept: Vec<PatternMatch> = Vec::new();
    for m in ms {
        if kept.iter().all(|k| m.end <= k.start || k.end <= m.start) {
            kept.push(m);
        }
    }
    // a phrase that is no event ("executed a search warrant") has taken
    // its words from the patterns it overlaps; it codes nothing itself
    kept.retain(|m| dict.patterns.get(m.pattern).is_none_or(|p| !p.is_null()));
    kept.sort_by_key(|m| (m.start, m.end));
    kept
}

fn code_sentence(
    dict: &VerbDict,
    doc: &AnalyzedDocument,
    si: usize,
    s: &Sent<'_>,
    matches: &[PatternMatch],
    dyad: Option<&(String, String)>,
    prior: &[CodedEvent],
) -> Vec<CodedEvent> {
    let words = &s.words;
    let lower_sentence = words.join(" ");
    if lower_sentence.contains("analysts say") || lower_sentence.contains("analysts said") {
        return Vec::new();
    }
    // Which tokens start or end a verb trigger (a clause's verb, not a
    // list member's neighbour).
    let mut verb_at = vec![0u8; words.len() + 1];
    for m in matches {
        if dict
            .patterns
            .get(m.pattern)
            .is_some_and(|p| p.kind == PatternKind::Verb)
        {
            verb_at[m.start] |= VERB_START;
            verb_at[m.end.saturating_sub(1)] |= VERB_END;
        }
    }
    let mut cands: Vec<Cand> = Vec::new();
    let by_mediators = mediators_by(s, &verb_at);
    let mediating = |a: &Actor| by_mediators.iter().any(|o| same_country(o, a));
    let mut last_verb_src: Option<(Ment<'_>, f32)> = None;
    // (end token, trigger's last token, whether the dominating act is a truce
    // or release, root 08)
    let mut dominated_until: Option<(usize, usize, bool)> = None;
    'matches: for m in matches {
        let Some(p) = dict.patterns.get(m.pattern) else {
            continue;
        };
        let Some(entry) = dict.entry_of(p) else {
            continue;
        };
        let root = code_root(&p.code);
        // A verb right after a demonym is a noun: "Houthi targets", "an
        // anti-Gondor parade".
        if p.kind == PatternKind::Verb
            && s.ments.iter().any(|mm| {
                mm.last + 1 == m.start && (mm.form == MentionForm::Adjective || anti(s, mm))
            })
        {
            continue;
        }
        // "arms" is a noun ("returned fire with small arms", "an arms
        // embargo") unless an actor or a relative pronoun is right before
        // it ("Iran arms the Houthis", "which arms them").
        // So is "shell" ("a miles-thick ice shell", "an artillery shell")
        // unless an actor, a relative pronoun, "to", "and" or a modal
        // stands before it.
        if p.kind == PatternKind::Verb
            && matches!(words[m.start].as_str(), "arms" | "shell")
            && !(s.ments.iter().any(|mm| mm.last + 1 == m.start)
                || m.start > 0
                    && matches!(
                        words[m.start - 1].as_str(),
                        "who"
                            | "which"
                            | "that"
                            | "also"
                            | "to"
                            | "would"
                            | "will"
                            | "could"
                            | "might"
                            | "can"
                            | "did"
                            | "not"
                            | "and"
                    ))
        {
            continue;
        }
        // "free" before a noun is an adjective: "keep free movement of
        // people", "free and fair elections", "a free trade zone".
        if p.kind == PatternKind::Verb
            && words[m.start] == "free"
            && words.get(m.start + 1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "movement"
                        | "trade"
                        | "speech"
                        | "passage"
                        | "flow"
                        | "and"
                        | "access"
                        | "elections"
                        | "election"
                        | "zone"
                        | "press"
                        | "market"
                        | "world"
                        | "media"
                        | "expression"
                        | "transit"
                        | "navigation"
                )
            })
        {
            continue;
        }
        // "it struck me as political", "hit them hard as": an idiom of
        // judgement, no attack.
        if p.kind == PatternKind::Verb
            && matches!(
                words[m.start].as_str(),
                "strike" | "strikes" | "struck" | "striking"
            )
            && words
                .get(m.start + 1)
                .is_some_and(|w| matches!(w.as_str(), "me" | "us" | "him" | "her" | "them" | "you"))
            && words.get(m.start + 2).is_some_and(|w| w == "as")
        {
            continue;
        }
        // "struck a more conciliatory note", "strike a balance": a manner
        // of speaking or a compromise, no attack; "meeting a key demand of
        // the protesters", "met the deadline": satisfying a demand, no
        // meeting.
        if p.kind == PatternKind::Verb
            && IDIOMS.iter().any(|(heads, objects, reach)| {
                heads.contains(&words[m.start].as_str())
                    && window(words, m.start + 1, m.start + 1 + reach).any(|w| objects.contains(&w))
            })
        {
            continue;
        }
        // "condemned the vote as a reckless step that threatens the
        // region": a verb whose relative "that" stands for a thing, no
        // actor, is no act of anyone's (force excepted: "drones that
        // struck Kyiv" are the launcher's).
        if p.kind == PatternKind::Verb
            && m.start >= 2
            && words[m.start - 1] == "that"
            && !matches!(root, "18" | "19" | "20")
            && !REPORTING.contains(&words[m.start - 2].as_str())
            && !is_punct(&words[m.start - 2])
            && !s.ments.iter().any(|o| o.last + 2 == m.start)
        {
            continue;
        }
        // A trigger inside an actor's name is not a trigger.
        if s.ments
            .iter()
            .any(|mm| mm.first <= m.start && m.start <= mm.last && mm.form == MentionForm::Name)
        {
            continue;
        }
        // A verb coordinated with an earlier coded verb ("condemned the
        // attack and promised aid") is a second act of the same subject.
        let coordinated_verb = p.kind == PatternKind::Verb
            && last_verb_src.is_some()
            && m.start >= 1
            && (words[m.start - 1] == "and"
                || (m.start >= 2
                    && words[m.start - 2] == "and"
                    && (words[m.start - 1].ends_with("ly") || words[m.start - 1] == "also")));
        // A meeting, release or attack inside an invitation, demand,
        // refusal or accusation is part of it.
        if let Some((until, by, yielding)) = dominated_until {
            // "the ceasefire was agreed during a meeting between X and Y":
            // the meeting is an act of its own, not part of the truce
            let until = if yielding && root == "04" && p.kind == PatternKind::Noun {
                0
            } else {
                until
            };
            // "turned down an invitation from X": the invitation is X's.
            if m.start <= until
                && p.kind == PatternKind::Noun
                && clauses::rejected_proposal(words, by, m.start, root)
            {
                continue;
            }
            if m.start <= until
                && !coordinated_verb
                && !matches!(root, "02" | "03" | "10" | "11" | "12" | "13")
            {
                continue;
            }
        }
        if matches!(root, "02" | "03" | "10" | "11" | "12" | "13" | "08" | "16") {
            let reach = if matches!(root, "08" | "16") { 5 } else { 16 };
            let until = (m.end..(m.end + reach).min(words.len()))
                .find(|&j| is_hard_boundary(&words[j]))
                .unwrap_or(m.end + reach);
            // "Turkey, which mediated the Doha ceasefire, said it would
            // host talks": a relative clause dominates nothing past it.
            let until = s.rel_at(m.start).map_or(until, |(_, e)| until.min(e));
            dominated_until = Some((until, m.end.saturating_sub(1), root == "08"));
        }
        let cs = clause_start(words, m.start, 8);
        // the clause before the trigger, without a quotation the trigger
        // stands outside of ("ready to sign \"tomorrow\" and accused")
        let in_quote = |k: usize| s.quote.get(k).copied().flatten();
        let own_quote = in_quote(m.start);
        // (blanked, so that `before[k]` stays token `cs + k`)
        let before: Vec<&str> = (cs..m.start)
            .map(|k| {
                if own_quote.is_none() && in_quote(k).is_some() {
                    ""
                } else {
                    words[k].as_str()
                }
            })
            .collect();
        let mut near_before: Vec<&str> =
            window(words, m.start.saturating_sub(4).max(cs), m.start).collect();
        // "said the kingdom would not negotiate and accused Algeria": a
        // past verb after "and" is a new predicate, out of the reach of a
        // negation on a modal's bare verb (not "had not attacked and
        // killed", where both participles are negated).
        if words[m.start].ends_with("ed") {
            if let Some(k) = near_before
                .iter()
                .rposition(|w| matches!(*w, "and" | "but"))
            {
                let neg = near_before[..k].iter().position(|w| NEGATORS.contains(w));
                let aux = neg
                    .and_then(|n| {
                        let abs = m.start - near_before.len() + n;
                        abs.checked_sub(1).and_then(|i| words.get(i))
                    })
                    .is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "had" | "has" | "have" | "was" | "were" | "is" | "are" | "been"
                        )
                    });
                if neg.is_some() && !aux {
                    near_before.drain(..=k);
                }
            }
        }
        // Negation
        let seg_end = (m.end..words.len())
            .find(|&j| s.seg[j] != s.seg[m.start])
            .unwrap_or(words.len());
        let after_neg = window(words, m.end, (m.end + 4).min(seg_end))
            .take_while(|w| !matches!(*w, "that" | "which" | "who" | "whether" | "if"))
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| BE.contains(&w[0]) && matches!(w[1], "not" | "n't"));
        let negated = near_before.iter().any(|w| NEGATORS.contains(w))
            || near_before.windows(2).any(|w| {
                matches!(
                    w[0],
                    "refused"
                        | "refuses"
                        | "refuse"
                        | "refusing"
                        | "declined"
                        | "declining"
                        | "failed"
                        | "fails"
                        | "failing"
                        | "denied"
                ) && w[1] == "to"
            })
            || near_before.windows(2).any(|w| w == ["no", "longer"])
            // "held back from further attacks", "refrained from striking"
            || near_before.windows(2).any(|w| {
                matches!(
                    w,
                    ["back" | "refrained" | "refrain" | "refraining" | "abstained", "from"]
                )
            })
            || after_neg;
        if negated {
            continue;
        }
        if let Some(k) = denied(words, m.start) {
            // "X denied that its troops had bombed the camps, and accused
            // the rebels": the verb after "and" is the denier's.
            if let Some(sm) = nearest_before(s, k, clause_start(words, k, 25)) {
                last_verb_src = Some((sm.clone(), 1.0));
            }
            continue;
        }
        // Conditionals and speculation; "X said it would V" is the future
        // of the report, not a hypothesis.
        let reported = reported_future(words, m.start, m.end, cs);
        let hedged = near_before
            .iter()
            .any(|w| HEDGES.contains(w) && !(reported && *w == "would"))
            || window(words, cs, m.start).any(|w| matches!(w, "if" | "unless" | "whether"))
            || window(words, m.start, seg_end).any(|w| matches!(w, "uncertain" | "unclear"));
        // "warned that the group would strike any ship": a threat (138).
        let threat_by = matches!(root, "13" | "18" | "19" | "20")
            .then(|| clauses::threatened(words, m.start))
            .flatten();
        let threat = threat_by.is_some();
        let anchor = threat_by.and_then(|v| clauses::threat_anchor(words, v));
        let hedged = (hedged && !threat)
            || (root == "13" && !threat && clauses::threat_only_under_modal(&words[m.start]));
        let habitual = before.iter().any(|w| {
            matches!(
                *w,
                "often"
                    | "usually"
                    | "typically"
                    | "always"
                    | "consistently"
                    | "frequently"
                    | "routinely"
                    | "repeatedly"
                    | "regularly"
            )
        });
        // saying its forces "target only terrorists": a present-tense verb
        // of force opening a quotation states a practice, not an act (a
        // stance, "Washington "stands with Guyana"", is one)
        let habitual = habitual
            || (p.kind == PatternKind::Verb
                && matches!(root, "15" | "16" | "17" | "18" | "19" | "20")
                && m.start >= 2
                && words[m.start - 1] == "\""
                && s.ments.iter().any(|o| o.last + 2 == m.start)
                && !past_tense(&words[m.start])
                && !words[m.start].ends_with("ing"));
        let anaphoric = p.kind == PatternKind::Noun
            && (window(words, m.start.saturating_sub(2), m.start).any(|w| {
                matches!(
                    w,
                    "any"
                        | "these"
                        | "those"
                        | "such"
                        | "this"
                        | "possible"
                        | "potential"
                        // "with most attacks concentrated in": a tally
                        | "most"
                        | "many"
                )
            })
                // "under the Gaza ceasefire agreement": a frame, not an act
                || window(words, m.start.saturating_sub(3).max(cs), m.start)
                    .any(|w| matches!(w, "under")));
        // An attributive participle is an adjective: "the besieged city",
        // "the occupied West Bank".
        let attributive = p.kind == PatternKind::Verb
            && p.elems.len() == 1
            && words[m.start].ends_with("ed")
            && m.start > 0
            && matches!(
                words[m.start - 1].as_str(),
                "the" | "a" | "an" | "its" | "their" | "this" | "that"
            )
            // "heavily armed officials", "armed men": "armed" before a
            // common noun or after an adverb is an adjective (a verb
            // "armed" takes a determiner or a name: "armed the rebels")
            || (p.kind == PatternKind::Verb
                && p.elems.len() == 1
                && words[m.start] == "armed"
                && (m.start > 0 && words[m.start - 1].ends_with("ly")
                    || words.get(m.start + 1).is_some_and(|w| {
                        w.chars().all(|c| c.is_ascii_lowercase())
                            && !matches!(
                                w.as_str(),
                                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "them"
                                    | "him" | "it" | "and" | "or" | "with" | "by" | "to" | "in"
                                    | "on" | "at" | "for" | "from" | "into" | "some" | "both"
                            )
                    })));
        // A verb's form after "of" is a noun: "a pattern of hybrid
        // attacks", "a wave of raids" (the noun patterns read those).
        let attributive = attributive
            || (p.kind == PatternKind::Verb
                && p.elems.len() == 1
                && words[m.start].ends_with('s')
                && (m.start >= 1 && words[m.start - 1] == "of"
                    || m.start >= 2
                        && words[m.start - 2] == "of"
                        && words[m.start - 1]
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '-')));
        // A gerund used as a noun ("holding talks in Moscow was not an option").
        // An aspectual verb passes its subject on: "began releasing",
        // "continued shelling".
        // ("issued a statement condemning the attack": what the statement
        // says is its issuer's act)
        let gerund = p.kind == PatternKind::Verb
            && words[m.start].ends_with("ing")
            && !(m.start > 0
                && (BE.contains(&words[m.start - 1].as_str())
                    || ASPECTUAL.contains(&words[m.start - 1].as_str())
                    || words[m.start - 1] == ","
                    || matches!(
                        words[m.start - 1].as_str(),
                        "statement" | "communique" | "communiqué" | "declaration" | "letter"
                    )
                    || (m.start > 1
                        && words[m.start - 2] == ","
                        && words[m.start - 1].ends_with("ly"))));
        // An infinitive of purpose or attempt is not an act: "ports used to
        // transfer weapons", "trying to storm the city".
        let purpose = p.kind == PatternKind::Verb
            && m.start >= 2
            && words[m.start - 1] == "to"
            && PURPOSE.contains(&words[m.start - 2].as_str());
        if hedged
            || habitual
            || anaphoric
            || gerund
            || purpose
            || clauses::not_an_act(words, m.start, p.kind == PatternKind::Verb)
            || attributive
            || (matches!(root, "18" | "19" | "20")
                && fired_into_nowhere(doc, s, (m.start, m.end), seg_end))
        {
            continue;
        }
        let mut status = entry.status.unwrap_or(Status::Occurred);
        // An intent that was agreed or accepted is a done deal, not an offer:
        // "Putin had agreed to a pause", "Rwanda committed to withdraw".
        if p.code.starts_with("03")
            && status == Status::Proposed
            && matches!(words[m.start].as_str(), "agreed" | "committed" | "accepted")
        {
            status = Status::Occurred;
        }
        let after3: Vec<&str> = window(words, m.end, m.end + 3).collect();
        let scheduled = before.iter().rev().take(5).any(|w| SCHEDULE.contains(w))
            || after3
                .iter()
                .any(|w| matches!(*w, "scheduled" | "planned" | "set" | "slated"))
            || before.windows(2).any(|w| w == ["to", "be"])
            || window(words, m.end, seg_end)
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| {
                    BE.contains(&w[0]) && matches!(w[1], "scheduled" | "planned" | "slated" | "due")
                });
        if (scheduled || reported) && matches!(status, Status::Occurred) {
            status = Status::Scheduled;
        }
        if window(words, m.start.saturating_sub(3), (m.end + 4).min(seg_end))
            .any(|w| matches!(w, "expired"))
        {
            status = Status::Expired;
        }
        // A present perfect progressive describes a process still going on,
        // not a dated act: "the US has been facilitating talks between ...".
        // The act noun it governs ("talks") is that same process.
        if status == Status::Occurred && progressive_perfect(words, m.start, cs) {
            status = Status::Ongoing;
        }
        // "Tokyo said it had lodged a protest": a past perfect reported
        // with no date of its own is news of the report, not old history.
        // So is "said the missile fell short and that it had lodged a
        // protest": a "that" right before, a reporting verb before it.
        let reported_perfect = |k: usize| {
            before[k] == "had"
                && (before[k.saturating_sub(4)..k]
                    .iter()
                    .any(|w| REPORTING.contains(w))
                    || (before[k.saturating_sub(3)..k].contains(&"that")
                        && window(words, 0, m.start).any(|w| REPORTING.contains(&w))))
        };
        // markers of the trigger's own segment ("said a fisherman had been
        // killed in an earlier strike, and accused": not "earlier")
        let own_segment = |k: usize| s.seg.get(cs + k) == s.seg.get(m.start);
        let past_marker = before
            .iter()
            .enumerate()
            .any(|(k, w)| PAST_MARKERS.contains(w) && !reported_perfect(k) && own_segment(k))
            || window(words, m.start, seg_end)
                .any(|w| matches!(w, "earlier" | "ago" | "previously"));

        let trigger = Span::new(
            s.spans.get(m.start).map_or(0, |t| t.start),
            s.spans.get(m.end.saturating_sub(1)).map_or(0, |t| t.end),
        );
        if threat {
            status = Status::Occurred;
        }
        let facilitator = (root == "08")
            .then(|| clauses::facilitated(words, m.start))
            .flatten();
        let cameo = if threat && root != "13" {
            "138".to_string()
        } else if facilitator.is_some() {
            "045".to_string()
        } else {
            p.code.clone()
        };
        let mut conf: f32 = if p.kind == PatternKind::Verb {
            0.85
        } else {
            0.75
        };
        if p.elems.len() > 1 {
            conf += 0.05;
        }

        let roles = entry.roles;
        let src = match find_source(s, m.start, m.end, p.kind) {
            _ if coordinated_verb => last_verb_src.clone(),
            Some((sm, c)) => Some((sm.clone(), c)),
            // "said Afghanistan wanted good relations but would respond
            // firmly": the threat's subject is the announced clause's.
            None if threat => threat_by
                .and_then(|v| clauses::subject_after(s, v, m.start))
                .map(|sm| (sm.clone(), 0.9)),
            None => act_antecedent(doc, si, s, m.start, p.kind, prior),
        };
        if p.kind == PatternKind::Verb && src.is_some() {
            last_verb_src.clone_from(&src);
        }
        let base = |src: &Actor, tgt: &Actor, symmetric: bool, c: f32| CodedEvent {
            source: Some(src.clone()),
            target: (!tgt.entity.is_empty()).then(|| tgt.clone()),
            cameo: cameo.clone(),
            status,
            date: DateRange::unknown(),
            location: None,
            quantities: Vec::new(),
            symmetric,
            evidence: Evidence {
                sentence: si,
                sentence_span: doc.sentences.get(si).map_or(Span::new(0, 0), |x| x.span),
                trigger,
                date_from: Default::default(),
            },
            confidence: c.clamp(0.05, 0.99),
            rule: p.rule(),
        };
        // A threat is aimed where the threatened force would go.
        let root = if threat { "19" } else { root };
        // A candidate for an event whose parties are settled: dated by the
        // fallback rules like any other.
        let settled = |ev: CodedEvent| Cand {
            ev,
            t0: m.start,
            t1: m.end,
            past_marker,
            wants_date: true,
            weak: false,
        };
        // "Vice Foreign Minister X summoned Chinese Ambassador Y": a
        // summoner no one names is the other side of the envoy's state
        // (an envoy after the verb is no summoner of himself).
        if src.as_ref().is_none_or(|(sm, _)| sm.first > m.start)
            && words[m.start].starts_with("summon")
            && p.code.starts_with("114")
        {
            let envoy = s
                .ments
                .iter()
                .find(|o| o.first > m.start && o.first <= m.end + 1 && resolved(o));
            if let Some((o, other)) =
                envoy.and_then(|o| dyad_other(doc, dyad, o.actor, "12").map(|other| (o, other)))
            {
                cands.push(settled(base(&other, o.actor, false, conf * 0.8)));
                continue;
            }
        }
        // "Pereira was detained at his home in Bissau", "80 political
        // prisoners were released from jails in Caracas": an arrest or a
        // release told in the passive with no one named is the state's
        // where it happened (see [`passive_holder`])
        let held_act = p.code.starts_with("173") || p.code.starts_with("0841");
        if src.is_none() && held_act && is_passive(words, m.start, p.kind) {
            if let Some((state, held)) = passive_holder(doc, si, s, m.start, prior) {
                cands.push(settled(base(&state, &held, false, conf * 0.75)));
                continue;
            }
        }
        // "Three hostages were released by Hamas", "80 political prisoners
        // had been freed from jails in Caracas": a release pattern that
        // opens on the auxiliary ("be released") is told in the passive;
        // its subject is the one freed, never the one who frees
        // (the pattern is the participle alone, "released|freed": it is
        // the passive only after a form of "be"; an active "released a
        // statement" is nothing)
        let bare_participle = p.kind == PatternKind::Verb
            && p.code.starts_with("084")
            && m.end == m.start + 1
            && matches!(
                words[m.start].as_str(),
                "released" | "freed" | "repatriated"
            );
        if bare_participle
            && !m.start.checked_sub(1).is_some_and(|k| {
                BE.contains(&words[k].as_str())
                    || (words[k].ends_with("ly") && k >= 1 && BE.contains(&words[k - 1].as_str()))
            })
        {
            continue;
        }
        if bare_participle {
            let by = (m.end..(m.end + 3).min(words.len()))
                .find(|&j| words[j] == "by")
                .and_then(|j| {
                    s.ments.iter().find(|o| {
                        (o.first == j + 1 || (o.first == j + 2 && words[j + 1] == "the"))
                            && resolved(o)
                    })
                });
            if let Some((state, held)) = passive_holder(doc, si, s, m.start, prior) {
                let freer = by.map_or(state, |o| o.actor.clone());
                if !same_country(&freer, &held) || freer.kind == ActorKind::State {
                    cands.push(settled(base(&freer, &held, false, conf * 0.75)));
                }
            }
            continue;
        }
        // "The two ministers agreed to set up a joint cell": the pair the
        // sentence before told of meeting or acting on each other.
        // (A symmetric act finds its parties itself: "the two countries
        // will hold talks" are the story's two.)
        if src.is_none() && roles != Roles::Symmetric && the_two_subject(words, m.start) {
            if let Some((a, b)) = prior_pair(si, prior) {
                cands.push(settled(base(&a, &b, false, conf * 0.8)));
                continue;
            }
        }
        // "Egypt's foreign minister spoke with his counterparts from
        // Somalia, Turkey and Djibouti. The four ministers then issued a
        // joint statement rejecting the recognition": each of the states
        // the sentence before names, when they are as many as the number.
        if src.is_none() && roles != Roles::Symmetric {
            if let Some(members) =
                the_n_subject(words, m.start).and_then(|n| prior_members(doc, si, n))
            {
                let done_act = root == "12" && rejects_done_act(words, m.start, m.end);
                for a in &members {
                    let tgt = find_target_in(s, m.start + 1, a, &verb_at, coercion(root))
                        .map(|(t, _)| t.actor.clone())
                        .or_else(|| {
                            object_antecedent(si, s, m.start, m.end, &p.code, a, prior)
                                .into_iter()
                                .next()
                        });
                    if let Some(t) = tgt.filter(|t| !same_country(a, t)) {
                        let mut ev = base(a, &t, false, conf * 0.75);
                        if done_act {
                            ev.cameo = "111".into();
                            ev.status = Status::Occurred;
                        }
                        cands.push(settled(ev));
                    }
                }
                continue;
            }
        }
        // "The group said it had carried out the attack": a claim (015),
        // aimed at the attack's victim, when its author is no state's
        let claim = matches!(root, "18" | "19" | "20") && claims_own_act(words, m.start);
        let mut new: Vec<CodedEvent> = Vec::new();
        let mut weak = false;
        let mediated = (roles == Roles::Symmetric)
            .then(|| clauses::mediators_from(s, m.start, m.end))
            .flatten();
        match roles {
            Roles::Directed | Roles::Exchange => {
                let Some((src_m, src_conf)) = src.as_ref() else {
                    continue;
                };
                let src_conf = *src_conf;
                let passive_subject = if is_passive(words, m.start, p.kind) {
                    // "residents who had been detained by Israeli forces":
                    // the subject of a relative clause is the relative's
                    // antecedent, or no one named
                    let k = before_auxiliaries(words, m.start, false);
                    let relative =
                        k >= 2 && matches!(words[k - 1].as_str(), "who" | "which" | "that");
                    if relative {
                        s.ments.iter().find(|o| o.last + 2 == k && resolved(o))
                    } else {
                        nearest_before(s, m.start, clause_start(words, m.start, 25))
                    }
                    .filter(|t| !same_country(t.actor, src_m.actor))
                    .map(|t| (t.actor.clone(), 1.0))
                } else {
                    None
                };
                let srcs = list_before(s, src_m, &verb_at);
                // "Gondor and Osgiliath have delayed their meeting": the
                // members of a coordinated subject act on each other.
                let reciprocal = srcs.len() >= 2
                    && window(words, m.end, (m.end + 2).min(seg_end)).any(|w| w == "their")
                    && {
                        // no other party in the object phrase ("their
                        // resumption of ties with Osgiliath")
                        let stop = (m.end..seg_end)
                            .find(|&k| {
                                matches!(
                                    words[k].as_str(),
                                    "after"
                                        | "before"
                                        | "when"
                                        | "because"
                                        | "while"
                                        | "until"
                                        | "as"
                                        | "since"
                                        | "following"
                                        | "amid"
                                )
                            })
                            .unwrap_or(seg_end);
                        !s.ments
                            .iter()
                            .any(|o| o.first >= m.end && o.first < stop && resolved(o))
                    };
                let partner = srcs
                    .iter()
                    .rev()
                    .find(|o| !same_country(o.actor, src_m.actor))
                    .filter(|_| reciprocal)
                    .map(|o| (o.actor.clone(), 0.9));
                let early = passive_subject
                    .or(partner)
                    .or_else(|| venue_target(doc, s, m.end, src_m.actor, root).map(|a| (a, 0.8)));
                // A denial of one's own part ("denied responsibility")
                // stands alone; one of a claim ("denied that ...", "rejected
                // the accusation") answers its accuser, not a party named
                // in the denied claim.
                let answers = p.code.starts_with("016")
                    && !window(words, m.start, m.end)
                        .any(|w| matches!(w, "responsibility" | "involvement" | "behind"));
                // "fired a missile into the sea": a show of force aimed
                // at no one (not at the state whose officials report it).
                // (not "sailed into Japanese territorial waters": whose
                // waters they are is named)
                let open_sea = p.code == "150"
                    && window(words, m.start, m.end)
                        .any(|w| matches!(w, "sea" | "waters" | "ocean" | "coast"))
                    && !s
                        .ments
                        .iter()
                        .any(|o| o.first > m.start && o.last < m.end && resolved(o));
                // ", firing rockets into the sea": a detail of the main
                // clause's act (drills around an island), not an act alone
                if open_sea
                    && words[m.start].ends_with("ing")
                    && m.start > 0
                    && words[m.start - 1] == ","
                {
                    continue;
                }
                let early = early.filter(|_| !open_sea);
                let found = (early.is_none() && !answers && !open_sea)
                    .then(|| find_target_in(s, m.start + 1, src_m.actor, &verb_at, coercion(root)))
                    .flatten()
                    .filter(|(t, _)| !mediating(t.actor) || mediating(src_m.actor));
                // "called on both sides", "congratulated both countries":
                // the article's two parties, one event each.
                let sides: Vec<Actor> = if early.is_some() || found.is_some() {
                    Vec::new()
                } else if both_sides(words, m.start + 1, (m.end + 3).min(seg_end)) {
                    two_sides(doc, src_m.actor).map_or_else(Vec::new, |(a, b)| vec![a, b])
                } else {
                    // "condemned the attack", "welcomed Wednesday's
                    // releases": the parties of the act named.
                    object_antecedent(si, s, m.start, m.end, &p.code, src_m.actor, prior)
                };
                let tgt = if open_sea {
                    None
                } else {
                    early
                        .or_else(|| found.map(|(t, c)| (t.actor.clone(), c)))
                        .or_else(|| sides.first().map(|a| (a.clone(), 0.75)))
                        .or_else(|| {
                            coercion(root)
                                .then(|| possessor(s, m, src_m))
                                .flatten()
                                .map(|a| (a.clone(), 0.7))
                        })
                        .or_else(|| {
                            place_target(doc, s, m.end, src_m.actor, root).map(|a| (a, 0.8))
                        })
                        .or_else(|| {
                            object_place_target(doc, s, m.end, src_m.actor, root).map(|a| (a, 0.75))
                        })
                        .or_else(|| {
                            noun_phrase_place(doc, s, m, p, src_m.actor, &verb_at).map(|a| (a, 0.7))
                        })
                        .or_else(|| home_target(&p.code, p.kind, src_m.actor).map(|a| (a, 0.7)))
                        // "Benin has arrested 14 people": people of no
                        // country a state's organs arrest are its own (in
                        // a story about that state: troops raiding a
                        // neighbour's village detain the neighbour's men)
                        .or_else(|| {
                            (root == "17"
                                && top_country(doc)
                                    .is_none_or(|c| src_m.actor.country.as_deref() == Some(&c)))
                            .then(|| lone_object(s, m.end))
                            .flatten()
                            .map(|a| (of_country(a, src_m.actor.country.as_deref()), 0.75))
                        })
                        // (not for force or coercion on someone named that
                        // no dictionary knows: "Officers arrested Webb" is
                        // no act on the story's other country)
                        .or_else(|| {
                            (!(coercion(root) && unknown_name_at(doc, s, m.end)))
                                .then(|| dyad_other(doc, dyad, src_m.actor, root))
                                .flatten()
                                .map(|a| (a, 0.7))
                        })
                        // "Belarus's foreign ministry rejected the
                        // accusation": with no accuser told, the other side
                        // of a two-party story made it
                        .or_else(|| {
                            answers
                                .then(|| dyad_other(doc, dyad, src_m.actor, "12"))
                                .flatten()
                                .map(|a| (a, 0.65))
                        })
                        .or_else(|| {
                            // (and an attack its non-state author says it
                            // carried out: see `claims_own_act`)
                            (p.code.starts_with("015") || (claim && !state_side(src_m.actor)))
                                .then(|| claimed_victim(doc, si, src_m.actor, prior, dyad))
                                .flatten()
                        })
                        // "troops attacked rebel fighters": armed men of no
                        // country a state's organs fight are at home
                        .or_else(|| {
                            matches!(root, "17" | "18" | "19" | "20" | "21")
                                .then(|| lone_object(s, m.end))
                                .flatten()
                                .map(|a| {
                                    if state_side(src_m.actor) && a.is_dissident() {
                                        (of_country(a, src_m.actor.country.as_deref()), 0.75)
                                    } else {
                                        (a, 0.75)
                                    }
                                })
                        })
                        // "Lukashenko pardoned 200 prisoners": in a story
                        // with no other side, those a state frees are its
                        // own
                        .or_else(|| {
                            // (the freed may stand inside the pattern:
                            // "released 80 political prisoners")
                            (p.code == "0841")
                                .then(|| {
                                    (state_side(src_m.actor)
                                        && clauses::conjunction_before(words, src_m.first)
                                            .is_none())
                                    .then(|| lone_object(s, m.start + 1))
                                    .flatten()
                                    .or_else(|| lone_object(s, m.end))
                                })
                                .flatten()
                                .map(|a| (of_country(a, src_m.actor.country.as_deref()), 0.7))
                        })
                };
                // Acts that need no target: statements, claims and denials,
                // investigations, protests, appeals for aid, withdrawals.
                // a denial that answers no accuser is no event
                let untargeted = p.kind == PatternKind::Verb
                    && !answers
                    && (matches!(root, "01" | "09" | "14")
                        || p.code == "150"
                        || p.code.starts_with("023")
                        || p.code == "0874");
                // "X and Y signed an agreement": a coordinated subject is
                // a mutual act.
                // "Armenian and Azerbaijani leaders agreed": two demonyms
                // of one head noun are two parties too.
                let demonyms =
                    |o: &Ment<'_>| o.form == MentionForm::Adjective && o.last + 2 == src_m.first;
                let coordinated = if tgt.is_none()
                    && (src_m.form != MentionForm::Adjective || src_m.last > src_m.first)
                    && clauses::conjunction_before(words, src_m.first).is_some()
                {
                    s.ments
                        .iter()
                        .rfind(|o| {
                            Some(o.last + 1) == clauses::conjunction_before(words, src_m.first)
                                && resolved(o)
                                && (o.form != MentionForm::Adjective || demonyms(o))
                        })
                        .filter(|o| !same_country(o.actor, src_m.actor))
                        // "struck Ukraine and Poland condemned": no pair
                        .filter(|o| o.first == 0 || verb_at[o.first - 1] & VERB_END == 0)
                } else {
                    None
                };
                if let Some(o) = coordinated {
                    new.push(base(o.actor, src_m.actor, true, conf * src_conf));
                }
                // "Tiraspol demanded his release": a demand or appeal for
                // a release is made to the captor, not to the captive
                let tgt = if p.code.starts_with("1053") || p.code.starts_with("0253") {
                    // ("the release of three villagers detained by Russian
                    // border guards": the captor named with the captives)
                    match held_by(s, m.end, src_m.actor) {
                        Some(a) => Some((a.clone(), 0.85)),
                        None => match tgt {
                            Some((t, c)) => Some(
                                captor(si, Some(&t), src_m.actor, prior)
                                    .map_or((t, c), |a| (a, 0.8)),
                            ),
                            None => captor(si, None, src_m.actor, prior).map(|a| (a, 0.75)),
                        },
                    }
                } else {
                    tgt
                };
                let Some((tgt, tc)) = tgt.or_else(|| {
                    (untargeted && coordinated.is_none()).then(|| {
                        let mut none = src_m.actor.clone();
                        none.entity.clear();
                        (none, 0.9)
                    })
                }) else {
                    if coordinated.is_none() {
                        continue;
                    }
                    let loc = location(doc, s, m.start, m.end, seg_end);
                    for mut ev in new {
                        ev.location = loc.clone();
                        cands.push(settled(ev));
                    }
                    continue;
                };
                let at_home = home_act(&p.code) && tgt.kind == ActorKind::State;
                let coerced = coercion(root) && apart(src_m.actor, &tgt);
                if !tgt.entity.is_empty() && same_country(src_m.actor, &tgt) && !at_home && !coerced
                {
                    continue;
                }
                new.push(base(src_m.actor, &tgt, false, conf * src_conf * tc));
                if roles == Roles::Exchange && !tgt.entity.is_empty() {
                    new.push(base(&tgt, src_m.actor, false, conf * src_conf * tc));
                }
                // Coordinated parties ("Mordor, Rohan and Bree welcomed
                // ...", "ties between Gondor and Osgiliath"): one dyadic
                // event per member, as CAMEO exports (PETRARCH, GDELT) do.
                let tgts = found.map_or_else(Vec::new, |(t, _)| list_after(s, t, &verb_at));
                let primary_tgt: &Actor = &tgt;
                let tgt_all: Vec<&Actor> = if reciprocal {
                    srcs.iter().map(|t| t.actor).collect()
                } else if !sides.is_empty() {
                    sides.iter().collect()
                } else if tgts.is_empty() {
                    vec![primary_tgt]
                } else {
                    tgts.iter().map(|t| t.actor).collect()
                };
                for (i, sa) in srcs.iter().map(|x| x.actor).enumerate() {
                    for (j, ta) in tgt_all.iter().copied().enumerate() {
                        let primary = sa.code == src_m.actor.code && ta.code == tgt.code;
                        if primary
                            || (!ta.entity.is_empty() && same_country(sa, ta))
                            || (i > 0 && srcs[..i].iter().any(|p| p.actor.code == sa.code))
                            || (j > 0 && tgt_all[..j].iter().any(|p| p.code == ta.code))
                        {
                            continue;
                        }
                        let c = conf * src_conf * tc * 0.95;
                        new.push(base(sa, ta, false, c));
                        if roles == Roles::Exchange && !ta.entity.is_empty() {
                            new.push(base(ta, sa, false, c));
                        }
                    }
                }
                // "X returned A in exchange for B": B goes the other way.
                if root == "08" && !tgt.entity.is_empty() {
                    if let Some(k) = find_seq(
                        words,
                        m.end,
                        seg_end.max(m.end + 12).min(words.len()),
                        &["in", "exchange", "for"],
                    ) {
                        let mut back = base(&tgt, src_m.actor, false, conf * src_conf * tc * 0.9);
                        back.quantities = quantities_in(doc, s, k + 3, (k + 8).min(words.len()));
                        if let Some(first) = new.first_mut() {
                            first.quantities = quantities_in(doc, s, m.start, k);
                        }
                        new.push(back);
                    }
                }
            }
            // "Mediators from Egypt, Qatar and Turkey met a Hamas delegation".
            Roles::Symmetric if mediated.is_some() => {
                let Some((meds, party)) = mediated.as_ref() else {
                    continue;
                };
                for med in meds {
                    let mut e = base(med, party, false, conf * 0.9);
                    e.cameo = "045".into();
                    new.push(e);
                }
            }
            Roles::Symmetric => {
                // "The two sides agreed to meet again next month", "the
                // delegations would meet again": the parties of the talks
                // told before.
                // (a reporter before them is not their source: "a US
                // official said the delegations would meet again")
                let again = the_sides_subject(words, m.start)
                    .filter(|&k| root == "04" && src.as_ref().is_none_or(|(o, _)| o.last < k))
                    .and_then(|_| talks_told_before(si, prior));
                let Some((a, b, c)) = again.map(|(a, b)| (a, b, 0.8)).or_else(|| {
                    parties(
                        doc,
                        s,
                        (m.start, m.end),
                        src.as_ref().map(|x| &x.0),
                        dyad,
                        root,
                        &verb_at,
                    )
                }) else {
                    continue;
                };
                // "talks mediated by Egypt, Qatar and Turkey": mediators
                // are not the parties.
                if same_country(&a, &b) || mediating(&a) || mediating(&b) {
                    continue;
                }
                weak = c < 0.7;
                // A truce whose parties are only guessed from the article,
                // in a sentence naming who brokered it, is recorded by the
                // mediation (with each party), not a second time.
                let brokered = || {
                    matches.iter().any(|o| {
                        dict.patterns
                            .get(o.pattern)
                            .and_then(|op| dict.entry_of(op))
                            .is_some_and(|e| e.roles == Roles::Mediator)
                    })
                };
                if weak && root == "08" && brokered() {
                    continue;
                }
                new.push(base(&a, &b, true, conf * c));
            }
            Roles::Mediator => 'mediator: {
                let Some((src_m, src_conf)) = src.as_ref() else {
                    continue 'matches;
                };
                let src_conf = *src_conf;
                let med = src_m.actor;
                // Co-mediators: "mediated by Egypt, Qatar and Turkey",
                // "brokered by the United States and Qatar", "Qatar and
                // Egypt, which brokered": every member of the mediator's
                // list mediates; none of them is a party.
                let listed = {
                    let after = list_after(s, src_m, &verb_at);
                    if after.len() > 1 {
                        after
                    } else {
                        list_before(s, src_m, &verb_at)
                    }
                };
                let mut meds: Vec<&Actor> = listed.iter().map(|o| o.actor).collect();
                if meds.len() < 2 {
                    meds.extend(
                        coordinated_after(s, src_m)
                            .or_else(|| coordinated_before(s, src_m, false))
                            .map(|o| o.actor),
                    );
                }
                if !meds.iter().any(|o| same_country(o, med)) {
                    meds.push(med);
                }
                // "brought together the federal government and the Tigray
                // Interim Administration": two parties of one country are
                // named; the mediation is with that country, once, and not
                // with the article's other pair
                if let Some((a, _)) = between_any(s, m.end).filter(|(a, b)| same_country(a, b)) {
                    if !same_country(med, a) {
                        new.push(base(med, a, false, conf * src_conf * 0.9));
                    }
                    break 'mediator;
                }
                let mut told_before = false;
                let (a, b, c) = match between(s, m.end) {
                    Some((a, b)) => (a.clone(), b.clone(), 1.0),
                    None => match sentence_pair(s, &meds) {
                        Some((a, b)) => (a.clone(), b.clone(), 0.9),
                        None => {
                            if let Some((a, b)) =
                                talks_named_before(si, s, (m.start, m.end), med, prior)
                            {
                                // the talks are coded where they were told
                                told_before = true;
                                (a, b, 0.8)
                            } else {
                                match dyad_excluding(doc, dyad, med).or_else(|| two_sides(doc, med))
                                {
                                    Some((a, b)) => (a, b, 0.7),
                                    None => continue 'matches,
                                }
                            }
                        }
                    },
                };
                if same_country(&a, &b) || same_country(med, &a) || same_country(med, &b) {
                    continue 'matches;
                }
                let co = meds.iter().copied().enumerate().filter(|(i, o)| {
                    !same_country(o, med)
                        && !same_country(o, &a)
                        && !same_country(o, &b)
                        && !meds[..*i].iter().any(|p| same_country(p, o))
                });
                for mediator in std::iter::once(med).chain(co.map(|(_, o)| o)) {
                    new.push(base(mediator, &a, false, conf * src_conf * c));
                    new.push(base(mediator, &b, false, conf * src_conf * c));
                }
                let talks = window(words, m.start, m.end).any(|w| {
                    matches!(
                        w,
                        "talks"
                            | "negotiations"
                            | "discussions"
                            | "dialogue"
                            | "negotiation"
                            | "meeting"
                    )
                });
                if talks && !told_before {
                    let mut t = base(&a, &b, true, conf * src_conf * c);
                    t.cameo = "046".into();
                    new.push(t);
                }
            }
        }
        let loc = location(doc, s, m.start, m.end, seg_end);
        // "rejected the recognition", "rejected the strikes": rejecting an
        // act done, not a proposal, demand or accusation, is disapproval
        // (111), as CAMEO's 12 is for what is asked or offered
        let done_act =
            root == "12" && p.kind == PatternKind::Verb && rejects_done_act(words, m.start, m.end);
        for mut ev in new {
            if ev.location.is_none() {
                ev.location = loc.clone();
            }
            if done_act && ev.cameo.starts_with("12") {
                ev.cameo = "111".into();
                ev.status = Status::Occurred;
            }
            // (a state's forces reporting their strikes tell the strikes)
            if claim && ev.source.as_ref().is_some_and(|a| !state_side(a)) {
                ev.cameo = "015".into();
                ev.status = Status::Occurred;
            }
            // "Police opened fire on protesters": force by the state's own
            // police or army on its own people is repression (175)
            // (not an air or drone strike: "a drone strike that killed
            // civilians" stays 195)
            if matches!(ev.cameo.as_str(), "190" | "193") && ev.status == Status::Occurred {
                if let Some((a, b)) = ev.source.as_ref().zip(ev.target.as_ref()) {
                    if matches!(a.role.as_deref(), Some("COP" | "MIL"))
                        && society(b)
                        && a.country.is_some()
                        && a.country == b.country
                    {
                        ev.cameo = "175".into();
                    }
                }
            }
            // "Thousands marched through the capital, demanding Jeri's
            // resignation": a demand carried by a protest is the protest
            // for a change of leader (1411)
            if ev.cameo == "1041"
                && words[m.start].ends_with("ing")
                && protest_before(words, m.start)
            {
                ev.cameo = "1411".into();
            }
            if ev.quantities.is_empty() && matches!(root, "08" | "07" | "18" | "19" | "20" | "17") {
                ev.quantities =
                    quantities_in(doc, s, m.start, (m.end + 8).min(seg_end.max(m.end + 3)));
            }
            cands.push(Cand {
                ev,
                t0: anchor.unwrap_or(m.start),
                t1: m.end,
                past_marker,
                wants_date: true,
                weak,
            });
        }
    }
    if let Some(denial) = charge_denied(s, &cands) {
        cands.push(denial);
    }
    drop_attributions_and_background(s, &mut cands);
    assign_dates(doc, si, s, prior, &mut cands);
    cands.retain(|c| !c.weak || c.ev.location.is_some() || !c.wants_date);
    dedup(cands)
}

/// Whether a protest is told before token `t` in its sentence: "marched",
/// "rallied", "protesters" ("Thousands marched ..., demanding").
fn protest_before(words: &[String], t: usize) -> bool {
    window(words, t.saturating_sub(25), t).any(|w| {
        matches!(
            w,
            "marched"
                | "rallied"
                | "protested"
                | "demonstrated"
                | "protesters"
                | "demonstrators"
                | "streets"
                | "march"
                | "rally"
                | "protest"
                | "protests"
        )
    })
}

/// The parties of the talks a mediation's object names back ("Lajcak
/// mediated the talks", "brokered the Paris meetings"): a determiner and a
/// meeting noun right after the trigger, and the latest talks (04x, not a
/// mediation) within [`OBJECT_REACH`] sentences whose parties are neither
/// of the mediator's country.
fn talks_named_before(
    si: usize,
    s: &Sent<'_>,
    (t0, t1): (usize, usize),
    med: &Actor,
    prior: &[CodedEvent],
) -> Option<(Actor, Actor)> {
    // after the trigger, or inside it ("mediated the talks" read as the
    // noun "mediated talks")
    if !names_talks(&s.words, t0 + 1..t1 + 1) {
        return None;
    }
    talks_told_before(si, prior).filter(|(a, b)| !same_country(a, med) && !same_country(b, med))
}

/// Whether a determiner in `dets` opens a phrase naming talks ("the
/// talks", "the Paris meetings"): a meeting noun within the three words
/// after it.
pub(crate) fn names_talks(words: &[String], dets: std::ops::Range<usize>) -> bool {
    dets.take_while(|&d| d < words.len()).any(|d| {
        matches!(words[d].as_str(), "the" | "these" | "those" | "their")
            && window(words, d + 1, d + 4).any(|w| {
                matches!(
                    w,
                    "talks" | "meeting" | "meetings" | "negotiations" | "round"
                )
            })
    })
}

/// The latest talks (04x, not a mediation) told within [`OBJECT_REACH`]
/// sentences before `si` that `keep` accepts.
pub(crate) fn latest_talks(
    si: usize,
    prior: &[CodedEvent],
    keep: impl Fn(&CodedEvent) -> bool,
) -> Option<&CodedEvent> {
    prior.iter().rev().find(|e| {
        e.evidence.sentence + OBJECT_REACH >= si
            && e.cameo.starts_with("04")
            && !e.cameo.starts_with("045")
            && keep(e)
    })
}

/// The parties of the latest talks told before `si` (see
/// [`latest_talks`]) between two sides.
fn talks_told_before(si: usize, prior: &[CodedEvent]) -> Option<(Actor, Actor)> {
    let e = latest_talks(si, prior, |e| {
        sides(e).is_some_and(|(a, b)| !same_country(a, b))
    })?;
    sides(e).map(|(a, b)| (a.clone(), b.clone()))
}

/// An event's source and target, when it has both.
fn sides(e: &CodedEvent) -> Option<(&Actor, &Actor)> {
    Some((e.source.as_ref()?, e.target.as_ref()?))
}

/// Whether the clause of a trigger at `t0` opens the sentence (or a
/// reported clause) with the sides of talks told before: "the two sides",
/// "the parties", "the delegations", "both sides", then at most
/// auxiliaries and "agreed to" ("The parties had also agreed to meet
/// again"): where that subject starts.
fn the_sides_subject(words: &[String], t0: usize) -> Option<usize> {
    // the sentence's opening, or the clause a report opens ("a US official
    // said the delegations would meet again")
    let opening = usize::from(words.first().is_some_and(|w| is_punct(w)));
    let start = (opening..t0)
        .rev()
        .find(|&k| {
            k > opening
                && matches!(words[k - 1].as_str(), "said" | "says" | "that" | "added")
                && matches!(words[k].as_str(), "the" | "both")
        })
        .unwrap_or(opening);
    let w = |k: usize| words.get(start + k).map_or("", String::as_str);
    let noun = |x: &str| {
        matches!(
            x,
            "sides" | "parties" | "delegations" | "commissions" | "negotiators" | "teams"
        )
    };
    // "the two ministers", "the two governments": any pair of people or
    // parties after "two"
    let pair = |x: &str| {
        noun(x)
            || matches!(
                x,
                "ministers" | "leaders" | "governments" | "countries" | "presidents" | "officials"
            )
    };
    let k = if w(0) == "the" && w(1) == "two" && pair(w(2)) {
        start + 3
    } else if (w(0) == "the" || w(0) == "both") && noun(w(1)) {
        start + 2
    } else {
        return None;
    };
    (t0 >= k
        && t0 <= k + 5
        && window(words, k, t0).all(|x| {
            matches!(
                x,
                "had"
                    | "have"
                    | "also"
                    | "agreed"
                    | "to"
                    | "will"
                    | "would"
                    | "then"
                    | "could"
                    | "should"
                    | "are"
                    | "were"
                    | "that"
                    | "their"
                    | "officials"
                    | "negotiators"
                    | "delegations"
                    | "teams"
                    | "due"
                    | "expected"
                    | "set"
            )
        }))
    .then_some(start)
}

/// "Lebanon accused Israel of firing on its soldiers, a charge the
/// Israeli military denied": the denial (016) of the party named after "a
/// charge" (or "an accusation", "a claim", "an allegation") that it denied
/// or rejected, aimed at the author of the sentence's accusation (11x).
fn charge_denied(s: &Sent<'_>, cands: &[Cand]) -> Option<Cand> {
    let words = &s.words;
    let k = (2..words.len()).find(|&k| {
        matches!(
            words[k].as_str(),
            "charge" | "accusation" | "claim" | "allegation"
        ) && matches!(words[k - 1].as_str(), "a" | "an")
            && words[k - 2] == ","
    })?;
    let accusation = cands
        .iter()
        .find(|c| c.t0 < k && c.ev.cameo.starts_with("11"))?;
    let accuser = accusation.ev.source.as_ref()?;
    let from = if words
        .get(k + 1)
        .is_some_and(|w| w == "that" || w == "which")
    {
        k + 2
    } else {
        k + 1
    };
    let m = s
        .ments
        .iter()
        .find(|m| m.first >= from && m.first <= from + 1 && resolved(m))?;
    // after the party, or after its apposition ("a charge COGAT, the
    // Israeli body that oversees aid, rejected"); in the past tense (a
    // charge a state "denies" is a standing position, no news)
    let after = if words.get(m.last + 1).is_some_and(|w| w == ",") {
        (m.last + 2..(m.last + 16).min(words.len()))
            .find(|&j| words[j] == ",")
            .map_or(m.last + 1, |j| j + 1)
    } else {
        m.last + 1
    };
    let v = (after..(after + 2).min(words.len()))
        .find(|&v| matches!(words[v].as_str(), "denied" | "rejected" | "dismissed"))?;
    if same_country(m.actor, accuser) {
        return None;
    }
    let mut ev = accusation.ev.clone();
    ev.source = Some(m.actor.clone());
    ev.target = Some(accuser.clone());
    ev.cameo = "016".into();
    ev.symmetric = false;
    ev.quantities = Vec::new();
    ev.evidence.trigger = Span::new(s.spans[k].start, s.spans[v].end);
    ev.rule = "016 a charge X denied".into();
    ev.confidence *= 0.9;
    Some(Cand {
        ev,
        t0: v,
        t1: v + 1,
        past_marker: false,
        wants_date: true,
        weak: false,
    })
}

/// Whether force aimed "into" a place of no state: "firing rockets into the
/// East China Sea", "missiles that fell into the sea" - a drill or a test,
/// not an attack on anyone.
fn fired_into_nowhere(
    doc: &AnalyzedDocument,
    s: &Sent<'_>,
    (t0, t1): (usize, usize),
    seg_end: usize,
) -> bool {
    let words = &s.words;
    let Some(into) = (t0..(t1 + 6).min(seg_end)).find(|&k| words[k] == "into") else {
        return false;
    };
    // "into the (East China) Sea", "into the Sea of Japan", not "into the
    // Black Sea port of Odesa"
    let settlement = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| SEA_SETTLEMENTS.contains(&w.as_str()))
    };
    let open_sea = words.get(into + 1).is_some_and(|w| w == "the")
        && (into + 2..(into + 6).min(seg_end))
            .find(|&k| matches!(words[k].as_str(), "sea" | "ocean"))
            .is_some_and(|k| !settlement(k + 1));
    open_sea
        || s.places.iter().any(|(a, b, pi)| {
            (*a == into + 1 || (*a == into + 2 && words[into + 1] == "the"))
                && !settlement(b + 1)
                && doc
                    .places
                    .get(*pi)
                    .is_some_and(|p| p.place.country.is_none())
        })
}

/// Whether the "would" right before the trigger at `t0..t1` is the future
/// of a report: "Hamas said it would hand over the bodies", "an official
/// said the mediators would host talks", "Russia said on Friday that it
/// would release 100 prisoners". The reporting verb opens the clause at
/// most six words before "would"; nothing in between or after the trigger
/// makes it conditional ("if Israel withdrew", "could", "unless").
fn reported_future(words: &[String], t0: usize, t1: usize, cs: usize) -> bool {
    let Some(would) = (t0.saturating_sub(3).max(cs)..t0).rfind(|&k| words[k] == "would") else {
        return false;
    };
    // only adverbs between "would" and the trigger ("would also hand")
    if window(words, would + 1, t0).any(|w| w != "also" && !w.ends_with("ly")) {
        return false;
    }
    let from = would.saturating_sub(7);
    let Some(said) = (from..would).rfind(|&k| REPORTING.contains(&words[k].as_str())) else {
        return false;
    };
    let conditional = |w: &str| {
        HEDGES.contains(&w) || matches!(w, "once" | "provided" | "when" | "after" | "until")
    };
    let end = (t1..words.len())
        .find(|&k| is_hard_boundary(&words[k]))
        .unwrap_or(words.len());
    // "would halt operations from Friday until Tuesday": a time, no condition
    !window(words, said + 1, would).any(|w| conditional(w) || is_punct(w) || w == "and")
        && !(t1..end).any(|k| conditional(&words[k]) && !time_after(words, k))
}

/// Whether the words after token `k` ("until", "after", "when") name a
/// time: "until Tuesday", "after March 10", "until 23:59", "until the end
/// of the month", "until midnight".
fn time_after(words: &[String], k: usize) -> bool {
    let next = |i: usize| words.get(k + i).map_or("", String::as_str);
    let timeish = |w: &str| {
        w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || WEEKDAYS.contains(&w)
            || MONTHS.contains(&w)
            || matches!(
                w,
                "midnight" | "noon" | "dawn" | "tomorrow" | "today" | "then"
            )
    };
    matches!(words[k].as_str(), "until" | "after")
        && (timeish(next(1))
            || (next(1) == "the" && matches!(next(2), "end" | "weekend" | "elections"))
            || (next(1) == "further" && next(2) == "notice"))
}

/// Reporting verbs: a clause of them attributes what the sentence reports.
pub(crate) const REPORTING: &[&str] = &[
    "said", "says", "told", "reported", "reports", "added", "adds", "stated", "noted",
];

/// True when token `k` opens a clause set back in time by a distance:
/// "(five) years after", "months before", "decades since".
fn background_at(words: &[String], k: usize) -> bool {
    k >= 1
        && matches!(words[k].as_str(), "after" | "since" | "before")
        && matches!(
            words[k - 1].as_str(),
            "years" | "months" | "weeks" | "decades" | "year" | "month" | "decade"
        )
}

/// Drops
/// - a trailing reporting clause (", a senior official said on Saturday.")
///   when the sentence coded an act before it: it attributes that act, it
///   is not an act of its own;
/// - the acts of a clause set back in time by a distance ("almost five
///   years after crowds burned down its embassy", "18 years after
///   Washington invaded the country"): background history, not news. The
///   clause runs to the next comma.
fn drop_attributions_and_background(s: &Sent<'_>, cands: &mut Vec<Cand>) {
    let words = &s.words;
    let last_seg = s.seg.last().copied().unwrap_or(0);
    let background: Vec<(usize, usize)> = (2..words.len())
        .filter(|&k| background_at(words, k))
        .map(|k| {
            let end = (k..words.len())
                .find(|&j| s.seg[j] != s.seg[k])
                .unwrap_or(words.len());
            (k, end)
        })
        .collect();
    // "air strikes have for years killed fighters": force in a perfect
    // that spans years is a habit of the past, no one act (a standing
    // role, "has mediated between them for years", is kept).
    let habitual = |c: &Cand| {
        if !matches!(
            code_root(&c.ev.cameo),
            "15" | "16" | "17" | "18" | "19" | "20"
        ) {
            return false;
        }
        let seg = s.seg.get(c.t0).copied();
        let in_seg = |k: usize| s.seg.get(k).copied() == seg;
        let span = (c.t0.saturating_sub(10)..(c.t1 + 6).min(words.len())).filter(|&k| in_seg(k));
        let mut perfect = false;
        let mut years = false;
        for k in span {
            perfect |= matches!(words[k].as_str(), "has" | "have");
            years |= words[k] == "for"
                && words
                    .get(k + 1)
                    .is_some_and(|w| matches!(w.as_str(), "years" | "decades" | "generations"));
        }
        perfect && years
    };
    let in_background =
        |c: &Cand| background.iter().any(|&(b, e)| c.t0 > b && c.t0 < e) || habitual(c);
    let is_report = |c: &Cand| {
        c.t0 > 0
            && REPORTING.contains(&words[c.t0].as_str())
            && s.seg.get(c.t0) == Some(&last_seg)
            && last_seg > 0
    };
    let main_end = cands
        .iter()
        .filter(|c| !is_report(c) && !in_background(c))
        .map(|c| c.t1)
        .min();
    cands.retain(|c| !(in_background(c) || (is_report(c) && main_end.is_some_and(|e| c.t0 > e))));
}

/// Start of a trailing reporting clause (", the ministry said on
/// Tuesday."): its speaker attributes the act before it and is never that
/// act's target. The sentence's length when there is none.
fn report_tail(s: &Sent<'_>) -> usize {
    let words = &s.words;
    let Some(comma) = words.iter().rposition(|w| w == ",") else {
        return words.len();
    };
    let tail = &words[comma + 1..];
    // "A spokeswoman, Maly Socheata, said Thai soldiers had fired": a
    // clause with a verb of its own after the reporting verb is what is
    // reported, not a tail
    let clause_after = tail
        .iter()
        .position(|w| REPORTING.contains(&w.as_str()))
        .is_some_and(|r| {
            tail[r + 1..].iter().skip(1).any(|w| {
                matches!(
                    w.as_str(),
                    "had" | "has" | "have" | "was" | "were" | "is" | "are" | "will" | "would"
                ) || past_tense(w)
            })
        });
    let reported = tail.len() <= 12
        && tail.iter().any(|w| REPORTING.contains(&w.as_str()))
        && !clause_after
        && !tail.iter().any(|w| w == "that");
    if reported && comma > 0 {
        comma
    } else {
        words.len()
    }
}

/// True when two actors are one party: the same entity, or two non-group
/// actors of one country (an armed group fights its own country's army
/// or state: "the RSF shelled the Sudanese army" is two parties).
///
/// The state and those who oppose it from within are two parties too:
/// "police arrested opposition leader Imran Khan" (`PAKCOP`, `PAKOPP`).
fn same_country(a: &Actor, b: &Actor) -> bool {
    a.entity == b.entity
        || (a.country.is_some()
            && a.country == b.country
            && a.kind != ActorKind::Group
            && b.kind != ActorKind::Group
            && a.is_dissident() == b.is_dissident()
            // "police arrested five protesters": the state and its own
            // people are two parties
            && !(state_side(a) && society(b) || society(a) && state_side(b)))
}

/// The target of an act at home that names no one: the country as a
/// whole. "Oli resigned", "the army imposed a curfew" ([`home_act`]);
/// "Protesters blocked the highway": a protest of a country's people is
/// against their own state.
fn home_target(code: &str, kind: PatternKind, src: &Actor) -> Option<Actor> {
    let protest = code.starts_with("14")
        && kind == PatternKind::Verb
        && (society(src) || (src.kind == ActorKind::Agent && src.role.as_deref() == Some("OPP")));
    let country = src.country.clone()?;
    (home_act(code) || protest).then(|| state_actor(Some(country)))
}

/// Acts a state's own people are the object of, done at home: a leader
/// stepping down or a parliament dissolved (083x), curfews, emergencies
/// and restrictions imposed (172x) or eased (081x).
fn home_act(code: &str) -> bool {
    code.starts_with("081") || code.starts_with("083") || code.starts_with("172")
}

/// The state or one of its bodies: government, army, police, courts,
/// spies, parliament.
/// Coercion and force (roots 17 to 20): acts one organ of a state may do
/// to another's people ("soldiers detained the president").
fn coercion(root: &str) -> bool {
    matches!(root, "17" | "18" | "19" | "20")
}

/// Two actors of one country who are two parties to an act of coercion:
/// the army, the police or the secret service, and a person or body of
/// the state that is none of them ("soldiers detained President Embalo",
/// "police arrested the former minister", "troops stormed the electoral
/// commission"). Not the other way round: a president condemning "an
/// attack on Guyana's soldiers" does not attack them.
fn apart(src: &Actor, tgt: &Actor) -> bool {
    let force = |x: &Actor| matches!(x.role.as_deref(), Some("MIL" | "COP" | "SPY"));
    src.entity != tgt.entity && force(src) && !force(tgt) && tgt.kind != ActorKind::State
}

fn state_side(a: &Actor) -> bool {
    a.kind == ActorKind::State
        || matches!(
            a.role.as_deref(),
            Some("GOV" | "MIL" | "COP" | "JUD" | "SPY" | "LEG")
        )
}

/// Society apart from the state and those who fight it, named by a
/// common noun: civilians, students, journalists, workers, clergy,
/// criminals, farmers, refugees ("protesters", "residents"). A named
/// body (a state news agency, a company) stays on its state's side.
fn society(a: &Actor) -> bool {
    a.kind == ActorKind::Agent
        && matches!(
            a.role.as_deref(),
            Some(
                "CVL"
                    | "EDU"
                    | "MED"
                    | "LAB"
                    | "NGO"
                    | "NGM"
                    | "REL"
                    | "CRM"
                    | "BUS"
                    | "AGR"
                    | "HLH"
                    | "REF"
            )
        )
}

/// A side of its own in a country's conflict, apart from its state: an
/// armed group or a dissident actor.
fn own_side(a: &Actor) -> bool {
    a.kind == ActorKind::Group || a.is_dissident()
}

/// The state a place object belongs to: "shelled Kharkiv", "attacked El
/// Fasher", "visited Islamabad". Only for acts done to or in a place
/// (visits 042/043, force 15-20), the place named right after the trigger.
/// A refused meeting's venue names the counterpart: "rejected any summit
/// held in Moscow" is a refusal addressed to Russia.
fn venue_target(
    doc: &AnalyzedDocument,
    s: &Sent<'_>,
    t1: usize,
    src: &Actor,
    root: &str,
) -> Option<Actor> {
    if root != "12" {
        return None;
    }
    let words = &s.words;
    let held = (t1..(t1 + 4).min(words.len()))
        .find(|&j| matches!(words[j].as_str(), "held" | "hosted" | "located"))?;
    if window(words, t1, held).any(is_punct) {
        return None;
    }
    let (_, _, pi) = s
        .places
        .iter()
        .find(|(a, _, _)| *a == held + 2 && matches!(words[held + 1].as_str(), "in" | "at"))?;
    place_state(doc, *pi, src)
}

fn place_target(
    doc: &AnalyzedDocument,
    s: &Sent<'_>,
    t1: usize,
    src: &Actor,
    root: &str,
) -> Option<Actor> {
    if !matches!(root, "04" | "15" | "17" | "18" | "19" | "20") {
        return None;
    }
    let words = &s.words;
    let (a, _, pi) = s.places.iter().find(|(a, _, _)| *a >= t1 && *a <= t1 + 3)?;
    // only articles, adjectives or "on"/"in" between the trigger and the place
    if window(words, t1, *a).any(|w| {
        is_punct(w)
            || !matches!(
                w,
                "the" | "on" | "in" | "into" | "city" | "town" | "capital"
            )
    }) {
        return None;
    }
    if root == "04" && window(words, t1, *a).any(|w| matches!(w, "on" | "in" | "into")) {
        return None;
    }
    place_state(doc, *pi, src)
}

/// The state where a use of force landed, from the object phrase: "struck
/// fuel depots and the main airport in Port Sudan", "shelled a camp near El
/// Fasher", "blocked aid deliveries into Gaza". Force only (18-20); the
/// place must follow "in", "into", "near", "at", "of" or "outside" in the
/// trigger's own segment, within ten words.
fn object_place_target(
    doc: &AnalyzedDocument,
    s: &Sent<'_>,
    t1: usize,
    src: &Actor,
    root: &str,
) -> Option<Actor> {
    // threats too: "threatened to strike cartel targets inside Mexico"
    if !matches!(root, "13" | "18" | "19" | "20") || t1 == 0 {
        return None;
    }
    let words = &s.words;
    let seg = s.seg.get(t1 - 1).copied()?;
    let (a, _, pi) = s.places.iter().find(|(a, _, _)| {
        *a >= t1
            && *a <= t1 + 10
            && s.seg.get(*a) == Some(&seg)
            && a.checked_sub(1)
                .and_then(|i| words.get(i))
                .is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "into" | "near" | "at" | "of" | "outside" | "inside"
                    )
                })
    })?;
    if window(words, t1, *a).any(|w| matches!(w, "from" | "by" | "with" | "to")) {
        return None;
    }
    place_state(doc, *pi, src)
}

/// The state of a place that modifies the object of a statement or appeal,
/// when no party is named: "criticized the closure of schools in Gaza",
/// "appealed for calm in Sudan", "called for a truce in Sudan". The place
/// belongs to the object noun phrase: it follows the trigger (or its "for")
/// through nouns, adjectives, determiners and "of" only, within
/// eight words, with no verb, other preposition or punctuation before its
/// "in". Not for meetings, visits and signings (04, 05), where "in" names
/// the venue ("signed the deal in Washington"), nor for force (15-20, see
/// [`object_place_target`]).
fn noun_phrase_place(
    doc: &AnalyzedDocument,
    s: &Sent<'_>,
    m: &PatternMatch,
    p: &chronicler_dict::verbs::Pattern,
    src: &Actor,
    verb_at: &[u8],
) -> Option<Actor> {
    let (t0, t1) = (m.start, m.end);
    let root = code_root(&p.code);
    let words = &s.words;
    // "agreed to hold talks in Moscow": the place of a meeting offered
    // is its venue too
    let meeting = t1 > 0
        && matches!(
            words[t1 - 1].as_str(),
            "meet"
                | "talk"
                | "talks"
                | "negotiate"
                | "negotiations"
                | "summit"
                | "meeting"
                | "round"
        );
    if p.kind != PatternKind::Verb
        || meeting
        || matches!(root, "04" | "05" | "15" | "16" | "17" | "18" | "19" | "20")
    {
        return None;
    }
    let from = if words.get(t1).is_some_and(|w| w == "for") {
        t1 + 1
    } else {
        t1
    };
    let to = words.len().min(from + 8);
    let mut j = from;
    while j < to {
        let w = words[j].as_str();
        // a trigger that ends in its object noun ("called for a truce")
        // may be followed by the place at once
        if w == "in" && (j > from || t1 > t0 + 1) {
            let at = if words.get(j + 1).is_some_and(|w| w == "the") {
                j + 2
            } else {
                j + 1
            };
            if let Some(m) = s.ments.iter().find(|m| {
                m.first == at && m.actor.kind == ActorKind::State && m.form == MentionForm::Name
            }) {
                let state = state_of(m.actor);
                return (!same_country(src, &state) && src.country != state.country)
                    .then_some(state);
            }
            // "Hamas released hostages in Gaza": a place of the source's
            // own country names no other party.
            let (_, _, pi) = s.places.iter().find(|(a, _, _)| *a == at)?;
            return place_state(doc, *pi, src).filter(|st| src.country != st.country);
        }
        let noun_word = w != "in"
            && !is_punct(w)
            && !past_tense(w)
            && !BE.contains(&w)
            && verb_at.get(j).is_none_or(|f| f & VERB_START == 0)
            && !s.dates.iter().any(|(a, b, _)| *a <= j && j <= *b)
            && !matches!(
                w,
                "to" | "with"
                    | "by"
                    | "from"
                    | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "since"
                    | "during"
                    | "and"
                    | "or"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "as"
                    | "over"
                    | "against"
                    | "about"
                    | "between"
                    | "near"
                    | "into"
                    | "for"
                    | "will"
                    | "would"
                    | "has"
                    | "have"
                    | "had"
            );
        if !noun_word {
            return None;
        }
        j += 1;
    }
    None
}

/// `verb_at` flags: the token starts a verb trigger.
const VERB_START: u8 = 1;
/// `verb_at` flags: the token ends a verb trigger.
const VERB_END: u8 = 2;

/// Words that end a coordinated list: they belong to a clause, not to a
/// list of names ("Ukraine and Poland condemned", "Russia and Iran, which").
const NOT_IN_LIST: &[&str] = &[
    "of", "in", "at", "by", "with", "to", "from", "for", "on", "against", "between", "about",
    "over", "after", "before", "that", "which", "who", "whose", "said", "says", "say", "has",
    "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might",
    "did", "does", "do", "not", "n't", "its", "their", "his", "her", "it", "they", "he", "she",
    "a", "an", "but", "or", "nor", "as", "while", "when",
];

/// Whether the words between two list members join them: commas, "and",
/// "the" and at most two modifiers ("Fornost, the awful Gondor"). With
/// `and`, the gap must hold "and" (the last join); without, a comma only.
fn list_gap(s: &Sent<'_>, verb_at: &[u8], from: usize, to: usize, and: bool) -> bool {
    if to <= from || to - from > 4 {
        return false;
    }
    let gap = window(&s.words, from, to);
    let (mut comma, mut conj, mut other) = (false, false, 0);
    for (k, w) in gap.enumerate() {
        match w {
            "," => comma = true,
            "and" => conj = true,
            "the" => {}
            w if w.chars().all(char::is_alphabetic)
                && !NOT_IN_LIST.contains(&w)
                && verb_at.get(from + k).is_some_and(|f| *f == 0) =>
            {
                other += 1
            }
            _ => return false,
        }
    }
    other <= 2 && if and { conj } else { comma && !conj }
}

/// A mention that can stand in a list of parties.
fn list_member(m: &Ment<'_>) -> bool {
    resolved(m) && m.form != MentionForm::Pronoun
}

/// The members of a coordinated list that ends with the source `m`
/// ("Mordor, Rohan, Fornost and Bree"), in text order, `m` last; just
/// `[m]` when there is no list. A list right after a verb is that verb's
/// object, not this trigger's subject.
fn list_before<'s, 'a>(s: &'s Sent<'a>, m: &'s Ment<'a>, verb_at: &[u8]) -> Vec<&'s Ment<'a>> {
    let mut out = vec![m];
    let mut cur = m;
    loop {
        let and = out.len() == 1;
        let Some(o) = s
            .ments
            .iter()
            .rfind(|o| o.last < cur.first && list_member(o))
            .filter(|o| list_gap(s, verb_at, o.last + 1, cur.first, and))
        else {
            break;
        };
        out.push(o);
        cur = o;
    }
    if out.len() > 1 {
        let mut k = cur.first;
        while k > 0 && s.words[k - 1] == "the" {
            k -= 1;
        }
        if k > 0 && verb_at[k - 1] & VERB_END != 0 {
            return vec![m];
        }
    }
    out.reverse();
    out
}

/// The members of a coordinated list that starts with the target `m`
/// ("with Mordor, Rohan, Fornost and Bree", "between Gondor and
/// Osgiliath"); empty when there is none. A list must close with "and",
/// and a last member followed by a verb is the subject of a new clause.
fn list_after<'s, 'a>(s: &'s Sent<'a>, m: &'s Ment<'a>, verb_at: &[u8]) -> Vec<&'s Ment<'a>> {
    let mut out = vec![m];
    let mut cur = m;
    loop {
        let Some(n) = s
            .ments
            .iter()
            .find(|n| n.first > cur.last && list_member(n))
        else {
            return Vec::new();
        };
        if list_gap(s, verb_at, cur.last + 1, n.first, true) {
            out.push(n);
            cur = n;
            break;
        }
        if !list_gap(s, verb_at, cur.last + 1, n.first, false) {
            return Vec::new();
        }
        out.push(n);
        cur = n;
    }
    let next = s.words.get(cur.last + 1).map_or("", String::as_str);
    if verb_at
        .get(cur.last + 1)
        .is_some_and(|f| f & VERB_START != 0)
        || (NOT_IN_LIST.contains(&next)
            && !matches!(
                next,
                "of" | "in"
                    | "at"
                    | "on"
                    | "after"
                    | "over"
                    | "about"
                    | "for"
                    | "from"
                    | "to"
                    | "against"
                    | "with"
                    | "by"
                    | "before"
            ))
    {
        return Vec::new();
    }
    out
}

/// The resolved mention coordinated before `m`: "X and (the) m"; with
/// `adjectives`, "Armenian and Azerbaijani ministers" too.
fn coordinated_before<'s, 'a>(
    s: &'s Sent<'a>,
    m: &Ment<'a>,
    adjectives: bool,
) -> Option<&'s Ment<'a>> {
    let words = &s.words;
    // "Moldova and its Russian-backed breakaway region of Transnistria": a
    // head noun with "of" between the conjunction and the name
    let of_head = || {
        if m.first < 3 || words[m.first - 1] != "of" {
            return None;
        }
        let and = (m.first.saturating_sub(8)..m.first - 2).rfind(|&k| words[k] == "and")?;
        let clear = window(words, and + 1, m.first - 1).all(|w| !is_punct(w))
            && !s.ments.iter().any(|o| o.first > and && o.first < m.first);
        clear.then_some(and)
    };
    let and = if m.first >= 2 && words[m.first - 1] == "and" {
        m.first - 1
    } else if m.first >= 3 && words[m.first - 1] == "the" && words[m.first - 2] == "and" {
        m.first - 2
    } else {
        of_head()?
    };
    // "Wazalendo fighters and M23 rebels", "government negotiators and the
    // ELN": a head noun may follow the name.
    let head = |o: &Ment<'_>| {
        o.last + 2 == and
            && matches!(
                words[o.last + 1].as_str(),
                "fighters"
                    | "rebels"
                    | "militia"
                    | "militias"
                    | "militiamen"
                    | "forces"
                    | "troops"
                    | "negotiators"
                    | "officials"
                    | "delegates"
                    | "delegation"
                    | "delegations"
                    | "representatives"
                    | "envoys"
            )
    };
    s.ments.iter().rfind(|o| {
        (o.last + 1 == and || head(o))
            && resolved(o)
            && (adjectives || o.form != MentionForm::Adjective)
    })
}

/// The resolved mention coordinated after `m`: "m and (the) Y".
fn coordinated_after<'s, 'a>(s: &'s Sent<'a>, m: &Ment<'a>) -> Option<&'s Ment<'a>> {
    let words = &s.words;
    if words.get(m.last + 1).map(String::as_str) != Some("and") {
        return None;
    }
    s.ments.iter().find(|o| {
        (o.first == m.last + 2 || (o.first == m.last + 3 && words[m.last + 2] == "the"))
            && resolved(o)
            && o.form != MentionForm::Adjective
    })
}

/// The article's two sides, for "both sides": the two parties named most
/// often, where an armed group is a party of its own (the Sudanese army and
/// the RSF are two sides of one country) and a state stands for all its
/// bodies; each named at least twice. None when `src` is one of them: who
/// speaks to both sides is not one of them.
fn two_sides(doc: &AnalyzedDocument, src: &Actor) -> Option<(Actor, Actor)> {
    let (a, b) = top_sides(doc)?;
    (!same_country(&a, src) && !same_country(&b, src)).then_some((a, b))
}

/// The article's two most-named sides (see [`two_sides`]), whoever acts.
fn top_sides(doc: &AnalyzedDocument) -> Option<(Actor, Actor)> {
    let mut counts: Vec<(&str, usize, &Actor)> = Vec::new();
    for m in &doc.actors {
        if m.actor.kind == ActorKind::Organization
            || m.form == MentionForm::Pronoun
            || m.capital_as_venue(&doc.doc.text)
        {
            continue;
        }
        let key = match (m.actor.kind, m.actor.country.as_deref()) {
            (ActorKind::Group, _) => m.actor.entity.as_str(),
            // the opposition of a state is a side apart from it
            (_, Some(_)) if m.actor.is_dissident() => m.actor.code.as_str(),
            (_, Some(c)) => c,
            (_, None) => continue,
        };
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(e) => e.1 += 1,
            None => counts.push((key, 1, &m.actor)),
        }
    }
    // most named first; ties in order of first mention (stable sort)
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let side = |(key, _, actor): &(&str, usize, &Actor)| {
        if own_side(actor) {
            (*actor).clone()
        } else {
            country_actor(doc, key).map_or_else(|| (*actor).clone(), state_of)
        }
    };
    let (a, b) = (counts.first()?, counts.get(1)?);
    if b.1 < 2 {
        return None;
    }
    Some((side(a), side(b)))
}

/// The actors named after "mediated by", "brokered by", "hosted by"
/// (with their list: "mediated by Egypt, Qatar and Turkey").
fn mediators_by<'a>(s: &Sent<'a>, verb_at: &[u8]) -> Vec<&'a Actor> {
    let words = &s.words;
    let mut out = Vec::new();
    for k in 1..words.len() {
        if words[k] != "by"
            || !matches!(
                words[k - 1].as_str(),
                "mediated" | "brokered" | "facilitated" | "hosted" | "sponsored"
            )
        {
            continue;
        }
        let Some(first) = s
            .ments
            .iter()
            .find(|o| o.first == k + 1 || (o.first == k + 2 && words[k + 1] == "the"))
            .filter(|o| list_member(o))
        else {
            continue;
        };
        let list = list_after(s, first, verb_at);
        if list.is_empty() {
            out.push(first.actor);
        } else {
            out.extend(list.iter().map(|o| o.actor));
        }
    }
    out
}

/// Whether `words[from..to]` names the two parties without naming them:
/// "both sides", "both countries", "the two sides", "the warring parties".
fn both_sides(words: &[String], from: usize, to: usize) -> bool {
    let w: Vec<&str> = window(words, from, to).collect();
    let side = |x: &str| {
        matches!(
            x,
            "sides"
                | "countries"
                | "parties"
                | "nations"
                | "governments"
                | "neighbours"
                | "neighbors"
                | "delegations"
        )
    };
    // "both sides", "all parties", "the parties", "both warring
    // parties", "all the warring sides"
    w.windows(2).any(|p| {
        (matches!(p[0], "both" | "all") && side(p[1]))
            || (p[0] == "the" && matches!(p[1], "parties" | "sides"))
    }) || w.windows(3).any(|p| {
        matches!(p[0], "the" | "both" | "all")
            && matches!(p[1], "two" | "warring" | "conflicting" | "rival" | "the")
            && side(p[2])
    })
}

/// The two parties named as a coordinated pair anywhere in the sentence
/// ("The M23 and the Congolese government are holding talks ..., mediated
/// by Qatar"), none of them one of the mediators `meds`.
fn sentence_pair<'a>(s: &Sent<'a>, meds: &[&Actor]) -> Option<(&'a Actor, &'a Actor)> {
    let mediating = |a: &Actor| meds.iter().any(|m| same_country(a, m));
    // "Syrian and Israeli officials": an adjective coordinated with a
    // noun phrase of the other side names a party too.
    s.ments
        .iter()
        .filter(|m| resolved(m))
        .filter(|m| !mediating(m.actor))
        .find_map(|m| {
            let o = coordinated_after(s, m)?;
            (!mediating(o.actor)
                && !same_country(o.actor, m.actor)
                && (m.form != MentionForm::Adjective || o.form != MentionForm::Adjective))
                .then_some((m.actor, o.actor))
        })
}

/// The state of place `pi`, unless it is the source's own.
fn place_state(doc: &AnalyzedDocument, pi: usize, src: &Actor) -> Option<Actor> {
    let country = doc.places.get(pi)?.place.country.clone()?;
    let state = state_actor(Some(country));
    (!same_country(src, &state)).then_some(state)
}

fn find_seq(words: &[String], from: usize, to: usize, seq: &[&str]) -> Option<usize> {
    (from..to).find(|&i| {
        seq.iter()
            .enumerate()
            .all(|(k, w)| words.get(i + k).is_some_and(|x| x == w))
    })
}

/// A mention that can be a party: one with a country, or an organisation
/// of no country and no CAMEO group code ("the Norwegian Refugee Council",
/// coded `NGO`), which acts in its own name.
fn resolved(m: &Ment<'_>) -> bool {
    !m.venue
        && (m.actor.country.as_deref().is_some_and(|c| !c.is_empty())
            || (m.actor.kind == ActorKind::Organization && !m.actor.code.is_empty()))
}

/// The source of a trigger at tokens `[t0, t1)` and how sure (0..1).
fn find_source<'s, 'a>(
    s: &'s Sent<'a>,
    t0: usize,
    t1: usize,
    kind: PatternKind,
) -> Option<(&'s Ment<'a>, f32)> {
    let words = &s.words;
    let cs = clause_start(words, t0, 25);
    // Passive: "X was invited by Y".
    let after_by = |from: usize| {
        let to = (from + 8).min(words.len());
        // "came under fire ... in an attack the army blamed on Venezuelan
        // troops": the author named in a blame after a passive.
        let blamed = (from..words.len().min(from + 20)).find(|&j| {
            words[j] == "on" && j > 0 && matches!(words[j - 1].as_str(), "blamed" | "blames")
        });
        let by = (from..to)
            .find(|&j| words[j] == "by" || (kind == PatternKind::Noun && words[j] == "from"))
            .or(blamed)?;
        s.ments
            .iter()
            .find(|m| m.first == by + 1 || (m.first == by + 2 && words[by + 1] == "the"))
            .filter(|m| resolved(m))
    };
    // A pattern ending on "by" names its author next: "talks chaired by
    // Obasanjo", "the round hosted by Qatar".
    if t1 > t0 + 1 && words[t1 - 1] == "by" {
        return s
            .ments
            .iter()
            .find(|m| {
                m.first >= t1 && m.first <= t1 + 3 && !window(words, t1, m.first).any(is_punct)
            })
            .filter(|m| resolved(m))
            .map(|m| (m, 0.9));
    }
    if is_passive(words, t0, kind) {
        return after_by(t1).map(|m| (m, 0.9));
    }
    // "Petro said a Colombian fisherman had been killed, and accused the
    // United States": a verb after ", and" that follows a report shares the
    // reporter's subject, not that of the clause reported; so does one
    // after a quotation that ends the report ("told parliament that
    // Conakry was acting \"in breach of commitments\" and accused Guinea").
    if kind == PatternKind::Verb
        && t0 >= 2
        && words[t0 - 1] == "and"
        && matches!(words[t0 - 2].as_str(), "," | "\"" | "\u{201d}")
    {
        let said = (cs..t0 - 2).find(|&k| REPORTING.contains(&words[k].as_str()));
        if let Some(k) = said {
            let subject = s.ments.iter().rfind(|m| {
                m.last < k && m.first >= cs && resolved(m) && m.form != MentionForm::Adjective
            });
            if let Some(m) = subject {
                return Some((m, 0.85));
            }
        }
    }
    // Reduced passive: "a deal brokered by Qatar", "talks mediated by Egypt".
    if kind == PatternKind::Verb
        && words.get(t1).is_some_and(|w| w == "by")
        && words.get(t1 - 1).is_some_and(|w| w.ends_with("ed"))
    {
        if let Some(m) = after_by(t1) {
            return Some((m, 0.9));
        }
    }
    if kind == PatternKind::Noun {
        // "X's suspension", "Russian strikes", "US-mediated talks"
        let mut j = t0;
        let mut steps = 0;
        while j > 0 && steps < 4 {
            let w = words[j - 1].as_str();
            if let Some(m) = s.ments.iter().find(|m| m.last == j - 1 && resolved(m)) {
                if anti(s, m) {
                    return None;
                }
                return Some((m, 0.95));
            }
            if w == "'s" {
                if let Some(m) = s.ments.iter().find(|m| m.last + 1 == j - 1 && resolved(m)) {
                    return Some((m, 0.95));
                }
                return None;
            }
            if is_punct(w) && w != ","
                || matches!(
                    w,
                    "of" | "for" | "to" | "with" | "between" | "on" | "in" | "by"
                )
            {
                break;
            }
            if COPULAS.contains(&w)
                || (w == "to" && j >= 2 && COPULAS.contains(&words[j - 2].as_str()))
            {
                // "X represents a rejection of ...": X owns the act; an
                // act noun as X is resolved by `act_antecedent`.
                return nearest_before(s, j - 1, cs).map(|m| (m, 0.85));
            }
            if LIGHT_VERBS.contains(&w) {
                // the subject of the light verb owns the noun
                return nearest_before(s, j - 1, cs).map(|m| (m, 0.85));
            }
            j -= 1;
            // "a direct, public invitation": the comma between
            // adjectives does not count.
            if w != "," {
                steps += 1;
            }
        }
        return after_by(t1).map(|m| (m, 0.9));
    }
    // Participial clause ", inviting him": the subject of the main clause.
    if words.get(t0).is_some_and(|w| w.ends_with("ing"))
        && t0 > 0
        && (words[t0 - 1] == ","
            || (t0 > 1 && words[t0 - 2] == "," && words[t0 - 1].ends_with("ly")))
    {
        let first = s.ments.iter().find(|m| resolved(m) && m.last < t0)?;
        // "Mujahid said Pakistani forces had started the fighting by
        // shelling homes, killing three": the subject of the reported
        // clause, named right after the report
        let reported = (first.last + 1..t0)
            .find(|&k| REPORTING.contains(&words[k].as_str()))
            .and_then(|r| {
                s.ments.iter().find(|m| {
                    m.first > r
                        && m.last < t0
                        && resolved(m)
                        && window(words, r + 1, m.first).all(|w| {
                            matches!(
                                w,
                                "that" | "on" | "the" | "a" | "an" | "late" | "early" | "earlier"
                            ) || chronicler_core::text::WEEKDAYS.contains(&w)
                        })
                })
            });
        return Some((reported.unwrap_or(first), 0.8));
    }
    // ", a senior official said": the subject is the noun phrase between
    // the last comma and the verb; an actor before the comma is not it.
    if let Some(c) = (cs..t0).rev().find(|&j| words[j] == ",") {
        let np: Vec<&str> = window(words, c + 1, t0).collect();
        let named = s.ments.iter().any(|m| m.first > c && m.last < t0);
        let nominal = np.first().is_some_and(|w| {
            matches!(
                *w,
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "some"
            )
        }) || np.last().is_some_and(|w| w.len() > 3 && w.ends_with('s'));
        if (nominal || named)
            && !s
                .ments
                .iter()
                .any(|m| m.first > c && m.last < t0 && resolved(m))
        {
            return None;
        }
    }
    let near = nearest_before(s, t0, cs)?;
    // "X said that Machar had been plotting and accused him": an object
    // pronoun right after the verb is not its own subject, so the person
    // of the reported clause is not who acts on "him" (but in "Zelenskyy
    // invited him", with no report, "him" is someone named before).
    let reported = (cs..near.first).any(|k| REPORTING.contains(&words[k].as_str()));
    if reported
        && near.actor.kind == ActorKind::Person
        && words
            .get(t1)
            .is_some_and(|w| matches!(w.as_str(), "him" | "her"))
    {
        return nearest_before(s, near.first, cs)
            .filter(|m| m.actor.entity != near.actor.entity)
            .map(|m| (m, 0.8));
    }
    Some((near, 1.0))
}

/// Verbs that equate their subject with a nominal act: "the invitation
/// represents a firm rejection of ...".
const COPULAS: &[&str] = &[
    "represents",
    "represented",
    "represent",
    "constitutes",
    "constituted",
    "constitute",
    "amounts",
    "amounted",
    "amount",
];

/// Subject nouns that name an act already reported in the article, with
/// the CAMEO roots of the acts they can refer back to (empty: any act).
/// "The invitation ... rejected X" is done by whoever issued the invitation.
const ACT_NOUNS: &[(&str, &[&str])] = &[
    ("invitation", &["03", "02", "05"]),
    ("overture", &["03", "02", "05"]),
    ("offer", &["03", "02", "05"]),
    ("proposal", &["03", "02", "05"]),
    ("initiative", &["03", "02", "05"]),
    ("appeal", &["02", "03", "10"]),
    ("statement", &["01", "02", "03", "10", "11", "12", "13"]),
    ("announcement", &["01", "02", "03", "10", "11", "12", "13"]),
    ("move", &[]),
    ("decision", &[]),
];

/// How many sentences back an act noun may refer.
const ACT_NOUN_REACH: usize = 6;

/// How many sentences back the object of a reaction may refer: "condemned
/// the attack", "welcomed the agreement" answer the article's main act,
/// often told in its first paragraph and ten sentences before.
const OBJECT_REACH: usize = 12;

/// Object nouns that name an act already reported, with the CAMEO roots
/// of the acts they refer back to and whether the act's target is a party
/// of it too (an agreement, a release: both sides; an attack: its author).
const OBJECT_ACTS: &[(&[&str], &[&str], bool)] = &[
    (
        &[
            "attack",
            "attacks",
            "strike",
            "strikes",
            "assault",
            "bombing",
            "bombings",
            "shelling",
            "raid",
            "raids",
            "killing",
            "killings",
            "incursion",
            "incursions",
            "invasion",
            "offensive",
            "ambush",
            "massacre",
        ],
        &["18", "19", "20"],
        false,
    ),
    (
        &[
            "arrest",
            "arrests",
            "detention",
            "detentions",
            "seizure",
            "expulsion",
            "expulsions",
            "deportation",
            "deportations",
            "abduction",
            "abductions",
            "kidnapping",
        ],
        &["17", "181"],
        false,
    ),
    (
        &["sanctions", "ban", "closure", "blockade", "embargo"],
        &["16", "191"],
        false,
    ),
    (
        &["release", "releases", "exchange", "swap", "handover"],
        &["0841"],
        true,
    ),
    (
        &["agreement", "deal", "accord", "accords", "treaty"],
        &["057", "03", "0356", "046"],
        true,
    ),
    (&["signing"], &["057"], true),
    (&["recognition"], &["054"], false),
    (&["visit", "visits", "trip"], &["042"], false),
    (
        &["launch", "launches", "test", "tests", "drills", "exercises"],
        &["15"],
        false,
    ),
    (&["ceasefire", "truce"], &["0871", "0356"], true),
    (
        &[
            "accusation",
            "accusations",
            "allegation",
            "allegations",
            "charge",
            "charges",
            "claim",
            "claims",
        ],
        &["11"],
        false,
    ),
    (
        &[
            "offer",
            "proposal",
            "proposals",
            "invitation",
            "plan",
            "initiative",
            "call",
            "calls",
            "demand",
            "demands",
            "request",
            "appeal",
            "overture",
            "ultimatum",
        ],
        &["02", "03", "10", "13"],
        false,
    ),
];

/// The act noun a reaction at tokens `t0..t1` names as its object ("condemned
/// the attack", "welcomed Wednesday's releases", "condemned what he called
/// \"a deliberate attack\""): its token, the roots of the acts it names,
/// and whether both parties of such an act are aimed at.
fn object_act(
    words: &[String],
    t0: usize,
    t1: usize,
) -> Option<(usize, &'static [&'static str], bool)> {
    let what_called = words.get(t1).is_some_and(|w| w == "what")
        && words
            .get(t1 + 1)
            .is_some_and(|w| matches!(w.as_str(), "he" | "she" | "it" | "they"))
        && words
            .get(t1 + 2)
            .is_some_and(|w| matches!(w.as_str(), "called" | "termed" | "described"));
    let reach = if what_called { t1 + 12 } else { t1 + 4 };
    (t0 + 1..reach.min(words.len())).find_map(|j| {
        let det = (j.saturating_sub(if what_called { 4 } else { 2 })..j).any(|k| {
            matches!(
                words[k].as_str(),
                "the" | "this" | "that" | "these" | "those" | "its" | "their" | "'s"
            ) || (what_called && matches!(words[k].as_str(), "a" | "an"))
        });
        OBJECT_ACTS
            .iter()
            .find(|(nouns, _, _)| nouns.contains(&words[j].as_str()))
            // (a quotation mark may close a quoted verb: "\"strongly
            // condemned\" the attack")
            .filter(|_| {
                det && !window(words, t0 + 1, j)
                    .any(|w| is_punct(w) && !matches!(w, "\"" | "\u{201c}" | "\u{201d}"))
            })
            .map(|&(_, roots, both)| (j, roots, both))
    })
}

/// Whether the object of a rejection at tokens `t0..t1` is an act done
/// ("rejected the recognition", "the strikes"), not a proposal, demand,
/// talks or accusation: disapproval (111), as CAMEO's 12 is for what is
/// asked or offered.
fn rejects_done_act(words: &[String], t0: usize, t1: usize) -> bool {
    object_act(words, t0, t1).is_some_and(|(_, roots, _)| {
        !roots
            .iter()
            .any(|r| matches!(r.get(..2), Some("02" | "03" | "04" | "10" | "11" | "13")))
    })
}

/// The parties of an act the object of a reaction names ("Somalia's
/// president condemned the attack", "the envoy welcomed Wednesday's
/// releases", "Turkey welcomed the agreement", "Kurti rejected the
/// offer"): for a criticism, a rejection or an approval (codes 11x, 12x
/// and 051) whose object is a determiner (or a day's
/// possessive) and an act noun, the source of the nearest preceding act
/// of that kind within [`OBJECT_REACH`] sentences, and its target too
/// when the act has two sides. Not the reacting actor's own side.
fn object_antecedent(
    si: usize,
    s: &Sent<'_>,
    t0: usize,
    t1: usize,
    code: &str,
    src: &Actor,
    prior: &[CodedEvent],
) -> Vec<Actor> {
    let words = &s.words;
    let denial = code.starts_with("016");
    if !(denial || code.starts_with("051") || code.starts_with("11") || code.starts_with("12")) {
        return Vec::new();
    }
    // The act noun: in the trigger ("welcomed the agreement") or right
    // after it, after a determiner or a possessive and at most one
    // modifier ("the deadly attack", "Wednesday's releases").
    // "condemned what he called \"a deliberate and cowardly attack\"":
    // the act is named in the quoted words, after "a" too.
    let act = object_act(words, t0, t1);
    let Some((j, roots, both)) = act else {
        // "denied that its troops had been involved": a denial answers
        // the nearest accusation aimed at the denier's side.
        return if denial {
            accuser(si, src, prior).into_iter().collect()
        } else {
            Vec::new()
        };
    };
    // "the attack on the convoy by the RSF", "Russia's attack" name the
    // author themselves; "the release of the soldiers" names whom the act
    // was done to, not its author
    let patient = |m: &Ment<'_>| {
        m.first > j
            && ((words.get(j + 1).is_some_and(|w| w == "of")
                && roots.iter().any(|r| r.starts_with("08")))
                // "an attack on Guyana's soldiers" names its victims (a
                // closing quotation mark may stand between)
                || (words[j + 1..]
                    .iter()
                    .find(|w| !matches!(w.as_str(), "\"" | "\u{201d}"))
                    .is_some_and(|w| matches!(w.as_str(), "on" | "against"))
                    && roots.iter().any(|r| r.starts_with("19"))))
    };
    if s.ments.iter().any(|m| {
        m.first > t0
            && m.first <= j + 3
            && !patient(m)
            && !window(words, j + 1, m.first).any(|w| matches!(w, "," | "and" | "but"))
    }) {
        return Vec::new();
    }
    // not an act of the reacting actor's own (a mediator welcomes the
    // parties' releases, not one it took part in)
    let own = |a: Option<&Actor>| a.is_some_and(|a| same_country(a, src));
    let fits = |e: &&CodedEvent| {
        e.evidence.sentence + OBJECT_REACH >= si
            && e.source.is_some()
            && roots.iter().any(|r| e.cameo.starts_with(r))
            && !own(e.source.as_ref())
            // (a party's own side freed by the other: "the opposition
            // welcomed the release of political prisoners" is the
            // releaser's; two states' swap is neither's alone)
            && !(both && own(e.target.as_ref()) && e.target.as_ref().is_some_and(|t| !t.is_dissident()))
    };
    // "condemned the attack" after the lede's attack and a later strike
    // told in passing: "the attack" is the story's, the lede's
    let lede = (j >= 1 && words[j - 1] == "the" && !words[j].ends_with('s'))
        .then(|| prior.iter().find(|e| e.evidence.sentence <= 2 && fits(e)))
        .flatten();
    // Else the nearest sentence with such an act; of several there, the
    // latest in time, then the first told: "Iran fired missiles at the base
    // in retaliation for US strikes at the weekend" is Iran's attack.
    let nearest = || {
        let si = prior.iter().rev().find(fits)?.evidence.sentence;
        prior
            .iter()
            .filter(|e| e.evidence.sentence == si && fits(e))
            .max_by(|a, b| {
                a.date
                    .start
                    .cmp(&b.date.start)
                    .then(b.evidence.trigger.start.cmp(&a.evidence.trigger.start))
            })
    };
    let Some(ev) = lede.or_else(nearest) else {
        return Vec::new();
    };
    let mut out: Vec<Actor> = Vec::new();
    let parties = [
        ev.source.as_ref(),
        both.then_some(ev.target.as_ref()).flatten(),
    ];
    for a in parties.into_iter().flatten() {
        if !a.entity.is_empty()
            && !same_country(a, src)
            && !out.iter().any(|o| o.entity == a.entity)
        {
            out.push(a.clone());
        }
    }
    out
}

/// Whom the attack that `src` claims was aimed at ("JNIM claimed the
/// attack", "the TTP claimed responsibility"): the target of the latest
/// attack within [`OBJECT_REACH`] sentences before `si` by `src`'s side or
/// by no one named, else the adversary of the claiming group.
fn claimed_victim(
    doc: &AnalyzedDocument,
    si: usize,
    src: &Actor,
    prior: &[CodedEvent],
    dyad: Option<&(String, String)>,
) -> Option<(Actor, f32)> {
    let attack = prior.iter().rev().find(|e| {
        e.evidence.sentence + OBJECT_REACH >= si
            && matches!(code_root(&e.cameo), "18" | "19" | "20")
            && e.source.as_ref().is_none_or(|a| same_country(a, src))
    });
    if let Some(t) = attack.and_then(|e| e.target.clone()) {
        return Some((t, 0.8));
    }
    dyad_other(doc, dyad, src, "19").map(|a| (a, 0.7))
}

/// Who holds the people whose release `src` asks for: the author of the
/// latest arrest or abduction (17x, 181) within [`OBJECT_REACH`] sentences
/// before `si` whose victim is on `src`'s side or is `named` (the captive
/// the demand names), when the author is not on `src`'s side. When the
/// captives are named with no country, or not at all ("the bloc demanded
/// the release of all detained officials"), the author of the latest
/// arrest or abduction within reach by someone not on `src`'s side.
fn captor(si: usize, named: Option<&Actor>, src: &Actor, prior: &[CodedEvent]) -> Option<Actor> {
    let held = |e: &&CodedEvent| {
        e.evidence.sentence + OBJECT_REACH >= si
            && (code_root(&e.cameo) == "17" || e.cameo.starts_with("181"))
    };
    let unknown = named.is_none_or(|n| n.country.is_none());
    prior
        .iter()
        .rev()
        .filter(held)
        .find(|e| {
            e.target.as_ref().is_some_and(|t| {
                same_country(t, src)
                    || named.is_some_and(|n| !n.entity.is_empty() && t.entity == n.entity)
            })
        })
        .or_else(|| {
            unknown
                .then(|| {
                    prior.iter().rev().filter(held).find(|e| {
                        e.source
                            .as_ref()
                            .is_some_and(|a| a.country.is_some() && a.country != src.country)
                    })
                })
                .flatten()
        })
        .and_then(|e| e.source.clone())
        .filter(|a| !same_country(a, src))
}

/// The captor named with the captives after a demand for their release:
/// "the release of three villagers detained by Russian border guards",
/// "of the hostages held by Hamas" (a participle of holding, then "by"
/// and a party not on `src`'s side, within eight words of the trigger).
fn held_by<'a>(s: &Sent<'a>, t1: usize, src: &Actor) -> Option<&'a Actor> {
    let words = &s.words;
    let to = (t1 + 8).min(words.len());
    let k = (t1..to).find(|&k| {
        matches!(
            words[k].as_str(),
            "detained"
                | "held"
                | "arrested"
                | "abducted"
                | "kidnapped"
                | "captured"
                | "jailed"
                | "imprisoned"
                | "seized"
        ) && words.get(k + 1).is_some_and(|w| w == "by")
    })?;
    s.ments
        .iter()
        .find(|o| o.first == k + 2 || (o.first == k + 3 && words[k + 2] == "the"))
        .filter(|o| resolved(o) && !same_country(o.actor, src))
        .map(|o| o.actor)
}

/// "The group said on Wednesday it had carried out the attack": an act of
/// force its author reports carrying out ("said it had carried out",
/// "said they conducted") is a claim of responsibility (015), not the act
/// (told where it happened), when the author is no state's.
fn claims_own_act(words: &[String], t0: usize) -> bool {
    if !matches!(words[t0].as_str(), "carried" | "conducted" | "staged") {
        return false;
    }
    let mut k = t0;
    if k > 0 && matches!(words[k - 1].as_str(), "had" | "has" | "have") {
        k -= 1;
    }
    if !(k > 0 && matches!(words[k - 1].as_str(), "it" | "they")) {
        return false;
    }
    k -= 1;
    if k > 0 && words[k - 1] == "that" {
        k -= 1;
    }
    // ("said on Wednesday it had": a date between)
    (k.saturating_sub(4)..k).any(|j| REPORTING.contains(&words[j].as_str()))
}

/// Whether token `k` of `s` opens a capitalised name no actor mention
/// covers (a person or body no dictionary knows: "arrested Webb").
fn unknown_name_at(doc: &AnalyzedDocument, s: &Sent<'_>, k: usize) -> bool {
    let capital = s
        .spans
        .get(k)
        .and_then(|t| doc.doc.text.get(t.start..t.end))
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    capital && !s.ments.iter().any(|o| o.first <= k && k <= o.last)
}

/// Who accused `src`'s side most recently within [`ACT_NOUN_REACH`]
/// sentences before `si` (a criticism or accusation, root 11, aimed at it).
fn accuser(si: usize, src: &Actor, prior: &[CodedEvent]) -> Option<Actor> {
    prior
        .iter()
        .rev()
        .find(|e| {
            e.evidence.sentence + ACT_NOUN_REACH >= si
                && e.cameo.starts_with("11")
                && e.target.as_ref().is_some_and(|t| same_country(t, src))
                && e.source.as_ref().is_some_and(|a| !same_country(a, src))
        })
        .and_then(|e| e.source.clone())
}

/// The source of an act named by the clause's subject noun phrase ("The
/// invitation, made on Friday, rejected ..."; "This overture represents a
/// rejection of ..."): the source of the nearest preceding coded act of a
/// compatible kind in the document. None unless the clause begins with a
/// determiner and an act noun, with no actor between it and the trigger.
fn act_antecedent<'a>(
    doc: &'a AnalyzedDocument,
    si: usize,
    s: &Sent<'a>,
    t0: usize,
    kind: PatternKind,
    prior: &[CodedEvent],
) -> Option<(Ment<'a>, f32)> {
    let words = &s.words;
    let cs = clause_start(words, t0, 30);
    if cs > 0 && !is_hard_boundary(&words[cs - 1]) {
        return None;
    }
    if !matches!(words.get(cs)?.as_str(), "the" | "this" | "that") {
        return None;
    }
    let (k, roots) = (cs + 1..(cs + 4).min(t0)).find_map(|k| {
        let w = words[k].as_str();
        ACT_NOUNS
            .iter()
            .find(|(n, _)| *n == w)
            .map(|(_, r)| (k, *r))
    })?;
    if (cs + 1..k).any(|j| is_punct(&words[j]))
        || s.ments.iter().any(|m| m.first > cs && m.first < t0)
    {
        return None;
    }
    // Between the noun and the trigger: adverbs, auxiliaries, one
    // comma-enclosed phrase, and for a nominal act a copula ("represents
    // a firm rejection").
    let rest: Vec<&str> = window(words, k + 1, t0).collect();
    let rest = match rest.first() {
        Some(&",") => {
            let close = rest.iter().rposition(|w| *w == ",")?;
            if close == 0 {
                return None;
            }
            &rest[close + 1..]
        }
        _ => &rest[..],
    };
    let ok = if kind == PatternKind::Noun {
        let c = rest.iter().position(|w| COPULAS.contains(w))?;
        rest[..c].iter().all(|w| w.ends_with("ly"))
            && rest[c + 1..].len() <= 3
            && rest[c + 1..].iter().all(|w| !is_punct(w))
    } else {
        rest.iter()
            .all(|w| w.ends_with("ly") || matches!(*w, "has" | "had" | "have"))
    };
    if !ok {
        return None;
    }
    let ev = prior.iter().rev().find(|e| {
        e.evidence.sentence + ACT_NOUN_REACH >= si
            && e.source.is_some()
            && (roots.is_empty() || roots.iter().any(|r| e.cameo.starts_with(r)))
    })?;
    let src = ev.source.as_ref()?;
    let actor = &doc
        .actors
        .iter()
        .find(|m| m.actor.entity == src.entity)?
        .actor;
    Some((
        Ment {
            first: k,
            last: k,
            actor,
            form: MentionForm::Name,
            venue: false,
        },
        0.8,
    ))
}

/// "was invited", "were released", "has been attacked".
fn is_passive(words: &[String], t0: usize, kind: PatternKind) -> bool {
    let is_pp = words.get(t0).is_some_and(|w| {
        w.ends_with("ed")
            || w.ends_with("en")
            || matches!(
                w.as_str(),
                "held" | "met" | "struck" | "hit" | "shot" | "freed"
            )
    });
    let come_under = matches!(
        words.get(t0).map(String::as_str),
        Some("come" | "came" | "comes" | "coming")
    ) && words.get(t0 + 1).is_some_and(|w| w == "under");
    kind == PatternKind::Verb
        && ((is_pp && t0 > 0 && BE.contains(&words[t0 - 1].as_str())) || come_under)
}

/// "an anti-Gondor parade": the act is aimed at the mention, never done
/// by it.
fn anti(s: &Sent<'_>, m: &Ment<'_>) -> bool {
    m.first > 0 && s.words[m.first - 1] == "anti"
}

/// The nearest resolved actor mention ending before token `t`, not before `lo`;
/// a pronoun or title yields to the named head it modifies.
fn nearest_before<'s, 'a>(s: &'s Sent<'a>, t: usize, lo: usize) -> Option<&'s Ment<'a>> {
    // A relative clause between the subject and its verb neither supplies
    // the subject nor hides it: "Russia, which invaded Ukraine in 2022,
    // launched 300 drones" is Russia's act, however long the clause.
    let own = s.rel_at(t);
    let lo = match s.rel_at(lo) {
        Some((o, _)) if own.is_none_or(|r| r.0 != o) => clause_start(&s.words, o, 25),
        _ => lo,
    };
    let cands: Vec<&Ment<'a>> = s
        .ments
        .iter()
        .filter(|m| {
            m.last < t
                && m.first >= lo
                && resolved(m)
                && !anti(s, m)
                && s.rel_at(m.first).is_none_or(|r| own == Some(r))
        })
        .collect();
    let Some(mut best) = cands.last().copied() else {
        return affiliation(s, t, lo);
    };
    // "Bree Prime Minister Romendacil": a title right before a bare state
    // code of the same country names the role ("BREGOV", not "BRE").
    if let Some(title) = cands.iter().rev().nth(1).copied() {
        if title.form == MentionForm::Title
            && title.last + 1 == best.first
            && title.actor.country == best.actor.country
            && best.actor.country.as_deref() == Some(best.actor.code.as_str())
        {
            best = title;
        }
    }
    // "... Y of Z": skip a mention that is the object of "of"/"with"/"against"
    // when an earlier subject exists in the same clause.
    let prev = best
        .first
        .checked_sub(1)
        .and_then(|i| s.words.get(i))
        .map(String::as_str)
        .unwrap_or("");
    if matches!(prev, "with" | "against" | "to" | "on" | "for" | "from") && cands.len() > 1 {
        return cands.get(cands.len() - 2).copied();
    }
    Some(best)
}

/// The body a person of no known allegiance speaks for, from the relative
/// clause after the name: "Abdulqader al-Murtada, who heads the Houthi
/// committee on prisoners' affairs, accused the government" is the
/// Houthis' accusation. Only for "who" and a verb of heading or belonging,
/// in the clause before token `t`, not before `lo`.
fn affiliation<'s, 'a>(s: &'s Sent<'a>, t: usize, lo: usize) -> Option<&'s Ment<'a>> {
    let (o, e) = s.rel.iter().copied().rfind(|&(o, e)| o >= lo && e < t)?;
    let verb = s.words.get(o + 2).map_or("", String::as_str);
    let heads = s.words.get(o + 1).is_some_and(|w| w == "who")
        && matches!(
            verb,
            "heads"
                | "headed"
                | "leads"
                | "led"
                | "chairs"
                | "chaired"
                | "commands"
                | "commanded"
                | "represents"
                | "represented"
                | "directs"
                | "runs"
                | "is"
                | "was"
        );
    if !heads {
        return None;
    }
    s.ments
        .iter()
        .find(|m| m.first > o && m.last < e && resolved(m) && !anti(s, m))
}

/// The target after the trigger: the nearest resolved mention after it in
/// the same clause, or the antecedent of an object pronoun; not past a
/// coordinated verb that is a trigger of its own (`verb_at`): "condemned
/// the attack and promised aid to Syria".
fn find_target_in<'s, 'a>(
    s: &'s Sent<'a>,
    t1: usize,
    src: &Actor,
    verb_at: &[u8],
    coerce: bool,
) -> Option<(&'s Ment<'a>, f32)> {
    let words = &s.words;
    // The speaker of a trailing report is the target only when the
    // clause names no other party ("returned fire, the Cambodian army
    // said"); "Russia and Ukraine exchanged ..., the UAE said" has one.
    let partner = s
        .ments
        .iter()
        .any(|m| m.last < t1 && resolved(m) && !same_country(m.actor, src));
    let tail = if partner { report_tail(s) } else { words.len() };
    let mut end = words.len().min(t1 + 14).min(tail);
    #[allow(clippy::needless_range_loop)]
    for j in t1..end {
        if is_hard_boundary(&words[j])
            || matches!(
                words[j].as_str(),
                "while" | "but" | "which" | "who" | "because"
            )
            || background_at(words, j)
            || (words[j] == "and" && verb_at.get(j + 1).is_some_and(|f| f & VERB_START != 0))
            // "..., and that Afghan forces had responded": a second
            // reported clause
            || (words[j] == "and" && words.get(j + 1).is_some_and(|w| w == "that"))
            // "signed a declaration in the presence of Trump": a witness
            || (words[j] == "presence" && j >= 1 && words[j - 1] == "the")
        {
            end = j;
            break;
        }
    }
    let antecedent = || {
        s.ments
            .iter()
            .rfind(|m| {
                m.last < t1
                    && resolved(m)
                    && !same_country(m.actor, src)
                    && m.form != MentionForm::Adjective
            })
            .map(|m| (m, 0.8))
    };
    // "..., accusing it of": an object pronoun right after the trigger
    // stands for an actor already named, not for one named later.
    if words
        .get(t1)
        .is_some_and(|w| matches!(w.as_str(), "it" | "him" | "her" | "them"))
    {
        if let Some(a) = antecedent() {
            return Some(a);
        }
        if let Some(m) = s
            .prev_person
            .iter()
            .find(|m| m.first == t1 && !same_country(m.actor, src))
        {
            return Some((m, 0.8));
        }
    }
    for m in s.ments.iter().filter(|m| m.first >= t1 && m.first < end) {
        let prev = m
            .first
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .map(String::as_str)
            .unwrap_or("");
        // "condemned an attack by Osgiliath soldiers": the author of the
        // act named as the object is whom the act is aimed at; "was
        // attacked by", "a deal brokered by" name the source instead.
        let act_author = prev == "by"
            && m.first >= 2
            && !words[m.first - 2].ends_with("ed")
            && !words[m.first - 2].ends_with("en")
            && !is_punct(&words[m.first - 2])
            && after_determiner(words, m.first - 2);
        // "pointed the finger at Rwanda", "lashed out at the United
        // States": right after a pattern that ends in its preposition, a
        // state is the object, not the venue the preposition would make it
        // elsewhere.
        let at_pattern_end = |k: usize| {
            verb_at.get(k).is_some_and(|f| f & VERB_END != 0)
                && LOCATIVE.contains(&words[k].as_str())
        };
        let object = m.actor.country.as_deref().is_some_and(|c| !c.is_empty())
            && ((m.first > 0 && at_pattern_end(m.first - 1))
                || (m.first > 1 && prev == "the" && at_pattern_end(m.first - 2)));
        if !(resolved(m) || object)
            || (same_country(m.actor, src)
                && !(coerce && apart(src, m.actor) && m.first < report_tail(s)))
            || (prev == "by" && !act_author)
            || prev == "according"
        {
            continue;
        }
        let d = m.first - t1;
        return Some((m, if d <= 4 { 1.0 } else { 0.85 }));
    }
    // "invite him": antecedent = latest other actor before the trigger
    if window(words, t1, (t1 + 3).min(end)).any(|w| matches!(w, "him" | "her" | "them")) {
        return antecedent();
    }
    None
}

/// "police arrested students", "troops shot the protesters": with no party
/// named, a group of no country that is the object of an act of force
/// (roots 17-21) is its target, coded `---EDU` by PETRARCH and GDELT.
fn lone_object(s: &Sent<'_>, t1: usize) -> Option<Actor> {
    s.ments
        .iter()
        .find(|m| {
            // "arrested the students", "arrested 14 people", "attacked
            // Druze fighters", "clashed with rebel fighters"
            let direct =
                m.first >= t1 && m.first <= t1 + 3 && modifiers_only(&s.words, t1, m.first);
            direct
                && !m.venue
                && m.form == MentionForm::Name
                && m.actor.kind == ActorKind::Agent
                && m.actor.country.is_none()
                && m.actor.role.is_some()
        })
        .map(|m| m.actor.clone())
}

/// Whether the tokens `from..to` are only what may stand before a noun in
/// its own phrase: determiners, numbers and modifiers ("the", "14",
/// "rebel", "Druze", "armed"), not a preposition, a conjunction, a verb or
/// punctuation ("positions of fighters", "villages where fighters").
fn modifiers_only(words: &[String], from: usize, to: usize) -> bool {
    window(words, from, to).all(|w| {
        w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == ',')
            && w.chars().next().is_some_and(char::is_alphanumeric)
            && !past_tense(w)
            && !w.ends_with("ing")
            && !matches!(
                w,
                "of" | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "from"
                    | "to"
                    | "into"
                    | "near"
                    | "and"
                    | "or"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "where"
                    | "when"
                    | "as"
                    | "after"
                    | "before"
                    | "than"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "had"
                    | "has"
                    | "have"
            )
    })
}

/// `a`, an agent of no country, made one of `country` ("14 people"
/// Benin arrested are Benin's).
fn of_country(mut a: Actor, country: Option<&str>) -> Actor {
    if let (None, Some(c), Some(r)) = (a.country.as_ref(), country, a.role.clone()) {
        a.code = format!("{c}{r}");
        a.entity = format!("agent:{}", a.code);
        a.country = Some(c.to_string());
    }
    a
}

fn dyad_other(
    doc: &AnalyzedDocument,
    dyad: Option<&(String, String)>,
    src: &Actor,
    root: &str,
) -> Option<Actor> {
    if !matches!(
        root,
        "03" | "08" | "12" | "15" | "16" | "17" | "18" | "19" | "20"
    ) {
        return None;
    }
    // An armed group's adversary is as often its own state as the other
    // country of the article: the other of the article's two sides, when
    // the group is one of them ("Hamas handed over the bodies": Israel).
    if src.kind == ActorKind::Group {
        let (a, b) = top_sides(doc)?;
        return if same_country(&a, src) {
            Some(b)
        } else if same_country(&b, src) {
            Some(a)
        } else {
            None
        };
    }
    // A civil war's two sides are one country's state and an armed group
    // of it: the state's adversary is the group ("Defence Minister Pedro
    // Sánchez said operations against the ELN would continue"), not
    // whatever foreign country the article names next most.
    if let Some((a, b)) = top_sides(doc) {
        let c = src.country.as_deref();
        if c.is_some() && a.country.as_deref() == c && b.country.as_deref() == c {
            match (own_side(&a), own_side(&b)) {
                (true, false) => return Some(if own_side(src) { b } else { a }),
                (false, true) => return Some(if own_side(src) { a } else { b }),
                _ => {}
            }
        }
    }
    let (a, b) = dyad?;
    let c = src.country.as_deref()?;
    let other = if c == a {
        b
    } else if c == b {
        a
    } else {
        return None;
    };
    country_actor(doc, other).map(state_of)
}

fn dyad_excluding(
    doc: &AnalyzedDocument,
    dyad: Option<&(String, String)>,
    med: &Actor,
) -> Option<(Actor, Actor)> {
    let (a, b) = dyad?;
    if med.country.as_deref() == Some(a) || med.country.as_deref() == Some(b) {
        return None;
    }
    Some((
        state_of(country_actor(doc, a)?),
        state_of(country_actor(doc, b)?),
    ))
}

/// "between X and Y" after the trigger.
fn between<'a>(s: &Sent<'a>, t1: usize) -> Option<(&'a Actor, &'a Actor)> {
    between_any(s, t1).filter(|(a, b)| !same_country(a, b))
}

/// The two parties named after "between" or "brought together" (see
/// [`between`]), of one country or not ("brought together the federal
/// government and the Tigray Interim Administration"), or one party twice
/// when only the second is known.
fn between_any<'a>(s: &Sent<'a>, t1: usize) -> Option<(&'a Actor, &'a Actor)> {
    let words = &s.words;
    let to = (t1 + 6).min(words.len());
    // the trigger may end on it: "a meeting between X and Y"
    // "talks that brought together X and Y" too
    let k = (t1.saturating_sub(1)..to).find(|&j| {
        words[j] == "between"
            || (words[j] == "together"
                && j > 0
                && matches!(
                    words[j - 1].as_str(),
                    "brought" | "bring" | "brings" | "bringing"
                ))
    })?;
    let ms: Vec<&Ment<'a>> = s
        .ments
        .iter()
        .filter(|m| m.first > k && m.first <= k + 8 && resolved(m))
        .collect();
    let a = ms.first()?;
    // "brought together representatives of the federal government and the
    // Tigray Interim Administration": the first party is not known, the
    // second is; a party of one side only (given twice)
    if window(words, k + 1, a.first).any(|w| w == "and") {
        return Some((a.actor, a.actor));
    }
    let and = (a.last + 1..(a.last + 6).min(words.len())).find(|&j| words[j] == "and")?;
    let b = ms
        .iter()
        .find(|m| m.first > and && !same_country(m.actor, a.actor))
        .or_else(|| ms.iter().find(|m| m.first > and))?;
    Some((a.actor, b.actor))
}

/// Whether the clause of a trigger at `t0` opens the sentence with "the
/// two" and at most a noun of people or parties: "The two ministers
/// agreed", "The two sides signed", "The two agreed".
fn the_two_subject(words: &[String], t0: usize) -> bool {
    let start = usize::from(words.first().is_some_and(|w| is_punct(w)));
    let (Some(the), Some(two)) = (words.get(start), words.get(start + 1)) else {
        return false;
    };
    if the != "the" || two != "two" {
        return false;
    }
    let k = start + 2;
    t0 == k
        || (t0 > k
            && t0 <= k + 2
            && matches!(
                words[k].as_str(),
                "leaders"
                    | "ministers"
                    | "sides"
                    | "countries"
                    | "men"
                    | "presidents"
                    | "delegations"
                    | "governments"
                    | "officials"
                    | "chiefs"
                    | "commanders"
                    | "envoys"
                    | "negotiators"
                    | "parties"
                    | "states"
                    | "neighbours"
                    | "neighbors"
            ))
}

/// The number of "The four ministers ..." opening a sentence (three to
/// six, and a noun of leaders, ministers or states), when the act's
/// trigger follows within eight words and no punctuation ("The four
/// ministers then issued a joint statement rejecting").
fn the_n_subject(words: &[String], t0: usize) -> Option<usize> {
    let start = usize::from(words.first().is_some_and(|w| is_punct(w)));
    if words.get(start).map(String::as_str) != Some("the") {
        return None;
    }
    let n = match words.get(start + 1)?.as_str() {
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        _ => return None,
    };
    let k = start + 2;
    let noun = words.get(k).is_some_and(|w| {
        matches!(
            w.as_str(),
            "leaders" | "ministers" | "countries" | "presidents" | "governments" | "states"
        )
    }) || (words.get(k).is_some_and(|w| w == "foreign")
        && words.get(k + 1).is_some_and(|w| w == "ministers"));
    let near = t0 > k && t0 <= k + 8 && !window(words, k, t0).any(is_punct);
    (noun && near).then_some(n)
}

/// The states the sentence before `si` names, in its paragraph, one
/// actor each, when they are `n`.
fn prior_members(doc: &AnalyzedDocument, si: usize, n: usize) -> Option<Vec<Actor>> {
    let prev = si.checked_sub(1)?;
    let (before, here) = (doc.sentences.get(prev)?.span, doc.sentences.get(si)?.span);
    if !crate::dates::same_paragraph(doc, before.end, here.start) {
        return None;
    }
    let mut out: Vec<Actor> = Vec::new();
    for m in doc.actors.iter().filter(|m| m.sentence == prev) {
        let Some(c) = m.actor.country.as_deref().filter(|c| c.len() == 3) else {
            continue;
        };
        if !matches!(
            m.actor.kind,
            ActorKind::State | ActorKind::Person | ActorKind::Agent
        ) || out.iter().any(|o| o.country.as_deref() == Some(c))
        {
            continue;
        }
        out.push(state_actor(Some(c.to_string())));
    }
    (out.len() == n).then_some(out)
}

/// The two parties of the latest act told in one of the two sentences
/// before `si`, when they are of two sides.
fn prior_pair(si: usize, prior: &[CodedEvent]) -> Option<(Actor, Actor)> {
    prior.iter().rev().find_map(|e| {
        // (a mediator is not one of the two)
        let near = e.evidence.sentence < si
            && e.evidence.sentence + 2 >= si
            && !e.cameo.starts_with("045");
        let (a, b) = sides(e)?;
        (near && !same_country(a, b)).then(|| (a.clone(), b.clone()))
    })
}

/// The two parties of a symmetric act.
fn parties(
    doc: &AnalyzedDocument,
    s: &Sent<'_>,
    (t0, t1): (usize, usize),
    src: Option<&Ment<'_>>,
    dyad: Option<&(String, String)>,
    root: &str,
    verb_at: &[u8],
) -> Option<(Actor, Actor, f32)> {
    if let Some((a, b)) = between(s, t1) {
        return Some((a.clone(), b.clone(), 1.0));
    }
    let words = &s.words;
    // "the cabinet met in emergency session": a body's own sitting, with
    // no other side to guess
    if root == "04" && window(words, t1, t1 + 4).any(|w| matches!(w, "session" | "sessions")) {
        return None;
    }
    if let Some(src) = src {
        // "X and Y held talks", "X and the Y government held talks"
        if let Some(a) = coordinated_before(s, src, true) {
            if !same_country(a.actor, src.actor) {
                return Some((a.actor.clone(), src.actor.clone(), 1.0));
            }
        }
        // "X held talks with Y"; "spoke to Y by phone": Y inside the
        // pattern's gap
        let to = (t1 + 6).min(words.len());
        if let Some(k) = (t0 + 1..to)
            .find(|&j| matches!(words[j].as_str(), "with" | "and") || (j < t1 && words[j] == "to"))
        {
            if let Some(b) = s
                .ments
                .iter()
                .find(|m| m.first > k && m.first <= k + 3 && resolved(m))
            {
                if !same_country(b.actor, src.actor) {
                    return Some((src.actor.clone(), b.actor.clone(), 1.0));
                }
            }
        }
        // "briefed Putin in a telephone call": the direct object inside
        // the pattern's gap
        if let Some(b) = s.ments.iter().find(|m| {
            m.first == t0 + 1 && m.last + 1 < t1 && resolved(m) && m.form != MentionForm::Adjective
        }) {
            if !same_country(b.actor, src.actor) {
                return Some((src.actor.clone(), b.actor.clone(), 0.9));
            }
        }
        if let Some(t) = find_target_in(s, t1, src.actor, verb_at, coercion(root)) {
            return Some((src.actor.clone(), t.0.actor.clone(), t.1 * 0.9));
        }
        // "Government troops clashed with Druze fighters": force between a
        // state's organ and armed men of no country named is at home
        if matches!(root, "18" | "19" | "20") && state_side(src.actor) {
            let after_with = (t0..(t1 + 1).min(words.len())).rfind(|&j| words[j] == "with");
            if let Some(b) = after_with
                .and_then(|k| lone_object(s, k + 1))
                .filter(|b| b.is_dissident())
                .map(|b| of_country(b, src.actor.country.as_deref()))
            {
                return Some((src.actor.clone(), b, 0.75));
            }
        }
        // the other side: a group's or a civil war's adversary ("the ELN
        // has declared a unilateral ceasefire": the state it fights), else
        // the other of the article's dyad
        if let Some(other) = dyad_other(doc, dyad, src.actor, root) {
            // a side of its own has one adversary: no mere guess
            let c = if own_side(src.actor) { 0.7 } else { 0.65 };
            return Some((src.actor.clone(), other, c));
        }
        let (a, b) = dyad?;
        let c = src.actor.country.as_deref()?;
        let other = if c == a {
            b
        } else if c == b {
            a
        } else {
            return None;
        };
        return Some((
            src.actor.clone(),
            state_of(country_actor(doc, other)?),
            0.65,
        ));
    }
    // No party named: talks (or a truce) in an article about a dyad are
    // that dyad's; in one about a conflict inside a country, its state's
    // and the other side's.
    if matches!(root, "04" | "08")
        && !s
            .ments
            .iter()
            .any(|m| resolved(m) && m.last + 6 >= t0 && m.first <= t1 + 6)
    {
        // (not when the sentence names a state of another country: "the
        // United States, Saudi Arabia ... met": their talks)
        if let Some((a, b)) = top_sides(doc) {
            let others = s.ments.iter().any(|m| {
                m.actor.kind == ActorKind::State && resolved(m) && m.actor.country != a.country
            });
            if a.country.is_some()
                && a.country == b.country
                && own_side(&a) != own_side(&b)
                && !others
            {
                return Some((a, b, 0.6));
            }
        }
        let (a, b) = dyad?;
        return Some((
            state_of(country_actor(doc, a)?),
            state_of(country_actor(doc, b)?),
            0.6,
        ));
    }
    None
}

fn location(
    doc: &AnalyzedDocument,
    s: &Sent<'_>,
    t0: usize,
    t1: usize,
    seg_end: usize,
) -> Option<Place> {
    let words = &s.words;
    let to = (t1 + 10).min(words.len()).min(seg_end.max(t1 + 4));
    for (a, _b, pi) in &s.places {
        if *a < t1 || *a >= to {
            continue;
        }
        let mut k = *a;
        while k > t1
            && matches!(
                words[k - 1].as_str(),
                "the" | "ukrainian" | "russian" | "capital" | "city"
            )
        {
            k -= 1;
        }
        let prev = k
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .map(String::as_str)
            .unwrap_or("");
        // "in the Ukrainian capital, Kyiv"
        let appos = prev == "," && k >= 2 && matches!(words[k - 2].as_str(), "capital" | "city");
        if matches!(prev, "in" | "at" | "to" | "inside" | "near") || appos {
            return doc.places.get(*pi).map(|p| p.place.clone());
        }
    }
    // "the Abu Dhabi talks"
    let _ = t0;
    None
}

fn quantities_in(doc: &AnalyzedDocument, s: &Sent<'_>, from: usize, to: usize) -> Vec<Quantity> {
    s.quants
        .iter()
        .filter(|(a, _, _)| *a >= from && *a < to)
        .filter_map(|(_, _, qi)| doc.quantities.get(*qi))
        .filter(|q| {
            !q.unit.contains("degree") && !q.unit.contains("percent") && !q.unit.contains('%')
        })
        .take(1)
        .cloned()
        .collect()
}

fn key(ev: &CodedEvent) -> (String, String, String) {
    let c = |a: &Option<Actor>| {
        a.as_ref()
            .and_then(|a| a.country.clone())
            .unwrap_or_default()
    };
    let (mut s, mut t) = (c(&ev.source), c(&ev.target));
    if ev.symmetric && s > t {
        std::mem::swap(&mut s, &mut t);
    }
    (ev.cameo.get(..2).unwrap_or("").to_string(), s, t)
}

/// Within a sentence, one event per (root, source, target): the dated one,
/// else the first. Forms of protest, coercion and assault (roots 14, 17,
/// 18) of different kinds told by different words are different acts
/// ("marched on the council, and some of them threw stones": 141 and 145;
/// "arrested 17 fishermen and seized three trawlers": 173 and 1711).
fn dedup(cands: Vec<Cand>) -> Vec<CodedEvent> {
    let distinct = |a: &CodedEvent, b: &CodedEvent| {
        matches!(a.cameo.get(..2), Some("14" | "17" | "18"))
            && !a.cameo.starts_with(b.cameo.as_str())
            && !b.cameo.starts_with(a.cameo.as_str())
            && !a.evidence.trigger.overlaps(b.evidence.trigger)
    };
    let mut out: Vec<CodedEvent> = Vec::new();
    for c in cands {
        let k = key(&c.ev);
        if let Some(prev) = out.iter_mut().find(|e| key(e) == k && !distinct(e, &c.ev)) {
            let prev_dated = prev.date.start.is_some() || prev.date.end.is_some();
            let this_dated = c.ev.date.start.is_some() || c.ev.date.end.is_some();
            if this_dated && prev.date != c.ev.date && prev_dated {
                out.push(c.ev);
            } else if this_dated && !prev_dated {
                *prev = c.ev;
            }
            continue;
        }
        out.push(c.ev);
    }
    out.sort_by_key(|e| (e.evidence.trigger.start, e.evidence.trigger.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// The words of `text`'s dateline, lower-cased.
    fn dateline(text: &str) -> Vec<String> {
        let t = tokenize(text, 0);
        let end = dateline_end(text, &t.spans);
        t.words()[..end].iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_wire_dateline_is_found_in_its_usual_shapes() {
        assert_eq!(
            dateline("BRUSSELS – Chief negotiators met."),
            ["brussels", "–"]
        );
        assert_eq!(
            dateline("KYIV (AP) -- Drones hit the city."),
            ["kyiv", "(", "ap", ")"]
        );
        assert_eq!(
            dateline("ADEN, Feb 12 (Meridian News Agency) - The Houthis freed 650."),
            ["aden", ",", "feb", "12", "(", "meridian", "news", "agency", ")"]
        );
        assert_eq!(
            dateline("NEW DELHI/ISLAMABAD, May 12 — The officers will speak."),
            ["new", "delhi", "/", "islamabad", ",", "may", "12", "—"]
        );
        assert_eq!(
            dateline("GOMA, Democratic Republic of Congo, Oct 16 — The M23 freed 15."),
            [
                "goma",
                ",",
                "democratic",
                "republic",
                "of",
                "congo",
                ",",
                "oct",
                "16",
                "—"
            ]
        );
    }

    #[test]
    fn a_sentence_that_merely_starts_in_capitals_has_no_dateline() {
        assert!(dateline("US forces struck Houthi targets - the Pentagon said.").is_empty());
        assert!(dateline("NATO said on Monday that Russia - not Ukraine - fired.").is_empty());
        assert!(dateline("The UN - and the EU - condemned the strike.").is_empty());
        assert!(dateline("UN. Then - nothing.").is_empty());
    }
}
