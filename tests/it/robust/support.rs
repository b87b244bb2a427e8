//! What the robustness tests share.
#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

/// A small valid framework: one role, one level, one skill.
pub const MINIMAL: &str = include_str!("../../fixtures/minimal.toml");

/// Long enough for a debug build on a busy machine; a hang or a read of
/// /dev/zero takes for ever.
pub const PROMPTLY: Duration = Duration::from_secs(60);

/// The jobpack binary, with no SOURCE_DATE_EPOCH from the environment.
pub fn jobpack() -> Command {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH")
        .env_remove("RAYON_NUM_THREADS")
        .timeout(PROMPTLY);
    cmd
}

/// `jobpack build FRAMEWORK --out OUT EXTRA…`.
pub fn build(framework: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    jobpack()
        .arg("build")
        .arg(framework)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
}

/// `jobpack check FRAMEWORK`.
pub fn check(framework: &Path) -> assert_cmd::assert::Assert {
    jobpack().arg("check").arg(framework).assert()
}

/// Standard error as text.
pub fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// A framework file holding `text` in a fresh folder.
pub fn framework(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("framework.toml");
    std::fs::write(&path, text).unwrap();
    (tmp, path)
}

/// Python 3, to parse outputs with a strict XML parser; `None` (skip) when
/// missing outside CI, a failure in CI.
pub fn python() -> Option<&'static str> {
    let found = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found || std::env::var_os("CI").is_none(),
        "python3 is not installed"
    );
    if !found {
        eprintln!("skipped: python3 is not installed");
    }
    found.then_some("python3")
}
