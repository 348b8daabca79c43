//! The article links of a feed (RSS, Atom, JSON Feed, via feed-rs) or a
//! sitemap (`<urlset>`, with Google News titles and dates; a
//! `<sitemapindex>` lists further sitemaps).

/// One article a feed links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The article URL.
    pub url: String,
    /// Its headline, if the feed gives one.
    pub title: Option<String>,
    /// Its publication time (RFC 3339 or as the sitemap gives it).
    pub published: Option<String>,
}

/// What a feed body holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Articles, in feed order.
    pub items: Vec<Item>,
    /// Further sitemaps (a sitemap index).
    pub sitemaps: Vec<String>,
}

/// Parses a feed or sitemap body; `Err` says why nothing could be read.
pub fn parse(body: &[u8]) -> Result<Parsed, String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_ascii_lowercase();
    if head.contains("<urlset") || head.contains("<sitemapindex") {
        return Ok(sitemap(&String::from_utf8_lossy(body)));
    }
    let feed = feed_rs::parser::parse(body).map_err(|e| format!("unreadable feed: {e}"))?;
    let items = feed
        .entries
        .into_iter()
        .filter_map(|e| {
            let url = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_string())
                .or_else(|| Some(e.id.trim().to_string()).filter(|id| id.starts_with("http")))?;
            Some(Item {
                url,
                title: e
                    .title
                    .map(|t| t.content.trim().to_string())
                    .filter(|t| !t.is_empty()),
                published: e.published.or(e.updated).map(|d| d.to_rfc3339()),
            })
        })
        .collect();
    Ok(Parsed {
        items,
        sitemaps: Vec::new(),
    })
}

/// The text of the first `<name>...</name>` element in `block`.
fn element<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = block.find(&open)? + open.len();
    let len = block.get(start..)?.find(&close)?;
    let text = block.get(start..start + len)?.trim();
    let text = text
        .strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
        .unwrap_or(text);
    Some(text.trim())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads `<url>` (or `<sitemap>`) blocks of a sitemap.
fn sitemap(text: &str) -> Parsed {
    let mut out = Parsed::default();
    let index = text.contains("<sitemapindex");
    let tag = if index { "<sitemap>" } else { "<url>" };
    for block in text.split(tag).skip(1) {
        let Some(loc) = element(block, "loc") else {
            continue;
        };
        let url = unescape(loc);
        if index {
            out.sitemaps.push(url);
            continue;
        }
        out.items.push(Item {
            url,
            title: element(block, "news:title").map(unescape),
            published: element(block, "news:publication_date")
                .or_else(|| element(block, "lastmod"))
                .map(str::to_string),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_atom_and_sitemaps() {
        let rss = br#"<rss version="2.0"><channel><title>T</title>
            <item><title>Talks resume</title><link>http://h.example/a</link>
            <pubDate>Mon, 02 Feb 2026 10:00:00 GMT</pubDate></item></channel></rss>"#;
        let p = parse(rss).unwrap_or_default();
        assert_eq!(p.items.len(), 1);
        assert_eq!(p.items[0].url, "http://h.example/a");
        assert_eq!(p.items[0].title.as_deref(), Some("Talks resume"));
        assert_eq!(
            p.items[0].published.as_deref(),
            Some("2026-02-02T10:00:00+00:00")
        );
        let sm = br#"<?xml version="1.0"?><urlset xmlns:news="x"><url><loc>http://h.example/b?x=1&amp;y=2</loc>
            <news:news><news:publication_date>2026-02-03</news:publication_date><news:title>B</news:title></news:news></url></urlset>"#;
        let p = parse(sm).unwrap_or_default();
        assert_eq!(p.items[0].url, "http://h.example/b?x=1&y=2");
        assert_eq!(p.items[0].published.as_deref(), Some("2026-02-03"));
        let idx =
            b"<sitemapindex><sitemap><loc>http://h.example/s1.xml</loc></sitemap></sitemapindex>";
        assert_eq!(
            parse(idx).unwrap_or_default().sitemaps,
            vec!["http://h.example/s1.xml"]
        );
        assert!(parse(b"<html>not a feed</html>").is_err());
    }
}
