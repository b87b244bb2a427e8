//! The bundled fonts (Noto Sans regular, bold, italic, bold italic, and
//! DejaVu Sans as a fallback for symbols Noto lacks): measuring with their own
//! advances, and subsetting them with allsorts into the font programs
//! ([`FontProgram`]) that files embed.
//!
//! Measured width equals drawn width exactly: text is drawn unkerned, with
//! the same advances the font program writes to `/W`, so the layout can
//! trust [`Face::width`] to the last point.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use anyhow::{anyhow, Result};
use printpdf::ParsedFont;
use sha2::{Digest, Sha256};

use super::program::{form_repertoire, FontProgram};

/// Which of the four Noto Sans faces, or the symbol fallback. The value is the
/// index into per-face tables (e.g. `Painted::used`) and fixes the resource name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FaceId {
    /// Noto Sans Regular: body text, and form field values.
    Regular = 0,
    /// Noto Sans Bold: headings, labels, bold spans.
    Bold = 1,
    /// Noto Sans Italic.
    Italic = 2,
    /// Noto Sans Bold Italic.
    BoldItalic = 3,
    /// DejaVu Sans, for the few characters Noto Sans lacks (✓, →, �).
    Symbols = 4,
}

impl FaceId {
    /// Every face, in resource order.
    pub(crate) const ALL: [FaceId; 5] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::BoldItalic,
        FaceId::Symbols,
    ];

    /// The face for a combination of bold and italic.
    pub(crate) fn styled(bold: bool, italic: bool) -> FaceId {
        match (bold, italic) {
            (false, false) => FaceId::Regular,
            (true, false) => FaceId::Bold,
            (false, true) => FaceId::Italic,
            (true, true) => FaceId::BoldItalic,
        }
    }

    /// The fixed PDF resource name ("F1" …), so output never depends on printpdf's random ids.
    pub(crate) fn resource(self) -> &'static str {
        ["F1", "F2", "F3", "F4", "F5"][self as usize]
    }
}

/// Code points below this are looked up in a flat table (Latin, Greek,
/// general punctuation); the rest go through the font's cmap map.
const FAST_RANGE: usize = 0x2100;
/// Marks "no glyph" in the fast table.
const NO_GLYPH: u16 = u16::MAX;

/// One parsed face with a width table for fast measuring.
#[derive(Debug)]
pub struct Face {
    /// PostScript name, e.g. "NotoSans-Regular".
    pub(crate) postscript: &'static str,
    bytes: &'static [u8],
    parsed: ParsedFont,
    upm: f32,
    /// Ascender in em, from the font's metrics; the baseline is placed with it.
    pub(crate) ascent: f32,
    /// Descender in em, negative (below the baseline).
    pub descent: f32,
    fast: Vec<u16>,
    notdef_advance: u16,
}

impl Face {
    fn load(bytes: &'static [u8], postscript: &'static str, label: &'static str) -> Result<Face> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| anyhow!("cannot parse the bundled font {label} ({postscript})"))?;
        let upm = f32::from(parsed.units_per_em.max(1));
        let mut fast = vec![NO_GLYPH; FAST_RANGE];
        for (cp, slot) in fast.iter_mut().enumerate() {
            if let Some(gid) = parsed.lookup_glyph_index(cp as u32) {
                *slot = parsed.get_glyph_width(gid).unwrap_or(0).min(NO_GLYPH - 1);
            }
        }
        let notdef_advance = parsed.get_glyph_width(0).unwrap_or(0);
        Ok(Face {
            postscript,
            bytes,
            upm,
            ascent: f32::from(parsed.font_metrics.ascent) / upm,
            descent: f32::from(parsed.font_metrics.descent) / upm,
            parsed,
            fast,
            notdef_advance,
        })
    }

    /// Advance of `c` in font units, or `None` when the face has no glyph for it.
    pub(crate) fn advance(&self, c: char) -> Option<u16> {
        let cp = c as usize;
        if cp < FAST_RANGE {
            let a = self.fast[cp];
            return (a != NO_GLYPH).then_some(a);
        }
        let gid = self.parsed.lookup_glyph_index(c as u32)?;
        Some(self.parsed.get_glyph_width(gid).unwrap_or(0))
    }

    /// Whether the face can draw `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// Width of `text` at `size` points; a missing glyph counts as `.notdef`, as drawn.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.advance(c).unwrap_or(self.notdef_advance)))
            .sum();
        units as f32 * size / self.upm
    }

    /// Width of one character at `size` points.
    pub(crate) fn char_width(&self, c: char, size: f32) -> f32 {
        f32::from(self.advance(c).unwrap_or(self.notdef_advance)) * size / self.upm
    }

    /// The font program of a subset holding the glyphs for `chars` (and
    /// `.notdef`), with a Unicode cmap and without hinting ([`super::unhint`]);
    /// glyphs are renumbered from 0.
    pub(crate) fn subset_program(&self, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{subset, CmapTarget, SubsetProfile};
        use allsorts::tag;

        let mut gids: Vec<u16> = chars
            .iter()
            .filter_map(|&c| self.parsed.lookup_glyph_index(c as u32))
            .filter(|&g| g != 0)
            .collect();
        gids.sort_unstable();
        gids.dedup();
        gids.insert(0, 0);

        let font = ReadScope::new(self.bytes)
            .read::<FontData<'_>>()
            .map_err(|e| anyhow!("{}: {e:?}", self.postscript))?;
        let provider = font
            .table_provider(0)
            .map_err(|e| anyhow!("{}: {e:?}", self.postscript))?;
        let tables = vec![
            tag::CMAP,
            tag::HEAD,
            tag::HHEA,
            tag::HMTX,
            tag::MAXP,
            tag::NAME,
            tag::OS_2,
            tag::POST,
        ];
        let hinted = subset(
            &provider,
            &gids,
            &SubsetProfile::Custom(tables),
            CmapTarget::Unicode,
        )
        .map_err(|e| anyhow!("subsetting {}: {e:?}", self.postscript))?;
        super::unhint::strip(&hinted)
    }
}

/// Six capital letters from a hash of the subset (ISO 32000-1, 9.6.4).
pub(crate) fn subset_tag(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    hash.iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// Drawn for a character no bundled font has (with a warning naming it).
pub(crate) const REPLACEMENT: char = '\u{fffd}';

/// The four Noto Sans faces and the symbol fallback, parsed once per run and
/// shared (read-only) across threads.
#[derive(Debug)]
pub struct FontSet {
    faces: [Face; 4],
    /// Parsed on first need: most documents never use it, and its 6,000
    /// glyphs would triple the start-up cost. `None` if it failed to parse.
    symbols: OnceLock<Option<Face>>,
    /// The font form fields are typed in, made on first need (profiles
    /// have no fields) and then embedded as it is in every sheet.
    form: OnceLock<Result<FontProgram, String>>,
    /// Every character the run's documents can print ([`FontSet::for_repertoire`]);
    /// empty when unknown, and then each document subsets its own fonts.
    repertoire: BTreeSet<char>,
    /// Per Noto face, the program covering the repertoire, made on first need.
    shared: [OnceLock<Result<FontProgram, String>>; 4],
}

impl FontSet {
    /// Parses the four Noto Sans faces (a few milliseconds; do it once per run).
    pub fn load() -> Result<FontSet> {
        Ok(FontSet {
            faces: [
                Face::load(
                    include_bytes!("../../../fonts/NotoSans-Regular.ttf"),
                    "NotoSans-Regular",
                    "Noto Sans Regular",
                )?,
                Face::load(
                    include_bytes!("../../../fonts/NotoSans-Bold.ttf"),
                    "NotoSans-Bold",
                    "Noto Sans Bold",
                )?,
                Face::load(
                    include_bytes!("../../../fonts/NotoSans-Italic.ttf"),
                    "NotoSans-Italic",
                    "Noto Sans Italic",
                )?,
                Face::load(
                    include_bytes!("../../../fonts/NotoSans-BoldItalic.ttf"),
                    "NotoSans-BoldItalic",
                    "Noto Sans Bold Italic",
                )?,
            ],
            symbols: OnceLock::new(),
            form: OnceLock::new(),
            repertoire: BTreeSet::new(),
            shared: Default::default(),
        })
    }

    /// The same faces, with one font program per face shared by every
    /// document of the run: each face is subset to `repertoire` (every
    /// character the run's documents can print), compressed once, and the
    /// same bytes are embedded in every file. The repertoire must not depend
    /// on which documents a run selects, or a file's bytes would.
    pub fn for_repertoire(mut self, repertoire: BTreeSet<char>) -> FontSet {
        self.repertoire = repertoire;
        self.shared = Default::default();
        self
    }

    /// The shared program for `face`, if the run has a repertoire (the
    /// symbol fallback never does: documents that need it subset their own).
    pub(crate) fn shared(&self, face: FaceId) -> Result<Option<&FontProgram>> {
        if self.repertoire.is_empty() || face == FaceId::Symbols {
            return Ok(None);
        }
        let i = face as usize;
        self.shared[i]
            .get_or_init(|| {
                FontProgram::build(&self.faces[i], &self.repertoire, 9)
                    .map_err(|e| format!("{e:#}"))
            })
            .as_ref()
            .map(Some)
            .map_err(|e| anyhow!("cannot make the {} font: {e}", self.faces[i].postscript))
    }

    /// The form font: a subset of Noto Sans Regular covering what people
    /// type), made on first call and shared by every sheet of the run, so
    /// its bytes are the same in each.
    pub fn form_font(&self) -> Result<&FontProgram> {
        self.form
            .get_or_init(|| {
                FontProgram::build(&self.faces[0], &form_repertoire(), 9)
                    .map_err(|e| format!("{e:#}"))
            })
            .as_ref()
            .map_err(|e| anyhow!("cannot make the form font: {e}"))
    }

    /// The symbol fallback, parsed on first use.
    fn symbols(&self) -> Option<&Face> {
        self.symbols
            .get_or_init(|| {
                Face::load(
                    include_bytes!("../../../fonts/DejaVuSans.ttf"),
                    "DejaVuSans",
                    "DejaVu Sans",
                )
                .ok()
            })
            .as_ref()
    }

    /// Splits `text`, to be set in `face`, into runs a bundled font can draw:
    /// a character the face lacks goes to the symbol fallback, and one no
    /// bundled font has becomes [`REPLACEMENT`] and is pushed to `missing`.
    pub(crate) fn cover(
        &self,
        text: &str,
        face: FaceId,
        missing: &mut Vec<char>,
    ) -> Vec<(String, FaceId)> {
        let primary = self.face(face);
        let mut runs: Vec<(String, FaceId)> = Vec::new();
        for c in text.chars() {
            let (c, f) = if c.is_whitespace() || primary.has(c) {
                (c, face)
            } else {
                match self.symbols() {
                    Some(symbols) if symbols.has(c) => (c, FaceId::Symbols),
                    Some(symbols) if symbols.has(REPLACEMENT) => {
                        missing.push(c);
                        (REPLACEMENT, FaceId::Symbols)
                    }
                    _ => {
                        missing.push(c);
                        ('?', face)
                    }
                }
            };
            match runs.last_mut() {
                Some((s, last)) if *last == f => s.push(c),
                _ => runs.push((c.to_string(), f)),
            }
        }
        runs
    }

    /// One face. The symbol fallback is only ever asked for once `FontSet::cover`
    /// has chosen it, so it is loaded by then (else Regular stands in).
    pub fn face(&self, id: FaceId) -> &Face {
        match id {
            FaceId::Symbols => self.symbols().unwrap_or(&self.faces[0]),
            _ => &self.faces[id as usize],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_set_can_be_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<FontSet>();
    }

    #[test]
    fn welsh_and_typographic_punctuation_are_covered() {
        let fonts = FontSet::load().unwrap();
        for id in FaceId::ALL {
            for c in "ŵŷŴŶâêîôû‘’“”–—…•€£·×".chars() {
                assert!(fonts.face(id).has(c), "{c} missing in {:?}", id);
            }
        }
        assert!(!fonts.face(FaceId::Regular).has('\u{2713}'));
        assert!(fonts.face(FaceId::Symbols).has('\u{2713}'));
        assert!(fonts.face(FaceId::Symbols).has(REPLACEMENT));
    }

    #[test]
    fn cover_sends_what_noto_lacks_to_the_fallback() {
        let fonts = FontSet::load().unwrap();
        let mut missing = Vec::new();
        let runs = fonts.cover("Done \u{2713} \u{e000}", FaceId::Bold, &mut missing);
        let expect = vec![
            ("Done ".to_string(), FaceId::Bold),
            ("\u{2713}".to_string(), FaceId::Symbols),
            (" ".to_string(), FaceId::Bold),
            (REPLACEMENT.to_string(), FaceId::Symbols),
        ];
        assert_eq!(runs, expect);
        assert_eq!(missing, vec!['\u{e000}']);
    }

    #[test]
    fn width_adds_advances_and_scales_with_size() {
        let fonts = FontSet::load().unwrap();
        let f = fonts.face(FaceId::Regular);
        let w = f.width("ab", 10.0);
        assert!((w - (f.char_width('a', 10.0) + f.char_width('b', 10.0))).abs() < 1e-4);
        assert!((f.width("ab", 20.0) - 2.0 * w).abs() < 1e-3);
        assert!(fonts.face(FaceId::Bold).width("mmm", 10.0) > 0.0);
    }

    #[test]
    fn shared_programs_cover_the_repertoire_and_are_made_once() {
        let fonts = FontSet::load()
            .unwrap()
            .for_repertoire("Hello ŵ".chars().collect());
        let a = fonts.shared(FaceId::Regular).unwrap().unwrap();
        let b = fonts.shared(FaceId::Regular).unwrap().unwrap();
        assert!(std::ptr::eq(a, b));
        assert!(a.has('ŵ') && !a.has('z'));
        assert!(fonts.shared(FaceId::Symbols).unwrap().is_none());
        assert!(FontSet::load()
            .unwrap()
            .shared(FaceId::Bold)
            .unwrap()
            .is_none());
    }
}
