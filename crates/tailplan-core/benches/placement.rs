//! Access point placement on the large floor of issue 15: the sample hospital
//! (`tailplan_samples::hospital_floor`, committed as `floorplans/hospital.geojson`), one
//! 515 × 351 m floor of 72 rooms, with the default options (5 GHz, −67 dBm on 95 % of the
//! rooms, candidates every 2 m, cells of 1 m); and the office's biggest floor for scale.
//!
//! Times are the benchmarking thread's CPU time; a run is long, so ten samples of one run.
//!
//! `cargo bench -p tailplan-core --bench placement`

mod cpu;

use std::hint::black_box;
use std::time::Duration;

use cpu::cpu;
use cpu_time::ThreadTime;
use criterion::{Criterion, criterion_main};
use tailplan_core::Project;
use tailplan_core::coverage::{ApPlacementOptions, place_aps};

fn place(c: &mut Criterion, name: &str, project: &Project, floor: &str) {
    let options = ApPlacementOptions::default();
    // One run first, to name the benchmark with what it proposes.
    let start = ThreadTime::now();
    let placed = place_aps(project, floor, &options).expect("placement");
    eprintln!(
        "{name}: {} candidates, {} APs, {:.2} % of {} cells at -67 dBm, one run {:.2?}",
        placed.candidates,
        placed.proposals.len(),
        placed.achieved.percent,
        placed.achieved.cells,
        start.elapsed()
    );
    let mut group = c.benchmark_group(format!(
        "placement/{name} ({} candidates, {} APs)",
        placed.candidates,
        placed.proposals.len()
    ));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(100));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("place-aps, default options", |b| {
        cpu(b, || {
            place_aps(black_box(project), floor, &options).unwrap()
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    place(c, "hospital", &tailplan_samples::hospital_floor(), "0");
    place(
        c,
        "office floor 3",
        &tailplan_samples::office_building(),
        "3",
    );
}

/// The criterion group, in a private module so that its generated function needs no docs.
mod group {
    criterion::criterion_group!(placement, super::benches);
}

criterion_main!(group::placement);
