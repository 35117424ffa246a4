//! The project's own sample drawings (`floorplans/*.dxf`, `floorplans/*.svg` and the IFC
//! models `floorplans/*.ifc`, made by `gen-samples`) through the importer: a readable summary of each import as a golden
//! snapshot (`tests/snapshots/import_samples__*.snap`), and the checks that matter for a
//! radio model against what each drawing stands for (its `Intent`): every wall found once (a
//! line across a two-face wall crosses exactly one wall) and of its layer's material, every
//! room named by its label with the formatting stripped, every door and window found.

use std::collections::BTreeMap;
use std::fmt::Write;

use tailplan_core::{Floor, OpeningKind, Point, Segment, UnderlayKind};
use tailplan_io::import::{Import, ImportOptions, Scale, import_file};
use tailplan_samples::drawings::{
    DRAWINGS, DrawingSample, IFC_MODELS, Intent, office_building_dxf, office_building_ifc_drawn,
};
use tailplan_tests::workspace;

/// Imports a committed sample drawing with the options it needs.
fn import(sample: &DrawingSample, include_hidden: bool) -> Import {
    let path = workspace().join("floorplans").join(sample.file_name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = ImportOptions {
        scale: sample.m_per_unit.map(Scale::MetresPerUnit),
        include_hidden,
        ..ImportOptions::named(sample.file_name)
    };
    import_file(sample.file_name, &bytes, &options).unwrap_or_else(|e| panic!("{e}"))
}

fn r1(x: f64) -> String {
    format!("{x:.1}")
}

fn r2(x: f64) -> String {
    format!("{x:.2}")
}

/// The import as a reviewer reads it: floor and size, walls by material, rooms with their
/// names, openings, the clean-up's counts, the layer table, the underlays and the notes.
fn summary(done: &Import) -> String {
    let mut s = String::new();
    let report = &done.report;
    let _ = writeln!(
        s,
        "{} ({}): units {}, {} m per unit",
        report.source,
        report.format,
        report.units,
        report.m_per_unit.unwrap_or(1.0)
    );
    for f in &done.project.floors {
        let b = f.plan_bbox().expect("a plan");
        let _ = writeln!(
            s,
            "floor \"{}\": {} x {} m (x {} to {}, y {} to {})",
            f.id,
            r2(b.width()),
            r2(b.height()),
            r2(b.min.x),
            r2(b.max.x),
            r2(b.min.y),
            r2(b.max.y)
        );
        let mut by_material: BTreeMap<String, (usize, f64)> = BTreeMap::new();
        for w in f.walls.iter() {
            let e = by_material
                .entry(format!(
                    "{} {} m",
                    w.material.as_deref().unwrap_or("-"),
                    w.thickness_m
                ))
                .or_default();
            e.0 += 1;
            e.1 += w.shape.length();
        }
        let _ = writeln!(s, "walls: {}", f.walls.len());
        for (m, (n, len)) in &by_material {
            let _ = writeln!(s, "  {m}: {n} walls, {} m", r1(*len));
        }
        let doors = f.openings.iter().filter(|o| o.kind == OpeningKind::Door);
        let windows = f.openings.iter().filter(|o| o.kind == OpeningKind::Window);
        let width = |o: &tailplan_core::Opening| o.points[0].distance(*o.points.last().unwrap());
        let _ = writeln!(
            s,
            "openings: {} doors ({} m wide in all), {} windows ({} m)",
            doors.clone().count(),
            r1(doors.map(width).sum()),
            windows.clone().count(),
            r1(windows.map(width).sum())
        );
        let mut rooms: Vec<String> = f
            .rooms
            .iter()
            .map(|r| format!("{} ({} m²)", r.name, r1(r.polygon.area())))
            .collect();
        rooms.sort();
        let _ = writeln!(s, "rooms: {}", rooms.len());
        for r in rooms {
            let _ = writeln!(s, "  {r}");
        }
        for u in &f.underlays {
            match &u.kind {
                UnderlayKind::Vector { layers } => {
                    let segments: usize = layers.iter().map(|l| l.segment_count()).sum();
                    let _ = writeln!(
                        s,
                        "underlay {}: {} layers, {segments} straight pieces",
                        u.id,
                        layers.len()
                    );
                }
                UnderlayKind::Raster(r) => {
                    let _ = writeln!(
                        s,
                        "underlay {}: {} {} x {} px, {} m per px",
                        u.id, r.mime, r.width_px, r.height_px, r.placement.m_per_px
                    );
                }
            }
        }
    }
    // The stored report, minus its first line (said above) and its counts (by kind above).
    for line in report.summary_lines().iter().skip(1) {
        if !line.starts_with("  made: ") {
            let _ = writeln!(s, "{}", line.trim_end());
        }
    }
    s
}

#[test]
fn golden_summaries_of_the_sample_drawings() {
    for sample in &DRAWINGS {
        let done = import(sample, false);
        let name = sample.file_name.replace(['.', '-'], "_");
        insta::assert_snapshot!(name, summary(&done));
    }
}

/// How many distinct walls the segment a-b crosses.
fn crossings(f: &Floor, a: Point, b: Point) -> usize {
    let mut walls: Vec<usize> = f
        .walls
        .segments_crossing(Segment::new(a, b))
        .map(|(i, _)| i)
        .collect();
    walls.sort_unstable();
    walls.dedup();
    walls.len()
}

/// Checks the import against what the drawing stands for; returns how many places across
/// walls were checked.
fn check_against_intent(file: &str, f: &Floor, intent: &Intent) -> usize {
    // Every wall is found once and of its material: at a quarter, the middle and three
    // quarters of each intended wall, away from openings and junctions, a line across it
    // crosses exactly one imported wall.
    let openings: Vec<Segment> = intent
        .doors
        .iter()
        .chain(&intent.windows)
        .map(|[a, b]| Segment::new(*a, *b))
        .collect();
    let mut checked = 0;
    for (k, w) in intent.walls.iter().enumerate() {
        let axis = Segment::new(w.a, w.b);
        let len = axis.length();
        if len < 1.0 {
            continue;
        }
        let (ux, uy) = ((w.b.x - w.a.x) / len, (w.b.y - w.a.y) / len);
        for t in [0.25, 0.5, 0.75] {
            let p = w.a.lerp(w.b, t);
            let near_opening = openings.iter().any(|o| o.distance_to(p) < 0.5);
            let near_junction = intent.walls.iter().enumerate().any(|(j, other)| {
                j != k
                    && Segment::new(other.a, other.b).distance_to(p) < other.thickness_m / 2.0 + 0.4
            });
            if near_opening || near_junction {
                continue;
            }
            let d = w.thickness_m / 2.0 + 0.2;
            let (a, b) = (
                Point::new(p.x - uy * d, p.y + ux * d),
                Point::new(p.x + uy * d, p.y - ux * d),
            );
            assert_eq!(
                crossings(f, a, b),
                1,
                "{file}: the {} wall {:?}-{:?} at {t} is not crossed once",
                w.material,
                w.a,
                w.b
            );
            let (i, _) = f
                .walls
                .segments_crossing(Segment::new(a, b))
                .next()
                .expect("one wall");
            let found = &f.walls.as_slice()[i];
            assert_eq!(
                found.material.as_deref(),
                Some(w.material),
                "{file}: wall {} at {p:?}",
                found.id
            );
            assert!(
                (found.thickness_m - w.thickness_m).abs() < 0.011,
                "{file}: wall {} at {p:?} is {} m thick, drawn {} m",
                found.id,
                found.thickness_m,
                w.thickness_m
            );
            checked += 1;
        }
    }

    // Rooms: named by their labels, formatting codes stripped.
    let mut names: Vec<&str> = f.rooms.iter().map(|r| r.name.as_str()).collect();
    let mut expected: Vec<&str> = intent.rooms.iter().map(String::as_str).collect();
    names.sort_unstable();
    expected.sort_unstable();
    assert_eq!(names, expected, "{file}: room names");
    for r in &f.rooms {
        assert!(
            !r.name.contains(['\\', '{', '}', ';']) && !r.name.contains("%%"),
            "{file}: room name {:?} has formatting left",
            r.name
        );
    }

    // Doors and windows: each found where it was drawn, spanning its opening.
    for (kind, drawn) in [
        (OpeningKind::Door, &intent.doors),
        (OpeningKind::Window, &intent.windows),
    ] {
        let found: Vec<Segment> = f
            .openings
            .iter()
            .filter(|o| o.kind == kind)
            .map(|o| Segment::new(o.points[0], *o.points.last().unwrap()))
            .collect();
        assert_eq!(found.len(), drawn.len(), "{file}: {kind:?}s");
        for [a, b] in drawn {
            let mid = a.lerp(*b, 0.5);
            let hit = found
                .iter()
                .find(|s| s.a.lerp(s.b, 0.5).distance(mid) < 0.1);
            let hit = hit.unwrap_or_else(|| panic!("{file}: no {kind:?} at {mid:?}"));
            assert!(
                (hit.length() - a.distance(*b)).abs() < 0.05,
                "{file}: the {kind:?} at {mid:?} is {} m wide, drawn {} m",
                hit.length(),
                a.distance(*b)
            );
        }
    }
    checked
}

#[test]
fn every_wall_once_every_room_named_every_opening_found() {
    for sample in &DRAWINGS {
        let done = import(sample, false);
        let drawn = (sample.build)();
        let f = &done.project.floors[0];
        let checked = check_against_intent(sample.file_name, f, &drawn.intent);
        assert!(
            checked >= 25,
            "{}: only {checked} places across walls were checked",
            sample.file_name
        );
        assert!(
            f.underlays
                .iter()
                .any(|u| matches!(u.kind, UnderlayKind::Vector { .. })),
            "{}: the original lines are kept as an underlay",
            sample.file_name
        );
    }
}

#[test]
fn a_line_across_a_two_face_wall_crosses_exactly_one_wall() {
    // The office wing's corridor: both walls drawn as two faces; a line from office 1.05
    // across the corridor into the kitchen crosses the two corridor walls, once each.
    let done = import(&DRAWINGS[0], false);
    let f = &done.project.floors[0];
    let across = |x: f64| crossings(f, Point::new(x, 5.0), Point::new(x, 9.0));
    assert_eq!(across(20.0), 2);
    // Across a partition drawn as a closed thin rectangle, and across the concrete facade
    // (an outline with both faces in one polyline), one wall each.
    assert_eq!(
        crossings(f, Point::new(13.9, 3.0), Point::new(15.0, 3.0)),
        1
    );
    assert_eq!(
        crossings(f, Point::new(11.2, -0.5), Point::new(11.2, 0.8)),
        1
    );
    // Across the stair core's hatched concrete wall.
    assert_eq!(
        crossings(f, Point::new(6.5, 11.0), Point::new(8.0, 11.0)),
        1
    );
}

#[test]
fn mtext_labels_name_rooms_with_their_formatting_stripped() {
    let done = import(&DRAWINGS[0], false);
    let names: Vec<&str> = done.project.floors[0]
        .rooms
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    // "{\fArial|b1|i0|c0|p34;\LReception\l}\P{\H0.7x;1.01}", "%%uCorridor%%u 1.02",
    // "\pxqc;{\fArial|b1;Meeting}\P{\H0.7x;1.14}", "Copy\~room\P1.13".
    for name in [
        "Reception 1.01",
        "Corridor 1.02",
        "Meeting 1.14",
        "Copy room 1.13",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    // German umlauts escaped as \U+00FC in an R2000 file come back.
    let done = import(&DRAWINGS[1], false);
    let f = &done.project.floors[0];
    assert!(f.rooms.iter().any(|r| r.name == "Büro 1.09"));
    let layers: Vec<&str> = done.report.layers.iter().map(|l| l.name.as_str()).collect();
    assert!(layers.contains(&"Türen") && layers.contains(&"A-210-M_Außenwand"));
}

#[test]
fn units_scale_and_header_extents_are_read() {
    let wing = import(&DRAWINGS[0], false);
    assert!(wing.report.units.starts_with("mm ($INSUNITS 4)"));
    let praxis = import(&DRAWINGS[1], false);
    assert!(praxis.report.units.starts_with("cm ($INSUNITS 5)"));
    assert!(
        praxis
            .report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("$EXTMIN/$EXTMAX are unset")),
        "{:?}",
        praxis.report.diagnostics
    );
    // 20 x 12 m outside, the bay 0.65 m proud of the street front; walls are centrelines,
    // so the plan measures 19.7 x 12.35 m between the facade's centrelines.
    let b = praxis.project.floors[0].plan_bbox().unwrap();
    assert!(
        (b.width() - 19.7).abs() < 0.01 && (b.height() - 12.35).abs() < 0.01,
        "{b:?}"
    );
    let svg = import(&DRAWINGS[2], false);
    let b = svg.project.floors[0].plan_bbox().unwrap();
    assert!(
        (b.width() - 29.7).abs() < 0.01 && (b.height() - 13.7).abs() < 0.01,
        "{b:?}"
    );
}

#[test]
fn svg_hidden_layers_are_skipped_unless_asked_and_the_scan_is_kept() {
    let sample = &DRAWINGS[2];
    let shown = import(sample, false);
    let all = import(sample, true);
    let f = &shown.project.floors[0];
    // The hidden variant's partition at x = 24.4 m (25.4 m on the floor) is left out...
    let across = |f: &Floor| crossings(f, Point::new(24.9, 11.0), Point::new(25.9, 11.0));
    assert_eq!(across(f), 0);
    // ... and read with --include-hidden.
    assert_eq!(across(&all.project.floors[0]), 1);
    let hidden: Vec<&str> = shown
        .report
        .layers
        .iter()
        .filter(|l| l.hidden)
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(hidden, ["Cloisons (variante B)", "Mobilier"]);
    // The embedded data: PNG is the floor's raster underlay, 20 cm per pixel, over the
    // building (its top-left corner at the building's north-west corner).
    let raster = f
        .underlays
        .iter()
        .find_map(|u| match &u.kind {
            UnderlayKind::Raster(r) => Some(r),
            UnderlayKind::Vector { .. } => None,
        })
        .expect("a raster underlay");
    assert_eq!((raster.width_px, raster.height_px), (150, 70));
    assert!((raster.placement.m_per_px - 0.2).abs() < 1e-9);
    assert!(raster.placement.offset.distance(Point::new(1.0, 15.0)) < 1e-6);
    assert!(raster.data.starts_with(b"\x89PNG"));
}

#[test]
fn the_office_building_floor_as_dxf_imports_its_walls_rooms_and_openings() {
    // The benchmark's 1.5 MB drawing: the sample office's ground floor drawn as two-face
    // walls, door and window blocks, room polylines and labels.
    let project = tailplan_samples::office_building();
    let floor = &project.floors[0];
    let bytes = office_building_dxf(0);
    assert!(
        (1_300_000..1_700_000).contains(&bytes.len()),
        "{} bytes",
        bytes.len()
    );
    let done = import_file("office-floor.dxf", &bytes, &ImportOptions::default()).unwrap();
    let f = &done.project.floors[0];
    assert_eq!(f.rooms.len(), floor.rooms.len());
    let doors = |f: &Floor| {
        f.openings
            .iter()
            .filter(|o| o.kind == OpeningKind::Door)
            .count()
    };
    assert_eq!(doors(f), doors(floor));
    let mut names: Vec<&str> = f.rooms.iter().map(|r| r.name.as_str()).collect();
    let mut expected: Vec<&str> = floor.rooms.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    expected.sort_unstable();
    assert_eq!(names, expected);
    // Every wall segment of the model, crossed at its middle, is one wall of the import.
    let mut once = 0;
    let mut total = 0;
    for w in floor.walls.iter() {
        for s in w.shape.segments().filter(|s| s.length() > 1.5) {
            let p = s.a.lerp(s.b, 0.5);
            let (ux, uy) = ((s.b.x - s.a.x) / s.length(), (s.b.y - s.a.y) / s.length());
            let d = w.thickness_m / 2.0 + 0.1;
            let n = crossings(
                f,
                Point::new(p.x - uy * d, p.y + ux * d),
                Point::new(p.x + uy * d, p.y - ux * d),
            );
            total += 1;
            once += usize::from(n == 1);
        }
    }
    assert!(
        once * 100 >= total * 97,
        "{once} of {total} wall segments crossed once"
    );
}

/// Imports an IFC model and checks every storey against what it stands for; returns the
/// import and how many places across walls were checked.
fn check_ifc(
    file: &str,
    bytes: &[u8],
    drawn: &tailplan_samples::drawings::IfcDrawn,
) -> (Import, usize) {
    let done =
        import_file(file, bytes, &ImportOptions::named(file)).unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    assert_eq!(
        done.project.floors.len(),
        drawn.storeys.len(),
        "{file}: one floor per storey"
    );
    for st in &drawn.storeys {
        let f = done
            .project
            .floor(&st.name)
            .unwrap_or_else(|| panic!("{file}: no floor {}", st.name));
        assert!(
            (f.elevation_m - st.elevation_m).abs() < 1e-9,
            "{file}: {} elevation",
            st.name
        );
        checked += check_against_intent(&format!("{file} {}", st.name), f, &st.intent);
    }
    match (done.project.georef, drawn.georef) {
        (Some(got), Some(meant)) => assert!(
            (got.origin_lon_deg - meant.origin_lon_deg).abs() < 1e-7
                && (got.origin_lat_deg - meant.origin_lat_deg).abs() < 1e-7
                && (got.north_deg - meant.north_deg).abs() < 1e-3,
            "{file}: georeferenced at {got:?}, meant {meant:?}"
        ),
        (None, None) => {}
        (got, meant) => panic!("{file}: georeferenced at {got:?}, meant {meant:?}"),
    }
    (done, checked)
}

#[test]
fn ifc_models_storey_by_storey_as_they_stand_for() {
    for sample in &IFC_MODELS {
        let path = workspace().join("floorplans").join(sample.file_name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let drawn = (sample.build)();
        let (done, checked) = check_ifc(sample.file_name, &bytes, &drawn);
        assert!(
            checked >= 25,
            "{}: only {checked} places checked",
            sample.file_name
        );
        let name = sample.file_name.replace(['.', '-'], "_");
        insta::assert_snapshot!(name, summary(&done));
    }
}

#[test]
fn the_office_building_as_ifc_imports_every_storey() {
    let drawn = office_building_ifc_drawn();
    let (done, checked) = check_ifc("office-building.ifc", &drawn.bytes, &drawn);
    assert!(checked > 1000, "{checked}");
    assert_eq!(done.project.floors.len(), 4);
}

#[test]
fn an_ifc_storey_imported_alone_is_as_high_as_up_to_the_next_storey() {
    let drawn = tailplan_samples::drawings::kontor_ifc();
    let options = ImportOptions {
        storeys: vec!["EG".into()],
        ..ImportOptions::named("kontor.ifc")
    };
    let done = import_file("kontor.ifc", &drawn.bytes, &options).unwrap();
    assert_eq!(done.project.floors.len(), 1);
    // The OG 1 is not imported, yet it bounds the EG: 3.5 m; the top storey has the default.
    assert_eq!(done.project.floors[0].ceiling_m, 3.5);
    let all = import_file(
        "kontor.ifc",
        &drawn.bytes,
        &ImportOptions::named("kontor.ifc"),
    )
    .unwrap();
    let ceilings: Vec<f64> = all.project.floors.iter().map(|f| f.ceiling_m).collect();
    assert_eq!(ceilings, [3.5, tailplan_core::DEFAULT_CEILING_M]);
}
