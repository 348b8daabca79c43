//! Coder tests on hand-built analyzed documents.
#![allow(clippy::unwrap_used)]

use chronicler_code::Coder;
use chronicler_core::*;
use chronicler_dict::Dictionaries;
use jiff::civil::date;

/// Builds an analyzed document from sentences and the names to find in them.
struct Doc {
    text: String,
    sentences: Vec<Sentence>,
    actors: Vec<ActorMention>,
    places: Vec<PlaceMention>,
    dates: Vec<DateMention>,
    quantities: Vec<Quantity>,
}

fn actor(name: &str) -> Option<(Actor, MentionForm)> {
    let (entity, canon, code, country, kind, form) = match name {
        "Russia" | "Moscow" | "the Kremlin" | "Kremlin" => (
            "state:RUS",
            "Russia",
            "RUSGOV",
            "RUS",
            ActorKind::State,
            MentionForm::Name,
        ),
        "Ukraine" | "Kyiv" => (
            "state:UKR",
            "Ukraine",
            "UKRGOV",
            "UKR",
            ActorKind::State,
            MentionForm::Name,
        ),
        "Israel" => (
            "state:ISR",
            "Israel",
            "ISRGOV",
            "ISR",
            ActorKind::State,
            MentionForm::Name,
        ),
        "Hamas" => (
            "group:hamas",
            "Hamas",
            "PSEREB",
            "PSE",
            ActorKind::Group,
            MentionForm::Name,
        ),
        "Qatar" => (
            "state:QAT",
            "Qatar",
            "QATGOV",
            "QAT",
            ActorKind::State,
            MentionForm::Name,
        ),
        "Egypt" => (
            "state:EGY",
            "Egypt",
            "EGYGOV",
            "EGY",
            ActorKind::State,
            MentionForm::Name,
        ),
        "RSF" | "Rapid Support Forces" => (
            "group:rsf",
            "Rapid Support Forces",
            "SDNREB",
            "SDN",
            ActorKind::Group,
            MentionForm::Name,
        ),
        "Chad" => (
            "state:TCD",
            "Chad",
            "TCDGOV",
            "TCD",
            ActorKind::State,
            MentionForm::Name,
        ),
        "The United States" | "United States" | "US" => (
            "state:USA",
            "United States",
            "USAGOV",
            "USA",
            ActorKind::State,
            MentionForm::Name,
        ),
        "European Union" => (
            "org:EEC",
            "European Union",
            "IGOEEC",
            "EEC",
            ActorKind::Organization,
            MentionForm::Name,
        ),
        "Iran" => (
            "state:IRN",
            "Iran",
            "IRNGOV",
            "IRN",
            ActorKind::State,
            MentionForm::Name,
        ),
        "Zelenskyy" | "Volodymyr Zelenskyy" => (
            "person:zelenskyy",
            "Volodymyr Zelenskyy",
            "UKRGOV",
            "UKR",
            ActorKind::Person,
            MentionForm::Name,
        ),
        "Putin" | "Vladimir Putin" => (
            "person:putin",
            "Vladimir Putin",
            "RUSGOV",
            "RUS",
            ActorKind::Person,
            MentionForm::Name,
        ),
        "Trump" | "Donald Trump" => (
            "person:trump",
            "Donald Trump",
            "USAGOV",
            "USA",
            ActorKind::Person,
            MentionForm::Name,
        ),
        "Ukrainian" => (
            "state:UKR",
            "Ukraine",
            "UKR",
            "UKR",
            ActorKind::Agent,
            MentionForm::Adjective,
        ),
        "Russian" => (
            "state:RUS",
            "Russia",
            "RUS",
            "RUS",
            ActorKind::Agent,
            MentionForm::Adjective,
        ),
        "Israeli" => (
            "state:ISR",
            "Israel",
            "ISR",
            "ISR",
            ActorKind::Agent,
            MentionForm::Adjective,
        ),
        _ => return None,
    };
    Some((
        Actor {
            entity: entity.into(),
            name: canon.into(),
            code: code.into(),
            country: Some(country.into()),
            role: Some("GOV".into()),
            kind,
        },
        form,
    ))
}

fn place(name: &str) -> Option<Place> {
    let (country, kind) = match name {
        "Kyiv" => ("UKR", "capital"),
        "Moscow" => ("RUS", "capital"),
        "Abu Dhabi" => ("ARE", "capital"),
        "Doha" => ("QAT", "capital"),
        "Cairo" => ("EGY", "capital"),
        "Gaza" => ("PSE", "region"),
        "El Fasher" => ("SDN", "city"),
        "Istanbul" => ("TUR", "city"),
        _ => return None,
    };
    Some(Place {
        name: name.into(),
        country: Some(country.into()),
        lat: None,
        lon: None,
        kind: kind.into(),
        ..Default::default()
    })
}

fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    let mut v = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before_ok = hay[..at]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = hay[at + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            v.push(at);
        }
        from = at + needle.len();
    }
    v
}

impl Doc {
    fn new() -> Doc {
        Doc {
            text: String::new(),
            sentences: vec![],
            actors: vec![],
            places: vec![],
            dates: vec![],
            quantities: vec![],
        }
    }

    /// Adds a sentence; `names` are actor names to look up (longest first),
    /// `dates` are (text, start, end), `qty` are (text, value, unit).
    fn sent(
        mut self,
        s: &str,
        names: &[&str],
        dates: &[(&str, Date, Option<Date>)],
        qty: &[(&str, f64, &str)],
    ) -> Doc {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let base = self.text.len();
        self.text.push_str(s);
        let si = self.sentences.len();
        self.sentences.push(Sentence {
            index: si,
            span: Span::new(base, base + s.len()),
        });
        let mut taken: Vec<Span> = vec![];
        let mut names: Vec<&str> = names.to_vec();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for n in names {
            for at in find_all(s, n) {
                let span = Span::new(base + at, base + at + n.len());
                if taken.iter().any(|t| t.overlaps(span)) {
                    continue;
                }
                taken.push(span);
                if let Some(p) = place(n) {
                    self.places.push(PlaceMention {
                        sentence: si,
                        span,
                        place: p,
                    });
                }
                if let Some((a, form)) = actor(n) {
                    self.actors.push(ActorMention {
                        sentence: si,
                        span,
                        actor: a,
                        form,
                    });
                }
            }
        }
        for (t, start, end) in dates {
            for at in find_all(s, t) {
                let range = DateRange {
                    start: Some(*start),
                    end: *end,
                    precision: DatePrecision::Day,
                    ..Default::default()
                };
                self.dates.push(DateMention {
                    sentence: si,
                    span: Span::new(base + at, base + at + t.len()),
                    range,
                });
            }
        }
        for (t, v, unit) in qty {
            if let Some(at) = find_all(s, t).first() {
                self.quantities.push(Quantity {
                    sentence: si,
                    span: Span::new(base + at, base + at + t.len()),
                    value: *v,
                    unit: unit.to_string(),
                    text: t.to_string(),
                    ..Default::default()
                });
            }
        }
        self
    }

    fn build(mut self) -> AnalyzedDocument {
        self.actors.sort_by_key(|m| m.span);
        self.places.sort_by_key(|m| m.span);
        self.dates.sort_by_key(|m| m.span);
        AnalyzedDocument {
            doc: CleanDocument {
                id: "t".into(),
                path: "t.txt".into(),
                format: Format::Text,
                meta: Metadata::default(),
                extracted: self.text.clone(),
                text: self.text,
                segments: vec![],
                cited_sources: vec![],
                removed: vec![],
                warnings: vec![],
            },
            published: Published {
                date: date(2026, 1, 30),
                source: DateSource::Metadata,
            },
            sentences: self.sentences,
            actors: self.actors,
            places: self.places,
            dates: self.dates,
            quantities: self.quantities,
            unresolved: vec![],
            language: Default::default(),
        }
    }
}

use jiff::civil::Date;

fn code(doc: &AnalyzedDocument) -> Vec<CodedEvent> {
    static DICTS: std::sync::OnceLock<Dictionaries> = std::sync::OnceLock::new();
    let dicts = DICTS.get_or_init(|| Dictionaries::builtin().unwrap());
    Coder::new(dicts).code(doc)
}

fn summary(evs: &[CodedEvent]) -> Vec<String> {
    evs.iter()
        .map(|e| {
            let c = |a: &Option<Actor>| {
                a.as_ref()
                    .and_then(|a| a.country.clone())
                    .unwrap_or("-".into())
            };
            let d = e
                .date
                .start
                .map(|d| d.to_string())
                .or(e.date.end.map(|d| format!("..{d}")))
                .unwrap_or("?".into());
            format!(
                "{} {}>{} {} {}",
                e.cameo,
                c(&e.source),
                c(&e.target),
                e.status.as_str(),
                d
            )
        })
        .collect()
}

/// Pads a dyad context so that the document's main dyad is known.
fn ukr_rus() -> Doc {
    Doc::new().sent(
        "Ukraine and Russia remain at war, Kyiv and Moscow say.",
        &["Ukraine", "Russia", "Kyiv", "Moscow"],
        &[],
        &[],
    )
}

#[test]
fn invitation_with_participial_clause_and_pronoun() {
    let d = Doc::new()
        .sent(
            "Ukrainian President Volodymyr Zelenskyy has issued a dramatic challenge to Russian President Vladimir Putin, publicly inviting him to Kyiv for direct peace talks.",
            &["Ukrainian", "Volodymyr Zelenskyy", "Russian", "Vladimir Putin", "Kyiv"],
            &[],
            &[],
        )
        .build();
    let evs = code(&d);
    let s = summary(&evs);
    assert_eq!(s, vec!["036 UKR>RUS proposed 2026-01-30"], "{s:?}");
    assert_eq!(
        evs[0].location.as_ref().map(|p| p.name.as_str()),
        Some("Kyiv")
    );
    assert_eq!(evs[0].evidence.trigger.slice(&d.doc.text), "inviting");
}

#[test]
fn return_in_exchange_for_gives_two_events_with_quantities() {
    let d = ukr_rus()
        .sent(
            "This follows a significant repatriation on January 29, 2026, where Russia returned the remains of 1,000 Ukrainian soldiers in exchange for 38 Russian servicemen.",
            &["Russia", "Ukrainian", "Russian"],
            &[("January 29, 2026", date(2026, 1, 29), None)],
            &[("1,000", 1000.0, "Ukrainian soldiers"), ("38", 38.0, "Russian servicemen")],
        )
        .build();
    let evs = code(&d);
    let s = summary(&evs);
    assert_eq!(
        s,
        vec![
            "0841 RUS>UKR occurred 2026-01-29",
            "0841 UKR>RUS occurred 2026-01-29"
        ],
        "{s:?}"
    );
    assert_eq!(evs[0].quantities[0].value, 1000.0);
    assert_eq!(evs[1].quantities[0].value, 38.0);
}

#[test]
fn mediator_codes_each_party_and_the_talks() {
    let d = ukr_rus()
        .sent(
            "The United States has been facilitating indirect talks between Ukrainian and Russian representatives in Abu Dhabi, with a second round of discussions scheduled for February 1, 2026.",
            &["The United States", "Ukrainian", "Russian", "Abu Dhabi"],
            &[("February 1, 2026", date(2026, 2, 1), None)],
            &[],
        )
        .build();
    let s = summary(&code(&d));
    assert!(s.iter().any(|e| e.starts_with("045 USA>UKR")), "{s:?}");
    assert!(s.iter().any(|e| e.starts_with("045 USA>RUS")), "{s:?}");
    assert!(
        s.contains(&"046 UKR>RUS scheduled 2026-02-01".to_string()),
        "{s:?}"
    );
}

#[test]
fn possessive_noun_and_by_phrase() {
    let d = ukr_rus()
        .sent(
            "The diplomatic landscape is further complicated by the reported suspension of prisoner exchanges by Russia, which President Zelenskyy noted on January 30, 2026.",
            &["Russia", "Zelenskyy"],
            &[("January 30, 2026", date(2026, 1, 30), None)],
            &[],
        )
        .build();
    let s = summary(&code(&d));
    assert!(
        s.iter().any(|e| e.starts_with("1243 RUS>UKR ongoing")),
        "{s:?}"
    );
}

#[test]
fn attribution_codes_the_reported_act() {
    let d = Doc::new()
        .sent(
            "Egypt said that Israel attacked Hamas positions in Gaza.",
            &["Egypt", "Israel", "Hamas", "Gaza"],
            &[],
            &[],
        )
        .build();
    let s = summary(&code(&d));
    assert_eq!(s, vec!["190 ISR>PSE occurred 2026-01-30"]);
}

#[test]
fn negation_condition_and_speculation_drop_events() {
    let d = Doc::new()
        .sent(
            "Israel did not attack Hamas.",
            &["Israel", "Hamas"],
            &[],
            &[],
        )
        .sent(
            "Israel would attack Hamas if talks fail.",
            &["Israel", "Hamas"],
            &[],
            &[],
        )
        .sent(
            "Analysts say Israel may attack Hamas.",
            &["Israel", "Hamas"],
            &[],
            &[],
        )
        .build();
    assert!(code(&d).is_empty(), "{:?}", summary(&code(&d)));
}

#[test]
fn passive_swaps_roles() {
    let d = Doc::new()
        .sent(
            "Qatar was invited by Egypt to talks in Cairo.",
            &["Qatar", "Egypt", "Cairo"],
            &[],
            &[],
        )
        .build();
    let s = summary(&code(&d));
    assert_eq!(s[0], "036 EGY>QAT proposed 2026-01-30", "{s:?}");
}

#[test]
fn coordinated_and_symmetric_talks() {
    let d = Doc::new()
        .sent(
            "Israel and Hamas held talks in Doha on January 23, 2026.",
            &["Israel", "Hamas", "Doha"],
            &[("January 23, 2026", date(2026, 1, 23), None)],
            &[],
        )
        .build();
    let evs = code(&d);
    let s = summary(&evs);
    assert_eq!(s, vec!["046 ISR>PSE occurred 2026-01-23"], "{s:?}");
    assert!(evs[0].symmetric);
    assert_eq!(
        evs[0].location.as_ref().map(|p| p.name.as_str()),
        Some("Doha")
    );
}

#[test]
fn venue_metonym_is_not_an_actor() {
    let d = Doc::new()
        .sent(
            "Hamas released three hostages in Gaza.",
            &["Hamas", "Gaza"],
            &[],
            &[("three", 3.0, "hostages")],
        )
        .build();
    // no identifiable target and no dyad: dropped rather than guessed
    assert!(code(&d).is_empty(), "{:?}", summary(&code(&d)));
}

#[test]
fn rsf_attack_and_scheduled_status() {
    let d = Doc::new()
        .sent(
            "The Rapid Support Forces launched a drone attack on Chad on Sunday.",
            &["Rapid Support Forces", "Chad"],
            &[("Sunday", date(2026, 1, 25), None)],
            &[],
        )
        .sent(
            "Israel will hold talks with Hamas in Cairo.",
            &["Israel", "Hamas", "Cairo"],
            &[],
            &[],
        )
        .build();
    let s = summary(&code(&d));
    assert_eq!(
        s,
        vec!["195 SDN>TCD occurred 2026-01-25", "046 ISR>PSE scheduled ?"],
        "{s:?}"
    );
}

#[test]
fn criticism_and_sanctions() {
    let d = Doc::new()
        .sent(
            "The European Union condemned Iran and imposed new sanctions on Tehran officials.",
            &["European Union", "Iran"],
            &[],
            &[],
        )
        .build();
    let s = summary(&code(&d));
    assert!(s.iter().any(|e| e.starts_with("111 EEC>IRN")), "{s:?}");
}

#[test]
fn moratorium_end_date() {
    let d = ukr_rus()
        .sent(
            "Russia declared a one-week moratorium on strikes against Ukraine, set to expire around February 1, 2026.",
            &["Russia", "Ukraine"],
            &[("February 1, 2026", date(2026, 2, 1), None)],
            &[],
        )
        .build();
    let evs = code(&d);
    let s = summary(&evs);
    assert_eq!(s, vec!["0871 RUS>UKR ongoing ..2026-02-01"], "{s:?}");
}

#[test]
fn sports_and_history_are_discarded() {
    let d = Doc::new()
        .sent(
            "Ukraine beat Russia in the football match.",
            &["Ukraine", "Russia"],
            &[],
            &[],
        )
        .sent(
            "In 1945 Russia attacked Ukraine.",
            &["Ukraine", "Russia"],
            &[],
            &[],
        )
        .build();
    assert!(code(&d).is_empty());
}

#[test]
fn no_panic_on_odd_input() {
    let d = Doc::new()
        .sent("’s — , invited by by by", &[], &[], &[])
        .sent("", &[], &[], &[])
        .build();
    let _ = code(&d);
}

#[test]
fn a_multi_code_actor_gives_one_event_per_code() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("actors-allies.txt"),
        "group:allies | The Allies | USA\n  names: The Allies\n  also: GBR; FRA\n",
    )
    .unwrap();
    let dicts = Dictionaries::load(Some(dir.path())).unwrap();
    let mut doc = Doc::new().sent(
        "Israel condemned the Allies on Monday.",
        &["Israel"],
        &[],
        &[],
    );
    let at = doc.text.find("the Allies").unwrap();
    doc.actors.push(ActorMention {
        sentence: 0,
        span: Span::new(at, at + "the Allies".len()),
        actor: Actor {
            entity: "group:allies".into(),
            name: "The Allies".into(),
            code: "USA".into(),
            country: Some("USA".into()),
            role: None,
            kind: ActorKind::Group,
        },
        form: MentionForm::Name,
    });
    let evs = Coder::new(&dicts).code(&doc.build());
    let s: Vec<String> = summary(&evs)
        .iter()
        .map(|e| e.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(s, ["111 ISR>USA", "111 ISR>GBR", "111 ISR>FRA"], "{s:?}");
    assert!(evs.iter().all(|e| e.evidence == evs[0].evidence));
}

/// Adds a mention of a group of no country ("protesters") at each `word`.
fn with_lone_agents(mut doc: Doc, word: &str, code: &str) -> Doc {
    for at in find_all(&doc.text.clone(), word) {
        let si = doc
            .sentences
            .iter()
            .position(|s| s.span.start <= at && at < s.span.end)
            .unwrap();
        doc.actors.push(ActorMention {
            sentence: si,
            span: Span::new(at, at + word.len()),
            actor: Actor {
                entity: format!("agent:{code}"),
                name: word.into(),
                code: code.into(),
                country: None,
                role: Some(code.into()),
                kind: ActorKind::Agent,
            },
            form: MentionForm::Name,
        });
    }
    doc
}

#[test]
fn a_group_of_no_country_is_the_target_of_force_only() {
    let doc = Doc::new()
        .sent(
            "The Rapid Support Forces shelled the protesters on Sunday.",
            &["Rapid Support Forces"],
            &[("Sunday", date(2026, 1, 25), None)],
            &[],
        )
        .sent("Egypt praised the protesters.", &["Egypt"], &[], &[]);
    let evs = code(&with_lone_agents(doc, "protesters", "CVL").build());
    let lone: Vec<(&str, &str)> = evs
        .iter()
        .filter(|e| e.target.as_ref().is_some_and(|t| t.country.is_none()))
        .map(|e| (e.cameo.as_str(), e.target.as_ref().unwrap().code.as_str()))
        .collect();
    assert_eq!(lone.len(), 1, "{:?}", summary(&evs));
    assert!(
        lone[0].0.starts_with("19") || lone[0].0.starts_with("20"),
        "{lone:?}"
    );
    assert_eq!(lone[0].1, "CVL");
}
