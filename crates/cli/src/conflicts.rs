//! `chronicler conflicts`: events whose reports disagree on a date, a
//! place or a count, every value with its sources.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// `conflicts` arguments.
#[derive(Debug, Args)]
pub struct ConflictsArgs {
    /// JSON instead of a listing.
    #[arg(long)]
    pub json: bool,
}

pub const HELP: &str = "Examples:\n  chronicler conflicts\n  chronicler conflicts --json";

pub fn conflicts(db: &Path, a: ConflictsArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
    // One merged event at a time: its disagreements need only its own
    // reports and their documents' clusters; those reported by one
    // document alone cannot disagree and are not merged.
    let mut list = Vec::new();
    for part in chronicler_query::multi_document_stream(&store)? {
        list.extend(chronicler_query::conflicts(&part?));
    }
    let mut out = crate::output::stdout();
    if a.json {
        crate::output::json(&list, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        writeln!(out, "no disagreements between sources")?;
    }
    for e in &list {
        writeln!(out, "{}  {}  {}", e.id, e.when, e.what)?;
        for d in &e.disagreements {
            writeln!(out, "    {}:", d.field)?;
            for claim in &d.claims {
                writeln!(out, "      {}  ({})", claim.value, claim.sources.join(", "))?;
                writeln!(out, "        \"{}\"", claim.sentence)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
