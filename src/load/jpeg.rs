//! Checking a JPEG logo at load time, as [`super::framework`] checks a PNG:
//! by its structure, so that a renamed file or a truncated download is
//! reported against the framework line that names it, not met by a renderer.

/// The start-of-image marker every JPEG file begins with.
pub(crate) const SOI: &[u8] = &[0xFF, 0xD8, 0xFF];

/// What is wrong with a JPEG file, if anything, or `None` when both products
/// can use it: 8-bit baseline or progressive (Huffman-coded, as cameras, phones
/// and "Save as JPEG" write), 1 (grey), 3 (colour) or 4 (CMYK) components, a
/// non-zero size, image data, and an end marker.
pub(crate) fn problem(bytes: &[u8]) -> Option<&'static str> {
    let mut at = 2; // after FF D8
    let mut frame = false;
    loop {
        // Markers may be padded with extra FF bytes.
        if bytes.get(at) != Some(&0xFF) {
            return Some("is a damaged JPEG image (a marker is missing)");
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let Some(&marker) = bytes.get(at) else {
            return Some("is a truncated JPEG image");
        };
        at += 1;
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            continue; // no length
        }
        if marker == 0xD9 {
            return Some("is a JPEG image without image data");
        }
        let Some(length) = bytes
            .get(at..at + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
        else {
            return Some("is a truncated JPEG image");
        };
        let length = usize::from(length);
        let Some(segment) = bytes.get(at + 2..at + length.max(2)) else {
            return Some("is a truncated JPEG image");
        };
        match marker {
            0xC0..=0xC2 => {
                if segment.len() < 6 || segment[0] != 8 {
                    return Some("is a JPEG image with more than 8 bits per sample; save it as an ordinary JPEG or a PNG");
                }
                let height = u16::from_be_bytes([segment[1], segment[2]]);
                let width = u16::from_be_bytes([segment[3], segment[4]]);
                if width == 0 || height == 0 {
                    return Some("is a damaged JPEG image (no size)");
                }
                if ![1, 3, 4].contains(&segment[5]) {
                    return Some(
                        "is a JPEG image with an unusual number of colour channels; save it as PNG",
                    );
                }
                frame = true;
            }
            // Other frame types: lossless, hierarchical and arithmetic-coded JPEG.
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Some("uses a kind of JPEG coding few programs read; save it as an ordinary (baseline) JPEG or a PNG");
            }
            0xDA => {
                if !frame {
                    return Some("is a damaged JPEG image (image data before its header)");
                }
                let data = &bytes[at + length..];
                return (!data.windows(2).any(|w| w == [0xFF, 0xD9]))
                    .then_some("is a truncated JPEG image");
            }
            _ => {}
        }
        at += length;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 grey baseline JPEG, made by hand: SOI, SOF0, DHT, SOS, data, EOI.
    fn tiny() -> Vec<u8> {
        let mut j = vec![0xFF, 0xD8];
        j.extend([0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        j.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0]);
        j.extend([0x12, 0x34, 0xFF, 0xD9]);
        j
    }

    #[test]
    fn a_whole_jpeg_passes_and_broken_ones_are_named() {
        assert_eq!(problem(&tiny()), None);
        let t = tiny();
        assert_eq!(
            problem(&t[..t.len() - 2]),
            Some("is a truncated JPEG image")
        );
        assert_eq!(problem(&t[..10]), Some("is a truncated JPEG image"));
        let mut zero = tiny();
        zero[7] = 0;
        zero[8] = 0;
        assert_eq!(problem(&zero), Some("is a damaged JPEG image (no size)"));
        let mut lossless = tiny();
        lossless[3] = 0xC3;
        assert!(problem(&lossless).unwrap().contains("baseline"));
        assert_eq!(
            problem(&[0xFF, 0xD8, 0xFF, 0xD9]),
            Some("is a JPEG image without image data")
        );
    }
}
