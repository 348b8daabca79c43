//! Armed groups no dictionary knows, named by the apposition that follows
//! them: "the Radaa Deterrence Force, the armed group that controls the
//! capital's airport", "Jaish al-Fatah, a militia based in Idlib". Such a
//! name becomes an armed group (`<country>REB`) of the country named just
//! before it in its sentence, else of the article's most-named country;
//! every later mention of the name, or of its first word alone ("Radaa
//! fighters", "accused Radaa of"), is that group.

use chronicler_core::{Actor, ActorKind, ActorMention, MentionForm, UnresolvedName};

/// The nouns an apposition uses for an armed group (after "the", "a" or
/// "an" and at most two modifiers: "a powerful Tripoli-based militia").
const HEADS: &[&[&str]] = &[
    &["armed", "group"],
    &["armed", "wing"],
    &["armed", "faction"],
    &["militia"],
    &["rebel", "group"],
    &["rebel", "movement"],
    &["rebel", "alliance"],
    &["paramilitary", "group"],
    &["paramilitary", "force"],
    &["insurgent", "group"],
    &["militant", "group"],
    &["jihadist", "group"],
    &["separatist", "group"],
    &["gang"],
    &["gang", "coalition"],
];

/// Nouns of an armed unit that may follow a group's name ("the Carlos
/// Patiño front", "the Jaguar militia"), with an apposition only: alone,
/// "the Druze militia" or "the Christian militia" names no group.
const UNIT_NOUNS: &[&str] = &[
    "militia",
    "gang",
    "cartel",
    "front",
    "brigade",
    "battalion",
    "faction",
];

/// Apposition heads that make a name a part of an armed group ("the
/// Carlos Patiño front, a unit of the dissident EMC").
const PART_HEADS: &[&str] = &[
    "unit",
    "wing",
    "branch",
    "faction",
    "offshoot",
    "splinter",
    "affiliate",
    "cell",
];

/// Whether the text after a name names an armed group: a unit noun
/// ("militia", "front") and an apposition, or an apposition alone.
fn group_apposition(after: &str) -> bool {
    let unit = UNIT_NOUNS.iter().find_map(|n| {
        let rest = after.strip_prefix(' ')?.strip_prefix(n)?;
        rest.chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
            .then_some(rest)
    });
    if let Some(rest) = unit {
        return appositive_group(rest, true);
    }
    appositive_group(after, false)
}

/// Whether `after` opens an apposition naming an armed group (or, when
/// `part`, a unit of one).
fn appositive_group(after: &str, part: bool) -> bool {
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let Some(rest) = ["the ", "a ", "an "]
        .iter()
        .find_map(|d| rest.strip_prefix(d))
    else {
        return false;
    };
    let words: Vec<String> = rest
        .split_whitespace()
        .take(5)
        .map(|w| {
            w.trim_end_matches([',', '.', ';', ':'])
                .to_ascii_lowercase()
        })
        .collect();
    if part
        && words
            .iter()
            .take(3)
            .any(|w| PART_HEADS.contains(&w.as_str()))
    {
        return true;
    }
    (0..=2).any(|skip| {
        HEADS.iter().any(|h| {
            words.len() >= skip + h.len()
                && words[skip..skip + h.len()]
                    .iter()
                    .zip(h.iter())
                    .all(|(a, b)| a == b)
        })
    })
}

/// How many of the mentions that `keep` keeps name each country, most
/// named first (ties to the first named).
pub(crate) fn country_counts(
    actors: &[ActorMention],
    keep: impl Fn(&ActorMention) -> bool,
) -> Vec<(&str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in actors.iter().filter(|m| keep(m)) {
        let Some(c) = m.actor.country.as_deref() else {
            continue;
        };
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some(e) => e.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    // stable sort: ties stay in order of first mention
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// The country the article names most often (states and their agents).
fn most_named(actors: &[ActorMention]) -> Option<String> {
    country_counts(actors, |m| {
        matches!(m.actor.kind, ActorKind::State | ActorKind::Agent)
    })
    .first()
    .map(|(c, _)| (*c).to_string())
}

/// Turns the unknown names introduced as armed groups into group actors,
/// with all their mentions; those names leave `unresolved`.
pub fn named_groups(
    text: &str,
    actors: &mut Vec<ActorMention>,
    unresolved: &mut Vec<UnresolvedName>,
) {
    let mut found: Vec<(String, Vec<String>, Actor)> = Vec::new();
    for u in unresolved.iter() {
        if found.iter().any(|(n, _, _)| *n == u.text) {
            continue;
        }
        // "the West Papua National Liberation Army (TPNPB), the armed wing
        // of ...": an acronym in parentheses may stand between the name
        // and its apposition, and names the group too
        let after = text.get(u.span.end..).unwrap_or("");
        let (acronym, after) = match after.strip_prefix(" (").and_then(|r| r.split_once(')')) {
            Some((a, rest))
                if (2..=8).contains(&a.len())
                    && a.chars().all(|c| c.is_ascii_uppercase() || c == '-') =>
            {
                (Some(a.to_string()), rest)
            }
            _ => (None, after),
        };
        if !group_apposition(after) {
            continue;
        }
        let near = actors
            .iter()
            .filter(|m| {
                m.sentence == u.sentence
                    && m.span.end <= u.span.start
                    && matches!(m.actor.kind, ActorKind::State | ActorKind::Agent)
            })
            .filter_map(|m| m.actor.country.clone())
            .next_back();
        let Some(country) = near.or_else(|| most_named(actors)) else {
            continue;
        };
        let slug = slug(&u.text);
        let actor = Actor {
            entity: format!("group:named:{slug}"),
            name: u.text.clone(),
            code: format!("{country}REB"),
            country: Some(country),
            role: Some("REB".to_string()),
            kind: ActorKind::Group,
        };
        // "Radaa" for "Radaa Deterrence Force": a first word of four
        // letters or more, when the name has more than one
        let alias = u
            .text
            .split_whitespace()
            .next()
            .filter(|w| w.len() >= 4 && *w != u.text && w.chars().all(char::is_alphabetic))
            .map(str::to_string);
        found.push((
            u.text.clone(),
            alias.into_iter().chain(acronym).collect(),
            actor,
        ));
    }
    if found.is_empty() {
        return;
    }
    take_names(actors, unresolved, |u| {
        found.iter().find_map(|(name, alias, actor)| {
            if u.text == *name {
                Some((actor.clone(), MentionForm::Name))
            } else if alias.contains(&u.text) {
                Some((actor.clone(), MentionForm::Alias))
            } else {
                None
            }
        })
    });
}

/// Moves the unresolved names that `hit` resolves into `actors` (kept in
/// span order), as mentions of the actor it gives in the form it gives.
pub(crate) fn take_names(
    actors: &mut Vec<ActorMention>,
    unresolved: &mut Vec<UnresolvedName>,
    hit: impl Fn(&UnresolvedName) -> Option<(Actor, MentionForm)>,
) {
    let mut keep = Vec::with_capacity(unresolved.len());
    for u in unresolved.drain(..) {
        match hit(&u) {
            Some((actor, form)) => {
                let m = ActorMention {
                    sentence: u.sentence,
                    span: u.span,
                    actor,
                    form,
                };
                let at = actors.partition_point(|x| x.span < m.span);
                actors.insert(at, m);
            }
            None => keep.push(u),
        }
    }
    *unresolved = keep;
}

/// A name as an entity key's last part: lower case, every other
/// character a hyphen ("Liu Dejun": "liu-dejun").
pub(crate) fn slug(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_noun_names_an_armed_group() {
        assert!(group_apposition(" militia, an armed group based in Idlib"));
        assert!(group_apposition(
            " front, a unit of the dissident Estado Mayor Central"
        ));
        // "front" without an apposition, or with one of no armed group
        assert!(!group_apposition(" front line"));
        assert!(!group_apposition(" front, the town's main road"));
        assert!(!group_apposition(" frontier"));
    }

    #[test]
    fn an_apposition_names_an_armed_group() {
        assert!(group_apposition(
            ", the armed group that controls the airport"
        ));
        assert!(group_apposition(", a powerful Tripoli-based militia, said"));
        assert!(group_apposition(", a rebel movement"));
        assert!(!group_apposition(", the group's leader said"));
        assert!(!group_apposition(" militia"));
        assert!(!group_apposition(", the ministry said"));
    }
}
