//! The sheet the fill tests use, the values they type, and how a filled
//! file is read back and checked: stored values with lopdf, drawn text and
//! buttons with poppler and mupdf.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use jobpack::compose::appraisal::appraisal;
use jobpack::model::Framework;
use jobpack::render::pdf::{render, FontSet, PdfOptions};
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A Welsh name, typed into `person.name`.
pub const NAME: &str = "Siân Llŷr ap Gwŵr";
/// Typed into `review.date`.
pub const DATE: &str = "14/03/2027";
/// Three lines of evidence: every letter and common symbol, Welsh and other
/// Latin letters, dashes, curly quotes, currency, digits.
pub const EVIDENCE: [&str; 3] = [
    "Quiz: zebra jumps over lazy Xavier (Q4 & Q1) 50% / 100%; ok? yes!",
    "Welsh ŵ ŷ Ŵ Ŷ ẁ ẃ ỳ – — ‘single’ “double” € £ … © ° ± × ÷ #1 @x",
    "Łódź, Dvořák, Ørsted, Zoë Ångström, ß ç ş ț 0123456789 [a] {b} <c>",
];

/// The repository root.
pub fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether `tool args` runs; a missing tool skips the test, except in CI.
pub fn have(tool: &str, args: &[&str]) -> bool {
    let found = Command::new(tool)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is not installed (.ci/run installs it)"
        );
        eprintln!("skipping: {tool} is not installed");
    }
    found
}

/// The Python with pypdf and pymupdf: `JOBPACK_FORMS_PYTHON`, else the venv
/// `.ci/run` makes.
pub fn python() -> Option<PathBuf> {
    let python = std::env::var_os("JOBPACK_FORMS_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest().join("target/forms-venv/bin/python"));
    let ok = Command::new(&python)
        .args(["-c", "import pypdf, pymupdf"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "no Python with pypdf and pymupdf at {} (.ci/run makes it)",
            python.display()
        );
        eprintln!(
            "skipping: no Python with pypdf and pymupdf at {}",
            python.display()
        );
        return None;
    }
    Some(python)
}

/// The pdfjs-dist package: `JOBPACK_FORMS_PDFJS`, else where `.ci/run` puts it.
pub fn pdfjs() -> Option<PathBuf> {
    let dir = std::env::var_os("JOBPACK_FORMS_PDFJS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest().join("target/forms-js/node_modules/pdfjs-dist"));
    if !dir.join("legacy/build/pdf.mjs").is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdfjs-dist is not installed at {} (.ci/run installs it)",
            dir.display()
        );
        eprintln!("skipping: pdfjs-dist is not installed at {}", dir.display());
        return None;
    }
    Some(dir)
}

/// Fills the sheet with `fill.py TOOL`.
pub fn run_python(python: &Path, tool: &str, sheet: &Sheet, out: &Path) {
    let values = sheet.values_json();
    let o = Command::new(python)
        .arg(manifest().join("tests/forms/fill.py"))
        .arg(tool)
        .arg(&sheet.path)
        .arg(out)
        .arg(values)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Which renderings must show the typed text (buttons are always checked in both).
pub struct Renderers {
    /// Text drawn as poppler renders it.
    pub poppler_text: bool,
    /// Text drawn as mupdf renders it.
    pub mupdf_text: bool,
}

impl Renderers {
    /// Both.
    pub const BOTH: Renderers = Renderers {
        poppler_text: true,
        mupdf_text: true,
    };
}

/// The seed's Senior sheet, written to a temporary folder.
pub struct Sheet {
    pub fw: Framework,
    pub role: usize,
    pub level: usize,
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    /// The skill whose grid and evidence box are filled.
    pub skill: String,
    /// Export value chosen per assessor.
    pub choices: [(String, String); 3],
}

impl Sheet {
    pub fn senior() -> Sheet {
        let fw = jobpack::load::load_file(&manifest().join("framework.toml"))
            .expect("the seed framework loads")
            .framework;
        let (role, level) = fw
            .roles
            .iter()
            .enumerate()
            .find_map(|(ri, r)| {
                let li = r.levels.iter().position(|l| l.id == "senior")?;
                Some((ri, li))
            })
            .expect("the seed has a Senior level");
        let doc = appraisal(&fw, role, level, None, fw.document_epoch(None)).unwrap();
        let fonts = FontSet::load().unwrap();
        let pdf = render(&doc, &PdfOptions::default(), &fonts).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sheet.pdf");
        std::fs::write(&path, &pdf.bytes).unwrap();
        let req = &fw.roles[role].levels[level].requirements[0];
        let skill = fw.skills[req.skill].id.clone();
        let above = fw.scale[(req.level + 1).min(fw.scale.len() - 1)].id.clone();
        let choices = [
            ("self".to_string(), fw.scale[req.level].id.clone()),
            ("reviewer".to_string(), above),
            ("agreed".to_string(), "not-yet".to_string()),
        ];
        Sheet {
            fw,
            role,
            level,
            dir,
            path,
            skill,
            choices,
        }
    }

    fn evidence_field(&self) -> String {
        format!("skill.{}.evidence", self.skill)
    }

    fn radio_field(&self, who: &str) -> String {
        format!("skill.{}.{who}", self.skill)
    }

    /// The values as `fill.py` and `fill.mjs` read them; returns the file.
    pub fn values_json(&self) -> PathBuf {
        let text = serde_json::json!({
            "person.name": NAME,
            "review.date": DATE,
            self.evidence_field(): EVIDENCE.join("\n"),
        });
        let radio: serde_json::Map<String, serde_json::Value> = self
            .choices
            .iter()
            .map(|(who, v)| (self.radio_field(who), serde_json::Value::from(v.as_str())))
            .collect();
        let path = self.dir.path().join("values.json");
        let json = serde_json::json!({ "text": text, "radio": radio });
        std::fs::write(&path, json.to_string()).unwrap();
        path
    }

    /// The same values as XFDF, for pdftk.
    pub fn xfdf(&self) -> String {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let mut fields = vec![
            ("person.name".to_string(), NAME.to_string()),
            ("review.date".to_string(), DATE.to_string()),
            (self.evidence_field(), EVIDENCE.join("\n")),
        ];
        for (who, v) in &self.choices {
            fields.push((self.radio_field(who), v.clone()));
        }
        let body: String = fields
            .iter()
            .map(|(n, v)| {
                format!(
                    "<field name=\"{}\"><value>{}</value></field>\n",
                    esc(n),
                    esc(v)
                )
            })
            .collect();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xfdf xmlns=\"http://ns.adobe.com/xfdf/\" \
             xml:space=\"preserve\"><fields>\n{body}</fields></xfdf>\n"
        )
    }

    /// Checks a filled copy: stored values, drawn text, drawn buttons.
    pub fn check_filled(&self, filled: &Path, renderers: Renderers) {
        let bytes = std::fs::read(filled).unwrap();
        let form = Form::read(&bytes);
        let value = |n: &str| form.values.get(n).cloned().unwrap_or_default();
        assert_eq!(value("person.name"), NAME);
        assert_eq!(value("review.date"), DATE);
        assert_eq!(
            value(&self.evidence_field())
                .replace("\r\n", "\n")
                .replace('\r', "\n"),
            EVIDENCE.join("\n")
        );
        for (who, v) in &self.choices {
            // pypdf (7.1) writes a radio group's /V as the text string
            // "/working" rather than the name: a reader takes either.
            let chosen = value(&self.radio_field(who));
            assert_eq!(chosen.strip_prefix('/').unwrap_or(&chosen), v, "{who}");
        }

        let mut wanted = vec![NAME, DATE];
        wanted.extend(EVIDENCE);
        if renderers.poppler_text && have("pdftotext", &["-v"]) {
            let text = squash(&run("pdftotext", &[filled.as_os_str(), "-".as_ref()]));
            for w in &wanted {
                assert!(text.contains(&squash(w)), "poppler does not show {w:?}");
            }
        }
        if renderers.mupdf_text && have("mutool", &["-v"]) {
            let args = ["draw", "-F", "txt", "-o", "-"].map(std::ffi::OsStr::new);
            let mut args = args.to_vec();
            args.push(filled.as_os_str());
            let text = squash(&run("mutool", &args));
            for w in &wanted {
                assert!(text.contains(&squash(w)), "mupdf does not show {w:?}");
            }
        }
        self.check_buttons(filled, &form);
    }

    /// Every button of the skill's grid is drawn on exactly when chosen,
    /// as poppler and mupdf render the page.
    fn check_buttons(&self, filled: &Path, form: &Form) {
        let buttons: Vec<&Widget> = form
            .widgets
            .iter()
            .filter(|w| {
                w.field.starts_with(&format!("skill.{}.", self.skill)) && w.on_state.is_some()
            })
            .collect();
        assert_eq!(buttons.len(), 3 * (self.fw.scale.len() + 1));
        let page = buttons[0].page;
        let dpi = 144.0;
        let mut renders = Vec::new();
        if have("pdftoppm", &["-v"]) {
            let out = self.dir.path().join("poppler");
            let p = (page + 1).to_string();
            let r = dpi.to_string();
            run(
                "pdftoppm",
                &["-gray", "-r", &r, "-f", &p, "-l", &p, "-singlefile"]
                    .map(std::ffi::OsStr::new)
                    .iter()
                    .copied()
                    .chain([filled.as_os_str(), out.as_os_str()])
                    .collect::<Vec<_>>(),
            );
            renders.push(("poppler", Gray::read(&out.with_extension("pgm"))));
        }
        if have("mutool", &["-v"]) {
            let out = self.dir.path().join("mupdf.pgm");
            let p = (page + 1).to_string();
            let r = dpi.to_string();
            let mut args: Vec<&std::ffi::OsStr> = ["draw", "-c", "gray", "-r", &r, "-o"]
                .map(std::ffi::OsStr::new)
                .to_vec();
            args.push(out.as_os_str());
            args.push(filled.as_os_str());
            args.push(p.as_ref());
            run("mutool", &args);
            renders.push(("mupdf", Gray::read(&out)));
        }
        for (renderer, img) in &renders {
            for b in &buttons {
                let who = b.field.rsplit('.').next().unwrap();
                let chosen = self
                    .choices
                    .iter()
                    .any(|(w, v)| w == who && Some(v) == b.on_state.as_ref());
                let scale = dpi / 72.0;
                let cx = ((b.rect[0] + b.rect[2]) / 2.0 * scale) as usize;
                let cy = (img.height as f32 - (b.rect[1] + b.rect[3]) / 2.0 * scale) as usize;
                let ink = img.mean(cx, cy, 2);
                let on = b.on_state.as_deref().unwrap_or("");
                if chosen {
                    assert!(ink < 110.0, "{renderer}: {who} {on} not drawn on ({ink})");
                } else {
                    assert!(ink > 180.0, "{renderer}: {who} {on} drawn on ({ink})");
                }
            }
        }
    }
}

/// Whitespace folded.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let o = Command::new(tool).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A greyscale page (binary PGM, as pdftoppm and mutool write it).
struct Gray {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Gray {
    fn read(path: &Path) -> Gray {
        let bytes = std::fs::read(path).unwrap();
        // Header: "P5", width, height, maxval, each after whitespace.
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P5", "{}", path.display());
        let (width, height) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
        Gray {
            width,
            height,
            pixels: bytes[at + 1..].to_vec(),
        }
    }

    /// Mean grey of the square of `r` pixels around (`x`, `y`).
    fn mean(&self, x: usize, y: usize, r: usize) -> f32 {
        let mut sum = 0u32;
        let mut n = 0u32;
        for yy in y.saturating_sub(r)..=(y + r).min(self.height - 1) {
            for xx in x.saturating_sub(r)..=(x + r).min(self.width - 1) {
                sum += u32::from(self.pixels[yy * self.width + xx]);
                n += 1;
            }
        }
        sum as f32 / n.max(1) as f32
    }
}

/// One widget of the form.
pub struct Widget {
    /// The fully qualified name of its field.
    pub field: String,
    /// 0-based page.
    pub page: usize,
    pub rect: [f32; 4],
    /// For buttons, the name of its on state.
    pub on_state: Option<String>,
    /// The appearance streams it refers to.
    pub appearances: Vec<ObjectId>,
}

/// A PDF's form as lopdf reads it.
pub struct Form {
    doc: Document,
    pub widgets: Vec<Widget>,
    /// Fully qualified name → value (text, or a button's state name).
    pub values: HashMap<String, String>,
    /// Glyph widths listed for the form's `/DR` font.
    pub dr_font_glyphs: usize,
}

impl Form {
    pub fn read(bytes: &[u8]) -> Form {
        let doc = Document::load_mem(bytes).expect("the filled file loads");
        let mut widgets = Vec::new();
        let mut values = HashMap::new();
        for (p, (_, page_id)) in doc.get_pages().into_iter().enumerate() {
            let page = doc.get_dictionary(page_id).unwrap();
            let annots = match page.get(b"Annots").map(|o| deref(&doc, o)) {
                Ok(Object::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            for a in annots {
                let Ok(id) = a.as_reference() else { continue };
                let d = doc.get_dictionary(id).unwrap();
                if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Widget") {
                    continue;
                }
                let field = full_name(&doc, d);
                let rect: Vec<f32> = match d.get(b"Rect").map(|o| deref(&doc, o)) {
                    Ok(Object::Array(r)) => r.iter().map(number).collect(),
                    _ => vec![0.0; 4],
                };
                let (mut on_state, mut appearances) = (None, Vec::new());
                if let Ok(ap) = d.get(b"AP").map(|o| deref(&doc, o)) {
                    if let Ok(n) = ap.as_dict().and_then(|ap| ap.get(b"N")) {
                        match n {
                            Object::Reference(r) => appearances.push(*r),
                            other => {
                                if let Ok(states) = deref(&doc, other).as_dict() {
                                    for (k, v) in states.iter() {
                                        if k.as_slice() != b"Off" {
                                            on_state = Some(String::from_utf8_lossy(k).into());
                                        }
                                        if let Ok(r) = v.as_reference() {
                                            appearances.push(r);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                widgets.push(Widget {
                    field,
                    page: p,
                    rect: [rect[0], rect[1], rect[2], rect[3]],
                    on_state,
                    appearances,
                });
            }
        }
        let catalog = doc.catalog().unwrap();
        let form = catalog.get(b"AcroForm").map(|o| deref(&doc, o)).ok();
        let form = form.and_then(|f| f.as_dict().ok());
        if let Some(Ok(Object::Array(fields))) = form.map(|f| f.get(b"Fields")) {
            for f in fields {
                collect_values(&doc, f, "", &mut values);
            }
        }
        let dr_font_glyphs = form
            .and_then(|f| f.get(b"DR").ok())
            .and_then(|dr| deref(&doc, dr).as_dict().ok())
            .and_then(|dr| dr.get(b"Font").ok())
            .and_then(|fonts| deref(&doc, fonts).as_dict().ok())
            .and_then(|fonts| fonts.iter().next().map(|(_, f)| deref(&doc, f)))
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(b"DescendantFonts").ok())
            .and_then(|d| deref(&doc, d).as_array().ok()?.first().cloned())
            .and_then(|cid| deref(&doc, &cid).as_dict().ok().cloned())
            .and_then(|cid| match cid.get(b"W").map(|w| deref(&doc, w).clone()) {
                Ok(Object::Array(w)) => Some(
                    w.iter()
                        .map(|o| match o {
                            Object::Array(ws) => ws.len(),
                            _ => 0,
                        })
                        .sum(),
                ),
                _ => None,
            })
            .unwrap_or(0);
        Form {
            doc,
            widgets,
            values,
            dr_font_glyphs,
        }
    }

    /// A text entry of the Info dictionary.
    pub fn info(&self, key: &str) -> Option<String> {
        let info = self.doc.trailer.get(b"Info").ok()?;
        let info = deref(&self.doc, info).as_dict().ok()?;
        match info.get(key.as_bytes()).ok()? {
            Object::String(s, _) => Some(text(s)),
            _ => None,
        }
    }
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(r) => doc.get_object(*r).unwrap_or(o),
        _ => o,
    }
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

/// A PDF text string: UTF-16BE or UTF-8 with a byte-order mark, or (near
/// enough for these tests) Latin-1.
fn text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

fn partial(d: &Dictionary) -> Option<String> {
    match d.get(b"T").ok()? {
        Object::String(s, _) => Some(text(s)),
        _ => None,
    }
}

/// The fully qualified name of a widget's field (its own `/T`, or its parent's).
fn full_name(doc: &Document, d: &Dictionary) -> String {
    let mut parts = Vec::new();
    let mut cur = Some(d.clone());
    while let Some(dict) = cur {
        if let Some(t) = partial(&dict) {
            parts.push(t);
        }
        cur = dict
            .get(b"Parent")
            .ok()
            .and_then(|p| deref(doc, p).as_dict().ok().cloned());
    }
    parts.reverse();
    parts.join(".")
}

fn collect_values(doc: &Document, f: &Object, prefix: &str, out: &mut HashMap<String, String>) {
    let Ok(d) = deref(doc, f).as_dict() else {
        return;
    };
    // A kid without /T is a widget, not a field: pypdf writes /V on each of
    // a radio group's widgets too (/Off on all but the chosen), so a value
    // counts only on a field.
    let Some(t) = partial(d) else {
        return;
    };
    let name = if prefix.is_empty() {
        t
    } else {
        format!("{prefix}.{t}")
    };
    match d.get(b"V") {
        Ok(Object::String(s, _)) => {
            out.insert(name.clone(), text(s));
        }
        Ok(Object::Name(n)) => {
            out.insert(name.clone(), String::from_utf8_lossy(n).into_owned());
        }
        _ => {}
    }
    if let Ok(Object::Array(kids)) = d.get(b"Kids").map(|k| deref(doc, k)) {
        for k in kids {
            collect_values(doc, k, &name, out);
        }
    }
}
