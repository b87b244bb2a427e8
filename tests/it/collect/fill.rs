//! Filling appraisal sheets the way people and scripts do: with pypdf (through
//! `sheets.py`) and with pdftk (an FDF file), both real, independent clients.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The external programs the tests fill sheets with.
pub struct Tools {
    /// A Python with pypdf.
    pub python: PathBuf,
}

/// The helper script beside this file.
pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/collect/sheets.py")
}

fn has_pypdf(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import pypdf, pymupdf"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// pypdf and pdftk, or `None` with a message when either is missing; in CI
/// (where `.ci/run` installs both) a missing one fails the test instead.
pub fn tools() -> Option<Tools> {
    // The venv .ci/run makes (shared with the forms tests).
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/forms-venv/bin/python");
    let python = std::env::var_os("JOBPACK_TEST_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .chain([venv, PathBuf::from("python3")])
        .find(|p| has_pypdf(p));
    let pdftk = Command::new("pdftk")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let qpdf = Command::new("qpdf")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing: Vec<&str> = [
        (python.is_none(), "pypdf with PyMuPDF"),
        (!pdftk, "pdftk"),
        (!qpdf, "qpdf"),
    ]
    .iter()
    .filter(|(gone, _)| *gone)
    .map(|(_, name)| *name)
    .collect();
    if missing.is_empty() {
        return python.map(|python| Tools { python });
    }
    let message = format!(
        "{} not installed (.ci/run installs pdftk-java, qpdf, and pypdf and PyMuPDF in target/forms-venv)",
        missing.join(" and ")
    );
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("skipping: {message}");
    None
}

/// A field's value to fill in.
#[derive(Debug, Clone)]
pub enum Fill {
    /// Text for a text field.
    Text(String),
    /// A radio group's state, without the slash.
    State(String),
}

/// Runs `sheets.py COMMAND src dst spec.json`.
pub fn script_run(tools: &Tools, command: &str, src: &Path, dst: &Path, spec: &serde_json::Value) {
    let spec_file = dst.with_extension(format!("{command}.json"));
    std::fs::write(&spec_file, serde_json::to_vec(spec).unwrap()).unwrap();
    let out = Command::new(&tools.python)
        .arg(script())
        .arg(command)
        .arg(src)
        .arg(dst)
        .arg(&spec_file)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "sheets.py {command} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Fills `src` into `dst` with `sheets.py COMMAND`: `fill` (pypdf, the
/// file rewritten), `fill-incremental` (pypdf, an update appended, as viewers
/// save) or `fill-pymupdf`.
pub fn with_script(
    tools: &Tools,
    command: &str,
    src: &Path,
    dst: &Path,
    values: &[(String, Fill)],
) {
    let map: serde_json::Map<String, serde_json::Value> = values
        .iter()
        .map(|(name, fill)| {
            let v = match fill {
                Fill::Text(t) => t.clone(),
                Fill::State(s) => format!("/{s}"),
            };
            (name.clone(), serde_json::Value::String(v))
        })
        .collect();
    script_run(tools, command, src, dst, &serde_json::Value::Object(map));
}

/// Fills `src` into `dst` with `pdftk fill_form`, from an FDF file whose
/// texts are UTF-16BE strings and whose radio values are names.
pub fn with_pdftk(src: &Path, dst: &Path, values: &[(String, Fill)]) {
    let utf16 = |t: &str| {
        let hex: String = t
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .map(|b| format!("{b:02X}"))
            .collect();
        format!("<FEFF{hex}>")
    };
    let fields: Vec<String> = values
        .iter()
        .map(|(name, fill)| {
            let v = match fill {
                Fill::Text(t) => utf16(t),
                Fill::State(s) => format!("/{s}"),
            };
            format!("<< /T {} /V {v} >>", utf16(name))
        })
        .collect();
    let fdf = format!(
        "%FDF-1.2\n1 0 obj\n<< /FDF << /Fields [ {} ] >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
        fields.join("\n")
    );
    let fdf_file = dst.with_extension("fdf");
    std::fs::write(&fdf_file, fdf).unwrap();
    let out = Command::new("pdftk")
        .arg(src)
        .arg("fill_form")
        .arg(&fdf_file)
        .arg("output")
        .arg(dst)
        .output()
        .expect("pdftk runs");
    assert!(
        out.status.success(),
        "pdftk failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Rewrites `file` with qpdf, packing its objects into object streams.
pub fn into_object_streams(file: &Path) {
    let packed = file.with_extension("packed.pdf");
    let out = Command::new("qpdf")
        .arg("--object-streams=generate")
        .arg(file)
        .arg(&packed)
        .output()
        .expect("qpdf runs");
    assert!(out.status.success(), "qpdf failed: {out:?}");
    std::fs::rename(&packed, file).unwrap();
}

/// Whether the sheet `jobpack build` wrote already carries the collect stamp
/// (the forms work names radio states after rungs and stamps the Info dictionary).
pub fn is_stamped(sheet: &Path) -> bool {
    let doc = lopdf::Document::load(sheet).expect("a readable sheet");
    doc.trailer
        .get_deref(b"Info", &doc)
        .and_then(|i| i.as_dict())
        .is_ok_and(|i| i.has(b"JobpackFingerprint"))
}
