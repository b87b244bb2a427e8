//! The people file for personalised appraisal sheets.
