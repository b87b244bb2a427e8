//! The OpenDocument renderer: an editable text document (.odt) from the same
//! [`Document`] the PDF and HTML renderers read.
//!
//! The XML is written by hand with the one escaping function of the HTML
//! renderer ([`crate::render::html::escape`]): the few elements ODF text
//! needs are fixed, so an XML-writer crate would add a dependency and no
//! safety the escaping function does not give. The package is a zip (the
//! `zip` crate rust_xlsxwriter already builds): `mimetype` first and
//! stored, then `META-INF/manifest.xml`, `content.xml`, `styles.xml`,
//! `meta.xml` and any pictures, every entry dated from the document's epoch,
//! so the same document always gives the same bytes.
//!
//! Headings are `text:h` with outline levels in the Heading N styles; the
//! paragraph styles (Text body, Lead, Small, Label, Table Contents) are named
//! styles people can change; tables repeat their header row
//! (`table:table-header-rows`); passages in another language have a
//! paragraph style with that language; the first page has no running header.

mod content;
mod styles;
mod table;

use std::io::{Cursor, Write};

use anyhow::{Context, Result};
use xlsx_zip::write::SimpleFileOptions;
use xlsx_zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::doc::Document;
use crate::render::Paper;

/// The media type of an OpenDocument text file.
pub(crate) const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// How to render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OdtOptions {
    /// Page size.
    pub paper: Paper,
    /// Colour of the title and section headings, darkened as the PDF's is.
    pub accent: Option<[u8; 3]>,
}

/// A finished OpenDocument file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedOdt {
    /// The whole file.
    pub bytes: Vec<u8>,
    /// Things the reader should know (an image that is not a PNG), never fatal.
    pub warnings: Vec<String>,
}

/// Renders `doc` as an OpenDocument text file.
///
/// # Errors
/// Only if the zip writer fails, which writing to memory does not.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// use jobpack::render::odt;
///
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let doc = jobpack::compose::profile::profile(&fw, 0, 0, None)?;
/// let odt = odt::render(&doc, &odt::OdtOptions::default())?;
/// assert!(odt.bytes.starts_with(b"PK"));
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn render(doc: &Document, opts: &OdtOptions) -> Result<RenderedOdt> {
    let body = content::content(doc, opts);
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        (
            "META-INF/manifest.xml".into(),
            styles::manifest(&body.pictures).into_bytes(),
        ),
        ("content.xml".into(), body.xml.into_bytes()),
        ("styles.xml".into(), styles::styles(doc, opts).into_bytes()),
        ("meta.xml".into(), styles::meta(&doc.meta).into_bytes()),
    ];
    for (name, png) in body.pictures {
        parts.push((name, png));
    }
    let bytes = package(&parts, zip_time(doc.meta.epoch)).context("cannot write the .odt zip")?;
    Ok(RenderedOdt {
        bytes,
        warnings: body.warnings,
    })
}

/// The zip: `mimetype` first and stored, as ODF requires (readers sniff
/// it at a fixed offset), then `parts` compressed, all with one date and
/// fixed attributes.
fn package(parts: &[(String, Vec<u8>)], time: DateTime) -> xlsx_zip::result::ZipResult<Vec<u8>> {
    let base = SimpleFileOptions::default()
        .last_modified_time(time)
        .system(System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(
        "mimetype",
        base.compression_method(CompressionMethod::Stored),
    )?;
    zip.write_all(MIMETYPE.as_bytes())?;
    for (name, bytes) in parts {
        // Pictures are compressed already.
        let method = if name.ends_with(".png") || name.ends_with(".jpg") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        zip.start_file(name.as_str(), base.compression_method(method))?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The zip entries' date: the document's, in UTC (an undated document's
/// entries are dated 1980-01-01, zip's first day); zip cannot say before
/// 1980 or after 2107, so dates outside are held at the ends.
fn zip_time(epoch: Option<i64>) -> DateTime {
    let t = time::OffsetDateTime::from_unix_timestamp(epoch.unwrap_or(0))
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let year = t.year().clamp(1980, 2107);
    let at = if year == t.year() {
        DateTime::from_date_and_time(
            year as u16,
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
        )
    } else if year == 1980 {
        DateTime::from_date_and_time(1980, 1, 1, 0, 0, 0)
    } else {
        DateTime::from_date_and_time(2107, 12, 31, 23, 59, 58)
    };
    at.unwrap_or_default()
}

/// ODF's `fo:language`, `fo:script` and `fo:country` attributes of a BCP 47
/// tag ("en-GB" → language en, country GB), ready to put in an element.
pub(crate) fn language_attributes(tag: &str) -> String {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    let mut attrs = format!(" fo:language=\"{}\"", crate::render::html::escape(language));
    let mut country = None;
    let mut script = None;
    for p in parts {
        match p.len() {
            4 if p.chars().all(|c| c.is_ascii_alphabetic()) && script.is_none() => {
                script = Some(p);
            }
            2 if p.chars().all(|c| c.is_ascii_alphabetic()) && country.is_none() => {
                country = Some(p);
            }
            3 if p.chars().all(|c| c.is_ascii_digit()) && country.is_none() => country = Some(p),
            _ => {}
        }
    }
    if let Some(s) = script {
        attrs.push_str(&format!(
            " fo:script=\"{}\"",
            crate::render::html::escape(s)
        ));
    }
    if let Some(c) = country {
        attrs.push_str(&format!(
            " fo:country=\"{}\"",
            crate::render::html::escape(c)
        ));
    }
    attrs
}

#[cfg(test)]
mod tests;
