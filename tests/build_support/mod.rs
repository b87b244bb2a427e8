//! Shared by the build tests: frameworks made in code and products that need
//! no renderer, so the build engine is tested on its own.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use jobpack::build::{Made, Per, Product, Recipe, Source, Subject};
use jobpack::model::{Framework, Level, Meta, Requirement, Role, Skill, SkillLevel, Text};
use jobpack::product::ProductKind;

/// A framework with `roles` roles of `levels` levels each; role ids are given.
pub fn framework_with(role_ids: &[&str], levels: usize) -> Framework {
    let scale: Vec<SkillLevel> = ["awareness", "working", "practitioner", "expert"]
        .iter()
        .map(|id| SkillLevel {
            id: id.to_string(),
            name: id.to_string(),
            description: None,
        })
        .collect();
    let skills: Vec<Skill> = (0..3)
        .map(|s| Skill {
            id: format!("skill-{s}"),
            name: format!("Skill {s}"),
            description: None,
            descriptors: (0..4)
                .map(|r| (r, Text::paragraph(format!("Skill {s} at rank {r}."))))
                .collect(),
        })
        .collect();
    let roles = role_ids
        .iter()
        .map(|id| Role {
            id: id.to_string(),
            name: format!("Role {id}"),
            family: None,
            summary: Text::paragraph("What the role does."),
            introduction: None,
            skills_intro: None,
            levels: (0..levels)
                .map(|l| Level {
                    id: format!("level-{l}"),
                    name: format!("Level {l}"),
                    summary: Text::paragraph("What the level does."),
                    responsibilities_intro: None,
                    responsibilities: vec!["Things.".into()],
                    responsibilities_outro: None,
                    track: None,
                    branches_from: None,
                    grades: Vec::new(),
                    welsh: None,
                    requirements: (0..3)
                        .map(|s| Requirement {
                            skill: s,
                            level: l.min(3),
                            descriptor: None,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Framework {
        meta: Meta {
            name: "Test framework".into(),
            publisher: "Tests".into(),
            version: Some("1".into()),
            published: None,
            language: "en-GB".into(),
            attribution: None,
            url: None,
            bullet_lead: "You can:".into(),
        },
        scale,
        skills,
        roles,
        branding: Default::default(),
        words: Default::default(),
    }
}

/// One source from `framework`, as if read from `path`.
pub fn source(path: &str, framework: Framework) -> Source {
    Source {
        path: PathBuf::from(path),
        framework,
        warnings: Vec::new(),
        edition: Default::default(),
    }
}

/// The text a [`text_products`] document holds: every fact of its subject.
pub fn describe(s: &Subject<'_>) -> String {
    let mut text = format!("role {}\n", s.role.id);
    if let Some(level) = s.level {
        text.push_str(&format!("level {}\n", level.id));
        for req in &level.requirements {
            for line in s.framework.descriptor(req).strings() {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    if let Some(p) = s.person {
        text.push_str(&format!("person {}\n", p.name));
    }
    text.push_str(&format!("epoch {:?}\n", s.epoch));
    text
}

fn make_text<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    let text = describe(s);
    Ok(Recipe::inputs(&[&text]).made_by(move || Ok(Made::from(text.into_bytes()))))
}

fn fail_on_level_one<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    if s.level.is_some_and(|l| l.id == "level-1") {
        bail!("this product refuses level 1");
    }
    make_text(s)
}

fn panic_on_level_one<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    if s.level.is_some_and(|l| l.id == "level-1") {
        panic!("a product bug");
    }
    make_text(s)
}

fn profile_name(_role: &str, level: &str) -> String {
    format!("profile-{level}.txt")
}

fn workbook_name(role: &str, _level: &str) -> String {
    format!("{role}-skills-matrix.txt")
}

/// A profile per level, a workbook per role and personalised appraisals, as text.
pub fn text_products() -> Vec<Product> {
    vec![
        Product {
            kind: ProductKind::Profile,
            per: Per::Level,
            file_name: profile_name,
            make: make_text,
            personal: false,
        },
        Product {
            kind: ProductKind::Appraisal,
            per: Per::Level,
            file_name: |_, level| format!("appraisal-{level}.txt"),
            make: make_text,
            personal: true,
        },
        Product {
            kind: ProductKind::Workbook,
            per: Per::Role,
            file_name: workbook_name,
            make: make_text,
            personal: false,
        },
    ]
}

/// Like [`text_products`], but the profile of level 1 fails (or panics).
pub fn products_failing_at_level_one(panic: bool) -> Vec<Product> {
    let mut products = text_products();
    products[0].make = if panic {
        panic_on_level_one
    } else {
        fail_on_level_one
    };
    products
}

/// Every file under `root`, relative, with forward slashes, sorted.
pub fn files_under(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    walk(root, root, &mut found);
    found.sort();
    found
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, found);
        } else {
            let rel = path.strip_prefix(root).unwrap();
            let parts: Vec<_> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            found.push(parts.join("/"));
        }
    }
}

pub mod generate;
pub mod strategies;
