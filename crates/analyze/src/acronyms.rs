//! Acronyms a document defines for itself: "Fighters of the Ambazonia
//! Defence Forces (ADF) stormed the school". From there on the acronym
//! names what the article spelled out, whatever a dictionary knows under
//! the same letters (the ADF of Uganda and the Congo). When the spelled-out
//! name is one no dictionary knows ("the Rohingya Solidarity Organisation
//! (RSO)"), a dictionary's reading of the letters is dropped: the article
//! has said they mean something else.

use chronicler_core::{ActorKind, ActorMention, MentionForm, Sentence, Span};

/// An acronym in parentheses: `(ADF)`, two to six capitals (digits and
/// one hyphen or slash allowed after the first), and where it lies.
fn defined(text: &str) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text.get(from..).and_then(|t| t.find('(')) {
        let open = from + k;
        from = open + 1;
        let Some(close) = text.get(open + 1..).and_then(|t| t.find(')')) else {
            break;
        };
        let inner = &text[open + 1..open + 1 + close];
        let ok = (2..=6).contains(&inner.chars().filter(char::is_ascii_uppercase).count())
            && inner.len() <= 8
            && inner.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && inner
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '/');
        if ok {
            out.push((Span::new(open, open + 2 + close), inner));
        }
    }
    out
}

/// Where the capitalised words right before `at` that spell `acronym` by
/// their initials start ("Rohingya Solidarity Organisation" for RSO), "of",
/// "the", "for" and "and" skipped; None when they do not spell it.
fn spelled_from(text: &str, at: usize, acronym: &str) -> Option<usize> {
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
    let mut initials: Vec<char> = Vec::new();
    let mut end = at;
    for _ in 0..letters.len() + 4 {
        let head = text.get(..end)?.trim_end();
        // (after the whitespace character, whatever its width: a
        // no-break space is two bytes)
        let start = head
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let w = &head[start..];
        if w.is_empty() {
            return None;
        }
        end = start;
        if matches!(w, "of" | "the" | "for" | "and" | "de" | "du" | "des" | "al") {
            continue;
        }
        let c = w.chars().next().filter(char::is_ascii_uppercase)?;
        initials.push(c);
        if initials.len() == letters.len() {
            initials.reverse();
            return (initials == letters).then_some(start);
        }
    }
    None
}

/// Where `word` stands as a whole word in `text` from byte `from` on.
fn whole_words(text: &str, word: &str, from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = from;
    while let Some(i) = text.get(k..).and_then(|t| t.find(word)) {
        let at = k + i;
        let end = at + word.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            out.push(at);
        }
        k = end;
    }
    out
}

/// Rebinds, or drops, the mentions of an acronym the document defines
/// (see the module doc).
pub fn acronyms(text: &str, sentences: &[Sentence], actors: &mut Vec<ActorMention>) {
    let mut added = false;
    for (paren, acronym) in defined(text) {
        let before = text[..paren.start].trim_end();
        let spelled = spelled_from(text, before.len(), acronym);
        let full = actors
            .iter()
            // a group's or organisation's name of two words or more, or a
            // state body's, not a noun that ends a name ("... of Islam and
            // Muslims (JNIM)")
            .filter(|m| {
                m.span.end == before.len()
                    && (matches!(m.actor.kind, ActorKind::Group | ActorKind::Organization)
                        // "the Central African armed forces (FACA)"
                        || (m.actor.kind == ActorKind::Agent && m.actor.country.is_some()))
                    && m.span.slice(text).split_whitespace().count() >= 2
            })
            .map(|m| m.actor.clone())
            .next()
            // "the Border Guard Bangladesh (BGB)": the spelled-out name
            // holds a state's name; the acronym is that state's body
            .or_else(|| {
                let from = spelled?;
                actors
                    .iter()
                    .find(|m| {
                        m.span.start >= from
                            && m.span.end == before.len()
                            && m.actor.kind == ActorKind::State
                    })
                    .map(|m| m.actor.clone())
            });
        let later = |m: &ActorMention| m.span.start > paren.start && m.span.slice(text) == acronym;
        match full {
            Some(actor) => {
                for m in actors.iter_mut().filter(|m| later(m)) {
                    m.actor = actor.clone();
                }
                // and every later use no dictionary knows ("UPC fighters
                // handed over 120 weapons")
                for at in whole_words(text, acronym, paren.start) {
                    let span = Span::new(at, at + acronym.len());
                    if actors
                        .iter()
                        .any(|m| m.span.start < span.end && span.start < m.span.end)
                    {
                        continue;
                    }
                    actors.push(ActorMention {
                        sentence: crate::mentions::sentence_of(sentences, at),
                        span,
                        actor: actor.clone(),
                        form: MentionForm::Alias,
                    });
                    added = true;
                }
            }
            None if spelled.is_some() => {
                actors.retain(|m| {
                    !(later(m) || m.span.start > paren.start && m.span.end < paren.end)
                });
            }
            None => {}
        }
    }
    if added {
        actors.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_acronyms_in_parentheses_only() {
        let t = "the Ambazonia Defence Forces (ADF) and the (old) ECOWAS (the bloc) and (SPLM-IO)";
        let found: Vec<&str> = defined(t).into_iter().map(|(_, a)| a).collect();
        assert_eq!(found, ["ADF", "SPLM-IO"]);
    }

    #[test]
    fn whole_words_only() {
        let t = "UPC fighters, the UPCs, UPC. and xUPC";
        assert_eq!(whole_words(t, "UPC", 0), [0, 24]);
    }

    #[test]
    fn initials_of_the_words_before_spell_the_acronym() {
        let t = "fighters of the Rohingya Solidarity Organisation (RSO) attacked";
        let at = t.find(" (").unwrap_or(0);
        assert!(spelled_from(t, at, "RSO").is_some());
        let t = "the Interim Government of Ambazonia (IGA)";
        assert!(spelled_from(t, t.find(" (").unwrap_or(0), "IGA").is_some());
        assert!(spelled_from("went to the market (RSO)", 17, "RSO").is_none());
        // a no-break space between the words is a space, not a panic
        let t = "the Rohingya\u{a0}Solidarity\u{a0}Organisation (RSO)";
        assert!(spelled_from(t, t.find(" (").unwrap_or(0), "RSO").is_some());
    }
}
