//! IFC import, the whole path: the STEP index, units, placements, representations, materials,
//! walls, openings, spaces and the report.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_io::import::{Format, ImportOptions, import_file};

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions {
        format: Some(Format::Ifc),
        ..ImportOptions::named("fuzz.ifc")
    };
    let _ = import_file("fuzz.ifc", data, &options);
});
