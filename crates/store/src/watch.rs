//! What `chronicler watch` keeps between runs: article URLs already seen,
//! each feed's validators (ETag, Last-Modified) and last poll, the
//! articles to fetch again, and the changes already reported.

use rusqlite::{params, Connection, OptionalExtension};

use crate::codec::{int, uint};
use crate::{Context, Store, StoreError};

/// An article whose fetch failed for a reason that may pass, waiting for
/// the next poll of its feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetryItem {
    /// The article URL.
    pub url: String,
    /// The feed that listed it.
    pub feed: String,
    /// Its title in the feed.
    pub title: Option<String>,
    /// Its publication date in the feed.
    pub published: Option<String>,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Why the last attempt failed.
    pub last_error: String,
}

impl Store {
    /// Records a failed fetch of `item.url` (its attempts are counted
    /// here, not taken from `item`); returns the attempts so far.
    pub fn watch_retry_failed(
        &mut self,
        item: &RetryItem,
        error: &str,
        now: &str,
    ) -> Result<u32, StoreError> {
        self.conn
            .query_row(
                "INSERT INTO watch_retry (url, feed, title, published, attempts, last_error, last_tried)
                 VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)
                 ON CONFLICT(url) DO UPDATE SET attempts = attempts + 1,
                     last_error = ?5, last_tried = ?6
                 RETURNING attempts",
                params![item.url, item.feed, item.title, item.published, error, now],
                |r| r.get::<_, i64>(0),
            )
            .with_ctx(|| format!("recording a failed fetch of {}", item.url))
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// The articles of `feed` waiting to be fetched again, oldest first.
    pub fn watch_retries(&self, feed: &str) -> Result<Vec<RetryItem>, StoreError> {
        let what = || format!("reading the articles to retry of {feed}");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT url, feed, title, published, attempts, last_error
                 FROM watch_retry WHERE feed = ?1 ORDER BY last_tried, url",
            )
            .with_ctx(what)?;
        let rows = stmt
            .query_map([feed], |r| {
                Ok(RetryItem {
                    url: r.get(0)?,
                    feed: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    attempts: u32::try_from(uint(r.get(4)?)).unwrap_or(u32::MAX),
                    last_error: r.get(5)?,
                })
            })
            .with_ctx(what)?;
        rows.collect::<Result<Vec<_>, _>>().with_ctx(what)
    }

    /// Which of `keys` were reported before (same order).
    pub fn watch_reported(&self, keys: &[&str]) -> Result<Vec<bool>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM watch_reported WHERE key = ?1")
            .ctx("reading reported changes")?;
        keys.iter()
            .map(|k| {
                stmt.query_row([k], |_| Ok(()))
                    .optional()
                    .with_ctx(|| format!("reading reported change {k}"))
                    .map(|r| r.is_some())
            })
            .collect()
    }

    /// Records changes as reported: (key, kind) pairs, one transaction;
    /// keys already recorded keep their first record.
    pub fn watch_mark_reported(
        &mut self,
        keys: &[(&str, &str)],
        now: &str,
    ) -> Result<(), StoreError> {
        let what = "recording reported changes";
        let tx = self.conn.transaction().ctx(what)?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO watch_reported (key, kind, first_reported)
                     VALUES (?1, ?2, ?3)",
                )
                .ctx(what)?;
            for (key, kind) in keys {
                stmt.execute(params![key, kind, now]).ctx(what)?;
            }
        }
        tx.commit().ctx(what)
    }
}

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
/// their first record), and no longer to retry.
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
        let mut done = tx
            .prepare_cached("DELETE FROM watch_retry WHERE url = ?1")
            .ctx(what)?;
        for url in urls {
            stmt.execute(params![url, feed, outcome, doc, now])
                .ctx(what)?;
            done.execute([url]).ctx(what)?;
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

    #[test]
    fn retries_count_attempts_end_when_seen_and_reports_are_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        {
            let mut s = Store::open(&path).unwrap();
            let item = crate::RetryItem {
                url: "http://h.example/a".into(),
                feed: "f".into(),
                title: Some("A".into()),
                ..Default::default()
            };
            assert_eq!(s.watch_retry_failed(&item, "timed out", "t1").unwrap(), 1);
            assert_eq!(s.watch_retry_failed(&item, "HTTP 503", "t2").unwrap(), 2);
            let other = crate::RetryItem {
                url: "http://h.example/b".into(),
                feed: "g".into(),
                ..Default::default()
            };
            s.watch_retry_failed(&other, "timed out", "t1").unwrap();
            let r = s.watch_retries("f").unwrap();
            assert_eq!(r.len(), 1);
            assert_eq!(
                (
                    r[0].attempts,
                    r[0].last_error.as_str(),
                    r[0].title.as_deref()
                ),
                (2, "HTTP 503", Some("A"))
            );
            // Seen (stored, gone...) means no longer to retry.
            s.watch_mark_seen(&["http://h.example/a"], "f", "stored", None, "t3")
                .unwrap();
            assert!(s.watch_retries("f").unwrap().is_empty());
            assert_eq!(s.watch_retries("g").unwrap().len(), 1);
            s.watch_mark_reported(&[("expiring|truce|A – B|2026-03-01", "expiring")], "t")
                .unwrap();
        }
        let s = Store::open_read_only(&path).unwrap();
        assert_eq!(
            s.watch_reported(&["expiring|truce|A – B|2026-03-01", "talks|A – B|2026-03-02"])
                .unwrap(),
            vec![true, false]
        );
    }
}
