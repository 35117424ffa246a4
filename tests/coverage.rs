//! The coverage engine on every sample building: on every floor, for every Wi-Fi band and IoT
//! technology with a transmitter in reach, the fast path gives the oracle's value on every
//! cell, to the bit; moving one access point recomputes one field; device links agree with
//! the maps. (The same comparison at 0.25 m on the biggest floor runs, optimised, before the
//! benchmarks time anything: `cargo bench -p tailplan-core --bench coverage`.)

use std::path::Path;

use tailplan_core::coverage::{
    CoverageEngine, CoverageRequest, FloorArea, FloorScope, Method, Service, coverage_stats,
    default_thresholds, iot_links,
};
use tailplan_core::{AntennaMount, IotTech, Project, WifiBand, antenna, ap_models};
use tailplan_tests::{open, sample_name, sample_projects};

/// Cell side for the comparison: fine on small plans, coarser on big ones so that the
/// unoptimised oracle stays within seconds.
fn cell_for(project: &Project) -> f64 {
    let segments: usize = project
        .floors
        .iter()
        .map(|f| f.walls.segment_count())
        .max()
        .unwrap_or(0);
    if segments > 500 { 2.0 } else { 0.25 }
}

fn services(project: &Project) -> Vec<Service> {
    let mut out = Vec::new();
    for band in WifiBand::ALL {
        if project
            .floors
            .iter()
            .any(|f| f.access_points.iter().any(|a| a.has_band(band)))
        {
            out.push(Service::Wifi(band));
        }
    }
    for tech in IotTech::ALL {
        if project
            .floors
            .iter()
            .any(|f| f.gateways.iter().any(|g| g.tech == tech))
        {
            out.push(Service::Iot(tech));
        }
    }
    out
}

/// Compares the fast path with the oracle on one floor for one service; returns the cells
/// compared.
fn compare(
    name: &str,
    project: &Project,
    floor: &str,
    service: Service,
    scope: FloorScope,
) -> usize {
    let mut req = CoverageRequest::new(floor, service).with_cell(cell_for(project));
    req.scope = scope;
    let fast = CoverageEngine::new().fields(project, &req).unwrap();
    let slow = CoverageEngine::with_method(Method::Oracle)
        .fields(project, &req)
        .unwrap();
    assert_eq!(fast.len(), slow.len());
    let mut compared = 0;
    for (f, o) in fast.iter().zip(&slow) {
        let at = format!(
            "{name}: floor {floor}, {}, transmitter {}",
            service.label(),
            f.source.transmitter.id
        );
        assert_eq!(f.grid, o.grid, "{at}");
        for (i, (a, b)) in f.rssi_dbm.iter().zip(&o.rssi_dbm).enumerate() {
            assert!(
                a.to_bits() == b.to_bits(),
                "{at}: cell {i} at {:?}: fast {a}, oracle {b}",
                f.grid.center_of(i)
            );
        }
        compared += f.rssi_dbm.len();
    }
    // The maps and statistics hold together.
    let maps = CoverageEngine::new().heatmaps(project, &req).unwrap();
    assert!(maps.best_rssi_dbm.iter().all(|&v| v >= -200.0));
    let floor = project.floor(floor).unwrap();
    let stats = coverage_stats(
        &maps,
        floor,
        &FloorArea::of(floor, &project.settings.radio),
        &default_thresholds(&project.settings.radio, service),
    );
    let total: f64 = stats.histogram.iter().map(|b| b.percent).sum();
    assert!(
        (total - 100.0).abs() < 1e-6,
        "{name}: histogram sums to {total}"
    );
    compared
}

/// Every floor (one thread per floor), every band and technology. On big plans the Wi-Fi
/// maps take the floor's own access points (the unoptimised oracle is slow), the IoT maps
/// the gateways of the floors above and below too.
fn check(path: &Path) {
    let name = sample_name(path);
    let project = open(path);
    check_project(&name, &project);
    // The same building with antennas: every access point a catalogue model (omni antennas
    // on three bands) or a directional patch turned and tilted its own way.
    check_project(&format!("{name} with antennas"), &with_antennas(&project));
}

/// Every access point with an antenna: even ones the tri-band ceiling model, odd ones a 70°
/// patch on their own band, turned by 37° per access point and tilted 10° down.
fn with_antennas(project: &Project) -> Project {
    let mut p = project.clone();
    let mut i = 0u32;
    for floor in &mut p.floors {
        for ap in &mut floor.access_points {
            if i.is_multiple_of(2) {
                ap.model = Some(ap_models::names::TRI_BAND_CEILING.into());
                ap.radios.clear();
            } else {
                for r in &mut ap.radios {
                    r.antenna = Some(AntennaMount {
                        pattern: antenna::builtin::PATCH_70.into(),
                        azimuth_deg: f64::from(i * 37 % 360),
                        tilt_deg: 10.0,
                    });
                }
            }
            i += 1;
        }
    }
    assert!(i == 0 || p != *project);
    p
}

fn check_project(name: &str, project: &Project) {
    let project = project.clone();
    let big = cell_for(&project) > 1.0;
    let compared: usize = std::thread::scope(|s| {
        let handles: Vec<_> = project
            .floors
            .iter()
            .map(|floor| {
                let (project, name) = (&project, name);
                s.spawn(move || {
                    services(project)
                        .into_iter()
                        .map(|service| {
                            let scope = match service {
                                Service::Wifi(_) if big => FloorScope::Own,
                                _ => FloorScope::Adjacent,
                            };
                            compare(name, project, &floor.id, service, scope)
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    assert!(compared > 0, "{name}: nothing compared");
}

#[test]
fn fast_path_equals_the_oracle_on_every_sample_floor() {
    let samples = sample_projects();
    assert!(
        samples.len() >= 2,
        "the sample buildings are in floorplans/"
    );
    for path in samples {
        check(&path);
    }
}

#[test]
fn moving_one_ap_on_the_office_recomputes_one_field() {
    let path = sample_projects()
        .into_iter()
        .find(|p| sample_name(p) == "office")
        .expect("the office sample");
    let mut project = open(&path);
    let floor = project.floors[1].id.clone();
    let mut req = CoverageRequest::new(floor.clone(), Service::Wifi(WifiBand::Ghz5)).with_cell(2.0);
    req.scope = FloorScope::Adjacent;
    let mut engine = CoverageEngine::new();
    let before = engine.heatmaps(&project, &req).unwrap();
    assert!(engine.computed_last() > 40, "{}", engine.computed_last());
    project.floor_mut(&floor).unwrap().access_points[5]
        .position
        .x += 1.5;
    let after = engine.heatmaps(&project, &req).unwrap();
    assert_eq!(engine.computed_last(), 1);
    assert_ne!(before, after);
    assert_eq!(
        after,
        CoverageEngine::new().heatmaps(&project, &req).unwrap()
    );
}

#[test]
fn device_links_on_the_samples() {
    for path in sample_projects() {
        let name = sample_name(&path);
        let project = open(&path);
        let links = iot_links(&project, None, None, FloorScope::Adjacent).unwrap();
        let with_tech: usize = project
            .floors
            .iter()
            .map(|f| f.devices.iter().filter(|d| d.tech.is_some()).count())
            .sum();
        assert_eq!(links.devices.len(), with_tech, "{name}");
        for d in &links.devices {
            assert!(
                d.heard_by
                    .windows(2)
                    .all(|w| w[0].rssi_dbm >= w[1].rssi_dbm),
                "{name}"
            );
            assert_eq!(
                d.heard_by.is_empty(),
                links.unreached.contains(&d.device),
                "{name}"
            );
        }
        // The samples are designed so that most devices are heard.
        assert!(
            links.unreached.len() * 4 < links.devices.len().max(1),
            "{name}: {:?}",
            links.unreached
        );
    }
}

/// What the engine says about each sample floor, reviewed as a snapshot: the share of the
/// rooms at each Wi-Fi threshold (best and second server), the median, and the IoT devices
/// reached. 1 m cells, every floor's maps with the floors above and below.
#[test]
fn coverage_summary_of_each_sample() {
    for path in sample_projects() {
        let name = sample_name(&path);
        let project = open(&path);
        let mut lines = Vec::new();
        for floor in &project.floors {
            let req = CoverageRequest::new(floor.id.clone(), Service::Wifi(WifiBand::Ghz5))
                .with_cell(1.0);
            let maps = CoverageEngine::new().heatmaps(&project, &req).unwrap();
            let stats = coverage_stats(
                &maps,
                floor,
                &FloorArea::of(floor, &project.settings.radio),
                &default_thresholds(&project.settings.radio, req.service),
            );
            let shares: Vec<String> = stats
                .floor
                .thresholds
                .iter()
                .map(|t| {
                    format!(
                        "{} dBm {:.1} % / {:.1} %",
                        t.threshold_dbm, t.percent, t.secondary_percent
                    )
                })
                .collect();
            let links = iot_links(&project, Some(&floor.id), None, FloorScope::Adjacent).unwrap();
            lines.push(format!(
                "floor {}: 5 GHz from {} APs, {:.0} m2: {}; median {:.1} dBm; IoT devices {} reached {}",
                floor.id,
                maps.transmitters.len(),
                stats.floor.area_m2,
                shares.join(", "),
                stats.floor.median_dbm.unwrap_or(f64::NAN),
                links.devices.len(),
                links.devices.len() - links.unreached.len()
            ));
        }
        insta::assert_snapshot!(format!("coverage_{name}"), lines.join("\n"));
    }
}
