use serde_json::{Value, json};
use tailplan_core::{
    ElementKind, GeoReference, IotTech, LossOverride, Medium, Point, Severity, Shape, WifiBand,
};

use super::*;

fn collection(features: Value) -> String {
    json!({"type": "FeatureCollection", "features": features}).to_string()
}

fn feature(kind: &str, geometry: Value, mut props: Value) -> Value {
    props["kind"] = json!(kind);
    json!({"type": "Feature", "geometry": geometry, "properties": props})
}

fn pt(x: f64, y: f64) -> Value {
    json!({"type": "Point", "coordinates": [x, y]})
}

fn ls(coords: Value) -> Value {
    json!({"type": "LineString", "coordinates": coords})
}

fn opts() -> ImportOptions {
    ImportOptions {
        source_name: "plan.geojson".into(),
        crs: CrsChoice::Auto,
    }
}

fn import_ok(text: &str) -> Import {
    import(text, &opts()).unwrap_or_else(|e| panic!("{e}"))
}

fn error_of(text: &str) -> String {
    import(text, &opts()).unwrap_err().to_string()
}

#[test]
fn every_kind_with_its_defaults() {
    let text = collection(json!([
        feature("wall", ls(json!([[0, 0], [10, 0]])), json!({})),
        feature("door", ls(json!([[1, 0], [2, 0]])), json!({})),
        feature("window", ls(json!([[3, 0], [4, 0]])), json!({})),
        feature(
            "room",
            json!({"type": "Polygon", "coordinates": [[[0,0],[10,0],[10,5],[0,5],[0,0]]]}),
            json!({"name": "1.01"})
        ),
        feature("ap", pt(5.0, 2.0), json!({})),
        feature("gateway", pt(6.0, 2.0), json!({"tech": "lorawan"})),
        feature(
            "device",
            pt(7.0, 2.0),
            json!({"tech": "zigbee", "class": "lighting"})
        ),
        feature("device", pt(7.5, 2.0), json!({"class": ""})),
        feature("outlet", pt(8.0, 1.0), json!({})),
        feature("telecom_room", pt(9.0, 4.0), json!({})),
        feature("tray", ls(json!([[0, 2.5], [10, 2.5]])), json!({})),
        feature("riser", pt(9.5, 4.5), json!({"name": "R1"})),
        feature(
            "route",
            ls(json!([[7.5, 2], [7.5, 2.5], [9, 2.5]])),
            json!({"from": "CAM", "to": "TR"})
        ),
    ]));
    let done = import_ok(&text);
    assert!(!done.report.wgs84, "small planar plans read as planar");
    let f = &done.project.floors[0];
    assert_eq!(
        (f.id.as_str(), f.name.as_str(), f.ceiling_m),
        ("0", "Floor 0", 2.8)
    );
    let w = &f.walls.as_slice()[0];
    assert_eq!(
        (w.material.as_deref(), w.thickness_m),
        (Some("drywall"), 0.12)
    );
    assert_eq!(f.openings[0].material, "wood");
    assert_eq!(f.openings[1].material, "glass");
    assert_eq!(f.rooms[0].name, "1.01");
    let ap = &f.access_points[0];
    assert_eq!(
        (ap.model.as_deref(), ap.radios.as_slice(), ap.height_m),
        (
            None,
            &[tailplan_core::Radio::new(WifiBand::Ghz5, 20.0)][..],
            2.5
        )
    );
    assert_eq!(ap.name, ap.id, "an unnamed element is named by its id");
    let g = &f.gateways[0];
    assert_eq!(
        (g.tech, g.tx_dbm, g.height_m),
        (IotTech::Lorawan, 14.0, 2.5)
    );
    assert_eq!(
        (f.devices[0].medium, f.devices[0].height_m),
        (Medium::Wireless, 0.3)
    );
    assert_eq!(f.devices[1].medium, Medium::Cat6a);
    // A class as given; none (or an empty one) is a sensor.
    assert_eq!(
        (
            f.devices[0].class(),
            f.devices[1].class.as_deref(),
            f.devices[1].class()
        ),
        ("lighting", None, "sensor")
    );
    assert!(
        f.devices[0].props.is_empty(),
        "class is a member, not a property kept"
    );
    assert_eq!((f.outlets[0].ports, f.outlets[0].height_m), (2, 0.3));
    assert_eq!(
        (f.telecom_rooms[0].ports, f.telecom_rooms[0].poe_budget_w),
        (96, None)
    );
    assert_eq!(f.trays[0].height_m, None);
    assert_eq!(f.risers[0].name, "R1");
    assert_eq!(
        (f.routes[0].from.as_str(), f.routes[0].length_m()),
        ("CAM", 2.0)
    );
    assert_eq!(done.report.counts[&ElementKind::Device], 2);
    assert_eq!(done.report.counts.values().sum::<usize>(), 13);
}

#[test]
fn full_project_round_trips_exactly() {
    let text = collection(json!([
        {"type": "Feature", "geometry": null, "properties": {"kind": "floor", "id": "L2", "name": "Level 2", "elevation_m": 7.2, "ceiling_m": 3.0, "finish": "carpet"}},
        {"type": "Feature", "id": "w1", "geometry": {"type": "MultiLineString", "coordinates": [[[0,0],[5,0]], [[5,1],[5,4]]]},
         "properties": {"kind": "wall", "floor": "L2", "loss_db": {"2.4": 3, "5": 4, "6": 5}, "fire_rating": "EI60"}},
        {"type": "Feature", "id": "w2", "geometry": {"type": "Polygon", "coordinates": [[[10,10],[12,10],[12,12],[10,10]]]},
         "properties": {"kind": "wall", "floor": "L2", "material": "concrete", "loss_db": 30, "thickness_m": 0.4}},
        {"type": "Feature", "id": "tr", "geometry": {"type": "Polygon", "coordinates": [[[20,0],[24,0],[24,3],[20,3],[20,0]]]},
         "properties": {"kind": "telecom_room", "floor": "L2", "name": "TR-2", "ports": 288, "poe_budget_w": 3000, "rack": [23.5, 0.5]}},
        {"type": "Feature", "id": "a1", "geometry": {"type": "Point", "coordinates": [3.25, 2.5]},
         "properties": {"kind": "ap", "floor": "L2", "name": "AP-1", "band": "6", "channel": 37, "tx_dbm": 18, "height_m": 3, "poe_w": 25.5, "vendor": {"model": "X1"}}},
        {"type": "Feature", "id": "d1", "geometry": {"type": "LineString", "coordinates": [[1, 1], [2, 1]]},
         "properties": {"kind": "door", "floor": "L2", "material": "glass", "open": true}},
        {"type": "Feature", "id": "u1", "feature_type": "amenity", "geometry": {"type": "Point", "coordinates": [2, 2]},
         "properties": {"kind": "sprinkler", "floor": "L2", "k": 80}},
        {"type": "Feature", "id": "t1", "geometry": {"type": "LineString", "coordinates": [[0,5],[30,5]]},
         "properties": {"kind": "tray", "floor": "L2", "name": "T1", "capacity": 120, "width_mm": 300, "depth_mm": 60, "height_m": 3.1}},
        {"type": "Feature", "id": "cam", "geometry": {"type": "Point", "coordinates": [4, 4]},
         "properties": {"kind": "device", "floor": "L2", "name": "CAM-1", "medium": "cat6a", "class": "camera", "poe_w": 12.95}},
    ]));
    let first = import_ok(&text).project;
    assert_eq!(first.floors[0].devices[0].class(), "camera");
    let f = &first.floors[0];
    assert_eq!(
        (f.id.as_str(), f.name.as_str(), f.elevation_m, f.ceiling_m),
        ("L2", "Level 2", 7.2, 3.0)
    );
    assert_eq!(f.props["finish"], "carpet");
    let w1 = f.walls.get(0).unwrap();
    assert!(matches!(w1.shape, Shape::MultiLine(ref l) if l.len() == 2));
    assert_eq!(w1.material, None);
    assert_eq!(w1.loss_db.unwrap().band_loss().sub_ghz, 1.8);
    assert_eq!(w1.props["fire_rating"], "EI60");
    assert_eq!(
        f.walls.get(1).unwrap().loss_db,
        Some(LossOverride::Uniform(30.0))
    );
    assert_eq!(f.telecom_rooms[0].position, Point::new(23.5, 0.5));
    assert_eq!(f.access_points[0].props["vendor"]["model"], "X1");
    assert!(f.openings[0].open);
    assert_eq!(f.others[0].kind(), Some("sprinkler"));
    assert_eq!(f.others[0].members["feature_type"], "amenity");
    assert_eq!(f.trays[0].capacity, Some(120));

    let exported = export(&first);
    let second = import_ok(&exported).project;
    assert_eq!(second, first, "GeoJSON round trip changed the project");
    assert_eq!(export(&second), exported, "export is not stable");
    // The unknown feature comes back as it was, foreign member and all.
    let v: Value = serde_json::from_str(&exported).unwrap();
    let other = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "u1")
        .unwrap();
    assert_eq!(other["feature_type"], "amenity");
    assert_eq!(other["properties"]["k"], 80);
}

#[test]
fn wgs84_is_detected_and_projected() {
    // A 30 x 20 m box near Cambridge, in lon/lat, without the tailplan member.
    let (lon0, lat0) = (0.19420, 52.18560);
    let dlon = 30.0 / 68_500.0;
    let dlat = 20.0 / 111_260.0;
    let ring = json!([[
        [lon0, lat0],
        [lon0 + dlon, lat0],
        [lon0 + dlon, lat0 + dlat],
        [lon0, lat0 + dlat],
        [lon0, lat0]
    ]]);
    let text = collection(json!([feature(
        "room",
        json!({"type": "Polygon", "coordinates": ring}),
        json!({"name": "Hall"})
    )]));
    let done = import_ok(&text);
    assert!(done.report.wgs84);
    assert!(
        done.report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Info && d.message.contains("WGS84"))
    );
    let b = done.project.floors[0].bbox().unwrap();
    assert!(
        (b.width() - 30.0).abs() < 0.2 && (b.height() - 20.0).abs() < 0.1,
        "{b:?}"
    );
    assert!(
        b.center().distance(Point::new(0.0, 0.0)) < 0.01,
        "centred on the origin: {b:?}"
    );
    let g = done.project.georef.unwrap();
    assert!((g.origin_lat_deg - (lat0 + dlat / 2.0)).abs() < 1e-9);

    // The same numbers with the tailplan member, or with --crs planar, are metres.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["tailplan"] = json!({"version": 1});
    assert!(!import_ok(&v.to_string()).report.wgs84);
    let planar = import(
        &text,
        &ImportOptions {
            crs: CrsChoice::Planar,
            ..opts()
        },
    )
    .unwrap();
    assert!(!planar.report.wgs84);
}

#[test]
fn floors_from_properties_numbers_and_floor_features() {
    let text = collection(json!([
        feature("ap", pt(1.0, 1.0), json!({"floor": 2})),
        feature("ap", pt(1.0, 1.0), json!({"floor": "2"})),
        feature("ap", pt(1.0, 1.0), json!({})),
        {"type": "Feature", "id": "3", "geometry": null, "properties": {"kind": "floor", "name": "Roof", "elevation_m": 12}},
    ]));
    let done = import_ok(&text);
    let floors: Vec<(&str, &str, f64)> = done
        .project
        .floors
        .iter()
        .map(|f| (f.id.as_str(), f.name.as_str(), f.elevation_m))
        .collect();
    assert_eq!(
        floors,
        [
            ("2", "Floor 2", 7.0),
            ("0", "Floor 0", 0.0),
            ("3", "Roof", 12.0)
        ]
    );
    assert_eq!(done.project.floors[0].access_points.len(), 2);
    assert!(
        done.report
            .diagnostics
            .iter()
            .any(|d| d.location == "floor \"2\"" && d.message.contains("7 m assumed"))
    );
}

#[test]
fn a_floors_slab_material_round_trips() {
    let text = collection(json!([
        feature("ap", pt(1.0, 1.0), json!({"floor": "1"})),
        {"type": "Feature", "geometry": null, "properties": {"kind": "floor", "id": "1", "name": "L1", "elevation_m": 3.5, "slab_material": "concrete"}},
    ]));
    let done = import_ok(&text);
    assert_eq!(
        done.project.floors[0].slab_material.as_deref(),
        Some("concrete")
    );
    let again = import_ok(&crate::geojson::export(&done.project));
    assert_eq!(again.project, done.project);
}

#[test]
fn a_turned_georeference_round_trips_and_an_unturned_one_leaves_north_out() {
    let mut project =
        import_ok(&collection(json!([feature("ap", pt(1.0, 1.0), json!({}))]))).project;
    project.georef = Some(GeoReference {
        north_deg: -13.265_858_495,
        ..GeoReference::north_up(13.405, 52.52)
    });
    let text = crate::geojson::export(&project);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["tailplan"]["georef"]["north_deg"], -13.265_858_495);
    assert_eq!(import_ok(&text).project, project);
    project.georef = Some(GeoReference::north_up(13.405, 52.52));
    let text = crate::geojson::export(&project);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v["tailplan"]["georef"].get("north_deg").is_none(), "{text}");
    assert_eq!(import_ok(&text).project, project);
}

#[test]
fn duplicate_ids_get_new_ones_with_a_warning() {
    let mut a = feature("ap", pt(1.0, 1.0), json!({}));
    a["id"] = json!("x");
    let text = collection(json!([a.clone(), a]));
    let done = import_ok(&text);
    let ids: Vec<&str> = done.project.floors[0]
        .access_points
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["x", "ap-1"]);
    assert!(
        done.report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.location == "features[1]")
    );
}

#[test]
fn bad_input_is_named_precisely() {
    assert_eq!(
        error_of("{\"type\": \"FeatureCollection\", \"features\": [\n  {]}"),
        "plan.geojson: line 2, column 4: key must be a string"
    );
    assert_eq!(
        error_of("[1, 2]"),
        "plan.geojson: the top level is not a JSON object"
    );
    assert_eq!(
        error_of(r#"{"type": "Feature"}"#),
        "plan.geojson: expected a FeatureCollection, found a Feature"
    );
    assert_eq!(
        error_of(r#"{"type": "FeatureCollection"}"#),
        "plan.geojson: no \"features\" array"
    );
    assert_eq!(
        error_of(&collection(json!([feature(
            "wall",
            pt(0.0, 0.0),
            json!({})
        )]))),
        "plan.geojson: features[0] (wall \"wall-1\"): a wall needs a LineString, MultiLineString or Polygon geometry, got Point"
    );
    assert_eq!(
        error_of(&collection(json!([feature(
            "ap",
            pt(0.0, 0.0),
            json!({"tx_dbm": "loud", "band": "7"})
        )]))),
        "plan.geojson: features[0] (ap \"ap-1\"): \"band\" must be \"2.4\", \"5\" or \"6\", got \"7\" (and 1 more error)"
    );
    assert_eq!(
        error_of(&collection(json!([feature(
            "gateway",
            pt(0.0, 0.0),
            json!({})
        )]))),
        "plan.geojson: features[0] (gateway \"gateway-1\"): a gateway needs a \"tech\" (lorawan, ble, zigbee or thread)"
    );
    assert_eq!(
        error_of(&collection(json!([feature(
            "tray",
            ls(json!([[0, 0], ["a", 1]])),
            json!({})
        )]))),
        "plan.geojson: features[0] (tray \"tray-1\"): a position must hold numbers, got [\"a\",1]"
    );
    assert_eq!(
        error_of(&collection(json!([feature(
            "wall",
            ls(json!([[0, 0], [1, 0]])),
            json!({"thickness_m": -2})
        )]))),
        "plan.geojson: features[0] (wall \"wall-1\"): thickness_m -2 must be above 0 and at most 5"
    );
    assert_eq!(
        error_of(r#"{"type": "FeatureCollection", "tailplan": {"version": 9}, "features": []}"#),
        "plan.geojson: tailplan GeoJSON version 9; this tailplan reads up to 3: update tailplan"
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!(
        "\u{feff}{}",
        collection(json!([feature("ap", pt(1.0, 2.0), json!({}))]))
    );
    assert_eq!(import_ok(&text).project.floors[0].access_points.len(), 1);
}

#[test]
fn unknown_material_is_a_warning_not_an_error() {
    let text = collection(json!([feature(
        "wall",
        ls(json!([[0, 0], [1, 0]])),
        json!({"material": "adobe"})
    )]));
    let done = import_ok(&text);
    assert!(
        done.report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("\"adobe\""))
    );
    assert_eq!(
        done.project.floors[0].walls.get(0).unwrap().thickness_m,
        0.15
    );
}

#[test]
fn route_ends_given_by_name_refer_by_id() {
    let mut outlet = feature("outlet", pt(1.0, 1.0), json!({"name": "O-1", "ports": 2}));
    outlet["id"] = json!("o-1");
    let mut room = feature("telecom_room", pt(9.0, 1.0), json!({"name": "TR"}));
    room["id"] = json!("tr-0");
    let route = |from: &str, to: &str| {
        feature(
            "route",
            ls(json!([[1, 1], [9, 1]])),
            json!({"from": from, "to": to}),
        )
    };
    let text = collection(json!([
        outlet,
        room,
        route("O-1/2", "TR"),
        route("o-1", "tr-0"),
        route("nobody", "TR"),
    ]));
    let done = import_ok(&text);
    let ends = |p: &tailplan_core::Project| -> Vec<(String, String)> {
        p.floors[0]
            .routes
            .iter()
            .map(|r| (r.from.clone(), r.to.clone()))
            .collect()
    };
    let expected = [("o-1/2", "tr-0"), ("o-1", "tr-0"), ("nobody", "tr-0")]
        .map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(ends(&done.project), expected);
    let note = done
        .report
        .diagnostics
        .iter()
        .find(|d| d.location == "routes")
        .unwrap();
    assert_eq!(
        (note.severity, note.message.as_str()),
        (
            Severity::Info,
            "3 route end(s) given by name now refer to their element by id"
        )
    );
    // tailplan's own GeoJSON of version 2 holds ids, read as they are: a route by a name
    // stays by name (and routing still finds it by its name).
    let mut own: Value = serde_json::from_str(&text).unwrap();
    own["tailplan"] = json!({"version": 2});
    let done = import_ok(&own.to_string());
    assert_eq!(
        ends(&done.project)[0],
        ("O-1/2".to_owned(), "TR".to_owned())
    );
    own["tailplan"] = json!({"version": 1});
    assert_eq!(ends(&import_ok(&own.to_string()).project), expected);
}

#[test]
fn access_points_give_one_radio_several_or_a_model() {
    use tailplan_core::antenna::builtin;
    let text = collection(json!([
        // The one-radio form, with a width and an antenna.
        feature(
            "ap",
            pt(1.0, 1.0),
            json!({"id": "a", "band": "6", "channel": 37, "width_mhz": 160, "tx_dbm": 14,
            "antenna": {"pattern": builtin::PATCH_70, "azimuth_deg": 90, "tilt_deg": 10}})
        ),
        // The list form, from the issue's contract.
        feature(
            "ap",
            pt(5.0, 1.0),
            json!({"id": "b", "radios": [
                {"band": "2.4", "channel": 1, "tx_dbm": 17},
                {"band": "5", "channel": 44, "width_mhz": 80, "tx_dbm": 17},
                {"band": "6", "channel": 37, "width_mhz": 160, "tx_dbm": 14}
            ]})
        ),
        // A model alone: its radios.
        feature(
            "ap",
            pt(9.0, 1.0),
            json!({"id": "c", "model": "generic-tri-band-ceiling"})
        ),
        // A model with one radio of its own: that band's radio replaced.
        feature(
            "ap",
            pt(9.0, 5.0),
            json!({"id": "d", "model": "generic-tri-band-ceiling", "band": "5", "channel": 100, "tx_dbm": 12})
        ),
    ]));
    let done = import_ok(&text);
    let aps = &done.project.floors[0].access_points;
    let a = &aps[0].radios;
    assert_eq!(a.len(), 1);
    assert_eq!(
        (a[0].band, a[0].channel, a[0].width_mhz, a[0].tx_dbm),
        (WifiBand::Ghz6, Some(37), 160, 14.0)
    );
    let mount = a[0].antenna.as_ref().unwrap();
    assert_eq!(
        (mount.pattern.as_str(), mount.azimuth_deg, mount.tilt_deg),
        (builtin::PATCH_70, 90.0, 10.0)
    );
    let bands =
        |i: usize| -> Vec<WifiBand> { aps[i].effective_radios().iter().map(|r| r.band).collect() };
    assert_eq!(aps[1].radios.len(), 3);
    assert_eq!(aps[1].radios[1].width_mhz, 80);
    assert!(aps[2].radios.is_empty());
    assert_eq!(bands(2), [WifiBand::Ghz2_4, WifiBand::Ghz5, WifiBand::Ghz6]);
    assert_eq!(aps[3].effective_radios()[1].channel, Some(100));
    assert_eq!(aps[3].effective_radios()[1].tx_dbm, 12.0);
    assert!(aps[3].effective_radios()[1].antenna.is_none());
    assert!(
        done.report.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        done.report.diagnostics
    );

    // Written back: one radio on the access point, several as a list, a model as it is.
    let out = crate::geojson::export(&done.project);
    let v: Value = serde_json::from_str(&out).unwrap();
    let props = |i: usize| &v["features"][i + 1]["properties"];
    assert_eq!(props(0)["band"], "6");
    assert_eq!(props(0)["width_mhz"], 160);
    assert!(props(0).get("radios").is_none());
    assert_eq!(props(1)["radios"].as_array().unwrap().len(), 3);
    assert!(props(1).get("band").is_none());
    assert_eq!(props(2)["model"], "generic-tri-band-ceiling");
    assert!(props(2).get("radios").is_none() && props(2).get("band").is_none());
    assert_eq!(import_ok(&out).project, done.project);
}

#[test]
fn bad_radios_are_named() {
    let ap = |props: Value| collection(json!([feature("ap", pt(1.0, 1.0), props)]));
    assert_eq!(
        error_of(&ap(
            json!({"radios": [{"band": "5", "tx_dbm": 17}, {"band": "7"}]})
        )),
        "plan.geojson: features[0] (ap \"ap-1\"), radios[1]: \"band\" must be \"2.4\", \"5\" or \"6\", got \"7\""
    );
    assert!(
        error_of(&ap(json!({"radios": [{"band": "5"}], "band": "5"})))
            .contains("\"radios\" must be given alone"),
    );
    assert!(
        error_of(&ap(json!({"radios": "5 GHz"}))).contains("\"radios\" must be a list of radios")
    );
    assert!(error_of(&ap(json!({"radios": [3]}))).contains("\"radios[0]\" must be a radio object"));
    assert!(
        error_of(&ap(json!({"antenna": {"azimuth_deg": 3}})))
            .contains("\"antenna\" must be {\"pattern\": NAME")
    );
    assert!(
        error_of(&ap(
            json!({"antenna": {"pattern": "x", "azimuth_deg": "east"}})
        ))
        .contains("\"antenna\" must be")
    );
    assert_eq!(
        error_of(&ap(json!({"band": "2.4", "width_mhz": 80}))),
        "plan.geojson: features[0] (ap \"ap-1\"): width_mhz 80 is not a 2.4 GHz channel width (20, 40)"
    );
    assert_eq!(
        error_of(&ap(
            json!({"radios": [{"band": "5", "tx_dbm": 17}, {"band": "6", "tx_dbm": 99}]})
        )),
        "plan.geojson: features[0] (ap \"ap-1\"): radio 2 (6 GHz): tx_dbm 99 must be at least -30 and at most 60"
    );
    // A model without radios of its own is fine; no model and an empty list is not.
    assert!(error_of(&ap(json!({"radios": []}))).contains("an access point needs a radio"));
    // Unknown: the pattern (isotropic until added), the model, a radio's member: warnings.
    let done = import_ok(&ap(json!({"model": "acme-9000", "radios": [
        {"band": "5", "tx_dbm": 17, "antenna": {"pattern": "acme-patch"}, "colour": "red"}
    ]})));
    let warnings: Vec<&str> = done
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|m| m.contains("unknown member(s) colour ignored")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|m| m.contains("model \"acme-9000\" is not in the catalogue")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|m| m
            .contains("antenna pattern \"acme-patch\" is not in the project's antenna library")),
        "{warnings:?}"
    );
}

#[test]
fn the_antenna_library_round_trips_and_bad_patterns_are_refused() {
    let pattern = |name: &str, entries: usize| json!({"name": name, "gain_dbi": 7.5, "horizontal_db": vec![0.0; entries], "vertical_db": vec![1.0; 360]});
    let text = json!({"type": "FeatureCollection",
        "tailplan": {"version": 3, "antennas": [pattern("acme-patch", 360)]},
        "features": [feature("ap", pt(1.0, 1.0), json!({"antenna": {"pattern": "acme-patch"}}))]})
    .to_string();
    let done = import_ok(&text);
    assert_eq!(
        done.project.antennas.get("acme-patch").unwrap().gain_dbi,
        7.5
    );
    assert!(
        done.report
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Warning),
        "{:?}",
        done.report.diagnostics
    );
    assert_eq!(
        import_ok(&crate::geojson::export(&done.project)).project,
        done.project
    );
    let bad = text.replacen(
        &serde_json::to_string(&vec![0.0; 360]).unwrap(),
        &serde_json::to_string(&vec![0.0; 359]).unwrap(),
        1,
    );
    assert_eq!(
        error_of(&bad),
        "plan.geojson: \"tailplan.antennas\", pattern \"acme-patch\": the horizontal table has 359 entries, not 360"
    );
}

#[test]
fn a_campus_round_trips_buildings_ducts_roles_and_switches() {
    let text = json!({"type": "FeatureCollection",
        "tailplan": {"version": 3, "switch_models": [{"name": "own-12", "ports": 12, "poe_budget_w": 120, "price": 800}]},
        "features": [
        {"type": "Feature", "id": "A", "geometry": {"type": "Polygon", "coordinates": [[[0,0],[50,0],[50,20],[0,20],[0,0]]]},
         "properties": {"kind": "building", "name": "Alpha", "campus_zone": "north"}},
        {"type": "Feature", "id": "B", "geometry": null, "properties": {"kind": "building", "name": "Beta"}},
        {"type": "Feature", "geometry": null, "properties": {"kind": "floor", "id": "A0", "building": "A", "elevation_m": 0}},
        {"type": "Feature", "geometry": null, "properties": {"kind": "floor", "id": "B0", "building": "B", "elevation_m": 0}},
        {"type": "Feature", "id": "cd", "geometry": {"type": "Point", "coordinates": [1, 1]},
         "properties": {"kind": "telecom_room", "floor": "A0", "role": "cd", "switch_model": "own-12", "switches": 2}},
        {"type": "Feature", "id": "fd", "geometry": {"type": "Point", "coordinates": [101, 1]},
         "properties": {"kind": "telecom_room", "floor": "B0", "role": "FD"}},
        {"type": "Feature", "id": "d1", "geometry": {"type": "LineString", "coordinates": [[10, 10], [110, 10]]},
         "properties": {"kind": "duct", "name": "D1", "capacity": 24, "depth_m": 0.8}},
    ]})
    .to_string();
    let first = import_ok(&text).project;
    assert_eq!(first.buildings.len(), 2);
    assert_eq!(first.buildings[0].name, "Alpha");
    assert!(first.buildings[0].footprint.is_some() && first.buildings[1].footprint.is_none());
    assert_eq!(first.buildings[0].props["campus_zone"], "north");
    assert_eq!(first.floors.len(), 2, "a building feature makes no floor");
    assert_eq!(first.floors[0].building.as_deref(), Some("A"));
    let cd = &first.floors[0].telecom_rooms[0];
    assert_eq!(
        (cd.role, cd.switch_model.as_deref(), cd.switches),
        (tailplan_core::DistributorRole::Cd, Some("own-12"), Some(2))
    );
    assert_eq!(
        first.floors[1].telecom_rooms[0].role,
        tailplan_core::DistributorRole::Fd
    );
    assert_eq!(first.ducts[0].capacity, Some(24));
    assert_eq!(first.ducts[0].props["depth_m"], 0.8);
    assert_eq!(first.switch_models[0].ports, 12);
    let exported = export(&first);
    let second = import_ok(&exported).project;
    assert_eq!(second, first, "GeoJSON round trip changed the campus");
    assert_eq!(export(&second), exported);
}

#[test]
fn bad_campus_features_are_named() {
    let duct = |geometry: Value| {
        collection(
            json!([{"type": "Feature", "id": "d", "geometry": geometry, "properties": {"kind": "duct"}}]),
        )
    };
    let e = error_of(&duct(pt(1.0, 1.0)));
    assert!(e.contains("duct \"d\"") && e.contains("LineString"), "{e}");
    let e = error_of(&collection(json!([
        {"type": "Feature", "id": "b", "geometry": ls(json!([[0, 0], [1, 1]])), "properties": {"kind": "building"}}
    ])));
    assert!(e.contains("building \"b\"") && e.contains("Polygon"), "{e}");
    let e = error_of(&collection(json!([feature(
        "telecom_room",
        pt(0.0, 0.0),
        json!({"role": "mc"})
    )])));
    assert!(
        e.contains("role") && e.contains("\"fd\", \"bd\" or \"cd\""),
        "{e}"
    );
    let e = error_of(
        &json!({"type": "FeatureCollection", "tailplan": {"switch_models": [{"name": "x", "ports": 0}]}, "features": []})
            .to_string(),
    );
    assert!(e.contains("switch_models") && e.contains("ports 0"), "{e}");
}
