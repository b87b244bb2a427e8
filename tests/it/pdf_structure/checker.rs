//! An independent checker for tagged PDF/UA and PDF/A files: it reparses the
//! bytes with lopdf and shares no code with the generator, so a mistake in
//! the finishing pass cannot hide itself here.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

pub fn dict<'a>(lo: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    lo.dereference(o).ok()?.1.as_dict().ok()
}

pub fn get<'a>(lo: &'a Document, d: &'a Dictionary, key: &str) -> Option<&'a Object> {
    d.get(key.as_bytes())
        .ok()
        .map(|o| lo.dereference(o).map(|(_, o)| o).unwrap_or(o))
}

pub fn name_of<'a>(lo: &'a Document, d: &'a Dictionary, key: &str) -> Option<&'a str> {
    get(lo, d, key)?
        .as_name()
        .ok()
        .and_then(|n| std::str::from_utf8(n).ok())
}

/// Decodes a PDF text string (UTF-16BE with BOM, else PDFDocEncoding ≈ Latin-1).
pub fn text(o: &Object) -> Option<String> {
    let b = o.as_str().ok()?;
    if b.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = b[2..]
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16(&units).ok()
    } else {
        Some(b.iter().map(|&c| c as char).collect())
    }
}

/// What the checker learned about a file, and every problem it found.
#[derive(Default, Debug)]
pub struct Report {
    pub problems: Vec<String>,
    /// Structure element roles in depth-first order.
    pub roles: Vec<String>,
    pub mcids: usize,
    pub annotations: usize,
}

/// The parent tree flattened: key → value.
fn number_tree(lo: &Document, node: &Dictionary, out: &mut BTreeMap<i64, Object>) {
    if let Some(Object::Array(nums)) = get(lo, node, "Nums") {
        for pair in nums.chunks(2) {
            if let [Object::Integer(k), v] = pair {
                out.insert(*k, v.clone());
            }
        }
    }
    if let Some(Object::Array(kids)) = get(lo, node, "Kids") {
        for k in kids {
            if let Some(d) = dict(lo, k) {
                number_tree(lo, d, out);
            }
        }
    }
}

/// Checks `bytes` and returns what it found.
pub fn check(bytes: &[u8]) -> Report {
    let mut r = Report::default();
    let lo = match Document::load_mem(bytes) {
        Ok(lo) => lo,
        Err(e) => {
            r.problems.push(format!("does not parse: {e}"));
            return r;
        }
    };
    let Ok(cat) = lo.catalog() else {
        r.problems.push("no catalog".into());
        return r;
    };
    let mut bad = |cond: bool, msg: &str| {
        if !cond {
            r.problems.push(msg.to_string());
        }
    };
    bad(lo.version == "1.7", "version is not 1.7");
    bad(
        get(&lo, cat, "Lang")
            .and_then(text)
            .is_some_and(|l| !l.is_empty()),
        "catalog /Lang missing",
    );
    let marked = get(&lo, cat, "MarkInfo").and_then(|o| o.as_dict().ok());
    bad(
        marked
            .and_then(|m| m.get(b"Marked").ok())
            .and_then(|o| o.as_bool().ok())
            == Some(true),
        "not /Marked",
    );
    let prefs = get(&lo, cat, "ViewerPreferences").and_then(|o| o.as_dict().ok());
    bad(
        prefs
            .and_then(|p| p.get(b"DisplayDocTitle").ok())
            .and_then(|o| o.as_bool().ok())
            == Some(true),
        "DisplayDocTitle not true",
    );
    let intents = get(&lo, cat, "OutputIntents").and_then(|o| o.as_array().ok());
    let pdfa_intent = intents
        .into_iter()
        .flatten()
        .filter_map(|o| dict(&lo, o))
        .any(|d| {
            name_of(&lo, d, "S") == Some("GTS_PDFA1") && get(&lo, d, "DestOutputProfile").is_some()
        });
    bad(pdfa_intent, "no GTS_PDFA1 output intent with a profile");
    if get(&lo, cat, "Outlines").is_some() {
        bad(
            name_of(&lo, cat, "PageMode") == Some("UseOutlines"),
            "outline present but /PageMode is not the name /UseOutlines",
        );
    }
    if let Some(form) = get(&lo, cat, "AcroForm").and_then(|o| o.as_dict().ok()) {
        bad(
            form.get(b"NeedAppearances")
                .ok()
                .and_then(|o| o.as_bool().ok())
                != Some(true),
            "NeedAppearances true (forbidden by PDF/A)",
        );
    }
    super::metadata_check::check_metadata(&lo, cat, &mut r);

    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let Some(root) = get(&lo, cat, "StructTreeRoot").and_then(|o| o.as_dict().ok()) else {
        r.problems.push("no StructTreeRoot".into());
        return r;
    };
    let mut tree = BTreeMap::new();
    if let Some(pt) = get(&lo, root, "ParentTree").and_then(|o| o.as_dict().ok()) {
        number_tree(&lo, pt, &mut tree);
    } else {
        r.problems.push("no ParentTree".into());
    }
    let next_key = get(&lo, root, "ParentTreeNextKey")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(-1);
    if tree.keys().next_back().is_some_and(|&k| k >= next_key) {
        r.problems
            .push(format!("ParentTreeNextKey {next_key} not above every key"));
    }

    // Walk the structure tree: element → (page, mcid) kids and OBJR kids.
    let mut owner_of_mcid: BTreeMap<(ObjectId, i64), ObjectId> = BTreeMap::new();
    let mut owner_of_annot: BTreeMap<ObjectId, (ObjectId, String)> = BTreeMap::new();
    let mut last_heading = 0u8;
    let mut stack: Vec<(Object, Option<ObjectId>)> =
        vec![(root.get(b"K").cloned().unwrap_or(Object::Null), None)];
    while let Some((k, page)) = stack.pop() {
        match &k {
            Object::Array(a) => stack.extend(a.iter().rev().map(|o| (o.clone(), page))),
            Object::Integer(m) => match page {
                Some(_) => {} // recorded by the element that holds it, below
                None => r
                    .problems
                    .push(format!("MCID {m} in an element without /Pg")),
            },
            Object::Reference(id) => {
                let Some(e) = dict(&lo, &k) else { continue };
                if name_of(&lo, e, "Type") != Some("StructElem") && e.get(b"S").is_err() {
                    continue;
                }
                let role = name_of(&lo, e, "S").unwrap_or("?").to_string();
                if let Some(level) = role.strip_prefix('H').and_then(|l| l.parse::<u8>().ok()) {
                    if level > last_heading + 1 {
                        r.problems
                            .push(format!("heading H{level} after H{last_heading}"));
                    }
                    last_heading = level;
                }
                if role == "Figure"
                    && get(&lo, e, "Alt")
                        .and_then(text)
                        .is_none_or(|a| a.trim().is_empty())
                {
                    r.problems.push("Figure without /Alt".into());
                }
                r.roles.push(role.clone());
                let pg = e
                    .get(b"Pg")
                    .ok()
                    .and_then(|o| o.as_reference().ok())
                    .or(page);
                let kids = match e.get(b"K") {
                    Ok(Object::Array(a)) => a.clone(),
                    Ok(o) => vec![o.clone()],
                    Err(_) => vec![],
                };
                let objr = |k: &Object| matches!(k, Object::Dictionary(d) if name_of(&lo, d, "Type") == Some("OBJR"));
                if role == "Form" && !(kids.len() == 1 && objr(&kids[0])) {
                    r.problems
                        .push("Form element is not exactly one widget OBJR (PDF/UA 7.18.4)".into());
                }
                for kid in kids.iter().rev() {
                    match kid {
                        Object::Integer(m) => match pg {
                            Some(p) => {
                                owner_of_mcid.insert((p, *m), *id);
                            }
                            None => r.problems.push(format!("{role}: MCID {m} without /Pg")),
                        },
                        Object::Dictionary(d) if d.get(b"MCID").is_ok() => {
                            let p = d.get(b"Pg").ok().and_then(|o| o.as_reference().ok()).or(pg);
                            let m = d
                                .get(b"MCID")
                                .ok()
                                .and_then(|o| o.as_i64().ok())
                                .unwrap_or(-1);
                            match p {
                                Some(p) => {
                                    owner_of_mcid.insert((p, m), *id);
                                }
                                None => r.problems.push(format!("{role}: MCR without /Pg")),
                            }
                        }
                        Object::Dictionary(d) if name_of(&lo, d, "Type") == Some("OBJR") => {
                            if let Ok(obj) = d.get(b"Obj").and_then(|o| o.as_reference()) {
                                owner_of_annot.insert(obj, (*id, role.clone()));
                            }
                        }
                        Object::Reference(_) => stack.push((kid.clone(), pg)),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    for (p, &page) in pages.iter().enumerate() {
        let pd = lo.get_dictionary(page).expect("pages are dictionaries");
        if name_of(&lo, pd, "Tabs") != Some("S") {
            r.problems.push(format!("page {p}: /Tabs is not /S"));
        }
        let mcids = super::content_check::content_mcids(&lo, page, p, &mut r);
        r.mcids += mcids.len();
        let key = get(&lo, pd, "StructParents").and_then(|o| o.as_i64().ok());
        let slots = key
            .and_then(|k| tree.get(&k))
            .and_then(|o| lo.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok().cloned());
        let Some(slots) = slots.or_else(|| mcids.is_empty().then(Vec::new)) else {
            r.problems.push(format!("page {p}: no parent-tree array"));
            continue;
        };
        for &m in &mcids {
            let slot = slots.get(m as usize).and_then(|o| o.as_reference().ok());
            match slot {
                None => r
                    .problems
                    .push(format!("page {p}: MCID {m} missing from the ParentTree")),
                Some(e) if owner_of_mcid.get(&(page, m)) != Some(&e) => r.problems.push(format!(
                    "page {p}: MCID {m}: ParentTree and element /K disagree"
                )),
                _ => {}
            }
        }
        for (m, o) in slots.iter().enumerate() {
            if !matches!(o, Object::Null) && !mcids.contains(&(m as i64)) {
                r.problems.push(format!(
                    "page {p}: ParentTree lists MCID {m}, not in the content"
                ));
            }
        }
        for (&(pg, m), _) in owner_of_mcid.range((page, i64::MIN)..=(page, i64::MAX)) {
            if pg == page && !mcids.contains(&m) {
                r.problems.push(format!(
                    "page {p}: an element claims MCID {m}, not in the content"
                ));
            }
        }
        let annots = get(&lo, pd, "Annots")
            .and_then(|o| o.as_array().ok())
            .cloned()
            .unwrap_or_default();
        for a in annots {
            r.annotations += 1;
            let Ok(id) = a.as_reference() else {
                r.problems.push(format!("page {p}: inline annotation"));
                continue;
            };
            let Some(ad) = dict(&lo, &a) else { continue };
            let sub = name_of(&lo, ad, "Subtype").unwrap_or("?");
            let flags = get(&lo, ad, "F").and_then(|o| o.as_i64().ok()).unwrap_or(0);
            if flags & 4 == 0 || flags & 0b10_0011 != 0 {
                r.problems.push(format!(
                    "page {p}: {sub} annotation not printable (/F {flags})"
                ));
            }
            let sp = get(&lo, ad, "StructParent").and_then(|o| o.as_i64().ok());
            let via_tree = sp
                .and_then(|k| tree.get(&k))
                .and_then(|o| o.as_reference().ok());
            let expected = if sub == "Widget" { "Form" } else { "Link" };
            match owner_of_annot.get(&id) {
                None => r.problems.push(format!(
                    "page {p}: {sub} annotation is no OBJR kid of any element"
                )),
                Some((e, role)) => {
                    if via_tree != Some(*e) {
                        r.problems.push(format!(
                            "page {p}: {sub} /StructParent does not lead to its element"
                        ));
                    }
                    if role != expected {
                        r.problems.push(format!(
                            "page {p}: {sub} annotation inside {role}, not {expected}"
                        ));
                    }
                }
            }
            let name = if sub == "Widget" { "TU" } else { "Contents" };
            let own = get(&lo, ad, name).and_then(text);
            let inherited = get(&lo, ad, "Parent")
                .and_then(|o| o.as_dict().ok())
                .and_then(|pd| get(&lo, pd, name))
                .and_then(text);
            if own.or(inherited).is_none_or(|t| t.trim().is_empty()) {
                r.problems
                    .push(format!("page {p}: {sub} annotation without /{name}"));
            }
            if sub == "Widget" {
                // Fully qualified name: partial names joined by periods, none containing one.
                let (mut node, mut parts) = (Some(ad), Vec::new());
                while let Some(n) = node {
                    if let Some(t) = get(&lo, n, "T").and_then(text) {
                        if t.contains('.') || t.is_empty() {
                            r.problems
                                .push(format!("page {p}: partial field name {t:?}"));
                        }
                        parts.push(t);
                    }
                    node = get(&lo, n, "Parent").and_then(|o| o.as_dict().ok());
                    if parts.len() > 32 {
                        break;
                    }
                }
                if parts.is_empty() {
                    r.problems
                        .push(format!("page {p}: widget without a field name"));
                }
            }
            if sub == "Widget"
                && get(&lo, ad, "AP")
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|ap| ap.get(b"N").ok())
                    .is_none()
            {
                r.problems
                    .push(format!("page {p}: widget without an /N appearance"));
            }
        }
    }
    r
}
