//! Messages an HR person can act on.
