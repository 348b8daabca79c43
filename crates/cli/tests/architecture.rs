//! The layout invariants of ARCHITECTURE.md, checked on the Cargo manifests.

use std::path::Path;

fn deps(krate: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("Cargo.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut in_deps = false;
    let mut out = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        if l.starts_with('[') {
            in_deps = l == "[dependencies]";
            continue;
        }
        if in_deps {
            if let Some(name) = l
                .split(['=', '.', ' '])
                .next()
                .filter(|n| !n.is_empty() && !n.starts_with('#'))
            {
                out.push(name.to_string());
            }
        }
    }
    out
}

#[test]
fn stage_crates_meet_only_through_core() {
    let allowed: &[(&str, &[&str])] = &[
        ("core", &[]),
        ("dict", &["chronicler-core"]),
        ("ingest", &["chronicler-core"]),
        ("clean", &["chronicler-core"]),
        ("analyze", &["chronicler-core", "chronicler-dict"]),
        ("code", &["chronicler-core", "chronicler-dict"]),
        ("consolidate", &["chronicler-core"]),
        ("store", &["chronicler-core"]),
        (
            "query",
            &[
                "chronicler-core",
                "chronicler-consolidate",
                "chronicler-store",
            ],
        ),
    ];
    for (krate, ok) in allowed {
        for d in deps(krate).iter().filter(|d| d.starts_with("chronicler")) {
            assert!(
                ok.contains(&d.as_str()),
                "crates/{krate} depends on {d}: stages meet only through chronicler-core"
            );
        }
    }
}

#[test]
fn only_the_store_knows_sql_and_only_the_binary_uses_anyhow() {
    for krate in [
        "core",
        "dict",
        "ingest",
        "clean",
        "analyze",
        "code",
        "consolidate",
        "query",
        "pipeline",
        "cli",
    ] {
        assert!(
            !deps(krate).iter().any(|d| d == "rusqlite"),
            "crates/{krate} depends on rusqlite"
        );
    }
    for krate in [
        "core",
        "dict",
        "ingest",
        "clean",
        "analyze",
        "code",
        "consolidate",
        "store",
        "query",
        "pipeline",
    ] {
        assert!(
            !deps(krate).iter().any(|d| d == "anyhow"),
            "library crate {krate} depends on anyhow"
        );
    }
}
