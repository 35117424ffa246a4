//! Coverage benchmarks on the sample buildings: the brute-force oracle against the fast path
//! (all access points' best-server map), one moved access point with the engine's cache, and
//! the progressive coarse step. Before timing the oracle, the fast path is checked equal to it
//! on every cell of the floor at 0.25 m (on the office, the oracle takes minutes: `-- fast`
//! runs only the fast path).
//!
//! Times are the benchmarking thread's CPU time.
//!
//! `cargo bench -p tailplan-core --bench coverage`

mod cpu;

use std::hint::black_box;
use std::time::Duration;

use cpu::cpu;
use cpu_time::ThreadTime;
use criterion::{BenchmarkId, Criterion, criterion_main};
use tailplan_core::coverage::{CoverageEngine, CoverageRequest, FloorScope, Method, Service};
use tailplan_core::{Project, WifiBand};

/// The floor with the most access points, then the most wall segments.
fn biggest_floor(project: &Project) -> String {
    project
        .floors
        .iter()
        .max_by_key(|f| (f.access_points.len(), f.walls.segment_count()))
        .expect("a floor")
        .id
        .clone()
}

fn request(floor: &str, scope: FloorScope) -> CoverageRequest {
    let mut r = CoverageRequest::new(floor, Service::Wifi(WifiBand::Ghz5)).with_cell(0.25);
    r.scope = scope;
    r
}

fn oracle_vs_fast(c: &mut Criterion, name: &str, project: Project) {
    let floor = biggest_floor(&project);
    let own = request(&floor, FloorScope::Own);
    let fast = CoverageEngine::new().fields(&project, &own).unwrap();
    let cells = fast.first().map_or(0, |f| f.grid.len());
    let mut group = c.benchmark_group(format!(
        "coverage/{name} floor {floor} (0.25 m, {cells} cells, {} APs)",
        fast.len()
    ));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(100));
    group.bench_function("fast: all APs best server", |b| {
        cpu(b, || {
            CoverageEngine::new()
                .heatmaps(black_box(&project), &own)
                .unwrap()
        })
    });
    group.bench_function("oracle: all APs best server", |b| {
        // Checked here, so that `cargo bench ... -- fast` skips the slow oracle altogether;
        // the check's own run is timed and printed (on the office, criterion's ten runs take
        // over twenty minutes).
        let start = ThreadTime::now();
        let slow = CoverageEngine::with_method(Method::Oracle)
            .fields(&project, &own)
            .unwrap();
        eprintln!(
            "{name}: oracle fields of every AP, one run: {:.3} s (thread CPU time); equal to the fast path: {}",
            start.elapsed().as_secs_f64(),
            fast == slow
        );
        assert_eq!(fast, slow, "{name}: the fast path differs from the oracle");
        cpu(b, || {
            CoverageEngine::with_method(Method::Oracle)
                .heatmaps(black_box(&project), &own)
                .unwrap()
        })
    });
    group.finish();
}

fn engine(c: &mut Criterion) {
    let mut project = tailplan_samples::office_building();
    let floor = biggest_floor(&project);
    let mut group = c.benchmark_group(format!("coverage/office floor {floor} (0.25 m)"));
    group.sample_size(20);
    for scope in [FloorScope::Own, FloorScope::Adjacent] {
        let req = request(&floor, scope);
        group.bench_with_input(
            BenchmarkId::new("fast: all APs best server", format!("{scope:?}")),
            &req,
            |b, req| {
                cpu(b, || {
                    CoverageEngine::new()
                        .heatmaps(black_box(&project), req)
                        .unwrap()
                })
            },
        );
    }
    let own = request(&floor, FloorScope::Own);
    let mut coarse = own.clone();
    coarse.cell_m = Some(1.0);
    group.bench_function("fast: progressive coarse step (1 m)", |b| {
        cpu(b, || {
            CoverageEngine::new()
                .heatmaps(black_box(&project), &coarse)
                .unwrap()
        })
    });
    let mut sinr = own.clone();
    sinr.sinr = true;
    group.bench_function("fast: all APs best server and SINR", |b| {
        cpu(b, || {
            CoverageEngine::new()
                .heatmaps(black_box(&project), &sinr)
                .unwrap()
        })
    });

    // One moved AP: a warm engine, and the AP a little further each time (never a position
    // the cache has seen), so each iteration computes exactly one field and recombines.
    for (label, req) in [
        ("one moved AP", own.clone()),
        (
            "one moved AP, adjacent floors",
            request(&floor, FloorScope::Adjacent),
        ),
    ] {
        let mut engine = CoverageEngine::new();
        engine.heatmaps(&project, &req).unwrap();
        let mut step = 0u32;
        group.bench_function(format!("fast: {label}"), |b| {
            cpu(b, || {
                step += 1;
                let ap = &mut project.floor_mut(&floor).unwrap().access_points[0];
                ap.position.x += if step.is_multiple_of(2) {
                    1e-3
                } else {
                    -0.5e-3
                };
                let maps = engine.heatmaps(&project, &req).unwrap();
                assert_eq!(engine.computed_last(), 1);
                maps
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    oracle_vs_fast(c, "small", tailplan_samples::small_floor());
    oracle_vs_fast(c, "office", tailplan_samples::office_building());
    engine(c);
}

/// The criterion group, in a private module so that its generated function needs no docs.
mod group {
    criterion::criterion_group!(coverage, super::benches);
}

criterion_main!(group::coverage);
