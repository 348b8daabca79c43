//! Whether a text is written in English, the language of chronicler's
//! dictionaries and patterns.
//!
//! Actor names, verb patterns and date phrases are English: run over a
//! German or Portuguese article they find a few names and, now and then, a
//! word that happens to spell an English pattern ("a" in French, "in" in
//! German), and code events nobody reported. A news archive such as Common
//! Crawl News is half in other languages. So the analysis asks, once a
//! document, whether it is English before it looks for anything, and the
//! coder asks again of each sentence it would code (an English page quoting
//! a paragraph in French).
//!
//! The test is the one a reader makes at a glance: English text is full of
//! short function words ("the", "of", "and", "that", "with"), a fifth to a
//! quarter of its words, and other languages written in Latin letters have
//! almost none of them but their own ("de", "und", "que", "yang"); texts in
//! other scripts have few Latin letters at all. The English words are those
//! no widespread language in Latin letters uses often ("in", "was", "is",
//! "an", "on", "as", "at", "will", "die" are left out: German, Dutch,
//! French, Portuguese, Danish). It is cautious: one plainly English
//! paragraph makes a page English, and a text with neither kind of word (a
//! table of scores) is English too. Checked on real pages (BENCHMARKS.md,
//! thirty-sixth sitting): of the 181 of the Scrapinghub set, the 20 judged
//! not English are all in Korean, Japanese, Russian, Portuguese, Italian,
//! German or Indonesian; of the 988 of trafilatura's set, 774 are judged not
//! English and none of the 171 that whatlang reads as English.

use serde::{Deserialize, Serialize};

use crate::text::char_at;

/// The language of a document, as far as the coding needs to know it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English (or too short to tell, which is read as English).
    #[default]
    English,
    /// Mostly letters of another script (Cyrillic, Arabic, Chinese...).
    OtherScript,
    /// Latin letters, but almost none of English's function words.
    OtherLatin,
}

impl Language {
    /// True for [`Language::English`].
    pub fn is_english(self) -> bool {
        self == Language::English
    }

    /// Why a document is not coded, for its warnings; `None` for English.
    pub fn warning(self) -> Option<&'static str> {
        match self {
            Language::English => None,
            Language::OtherScript => Some(
                "not in English (mostly letters of another script): \
                 stored and searchable, no actors or events coded",
            ),
            Language::OtherLatin => Some(
                "not in English (almost none of its words are English): \
                 stored and searchable, no actors or events coded",
            ),
        }
    }
}

/// A sentence this long or longer with no English function word (and
/// some of another language) is not English; a paragraph this long can
/// show a page is.
pub const SENTENCE_MIN_WORDS: usize = 12;

/// How many words of a sentence [`foreign_sentence`] reads.
pub const SENTENCE_WORDS: usize = 200;

/// Below this many words a text is read as English: too little to tell.
pub const LANGUAGE_MIN_WORDS: usize = 30;

/// A text whose words are less than this share English function words,
/// and at least this share the common words of another language, is not
/// English.
pub const ENGLISH_SHARE: f64 = 0.04;

/// Counts over the first `max_words` words of a text: words (runs of
/// letters), English function words and other languages' common words
/// among them, and letters in ASCII and in any other script.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    /// Words read.
    pub words: usize,
    /// Of them, English function words.
    pub english: usize,
    /// Of them, common words of other languages in Latin letters ("de",
    /// "und", "que", "yang").
    pub foreign: usize,
    /// ASCII letters.
    pub ascii_letters: usize,
    /// Other letters (accented Latin ones included).
    pub other_letters: usize,
}

impl std::ops::AddAssign for WordCounts {
    fn add_assign(&mut self, o: WordCounts) {
        self.words += o.words;
        self.english += o.english;
        self.foreign += o.foreign;
        self.ascii_letters += o.ascii_letters;
        self.other_letters += o.other_letters;
    }
}

/// The counts [`language`] decides on. A word is a run of letters; a
/// script written without spaces (Chinese, Japanese) gives a few long words
/// of other letters. A word with any letter outside ASCII ("Köln") is
/// nobody's function word.
pub fn word_counts(text: &str, max_words: usize) -> WordCounts {
    let mut c = WordCounts::default();
    let mut i = 0;
    while c.words < max_words {
        let Some(ch) = char_at(text, i) else {
            break;
        };
        if !ch.is_alphabetic() {
            i += ch.len_utf8();
            continue;
        }
        let (start, mut other) = (i, 0);
        while let Some(ch) = char_at(text, i).filter(|ch| ch.is_alphabetic()) {
            if ch.is_ascii() {
                c.ascii_letters += 1;
            } else {
                other += 1;
            }
            i += ch.len_utf8();
        }
        c.words += 1;
        c.other_letters += other;
        if other == 0 {
            match text.get(start..i).map_or(Cue::None, |w| cue(w.as_bytes())) {
                Cue::English => c.english += 1,
                Cue::Foreign => c.foreign += 1,
                Cue::None => {}
            }
        }
    }
    c
}

/// What a short word says of its language.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    English,
    Foreign,
    None,
}

/// Whether `w` is one of English's function words, or one of the most
/// common words of the languages most often written in Latin letters
/// (French, German, Italian, Spanish, Portuguese, Dutch, the Scandinavian
/// languages, Polish, Czech, Finnish, Hungarian, Indonesian, Turkish) that
/// English does not use, any case.
fn cue(w: &[u8]) -> Cue {
    let mut buf = [0u8; 6];
    let Some(lower) = buf.get_mut(..w.len()) else {
        return Cue::None;
    };
    for (l, b) in lower.iter_mut().zip(w) {
        *l = b.to_ascii_lowercase();
    }
    match &*lower {
        b"the" | b"of" | b"and" | b"to" | b"that" | b"for" | b"with" | b"by" | b"this" | b"are"
        | b"from" | b"have" | b"has" | b"or" | b"but" | b"not" | b"they" | b"he" | b"his"
        | b"she" | b"her" | b"which" | b"were" | b"their" | b"been" | b"would" | b"said"
        | b"who" | b"had" | b"its" | b"it" | b"be" | b"there" | b"than" | b"after" | b"about" => {
            Cue::English
        }
        b"de" | b"la" | b"le" | b"les" | b"des" | b"et" | b"est" | b"que" | b"une" | b"du"
        | b"pas" | b"sur" | b"dans" | b"der" | b"das" | b"und" | b"ist" | b"nicht" | b"mit"
        | b"sich" | b"auch" | b"il" | b"di" | b"che" | b"della" | b"del" | b"non" | b"sono"
        | b"el" | b"los" | b"las" | b"por" | b"para" | b"una" | b"em" | b"da" | b"dos" | b"uma"
        | b"com" | b"het" | b"een" | b"niet" | b"zijn" | b"og" | b"och" | b"att" | b"jeg"
        | b"yang" | b"dan" | b"ini" | b"itu" | b"dengan" | b"untuk" | b"tidak" | b"bir" | b"ve"
        | b"bu" | b"nie" | b"jest" | b"jak" | b"od" | b"za" | b"przez" | b"oraz" | b"tak"
        | b"na" | b"je" | b"se" | b"jsou" | b"ja" | b"ei" | b"oli" | b"ovat" | b"kun"
        | b"mutta" | b"az" | b"hogy" | b"nem" | b"egy" | b"meg" => Cue::Foreign,
        _ => Cue::None,
    }
}

/// The language of `text`. English as soon as one paragraph reads plainly
/// as English ([`SENTENCE_MIN_WORDS`] words or more, at least one in twelve
/// an English function word, and twice as many of them as of another
/// language's): for an English report quoting a foreign one, or a foreign
/// page with an English section, the analysis runs and the coder passes
/// over the sentences in another language. Otherwise the whole text is judged by [`judge`]: mostly letters of
/// another script, or fewer than [`ENGLISH_SHARE`] of its words English
/// function words and at least as many the common words of another
/// language, and it is not English. Texts under [`LANGUAGE_MIN_WORDS`]
/// words are read as English.
pub fn language(text: &str) -> Language {
    let mut total = WordCounts::default();
    for paragraph in text.split("\n\n") {
        let c = word_counts(paragraph, usize::MAX);
        if plainly_english(c) {
            return Language::English;
        }
        total += c;
    }
    judge(total)
}

/// A paragraph plainly English: see [`language`].
fn plainly_english(c: WordCounts) -> bool {
    c.words >= SENTENCE_MIN_WORDS
        && c.other_letters <= c.ascii_letters
        && c.english >= 2
        && c.english * 12 >= c.words
        && c.english >= 2 * c.foreign
}

/// [`language`]'s decision on counts already made. "Mostly letters of
/// another script" also asks for [`LANGUAGE_MIN_WORDS`] such letters at
/// least (a script without spaces has few, long words).
pub fn judge(c: WordCounts) -> Language {
    if c.other_letters > c.ascii_letters && c.other_letters >= LANGUAGE_MIN_WORDS {
        return Language::OtherScript;
    }
    if c.words < LANGUAGE_MIN_WORDS {
        return Language::English;
    }
    // Few English words, and those of another language instead (a table
    // of scores has neither, and is read as English).
    let share = |n: usize| n as f64 / c.words as f64;
    if share(c.english) < ENGLISH_SHARE && share(c.foreign) >= ENGLISH_SHARE {
        Language::OtherLatin
    } else {
        Language::English
    }
}

/// True when one sentence is plainly not English: mostly letters of
/// another script, or [`SENTENCE_MIN_WORDS`] words or more with no English
/// function word among them and some of another language's. Shorter
/// sentences, and any with one English function word, are given the
/// benefit of the doubt.
pub fn foreign_sentence(sentence: &str) -> bool {
    let c = word_counts(sentence, SENTENCE_WORDS);
    (c.other_letters > c.ascii_letters && c.other_letters >= SENTENCE_MIN_WORDS)
        || (c.words >= SENTENCE_MIN_WORDS && c.english == 0 && c.foreign > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "Ukrainian President Volodymyr Zelenskyy said on Friday that he \
        had invited Vladimir Putin to Kyiv for talks, after the Kremlin proposed a meeting in \
        Moscow. The offer was rejected by Moscow and Minsk within hours, and a round of talks \
        between the two delegations is scheduled for Sunday in Abu Dhabi, officials said.";

    const GERMAN: &str = "Der ukrainische Präsident hat am Freitag den russischen \
        Präsidenten nach Kiew eingeladen, nachdem der Kreml ein Treffen in Moskau vorgeschlagen \
        hatte. Moskau und Minsk lehnten das Angebot innerhalb weniger Stunden ab; eine weitere \
        Verhandlungsrunde ist für Sonntag in Abu Dhabi geplant, sagten Beamte in Kiew.";

    #[test]
    fn english_news_is_english() {
        let c = word_counts(ENGLISH, usize::MAX);
        assert!(c.words >= 50, "{c:?}");
        assert!(c.english * 5 >= c.words, "a fifth or more: {c:?}");
        assert_eq!(language(ENGLISH), Language::English);
    }

    #[test]
    fn german_french_portuguese_are_other_latin() {
        let german = GERMAN;
        let french = "De plus, un responsable syndical académique présent à l'assemblée a \
            indiqué que lors du conseil, le recteur de la région académique a répondu que les \
            moyens seraient attribués aux établissements selon les besoins exprimés par les \
            équipes pédagogiques et les familles des élèves concernés par la réforme.";
        let portuguese = "O presidente da Ucrânia convidou na sexta-feira o presidente russo \
            para uma reunião em Kiev, depois que o Kremlin propôs um encontro em Moscou. A \
            oferta foi recusada por Moscou e Minsk em poucas horas, e uma nova rodada de \
            negociações está marcada para domingo em Abu Dhabi, disseram as autoridades.";
        for t in [german, french, portuguese] {
            assert_eq!(language(t), Language::OtherLatin, "{t}");
        }
    }

    #[test]
    fn other_scripts() {
        let russian = "Президент Украины в пятницу пригласил российского президента в Киев \
            после того как Кремль предложил встречу в Москве. Москва и Минск отклонили \
            предложение в течение нескольких часов, а новый раунд переговоров назначен на \
            воскресенье в Абу-Даби, сообщили официальные лица в Киеве и в Москве сегодня.";
        assert_eq!(language(russian), Language::OtherScript);
        let japanese = "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで\
            20代の男性が逮捕されたというニュースを耳にしました。報道によると、今回販売\
            されたのは、いわゆる「脱獄」したiPhoneです。";
        assert_eq!(language(japanese), Language::OtherScript);
    }

    #[test]
    fn short_texts_and_names_are_read_as_english() {
        assert_eq!(language(""), Language::English);
        assert_eq!(
            language("Zelenskyy invites Putin to Kyiv"),
            Language::English
        );
        // Accented names in an English text do not make it foreign.
        let t = format!("{ENGLISH} Müller, Señor Núñez and Zoë Łukasz agreed.");
        assert_eq!(language(&t), Language::English);
    }

    #[test]
    fn capitals_count_and_longer_words_do_not() {
        let c = word_counts("THE Of AND theory Köln Und DE", 10);
        assert_eq!(c.words, 7);
        assert_eq!(c.english, 3);
        assert_eq!(c.foreign, 2);
        assert_eq!(c.other_letters, 1);
    }

    #[test]
    fn one_english_paragraph_makes_a_page_english() {
        let german = GERMAN;
        let page = format!("{german}\n\n{german}\n\n{ENGLISH}\n\n{german}");
        assert_eq!(language(&page), Language::English);
        let page = format!("{german}\n\n{german}\n\nIn English.\n\n{german}");
        assert_eq!(language(&page), Language::OtherLatin);
    }

    #[test]
    fn a_table_of_scores_is_not_foreign() {
        let scores = "GIRLS BASKETBALL Palm Bay d. Rockledge 70-44 Rockledge 14 11 6 15 44 \
            Palm Bay 18 22 13 17 70 Palm Bay (1-0): Tolivert 25 points. Davis 17 points. \
            Bullock 9 rebounds. Rockledge (0-1): Jones 12 points. Smith 8 points. Melbourne \
            Central Catholic d. Cocoa Beach 55-30 Titusville d. Astronaut 61-47 Viera d. \
            Satellite 48-39 Eau Gallie d. Heritage 52-50 Merritt Island d. Bayside 60-21";
        assert_eq!(language(scores), Language::English);
    }

    #[test]
    fn foreign_sentences_in_an_english_page() {
        assert!(foreign_sentence(
            "De plus, un responsable syndical académique présent à l'assemblée a indiqué \
             que lors du conseil le recteur a répondu."
        ));
        assert!(foreign_sentence(
            "Москва и Минск отклонили предложение в течение нескольких часов, сообщили в Киеве."
        ));
        assert!(!foreign_sentence(
            "Moscow and Minsk rejected the offer within hours, officials in Kyiv said."
        ));
        // Short, or a headline's style: not judged.
        assert!(!foreign_sentence("Kremlin rejects Kyiv offer."));
        assert!(!foreign_sentence("Le président a refusé."));
    }

    #[test]
    fn reads_at_most_max_words() {
        let c = word_counts(ENGLISH, 10);
        assert_eq!(c.words, 10);
    }
}
