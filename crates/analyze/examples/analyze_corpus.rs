//! The analysis stage alone on a corpus, one thread, with the time of each
//! step: what `pipeline_bench` cannot tell apart.
//!
//! usage:
//!   analyze_corpus clean CORPUS.jsonl OUT.jsonl [--limit N]
//!     cleans a corpus (`{"id", "text", ...}` a line) once and writes the
//!     clean documents, so later runs analyze the same input whatever
//!     happens to the cleaner;
//!   analyze_corpus time CLEAN.jsonl [--repeat R] [--dump OUT.jsonl]
//!     times the analysis of every clean document (best of R passes), step
//!     by step, and with `--dump` writes every analyzed document, to compare
//!     two builds' output byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

use chronicler_analyze::{coref, dates, mentions, quantities, sentences, Analyzer};
use chronicler_core::{Body, CleanDocument, Format, RawDocument};
use chronicler_dict::Dictionaries;

fn usage() -> ! {
    eprintln!(
        "usage: analyze_corpus clean CORPUS OUT [--limit N] | time CLEAN [--repeat R] [--dump OUT]"
    );
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    match args.first().map(String::as_str) {
        Some("clean") => {
            let (Some(input), Some(out)) = (args.get(1), args.get(2)) else {
                usage()
            };
            let limit = flag("--limit").map_or(usize::MAX, |n| n.parse().unwrap());
            clean(input, out, limit);
        }
        Some("time") => {
            let Some(input) = args.get(1) else { usage() };
            let repeat = flag("--repeat").map_or(3, |n| n.parse().unwrap());
            time(input, repeat, flag("--dump").as_deref());
        }
        _ => usage(),
    }
}

fn clean(input: &str, out: &str, limit: usize) {
    let file = std::io::BufReader::new(std::fs::File::open(input).unwrap());
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    for line in file.lines().take(limit) {
        let v: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let raw = RawDocument {
            path: input.to_string(),
            id: field("id").unwrap_or_default(),
            format: Format::Text,
            meta: serde_json::from_value(v.clone()).unwrap_or_default(),
            body: Body::Text(field("text").unwrap_or_default()),
            warnings: Vec::new(),
        };
        if let Ok(doc) = chronicler_clean::clean(raw) {
            serde_json::to_writer(&mut w, &doc).unwrap();
            w.write_all(b"\n").unwrap();
        }
    }
}

/// Time spent in each step, in the order of `Analyzer::analyze`.
const STEPS: [&str; 8] = [
    "publication_date",
    "sentences::split",
    "mentions::actors",
    "coref::resolve",
    "mentions::places",
    "dates::find",
    "quantities::find",
    "mentions::unresolved",
];

fn time(input: &str, repeat: usize, dump: Option<&str>) {
    let file = std::io::BufReader::new(std::fs::File::open(input).unwrap());
    let docs: Vec<CleanDocument> = file
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let dicts = Dictionaries::builtin().unwrap();
    let today = jiff::civil::Date::new(2026, 2, 1).unwrap();
    let analyzer = Analyzer::new(&dicts);
    if let Some(out) = dump {
        let mut w = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
        for d in &docs {
            serde_json::to_writer(&mut w, &analyzer.analyze(d.clone(), today)).unwrap();
            w.write_all(b"\n").unwrap();
        }
    }
    let mut best = Duration::MAX;
    let mut best_steps = [Duration::ZERO; STEPS.len()];
    for _ in 0..repeat.max(1) {
        let inputs = docs.clone();
        let t0 = Instant::now();
        for d in inputs {
            std::hint::black_box(analyzer.analyze(d, today));
        }
        let whole = t0.elapsed();
        if whole < best {
            best = whole;
        }
        // The steps one by one, as `Analyzer::analyze` calls them.
        let mut steps = [Duration::ZERO; STEPS.len()];
        for d in &docs {
            let mut lap = Instant::now();
            let mut mark = |i: usize| {
                let now = Instant::now();
                steps[i] += now - lap;
                lap = now;
            };
            let published = chronicler_analyze::publication_date(d, today);
            mark(0);
            let text = d.text.as_str();
            let sents = sentences::split(text);
            mark(1);
            let found_actors = dicts.actors.find(text);
            let (mut actors, mut known) =
                mentions::actors(&dicts.actors, &found_actors, text, &sents, published.date);
            mark(2);
            coref::resolve(
                &dicts.references,
                &dicts.actors,
                text,
                &sents,
                published.date,
                &mut actors,
            );
            mark(3);
            let places = mentions::places(
                &dicts.places,
                &dicts.actors,
                &found_actors,
                text,
                &sents,
                &actors,
            );
            mark(4);
            let found = dates::find(text, published.date);
            mark(5);
            let spans: Vec<_> = found.iter().map(|f| f.span).collect();
            let q = quantities::find(text, &spans);
            std::hint::black_box(
                q.iter()
                    .map(|q| quantities::read(text, q))
                    .collect::<Vec<_>>(),
            );
            mark(6);
            known.extend(actors.iter().map(|m| m.span));
            known.extend(places.iter().map(|m| m.span));
            known.extend(spans);
            std::hint::black_box(mentions::unresolved(text, &sents, &known));
            mark(7);
        }
        if steps.iter().sum::<Duration>() < best_steps.iter().sum::<Duration>()
            || best_steps[0].is_zero()
        {
            best_steps = steps;
        }
    }
    let n = docs.len() as f64;
    println!(
        "{} docs, best {:.3} s, {:.0} docs/s",
        docs.len(),
        best.as_secs_f64(),
        n / best.as_secs_f64()
    );
    let total: f64 = best_steps.iter().map(Duration::as_secs_f64).sum();
    for (name, t) in STEPS.iter().zip(best_steps) {
        println!(
            "  {name:22} {:7.3} s {:5.1} %",
            t.as_secs_f64(),
            100.0 * t.as_secs_f64() / total
        );
    }
}
