//! Entity evaluation against `eval/dev/*.entities.json`: shared by the
//! `entity_report` example (which writes `eval/reports/entities.md`) and the
//! `entities` test (which asserts the shares stay above a floor).
//!
//! Each gold entity lists the ways an article names it (`variants`). Every
//! occurrence of a variant in the *clean* text is one gold mention (longest
//! variant first, no overlaps). A gold mention is *found* when an actor or
//! place mention overlaps it, and *resolved* when one of those resolves to
//! the gold entity:
//! - PERSON: an actor of kind person with the canonical name;
//! - ORG: an actor whose name is the canonical name (or, for a government
//!   metonym, whose country is the entity's country);
//! - PLACE: a place with the canonical name (or, for a country, a place or a
//!   state/government actor of that country: "Washington" for the United
//!   States; or the state qualifying a title inside a longer mention:
//!   "US" in "US President Donald Trump", whose actor keeps the country).
//!
//! Variants absent from the clean text (captions, credits and source lists
//! the cleaner drops) are reported, not counted.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use chronicler_analyze::Analyzer;
use chronicler_core::{ActorKind, AnalyzedDocument, Body, Format, Metadata, RawDocument, Span};
use chronicler_dict::Dictionaries;
use jiff::civil::Date;
use serde_json::Value;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A gold entity.
#[derive(Debug, Clone)]
pub struct Gold {
    /// PERSON, ORG, PLACE.
    pub kind: String,
    /// Canonical name.
    pub canonical: String,
    /// ISO3 country, if any.
    pub country: Option<String>,
    /// Subtype (places: city, country, facility, region).
    pub subtype: Option<String>,
    /// The annotator's note.
    pub notes: String,
    /// Variants.
    pub variants: Vec<String>,
}

/// One gold mention and what the analysis made of it.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The variant as found in the text.
    pub text: String,
    /// Where.
    pub span: Span,
    /// Found by any mention.
    pub found: bool,
    /// Resolved to the right entity.
    pub resolved: bool,
    /// What the analysis gave (for misses).
    pub got: String,
    /// The sentence around it.
    pub context: String,
}

/// The evaluation of one gold entity.
#[derive(Debug, Clone)]
pub struct EntityResult {
    /// Gold entity.
    pub gold: Gold,
    /// Its mentions in the clean text.
    pub mentions: Vec<Outcome>,
    /// Variants not in the clean text, with whether the raw text has them.
    pub absent: Vec<(String, bool)>,
}

impl EntityResult {
    /// In scope: named at least once in the clean text.
    pub fn in_scope(&self) -> bool {
        !self.mentions.is_empty()
    }
    /// Resolved at least once.
    pub fn resolved(&self) -> bool {
        self.mentions.iter().any(|m| m.resolved)
    }
}

/// One article's evaluation.
#[derive(Debug, Clone)]
pub struct ArticleResult {
    /// File stem.
    pub name: String,
    /// Entities.
    pub entities: Vec<EntityResult>,
    /// Clean text bytes.
    pub clean_bytes: usize,
}

/// The articles that have gold entities (sorted).
pub fn gold_articles() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join("eval/dev"))
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".entities.json"))
                .map(String::from)
        })
        .collect();
    out.sort();
    out
}

/// Reads, cleans and analyses an example article.
pub fn analyze(dicts: &Dictionaries, name: &str) -> (String, AnalyzedDocument) {
    let dir = root().join("examples/articles");
    let raw = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let meta: Value = std::fs::read_to_string(dir.join(format!("{name}.meta.json")))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    let get = |k: &str| meta.get(k).and_then(Value::as_str).map(String::from);
    let doc = RawDocument {
        id: name.to_string(),
        path: format!("examples/articles/{name}.txt"),
        format: Format::Text,
        meta: Metadata {
            url: get("url"),
            title: get("title"),
            outlet: get("outlet"),
            published: get("published"),
            captured: None,
        },
        body: Body::Text(raw.clone()),
        warnings: Vec::new(),
    };
    let clean = chronicler_clean::clean(doc).unwrap();
    let today = Date::new(2026, 2, 10).unwrap();
    (raw, Analyzer::new(dicts).analyze(clean, today))
}

fn read_gold(name: &str) -> Vec<Gold> {
    let path = root().join(format!("eval/dev/{name}.entities.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let s = |e: &Value, k: &str| e.get(k).and_then(Value::as_str).map(String::from);
    v["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| Gold {
            kind: s(e, "type").unwrap_or_default(),
            canonical: s(e, "canonical").unwrap_or_default(),
            country: s(e, "country"),
            subtype: s(e, "subtype"),
            notes: s(e, "notes").unwrap_or_default(),
            variants: e["variants"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
        })
        .collect()
}

fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let (s, e) = (from + i, from + i + needle.len());
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            out.push(Span::new(s, e));
        }
        from = e;
    }
    out
}

fn sentence_around(a: &AnalyzedDocument, span: Span) -> String {
    a.sentences
        .iter()
        .find(|s| s.span.contains(Span::new(span.start, span.start)))
        .map(|s| s.span.slice(&a.doc.text).replace('\n', " "))
        .unwrap_or_default()
}

fn resolves(g: &Gold, a: &AnalyzedDocument, span: Span) -> (bool, bool, String) {
    let mut found = false;
    let mut got = Vec::new();
    let canon = g.canonical.to_lowercase();
    for m in a.actors.iter().filter(|m| m.span.overlaps(span)) {
        found = true;
        let ac = &m.actor;
        let ok = match g.kind.as_str() {
            "PERSON" => ac.kind == ActorKind::Person && ac.name.to_lowercase() == canon,
            "ORG" => {
                ac.name.to_lowercase() == canon
                    || (ac.kind == ActorKind::State
                        && ac.entity.starts_with("gov:")
                        && ac.country == g.country
                        && ac.name.to_lowercase().contains(&canon))
            }
            // A country named as a state actor ("Washington"), or as the
            // qualifier of a title inside a longer mention ("US President
            // Donald Trump"): the mention keeps the country.
            "PLACE" => {
                g.subtype.as_deref() == Some("country")
                    && ac.country == g.country
                    && (ac.kind == ActorKind::State || m.span.len() > span.len())
            }
            _ => false,
        };
        if ok {
            return (true, true, String::new());
        }
        got.push(format!("actor {} ({})", ac.entity, ac.code));
    }
    for m in a.places.iter().filter(|m| m.span.overlaps(span)) {
        found = true;
        let p = &m.place;
        let ok = g.kind == "PLACE"
            && (p.name.to_lowercase() == canon
                || (g.subtype.as_deref() == Some("country")
                    && p.kind == "country"
                    && p.country == g.country));
        if ok {
            return (true, true, String::new());
        }
        got.push(format!(
            "place {} ({}, {})",
            p.name,
            p.kind,
            p.country.as_deref().unwrap_or("-")
        ));
    }
    for u in a.unresolved.iter().filter(|u| u.span.overlaps(span)) {
        got.push(format!("unresolved name {:?}", u.text));
    }
    if got.is_empty() {
        got.push("nothing".into());
    }
    (found, false, got.join("; "))
}

/// Evaluates one article.
pub fn evaluate(dicts: &Dictionaries, name: &str) -> ArticleResult {
    let (raw, a) = analyze(dicts, name);
    let text = &a.doc.text;
    let mut entities = Vec::new();
    for g in read_gold(name) {
        let mut variants = g.variants.clone();
        variants.sort_by_key(|v| std::cmp::Reverse(v.len()));
        variants.dedup();
        let mut taken: Vec<Span> = Vec::new();
        let mut mentions = Vec::new();
        let mut absent = Vec::new();
        for v in &variants {
            let occ = occurrences(text, v);
            if occ.is_empty()
                && !variants
                    .iter()
                    .any(|w| w != v && w.contains(v.as_str()) && !occurrences(text, w).is_empty())
            {
                absent.push((v.clone(), raw.contains(v.as_str())));
            }
            for span in occ {
                if taken.iter().any(|t| t.overlaps(span)) {
                    continue;
                }
                taken.push(span);
                let (found, resolved, got) = resolves(&g, &a, span);
                mentions.push(Outcome {
                    text: v.clone(),
                    span,
                    found,
                    resolved,
                    got,
                    context: sentence_around(&a, span),
                });
            }
        }
        mentions.sort_by_key(|m| m.span);
        entities.push(EntityResult {
            gold: g,
            mentions,
            absent,
        });
    }
    ArticleResult {
        name: name.to_string(),
        entities,
        clean_bytes: text.len(),
    }
}

/// Shares by gold type: (type, entities resolved, entities in scope,
/// mentions resolved, mentions in scope).
pub fn shares(results: &[ArticleResult]) -> Vec<(String, usize, usize, usize, usize)> {
    ["PERSON", "ORG", "PLACE"]
        .iter()
        .map(|k| {
            let ents: Vec<&EntityResult> = results
                .iter()
                .flat_map(|r| r.entities.iter())
                .filter(|e| e.gold.kind == *k && e.in_scope())
                .collect();
            let er = ents.iter().filter(|e| e.resolved()).count();
            let ms: Vec<&Outcome> = ents.iter().flat_map(|e| e.mentions.iter()).collect();
            let mr = ms.iter().filter(|m| m.resolved).count();
            (k.to_string(), er, ents.len(), mr, ms.len())
        })
        .collect()
}
