//! A plain long table: one row per role level and skill.
