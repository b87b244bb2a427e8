//! The framework's metadata, branding, skill-level scale and skills catalogue.

use std::ops::Range;
use std::path::Path;

use toml::de::DeValue;

use super::fields::{Ctx, Located, Seen, Table};
use super::words::closest;
use super::{input, limits};
use crate::model::{Branding, Date, Logo, Meta, Skill, SkillLevel};

/// The keys a `[[skills]]` table may have.
pub(super) const SKILL_KEYS: &[&str] = &["id", "name", "description", "descriptors"];

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Reads `[framework]`.
pub(crate) fn meta(ctx: &mut Ctx, root: &Table) -> Option<Meta> {
    let Some(t) = ctx.sub_table(root, "framework", "[framework]") else {
        if !root.map.contains_key("framework") {
            ctx.error(
                None,
                "the file has no [framework] table".into(),
                Some("start the file with [framework] giving name, publisher and published".into()),
            );
        }
        return None;
    };
    ctx.known_keys(
        &t,
        &[
            "name",
            "publisher",
            "version",
            "published",
            "language",
            "attribution",
            "url",
            "bullet_lead",
            "languages",
            "editions",
        ],
    );
    let name = ctx.translated(&t, "name", true);
    let publisher = ctx.translated(&t, "publisher", true);
    let version = ctx.string(&t, "version", false);
    let published = published(ctx, &t);
    if version.is_none()
        && published.is_none()
        && !t.map.contains_key("published")
        && !t.map.contains_key("version")
    {
        ctx.error(
            t.span.clone(),
            "[framework] has neither `published` nor `version`".into(),
            Some("documents are dated from it: add a line such as published = 2020-01-07".into()),
        );
    }
    let language = match ctx.string(&t, "language", false) {
        Some(lang) => {
            ctx.check_language(&lang, "language");
            lang.value
        }
        None => "en-GB".into(),
    };
    languages(ctx, &t);
    // A framework of several languages is read once in each.
    let language = if t.map.contains_key("languages") {
        ctx.lang.clone()
    } else {
        language
    };
    let attribution = ctx.translated(&t, "attribution", false);
    let url = ctx.string(&t, "url", false);
    if let Some(url) = &url {
        if !(url.value.starts_with("https://") || url.value.starts_with("http://"))
            || url.value.contains(char::is_whitespace)
        {
            ctx.error(
                Some(url.span.clone()),
                format!("`url` is not a web address: \"{}\"", url.value),
                Some("write the full address, starting with https://".into()),
            );
        }
    }
    // The default comes from the words catalogue, once it is resolved.
    let bullet_lead = ctx
        .translated(&t, "bullet_lead", false)
        .map_or_else(String::new, |b| b.value);
    Some(Meta {
        name: name?.value,
        publisher: publisher?.value,
        version: version.map(|v| v.value),
        published,
        language,
        attribution: attribution.map(|a| a.value),
        url: url.map(|u| u.value),
        bullet_lead,
    })
}

/// Checks `languages` (the languages of a framework written in several) and
/// `editions` (which editions a build makes unless told).
fn languages(ctx: &mut Ctx, t: &Table) {
    if let Some(v) = t.map.get("languages") {
        if t.map.contains_key("language") {
            ctx.error(
                Some(v.span()),
                "[framework] has both `language` and `languages`".into(),
                Some("keep `languages` for a framework in several languages, `language` for one in one".into()),
            );
        }
        let tags = ctx.strings(t, "languages");
        let example = "languages = [\"cy\", \"en\"]";
        if tags.is_empty() {
            ctx.error(
                Some(v.span()),
                "`languages` is empty".into(),
                Some(format!("list the framework's languages, e.g. {example}")),
            );
        }
        let mut seen: Vec<String> = Vec::new();
        for tag in &tags {
            let p = crate::words::primary(tag);
            if !super::text::is_language_tag(tag) {
                ctx.error(
                    Some(v.span()),
                    format!("`languages` holds \"{tag}\", which is not a language tag"),
                    Some(format!("use BCP 47 tags, e.g. {example}")),
                );
            } else if seen.contains(&p) {
                ctx.error(
                    Some(v.span()),
                    format!(
                        "`languages` names {} twice",
                        super::translations::language_name(tag)
                    ),
                    Some("name each language once".into()),
                );
            }
            seen.push(p);
        }
        if seen.iter().position(|p| p == "cy").is_some_and(|i| i > 0) {
            ctx.warn(
                Some(v.span()),
                "Welsh is not the first of `languages`, so the bilingual edition prints it second"
                    .into(),
                Some("the Welsh Language Commissioner's guidance puts Welsh first: list \"cy\" first".into()),
            );
        }
    }
    for e in ctx.strings(t, "editions") {
        if e != "both"
            && !ctx
                .languages
                .iter()
                .any(|l| crate::words::primary(l) == crate::words::primary(&e))
        {
            let span = t.map.get("editions").map(|v| v.span());
            ctx.error(
                span,
                format!("`editions` holds \"{e}\", which is not one of the framework's languages"),
                Some(format!(
                    "list some of {}, or \"both\" for the bilingual edition",
                    ctx.languages
                        .iter()
                        .map(|l| format!("\"{}\"", crate::words::primary(l)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
    }
}

fn published(ctx: &mut Ctx, t: &Table) -> Option<Date> {
    let v = t.map.get("published")?;
    let example = "2020-01-07 (a TOML date, without quotes)";
    let DeValue::Datetime(dt) = v.get_ref() else {
        ctx.wrong_type(v, "published", "a date", example);
        return None;
    };
    // The TOML parser has already refused impossible dates such as 2023-02-29.
    match (dt.date, dt.time) {
        (Some(d), None) => {
            let date = Date {
                year: i32::from(d.year),
                month: d.month,
                day: d.day,
            };
            if limits::date_in_range(&date) {
                return Some(date);
            }
            ctx.error(
                Some(v.span()),
                format!(
                    "`published` is {}, outside the dates documents can carry ({} to {})",
                    date.iso(),
                    limits::FIRST_DATE.iso(),
                    limits::LAST_DATE.iso()
                ),
                Some(
                    "workbooks cannot hold dates before 1900: write the date this edition \
                     of the framework was published"
                        .into(),
                ),
            );
            None
        }
        _ => {
            ctx.wrong_type(v, "published", "a date without a time", example);
            None
        }
    }
}

/// Reads the optional `[branding]`; `dir` is the framework file's folder, against which the logo path resolves.
pub(crate) fn branding(ctx: &mut Ctx, root: &Table, dir: &Path) -> Branding {
    let Some(t) = ctx.sub_table(root, "branding", "[branding]") else {
        return Branding::default();
    };
    ctx.known_keys(&t, &["organisation", "logo", "logo_alt", "accent"]);
    let organisation = ctx.translated(&t, "organisation", false).map(|o| o.value);
    let logo_path = ctx.string(&t, "logo", false);
    let alt = ctx.translated(&t, "logo_alt", false);
    let logo = match (logo_path, alt) {
        (Some(path), Some(alt)) => read_logo(ctx, &path, dir).map(|png| Logo {
            path: dir.join(&path.value),
            png,
            alt: alt.value,
        }),
        (Some(path), None) => {
            read_logo(ctx, &path, dir);
            if !t.map.contains_key("logo_alt") {
                ctx.missing(
                    &t,
                    "logo_alt",
                    "\"Your organisation's name\" (read out by screen readers)",
                );
            }
            None
        }
        (None, Some(alt)) => {
            ctx.error(
                Some(alt.span),
                "`logo_alt` is given but there is no `logo`".into(),
                Some(
                    "add logo = \"logo.png\" (a PNG or JPEG beside this file), or delete logo_alt"
                        .into(),
                ),
            );
            None
        }
        (None, None) => None,
    };
    let accent = ctx.string(&t, "accent", false).and_then(|a| {
        let rgb = parse_colour(&a.value);
        if rgb.is_none() {
            ctx.error(
                Some(a.span.clone()),
                format!("`accent` is not a colour: \"{}\"", a.value),
                Some("write six hexadecimal digits after #, such as \"#1d70b8\"".into()),
            );
        }
        if let Some(adj) = rgb.and_then(crate::render::pdf::style::accent_adjustment) {
            let [r, g, b] = adj.used;
            ctx.warn(
                Some(a.span),
                format!(
                    "`accent` \"{}\" is too light for text on white ({:.1}:1, under 4.5:1); \
                     headings and links use #{r:02x}{g:02x}{b:02x} instead ({:.1}:1)",
                    a.value, adj.given_contrast, adj.used_contrast
                ),
                Some(format!(
                    "to choose the colour yourself, write a darker accent, such as \"#{r:02x}{g:02x}{b:02x}\""
                )),
            );
        }
        rgb
    });
    Branding {
        organisation,
        logo,
        accent,
    }
}

fn read_logo(ctx: &mut Ctx, path: &Located<String>, dir: &Path) -> Option<Vec<u8>> {
    let full = dir.join(&path.value);
    let result = match input::read(&full, input::LOGO) {
        Err(e) => Err(format!("cannot read the logo {}: {e}", full.display())),
        Ok(bytes) => match image_problem(&bytes) {
            None => Ok(bytes),
            Some(problem) => Err(format!("the logo {} {problem}", full.display())),
        },
    };
    result
        .map_err(|message| {
            ctx.error(
                Some(path.span.clone()),
                message,
                Some(
                    "give the path of a PNG or JPEG file, relative to the folder of this framework file"
                        .into(),
                ),
            )
        })
        .ok()
}

/// What is wrong with a logo file, if anything: it must be a whole PNG or JPEG.
fn image_problem(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(super::jpeg::SOI) {
        super::jpeg::problem(bytes)
    } else {
        png_problem(bytes)
    }
}

/// What is wrong with a PNG file, if anything: the signature, then a chunk walk
/// (IHDR first with a non-zero size, some IDAT, IEND last), which catches other
/// formats renamed to .png and truncated downloads before a renderer meets them.
fn png_problem(bytes: &[u8]) -> Option<&'static str> {
    let Some(mut rest) = bytes.strip_prefix(PNG_SIGNATURE) else {
        return Some("is neither a PNG nor a JPEG image");
    };
    let mut first = true;
    let mut has_data = false;
    while rest.len() >= 12 {
        let length = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        let kind = &rest[4..8];
        let Some(data) = rest.get(8..8usize.saturating_add(length)) else {
            break;
        };
        if first {
            let size_ok =
                kind == b"IHDR" && length == 13 && data[0..4] != [0; 4] && data[4..8] != [0; 4];
            if !size_ok {
                return Some("is a damaged PNG image (no valid IHDR header)");
            }
            first = false;
        }
        has_data |= kind == b"IDAT";
        if kind == b"IEND" {
            return (!has_data).then_some("is a PNG image without image data");
        }
        rest = &rest[(12 + length).min(rest.len())..];
    }
    Some("is a truncated PNG image")
}

/// "#1d70b8" → [0x1d, 0x70, 0xb8].
fn parse_colour(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Reads `[[scale]]`, lowest rung first.
pub(crate) fn scale(ctx: &mut Ctx, root: &Table) -> Vec<SkillLevel> {
    let mut ids = Seen::default();
    let mut names = Seen::default();
    let mut out = Vec::new();
    for (number, (map, span)) in ctx.tables(root, "scale", true).into_iter().enumerate() {
        let before = ctx.errors();
        let t = Table {
            map,
            span: Some(span.clone()),
            name: format!("[[scale]] #{}", number + 1),
        };
        ctx.known_keys(&t, &["id", "name", "description"]);
        let id = ctx.id(&t, "id");
        let name = ctx.translated(&t, "name", true);
        let description = ctx.text(&t, "description", false);
        if let Some(id) = &id {
            ids.check(ctx, "skill level id", id);
        }
        if let Some(name) = &name {
            names.check(ctx, "skill level name", name);
        }
        // Keep a rung with a bad name so that later references to its id still resolve.
        if let Some(id) = id {
            out.push(SkillLevel {
                name: name.map_or_else(|| id.value.clone(), |n| n.value),
                id: id.value,
                description,
            });
        } else {
            ctx.ensure_reported(before, span, "skill level");
        }
    }
    out
}

/// A catalogue skill with the spans the cross-checks need.
pub(crate) struct SkillSource {
    /// The skill's `id` value, where warnings about the skill point.
    pub(crate) id_span: Range<usize>,
    /// The [skills.descriptors] table, or the skill's header when it has none.
    pub(crate) descriptors_span: Range<usize>,
    /// Characters of each descriptor, by scale rank, counted once for the
    /// per-level limit ([`super::limits::MAX_LEVEL_CHARS`]).
    pub(crate) descriptor_chars: Vec<(usize, usize)>,
}

/// Reads `[[skills]]`, checking each descriptor's key against the scale.
pub(crate) fn skills(
    ctx: &mut Ctx,
    root: &Table,
    scale: &[SkillLevel],
) -> Vec<(Skill, SkillSource)> {
    let mut ids = Seen::default();
    let mut names = Seen::default();
    let mut out: Vec<(Skill, SkillSource)> = Vec::new();
    for (number, (map, span)) in ctx.tables(root, "skills", true).into_iter().enumerate() {
        let before = ctx.errors();
        let mut t = Table {
            map,
            span: Some(span.clone()),
            name: format!("[[skills]] #{}", number + 1),
        };
        let id = ctx.id(&t, "id");
        if let Some(id) = &id {
            t.name = format!("skill `{}`", id.value);
            ids.check(ctx, "skill id", id);
        }
        ctx.known_keys(&t, SKILL_KEYS);
        let name = ctx.translated(&t, "name", true);
        if let Some(name) = &name {
            names.check(ctx, "skill name", name);
        }
        let description = ctx.text(&t, "description", false);
        let mut descriptors = Vec::new();
        let mut descriptors_span = span.clone();
        if let Some(d) = ctx.sub_table(
            &t,
            "skills.descriptors",
            &format!("[skills.descriptors] of {}", t.name),
        ) {
            descriptors_span = d.span.clone().unwrap_or_else(|| span.clone());
            for (key, value) in d.map.iter() {
                let level: &str = key.get_ref();
                let Some(rank) = scale.iter().position(|s| s.id == level) else {
                    unknown_level(ctx, key.span(), level, scale);
                    continue;
                };
                if let Some(text) = ctx.text_value(value, level) {
                    descriptors.push((rank, text));
                }
            }
            descriptors.sort_by_key(|(rank, _)| *rank);
        }
        // Keep a skill with a bad name so that requirements naming it still resolve
        // (the load fails anyway; this only avoids reporting one mistake many times).
        let descriptor_chars = descriptors
            .iter()
            .map(|(rank, text)| (*rank, limits::text_chars(text)))
            .collect();
        if let Some(id) = id {
            out.push((
                Skill {
                    name: name.map_or_else(|| id.value.clone(), |n| n.value),
                    id: id.value,
                    description,
                    descriptors,
                },
                SkillSource {
                    id_span: id.span,
                    descriptors_span,
                    descriptor_chars,
                },
            ));
        } else {
            ctx.ensure_reported(before, span, "skill");
        }
    }
    out
}

/// Reports a skill level that is not on the scale.
pub(crate) fn unknown_level(ctx: &mut Ctx, span: Range<usize>, level: &str, scale: &[SkillLevel]) {
    let rungs: Vec<&str> = scale.iter().map(|s| s.id.as_str()).collect();
    let hint = match closest(level, rungs.iter().copied()) {
        Some(best) => format!("did you mean `{best}`? The scale is: {}", rungs.join(" < ")),
        None => format!("the scale is: {}", rungs.join(" < ")),
    };
    ctx.error(
        Some(span),
        format!("`{level}` is not a skill level on the scale"),
        Some(hint),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        assert_eq!(parse_colour("#1d70b8"), Some([0x1d, 0x70, 0xb8]));
        assert_eq!(parse_colour("#1D70B8"), Some([0x1d, 0x70, 0xb8]));
        for bad in ["1d70b8", "#1d70b", "#1d70b8ff", "#gggggg", "#ééé"] {
            assert_eq!(parse_colour(bad), None, "{bad}");
        }
    }

    /// A 1×1 grey PNG, as written by an image editor.
    pub(crate) const TINY_PNG: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0,
        0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0x3a, 0x7e, 0x9b, 0x55, 0, 0, 0, 10, b'I', b'D', b'A',
        b'T', 0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1, 0x48, 0xaf, 0xa4, 0x71, 0, 0, 0, 0, b'I',
        b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82,
    ];

    #[test]
    fn png_structure() {
        assert_eq!(png_problem(TINY_PNG), None);
        assert_eq!(
            png_problem(b"GIF89a"),
            Some("is neither a PNG nor a JPEG image")
        );
        assert_eq!(
            png_problem(&TINY_PNG[..40]),
            Some("is a truncated PNG image")
        );
        let mut zero_width = TINY_PNG.to_vec();
        zero_width[19] = 0;
        assert!(png_problem(&zero_width).unwrap().contains("IHDR"));
        assert_eq!(png_problem(PNG_SIGNATURE), Some("is a truncated PNG image"));
    }
}
