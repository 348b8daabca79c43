//! The brief as a Markdown report.

use std::fmt::Write;

use crate::{
    Brief, Commitment, CommitmentState, Exchange, Position, Round, RoundState, Section, SourceRef,
    Suspension,
};

/// Renders `b` as Markdown: one section per [`Section`] (empty ones left
/// out), then positions by actor. Every item gives its date, its sources,
/// and its evidence (event id, document and character offsets of the
/// sentence, and a short quote).
pub fn markdown(b: &Brief) -> String {
    let mut out = String::new();
    let day = b
        .as_of
        .map_or_else(|| "no date".to_string(), |d| d.to_string());
    let _ = writeln!(out, "# State of play: {}, as of {day}\n", b.scope);
    if b.events == 0 {
        let _ = writeln!(out, "No events in scope.");
        return out;
    }
    for s in Section::ALL {
        let mut items: Vec<(String, String)> = Vec::new();
        for r in b.rounds.iter().filter(|r| r.section == s) {
            items.push((sort_key(r.when.start), round(r)));
        }
        for c in b.commitments.iter().filter(|c| c.section == s) {
            items.push((sort_key(c.end.or(c.declared)), commitment(c)));
        }
        for x in b.exchanges.iter().filter(|x| x.section == s) {
            items.push((sort_key(x.when.start), exchange(x)));
        }
        for x in b.suspensions.iter().filter(|x| x.section == s) {
            items.push((sort_key(x.when.start), suspension(x)));
        }
        if items.is_empty() {
            continue;
        }
        items.sort_by(|a, b| a.0.cmp(&b.0));
        let _ = writeln!(out, "## {}\n", s.title());
        for (_, text) in items {
            out.push_str(&text);
        }
        out.push('\n');
    }
    if !b.positions.is_empty() {
        let _ = writeln!(out, "## Positions\n");
        let mut actor = "";
        for p in &b.positions {
            if p.actor != actor {
                actor = &p.actor;
                let _ = writeln!(out, "\n### {actor}\n");
                let stands: Vec<String> = b
                    .stands
                    .iter()
                    .filter(|s| s.actor == actor)
                    .map(stand)
                    .collect();
                if !stands.is_empty() {
                    let _ = writeln!(out, "Stands: {}.\n", stands.join("; "));
                }
            }
            out.push_str(&position(p));
        }
    }
    out
}

fn sort_key(d: Option<jiff::civil::Date>) -> String {
    d.map_or_else(|| "9999".to_string(), |d| d.to_string())
}

fn list(v: &[String]) -> String {
    v.join(" – ")
}

fn evidence(sources: &[SourceRef]) -> String {
    let mut outlets: Vec<&str> = Vec::new();
    for s in sources {
        if !outlets.contains(&s.source.as_str()) {
            outlets.push(&s.source);
        }
    }
    let mut refs: Vec<String> = Vec::new();
    for s in sources.iter().take(3) {
        let event = if s.event.is_empty() {
            String::new()
        } else {
            format!(" (event {})", short(&s.event))
        };
        let r = format!("`{}` chars {}–{}{event}", s.doc, s.start, s.end);
        if !refs.contains(&r) {
            refs.push(r);
        }
    }
    let more = sources.len().saturating_sub(3);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let quote = sources
        .first()
        .map(|s| quote(&s.sentence))
        .unwrap_or_default();
    format!(
        "  Sources: {}. Evidence: {}{more}.\n  > {quote}\n",
        outlets.join(", "),
        refs.join("; ")
    )
}

fn short(id: &str) -> &str {
    id.get(..10).unwrap_or(id)
}

fn quote(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= 220 {
        return s;
    }
    let cut: String = s.chars().take(217).collect();
    format!("{cut}…")
}

fn round(r: &Round) -> String {
    let what = match r.ordinal {
        Some(n) => format!("Talks, round {n}"),
        None => "Talks".to_string(),
    };
    let mut line = format!("- **{}** {what}: {}", r.when.show(), list(&r.parties));
    if let Some(v) = &r.venue {
        let _ = write!(line, ", in {v}");
    }
    if !r.mediators.is_empty() {
        let _ = write!(line, ", mediated by {}", r.mediators.join(", "));
    }
    let state = match r.state {
        RoundState::Held => "held",
        RoundState::Scheduled => "scheduled",
        RoundState::Postponed => "postponed",
        RoundState::Cancelled => "cancelled",
        RoundState::PastNoOutcome => "date passed, no reported outcome",
    };
    let _ = write!(line, " — {state}");
    if let Some(p) = &r.previous {
        let _ = write!(line, "; previous round: {p}");
    }
    line.push('\n');
    line.push_str(&evidence(&r.sources));
    line
}

fn commitment(c: &Commitment) -> String {
    let mut what = c.kind.clone();
    if let Some(d) = &c.duration {
        what = format!("{d} {what}");
    }
    if let Some(s) = &c.scope {
        let _ = write!(what, " on {s}");
    }
    let mut head = what.clone();
    if let Some(h) = head.get_mut(..1) {
        h.make_ascii_uppercase();
    }
    let date = c
        .end
        .map(|e| format!("until {}{e}", approx(c.end_precision)))
        .or_else(|| c.declared.map(|d| format!("declared {d}")))
        .unwrap_or_else(|| "undated".into());
    let mut line = format!("- **{date}** {head}: {}", list(&c.parties));
    if !c.mediators.is_empty() {
        let _ = write!(line, ", brokered by {}", c.mediators.join(", "));
    }
    let state = match c.state {
        CommitmentState::Announced => "announced",
        CommitmentState::Upcoming => "not yet in force",
        CommitmentState::InForce => "in force",
        CommitmentState::Extended => "extended",
        CommitmentState::Violated => "reported violated",
        CommitmentState::Expired => "past its expiry",
    };
    let _ = write!(line, " — {state}");
    if let Some(d) = c.declared {
        let _ = write!(line, "; declared {d}");
    }
    if let Some(s) = c.start {
        let _ = write!(line, "; from {s}");
    }
    if let Some(f) = c.extended_from {
        let _ = write!(line, "; extended from {f}");
    }
    match (c.state, c.days_left, c.end) {
        (CommitmentState::Expired, _, Some(e)) => {
            let _ = write!(line, "; ended {}{e}", approx(c.end_precision));
            if c.extended_from.is_none() {
                line.push_str(", no extension reported");
            }
        }
        (_, Some(n), Some(e)) => {
            let _ = write!(
                line,
                "; expires {}{e} ({})",
                approx(c.end_precision),
                days(n)
            );
        }
        _ => line.push_str("; no end date reported"),
    }
    for cl in &c.claims {
        let by = cl.by.as_deref().unwrap_or("one side");
        let _ = write!(
            line,
            "\n  - Disputed: {by} says it is {} ({}, `{}` chars {}–{}): “{}”",
            cl.claim,
            cl.source.source,
            cl.source.doc,
            cl.source.start,
            cl.source.end,
            clause(&cl.source.sentence, cl.claim)
        );
    }
    line.push('\n');
    line.push_str(&evidence(&c.sources));
    line
}

/// The clause of a sentence around a claim word.
fn clause(sentence: &str, claim: &str) -> String {
    let l = sentence.to_lowercase();
    let key = if claim == "violated" {
        "violat"
    } else {
        "limited"
    };
    let Some(i) = l.find(key) else {
        return quote(sentence);
    };
    let start = sentence[..i].rfind([',', ';', '.']).map_or(0, |p| p + 1);
    let end = sentence[i..]
        .find([',', ';', '.'])
        .map_or(sentence.len(), |p| i + p);
    quote(sentence[start..end].trim())
}

fn approx(p: &str) -> &'static str {
    if p == "approximate" {
        "around "
    } else {
        ""
    }
}

fn days(n: i64) -> String {
    match n {
        0 => "today".into(),
        1 => "tomorrow".into(),
        n if n > 0 => format!("in {n} days"),
        -1 => "yesterday".into(),
        n => format!("{} days ago", -n),
    }
}

fn count(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        let s = format!("{}", n as i64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 && c.is_ascii_digit() {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        format!("{n}")
    }
}

fn exchange(x: &Exchange) -> String {
    let what = if x.done {
        "Exchange"
    } else {
        "Exchange agreed"
    };
    let phase = x.phase.map(|p| format!(", phase {p}")).unwrap_or_default();
    let moves: Vec<String> = x
        .transfers
        .iter()
        .map(|t| {
            let n = t
                .count
                .map(|n| format!("{} ", count(n)))
                .unwrap_or_default();
            let from = t.from.as_deref().unwrap_or("?");
            let to = t.to.as_deref().unwrap_or("?");
            format!("{from} → {to}: {n}{}", t.what)
        })
        .collect();
    let mut line = format!(
        "- **{}** {what}{phase}: {}",
        x.when.show(),
        moves.join("; ")
    );
    line.push('\n');
    line.push_str(&evidence(&x.sources));
    line
}

fn suspension(s: &Suspension) -> String {
    let by = s.by.as_deref().unwrap_or("one side");
    let toward = s
        .toward
        .as_deref()
        .map(|t| format!(" with {t}"))
        .unwrap_or_default();
    let state = if s.resumed {
        "since resumed"
    } else {
        "suspended, no resumption reported"
    };
    let date = match s.when.precision {
        "reported" => format!("reported {}", s.when.show()),
        _ => s.when.show(),
    };
    let mut line = format!("- **{date}** {by} suspended {}{toward} — {state}", s.what);
    line.push('\n');
    line.push_str(&evidence(&s.sources));
    line
}

/// "security guarantees (demands, red line; 2026-01-25..2026-01-30, 3 statements)".
fn stand(s: &crate::Stand) -> String {
    let mut how = s.stances.join(", ");
    if s.red_line {
        how.push_str(", red line");
    }
    let when = match (s.first, s.last) {
        (Some(a), Some(b)) if a != b => format!("{a}..{b}"),
        (Some(a), _) | (None, Some(a)) => a.to_string(),
        (None, None) => "undated".into(),
    };
    let n = if s.statements == 1 {
        "1 statement".to_string()
    } else {
        format!("{} statements", s.statements)
    };
    format!("{} ({how}; {when}, {n})", s.issue)
}

fn position(p: &Position) -> String {
    let toward = p
        .toward
        .as_deref()
        .map(|t| format!(" (to {t})"))
        .unwrap_or_default();
    let what = if p.venue.is_some() {
        format!("{} {}", p.stance, p.what)
    } else {
        format!("{}: {}", p.stance, p.what)
    };
    let mut line = format!("- **{}** {what}{toward}", p.when.show());
    if let Some(t) = p.topic.as_ref().filter(|t| **t != p.what) {
        let _ = write!(line, " — “{t}”");
    }
    if p.red_line {
        line.push_str(" (red line)");
    }
    if !p.answers.is_empty() {
        let _ = write!(line, "; answer: {}", p.answers.join("; "));
    }
    line.push('\n');
    line.push_str(&evidence(&p.sources));
    line
}
