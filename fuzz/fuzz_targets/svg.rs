//! SVG import: the raw XML pass, usvg, the flattening onto layers, wall clean-up.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_io::import::{Format, ImportOptions, Scale, import_file};

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions {
        format: Some(Format::Svg),
        scale: Some(Scale::MetresPerUnit(0.01)),
        // Hidden layers too, so that their parts of the file are read.
        include_hidden: data.first().is_some_and(|b| b & 1 == 1),
        ..ImportOptions::named("fuzz.svg")
    };
    let _ = import_file("fuzz.svg", data, &options);
});
