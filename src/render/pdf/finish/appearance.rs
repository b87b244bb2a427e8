//! Appearance streams for widgets: PDF/A-2 needs a normal (`/N`) appearance
//! for every widget, so the finishing pass draws them: a field's text, a tick,
//! a dot. Marks are vector paths, so they need no font.

use lopdf::{Dictionary, Document, Object, Stream};

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Text size for a field `h` points tall: 10 pt, smaller only in a low box.
pub(crate) fn font_size(h: f32, multiline: bool) -> f32 {
    if multiline {
        10.0
    } else {
        (((h - 4.0) / 1.2).clamp(4.0, 10.0) * 2.0).round() / 2.0
    }
}

/// Greedy word wrap of `text` to `width`; explicit line breaks are kept and
/// a word wider than the box stays whole on its own line (clipped, not lost:
/// the value itself is in `/V`).
pub(crate) fn wrap(text: &str, measure: impl Fn(&str) -> f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && measure(&candidate) > width {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}

/// An appearance dictionary with only `/N` (PDF/A-2 allows nothing else).
pub(crate) fn normal(n: Object) -> Dictionary {
    let mut ap = Dictionary::new();
    ap.set("N", n);
    ap
}

/// A form XObject `w` × `h` points drawing `ops`. `/Type` is optional and
/// an empty `/Resources` is left out: a sheet has four hundred of these.
pub(crate) fn form_xobject(ops: String, w: f32, h: f32, resources: Dictionary) -> Object {
    let mut d = Dictionary::new();
    d.set("Subtype", name("Form"));
    d.set(
        "BBox",
        Object::Array(vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)]),
    );
    if !resources.is_empty() {
        d.set("Resources", Object::Dictionary(resources));
    }
    Object::Stream(Stream::new(d, ops.into_bytes()))
}

/// `/N << /on … /Off … >>`: the mark when on, nothing when off. Each call
/// writes new streams: a tool that rewrites one widget's appearance must not
/// change another's, so no two widgets share an appearance stream.
pub(crate) fn on_off(lo: &mut Document, on: &str, mark: String, w: f32, h: f32) -> Dictionary {
    let on_id = lo.add_object(form_xobject(mark, w, h, Dictionary::new()));
    let off_id = lo.add_object(form_xobject(String::new(), w, h, Dictionary::new()));
    let mut states = Dictionary::new();
    states.set(on, Object::Reference(on_id));
    states.set("Off", Object::Reference(off_id));
    states
}

/// A tick drawn as a stroked path, centred in a `w` × `h` box.
pub(crate) fn check_mark(w: f32, h: f32) -> String {
    let s = w.min(h);
    let (ox, oy) = ((w - s) / 2.0, (h - s) / 2.0);
    let p = |fx: f32, fy: f32| format!("{:.2} {:.2}", ox + fx * s, oy + fy * s);
    format!(
        "q 0 0 0 rg 0 0 0 RG {:.2} w 1 J 1 j\n{} m {} l {} l S\nQ\n",
        (s * 0.12).max(0.8),
        p(0.22, 0.52),
        p(0.42, 0.28),
        p(0.78, 0.74)
    )
}

/// A filled dot (four Bézier arcs) centred in a `w` × `h` box.
pub(crate) fn radio_dot(w: f32, h: f32) -> String {
    let r = w.min(h) * 0.25;
    let (cx, cy) = (w / 2.0, h / 2.0);
    let k = r * 0.552_284_8;
    // A tenth of a point is finer than any printer's dot at this size.
    format!(
        "0 g {x1:.1} {cy:.1} m {x1:.1} {a:.1} {b:.1} {y1:.1} {cx:.1} {y1:.1} c \
         {c:.1} {y1:.1} {x0:.1} {a:.1} {x0:.1} {cy:.1} c \
         {x0:.1} {d:.1} {c:.1} {y0:.1} {cx:.1} {y0:.1} c \
         {b:.1} {y0:.1} {x1:.1} {d:.1} {x1:.1} {cy:.1} c f",
        x0 = cx - r,
        x1 = cx + r,
        y0 = cy - r,
        y1 = cy + r,
        a = cy + k,
        b = cx + k,
        c = cx - k,
        d = cy - k,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_keeps_breaks() {
        let lines = wrap("one two three\nfour", |s| s.len() as f32, 8.0);
        assert_eq!(lines, ["one two", "three", "four"]);
        assert_eq!(
            wrap("overlongword", |s| s.len() as f32, 3.0),
            ["overlongword"]
        );
    }

    #[test]
    fn small_boxes_get_smaller_text() {
        assert_eq!(font_size(20.0, false), 10.0);
        assert_eq!(font_size(10.0, false), 5.0);
        assert_eq!(font_size(3.0, true), 10.0);
    }
}
