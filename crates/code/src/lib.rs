//! # chronicler-code
//!
//! Codes CAMEO events from an [`AnalyzedDocument`]: who did what to whom,
//! when, where, with what status, how sure, and by which pattern.
//!
//! The coder works sentence by sentence with in-process rules (no parser,
//! no model): it finds verb and noun patterns of the verbs dictionary,
//! drops negated, conditional and speculative ones, then reads the source
//! and target from the sentence's actor mentions by position (subject
//! before the trigger, object after it; passives, possessives, "by"/"from"
//! phrases, coordination, "between X and Y", mediators), and attaches the
//! nearest date, venue and quantities. Precision comes first: an event
//! whose source cannot be identified is dropped.
#![deny(missing_docs)]

mod dates;
mod rules;
mod tokens;

use chronicler_core::{Actor, ActorKind, AnalyzedDocument, CodedEvent};
use chronicler_dict::Dictionaries;

/// Codes events with a set of dictionaries.
#[derive(Debug)]
pub struct Coder<'d> {
    dicts: &'d Dictionaries,
}

impl<'d> Coder<'d> {
    /// A coder over `dicts`.
    pub fn new(dicts: &'d Dictionaries) -> Coder<'d> {
        Coder { dicts }
    }

    /// Codes the events of one document, in text order: none for a
    /// document not in English, nor from a sentence plainly in another
    /// language ([`chronicler_core::language`]).
    pub fn code(&self, doc: &AnalyzedDocument) -> Vec<CodedEvent> {
        if !doc.language.is_english() {
            return Vec::new();
        }
        let discards = &self.dicts.discards;
        if discards
            .story
            .iter()
            .any(|d| contains_phrase(&doc.doc.text, d))
        {
            return Vec::new();
        }
        let mut events = rules::code_document(&self.dicts.verbs, doc);
        for e in &mut events {
            if rests_on_coreference(doc, e) {
                e.confidence = (e.confidence * COREFERENCE_FACTOR).max(0.05);
            }
        }
        if !discards.sentence.is_empty() {
            events.retain(|e| {
                let s = e.evidence.sentence_span.slice(&doc.doc.text);
                !discards.sentence.iter().any(|d| contains_phrase(s, d))
            });
        }
        let mut events = self.expand_also(events);
        for e in &mut events {
            let root: u8 = e.cameo.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
            let release = e.cameo.starts_with("084");
            for a in [e.source.as_mut(), e.target.as_mut()].into_iter().flatten() {
                self.settle(a, root, release);
            }
        }
        events
    }

    /// One event per code of a multi-code actor (`THE_SHIRE [FRO/BIL/SAM]`
    /// stands for three parties), as a list of actors gives one event per
    /// member: each further code (see `ActorEntry::also`) repeats the event
    /// with that code in the actor's place. An event whose two parties end
    /// up with one code is not repeated.
    fn expand_also(&self, events: Vec<CodedEvent>) -> Vec<CodedEvent> {
        let mut out = Vec::with_capacity(events.len());
        for e in events {
            let sources = self.variants(e.source.as_ref());
            let targets = self.variants(e.target.as_ref());
            if sources.len() == 1 && targets.len() == 1 {
                out.push(e);
                continue;
            }
            for (i, s) in sources.iter().enumerate() {
                for (j, t) in targets.iter().enumerate() {
                    let same = matches!((s, t), (Some(s), Some(t)) if s.code == t.code);
                    if (i, j) != (0, 0) && same {
                        continue;
                    }
                    let mut x = e.clone();
                    x.source.clone_from(s);
                    x.target.clone_from(t);
                    out.push(x);
                }
            }
        }
        out
    }

    /// The actor as coded, then once per further code of its entity.
    fn variants(&self, a: Option<&Actor>) -> Vec<Option<Actor>> {
        let Some(a) = a else {
            return vec![None];
        };
        let mut all = vec![Some(a.clone())];
        for code in self.dicts.actors.also_codes(&a.entity) {
            let mut b = a.clone();
            // A code opens with its country ("BIL", "BILGOV"); the role,
            // if any, follows.
            if a.country.is_some() {
                b.country = code.get(..3).map(str::to_string);
                b.role = code.get(3..).filter(|r| !r.is_empty()).map(str::to_string);
            }
            b.code.clone_from(code);
            all.push(Some(b));
        }
        all
    }

    /// Settles how an event's party is coded:
    ///
    /// - a state acting in politics (CAMEO roots 01-17) acts through its
    ///   government: `RUS` becomes `RUSGOV` (fighting, 18-20, keeps the
    ///   bare country: the armed forces may be meant);
    /// - the persons released or returned in an exchange (084x) are what
    ///   is exchanged, not a party: "the remains of 1,000 Ukrainian
    ///   soldiers" stand for their state's government;
    /// - a state is named by its canonical name, not its code.
    fn settle(&self, a: &mut Actor, root: u8, release: bool) {
        let Some(country) = a.country.clone() else {
            return;
        };
        let state = self
            .dicts
            .actors
            .state_of(&country)
            .and_then(|i| self.dicts.actors.entry(i));
        // (not those who release: "separatists freed 11 teachers")
        if release && a.kind == ActorKind::Agent && !a.is_dissident() {
            a.kind = ActorKind::State;
            a.entity = format!("state:{country}");
            a.role = None;
            a.code = country.clone();
            if let Some(s) = state {
                a.name = s.name.clone();
            }
        }
        if a.kind != ActorKind::State {
            return;
        }
        if a.name.is_empty() || a.name == country {
            if let Some(s) = state {
                a.name = s.name.clone();
            }
        }
        if a.role.is_none()
            && self.dicts.states_act_as_government
            && (1..=17).contains(&root)
            && a.code == country
        {
            a.role = Some("GOV".to_string());
            a.code = format!("{country}GOV");
        }
    }
}

/// True when `text` contains `phrase` (lower case) as whole words, in any case.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower.get(from..).and_then(|t| t.find(phrase)) {
        let (a, b) = (from + i, from + i + phrase.len());
        let before = lower[..a].chars().next_back();
        let after = lower[b..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = b;
    }
    false
}

/// How much less sure an event is when one of its actors is known only
/// through a pronoun or a resolved description in its sentence.
const COREFERENCE_FACTOR: f32 = 0.9;

/// True when the source or the target of `e` is named in the evidence
/// sentence only by coreference ("the rebels", "It"): every mention of that
/// entity there is a pronoun or a resolved description.
fn rests_on_coreference(doc: &AnalyzedDocument, e: &CodedEvent) -> bool {
    [e.source.as_ref(), e.target.as_ref()]
        .into_iter()
        .flatten()
        .any(|a| {
            let mut here = doc
                .actors
                .iter()
                .filter(|m| m.sentence == e.evidence.sentence && m.actor.entity == a.entity)
                .peekable();
            here.peek().is_some() && here.all(|m| m.form.is_coreference())
        })
}
