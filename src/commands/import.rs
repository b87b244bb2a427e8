//! `jobpack import`: another format in, framework TOML out.

use std::path::Path;

use crate::console;
use anyhow::{Context, Result};

use crate::cli::{ImportArgs, ImportFormat};
use crate::error::{Exit, InvalidInput, Reported};
use crate::import::{ddat, table, toml_out, Facts, Imported};
use crate::model::Date;

/// Runs the import, printing the report to standard error and the
/// framework to `--out` (atomically) or standard output. Exit 2, with
/// nothing written, on a malformed input.
pub(crate) fn run(args: ImportArgs) -> Result<Exit> {
    let (imported, out) = match &args.format {
        ImportFormat::Ddat {
            roles,
            skills,
            out,
            published,
            label,
        } => {
            let facts = facts(published.as_deref(), label.clone())?;
            (ddat::import(roles, skills.as_deref(), &facts), out.clone())
        }
        ImportFormat::Table { table, like, out } => {
            let base = crate::load::load_reported(like)?;
            let name = like.display().to_string();
            (table::import(table, &base.framework, &name), out.clone())
        }
    };
    let imported = match imported {
        Ok(imported) => imported,
        Err(e) => {
            console::errln(&format!("{e}\nerror: nothing was written"))?;
            return Err(Reported(Exit::Invalid).into());
        }
    };
    let text = checked_toml(&imported)?;
    for line in &imported.report {
        console::errln(line)?;
    }
    match out {
        Some(path) => {
            crate::output::write_file(&path, text.as_bytes())?;
            console::errln(&format!("wrote {}", path.display()))?;
        }
        None => console::out(&text)?,
    }
    Ok(Exit::Success)
}

/// The TOML of `imported`, loaded back to prove that `jobpack check` accepts
/// it: anything it rejects is a bug here, not in the input (exit 1).
pub(crate) fn checked_toml(imported: &Imported) -> Result<String> {
    let text = toml_out::write(imported);
    let loaded = crate::load::load_str(&text, Path::new("imported.toml"));
    match loaded {
        Ok(l) if l.framework == imported.framework => Ok(text),
        Ok(_) => anyhow::bail!("internal error: the written framework reads back differently"),
        Err(diags) => {
            let shown: Vec<String> = diags.iter().take(5).map(|d| d.to_string()).collect();
            anyhow::bail!(
                "internal error: the written framework does not check:\n{}",
                shown.join("\n")
            )
        }
    }
}

fn facts(published: Option<&str>, version: Option<String>) -> Result<Facts> {
    if published.is_none() && version.is_none() {
        return Err(InvalidInput(
            "give --published YYYY-MM-DD or --label VERSION: the files do not say which release \
             they are, and documents are dated from it"
                .into(),
        )
        .into());
    }
    let published = match published {
        None => None,
        Some(s) => Some(parse_date(s).with_context(|| {
            InvalidInput(format!("--published {s}: write the date as YYYY-MM-DD"))
        })?),
    };
    Ok(Facts { published, version })
}

fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let ok = parts.next().is_none() && (1..=12).contains(&month) && (1..=31).contains(&day);
    ok.then_some(Date { year, month, day })
}
