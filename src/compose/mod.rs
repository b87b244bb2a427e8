//! Composers: framework → format-neutral [`crate::doc::Document`]s, one per product.

pub mod appraisal;
pub mod bilingual;
pub(crate) mod changes;
pub(crate) mod index;
pub mod profile;
pub(crate) mod prose;
pub(crate) mod tracks;

use anyhow::{Context, Result};

use crate::model::{Framework, Level, Role};

/// Role `role_index` and its level `level_index`, or an error naming what is
/// missing: indices may come from a command line or a people file, and a bad
/// one must be reported, never panic.
fn role_level(fw: &Framework, role_index: usize, level_index: usize) -> Result<(&Role, &Level)> {
    let role = fw.roles.get(role_index).with_context(|| {
        format!(
            "no role number {role_index}: the framework has {} roles",
            fw.roles.len()
        )
    })?;
    let level = role.levels.get(level_index).with_context(|| {
        format!(
            "no level number {level_index} in role `{}`: it has {} levels",
            role.id,
            role.levels.len()
        )
    })?;
    Ok((role, level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Meta, Text};

    fn one_role() -> Framework {
        Framework {
            meta: Meta {
                name: "F".into(),
                publisher: "P".into(),
                version: None,
                published: None,
                language: "en-GB".into(),
                attribution: None,
                url: None,
                bullet_lead: "You can:".into(),
            },
            scale: Vec::new(),
            skills: Vec::new(),
            roles: vec![Role {
                id: "r".into(),
                name: "R".into(),
                family: None,
                summary: Text::paragraph("S."),
                introduction: None,
                skills_intro: None,
                levels: vec![Level {
                    id: "l".into(),
                    name: "L".into(),
                    summary: Text::paragraph("L."),
                    responsibilities_intro: None,
                    responsibilities: Vec::new(),
                    responsibilities_outro: None,
                    track: None,
                    branches_from: None,
                    grades: Vec::new(),
                    welsh: None,
                    requirements: Vec::new(),
                }],
            }],
            branding: Default::default(),
            words: Default::default(),
        }
    }

    #[test]
    fn bad_indices_are_errors_not_panics() {
        let fw = one_role();
        assert!(profile::profile(&fw, 0, 0, 0).is_ok());
        assert!(appraisal::appraisal(&fw, 0, 0, None, 0).is_ok());
        for (r, l) in [(1, 0), (0, 1), (usize::MAX, usize::MAX)] {
            let err = profile::profile(&fw, r, l, 0).unwrap_err().to_string();
            assert!(err.starts_with("no "), "{err}");
            assert!(appraisal::appraisal(&fw, r, l, None, 0).is_err());
        }
    }
}
