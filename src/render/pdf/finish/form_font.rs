//! The font form fields use: the document's own embedded body font (PDF/A
//! requires every font used in an appearance stream to be embedded), read
//! back from the file so field values can be encoded and measured.
//!
//! printpdf writes `/W` and ToUnicode only for glyphs the pages draw, so a
//! pre-filled value ("Zoë") may need a glyph the page never used. When the
//! embedded program has it (printpdf embeds whole fonts), [`FormFont::cover`]
//! looks it up in the program's own cmap and hmtx, and [`FormFont::write_back`]
//! adds it to `/W` and ToUnicode, so text extraction and PDF/A width checks
//! stay right.

use std::collections::HashMap;

use allsorts::binary::read::ReadScope;
use allsorts::font::{Font, MatchingPresentation};
use allsorts::font_data::FontData;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// An embedded Type0 (Identity-H) font found in the page resources.
pub struct FormFont {
    /// The font dictionary, for `/DR` and appearance resources.
    pub id: ObjectId,
    /// Character → CID (glyph id), from the font's ToUnicode map.
    cid_of: HashMap<char, u16>,
    /// CID → advance in 1/1000 em, from `/W`.
    widths: HashMap<u16, f32>,
    default_width: f32,
    /// The ToUnicode CMap stream.
    to_unicode: ObjectId,
    /// The embedded font program, when CIDs are glyph ids (Identity CIDToGIDMap).
    program: Option<Vec<u8>>,
    /// Glyphs found in the program that `/W` and ToUnicode must learn about.
    added: Vec<(char, u16, f32)>,
}

impl FormFont {
    /// Picks the regular face among the fonts in `page`'s resources: an
    /// embedded Type0 font, preferring one whose name is not bold or italic.
    pub fn find(lo: &Document, page: ObjectId) -> Option<FormFont> {
        let page = lo.get_dictionary(page).ok()?;
        let resources = deref_dict(lo, page.get(b"Resources").ok()?)?;
        let fonts = deref_dict(lo, resources.get(b"Font").ok()?)?;
        let mut best: Option<(u8, ObjectId)> = None;
        for (_, v) in fonts.iter() {
            let Ok(id) = v.as_reference() else { continue };
            let Ok(f) = lo.get_dictionary(id) else {
                continue;
            };
            if f.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
                continue;
            }
            let base = f
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).to_lowercase())
                .unwrap_or_default();
            let styled = ["bold", "italic", "oblique"]
                .iter()
                .any(|s| base.contains(s));
            let rank = if styled { 1 } else { 0 };
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, id));
            }
        }
        let (_, id) = best?;
        FormFont::read(lo, id)
    }

    fn read(lo: &Document, id: ObjectId) -> Option<FormFont> {
        let font = lo.get_dictionary(id).ok()?;
        let cmap_id = font.get(b"ToUnicode").ok()?.as_reference().ok()?;
        let cmap = lo.get_object(cmap_id).ok()?.as_stream().ok()?;
        let text = cmap
            .decompressed_content()
            .unwrap_or_else(|_| cmap.content.clone());
        let cid_of = parse_to_unicode(&String::from_utf8_lossy(&text));
        let desc = match font.get(b"DescendantFonts").ok()? {
            Object::Array(a) => deref_dict(lo, a.first()?)?,
            Object::Reference(r) => {
                deref_dict(lo, lo.get_object(*r).ok()?.as_array().ok()?.first()?)?
            }
            _ => return None,
        };
        let default_width = desc.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
        let widths = match desc.get(b"W") {
            Ok(w) => match lo.dereference(w) {
                Ok((_, Object::Array(a))) => parse_widths(a),
                _ => HashMap::new(),
            },
            Err(_) => HashMap::new(),
        };
        let identity = match desc.get(b"CIDToGIDMap") {
            Err(_) => true,
            Ok(o) => o.as_name().ok() == Some(b"Identity".as_slice()),
        };
        let program = desc
            .get(b"FontDescriptor")
            .ok()
            .and_then(|d| deref_dict(lo, d))
            .and_then(|fd| fd.get(b"FontFile2").or_else(|_| fd.get(b"FontFile3")).ok())
            .and_then(|f| lo.dereference(f).ok())
            .and_then(|(_, f)| f.as_stream().ok())
            .and_then(|s| {
                s.decompressed_content()
                    .ok()
                    .or_else(|| Some(s.content.clone()))
            })
            .filter(|_| identity);
        Some(FormFont {
            id,
            cid_of,
            widths,
            default_width,
            to_unicode: cmap_id,
            program,
            added: Vec::new(),
        })
    }

    /// Makes every character of `text` the embedded program has available,
    /// and returns those it does not have.
    pub fn cover(&mut self, text: &str) -> Vec<char> {
        let missing = self.missing(text);
        let Some(program) = self.program.as_deref().filter(|_| !missing.is_empty()) else {
            return missing;
        };
        let scope = ReadScope::new(program);
        let font = scope
            .read::<FontData<'_>>()
            .ok()
            .and_then(|data| data.table_provider(0).ok())
            .and_then(|provider| Font::new(provider).ok());
        let Some(mut font) = font else {
            return missing;
        };
        let upm = f32::from(font.head_table.units_per_em.max(1));
        let mut still = Vec::new();
        for c in missing {
            let (gid, _) = font.lookup_glyph_index(c, MatchingPresentation::NotRequired, None);
            match font.horizontal_advance(gid).filter(|_| gid != 0) {
                Some(adv) => {
                    let w = (f32::from(adv) * 1000.0 / upm).round();
                    self.cid_of.insert(c, gid);
                    self.widths.insert(gid, w);
                    self.added.push((c, gid, w));
                }
                None => still.push(c),
            }
        }
        still
    }

    /// Adds the glyphs [`FormFont::cover`] found to the font's `/W` array
    /// and ToUnicode CMap.
    pub fn write_back(&self, lo: &mut Document) {
        if self.added.is_empty() {
            return;
        }
        let mut w = Vec::new();
        for &(_, gid, width) in &self.added {
            w.push(Object::Integer(gid.into()));
            w.push(Object::Array(vec![Object::Integer(width as i64)]));
        }
        let desc_ref = match lo
            .get_dictionary(self.id)
            .ok()
            .and_then(|f| f.get(b"DescendantFonts").ok())
        {
            Some(Object::Array(a)) => a.first().and_then(|o| o.as_reference().ok()),
            Some(Object::Reference(r)) => lo
                .get_object(*r)
                .ok()
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| o.as_reference().ok()),
            _ => None,
        };
        let desc: Option<&mut Dictionary> = match desc_ref {
            Some(r) => lo.get_dictionary_mut(r).ok(),
            None => lo
                .get_dictionary_mut(self.id)
                .ok()
                .and_then(|f| f.get_mut(b"DescendantFonts").ok())
                .and_then(|o| o.as_array_mut().ok())
                .and_then(|a| a.first_mut())
                .and_then(|o| o.as_dict_mut().ok()),
        };
        if let Some(desc) = desc {
            match desc.get_mut(b"W") {
                Ok(Object::Array(existing)) => existing.extend(w),
                _ => desc.set("W", Object::Array(w)),
            }
        }
        if let Ok(Object::Stream(s)) = lo.get_object_mut(self.to_unicode) {
            let text = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            let text = String::from_utf8_lossy(&text).into_owned();
            let mut extra = String::new();
            // A CMap section holds at most 100 mappings.
            for chunk in self.added.chunks(100) {
                extra.push_str(&format!("{} beginbfchar\n", chunk.len()));
                for &(c, gid, _) in chunk {
                    let utf16: String = c
                        .encode_utf16(&mut [0; 2])
                        .iter()
                        .map(|u| format!("{u:04X}"))
                        .collect();
                    extra.push_str(&format!("<{gid:04X}> <{utf16}>\n"));
                }
                extra.push_str("endbfchar\n");
            }
            let at = text.rfind("endcmap").unwrap_or(text.len());
            let updated = format!("{}{extra}{}", &text[..at], &text[at..]);
            *s = Stream::new(s.dict.clone(), updated.into_bytes());
            s.dict.remove(b"Filter");
            s.dict.remove(b"DecodeParms");
        }
    }

    /// Characters of `text` the embedded (subset) font cannot show.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = text
            .chars()
            .filter(|c| !c.is_control() && !self.cid_of.contains_key(c))
            .collect();
        out.dedup();
        out
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter_map(|c| self.cid_of.get(&c))
            .map(|cid| self.widths.get(cid).copied().unwrap_or(self.default_width))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// `text` as a hex string of 2-byte CIDs (Identity-H); unknown characters are skipped.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        text.chars()
            .filter_map(|c| self.cid_of.get(&c))
            .flat_map(|cid| cid.to_be_bytes())
            .collect()
    }
}

fn deref_dict<'a>(lo: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    lo.dereference(o).ok()?.1.as_dict().ok()
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// `/W` entries: `c [w1 w2 …]` or `c_first c_last w`.
fn parse_widths(a: &[Object]) -> HashMap<u16, f32> {
    let mut out = HashMap::new();
    let mut i = 0;
    while i < a.len() {
        let Some(first) = number(&a[i]) else { break };
        match a.get(i + 1) {
            Some(Object::Array(ws)) => {
                for (k, w) in ws.iter().enumerate() {
                    if let Some(w) = number(w) {
                        out.insert((first as usize + k) as u16, w);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(w)) = (number(last), a.get(i + 2).and_then(number)) else {
                    break;
                };
                for c in first as u32..=last as u32 {
                    out.insert(c as u16, w);
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

/// Hex tokens `<…>` and brackets of a CMap body, in order.
fn hex_tokens(s: &str) -> Vec<Option<Vec<u8>>> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                let hex: String = chars.by_ref().take_while(|&c| c != '>').collect();
                let digits: Vec<u8> = hex.bytes().filter(u8::is_ascii_hexdigit).collect();
                let bytes = digits
                    .chunks(2)
                    .filter_map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
                    .collect();
                out.push(Some(bytes));
            }
            '[' | ']' => out.push(None),
            _ => {}
        }
    }
    out
}

fn utf16_char(bytes: &[u8]) -> Option<char> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
        .collect();
    let mut it = char::decode_utf16(units);
    let c = it.next()?.ok()?;
    it.next().is_none().then_some(c)
}

fn code(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |acc, &b| (acc << 8) | u32::from(b))
}

/// Inverts a ToUnicode CMap (bfchar and bfrange sections) for single characters.
fn parse_to_unicode(cmap: &str) -> HashMap<char, u16> {
    let mut out = HashMap::new();
    let mut add = |cid: u32, c: Option<char>| {
        if let (Some(c), Ok(cid)) = (c, u16::try_from(cid)) {
            out.entry(c).or_insert(cid);
        }
    };
    for section in cmap.split("beginbfchar").skip(1) {
        let body = section.split("endbfchar").next().unwrap_or("");
        for pair in hex_tokens(body).chunks(2) {
            if let [Some(src), Some(dst)] = pair {
                add(code(src), utf16_char(dst));
            }
        }
    }
    for section in cmap.split("beginbfrange").skip(1) {
        let body = section.split("endbfrange").next().unwrap_or("");
        let toks = hex_tokens(body);
        let mut i = 0;
        while i + 2 < toks.len() {
            let (Some(lo), Some(hi)) = (&toks[i], &toks[i + 1]) else {
                break;
            };
            let (lo, hi) = (code(lo), code(hi));
            if let Some(dst) = &toks[i + 2] {
                if let Some(start) = utf16_char(dst) {
                    for (k, cid) in (lo..=hi).enumerate() {
                        add(cid, char::from_u32(start as u32 + k as u32));
                    }
                }
                i += 3;
            } else {
                // `[<d0> <d1> …]`: one destination per code.
                let mut j = i + 3;
                let mut cid = lo;
                while j < toks.len() {
                    match &toks[j] {
                        Some(d) => add(cid, utf16_char(d)),
                        None => break,
                    }
                    cid += 1;
                    j += 1;
                }
                i = j + 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bfchar_and_bfrange() {
        let m = parse_to_unicode(
            "2 beginbfchar\n<0003> <0020>\n<0010> <0175>\nendbfchar\n\
             1 beginbfrange\n<0024> <0026> <0041>\nendbfrange\n\
             1 beginbfrange\n<0030> <0031> [<0061> <0062>]\nendbfrange",
        );
        assert_eq!(m[&' '], 3);
        assert_eq!(m[&'ŵ'], 0x10);
        assert_eq!(m[&'C'], 0x26);
        assert_eq!(m[&'b'], 0x31);
    }

    #[test]
    fn reads_both_width_forms() {
        let w = parse_widths(&[
            Object::Integer(3),
            Object::Array(vec![Object::Integer(260), Object::Real(500.5)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(600),
        ]);
        assert_eq!(w[&4], 500.5);
        assert_eq!(w[&12], 600.0);
    }
}
