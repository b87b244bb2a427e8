//! Building, and reading the editions back with a browser, a validator,
//! LibreOffice and an XML parser.

use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use jobpack::doc::{Block, Document};
use jobpack::model::Framework;
use quick_xml::events::Event;

/// Runs `jobpack build --format FORMATS` and returns its manifest.
pub fn build(framework: &Path, out: &Path, formats: &str) -> serde_json::Value {
    let output = assert_cmd::Command::cargo_bin("jobpack")
        .unwrap()
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["build", "--quiet", "--json", "--format", formats, "--out"])
        .arg(out)
        .arg(framework)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The paths the manifest lists in `format`.
pub fn files_of(manifest: &serde_json::Value, format: &str) -> Vec<String> {
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["format"] == format)
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

/// Whether a program runs; a missing one skips a check, except in CI.
pub fn tool(program: &str, args: &[&str]) -> bool {
    let found = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        // In CI a missing tool is a broken setup, not a reason to skip.
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is not installed (.ci/run installs it)"
        );
        eprintln!("{program} is not installed: check skipped");
    }
    found
}

/// Every `href` of every page is relative and names a file that exists,
/// except the framework's own web address.
pub fn check_links(out: &Path, pages: &[String]) {
    for page in pages {
        let html = std::fs::read_to_string(out.join(page)).unwrap();
        let folder = out.join(page).parent().unwrap().to_path_buf();
        for part in html.split("href=\"").skip(1) {
            let href = &part[..part.find('"').unwrap()];
            if href.starts_with("https://") {
                continue;
            }
            assert!(
                !href.starts_with('/') && !href.contains(':'),
                "{page}: {href}"
            );
            let target = folder.join(href);
            assert!(
                target.is_file(),
                "{page} links {href}, which was not written"
            );
            assert!(
                target
                    .canonicalize()
                    .unwrap()
                    .starts_with(out.canonicalize().unwrap()),
                "{page}: {href} leaves the output folder"
            );
        }
    }
}

/// html-validate and axe-core in headless Chromium, through tests/js/check.mjs.
pub fn browser_checks(out: &Path, pages: &[String]) {
    let js = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists());
    let modules = js.join("node_modules/puppeteer-core").is_dir()
        && js.join("node_modules/axe-core").is_dir()
        && js.join("node_modules/html-validate").is_dir();
    let ci = std::env::var_os("CI").is_some();
    if !tool("node", &["--version"]) {
        return;
    }
    if chromium.is_none() || !modules {
        assert!(
            !ci,
            "chromium or tests/js/node_modules is missing (.ci/run installs them)"
        );
        eprintln!("chromium or tests/js/node_modules (npm ci --prefix tests/js) is missing: browser checks skipped");
        return;
    }
    let output = Command::new("node")
        .arg(js.join("check.mjs"))
        .arg(chromium.unwrap())
        .args(pages.iter().map(|p| out.join(p)))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "browser checks failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains(&format!("checked {} page(s): 0 problem(s)", pages.len())),
        "{report}"
    );
}

/// Every piece of text a document holds, in reading order.
fn texts(blocks: &[Block], into: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Section(children)
            | Block::KeepTogether(children)
            | Block::Language {
                blocks: children, ..
            } => texts(children, into),
            Block::Heading(h) => into.push(h.text.clone()),
            Block::Paragraph(p) => into.push(p.text()),
            Block::List(l) => into.extend(l.items.iter().map(|i| i.text())),
            Block::Table(t) => {
                into.extend(t.columns.iter().map(|c| c.header.clone()));
                for row in &t.rows {
                    for cell in &row.cells {
                        texts(&cell.content, into);
                    }
                }
            }
            Block::Figure(f) => into.push(f.alt.clone()),
            Block::Field(f) => into.push(f.label.clone()),
            Block::ChoiceGrid(g) => into.extend(g.questions.iter().map(|q| q.label.clone())),
            Block::Space(_) => {}
        }
    }
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every sentence of a document, whitespace squeezed.
fn sentences(doc: &Document) -> Vec<String> {
    let mut all = Vec::new();
    texts(&doc.blocks, &mut all);
    let mut out = Vec::new();
    for text in all {
        for s in squeeze(&text).split_inclusive(". ") {
            let s = s.trim();
            if !s.is_empty() {
                out.push(s.to_string());
            }
        }
    }
    out
}

fn zip_parts(bytes: &[u8]) -> Vec<(String, Vec<u8>, bool)> {
    let mut zip = xlsx_zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            let stored = f.compression() == xlsx_zip::CompressionMethod::Stored;
            (f.name().unwrap().to_string(), data, stored)
        })
        .collect()
}

/// Element names (with their `outline-level` where they have one) of a
/// well-formed XML part; panics on any XML error.
fn elements(name: &str, xml: &[u8]) -> Vec<(String, Option<String>)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut found = Vec::new();
    let mut open = 0i32;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let level = e
                    .try_get_attribute("text:outline-level")
                    .unwrap()
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned());
                found.push((
                    String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                    level,
                ));
                open += 1;
            }
            Ok(_) => {}
            Err(e) => panic!("{name}: not well-formed XML: {e}"),
        }
        buf.clear();
    }
    assert!(open > 0, "{name} is empty");
    found
}

/// The ODT files of `manifest`: their XML parsed and LibreOffice's PDF of
/// each holding every sentence of its level.
pub fn odt_checks(fw: &Framework, out: &Path, manifest: &serde_json::Value) {
    let entries: Vec<&serde_json::Value> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["format"] == "odt")
        .collect();
    let epoch = fw.document_epoch(None);
    let role = &fw.roles[0];
    let mut docs = Vec::new();
    for entry in &entries {
        let level_id = entry["level"].as_str().unwrap();
        let level = role.levels.iter().position(|l| l.id == level_id).unwrap();
        let doc = jobpack::compose::profile::profile(fw, 0, level, epoch).unwrap();
        let path = out.join(entry["path"].as_str().unwrap());
        let parts = zip_parts(&std::fs::read(&path).unwrap());
        assert_eq!(parts[0].0, "mimetype");
        assert!(parts[0].2, "mimetype must be stored");
        assert_eq!(parts[0].1, b"application/vnd.oasis.opendocument.text");
        let part = |n: &str| &parts.iter().find(|p| p.0 == n).unwrap().1;
        let manifest_xml = String::from_utf8(part("META-INF/manifest.xml").clone()).unwrap();
        for (name, _, _) in &parts[1..] {
            if name != "META-INF/manifest.xml" {
                assert!(
                    manifest_xml.contains(&format!("full-path=\"{name}\"")),
                    "{name}"
                );
            }
        }
        let content = elements("content.xml", part("content.xml"));
        let headings: BTreeSet<String> = content
            .iter()
            .filter(|(n, _)| n == "text:h")
            .map(|(_, l)| l.clone().expect("every text:h has an outline level"))
            .collect();
        assert_eq!(headings, ["1", "2", "3"].map(String::from).into());
        let tables = content.iter().filter(|(n, _)| n == "table:table").count();
        let header_rows = content
            .iter()
            .filter(|(n, _)| n == "table:table-header-rows")
            .count();
        assert!(
            tables >= 2 && tables == header_rows,
            "every table repeats its header row"
        );
        assert!(content.iter().any(|(n, _)| n == "text:list"));
        elements("styles.xml", part("styles.xml"));
        elements("manifest.xml", part("META-INF/manifest.xml"));
        elements("meta.xml", part("meta.xml"));
        let meta = String::from_utf8(part("meta.xml").clone()).unwrap();
        assert!(meta.contains(&format!(
            "<dc:title>{}</dc:title>",
            jobpack::render::html::escape(&doc.meta.title)
        )));
        assert!(meta.contains("<dc:language>en-GB</dc:language>"));
        docs.push((path, doc));
    }
    if !tool("soffice", &["--version"]) || !tool("pdftotext", &["-v"]) {
        return;
    }
    let pdfs = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let converted = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(pdfs.path())
        .args(docs.iter().map(|(p, _)| p))
        .output()
        .unwrap();
    assert!(converted.status.success(), "{converted:?}");
    for (path, doc) in &docs {
        let pdf: PathBuf = pdfs
            .path()
            .join(path.file_stem().unwrap())
            .with_extension("pdf");
        // Content-stream order: LibreOffice draws a table cell by cell.
        let text = Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(text.status.success(), "LibreOffice did not open {path:?}");
        // Without the running header and footer, which a page break puts
        // in the middle of a paragraph.
        let header = doc.running_header.clone().unwrap_or_default();
        let text: Vec<String> = String::from_utf8_lossy(&text.stdout)
            .lines()
            .filter(|l| l.trim() != header && !l.starts_with(&doc.footer))
            .map(str::to_string)
            .collect();
        let text = squeeze(&text.join("\n"));
        for sentence in sentences(doc) {
            assert!(
                text.contains(&sentence),
                "{}: LibreOffice's PDF lacks {sentence:?}",
                path.display()
            );
        }
    }
}
