//! Job profile PDFs, read back: every sentence of the level in order, page
//! counts, stress layouts, determinism, qpdf and embedded subset fonts.
//!
//! Tools from poppler-utils and qpdf are used when installed; a test that
//! needs a missing tool says so and passes without checking.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use jobpack::cli::Paper;
use jobpack::compose::profile::profile;
use jobpack::model::{
    Branding, Date, Framework, Level, Meta, Requirement, Role, Skill, SkillLevel, Text, TextBlock,
};
use jobpack::render::pdf::{render, FontSet, PdfOptions, RenderedPdf};

const SCALE: [(&str, &str); 4] = [
    (
        "Awareness",
        "You know about the skill and can explain how it applies to your work.",
    ),
    (
        "Working",
        "You can apply the skill with support and some supervision.",
    ),
    (
        "Practitioner",
        "You can apply the skill without supervision and guide others.",
    ),
    (
        "Expert",
        "You are an authority on the skill and lead others in it.",
    ),
];

/// Skills of the seed role, with the Senior level's descriptors (seed 000) and
/// the condensed bullets of seed 003 for two of them.
const SENIOR: [(&str, usize, &str); 13] = [
    ("Asset and configuration management", 1, "You can maintain secure configuration and accurate information, controlling IT assets in one or more significant areas, and verifying location and state of assets."),
    ("Availability and capacity management", 1, "You know how to manage service components to ensure they meet business needs and performance targets."),
    ("Change management", 1, "- analyse and assess the impact of change\n- document change requests\n- action changes from change requests"),
    ("Continual service improvement", 1, "You can identify process optimisation opportunities with guidance and contribute to the implementation of proposed solutions."),
    ("Incident management", 1, "You can diagnose and prioritise incidents, investigating their causes and finding resolutions."),
    ("Ownership and initiative", 1, "You can own an issue until a new owner has been found or the problem has been mitigated or resolved."),
    ("Problem management", 1, "You can initiate and monitor actions to investigate patterns and trends to resolve problems, including consulting specialists where required. You can determine the appropriate remedy and assist with implementation of it as well as preventative measures."),
    ("Service focus", 1, "You can take inputs and establish coherent frameworks that work."),
    ("Service Management Framework knowledge", 0, "You have a Level 3 Service Management Framework qualification."),
    ("Technical specialism", 1, "- use management system software and tools\n- use logical schemata to investigate problems, collect performance statistics and create reports\n- carry out the routine configuration, installation and reconfiguration of database and related products\n- optimise performance and forecast resource needs"),
    ("Technical understanding", 1, "You understand core technical concepts related to the role and can apply them with guidance."),
    ("Testing", 1, "You can review requirements, specifications and define test conditions. You can identify issues and risks associated with work while being able to analyse and report test activities and results."),
    ("User focus", 1, "You can identify needs and engage with users or stakeholders to collate user needs evidence. You understand and can define research that fits user needs. You can use quantitative and qualitative data about users to turn user focus into outcomes."),
];

/// Ranks at the Lead level (seed 000), for "what changes at the next level".
const LEAD_RANKS: [usize; 13] = [1, 1, 2, 1, 2, 2, 1, 1, 1, 2, 1, 2, 2];

fn text(s: &str) -> Text {
    if s.starts_with("- ") {
        Text::bullets(s.lines().map(|l| l.trim_start_matches("- ").to_string()))
    } else {
        Text::paragraph(s)
    }
}

fn level(name: &str, summary: &str, ranks: &[usize], descriptors: &[&str]) -> Level {
    Level {
        id: name.to_lowercase().replace(' ', "-"),
        name: name.into(),
        summary: text(summary),
        responsibilities_intro: Some("At this level, you will:".into()),
        responsibilities: vec![
            "monitor applications and are accountable for batch processes".into(),
            "in some organisations, carry out the duties of an end user computing engineer, such as fixing technical problems, maintaining hardware and liaising with the problem or incident manager".into(),
        ],
        grades: vec!["SEO".into()],
        requirements: ranks
            .iter()
            .enumerate()
            .map(|(skill, &rank)| Requirement {
                skill,
                level: rank,
                descriptor: descriptors.get(skill).map(|d| text(d)),
            })
            .collect(),
    }
}

/// A three-level framework built by hand from the seeds.
fn fixture() -> Framework {
    let senior_ranks: Vec<usize> = SENIOR.iter().map(|s| s.1).collect();
    let senior_desc: Vec<&str> = SENIOR.iter().map(|s| s.2).collect();
    Framework {
        meta: Meta {
            name: "Digital, Data and Technology Profession Capability Framework".into(),
            publisher: "Government Digital Service".into(),
            version: Some("2020.1".into()),
            published: Some(Date { year: 2020, month: 1, day: 7 }),
            language: "en-GB".into(),
            attribution: Some("Contains public sector information licensed under the Open Government Licence v3.0.".into()),
            url: Some("https://www.gov.uk/guidance/application-operations-engineer".into()),
            bullet_lead: "You can:".into(),
        },
        scale: SCALE
            .iter()
            .map(|(n, d)| SkillLevel {
                id: n.to_lowercase(),
                name: (*n).into(),
                description: Some(Text::paragraph(*d)),
            })
            .collect(),
        skills: SENIOR
            .iter()
            .map(|(name, _, _)| Skill {
                id: name.to_lowercase().replace(' ', "-"),
                name: (*name).into(),
                description: None,
                descriptors: (0..4).map(|r| (r, Text::paragraph(format!("{name}: descriptor at rank {r}.")))).collect(),
            })
            .collect(),
        roles: vec![Role {
            id: "aoe".into(),
            name: "Application operations engineer".into(),
            family: Some("IT operations".into()),
            summary: Text::paragraph("An application operations engineer supports, manages and maintains a single application or a suite of applications."),
            introduction: None,
            skills_intro: None,
            levels: vec![
                level("Application operations engineer", "An application operations engineer maintains services and is responsible for conducting user and security administration.", &[1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1], &[]),
                level("Senior application operations engineer", "Dealing with more complex issues, a senior application operations engineer is responsible for code deployment and co-ordinating change-based activities, such as taking services live. Depending on the complexity and size of a project and the likely impact it will have on the business, you might manage and maintain certain aspects of an application.", &senior_ranks, &senior_desc),
                level("Lead application operations engineer", "A lead application operations engineer defines the application strategy and the strategy for security administration.", &LEAD_RANKS, &[]),
            ],
        }],
        branding: Branding::default(),
    }
}

fn fonts() -> &'static FontSet {
    static FONTS: std::sync::OnceLock<FontSet> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| FontSet::load().expect("bundled fonts parse"))
}

fn build(fw: &Framework, level: usize, paper: Paper) -> RenderedPdf {
    let doc = profile(fw, 0, level, 1_578_355_200);
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

/// With JOBPACK_KEEP_PDF=dir, keeps the files for looking at.
fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("JOBPACK_KEEP_PDF") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(PathBuf::from(dir).join(format!("{name}.pdf")), bytes).unwrap();
    }
}

fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        eprintln!("{name} is not installed: check skipped");
    }
    found
}

fn temp_pdf(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f
}

/// Body text in content-stream order (our drawing order), without the running
/// header and footer lines, or `None` without poppler.
fn pdftotext(bytes: &[u8]) -> Option<String> {
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
fn pdftotext_all(bytes: &[u8]) -> Option<String> {
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
fn normalise(s: &str) -> String {
    s.replace("-\n", "-")
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts each needle appears in `hay`, in order.
fn assert_in_order(hay: &str, needles: &[String]) {
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
fn level_strings(fw: &Framework, level: usize) -> Vec<String> {
    let l = &fw.roles[0].levels[level];
    let mut out: Vec<String> = fw.roles[0].summary.strings().map(String::from).collect();
    out.extend(l.summary.strings().map(String::from));
    out.extend(l.responsibilities_intro.clone());
    out.extend(l.responsibilities.iter().cloned());
    for req in &l.requirements {
        out.push(fw.skills[req.skill].name.clone());
        out.push(fw.scale[req.level].name.clone());
        out.extend(fw.descriptor(req).strings().map(String::from));
    }
    out
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

/// Word boxes per page from `pdftotext -bbox`: (page width, height, words as (x0, y0, x1, y1, text)).
type Boxes = Vec<(f32, f32, Vec<(f32, f32, f32, f32, String)>)>;

fn word_boxes(bytes: &[u8]) -> Option<Boxes> {
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
fn assert_nothing_off_the_page_or_overlapping(bytes: &[u8]) {
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

fn seed_framework(file: &str) -> Framework {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    jobpack::load::load_file(&path)
        .unwrap_or_else(|d| panic!("{file} loads: {d:?}"))
        .framework
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
