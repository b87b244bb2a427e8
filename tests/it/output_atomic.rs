//! Safe output: the output folder's checks, atomic replacement, stale temporaries.

use std::fs;

use jobpack::output::{OutDir, SafePath, TEMP_PREFIX};

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn out_pointing_at_a_file_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("out");
    fs::write(&file, "x").unwrap();
    let err = OutDir::open(&file).unwrap_err().to_string();
    assert!(err.contains("is a file"), "{err}");
    assert!(OutDir::check(&file).is_err());
}

#[test]
fn a_missing_parent_is_an_error_but_the_last_folder_is_created() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = tmp.path().join("no/such/out");
    let err = format!("{:#}", OutDir::open(&deep).unwrap_err());
    assert!(err.contains("does not exist"), "{err}");
    assert!(!tmp.path().join("no").exists());
    let out = tmp.path().join("out");
    OutDir::check(&out).unwrap();
    assert!(!out.exists(), "check must not create anything");
    OutDir::open(&out).unwrap();
    assert!(out.is_dir());
    assert!(names(&out).is_empty(), "the write probe must be removed");
}

#[test]
fn a_write_replaces_the_file_whole_and_leaves_no_temporary() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = OutDir::open(tmp.path()).unwrap();
    let path = SafePath::new(["role", "profile-senior.pdf"]).unwrap();
    dir.write(&path, b"first").unwrap();
    dir.write(&path, b"second").unwrap();
    assert_eq!(
        fs::read(tmp.path().join("role/profile-senior.pdf")).unwrap(),
        b"second"
    );
    assert_eq!(names(&tmp.path().join("role")), ["profile-senior.pdf"]);
}

#[test]
fn a_failed_write_leaves_no_temporary_and_the_earlier_file_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = OutDir::open(tmp.path()).unwrap();
    let keep = SafePath::new(["keep.pdf"]).unwrap();
    dir.write(&keep, b"earlier").unwrap();
    // A folder where the file should go makes the rename fail (even for root).
    fs::create_dir(tmp.path().join("blocked.pdf")).unwrap();
    fs::write(tmp.path().join("blocked.pdf/inside"), "x").unwrap();
    let err = dir
        .write(&SafePath::new(["blocked.pdf"]).unwrap(), b"new")
        .unwrap_err();
    assert!(format!("{err:#}").contains("blocked.pdf"));
    // A file where a folder should go makes the folder creation fail.
    fs::write(tmp.path().join("role"), "not a folder").unwrap();
    assert!(dir
        .write(&SafePath::new(["role", "x.pdf"]).unwrap(), b"new")
        .is_err());
    assert_eq!(names(tmp.path()), ["blocked.pdf", "keep.pdf", "role"]);
    assert_eq!(fs::read(tmp.path().join("keep.pdf")).unwrap(), b"earlier");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_refused_before_anything_is_built() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ro");
    fs::create_dir(&out).unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions; only an unprivileged user can observe the refusal.
    let privileged = fs::write(out.join("probe"), "x").is_ok();
    if !privileged {
        let err = format!("{:#}", OutDir::open(&out).unwrap_err());
        assert!(err.contains("cannot write to the output folder"), "{err}");
    }
    fs::set_permissions(&out, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn temporaries_of_finished_runs_are_removed_and_others_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let role = tmp.path().join("a/role");
    fs::create_dir_all(&role).unwrap();
    // No process has this id (Linux's limit is 2^22), so its run is over.
    let stale = format!("{TEMP_PREFIX}4294967295-3-profile-x.pdf");
    fs::write(role.join(&stale), "partial").unwrap();
    fs::write(tmp.path().join(&stale), "partial").unwrap();
    fs::write(role.join("profile-x.pdf"), "complete").unwrap();
    let dir = OutDir::open(tmp.path()).unwrap();
    assert_eq!(dir.remove_stale_temps(), 2);
    assert_eq!(names(&role), ["profile-x.pdf"]);
    if cfg!(target_os = "linux") {
        // Process 1 is always running: its files may still be in progress.
        let live = format!("{TEMP_PREFIX}1-0-x.pdf");
        fs::write(role.join(&live), "in progress").unwrap();
        assert_eq!(dir.remove_stale_temps(), 0);
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_inside_the_output_folder_is_not_written_through() {
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let root = tmp.path().join("out");
    let out = OutDir::open(&root).unwrap();
    std::os::unix::fs::symlink(&elsewhere, root.join("role")).unwrap();
    let path = SafePath::new(["role", "profile-senior.pdf"]).unwrap();
    let err = format!("{:#}", out.write(&path, b"pdf").unwrap_err());
    assert!(err.contains("symbolic link"), "{err}");
    assert!(
        names(&elsewhere).is_empty(),
        "nothing may land outside the output folder"
    );
    // A link as the output folder itself is the user's choice and is fine.
    let linked = tmp.path().join("linked-out");
    std::os::unix::fs::symlink(&elsewhere, &linked).unwrap();
    let out = OutDir::open(&linked).unwrap();
    out.write(&SafePath::new(["a.pdf"]).unwrap(), b"pdf")
        .unwrap();
    assert_eq!(names(&elsewhere), ["a.pdf"]);
}

#[test]
fn staged_files_get_their_names_only_when_committed_and_a_dropped_one_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = OutDir::open(tmp.path()).unwrap();
    let a = SafePath::new(["role", "a.pdf"]).unwrap();
    let b = SafePath::new(["role", "b.pdf"]).unwrap();
    let c = SafePath::new(["other", "c.pdf"]).unwrap();
    dir.write(&a, b"earlier a").unwrap();
    let staged: Vec<_> = [(&a, &b"new a"[..]), (&b, b"b"), (&c, b"c")]
        .into_iter()
        .map(|(path, bytes)| dir.stage(path, bytes).unwrap().unwrap())
        .collect();
    // Written under temporary names only: the earlier file is untouched.
    assert_eq!(
        fs::read(tmp.path().join("role/a.pdf")).unwrap(),
        b"earlier a"
    );
    assert!(!tmp.path().join("role/b.pdf").exists());
    let dropped = dir
        .stage(&SafePath::new(["role", "d.pdf"]).unwrap(), b"d")
        .unwrap();
    drop(dropped);
    for result in dir.commit(staged) {
        result.unwrap();
    }
    dir.sync_folders().unwrap();
    assert_eq!(fs::read(tmp.path().join("role/a.pdf")).unwrap(), b"new a");
    assert_eq!(names(&tmp.path().join("role")), ["a.pdf", "b.pdf"]);
    assert_eq!(names(&tmp.path().join("other")), ["c.pdf"]);
    // The same bytes again: nothing to stage.
    assert!(dir.stage(&b, b"b").unwrap().is_none());
}
