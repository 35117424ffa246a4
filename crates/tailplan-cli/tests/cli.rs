//! The `tailplan` command as a user runs it: real processes, real files, exit codes.

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

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs a command that must succeed, returning its stdout.
fn ok(args: &[&str]) -> String {
    let o = tailplan(args);
    assert!(
        o.status.success(),
        "tailplan {args:?} failed: {}",
        stderr(&o)
    );
    stdout(&o)
}

/// Runs a command that must fail on bad input: exit 2, one error line, no panic.
fn bad_input(args: &[&str]) -> String {
    let o = tailplan(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "tailplan {args:?}: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{err}"
    );
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("tailplan: error:"))
        .collect();
    assert_eq!(lines.len(), 1, "exactly one error line: {err}");
    lines[0].to_owned()
}

#[test]
fn sample_building_survives_export_then_import() {
    let dir = tempfile::tempdir().unwrap();
    let sample = workspace().join("floorplans/office.tailplan.json");
    let geo = dir.path().join("office.geojson");
    let back = dir.path().join("back.tailplan.json");
    ok(&["export", s(&sample), "--geojson", s(&geo)]);
    ok(&["import", s(&geo), "-o", s(&back)]);

    let original = project_file::from_json(&std::fs::read_to_string(&sample).unwrap())
        .unwrap()
        .0;
    let reimported = project_file::from_json(&std::fs::read_to_string(&back).unwrap())
        .unwrap()
        .0;
    assert_eq!(
        reimported, original,
        "import of the export differs from the project"
    );

    // Every feature comes back: export the re-imported project and compare feature by feature.
    let geo2 = dir.path().join("again.geojson");
    ok(&["export", s(&back), "--geojson", s(&geo2)]);
    let features = |p: &Path| -> Vec<Value> {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        v["features"].as_array().unwrap().clone()
    };
    let (a, b) = (features(&geo), features(&geo2));
    assert!(
        a.len() > 1000,
        "the sample building has {} features",
        a.len()
    );
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
}

#[test]
fn info_lists_floors_counts_and_extents() {
    let sample = workspace().join("floorplans/small.tailplan.json");
    let text = ok(&["info", s(&sample)]);
    assert!(text.contains("1 floor(s)"), "{text}");
    assert!(text.contains("floor \"0\""), "{text}");
    assert!(text.contains(" ap 2"), "{text}");
    let json: Value = serde_json::from_str(&ok(&["info", s(&sample), "--json"])).unwrap();
    let floor = &json["floors"][0];
    assert_eq!(floor["counts"]["ap"], 2);
    assert!(floor["bbox"]["width_m"].as_f64().unwrap() > 20.0);
}

#[test]
fn imdf_units_in_wgs84_import_to_plausible_metres() {
    let unit = workspace().join("../shared/floorplans/geojson/cpc4_imdf/unit.geojson");
    if !unit.exists() {
        eprintln!("skipped: {} is not on this machine", unit.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("unit.tailplan.json");
    let o = tailplan(&["import", s(&unit), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("WGS84"),
        "the import says it projected: {}",
        stderr(&o)
    );
    let json: Value = serde_json::from_str(&ok(&["info", s(&out), "--json"])).unwrap();
    let floor = &json["floors"][0];
    let (w, h) = (
        floor["bbox"]["width_m"].as_f64().unwrap(),
        floor["bbox"]["height_m"].as_f64().unwrap(),
    );
    // An office floor of 18 units: tens of metres, not degrees and not kilometres.
    assert!(
        (20.0..200.0).contains(&w) && (20.0..200.0).contains(&h),
        "{w} x {h} m"
    );
    assert_eq!(floor["counts"]["other"], 18);
    assert!(json["georef"]["origin_lat_deg"].as_f64().unwrap() > 52.0);
}

#[test]
fn malformed_input_exits_2_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let out = dir.path().join("out.json");

    let truncated = write(
        "truncated.geojson",
        br#"{"type": "FeatureCollection", "features": [{"type": "Feat"#,
    );
    let line = bad_input(&["import", s(&truncated), "-o", s(&out)]);
    assert!(line.contains("truncated.geojson: line 1, column"), "{line}");

    let bad_feature = write(
        "bad.geojson",
        br#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": "ok", "geometry": {"type": "Point", "coordinates": [1, 1]}, "properties": {"kind": "ap"}},
            {"type": "Feature", "id": "w7", "geometry": {"type": "Point", "coordinates": [1, 1]}, "properties": {"kind": "wall"}}]}"#,
    );
    let line = bad_input(&["import", s(&bad_feature), "-o", s(&out)]);
    assert!(
        line.contains("bad.geojson: features[1] (wall \"w7\"): a wall needs a LineString"),
        "{line}"
    );
    assert!(!out.exists(), "nothing is written on failure");

    let binary = write(
        "plan.dwg",
        &[0x41, 0x43, 0x31, 0x30, 0x33, 0x32, 0x00, 0xff, 0xfe, 0x80],
    );
    let line = bad_input(&["import", s(&binary), "-o", s(&out)]);
    assert!(line.contains("plan.dwg: not UTF-8 text"), "{line}");

    let missing = dir.path().join("missing.geojson");
    let line = bad_input(&["info", s(&missing)]);
    assert!(line.contains("missing.geojson"), "{line}");

    let project = write(
        "p.tailplan.json",
        br#"{"format": "tailplan-project", "version": 1, "floors": [{"id": "0"}]}"#,
    );
    let line = bad_input(&["info", s(&project)]);
    assert!(
        line.contains("p.tailplan.json: floors[0]: missing field `name`"),
        "{line}"
    );
}

#[test]
fn import_output_is_a_valid_project_and_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.geojson");
    std::fs::write(
        &plan,
        r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [10, 0]]}, "properties": {"kind": "wall", "material": "brick"}}]}"#,
    )
    .unwrap();
    let out = dir.path().join("p.json");
    std::fs::write(&out, "old").unwrap();
    // An existing -o is replaced only when asked (see tests/import.rs).
    let text = ok(&["import", s(&plan), "-o", s(&out), "--force"]);
    assert!(text.contains("1 wall"), "{text}");
    let (p, _) = project_file::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(p.floors[0].walls.len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn plan_channels_proposes_writes_the_plan_and_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let office = workspace().join("floorplans/office.tailplan.json");
    let text = ok(&["plan-channels", s(&office), "--floor", "2"]);
    assert!(text.starts_with("floor \"2\", 5 GHz (ETSI):"), "{text}");
    assert!(text.contains("pairs on overlapping channels heard above -82 dBm:"));
    let plan: Value = serde_json::from_str(&ok(&[
        "plan-channels",
        s(&office),
        "--floor",
        "2",
        "--json",
    ]))
    .unwrap();
    let before = plan["conflicts_before"].as_u64().unwrap();
    let after = plan["conflicts_after"].as_u64().unwrap();
    assert!(after <= before, "{after} > {before}");
    assert_eq!(plan["domain"], "etsi");
    // Written into a copy of the project: planned again, it changes nothing.
    let out = dir.path().join("planned.tailplan.json");
    ok(&["plan-channels", s(&office), "--floor", "2", "-o", s(&out)]);
    let again: Value =
        serde_json::from_str(&ok(&["plan-channels", s(&out), "--floor", "2", "--json"])).unwrap();
    assert_eq!(again["changed"], 0);
    assert_eq!(again["conflicts_before"], plan["conflicts_after"]);
    // Bad options, named as typed.
    assert_eq!(
        bad_input(&[
            "plan-channels",
            s(&office),
            "--floor",
            "2",
            "--band",
            "2.4",
            "--width",
            "80"
        ]),
        "tailplan: error: --width 80: must be a 2.4 GHz channel width: 20 to 40 MHz"
    );
    assert!(
        bad_input(&[
            "plan-channels",
            s(&office),
            "--floor",
            "2",
            "--channels",
            "36,7"
        ])
        .contains("--channels 7: is not a 5 GHz channel")
    );
}

#[test]
fn capacity_counts_clients_per_radio_and_flags_the_overloaded() {
    let dir = tempfile::tempdir().unwrap();
    let office = workspace().join("floorplans/office.tailplan.json");
    let text = ok(&["capacity", s(&office), "--floor", "1", "--cell", "1"]);
    assert!(text.starts_with("floor \"1\": "), "{text}");
    assert!(text.contains("clients (rooms counted)"), "{text}");
    let json: Value = serde_json::from_str(&ok(&[
        "capacity",
        s(&office),
        "--floor",
        "1",
        "--cell",
        "1",
        "--json",
    ]))
    .unwrap();
    let floor = &json["floors"][0];
    assert_eq!(floor["floor"], "1");
    let radios = floor["radios"].as_array().unwrap();
    assert!(!radios.is_empty());
    let served: f64 = radios.iter().map(|r| r["clients"].as_f64().unwrap()).sum();
    let unserved = floor["unserved_clients"].as_f64().unwrap();
    let clients = floor["clients"].as_f64().unwrap();
    // Rounded to 0.01 each: the sum within the rounding.
    assert!(
        (served + unserved - clients).abs() < 0.01 * (radios.len() + 2) as f64,
        "{served} + {unserved} vs {clients}"
    );
    // A hall of 400 people in one room: its radio is over the limit, a finding says so.
    let mut project = project_file::from_json(&std::fs::read_to_string(&office).unwrap())
        .unwrap()
        .0;
    let f = project.floors.iter_mut().find(|f| f.id == "1").unwrap();
    f.rooms[0].people = Some(400.0);
    let crowded = dir.path().join("crowded.tailplan.json");
    std::fs::write(&crowded, project_file::to_json(&project)).unwrap();
    let out = dir.path().join("capacity.json");
    let text = ok(&[
        "capacity",
        s(&crowded),
        "--floor",
        "1",
        "--cell",
        "1",
        "--out",
        s(&out),
    ]);
    assert!(text.contains("OVER"), "{text}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let findings = saved["floors"][0]["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["rule"] == "radio_load"),
        "{findings:?}"
    );
    assert!(saved["over"].as_u64().unwrap() >= 1);
    assert_eq!(
        bad_input(&["capacity", s(&office), "--floor", "9"]),
        format!(
            "tailplan: error: {}: --floor 9: no such floor (floors: 0, 1, 2, 3)",
            office.display()
        )
    );
}

#[test]
fn place_aps_for_capacity_adds_access_points_for_a_crowd() {
    let dir = tempfile::tempdir().unwrap();
    let small = workspace().join("floorplans/small.tailplan.json");
    let mut project = project_file::from_json(&std::fs::read_to_string(&small).unwrap())
        .unwrap()
        .0;
    // The open-plan office of the small sample filled for an event.
    let open_plan = project.floors[0]
        .rooms
        .iter_mut()
        .find(|r| r.name.starts_with("Open plan"))
        .unwrap();
    open_plan.people = Some(150.0);
    let crowded = dir.path().join("crowded.tailplan.json");
    std::fs::write(&crowded, project_file::to_json(&project)).unwrap();
    let plain: Value = {
        let out = dir.path().join("plain.json");
        ok(&["place-aps", s(&crowded), "--out", s(&out)]);
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap()
    };
    assert!(plain.get("capacity").is_none());
    let out = dir.path().join("capacity.json");
    let text = ok(&["place-aps", s(&crowded), "--capacity", "--out", s(&out)]);
    assert!(text.contains("access point(s) added for them"), "{text}");
    let placed: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let c = &placed["capacity"];
    let added = c["added"].as_u64().unwrap() as usize;
    assert!(added >= 2, "{c}");
    assert!(
        c["busiest"].as_f64().unwrap() <= c["limit"].as_f64().unwrap(),
        "{c} {text}"
    );
    assert_eq!(placed["options"]["capacity"], true);
    assert_eq!(
        placed["proposals"].as_array().unwrap().len(),
        plain["proposals"].as_array().unwrap().len() + added
    );
}

#[test]
fn ap_models_lists_the_catalogue_an_access_point_may_name() {
    let text = ok(&["ap-models"]);
    assert!(
        text.starts_with("generic-tri-band-ceiling: Wi-Fi 6E tri-band ceiling AP"),
        "{text}"
    );
    assert!(text.contains("  radio 3: 6 GHz, 80 MHz, 16 dBm, antenna tailplan omni ceiling 4 dBi"));
    let json: Value = serde_json::from_str(&ok(&["ap-models", "--json"])).unwrap();
    let models = json.as_array().unwrap();
    assert_eq!(models.len(), tailplan_core::ap_models::catalogue().len());
    // Every model named in a GeoJSON access point opens with its radios.
    for m in models {
        let name = m["name"].as_str().unwrap();
        let radios = m["radios"].as_array().unwrap().len();
        assert!(radios >= 2, "{name}");
        assert!(m["poe_w"].as_f64().unwrap() > 0.0, "{name}");
    }
}

#[test]
fn antenna_add_puts_a_pattern_file_into_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("small.tailplan.json");
    std::fs::copy(workspace().join("floorplans/small.tailplan.json"), &project).unwrap();
    let file = workspace().join("tests/antennas/patch-5ghz.msi");
    let out = ok(&["antenna", "add", s(&project), s(&file)]);
    assert!(out.starts_with("added \""), "{out}");
    let p = project_file::from_json(&std::fs::read_to_string(&project).unwrap())
        .unwrap()
        .0;
    let pattern = p.antennas.iter().next().expect("a pattern in the library");
    assert!(out.contains(&pattern.name));
    assert_eq!(pattern.horizontal_db.len(), 360);
    // Again: replaced, not added twice; the list shows it and the built-in ones.
    let out = ok(&["antenna", "add", s(&project), s(&file)]);
    assert!(out.starts_with("replaced"), "{out}");
    let list = ok(&["antenna", "list", s(&project)]);
    assert!(list.lines().next().unwrap().contains(&pattern.name));
    assert!(list.contains("tailplan patch 70deg 8 dBi"));
    // A broken file: exit 2, the file and line named, the project untouched.
    let before = std::fs::read(&project).unwrap();
    let broken = dir.path().join("broken.msi");
    std::fs::write(&broken, "NAME x\nGAIN 3 dBi\nHORIZONTAL 360\n0 0\n").unwrap();
    let err = bad_input(&["antenna", "add", s(&project), s(&broken)]);
    assert!(err.contains("broken.msi"), "{err}");
    assert_eq!(std::fs::read(&project).unwrap(), before);
    // A plan that is no project file needs -o.
    let geojson = dir.path().join("plan.geojson");
    std::fs::write(&geojson, r#"{"type": "FeatureCollection", "features": []}"#).unwrap();
    assert!(bad_input(&["antenna", "add", s(&geojson), s(&file)]).contains("give -o"));
}
