//! lopdf writes its cross-reference stream unfiltered: about 7 bytes for each
//! of the hundreds of objects a tagged file has (2 KB for a 3-page profile).
//! Flate shrinks it about fivefold. The xref stream is the last object and
//! `startxref` points at its start, so compressing its data in place moves no
//! other object and no offset.

use lopdf::{Dictionary, Stream};

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn number_after(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let start = at + bytes[at..].iter().position(|b| b.is_ascii_digit())?;
    let len = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let n = std::str::from_utf8(&bytes[start..start + len])
        .ok()?
        .parse()
        .ok()?;
    Some((n, start + len))
}

/// Returns `pdf` with its final cross-reference stream flate-compressed, or
/// `pdf` unchanged when the file does not have the expected shape.
pub fn compress_xref_stream(pdf: Vec<u8>) -> Vec<u8> {
    rewrite(&pdf).unwrap_or(pdf)
}

fn rewrite(pdf: &[u8]) -> Option<Vec<u8>> {
    let sx = pdf.windows(9).rposition(|w| w == b"startxref")?;
    let (offset, _) = number_after(pdf, sx + 9)?;
    let dict_start = find(pdf, b"<<", offset)?;
    let stream_kw = find(pdf, b">>stream\n", dict_start)?;
    let dict = &pdf[dict_start..stream_kw];
    if find(dict, b"/Type/XRef", 0).is_none() || find(dict, b"/Filter", 0).is_some() {
        return None;
    }
    let len_at = find(dict, b"/Length ", 0)?;
    let (length, len_end) = number_after(dict, len_at + 7)?;
    let data_start = stream_kw + 9;
    let data = pdf.get(data_start..data_start + length)?;
    let tail = &pdf[data_start + length..];
    if !tail.starts_with(b"\nendstream") || data_start + length > sx {
        return None;
    }
    let mut s = Stream::new(Dictionary::new(), data.to_vec());
    s.compress().ok()?;
    // A trailing CR would read as part of a CRLF before endstream (PDF/A 6.1.7.1).
    if !s.is_compressed() || s.content.last() == Some(&b'\r') || s.content.len() >= length {
        return None;
    }
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(&pdf[..dict_start + len_at]);
    out.extend_from_slice(format!("/Length {}/Filter/FlateDecode", s.content.len()).as_bytes());
    out.extend_from_slice(&dict[len_end..]);
    out.extend_from_slice(b">>stream\n");
    out.extend_from_slice(&s.content);
    out.extend_from_slice(tail);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Document, Object};

    fn sample() -> Vec<u8> {
        let mut lo = Document::with_version("1.7");
        let pages = lo.new_object_id();
        let ids: Vec<Object> = (0..300)
            .map(|i| Object::Reference(lo.add_object(Object::Integer(i))))
            .collect();
        lo.objects.insert(pages, Object::Array(ids));
        let mut cat = Dictionary::new();
        cat.set("Type", Object::Name(b"Catalog".to_vec()));
        cat.set("Things", Object::Reference(pages));
        let root = lo.add_object(cat);
        lo.trailer.set("Root", Object::Reference(root));
        let mut out = Vec::new();
        lo.save_modern(&mut out).unwrap();
        out
    }

    #[test]
    fn compressed_file_reads_back_the_same_and_is_smaller() {
        let plain = sample();
        let small = compress_xref_stream(plain.clone());
        assert!(
            small.len() + 1000 < plain.len(),
            "{} vs {}",
            small.len(),
            plain.len()
        );
        // Everything but the xref stream itself reads back identical.
        let objects = |bytes: &[u8]| {
            let mut lo = Document::load_mem(bytes).unwrap();
            lo.objects
                .retain(|_, o| o.type_name().ok() != Some(b"XRef".as_slice()));
            lo.objects
        };
        assert_eq!(objects(&plain), objects(&small));
    }

    #[test]
    fn anything_unexpected_is_left_alone() {
        let junk = b"%PDF-1.7\nnot really a pdf\nstartxref\n9\n%%EOF".to_vec();
        assert_eq!(compress_xref_stream(junk.clone()), junk);
        let once = compress_xref_stream(sample());
        assert_eq!(compress_xref_stream(once.clone()), once);
    }
}
