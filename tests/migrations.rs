//! Project files of older format versions, committed in `tests/migrations/vN/` as those
//! versions wrote them, open in this version with nothing lost (issue 9: "a project file from
//! an older version opens").
//!
//! - `v1/office.tailplan.json` and `v1/small.tailplan.json`: the sample buildings as the
//!   generator wrote them in format 1 (routes by name). Opened now, each equals the sample
//!   this version generates, field for field, and routes to the same cables.
//! - `v1/names.tailplan.json`: written by hand in format 1 to hold what made version 1's
//!   by-name routes tricky: two outlets of one name, an access point whose id is another
//!   outlet's name, one port by `NAME/PORT`, rooms of one name on two floors, a route to a
//!   wireless device and one to nothing. Each route serves after the upgrade exactly what
//!   version 1's rules made it serve, and a rename no longer breaks it.
//! - `v2/office.tailplan.json` and `v2/small.tailplan.json`: the samples as format 2 wrote
//!   them (one radio's `band`, `channel`, `tx_dbm` on each access point). Opened now, each
//!   equals the sample this version generates, every access point with that one radio; the
//!   coverage summaries of the samples (`tests/coverage.rs`, snapshots) did not change with
//!   format 3, so the maps are the ones version 2 made.
//! - `v3/office.tailplan.json` and `v3/small.tailplan.json`: the samples as format 3 wrote them
//!   (before the campus), with `v3/*.schedule.csv`, their cable schedules as version 3's
//!   `tailplan route --schedule` wrote them: opened now, they route to the same horizontal
//!   cables, id for id and centimetre for centimetre, and get no backbone.

use std::path::PathBuf;

use tailplan_core::diagnostics::Severity;
use tailplan_core::project_file::{self, VERSION};
use tailplan_core::routing::{self, RouteSource, Rule};
use tailplan_core::{Edit, Element, Project};
use tailplan_samples::SAMPLES;
use tailplan_tests::workspace;

fn old_file(version: u32, name: &str) -> (String, PathBuf) {
    let path = workspace().join(format!("tests/migrations/v{version}/{name}"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (text, path)
}

/// Opens a committed old file: it must say which version it was and that it was upgraded.
fn open_old(version: u32, name: &str) -> Project {
    let (text, path) = old_file(version, name);
    assert!(
        text.contains(&format!("\"version\": {version},")),
        "{}: not a version {version} file",
        path.display()
    );
    let (project, notes) = project_file::from_json(&text)
        .unwrap_or_else(|e| panic!("{}: does not open: {e}", path.display()));
    let upgraded: Vec<&str> = notes
        .iter()
        .filter(|d| d.severity == Severity::Info && d.message.starts_with("upgraded from"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        upgraded.len(),
        (VERSION - version) as usize,
        "{}: one note per step: {upgraded:?}",
        path.display()
    );
    project
}

/// The sample as an older version's generator made it: rooms without the `category` the
/// capacity model reads (the generator has given the IMDF category of each room's use since
/// format 3; a file without one is as valid, and its rooms take the default density).
fn as_generated_before(mut project: Project) -> Project {
    for floor in &mut project.floors {
        for room in &mut floor.rooms {
            room.category = None;
        }
    }
    without_classes(project)
}

/// `project` as the samples were generated before their devices had classes (cameras,
/// access control, panels; old files have none, which reads as `sensor`).
fn without_classes(mut project: Project) -> Project {
    for floor in &mut project.floors {
        for device in &mut floor.devices {
            device.class = None;
        }
    }
    project
}

/// (route id, endpoint label, room id) of every hand-routed cable.
fn hand_cables(project: &Project) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = routing::route(project)
        .cables
        .into_iter()
        .filter_map(|c| match c.source {
            RouteSource::Hand { route_id } => Some((route_id, c.endpoint.label(), c.room_id)),
            RouteSource::Auto => None,
        })
        .collect();
    out.sort();
    out
}

#[test]
fn version_1_samples_open_as_this_version_generates_them() {
    for sample in &SAMPLES {
        let opened = open_old(1, sample.file_name);
        let current = as_generated_before((sample.build)());
        assert!(
            opened == current,
            "{}: the upgraded version 1 file differs from the sample",
            sample.file_name
        );
        // Saving writes this version, which reopens unchanged and without notes.
        let text = project_file::to_json(&opened);
        assert!(text.contains(&format!("\"version\": {VERSION},")));
        let (again, notes) = project_file::from_json(&text).unwrap();
        assert_eq!(again, opened);
        assert!(!notes.iter().any(|d| d.message.starts_with("upgraded")));
        let routed = routing::route(&opened);
        assert_eq!(routed.cables, routing::route(&current).cables);
        assert!(
            routed
                .cables
                .iter()
                .any(|c| matches!(c.source, RouteSource::Hand { .. })),
            "{}: its hand routes still serve their endpoints",
            sample.file_name
        );
    }
}

#[test]
fn version_2_samples_open_as_this_version_generates_them_with_the_same_maps() {
    use tailplan_core::coverage::{CoverageEngine, CoverageRequest};
    for sample in &SAMPLES {
        let opened = open_old(2, sample.file_name);
        let current = as_generated_before((sample.build)());
        assert!(
            opened == current,
            "{}: the upgraded version 2 file differs from the sample",
            sample.file_name
        );
        // Every access point has its one radio, as version 2 had it.
        let (text, _) = old_file(2, sample.file_name);
        let old: serde_json::Value = serde_json::from_str(&text).unwrap();
        for (f, floor) in opened.floors.iter().enumerate() {
            for (a, ap) in floor.access_points.iter().enumerate() {
                let was = &old["floors"][f]["access_points"][a];
                assert_eq!(ap.radios.len(), 1);
                let r = &ap.radios[0];
                assert_eq!(Some(r.band.as_str()), was["band"].as_str());
                assert_eq!(r.channel.map(u64::from), was["channel"].as_u64());
                assert_eq!(Some(r.tx_dbm), was["tx_dbm"].as_f64());
                assert_eq!((r.width_mhz, r.antenna.is_none()), (20, true));
            }
        }
        // The upgraded file maps as the sample does (the model itself is pinned by the
        // coverage tests and their snapshots).
        let floor = &opened.floors[0];
        if let Some(service) = tailplan_core::Service::default_for(floor) {
            let req = CoverageRequest::new(&floor.id, service).with_cell(1.0);
            let maps = CoverageEngine::new().heatmaps(&opened, &req).unwrap();
            let again = CoverageEngine::new().heatmaps(&current, &req).unwrap();
            assert_eq!(maps.best_rssi_dbm, again.best_rssi_dbm);
        }
    }
}

#[test]
fn version_1_routes_by_name_serve_what_they_served() {
    let project = open_old(1, "names.tailplan.json");
    let ends: Vec<(&str, &str, &str)> = project.floors[0]
        .routes
        .iter()
        .map(|r| (r.id.as_str(), r.from.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(
        ends,
        [
            // "O-1" named two outlets: version 1 served the first, o-1 (both its ports).
            ("r-outlet", "o-1", "tr-0"),
            ("r-port", "o-3/2", "tr-0"),
            // The access point "AP-1" has the id "O-3", which is also outlet o-3's name:
            // by id now, it is still the access point.
            ("r-ap", "O-3", "tr-1"),
            ("r-cam", "d-cam", "tr-0"),
            // No cable for a wireless device, no endpoint or room of these names: left as
            // they were, for routing to report.
            ("r-sensor", "SENSOR", "tr-0"),
            ("r-gone", "O-9", "TR-9"),
        ]
    );
    let expected = [
        ("r-ap", "AP-1", "tr-1"),
        ("r-cam", "CAM", "tr-0"),
        ("r-outlet", "O-1/1", "tr-0"),
        ("r-outlet", "O-1/2", "tr-0"),
        ("r-port", "O-3/2", "tr-0"),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()));
    assert_eq!(hand_cables(&project), expected);
    let findings: Vec<String> = routing::route(&project)
        .findings
        .iter()
        .filter(|f| f.rule == Rule::HandRoute)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        findings,
        [
            "floor \"0\", route \"r-sensor\": `from` \"SENSOR\" is a wireless device: it has no cable, the route is ignored",
            "floor \"0\", route \"r-gone\": `to` \"TR-9\" is the id or name of no telecom room: the route is ignored",
            // Messages name what the ids refer to.
            "floor \"0\", route \"r-ap\": its room \"TR\" is on floor \"1\": 3.50 m of riser added (the elevation difference)",
        ]
    );

    // Renaming the outlet, the access point and the rooms keeps every route (by name, as in
    // version 1, each of these renames would have cut one off).
    let mut renamed = project.clone();
    for id in ["o-1", "o-3", "O-3", "tr-0", "tr-1"] {
        let (_, element) = renamed.element(id).unwrap();
        let element = match element {
            Element::Outlet(mut o) => {
                o.name = format!("{}-renamed", o.name);
                Element::Outlet(o)
            }
            Element::AccessPoint(mut a) => {
                a.name = "AP-renamed".into();
                Element::AccessPoint(a)
            }
            Element::TelecomRoom(mut t) => {
                t.name = format!("{}-renamed", t.id);
                Element::TelecomRoom(t)
            }
            other => panic!("{id}: {other:?}"),
        };
        renamed.apply(Edit::ReplaceElement { element }).unwrap();
    }
    let served: Vec<(String, String)> = hand_cables(&renamed)
        .into_iter()
        .map(|(route, _, room)| (route, room))
        .collect();
    let before: Vec<(String, String)> = expected
        .iter()
        .map(|(route, _, room)| (route.clone(), room.clone()))
        .collect();
    assert_eq!(served, before);
}

#[test]
fn every_committed_old_file_opens() {
    let mut seen = 0;
    for version in 1..VERSION {
        let dir = workspace().join(format!("tests/migrations/v{version}"));
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| {
                panic!("{}: {e}: keep a file of every older version", dir.display())
            })
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".tailplan.json"))
            .collect();
        names.sort();
        assert!(!names.is_empty(), "no version {version} file");
        for name in names {
            open_old(version, &name);
            seen += 1;
        }
    }
    assert!(seen >= 3);
}

/// Version 4 (the campus) reads a version 3 file as one building of floor distributors: the
/// samples as format 3 wrote them open as generated now, and route to the very horizontal
/// cables version 3 routed (its schedules, written by `tailplan route --schedule` before the
/// campus, are committed beside them), with no backbone.
#[test]
fn version_3_samples_route_to_the_same_horizontal_cables() {
    for sample in &SAMPLES {
        let opened = open_old(3, sample.file_name);
        assert!(
            opened == without_classes((sample.build)()),
            "{}: the upgraded version 3 file differs from the sample",
            sample.file_name
        );
        let stem = sample.file_name.trim_end_matches(".tailplan.json");
        let (before, _) = old_file(3, &format!("{stem}.schedule.csv"));
        let routed = routing::route(&opened);
        assert!(routed.backbone.is_empty(), "{stem}: a backbone appeared");
        let now = tailplan_io::csv::schedule(&routed.schedule());
        let mut lines = now.split("\r\n");
        let header = lines.next().unwrap();
        assert_eq!(
            header.strip_suffix(",kind,duct_m"),
            before.split("\r\n").next()
        );
        let now_rows: Vec<&str> = lines
            .map(|l| l.strip_suffix(",horizontal,0.00").unwrap_or(l))
            .collect();
        let before_rows: Vec<&str> = before.split("\r\n").skip(1).collect();
        assert_eq!(now_rows.len(), before_rows.len(), "{stem}: cable count");
        for (a, b) in now_rows.iter().zip(&before_rows) {
            assert_eq!(a, b, "{stem}: a cable changed");
        }
    }
}
