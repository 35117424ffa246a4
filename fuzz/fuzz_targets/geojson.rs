//! GeoJSON import: the interchange contract (planar or WGS84), and CAD drawings exported as
//! GeoJSON (features with a `Layer`), told apart by `import_file` as for a user's file.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_io::geojson::CrsChoice;
use tailplan_io::import::{Format, ImportOptions, import_file};

fuzz_target!(|data: &[u8]| {
    let crs = match data.first().map(|b| b % 3) {
        Some(1) => CrsChoice::Planar,
        Some(2) => CrsChoice::Wgs84,
        _ => CrsChoice::Auto,
    };
    let options = ImportOptions {
        format: Some(Format::GeoJson),
        crs,
        ..ImportOptions::named("fuzz.geojson")
    };
    let _ = import_file("fuzz.geojson", data, &options);
});
