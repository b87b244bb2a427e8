//! The font form fields are filled in: a subset of Noto Sans Regular made for
//! the form, covering what people in a UK organisation type (Latin-1, Latin
//! Extended-A with Welsh ŵ ŷ, the Welsh ẁ ẃ ẅ ỳ, dashes, curly quotes, €, …).
//!
//! A viewer or script that fills a field draws the typed value with the font
//! the field's `/DA` names, found in the form's `/DR`, and can only use glyphs
//! that font has and characters its `/W` and ToUnicode map. The page fonts
//! are subsets of what the page prints, so the form needs its own font, with
//! the whole repertoire mapped. PDF/A-2 wants it embedded, like every font.
//!
//! It is made once per run ([`FontSet::form_font`](super::super::FontSet::form_font)),
//! its program and CMap compressed once, and the same objects written into
//! every sheet: the finishing pass is given it, and reads nothing back.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{anyhow, Context, Result};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::render::pdf::fonts::{subset_tag, Face};

/// What the form font covers, as ranges of code points; characters Noto Sans
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

/// Every character of [`REPERTOIRE`].
fn repertoire() -> BTreeSet<char> {
    REPERTOIRE
        .iter()
        .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
        .collect()
}

/// The form font, ready to embed: a Type0 (Identity-H) font whose CIDs are
/// the subset's glyph ids.
#[derive(Debug)]
pub struct FormFont {
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

impl FormFont {
    /// Subsets `face` (Noto Sans Regular) to the repertoire.
    pub(crate) fn build(face: &Face) -> Result<FormFont> {
        let chars: BTreeSet<char> = repertoire().into_iter().filter(|&c| face.has(c)).collect();
        let bytes = face.subset_program(&chars)?;
        let mut warnings = Vec::new();
        let parsed = printpdf::ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .context("re-reading the form font")?;
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
            super::deflate(&bytes, 9).ok_or_else(|| anyhow!("compressing the form font"))?;
        let cmap = to_unicode_cmap(&gid);
        let to_unicode =
            super::deflate(cmap.as_bytes(), 9).ok_or_else(|| anyhow!("compressing a CMap"))?;
        Ok(FormFont {
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
        text.chars()
            .filter_map(|c| self.gid.get(&c))
            .flat_map(|g| g.to_be_bytes())
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
        .map_err(|e| anyhow!("form font: {e:?}"))?;
    let provider = data
        .table_provider(0)
        .map_err(|e| anyhow!("form font: {e:?}"))?;
    let head = provider
        .read_table_data(tag::HEAD)
        .map_err(|e| anyhow!("form font head: {e:?}"))?;
    let head = ReadScope::new(&head)
        .read::<HeadTable>()
        .map_err(|e| anyhow!("form font head: {e:?}"))?;
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
    use crate::render::pdf::FontSet;

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
        assert!(!f.has('\u{2713}'));
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
