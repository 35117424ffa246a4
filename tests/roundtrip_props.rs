//! Property tests: any valid project survives the project file and GeoJSON round trips.

use proptest::prelude::*;
use serde_json::{Value, json};
use tailplan_core::{
    AccessPoint, AntennaMount, BandLoss, CableRoute, Device, Element, Floor, Gateway, IotTech,
    LossOverride, Medium, Opening, OpeningKind, OtherFeature, Outlet, Point, Polygon, Project,
    Props, Radio, Riser, Room, Shape, TelecomRoom, Tray, Wall, WifiBand, project_file,
};
use tailplan_io::geojson::{self, ImportOptions};

fn coord() -> impl Strategy<Value = f64> {
    // Millimetre values and arbitrary doubles both.
    prop_oneof![
        (-200_000i64..200_000).prop_map(|mm| mm as f64 / 1000.0),
        -500.0f64..500.0
    ]
}

fn point() -> impl Strategy<Value = Point> {
    (coord(), coord()).prop_map(|(x, y)| Point::new(x, y))
}

fn line(min: usize) -> impl Strategy<Value = Vec<Point>> {
    prop::collection::vec(point(), min..6)
}

fn ring() -> impl Strategy<Value = Vec<Point>> {
    line(3).prop_map(|mut r| {
        r.push(r[0]);
        r
    })
}

fn polygon() -> impl Strategy<Value = Polygon> {
    (ring(), prop::collection::vec(ring(), 0..2))
        .prop_map(|(exterior, holes)| Polygon { exterior, holes })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9][a-zA-Z0-9 .-]{0,11}",
        Just("<script>alert(1)</script>".to_owned()),
        Just("Büro \"Nord\" & Salle d'été".to_owned()),
    ]
}

fn props() -> impl Strategy<Value = Props> {
    prop::collection::btree_map(
        "x_[a-z]{1,6}",
        prop_oneof![
            any::<i32>().prop_map(|n| json!(n)),
            text().prop_map(|s| json!(s)),
            Just(json!({"nested": [1, 2, {"deep": true}]})),
            Just(Value::Null),
        ],
        0..3,
    )
    .prop_map(|m| m.into_iter().collect())
}

fn opt_num(lo: f64, hi: f64) -> impl Strategy<Value = Option<f64>> {
    prop::option::of(lo..hi)
}

fn radio() -> impl Strategy<Value = Radio> {
    let patterns: Vec<String> = tailplan_core::antenna::builtin_patterns()
        .iter()
        .map(|p| p.name.clone())
        .collect();
    (
        prop::sample::select(WifiBand::ALL.to_vec()),
        prop::option::of(1u32..14),
        prop::sample::select(vec![20u32, 40]),
        -10.0f64..36.0,
        prop::option::of((
            prop::sample::select(patterns),
            -180.0f64..180.0,
            -30.0f64..30.0,
        )),
    )
        .prop_map(|(band, channel, width_mhz, tx_dbm, antenna)| Radio {
            band,
            channel: channel.filter(|_| band != WifiBand::Ghz5),
            width_mhz,
            tx_dbm,
            antenna: antenna.map(|(pattern, azimuth_deg, tilt_deg)| AntennaMount {
                pattern,
                azimuth_deg,
                tilt_deg,
            }),
        })
}

fn element(id: String) -> impl Strategy<Value = Element> {
    let i1 = id.clone();
    let i2 = id.clone();
    let i3 = id.clone();
    let i4 = id.clone();
    let i5 = id.clone();
    let i6 = id.clone();
    let i7 = id.clone();
    let i8 = id.clone();
    let i9 = id.clone();
    let i10 = id.clone();
    let i11 = id.clone();
    let material = prop::sample::select(vec![
        "drywall",
        "glass",
        "low_e_glass",
        "wood",
        "brick",
        "concrete",
        "metal",
    ]);
    prop_oneof![
        (
            prop_oneof![
                line(2).prop_map(Shape::Line),
                prop::collection::vec(line(2), 1..3).prop_map(Shape::MultiLine),
                polygon().prop_map(Shape::Polygon),
            ],
            prop::option::of(material.clone()),
            prop::option::of(prop_oneof![
                (0.0f64..60.0).prop_map(LossOverride::Uniform),
                (0.0f64..30.0, 0.0f64..30.0, 0.0f64..30.0)
                    .prop_map(|(a, b, c)| LossOverride::PerBand(BandLoss::wifi(a, b, c))),
            ]),
            0.01f64..1.0,
            props(),
        )
            .prop_map(move |(shape, material, loss_db, thickness_m, props)| {
                let material = material.map(str::to_owned).or(loss_db.is_none().then(|| "drywall".to_owned()));
                Element::Wall(Wall { id: i1.clone(), shape, material, loss_db, thickness_m, props })
            }),
        (line(2), any::<bool>(), material.clone(), any::<bool>(), props()).prop_map(move |(points, door, material, open, props)| {
            Element::Opening(Opening {
                id: i2.clone(),
                kind: if door { OpeningKind::Door } else { OpeningKind::Window },
                points,
                material: material.to_owned(),
                open,
                props,
            })
        }),
        (text(), polygon(), prop::option::of(text()), opt_num(0.0, 500.0), props()).prop_map(move |(name, polygon, category, people, props)| Element::Room(Room { id: i3.clone(), name, polygon, category, people, props })),
        (text(), point(), prop::option::of(prop::sample::select(tailplan_core::ap_models::catalogue().iter().map(|m| m.name).collect::<Vec<_>>())), prop::collection::vec(radio(), 0..4), 0.0f64..10.0, opt_num(0.0, 90.0), opt_num(-30.0, 30.0), props())
            .prop_map(move |(name, position, model, mut radios, height_m, poe_w, eirp_offset_db, props)| {
                // Without a model an access point has a radio.
                if model.is_none() && radios.is_empty() {
                    radios.push(Radio::new(WifiBand::Ghz5, 20.0));
                }
                Element::AccessPoint(AccessPoint { id: i4.clone(), name, position, model: model.map(str::to_owned), radios, height_m, poe_w, eirp_offset_db, props })
            }),
        (text(), point(), prop::sample::select(IotTech::ALL.to_vec()), -10.0f64..30.0, 0.0f64..10.0, props())
            .prop_map(move |(name, position, tech, tx_dbm, height_m, props)| Element::Gateway(Gateway { id: i5.clone(), name, position, tech, tx_dbm, height_m, props })),
        (text(), point(), prop::sample::select(Medium::ALL.to_vec()), prop::sample::select(IotTech::ALL.to_vec()), prop::option::of("[a-z][a-z-]{0,15}"), opt_num(0.0, 90.0), 0.0f64..5.0, props())
            .prop_map(move |(name, position, medium, tech, class, poe_w, height_m, props)| {
                let tech = (medium == Medium::Wireless).then_some(tech);
                Element::Device(Device { id: i6.clone(), name, position, medium, tech, class, poe_w, height_m, props })
            }),
        (text(), point(), 1u32..24, 0.0f64..3.0, props())
            .prop_map(move |(name, position, ports, height_m, props)| Element::Outlet(Outlet { id: i7.clone(), name, position, ports, height_m, props })),
        (text(), point(), prop::option::of(polygon()), 1u32..1000, opt_num(0.0, 5000.0), props())
            .prop_map(move |(name, position, outline, ports, poe_budget_w, props)| {
                Element::TelecomRoom(TelecomRoom { id: i8.clone(), name, position, outline, ports, poe_budget_w, role: Default::default(), switch_model: None, switches: None, props })
            }),
        (text(), line(2), prop::option::of(1u32..500), opt_num(50.0, 600.0), opt_num(30.0, 150.0), opt_num(0.0, 6.0), props())
            .prop_map(move |(name, points, capacity, width_mm, depth_mm, height_m, props)| {
                Element::Tray(Tray { id: i9.clone(), name, points, capacity, width_mm, depth_mm, height_m, props })
            }),
        (text(), point(), props()).prop_map(move |(name, position, props)| Element::Riser(Riser { id: i10.clone(), name, position, props })),
        (text(), text(), line(2), props()).prop_map(move |(from, to, points, props)| Element::Route(CableRoute { id: i11.clone(), from, to, points, props })),
        (line(1), props()).prop_map(move |(pts, mut properties)| {
            properties.insert("kind".into(), json!("annotation"));
            Element::Other(OtherFeature {
                id: id.clone(),
                geometry: json!({"type": "MultiPoint", "coordinates": pts.iter().map(|p| [p.x, p.y]).collect::<Vec<_>>()}),
                properties,
                members: [("feature_type".to_owned(), json!("amenity"))].into_iter().collect(),
            })
        }),
    ]
}

fn project() -> impl Strategy<Value = Project> {
    let floor = |f: usize| {
        (
            text(),
            -10.0f64..50.0,
            2.0f64..6.0,
            (0..12usize).prop_flat_map(move |n| {
                (0..n)
                    .map(|i| element(format!("e{f}-{i}")))
                    .collect::<Vec<_>>()
            }),
        )
            .prop_map(move |(name, elevation_m, ceiling_m, elements)| {
                let mut floor = Floor::new(format!("F{f}"), name, elevation_m);
                floor.ceiling_m = ceiling_m;
                for e in elements {
                    floor.insert(None, e);
                }
                floor
            })
    };
    (
        text(),
        (1..4usize).prop_flat_map(move |n| (0..n).map(floor).collect::<Vec<_>>()),
    )
        .prop_map(|(name, floors)| {
            let mut p = Project::new();
            p.meta.name = name;
            p.floors = floors;
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn project_file_round_trips(p in project()) {
        let text = project_file::to_json(&p);
        let (back, _) = project_file::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, p);
    }

    #[test]
    fn geojson_round_trips(p in project()) {
        let text = geojson::export(&p);
        let back = geojson::import(&text, &ImportOptions::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.project, p);
    }
}
