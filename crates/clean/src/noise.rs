//! Noise removal: decides, paragraph by paragraph, what is article text.
//!
//! A unit is a line of the extracted text (or, for hard-wrapped plain text,
//! a block of lines between blank lines). Units are kept or dropped whole;
//! nothing inside a kept unit is changed.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use chronicler_core::{Metadata, Removed};
use regex::{Regex, RegexBuilder};

use crate::html::{BlockKind, Hint};

/// The decision for the whole text.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Kept units as byte ranges of the extracted text, in order.
    pub kept: Vec<(usize, usize)>,
    /// Dropped units.
    pub removed: Vec<Removed>,
    /// Outlets listed in a trailing "Sources" section.
    pub cited_sources: Vec<String>,
}

/// One unit of text and what we know about it.
struct Unit<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    words: usize,
    terminal: bool,
    norm: String,
    hint: Hint,
}

/// A line rule's regex, and a wider one run first when the rule's own is
/// slow to run or to build. The lazy DFA gives up on a Unicode `\b` as soon
/// as it meets a non-ASCII character (a curly quote, a Cyrillic letter),
/// leaving the line to an engine some 50 times slower; and a bounded
/// repetition of a Unicode class (`\W{0,3}`, `[\p{L}\d' ]{1,40}`) is
/// copied as many times into the automaton, which then takes milliseconds
/// (tens of them for 40 copies) to build. The wider pattern drops the
/// `\b`s and lets such repetitions run on (`*`, `+`): it matches wherever
/// the rule's does (an assertion removed or a bound lifted only allows
/// more), runs wholly in the DFA, is quick to build, and rules out most
/// lines first. The rule's own regex is built when a line first gets past
/// it, which in many runs is never.
struct Rx {
    pattern: &'static str,
    exact: OnceLock<Option<Regex>>,
    quick: Option<Regex>,
}

impl Rx {
    /// The rule's own regex (`None` if it does not build).
    fn exact(&self) -> Option<&Regex> {
        self.exact.get_or_init(|| build(self.pattern)).as_ref()
    }

    /// False when the wider pattern rules `text` out.
    fn may_match(&self, text: &str) -> bool {
        self.quick.as_ref().is_none_or(|q| q.is_match(text))
    }

    /// Whether the rule matches `text`, the wider pattern ruling it out first.
    fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.exact().is_some_and(|e| e.is_match(text))
    }

    /// The rule's captures in `text`, the wider pattern ruling it out first.
    fn captures<'t>(&self, text: &'t str) -> Option<regex::Captures<'t>> {
        self.may_match(text).then(|| self.exact()?.captures(text))?
    }
}

/// A lazy DFA of 4 MiB (the default is 2): with less, the "Read also"
/// label's (large, Unicode, case-insensitive) automaton does not fit and
/// every line is matched by the much slower backtracker instead.
fn build(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(pattern)
        .dfa_size_limit(4 << 20)
        .build()
        .ok()
}

/// `pattern` without its `\b`s and with its bounded repetitions from none
/// or one (`{0,3}`, `{1,40}`) unbounded (`*`, `+`); `None` when that
/// changes nothing. For the rules' own patterns, which hold neither `\b`
/// nor `{` inside a bracketed class (where they would not be an assertion
/// and a bound).
fn wider(pattern: &str) -> Option<String> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find(['\\', '{']) {
        let (before, at) = rest.split_at(i);
        out.push_str(before);
        if let Some(after) = at.strip_prefix("\\b") {
            rest = after;
        } else if let Some(after) = at.strip_prefix('\\') {
            // An escape: its character is taken as it is (`\p{L}` whole).
            let n = match after
                .strip_prefix(['p', 'P'])
                .filter(|a| a.starts_with('{'))
            {
                Some(class) => class.find('}').map_or(after.len(), |e| e + 2),
                None => after.chars().next().map_or(0, char::len_utf8),
            };
            let (escaped, after) = after.split_at(n.min(after.len()));
            out.push('\\');
            out.push_str(escaped);
            rest = after;
        } else {
            // `{m,n}` with m of 0 or 1 and n above it.
            let bound = at
                .strip_prefix('{')
                .and_then(|b| b.split_once('}'))
                .and_then(|(b, after)| {
                    let (m, n) = b.split_once(',')?;
                    let (m, n) = (m.parse::<u32>().ok()?, n.parse::<u32>().ok()?);
                    (m <= 1 && n > m).then_some((if m == 0 { '*' } else { '+' }, after))
                });
            if let Some((star, after)) = bound {
                out.push(star);
                rest = after;
            } else {
                out.push('{');
                rest = &at[1..];
            }
        }
    }
    out.push_str(rest);
    (out != pattern).then_some(out)
}

fn re(cell: &'static OnceLock<Option<Rx>>, pattern: &'static str) -> Option<&'static Rx> {
    cell.get_or_init(|| {
        let quick = wider(pattern).and_then(|w| build(&w));
        let rx = Rx {
            pattern,
            exact: OnceLock::new(),
            quick,
        };
        // Without a wider pattern the rule's own is the first one run.
        if rx.quick.is_none() {
            rx.exact()?;
        }
        Some(rx)
    })
    .as_ref()
}

macro_rules! regex {
    ($pat:expr) => {{
        static CELL: OnceLock<Option<Rx>> = OnceLock::new();
        re(&CELL, $pat)
    }};
}

fn hit(r: Option<&Rx>, text: &str) -> bool {
    r.is_some_and(|r| r.is_match(text))
}

/// Each ASCII byte lower-cased when it is a letter or digit, else 0.
const ASCII_ALNUM_LOWER: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Normalises text for comparison: lower case, letters and digits only,
/// single spaces ("Zelenskyy's “Kyiv” talks" → "zelenskyy s kyiv talks").
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_word = false;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // One table read: the byte lower-cased, or 0 for what is not
            // a letter or digit.
            let lower = ASCII_ALNUM_LOWER.get(usize::from(b)).copied().unwrap_or(0);
            let alnum = lower != 0;
            if alnum {
                if !in_word && !out.is_empty() {
                    out.push(' ');
                }
                out.push(char::from(lower));
            }
            in_word = alnum;
            i += 1;
            continue;
        }
        let Some(c) = chronicler_core::text::char_at(s, i) else {
            break;
        };
        // `char::is_alphanumeric`, from a bit table for two-byte scripts.
        let alnum = chronicler_core::text::is_word_char(c);
        if alnum {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
        }
        in_word = alnum;
        i += c.len_utf8();
    }
    out
}

/// Chinese, Japanese and Korean script (written without spaces).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' // ideographs
        | '\u{AC00}'..='\u{D7AF}') // hangul
}

/// Words in a line: whitespace-separated tokens, and in scripts written
/// without spaces, one word per two characters (so a Japanese paragraph is
/// not mistaken for a one-word fragment).
fn word_count(t: &str) -> usize {
    if t.is_ascii() {
        return chronicler_core::text::whitespace_split(t)
            .filter(|w| !w.is_empty())
            .count();
    }
    // Every CJK character takes three bytes in UTF-8, the first at least
    // 0xE3: a word without such a byte ("talks", "“Kyiv”") holds none.
    t.split_whitespace()
        .map(|w| {
            if w.bytes().all(|b| b < 0xE3) {
                return 1;
            }
            (w.chars().filter(|&c| is_cjk(c)).count() / 2).max(1)
        })
        .sum()
}

/// True when the text ends like a sentence (or a quotation, or a lead-in).
fn ends_terminal(t: &str) -> bool {
    let mut rev = t.trim_end().chars().rev();
    match rev.next() {
        Some('.' | '!' | '?' | '…' | '”' | '"' | ':' | ';' | '»' | '’' | '\'') => true,
        Some('。' | '！' | '？' | '」' | '』') => true,
        Some(')' | ']') => matches!(rev.next(), Some('.' | '!' | '?' | '”' | '"')),
        _ => false,
    }
}

/// True when a unit reads like a paragraph of the story.
fn is_real(u: &Unit<'_>) -> bool {
    (u.terminal && u.words >= 8) || u.words >= 15
}

/// Splits the extracted text into units.
fn units<'a>(text: &'a str, hints: &HashMap<usize, Hint>) -> Vec<Unit<'a>> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let (s, e) = (pos, pos + line.len());
        pos = e + 1;
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            lines.push((s, s));
        } else {
            lines.push((s + lead, s + lead + trimmed.len()));
        }
    }
    let ranges = if hard_wrapped(text, &lines) {
        blocks(&lines)
    } else {
        lines
    };
    ranges
        .into_iter()
        .filter(|(s, e)| e > s)
        .filter_map(|(s, e)| {
            let t = text.get(s..e)?;
            Some(Unit {
                start: s,
                end: e,
                text: t,
                words: word_count(t),
                terminal: ends_terminal(t),
                norm: normalize(t),
                hint: hints.get(&s).copied().unwrap_or_default(),
            })
        })
        .collect()
}

/// True when the text looks hard-wrapped: most lines that run on into a
/// next line are long and stop mid-sentence.
fn hard_wrapped(text: &str, lines: &[(usize, usize)]) -> bool {
    let mut pairs = 0usize;
    let mut wrapped = 0usize;
    for w in lines.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.1 == a.0 || b.1 == b.0 {
            continue;
        }
        pairs += 1;
        let t = text.get(a.0..a.1).unwrap_or("");
        let len = t.chars().count();
        if (40..=100).contains(&len) && !ends_terminal(t) {
            wrapped += 1;
        }
    }
    wrapped >= 4 && wrapped * 2 >= pairs
}

/// Merges runs of non-blank lines into blocks.
fn blocks(lines: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for &(s, e) in lines {
        if s == e {
            if let Some(c) = cur.take() {
                out.push(c);
            }
        } else {
            cur = Some(match cur {
                Some((cs, _)) => (cs, e),
                None => (s, e),
            });
        }
    }
    out.extend(cur);
    out
}

/// "Read also", "Related:", "More from" and similar labels: the labels
/// alone, or with a name after them ("More from Reuters"). The two are
/// one rule, split so that the named ones' automaton (a Unicode class
/// repeated up to 40 times, slow to build) is built only for lines that
/// look like them.
fn read_also_label(t: &str) -> bool {
    hit(
        regex!(concat!(
            r"(?i)^\W{0,3}(read also|also read|read more|read next|see also|related( articles?| stories| news| content| coverage| posts?| reading| topics| links?)?|recommended( for you| stories| articles| reading| videos?)?|more from|more on (this|that)( story| topic)?|more stories|you (may|might) (also )?(like|be interested( in)?)|trending( now| stories)?|most (read|popular|viewed|shared)|popular( now| stories| news)?|editor'?s'? picks?|further reading|don'?t miss|latest( news| stories| articles)?|top stories|in other news|keep reading|more news|what to read next|related video|watch also|also watch|read the full (story|article)|explore more|ähnliche (beiträge|artikel|themen|rezepte)|weitere (artikel|beiträge|themen|nachrichten|rezepte|meldungen)|mehr zum thema|mehr (dazu|zum|zur)|das könnte (sie|dich) auch interessieren|auch interessant|(lesen sie|lies) (auch|mehr)|meist(gelesen|diskutiert|kommentiert|geklickt)e?( artikel| beiträge| themen)?|verwandte (artikel|beiträge|themen)|passend zum thema|top[- ]themen|zum weiterlesen|(à )?lire (aussi|également|la suite)|voir aussi|sur le même (sujet|thème)|articles? (similaires|liés|connexes)|pour lire la suite|les plus lus|lea (también|más)|lee también|leer más|te puede interesar|(noticias|artículos) relacionad[oa]s|más noticias|lo más (leído|visto)|leggi anche|articoli correlati|potrebbe interessarti|(leia|veja) (também|mais)|notícias relacionadas|czytaj (też|także|również|więcej)|zobacz (też|także|również)|podobne artykuły|lees ook|meer over",
            r")\s*(:|»|>|\||-|–|—|\.\.\.|…|$)"
        )),
        t,
    ) || hit(
        regex!(concat!(
            r"(?i)^\W{0,3}(more from [\p{L}\d' ]{1,40}|also on [\p{L}\d ]{1,30}|mehr (dazu|zum|zur) [\p{L}\d' ]{1,30}",
            r")\s*(:|»|>|\||-|–|—|\.\.\.|…|$)"
        )),
        t,
    )
}

/// Starts like a "Read more" link even without a separator.
fn read_also_start(t: &str) -> bool {
    hit(
        regex!(r"(?i)^\W{0,3}(read also|also read|read more|read next|see also|more from)\b"),
        t,
    )
}

/// Share, subscribe and advertising prompts, and page furniture.
fn share(u: &Unit<'_>) -> bool {
    if u.words > 30 {
        return false;
    }
    if hit(
        regex!(
            r"(?i)^\W{0,3}(share( this| on| via| the| article| story| post| page| to)?\b|shares?\s*$|follow (us|@|on)\b|subscribe\b|sign up\b|sign in\b|log in\b|register (now|for)\b|click here\b|tap here\b|advertisement\b|advertising\b|sponsored( content)?\b|promoted( content)?\b|tweet( this)?\b|email this|print this|copy link|link copied|join (us|our)\b|download (our|the) app|get (the latest|our newsletter|breaking news)|(our |the )?newsletter\b|all rights reserved|©|copyright\b|we use cookies|this (site|website) uses cookies|accept cookies|listen to this article|comments?\s*(\(\d+\))?\s*$|\d+\s+comments?\s*$|leave a (comment|reply)|skip to|back to top|jump to|scroll to continue|story continues below|continue reading( below)?\s*$|watch:|watch now|listen:|support (our|independent) journalism|become a (member|subscriber)|already a subscriber|to continue reading|enable javascript|(artikel |beitrag |seite |rezept )?(teilen|drucken)\b|jetzt (abonnieren|anmelden|registrieren|teilen)|anzeige\b|werbung\b|kommentare? (schreiben|verfassen|hinzufügen)|(sie sind|du bist) (aktuell |derzeit )?nicht (eingeloggt|angemeldet)|bild (anzeigen|schließen|vergrößern)|alle rechte vorbehalten|partager\b|s'abonner|abonnez-vous|compartir\b|suscríbete|condividi\b|compartilhe\b|udostępnij\b)"
        ),
        u.text,
    ) {
        return true;
    }
    // A row of social network names.
    const SOCIAL: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "email",
        "e",
        "mail",
        "print",
        "share",
        "reddit",
        "pinterest",
        "copy",
        "link",
        "messenger",
        "viber",
        "tumblr",
        "flipboard",
        "instagram",
        "youtube",
        "tiktok",
        "threads",
        "bluesky",
        "mastodon",
        "vk",
        "sms",
        "pocket",
    ];
    let mut words = 0;
    u.norm.split(' ').filter(|w| !w.is_empty()).all(|w| {
        words += 1;
        SOCIAL.contains(&w)
    }) && words >= 2
}

/// Bylines and edit credits.
fn byline(u: &Unit<'_>) -> bool {
    let t = u.text;
    if u.words <= 12
        && hit(
            regex!(
                r"^\(?(?i:by)\s+\p{Lu}[\p{L}'’.\-]*(\s+(\p{Lu}[\p{L}'’.\-]*|and|&|de|van|von|al|bin|la|le|da|di|der|del|dos|du))*\s*(([,|–—\-/]|\bin\b|\bfor\b).*)?$"
            ),
            t,
        )
    {
        return true;
    }
    if u.words <= 40
        && hit(
            regex!(
                r"(?i)^\W{0,3}((additional )?(reporting|writing|editing|edited|written|reported|compiled|produced|updated|reviewed|fact[- ]?checked|translated|research|interview)( and (editing|writing|reporting|translation))? by\b|(author|authors|byline|editor|edited by|written by|posted by|reporter|correspondent)\s*[:|])"
            ),
            t,
        )
    {
        return true;
    }
    // "Published 30 January 2026", "Updated: 10:32 GMT".
    u.words <= 10
        && t.chars().any(|c| c.is_ascii_digit())
        && hit(
            regex!(r"(?i)^\W{0,3}(published|updated|posted|last updated|first published)\b"),
            t,
        )
        && !u.terminal
}

/// Photo and image credits.
fn credit(u: &Unit<'_>) -> bool {
    let t = u.text;
    if u.words <= 25
        && hit(
            regex!(
                r"(?i)^\W{0,3}((file |cover |featured |header |main |top |lead )?(photo|photos|photograph|image|images|picture|pictures|pic|illustration|video|graphic|credit|credits)( credit| credits| source| caption)?\s*(:|\||/|©|-|–|—|$)|(photo|photos|photograph|image|picture|illustration|video) (by|courtesy|credit|source)\b|(courtesy|source) of\b)"
            ),
            t,
        )
    {
        return true;
    }
    let marker = regex!(
        r"(?i)(getty images|shutterstock|afp photo|ap photo|via reuters|reuters/|/ ?reuters\b|via afp|\bafp/|epa[- ]efe|\bvia ap\b|/ ?ap\b|anadolu( agency)? via|sputnik via|\bvia getty\b|alamy|©)"
    );
    // Every match holds one of these (in ASCII case; none has a "k" or an
    // "s", which `(?i)` also matches with the Kelvin sign and the long s):
    // most lines have none, and the regex, whose Unicode `\b` the lazy DFA
    // cannot run on non-ASCII text, is skipped.
    const CORES: &[&str] = &[
        "getty", "hutter", "afp", "ap photo", "reuter", "via ap", "epa", "/", "anadolu", "putni",
        "alamy", "©",
    ];
    let marked = |t: &str| {
        let l = t.to_ascii_lowercase();
        CORES.iter().any(|c| l.contains(c)) && hit(marker, t)
    };
    if u.words <= 12 && !is_real(u) && marked(t) {
        return true;
    }
    // A caption ending in a parenthesised credit.
    if u.words <= 45 && t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            let inner = &t[open..];
            if marked(inner)
                || hit(
                    regex!(r"(?i)^\((photo|image|picture|file photo|credit)s?\b"),
                    inner,
                )
            {
                return true;
            }
        }
    }
    false
}

/// A line that is only a date or time ("30 Jan 2026, 10:32 GMT").
fn date_only(u: &Unit<'_>) -> bool {
    if u.words > 12 || !u.text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    const TOKENS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "gmt",
        "utc",
        "est",
        "edt",
        "cet",
        "cest",
        "bst",
        "pst",
        "pdt",
        "am",
        "pm",
        "at",
        "on",
        "published",
        "updated",
        "ago",
        "hour",
        "hours",
        "minute",
        "minutes",
        "min",
        "mins",
        "day",
        "days",
        "read",
        "st",
        "nd",
        "rd",
        "th",
        "t",
        "z",
        "posted",
        "last",
        "time",
        "reading",
    ];
    u.norm.split(' ').all(|w| {
        w.chars().all(|c| c.is_ascii_digit())
            || TOKENS.contains(&w)
            || (w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd") || w.ends_with("th"))
                && w.chars().next().is_some_and(|c| c.is_ascii_digit())
    })
}

/// Breadcrumbs and section labels.
fn navigation(u: &Unit<'_>) -> bool {
    if u.terminal && !u.text.ends_with('»') {
        return false;
    }
    if u.words <= 4 {
        return true;
    }
    u.words <= 15 && hit(regex!(r"\s(>|»|\||/|›|•|·)\s"), u.text)
}

/// A short `<p>` line before the story is a label of the page (a date, a
/// byline, a section name) unless it reads as a phrase: inner commas or
/// quotation marks, or a script written without spaces (a song's line, a
/// greeting, a quoted motto), and no digit, colon or slash (dates, times,
/// categories, credits), which labels and breadcrumbs are not.
fn page_label(t: &str) -> bool {
    let phrase = t.contains(|c: char| matches!(c, ',' | '„' | '“' | '”' | '«' | '»') || is_cjk(c));
    !phrase || t.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '/' | '|' | '©'))
}

/// A list item ("- ...", "• ...", "1. ...").
fn list_item(t: &str) -> bool {
    hit(regex!(r"^([-*•–—▪►]\s|\d{1,2}[.)]\s)"), t)
}

/// "Sources", "References": the heading of a trailing source list.
fn sources_heading(t: &str) -> bool {
    hit(
        regex!(r"(?i)^\W{0,3}(sources?|references|citations|bibliography)\s*:?\s*$"),
        t,
    )
}

/// Decides what to keep.
pub(crate) fn decide(text: &str, hints: &[(usize, Hint)], meta: &Metadata) -> Outcome {
    let hints: HashMap<usize, Hint> = hints.iter().copied().collect();
    let units = units(text, &hints);
    let mut verdict: Vec<Option<&'static str>> = vec![None; units.len()];
    let mut out = Outcome::default();

    // A trailing "Sources" list.
    let mut sources_from = units.len();
    if let Some(h) = units.iter().rposition(|u| sources_heading(u.text)) {
        let tail = &units[h + 1..];
        let listy = !tail.is_empty()
            && tail.len() <= 40
            && tail
                .iter()
                .all(|u| u.words <= 10 && (!u.terminal || u.words <= 4));
        if listy {
            sources_from = h;
        }
    } else if let Some(last) = units.last() {
        // "Sources: Reuters, AP, Interfax" on one closing line.
        if let Some(c) =
            regex!(r"(?i)^\W{0,3}sources?\s*:\s*(.+)$").and_then(|r| r.captures(last.text))
        {
            if last.words <= 25 {
                sources_from = units.len() - 1;
                if let Some(list) = c.get(1) {
                    out.cited_sources.extend(
                        list.as_str()
                            .split([',', ';'])
                            .map(|s| s.trim().trim_end_matches('.').trim().to_string())
                            .filter(|s| !s.is_empty()),
                    );
                }
            }
        }
    }

    let mut titles: HashSet<String> = HashSet::default();
    if let Some(t) = &meta.title {
        titles.insert(normalize(t));
        for sep in [" | ", " - ", " — ", " – "] {
            if let Some((head, _)) = t.rsplit_once(sep) {
                if head.split_whitespace().count() >= 3 {
                    titles.insert(normalize(head));
                }
            }
        }
    }
    titles.remove("");
    let outlet = meta
        .outlet
        .as_deref()
        .map(normalize)
        .filter(|o| !o.is_empty());

    let mut seen: HashSet<&str> = HashSet::default();
    let mut first_real = false;
    let mut link_titles_left = 0usize;
    let mut prev_kept_opens_list = false;
    for (i, u) in units.iter().enumerate() {
        if i >= sources_from {
            continue;
        }
        let mut follow_links = 0usize;
        // Headings, list items and table cells of a page, and short
        // paragraphs (subheadings), are article text by their markup: the
        // short-line rules below are for plain text and `<div>` fragments.
        let structural = matches!(
            u.hint.kind,
            BlockKind::Heading | BlockKind::ListItem | BlockKind::Cell | BlockKind::Code
        );
        let reason: Option<&'static str> = if u.norm.is_empty() {
            Some("separator")
        } else if titles.contains(&u.norm) {
            Some("repeated-headline")
        } else if seen.contains(u.norm.as_str()) && !structural {
            Some(if u.words <= 25 {
                "repeated-headline"
            } else {
                "repeated"
            })
        } else if read_also_label(u.text)
            || (u.words <= 15 && !is_real(u) && read_also_start(u.text))
        {
            // A bare label: the next short lines are its link titles.
            let label_only = u
                .text
                .trim_end()
                .ends_with([':', '»', '>', '-', '–', '—', '|'])
                || u.words <= 3;
            if label_only {
                follow_links = 3;
            }
            Some("read-also")
        } else if link_titles_left > 0 && u.words <= 15 && !u.terminal {
            follow_links = link_titles_left - 1;
            Some("read-also")
        } else if (u.hint.link_ratio >= 0.8 && u.words <= 25 && !is_real(u))
            || (u.hint.link_ratio >= 0.95 && u.words <= 40)
        {
            Some("read-also")
        } else if share(u) {
            Some("share")
        } else if byline(u) {
            Some("byline")
        } else if credit(u) {
            Some("credit")
        } else if date_only(u) && !structural {
            Some("date")
        } else if outlet.as_deref() == Some(u.norm.as_str()) {
            Some("navigation")
        } else if u.hint.figcaption && !is_real(u) {
            Some("caption")
        } else if !first_real
            && !structural
            && (u.hint.kind != BlockKind::Paragraph || page_label(u.text))
            && navigation(u)
            && (!prev_kept_opens_list || !list_item(u.text))
        {
            Some("navigation")
        } else if caption_like(u, prev_kept_opens_list)
            && !structural
            && u.hint.kind != BlockKind::Paragraph
        {
            Some("caption")
        } else {
            None
        };
        link_titles_left = follow_links;
        seen.insert(u.norm.as_str());
        verdict[i] = reason;
        if reason.is_none() {
            if is_real(u) {
                first_real = true;
            }
            prev_kept_opens_list =
                u.text.ends_with(':') || (prev_kept_opens_list && list_item(u.text));
        }
    }

    // A page's headings after the story's last kept line head what follows
    // the article ("Related posts", "Comments", in any language) once their
    // links are gone: nothing of the article is left under them.
    for i in (0..sources_from.min(units.len())).rev() {
        if verdict[i].is_some() {
            continue;
        }
        if units[i].hint.kind != BlockKind::Heading {
            break;
        }
        verdict[i] = Some("trailing-heading");
    }

    for (i, u) in units.iter().enumerate() {
        if i >= sources_from {
            let reason = if i == sources_from {
                "sources"
            } else if credit(u) {
                // Image credits ("AFP via Getty Images") are not cited
                // sources: dropped, but left out of `cited_sources`.
                "credit"
            } else {
                if !sources_heading(u.text) && out.cited_sources.len() < 100 && sources_from < i {
                    let name = u
                        .text
                        .trim_start_matches(|c: char| {
                            matches!(c, '-' | '*' | '•' | '–' | '—' | ' ')
                        })
                        .trim()
                        .to_string();
                    if !name.is_empty() {
                        out.cited_sources.push(name);
                    }
                }
                "sources"
            };
            out.removed.push(Removed {
                text: u.text.to_string(),
                reason: reason.to_string(),
            });
            continue;
        }
        match verdict[i] {
            Some(reason) => out.removed.push(Removed {
                text: u.text.to_string(),
                reason: reason.to_string(),
            }),
            None => out.kept.push((u.start, u.end)),
        }
    }
    out
}

/// A short line without a sentence ending: a photo caption, an image file
/// title ("Zelenskyy and Putin 1") or a subheading.
fn caption_like(u: &Unit<'_>, in_list: bool) -> bool {
    if u.terminal || is_real(u) {
        return false;
    }
    if in_list && list_item(u.text) {
        return false;
    }
    // Mid-sentence breaks are not captions.
    if u.text.ends_with([',', '-', '–', '—', '(']) {
        return false;
    }
    let ends_in_number =
        u.text.rsplit(char::is_whitespace).next().is_some_and(|w| {
            !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
        });
    u.words < 15 || (ends_in_number && u.words < 20)
}

#[cfg(test)]
mod tests {
    use super::{hit, normalize, re, read_also_label, wider, OnceLock, Rx};

    #[test]
    fn the_quick_pass_without_word_boundaries_changes_no_answer() {
        static CELL: OnceLock<Option<Rx>> = OnceLock::new();
        let r = re(
            &CELL,
            r"(?i)^\W{0,3}(share( this)?\b|follow (us|@)\b|subscribe\b|partager\b)",
        );
        assert!(r.is_some_and(|r| r.quick.is_some()));
        let exact = |l: &str| r.and_then(Rx::exact).is_some_and(|e| e.is_match(l));
        for (line, want) in [
            ("Share this article", true),
            ("“Share” now", true),
            ("« Partager »", true),
            ("follow @Кремль", true),
            ("Shareholders met", false),
            ("shareé", false),
            ("follow @ x", false),
            ("Подпишитесь на канал", false),
            ("“We are ready,” he said.", false),
        ] {
            assert_eq!(hit(r, line), want, "{line}");
            assert_eq!(exact(line), want, "{line}");
        }
    }

    #[test]
    fn the_wider_pattern_drops_word_boundaries_and_bounds_from_none_or_one_only() {
        assert_eq!(wider(r"^\W{2}(a|b)\s*$"), None);
        assert_eq!(wider(r"\d{2,4}[.)]\s{1}\p{Lu}"), None);
        assert_eq!(
            wider(r"(?i)^\W{0,3}share\b|from( [\p{L}\d' ]{1,40})?\\b"),
            Some(r"(?i)^\W*share|from( [\p{L}\d' ]+)?\\b".to_string())
        );
        assert_eq!(
            wider(r"x{1,10}y{0,1}z{1,1}"),
            Some(r"x+y*z{1,1}".to_string())
        );
    }

    /// A label with a bounded name after it: the rule's own regex is
    /// what decides, not the wider one that ruled lines out first.
    #[test]
    fn a_label_with_a_name_longer_than_its_bound_is_not_a_label() {
        assert!(read_also_label("More from Reuters:"));
        assert!(read_also_label("MORE FROM THE KYIV INDEPENDENT"));
        assert!(read_also_label("Also on Ukrainska Pravda »"));
        let long = format!("More from {}", "a".repeat(41));
        assert!(!read_also_label(&long));
        assert!(read_also_label(&format!("More from {}", "a".repeat(40))));
        assert!(!read_also_label(&format!("Also on {}", "b".repeat(31))));
        assert!(!read_also_label(
            "More from the talks in Abu Dhabi on Friday as negotiators met again"
        ));
    }

    /// The definition `normalize` implements with an ASCII fast path.
    fn reference(s: &str) -> String {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn normalize_reads_every_ascii_character_as_the_reference_does() {
        for b in 0..128u8 {
            let c = char::from(b);
            for s in [format!("x{c}y"), format!("{c}{c}é{c}"), format!("Ab {c}")] {
                assert_eq!(normalize(&s), reference(&s), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn normalize_reads_any_text_as_the_reference_does(
            s in "([a-zA-Z0-9 .,'-]{0,12}|[éÉßΣσİıǅ東١½\u{301}“”—]{0,3}){0,8}"
        ) {
            proptest::prop_assert_eq!(normalize(&s), reference(&s));
        }
    }

    #[test]
    fn agency_credits_are_dropped_and_story_lines_kept() {
        let story = "Talks resumed in Geneva on Monday after a week of shelling, officials said.";
        let credits = [
            "Reuters/Ann Wang",
            "SPUTNIK VIA AP",
            "EPA-EFE / STR",
            "Anadolu Agency via Getty Images",
            "John Smith/Alamy",
            "Soldiers near the front (AFP photo)",
        ];
        let text = format!("{story}\n{}\n{story} Again.", credits.join("\n"));
        let out = super::decide(&text, &[], &chronicler_core::Metadata::default());
        let dropped: Vec<(&str, &str)> = out
            .removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason.as_str()))
            .collect();
        let want: Vec<(&str, &str)> = credits.iter().map(|c| (*c, "credit")).collect();
        assert_eq!(dropped, want);
        assert_eq!(out.kept.len(), 2);
    }

    #[test]
    fn normalize_keeps_letters_and_digits_in_lower_case_single_spaced() {
        assert_eq!(
            normalize("Zelenskyy's “Kyiv” talks"),
            "zelenskyy s kyiv talks"
        );
        for s in [
            "",
            "  --  ",
            "İSTANBUL, Σίσυφος — ÖL/ÄRGER 12½ ١٢٣ 東京 x_y",
            "  Read ALSO:  ",
            "a\u{301}b ǅemal — “x”\u{2070}\u{2071}",
        ] {
            assert_eq!(normalize(s), reference(s), "{s:?}");
        }
    }
}
