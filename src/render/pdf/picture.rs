//! Decoding a logo (PNG or JPEG) into the pixels printpdf embeds.
//!
//! printpdf can decode images itself, through the `image` crate and its
//! colour-management stack; that was a third of printpdf's build for two
//! formats we need. The `png` and `zune-jpeg` decoders (the ones `image`
//! uses) do the same job directly, and printpdf, given raw pixels, writes
//! them Flate-compressed with the alpha channel as a soft mask.

use printpdf::{RawImage, RawImageData, RawImageFormat};

/// Larger logos are refused rather than decoded: 40 million pixels is a
/// 160 MB buffer, far beyond any logo.
const MAX_PIXELS: usize = 40_000_000;

/// `bytes` (a PNG or JPEG file) as 8-bit pixels, or why not.
pub(crate) fn decode(bytes: &[u8]) -> Result<RawImage, String> {
    let image = if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)?
    } else {
        png(bytes)?
    };
    if image.width == 0 || image.height == 0 {
        return Err("the image has no pixels".into());
    }
    Ok(image)
}

fn checked(width: usize, height: usize) -> Result<(), String> {
    match width.checked_mul(height) {
        Some(n) if n <= MAX_PIXELS => Ok(()),
        _ => Err(format!("{width} × {height} pixels is too large for a logo")),
    }
}

fn png(bytes: &[u8]) -> Result<RawImage, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // Palettes, transparency chunks and 1-, 2-, 4- and 16-bit samples all
    // become 8-bit grey or RGB, with or without alpha.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let (width, height) = {
        let info = reader.info();
        (info.width as usize, info.height as usize)
    };
    checked(width, height)?;
    let size = reader
        .output_buffer_size()
        .ok_or("the image is too large to decode")?;
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(|e| e.to_string())?;
    pixels.truncate(frame.buffer_size());
    let data_format = match frame.color_type {
        png::ColorType::Grayscale => RawImageFormat::R8,
        png::ColorType::GrayscaleAlpha => RawImageFormat::RG8,
        png::ColorType::Rgb => RawImageFormat::RGB8,
        png::ColorType::Rgba => RawImageFormat::RGBA8,
        png::ColorType::Indexed => return Err("an unexpanded palette image".into()),
    };
    Ok(RawImage {
        pixels: RawImageData::U8(pixels),
        width: frame.width as usize,
        height: frame.height as usize,
        data_format,
        tag: Vec::new(),
    })
}

fn jpeg(bytes: &[u8]) -> Result<RawImage, String> {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(|e| e.to_string())?;
    let info = decoder.info().ok_or("the image has no header")?;
    let (width, height) = (usize::from(info.width), usize::from(info.height));
    checked(width, height)?;
    let pixels = decoder.decode().map_err(|e| e.to_string())?;
    if pixels.len() != width * height * 3 {
        return Err("the image decoded to an unexpected size".into());
    }
    Ok(RawImage {
        pixels: RawImageData::U8(pixels),
        width,
        height,
        data_format: RawImageFormat::RGB8,
        tag: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2×1 RGB PNG: one red pixel, one blue.
    const TINY_PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7b,
        0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x90,
        0x75, 0x2b, 0x3e, 0x71, 0xe7, 0x03, 0x00, 0x08, 0xdf, 0x03, 0x6b, 0xab, 0x97, 0x82, 0xb2,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];

    #[test]
    fn a_png_decodes_to_its_pixels() {
        let image = decode(TINY_PNG).unwrap();
        assert_eq!((image.width, image.height), (2, 1));
        assert_eq!(image.data_format, RawImageFormat::RGB8);
        let RawImageData::U8(px) = image.pixels else {
            panic!("8-bit pixels")
        };
        assert_eq!(px.len(), 6);
    }

    #[test]
    fn broken_images_are_errors_not_panics() {
        assert!(decode(&TINY_PNG[..40]).is_err());
        assert!(decode(b"GIF89a").is_err());
        assert!(decode(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).is_err());
        assert!(decode(&[]).is_err());
    }
}
