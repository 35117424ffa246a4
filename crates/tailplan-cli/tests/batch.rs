//! Batch use: several projects, or every floor (`--all`), in parallel, as a campus is
//! processed: real processes, real files. Each batch output is the output of the same
//! command run on one project and one floor.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn tailplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tailplan"))
        .args(args)
        .output()
        .expect("the tailplan binary runs")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../floorplans/{name}.tailplan.json"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(args: &[&str]) -> (String, String) {
    let o = tailplan(args);
    assert!(o.status.success(), "tailplan {args:?}: {}", text(&o.stderr));
    (text(&o.stdout), text(&o.stderr))
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn coverage_of_every_floor_of_several_projects() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("maps");
    let (office, small) = (sample("office"), sample("small"));
    let (stdout, stderr) = ok(&[
        "coverage",
        s(&office),
        s(&small),
        "--all",
        "--out-dir",
        s(&out),
    ]);
    // A header per project, a summary per floor, in order.
    let office_at = stdout
        .find(&format!("==> {} <==", office.display()))
        .unwrap();
    let small_at = stdout
        .find(&format!("==> {} <==", small.display()))
        .unwrap();
    assert!(office_at < small_at, "{stdout}");
    for f in ["0", "1", "2", "3"] {
        assert!(stdout.contains(&format!("floor \"{f}\" (")), "{stdout}");
    }
    // No progress bar where stderr is not a terminal.
    assert!(
        !stderr.contains('\r') && !stderr.contains("coverage ["),
        "{stderr}"
    );

    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "office-0-5ghz.json",
            "office-0-5ghz.png",
            "office-1-5ghz.json",
            "office-1-5ghz.png",
            "office-2-5ghz.json",
            "office-2-5ghz.png",
            "office-3-5ghz.json",
            "office-3-5ghz.png",
            "small-0-5ghz.json",
            "small-0-5ghz.png",
        ]
    );
    // Each map is the one a single run writes.
    let one = dir.path().join("one.json");
    let png = dir.path().join("one.png");
    ok(&[
        "coverage",
        s(&office),
        "--floor",
        "2",
        "--out-json",
        s(&one),
        "--out-png",
        s(&png),
    ]);
    assert_eq!(read(&out.join("office-2-5ghz.json")), read(&one));
    assert_eq!(read(&out.join("office-2-5ghz.png")), read(&png));
}

#[test]
fn routing_several_projects_writes_each_ones_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("routes");
    let (office, small) = (sample("office"), sample("small"));
    let (stdout, _) = ok(&["route", s(&small), s(&office), "--out-dir", s(&out)]);
    assert_eq!(stdout.matches("==> ").count(), 2, "{stdout}");
    assert_eq!(stdout.matches("routed ").count(), 2, "{stdout}");
    for stem in ["small", "office"] {
        for ext in [
            "routed.tailplan.json",
            "routing.json",
            "schedule.csv",
            "bom.csv",
            "fill.csv",
            "rooms.csv",
            "final-tail.csv",
        ] {
            assert!(out.join(format!("{stem}.{ext}")).is_file(), "{stem}.{ext}");
        }
    }
    let schedule = dir.path().join("schedule.csv");
    let routed = dir.path().join("routed.json");
    ok(&[
        "route",
        s(&office),
        "--schedule",
        s(&schedule),
        "-o",
        s(&routed),
    ]);
    assert_eq!(read(&out.join("office.schedule.csv")), read(&schedule));
    assert_eq!(
        read(&out.join("office.routed.tailplan.json")),
        read(&routed)
    );
}

#[test]
fn info_and_check_of_several_projects() {
    let (office, small) = (sample("office"), sample("small"));
    let (stdout, _) = ok(&["info", s(&office), s(&small), "--json"]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["file"], s(&small));
    assert_eq!(list[0]["floors"].as_array().unwrap().len(), 4);
    let (single, _) = ok(&["info", s(&small), "--json"]);
    let mut alone: Value = serde_json::from_str(&single).unwrap();
    alone["file"] = Value::from(s(&small));
    assert_eq!(list[1], alone);
    let (stdout, _) = ok(&["info", s(&office), s(&small)]);
    assert!(
        stdout.contains(&format!("==> {} <==\n", small.display())),
        "{stdout}"
    );

    // The office fails a design rule, the small floor does not: both are reported, exit 1.
    let o = tailplan(&["check", s(&small), s(&office)]);
    assert_eq!(o.status.code(), Some(1));
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(out.matches("==> ").count(), 2, "{out}");
    assert!(err.contains("design rule finding(s) fail"), "{err}");
    assert!(err.contains("tailplan: error: 1 of 2 failed"), "{err}");
    let o = tailplan(&["check", s(&small), s(&office), "--json"]);
    let v: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["errors"], 0);
}

#[test]
fn one_bad_project_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.tailplan.json");
    std::fs::write(&bad, "{\"format\": \"tailplan-project\", \"version\": }").unwrap();
    let out = dir.path().join("maps");
    let o = tailplan(&[
        "coverage",
        s(&bad),
        s(&sample("small")),
        "--all",
        "--out-dir",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains(&format!(
            "tailplan: error: {}: line 1, column 43",
            bad.display()
        )),
        "{err}"
    );
    assert!(err.ends_with("tailplan: error: 1 of 2 failed\n"), "{err}");
    assert!(out.join("small-0-5ghz.json").is_file());
}

#[test]
fn floors_without_transmitters_are_skipped_with_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: Value = serde_json::from_slice(&read(&sample("small"))).unwrap();
    let floor = v["floors"][0].as_object_mut().unwrap();
    floor.remove("access_points");
    floor.remove("gateways");
    let quiet = dir.path().join("quiet.tailplan.json");
    std::fs::write(&quiet, serde_json::to_string(&v).unwrap()).unwrap();
    let (stdout, stderr) = ok(&["coverage", s(&quiet), "--all"]);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("floor \"0\" has no access point or gateway: skipped"),
        "{stderr}"
    );
}

#[test]
fn sheet_sets_of_several_projects() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheets");
    let (stdout, _) = ok(&[
        "sheet",
        s(&sample("small")),
        s(&sample("office")),
        "--all",
        "--kind",
        "cabling",
        "--date",
        "2025-01-31",
        "-o",
        s(&out),
    ]);
    assert!(stdout.contains("sheet(s) in"), "{stdout}");
    let single = dir.path().join("single");
    ok(&[
        "sheet",
        s(&sample("small")),
        "--all",
        "--kind",
        "cabling",
        "--date",
        "2025-01-31",
        "-o",
        s(&single),
    ]);
    for e in std::fs::read_dir(&single).unwrap() {
        let name = e.unwrap().file_name();
        assert_eq!(
            read(&out.join("small").join(&name)),
            read(&single.join(&name))
        );
    }
    assert!(out.join("office/index.svg").is_file());
}

#[test]
fn batch_flags_that_cannot_work_are_refused() {
    let (office, small) = (sample("office"), sample("small"));
    let refused = |args: &[&str], says: &str| {
        let o = tailplan(args);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    };
    refused(
        &["coverage", s(&office), s(&small), "--out-json", "x.json"],
        "give --out-dir",
    );
    refused(
        &["coverage", s(&office), "--all", "--out-png", "x.png"],
        "give --out-dir",
    );
    refused(
        &["coverage", s(&office), "--all", "--floor", "1"],
        "cannot be used with",
    );
    refused(
        &["route", s(&office), s(&small), "--schedule", "s.csv"],
        "give --out-dir",
    );
    refused(
        &["sheet", s(&office), s(&small), "-o", "x.svg"],
        "give --all",
    );
    let dir = tempfile::tempdir().unwrap();
    let twin = dir.path().join("small.tailplan.json");
    std::fs::copy(&small, &twin).unwrap();
    refused(
        &["coverage", s(&small), s(&twin), "--out-dir", s(dir.path())],
        "would both write small-*",
    );
}
