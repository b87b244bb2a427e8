//! The framework loader on arbitrary text: it must never panic, and every
//! diagnostic must be located inside the text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(diagnostics) = jobpack::load::load_str(&text, Path::new("fuzz.toml")) {
        assert!(!diagnostics.is_empty());
        let lines = text.lines().count() + 2;
        for d in &diagnostics {
            assert!(
                d.line <= lines,
                "diagnostic on line {} of {}",
                d.line,
                lines
            );
        }
    }
});
