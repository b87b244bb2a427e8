//! The people file reader, and the slugs of every name in it, on arbitrary
//! bytes: no panic, and every name becomes a safe file name.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = jobpack::people::parse_people(Path::new("people.csv"), data) {
        for person in &file.people {
            let slug = jobpack::output::slug(&person.name);
            assert!(jobpack::output::is_safe_component(&slug), "{slug:?}");
        }
    }
});
