//! Site survey files (CSV): the reader never panics, and what it reads holds measurements
//! only, at finite positions within reach of the plan, with lines in the file's order.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_core::survey::is_measurement;
use tailplan_io::survey::{MAX_COORDINATE_M, SurveyLimits, read_survey};

fuzz_target!(|data: &[u8]| {
    let limits = SurveyLimits {
        max_rows: 10_000,
        ..SurveyLimits::default()
    };
    let Ok(read) = read_survey(data, "fuzz.csv", &limits) else {
        return;
    };
    let mut last = 1;
    for r in &read.survey.rows {
        assert!(is_measurement(r.rssi_dbm), "{}", r.rssi_dbm);
        assert!(r.position.x.abs() <= MAX_COORDINATE_M && r.position.y.abs() <= MAX_COORDINATE_M);
        assert!(r.line > last, "lines in order: {} after {last}", r.line);
        last = r.line;
    }
});
