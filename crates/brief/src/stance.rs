//! Demands and red lines in words: what an actor demands, insists on or
//! will not accept, read from evidence sentences and from the other
//! sentences of the documents in scope (positions are often stated in
//! sentences no event is coded from: "Ukraine insists that any dialogue
//! must begin with respect for its borders").
//!
//! The words are data: the demand, refusal and red-line cues and the
//! issues (security guarantees, territorial integrity, withdrawal of
//! troops, hostages, sanctions relief...) come from the stances dictionary
//! (`data/dictionaries/stances.txt`, extended by the user's
//! `stances*.txt`; see [`chronicler_dict::stances`]). None names an actor
//! or a place. The issues follow one actor's stand on one issue over time.

use chronicler_dict::stances::{Cue, StanceDict, Words};

/// What one sentence says an actor stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// "demands" or "rejects".
    pub stance: &'static str,
    /// Byte offset of the words that say so (the speaker comes before).
    pub at: usize,
    /// What, in the sentence's words.
    pub topic: String,
    /// The issues it touches (the dictionary's issue keys).
    pub issues: Vec<String>,
    /// The sentence marks it as a red line.
    pub red_line: bool,
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

/// Byte offset of a refusing cue (`refusing:`) among the three words
/// before byte `at` (and not before `from`): the speaker is named before
/// it ("Kyiv dismissed Russia's demands for...").
fn refused_before(sentence: &str, from: usize, at: usize, dict: &StanceDict) -> Option<usize> {
    let before = sentence.get(..at)?;
    let mut end = before.len();
    let mut earliest = end;
    for _ in 0..3 {
        let head = before[..end].trim_end();
        let start = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        earliest = start;
        if start == 0 {
            break;
        }
        end = start;
    }
    dict.find(Cue::Refusing, before)
        .into_iter()
        .filter(|m| m.start >= earliest.max(from))
        .map(|m| m.start)
        .max()
}

/// Where a clause ends between `from` and `to`: the last comma,
/// semicolon, dash or linking word ("and", "while", "but") in that stretch.
fn clause_break(sentence: &str, from: usize, to: usize) -> Option<usize> {
    let part = sentence.get(from..to)?;
    [
        ",",
        ";",
        ":",
        "—",
        " – ",
        " - ",
        " and ",
        " while ",
        " but ",
        " whereas ",
    ]
    .iter()
    .filter_map(|w| part.rfind(w))
    .max()
    .map(|i| from + i)
}

/// What `sentence` says its speaker demands or refuses, if it says so, in
/// the words of `dict`: the first of [`statements`].
#[cfg(test)]
pub fn statement(sentence: &str, dict: &StanceDict) -> Option<Statement> {
    statements(sentence, dict).into_iter().next()
}

/// What `sentence` says its speakers demand or refuse, in the words of
/// `dict`: one statement per cue that opens a new clause ("Armenia ruled
/// out X, and the Armenian government called for Y": two), each with the
/// topic up to the next one. A cue inside a topic ("insists that any deal
/// must include...") belongs to it.
pub fn statements(sentence: &str, dict: &StanceDict) -> Vec<Statement> {
    // The sentence's words, read once for every cue.
    let words = Words::of(sentence);
    let refuse = dict.find_in(Cue::Refuse, &words);
    let demand = dict.find_in(Cue::Demand, &words);
    let mut cues: Vec<(&'static str, usize, usize)> = Vec::new();
    let mut pos = 0;
    loop {
        let r = refuse.iter().find(|m| m.start >= pos);
        let d = demand.iter().find(|m| m.start >= pos);
        let cue = match (r, d) {
            (Some(r), Some(d)) if r.start <= d.start => ("rejects", r.start, r.end),
            (Some(r), None) => ("rejects", r.start, r.end),
            // "rejected calls for talks", "dismissed Russia's demands": the
            // speaker refuses what others demand.
            (_, Some(d)) => match refused_before(sentence, pos, d.start, dict) {
                Some(r) => ("rejects", r, d.end),
                None => ("demands", d.start, d.end),
            },
            (None, None) => break,
        };
        let opens_clause = cues
            .last()
            .is_none_or(|&(_, _, prev_end)| clause_break(sentence, prev_end, cue.1).is_some());
        if opens_clause {
            cues.push(cue);
        }
        pos = cue.2.max(pos + 1);
    }
    if cues.is_empty() {
        // "X's red line is Y", "red lines on Y".
        if let Some(m) = dict.first_in(Cue::RedLineIs, &words) {
            cues.push(("demands", m.start, m.end));
        }
    }
    let red = dict.find_in(Cue::RedLine, &words);
    let mut out = Vec::new();
    let mut seg_start = 0;
    for (i, &(stance, at, from)) in cues.iter().enumerate() {
        let limit = cues.get(i + 1).map_or(sentence.len(), |&(_, next, _)| {
            clause_break(sentence, from, next).unwrap_or(next)
        });
        let topic = topic_after(sentence.get(..limit).unwrap_or(sentence), from);
        let red_line = red.iter().any(|m| m.start >= seg_start && m.start < limit);
        seg_start = limit;
        if topic.is_empty() {
            continue;
        }
        out.push(Statement {
            stance,
            at,
            issues: dict.issues(&topic),
            topic,
            red_line,
        });
    }
    out
}

/// True when the statement at `at` names no subject of its own: only a
/// linking word stands between the clause break before it and its cue
/// ("..., and called for", "..., rejecting calls for"), so its speaker is
/// the previous statement's.
pub fn continues(sentence: &str, at: usize) -> bool {
    let Some(before) = sentence.get(..at) else {
        return false;
    };
    let clause = before
        .rfind([',', ';'])
        .map_or(before, |i| &before[i + 1..]);
    clause
        .split_whitespace()
        .all(|w| ["and", "but", "also", "then", "while"].contains(&w))
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

    fn statement(s: &str) -> Option<Statement> {
        super::statement(s, &StanceDict::builtin())
    }

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
    fn one_statement_per_clause_with_its_own_topic_and_red_line() {
        let d = StanceDict::builtin();
        let s = "Armenia ruled out any change to its constitution, and the Armenian government called for the release of prisoners of war held in Baku.";
        let got = statements(s, &d);
        let brief: Vec<(&str, &str, Vec<String>)> = got
            .iter()
            .map(|x| (x.stance, x.topic.as_str(), x.issues.clone()))
            .collect();
        assert_eq!(
            brief,
            vec![
                (
                    "rejects",
                    "any change to its constitution",
                    vec!["constitution".to_string()]
                ),
                (
                    "demands",
                    "the release of prisoners of war held in Baku",
                    vec!["prisoners".to_string()]
                ),
            ]
        );
        assert_eq!(&s[got[1].at..got[1].at + 10], "called for");
        assert!(!continues(s, got[1].at));
        let s = "Kyiv insists on its borders, and rejected calls for neutrality.";
        let got = statements(s, &d);
        assert!(continues(s, got[1].at));
        assert!(!continues(s, got[0].at));
        // A cue inside the topic belongs to it.
        let s = "Kyiv insists that any deal must include security guarantees, which it calls non-negotiable.";
        let got = statements(s, &d);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].topic, "any deal must include security guarantees");
        assert!(got[0].red_line);
        // The red line is the second speaker's.
        let s = "Hamas demanded a ceasefire, while Israel will never accept a withdrawal from the corridor.";
        let got = statements(s, &d);
        assert_eq!(
            got.iter().map(|x| x.red_line).collect::<Vec<_>>(),
            vec![false, true]
        );
    }

    #[test]
    fn odd_spaces_and_scripts_do_not_break_it() {
        let s = statement("Kyiv\u{a0}dismissed\u{2003}Russia’s demands for neutrality.").unwrap();
        assert_eq!((s.stance, s.at), ("rejects", "Kyiv\u{a0}".len()));
        for t in [
            "\u{a0}demands",
            "demands\u{a0}",
            "Ёжик требует — demands for ceasefire 🕊️ now",
            "red line is",
            "   ",
            "",
        ] {
            let _ = statement(t);
        }
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
