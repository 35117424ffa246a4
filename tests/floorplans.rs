//! One case per sample building in `floorplans/`, all through one `check`; and every real
//! GeoJSON plan in `../shared/floorplans/` through the importer.

use std::path::Path;

use serde_json::Value;
use tailplan_core::project_file;
use tailplan_io::geojson::{self, ImportOptions};
use tailplan_tests::{open, sample_name, sample_projects, shared_floorplans, workspace};

/// What every sample building must satisfy.
fn check(path: &Path) {
    let name = sample_name(path);
    let text = std::fs::read_to_string(path).unwrap();
    let project = open(path);

    // The file is valid against the published JSON Schema.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(workspace().join("schema/project.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid schema");
    let instance: Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .take(5)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{name}: not valid against the schema: {errors:#?}"
    );

    // The project file round-trips byte for byte.
    assert_eq!(
        project_file::to_json(&project),
        text,
        "{name}: project file round trip"
    );

    // GeoJSON round-trips to the same project, and exports the same features again.
    let exported = geojson::export(&project);
    let back = geojson::import(&exported, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(!back.report.wgs84, "{name}: our own export reads as planar");
    assert_eq!(back.project, project, "{name}: GeoJSON round trip");
    assert_eq!(
        geojson::export(&back.project),
        exported,
        "{name}: GeoJSON export is stable"
    );

    // A readable summary, reviewed as a snapshot.
    let summary: Vec<String> = project
        .floors
        .iter()
        .map(|f| {
            let b = f.bbox().expect("every sample floor has content");
            let counts: Vec<String> = f.counts().iter().map(|(k, n)| format!("{k} {n}")).collect();
            format!(
                "floor {} \"{}\" at {} m: {:.1} x {:.1} m, {} wall segments; {}",
                f.id,
                f.name,
                f.elevation_m,
                b.width(),
                b.height(),
                f.walls.segment_count(),
                counts.join(", ")
            )
        })
        .collect();
    insta::assert_snapshot!(format!("summary_{name}"), summary.join("\n"));
}

#[test]
fn every_sample_building() {
    let samples = sample_projects();
    let names: Vec<String> = samples.iter().map(|p| sample_name(p)).collect();
    assert!(
        names.contains(&"office".to_owned()) && names.contains(&"small".to_owned()),
        "{names:?}"
    );
    for path in &samples {
        check(path);
    }
}

/// Imports a shared GeoJSON plan and returns the first floor's size in metres.
fn shared_geojson_size(relative: &str) -> Option<(f64, f64, usize)> {
    let path = shared_floorplans()?.join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    let options = ImportOptions {
        source_name: relative.into(),
        ..Default::default()
    };
    let done = geojson::import(&text, &options).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        done.report.wgs84,
        "{relative} is WGS84 and must be read as such"
    );
    let f = &done.project.floors[0];
    let b = f.bbox().unwrap();
    Some((b.width(), b.height(), f.others.len()))
}

#[test]
fn shared_imdf_units_have_an_office_floors_size() {
    let Some((w, h, n)) = shared_geojson_size("geojson/cpc4_imdf/unit.geojson") else {
        return eprintln!("skipped: no ../shared/floorplans");
    };
    assert_eq!(n, 18, "18 units");
    assert!(
        (40.0..50.0).contains(&w) && (35.0..45.0).contains(&h),
        "{w:.1} x {h:.1} m"
    );
}

#[test]
fn shared_openindoor_geojson_matches_its_dxfs_size() {
    // The DXF of the same building is about 132 x 90 m of facade; the GeoJSON also holds
    // outlying features, so its extent is a little larger.
    let Some((w, h, n)) = shared_geojson_size("geojson/openindoor6_autocad_plan.geojson") else {
        return eprintln!("skipped: no ../shared/floorplans");
    };
    assert!(n > 100, "{n} features");
    assert!(
        (125.0..145.0).contains(&w) && (85.0..120.0).contains(&h),
        "{w:.1} x {h:.1} m"
    );
}
