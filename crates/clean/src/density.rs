//! A second main-content candidate, by text and link density over the whole
//! page (in the manner of jusText, which trafilatura compares against its
//! own choice): every block of the page outside navigation, headers,
//! footers, asides, forms and comment or sharing widgets is classed by its
//! length and the share of its text inside links, and the long, link-poor
//! blocks are kept with the short blocks between them.
//!
//! Readability picks one element and its siblings; when the story is spread
//! over elements it does not join (a recipe's ingredient list and its
//! steps, a product's description and its table) or sits in `<div>`s with
//! no `<p>`, or when it picks a comment thread, its text is short against
//! the page's. [`crate::choice`] then takes this candidate instead.

use crate::html::{Block, BlockKind};
use crate::noise::is_cjk;

/// How a block looks by its length and its links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Long, few links: text of the page.
    Good,
    /// Medium length, or long with some links: kept between good blocks.
    NearGood,
    /// Too short to judge alone: kept between kept blocks.
    Short,
    /// Mostly links: navigation, tag lists, "more stories".
    Bad,
}

/// Blocks at least this long (in characters) with few links are text.
const GOOD_CHARS: usize = 80;
/// CJK scripts say as much in a third of the characters.
const GOOD_CHARS_CJK: usize = 30;
/// Shorter than this, a block is judged by its neighbours.
const SHORT_CHARS: usize = 30;
/// A good block has at most this share of its characters in links.
const GOOD_LINK_RATIO: f32 = 0.2;
/// More than this share in links, and a block is navigation.
const BAD_LINK_RATIO: f32 = 0.5;

fn class(b: &Block) -> Class {
    let chars = b.text.chars().count();
    let total = b.text.chars().filter(|c| !c.is_whitespace()).count().max(1);
    let link_ratio = b.link_chars as f32 / total as f32;
    if link_ratio > BAD_LINK_RATIO {
        return Class::Bad;
    }
    let cjk = b.text.chars().take(40).filter(|&c| is_cjk(c)).count() >= 10;
    let good = if cjk { GOOD_CHARS_CJK } else { GOOD_CHARS };
    if chars >= good && link_ratio <= GOOD_LINK_RATIO {
        Class::Good
    } else if chars < SHORT_CHARS {
        Class::Short
    } else {
        Class::NearGood
    }
}

/// The page's text blocks kept by density: good blocks, and near-good,
/// short blocks, headings and list items whose nearest judged neighbours
/// on both sides are kept text (a heading needs only a good block after
/// it). `blocks` are the page's blocks in document order, boilerplate
/// containers already left out.
pub(crate) fn select(blocks: &[Block]) -> Vec<Block> {
    let classes: Vec<Class> = blocks.iter().map(class).collect();
    let n = classes.len();
    // Nearest non-short class before and after each block.
    let mut prev = vec![None; n];
    let mut last = None;
    for i in 0..n {
        prev[i] = last;
        if classes[i] != Class::Short {
            last = Some(classes[i]);
        }
    }
    let mut next = vec![None; n];
    let mut last = None;
    for i in (0..n).rev() {
        next[i] = last;
        if classes[i] != Class::Short {
            last = Some(classes[i]);
        }
    }
    let text_like = |c: Option<Class>| matches!(c, Some(Class::Good | Class::NearGood));
    let keep: Vec<bool> = (0..n)
        .map(|i| match classes[i] {
            Class::Good => true,
            Class::Bad => false,
            Class::NearGood => {
                (prev[i] == Some(Class::Good) && text_like(next[i]))
                    || (next[i] == Some(Class::Good) && text_like(prev[i]))
            }
            Class::Short => {
                let heading = blocks[i].kind == BlockKind::Heading;
                (heading && next[i] == Some(Class::Good))
                    || (text_like(prev[i])
                        && text_like(next[i])
                        && (prev[i] == Some(Class::Good) || next[i] == Some(Class::Good)))
            }
        })
        .collect();
    blocks
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(b, _)| b.clone())
        .collect()
}

/// Characters of text in `blocks`.
pub(crate) fn chars(blocks: &[Block]) -> usize {
    blocks.iter().map(|b| b.text.chars().count()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, link_chars: usize, kind: BlockKind) -> Block {
        Block {
            text: text.to_string(),
            link_chars,
            figcaption: false,
            kind,
        }
    }

    #[test]
    fn keeps_text_and_what_sits_between_it_and_drops_link_lists() {
        let long =
            "A sentence of the story that runs long enough to count as text of the page, surely.";
        let blocks = vec![
            block("Home News Sport Weather", 20, BlockKind::ListItem),
            block("Ingredients", 0, BlockKind::Heading),
            block(long, 0, BlockKind::Paragraph),
            block("200 g sugar", 0, BlockKind::ListItem),
            block(long, 0, BlockKind::Paragraph),
            block(
                "Related: ten more stories you will like",
                35,
                BlockKind::Other,
            ),
            block("Share", 0, BlockKind::Other),
        ];
        let kept: Vec<String> = select(&blocks).into_iter().map(|b| b.text).collect();
        assert_eq!(kept, vec!["Ingredients", long, "200 g sugar", long]);
    }

    /// `n` story-length paragraphs of a report, as `<p>` elements.
    fn report_paragraphs(n: usize) -> String {
        (1..=n)
            .map(|i| {
                format!(
                    "<p>Paragraph {i} of the report: negotiators met in Doha again on Wednesday \
                     to discuss the exchange of prisoners, officials said.</p>"
                )
            })
            .collect()
    }

    #[test]
    fn an_article_header_is_text_and_the_page_header_is_not() {
        let body = report_paragraphs(4);
        let html = format!(
            "<html><body><header role=\"banner\"><p>Daily News, the paper of record for \
             the whole region since 1901, independent and free to read.</p></header>\
             <article><header><h1>Talks resume in Doha</h1><p>The lead: talks between \
             the two governments resumed in Doha on Monday after a pause of three months.\
             </p></header>{body}</article></body></html>"
        );
        let doc = dom_query::Document::from(html.as_str());
        let kept: Vec<String> = select(&crate::html::page_blocks(&doc))
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert!(kept.iter().any(|t| t.starts_with("The lead:")), "{kept:?}");
        assert!(
            !kept.iter().any(|t| t.starts_with("Daily News")),
            "{kept:?}"
        );
    }

    #[test]
    fn a_container_that_has_a_sidebar_is_not_one() {
        let body = report_paragraphs(4);
        let html = format!(
            "<html><body><div class=\"layout-container has-sidebar\">{body}\
             <div class=\"sidebar\"><p>Most read this week on the site, the stories our \
             readers liked best in the last seven days.</p></div></div></body></html>"
        );
        let doc = dom_query::Document::from(html.as_str());
        let kept: Vec<String> = select(&crate::html::page_blocks(&doc))
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(kept.iter().all(|t| t.starts_with("Paragraph")), "{kept:?}");
    }
}
