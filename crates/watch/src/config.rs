//! What to watch: the feeds, their poll intervals, the actors or dyads to
//! follow, and (in a config file) where changes go and how politely to
//! fetch.
//!
//! Two forms. A **feeds file**, one feed or sitemap URL a line, with an
//! optional poll interval, plus `follow` lines ([`WatchConfig::parse`]):
//!
//! ```text
//! # comments start with '#'
//! https://example.org/world/rss.xml
//! https://example.org/news-sitemap.xml   every 30m
//! follow ISR
//! follow USA IRN          # a dyad: events between the two
//! ```
//!
//! Or the `[watch]` section of a **TOML config file**
//! ([`ConfigFile::parse_toml`]; `examples/watch.toml` follows real feeds):
//!
//! ```toml
//! [watch]
//! store = "news.db"            # the store (the --db option wins)
//! changes = "changes.jsonl"    # JSON Lines report, appended
//! webhook = "https://hooks.example.org/chronicler"
//! horizon = 7                  # days ahead for expiring commitments and talks
//! interval = "15m"             # default poll interval
//! user_agent = "chronicler (research; you@example.org)"
//! host_delay = 2.0             # least seconds between two requests to a host
//! timeout = 30                 # seconds per request
//! max_items = 50               # articles fetched per feed and poll
//! follow = ["ISR", ["USA", "IRN"]]
//!
//! [[watch.feeds]]
//! url = "https://example.org/world/rss.xml"
//! interval = "10m"
//! ```
//!
//! Intervals are a number and a unit: `90s`, `15m`, `2h` (at least 10
//! seconds); without one a feed is polled every 15 minutes.

use std::path::PathBuf;
use std::time::Duration;

/// The poll interval of feeds that name none.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(15 * 60);

/// The shortest interval accepted.
pub const MIN_INTERVAL: Duration = Duration::from_secs(10);

/// One feed to poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedSpec {
    /// Its URL (http or https).
    pub url: String,
    /// How often to poll it.
    pub interval: Duration,
}

/// What to follow: actor codes or names, alone or in pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Follow {
    /// Each entry: one actor, or two for a dyad (either direction).
    pub entries: Vec<Vec<String>>,
}

/// A parsed feeds file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WatchConfig {
    /// The feeds, in file order, each once.
    pub feeds: Vec<FeedSpec>,
    /// What to follow.
    pub follow: Follow,
}

/// A line of the feeds file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConfigError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl WatchConfig {
    /// Parses a feeds file (see the module documentation).
    pub fn parse(text: &str) -> Result<WatchConfig, ConfigError> {
        let mut config = WatchConfig::default();
        for (i, line) in text.lines().enumerate() {
            let err = |message: String| ConfigError {
                line: i + 1,
                message,
            };
            let line = line.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["follow", actors @ ..] if (1..=2).contains(&actors.len()) => config
                    .follow
                    .entries
                    .push(actors.iter().map(|a| a.to_string()).collect()),
                ["follow", ..] => return Err(err("`follow` takes one actor or two".into())),
                [url, rest @ ..] => {
                    check_url(url).map_err(err)?;
                    let interval = match rest {
                        [] => DEFAULT_INTERVAL,
                        ["every", d] => parse_interval(d).map_err(err)?,
                        _ => return Err(err(format!("expected `URL [every 15m]`, got `{line}`"))),
                    };
                    if !config.feeds.iter().any(|f| f.url == *url) {
                        config.feeds.push(FeedSpec {
                            url: url.to_string(),
                            interval,
                        });
                    }
                }
                [] => {}
            }
        }
        Ok(config)
    }
}

/// What a config file may set besides the feeds. Each is optional:
/// command-line options win over these, and these over the defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// The store, as written (relative to the config file's folder).
    pub store: Option<PathBuf>,
    /// The JSON Lines file changes are appended to, as written.
    pub changes: Option<PathBuf>,
    /// The URL changes are POSTed to.
    pub webhook: Option<String>,
    /// Days ahead in which expiring commitments and talks are reported.
    pub horizon_days: Option<i64>,
    /// The User-Agent.
    pub user_agent: Option<String>,
    /// Least time between two requests to one host.
    pub host_delay: Option<Duration>,
    /// Time allowed per request.
    pub timeout: Option<Duration>,
    /// Articles fetched per feed and poll, at most.
    pub max_items: Option<usize>,
}

/// A parsed config file: what to watch and how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigFile {
    /// The feeds and what to follow.
    pub watch: WatchConfig,
    /// Everything else.
    pub settings: Settings,
}

/// The `[watch]` section as written.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlWatch {
    store: Option<String>,
    changes: Option<String>,
    webhook: Option<toml::Spanned<String>>,
    horizon: Option<toml::Spanned<i64>>,
    interval: Option<toml::Spanned<String>>,
    user_agent: Option<toml::Spanned<String>>,
    host_delay: Option<toml::Spanned<f64>>,
    timeout: Option<toml::Spanned<u64>>,
    max_items: Option<usize>,
    #[serde(default)]
    follow: Vec<toml::Spanned<toml::Value>>,
    #[serde(default)]
    feeds: Vec<TomlFeed>,
}

/// One `[[watch.feeds]]` table.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFeed {
    url: toml::Spanned<String>,
    interval: Option<toml::Spanned<String>>,
}

/// The file around the `[watch]` section (other sections are left to
/// other commands).
#[derive(Debug, serde::Deserialize)]
struct TomlFile {
    watch: Option<TomlWatch>,
}

/// The 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at.min(text.len()))
        .map_or(1, |t| t.matches('\n').count() + 1)
}

impl ConfigFile {
    /// Parses a TOML config file's `[watch]` section (see the module
    /// documentation). Errors name the line and say what is wrong in one
    /// line.
    pub fn parse_toml(text: &str) -> Result<ConfigFile, ConfigError> {
        let file: TomlFile = toml::from_str(text).map_err(|e| ConfigError {
            line: e.span().map_or(1, |s| line_of(text, s.start)),
            message: e.message().split_whitespace().collect::<Vec<_>>().join(" "),
        })?;
        let Some(w) = file.watch else {
            return Err(ConfigError {
                line: 1,
                message: "no [watch] section".into(),
            });
        };
        let err = |span: std::ops::Range<usize>, message: String| ConfigError {
            line: line_of(text, span.start),
            message,
        };
        let default_interval = match &w.interval {
            Some(i) => parse_interval(i.get_ref()).map_err(|m| err(i.span(), m))?,
            None => DEFAULT_INTERVAL,
        };
        let mut watch = WatchConfig::default();
        for f in &w.feeds {
            let url = f.url.get_ref().trim();
            check_url(url).map_err(|m| err(f.url.span(), m))?;
            let interval = match &f.interval {
                Some(i) => parse_interval(i.get_ref()).map_err(|m| err(i.span(), m))?,
                None => default_interval,
            };
            if !watch.feeds.iter().any(|x| x.url == url) {
                watch.feeds.push(FeedSpec {
                    url: url.to_string(),
                    interval,
                });
            }
        }
        if watch.feeds.is_empty() {
            return Err(ConfigError {
                line: 1,
                message: "[watch] lists no feeds: add [[watch.feeds]] tables with a url".into(),
            });
        }
        for f in &w.follow {
            let bad = || {
                err(
                    f.span(),
                    "`follow` entries are an actor (\"ISR\") or a pair ([\"USA\", \"IRN\"])".into(),
                )
            };
            let entry: Vec<String> = match f.get_ref() {
                toml::Value::String(a) => vec![a.trim().to_string()],
                toml::Value::Array(pair) => pair
                    .iter()
                    .map(|v| v.as_str().map(|s| s.trim().to_string()))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(bad)?,
                _ => return Err(bad()),
            };
            if !(1..=2).contains(&entry.len()) || entry.iter().any(String::is_empty) {
                return Err(bad());
            }
            watch.follow.entries.push(entry);
        }
        if let Some(h) = &w.webhook {
            check_url(h.get_ref()).map_err(|m| err(h.span(), format!("webhook: {m}")))?;
        }
        if let Some(h) = w.horizon.as_ref().filter(|h| *h.get_ref() < 0) {
            return Err(err(h.span(), "horizon: days, 0 or more".into()));
        }
        if let Some(u) = w.user_agent.as_ref().filter(|u| {
            let u = u.get_ref();
            u.trim().is_empty() || u.chars().any(char::is_control)
        }) {
            return Err(err(u.span(), "user_agent: one line of text".into()));
        }
        let host_delay = match &w.host_delay {
            Some(d) => Some(
                Duration::try_from_secs_f64(*d.get_ref())
                    .ok()
                    .filter(|d| *d <= Duration::from_secs(3600))
                    .ok_or_else(|| err(d.span(), "host_delay: seconds, 0 to 3600".into()))?,
            ),
            None => None,
        };
        let timeout = match &w.timeout {
            Some(t) if *t.get_ref() == 0 => {
                return Err(err(t.span(), "timeout: seconds, 1 or more".into()))
            }
            Some(t) => Some(Duration::from_secs(*t.get_ref())),
            None => None,
        };
        Ok(ConfigFile {
            watch,
            settings: Settings {
                store: w.store.map(PathBuf::from),
                changes: w.changes.map(PathBuf::from),
                webhook: w.webhook.map(|h| h.into_inner()),
                horizon_days: w.horizon.map(|h| h.into_inner()),
                user_agent: w.user_agent.map(|u| u.into_inner()),
                host_delay,
                timeout,
                max_items: w.max_items,
            },
        })
    }
}

/// Ok when `url` is an absolute http or https URL with a host.
pub fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| format!("{url}: only http:// and https:// URLs are followed"))?;
    if rest.split(['/', '?', '#']).next().unwrap_or("").is_empty() {
        return Err(format!("{url}: no host"));
    }
    Ok(())
}

/// Parses `90s`, `15m`, `2h`, `1d`.
pub fn parse_interval(s: &str) -> Result<Duration, String> {
    let bad = || format!("bad interval `{s}`: expected e.g. 90s, 15m, 2h");
    let split = s.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (n, unit) = s.split_at(split);
    let n: u64 = n.parse().map_err(|_| bad())?;
    let secs = match unit {
        "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86_400),
        _ => return Err(bad()),
    };
    let d = Duration::from_secs(secs);
    if d < MIN_INTERVAL {
        return Err(format!("interval `{s}` is below the minimum of 10s"));
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_intervals_follows_and_errors() {
        let c = WatchConfig::parse(
            "# feeds\nhttps://a.example/rss\nhttp://b.example/sitemap.xml every 30m # news\nhttps://a.example/rss\nfollow ISR\nfollow USA IRN\n",
        )
        .unwrap_or_default();
        assert_eq!(c.feeds.len(), 2);
        assert_eq!(c.feeds[0].interval, DEFAULT_INTERVAL);
        assert_eq!(c.feeds[1].interval, Duration::from_secs(1800));
        assert_eq!(c.follow.entries, vec![vec!["ISR"], vec!["USA", "IRN"]]);
        let e = WatchConfig::parse("https://a.example/rss\nftp://x/feed\n");
        assert_eq!(e.map_err(|e| e.line), Err(2));
        assert!(WatchConfig::parse("https://a.example/ every 5s").is_err());
        assert!(WatchConfig::parse("https://a.example/ every soon").is_err());
    }

    #[test]
    fn toml_config_gives_feeds_follows_settings_and_errors_with_lines() {
        let text = r#"
[other]
x = 1

[watch]
changes = "out/changes.jsonl"
horizon = 10
interval = "20m"
host_delay = 2
timeout = 15
user_agent = "chronicler (test; me@example.org)"
follow = ["ISR", ["USA", "IRN"]]

[[watch.feeds]]
url = "https://a.example/rss"
interval = "5m"

[[watch.feeds]]
url = "https://b.example/sitemap.xml"
"#;
        let c = ConfigFile::parse_toml(text).unwrap_or_default();
        assert_eq!(c.watch.feeds.len(), 2);
        assert_eq!(c.watch.feeds[0].interval, Duration::from_secs(300));
        assert_eq!(c.watch.feeds[1].interval, Duration::from_secs(1200));
        assert_eq!(
            c.watch.follow.entries,
            vec![vec!["ISR"], vec!["USA", "IRN"]]
        );
        assert_eq!(c.settings.horizon_days, Some(10));
        assert_eq!(c.settings.host_delay, Some(Duration::from_secs(2)));
        assert_eq!(c.settings.timeout, Some(Duration::from_secs(15)));
        assert_eq!(
            c.settings.changes.as_deref(),
            Some(std::path::Path::new("out/changes.jsonl"))
        );
        let line = |t: &str| ConfigFile::parse_toml(t).map_err(|e| (e.line, e.message));
        let feed = "[[watch.feeds]]\nurl = \"https://a.example/rss\"\n";
        // A misspelt key, a bad URL, a bad interval, a bad follow entry,
        // broken TOML: each on its line, in one line of text.
        let e = line(&format!("[watch]\nintervall = \"5m\"\n{feed}")).unwrap_err();
        assert_eq!(e.0, 2, "{e:?}");
        assert!(e.1.contains("intervall") && !e.1.contains('\n'), "{e:?}");
        let e = line("[watch]\n\n[[watch.feeds]]\nurl = \"ftp://x/feed\"\n").unwrap_err();
        assert_eq!(e.0, 4, "{e:?}");
        let e = line(&format!("[watch]\n{feed}interval = \"5s\"\n")).unwrap_err();
        assert_eq!(e.0, 4, "{e:?}");
        let e = line(&format!("[watch]\nfollow = [\"ISR\", 3]\n{feed}")).unwrap_err();
        assert_eq!(e.0, 2, "{e:?}");
        let e = line("[watch]\nhorizon = \n").unwrap_err();
        assert_eq!(e.0, 2, "{e:?}");
        assert!(line("[other]\nx = 1\n").unwrap_err().1.contains("[watch]"));
        assert!(line("[watch]\nhorizon = 3\n")
            .unwrap_err()
            .1
            .contains("no feeds"));
    }

    #[test]
    fn the_example_config_file_parses() {
        let c = ConfigFile::parse_toml(include_str!("../../../examples/watch.toml"));
        let c = c.map_err(|e| e.to_string());
        assert!(c.as_ref().is_ok_and(|c| c.watch.feeds.len() >= 4), "{c:?}");
    }
}
