//! Huge inputs: planned in linear time, or refused early with the limit.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jobpack::build::{catalogue, plan, Selection, Source};
use jobpack::people::parse_people;

use super::support::*;

/// 100,000 rows of one name: numbered -2, -3 … in file order, each number
/// found at once (the search used to restart at 2 for every row, and every
/// row was compared with every earlier one).
#[test]
fn a_hundred_thousand_people_of_one_name_are_planned_in_linear_time() {
    let loaded = jobpack::load::load_str(MINIMAL, "framework.toml".as_ref()).unwrap();
    let sources = [Source {
        path: PathBuf::from("framework.toml"),
        framework: loaded.framework,
        warnings: loaded.warnings,
        edition: Default::default(),
    }];
    let rows = 100_000;
    let mut csv = String::from("name,role,level\n");
    for _ in 0..rows {
        csv.push_str("Ada Lovelace,tester,junior\n");
    }
    let started = Instant::now();
    let people = parse_people("people.csv".as_ref(), csv.as_bytes()).unwrap();
    assert_eq!(people.people.len(), rows);
    let selection = Selection {
        no_default_products: true,
        ..Selection::default()
    };
    let plan = plan(&sources, &selection, Some(&people), &catalogue()).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(plan.jobs.len(), rows);
    assert_eq!(plan.jobs[0].path.to_string(), "appraisals/ada-lovelace.pdf");
    assert_eq!(
        plan.jobs[1].path.to_string(),
        "appraisals/ada-lovelace-2.pdf"
    );
    assert_eq!(
        plan.jobs[rows - 1].path.to_string(),
        format!("appraisals/ada-lovelace-{rows}.pdf")
    );
    // Quadratic work here is 10^10 steps: minutes. Linear is well under a second.
    assert!(elapsed < Duration::from_secs(20), "took {elapsed:?}");
}

/// A plain name already given out as a number is passed over.
#[test]
fn numbering_skips_names_rows_have_as_their_own() {
    let loaded = jobpack::load::load_str(MINIMAL, "framework.toml".as_ref()).unwrap();
    let sources = [Source {
        path: PathBuf::from("framework.toml"),
        framework: loaded.framework,
        warnings: loaded.warnings,
        edition: Default::default(),
    }];
    let csv = "name,role,level\nAda,tester,junior\nAda,tester,junior\nAda 2,tester,junior\nAda,tester,junior\n";
    let people = parse_people("people.csv".as_ref(), csv.as_bytes()).unwrap();
    let selection = Selection {
        no_default_products: true,
        ..Selection::default()
    };
    let plan = plan(&sources, &selection, Some(&people), &catalogue()).unwrap();
    let paths: Vec<String> = plan.jobs.iter().map(|j| j.path.to_string()).collect();
    assert_eq!(
        paths,
        [
            "appraisals/ada.pdf",
            "appraisals/ada-3.pdf",
            "appraisals/ada-2.pdf",
            "appraisals/ada-4.pdf"
        ]
    );
}

/// `check` refuses `text` at once, with exit 2 and `needle`.
fn refused_promptly(text: &str, needle: &str) {
    let (_tmp, framework) = framework(text);
    let started = Instant::now();
    let run = check(&framework).code(2);
    assert!(stderr(&run).contains(needle), "{needle:?} not in {}", {
        let s = stderr(&run);
        s.chars().take(2000).collect::<String>()
    });
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_twelve_megabyte_descriptor_is_refused_with_the_limit() {
    let long = "Words of a descriptor. ".repeat(12_000_000 / 23);
    let text = MINIMAL.replace("You can run tests.", &long);
    refused_promptly(&text, "characters long; the limit is 32000");
}

#[test]
fn a_level_of_fifty_thousand_skills_is_refused_with_the_limit() {
    let mut text = MINIMAL.replace("[roles.levels.requirements]\ntesting = \"basic\"\n", "");
    let mut requirements = String::from("[roles.levels.requirements]\n");
    for i in 0..50_000 {
        text.push_str(&format!(
            "\n[[skills]]\nid = \"skill-{i}\"\nname = \"Skill {i}\"\n[skills.descriptors]\nbasic = \"You can do thing {i}.\"\n"
        ));
        requirements.push_str(&format!("skill-{i} = \"basic\"\n"));
    }
    // Skills after the role would belong to it: put the role last.
    let role_at = text.find("[[roles]]").unwrap();
    let role = text[role_at..]
        .split("\n[[skills]]")
        .next()
        .unwrap()
        .to_string();
    let text = text.replacen(&role, "", 1) + "\n" + &role + &requirements;
    refused_promptly(&text, "requires 50000 skills; the limit is 1000");
}

#[test]
fn a_header_ten_thousand_keys_deep_is_refused_where_it_is() {
    let header = format!("[{}]\nx = 1\n", vec!["k"; 10_000].join("."));
    let text = format!("{MINIMAL}\n{header}");
    refused_promptly(&text, "nested more than 32 deep here");
    refused_promptly(&text, "framework.toml:33:");
    let arrays = format!(
        "{MINIMAL}\nx = {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    refused_promptly(&arrays, "nested more than 32 deep here");
}

#[test]
fn a_level_of_too_much_text_is_refused_with_the_limit() {
    let mut text = MINIMAL.replace("[roles.levels.requirements]\ntesting = \"basic\"\n", "");
    let role_at = text.find("[[roles]]").unwrap();
    let role = text.split_off(role_at);
    let mut requirements = String::from("[roles.levels.requirements]\n");
    let descriptor = "Words of a descriptor. ".repeat(1_390);
    for i in 0..130 {
        text.push_str(&format!(
            "\n[[skills]]\nid = \"skill-{i}\"\nname = \"Skill {i}\"\n[skills.descriptors]\nbasic = \"{descriptor}\"\n"
        ));
        requirements.push_str(&format!("skill-{i} = \"basic\"\n"));
    }
    let text = text + "\n" + &role + &requirements;
    refused_promptly(&text, "characters; the limit is 4000000");
}
