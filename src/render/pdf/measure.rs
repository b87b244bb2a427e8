//! Blocks → measured atoms: headings, paragraphs, lists, figures, groups.
//! Tables live in `table.rs` and form fields in `fields.rs`.

use std::collections::BTreeSet;

use super::flow::{Atom, Bond, Cmd, ElemId, Elems, Item, Mark, Run, Tag};
use super::fonts::FontSet;
use super::style::{self, Context, Geometry, Rgb, TextStyle};
use super::tags::StructRole;
use super::text::{break_lines, Piece};
use crate::doc::{Block, Figure, List, Paragraph, Span};

/// Where blocks are set: a column `w` wide starting `x` points from the page's left edge.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Left edge of the column, in points from the page's left edge.
    pub x: f32,
    /// Width of the column in points; text is broken to fit it.
    pub w: f32,
    /// Main column or table cell: picks the type sizes.
    pub ctx: Context,
}

/// A decoded figure image, drawn later as an XObject.
pub(crate) struct FigureImage {
    /// The decoded pixels (never 0 × 0), embedded as XObject `IM{n + 1}`
    /// where `n` is its index in [`Measurer::figures`].
    pub(crate) image: printpdf::RawImage,
}

/// Measures blocks into [`Item`]s, declaring structure elements as it goes.
pub struct Measurer<'a> {
    /// The faces every width is measured with; painting must use the same set.
    pub(crate) fonts: &'a FontSet,
    /// The page frame (a figure is never taller than 90% of the body height).
    geom: Geometry,
    /// Colour of main headings, links and their underlines.
    accent: Rgb,
    /// Every structure element declared so far; painting turns them into
    /// tree nodes as their content is drawn.
    pub(crate) elems: Elems,
    /// Non-fatal problems (characters no font has, undecodable images, rows
    /// with too many cells); they end up in
    /// [`RenderedPdf::warnings`](super::RenderedPdf::warnings).
    pub(crate) warnings: Vec<String>,
    /// Decoded figure images, in the order [`Cmd::Image`] `index` refers to.
    pub(crate) figures: Vec<FigureImage>,
    /// Characters already warned about, so each is reported once a document.
    missing: BTreeSet<char>,
    /// A row header repeated on a continuation page, "{text} (continued)" in
    /// the document's language.
    pub(crate) continued: String,
    /// The document's furniture, for labels given in two languages
    /// ([`crate::doc::Furniture::label_spans`]).
    pub(crate) labels: crate::doc::Furniture,
}

impl<'a> Measurer<'a> {
    /// A measurer for one document.
    pub fn new(fonts: &'a FontSet, geom: Geometry, accent: Rgb) -> Measurer<'a> {
        Measurer {
            fonts,
            geom,
            accent,
            elems: Elems::default(),
            warnings: Vec::new(),
            figures: Vec::new(),
            missing: BTreeSet::new(),
            continued: crate::doc::Furniture::default().continued,
            labels: crate::doc::Furniture::default(),
        }
    }

    /// Colour of main headings and links, and the hue of the scale's shades.
    pub(crate) fn accent(&self) -> Rgb {
        self.accent
    }

    /// Measures `blocks` under `parent` into `out`.
    pub fn blocks(
        &mut self,
        blocks: &[Block],
        parent: Option<ElemId>,
        frame: Frame,
        out: &mut Vec<Item>,
    ) {
        // A heading keeps the first lines of the block after it (up to two
        // breaks' worth, never that block's last line, so keeps never chain
        // from one block into the next).
        let mut after_heading = false;
        let mut paired = false;
        for (i, block) in blocks.iter().enumerate() {
            if std::mem::take(&mut paired) {
                continue;
            }
            let start = out.len();
            // One-line fields in the main column go two to a line.
            let pair = super::fields::pairs(block, frame).zip(
                blocks
                    .get(i + 1)
                    .and_then(|b| super::fields::pairs(b, frame)),
            );
            if let Some((a, b)) = pair {
                self.field_pair(a, b, parent, frame, out);
                paired = true;
            } else {
                self.block(block, parent, frame, out);
            }
            if matches!(block, Block::Heading(_)) {
                after_heading = true;
            } else if after_heading {
                after_heading = false;
                let n = out.len() - start;
                for item in out[start..].iter_mut().take(2.min(n.saturating_sub(1))) {
                    match item {
                        Item::Atom(a) => {
                            a.keep_with_next = true;
                            a.bond = a.bond.max(Bond::Line);
                        }
                        Item::Table(_) => break,
                    }
                }
            }
            // A paragraph that introduces what follows ("… there:") stays with it.
            let introduces =
                matches!(block, Block::Paragraph(p) if p.text().trim_end().ends_with(':'));
            if introduces && i + 1 < blocks.len() && out.len() > start {
                if let Some(last) = out.last_mut() {
                    last.set_keep_with_next(true);
                }
            }
        }
    }

    fn block(&mut self, block: &Block, parent: Option<ElemId>, frame: Frame, out: &mut Vec<Item>) {
        match block {
            Block::Section(children) => {
                let sect = self.elems.declare(parent, StructRole::Sect);
                self.blocks(children, Some(sect), frame, out);
            }
            Block::Heading(h) => {
                let level = h.level.clamp(1, 6);
                let el = self.elems.declare(parent, StructRole::H(level));
                self.elems.0[el].title = Some(h.text.clone());
                let st = style::heading(level, frame.ctx, self.accent);
                let spans = [Span::bold(h.text.clone())];
                let mut atoms = self.set_text(&spans, el, frame.x, frame.w, st);
                for a in &mut atoms {
                    a.keep_with_next = true;
                    a.bond = Bond::Heading;
                }
                if level == 2 && frame.ctx == Context::Body {
                    // A hairline in the accent above each main section.
                    let first = &mut atoms[0];
                    shift_atom(first, 9.0);
                    first.runs.push(Run {
                        tag: Tag::Artifact,
                        cmds: vec![Cmd::Rule {
                            x1: frame.x,
                            y1: 0.5,
                            x2: frame.x + frame.w,
                            y2: 0.5,
                            width: 1.0,
                            color: self.accent,
                        }],
                    });
                }
                if h.bookmark {
                    atoms[0].mark = Some(Mark {
                        level,
                        title: h.text.clone(),
                    });
                }
                out.extend(atoms.into_iter().map(Item::Atom));
            }
            Block::Paragraph(p) => {
                let st = style::para(p.style, frame.ctx);
                self.paragraph(p, parent, frame, st, out);
            }
            Block::List(list) => self.list(list, parent, frame, out),
            Block::Table(t) => {
                let item = self.table(t, parent, frame);
                out.push(item);
            }
            Block::Figure(f) => self.figure(f, parent, frame, out),
            Block::KeepTogether(children) => {
                let mut group = Vec::new();
                self.blocks(children, parent, frame, &mut group);
                let n = group.len();
                for (i, item) in group.iter_mut().enumerate() {
                    if i + 1 < n {
                        item.keep_together();
                    } else if let Item::Table(t) = item {
                        t.keep_whole = true;
                    }
                }
                // A grid's notes box may still go to the next page.
                if let (Some(Block::ChoiceGrid(g)), Some(Item::Table(t))) = (
                    children.last(),
                    n.checked_sub(2).and_then(|i| group.get_mut(i)),
                ) {
                    if g.notes.is_some() {
                        t.keep_with_next = false;
                    }
                }
                out.extend(group);
            }
            Block::Field(f) => self.field(f, parent, frame, out),
            Block::Language { lang, blocks } => {
                let sect = self.elems.declare(parent, StructRole::Sect);
                self.elems.0[sect].lang = Some(lang.clone());
                self.blocks(blocks, Some(sect), frame, out);
            }
            Block::ChoiceGrid(g) => self.choice_grid(g, parent, frame, out),
            Block::Space(h) => out.push(Item::Atom(Atom {
                height: h.max(0.0),
                ..Atom::default()
            })),
        }
    }

    /// A paragraph as a `P` element.
    pub(crate) fn paragraph(
        &mut self,
        p: &Paragraph,
        parent: Option<ElemId>,
        frame: Frame,
        st: TextStyle,
        out: &mut Vec<Item>,
    ) {
        let el = self.elems.declare(parent, StructRole::P);
        self.elems.0[el].lang = p.lang.clone();
        let mut atoms = self.set_text(&p.spans, el, frame.x, frame.w, st);
        if p.style == crate::doc::ParaStyle::Label {
            // A lead-in ("You can:") never ends a page.
            for a in &mut atoms {
                a.keep_with_next = true;
            }
        }
        out.extend(atoms.into_iter().map(Item::Atom));
    }

    fn list(&mut self, list: &List, parent: Option<ElemId>, frame: Frame, out: &mut Vec<Item>) {
        let role = if list.ordered {
            StructRole::LDecimal
        } else {
            StructRole::L
        };
        let l = self.elems.declare(parent, role);
        let body = style::para(crate::doc::ParaStyle::Body, frame.ctx);
        let indent = style::LIST_INDENT * body.size / 10.5 + if list.ordered { 4.0 } else { 0.0 };
        for (i, item) in list.items.iter().enumerate() {
            let li = self.elems.declare(Some(l), StructRole::LI);
            let lbl = self.elems.declare(Some(li), StructRole::Lbl);
            let lbody = self.elems.declare(Some(li), StructRole::LBody);
            self.elems.0[lbody].lang = item.lang.clone();
            let st = TextStyle {
                space_before: if i == 0 {
                    body.space_before * 0.6
                } else {
                    body.space_before * 0.4
                },
                ..body
            };
            let mut atoms =
                self.set_text(&item.spans, lbody, frame.x + indent, frame.w - indent, st);
            let label = if list.ordered {
                format!("{}.", i + 1)
            } else {
                "\u{2022}".to_string()
            };
            let baseline = baseline(self.fonts, st);
            atoms[0].runs.insert(
                0,
                Run {
                    tag: Tag::Elem(lbl),
                    cmds: vec![Cmd::Text {
                        x: frame.x + if list.ordered { 0.0 } else { 3.0 },
                        baseline,
                        face: super::FaceId::Regular,
                        size: st.size,
                        color: st.color,
                        text: label,
                    }],
                },
            );
            out.extend(atoms.into_iter().map(Item::Atom));
        }
    }

    fn figure(&mut self, f: &Figure, parent: Option<ElemId>, frame: Frame, out: &mut Vec<Item>) {
        let image = match super::picture::decode(&f.png) {
            Ok(img) => img,
            Err(why) => {
                self.warnings.push(format!(
                    "image \"{}\" could not be decoded ({why}); its alternative text is printed instead",
                    f.alt
                ));
                let p = Paragraph::plain(f.alt.clone());
                let st = style::para(crate::doc::ParaStyle::Small, frame.ctx);
                self.paragraph(&p, parent, frame, st, out);
                return;
            }
        };
        let ratio = image.width as f32 / image.height as f32;
        let mut h = f.height.clamp(1.0, self.geom.body_height() * 0.9);
        let mut w = h * ratio;
        if w > frame.w {
            w = frame.w;
            h = w / ratio;
        }
        let el = self.elems.declare(
            parent,
            StructRole::Figure {
                alt: f.alt.clone(),
                bbox: [0.0; 4],
            },
        );
        self.elems.0[el].alt = Some(f.alt.clone());
        let index = self.figures.len();
        self.figures.push(FigureImage { image });
        out.push(Item::Atom(Atom {
            height: h,
            space_before: 6.0,
            keep_with_next: false,
            bond: Bond::Free,
            runs: vec![Run {
                tag: Tag::Elem(el),
                cmds: vec![Cmd::Image {
                    x: frame.x,
                    y: 0.0,
                    w,
                    h,
                    index,
                }],
            }],
            mark: None,
        }));
    }

    /// Sets spans as lines owned by `owner`, one atom per line, with orphan and
    /// widow control: a break leaving one line of the paragraph alone is
    /// avoided strongly, one leaving two lines mildly.
    pub(crate) fn set_text(
        &mut self,
        spans: &[Span],
        owner: ElemId,
        x: f32,
        w: f32,
        st: TextStyle,
    ) -> Vec<Atom> {
        // The inline elements of the text: links (with their URI) and runs
        // in another language (`Span` with its /Lang, no URI).
        let mut links: Vec<(ElemId, Option<String>)> = Vec::new();
        // Each span, split into runs a bundled font can draw.
        let mut parts: Vec<(String, super::FaceId, Option<usize>)> = Vec::new();
        for span in spans {
            let face = style::face(span.bold || st.bold, span.italic);
            let link = if let Some(uri) = &span.link {
                let el = self.elems.declare(Some(owner), StructRole::Link);
                self.elems.0[el].lang.clone_from(&span.lang);
                links.push((el, Some(uri.clone())));
                Some(links.len() - 1)
            } else if let Some(lang) = &span.lang {
                let el = self.elems.declare(Some(owner), StructRole::Span);
                self.elems.0[el].lang = Some(lang.clone());
                links.push((el, None));
                Some(links.len() - 1)
            } else {
                None
            };
            let mut missing = Vec::new();
            for (text, f) in self.fonts.cover(&span.text, face, &mut missing) {
                parts.push((text, f, link));
            }
            for c in missing {
                self.warn_missing(c, spans);
            }
        }
        let pieces: Vec<Piece<'_>> = parts
            .iter()
            .map(|(text, face, link)| Piece {
                text,
                face: *face,
                link: *link,
            })
            .collect();
        let lines = break_lines(self.fonts, &pieces, st.size, w);
        let base = baseline(self.fonts, st);
        let n = lines.len();
        let mut atoms = Vec::with_capacity(n);
        for (i, line) in lines.into_iter().enumerate() {
            let mut runs: Vec<Run> = Vec::new();
            for frag in line.frags {
                let (tag, color) = match frag.link {
                    Some(k) if links[k].1.is_some() => (Tag::Elem(links[k].0), self.accent),
                    Some(k) => (Tag::Elem(links[k].0), st.color),
                    None => (Tag::Elem(owner), st.color),
                };
                let fx = x + frag.x;
                let mut cmds = vec![Cmd::Text {
                    x: fx,
                    baseline: base,
                    face: frag.face,
                    size: st.size,
                    color,
                    text: frag.text.clone(),
                }];
                if let Some((link_el, Some(uri))) = frag.link.map(|k| &links[k]) {
                    cmds.push(Cmd::Annot {
                        x: fx,
                        y: 0.0,
                        w: frag.width,
                        h: st.leading,
                        contents: format!("{} ({uri})", frag.text.trim()),
                        kind: super::tags::AnnotKind::Uri(uri.clone()),
                    });
                    runs.push(Run {
                        tag: Tag::Elem(*link_el),
                        cmds,
                    });
                    // Underlined, so a link never relies on colour alone.
                    runs.push(Run {
                        tag: Tag::Artifact,
                        cmds: vec![Cmd::Rule {
                            x1: fx,
                            y1: base + st.size * 0.12,
                            x2: fx + frag.width,
                            y2: base + st.size * 0.12,
                            width: 0.5,
                            color: self.accent,
                        }],
                    });
                    continue;
                }
                match runs.last_mut() {
                    Some(r) if r.tag == tag => r.cmds.extend(cmds),
                    _ => runs.push(Run { tag, cmds }),
                }
            }
            if runs.is_empty() {
                // An empty paragraph still exists in the structure.
                runs.push(Run {
                    tag: Tag::Elem(owner),
                    cmds: Vec::new(),
                });
            }
            atoms.push(Atom {
                height: st.leading,
                space_before: if i == 0 { st.space_before } else { 0.0 },
                keep_with_next: n >= 2 && (i == 0 || i + 2 == n),
                // Two lines alone at either end are allowed, but avoided when cheap to.
                bond: if n >= 4 && (i == 1 || i + 3 == n) {
                    Bond::Short
                } else {
                    Bond::Free
                },
                runs,
                mark: None,
            });
        }
        atoms
    }

    /// Warns once per document about each character no bundled font can draw.
    fn warn_missing(&mut self, c: char, spans: &[Span]) {
        if !self.missing.insert(c) {
            return;
        }
        let context: String = spans.iter().map(|s| s.text.as_str()).collect();
        let context: String = context.chars().take(60).collect();
        self.warnings.push(format!(
            "character U+{:04X} '{c}' is in none of the bundled fonts; it prints as '{}' in \"{context}\"",
            c as u32,
            super::fonts::REPLACEMENT
        ));
    }
}

/// Baseline offset from the top of a line box, centring the font's extent in the leading.
pub(crate) fn baseline(fonts: &FontSet, st: TextStyle) -> f32 {
    let f = fonts.face(super::FaceId::Regular);
    let extent = (f.ascent - f.descent) * st.size;
    (st.leading - extent) / 2.0 + f.ascent * st.size
}

/// Moves an atom's drawing down by `dy` and makes it that much taller.
pub(crate) fn shift_atom(atom: &mut Atom, dy: f32) {
    for run in &mut atom.runs {
        for cmd in &mut run.cmds {
            *cmd = cmd.shifted(dy);
        }
    }
    atom.height += dy;
}
