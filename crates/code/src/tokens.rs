//! Word tokens with byte spans.

use chronicler_core::Span;

/// The tokens of one sentence: lower-cased words and where each lies in
/// the document text (two parallel lists, so the rules read `words` as
/// plain strings without copying them).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tokens {
    /// Lower-cased, apostrophes normalised ("'s").
    pub(crate) words: Vec<String>,
    /// Absolute byte span of each word.
    pub(crate) spans: Vec<Span>,
}

impl Tokens {
    fn push(&mut self, word: String, start: usize, end: usize) {
        self.words.push(word);
        self.spans.push(Span::new(start, end));
    }
}

/// `c` is a letter or a digit; ASCII answered without the Unicode tables.
fn alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Lower case of a piece of text; ASCII without the Unicode tables.
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Splits `text` (which starts at byte `base` of the document) into word,
/// number and punctuation tokens. Hyphens split words ("US-mediated" →
/// "us", "mediated"); "'s" is its own token; "1,000" stays one number.
pub(crate) fn tokenize(text: &str, base: usize) -> Tokens {
    let mut out = Tokens::default();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    out.words.reserve(chars.len() / 5);
    out.spans.reserve(chars.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if let Some(j) = dotted_abbreviation(&chars, i) {
            let end = chars.get(j).map_or(text.len(), |(e, _)| *e);
            out.push(lower(&text[b..end]), base + b, base + end);
            i = j;
            continue;
        }
        if alnum(c) {
            let start = b;
            let mut j = i;
            while j < chars.len() {
                let (_, cj) = chars[j];
                let next_digit = chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                let prev_digit = j > 0 && chars[j - 1].1.is_ascii_digit();
                if alnum(cj) || ((cj == ',' || cj == '.') && prev_digit && next_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |(e, _)| *e);
            // "didn't" → "did" "n't" (as PETRARCH's and the Treebank's
            // tokens): the negation is a word of its own.
            let nt = j > i + 1
                && matches!(chars[j - 1].1, 'n' | 'N')
                && chars.get(j).is_some_and(|(_, c)| *c == '\'' || *c == '’')
                && chars
                    .get(j + 1)
                    .is_some_and(|(_, c)| *c == 't' || *c == 'T')
                && chars.get(j + 2).is_none_or(|(_, c)| !alnum(*c));
            if nt {
                let n_at = chars[j - 1].0;
                let t_end = chars.get(j + 2).map_or(text.len(), |(e, _)| *e);
                out.push(lower(&text[start..n_at]), base + start, base + n_at);
                out.push("n't".into(), base + n_at, base + t_end);
                i = j + 2;
                continue;
            }
            out.push(lower(&text[start..end]), base + start, base + end);
            i = j;
            continue;
        }
        if (c == '\'' || c == '’')
            && chars
                .get(i + 1)
                .is_some_and(|(_, n)| *n == 's' || *n == 'S')
        {
            let after = chars.get(i + 2).map(|(_, n)| *n);
            if after.is_none_or(|n| !alnum(n)) {
                let end = chars.get(i + 2).map_or(text.len(), |(e, _)| *e);
                out.push("'s".into(), base + b, base + end);
                i += 2;
                continue;
            }
        }
        if c.is_whitespace() || c == '-' || c == '\'' || c == '’' {
            i += 1;
            continue;
        }
        let end = chars.get(i + 1).map_or(text.len(), |(e, _)| *e);
        let t = match c {
            '“' | '”' | '"' => "\"".to_string(),
            other => other.to_string(),
        };
        out.push(t, base + b, base + end);
        i += 1;
    }
    out
}

/// The end (char index after the last dot) of a dotted abbreviation
/// starting at `i`: single letters each followed by a dot, at least two
/// ("U.S.", "U.N.", "U.A.E."), not preceded by a letter or digit. It is one
/// word: its dots neither end a clause nor cut the subject off its verb.
fn dotted_abbreviation(chars: &[(usize, char)], i: usize) -> Option<usize> {
    if i > 0 && alnum(chars[i - 1].1) {
        return None;
    }
    let mut j = i;
    let mut letters = 0;
    while chars.get(j).is_some_and(|(_, c)| c.is_alphabetic())
        && chars.get(j + 1).is_some_and(|(_, c)| *c == '.')
    {
        letters += 1;
        j += 2;
    }
    // "U.S.A" would leave a letter glued to the last dot: not this shape.
    if letters < 2 || chars.get(j).is_some_and(|(_, c)| alnum(*c)) {
        return None;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_hyphens_and_possessives() {
        let t = tokenize("Russia’s US-mediated talks freed 1,000 men.", 10);
        let w: Vec<&str> = t.words.iter().map(String::as_str).collect();
        assert_eq!(
            w,
            ["russia", "'s", "us", "mediated", "talks", "freed", "1,000", "men", "."]
        );
        assert_eq!(t.spans[0], Span::new(10, 16));
    }

    #[test]
    fn dotted_abbreviations_are_one_word() {
        let t = tokenize("The U.S. envoy and the U.A.E. met. J. D. Vance left.", 0);
        let w: Vec<&str> = t.words.iter().map(String::as_str).collect();
        assert_eq!(
            w,
            [
                "the", "u.s.", "envoy", "and", "the", "u.a.e.", "met", ".", "j", ".", "d", ".",
                "vance", "left", "."
            ]
        );
        assert_eq!(t.spans[1], Span::new(4, 8));
    }

    #[test]
    fn negative_contractions_are_two_words() {
        let t = tokenize("Russia didn’t attack; Iran won't.", 0);
        let w: Vec<&str> = t.words.iter().map(String::as_str).collect();
        assert_eq!(
            w,
            ["russia", "did", "n't", "attack", ";", "iran", "wo", "n't", "."]
        );
        assert_eq!(t.spans[2], Span::new(10, 15));
    }
}
