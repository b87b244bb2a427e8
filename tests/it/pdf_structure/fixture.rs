//! A hand-made laid-out document: printpdf pages with marked content and the
//! matching `LaidOut`, as the layout engine would produce them. Covers
//! headings, a link, a table, a Welsh passage, a paragraph crossing a page
//! break, a list, form fields and artifacts.

use std::collections::BTreeMap;

use jobpack::doc::DocMeta;
use jobpack::render::pdf::tags::*;
use printpdf::*;

pub fn meta() -> DocMeta {
    DocMeta {
        title: "Senior application operations engineer – job profile".into(),
        author: "Government Digital Service".into(),
        subject: "Job profile for the Senior level".into(),
        keywords: vec!["DDaT".into(), "Application operations engineer".into()],
        language: "en-GB".into(),
        epoch: Some(1_578_355_200),
        creator: "jobpack 0.1.0".into(),
        properties: Vec::new(),
    }
}

/// Builds pages of ops while recording the structure, like layout does.
struct Builder {
    pages: Vec<Vec<Op>>,
    next_mcid: Vec<u32>,
    laid: LaidOut,
    font: PdfFontHandle,
}

impl Builder {
    fn new(font: PdfFontHandle, pages: usize) -> Builder {
        Builder {
            pages: vec![Vec::new(); pages],
            next_mcid: vec![0; pages],
            laid: LaidOut {
                annotations: vec![Vec::new(); pages],
                page_count: pages,
                ..LaidOut::default()
            },
            font,
        }
    }

    /// Draws `text` at (x, y) as marked content of `node`.
    fn text(&mut self, node: NodeId, page: usize, x: f32, y: f32, size: f32, text: &str) {
        let mcid = self.next_mcid[page];
        self.next_mcid[page] += 1;
        let mut map = BTreeMap::new();
        map.insert("MCID".to_string(), DictItem::Int(mcid.into()));
        self.pages[page].extend([
            Op::BeginMarkedContentWithProperties {
                tag: "P".into(),
                properties: DictItem::Dict { map },
            },
            Op::StartTextSection,
            Op::SetFont {
                font: self.font.clone(),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.into())],
            },
            Op::EndTextSection,
            Op::EndMarkedContent,
        ]);
        self.laid.tree.add_content(node, page, mcid);
    }

    /// A rule or box outline drawn as an artifact.
    fn artifact_box(&mut self, page: usize, x: f32, y: f32, w: f32, h: f32) {
        self.pages[page].extend([
            Op::BeginMarkedContent {
                tag: "Artifact".into(),
            },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(x),
                    y: Pt(y),
                    width: Pt(w),
                    height: Pt(h),
                    mode: Some(PaintMode::Stroke),
                    winding_order: None,
                },
            },
            Op::EndMarkedContent,
        ]);
    }

    fn footer(&mut self, page: usize, total: usize) {
        let mut map = BTreeMap::new();
        map.insert("Type".to_string(), DictItem::Name(b"Pagination".to_vec()));
        map.insert("Subtype".to_string(), DictItem::Name(b"Footer".to_vec()));
        self.pages[page].extend([
            Op::BeginMarkedContentWithProperties {
                tag: "Artifact".into(),
                properties: DictItem::Dict { map },
            },
            Op::StartTextSection,
            Op::SetFont {
                font: self.font.clone(),
                size: Pt(9.0),
            },
            Op::SetTextCursor {
                pos: Point {
                    x: Pt(56.0),
                    y: Pt(30.0),
                },
            },
            Op::ShowText {
                items: vec![TextItem::Text(format!("Page {} of {total}", page + 1))],
            },
            Op::EndTextSection,
            Op::EndMarkedContent,
        ]);
    }

    fn annot(
        &mut self,
        node: NodeId,
        page: usize,
        rect: [f32; 4],
        contents: &str,
        kind: AnnotKind,
    ) {
        let index = self.laid.annotations[page].len();
        self.laid.annotations[page].push(Annotation {
            rect,
            contents: contents.into(),
            kind,
            node,
        });
        self.laid.tree.add_annot(node, page, index);
    }
}

/// The fixture document; `value` pre-fills the name field when given (it
/// must use only characters drawn elsewhere, so they are in the subset).
pub fn document(font: Option<ParsedFont>, value: Option<&str>) -> (lopdf::Document, LaidOut) {
    let mut pdf = PdfDocument::new("fixture");
    let handle = match font {
        Some(f) => {
            let id = FontId("FR".into());
            pdf.resources.fonts.map.insert(id.clone(), PdfFont::new(f));
            PdfFontHandle::External(id)
        }
        None => PdfFontHandle::Builtin(BuiltinFont::Helvetica),
    };
    let mut b = Builder::new(handle, 2);
    let root = StructTree::ROOT;
    let sect = b.laid.tree.add(root, StructRole::Sect);
    let h1 = b.laid.tree.add(sect, StructRole::H(1));
    b.laid.tree.nodes[h1].title = Some("Senior application operations engineer".into());
    b.text(
        h1,
        0,
        56.0,
        780.0,
        18.0,
        "Senior application operations engineer",
    );
    b.laid.outline.push(OutlineEntry {
        level: 1,
        title: "Senior application operations engineer".into(),
        page: 0,
        top: 800.0,
        left: 56.0,
    });
    let p = b.laid.tree.add(sect, StructRole::P);
    b.text(p, 0, 56.0, 750.0, 11.0, "Read the framework at");
    let link = b.laid.tree.add(p, StructRole::Link);
    b.text(link, 0, 180.0, 750.0, 11.0, "gov.uk");
    b.annot(
        link,
        0,
        [180.0, 746.0, 215.0, 762.0],
        "GOV.UK capability framework",
        AnnotKind::Uri("https://www.gov.uk/".into()),
    );
    let table = b.laid.tree.add(sect, StructRole::Table);
    for (r, cells) in [["Skill", "Level"], ["Incident management", "Expert"]]
        .iter()
        .enumerate()
    {
        let tr = b.laid.tree.add(table, StructRole::TR);
        for (c, cell) in cells.iter().enumerate() {
            let role = if r == 0 {
                StructRole::TH(Scope::Column)
            } else {
                StructRole::TD
            };
            let node = b.laid.tree.add(tr, role);
            let (x, y) = (56.0 + 200.0 * c as f32, 700.0 - 20.0 * r as f32);
            b.artifact_box(0, x - 2.0, y - 5.0, 200.0, 20.0);
            b.text(node, 0, x, y, 11.0, cell);
        }
    }
    let cy = b.laid.tree.add(sect, StructRole::P);
    b.laid.tree.nodes[cy].lang = Some("cy".into());
    b.text(
        cy,
        0,
        56.0,
        640.0,
        11.0,
        "Peiriannydd gweithrediadau cymwysiadau ŵ ŷ",
    );
    let long = b.laid.tree.add(sect, StructRole::P);
    b.text(
        long,
        0,
        56.0,
        80.0,
        11.0,
        "A paragraph that starts at the foot of one page",
    );
    b.footer(0, 2);
    b.text(
        long,
        1,
        56.0,
        780.0,
        11.0,
        "and ends at the head of the next.",
    );
    let h2 = b.laid.tree.add(sect, StructRole::H(2));
    b.text(h2, 1, 56.0, 740.0, 14.0, "Appraisal");
    b.laid.outline.push(OutlineEntry {
        level: 2,
        title: "Appraisal".into(),
        page: 1,
        top: 755.0,
        left: 56.0,
    });
    let list = b.laid.tree.add(sect, StructRole::L);
    let li = b.laid.tree.add(list, StructRole::LI);
    let lbl = b.laid.tree.add(li, StructRole::Lbl);
    b.text(lbl, 1, 56.0, 710.0, 11.0, "•");
    let body = b.laid.tree.add(li, StructRole::LBody);
    b.text(
        body,
        1,
        70.0,
        710.0,
        11.0,
        "Name, self-assessment: working or expert",
    );
    let name_p = b.laid.tree.add(sect, StructRole::P);
    b.text(name_p, 1, 56.0, 680.0, 11.0, "Name");
    let form = b.laid.tree.add(name_p, StructRole::Form);
    b.artifact_box(1, 120.0, 675.0, 250.0, 18.0);
    b.annot(
        form,
        1,
        [120.0, 675.0, 370.0, 693.0],
        "Name",
        AnnotKind::TextField {
            name: "name".into(),
            multiline: false,
            value: value.map(String::from),
        },
    );
    let notes = b.laid.tree.add(sect, StructRole::Form);
    b.artifact_box(1, 56.0, 560.0, 400.0, 100.0);
    b.annot(
        notes,
        1,
        [56.0, 560.0, 456.0, 660.0],
        "Evidence and comments",
        AnnotKind::TextField {
            name: "evidence".into(),
            multiline: true,
            value: value.map(|v| format!("{v}\n{v} {v} {v}")),
        },
    );
    let check = b.laid.tree.add(sect, StructRole::Form);
    b.annot(
        check,
        1,
        [56.0, 530.0, 70.0, 544.0],
        "Agreed",
        AnnotKind::CheckBox {
            name: "agreed".into(),
            checked: true,
        },
    );
    for (i, level) in ["working", "expert"].iter().enumerate() {
        let f = b.laid.tree.add(sect, StructRole::Form);
        let x = 56.0 + 80.0 * i as f32;
        b.annot(
            f,
            1,
            [x, 500.0, x + 14.0, 514.0],
            &format!("Self-assessment: {level}"),
            AnnotKind::Radio {
                group: "self".into(),
                option: level.to_string(),
                export: level.to_string(),
                selected: i == 1,
            },
        );
    }
    b.footer(1, 2);
    let pages = b
        .pages
        .into_iter()
        .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
        .collect();
    pdf.with_pages(pages);
    let mut warnings = Vec::new();
    let lo = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    (lo, b.laid)
}
