//! Field names as an AcroForm hierarchy. A partial field name (`/T`) must not
//! contain a period: readers join partial names with periods to make the
//! fully qualified name. So "skill.incident-management.evidence" becomes a
//! field "evidence" under non-terminal fields "incident-management" and
//! "skill", and its fully qualified name is exactly the document's name.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::metadata::text_string;

/// A non-terminal field: a name segment shared by the fields under it.
struct Group {
    id: ObjectId,
    partial: String,
    parent: Option<ObjectId>,
    kids: Vec<ObjectId>,
}

/// The field hierarchy, built in reading order.
#[derive(Default)]
pub(crate) struct FieldTree {
    /// Top-level fields (`/AcroForm /Fields`), in reading order.
    pub(crate) roots: Vec<ObjectId>,
    groups: BTreeMap<String, Group>,
}

impl FieldTree {
    /// Places terminal field `id` named `full`; returns its partial name and
    /// its parent, to write as `/T` and `/Parent`. Empty segments ("a..b")
    /// are skipped, so every partial name is non-empty when `full` has any
    /// text at all.
    pub(crate) fn place(
        &mut self,
        lo: &mut Document,
        id: ObjectId,
        full: &str,
    ) -> (String, Option<ObjectId>) {
        let segments: Vec<&str> = full.split('.').filter(|s| !s.is_empty()).collect();
        let Some((last, prefix)) = segments.split_last() else {
            self.roots.push(id);
            return (full.to_string(), None);
        };
        let mut parent: Option<ObjectId> = None;
        let mut path = String::new();
        for seg in prefix {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(seg);
            let gid = match self.groups.get(&path) {
                Some(g) => g.id,
                None => {
                    let gid = lo.new_object_id();
                    self.attach(parent, gid);
                    let group = Group {
                        id: gid,
                        partial: seg.to_string(),
                        parent,
                        kids: Vec::new(),
                    };
                    self.groups.insert(path.clone(), group);
                    gid
                }
            };
            parent = Some(gid);
        }
        self.attach(parent, id);
        (last.to_string(), parent)
    }

    /// Adds `id` under `parent`, or as a root.
    fn attach(&mut self, parent: Option<ObjectId>, id: ObjectId) {
        match parent.and_then(|p| self.groups.values_mut().find(|g| g.id == p)) {
            Some(g) => g.kids.push(id),
            None => self.roots.push(id),
        }
    }

    /// Writes the non-terminal fields.
    pub(crate) fn write(&self, lo: &mut Document) {
        for g in self.groups.values() {
            let mut d = Dictionary::new();
            d.set("T", text_string(&g.partial));
            if let Some(p) = g.parent {
                d.set("Parent", Object::Reference(p));
            }
            d.set(
                "Kids",
                Object::Array(g.kids.iter().map(|&k| Object::Reference(k)).collect()),
            );
            lo.objects.insert(g.id, Object::Dictionary(d));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_names_nest_and_share_groups() {
        let mut lo = Document::with_version("1.7");
        let mut t = FieldTree::default();
        let (a, b, c) = (lo.new_object_id(), lo.new_object_id(), lo.new_object_id());
        assert_eq!(t.place(&mut lo, a, "name"), ("name".to_string(), None));
        let (partial, parent) = t.place(&mut lo, b, "skill.incident.evidence");
        assert_eq!(partial, "evidence");
        let (_, parent_c) = t.place(&mut lo, c, "skill.incident.self");
        assert_eq!(parent, parent_c);
        t.write(&mut lo);
        assert_eq!(t.roots.len(), 2);
        let incident = lo.get_dictionary(parent.unwrap()).unwrap();
        assert_eq!(incident.get(b"Kids").unwrap().as_array().unwrap().len(), 2);
        let skill = incident.get(b"Parent").unwrap().as_reference().unwrap();
        assert_eq!(t.roots[1], skill);
        assert_eq!(t.place(&mut lo, c, "..").1, None);
    }
}
