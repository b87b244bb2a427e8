//! An interrupted build's manifest lists the files it finished.
#![cfg(unix)]

use std::process::Command;
use std::time::{Duration, Instant};

use super::bin;
use crate::build_support::generate::realistic;

#[test]
fn an_interrupted_build_lists_its_finished_files_in_the_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("big.toml");
    std::fs::write(&framework, realistic(20, 5, 40, 13, 1).to_toml()).unwrap();
    let out = tmp.path().join("out");
    let child = Command::new(bin())
        .args(["build", "--quiet", "--jobs", "2", "--out"])
        .arg(&out)
        .arg(&framework)
        .spawn()
        .unwrap();
    // Interrupted once a few files are in place.
    let start = Instant::now();
    let finished = || {
        crate::build_support::files_under(&out)
            .iter()
            .filter(|f| f.ends_with(".pdf") && !f.contains(".jobpack-tmp-"))
            .count()
    };
    while !out.is_dir() || finished() < 3 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the build never started"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    assert!(!files.is_empty(), "{manifest}");
    assert!(
        files.len() < 20 * 5 * 2 + 20 * 2 + 1,
        "the build was not interrupted"
    );
    assert_eq!(manifest["dry_run"], false);
    for file in files {
        let path = out.join(file["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(file["bytes"].as_u64(), Some(bytes.len() as u64));
        assert_eq!(
            file["sha256"].as_str(),
            Some(jobpack::output::sha256_hex(&bytes).as_str())
        );
    }
    let errors = manifest["errors"].to_string();
    assert!(errors.contains("interrupted"), "{errors}");
}
