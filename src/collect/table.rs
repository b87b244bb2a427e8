//! The results table: one row per person × required skill, as text, shared by
//! the workbook's Results sheet and the CSV so the two always agree.

use std::cmp::Ordering;

use super::sheet::{Rating, Sheet};
use super::words::RESULT_COLUMNS;
use crate::model::Framework;
use crate::words::Key;

/// One row of the results table, cells in [`RESULT_COLUMNS`] order.
pub(crate) type ResultRow = [String; RESULT_COLUMNS.len()];

/// Column positions in a [`ResultRow`] that other views need.
pub(crate) mod col {
    /// Below, meets or above expected.
    pub(crate) const GAP: usize = 11;
}

/// How an agreed level compares with the level's expectation.
pub(crate) fn gap(agreed: Rating, expected: usize) -> Ordering {
    match agreed {
        Rating::NotYet => Ordering::Less,
        Rating::Rung(rank) => rank.cmp(&expected),
    }
}

/// A rating as printed: the rung's name, or "Not yet demonstrated"; blank when none.
pub(crate) fn rating_name(fw: &Framework, rating: Option<Rating>) -> String {
    match rating {
        None => String::new(),
        Some(Rating::NotYet) => fw.words.get(Key::NotYetDemonstrated).to_string(),
        Some(Rating::Rung(rank)) => fw.scale[rank].name.clone(),
    }
}

/// Every sheet's rows, sheets in collection order, skills in the framework's order.
pub(crate) fn rows(fw: &Framework, sheets: &[Sheet]) -> Vec<ResultRow> {
    let mut out = Vec::new();
    for sheet in sheets {
        let role = &fw.roles[sheet.role];
        let level = &role.levels[sheet.level];
        for result in &sheet.skills {
            let req = &level.requirements[result.requirement];
            // The appraisal workbook's words for its gap column.
            let gap = fw.words.get(match gap(result.agreed, req.level) {
                Ordering::Less => Key::GapBelow,
                Ordering::Equal => Key::GapMeets,
                Ordering::Greater => Key::GapAbove,
            });
            out.push([
                sheet.person.clone(),
                sheet.reviewer.clone(),
                sheet.period.clone(),
                sheet.date.clone(),
                role.name.clone(),
                level.name.clone(),
                fw.skills[req.skill].name.clone(),
                fw.scale[req.level].name.clone(),
                rating_name(fw, result.self_assessment),
                rating_name(fw, result.reviewer_assessment),
                rating_name(fw, Some(result.agreed)),
                gap.to_string(),
                result.evidence.clone(),
                sheet.file.display().to_string(),
            ]);
        }
    }
    out
}

/// The table as CSV (RFC 4180, UTF-8, header row first, `\n` line ends),
/// cells exactly as in the workbook.
pub(crate) fn csv(fw: &Framework, sheets: &[Sheet]) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(RESULT_COLUMNS.map(|k| fw.words.get(k)))?;
    for row in rows(fw, sheets) {
        writer.write_record(&row)?;
    }
    Ok(writer.into_inner().map_err(|e| e.into_error())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_yet_is_always_below_and_rungs_compare_by_rank() {
        assert_eq!(gap(Rating::NotYet, 0), Ordering::Less);
        assert_eq!(gap(Rating::Rung(1), 1), Ordering::Equal);
        assert_eq!(gap(Rating::Rung(2), 1), Ordering::Greater);
        assert_eq!(gap(Rating::Rung(0), 1), Ordering::Less);
    }
}
