use super::*;
use crate::options::ScenariosOptions;

fn sample(name: &str) -> String {
    let path = format!("{}/../../floorplans/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn small() -> Session {
    Session::from_json(&sample("small.tailplan.json"), "small.tailplan.json").unwrap()
}

const GEOJSON: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [12, 0]]},
   "properties": {"kind": "wall", "material": "concrete"}},
  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 8], [12, 8]]},
   "properties": {"kind": "wall"}},
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [6, 4]},
   "properties": {"kind": "ap", "name": "AP-1", "channel": 36}}]}"#;

#[test]
fn opening_errors_are_the_cli_messages() {
    let e = Session::from_json(
        "{\"format\": \"tailplan-project\", \"version\": }",
        "a.json",
    )
    .unwrap_err();
    assert_eq!(e, "a.json: line 1, column 43: expected value");
    let e = Session::from_json(
        "{\"type\": \"FeatureCollection\", \"features\": []}",
        "b.json",
    )
    .unwrap_err();
    assert_eq!(
        e,
        "b.json: not a tailplan project file: this is GeoJSON: import it with `tailplan import`"
    );
    let options = GeoJsonOptions {
        name: Some("plan.geojson".into()),
        crs: None,
    };
    let e = Session::from_geojson("[1", &options).unwrap_err();
    assert!(e.starts_with("plan.geojson: line 1"), "{e}");
    let e = Session::from_geojson(
        GEOJSON,
        &GeoJsonOptions {
            crs: Some("mercator".into()),
            ..options
        },
    )
    .unwrap_err();
    assert_eq!(
        e,
        "crs: unknown CRS \"mercator\": expected auto, planar or wgs84"
    );
    let e = Session::import_file("plan.dwg", b"AC1032\0\0\0 and more", &Default::default())
        .unwrap_err();
    assert!(
        e.starts_with("plan.dwg: not UTF-8 text: this is a binary AutoCAD DWG"),
        "{e}"
    );
}

#[test]
fn import_file_opens_projects_and_plans() {
    let s = Session::import_file(
        "small.tailplan.json",
        sample("small.tailplan.json").as_bytes(),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(s.project(), small().project());
    let dxf = std::fs::read(format!(
        "{}/../../floorplans/office-wing.dxf",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let options = ImportOptions {
        floor: Some("1".into()),
        layers: Some("A-WALL*=concrete".into()),
        ..Default::default()
    };
    let s = Session::import_file("office-wing.dxf", &dxf, &options).unwrap();
    assert_eq!(s.project().floors[0].id, "1");
    assert!(s.project().floors[0].walls.len() > 100);
    assert_eq!(s.project().imports[0].source, "office-wing.dxf");
    let bad = ImportOptions {
        units: Some("furlong".into()),
        ..Default::default()
    };
    assert_eq!(
        Session::import_file("x.dxf", &dxf, &bad).unwrap_err(),
        "units: unknown unit \"furlong\": expected mm, cm, m, in or ft"
    );
    let both = ImportOptions {
        scale: Some(0.01),
        scale_points: Some([0.0, 0.0, 1.0, 0.0, 1.0]),
        ..Default::default()
    };
    assert!(Session::import_file("x.svg", b"<svg/>", &both).is_err());
    // An SVG without a scale says so, naming the file.
    let e = Session::import_file(
        "bureaux-r1.svg",
        sample("bureaux-r1.svg").as_bytes(),
        &Default::default(),
    )
    .unwrap_err();
    assert!(e.starts_with("bureaux-r1.svg: "), "{e}");
    // The import limits are options, and their refusals name them.
    let limited = |o: ImportOptions| {
        Session::import_file("office-wing.dxf", &dxf, &o).map(|s| s.project().floors.len())
    };
    let options = ImportOptions {
        units: Some("mm".into()),
        ..Default::default()
    };
    assert_eq!(limited(options.clone()), Ok(1));
    for (o, says) in [
        (
            ImportOptions {
                max_entities: Some(10),
                ..options.clone()
            },
            "more than 10 entities, the limit (the option maxEntities raises it)",
        ),
        (
            ImportOptions {
                max_points: Some(10),
                ..options.clone()
            },
            "(the option maxPoints raises it)",
        ),
        (
            ImportOptions {
                max_file_mb: Some(0),
                ..options.clone()
            },
            "(the option maxFileMb raises the limit)",
        ),
    ] {
        let e = limited(o).unwrap_err();
        assert!(
            e.starts_with("office-wing.dxf: ") && e.contains(says),
            "{e}"
        );
        assert!(!e.contains("--max"), "{e}");
    }
}

#[test]
fn edits_undo_and_redo() {
    let mut s = Session::from_geojson(GEOJSON, &Default::default()).unwrap();
    let id = s.new_id("riser");
    s.apply_json(&format!(
        r#"{{"edit": "add_element", "floor": "0", "element": {{"element": "riser", "id": "{id}", "name": "R1", "position": [1, 1]}}}}"#
    ))
    .unwrap();
    assert!(s.can_undo() && !s.can_redo());
    assert_eq!(s.project().floors[0].risers.len(), 1);
    assert!(s.undo());
    assert!(s.project().floors[0].risers.is_empty());
    assert!(s.redo());
    assert_eq!(s.project().floors[0].risers[0].id, id);
    // Refused edits change nothing and say why, with the path of a wrong member.
    let before = s.project().clone();
    let e = s
        .apply_json(r#"{"edit": "remove_element", "id": "nope"}"#)
        .unwrap_err();
    assert_eq!(e, "no element \"nope\"");
    let e = s
        .apply_json(r#"{"edit": "add_element", "floor": "0", "element": {"element": "riser", "id": "r", "name": "R", "position": [1, "a"]}}"#)
        .unwrap_err();
    // (an internally tagged enum is read through a buffer: no path, but what is wrong)
    assert_eq!(e, "edit: invalid type: string \"a\", expected f64");
    let e = s.apply_json(r#"{"edit": "paint"}"#).unwrap_err();
    assert!(e.starts_with("edit: edit: unknown variant `paint`"), "{e}");
    assert_eq!(s.project(), &before);
}

#[test]
fn coverage_follows_the_cli() {
    let mut s = small();
    let map = s.coverage(&CoverageOptions::default()).unwrap();
    let r = &map;
    assert_eq!(map.best_rssi_dbm.len(), r.cols * r.rows);
    assert!(r.band.is_some() && r.tech.is_none() && r.links.is_none());
    assert!(!r.transmitters.is_empty());
    // The same map again comes from the cache.
    let again = s.coverage(&CoverageOptions::default()).unwrap();
    assert_eq!(again, map);
    let cases = [
        (
            CoverageOptions {
                cell_m: Some(0.0),
                ..Default::default()
            },
            "cellM 0: must be a positive number of metres",
        ),
        (
            CoverageOptions {
                floor: Some("9".into()),
                ..Default::default()
            },
            "small.tailplan.json: floor 9: no such floor (floors: 0)",
        ),
        (
            CoverageOptions {
                band: Some("7".into()),
                ..Default::default()
            },
            "band 7: not a Wi-Fi band (2.4, 5 or 6)",
        ),
        (
            CoverageOptions {
                tech: Some("wifi".into()),
                ..Default::default()
            },
            "tech wifi: not an IoT technology (lorawan, ble, zigbee or thread)",
        ),
        (
            CoverageOptions {
                cell_m: Some(0.0001),
                ..Default::default()
            },
            "",
        ),
    ];
    for (options, message) in cases {
        let e = s.coverage(&options).unwrap_err();
        if message.is_empty() {
            assert!(e.starts_with("small.tailplan.json: "), "{e}");
        } else {
            assert_eq!(e, message);
        }
    }
    // More than a WebAssembly module can hold: refused before it traps.
    let mut office =
        Session::from_json(&sample("office.tailplan.json"), "office.tailplan.json").unwrap();
    let e = office
        .coverage(&CoverageOptions {
            floor: Some("1".into()),
            cell_m: Some(0.05),
            ..Default::default()
        })
        .unwrap_err();
    assert!(
        e.starts_with("office.tailplan.json: a map of 2880000 cells of 0.05 m with 114 transmitter(s) needs about "),
        "{e}"
    );
    let mut empty = Session::default();
    assert_eq!(
        empty.coverage(&Default::default()).unwrap_err(),
        "input: the project has no floor"
    );
}

#[test]
fn options_are_read_strictly() {
    let o: CoverageOptions = parse_json(
        "coverage options",
        r#"{"floor": "1", "band": "5", "cellM": 1}"#,
    )
    .unwrap();
    assert_eq!(o.cell_m, Some(1.0));
    let e = parse_json::<CoverageOptions>("coverage options", r#"{"cell": 1}"#).unwrap_err();
    assert_eq!(
        e,
        "coverage options: unknown field `cell`, expected one of `floor`, `band`, `tech`, `cellM`, `maxGridCells`"
    );
    let e = parse_json::<CoverageOptions>("coverage options", r#"{"cellM": "big"}"#).unwrap_err();
    assert!(
        e.starts_with("coverage options: cellM: invalid type"),
        "{e}"
    );
    let e =
        parse_json::<ImportOptions>("import options", r#"{"scalePoints": [1, 2]}"#).unwrap_err();
    assert!(e.starts_with("import options: scalePoints: "), "{e}");
}

#[test]
fn routes_and_sheets() {
    let s = small();
    let r = s.route();
    assert_eq!(r.summary.cables, r.routing.cables.len());
    assert_eq!(r.schedule.len(), r.routing.cables.len());
    let routed = s.routed();
    assert!(routed.project().floors[0].routes.len() >= r.routing.cables.len());
    let today = || SheetDate::parse("2025-01-31").unwrap();
    let sheets = s.sheets(&SheetOptions::default(), today).unwrap();
    assert_eq!(sheets[0].name, "cabling-0");
    assert!(sheets[0].svg.starts_with("<svg") || sheets[0].svg.starts_with("<?xml"));
    assert!(sheets[0].svg.contains("2025-01-31"));
    let coverage = SheetOptions {
        kind: Some("coverage".into()),
        paper: Some("a1".into()),
        scale: Some("1:100".into()),
        date: Some("2024-02-29".into()),
        ..Default::default()
    };
    let sheets = s.sheets(&coverage, today).unwrap();
    assert_eq!(sheets[0].name, "coverage-0");
    let set = s.sheet_set(&SheetSetOptions::default(), today).unwrap();
    assert_eq!(set[0].name, "index");
    let bad = SheetOptions {
        date: Some("31/01/2025".into()),
        ..Default::default()
    };
    assert_eq!(
        s.sheets(&bad, today).unwrap_err(),
        "date 31/01/2025: not a date: write YYYY-MM-DD"
    );
    let bad = SheetOptions {
        paper: Some("B2".into()),
        ..Default::default()
    };
    assert_eq!(
        s.sheets(&bad, today).unwrap_err(),
        "paper: unknown paper \"B2\": expected A4, A3, A2, A1 or A0"
    );
}

#[test]
fn dates_are_real_days() {
    let s = small();
    let today = || SheetDate::parse("2025-01-31").unwrap();
    for bad in [
        "2025-02-31",
        "2025-13-01",
        "2025-1-31",
        "2025/01/31",
        "é025-01-31",
        "",
    ] {
        let options = SheetOptions {
            date: Some(bad.into()),
            ..Default::default()
        };
        assert_eq!(
            s.sheets(&options, today).unwrap_err(),
            format!("date {bad}: not a date: write YYYY-MM-DD")
        );
    }
}

#[test]
fn the_design_rule_report_is_the_cli_report() {
    let s = small();
    let c = s.check();
    assert_eq!(c.findings, s.route().routing.findings);
    assert_eq!(c.errors, c.findings.iter().filter(|f| f.is_error()).count());
}

#[test]
fn info_is_the_cli_report() {
    let s = small();
    let info = serde_json::to_value(s.info()).unwrap();
    let floor = &info["floors"][0];
    assert_eq!(floor["id"], "0");
    assert!(floor["counts"]["wall"].as_u64().unwrap() > 0);
    assert!(floor["bbox"]["width_m"].as_f64().unwrap() > 0.0);
    assert_eq!(info["imports"], serde_json::json!([]));
    assert!(s.warnings().iter().all(|d| !d.is_error()));
    assert!(s.validate().iter().all(|d| !d.is_error()));
    assert!(s.floor("0").is_ok());
    assert_eq!(
        s.floor("7").unwrap_err(),
        "small.tailplan.json: floor 7: no such floor (floors: 0)"
    );
}

#[test]
fn json_too_big_to_parse_is_refused_before_it_is_parsed() {
    // Nine million empty objects: 27 MB, some 1 GB once parsed; the CLI's refusal.
    let objects = "{},".repeat(9_000_000);
    let project =
        format!("{{\"format\":\"tailplan-project\",\"version\":2,\"floors\":[{objects}{{}}]}}");
    let e = Session::from_json(&project, "huge.tailplan.json").unwrap_err();
    assert!(
        e.starts_with("huge.tailplan.json: line 1: ")
            && e.contains("JSON objects")
            && e.ends_with("the most tailplan opens"),
        "{e}"
    );
    let geojson = format!("{{\"type\":\"FeatureCollection\",\"features\":[{objects}{{}}]}}");
    let options = GeoJsonOptions {
        name: Some("huge.geojson".into()),
        ..Default::default()
    };
    let e = Session::from_geojson(&geojson, &options).unwrap_err();
    assert!(e.starts_with("huge.geojson: line 1: "), "{e}");
}

#[test]
fn placement_follows_the_cli() {
    let s = small();
    let p = s.place_aps(&PlaceApsOptions::default()).unwrap();
    assert_eq!(p.floor, "0");
    assert_eq!(p.options.band, tailplan_core::WifiBand::Ghz5);
    assert!(!p.proposals.is_empty());
    let e = s
        .place_aps(&PlaceApsOptions {
            target_dbm: Some(5.0),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e, "targetDbm 5: must be a number from -150 to 0");
    let e = s
        .place_aps(&PlaceApsOptions {
            band: Some("7".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e, "band 7: not a Wi-Fi band (2.4, 5 or 6)");
    let g = s.place_gateways(&PlaceGatewaysOptions::default()).unwrap();
    assert_eq!(g.floor, "0");
    assert!(!g.placements.is_empty());
    let e = s
        .place_gateways(&PlaceGatewaysOptions {
            margin_db: Some(1e300),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e, "marginDb 1e300: must be a number from -50 to 100");
}

#[test]
fn channels_are_planned_and_applied_as_one_undoable_edit() {
    let mut s = small();
    let before = s.project().clone();
    let plan = s
        .plan_channels(&PlanChannelsOptions {
            width_mhz: Some(40),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(plan.radios.len(), 2);
    assert_eq!(s.project(), &before, "a proposal changes nothing");
    s.plan_channels(&PlanChannelsOptions {
        width_mhz: Some(40),
        apply: Some(true),
        ..Default::default()
    })
    .unwrap();
    let widths: Vec<u32> = s.project().floors[0]
        .access_points
        .iter()
        .map(|a| a.radios[0].width_mhz)
        .collect();
    assert_eq!(widths, [40, 40]);
    assert!(s.undo());
    assert_eq!(s.project(), &before);
    let e = s
        .plan_channels(&PlanChannelsOptions {
            band: Some("2.4".into()),
            width_mhz: Some(160),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(
        e,
        "widthMhz 160: must be a 2.4 GHz channel width: 20 to 40 MHz"
    );
}

#[test]
fn capacity_counts_the_clients_of_every_radio_and_guards_memory() {
    let mut s = small();
    let c = s.capacity(&CapacityOptions::default()).unwrap();
    assert_eq!(c.floors.len(), 1);
    assert_eq!(c.floors[0].radios.len(), 2);
    assert!(c.floors[0].people > 0.0);
    let e = s
        .capacity(&CapacityOptions {
            cell_m: Some(0.0001),
            max_grid_cells: Some(usize::MAX),
            ..Default::default()
        })
        .unwrap_err();
    assert!(
        e.contains("more than the 1074 MB the library computes in"),
        "{e}"
    );
    let e = s
        .capacity(&CapacityOptions {
            floor: Some("9".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert!(e.contains("floor 9: no such floor"), "{e}");
}

#[test]
fn an_antenna_file_is_added_undoably() {
    let mut s = small();
    let bytes = std::fs::read(format!(
        "{}/../../tests/antennas/patch-5ghz.msi",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let added = s.add_antenna("patch-5ghz.msi", &bytes).unwrap();
    assert_eq!(added.gain_dbi, 8.0);
    assert!(s.project().antennas.get(&added.name).is_some());
    assert!(s.undo());
    assert!(s.project().antennas.is_empty());
    let e = s.add_antenna("x.msi", b"").unwrap_err();
    assert!(e.starts_with("x.msi"), "{e}");
}

#[test]
fn scenarios_follow_the_cli() {
    let s = small();
    let built_in = s.scenarios(&ScenariosOptions::default()).unwrap();
    let names: Vec<&str> = built_in.scenarios.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, tailplan_core::scenario::BUILTIN);
    // As drawn: the route's cables.
    assert_eq!(
        built_in.scenarios[0].totals.ports.cat6a
            + built_in.scenarios[0].totals.ports.spe
            + built_in.scenarios[0].totals.ports.fiber,
        s.route().routing.cables.len() as u64
    );
    // A file as text and as an object reads the same; phases give a plan.
    let text = r#"{"scenarios": [{"name": "copper", "rules": [{"match": {"kind": "device"}, "medium": "cat6a"}]}],
                   "phases": [{"year": 2027, "floors": ["0"], "scenario": "copper"}]}"#;
    let as_text = s
        .scenarios(&ScenariosOptions {
            scenarios: Some(serde_json::Value::String(text.into())),
            ..Default::default()
        })
        .unwrap();
    let as_object = s
        .scenarios(&ScenariosOptions {
            scenarios: Some(serde_json::from_str(text).unwrap()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(as_text, as_object);
    assert_eq!(as_text.plan.as_ref().unwrap().years[0].year, 2027);
    // Mistakes are the CLI's messages, the file named `scenarios`.
    let bad = |options: ScenariosOptions| s.scenarios(&options).unwrap_err();
    assert_eq!(
        bad(ScenariosOptions {
            scenarios: Some(
                serde_json::json!({"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device"}, "medium": "copper"}]}]})
            ),
            ..Default::default()
        }),
        "scenarios: scenarios[0].rules[0].medium: unknown variant `copper`, expected one of `cat6a`, `spe`, `fiber`, `wireless`"
    );
    assert!(
        bad(ScenariosOptions {
            duty_cycle: Some(2.0),
            ..Default::default()
        })
        .contains("the duty cycle: 2 is out of range")
    );
}

#[test]
fn the_scenario_sheet_of_a_file_follows_the_cli() {
    use tailplan_app::scenarios::{ScenariosRequest, read_file};
    use tailplan_app::sheets::{ScenarioSheetRequest, scenario_sheet};
    let s = small();
    let text = r#"{"scenarios": [{"name": "copper", "rules": [{"match": {"kind": "device"}, "medium": "cat6a"}]}],
                   "phases": [{"year": 2027, "floors": ["0"], "scenario": "copper"}]}"#;
    let options = SheetOptions {
        kind: Some("scenarios".into()),
        date: Some("2025-01-31".into()),
        scenarios: Some(serde_json::from_str(text).unwrap()),
        duty_cycle: Some(0.25),
        ..Default::default()
    };
    let sheets = s.sheets(&options, || unreachable!("dated")).unwrap();
    // `tailplan sheet --kind scenarios --scenarios FILE --date 2025-01-31`, at a quarter's
    // duty cycle.
    let cli = scenario_sheet(
        "small",
        s.project(),
        &ScenarioSheetRequest {
            scenarios: ScenariosRequest {
                file: Some(read_file("scenarios", text).unwrap()),
                energy: tailplan_core::scenario::EnergyOptions {
                    duty_cycle: 0.25,
                    ..Default::default()
                },
                ..Default::default()
            },
            file: Some("scenarios".into()),
            ..ScenarioSheetRequest::new(SheetDate::parse("2025-01-31").unwrap())
        },
    )
    .unwrap();
    assert_eq!(sheets, [cli.sheet]);
    assert!(sheets[0].svg.contains(">copper<") && sheets[0].svg.contains("2027"));
    // A bad file names the member; the scenario options are refused for other kinds.
    let bad = s
        .sheets(
            &SheetOptions {
                scenarios: Some(serde_json::json!({"scenarios": [{"name": "x", "rules": []}], "phases": [{"year": 2027, "floors": ["9"], "scenario": "x"}]})),
                ..options.clone()
            },
            || unreachable!("dated"),
        )
        .unwrap_err();
    assert!(bad.starts_with("scenarios: "), "{bad}");
    let e = s
        .sheets(
            &SheetOptions {
                kind: Some("cabling".into()),
                ..options
            },
            || unreachable!("dated"),
        )
        .unwrap_err();
    assert!(e.contains("are for kind \"scenarios\""), "{e}");
}

#[test]
fn sheets_as_pdf_are_the_cli_bytes() {
    let s = small();
    let options = SheetOptions {
        date: Some("2025-01-31".into()),
        ..Default::default()
    };
    let date = SheetDate::parse("2025-01-31").unwrap();
    let pdf = s.sheets_pdf(&options, || unreachable!("dated")).unwrap();
    let drawn = s.sheets(&options, || unreachable!("dated")).unwrap();
    assert_eq!(
        pdf,
        sheets::sheets_pdf("small", s.project(), &drawn, date).unwrap()
    );
    assert!(pdf.starts_with(b"%PDF-"));
    let set = s
        .sheet_set_pdf(
            &SheetSetOptions {
                date: Some("2025-01-31".into()),
                ..Default::default()
            },
            || unreachable!("dated"),
        )
        .unwrap();
    assert!(set.len() > pdf.len(), "the set has more pages");
    // A bad date is the CLI's message.
    let e = s
        .sheets_pdf(
            &SheetOptions {
                date: Some("31/01/2025".into()),
                ..Default::default()
            },
            || unreachable!("dated"),
        )
        .unwrap_err();
    assert!(e.contains("31/01/2025"), "{e}");
}

#[test]
fn survey_accuracy_and_calibration_follow_the_cli() {
    let mut s = Session::from_json(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../floorplans/office.tailplan.json"
        ))
        .unwrap(),
        "office.tailplan.json",
    )
    .unwrap();
    let e = s.accuracy().unwrap_err();
    assert!(e.contains("holds no site survey"), "{e}");
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../floorplans/office.survey.csv"
    ))
    .unwrap();
    let added = s.add_survey("office.survey.csv", &bytes).unwrap();
    assert!(added.rows > 4000 && added.not_measured > 0 && !added.replaced);
    let before = s.accuracy().unwrap();
    // What the CLI computes on the same project and file.
    let project = s.project().clone();
    let (survey, _) = tailplan_app::survey::read_survey("office.survey.csv", &bytes).unwrap();
    let direct = tailplan_app::survey::accuracy("x", &project, &[survey]).unwrap();
    assert_eq!(before.accuracy, direct.accuracy);
    // Options are named as the package names them.
    let e = s
        .calibrate(&CalibrateOptions {
            folds: Some(30),
            ..Default::default()
        })
        .unwrap_err();
    assert!(e.starts_with("folds 30"), "{e}");
    let e = s
        .calibrate(&CalibrateOptions {
            wall_prior_rows: Some(-1.0),
            ..Default::default()
        })
        .unwrap_err();
    assert!(e.starts_with("wallPriorRows -1"), "{e}");
    let result = s.calibrate(&CalibrateOptions::default()).unwrap();
    assert!(result.calibration.after.rmse_db < before.accuracy.stats.rmse_db / 2.0);
    assert!(
        result.surveys_kept.is_empty(),
        "the survey was already kept"
    );
    let after = s.accuracy().unwrap();
    assert!((after.accuracy.stats.rmse_db - result.calibration.after.rmse_db).abs() < 1e-9);
    // One undo takes the calibration away; reset does too.
    assert!(s.undo());
    assert!(s.project().settings.calibration.is_none());
    assert!(s.redo());
    s.reset_calibration().unwrap();
    assert_eq!(s.project().settings.radio.path_loss_exponent, 2.0);
    let e = s.reset_calibration().unwrap_err();
    assert!(e.contains("not calibrated"), "{e}");
    let e = s
        .add_survey("bad.csv", b"x,y,ap,rssi_dbm\n1,2,A,=HYPERLINK()\n")
        .unwrap_err();
    assert!(e.starts_with("bad.csv"), "{e}");
}
