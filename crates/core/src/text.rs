//! Small text helpers shared by every stage.

/// The character starting at byte `at` of `text`: an ASCII byte is read as
/// is, anything else decoded. `None` at the end of the text or off a
/// character boundary.
#[inline]
pub fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        a if a.is_ascii() => Some(char::from(a)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// The pieces of `s` between whitespace characters, empty ones included:
/// what `s.split(char::is_whitespace)` gives, reading ASCII bytes without
/// decoding them (`split_whitespace` is this without the empty pieces).
pub fn whitespace_split(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let (mut start, mut i, mut done) = (0, 0, false);
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while let Some(&b) = bytes.get(i) {
            let (space, len) = if b.is_ascii() {
                (
                    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
                    1,
                )
            } else {
                match char_at(s, i) {
                    Some(c) => (c.is_whitespace(), c.len_utf8()),
                    None => (false, 1),
                }
            };
            if space {
                let piece = s.get(start..i).unwrap_or("");
                i += len;
                start = i;
                return Some(piece);
            }
            i += len;
        }
        done = true;
        Some(s.get(start..).unwrap_or(""))
    })
}

/// True for characters that continue a word (letters, digits): the same as
/// [`char::is_alphanumeric`], faster outside ASCII (one bit of a table for
/// each character of the Basic Multilingual Plane, instead of a search of
/// Unicode's tables, about 500 instructions, for each character).
#[inline]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if u < 0x1_0000 {
        bmp_word_chars()
            .get((u / 64) as usize)
            .is_some_and(|w| w >> (u % 64) & 1 == 1)
    } else {
        c.is_alphanumeric()
    }
}

// `BMP_WORD_CHARS` and `BMP_LOWERED_CHARS`: made by `build.rs` with this
// toolchain's `char` methods (checked against them by a test below).
include!(concat!(env!("OUT_DIR"), "/bmp_tables.rs"));

/// `char::is_alphanumeric` of U+0000 to U+FFFF, one bit a character (8 KB,
/// in the binary).
fn bmp_word_chars() -> &'static [u64; 1024] {
    &BMP_WORD_CHARS
}

/// One bit for each character of U+0000 to U+FFFF, set where `has` holds
/// (as `build.rs` makes the tables).
#[cfg(test)]
fn bmp_table(has: impl Fn(char) -> bool) -> [u64; 1024] {
    let mut t = [0u64; 1024];
    for (u, c) in (0..0x1_0000u32).filter_map(|u| char::from_u32(u).map(|c| (u, c))) {
        if has(c) {
            t[(u / 64) as usize] |= 1 << (u % 64);
        }
    }
    t
}

/// Where the word going on at byte `from` of `text` ends: the first byte
/// that does not start a letter or digit ([`is_word_char`]), reading ASCII
/// bytes as they are. Inlined: called once a word by the MinHash shingles
/// and the dictionary scans, from other crates.
#[inline]
pub fn word_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        // One table read for the ASCII letters and digits (most bytes).
        if ASCII_WORD_BYTE[usize::from(b)] {
            i += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        match char_at(text, i) {
            Some(c) if is_word_char(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// True for the bytes of the ASCII letters and digits.
const ASCII_WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Appends `s` in lower case to `out`: the same as `out.push_str(&s.to_lowercase())`,
/// without the table search for each character that lower case leaves as
/// it is (most of the Basic Multilingual Plane: CJK, Hangul, Arabic...;
/// one bit a character, built on first use) and without a new `String`.
///
/// Inlined for its ASCII case: its callers (the coder's tokens, the MinHash
/// shingles) lower-case one word at a time, about 1.3 million words per
/// 1,000 articles, where the call itself counted (BENCHMARKS.md,
/// twenty-second sitting).
#[inline]
pub fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        if let Some(new) = out.get_mut(from..) {
            new.make_ascii_lowercase();
        }
        return;
    }
    push_lowercase_unicode(out, s);
}

/// [`push_lowercase`] for a string that is not all ASCII.
fn push_lowercase_unicode(out: &mut String, s: &str) {
    // A capital sigma lowers by its place in the word (final sigma): left
    // to `str::to_lowercase`.
    if s.contains('Σ') {
        out.push_str(&s.to_lowercase());
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        let u = c as u32;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if u < 0x1_0000
            && bmp_lowered_chars()
                .get((u / 64) as usize)
                .is_some_and(|w| w >> (u % 64) & 1 == 0)
        {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// The characters of U+0000 to U+FFFF that lower case changes, one bit a
/// character (8 KB, in the binary).
fn bmp_lowered_chars() -> &'static [u64; 1024] {
    &BMP_LOWERED_CHARS
}

/// Converts a byte offset into `text` to a character (Unicode scalar) offset.
///
/// Offsets past the end are clamped to the number of characters; offsets
/// inside a multi-byte character count that character as not yet reached.
pub fn char_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    let mut end = byte;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count()
}

/// [`char_offset`] over the bytes of a UTF-8 text, which are not checked
/// (a text read back from where it was written from a `str`, such as the
/// store): equal to `char_offset(text, byte)` when `bytes` is
/// `text.as_bytes()`, without validating the whole text first.
pub fn char_offset_utf8(bytes: &[u8], byte: usize) -> usize {
    let byte = byte.min(bytes.len());
    // A lead byte (or ASCII) is one above -65 as a signed byte; counted
    // in byte-wide sums of at most 255, which the compiler vectorizes.
    let leads: usize = bytes[..byte]
        .chunks(255)
        .map(|c| {
            let n: u8 = c.iter().map(|&b| u8::from(b as i8 >= -64)).sum();
            usize::from(n)
        })
        .sum();
    // Inside a character: that character is not yet reached.
    leads.saturating_sub(usize::from(
        bytes.get(byte).is_some_and(|&b| (b as i8) < -64),
    ))
}

/// The text of `bytes[start..end]` when both are character boundaries
/// and that part is UTF-8, else "" (as [`str::get`] and `Span::slice`
/// give for offsets that are not boundaries): only that part is checked.
pub fn slice_utf8(bytes: &[u8], start: usize, end: usize) -> &str {
    let boundary = |i: usize| i == bytes.len() || bytes.get(i).is_some_and(|&b| b & 0xC0 != 0x80);
    if start > end || end > bytes.len() || !boundary(start) || !boundary(end) {
        return "";
    }
    bytes
        .get(start..end)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// The months, lower-cased.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The days of the week, lower-cased.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Nouns of a diplomatic process a capital names the place of when it
/// stands before them: "the Doha talks", "the Muscat process", "the
/// Istanbul format". Such a capital is a venue, not its government.
pub const PROCESS_NOUNS: &[&str] = &[
    "talks",
    "process",
    "agreement",
    "deal",
    "accord",
    "accords",
    "ceasefire",
    "truce",
    "summit",
    "meeting",
    "round",
    "declaration",
    "format",
    "negotiations",
    "framework",
    "forum",
    "conference",
];

/// Past participles that are adjectives in news more often than verbs ("the
/// United Nations", "armed groups", "the occupied West Bank", "the
/// so-called Quad"): not a past-tense act where the analyzer or the coder
/// looks for one (lower case).
pub const ADJECTIVAL_PARTICIPLES: &[&str] = &[
    "advanced",
    "aligned",
    "alleged",
    "armed",
    "backed",
    "based",
    "detained",
    "displaced",
    "disputed",
    "elected",
    "limited",
    "named",
    "occupied",
    "related",
    "so-called",
    "united",
    "unnamed",
];

/// Returns the largest char boundary of `text` at or below `byte`.
pub fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// A stable 64-bit FNV-1a hash, used for ids that must not change across
/// releases or platforms (document content hashes, event ids).
pub fn stable_hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // Separator so that ["ab", "c"] and ["a", "bc"] differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables `build.rs` wrote are what this toolchain's `char`
    /// methods say, character by character.
    #[test]
    fn the_built_in_tables_agree_with_char_methods() {
        assert_eq!(bmp_table(char::is_alphanumeric), BMP_WORD_CHARS);
        let lowered = bmp_table(|c| {
            let mut lower = c.to_lowercase();
            lower.next() != Some(c) || lower.next().is_some()
        });
        assert_eq!(lowered, BMP_LOWERED_CHARS);
        assert!(is_word_char('Ж') && is_word_char('東') && !is_word_char('’'));
        let mut s = String::new();
        push_lowercase(&mut s, "ŽELENSKYY Київ 東京");
        assert_eq!(s, "želenskyy київ 東京");
    }

    #[test]
    fn char_at_reads_the_character_starting_there() {
        let t = "a’Ж 東";
        let want: Vec<(usize, char)> = t.char_indices().collect();
        for (i, c) in &want {
            assert_eq!(char_at(t, *i), Some(*c));
        }
        assert_eq!(char_at(t, 2), None, "inside the curly quote");
        assert_eq!(char_at(t, t.len()), None);
    }

    #[test]
    fn whitespace_split_is_split_on_whitespace() {
        for s in [
            "",
            " ",
            "New  York\ttalks\n\nEnd ",
            "a\u{a0}b\u{2009}c\u{85}d\u{3000}e\u{1680}f\u{1c}g",
            "Ж ж\r\n東京 x",
        ] {
            let want: Vec<&str> = s.split(char::is_whitespace).collect();
            assert_eq!(whitespace_split(s).collect::<Vec<_>>(), want, "{s:?}");
        }
        // Every character that is whitespace in one of the two ways.
        for c in (0..0x3100).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let want: Vec<&str> = s.split(char::is_whitespace).collect();
            assert_eq!(whitespace_split(&s).collect::<Vec<_>>(), want, "{c:?}");
        }
    }

    #[test]
    fn word_characters_are_letters_and_digits() {
        // Every character: the table's plane and the ones past it.
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn word_end_is_the_end_of_the_run_of_letters_and_digits() {
        let t = "Kyiv’s 2026 talks, Zürich-Genève 東京";
        let ends: Vec<usize> = [0, 9, 14, 21, 29, 37]
            .iter()
            .map(|&i| word_end(t, i))
            .collect();
        assert_eq!(
            ends.iter()
                .zip([0, 9, 14, 21, 29, 37])
                .map(|(&e, i)| &t[i..e])
                .collect::<Vec<_>>(),
            ["Kyiv", "2026", "talks", "Zürich", "Genève", "東京"]
        );
        assert_eq!(word_end(t, 4), 4, "a quote ends the word");
        assert_eq!(word_end(t, t.len()), t.len());
    }

    #[test]
    fn push_lowercase_is_str_to_lowercase() {
        let lowered = |s: &str| {
            let mut out = String::from("x");
            push_lowercase(&mut out, s);
            out
        };
        // Every character alone, then words where context matters (final
        // sigma) or a character expands ("İ").
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(lowered(&s), format!("x{}", s.to_lowercase()), "{c:?}");
        }
        for s in [
            "ΟΔΟΣ ΟΔΟΣ.",
            "Σ",
            "aΣb ΑΣ",
            "İSTANBUL",
            "ǅemal ＡＢＣ Ⅻ Ⓐ",
            "東京 서울 Kyiv КИЇВ",
            "",
        ] {
            assert_eq!(lowered(s), format!("x{}", s.to_lowercase()), "{s:?}");
        }
    }

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let t = "Kyiv’s talks";
        let b = t.find("talks").unwrap_or(0);
        assert_eq!(char_offset(t, b), 7);
        assert_eq!(char_offset(t, 5), 4); // inside the apostrophe
        assert_eq!(char_offset(t, 999), t.chars().count());
    }

    #[test]
    fn byte_level_offsets_and_slices_agree_with_the_str_ones() {
        for t in [
            "Kyiv’s talks",
            "",
            "plain ascii",
            "東京 서울 Kyiv КИЇВ 😀!",
            "é",
        ] {
            let b = t.as_bytes();
            for i in 0..=t.len() + 2 {
                assert_eq!(char_offset_utf8(b, i), char_offset(t, i), "{t:?} {i}");
                for j in 0..=t.len() + 2 {
                    assert_eq!(
                        slice_utf8(b, i, j),
                        t.get(i..j).unwrap_or(""),
                        "{t:?} {i}..{j}"
                    );
                }
            }
        }
    }

    #[test]
    fn stable_hash_separates_parts() {
        assert_ne!(stable_hash(&["ab", "c"]), stable_hash(&["a", "bc"]));
        assert_eq!(stable_hash(&["x"]), stable_hash(&["x"]));
    }
}
