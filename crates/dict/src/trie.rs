//! A byte trie for anchored, longest, ASCII-case-insensitive matching.
//!
//! The dictionaries match names only where a word starts, so they need the
//! longest pattern that starts at a given byte, never a search through the
//! text: a plain trie does that without the failure transitions an
//! Aho-Corasick automaton computes (most of its build time for the ~100,000
//! place names). Built from the sorted keys depth first, so the children
//! of a node are consecutive nodes (an only child follows its parent) and
//! the whole trie is three flat arrays.

const NONE: u32 = u32::MAX;

/// The compiled trie (see the module documentation).
#[derive(Debug, Default, Clone)]
pub struct Trie {
    /// Byte (ASCII lower case) on the edge into each node; the root's is 0.
    label: Vec<u8>,
    /// The rest of each node, together so that a step of a search reads
    /// one cache line for the node (and one for its children's labels).
    nodes: Vec<Node>,
    /// Children by byte of the nodes with many of them (the root and the
    /// first letters): 256 entries a node, `NONE` where there is none.
    dense: Vec<u32>,
    /// The first words of the patterns (see [`Trie::may_start_word`]).
    first_words: FirstWords,
}

/// A Bloom filter of the patterns' first words (their leading run of
/// letters and digits, ASCII folded to lower case): three bits a word, all
/// in one 64-bit cell, at least 12 bits a word (a few per cent false
/// positives), so a lookup reads one cache line of a table small enough to
/// stay in cache (64 KB for the 36,000 first words of the actor dictionary). A
/// word of the text that starts no pattern is passed over without a walk
/// down the trie, whose nodes are mostly out of cache: the walks of the
/// actor dictionary over news text fall by four fifths (most words are
/// the start of some name, "said" of "Saidi", without being its first
/// word).
#[derive(Debug, Default, Clone)]
struct FirstWords {
    cells: Vec<u64>,
}

impl FirstWords {
    fn new<'a>(words: impl Iterator<Item = &'a [u8]>) -> FirstWords {
        let words: Vec<&[u8]> = words.collect();
        let len = (words.len() * 12 / 64).next_power_of_two().max(1);
        let mut f = FirstWords {
            cells: vec![0; len],
        };
        for w in words {
            let (cell, bits) = f.place(w);
            if let Some(x) = f.cells.get_mut(cell) {
                *x |= bits;
            }
        }
        f
    }

    /// The cell of `word` (bytes, ASCII folded to lower case here) and its
    /// three bits there.
    fn place(&self, word: &[u8]) -> (usize, u64) {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in word {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3);
        }
        let h = h ^ (h >> 31);
        let cell = (h as usize) & (self.cells.len().max(1) - 1);
        let bits = 1 << ((h >> 40) & 63) | 1 << ((h >> 46) & 63) | 1 << ((h >> 52) & 63);
        (cell, bits)
    }

    fn may_contain(&self, word: &[u8]) -> bool {
        if self.cells.is_empty() {
            return true;
        }
        let (cell, bits) = self.place(word);
        self.cells.get(cell).is_some_and(|x| x & bits == bits)
    }
}

/// The leading run of word characters (letters, digits) of `s`.
pub(crate) fn first_word(s: &str) -> &str {
    s.get(..chronicler_core::text::word_end(s, 0))
        .unwrap_or_default()
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// First child (children are consecutive, sorted by label).
    first_child: u32,
    /// Number of children.
    children: u32,
    /// Pattern ending here, or `NONE`.
    pattern: u32,
    /// Row in `Trie::dense`, or `NONE`.
    dense_row: u32,
}

/// Nodes with at least this many children get a row in `Trie::dense`.
const DENSE_FROM: u32 = 8;

impl Trie {
    /// A trie of `patterns` (pattern `i` is reported as `i`). Patterns are
    /// compared with ASCII letters folded to lower case; of two patterns
    /// equal under that folding the first is kept. Empty patterns never
    /// match.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Trie {
        let mut keys: Vec<(Vec<u8>, u32)> = patterns
            .into_iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(i, p)| (p.as_bytes().to_ascii_lowercase(), i as u32))
            .collect();
        // Sorted by key, then by pattern number: the first of equal keys
        // wins (the pairs are all different, so an unstable sort orders them
        // as a stable one would, without its buffer).
        keys.sort_unstable();
        keys.dedup_by(|b, a| a.0 == b.0);
        let mut t = Trie::default();
        t.push(0);
        // (node, depth, key range sharing the node's prefix), depth first:
        // a node's children are made together, and an only child comes
        // right after its parent, so the long single-child chains of names
        // are read from consecutive memory.
        let mut stack = vec![(0usize, 0usize, 0usize, keys.len())];
        while let Some((node, depth, lo, hi)) = stack.pop() {
            let mut i = lo;
            // Shorter keys sort first: a key ending here is the range's first.
            if let Some((k, p)) = keys.get(i) {
                if k.len() == depth && i < hi {
                    t.nodes[node].pattern = *p;
                    i += 1;
                }
            }
            t.nodes[node].first_child = t.label.len() as u32;
            let made = stack.len();
            while i < hi {
                let b = keys[i].0[depth];
                let mut j = i + 1;
                while j < hi && keys[j].0[depth] == b {
                    j += 1;
                }
                let child = t.push(b);
                t.nodes[node].children += 1;
                stack.push((child, depth + 1, i, j));
                i = j;
            }
            // The first child is searched first.
            if let Some(new) = stack.get_mut(made..) {
                new.reverse();
            }
        }
        // Keys are patterns with ASCII folded: UTF-8. Were one not, no word
        // could be ruled out.
        let words: Option<Vec<&str>> = keys
            .iter()
            .map(|(k, _)| std::str::from_utf8(k).ok().map(first_word))
            .collect();
        if let Some(words) = words {
            t.first_words = FirstWords::new(
                words
                    .into_iter()
                    .filter(|w| !w.is_empty())
                    .map(str::as_bytes),
            );
        }
        for node in 0..t.label.len() {
            if node == 0 || t.nodes[node].children >= DENSE_FROM {
                let row = (t.dense.len() / 256) as u32;
                t.dense.resize(t.dense.len() + 256, NONE);
                for c in t.kids(node) {
                    t.dense[row as usize * 256 + usize::from(t.label[c])] = c as u32;
                }
                t.nodes[node].dense_row = row;
            }
        }
        t
    }

    fn push(&mut self, label: u8) -> usize {
        self.label.push(label);
        self.nodes.push(Node {
            first_child: 0,
            children: 0,
            pattern: NONE,
            dense_row: NONE,
        });
        self.label.len() - 1
    }

    fn kids(&self, node: usize) -> std::ops::Range<usize> {
        self.nodes.get(node).map_or(0..0, |n| {
            n.first_child as usize..(n.first_child + n.children) as usize
        })
    }

    fn child_of(&self, n: &Node, b: u8) -> Option<usize> {
        if n.dense_row != NONE {
            self.dense
                .get(n.dense_row as usize * 256 + usize::from(b))
                .filter(|&&c| c != NONE)
                .map(|&c| c as usize)
        } else {
            let start = n.first_child as usize;
            let labels = self.label.get(start..start + n.children as usize)?;
            labels.iter().position(|&l| l == b).map(|k| start + k)
        }
    }

    /// True when no pattern is stored.
    pub fn is_empty(&self) -> bool {
        self.label.len() <= 1
    }

    /// The longest pattern that `text[at..]` starts with (ASCII case
    /// folded): `(pattern, end)`.
    pub fn longest_at(&self, text: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut best = None;
        let mut j = at;
        let mut node = 0;
        while let Some(n) = self.nodes.get(node) {
            if n.pattern != NONE {
                best = Some((n.pattern as usize, j));
            }
            let Some(&b) = text.get(j) else { break };
            match self.child_of(n, b.to_ascii_lowercase()) {
                Some(c) => node = c,
                None => break,
            }
            j += 1;
        }
        best
    }

    /// False when no pattern starts with the word `word` (ASCII case
    /// folded) followed by a character that is not a letter or digit, or
    /// ending there: `word` is a whole word of the text, and a pattern that
    /// matches where it starts, ending on a word boundary, starts with it.
    /// True may be wrong (a Bloom filter), false never is.
    pub fn may_start_word(&self, word: &[u8]) -> bool {
        self.first_words.may_contain(word)
    }

    /// This trie without its first-word filter: every word start is walked
    /// (the definition the filter is tested against).
    #[cfg(test)]
    pub(crate) fn without_word_filter(mut self) -> Trie {
        self.first_words = FirstWords::default();
        self
    }

    /// True when some pattern starts with byte `b` (ASCII case folded).
    pub fn may_start_with(&self, b: u8) -> bool {
        self.nodes
            .first()
            .and_then(|root| self.child_of(root, b.to_ascii_lowercase()))
            .is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_pattern_at_a_position_any_ascii_case() {
        let t = Trie::new(["new york", "New", "new york city", "Kyiv", "Zürich"]);
        let s = "NEW YORK CITY and New Yorkers in Kyiv, zürich";
        assert_eq!(t.longest_at(s.as_bytes(), 0), Some((2, 13)));
        assert_eq!(t.longest_at(s.as_bytes(), 18), Some((0, 26)));
        assert_eq!(t.longest_at(s.as_bytes(), 33), Some((3, 37)));
        assert_eq!(t.longest_at(s.as_bytes(), 39), Some((4, 46)));
        assert_eq!(t.longest_at(s.as_bytes(), 1), None);
        assert_eq!(t.longest_at("ZÜRICH".as_bytes(), 0), None);
        assert!(t.may_start_with(b'K') && !t.may_start_with(b'q'));
    }

    #[test]
    fn first_of_equal_patterns_wins_and_empty_ones_are_ignored() {
        let t = Trie::new(["", "UN", "un"]);
        assert_eq!(t.longest_at(b"un", 0), Some((1, 2)));
        assert!(Trie::new([""]).is_empty());
        assert_eq!(Trie::new([""]).longest_at(b"", 0), None);
    }
}
