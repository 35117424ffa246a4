//! `tailplan accuracy` and `tailplan calibrate` as a user runs them, on the office and its
//! generated site survey.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn tailplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tailplan"))
        .args(args)
        .output()
        .expect("the tailplan binary runs")
}

fn floorplan(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../floorplans/{name}"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout_json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn accuracy_calibrate_accuracy_reset() {
    let dir = tempfile::tempdir().unwrap();
    let office = floorplan("office.tailplan.json");
    let survey = floorplan("office.survey.csv");
    let before = stdout_json(&tailplan(&[
        "accuracy",
        s(&office),
        "--survey",
        s(&survey),
        "--json",
    ]));
    for member in [
        "points",
        "mean_error_db",
        "mae_db",
        "rmse_db",
        "std_db",
        "per_ap",
        "per_room",
        "worst",
        "skipped",
        "surveys",
    ] {
        assert!(before.get(member).is_some(), "{member}: {before}");
    }
    assert_eq!(before["skipped"]["unknown_ap"], 11);
    assert!(before["per_ap"][0].get("rmse_db").is_some());
    assert!(before["per_room"][0].get("room").is_some());
    let text = tailplan(&["accuracy", s(&office), "--survey", s(&survey)]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("per access point:") && text.contains("worst rows:"),
        "{text}"
    );

    let out = dir.path().join("calibrated.tailplan.json");
    let report = dir.path().join("report.json");
    let o = tailplan(&[
        "calibrate",
        s(&office),
        "--survey",
        s(&survey),
        "-o",
        s(&out),
        "--json",
        s(&report),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = String::from_utf8(o.stdout).unwrap();
    assert!(
        printed.contains("5-fold held out") && printed.contains("drywall"),
        "{printed}"
    );
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    for member in [
        "before",
        "after",
        "cross_validated",
        "exponent",
        "offsets",
        "materials",
        "fit",
        "surveys_kept",
    ] {
        assert!(r.get(member).is_some(), "{member}");
    }
    let after_rmse = r["after"]["rmse_db"].as_f64().unwrap();
    assert!(after_rmse < before["rmse_db"].as_f64().unwrap() / 2.0);
    // The calibrated project holds the survey: accuracy needs no file, and says what the
    // report said.
    let again = stdout_json(&tailplan(&["accuracy", s(&out), "--json"]));
    assert_eq!(again["rmse_db"].as_f64().unwrap(), after_rmse);
    let p: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(p["surveys"][0]["name"], "office.survey.csv");
    assert!(p["settings"]["calibration"]["cross_validated"]["rmse_db"].is_number());
    // Reset: the exponent back, the record gone.
    let reset = dir.path().join("reset.tailplan.json");
    let o = tailplan(&["calibrate", s(&out), "--reset", "-o", s(&reset)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p: Value = serde_json::from_str(&std::fs::read_to_string(&reset).unwrap()).unwrap();
    assert!(p["settings"].get("calibration").is_none());
    assert_eq!(p["settings"]["radio"]["path_loss_exponent"], 2.0);
    let o = tailplan(&["calibrate", s(&reset), "--reset", "-o", s(&reset)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not calibrated"));
}

#[test]
fn bad_surveys_and_options_are_refused_with_what_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let office = floorplan("office.tailplan.json");
    let bad = dir.path().join("walk.csv");
    std::fs::write(
        &bad,
        "x,y,ap,rssi_dbm\n1,2,AP-0-01,-50\n3,NaN,AP-0-01,-50\n",
    )
    .unwrap();
    let o = tailplan(&["accuracy", s(&office), "--survey", s(&bad)]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("walk.csv") && e.contains("line 3"), "{e}");
    // No survey given, none kept.
    let o = tailplan(&["accuracy", s(&office)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("holds no site survey"));
    let survey = floorplan("office.survey.csv");
    let out = dir.path().join("out.json");
    let o = tailplan(&[
        "calibrate",
        s(&office),
        "--survey",
        s(&survey),
        "-o",
        s(&out),
        "--fit",
        "offsets,doors",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("\"doors\""));
    assert!(!out.exists(), "nothing written");
    // Too few rows.
    let few = dir.path().join("few.csv");
    std::fs::write(&few, "x,y,ap,rssi_dbm\n10,10,AP-0-01,-50\n").unwrap();
    let o = tailplan(&["calibrate", s(&office), "--survey", s(&few), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("too few"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
