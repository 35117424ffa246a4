//! `tailplan import` of plans as a user runs it: real processes, real files. The flags
//! (`--units`, `--layers`, `--scale`, `--scale-points`, `--floor`, `--append`, `--force`,
//! `--include-hidden`, `--rotation`), IMDF folders, raster scans, `tailplan info` showing the
//! stored report, and bad input: each refused with exit 2 and one line naming the file and
//! the entity or line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tailplan_core::{Project, UnderlayKind, project_file};

fn tailplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tailplan"))
        .args(args)
        .output()
        .expect("the tailplan binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A committed sample drawing.
fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../floorplans/{name}"))
}

/// Runs a command that must succeed; returns (stdout, stderr).
fn ok(args: &[&str]) -> (String, String) {
    let o = tailplan(args);
    assert!(
        o.status.success(),
        "tailplan {args:?} failed: {}",
        stderr(&o)
    );
    (String::from_utf8_lossy(&o.stdout).into_owned(), stderr(&o))
}

/// Runs an import that must be refused: exit 2, and stderr exactly one line, naming `file`.
fn refused(args: &[&str], file: &Path) -> String {
    let o = tailplan(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "tailplan {args:?}: {err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one line: {err}");
    let line = lines[0];
    assert!(line.starts_with("tailplan: error: "), "{line}");
    assert!(
        line.contains(s(file)),
        "the line names {}: {line}",
        file.display()
    );
    assert!(!line.contains("panicked"), "{line}");
    line.to_owned()
}

/// Runs a command whose arguments are refused (by the argument parser): exit 2; its stderr.
fn usage_error(args: &[&str]) -> String {
    let o = tailplan(args);
    assert_eq!(
        o.status.code(),
        Some(2),
        "tailplan {args:?}: {}",
        stderr(&o)
    );
    stderr(&o)
}

fn open(path: &Path) -> Project {
    let text = std::fs::read_to_string(path).unwrap();
    project_file::from_json(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .0
}

/// Width and height of a floor's plan (walls and rooms), metres.
fn size(p: &Project, floor: usize) -> (f64, f64) {
    let b = p.floors[floor].plan_bbox().expect("a plan");
    (b.width(), b.height())
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn dxf_units_come_from_the_header_or_the_units_flag() {
    let dir = tempfile::tempdir().unwrap();
    let (cm, mm) = (dir.path().join("cm.json"), dir.path().join("mm.json"));
    let plan = sample("praxis-og1.dxf");
    let (out, err) = ok(&["import", s(&plan), "-o", s(&cm)]);
    assert!(out.starts_with(&format!("imported {}", s(&plan))), "{out}");
    assert!(out.contains("10 room") && out.contains("8 door"), "{out}");
    assert!(err.contains("$EXTMIN/$EXTMAX are unset"), "{err}");
    let p = open(&cm);
    let (w, h) = size(&p, 0);
    assert!(close(w, 19.7, 0.01) && close(h, 12.35, 0.01), "{w} x {h}");
    assert!(p.imports[0].units.starts_with("cm ($INSUNITS 5)"));

    // The same drawing read as millimetres: ten times smaller.
    ok(&["import", s(&plan), "-o", s(&mm), "--units", "mm"]);
    let p = open(&mm);
    let (w, _) = size(&p, 0);
    assert!(close(w, 1.97, 0.001), "{w}");
    assert_eq!(p.imports[0].units, "mm (--units)");

    let err = usage_error(&[
        "import",
        s(&plan),
        "-o",
        s(&dir.path().join("x.json")),
        "--units",
        "furlong",
    ]);
    assert!(err.contains("unknown unit \"furlong\""), "{err}");
}

#[test]
fn layer_mapping_on_the_command_line_wins_over_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, mapped) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let plan = sample("office-wing.dxf");
    ok(&["import", s(&plan), "-o", s(&plain)]);
    ok(&[
        "import",
        s(&plan),
        "-o",
        s(&mapped),
        "--layers",
        "A-WALL-CORE=brick, S-COL?=ignore",
    ]);
    let (a, b) = (open(&plain), open(&mapped));
    let role = |p: &Project, layer: &str| {
        let l = p.imports[0]
            .layers
            .iter()
            .find(|l| l.name == layer)
            .unwrap();
        format!("{} {:?}", l.role, l.source)
    };
    assert_eq!(role(&a, "A-WALL-CORE"), "wall:concrete Default");
    assert_eq!(role(&b, "A-WALL-CORE"), "wall:brick User");
    assert_eq!(role(&b, "S-COLS"), "ignored User");
    let count = |p: &Project, m: &str| {
        p.floors[0]
            .walls
            .iter()
            .filter(|w| w.material.as_deref() == Some(m))
            .count()
    };
    // The stair core and the riser shaft are brick now; the two round columns are gone.
    assert_eq!(count(&a, "brick"), 0);
    assert!(count(&b, "brick") >= 6, "{}", count(&b, "brick"));
    assert_eq!(
        a.floors[0].walls.len() - b.floors[0].walls.len(),
        72,
        "two columns of 36 sides"
    );
    let err = usage_error(&[
        "import",
        s(&plan),
        "-o",
        s(&dir.path().join("c.json")),
        "--layers",
        "A-WALL",
    ]);
    assert!(err.contains("\"A-WALL\" is not PATTERN=ROLE"), "{err}");
}

#[test]
fn svg_needs_a_scale_as_a_number_or_two_points_and_a_distance() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample("bureaux-r1.svg");
    let out = |n: &str| dir.path().join(n);
    let line = refused(&["import", s(&plan), "-o", s(&out("none.json"))], &plan);
    assert!(line.contains("--scale"), "{line}");
    assert!(!out("none.json").exists(), "nothing is written");

    ok(&[
        "import",
        s(&plan),
        "-o",
        s(&out("a.json")),
        "--scale",
        "0.01",
    ]);
    // The drawing's width, 3000 units, is 30 m: the same scale from two points.
    ok(&[
        "import",
        s(&plan),
        "-o",
        s(&out("b.json")),
        "--scale-points",
        "0,0,3000,0,30",
    ]);
    let (a, b) = (open(&out("a.json")), open(&out("b.json")));
    let ((wa, ha), (wb, hb)) = (size(&a, 0), size(&b, 0));
    assert!(
        close(wa, 29.7, 0.01) && close(ha, 13.7, 0.01),
        "{wa} x {ha}"
    );
    assert!(close(wa, wb, 1e-6) && close(ha, hb, 1e-6));
    assert_eq!(a.floors[0].walls.len(), b.floors[0].walls.len());
    assert_eq!(a.imports[0].m_per_unit, Some(0.01));

    // The hidden variant's partition only with --include-hidden.
    ok(&[
        "import",
        s(&plan),
        "-o",
        s(&out("c.json")),
        "--scale",
        "0.01",
        "--include-hidden",
    ]);
    assert!(open(&out("c.json")).floors[0].walls.len() > a.floors[0].walls.len());

    let line = refused(
        &[
            "import",
            s(&plan),
            "-o",
            s(&out("d.json")),
            "--scale-points",
            "10,10,10,10,5",
        ],
        &plan,
    );
    assert!(line.contains("the same point"), "{line}");
}

#[test]
fn floors_are_appended_and_an_existing_project_is_never_overwritten_by_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let building = dir.path().join("building.json");
    let (wing, praxis) = (sample("office-wing.dxf"), sample("praxis-og1.dxf"));

    // --append on a project that does not exist yet makes it.
    let (out, _) = ok(&[
        "import",
        s(&wing),
        "--floor",
        "1",
        "--append",
        "-o",
        s(&building),
    ]);
    assert!(out.contains(" into "), "{out}");
    let before = std::fs::read(&building).unwrap();

    // Without --append or --force, an existing -o is refused and left as it was.
    let line = refused(
        &["import", s(&praxis), "--floor", "2", "-o", s(&building)],
        &building,
    );
    assert!(
        line.contains("already exists") && line.contains("--append"),
        "{line}"
    );
    assert_eq!(std::fs::read(&building).unwrap(), before);

    // With --append the second floor joins the first.
    let (out, _) = ok(&[
        "import",
        s(&praxis),
        "--floor",
        "2",
        "--append",
        "-o",
        s(&building),
    ]);
    assert!(out.contains("appended to"), "{out}");
    let p = open(&building);
    let floors: Vec<(&str, f64)> = p
        .floors
        .iter()
        .map(|f| (f.id.as_str(), f.elevation_m))
        .collect();
    assert_eq!(floors, [("1", 3.5), ("2", 7.0)]);
    assert_eq!(p.imports.len(), 2);
    assert_eq!(p.imports[1].floors, ["2"]);
    assert_eq!(p.floors[1].rooms.len(), 10);
    let mut ids = BTreeSet::new();
    for f in &p.floors {
        for e in f.elements() {
            assert!(ids.insert(e.id().to_owned()), "id {} used twice", e.id());
        }
    }

    // Onto a floor that has elements already: added to them, with a warning.
    let (_, err) = ok(&[
        "import",
        s(&praxis),
        "--floor",
        "2",
        "--append",
        "-o",
        s(&building),
    ]);
    assert!(err.contains("floor \"2\" already had"), "{err}");
    assert_eq!(open(&building).floors[1].rooms.len(), 20);

    // --force replaces the project; --append and --force together make no sense.
    let svg = sample("bureaux-r1.svg");
    ok(&[
        "import",
        s(&svg),
        "--scale",
        "0.01",
        "--force",
        "-o",
        s(&building),
    ]);
    let p = open(&building);
    assert_eq!((p.floors.len(), p.imports.len()), (1, 1));
    let err = usage_error(&["import", s(&svg), "--append", "--force", "-o", s(&building)]);
    assert!(err.contains("cannot be used with"), "{err}");
}

/// A small IMDF archive as a folder: one level, two offices and a walkway, a door, the
/// footprint; WGS84 around Paris.
fn imdf_folder(dir: &Path) {
    let ring = |x0: f64, y0: f64, x1: f64, y1: f64| {
        // Metres from an origin to lon/lat (about 73 km per degree of longitude there).
        let ll =
            |x: f64, y: f64| format!("[{:.8}, {:.8}]", 2.35 + x / 73_000.0, 48.85 + y / 111_200.0);
        format!(
            "[[{}, {}, {}, {}, {}]]",
            ll(x0, y0),
            ll(x1, y0),
            ll(x1, y1),
            ll(x0, y1),
            ll(x0, y0)
        )
    };
    let feature = |id: &str, props: &str, geometry: String| {
        format!(
            r#"{{"type": "Feature", "id": "{id}", "feature_type": "unit", "properties": {props}, "geometry": {geometry}}}"#
        )
    };
    let collection = |features: Vec<String>| {
        format!(
            r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
            features.join(",\n")
        )
    };
    let polygon = |c: String| format!(r#"{{"type": "Polygon", "coordinates": {c}}}"#);
    let files = [
        (
            "level.geojson",
            collection(vec![feature(
                "L1",
                r#"{"ordinal": 1, "name": {"en": "First floor"}, "category": "unspecified"}"#,
                polygon(ring(0.0, 0.0, 20.0, 10.0)),
            )]),
        ),
        (
            "unit.geojson",
            collection(vec![
                feature(
                    "U1",
                    r#"{"level_id": "L1", "category": "office", "name": {"en": "Office A"}}"#,
                    polygon(ring(0.2, 5.0, 10.0, 9.8)),
                ),
                feature(
                    "U2",
                    r#"{"level_id": "L1", "category": "restroom", "name": {"en": "WC"}}"#,
                    polygon(ring(10.0, 5.0, 19.8, 9.8)),
                ),
                feature(
                    "U3",
                    r#"{"level_id": "L1", "category": "walkway", "name": null}"#,
                    polygon(ring(0.2, 0.2, 19.8, 5.0)),
                ),
            ]),
        ),
        (
            "opening.geojson",
            collection(vec![format!(
                r#"{{"type": "Feature", "id": "O1", "feature_type": "opening", "properties": {{"level_id": "L1", "category": "pedestrian"}}, "geometry": {{"type": "LineString", "coordinates": [[{:.8}, {:.8}], [{:.8}, {:.8}]]}}}}"#,
                2.35 + 4.0 / 73_000.0,
                48.85 + 5.0 / 111_200.0,
                2.35 + 5.0 / 73_000.0,
                48.85 + 5.0 / 111_200.0
            )]),
        ),
        (
            "footprint.geojson",
            collection(vec![feature(
                "F1",
                r#"{"category": "ground"}"#,
                polygon(ring(0.0, 0.0, 20.0, 10.0)),
            )]),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn an_imdf_folder_imports_levels_units_and_openings() {
    let dir = tempfile::tempdir().unwrap();
    let imdf = dir.path().join("imdf");
    std::fs::create_dir(&imdf).unwrap();
    imdf_folder(&imdf);
    let out = dir.path().join("p.json");
    let (stdout, err) = ok(&["import", s(&imdf), "-o", s(&out)]);
    assert!(
        stdout.contains("3 room") && stdout.contains("1 door"),
        "{stdout}"
    );
    assert!(err.contains("projected to local metres"), "{err}");
    let p = open(&out);
    assert!(p.georef.is_some());
    let f = &p.floors[0];
    assert_eq!((f.id.as_str(), f.name.as_str()), ("1", "First floor"));
    let mut names: Vec<&str> = f.rooms.iter().map(|r| r.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Office A", "WC", "walkway 3"]);
    // Each unit's category is its room's: what the capacity model's densities are keyed by.
    let mut categories: Vec<&str> = f
        .rooms
        .iter()
        .filter_map(|r| r.category.as_deref())
        .collect();
    categories.sort_unstable();
    assert_eq!(categories.len(), 3, "{categories:?}");
    assert!(categories.contains(&"walkway"), "{categories:?}");
    // The footprint running 0.2 m outside the rooms is one exterior wall with their edges
    // (on the centreline between); along the walkway, which draws no walls, it stands alone.
    // (The test's degrees-to-metres is approximate, about 0.5 %.)
    let (w, h) = size(&p, 0);
    assert!(
        (19.7..=20.2).contains(&w) && (9.7..=10.0).contains(&h),
        "{w} x {h}"
    );
    let materials: BTreeSet<&str> = f
        .walls
        .iter()
        .filter_map(|w| w.material.as_deref())
        .collect();
    assert!(
        materials.contains("concrete") && materials.contains("brick"),
        "{materials:?}"
    );

    // A folder that is not IMDF.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let line = refused(&["import", s(&empty), "-o", s(&out), "--force"], &empty);
    assert!(line.contains("without unit.geojson"), "{line}");
}

#[test]
fn the_shared_imdf_folder_imports_when_present() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/floorplans/geojson/cpc4_imdf");
    if !dir.is_dir() {
        return eprintln!("skipped: no ../shared/floorplans");
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("p.json");
    let (stdout, _) = ok(&["import", s(&dir), "-o", s(&out)]);
    assert!(
        stdout.contains("18 room") && stdout.contains("16 door"),
        "{stdout}"
    );
}

#[test]
fn a_scan_becomes_a_raster_underlay_placed_by_two_points_and_turned() {
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("scan.png");
    let mut pixmap = tiny_skia::Pixmap::new(400, 200).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    let png = pixmap.encode_png().unwrap();
    std::fs::write(&scan, &png).unwrap();
    let out = dir.path().join("p.json");
    let (stdout, _) = ok(&[
        "import",
        s(&scan),
        "-o",
        s(&out),
        "--floor",
        "3",
        "--scale-points",
        "0,0,400,0,20",
        "--rotation",
        "90",
    ]);
    assert!(stdout.contains("(1 floor"), "{stdout}");
    let p = open(&out);
    let f = &p.floors[0];
    assert_eq!((f.id.as_str(), f.elevation_m), ("3", 10.5));
    let UnderlayKind::Raster(r) = &f.underlays[0].kind else {
        panic!("a raster underlay")
    };
    assert_eq!(
        (r.mime.as_str(), r.width_px, r.height_px),
        ("image/png", 400, 200)
    );
    assert!(close(r.placement.m_per_px, 0.05, 1e-12));
    assert_eq!(r.placement.rotation_deg, 90.0);
    assert_eq!(r.data, png, "kept byte for byte");

    // Without a scale: 1 px = 1 cm, with a warning; a cut-off PNG is refused.
    let (_, err) = ok(&["import", s(&scan), "-o", s(&dir.path().join("q.json"))]);
    assert!(err.contains("no scale given"), "{err}");
    let cut = dir.path().join("cut.png");
    std::fs::write(&cut, &png[..png.len() / 2]).unwrap();
    let line = refused(
        &["import", s(&cut), "-o", s(&dir.path().join("r.json"))],
        &cut,
    );
    assert!(line.contains("truncated"), "{line}");
}

#[test]
fn info_shows_the_stored_import_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.json");
    let plan = sample("office-wing.dxf");
    ok(&["import", s(&plan), "-o", s(&out), "--floor", "1"]);
    let (text, _) = ok(&["info", s(&out)]);
    for expected in [
        &format!(
            "import of {} (dxf), units mm ($INSUNITS 4), 0.001 m per unit, floor(s) 1",
            s(&plan)
        ),
        "  walls: 267 drawn pieces -> ",
        "face pairs made centrelines",
        "  13 layer(s):",
        "\"A-WALL-CORE\"                     2 entities -> wall:concrete (default)",
        "\"A-FURN\"                         11 entities -> ignored (default)",
        "\"A-AREA-IDEN\"                    16 entities -> label (default)",
        "note: ",
        "underlay \"drawing-1\" from ",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    let (json, _) = ok(&["info", s(&out), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let import = &v["imports"][0];
    assert_eq!(import["format"], "dxf");
    assert_eq!(import["layers"].as_array().unwrap().len(), 13);
    assert!(import["walls"]["face_pairs"].as_u64().unwrap() > 40);
}

#[test]
fn bad_plans_exit_2_with_one_line_naming_the_file_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.json");
    let import = |file: &Path| refused(&["import", s(file), "-o", s(&out)], file);

    // A DXF cut off half way: the line it ends on.
    let wing = std::fs::read(sample("office-wing.dxf")).unwrap();
    let truncated = dir.path().join("truncated.dxf");
    std::fs::write(&truncated, &wing[..wing.len() / 2]).unwrap();
    let line = import(&truncated);
    assert!(
        line.contains(": line ") && line.contains("truncated"),
        "{line}"
    );

    // A DXF whose group code is garbled: the line of the bad pair.
    let text = String::from_utf8(wing.clone()).unwrap();
    let garbled = dir.path().join("garbled.dxf");
    std::fs::write(&garbled, text.replacen("\r\n 10\r\n", "\r\nten\r\n", 1)).unwrap();
    let line = import(&garbled);
    assert!(line.contains(": line "), "{line}");

    // A binary AutoCAD drawing: what to do instead.
    let dwg = dir.path().join("plan.dwg");
    let mut bytes = b"AC1032\0\0\0\0\0\0".to_vec();
    bytes.extend((0..4000u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(&dwg, &bytes).unwrap();
    let line = import(&dwg);
    assert!(
        line.contains("DWG") && line.contains("save it as DXF"),
        "{line}"
    );

    // SVGs that would run or fetch something: the line of the element.
    let head = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">"#;
    for (name, body, says) in [
        (
            "script.svg",
            "<rect width=\"10\" height=\"10\"/>\n<script>fetch('https://example.com')</script>",
            "<script>",
        ),
        (
            "handler.svg",
            "<rect width=\"10\" height=\"10\" onclick=\"alert(1)\"/>",
            "event handler",
        ),
        (
            "remote.svg",
            "<image width=\"10\" height=\"10\" xlink:href=\"https://example.com/plan.png\"/>",
            "outside file or URL",
        ),
        (
            "local.svg",
            "<use href=\"file:///etc/passwd#x\"/>",
            "outside file or URL",
        ),
    ] {
        let svg = dir.path().join(name);
        std::fs::write(&svg, format!("{head}\n<g>\n{body}\n</g>\n</svg>\n")).unwrap();
        let line = refused(&["import", s(&svg), "-o", s(&out), "--scale", "0.01"], &svg);
        assert!(
            line.contains(": line ") && line.contains(says),
            "{name}: {line}"
        );
    }

    // 200 MB: refused before it is read (a sparse file: no disk, no time).
    let big = dir.path().join("big.dxf");
    std::fs::write(&big, "0\nSECTION\n2\nENTITIES\n").unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(200 * 1000 * 1000)
        .unwrap();
    let line = import(&big);
    assert!(line.contains("200 MB is more than the 64 MB"), "{line}");

    assert!(!out.exists(), "nothing is written for bad input");
}

#[test]
fn limits_refuse_with_the_flag_that_raises_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.tailplan.json");
    // Blocks nested 40 deep: over the default 32, one line naming the block and the flag.
    let mut blocks = String::from(
        "0\nBLOCK\n8\n0\n2\nL0\n70\n0\n10\n0\n20\n0\n0\nLINE\n8\nA-WALL\n10\n0\n20\n0\n11\n5000\n21\n0\n0\nENDBLK\n8\n0\n",
    );
    for k in 1..40 {
        blocks.push_str(&format!(
            "0\nBLOCK\n8\n0\n2\nL{k}\n70\n0\n10\n0\n20\n0\n0\nINSERT\n8\n0\n2\nL{}\n10\n0\n20\n0\n0\nENDBLK\n8\n0\n",
            k - 1
        ));
    }
    let dxf = format!(
        "0\nSECTION\n2\nBLOCKS\n{blocks}0\nENDSEC\n0\nSECTION\n2\nENTITIES\n0\nINSERT\n8\nA-WALL\n2\nL39\n10\n0\n20\n0\n0\nENDSEC\n0\nEOF\n"
    );
    let deep = dir.path().join("deep.dxf");
    std::fs::write(&deep, dxf).unwrap();
    let line = refused(&["import", s(&deep), "-o", s(&out), "--units", "mm"], &deep);
    assert!(
        line.contains("more than 32 levels of nesting") && line.contains("--max-nesting"),
        "{line}"
    );
    assert!(!out.exists());
    ok(&[
        "import",
        s(&deep),
        "-o",
        s(&out),
        "--units",
        "mm",
        "--max-nesting",
        "64",
    ]);
    assert!(out.exists());

    // The entity and point limits, lowered, refuse the sample drawing; the file size too.
    let wing = sample("office-wing.dxf");
    let out2 = dir.path().join("q.tailplan.json");
    let line = refused(
        &["import", s(&wing), "-o", s(&out2), "--max-entities", "100"],
        &wing,
    );
    assert!(
        line.contains("more than 100 entities") && line.contains("--max-entities"),
        "{line}"
    );
    let line = refused(
        &["import", s(&wing), "-o", s(&out2), "--max-points", "100"],
        &wing,
    );
    assert!(
        line.contains("more than 100 points") && line.contains("--max-points"),
        "{line}"
    );
    let line = refused(
        &["import", s(&wing), "-o", s(&out2), "--max-file-mb", "0"],
        &wing,
    );
    assert!(line.contains("--max-file-mb"), "{line}");
    assert!(!out2.exists());
}

#[test]
fn a_project_file_too_big_to_parse_is_refused_before_it_is_parsed() {
    // Nine million empty objects: 27 MB, some 1 GB once parsed.
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.tailplan.json");
    std::fs::write(
        &huge,
        format!(
            "{{\"format\":\"tailplan-project\",\"version\":1,\"floors\":[{}{{}}]}}",
            "{},".repeat(9_000_000)
        ),
    )
    .unwrap();
    let line = refused(&["info", s(&huge)], &huge);
    assert!(
        line.contains("JSON objects") && line.contains("the most tailplan opens"),
        "{line}"
    );
}
