//! Hostile files are refused, in bounded memory, with a message that names the file, what
//! went over which limit, where, and how to raise it (issue 9): a DXF "zip bomb" of nested
//! block references, block references nested too deep or inserting themselves, arrays of
//! empty blocks, an SVG "billion laughs" and its quadratic cousin, `<use>` bombs, groups
//! nested too deep, polylines and paths of ten million points, and GeoJSON just as big.
//!
//! No test here times anything (speed goals live in the benchmarks): each checks that the
//! import fails with the right [`ImportError::LimitExceeded`]. The checks are made before the
//! expansion they guard against, so each of these returns in well under a second.

use tailplan_io::import::{
    Format, ImportError, ImportLimits, ImportOptions, Limit, LimitSetting, Scale, Units,
    import_file,
};

fn dxf_options(name: &str) -> ImportOptions {
    ImportOptions {
        units: Some(Units::Millimetres),
        ..ImportOptions::named(name)
    }
}

fn svg_options(name: &str) -> ImportOptions {
    ImportOptions {
        scale: Some(Scale::MetresPerUnit(0.01)),
        ..ImportOptions::named(name)
    }
}

/// The refusal's limit, and its message (which must name the file; the setting that raises it
/// is given by `raised_by`, which each front end names its own way).
fn refused(
    name: &str,
    result: Result<tailplan_io::import::Import, ImportError>,
) -> (Limit, String) {
    match result {
        Err(e @ ImportError::LimitExceeded { limit, .. }) => {
            let message = e.to_string();
            assert!(message.starts_with(&format!("{name}: ")), "{message}");
            assert_eq!(e.raised_by(), Some(limit.setting()), "{message}");
            (limit, message)
        }
        Err(other) => panic!("{name}: refused, but not for a limit: {other}"),
        Ok(_) => panic!("{name}: imported, but should have been refused"),
    }
}

/// A DXF with these blocks and model-space entities.
fn dxf(blocks: &[String], entities: &[String]) -> String {
    format!(
        "0\nSECTION\n2\nHEADER\n9\n$INSUNITS\n70\n4\n0\nENDSEC\n\
         0\nSECTION\n2\nBLOCKS\n{}0\nENDSEC\n\
         0\nSECTION\n2\nENTITIES\n{}0\nENDSEC\n0\nEOF\n",
        blocks.concat(),
        entities.concat()
    )
}

fn block(name: &str, body: &str) -> String {
    format!("0\nBLOCK\n8\n0\n2\n{name}\n70\n0\n10\n0\n20\n0\n{body}0\nENDBLK\n8\n0\n")
}

fn line(layer: &str, x1: f64, y1: f64, x2: f64, y2: f64) -> String {
    format!("0\nLINE\n8\n{layer}\n10\n{x1}\n20\n{y1}\n11\n{x2}\n21\n{y2}\n")
}

/// An INSERT of `name`, as an array of `cols` x `rows` when either is above 1.
fn insert(name: &str, x: f64, cols: u32, rows: u32) -> String {
    format!(
        "0\nINSERT\n8\nA-WALL\n2\n{name}\n10\n{x}\n20\n0\n70\n{cols}\n71\n{rows}\n44\n1000\n45\n1000\n"
    )
}

#[test]
fn a_dxf_block_bomb_is_refused_at_the_entity_limit() {
    // B0 is one wall line; each B(k) holds B(k-1) as a 10 x 1 array: B9 expands to 10^10
    // lines (a few hundred bytes of file).
    let mut blocks = vec![block("B0", &line("0", 0.0, 0.0, 1000.0, 0.0))];
    for k in 1..10 {
        blocks.push(block(
            &format!("B{k}"),
            &insert(&format!("B{}", k - 1), 0.0, 10, 1),
        ));
    }
    let text = dxf(&blocks, &[insert("B9", 0.0, 1, 1)]);
    assert!(text.len() < 2_000);
    let (limit, message) = refused(
        "bomb.dxf",
        import_file("bomb.dxf", text.as_bytes(), &dxf_options("bomb.dxf")),
    );
    assert_eq!(limit, Limit::Entities);
    assert!(
        message.contains(&format!(
            "more than {} entities",
            ImportLimits::DEFAULT_MAX_ENTITIES
        )),
        "{message}"
    );
    // Where: the block it was expanding, and the blocks that inserted it.
    assert!(message.contains("in block \"B0\""), "{message}");
    assert!(message.contains("inserted in \"B1\""), "{message}");
}

#[test]
fn an_array_of_empty_blocks_is_refused_too() {
    // 65,535 x 65,535 references of a block that draws nothing: no entity is ever made, but
    // each array cell counts.
    let text = dxf(
        &[block("EMPTY", "")],
        &[
            line("A-WALL", 0.0, 0.0, 5000.0, 0.0),
            insert("EMPTY", 0.0, 65_535, 65_535),
        ],
    );
    let (limit, message) = refused(
        "array.dxf",
        import_file("array.dxf", text.as_bytes(), &dxf_options("array.dxf")),
    );
    assert_eq!(limit, Limit::Entities);
    assert!(message.contains("INSERT"), "{message}");
}

#[test]
fn blocks_nested_too_deep_or_inserting_themselves_are_refused() {
    // 40 levels of blocks, each inserting the one before once.
    let mut blocks = vec![block("L0", &line("0", 0.0, 0.0, 1000.0, 0.0))];
    for k in 1..40 {
        blocks.push(block(
            &format!("L{k}"),
            &insert(&format!("L{}", k - 1), 0.0, 1, 1),
        ));
    }
    let text = dxf(&blocks, &[insert("L39", 0.0, 1, 1)]);
    let (limit, message) = refused(
        "deep.dxf",
        import_file("deep.dxf", text.as_bytes(), &dxf_options("deep.dxf")),
    );
    assert_eq!(limit, Limit::Nesting);
    assert!(
        message.contains(&format!(
            "more than {} levels of nesting",
            ImportLimits::DEFAULT_MAX_NESTING
        )),
        "{message}"
    );
    assert!(message.contains("in block \"L"), "{message}");
    // Raised, the same file imports.
    let mut options = dxf_options("deep.dxf");
    options.limits.max_nesting = 64;
    let done = import_file("deep.dxf", text.as_bytes(), &options).expect("imports at 64 levels");
    assert_eq!(done.report.source, "deep.dxf");

    // A block that inserts itself (a loop) goes no deeper than the limit either.
    let text = dxf(
        &[block(
            "SELF",
            &[line("0", 0.0, 0.0, 1000.0, 0.0), insert("SELF", 10.0, 2, 1)].concat(),
        )],
        &[insert("SELF", 0.0, 1, 1)],
    );
    let (limit, message) = refused(
        "loop.dxf",
        import_file("loop.dxf", text.as_bytes(), &dxf_options("loop.dxf")),
    );
    // Two copies per level: the entity limit or the nesting limit, whichever comes first.
    assert!(
        matches!(limit, Limit::Nesting | Limit::Entities),
        "{message}"
    );
    assert!(message.contains("in block \"SELF\""), "{message}");
}

/// An LWPOLYLINE of `n` vertices on layer A-WALL, each with `bulge`.
fn lwpolyline(n: usize, bulge: Option<f64>) -> String {
    let mut s = String::with_capacity(n * 20 + 64);
    s.push_str(&format!("0\nLWPOLYLINE\n8\nA-WALL\n90\n{n}\n70\n0\n"));
    for i in 0..n {
        s.push_str(&format!("10\n{}\n20\n{}\n", i % 1000, (i / 1000) % 1000));
        if let Some(b) = bulge {
            s.push_str(&format!("42\n{b}\n"));
        }
    }
    s
}

#[test]
fn a_ten_million_point_dxf_polyline_is_refused() {
    let text = dxf(&[], &[lwpolyline(10_000_000, None)]);
    // At the default file limit, the file's size refuses it before it is read.
    match import_file("huge.dxf", text.as_bytes(), &dxf_options("huge.dxf")) {
        Err(ImportError::TooLarge { limit, .. }) => {
            assert_eq!(limit, Format::Dxf.max_bytes())
        }
        other => panic!("{:?}", other.map(|d| d.report.source)),
    }
    // With the size limit raised, the point count refuses it before the dxf crate holds it:
    // at the line of the polyline, naming its layer.
    let mut options = dxf_options("huge.dxf");
    options.limits.max_file_bytes = Some(1_000_000_000);
    let (limit, message) = refused(
        "huge.dxf",
        import_file("huge.dxf", text.as_bytes(), &options),
    );
    assert_eq!(limit, Limit::Points);
    assert!(
        message.contains("line 21: LWPOLYLINE on layer \"A-WALL\": more than 5000000 points"),
        "{message}"
    );
}

#[test]
fn bulges_count_the_points_they_make() {
    // 100,000 vertices, each a half circle (19 points): 1.9 million points made from a file
    // the prescan passes at a limit of 1 million.
    let text = dxf(&[], &[lwpolyline(100_000, Some(1.0))]);
    let mut options = dxf_options("bulges.dxf");
    options.limits.max_points = 1_000_000;
    let (limit, message) = refused(
        "bulges.dxf",
        import_file("bulges.dxf", text.as_bytes(), &options),
    );
    assert_eq!(limit, Limit::Points);
    assert!(
        message.contains("LWPOLYLINE (handle 1) on layer \"A-WALL\""),
        "{message}"
    );
}

#[test]
fn an_svg_billion_laughs_is_refused_before_it_is_expanded() {
    let mut dtd = String::from("<!ENTITY lol \"lol\">\n");
    for k in 1..10 {
        let prev = if k == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", k - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{k} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    let text = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n{dtd}]>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n\
         <text x=\"1\" y=\"1\">&lol9;</text>\n<path d=\"M0 0 L10 0\" stroke=\"black\"/>\n</svg>\n"
    );
    let (limit, message) = refused(
        "laughs.svg",
        import_file("laughs.svg", text.as_bytes(), &svg_options("laughs.svg")),
    );
    assert_eq!(limit, Limit::EntityExpansion);
    assert!(
        message.contains("line 15: &lol9; (an XML entity of 3000000000 bytes expanded)"),
        "{message}"
    );
}

#[test]
fn an_svg_quadratic_entity_blowup_is_refused() {
    // One 100 KB entity referenced 1,000 times: 100 MB once expanded, which roxmltree's own
    // guard (references per reference) lets through.
    let text = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY big \"{}\">]>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n{}\
         <path d=\"M0 0 L10 0\" stroke=\"black\"/></svg>\n",
        "x".repeat(100_000),
        "<text>&big;</text>\n".repeat(1_000)
    );
    // (Told as SVG: its `<svg` comes after the first 8 KB the format is told from.)
    let options = ImportOptions {
        format: Some(Format::Svg),
        ..svg_options("quadratic.svg")
    };
    let (limit, message) = refused(
        "quadratic.svg",
        import_file("quadratic.svg", text.as_bytes(), &options),
    );
    assert_eq!(limit, Limit::EntityExpansion);
    assert!(message.contains("&big;"), "{message}");
    assert!(message.contains("more than 64000000 bytes"), "{message}");
    // Entities as Illustrator uses them (namespace names) are fine.
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n\
        <!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n]>\n\
        <svg xmlns=\"&ns_svg;\" width=\"100\" height=\"100\"><path d=\"M0 0 L100 0\" stroke=\"black\"/></svg>\n";
    import_file("ai.svg", text.as_bytes(), &svg_options("ai.svg")).expect("imports");
}

#[test]
fn an_svg_use_bomb_is_refused() {
    // g0 is one path; each g(k) uses g(k-1) ten times: g9 stands for 10^9 paths.
    let mut defs = String::from("<g id=\"g0\"><path d=\"M0 0 L10 0\" stroke=\"black\"/></g>\n");
    for k in 1..10 {
        defs.push_str(&format!(
            "<g id=\"g{k}\">{}</g>\n",
            format!("<use href=\"#g{}\"/>", k - 1).repeat(10)
        ));
    }
    let text = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">\n\
         <defs>\n{defs}</defs>\n<use href=\"#g9\"/>\n</svg>\n"
    );
    let (limit, message) = refused(
        "use.svg",
        import_file("use.svg", text.as_bytes(), &svg_options("use.svg")),
    );
    assert_eq!(limit, Limit::Entities);
    assert!(message.contains("<g id=\"g"), "{message}");
}

#[test]
fn svg_groups_nested_too_deep_are_refused() {
    for depth in [40, 200_000] {
        let text = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">\n{}<path d=\"M0 0 L10 0\" stroke=\"black\"/>{}</svg>\n",
            "<g>".repeat(depth),
            "</g>".repeat(depth)
        );
        let (limit, message) = refused(
            "deep.svg",
            import_file("deep.svg", text.as_bytes(), &svg_options("deep.svg")),
        );
        assert_eq!(limit, Limit::Nesting);
        assert!(
            message.contains("line 2: <g>: more than 32 levels of nesting"),
            "{message}"
        );
    }
}

#[test]
fn a_ten_million_point_svg_path_is_refused() {
    // 20 MB: under the file limit.
    let text = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">\n\
         <path id=\"long\" d=\"M0 0{}\" stroke=\"black\"/>\n</svg>\n",
        "h1v1".repeat(5_000_000)
    );
    let (limit, message) = refused(
        "long.svg",
        import_file("long.svg", text.as_bytes(), &svg_options("long.svg")),
    );
    assert_eq!(limit, Limit::Points);
    assert!(
        message.contains("line 2: <path id=\"long\">: more than 5000000 points"),
        "{message}"
    );
}

#[test]
fn svg_curves_count_the_points_they_make() {
    // 200,000 cubic curves pass the raw count at 1 million points, but flatten to 2.4 million.
    let text = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">\n\
         <g id=\"walls\"><path id=\"curvy\" d=\"M0 0{}\" stroke=\"black\"/></g>\n</svg>\n",
        "c1 1 2 1 3 0".repeat(200_000)
    );
    let mut options = svg_options("curvy.svg");
    options.limits.max_points = 1_000_000;
    let (limit, message) = refused(
        "curvy.svg",
        import_file("curvy.svg", text.as_bytes(), &options),
    );
    assert_eq!(limit, Limit::Points);
    assert!(message.contains("<path id=\"curvy\">"), "{message}");
}

#[test]
fn a_ten_million_point_geojson_line_is_refused_before_it_is_parsed() {
    let mut text = String::from(
        "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"kind\":\"wall\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[",
    );
    for i in 0..10_000_000u32 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!("[{},{}]", i % 1000, i / 1000));
    }
    text.push_str("]}}]}\n");
    let options = ImportOptions::named("long.geojson");
    let (limit, message) = refused(
        "long.geojson",
        import_file("long.geojson", text.as_bytes(), &options),
    );
    assert_eq!(limit, Limit::Points);
    assert!(
        message.contains("line 2: coordinates (positions): more than 5000000 points"),
        "{message}"
    );
}

#[test]
fn geojson_of_millions_of_empty_objects_is_refused() {
    let text = format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[{}{{}}]}}",
        "{},".repeat(10_000_000)
    );
    let (limit, message) = refused(
        "objects.geojson",
        import_file(
            "objects.geojson",
            text.as_bytes(),
            &ImportOptions::named("objects.geojson"),
        ),
    );
    assert_eq!(limit, Limit::Entities);
    assert!(message.contains("JSON objects"), "{message}");
}

#[test]
fn the_file_size_limit_is_a_setting() {
    let text = dxf(&[], &[line("A-WALL", 0.0, 0.0, 5000.0, 0.0)]);
    let mut options = dxf_options("small.dxf");
    options.limits.max_file_bytes = Some(100);
    match import_file("small.dxf", text.as_bytes(), &options) {
        Err(e @ ImportError::TooLarge { .. }) => {
            assert_eq!(e.raised_by(), Some(LimitSetting::FileSize), "{e}")
        }
        other => panic!("{:?}", other.map(|d| d.report.source)),
    }
}

#[test]
fn hatch_boundaries_count_their_points() {
    // One boundary of 2,000 full-circle arc edges: 74,000 points from 200 KB.
    let mut hatch = String::from(
        "0\nHATCH\n8\nA-WALL-PATT\n10\n0\n20\n0\n30\n0\n2\nSOLID\n70\n1\n71\n0\n91\n1\n92\n1\n93\n2000\n",
    );
    for _ in 0..2_000 {
        hatch.push_str("72\n2\n10\n0\n20\n0\n40\n100\n50\n0\n51\n360\n73\n1\n");
    }
    hatch.push_str("97\n0\n75\n0\n76\n1\n98\n0\n");
    let text = dxf(&[], &[line("A-WALL", 0.0, 0.0, 5000.0, 0.0), hatch]);
    let mut options = dxf_options("hatch.dxf");
    options.limits.max_points = 10_000;
    let (limit, message) = refused(
        "hatch.dxf",
        import_file("hatch.dxf", text.as_bytes(), &options),
    );
    assert_eq!(limit, Limit::Points);
    assert!(
        message.contains("HATCH on layer \"A-WALL-PATT\""),
        "{message}"
    );
}

#[test]
fn an_svg_marker_bomb_draws_no_markers() {
    // usvg copies a marker at every vertex of a path that names it: a marker of a thousand
    // shapes on a path of 20,000 vertices would be 2 x 10^7 elements. Markers (arrowheads,
    // dimension ticks) are not drawn at all.
    let text = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">\n\
         <defs><marker id=\"m\" markerWidth=\"10\" markerHeight=\"10\">{}</marker></defs>\n\
         <g id=\"walls\"><path d=\"M0 0{}\" stroke=\"black\" marker-mid=\"url(#m)\" style=\"marker-end: url(#m)\"/></g>\n</svg>\n",
        "<path d=\"M0 0 L1 1\" stroke=\"black\"/>".repeat(1_000),
        " h1".repeat(20_000)
    );
    let done = import_file("marker.svg", text.as_bytes(), &svg_options("marker.svg"))
        .expect("imports, without its markers");
    // The path is the layer's one entity: no marker copy was drawn.
    let walls = done.report.layers.iter().find(|l| l.name == "walls");
    assert_eq!(
        walls.map(|l| l.entities),
        Some(1),
        "{:?}",
        done.report.layers
    );
}

/// The small sample with one more wall, `km` kilometres long: a project file that asks for a
/// map far too big for memory at the default cells.
fn small_with_a_wall_of(km: f64) -> tailplan_core::Project {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../floorplans/small.tailplan.json"
    );
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let walls = value["floors"][0]["walls"].as_array_mut().unwrap();
    walls.push(serde_json::json!({
        "id": "w-far", "shape": {"line": [[0.0, 0.0], [km * 1000.0, km * 1000.0]]},
        "material": "concrete", "thickness_m": 0.3
    }));
    tailplan_core::project_file::from_value(value).unwrap().0
}

#[test]
fn a_coverage_grid_beyond_the_cell_limit_is_refused_before_it_is_allocated() {
    use tailplan_core::WifiBand;
    use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
    use tailplan_core::coverage::{
        ApPlacementOptions, CoverageEngine, CoverageError, CoverageRequest, Service, place_aps,
    };
    // 1,000 km square at 0.5 m: 4 × 10^12 cells, 16 TB per field.
    let project = small_with_a_wall_of(1000.0);
    let request = CoverageRequest::new("0", Service::Wifi(WifiBand::Ghz5));
    let mut engine = CoverageEngine::new();
    assert_eq!(engine.max_cells(), DEFAULT_MAX_CELLS);
    let err = engine.heatmaps(&project, &request).unwrap_err();
    let CoverageError::GridTooLarge {
        cells, max_cells, ..
    } = err
    else {
        panic!("{err}")
    };
    assert_eq!((cells, max_cells), (4e12, DEFAULT_MAX_CELLS));
    // The message shows the plan's extent: something drawn 1,000 km away.
    assert_eq!(
        err.to_string(),
        "a map of 4,000,000,000,000 cells of 0.5 m over 1,000,000 × 1,000,000 m is more than the grid-cell limit of 8,000,000: use larger cells or raise the limit"
    );
    assert_eq!(engine.cached_fields(), 0, "nothing was computed");
    let placed = place_aps(&project, "0", &ApPlacementOptions::default());
    assert!(matches!(placed, Err(CoverageError::GridTooLarge { .. })));

    // The limit is a setting: the small floor alone (60 × 30 cells) passes a limit of 1,800
    // and not one of 1,799.
    let small = small_with_a_wall_of(0.0);
    engine.set_max_cells(1_800);
    assert_eq!(engine.heatmaps(&small, &request).unwrap().grid.len(), 1_800);
    engine.set_max_cells(1_799);
    assert!(matches!(
        engine.heatmaps(&small, &request),
        Err(CoverageError::GridTooLarge {
            max_cells: 1_799,
            ..
        })
    ));
}
