//! Text helpers for dictionary matching.

use crate::trie::Trie;

pub use chronicler_core::text::is_word_char;

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
                let (mut letters, mut capitals) = (0usize, 0usize);
                for c in f.chars().filter(|c| c.is_alphabetic()) {
                    letters += 1;
                    capitals += usize::from(c.is_uppercase());
                }
                if letters >= 2 && capitals == letters {
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

/// Whole-word dictionary matches: at each word start of `text` (a name
/// starts a word), the longest pattern there. A pattern that starts with
/// punctuation ("(republic)" in PETRARCH's dictionaries) is tried wherever
/// its first character follows a non-word character. Calls `accept(pattern, start, end)` for each
/// candidate ending on a word boundary; after an accepted match the search
/// goes on after it, otherwise at the next word start (a refused candidate,
/// or one that cuts a word — "The Un" of "The United Nations" for the
/// pattern "the UN" — does not hide the names that start inside it).
///
/// This is what a leftmost-longest Aho-Corasick search resumed at the next
/// word start after each refused match finds (except that it did not try
/// punctuation-led patterns skipped over by such a resumption), without
/// searching between word starts.
pub fn word_matches(trie: &Trie, text: &str, accept: impl FnMut(usize, usize, usize) -> bool) {
    matches_at_word_starts(trie, text, |_| true, accept);
}

/// Whole-word matches of `trie` whose patterns all start with a capital:
/// tried only at the capitalised word starts of `text`, the longest pattern
/// there first. Calls `accept(pattern, start, end)` for each candidate
/// ending on a word boundary; the search goes on after an accepted match,
/// at the next word otherwise.
pub fn capitalised_word_matches(
    trie: &Trie,
    text: &str,
    accept: impl FnMut(usize, usize, usize) -> bool,
) {
    matches_at_word_starts(trie, text, char::is_uppercase, accept);
}

fn matches_at_word_starts(
    trie: &Trie,
    text: &str,
    starts: impl Fn(char) -> bool,
    mut accept: impl FnMut(usize, usize, usize) -> bool,
) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut prev_word = false;
    let mut next = 0;
    while let Some(&b) = bytes.get(next) {
        let i = next;
        // The rest of a word, in ASCII: no word starts there.
        if prev_word && b.is_ascii_alphanumeric() {
            next += 1;
            while bytes.get(next).is_some_and(u8::is_ascii_alphanumeric) {
                next += 1;
            }
            continue;
        }
        let Some(c) = chronicler_core::text::char_at(text, i) else {
            break;
        };
        next += c.len_utf8();
        let after_word = prev_word;
        prev_word = is_word_char(c);
        if after_word || i < pos || !starts(c) || !trie.may_start_with(b) {
            continue;
        }
        if prev_word {
            // A word: passed over whole when no pattern starts with it.
            let end = chronicler_core::text::word_end(text, next);
            if !trie.may_start_word(bytes.get(i..end).unwrap_or_default()) {
                next = end;
                continue;
            }
        }
        let Some((pattern, e)) = trie.longest_at(bytes, i) else {
            continue;
        };
        let whole = e > i
            && text.is_char_boundary(e)
            && !text[e..].chars().next().is_some_and(is_word_char);
        if whole && accept(pattern, i, e) {
            pos = e;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(trie: &Trie, text: &str, refuse: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        word_matches(trie, text, |_, s, e| {
            let ok = !refuse.contains(&&text[s..e]);
            if ok {
                out.push(text[s..e].to_string());
            }
            ok
        });
        out
    }

    #[test]
    fn names_inside_a_refused_or_cut_match_are_found() {
        let t = Trie::new(["the un", "united nations", "nations", "kyiv", "zelenskyy"]);
        // "The Un" cuts "United": the names starting inside it are still found.
        assert_eq!(all(&t, "The United Nations", &[]), ["United Nations"]);
        assert_eq!(
            all(&t, "The United Nations", &["United Nations"]),
            ["Nations"]
        );
        assert_eq!(
            all(&t, "«Kyiv» — Zelenskyy; UNkyiv", &[]),
            ["Kyiv", "Zelenskyy"]
        );
        assert_eq!(all(&t, "the UN. the unity", &[]), ["the UN"]);
        let p = Trie::new(["georgia", "(republic)"]);
        let g = "Georgia (Republic) x(Republic)";
        assert_eq!(all(&p, g, &["Georgia"]), ["(Republic)"]);
    }

    /// Every candidate the search offers (pattern, start, end), refusing
    /// the patterns in `refuse`.
    fn candidates(
        t: &Trie,
        text: &str,
        refuse: &[usize],
        capitalised: bool,
    ) -> Vec<(usize, usize, usize)> {
        let mut seen = Vec::new();
        let accept = |p, s, e| {
            seen.push((p, s, e));
            !refuse.contains(&p)
        };
        if capitalised {
            capitalised_word_matches(t, text, accept);
        } else {
            word_matches(t, text, accept);
        }
        seen
    }

    proptest::proptest! {
        /// The first-word filter passes over only words that start no
        /// pattern: the matches (and the candidates refused) are those of
        /// walking the trie at every word start.
        #[test]
        fn the_first_word_filter_changes_no_match(
            patterns in proptest::collection::vec("[aAbB(é東’ -]{1,7}", 1..12),
            text in "[aAbBcC(é東’ .,-]{0,60}",
            refuse in proptest::collection::vec(0usize..12, 0..4),
        ) {
            let filtered = Trie::new(patterns.iter().map(String::as_str));
            let walked = filtered.clone().without_word_filter();
            for capitalised in [false, true] {
                proptest::prop_assert_eq!(
                    candidates(&filtered, &text, &refuse, capitalised),
                    candidates(&walked, &text, &refuse, capitalised)
                );
            }
        }
    }

    #[test]
    fn first_words_are_runs_of_letters_and_digits() {
        assert_eq!(crate::trie::first_word("al-qaeda"), "al");
        assert_eq!(crate::trie::first_word("kyiv"), "kyiv");
        assert_eq!(crate::trie::first_word("(republic)"), "");
        assert_eq!(crate::trie::first_word("zürich canton"), "zürich");
        let t = Trie::new(["al-qaeda", "new york", "kyiv"]);
        assert!(t.may_start_word(b"AL") && t.may_start_word(b"New"));
        assert!(t.may_start_word(b"kyiv"));
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
