//! Drops TrueType hinting from a subset font program.
//!
//! Noto Sans is hinted: the instructions make up 40% of its `glyf` table,
//! and `fpgm`, `prep` and `cvt ` hold 4 KB more. Hinting snaps outlines to
//! the pixel grid of low-resolution screens; PDF viewers draw unhinted
//! (poppler, mupdf and pdf.js do by default) and print at resolutions where
//! it changes nothing, so in a PDF it is weight without effect. The subset
//! leaves out `fpgm`, `prep` and `cvt ` ([`super::fonts::Face::subset_program`]);
//! this removes each glyph's instructions and rewrites `loca`, `head` and
//! `maxp` to match. ISO 32000-1 (9.9) asks for `cvt `, `fpgm` and `prep`
//! only when the glyphs' instructions use them, and none are left.

use anyhow::{anyhow, bail, Result};

/// Composite glyph flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

fn u16_at(b: &[u8], at: usize) -> Result<u16> {
    b.get(at..at + 2)
        .map(|s| u16::from_be_bytes([s[0], s[1]]))
        .ok_or_else(|| anyhow!("font program ends early"))
}

fn u32_at(b: &[u8], at: usize) -> Result<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| anyhow!("font program ends early"))
}

/// The font's tables, by tag, in directory order.
fn tables(font: &[u8]) -> Result<Vec<([u8; 4], &[u8])>> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|i| {
            let at = 12 + 16 * i;
            let tag = font
                .get(at..at + 4)
                .ok_or_else(|| anyhow!("font program ends early"))?;
            let offset = u32_at(font, at + 8)? as usize;
            let len = u32_at(font, at + 12)? as usize;
            let data = font
                .get(offset..offset + len)
                .ok_or_else(|| anyhow!("a font table lies outside the program"))?;
            Ok(([tag[0], tag[1], tag[2], tag[3]], data))
        })
        .collect()
}

/// `glyph` without its instructions.
fn unhinted_glyph(glyph: &[u8]) -> Result<Vec<u8>> {
    if glyph.is_empty() {
        return Ok(Vec::new());
    }
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        let length_at = 10 + 2 * contours as usize;
        let instructions = usize::from(u16_at(glyph, length_at)?);
        let rest = glyph
            .get(length_at + 2 + instructions..)
            .ok_or_else(|| anyhow!("a glyph ends inside its instructions"))?;
        let mut out = glyph[..length_at].to_vec();
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Ok(out);
    }
    let mut out = glyph.to_vec();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        out[at..at + 2].copy_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        at += 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        at += if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    if at > glyph.len() {
        bail!("a composite glyph ends inside its components");
    }
    out.truncate(at);
    Ok(out)
}

/// The sfnt checksum of `data` (big-endian u32 words, zero-padded).
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// `font` (a TrueType program with `head`, `maxp`, `loca` and `glyf`) with
/// no instructions in its glyphs, `loca` in the long format, and fresh
/// checksums. Other tables are kept as they are.
pub(crate) fn strip(font: &[u8]) -> Result<Vec<u8>> {
    let tables = tables(font)?;
    let find = |tag: &[u8; 4]| {
        tables
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, d)| *d)
            .ok_or_else(|| anyhow!("font program has no {} table", String::from_utf8_lossy(tag)))
    };
    let (head, maxp, loca, glyf) = (
        find(b"head")?,
        find(b"maxp")?,
        find(b"loca")?,
        find(b"glyf")?,
    );
    let glyphs = usize::from(u16_at(maxp, 4)?);
    let long = u16_at(head, 50)? == 1;
    let offset = |i: usize| -> Result<usize> {
        Ok(if long {
            u32_at(loca, 4 * i)? as usize
        } else {
            2 * usize::from(u16_at(loca, 2 * i)?)
        })
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (glyphs + 1));
    for i in 0..glyphs {
        let (start, end) = (offset(i)?, offset(i + 1)?);
        let glyph = glyf
            .get(start..end.max(start))
            .ok_or_else(|| anyhow!("glyph {i} lies outside glyf"))?;
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        new_glyf.extend(unhinted_glyph(glyph)?);
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut new_head = head.to_vec();
    new_head[8..12].copy_from_slice(&[0; 4]); // checkSumAdjustment, set below
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    if new_maxp.len() >= 28 {
        // maxStorage, maxFunctionDefs, maxInstructionDefs, maxStackElements,
        // maxSizeOfInstructions: nothing runs any more.
        new_maxp[18..28].copy_from_slice(&[0; 10]);
    }

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = tables
        .iter()
        .map(|(tag, data)| {
            let data = match tag {
                b"head" => new_head.clone(),
                b"maxp" => new_maxp.clone(),
                b"loca" => new_loca.clone(),
                b"glyf" => new_glyf.clone(),
                _ => data.to_vec(),
            };
            (*tag, data)
        })
        .collect();
    out_tables.sort_by_key(|t| t.0);

    let count = out_tables.len();
    let power = 1usize << (usize::BITS - 1 - count.leading_zeros());
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&(count as u16).to_be_bytes());
    out.extend_from_slice(&((power * 16) as u16).to_be_bytes());
    out.extend_from_slice(&(power.trailing_zeros() as u16).to_be_bytes());
    out.extend_from_slice(&((count * 16 - power * 16) as u16).to_be_bytes());
    let mut at = 12 + 16 * count;
    let mut head_at = 0;
    for (tag, data) in &out_tables {
        if tag == b"head" {
            head_at = at;
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(at as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        at += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &out_tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adjustment.to_be_bytes());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simple_glyph_loses_only_its_instructions() {
        // One contour, 3 instructions, then flags and coordinates.
        let glyph = [
            0, 1, 0, 0, 0, 0, 0, 9, 0, 9, 0, 2, 0, 3, 0xb0, 1, 2, 0x37, 5, 6,
        ];
        let out = unhinted_glyph(&glyph).unwrap();
        assert_eq!(out, [0, 1, 0, 0, 0, 0, 0, 9, 0, 9, 0, 2, 0, 0, 0x37, 5, 6]);
    }

    #[test]
    fn a_composite_glyph_loses_its_flag_and_trailing_instructions() {
        let mut glyph = vec![0xff, 0xff, 0, 0, 0, 0, 0, 9, 0, 9];
        // Component 1: words, more components, instructions follow the last.
        glyph.extend([0x01, 0x21, 0, 7, 0, 1, 0, 2]);
        // Component 2: bytes, a scale.
        glyph.extend([0x00, 0x08, 0, 8, 3, 4, 0x40, 0]);
        glyph.extend([0, 2, 0xb0, 0x01]);
        let out = unhinted_glyph(&glyph).unwrap();
        assert_eq!(out.len(), glyph.len() - 4);
        assert_eq!(&out[10..12], &[0x00, 0x21]);
        assert_eq!(&out[18..], &glyph[18..26]);
    }

    #[test]
    fn a_stripped_program_still_parses_and_draws_the_same_glyphs() {
        let hinted = include_bytes!("../../../fonts/NotoSans-Bold.ttf");
        let bare = strip(hinted).unwrap();
        // The instructions were about 40% of glyf.
        assert!(bare.len() < hinted.len() * 4 / 5, "{}", bare.len());
        let parsed = printpdf::ParsedFont::from_bytes(&bare, 0, &mut Vec::new()).unwrap();
        let original = printpdf::ParsedFont::from_bytes(hinted, 0, &mut Vec::new()).unwrap();
        for c in "Siân Ŵyn".chars() {
            let g = parsed.lookup_glyph_index(c as u32).unwrap();
            assert_eq!(g, original.lookup_glyph_index(c as u32).unwrap());
            assert_eq!(parsed.get_glyph_width(g), original.get_glyph_width(g));
        }
        assert_eq!(checksum(&bare), 0xB1B0_AFBA);
        // Stripping again changes nothing.
        assert_eq!(strip(&bare).unwrap(), bare);
    }
}
