//! The feeds file: one feed or sitemap URL a line, with an optional poll
//! interval, plus `follow` lines naming the actors or dyads to report.
//!
//! ```text
//! # comments start with '#'
//! https://example.org/world/rss.xml
//! https://example.org/news-sitemap.xml   every 30m
//! follow ISR
//! follow USA IRN          # a dyad: events between the two
//! ```
//!
//! Intervals are a number and a unit: `90s`, `15m`, `2h` (at least 10
//! seconds); without one a feed is polled every 15 minutes.

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
}
