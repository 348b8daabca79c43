//! A linear pre-scan of raw HTML: what can never be article text is cut
//! before the HTML parser (see [`strip_non_text`]), and in the same pass
//! the nesting depth of what is left is measured, so that a page nested
//! absurdly deep is refused before the parser, whose work grows with the
//! square of the depth (100,000 nested `<div>`s would take hours).

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

/// Longest element name looked up in the lists above; longer names are
/// ordinary nesting elements.
const MAX_LISTED_NAME: usize = 10;

/// An estimate of the deepest element nesting the HTML parser will see in
/// `html`, once `strip_non_text` has cut what it cuts: start tags open a
/// level, end tags close one; comments, self-closing tags and the elements
/// of `not_nesting` do not count, nor anything inside a cut element or
/// a raw-text one (`<script>`, `<title>`). Linear in the length of the
/// input.
pub fn markup_depth(html: &str) -> usize {
    strip_non_text(html).depth
}

/// The index of the `>` ending a tag whose name ends at `from`, read as
/// the HTML tokenizer reads attributes: a quote opens a value only right
/// after `=` (`<a b=c"d>` ends at its `>`), a quoted value runs to its
/// closing quote, whatever it holds.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    tag_end_with(b, from, &mut |_, _, _| {})
}

/// [`tag_end`], calling `on_attr(name_start, name_end, end)` for every
/// attribute (`end` is the index after its value, `name_end` if it has
/// none).
fn tag_end_with(
    b: &[u8],
    from: usize,
    on_attr: &mut dyn FnMut(usize, usize, usize),
) -> Option<usize> {
    let mut i = from;
    loop {
        // Before an attribute name, or between attributes.
        let c = *b.get(i)?;
        if c == b'>' {
            return Some(i);
        }
        if c.is_ascii_whitespace() || c == b'/' {
            i += 1;
            continue;
        }
        // The attribute name (a leading `=` belongs to it).
        let attr_start = i;
        i += 1;
        while let Some(&c) = b.get(i) {
            if c.is_ascii_whitespace() || matches!(c, b'/' | b'>' | b'=') {
                break;
            }
            i += 1;
        }
        let attr_name_end = i;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            on_attr(attr_start, attr_name_end, attr_name_end);
            continue;
        }
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match *b.get(i)? {
            q @ (b'"' | b'\'') => i += 1 + memchr::memchr(q, b.get(i + 1..)?)? + 1,
            b'>' => return Some(i),
            _ => {
                while let Some(&c) = b.get(i) {
                    if c.is_ascii_whitespace() || c == b'>' {
                        break;
                    }
                    i += 1;
                }
            }
        }
        on_attr(attr_start, attr_name_end, i);
    }
}

/// Attributes no reader of the page uses (`data-*` but lazy-loading
/// sources, which Readability reads on images, and `on*` handlers).
fn unread_attr(name: &[u8]) -> bool {
    let ci = |p: &[u8]| name.len() >= p.len() && name[..p.len()].eq_ignore_ascii_case(p);
    let has = |w: &[u8]| name.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    (ci(b"data-") && !has(b"src") && !has(b"lazy")) || (ci(b"on") && name.len() > 2)
}

/// Whether an attribute (`name`, then `rest`: `=` and the value, or
/// nothing) hides its element from readers: `hidden`, `aria-hidden="true"`
/// (Readability drops both) or a navigation or dialog role.
fn hides(name: &[u8], rest: &[u8]) -> bool {
    let value = {
        let v = rest.trim_ascii_start();
        let v = v.strip_prefix(b"=").unwrap_or(v).trim_ascii();
        match v.first() {
            Some(q @ (b'"' | b'\'')) => v[1..].strip_suffix(&[*q]).unwrap_or(&v[1..]),
            _ => v,
        }
    };
    if name.eq_ignore_ascii_case(b"hidden") {
        return true;
    }
    if name.eq_ignore_ascii_case(b"aria-hidden") {
        return value.eq_ignore_ascii_case(b"true");
    }
    name.eq_ignore_ascii_case(b"role")
        && [
            &b"navigation"[..],
            b"menu",
            b"menubar",
            b"dialog",
            b"alertdialog",
        ]
        .iter()
        .any(|r| value.eq_ignore_ascii_case(r))
}

/// Container elements [`hides`] may cut with their content; `name` is
/// lowercase.
fn hideable(name: &[u8]) -> bool {
    matches!(
        name,
        b"div" | b"section" | b"ul" | b"ol" | b"span" | b"header" | b"form" | b"dialog" | b"table"
    )
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

/// `name` lower-cased into `buf`, if no longer than the listed names.
fn lowered<'b>(name: &[u8], buf: &'b mut [u8; MAX_LISTED_NAME]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (d, s) in out.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    Some(out)
}

/// Length of the tag name starting at `from`: up to whitespace, `/` or
/// `>`, as the tokenizer reads it.
fn name_len(b: &[u8], from: usize) -> usize {
    b.get(from..).map_or(0, |r| {
        r.iter()
            .take_while(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>'))
            .count()
    })
}

/// Whether the tag name at `at` is `name` (any case), whole.
fn name_at(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.get(at..at + name.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(at + name.len())
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
}

/// The end (index after its `>`) of the first `</name ...>` at or after
/// `from`, or of the input if there is none.
fn close_tag_after(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(k) = raw_text_end(b, at, name) {
        if name_at(b, k + 2, name) {
            return memchr::memchr(b'>', &b[k..]).map_or(b.len(), |e| k + e + 1);
        }
        at = k + 2;
    }
    b.len()
}

/// The end of a comment whose `<!--` ends at `from`: after its `-->` (or
/// the `<!-->` and `<!--->` forms), or the input's end.
fn comment_after(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    memchr::memmem::find(rest, b"-->").map_or(b.len(), |e| from + e + 3)
}

/// Where the `</script` closing a script whose content starts at `from`
/// begins, following the tokenizer's escaped states: inside `<!--`, a
/// nested `<script>` must close before `</script>` ends the element.
fn script_close(b: &[u8], from: usize) -> Option<usize> {
    // 0: script data; 1: escaped (after `<!--`); 2: double escaped.
    let mut state = 0u8;
    let mut i = from;
    loop {
        let rest = b.get(i..)?;
        let k = i + if state == 0 {
            memchr::memchr(b'<', rest)?
        } else {
            memchr::memchr2(b'<', b'-', rest)?
        };
        if b[k] == b'-' {
            if b[k..].starts_with(b"-->") {
                state = 0;
                i = k + 3;
            } else {
                i = k + 1;
            }
            continue;
        }
        if b[k + 1..].starts_with(b"!--") {
            if state == 0 && !b[k + 4..].starts_with(b">") {
                state = 1;
            }
            i = k + 4;
            continue;
        }
        if b.get(k + 1) == Some(&b'/') && name_at(b, k + 2, b"script") {
            if state != 2 {
                return Some(k);
            }
            state = 1;
        } else if state == 1 && name_at(b, k + 1, b"script") {
            state = 2;
        }
        i = k + 1;
    }
}

/// HTML elements that end an `<svg>` or `<math>` where they appear in it
/// (the parser leaves foreign content for them).
fn breaks_foreign(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
    )
}

/// The end (after its `>`) of the `</name>` matching an element whose
/// content starts at `from`, counting nested ones; `None` if there is
/// none, or if `foreign` and an HTML element that leaves foreign content
/// comes first (its text belongs to the page then). Outside foreign
/// content, tags in comments and scripts are not counted.
fn nested_close_after(b: &[u8], from: usize, name: &[u8], foreign: bool) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    loop {
        let k = i + memchr::memchr(b'<', b.get(i..)?)?;
        i = k + 1;
        if !foreign && b[k + 1..].starts_with(b"!--") {
            i = comment_after(b, k + 4);
        } else if !foreign && name_at(b, k + 1, b"script") {
            let open = tag_end(b, k + 7)?;
            i = script_close(b, open + 1)?;
        } else if b.get(k + 1) == Some(&b'/') {
            if name_at(b, k + 2, name) {
                depth -= 1;
                if depth == 0 {
                    return Some(memchr::memchr(b'>', &b[k..]).map_or(b.len(), |e| k + e + 1));
                }
            }
        } else if name_at(b, k + 1, name) {
            depth += 1;
        } else if foreign {
            let n = name_len(b, k + 1);
            let mut lower = [0u8; MAX_LISTED_NAME];
            if lowered(&b[k + 1..k + 1 + n], &mut lower).is_some_and(breaks_foreign) {
                return None;
            }
        }
    }
}

/// `html` without what can never be article text or page metadata, cut
/// before parsing so that the parser builds less: scripts (but JSON-LD),
/// styles, `<template>`, `<svg>` and `<math>` elements with their content,
/// `<nav>`, `<aside>`, `<footer>` and containers hidden by [`hides`] with
/// theirs, comments, and the attributes of [`unread_attr`]. Tags are read as the
/// tokenizer reads them (quoted attributes, the text of `<title>` and
/// `<textarea>`), so that a `<script>` inside an attribute value or a
/// title is not taken for one. The same pass measures the nesting depth of
/// what is left (see [`markup_depth`]). One pass, linear.
pub(crate) fn strip_non_text(html: &str) -> Stripped {
    let b = html.as_bytes();
    let mut out = String::new();
    // `html[copied..]` is not yet in `out`.
    let mut copied = 0;
    let mut cut = |out: &mut String, from: usize, to: usize| {
        out.push_str(html.get(copied..from).unwrap_or_default());
        copied = to;
    };
    let mut attr_cuts: Vec<(usize, usize)> = Vec::new();
    // A container cut with its content had no end tag (see below).
    let mut unclosed = false;
    // Nesting of the elements kept so far, and its maximum.
    let (mut depth, mut max_depth) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        i = at + 1;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            i = comment_after(b, at + 4);
            cut(&mut out, at, i);
            continue;
        }
        if matches!(rest.first(), Some(b'!' | b'?')) {
            // A doctype or a bogus comment: up to the next `>`.
            i = memchr::memchr(b'>', rest).map_or(b.len(), |e| at + 1 + e + 1);
            continue;
        }
        if rest.first() == Some(&b'/') {
            // An end tag closes a level (the scan goes on inside it).
            if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
                let n = name_len(b, at + 2);
                let mut lower = [0u8; MAX_LISTED_NAME];
                let name = lowered(&b[at + 2..at + 2 + n], &mut lower).unwrap_or_default();
                if !not_nesting(name) {
                    depth = depth.saturating_sub(1);
                }
            }
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_start = at + 1;
        let n = name_len(b, name_start);
        attr_cuts.clear();
        let mut hidden = false;
        let mut on_attr = |s: usize, e: usize, end: usize| {
            if unread_attr(&b[s..e]) {
                attr_cuts.push((s, end));
            } else {
                hidden |= hides(&b[s..e], &b[e..end]);
            }
        };
        let Some(end) = tag_end_with(b, name_start + n, &mut on_attr) else {
            break;
        };
        i = end + 1;
        let self_closing = b[end - 1] == b'/';
        let mut lower = [0u8; MAX_LISTED_NAME];
        let listed = lowered(&b[name_start..name_start + n], &mut lower);
        // A kept element opens a level, unless it is void or its end tag
        // implied (an element cut with its content never does).
        let mut open = |depth: &mut usize| {
            if !self_closing && !listed.is_some_and(not_nesting) {
                *depth += 1;
                max_depth = max_depth.max(*depth);
            }
        };
        let Some(name) = listed else {
            open(&mut depth);
            for &(s, e) in &attr_cuts {
                cut(&mut out, s, e);
            }
            continue;
        };
        match name {
            b"script" => {
                let attrs = &b[name_start + n..end];
                if attrs.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json")) {
                    open(&mut depth);
                    i = raw_text_end(b, i, name).unwrap_or(b.len());
                } else {
                    i = match script_close(b, i) {
                        Some(k) => memchr::memchr(b'>', &b[k..]).map_or(b.len(), |e| k + e + 1),
                        None => b.len(),
                    };
                    cut(&mut out, at, i);
                }
            }
            b"style" => {
                i = close_tag_after(b, i, name);
                cut(&mut out, at, i);
            }
            b"svg" | b"math" | b"template" if self_closing => cut(&mut out, at, i),
            b"svg" | b"math" | b"template" => {
                match nested_close_after(b, i, name, name != b"template") {
                    Some(after) => {
                        i = after;
                        cut(&mut out, at, i);
                    }
                    None => open(&mut depth),
                }
            }
            // Navigation, asides, footers and hidden containers: never the
            // story (the block walk and Readability drop them after
            // parsing anyway).
            // Once one has no end tag, no more are looked for: the scan
            // to the input's end stays linear.
            _ if !self_closing
                && !unclosed
                && (matches!(name, b"nav" | b"aside" | b"footer") || hidden && hideable(name)) =>
            {
                match nested_close_after(b, i, name, false) {
                    Some(after) => {
                        i = after;
                        cut(&mut out, at, i);
                    }
                    None => {
                        open(&mut depth);
                        unclosed = true;
                        for &(s, e) in &attr_cuts {
                            cut(&mut out, s, e);
                        }
                    }
                }
            }
            // Text, not markup, up to their end tag: copied as they are.
            b"title" | b"textarea" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => {
                open(&mut depth);
                i = raw_text_end(b, i, name).unwrap_or(b.len());
            }
            b"plaintext" => {
                open(&mut depth);
                break;
            }
            _ => {
                open(&mut depth);
                for &(s, e) in &attr_cuts {
                    cut(&mut out, s, e);
                }
            }
        }
    }
    let text = (copied > 0).then(|| {
        out.push_str(html.get(copied..).unwrap_or_default());
        out
    });
    Stripped {
        text,
        depth: max_depth,
    }
}

/// What [`strip_non_text`] leaves of a page.
#[derive(Debug)]
pub(crate) struct Stripped {
    /// The page without what was cut; `None` when nothing was.
    pub text: Option<String>,
    /// The deepest nesting of the elements left (see [`markup_depth`]).
    pub depth: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(html: &str) -> Option<String> {
        strip_non_text(html).text
    }

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
        // Nor what is cut before parsing: the parser never sees it.
        let cut = "<div><nav><div><div><div>menu</div></div></div></nav><svg><g><g></g></g></svg>\
            <title><div><div></title><p>text</p></div>";
        assert_eq!(markup_depth(cut), 2);
        // An end tag closes the level its start tag opened.
        assert_eq!(
            markup_depth("<div></div><div></div><section><div>x</div></section>"),
            2
        );
        assert_eq!(
            markup_depth("<my-custom-element><x-y/></my-custom-element>"),
            1
        );
    }

    #[test]
    fn scripts_styles_svg_and_comments_are_cut_before_parsing() {
        let page = "<html><head><title>a <script> b</title>\
            <script type=\"application/ld+json\">{\"headline\":\"x\"}</script>\
            <script>if (a<b) document.write('<p>no</p>')</script>\
            <STYLE>p { color: red }</STYLE></head>\
            <body><!-- a <p>comment</p> --><p title='<script>'>one</p>\
            <svg><g><svg><text>icon</text></svg></g></svg><p>two</p>\
            <template><p>later</p></template><noscript><p>three</p></noscript></body></html>";
        let out = strip(page).unwrap();
        assert_eq!(
            out,
            "<html><head><title>a <script> b</title>\
            <script type=\"application/ld+json\">{\"headline\":\"x\"}</script>\
            </head><body><p title='<script>'>one</p><p>two</p>\
            <noscript><p>three</p></noscript></body></html>"
        );
        assert_eq!(strip("<p>nothing to cut</p>"), None);
        // Cut anywhere, the page never makes the scan fail.
        for (i, _) in page.char_indices() {
            let _ = strip(&page[..i]);
            let _ = markup_depth(&page[i..]);
        }
    }

    #[test]
    fn attributes_nobody_reads_are_cut_with_their_values() {
        let page = "<div class=story data-track='{\"a\":\"<b>\"}' onclick=go()><img data-src=a.jpg data-x=1>text</div>";
        assert_eq!(
            strip(page).unwrap(),
            "<div class=story  ><img data-src=a.jpg >text</div>"
        );
    }

    #[test]
    fn cuts_end_where_the_parser_ends_them() {
        // Inside `<!--` in a script, a nested `<script>` must close first.
        let escaped = "<script><!-- document.write('<script>x</script>') --></script><p>text</p>";
        assert_eq!(strip(escaped).unwrap(), "<p>text</p>");
        // `</scripts>` does not close a script; an unclosed one runs to the end.
        assert_eq!(strip("<script>a</scripts>b").unwrap(), "");
        assert_eq!(strip("<p>a</p><!--->b").unwrap(), "<p>a</p>b");
        // A paragraph inside an SVG leaves it: its text is the page's.
        let broken = "<svg><p>story text</p>";
        assert_eq!(strip(broken), None);
        // A quote opens a value only after `=`.
        assert_eq!(
            strip("<a b=c\"d><script>x</script>e\"").unwrap(),
            "<a b=c\"d>e\""
        );
    }

    #[test]
    fn navigation_asides_footers_and_hidden_containers_are_cut() {
        let page = "<body><nav><ul><li><a href=/>Home</a></li></ul></nav>\
            <div class=story><p>one</p><aside><aside>x</aside><p>related</p></aside>\
            <div hidden><div>modal</div><script>w('</div>')</script><!-- </div> --></div>\
            <div aria-hidden=\"true\">menu</div><div aria-hidden=false>two</div>\
            <ul role='navigation'><li>a</li></ul><p hidden>kept</p></div>\
            <footer>(c) 2026</footer></body>";
        assert_eq!(
            strip(page).unwrap(),
            "<body><div class=story><p>one</p><div aria-hidden=false>two</div>\
            <p hidden>kept</p></div></body>"
        );
        // Without an end tag nothing is cut, and no later one is searched.
        assert_eq!(
            strip("<nav>a<aside>b</aside><!-- c -->").unwrap(),
            "<nav>a<aside>b</aside>"
        );
        let open = "<div hidden>x".repeat(20_000);
        assert_eq!(strip(&open), None);
    }

    #[test]
    fn a_hundred_thousand_levels_are_seen_at_once() {
        let deep = "<div>".repeat(100_000);
        assert_eq!(markup_depth(&deep), 100_000);
    }
}
