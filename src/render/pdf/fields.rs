//! Form fields: the visible blank form (frames, boxes, circles) is drawn as
//! artifacts so it prints right; labels are content; each widget becomes an
//! annotation under a `Form` element, which the finishing pass makes a real
//! AcroForm field.

use super::flow::{Atom, Cmd, ElemId, Item, Run, Tag};
use super::measure::{baseline, Frame, Measurer};
use super::style;
use super::tags::{AnnotKind, StructRole};
use crate::doc::{Field, FieldKind, ParaStyle};

/// Side of a check box or radio circle, relative to the text size.
const BOX: f32 = 1.05;
/// Height of a line of writing space in a text box.
const LINE_PITCH: f32 = 16.0;
/// Width of the label column beside one-line boxes in the main column.
const LABEL_COLUMN: f32 = 110.0;
/// Colour of field frames, boxes and circles.
pub(crate) const FRAME: style::Rgb = [0.35, 0.37, 0.40];

impl Measurer<'_> {
    /// Measures a field block: label and widget(s).
    pub(crate) fn field(
        &mut self,
        f: &Field,
        parent: Option<ElemId>,
        frame: Frame,
        out: &mut Vec<Item>,
    ) {
        let st = style::para(ParaStyle::Body, frame.ctx);
        let frame_color = FRAME;
        match &f.kind {
            FieldKind::Text { lines } => {
                if *lines > 1 || frame.ctx != style::Context::Body {
                    let label = self.label(f, parent, frame);
                    let (h, runs) = self.text_box(f, *lines, LINE_PITCH, parent, frame.x, frame.w);
                    out.extend(label);
                    out.push(Item::Atom(Atom {
                        height: h,
                        space_before: 2.0,
                        keep_with_next: false,
                        bond: Default::default(),
                        runs,
                        mark: None,
                    }));
                    return;
                }
                let atom = self.beside(f, parent, frame.x, frame.w);
                out.push(Item::Atom(atom));
            }
            FieldKind::CheckBox => {
                let form = self.elems.declare(parent, StructRole::Form);
                let side = st.size * BOX;
                let gap = side + 5.0;
                let spans = self.labels.label_spans(&f.label, false);
                // PDF/UA wants a Form element to hold its widget only: the
                // visible label is a paragraph beside it.
                let label = self.elems.declare(parent, StructRole::P);
                let mut atoms = self.set_text(&spans, label, frame.x + gap, frame.w - gap, st);
                let top = baseline(self.fonts, st) - side * 0.85;
                let checked = f.value.as_deref().is_some_and(is_checked);
                atoms[0]
                    .runs
                    .insert(0, widget_box(frame.x, top, side, false, frame_color));
                atoms[0].runs.insert(
                    1,
                    Run {
                        tag: Tag::Elem(form),
                        cmds: vec![Cmd::Annot {
                            x: frame.x,
                            y: top,
                            w: side,
                            h: side,
                            contents: f.label.clone(),
                            kind: AnnotKind::CheckBox {
                                name: f.name.clone(),
                                checked,
                            },
                        }],
                    },
                );
                out.extend(atoms.into_iter().map(Item::Atom));
            }
            FieldKind::Choice { options } => {
                let label = self.label(f, parent, frame);
                out.extend(label);
                self.radios(f, options, parent, frame, out);
            }
        }
    }

    /// Two one-line text fields side by side, each with its label to its
    /// left (the header of a form: "Name [  ] Reviewer [  ]").
    pub(crate) fn field_pair(
        &mut self,
        a: &Field,
        b: &Field,
        parent: Option<ElemId>,
        frame: Frame,
        out: &mut Vec<Item>,
    ) {
        let gap = 14.0;
        let half = (frame.w - gap) / 2.0;
        let mut left = self.beside(a, parent, frame.x, half);
        let right = self.beside(b, parent, frame.x + half + gap, half);
        left.height = left.height.max(right.height);
        left.runs.extend(right.runs);
        out.push(Item::Atom(left));
    }

    /// A one-line text field with its label to its left, as on a paper
    /// form (half the height of a label above), in `w` points from `x`.
    fn beside(&mut self, f: &Field, parent: Option<ElemId>, x: f32, w: f32) -> Atom {
        let lines = match f.kind {
            FieldKind::Text { lines } => lines,
            _ => 1,
        };
        let el = self.elems.declare(parent, StructRole::P);
        let column = LABEL_COLUMN.min(w * 0.4);
        let (h, runs) = self.text_box(f, lines, LINE_PITCH, parent, x + column, w - column);
        let st = style::para(ParaStyle::Label, style::Context::Body);
        let spans = self.labels.label_spans(&f.label, true);
        let atoms = self.set_text(&spans, el, x, column - 6.0, st);
        // The label's lines and the box, each centred on the taller of the two.
        let block = atoms.len() as f32 * st.leading;
        let height = h.max(block);
        let mut atom = Atom {
            height,
            ..Atom::default()
        };
        for (k, line) in atoms.into_iter().enumerate() {
            let dy = (height - block) / 2.0 + k as f32 * st.leading;
            for run in line.runs {
                atom.runs.push(Run {
                    tag: run.tag,
                    cmds: run.cmds.iter().map(|c| c.shifted(dy)).collect(),
                });
            }
        }
        for run in runs {
            atom.runs.push(Run {
                tag: run.tag,
                cmds: run
                    .cmds
                    .iter()
                    .map(|c| c.shifted((height - h) / 2.0))
                    .collect(),
            });
        }
        atom.space_before = 5.0;
        atom.keep_with_next = false;
        atom
    }

    /// A text field's box `w` wide at `x`, `lines` lines of `pitch` points: its frame (an artifact) and its
    /// widget (in a new `Form` element under `parent`), and its height.
    pub(crate) fn text_box(
        &mut self,
        f: &Field,
        lines: u16,
        pitch: f32,
        parent: Option<ElemId>,
        x: f32,
        w: f32,
    ) -> (f32, Vec<Run>) {
        let h = f32::from(lines.max(1)) * pitch + 4.0;
        let form = self.elems.declare(parent, StructRole::Form);
        let runs = vec![
            Run {
                tag: Tag::Artifact,
                cmds: vec![Cmd::Frame {
                    x,
                    y: 0.0,
                    w,
                    h,
                    width: 0.6,
                    color: FRAME,
                    round: false,
                }],
            },
            Run {
                tag: Tag::Elem(form),
                cmds: vec![Cmd::Annot {
                    x,
                    y: 0.0,
                    w,
                    h,
                    contents: f.label.clone(),
                    kind: AnnotKind::TextField {
                        name: f.name.clone(),
                        multiline: lines > 1,
                        value: f.value.clone(),
                    },
                }],
            },
        ];
        (h, runs)
    }

    fn label(&mut self, f: &Field, parent: Option<ElemId>, frame: Frame) -> Vec<Item> {
        let el = self.elems.declare(parent, StructRole::P);
        let mut st = style::para(ParaStyle::Label, frame.ctx);
        st.space_before *= 0.8;
        let spans = self.labels.label_spans(&f.label, true);
        let mut atoms = self.set_text(&spans, el, frame.x, frame.w, st);
        for a in &mut atoms {
            a.keep_with_next = true;
        }
        atoms.into_iter().map(Item::Atom).collect()
    }

    /// One radio widget per option, flowed left to right and wrapped.
    fn radios(
        &mut self,
        f: &Field,
        options: &[String],
        parent: Option<ElemId>,
        frame: Frame,
        out: &mut Vec<Item>,
    ) {
        let st = style::para(ParaStyle::Body, frame.ctx);
        let side = st.size * BOX;
        let base = baseline(self.fonts, st);
        let top = base - side * 0.85;
        let regular = self.fonts.face(super::FaceId::Regular);
        let mut line = Atom {
            height: st.leading + 2.0,
            space_before: 2.0,
            ..Atom::default()
        };
        let mut x = frame.x;
        for option in options {
            let text_w = regular.width(option, st.size);
            let needed = side + 4.0 + text_w;
            if x > frame.x && x + needed > frame.x + frame.w {
                out.push(Item::Atom(std::mem::take(&mut line)));
                line.height = st.leading + 2.0;
                x = frame.x;
            }
            let form = self.elems.declare(parent, StructRole::Form);
            let selected = f.value.as_deref() == Some(option.as_str());
            line.runs.push(widget_box(x, top, side, true, FRAME));
            // The option's words are a paragraph after its widget (a Form element
            // holds the widget only); long options wrap under it.
            let label = self.elems.declare(parent, StructRole::P);
            let spans = self.labels.label_spans(option, false);
            let avail = (frame.x + frame.w - (x + side + 4.0)).max(st.size * 2.0);
            let mut text = self.set_text(&spans, label, x + side + 4.0, avail, st);
            line.runs.push(Run {
                tag: Tag::Elem(form),
                cmds: vec![Cmd::Annot {
                    x,
                    y: top,
                    w: side,
                    h: side,
                    contents: format!("{}: {option}", f.label),
                    kind: AnnotKind::Radio {
                        group: f.name.clone(),
                        option: option.clone(),
                        export: export_value(option),
                        selected,
                    },
                }],
            });
            let extra = text.len().saturating_sub(1);
            for (k, atom) in text.iter_mut().enumerate() {
                for run in atom.runs.drain(..) {
                    let shifted = run.cmds.iter().map(|c| c.shifted(k as f32 * st.leading));
                    line.runs.push(Run {
                        tag: run.tag,
                        cmds: shifted.collect(),
                    });
                }
            }
            line.height = line.height.max(st.leading * (extra + 1) as f32 + 2.0);
            x += if extra > 0 { frame.w } else { needed + 14.0 };
        }
        if !line.runs.is_empty() {
            out.push(Item::Atom(line));
        }
    }
}

fn widget_box(x: f32, y: f32, side: f32, round: bool, color: style::Rgb) -> Run {
    Run {
        tag: Tag::Artifact,
        cmds: vec![Cmd::Frame {
            x,
            y,
            w: side,
            h: side,
            width: 0.7,
            color,
            round,
        }],
    }
}

/// What a filled form reports for `option` of a choice field: the option in
/// lower case, with anything but ASCII letters and digits as '-' ("Not yet
/// demonstrated" gives "not-yet-demonstrated").
fn export_value(option: &str) -> String {
    let mut out = String::new();
    for c in option.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    if out.is_empty() {
        "choice".into()
    } else {
        out.into()
    }
}

/// Whether `block` is a one-line text field that [`Measurer::field_pair`]
/// can set beside another in the main column.
pub(crate) fn pairs(block: &crate::doc::Block, frame: Frame) -> Option<&Field> {
    match block {
        crate::doc::Block::Field(
            f @ Field {
                kind: FieldKind::Text { lines: 0 | 1 },
                ..
            },
        ) if frame.ctx == style::Context::Body => Some(f),
        _ => None,
    }
}

/// Values that mean "ticked" in pre-filled data.
fn is_checked(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "yes" | "true" | "1" | "on" | "x" | "checked"
    )
}
