//! Text helpers for dictionary matching.

use aho_corasick::{AhoCorasick, Anchored, Input};

/// True for characters that continue a word (letters, digits).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `matched` (text) fits the case of `form` (dictionary): a
/// dictionary word starting with a capital needs a capital in the text; an
/// all-capitals word of two or more letters (an acronym) needs all capitals.
/// Lower-case dictionary words match any case.
pub fn case_compatible(form: &str, matched: &str) -> bool {
    let mut fw = form.split(|c: char| c.is_whitespace() || c == '-');
    let mut mw = matched.split(|c: char| c.is_whitespace() || c == '-');
    loop {
        match (fw.next(), mw.next()) {
            (Some(f), Some(m)) => {
                let Some(fc) = f.chars().next() else { continue };
                let mc = m.chars().next().unwrap_or(' ');
                let letters: Vec<char> = f.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                    if m.chars()
                        .filter(|c| c.is_alphabetic())
                        .any(|c| c.is_lowercase())
                    {
                        return false;
                    }
                } else if fc.is_uppercase() && !mc.is_uppercase() {
                    return false;
                }
            }
            (None, None) => return true,
            _ => return true,
        }
    }
}

/// Whole-word matches of a leftmost-longest automaton: calls `accept(pattern,
/// start, end)` for each candidate on word boundaries and char boundaries.
/// A candidate that is refused (or that cuts a word: "The Un" of "The United
/// Nations" matching the pattern "the UN") does not hide the matches that
/// start inside it: the search resumes at the next word start (a name starts
/// a word, so nothing is lost, and a refused match costs one more search).
pub fn word_matches(
    ac: &AhoCorasick,
    text: &str,
    mut accept: impl FnMut(usize, usize, usize) -> bool,
) {
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = ac.find(Input::new(text).range(pos..)) else {
            break;
        };
        let (s, e) = (m.start(), m.end());
        let whole = text.is_char_boundary(s)
            && text.is_char_boundary(e)
            && !text[..s].chars().next_back().is_some_and(is_word_char)
            && !text[e..].chars().next().is_some_and(is_word_char);
        if whole && e > s && accept(m.pattern().as_usize(), s, e) {
            pos = e;
        } else {
            // A name starts a word: resume at the next word start after `s`.
            pos = next_word_start(text, s);
        }
    }
}

/// Whole-word matches of a leftmost-longest automaton built for anchored
/// searches (`StartKind::Anchored`) whose patterns all start with a capital:
/// the automaton is run only from the capitalised word starts of `text` (a
/// name starts a word), the longest pattern there first. Calls
/// `accept(pattern, start, end)` for each candidate ending on a word boundary;
/// the search goes on after an accepted match, at the next word otherwise.
pub fn capitalised_word_matches(
    ac: &AhoCorasick,
    text: &str,
    mut accept: impl FnMut(usize, usize, usize) -> bool,
) {
    let mut pos = 0;
    let mut prev_word = false;
    for (i, c) in text.char_indices() {
        let w = is_word_char(c);
        let start = w && !prev_word && i >= pos && c.is_uppercase();
        prev_word = w;
        if !start {
            continue;
        }
        let input = Input::new(text).range(i..).anchored(Anchored::Yes);
        let Ok(Some(m)) = ac.try_find(input) else {
            continue;
        };
        let e = m.end();
        let whole = e > i
            && text.is_char_boundary(e)
            && !text[e..].chars().next().is_some_and(is_word_char);
        if whole && accept(m.pattern().as_usize(), i, e) {
            pos = e;
        }
    }
}

/// The first byte after `s` where a word starts (`text.len()` if none).
fn next_word_start(text: &str, s: usize) -> usize {
    let from = (s..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let mut prev = text[..from].chars().next_back().is_some_and(is_word_char);
    for (i, c) in text[from..].char_indices() {
        let w = is_word_char(c);
        if w && !prev && from + i > s {
            return from + i;
        }
        prev = w;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_after_a_refused_match() {
        assert_eq!(next_word_start("The United Nations", 0), 4);
        assert_eq!(next_word_start("The United Nations", 5), 11);
        assert_eq!(next_word_start("«Kyiv» — Zelenskyy", 2), 13);
        assert_eq!(next_word_start("end", 1), 3);
    }

    #[test]
    fn case_rules() {
        assert!(case_compatible("Turkey", "Turkey"));
        assert!(case_compatible("Turkey", "TURKEY"));
        assert!(!case_compatible("Turkey", "turkey"));
        assert!(!case_compatible("US", "us"));
        assert!(!case_compatible("US", "Us"));
        assert!(case_compatible(
            "Ukrainian president",
            "Ukrainian President"
        ));
        assert!(case_compatible("soldiers", "Soldiers"));
    }
}
