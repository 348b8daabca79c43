//! `chronicler watch` from the command line (the behaviours themselves are
//! tested against a loopback server in crates/watch/tests).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn chronicler() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronicler"))
}

#[test]
fn help_shows_a_feeds_file_and_examples() {
    let out = chronicler().args(["watch", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("chronicler watch --db news.db --feeds feeds.txt"),
        "{text}"
    );
    assert!(text.contains("follow USA IRN"), "{text}");
}

#[test]
fn once_reports_a_failing_feed_and_exits_1() {
    // A loopback port with nothing listening: connections are refused.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let feeds = dir.path().join("feeds.txt");
    std::fs::write(
        &feeds,
        format!("# test\nhttp://127.0.0.1:{port}/rss.xml every 10m\n"),
    )
    .unwrap();
    let changes = dir.path().join("changes.jsonl");
    let db = dir.path().join("w.db");
    let out = chronicler()
        .arg("--db")
        .arg(&db)
        .args([
            "watch",
            "--once",
            "--host-delay",
            "0",
            "--timeout",
            "2",
            "--feeds",
        ])
        .arg(&feeds)
        .arg("--changes")
        .arg(&changes)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("1 polls (0 unchanged, 1 failed)"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("feed_failed"), "{stdout}");
    let line = std::fs::read_to_string(&changes).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["kind"], "feed_failed");
    assert_eq!(v["feed"], format!("http://127.0.0.1:{port}/rss.xml"));

    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "ftp://127.0.0.1/feed\n").unwrap();
    let out = chronicler()
        .arg("--db")
        .arg(&db)
        .args(["watch", "--once", "--feeds"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("line 1: ftp://127.0.0.1/feed: only http:// and https://"));
}

#[test]
fn a_config_file_names_feeds_store_and_changes_and_bad_ones_say_where() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("chronicler.toml");
    std::fs::write(
        &config,
        format!(
            "[watch]\nstore = \"w.db\"\nchanges = \"out.jsonl\"\nhost_delay = 0\ntimeout = 2\nfollow = [[\"UKR\", \"RUS\"]]\n\n[[watch.feeds]]\nurl = \"http://127.0.0.1:{port}/rss.xml\"\ninterval = \"10m\"\n"
        ),
    )
    .unwrap();
    // Run from elsewhere: the paths are the config file's.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = chronicler()
        .env_remove("CHRONICLER_DB")
        .current_dir(elsewhere.path())
        .args(["watch", "--once", "--quiet", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(dir.path().join("w.db").exists(), "{stderr}");
    assert!(!elsewhere.path().join("chronicler.db").exists());
    let line = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["kind"], "feed_failed");

    // A bad config: one line naming the file and the line.
    for (text, line) in [
        ("[watch]\ntimeout = \"soon\"\n", 2),
        (
            "[watch]\n\n[[watch.feeds]]\nurl = \"https://a.example/rss\"\nintervall = \"5m\"\n",
            5,
        ),
        (
            "[watch]\n[[watch.feeds]]\nurl = \"https://a.example/rss\"\ninterval = \"5s\"\n",
            4,
        ),
        ("[watch\n", 1),
    ] {
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, text).unwrap();
        let out = chronicler()
            .arg("--db")
            .arg(dir.path().join("w.db"))
            .args(["watch", "--once", "--config"])
            .arg(&bad)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{text}: {stderr}");
        assert!(
            stderr.contains(&format!("bad.toml: line {line}: ")),
            "{text}: {stderr}"
        );
    }
}
