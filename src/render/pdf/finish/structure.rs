//! The structure tree: one StructElem per element layout recorded, the parent
//! tree that maps marked content and annotations back to their elements, and
//! the page entries (`/StructParents`, `/Tabs /S`) that tie them together.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::metadata::text_string;
use crate::render::pdf::tags::{Kid, NodeId, Scope, StructRole, StructTree};

/// An annotation already written as an indirect object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlacedAnnot {
    pub(crate) id: ObjectId,
    /// 0-based page.
    pub(crate) page: usize,
    /// Its index on that page in [`crate::render::pdf::tags::LaidOut::annotations`].
    pub(crate) index: usize,
    /// Its `/StructParent` key in the parent tree.
    pub(crate) key: i64,
    /// The element layout said it belongs to.
    pub(crate) node: NodeId,
}

/// Structure element object ids, allocated before annotations are written so
/// both sides can refer to each other.
pub(crate) struct Elements {
    /// `ids[node]`, `None` for nodes not reachable from the root.
    ids: Vec<Option<ObjectId>>,
    /// Reachable nodes in depth-first (reading) order.
    order: Vec<NodeId>,
}

impl Elements {
    /// Allocates an object id for every element reachable from the root;
    /// dangling kid references and cycles are ignored rather than trusted.
    pub(crate) fn allocate(lo: &mut Document, tree: &StructTree) -> Elements {
        let mut ids = vec![None; tree.nodes.len()];
        let mut order = Vec::new();
        let mut stack = vec![StructTree::ROOT];
        while let Some(n) = stack.pop() {
            if n >= tree.nodes.len() || ids[n].is_some() {
                continue;
            }
            ids[n] = Some(lo.new_object_id());
            order.push(n);
            for kid in tree.nodes[n].kids.iter().rev() {
                if let Kid::Node(k) = kid {
                    stack.push(*k);
                }
            }
        }
        Elements { ids, order }
    }

    /// The element for `node`, if it is in the tree.
    pub(crate) fn id(&self, node: NodeId) -> Option<ObjectId> {
        self.ids.get(node).copied().flatten()
    }
}

/// Above this an MCID is taken for a layout bug and left out of the tree
/// (the structure checker then reports the untagged content).
const MAX_MCID: u32 = 1 << 20;

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

fn role_name(role: &StructRole) -> String {
    match role {
        StructRole::Document => "Document".into(),
        StructRole::Sect => "Sect".into(),
        StructRole::H(n) => format!("H{}", n.clamp(&1, &6)),
        StructRole::P => "P".into(),
        StructRole::L | StructRole::LDecimal => "L".into(),
        StructRole::LI => "LI".into(),
        StructRole::Lbl => "Lbl".into(),
        StructRole::LBody => "LBody".into(),
        StructRole::Table => "Table".into(),
        StructRole::TR => "TR".into(),
        StructRole::TH(_) => "TH".into(),
        StructRole::TD => "TD".into(),
        StructRole::Figure { .. } => "Figure".into(),
        StructRole::Link => "Link".into(),
        StructRole::Form => "Form".into(),
        StructRole::Span => "Span".into(),
    }
}

/// Standard attributes (PDF 1.7, 14.8.5) the role needs.
fn attributes(role: &StructRole) -> Option<Dictionary> {
    let mut a = Dictionary::new();
    match role {
        StructRole::TH(scope) => {
            a.set("O", name("Table"));
            let s = match scope {
                Scope::Column => "Column",
                Scope::Row => "Row",
            };
            a.set("Scope", name(s));
        }
        StructRole::Figure { bbox, .. } => {
            a.set("O", name("Layout"));
            a.set(
                "BBox",
                Object::Array(bbox.iter().map(|&v| Object::Real(v)).collect()),
            );
            a.set("Placement", name("Block"));
        }
        StructRole::L | StructRole::LDecimal => {
            a.set("O", name("List"));
            let numbering = if *role == StructRole::L {
                "Disc"
            } else {
                "Decimal"
            };
            a.set("ListNumbering", name(numbering));
        }
        _ => return None,
    }
    Some(a)
}

/// Writes every element, the StructTreeRoot and the parent tree, sets
/// `/StructParents` and `/Tabs /S` on each page, and returns the root's id.
/// An annotation that no element lists as a kid is attached to its own
/// `node` (or the root element), so every annotation is reachable.
pub(crate) fn build(
    lo: &mut Document,
    tree: &StructTree,
    elems: &Elements,
    pages: &[ObjectId],
    annots: &[PlacedAnnot],
) -> ObjectId {
    let root = lo.new_object_id();
    let by_slot: HashMap<(usize, usize), &PlacedAnnot> =
        annots.iter().map(|a| ((a.page, a.index), a)).collect();
    // Which element holds each annotation's OBJR (first claim wins).
    let mut owner: HashMap<(usize, usize), NodeId> = HashMap::new();
    for &n in &elems.order {
        for kid in &tree.nodes[n].kids {
            if let Kid::Annot { page, index } = kid {
                if by_slot.contains_key(&(*page, *index)) {
                    owner.entry((*page, *index)).or_insert(n);
                }
            }
        }
    }
    let mut extra: HashMap<NodeId, Vec<&PlacedAnnot>> = HashMap::new();
    for a in annots {
        if let std::collections::hash_map::Entry::Vacant(slot) = owner.entry((a.page, a.index)) {
            let n = if elems.id(a.node).is_some() {
                a.node
            } else {
                StructTree::ROOT
            };
            slot.insert(n);
            extra.entry(n).or_default().push(a);
        }
    }

    let mut mcids: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for &n in &elems.order {
        let node = &tree.nodes[n];
        let me = elems.ids[n].expect("ordered nodes are allocated");
        let first_page = node.kids.iter().find_map(|k| match k {
            Kid::Content { page, .. } | Kid::Annot { page, .. } if *page < pages.len() => {
                Some(*page)
            }
            _ => None,
        });
        let mut k = Vec::new();
        for kid in &node.kids {
            match *kid {
                Kid::Node(c) => {
                    if let Some(id) = elems.id(c) {
                        k.push(Object::Reference(id));
                    }
                }
                // MCIDs run 0, 1, 2, … per page; an absurd one would make an absurd array.
                Kid::Content { page, mcid } if page < pages.len() && mcid < MAX_MCID => {
                    let slots = &mut mcids[page];
                    let i = mcid as usize;
                    if slots.len() <= i {
                        slots.resize(i + 1, Object::Null);
                    }
                    slots[i] = Object::Reference(me);
                    if Some(page) == first_page {
                        k.push(Object::Integer(mcid.into()));
                    } else {
                        let mut mcr = Dictionary::new();
                        mcr.set("Type", name("MCR"));
                        mcr.set("Pg", Object::Reference(pages[page]));
                        mcr.set("MCID", Object::Integer(mcid.into()));
                        k.push(Object::Dictionary(mcr));
                    }
                }
                Kid::Annot { page, index } if owner.get(&(page, index)) == Some(&n) => {
                    if let Some(a) = by_slot.get(&(page, index)) {
                        k.push(objr(a, pages));
                    }
                }
                _ => {}
            }
        }
        for a in extra.get(&n).into_iter().flatten() {
            k.push(objr(a, pages));
        }
        let mut d = Dictionary::new();
        // /Type is optional for structure elements (PDF 1.7, table 323);
        // leaving it out saves ~17 bytes on each of hundreds of elements.
        d.set("S", name(&role_name(&node.role)));
        let parent = node.parent.and_then(|p| elems.id(p)).unwrap_or(root);
        d.set(
            "P",
            Object::Reference(if n == StructTree::ROOT { root } else { parent }),
        );
        if let Some(p) = first_page {
            d.set("Pg", Object::Reference(pages[p]));
        }
        d.set("K", Object::Array(k));
        if let Some(t) = &node.title {
            d.set("T", text_string(t));
        }
        let alt = match &node.role {
            StructRole::Figure { alt, .. } => Some(alt),
            _ => node.alt.as_ref(),
        };
        if let Some(alt) = alt {
            d.set("Alt", text_string(alt));
        }
        if let Some(lang) = &node.lang {
            d.set("Lang", text_string(lang));
        }
        if let Some(a) = attributes(&node.role) {
            d.set("A", Object::Dictionary(a));
        }
        lo.objects.insert(me, Object::Dictionary(d));
    }

    // Parent tree: page i → array by MCID; annotation key → its element.
    let mut nums = Vec::new();
    for (i, slots) in mcids.into_iter().enumerate() {
        nums.push(Object::Integer(i as i64));
        nums.push(Object::Reference(lo.add_object(Object::Array(slots))));
    }
    let mut keyed: Vec<&PlacedAnnot> = annots.iter().collect();
    keyed.sort_by_key(|a| a.key);
    for a in &keyed {
        let n = owner[&(a.page, a.index)];
        nums.push(Object::Integer(a.key));
        nums.push(Object::Reference(
            elems.id(n).expect("owners are allocated"),
        ));
    }
    let next_key = keyed.last().map_or(pages.len() as i64, |a| a.key + 1);
    let mut pt = Dictionary::new();
    pt.set("Nums", Object::Array(nums));
    let parent_tree = lo.add_object(Object::Dictionary(pt));

    for (i, &page) in pages.iter().enumerate() {
        if let Ok(Object::Dictionary(p)) = lo.get_object_mut(page) {
            p.set("StructParents", Object::Integer(i as i64));
            p.set("Tabs", name("S"));
        }
    }
    let mut r = Dictionary::new();
    r.set("Type", name("StructTreeRoot"));
    let doc = elems
        .id(StructTree::ROOT)
        .expect("the root is always allocated");
    r.set("K", Object::Array(vec![Object::Reference(doc)]));
    r.set("ParentTree", Object::Reference(parent_tree));
    r.set("ParentTreeNextKey", Object::Integer(next_key));
    lo.objects.insert(root, Object::Dictionary(r));
    root
}

fn objr(a: &PlacedAnnot, pages: &[ObjectId]) -> Object {
    let mut d = Dictionary::new();
    d.set("Type", name("OBJR"));
    d.set("Obj", Object::Reference(a.id));
    if let Some(&p) = pages.get(a.page) {
        d.set("Pg", Object::Reference(p));
    }
    Object::Dictionary(d)
}
