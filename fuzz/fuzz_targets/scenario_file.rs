//! The scenario file reader (issue 17): limits, strict members, every value checked; then
//! what was read, written back, reads again the same.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_core::scenario;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(file) = scenario::read(text, &scenario::BUILTIN) {
        let saved = serde_json::to_string(&file).expect("a scenario file serialises");
        let again = scenario::read(&saved, &scenario::BUILTIN).expect("what was read reads again");
        assert_eq!(again, file);
    }
});
