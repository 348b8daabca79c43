//! chronicler's HTML extraction over an extraction-evaluation manifest, timed
//! the way `../shared/baselines/rust-peers` times its peers: all pages in
//! memory first, one warm-up call, then REPEAT passes timing only the
//! `chronicler_clean::clean` call per page, one thread.
//!
//! usage: extract_eval MANIFEST.tsv REPEAT OUT.jsonl OUT_TIMING.json [text|extracted]
//!
//! `text` (default) is the clean text chronicler analyses; `extracted` the
//! main content before line-level noise removal. OUT.jsonl gets `{id, url,
//! text}` of the first pass; OUT_TIMING.json the timings, both read by
//! `score_external.py`.
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use chronicler_bench::{html_document, load_manifest, max_rss_mib};
use chronicler_core::{Body, Format, Metadata, RawDocument};

/// mimalloc, as in the `chronicler` binary, so benchmarks measure what users run.
/// It cuts the in-memory pipeline by about a quarter against glibc malloc (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn usage() -> ! {
    eprintln!("usage: extract_eval MANIFEST.tsv REPEAT OUT.jsonl OUT_TIMING.json [text|extracted]");
    std::process::exit(2)
}

/// CPU time of this process so far (user + system, from /proc; 10 ms
/// ticks): on a busy shared machine, the figure that wall time cannot give.
/// It covers the whole pass, page clones included, so it slightly
/// understates the extraction's own speed.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 5 {
        usage();
    }
    let repeat: usize = a[2].parse().unwrap_or_else(|_| usage());
    let extracted = a.get(5).is_some_and(|f| f == "extracted");
    let pages = match load_manifest(Path::new(&a[1])) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("extract_eval: {e}");
            std::process::exit(1)
        }
    };
    let docs: Vec<RawDocument> = pages.iter().map(html_document).collect();
    let warm = RawDocument {
        id: "warm".into(),
        path: "warm".into(),
        format: Format::Html,
        meta: Metadata::default(),
        body: Body::Html("<html><body><p>warm up text</p></body></html>".into()),
        warnings: Vec::new(),
    };
    let _ = chronicler_clean::clean(warm);
    let (mut passes, mut per_doc, mut outs) = (Vec::new(), Vec::new(), Vec::new());
    let mut errors = 0usize;
    let mut cpu_passes = Vec::new();
    for rep in 0..repeat.max(1) {
        let mut t_pass = 0.0;
        let cpu0 = cpu_seconds();
        for doc in &docs {
            let doc = doc.clone();
            let t0 = Instant::now();
            let res = chronicler_clean::clean(doc);
            let dt = t0.elapsed().as_secs_f64();
            t_pass += dt;
            if rep == 0 {
                per_doc.push(dt);
                outs.push(match res {
                    Ok(c) if extracted => c.extracted,
                    Ok(c) => c.text,
                    Err(_) => {
                        errors += 1;
                        String::new()
                    }
                });
            }
        }
        passes.push(t_pass);
        if let (Some(a), Some(b)) = (cpu0, cpu_seconds()) {
            cpu_passes.push(b - a);
        }
    }
    let write = || -> std::io::Result<()> {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&a[3])?);
        for (p, t) in pages.iter().zip(&outs) {
            writeln!(
                f,
                "{}",
                serde_json::json!({"id": p.id, "url": p.url, "text": t})
            )?;
        }
        f.flush()?;
        let timing = serde_json::json!({
            "algo": if extracted { "chronicler_extracted" } else { "chronicler" },
            "pass_seconds": passes, "per_doc_seconds": per_doc,
            "pass_cpu_seconds": cpu_passes, "errors": errors,
            "max_rss_MiB": max_rss_mib(),
        });
        std::fs::write(&a[4], timing.to_string())
    };
    if let Err(e) = write() {
        eprintln!("extract_eval: {e}");
        std::process::exit(1)
    }
}
