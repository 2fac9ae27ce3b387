//! Document metadata: url, title, author, date, site name, language.
//!
//! Read from what pages declare (`<title>`, Open Graph and `article:` meta tags, JSON-LD,
//! `<html lang>`, `<time datetime>`) and from the bylines and date lines the detectors took
//! out of the body. Also gives the JSON-LD `articleBody`, used when a page's visible body is
//! an empty application shell.

use html5ever::local_name;
use serde::Serialize;

use crate::dom::{Dom, NodeData, NodeId};

/// What is known about a document besides its body.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The page's URL, as given by the caller.
    pub url: Option<String>,
    /// The document title.
    pub title: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// The publication date as the page gives it (ISO 8601 where the page declares one).
    pub date: Option<String>,
    /// The site or publisher name.
    pub site_name: Option<String>,
    /// The language (BCP 47 from the page, or the ISO 639-1 code guessed from stopwords).
    pub language: Option<String>,
}

/// What the HTML head and structured data declare.
#[derive(Debug, Clone, Default)]
pub struct Declared {
    /// Metadata fields found.
    pub metadata: Metadata,
    /// JSON-LD `articleBody` (or `text`) of an article object, if any.
    pub article_body: Option<String>,
    /// JSON-LD `description` of a product object, if any.
    pub product_description: Option<String>,
    /// JSON-LD `headline`.
    pub headline: Option<String>,
    /// The `description` of each JSON-LD person (the page's author, or a person of its
    /// graph) long enough to be a biography: the author box shows the same words.
    pub person_descriptions: Vec<String>,
    /// What kind of page its structured data says it is.
    pub kinds: PageKinds,
}

/// What kind of page a page's structured data (JSON-LD, microdata) says it is. The
/// detectors read it: comments are chrome under an article but can be a forum's thread,
/// customer reviews are not a product page's document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageKinds {
    /// A discussion (`DiscussionForumPosting`, `QAPage`, `Question`): its comments can be
    /// the document.
    pub discussion: bool,
    /// A product (`Product`, `ProductGroup`, `IndividualProduct`).
    pub product: bool,
    /// Products declared side by side, not nested in one another: more than one and the
    /// page lists products (a category page, a grid of offers) rather than being one
    /// product's page.
    pub products: u32,
    /// An article (JSON-LD `Article`, `NewsArticle`, `BlogPosting`…).
    pub article: bool,
    /// A collection (`CollectionPage`, `SearchResultsPage`): the page is a listing of
    /// entries (a shop's category, a blog's index, search results), its grid the document.
    /// An `ItemList` alone says less: listicle articles declare one too.
    pub collection: bool,
    /// The page declares when it was published (a date meta tag, JSON-LD `datePublished`, a
    /// `<time datetime>`): what a post or a story gives, a landing page rarely.
    pub dated: bool,
}

fn clean_value(v: &str) -> Option<String> {
    let collapsed = v.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

/// Reads declared metadata from a parsed page.
pub fn declared(dom: &Dom) -> Declared {
    let mut out = Declared::default();
    let mut title_tag: Option<String> = None;
    let mut og_title = None;
    let mut json_ld: Vec<String> = Vec::new();
    let mut time_datetime = None;
    // Article items of microdata or RDFa, not nested in one another.
    let mut item_articles = 0u32;
    let mut item_author: Option<String> = None;
    // Whether Open Graph gives the page a price (see [`PRICE_META`]).
    let mut priced = false;
    for (i, node) in dom.nodes.iter().enumerate() {
        let NodeData::Element { name, .. } = &node.data else {
            continue;
        };
        if item_author.is_none() && name.local != local_name!("meta") {
            item_author = microdata_author(dom, i as NodeId);
        }
        // Microdata (`itemtype`) and RDFa (`typeof`) items.
        if node.attr("itemtype").is_some() || node.attr("typeof").is_some() {
            // An item nested in another of its kind (a product's variant or accessory, an
            // article's quoted or related article) is part of it.
            let nested = |is_kind: fn(&str) -> bool| {
                let mut outer = node.parent;
                while let Some(p) = outer {
                    let parent = dom.node(p);
                    if declares(parent, is_kind) {
                        return true;
                    }
                    outer = parent.parent;
                }
                false
            };
            // The questions of an FAQ (`Question` items of an `FAQPage`) are the page's
            // own answers, not a discussion.
            if declares(node, names_discussion_type) && !nested(names_faq_type) {
                out.kinds.discussion = true;
            }
            if declares(node, names_collection_type) {
                out.kinds.collection = true;
            }
            if declares(node, names_product_type) {
                out.kinds.product = true;
                out.kinds.products += u32::from(!nested(names_product_type));
            }
            if declares(node, names_article_type) {
                item_articles += u32::from(!nested(names_article_type));
            }
        }
        match name.local {
            local_name!("html") => {
                if let Some(lang) = node.attr("lang").and_then(clean_value) {
                    out.metadata.language.get_or_insert(lang);
                }
            }
            local_name!("title") if title_tag.is_none() => {
                title_tag = clean_value(&dom.text_content(i as NodeId));
            }
            local_name!("meta") => {
                let key = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop"))
                    .map(|k| k.trim().to_ascii_lowercase());
                let (Some(key), Some(content)) = (key, node.attr("content").and_then(clean_value))
                else {
                    continue;
                };
                let m = &mut out.metadata;
                match key.as_str() {
                    "og:title" | "twitter:title" => {
                        og_title.get_or_insert(content);
                    }
                    "og:site_name" | "application-name" => {
                        m.site_name.get_or_insert(content);
                    }
                    "author" | "article:author" | "dc.creator" | "parsely-author"
                        if !content.starts_with("http") =>
                    {
                        m.author.get_or_insert(content);
                    }
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "dc.date"
                    | "pubdate"
                    | "publish-date"
                    | "parsely-pub-date" => {
                        m.date.get_or_insert(content);
                    }
                    "og:locale" => {
                        m.language.get_or_insert(content.replace('_', "-"));
                    }
                    _ if PRICE_META.contains(&key.as_str()) => priced = true,
                    _ => {}
                }
            }
            local_name!("script") => {
                if node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    json_ld.push(dom.text_content(i as NodeId));
                }
            }
            local_name!("time") if time_datetime.is_none() => {
                time_datetime = node.attr("datetime").and_then(clean_value);
            }
            _ => {}
        }
    }
    for script in &json_ld {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(script) {
            read_json_ld(&value, &mut out, 0);
        }
    }
    if priced && !out.kinds.product {
        out.kinds.product = true;
        out.kinds.products = 1;
    }
    // One article (or two: a reply quoting another) is the page's; more side by side are
    // the cards of a listing.
    let m = &mut out.metadata;
    if (1..=MAX_ITEM_ARTICLES).contains(&item_articles) {
        out.kinds.article = true;
        // The author of one of a listing's articles is not the page's.
        if m.author.is_none() {
            m.author = item_author;
        }
    }
    m.title = og_title
        .or_else(|| out.headline.clone())
        .or_else(|| title_tag.map(|t| without_site_name(t, m.site_name.as_deref())));
    if m.date.is_none() {
        m.date = time_datetime;
    }
    out.kinds.dated = m.date.is_some();
    out
}

/// Open Graph properties of a product's price (`og:price:amount`, and `product:price:amount`
/// of Open Graph's product type), which shop software (Shopify, WooCommerce, Magento) writes
/// on one product's page only: a page that gives them is that product's page, whether or
/// not its structured data says so.
const PRICE_META: &[&str] = &["og:price:amount", "product:price:amount"];

/// Separators between a page's title and its site's name in a `<title>` tag.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " · ", " :: "];

/// A `<title>` tag's text without the declared site name it carries before or after a
/// separator (`Four Hill Huts | Upland Notes` of the site `Upland Notes`).
fn without_site_name(title: String, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(str::trim).filter(|s| !s.is_empty()) else {
        return title;
    };
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if head.trim().eq_ignore_ascii_case(site) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// Whether an element's `itemprop` names `property` (it may name several).
fn has_property(node: &crate::dom::Node, property: &str) -> bool {
    node.attr("itemprop").is_some_and(|p| {
        p.split_whitespace()
            .any(|p| p.eq_ignore_ascii_case(property))
    })
}

/// The item an element's properties belong to: its nearest ancestor that declares a type.
fn item_of(dom: &Dom, id: NodeId) -> Option<NodeId> {
    let mut outer = dom.node(id).parent;
    while let Some(p) = outer {
        if dom.node(p).attr("itemtype").is_some() {
            return Some(p);
        }
        outer = dom.node(p).parent;
    }
    None
}

/// The author an element gives in microdata: the `author` of an article item, as text
/// (`<span itemprop="author">Ana Ruiz</span>`) or as the `name` of a person item. A
/// comment's author is not the page's.
fn microdata_author(dom: &Dom, id: NodeId) -> Option<String> {
    let node = dom.node(id);
    let property_of_article = |holder: NodeId| {
        item_of(dom, holder).is_some_and(|item| declares(dom.node(item), names_article_type))
    };
    let holder = if has_property(node, "author") && node.attr("itemtype").is_none() {
        id
    } else if has_property(node, "name") && node.attr("itemtype").is_none() {
        let person = item_of(dom, id)?;
        if !has_property(dom.node(person), "author") {
            return None;
        }
        person
    } else {
        return None;
    };
    if !property_of_article(holder) {
        return None;
    }
    clean_value(&dom.text_content(id))
        .filter(|name| (1..=6).contains(&name.split_whitespace().count()))
}

/// Most article items of microdata or RDFa a page may declare side by side and still be
/// one article's page (as for products, more are the cards of a listing).
const MAX_ITEM_ARTICLES: u32 = 2;

/// Whether an element declares a microdata item (`itemtype`, one or more type URLs) or an
/// RDFa resource (`typeof`, one or more types such as `schema:Article`) of a type `is_kind`
/// accepts.
fn declares(node: &crate::dom::Node, is_kind: fn(&str) -> bool) -> bool {
    [node.attr("itemtype"), node.attr("typeof")]
        .into_iter()
        .flatten()
        .flat_map(str::split_whitespace)
        .any(is_kind)
}

/// The name of a schema.org type given as a JSON-LD `@type`, a microdata `itemtype` URL or
/// an RDFa `typeof` (`schema:Article`).
fn type_name(t: &str) -> &str {
    t.trim()
        .trim_end_matches('/')
        .rsplit(['/', ':', '#'])
        .next()
        .unwrap_or_default()
}

/// Whether a schema.org type (a JSON-LD `@type` or a microdata `itemtype` URL) is that of a
/// discussion thread or a question page.
fn names_discussion_type(t: &str) -> bool {
    matches!(
        type_name(t),
        "DiscussionForumPosting" | "QAPage" | "Question"
    )
}

/// Whether a schema.org type is that of a page of frequently asked questions, whose
/// `Question` items the page answers itself.
fn names_faq_type(t: &str) -> bool {
    type_name(t) == "FAQPage"
}

/// Whether a schema.org type (a JSON-LD `@type` or a microdata `itemtype` URL) is that of a
/// page that lists entries (a category, an index, search results).
fn names_collection_type(t: &str) -> bool {
    matches!(type_name(t), "CollectionPage" | "SearchResultsPage")
}

/// Whether a schema.org type (a JSON-LD `@type` or a microdata `itemtype` URL) is that of a
/// product.
fn names_product_type(t: &str) -> bool {
    matches!(
        type_name(t),
        "Product" | "ProductGroup" | "IndividualProduct"
    )
}

/// Whether a schema.org type names an article: a document whose body and headline are the
/// page's.
fn names_article_type(t: &str) -> bool {
    let name = type_name(t);
    name.ends_with("Article")
        || matches!(
            name,
            "BlogPosting" | "Report" | "LiveBlogPosting" | "DiscussionForumPosting" | "Recipe"
        )
}

/// Types of JSON-LD objects whose body and headline describe the page's document.
fn is_article_type(value: &serde_json::Value) -> bool {
    match value.get("@type") {
        Some(serde_json::Value::String(t)) => names_article_type(t),
        Some(serde_json::Value::Array(types)) => types
            .iter()
            .filter_map(|t| t.as_str())
            .any(names_article_type),
        _ => false,
    }
}

fn read_json_ld(value: &serde_json::Value, out: &mut Declared, depth: usize) {
    // JSON-LD nests through @graph and arrays; a bound keeps hostile input cheap.
    if depth > 8 {
        return;
    }
    match value {
        serde_json::Value::Array(items) => {
            for item in items {
                read_json_ld(item, out, depth + 1);
            }
        }
        serde_json::Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                read_json_ld(graph, out, depth + 1);
            }
            // A web page's main entity is what the page is (a `WebPage` whose
            // `mainEntity` is a forum thread or an article).
            // Not a list of products or posts: those are a listing's.
            if let Some(main) = map.get("mainEntity").filter(|m| is_article_type(m)) {
                read_json_ld(main, out, depth + 1);
            }
            let types: Vec<&str> = match map.get("@type") {
                Some(serde_json::Value::String(t)) => vec![t.as_str()],
                Some(serde_json::Value::Array(types)) => {
                    types.iter().filter_map(|t| t.as_str()).collect()
                }
                _ => Vec::new(),
            };
            out.kinds.discussion |= types.iter().any(|t| names_discussion_type(t));
            if types.contains(&"Person") {
                read_person_description(map, out);
            }
            out.kinds.collection |= types.iter().any(|t| names_collection_type(t));
            if types.iter().any(|t| names_product_type(t)) {
                out.kinds.product = true;
                out.kinds.products += 1;
                if let Some(d) = map.get("description").and_then(|d| d.as_str()) {
                    if out.product_description.is_none() && !d.trim().is_empty() {
                        out.product_description = Some(d.to_string());
                    }
                }
            }
            if is_article_type(value) {
                out.kinds.article = true;
                if let Some(body) = map
                    .get("articleBody")
                    .or_else(|| map.get("text"))
                    .and_then(|b| b.as_str())
                {
                    if out.article_body.is_none() && !body.trim().is_empty() {
                        out.article_body = Some(body.to_string());
                    }
                }
                if let Some(h) = map.get("headline").and_then(|h| h.as_str()) {
                    out.headline.get_or_insert_with(|| h.trim().to_string());
                }
                if let Some(date) = map.get("datePublished").and_then(|d| d.as_str()) {
                    out.metadata
                        .date
                        .get_or_insert_with(|| date.trim().to_string());
                }
                if let Some(author) = map.get("author") {
                    if let Some(name) = person_name(author) {
                        out.metadata.author.get_or_insert(name);
                    }
                    let people = match author {
                        serde_json::Value::Array(items) => items.as_slice(),
                        one => std::slice::from_ref(one),
                    };
                    for person in people {
                        if let serde_json::Value::Object(person) = person {
                            read_person_description(person, out);
                        }
                    }
                }
                if let Some(publisher) = map.get("publisher").and_then(person_name) {
                    out.metadata.site_name.get_or_insert(publisher);
                }
            }
        }
        _ => {}
    }
}

/// Fewest words of a person's declared description that reads as a biography (shorter
/// ones are a job title: "Staff writer").
const MIN_BIO_WORDS: usize = 8;

/// Most person descriptions kept per page (a bound for hostile graphs).
const MAX_PERSON_DESCRIPTIONS: usize = 8;

/// Adds the `description` of the JSON-LD person `map` to the page's person descriptions,
/// without its markup (some themes declare the biography's HTML), when it is a biography's
/// length.
fn read_person_description(map: &serde_json::Map<String, serde_json::Value>, out: &mut Declared) {
    let Some(description) = map.get("description").and_then(|d| d.as_str()) else {
        return;
    };
    let mut text = String::with_capacity(description.len());
    let mut in_tag = false;
    for c in description.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let Some(text) = clean_value(&text) else {
        return;
    };
    if crate::lang::word_count(&text) >= MIN_BIO_WORDS
        && out.person_descriptions.len() < MAX_PERSON_DESCRIPTIONS
        && !out.person_descriptions.contains(&text)
    {
        out.person_descriptions.push(text);
    }
}

/// The name(s) of a JSON-LD person or organisation value.
fn person_name(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => clean_value(s),
        serde_json::Value::Object(map) => map
            .get("name")
            .and_then(|n| n.as_str())
            .and_then(clean_value),
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(person_name).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_open_graph_and_json_ld() {
        let html = r#"<html lang="de"><head><title>Fallback | Site</title>
            <meta property="og:title" content="Die Brücke">
            <meta property="og:site_name" content="Stadtblatt">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Die Brücke","datePublished":"2024-05-03",
               "author":[{"@type":"Person","name":"Ana Ruiz"}],"articleBody":"Text."}]}</script>
            </head><body></body></html>"#;
        let d = declared(&Dom::parse(html));
        assert_eq!(d.metadata.title.as_deref(), Some("Die Brücke"));
        assert_eq!(d.metadata.site_name.as_deref(), Some("Stadtblatt"));
        assert_eq!(d.metadata.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(d.metadata.date.as_deref(), Some("2024-05-03"));
        assert_eq!(d.metadata.language.as_deref(), Some("de"));
        assert_eq!(d.article_body.as_deref(), Some("Text."));
    }

    #[test]
    fn a_persons_declared_biography_is_read_without_its_markup() {
        let html = r#"<html><head><script type="application/ld+json">{"@graph":[
              {"@type":"BlogPosting","headline":"Pruning roses","author":{"@type":"Person",
               "name":"Mo Lind","description":"<p>Mo Lind grows roses in a walled garden and has written about pruning for twelve years.</p>"}},
              {"@type":"Person","name":"Kai","description":"Staff writer"}]}</script>
            </head><body></body></html>"#;
        let d = declared(&Dom::parse(html));
        assert_eq!(
            d.person_descriptions,
            vec![
                "Mo Lind grows roses in a walled garden and has written about pruning for \
                  twelve years."
                    .to_string()
            ]
        );
    }

    #[test]
    fn a_title_tag_loses_the_declared_site_name() {
        let page = |title: &str| {
            format!(
                r#"<html><head><title>{title}</title>
                <meta property="og:site_name" content="Upland Notes"></head><body></body></html>"#
            )
        };
        let title = |t: &str| declared(&Dom::parse(&page(t))).metadata.title;
        assert_eq!(title("Huts | Upland Notes").as_deref(), Some("Huts"));
        assert_eq!(title("Upland Notes – Huts").as_deref(), Some("Huts"));
        assert_eq!(title("Huts - A Guide").as_deref(), Some("Huts - A Guide"));
        assert_eq!(title("Upland Notes").as_deref(), Some("Upland Notes"));
    }

    #[test]
    fn products_side_by_side_are_counted_nested_ones_are_not() {
        let one = r#"<div itemscope itemtype="https://schema.org/Product"><span>Mug</span>
            <div itemprop="isRelatedTo" itemscope itemtype="https://schema.org/Product">Saucer</div>
            </div>"#;
        let d = declared(&Dom::parse(one));
        assert!(d.kinds.product);
        assert_eq!(d.kinds.products, 1);
        let grid = r#"<script type="application/ld+json">[{"@type":"Product","name":"A"},
            {"@type":"Product","name":"B"},{"@type":"Product","name":"C"}]</script>"#;
        assert_eq!(declared(&Dom::parse(grid)).kinds.products, 3);
    }

    #[test]
    fn a_price_in_open_graph_makes_the_page_one_products() {
        let priced = r#"<html><head><meta property="og:type" content="product">
            <meta property="og:price:amount" content="24.00">
            <meta property="og:price:currency" content="USD"></head><body></body></html>"#;
        let d = declared(&Dom::parse(priced));
        assert!(d.kinds.product);
        assert_eq!(d.kinds.products, 1);
        let product_type = r#"<meta property="product:price:amount" content="9.50">"#;
        assert!(declared(&Dom::parse(product_type)).kinds.product);
        // A declared grid keeps its count.
        let grid = r#"<meta property="og:price:amount" content="9.50">
            <script type="application/ld+json">[{"@type":"Product","name":"A"},
            {"@type":"Product","name":"B"}]</script>"#;
        assert_eq!(declared(&Dom::parse(grid)).kinds.products, 2);
        let article = r#"<meta property="og:type" content="article">"#;
        assert!(!declared(&Dom::parse(article)).kinds.product);
    }

    #[test]
    fn articles_declared_in_microdata_or_rdfa_are_read_listings_of_them_are_not() {
        let microdata = r#"<body itemscope itemtype="https://schema.org/WebPage">
            <article itemscope itemtype="http://schema.org/BlogPosting"><h1>Pruning roses</h1>
            <aside itemprop="citation" itemscope itemtype="https://schema.org/Article">Older
            post</aside></article></body>"#;
        assert!(declared(&Dom::parse(microdata)).kinds.article);
        let d = declared(&Dom::parse(microdata));
        assert_eq!(d.metadata.author, None);
        let by = r#"<article itemscope itemtype="https://schema.org/Article"><h1>Roses</h1>
            <p>By <span itemprop="author" itemscope itemtype="https://schema.org/Person">
            <span itemprop="name">Ana Ruiz</span></span></p>
            <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
            <span itemprop="author">Tom</span></div></article>"#;
        assert_eq!(
            declared(&Dom::parse(by)).metadata.author.as_deref(),
            Some("Ana Ruiz")
        );
        let cards = format!("{by}{by}{by}");
        assert_eq!(declared(&Dom::parse(&cards)).metadata.author, None);
        let rdfa = r#"<div vocab="https://schema.org/" typeof="schema:NewsArticle">
            <h1>Flood warning lifted</h1></div>"#;
        assert!(declared(&Dom::parse(rdfa)).kinds.article);
        let listing = r#"<div itemscope itemtype="https://schema.org/Article">One</div>
            <div itemscope itemtype="https://schema.org/Article">Two</div>
            <div itemscope itemtype="https://schema.org/Article">Three</div>"#;
        assert!(!declared(&Dom::parse(listing)).kinds.article);
        let page = r#"<div itemscope itemtype="https://schema.org/WebPage">
            <nav itemscope itemtype="https://schema.org/BreadcrumbList">Home</nav></div>"#;
        assert_eq!(declared(&Dom::parse(page)).kinds, PageKinds::default());
    }

    #[test]
    fn a_web_pages_main_entity_is_read_when_it_is_a_thread_or_an_article() {
        let thread = r#"<script type="application/ld+json">{"@type":"WebPage",
            "mainEntity":{"@type":"DiscussionForumPosting","headline":"Pump noise",
            "author":{"@type":"Person","name":"reefkeeper"}}}</script>"#;
        let d = declared(&Dom::parse(thread));
        assert!(d.kinds.discussion && d.kinds.article);
        assert_eq!(d.metadata.author.as_deref(), Some("reefkeeper"));
        let shop = r#"<script type="application/ld+json">{"@type":"CollectionPage",
            "mainEntity":[{"@type":"Product","name":"A"},{"@type":"Product","name":"B"}]}
            </script>"#;
        let listing = PageKinds {
            collection: true,
            ..PageKinds::default()
        };
        assert_eq!(declared(&Dom::parse(shop)).kinds, listing);
    }

    #[test]
    fn a_collection_or_search_results_page_is_a_listing_and_an_item_list_is_not() {
        let microdata = r#"<main itemscope itemtype="https://schema.org/SearchResultsPage">
            <h1>Results</h1></main>"#;
        assert!(declared(&Dom::parse(microdata)).kinds.collection);
        let listicle = r#"<script type="application/ld+json">{"@type":"ItemList",
            "itemListElement":[{"@type":"ListItem","position":1,"name":"Oslo"}]}</script>"#;
        assert!(!declared(&Dom::parse(listicle)).kinds.collection);
    }

    #[test]
    fn the_questions_of_an_faq_are_no_discussion() {
        let faq = r#"<body><main itemscope itemtype="https://schema.org/FAQPage">
            <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
            <h3 itemprop="name">How long does delivery take?</h3></div></main></body>"#;
        assert!(!declared(&Dom::parse(faq)).kinds.discussion);
        let thread = r#"<body><main itemscope itemtype="https://schema.org/QAPage">
            <div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
            <h1 itemprop="name">Why does my bread not rise?</h1></div></main></body>"#;
        assert!(declared(&Dom::parse(thread)).kinds.discussion);
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let html =
            r#"<head><title>T</title><script type="application/ld+json">{oops</script></head>"#;
        let d = declared(&Dom::parse(html));
        assert_eq!(d.metadata.title.as_deref(), Some("T"));
    }
}
