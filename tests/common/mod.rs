//! Frameworks built by hand for the workbook tests.
#![allow(dead_code)]

pub mod read;
pub mod seed_role;

use jobpack::model::{
    Branding, Date, Framework, Level, Meta, Requirement, Role, Skill, SkillLevel, Text,
};

fn meta() -> Meta {
    Meta {
        name: "Digital, Data and Technology Profession Capability Framework".into(),
        publisher: "Central Digital and Data Office".into(),
        version: None,
        published: Some(Date {
            year: 2020,
            month: 1,
            day: 7,
        }),
        language: "en-GB".into(),
        attribution: Some(
            "Contains public sector information licensed under the Open Government Licence v3.0."
                .into(),
        ),
        url: None,
        bullet_lead: "You can:".into(),
    }
}

/// A file the tests read from tests/data/ (seed texts, the DDaT sample CSVs;
/// their sources and licence are in tests/data/README.md).
pub fn test_data(relative: &str) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(relative);
    assert!(
        path.exists(),
        "{} is missing from the repository",
        path.display()
    );
    path
}

/// A framework file shipped with the project, loaded as `jobpack build` loads it.
pub fn load(relative: &str) -> Framework {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    jobpack::load::load_file(&path)
        .unwrap_or_else(|e| panic!("{relative} does not load: {e:?}"))
        .framework
}

/// The whole "Application operations engineer" role of seed 000.
pub fn seed_framework() -> Framework {
    let scale = ["Awareness", "Working", "Practitioner", "Expert"]
        .iter()
        .map(|name| SkillLevel {
            id: name.to_lowercase(),
            name: (*name).into(),
            description: Some(Text::paragraph(format!("What {name} means in general."))),
        })
        .collect();
    let skills: Vec<Skill> = seed_role::SKILLS
        .iter()
        .map(|(name, descriptors)| Skill {
            id: name.to_lowercase().replace(' ', "-"),
            name: (*name).into(),
            description: None,
            descriptors: descriptors
                .iter()
                .map(|(rank, text)| (*rank, Text::paragraph(*text)))
                .collect(),
        })
        .collect();
    let levels = seed_role::LEVELS
        .iter()
        .map(|(name, summary, reqs)| Level {
            id: name.to_lowercase().replace(' ', "-"),
            name: (*name).into(),
            summary: Text::paragraph(*summary),
            responsibilities_intro: None,
            responsibilities: vec![],
            responsibilities_outro: None,
            track: None,
            branches_from: None,
            grades: vec![],
            welsh: None,
            requirements: reqs
                .iter()
                .map(|(skill, rank)| Requirement {
                    skill: skills.iter().position(|s| s.name == *skill).unwrap(),
                    level: *rank,
                    descriptor: None,
                })
                .collect(),
        })
        .collect();
    Framework {
        meta: meta(),
        scale,
        skills,
        roles: vec![Role {
            id: "application-operations-engineer".into(),
            name: "Application operations engineer".into(),
            family: Some("IT operations".into()),
            summary: Text::paragraph(
                "An application operations engineer supports, manages and maintains a single \
                 application or a suite of applications.",
            ),
            introduction: None,
            skills_intro: None,
            levels,
        }],
        branding: Branding::default(),
        words: Default::default(),
    }
}

/// A made-up framework with a scale of `rungs` levels (SFIA has seven), bullet
/// descriptors, a level that overrides a descriptor and gaps in the matrix.
pub fn synthetic_framework(rungs: usize) -> Framework {
    let scale: Vec<SkillLevel> = (0..rungs)
        .map(|r| SkillLevel {
            id: format!("l{}", r + 1),
            name: format!("Level {} & co", r + 1),
            description: None,
        })
        .collect();
    let skills: Vec<Skill> = (0..5)
        .map(|s| Skill {
            id: format!("s{s}"),
            name: format!("Skill {s}"),
            description: None,
            descriptors: (0..rungs)
                .map(|r| {
                    (
                        r,
                        Text::bullets([
                            format!("do thing {s} at rung {r}"),
                            format!("explain it, {s}/{r}"),
                        ]),
                    )
                })
                .collect(),
        })
        .collect();
    let levels = (0..3)
        .map(|l| Level {
            id: format!("v{l}"),
            name: format!("Grade {l} specialist"),
            summary: Text::paragraph("Summary."),
            responsibilities_intro: None,
            responsibilities: vec![],
            responsibilities_outro: None,
            track: None,
            branches_from: None,
            grades: vec![format!("G{l}")],
            welsh: None,
            requirements: (0..5)
                .filter(|s| (s + l) % 3 != 0)
                .map(|s| Requirement {
                    skill: s,
                    level: (s + 2 * l) % rungs,
                    descriptor: (s == 2 && l == 2)
                        .then(|| Text::paragraph("The level's own wording.")),
                })
                .collect(),
        })
        .collect();
    Framework {
        meta: meta(),
        scale,
        skills,
        roles: vec![Role {
            id: "specialist".into(),
            name: "Specialist".into(),
            family: None,
            summary: Text::paragraph("Does special things."),
            introduction: None,
            skills_intro: None,
            levels,
        }],
        branding: Branding::default(),
        words: Default::default(),
    }
}
