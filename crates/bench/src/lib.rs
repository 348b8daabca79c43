//! # chronicler-bench
//!
//! Helpers shared by the benchmarks (`benches/stages.rs`, divan) and the
//! measurement binaries (`extract_eval`, `consolidate_scale`): loading the
//! benchmark corpus (JSON Lines made by `scripts/make_corpus.py`) and the
//! extraction-evaluation manifests of `../shared/baselines`. Nothing here is
//! used by the product; see BENCHMARKS.md for the method and results.
#![deny(missing_docs)]

use std::io::BufRead;
use std::path::{Path, PathBuf};

use chronicler_core::{Body, Format, Metadata, RawDocument};

/// A benchmark input could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A corpus line is not a JSON object with a `text`.
    #[error("{path}:{line}: not a corpus record")]
    Record {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BenchError + '_ {
    move |source| BenchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The corpus file: `$CHRONICLER_CORPUS`, else
/// `/tmp/chronicler-bench/corpus-10000.jsonl` (made by
/// `python3 scripts/make_corpus.py`).
pub fn corpus_path() -> PathBuf {
    std::env::var_os("CHRONICLER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/chronicler-bench/corpus-10000.jsonl"))
}

/// The first `limit` articles of a corpus file as plain-text raw documents.
pub fn load_corpus(path: &Path, limit: usize) -> Result<Vec<RawDocument>, BenchError> {
    let file = std::fs::File::open(path).map_err(io(path))?;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        if docs.len() >= limit {
            break;
        }
        let line = line.map_err(io(path))?;
        let record = || BenchError::Record {
            path: path.to_path_buf(),
            line: i + 1,
        };
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|_| record())?;
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let text = field("text").ok_or_else(record)?;
        let id = field("id").unwrap_or_else(|| format!("line-{}", i + 1));
        docs.push(RawDocument {
            path: path.display().to_string(),
            id,
            format: Format::Text,
            meta: Metadata {
                url: field("url"),
                title: field("title"),
                outlet: field("outlet"),
                published: field("published"),
                captured: None,
            },
            body: Body::Text(text),
            warnings: Vec::new(),
        });
    }
    Ok(docs)
}

/// One page of an extraction-evaluation manifest.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page id the scorer expects.
    pub id: String,
    /// The page URL.
    pub url: String,
    /// The page, decoded to UTF-8 (lossily).
    pub html: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// Reads a `../shared/baselines` manifest (`id \t url \t path`, header line
/// `id\t...`), every page into memory.
pub fn load_manifest(path: &Path) -> Result<Vec<Page>, BenchError> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    let mut pages = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with("id\t") {
            continue;
        }
        let mut f = line.splitn(3, '\t');
        let (Some(id), Some(url), Some(file)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let file = Path::new(file);
        let bytes = std::fs::read(file).map_err(io(file))?;
        pages.push(Page {
            id: id.to_string(),
            url: url.to_string(),
            bytes: bytes.len(),
            html: String::from_utf8_lossy(&bytes).into_owned(),
        });
    }
    Ok(pages)
}

/// A page as chronicler's ingest would hand it to cleaning.
pub fn html_document(page: &Page) -> RawDocument {
    RawDocument {
        id: page.id.clone(),
        path: page.id.clone(),
        format: Format::Html,
        meta: Metadata {
            url: page.url.starts_with("http").then(|| page.url.clone()),
            ..Metadata::default()
        },
        body: Body::Html(page.html.clone()),
        warnings: Vec::new(),
    }
}

/// The example articles shipped in the repository, as a small fallback
/// corpus for the stage benches when no corpus file was made.
pub fn example_articles() -> Vec<RawDocument> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    names
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let id = p.file_name()?.to_string_lossy().into_owned();
            Some(RawDocument {
                id: id.clone(),
                path: id,
                format: Format::Text,
                meta: Metadata {
                    published: Some("2026-01-30".to_string()),
                    ..Metadata::default()
                },
                body: Body::Text(text),
                warnings: Vec::new(),
            })
        })
        .collect()
}

/// Corpus articles for a bench: the first `n` of [`corpus_path`] when it
/// exists, else the example articles.
pub fn bench_articles(n: usize) -> Vec<RawDocument> {
    load_corpus(&corpus_path(), n).unwrap_or_else(|_| example_articles())
}

/// Peak resident memory of this process so far (MiB), from /proc.
pub fn max_rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|r| r.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn corpus_lines_become_text_documents_with_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.jsonl");
        std::fs::write(
            &p,
            "{\"id\":\"a\",\"url\":\"https://x.org/1\",\"published\":\"2024-01-02\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n{\"id\":\"c\",\"text\":\"Three.\"}\n",
        )
        .unwrap();
        let docs = load_corpus(&p, 2).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].meta.published.as_deref(), Some("2024-01-02"));
        assert_eq!(docs[1].body, Body::Text("Two.".into()));
        std::fs::write(&p, "not json\n").unwrap();
        assert!(matches!(
            load_corpus(&p, 5),
            Err(BenchError::Record { line: 1, .. })
        ));
    }

    #[test]
    fn examples_are_found() {
        assert!(example_articles().len() >= 2);
    }
}
