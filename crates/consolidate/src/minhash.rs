//! Near-duplicate documents: MinHash signatures over word shingles, with
//! LSH banding so that candidates are found by bucket, never by comparing
//! all pairs.
//!
//! A document's text is lower-cased and split into words (alphanumeric
//! runs); every run of [`SHINGLE`] consecutive words is a shingle. Each
//! shingle is hashed once with xxh3 (seed 0) and the hash is remixed with
//! [`NUM_HASHES`] fixed seeds (splitmix64); the signature keeps the minimum
//! of each. Both functions are fixed by this file, so stored signatures stay
//! valid across releases and platforms.
//!
//! Two signatures agree on a position with probability equal to the
//! Jaccard similarity of the shingle sets; [`similarity`] estimates it.
//! [`Signature::bands`] cuts the signature into [`BANDS`] bands of
//! [`ROWS`] rows and hashes each: documents sharing a band key are
//! candidates. With 21 bands of 3 rows, a pair at similarity 0.5 becomes a
//! candidate with probability 0.94, at 0.7 with 0.9996, and an unrelated
//! pair (similarity 0.01) with 0.00002.

use chronicler_core::text::{char_at, is_word_char};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Hash functions (signature length).
pub const NUM_HASHES: usize = 64;
/// Rows per LSH band.
pub const ROWS: usize = 3;
/// LSH bands (`BANDS * ROWS <= NUM_HASHES`).
pub const BANDS: usize = 21;
/// Estimated Jaccard similarity from which two documents are near
/// duplicates (a syndicated copy, an updated version of one article).
pub const NEAR_DUPLICATE: f64 = 0.5;
/// Estimated Jaccard similarity from which two documents share enough
/// text to be about one happening (a rewritten wire story, long shared
/// quotes): kept as links, they tie documents published within
/// [`crate::stories::WINDOW_DAYS`] into one story, but count as separate
/// sources. Unrelated articles stay far below (0.01 and less).
pub const RELATED: f64 = 0.25;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u64>);

const fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The fixed seed of hash function `i`.
const fn seed(i: usize) -> u64 {
    splitmix(0x6368_726f_6e69_636c ^ i as u64)
}

/// The seeds of the [`NUM_HASHES`] hash functions.
const SEEDS: [u64; NUM_HASHES] = {
    let mut seeds = [0; NUM_HASHES];
    let mut i = 0;
    while i < NUM_HASHES {
        seeds[i] = seed(i);
        i += 1;
    }
    seeds
};

/// The lower-cased words of `text` (runs of letters and digits), written
/// into `out` one space apart, with the byte span of each in `spans`: a
/// shingle is then one slice of `out`, the same bytes as its words joined
/// by one space. ASCII is read byte by byte; words are lower-cased as
/// `str::to_lowercase` does (final sigma included).
fn lowered_words(text: &str, out: &mut String, spans: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Step over what is not a word character (`i` stays on a character
        // boundary: it moves by one ASCII byte or one whole character).
        if !b.is_ascii_alphanumeric() {
            let Some(c) = char_at(text, i) else { break };
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        i = chronicler_core::text::word_end(text, i);
        if !spans.is_empty() {
            out.push(' ');
        }
        let from = out.len();
        chronicler_core::text::push_lowercase(out, text.get(start..i).unwrap_or_default());
        spans.push((from, out.len()));
    }
}

/// Folds the hashes of the shingles (`width` words from each word of
/// `spans` into `bytes`) into `mins`. Run through `pulp`'s dispatch: its
/// `with_simd` is inlined into a function compiled for the CPU's widest
/// SIMD (AVX-512 or AVX2 where there is one), so the compiler vectorizes the remix
/// loop for it. (A closure passed to `dispatch` is not inlined there across
/// crates and stays baseline SSE2.)
struct MinHashes<'a> {
    bytes: &'a [u8],
    spans: &'a [(usize, usize)],
    width: usize,
    mins: &'a mut [u64; NUM_HASHES],
}

impl pulp::WithSimd for MinHashes<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) {
        for w in self.spans.windows(self.width) {
            let (Some(first), Some(last)) = (w.first(), w.last()) else {
                continue;
            };
            let shingle = self.bytes.get(first.0..last.1).unwrap_or_default();
            let h = xxh3_64_with_seed(shingle, 0);
            for (m, s) in self.mins.iter_mut().zip(&SEEDS) {
                *m = (*m).min(splitmix(h ^ s));
            }
        }
    }
}

impl Signature {
    /// The signature of a text. A text shorter than one shingle is one
    /// shingle; an empty text has the all-`u64::MAX` signature, similar to
    /// nothing (see [`similarity`]).
    ///
    /// The 64 remixes of each shingle's hash are the bulk of the work; they
    /// run under `pulp`'s runtime dispatch, compiled for the widest SIMD the
    /// CPU has (the same integers on every path).
    pub fn of(text: &str) -> Signature {
        let mut lowered = String::with_capacity(text.len());
        // A word and its space take six bytes or more in most news text:
        // the spans seldom grow past this.
        let mut spans = Vec::with_capacity(text.len() / 6 + 1);
        lowered_words(text, &mut lowered, &mut spans);
        let mut mins = [u64::MAX; NUM_HASHES];
        let width = SHINGLE.min(spans.len());
        if width > 0 {
            let bytes = lowered.as_bytes();
            pulp::Arch::new().dispatch(MinHashes {
                bytes,
                spans: &spans,
                width,
                mins: &mut mins,
            });
        }
        Signature(mins.to_vec())
    }

    /// True when the signature comes from an empty text.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&v| v == u64::MAX)
    }

    /// The LSH band keys: band `b` hashes rows `b*ROWS .. (b+1)*ROWS`
    /// together with `b`. Empty for an empty text.
    pub fn bands(&self) -> Vec<u64> {
        if self.is_empty() {
            return Vec::new();
        }
        (0..BANDS)
            .filter_map(|b| {
                let rows = self.0.get(b * ROWS..(b + 1) * ROWS)?;
                let mut bytes = Vec::with_capacity(8 * (ROWS + 1));
                bytes.extend_from_slice(&(b as u64).to_le_bytes());
                for r in rows {
                    bytes.extend_from_slice(&r.to_le_bytes());
                }
                // Kept within i64 so that stores with signed integers keep it.
                Some(xxh3_64_with_seed(&bytes, 0) >> 1)
            })
            .collect()
    }

    /// Little-endian bytes, as stored.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads [`Signature::to_bytes`] back; `None` when the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != NUM_HASHES * 8 {
            return None;
        }
        let v = bytes
            .chunks_exact(8)
            .map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            })
            .collect();
        Some(Signature(v))
    }
}

/// Estimated Jaccard similarity of the shingle sets (0 when either text is
/// empty or the lengths differ).
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    if a.0.len() != b.0.len() || a.0.is_empty() || a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let same = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    same as f64 / a.0.len() as f64
}

/// True when the two signatures are near duplicates.
pub fn near_duplicate(a: &Signature, b: &Signature) -> bool {
    similarity(a, b) >= NEAR_DUPLICATE
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lower-cased words of `text` (alphanumeric runs): the definition
    /// that [`lowered_words`] reads by bytes.
    fn words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    const WIRE: &str = "Ukrainian President Volodymyr Zelenskyy issued a direct public invitation \
        on Friday for Russian President Vladimir Putin to meet for peace negotiations in Kyiv. \
        The overture rejected any summit held in Moscow or Minsk, citing Russia's status as the \
        aggressor. Diplomats were tentatively scheduling the next round of US-mediated \
        discussions for February 1 following talks in Abu Dhabi.";

    #[test]
    fn a_syndicated_copy_is_a_near_duplicate_and_shares_a_band() {
        let copy = format!("By Staff Writer\n\n{WIRE}\n\nShare this article.");
        let (a, b) = (Signature::of(WIRE), Signature::of(&copy));
        assert!(similarity(&a, &b) > 0.7, "{}", similarity(&a, &b));
        let bands_a = a.bands();
        assert!(b.bands().iter().any(|k| bands_a.contains(k)));
    }

    #[test]
    fn a_different_article_is_not() {
        let other = "Sudan's army said on Monday it had retaken a key bridge in Khartoum \
            from the Rapid Support Forces after weeks of fighting, while aid agencies warned \
            of famine in Darfur and called for a humanitarian truce.";
        let s = similarity(&Signature::of(WIRE), &Signature::of(other));
        assert!(s < 0.1, "{s}");
        assert!(!near_duplicate(&Signature::of(WIRE), &Signature::of(other)));
    }

    #[test]
    fn signatures_are_stable_and_round_trip() {
        let a = Signature::of(WIRE);
        assert_eq!(a, Signature::of(WIRE));
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
        // Pinned: a change of hash functions would invalidate stored signatures.
        assert_eq!(Signature::of("one two three four five").0[0], {
            let h = xxh3_64_with_seed(b"one two three four five", 0);
            splitmix(h ^ seed(0))
        });
    }

    /// The signature as first defined: each shingle its lower-cased words
    /// joined by one space. Stored signatures depend on these exact bytes.
    fn signature_by_joining_words(text: &str) -> Signature {
        let words = words(text);
        let mut mins = vec![u64::MAX; NUM_HASHES];
        if words.is_empty() {
            return Signature(mins);
        }
        for w in words.windows(SHINGLE.min(words.len())) {
            let h = xxh3_64_with_seed(w.join(" ").as_bytes(), 0);
            for (i, m) in mins.iter_mut().enumerate() {
                *m = (*m).min(splitmix(h ^ seed(i)));
            }
        }
        Signature(mins)
    }

    #[test]
    fn signatures_hash_the_lower_cased_words_joined_by_one_space() {
        for text in [
            WIRE,
            "short",
            "two words",
            "ΟΔΥΣΣΕΥΣ met the İstanbul delegation, ÉCOLE and Straße; 42 ships!",
            "Σ ΣΑΣ ΣΑΣ. naïve  café--résumé\n\n\tTAB\u{2028}end ʰΣ",
            "  ,; ",
        ] {
            assert_eq!(
                Signature::of(text),
                signature_by_joining_words(text),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Any text, mixing ASCII, accented Latin, Greek (final sigma),
        /// Cyrillic, digits of other scripts, marks and separators: the
        /// byte-level reader and the SIMD dispatch give the signature of
        /// the words joined by one space.
        #[test]
        fn any_text_signs_as_its_words_joined_by_one_space(
            text in "([a-zA-Z0-9 ,.;'\\-]|[ÀÉİßéñœ]|[ΣΑΟσς]|[Жжи]|[٣१]|\u{301}|\u{2028}|\u{00A0}|ʰ|[—’漢ｶ]|\t|\n){0,80}"
        ) {
            proptest::prop_assert_eq!(Signature::of(&text), signature_by_joining_words(&text));
            let mut lowered = String::new();
            let mut spans = Vec::new();
            lowered_words(&text, &mut lowered, &mut spans);
            proptest::prop_assert_eq!(lowered, words(&text).join(" "));
        }
    }

    #[test]
    fn empty_texts_are_similar_to_nothing() {
        let e = Signature::of("  ,; ");
        assert!(e.is_empty());
        assert!(e.bands().is_empty());
        assert_eq!(similarity(&e, &e), 0.0);
        assert!(Signature::of("short").bands().len() == BANDS);
    }
}
