//! # chronicler-analyze
//!
//! Finds what events are built from in a [`CleanDocument`]: sentences,
//! actor mentions (tied within the article to one entity), places, dates
//! (resolved against the publication date) and quantities. The result is an
//! [`AnalyzedDocument`].
#![deny(missing_docs)]

pub mod acronyms;
pub mod coref;
pub mod dates;
pub mod local_agents;
pub mod mentions;
pub mod named_groups;
pub mod quantities;
pub mod sentences;
pub mod titled_people;

use std::sync::OnceLock;

use chronicler_core::{
    ActorKind, AnalyzedDocument, CleanDocument, DateMention, DateSource, Published, Quantity, Span,
};
use chronicler_dict::Dictionaries;
use jiff::civil::Date;
use regex::Regex;

/// Analyzes documents with a set of dictionaries.
#[derive(Debug)]
pub struct Analyzer<'d> {
    dicts: &'d Dictionaries,
}

fn dateline_re() -> Option<&'static Regex> {
    static R: OnceLock<Option<Regex>> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^[A-Z][A-Za-z .,'/-]{1,40},?\s+(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2})(?:,?\s+(?P<y>\d{4}))?\s*[(/-]").ok()
    })
    .as_ref()
}

/// The publication date: metadata (as [`chronicler_core::parse_published`]
/// reads it: placeholders such as `0001-01-01` are no date), else a
/// date in the article's URL ([`chronicler_core::date_in_url`]), else the
/// day an archive recorded the page ([`chronicler_core::Metadata::captured`]), else a
/// dateline or the latest full date in the first paragraphs, else `today`.
pub fn publication_date(doc: &CleanDocument, today: Date) -> Published {
    use chronicler_core::{date_in_url, parse_published};
    let meta = &doc.meta;
    let given = [
        (
            meta.published.as_deref().and_then(parse_published),
            DateSource::Metadata,
        ),
        (
            // The article's URL, or its id when that is one (a page a
            // feed pointed to, before its canonical link is known).
            meta.url
                .as_deref()
                .or_else(|| {
                    let id = doc.id.as_str();
                    (id.starts_with("http://") || id.starts_with("https://")).then_some(id)
                })
                .and_then(date_in_url)
                .filter(|d| *d <= today),
            DateSource::Url,
        ),
        (
            meta.captured.as_deref().and_then(parse_published),
            DateSource::Capture,
        ),
    ];
    if let Some((date, source)) = given
        .into_iter()
        .find_map(|(date, source)| Some((date?, source)))
    {
        return Published { date, source };
    }
    let head: String = doc
        .text
        .split("\n\n")
        .take(3)
        .collect::<Vec<_>>()
        .join("\n\n");
    if let Some(c) = dateline_re().and_then(|r| head.lines().find_map(|l| r.captures(l))) {
        let m = c
            .name("m")
            .and_then(|m| chronicler_core::month_number(m.as_str()));
        let d = c.name("d").and_then(|d| d.as_str().parse::<i8>().ok());
        if let (Some(m), Some(d)) = (m, d) {
            let y = c
                .name("y")
                .and_then(|y| y.as_str().parse::<i16>().ok())
                .unwrap_or(today.year());
            if let Ok(mut date) = Date::new(y, m, d) {
                if c.name("y").is_none() && date > today {
                    date = Date::new(y - 1, m, d).unwrap_or(date);
                }
                return Published {
                    date,
                    source: DateSource::Inferred,
                };
            }
        }
    }
    if let Some(d) = dates::latest_full_date(&head).filter(|d| *d <= today) {
        return Published {
            date: d,
            source: DateSource::Inferred,
        };
    }
    Published {
        date: today,
        source: DateSource::IngestTime,
    }
}

/// True for a name in capitals opening a line and followed by a comma or a
/// parenthesis: a dateline.
/// Whether `span` sits between two capitalised words, each joined to it by
/// one space and neither known (`taken`) nor a capitalised function word:
/// "Omar Garcia Harfuch", not "in Garcia" or "Garcia, Nuevo León".
fn inside_unknown_name(text: &str, span: Span, taken: &SpanSet) -> bool {
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && cs.all(char::is_alphabetic)
            && !matches!(
                w,
                "In" | "On"
                    | "At"
                    | "From"
                    | "The"
                    | "To"
                    | "For"
                    | "By"
                    | "Near"
                    | "And"
                    | "But"
                    | "Of"
                    | "With"
                    | "After"
                    | "Before"
                    | "Since"
                    | "As"
            )
    };
    let Some(before) = text.get(..span.start).and_then(|t| t.strip_suffix(' ')) else {
        return false;
    };
    let Some(after) = text.get(span.end..).and_then(|t| t.strip_prefix(' ')) else {
        return false;
    };
    let prev_start = before.rfind(' ').map_or(0, |i| i + 1);
    let prev = &before[prev_start..];
    let next_len = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    let next = &after[..next_len];
    capitalised(prev)
        && capitalised(next)
        && !taken.overlaps(Span::new(prev_start, before.len()))
        && !taken.overlaps(Span::new(span.end + 1, span.end + 1 + next_len))
}

/// Whether the mention at `span` is joined by a hyphen to a participle of
/// support or of speech: "Russian-backed", "Iran-aligned", "US-funded",
/// "French-speaking".
fn backer(text: &str, span: Span) -> bool {
    let Some(rest) = text.get(span.end..).and_then(|t| t.strip_prefix('-')) else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    matches!(
        word.as_str(),
        "backed"
            | "supported"
            | "funded"
            | "armed"
            | "allied"
            | "aligned"
            | "sponsored"
            | "installed"
            | "trained"
            | "financed"
            | "friendly"
            | "leaning"
            // "the French-speaking government": a language, no state;
            // "Bosnia's Serb-run entity": a people, no state
            | "speaking"
            | "run"
            | "majority"
            | "dominated"
            | "populated"
            | "inhabited"
    )
}

fn is_dateline(text: &str, span: Span) -> bool {
    let name = span.slice(text);
    let line_start = span.start == 0 || text[..span.start].ends_with('\n');
    let caps = name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let after = &text[span.end..];
    line_start && caps && (after.starts_with(',') || after.starts_with(" ("))
}

/// Spans sorted by start with the running maximum of their ends: whether a
/// span overlaps any of them is one binary search (spans may nest).
pub(crate) struct SpanSet {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl SpanSet {
    pub(crate) fn new(spans: impl Iterator<Item = Span>) -> SpanSet {
        let mut v: Vec<Span> = spans.collect();
        v.sort_unstable();
        let mut max = 0;
        let max_end = v
            .iter()
            .map(|s| {
                max = max.max(s.end);
                max
            })
            .collect();
        SpanSet {
            starts: v.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// True when some span shares a byte with `x`.
    pub(crate) fn overlaps(&self, x: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < x.end);
        before_end
            .checked_sub(1)
            .and_then(|i| self.max_end.get(i))
            .is_some_and(|&e| e > x.start)
    }
}

impl<'d> Analyzer<'d> {
    /// An analyzer over `dicts`.
    pub fn new(dicts: &'d Dictionaries) -> Analyzer<'d> {
        Analyzer { dicts }
    }

    /// Analyzes one document. `today` is the ingest date, the publication
    /// date of last resort. A document not in English
    /// ([`chronicler_core::language`]) keeps its sentences and a warning
    /// saying so, and nothing else is looked for in it.
    pub fn analyze(&self, doc: CleanDocument, today: Date) -> AnalyzedDocument {
        let published = publication_date(&doc, today);
        let text = doc.text.as_str();
        let sentences = sentences::split(text);
        // Not English: the sentences (for search), no mentions, no coding.
        let language = chronicler_core::language::language(text);
        if let Some(w) = language.warning() {
            let mut doc = doc;
            doc.warnings.push(w.to_string());
            return AnalyzedDocument {
                doc,
                published,
                sentences,
                actors: Vec::new(),
                places: Vec::new(),
                dates: Vec::new(),
                quantities: Vec::new(),
                unresolved: Vec::new(),
                language,
            };
        }
        let date = published.date;
        // The actors dictionary's matches: actor mentions, and the
        // "Ukrainian capital" places.
        let mut actor_matches = self.dicts.actors.find(text);
        // "in Niger state": a subdivision, not the state of that name
        actor_matches.retain(|m| !mentions::names_subdivision(&self.dicts.actors, m, text));
        let (mut actors, mut known) =
            mentions::actors(&self.dicts.actors, &actor_matches, text, &sentences, date);
        // A dateline ("PORT SUDAN, Jan 28 (Reuters) -") places the report; its
        // city is not the government acting.
        actors.retain(|m| !is_dateline(text, m.span));
        // "the Russian-backed region", "Iran-backed Houthis": the backing
        // state modifies another party's name and does not act in the
        // clause.
        actors.retain(|m| m.actor.kind != ActorKind::State || !backer(text, m.span));
        // "the Ambazonia Defence Forces (ADF)": the article's own ADF.
        acronyms::acronyms(text, &sentences, &mut actors);
        // "the network", "the rebels", "its foreign ministry": the earlier
        // actor they stand for.
        coref::resolve(
            &self.dicts.references,
            &self.dicts.actors,
            text,
            &sentences,
            date,
            &mut actors,
        );
        let mut places = mentions::places(
            &self.dicts.places,
            &self.dicts.actors,
            &actor_matches,
            text,
            &sentences,
            &actors,
        );
        // A place name inside a person's or organisation's name is not a place ("Vladimir Putin").
        // (A body named by its city, "Brussels" for the EU, keeps the
        // place: "a speech in Brussels" is where, not who.)
        let city_named: Vec<Span> = places.iter().map(|p| p.span).collect();
        let names = SpanSet::new(
            actors
                .iter()
                .filter(|a| {
                    matches!(
                        a.actor.kind,
                        ActorKind::Person | ActorKind::Organization | ActorKind::Group
                    ) && !(a.actor.kind == ActorKind::Organization && city_named.contains(&a.span))
                })
                .map(|a| a.span),
        );
        places.retain(|p| !names.overlaps(p.span));
        // "Omar Garcia Harfuch": a town's name between two capitalised
        // words no dictionary knows is part of a person's name.
        let taken = SpanSet::new(
            actors
                .iter()
                .map(|a| a.span)
                .chain(places.iter().map(|p| p.span)),
        );
        places.retain(|p| !inside_unknown_name(text, p.span, &taken));
        // "gunmen stormed a school": in a story of one country, its gunmen.
        local_agents::local_agents(&mut actors, &places, text);
        let found_dates = dates::find(text, date);
        let dates: Vec<DateMention> = found_dates
            .iter()
            .map(|f| DateMention {
                sentence: mentions::sentence_of(&sentences, f.span.start),
                span: f.span,
                range: f.range,
            })
            .collect();
        let date_spans: Vec<Span> = found_dates.iter().map(|f| f.span).collect();
        let quantities: Vec<Quantity> = quantities::find(text, &date_spans)
            .into_iter()
            .map(|q| {
                let r = quantities::read(text, &q);
                Quantity {
                    sentence: mentions::sentence_of(&sentences, q.span.start),
                    span: q.span,
                    value: q.value,
                    unit: q.unit,
                    text: q.text,
                    qualifier: r.qualifier,
                    min: r.min,
                    max: r.max,
                    kind: r.kind,
                }
            })
            .collect();
        known.extend(actors.iter().map(|m| m.span));
        known.extend(places.iter().map(|m| m.span));
        known.extend(date_spans);
        let mut unresolved = mentions::unresolved(text, &sentences, &known);
        // "China Coast Guard spokesperson Liu Dejun": an unknown name with
        // a post is a person of the post's actor.
        titled_people::titled_people(text, &sentences, &mut actors, &mut places, &mut unresolved);
        // "the Radaa Deterrence Force, the armed group that ...": an unknown
        // name an apposition calls an armed group is one.
        named_groups::named_groups(text, &mut actors, &mut unresolved);
        // ("TPNPB fighters", the group named so just now)
        local_agents::group_followers(&mut actors);
        AnalyzedDocument {
            doc,
            published,
            sentences,
            actors,
            places,
            dates,
            quantities,
            unresolved,
            language,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_set_finds_overlaps_among_nested_spans() {
        let set =
            SpanSet::new([Span::new(10, 40), Span::new(12, 15), Span::new(50, 60)].into_iter());
        assert!(set.overlaps(Span::new(38, 45)));
        assert!(set.overlaps(Span::new(13, 14)));
        assert!(set.overlaps(Span::new(0, 11)));
        assert!(!set.overlaps(Span::new(40, 50)));
        assert!(!set.overlaps(Span::new(0, 10)));
        assert!(!set.overlaps(Span::new(60, 70)));
        assert!(!SpanSet::new(std::iter::empty()).overlaps(Span::new(0, 5)));
    }
}
