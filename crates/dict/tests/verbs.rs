//! Verbs dictionary: lint, user files, PETRARCH-2 import.

use chronicler_dict::verbs::VerbDict;
use chronicler_dict::DictError;

#[test]
fn builtin_lints_clean_and_covers_every_root() {
    let d = VerbDict::load(None).unwrap();
    let problems = d.lint();
    assert!(problems.is_empty(), "{problems:#?}");
    for r in 1..=20 {
        let root = format!("{r:02}");
        assert!(
            d.patterns.iter().any(|p| p.code.starts_with(&root)),
            "no pattern for root {root}"
        );
    }
    for code in [
        "036", "046", "045", "0841", "0871", "125", "1243", "111", "112", "190", "195", "0356",
        "057", "0256",
    ] {
        assert!(
            d.patterns.iter().any(|p| p.code == code),
            "no pattern for {code}"
        );
    }
}

#[test]
fn user_files_extend_and_override() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("verbs-local.txt"),
        "[0841] release\nverb: spring * detainees\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("other.txt"), "not a verbs file").unwrap();
    let d = VerbDict::load(Some(dir.path())).unwrap();
    let m = d.find(&["they", "springs", "the", "detainees"]);
    assert_eq!(m.len(), 1);
    std::fs::write(
        dir.path().join("verbs-bad.txt"),
        "[0841] release\nverb: (x\n",
    )
    .unwrap();
    let e = VerbDict::load(Some(dir.path())).unwrap_err();
    match e {
        DictError::Syntax { file, line, .. } => {
            assert!(file.ends_with("verbs-bad.txt"));
            assert_eq!(line, 2);
        }
        other => panic!("{other}"),
    }
}

#[test]
fn imports_petrarch2_cameo_dictionary() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/petrarch2/dictionaries/CAMEO.2.0.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let imp = VerbDict::import_petrarch2(&text);
    assert!(
        imp.dict.patterns.len() > 1000,
        "{}",
        imp.dict.patterns.len()
    );
    // verb -> code at least
    let m = imp.dict.find(&["donated"]);
    let codes: Vec<&str> = m
        .iter()
        .map(|m| imp.dict.patterns[m.pattern].code.as_str())
        .collect();
    assert!(
        codes.contains(&"070"),
        "{codes:?} {:?}",
        m.iter()
            .map(|m| &imp.dict.patterns[m.pattern].text)
            .collect::<Vec<_>>()
    );
    // the rendering is valid chronicler format
    let back = VerbDict::parse("imported.txt", &imp.text).unwrap();
    assert_eq!(
        back.live_patterns().count(),
        imp.dict.live_patterns().count()
    );
    // problems carry line numbers
    for p in &imp.problems {
        assert!(matches!(p, DictError::Syntax { line, .. } if *line > 0));
    }
    let bad = VerbDict::import_petrarch2("---  GIVE   [070]  ---\nGIVE\n- * AID\n");
    assert_eq!(bad.problems.len(), 1);
    assert!(
        bad.problems[0].to_string().contains(":3:"),
        "{}",
        bad.problems[0]
    );
}
