//! Every character a source's documents can print (a source is one
//! framework file in one language edition), worked out before any document
//! is made: the PDF font programs are subset to it once per run
//! ([`FontSet::for_repertoire`]) and embedded, as the same bytes, in every
//! file of that source.
//!
//! It comes from the source (the framework, with its words catalogue, and
//! the other language of a bilingual edition), never from the documents a
//! run selects: a file's bytes must not depend on `--role`, `--level`,
//! `--product`, nor on which other editions or frameworks the run builds. The frameworks' characters are read from their `Debug` form,
//! which shows every string the model holds, so a field added later is
//! covered without anyone remembering to list it. What `Debug` escapes
//! (controls, combining marks) is missing; a document that prints one of
//! those gets a font program of its own for that face: correct, only slower.
//!
//! [`FontSet::for_repertoire`]: crate::render::pdf::FontSet::for_repertoire

use std::collections::BTreeSet;

use super::Source;

/// Characters composers print that need not be in any framework: digits of
/// page numbers, counts and dates, and the punctuation they are set with.
const FURNITURE: &str = "0123456789 .,:;()/-–—•…%'’“”";

/// The characters a framework's documents can print (its texts, its words
/// catalogue and the composers' furniture).
pub fn of_framework(framework: &crate::model::Framework) -> BTreeSet<char> {
    let mut chars: BTreeSet<char> = FURNITURE.chars().collect();
    chars.extend(format!("{framework:?}").chars().filter(|c| !c.is_control()));
    chars
}

/// The characters each source's documents can print, in the order of
/// `sources`. People's names are not in them: a sheet made for someone whose
/// name has a character the framework lacks gets a program of its own, and
/// the people file never changes the bytes of the framework's own documents
/// (nor makes a rebuild remake them).
pub(crate) fn per_source(sources: &[Source]) -> Vec<BTreeSet<char>> {
    sources
        .iter()
        .map(|source| {
            let mut chars = of_framework(&source.framework);
            if let Some(second) = &source.edition.second {
                chars.extend(of_framework(second));
            }
            for (_, sentence) in &source.edition.notices {
                chars.extend(sentence.chars().filter(|c| !c.is_control()));
            }
            chars
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn holds_every_character_of_the_framework_and_its_words() {
        let toml = include_str!("../../framework.toml");
        let loaded = crate::load::load_str(toml, Path::new("framework.toml")).unwrap();
        let source = Source {
            path: "framework.toml".into(),
            framework: loaded.framework,
            warnings: Vec::new(),
            edition: Default::default(),
        };
        let chars = per_source(std::slice::from_ref(&source)).remove(0);
        let fw = &source.framework;
        let mut texts: Vec<String> = vec![fw.meta.name.clone(), fw.meta.publisher.clone()];
        for role in &fw.roles {
            texts.push(format!("{:?}", role.name));
            texts.extend(role.levels.iter().map(|l| format!("{:?}", l.name)));
        }
        for c in texts.concat().chars() {
            assert!(chars.contains(&c), "{c:?}");
        }
        for c in source
            .framework
            .words
            .get(crate::words::Key::Available)
            .chars()
        {
            assert!(chars.contains(&c), "{c:?}");
        }
        assert!(!chars.contains(&'\n'));
    }
}
