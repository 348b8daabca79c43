//! Document tone for GDELT's `AvgTone` and `MentionDocTone` columns,
//! measured the way GDELT defines it: the percentage of words that are
//! positive minus the percentage that are negative (-100 to +100, most
//! news between -10 and +10).
//!
//! Positive and negative words come from the VADER sentiment lexicon
//! (`data/tone/vader_lexicon.tsv`, MIT, see `data/tone/LICENSE.vader`):
//! a word with a mean valence above zero is positive, below zero negative.
//! Words are lower-cased alphanumeric runs; no negation or intensifier
//! handling (GDELT's own tone, from a different lexicon, has none either),
//! so figures are comparable in sign and scale with GDELT's, not equal.

use std::collections::HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../../../data/tone/vader_lexicon.tsv");

/// Word → +1 (positive) or -1 (negative).
fn polarity() -> &'static HashMap<&'static str, i8> {
    static P: OnceLock<HashMap<&'static str, i8>> = OnceLock::new();
    P.get_or_init(|| {
        LEXICON
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (word, valence) = l.split_once('\t')?;
                let v: f64 = valence.trim().parse().ok()?;
                let sign = if v > 0.0 {
                    1
                } else if v < 0.0 {
                    -1
                } else {
                    return None;
                };
                Some((word, sign))
            })
            .collect()
    })
}

/// The tone of a text: 100 × (positive words − negative words) / words;
/// 0 for a text without words.
pub fn tone(text: &str) -> f64 {
    let p = polarity();
    let mut words = 0usize;
    let mut score = 0i64;
    let mut lower = String::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if let Some(&s) = p.get(lower.as_str()) {
            score += i64::from(s);
        }
    }
    if words == 0 {
        return 0.0;
    }
    100.0 * score as f64 / words as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn war_reads_negative_and_peace_positive() {
        assert!(tone("Shelling killed ten people and wounded dozens in the attack.") < -10.0);
        assert!(tone("Leaders welcomed the peace agreement and praised the progress.") > 10.0);
        assert_eq!(tone("The delegation met on Tuesday."), 0.0);
        assert_eq!(tone(" ,. "), 0.0);
    }

    #[test]
    fn tone_is_a_percentage_of_words() {
        // One negative word among four.
        assert_eq!(tone("they attacked the town"), -25.0);
        assert_eq!(tone("KILLED killed"), -100.0);
    }

    #[test]
    fn the_lexicon_is_loaded() {
        assert!(polarity().len() > 7000);
        assert_eq!(polarity().get("peace"), Some(&1));
        assert_eq!(polarity().get("killed"), Some(&-1));
    }
}
