//! Parallel tracks within a role: `track = "management"` puts a level on a
//! named track beside the role's main one, and `branches_from = "developer"`
//! on a track's first level says which level it branches from.

use super::fields::{Ctx, Located, Table};
use super::words::closest;
use crate::model::Level;

/// Where one level's `track` and `branches_from` are written, if at all.
pub(crate) struct Written {
    /// The level's `track`.
    pub(crate) track: Option<Located<String>>,
    /// The level's `branches_from`.
    pub(crate) branches_from: Option<Located<String>>,
}

/// Checks every `branches_from` of `role`'s levels and stores it as an index.
/// `written[i]` belongs to `levels[i]`.
pub(crate) fn resolve(ctx: &mut Ctx, role: &Table, levels: &mut [Level], written: Vec<Written>) {
    for (index, w) in written.into_iter().enumerate() {
        let Some(from) = w.branches_from else {
            continue;
        };
        let Located { value: id, span } = from;
        let Some(track) = &w.track else {
            ctx.error(
                Some(span),
                format!(
                    "level `{}` of {} branches from `{id}` but names no track",
                    levels[index].id, role.name
                ),
                Some("the main track does not branch: add track = \"...\" to this level".into()),
            );
            continue;
        };
        let first = levels
            .iter()
            .position(|l| l.track.as_deref() == Some(track.value.as_str()));
        if first != Some(index) {
            let first_id = first.map(|f| levels[f].id.clone()).unwrap_or_default();
            ctx.error(
                Some(span),
                format!(
                    "only the first level of track `{}` may say where it branches from",
                    track.value
                ),
                Some(format!(
                    "move branches_from to level `{first_id}`, the track's lowest"
                )),
            );
            continue;
        }
        let Some(target) = levels.iter().position(|l| l.id == id) else {
            let hint = match closest(&id, levels.iter().map(|l| l.id.as_str())) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "name the id of a level of this role".into(),
            };
            ctx.error(
                Some(span),
                format!("`{id}` is not a level of {}", role.name),
                Some(hint),
            );
            continue;
        };
        if target >= index {
            ctx.error(
                Some(span),
                format!("level `{id}` comes after the level that branches from it"),
                Some("list a track's levels after the level it branches from".into()),
            );
            continue;
        }
        if levels[target].track == levels[index].track {
            ctx.error(
                Some(span),
                format!("level `{id}` is on the same track, `{}`", track.value),
                Some("a track branches from a level of another track".into()),
            );
            continue;
        }
        levels[index].branches_from = Some(target);
    }
}
