//! Date expressions resolved against the publication date.

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::{AhoCorasick, Anchored, MatchKind};
use chronicler_core::month_number;
use chronicler_core::text::ADJECTIVAL_PARTICIPLES;
use chronicler_core::{DatePrecision, DateRange, Span};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::{Captures, Regex};

const M: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const D: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const Y: &str = r"(?:19|20)[0-9]{2}";

struct Rules {
    month_range: Option<Regex>,
    day_range: Option<Regex>,
    month_day: Option<Regex>,
    day_month: Option<Regex>,
    month_year: Option<Regex>,
    year: Option<Regex>,
    weekday: Option<Regex>,
    relative: Option<Regex>,
    any_full: Option<Regex>,
    iso: Option<Regex>,
    part_year: Option<Regex>,
    month_alone: Option<Regex>,
    offset: Option<Regex>,
    day_word: Option<Regex>,
    season: Option<Regex>,
    duration: Option<Regex>,
    coming: Option<Regex>,
}

const N: &str = r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety|[1-9][0-9]{0,2})";

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let re = |s: String| Regex::new(&s).ok();
        Rules {
            // between January 23 and 24 / from Jan. 23 to Feb. 2, 2026 / January 23-24
            month_range: re(format!(
                r"(?-u:\b)(?:(?:between|from)\s+)?(?P<m1>{M})\s+(?P<d1>{D})(?:,?\s+(?P<y1>{Y}))?\s*(?:-|–|—|(?-u:\b)and(?-u:\b)|(?-u:\b)to(?-u:\b)|(?-u:\b)until(?-u:\b)|(?-u:\b)through(?-u:\b)|(?-u:\b)thru(?-u:\b))\s*(?:(?P<m2>{M})\s+)?(?P<d2>{D})(?-u:\b)(?:,?\s+(?P<y2>{Y}))?"
            )),
            // 23-24 January 2026 / between 23 and 24 January
            day_range: re(format!(
                r"(?-u:\b)(?:(?:between|from)\s+)?(?P<d1>{D})\s*(?:-|–|(?-u:\b)and(?-u:\b)|(?-u:\b)to(?-u:\b))\s*(?P<d2>{D})\s+(?:of\s+)?(?P<m>{M})(?:,?\s+(?P<y>{Y}))?"
            )),
            month_day: re(format!(r"(?-u:\b)(?P<m>{M})\s+(?P<d>{D})(?-u:\b)(?:,?\s+(?P<y>{Y}))?")),
            day_month: re(format!(r"(?-u:\b)(?P<d>{D})\s+(?:of\s+)?(?P<m>{M})(?:,?\s+(?P<y>{Y}))?")),
            month_year: re(format!(r"(?-u:\b)(?:(?:early|late|mid|mid-)\s*)?(?P<m>{M})\s+(?:of\s+)?(?P<y>{Y})(?-u:\b)")),
            year: re(format!(
                r"(?i)(?-u:\b)(?P<w>in|during|since|by|earlier|early|late|later|before|after|until|throughout|of|from)\s+(?:early\s+|late\s+|mid-)?(?P<y>{Y})(?-u:\b)"
            )),
            // in the coming days / over the coming weeks / in the weeks ahead
            coming: re(r"(?i)(?-u:\b)(?:in|over|within)\s+the\s+(?:coming\s+(?:days|weeks|months)|(?:days|weeks|months)\s+ahead)(?-u:\b)".to_string()),
            weekday: re(r"(?-u:\b)(?:(?P<q>[Ll]ast|[Nn]ext|[Tt]his|on|[Oo]n)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)".to_string()),
            relative: re(r"(?i)(?-u:\b)(?:(?P<a>yesterday|today|tonight|tomorrow)|(?:(?P<e>earlier|later)\s+)?(?P<q>last|this|next|past)\s+(?P<u>week|weekend|month|year)|(?:at|over)\s+the\s+(?P<tw>weekend))(?-u:\b)".to_string()),
            any_full: re(format!(r"(?-u:\b)(?P<m>{M})\s+(?P<d>{D}),?\s+(?P<y>{Y})(?-u:\b)|(?-u:\b)(?P<d2>{D})\s+(?P<m2>{M})\s+(?P<y2>{Y})(?-u:\b)")),
            iso: re(format!(r"(?-u:\b)(?P<y>{Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?-u:\b)")),
            // early 2025 / by the end of 2026 / mid-2024
            part_year: re(format!(
                r"(?i)(?-u:\b)(?:(?P<w>in|by|until|before|since|after|from|during|through)\s+)?(?:the\s+)?(?P<p>early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|first\s+half\s+of|second\s+half\s+of)(?:\s+|-)(?P<y>{Y})(?-u:\b)"
            )),
            // in January / last March / by the end of February / mid-February
            month_alone: re(
                r"(?-u:\b)(?:(?P<w>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom|[Dd]uring|[Tt]hrough|[Ll]ast|[Nn]ext|[Tt]his|[Oo]f)\s+)?(?:(?:the\s+)?(?P<p>[Ee]arly|[Ll]ate|[Mm]id|end\s+of|beginning\s+of|start\s+of|middle\s+of)(?:\s+|-))?(?P<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?-u:\b)".to_string(),
            ),
            // two days ago / in two weeks / within two weeks / over the past three days
            offset: re(format!(
                r"(?i)(?-u:\b)(?:(?P<pre>within|in|(?:over\s+|in\s+|during\s+)?the\s+(?:past|last|next|coming))\s+)?{N}\s+(?P<u>day|week|month|year)s?(?P<ago>\s+ago)?(?-u:\b)"
            )),
            day_word: re(
                r"(?i)(?-u:\b)(?P<x>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|last\s+night|overnight|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today)(?-u:\b)".to_string(),
            ),
            season: re(format!(
                r"(?i)(?-u:\b)(?:(?P<q>last|this|next|early|late)\s+)?(?P<s>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{Y}))?(?-u:\b)"
            )),
            // a one-week moratorium, a 30-day ceasefire, a 72-hour truce
            duration: re(format!(
                r"(?i)(?-u:\b){N}[- ](?P<u>hour|day|week|month|year)s?(?:-long)?(?-u:\b)"
            )),
        }
    })
}

// What every match of a rule contains, for `Gate`: a digit, a month name
// (its first three letters, capital first as the rules spell it), or one
// of the words below. The other words are compared in ASCII case only, and
// none has a "k" or an "s": under `(?i)` those also match the Kelvin sign
// and the long s, the only non-ASCII characters that fold to an ASCII
// letter ("wee" stands for "week", "pring" for "spring").
const DIGIT: u32 = 1;
const MONTH: u32 = 1 << 1;
const DAY: u32 = 1 << 2;
const WEEK: u32 = 1 << 3;
const MONTH_WORD: u32 = 1 << 4;
const YEAR: u32 = 1 << 5;
const NIGHT: u32 = 1 << 6;
const TOMORROW: u32 = 1 << 7;
const DAYTIME: u32 = 1 << 8;
const SEASON: u32 = 1 << 9;
const HOUR: u32 = 1 << 10;
const PART: u32 = 1 << 11;
/// A run of exactly four ASCII digits that starts with 19 or 20: every
/// year `Y` matches is one, for the rules put it between non-digits.
const YEAR4: u32 = 1 << 12;

/// What each rule's matches contain (see [`Gate::captures`]).
const NEED_ISO: &[u32] = &[YEAR4];
const NEED_MONTH_RANGE: &[u32] = &[MONTH, DIGIT];
const NEED_DAY_RANGE: &[u32] = &[MONTH, DIGIT];
/// `month_day` and `day_month`.
const NEED_MONTH_DAY: &[u32] = &[MONTH, DIGIT];
const NEED_MONTH_YEAR: &[u32] = &[MONTH, YEAR4];
const NEED_SEASON: &[u32] = &[SEASON];
const NEED_PART_YEAR: &[u32] = &[YEAR4, PART];
const NEED_YEAR: &[u32] = &[YEAR4];
const NEED_DAY_WORD: &[u32] = &[DAY | NIGHT | DAYTIME];
const NEED_WEEKDAY: &[u32] = &[DAY];
const NEED_OFFSET: &[u32] = &[DAY | WEEK | MONTH_WORD | YEAR];
const NEED_RELATIVE: &[u32] = &[DAY | NIGHT | TOMORROW | WEEK | MONTH_WORD | YEAR];
const NEED_MONTH_ALONE: &[u32] = &[MONTH];
const NEED_DURATION: &[u32] = &[HOUR | DAY | WEEK | MONTH_WORD | YEAR];
const NEED_ANY_FULL: &[u32] = &[MONTH, YEAR4];

const KEYWORDS: &[(&str, u32)] = &[
    ("jan", MONTH),
    ("feb", MONTH),
    ("mar", MONTH),
    ("apr", MONTH),
    ("may", MONTH),
    ("jun", MONTH),
    ("jul", MONTH),
    ("aug", MONTH),
    ("sep", MONTH),
    ("oct", MONTH),
    ("nov", MONTH),
    ("dec", MONTH),
    ("day", DAY),
    ("wee", WEEK),
    ("month", MONTH_WORD),
    ("year", YEAR),
    ("night", NIGHT),
    ("tomorrow", TOMORROW),
    ("morning", DAYTIME),
    ("afternoon", DAYTIME),
    ("evening", DAYTIME),
    ("pring", SEASON),
    ("ummer", SEASON),
    ("autumn", SEASON),
    ("winter", SEASON),
    ("hour", HOUR),
    ("early", PART),
    ("late", PART),
    ("mid", PART),
    ("end", PART),
    ("beginning", PART),
    ("tart", PART),
    ("half", PART),
];

/// The keywords' automaton, stepped byte by byte inside [`Gate::new`]'s
/// own pass over the text (every match, overlapping ones included).
fn keywords() -> Option<&'static aho_corasick::dfa::DFA> {
    static A: OnceLock<Option<aho_corasick::dfa::DFA>> = OnceLock::new();
    A.get_or_init(|| {
        aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .build(KEYWORDS.iter().map(|k| k.0))
            .ok()
    })
    .as_ref()
}

/// A month keyword ("jan", "may"...) as every month name of the rules
/// begins: an upper-case letter, then lower-case ones ("Jan", "May").
fn month_case(kw: &[u8]) -> bool {
    matches!(kw, [a, rest @ ..] if a.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_lowercase))
}

/// True for a character no date expression contains: the text is cut
/// there into pieces that each hold whole matches. A full stop is one
/// unless it may end a month's abbreviation ("Jan.", "Sept.", and
/// "September." which `M` allows).
fn is_break(text: &str, i: usize, c: char) -> bool {
    match c {
        '.' => {
            let before = text.as_bytes().get(i.saturating_sub(3)..i).unwrap_or(&[]);
            before.len() != 3
                || ![
                    b"jan", b"feb", b"mar", b"apr", b"aug", b"sep", b"ept", b"ber", b"oct", b"nov",
                    b"dec",
                ]
                .iter()
                .any(|m| before.eq_ignore_ascii_case(*m))
        }
        // ASCII punctuation but `_` (a word character for `\b`) and what
        // dates are written with.
        '!'..='/' | ':'..='@' | '['..='^' | '`' | '{'..='~' => !matches!(c, ',' | '-'),
        '“' | '”' | '‘' | '’' | '«' | '»' | '…' | '•' | '·' => true,
        _ => false,
    }
}

/// The pieces of a text between break characters (see [`is_break`]), each
/// with the keyword classes it contains. A rule is run only over the runs
/// of consecutive pieces holding what it needs: every match lies within
/// one piece, and a piece starts and ends next to a non-word character as
/// the text does (the rules' only look-around is the ASCII `\b`), so the
/// matches found are exactly those of a search of the whole text.
struct Gate {
    pieces: Vec<(usize, usize, u32)>,
}

impl Gate {
    fn new(text: &str) -> Gate {
        let mut pieces = Vec::new();
        let (mut start, mut mask) = (0, 0);
        let bytes = text.as_bytes();
        let mut i = 0;
        // The current run of ASCII digits: where it started.
        let mut run: Option<usize> = None;
        let year4 = |run: usize, end: usize| {
            end - run == 4 && matches!(bytes.get(run..run + 2), Some(b"19" | b"20"))
        };
        // The keyword automaton and its start state.
        let kw = keywords().and_then(|a| Some((a, a.start_state(Anchored::No).ok()?)));
        // Counts in `mask` the keywords ending at byte `end - 1`, where the
        // automaton reached `sid` (a match state).
        let matched = |a: &aho_corasick::dfa::DFA, sid, end: usize, mask: &mut u32| {
            for m in 0..a.match_len(sid) {
                let pid = a.match_pattern(sid, m);
                let Some(kw) = KEYWORDS.get(pid.as_usize()) else {
                    continue;
                };
                // The rules that need a month match its name
                // case-sensitively, capital first ("May", never "may"
                // or "market"): the other spellings do not count.
                let kw_start = end - a.pattern_len(pid);
                if kw.1 == MONTH && !bytes.get(kw_start..end).is_some_and(month_case) {
                    continue;
                }
                *mask |= kw.1;
            }
        };
        // The automaton steps on ASCII letters only and goes back to its
        // start on any other byte: a keyword is ASCII letters only, so
        // after another byte no keyword is under way (what stepping on it
        // gives too), and none holds a break character: each keyword is
        // counted in the piece being read.
        let start_state = kw.map(|(_, s0)| s0);
        let mut state = start_state;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_digit() {
                mask |= DIGIT;
                run.get_or_insert(i);
                state = start_state;
                i += 1;
                continue;
            }
            if let Some(r) = run.take() {
                if year4(r, i) {
                    mask |= YEAR4;
                }
            }
            if b.is_ascii_alphabetic() || b == b' ' {
                // Letters and spaces (most of a text): keywords only.
                while let Some(&x) = bytes.get(i) {
                    if x.is_ascii_alphabetic() {
                        if let (Some((a, _)), Some(sid)) = (kw, state) {
                            let next = a.next_state(Anchored::No, sid, x);
                            state = Some(next);
                            if a.is_special(next) && a.is_match(next) {
                                matched(a, next, i + 1, &mut mask);
                            }
                        }
                    } else if x == b' ' {
                        state = start_state;
                    } else {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            state = start_state;
            let Some(c) = chronicler_core::text::char_at(text, i) else {
                break;
            };
            if is_break(text, i, c) {
                pieces.push((start, i, mask));
                (start, mask) = (i + c.len_utf8(), 0);
            }
            i += c.len_utf8();
        }
        if run.is_some_and(|r| year4(r, text.len())) {
            mask |= YEAR4;
        }
        pieces.push((start, text.len(), mask));
        Gate { pieces }
    }

    /// The matches of `re` in `text`, searched only in the runs of pieces
    /// holding, for each entry of `need`, one of its keyword classes.
    fn captures<'t>(
        &self,
        re: &'t Option<Regex>,
        text: &'t str,
        need: &[u32],
    ) -> impl Iterator<Item = Caps<'t>> + 't {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut open = false;
        for &(s, e, mask) in &self.pieces {
            if need.iter().all(|n| mask & n != 0) {
                match runs.last_mut() {
                    Some(last) if open => last.1 = e,
                    _ => runs.push((s, e)),
                }
                open = true;
            } else {
                open = false;
            }
        }
        re.iter().flat_map(move |re| {
            runs.clone().into_iter().flat_map(move |(s, e)| {
                text.get(s..e)
                    .into_iter()
                    .flat_map(move |piece| re.captures_iter(piece).map(move |c| Caps { c, off: s }))
            })
        })
    }
}

/// Captures of a search of part of a text, with offsets in the whole text.
struct Caps<'t> {
    c: Captures<'t>,
    off: usize,
}

/// A capture group's match, offsets in the whole text.
#[derive(Clone, Copy)]
struct Hit<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> Hit<'t> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn as_str(&self) -> &'t str {
        self.text
    }
}

impl<'t> Caps<'t> {
    fn hit(&self, m: Option<regex::Match<'t>>) -> Option<Hit<'t>> {
        m.map(|m| Hit {
            start: m.start() + self.off,
            end: m.end() + self.off,
            text: m.as_str(),
        })
    }
    fn get(&self, i: usize) -> Option<Hit<'t>> {
        self.hit(self.c.get(i))
    }
    fn name(&self, n: &str) -> Option<Hit<'t>> {
        self.hit(self.c.name(n))
    }
}

fn day_of(s: &str) -> Option<i8> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// The date `m`/`d` in the year that puts it nearest `anchor`.
fn nearest(m: i8, d: i8, anchor: Date) -> Option<Date> {
    let y = anchor.year();
    [y - 1, y, y + 1]
        .iter()
        .filter_map(|&y| Date::new(y, m, d).ok())
        .min_by_key(|c| {
            c.since(anchor)
                .map(|s| s.get_days().abs())
                .unwrap_or(i32::MAX)
        })
}

fn ymd(y: Option<&str>, m: i8, d: i8, anchor: Date) -> Option<Date> {
    match y.and_then(|y| y.parse::<i16>().ok()) {
        Some(y) => Date::new(y, m, d).ok(),
        None => nearest(m, d, anchor),
    }
}

fn range(a: Date, b: Date) -> DateRange {
    if b <= a {
        DateRange::day(a)
    } else {
        DateRange {
            start: Some(a),
            end: Some(b),
            precision: DatePrecision::Day,
            ..Default::default()
        }
    }
}

fn span_range(a: Date, b: Date, p: DatePrecision) -> DateRange {
    DateRange {
        start: Some(a),
        end: Some(b),
        precision: p,
        ..Default::default()
    }
}

fn weekday_of(s: &str) -> Option<Weekday> {
    Some(match s {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// The Saturday of the weekend meant: the next one, or the latest (the
/// anchor's own when it is a Saturday or Sunday).
fn weekend(anchor: Date, next: bool) -> Option<Date> {
    if next {
        anchor.nth_weekday(1, Weekday::Saturday).ok()
    } else {
        anchor
            .checked_add(1.days())
            .ok()?
            .nth_weekday(-1, Weekday::Saturday)
            .ok()
    }
}

fn week_start(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(back.days()).unwrap_or(d)
}

fn month_bounds(y: i16, m: i8) -> Option<(Date, Date)> {
    let a = Date::new(y, m, 1).ok()?;
    Some((a, a.last_of_month()))
}

/// One date expression found: where and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte span.
    pub span: Span,
    /// Resolution.
    pub range: DateRange,
}

/// The clause before `at` (back to the sentence start, at most 80 bytes),
/// lower-cased, with spaces around.
fn before_window(text: &str, at: usize) -> String {
    let from = chronicler_core::text::floor_char_boundary(text, at.saturating_sub(80));
    let window = &text[from..at];
    let sentence_start = window.rfind(['.', '\n', '!', '?']).map_or(0, |i| i + 1);
    format!(" {} ", &window[sentence_start..]).to_ascii_lowercase()
}

/// The rest of the clause after `at` (to the sentence end, at most 60
/// bytes), lower-cased, with spaces around.
fn after_window(text: &str, at: usize) -> String {
    let to = chronicler_core::text::floor_char_boundary(text, (at + 60).min(text.len()));
    let window = text.get(at..to).unwrap_or("");
    let end = window
        .find(['.', '\n', '!', '?', ';'])
        .unwrap_or(window.len());
    format!(" {} ", &window[..end]).to_ascii_lowercase()
}

const FUTURE: &[&str] = &[
    " will ",
    " would ",
    " shall ",
    " scheduled",
    " set to ",
    " plans to ",
    " planned ",
    " due to ",
    " due on ",
    " expected to ",
    " is to ",
    " are to ",
    " next ",
    " upcoming ",
    " to be held ",
    " going to ",
    "'ll ",
    "\u{2019}ll ",
];

const PAST: &[&str] = &[
    " said ",
    " was ",
    " were ",
    " had ",
    " did ",
    " held ",
    " met ",
    " took ",
    " told ",
    " began ",
    " launched ",
    " killed ",
    " attacked ",
    " announced ",
    " signed ",
    " agreed ",
    " returned ",
    " struck ",
    " arrived ",
    " visited ",
    " spoke ",
    " ago ",
];

/// A list of tense markers ([`FUTURE`], [`PAST`]) searched in one pass.
struct Markers {
    list: &'static [&'static str],
    ac: Option<AhoCorasick>,
}

impl Markers {
    fn new(list: &'static [&'static str]) -> Markers {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(list)
            .ok();
        Markers { list, ac }
    }

    /// Where the leftmost marker in `hay` starts: under leftmost-first
    /// matching the match found is one starting at the smallest position
    /// where any marker occurs.
    fn first(&self, hay: &str) -> Option<usize> {
        match &self.ac {
            Some(ac) => ac.find(hay).map(|m| m.start()),
            None => self.list.iter().filter_map(|k| hay.find(k)).min(),
        }
    }

    fn any(&self, hay: &str) -> bool {
        self.first(hay).is_some()
    }
}

fn future_markers() -> &'static Markers {
    static F: OnceLock<Markers> = OnceLock::new();
    F.get_or_init(|| Markers::new(FUTURE))
}

fn past_markers() -> &'static Markers {
    static P: OnceLock<Markers> = OnceLock::new();
    P.get_or_init(|| Markers::new(PAST))
}

/// Future tense around a date expression: a future marker before it in the
/// clause, or right after it when nothing before it is past ("On Friday,
/// the leaders will meet"; not "Katz warned on Wednesday that Israel
/// would act").
fn future_context(text: &str, at: usize, end: usize) -> bool {
    let (future, past) = (future_markers(), past_markers());
    let b = before_window(text, at);
    if future.any(&b) {
        return true;
    }
    // "Katz warned on Wednesday that Israel would act": the clause is
    // told in the past, whatever the reported speech after the date says.
    if past.any(&b) || past_verb_before(text, at) {
        return false;
    }
    let a = after_window(text, end);
    match (future.first(&a), past.first(&a)) {
        (Some(f), Some(p)) => f < p,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Past tense before a date expression in its clause.
fn past_context(text: &str, at: usize) -> bool {
    let b = before_window(text, at);
    (past_markers().any(&b) || past_verb_before(text, at)) && !future_markers().any(&b)
}

/// Irregular past tenses news tells acts with (beyond [`PAST`]).
const IRREGULAR_PAST: &[&str] = &[
    "fell", "broke", "came", "went", "fled", "fought", "led", "left", "sent", "shot", "won",
    "lost", "gave", "made", "rose", "saw", "stood", "threw", "brought", "hit", "ran", "seized",
];

/// A past-tense verb earlier in the clause: "it collapsed in March", "fighting
/// resumed in August". A lower-case word in -ed (or an irregular past) that
/// no present or future auxiliary governs ("is based", "to be deployed").
fn past_verb_before(text: &str, at: usize) -> bool {
    let from = chronicler_core::text::floor_char_boundary(text, at.saturating_sub(160));
    let window = text.get(from..at).unwrap_or("");
    let start = window
        .rfind(['.', '\n', '!', '?', ';'])
        .map_or(0, |i| i + 1);
    let words: Vec<&str> = window[start..]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let verb = w.starts_with(|c: char| c.is_ascii_lowercase())
            && ((w.len() > 4 && w.ends_with("ed") && !ADJECTIVAL_PARTICIPLES.contains(w))
                || IRREGULAR_PAST.contains(w));
        let aux = i
            .checked_sub(1)
            .and_then(|k| words.get(k))
            .is_some_and(|p| {
                matches!(
                    p.to_ascii_lowercase().as_str(),
                    "is" | "are" | "be" | "been" | "being" | "will" | "to" | "has" | "have"
                )
            });
        verb && !aux
    })
}

fn number_of(s: &str) -> Option<i64> {
    match s.to_ascii_lowercase().as_str() {
        "a" | "an" => Some(1),
        l => l
            .parse()
            .ok()
            .or_else(|| crate::quantities::word_value(l).map(|v| v as i64)),
    }
}

/// `d` moved by `n` units (day, week, month, year; hours round up to days).
fn shift(d: Date, n: i64, unit: &str) -> Option<Date> {
    let u = unit.to_ascii_lowercase();
    match u.trim_end_matches('s') {
        "hour" => {
            let days = if n >= 0 {
                (n + 23) / 24
            } else {
                -((-n + 23) / 24)
            };
            d.checked_add(days.days()).ok()
        }
        "day" => d.checked_add(n.days()).ok(),
        "week" => d.checked_add((7 * n).days()).ok(),
        "month" => d.checked_add(n.months()).ok(),
        "year" => d.checked_add(n.years()).ok(),
        _ => None,
    }
}

/// Which occurrence of a month without a year is meant.
#[derive(Clone, Copy, PartialEq)]
enum Pick {
    Last,
    Next,
    This,
    Future,
    Past,
    Nearest,
}

/// The year of month `m` for `pick`, relative to `anchor`.
fn month_year_for(m: i8, anchor: Date, pick: Pick) -> i16 {
    let (y, am) = (anchor.year(), anchor.month());
    let diff = i16::from(m) - i16::from(am);
    match pick {
        Pick::This => y,
        Pick::Last if m < am => y,
        Pick::Last => y - 1,
        Pick::Next if m > am => y,
        Pick::Next => y + 1,
        Pick::Future if m >= am => y,
        Pick::Future => y + 1,
        Pick::Past if m <= am => y,
        Pick::Past => y - 1,
        Pick::Nearest if diff > 6 => y - 1,
        Pick::Nearest if diff < -6 => y + 1,
        Pick::Nearest => y,
    }
}

/// First and last day of a season starting in year `y` (northern hemisphere;
/// winter runs December to February).
fn season_bounds(s: &str, y: i16) -> Option<(Date, Date)> {
    let (a, b) = match s {
        "spring" => (Date::new(y, 3, 1), Date::new(y, 5, 31)),
        "summer" => (Date::new(y, 6, 1), Date::new(y, 8, 31)),
        "autumn" => (Date::new(y, 9, 1), Date::new(y, 11, 30)),
        "winter" => (
            Date::new(y, 12, 1),
            Date::new(y + 1, 2, 1).map(|d| d.last_of_month()),
        ),
        _ => return None,
    };
    Some((a.ok()?, b.ok()?))
}

/// Narrows a month to a part: early (1-10), mid (11-20), late/end (21-).
fn month_part(a: Date, b: Date, part: &str) -> (Date, Date) {
    let p = part.to_ascii_lowercase();
    let day = |d: i8| Date::new(a.year(), a.month(), d).unwrap_or(a);
    if p.starts_with("early") || p.starts_with("beginning") || p.starts_with("start") {
        (a, day(10))
    } else if p.starts_with("mid") {
        (day(11), day(20))
    } else if p.starts_with("late") || p.starts_with("end") {
        (day(21), b)
    } else {
        (a, b)
    }
}

/// Narrows a year to a part: early (Jan-Apr), mid (May-Aug), late (Sep-Dec),
/// end (December), beginning (January), halves.
fn year_part(y: i16, part: &str) -> Option<(Date, Date)> {
    let p = part.to_ascii_lowercase();
    let (m1, m2) = if p.starts_with("early") {
        (1, 4)
    } else if p.starts_with("mid") {
        (5, 8)
    } else if p.starts_with("late") {
        (9, 12)
    } else if p.starts_with("end") {
        (12, 12)
    } else if p.starts_with("beginning") || p.starts_with("start") {
        (1, 1)
    } else if p.starts_with("first") {
        (1, 6)
    } else if p.starts_with("second") {
        (7, 12)
    } else {
        (1, 12)
    };
    let a = Date::new(y, m1, 1).ok()?;
    let b = Date::new(y, m2, 1).ok()?.last_of_month();
    Some((a, b))
}

/// Applies a bounding preposition: "by"/"until"/"before" leave the start
/// open, "since"/"after" the end.
fn bounded(w: Option<&str>, a: Date, b: Date, p: DatePrecision) -> DateRange {
    match w.map(str::to_ascii_lowercase).as_deref() {
        Some("by" | "until" | "before") => DateRange {
            start: None,
            end: Some(b),
            precision: p,
            ..Default::default()
        },
        Some("since" | "after") => DateRange {
            start: Some(a),
            end: None,
            precision: p,
            ..Default::default()
        },
        _ => span_range(a, b, p),
    }
}

const END_WORDS: &[&str] = &[
    "expire",
    "expires",
    "expiring",
    "expired",
    "end",
    "ends",
    "ending",
    "ended",
    "until",
    "till",
    "through",
    "lapse",
    "lapses",
    "run to",
    "runs to",
    "runs until",
    "run until",
];
const START_WORDS: &[&str] = &[
    "began",
    "begin",
    "begins",
    "beginning",
    "start",
    "starts",
    "started",
    "starting",
    "from",
    "since",
    "effective",
    "took effect",
    "takes effect",
    "take effect",
    "as of",
];

/// Ties durations ("a one-week moratorium ... set to expire around
/// February 1") to the day they bound in the same sentence: an end day gives
/// the start, a start day the end.
fn durations(text: &str, g: &Gate, re: &Option<Regex>, out: &mut Vec<Found>) {
    let mut add = Vec::new();
    for c in g.captures(re, text, NEED_DURATION) {
        let (Some(all), Some(n), Some(u)) = (c.get(0), c.name("n"), c.name("u")) else {
            continue;
        };
        let span = Span::new(all.start(), all.end());
        if out.iter().any(|f| f.span.overlaps(span)) {
            continue;
        }
        let Some(n) = number_of(n.as_str()) else {
            continue;
        };
        let s_start = text[..span.start]
            .rfind(['.', '\n', '?', '!'])
            .map_or(0, |i| i + 1);
        let s_end = text[span.end..]
            .find(". ")
            .or_else(|| text[span.end..].find('\n'))
            .map_or(text.len(), |i| span.end + i);
        let bound = out
            .iter()
            .filter(|f| {
                f.span.start >= s_start
                    && f.span.end <= s_end
                    && f.range.precision == DatePrecision::Day
            })
            .filter_map(|f| {
                let from = chronicler_core::text::floor_char_boundary(
                    text,
                    f.span.start.saturating_sub(30),
                );
                let before = text[from..f.span.start].to_ascii_lowercase();
                let words: Vec<&str> = before
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let tail: Vec<&str> = words.iter().rev().take(3).copied().collect();
                let has = |list: &[&str]| {
                    list.iter().any(|k| {
                        if k.contains(' ') {
                            before.contains(k)
                        } else {
                            tail.contains(k)
                        }
                    })
                };
                let dist = f.span.start.abs_diff(span.start);
                if has(END_WORDS) {
                    Some((dist, true, f.range))
                } else if has(START_WORDS) {
                    Some((dist, false, f.range))
                } else {
                    None
                }
            })
            .min_by_key(|x| x.0);
        let Some((_, is_end, r)) = bound else {
            continue;
        };
        let range = if is_end {
            let Some(e) = r.end.or(r.start) else { continue };
            shift(e, -n, u.as_str()).map(|a| span_range(a, e, DatePrecision::Day))
        } else {
            let Some(a) = r.start else { continue };
            shift(a, n, u.as_str()).map(|b| span_range(a, b, DatePrecision::Day))
        };
        if let Some(mut range) = range {
            // The far end is counted from a duration ("a one-week moratorium"):
            // approximate.
            range.approximate = true;
            add.push(Found { span, range });
        }
    }
    out.extend(add);
}

/// Finds date expressions in `text` anchored on `anchor` (publication date).
pub fn find(text: &str, anchor: Date) -> Vec<Found> {
    let r = rules();
    let g = Gate::new(text);
    let mut out: Vec<Found> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    let mut add = |s: usize, e: usize, range: Option<DateRange>, out: &mut Vec<Found>| {
        let span = Span::new(s, e);
        if let Some(range) = range {
            if !taken.iter().any(|t| t.overlaps(span)) {
                taken.push(span);
                out.push(Found { span, range });
            }
        }
    };
    for c in g.captures(&r.iso, text, NEED_ISO) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let y: i16 = c.name("y")?.as_str().parse().ok()?;
            let m: i8 = c.name("m")?.as_str().parse().ok()?;
            let d: i8 = c.name("d")?.as_str().parse().ok()?;
            Some(DateRange::day(Date::new(y, m, d).ok()?))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for c in g.captures(&r.month_range, text, NEED_MONTH_RANGE) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let m1 = month_number(c.name("m1")?.as_str())?;
            let d1 = day_of(c.name("d1")?.as_str())?;
            let m2 = c
                .name("m2")
                .and_then(|m| month_number(m.as_str()))
                .unwrap_or(m1);
            let d2 = day_of(c.name("d2")?.as_str())?;
            let y = c.name("y2").or(c.name("y1")).map(|y| y.as_str());
            let a = ymd(c.name("y1").map(|y| y.as_str()).or(y), m1, d1, anchor)?;
            let mut b = Date::new(a.year(), m2, d2).ok()?;
            if b < a {
                b = Date::new(a.year() + 1, m2, d2).ok()?;
            }
            Some(range(a, b))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for c in g.captures(&r.day_range, text, NEED_DAY_RANGE) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let m = month_number(c.name("m")?.as_str())?;
            let a = ymd(
                c.name("y").map(|y| y.as_str()),
                m,
                day_of(c.name("d1")?.as_str())?,
                anchor,
            )?;
            let b = Date::new(a.year(), m, day_of(c.name("d2")?.as_str())?).ok()?;
            Some(range(a, b))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for re in [&r.month_day, &r.day_month] {
        for c in g.captures(re, text, NEED_MONTH_DAY) {
            let Some(all) = c.get(0) else { continue };
            // "May" as a verb: "May 5" needs the day; fine. Skip "March 2026"-like misreads.
            let res = (|| {
                let m = month_number(c.name("m")?.as_str())?;
                let d = day_of(c.name("d")?.as_str())?;
                Some(DateRange::day(ymd(
                    c.name("y").map(|y| y.as_str()),
                    m,
                    d,
                    anchor,
                )?))
            })();
            add(all.start(), all.end(), res, &mut out);
        }
    }
    for c in g.captures(&r.month_year, text, NEED_MONTH_YEAR) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let m = month_number(c.name("m")?.as_str())?;
            let y: i16 = c.name("y")?.as_str().parse().ok()?;
            let (a, b) = month_bounds(y, m)?;
            Some(span_range(a, b, DatePrecision::Month))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for c in g.captures(&r.season, text, NEED_SEASON) {
        let (Some(all), Some(sc)) = (c.get(0), c.name("s")) else {
            continue;
        };
        let q = c.name("q").map(|q| q.as_str().to_ascii_lowercase());
        let season = sc.as_str().to_ascii_lowercase();
        let y = c.name("y").and_then(|y| y.as_str().parse::<i16>().ok());
        let res = (|| {
            if let Some(y) = y {
                let (a, b) = season_bounds(&season, y)?;
                return Some(span_range(a, b, DatePrecision::Month));
            }
            let occ: Vec<(Date, Date)> = (anchor.year() - 2..=anchor.year() + 1)
                .filter_map(|y| season_bounds(&season, y))
                .collect();
            let containing = occ.iter().find(|(a, b)| *a <= anchor && anchor <= *b);
            let (a, b) = match q.as_deref()? {
                "last" => occ.iter().rev().find(|(_, b)| *b < anchor)?,
                "next" => occ.iter().find(|(a, _)| *a > anchor)?,
                "this" => containing.or_else(|| {
                    if future_context(text, all.start(), all.end())
                        || !past_context(text, all.start())
                    {
                        occ.iter().find(|(a, _)| *a > anchor)
                    } else {
                        occ.iter().rev().find(|(_, b)| *b < anchor)
                    }
                })?,
                _ => return None,
            };
            Some(span_range(*a, *b, DatePrecision::Month))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for c in g.captures(&r.part_year, text, NEED_PART_YEAR) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            let y: i16 = c.name("y")?.as_str().parse().ok()?;
            let (a, b) = year_part(y, c.name("p")?.as_str())?;
            let p = if a.month() == 1 && b.month() == 12 {
                DatePrecision::Year
            } else {
                DatePrecision::Month
            };
            Some(bounded(c.name("w").map(|w| w.as_str()), a, b, p))
        })();
        let w = c.name("w").map(|w| w.as_str().to_ascii_lowercase());
        let s = match (w.as_deref(), c.name("p")) {
            (Some("in" | "during" | "from" | "through"), Some(p)) => p.start(),
            _ => all.start(),
        };
        add(s, all.end(), res, &mut out);
    }
    for c in g.captures(&r.year, text, NEED_YEAR) {
        let (Some(all), Some(w), Some(yc)) = (c.get(0), c.name("w"), c.name("y")) else {
            continue;
        };
        let Ok(y) = yc.as_str().parse::<i16>() else {
            continue;
        };
        let (Ok(a), Ok(b)) = (Date::new(y, 1, 1), Date::new(y, 12, 31)) else {
            continue;
        };
        let word = w.as_str().to_ascii_lowercase();
        let res = match word.as_str() {
            "by" | "until" | "before" => DateRange {
                start: None,
                end: Some(b),
                precision: DatePrecision::Year,
                ..Default::default()
            },
            "since" | "after" => DateRange {
                start: Some(a),
                end: None,
                precision: DatePrecision::Year,
                ..Default::default()
            },
            _ => span_range(a, b, DatePrecision::Year),
        };
        // Keep the preposition out of the span except for "earlier 2025"-like qualifiers.
        let s = if matches!(
            word.as_str(),
            "in" | "during" | "of" | "from" | "throughout"
        ) {
            yc.start()
        } else {
            all.start()
        };
        add(s, all.end(), Some(res), &mut out);
    }
    for c in g.captures(&r.day_word, text, NEED_DAY_WORD) {
        let Some(all) = c.get(0) else { continue };
        let x = all.as_str().to_ascii_lowercase();
        let res = if x.contains("before yesterday") {
            anchor.checked_sub(2.days()).ok().map(DateRange::day)
        } else if x.contains("after tomorrow") {
            anchor.checked_add(2.days()).ok().map(DateRange::day)
        } else if x.starts_with("last") {
            anchor.yesterday().ok().map(DateRange::day)
        } else if x == "overnight" {
            anchor
                .yesterday()
                .ok()
                .map(|y| span_range(y, anchor, DatePrecision::Day))
        } else {
            Some(DateRange::day(anchor))
        };
        add(all.start(), all.end(), res, &mut out);
    }
    for c in g.captures(&r.weekday, text, NEED_WEEKDAY) {
        let (Some(all), Some(w)) = (c.get(0), c.name("w")) else {
            continue;
        };
        let Some(wd) = weekday_of(w.as_str()) else {
            continue;
        };
        let q = c.name("q").map(|q| q.as_str().to_ascii_lowercase());
        // AP style: a weekday names a day within a week of publication; the
        // publication's own weekday is that day, whatever the tense, unless
        // "last"/"next" ("last Friday" on a Friday is a week earlier).
        let (after, before) = (
            anchor.nth_weekday(1, wd).ok(),
            anchor.nth_weekday(-1, wd).ok(),
        );
        let d = match q.as_deref() {
            Some("next") => after,
            Some("last") => before,
            _ if anchor.weekday() == wd => Some(anchor),
            Some("this") if !past_context(text, all.start()) => after,
            _ if future_context(text, all.start(), all.end()) => after,
            _ => before,
        };
        let s = if q.as_deref() == Some("on") {
            w.start()
        } else {
            all.start()
        };
        add(s, all.end(), d.map(DateRange::day), &mut out);
    }
    // "in the coming days": from the day after publication, open-ended
    for c in g.captures(&r.coming, text, NEED_OFFSET) {
        let Some(all) = c.get(0) else { continue };
        let res = anchor.tomorrow().ok().map(|d| DateRange {
            start: Some(d),
            end: None,
            precision: DatePrecision::Day,
            ..Default::default()
        });
        add(all.start(), all.end(), res, &mut out);
    }
    for c in g.captures(&r.offset, text, NEED_OFFSET) {
        let (Some(all), Some(n), Some(u)) = (c.get(0), c.name("n"), c.name("u")) else {
            continue;
        };
        let Some(n) = number_of(n.as_str()) else {
            continue;
        };
        let unit = u.as_str().to_ascii_lowercase();
        let pre = c.name("pre").map(|p| p.as_str().to_ascii_lowercase());
        let ago = c.name("ago").is_some();
        let p = match unit.as_str() {
            "month" => DatePrecision::Month,
            "year" => DatePrecision::Year,
            _ => DatePrecision::Day,
        };
        let res = match (pre.as_deref(), ago) {
            // two days ago
            (None, true) => shift(anchor, -n, &unit).map(|d| {
                if p == DatePrecision::Day {
                    DateRange::day(d)
                } else {
                    DateRange {
                        start: Some(d),
                        end: None,
                        precision: p,
                        ..Default::default()
                    }
                }
            }),
            // within two weeks
            (Some("within"), false) => {
                shift(anchor, n, &unit).map(|d| span_range(anchor, d, DatePrecision::Day))
            }
            // in two weeks
            (Some("in"), false) => shift(anchor, n, &unit).map(DateRange::day),
            // over the past three days / the next two weeks
            (Some(x), false) if x.contains("past") || x.contains("last") => {
                shift(anchor, -n, &unit).map(|d| span_range(d, anchor, DatePrecision::Day))
            }
            (Some(x), false) if x.contains("next") || x.contains("coming") => {
                shift(anchor, n, &unit).map(|d| span_range(anchor, d, DatePrecision::Day))
            }
            _ => None,
        };
        if res.is_some() {
            add(all.start(), all.end(), res, &mut out);
        }
    }
    for c in g.captures(&r.relative, text, NEED_RELATIVE) {
        let Some(all) = c.get(0) else { continue };
        let res = (|| {
            if let Some(a) = c.name("a") {
                let off: i64 = match a.as_str().to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                return Some(DateRange::day(anchor.checked_add(off.days()).ok()?));
            }
            // "at the weekend", "over the weekend": the last one, or the
            // next in a future clause
            if let Some(tw) = c.name("tw") {
                let sat = weekend(anchor, future_context(text, tw.start(), tw.end()))?;
                return Some(span_range(
                    sat,
                    sat.checked_add(1.days()).ok()?,
                    DatePrecision::Day,
                ));
            }
            let q = c.name("q")?.as_str().to_ascii_lowercase();
            let u = c.name("u")?.as_str().to_ascii_lowercase();
            let earlier = c.name("e").map(|e| e.as_str().to_ascii_lowercase());
            let (a, b, p) = match (q.as_str(), u.as_str()) {
                ("past", "week") => (
                    anchor.checked_sub(7.days()).ok()?,
                    anchor,
                    DatePrecision::Day,
                ),
                ("past", "month") => (
                    anchor.checked_sub(1.months()).ok()?,
                    anchor,
                    DatePrecision::Day,
                ),
                ("past", "year") => (
                    anchor.checked_sub(1.years()).ok()?,
                    anchor,
                    DatePrecision::Month,
                ),
                ("last", "week") => {
                    let s = week_start(anchor).checked_sub(7.days()).ok()?;
                    (s, s.checked_add(6.days()).ok()?, DatePrecision::Day)
                }
                ("this", "week") => (
                    week_start(anchor),
                    week_start(anchor).checked_add(6.days()).ok()?,
                    DatePrecision::Day,
                ),
                ("next", "week") => {
                    let s = week_start(anchor).checked_add(7.days()).ok()?;
                    (s, s.checked_add(6.days()).ok()?, DatePrecision::Day)
                }
                (_, "weekend") => {
                    let sat = weekend(
                        anchor,
                        q == "next"
                            || (q == "this" && future_context(text, all.start(), all.end())),
                    )?;
                    (sat, sat.checked_add(1.days()).ok()?, DatePrecision::Day)
                }
                ("last", "month") => {
                    let p = anchor.first_of_month().checked_sub(1.days()).ok()?;
                    (p.first_of_month(), p, DatePrecision::Month)
                }
                ("this", "month") => (
                    anchor.first_of_month(),
                    anchor.last_of_month(),
                    DatePrecision::Month,
                ),
                ("next", "month") => {
                    let n = anchor.last_of_month().checked_add(1.days()).ok()?;
                    (n, n.last_of_month(), DatePrecision::Month)
                }
                ("last", "year") => {
                    let y = anchor.year() - 1;
                    (
                        Date::new(y, 1, 1).ok()?,
                        Date::new(y, 12, 31).ok()?,
                        DatePrecision::Year,
                    )
                }
                ("this", "year") => (
                    Date::new(anchor.year(), 1, 1).ok()?,
                    Date::new(anchor.year(), 12, 31).ok()?,
                    DatePrecision::Year,
                ),
                ("next", "year") => {
                    let y = anchor.year() + 1;
                    (
                        Date::new(y, 1, 1).ok()?,
                        Date::new(y, 12, 31).ok()?,
                        DatePrecision::Year,
                    )
                }
                _ => return None,
            };
            // "earlier this month": from the start to the publication date.
            let (a, b) = match earlier.as_deref() {
                Some("earlier") if q == "this" => (a, anchor.min(b)),
                Some("later") if q == "this" => (anchor.max(a), b),
                _ => (a, b),
            };
            Some(span_range(a, b, p))
        })();
        add(all.start(), all.end(), res, &mut out);
    }
    for c in g.captures(&r.month_alone, text, NEED_MONTH_ALONE) {
        let (Some(all), Some(mc)) = (c.get(0), c.name("m")) else {
            continue;
        };
        let w = c.name("w").map(|w| w.as_str().to_ascii_lowercase());
        let part = c.name("p").map(|p| p.as_str().to_ascii_lowercase());
        // A month alone needs a preposition or a part ("in March", "mid-May").
        if w.is_none() && part.is_none() {
            continue;
        }
        // "May" alone is too often the verb.
        if mc.as_str() == "May"
            && part.is_none()
            && !matches!(
                w.as_deref(),
                Some("in" | "since" | "by" | "until" | "last" | "next" | "early" | "of")
            )
        {
            continue;
        }
        let Some(m) = month_number(mc.as_str()) else {
            continue;
        };
        let pick = match w.as_deref() {
            Some("last") => Pick::Last,
            Some("next") => Pick::Next,
            Some("this") => Pick::This,
            Some("by" | "until" | "before") => Pick::Future,
            Some("since" | "after") => Pick::Past,
            _ if future_context(text, all.start(), all.end()) => Pick::Future,
            _ if past_context(text, all.start()) => Pick::Past,
            _ => Pick::Nearest,
        };
        let y = month_year_for(m, anchor, pick);
        let Some((a, b)) = month_bounds(y, m) else {
            continue;
        };
        let (a, b) = part.as_deref().map_or((a, b), |p| month_part(a, b, p));
        let res = bounded(w.as_deref(), a, b, DatePrecision::Month);
        let s = match w.as_deref() {
            Some("in" | "during" | "from" | "through" | "of") => {
                c.name("p").map_or(mc.start(), |p| {
                    let pre = &text[all.start()..p.start()];
                    if pre.ends_with("the ") {
                        p.start() - 4
                    } else {
                        p.start()
                    }
                })
            }
            _ => all.start(),
        };
        add(s, all.end(), Some(res), &mut out);
    }
    hedged(text, &mut out);
    durations(text, &g, &r.duration, &mut out);
    out.sort_by_key(|f| f.span);
    weekday_pairs(text, &mut out);
    same_day(text, &mut out);
    out
}

/// "on Monday and Tuesday", "on Saturday and Sunday": two days of one week
/// joined by "and" are one stretch, from the first to the second. `out`
/// is sorted and stays so.
fn weekday_pairs(text: &str, out: &mut Vec<Found>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let weekday = |f: &Found| {
            f.span
                .slice(text)
                .split_whitespace()
                .last()
                .and_then(weekday_of)
                .is_some()
        };
        let joined = text
            .get(a.span.end..b.span.start)
            .is_some_and(|g| matches!(g, " and " | " and on " | " to "));
        let days = match (a.range.start, a.range.end, b.range.start, b.range.end) {
            (Some(d1), None, Some(d2), None) if d1 < d2 && (d2 - d1).get_days() <= 6 => {
                Some((d1, d2))
            }
            _ => None,
        };
        if let Some((d1, d2)) = days.filter(|_| joined && weekday(a) && weekday(b)) {
            out[i] = Found {
                span: Span::new(a.span.start, b.span.end),
                range: span_range(d1, d2, DatePrecision::Day),
            };
            out.remove(i + 1);
        }
        i += 1;
    }
}

/// Days told relative to the last day named: "told reporters the same
/// day", "later that day", "two days earlier", "the previous day", "a day
/// later", "the following day". The day counted from is the latest day
/// named before the phrase, within about three sentences (600 bytes);
/// "that afternoon", "that night" are that day.
/// "two days after the talks" (relative to an act) is not read. `out` is
/// sorted and stays so.
fn same_day(text: &str, out: &mut Vec<Found>) {
    const PHRASES: [(&str, i64); 27] = [
        // "The transfer came a day after Trump threatened": the act after
        // "after" is that many days before the day last named
        ("a day after", -1),
        ("one day after", -1),
        ("two days after", -2),
        ("three days after", -3),
        ("four days after", -4),
        // "demanded ... on Wednesday, a day before officials are due to
        // meet": the act after "before" is that many days after it
        ("a day before", 1),
        ("one day before", 1),
        ("two days before", 2),
        ("three days before", 3),
        ("the same day", 0),
        ("later that day", 0),
        ("that same day", 0),
        // "Oli resigned that afternoon"
        ("that morning", 0),
        ("that afternoon", 0),
        ("that evening", 0),
        ("that night", 0),
        ("the previous day", -1),
        ("the day before", -1),
        ("a day earlier", -1),
        ("one day earlier", -1),
        ("two days earlier", -2),
        ("three days earlier", -3),
        ("the next day", 1),
        ("the following day", 1),
        ("a day later", 1),
        ("two days later", 2),
        ("three days later", 3),
    ];
    let mut found = Vec::new();
    // Every phrase holds "day" or ends with a part of the day: one pass
    // over the text for each of those rarer words finds them all (not
    // one for every "that").
    const PARTS: [&str; 4] = ["morning", "afternoon", "evening", "night"];
    // (in every phrase the anchor starts a word: "Monday", "today" and
    // "holiday" are passed over before the phrases are tried)
    let word_start = |i: usize| text[..i].ends_with(' ');
    let hits = text
        .match_indices("day")
        .map(|(i, _)| (i, "day"))
        .chain(
            PARTS
                .iter()
                .flat_map(|w| text.match_indices(*w).map(move |(i, _)| (i, *w))),
        )
        .filter(|&(i, _)| word_start(i));
    for (hit, anchor) in hits {
        for (p, offset) in PHRASES {
            // (a phrase is found by one anchor only)
            let found_by = if p.contains("day") {
                "day"
            } else {
                p.rsplit(' ').next().unwrap_or(p)
            };
            if found_by != anchor {
                continue;
            }
            let Some(k) = p.find(anchor) else { continue };
            let Some(at) = hit.checked_sub(k) else {
                continue;
            };
            let Some(form) = text.get(at..at + p.len()) else {
                continue;
            };
            // as written, or opening a sentence ("Two days earlier the ...")
            let capitalised = form.as_bytes().first().map(u8::to_ascii_lowercase)
                == p.as_bytes().first().copied()
                && form.get(1..) == p.get(1..);
            if !capitalised {
                continue;
            }
            let span = Span::new(at, at + p.len());
            // "N days after" only after "came", or after a comma in a
            // sentence that named its day before ("extended the ceasefire
            // on Wednesday ..., two days after gunmen ambushed a convoy"):
            // "two days after the talks" is relative to an act, not to the
            // day last named
            let sentence_start = text[..at]
                .rfind(". ")
                .map_or(0, |i| i + 2)
                .max(text[..at].rfind('\n').map_or(0, |i| i + 1));
            let came = text[..at]
                .trim_end()
                .rsplit(' ')
                .next()
                .is_some_and(|w| matches!(w, "came" | "comes" | "come"));
            let after_comma = text[..at].trim_end().ends_with(',')
                && out.iter().any(|f| {
                    f.span.start >= sentence_start
                        && f.span.end <= at
                        && f.range.precision == DatePrecision::Day
                });
            // (counted days before a clause are read as "after" is)
            let counted_before = p.ends_with("before") && !p.starts_with("the ");
            if (p.ends_with("after") || counted_before) && !came && !after_comma {
                continue;
            }
            // "the day before the vote": a day relative to an event
            let next = text[span.end..].trim_start();
            if p.ends_with("before")
                && !counted_before
                && next.starts_with(|c: char| c.is_alphanumeric())
            {
                continue;
            }
            if out.iter().any(|f| f.span.overlaps(span))
                || found.iter().any(|f: &Found| f.span.overlaps(span))
            {
                continue;
            }
            let days = || {
                out.iter()
                    .rev()
                    .filter(|f| f.span.end <= at && f.range.precision == DatePrecision::Day)
            };
            // "The accusation came two days after ...": the act of the
            // sentence before, whose first day named is its own ("accused
            // Kinshasa on Thursday ... accords signed on December 4")
            let prev_sentence = ((p.ends_with("after") || counted_before) && came).then(|| {
                let here = text[..at].rfind(". ").map_or(0, |i| i + 2);
                text[..here.saturating_sub(2)]
                    .rfind(". ")
                    .map_or(0, |i| i + 2)
            });
            let before = prev_sentence
                .and_then(|from| days().rfind(|f| f.span.start >= from))
                .or_else(|| days().find(|f| at - f.span.end <= 600));
            let day = before
                .and_then(|f| f.range.start)
                .and_then(|d| d.checked_add(offset.days()).ok());
            if let Some(d) = day {
                found.push(Found {
                    span,
                    range: DateRange::day(d),
                });
            }
        }
    }
    if !found.is_empty() {
        out.extend(found);
        out.sort_by_key(|f| f.span);
    }
}

/// Words right before a date that make it approximate ("around February 1").
const HEDGES: &[&str] = &[
    "around",
    "about",
    "approximately",
    "roughly",
    "circa",
    "some time",
    "sometime",
    "or so",
];

/// Marks dates the text hedges ("around February 1", "about a week ago")
/// or narrows to a part ("early March", "mid-2024", "late last year") as
/// approximate.
fn hedged(text: &str, out: &mut [Found]) {
    for f in out.iter_mut() {
        let from =
            chronicler_core::text::floor_char_boundary(text, f.span.start.saturating_sub(16));
        let before = text[from..f.span.start].to_ascii_lowercase();
        let before = before.trim_end();
        let said = f.span.slice(text).to_ascii_lowercase();
        // Each part at the start or after a space.
        let part = [
            " early",
            " mid",
            " late",
            " beginning of",
            " start of",
            " end of",
        ]
        .iter()
        .any(|p| said.starts_with(p.trim_start()) || said.contains(p));
        let hedge = HEDGES.iter().any(|h| {
            before
                .strip_suffix(h)
                .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
        });
        if hedge || part {
            f.range.approximate = true;
        }
    }
}

/// The latest explicit full date ("January 29, 2026", "29 January 2026") in
/// `text`, if any.
pub fn latest_full_date(text: &str) -> Option<Date> {
    Gate::new(text)
        .captures(&rules().any_full, text, NEED_ANY_FULL)
        .filter_map(|c| {
            let m = month_number(c.name("m").or(c.name("m2"))?.as_str())?;
            let d = day_of(c.name("d").or(c.name("d2"))?.as_str())?;
            let y: i16 = c.name("y").or(c.name("y2"))?.as_str().parse().ok()?;
            Date::new(y, m, d).ok()
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_default()
    }

    fn one(text: &str, anchor: &str) -> (String, DateRange) {
        let f = find(text, d(anchor));
        assert!(!f.is_empty(), "nothing found in {text:?}");
        (f[0].span.slice(text).to_string(), f[0].range)
    }

    #[test]
    fn days_counted_from_the_last_day_named() {
        let a = "2025-08-18";
        let text = "They raided Mapate on Saturday, in the month of July 2021 style. \
                    Two days earlier they attacked a base. The next day the army \
                    said so. The day before the vote nothing happened.";
        let f = find(text, d(a));
        let got: Vec<(&str, DateRange)> = f.iter().map(|f| (f.span.slice(text), f.range)).collect();
        assert!(
            got.contains(&("Two days earlier", DateRange::day(d("2025-08-14")))),
            "{got:?}"
        );
        assert!(
            got.contains(&("The next day", DateRange::day(d("2025-08-17")))),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(t, _)| t.starts_with("The day before")),
            "{got:?}"
        );
        // with no day named before, nothing to count from
        assert!(find("Two days earlier they attacked.", d(a)).is_empty());
        // "came two days after" counts back from the day last named; "two
        // days after the talks" is relative to an act
        let text = "Mexico sent 37 suspects on Wednesday. The transfer came a day after \
                    Trump threatened strikes, two days after the talks.";
        let f = find(text, d("2026-03-05"));
        let got: Vec<(&str, DateRange)> = f.iter().map(|f| (f.span.slice(text), f.range)).collect();
        assert!(
            got.contains(&("a day after", DateRange::day(d("2026-03-03")))),
            "{got:?}"
        );
        assert!(!got.iter().any(|(t, _)| *t == "two days after"), "{got:?}");
        // the act of the sentence before has the first day it names, not a
        // day of its background
        let text = "Rwanda accused Kinshasa on Thursday of breaching the accords signed on \
                    December 4. The accusation came two days after Boulos met Tshisekedi.";
        let f = find(text, d("2026-01-30"));
        let got: Vec<(&str, DateRange)> = f.iter().map(|f| (f.span.slice(text), f.range)).collect();
        assert!(
            got.contains(&("two days after", DateRange::day(d("2026-01-27")))),
            "{got:?}"
        );
    }

    #[test]
    fn explicit_dates_and_ranges() {
        let a = "2026-01-30";
        assert_eq!(
            one("on January 30, 2026, for", a).1,
            DateRange::day(d("2026-01-30"))
        );
        assert_eq!(
            one("on 30 January 2026 for", a).1,
            DateRange::day(d("2026-01-30"))
        );
        assert_eq!(one("on Jan. 30 for", a).1, DateRange::day(d("2026-01-30")));
        let r = DateRange {
            start: Some(d("2026-01-23")),
            end: Some(d("2026-01-24")),
            precision: DatePrecision::Day,
            ..Default::default()
        };
        assert_eq!(
            one("talks between January 23 and 24. The", a),
            ("between January 23 and 24".into(), r)
        );
        assert_eq!(one("talks January 23-24 in", a).1, r);
        assert_eq!(one("talks Jan. 23 to 24 in", a).1, r);
        assert_eq!(one("on 23-24 January", a).1, r);
        // Without a year: nearest the publication date.
        assert_eq!(one("on December 30", a).1, DateRange::day(d("2025-12-30")));
        assert_eq!(
            one("around February 1, 2026", a).1,
            DateRange {
                approximate: true,
                ..DateRange::day(d("2026-02-01"))
            }
        );
        assert!(!one("on February 1, 2026", a).1.approximate);
        assert!(one("in early March", a).1.approximate);
    }

    #[test]
    fn relative_dates() {
        let a = "2026-01-30"; // a Friday
        assert_eq!(
            one("said on Thursday that", a).1,
            DateRange::day(d("2026-01-29"))
        );
        assert_eq!(
            one("said on Friday that", a).1,
            DateRange::day(d("2026-01-30"))
        );
        assert_eq!(
            one("will meet on Monday", a).1,
            DateRange::day(d("2026-02-02"))
        );
        assert_eq!(one("yesterday", a).1, DateRange::day(d("2026-01-29")));
        assert_eq!(one("last week", a).1.start, Some(d("2026-01-19")));
        assert_eq!(one("next week", a).1.start, Some(d("2026-02-02")));
        let r = one("earlier this month", a).1;
        assert_eq!(
            (r.start, r.end),
            (Some(d("2026-01-01")), Some(d("2026-01-30")))
        );
        let r = one("during earlier 2025 Istanbul talks", a);
        assert_eq!(r.0, "earlier 2025");
        assert_eq!(
            (r.1.start, r.1.end, r.1.precision),
            (
                Some(d("2025-01-01")),
                Some(d("2025-12-31")),
                DatePrecision::Year
            )
        );
        let r = one("by 2027", a).1;
        assert_eq!((r.start, r.end), (None, Some(d("2027-12-31"))));
        assert_eq!(one("in March 2025", a).1.precision, DatePrecision::Month);
    }

    #[test]
    fn gated_search_finds_what_a_whole_text_search_finds() {
        let r = rules();
        let rules: [(&Option<Regex>, &[u32]); 16] = [
            (&r.iso, NEED_ISO),
            (&r.month_range, NEED_MONTH_RANGE),
            (&r.day_range, NEED_DAY_RANGE),
            (&r.month_day, NEED_MONTH_DAY),
            (&r.day_month, NEED_MONTH_DAY),
            (&r.month_year, NEED_MONTH_YEAR),
            (&r.season, NEED_SEASON),
            (&r.part_year, NEED_PART_YEAR),
            (&r.year, NEED_YEAR),
            (&r.day_word, NEED_DAY_WORD),
            (&r.weekday, NEED_WEEKDAY),
            (&r.offset, NEED_OFFSET),
            (&r.relative, NEED_RELATIVE),
            (&r.month_alone, NEED_MONTH_ALONE),
            (&r.duration, NEED_DURATION),
            (&r.any_full, NEED_ANY_FULL),
        ];
        let texts = [
            "Talks (Jan. 23-24, 2026) ended; on Monday, Sept. 3 and September. 4 too.",
            "\"Last week\" — the day before yesterday: a 72-hour truce; two days ago.",
            "In mid-2024 and by the end of 2026, early 2025. THIS SUMMER, next spring!",
            "between 23 and 24 January_2026 x.Feb 2 overnight/this morning later today",
            "Over the past three weeks? Within two months: 30\u{a0}days \u{212a}\u{17f} wee\u{212a}",
            "from Jan 23 to Feb 2, 2026 «Tuesday» 2026-01-30 thu 1 Jan 2026 since 1999",
            "in 12026, in 20261 or 2026x in A2026 by 1999-2000, since 2026_ of 19999 2025",
            "In March 2026 — in 2025? in 1850, by 2101; early 2026. 2026-13-01 2026-1-1 in 2026",
            "the market may fall 5 points in may 2025, JAN 5, MAY 2026, DECember 3 or mAy 4",
            "earlyJanuary 2026 and midMarch 2026, Dec. 5 to 6, AMay 5 in Octo 3, 4 Sept 2026",
        ];
        for t in texts {
            let g = Gate::new(t);
            for (re, need) in rules {
                let Some(full) = re else { continue };
                let want: Vec<Vec<Option<(usize, usize)>>> = full
                    .captures_iter(t)
                    .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                    .collect();
                let got: Vec<Vec<Option<(usize, usize)>>> = g
                    .captures(re, t, need)
                    .map(|c| {
                        (0..c.c.len())
                            .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                            .collect()
                    })
                    .collect();
                assert_eq!(got, want, "{t:?} {full}");
            }
        }
    }

    /// The keyword classes of each piece of the gate of `t`, and those of
    /// the definition: one overlapping search over the whole text, each
    /// keyword counted in the piece holding its start.
    fn gate_keywords(t: &str) -> (Vec<u32>, Vec<u32>) {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(KEYWORDS.iter().map(|k| k.0))
            .unwrap();
        let g = Gate::new(t);
        let mut want: Vec<u32> = g.pieces.iter().map(|p| p.2 & (DIGIT | YEAR4)).collect();
        for m in ac.find_overlapping_iter(t) {
            let k = g.pieces.partition_point(|p| p.1 < m.start());
            let kw = KEYWORDS[m.pattern().as_usize()];
            if kw.1 == MONTH && !month_case(&t.as_bytes()[m.range()]) {
                continue;
            }
            want[k] |= kw.1;
        }
        (g.pieces.iter().map(|p| p.2).collect(), want)
    }

    #[test]
    fn gate_keywords_are_those_of_a_whole_text_search() {
        for t in [
            "Xja.nuary, ye.ar and da-y; midday, weekend: yearly MAY may",
            "Jan. 5 — late spring; the ummer? \u{201c}tomorrow\u{201d} Mon.day 2026",
            "Ж Jan 3, Dec.5 Sept.; earlyJanuary “ha”lf 19.99 2026 20261",
        ] {
            let (got, want) = gate_keywords(t);
            assert_eq!(got, want, "{t:?}");
        }
    }

    proptest::proptest! {
        /// The same over texts mixing the keywords' letters with digits,
        /// spaces, breaks and other characters between and inside them.
        #[test]
        fn gate_keywords_are_those_of_a_whole_text_search_anywhere(
            t in "(May|may|Jan|day|wee|k|end|ear|y|mid|th|no|[ .,;:1-9Ж’-]){0,40}",
        ) {
            let (got, want) = gate_keywords(&t);
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn latest_full_date_is_found() {
        assert_eq!(
            latest_full_date("on January 29, 2026 and 30 January 2026."),
            Some(d("2026-01-30"))
        );
        assert_eq!(latest_full_date("nothing here"), None);
    }

    #[test]
    fn a_bare_month_in_a_past_clause_is_the_latest_such_month() {
        let a = "2025-05-20";
        // past tense: August is last year's, March this year's
        let (_, r) = one("Fighting resumed in August after a lull.", a);
        assert_eq!(
            (r.start, r.end),
            (Some(d("2024-08-01")), Some(d("2024-08-31")))
        );
        assert_eq!(r.precision, DatePrecision::Month);
        let (_, r) = one("The truce collapsed in March when strikes resumed.", a);
        assert_eq!(r.start, Some(d("2025-03-01")));
        // future or no tense: the coming (or nearest) one
        let (_, r) = one("Talks will resume in August.", a);
        assert_eq!(r.start, Some(d("2025-08-01")));
        let (_, r) = one("The forces based in August", a);
        assert_eq!(r.start, Some(d("2025-08-01")));
    }

    #[test]
    fn a_weekday_is_the_last_one_for_past_acts_and_the_next_for_future_ones() {
        // Thursday 2025-05-22
        let a = "2025-05-22";
        assert_eq!(
            one("Iran met Oman on Tuesday.", a).1,
            DateRange::day(d("2025-05-20"))
        );
        assert_eq!(
            one("Iran will meet Oman on Tuesday.", a).1,
            DateRange::day(d("2025-05-27"))
        );
        assert_eq!(
            one("Talks are scheduled for Tuesday.", a).1,
            DateRange::day(d("2025-05-27"))
        );
        assert_eq!(
            one("Iran met Oman on Thursday.", a).1,
            DateRange::day(d("2025-05-22"))
        );
    }

    #[test]
    fn the_coming_days_start_the_day_after() {
        let (span, range) = one("Talks will be held in the coming days.", "2025-10-22");
        assert_eq!(span, "in the coming days");
        assert_eq!(range.start, Some(d("2025-10-23")));
        assert_eq!(range.end, None);
    }

    #[test]
    fn two_weekdays_joined_by_and_are_one_stretch() {
        // Thursday 2025-05-22
        let a = "2025-05-22";
        let (span, range) = one("Iran met Oman on Monday and Tuesday.", a);
        assert_eq!(span, "Monday and Tuesday");
        assert_eq!(
            range,
            span_range(d("2025-05-19"), d("2025-05-20"), DatePrecision::Day)
        );
        // two acts, each with its day
        let found = find(
            "Iran met Oman on Monday and Iraq met Syria on Tuesday.",
            d(a),
        );
        assert_eq!(found.len(), 2);
    }
}
