//! `tailplan route` and `tailplan check` as a user runs them: real processes, real files.

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

/// Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn route_writes_a_schedule_whose_totals_match_the_bom() {
    let dir = tempfile::tempdir().unwrap();
    let out = |f: &str| dir.path().join(f);
    let o = tailplan(&[
        "route",
        s(&sample("office")),
        "-o",
        s(&out("routed.json")),
        "--schedule",
        s(&out("schedule.csv")),
        "--bom",
        s(&out("bom.csv")),
        "--json",
        s(&out("routing.json")),
        "--fill",
        s(&out("fill.csv")),
        "--rooms",
        s(&out("rooms.csv")),
        "--final-tail",
        s(&out("final-tail.csv")),
    ]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.starts_with("routed "), "{stdout}");

    let schedule = parse_csv(&std::fs::read_to_string(out("schedule.csv")).unwrap());
    assert_eq!(
        schedule[0][..10],
        [
            "cable_id", "from", "to", "floor", "medium", "drop_m", "tray_m", "riser_m", "slack_m",
            "total_m"
        ]
    );
    let mut by_medium = std::collections::BTreeMap::<String, (f64, usize)>::new();
    for row in &schedule[1..] {
        let parts: f64 = (5..9).map(|i| row[i].parse::<f64>().unwrap()).sum();
        let total: f64 = row[9].parse().unwrap();
        assert!((parts - total).abs() < 0.015, "{row:?}");
        let e = by_medium.entry(row[4].clone()).or_default();
        e.0 += total;
        e.1 += 1;
    }
    let bom = parse_csv(&std::fs::read_to_string(out("bom.csv")).unwrap());
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out("routing.json")).unwrap()).unwrap();
    let cables = report["bill_of_materials"]["cables"].as_array().unwrap();
    assert_eq!(cables.len(), by_medium.len());
    for q in cables {
        let medium = q["medium"].as_str().unwrap();
        let (metres, count) = by_medium[medium];
        assert_eq!(q["cables"].as_u64().unwrap() as usize, count);
        assert!(
            (q["length_m"].as_f64().unwrap() - metres).abs() < 0.01,
            "{medium}: schedule {metres} m"
        );
        let line = bom
            .iter()
            .find(|l| l[0] == format!("cable-{medium}"))
            .unwrap();
        let boxes: f64 = line[2].parse().unwrap();
        assert_eq!(boxes, (metres / 305.0).ceil(), "{medium}");
        assert!(line[1].contains(&format!("{metres:.2} m net")), "{line:?}");
    }
    assert_eq!(bom.last().unwrap()[0], "total");

    // The routed project opens and carries the automatic routes.
    let info = tailplan(&["info", s(&out("routed.json")), "--json"]);
    assert!(info.status.success());
    let routed = std::fs::read_to_string(out("routed.json")).unwrap();
    assert!(routed.contains("\"routing\": \"auto\""));
    for f in ["fill.csv", "rooms.csv", "final-tail.csv"] {
        let rows = parse_csv(&std::fs::read_to_string(out(f)).unwrap());
        assert!(rows.len() > 1, "{f}");
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{f}");
    }
}

#[test]
fn check_exits_1_on_failing_rules_0_on_a_clean_design_2_on_bad_input() {
    let o = tailplan(&["check", s(&sample("office"))]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("error[unserved]"), "{out}");
    // The sample's trays are sized for their cables: only the 16 far outlets' ports fail.
    assert!(!out.contains("[tray_fill]"), "{out}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("design rule finding(s) fail"));

    let o = tailplan(&["check", s(&sample("small")), "--json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"], 0);

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"tailplan-project\", \"version\": 1, \"floors\": 3}",
    )
    .unwrap();
    for cmd in ["check", "route"] {
        let o = tailplan(&[cmd, s(&bad)]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("bad.json") && !err.contains("panicked"),
            "{err}"
        );
    }
}

/// The campus sample: `route --json` has the distributors with their contract's members, the
/// schedule's backbone rows, the distributors CSV; `check --json` names the campus's rules
/// with hyphens and passes (warnings only).
#[test]
fn a_campus_routes_with_its_distributors_and_backbone() {
    let dir = tempfile::tempdir().unwrap();
    let out = |f: &str| dir.path().join(f);
    let o = tailplan(&[
        "route",
        s(&sample("campus")),
        "--json",
        s(&out("routing.json")),
        "--schedule",
        s(&out("schedule.csv")),
        "--distributors",
        s(&out("distributors.csv")),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("backbone: 3 fibre cable(s)"), "{stdout}");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out("routing.json")).unwrap()).unwrap();
    let distributors = json["distributors"].as_array().unwrap();
    assert_eq!(distributors.len(), 4);
    for d in distributors {
        for member in [
            "name",
            "role",
            "building",
            "floor",
            "ports_used",
            "switches",
            "switch_ports",
            "poe_w",
        ] {
            assert!(d.get(member).is_some(), "{member} missing from {d}");
        }
    }
    let roles: Vec<(&str, Option<&str>)> = distributors
        .iter()
        .map(|d| (d["role"].as_str().unwrap(), d["parent"].as_str()))
        .collect();
    assert_eq!(
        roles,
        [
            ("bd", Some("TR-B0")),
            ("fd", Some("TR-A0")),
            ("cd", None),
            ("fd", Some("TR-B0"))
        ]
    );
    let schedule = parse_csv(&std::fs::read_to_string(out("schedule.csv")).unwrap());
    let header = &schedule[0];
    let kind = header.iter().position(|h| h == "kind").unwrap();
    let backbone: Vec<&Vec<String>> = schedule[1..]
        .iter()
        .filter(|r| r[kind] == "backbone")
        .collect();
    assert_eq!(backbone.len(), 3);
    assert!(
        backbone
            .iter()
            .any(|r| r[0] == "A1A/A0A-01" && r[1] == "TR-A1" && r[2] == "TR-A0")
    );
    let d = parse_csv(&std::fs::read_to_string(out("distributors.csv")).unwrap());
    assert_eq!(
        d[0][..6],
        ["building", "floor", "id", "name", "role", "parent"]
    );
    assert_eq!(d.len(), 5);

    let o = tailplan(&["check", s(&sample("campus")), "--json"]);
    assert!(
        o.status.success(),
        "warnings only: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    let check: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = check.to_string();
    assert!(
        text.contains("\"rule\":\"horizontal-other-floor\""),
        "{text}"
    );
}

#[test]
fn scenarios_are_compared_as_json_and_csv_and_a_bad_file_is_refused_naming_the_member() {
    let dir = tempfile::tempdir().unwrap();
    let out = |f: &str| dir.path().join(f);
    // The built-in scenarios: all-copper routes every endpoint on Cat6A, as route would
    // with every device on copper; the contract's members are there.
    let o = tailplan(&[
        "scenarios",
        s(&sample("campus")),
        "--json",
        "--csv",
        s(&out("scenarios.csv")),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["currency"], "EUR");
    let names: Vec<&str> = json["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["as-drawn", "all-copper", "spe-sensors", "wireless-first"]
    );
    let totals = &json["scenarios"][1]["totals"];
    for member in [
        "ports",
        "cable_m",
        "unserved",
        "switches",
        "poe_w",
        "gateways",
        "aps",
        "capex",
        "energy_kwh_per_year",
    ] {
        assert!(
            totals.get(member).is_some(),
            "{member} missing from {totals}"
        );
    }
    for medium in ["cat6a", "spe", "fiber"] {
        assert!(totals["ports"].get(medium).is_some() && totals["cable_m"].get(medium).is_some());
    }
    assert_eq!(
        totals["ports"]["spe"], 0,
        "all copper: a count, not a number of metres"
    );
    assert!(
        json["scenarios"][0]["by_building"]
            .as_array()
            .unwrap()
            .len()
            == 2
    );
    assert!(
        !json["scenarios"][0]["by_distributor"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The route command's cable count, device media apart: as-drawn is the design as drawn.
    let route = tailplan(&["route", s(&sample("campus")), "--json", s(&out("r.json"))]);
    assert!(route.status.success());
    let r: Value = serde_json::from_str(&std::fs::read_to_string(out("r.json")).unwrap()).unwrap();
    let as_drawn = &json["scenarios"][0]["totals"]["ports"];
    let ports = as_drawn["cat6a"].as_u64().unwrap()
        + as_drawn["spe"].as_u64().unwrap()
        + as_drawn["fiber"].as_u64().unwrap();
    assert_eq!(
        ports as usize,
        r["routing"]["cables"].as_array().unwrap().len()
    );
    let csv = parse_csv(&std::fs::read_to_string(out("scenarios.csv")).unwrap());
    assert_eq!(csv[0][0], "scenario");
    assert_eq!(csv.len(), 5, "a header and four scenarios");

    // A file of its own: read, warned of a rule that matches nothing.
    std::fs::write(
        out("mine.json"),
        r#"{"scenarios": [{"name": "lights", "rules": [{"match": {"kind": "device", "class": "lighting"}, "medium": "spe"}]}]}"#,
    )
    .unwrap();
    let o = tailplan(&[
        "scenarios",
        s(&sample("campus")),
        "--scenarios",
        s(&out("mine.json")),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("matches nothing: no device of class \"lighting\""),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("lights"));

    // Phases: the plan, year by year, its costs adding up to the end.
    std::fs::write(
        out("phases.json"),
        r#"{"scenarios": [{"name": "x"}], "phases": [
            {"name": "A", "year": 2027, "buildings": ["A"], "scenario": "spe-sensors"},
            {"name": "B", "year": 2028, "buildings": ["B"], "scenario": "wireless-first", "after": ["A"]}]}"#,
    )
    .unwrap();
    let o = tailplan(&[
        "scenarios",
        s(&sample("campus")),
        "--scenarios",
        s(&out("phases.json")),
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let plan = &json["plan"];
    let years = plan["years"].as_array().unwrap();
    assert_eq!(years.len(), 2);
    assert_eq!(
        (years[0]["year"].as_u64(), years[1]["year"].as_u64()),
        (Some(2027), Some(2028))
    );
    let sum: f64 = years.iter().map(|y| y["capex"].as_f64().unwrap()).sum();
    let end = years[1]["totals"]["capex"].as_f64().unwrap();
    assert!((plan["start"]["capex"].as_f64().unwrap() + sum - end).abs() < 0.05);

    // A bad one: exit 2, the file and the member named.
    std::fs::write(
        out("bad.json"),
        r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "outlet"}, "medium": "wireless"}]}]}"#,
    )
    .unwrap();
    let o = tailplan(&[
        "scenarios",
        s(&sample("campus")),
        "--scenarios",
        s(&out("bad.json")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.json: ")
            && err.contains("scenarios[0].rules[0].medium: wireless is for devices"),
        "{err}"
    );
    let o = tailplan(&["scenarios", s(&sample("campus")), "--duty-cycle", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the duty cycle: 2 is out of range"));
}
