//! Shared by the coder's integration tests: a plain-text document published
//! on `today`, through the real analyzer and coder.

use chronicler_analyze::Analyzer;
use chronicler_code::Coder;
use chronicler_core::{CleanDocument, CodedEvent, Format, Metadata};
use chronicler_dict::Dictionaries;
use jiff::civil::Date;

/// The events the coder finds in `text`, published on `today`.
pub fn code_text(dicts: &Dictionaries, id: &str, text: &str, today: Date) -> Vec<CodedEvent> {
    let doc = CleanDocument {
        id: id.into(),
        path: id.into(),
        format: Format::Text,
        meta: Metadata {
            published: Some(today.to_string()),
            ..Metadata::default()
        },
        extracted: text.into(),
        text: text.into(),
        segments: vec![],
        cited_sources: vec![],
        removed: vec![],
        warnings: vec![],
    };
    Coder::new(dicts).code(&Analyzer::new(dicts).analyze(doc, today))
}
