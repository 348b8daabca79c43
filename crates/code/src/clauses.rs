//! Clause rules from the third held-out batch (issue 4): general facts of
//! news English the per-trigger rules in `rules.rs` missed.
//!
//! - A conjunct with an article ("Armenia and the United States signed")
//!   is still a conjunct ([`conjunction_before`]).
//! - What a rejection rejects ("turned down an invitation from X") is not
//!   an act of the one who rejects it ([`rejected_proposal`]).
//! - Force a speaker says his side would use ("warned that the group would
//!   strike any ship", "said it would respond firmly to any aggression") is
//!   a threat, CAMEO 138, not the force ([`threatened`]).
//! - The purpose of a mission ("launched a rescue mission to free the
//!   hostages") and an obligation ("Israel was to withdraw") are not acts
//!   ([`purpose_or_obligation`]).
//!
//! This is a child module of `rules`, so it reads the sentence's private
//! token and mention tables directly.

use chronicler_core::Actor;

use super::{resolved, same_country, window, Sent, ASPECTUAL, BE, REPORTING};

/// The token index of the "and" joining a conjunct that starts at `first`
/// to the one before it: "Armenia and Israel" (the word before), "Armenia
/// and the United States" (an article between).
pub(super) fn conjunction_before(words: &[String], first: usize) -> Option<usize> {
    // "the Kurdish-led SDF", "the Iran-backed Houthis": a hyphenated
    // modifier (two tokens) before the name
    let first = match first
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map(String::as_str)
    {
        Some("led" | "backed" | "controlled" | "dominated" | "based" | "aligned") => {
            first.checked_sub(2)?
        }
        _ => first,
    };
    let prev = first.checked_sub(1)?;
    match words.get(prev)?.as_str() {
        "and" => Some(prev),
        "the" => {
            let and = prev.checked_sub(1)?;
            if words.get(and)? == "of" {
                return head_of(words, and);
            }
            (words.get(and)? == "and").then_some(and)
        }
        "of" => head_of(words, prev),
        _ => None,
    }
}

/// "X and the commander of the SDF agreed": the group's head stands for it
/// in the coordination; `of` is the index of "of".
fn head_of(words: &[String], of: usize) -> Option<usize> {
    let head = of.checked_sub(1)?;
    if !matches!(
        words.get(head)?.as_str(),
        "commander" | "leader" | "head" | "chief" | "representatives" | "envoy"
    ) {
        return None;
    }
    let det = head.checked_sub(1)?;
    let and = if words.get(det)? == "the" {
        det.checked_sub(1)?
    } else {
        det
    };
    (words.get(and)? == "and").then_some(and)
}

/// Verbs that reject what they govern.
const REJECTING: &[&str] = &[
    "rejected",
    "rejects",
    "reject",
    "rejecting",
    "declined",
    "declines",
    "decline",
    "declining",
    "dismissed",
    "dismisses",
    "dismiss",
    "rebuffed",
    "rebuffs",
    "rebuff",
    "spurned",
    "spurns",
    "snubbed",
    "snubs",
    "down",
];

/// Whether a noun act of appeal, offer or invitation (CAMEO roots 02, 03,
/// 10) at `t0` is the object of a rejection that starts at `verb`:
/// "turned down an invitation from Washington to attend", "rejected an
/// offer of talks from Kyiv", "dismissed a demand for a ceasefire". Such
/// an act is the other side's, and the rejection (12x) already records it;
/// it is never the rejecting subject's own act. At most six words between,
/// none of them a clause break.
pub(super) fn rejected_proposal(words: &[String], verb: usize, t0: usize, root: &str) -> bool {
    if !matches!(root, "02" | "03" | "10") || t0 <= verb || t0 - verb > 7 {
        return false;
    }
    let Some(v) = words.get(verb) else {
        return false;
    };
    let rejecting = REJECTING.contains(&v.as_str())
        && (v != "down"
            || verb
                .checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|w| matches!(w.as_str(), "turned" | "turns" | "turn" | "turning")));
    rejecting
        && !window(words, verb + 1, t0).any(|w| {
            matches!(
                w,
                "," | ";" | "." | "and" | "but" | "that" | "which" | "who" | "after" | "when"
            )
        })
}

/// Verbs that announce or report what a speaker's side would do.
const ANNOUNCING: &[&str] = &[
    "warned",
    "warns",
    "warning",
    "threatened",
    "threatens",
    "vowed",
    "vows",
    "insisted",
    "insists",
    "declared",
    "declares",
    "signalled",
    "signaled",
];

/// Whether a trigger at `t0` is the content of a threat: it follows
/// "would", "will" or "'ll" (adverbs, quotation marks and "keep" or
/// "continue" may sit between), and a verb of warning or reporting comes
/// before that modal in the sentence, at most fourteen words back, with no
/// "whether" or question between: "He warned that the group would strike
/// any ship", "Katz warned on Wednesday that Israel would \"act with full
/// force\" if ...", "said Afghanistan wanted good relations but would
/// respond firmly to any aggression". A negated modal ("would not strike")
/// is no threat: the negation rule drops it first.
pub(super) fn threatened(words: &[String], t0: usize) -> Option<usize> {
    // "vowed to \"hunt down every one of the attackers\"": force vowed
    let mut k = t0;
    while k > 0 && matches!(words[k - 1].as_str(), "\"" | "“" | "'" | "‘") {
        k -= 1;
    }
    if k >= 2 && words[k - 1] == "to" {
        // (a date between: "vowed on X on Monday night to")
        let vow = (k.saturating_sub(10)..k - 1)
            .rev()
            .take_while(|&j| !matches!(words[j].as_str(), "," | "." | ";" | ":" | "and" | "that"))
            .find(|&j| {
                matches!(
                    words[j].as_str(),
                    "vow" | "vows" | "vowed" | "vowing" | "threaten" | "threatens" | "threatened"
                )
            });
        if vow.is_some() {
            return vow;
        }
    }
    let lo = t0.saturating_sub(4);
    // "warned that Ankara could resort to force": "could" and "might"
    // threaten only after a verb of warning, not after "said"
    let modal = (lo..t0).rfind(|&k| {
        matches!(
            words[k].as_str(),
            "would" | "will" | "'ll" | "could" | "might"
        )
    })?;
    let weak_modal = matches!(words[modal].as_str(), "could" | "might");
    // ("would continue to act", "would not hesitate to strike")
    let between_ok = (modal + 1..t0).all(|k| {
        let w = words[k].as_str();
        w.ends_with("ly")
            || ASPECTUAL.contains(&w)
            || matches!(
                w,
                "\"" | "“" | "'" | "‘" | "also" | "then" | "again" | "hesitate"
            )
            || (w == "to" && k > modal + 1)
            || (w == "not" && words.get(k + 1).is_some_and(|n| n == "hesitate"))
    });
    if !between_ok {
        return None;
    }
    let from = modal.saturating_sub(14);
    let verb = (from..modal).rfind(|&k| {
        let w = words[k].as_str();
        ANNOUNCING.contains(&w) || (!weak_modal && REPORTING.contains(&w))
    })?;
    (!window(words, verb + 1, modal).any(|w| matches!(w, "whether" | "?" | "." | ";" | "asked")))
        .then_some(verb)
}

/// Where a threat's date is read: at a verb of warning ("Katz warned on
/// Wednesday that Israel would ..."), which heads the threat; a reporting
/// verb ("said") stays with the threatened act, as every report does.
pub(super) fn threat_anchor(words: &[String], verb: usize) -> Option<usize> {
    words
        .get(verb)
        .is_some_and(|w| ANNOUNCING.contains(&w.as_str()))
        .then_some(verb)
}

/// Nouns of an undertaking whose "to"-infinitive is its aim: "a rescue
/// mission to free the hostages", "an operation to retake the city", "a
/// bid to seize the airport".
const UNDERTAKINGS: &[&str] = &[
    "mission",
    "missions",
    "operation",
    "operations",
    "bid",
    "bids",
    "effort",
    "efforts",
    "attempt",
    "attempts",
    "campaign",
    "campaigns",
    "push",
    "drive",
    "offensive",
    "raid",
];

/// Whether the verb at `t0` is an aim or a duty, not an act: the
/// infinitive of an undertaking ("launched a mission to free the hostages",
/// "an offensive to retake El Fasher") or of a past obligation ("Under the
/// accord, Israel was to withdraw by January", "the troops were to leave").
pub(super) fn purpose_or_obligation(words: &[String], t0: usize) -> bool {
    if t0 < 2 || words[t0 - 1] != "to" {
        return false;
    }
    let before = words[t0 - 2].as_str();
    UNDERTAKINGS.contains(&before) || matches!(before, "was" | "were")
}

/// Whether a threat trigger (CAMEO 13) starting with `w` threatens only
/// under a modal: "would respond firmly to any aggression", "will act with
/// full force", "would take resolute measures" are threats; "responded to
/// the attack", "took firm measures" report what was done.
pub(super) fn threat_only_under_modal(w: &str) -> bool {
    w.starts_with("respond")
        || w.starts_with("retaliat")
        || w.starts_with("react")
        || matches!(
            w,
            "act" | "acts" | "acted" | "acting" | "take" | "takes" | "took" | "taken" | "taking"
        )
}

/// Whether the act at `t0` is not an act but its aim, a duty, a condition
/// or a movement of people by others (see [`purpose_or_obligation`]):
/// - a verb in an "until" clause after a modal: "would keep fighting until
///   the RSF laid down its weapons" (nobody laid anything down);
/// - a passive of carrying: "detainees who were flown to Kinshasa" is no
///   visit of the detainees' captors or of their state.
pub(super) fn not_an_act(words: &[String], t0: usize, verb: bool) -> bool {
    if verb && purpose_or_obligation(words, t0) {
        return true;
    }
    let until = (t0.saturating_sub(8)..t0).rfind(|&k| words[k] == "until");
    if until.is_some_and(|u| {
        window(words, u.saturating_sub(12), u).any(|w| matches!(w, "would" | "will" | "'ll"))
            && !window(words, u + 1, t0).any(|w| matches!(w, "." | ";" | "," | "and"))
    }) {
        return true;
    }
    // "were taken into custody", "was taken hostage": an arrest or an
    // abduction, not a journey
    let held = || {
        window(words, t0 + 1, t0 + 5).any(|w| {
            matches!(
                w,
                "custody" | "hostage" | "captive" | "prisoner" | "detention"
            )
        })
    };
    verb && t0 >= 1
        && BE.contains(&words[t0 - 1].as_str())
        && matches!(
            words[t0].as_str(),
            "flown"
                | "taken"
                | "driven"
                | "brought"
                | "transferred"
                | "moved"
                | "bused"
                | "escorted"
        )
        && !held()
}

/// Whether a release or return (CAMEO 08) at `t0` is one the subject
/// only enabled: "the ICRC facilitated the release of 27 detainees held by
/// the M23", "Qatar helped secure the return of the children". The
/// enabler mediates (045) with the party its object names; it releases
/// nobody. Gives the enabling verb.
pub(super) fn facilitated(words: &[String], t0: usize) -> Option<usize> {
    (t0.saturating_sub(4)..t0).rfind(|&k| {
        matches!(
            words[k].as_str(),
            "facilitated"
                | "facilitates"
                | "facilitate"
                | "facilitating"
                | "brokered"
                | "brokers"
                | "broker"
                | "mediated"
                | "mediates"
                | "oversaw"
                | "oversees"
                | "helped"
                | "helps"
                | "help"
        )
    })
}

/// Nouns of people sent to mediate.
const MEDIATOR_NOUNS: &[&str] = &[
    "mediators",
    "mediator",
    "envoys",
    "negotiators",
    "facilitators",
];

/// "Mediators from Egypt, Qatar and Turkey met a Hamas delegation": the
/// states of the list mediate, each with the party met (045), and never
/// meet among themselves. The list runs from "from" to the trigger with
/// nothing but its members, commas, "and" and "the" between; the party
/// is the first actor after the trigger of none of the listed states.
pub(super) fn mediators_from<'a>(
    s: &Sent<'a>,
    t0: usize,
    t1: usize,
) -> Option<(Vec<&'a Actor>, &'a Actor)> {
    let words = &s.words;
    let from = (t0.saturating_sub(12)..t0).rfind(|&k| {
        words[k] == "from" && k >= 1 && MEDIATOR_NOUNS.contains(&words[k - 1].as_str())
    })?;
    let inside = |k: usize| s.ments.iter().any(|m| m.first <= k && k <= m.last);
    if !(from + 1..t0).all(|k| inside(k) || matches!(words[k].as_str(), "," | "and" | "the")) {
        return None;
    }
    let meds: Vec<&Actor> = s
        .ments
        .iter()
        // "from Saudi Arabia" reads as a place: a state is a member all the same
        .filter(|m| {
            // "Negotiators from Qatar" may be read as one mention of Qatar
            m.last > from
                && m.last < t0
                && m.actor.country.as_deref().is_some_and(|c| !c.is_empty())
        })
        .map(|m| m.actor)
        .collect();
    let stop = (t1..words.len())
        .find(|&k| matches!(words[k].as_str(), "." | ";" | "," | "to" | "which" | "who"))
        .unwrap_or(words.len());
    let party = s
        .ments
        .iter()
        .find(|m| {
            m.first >= t1
                && m.first < stop
                && resolved(m)
                && !meds.iter().any(|d| same_country(d, m.actor))
        })?
        .actor;
    (!meds.is_empty()).then_some((meds, party))
}

/// The subject of the clause a threat's announcing verb at `verb`
/// reports, when the threatened act's own clause names none ("said
/// Afghanistan wanted good relations with all its neighbours but would
/// respond firmly"): the first actor after the verb, before the act at
/// `t0`.
pub(super) fn subject_after<'s, 'a>(
    s: &'s Sent<'a>,
    verb: usize,
    t0: usize,
) -> Option<&'s super::Ment<'a>> {
    s.ments
        .iter()
        .find(|m| m.first > verb && m.last < t0 && resolved(m))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    fn at(w: &[String], word: &str) -> usize {
        w.iter().position(|x| x == word).unwrap()
    }

    #[test]
    fn a_reported_or_warned_modal_makes_a_threat() {
        for (s, v) in [
            ("russia said it will launch strikes on ukraine", "launch"),
            ("he warned that the group would strike any ship", "strike"),
            (
                "katz warned that israel would \" act with full force",
                "act",
            ),
            ("the army said it would keep shelling the town", "shelling"),
        ] {
            let w = words(s);
            assert!(threatened(&w, at(&w, v)).is_some(), "{s}");
        }
        for (s, v) in [
            ("russia launched strikes on ukraine", "launched"),
            ("analysts asked whether israel would strike iran", "strike"),
            ("israel will strike iran", "strike"),
            ("he said the army would then try to strike", "strike"),
        ] {
            let w = words(s);
            assert!(threatened(&w, at(&w, v)).is_none(), "{s}");
        }
    }

    #[test]
    fn an_article_may_stand_between_and_and_its_conjunct() {
        let w = words("armenia and the united states signed");
        assert_eq!(conjunction_before(&w, 3), Some(1));
        assert_eq!(conjunction_before(&w, 2), Some(1));
        let w = words("the talks in the united states");
        assert_eq!(conjunction_before(&w, 4), None);
    }

    #[test]
    fn what_is_turned_down_is_not_the_subjects_act() {
        let w = words("burhan turned down an invitation from the quad");
        assert!(rejected_proposal(&w, 2, 4, "03"));
        let w = words("burhan turned down the plan , and made an offer");
        assert!(!rejected_proposal(&w, 2, 9, "03"));
        let w = words("the sound died down and an invitation came");
        assert!(!rejected_proposal(&w, 3, 5, "03"));
    }

    #[test]
    fn aims_and_duties_are_not_acts() {
        let w = words("launched a rescue mission to free the hostages");
        assert!(purpose_or_obligation(&w, 5));
        let w = words("israel was to withdraw");
        assert!(purpose_or_obligation(&w, 3));
        let w = words("israel agreed to withdraw");
        assert!(!purpose_or_obligation(&w, 3));
    }
}
