//! Word tokens with byte spans.

use chronicler_core::text::char_at;
use chronicler_core::Span;

/// The tokens of one sentence: lower-cased words (apostrophes normalised,
/// "'s") and where each lies in the document text. The words share one
/// buffer, and a `Tokens` is refilled sentence after sentence
/// ([`tokenize_into`]), so tokenizing allocates nothing once warm.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tokens {
    /// The words, one after the other.
    buf: String,
    /// End of each word in `buf` (the next starts there).
    ends: Vec<usize>,
    /// Absolute byte span of each word.
    pub(crate) spans: Vec<Span>,
}

impl Tokens {
    /// Appends `word` in lower case, found at `start..end` of the document.
    fn push(&mut self, word: &str, start: usize, end: usize) {
        chronicler_core::text::push_lowercase(&mut self.buf, word);
        self.ends.push(self.buf.len());
        self.spans.push(Span::new(start, end));
    }

    /// Appends `word` as it is (punctuation).
    fn push_as_is(&mut self, word: &str, start: usize, end: usize) {
        self.buf.push_str(word);
        self.ends.push(self.buf.len());
        self.spans.push(Span::new(start, end));
    }

    /// The words, in order.
    pub(crate) fn words(&self) -> Vec<&str> {
        let mut from = 0;
        self.ends
            .iter()
            .map(|&e| {
                let w = self.buf.get(from..e).unwrap_or("");
                from = e;
                w
            })
            .collect()
    }
}

/// `c` is a letter or a digit (`char::is_alphanumeric`, answered from a
/// bit table for ASCII and the two-byte scripts: Latin, Greek, Cyrillic...).
fn alnum(c: char) -> bool {
    chronicler_core::text::is_word_char(c)
}

/// Splits `text` (which starts at byte `base` of the document) into word,
/// number and punctuation tokens. Hyphens split words ("US-mediated" →
/// "us", "mediated"); "'s" is its own token; "1,000" stays one number.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, base: usize) -> Tokens {
    let mut out = Tokens::default();
    tokenize_into(&mut out, text, base);
    out
}

/// [`tokenize`] into `out`, replacing what it held. Reads the text byte by
/// byte and decodes a character only where a byte is not ASCII.
pub(crate) fn tokenize_into(out: &mut Tokens, text: &str, base: usize) {
    out.buf.clear();
    out.ends.clear();
    out.spans.clear();
    let bytes = text.as_bytes();
    let mut b = 0;
    while let Some(&first) = bytes.get(b) {
        if first == b' ' {
            b += 1;
            continue;
        }
        let Some(c) = char_at(text, b) else { break };
        let after = b + c.len_utf8();
        // A dotted abbreviation's first letter is followed by its dot.
        if bytes.get(after) == Some(&b'.') {
            if let Some(end) = dotted_abbreviation(text, b) {
                out.push(&text[b..end], base + b, base + end);
                b = end;
                continue;
            }
        }
        if alnum(c) {
            let start = b;
            let mut j = after;
            while let Some(&x) = bytes.get(j) {
                if x.is_ascii_alphanumeric() {
                    j += 1;
                } else if x == b',' || x == b'.' {
                    // "1,000", "3.5": a mark between two digits (the byte
                    // before is the character before: ASCII is one byte).
                    let joins = bytes.get(j - 1).is_some_and(u8::is_ascii_digit)
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
                    if !joins {
                        break;
                    }
                    j += 1;
                } else if x.is_ascii() {
                    break;
                } else {
                    match char_at(text, j) {
                        Some(cj) if alnum(cj) => j += cj.len_utf8(),
                        _ => break,
                    }
                }
            }
            let end = j;
            // "didn't" → "did" "n't" (as PETRARCH's and the Treebank's
            // tokens): the negation is a word of its own.
            let apostrophe = char_at(text, end).filter(|&a| a == '\'' || a == '’');
            if let Some(a) = apostrophe {
                let t_at = end + a.len_utf8();
                let nt = end - start >= 2
                    && matches!(bytes.get(end - 1), Some(b'n' | b'N'))
                    && matches!(bytes.get(t_at), Some(b't' | b'T'))
                    && char_at(text, t_at + 1).is_none_or(|c| !alnum(c));
                if nt {
                    let n_at = end - 1;
                    out.push(&text[start..n_at], base + start, base + n_at);
                    out.push_as_is("n't", base + n_at, base + t_at + 1);
                    b = t_at + 1;
                    continue;
                }
            }
            // "Ferdinand Marcos Jr. condemned": a name's suffix keeps its
            // dot, which would cut the subject off its verb
            let end = if bytes.get(end) == Some(&b'.')
                && bytes.get(start).is_some_and(u8::is_ascii_uppercase)
                && NAME_SUFFIXES.contains(&text[start..end].to_ascii_lowercase().as_str())
            {
                end + 1
            } else {
                end
            };
            out.push(&text[start..end], base + start, base + end);
            b = end;
            continue;
        }
        if (c == '\'' || c == '’')
            && matches!(bytes.get(after), Some(b's' | b'S'))
            && char_at(text, after + 1).is_none_or(|n| !alnum(n))
        {
            out.push_as_is("'s", base + b, base + after + 1);
            b = after + 1;
            continue;
        }
        if c.is_whitespace() || c == '-' || c == '\'' || c == '’' {
            b = after;
            continue;
        }
        let t = match c {
            '“' | '”' | '"' => "\"",
            _ => &text[b..after],
        };
        out.push_as_is(t, base + b, base + after);
        b = after;
    }
}

/// Abbreviations that end a name ("Marcos Jr.", "Acme Inc."): their dot
/// is part of the word.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "inc", "ltd", "corp", "co"];

/// The character ending at byte `at` of `text` (a character boundary).
fn char_before(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at.checked_sub(1)?)? {
        a if a.is_ascii() => Some(char::from(a)),
        _ => text.get(..at)?.chars().next_back(),
    }
}

/// The end (byte after the last dot) of a dotted abbreviation starting at
/// byte `at`: single letters each followed by a dot, at least two ("U.S.",
/// "U.N.", "U.A.E."), not preceded by a letter or digit. It is one word:
/// its dots neither end a clause nor cut the subject off its verb.
fn dotted_abbreviation(text: &str, at: usize) -> Option<usize> {
    if char_before(text, at).is_some_and(alnum) {
        return None;
    }
    let mut j = at;
    let mut letters = 0;
    while let Some(c) = char_at(text, j) {
        if text.as_bytes().get(j + c.len_utf8()) != Some(&b'.') || !c.is_alphabetic() {
            break;
        }
        letters += 1;
        j += c.len_utf8() + 1;
    }
    // "U.S.A" would leave a letter glued to the last dot: not this shape.
    if letters < 2 || char_at(text, j).is_some_and(alnum) {
        return None;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_suffix_keeps_its_dot() {
        let t = tokenize("Ferdinand Marcos Jr. condemned it. Jr. is no name.", 0);
        assert_eq!(
            t.words(),
            [
                "ferdinand",
                "marcos",
                "jr.",
                "condemned",
                "it",
                ".",
                "jr.",
                "is",
                "no",
                "name",
                "."
            ]
        );
    }

    #[test]
    fn splits_hyphens_and_possessives() {
        let t = tokenize("Russia’s US-mediated talks freed 1,000 men.", 10);
        let w = t.words();
        assert_eq!(
            w,
            ["russia", "'s", "us", "mediated", "talks", "freed", "1,000", "men", "."]
        );
        assert_eq!(t.spans[0], Span::new(10, 16));
    }

    #[test]
    fn dotted_abbreviations_are_one_word() {
        let t = tokenize("The U.S. envoy and the U.A.E. met. J. D. Vance left.", 0);
        let w = t.words();
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
        let w = t.words();
        assert_eq!(
            w,
            ["russia", "did", "n't", "attack", ";", "iran", "wo", "n't", "."]
        );
        assert_eq!(t.spans[2], Span::new(10, 15));
    }

    /// The first tokenizer, character by character: the byte reader above
    /// must split every text exactly as it does.
    fn tokenize_by_chars(text: &str, base: usize) -> Tokens {
        let mut out = Tokens::default();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (b, c) = chars[i];
            if let Some(j) = dotted_by_chars(&chars, i) {
                let end = chars.get(j).map_or(text.len(), |(e, _)| *e);
                out.push(&text[b..end], base + b, base + end);
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
                    out.push(&text[start..n_at], base + start, base + n_at);
                    out.push_as_is("n't", base + n_at, base + t_end);
                    i = j + 2;
                    continue;
                }
                out.push(&text[start..end], base + start, base + end);
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
                    out.push_as_is("'s", base + b, base + end);
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
                '“' | '”' | '"' => "\"",
                _ => &text[b..end],
            };
            out.push_as_is(t, base + b, base + end);
            i += 1;
        }
        out
    }

    fn dotted_by_chars(chars: &[(usize, char)], i: usize) -> Option<usize> {
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
        if letters < 2 || chars.get(j).is_some_and(|(_, c)| alnum(*c)) {
            return None;
        }
        Some(j)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn byte_reader_splits_as_the_char_reader(
            text in "[a-dnstNST0-9 ,.'’\\-\"“”;:()éЖßİ。\u{a0}\u{300}UA]{0,40}",
            base in 0usize..100,
        ) {
            let got = tokenize(&text, base);
            let want = tokenize_by_chars(&text, base);
            proptest::prop_assert_eq!(got.words(), want.words());
            proptest::prop_assert_eq!(got.spans, want.spans);
        }
    }

    #[test]
    fn byte_reader_splits_news_text_as_the_char_reader() {
        for text in [
            "The U.S. envoy didn't say; Iran won't. 1,000.5 men, 23-24 Jan.",
            "«Kyiv» — Zelenskyy’s U.A.E. trip: “talks” in Abu Dhabi, n't 's",
            "Ж.Ж. met é.é. at 3.5% and İstanbul’s DON’T U.S.A 12,34,5",
            "",
            "'s",
            "an't.",
        ] {
            let got = tokenize(text, 7);
            let want = tokenize_by_chars(text, 7);
            assert_eq!(got.words(), want.words(), "{text}");
            assert_eq!(got.spans, want.spans, "{text}");
        }
    }
}
