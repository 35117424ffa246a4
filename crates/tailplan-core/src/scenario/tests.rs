//! The scenario file: what is read, and every refusal names the member.

use super::*;
use crate::campus::Building;
use crate::devices::{Device, IotTech, Medium};
use crate::floor::Floor;
use crate::geometry::Point;
use crate::project::Project;

const BUILTIN: &[&str] = &super::BUILTIN;

fn ok(text: &str) -> ScenarioFile {
    read(text, BUILTIN).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn refused(text: &str) -> String {
    match read(text, BUILTIN) {
        Ok(f) => panic!("{text} was read: {f:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_contract_reads() {
    let f = ok(r#"{"scenarios": [
        {"name": "spe-sensors",
         "rules": [{"match": {"kind": "device", "class": "sensor", "building": "A", "floor": "A1"}, "medium": "spe"},
                   {"match": {"kind": "device"}, "medium": "wireless", "tech": "lorawan"},
                   {"match": {"kind": "ap"}, "medium": "fiber"},
                   {"match": {"kind": "outlet"}, "medium": "cat6a"}],
         "prices": {"currency": "CHF", "cable_per_m": {"spe": 0.8}, "gateway": 300}},
        {"name": "as-is"}],
      "phases": [{"name": "first", "year": 2027, "buildings": ["A"], "scenario": "spe-sensors"},
                 {"year": 2028, "floors": ["B1"], "scenario": "all-copper", "after": ["first"]}]}"#);
    assert_eq!(f.scenarios.len(), 2);
    let r = &f.scenarios[0].rules;
    assert_eq!(
        (
            r[0].matches.kind,
            r[0].matches.class.as_deref(),
            r[0].medium
        ),
        (ScenarioKind::Device, Some("sensor"), Medium::Spe)
    );
    assert_eq!(
        (r[1].medium, r[1].tech),
        (Medium::Wireless, Some(IotTech::Lorawan))
    );
    assert!(f.scenarios[1].rules.is_empty() && f.scenarios[1].prices.is_none());
    assert_eq!(f.phases[1].after, ["first"]);
    // A byte-order mark is fine; written back, the file reads the same.
    let again = ok(&format!("\u{feff}{}", serde_json::to_string(&f).unwrap()));
    assert_eq!(again, f);
}

#[test]
fn each_mistake_is_refused_naming_its_member() {
    for (text, says) in [
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device"}, "medium": "copper"}]}]}"#,
            "scenarios[0].rules[0].medium: unknown variant `copper`",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "printer"}, "medium": "spe"}]}]}"#,
            "scenarios[0].rules[0].match.kind: unknown variant `printer`",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device", "klass": "s"}, "medium": "spe"}]}]}"#,
            "scenarios[0].rules[0].match.klass: unknown field `klass`, expected one of `kind`, `class`",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"medium": "spe"}]}]}"#,
            "scenarios[0].rules[0]: missing field `match`",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "outlet"}, "medium": "wireless"}]}]}"#,
            "scenarios[0].rules[0].medium: wireless is for devices (through gateways); an outlet is wired",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "ap", "class": "camera"}, "medium": "cat6a"}]}]}"#,
            "scenarios[0].rules[0].match.class: only devices have a class",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device"}, "medium": "spe", "tech": "ble"}]}]}"#,
            "scenarios[0].rules[0].tech: a technology is for medium \"wireless\", not \"spe\"",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device"}, "medium": "spe", "poe_w": 120}]}]}"#,
            "scenarios[0].rules[0].poe_w: 120 W is out of range: 0 to 90 W",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device"}, "medium": "wireless", "poe_w": 2}]}]}"#,
            "scenarios[0].rules[0].poe_w: a draw is for devices put on \"cat6a\" or \"spe\"",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "ap"}, "medium": "cat6a", "poe_w": 2}]}]}"#,
            "scenarios[0].rules[0].poe_w: a draw is for devices",
        ),
        (
            r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device"}, "medium": "spe", "poe_w": "a lot"}]}]}"#,
            "scenarios[0].rules[0].poe_w: invalid type: string \"a lot\", expected f64",
        ),
        (
            r#"{"scenarios": [{"name": "x"}, {"name": "x"}]}"#,
            "scenarios[1].name: \"x\" is the name of an earlier scenario",
        ),
        (
            r#"{"scenarios": [{"name": " "}]}"#,
            "scenarios[0].name: is empty",
        ),
        (r#"{"scenarios": []}"#, "scenarios: no scenario"),
        (
            r#"{"scenarios": [{"name": "x", "prices": {"cable_per_m": {"cat6a": -1}}}]}"#,
            "scenarios[0].prices.cable_per_m.cat6a: -1 is not a price",
        ),
        (
            r#"{"scenarios": [{"name": "x", "prices": {"cable_per_metre": 1}}]}"#,
            "scenarios[0].prices.cable_per_metre: is not a price; these are: ",
        ),
        (
            r#"{"scenarios": [{"name": "x", "prices": {"gateway": "cheap"}}]}"#,
            "scenarios[0].prices.gateway: invalid type: string \"cheap\", expected f64",
        ),
        (
            r#"{"scenarios": [{"name": "x", "prices": 5}]}"#,
            "scenarios[0].prices: must be an object",
        ),
        (
            r#"{"scenarios": [{"name": "x"}], "phases": [{"year": 2027, "buildings": ["A"], "scenario": "y"}]}"#,
            "phases[0].scenario: \"y\" is no scenario of the file nor a built-in one (as-drawn, all-copper",
        ),
        (
            r#"{"scenarios": [{"name": "x"}], "phases": [{"year": 20270, "buildings": ["A"], "scenario": "x"}]}"#,
            "phases[0].year: 20270 is not a year from 1900 to 2200",
        ),
        (
            r#"{"scenarios": [{"name": "x"}], "phases": [{"year": 2027, "scenario": "x"}]}"#,
            "phases[0]: moves nothing",
        ),
        (
            r#"{"scenarios": [{"name": "x"}], "phases": [{"year": 2027, "floors": ["1"], "scenario": "x", "after": ["later"]}]}"#,
            "phases[0].after[0]: \"later\" is no phase of the file",
        ),
        (
            r#"{"scenarios": [{"name": "x"}], "comment": 1}"#,
            "unknown field `comment`",
        ),
        (
            r#"{"scenarios": [{"name": "x"}]} {"#,
            "line 1, column 32: trailing characters",
        ),
        (
            r#"{"scenarios": [{"name": "x""#,
            "line 1, column 27: EOF while parsing",
        ),
    ] {
        let e = refused(text);
        assert!(e.contains(says), "{text}\n  said: {e}\n  want: {says}");
    }
}

#[test]
fn a_loop_of_phases_is_refused_with_the_loop() {
    let e = refused(
        r#"{"scenarios": [{"name": "x"}], "phases": [
            {"name": "a", "year": 2027, "floors": ["1"], "scenario": "x"},
            {"name": "b", "year": 2028, "floors": ["1"], "scenario": "x", "after": ["c"]},
            {"name": "c", "year": 2029, "floors": ["1"], "scenario": "x", "after": ["a", "b"]}]}"#,
    );
    assert!(e.contains("in a loop: b → c → b"), "{e}");
    // A phase after itself is a loop too.
    let e = refused(
        r#"{"scenarios": [{"name": "x"}], "phases": [{"name": "a", "year": 2027, "floors": ["1"], "scenario": "x", "after": ["a"]}]}"#,
    );
    assert!(e.contains("in a loop: a → a"), "{e}");
}

#[test]
fn hostile_files_are_refused_within_the_limits() {
    // Too big: refused before it is parsed.
    let big = format!(
        r#"{{"scenarios": [{{"name": "{}"}}]}}"#,
        "x".repeat(MAX_SCENARIO_FILE_BYTES)
    );
    assert!(refused(&big).contains("at most 1048576 are read"));
    // Too many scenarios, rules or phases: refused by count.
    let many = format!(
        r#"{{"scenarios": [{}]}}"#,
        (0..=MAX_SCENARIOS)
            .map(|i| format!(r#"{{"name": "s{i}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(refused(&many).contains("33 scenarios; at most 32"));
    let rules = format!(
        r#"{{"scenarios": [{{"name": "s", "rules": [{}]}}]}}"#,
        vec![r#"{"match": {"kind": "ap"}, "medium": "cat6a"}"#; MAX_RULES + 1].join(",")
    );
    assert!(refused(&rules).contains("scenarios[0].rules: 257 rules; at most 256"));
    // Deep nesting: the parser's recursion limit, not a stack overflow.
    let deep = format!(
        r#"{{"scenarios": [{{"name": "x", "prices": {}1{}}}]}}"#,
        "{\"a\":".repeat(10_000),
        "}".repeat(10_000)
    );
    assert!(
        refused(&deep).contains("recursion limit"),
        "{}",
        refused(&deep)
    );
    // Names that look like formulas or markup are text, and names are bounded.
    let f = ok(r#"{"scenarios": [{"name": "=HYPERLINK(\"x\")<script>"}]}"#);
    assert_eq!(f.scenarios[0].name, "=HYPERLINK(\"x\")<script>");
    let long = format!(r#"{{"scenarios": [{{"name": "{}"}}]}}"#, "é".repeat(129));
    assert!(refused(&long).contains("129 characters long; at most 128"));
    // Numbers JSON cannot give as prices.
    let e = refused(r#"{"scenarios": [{"name": "x", "prices": {"outlet": 1e999}}]}"#);
    assert!(e.contains("line 1, column 55: number out of range"), "{e}");
}

fn campus() -> Project {
    let mut p = Project::new();
    p.buildings.push(Building {
        id: "A".into(),
        name: "Building A".into(),
        footprint: None,
        props: Default::default(),
    });
    let mut f = Floor::new("A1", "A, level 1", 0.0);
    f.building = Some("A".into());
    f.devices.push(Device {
        id: "d1".into(),
        name: "S-1".into(),
        position: Point::new(1.0, 1.0),
        medium: Medium::Cat6a,
        tech: None,
        class: Some("camera".into()),
        poe_w: None,
        height_m: 2.5,
        props: Default::default(),
    });
    p.floors.push(f);
    p
}

#[test]
fn against_a_project_rules_that_match_nothing_are_warned_and_phases_must_exist() {
    let f = ok(r#"{"scenarios": [{"name": "x", "rules": [
        {"match": {"kind": "device", "class": "camera"}, "medium": "cat6a"},
        {"match": {"kind": "device", "class": "sensor", "building": "A"}, "medium": "spe"},
        {"match": {"kind": "ap"}, "medium": "fiber"},
        {"match": {"kind": "device", "building": "Z"}, "medium": "spe"},
        {"match": {"kind": "device", "floor": "A9"}, "medium": "spe"}]}],
      "phases": [{"year": 2027, "buildings": ["A", "Q"], "floors": ["A1", "Q1"], "scenario": "x"}]}"#);
    let d: Vec<String> = check(&f, &campus())
        .iter()
        .map(ToString::to_string)
        .collect();
    let want = [
        "scenarios[0].rules[1]: matches nothing: no device of class \"sensor\" in building \"A\"",
        "scenarios[0].rules[2]: matches nothing: no access point",
        "scenarios[0].rules[3]: the project has no building \"Z\"",
        "scenarios[0].rules[4]: the project has no floor \"A9\"",
        "phases[0].buildings[1]: the project has no building \"Q\"",
        "phases[0].floors[1]: the project has no floor \"Q1\"",
    ];
    assert_eq!(d.len(), want.len(), "{d:#?}");
    for (got, want) in d.iter().zip(want) {
        assert!(got.contains(want), "{got}\n  want: {want}");
    }
}
