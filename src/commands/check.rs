//! `jobpack check`: validate a framework file and print a one-screen summary.

use std::fmt::Write as _;

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::error::Exit;
use crate::load;
use crate::model::Framework;

/// Prints every diagnostic to standard error and, when the file is valid, a
/// summary to standard output. Exit 2 (via [`crate::error::Reported`]) on errors.
pub fn run(args: &CheckArgs) -> Result<Exit> {
    // `build` refuses an out-of-range SOURCE_DATE_EPOCH, so `check` does too.
    crate::build::source_date_epoch()?;
    let loaded = load::load_reported(&args.framework)?;
    print!("{}", summary(&loaded.framework));
    let warnings = loaded.warnings.len();
    let note = match warnings {
        0 => String::new(),
        1 => " (1 warning)".to_string(),
        n => format!(" ({n} warnings)"),
    };
    println!("ok: {} is valid{note}", args.framework.display());
    Ok(Exit::Success)
}

/// The summary `check` prints: metadata, the scale, counts, and each role's levels.
pub fn summary(fw: &Framework) -> String {
    let mut out = String::new();
    let meta = &fw.meta;
    let counts = fw.counts();
    let _ = writeln!(out, "{}", meta.name);
    let _ = writeln!(out, "  publisher     {}", meta.publisher);
    if let Some(version) = &meta.version {
        let _ = writeln!(out, "  version       {version}");
    }
    if let Some(date) = &meta.published {
        let _ = writeln!(out, "  published     {} ({})", date.long(), date.iso());
    }
    let _ = writeln!(out, "  language      {}", meta.language);
    let scale: Vec<&str> = fw.scale.iter().map(|s| s.name.as_str()).collect();
    let _ = writeln!(
        out,
        "  scale         {} ({} levels)",
        scale.join(" < "),
        scale.len()
    );
    let _ = writeln!(out, "  skills        {}", counts.skills);
    let _ = writeln!(out, "  roles         {}", counts.roles);
    let _ = writeln!(out, "  levels        {}", counts.levels);
    let _ = writeln!(out, "  requirements  {}", counts.requirements);
    let width = fw
        .roles
        .iter()
        .flat_map(|r| &r.levels)
        .map(|l| l.id.len())
        .max()
        .unwrap_or(0);
    for role in &fw.roles {
        let family = role
            .family
            .as_deref()
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        let _ = writeln!(out, "\n  {}{family} [{}]", role.name, role.id);
        for level in &role.levels {
            let plural = if level.requirements.len() == 1 {
                ""
            } else {
                "s"
            };
            let _ = writeln!(
                out,
                "    {:<width$}  {} ({} skill{plural})",
                level.id,
                level.name,
                level.requirements.len()
            );
        }
    }
    out
}
