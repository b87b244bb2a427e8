//! A team of seven people on all five levels of the shipped framework's role, their
//! sheets built with `jobpack build --people`, and what each person and
//! reviewer filled in: the answers the results must give back, cell for cell.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jobpack::model::Framework;

use super::fill::{self, Fill, Tools};

/// The role every person holds.
pub const ROLE: &str = "application-operations-engineer";

/// How a sheet is filled and saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    /// pypdf, rewriting the file.
    Pypdf,
    /// pypdf, appending an incremental update (as viewers save).
    PypdfIncremental,
    /// pypdf, then qpdf packing every object into object streams.
    PypdfPacked,
    /// pdftk fill_form from an FDF file.
    Pdftk,
    /// PyMuPDF, setting each widget as its users do.
    Pymupdf,
}

/// (name, level id, reviewer, how the sheet is filled).
pub const PEOPLE: [(&str, &str, &str, Client); 7] = [
    ("Siân Ŵyn Jones", "senior", "Gareth Ŷr Evans", Client::Pypdf),
    (
        "Rhys ap Gruffydd",
        "engineer",
        "Gareth Ŷr Evans",
        Client::Pdftk,
    ),
    (
        "Zoë O'Connor",
        "associate",
        "Gareth Ŷr Evans",
        Client::PypdfPacked,
    ),
    ("Łukasz Nowak", "senior", "Anna Müller", Client::Pdftk),
    (
        "Ada Lovelace",
        "engineer",
        "Anna Müller",
        Client::PypdfIncremental,
    ),
    ("Ngozi Okonkwo-Smith", "lead", "Anna Müller", Client::Pdftk),
    (
        "Mared ab Owain",
        "principal",
        "Anna Müller",
        Client::Pymupdf,
    ),
];
/// The skill only the first person holds at or above expected: everyone
/// else is agreed "Not yet demonstrated" in it.
const ONE_HOLDER_SKILL: &str = "testing";

/// The review period on every sheet.
pub const PERIOD: &str = "April 2025 to March 2026";
/// The date of review everyone types.
pub const DATE: &str = "14/03/2026";

/// An assessment in the plan: a rung's rank, `None` for "Not yet demonstrated".
pub type Choice = Option<usize>;

/// What one person's sheet says about one required skill.
#[derive(Debug, Clone)]
pub struct Answer {
    /// Index into the framework's skills.
    pub skill: usize,
    /// Expected rank.
    pub expected: usize,
    /// Self-assessment; `None` when left blank.
    pub self_assessment: Option<Choice>,
    /// Reviewer's assessment; `None` when left blank.
    pub reviewer: Option<Choice>,
    /// Agreed level.
    pub agreed: Choice,
    /// Evidence, possibly empty.
    pub evidence: String,
}

/// One person's sheet: the plan and where the filled file is.
#[derive(Debug, Clone)]
pub struct Filled {
    /// Index into [`PEOPLE`].
    pub person: usize,
    /// Level index in the role.
    pub level: usize,
    /// Answers in the level's requirement order.
    pub answers: Vec<Answer>,
    /// The filled sheet.
    pub file: PathBuf,
}

/// The framework the sheets are built from.
pub fn framework() -> Framework {
    jobpack::load::load_file(&framework_path())
        .expect("framework.toml loads")
        .framework
}

/// The shipped framework file.
pub fn framework_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("framework.toml")
}

/// The `jobpack` binary, dated by the framework.
pub fn jobpack() -> Command {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// A deterministic spread of answers: every rung and "Not yet demonstrated"
/// appear, some self and reviewer assessments are blank, evidence has every
/// character class people type (Welsh, Polish, dashes, curly quotes, €, %).
fn plan(fw: &Framework, person: usize, level: usize) -> Vec<Answer> {
    let rungs = fw.scale.len();
    let choice = |n: usize| -> Choice { (n % (rungs + 1) < rungs).then_some(n % (rungs + 1)) };
    let lvl = &fw.roles[role_index(fw)].levels[level];
    lvl.requirements
        .iter()
        .enumerate()
        .map(|(j, req)| {
            let name = &fw.skills[req.skill].name;
            let evidence = if (person + j) % 5 == 4 {
                String::new()
            } else {
                format!(
                    "{} on {name}: led the review — “blameless”, 3–4 pages; ŵ ŷ Ŵ Ŷ.\n\
                     Zażółć gęślą jaźń: €5 & 50% / 100% (Q4?) @team",
                    PEOPLE[person].0
                )
            };
            let agreed = if fw.skills[req.skill].id == ONE_HOLDER_SKILL {
                (person == 0).then_some(rungs - 1)
            } else {
                choice(person * 3 + j)
            };
            Answer {
                skill: req.skill,
                expected: req.level,
                self_assessment: (!(person + j).is_multiple_of(4))
                    .then(|| choice(person + 2 * j + 1)),
                reviewer: ((person * 2 + j) % 6 != 1).then(|| choice(person + j)),
                agreed,
                evidence,
            }
        })
        .collect()
}

/// The role's index in the framework.
pub fn role_index(fw: &Framework) -> usize {
    fw.roles.iter().position(|r| r.id == ROLE).unwrap()
}

/// A choice as the radio state the sheets use.
pub fn state(fw: &Framework, choice: Choice) -> String {
    choice.map_or("not-yet".into(), |rank| fw.scale[rank].id.clone())
}

/// The field values of a plan.
pub fn values(fw: &Framework, answers: &[Answer]) -> Vec<(String, Fill)> {
    let mut v = vec![("review.date".to_string(), Fill::Text(DATE.into()))];
    for a in answers {
        let key = format!("skill.{}", fw.skills[a.skill].id);
        let mut put = |part: &str, c: Option<Choice>| {
            if let Some(c) = c {
                v.push((format!("{key}.{part}"), Fill::State(state(fw, c))));
            }
        };
        put("self", a.self_assessment);
        put("reviewer", a.reviewer);
        put("agreed", Some(a.agreed));
        if !a.evidence.is_empty() {
            v.push((format!("{key}.evidence"), Fill::Text(a.evidence.clone())));
        }
    }
    v
}

/// Builds every person's sheet into `dir/out` and fills each with its client
/// into `dir/filled/`.
pub fn build_and_fill(tools: &Tools, fw: &Framework, dir: &Path) -> Vec<Filled> {
    let people = dir.join("people.csv");
    let mut csv = String::from("name,role,level,reviewer,period\n");
    for (name, level, reviewer, _) in PEOPLE {
        csv.push_str(&format!("{name},{ROLE},{level},{reviewer},{PERIOD}\n"));
    }
    std::fs::write(&people, csv).unwrap();
    let out = dir.join("out");
    jobpack()
        .arg("build")
        .arg(framework_path())
        .arg("--people")
        .arg(&people)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .assert()
        .success();
    let filled_dir = dir.join("filled");
    std::fs::create_dir_all(&filled_dir).unwrap();
    let role = role_index(fw);
    let mut sheets = Vec::new();
    for (p, (name, level_id, _, client)) in PEOPLE.iter().enumerate() {
        let level = fw.roles[role]
            .levels
            .iter()
            .position(|l| l.id == *level_id)
            .unwrap();
        let slug = jobpack::output::slug(name);
        let built = out.join("appraisals").join(format!("{slug}.pdf"));
        assert!(built.is_file(), "{} not built", built.display());
        assert!(
            fill::is_stamped(&built),
            "{} carries no jobpack stamp",
            built.display()
        );
        let blank = built;
        let answers = plan(fw, p, level);
        let file = filled_dir.join(format!("{slug}.pdf"));
        let values = values(fw, &answers);
        match client {
            Client::Pdftk => fill::with_pdftk(&blank, &file, &values),
            Client::Pypdf => fill::with_script(tools, "fill", &blank, &file, &values),
            Client::PypdfIncremental => {
                fill::with_script(tools, "fill-incremental", &blank, &file, &values)
            }
            Client::PypdfPacked => {
                fill::with_script(tools, "fill", &blank, &file, &values);
                fill::into_object_streams(&file);
            }
            Client::Pymupdf => fill::with_script(tools, "fill-pymupdf", &blank, &file, &values),
        }
        sheets.push(Filled {
            person: p,
            level,
            answers,
            file,
        });
    }
    sheets
}
