//! A linear pre-scan of raw HTML for its nesting depth, so that a page
//! nested absurdly deep is refused before the HTML parser, whose work grows
//! with the square of the depth (100,000 nested `<div>`s would take hours).

/// Pages whose elements nest deeper than this are refused. Real pages stay
/// far below (a few dozen levels; a few hundred in broken ones).
pub const MAX_MARKUP_DEPTH: usize = 2_000;

/// Elements that never hold content or whose end tag the parser implies
/// (a new `<p>` closes the last one): not counted, so that sloppy but
/// ordinary markup (`<p>` without `</p>`, `<br>`) does not look deep.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body", "a", "b",
    "i", "u", "s", "em", "strong", "font", "small", "big", "tt", "nobr", "strike", "code",
];

/// Elements whose content is raw text (no tags inside).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// An estimate of the deepest element nesting in `html`: start tags open a
/// level, end tags close one; comments, raw-text elements (`<script>`),
/// self-closing tags and the elements in [`NOT_NESTING`] do not count.
/// Linear in the length of the input, no allocation per tag.
pub fn markup_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let at = i + off;
        i = at + 1;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            i = find(b, at + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            continue; // `<!DOCTYPE`, `<?xml`, a lone `<`
        }
        let name = &b[name_start..name_start + name_len];
        let Some(end) = tag_end(b, name_start + name_len) else {
            break;
        };
        let self_closing = end > 0 && b[end - 1] == b'/';
        i = end + 1;
        let is = |list: &[&str]| list.iter().any(|n| n.as_bytes().eq_ignore_ascii_case(name));
        if closing {
            if !is(NOT_NESTING) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if is(RAW_TEXT) {
            // Skip to the matching end tag.
            let mut close = Vec::with_capacity(name.len() + 2);
            close.extend_from_slice(b"</");
            close.extend(name.iter().map(u8::to_ascii_lowercase));
            i = find_ci(b, i, &close).unwrap_or(b.len());
            continue;
        }
        if self_closing || is(NOT_NESTING) {
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// The index of the `>` ending a tag whose name ends at `from`, skipping
/// quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &c) in b.iter().enumerate().skip(from) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(k),
            None => {}
        }
    }
    None
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|p| p + from)
}

fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w.eq_ignore_ascii_case(pat))
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_only() {
        assert_eq!(markup_depth("<div><div><span>x</span></div></div>"), 3);
        // Unclosed paragraphs, void elements, formatting and self-closing
        // tags do not deepen.
        let sloppy = "<html><body>".to_string() + &"<p>para<br><img src=x><b>b</b>".repeat(5000);
        assert_eq!(markup_depth(&sloppy), 0);
        assert_eq!(markup_depth("<div/><div/><div/>"), 0);
        // Tags in scripts, comments and attribute values are not tags.
        let hidden = "<script>if (a<b) { '<div><div>' }</script><!-- <div><div> --><div title='<div>'>x</div>";
        assert_eq!(markup_depth(hidden), 1);
    }

    #[test]
    fn a_hundred_thousand_levels_are_seen_at_once() {
        let deep = "<div>".repeat(100_000);
        assert_eq!(markup_depth(&deep), 100_000);
    }
}
