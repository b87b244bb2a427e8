//! The content half of the independent checker: marked-content ids per
//! page, and every painting operator inside tagged content or an artifact.

use std::collections::BTreeSet;

use lopdf::content::Content;
use lopdf::{Document, ObjectId};

use super::checker::{dict, Report};

/// Operators that put marks on the page (PDF 1.7, 8.2, 9.4.3).
const PAINTING: &[&str] = &[
    "Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "EI",
];

/// Marked-content ids per page, checking every painting operator is inside
/// an MCID sequence or an artifact.
pub fn content_mcids(lo: &Document, page: ObjectId, p: usize, r: &mut Report) -> BTreeSet<i64> {
    let mut found = BTreeSet::new();
    let ops = match Content::decode(&lo.get_page_content(page)) {
        Ok(c) => c.operations,
        Err(e) => {
            r.problems
                .push(format!("page {p}: content does not parse: {e}"));
            return found;
        }
    };
    // Stack of open marked content: Some(mcid), or None for artifacts/other tags.
    let mut stack: Vec<(bool, Option<i64>)> = Vec::new();
    for op in &ops {
        match op.operator.as_str() {
            "BMC" | "BDC" => {
                let tag = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .unwrap_or(b"");
                let props = op.operands.get(1).and_then(|o| dict(lo, o));
                let mcid = props
                    .and_then(|d| d.get(b"MCID").ok())
                    .and_then(|o| o.as_i64().ok());
                if let Some(m) = mcid {
                    if stack.iter().any(|(_, open)| open.is_some()) {
                        r.problems
                            .push(format!("page {p}: MCID {m} nested in another MCID"));
                    }
                    if !found.insert(m) {
                        r.problems.push(format!("page {p}: MCID {m} used twice"));
                    }
                }
                stack.push((tag == b"Artifact", mcid));
            }
            "EMC" if stack.pop().is_none() => {
                r.problems.push(format!("page {p}: EMC without BMC/BDC"));
            }
            o if PAINTING.contains(&o)
                && !stack
                    .iter()
                    .any(|(artifact, mcid)| *artifact || mcid.is_some()) =>
            {
                r.problems.push(format!(
                    "page {p}: `{o}` paints outside tagged content or an artifact"
                ));
            }
            _ => {}
        }
    }
    if !stack.is_empty() {
        r.problems.push(format!(
            "page {p}: {} marked-content sequences left open",
            stack.len()
        ));
    }
    found
}
