//! Quantities: counts tied to what they count, with qualifiers, vague
//! counts, written numbers, money and temperatures kept apart.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_analyze::quantities::{find, qualifier, vague_range};

/// sentence, (text, value, unit) of the first quantity.
#[rustfmt::skip]
const TABLE: &[(&str, (&str, f64, &str))] = &[
    ("Russia returned the remains of 1,000 Ukrainian soldiers in exchange", ("1,000", 1000.0, "Ukrainian soldiers' remains")),
    ("It handed over 1,000 Ukrainian soldiers' remains on Thursday", ("1,000", 1000.0, "Ukrainian soldiers' remains")),
    ("in exchange for 38 Russian servicemen, an action", ("38", 38.0, "Russian servicemen")),
    ("Shelling killed at least 12 civilians in Kherson", ("at least 12", 12.0, "civilians")),
    ("more than 300 people were evacuated", ("more than 300", 300.0, "people")),
    ("nearly 2,000 families fled", ("nearly 2,000", 2000.0, "families")),
    ("Russia launched hundreds of drones overnight", ("hundreds", 200.0, "drones")),
    ("dozens of Palestinians were wounded", ("dozens", 24.0, "Palestinians")),
    ("tens of thousands of people fled El Fasher", ("tens of thousands", 20000.0, "people")),
    ("two dozen drones were downed", ("two dozen", 24.0, "drones")),
    ("three soldiers were wounded", ("three", 3.0, "soldiers")),
    ("twenty-five hostages were freed", ("twenty-five", 25.0, "hostages")),
    ("two hundred prisoners were exchanged", ("two hundred", 200.0, "prisoners")),
    ("1.2 million people fled", ("1.2 million", 1_200_000.0, "people")),
    ("25 million people face acute hunger", ("25 million", 25e6, "people")),
    ("an aid package of $2 billion for Kyiv", ("$2 billion", 2e9, "USD")),
    ("a $40m loan to Sudan", ("$40m", 4e7, "USD")),
    ("€50 million in aid", ("€50 million", 5e7, "EUR")),
    ("fines of 300 million rubles were imposed", ("300 million rubles", 3e8, "RUB")),
    ("temperatures dropped to minus 30 degrees Celsius, intensifying", ("minus 30", -30.0, "degrees Celsius")),
    ("temperatures of -20C in Kyiv", ("-20", -20.0, "degrees Celsius")),
    ("it was 35°C in Gaza", ("35", 35.0, "degrees Celsius")),
    ("inflation hit 40% last year", ("40", 40.0, "percent")),
    ("turnout was 62 percent on Sunday", ("62", 62.0, "percent")),
];

#[test]
fn the_quantity_table_resolves() {
    let mut bad = Vec::new();
    for (text, (num, value, unit)) in TABLE {
        let f = find(text, &[]);
        let got: Vec<(String, f64, String)> = f
            .iter()
            .map(|q| (q.text.clone(), q.value, q.unit.clone()))
            .collect();
        let ok = f.first().is_some_and(|q| {
            q.text == *num
                && (q.value - value).abs() < 1e-6
                && q.unit == *unit
                && q.span.slice(text) == *num
        });
        if !ok {
            bad.push(format!(
                "{text:?}: want {num:?} {value} {unit:?}; got {got:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{} wrong:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn money_and_temperatures_are_not_counts_of_people() {
    let t = "The $2 billion package came as temperatures fell to -15C and 40 civilians died.";
    let f = find(t, &[]);
    let units: Vec<&str> = f.iter().map(|q| q.unit.as_str()).collect();
    assert_eq!(units, ["USD", "degrees Celsius", "civilians"]);
}

#[test]
fn qualifiers_and_vague_ranges_are_readable() {
    assert_eq!(qualifier("at least 12"), Some("at least"));
    assert_eq!(qualifier("12"), None);
    assert_eq!(vague_range("hundreds"), Some((200.0, 999.0)));
    assert_eq!(vague_range("tens of thousands"), Some((20000.0, 99999.0)));
    assert_eq!(vague_range("more than 300"), None);
}

#[test]
fn years_codes_and_parts_are_not_quantities() {
    for t in [
        "in 2025 and COVID-19 and F-16 jets",
        "one of them",
        "at 10:30 local time",
    ] {
        assert!(find(t, &[]).is_empty(), "{t:?}: {:?}", find(t, &[]));
    }
}

#[test]
fn quantities_carry_qualifier_range_and_kind() {
    use chronicler_analyze::quantities::read;
    // sentence, (qualifier, min, max, kind) of the first quantity.
    #[rustfmt::skip]
    type Expected = (Option<&'static str>, Option<f64>, Option<f64>, Option<&'static str>);
    let table: &[(&str, Expected)] = &[
        (
            "Shelling killed at least 12 civilians in Kherson",
            (Some("at least"), Some(12.0), None, Some("killed")),
        ),
        (
            "more than 300 people were evacuated",
            (Some("more than"), Some(300.0), None, Some("people")),
        ),
        (
            "up to 30 soldiers were wounded in the attack",
            (Some("up to"), None, Some(30.0), Some("wounded")),
        ),
        (
            "about 40 soldiers were taken",
            (Some("about"), None, None, Some("soldiers")),
        ),
        (
            "Russia launched hundreds of drones overnight",
            (None, Some(200.0), Some(999.0), Some("munitions")),
        ),
        (
            "dozens of Palestinians were wounded",
            (None, Some(24.0), Some(99.0), Some("wounded")),
        ),
        (
            "Russia returned the remains of 1,000 Ukrainian soldiers in exchange",
            (None, Some(1000.0), Some(1000.0), Some("bodies")),
        ),
        (
            "two hundred prisoners were exchanged",
            (None, Some(200.0), Some(200.0), Some("prisoners")),
        ),
        (
            "twenty-five hostages were freed",
            (None, Some(25.0), Some(25.0), Some("hostages")),
        ),
        (
            "an aid package of $2 billion for Kyiv",
            (None, Some(2e9), Some(2e9), Some("money")),
        ),
        (
            "temperatures dropped to minus 30 degrees Celsius, intensifying",
            (None, Some(-30.0), Some(-30.0), Some("temperature")),
        ),
    ];
    for (text, (q, min, max, kind)) in table {
        let f = find(text, &[]);
        let first = f.first().unwrap_or_else(|| panic!("nothing in {text:?}"));
        let r = read(text, first);
        assert_eq!(
            (r.qualifier.as_deref(), r.min, r.max, r.kind.as_deref()),
            (*q, *min, *max, *kind),
            "{text}"
        );
    }
}
