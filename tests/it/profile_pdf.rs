//! Job profile PDFs, read back: every sentence of the level in order, page
//! counts, stress layouts, determinism, qpdf and embedded subset fonts.
//!
//! Tools from poppler-utils and qpdf are used when installed; a test that
//! needs a missing tool says so and passes without checking (and fails when
//! `CI` is set).

#[path = "profile_pdf/fixture.rs"]
mod fixture;
#[path = "profile_pdf/poppler.rs"]
mod poppler;

use std::process::Command;

use fixture::{fixture, seed_framework};
use jobpack::compose::profile::profile;
use jobpack::model::{Framework, Requirement, Skill, Text, TextBlock};
use jobpack::render::pdf::{render, FontSet, PdfOptions, RenderedPdf};
use jobpack::render::Paper;
use poppler::{
    assert_in_order, assert_nothing_off_the_page_or_overlapping, keep, level_strings, normalise,
    pdftotext, pdftotext_all, temp_pdf, tool,
};

fn fonts() -> &'static FontSet {
    static FONTS: std::sync::OnceLock<FontSet> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| FontSet::load().expect("bundled fonts parse"))
}

fn build(fw: &Framework, level: usize, paper: Paper) -> RenderedPdf {
    let doc = profile(fw, 0, level, 1_578_355_200).unwrap();
    let pdf = render(
        &doc,
        &PdfOptions {
            paper,
            accent: None,
        },
        fonts(),
    )
    .expect("renders");
    keep(
        &format!("{}-{:?}", fw.roles[0].levels[level].id, paper),
        &pdf.bytes,
    );
    pdf
}

#[test]
fn every_sentence_of_every_level_is_printed_in_order() {
    let fw = fixture();
    for level in 0..fw.roles[0].levels.len() {
        let pdf = build(&fw, level, Paper::A4);
        assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
        let Some(text) = pdftotext_all(&pdf.bytes) else {
            return;
        };
        assert_in_order(&pdftotext(&pdf.bytes).unwrap(), &level_strings(&fw, level));
        let n = fw.roles[0].levels.len();
        assert!(normalise(&text).contains(&format!("Page 1 of {}", pdf.page_count)));
        assert!(normalise(&text).contains(&format!("Level {} of {n}", level + 1)));
    }
}

#[test]
fn senior_profile_has_the_expected_shape() {
    let fw = fixture();
    let pdf = build(&fw, 1, Paper::A4);
    assert!(
        (2..=4).contains(&pdf.page_count),
        "{} pages",
        pdf.page_count
    );
    let Some(text) = pdftotext(&pdf.bytes) else {
        return;
    };
    let t = normalise(&text);
    // Bullet descriptors get the lead-in, and the next level's changes are listed.
    assert!(
        t.contains("You can: • analyse and assess the impact of change"),
        "{t}"
    );
    assert!(t.contains("What changes at the next level"));
    assert!(
        t.contains("Change management Working Practitioner Higher"),
        "{t}"
    );
    // The top level has no next level.
    let top = pdftotext(&build(&fw, 2, Paper::A4).bytes).unwrap();
    assert!(!top.contains("What changes at the next level"));
}

#[test]
fn letter_paper_works_too() {
    let fw = fixture();
    let pdf = build(&fw, 1, Paper::Letter);
    let Some(text) = pdftotext(&pdf.bytes) else {
        return;
    };
    assert_in_order(&text, &level_strings(&fw, 1));
    if tool("pdfinfo") {
        let f = temp_pdf(&pdf.bytes);
        let out = Command::new("pdfinfo").arg(f.path()).output().unwrap();
        let info = String::from_utf8_lossy(&out.stdout);
        assert!(info.contains("612 x 792 pts"), "{info}");
    }
}

#[test]
fn output_is_byte_identical_across_runs_and_threads() {
    let fw = fixture();
    let a = build(&fw, 1, Paper::A4).bytes;
    let b = build(&fw, 1, Paper::A4).bytes;
    assert!(a == b, "two renders differ");
    let (c, d) = std::thread::scope(|s| {
        let h1 = s.spawn(|| build(&fw, 1, Paper::A4).bytes);
        let h2 = s.spawn(|| build(&fw, 1, Paper::A4).bytes);
        (h1.join().unwrap(), h2.join().unwrap())
    });
    assert!(a == c && c == d, "renders in threads differ");
}

#[test]
fn qpdf_finds_no_problems() {
    if !tool("qpdf") {
        return;
    }
    let fw = fixture();
    for level in 0..3 {
        let f = temp_pdf(&build(&fw, level, Paper::A4).bytes);
        let out = Command::new("qpdf")
            .arg("--check")
            .arg(f.path())
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{report}");
        assert!(
            report.contains("No syntax or stream encoding errors"),
            "{report}"
        );
    }
}

#[test]
fn fonts_are_embedded_as_subsets() {
    if !tool("pdffonts") {
        return;
    }
    let f = temp_pdf(&build(&fixture(), 1, Paper::A4).bytes);
    let out = Command::new("pdffonts").arg(f.path()).output().unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(rows.len() >= 2, "{table}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains("+NotoSans-"), "{row}");
        // name, type (2 words), encoding, emb, sub, uni
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn printed_words_stay_in_the_frame_and_never_overlap() {
    let fw = fixture();
    for level in 0..3 {
        assert_nothing_off_the_page_or_overlapping(&build(&fw, level, Paper::A4).bytes);
    }
    assert_nothing_off_the_page_or_overlapping(&build(&fw, 1, Paper::Letter).bytes);
}

/// A level with 40 skills, a 3,000-character descriptor, a 200-character word
/// and a very long summary still prints every character, inside the frame.
#[test]
fn very_long_text_and_many_skills_lose_nothing() {
    let mut fw = fixture();
    let long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ".repeat(25);
    assert!(long.len() >= 3000);
    let word = "Supercalifragilistic".repeat(10);
    for i in fw.skills.len()..40 {
        fw.skills.push(Skill {
            id: format!("extra-{i}"),
            name: format!("Extra skill number {i} with a fairly long name to wrap"),
            description: None,
            descriptors: vec![(
                2,
                Text::paragraph(format!("Extra descriptor {i}: you can do the thing well.")),
            )],
        });
    }
    let level = &mut fw.roles[0].levels[1];
    level.summary = Text {
        blocks: vec![
            TextBlock::Paragraph(long.clone()),
            TextBlock::Paragraph(format!("A word: {word} ends here.")),
        ],
        lang: None,
    };
    level.requirements = (0..40)
        .map(|skill| Requirement {
            skill,
            level: 2,
            descriptor: None,
        })
        .collect();
    level.requirements[3].descriptor = Some(Text::paragraph(long.clone()));
    level.requirements[5].descriptor = Some(Text::paragraph(format!("Unbroken: {word}")));
    level.requirements[7].descriptor = Some(Text::bullets(vec![long.clone(), word.clone()]));

    let pdf = build(&fw, 1, Paper::A4);
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    assert!(pdf.page_count >= 6, "{} pages", pdf.page_count);
    let Some(text) = pdftotext(&pdf.bytes) else {
        return;
    };
    // Hard-broken words are split by line ends, so compare without any whitespace.
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    // Repeated table headers (artifacts, but pdftotext prints them) may fall inside a split row.
    // So may the label of a row split across pages ("Skill (continued)").
    let mut hay = squash(&text).replace("SkillSkilllevelWhatyouneedtobeabletodo", "");
    for skill in &fw.skills {
        hay = hay.replace(&squash(&format!("{} (continued)", skill.name)), "");
    }
    let mut from = 0;
    for needle in level_strings(&fw, 1) {
        let n = squash(&needle);
        let at = hay[from..]
            .find(&n)
            .unwrap_or_else(|| panic!("lost: {needle:.80}"));
        from += at + n.len();
    }
    // The skills table repeats its header on every page it continues on.
    let headers = text.matches("What you need to be able to do").count();
    assert!(headers >= 3, "header printed {headers} times");
    assert_nothing_off_the_page_or_overlapping(&pdf.bytes);
}

/// The seed role from framework.toml: five profiles, each with every
/// sentence of its level in order, two to four pages each.
#[test]
fn the_seed_roles_five_profiles_print_every_sentence() {
    let fw = seed_framework("framework.toml");
    assert_eq!(fw.roles[0].levels.len(), 5);
    for level in 0..5 {
        let pdf = build(&fw, level, Paper::A4);
        assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
        assert!(
            (2..=4).contains(&pdf.page_count),
            "level {level}: {} pages",
            pdf.page_count
        );
        let Some(text) = pdftotext(&pdf.bytes) else {
            return;
        };
        assert_in_order(&text, &level_strings(&fw, level));
        assert_nothing_off_the_page_or_overlapping(&pdf.bytes);
    }
}

/// The condensed 2024 example (seed 003): bullet descriptors after "You can:".
#[test]
fn the_condensed_example_prints_bullets_after_the_lead_in() {
    let fw = seed_framework("examples/senior-2024.toml");
    for level in 0..fw.roles[0].levels.len() {
        let pdf = build(&fw, level, Paper::A4);
        let Some(text) = pdftotext(&pdf.bytes) else {
            return;
        };
        assert_in_order(&text, &level_strings(&fw, level));
        assert!(normalise(&text).contains("You can: •"));
    }
}

/// Welsh, curly quotes, dashes and symbols (✓ from the fallback font) come
/// back out of the PDF as written; a character no bundled font has is a
/// warning naming it and prints as U+FFFD, never as an invisible .notdef.
#[test]
fn welsh_quotes_and_dashes_survive_and_missing_glyphs_are_named() {
    let mut fw = fixture();
    let welsh =
        "Mae’r peiriannydd yn gweithio gyda “defnyddwyr” – a’u hanghenion — ŵ ŷ Ŵ Ŷ â ê î ô û.";
    fw.roles[0].summary = Text {
        blocks: vec![TextBlock::Paragraph(welsh.into())],
        lang: Some("cy".into()),
    };
    fw.roles[0].levels[1]
        .responsibilities
        .push("tick the box \u{2713} when done \u{e000}".into());
    let pdf = build(&fw, 1, Paper::A4);
    keep("welsh-and-symbols", &pdf.bytes);
    assert_eq!(pdf.warnings.len(), 1, "{:?}", pdf.warnings);
    assert!(pdf.warnings[0].contains("U+E000") && pdf.warnings[0].contains("tick the box"));
    let Some(text) = pdftotext(&pdf.bytes) else {
        return;
    };
    assert!(normalise(&text).contains(welsh), "{text}");
    assert!(
        normalise(&text).contains("tick the box \u{2713} when done \u{fffd}"),
        "{text}"
    );
}

/// Branding: a logo at the top (with its alternative text kept for the tree)
/// and an accent colour; the file renders and keeps every sentence.
#[test]
fn branding_logo_and_accent_render() {
    let mut fw = fixture();
    // A 2×1 PNG.
    let png: Vec<u8> = vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7b,
        0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x90,
        0x75, 0x2b, 0x3e, 0x71, 0xe7, 0x03, 0x00, 0x08, 0xdf, 0x03, 0x6b, 0xab, 0x97, 0x82, 0xb2,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    fw.branding.organisation = Some("Ministry of Examples".into());
    fw.branding.logo = Some(jobpack::model::Logo {
        path: "logo.png".into(),
        png,
        alt: "Ministry of Examples".into(),
    });
    let doc = profile(&fw, 0, 1, 0).unwrap();
    let opts = PdfOptions {
        paper: Paper::A4,
        accent: Some([0xd4, 0x35, 0x1c]),
    };
    let pdf = render(&doc, &opts, fonts()).unwrap();
    keep("branded", &pdf.bytes);
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let Some(text) = pdftotext(&pdf.bytes) else {
        return;
    };
    assert!(normalise(&text).starts_with("Job profile · Ministry of Examples · Digital, Data"));
    assert_in_order(&text, &level_strings(&fw, 1));
}
