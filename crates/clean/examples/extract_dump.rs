//! Development aid for the extraction work: runs `clean` over an
//! extraction-evaluation manifest (`id \t url \t path`, see
//! `../shared/baselines`) and writes, per page, the clean text, the main
//! content before noise removal and every dropped line with its reason, so
//! that each layer's misses can be listed against the gold texts.
//!
//! usage: cargo run --release -p chronicler-clean --example extract_dump MANIFEST.tsv OUT.jsonl
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::io::Write;

use chronicler_core::{Body, Format, Metadata, RawDocument};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let manifest = std::fs::read_to_string(&a[1]).expect("manifest");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&a[2]).expect("out"));
    let mut total = 0.0;
    for line in manifest.lines().skip(1) {
        let f: Vec<&str> = line.splitn(3, '\t').collect();
        let html = String::from_utf8_lossy(&std::fs::read(f[2]).expect("page")).into_owned();
        let doc = RawDocument {
            id: f[0].into(),
            path: f[0].into(),
            format: Format::Html,
            meta: Metadata {
                url: f[1].starts_with("http").then(|| f[1].to_string()),
                ..Metadata::default()
            },
            body: Body::Html(html),
            warnings: Vec::new(),
        };
        let t0 = std::time::Instant::now();
        let res = chronicler_clean::clean(doc);
        total += t0.elapsed().as_secs_f64();
        let v = match res {
            Ok(c) => serde_json::json!({
                "id": f[0], "text": c.text, "extracted": c.extracted,
                "removed": c.removed.iter().map(|r| [r.text.as_str(), r.reason.as_str()]).collect::<Vec<_>>(),
            }),
            Err(e) => {
                serde_json::json!({"id": f[0], "text": "", "extracted": "", "error": e.to_string()})
            }
        };
        writeln!(out, "{v}").unwrap();
    }
    eprintln!("{total:.2} s of clean()");
}
