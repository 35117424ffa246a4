use tailplan_app::{CsvTable, Export, SheetDate};
use tailplan_core::coverage::Service;
use tailplan_core::{Edit, Element, WifiBand, project_file};
use tailplan_io::sheet::SheetKind;

use super::*;
use crate::fixtures::{ap, building};
use crate::worker::protocol::{ApPlacementChoice, ImportChoice, SurveyJob};

fn clock() -> f64 {
    0.0
}

const DOC: DocKey = (1, 0);

fn date() -> SheetDate {
    SheetDate::parse("2025-01-31").unwrap()
}

fn loaded() -> Host {
    let mut h = Host::new();
    load(&mut h, &building());
    h
}

/// `project` sent to the worker as the page sends it, as the state [`DOC`].
fn load(h: &mut Host, project: &Project) {
    let out = h.receive(
        ToWorker::Load {
            doc: DOC,
            project: crate::document::autosave::project_text(project),
        },
        Vec::new(),
    );
    assert_eq!(out, [Out::plain(FromWorker::Synced { doc: DOC })]);
}

fn job(id: JobId, doc: DocKey, metric: Metric, preview: Option<Edit>) -> CoverageJob {
    CoverageJob {
        job: id,
        doc,
        floor: "1".into(),
        service: Service::Wifi(WifiBand::Ghz5),
        metric,
        preview,
        stats: true,
    }
}

/// Runs the host until it has nothing to do; every message out.
fn run(h: &mut Host) -> Vec<Out> {
    let mut out = Vec::new();
    let mut guard = 0;
    while h.busy() {
        out.extend(h.step(&clock));
        guard += 1;
        assert!(guard < 1000, "the host does not finish");
    }
    out
}

fn maps(out: &[Out]) -> Vec<(&CoverageResult, &Vec<f32>)> {
    out.iter()
        .filter_map(|o| match (&o.message, &o.payload) {
            (FromWorker::Coverage(r), Payload::F32(v)) => Some((r, v)),
            _ => None,
        })
        .collect()
}

fn moved(x: f64, y: f64) -> Edit {
    Edit::Batch {
        edits: vec![Edit::ReplaceElement {
            element: Element::AccessPoint(ap("ap-1", x, y)),
        }],
    }
}

#[test]
fn the_copy_follows_edits_and_asks_for_the_project_when_lost() {
    let mut h = loaded();
    let add = Edit::AddElement {
        floor: "1".into(),
        element: Element::AccessPoint(ap("ap-3", 20.0, 5.0)),
        index: None,
    };
    // Edits from a state the worker is not at.
    let out = h.receive(
        ToWorker::Edits {
            from: (1, 5),
            to: (1, 6),
            edits: vec![add.clone()],
        },
        Vec::new(),
    );
    assert_eq!(out, [Out::plain(FromWorker::NeedProject)]);
    let out = h.receive(
        ToWorker::Edits {
            from: DOC,
            to: (1, 1),
            edits: vec![add.clone()],
        },
        Vec::new(),
    );
    assert_eq!(out, [Out::plain(FromWorker::Synced { doc: (1, 1) })]);
    assert_eq!(h.project().unwrap().floors[0].access_points.len(), 3);
    // An edit that does not apply (the copy drifted): start again.
    let out = h.receive(
        ToWorker::Edits {
            from: (1, 1),
            to: (1, 2),
            edits: vec![add],
        },
        Vec::new(),
    );
    assert_eq!(out, [Out::plain(FromWorker::NeedProject)]);
    assert_eq!(h.doc(), None);
    // A broken project is refused with a reason.
    let out = h.receive(
        ToWorker::Load {
            doc: (2, 0),
            project: "{".into(),
        },
        Vec::new(),
    );
    assert!(
        matches!(&out[0].message, FromWorker::Failed { job: 0, message } if message.contains("could not read"))
    );
}

#[test]
fn coverage_comes_coarse_then_fine_with_statistics() {
    let mut h = loaded();
    h.receive(
        ToWorker::Coverage(job(1, DOC, Metric::Best, None)),
        Vec::new(),
    );
    let out = run(&mut h);
    let m = maps(&out);
    assert_eq!(m.len(), 2, "a coarse and a fine map");
    let (coarse, cv) = m[0];
    let (fine, fv) = m[1];
    assert!(!coarse.fine && fine.fine);
    assert_eq!(coarse.grid.cell_m, 2.0);
    assert_eq!(fine.grid.cell_m, 0.5);
    assert_eq!((fine.grid.cols, fine.grid.rows), (80, 40));
    assert_eq!(cv.len(), coarse.grid.len());
    assert_eq!(fv.len(), fine.grid.len());
    assert_eq!(fine.transmitters, 2);
    // Progress in between: one step per transmitter.
    assert!(out.iter().any(|o| matches!(
        o.message,
        FromWorker::Progress {
            job: 1,
            done: 2,
            total: 2
        }
    )));
    // Strong under the access point.
    let under = fine
        .grid
        .index_of(tailplan_core::Point::new(10.0, 10.0))
        .unwrap();
    assert!(fv[under] > -45.0, "{}", fv[under]);
    let stats = fine.stats.as_ref().unwrap();
    assert_eq!(stats.thresholds_dbm, [-67.0, -70.0, -75.0]);
    assert_eq!(stats.rooms.len(), 2);
    assert!(stats.floor.percent[0] > 50.0);
    assert!(coarse.stats.is_none());
}

#[test]
fn the_clients_metric_shows_the_serving_radios_load_and_the_table() {
    let mut h = loaded();
    h.receive(
        ToWorker::Coverage(job(1, DOC, Metric::Clients, None)),
        Vec::new(),
    );
    let out = run(&mut h);
    let m = maps(&out);
    let (fine, values) = m.last().unwrap();
    assert!(fine.fine);
    let capacity = fine.stats.as_ref().unwrap().capacity.as_ref().unwrap();
    assert_eq!(capacity.radios.len(), 2);
    // The core's figures, computed apart, at the fine grid's cells.
    let (core, _) = tailplan_core::coverage::floor_capacity(
        &mut tailplan_core::coverage::CoverageEngine::new(),
        &building(),
        "1",
        Some(fine.grid.cell_m),
    )
    .unwrap();
    assert_eq!(&core, capacity.as_ref());
    // Under each access point the map shows its radio's clients.
    for (ap, at) in [("ap-1", (10.0, 10.0)), ("ap-2", (30.0, 10.0))] {
        let i = fine
            .grid
            .index_of(tailplan_core::Point::new(at.0, at.1))
            .unwrap();
        let load = capacity.radios.iter().find(|r| r.ap == ap).unwrap();
        assert!((f64::from(values[i]) - load.clients).abs() < 1e-3, "{ap}");
    }
    // An IoT map has no clients: nothing to show.
    let mut j = job(2, DOC, Metric::Airtime, None);
    j.service = Service::Iot(tailplan_core::IotTech::Ble);
    h.receive(ToWorker::Coverage(j), Vec::new());
    let out = run(&mut h);
    if let Some((r, v)) = maps(&out).last() {
        assert!(v.iter().all(|x| x.is_nan()));
        assert!(r.stats.as_ref().is_none_or(|s| s.capacity.is_none()));
    }
}

#[test]
fn a_drag_preview_recomputes_only_the_moved_field_and_leaves_the_project() {
    let mut h = loaded();
    h.receive(
        ToWorker::Coverage(job(1, DOC, Metric::Best, None)),
        Vec::new(),
    );
    run(&mut h);
    let before = h.project().unwrap().clone();
    h.receive(
        ToWorker::Coverage(job(2, DOC, Metric::Best, Some(moved(35.0, 3.0)))),
        Vec::new(),
    );
    let out = run(&mut h);
    let m = maps(&out);
    let (fine, v) = m.last().unwrap();
    assert!(fine.fine);
    let at = |x, y| v[fine.grid.index_of(tailplan_core::Point::new(x, y)).unwrap()];
    assert!(
        at(35.0, 3.0) > -45.0,
        "the map follows the moved access point"
    );
    // The preview is applied only for the job: a sync takes it back first.
    h.receive(
        ToWorker::Edits {
            from: DOC,
            to: (1, 1),
            edits: vec![],
        },
        Vec::new(),
    );
    assert_eq!(h.project().unwrap(), &before);
}

#[test]
fn a_newer_job_replaces_one_in_progress() {
    let mut h = loaded();
    h.receive(
        ToWorker::Coverage(job(1, DOC, Metric::Best, None)),
        Vec::new(),
    );
    let first = h.step(&clock);
    assert!(matches!(&first[0].message, FromWorker::Coverage(r) if r.job == 1 && !r.fine));
    h.receive(
        ToWorker::Coverage(job(2, DOC, Metric::Servers, None)),
        Vec::new(),
    );
    let out = run(&mut h);
    let m = maps(&out);
    assert!(m.iter().all(|(r, _)| r.job == 2));
    let (fine, v) = m.last().unwrap();
    assert_eq!(fine.metric, Metric::Servers);
    assert!(
        v.iter()
            .filter(|x| !x.is_nan())
            .all(|x| x.fract() == 0.0 && *x <= 2.0)
    );
    // A job for a state the worker is not at asks for the project.
    h.receive(
        ToWorker::Coverage(job(3, (9, 9), Metric::Best, None)),
        Vec::new(),
    );
    assert_eq!(h.step(&clock), [Out::plain(FromWorker::NeedProject)]);
    // Stop drops the job.
    h.receive(
        ToWorker::Coverage(job(4, DOC, Metric::Best, None)),
        Vec::new(),
    );
    h.receive(ToWorker::StopCoverage, Vec::new());
    assert!(!h.busy());
}

#[test]
fn metric_values_hide_what_is_outside_the_rooms() {
    let mut p = building();
    // A room over half the floor only.
    p.floors[0].rooms.truncate(1);
    let maps = tailplan_core::coverage::heatmaps(
        &p,
        &tailplan_core::coverage::CoverageRequest::new("1", Service::Wifi(WifiBand::Ghz5)),
    )
    .unwrap();
    let floor = p.floor("1");
    let v = metric_values(&maps, floor, Metric::Snr, None, -75.0);
    let g = GridSpec::of(&maps.grid);
    let west = g.index_of(tailplan_core::Point::new(5.0, 5.0)).unwrap();
    let east = g.index_of(tailplan_core::Point::new(35.0, 5.0)).unwrap();
    assert!(!v[west].is_nan() && v[east].is_nan());
    assert!((v[west] - (maps.best_rssi_dbm[west] + 95.0)).abs() < 1e-3);
    let all = metric_values(&maps, None, Metric::Sinr, None, -75.0);
    assert!(!all[east].is_nan());
}

#[test]
fn routing_and_exports() {
    let mut h = loaded();
    h.receive(ToWorker::Route { job: 10, doc: DOC }, Vec::new());
    let out = run(&mut h);
    let FromWorker::Routed { routing, doc, .. } = &out[0].message else {
        panic!("{out:?}")
    };
    assert_eq!(*doc, DOC);
    // Two outlets of two ports, two access points and a camera.
    assert_eq!(routing.cables.len(), 7);
    let export = |h: &mut Host, what: Export| {
        h.receive(
            ToWorker::Export {
                job: 11,
                doc: DOC,
                base: "test".into(),
                what,
            },
            Vec::new(),
        );
        let out = run(h);
        match (&out[0].message, &out[0].payload) {
            (FromWorker::Exported(f), Payload::Bytes(b)) => (f.clone(), b.clone()),
            other => panic!("{other:?}"),
        }
    };
    let (f, b) = export(
        &mut h,
        Export::Csv {
            table: CsvTable::Schedule,
        },
    );
    assert_eq!(
        (f.name.as_str(), f.mime.as_str()),
        ("test-cable-schedule.csv", "text/csv")
    );
    let text = String::from_utf8(b).unwrap();
    assert!(text.starts_with("cable_id,from,to,floor,medium"), "{text}");
    assert_eq!(text.lines().count(), 8);
    let (f, b) = export(
        &mut h,
        Export::Csv {
            table: CsvTable::BillOfMaterials,
        },
    );
    assert_eq!(f.name, "test-bill-of-materials.csv");
    assert!(String::from_utf8(b).unwrap().contains("cable-cat6a"));
    let (f, b) = export(&mut h, Export::GeoJson);
    assert_eq!(f.name, "test.geojson");
    let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let (f, b) = export(
        &mut h,
        Export::FloorSheets {
            floor: "1".into(),
            date: date(),
            sheet: SheetKind::Cabling,
        },
    );
    // One cabling sheet, as SVG.
    assert_eq!(
        (f.name.as_str(), f.mime.as_str()),
        ("test-cabling-1.svg", "image/svg+xml")
    );
    let svg = String::from_utf8(b).unwrap();
    assert!(svg.contains("inkscape:groupmode=\"layer\"") && svg.contains("2025-01-31"));
    let (f, b) = export(
        &mut h,
        Export::FloorSheets {
            floor: "1".into(),
            date: date(),
            sheet: SheetKind::Coverage,
        },
    );
    assert_eq!(f.name, "test-coverage-1.svg");
    assert!(String::from_utf8(b).unwrap().contains("<svg"));
    let (f, b) = export(&mut h, Export::AllSheets { date: date() });
    // The index, a cabling and a coverage sheet: zipped.
    assert_eq!(f.name, "test-sheets.zip");
    assert_eq!(&b[..2], b"PK");
    let (f, b) = export(
        &mut h,
        Export::Dxf {
            floor: "1".into(),
            date: date(),
        },
    );
    assert_eq!(f.name, "test-1.dxf");
    assert!(String::from_utf8_lossy(&b).contains("TP-ROUTES"));
    let (f, _) = export(
        &mut h,
        Export::Csv {
            table: CsvTable::Findings,
        },
    );
    assert_eq!(f.name, "test-findings.csv");
    let (f, _) = export(
        &mut h,
        Export::Csv {
            table: CsvTable::FinalTail,
        },
    );
    assert_eq!(f.name, "test-final-tail.csv");
    // A floor that does not exist: a reason, not a panic.
    h.receive(
        ToWorker::Export {
            job: 12,
            doc: DOC,
            base: "test".into(),
            what: Export::Dxf {
                floor: "9".into(),
                date: date(),
            },
        },
        Vec::new(),
    );
    let out = run(&mut h);
    assert!(
        matches!(&out[0].message, FromWorker::Failed { job: 12, message } if message.contains('9'))
    );
    // The main worker makes no files (its wasm holds none of the writers): it says so.
    let mut engine = Host::engine();
    load(&mut engine, &building());
    engine.receive(
        ToWorker::Export {
            job: 13,
            doc: DOC,
            base: "test".into(),
            what: Export::GeoJson,
        },
        Vec::new(),
    );
    let out = run(&mut engine);
    assert!(
        matches!(&out[0].message, FromWorker::Failed { job: 13, message } if message.contains("makes none")),
        "{out:?}"
    );
    // A job for another state: the project is asked for, and the job fails with a reason.
    h.receive(
        ToWorker::Route {
            job: 13,
            doc: (1, 7),
        },
        Vec::new(),
    );
    let out = run(&mut h);
    assert_eq!(out[0].message, FromWorker::NeedProject);
    assert!(matches!(
        &out[1].message,
        FromWorker::Failed { job: 13, .. }
    ));
}

#[test]
fn a_proposal_covers_a_floor_without_access_points() {
    let mut h = Host::new();
    let mut p = building();
    p.floors[0].access_points.clear();
    load(&mut h, &p);
    h.receive(
        ToWorker::PlaceAps {
            job: 20,
            doc: DOC,
            options: ApPlacementChoice {
                floor: "1".into(),
                band: WifiBand::Ghz5,
                target_dbm: -67.0,
                coverage_percent: 95.0,
                keep_existing: true,
                capacity: false,
            },
        },
        Vec::new(),
    );
    let out = run(&mut h);
    let FromWorker::Proposal(prop) = &out[0].message else {
        panic!("{out:?}")
    };
    assert!(!prop.add.is_empty());
    assert!(prop.target_met, "{}", prop.achieved);
    assert!(prop.achieved.contains("−67 dBm"), "{}", prop.achieved);
    assert!(prop.add.iter().all(|a| a.channel.is_some()));
}

const DXF: &str = "0\nSECTION\n2\nHEADER\n9\n$INSUNITS\n70\n4\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n\
    0\nLINE\n8\nA-WALL\n10\n0\n20\n0\n11\n5000\n21\n0\n\
    0\nLINE\n8\nA-WALL\n10\n0\n20\n150\n11\n5000\n21\n150\n\
    0\nLINE\n8\nFURNITURE\n10\n0\n20\n1000\n11\n900\n21\n1000\n0\nENDSEC\n0\nEOF\n";

fn import(h: &mut Host, name: &str, bytes: &[u8], options: ImportChoice) -> Out {
    h.receive(
        ToWorker::Import {
            job: 30,
            name: name.into(),
            options,
        },
        bytes.to_vec(),
    );
    run(h).remove(0)
}

#[test]
fn imports_with_layer_roles_and_provisional_scales() {
    let mut h = Host::new();
    let out = import(&mut h, "wall.dxf", DXF.as_bytes(), ImportChoice::default());
    let FromWorker::Imported(i) = &out.message else {
        panic!("{out:?}")
    };
    assert_eq!((i.format.as_str(), i.provisional_m_per_unit), ("dxf", None));
    let (p, _) = project_file::from_json(&i.project).unwrap();
    assert_eq!(p.floors[0].walls.len(), 1);
    let layers = &p.imports[0].layers;
    assert!(layers.iter().any(|l| l.name == "FURNITURE"));
    // The furniture layer made walls of concrete by the user's choice.
    let choice = ImportChoice {
        layers: vec![("FURNITURE".into(), "wall:concrete".into())],
        ..ImportChoice::default()
    };
    let out = import(&mut h, "wall.dxf", DXF.as_bytes(), choice);
    let FromWorker::Imported(i) = &out.message else {
        panic!("{out:?}")
    };
    let (p, _) = project_file::from_json(&i.project).unwrap();
    assert_eq!(p.floors[0].walls.len(), 2);
    assert!(
        p.floors[0]
            .walls
            .iter()
            .any(|w| w.material.as_deref() == Some("concrete"))
    );

    // An SVG needs a scale: refused without one, provisional when asked.
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="500"><g id="walls"><line x1="0" y1="0" x2="1000" y2="0" stroke="black"/><line x1="0" y1="500" x2="1000" y2="500" stroke="black"/></g></svg>"#;
    let out = import(&mut h, "plan.svg", svg.as_bytes(), ImportChoice::default());
    assert!(
        matches!(&out.message, FromWorker::Failed { message, .. } if !message.starts_with("plan.svg"))
    );
    let out = import(
        &mut h,
        "plan.svg",
        svg.as_bytes(),
        ImportChoice {
            provisional: true,
            ..ImportChoice::default()
        },
    );
    let FromWorker::Imported(i) = &out.message else {
        panic!("{out:?}")
    };
    // 1000 units across become 50 m.
    assert_eq!(i.provisional_m_per_unit, Some(0.05));
    let out = import(
        &mut h,
        "plan.svg",
        svg.as_bytes(),
        ImportChoice {
            m_per_unit: Some(0.02),
            ..ImportChoice::default()
        },
    );
    let FromWorker::Imported(i) = &out.message else {
        panic!("{out:?}")
    };
    let (p, _) = project_file::from_json(&i.project).unwrap();
    let b = extent(&p).unwrap();
    assert!((b.width() - 20.0).abs() < 0.5, "{b:?}");
    // Garbage and bad roles are refused with a reason.
    let out = import(&mut h, "x.dwg", b"AC1032\0\0\0", ImportChoice::default());
    assert!(matches!(&out.message, FromWorker::Failed { message, .. } if message.contains("DWG")));
    let out = import(
        &mut h,
        "wall.dxf",
        DXF.as_bytes(),
        ImportChoice {
            units: Some("furlong".into()),
            ..ImportChoice::default()
        },
    );
    assert!(
        matches!(&out.message, FromWorker::Failed { message, .. } if message.contains("furlong"))
    );
}

#[test]
fn a_model_is_imported_again_with_the_storeys_ticked() {
    use crate::panels::import_dialog::{DialogAction, ImportDialog, opens_in_dialog};

    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../floorplans/kontor.ifc"
    ))
    .unwrap();
    let mut h = Host::new();
    // As the page sends a plan first.
    let first = ImportChoice {
        provisional: true,
        ..ImportChoice::default()
    };
    let out = import(&mut h, "kontor.ifc", &bytes, first);
    let FromWorker::Imported(i) = &out.message else {
        panic!("{out:?}")
    };
    assert_eq!((i.format.as_str(), i.provisional_m_per_unit), ("ifc", None));
    assert!(opens_in_dialog(&i.format));
    let (p, _) = project_file::from_json(&i.project).unwrap();
    let mut d = ImportDialog::new(p, i);
    let names: Vec<(&str, bool)> = d
        .storeys
        .iter()
        .map(|s| (s.name.as_str(), s.import))
        .collect();
    assert_eq!(names, [("EG", true), ("OG 1", true)]);
    // Each becomes a floor named by the storey's long name.
    assert_eq!(d.storeys[0].floor_text(), "Erdgeschoss");
    assert!(d.storeys.iter().all(|s| s.walls > 0 && s.doors > 0));
    assert!(!d.material_rows().is_empty() && !d.skipped_rows().is_empty());

    // OG 1 unticked: the worker imports EG alone.
    d.apply(DialogAction::SetStorey {
        index: 1,
        import: false,
    })
    .unwrap();
    let (revision, choice) = d.pending_import().unwrap();
    d.apply(DialogAction::Reimporting { job: 31, revision });
    let out = import(&mut h, "kontor.ifc", &bytes, choice);
    let FromWorker::Imported(i) = &out.message else {
        panic!("{out:?}")
    };
    let (p, _) = project_file::from_json(&i.project).unwrap();
    d.previewed(p, i);
    assert_eq!(d.blocker(), None);
    assert_eq!(d.storeys[1].floor, None);
    assert_eq!(d.storeys[0].floor.as_deref(), Some("EG"));
    let opened = d.confirm().unwrap();
    let floors: Vec<&str> = opened
        .project
        .floors
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(floors, ["EG"]);
    assert!(!opened.project.floors[0].walls.is_empty());

    // A storey the model lacks is refused with the names it has.
    let out = import(
        &mut h,
        "kontor.ifc",
        &bytes,
        ImportChoice {
            storeys: vec!["OG 7".into()],
            ..ImportChoice::default()
        },
    );
    assert!(
        matches!(&out.message, FromWorker::Failed { message, .. } if message.contains("OG 7") && message.contains("EG, OG 1")),
        "{out:?}"
    );
}

#[test]
fn the_files_worker_reads_antenna_files_and_names_what_is_wrong() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/antennas/patch-5ghz.msi"
    ))
    .unwrap();
    let ask = |h: &mut Host, name: &str, bytes: &[u8]| {
        h.receive(
            ToWorker::ReadAntenna {
                job: 7,
                name: name.into(),
            },
            bytes.to_vec(),
        );
        run(h)
    };
    let mut files = Host::files();
    let out = ask(&mut files, "patch-5ghz.msi", &bytes);
    match &out[..] {
        [
            Out {
                message: FromWorker::AntennaRead(read),
                ..
            },
        ] => {
            assert_eq!((read.job, read.name.as_str()), (7, "patch-5ghz.msi"));
            assert_eq!(read.pattern.horizontal_db.len(), 360);
        }
        other => panic!("{other:?}"),
    }
    let out = ask(
        &mut files,
        "broken.msi",
        b"NAME x\nGAIN 3 dBi\nHORIZONTAL 360\n0 0\n",
    );
    assert!(
        matches!(&out[..], [Out { message: FromWorker::Failed { job: 7, message }, .. }] if message.starts_with("Could not add the antenna pattern: broken.msi")),
        "{out:?}"
    );
    // The coverage worker has no reader (the page's first download stays small).
    let out = ask(&mut Host::engine(), "patch-5ghz.msi", &bytes);
    assert!(
        matches!(
            &out[..],
            [Out {
                message: FromWorker::Failed { .. },
                ..
            }]
        ),
        "{out:?}"
    );
}

#[test]
fn the_files_worker_draws_a_buildings_riser_sheets_and_the_campus_ones() {
    let (campus, _) =
        project_file::from_json(include_str!("../../../../floorplans/campus.tailplan.json"))
            .unwrap();
    let floor = campus.floors[0].id.clone();
    let ask = |h: &mut Host, job: JobId, floor: Option<String>| {
        load(h, &campus);
        h.receive(
            ToWorker::Sheets {
                job,
                doc: DOC,
                floor,
                kind: SheetKind::Riser,
                date: date(),
            },
            Vec::new(),
        );
        run(h).pop().unwrap().message
    };
    let mut files = Host::files();
    let FromWorker::Sheets(one) = ask(&mut files, 20, Some(floor)) else {
        panic!("sheets expected");
    };
    let FromWorker::Sheets(all) = ask(&mut files, 21, None) else {
        panic!("sheets expected");
    };
    assert_eq!((one.job, all.job), (20, 21));
    let names = |s: &ShownSheets| s.sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    // The floor's building first (its diagram, then its racks); the campus's adds its own
    // diagram and the other building's.
    assert!(
        one.sheets[0].name.starts_with("riser-"),
        "{:?}",
        names(&one)
    );
    assert!(one.sheets.iter().any(|s| s.name.starts_with("rack-")));
    assert_eq!(all.sheets[0].name, "riser-campus", "{:?}", names(&all));
    assert!(all.sheets.len() > one.sheets.len());
    for s in &all.sheets {
        assert!(
            s.svg.starts_with("<svg") || s.svg.starts_with("<?xml"),
            "{}",
            s.name
        );
        assert!(
            !s.title.is_empty() && s.number.starts_with("TP-"),
            "{}",
            s.name
        );
    }
    // The main worker draws none: it says so.
    let out = ask(&mut Host::engine(), 22, None);
    assert!(
        matches!(&out, FromWorker::Failed { job: 22, message } if message.contains("draws none")),
        "{out:?}"
    );
}

#[test]
fn the_files_worker_compares_scenarios_and_says_what_is_wrong_with_a_file() {
    use tailplan_core::scenario::{RuleMatch, Scenario, ScenarioKind, ScenarioRule};
    let (project, _) =
        project_file::from_json(include_str!("../../../../floorplans/small.tailplan.json"))
            .unwrap();
    let ask = |h: &mut Host, job: JobId, file: Option<(&str, &str)>, custom: Option<Scenario>| {
        load(h, &project);
        h.receive(
            ToWorker::Scenarios(ScenariosJob {
                job,
                doc: DOC,
                file: file.map(|(n, t)| (n.to_owned(), t.to_owned())),
                custom,
                energy: Default::default(),
            }),
            Vec::new(),
        );
        run(h).pop().unwrap().message
    };
    let mine = Scenario {
        name: "mine".into(),
        rules: vec![ScenarioRule {
            matches: RuleMatch {
                kind: ScenarioKind::Device,
                class: Some("sensor".into()),
                building: None,
                floor: None,
            },
            medium: tailplan_core::Medium::Spe,
            tech: None,
            poe_w: None,
        }],
        prices: None,
    };
    let mut files = Host::files();
    let FromWorker::Scenarios(shown) = ask(&mut files, 30, None, Some(mine.clone())) else {
        panic!("a comparison expected");
    };
    // The built-in ones, then the panel's: the same as the app's comparison.
    let names: Vec<&str> = shown
        .result
        .scenarios
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "as-drawn",
            "all-copper",
            "spe-sensors",
            "wireless-first",
            "mine"
        ]
    );
    assert_eq!(shown.media.len(), 5);
    assert_eq!((shown.job, shown.doc), (30, DOC));
    let app = tailplan_app::scenarios::compare("x", &project, &Default::default()).unwrap();
    assert_eq!(shown.result.scenarios[..4], app.scenarios[..]);
    // Sensors on SPE, as spe-sensors has them.
    assert_eq!(
        shown.result.scenarios[4].totals,
        shown.result.scenarios[2].totals
    );
    // A bad file is refused with the file and the member named.
    let bad = r#"{"scenarios": [{"name": "x", "rules": [{"match": {"kind": "device"}, "medium": "copper"}]}]}"#;
    let out = ask(&mut files, 31, Some(("bad.json", bad)), None);
    assert!(
        matches!(&out, FromWorker::Failed { job: 31, message } if message.starts_with("No comparison: bad.json: scenarios[0].rules[0].medium")),
        "{out:?}"
    );
    // The main worker compares none: it says so.
    let out = ask(&mut Host::engine(), 32, None, None);
    assert!(
        matches!(&out, FromWorker::Failed { job: 32, message } if message.contains("compares none")),
        "{out:?}"
    );
}

/// A survey of the fixture building's two access points: 6 dB weaker than the model's
/// free-space guess beyond a few metres, on a 2 m grid.
fn survey_csv() -> String {
    let mut csv = String::from("x,y,ap,rssi_dbm\n");
    for y in (2..20).step_by(2) {
        for x in (2..40).step_by(2) {
            for (ap, ax) in [("AP-1", 10.0), ("AP-2", 30.0)] {
                let d = ((f64::from(x) - ax).powi(2) + (f64::from(y) - 10.0).powi(2))
                    .sqrt()
                    .max(1.0);
                csv.push_str(&format!("{x},{y},{ap},{:.0}\n", -48.0 - 30.0 * d.log10()));
            }
        }
    }
    csv
}

#[test]
fn surveys_are_read_checked_and_fitted_by_the_files_worker() {
    let csv = survey_csv();
    let mut files = Host::files();
    files.receive(
        ToWorker::ReadSurvey {
            job: 3,
            name: "walk.csv".into(),
        },
        csv.clone().into_bytes(),
    );
    let read = match &run(&mut files)[..] {
        [
            Out {
                message: FromWorker::SurveyRead(r),
                ..
            },
        ] => r.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!((read.job, read.survey.name.as_str()), (3, "walk.csv"));
    assert_eq!(read.survey.rows.len(), 19 * 9 * 2);
    // A broken file names the file and the line.
    files.receive(
        ToWorker::ReadSurvey {
            job: 4,
            name: "bad.csv".into(),
        },
        b"x,y,ap,rssi_dbm\n1,2,AP-1,=SUM(A1)\n".to_vec(),
    );
    let out = run(&mut files);
    assert!(
        matches!(&out[..], [Out { message: FromWorker::Failed { job: 4, message }, .. }] if message.contains("bad.csv") && message.contains("line 2")),
        "{out:?}"
    );

    // The files worker, at a state holding the survey.
    let mut project = building();
    project.surveys.push(read.survey.clone());
    let mut h = Host::files();
    load(&mut h, &project);
    let ask = |h: &mut Host, job: JobId, doc: DocKey, calibrate: bool| {
        h.receive(
            ToWorker::Survey(SurveyJob {
                job,
                doc,
                calibrate: calibrate.then(tailplan_core::survey::FitOptions::default),
            }),
            Vec::new(),
        );
        run(h)
    };
    let checked = match &ask(&mut h, 5, DOC, false)[..] {
        [
            Out {
                message: FromWorker::SurveyChecked(c),
                ..
            },
        ] => c.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(checked.stats.points, 19 * 9 * 2);
    assert_eq!(checked.points.len(), 19 * 9);
    assert!(checked.stats.mean_error_db > 3.0, "the model is optimistic");
    let calibrated = match &ask(&mut h, 6, DOC, true)[..] {
        [
            Out {
                message: FromWorker::Calibrated(c),
                ..
            },
        ] => c.clone(),
        other => panic!("{other:?}"),
    };
    let r = &calibrated.calibration;
    assert!(r.after.rmse_db < r.before.rmse_db / 2.0, "{r:?}");
    let mut p = project.clone();
    p.apply(tailplan_core::survey::calibration_edit(
        &project,
        &calibrated.calibration,
    ))
    .unwrap();
    assert!(p.settings.calibration.is_some());
    // A job for another state is stale.
    let out = ask(&mut h, 7, (1, 9), false);
    assert!(
        out.iter()
            .any(|o| matches!(o.message, FromWorker::NeedProject)),
        "{out:?}"
    );
    // The worker the page waits for does not fit (its download stays small).
    let mut engine = Host::engine();
    load(&mut engine, &project);
    let out = ask(&mut engine, 8, DOC, false);
    assert!(
        matches!(
            &out[..],
            [Out {
                message: FromWorker::Failed { job: 8, .. },
                ..
            }]
        ),
        "{out:?}"
    );
}
