//! Small text helpers shared by every stage.

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

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let t = "Kyiv’s talks";
        let b = t.find("talks").unwrap_or(0);
        assert_eq!(char_offset(t, b), 7);
        assert_eq!(char_offset(t, 5), 4); // inside the apostrophe
        assert_eq!(char_offset(t, 999), t.chars().count());
    }

    #[test]
    fn stable_hash_separates_parts() {
        assert_ne!(stable_hash(&["ab", "c"]), stable_hash(&["a", "bc"]));
        assert_eq!(stable_hash(&["x"]), stable_hash(&["x"]));
    }
}
