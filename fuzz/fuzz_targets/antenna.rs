//! Antenna pattern files (MSI / Planet): the reader, and for what it reads, the pattern valid
//! and written then read back equal.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_io::antenna::{PatternLimits, read_msi, write_msi};

fuzz_target!(|data: &[u8]| {
    let limits = PatternLimits::default();
    let Ok(read) = read_msi(data, "fuzz.msi", &limits) else {
        return;
    };
    let p = read.pattern;
    assert_eq!(p.problem(), None, "a pattern read is valid");
    // The one table the format cannot say: all 0 or below with a value below 0 (read back as
    // gains relative to the peak, flipped).
    let flips = |t: &[f64]| t.iter().all(|&v| v <= 0.0) && t.iter().any(|&v| v < 0.0);
    if !flips(&p.horizontal_db) && !flips(&p.vertical_db) {
        let back = read_msi(write_msi(&p).as_bytes(), "fuzz.msi", &limits)
            .expect("a pattern written is read back");
        assert_eq!(back.pattern, p, "written and read back equal");
    }
});
