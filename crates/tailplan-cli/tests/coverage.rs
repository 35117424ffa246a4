//! `tailplan coverage`, `place-aps` and `place-gateways` as a user runs them, on every floor
//! of every sample building: real processes, real files, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tailplan_core::project_file;

fn tailplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tailplan"))
        .args(args)
        .output()
        .expect("the tailplan binary runs")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("floorplans"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".tailplan.json"))
        .collect();
    files.sort();
    files
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
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

/// Exit 2, exactly one error line, which contains `says`.
fn bad(args: &[&str], says: &str) {
    let o = tailplan(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "tailplan {args:?}: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{err}"
    );
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("tailplan: error:") || l.starts_with("error:"))
        .collect();
    assert_eq!(lines.len(), 1, "exactly one error line: {err}");
    assert!(
        lines[0].contains(says),
        "{:?} should say {says:?}",
        lines[0]
    );
}

#[test]
fn coverage_on_every_sample_floor() {
    let dir = tempfile::tempdir().unwrap();
    for sample in samples() {
        let project = project_file::from_json(&std::fs::read_to_string(&sample).unwrap())
            .unwrap()
            .0;
        for floor in &project.floors {
            let base = dir
                .path()
                .join(format!("{}-{}", project.floors.len(), floor.id));
            let (json, png, csv) = (
                base.with_extension("json"),
                base.with_extension("png"),
                base.with_extension("csv"),
            );
            let text = ok(&[
                "coverage",
                s(&sample),
                "--floor",
                &floor.id,
                "--cell",
                "1.0",
                "--out-json",
                s(&json),
                "--out-png",
                s(&png),
                "--out-csv",
                s(&csv),
            ]);
            assert!(text.contains(&format!("floor \"{}\"", floor.id)), "{text}");
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
            assert_eq!(v["floor"], floor.id.as_str());
            assert_eq!(v["band"], "5");
            assert_eq!(v["cell_m"], 1.0);
            let (cols, rows) = (v["cols"].as_u64().unwrap(), v["rows"].as_u64().unwrap());
            let bbox = floor.plan_bbox().unwrap();
            assert_eq!(v["origin"][0].as_f64().unwrap(), bbox.min.x);
            assert_eq!(cols, bbox.width().ceil() as u64);
            assert_eq!(rows, bbox.height().ceil() as u64);
            let best = v["best_rssi_dbm"].as_array().unwrap();
            assert_eq!(best.len() as u64, cols * rows);
            for x in best {
                let x = x.as_f64().unwrap();
                assert!((-200.0..=30.0).contains(&x), "{x}");
                assert_eq!((x * 100.0).round() / 100.0, x, "rounded to 0.01");
            }
            let pct = v["stats"]["floor"]["thresholds"][0]["percent"]
                .as_f64()
                .unwrap();
            assert!(
                pct > 50.0,
                "{}: floor {} is mostly covered ({pct} %)",
                sample.display(),
                floor.id
            );
            let bytes = std::fs::read(&png).unwrap();
            assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
            assert!(bytes.len() > 10_000);
            let lines = std::fs::read_to_string(&csv).unwrap().lines().count() as u64;
            assert_eq!(lines, cols * rows + 1);
        }
    }
}

#[test]
fn coverage_of_an_iot_technology_lists_device_links() {
    let small = workspace().join("floorplans/small.tailplan.json");
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("ble.json");
    let text = ok(&[
        "coverage",
        s(&small),
        "--tech",
        "ble",
        "--out-json",
        s(&json),
    ]);
    assert!(text.contains("devices:"), "{text}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["tech"], "ble");
    assert!(v.get("band").is_none());
    assert!(!v["links"]["devices"].as_array().unwrap().is_empty());
}

#[test]
fn placement_commands_print_and_save_proposals() {
    let small = workspace().join("floorplans/small.tailplan.json");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("aps.json");
    let text = ok(&["place-aps", s(&small), "--out", s(&out)]);
    assert!(text.contains("target met"), "{text}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(v["achieved"]["target_met"].as_bool().unwrap());
    assert!(!v["proposals"].as_array().unwrap().is_empty());
    let out = dir.path().join("gws.json");
    let text = ok(&[
        "place-gateways",
        s(&small),
        "--tech",
        "ble",
        "--out",
        s(&out),
    ]);
    assert!(text.contains("reached"), "{text}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["placements"][0]["options"]["tech"], "ble");
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let office = workspace().join("floorplans/office.tailplan.json");
    let small = workspace().join("floorplans/small.tailplan.json");
    let (o, sm) = (s(&office), s(&small));
    bad(&["coverage", o], "give --floor");
    bad(&["coverage", o, "--floor", "9"], "--floor 9");
    bad(&["coverage", sm, "--band", "7"], "--band 7");
    bad(&["coverage", sm, "--tech", "wifi"], "--tech wifi");
    bad(&["coverage", sm, "--cell", "0"], "--cell 0");
    bad(&["coverage", sm, "--cell", "-2"], "--cell -2");
    bad(&["coverage", sm, "--cell", "0.0001"], "use larger cells");
    bad(
        &["coverage", sm, "--band", "5", "--tech", "ble"],
        "cannot be used with",
    );
    bad(&["coverage", "/nonexistent/p.json"], "/nonexistent/p.json");
    bad(&["place-aps", sm, "--coverage", "120"], "--coverage 120");
    bad(&["place-aps", sm, "--spacing", "-1"], "--spacing -1");
    bad(&["place-gateways", sm, "--tech", "x"], "--tech x");
}

#[test]
fn the_grid_cell_limit_is_a_flag() {
    let small = workspace().join("floorplans/small.tailplan.json");
    let sm = s(&small);
    // The small floor's map is 60 × 30 cells of 0.5 m: within a limit of 1,800, not 1,799.
    let text = ok(&["coverage", sm, "--max-grid-cells", "1800"]);
    assert!(text.contains("grid 60 x 30 of 0.5 m"), "{text}");
    bad(
        &["coverage", sm, "--max-grid-cells", "1799"],
        "a map of 1,800 cells of 0.5 m over 30 × 15 m is more than the grid-cell limit of 1,799: use larger cells or raise the limit (--cell, --max-grid-cells)",
    );
    // The default refuses a map of 10^14 cells before allocating it.
    bad(
        &["coverage", sm, "--cell", "0.0001"],
        "grid-cell limit of 8,000,000",
    );
    // Placement's demand grid (1 m cells: 30 × 15) is held to it too.
    bad(
        &["place-aps", sm, "--max-grid-cells", "100"],
        "a map of 450 cells of 1 m over 30 × 15 m is more than the grid-cell limit of 100",
    );
    bad(
        &["coverage", sm, "--max-grid-cells", "many"],
        "--max-grid-cells",
    );
    // A coverage sheet is still drawn, without its map, and the command says why.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cov.svg");
    let text = ok(&[
        "sheet",
        sm,
        "--kind",
        "coverage",
        "--max-grid-cells",
        "10",
        "--date",
        "2026-11-25",
        "-o",
        s(&out),
    ]);
    assert!(
        text.contains("warning: floor \"0\": no coverage map on its sheet: a map of 1,800 cells"),
        "{text}"
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("grid-cell limit of 10"), "the sheet says why");
}
