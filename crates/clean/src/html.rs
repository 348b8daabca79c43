//! HTML: main-content extraction (dom_smoothie) and page metadata (dom_query).
//!
//! Nothing here recurses over the document tree: walks use an explicit
//! stack, so deeply nested markup cannot overflow ours.

use chronicler_core::{parse_published, Metadata};

use dom_query::{Document, Element, NodeData, NodeRef};
use serde_json::Value;

/// What the extraction knows about one line of the extracted text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hint {
    /// Share of the line's characters inside links.
    pub link_ratio: f32,
    /// The line is a `<figcaption>`.
    pub figcaption: bool,
    /// The element the line came from.
    pub kind: BlockKind,
}

/// What kind of element a line of extracted HTML came from. Headings, list
/// items and table cells are short and unpunctuated by nature: in HTML their
/// markup says they belong to the article, where in plain text a short line
/// is more often a caption or a label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Plain text: no markup.
    #[default]
    Text,
    /// `<p>`.
    Paragraph,
    /// A `<div>` or another block.
    Other,
    /// `<h1>` to `<h6>`.
    Heading,
    /// `<li>`, `<dt>`, `<dd>`.
    ListItem,
    /// `<td>`, `<th>`.
    Cell,
    /// `<pre>`: code or preformatted text, short lines without punctuation.
    Code,
}

impl BlockKind {
    fn of(name: &str) -> Self {
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Self::Heading,
            "li" | "dt" | "dd" => Self::ListItem,
            "td" | "th" => Self::Cell,
            "p" => Self::Paragraph,
            "pre" => Self::Code,
            _ => Self::Other,
        }
    }
}

/// The extracted text, with hints keyed by the byte offset of each line.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    pub text: String,
    pub hints: Vec<(usize, Hint)>,
    pub warnings: Vec<String>,
}

/// Deeper than this, dom_smoothie is not trusted with the page (its walks
/// may recurse); we fall back to our own paragraph walk.
const MAX_DEPTH_FOR_READABILITY: usize = 400;

/// Elements whose content is never article text (`rt`, `rp`: ruby
/// readings, which trafilatura leaves out too).
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "button", "form", "select",
    "textarea", "input", "object", "embed", "canvas", "math", "rt", "rp",
];

/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "pre",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "aside",
    "nav",
    "main",
    "br",
    "hr",
    "address",
    "details",
    "summary",
    "caption",
    "body",
    "html",
    "td",
    "th",
    "center",
];

/// Extracts the main text of a page and completes `meta` from it. `html`
/// is the page after [`crate::depth::strip_non_text`]: scripts, styles,
/// SVG, comments, navigation and hidden containers cut before parsing
/// (about half the bytes of a news page, none of them text).
pub(crate) fn extract(html: &str, meta: &mut Metadata) -> Extracted {
    let doc = Document::from(html);
    page_metadata(&doc, meta);
    // The page's blocks for the density candidate, walked before
    // Readability rewrites the tree (cheaper than parsing the page again
    // when the candidate is needed).
    let blocks = page_blocks(&doc);
    let dense = crate::density::select(&blocks);
    let clear = crate::choice::clear_story(&blocks, &dense);
    // Nesting matters only to Readability.
    let depth = if clear { 0 } else { max_depth(doc.root()) };
    // The parsed page goes on to the readability pass (one parse instead of
    // two); the paragraph fallback, rarely needed, parses it again.
    let mut doc = Some(doc);

    let mut best = Extracted::default();
    // Readability's blocks: empty when it failed or was not run.
    let mut read = Vec::new();
    if clear {
        // The dense text is a story Readability would only confirm: it is
        // kept without running Readability (see `choice::clear_story`).
    } else if depth <= MAX_DEPTH_FOR_READABILITY {
        let parsed = doc.take().unwrap_or_else(|| Document::from(html));
        // Our own metadata pass reads the JSON-LD already.
        let config = dom_smoothie::Config {
            disable_json_ld: true,
            ..dom_smoothie::Config::default()
        };
        // No page URL: Readability would only make the article's links
        // and image sources absolute, and only text is read from it.
        let readability = dom_smoothie::Readability::with_document(parsed, None, Some(config));
        match readability.map(|mut r| (r.parse(), r)) {
            Ok((Ok(article), r)) => {
                if !has_date(meta) {
                    if let Some(t) = article
                        .published_time
                        .clone()
                        .filter(|s| parse_published(s).is_some())
                    {
                        meta.published = Some(t);
                    }
                }
                if meta.title.is_none() && !article.title.trim().is_empty() {
                    meta.title = Some(article.title.trim().to_string());
                }
                if meta.outlet.is_none() {
                    meta.outlet = article.site_name.clone().filter(|s| !s.trim().is_empty());
                }
                // dom_smoothie leaves the article in its own tree, under
                // `#readability-page-1`: walked there, not re-parsed from
                // the HTML it serialised.
                let root = r.doc.select_single("#readability-page-1");
                read = match root.nodes().first() {
                    Some(node) => walk_blocks(*node),
                    None => {
                        let content = Document::from(article.content.to_string());
                        walk_blocks(content.root())
                    }
                };
            }
            Ok((Err(e), _)) => best.warnings.push(format!(
                "main-content extraction failed ({e}); used the page's dense text"
            )),
            Err(e) => best.warnings.push(format!(
                "main-content extraction failed ({e}); used the page's dense text"
            )),
        }
    } else {
        best.warnings.push(format!(
            "markup nested {depth} levels deep; used the page's dense text"
        ));
    }
    // Which of Readability's text and the density candidate is kept,
    // and what is added to it (see `choice`).
    let warnings = std::mem::take(&mut best.warnings);
    best = blocks_to_text(crate::choice::choose(read, &blocks, dense));
    best.warnings = warnings;
    if best.text.chars().count() < crate::choice::MIN_ARTICLE_CHARS {
        // Last resort: every `<p>` outside navigation (and inside
        // `<noscript>`, which both walks skip).
        let doc = doc.unwrap_or_else(|| Document::from(html));
        let fallback = blocks_to_text(paragraphs(&doc));
        if fallback.text.chars().count() > best.text.chars().count() {
            let warnings = std::mem::take(&mut best.warnings);
            best = fallback;
            best.warnings = warnings;
        }
    }
    best
}

/// Deepest element nesting, counted without recursion.
fn max_depth(root: NodeRef<'_>) -> usize {
    let mut max = 0;
    let mut stack = vec![(root, 0usize)];
    while let Some((node, d)) = stack.pop() {
        max = max.max(d);
        let mut child = node.first_child();
        while let Some(c) = child {
            if c.is_element() {
                stack.push((c, d + 1));
            }
            child = c.next_sibling();
        }
    }
    max
}

/// One line of text from a block element.
#[derive(Debug, Default, Clone)]
pub(crate) struct Block {
    pub text: String,
    /// Non-space characters inside links.
    pub link_chars: usize,
    pub figcaption: bool,
    pub kind: BlockKind,
}

fn lower_name(node: &NodeRef<'_>) -> String {
    node.node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Containers of a page that hold no story: left out of the density
/// candidate (Readability judges them itself). Not `<header>`: an
/// article's header holds its lead (`traf` F1 +0.0013, 6 more "with"
/// snippets); the page's own header is mostly links, or `role="banner"`.
const BOILERPLATE: &[&str] = &["nav", "footer", "aside", "form"];

/// Class or id parts of containers that hold no story (a class or id token
/// containing one marks the element). Image captions (`wp-caption`,
/// `image-caption`: long ones are not `<figcaption>`s nor dropped as
/// short lines), author bios and disclaimers are not the story either:
/// with those three, `traf` F1 0.9243 -> 0.9290 (28 fewer "without"
/// snippets kept, 2 "with" lost), `sh` 0.9613 -> 0.9662; author boxes,
/// photo credits and sign-up boxes then 0.9290 -> 0.9312 (15 fewer
/// "without", one "with" lost), `sh` 0.9662 -> 0.9678.
const BOILERPLATE_MARKS: &[&str] = &[
    "caption",
    "bio",
    "disclaimer",
    "author",
    "credit",
    "signup",
    "comment",
    "sidebar",
    "cookie",
    "consent",
    "gdpr",
    "modal",
    "popup",
    "share",
    "social",
    "related",
    "breadcrumb",
    "newsletter",
    "navbar",
    "navigation",
    "footer",
];

/// The first letters of [`BOILERPLATE_MARKS`] and of `commentary` (all
/// lower-case): [`marked`] compares only where a token has one.
const MARK_FIRST: [bool; 256] = {
    let mut first = [false; 256];
    let mut i = 0;
    while i < BOILERPLATE_MARKS.len() {
        first[BOILERPLATE_MARKS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    first[b'c' as usize] = true;
    first
};

/// ARIA roles of containers that hold no story.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];

/// Whether an element of the page is a boilerplate container or hidden,
/// by its tag, role, class and id, or `hidden` and `display: none`. The
/// page's outer elements never are. `name` is the element's local name.
fn boilerplate(el: &Element, name: &str) -> bool {
    if BOILERPLATE.contains(&name) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    el.attrs.iter().any(|a| {
        let v: &str = &a.value;
        match &*a.name.local {
            "hidden" => true,
            "aria-hidden" => v.eq_ignore_ascii_case("true"),
            "role" => BOILERPLATE_ROLES.iter().any(|r| v.eq_ignore_ascii_case(r)),
            "style" => hides_display(v),
            "class" | "id" => v.split_ascii_whitespace().any(|tok| marked(tok.as_bytes())),
            _ => false,
        }
    })
}

/// Whether a `style` attribute says `display: none` (any case, any
/// spacing), read without copying it.
fn hides_display(style: &str) -> bool {
    const PAT: &[u8] = b"display:none";
    let mut k = 0;
    for c in style.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let c = c.to_ascii_lowercase();
        // `d` opens the pattern and appears nowhere else in it.
        k = if c == PAT[k] {
            k + 1
        } else {
            usize::from(c == PAT[0])
        };
        if k == PAT.len() {
            return true;
        }
    }
    false
}

/// Whether a class or id token contains one of [`BOILERPLATE_MARKS`]
/// (any case) and not `commentary`: one scan of the token, each mark
/// tried only where its first letter is.
fn marked(tok: &[u8]) -> bool {
    let starts =
        |rest: &[u8], m: &[u8]| rest.len() >= m.len() && rest[..m.len()].eq_ignore_ascii_case(m);
    let mut hit = false;
    for i in 0..tok.len() {
        let rest = &tok[i..];
        let c = rest[0].to_ascii_lowercase();
        if !MARK_FIRST[usize::from(c)] {
            continue;
        }
        if c == b'c' && starts(rest, b"commentary") {
            return false;
        }
        hit = hit
            || (BOILERPLATE_MARKS.iter().any(|m| {
                m.as_bytes()[0] == c
                    && starts(rest, m.as_bytes())
                    && (!WHOLE_PART_MARKS.contains(m) || whole_part(tok, i, m.len()))
            }) && !has_prefix(&tok[..i]));
    }
    hit
}

/// Marks so short that they sit inside unrelated words ("bio" in
/// `biotech`, `biology`, `antibiotic`): they count only as a whole part of
/// the token (see [`whole_part`]).
const WHOLE_PART_MARKS: &[&str] = &["bio"];

/// Whether `tok[at..at + len]` is a whole part of the token, or one with a
/// plural "s": it starts the token or follows a non-letter, or a capital
/// opens it after a lower-case letter (`authorBio`); it ends the token or
/// is followed by a non-letter, or a capital follows its lower-case end
/// (`bio-box`, `BioCard`, `author_bios`; not `biotech`, `BIOTECH`).
fn whole_part(tok: &[u8], at: usize, len: usize) -> bool {
    let hump = |a: u8, b: u8| a.is_ascii_lowercase() && b.is_ascii_uppercase();
    let starts = match (at.checked_sub(1).and_then(|p| tok.get(p)), tok.get(at)) {
        (None, _) => true,
        (Some(&p), Some(&f)) => !p.is_ascii_alphabetic() || hump(p, f),
        (Some(_), None) => false,
    };
    let ends_at = |end: usize| match (end.checked_sub(1).and_then(|l| tok.get(l)), tok.get(end)) {
        (_, None) => true,
        (Some(&l), Some(&n)) => !n.is_ascii_alphabetic() || hump(l, n),
        (None, Some(_)) => false,
    };
    let end = at + len;
    starts && (ends_at(end) || (matches!(tok.get(end), Some(b's' | b'S')) && ends_at(end + 1)))
}

/// Whether the part of a class or id token before a boilerplate mark ends
/// in "has-", "with-" or "no-" (any case, or `_`): `layout-container
/// has-sidebar`, `content-with-sidebar` hold the story beside a sidebar,
/// and leaving them out lost whole stories (3 more `traf` snippets).
fn has_prefix(before: &[u8]) -> bool {
    [&b"has"[..], b"with", b"no"].iter().any(|p| {
        before.len() > p.len()
            && matches!(before[before.len() - 1], b'-' | b'_')
            && before[before.len() - 1 - p.len()..before.len() - 1].eq_ignore_ascii_case(p)
    })
}

/// Walks the tree under `root` (iteratively) and returns its text as
/// blocks: one per paragraph-like element, whitespace collapsed.
fn walk_blocks(root: NodeRef<'_>) -> Vec<Block> {
    walk(root, false)
}

/// The blocks of a whole page for the density candidate: boilerplate
/// containers left out.
pub(crate) fn page_blocks(doc: &Document) -> Vec<Block> {
    let body = doc.select_single("body");
    match body.nodes().first() {
        Some(b) => walk(*b, true),
        None => walk(doc.root(), true),
    }
}

/// What closing an element does to the walk.
#[derive(Clone, Copy)]
struct Leave {
    link: bool,
    caption: bool,
    block: bool,
}

/// [`walk_blocks`], leaving out [`boilerplate`] containers if `skip_boiler`.
/// Each node is read in one borrow of the tree, text without copying it
/// first and names as the parser's interned (lower-case) atoms.
fn walk(root: NodeRef<'_>, skip_boiler: bool) -> Vec<Block> {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave(Leave),
    }
    let mut out = Vec::new();
    let mut cur = Block::default();
    let mut link_depth = 0usize;
    let mut caption_depth = 0usize;
    // Innermost enclosing block elements, for the kind of each line.
    let mut kinds: Vec<BlockKind> = Vec::new();
    let mut stack = vec![Step::Enter(root)];
    // Whitespace seen since the last word of `cur.text` (written out only
    // before the next word: the text is collapsed as it is read).
    let mut space = false;
    let flush = |cur: &mut Block, out: &mut Vec<Block>, kind: Option<&BlockKind>| {
        if cur.text.is_empty() {
            *cur = Block::default();
        } else {
            let mut b = std::mem::take(cur);
            b.kind = kind.copied().unwrap_or(BlockKind::Other);
            out.push(b);
        }
    };
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(leave) => {
                if leave.link {
                    link_depth = link_depth.saturating_sub(1);
                }
                if leave.caption || leave.block {
                    flush(&mut cur, &mut out, kinds.last());
                    space = false;
                    kinds.pop();
                }
                if leave.caption {
                    caption_depth = caption_depth.saturating_sub(1);
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        // `None`: nothing to descend into; `Some(None)`: a container;
        // `Some(Some((leave, kind)))`: an element.
        let visit = node.query(|n| match &n.data {
            NodeData::Text { contents } => {
                // Soft hyphens and zero-width characters are invisible on
                // the page but split the words of the text.
                let t: &str = contents;
                // Their UTF-8 encodings start with one of these bytes.
                if memchr::memchr3(0xC2, 0xE2, 0xEF, t.as_bytes()).is_none() {
                    push_collapsed(&mut cur.text, &mut space, t);
                } else {
                    let visible: String = t
                        .chars()
                        .filter(|c| !matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
                        .collect();
                    push_collapsed(&mut cur.text, &mut space, &visible);
                }
                if link_depth > 0 {
                    cur.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                }
                if caption_depth > 0 {
                    cur.figcaption = true;
                }
                None
            }
            NodeData::Document | NodeData::Fragment => Some(None),
            NodeData::Element(el) => {
                let name: &str = &el.name.local;
                if SKIP.contains(&name) || (skip_boiler && boilerplate(el, name)) {
                    return None;
                }
                let caption = name == "figcaption";
                let leave = Leave {
                    link: name == "a",
                    caption,
                    block: !caption && BLOCKS.contains(&name),
                };
                Some(Some((leave, BlockKind::of(name))))
            }
            _ => None,
        });
        let Some(element) = visit.flatten() else {
            continue;
        };
        let leave = match element {
            Some((leave, kind)) => {
                if leave.caption || leave.block {
                    flush(&mut cur, &mut out, kinds.last());
                    space = false;
                    kinds.push(kind);
                }
                caption_depth += usize::from(leave.caption);
                link_depth += usize::from(leave.link);
                leave
            }
            None => Leave {
                link: false,
                caption: false,
                block: false,
            },
        };
        stack.push(Step::Leave(leave));
        let mut child = node.last_child();
        while let Some(c) = child {
            stack.push(Step::Enter(c));
            child = c.prev_sibling();
        }
    }
    flush(&mut cur, &mut out, kinds.last());
    out
}

/// Appends `t` to the text of a block, runs of whitespace made one space
/// and none at the block's start; `space` says whether whitespace came
/// after the last word so far (a space is written only before a word, so
/// the block never ends in one).
fn push_collapsed(text: &mut String, space: &mut bool, t: &str) {
    for (i, word) in t.split(char::is_whitespace).enumerate() {
        // Every piece after the first follows a whitespace character.
        *space |= i > 0;
        if !word.is_empty() {
            if *space && !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
            *space = false;
        }
    }
}

/// Fallback: the `<p>` elements of the page outside navigation, header,
/// footer and asides.
fn paragraphs(doc: &Document) -> Vec<Block> {
    let mut out = Vec::new();
    for p in doc.select("p").nodes() {
        let boiler = p.ancestors_it(None).any(|a| {
            matches!(
                lower_name(&a).as_str(),
                "nav" | "footer" | "header" | "aside" | "form" | "p"
            )
        });
        if boiler {
            continue;
        }
        out.extend(walk_blocks(*p));
    }
    out
}

/// Joins blocks into the extracted text, one block a line, a blank line
/// between blocks.
pub(crate) fn blocks_to_text(blocks: Vec<Block>) -> Extracted {
    let mut ex = Extracted::default();
    for b in blocks {
        if !ex.text.is_empty() {
            ex.text.push_str("\n\n");
        }
        let total = b.text.chars().filter(|c| !c.is_whitespace()).count().max(1);
        let hint = Hint {
            link_ratio: (b.link_chars as f32 / total as f32).min(1.0),
            figcaption: b.figcaption,
            kind: b.kind,
        };
        ex.hints.push((ex.text.len(), hint));
        ex.text.push_str(&b.text);
    }
    ex
}

fn nonempty(s: Option<impl AsRef<str>>) -> Option<String> {
    let s = s?;
    let t = s.as_ref().split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Fills the gaps in `meta` from the page's own tags.
fn page_metadata(doc: &Document, meta: &mut Metadata) {
    let mut og_title = None;
    let mut og_url = None;
    let mut site = None;
    let mut published = None;
    // Keys only Readability read (its last fallback): still read when the
    // page's plain story lets Readability be skipped.
    let mut late_published = None;
    for m in doc.select("meta").nodes() {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"))
            .map(|k| k.to_ascii_lowercase());
        let Some(key) = key else { continue };
        let content = nonempty(m.attr("content"));
        let Some(content) = content else { continue };
        match key.as_str() {
            "og:title" | "twitter:title" if og_title.is_none() => og_title = Some(content),
            "og:url" if og_url.is_none() => og_url = Some(content),
            "og:site_name" | "application-name" if site.is_none() => site = Some(content),
            "article:published_time"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "parsely-pub-date"
            | "sailthru.date"
            | "og:published_time"
            | "article.published"
            | "publication_date"
            | "publish_date"
            | "published_date"
            | "date_published"
            | "citation_publication_date"
            | "dcterms.date" => keep_date(&mut published, content),
            "dcterms.available" | "dcterms.issued" | "weibo:article:create_at" => {
                keep_date(&mut late_published, content)
            }
            _ => {}
        }
    }
    let ld = json_ld(doc);
    if meta.title.is_none() {
        let page_title = nonempty(doc.select("title").nodes().first().map(|t| t.text()));
        meta.title = og_title
            .or_else(|| page_title.map(|t| strip_site_suffix(&t)))
            .or_else(|| ld.headline.clone())
            .or_else(|| nonempty(doc.select("h1").nodes().first().map(|t| t.text())));
    }
    if meta.url.is_none() {
        let canonical = doc.select("link").nodes().iter().find_map(|l| {
            let rel = l.attr("rel")?.to_ascii_lowercase();
            rel.split_whitespace()
                .any(|r| r == "canonical")
                .then(|| nonempty(l.attr("href")))?
        });
        meta.url = canonical.or(og_url);
    }
    if meta.outlet.is_none() {
        meta.outlet = site.or(ld.publisher);
    }
    if !has_date(meta) {
        // The candidates in order, each looked for only when those before
        // it name no date ("0001-01-01" is a page with none).
        let time = || {
            doc.select("time")
                .nodes()
                .iter()
                .find_map(|t| nonempty(t.attr("datetime")))
        };
        // Microdata on the page's own elements: `<span
        // itemprop="datePublished" content="…">`, `<abbr … title="…">`, or
        // the date written out ("20.06.2019 11:43").
        let micro = || {
            let mut micro = None;
            for n in doc.select(r#"[itemprop="datePublished"]"#).nodes() {
                let given = ["content", "datetime", "title"]
                    .iter()
                    .find_map(|a| nonempty(n.attr(a)))
                    .or_else(|| nonempty(Some(n.text())));
                if let Some(given) = given.filter(|g| g.len() <= 64) {
                    keep_date(&mut micro, given);
                }
            }
            micro
        };
        let candidates: [&dyn Fn() -> Option<String>; 5] = [
            &|| published.clone(),
            &|| ld.published.clone(),
            &micro,
            &time,
            &|| late_published.clone(),
        ];
        let mut first = None;
        for candidate in candidates {
            let Some(given) = candidate() else { continue };
            if parse_published(&given).is_some() {
                meta.published = Some(given);
                return;
            }
            first.get_or_insert(given);
        }
        // None names a date: the first given is kept for the record.
        if meta.published.is_none() {
            meta.published = first;
        }
    }
}

/// Keeps in `slot` the first of the page's dates that reads as one, or
/// failing that the first given.
fn keep_date(slot: &mut Option<String>, content: String) {
    let dated = |s: &Option<String>| s.as_deref().and_then(parse_published).is_some();
    if slot.is_none() || (!dated(slot) && parse_published(&content).is_some()) {
        *slot = Some(content);
    }
}

/// True when `meta` holds a publication date chronicler reads as one.
fn has_date(meta: &Metadata) -> bool {
    meta.published
        .as_deref()
        .and_then(parse_published)
        .is_some()
}

/// "Headline | Site" → "Headline", when the tail is short.
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// What the page's JSON-LD says.
#[derive(Debug, Default)]
struct JsonLd {
    published: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
}

/// Reads every JSON-LD script, looking through arrays and `@graph` with
/// an explicit stack (serde_json also caps nesting on parse).
fn json_ld(doc: &Document) -> JsonLd {
    let mut out = JsonLd::default();
    for s in doc.select("script").nodes() {
        let is_ld = s
            .attr("type")
            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
        if !is_ld {
            continue;
        }
        let text = s.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(obj) => {
                    let str_of = |k: &str| {
                        obj.get(k)
                            .and_then(|x| x.as_str())
                            .and_then(|x| nonempty(Some(x)))
                    };
                    if let Some(date) = str_of("datePublished").or_else(|| str_of("dateCreated")) {
                        keep_date(&mut out.published, date);
                    }
                    if out.headline.is_none() {
                        out.headline = str_of("headline");
                    }
                    if out.publisher.is_none() {
                        if let Some(Value::Object(p)) = obj.get("publisher") {
                            out.publisher = p
                                .get("name")
                                .and_then(|x| x.as_str())
                                .and_then(|x| nonempty(Some(x)));
                        }
                    }
                    if let Some(g) = obj.get("@graph") {
                        stack.push(g);
                    }
                    if let Some(m) = obj.get("mainEntity") {
                        stack.push(m);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_marks_and_hidden_styles_are_read_in_any_case() {
        assert!(marked(b"site-Footer"));
        assert!(marked(b"COOKIE_banner"));
        assert!(marked(b"social"));
        assert!(!marked(b"article-body"));
        assert!(!marked(b"commentary-footer"));
        assert!(!marked(b""));
        // A short mark counts only as a whole part of the token.
        for tok in [
            "author-bio",
            "bio",
            "authorBio",
            "BioCard",
            "author_bios",
            "BIO_BOX",
            "bio2",
        ] {
            assert!(marked(tok.as_bytes()), "{tok}");
        }
        for tok in [
            "biotech",
            "biology-news",
            "antibiotics",
            "symbiosis",
            "BIOTECH",
            "biography",
        ] {
            assert!(!marked(tok.as_bytes()), "{tok}");
        }
        assert!(hides_display("color: red; DISPLAY : None"));
        assert!(hides_display("ddisplay:none"));
        assert!(!hides_display("display: block; none"));
        assert!(!hides_display(""));
    }
}
