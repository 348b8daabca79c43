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
                } else if capitals >= 2 {
                    // "LeT", "JeM": each capital of a mixed-case form is
                    // one in the text too ("Let us" is no armed group)
                    if f.chars()
                        .zip(m.chars())
                        .any(|(a, b)| a.is_uppercase() && !b.is_uppercase())
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
///
/// The same candidates as the scan of every word start
/// (`matches_at_word_starts` with `char::is_uppercase`), found by
/// looking only at the bytes that can begin a capital (ASCII capitals and
/// the first bytes of multi-byte characters): most of a text is lower-case
/// words, spaces and punctuation, which the scan decoded one character at
/// a time.
pub fn capitalised_word_matches(
    trie: &Trie,
    text: &str,
    mut accept: impl FnMut(usize, usize, usize) -> bool,
) {
    let bytes = text.as_bytes();
    let mut next = 0;
    while let Some(i) = capital_lead(bytes, next) {
        let Some(c) = chronicler_core::text::char_at(text, i) else {
            break;
        };
        next = i + c.len_utf8();
        let b = bytes.get(i).copied().unwrap_or_default();
        if !c.is_uppercase() || after_word_char(text, i) || !trie.may_start_with(b) {
            continue;
        }
        match try_at(trie, text, i, is_word_char(c), next, &mut accept) {
            Tried::SkipTo(end) => next = end,
            Tried::Accepted(e) => next = next.max(e),
            Tried::Refused => {}
        }
    }
}

/// Whether a byte can begin a capital: an ASCII capital or the first
/// byte of a multi-byte character.
fn may_begin_capital(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0xC0
}

/// The first byte at or after `from` that can begin a capital
/// ([`may_begin_capital`]), eight bytes at a time: most of a text is
/// lower-case letters, spaces and punctuation.
fn capital_lead(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Bytes 0xC0 and up: their two high bits set.
        let lead = w & (w << 1) & HIGH;
        // ASCII bytes from b'A' to b'Z': adding 0x80 - b'A' to the low
        // seven bits sets the high bit from b'A' on, adding 0x80 - b'Z' - 1
        // from past b'Z' (no byte carries into the next).
        let low = w & !HIGH;
        let from_a = low + ONES * (0x80 - u64::from(b'A'));
        let past_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
        let capital = from_a & !past_z & !w & HIGH;
        let hits = lead | capital;
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| may_begin_capital(b))
        .map(|k| i + k)
}

/// True when the character before byte `i` of `text` (a character
/// boundary) is a word character.
fn after_word_char(text: &str, i: usize) -> bool {
    match i.checked_sub(1).and_then(|j| text.as_bytes().get(j)) {
        None => false,
        Some(&p) if p.is_ascii() => is_word_char(char::from(p)),
        Some(_) => text
            .get(..i)
            .and_then(|before| before.chars().next_back())
            .is_some_and(is_word_char),
    }
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
        match try_at(trie, text, i, prev_word, next, &mut accept) {
            Tried::SkipTo(end) => next = end,
            Tried::Accepted(e) => pos = e,
            Tried::Refused => {}
        }
    }
}

/// What trying the patterns at a word start gives.
enum Tried {
    /// No pattern starts with the word there: go on at its end.
    SkipTo(usize),
    /// A pattern matched up to here and was accepted.
    Accepted(usize),
    /// No whole-word match, or one refused.
    Refused,
}

/// Tries the patterns at `i`, a word start of `text` whose first
/// character (a word character when `word`) ends at `next`: the longest
/// pattern there ending on a word boundary is offered to `accept`. A word
/// no pattern starts with (the trie's first-word filter) is passed over
/// whole.
#[inline(always)]
fn try_at(
    trie: &Trie,
    text: &str,
    i: usize,
    word: bool,
    next: usize,
    accept: &mut impl FnMut(usize, usize, usize) -> bool,
) -> Tried {
    let bytes = text.as_bytes();
    if word {
        let end = chronicler_core::text::word_end(text, next);
        if !trie.may_start_word(bytes.get(i..end).unwrap_or_default()) {
            return Tried::SkipTo(end);
        }
    }
    let Some((pattern, e)) = trie.longest_at(bytes, i) else {
        return Tried::Refused;
    };
    let whole =
        e > i && text.is_char_boundary(e) && !text[e..].chars().next().is_some_and(is_word_char);
    if whole && accept(pattern, i, e) {
        Tried::Accepted(e)
    } else {
        Tried::Refused
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

    proptest::proptest! {
        /// Looking only at the bytes that can begin a capital offers the
        /// candidates (and, with the same refusals, the matches) of the scan
        /// of every word start that tries the capitalised ones.
        #[test]
        fn the_capitals_scan_offers_what_the_word_start_scan_does(
            patterns in proptest::collection::vec("[aAbBÉé東Ωω’( -]{1,7}", 1..12),
            text in "[aAbBcCÉéΩω東’(.,_0-9 -]{0,80}",
            refuse in proptest::collection::vec(0usize..12, 0..4),
        ) {
            let t = Trie::new(patterns.iter().map(String::as_str));
            let mut slow = Vec::new();
            matches_at_word_starts(&t, &text, char::is_uppercase, |p, s, e| {
                slow.push((p, s, e));
                !refuse.contains(&p)
            });
            proptest::prop_assert_eq!(candidates(&t, &text, &refuse, true), slow);
        }
    }

    proptest::proptest! {
        /// Eight bytes at a time, the first byte that can begin a capital
        /// is the one a byte-by-byte search finds, from any start.
        #[test]
        fn capital_leads_are_found_eight_bytes_at_a_time(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
            from in 0usize..44,
        ) {
            let slow = bytes
                .get(from..)
                .and_then(|rest| rest.iter().position(|&b| may_begin_capital(b)))
                .map(|k| from + k);
            proptest::prop_assert_eq!(capital_lead(&bytes, from), slow);
        }
    }

    #[test]
    fn every_byte_value_is_classed_as_one_at_a_time() {
        for b in 0..=255u8 {
            let mut bytes = [b'a'; 16];
            bytes[11] = b;
            let want = may_begin_capital(b).then_some(11);
            assert_eq!(capital_lead(&bytes, 3), want, "byte {b:#04x}");
        }
    }

    #[test]
    fn capitals_after_words_digits_and_accents_start_nothing() {
        let t = Trie::new(["Kyiv", "Élysée", "Ωmega", "Nations"]);
        let text = "McKyiv 3Kyiv éKyiv Kyiv, «Élysée» xΩmega (Ωmega) UN-Nations";
        let found: Vec<&str> = candidates(&t, text, &[], true)
            .into_iter()
            .map(|(_, s, e)| &text[s..e])
            .collect();
        assert_eq!(found, ["Kyiv", "Élysée", "Ωmega", "Nations"]);
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
