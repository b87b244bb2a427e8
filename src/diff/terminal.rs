//! The differences as text for a terminal: `[-removed-]` and `{+added+}`
//! words (as wdiff writes them), in colour only on a terminal without NO_COLOR.

use std::fmt::Write as _;

use super::words::Run;
use super::{Changes, TextChange};

/// Whether to colour: standard output is a terminal and NO_COLOR is unset or empty.
pub(crate) fn use_colour() -> bool {
    use std::io::IsTerminal;
    let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    std::io::stdout().is_terminal() && !no_colour
}

struct Style {
    colour: bool,
}

impl Style {
    fn removed(&self, s: &str) -> String {
        if self.colour {
            format!("\x1b[31m[-{s}-]\x1b[0m")
        } else {
            format!("[-{s}-]")
        }
    }
    fn added(&self, s: &str) -> String {
        if self.colour {
            format!("\x1b[32m{{+{s}+}}\x1b[0m")
        } else {
            format!("{{+{s}+}}")
        }
    }
    fn heading(&self, s: &str) -> String {
        if self.colour {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// The whole report.
pub(crate) fn render(c: &Changes, colour: bool) -> String {
    let st = Style { colour };
    let mut out = String::new();
    if c.is_empty() {
        out.push_str("The frameworks agree.\n");
        return out;
    }
    if !c.framework.is_empty() {
        let _ = writeln!(out, "{}", st.heading("Framework"));
        for t in &c.framework {
            text(&mut out, &st, t, "  ");
        }
    }
    let skills = !c.skills_added.is_empty()
        || !c.skills_removed.is_empty()
        || !c.skills_renamed.is_empty()
        || !c.skill_texts.is_empty();
    if skills {
        let _ = writeln!(out, "{}", st.heading("Skills"));
        for s in &c.skills_added {
            let _ = writeln!(out, "  added: {s}");
        }
        for s in &c.skills_removed {
            let _ = writeln!(out, "  removed: {s}");
        }
        for r in &c.skills_renamed {
            let _ = writeln!(
                out,
                "  renamed: {} -> {} (descriptors agree {:.0}%)",
                r.old,
                r.new,
                r.agreement * 100.0
            );
        }
        for t in &c.skill_texts {
            text(&mut out, &st, t, "  ");
        }
    }
    for r in &c.roles_added {
        let _ = writeln!(out, "{}", st.heading(&format!("Role added: {r}")));
    }
    for r in &c.roles_removed {
        let _ = writeln!(out, "{}", st.heading(&format!("Role removed: {r}")));
    }
    if c.roles_reordered {
        let _ = writeln!(out, "{}", st.heading("Roles reordered"));
    }
    for role in &c.roles {
        let _ = writeln!(out, "{}", st.heading(&format!("Role {}", role.name)));
        for t in &role.texts {
            text(&mut out, &st, t, "  ");
        }
        for l in &role.levels_added {
            let _ = writeln!(out, "  level added: {l}");
        }
        for l in &role.levels_removed {
            let _ = writeln!(out, "  level removed: {l}");
        }
        if role.reordered {
            let _ = writeln!(out, "  levels reordered");
        }
        for level in &role.levels {
            let _ = writeln!(out, "  {}", st.heading(&format!("Level {}", level.name)));
            for s in &level.skill_levels {
                let _ = writeln!(
                    out,
                    "    skill level: {}: {} -> {}",
                    s.skill,
                    s.old.as_deref().unwrap_or("not listed"),
                    s.new.as_deref().unwrap_or("not listed")
                );
            }
            for t in level.texts.iter().chain(&level.descriptors) {
                text(&mut out, &st, t, "    ");
            }
            for b in &level.because {
                let _ = writeln!(out, "    also: {b}");
            }
        }
    }
    out
}

fn text(out: &mut String, st: &Style, t: &TextChange, indent: &str) {
    let words: Vec<String> = t
        .words
        .iter()
        .map(|r| match r {
            Run::Same(s) => s.clone(),
            Run::Removed(s) => st.removed(s),
            Run::Added(s) => st.added(s),
        })
        .collect();
    let _ = writeln!(out, "{indent}{}: {}", t.what, words.join(" "));
}
