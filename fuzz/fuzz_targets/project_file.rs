//! The project-file loader: migrations, strict reading, validation; then the saved text of
//! whatever loaded must load again.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_core::project_file;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((project, _)) = project_file::from_json(text) {
        let saved = project_file::to_json(&project);
        project_file::from_json(&saved).expect("a loaded project's own file loads again");
    }
});
