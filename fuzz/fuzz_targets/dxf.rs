//! DXF import (text and binary), the whole path: parse, block expansion, layers, wall clean-up.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_io::import::{Format, ImportOptions, import_file};

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions {
        format: Some(Format::Dxf),
        ..ImportOptions::named("fuzz.dxf")
    };
    let _ = import_file("fuzz.dxf", data, &options);
});
