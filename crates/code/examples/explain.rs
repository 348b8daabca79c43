//! Prints the mentions and coded events of a plain-text article:
//! `cargo run -p chronicler-code --example explain -- FILE [YYYY-MM-DD]`.

use chronicler_analyze::Analyzer;
use chronicler_code::Coder;
use chronicler_core::{CleanDocument, Format, Metadata};
use chronicler_dict::Dictionaries;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: explain FILE [DATE]")?;
    let today: jiff::civil::Date = args.get(2).map_or("2026-01-30", String::as_str).parse()?;
    let text = std::fs::read_to_string(path)?;
    let dicts = Dictionaries::builtin()?;
    let doc = CleanDocument {
        id: path.clone(),
        path: path.clone(),
        format: Format::Text,
        meta: Metadata {
            published: Some(today.to_string()),
            ..Metadata::default()
        },
        extracted: text.clone(),
        text,
        segments: vec![],
        cited_sources: vec![],
        removed: vec![],
        warnings: vec![],
    };
    let a = Analyzer::new(&dicts).analyze(doc, today);
    let evs = Coder::new(&dicts).code(&a);
    for s in &a.sentences {
        println!("\n[{}] {}", s.index, a.sentence_text(s.index));
        for m in a.actors.iter().filter(|m| m.sentence == s.index) {
            println!(
                "   actor {:?} -> {} {:?} {:?}",
                m.span.slice(&a.doc.text),
                m.actor.name,
                m.actor.country,
                m.form
            );
        }
        for m in a.places.iter().filter(|m| m.sentence == s.index) {
            println!(
                "   place {:?} -> {}",
                m.span.slice(&a.doc.text),
                m.place.name
            );
        }
        for m in a.dates.iter().filter(|m| m.sentence == s.index) {
            println!(
                "   date {:?} -> {:?}..{:?}",
                m.span.slice(&a.doc.text),
                m.range.start,
                m.range.end
            );
        }
        for e in evs.iter().filter(|e| e.evidence.sentence == s.index) {
            let c = |x: &Option<chronicler_core::Actor>| {
                x.as_ref()
                    .and_then(|a| a.country.clone())
                    .unwrap_or_default()
            };
            println!(
                "   ==> {} {}>{} {} {:?}..{:?} ({}) [{}] {:.2} loc={:?}",
                e.cameo,
                c(&e.source),
                c(&e.target),
                e.status.as_str(),
                e.date.start,
                e.date.end,
                e.evidence.date_from.describe(),
                e.rule,
                e.confidence,
                e.location.as_ref().map(|p| &p.name)
            );
        }
    }
    Ok(())
}
