//! Which main-content candidate a page keeps: Readability's element
//! (dom_smoothie), the page's dense text ([`crate::density`]), or
//! Readability's element with the story paragraphs it left just before it.
//!
//! Readability scores one element and its siblings; on the `traf` set of
//! `../shared/data/extraction-eval` the pages it gets wrong are of three
//! kinds, and each has a rule here:
//! - its text is short and the dense text is much longer (a story spread
//!   over elements it does not join): the dense text is kept;
//! - its text is not story text at all (an author box, a signature list,
//!   a login or newsletter form, a shop's shipping terms, a teaser list):
//!   little of it is among the dense text's blocks, because those sit in
//!   boilerplate containers or are mostly links; the dense text is kept;
//! - its text is the story without its first paragraphs (a lead in the
//!   page header, a first paragraph before an embedded box): the long,
//!   punctuated paragraphs of the dense text right before Readability's
//!   first block are added. (Adding those right after its last block too
//!   took comments and teasers: `traf` F1 0.9156 instead of 0.9166, `sh`
//!   0.9614 instead of 0.9629.)

use std::collections::HashSet;

use crate::density::chars;
use crate::html::Block;

/// Less main-content text than this and any longer candidate is taken.
pub(crate) const MIN_ARTICLE_CHARS: usize = 200;

/// Less main-content text than this and the density candidate replaces
/// Readability's choice when [`DENSITY_RATIO`] times longer (both sets:
/// `traf` F1 0.907 -> 0.912, `sh` unchanged at 0.964; a ratio of 1.5 took
/// a cookie banner's text over a short story).
const SHORT_ARTICLE_CHARS: usize = 2000;

/// See [`SHORT_ARTICLE_CHARS`].
const DENSITY_RATIO: usize = 2;

/// Readability's text with less than this share of its characters among
/// the dense text's blocks is not story text.
const OUTSIDE_SHARE: f32 = 0.3;

/// ... and is replaced by a dense text at least this share of its length
/// (a shorter one would lose a story Readability got whole).
const REPLACE_MIN_SHARE: f32 = 0.75;

/// ... and has less than this share of its characters in paragraphs of
/// [`EXTEND_CHARS`] or more (a story density left out, by a wrong
/// boilerplate mark on its container, has most).
const STORY_SHARE: f32 = 0.5;

/// A paragraph of the dense text before Readability's blocks is added
/// when at least this long and ended as a sentence (100: more `without`
/// snippets on `traf`, lower precision on `sh`; 200-250: fewer leads).
const EXTEND_CHARS: usize = 150;

/// At most this many paragraphs are added.
const EXTEND_MAX: usize = 5;

/// The blocks the page keeps, from Readability's (`read`, empty when it
/// failed) and the page's blocks outside boilerplate containers (`page`,
/// of which [`crate::density::select`] makes the dense text), both in
/// document order.
pub(crate) fn choose(read: Vec<Block>, page: &[Block], dense: Vec<Block>) -> Vec<Block> {
    let read = drop_boilerplate(read, page);
    // Readability's text as long as what noise removal leaves of it: its
    // mostly linked blocks (a menu, a teaser list) do not count.
    let r = unlinked_chars(&read);
    let d = chars(&dense);
    let longer = if r < MIN_ARTICLE_CHARS {
        d > r
    } else {
        r < SHORT_ARTICLE_CHARS && d > r * DENSITY_RATIO
    };
    if longer {
        return dense;
    }
    let dense_texts: HashSet<&str> = dense.iter().map(|b| b.text.as_str()).collect();
    let inside: usize = read
        .iter()
        .filter(|b| dense_texts.contains(b.text.as_str()))
        .map(|b| b.text.chars().count())
        .sum();
    if d >= MIN_ARTICLE_CHARS
        && (inside as f32) < OUTSIDE_SHARE * r as f32
        && d as f32 >= REPLACE_MIN_SHARE * r as f32
        && (long_chars(&read) as f32) < STORY_SHARE * r as f32
    {
        return dense;
    }
    extend(read, dense)
}

/// A dense text at least this long ...
const CLEAR_CHARS: usize = 1500;
/// ... with at least this many story paragraphs ...
const CLEAR_PARAGRAPHS: usize = 4;
/// ... holding at least this share of its characters ...
const CLEAR_STORY_SHARE: f32 = 0.7;
/// ... and at most this share of its characters inside links is a story
/// on its own.
const CLEAR_LINK_SHARE: f32 = 0.05;
/// See [`clear_story`].
const CLEAR_GAP: usize = 3;

/// Whether the dense text is plainly a story (long, most of it in long,
/// punctuated paragraphs, few links, one run of the page's blocks), so
/// that Readability, which would pick the same paragraphs, need not run:
/// [`choose`] then keeps it. Readability's parse was a third of the
/// extraction's instructions on `sh`; skipping it where this holds: clean
/// -9.9 % instructions on `sh`, F1 `sh` 0.9625 -> 0.9613, `traf` 0.9227 ->
/// 0.9243. Looser (3 paragraphs, 60 %, 1,200 characters, 10 % links):
/// -12.3 % but `sh` 0.9604; a gap of 5: `traf` 0.9234; no gap limit: two
/// stories of a page kept as one (`sh` 0.9564).
pub(crate) fn clear_story(page: &[Block], dense: &[Block]) -> bool {
    let total = chars(dense);
    if total < CLEAR_CHARS {
        return false;
    }
    // The dense text is one run of the page's blocks: at most
    // [`CLEAR_GAP`] blocks between its first and last are left out.
    let mut gap = 0;
    let mut started = false;
    let mut next = dense.iter().peekable();
    for b in page {
        let Some(d) = next.peek() else { break };
        if b.text == d.text {
            started = true;
            next.next();
        } else if started {
            gap += 1;
        }
    }
    if gap > CLEAR_GAP {
        return false;
    }
    let (paragraphs, story_chars) = dense
        .iter()
        .filter(|b| story_paragraph(b))
        .fold((0, 0), |(n, c), b| (n + 1, c + b.text.chars().count()));
    let links: usize = dense.iter().map(|b| b.link_chars).sum();
    paragraphs >= CLEAR_PARAGRAPHS
        && story_chars as f32 >= CLEAR_STORY_SHARE * total as f32
        && (links as f32) <= CLEAR_LINK_SHARE * total as f32
}

/// A block with at least this share of its characters inside links is a
/// link list's item, not text (noise removal drops it as `read-also`).
const LINKED_SHARE: f32 = 0.8;

/// Characters in blocks that are not mostly links.
fn unlinked_chars(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| {
            let total = b.text.chars().filter(|c| !c.is_whitespace()).count();
            (b.link_chars as f32) < LINKED_SHARE * total as f32
        })
        .map(|b| b.text.chars().count())
        .sum()
}

/// Characters in blocks of [`EXTEND_CHARS`] or more.
fn long_chars(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| b.text.chars().count())
        .filter(|&n| n >= EXTEND_CHARS)
        .sum()
}

/// Readability's blocks without those the page's walk met only inside
/// boilerplate containers (a comment thread, a sharing or related-links
/// box Readability kept with the story), when those are at most this
/// share of its text; more, and they are what Readability chose (`traf`
/// F1 +0.0013, 8 fewer "without" snippets and no "with" lost, at 0.2 as at
/// 0.1; 0.3 lost 3 "with" snippets).
const BOILERPLATE_SHARE: f32 = 0.2;

/// See [`BOILERPLATE_SHARE`].
fn drop_boilerplate(read: Vec<Block>, page: &[Block]) -> Vec<Block> {
    let texts: HashSet<&str> = page.iter().map(|b| b.text.as_str()).collect();
    let keep: Vec<bool> = read
        .iter()
        .map(|b| texts.contains(b.text.as_str()))
        .collect();
    let total = chars(&read);
    let kept: usize = read
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(b, _)| b.text.chars().count())
        .sum();
    if kept == total || (kept as f32) < (1.0 - BOILERPLATE_SHARE) * total as f32 {
        return read;
    }
    read.into_iter()
        .zip(keep)
        .filter_map(|(b, k)| k.then_some(b))
        .collect()
}

/// Whether a dense block may be added next to Readability's text: a long
/// paragraph ended as a sentence.
fn story_paragraph(b: &Block) -> bool {
    b.text.chars().count() >= EXTEND_CHARS
        && b.text.trim_end().ends_with([
            '.', '!', '?', '…', '。', '！', '？', '"', '“', '”', '»', '«', ')',
        ])
}

/// `read` with the story paragraphs of `dense` right before its first
/// block (as found among `dense`).
fn extend(read: Vec<Block>, mut dense: Vec<Block>) -> Vec<Block> {
    let read_texts: HashSet<&str> = read.iter().map(|b| b.text.as_str()).collect();
    let Some(first) = dense
        .iter()
        .position(|b| read_texts.contains(b.text.as_str()))
    else {
        return read;
    };
    let mut start = first;
    while start > 0 && first - start < EXTEND_MAX && story_paragraph(&dense[start - 1]) {
        start -= 1;
    }
    if start == first {
        return read;
    }
    drop(read_texts);
    dense.truncate(first);
    let before = dense.split_off(start);
    before.into_iter().chain(read).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::BlockKind;

    fn block(text: &str, link_chars: usize) -> Block {
        Block {
            text: text.to_string(),
            link_chars,
            figcaption: false,
            kind: BlockKind::Paragraph,
        }
    }

    /// [`choose`] with the page's dense text, as `extract` calls it.
    fn pick(read: Vec<Block>, page: Vec<Block>) -> Vec<Block> {
        let dense = crate::density::select(&page);
        choose(read, &page, dense)
    }

    fn texts(blocks: Vec<Block>) -> Vec<String> {
        blocks.into_iter().map(|b| b.text).collect()
    }

    fn story(n: usize) -> String {
        format!(
            "Paragraph {n} of the story: the ministers met again on Tuesday and agreed to \
             extend the ceasefire by another month, the spokesman said after the talks in the capital."
        )
    }

    #[test]
    fn a_short_choice_gives_way_to_much_longer_dense_text() {
        let read = vec![block(&story(1), 0), block(&story(2), 0)];
        let dense: Vec<Block> = (1..=6).map(|n| block(&story(n), 0)).collect();
        assert_eq!(texts(pick(read, dense)).len(), 6);
    }

    #[test]
    fn teaser_links_do_not_make_a_short_choice_long() {
        // Readability took one paragraph and a long list of linked
        // teasers, which noise removal drops: the dense text is the story.
        let teaser =
            "Further reading: the minister's visit to the border region, and what came of it";
        let mut read = vec![block(&story(1), 0)];
        read.extend((0..25).map(|_| block(teaser, teaser.len())));
        let dense: Vec<Block> = (1..=6).map(|n| block(&story(n), 0)).collect();
        let want: Vec<String> = (1..=6).map(story).collect();
        assert_eq!(texts(pick(read, dense)), want);
    }

    #[test]
    fn a_form_or_signature_list_outside_the_dense_text_is_replaced() {
        // Readability took a list of names (no paragraph of story length,
        // none of it among the dense blocks); the dense text is the story.
        let read: Vec<Block> = (0..40)
            .map(|i| block(&format!("Signatory number {i}, writer"), 0))
            .collect();
        let dense: Vec<Block> = (1..=8).map(|n| block(&story(n), 0)).collect();
        let kept = texts(pick(read, dense));
        assert_eq!(kept.len(), 8);
        assert!(kept[0].starts_with("Paragraph 1"));
    }

    #[test]
    fn a_story_that_density_left_out_is_kept() {
        // Readability's paragraphs are story-length: a wrong boilerplate
        // mark kept them out of the dense text, which holds captions.
        let read: Vec<Block> = (1..=8).map(|n| block(&story(n), 0)).collect();
        let dense: Vec<Block> = (0..30)
            .map(|i| {
                block(
                    &format!("Photo {i}: delegates at the assembly in the city hall"),
                    0,
                )
            })
            .collect();
        let kept = texts(pick(read, dense));
        assert!(kept.iter().all(|t| t.starts_with("Paragraph")));
        assert_eq!(kept.len(), 8);
    }

    #[test]
    fn the_lead_before_the_choice_is_added_and_what_follows_is_not() {
        let lead = "The lead: talks between the two governments resumed in Geneva on Monday \
                    after a pause of three months, both delegations confirmed in written statements.";
        let read: Vec<Block> = (1..=20).map(|n| block(&story(n), 0)).collect();
        let mut dense = vec![block("Short teaser line without an end", 0), block(lead, 0)];
        dense.extend((1..=20).map(|n| block(&story(n), 0)));
        dense.push(block(&format!("A reader's comment: {}", story(3)), 0));
        let kept = texts(pick(read, dense));
        assert_eq!(kept.len(), 21);
        assert_eq!(kept[0], lead);
        assert!(kept[20].starts_with("Paragraph 20"));
    }

    #[test]
    fn a_comment_readability_kept_is_dropped_when_the_page_has_it_in_a_comment_box() {
        // The page's walk met the comment only inside a boilerplate
        // container, so it is not among the page blocks.
        let comment = "Great article, I have been saying this for years and nobody listens.";
        let mut read: Vec<Block> = (1..=8).map(|n| block(&story(n), 0)).collect();
        read.push(block(comment, 0));
        let page: Vec<Block> = (1..=8).map(|n| block(&story(n), 0)).collect();
        let kept = texts(pick(read, page));
        assert_eq!(kept.len(), 8);
        assert!(!kept.iter().any(|t| t == comment));
    }

    #[test]
    fn ruby_readings_are_left_out_of_the_text() {
        let html = "<html><body><article><p>子<ruby>供<rp>(</rp><rt>ども</rt><rp>)</rp></ruby>\
                    への虐待をなくすための法律ができて、親が子どもを教育するために、たたいたり\
                    蹴ったりする体罰を禁止することになりました。最近、親に虐待された子どもを\
                    児童相談所が守ることができなくて、子どもが亡くなる事件が続いています。</p>\
                    </article></body></html>";
        let mut meta = chronicler_core::Metadata::default();
        let ex = crate::html::extract(html, &mut meta);
        assert!(ex.text.starts_with("子供への虐待"), "{}", ex.text);
        assert!(!ex.text.contains("ども)"));
    }

    #[test]
    fn captions_author_boxes_credits_and_disclaimers_are_left_out() {
        let paras = |r: std::ops::RangeInclusive<usize>| -> String {
            r.map(|n| format!("<p>{}</p>", story(n))).collect()
        };
        let html = format!(
            "<html><body><article><h1>Ceasefire extended</h1>{}\
             <div class=\"wp-caption\"><img src=\"a.jpg\"><p class=\"wp-caption-text\">\
             Delegates of both governments leave the conference hall in the capital after \
             the second round of talks on Tuesday evening.</p></div>{}\
             <div class=\"author-bio\"><p>Jane Doe has covered diplomacy and the region for \
             twenty years, first for a news agency and since 2015 for this paper.</p></div>\
             <div class=\"article-disclaimer\"><p>The views expressed in this article are \
             the author's own and do not necessarily reflect those of the editors.</p></div>\
             <div class=\"post-author\"><p>About the writer: a correspondent in the capital \
             who reports on the negotiations and the region's politics for the paper.</p></div>\
             <div class=\"photo-credit\"><p>Pictures of the talks were supplied by the \
             foreign ministry's press office and the international news agencies.</p></div>\
             <div class=\"signup-box\"><p>Get the day's most important diplomatic \
             news in your inbox every morning, free of charge and without advertising.</p>\
             </div></article></body></html>",
            paras(1..=4),
            paras(5..=12),
        );
        let mut meta = chronicler_core::Metadata::default();
        let text = crate::html::extract(&html, &mut meta).text;
        for n in 1..=12 {
            assert!(text.contains(&story(n)), "{text}");
        }
        for gone in [
            "Delegates of both",
            "Jane Doe",
            "The views expressed",
            "About the writer",
            "Pictures of the talks",
            "Get the day's",
        ] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    #[test]
    fn a_long_run_of_story_paragraphs_is_a_clear_story() {
        let page: Vec<Block> = std::iter::once(block("Home News Sport", 15))
            .chain((0..14).map(|i| block(&story(i), 0)))
            .chain(std::iter::once(block("Share this story", 16)))
            .collect();
        let dense = crate::density::select(&page);
        assert!(clear_story(&page, &dense));
        // Too short, or mostly links, and Readability is asked.
        let short: Vec<Block> = (0..2).map(|i| block(&story(i), 0)).collect();
        assert!(!clear_story(&short, &crate::density::select(&short)));
    }

    #[test]
    fn two_stories_apart_on_the_page_are_not_a_clear_story() {
        // A second story below a teaser list: Readability picks one.
        let teasers = (0..5).map(|i| block(&format!("Read more: teaser headline {i}"), 25));
        let page: Vec<Block> = (0..8)
            .map(|i| block(&story(i), 0))
            .chain(teasers)
            .chain((8..16).map(|i| block(&story(i), 0)))
            .collect();
        let dense = crate::density::select(&page);
        assert_eq!(dense.len(), 16);
        assert!(!clear_story(&page, &dense));
        // The same paragraphs in one run are.
        let run: Vec<Block> = (0..16).map(|i| block(&story(i), 0)).collect();
        assert!(clear_story(&run, &crate::density::select(&run)));
    }
}
