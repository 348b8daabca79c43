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
        ("brief", &["chronicler-core", "chronicler-dict"]),
        // The read side: the store read back, merged (consolidate) and
        // handed to the brief as the events its scope reads.
        (
            "query",
            &[
                "chronicler-core",
                "chronicler-consolidate",
                "chronicler-store",
                "chronicler-brief",
            ],
        ),
        // The watcher feeds the pipeline, reads back through query and
        // reports from the state of play (brief).
        (
            "watch",
            &[
                "chronicler-core",
                "chronicler-pipeline",
                "chronicler-store",
                "chronicler-query",
                "chronicler-brief",
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

/// Every crate under crates/, by folder name.
fn crates() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("Cargo.toml").exists())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    out.sort();
    out
}

#[test]
fn outside_formats_each_have_one_owner() {
    // (dependency, the only crate allowed to use it, why)
    let owners: &[(&str, &str, &str)] = &[
        ("rusqlite", "store", "only the store knows SQL"),
        ("axum", "server", "only the server knows HTTP"),
        (
            "anyhow",
            "cli",
            "typed errors in libraries, anyhow only in the binary",
        ),
        ("clap", "cli", "only the binary parses arguments"),
        ("ureq", "watch", "only the watcher fetches from the network"),
    ];
    let all = crates();
    assert!(all.len() >= 10, "crates found: {all:?}");
    for krate in &all {
        let d = deps(krate);
        for (dep, owner, why) in owners {
            if krate != owner && !(krate == "bench" && *dep != "rusqlite") {
                assert!(
                    !d.iter().any(|x| x == dep),
                    "crates/{krate} depends on {dep}: {why}"
                );
            }
        }
    }
}
