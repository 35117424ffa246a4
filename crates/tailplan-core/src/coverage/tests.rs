//! The model pinned on hand-computed cases, and the properties the engine keeps: the fast
//! path equals the oracle on every cell, a wall never raises the signal, distance never does.

use proptest::prelude::*;

use super::*;
use crate::antenna::{AntennaMount, builtin};
use crate::devices::{AccessPoint, Radio, WifiBand};
use crate::floor::Floor;
use crate::geometry::{Point, Polygon, Shape};
use crate::openings::{Opening, OpeningKind};
use crate::project::Project;
use crate::props::Props;
use crate::rooms::Room;
use crate::walls::Wall;

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

fn wall(id: &str, pts: &[(f64, f64)], material: &str) -> Wall {
    Wall {
        id: id.into(),
        shape: Shape::Line(pts.iter().map(|&(x, y)| p(x, y)).collect()),
        material: Some(material.into()),
        loss_db: None,
        thickness_m: 0.1,
        props: Props::new(),
    }
}

fn ap(id: &str, at: Point, channel: Option<u32>) -> AccessPoint {
    AccessPoint {
        id: id.into(),
        name: id.to_uppercase(),
        position: at,
        model: None,
        radios: vec![Radio {
            channel,
            ..Radio::new(WifiBand::Ghz5, 20.0)
        }],
        height_m: 2.5,
        poe_w: None,
        eirp_offset_db: None,
        props: Props::new(),
    }
}

/// A 10 × 10 m floor (one room) with cells of 1 m: centres at (i + 0.5, j + 0.5).
fn floor(id: &str, elevation_m: f64) -> Floor {
    let mut f = Floor::new(id, id, elevation_m);
    f.rooms.push(Room {
        id: format!("room-{id}"),
        name: "Room".into(),
        polygon: Polygon::rect(p(0.0, 0.0), p(10.0, 10.0)),
        category: None,
        people: None,
        props: Props::new(),
    });
    f
}

fn project(floors: Vec<Floor>) -> Project {
    let mut pr = Project::new();
    pr.settings.radio.cell_m = 1.0;
    pr.floors = floors;
    pr
}

const WIFI5: Service = Service::Wifi(WifiBand::Ghz5);

/// The fields of floor `id` by the fast path, checked equal to the oracle's.
fn fields(pr: &Project, id: &str) -> Vec<Field> {
    let req = CoverageRequest::new(id, WIFI5);
    let fast = CoverageEngine::new().fields(pr, &req).unwrap();
    let slow = CoverageEngine::with_method(Method::Oracle)
        .fields(pr, &req)
        .unwrap();
    assert_eq!(fast, slow, "fast path and oracle differ");
    fast
}

/// The RSSI at the centre of the cell (row, col) of transmitter `k`.
fn at(fields: &[Field], k: usize, row: usize, col: usize) -> f64 {
    let f = &fields[k];
    f64::from(f.rssi_dbm[f.grid.index(row, col)])
}

/// Free space by hand: 20 dBm at 5500 MHz, n = 2, T at 2.5 m, receiver at 1.0 m.
fn free(dx: f64, dy: f64) -> f64 {
    let d = (dx * dx + dy * dy + 1.5 * 1.5).sqrt().max(1.0);
    20.0 - (20.0 * 5500f64.log10() - 27.55 + 20.0 * d.log10())
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-4, "{a} != {b}");
}

#[test]
fn free_space() {
    let mut f = floor("1", 0.0);
    f.access_points.push(ap("a", p(0.5, 0.5), None));
    let fs = fields(&project(vec![f]), "1");
    close(at(&fs, 0, 0, 0), free(0.0, 0.0));
    close(at(&fs, 0, 0, 0), 20.0 - 47.25725 - 20.0 * 1.5f64.log10());
    close(at(&fs, 0, 3, 4), free(4.0, 3.0));
    close(at(&fs, 0, 9, 9), free(9.0, 9.0));
}

#[test]
fn a_patch_antenna_by_hand_boresight_back_lobe_and_tilt() {
    // The built-in patch (8 dBi, 12·(φ/70)² dB, 25 dB at most, the same vertically) at
    // (0.5, 5.5), 2.5 m up, pointing east (azimuth 90°); receivers 1.5 m lower.
    let mut f = floor("1", 0.0);
    let mut a = ap("a", p(0.5, 5.5), None);
    a.radios[0].antenna = Some(AntennaMount {
        pattern: builtin::PATCH_70.into(),
        azimuth_deg: 90.0,
        tilt_deg: 0.0,
    });
    f.access_points.push(a.clone());
    let fs = fields(&project(vec![f.clone()]), "1");
    // The tables hold whole degrees; between them, linear interpolation.
    let beam = |deg: f64| (12.0 * (deg / 70.0).powi(2)).min(25.0);
    let table = |deg: f64| {
        let (lo, frac) = (deg.floor(), deg - deg.floor());
        beam(lo) + (beam(lo + 1.0) - beam(lo)) * frac
    };
    let v = table;
    // Due east, 9 m away: on the beam in plan, 1.5 m below: θ = atan(1.5 / 9).
    let theta = 1.5f64.atan2(9.0).to_degrees();
    close(at(&fs, 0, 5, 9), free(9.0, 0.0) + 8.0 - v(theta));
    // The same cell's neighbour 3 m north: φ = −atan2(3, 9) off the beam (anticlockwise).
    let phi = 3f64.atan2(9.0).to_degrees();
    let theta_n = 1.5f64.atan2(90f64.sqrt()).to_degrees();
    let h_north = {
        // φ = 360° − phi in the table: between 360 − ceil and 360 − floor, symmetric.
        let (lo, frac) = ((360.0 - phi).floor(), (360.0 - phi) - (360.0 - phi).floor());
        let b = |d: f64| beam(d - 360.0);
        b(lo) + (b(lo + 1.0) - b(lo)) * frac
    };
    close(
        at(&fs, 0, 8, 9),
        free(9.0, 3.0) + 8.0 - h_north - v(theta_n),
    );
    // Straight below: the bearing of no offset is north, 90° off the east beam, and θ = 90°:
    // 12·(90/70)² = 19.84 dB down both ways.
    let mut below = f.clone();
    below.access_points[0].position = p(5.5, 5.5);
    let fs_below = fields(&project(vec![below]), "1");
    close(
        at(&fs_below, 0, 5, 5),
        free(0.0, 0.0) + 8.0 - 2.0 * 12.0 * (90.0f64 / 70.0).powi(2),
    );
    // Turned west, the east side is behind: 25 dB down.
    let mut west = f.clone();
    west.access_points[0].radios[0]
        .antenna
        .as_mut()
        .unwrap()
        .azimuth_deg = 270.0;
    let fs_west = fields(&project(vec![west]), "1");
    let theta = 1.5f64.atan2(9.0).to_degrees();
    close(
        at(&fs_west, 0, 5, 9),
        free(9.0, 0.0) + 8.0 - 25.0 - v(theta),
    );
    // Tilted down by θ: the cell is on the beam.
    let mut tilted = f;
    tilted.access_points[0].radios[0]
        .antenna
        .as_mut()
        .unwrap()
        .tilt_deg = theta;
    let fs_tilted = fields(&project(vec![tilted]), "1");
    close(at(&fs_tilted, 0, 5, 9), free(9.0, 0.0) + 8.0);
    // An unknown pattern radiates equally, as without an antenna.
    let mut unknown = floor("1", 0.0);
    let mut u = a;
    u.radios[0].antenna.as_mut().unwrap().pattern = "nobody's".into();
    unknown.access_points.push(u);
    let fs_unknown = fields(&project(vec![unknown]), "1");
    close(at(&fs_unknown, 0, 5, 9), free(9.0, 0.0));
}

#[test]
fn each_band_s_map_takes_every_radio_of_that_band() {
    // A tri-band model at (0.5, 0.5), and an access point with two 5 GHz radios.
    let mut f = floor("1", 0.0);
    let mut tri = ap("tri", p(0.5, 0.5), None);
    tri.model = Some(crate::ap_models::names::TRI_BAND_CEILING.into());
    tri.radios.clear();
    f.access_points.push(tri);
    let mut twin = ap("twin", p(9.5, 9.5), Some(36));
    twin.radios.push(Radio {
        channel: Some(149),
        ..Radio::new(WifiBand::Ghz5, 14.0)
    });
    f.access_points.push(twin);
    let pr = project(vec![f]);
    let per_band = |band: WifiBand| {
        CoverageEngine::new()
            .fields(&pr, &CoverageRequest::new("1", Service::Wifi(band)))
            .unwrap()
    };
    let ids = |fs: &[Field]| -> Vec<(String, usize)> {
        fs.iter()
            .map(|f| (f.source.transmitter.id.clone(), f.source.transmitter.radio))
            .collect()
    };
    let g24 = per_band(WifiBand::Ghz2_4);
    assert_eq!(ids(&g24), [("tri".to_owned(), 0)]);
    let g5 = per_band(WifiBand::Ghz5);
    assert_eq!(
        ids(&g5),
        [("tri".into(), 1), ("twin".into(), 0), ("twin".into(), 1)]
    );
    let g6 = per_band(WifiBand::Ghz6);
    assert_eq!(ids(&g6), [("tri".to_owned(), 2)]);
    // Each radio at its own power and frequency: the 2.4 GHz radio (14 dBm into the ceiling
    // omni: 4 dBi, flat in plan, nothing lost 45° and more below... here θ = 90° - 3 dB)
    // right below it, at 2437 MHz.
    let pl = |f_mhz: f64, d: f64| 20.0 * f_mhz.log10() - 27.55 + 20.0 * d.log10();
    close(at(&g24, 0, 0, 0), 14.0 + 4.0 - 3.0 - pl(2437.0, 1.5));
    close(at(&g6, 0, 0, 0), 16.0 + 4.0 - 3.0 - pl(6500.0, 1.5));
    // The twin's second radio: 14 dBm at channel 149's 5745 MHz.
    close(at(&g5, 2, 9, 9), 14.0 - pl(5745.0, 1.5));
    close(at(&g5, 1, 9, 9), 20.0 - pl(5180.0, 1.5));
    // The 5 GHz maps: the best of three fields.
    let maps = CoverageEngine::new()
        .heatmaps(&pr, &CoverageRequest::new("1", WIFI5))
        .unwrap();
    let i = g5[0].grid.index(9, 9);
    assert_eq!(maps.best_rssi_dbm[i], g5[1].rssi_dbm[i]);
}

#[test]
fn co_channel_interference_counts_any_overlap_of_the_widths() {
    // An 80 MHz radio on 42 and a 20 MHz one on 36 interfere; one on 52 does not.
    let mut f = floor("1", 0.0);
    let mut wide = ap("wide", p(0.5, 0.5), Some(42));
    wide.radios[0].width_mhz = 80;
    f.access_points.push(wide);
    f.access_points.push(ap("near", p(9.5, 9.5), Some(36)));
    let sinr_at = |pr: &Project| {
        let mut req = CoverageRequest::new("1", WIFI5);
        req.sinr = true;
        let maps = CoverageEngine::new().heatmaps(pr, &req).unwrap();
        let i = maps.grid.index(0, 0);
        (maps.sinr_db.unwrap()[i], maps.best_rssi_dbm[i])
    };
    let pr = project(vec![f.clone()]);
    let (sinr, best) = sinr_at(&pr);
    let noise = pr.settings.radio.noise_floor_dbm;
    assert!(
        f64::from(sinr) < f64::from(best) - noise - 1.0,
        "interfered"
    );
    f.access_points[1].radios[0].channel = Some(52);
    let (sinr, best) = sinr_at(&project(vec![f]));
    close(f64::from(sinr), f64::from(best) - noise);
}

#[test]
fn one_wall_and_two_walls() {
    let mut f = floor("1", 0.0);
    f.access_points.push(ap("a", p(0.5, 0.5), None));
    f.walls
        .push(wall("w1", &[(3.0, 0.0), (3.0, 10.0)], "concrete"));
    let fs = fields(&project(vec![f.clone()]), "1");
    close(at(&fs, 0, 0, 2), free(2.0, 0.0));
    close(at(&fs, 0, 0, 3), free(3.0, 0.0) - 15.0);
    close(at(&fs, 0, 5, 9), free(9.0, 5.0) - 15.0);

    f.walls
        .push(wall("w2", &[(6.0, 0.0), (6.0, 10.0)], "drywall"));
    let fs = fields(&project(vec![f]), "1");
    close(at(&fs, 0, 0, 5), free(5.0, 0.0) - 15.0);
    close(at(&fs, 0, 0, 6), free(6.0, 0.0) - 19.0);
    close(at(&fs, 0, 9, 9), free(9.0, 9.0) - 19.0);
}

#[test]
fn ray_through_a_wall_end_counts_and_a_polyline_counts_once() {
    // The ray from (0.5, 0.5) to the centre (4.5, 4.5) passes exactly through (2.5, 2.5).
    let mut f = floor("1", 0.0);
    f.access_points.push(ap("a", p(0.5, 0.5), None));
    f.walls
        .push(wall("end", &[(2.5, 2.5), (2.5, 5.0)], "concrete"));
    let fs = fields(&project(vec![f]), "1");
    close(at(&fs, 0, 4, 4), free(4.0, 4.0) - 15.0);
    // Just beside it, the ray passes below the wall's end.
    close(at(&fs, 0, 3, 4), free(4.0, 3.0));

    // A polyline bent at (2.5, 2.5): the ray touches both its segments, counted once.
    let mut f = floor("1", 0.0);
    f.access_points.push(ap("a", p(0.5, 0.5), None));
    f.walls.push(wall(
        "bent",
        &[(2.5, 0.0), (2.5, 2.5), (2.5, 5.0)],
        "concrete",
    ));
    let fs = fields(&project(vec![f]), "1");
    close(at(&fs, 0, 4, 4), free(4.0, 4.0) - 15.0);
    close(at(&fs, 0, 0, 4), free(4.0, 0.0) - 15.0);
}

#[test]
fn closed_door_attenuates_open_door_does_not() {
    let mut f = floor("1", 0.0);
    f.access_points.push(ap("a", p(0.5, 0.5), None));
    f.openings.push(Opening {
        id: "d1".into(),
        kind: OpeningKind::Door,
        points: vec![p(3.0, 0.0), p(3.0, 10.0)],
        material: "wood".into(),
        open: false,
        props: Props::new(),
    });
    let fs = fields(&project(vec![f.clone()]), "1");
    close(at(&fs, 0, 0, 4), free(4.0, 0.0) - 4.0);
    f.openings[0].open = true;
    let fs = fields(&project(vec![f]), "1");
    close(at(&fs, 0, 0, 4), free(4.0, 0.0));
}

#[test]
fn another_floor_adds_slabs_and_uses_the_receiver_floors_walls() {
    let mut ground = floor("0", 0.0);
    ground
        .walls
        .push(wall("w", &[(3.0, 0.0), (3.0, 10.0)], "concrete"));
    let mut first = floor("1", 3.5);
    first.access_points.push(ap("up", p(0.5, 0.5), Some(36)));
    let mut second = floor("2", 7.0);
    second.access_points.push(ap("up2", p(0.5, 0.5), None));
    let pr = project(vec![ground, first, second]);
    let fs = fields(&pr, "0");
    // Only the floor directly above is in scope by default.
    assert_eq!(fs.len(), 1);
    // Channel 36: 5180 MHz; T at 3.5 + 2.5 = 6.0 m, receiver at 1.0 m: dz = 5.
    let by_hand = |dx: f64, wall_db: f64| {
        let d = (dx * dx + 25.0f64).sqrt();
        20.0 - (20.0 * 5180f64.log10() - 27.55 + 20.0 * d.log10()) - wall_db - 18.0
    };
    close(at(&fs, 0, 0, 0), by_hand(0.0, 0.0));
    close(at(&fs, 0, 0, 6), by_hand(6.0, 15.0));

    let mut req = CoverageRequest::new("0", WIFI5);
    req.scope = FloorScope::All;
    let all = CoverageEngine::new().fields(&pr, &req).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].source.slabs, 2);
}

#[test]
fn a_slab_of_a_material_loses_what_a_wall_of_it_does() {
    // Three floors; the slab under floor 1 is glass (3 dB at 5 GHz), the one under floor 2
    // has none (the settings' 18 dB).
    let mut ground = floor("0", 0.0);
    ground
        .walls
        .push(wall("w", &[(9.0, 0.0), (9.0, 1.0)], "drywall"));
    let mut first = floor("1", 3.5);
    first.slab_material = Some("glass".into());
    first.access_points.push(ap("up", p(0.5, 0.5), Some(36)));
    let mut second = floor("2", 7.0);
    second.access_points.push(ap("up2", p(0.5, 0.5), Some(36)));
    let pr = project(vec![ground, first, second]);
    let mut req = CoverageRequest::new("0", WIFI5);
    req.scope = FloorScope::All;
    let all = CoverageEngine::new().fields(&pr, &req).unwrap();
    let by_hand = |dz: f64, slabs_db: f64| {
        let d = dz;
        20.0 - (20.0 * 5180f64.log10() - 27.55 + 20.0 * d.log10()) - slabs_db
    };
    // Floor 1's AP: through the glass slab; floor 2's: glass and the settings' slab.
    close(at(&all, 0, 0, 0), by_hand(5.0, 3.0));
    close(at(&all, 1, 0, 0), by_hand(8.5, 3.0 + 18.0));
    // Back to the settings' loss: one edit, and it is 18 dB again.
    let mut pr = pr;
    pr.apply(crate::Edit::SetFloorSlab {
        id: "1".into(),
        slab_material: None,
    })
    .unwrap();
    let all = CoverageEngine::new().fields(&pr, &req).unwrap();
    close(at(&all, 0, 0, 0), by_hand(5.0, 18.0));
}

#[test]
fn transmitter_on_a_wall_is_attenuated_everywhere() {
    let mut f = floor("1", 0.0);
    f.access_points.push(ap("a", p(5.0, 5.0), None));
    f.walls
        .push(wall("w", &[(5.0, 2.0), (5.0, 8.0)], "drywall"));
    let fs = fields(&project(vec![f]), "1");
    close(at(&fs, 0, 5, 0), free(4.5, 0.5) - 4.0);
    close(at(&fs, 0, 5, 9), free(4.5, 0.5) - 4.0);
}

#[test]
fn maps_combine_fields_and_sinr_counts_co_channel_aps() {
    let mut f = floor("1", 0.0);
    f.access_points.push(ap("a", p(0.5, 0.5), Some(36)));
    f.access_points.push(ap("b", p(9.5, 9.5), Some(36)));
    f.access_points.push(ap("c", p(9.5, 0.5), Some(40)));
    let pr = project(vec![f]);
    let mut req = CoverageRequest::new("1", WIFI5);
    req.sinr = true;
    let maps = heatmaps(&pr, &req).unwrap();
    let fs = fields(&pr, "1");
    let i = maps.grid.index(0, 0);
    assert_eq!(maps.serving[i], 0);
    assert_eq!(maps.best_rssi_dbm[i], fs[0].rssi_dbm[i]);
    assert_eq!(maps.second_rssi_dbm[i], fs[2].rssi_dbm[i]);
    let sinr = maps.sinr_db.as_ref().unwrap()[i];
    let (s, n) = (f64::from(fs[0].rssi_dbm[i]), f64::from(fs[1].rssi_dbm[i]));
    let by_hand = s - 10.0 * (10f64.powf(n / 10.0) + 10f64.powf(-9.5)).log10();
    assert!((f64::from(sinr) - by_hand).abs() < 1e-3);
    // The AP on channel 40 has no co-channel neighbour: its SINR is its SNR.
    let j = maps.grid.index(0, 9);
    assert_eq!(maps.serving[j], 2);
    assert_eq!(maps.sinr_db.as_ref().unwrap()[j], maps.snr_db()[j]);
    assert_eq!(maps.servers_above[i], 3);
}

#[test]
fn no_transmitter_reads_minus_200() {
    let pr = project(vec![floor("1", 0.0)]);
    let maps = heatmaps(&pr, &CoverageRequest::new("1", WIFI5)).unwrap();
    assert!(maps.best_rssi_dbm.iter().all(|&v| v == NO_SIGNAL_DBM));
    assert!(maps.serving.iter().all(|&s| s == NO_SERVER));
    assert!(matches!(
        heatmaps(&pr, &CoverageRequest::new("9", WIFI5)),
        Err(CoverageError::UnknownFloor(_))
    ));
}

#[test]
fn moving_one_ap_recomputes_one_field() {
    let mut f = floor("1", 0.0);
    for i in 0..4 {
        f.access_points
            .push(ap(&format!("a{i}"), p(1.0 + 2.0 * i as f64, 5.0), None));
    }
    f.walls
        .push(wall("w", &[(3.0, 0.0), (3.0, 10.0)], "concrete"));
    let mut pr = project(vec![f]);
    let req = CoverageRequest::new("1", WIFI5);
    let mut engine = CoverageEngine::new();
    engine.heatmaps(&pr, &req).unwrap();
    assert_eq!(engine.computed_last(), 4);
    pr.floors[0].access_points[2].position = p(6.5, 2.0);
    let moved = engine.heatmaps(&pr, &req).unwrap();
    assert_eq!(engine.computed_last(), 1);
    assert_eq!(moved, heatmaps(&pr, &req).unwrap());
    // A wall edit changes every field of the floor.
    pr.floors[0]
        .walls
        .push(wall("w2", &[(0.0, 8.0), (10.0, 8.0)], "glass"));
    engine.heatmaps(&pr, &req).unwrap();
    assert_eq!(engine.computed_last(), 4);
}

/// Coordinates on a 0.25 m lattice (so that rays pass exactly through wall ends and along
/// walls) or anywhere.
fn coord() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0i32..=48).prop_map(|i| f64::from(i) * 0.25 - 1.0),
        -1.0f64..11.0,
    ]
}

fn point() -> impl Strategy<Value = Point> {
    (coord(), coord()).prop_map(|(x, y)| p(x, y))
}

fn any_wall() -> impl Strategy<Value = (Vec<Point>, usize)> {
    (prop::collection::vec(point(), 2..5), 0usize..7)
}

const MATERIALS: [&str; 7] = [
    "drywall",
    "glass",
    "low_e_glass",
    "wood",
    "brick",
    "concrete",
    "metal",
];

fn build(
    walls: &[(Vec<Point>, usize)],
    doors: &[(Point, Point, bool)],
    aps: &[Point],
    cell: f64,
) -> Project {
    let mut f = floor("1", 0.0);
    for (i, (pts, m)) in walls.iter().enumerate() {
        let mut w = wall(&format!("w{i}"), &[], MATERIALS[*m]);
        w.shape = if i % 3 == 2 && pts.len() >= 3 {
            Shape::Polygon(Polygon::new(pts.clone()))
        } else {
            Shape::Line(pts.clone())
        };
        f.walls.push(w);
    }
    for (i, &(a, b, open)) in doors.iter().enumerate() {
        f.openings.push(Opening {
            id: format!("d{i}"),
            kind: OpeningKind::Door,
            points: vec![a, b],
            material: "wood".into(),
            open,
            props: Props::new(),
        });
    }
    for (i, &q) in aps.iter().enumerate() {
        f.access_points.push(ap(&format!("a{i}"), q, None));
    }
    let mut pr = project(vec![f]);
    pr.settings.radio.cell_m = cell;
    pr
}

/// Every cell of `window` of the fast path equals the whole grid's value and the oracle's, to
/// the bit, for each access point of the floor.
fn window_equals_the_oracle(pr: &Project, window: impl Fn(&grid::Grid, Point) -> shadow::Window) {
    let f = &pr.floors[0];
    let radio = &pr.settings.radio;
    let g = grid::Grid::for_floor(f, radio.cell_m, grid::DEFAULT_MAX_CELLS).unwrap();
    let obstacles = obstacles::Obstacles::of_floor(f, &pr.materials);
    let mut scratch = shadow::Scratch::default();
    for t in model::transmitters_reaching(pr, f, WIFI5, FloorScope::Own) {
        let link = model::Link::new(&t, f.elevation_m + radio.receiver_height_m, radio);
        let w = window(&g, link.t);
        let whole = field::values(&g, &obstacles, &link, Method::Shadow, &mut scratch);
        let oracle = oracle::field(&g, &obstacles, &link);
        assert_eq!(whole, oracle);
        let part = field::values_in(&g, w, &obstacles, &link, &mut scratch);
        assert_eq!(part.len(), w.len());
        for r in w.r0..w.r1 {
            for c in w.c0..w.c1 {
                let v = part[(r - w.r0) * w.cols() + (c - w.c0)];
                assert_eq!(
                    v.to_bits(),
                    oracle[g.index(r, c)].to_bits(),
                    "{w:?}, cell ({r}, {c})"
                );
            }
        }
    }
}

/// Within `radius` of each access point, the losses computed for that disc alone equal the
/// oracle's, to the bit.
fn disc_equals_the_oracle(pr: &Project, radius: f64) {
    let f = &pr.floors[0];
    let radio = &pr.settings.radio;
    let g = grid::Grid::for_floor(f, radio.cell_m, grid::DEFAULT_MAX_CELLS).unwrap();
    let obstacles = obstacles::Obstacles::of_floor(f, &pr.materials);
    let mut scratch = shadow::Scratch::default();
    for t in model::transmitters_reaching(pr, f, WIFI5, FloorScope::Own) {
        let link = model::Link::new(&t, f.elevation_m + radio.receiver_height_m, radio);
        let oracle = oracle::obstacle_losses(&g, &obstacles, link.band, &link);
        let w = shadow::Window::around(&g, link.t, radius);
        let part = shadow::obstacle_losses_in(
            &g,
            w,
            Some(radius),
            &obstacles,
            link.band,
            &link,
            &mut scratch,
        );
        for r in w.r0..w.r1 {
            for c in w.c0..w.c1 {
                let centre = g.center(r, c);
                if centre.distance(link.t) <= radius {
                    let v = part[(r - w.r0) * w.cols() + (c - w.c0)];
                    assert_eq!(v.to_bits(), oracle[g.index(r, c)].to_bits(), "({r}, {c})");
                }
            }
        }
    }
}

#[test]
fn a_window_of_the_fast_path_equals_the_oracle() {
    // Walls along the grid's lines and across it, a transmitter on a wall's line, windows
    // that cut through shadows, hold the transmitter or not, and the whole grid.
    let walls = [
        (vec![p(2.0, -1.0), p(2.0, 11.0)], 5),
        (vec![p(0.0, 4.5), p(6.5, 4.5), p(9.0, 8.0)], 0),
        (vec![p(7.0, 1.0), p(9.5, 3.0), p(8.0, 6.0), p(7.0, 1.0)], 4),
    ];
    let doors = [(p(2.0, 6.0), p(2.0, 7.0), false)];
    let pr = build(
        &walls,
        &doors,
        &[p(5.0, 4.5), p(1.0, 1.0), p(9.9, 9.9)],
        0.25,
    );
    for reach in [0.0, 3.0, 7.5, 100.0] {
        window_equals_the_oracle(&pr, |g, t| shadow::Window::around(g, t, reach));
        disc_equals_the_oracle(&pr, reach);
    }
    window_equals_the_oracle(&pr, |g, _| shadow::Window::full(g));
    window_equals_the_oracle(&pr, |g, _| shadow::Window {
        r0: g.rows / 3,
        r1: g.rows / 2,
        c0: g.cols / 4,
        c1: g.cols - 1,
    });
    // An empty window.
    window_equals_the_oracle(&pr, |_, _| shadow::Window {
        r0: 3,
        r1: 3,
        c0: 0,
        c1: 5,
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_window_of_the_fast_path_equals_the_oracle(
        walls in prop::collection::vec(any_wall(), 0..8),
        doors in prop::collection::vec((point(), point(), any::<bool>()), 0..2),
        aps in prop::collection::vec(point(), 1..3),
        cell in prop_oneof![Just(0.25), Just(0.5), Just(0.7)],
        corners in (0.0f64..1.0, 0.0f64..1.0, 0.0f64..1.0, 0.0f64..1.0),
        reach in 0.0f64..8.0,
    ) {
        let pr = build(&walls, &doors, &aps, cell);
        let (a, b, c, d) = corners;
        window_equals_the_oracle(&pr, |g, _| {
            let at = |f: f64, n: usize| ((f * n as f64) as usize).min(n);
            let (r0, r1) = (at(a.min(b), g.rows), at(a.max(b), g.rows));
            let (c0, c1) = (at(c.min(d), g.cols), at(c.max(d), g.cols));
            shadow::Window { r0, r1, c0, c1 }
        });
        window_equals_the_oracle(&pr, |g, t| shadow::Window::around(g, t, reach));
        disc_equals_the_oracle(&pr, reach);
    }

    #[test]
    fn fast_path_equals_the_oracle(
        walls in prop::collection::vec(any_wall(), 0..10),
        doors in prop::collection::vec((point(), point(), any::<bool>()), 0..3),
        aps in prop::collection::vec(point(), 1..3),
        cell in prop_oneof![Just(0.25), Just(0.5), Just(0.7)],
    ) {
        let pr = build(&walls, &doors, &aps, cell);
        // `fields` asserts the two methods agree on every cell, to the bit.
        fields(&pr, "1");
    }

    #[test]
    fn windowed_placement_equals_the_straightforward_one(
        walls in prop::collection::vec(any_wall(), 0..10),
        doors in prop::collection::vec((point(), point(), any::<bool>()), 0..3),
        target in -70.0f64..-35.0,
        tx in 5.0f64..20.0,
        secondary in any::<bool>(),
    ) {
        let pr = build(&walls, &doors, &[], 0.5);
        let options = placement::ApPlacementOptions {
            target_dbm: target,
            tx_dbm: tx,
            secondary,
            spacing_m: 1.5,
            cell_m: 0.5,
            coverage_percent: 90.0,
            ..Default::default()
        };
        let fast = placement::place_aps(&pr, "1", &options).unwrap();
        let slow = placement::place_aps_straightforward(&pr, "1", &options).unwrap();
        prop_assert_eq!(fast, slow);
    }

    #[test]
    fn adding_a_wall_never_raises_rssi(
        walls in prop::collection::vec(any_wall(), 0..6),
        extra in any_wall(),
        aps in prop::collection::vec(point(), 1..3),
    ) {
        let before = build(&walls, &[], &aps, 0.5);
        let mut more = walls.clone();
        more.push(extra);
        let mut after = build(&more, &[], &aps, 0.5);
        // Keep the same grid: the added wall must not grow the plan's box.
        after.floors[0].rooms[0].polygon = Polygon::rect(p(-5.0, -5.0), p(15.0, 15.0));
        let mut before = before;
        before.floors[0].rooms[0].polygon = Polygon::rect(p(-5.0, -5.0), p(15.0, 15.0));
        let req = CoverageRequest::new("1", WIFI5);
        let a = CoverageEngine::new().fields(&before, &req).unwrap();
        let b = CoverageEngine::new().fields(&after, &req).unwrap();
        for (fa, fb) in a.iter().zip(&b) {
            prop_assert_eq!(fa.grid, fb.grid);
            for (x, y) in fa.rssi_dbm.iter().zip(&fb.rssi_dbm) {
                prop_assert!(y <= x, "{} > {}", y, x);
            }
        }
    }

    #[test]
    fn moving_away_in_free_space_never_raises_rssi(t in point(), cell in 0.3f64..1.0) {
        let pr = build(&[], &[], &[t], cell);
        let fs = CoverageEngine::new().fields(&pr, &CoverageRequest::new("1", WIFI5)).unwrap();
        let f = &fs[0];
        let mut by_distance: Vec<(f64, f32)> = f.rssi_dbm.iter().enumerate().map(|(i, &v)| {
            let c = f.grid.center_of(i);
            ((c.x - t.x).powi(2) + (c.y - t.y).powi(2), v)
        }).collect();
        by_distance.sort_by(|a, b| a.0.total_cmp(&b.0));
        for w in by_distance.windows(2) {
            prop_assert!(w[1].1 <= w[0].1, "{:?}", w);
        }
    }
}

/// On a campus, a floor hears the access points of its own building only, and the slabs
/// between two floors are counted within their building.
#[test]
fn buildings_of_a_campus_do_not_hear_each_other() {
    use super::model::{FloorScope, transmitters_reaching};
    let mut floors = Vec::new();
    for (b, x) in [("A", 0.0), ("B", 100.0)] {
        for level in 0..3 {
            let mut f = floor(&format!("{b}{level}"), f64::from(level) * 3.5);
            f.building = Some(b.into());
            f.access_points
                .push(ap(&format!("ap-{b}{level}"), p(x + 5.0, 5.0), None));
            floors.push(f);
        }
    }
    let pr = project(floors);
    let a1 = pr.floor("A1").unwrap();
    let heard = transmitters_reaching(&pr, a1, Service::Wifi(WifiBand::Ghz5), FloorScope::All);
    let ids: Vec<(&str, usize)> = heard
        .iter()
        .map(|r| (r.transmitter.id.as_str(), r.slabs))
        .collect();
    assert_eq!(ids, [("ap-A1", 0), ("ap-A0", 1), ("ap-A2", 1)]);
}
