//! Demands and red lines in words: what an actor demands, insists on or
//! will not accept, read from evidence sentences and from the other
//! sentences of the documents in scope (positions are often stated in
//! sentences no event is coded from: "Ukraine insists that any dialogue
//! must begin with respect for its borders").
//!
//! Every rule is a short English word list; none names an actor or a place.
//! The issues are general negotiation vocabulary (security guarantees,
//! territorial integrity, withdrawal of troops...), used to follow one
//! actor's stand on one issue over time.

/// Words that introduce what is demanded (longest first where one
/// contains another).
const DEMAND: &[&str] = &[
    "demands that",
    "demanded that",
    "demanding that",
    "demands for",
    "demand for",
    "demands",
    "demanded",
    "demanding",
    "calls for",
    "called for",
    "calling for",
    "insists that",
    "insisted that",
    "insisting that",
    "insists on",
    "insisted on",
    "insisting on",
    "insistence that",
    "insistence on",
    "seeks",
    "sought",
    "preconditions for",
    "precondition for",
    "conditions for",
];

/// Words that introduce what will not be accepted.
const REFUSE: &[&str] = &[
    "will never accept",
    "would never accept",
    "will not accept",
    "would not accept",
    "cannot accept",
    "refuses to accept",
    "refused to accept",
    "will never recognize",
    "will never recognise",
    "will not recognize",
    "will not recognise",
    "will not cede",
    "would not cede",
    "refuses to cede",
    "refused to cede",
];

/// Words that mark a red line.
const RED_LINE: &[&str] = &[
    "red line",
    "non-negotiable",
    "not negotiable",
    "never accept",
    "not accept",
    "cannot accept",
    "not cede",
    "never recognize",
    "never recognise",
    "under no circumstances",
    "precondition",
];

/// Issues of a negotiation, as reports name them, and how the brief names
/// them.
const ISSUES: &[(&str, &str)] = &[
    ("security guarantee", "security guarantees"),
    ("territorial integrity", "territorial integrity"),
    ("recognized borders", "borders"),
    ("recognised borders", "borders"),
    ("borders", "borders"),
    ("sovereignty", "sovereignty"),
    ("neutrality", "neutrality"),
    ("neutral status", "neutrality"),
    ("withdrawal", "withdrawal"),
    ("pull out", "withdrawal"),
    ("sanctions", "sanctions"),
    ("ceasefire", "ceasefire"),
    ("cease-fire", "ceasefire"),
    ("truce", "ceasefire"),
    ("prisoners", "prisoners"),
    ("hostages", "hostages"),
    ("elections", "elections"),
    ("reparations", "reparations"),
    ("compensation", "reparations"),
    ("demilitarization", "demilitarization"),
    ("demilitarisation", "demilitarization"),
    ("disarmament", "disarmament"),
    ("recognition", "recognition"),
    ("annexation", "annexation"),
    ("occupied territories", "occupied territories"),
    ("buffer zone", "buffer zone"),
    ("humanitarian access", "humanitarian access"),
    ("peacekeepers", "peacekeepers"),
    ("peacekeeping", "peacekeepers"),
    ("nuclear", "nuclear"),
    ("autonomy", "autonomy"),
    ("independence", "independence"),
    ("referendum", "referendum"),
    ("mediation", "mediation"),
    ("accountability", "accountability"),
];

/// What one sentence says an actor stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// "demands" or "rejects".
    pub stance: &'static str,
    /// Byte offset of the words that say so (the speaker comes before).
    pub at: usize,
    /// What, in the sentence's words.
    pub topic: String,
    /// The issues it touches (see [`ISSUES`]).
    pub issues: Vec<String>,
    /// The sentence marks it as a red line.
    pub red_line: bool,
}

/// Byte offset of `word` in `lower` (ASCII-lowercased, so offsets are the
/// sentence's) at word boundaries.
fn find_word(lower: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = lower.get(from..)?.find(word) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The issues `text` touches, each once, in list order.
pub fn issues(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut out: Vec<String> = Vec::new();
    for (w, name) in ISSUES {
        if find_word(&lower, w).is_some() || (w.len() > 6 && lower.contains(w)) {
            let name = if *name == "withdrawal"
                && ["troops", "forces", "soldiers"]
                    .iter()
                    .any(|t| find_word(&lower, t).is_some())
            {
                "withdrawal of troops"
            } else {
                name
            };
            if !out.iter().any(|o| o == name) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// The words after `at + len` to the end of the clause, at most 30 words.
fn topic_after(sentence: &str, from: usize) -> String {
    let rest = sentence.get(from..).unwrap_or("");
    let mut end = rest.len();
    for stop in [
        ". ",
        "; ",
        "—",
        " – ",
        " - ",
        ", a point",
        ", which",
        ", while",
        ", but ",
    ] {
        if let Some(i) = rest.find(stop) {
            end = end.min(i);
        }
    }
    let mut clause = &rest[..end];
    // Drop a trailing attribution: ", the foreign ministry said".
    if let Some(i) = clause.rfind(", ") {
        let tail = clause[i..].trim_end_matches(['.', ' ']);
        if tail.contains("according to")
            || [" said", " says", " added", " announced", " told reporters"]
                .iter()
                .any(|w| tail.ends_with(w))
        {
            clause = &clause[..i];
        }
    }
    let words: Vec<&str> = clause.split_whitespace().take(30).collect();
    let t = words.join(" ");
    let t = t.trim_end_matches(['.', ',', ';', ':', '"', '\'', '”', '’']);
    let t = t.trim_start_matches(['"', '\'', '“', '‘', ':', ',']);
    t.trim().to_string()
}

/// Verbs that turn a demand that follows into one refused.
const REFUSING: &[&str] = &[
    "rejected",
    "rejects",
    "rejecting",
    "dismissed",
    "dismisses",
    "dismissing",
    "refused",
    "refuses",
    "rebuffed",
    "rebuffs",
    "ignored",
    "ignores",
    "resisted",
    "resists",
    "spurned",
];

/// Byte offset of a refusing word among the three before byte `at`: the
/// speaker is named before it.
fn refused_before(lower: &str, at: usize) -> Option<usize> {
    let before = lower.get(..at)?;
    let mut end = before.len();
    for _ in 0..3 {
        let head = before[..end].trim_end();
        let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = head[start..].trim_matches(|c: char| !c.is_alphanumeric());
        if REFUSING.contains(&word) {
            return Some(start);
        }
        if start == 0 {
            return None;
        }
        end = start;
    }
    None
}

/// What `sentence` says its speaker demands or refuses, if it says so.
pub fn statement(sentence: &str) -> Option<Statement> {
    let lower = sentence.to_ascii_lowercase();
    let first = |words: &[&'static str]| {
        words
            .iter()
            .filter_map(|w| find_word(&lower, w).map(|at| (at, *w)))
            .min_by_key(|(at, w)| (*at, std::cmp::Reverse(w.len())))
    };
    let red_line = RED_LINE.iter().any(|w| lower.contains(w));
    let (stance, at, from) = match (first(REFUSE), first(DEMAND)) {
        (Some((r, w)), Some((d, _))) if r <= d => ("rejects", r, r + w.len()),
        (Some((r, w)), None) => ("rejects", r, r + w.len()),
        // "rejected calls for talks", "dismissed Russia's demands": the
        // speaker refuses what others demand.
        (_, Some((d, w))) => match refused_before(&lower, d) {
            Some(r) => ("rejects", r, d + w.len()),
            None => ("demands", d, d + w.len()),
        },
        (None, None) => {
            // "X's red line is Y", "Y is non-negotiable for X".
            let at = find_word(&lower, "red line").or_else(|| find_word(&lower, "red lines"))?;
            let after = lower.get(at..)?;
            let skip = [
                "red lines are",
                "red line is",
                "red lines on",
                "red line on",
            ]
            .iter()
            .find(|p| after.starts_with(**p))
            .map(|p| p.len())?;
            ("demands", at, at + skip)
        }
    };
    let topic = topic_after(sentence, from);
    let found = issues(&topic);
    (!topic.is_empty()).then_some(Statement {
        stance,
        at,
        topic,
        issues: found,
        red_line,
    })
}

/// The speaker of a statement: the known name nearest before `at` (the
/// words before the statement), in the same clause (no comma between) and
/// at most eight words before. `names` pairs a surface name with the
/// party it stands for; a name also matches its demonym ("Ukrainian",
/// "Russian", "Israeli").
pub fn speaker(sentence: &str, at: usize, names: &[(String, String)]) -> Option<String> {
    let before = sentence.get(..at)?;
    let clause_start = before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    let mut starts: Vec<usize> = Vec::new();
    let mut in_word = false;
    for (i, c) in before[clause_start..].char_indices() {
        if !c.is_whitespace() && !in_word {
            starts.push(clause_start + i);
        }
        in_word = !c.is_whitespace();
    }
    let earliest = starts
        .len()
        .checked_sub(8)
        .and_then(|k| starts.get(k).copied())
        .unwrap_or(clause_start);
    let mut best: Option<(usize, usize, &str)> = None;
    for (surface, party) in names {
        let forms = demonym_stems(surface);
        for form in &forms {
            let mut from = 0;
            while let Some(i) = before.get(from..).and_then(|b| b.find(form.as_str())) {
                let pos = from + i;
                let start_ok = pos >= earliest
                    && !before[..pos]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                if start_ok && best.is_none_or(|(p, l, _)| (pos, form.len()) > (p, l)) {
                    best = Some((pos, form.len(), party.as_str()));
                }
                from = pos + form.len();
            }
        }
    }
    best.map(|(_, _, p)| p.to_string())
}

/// A name, and the stem its demonym starts with when it differs
/// ("Ukraine" -> "Ukrain" for "Ukrainian").
fn demonym_stems(name: &str) -> Vec<String> {
    let mut v = vec![name.to_string()];
    if name.chars().count() >= 4 && !name.contains(' ') {
        if let Some(stem) = name.strip_suffix('e') {
            v.push(format!("{stem}ian"));
        }
    }
    v
}

/// Sentences of a text: (byte start, byte end), split after `.`, `!` or
/// `?` followed by a space and a capital or a quote, and at line breaks.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let end = i + c.len_utf8();
        let boundary = match c {
            '\n' => true,
            '.' | '!' | '?' => {
                let rest = &text[end..];
                let next = rest.trim_start_matches([' ', '"', '”', '’', ')']);
                rest.starts_with([' ', '"', '”', '’'])
                    && next
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_uppercase() || n == '“' || n == '"')
            }
            _ => false,
        };
        if boundary {
            let kept = text[start..end].trim_end();
            if !kept.trim().is_empty() {
                out.push((start, start + kept.len()));
            }
            start = end;
            while let Some((j, w)) = it.peek() {
                if w.is_whitespace() {
                    start = j + w.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        }
    }
    let kept = text.get(start..).unwrap_or("").trim_end();
    if !kept.trim().is_empty() {
        out.push((start, start + kept.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn demands_refusals_and_red_lines_with_their_issues() {
        let s = statement("Ukraine insists that any dialogue must begin with respect for its internationally recognized borders.").unwrap();
        assert_eq!(s.stance, "demands");
        assert!(s.topic.starts_with("any dialogue must begin"), "{s:?}");
        assert_eq!(s.issues, vec!["borders"]);
        let s = statement("The rebels demanded the withdrawal of government troops from the north and security guarantees, a spokesman said.").unwrap();
        assert_eq!(
            s.issues,
            vec!["security guarantees", "withdrawal of troops"]
        );
        let s = statement(
            "Baku will never accept any change to its territorial integrity, the minister said.",
        )
        .unwrap();
        assert_eq!(s.stance, "rejects");
        assert_eq!(s.topic, "any change to its territorial integrity");
        assert!(s.red_line);
        assert_eq!(s.issues, vec!["territorial integrity"]);
        let s = statement("For Hamas, the red line is a permanent ceasefire.").unwrap();
        assert!(s.red_line && s.issues == vec!["ceasefire"], "{s:?}");
        assert_eq!(
            statement("The talks ended on Monday without agreement."),
            None
        );
        let s =
            statement("The army chief rejected calls for a new round of talks with the rebels.")
                .unwrap();
        assert_eq!(
            (s.stance, s.topic.as_str()),
            ("rejects", "a new round of talks with the rebels")
        );
        let s = statement("Kyiv dismissed Russia's demands for neutrality.").unwrap();
        assert_eq!(s.at, 5, "the speaker comes before the refusal");
        assert_eq!(
            (s.stance, s.issues.clone()),
            ("rejects", vec!["neutrality".to_string()])
        );
    }

    #[test]
    fn speakers_by_name_or_demonym_nearest_before() {
        let names = vec![
            ("Ukraine".to_string(), "Ukraine".to_string()),
            ("Russia".to_string(), "Russia".to_string()),
            ("Zelenskyy".to_string(), "Ukraine".to_string()),
        ];
        let s =
            "While Russia has framed talks as a way to keep gains, Ukraine insists on its borders.";
        let at = s.find("insists").unwrap();
        assert_eq!(speaker(s, at, &names).as_deref(), Some("Ukraine"));
        let s = "Ukrainian officials demanded security guarantees.";
        assert_eq!(
            speaker(s, s.find("demanded").unwrap(), &names).as_deref(),
            Some("Ukraine")
        );
        let s = "Russian demands necessitate altering borders.";
        assert_eq!(
            speaker(s, s.find("demands").unwrap(), &names).as_deref(),
            Some("Russia")
        );
        assert_eq!(speaker("Officials demanded talks.", 10, &names), None);
        // Not across a clause: "Kyiv's insistence" is not Russia's.
        let s = "It rejects proposals from Russia to meet in Moscow, and underscores Kyiv's insistence that talks must reflect the war.";
        assert_eq!(speaker(s, s.find("insistence").unwrap(), &names), None);
    }

    #[test]
    fn sentences_split_at_ends_and_lines() {
        let t = "Talks began. \"We want peace,\" he said. U.S. envoys came!\nNext line";
        let got: Vec<&str> = sentences(t).iter().map(|(a, b)| &t[*a..*b]).collect();
        assert_eq!(
            got,
            vec![
                "Talks began.",
                "\"We want peace,\" he said.",
                "U.S. envoys came!",
                "Next line"
            ]
        );
    }
}
