//! People no dictionary knows, named with their post: "China Coast Guard
//! spokesperson Liu Dejun", "Mexico's Security Minister Omar Garcia
//! Harfuch", "Liu Dejun, a spokesman for China's coast guard,". The name
//! becomes a person acting for the post's actor (its code, country and
//! role); every later mention of the full name or of its surname ("Garcia
//! Harfuch met", "Touray said") is that person, and a sentence opening "He"
//! or "She" right after the one sentence naming them refers to them.
//!
//! Only a post makes a name a person here: an unknown capitalised name on
//! its own stays unresolved (it may be a place, a ship, a company).

use crate::named_groups::{slug, take_names};
use chronicler_core::{
    Actor, ActorKind, ActorMention, MentionForm, PlaceMention, Sentence, UnresolvedName,
};

/// Lower-case words of a post between an actor and a name ("China Coast
/// Guard spokesperson Liu Dejun", "Taliban government spokesman").
const POSTS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "commander",
    "chief",
    "envoy",
    "ambassador",
    "negotiator",
    "minister",
    "adviser",
    "advisor",
    "secretary",
    "leader",
    "president",
    "governor",
    "mayor",
    "prosecutor",
    "director",
    "head",
    "lawmaker",
    "senator",
    "general",
    "colonel",
    "deputy",
    "representative",
    "coordinator",
    "commissioner",
    "counterpart",
    "ombudsman",
    "archbishop",
    "bishop",
    "cardinal",
    "imam",
];

/// Whether `w` is a word of a post (or a modifier of one: "foreign",
/// "defence", "army", "senior").
fn post_word(w: &str) -> bool {
    POSTS.contains(&w)
        || matches!(
            w,
            "foreign"
                | "executive"
                | "defence"
                | "defense"
                | "interior"
                | "security"
                | "army"
                | "military"
                | "senior"
                | "top"
                | "ministry"
                | "government"
                | "national"
                | "special"
                // portfolios: "Dutch Economy Minister", "Chinese Commerce
                // Minister", "Justice Secretary"
                | "economy"
                | "economic"
                | "commerce"
                | "trade"
                | "finance"
                | "justice"
                | "energy"
                | "home"
                | "prime"
                | "vice"
                | "chief"
                | "information"
                | "intelligence"
                | "immigration"
                | "police"
                | "navy"
                | "naval"
                | "coast"
                | "guard"
        )
}

/// The actor whose post names the person `u`: a mention ending right
/// before it, with only post words between ("spokesperson"), at least one
/// of them a post unless the mention is itself a title ("Mexico's Security
/// Minister").
fn post_before<'a>(
    text: &str,
    actors: &'a [ActorMention],
    u: &UnresolvedName,
    name_start: usize,
    titled: bool,
) -> Option<&'a Actor> {
    let m = actors
        .iter()
        .filter(|m| m.sentence == u.sentence && m.span.end <= u.span.start)
        .max_by_key(|m| m.span.end)?;
    if m.actor.kind == ActorKind::Person || m.actor.code.is_empty() {
        return None;
    }
    // "Mexico's Security Minister": a possessive joins the state to the post
    let gap = text.get(m.span.end..name_start)?;
    let gap = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("\u{2019}s"))
        .unwrap_or(gap);
    // "Moldova's deputy prime minister, Valeriu Chiveri", "Tiraspol's
    // chief negotiator, Vitaly Ignatiev": the post, a comma, the name
    let gap = gap.strip_prefix(',').unwrap_or(gap);
    let words: Vec<String> = gap
        .split_whitespace()
        .map(|w| w.strip_suffix(',').unwrap_or(w).to_ascii_lowercase())
        .collect();
    if !gap.starts_with(' ')
        || !gap.ends_with(' ')
        || words.len() > 5
        || gap.trim_end().trim_end_matches(',').contains(',')
    {
        return None;
    }
    // "U.S. Ambassador Ronald Johnson": the mention ends on its post
    let ends_on_post = m
        .span
        .slice(text)
        .rsplit(' ')
        .next()
        .is_some_and(|w| POSTS.contains(&w.to_ascii_lowercase().as_str()));
    let ok = words.iter().all(|w| post_word(w))
        && (titled
            || words.iter().any(|w| POSTS.contains(&w.as_str()))
            || m.form == MentionForm::Title
            || ends_on_post);
    ok.then_some(&m.actor)
}

/// The role of the capitalised post words before a name when they hold a
/// government office ("Interior Minister", "Government Spokesman",
/// "Ombudsman": GOV) or a religious one ("Archbishop": REL), not a rank or
/// a leadership that rebels hold too ("General", "Commander").
fn home_role(title: &str) -> Option<&'static str> {
    title
        .split_whitespace()
        .find_map(|w| match w.to_ascii_lowercase().as_str() {
            "minister" | "president" | "secretary" | "governor" | "mayor" | "prosecutor"
            | "ambassador" | "envoy" | "senator" | "lawmaker" | "spokesman" | "spokeswoman"
            | "spokesperson" | "ombudsman" => Some("GOV"),
            "archbishop" | "bishop" | "cardinal" | "imam" => Some("REL"),
            _ => None,
        })
}

/// Where the name proper starts in `u` (after capitalised post words it
/// opens with: "Security Minister Omar Garcia Harfuch"), and whether it
/// had such words.
fn name_start(u: &UnresolvedName) -> (usize, bool) {
    let mut at = u.span.start;
    let mut titled = false;
    let mut rest = u.text.as_str();
    loop {
        let (w, tail) = rest.split_once(' ').unwrap_or((rest, ""));
        if tail.is_empty() || !post_word(&w.to_ascii_lowercase()) {
            break;
        }
        titled |= POSTS.contains(&w.to_ascii_lowercase().as_str());
        at += w.len() + 1;
        rest = tail;
    }
    (at, titled)
}

/// The actor of an apposition after the person `u`: "Liu Dejun, a
/// spokesman for China's coast guard,", "Omar Alieu Touray, the
/// commission's president," (a post word, then the actor within four
/// words, or a title mention right after the article).
fn post_after<'a>(text: &str, actors: &'a [ActorMention], u: &UnresolvedName) -> Option<&'a Actor> {
    let rest = text.get(u.span.end..)?.strip_prefix(", ")?;
    // "Abdulqader al-Murtada, who heads the Houthi committee on prisoners'
    // affairs,": the body a relative clause puts the person at the head of
    if let Some(lead) = ["who heads ", "who leads ", "who chairs ", "who runs "]
        .iter()
        .find(|w| rest.starts_with(**w))
    {
        return head_of(text, actors, u, u.span.end + 2 + lead.len());
    }
    let det = ["the ", "a ", "an "]
        .iter()
        .find_map(|d| rest.strip_prefix(d).map(|r| (d.len(), r)));
    let (skip, after_det) = det.unwrap_or((0, rest));
    let from = u.span.end + 2 + skip;
    let m = actors
        .iter()
        .filter(|m| m.sentence == u.sentence && m.span.start >= from)
        .min_by_key(|m| m.span.start)?;
    if m.actor.kind == ActorKind::Person || m.actor.code.is_empty() {
        return None;
    }
    let between = text.get(from..m.span.start)?;
    if between.contains([',', '.', ';', '(', ')']) {
        return None;
    }
    let words: Vec<String> = between
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    // "Touray, the commission's president": the post after the mention
    let tail: Vec<String> = text
        .get(m.span.end..)?
        .trim_start_matches(['\'', '\u{2019}', 's'])
        .split_whitespace()
        .take(2)
        .map(|w| w.trim_end_matches([',', '.']).to_ascii_lowercase())
        .collect();
    let post_between = words.len() <= 4
        && words.iter().any(|w| POSTS.contains(&w.as_str()))
        && words
            .iter()
            .all(|w| post_word(w) || matches!(w.as_str(), "for" | "of" | "to" | "at" | "the"));
    let post_tail = words.is_empty()
        && (m.form == MentionForm::Title || tail.iter().any(|w| POSTS.contains(&w.as_str())));
    (det.is_some() || after_det.starts_with(char::is_uppercase))
        .then_some(())
        .filter(|()| post_between || post_tail)
        .map(|()| &m.actor)
}

/// The actor a person heads: the first actor mention from `from` in the
/// person's sentence, with at most three lower-case words before it ("the
/// exiled", "the government's") and no punctuation.
fn head_of<'a>(
    text: &str,
    actors: &'a [ActorMention],
    u: &UnresolvedName,
    from: usize,
) -> Option<&'a Actor> {
    let m = actors
        .iter()
        .filter(|m| m.sentence == u.sentence && m.span.start >= from)
        .min_by_key(|m| m.span.start)?;
    let between = text.get(from..m.span.start)?;
    let near = between.split_whitespace().count() <= 3
        && !between.contains([',', '.', ';', '(', ')', '"'])
        && between
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_lowercase()));
    (near && m.actor.kind != ActorKind::Person && m.actor.country.is_some()).then_some(&m.actor)
}

/// The surname forms of a full name: its last word, its first of two
/// (a surname first: "Liu Dejun", "Liu said"), and its last two words when
/// it has three or more ("Omar Garcia Harfuch": "Harfuch", "Garcia
/// Harfuch").
fn surnames(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out = Vec::new();
    if words.len() >= 2 {
        if let Some(last) = words.last().filter(|w| w.chars().count() >= 3) {
            out.push((*last).to_string());
        }
    }
    if words.len() == 2 {
        if let Some(first) = words.first().filter(|w| w.chars().count() >= 2) {
            out.push((*first).to_string());
        }
    }
    if words.len() >= 3 {
        out.push(words[words.len() - 2..].join(" "));
    }
    out
}

/// Turns the unknown names given a post into people, with all their later
/// mentions (see the module doc); those names leave `unresolved`.
pub fn titled_people(
    text: &str,
    sentences: &[Sentence],
    actors: &mut Vec<ActorMention>,
    places: &mut Vec<PlaceMention>,
    unresolved: &mut Vec<UnresolvedName>,
) {
    // (in a story of two, the home of its dateline: officials named with
    // no state are the reporter's host's)
    let story = crate::local_agents::single_country(actors)
        .or_else(|| crate::local_agents::dateline_party(actors, places, text));
    // (full name, first sentence, person)
    let mut found: Vec<(String, usize, Actor)> = Vec::new();
    let mut renamed: Vec<(usize, UnresolvedName)> = Vec::new();
    for (k, u) in unresolved.iter().enumerate() {
        let (start, titled) = name_start(u);
        let name = text.get(start..u.span.end).unwrap_or("");
        let words = name.split_whitespace().count();
        if !(2..=4).contains(&words) || found.iter().any(|(n, _, _)| n == name) {
            continue;
        }
        let home;
        let post = match post_before(text, actors, u, start, titled)
            .or_else(|| post_after(text, actors, u))
        {
            Some(post) => post,
            // "Interior Minister Mohsin Naqvi accused India": a government
            // post with no state named, in an article of one country, is
            // that country's.
            // (an archbishop is the country's clergy)
            None => match story
                .as_deref()
                .zip(home_role(text.get(u.span.start..start).unwrap_or("")).filter(|_| titled))
            {
                Some((c, r)) => {
                    home = Actor {
                        entity: format!("agent:{c}{r}"),
                        name: format!("{c}{r}"),
                        code: format!("{c}{r}"),
                        country: Some(c.to_string()),
                        role: Some(r.to_string()),
                        kind: ActorKind::Agent,
                    };
                    &home
                }
                None => continue,
            },
        };
        if start > u.span.start {
            renamed.push((
                k,
                UnresolvedName {
                    sentence: u.sentence,
                    span: chronicler_core::Span::new(start, u.span.end),
                    text: name.to_string(),
                },
            ));
        }
        // a state's official: its government ("Mexico's Security Minister")
        let code = if post.kind == ActorKind::State && post.code.len() == 3 {
            format!("{}GOV", post.code)
        } else {
            post.code.clone()
        };
        let role = if post.kind == ActorKind::State && post.code.len() == 3 {
            Some("GOV".to_string())
        } else {
            post.role.clone()
        };
        let slug = slug(name);
        let person = Actor {
            entity: format!("person:named:{slug}"),
            name: name.to_string(),
            code,
            country: post.country.clone(),
            role,
            kind: ActorKind::Person,
        };
        found.push((name.to_string(), u.sentence, person));
    }
    // the post words before a name are no part of it
    for (k, u) in renamed {
        if let Some(slot) = unresolved.get_mut(k) {
            *slot = u;
        }
    }
    if found.is_empty() {
        return;
    }
    // A surname shared by two of the people found names neither.
    let mut short: Vec<(String, usize)> = Vec::new();
    for (i, (name, _, _)) in found.iter().enumerate() {
        for s in surnames(name) {
            match short.iter().position(|(x, _)| *x == s) {
                Some(k) => short[k].1 = usize::MAX,
                None => short.push((s, i)),
            }
        }
    }
    // The names and surnames, wherever they stand after the first mention,
    // even across a place's name ("Garcia Harfuch met": the town of García
    // is no place here) or opening a sentence ("Ignatiev rejected"); a
    // surname two of them share names neither.
    let mut added: Vec<ActorMention> = Vec::new();
    for (i, (full, first, person)) in found.iter().enumerate() {
        let from = sentences.get(*first).map_or(0, |s| s.span.start);
        let mut forms = vec![(full.clone(), MentionForm::Name)];
        forms.extend(
            surnames(full)
                .into_iter()
                .filter(|f| short.iter().any(|(x, k)| x == f && *k == i))
                .map(|f| (f, MentionForm::Alias)),
        );
        // longest first: "Garcia Harfuch" before "Harfuch"
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        for (form, how) in forms {
            let mut at = from;
            while let Some(i) = text.get(at..).and_then(|t| t.find(form.as_str())) {
                let (a, b) = (at + i, at + i + form.len());
                at = b;
                let bounded = text[..a]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
                    && text[b..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                let span = chronicler_core::Span::new(a, b);
                let taken = actors
                    .iter()
                    .chain(added.iter())
                    .any(|m| m.span.start < b && a < m.span.end);
                if !bounded || taken {
                    continue;
                }
                places.retain(|p| !(p.span.start < b && a < p.span.end));
                added.push(ActorMention {
                    sentence: crate::mentions::sentence_of(sentences, a),
                    span,
                    actor: person.clone(),
                    form: how,
                });
            }
        }
    }
    unresolved.retain(|u| {
        !added
            .iter()
            .any(|m| m.span.start < u.span.end && u.span.start < m.span.end)
    });
    for m in added {
        let at = actors.partition_point(|x| x.span < m.span);
        actors.insert(at, m);
    }
    take_names(actors, unresolved, |u| {
        short
            .iter()
            .find(|(s, i)| *s == u.text && *i != usize::MAX)
            .and_then(|&(_, i)| found.get(i))
            .filter(|(_, first, _)| u.sentence >= *first)
            .map(|(_, _, p)| (p.clone(), MentionForm::Alias))
    });
    // "He accused Manila": the person just found, in the sentence before
    crate::mentions::pronouns(text, sentences, actors, |a| {
        a.entity.starts_with("person:named:")
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_of_a_full_name() {
        assert_eq!(
            surnames("Omar Garcia Harfuch"),
            ["Harfuch", "Garcia Harfuch"]
        );
        assert_eq!(surnames("Liu Dejun"), ["Dejun", "Liu"]);
        assert!(surnames("Touray").is_empty());
    }
}
