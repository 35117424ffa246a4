//! Design sheets of every sample building: snapshots a reviewer can read (the small floor's
//! sheets in full, the office as a summary with a hash), every sheet valid XML with unique ids
//! and every symbol defined, text never under the minimum size, rendered by a real SVG
//! renderer (resvg) with the plan's walls where the scale puts them; hostile names come out as
//! text; a DXF export read back by tailplan's own DXF reader gives the same routes.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use tailplan_core::routing;
use tailplan_core::{Device, Medium, Point, Project, Room};
use tailplan_io::dxf::export::{export_floor, routes_layer};
use tailplan_io::import::{ImportOptions, import_file};
use tailplan_io::sheet::{self, Analysis, MIN_FONT_MM, Sheet, SheetKind, SheetOptions};
use tailplan_tests::{open, sample_name, sample_projects, workspace};

const DATE: &str = "2025-01-31";

fn sample(name: &str) -> Project {
    open(&workspace().join(format!("floorplans/{name}.tailplan.json")))
}

fn set_of(project: &Project) -> Vec<Sheet> {
    let analysis = Analysis::new(project, None);
    sheet::sheet_set(
        project,
        &analysis,
        &SheetKind::ALL,
        &SheetOptions::dated(DATE),
    )
    .expect("the set draws")
}

/// FNV-1a, 64 bits: a stable hash of a sheet for the summary snapshots.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Checks what every sheet must be: well-formed XML, unique ids, every `<use>` and `url(#)`
/// pointing at a definition, fonts no smaller than the minimum, Inkscape layers labelled.
fn check_valid(s: &Sheet) {
    let doc =
        roxmltree::Document::parse(&s.svg).unwrap_or_else(|e| panic!("{}: not XML: {e}", s.name));
    let mut ids = HashSet::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        if let Some(id) = n.attribute("id") {
            assert!(ids.insert(id.to_owned()), "{}: duplicate id {id}", s.name);
        }
        if let Some(size) = n.attribute("font-size") {
            let v: f64 = size.parse().expect("a number");
            assert!(v >= MIN_FONT_MM - 1e-9, "{}: font-size {v}", s.name);
        }
        assert_ne!(n.tag_name().name(), "script", "{}", s.name);
        for a in n.attributes() {
            assert!(!a.name().starts_with("on"), "{}: {}", s.name, a.name());
        }
    }
    let ns = "http://www.inkscape.org/namespaces/inkscape";
    let layers: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute((ns, "groupmode")) == Some("layer"))
        .collect();
    assert!(layers.len() >= 2, "{}", s.name);
    assert!(layers.iter().all(|l| l.attribute((ns, "label")).is_some()));
    for n in doc.descendants().filter(|n| n.is_element()) {
        let xlink = "http://www.w3.org/1999/xlink";
        if let Some(h) = n.attribute((xlink, "href")) {
            let id = h.strip_prefix('#').expect("a local reference");
            assert!(ids.contains(id), "{}: <use> of missing #{id}", s.name);
        }
        if let Some(c) = n.attribute("clip-path") {
            let id = c.trim_start_matches("url(#").trim_end_matches(')');
            assert!(ids.contains(id), "{}: clip-path of missing #{id}", s.name);
        }
    }
}

#[test]
fn small_sheets_in_full() {
    let project = sample("small");
    let sheets = set_of(&project);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["index", "cabling-0", "cabling-0-2", "coverage-0"]);
    for s in &sheets {
        check_valid(s);
        assert!(
            s.svg.contains(&format!("of {}<", sheets.len())),
            "{}",
            s.name
        );
        insta::assert_snapshot!(format!("sheet_small_{}", s.name), s.svg);
    }
    // A3 at 1:100, as the defaults say for a floor of 30 x 15 m.
    assert!(sheets[1].svg.contains("width=\"420mm\" height=\"297mm\""));
    assert!(sheets[1].svg.contains("SCALE 1:100 AT A3"));
}

/// What a sheet holds, for review: its size, the elements of each layer, the hash.
fn summary(s: &Sheet) -> String {
    let doc = roxmltree::Document::parse(&s.svg).expect("XML");
    let ns = "http://www.inkscape.org/namespaces/inkscape";
    let mut out = format!(
        "{} \"{}\" {} ({} KB, hash {:016x})\n",
        s.name,
        s.title,
        s.number,
        s.svg.len() / 1024,
        fnv(&s.svg)
    );
    for l in doc
        .descendants()
        .filter(|n| n.attribute((ns, "groupmode")) == Some("layer"))
    {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for n in l.descendants().filter(|n| n.is_element()) {
            *kinds.entry(n.tag_name().name()).or_default() += 1;
        }
        let kinds: Vec<String> = kinds
            .iter()
            .filter(|(k, _)| matches!(**k, "path" | "use" | "text" | "rect"))
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        out += &format!(
            "  {}: {}\n",
            l.attribute((ns, "label")).unwrap_or(""),
            kinds.join(", ")
        );
    }
    out
}

#[test]
fn office_sheets_summarised() {
    let project = sample("office");
    let sheets = set_of(&project);
    let mut text = String::new();
    for s in &sheets {
        check_valid(s);
        text += &summary(s);
    }
    // One paper for the set: A1 at 1:200 for 120 x 60 m floors.
    assert!(sheets.iter().all(|s| s.svg.contains("width=\"841mm\"")));
    assert!(sheets[1].svg.contains("SCALE 1:200 AT A1"));
    // Every cable of a floor is drawn on its cabling sheet, and listed in its schedule.
    let r = routing::route(&project);
    for f in &project.floors {
        let cabling: String = sheets
            .iter()
            .filter(|s| s.name.starts_with(&format!("cabling-{}", f.id)))
            .map(|s| s.svg.as_str())
            .collect();
        for c in r.cables.iter().filter(|c| c.floor == f.id) {
            assert!(
                cabling.contains(&format!(">{}<", c.id)),
                "floor {}: {} not in the schedule",
                f.id,
                c.id
            );
            assert!(
                cabling.contains(&format!("id=\"cable-{}\"", c.id)),
                "floor {}: {} not drawn",
                f.id,
                c.id
            );
        }
    }
    insta::assert_snapshot!("sheet_office_summary", text);
    // On these dense floors (about 300 labels on a cabling sheet) no two labels overlap.
    for s in sheets.iter().filter(|s| s.view.is_some()) {
        let boxes = label_boxes(s);
        assert!(boxes.len() > 30, "{}: {} labels", s.name, boxes.len());
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap = a.0 < b.0 + b.2 - 0.01
                    && b.0 < a.0 + a.2 - 0.01
                    && a.1 < b.1 + b.3 - 0.01
                    && b.1 < a.1 + a.3 - 0.01;
                assert!(!overlap, "{}: labels {a:?} and {b:?} overlap", s.name);
            }
        }
    }
}

/// The boxes (x, y, w, h) of a plan's labels: the white masks of its `labels` groups.
fn label_boxes(s: &Sheet) -> Vec<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(&s.svg).expect("XML");
    let num = |n: &roxmltree::Node, a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("labels"))
        .flat_map(|g| g.descendants().filter(|n| n.has_tag_name("rect")))
        .map(|r| {
            (
                num(&r, "x"),
                num(&r, "y"),
                num(&r, "width"),
                num(&r, "height"),
            )
        })
        .collect()
}

/// Renders a sheet at `px_per_mm` with resvg (text left out: no fonts are loaded).
fn render(s: &Sheet, px_per_mm: f32) -> resvg::tiny_skia::Pixmap {
    let tree = resvg::usvg::Tree::from_str(&s.svg, &resvg::usvg::Options::default())
        .unwrap_or_else(|e| panic!("{}: usvg: {e}", s.name));
    // usvg sizes the tree in CSS pixels (96 per inch); the sheet is in millimetres.
    let k = px_per_mm * 25.4 / 96.0;
    let size = tree.size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(
        (size.width() * k).ceil() as u32,
        (size.height() * k).ceil() as u32,
    )
    .expect("a pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(k, k),
        &mut pixmap.as_mut(),
    );
    pixmap
}

fn dark(p: &resvg::tiny_skia::Pixmap, x: i64, y: i64) -> bool {
    let c = p.pixel(x as u32, y as u32).expect("inside the picture");
    // Walls of concrete (#4a4f55) on white paper.
    u32::from(c.red()) + u32::from(c.green()) + u32::from(c.blue()) < 3 * 110
}

/// Scans `n` pixels from `from` in steps of `step` for the dark run; returns its first and last
/// pixel along the scan.
fn dark_run(
    p: &resvg::tiny_skia::Pixmap,
    from: (i64, i64),
    step: (i64, i64),
    n: i64,
) -> (i64, i64) {
    let mut first = None;
    let mut last = None;
    for i in 0..n {
        let (x, y) = (from.0 + i * step.0, from.1 + i * step.1);
        if dark(p, x, y) {
            first.get_or_insert(i);
            last = Some(i);
        }
    }
    (first.expect("a dark run"), last.expect("a dark run"))
}

/// The outer walls of the sample's floor land where the scale says: the west wall's faces at
/// x = ±0.15 m, the east wall's at 30 m ± 0.15, the south wall's at y = ±0.15 m, within two
/// pixels at 4 px/mm (0.5 mm of paper, 5 cm of building at 1:100).
fn check_walls_land(s: &Sheet) {
    const PX: f64 = 4.0;
    let view = s.view.expect("a plan");
    assert_eq!(view.k, 10.0, "1:100");
    let pixmap = render(s, PX as f32);
    let px = |p: Point| {
        let (x, y) = view.p(p);
        ((x * PX).round() as i64, (y * PX).round() as i64)
    };
    // West wall, scanning east along y = 3 m from 5 mm outside.
    let (x0, y) = px(Point::new(-0.5, 3.0));
    let (a, b) = dark_run(&pixmap, (x0, y), (1, 0), 40);
    let (wa, _) = px(Point::new(-0.15, 3.0));
    let (wb, _) = px(Point::new(0.15, 3.0));
    assert!(
        (x0 + a - wa).abs() <= 2,
        "{}: west face {} vs {wa}",
        s.name,
        x0 + a
    );
    assert!(
        (x0 + b - wb).abs() <= 2,
        "{}: west face {} vs {wb}",
        s.name,
        x0 + b
    );
    // East wall: 30 m further on, so the scale is right as well as the origin.
    let (x0, y) = px(Point::new(29.5, 3.0));
    let (a, b) = dark_run(&pixmap, (x0, y), (1, 0), 40);
    let (ea, _) = px(Point::new(29.85, 3.0));
    let (eb, _) = px(Point::new(30.15, 3.0));
    assert!(
        (x0 + a - ea).abs() <= 2,
        "{}: east face {} vs {ea}",
        s.name,
        x0 + a
    );
    assert!(
        (x0 + b - eb).abs() <= 2,
        "{}: east face {} vs {eb}",
        s.name,
        x0 + b
    );
    // South wall, scanning north (up the paper) at x = 0.75 m.
    let (x, y0) = px(Point::new(0.75, -0.5));
    let (a, b) = dark_run(&pixmap, (x, y0), (0, -1), 40);
    let (_, sa) = px(Point::new(0.75, -0.15));
    let (_, sb) = px(Point::new(0.75, 0.15));
    assert!(
        (y0 - a - sa).abs() <= 2,
        "{}: south face {} vs {sa}",
        s.name,
        y0 - a
    );
    assert!(
        (y0 - b - sb).abs() <= 2,
        "{}: south face {} vs {sb}",
        s.name,
        y0 - b
    );
}

#[test]
fn rendered_by_resvg_with_the_plan_to_scale() {
    let project = sample("small");
    let sheets = set_of(&project);
    for s in &sheets {
        let pixmap = render(s, 1.0);
        // Something is drawn: not a blank page.
        let inked = pixmap.pixels().iter().filter(|c| c.red() < 200).count();
        assert!(inked > 1000, "{}: {inked} dark pixels", s.name);
        if s.view.is_some() {
            check_walls_land(s);
        }
    }
    // The office's sheets render too (A1, every route), at a coarse resolution.
    let office = sample("office");
    let analysis = Analysis::new(&office, Some(&["2"]));
    for kind in SheetKind::ALL {
        for s in sheet::floor_sheets(&office, &analysis, "2", kind, &SheetOptions::dated(DATE))
            .expect("office sheets")
        {
            let pixmap = render(&s, 0.5);
            let inked = pixmap.pixels().iter().filter(|c| c.red() < 240).count();
            assert!(inked > 1000, "{}: {inked} inked pixels", s.name);
        }
    }
}

#[test]
fn hostile_names_come_out_as_text() {
    let evil = "<script>alert(1)</script>";
    let mut project = sample("small");
    project.meta.name = format!("Tower \"A\" & {evil}");
    project.meta.drawn_by = "O'Brien <ob@example.com>".into();
    let f = &mut project.floors[0];
    f.name = format!("Floor ]]> {evil}");
    f.devices.push(Device {
        id: evil.into(),
        name: evil.into(),
        position: Point::new(20.0, 10.0),
        medium: Medium::Cat6a,
        tech: None,
        class: None,
        poe_w: None,
        height_m: 1.0,
        props: Default::default(),
    });
    f.rooms[0].name = format!("R&D \u{1} {evil}");
    f.telecom_rooms[0].name = "<b>TR</b>".into();
    f.trays[0].name = "\"tray\" onload=\"x\"".into();
    let extra = Room {
        id: "x\"><svg onload=alert(1)>".into(),
        ..f.rooms[1].clone()
    };
    f.rooms[1] = extra;
    let sheets = set_of(&project);
    for s in &sheets {
        check_valid(s);
        assert!(!s.svg.contains("<script"), "{}", s.name);
        assert!(!s.svg.contains("<svg onload"), "{}", s.name);
    }
    let cabling = &sheets[1];
    let doc = roxmltree::Document::parse(&cabling.svg).expect("XML");
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect();
    assert!(texts.iter().any(|t| t == evil), "the device's name as text");
    assert!(texts.iter().any(|t| t == "<b>TR</b>"));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("R&D") && t.ends_with(evil))
    );
    assert!(doc.descendants().any(|n| {
        n.has_tag_name("title")
            && n.text()
                .is_some_and(|t| t.starts_with("Tower \"A\" & <script>"))
    }));
}

/// The routes of a floor, exported to DXF and read back by the DXF importer: the same
/// polylines, vertex by vertex within 1 mm.
fn check_dxf_round_trip(path: &Path, floor_id: &str) {
    let name = sample_name(path);
    let project = open(path);
    let r = routing::route(&project);
    let bytes = export_floor(&project, &r, floor_id, Some(DATE)).expect("the DXF writes");
    let mut options = ImportOptions::named(format!("{name}.dxf"));
    options.layers = "TP-ROUTES-*=ignore".parse().expect("a layer map");
    let back = import_file(&format!("{name}.dxf"), &bytes, &options).expect("the DXF reads");
    assert_eq!(
        back.report.units.split(' ').next(),
        Some("m"),
        "$INSUNITS metres"
    );
    let floor = &back.project.floors[0];
    let mut read: BTreeMap<String, Vec<Vec<Point>>> = BTreeMap::new();
    for u in &floor.underlays {
        if let tailplan_core::UnderlayKind::Vector { layers } = &u.kind {
            for l in layers {
                read.entry(l.name.clone())
                    .or_default()
                    .extend(l.lines.clone());
            }
        }
    }
    let mut expected: BTreeMap<String, Vec<Vec<Point>>> = BTreeMap::new();
    for c in &r.cables {
        for part in c
            .path
            .iter()
            .filter(|p| p.floor == floor_id && p.points.len() >= 2)
        {
            expected
                .entry(routes_layer(&c.room))
                .or_default()
                .push(part.points.clone());
        }
    }
    assert!(!expected.is_empty(), "{name}: routes on floor {floor_id}");
    for (layer, routes) in &expected {
        let got = read
            .get(layer)
            .unwrap_or_else(|| panic!("{name}: no layer {layer}"));
        assert_eq!(got.len(), routes.len(), "{name}: {layer}");
        for (i, (a, b)) in routes.iter().zip(got).enumerate() {
            assert_eq!(a.len(), b.len(), "{name}: {layer} route {i}");
            for (p, q) in a.iter().zip(b) {
                assert!(
                    p.distance(*q) <= 0.001 + 1e-9,
                    "{name}: {layer} route {i}: {p:?} vs {q:?}"
                );
            }
        }
    }
    // Trays come back too, and the walls as walls.
    assert!(
        read.get("TP-TRAYS").is_some_and(|t| !t.is_empty()),
        "{name}"
    );
    assert!(!floor.walls.is_empty(), "{name}");
}

#[test]
fn dxf_export_reads_back_the_same_routes() {
    for path in sample_projects() {
        let project = open(&path);
        // The small floor, and one floor of the office (hundreds of routes).
        let id = project.floors[project.floors.len() / 2].id.clone();
        check_dxf_round_trip(&path, &id);
    }
}

#[test]
fn a_scale_that_does_not_fit_is_refused_with_what_to_do() {
    let project = sample("office");
    let analysis = Analysis::routing(&project);
    let options = SheetOptions {
        paper: Some("A3".parse().expect("paper")),
        scale: Some("1:100".parse().expect("scale")),
        date: DATE.into(),
    };
    let e = sheet::floor_sheets(&project, &analysis, "0", SheetKind::Cabling, &options)
        .expect_err("too big");
    assert!(
        e.to_string().contains("larger paper or a smaller scale"),
        "{e}"
    );
    let e = sheet::floor_sheets(&project, &analysis, "9", SheetKind::Cabling, &options)
        .expect_err("no such floor");
    assert!(e.to_string().contains("floors: 0, 1, 2, 3"), "{e}");
}

#[test]
fn coverage_of_an_iot_floor_and_of_a_floor_without_transmitters() {
    let mut project = sample("small");
    project.floors[0].access_points.clear();
    let analysis = Analysis::new(&project, None);
    let options = SheetOptions::dated(DATE);
    let sheets =
        sheet::floor_sheets(&project, &analysis, "0", SheetKind::Coverage, &options).unwrap();
    check_valid(&sheets[0]);
    assert_eq!(sheets[0].title, "Ground floor: coverage, BLE");
    assert!(sheets[0].svg.contains("IoT gateways") && sheets[0].svg.contains("Coverage heatmap"));

    project.floors[0].gateways.clear();
    let analysis = Analysis::new(&project, None);
    let sheets =
        sheet::floor_sheets(&project, &analysis, "0", SheetKind::Coverage, &options).unwrap();
    check_valid(&sheets[0]);
    assert!(!sheets[0].svg.contains("Coverage heatmap"));
    assert!(
        sheets[0]
            .svg
            .contains("No coverage drawn: the floor has no access point or gateway.")
    );
}

// --- The riser diagram and the rack maps, on the campus of routing/campus_tests.rs ---------

mod campus_fixture {
    //! The hand-built campus of `tailplan-core`'s `routing/campus_tests.rs`: building A
    //! (A0 with the BD, A1 with an FD, A2 without one), building B (B0 with the CD, B1 with
    //! an FD), risers R1 in both, a duct between them.

    use tailplan_core::campus::{Building, DistributorRole, Duct};
    use tailplan_core::{
        AccessPoint, Floor, Outlet, Point, Polygon, Project, Props, Riser, TelecomRoom, Tray,
    };

    fn tray(id: &str, x0: f64, x1: f64) -> Tray {
        Tray {
            id: id.into(),
            name: id.to_uppercase(),
            points: vec![Point::new(x0, 0.0), Point::new(x1, 0.0)],
            capacity: None,
            width_mm: Some(300.0),
            depth_mm: Some(60.0),
            height_m: None,
            props: Props::new(),
        }
    }

    fn riser(id: &str, x: f64) -> Riser {
        Riser {
            id: id.into(),
            name: "R1".into(),
            position: Point::new(x, 0.0),
            props: Props::new(),
        }
    }

    pub fn room(id: &str, x: f64, role: DistributorRole) -> TelecomRoom {
        TelecomRoom {
            id: id.into(),
            name: id.to_uppercase(),
            position: Point::new(x, 0.0),
            outline: None,
            ports: 96,
            poe_budget_w: None,
            role,
            switch_model: None,
            switches: None,
            props: Props::new(),
        }
    }

    fn outlet(id: &str, x: f64) -> Outlet {
        Outlet {
            id: id.into(),
            name: id.to_uppercase(),
            position: Point::new(x, 1.0),
            ports: 1,
            height_m: 0.3,
            props: Props::new(),
        }
    }

    pub fn ap(id: &str, x: f64) -> AccessPoint {
        AccessPoint {
            id: id.into(),
            name: id.to_uppercase(),
            position: Point::new(x, 1.0),
            model: None,
            radios: vec![tailplan_core::Radio::new(
                tailplan_core::WifiBand::Ghz5,
                20.0,
            )],
            height_m: 2.5,
            poe_w: Some(25.5),
            eirp_offset_db: None,
            props: Props::new(),
        }
    }

    fn floor(b: &str, level: u32, x0: f64) -> Floor {
        let id = format!("{b}{level}");
        let mut f = Floor::new(&id, &id, f64::from(level) * 3.5);
        f.building = Some(b.into());
        f.trays.push(tray(&format!("t-{id}"), x0, x0 + 40.0));
        f.risers.push(riser(&format!("r-{id}"), x0 + 40.0));
        f.outlets.push(outlet(&format!("o-{id}"), x0 + 20.0));
        f
    }

    pub fn campus() -> Project {
        let mut a0 = floor("A", 0, 0.0);
        a0.telecom_rooms
            .push(room("bd-a", 0.0, DistributorRole::Bd));
        let mut a1 = floor("A", 1, 0.0);
        a1.telecom_rooms
            .push(room("fd-a1", 0.0, DistributorRole::Fd));
        a1.access_points.push(ap("ap-a1", 10.0));
        let a2 = floor("A", 2, 0.0);
        let mut b0 = floor("B", 0, 200.0);
        b0.telecom_rooms
            .push(room("cd", 200.0, DistributorRole::Cd));
        let mut b1 = floor("B", 1, 200.0);
        b1.telecom_rooms
            .push(room("fd-b1", 200.0, DistributorRole::Fd));
        let rect = |x0: f64| {
            Some(Polygon::rect(
                Point::new(x0 - 5.0, -10.0),
                Point::new(x0 + 45.0, 10.0),
            ))
        };
        Project {
            buildings: vec![
                Building {
                    id: "A".into(),
                    name: "Alpha".into(),
                    footprint: rect(0.0),
                    props: Props::new(),
                },
                Building {
                    id: "B".into(),
                    name: "Beta".into(),
                    footprint: rect(200.0),
                    props: Props::new(),
                },
            ],
            floors: vec![a0, a1, a2, b0, b1],
            ducts: vec![Duct {
                id: "d1".into(),
                name: "D1".into(),
                points: vec![
                    Point::new(10.0, 3.0),
                    Point::new(120.0, 20.0),
                    Point::new(210.0, 3.0),
                ],
                capacity: Some(4),
                props: Props::new(),
            }],
            ..Project::default()
        }
    }
}

fn riser_set(project: &Project) -> Vec<Sheet> {
    let analysis = Analysis::routing(project);
    sheet::riser_sheets(project, &analysis, &SheetOptions::dated(DATE)).expect("riser sheets")
}

/// The texts of a sheet, as a reader sees them.
fn texts(s: &Sheet) -> Vec<String> {
    let doc = roxmltree::Document::parse(&s.svg).expect("XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn riser_diagram_and_rack_maps_of_the_campus() {
    let project = campus_fixture::campus();
    let r = routing::route(&project);
    let sheets = riser_set(&project);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "riser-campus",
            "riser-A",
            "riser-B",
            "rack-A0A",
            "rack-A1A",
            "rack-B0A",
            "rack-B1A"
        ]
    );
    for s in &sheets {
        check_valid(s);
        assert!(s.view.is_none(), "{}: not to scale", s.name);
        assert!(s.svg.contains("Not to scale"), "{}", s.name);
        insta::assert_snapshot!(format!("sheet_campus_{}", s.name), s.svg);
    }
    // Every backbone id, distributor and floor is on the campus diagram, and the floor
    // without a distributor says who serves it.
    let campus = texts(&sheets[0]).join("\n");
    assert_eq!(r.backbone.len(), 3);
    for b in &r.backbone {
        assert!(campus.contains(&b.id), "{}", b.id);
        assert!(
            campus.contains(&format!(
                "{} · {:.1} m · 12 × {}",
                b.id,
                b.lengths.total_m,
                b.fibre.as_str().to_uppercase()
            )),
            "{}",
            b.id
        );
    }
    for d in &r.distributors {
        assert!(campus.contains(&d.name), "{}", d.name);
    }
    for f in &project.floors {
        assert!(campus.lines().any(|l| l == f.id), "{}", f.id);
    }
    assert!(
        campus.contains("served by FD-A1 on A1 (1 cable)"),
        "{campus}"
    );
    assert!(campus.contains("CD") && campus.contains("BD") && campus.contains("FD"));
    // A building's diagram shows its own distributors and the cable leaving it.
    let a = texts(&sheets[1]).join("\n");
    assert!(a.contains("BD-A") && !a.contains("FD-B1"), "{a}");
    assert!(a.contains("to CD (Beta)"), "{a}");
    // The rack map of FD-A1: its ports, the switch port of each, its fibre uplink.
    let rack = texts(&sheets[4]).join("\n");
    for c in r.cables.iter().filter(|c| c.room_id == "fd-a1") {
        assert!(rack.contains(&c.id) && rack.contains(&c.endpoint.label()));
    }
    assert!(rack.contains("A1A/A0A-01") && rack.contains("uplink to"));
    assert!(rack.contains("A 1–6"), "{rack}");
    assert!(rack.contains("SW1"));
}

#[test]
fn riser_sheets_join_a_set_only_with_a_backbone() {
    let project = campus_fixture::campus();
    let sheets = set_of(&project);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    let first_riser = names.iter().position(|n| *n == "riser-campus").unwrap();
    // After every floor's sheets; listed in the index's drawing register.
    assert!(names[..first_riser].iter().all(|n| !n.starts_with("rack")));
    assert!(names[first_riser..].iter().all(|n| n.starts_with("r")));
    let index = texts(&sheets[0]).join("\n");
    assert!(index.contains("TP-RSR-CAMPUS") && index.contains("TP-RCK-A1A"));
    // Floor distributors in one building: no riser sheets in the set, but asked for, one.
    let small = sample("small");
    assert!(!set_of(&small).iter().any(|s| s.name.starts_with("riser")));
    let alone = riser_set(&small);
    assert_eq!(alone[0].name, "riser");
    check_valid(&alone[0]);
    assert!(
        texts(&alone[0])
            .iter()
            .any(|t| t.contains("No backbone cable"))
    );
}

#[test]
fn riser_sheets_keep_hostile_names_as_text() {
    let evil = "<script>alert(1)</script>";
    let mut project = campus_fixture::campus();
    project.buildings[0].name = format!("A & \"B\" {evil}");
    project.floors[1].telecom_rooms[0].name = format!("FD 'x' {evil}");
    project.floors[2].name = format!("Top & {evil}");
    for s in riser_set(&project) {
        check_valid(&s);
        assert!(!s.svg.contains("<script"), "{}", s.name);
        let t = texts(&s);
        if s.name == "riser-campus" {
            assert!(t.iter().any(|t| t == &format!("A & \"B\" {evil}")), "{t:?}");
            assert!(t.iter().any(|t| t.starts_with("FD 'x' <script>")), "{t:?}");
        }
    }
}

#[test]
fn riser_sheets_render_with_resvg() {
    for s in riser_set(&campus_fixture::campus()) {
        let pixmap = render(&s, 1.0);
        let inked = pixmap.pixels().iter().filter(|c| c.red() < 200).count();
        assert!(inked > 1000, "{}: {inked} dark pixels", s.name);
    }
}

/// The text of the title block's BUILDING field.
fn title_block_building(s: &Sheet) -> String {
    let at = s.svg.find(">BUILDING</text>").expect("a title block");
    let rest = &s.svg[at..];
    let start = rest[1..].find("<text").unwrap() + 1;
    let text = &rest[start..];
    let open = text.find('>').unwrap() + 1;
    text[open..text.find("</text>").unwrap()].to_owned()
}

#[test]
fn a_campus_sheet_names_its_own_building() {
    let campus = sample("campus");
    let sheets = set_of(&campus);
    let by_name = |name: &str| {
        sheets
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    // A floor's sheets and its building's riser and rack sheets name that building; the
    // index and the campus diagram, the project's buildings as a whole.
    for (name, building) in [
        ("cabling-A1", "Building A"),
        ("coverage-B0", "Building B"),
        ("riser-B", "Building B"),
        ("rack-A0A", "Building A"),
        ("index", campus.meta.building.as_str()),
        ("riser-campus", campus.meta.building.as_str()),
    ] {
        assert_eq!(title_block_building(by_name(name)), building, "{name}");
    }
    assert_ne!(campus.meta.building, "Building A");
}

// --- The scenario comparison ---------------------------------------------------------------

#[test]
fn scenario_comparison_of_the_office() {
    use tailplan_core::scenario::{self, EnergyOptions};
    use tailplan_io::sheet::ScenarioComparison;

    let project = tailplan_samples::office_building();
    let energy = EnergyOptions::default();
    let scenarios = scenario::compare(&project, None, &energy).expect("the built-in scenarios");
    let comparison = ScenarioComparison {
        scenarios: &scenarios,
        currency: &project.settings.prices.currency,
        plan: None,
        energy,
        warnings: &[],
    };
    let s = sheet::scenario_sheet(&project.meta, &comparison, &SheetOptions::dated(DATE));
    check_valid(&s);
    assert!(s.view.is_none() && s.svg.contains("Not to scale"));
    assert!(s.svg.contains("width=\"420mm\" height=\"297mm\""));
    // Every scenario by name, its capex and energy as text, as `tailplan scenarios` has them.
    let texts = texts(&s);
    let has = |t: &str| texts.iter().any(|x| x == t);
    for r in &scenarios {
        assert!(has(&r.name), "{}", r.name);
        let grouped = |v: f64| {
            let digits = format!("{:.0}", v.round());
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            out
        };
        assert!(has(&grouped(r.totals.capex.unwrap())), "{}", r.name);
        assert!(has(&grouped(r.totals.energy_kwh_per_year)), "{}", r.name);
    }
    insta::assert_snapshot!("sheet_office_scenarios", s.svg);
}

/// The small floor surveyed (by the office survey's generator, which walks a project's ground
/// floor: known offsets, exponent 2.8, drywall 6.5 dB, noise, shadowed rows, a temporary access
/// point) and calibrated to it: its coverage sheet carries the calibration table, read whole
/// in the snapshot. The sheets of the project before the survey are the committed ones.
#[test]
fn coverage_sheet_of_a_surveyed_and_calibrated_floor() {
    use tailplan_core::Edit;
    use tailplan_core::survey::{FitOptions, calibrate, calibration_edit};
    use tailplan_io::survey::{SurveyLimits, read_survey};

    let mut project = sample("small");
    let csv = tailplan_samples::survey::office_survey(&project);
    let survey = read_survey(csv.as_bytes(), "small.survey.csv", &SurveyLimits::default())
        .expect("the generated survey reads")
        .survey;
    let c = calibrate(&project, &[&survey], &FitOptions::default()).expect("it calibrates");
    project
        .apply(calibration_edit(&project, &c))
        .expect("the calibration applies");
    project
        .apply(Edit::PutSurvey {
            survey: Box::new(survey),
            index: None,
        })
        .expect("the survey is kept");
    let analysis = Analysis::new(&project, None);
    let sheets = sheet::floor_sheets(
        &project,
        &analysis,
        "0",
        SheetKind::Coverage,
        &SheetOptions::dated(DATE),
    )
    .expect("the sheet draws");
    assert_eq!(sheets.len(), 1, "the table fits beside the plan");
    let s = &sheets[0];
    check_valid(s);
    for text in [
        "Calibration against site survey<",
        "Survey: small.survey.csv",
        "path-loss exponent 2 → ",
        "Wall loss, drywall: 5 GHz 4.0 → ",
        "2 access points",
    ] {
        assert!(s.svg.contains(text), "{text}");
    }
    for ap in &project.floors[0].access_points {
        let offset = ap.eirp_offset_db.expect("calibrated");
        assert!(s.svg.contains(&format!(">{offset:+.1}<")), "{}", ap.name);
    }
    insta::assert_snapshot!("sheet_small_surveyed_coverage-0", s.svg);
}
