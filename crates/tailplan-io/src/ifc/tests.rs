use super::georef::compound_angle;
use super::*;
use crate::import::options::ImportLimits;
use crate::import::{ImportOptions, import_file};

/// A small IFC model: a project in `unit` (an `IFCSIUNIT` or conversion-based unit's
/// entities, the length unit being #10), a storey at `elevation`, and `extra` entities
/// (walls...) contained in it by #100 (their ids listed in `contained`).
fn model(schema: &str, unit: &str, elevation: &str, extra: &str, contained: &str) -> String {
    format!(
        "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('t.ifc','',(''),(''),'','','');\n\
         FILE_SCHEMA(('{schema}'));\nENDSEC;\nDATA;\n\
         #1=IFCPROJECT('0P',$,'P',$,$,$,$,$,#9);\n\
         #9=IFCUNITASSIGNMENT((#10));\n{unit}\n\
         #20=IFCCARTESIANPOINT((0.,0.,0.));\n\
         #21=IFCAXIS2PLACEMENT3D(#20,$,$);\n\
         #22=IFCLOCALPLACEMENT($,#21);\n\
         #23=IFCBUILDINGSTOREY('0S',$,'EG',$,$,#22,$,'Erdgeschoss',.ELEMENT.,{elevation});\n\
         {extra}\n\
         #100=IFCRELCONTAINEDINSPATIALSTRUCTURE('0R',$,$,$,({contained}),#23);\n\
         ENDSEC;\nEND-ISO-10303-21;\n"
    )
}

const MM: &str = "#10=IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);";
const FOOT: &str = "#10=IFCCONVERSIONBASEDUNIT(#11,.LENGTHUNIT.,'FOOT',#12);\n\
    #11=IFCDIMENSIONALEXPONENTS(1,0,0,0,0,0,0);\n\
    #12=IFCMEASUREWITHUNIT(IFCLENGTHMEASURE(0.3048),#13);\n\
    #13=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);";

/// A wall #30 placed at `at` (file units, relative to the storey) with an axis `length`
/// long along x, a rectangle body `thickness` thick centred on it, and a material layer set
/// of `thickness` named `material`.
fn wall(at: &str, length: &str, thickness: &str, material: &str) -> String {
    format!(
        "#30=IFCWALLSTANDARDCASE('0W',$,'Wall',$,$,#31,#40,$);\n\
         #31=IFCLOCALPLACEMENT(#22,#32);\n#32=IFCAXIS2PLACEMENT3D(#33,$,$);\n\
         #33=IFCCARTESIANPOINT(({at}));\n\
         #40=IFCPRODUCTDEFINITIONSHAPE($,$,(#41,#45));\n\
         #41=IFCSHAPEREPRESENTATION($,'Axis','Curve2D',(#42));\n\
         #42=IFCPOLYLINE((#43,#44));\n#43=IFCCARTESIANPOINT((0.,0.));\n\
         #44=IFCCARTESIANPOINT(({length},0.));\n\
         #45=IFCSHAPEREPRESENTATION($,'Body','SweptSolid',(#46));\n\
         #46=IFCEXTRUDEDAREASOLID(#47,$,#49,3000.);\n\
         #47=IFCRECTANGLEPROFILEDEF(.AREA.,$,#48,{length},{thickness});\n\
         #48=IFCAXIS2PLACEMENT2D(#50,$);\n#50=IFCCARTESIANPOINT(({length}/2,0.));\n\
         #49=IFCDIRECTION((0.,0.,1.));\n\
         #60=IFCRELASSOCIATESMATERIAL('0M',$,$,$,(#30),#61);\n\
         #61=IFCMATERIALLAYERSETUSAGE(#62,.AXIS2.,.POSITIVE.,-{thickness}/2);\n\
         #62=IFCMATERIALLAYERSET((#63),'Set');\n#63=IFCMATERIALLAYER(#64,{thickness},$);\n\
         #64=IFCMATERIAL('{material}');"
    )
    // `{length}/2` is not STEP: the callers give numbers, replaced below.
    .replace(
        &format!("(({length}/2,0.))"),
        &format!("(({},0.))", half(length)),
    )
    .replace(&format!("-{thickness}/2"), &format!("-{}", half(thickness)))
}

fn half(v: &str) -> String {
    let x: f64 = v.trim_end_matches('.').parse().unwrap();
    format!("{:?}", x / 2.0)
}

fn import(text: &str) -> Result<Import, ImportError> {
    import_file("t.ifc", text.as_bytes(), &ImportOptions::named("t.ifc"))
}

fn with_limits(text: &str, limits: ImportLimits) -> Result<Import, ImportError> {
    let options = ImportOptions {
        limits,
        ..ImportOptions::named("t.ifc")
    };
    import_file("t.ifc", text.as_bytes(), &options)
}

#[test]
fn a_wall_in_millimetres_in_ifc4() {
    let text = model(
        "IFC4",
        MM,
        "3500.",
        &wall("1000.,2000.,0.", "5000.", "200.", "Stahlbeton"),
        "#30",
    );
    let done = import(&text).unwrap();
    let f = &done.project.floors[0];
    assert_eq!(
        (f.id.as_str(), f.name.as_str(), f.elevation_m),
        ("EG", "Erdgeschoss", 3.5)
    );
    let w = &f.walls.as_slice()[0];
    assert_eq!(
        w.shape.points().collect::<Vec<_>>(),
        [Point::new(1.0, 2.0), Point::new(6.0, 2.0)]
    );
    assert_eq!(
        (w.thickness_m, w.material.as_deref()),
        (0.2, Some("concrete"))
    );
    assert_eq!(done.report.units, "mm (IFC4)");
    assert_eq!(done.report.format, "ifc");
    assert_eq!(
        done.report.materials[0].material.as_deref(),
        Some("concrete")
    );
}

#[test]
fn a_wall_in_feet_in_ifc2x3() {
    let text = model(
        "IFC2X3",
        FOOT,
        "10.",
        &wall("0.,0.,0.", "20.", "0.5", "Gypsum Wall Board"),
        "#30",
    );
    let done = import(&text).unwrap();
    let f = &done.project.floors[0];
    assert!((f.elevation_m - 3.048).abs() < 1e-9);
    let w = &f.walls.as_slice()[0];
    let pts: Vec<Point> = w.shape.points().collect();
    assert!((pts[1].x - 6.096).abs() < 1e-3, "{pts:?}");
    assert!((w.thickness_m - 0.152).abs() < 1e-3);
    assert_eq!(w.material.as_deref(), Some("drywall"));
    assert_eq!(done.report.units, "ft (IFC2X3)");
}

#[test]
fn the_placement_chain_is_followed() {
    // The storey turned 90° and moved: the wall's x axis runs north.
    let text = model("IFC4", MM, "0.", &wall("0.,0.,0.", "4000.", "100.", "Holz"), "#30")
        .replace(
            "#21=IFCAXIS2PLACEMENT3D(#20,$,$);",
            "#21=IFCAXIS2PLACEMENT3D(#24,$,#25);\n#24=IFCCARTESIANPOINT((10000.,5000.,0.));\n#25=IFCDIRECTION((0.,1.,0.));",
        );
    let done = import(&text).unwrap();
    let w = &done.project.floors[0].walls.as_slice()[0];
    let pts: Vec<Point> = w.shape.points().collect();
    assert_eq!(pts, [Point::new(10.0, 5.0), Point::new(10.0, 9.0)]);
    assert_eq!(w.material.as_deref(), Some("wood"));
}

#[test]
fn a_storey_without_walls_is_no_floor_and_naming_one_that_is_not_there_says_so() {
    let text = model("IFC4", MM, "0.", "", "#23");
    let e = import(&text).unwrap_err();
    assert!(
        e.to_string()
            .contains("no storey of the model holds a wall"),
        "{e}"
    );
    let text = model(
        "IFC4",
        MM,
        "0.",
        &wall("0.,0.,0.", "4000.", "100.", "x"),
        "#30",
    );
    let options = ImportOptions {
        storeys: vec!["OG 7".into()],
        ..ImportOptions::named("t.ifc")
    };
    let e = import_file("t.ifc", text.as_bytes(), &options).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.ifc: no storey named \"OG 7\" (storeys: EG)"
    );
    // An unknown material: drywall, and the report says so.
    let done = import(&text).unwrap();
    assert!(
        done.report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("drywall assumed"))
    );
}

#[test]
fn hostile_models_are_refused_naming_the_line_and_entity() {
    let good = model(
        "IFC4",
        MM,
        "0.",
        &wall("0.,0.,0.", "4000.", "100.", "x"),
        "#30",
    );
    let cases: Vec<(String, &str)> = vec![
        // A placement cycle.
        (
            good.replace(
                "#22=IFCLOCALPLACEMENT($,#21);",
                "#22=IFCLOCALPLACEMENT(#31,#21);",
            ),
            "levels of nesting",
        ),
        // A dangling reference.
        (
            good.replace("#42=IFCPOLYLINE((#43,#44));", "#42=IFCPOLYLINE((#43,#99));"),
            "#99 is referred to but not defined",
        ),
        // Truncated.
        (good[..good.len() / 2].to_owned(), "t.ifc: line"),
        // Another schema.
        (
            good.replace("'IFC4'", "'AUTOMOTIVE_DESIGN'"),
            "schema AUTOMOTIVE_DESIGN",
        ),
        // A point that is no point.
        (
            good.replace(
                "#43=IFCCARTESIANPOINT((0.,0.));",
                "#43=IFCCARTESIANPOINT(());",
            ),
            "a point needs 1 to 3 coordinates",
        ),
        // A number too big for a float.
        (
            good.replace(
                "#44=IFCCARTESIANPOINT((4000.,0.));",
                "#44=IFCCARTESIANPOINT((1.E999,0.));",
            ),
            "is not a number",
        ),
        // A wrong type where a placement is expected.
        (
            good.replace(
                "#31=IFCLOCALPLACEMENT(#22,#32);",
                "#31=IFCLOCALPLACEMENT(#22,#33);",
            ),
            "is not a placement",
        ),
    ];
    for (text, says) in cases {
        let e = import(&text).expect_err(says);
        let m = e.to_string();
        assert!(m.starts_with("t.ifc: ") && m.contains(says), "{says}: {m}");
    }
}

#[test]
fn limits_hold_entities_nesting_and_work() {
    let good = model(
        "IFC4",
        MM,
        "0.",
        &wall("0.,0.,0.", "4000.", "100.", "x"),
        "#30",
    );
    let limits = ImportLimits {
        max_entities: 10,
        ..ImportLimits::default()
    };
    let e = with_limits(&good, limits).unwrap_err();
    assert_eq!(
        e.raised_by(),
        Some(crate::import::LimitSetting::Entities),
        "{e}"
    );
    // Maps of maps: each of 20 levels maps the level below twice (2^20 leaves), against a
    // work limit of 100,000.
    let mut maps = String::new();
    for level in 0..20u64 {
        let (rep, map, item) = (1000 + level * 3, 1001 + level * 3, 1002 + level * 3);
        let inner = if level == 0 {
            "#49".to_owned()
        } else {
            format!("#{},#{}", item - 3, item - 3)
        };
        maps += &format!(
            "#{rep}=IFCSHAPEREPRESENTATION($,'Body','MappedRepresentation',({inner}));\n\
             #{map}=IFCREPRESENTATIONMAP(#21,#{rep});\n#{item}=IFCMAPPEDITEM(#{map},$);\n"
        );
    }
    let bomb = good.replace("(#41,#45)", "(#41,#45,#2000)").replace(
        "#100=",
        &format!(
            "{maps}#2000=IFCSHAPEREPRESENTATION($,'Body','MappedRepresentation',(#1059));\n#100="
        ),
    );
    let limits = ImportLimits {
        max_points: 100_000,
        ..ImportLimits::default()
    };
    let e = with_limits(&bomb, limits).unwrap_err();
    assert_eq!(
        e.raised_by(),
        Some(crate::import::LimitSetting::Points),
        "{e}"
    );
    // Lists nested deeper than the nesting limit.
    let deep = good.replace(
        "#49=IFCDIRECTION((0.,0.,1.));",
        &format!("#49=IFCDIRECTION({}0.{});", "(".repeat(64), ")".repeat(64)),
    );
    let e = import(&deep).unwrap_err();
    assert_eq!(
        e.raised_by(),
        Some(crate::import::LimitSetting::Nesting),
        "{e}"
    );
}

#[test]
fn rectangles_and_hulls() {
    let pts = [
        Point::new(0.0, 0.0),
        Point::new(4.0, 0.0),
        Point::new(4.0, 0.2),
        Point::new(0.0, 0.2),
        Point::new(2.0, 0.1),
    ];
    assert_eq!(convex_hull(&pts).len(), 4);
    let Rect {
        centre: c,
        along: u,
        length: l,
        width: w,
    } = enclosing_rectangle(&pts).unwrap();
    assert!((c.x - 2.0).abs() < 1e-9 && (c.y - 0.1).abs() < 1e-9);
    assert!((u.0.abs() - 1.0).abs() < 1e-9);
    assert!((l - 4.0).abs() < 1e-9 && (w - 0.2).abs() < 1e-9);
    let a = compound_angle(&Value::List(vec![
        Value::Int(41),
        Value::Int(52),
        Value::Int(27),
        Value::Int(840000),
    ]))
    .unwrap();
    assert!((a - 41.8744).abs() < 1e-6);
    let south = compound_angle(&Value::List(vec![
        Value::Int(-87),
        Value::Int(-38),
        Value::Int(-21),
        Value::Int(-839999),
    ]))
    .unwrap();
    assert!((south + 87.6394).abs() < 1e-6);
}

/// The site (#200, its reference point in Berlin, placed at `site_at` mm), the model context
/// (#210, its TrueNorth `north`) and `map` (an `IfcMapConversion` and its CRS, or nothing).
fn georeferenced(site_at: &str, north: &str, map: &str) -> String {
    let extra = format!(
        "{}\n#200=IFCSITE('0T',$,'Site',$,$,#201,$,$,.ELEMENT.,(52,31,12,0),(13,24,18,0),34000.,$,$);\n\
         #201=IFCLOCALPLACEMENT($,#202);\n#202=IFCAXIS2PLACEMENT3D(#203,$,$);\n\
         #203=IFCCARTESIANPOINT(({site_at}));\n\
         #210=IFCGEOMETRICREPRESENTATIONCONTEXT($,'Model',3,1.E-05,#21,{north});\n\
         #211=IFCDIRECTION((-1.,0.));\n#212=IFCDIRECTION((0.,0.));\n{map}",
        wall("0.,0.,0.", "4000.", "100.", "x")
    );
    model("IFC4", MM, "0.", &extra, "#30")
}

/// An `IfcMapConversion` to `crs` with the map's unit `unit` (`#222` metres or `$`).
fn map_conversion(crs: &str, unit: &str, e: f64, n: f64, x_axis: (f64, f64)) -> String {
    format!(
        "#220=IFCMAPCONVERSION(#210,#221,{e:?},{n:?},34.,{:?},{:?},1.);\n\
         #221=IFCPROJECTEDCRS('{crs}',$,$,$,$,$,{unit});\n\
         #222=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);",
        x_axis.0, x_axis.1
    )
}

fn said(done: &Import, what: &str) -> bool {
    done.report
        .diagnostics
        .iter()
        .any(|d| d.message.contains(what))
}

#[test]
fn georeferences_from_the_map_conversion_or_the_site() {
    let (lat, lon) = (
        52.0 + 31.0 / 60.0 + 12.0 / 3600.0,
        13.0 + 24.0 / 60.0 + 18.0 / 3600.0,
    );
    // The site's reference point at the origin, the model's y axis north.
    let done = import(&georeferenced("0.,0.,0.", "$", "")).unwrap();
    let g = done.project.georef.unwrap();
    assert!((g.origin_lat_deg - lat).abs() < 1e-12 && (g.origin_lon_deg - lon).abs() < 1e-12);
    assert_eq!(g.north_deg, 0.0);
    assert!(said(&done, "(the plan's north is the model's y axis)"));

    // TrueNorth along −x: the plan's y axis points east, its x axis south; the site's
    // reference point 10 m along x lies 10 m south of the model's origin.
    let done = import(&georeferenced("10000.,0.,0.", "#211", "")).unwrap();
    let g = done.project.georef.unwrap();
    assert!((g.north_deg - 90.0).abs() < 1e-12, "{g:?}");
    assert!(
        ((g.origin_lat_deg - lat) * 111_250.0 - 10.0).abs() < 0.05,
        "{g:?}"
    );
    assert!((g.origin_lon_deg - lon).abs() < 1e-9);
    assert!(said(
        &done,
        "90.00° east of true north (the model's TrueNorth)"
    ));

    // A map conversion to ETRS89 / UTM 33N (the Brandenburg Gate, PROJ's grid position), the
    // model's x axis 30° anticlockwise of grid east: it wins over the site, 1.8 km away.
    let (e, n) = (389_918.041_5, 5_819_699.132_3);
    let turned = (30f64.to_radians().cos(), 30f64.to_radians().sin());
    for map in [
        map_conversion("EPSG:25833", "#222", e, n, turned),
        // No map unit: the project's millimetres.
        map_conversion("EPSG:25833", "$", e * 1000.0, n * 1000.0, turned),
    ] {
        let done = import(&georeferenced("0.,0.,0.", "$", &map)).unwrap();
        let g = done.project.georef.unwrap();
        assert!(
            (g.origin_lon_deg - 13.377704).abs() < 1e-7
                && (g.origin_lat_deg - 52.516275).abs() < 1e-7,
            "{g:?}"
        );
        // −30° from the axis, −1.287° from the grid's convergence (PROJ: −1.28746°).
        assert!((g.north_deg + 31.2875).abs() < 0.001, "{g:?}");
        assert!(said(&done, "IfcMapConversion to EPSG:25833 (UTM zone 33N)"));
        assert!(said(&done, "31.29° west of true north"));
        assert!(said(&done, "put the model 18"));
        // No TrueNorth given: nothing to disagree with.
        assert!(!said(&done, "TrueNorth"));
    }
    // A TrueNorth that disagrees with the map conversion is said.
    let map = map_conversion("EPSG:25833", "#222", e, n, turned);
    let done = import(&georeferenced("0.,0.,0.", "#211", &map)).unwrap();
    assert!((done.project.georef.unwrap().north_deg + 31.2875).abs() < 0.001);
    assert!(said(
        &done,
        "TrueNorth turns the plan's y axis 90.00° from true north, its map conversion -31.29°"
    ));

    // Maps tailplan cannot take back: the site's point is used, and the report says why.
    for (map, why) in [
        (
            map_conversion("EPSG:31468", "#222", 4_591_000.0, 5_820_000.0, (1.0, 0.0)),
            "its CRS \"EPSG:31468\" is not a UTM zone",
        ),
        (
            map_conversion("EPSG:25833", "#222", 5_000_000.0, n, (1.0, 0.0)),
            "is outside UTM zone 33N",
        ),
        (
            map_conversion("EPSG:25833", "#222", e, n, (0.0, 0.0)),
            "gives no direction",
        ),
        (
            "#220=IFCMAPCONVERSION(#210,$,1.,2.,0.,$,$,$);".to_owned(),
            "names no target CRS",
        ),
    ] {
        let done = import(&georeferenced("0.,0.,0.", "$", &map)).unwrap();
        let g = done.project.georef.unwrap();
        assert!((g.origin_lat_deg - lat).abs() < 1e-12, "{why}");
        assert!(said(&done, why), "{why}: {:?}", done.report.diagnostics);
        assert!(said(
            &done,
            "the site's reference latitude and longitude are used"
        ));
    }

    // A TrueNorth of no length: north is the y axis, with a warning.
    let done = import(&georeferenced("0.,0.,0.", "#212", "")).unwrap();
    assert_eq!(done.project.georef.unwrap().north_deg, 0.0);
    assert!(said(
        &done,
        "#212: the model's TrueNorth (0, 0) gives no direction"
    ));

    // A dangling CRS is a broken file: refused naming the reference.
    let broken = georeferenced(
        "0.,0.,0.",
        "$",
        "#220=IFCMAPCONVERSION(#210,#299,1.,2.,0.,$,$,$);",
    );
    let e = import(&broken).unwrap_err();
    assert!(e.to_string().contains("#299"), "{e}");
}
