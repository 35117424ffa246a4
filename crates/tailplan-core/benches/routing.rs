//! Routing benchmarks: the sample office building (4 floors, about 1,700 wired endpoints), and
//! a synthetic building scaled to 5,000 endpoints, for the whole routing and for the
//! assignment alone (optimal against nearest-first); and a campus of office buildings of six
//! floors (`tailplan_samples::campus::campus_scale`), one building against ten (60 floors,
//! 24,870 endpoints, 69,360 walls, backbone through ducts), for how routing scales; the four
//! built-in scenarios compared on the office and on the ten-building campus (issue 17).
//!
//! `cargo bench -p tailplan-core --bench routing`

// criterion's macros write undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tailplan_core::routing::{self, assignment};
use tailplan_core::scenario;
use tailplan_core::{Floor, Outlet, Point, Project, Riser, TelecomRoom, Tray};

/// A 4-floor, 120 × 60 m building with a grid of trays, a riser and two telecom rooms of
/// unequal size per floor, and `endpoints` outlet ports placed at random (fixed seed).
fn synthetic(endpoints: usize) -> Project {
    let mut seed: u64 = 0x5eed_cafe;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let p = |x: f64, y: f64| Point::new(x, y);
    let mut project = Project::new();
    let per_floor = endpoints / 4;
    for fi in 0..4 {
        let mut f = Floor::new(fi.to_string(), format!("Level {fi}"), 3.6 * fi as f64);
        let tray = |id: String, a: Point, b: Point| Tray {
            id,
            name: String::new(),
            points: vec![a, b],
            capacity: None,
            width_mm: Some(500.0),
            depth_mm: Some(100.0),
            height_m: None,
            props: Default::default(),
        };
        for (k, y) in [10.0, 30.0, 50.0].into_iter().enumerate() {
            f.trays
                .push(tray(format!("h{fi}-{k}"), p(0.0, y), p(120.0, y)));
        }
        for (k, x) in [0.0, 40.0, 80.0, 120.0].into_iter().enumerate() {
            f.trays
                .push(tray(format!("v{fi}-{k}"), p(x, 10.0), p(x, 50.0)));
        }
        f.risers.push(Riser {
            id: format!("r{fi}"),
            name: "R1".into(),
            position: p(60.0, 31.0),
            props: Default::default(),
        });
        for (k, (x, ports)) in [(40.0, 900), (80.0, 500)].into_iter().enumerate() {
            f.telecom_rooms.push(TelecomRoom {
                id: format!("tr{fi}-{k}"),
                name: format!("TR-{fi}{k}"),
                position: p(x, 32.0),
                outline: None,
                ports: ports * endpoints as u32 / 5000,
                poe_budget_w: None,
                role: Default::default(),
                switch_model: None,
                switches: None,
                props: Default::default(),
            });
        }
        for k in 0..per_floor / 2 {
            f.outlets.push(Outlet {
                id: format!("o{fi}-{k}"),
                name: format!("O-{fi}-{k}"),
                position: p(2.0 + 116.0 * next(), 2.0 + 56.0 * next()),
                ports: 2,
                height_m: 0.3,
                props: Default::default(),
            });
        }
        project.floors.push(f);
    }
    project
}

fn bench(c: &mut Criterion) {
    let office = tailplan_samples::office_building();
    let big = synthetic(5_000);
    let r = routing::route(&big);
    eprintln!(
        "synthetic: {} endpoints, {} cables, {} unserved, {:.0} m",
        r.endpoints,
        r.cables.len(),
        r.unserved.len(),
        r.total_m()
    );
    let mut g = c.benchmark_group("routing");
    g.sample_size(20);
    g.bench_function("route office (sample, 1,667 endpoints)", |b| {
        b.iter(|| routing::route(black_box(&office)))
    });
    g.bench_function("route synthetic 5,000 endpoints", |b| {
        b.iter(|| routing::route(black_box(&big)))
    });
    let problem = routing::assignment_problem(&big);
    g.bench_function("assign optimal 5,000 x 8 rooms", |b| {
        b.iter(|| assignment::optimal(black_box(&problem.matrix), &problem.capacity))
    });
    g.bench_function("assign nearest-first 5,000 x 8 rooms", |b| {
        b.iter(|| assignment::nearest_first(black_box(&problem.matrix), &problem.capacity))
    });
    g.finish();

    let mut g = c.benchmark_group("campus");
    g.sample_size(10);
    for buildings in [1, 10] {
        let campus = tailplan_samples::campus::campus_scale(buildings, 6);
        let r = routing::route(&campus);
        eprintln!(
            "campus of {buildings}: {} endpoints, {} cables, {} backbone",
            r.endpoints,
            r.cables.len(),
            r.backbone.len()
        );
        g.bench_function(format!("route campus {buildings} x 6 floors"), |b| {
            b.iter(|| routing::route(black_box(&campus)))
        });
    }
    g.finish();

    // Issue 17: the four built-in scenarios compared (each applied, routed and totalled;
    // wireless-first routes the project as drawn once more to see which gateways reach).
    let mut g = c.benchmark_group("scenarios");
    g.sample_size(10);
    let energy = scenario::EnergyOptions::default();
    g.bench_function("compare 4 built-in scenarios, office", |b| {
        b.iter(|| scenario::compare(black_box(&office), None, &energy).expect("compared"))
    });
    let campus = tailplan_samples::campus::campus_scale(10, 6);
    g.bench_function("compare 4 built-in scenarios, campus 10 x 6 floors", |b| {
        b.iter(|| scenario::compare(black_box(&campus), None, &energy).expect("compared"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
