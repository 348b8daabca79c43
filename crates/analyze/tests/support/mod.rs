pub mod entity_eval;

use std::sync::OnceLock;

use chronicler_analyze::Analyzer;
use chronicler_core::{AnalyzedDocument, CleanDocument, Format, Metadata};
use chronicler_dict::Dictionaries;
use jiff::civil::Date;

/// The built-in dictionaries, loaded once per test binary.
#[allow(dead_code)]
pub fn dicts() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| Dictionaries::builtin().unwrap())
}

/// Analyses `text` as a plain-text article published on 2026-01-30.
#[allow(dead_code)]
pub fn analyze(text: &str) -> AnalyzedDocument {
    analyze_with(
        dicts(),
        text,
        Some("2026-01-30"),
        Date::new(2026, 2, 1).unwrap(),
    )
}

/// Analyses `text` with `dicts` as a plain-text article published on
/// `published` (metadata), on `today`.
#[allow(dead_code)]
pub fn analyze_with(
    dicts: &Dictionaries,
    text: &str,
    published: Option<&str>,
    today: Date,
) -> AnalyzedDocument {
    let meta = Metadata {
        published: published.map(String::from),
        ..Metadata::default()
    };
    Analyzer::new(dicts).analyze(clean_doc(text, meta), today)
}

/// `text` as a cleaned plain-text article with `meta`.
#[allow(dead_code)]
pub fn clean_doc(text: &str, meta: Metadata) -> CleanDocument {
    CleanDocument {
        id: "t".into(),
        path: "t".into(),
        format: Format::Text,
        meta,
        extracted: text.into(),
        text: text.into(),
        segments: Vec::new(),
        cited_sources: Vec::new(),
        removed: Vec::new(),
        warnings: Vec::new(),
    }
}

/// (surface text, code) of every actor mention.
#[allow(dead_code)]
pub fn actor_codes(a: &AnalyzedDocument) -> Vec<(String, String)> {
    a.actors
        .iter()
        .map(|m| (m.span.slice(&a.doc.text).to_string(), m.actor.code.clone()))
        .collect()
}
