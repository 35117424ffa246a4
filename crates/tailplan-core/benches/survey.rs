//! The site survey on the office's ground floor (`floorplans/office.survey.csv`, made by
//! `tailplan_samples::survey`: about 4,400 rows of 34 access points through 1,100 walls):
//! the accuracy report (every row resolved and predicted through the walls), and calibration
//! (the robust, regularised fit of 34 offsets, the exponent and the walls' losses, then its
//! 5-fold cross-validation: six fits in all).
//!
//! Times are the benchmarking thread's CPU time.
//!
//! `cargo bench -p tailplan-core --bench survey`

mod cpu;

use std::time::Duration;

use cpu::cpu;
use criterion::{Criterion, criterion_main};
use tailplan_core::Project;
use tailplan_core::geometry::Point;
use tailplan_core::materials::Band;
use tailplan_core::survey::{ApRef, FitOptions, Survey, SurveyRow, accuracy, calibrate};

/// The generated survey's CSV (x,y,floor,ap,band,rssi_dbm,time: no quoting, no decimal
/// commas) into rows; "not heard" rows left out as the reader leaves them.
fn survey(project: &Project) -> Survey {
    let csv = tailplan_samples::survey::office_survey(project);
    let rows = csv
        .lines()
        .skip(1)
        .enumerate()
        .filter_map(|(i, line)| {
            let f: Vec<&str> = line.split(',').collect();
            let rssi: f64 = f[5].parse().ok()?;
            let (x, y): (f64, f64) = (f[0].parse().ok()?, f[1].parse().ok()?);
            tailplan_core::survey::is_measurement(rssi).then(|| SurveyRow {
                line: i + 2,
                position: Point::new(x, y),
                floor: Some(f[2].to_owned()),
                ap: ApRef::Ap(f[3].to_owned()),
                rssi_dbm: rssi,
                band: Some(Band::Ghz5),
                time: Some(f[6].to_owned()),
            })
        })
        .collect();
    Survey {
        name: "office.survey.csv".into(),
        rows,
        not_measured: 0,
    }
}

fn bench(c: &mut Criterion) {
    let project = tailplan_samples::office_building();
    let s = survey(&project);
    let mut g = c.benchmark_group("survey");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function(format!("accuracy office {} rows", s.rows.len()), |b| {
        cpu(b, || accuracy(&project, &[&s]))
    });
    g.bench_function(
        format!("calibrate office {} rows 5-fold", s.rows.len()),
        |b| {
            cpu(b, || {
                calibrate(&project, &[&s], &FitOptions::default()).unwrap()
            })
        },
    );
    g.finish();
}

mod group {
    criterion::criterion_group!(survey, super::bench);
}

criterion_main!(group::survey);
