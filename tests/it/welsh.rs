//! Welsh and bilingual editions (issue 13): the words catalogue, texts in two
//! languages, editions, /Lang on every passage, the Welsh language requirement.

#[path = "welsh/bilingual_workbooks.rs"]
mod bilingual_workbooks;
#[path = "welsh/editions.rs"]
mod editions;
#[path = "welsh/labels.rs"]
mod labels;
#[path = "welsh/loading.rs"]
mod loading;
#[path = "welsh/workbooks.rs"]
mod workbooks;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

/// The bilingual example framework.
pub const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/welsh.toml");

/// `jobpack build EXAMPLE --lang <lang> -o <dir>`, asserting success.
pub fn build(dir: &Path, lang: &str) {
    assert_cmd::Command::cargo_bin("jobpack")
        .unwrap()
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["build", EXAMPLE, "--quiet", "--lang", lang, "-o"])
        .arg(dir)
        .assert()
        .success();
}

/// A file of the example's only role.
pub fn file(dir: &Path, name: &str) -> PathBuf {
    dir.join("application-operations-engineer").join(name)
}

/// The PDF's text with white space collapsed, or `None` without poppler (in
/// CI a missing reader is a broken setup).
pub fn pdf_text(path: &Path) -> Option<String> {
    let Ok(out) = Process::new("pdftotext").arg(path).arg("-").output() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is not installed"
        );
        eprintln!("skipped: pdftotext is not installed");
        return None;
    };
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}
