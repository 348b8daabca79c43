//! Event dates: each coded event takes the nearest date expression of its
//! sentence (same segment, or an adjacent one whose nearest trigger it is),
//! else the publication day for a fresh act.

use chronicler_core::{AnalyzedDocument, DatePrecision, DateRange, Status};

use crate::rules::{tok_range, window, Cand, Sent};

pub(crate) fn assign_dates(doc: &AnalyzedDocument, s: &Sent<'_>, cands: &mut [Cand]) {
    let words = &s.words;
    for i in 0..cands.len() {
        let (t0, t1) = (cands[i].t0, cands[i].t1);
        let seg = s.seg.get(t0).copied().unwrap_or(0);
        // candidate dates: same segment first, then an adjacent segment
        // whose nearest trigger is this one
        let dist = |a: usize, b: usize| if b < t0 { t0 - b } else { a.saturating_sub(t1) };
        let mut best: Option<(usize, usize)> = None; // (distance, date idx)
        for (a, b, di) in &s.dates {
            let dseg = s.seg.get(*a).copied().unwrap_or(0);
            let d = dist(*a, *b);
            let ok = if dseg == seg {
                true
            } else if dseg + 1 == seg || dseg == seg + 1 {
                // no other trigger is closer to this date
                cands
                    .iter()
                    .all(|c| c.t0 == t0 || dist_to(c.t0, c.t1, *a, *b) >= d)
                    && d <= 12
            } else {
                false
            };
            if ok && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, *di));
            }
        }
        if let Some((_, di)) = best {
            if let Some(dm) = doc.dates.get(di) {
                let mut r = dm.range;
                let (da, _) = tok_range(&s.toks, dm.span).unwrap_or((0, 0));
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
                }
                cands[i].ev.date = r;
                cands[i].wants_date = false;
            }
        }
    }
    // Fallback: a fresh act with no date of its own is today's news.
    for c in cands.iter_mut() {
        if c.weak && c.wants_date && c.ev.location.is_none() {
            continue;
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
            c.ev.confidence *= 0.9;
        }
    }
}

fn dist_to(t0: usize, t1: usize, a: usize, b: usize) -> usize {
    if b < t0 {
        t0 - b
    } else {
        a.saturating_sub(t1)
    }
}
