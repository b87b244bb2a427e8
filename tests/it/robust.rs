//! Robust at the edges (issue #15): hostile output folders, special files as
//! input, text XML cannot hold, `check` and `build` agreeing, huge inputs,
//! and rebuilds that leave unchanged files alone.

#[path = "robust/support.rs"]
mod support;

#[path = "robust/security.rs"]
mod security;

#[path = "robust/agreement.rs"]
mod agreement;

#[path = "robust/scale.rs"]
mod scale;

#[path = "robust/unchanged.rs"]
mod unchanged;
