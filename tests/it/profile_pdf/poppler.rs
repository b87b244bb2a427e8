//! Reading PDFs back with poppler-utils: text in drawing order, word boxes.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use jobpack::model::Framework;

/// With JOBPACK_KEEP_PDF=dir, keeps the files for looking at.
pub fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("JOBPACK_KEEP_PDF") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(PathBuf::from(dir).join(format!("{name}.pdf")), bytes).unwrap();
    }
}

pub fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        // In CI a missing reader is a broken setup, not a reason to skip.
        assert!(std::env::var_os("CI").is_none(), "{name} is not installed");
        eprintln!("{name} is not installed: check skipped");
    }
    found
}

pub fn temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f
}

/// Body text in content-stream order (our drawing order), without the running
/// header and footer lines, or `None` without poppler.
pub fn pdftotext(bytes: &[u8]) -> Option<String> {
    let text = pdftotext_all(bytes)?;
    let marginal = |l: &str| {
        l.starts_with("Job profile: ")
            || (l.contains("Page ")
                && l.trim_end().ends_with(|c: char| c.is_ascii_digit())
                && l.contains(" of "))
    };
    Some(
        text.lines()
            .filter(|l| !marginal(l))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// All text in content-stream order.
pub fn pdftotext_all(bytes: &[u8]) -> Option<String> {
    if !tool("pdftotext") {
        return None;
    }
    let f = temp_pdf(bytes);
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(f.path())
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap())
}

/// Collapses whitespace and re-joins words broken after a hyphen or cut mid-word at a line end.
pub fn normalise(s: &str) -> String {
    s.replace("-\n", "-")
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts each needle appears in `hay`, in order.
pub fn assert_in_order(hay: &str, needles: &[String]) {
    let hay = normalise(hay);
    let mut from = 0;
    for n in needles {
        let n = normalise(n);
        match hay[from..].find(&n) {
            Some(i) => from += i + n.len(),
            None => panic!("not found in order: {n:?}\n--- text ---\n{hay}"),
        }
    }
}

/// Every sentence-bearing string of a level, in the order the profile prints them.
pub fn level_strings(fw: &Framework, level: usize) -> Vec<String> {
    let l = &fw.roles[0].levels[level];
    let role = &fw.roles[0];
    let mut out: Vec<String> = role.summary.strings().map(String::from).collect();
    out.extend(
        role.introduction
            .iter()
            .flat_map(|t| t.strings().map(String::from)),
    );
    out.extend(l.summary.strings().map(String::from));
    out.extend(l.responsibilities_intro.clone());
    out.extend(l.responsibilities.iter().cloned());
    for req in &l.requirements {
        out.push(fw.skills[req.skill].name.clone());
        out.push(fw.scale[req.level].name.clone());
        out.extend(fw.descriptor(req).strings().map(String::from));
    }
    // What each skill is, in general, after the table.
    for req in &l.requirements {
        let skill = &fw.skills[req.skill];
        if let Some(description) = &skill.description {
            out.push(skill.name.clone());
            out.extend(description.strings().map(String::from));
        }
    }
    out
}

/// Word boxes per page from `pdftotext -bbox`: (page width, height, words as (x0, y0, x1, y1, text)).
pub type Boxes = Vec<(f32, f32, Vec<(f32, f32, f32, f32, String)>)>;

pub fn word_boxes(bytes: &[u8]) -> Option<Boxes> {
    if !tool("pdftotext") {
        return None;
    }
    let f = temp_pdf(bytes);
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(f.path())
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |line: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let start = line.find(&key).unwrap() + key.len();
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse().unwrap()
    };
    let mut pages: Boxes = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((attr(line, "width"), attr(line, "height"), Vec::new()));
        } else if line.starts_with("<word ") {
            let text =
                line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            let w = (
                attr(line, "xMin"),
                attr(line, "yMin"),
                attr(line, "xMax"),
                attr(line, "yMax"),
                text,
            );
            pages.last_mut().unwrap().2.push(w);
        }
    }
    Some(pages)
}

/// Every word inside the text frame (24 mm left, 20 mm right) and no two words overlapping.
pub fn assert_nothing_off_the_page_or_overlapping(bytes: &[u8]) {
    let Some(pages) = word_boxes(bytes) else {
        return;
    };
    let mm = 72.0 / 25.4;
    for (p, (width, height, words)) in pages.iter().enumerate() {
        for (x0, y0, x1, y1, t) in words {
            assert!(
                *x0 >= 24.0 * mm - 1.0 && *x1 <= width - 20.0 * mm + 1.0,
                "page {}: {t:?} at x {x0}..{x1}",
                p + 1
            );
            assert!(
                *y0 >= 0.0 && *y1 <= *height,
                "page {}: {t:?} at y {y0}..{y1}",
                p + 1
            );
        }
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let dx = a.2.min(b.2) - a.0.max(b.0);
                let dy = a.3.min(b.3) - a.1.max(b.1);
                assert!(
                    dx <= 0.5 || dy <= 1.0,
                    "page {}: {:?} overlaps {:?}",
                    p + 1,
                    a.4,
                    b.4
                );
            }
        }
    }
}
