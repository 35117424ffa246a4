//! What the commands once decided each in its own way and now decide in one place
//! (`tailplan-app`): the band or technology a floor's map shows, the dates, the coverage
//! thresholds. Each case here was a drift a user could see.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn tailplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tailplan"))
        .args(args)
        .output()
        .expect("the tailplan binary runs")
}

fn ok(args: &[&str]) -> String {
    let o = tailplan(args);
    assert!(
        o.status.success(),
        "tailplan {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Exit 2 with exactly this one error line.
fn refused(args: &[&str], message: &str) {
    let o = tailplan(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "tailplan {args:?}: {err}");
    assert_eq!(err.trim_end(), format!("tailplan: error: {message}"));
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A room with one 5 GHz access point and three LoRaWAN gateways; thresholds as given.
fn mixed_floor(dir: &Path, thresholds: &str) -> std::path::PathBuf {
    let point = |x: f64, y: f64, props: &str| {
        format!(
            r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [{x}, {y}]}}, "properties": {props}}}"#
        )
    };
    let features = [
        r#"{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]]]}, "properties": {"kind": "room", "name": "Hall"}}"#.to_owned(),
        r#"{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[10, 0], [10, 6]]}, "properties": {"kind": "wall", "material": "brick"}}"#.to_owned(),
        point(5.0, 5.0, r#"{"kind": "ap", "name": "AP-1", "band": "5", "channel": 36}"#),
        point(2.0, 2.0, r#"{"kind": "gateway", "name": "GW-1", "tech": "lorawan"}"#),
        point(18.0, 2.0, r#"{"kind": "gateway", "name": "GW-2", "tech": "lorawan"}"#),
        point(18.0, 8.0, r#"{"kind": "gateway", "name": "GW-3", "tech": "lorawan"}"#),
    ];
    let text = format!(
        r#"{{"type": "FeatureCollection", "tailplan": {{"version": 2, "settings": {{"radio": {{"wifi_thresholds_dbm": {thresholds}}}}}}}, "features": [{}]}}"#,
        features.join(",\n")
    );
    let geojson = dir.join("mixed.geojson");
    std::fs::write(&geojson, text).unwrap();
    let project = dir.join("mixed.tailplan.json");
    ok(&["import", s(&geojson), "-o", s(&project)]);
    project
}

#[test]
fn coverage_and_its_sheet_show_the_same_service() {
    let dir = tempfile::tempdir().unwrap();
    let project = mixed_floor(dir.path(), "[-67, -70, -75]");
    let json = dir.path().join("map.json");
    let text = ok(&["coverage", s(&project), "--out-json", s(&json)]);
    assert!(text.contains(", 5 GHz: 1 access point(s)"), "{text}");
    let map: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(map["band"], "5", "Wi-Fi first, however many gateways");
    assert!(map.get("tech").is_none());
    let svg = dir.path().join("coverage.svg");
    ok(&[
        "sheet",
        s(&project),
        "--kind",
        "coverage",
        "--date",
        "2025-01-31",
        "-o",
        s(&svg),
    ]);
    let sheet = std::fs::read_to_string(&svg).unwrap();
    assert!(sheet.contains("coverage, Wi-Fi 5 GHz"), "the sheet's title");
}

#[test]
fn impossible_dates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let project = mixed_floor(dir.path(), "[-67]");
    let out = dir.path().join("x.svg");
    for date in ["2025-02-31", "2025-13-01", "2023-02-29", "31/01/2025"] {
        let message = format!("--date {date}: not a date: write YYYY-MM-DD");
        refused(
            &["sheet", s(&project), "--date", date, "-o", s(&out)],
            &message,
        );
        let dxf = dir.path().join("x.dxf");
        refused(
            &["export", s(&project), "--dxf", s(&dxf), "--date", date],
            &message,
        );
    }
    assert!(!out.exists());
    ok(&["sheet", s(&project), "--date", "2024-02-29", "-o", s(&out)]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("2024-02-29")
    );
}

#[test]
fn thresholds_are_reported_strongest_first_once() {
    let dir = tempfile::tempdir().unwrap();
    let project = mixed_floor(dir.path(), "[-75, -67, -70, -67]");
    let json = dir.path().join("map.json");
    let text = ok(&["coverage", s(&project), "--out-json", s(&json)]);
    let map: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let thresholds: Vec<f64> = map["stats"]["floor"]["thresholds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["threshold_dbm"].as_f64().unwrap())
        .collect();
    assert_eq!(thresholds, [-67.0, -70.0, -75.0]);
    // The secondary coverage is told at the strongest threshold.
    assert!(text.contains("secondary coverage >= -67 dBm"), "{text}");
}
