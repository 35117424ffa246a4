//! Sheet benchmarks on the sample office (4 floors of 120 × 60 m): the cabling sheet of its
//! busiest floor with every cable route (and its continuation sheet), its coverage sheet (the
//! heatmap's contour bands), and routing plus the cabling sheet, as the CLI does it.
//!
//! `cargo bench -p tailplan-io --bench sheet`

// criterion's macros write undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use tailplan_core::{Project, project_file};
use tailplan_io::sheet::{self, Analysis, SheetKind, SheetOptions};

fn office() -> Project {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../floorplans/office.tailplan.json"
    );
    let text = std::fs::read_to_string(path).expect("the sample building");
    project_file::from_json(&text).expect("it opens").0
}

fn sheets(c: &mut Criterion) {
    let project = office();
    let options = SheetOptions::dated("2025-01-31");
    let routing = Analysis::routing(&project);
    // The floor with the most cables.
    let floor = project
        .floors
        .iter()
        .max_by_key(|f| {
            routing
                .routing
                .cables
                .iter()
                .filter(|c| c.floor == f.id)
                .count()
        })
        .expect("floors")
        .id
        .clone();
    let cabling = sheet::floor_sheets(&project, &routing, &floor, SheetKind::Cabling, &options)
        .expect("the cabling sheet");
    let cables = routing
        .routing
        .cables
        .iter()
        .filter(|c| c.floor == floor)
        .count();
    eprintln!(
        "office floor {floor}: {cables} cables; cabling sheets {:?} KB",
        cabling
            .iter()
            .map(|s| s.svg.len() / 1024)
            .collect::<Vec<_>>()
    );
    let coverage = Analysis::new(&project, Some(&[floor.as_str()]));
    let cov = sheet::floor_sheets(&project, &coverage, &floor, SheetKind::Coverage, &options)
        .expect("the coverage sheet");
    eprintln!(
        "coverage sheets {:?} KB",
        cov.iter().map(|s| s.svg.len() / 1024).collect::<Vec<_>>()
    );

    let mut g = c.benchmark_group("sheet");
    g.sample_size(20);
    g.bench_function("office busiest floor: cabling sheet, every route", |b| {
        b.iter(|| {
            sheet::floor_sheets(
                black_box(&project),
                &routing,
                &floor,
                SheetKind::Cabling,
                &options,
            )
            .expect("sheets")
        })
    });
    g.bench_function(
        "office busiest floor: coverage sheet (contour bands)",
        |b| {
            b.iter(|| {
                sheet::floor_sheets(
                    black_box(&project),
                    &coverage,
                    &floor,
                    SheetKind::Coverage,
                    &options,
                )
                .expect("sheets")
            })
        },
    );
    g.bench_function(
        "office busiest floor: route the building + cabling sheet",
        |b| {
            b.iter(|| {
                let a = Analysis::routing(black_box(&project));
                sheet::floor_sheets(&project, &a, &floor, SheetKind::Cabling, &options)
                    .expect("sheets")
            })
        },
    );
    g.finish();
}

criterion_group!(benches, sheets);
criterion_main!(benches);
