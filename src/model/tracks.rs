//! A role's ladder when its levels are on parallel tracks (see
//! [`Level::track`](super::Level::track) and [`Level::branches_from`](super::Level::branches_from)).

use super::Role;

impl Role {
    /// True when some level is on a track other than the main one.
    pub(crate) fn has_tracks(&self) -> bool {
        self.levels.iter().any(|l| l.track.is_some())
    }

    /// How far up the role's ladder level `index` stands, 0 for the lowest:
    /// its place on its track, counted from the level its track branches
    /// from. Levels on different tracks with the same rung are alternatives.
    pub fn rung(&self, index: usize) -> usize {
        let Some(level) = self.levels.get(index) else {
            return 0;
        };
        let track = &level.track;
        let same: Vec<usize> = (0..=index)
            .filter(|&i| self.levels[i].track == *track)
            .collect();
        // The loader makes `branches_from` point at an earlier level, so this ends.
        let base = match self.levels[same[0]].branches_from {
            Some(from) if from < same[0] => self.rung(from) + 1,
            _ => 0,
        };
        base + same.len() - 1
    }

    /// The number of rungs of the role's ladder (its number of levels when it has no tracks).
    pub(crate) fn rungs(&self) -> usize {
        (0..self.levels.len())
            .map(|i| self.rung(i) + 1)
            .max()
            .unwrap_or(0)
    }

    /// The next level up on level `index`'s own track.
    pub(crate) fn next_on_track(&self, index: usize) -> Option<usize> {
        let track = &self.levels.get(index)?.track;
        (index + 1..self.levels.len()).find(|&i| self.levels[i].track == *track)
    }

    /// Levels on other tracks one rung above level `index`: where else a
    /// person at this level may go next (e.g. from "Developer" to the first
    /// level of the management track as well as to "Senior developer").
    pub fn alternatives_after(&self, index: usize) -> Vec<usize> {
        let Some(level) = self.levels.get(index) else {
            return Vec::new();
        };
        let above = self.rung(index) + 1;
        (0..self.levels.len())
            .filter(|&i| self.levels[i].track != level.track && self.rung(i) == above)
            .collect()
    }
}
