//! A three-level framework built by hand from the seeds, and the seed files themselves.

use jobpack::model::{
    Branding, Date, Framework, Level, Meta, Requirement, Role, Skill, SkillLevel, Text,
};

pub const SCALE: [(&str, &str); 4] = [
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
pub const SENIOR: [(&str, usize, &str); 13] = [
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
pub const LEAD_RANKS: [usize; 13] = [1, 1, 2, 1, 2, 2, 1, 1, 1, 2, 1, 2, 2];

pub fn text(s: &str) -> Text {
    if s.starts_with("- ") {
        Text::bullets(s.lines().map(|l| l.trim_start_matches("- ").to_string()))
    } else {
        Text::paragraph(s)
    }
}

pub fn level(name: &str, summary: &str, ranks: &[usize], descriptors: &[&str]) -> Level {
    Level {
        id: name.to_lowercase().replace(' ', "-"),
        name: name.into(),
        summary: text(summary),
        responsibilities_intro: Some("At this level, you will:".into()),
        responsibilities: vec![
            "monitor applications and are accountable for batch processes".into(),
            "in some organisations, carry out the duties of an end user computing engineer, such as fixing technical problems, maintaining hardware and liaising with the problem or incident manager".into(),
        ],
        responsibilities_outro: None,
        track: None,
        branches_from: None,
        grades: vec!["SEO".into()],
        welsh: None,
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
pub fn fixture() -> Framework {
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
        words: Default::default(),
    }
}

pub fn seed_framework(file: &str) -> Framework {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    jobpack::load::load_file(&path)
        .unwrap_or_else(|d| panic!("{file} loads: {d:?}"))
        .framework
}
