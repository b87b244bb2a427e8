//! The document outline (bookmarks): a real hierarchy by heading level with
//! exact `/XYZ left top` destinations, replacing printpdf's flat, re-sorted one.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::annotations::finite;
use super::metadata::text_string;
use crate::render::pdf::tags::OutlineEntry;

/// Adds the outline for `entries` to `lo` and returns the `/Outlines` root,
/// or `None` when there is nothing to bookmark. Entries that point past the
/// last page are dropped; a level deeper than its predecessor allows (H1 → H3)
/// nests under the nearest shallower entry, so the tree is always well formed.
pub(crate) fn build(
    lo: &mut Document,
    entries: &[OutlineEntry],
    pages: &[ObjectId],
) -> Option<ObjectId> {
    let entries: Vec<&OutlineEntry> = entries.iter().filter(|e| e.page < pages.len()).collect();
    if entries.is_empty() {
        return None;
    }
    // parent[i]: index of the entry i nests under (None = top level).
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|&top| entries[top].level >= e.level)
        {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
    let kids_of = |p: Option<usize>| -> Vec<usize> {
        (0..entries.len()).filter(|&i| parent[i] == p).collect()
    };
    // Every item is open, so an item's /Count is the number of its descendants.
    let mut descendants = vec![0i64; entries.len()];
    for i in (0..entries.len()).rev() {
        if let Some(p) = parent[i] {
            descendants[p] += 1 + descendants[i];
        }
    }
    for (i, e) in entries.iter().enumerate() {
        let siblings = kids_of(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut d = Dictionary::new();
        d.set("Title", text_string(&e.title));
        d.set(
            "Parent",
            Object::Reference(parent[i].map_or(root, |p| ids[p])),
        );
        if pos > 0 {
            d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
        }
        if let Some(&next) = siblings.get(pos + 1) {
            d.set("Next", Object::Reference(ids[next]));
        }
        let kids = kids_of(Some(i));
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            d.set("First", Object::Reference(ids[first]));
            d.set("Last", Object::Reference(ids[last]));
            d.set("Count", Object::Integer(descendants[i]));
        }
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(pages[e.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Real(finite(e.left)),
                Object::Real(finite(e.top)),
                Object::Null,
            ]),
        );
        lo.objects.insert(ids[i], Object::Dictionary(d));
    }
    let top = kids_of(None);
    let mut r = Dictionary::new();
    r.set("Type", Object::Name(b"Outlines".to_vec()));
    r.set("First", Object::Reference(ids[top[0]]));
    r.set(
        "Last",
        Object::Reference(ids[*top.last().unwrap_or(&top[0])]),
    );
    r.set("Count", Object::Integer(entries.len() as i64));
    lo.objects.insert(root, Object::Dictionary(r));
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(level: u8, title: &str, page: usize) -> OutlineEntry {
        OutlineEntry {
            level,
            title: title.into(),
            page,
            top: 700.0,
            left: 56.0,
        }
    }

    fn dict(lo: &Document, id: ObjectId) -> &Dictionary {
        lo.get_dictionary(id).unwrap()
    }

    #[test]
    fn nests_by_level_and_keeps_document_order() {
        let mut lo = Document::with_version("1.7");
        let pages = vec![lo.new_object_id(), lo.new_object_id()];
        let entries = [
            entry(1, "Zebra", 0),
            entry(2, "Skills", 0),
            entry(3, "Incident management", 1),
            entry(2, "Alpha", 1),
        ];
        let root = build(&mut lo, &entries, &pages).unwrap();
        let r = dict(&lo, root);
        assert_eq!(r.get(b"Count").unwrap().as_i64().unwrap(), 4);
        let first = r.get(b"First").unwrap().as_reference().unwrap();
        assert_eq!(r.get(b"Last").unwrap().as_reference().unwrap(), first);
        let h1 = dict(&lo, first);
        assert_eq!(h1.get(b"Count").unwrap().as_i64().unwrap(), 3);
        let skills = dict(&lo, h1.get(b"First").unwrap().as_reference().unwrap());
        assert_eq!(
            skills.get(b"Title").unwrap().as_str().unwrap(),
            b"Skills".as_slice()
        );
        let alpha = skills.get(b"Next").unwrap().as_reference().unwrap();
        assert_eq!(h1.get(b"Last").unwrap().as_reference().unwrap(), alpha);
        let dest = dict(&lo, alpha).get(b"Dest").unwrap().as_array().unwrap();
        assert_eq!(dest[0].as_reference().unwrap(), pages[1]);
        assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
        assert_eq!(dest[3].as_float().unwrap(), 700.0);
    }

    #[test]
    fn skipped_levels_and_bad_pages_do_not_break_the_tree() {
        let mut lo = Document::with_version("1.7");
        let pages = vec![lo.new_object_id()];
        let entries = [
            entry(3, "Deep first", 0),
            entry(1, "Top", 0),
            entry(1, "Gone", 5),
        ];
        let root = build(&mut lo, &entries, &pages).unwrap();
        assert_eq!(dict(&lo, root).get(b"Count").unwrap().as_i64().unwrap(), 2);
        assert!(build(&mut lo, &[entry(1, "x", 9)], &pages).is_none());
    }
}
