//! Writing a framework as a `framework.toml` a person would want to edit:
//! the shipped file's order and comments, prose wrapped in triple-quoted
//! strings, bullets as arrays, and the same bytes for the same framework.

use std::fmt::Write as _;

use super::Imported;
use crate::model::{Framework, Level, Role, Text, TextBlock};

/// Lines of prose are wrapped to this many characters, as in the shipped file.
const WIDTH: usize = 92;

/// The whole file.
pub fn write(imported: &Imported) -> String {
    let fw = &imported.framework;
    let mut out = String::new();
    for line in &imported.header {
        comment(&mut out, line);
    }
    out.push('\n');
    framework(&mut out, fw);
    words(&mut out, fw);
    out.push_str(
        "\n# The skill-level scale, lowest first; the order here is the order everywhere.\n",
    );
    for rung in &fw.scale {
        out.push_str("\n[[scale]]\n");
        string(&mut out, "id", &rung.id);
        string(&mut out, "name", &rung.name);
        if let Some(d) = &rung.description {
            text(&mut out, "description", d);
        }
    }
    out.push_str(
        "\n# The skills catalogue: each skill once. `description` says what the skill is in\n\
         # general; [skills.descriptors] says what each skill level means for this skill.\n",
    );
    for skill in &fw.skills {
        out.push_str("\n[[skills]]\n");
        string(&mut out, "id", &skill.id);
        string(&mut out, "name", &skill.name);
        if let Some(d) = &skill.description {
            text(&mut out, "description", d);
        }
        if !skill.descriptors.is_empty() {
            out.push_str("[skills.descriptors]\n");
            for (rank, d) in &skill.descriptors {
                text(&mut out, &fw.scale[*rank].id, d);
            }
        }
    }
    out.push_str(
        "\n# Roles, each with its levels, lowest first. A level's requirements name the skills\n\
         # it needs, in the order to print them: skill-id = \"skill-level\".\n",
    );
    for role in &fw.roles {
        write_role(&mut out, imported, fw, role);
    }
    out
}

fn framework(out: &mut String, fw: &Framework) {
    let m = &fw.meta;
    out.push_str("[framework]\n");
    string(out, "name", &m.name);
    string(out, "publisher", &m.publisher);
    if let Some(d) = &m.published {
        let _ = writeln!(out, "published = {}", d.iso());
    }
    if let Some(v) = &m.version {
        string(out, "version", v);
    }
    string(out, "language", &m.language);
    if let Some(a) = &m.attribution {
        string(out, "attribution", a);
    }
    if let Some(u) = &m.url {
        string(out, "url", u);
    }
    string(out, "bullet_lead", &m.bullet_lead);
}

/// The framework's corrections to the words catalogue, where its words
/// differ from the shipped ones for its language.
fn words(out: &mut String, fw: &Framework) {
    let lang = &fw.meta.language;
    let (shipped, _) = crate::words::Words::for_language(lang, &Default::default());
    let changed: Vec<crate::words::Key> = crate::words::Key::ALL
        .iter()
        .copied()
        .filter(|k| fw.words.get(*k) != shipped.get(*k))
        .collect();
    if changed.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n[words.{lang}]");
    for k in changed {
        let _ = writeln!(out, "{} = {}", quoted(k.name()), quoted(fw.words.get(k)));
    }
}

fn write_role(out: &mut String, imported: &Imported, fw: &Framework, role: &Role) {
    out.push('\n');
    for line in imported.role_notes.get(&role.id).into_iter().flatten() {
        comment(out, line);
    }
    out.push_str("[[roles]]\n");
    string(out, "id", &role.id);
    string(out, "name", &role.name);
    if let Some(f) = &role.family {
        string(out, "family", f);
    }
    text(out, "summary", &role.summary);
    if let Some(t) = &role.introduction {
        text(out, "introduction", t);
    }
    if let Some(t) = &role.skills_intro {
        text(out, "skills_intro", t);
    }
    for level in &role.levels {
        out.push('\n');
        let key = (role.id.clone(), level.id.clone());
        for line in imported.level_notes.get(&key).into_iter().flatten() {
            comment(out, line);
        }
        write_level(out, fw, role, level);
    }
}

fn write_level(out: &mut String, fw: &Framework, role: &Role, level: &Level) {
    out.push_str("[[roles.levels]]\n");
    string(out, "id", &level.id);
    string(out, "name", &level.name);
    if let Some(t) = &level.track {
        string(out, "track", t);
    }
    if let Some(b) = level.branches_from.and_then(|b| role.levels.get(b)) {
        string(out, "branches_from", &b.id);
    }
    text(out, "summary", &level.summary);
    if let Some(i) = &level.responsibilities_intro {
        string(out, "responsibilities_intro", i);
    }
    if !level.responsibilities.is_empty() {
        array(out, "responsibilities", &level.responsibilities);
    }
    if let Some(t) = &level.responsibilities_outro {
        text(out, "responsibilities_outro", t);
    }
    if !level.grades.is_empty() {
        array(out, "grades", &level.grades);
    }
    if let Some(w) = level.welsh {
        string(out, "welsh", w.id());
    }
    out.push_str("[roles.levels.requirements]\n");
    for req in &level.requirements {
        let skill = &fw.skills[req.skill].id;
        let rung = &fw.scale[req.level].id;
        match &req.descriptor {
            None => {
                let _ = writeln!(out, "{skill} = {}", quoted(rung));
            }
            Some(d) => {
                let _ = write!(out, "{skill} = {{ level = {}, descriptor = ", quoted(rung));
                text_value(out, d, skill.len() + 30);
                out.push_str(" }\n");
            }
        }
    }
}

fn comment(out: &mut String, line: &str) {
    if line.is_empty() {
        out.push_str("#\n");
    } else {
        let _ = writeln!(out, "# {line}");
    }
}

fn string(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", quoted(value));
}

fn array(out: &mut String, key: &str, items: &[String]) {
    let one_line = format!(
        "{key} = [{}]",
        items
            .iter()
            .map(|i| quoted(i))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if one_line.chars().count() <= WIDTH {
        out.push_str(&one_line);
    } else {
        let _ = writeln!(out, "{key} = [");
        for item in items {
            let _ = writeln!(out, "    {},", quoted(item));
        }
        out.push(']');
    }
    out.push('\n');
}

fn text(out: &mut String, key: &str, t: &Text) {
    let _ = write!(out, "{key} = ");
    text_value(out, t, key.len() + 3);
    out.push('\n');
}

/// A text as a TOML value: a short paragraph as a string, a bullet list as
/// an array, anything longer as a triple-quoted string; `{ text, lang }`
/// for another language.
fn text_value(out: &mut String, t: &Text, indent: usize) {
    if let Some(lang) = &t.lang {
        out.push_str("{ text = ");
        let plain = Text {
            blocks: t.blocks.clone(),
            lang: None,
        };
        text_value(out, &plain, indent + 9);
        let _ = write!(out, ", lang = {} }}", quoted(lang));
        return;
    }
    match t.blocks.as_slice() {
        [TextBlock::Paragraph(p)] if indent + p.chars().count() + 2 <= WIDTH => {
            out.push_str(&quoted(p));
        }
        [TextBlock::Bullets(items)] => {
            let mut a = String::new();
            array(&mut a, "", items);
            out.push_str(a.trim_start_matches(" = ").trim_end());
        }
        blocks => {
            out.push_str("\"\"\"\n");
            let mut parts = Vec::new();
            for block in blocks {
                match block {
                    TextBlock::Paragraph(p) => parts.push(wrap(&escape_multi(p), "", "")),
                    TextBlock::Bullets(items) => parts.push(
                        items
                            .iter()
                            .map(|i| wrap(&escape_multi(i), "- ", "  "))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                }
            }
            out.push_str(&parts.join("\n\n"));
            out.push_str("\n\"\"\"");
        }
    }
}

/// Wraps `s` at single spaces between words, never before a lone "-" (which
/// would start a bullet) and never where spaces run together.
fn wrap(s: &str, first: &str, rest: &str) -> String {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut started = false;
    let mut glue_next = false;
    for word in s.split(' ') {
        if !started {
            line.push_str(word);
            started = true;
            glue_next = word.is_empty();
            continue;
        }
        let breakable = !glue_next
            && !word.is_empty()
            && word != "-"
            && !word.starts_with(char::is_whitespace)
            && !line.ends_with(char::is_whitespace);
        if breakable && line.chars().count() + 1 + word.chars().count() > WIDTH {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            line.push_str(word);
        } else {
            line.push(' ');
            line.push_str(word);
        }
        glue_next = word.is_empty();
    }
    lines.push(line);
    lines.join("\n")
}

/// A basic string: quoted, with backslashes, quotes and controls escaped.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for inside `"""`: backslashes, runs of three quotes and controls escaped.
fn escape_multi(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' if out.ends_with("\"\"") => out.push_str("\\\""),
            '\t' => out.push('\t'),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_never_starts_a_line_with_a_bullet() {
        let s = "aaaa ".repeat(17) + "- b";
        let w = wrap(&s, "", "");
        assert!(w.lines().all(|l| !l.starts_with("- ")), "{w}");
        assert!(w.lines().all(|l| l.chars().count() <= WIDTH));
        assert_eq!(w.replace('\n', " "), s);
    }

    #[test]
    fn quotes_and_backslashes_survive() {
        assert_eq!(quoted("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(escape_multi("x\"\"\"y"), "x\"\"\\\"y");
    }
}
