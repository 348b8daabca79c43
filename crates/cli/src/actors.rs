//! `chronicler actors`: the actors the dictionaries resolved, with their
//! codes and mention counts; with `--unresolved`, the names no dictionary
//! knows, with counts and the sentences they stand in, so users can grow
//! their dictionaries (`--dict DIR` with `actors*.txt`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// `actors` arguments.
#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// Names no dictionary knows instead, most frequent first, with the
    /// sentences they stand in.
    #[arg(long)]
    pub unresolved: bool,
    /// Sentences shown for each unresolved name.
    #[arg(long, default_value_t = 2)]
    pub contexts: usize,
    /// At most this many rows (0: all).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
    /// JSON instead of a listing.
    #[arg(long)]
    pub json: bool,
}

pub const HELP: &str = "Examples:\n  chronicler actors\n  chronicler actors --unresolved --limit 20\n  chronicler actors --unresolved --json > names.json";

/// Characters of a sentence shown on each side of the name.
const AROUND: usize = 70;

/// The part of `sentence` around the first `name`, with ellipses where cut.
fn excerpt(sentence: &str, name: &str) -> String {
    let s = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = s.chars().collect();
    let at = s.find(name).map_or(0, |b| s[..b].chars().count());
    let from = at.saturating_sub(AROUND);
    let to = (at + name.chars().count() + AROUND).min(chars.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&chars[from..to]);
    if to < chars.len() {
        out.push('…');
    }
    out
}

fn take<T>(mut v: Vec<T>, limit: usize) -> Vec<T> {
    if limit > 0 {
        v.truncate(limit);
    }
    v
}

pub fn actors(db: &Path, a: ActorsArgs) -> Result<ExitCode> {
    let store = crate::open_existing(db)?;
    let mut out = crate::output::stdout();
    if a.unresolved {
        let list = take(store.unresolved_counts(a.contexts)?, a.limit);
        if a.json {
            crate::output::json(&list, &mut out)?;
            return Ok(ExitCode::SUCCESS);
        }
        if list.is_empty() {
            writeln!(out, "no unresolved names")?;
        }
        for u in &list {
            writeln!(
                out,
                "{:>5}  {}  ({} document{})",
                u.count,
                u.name,
                u.documents,
                if u.documents == 1 { "" } else { "s" }
            )?;
            for c in &u.contexts {
                writeln!(
                    out,
                    "         \"{}\"  [{}]",
                    excerpt(&c.sentence, &u.name),
                    c.doc
                )?;
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let list = take(store.actor_counts()?, a.limit);
    if a.json {
        crate::output::json(&list, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        writeln!(out, "no actors")?;
    }
    for x in &list {
        writeln!(
            out,
            "{:>5}  {:<12} {:<13} {}  ({} document{}; as {})",
            x.mentions,
            x.code,
            x.kind,
            x.name,
            x.documents,
            if x.documents == 1 { "" } else { "s" },
            x.forms
                .iter()
                .map(|f| format!("\"{f}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_cut_around_the_name_on_char_boundaries() {
        let long = format!(
            "{} Telunov said — «yes» {}",
            "é".repeat(100),
            "ü".repeat(100)
        );
        let e = excerpt(&long, "Telunov");
        assert!(e.starts_with('…') && e.ends_with('…'), "{e}");
        assert!(e.contains("Telunov said"), "{e}");
        assert!(e.chars().count() <= 2 * AROUND + "Telunov".len() + 2);
        assert_eq!(excerpt("Short one.", "Nope"), "Short one.");
    }
}
