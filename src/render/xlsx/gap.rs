//! The gap between the agreed and the expected skill level: the dropdown
//! that offers the choices, the formula that ranks them, its stored result,
//! and the shading that repeats its word.
//!
//! The formula ranks answers by looking them up (MATCH) in the Scale sheet's
//! list, so it holds for a scale of any length and computes in Excel and
//! LibreOffice alike; nothing in it names a skill level. MATCH reads `*`, `?`
//! and `~` in the looked-up text as wildcards, so the answer is escaped
//! first: a level named "Aware*" must not match "Aware".

use anyhow::Result;
use rust_xlsxwriter::utility::column_number_to_name;
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DataValidationErrorStyle, Format, Formula, Worksheet,
};

use super::appraisal::{AGREED, EXPECTED, GAP};
use crate::model::Framework;
use crate::say;
use crate::words::{Key, Words};

/// The workbook-level name of the list of choices on the Scale sheet.
pub(crate) const CHOICES: &str = "AssessmentChoices";

/// The gap between the agreed level (column F) and the expected level
/// (column B) of 1-based sheet row `row`, in words; empty until agreed.
pub(crate) fn gap_formula(words: &Words, row: u32) -> String {
    let quoted = |key: Key| format!("\"{}\"", words.get(key).replace('"', "\"\""));
    let (below, meets, above, off) = (
        quoted(Key::GapBelow),
        quoted(Key::GapMeets),
        quoted(Key::GapAbove),
        quoted(Key::GapOffScale),
    );
    let agreed_cell = format!("{}{row}", column_number_to_name(AGREED));
    let expected_cell = format!("{}{row}", column_number_to_name(EXPECTED));
    let literal = |cell: &str| {
        format!("SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({cell},\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\")")
    };
    let agreed = format!("MATCH({},{CHOICES},0)", literal(&agreed_cell));
    let expected = format!("MATCH({},{CHOICES},0)", literal(&expected_cell));
    format!(
        "=IF({agreed_cell}=\"\",\"\",IFERROR(IF({agreed}<{expected},{below},\
         IF({agreed}={expected},{meets},{above})),{off}))"
    )
}

/// What [`gap_formula`] gives for an agreed answer against expected rank
/// `expected`, stored as the formula's result so that readers which do not
/// recalculate (and LibreOffice, which by default trusts stored results)
/// show the right word in a prefilled workbook.
pub(crate) fn cached_gap(fw: &Framework, expected: usize, agreed: &Option<String>) -> String {
    let Some(agreed) = agreed.as_deref().filter(|a| !a.is_empty()) else {
        return String::new();
    };
    let w = &fw.words;
    // MATCH compares text case-insensitively; position 0 is "not yet demonstrated".
    let position = std::iter::once(w.get(Key::NotYetDemonstrated))
        .chain(fw.scale.iter().map(|l| l.name.as_str()))
        .position(|choice| choice.to_lowercase() == agreed.to_lowercase());
    w.get(match position {
        None => Key::GapOffScale,
        Some(p) if p < expected + 1 => Key::GapBelow,
        Some(p) if p == expected + 1 => Key::GapMeets,
        Some(_) => Key::GapAbove,
    })
    .into()
}

/// The dropdown offered in every assessment cell: the Scale sheet's list.
pub(crate) fn choice_list(w: &Words) -> Result<DataValidation> {
    let not_yet = w.get(Key::NotYetDemonstrated);
    Ok(DataValidation::new()
        .allow_list_formula(Formula::new(format!("={CHOICES}")))
        .set_input_title(w.get(Key::GapInputTitle))?
        .set_input_message(say!(w, GapInputMessage, not_yet = not_yet))?
        .set_error_title(w.get(Key::GapErrorTitle))?
        .set_error_message(say!(
            w,
            GapErrorMessage,
            scale = w.get(Key::BookScale),
            not_yet = not_yet
        ))?
        .set_error_style(DataValidationErrorStyle::Stop))
}

/// Shades the gap column by its word: the shading repeats what the word says.
pub(crate) fn add_gap_shading(
    w: &Words,
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
) -> Result<()> {
    let column = column_number_to_name(GAP);
    for (word, fill, ink) in [
        (Key::GapBelow, "FCE4D6", "833C0B"),
        (Key::GapMeets, "E2EFDA", "375623"),
        (Key::GapAbove, "DDEBF7", "1F3864"),
    ] {
        let word = w.get(word).replace('"', "\"\"");
        let rule = ConditionalFormatFormula::new()
            .set_rule(format!("=${column}{}=\"{word}\"", first + 1).as_str())
            .set_format(Format::new().set_background_color(fill).set_font_color(ink));
        sheet.add_conditional_format(first, GAP, last, GAP, &rule)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_formula_looks_levels_up_rather_than_naming_them() {
        let f = gap_formula(&Words::english(), 9);
        assert!(f.starts_with("=IF(F9=\"\""), "{f}");
        let escaped = |c: &str| {
            format!(
                "MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({c},\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\"),AssessmentChoices,0)"
            )
        };
        assert!(f.contains(&escaped("F9")), "{f}");
        assert!(f.contains(&escaped("B9")), "{f}");
        for word in ["below", "meets", "above"] {
            assert!(f.contains(&format!("\"{word}\"")));
        }
    }
}
