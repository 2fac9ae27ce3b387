//! Teaser cards of other products: on a page that declares a product, a row of cards of
//! one kind (same tag), nearly each a linked title with a price, that stands outside
//! the product's title is a "similar items" or "customers also viewed" rail, not the
//! product's document.

use html5ever::local_name;

use super::{Detector, Page, Signal, Verdict};
use crate::blocks::BlockKind;
use crate::dom::{Dom, NodeId};

/// The teaser-card detector.
pub struct TeaserCards;

/// Fewest cards of one kind that make a rail ("frequently bought together" has two; tried
/// on wcxb-dev: 4, 3, 2, each better than the one before, no page worse).
const MIN_CARDS: usize = 2;

/// Most words of any one block of a card: a title, a price, a rating, a seller line, a
/// hidden "why this ad" note; no long passage of prose (tried on wcxb-dev: 30, 60, no
/// limit; 60 is best).
const MAX_BLOCK_WORDS: usize = 60;

/// Most products a page may declare side by side and still be one product's page (tried:
/// 1 and 2, the same; with no limit, category pages that declare every product of their
/// grid lose the grid).
const MAX_DECLARED_PRODUCTS: u32 = 2;

/// Longest text, in characters, of a block that is a price.
const MAX_PRICE_CHARS: usize = 40;

/// Weight of the verdict on each block of a card.
const WEIGHT: f32 = 1.0;

impl Detector for TeaserCards {
    fn name(&self) -> &'static str {
        "teaser-cards"
    }

    fn detect(&self, page: &Page<'_>, out: &mut Vec<Verdict>) {
        let Some(dom) = page.dom else {
            return;
        };
        // One product's page (a product and perhaps a related one), not a listing of many.
        if !page.kinds.product || page.kinds.products > MAX_DECLARED_PRODUCTS {
            return;
        }
        // The product's title: the elements that hold a first-level heading.
        let mut holds_title = vec![false; dom.nodes.len()];
        let mut any_title = false;
        for block in page.blocks {
            if block.kind == (BlockKind::Heading { level: 1 }) {
                any_title = true;
                for &a in &block.ancestors {
                    holds_title[a as usize] = true;
                }
            }
        }
        if !any_title {
            return;
        }
        // Per element: words and price blocks under it.
        let mut words = vec![0usize; dom.nodes.len()];
        let mut prices = vec![0usize; dom.nodes.len()];
        // Per element: the most words of one block under it.
        let mut longest = vec![0usize; dom.nodes.len()];
        for block in page.blocks {
            let price = is_price(&block.text);
            for &a in &block.ancestors {
                words[a as usize] += block.features.words;
                longest[a as usize] = longest[a as usize].max(block.features.words);
                prices[a as usize] += usize::from(price);
            }
        }
        // Card elements of the rails found, by node id.
        let mut card = vec![false; dom.nodes.len()];
        let mut found = false;
        // Per kind of child (tag): children, and children that are teasers.
        let mut groups: Vec<(&html5ever::LocalName, usize, usize)> = Vec::new();
        let is_teaser = |c: NodeId| {
            prices[c as usize] > 0 && longest[c as usize] <= MAX_BLOCK_WORDS && has_link(dom, c)
        };
        for parent in 0..dom.nodes.len() as NodeId {
            // A rail holds at least MIN_CARDS prices and is not around the title.
            if prices[parent as usize] < MIN_CARDS || holds_title[parent as usize] {
                continue;
            }
            groups.clear();
            let mut child = dom.node(parent).first_child;
            while let Some(c) = child {
                let node = dom.node(c);
                child = node.next_sibling;
                let Some(tag) = node.local_name() else {
                    continue;
                };
                if words[c as usize] == 0 {
                    continue;
                }
                let teaser = is_teaser(c);
                match groups.iter_mut().find(|g| g.0 == tag) {
                    Some(g) => {
                        g.1 += 1;
                        g.2 += usize::from(teaser);
                    }
                    None => groups.push((tag, 1, usize::from(teaser))),
                }
            }
            for g in &groups {
                // Nearly every card of the kind is a teaser with a price.
                if g.1 >= MIN_CARDS && g.2 * 4 >= g.1 * 3 {
                    let tag = g.0;
                    let mut child = dom.node(parent).first_child;
                    while let Some(c) = child {
                        let node = dom.node(c);
                        child = node.next_sibling;
                        if node.local_name() == Some(tag) && is_teaser(c) {
                            card[c as usize] = true;
                        }
                    }
                    found = true;
                }
            }
        }
        if !found {
            return;
        }
        for (index, block) in page.blocks.iter().enumerate() {
            if block.ancestors.iter().any(|&a| card[a as usize]) {
                out.push(Verdict::new(
                    index,
                    Signal::Chrome,
                    WEIGHT,
                    self.name(),
                    "a card of a rail of other products with prices".to_string(),
                ));
            }
        }
    }
}

/// Whether the element at `id` holds a link (`<a href>`), the card's target.
fn has_link(dom: &Dom, id: NodeId) -> bool {
    let mut found = false;
    dom.walk(id, |event| {
        if let crate::dom::WalkEvent::Enter(n) = event {
            let node = dom.node(n);
            if node.local_name() == Some(&local_name!("a")) && node.attr("href").is_some() {
                found = true;
            }
        }
        !found
    });
    found
}

/// Whether `text` is a price: short, with digits and a currency sign or code next to them.
pub(crate) fn is_price(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_PRICE_CHARS {
        return false;
    }
    if !text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    const SIGNS: &[char] = &[
        '$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₫', '฿', '₪', '₴', '₱',
    ];
    if text.contains(SIGNS) {
        return true;
    }
    // An ISO currency code as a word of its own ("EUR 12.50", "12,50 USD").
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            "EUR"
                | "USD"
                | "GBP"
                | "CHF"
                | "AUD"
                | "CAD"
                | "JPY"
                | "INR"
                | "AED"
                | "SAR"
                | "SGD"
                | "NZD"
                | "HKD"
                | "SEK"
                | "NOK"
                | "DKK"
                | "PLN"
                | "CZK"
                | "CNY"
                | "BRL"
                | "MXN"
                | "ZAR"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_are_recognised() {
        assert!(is_price("$8.03"));
        assert!(is_price("EUR 355.58"));
        assert!(is_price("19,99 €"));
        assert!(!is_price("Size 10"));
        assert!(!is_price("Europe"));
        assert!(is_price("AED: 549.56AED"));
        assert!(is_price("SGD 192.64"));
        assert!(!is_price("SAR: none"));
    }
}
