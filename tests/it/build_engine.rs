//! The build engine on its own: planning, layout, clashes, parallel runs,
//! failures and the manifest, with text products instead of real renderers.

use crate::build_support;

use build_support::*;
use jobpack::build::{self, execute, manifest, plan, Selection, Settings, Source};
use jobpack::output::{OutDir, TEMP_PREFIX};
use jobpack::people::parse_people;
use jobpack::product::ProductKind;
use sha2::{Digest, Sha256};
use std::path::Path;

fn paths(plan: &build::Plan) -> Vec<String> {
    plan.jobs.iter().map(|j| j.path.to_string()).collect()
}

fn run(
    sources: &[Source],
    products: &[jobpack::build::Product],
    out: &Path,
    threads: usize,
) -> jobpack::output::Manifest {
    let plan = plan(sources, &Selection::default(), None, products).unwrap();
    let dir = OutDir::open(out).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let outcome = pool.install(|| {
        execute(
            &plan,
            sources,
            None,
            products,
            Settings::default(),
            &dir,
            &|_, _| {},
        )
    });
    manifest(&plan, sources, None, Some(&outcome))
}

#[test]
fn one_framework_is_laid_out_by_role_without_a_framework_folder() {
    let sources = [source("framework.toml", framework_with(&["ops"], 2))];
    let plan = plan(&sources, &Selection::default(), None, &text_products()).unwrap();
    assert_eq!(
        paths(&plan),
        [
            "ops/profile-level-0.txt",
            "ops/profile-level-1.txt",
            "ops/appraisal-level-0.txt",
            "ops/appraisal-level-1.txt",
            "ops/ops-skills-matrix.txt",
        ]
    );
}

#[test]
fn several_frameworks_each_get_a_folder_named_after_their_file() {
    let sources = [
        source("a/DDaT Framework.toml", framework_with(&["ops"], 1)),
        source("b/sfia.toml", framework_with(&["ops"], 1)),
    ];
    let selection = Selection {
        products: vec![ProductKind::Workbook],
        ..Selection::default()
    };
    let plan = plan(&sources, &selection, None, &text_products()).unwrap();
    assert_eq!(
        paths(&plan),
        [
            "ddat-framework/ops/ops-skills-matrix.txt",
            "sfia/ops/ops-skills-matrix.txt"
        ]
    );
}

#[test]
fn two_documents_on_one_path_are_an_error_naming_both() {
    let sources = [source("f.toml", framework_with(&["Ops", "ops"], 1))];
    let err = plan(&sources, &Selection::default(), None, &text_products()).unwrap_err();
    assert!(!err.is_empty());
    let message = &err[0].message;
    assert!(
        message.contains("\"Ops\"") && message.contains("\"ops\""),
        "{message}"
    );
    assert!(message.contains("ops/"), "{message}");

    let same_stem = [
        source("a/f.toml", framework_with(&["x"], 1)),
        source("b/f.toml", framework_with(&["x"], 1)),
    ];
    assert!(plan(&same_stem, &Selection::default(), None, &text_products()).is_err());
}

#[test]
fn hostile_ids_cannot_leave_the_output_folder() {
    let ids = [
        "../../escape",
        "/etc/passwd",
        "C:\\Windows\\x",
        "con",
        "nul.",
        ".hidden",
        "a\0b",
        &"long".repeat(100),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let sources = [source("f.toml", framework_with(&ids, 1))];
    let m = run(&sources, &text_products(), &out, 2);
    assert!(m.errors.is_empty(), "{:?}", m.errors);
    // Nothing outside the output folder, nothing hidden, nothing reserved.
    assert_eq!(
        files_under(tmp.path())
            .iter()
            .filter(|f| !f.starts_with("out/"))
            .count(),
        0
    );
    for file in files_under(&out) {
        for part in file.split('/') {
            assert!(jobpack::output::is_safe_component(part), "{file}");
            assert!(part.len() <= 100, "{file}");
        }
    }
    assert!(out.join("escape").is_dir());
    assert!(out.join("con_").is_dir());
}

#[test]
fn manifest_sizes_and_checksums_match_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let sources = [source("f.toml", framework_with(&["ops", "dev"], 3))];
    let m = run(&sources, &text_products(), tmp.path(), 2);
    assert_eq!(m.files.len(), 2 * (3 + 3 + 1));
    for f in &m.files {
        let bytes = std::fs::read(tmp.path().join(&f.path)).unwrap();
        assert_eq!(f.bytes, Some(bytes.len() as u64));
        let sha: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(f.sha256.as_deref(), Some(sha.as_str()));
    }
    // Every descriptor of a level reaches its documents.
    let text = std::fs::read_to_string(tmp.path().join("dev/profile-level-2.txt")).unwrap();
    assert!(text.contains("Skill 1 at rank 2."));
}

#[test]
fn output_and_manifest_are_identical_whatever_the_thread_count() {
    let sources = [source("f.toml", framework_with(&["a", "b", "c", "d"], 5))];
    let one = tempfile::tempdir().unwrap();
    let four = tempfile::tempdir().unwrap();
    let m1 = run(&sources, &text_products(), one.path(), 1);
    let m4 = run(&sources, &text_products(), four.path(), 4);
    assert_eq!(m1.to_json(), m4.to_json());
    assert_eq!(files_under(one.path()), files_under(four.path()));
}

#[test]
fn a_failing_product_loses_only_its_own_file_and_leaves_no_temporaries() {
    for panic in [false, true] {
        let tmp = tempfile::tempdir().unwrap();
        // An earlier good file at the failing path must survive untouched.
        std::fs::create_dir_all(tmp.path().join("ops")).unwrap();
        std::fs::write(tmp.path().join("ops/profile-level-1.txt"), "earlier").unwrap();
        let sources = [source("f.toml", framework_with(&["ops"], 3))];
        let m = run(
            &sources,
            &products_failing_at_level_one(panic),
            tmp.path(),
            2,
        );
        assert_eq!(m.errors.len(), 1, "{:?}", m.errors);
        assert_eq!(m.errors[0].path.as_deref(), Some("ops/profile-level-1.txt"));
        assert_eq!(m.files.len(), 6);
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("ops/profile-level-1.txt")).unwrap(),
            "earlier"
        );
        assert!(files_under(tmp.path())
            .iter()
            .all(|f| !f.contains(TEMP_PREFIX)));
    }
}

#[test]
fn unknown_roles_levels_and_products_make_the_request_invalid() {
    let sources = [source("f.toml", framework_with(&["ops"], 2))];
    let products = text_products();
    let bad_role = Selection {
        roles: vec!["nope".into()],
        ..Selection::default()
    };
    let err = plan(&sources, &bad_role, None, &products).unwrap_err();
    assert!(err[0].message.contains("--role nope"));
    assert!(err[0].hint.as_deref().unwrap().contains("ops"));
    let bad_level = Selection {
        levels: vec!["level-9".into()],
        ..Selection::default()
    };
    assert!(plan(&sources, &bad_level, None, &products).is_err());
    let only_profiles = &products[..1];
    let bad_product = Selection {
        products: vec![ProductKind::Workbook],
        ..Selection::default()
    };
    assert!(plan(&sources, &bad_product, None, only_profiles).is_err());
}

#[test]
fn role_and_level_filters_choose_documents() {
    let sources = [source("f.toml", framework_with(&["ops", "dev"], 3))];
    let selection = Selection {
        roles: vec!["dev".into()],
        levels: vec!["level-2".into()],
        products: vec![ProductKind::Profile, ProductKind::Workbook],
        no_default_products: false,
    };
    let plan = plan(&sources, &selection, None, &text_products()).unwrap();
    assert_eq!(
        paths(&plan),
        ["dev/profile-level-2.txt", "dev/dev-skills-matrix.txt"]
    );
}

#[test]
fn people_get_their_own_sheets_named_safely_and_bad_rows_are_reported() {
    let csv = "Name,Role,Level,Reviewer\n\
               John Smith,ops,level-0,Ann\n\
               John Smith,Role ops,Level 1,Ann\n\
               John Smith 2,ops,level-1,\n\
               ../../Eve,ops,level-0,\n\
               Bad Row,nope,level-0,\n\
               Bad Level,ops,level-7,\n";
    let people = parse_people(Path::new("people.csv"), csv.as_bytes()).unwrap();
    let sources = [source("f.toml", framework_with(&["ops"], 2))];
    let selection = Selection {
        no_default_products: true,
        ..Selection::default()
    };
    let plan = plan(&sources, &selection, Some(&people), &text_products()).unwrap();
    assert_eq!(
        paths(&plan),
        [
            "appraisals/john-smith.pdf",
            "appraisals/john-smith-3.pdf",
            "appraisals/john-smith-2.pdf",
            "appraisals/eve.pdf",
        ]
    );
    assert_eq!(plan.errors.len(), 2);
    assert_eq!(plan.errors[0].line, Some(6));
    assert!(plan.errors[0].message.contains("unknown role \"nope\""));
    assert_eq!(plan.errors[1].line, Some(7));
    assert!(plan.errors[1].message.contains("no level \"level-7\""));

    let tmp = tempfile::tempdir().unwrap();
    let dir = OutDir::open(tmp.path()).unwrap();
    let products = text_products();
    let outcome = execute(
        &plan,
        &sources,
        Some(&people),
        &products,
        Settings::default(),
        &dir,
        &|_, _| {},
    );
    let m = manifest(&plan, &sources, Some(&people), Some(&outcome));
    assert_eq!(m.files.len(), 4);
    assert_eq!(m.errors.len(), 2);
    assert_eq!(m.files[1].person.as_deref(), Some("John Smith"));
    assert_eq!(m.files[1].level.as_deref(), Some("level-1"));
    let sheet = std::fs::read_to_string(tmp.path().join("appraisals/john-smith-3.pdf")).unwrap();
    assert!(sheet.contains("person John Smith\n") && sheet.contains("level level-1"));
}

#[test]
fn a_dry_run_manifest_lists_files_without_sizes() {
    let sources = [source("f.toml", framework_with(&["ops"], 1))];
    let plan = plan(&sources, &Selection::default(), None, &text_products()).unwrap();
    let m = manifest(&plan, &sources, None, None);
    assert!(m.dry_run);
    assert_eq!(m.files.len(), 3);
    assert!(m
        .files
        .iter()
        .all(|f| f.bytes.is_none() && f.sha256.is_none()));
}
