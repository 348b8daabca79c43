//! Actor, place and unresolved-name mentions, tied within the article.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use chronicler_core::{
    Actor, ActorKind, ActorMention, MentionForm, PlaceMention, Sentence, Span, UnresolvedName,
};
use chronicler_dict::actors::{ActorDict, ActorMatch, TargetKind};
use chronicler_dict::places::Gazetteer;
use chronicler_dict::text::is_word_char;
use jiff::civil::Date;

/// Index of the sentence containing byte `pos`.
pub fn sentence_of(sentences: &[Sentence], pos: usize) -> usize {
    let i = sentences.partition_point(|s| s.span.end <= pos);
    i.min(sentences.len().saturating_sub(1))
}

fn gap_is_space(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|g| {
        !g.is_empty() && g.len() <= 2 && g.chars().all(|c| c == ' ' || c == '\u{a0}')
    })
}

fn gap_is_possessive(text: &str, a: usize, b: usize) -> bool {
    matches!(
        text.get(a..b),
        Some("'s ") | Some("\u{2019}s ") | Some("' ") | Some("\u{2019} ")
    )
}

/// Extends `start` back over "the "/"The " right before it.
fn with_article(text: &str, start: usize) -> usize {
    for art in ["the ", "The "] {
        if start >= art.len() && text.get(start - art.len()..start) == Some(art) {
            let b = text[..start - art.len()].chars().next_back();
            if !b.is_some_and(char::is_alphanumeric) {
                return start - art.len();
            }
        }
    }
    start
}

/// True when a state's name or capital is the first word of a
/// subdivision's: "in Niger state,", "Washington State on Monday",
/// "Lagos province". Not "Iran state media" or "the US State Department",
/// where a noun follows.
pub fn names_subdivision(dict: &ActorDict, m: &ActorMatch, text: &str) -> bool {
    let state = m.targets.iter().any(|t| match t.kind {
        TargetKind::Name(s) | TargetKind::Gov(s, _) => {
            dict.entry(s).is_some_and(|e| e.kind == ActorKind::State)
        }
        _ => false,
    });
    if !state {
        return false;
    }
    let rest = text.get(m.end..).unwrap_or("");
    let Some(rest) = [
        "states",
        "state",
        "States",
        "State",
        "provinces",
        "province",
        "Province",
    ]
    .iter()
    .find_map(|w| rest.strip_prefix(' ').and_then(|r| r.strip_prefix(w))) else {
        return false;
    };
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("");
    next.is_empty()
        || matches!(
            next,
            "in" | "on"
                | "at"
                | "and"
                | "of"
                | "where"
                | "which"
                | "to"
                | "from"
                | "'s"
                | "last"
                | "this"
                | "near"
                | "before"
                | "after"
                | "since"
                | "late"
                | "early"
        )
}

/// The preposition tying an agent to the state after it (" from ", " of ",
/// " in ", each possibly followed by "the ").
fn prep_gap(text: &str, a: usize, b: usize) -> Option<&'static str> {
    let g = text.get(a..b)?;
    let g = g.strip_suffix("the ").unwrap_or(g);
    [" from ", " of ", " in "].into_iter().find(|p| *p == g)
}

/// The state a match names: a state's name ("Gondor") or a metonym for its
/// government ("Kyiv").
fn state_named(dict: &ActorDict, m: &ActorMatch) -> Option<usize> {
    m.targets.iter().find_map(|t| match t.kind {
        TargetKind::Name(s) if dict.entry(s).is_some_and(|e| e.kind == ActorKind::State) => Some(s),
        TargetKind::Gov(s, _) => Some(s),
        _ => None,
    })
}

/// Records a mention and the span it covers.
fn record(
    out: &mut Vec<ActorMention>,
    covered: &mut Vec<Span>,
    sentence: usize,
    span: Span,
    actor: Actor,
    form: MentionForm,
) {
    covered.push(span);
    out.push(ActorMention {
        sentence,
        span,
        actor,
        form,
    });
}

/// Finds actor mentions among `matches`, the actors dictionary's matches
/// in `text` (`ActorDict::find`).
pub fn actors(
    dict: &ActorDict,
    matches: &[ActorMatch],
    text: &str,
    sentences: &[Sentence],
    date: Date,
) -> (Vec<ActorMention>, Vec<Span>) {
    // Pre-pass: people named in full anywhere in the article.
    let named: HashSet<usize> = matches
        .iter()
        .flat_map(|m| m.targets.iter())
        .filter_map(|t| match t.kind {
            TargetKind::Name(i) if dict.entry(i).is_some_and(|e| e.kind == ActorKind::Person) => {
                Some(i)
            }
            _ => None,
        })
        .collect();
    let mut seen_people: HashSet<usize> = HashSet::default();
    // the match index of a namesake's name, read as no one, and the people
    // a namesake shares a name with: their name or surname alone is no one
    // in this article either
    let mut namesake: Option<usize> = None;
    let mut namesakes: HashSet<usize> = HashSet::default();
    let mut out: Vec<ActorMention> = Vec::new();
    let mut covered: Vec<Span> = Vec::new();
    let mut i = 0;
    let person_of = |m: &ActorMatch,
                     seen: &HashSet<usize>,
                     title_state: Option<Option<usize>>|
     -> Option<(usize, bool)> {
        // A name (person) or a surname valid in context.
        let mut cands: Vec<(usize, bool)> = Vec::new();
        for t in &m.targets {
            match t.kind {
                TargetKind::Name(p)
                    if dict.entry(p).is_some_and(|e| e.kind == ActorKind::Person) =>
                {
                    cands.push((p, false))
                }
                TargetKind::Surname(p) => cands.push((p, true)),
                _ => {}
            }
        }
        let ok = |&(p, sur): &(usize, bool)| {
            !sur || seen.contains(&p)
                || named.contains(&p)
                || title_state.is_some_and(|st| {
                    st.is_none_or(|s| {
                        let c = dict
                            .entry(s)
                            .and_then(|e| e.roles.first())
                            .map(|r| r.code.clone())
                            .unwrap_or_default();
                        dict.role_on(p, date)
                            .is_some_and(|r| r.code.starts_with(c.as_str()))
                    })
                })
        };
        let valid: Vec<(usize, bool)> = cands.into_iter().filter(ok).collect();
        valid
            .iter()
            .find(|(p, _)| seen.contains(p))
            .or(valid.first())
            .copied()
    };
    while i < matches.len() {
        let m = &matches[i];
        // "the Pan-American Highway", "pan-Arab unity": no state's
        let before = text.get(..m.start).unwrap_or("");
        if before.ends_with("Pan-") || before.ends_with("pan-") {
            i += 1;
            continue;
        }
        let next = matches.get(i + 1);
        let sent = sentence_of(sentences, m.start);
        // A title, possibly qualified by a state: "Ukrainian President",
        // "Ukraine's foreign minister", "president of Ukraine", "Kremlin chief".
        let post_of = |x: &ActorMatch| {
            x.targets.iter().find_map(|t| match &t.kind {
                TargetKind::Title(s, p) => Some((*s, p.clone())),
                _ => None,
            })
        };
        let state_of = |x: &ActorMatch| {
            x.targets.iter().find_map(|t| match &t.kind {
                TargetKind::Adj(s) | TargetKind::Gov(s, _) => Some((*s, false)),
                TargetKind::Name(s)
                    if dict.entry(*s).is_some_and(|e| e.key.starts_with("state:")) =>
                {
                    Some((*s, true))
                }
                _ => None,
            })
        };
        let mut title: Option<(Option<usize>, String, usize, usize, usize, bool)> = None;
        if let Some((st, post)) = post_of(m) {
            let of_state = next
                .filter(|n| text.get(m.end..n.start) == Some(" of "))
                .and_then(|n| state_of(n).filter(|x| x.1).map(|x| (x.0, n.end)));
            title = Some(match of_state {
                Some((s, e)) => (Some(s), post, m.start, e, 2, true),
                None => (st, post, m.start, m.end, 1, false),
            });
        } else if let (Some((s, is_name)), Some(n)) = (state_of(m), next) {
            let joined = gap_is_space(text, m.end, n.start)
                || (is_name && gap_is_possessive(text, m.end, n.start));
            if let (true, Some((_, post))) = (joined, post_of(n)) {
                let poss = gap_is_possessive(text, m.end, n.start);
                title = Some((Some(s), post, m.start, n.end, 2, poss));
            }
        }
        let honorific = m.targets.iter().any(|t| t.kind == TargetKind::Honorific);
        let (t_end, t_used) = title.as_ref().map_or((m.end, 1), |t| (t.3, t.4));
        // Title or honorific directly before a person's name: one mention.
        if title.is_some() || honorific {
            if let Some(n) = matches
                .get(i + t_used)
                .filter(|n| gap_is_space(text, t_end, n.start))
            {
                let st = title.as_ref().map(|t| t.0);
                if let Some((p, _)) = person_of(n, &seen_people, Some(st.flatten())) {
                    // "Defence Minister Pedro Sánchez" in Colombia: a title
                    // the person never held names a namesake; neither the
                    // title nor the name is read as that person.
                    if title
                        .as_ref()
                        .is_some_and(|t| dict.contradicts_post(p, &t.1, date))
                    {
                        namesake = Some(i + t_used);
                        namesakes.insert(p);
                    } else if let Some(actor) = dict.actor(p, date) {
                        seen_people.insert(p);
                        record(
                            &mut out,
                            &mut covered,
                            sent,
                            Span::new(m.start, n.end),
                            actor,
                            MentionForm::Name,
                        );
                        i += t_used + 1;
                        continue;
                    }
                }
            }
        }
        if let Some((state, post, _, t_end, used, qualified)) = &title {
            let start = with_article(text, m.start);
            let lower_post = text[m.start..*t_end].chars().any(char::is_lowercase);
            if (start < m.start || *qualified || state.is_some())
                && (start < m.start || lower_post || state.is_some())
            {
                // Resolve to the one person named in the article holding the post.
                let holders: Vec<usize> = named
                    .iter()
                    .copied()
                    .filter(|&p| dict.holds_post(p, *state, post, date))
                    .collect();
                // The post's agent code when it refines GOV (PETRARCH's
                // "FOREIGN_MINISTER [~GOVFRM]"), else GOV.
                let role = matches
                    .get(i..i + used)
                    .into_iter()
                    .flatten()
                    .flat_map(|x| x.targets.iter())
                    .find_map(|t| match &t.kind {
                        TargetKind::Agent(c) if c.len() > 3 && c.starts_with("GOV") => {
                            Some(c.as_str())
                        }
                        _ => None,
                    })
                    .unwrap_or("GOV");
                let actor = if holders.len() == 1 {
                    holders.first().and_then(|&p| dict.actor(p, date))
                } else {
                    state.and_then(|s| dict.state_role_actor(s, role, None))
                };
                if let Some(actor) = actor {
                    record(
                        &mut out,
                        &mut covered,
                        sent,
                        Span::new(start, *t_end),
                        actor,
                        MentionForm::Title,
                    );
                    i += used;
                    continue;
                }
            }
        }
        if namesake == Some(i) {
            i += 1;
            continue;
        }
        // A person by name or surname.
        if let Some((p, sur)) = person_of(m, &seen_people, None) {
            if namesakes.contains(&p) {
                i += 1;
                continue;
            }
            if let Some(actor) = dict.actor(p, date) {
                let form =
                    if sur || (seen_people.contains(&p) && !text[m.start..m.end].contains(' ')) {
                        MentionForm::Alias
                    } else {
                        MentionForm::Name
                    };
                seen_people.insert(p);
                record(
                    &mut out,
                    &mut covered,
                    sent,
                    Span::new(m.start, m.end),
                    actor,
                    form,
                );
            }
            i += 1;
            continue;
        }
        let agent_code = m.targets.iter().find_map(|t| match &t.kind {
            TargetKind::Agent(code) => Some(code.as_str()),
            _ => None,
        });
        if let Some(code) = agent_code {
            let n_state = next.and_then(|n| state_named(dict, n).map(|s| (n, s)));
            // A prefix agent before a state: "MSF Arnor" (NGOARN), and an
            // agent after both: "an MSF Arnor diplomat" (NGOARNGOV).
            if let Some((n, s)) =
                n_state.filter(|(n, _)| code.ends_with('~') && gap_is_space(text, m.end, n.start))
            {
                let after = matches
                    .get(i + 2)
                    .filter(|a| gap_is_space(text, n.end, a.start));
                let role = after.and_then(|a| {
                    a.targets.iter().find_map(|t| match &t.kind {
                        TargetKind::Agent(c) if !c.ends_with('~') => Some(c.as_str()),
                        _ => None,
                    })
                });
                let end = if role.is_some() {
                    after.map_or(n.end, |a| a.end)
                } else {
                    n.end
                };
                if let Some(mut actor) = dict.state_role_actor(s, code, Some(&text[m.start..end])) {
                    if let Some(r) = role {
                        actor.code.push_str(r);
                        actor.entity = format!("agent:{}", actor.code);
                        actor.role = Some(r.to_string());
                    }
                    record(
                        &mut out,
                        &mut covered,
                        sent,
                        Span::new(m.start, end),
                        actor,
                        MentionForm::Name,
                    );
                    i += if role.is_some() { 3 } else { 2 };
                    continue;
                }
            }
            // An agent of states named after a preposition: "soldiers from
            // Russia", "officials in Kyiv", "the ambassadors of Arnor,
            // Osgiliath and Gondor" (one mention per state). Armed forces
            // and reporters "in" a country are often another's ("troops in
            // Syria", "told reporters in Yerevan"); an agent qualified by a
            // name before it is that name's ("the ICRC delegation in Congo").
            let visiting = code.starts_with("MIL") || code.starts_with("MED");
            let qualified = i
                .checked_sub(1)
                .and_then(|k| matches.get(k))
                .is_some_and(|p| gap_is_space(text, p.end, m.start));
            if let Some((n, s)) = n_state.filter(|(n, _)| {
                !qualified
                    && prep_gap(text, m.end, n.start).is_some_and(|p| p != " in " || !visiting)
            }) {
                let mut members = vec![(m.start, n.end, s)];
                let mut j = i + 2;
                while let Some((a, s2)) = matches
                    .get(j)
                    .and_then(|a| state_named(dict, a).map(|s2| (a, s2)))
                {
                    let prev_end = members.last().map_or(n.end, |x| x.1);
                    let joined = text.get(prev_end..a.start).is_some_and(|g| {
                        let g = g.strip_suffix("the ").unwrap_or(g);
                        matches!(g, ", " | " and " | ", and " | " or ")
                    });
                    // Not a list when an agent follows: "Gondor police".
                    let own_agent = matches.get(j + 1).is_some_and(|b| {
                        (gap_is_space(text, a.end, b.start)
                            || gap_is_possessive(text, a.end, b.start))
                            && b.targets
                                .iter()
                                .any(|t| matches!(t.kind, TargetKind::Agent(_)))
                    });
                    if !joined || own_agent {
                        break;
                    }
                    members.push((a.start, a.end, s2));
                    j += 1;
                }
                let before = out.len();
                for &(a, b, st) in &members {
                    if let Some(actor) = dict.state_role_actor(st, code, Some(&text[a..b])) {
                        record(
                            &mut out,
                            &mut covered,
                            sent,
                            Span::new(a, b),
                            actor,
                            MentionForm::Name,
                        );
                    }
                }
                if out.len() > before {
                    i = j;
                    continue;
                }
            }
        }
        // A state adjective or name followed by an agent noun: "Russian servicemen".
        let state = m.targets.iter().find_map(|t| match t.kind {
            TargetKind::Adj(s) => Some((s, true)),
            TargetKind::Name(s) if dict.entry(s).is_some_and(|e| e.kind == ActorKind::State) => {
                Some((s, false))
            }
            _ => None,
        });
        if let Some((s, is_adj)) = state {
            if let Some(n) = next {
                let joined = gap_is_space(text, m.end, n.start)
                    || (!is_adj && gap_is_possessive(text, m.end, n.start));
                let agent = n.targets.iter().find_map(|t| match &t.kind {
                    TargetKind::Agent(code) => Some(code.clone()),
                    _ => None,
                });
                if let (true, Some(code)) = (joined, agent) {
                    let name = format!("{} {}", &text[m.start..m.end], &text[n.start..n.end]);
                    if let Some(actor) = dict.state_role_actor(s, &code, Some(&name)) {
                        record(
                            &mut out,
                            &mut covered,
                            sent,
                            Span::new(m.start, n.end),
                            actor,
                            MentionForm::Name,
                        );
                        i += 2;
                        // "Danish media and government": the second agent
                        // is the same state's, unless a state of its own
                        // follows it ("and diplomats from Poland").
                        let second = matches.get(i).filter(|a| {
                            text.get(n.end..a.start) == Some(" and ")
                                && matches.get(i + 1).is_none_or(|b| {
                                    prep_gap(text, a.end, b.start).is_none()
                                        || state_named(dict, b).is_none()
                                })
                        });
                        let code2 = second.and_then(|a| {
                            a.targets.iter().find_map(|t| match &t.kind {
                                TargetKind::Agent(c) if !c.ends_with('~') => Some(c.as_str()),
                                _ => None,
                            })
                        });
                        if let (Some(a), Some(c2)) = (second, code2) {
                            if let Some(actor) =
                                dict.state_role_actor(s, c2, Some(&text[a.start..a.end]))
                            {
                                let span = Span::new(a.start, a.end);
                                record(
                                    &mut out,
                                    &mut covered,
                                    sent,
                                    span,
                                    actor,
                                    MentionForm::Name,
                                );
                                i += 1;
                            }
                        }
                        continue;
                    }
                }
            }
        }
        // Other names: organisations, groups, states; metonyms; adjectives.
        let mut done = false;
        for t in &m.targets {
            let (actor, form) = match &t.kind {
                // "the West Papua National Liberation Army": a group's
                // name right after capitalised words no dictionary reads
                // is the tail of another, longer name
                TargetKind::Name(e)
                    if dict.entry(*e).is_some_and(|x| x.kind == ActorKind::Group)
                        && longer_name_before(text, m.start, &covered) =>
                {
                    (None, MentionForm::Name)
                }
                TargetKind::Name(e) => (dict.actor(*e, date), MentionForm::Name),
                TargetKind::Gov(s, canonical) => (
                    dict.state_role_actor(*s, "GOV", Some(canonical)),
                    MentionForm::Name,
                ),
                TargetKind::Adj(s) => {
                    let word = &text[m.start..m.end];
                    // "Thousands of Peruvians", "two Russians": a plural
                    // demonym names people of the country, not its state
                    if word.ends_with('s') && !word.ends_with("ss") {
                        let people = dict.actor(*s, date).and_then(|st| {
                            let c = st.country?;
                            Some(Actor {
                                entity: format!("agent:{c}CVL"),
                                name: word.to_string(),
                                code: format!("{c}CVL"),
                                country: Some(c),
                                role: Some("CVL".into()),
                                kind: ActorKind::Agent,
                            })
                        });
                        (people, MentionForm::Name)
                    } else {
                        (dict.actor(*s, date), MentionForm::Adjective)
                    }
                }
                _ => continue,
            };
            if let Some(actor) = actor {
                record(
                    &mut out,
                    &mut covered,
                    sent,
                    Span::new(m.start, m.end),
                    actor,
                    form,
                );
                done = true;
                break;
            }
        }
        if !done {
            // A generic agent alone ("protesters", "the police").
            if let Some(code) = m.targets.iter().find_map(|t| match &t.kind {
                TargetKind::Agent(c) => Some(c.trim_end_matches('~').to_string()),
                _ => None,
            }) {
                let word = &text[m.start..m.end];
                // "the Government Girls Secondary School": a capitalised
                // noun before another capital is part of a name
                let in_name = word.starts_with(char::is_uppercase)
                    && text
                        .get(m.end..)
                        .and_then(|r| r.strip_prefix(' '))
                        .is_some_and(|r| r.starts_with(char::is_uppercase));
                // plurals ("rebels", "gunmen", "militiamen") and collectives
                let plural = word.ends_with('s')
                    || word.ends_with("men")
                    || matches!(
                        word.to_ascii_lowercase().as_str(),
                        "police"
                            | "military"
                            | "army"
                            | "government"
                            | "people"
                            | "children"
                            | "personnel"
                            | "staff"
                            | "crew"
                            | "crowd"
                    );
                // "outside the government building": a noun naming a
                // building or grounds after the agent makes it a modifier
                let premises = text
                    .get(m.end..)
                    .and_then(|r| r.strip_prefix(' '))
                    .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
                    .is_some_and(|next| PREMISES.contains(&next));
                if plural && !in_name && !premises {
                    out.push(ActorMention {
                        sentence: sent,
                        span: Span::new(m.start, m.end),
                        actor: Actor {
                            entity: format!("agent:{code}"),
                            name: word.to_string(),
                            code: code.clone(),
                            country: None,
                            role: Some(code),
                            kind: ActorKind::Agent,
                        },
                        form: MentionForm::Name,
                    });
                }
            }
        }
        i += 1;
    }
    pronouns(text, sentences, &mut out, |_| true);
    out.sort_by_key(|m| m.span);
    (out, covered)
}

/// "He"/"She" opening a sentence (or its first clause after an opening
/// phrase that names no one) with no mention before it: the person of the
/// previous sentence, when it names exactly one person and `accept` takes
/// them.
pub(crate) fn pronouns(
    text: &str,
    sentences: &[Sentence],
    out: &mut Vec<ActorMention>,
    accept: impl Fn(&Actor) -> bool,
) {
    let mut add = Vec::new();
    for s in sentences.iter().skip(1) {
        let t = s.span.slice(text);
        // "He said", or after an opening phrase that names no one: "In a
        // video message the same day, he accused the council"
        let (at, len) = if t.starts_with("He ") {
            (0, 2)
        } else if t.starts_with("She ") {
            (0, 3)
        } else {
            // (commas found by memchr: a substring search per sentence
            // costs more than the rest of the pronoun pass)
            let head = t.get(..t.len().min(80)).unwrap_or("");
            let after_comma = memchr::memchr_iter(b',', head.as_bytes()).find_map(|i| {
                let rest = &head[i..];
                if rest.starts_with(", he ") {
                    Some((i + 2, 2))
                } else if rest.starts_with(", she ") {
                    Some((i + 2, 3))
                } else {
                    None
                }
            });
            match after_comma {
                Some(found) => found,
                None => continue,
            }
        };
        let start = s.span.start + at;
        if out
            .iter()
            .any(|m| m.sentence == s.index && m.span.start <= start)
        {
            continue;
        }
        let prev = s.index - 1;
        let people: Vec<&ActorMention> = out
            .iter()
            .filter(|m| m.sentence == prev && m.actor.kind == ActorKind::Person)
            .collect();
        let distinct: HashSet<&str> = people.iter().map(|m| m.actor.entity.as_str()).collect();
        if distinct.len() == 1 {
            if let Some(p) = people.first().filter(|p| accept(&p.actor)) {
                add.push(ActorMention {
                    sentence: s.index,
                    span: Span::new(start, start + len),
                    actor: p.actor.clone(),
                    form: MentionForm::Pronoun,
                });
            }
        }
    }
    for m in add {
        let at = out.partition_point(|x| x.span < m.span);
        out.insert(at, m);
    }
}

/// How far into the text (bytes) a dateline may open a line: below a
/// headline, a standfirst and a byline.
const DATELINE_REACH: usize = 1500;

/// Whether the place at `start..end` of `text` is a dateline: in capitals,
/// opening a line near the top, followed by a comma, colon, dash or
/// parenthesis ("PESHAWAR: A grand jirga ...", "TBILISI, Feb 11 (MPA) -").
pub(crate) fn dateline_at(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(name), Some(after)) =
        (text.get(..start), text.get(start..end), text.get(end..))
    else {
        return false;
    };
    start <= DATELINE_REACH
        && (before.is_empty() || before.ends_with('\n'))
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
        && [",", ":", " (", " -", " \u{2014}", " \u{2013}", "/"]
            .iter()
            .any(|p| after.starts_with(p))
}

/// Whether the word right before byte `at` is a capitalised word that no
/// mention in `covered` reads and that names no day or month: "the West
/// Papua National Liberation Army" (not "On Sunday Hamas said", not
/// "Kenyan Al-Shabaab", not "the Kurdish-led Syrian Democratic Forces").
fn longer_name_before(text: &str, at: usize, covered: &[Span]) -> bool {
    let Some(before) = text.get(..at).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let start = before.len() - word.len();
    word.chars().count() > 1
        && word.starts_with(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        // (an adjective of origin or faith: "Kurdish-led", "Shia")
        && !["ish", "ian", "ese", "ist", "ic", "led"]
            .iter()
            .any(|end| word.ends_with(end))
        && !matches!(
            word,
            "The" | "A" | "An" | "In" | "On" | "At" | "By" | "For" | "And" | "Shia" | "Sunni" | "Druze"
        )
        && !chronicler_core::text::WEEKDAYS
            .iter()
            .chain(chronicler_core::text::MONTHS.iter())
            .any(|d| d.eq_ignore_ascii_case(word))
        && !covered.iter().any(|c| c.start <= start && start < c.end)
}

/// Nouns of buildings and grounds: an agent before one is its modifier
/// ("the government building", "police headquarters"), no actor.
const PREMISES: &[&str] = &[
    "building",
    "buildings",
    "headquarters",
    "compound",
    "offices",
    "palace",
    "complex",
    "station",
    "stations",
    "quarter",
    "premises",
];

/// Towns below this population are taken only when the article speaks of
/// their country or qualifies them ("Paris, Texas").
const MINOR_TOWN: u64 = 100_000;

/// Finds place mentions. The countries of the article's `actors` and the
/// article's own unambiguous places (countries, capitals, a dateline) break
/// ties; "X, Y" with Y a subdivision or country of one of X's candidates
/// picks that candidate ("Paris, Texas"); towns below `MINOR_TOWN` people
/// outside the article's countries are dropped unless so qualified.
/// `actor_matches` are the actors dictionary's matches in `text`
/// (`ActorDict::find`), where "the Ukrainian capital" is read.
pub fn places(
    gaz: &Gazetteer,
    dict: &ActorDict,
    actor_matches: &[ActorMatch],
    text: &str,
    sentences: &[Sentence],
    actors: &[ActorMention],
) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let found = gaz.find(text);
    // The article's countries: its actors' (except those named by a place
    // name several countries share: "Georgia") and its unambiguous places'.
    let shared: Vec<Span> = found
        .iter()
        .filter(|m| {
            let countries: HashSet<Option<&str>> = m
                .candidates
                .iter()
                .filter_map(|&c| gaz.entry(c))
                .map(|e| e.place.country.as_deref())
                .collect();
            countries.len() > 1
        })
        .map(|m| Span::new(m.start, m.end))
        .collect();
    let mut context: HashSet<String> = actors
        .iter()
        .filter(|a| !shared.iter().any(|s| s.overlaps(a.span)))
        .filter_map(|a| a.actor.country.clone())
        .collect();
    // Places only one country has (not minor towns) tell the article's countries.
    for m in &found {
        let mut cs = m
            .candidates
            .iter()
            .filter_map(|&c| gaz.entry(c))
            .map(|e| e.place.country.as_deref());
        let Some(Some(c)) = cs.next() else { continue };
        let first = m.candidates.first().and_then(|&i| gaz.entry(i));
        let minor = first.is_some_and(|e| {
            (e.place.kind == "city" && e.population < MINOR_TOWN) || e.is_generated_subdivision()
        });
        if !minor && cs.all(|o| o == Some(c)) {
            context.insert(c.to_string());
        }
    }
    // Dateline: "KHARKIV, Ukraine" / "Goma (Reuters) -" opening the text,
    // or "PESHAWAR:" opening a line below the headline.
    let lead = text.len() - text.trim_start().len();
    if let Some(m) = found
        .iter()
        .take_while(|m| m.start <= DATELINE_REACH)
        .find(|m| m.start == lead || dateline_at(text, m.start, m.end))
    {
        let after = &text[m.end..];
        if [",", ":", " (", " -", " \u{2014}", " \u{2013}"]
            .iter()
            .any(|p| after.starts_with(p))
        {
            for &c in m.candidates.iter().take(1) {
                if let Some(e) = gaz.entry(c) {
                    context.extend(e.place.country.clone());
                }
            }
            // "GOMA, Democratic Republic of Congo": the country named next.
            if let Some(n) = found.get(1).filter(|n| n.start <= m.end + 2) {
                for &c in n.candidates.iter().take(1) {
                    if let Some(e) = gaz.entry(c) {
                        context.extend(e.place.country.clone());
                    }
                }
            }
        }
    }
    let mut skip_next = false;
    for (k, m) in found.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        // "X, Y": Y names a subdivision or country holding one of X's candidates.
        let qualifier = found.get(k + 1).filter(|n| {
            text.get(m.end..n.start) == Some(", ")
                && n.candidates.iter().any(|&c| {
                    gaz.entry(c)
                        .is_some_and(|e| matches!(e.place.kind.as_str(), "subdivision" | "country"))
                })
        });
        if let Some(n) = qualifier {
            let pick = m.candidates.iter().find_map(|&c| {
                let e = gaz.entry(c)?;
                n.candidates.iter().find_map(|&q| {
                    let qe = gaz.entry(q)?;
                    let same_country =
                        qe.place.country.is_some() && qe.place.country == e.place.country;
                    let inside = match qe.place.kind.as_str() {
                        "subdivision" => same_country && qe.adm1.is_some() && qe.adm1 == e.adm1,
                        "country" => same_country,
                        _ => false,
                    };
                    (inside && e.place.kind != "country").then_some(e)
                })
            });
            if let Some(e) = pick {
                out.push(PlaceMention {
                    sentence: sentence_of(sentences, m.start),
                    span: Span::new(m.start, n.end),
                    place: e.place.clone(),
                });
                skip_next = true;
                continue;
            }
        }
        let in_context = |c: &usize| {
            gaz.entry(*c).is_some_and(|e| {
                e.place
                    .country
                    .as_ref()
                    .is_some_and(|k| context.contains(k))
            })
        };
        // A country stays the reading of its name unless the article is about
        // another country that has a place so named ("Georgia" in a US story).
        let first = m.candidates.first().and_then(|&c| gaz.entry(c));
        let best = if first.is_some_and(|e| e.place.kind == "country")
            && first.is_some_and(|e| {
                e.place
                    .country
                    .as_ref()
                    .is_some_and(|k| context.contains(k))
            }) {
            m.candidates.first()
        } else {
            m.candidates
                .iter()
                .find(|c| in_context(c))
                .or(m.candidates.first())
        };
        let Some(&b) = best else { continue };
        let Some(e) = gaz.entry(b) else { continue };
        // "St. Mary's school", "Saint Helena's": a saint, not the place
        // (a place whose name holds the saint was matched whole)
        let before = text.get(..m.start).unwrap_or("");
        if ["St. ", "St ", "Saint ", "Ste. "]
            .iter()
            .any(|p| before.ends_with(p))
        {
            continue;
        }
        if e.place.kind == "city" && e.population < MINOR_TOWN && !in_context(&b) {
            continue;
        }
        // A generated subdivision named in one word ("Borno", "Hama") outside
        // the article's countries is more likely a surname or a word.
        if e.is_generated_subdivision() && !text[m.start..m.end].contains(' ') && !in_context(&b) {
            continue;
        }
        out.push(PlaceMention {
            sentence: sentence_of(sentences, m.start),
            span: Span::new(m.start, m.end),
            place: e.place.clone(),
        });
    }
    // "the Ukrainian capital": among the actors dictionary's matches.
    let capital_phrases = if text.contains(" capital") {
        actor_matches
    } else {
        &[]
    };
    for m in capital_phrases {
        let Some(s) = m.targets.iter().find_map(|t| match t.kind {
            TargetKind::Adj(s) => Some(s),
            _ => None,
        }) else {
            continue;
        };
        let rest = &text[m.end..];
        if !rest.starts_with(" capital") || rest[8..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let Some(code) = dict
            .entry(s)
            .and_then(|e| e.roles.first())
            .map(|r| r.code.clone())
        else {
            continue;
        };
        if let Some(p) = gaz.capital_of(&code) {
            let start = with_article(text, m.start);
            out.push(PlaceMention {
                sentence: sentence_of(sentences, start),
                span: Span::new(start, m.end + 8),
                place: p.clone(),
            });
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

const CONNECTORS: &[&str] = &[
    "of", "al", "bin", "de", "del", "da", "von", "van", "der", "la", "du", "el", "ibn",
];
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "As",
    "After",
    "While",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Its",
    "If",
    "When",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Minister",
    "Prime",
    "Foreign",
    "Read",
    "Also",
    "More",
    "According",
    "Meanwhile",
    "However",
    "Despite",
    "For",
    "From",
    "With",
    "By",
];

/// Capitalised words that are not names when they stand alone.
const NOT_SINGLE_NAMES: &[&str] = &[
    "God",
    "English",
    "Islamic",
    "Christian",
    "Muslim",
    "Muslims",
    "Jewish",
    "Arab",
    "Arabs",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Internet",
    "St",
    "TV",
    "AM",
    "PM",
    "OK",
    "CEO",
    "Chairman",
    "Parliament",
    "Congress",
    "Senate",
    "Cabinet",
    "Ministry",
    "Government",
    "Army",
    "Navy",
    "Air",
    "Force",
    "Forces",
    "Council",
    "Court",
    "Assembly",
    "Committee",
    "Agency",
    "Office",
    "Department",
    "State",
    "Republic",
    "Kingdom",
    "Federation",
    "Union",
    "National",
    "International",
    "Security",
    "Photo",
    "Video",
    "Source",
    "Sources",
    "Update",
    "Breaking",
    "Live",
    "Editor",
    "Opinion",
    "Analysis",
    "News",
    "Reporting",
    "Writing",
    "Editing",
    "Defence",
    "Defense",
    "Special",
    "Supreme",
    "Leader",
    "Crown",
    "Representative",
    "Party",
    "Front",
    "Movement",
    "Alliance",
    "Coalition",
    "Brigade",
    "Brigades",
    "Battalion",
    "Ukraine",
    "Russia",
    "Celsius",
    "Fahrenheit",
];

/// Titles before a name: not part of it ("Commander Zorbak Telunov").
const TITLES: &[&str] = &[
    "Commander",
    "General",
    "Gen",
    "Col",
    "Lt",
    "Sgt",
    "Capt",
    "Major",
    "Minister",
    "Secretary",
    "Chief",
    "Governor",
    "Mayor",
    "Speaker",
    "Premier",
    "Chancellor",
    "Emir",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "Sheikh",
    "Ambassador",
    "Envoy",
    "Senator",
    "Rep",
    "Sen",
    "Dr",
    "Deputy",
    "Vice",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Lieutenant",
    "Colonel",
    "Brigadier",
];

/// Sentences that are headlines: four words or more, most of them
/// capitalised (`pieces`: the sentence split on whitespace).
fn is_headline(pieces: &[&str]) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for w in pieces.iter().filter(|w| !w.is_empty()) {
        words += 1;
        caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
    }
    // "Ombudsman Iris Marín criticised Colombia's army on Sunday.": a
    // sentence of titles and names that ends as prose (a full stop, three
    // lower-case words) is no headline
    let prose = pieces.last().is_some_and(|w| w.ends_with(['.', '!', '?'])) && words - caps >= 3;
    words >= 4 && caps * 10 >= words * 6 && !prose
}

/// Unresolved names with how often each occurs, most frequent first (ties by
/// name): what `chronicler actors --unresolved` lists.
pub fn unresolved_counts(names: &[UnresolvedName]) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for n in names {
        *counts.entry(n.text.as_str()).or_default() += 1;
    }
    let mut out: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// A word list as a set (built on first use): looked up for most
/// capitalised words of every sentence.
struct WordSet(OnceLock<FxHashSet<&'static str>>, &'static [&'static str]);

impl WordSet {
    const fn of(words: &'static [&'static str]) -> WordSet {
        WordSet(OnceLock::new(), words)
    }

    fn has(&self, w: &str) -> bool {
        self.0
            .get_or_init(|| self.1.iter().copied().collect())
            .contains(w)
    }
}

static CONNECTOR_SET: WordSet = WordSet::of(CONNECTORS);
static NOT_NAME_SET: WordSet = WordSet::of(NOT_NAMES);
static NOT_SINGLE_NAME_SET: WordSet = WordSet::of(NOT_SINGLE_NAMES);
static TITLE_SET: WordSet = WordSet::of(TITLES);

/// A name word opened by a lower-case article and a hyphen ("al-Murtada",
/// "el-Sisi", "ash-Shara").
fn particle_name(w: &str) -> bool {
    w.split_once('-').is_some_and(|(p, rest)| {
        matches!(
            p,
            "al" | "el" | "ad" | "ar" | "as" | "ash" | "at" | "az" | "an" | "ul" | "ud"
        ) && rest.starts_with(|c: char| c.is_uppercase())
    })
}

/// Capitalised names that no dictionary knows: runs of capitalised words,
/// and single capitalised words that do not open their sentence and are not
/// common capitalised words (titles, weekdays, "Parliament"). Headlines are
/// skipped; a possessive "'s" is not part of the name.
pub fn unresolved(text: &str, sentences: &[Sentence], known: &[Span]) -> Vec<UnresolvedName> {
    let known = crate::SpanSet::new(known.iter().copied());
    let mut out = Vec::new();
    // The sentence split on whitespace, once for the headline test and
    // the word loop (one buffer for all sentences).
    let mut pieces: Vec<&str> = Vec::new();
    for s in sentences {
        let st = s.span.slice(text);
        pieces.clear();
        pieces.extend(chronicler_core::text::whitespace_split(st));
        if is_headline(&pieces) {
            continue;
        }
        let first_word = st.len() - st.trim_start_matches(|c: char| !is_word_char(c)).len();
        let mut words: Vec<(usize, usize)> = Vec::new(); // current run
        let flush_run = |words: &mut Vec<(usize, usize)>, out: &mut Vec<UnresolvedName>| {
            while words
                .last()
                .is_some_and(|&(a, b)| CONNECTOR_SET.has(&st[a..b]))
            {
                words.pop();
            }
            while words.first().is_some_and(|&(a, b)| {
                NOT_NAME_SET.has(&st[a..b])
                    || CONNECTOR_SET.has(&st[a..b])
                    || TITLE_SET.has(&st[a..b])
            }) {
                words.remove(0);
            }
            let single_ok = |&(a, b): &(usize, usize)| {
                let w = &st[a..b];
                a != first_word
                    && w.chars().count() >= 2
                    && w.chars().any(char::is_alphabetic)
                    && !NOT_SINGLE_NAME_SET.has(w)
                    && !TITLE_SET.has(w)
                    && !NOT_NAME_SET.has(w)
            };
            if words.len() >= 2 || (words.len() == 1 && words.first().is_some_and(single_ok)) {
                if let (Some(&(a, _)), Some(&(_, b))) = (words.first(), words.last()) {
                    let span = Span::new(s.span.start + a, s.span.start + b);
                    let upper = words.len() >= 2
                        && st[a..b]
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase);
                    if !known.overlaps(span) && !upper {
                        out.push(UnresolvedName {
                            sentence: s.index,
                            span,
                            text: st[a..b].to_string(),
                        });
                    }
                }
            }
            words.clear();
        };
        // A run that holds a known name ("Security Minister Omar Garcia
        // Harfuch", the title known) is split around it: the unknown
        // words on either side are names of their own.
        let flush = |words: &mut Vec<(usize, usize)>, out: &mut Vec<UnresolvedName>| {
            let mut rest: &[(usize, usize)] = words;
            while let Some(k) = rest
                .iter()
                .position(|&(a, b)| known.overlaps(Span::new(s.span.start + a, s.span.start + b)))
            {
                let mut part = rest[..k].to_vec();
                flush_run(&mut part, out);
                rest = &rest[k + 1..];
            }
            let mut part = rest.to_vec();
            flush_run(&mut part, out);
            words.clear();
        };
        for &w in &pieces {
            // Outside a run, a word that starts with a lower-case ASCII
            // letter or a digit (most words) neither opens a run nor
            // connects one, and flushing an empty run does nothing: skip
            // it before any trimming.
            if words.is_empty()
                && w.as_bytes()
                    .first()
                    .is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                continue;
            }
            // The word's offset in the sentence (separators may be
            // multi-byte: a no-break space is two bytes).
            let a = w.as_ptr() as usize - st.as_ptr() as usize;
            let core = w.trim_end_matches(|c: char| !is_word_char(c));
            let core = core
                .strip_suffix("\u{2019}s")
                .or_else(|| core.strip_suffix("'s"))
                .unwrap_or(core);
            let core_start = w.len() - w.trim_start_matches(|c: char| !is_word_char(c)).len();
            let core = core.get(core_start..).unwrap_or("");
            let (ca, cb) = (a + core_start, a + core_start + core.len());
            let cap = core.chars().next().is_some_and(char::is_uppercase);
            // "Abdulqader al-Murtada": an Arabic article joined to a
            // capitalised name continues a run
            let conn = || !words.is_empty() && (CONNECTOR_SET.has(core) || particle_name(core));
            if (cap || conn()) && !core.is_empty() && core_start == 0 {
                words.push((ca, cb));
                if cb - a < w.len() {
                    flush(&mut words, &mut out);
                }
            } else if cap && !core.is_empty() {
                flush(&mut words, &mut out);
                words.push((ca, cb));
                if cb - a < w.len() {
                    flush(&mut words, &mut out);
                }
            } else {
                flush(&mut words, &mut out);
            }
        }
        flush(&mut words, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn an_arabic_article_joined_to_a_name_continues_it() {
        assert!(particle_name("al-Murtada"));
        assert!(particle_name("el-Sisi"));
        assert!(!particle_name("al-qaida"));
        assert!(!particle_name("anti-Russian"));
        assert!(!particle_name("Murtada"));
    }

    #[test]
    fn a_sentence_of_titles_that_ends_as_prose_is_no_headline() {
        assert!(is_headline(&pieces(
            "Russia Summons Finnish Envoy Over Tanker Detention"
        )));
        assert!(!is_headline(&pieces(
            "Ombudsman Iris Marín criticised Colombia's army on Sunday."
        )));
        // few lower-case words: still a headline, even with a full stop
        assert!(is_headline(&pieces("Photo: Finnish Border Guard Turva.")));
    }
}
