//! Disagreement: the reports merged into one event that give different
//! dates, places or counts. Every value is kept with who says it.
//!
//! * **date**: dated reports whose day ranges differ (merging allows one
//!   day of slack: "Thursday" in one report and "Friday" in another); a
//!   date equal to its report's publication day is not counted (it is most
//!   often the default date of an undated sentence);
//! * **place**: reports naming places in different countries, or two
//!   different places below country level ("Kyiv" and "Ukraine" agree);
//! * **count**: quantities counting the same thing (same last word of the
//!   unit, singular: "bodies", "soldiers' bodies") with different values.
//!
//! A value differing only inside one document is not a disagreement
//! between sources: at least two documents must give different values.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::{source_of, Located, NearDuplicates};

/// One value and who gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The value as shown (`2026-01-23`, `Kyiv (UKR)`, `1,000 bodies`).
    pub value: String,
    /// Documents giving it, sorted.
    pub docs: Vec<String>,
    /// Their outlets (or hosts, or document ids), sorted, deduplicated.
    pub sources: Vec<String>,
    /// The first sentence giving it (document order).
    pub sentence: String,
}

/// One field on which the reports of an event disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// "date", "place" or "count" (with the counted thing: "count:body").
    pub field: String,
    /// Every value given, sorted by value.
    pub claims: Vec<Claim>,
}

/// Collects (value → claim) entries.
#[derive(Default)]
struct Values {
    by_value: BTreeMap<String, Claim>,
}

impl Values {
    fn add(&mut self, value: String, l: &Located) {
        let c = self.by_value.entry(value.clone()).or_insert_with(|| Claim {
            value,
            docs: Vec::new(),
            sources: Vec::new(),
            sentence: l.mention.sentence.clone(),
        });
        if !c.docs.contains(&l.mention.doc) {
            c.docs.push(l.mention.doc.clone());
            c.docs.sort();
        }
        let s = source_of(&l.mention);
        if !c.sources.contains(&s) {
            c.sources.push(s);
            c.sources.sort();
        }
    }

    /// The claims, when two independent documents (not one document, not
    /// an article and its copy or update) give different values.
    fn disagreement(self, field: String, dups: &NearDuplicates) -> Option<Disagreement> {
        if self.by_value.len() < 2 {
            return None;
        }
        let claims: Vec<&Claim> = self.by_value.values().collect();
        let independent = |x: &str, y: &str| x != y && !dups.linked(x, y);
        let conflict = claims.iter().enumerate().any(|(i, a)| {
            claims[i + 1..].iter().any(|b| {
                a.docs
                    .iter()
                    .any(|x| b.docs.iter().any(|y| independent(x, y)))
            })
        });
        if !conflict {
            return None;
        }
        Some(Disagreement {
            field,
            claims: self.by_value.into_values().collect(),
        })
    }
}

/// Lower-cased last word of a unit, without a plural `s` ("Ukrainian
/// soldiers" → "soldier", "bodies" → "body").
pub fn unit_head(unit: &str) -> String {
    let w = unit
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    if let Some(stem) = w.strip_suffix("ies") {
        format!("{stem}y")
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// The disagreements among the coded events merged into one event (the
/// [`crate::Consolidated::members`] of one event), sorted by field. Values
/// that differ only between near duplicates (`dups`: an article and its
/// update) are not disagreements between sources.
pub fn disagreements(members: &[Located], dups: &NearDuplicates) -> Vec<Disagreement> {
    let mut out = Vec::new();

    let mut dates = Values::default();
    for l in members {
        let d = &l.event.date;
        if let Some(start) = d.start.or(d.end) {
            let end = d.end.unwrap_or(start);
            // A date that only repeats the report's publication day is
            // most often the coder's default, not a claim of the source.
            let published = l.mention.published.as_deref().and_then(|p| p.get(..10));
            if start == end && published == Some(start.to_string().as_str()) {
                continue;
            }
            let v = if end == start {
                start.to_string()
            } else {
                format!("{start}..{end}")
            };
            dates.add(v, l);
        }
    }
    out.extend(dates.disagreement("date".to_string(), dups));

    // Places: a country-level place agrees with any place inside it.
    let places: Vec<(&Located, &chronicler_core::Place)> = members
        .iter()
        .filter_map(|l| l.event.location.as_ref().map(|p| (l, p)))
        .collect();
    let countries: BTreeSet<Option<&str>> =
        places.iter().map(|(_, p)| p.country.as_deref()).collect();
    let local: BTreeSet<String> = places
        .iter()
        .filter(|(_, p)| p.kind != "country")
        .map(|(_, p)| p.name.to_lowercase())
        .collect();
    if countries.len() > 1 || local.len() > 1 {
        let mut v = Values::default();
        for (l, p) in &places {
            let value = match p.country.as_deref() {
                Some(c) if !p.name.eq_ignore_ascii_case(c) => format!("{} ({c})", p.name),
                _ => p.name.clone(),
            };
            v.add(value, l);
        }
        out.extend(v.disagreement("place".to_string(), dups));
    }

    let mut counts: BTreeMap<String, Values> = BTreeMap::new();
    for l in members {
        for q in &l.event.quantities {
            let head = unit_head(&q.unit);
            let shown = if q.unit.is_empty() {
                q.text.clone()
            } else {
                format!("{} {}", q.text, q.unit)
            };
            counts.entry(head).or_default().add(shown, l);
        }
    }
    for (head, mut v) in counts {
        // Same number written differently ("1,000" and "1000") agrees.
        let mut by_num: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for c in v.by_value.values() {
            let n: String = c
                .value
                .chars()
                .take_while(|c| !c.is_whitespace())
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            by_num.entry(n).or_default().push(c.value.clone());
        }
        if by_num.len() < 2 {
            continue;
        }
        // Fold equal numbers into one claim.
        for same in by_num.values() {
            if let Some((first, rest)) = same.split_first() {
                for r in rest {
                    if let Some(c) = v.by_value.remove(r) {
                        if let Some(f) = v.by_value.get_mut(first) {
                            for d in c.docs {
                                if !f.docs.contains(&d) {
                                    f.docs.push(d);
                                }
                            }
                            for s in c.sources {
                                if !f.sources.contains(&s) {
                                    f.sources.push(s);
                                }
                            }
                            f.docs.sort();
                            f.sources.sort();
                        }
                    }
                }
            }
        }
        let field = if head.is_empty() {
            "count".to_string()
        } else {
            format!("count:{head}")
        };
        out.extend(v.disagreement(field, dups));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn unit_heads_are_singular_last_words() {
        assert_eq!(unit_head("bodies"), "body");
        assert_eq!(unit_head("Ukrainian soldiers"), "soldier");
        assert_eq!(unit_head("prisoners of war"), "war");
        assert_eq!(unit_head(""), "");
    }
}
