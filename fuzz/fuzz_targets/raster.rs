//! PNG and JPEG scans: the header and structure checks and the underlay made of them.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_io::import::{Format, ImportOptions, Scale, import_file};

fuzz_target!(|data: &[u8]| {
    // JPEG when it starts like one, else PNG (the importer, not the format sniffing).
    let format = if data.starts_with(&[0xff, 0xd8]) {
        Format::Jpeg
    } else {
        Format::Png
    };
    let options = ImportOptions {
        format: Some(format),
        scale: Some(Scale::MetresPerUnit(0.02)),
        ..ImportOptions::named("fuzz.png")
    };
    let _ = import_file("fuzz.png", data, &options);
});
