//! `chronicler watch` against a local HTTP server on 127.0.0.1: feeds with
//! and without ETags, a sitemap, a 500, a slow page, a redirect loop, a
//! 404, a page that fails then works, a page that changes, duplicates by
//! content (identical and near-identical text), final and canonical URL,
//! robots.txt, the per-host delay, a webhook, talks and a truce ending
//! within the horizon reported once across restarts, restarts and
//! stopping.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chronicler_dict::Dictionaries;
use chronicler_pipeline::{Pipeline, PipelineOptions};
use chronicler_store::Store;
use chronicler_watch::{FetchOptions, Sinks, Summary, WatchConfig, WatchOptions, Watcher};

/// One request the server saw.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    user_agent: String,
    at: Instant,
    body: String,
}

#[derive(Default)]
struct State {
    log: Vec<Seen>,
    /// How often /changing was served (its text changes each time).
    changing: usize,
    /// Extra items the Atom feed lists (added between polls).
    extra: Vec<String>,
    /// How often /flaky was asked for (503 the first two times).
    flaky: usize,
}

struct Server {
    base: String,
    state: Arc<Mutex<State>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State::default()));
        let (s, b) = (Arc::clone(&state), base.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let (s, b) = (Arc::clone(&s), b.clone());
                std::thread::spawn(move || handle(conn, &s, &b));
            }
        });
        Server { base, state }
    }

    fn count(&self, path: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .log
            .iter()
            .filter(|r| r.path == path)
            .count()
    }

    fn log(&self) -> Vec<Seen> {
        self.state.lock().unwrap().log.clone()
    }
}

fn article(title: &str, paragraphs: &[&str], extra_head: &str) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><title>{title}</title>{extra_head}</head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>{title}</h1>\n{body}</article><footer>Copyright Example News</footer></body></html>"
    )
}

const A: &[&str] = &[
    "KYIV, Feb 2 (Example News) - Ukrainian President Volodymyr Zelenskyy met Turkish President Recep Tayyip Erdogan in Ankara on Monday to discuss a prisoner exchange with Russia.",
    "Zelenskyy said Ukraine was ready to exchange all prisoners of war, and thanked Turkey for its mediation.",
    "Erdogan said Turkey would continue to support efforts to end the war, according to a statement from his office.",
];

fn b_text(talks_day: &str) -> Vec<String> {
    vec![
        format!("MOSCOW, Feb 2 (Example News) - Russian and Ukrainian delegations will meet in Istanbul on {talks_day} for a new round of peace talks, the Kremlin said."),
        "Kremlin spokesman Dmitry Peskov said the Russian delegation would be led by presidential aide Vladimir Medinsky.".to_string(),
        "Ukrainian officials did not immediately comment on the talks.".to_string(),
    ]
}

/// The day `days` from today, written out ("March 5, 2026").
fn day(days: i64) -> String {
    let d = jiff::Zoned::now()
        .date()
        .checked_add(jiff::Span::new().days(days))
        .unwrap();
    d.strftime("%B %-d, %Y").to_string()
}

fn talks_day() -> String {
    day(3)
}

fn respond(conn: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &str) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = conn.write_all(head.as_bytes());
    let _ = conn.write_all(body.as_bytes());
}

fn html() -> (&'static str, String) {
    ("Content-Type", "text/html; charset=utf-8".to_string())
}

fn handle(mut conn: TcpStream, state: &Mutex<State>, base: &str) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut parts = first.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let path = parts.next().unwrap_or("").to_string();
    let mut headers = BTreeMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    let _ = reader.read_exact(&mut body);
    let (changing, extra) = {
        let mut s = state.lock().unwrap();
        s.log.push(Seen {
            method,
            path: path.clone(),
            user_agent: headers.get("user-agent").cloned().unwrap_or_default(),
            at: Instant::now(),
            body: String::from_utf8_lossy(&body).into_owned(),
        });
        if path == "/changing" {
            s.changing += 1;
        }
        if path == "/flaky" {
            s.flaky += 1;
        }
        (s.changing, s.extra.clone())
    };
    let flaky = state.lock().unwrap().flaky;
    let b: Vec<String> = b_text(&talks_day());
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    match path.as_str() {
        "/robots.txt" => respond(&mut conn, "200 OK", &[], "User-agent: *\nDisallow: /private/\n"),
        "/feed.xml" => {
            if headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                return respond(&mut conn, "304 Not Modified", &[("ETag", "\"v1\"".into())], "");
            }
            let items: String = ["/a", "/b", "/copy-of-a", "/a-typeset", "/moved", "/private/c", "/slow", "/loop", "/missing", "/flaky", "/truce"]
                .iter()
                .map(|p| format!("<item><title>Item {p}</title><link>{base}{p}</link><pubDate>Mon, 02 Feb 2026 10:00:00 GMT</pubDate></item>"))
                .collect();
            let rss = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example</title>{items}</channel></rss>");
            respond(&mut conn, "200 OK", &[("ETag", "\"v1\"".into()), ("Content-Type", "application/rss+xml".into())], &rss)
        }
        "/atom.xml" => {
            let mut entries: Vec<String> = vec!["/changing".into(), "/c2".into()];
            entries.extend(extra);
            let entries: String = entries
                .iter()
                .map(|p| format!("<entry><id>{base}{p}</id><title>Entry {p}</title><link href=\"{base}{p}\"/><updated>2026-02-02T12:00:00Z</updated></entry>"))
                .collect();
            let atom = format!("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom</title><id>x</id><updated>2026-02-02T12:00:00Z</updated>{entries}</feed>");
            respond(&mut conn, "200 OK", &[("Content-Type", "application/atom+xml".into())], &atom)
        }
        "/sitemap.xml" => {
            let sm = format!("<?xml version=\"1.0\"?><urlset><url><loc>{base}/a</loc></url><url><loc>{base}/sm-1</loc><lastmod>2026-02-02</lastmod></url></urlset>");
            respond(&mut conn, "200 OK", &[("Content-Type", "application/xml".into())], &sm)
        }
        "/broken.xml" => respond(&mut conn, "500 Internal Server Error", &[], "oops"),
        "/down.xml" => {
            if headers.get("if-none-match").map(String::as_str) == Some("\"d1\"") {
                return respond(&mut conn, "304 Not Modified", &[("ETag", "\"d1\"".into())], "");
            }
            let rss = format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Down</title><item><title>Down</title><link>{base}/always-503</link></item></channel></rss>");
            respond(&mut conn, "200 OK", &[("ETag", "\"d1\"".into()), ("Content-Type", "application/rss+xml".into())], &rss)
        }
        "/always-503" => respond(&mut conn, "503 Service Unavailable", &[], "busy"),
        "/a" | "/copy-of-a" => respond(&mut conn, "200 OK", &[html()], &article("Zelenskyy meets Erdogan in Ankara", A, "")),
        "/a-typeset" => {
            // The same words with other punctuation and case (another
            // content hash, the same shingles).
            let typeset: Vec<String> = A
                .iter()
                .map(|p| p.replace(" - ", " \u{2014} ").replace("Example News", "EXAMPLE NEWS"))
                .collect();
            let typeset: Vec<&str> = typeset.iter().map(String::as_str).collect();
            respond(&mut conn, "200 OK", &[html()], &article("Zelenskyy meets Erdogan in Ankara", &typeset, ""))
        }
        "/a-update" => {
            // The story of /a told again with more: related text, not a copy.
            let more = [A[0], A[1], A[2], "Turkey has hosted several rounds of talks between Russia and Ukraine since 2022, including the Istanbul talks of March 2022.", "Ukraine's foreign ministry said a list of prisoners had been handed to the Turkish side."];
            respond(&mut conn, "200 OK", &[html()], &article("Zelenskyy and Erdogan discuss prisoner exchange", &more, ""))
        }
        "/flaky" if flaky <= 2 => respond(&mut conn, "503 Service Unavailable", &[], "busy"),
        "/flaky" => respond(&mut conn, "200 OK", &[html()], &article("Armenia and Azerbaijan hold border talks", &["YEREVAN (Example News) - Armenian and Azerbaijani officials held talks on border demarcation on Monday, Armenia's foreign ministry said."], "")),
        "/truce" => {
            let text = format!(
                "KHARTOUM (Example News) - Sudan's army declared a one-month humanitarian truce with the Rapid Support Forces on {}, set to expire on {}.",
                day(-25),
                day(4)
            );
            respond(&mut conn, "200 OK", &[html()], &article("Sudan's army declares humanitarian truce", &[&text], ""))
        }
        "/moved" => respond(&mut conn, "301 Moved Permanently", &[("Location", format!("{base}/a"))], ""),
        "/b" => respond(&mut conn, "200 OK", &[html()], &article("Russia and Ukraine to hold talks in Istanbul", &b, "")),
        "/c2" => respond(
            &mut conn,
            "200 OK",
            &[html()],
            &article("Erdogan hosts Zelenskyy", &["A rewritten page about the same meeting, pointing at its canonical copy.", A[1]], &format!("<link rel=\"canonical\" href=\"{base}/a\">")),
        ),
        "/changing" => {
            let text = format!("Version {changing}: Qatar said on Monday it had hosted talks between Israeli and Hamas negotiators in Doha on a ceasefire in Gaza.");
            respond(&mut conn, "200 OK", &[html()], &article("Qatar hosts Gaza ceasefire talks", &[&text, "The talks are expected to continue next week, a Qatari official said."], ""))
        }
        "/sm-1" => respond(&mut conn, "200 OK", &[html()], &article("Sudan army and RSF agree to talks", &["KHARTOUM (Example News) - Sudan's army said on Sunday it had agreed to attend talks with the Rapid Support Forces in Jeddah, mediated by Saudi Arabia and the United States.", "The RSF welcomed the announcement in a statement."], "")),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            respond(&mut conn, "200 OK", &[html()], &article("Slow", A, ""))
        }
        "/loop" => respond(&mut conn, "302 Found", &[("Location", format!("{base}/loop"))], ""),
        "/hook" => respond(&mut conn, "204 No Content", &[], ""),
        _ => respond(&mut conn, "404 Not Found", &[], "not found"),
    }
}

/// The default dictionaries, loaded once for every test and run.
fn dicts() -> &'static Dictionaries {
    static DICTS: std::sync::OnceLock<Dictionaries> = std::sync::OnceLock::new();
    DICTS.get_or_init(|| Dictionaries::load(None).unwrap())
}

fn opts(once: bool) -> WatchOptions {
    WatchOptions {
        fetch: FetchOptions {
            timeout: Duration::from_millis(700),
            retries: 1,
            backoff: Duration::from_millis(50),
            host_delay: Duration::ZERO,
            ..FetchOptions::default()
        },
        once,
        ..WatchOptions::default()
    }
}

fn config(server: &Server, feeds: &[&str]) -> WatchConfig {
    let mut text: String = feeds
        .iter()
        .map(|f| format!("{}{f}\n", server.base))
        .collect();
    text.push_str("follow UKR\nfollow SDN\n");
    WatchConfig::parse(&text).unwrap()
}

/// One `--once` run over `cfg` on the store at `db` (opened anew: a
/// restart), with changes appended to `changes`.
fn run_once(
    db: &std::path::Path,
    cfg: &WatchConfig,
    changes: &std::path::Path,
    webhook: Option<String>,
) -> Summary {
    let pipeline = Pipeline::new(dicts(), PipelineOptions::new(jiff::Zoned::now().date()));
    let mut store = Store::open(db).unwrap();
    let sinks = Sinks {
        print: false,
        jsonl: Some(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(changes)
                .unwrap(),
        ),
        webhook,
    };
    let stop = Arc::new(AtomicBool::new(false));
    let mut w = Watcher::new(&pipeline, &mut store, cfg.clone(), opts(true), sinks, stop);
    w.run().unwrap()
}

fn changes(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stored_urls(store: &Store) -> Vec<String> {
    store
        .documents()
        .unwrap()
        .into_iter()
        .filter_map(|d| d.url)
        .collect()
}

fn kinds(c: &[serde_json::Value], kind: &str) -> Vec<serde_json::Value> {
    c.iter().filter(|v| v["kind"] == kind).cloned().collect()
}

#[test]
fn polls_fetch_store_report_and_resume_politely() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let out = dir.path().join("changes.jsonl");
    let cfg = config(
        &server,
        &["/broken.xml", "/feed.xml", "/atom.xml", "/sitemap.xml"],
    );
    let hook = format!("{}/hook", server.base);
    let started = Instant::now();
    let s1 = run_once(&db, &cfg, &out, Some(hook));

    // The 500 is retried once, reported, and the other feeds still polled.
    assert_eq!(server.count("/broken.xml"), 2, "one try and one retry");
    assert_eq!(s1.failed_polls, 1);
    assert_eq!(s1.polls, 4);
    // New articles stored: /a, /b, /changing, /truce, /sm-1 (from the
    // sitemap).
    assert_eq!(s1.stored, 5, "{s1:?}");
    let store = Store::open_read_only(&db).unwrap();
    let urls = stored_urls(&store);
    for p in ["/a", "/b", "/changing", "/truce", "/sm-1"] {
        assert!(
            urls.contains(&format!("{}{p}", server.base)),
            "{p} stored: {urls:?}"
        );
    }
    // Same content (/copy-of-a), the same words typeset otherwise
    // (/a-typeset: another content hash, a near duplicate) and same
    // canonical URL (/c2) are fetched but not stored; the redirect to /a
    // (/moved) is recognised by its final URL; the sitemap's /a is not even
    // fetched.
    assert_eq!(s1.duplicates, 4, "{s1:?}");
    assert_eq!(server.count("/a-typeset"), 1);
    assert_eq!(
        server.count("/a"),
        2,
        "fetched for /a and through /moved only"
    );
    // robots.txt keeps us out of /private/, fetched once per host.
    assert_eq!(server.count("/private/c"), 0);
    assert_eq!(s1.disallowed, 1);
    assert_eq!(server.count("/robots.txt"), 1);
    // The slow page times out (with one retry), the redirect loop and the
    // 404 fail: each reported, none stops the rest.
    assert_eq!(server.count("/slow"), 2);
    assert!(server.count("/loop") <= 6, "redirects are bounded");
    assert_eq!(s1.failed_items.get("timed out"), Some(&1), "{s1:?}");
    assert_eq!(
        s1.failed_items.get("too many redirects"),
        Some(&1),
        "{s1:?}"
    );
    assert_eq!(s1.failed_items.get("HTTP 404"), Some(&1), "{s1:?}");
    assert_eq!(s1.failed_items.get("HTTP 503"), Some(&1), "{s1:?}");
    assert_eq!(server.count("/flaky"), 2, "one try and one retry");
    // A polite User-Agent on every request.
    assert!(server
        .log()
        .iter()
        .filter(|r| r.method == "GET")
        .all(|r| r.user_agent.starts_with("chronicler/")));

    // What changed: documents, stories, the failures, the followed actor
    // (UKR), talks scheduled within the week; in the JSON Lines file and
    // POSTed to the webhook, one request per change.
    let c = changes(&out);
    assert_eq!(kinds(&c, "document").len(), 5);
    assert!(!kinds(&c, "new_story").is_empty(), "{c:#?}");
    assert_eq!(kinds(&c, "feed_failed").len(), 1);
    assert_eq!(kinds(&c, "item_failed").len(), 4);
    assert!(!kinds(&c, "followed_event").is_empty(), "{c:#?}");
    // The round of talks in Istanbul three days from now, once, with its
    // day and the article that says so.
    let talks = kinds(&c, "scheduled_talks");
    assert_eq!(talks.len(), 1, "{c:#?}");
    let t = &talks[0];
    let in_three_days = jiff::Zoned::now()
        .date()
        .checked_add(jiff::Span::new().days(3))
        .unwrap()
        .to_string();
    assert!(
        t["title"].as_str().unwrap_or("").contains("Istanbul"),
        "{t:#?}"
    );
    assert_eq!(t["date"], in_three_days.as_str(), "{t:#?}");
    assert!(t["url"].as_str().unwrap_or("").ends_with("/b"), "{t:#?}");
    // The truce declared with the followed SDN ends in four days: within
    // the horizon, read from the state of play.
    let ending = kinds(&c, "expiring");
    assert_eq!(ending.len(), 1, "{c:#?}");
    let four_days = jiff::Zoned::now()
        .date()
        .checked_add(jiff::Span::new().days(4))
        .unwrap()
        .to_string();
    assert_eq!(ending[0]["date"], four_days.as_str(), "{ending:#?}");
    assert!(
        ending[0]["title"].as_str().unwrap_or("").contains("truce"),
        "{ending:#?}"
    );
    assert!(
        ending[0]["url"].as_str().unwrap_or("").ends_with("/truce"),
        "{ending:#?}"
    );
    let hooks: Vec<Seen> = server
        .log()
        .into_iter()
        .filter(|r| r.path == "/hook")
        .collect();
    assert_eq!(hooks.len(), c.len());
    assert!(hooks
        .iter()
        .all(|h| h.method == "POST" && h.body.starts_with("{\"kind\":")));
    assert_eq!(s1.changes, c.len());

    // A restart: the feed with an ETag answers 304; nothing seen before is
    // fetched again, though /changing now serves different text. A new
    // entry is taken. The articles that failed for a reason that may pass
    // are fetched again though their feed is unchanged: /flaky now works,
    // /slow is still too slow; the 404 and the redirect loop are not asked
    // again.
    server
        .state
        .lock()
        .unwrap()
        .extra
        .extend(["/sm-1-again".into(), "/a-update".into()]);
    let before = server.log().len();
    let loops = server.count("/loop");
    let s2 = run_once(&db, &cfg, &out, None);
    assert_eq!(s2.not_modified, 1, "{s2:?}");
    assert_eq!(server.count("/changing"), 1);
    assert_eq!(server.count("/c2"), 1);
    assert_eq!(server.count("/missing"), 1);
    assert_eq!(server.count("/loop"), loops);
    assert_eq!(server.count("/slow"), 4, "retried, with its own retry");
    assert_eq!(server.count("/flaky"), 3);
    assert_eq!(s2.stored, 2, "{s2:?}");
    assert_eq!(s2.failed_items.get("timed out"), Some(&1), "{s2:?}");
    assert_eq!(
        s2.seen, 4,
        "/changing, /c2 from the Atom feed, /a and /sm-1 from the sitemap"
    );
    let new: Vec<String> = server.log()[before..]
        .iter()
        .map(|r| r.path.clone())
        .collect();
    assert!(!new.contains(&"/a".to_string()), "{new:?}");
    assert!(new.contains(&"/sm-1-again".to_string()), "{new:?}");
    assert_eq!(store.documents().unwrap().len(), 7);
    // Coming talks and the ending truce were reported once: not again
    // after the restart. The still failing page is not reported again
    // either (only its first failure and its giving up are): the one new
    // failure is the new entry's 404.
    let c2 = changes(&out);
    assert_eq!(kinds(&c2, "expiring").len(), 1, "{c2:#?}");
    assert_eq!(
        kinds(&c2, "scheduled_talks").len(),
        kinds(&c, "scheduled_talks").len(),
        "{c2:#?}"
    );
    assert_eq!(kinds(&c2, "item_failed").len(), 5, "{c2:#?}");
    // The update of /a joins its story (updated); /flaky, now fetched,
    // starts one (new: all its articles are).
    let added = |kind: &str, path: &str| {
        kinds(&c2[c.len()..], kind)
            .into_iter()
            .filter(|ch| {
                ch["documents"]
                    .as_array()
                    .is_some_and(|d| d.len() == 1 && d[0].as_str().unwrap_or("").ends_with(path))
            })
            .count()
    };
    assert_eq!(
        added("story_updated", "/a-update"),
        1,
        "{:#?}",
        &c2[c.len()..]
    );
    assert_eq!(added("new_story", "/a-update"), 0);
    assert_eq!(added("new_story", "/flaky"), 1, "{:#?}", &c2[c.len()..]);
    assert!(store.consistency_check().unwrap().is_empty());
    // Bounded in time: two polls of everything, slow page included.
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn host_delay_spaces_requests_to_one_host() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let cfg = config(&server, &["/atom.xml"]);
    let pipeline = Pipeline::new(dicts(), PipelineOptions::new(jiff::Zoned::now().date()));
    let mut store = Store::open(&db).unwrap();
    let mut o = opts(true);
    o.fetch.host_delay = Duration::from_millis(300);
    let stop = Arc::new(AtomicBool::new(false));
    Watcher::new(&pipeline, &mut store, cfg, o, Sinks::default(), stop)
        .run()
        .unwrap();
    let log = server.log();
    assert_eq!(log.len(), 4, "robots.txt, the feed, two articles: {log:?}");
    for pair in log.windows(2) {
        assert!(
            pair[1].at.duration_since(pair[0].at) >= Duration::from_millis(200),
            "{log:?}"
        );
    }
}

#[test]
fn stopping_ends_the_run_after_the_document_in_hand() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    // Polled every 10 minutes: only the stop flag ends this run.
    let cfg = WatchConfig::parse(&format!(
        "{0}/atom.xml every 10m\n{0}/feed.xml every 10m\n",
        server.base
    ))
    .unwrap();
    let pipeline = Pipeline::new(dicts(), PipelineOptions::new(jiff::Zoned::now().date()));
    let mut store = Store::open(&db).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let setter = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        flag.store(true, Ordering::Relaxed);
    });
    let started = Instant::now();
    let s = Watcher::new(
        &pipeline,
        &mut store,
        cfg.clone(),
        opts(false),
        Sinks::default(),
        stop,
    )
    .run()
    .unwrap();
    setter.join().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert!(store.consistency_check().unwrap().is_empty());
    // Whatever was stored is whole, and marked seen: a restart stores
    // only the rest, and nothing twice.
    let stored_before = store.documents().unwrap().len();
    assert_eq!(stored_before, s.stored);
    drop(store);
    let s2 = run_once(&db, &cfg, &dir.path().join("c.jsonl"), None);
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.documents().unwrap().len(), stored_before + s2.stored);
    // Atom first: /changing, /c2 (stored under its canonical URL /a, so /a
    // is never fetched), /copy-of-a (the text of /a, not yet stored), /b,
    // /truce; /flaky only if its third request came in the second run.
    let urls = stored_urls(&store);
    for p in ["/changing", "/a", "/b", "/truce"] {
        assert!(urls.contains(&format!("{}{p}", server.base)), "{urls:?}");
    }
    assert!(urls.len() <= 6, "{urls:?}");
}

#[test]
fn an_article_that_keeps_failing_is_tried_at_each_poll_then_given_up() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let out = dir.path().join("changes.jsonl");
    let cfg = WatchConfig::parse(&format!("{}/down.xml\n", server.base)).unwrap();
    let max = chronicler_watch::MAX_ATTEMPTS as usize;
    for run in 1..=max + 1 {
        let s = run_once(&db, &cfg, &out, None);
        // Tried (with one retry) at every poll though the feed answers
        // 304 from the second on, until the attempts run out.
        let tries = 2 * run.min(max);
        assert_eq!(server.count("/always-503"), tries, "run {run}: {s:?}");
        assert_eq!(s.not_modified, usize::from(run > 1), "run {run}");
    }
    // Reported when it first failed and when it was given up.
    let failed = kinds(&changes(&out), "item_failed");
    assert_eq!(failed.len(), 2, "{failed:#?}");
    assert!(failed[1]["title"]
        .as_str()
        .unwrap_or("")
        .contains(&format!("given up after {max} attempts")));
}
