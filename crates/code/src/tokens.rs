//! Word tokens with byte spans.

use chronicler_core::Span;

/// One token: lower-cased text and where it lies in the document text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    /// Lower-cased, apostrophes normalised ("'s").
    pub(crate) text: String,
    /// Absolute byte span.
    pub(crate) span: Span,
}

/// Splits `text` (which starts at byte `base` of the document) into word,
/// number and punctuation tokens. Hyphens split words ("US-mediated" →
/// "us", "mediated"); "'s" is its own token; "1,000" stays one number.
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if let Some(j) = dotted_abbreviation(&chars, i) {
            let end = chars.get(j).map_or(text.len(), |(e, _)| *e);
            out.push(Token {
                text: text[b..end].to_lowercase(),
                span: Span::new(base + b, base + end),
            });
            i = j;
            continue;
        }
        if c.is_alphanumeric() {
            let start = b;
            let mut j = i;
            while j < chars.len() {
                let (_, cj) = chars[j];
                let next_digit = chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit());
                let prev_digit = j > 0 && chars[j - 1].1.is_ascii_digit();
                if cj.is_alphanumeric() || ((cj == ',' || cj == '.') && prev_digit && next_digit) {
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
                && chars.get(j + 2).is_none_or(|(_, c)| !c.is_alphanumeric());
            if nt {
                let n_at = chars[j - 1].0;
                let t_end = chars.get(j + 2).map_or(text.len(), |(e, _)| *e);
                out.push(Token {
                    text: text[start..n_at].to_lowercase(),
                    span: Span::new(base + start, base + n_at),
                });
                out.push(Token {
                    text: "n't".into(),
                    span: Span::new(base + n_at, base + t_end),
                });
                i = j + 2;
                continue;
            }
            out.push(Token {
                text: text[start..end].to_lowercase(),
                span: Span::new(base + start, base + end),
            });
            i = j;
            continue;
        }
        if (c == '\'' || c == '’')
            && chars
                .get(i + 1)
                .is_some_and(|(_, n)| *n == 's' || *n == 'S')
        {
            let after = chars.get(i + 2).map(|(_, n)| *n);
            if after.is_none_or(|n| !n.is_alphanumeric()) {
                let end = chars.get(i + 2).map_or(text.len(), |(e, _)| *e);
                out.push(Token {
                    text: "'s".into(),
                    span: Span::new(base + b, base + end),
                });
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
        out.push(Token {
            text: t,
            span: Span::new(base + b, base + end),
        });
        i += 1;
    }
    out
}

/// The end (char index after the last dot) of a dotted abbreviation
/// starting at `i`: single letters each followed by a dot, at least two
/// ("U.S.", "U.N.", "U.A.E."), not preceded by a letter or digit. It is one
/// word: its dots neither end a clause nor cut the subject off its verb.
fn dotted_abbreviation(chars: &[(usize, char)], i: usize) -> Option<usize> {
    if i > 0 && chars[i - 1].1.is_alphanumeric() {
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
    if letters < 2 || chars.get(j).is_some_and(|(_, c)| c.is_alphanumeric()) {
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
        let w: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            w,
            ["russia", "'s", "us", "mediated", "talks", "freed", "1,000", "men", "."]
        );
        assert_eq!(t[0].span, Span::new(10, 16));
    }

    #[test]
    fn dotted_abbreviations_are_one_word() {
        let t = tokenize("The U.S. envoy and the U.A.E. met. J. D. Vance left.", 0);
        let w: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            w,
            [
                "the", "u.s.", "envoy", "and", "the", "u.a.e.", "met", ".", "j", ".", "d", ".",
                "vance", "left", "."
            ]
        );
        assert_eq!(t[1].span, Span::new(4, 8));
    }

    #[test]
    fn negative_contractions_are_two_words() {
        let t = tokenize("Russia didn’t attack; Iran won't.", 0);
        let w: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            w,
            ["russia", "did", "n't", "attack", ";", "iran", "wo", "n't", "."]
        );
        assert_eq!(t[2].span, Span::new(10, 15));
    }
}
