//! PDF/UA-1 (ISO 14289-1, 7.18.4) wants a `Form` element to have exactly one
//! kid: the OBJR of its widget. Layout (fields.rs) already gives the words
//! beside a check box or radio button a `P` of their own; this pass is the
//! safety net for any tree that does not, such as a hand-built one: such
//! words move into a `P` next to the `Form`, in the same reading order.

use crate::render::pdf::tags::{Kid, Node, NodeId, StructRole, StructTree};

fn holds_only_a_widget(n: &Node) -> bool {
    matches!(n.kids.as_slice(), [Kid::Annot { .. }])
}

/// `tree` with every `Form` element reduced to one widget, or `None` when
/// it already is.
pub(crate) fn forms_hold_only_widgets(tree: &StructTree) -> Option<StructTree> {
    let needs = |n: &Node| n.role == StructRole::Form && !holds_only_a_widget(n);
    if !tree.nodes.iter().any(needs) {
        return None;
    }
    let mut t = tree.clone();
    for n in 0..tree.nodes.len() {
        let Some(parent) = t.nodes[n].parent.filter(|&p| p < t.nodes.len()) else {
            continue;
        };
        if !needs(&t.nodes[n]) {
            continue;
        }
        let kids = std::mem::take(&mut t.nodes[n].kids);
        let lang = t.nodes[n].lang.clone();
        let mut seq: Vec<NodeId> = Vec::new();
        let mut form_used = false;
        let mut words: Option<NodeId> = None;
        let new_node = |t: &mut StructTree, role: StructRole| {
            t.nodes.push(Node {
                role,
                parent: Some(parent),
                kids: Vec::new(),
                lang: lang.clone(),
                title: None,
                alt: None,
            });
            t.nodes.len() - 1
        };
        for kid in kids {
            if let Kid::Annot { .. } = kid {
                words = None;
                let form = if form_used {
                    new_node(&mut t, StructRole::Form)
                } else {
                    form_used = true;
                    n
                };
                t.nodes[form].kids.push(kid);
                seq.push(form);
            } else {
                let p = match words {
                    Some(p) => p,
                    None => {
                        let p = new_node(&mut t, StructRole::P);
                        seq.push(p);
                        words = Some(p);
                        p
                    }
                };
                if let Kid::Node(c) = kid {
                    if let Some(child) = t.nodes.get_mut(c) {
                        child.parent = Some(p);
                    }
                }
                t.nodes[p].kids.push(kid);
            }
        }
        if !form_used {
            // No widget at all: what layout called a form is just words.
            t.nodes[n].role = StructRole::P;
            t.nodes[n].kids = seq
                .iter()
                .flat_map(|&p| std::mem::take(&mut t.nodes[p].kids))
                .collect();
            for k in t.nodes[n].kids.clone() {
                if let Some(child) = t.nodes.get_mut(match k {
                    Kid::Node(c) => c,
                    _ => continue,
                }) {
                    child.parent = Some(n);
                }
            }
            continue;
        }
        let siblings = &mut t.nodes[parent].kids;
        if let Some(at) = siblings.iter().position(|k| *k == Kid::Node(n)) {
            siblings.splice(at..=at, seq.into_iter().map(Kid::Node));
        }
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_beside_a_widget_become_a_sibling_paragraph() {
        let mut t = StructTree::default();
        let sect = t.add(StructTree::ROOT, StructRole::Sect);
        let radio = t.add(sect, StructRole::Form);
        t.add_annot(radio, 0, 0);
        t.add_content(radio, 0, 4);
        let check = t.add(sect, StructRole::Form);
        t.add_content(check, 0, 5);
        t.add_annot(check, 0, 1);
        let fixed = forms_hold_only_widgets(&t).unwrap();
        let roles: Vec<_> = fixed.nodes[sect]
            .kids
            .iter()
            .map(|k| match k {
                Kid::Node(c) => fixed.nodes[*c].role.clone(),
                _ => panic!("{k:?}"),
            })
            .collect();
        assert_eq!(
            roles,
            [
                StructRole::Form,
                StructRole::P,
                StructRole::P,
                StructRole::Form
            ]
        );
        assert!(fixed
            .nodes
            .iter()
            .filter(|n| n.role == StructRole::Form)
            .all(holds_only_a_widget));
        assert!(forms_hold_only_widgets(&fixed).is_none());
    }
}
