//! Agents named with no country ("gunmen stormed a school", "police in
//! Kebbi arrested four men", "bandits abducted 25 pupils") in an article
//! about one country: they are that country's. The article's country is
//! the one named in most mentions of states, people, agents and armed
//! groups (at least three, and three in five of them); an agent takes it unless a place
//! of another country is named in its sentence. Only the roles no foreign
//! party is likely to hold in such a story are given a country: police,
//! criminals, unaffiliated gunmen, rebels and insurgents, the opposition,
//! and students and schoolchildren. Soldiers and the army take it only when the article
//! names an armed or political opponent of that country's state from
//! within (a rebel group, insurgents, the opposition: "the army said its
//! aircraft had bombed an ELN camp"): then the story is a conflict inside
//! the country and its soldiers are the state's. Otherwise they stay
//! without one, and officials always do: in a story of one country they
//! may still be a neighbour's.

use chronicler_core::{ActorKind, ActorMention, PlaceMention};

use crate::named_groups::country_counts;

/// The roles an agent with no country takes the article's country for.
const LOCAL_ROLES: &[&str] = &["COP", "CRM", "UAF", "REB", "INS", "EDU", "CVL", "OPP"];

/// Whether the article names, with its country, one who opposes the
/// state of `country` from within ([`chronicler_core::Actor::is_dissident`])
/// or a criminal gang of it.
fn has_dissident(actors: &[ActorMention], country: &str) -> bool {
    actors.iter().any(|m| {
        m.actor.country.as_deref() == Some(country)
            && (m.actor.is_dissident() || m.actor.role.as_deref() == Some("CRM"))
    })
}

/// Whether the text tells of a seizure of power ("coup", "junta",
/// "seized power", "mutiny", "putsch"): its soldiers act at home.
fn seizure_of_power(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "coup",
        "Coup",
        "junta",
        "putsch",
        "mutiny",
        "mutinous",
        "mutineers",
    ];
    WORDS.iter().any(|w| {
        text.match_indices(w).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
        })
    }) || text.contains("seized power")
        || text.contains("military takeover")
}

/// How many mentions of states, agents, people and armed groups (not
/// international bodies) name each country, most named first.
fn named_countries(actors: &[ActorMention]) -> Vec<(&str, usize)> {
    country_counts(actors, |m| {
        matches!(
            m.actor.kind,
            ActorKind::State | ActorKind::Agent | ActorKind::Person | ActorKind::Group
        ) && !m.actor.code.starts_with("IGO")
            && m.actor.country.as_deref().is_some_and(|c| c.len() == 3)
    })
}

/// The article's one country, if it has one (see the module doc).
pub(crate) fn single_country(actors: &[ActorMention]) -> Option<String> {
    let counts = named_countries(actors);
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let &(c, n) = counts.first()?;
    (n >= 3 && n * 5 >= total * 3).then(|| c.to_string())
}

/// "PESHAWAR: A grand jirga of tribal elders ... in Kurram district": a
/// local story may never name its country, only its places. When no
/// country is named in three mentions of actors or more, the country of
/// the article's dateline is its country.
fn dateline_country(
    actors: &[ActorMention],
    places: &[PlaceMention],
    text: &str,
) -> Option<String> {
    let counts = named_countries(actors);
    if counts.first().is_some_and(|&(_, n)| n >= 3) {
        return None;
    }
    dateline_home(places, text)
}

/// The country of the article's dateline place ("PESHAWAR:", "FREETOWN,
/// May 14 -"), if it has one.
fn dateline_home(places: &[PlaceMention], text: &str) -> Option<String> {
    places
        .iter()
        .find(|p| crate::mentions::dateline_at(text, p.span.start, p.span.end))
        .and_then(|p| p.place.country.clone())
        .filter(|c| c.len() == 3)
}

/// The country of the article's dateline when it is one of the two
/// countries its actors name most: the home of a story of two ("FREETOWN,
/// May 14 - Sierra Leone summoned Guinea's ambassador ... Foreign Minister
/// Timothy Musa Kabba told parliament"), not the venue of talks between
/// others ("GENEVA, March 18 - Greek Cypriot and Turkish Cypriot leaders").
pub(crate) fn dateline_party(
    actors: &[ActorMention],
    places: &[PlaceMention],
    text: &str,
) -> Option<String> {
    let home = dateline_home(places, text)?;
    named_countries(actors)
        .iter()
        .take(2)
        .any(|&(c, n)| c == home && n >= 3)
        .then_some(home)
}

/// Gives the article's country to the agents of the local roles named
/// without one (see the module doc).
pub fn local_agents(actors: &mut Vec<ActorMention>, places: &[PlaceMention], text: &str) {
    let group_ends = group_followers(actors);
    government_agents(actors);
    origin_agents(actors, places, text);
    let Some(country) = single_country(actors).or_else(|| dateline_country(actors, places, text))
    else {
        placed_agents(actors, places, &group_ends, text);
        return;
    };
    // (the text is searched only when soldiers of no country are named)
    let soldiers = actors.iter().any(|m| unplaced_agent(m, |r| r == "MIL"))
        && (has_dissident(actors, &country) || seizure_of_power(text));
    for m in actors.iter_mut() {
        if !unplaced_agent(m, |r| LOCAL_ROLES.contains(&r) || (soldiers && r == "MIL")) {
            continue;
        }
        let abroad = places.iter().any(|p| {
            p.sentence == m.sentence && p.place.country.as_deref().is_some_and(|c| c != country)
        });
        if abroad {
            continue;
        }
        give_country(m, &country);
    }
}

/// "Government forces clashed with Druze fighters": forces named as the
/// government's are those of the country the article names most (three
/// mentions at least, more than any other), even in a story of two.
fn government_agents(actors: &mut [ActorMention]) {
    let counts = named_countries(actors);
    let top = match counts.as_slice() {
        [(c, n), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(_, k)| k < n) => {
            (*c).to_string()
        }
        _ => return,
    };
    for m in actors.iter_mut() {
        let named = m.actor.name.to_ascii_lowercase();
        if unplaced_agent(m, |r| matches!(r, "MIL" | "COP"))
            && (named.starts_with("government ") || named.starts_with("pro-government "))
        {
            give_country(m, &top);
        }
    }
}

/// "17 fishermen from Rameswaram", "students from Gaza": an agent named
/// with no country and the place it comes from takes that place's
/// country, whatever the article's (the origin is said, not guessed).
fn origin_agents(actors: &mut [ActorMention], places: &[PlaceMention], text: &str) {
    for m in actors.iter_mut() {
        if !(m.actor.kind == ActorKind::Agent && m.actor.country.is_none()) {
            continue;
        }
        let Some(rest) = text.get(m.span.end..) else {
            continue;
        };
        let Some(after) = rest.strip_prefix(" from ") else {
            continue;
        };
        let at = m.span.end + (rest.len() - after.len());
        let at = at + if after.starts_with("the ") { 4 } else { 0 };
        // (a country after "from" is a state's name the mentions read
        // already: "negotiators from Moldova and Transnistria")
        let origin = places
            .iter()
            .find(|p| p.span.start == at && p.place.kind != "country")
            .and_then(|p| p.place.country.as_deref())
            .filter(|c| c.len() == 3)
            .map(str::to_string);
        if let Some(c) = origin {
            give_country(m, &c);
        }
    }
}

/// "JNIM fighters", "Houthi negotiators": the agent right after a group's
/// name is the group, named already, not the country at large or of the
/// place; drops it and returns where the groups' names end.
pub(crate) fn group_followers(actors: &mut Vec<ActorMention>) -> Vec<usize> {
    let group_ends: Vec<usize> = actors
        .iter()
        .filter(|g| g.actor.kind == ActorKind::Group)
        .map(|g| g.span.end)
        .collect();
    actors.retain(|m| {
        !(m.actor.kind == ActorKind::Agent
            && m.actor.country.is_none()
            && group_ends.iter().any(|end| end + 1 == m.span.start))
    });
    group_ends
}

/// Whether `m` is an agent with no country in a role `role` accepts.
fn unplaced_agent(m: &ActorMention, role: impl Fn(&str) -> bool) -> bool {
    m.actor.kind == ActorKind::Agent
        && m.actor.country.is_none()
        && m.actor.role.as_deref().is_some_and(role)
        && !captive(&m.actor.name)
}

/// People held or uprooted ("hostages", "detainees", "prisoners of war",
/// "refugees"): as often the other side's people as the story's own.
fn captive(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let last = name.rsplit(' ').next().unwrap_or(&name);
    matches!(
        last,
        "hostages"
            | "hostage"
            | "prisoners"
            | "prisoner"
            | "detainees"
            | "detainee"
            | "captives"
            | "pows"
            | "refugees"
            | "migrants"
    ) || name.ends_with("prisoners of war")
        || name.ends_with("displaced people")
}

/// Whether the word before byte `at` of `text` is a preposition of place
/// ("in Lima", "outside the prison in Caracas", "near Kharkiv").
fn after_locative(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // (opening the sentence too: "In Yerevan, supporters rallied")
    matches!(
        word.as_str(),
        "in" | "at" | "near" | "outside" | "inside" | "across" | "throughout" | "around"
    )
}

/// Makes the agent `m` one of `country` (code, entity and country).
fn give_country(m: &mut ActorMention, country: &str) {
    let role = m.actor.role.clone().unwrap_or_default();
    m.actor.code = format!("{country}{role}");
    m.actor.entity = format!("agent:{}", m.actor.code);
    m.actor.country = Some(country.to_string());
}

/// In an article of no one country, an agent of a local role named
/// without one takes the country of the places its sentence names, when
/// they are all of one country: "police detained him at his hotel in Dar
/// es Salaam", "gunmen attacked a village in Zamfara", "relatives
/// gathered outside the prison in Caracas". Only police, criminals,
/// gunmen, students, the opposition and civilians (not captives): soldiers
/// are often abroad, and rebels and insurgents often cross a border; nor an
/// agent a group leads ("Hamas-led gunmen stormed southern Israel"). With
/// no place in its sentence, an agent takes those of the sentence before
/// in its paragraph: the scene goes on ("In Yerevan, supporters rallied
/// ... Police detained 14 protesters").
/// `group_ends` are where the article's group names end.
fn placed_agents(
    actors: &mut [ActorMention],
    places: &[PlaceMention],
    group_ends: &[usize],
    text: &str,
) {
    for i in 0..actors.len() {
        let m = &actors[i];
        // "In Moscow, Zakharova accused Chisinau of ... the people of
        // Pridnestrovie": a place opening the sentence is the scene of its
        // subject, the first actor after it, not of the others
        let opening_scene = |p: &PlaceMention| {
            let opening = text
                .get(..p.span.start)
                .is_some_and(|b| b.trim_end().ends_with("In") || b.trim_end().ends_with("At"));
            !opening
                || p.sentence != m.sentence
                || actors
                    .iter()
                    .find(|a| a.sentence == p.sentence && a.span.start >= p.span.end)
                    .is_some_and(|a| a.span == m.span)
        };
        let local = unplaced_agent(m, |r| {
            matches!(r, "COP" | "CRM" | "UAF" | "EDU" | "CVL" | "OPP")
        }) && !group_ends
            .iter()
            .any(|&end| end < m.span.start && m.span.start <= end + 10);
        if !local {
            continue;
        }
        // civilians take only a place they are in ("protesters in Lima"),
        // not a capital standing for its government ("Washington lists")
        let civil = matches!(m.actor.role.as_deref(), Some("CVL" | "OPP"));
        let in_sentence = |sentence: usize| {
            places
                .iter()
                .filter(move |p| p.sentence == sentence)
                .filter(move |p| !civil || after_locative(text, p.span.start))
                .filter(move |p| !civil || opening_scene(p))
                .filter_map(|p| p.place.country.as_deref())
        };
        // with no place in its sentence, the scene of the sentence before
        // in the same paragraph ("In Yerevan, supporters rallied ...
        // Police detained 14 protesters")
        let scene = if in_sentence(m.sentence).next().is_some() {
            Some(m.sentence)
        } else {
            // ("Chinese police detained two Japanese men ... the men's
            // release": the same people, named before with their country)
            if let Some(c) = named_before(&actors[..i], m, text) {
                give_country(&mut actors[i], &c);
                continue;
            }
            m.sentence.checked_sub(1).filter(|&before| {
                places.iter().filter(|p| p.sentence == before).all(|p| {
                    !text
                        .get(p.span.end..m.span.start)
                        .unwrap_or("\n")
                        .contains('\n')
                })
            })
        };
        let Some(scene) = scene else { continue };
        let mut here = in_sentence(scene);
        let Some(first) = here.next() else { continue };
        if first.len() != 3 || here.any(|c| c != first) {
            continue;
        }
        let first = first.to_string();
        give_country(&mut actors[i], &first);
    }
}

/// The country of the same agents named before with one, in the three
/// sentences before `m`'s, when `m` refers back with "the": "two Japanese
/// men" for "the men".
fn named_before(before: &[ActorMention], m: &ActorMention, text: &str) -> Option<String> {
    let definite = text
        .get(..m.span.start)
        .is_some_and(|b| b.ends_with("the ") || b.ends_with("The "));
    if !definite {
        return None;
    }
    let noun = |a: &ActorMention| {
        a.actor
            .name
            .rsplit(' ')
            .next()
            .map(str::to_ascii_lowercase)
            .unwrap_or_default()
    };
    let own = noun(m);
    before
        .iter()
        .rev()
        .take_while(|a| a.sentence + 3 >= m.sentence)
        .find(|a| {
            a.actor.kind == ActorKind::Agent
                && a.actor.role == m.actor.role
                && a.actor.country.as_deref().is_some_and(|c| c.len() == 3)
                && noun(a) == own
        })
        .and_then(|a| a.actor.country.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicler_core::{Actor, MentionForm, Place, Span};

    fn mention(
        sentence: usize,
        code: &str,
        country: Option<&str>,
        kind: ActorKind,
    ) -> ActorMention {
        ActorMention {
            sentence,
            span: Span::new(sentence * 10, sentence * 10 + 5),
            actor: Actor {
                entity: format!("x:{code}"),
                name: code.to_string(),
                code: code.to_string(),
                country: country.map(str::to_string),
                role: if country.is_none() {
                    Some(code.to_string())
                } else {
                    None
                },
                kind,
            },
            form: MentionForm::Name,
        }
    }

    fn place(sentence: usize, country: &str) -> PlaceMention {
        PlaceMention {
            sentence,
            span: Span::new(sentence * 10 + 6, sentence * 10 + 9),
            place: Place {
                country: Some(country.to_string()),
                ..Place::default()
            },
        }
    }

    #[test]
    fn gunmen_in_a_story_of_one_country_are_its_own() {
        let mut actors = vec![
            mention(0, "NGA", Some("NGA"), ActorKind::State),
            mention(1, "NGA", Some("NGA"), ActorKind::State),
            mention(2, "NGAGOV", Some("NGA"), ActorKind::Person),
            mention(3, "UAF", None, ActorKind::Agent),
            mention(4, "MIL", None, ActorKind::Agent),
            mention(5, "CRM", None, ActorKind::Agent),
        ];
        local_agents(&mut actors, &[place(5, "NER")], "");
        assert_eq!(actors[3].actor.code, "NGAUAF");
        assert_eq!(actors[3].actor.country.as_deref(), Some("NGA"));
        // soldiers stay unassigned; an agent in a foreign place too
        assert_eq!(actors[4].actor.country, None);
        assert_eq!(actors[5].actor.country, None);
    }

    #[test]
    fn with_no_story_country_police_take_the_country_of_their_sentences_places() {
        let mut actors = vec![
            mention(0, "TZA", Some("TZA"), ActorKind::State),
            mention(1, "KEN", Some("KEN"), ActorKind::State),
            mention(2, "COP", None, ActorKind::Agent),
            mention(3, "COP", None, ActorKind::Agent),
            mention(4, "MIL", None, ActorKind::Agent),
            mention(5, "COP", None, ActorKind::Agent),
        ];
        let places = [
            place(2, "TZA"),
            place(3, "TZA"),
            place(3, "KEN"),
            place(4, "TZA"),
        ];
        local_agents(&mut actors, &places, "");
        assert_eq!(actors[2].actor.code, "TZACOP");
        // places of two countries, soldiers, no place: unassigned
        assert_eq!(actors[3].actor.country, None);
        assert_eq!(actors[4].actor.country, None);
        assert_eq!(actors[5].actor.country, None);
    }

    #[test]
    fn soldiers_are_the_states_in_a_conflict_inside_it() {
        let mut rebels = mention(1, "COLREB", Some("COL"), ActorKind::Group);
        rebels.actor.role = Some("REB".to_string());
        let mut actors = vec![
            mention(0, "COL", Some("COL"), ActorKind::State),
            rebels,
            mention(2, "COLGOV", Some("COL"), ActorKind::Person),
            mention(2, "COL", Some("COL"), ActorKind::State),
            mention(3, "MIL", None, ActorKind::Agent),
            mention(4, "GOV", None, ActorKind::Agent),
        ];
        local_agents(&mut actors, &[], "");
        assert_eq!(actors[4].actor.code, "COLMIL");
        // officials stay unassigned
        assert_eq!(actors[5].actor.country, None);
    }

    #[test]
    fn the_countrys_armed_groups_count_towards_its_story() {
        // four of the country's own and two of its group against four
        // foreign mentions: the story is the country's
        let group = || mention(1, "CMRREB", Some("CMR"), ActorKind::Group);
        let mut actors = vec![
            mention(0, "CMR", Some("CMR"), ActorKind::State),
            mention(0, "CMR", Some("CMR"), ActorKind::State),
            mention(1, "CMRMIL", Some("CMR"), ActorKind::Agent),
            mention(2, "CMR", Some("CMR"), ActorKind::State),
            group(),
            group(),
            mention(3, "CHE", Some("CHE"), ActorKind::State),
            mention(4, "CHE", Some("CHE"), ActorKind::State),
            mention(5, "CAN", Some("CAN"), ActorKind::State),
            mention(6, "VAT", Some("VAT"), ActorKind::State),
            mention(7, "REB", None, ActorKind::Agent),
        ];
        local_agents(&mut actors, &[], "");
        assert_eq!(actors[10].actor.code, "CMRREB");
    }

    #[test]
    fn a_local_story_naming_no_country_takes_its_datelines() {
        let text = "Truce extended\n\nPESHAWAR: Police arrested 14 suspects.";
        let at = text.find("PESHAWAR").unwrap_or(0);
        let mut police = mention(1, "COP", None, ActorKind::Agent);
        police.span = Span::new(at + 10, at + 16);
        let mut actors = vec![police];
        let mut dateline = place(1, "PAK");
        dateline.span = Span::new(at, at + 8);
        local_agents(&mut actors, &[dateline.clone()], text);
        assert_eq!(actors[0].actor.code, "PAKCOP");
        // a place in lower case or not opening a line is no dateline
        let text = "Truce extended. Police in PESHAWAR: arrested 14 suspects.";
        let at = text.find("PESHAWAR").unwrap_or(0);
        dateline.span = Span::new(at, at + 8);
        let mut actors = vec![mention(5, "COP", None, ActorKind::Agent)];
        local_agents(&mut actors, &[dateline], text);
        assert_eq!(actors[0].actor.country, None);
    }

    #[test]
    fn a_story_of_two_countries_assigns_nothing() {
        let mut actors = vec![
            mention(0, "ISR", Some("ISR"), ActorKind::State),
            mention(1, "IRN", Some("IRN"), ActorKind::State),
            mention(2, "ISR", Some("ISR"), ActorKind::State),
            mention(3, "IRN", Some("IRN"), ActorKind::State),
            mention(4, "UAF", None, ActorKind::Agent),
        ];
        local_agents(&mut actors, &[], "");
        assert_eq!(actors[4].actor.country, None);
    }
}
