//! What `chronicler watch` keeps between runs: article URLs already seen
//! and each feed's validators (ETag, Last-Modified) and last poll.

use rusqlite::{params, Connection, OptionalExtension};

use crate::codec::int;
use crate::{Context, StoreError};

/// A feed's state between polls.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// The `ETag` of the last full response.
    pub etag: Option<String>,
    /// The `Last-Modified` of the last full response.
    pub last_modified: Option<String>,
    /// When it was last polled (RFC 3339).
    pub last_polled: Option<String>,
    /// How the last poll went ("ok", "not-modified", or the error).
    pub last_status: Option<String>,
    /// Failed polls in a row.
    pub failures: u32,
}

/// True when `url` was met before.
pub(crate) fn seen(conn: &Connection, url: &str) -> Result<bool, StoreError> {
    conn.query_row("SELECT 1 FROM watch_seen WHERE url = ?1", [url], |_| Ok(()))
        .optional()
        .with_ctx(|| format!("looking up seen URL {url}"))
        .map(|r| r.is_some())
}

/// Records `urls` as seen (one transaction; URLs already recorded keep
/// their first record).
pub(crate) fn mark_seen(
    conn: &mut Connection,
    urls: &[&str],
    feed: &str,
    outcome: &str,
    doc: Option<&str>,
    now: &str,
) -> Result<(), StoreError> {
    let what = "recording seen URLs";
    let tx = conn.transaction().ctx(what)?;
    {
        let mut stmt = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO watch_seen (url, feed, outcome, doc, first_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .ctx(what)?;
        for url in urls {
            stmt.execute(params![url, feed, outcome, doc, now])
                .ctx(what)?;
        }
    }
    tx.commit().ctx(what)
}

/// The state of feed `url`, if it was polled before.
pub(crate) fn feed_state(conn: &Connection, url: &str) -> Result<Option<FeedState>, StoreError> {
    conn.query_row(
        "SELECT etag, last_modified, last_polled, last_status, failures
         FROM watch_feeds WHERE url = ?1",
        [url],
        |r| {
            Ok(FeedState {
                etag: r.get(0)?,
                last_modified: r.get(1)?,
                last_polled: r.get(2)?,
                last_status: r.get(3)?,
                failures: u32::try_from(r.get::<_, i64>(4)?).unwrap_or(u32::MAX),
            })
        },
    )
    .optional()
    .with_ctx(|| format!("reading the state of feed {url}"))
}

/// Replaces the state of feed `url`.
pub(crate) fn save_feed_state(
    conn: &Connection,
    url: &str,
    s: &FeedState,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO watch_feeds (url, etag, last_modified, last_polled, last_status, failures)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(url) DO UPDATE SET etag = ?2, last_modified = ?3,
             last_polled = ?4, last_status = ?5, failures = ?6",
        params![
            url,
            s.etag,
            s.last_modified,
            s.last_polled,
            s.last_status,
            int(s.failures as usize)
        ],
    )
    .with_ctx(|| format!("saving the state of feed {url}"))
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::{FeedState, Store};

    #[test]
    fn seen_urls_and_feed_state_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        {
            let mut s = Store::open(&path).unwrap();
            assert!(!s.watch_seen("http://h.example/a").unwrap());
            let urls = ["http://h.example/a", "http://h.example/b"];
            s.watch_mark_seen(&urls, "f", "stored", Some("a"), "t1")
                .unwrap();
            // Marking again keeps the first record and does not fail.
            s.watch_mark_seen(&urls[..1], "f", "duplicate", None, "t2")
                .unwrap();
            let state = FeedState {
                etag: Some("\"v1\"".into()),
                failures: 2,
                ..FeedState::default()
            };
            s.watch_save_feed("f", &state).unwrap();
            s.watch_save_feed("f", &state).unwrap();
        }
        let s = Store::open_read_only(&path).unwrap();
        assert!(s.watch_seen("http://h.example/b").unwrap());
        let st = s.watch_feed("f").unwrap().unwrap();
        assert_eq!((st.etag.as_deref(), st.failures), (Some("\"v1\""), 2));
        assert_eq!(s.watch_feed("g").unwrap(), None);
    }
}
