//! A linear pre-scan of raw HTML for its nesting depth, so that a page
//! nested absurdly deep is refused before the HTML parser, whose work grows
//! with the square of the depth (100,000 nested `<div>`s would take hours).

/// Pages whose elements nest deeper than this are refused. Real pages stay
/// far below (a few dozen levels; a few hundred in broken ones).
pub const MAX_MARKUP_DEPTH: usize = 2_000;

/// Elements that never hold content or whose end tag the parser implies
/// (a new `<p>` closes the last one): not counted, so that sloppy but
/// ordinary markup (`<p>` without `</p>`, `<br>`) does not look deep.
/// `name` is lowercase.
fn not_nesting(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
            | b"a"
            | b"b"
            | b"i"
            | b"u"
            | b"s"
            | b"em"
            | b"strong"
            | b"font"
            | b"small"
            | b"big"
            | b"tt"
            | b"nobr"
            | b"strike"
            | b"code"
    )
}

/// Elements whose content is raw text (no tags inside); `name` is lowercase.
fn raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"noscript"
    )
}

/// Longest element name looked up in the lists above; longer names are
/// ordinary nesting elements.
const MAX_LISTED_NAME: usize = 10;

/// An estimate of the deepest element nesting in `html`: start tags open a
/// level, end tags close one; comments, raw-text elements (`<script>`),
/// self-closing tags and the elements of [`not_nesting`] do not count.
/// Linear in the length of the input, no allocation.
pub fn markup_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        i = at + 1;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(&b[at + 4..], b"-->").map_or(b.len(), |e| at + 4 + e + 3);
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
        let mut lower = [0u8; MAX_LISTED_NAME];
        let name: &[u8] = if name_len <= MAX_LISTED_NAME {
            for (d, s) in lower.iter_mut().zip(&b[name_start..name_start + name_len]) {
                *d = s.to_ascii_lowercase();
            }
            &lower[..name_len]
        } else {
            &[]
        };
        let Some(end) = tag_end(b, name_start + name_len) else {
            break;
        };
        let self_closing = end > 0 && b[end - 1] == b'/';
        i = end + 1;
        if closing {
            if !not_nesting(name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if raw_text(name) {
            i = raw_text_end(b, i, name).unwrap_or(b.len());
            continue;
        }
        if self_closing || not_nesting(name) {
            continue;
        }
        depth += 1;
        max = max.max(depth);
    }
    max
}

/// The index of the `>` ending a tag whose name ends at `from`, skipping
/// quoted attribute values.
fn tag_end(b: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let k = from + memchr::memchr3(b'>', b'"', b'\'', b.get(from..)?)?;
        if b[k] == b'>' {
            return Some(k);
        }
        from = k + 1 + memchr::memchr(b[k], b.get(k + 1..)?)? + 1;
    }
}

/// Where `</name` (any case) starts at or after `from`.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let k = at + memchr::memmem::find(b.get(at..)?, b"</")?;
        let tail = b.get(k + 2..k + 2 + name.len())?;
        if tail.eq_ignore_ascii_case(name) {
            return Some(k);
        }
        at = k + 2;
    }
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
