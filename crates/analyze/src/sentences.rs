//! Sentence splitting: paragraphs (blank lines) and lines are hard limits;
//! inside a line, `.`, `!` or `?` (plus closing quotes or brackets) followed
//! by a space and a capital, digit or opening quote ends a sentence, unless
//! the word before is a known abbreviation or an initial.

use chronicler_core::{Sentence, Span};

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "maj", "cmdr", "adm", "gov", "sen",
    "rep", "rev", "prof", "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "wed", "thu", "fri", "sat", "sun", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "i.e",
    "e.g", "approx", "est", "fig", "vol", "pp", "dept", "mt", "ft", "pres", "atty", "gens",
];

/// Splits `text` into trimmed sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        split_line(text, base, line.trim_end_matches(['\n', '\r']), &mut out);
    }
    out
}

fn push(text: &str, s: usize, e: usize, out: &mut Vec<Sentence>) {
    let Some(piece) = text.get(s..e) else { return };
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let (s2, e2) = (s + lead, e - trail);
    if s2 < e2 {
        out.push(Sentence {
            index: out.len(),
            span: Span::new(s2, e2),
        });
    }
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '\u{00bb}'
    )
}

fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}' | '\u{00ab}'
        )
}

fn split_line(text: &str, base: usize, line: &str, out: &mut Vec<Sentence>) {
    let next = |at: usize| line.get(at..).and_then(|r| r.chars().next());
    let mut start = 0;
    let mut from = 0;
    while let Some(i) = next_mark(line, from) {
        let Some(c) = next(i) else { break };
        let mut j = i + c.len_utf8();
        while let Some(d) = next(j).filter(|&d| matches!(d, '.' | '!' | '?') || is_closer(d)) {
            j += d.len_utf8();
        }
        let mut k = j;
        while let Some(d) = next(k).filter(|d| d.is_whitespace()) {
            k += d.len_utf8();
        }
        match next(k) {
            Some(o) if k > j && is_opener(o) && !(c == '.' && is_abbrev(line, i, o)) => {
                push(text, base + start, base + j, out);
                start = k;
                from = k;
            }
            _ => from = j,
        }
    }
    push(text, base + start, base + line.len(), out);
}

/// Where the next `.`, `!`, `?` or `…` at or after byte `from` of `line`
/// is: `line[from..].find(['.', '!', '?', '…'])`, reading bytes (an ellipsis
/// is the only one of them that is not ASCII: E2 80 A6).
fn next_mark(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut k = from;
    loop {
        let off = bytes
            .get(k..)?
            .iter()
            .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))?;
        let i = k + off;
        if bytes.get(i) != Some(&0xE2) || bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) {
            return Some(i);
        }
        k = i + 1;
    }
}

fn is_abbrev(line: &str, dot: usize, next: char) -> bool {
    let before = &line[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if lower == "no" || lower == "nos" {
        return next.is_ascii_digit();
    }
    if ABBREV.contains(&lower.as_str()) {
        return true;
    }
    // Initials: "J." or "D" in "J. D. Vance"; dotted acronyms "U.S".
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).iter().map(|s| s.span.slice(t)).collect()
    }

    #[test]
    fn marks_are_found_as_str_find_finds_them() {
        let t = "He said — “no”… Really? Yes! ‘Fine’. 3.5 — end…";
        for from in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            let want = t[from..]
                .find(['.', '!', '?', '\u{2026}'])
                .map(|o| from + o);
            assert_eq!(next_mark(t, from), want, "{from}");
        }
    }

    #[test]
    fn splits_on_abbreviations_quotes_and_paragraphs() {
        let t = "Mr. Smith met Gen. Jones on Jan. 5 in the U.S. capital. He said \"No.\" Then left.\n\nJ. D. Vance spoke at 10 a.m. on No. 10. Prices rose 1.5 percent! Really?";
        assert_eq!(
            texts(t),
            [
                "Mr. Smith met Gen. Jones on Jan. 5 in the U.S. capital.",
                "He said \"No.\"",
                "Then left.",
                "J. D. Vance spoke at 10 a.m. on No. 10.",
                "Prices rose 1.5 percent!",
                "Really?"
            ]
        );
    }

    #[test]
    fn never_crosses_lines_and_handles_unicode() {
        let t = "Headline without stop\nKyiv’s talks — done. «Next» one…";
        let v = texts(t);
        assert_eq!(v[0], "Headline without stop");
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(split("").is_empty());
        assert!(split("  \n\n ").is_empty());
    }
}
