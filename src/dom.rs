//! A lean arena DOM built by html5ever, the input of the **blocks** stage.
//!
//! Nodes live in one `Vec` and refer to each other by index, so the tree is cheap to build,
//! is freed in one go (no recursive drop that can overflow on deep nesting) and can be walked
//! without recursion. This module only builds and walks the tree: it makes no judgement about
//! what is content.
//!
//! Hostile markup is kept cheap (html5ever's tree builder scans its stack of open elements
//! for many tags, so unbounded nesting makes it quadratic):
//! - elements nested deeper than [`MAX_DEPTH`] are closed as soon as they open (or never
//!   reach the tree builder), so what they hold lands in their ancestor at the limit: the
//!   tree stays shallow and no text is lost (past the limit, what such an element would
//!   hide, as `<svg>` or `hidden` do, is no longer hidden);
//! - formatting elements that the parser re-opens in bulk (`<p><b id=1></p><p><b id=2></p>…`
//!   makes it re-open every earlier `<b>` in each paragraph) are capped;
//! - tags keep at most [`MAX_ATTRIBUTES`] attributes (html5ever's duplicate check is quadratic
//!   in the attributes of one tag);
//! - [`Dom::parse_until`] feeds the parser in slices and stops at a deadline.
//!
//! [`Dom::parse_document`] is the parse the pipeline uses: it also leaves out, before parsing,
//! the bodies of `<script>` elements (but JSON data: JSON-LD is read) and of `<style>`
//! elements. Nothing downstream reads them, and they are about a third of a page's bytes.
//! It reads the page with a byte-scanning tokenizer (the `scan` module) that gives
//! html5ever's tree builder the tokens html5ever's tokenizer would, at a fraction of the
//! cost; the rare page it does not read (a NUL byte, a CDATA section, an unusual doctype, a
//! page cut inside a tag) is parsed again by html5ever's tokenizer. [`Dom::parse`] is
//! html5ever alone.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;
use std::time::Instant;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{local_name, ns, Attribute, LocalName, QualName, TokenizerResult};

mod scan;

/// Deepest element nesting the parser builds. An element that would sit deeper is closed as
/// soon as it opens, so its content is appended to its parent at this depth.
pub const MAX_DEPTH: usize = 512;

/// Most attributes kept on one tag; later ones are dropped before parsing.
pub const MAX_ATTRIBUTES: usize = 256;

/// The attributes [`Dom::parse_document`] keeps: those the pipeline reads, and those
/// html5ever's tree builder reads (`color`, `face` and `size` on `<font>` in SVG or MathML,
/// `encoding` on `<annotation-xml>`, `shadowrootmode` on `<template>`). A detector that reads
/// another attribute adds it here (a test checks the sources for `attr("…")` calls).
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "aria-controls",
    "aria-expanded",
    "aria-hidden",
    "aria-label",
    "aria-labelledby",
    "aria-multiselectable",
    "class",
    "component",
    "content",
    "data-author",
    "datetime",
    "hidden",
    "href",
    "id",
    "itemprop",
    "itemtype",
    "lang",
    "name",
    "popover",
    "property",
    "role",
    "start",
    "style",
    "tabindex",
    "type",
    "typeof",
    "v-else",
    "v-else-if",
    "v-if",
    "color",
    "encoding",
    "face",
    "shadowrootmode",
    "size",
];

/// Whether an inline `style` declares `property: value…` (ASCII case-insensitive, spaces
/// around the colon allowed, the value read as a prefix: `display : None !important`).
pub fn style_declares(style: &str, property: &[u8], value: &[u8]) -> bool {
    let bytes = style.as_bytes();
    let skip_spaces = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let mut from = 0;
    while let Some(at) = bytes[from..]
        .windows(property.len().max(1))
        .position(|w| w.eq_ignore_ascii_case(property))
    {
        let mut i = skip_spaces(from + at + property.len());
        if bytes.get(i) == Some(&b':') {
            i = skip_spaces(i + 1);
            if bytes
                .get(i..i + value.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(value))
            {
                return true;
            }
        }
        from += at + property.len().max(1);
    }
    false
}

/// Most formatting elements (`<b>`, `<font>`, `<a>`…) the parser may re-open for one token;
/// past this the innermost re-opened ones are closed again, which also drops them from the
/// parser's list of elements to re-open.
const MAX_REOPENED: usize = 32;

/// Input is handed to the tokenizer in slices of about this many bytes, so a deadline is
/// checked often enough.
const PARSE_SLICE: usize = 16 * 1024;

/// Bytes of input per node reserved up front in the arena (pages average about 100).
const NODE_BYTES: usize = 64;

/// Most nodes reserved up front, whatever the input's size.
const MAX_RESERVED_NODES: usize = 1 << 20;

/// Index of a node in a [`Dom`].
pub type NodeId = u32;

/// What a node is.
#[derive(Debug)]
pub enum NodeData {
    /// The document root.
    Document,
    /// A doctype, comment or processing instruction: kept only as a placeholder.
    Other,
    /// A run of character data.
    Text(StrTendril),
    /// An element with its name and attributes.
    Element {
        /// Qualified name (namespace + local name).
        name: QualName,
        /// Attributes in source order.
        attrs: Vec<Attribute>,
        /// For `<template>`: the node that holds its contents.
        template_contents: Option<NodeId>,
    },
}

/// One node and its links to parent, children and siblings.
#[derive(Debug)]
pub struct Node {
    /// Parent node, `None` for the root and detached nodes.
    pub parent: Option<NodeId>,
    /// First child.
    pub first_child: Option<NodeId>,
    /// Last child.
    pub last_child: Option<NodeId>,
    /// Previous sibling.
    pub prev_sibling: Option<NodeId>,
    /// Next sibling.
    pub next_sibling: Option<NodeId>,
    /// The node's payload.
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        }
    }

    /// The element's local name, if this is an element.
    pub fn local_name(&self) -> Option<&LocalName> {
        match &self.data {
            NodeData::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// The value of attribute `name` (no namespace), if this is an element that has it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        match &self.data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|a| a.name.ns == ns!() && &*a.name.local == name)
                .map(|a| &*a.value),
            _ => None,
        }
    }
}

/// A parsed HTML document.
#[derive(Debug)]
pub struct Dom {
    /// All nodes; index 0 is the document.
    pub nodes: Vec<Node>,
}

/// One step of a depth-first walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkEvent {
    /// Entering a node (before its children).
    Enter(NodeId),
    /// Leaving a node (after its children).
    Leave(NodeId),
}

impl Dom {
    /// Parses an HTML document. Never fails: html5ever recovers from any input.
    pub fn parse(html: &str) -> Dom {
        match Dom::parse_until(html, None) {
            Some(dom) => dom,
            None => unreachable!("parsing without a deadline always finishes"),
        }
    }

    /// Parses an HTML document, giving up (`None`) once `deadline` has passed. The deadline
    /// is checked between slices of the input, so it is overshot by at most one slice's work.
    pub fn parse_until(html: &str, deadline: Option<Instant>) -> Option<Dom> {
        Dom::parse_prepared(limit_attributes(html, MAX_ATTRIBUTES, false), deadline)
    }

    /// [`Dom::parse_until`] for extraction: the text of `<script>` elements (but those whose
    /// `type` names JSON, as JSON-LD) and of `<style>` elements is left out before parsing, so
    /// those elements are empty in the tree. The rest of the tree is the same.
    ///
    /// The page is read by a byte-scanning tokenizer ([`scan`]) that gives html5ever's tree
    /// builder the tokens html5ever's tokenizer would; on input it leaves to html5ever's
    /// tokenizer (a NUL, a CDATA section, an unusual doctype…) the page is parsed again by
    /// html5ever alone.
    pub fn parse_document(html: &str, deadline: Option<Instant>) -> Option<Dom> {
        let html = limit_attributes(html, MAX_ATTRIBUTES, true);
        let text = normalize_newlines(&html);
        let guard = NestingGuard::for_page(text.len());
        match scan::scan(&text, &guard, deadline) {
            Ok(()) => Some(guard.finish()),
            Err(scan::Stop::Deadline) => None,
            Err(scan::Stop::Unsupported(_)) => Dom::parse_prepared(html, deadline),
        }
    }

    fn parse_prepared(html: Cow<'_, str>, deadline: Option<Instant>) -> Option<Dom> {
        let tokenizer =
            Tokenizer::new(NestingGuard::for_page(html.len()), TokenizerOpts::default());
        let input = BufferQueue::default();
        let mut rest: &str = &html;
        while !rest.is_empty() {
            if deadline.is_some_and(|d| Instant::now() > d) {
                return None;
            }
            let mut cut = rest.len().min(PARSE_SLICE);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            input.push_back(StrTendril::from_slice(&rest[..cut]));
            rest = &rest[cut..];
            while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
        }
        tokenizer.end();
        Some(tokenizer.sink.finish())
    }

    /// Puts the parts of a page that React's streaming renderer sent late where its script
    /// would put them. Such a page holds, in place of each late part, a placeholder
    /// `<template id="B:1">` (or `"P:1"`) followed by fallback content (a spinner, a skeleton)
    /// up to a comment, and, at the end of the body, the part itself in
    /// `<div hidden id="S:1">`. The part's children replace the placeholder and the fallback,
    /// so a page's sections are read in their place, inside their section elements.
    fn place_streamed_segments(&mut self) {
        let mut segments: HashMap<&str, NodeId> = HashMap::new();
        let mut placeholders: Vec<(NodeId, &str)> = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            let NodeData::Element { name, .. } = &node.data else {
                continue;
            };
            let Some(id) = node.attr("id") else {
                continue;
            };
            if name.local == local_name!("template") {
                if let Some(n) = id.strip_prefix("B:").or_else(|| id.strip_prefix("P:")) {
                    placeholders.push((i as NodeId, n));
                }
            } else if let Some(n) = id.strip_prefix("S:") {
                if node.attr("hidden").is_some() {
                    segments.insert(n, i as NodeId);
                }
            }
        }
        if segments.is_empty() {
            return;
        }
        let moves: Vec<(NodeId, NodeId)> = placeholders
            .into_iter()
            .filter_map(|(template, n)| segments.get(n).map(|&segment| (template, segment)))
            .collect();
        let nodes = &mut self.nodes;
        for (template, segment) in moves {
            if nodes[template as usize].parent.is_none() || is_ancestor(nodes, segment, template) {
                continue;
            }
            // The fallback runs to the boundary's closing comment; without one, it stays.
            let mut fallback = Vec::new();
            let mut next = nodes[template as usize].next_sibling;
            let mut closed = false;
            while let Some(n) = next {
                if matches!(nodes[n as usize].data, NodeData::Other) {
                    closed = true;
                    break;
                }
                fallback.push(n);
                next = nodes[n as usize].next_sibling;
            }
            if closed {
                for n in fallback {
                    ArenaSink::detach(nodes, n);
                }
            }
            while let Some(child) = nodes[segment as usize].first_child {
                ArenaSink::insert_before(nodes, template, child);
            }
            ArenaSink::detach(nodes, template);
        }
    }

    /// Whether `a` holds `n`: `a` is one of `n`'s ancestors (not `n` itself).
    pub fn holds(&self, a: NodeId, n: NodeId) -> bool {
        self.node(n)
            .parent
            .is_some_and(|p| is_ancestor(&self.nodes, a, p))
    }

    /// The elements of `id`'s kind among its parent's children, itself included: the same
    /// tag and the same `class`, which must not be empty (an element without a class is of
    /// no kind). Empty for an element without a class or a parent.
    pub fn like_siblings(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let node = self.node(id);
        let class = node.attr("class").filter(|c| !c.trim().is_empty());
        let first = class
            .and(node.parent)
            .and_then(|p| self.node(p).first_child);
        std::iter::successors(first, |&c| self.node(c).next_sibling).filter(move |&c| {
            let sibling = self.node(c);
            sibling.local_name() == node.local_name() && sibling.attr("class") == class
        })
    }

    /// The node with id `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The root (document) node id.
    pub fn root(&self) -> NodeId {
        0
    }

    /// Walks the subtree at `start` depth-first without recursion, calling `visit` on every
    /// enter and leave event. Returning `false` from an `Enter` skips the node's children
    /// (its `Leave` event still comes).
    pub fn walk(&self, start: NodeId, mut visit: impl FnMut(WalkEvent) -> bool) {
        let mut current = start;
        loop {
            let node = self.node(current);
            let descend = visit(WalkEvent::Enter(current));
            if descend {
                if let Some(child) = node.first_child {
                    current = child;
                    continue;
                }
            }
            // Leave this node, then climb until a node with a next sibling.
            loop {
                visit(WalkEvent::Leave(current));
                if current == start {
                    return;
                }
                let node = self.node(current);
                if let Some(next) = node.next_sibling {
                    current = next;
                    break;
                }
                match node.parent {
                    Some(parent) => current = parent,
                    None => return,
                }
            }
        }
    }

    /// Concatenated text of the subtree at `id` (no whitespace normalisation).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.walk(id, |event| {
            if let WalkEvent::Enter(n) = event {
                if let NodeData::Text(t) = &self.node(n).data {
                    out.push_str(t);
                }
            }
            true
        });
        out
    }

    /// Ids of every element named `tag` (HTML namespace), in document order.
    pub fn elements_named(&self, tag: &LocalName) -> Vec<NodeId> {
        let mut found = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            if let NodeData::Element { name, .. } = &node.data {
                if &name.local == tag && node.parent.is_some() {
                    found.push(i as NodeId);
                }
            }
        }
        // Arena order is creation order, which is document order for parsed (not moved)
        // nodes; sort by a walk position would be exact, but callers only need a stable set.
        found
    }
}

/// Whether `a` is `n` or one of its ancestors.
fn is_ancestor(nodes: &[Node], a: NodeId, n: NodeId) -> bool {
    let mut current = Some(n);
    while let Some(c) = current {
        if c == a {
            return true;
        }
        current = nodes[c as usize].parent;
    }
    false
}

/// The tree sink html5ever writes into.
struct ArenaSink {
    nodes: RefCell<Vec<Node>>,
    /// For each `<template>`'s contents node, the template element (to measure depth
    /// through templates).
    template_hosts: RefCell<HashMap<NodeId, NodeId>>,
}

impl ArenaSink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        (nodes.len() - 1) as NodeId
    }

    /// Depth of node `id` below the document (through template contents), counting no
    /// further than `cap + 1`.
    fn depth_capped(&self, id: NodeId, cap: usize) -> usize {
        let nodes = self.nodes.borrow();
        let hosts = self.template_hosts.borrow();
        let mut depth = 0;
        let mut current = id;
        while depth <= cap {
            let up = nodes[current as usize]
                .parent
                .or_else(|| hosts.get(&current).copied());
            match up {
                Some(next) => {
                    current = next;
                    depth += 1;
                }
                None => break,
            }
        }
        depth
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &mut nodes[id as usize];
            let links = (n.parent, n.prev_sibling, n.next_sibling);
            n.parent = None;
            n.prev_sibling = None;
            n.next_sibling = None;
            links
        };
        if let Some(p) = prev {
            nodes[p as usize].next_sibling = next;
        } else if let Some(parent) = parent {
            nodes[parent as usize].first_child = next;
        }
        if let Some(nx) = next {
            nodes[nx as usize].prev_sibling = prev;
        } else if let Some(parent) = parent {
            nodes[parent as usize].last_child = prev;
        }
    }

    fn append_node(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => nodes[l as usize].next_sibling = Some(child),
            None => nodes[parent as usize].first_child = Some(child),
        }
        nodes[parent as usize].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev_sibling)
        };
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
        }
        nodes[sibling as usize].prev_sibling = Some(child);
        match prev {
            Some(p) => nodes[p as usize].next_sibling = Some(child),
            None => {
                if let Some(parent) = parent {
                    nodes[parent as usize].first_child = Some(child);
                }
            }
        }
    }

    /// Appends text to `parent`, merging with a trailing text node.
    fn append_text(&self, parent: NodeId, text: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(last) = nodes[parent as usize].last_child {
            if let NodeData::Text(existing) = &mut nodes[last as usize].data {
                existing.push_tendril(&text);
                return;
            }
        }
        nodes.push(Node::new(NodeData::Text(text)));
        let id = (nodes.len() - 1) as NodeId;
        Self::append_node(&mut nodes, parent, id);
    }
}

impl TreeSink for ArenaSink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match &nodes[*target as usize].data {
                NodeData::Element { name, .. } => name,
                // html5ever only asks for names of elements it created.
                _ => &PLACEHOLDER_NAME,
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template_contents = if flags.template {
            Some(self.push(NodeData::Document))
        } else {
            None
        };
        let id = self.push(NodeData::Element {
            name,
            attrs,
            template_contents,
        });
        if let Some(contents) = template_contents {
            self.template_hosts.borrow_mut().insert(contents, id);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(node) => {
                Self::append_node(&mut self.nodes.borrow_mut(), *parent, node)
            }
            NodeOrText::AppendText(text) => self.append_text(*parent, text),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.nodes.borrow()[*target as usize].data {
            NodeData::Element {
                template_contents: Some(contents),
                ..
            } => *contents,
            // Not a template: give its own id, contents then land in the element itself,
            // which the blocks stage skips anyway.
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let node = match child {
            NodeOrText::AppendNode(node) => node,
            NodeOrText::AppendText(text) => {
                // Merge with a text node just before the sibling, as browsers do.
                let prev = self.nodes.borrow()[*sibling as usize].prev_sibling;
                if let Some(prev) = prev {
                    if let NodeData::Text(existing) =
                        &mut self.nodes.borrow_mut()[prev as usize].data
                    {
                        existing.push_tendril(&text);
                        return;
                    }
                }
                self.push(NodeData::Text(text))
            }
        };
        Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, new_attrs: Vec<Attribute>) {
        if let NodeData::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target as usize].data
        {
            for attr in new_attrs {
                // Bounded: repeated `<body a1 a2 …>` tags would otherwise grow the list
                // without end, each merge scanning all of it.
                if attrs.len() >= MAX_ATTRIBUTES {
                    break;
                }
                if !attrs.iter().any(|a| a.name == attr.name) {
                    attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(child) = nodes[*node as usize].first_child {
            Self::append_node(&mut nodes, *new_parent, child);
        }
    }
}

/// Sits between html5ever's tokenizer and tree builder and keeps the tree builder's stack of
/// open elements (and the tree) shallow; see the module documentation.
struct NestingGuard {
    builder: TreeBuilder<NodeId, ArenaSink>,
    /// End tags to drop, per name: the real end tags of elements the guard closed early.
    swallowed: RefCell<HashMap<LocalName, usize>>,
    /// Whether the current node is known to be at the depth limit (the guard closed an
    /// element there and nothing has moved the insertion point since): start tags are then
    /// dropped without reaching the tree builder, which would only make empty elements.
    at_limit: Cell<bool>,
}

impl NestingGuard {
    /// A guard over a fresh tree builder for a page of `bytes` bytes.
    fn for_page(bytes: usize) -> NestingGuard {
        // Pages hold about one node per 100 bytes of markup: room for that many saves the
        // arena most of its copies as it grows.
        let mut nodes = Vec::with_capacity((bytes / NODE_BYTES).clamp(16, MAX_RESERVED_NODES));
        nodes.push(Node::new(NodeData::Document));
        let sink = ArenaSink {
            nodes: RefCell::new(nodes),
            template_hosts: RefCell::new(HashMap::new()),
        };
        // Scripting off: `<noscript>` content is parsed as markup. Server-rendered forums
        // (Discourse) and lazy-loading sites put the whole document there for crawlers.
        let opts = TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        };
        NestingGuard {
            builder: TreeBuilder::new(sink, opts),
            swallowed: RefCell::new(HashMap::new()),
            at_limit: Cell::new(false),
        }
    }

    /// The tree built, once the input has ended.
    fn finish(self) -> Dom {
        let mut dom = self.builder.sink.finish();
        dom.place_streamed_segments();
        dom
    }
}

/// `text` with each CR and CRLF turned into LF, as html5ever's tokenizer reads its input.
fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Elements that never go on the stack of open elements (html5ever's void elements).
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("image")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

/// Elements whose content the tokenizer reads as raw text: an end tag of this name also
/// switches the tokenizer back, so the guard never sends or drops one.
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("plaintext")
    )
}

/// The formatting elements html5ever re-opens ("reconstructs") after they were closed by a
/// block.
fn is_formatting(name: &QualName) -> bool {
    name.ns == ns!(html)
        && matches!(
            name.local,
            local_name!("a")
                | local_name!("b")
                | local_name!("big")
                | local_name!("code")
                | local_name!("em")
                | local_name!("font")
                | local_name!("i")
                | local_name!("nobr")
                | local_name!("s")
                | local_name!("small")
                | local_name!("strike")
                | local_name!("strong")
                | local_name!("tt")
                | local_name!("u")
        )
}

fn tag(kind: TagKind, name: LocalName, attrs: Vec<Attribute>) -> Token {
    Token::TagToken(Tag {
        kind,
        name,
        self_closing: false,
        attrs,
        had_duplicate_attributes: false,
    })
}

impl NestingGuard {
    fn sink(&self) -> &ArenaSink {
        &self.builder.sink
    }

    /// Sends a token the input did not hold; its result is not needed (never raw text).
    fn inject(&self, token: Token, line: u64) {
        let _ = self.builder.process_token(token, line);
    }

    /// Forwards a start tag, then closes what the tag made too deep or re-opened in bulk.
    fn start_tag(&self, mut start: Tag, line: u64, may_reopen: bool) -> TokenSinkResult<NodeId> {
        let name = start.name.clone();
        if self.at_limit.get() && !is_void(&name) && !is_raw_text(&name) {
            *self.swallowed.borrow_mut().entry(name).or_insert(0) += 1;
            return TokenSinkResult::Continue;
        }
        self.at_limit.set(false);
        start.attrs.truncate(MAX_ATTRIBUTES);
        let self_closing = start.self_closing;
        let before = self.sink().nodes.borrow().len();
        let result = self.builder.process_token(Token::TagToken(start), line);
        if !matches!(result, TokenSinkResult::Continue) {
            if name == local_name!("iframe") && self.inside_noscript(before) {
                // A browser (scripting on) reads `<noscript>` as text, so an iframe there
                // ends with it; parsed as markup, a `<noscript><iframe/></noscript>` would
                // make the rest of the page the iframe's text. What an iframe holds is
                // never shown: it is closed at once.
                self.inject(tag(TagKind::EndTag, name, Vec::new()), line);
                return TokenSinkResult::Continue;
            }
            return result; // raw text follows: leave the tree builder alone
        }
        let (element, reopened) = self.created_since(before);
        // The element made for this tag, if it is now the current node.
        let element = element.and_then(|(id, qual)| {
            // Void elements, and self-closing ones in SVG or MathML, are popped at once.
            let pushed = if qual.ns == ns!(html) {
                !is_void(&qual.local)
            } else {
                !self_closing
            };
            let made_here = qual.local.eq_ignore_ascii_case(&name) && id != 0;
            (made_here && pushed && !is_raw_text(&qual.local)).then_some(id)
        });
        if reopened.len() > MAX_REOPENED && may_reopen {
            // Close the tag's element, the excess re-opened elements (innermost first, each
            // then the current node), and open the tag's element again inside the rest.
            let reopen = element.map(|id| {
                self.inject(tag(TagKind::EndTag, name.clone(), Vec::new()), line);
                match &self.sink().nodes.borrow()[id as usize].data {
                    NodeData::Element { attrs, .. } => attrs.clone(),
                    _ => Vec::new(),
                }
            });
            self.close_reopened(&reopened[MAX_REOPENED..], line);
            if let Some(attrs) = reopen {
                let again = Tag {
                    kind: TagKind::StartTag,
                    name,
                    self_closing,
                    attrs,
                    had_duplicate_attributes: false,
                };
                return self.start_tag(again, line, false);
            }
            return result;
        }
        if let Some(id) = element {
            if self.sink().depth_capped(id, MAX_DEPTH) > MAX_DEPTH {
                self.inject(tag(TagKind::EndTag, name.clone(), Vec::new()), line);
                *self.swallowed.borrow_mut().entry(name).or_insert(0) += 1;
                self.at_limit.set(true);
            }
        }
        result
    }

    /// Whether the last element created since arena index `before` sits inside a
    /// `<noscript>` element.
    fn inside_noscript(&self, before: usize) -> bool {
        let nodes = self.sink().nodes.borrow();
        let Some(offset) = nodes[before..]
            .iter()
            .rposition(|n| matches!(n.data, NodeData::Element { .. }))
        else {
            return false;
        };
        let mut current = nodes[before + offset].parent;
        while let Some(p) = current {
            let node = &nodes[p as usize];
            if node.local_name() == Some(&local_name!("noscript")) {
                return true;
            }
            current = node.parent;
        }
        false
    }

    /// The last element created since arena index `before` (with its name), and the
    /// formatting elements created before it (re-opened by the tree builder).
    fn created_since(&self, before: usize) -> (Option<(NodeId, QualName)>, Vec<LocalName>) {
        let nodes = self.sink().nodes.borrow();
        let mut last = None;
        let mut reopened = Vec::new();
        for (offset, node) in nodes[before..].iter().enumerate() {
            if let NodeData::Element { name, .. } = &node.data {
                if let Some((_, previous)) = last.replace(((before + offset) as NodeId, name)) {
                    if is_formatting(previous) {
                        reopened.push(previous.local.clone());
                    }
                }
            }
        }
        (last.map(|(id, name)| (id, name.clone())), reopened)
    }

    /// Closes re-opened formatting elements, innermost first.
    fn close_reopened(&self, names: &[LocalName], line: u64) {
        for name in names.iter().rev() {
            self.inject(tag(TagKind::EndTag, name.clone(), Vec::new()), line);
        }
    }
}

impl TokenSink for NestingGuard {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<NodeId> {
        match token {
            Token::TagToken(t) if t.kind == TagKind::StartTag => self.start_tag(t, line, true),
            Token::TagToken(t) => {
                if !is_raw_text(&t.name) {
                    let mut swallowed = self.swallowed.borrow_mut();
                    if let Some(count) = swallowed.get_mut(&t.name) {
                        *count -= 1;
                        if *count == 0 {
                            swallowed.remove(&t.name);
                        }
                        return TokenSinkResult::Continue;
                    }
                }
                self.at_limit.set(false);
                self.builder.process_token(Token::TagToken(t), line)
            }
            Token::CharacterTokens(_) | Token::NullCharacterToken => {
                let before = self.sink().nodes.borrow().len();
                let result = self.builder.process_token(token, line);
                if matches!(result, TokenSinkResult::Continue) {
                    // Text re-opens formatting elements: every created element is one.
                    let (last, mut reopened) = self.created_since(before);
                    if let Some((_, name)) = last {
                        // Something was opened: the insertion point moved.
                        self.at_limit.set(false);
                        if is_formatting(&name) {
                            reopened.push(name.local);
                        }
                    }
                    if reopened.len() > MAX_REOPENED {
                        self.close_reopened(&reopened[MAX_REOPENED..], line);
                    }
                }
                result
            }
            other => self.builder.process_token(other, line),
        }
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

/// How a tag ends, from [`scan_tag`].
struct TagEnd {
    /// Index after the tag's `>`, or the input's length.
    end: usize,
    /// Whether the tag ends with `>` (not at the end of the input).
    closed: bool,
    /// Whether it ends with `/>`.
    self_closing: bool,
    /// Where attribute `max + 1` starts, if the tag has that many.
    cut: Option<usize>,
}

/// Follows the tokenizer's tag states from `from` (just after `<` or `</`) to the tag's
/// end, counting attributes.
fn scan_tag(bytes: &[u8], from: usize, max: usize) -> TagEnd {
    scan_tag_attributes(bytes, from, max, |_| {})
}

/// Where one attribute of a tag lies in the input.
#[derive(Debug, Clone, Copy)]
struct AttributeSpan {
    /// Index of its name's first byte.
    start: usize,
    /// Index after its name.
    name_end: usize,
    /// Index after its value (after the name when it has none).
    end: usize,
}

/// [`scan_tag`], giving `on_attribute` each attribute the tag holds, in order.
fn scan_tag_attributes(
    bytes: &[u8],
    from: usize,
    max: usize,
    mut on_attribute: impl FnMut(AttributeSpan),
) -> TagEnd {
    let n = bytes.len();
    let mut i = from;
    while i < n && !is_html_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let mut count = 0usize;
    let mut cut = None;
    let unclosed = |cut| TagEnd {
        end: n,
        closed: false,
        self_closing: false,
        cut,
    };
    loop {
        while i < n && is_html_space(bytes[i]) {
            i += 1;
        }
        if i >= n {
            return unclosed(cut);
        }
        match bytes[i] {
            b'>' => {
                return TagEnd {
                    end: i + 1,
                    closed: true,
                    self_closing: false,
                    cut,
                }
            }
            b'/' => {
                i += 1;
                if bytes.get(i) == Some(&b'>') {
                    return TagEnd {
                        end: i + 1,
                        closed: true,
                        self_closing: true,
                        cut,
                    };
                }
            }
            _ => {
                count += 1;
                if count == max + 1 {
                    cut = Some(i);
                }
                // The name (a leading `=` belongs to it), then an optional value.
                let start = i;
                i += 1;
                while i < n && !is_html_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
                    i += 1;
                }
                let name_end = i;
                let mut end = i;
                while i < n && is_html_space(bytes[i]) {
                    i += 1;
                }
                if i < n && bytes[i] == b'=' {
                    i += 1;
                    while i < n && is_html_space(bytes[i]) {
                        i += 1;
                    }
                    match bytes.get(i) {
                        Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &bytes[i + 1..]) {
                            Some(at) => i += at + 2,
                            None => return unclosed(cut),
                        },
                        Some(b'>') | None => {}
                        Some(_) => {
                            while i < n && !is_html_space(bytes[i]) && bytes[i] != b'>' {
                                i += 1;
                            }
                        }
                    }
                    end = i;
                }
                on_attribute(AttributeSpan {
                    start,
                    name_end,
                    end,
                });
            }
        }
    }
}

/// Index just after the comment whose text starts at `from` (after `<!--`): comments end at
/// `-->` or `--!>`, and `<!-->` and `<!--->` are empty comments.
fn skip_comment(bytes: &[u8], from: usize) -> usize {
    if bytes[from..].starts_with(b">") {
        return from + 1;
    }
    if bytes[from..].starts_with(b"->") {
        return from + 2;
    }
    let mut i = from;
    while let Some(at) = memchr::memmem::find(&bytes[i..], b"--") {
        let dashes = i + at;
        match &bytes[dashes + 2..] {
            [b'>', ..] => return dashes + 3,
            [b'!', b'>', ..] => return dashes + 4,
            _ => i = dashes + 1,
        }
    }
    bytes.len()
}

/// Index just after the first `needle` at or after `from` (the input's length if none).
fn skip_past(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    memchr::memmem::find(&bytes[from.min(bytes.len())..], needle)
        .map_or(bytes.len(), |at| from + at + needle.len())
}

/// Index of the `<` of the end tag `</name` (ASCII case-insensitive) at or after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(at) = memchr::memchr(b'<', &bytes[i.min(bytes.len())..]) {
        let lt = i + at;
        let after = lt + 2 + name.len();
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes.len() >= after
            && bytes[lt + 2..after].eq_ignore_ascii_case(name)
            && bytes
                .get(after)
                .is_none_or(|&b| is_html_space(b) || b == b'/' || b == b'>')
        {
            return lt;
        }
        i = lt + 1;
    }
    bytes.len()
}

/// Drops the attributes past the `max`-th of every tag (the tag keeps its `>` or `/>`),
/// following the tokenizer's states for tags, comments and raw text well enough that real
/// tags are found. `for_extraction` also drops:
/// - every attribute of a start tag not in [`KEPT_ATTRIBUTES`];
/// - the text of `<style>` elements and of `<script>` elements whose `type` does not name
///   JSON, when their end tag is found and (for scripts) their text holds no `<!--`, which
///   could hide the end tag from the tokenizer.
///
/// Borrows the input when nothing is dropped.
fn limit_attributes(html: &str, max: usize, for_extraction: bool) -> Cow<'_, str> {
    const RAW: [&[u8]; 8] = [
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
    ];
    let bytes = html.as_bytes();
    // Room for the whole input: what is kept is copied without growing (the memory is only
    // touched as it is written).
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut spans: Vec<AttributeSpan> = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + at;
        i = lt + 1;
        let (name_start, end_tag) = match bytes.get(i) {
            Some(b'!') => {
                i = if bytes[i + 1..].starts_with(b"--") {
                    skip_comment(bytes, i + 3)
                } else {
                    skip_past(bytes, i, b">")
                };
                continue;
            }
            Some(b'?') => {
                i = skip_past(bytes, i, b">");
                continue;
            }
            Some(b'/') => match bytes.get(i + 1) {
                Some(c) if c.is_ascii_alphabetic() => (i + 1, true),
                Some(_) => {
                    i = skip_past(bytes, i, b">");
                    continue;
                }
                None => break,
            },
            Some(c) if c.is_ascii_alphabetic() => (i, false),
            _ => continue,
        };
        // A tag whose first `>` comes before any quote ends there, and it cannot hold more
        // than `max` attributes when that is under `2 * max` bytes on (each attribute but
        // the last takes a byte and a separator): no need to follow its states.
        let tag = match memchr::memchr3(b'>', b'"', b'\'', &bytes[name_start..]) {
            Some(at)
                if bytes[name_start + at] == b'>'
                    && at < 2 * max
                    && (!for_extraction
                        || end_tag
                        || !bytes[name_start..name_start + at]
                            .iter()
                            .any(|&b| is_html_space(b))) =>
            {
                TagEnd {
                    end: name_start + at + 1,
                    closed: true,
                    self_closing: false, // only read with a cut
                    cut: None,
                }
            }
            _ if for_extraction && !end_tag => {
                spans.clear();
                let tag = scan_tag_attributes(bytes, name_start, max, |a| spans.push(a));
                let unread = |a: &AttributeSpan| !is_kept_attribute(&bytes[a.start..a.name_end]);
                if tag.closed && spans.iter().any(unread) {
                    // The tag again, with the attributes that are read (at most `max`).
                    let name_end = spans[0].start;
                    out.push_str(&html[copied..name_end]);
                    for a in spans.iter().filter(|a| !unread(a)).take(max) {
                        out.push_str(&html[a.start..a.end]);
                        out.push(' ');
                    }
                    out.push_str(if tag.self_closing { "/>" } else { ">" });
                    copied = tag.end;
                    TagEnd { cut: None, ..tag }
                } else {
                    tag
                }
            }
            _ => scan_tag(bytes, name_start, max),
        };
        let end = tag.end;
        if let Some(cut) = tag.cut {
            out.push_str(&html[copied..cut]);
            if tag.closed {
                out.push_str(if tag.self_closing { "/>" } else { ">" });
            }
            copied = end;
        }
        i = end;
        if !end_tag {
            let name_end = bytes[name_start..end]
                .iter()
                .position(|&b| is_html_space(b) || b == b'/' || b == b'>')
                .map_or(end, |p| name_start + p);
            let name = &bytes[name_start..name_end];
            if let Some(raw) = RAW.iter().find(|r| r.eq_ignore_ascii_case(name)) {
                let body = i;
                i = find_end_tag(bytes, i, raw);
                let strip = for_extraction
                    && i < bytes.len()
                    && i > body
                    && tag.closed
                    && bytes[end - 2] != b'/'
                    && match *raw {
                        b"style" => true,
                        b"script" => {
                            !contains_ignore_ascii_case(&bytes[name_end..end], b"json")
                                && memchr::memmem::find(&bytes[body..i], b"<!--").is_none()
                        }
                        _ => false,
                    };
                if strip {
                    if copied < body {
                        out.push_str(&html[copied..body]);
                    }
                    copied = i;
                }
            }
        }
    }
    if copied == 0 {
        Cow::Borrowed(html)
    } else {
        out.push_str(&html[copied..]);
        Cow::Owned(out)
    }
}

/// Length of the longest name in [`KEPT_ATTRIBUTES`].
const LONGEST_KEPT_ATTRIBUTE: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < KEPT_ATTRIBUTES.len() {
        if KEPT_ATTRIBUTES[i].len() > longest {
            longest = KEPT_ATTRIBUTES[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether `name` (any ASCII case) is one of [`KEPT_ATTRIBUTES`].
fn is_kept_attribute(name: &[u8]) -> bool {
    name.len() <= LONGEST_KEPT_ATTRIBUTE
        && KEPT_ATTRIBUTES
            .iter()
            .any(|k| k.len() == name.len() && k.as_bytes().eq_ignore_ascii_case(name))
}

/// Whether `haystack` holds `needle` (ASCII, case-insensitive).
pub(crate) fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    contains_any_ignore_ascii_case(haystack, &[needle])
}

/// Whether `haystack` contains one of `needles`, ignoring ASCII case: one pass that compares a
/// needle only where its first letter stands.
pub(crate) fn contains_any_ignore_ascii_case(haystack: &[u8], needles: &[&[u8]]) -> bool {
    (0..haystack.len()).any(|i| {
        let first = haystack[i].to_ascii_lowercase();
        needles.iter().any(|needle| {
            needle.first().map(u8::to_ascii_lowercase) == Some(first)
                && haystack
                    .get(i..i + needle.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
    })
}

static PLACEHOLDER_NAME: std::sync::LazyLock<QualName> =
    std::sync::LazyLock::new(|| QualName::new(None, ns!(html), local_name!("span")));

/// Whether `tag` quotes another text: `<blockquote>` or `<q>`.
pub(crate) fn is_quotation_tag(tag: &LocalName) -> bool {
    matches!(*tag, local_name!("blockquote") | local_name!("q"))
}

/// Whether `tag` is a heading, `<h1>` to `<h6>`.
pub(crate) fn is_heading_tag(tag: &LocalName) -> bool {
    matches!(
        *tag,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn contains_any_ignoring_case_finds_needles_anywhere() {
        use super::{contains_any_ignore_ascii_case, contains_ignore_ascii_case};
        assert!(contains_any_ignore_ascii_case(
            b"HeroGraphic",
            &[b"mockup", b"graphic"]
        ));
        assert!(contains_any_ignore_ascii_case(b"tip", &[b"tip"]));
        assert!(contains_ignore_ascii_case(
            b"Content-Encoding: GZIP",
            b"Gzip"
        ));
        assert!(!contains_any_ignore_ascii_case(b"graphi", &[b"graphic"]));
        assert!(!contains_any_ignore_ascii_case(b"", &[b"tip"]));
        assert!(!contains_any_ignore_ascii_case(
            b"tooltop",
            &[b"tip", b"popover"]
        ));
    }

    #[test]
    fn like_siblings_share_the_tag_and_the_class() {
        let dom = Dom::parse(
            "<div><p class='a'>1</p><p class='a'>2</p><p class='b'>3</p><div class='a'>4</div>\
             <p>5</p><p>6</p></div>",
        );
        let ps = dom.elements_named(&html5ever::local_name!("p"));
        let kind: Vec<NodeId> = dom.like_siblings(ps[0]).collect();
        assert_eq!(kind, vec![ps[0], ps[1]]);
        assert_eq!(dom.like_siblings(ps[2]).count(), 1);
        // Without a class, an element is of no kind.
        assert_eq!(dom.like_siblings(ps[3]).count(), 0);
    }

    #[test]
    fn style_declarations_are_read_in_any_case_and_spacing() {
        assert!(style_declares(
            "color:red; DISPLAY : None !important",
            b"display",
            b"none"
        ));
        assert!(style_declares(
            "visibility:\thidden",
            b"visibility",
            b"hidden"
        ));
        assert!(!style_declares(
            "display:block; --none: 1",
            b"display",
            b"none"
        ));
        assert!(!style_declares("display", b"display", b"none"));
        assert!(!style_declares("", b"display", b"none"));
    }

    use super::*;

    fn tags_in_order(dom: &Dom) -> Vec<String> {
        let mut out = Vec::new();
        dom.walk(dom.root(), |e| {
            if let WalkEvent::Enter(n) = e {
                if let Some(name) = dom.node(n).local_name() {
                    out.push(name.to_string());
                }
            }
            true
        });
        out
    }

    #[test]
    fn parses_and_walks_in_document_order() {
        let dom = Dom::parse("<p>a<b>b</b></p><div>c</div>");
        assert_eq!(
            tags_in_order(&dom),
            ["html", "head", "body", "p", "b", "div"]
        );
        assert_eq!(dom.text_content(dom.root()), "abc");
    }

    #[test]
    fn misnested_markup_is_repaired() {
        let dom = Dom::parse("<b><p>x</b>y</p><table>z<tr><td>1</td></tr></table>");
        let text = dom.text_content(dom.root());
        assert!(text.contains('x') && text.contains('y') && text.contains('z'));
    }

    #[test]
    fn deep_nesting_walks_without_recursion() {
        let html = "<div>".repeat(5_000) + "deep" + &"</div>".repeat(5_000);
        let dom = Dom::parse(&html);
        assert!(dom.text_content(dom.root()).contains("deep"));
        drop(dom); // dropping a flat Vec cannot overflow the stack
    }

    /// The tree as text: one line per node, indented by depth.
    fn outline(dom: &Dom) -> String {
        outline_with(dom, false)
    }

    /// [`outline`]; `for_extraction` leaves out the text of `<script>` and `<style>` elements
    /// and the attributes [`Dom::parse_document`] drops.
    fn outline_with(dom: &Dom, for_extraction: bool) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        dom.walk(dom.root(), |e| {
            match e {
                WalkEvent::Enter(n) => {
                    let node = dom.node(n);
                    let in_raw = node.parent.is_some_and(|p| {
                        matches!(
                            dom.node(p).local_name(),
                            Some(&local_name!("script") | &local_name!("style"))
                        )
                    });
                    let label = match &node.data {
                        NodeData::Document => "#document".to_string(),
                        NodeData::Other => "#other".to_string(),
                        // Dropped text leaves no text node: raw text counts as absent.
                        NodeData::Text(_) if for_extraction && in_raw => String::new(),
                        NodeData::Text(t) => format!("{:?}", &**t),
                        NodeData::Element { name, attrs, .. } => {
                            let attrs: Vec<String> = attrs
                                .iter()
                                .filter(|a| {
                                    !for_extraction || KEPT_ATTRIBUTES.contains(&&*a.name.local)
                                })
                                .map(|a| format!("{}={:?}", a.name.local, &*a.value))
                                .collect();
                            format!("<{} {}>", name.local, attrs.join(" "))
                        }
                    };
                    if !label.is_empty() {
                        out.push_str(&" ".repeat(depth));
                        out.push_str(&label);
                        out.push('\n');
                    }
                    depth += 1;
                }
                WalkEvent::Leave(_) => depth -= 1,
            }
            true
        });
        out
    }

    /// Parses with html5ever's own driver, without the guard.
    fn parse_unguarded(html: &str) -> Dom {
        use html5ever::tendril::TendrilSink;
        let sink = ArenaSink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            template_hosts: RefCell::new(HashMap::new()),
        };
        let opts = html5ever::ParseOpts {
            tree_builder: TreeBuilderOpts {
                scripting_enabled: false,
                ..Default::default()
            },
            ..Default::default()
        };
        html5ever::parse_document(sink, opts).one(StrTendril::from_slice(html))
    }

    #[test]
    fn ordinary_markup_parses_as_without_the_guard() {
        let mut pages = vec![
            "<p>a<b>b<i>c</b>d</i>e</p>".to_string(),
            "<table><tr><td>1<td>2</table><p>x".to_string(),
            "<a href=1>one<a href=2>two</a><p><b>bold</p>still".to_string(),
            "<svg><g><path/></g><foreignObject><p>x</p></foreignObject></svg>y".to_string(),
            "<script>if (a<b) {}</script><!-- <div> --><textarea><p></textarea>".to_string(),
            "<template><div>t</div></template><select><option>o</select>".to_string(),
            "<ul><li>a<li>b<ul><li>c</ul></ul><dl><dt>t<dd>d</dl>".to_string(),
            "<p>x\r\ny</p><pre>\ncode</pre>&amp;&lt;&#x41;&notin;".to_string(),
            "<div>".repeat(300) + "deep" + &"</div>".repeat(300),
            "<p><font size=1>".repeat(20) + "text",
        ];
        // Longer than one parser slice, cut anywhere.
        pages.push("<p>caf\u{e9} <b>&amp;</b> \r\n".repeat(PARSE_SLICE / 8));
        for page in &pages {
            assert_eq!(
                outline(&Dom::parse(page)),
                outline(&parse_unguarded(page)),
                "{page:.80}"
            );
        }
    }

    #[test]
    fn corpus_pages_parse_as_without_the_guard() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/html");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let page = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                assert_eq!(
                    outline(&Dom::parse(&page)),
                    outline(&parse_unguarded(&page)),
                    "{}",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn the_extraction_parse_differs_only_in_unread_attributes_and_raw_text() {
        let mut pages = vec![
            "<p data-x=1 class=a onclick='f()' id=b>t</p><img src=x alt=y>".to_string(),
            "<div/class=a data-k>x</div><br data-a/>y<input type=hidden data-b>".to_string(),
            "<script>if (a<b) {}</script><style>p>a{}</style><p>after".to_string(),
            "<script type='application/ld+json'>{\"@type\":\"Article\"}</script>".to_string(),
            "<script><!--<script>x</script>--></script><p>kept".to_string(),
            "<svg viewBox='0 0 1 1'><style/><p>x</p><path d='M0'/></svg>".to_string(),
            "<math><annotation-xml encoding='text/html'><p>x</p></annotation-xml></math>"
                .to_string(),
            "<svg><font color=red>out</font></svg><template shadowrootmode=open>s</template>"
                .to_string(),
            "<p title='a>b' data-q=\"'\">q</p><script src=a></script><p x".to_string(),
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/html");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                pages.push(String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned());
            }
        }
        for page in &pages {
            let full = Dom::parse(page);
            let document = Dom::parse_document(page, None).unwrap();
            assert_eq!(
                outline_with(&document, true),
                outline_with(&full, true),
                "{page:.80}"
            );
        }
        // What goes and what stays.
        let text = |html: &str| {
            let dom = Dom::parse_document(html, None).unwrap();
            dom.text_content(dom.root())
        };
        assert_eq!(
            text("<script>var a = 1;</script><style>p{}</style><p>t"),
            "t"
        );
        assert!(text("<script type=\"application/ld+json\">{}</script>").contains("{}"));
        assert!(text("<script><!--<script>x</script>--></script>").contains("<!--"));
        // A script never closed is not cut.
        assert!(text("<p>t<script>var a;").contains("var a;"));
        let dom = Dom::parse_document("<p data-x=1 class=a>t</p>", None).unwrap();
        let p = dom.elements_named(&local_name!("p"))[0];
        assert_eq!(dom.node(p).attr("class"), Some("a"));
        assert_eq!(dom.node(p).attr("data-x"), None);
    }

    /// The tree the byte scanner builds from `html` (no prepass), or `None` when it leaves
    /// the page to html5ever's tokenizer.
    fn scanned(html: &str) -> Option<Dom> {
        let text = normalize_newlines(html);
        let guard = NestingGuard::for_page(text.len());
        scan::scan(&text, &guard, None)
            .ok()
            .map(|()| guard.finish())
    }

    /// The tree html5ever's own tokenizer builds from `html` (no prepass).
    fn tokenized_by_html5ever(html: &str) -> Dom {
        Dom::parse_prepared(Cow::Borrowed(html), None).unwrap()
    }

    #[test]
    fn the_scanner_builds_the_tree_html5evers_tokenizer_builds() {
        let pages = [
            // Character references: named (longest match, legacy names without `;`, in
            // text and in attributes), numeric (hex, decimal, out of range, C1, none).
            "<p>&amp; &amp &ampx &notit; &notin; &not &copy2024 &AMP; &Aacute &zzzz; &; & a&b",
            "<p>&#65; &#x41; &#X41 &#; &#x; &#xg; &#0; &#128; &#x80; &#x9D; &#x110000; &#55296;",
            "<p>&#99999999999; &#x0000041; &#65 &#65x &lt;b&gt; &nbsp;&NotEqualTilde; &fjlig;",
            "<a href=x&amp;y title='&notit' data-x=\"&ampx\" b=&copy= c=&copy d id='&#39;&quot;'>",
            "<a title='&amp' alt=\"&amp;x\" name=&lt;>t</a><p title=&notin;x>t",
            // Attributes: duplicates, odd names, no spaces, no values, case, slashes.
            "<p class=a class=b id=\"x\"ID=y CLASS=z>t</p><div  / class=a/ >u</div>",
            "<br/><img src=a/><a =b>x</a><a ==b>y</a><a \"b\"=c>z</a><a b='c'd=e>w</a>",
            "<A HREF=X>t</A><DIV Class='One'>u</DIV><p class = 'a' id= b >v</p><p x=>y",
            "<p a='1'/b='2'>x</p><p/a>y</p><p a b c=1 d>z</p><input value=\"a\nb\">",
            // End tags with attributes, odd end tags, bogus comments, comments.
            "<p>a</p foo=bar><p>b</P ><p>c</></ x>d<?xml version='1.0'?><!x>e</3>f",
            "<!--><p>a<!---><p>b<!----><p>c<!-- a -- b --!> c --><p>d<!--a---><p>e<!-- <!-- -->",
            "<p>a <!-- x --!x --> b <!--->--> c <!-- - --- ---->d</p>",
            // Doctypes.
            "<!DOCTYPE html><table><p>x</table>",
            "<!doctype HTML ><p>x<table>y</table>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \
             \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><p><table>x</table>",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table>x</table>",
            "<!DOCTYPE html SYSTEM 'about:legacy-compat'><p><table>x</table>",
            "<p><table>quirks without a doctype</table>",
            // Raw text: RCDATA with references, RAWTEXT, and almost-end tags.
            "<title>a &amp; <b> </titlex> </title2> </title >t<textarea>x&lt;</TEXTAREA>",
            "<style>p>a{}</style ><xmp><b>&amp;</xmp><iframe><p>x</iframe><noembed><i></noembed>",
            "<noframes><p></noframes><noscript><p>shown</noscript><textarea>\nfirst</textarea>",
            // Script data and its escaped states.
            "<script>if(a<b)</script><script>a</scriptx>b</script><script></script >",
            "<script><!-- x </script>after<script><!--<script>x</script>--></script><p>kept",
            "<script><!--<script>x</script>y</script>z-->w</script><p>k",
            "<script>a<!--b-->c</script><script>--></script><script><!-- -- ->x</script>",
            "<script><!--<scriptx></script>y<script><!--<script></script-->z</script>",
            "<script><!--<script>--></script></script><p>a</p>",
            "<p>t<script>var a;",
            // Text with `<` that opens nothing, foreign content, tables, formatting.
            "a < b <3 c <= d <\u{e9} x<",
            "<svg><title>a</title><style>p{}</style><g/><p>x</svg><math><mi>y</mi></math>",
            "<table><tr><td>a</td>b</tr>c</table><p><b><i>x</p>y</b>z",
            "<ul><li>a<li>b</ul><select><option>o<p>x</select><frameset>",
            "a\r\nb\rc<p class='x\r\ny'>d\r</p>\r",
            "<p class=\"\u{e9}\">\u{fc} &eacute;</p><caf\u{e9} x=1>t</caf\u{e9}>",
            "\u{feff}<p>after a byte order mark",
            "<template><p>t</template><p>x<pre>\nline</pre><listing>\nl</listing>",
        ];
        for page in pages {
            let scanned = scanned(page).unwrap_or_else(|| panic!("left to html5ever: {page}"));
            assert_eq!(
                outline(&scanned),
                outline(&tokenized_by_html5ever(page)),
                "{page}"
            );
        }
        // What the scanner leaves to html5ever still parses the same through
        // `Dom::parse_document`.
        let left = [
            "a\0b<p x='\0'>",
            "<svg><![CDATA[x<y]]></svg>",
            "<plaintext><p>x",
            "<p class=\"a",
            "<div",
            "<!-- x",
            "<!x",
            "</",
            "<!DOCTYPE>",
            "<!DOCTYPE html PUBLIC>",
            "<!DOCTYPEhtml>",
        ];
        for page in left {
            assert!(scanned(page).is_none(), "{page}");
            assert_eq!(
                outline_with(&Dom::parse_document(page, None).unwrap(), true),
                outline_with(&tokenized_by_html5ever(page), true),
                "{page}"
            );
        }
    }

    /// The scanner on the benchmark's pages, when they are beside the clone: every tenth
    /// page gives the tree html5ever's tokenizer gives.
    #[test]
    fn the_scanner_builds_html5evers_tree_on_benchmark_pages() {
        use std::io::Read;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench/wcxb-dev/html");
        let Ok(entries) = std::fs::read_dir(dir) else {
            eprintln!("skipped: {dir} is absent");
            return;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths.iter().step_by(10) {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
                .read_to_end(&mut bytes)
                .unwrap();
            let page = String::from_utf8_lossy(&bytes);
            let prepared = limit_attributes(&page, MAX_ATTRIBUTES, true);
            if let Some(dom) = scanned(&prepared) {
                assert_eq!(
                    outline(&dom),
                    outline(&tokenized_by_html5ever(&prepared)),
                    "{}",
                    path.display()
                );
            }
        }
    }

    /// A parse error is a token: a newline after `<pre>` or `<textarea>` that follows one is
    /// kept, as html5ever's tokenizer keeps it.
    #[test]
    fn a_newline_after_a_parse_error_in_a_pre_or_textarea_is_kept_as_html5ever_keeps_it() {
        for page in [
            "<textarea>&#xA<p>",
            "<textarea>&#xA;<p>",
            "<textarea>&#10x",
            "<textarea>&#10;x",
            "<pre>&#xA<p>",
            "<pre>&#x0a;x",
            "<pre></>\nx",
            "<textarea></>\nx",
            "<pre>&#xFFFD;\nx",
            "<pre>&#x80;\nx",
            "<pre>&amp\nx",
            "<pre>&#\nx",
            "<pre>&foo;\nx",
        ] {
            let dom = scanned(page).expect(page);
            assert_eq!(
                outline(&dom),
                outline(&tokenized_by_html5ever(page)),
                "{page}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10000))]
        /// Pages stitched from pieces of markup that meet the tokenizer's states: where
        /// the scanner reads a page, its tree is html5ever's.
        #[test]
        fn the_scanner_agrees_with_html5ever_on_stitched_markup(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "<p>", "</p>", "<div class=a>", "</div>", "<a href='x'>", "</a>", "<b>", "</b>",
                "<table>", "<tr>", "<td>", "</table>", "<li>", "<ul>", "<title>", "</title>",
                "<textarea>", "</textarea>", "<script>", "</script>", "<style>", "</style>",
                "<svg>", "</svg>", "<math>", "<xmp>", "</xmp>", "<iframe>", "</iframe>",
                "<!--", "-->", "--!>", "-", "--", "<!-- c -->", "<!x>", "<?p?>", "</ x>", "</>",
                "<!DOCTYPE html>", "&amp;", "&amp", "&not", "&notin;", "&#65;", "&#x", "&#",
                "&", ";", "=", "'", "\"", "<", ">", "/", " ", "\n", "\r\n", "x", "A", "1",
                "<br/>", "<img alt=\"a>b\">", "<p id=x id=y>", "<P CLASS=B>", "<a b c=d>",
                "<!--<script>", "</script-->", "<script><!--", "\u{e9}", "<template>",
                "</template>", "<select>", "<option>", "<noscript>", "</noscript>",
            ]), 0..40)
        ) {
            let page: String = pieces.concat();
            if let Some(dom) = scanned(&page) {
                proptest::prop_assert_eq!(outline(&dom), outline(&tokenized_by_html5ever(&page)));
            }
        }
    }

    /// Every attribute the pipeline reads is one the extraction parse keeps.
    #[test]
    fn attributes_read_by_the_pipeline_are_kept() {
        fn visit(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    visit(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in source.match_indices("attr(\"") {
                        let rest = &source[at + 6..];
                        let name = &rest[..rest.find('"').unwrap()];
                        let is_name = name
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'));
                        if is_name && !name.is_empty() {
                            found.push(name.to_string());
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        visit(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            &mut found,
        );
        assert!(found.iter().any(|n| n == "class"), "{found:?}");
        for name in found {
            // This module's tests read `a0` from a full parse and check that `data-x` is gone.
            assert!(
                ["a0", "data-x"].contains(&name.as_str())
                    || KEPT_ATTRIBUTES.contains(&name.as_str()),
                "attr(\"{name}\") is read but not in KEPT_ATTRIBUTES"
            );
        }
    }

    fn max_depth(dom: &Dom) -> usize {
        let (mut depth, mut max) = (0usize, 0usize);
        dom.walk(dom.root(), |e| {
            match e {
                WalkEvent::Enter(_) => {
                    depth += 1;
                    max = max.max(depth);
                }
                WalkEvent::Leave(_) => depth -= 1,
            }
            true
        });
        max
    }

    #[test]
    fn nesting_is_capped_and_text_kept() {
        for (open, close) in [
            ("<div>", "</div>"),
            ("<b>", "</b>"),
            ("<span class=x>", "</span>"),
            ("<table><tr><td>", "</td></tr></table>"),
            ("<ul><li>", "</li></ul>"),
            ("<template>", "</template>"),
            ("<svg><g>", "</g></svg>"),
        ] {
            let html = open.repeat(20_000) + "deep" + &close.repeat(20_000) + "after";
            let dom = Dom::parse(&html);
            let text = dom.text_content(dom.root());
            // Template contents hang off the tree (the walk does not reach them).
            let in_template = open == "<template>";
            assert!(text.contains("deep") || in_template, "{open}");
            assert!(text.contains("after"), "{open}");
            assert!(
                max_depth(&dom) <= MAX_DEPTH + 8,
                "{open}: {}",
                max_depth(&dom)
            );
        }
    }

    #[test]
    fn elements_past_the_limit_flow_into_the_limit() {
        let html = "<div>".repeat(MAX_DEPTH + 10) + "<p>one</p><p>two</p>";
        let dom = Dom::parse(&html);
        let text = dom.text_content(dom.root());
        assert!(text.contains("onetwo"), "{text}");
        // The closing tags of the dropped elements do not close the kept ones: what follows
        // them lands outside all the divs.
        let html = "<div>".repeat(MAX_DEPTH + 10)
            + "in"
            + &"</div>".repeat(MAX_DEPTH + 10)
            + "<p id=out>out</p>";
        let dom = Dom::parse(&html);
        let p = dom.elements_named(&local_name!("p"))[0];
        let parent = dom.node(p).parent.unwrap();
        assert_eq!(dom.node(parent).local_name(), Some(&local_name!("body")));
    }

    #[test]
    fn self_closed_iframe_in_noscript_does_not_swallow_the_page() {
        let dom = Dom::parse(
            "<body><noscript><iframe src='x' height='0' /></noscript><p>After the tag.</p></body>",
        );
        let p = dom.elements_named(&local_name!("p"));
        assert_eq!(p.len(), 1);
        assert_eq!(dom.text_content(p[0]), "After the tag.");
    }

    #[test]
    fn streamed_segments_replace_their_placeholders() {
        let dom = Dom::parse(
            "<body><main><section><!--$?--><template id='B:0'></template><p>Loading</p>\
             <!--/$--></section><section><h2>Second</h2></section></main>\
             <div hidden id='S:0'><h2>First</h2><p>Streamed late.</p></div></body>",
        );
        let main = dom.elements_named(&local_name!("main"))[0];
        assert_eq!(dom.text_content(main), "FirstStreamed late.Second");
        let first = dom.elements_named(&local_name!("h2"))[1];
        let section = dom.node(first).parent.unwrap();
        assert_eq!(
            dom.node(section).local_name(),
            Some(&local_name!("section"))
        );
        // A segment without a placeholder stays where it is.
        let dom = Dom::parse("<body><p>a</p><div hidden id='S:3'><p>b</p></div></body>");
        assert_eq!(dom.text_content(dom.root()), "ab");
    }

    #[test]
    fn reopened_formatting_is_capped() {
        let mut html = String::new();
        for i in 0..2_000 {
            html.push_str(&format!("<p><b id={i}>x{i}</p>"));
        }
        let dom = Dom::parse(&html);
        assert!(
            dom.nodes.len() < 2_000 * (MAX_REOPENED + 8),
            "{}",
            dom.nodes.len()
        );
        let text = dom.text_content(dom.root());
        assert!(text.contains("x0") && text.contains("x1999"));
    }

    #[test]
    fn attributes_past_the_limit_are_dropped() {
        let attrs: String = (0..1_000).map(|i| format!(" a{i}='{i}'")).collect();
        let dom = Dom::parse(&format!("<p{attrs}>kept</p><br{attrs}/>after"));
        let p = dom.elements_named(&local_name!("p"))[0];
        match &dom.node(p).data {
            NodeData::Element { attrs, .. } => assert_eq!(attrs.len(), MAX_ATTRIBUTES),
            _ => unreachable!(),
        }
        assert_eq!(dom.node(p).attr("a0"), Some("0"));
        assert!(dom.text_content(dom.root()).contains("keptafter"));
        // Tags in comments and scripts are not tags; `>` inside quotes does not end a tag.
        let html = format!("<!--<p{attrs}>--><script>'<p{attrs}>'</script><p x='>'{attrs}>t");
        let limited = limit_attributes(&html, MAX_ATTRIBUTES, false);
        assert!(limited.starts_with(&format!("<!--<p{attrs}>--><script>'<p{attrs}>'</script>")));
        assert!(
            limited.ends_with("a254='254' >t"),
            "{}",
            &limited[limited.len() - 40..]
        );
        // A tag cut by the end of the input stays unclosed.
        let unclosed = format!("<p{attrs}");
        let limited = limit_attributes(&unclosed, MAX_ATTRIBUTES, false);
        assert!(
            limited.ends_with("a255='255' "),
            "{}",
            &limited[limited.len() - 40..]
        );
        assert!(matches!(
            limit_attributes("<p a b>", 5, false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn parse_stops_at_a_passed_deadline() {
        let html = "<p>x</p>".repeat(10_000);
        let past = Instant::now() - std::time::Duration::from_secs(1);
        assert!(Dom::parse_until(&html, Some(past)).is_none());
        assert!(Dom::parse_until(&html, None).is_some());
    }

    #[test]
    fn attributes_are_readable() {
        let dom = Dom::parse(r#"<div id="main" class="a b">x</div>"#);
        let div = dom.elements_named(&local_name!("div"))[0];
        assert_eq!(dom.node(div).attr("id"), Some("main"));
        assert_eq!(dom.node(div).attr("class"), Some("a b"));
    }
}
