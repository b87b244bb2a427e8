//! Embedded font programs: a subset of one bundled face, made once and
//! written as the same objects into every file that uses it.
//!
//! A run makes one program per face for the whole framework ([`FontSet`]'s
//! shared programs, covering every character the framework's documents can
//! print) and one for form fields ([`FontSet::form_font`]: what people type).
//! Each is subset, measured and compressed once; a document then only writes
//! its bytes. A document that prints a character its run did not foresee
//! (a warning text, a people file's name) gets a program of its own for that
//! face, built the same way: correct, only slower.
//!
//! The program is a Type0 (Identity-H) font whose CIDs are the subset's glyph
//! ids, so page text is encoded here (`FontProgram::encode`) and printpdf
//! only formats the operator.
//!
//! [`FontSet`]: super::FontSet
//! [`FontSet::form_font`]: super::FontSet::form_font

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{anyhow, Context, Result};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::fonts::{subset_tag, Face};

/// What the form font covers (what people in a UK organisation type), as
/// ranges of code points; characters Noto Sans
/// lacks are left out. (Noto Sans has no − ≈ ≠ ≤ ≥: Latin-1's ± × ÷ ¬ are
/// the mathematical signs it offers.) About 370 glyphs.
const REPERTOIRE: &[(u32, u32)] = &[
    (0x20, 0x7e),     // Basic Latin: letters, digits, punctuation, symbols
    (0xa0, 0xff),     // Latin-1: £ © ° ± × ÷ and Western European letters
    (0x100, 0x17f),   // Latin Extended-A: Welsh ŵ ŷ, Polish, Czech, Turkish, …
    (0x218, 0x21b),   // Romanian ș ț
    (0x1e80, 0x1e85), // Welsh ẁ ẃ ẅ
    (0x1ef2, 0x1ef3), // Welsh ỳ
    (0x2010, 0x2027), // dashes, curly quotes, daggers, bullet, ellipsis
    (0x2030, 0x2030), // ‰
    (0x2032, 0x2033), // ′ ″
    (0x2039, 0x203a), // ‹ ›
    (0x2044, 0x2044), // ⁄
    (0x20ac, 0x20ac), // €
    (0x2116, 0x2116), // №
    (0x2122, 0x2122), // ™
];

/// Every character of the form font's repertoire.
pub fn form_repertoire() -> BTreeSet<char> {
    REPERTOIRE
        .iter()
        .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
        .collect()
}

/// A font program ready to embed: a Type0 (Identity-H) font whose CIDs are
/// the subset's glyph ids.
#[derive(Debug)]
pub struct FontProgram {
    /// `/BaseFont`: a subset tag and the PostScript name.
    name: String,
    /// Character → glyph id (= CID).
    gid: BTreeMap<char, u16>,
    /// Advance per glyph id, in thousandths of an em.
    widths: Vec<u16>,
    /// The subset program, flate-compressed, and its length before.
    program: Vec<u8>,
    program_len: usize,
    /// The ToUnicode CMap, flate-compressed.
    to_unicode: Vec<u8>,
    ascent: i64,
    descent: i64,
    bbox: [i64; 4],
}

impl FontProgram {
    /// Subsets `face` to the characters of `chars` it has, compressing the
    /// streams at flate `level` (9 for a program made once per run).
    pub(crate) fn build(face: &Face, chars: &BTreeSet<char>, level: u32) -> Result<FontProgram> {
        let chars: BTreeSet<char> = chars.iter().copied().filter(|&c| face.has(c)).collect();
        let bytes = face.subset_program(&chars)?;
        let mut warnings = Vec::new();
        let parsed = printpdf::ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .with_context(|| format!("re-reading the subset of {}", face.postscript))?;
        let upm = f32::from(parsed.units_per_em.max(1));
        let thousandths = |units: u16| (f32::from(units) * 1000.0 / upm).round() as u16;
        let mut gid = BTreeMap::new();
        for &c in &chars {
            if let Some(g) = parsed.lookup_glyph_index(c as u32).filter(|&g| g != 0) {
                gid.insert(c, g);
            }
        }
        let glyphs = gid.values().copied().max().unwrap_or(0);
        let widths = (0..=glyphs)
            .map(|g| thousandths(parsed.get_glyph_width(g).unwrap_or(0)))
            .collect();
        let bbox = head_bbox(&bytes)?;
        let scale = |v: i16| (f32::from(v) * 1000.0 / upm).round() as i64;
        let program =
            super::finish::deflate(&bytes, level).ok_or_else(|| anyhow!("compressing a font"))?;
        let cmap = to_unicode_cmap(&gid);
        let to_unicode = super::finish::deflate(cmap.as_bytes(), level)
            .ok_or_else(|| anyhow!("compressing a CMap"))?;
        Ok(FontProgram {
            name: format!("{}+{}", subset_tag(&bytes), face.postscript),
            gid,
            widths,
            program_len: bytes.len(),
            program,
            to_unicode,
            ascent: scale(parsed.font_metrics.ascent),
            descent: scale(parsed.font_metrics.descent),
            bbox: bbox.map(scale),
        })
    }

    /// Whether the font can draw `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        self.gid.contains_key(&c)
    }

    /// Whether the font can draw every character of `chars`.
    pub(crate) fn covers<'c>(&self, mut chars: impl Iterator<Item = &'c char>) -> bool {
        chars.all(|c| self.gid.contains_key(c))
    }

    /// The `/BaseFont` name: subset tag and PostScript name.
    pub(crate) fn base_font(&self) -> &str {
        &self.name
    }

    /// Width of `text` in points at `size`; characters it lacks count nothing.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .filter_map(|c| self.gid.get(&c))
            .map(|&g| u32::from(self.widths[usize::from(g)]))
            .sum();
        units as f32 * size / 1000.0
    }

    /// `text` as 2-byte CIDs (Identity-H); characters it lacks are skipped.
    pub(crate) fn encode(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        self.encode_into(text, &mut out);
        out
    }

    /// Appends `text` as 2-byte CIDs to `out`; characters it lacks are skipped.
    pub(crate) fn encode_into(&self, text: &str, out: &mut Vec<u8>) {
        for c in text.chars() {
            if let Some(g) = self.gid.get(&c) {
                out.extend_from_slice(&g.to_be_bytes());
            }
        }
    }

    /// The text 2-byte CIDs stand for (the reverse of [`FontProgram::encode`]);
    /// a CID the program does not have reads as U+FFFD. For tests.
    #[cfg(test)]
    pub(crate) fn decode(&self, cids: &[u8]) -> String {
        cids.chunks(2)
            .map(|pair| {
                let g = u16::from_be_bytes([pair[0], *pair.get(1).unwrap_or(&0)]);
                self.gid
                    .iter()
                    .find(|(_, &v)| v == g)
                    .map_or('\u{fffd}', |(&c, _)| c)
            })
            .collect()
    }

    /// Writes the font's objects into `lo` and returns the font dictionary.
    /// The streams are already compressed, so the writer stores them as they are.
    pub(crate) fn embed(&self, lo: &mut Document) -> ObjectId {
        let flate = |mut d: Dictionary, data: &[u8]| {
            d.set("Filter", name("FlateDecode"));
            let mut s = Stream::new(d, data.to_vec());
            s.allows_compression = false;
            Object::Stream(s)
        };
        let mut program = Dictionary::new();
        program.set("Length1", Object::Integer(self.program_len as i64));
        let program = lo.add_object(flate(program, &self.program));
        let to_unicode = lo.add_object(flate(Dictionary::new(), &self.to_unicode));

        let mut desc = Dictionary::new();
        desc.set("Type", name("FontDescriptor"));
        desc.set("FontName", name(&self.name));
        desc.set("Flags", Object::Integer(32));
        desc.set(
            "FontBBox",
            Object::Array(self.bbox.iter().map(|&v| Object::Integer(v)).collect()),
        );
        desc.set("ItalicAngle", Object::Integer(0));
        desc.set("Ascent", Object::Integer(self.ascent));
        desc.set("Descent", Object::Integer(self.descent));
        desc.set("CapHeight", Object::Integer(self.ascent));
        desc.set("StemV", Object::Integer(88));
        desc.set("FontFile2", Object::Reference(program));
        let desc = lo.add_object(desc);

        let mut info = Dictionary::new();
        info.set("Registry", Object::string_literal("Adobe"));
        info.set("Ordering", Object::string_literal("Identity"));
        info.set("Supplement", Object::Integer(0));
        let mut cid = Dictionary::new();
        cid.set("Type", name("Font"));
        cid.set("Subtype", name("CIDFontType2"));
        cid.set("BaseFont", name(&self.name));
        cid.set("CIDSystemInfo", Object::Dictionary(info));
        cid.set("FontDescriptor", Object::Reference(desc));
        cid.set("CIDToGIDMap", name("Identity"));
        cid.set("DW", Object::Integer(1000));
        cid.set("W", self.w_array());
        let cid = lo.add_object(cid);

        let mut font = Dictionary::new();
        font.set("Type", name("Font"));
        font.set("Subtype", name("Type0"));
        font.set("BaseFont", name(&self.name));
        font.set("Encoding", name("Identity-H"));
        font.set(
            "DescendantFonts",
            Object::Array(vec![Object::Reference(cid)]),
        );
        font.set("ToUnicode", Object::Reference(to_unicode));
        lo.add_object(font)
    }

    /// `/W`: `0 [w0 w1 …]` for every glyph, `.notdef` included.
    fn w_array(&self) -> Object {
        let ws = self
            .widths
            .iter()
            .map(|&w| Object::Integer(i64::from(w)))
            .collect();
        Object::Array(vec![Object::Integer(0), Object::Array(ws)])
    }
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// The font's bounding box in font units, from its `head` table.
fn head_bbox(program: &[u8]) -> Result<[i16; 4]> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::tables::{FontTableProvider, HeadTable};
    use allsorts::tag;
    let data = ReadScope::new(program)
        .read::<FontData<'_>>()
        .map_err(|e| anyhow!("font program: {e:?}"))?;
    let provider = data
        .table_provider(0)
        .map_err(|e| anyhow!("font program: {e:?}"))?;
    let head = provider
        .read_table_data(tag::HEAD)
        .map_err(|e| anyhow!("font program head: {e:?}"))?;
    let head = ReadScope::new(&head)
        .read::<HeadTable>()
        .map_err(|e| anyhow!("font program head: {e:?}"))?;
    Ok([head.x_min, head.y_min, head.x_max, head.y_max])
}

/// A ToUnicode CMap mapping each glyph id back to its character.
fn to_unicode_cmap(gid: &BTreeMap<char, u16>) -> String {
    let mut by_gid: Vec<(u16, char)> = gid.iter().map(|(&c, &g)| (g, c)).collect();
    by_gid.sort_unstable();
    by_gid.dedup_by_key(|(g, _)| *g);
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // A CMap section holds at most 100 mappings.
    for chunk in by_gid.chunks(100) {
        out.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for &(g, c) in chunk {
            let utf16: String = c
                .encode_utf16(&mut [0; 2])
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            out.push_str(&format!("<{g:04X}> <{utf16}>\n"));
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::{FaceId, FontSet};

    #[test]
    fn covers_what_people_type_in_a_uk_organisation() {
        let fonts = FontSet::load().unwrap();
        let f = fonts.form_font().unwrap();
        let typed = "Siân Llŷr ap Gwŵr, Ŵ Ŷ ẁ ẃ ẅ ỳ – — ‘’ “” € £ … 14/03/2027 \
                     Quiz: zebra jumps over lazy Xavier (Q4 & Q1) 50% / 100% @ # ; ? ! \
                     Zoë Ångström Łódź Čapek Ørsted ș ț ç ß × ÷ ± ° © ™ № •";
        let missing: String = typed.chars().filter(|&c| !f.has(c)).collect();
        assert_eq!(missing, "");
        assert!(f.width("Siân", 10.0) > 10.0);
        assert_eq!(f.encode("Aâ").len(), 4);
        assert_eq!(f.decode(&f.encode("Siân Ŵ")), "Siân Ŵ");
        assert!(!f.has('\u{2713}'));
    }

    #[test]
    fn a_program_is_deterministic_and_holds_only_what_it_was_asked_for() {
        let fonts = FontSet::load().unwrap();
        let face = fonts.face(FaceId::Bold);
        let chars: BTreeSet<char> = "Gwŵr 2027".chars().collect();
        let a = FontProgram::build(face, &chars, 9).unwrap();
        let b = FontProgram::build(face, &chars, 9).unwrap();
        assert_eq!(a.program, b.program);
        assert_eq!(a.name, b.name);
        assert!(a.covers(chars.iter()));
        assert!(!a.has('z'));
        assert!(a.name.ends_with("+NotoSans-Bold"), "{}", a.name);
        // .notdef and the eight distinct glyphs (the space included).
        assert_eq!(a.widths.len(), 9);
    }

    #[test]
    fn the_cmap_maps_every_glyph_back() {
        let mut gid = BTreeMap::new();
        for (i, c) in ('a'..='z').chain("ŵ€".chars()).enumerate() {
            gid.insert(c, i as u16 + 1);
        }
        let cmap = to_unicode_cmap(&gid);
        assert!(cmap.contains("<001B> <0175>"), "{cmap}");
        assert!(cmap.contains("<001C> <20AC>"));
        assert_eq!(cmap.matches("beginbfchar").count(), 1);
    }
}
