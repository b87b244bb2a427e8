//! Frameworks generated as `framework.toml` text, for property tests and the
//! batch benchmark. Shared by path (`#[path]`) with `benches/batch.rs`.
#![allow(dead_code)]

use std::fmt::Write as _;

/// A framework to write as TOML.
#[derive(Debug, Clone)]
pub struct Spec {
    pub name: String,
    /// Ids of the skill-level scale, lowest first.
    pub scale: Vec<String>,
    pub skills: Vec<SkillSpec>,
    pub roles: Vec<RoleSpec>,
}

/// A catalogue skill with a descriptor for every rung of the scale.
#[derive(Debug, Clone)]
pub struct SkillSpec {
    pub id: String,
    pub name: String,
    pub descriptors: Vec<TextSpec>,
}

/// Framework prose: paragraphs (a string) or bullets (an array).
#[derive(Debug, Clone)]
pub enum TextSpec {
    Paragraphs(Vec<String>),
    Bullets(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct RoleSpec {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub levels: Vec<LevelSpec>,
}

#[derive(Debug, Clone)]
pub struct LevelSpec {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub responsibilities: Vec<String>,
    /// (skill index, scale rank), skills distinct.
    pub requirements: Vec<(usize, usize)>,
}

/// A TOML basic string: quotes, backslashes and every control character escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl TextSpec {
    fn toml(&self) -> String {
        match self {
            TextSpec::Paragraphs(ps) => quote(&ps.join("\n\n")),
            TextSpec::Bullets(items) => {
                let items: Vec<String> = items.iter().map(|i| quote(i)).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

impl Spec {
    /// The framework as `framework.toml` text.
    pub fn to_toml(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(t, "[framework]\nname = {}\npublisher = \"Generated\"\nversion = \"1\"\npublished = 2020-01-07\nlanguage = \"en-GB\"\n", quote(&self.name));
        for id in &self.scale {
            let _ = writeln!(
                t,
                "[[scale]]\nid = {}\nname = {}\n",
                quote(id),
                quote(&capitalise(id))
            );
        }
        for skill in &self.skills {
            let _ = writeln!(
                t,
                "[[skills]]\nid = {}\nname = {}\n[skills.descriptors]",
                quote(&skill.id),
                quote(&skill.name)
            );
            for (rank, text) in skill.descriptors.iter().enumerate() {
                let _ = writeln!(t, "{} = {}", self.scale[rank], text.toml());
            }
            t.push('\n');
        }
        for role in &self.roles {
            let _ = writeln!(
                t,
                "[[roles]]\nid = {}\nname = {}\nsummary = {}\n",
                quote(&role.id),
                quote(&role.name),
                quote(&role.summary)
            );
            for level in &role.levels {
                let _ = writeln!(
                    t,
                    "[[roles.levels]]\nid = {}\nname = {}\nsummary = {}",
                    quote(&level.id),
                    quote(&level.name),
                    quote(&level.summary)
                );
                if !level.responsibilities.is_empty() {
                    let items: Vec<String> =
                        level.responsibilities.iter().map(|r| quote(r)).collect();
                    let _ = writeln!(t, "responsibilities = [{}]", items.join(", "));
                }
                let _ = writeln!(t, "[roles.levels.requirements]");
                for &(skill, rank) in &level.requirements {
                    let _ = writeln!(
                        t,
                        "{} = {}",
                        self.skills[skill].id,
                        quote(&self.scale[rank])
                    );
                }
                t.push('\n');
            }
        }
        t
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A small deterministic generator (xorshift), so benchmarks need no seed file.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "you",
    "can",
    "manage",
    "services",
    "and",
    "lead",
    "the",
    "team",
    "to",
    "understand",
    "user",
    "needs",
    "analyse",
    "incidents",
    "with",
    "colleagues",
    "across",
    "government",
    "apply",
    "tools",
    "techniques",
    "identify",
    "risks",
    "plan",
    "changes",
    "share",
    "knowledge",
    "of",
    "technical",
    "standards",
    "in",
    "a",
    "complex",
    "environment",
    "support",
    "others",
    "improve",
    "processes",
    "own",
    "problems",
    "until",
    "resolved",
    "define",
    "approaches",
    "monitor",
    "performance",
];

/// A sentence of about `words` words, capitalised, with a full stop.
pub fn sentence(rng: &mut Rng, words: usize) -> String {
    let ws: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    capitalise(&ws.join(" ")) + "."
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let n = 8 + rng.below(10);
            sentence(rng, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A framework shaped like the government one: a four-rung scale, `skills`
/// skills with a descriptor of two to four sentences per rung (one in four as
/// bullets), and `roles` roles of `levels` levels, each level needing
/// `per_level` skills at rising ranks.
pub fn realistic(roles: usize, levels: usize, skills: usize, per_level: usize, seed: u64) -> Spec {
    let mut rng = Rng::new(seed);
    let scale: Vec<String> = ["awareness", "working", "practitioner", "expert"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let skills: Vec<SkillSpec> = (0..skills)
        .map(|s| SkillSpec {
            id: format!("skill-{s}"),
            name: capitalise(&format!(
                "{} {} {s}",
                WORDS[rng.below(WORDS.len())],
                WORDS[rng.below(WORDS.len())]
            )),
            descriptors: (0..scale.len())
                .map(|_| {
                    if rng.below(4) == 0 {
                        TextSpec::Bullets((0..3).map(|_| sentence(&mut rng, 9)).collect())
                    } else {
                        {
                            let n = 2 + rng.below(3);
                            TextSpec::Paragraphs(vec![paragraph(&mut rng, n)])
                        }
                    }
                })
                .collect(),
        })
        .collect();
    let roles = (0..roles)
        .map(|r| RoleSpec {
            id: format!("role-{r}"),
            name: format!("Generated role {r}"),
            summary: paragraph(&mut rng, 2),
            levels: (0..levels)
                .map(|l| {
                    let start = rng.below(skills.len());
                    LevelSpec {
                        id: format!("level-{l}"),
                        name: format!("Level {l} generated role {r}"),
                        summary: paragraph(&mut rng, 3),
                        responsibilities: (0..4).map(|_| sentence(&mut rng, 12)).collect(),
                        requirements: (0..per_level.min(skills.len()))
                            .map(|k| {
                                (
                                    (start + k) % skills.len(),
                                    (l * scale.len() / levels.max(1) + rng.below(2))
                                        .min(scale.len() - 1),
                                )
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    Spec {
        name: "Generated framework".into(),
        scale,
        skills,
        roles,
    }
}

/// The shape of a framework for judging page layout, after the real ones:
/// many skills with a one- or two-sentence description, 20 to 30 skills a
/// level, descriptors from one short sentence to long paragraphs and long
/// bullet lists, long level texts and long lists of responsibilities.
#[derive(Debug, Clone, Copy)]
pub struct PrintShape {
    /// Rungs of the skill-level scale (the SFIA-like seven, or four).
    pub rungs: usize,
    /// Whether the rungs have descriptions (the key table's second column).
    pub describe_scale: bool,
    /// Roles, each of five levels.
    pub roles: usize,
    pub seed: u64,
}

fn sentences(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| {
            let w = 7 + rng.below(14);
            sentence(rng, w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A framework of `shape` as `framework.toml` text.
pub fn print_shaped(shape: PrintShape) -> String {
    let mut rng = Rng::new(shape.seed);
    let mut t = String::new();
    let _ = writeln!(
        t,
        "[framework]\nname = \"Generated print framework {}\"\npublisher = \"Generated\"\n\
         published = 2024-05-01\nlanguage = \"en-GB\"\nurl = \"https://www.example.gov.uk/guidance/capability-framework/skills-and-levels_2024/print-version\"\n",
        shape.seed
    );
    let rungs: Vec<String> = (0..shape.rungs).map(|r| format!("rung-{r}")).collect();
    for (r, id) in rungs.iter().enumerate() {
        let _ = writeln!(
            t,
            "[[scale]]\nid = {}\nname = \"Level {}\"",
            quote(id),
            r + 1
        );
        if shape.describe_scale {
            let n = 1 + rng.below(3);
            let _ = writeln!(t, "description = {}", quote(&sentences(&mut rng, n)));
        }
        t.push('\n');
    }
    let skills = 70;
    for s in 0..skills {
        let name_words = 1 + rng.below(5);
        let name = capitalise(
            &(0..name_words)
                .map(|_| WORDS[rng.below(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" "),
        );
        let _ = writeln!(
            t,
            "[[skills]]\nid = \"skill-{s}\"\nname = {}",
            quote(&format!("{name} {s}"))
        );
        // Most skills have a short description (the chain of short sections).
        if rng.below(10) < 8 {
            let n = 1 + rng.below(2);
            let _ = writeln!(t, "description = {}", quote(&sentences(&mut rng, n)));
        }
        let _ = writeln!(t, "[skills.descriptors]");
        for id in &rungs {
            let text = match rng.below(10) {
                // One short sentence.
                0..=2 => quote(&sentences(&mut rng, 1)),
                // A long bullet list.
                3 | 4 => {
                    let n = 4 + rng.below(8);
                    let items: Vec<String> = (0..n)
                        .map(|_| {
                            let w = 6 + rng.below(16);
                            quote(&sentence(&mut rng, w))
                        })
                        .collect();
                    format!("[{}]", items.join(", "))
                }
                // A long paragraph, sometimes two.
                5 | 6 => {
                    let a = 5 + rng.below(8);
                    let mut text = sentences(&mut rng, a);
                    if rng.below(2) == 0 {
                        let b = 2 + rng.below(5);
                        text = format!("{text}\n\n{}", sentences(&mut rng, b));
                    }
                    quote(&text)
                }
                _ => {
                    let n = 2 + rng.below(3);
                    quote(&sentences(&mut rng, n))
                }
            };
            let _ = writeln!(t, "{id} = {text}");
        }
        t.push('\n');
    }
    for r in 0..shape.roles {
        let intro = 2 + rng.below(4);
        let _ = writeln!(
            t,
            "[[roles]]\nid = \"role-{r}\"\nname = \"Generated print role {r}\"\nsummary = {}\nintroduction = {}\n",
            quote(&sentences(&mut rng, 2)),
            quote(&sentences(&mut rng, intro))
        );
        let levels = 5;
        for l in 0..levels {
            let paras: Vec<String> = (0..1 + rng.below(4))
                .map(|_| {
                    let n = 2 + rng.below(6);
                    sentences(&mut rng, n)
                })
                .collect();
            let _ = writeln!(
                t,
                "[[roles.levels]]\nid = \"level-{l}\"\nname = \"Level {l} of generated print role {r}\"\nsummary = {}",
                quote(&paras.join("\n\n"))
            );
            let duties: Vec<String> = (0..3 + rng.below(12))
                .map(|_| {
                    let w = 8 + rng.below(20);
                    quote(&sentence(&mut rng, w))
                })
                .collect();
            let _ = writeln!(t, "responsibilities = [{}]", duties.join(", "));
            let _ = writeln!(t, "[roles.levels.requirements]");
            let count = 20 + rng.below(11);
            let start = rng.below(skills);
            for k in 0..count {
                let skill = (start + k * 3) % skills;
                let rank = ((l * shape.rungs) / levels + rng.below(3)).min(shape.rungs - 1);
                let _ = writeln!(t, "skill-{skill} = {}", quote(&rungs[rank]));
            }
            t.push('\n');
        }
    }
    t
}
