#![allow(clippy::unwrap_used, clippy::expect_used)]

use chronicler_clean::{clean, CleanError};
use chronicler_core::{Body, CleanDocument, Format, Metadata, RawDocument};

fn run(text: &str, title: Option<&str>) -> Result<CleanDocument, CleanError> {
    clean(RawDocument {
        id: "t".into(),
        path: "t".into(),
        format: Format::Text,
        meta: Metadata {
            title: title.map(str::to_string),
            ..Metadata::default()
        },
        body: Body::Text(text.to_string()),
        warnings: vec!["carried".into()],
    })
}

fn reason_of<'a>(d: &'a CleanDocument, text: &str) -> Option<&'a str> {
    d.removed
        .iter()
        .find(|r| r.text == text)
        .map(|r| r.reason.as_str())
}

fn assert_offsets(d: &CleanDocument) {
    for s in &d.segments {
        assert_eq!(
            &d.text[s.clean.start..s.clean.end],
            &d.extracted[s.raw_start..s.raw_start + s.clean.len()]
        );
        for off in [s.clean.start, s.clean.end] {
            assert_eq!(d.to_extracted(off), Some(s.raw_start + off - s.clean.start));
        }
    }
}

const WIRE: &str = "World | Europe\r\n\
Ministers agree on grain corridor\r\n\
By Jane Doe, Reuters\r\n\
\r\n\
ISTANBUL, March 3 (Reuters) - Ministers from four countries agreed on Tuesday to reopen a grain corridor through the Black Sea, the Turkish foreign ministry said.\r\n\
\r\n\
Photo: Ships wait at the entrance of the Bosphorus\r\n\
\r\n\
The deal, brokered by the United Nations, allows cargo ships to pass under inspection, officials said.\r\n\
Share this article\r\n\
\"We will not accept any delay,\" the minister told reporters.\r\n\
Follow us on Telegram\r\n\
Subscribe to our newsletter for daily updates\r\n\
Advertisement\r\n\
Russia said it would monitor the corridor but did not commit to guarantees for the ships\r\n\
(Reporting by Jane Doe; Editing by John Smith)\r\n\
Related: Grain prices fall after deal\r\n\
Ukrainian soldiers near Bakhmut (Photo by Ivan Petrov / Getty Images)\r\n\
He refused.\r\n";

#[test]
fn wire_story_noise() {
    let d = run(WIRE, Some("Ministers agree on grain corridor")).unwrap();
    for r in &d.removed {
        eprintln!("REMOVED [{}] {}", r.reason, r.text);
    }
    assert_offsets(&d);
    assert_eq!(d.warnings, vec!["carried".to_string()]);
    assert_eq!(reason_of(&d, "World | Europe"), Some("navigation"));
    assert_eq!(
        reason_of(&d, "Ministers agree on grain corridor"),
        Some("repeated-headline")
    );
    assert_eq!(reason_of(&d, "By Jane Doe, Reuters"), Some("byline"));
    assert_eq!(
        reason_of(&d, "Photo: Ships wait at the entrance of the Bosphorus"),
        Some("credit")
    );
    assert_eq!(reason_of(&d, "Share this article"), Some("share"));
    assert_eq!(reason_of(&d, "Follow us on Telegram"), Some("share"));
    assert_eq!(
        reason_of(&d, "Subscribe to our newsletter for daily updates"),
        Some("share")
    );
    assert_eq!(reason_of(&d, "Advertisement"), Some("share"));
    assert_eq!(
        reason_of(&d, "(Reporting by Jane Doe; Editing by John Smith)"),
        Some("byline")
    );
    assert_eq!(
        reason_of(&d, "Related: Grain prices fall after deal"),
        Some("read-also")
    );
    assert_eq!(
        reason_of(
            &d,
            "Ukrainian soldiers near Bakhmut (Photo by Ivan Petrov / Getty Images)"
        ),
        Some("credit")
    );
    let paras: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(paras.len(), 5, "{paras:#?}");
    assert!(paras[0].starts_with("ISTANBUL"));
    assert!(paras[2].starts_with("\"We will not"));
    // Long final-like paragraph without its full stop is kept.
    assert!(paras[3].starts_with("Russia said"));
    assert_eq!(paras[4], "He refused.");
    assert!(!d.text.contains('\r'));
}

#[test]
fn sentences_starting_with_by_are_kept() {
    let text = "By inviting Putin to Kyiv, Ukraine is asserting its confidence in the security of its capital.\n\nBy the end of the week, negotiators had agreed on a prisoner exchange.";
    let d = run(text, None).unwrap();
    assert!(d.removed.is_empty(), "{:?}", d.removed);
}

#[test]
fn lists_after_a_lead_in_are_kept() {
    let text = "The ministry listed three demands for any agreement with Moscow:\n- withdrawal of troops\n- return of deported children\n- security guarantees\nTalks are due to continue next week in Istanbul, diplomats said.";
    let d = run(text, None).unwrap();
    assert!(d.removed.is_empty(), "{:?}", d.removed);
}

#[test]
fn hard_wrapped_text_keeps_paragraphs() {
    let text = "Ukrainian and Russian delegations met in Istanbul on Monday for\n\
the first direct talks in months, with Turkish officials acting as\n\
hosts and mediators between the two sides of the conflict over\n\
the future of the occupied territories in the east.\n\
\n\
Both sides agreed to exchange one thousand prisoners of war in the\n\
coming weeks, the Turkish foreign minister told reporters after\n\
the meeting, calling it a step towards a broader settlement of\n\
the war.\n";
    let d = run(text, None).unwrap();
    assert!(d.removed.is_empty(), "{:?}", d.removed);
    assert_eq!(d.segments.len(), 2);
    assert_offsets(&d);
}

#[test]
fn sources_line_and_read_also_chain() {
    let text = "Read also:\nPutin meets Xi in Beijing\nKremlin rejects truce\nThe two presidents spoke by phone on Friday, according to the Kremlin and the White House.\nSources: Reuters, TASS; Ukrinform.";
    let d = run(text, None).unwrap();
    assert_eq!(
        reason_of(&d, "Putin meets Xi in Beijing"),
        Some("read-also")
    );
    assert_eq!(reason_of(&d, "Kremlin rejects truce"), Some("read-also"));
    assert_eq!(d.cited_sources, vec!["Reuters", "TASS", "Ukrinform"]);
    assert_eq!(d.text, "The two presidents spoke by phone on Friday, according to the Kremlin and the White House.");
}

#[test]
fn empty_and_noise_only_text() {
    assert_eq!(run("", None).unwrap_err(), CleanError::NoText);
    assert_eq!(run("  \n\n\t", None).unwrap_err(), CleanError::NoText);
    assert_eq!(
        run("Advertisement\nShare this article\n", None).unwrap_err(),
        CleanError::NoText
    );
}

#[test]
fn garbage_text_does_not_panic() {
    for t in [
        "\u{0}\u{FFFD}",
        "....",
        "a\nb\nc",
        "é\u{301}\n\n\n\n",
        "( ) [ ]",
        &"x ".repeat(100_000),
    ] {
        if let Ok(d) = run(t, None) {
            assert_offsets(&d);
        }
    }
}

#[test]
fn paragraphs_in_scripts_without_spaces_are_kept() {
    // Japanese has no spaces between words: a paragraph is not a fragment.
    let text = "不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースを耳にしました。\n\n\
                報道によると、今回販売されたのは、いわゆる「脱獄」したiPhoneで、機能制限を解除したものです。\n\n\
                ではなぜ、不正に改造したiPhoneを販売すると、商標権侵害になるのでしょうか。\n";
    let d = run(text, None).unwrap();
    assert!(d.text.contains("商標法違反"), "{:?}", d.removed);
    assert!(d.text.contains("商標権侵害"), "{:?}", d.removed);
}

/// "Read also" labels and share prompts in the languages of European news
/// sites are dropped like their English counterparts.
#[test]
fn read_also_and_share_prompts_in_other_languages() {
    let text = "Die Regierung hat am Montag einen neuen Gefangenenaustausch mit dem Nachbarland angekündigt, wie das Ministerium mitteilte.\n\nArtikel teilen\n\nDie Verhandlungen sollen in der kommenden Woche in Genf fortgesetzt werden, sagte ein Sprecher der Vermittler.\n\nMehr zum Thema:\n\nLire aussi : Les négociations reprennent à Genève\n\nCzytaj też: Wymiana jeńców na granicy\n";
    let d = run(text, None).unwrap();
    assert_eq!(reason_of(&d, "Artikel teilen"), Some("share"));
    assert_eq!(reason_of(&d, "Mehr zum Thema:"), Some("read-also"));
    assert_eq!(
        reason_of(&d, "Lire aussi : Les négociations reprennent à Genève"),
        Some("read-also")
    );
    assert_eq!(
        reason_of(&d, "Czytaj też: Wymiana jeńców na granicy"),
        Some("read-also")
    );
    assert!(d.text.contains("Die Verhandlungen sollen"));
}

#[test]
fn a_lone_sentence_without_full_stop_is_kept() {
    let line = "The government condemned an attack by soldiers in the south on Thursday";
    let d = run(&format!("\n  {line}\n"), None).unwrap();
    assert_eq!(d.text, line);
    assert!(d.removed.is_empty());
    assert_offsets(&d);
    // Beside a story, the same short line is still a caption.
    let story = "Ministers from both countries met in the capital on Monday to agree on a corridor for grain ships.";
    let d = run(&format!("{line}\n\n{story}"), None).unwrap();
    assert_eq!(d.text, story);
    assert_eq!(reason_of(&d, line), Some("caption"));
}

#[test]
fn a_lone_line_ending_in_a_quotation_is_kept() {
    // Taken for the document's headline (it ends in a closing quotation
    // mark, not a full stop), it was dropped as a repeated headline and the
    // input skipped as holding no text.
    // (ingest takes such a first line of a plain text for its title)
    let line = "Police detained two journalists on Monday. The Kremlin criticised the detentions as \"unjustified.\"";
    let d = run(&format!("{line}\n"), Some(line)).unwrap();
    assert_eq!(d.text, line);
    assert_offsets(&d);
}
