//! `chronicler serve` against hostile requests, over a real socket: path
//! traversal, over-long queries, oversized and unauthenticated writes, a
//! reader while an ingest writes. Raw HTTP/1.1 over `TcpStream`, so the
//! test sees exactly what a client would.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicler"))
        .env_remove("CHRONICLER_DB")
        .env_remove("CHRONICLER_TOKEN")
        .arg("--db")
        .arg(db)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let addr = loop {
        line.clear();
        assert!(err.read_line(&mut line).unwrap() > 0, "serve exited");
        if let Some(rest) = line.split("http://").nth(1) {
            break rest.split('/').next().unwrap().to_string();
        }
    };
    // Keep draining stderr so the server never blocks on it.
    std::thread::spawn(move || {
        let mut sink = String::new();
        let _ = err.read_to_string(&mut sink);
    });
    Server { child, addr }
}

/// Sends raw request bytes; returns the status code and the whole response.
fn raw(addr: &str, request: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(request);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, text)
}

fn get(addr: &str, path: &str) -> (u16, String) {
    raw(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

fn example_store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("s.db");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let o = Command::new(env!("CARGO_BIN_EXE_chronicler"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-q"])
        .arg(examples)
        .output()
        .unwrap();
    assert!(o.status.success());
    db
}

#[test]
fn paths_cannot_escape_and_bad_requests_get_clean_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_store(dir.path());
    let s = serve(&db, &[]);
    for path in [
        "/assets/../../Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/../../../../etc/passwd",
        "/assets/..\\..\\Cargo.toml",
        "/assets/%00",
        "//etc/passwd",
    ] {
        let (status, body) = get(&s.addr, path);
        assert!(
            (400..500).contains(&status),
            "{path}: status {status}\n{body}"
        );
        assert!(
            !body.contains("root:") && !body.contains("[package]"),
            "{path}: {body}"
        );
    }
    // An over-long query: refused or answered, never a server error.
    let long = format!("/api/events?text={}", "a".repeat(200_000));
    let (status, _) = get(&s.addr, &long);
    assert!(
        status == 0 || (200..500).contains(&status),
        "long query: {status}"
    );
    // Garbage instead of HTTP.
    let (status, _) = raw(&s.addr, b"\x00\x01\x02 not http\r\n\r\n");
    assert!(
        status == 0 || (400..500).contains(&status),
        "garbage: {status}"
    );
    // The page carries nosniff; the server still answers after all that.
    let (status, page) = get(&s.addr, "/");
    assert_eq!(status, 200);
    assert!(page
        .to_ascii_lowercase()
        .contains("x-content-type-options: nosniff"));
    let (status, _) = get(&s.addr, "/api/stats");
    assert_eq!(status, 200);
}

#[test]
fn writes_need_the_token_and_bodies_are_limited() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_store(dir.path());
    let s = serve(
        &db,
        &["--allow-ingest", "--token", "s3cret", "--max-body", "10000"],
    );
    let post = |auth: &str, body: &str| {
        raw(
            &s.addr,
            format!(
                "POST /api/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\n{auth}Content-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
    };
    let text = "Turkey and Ukraine held talks in Ankara on Tuesday, the ministry said.";
    assert_eq!(post("", text).0, 401);
    assert_eq!(post("Authorization: Bearer wrong\r\n", text).0, 403);
    let (status, _) = post("Authorization: Bearer s3cret\r\n", &"word ".repeat(5000));
    assert_eq!(status, 413, "a body over --max-body");
    let (status, body) = post("Authorization: Bearer s3cret\r\n", text);
    assert!((200..300).contains(&status), "{status}: {body}");
    assert!(!body.contains("s3cret"), "the token is echoed: {body}");
}

/// The body of a raw response (de-chunked if need be).
fn body_of(response: &str) -> String {
    let Some((head, body)) = response.split_once("\r\n\r\n") else {
        return String::new();
    };
    if !head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        return body.to_string();
    }
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || tail.len() < n {
            break;
        }
        out.push_str(&tail[..n]);
        rest = tail[n..].trim_start_matches("\r\n");
    }
    out
}

#[test]
fn serve_reads_while_an_ingest_writes_and_never_shows_half_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_store(dir.path());
    let corpus = dir.path().join("c.jsonl");
    let mut lines = String::new();
    for i in 0..150 {
        lines.push_str(
            &serde_json::json!({
                "id": format!("live-{i}"),
                "published": "2026-02-02",
                "text": format!("Bulletin {i}. Ukraine and Russia held talks in Geneva on Monday, the Swiss foreign ministry said. Turkey offered to host round {i} in Istanbul."),
            })
            .to_string(),
        );
        lines.push('\n');
    }
    std::fs::write(&corpus, lines).unwrap();
    let s = serve(&db, &[]);
    let mut writer = Command::new(env!("CARGO_BIN_EXE_chronicler"))
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-q"])
        .arg(&corpus)
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let mut last = 0;
    let mut reads = 0;
    loop {
        let done = writer.try_wait().unwrap().is_some();
        let (status, response) = get(&s.addr, "/api/documents?limit=1000");
        assert_eq!(status, 200, "{response}");
        let page: serde_json::Value = serde_json::from_str(&body_of(&response)).unwrap();
        let docs = page["documents"].as_array().unwrap();
        assert_eq!(
            page["total"].as_u64(),
            Some(docs.len() as u64),
            "one snapshot"
        );
        for d in docs {
            assert!(
                d["sentences"].as_u64().unwrap_or(0) > 0,
                "half a document: {d}"
            );
        }
        assert!(
            docs.len() >= last,
            "documents went from {last} to {}",
            docs.len()
        );
        last = docs.len();
        let (status, _) = get(&s.addr, "/api/events");
        assert_eq!(status, 200);
        reads += 1;
        if done {
            break;
        }
    }
    assert!(writer.wait().unwrap().success());
    assert_eq!(last, 152, "after {reads} reads");
}
