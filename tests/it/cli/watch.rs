//! `jobpack build --watch`: builds, rebuilds on a change, survives a bad edit.
#![cfg(unix)]

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{bin, repo};

/// Kills the watcher when the test ends, however it ends.
struct Watcher {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watcher {
    fn start(framework: &Path, out: &Path) -> Watcher {
        let mut child = Command::new(bin())
            .args(["build", "--watch", "--out"])
            .arg(out)
            .arg(framework)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().unwrap();
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Watcher { child, stderr }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits (at most a minute) until `done` holds.
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !done(&self.stderr()) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "timed out waiting for {what}; jobpack said:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn watching(stderr: &str) -> usize {
    stderr.matches("watching").count()
}

#[test]
fn watch_rebuilds_on_a_change_and_waits_out_a_bad_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("framework.toml");
    let original = std::fs::read_to_string(repo("tests/fixtures/minimal.toml")).unwrap();
    std::fs::write(&framework, &original).unwrap();
    let out = tmp.path().join("out");
    let watcher = Watcher::start(&framework, &out);
    watcher.wait_until("the first build", |e| watching(e) == 1);
    assert!(out.join("tester/profile-junior.pdf").is_file());

    // A new role id: its files appear.
    std::fs::write(
        &framework,
        original.replace("id = \"tester\"", "id = \"checker\""),
    )
    .unwrap();
    watcher.wait_until("the rebuild", |e| watching(e) == 2);
    assert!(
        out.join("checker/profile-junior.pdf").is_file(),
        "{}",
        watcher.stderr()
    );

    // A bad edit is reported, located, and the watcher keeps going.
    std::fs::write(&framework, format!("{original}\nbogus\n")).unwrap();
    watcher.wait_until("the bad edit", |e| watching(e) == 3);
    let said = watcher.stderr();
    assert!(said.contains("framework.toml:33"), "{said}");
    assert!(said.contains("nothing was written"), "{said}");

    std::fs::write(
        &framework,
        original.replace("id = \"tester\"", "id = \"fixed\""),
    )
    .unwrap();
    watcher.wait_until("the mended build", |e| watching(e) == 4);
    assert!(
        out.join("fixed/profile-junior.pdf").is_file(),
        "{}",
        watcher.stderr()
    );
}

#[test]
fn ctrl_c_ends_watching_with_130() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("framework.toml");
    std::fs::copy(repo("tests/fixtures/minimal.toml"), &framework).unwrap();
    let mut watcher = Watcher::start(&framework, &tmp.path().join("out"));
    watcher.wait_until("the first build", |e| watching(e) == 1);
    let sent = Command::new("kill")
        .args(["-INT", &watcher.child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = watcher.child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
}

#[test]
fn watch_rebuilds_when_the_logo_changes() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(repo("tests/fixtures/logo.jpg"), tmp.path().join("logo.img")).unwrap();
    let minimal = std::fs::read_to_string(repo("tests/fixtures/minimal.toml")).unwrap();
    let framework = tmp.path().join("framework.toml");
    std::fs::write(
        &framework,
        format!("[branding]\nlogo = \"logo.img\"\nlogo_alt = \"Acme\"\n\n{minimal}"),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let watcher = Watcher::start(&framework, &out);
    watcher.wait_until("the first build", |e| watching(e) == 1);
    let profile = out.join("tester/profile-junior.pdf");
    let before = std::fs::read(&profile).unwrap();
    // Another image under the same name: only the logo changed.
    std::fs::copy(repo("tests/fixtures/logo.png"), tmp.path().join("logo.img")).unwrap();
    watcher.wait_until("the rebuild", |e| watching(e) == 2);
    assert_ne!(
        std::fs::read(&profile).unwrap(),
        before,
        "{}",
        watcher.stderr()
    );
}
