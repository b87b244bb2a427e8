//! Page layout targets (#11): the breaker's figures on print-shaped generated
//! frameworks and the seed, A4 and Letter; the cases the issue lists; undated
//! frameworks; workbooks with very long descriptors.

pub mod cases;
pub mod dates;
pub mod figures;
pub mod targets;
pub mod workbooks;
