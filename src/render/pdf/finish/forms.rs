//! AcroForm fields for the appraisal sheets: text fields, check boxes and
//! radio groups, each widget with its own appearance streams.
//!
//! PDF/A-2 forbids `NeedAppearances true` and needs an `/N` appearance for
//! every widget, drawn only with embedded fonts. So every widget gets its own
//! (never shared: a filler that rewrites one widget's appearance must not
//! change another's): text fields show their pre-filled value in the form
//! font ([`FontProgram`], also named in `/DA` and `/DR`, so a viewer or script
//! that draws what someone types uses a font with every character they may
//! type); check boxes and radio buttons draw their marks as vector paths,
//! needing no font at all (no ZapfDingbats, which would be an unembedded
//! font), and carry `/MK` so a viewer asked to redraw them can.
//!
//! A radio button's on state is named after what it means (`/working`), so
//! the group's value reads as the choice, in every tool.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::appearance::{check_mark, font_size, form_xobject, normal, on_off, radio_dot, wrap};
use super::field_tree::FieldTree;
use super::metadata::text_string;
use crate::render::pdf::program::FontProgram;
use crate::render::pdf::tags::{AnnotKind, Annotation, UNDRAWABLE};

/// The resource name of the form font in `/DR` and appearance streams.
const FONT: &str = "JpForm";
/// Field flags (PDF 1.7, 12.7.4).
const MULTILINE: i64 = 1 << 12;
const NO_TOGGLE_TO_OFF: i64 = 1 << 14;
const RADIO: i64 = 1 << 15;

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// A radio group being assembled: one field, its widgets as kids.
struct RadioGroup {
    id: ObjectId,
    /// `/T` and `/Parent` from the field tree.
    partial: String,
    parent: Option<ObjectId>,
    kids: Vec<ObjectId>,
    /// On-state names so far, to keep them unique.
    states: Vec<String>,
    /// The chosen button's on state.
    selected: Option<String>,
    labels: Vec<String>,
}

/// Collects fields while annotations are written.
pub(crate) struct Forms<'f> {
    /// The form font, and its font dictionary once written.
    font: Option<&'f FontProgram>,
    font_id: Option<ObjectId>,
    /// Fields by name, in reading order.
    tree: FieldTree,
    /// Whether any field was added.
    any: bool,
    radios: BTreeMap<String, RadioGroup>,
    /// Radio dots drawn so far, by the button's size in hundredths of a
    /// point: a sheet's 400 buttons come in two or three sizes, and
    /// formatting each one's path again was a few percent of the sheet.
    dots: std::collections::HashMap<(i64, i64), String>,
}

impl<'f> Forms<'f> {
    /// Fields with text in them use `font`, written on first need.
    pub(crate) fn new(font: Option<&'f FontProgram>) -> Forms<'f> {
        Forms {
            font,
            font_id: None,
            tree: FieldTree::default(),
            any: false,
            radios: BTreeMap::new(),
            dots: std::collections::HashMap::new(),
        }
    }

    /// The form font's dictionary, written into `lo` the first time.
    fn font_id(&mut self, lo: &mut Document) -> Option<ObjectId> {
        let font = self.font?;
        Some(*self.font_id.get_or_insert_with(|| font.embed(lo)))
    }

    /// Adds the field entries and appearances to widget `id` (`d` holds the
    /// shared annotation entries) and records its field.
    pub(crate) fn widget(
        &mut self,
        lo: &mut Document,
        id: ObjectId,
        a: &Annotation,
        mut d: Dictionary,
    ) -> Result<Dictionary> {
        let [x0, y0, x1, y1] = a.rect.map(super::annotations::finite);
        let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
        match &a.kind {
            AnnotKind::Uri(_) => bail!("a link is not a form field"),
            AnnotKind::TextField {
                name: field,
                multiline,
                value,
            } => {
                d.set("FT", name("Tx"));
                self.name(lo, id, field, &mut d);
                d.set("TU", text_string(&a.contents));
                if *multiline {
                    d.set("Ff", Object::Integer(MULTILINE));
                }
                let size = font_size(h, *multiline);
                d.set(
                    "DA",
                    Object::string_literal(format!("/{FONT} {size} Tf 0 0 0 rg")),
                );
                let value = value.as_deref().unwrap_or("");
                if !value.is_empty() {
                    d.set("V", text_string(value));
                }
                let ap = self.text_appearance(lo, w, h, size, *multiline, value, field)?;
                d.set("AP", Object::Dictionary(normal(Object::Reference(ap))));
            }
            AnnotKind::CheckBox {
                name: field,
                checked,
            } => {
                d.set("FT", name("Btn"));
                self.name(lo, id, field, &mut d);
                d.set("TU", text_string(&a.contents));
                let state = if *checked { "Yes" } else { "Off" };
                d.set("V", name(state));
                d.set("AS", name(state));
                d.set("MK", marks_colour());
                let states = on_off(lo, "Yes", check_mark(w, h), w, h);
                d.set("AP", Object::Dictionary(normal(Object::Dictionary(states))));
            }
            AnnotKind::Radio {
                group,
                option: _,
                export,
                selected,
            } => {
                if !self.radios.contains_key(group) {
                    let gid = lo.new_object_id();
                    let (partial, parent) = self.tree.place(lo, gid, group);
                    self.any = true;
                    let g = RadioGroup {
                        id: gid,
                        partial,
                        parent,
                        kids: Vec::new(),
                        states: Vec::new(),
                        selected: None,
                        labels: Vec::new(),
                    };
                    self.radios.insert(group.clone(), g);
                }
                let g = self.radios.get_mut(group).expect("inserted above");
                let on = on_state(export, &g.states);
                if *selected && g.selected.is_none() {
                    g.selected = Some(on.clone());
                }
                let state = if g.selected.as_deref() == Some(on.as_str()) {
                    on.as_str()
                } else {
                    "Off"
                };
                d.set("AS", name(state));
                d.set("Parent", Object::Reference(g.id));
                d.set("MK", marks_colour());
                g.kids.push(id);
                g.labels.push(a.contents.clone());
                let size = ((w * 100.0).round() as i64, (h * 100.0).round() as i64);
                let dot = self
                    .dots
                    .entry(size)
                    .or_insert_with(|| radio_dot(w, h))
                    .clone();
                let states = on_off(lo, &on, dot, w, h);
                g.states.push(on);
                d.set("AP", Object::Dictionary(normal(Object::Dictionary(states))));
            }
        }
        Ok(d)
    }

    /// Names terminal field `id` (`/T`, `/Parent`) in the field tree.
    fn name(&mut self, lo: &mut Document, id: ObjectId, full: &str, d: &mut Dictionary) {
        let (partial, parent) = self.tree.place(lo, id, full);
        d.set("T", text_string(&partial));
        if let Some(p) = parent {
            d.set("Parent", Object::Reference(p));
        }
        self.any = true;
    }

    /// Writes the radio group fields and returns the `/AcroForm` dictionary,
    /// or `None` when the document has no fields.
    pub(crate) fn finish(self, lo: &mut Document) -> Option<ObjectId> {
        if !self.any {
            return None;
        }
        self.tree.write(lo);
        for g in self.radios.into_values() {
            let mut d = Dictionary::new();
            d.set("FT", name("Btn"));
            d.set("Ff", Object::Integer(RADIO | NO_TOGGLE_TO_OFF));
            d.set("T", text_string(&g.partial));
            if let Some(p) = g.parent {
                d.set("Parent", Object::Reference(p));
            }
            d.set("TU", text_string(&group_label(&g.labels)));
            d.set("V", name(g.selected.as_deref().unwrap_or("Off")));
            d.set(
                "Kids",
                Object::Array(g.kids.iter().map(|&k| Object::Reference(k)).collect()),
            );
            lo.objects.insert(g.id, Object::Dictionary(d));
        }
        let mut form = Dictionary::new();
        form.set(
            "Fields",
            Object::Array(
                self.tree
                    .roots
                    .iter()
                    .map(|&f| Object::Reference(f))
                    .collect(),
            ),
        );
        if let Some(font) = self.font_id {
            let mut fonts = Dictionary::new();
            fonts.set(FONT, Object::Reference(font));
            let mut dr = Dictionary::new();
            dr.set("Font", Object::Dictionary(fonts));
            form.set("DR", Object::Dictionary(dr));
            form.set("DA", Object::string_literal(format!("/{FONT} 10 Tf 0 g")));
        }
        Some(lo.add_object(Object::Dictionary(form)))
    }

    /// The `/N` appearance of a text field: its value, clipped to the box,
    /// wrapped on word boundaries when multi-line.
    #[allow(clippy::too_many_arguments)]
    fn text_appearance(
        &mut self,
        lo: &mut Document,
        w: f32,
        h: f32,
        size: f32,
        multiline: bool,
        value: &str,
        field: &str,
    ) -> Result<ObjectId> {
        let mut ops = format!(
            "/Tx BMC\nq 1 1 {} {} re W n\n",
            (w - 2.0).max(0.0),
            (h - 2.0).max(0.0)
        );
        let mut resources = Dictionary::new();
        if !value.is_empty() {
            let (Some(font), Some(font_id)) = (self.font, self.font_id(lo)) else {
                bail!(
                    "field {field:?} has a value but the document has no form font to show it in"
                );
            };
            // Layout warned about any character the form font lacks; it is
            // drawn as UNDRAWABLE (the field's /V keeps the real value).
            let shown: String = value
                .chars()
                .map(|c| {
                    if c.is_control() || font.has(c) {
                        c
                    } else {
                        UNDRAWABLE
                    }
                })
                .collect();
            let lines = if multiline {
                wrap(&shown, |s| font.width(s, size), w - 4.0)
            } else {
                vec![shown.replace(['\n', '\r'], " ")]
            };
            let lead = size * 1.2;
            let first = if multiline {
                h - 2.0 - size
            } else {
                ((h - size * 0.72) / 2.0).max(1.0)
            };
            ops.push_str(&format!("BT\n/{FONT} {size} Tf 0 g\n"));
            for (i, line) in lines.iter().enumerate() {
                let hex: String = font
                    .encode(line)
                    .iter()
                    .map(|b| format!("{b:02X}"))
                    .collect();
                let y = first - lead * i as f32;
                ops.push_str(&format!("1 0 0 1 2 {y:.2} Tm <{hex}> Tj\n"));
            }
            ops.push_str("ET\n");
            let mut fonts = Dictionary::new();
            fonts.set(FONT, Object::Reference(font_id));
            resources.set("Font", Object::Dictionary(fonts));
        } else {
            // Make sure /DR names the font a filler will type in.
            self.font_id(lo);
        }
        ops.push_str("Q\nEMC\n");
        Ok(lo.add_object(form_xobject(ops, w, h, resources)))
    }
}

/// `/MK` for check boxes and radio buttons: a viewer that redraws a button
/// (PyMuPDF's `update`, poppler when a filler sets `NeedAppearances`) draws
/// its border (and poppler its dot) in this colour, the colour of the
/// printed frame; without it poppler draws no dot at all.
fn marks_colour() -> Object {
    let mut mk = Dictionary::new();
    let [r, g, b] = crate::render::pdf::fields::FRAME;
    mk.set(
        "BC",
        Object::Array(vec![Object::Real(r), Object::Real(g), Object::Real(b)]),
    );
    Object::Dictionary(mk)
}

/// The on-state name for a button exporting `export`: the export value
/// itself (a PDF name), made unique in its group by a suffix, and never
/// "Off" (which means no choice).
fn on_state(export: &str, taken: &[String]) -> String {
    let base = if export.is_empty() || export == "Off" {
        format!("{export}choice")
    } else {
        export.to_string()
    };
    let mut candidate = base.clone();
    let mut n = 1;
    while taken.contains(&candidate) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    candidate
}

/// An accessible name for a radio group: what its buttons' names share
/// ("Incident management, self-assessment: working" and "…: expert" give
/// "Incident management, self-assessment"), else the first button's name.
fn group_label(labels: &[String]) -> String {
    let first = labels.first().map(String::as_str).unwrap_or("");
    let mut prefix = first.len();
    for l in &labels[1.min(labels.len())..] {
        prefix = prefix.min(
            first
                .char_indices()
                .zip(l.chars())
                .find(|((_, a), b)| a != b)
                .map_or(first.len().min(l.len()), |((i, _), _)| i),
        );
    }
    let shared = first[..prefix].trim_end_matches([' ', ':', ',', '-', '–', '—', '(', '/']);
    if shared.chars().filter(|c| c.is_alphanumeric()).count() >= 3 {
        shared.to_string()
    } else {
        first.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_label_is_the_shared_prefix() {
        let l = |v: &[&str]| group_label(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            l(&[
                "Incident management, self: working",
                "Incident management, self: expert"
            ]),
            "Incident management, self"
        );
        assert_eq!(l(&["Yes", "No"]), "Yes");
        assert_eq!(l(&[]), "");
    }

    #[test]
    fn on_states_are_the_export_values_made_unique() {
        let taken = vec!["working".to_string()];
        assert_eq!(on_state("expert", &taken), "expert");
        assert_eq!(on_state("working", &taken), "working-2");
        assert_eq!(on_state("Off", &[]), "Offchoice");
        assert_eq!(on_state("", &[]), "choice");
    }
}
