//! A lean arena DOM built by html5ever, the input of the **blocks** stage.
//!
//! Nodes live in one `Vec` and refer to each other by index, so the tree is cheap to build,
//! is freed in one go (no recursive drop that can overflow on deep nesting) and can be walked
//! without recursion. This module only builds and walks the tree: it makes no judgement about
//! what is content.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};

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
        let sink = ArenaSink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
        };
        // Scripting off: `<noscript>` content is parsed as markup. Server-rendered forums
        // (Discourse) and lazy-loading sites put the whole document there for crawlers.
        let opts = html5ever::ParseOpts {
            tree_builder: html5ever::tree_builder::TreeBuilderOpts {
                scripting_enabled: false,
                ..Default::default()
            },
            ..Default::default()
        };
        html5ever::parse_document(sink, opts).one(StrTendril::from_slice(html))
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

/// The tree sink html5ever writes into.
struct ArenaSink {
    nodes: RefCell<Vec<Node>>,
}

impl ArenaSink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        (nodes.len() - 1) as NodeId
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
        self.push(NodeData::Element {
            name,
            attrs,
            template_contents,
        })
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

static PLACEHOLDER_NAME: std::sync::LazyLock<QualName> =
    std::sync::LazyLock::new(|| QualName::new(None, ns!(html), local_name!("span")));

#[cfg(test)]
mod tests {
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

    #[test]
    fn attributes_are_readable() {
        let dom = Dom::parse(r#"<div id="main" class="a b">x</div>"#);
        let div = dom.elements_named(&local_name!("div"))[0];
        assert_eq!(dom.node(div).attr("id"), Some("main"));
        assert_eq!(dom.node(div).attr("class"), Some("a b"));
    }
}
