//! Which language editions a build makes of each framework (`--lang`).

use std::path::Path;

use crate::build::{Edition, Source};
use crate::compose::bilingual::notice;
use crate::load::Loaded;
use crate::output::Issue;
use crate::words::primary;

/// The sources (one per edition) of a loaded framework. `asked` is `--lang`:
/// language tags and "both"; empty means the framework's `editions`, else all.
///
/// # Errors
/// When `--lang` names a language the framework is not written in, or asks
/// for the bilingual edition of a framework in one language.
pub(crate) fn sources(
    path: &Path,
    loaded: Loaded,
    asked: &[String],
) -> Result<Vec<Source>, Box<Issue>> {
    let mut all = vec![loaded.framework];
    all.extend(loaded.translations);
    let tags: Vec<String> = all.iter().map(|f| f.meta.language.clone()).collect();
    let source = |framework, edition| Source {
        path: path.to_path_buf(),
        framework,
        warnings: loaded.warnings.clone(),
        edition,
    };
    let wanted: Vec<String> = if !asked.is_empty() {
        asked
            .iter()
            .map(|a| a.trim().to_ascii_lowercase())
            .collect()
    } else if !loaded.editions.is_empty() {
        loaded.editions.clone()
    } else if all.len() > 1 {
        tags.iter()
            .map(|t| primary(t))
            .chain(["both".into()])
            .collect()
    } else {
        Vec::new()
    };
    let known = |w: &str| w == "both" || tags.iter().any(|t| primary(t) == primary(w));
    if let Some(bad) = wanted.iter().find(|w| !known(w)) {
        let mut choices: Vec<String> = tags.iter().map(|t| primary(t)).collect();
        if all.len() > 1 {
            choices.push("both".into());
        }
        return Err(Box::new(Issue {
            file: Some(path.display().to_string()),
            hint: Some(format!(
                "this framework's editions: {} (declare more languages with languages = [\"cy\", \"en\"] in [framework])",
                choices.join(", ")
            )),
            ..Issue::message(format!("--lang {bad}: the framework has no such edition"))
        }));
    }
    if all.len() == 1 {
        // A framework in one language makes one edition, named as always.
        return Ok(vec![source(all.remove(0), Edition::default())]);
    }
    let mut out = Vec::new();
    let bilingual = wanted.iter().any(|w| w == "both");
    for (k, fw) in all.iter().enumerate() {
        let single = wanted
            .iter()
            .any(|w| w != "both" && primary(w) == primary(&tags[k]));
        if !single {
            continue;
        }
        let notices = tags
            .iter()
            .filter(|t| primary(t) != primary(&tags[k]))
            .filter_map(|t| notice(t))
            .collect();
        out.push(source(
            fw.clone(),
            Edition {
                suffix: format!(".{}", primary(&tags[k])),
                second: None,
                notices,
                pdfs: true,
                workbooks: true,
                people: false,
            },
        ));
    }
    if bilingual {
        out.push(source(
            all[0].clone(),
            Edition {
                suffix: format!(".{}-{}", primary(&tags[0]), primary(&tags[1])),
                second: Some(Box::new(all[1].clone())),
                notices: Vec::new(),
                pdfs: true,
                workbooks: true,
                people: false,
            },
        ));
    }
    // People's sheets come from the bilingual edition if made, else the first language's.
    let people = if bilingual {
        out.iter_mut().last()
    } else {
        out.iter_mut().find(|s| s.edition.pdfs)
    };
    if let Some(s) = people {
        s.edition.people = true;
    }
    Ok(out)
}
