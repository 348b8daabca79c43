//! The polite HTTP client: a User-Agent naming chronicler, timeouts, a
//! size limit, bounded redirects, http and https only, robots.txt, a
//! per-host delay between requests, and retries with backoff.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ureq::ResponseExt;

use crate::robots::Robots;

/// How the client behaves.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The User-Agent header; its first word (before `/`) is the product
    /// token matched against robots.txt groups.
    pub user_agent: String,
    /// Time allowed for a whole request, body included.
    pub timeout: Duration,
    /// Largest body read, in bytes (larger ones fail).
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Retries after a network error, a timeout, a 429 or a 5xx.
    pub retries: u32,
    /// Wait before the first retry; doubled for each next one.
    pub backoff: Duration,
    /// Least time between two requests to one host (robots.txt
    /// Crawl-delay may ask for more, up to a minute).
    pub host_delay: Duration,
    /// Obey robots.txt.
    pub robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: format!(
                "chronicler/{} (news event coding; polite feed reader)",
                env!("CARGO_PKG_VERSION")
            ),
            timeout: Duration::from_secs(30),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            retries: 2,
            backoff: Duration::from_secs(2),
            host_delay: Duration::from_secs(1),
            robots: true,
        }
    }
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// robots.txt disallows the URL for us.
    #[error("disallowed by robots.txt")]
    Disallowed,
    /// Not an http or https URL.
    #[error("not an http(s) URL")]
    Scheme,
    /// The server answered with an error status (after retries for 5xx).
    #[error("HTTP {0}")]
    Status(u16),
    /// The request did not finish in time (after retries).
    #[error("timed out")]
    Timeout,
    /// More redirects than allowed (a redirect loop).
    #[error("too many redirects")]
    Redirects,
    /// The body is over the size limit.
    #[error("larger than the size limit")]
    TooLarge,
    /// Connection, DNS, TLS or protocol failure (after retries).
    #[error("{0}")]
    Network(String),
    /// Stopped (Ctrl-C) while waiting.
    #[error("stopped")]
    Stopped,
}

impl FetchError {
    fn retryable(&self) -> bool {
        match self {
            FetchError::Status(s) => *s == 429 || *s >= 500,
            FetchError::Timeout | FetchError::Network(_) => true,
            _ => false,
        }
    }
}

/// A successful fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: unchanged since the validators were given.
    NotModified,
    /// A body.
    Body {
        /// The URL after redirects.
        url: String,
        /// The body bytes.
        body: Vec<u8>,
        /// `Content-Type`, if given.
        content_type: Option<String>,
        /// `ETag`, if given.
        etag: Option<String>,
        /// `Last-Modified`, if given.
        last_modified: Option<String>,
    },
}

/// Conditional request validators.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    /// Sent as `If-None-Match`.
    pub etag: Option<String>,
    /// Sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// A cached robots.txt.
#[derive(Debug)]
struct RobotsEntry {
    robots: Robots,
    fetched: Instant,
}

/// How long a robots.txt is trusted.
const ROBOTS_TTL: Duration = Duration::from_secs(3600);

/// The polite client. Not shared between threads: one per watcher.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
    last_request: HashMap<String, Instant>,
    robots: HashMap<String, RobotsEntry>,
    /// Requests sent (each retry counts).
    pub requests: usize,
}

/// `scheme://host[:port]` of an http(s) URL and the path with query.
pub(crate) fn split_url(url: &str) -> Option<(&str, &str)> {
    let after = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))?;
    let scheme_len = url.len() - after.len();
    let host_len = after.find(['/', '?', '#']).unwrap_or(after.len());
    if host_len == 0 {
        return None;
    }
    let origin = url.get(..scheme_len + host_len)?;
    let path = url.get(scheme_len + host_len..)?;
    let path = path.split('#').next().unwrap_or("");
    Some((origin, if path.is_empty() { "/" } else { path }))
}

/// Resolves `href` (absolute, protocol-relative or root-relative) against
/// the page URL `base`; `None` for other forms.
pub(crate) fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    if split_url(href).is_some() {
        return Some(href.to_string());
    }
    let (origin, _) = split_url(base)?;
    if let Some(rest) = href.strip_prefix("//") {
        let scheme = origin.split("//").next().unwrap_or("https:");
        return Some(format!("{scheme}//{rest}"));
    }
    href.starts_with('/').then(|| format!("{origin}{href}"))
}

impl Fetcher {
    /// A client with `opts`.
    pub fn new(opts: FetchOptions) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(opts.timeout))
            .max_redirects(opts.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(opts.user_agent.as_str())
            .build();
        Fetcher {
            agent: config.into(),
            opts,
            last_request: HashMap::new(),
            robots: HashMap::new(),
            requests: 0,
        }
    }

    /// Fetches `url`: robots.txt checked, host delay kept, retried with
    /// backoff on transient failures.
    pub fn get(
        &mut self,
        url: &str,
        validators: &Validators,
        stop: &AtomicBool,
    ) -> Result<Fetched, FetchError> {
        let (origin, path) = split_url(url).ok_or(FetchError::Scheme)?;
        let origin = origin.to_string();
        if self.opts.robots && !self.robots_for(&origin, stop)?.allowed(path) {
            return Err(FetchError::Disallowed);
        }
        let mut attempt = 0;
        loop {
            self.wait_for_host(&origin, stop)?;
            match self.once(url, validators) {
                Err(e) if e.retryable() && attempt < self.opts.retries => {
                    let wait = self.opts.backoff.saturating_mul(1 << attempt.min(10));
                    tracing::debug!(%url, error = %e, ?wait, "retrying");
                    sleep(wait, stop)?;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// POSTs a JSON body (the webhook); no retries beyond one.
    pub fn post_json(&mut self, url: &str, json: &str) -> Result<(), FetchError> {
        split_url(url).ok_or(FetchError::Scheme)?;
        self.requests += 1;
        let resp = self
            .agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(json)
            .map_err(map_error)?;
        let status = resp.status().as_u16();
        if status >= 400 {
            return Err(FetchError::Status(status));
        }
        Ok(())
    }

    fn once(&mut self, url: &str, v: &Validators) -> Result<Fetched, FetchError> {
        self.requests += 1;
        let mut req = self.agent.get(url);
        if let Some(e) = &v.etag {
            req = req.header("If-None-Match", e.as_str());
        }
        if let Some(lm) = &v.last_modified {
            req = req.header("If-Modified-Since", lm.as_str());
        }
        let mut resp = req.call().map_err(map_error)?;
        let status = resp.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|h| h.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type");
        let etag = header("etag");
        let last_modified = header("last-modified");
        let final_url = resp.get_uri().to_string();
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.opts.max_bytes)
            .read_to_vec()
            .map_err(map_error)?;
        Ok(Fetched::Body {
            url: final_url,
            body,
            content_type,
            etag,
            last_modified,
        })
    }

    /// Waits until the host's delay since its last request has passed.
    fn wait_for_host(&mut self, origin: &str, stop: &AtomicBool) -> Result<(), FetchError> {
        let delay = self
            .robots
            .get(origin)
            .and_then(|r| r.robots.crawl_delay)
            .map_or(self.opts.host_delay, |d| d.max(self.opts.host_delay));
        if let Some(last) = self.last_request.get(origin) {
            let since = last.elapsed();
            if since < delay {
                sleep(delay - since, stop)?;
            }
        }
        self.last_request.insert(origin.to_string(), Instant::now());
        Ok(())
    }

    fn robots_for(&mut self, origin: &str, stop: &AtomicBool) -> Result<&Robots, FetchError> {
        let fresh = self
            .robots
            .get(origin)
            .is_some_and(|r| r.fetched.elapsed() < ROBOTS_TTL);
        if !fresh {
            self.wait_for_host(origin, stop)?;
            let url = format!("{origin}/robots.txt");
            let token = self
                .opts
                .user_agent
                .split(['/', ' '])
                .next()
                .unwrap_or("")
                .to_string();
            let robots = match self.once(&url, &Validators::default()) {
                Ok(Fetched::Body { body, .. }) => {
                    Robots::parse(&String::from_utf8_lossy(&body), &token)
                }
                // A server error: stay away until it answers (RFC 9309).
                Err(FetchError::Status(s)) if s >= 500 => Robots::disallow_all(),
                // No robots.txt (4xx), or unreadable: everything allowed.
                _ => Robots::allow_all(),
            };
            self.robots.insert(
                origin.to_string(),
                RobotsEntry {
                    robots,
                    fetched: Instant::now(),
                },
            );
        }
        self.robots
            .get(origin)
            .map(|r| &r.robots)
            .ok_or(FetchError::Stopped)
    }
}

fn map_error(e: ureq::Error) -> FetchError {
    match e {
        ureq::Error::Timeout(_) => FetchError::Timeout,
        ureq::Error::TooManyRedirects => FetchError::Redirects,
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge,
        ureq::Error::StatusCode(s) => FetchError::Status(s),
        ureq::Error::BadUri(_) | ureq::Error::RequireHttpsOnly(_) => FetchError::Scheme,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout,
        other => FetchError::Network(other.to_string()),
    }
}

/// Sleeps `d` in short slices, returning early with `Stopped` when `stop`
/// is set.
pub(crate) fn sleep(d: Duration, stop: &AtomicBool) -> Result<(), FetchError> {
    let until = Instant::now() + d;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Err(FetchError::Stopped);
        }
        let now = Instant::now();
        if now >= until {
            return Ok(());
        }
        std::thread::sleep((until - now).min(Duration::from_millis(100)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_and_resolve() {
        assert_eq!(
            split_url("http://h.example:8080/a/b?c=1#frag"),
            Some(("http://h.example:8080", "/a/b?c=1"))
        );
        assert_eq!(
            split_url("https://h.example"),
            Some(("https://h.example", "/"))
        );
        assert_eq!(split_url("ftp://h.example/x"), None);
        assert_eq!(split_url("http:///x"), None);
        assert_eq!(
            resolve("https://h.example/a/b", "/c").as_deref(),
            Some("https://h.example/c")
        );
        assert_eq!(
            resolve("https://h.example/a", "//cdn.example/x").as_deref(),
            Some("https://cdn.example/x")
        );
        assert_eq!(resolve("https://h.example/a", "c.html"), None);
    }
}
