//! proptest strategies for generated valid frameworks.

use proptest::prelude::*;

use super::generate::{LevelSpec, RoleSpec, SkillSpec, Spec, TextSpec};

pub fn words() -> impl Strategy<Value = String> {
    // Letters a framework author might use, Welsh included, and punctuation.
    "[A-Za-z][A-Za-zŵŷâêôÂŴ0-9,;:()’'\"&/ ]{0,60}[a-z.]"
}

pub fn text_spec() -> impl Strategy<Value = TextSpec> {
    prop_oneof![
        proptest::collection::vec(words(), 1..3).prop_map(TextSpec::Paragraphs),
        proptest::collection::vec(words(), 1..4).prop_map(TextSpec::Bullets),
    ]
}

/// Valid frameworks: 1–3 roles of 1–5 levels over 1–6 skills on a 2–7 rung scale.
pub fn spec() -> impl Strategy<Value = Spec> {
    (2usize..8, 1usize..7).prop_flat_map(|(rungs, skills)| {
        let skill = (
            words(),
            proptest::collection::vec(text_spec(), rungs..=rungs),
        );
        let level = (
            words(),
            words(),
            proptest::collection::vec(words(), 0..3),
            proptest::collection::vec((0..skills, 0..rungs), 1..=skills),
        );
        let role = (words(), words(), proptest::collection::vec(level, 1..6));
        (
            Just(rungs),
            proptest::collection::vec(skill, skills..=skills),
            proptest::collection::vec(role, 1..4),
        )
            .prop_map(|(rungs, skills, roles)| Spec {
                name: "Generated".into(),
                scale: (0..rungs).map(|r| format!("rung-{r}")).collect(),
                skills: skills
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, descriptors))| SkillSpec {
                        id: format!("skill-{i}"),
                        name: format!("{name} {i}"),
                        descriptors,
                    })
                    .collect(),
                roles: roles
                    .into_iter()
                    .enumerate()
                    .map(|(r, (name, summary, levels))| RoleSpec {
                        id: format!("role-{r}"),
                        name: format!("{name} {r}"),
                        summary,
                        levels: levels
                            .into_iter()
                            .enumerate()
                            .map(|(l, (name, summary, responsibilities, mut requirements))| {
                                requirements.sort_by_key(|r| r.0);
                                requirements.dedup_by_key(|r| r.0);
                                LevelSpec {
                                    id: format!("level-{l}"),
                                    name: format!("{name} {l}"),
                                    summary,
                                    responsibilities,
                                    requirements,
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            })
    })
}
