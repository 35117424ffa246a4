//! The building, not its bounding box (issue 15): on a plan without rooms, coverage is aimed at
//! and counted over the building's interior found from its walls. The small sample, turned by
//! 33° and stripped of its rooms and access points (a drawing of walls alone, as a DXF
//! arrives), gets access points proposed inside the building only, and statistics over its
//! interior; the same plan with the interior turned off shows what went wrong before.

use tailplan_core::coverage::{
    ApPlacementOptions, AreaKind, CoverageEngine, CoverageRequest, FloorArea, Service,
    coverage_stats, default_thresholds, place_aps,
};
use tailplan_core::{BBox, Point, Project, Shape, WifiBand};
use tailplan_tests::{open, workspace};

const TURN_DEG: f64 = 33.0;
const PIVOT: Point = Point {
    x: -120.0,
    y: 340.0,
};

fn turn(p: Point, deg: f64) -> Point {
    let (s, c) = deg.to_radians().sin_cos();
    let (dx, dy) = (p.x - PIVOT.x, p.y - PIVOT.y);
    Point::new(PIVOT.x + dx * c - dy * s, PIVOT.y + dx * s + dy * c)
}

/// The small sample's first floor, turned, without rooms and access points; and the
/// original building's outline (the bounding box of its walls, which is a rectangle).
fn turned_roomless() -> (Project, BBox) {
    let mut p = open(&workspace().join("floorplans/small.tailplan.json"));
    p.floors.truncate(1);
    let f = &mut p.floors[0];
    let outline = BBox::from_points(f.walls.iter().flat_map(|w| w.shape.points())).unwrap();
    let walls: Vec<_> = f
        .walls
        .iter()
        .map(|w| {
            let mut w = w.clone();
            w.shape = match &w.shape {
                Shape::Line(pts) => Shape::Line(pts.iter().map(|&q| turn(q, TURN_DEG)).collect()),
                Shape::MultiLine(ls) => Shape::MultiLine(
                    ls.iter()
                        .map(|l| l.iter().map(|&q| turn(q, TURN_DEG)).collect())
                        .collect(),
                ),
                Shape::Polygon(_) => panic!("the small sample draws walls as lines"),
            };
            w
        })
        .collect();
    f.walls = tailplan_core::WallSet::new(walls);
    for o in &mut f.openings {
        for q in &mut o.points {
            *q = turn(*q, TURN_DEG);
        }
    }
    f.rooms.clear();
    f.access_points.clear();
    // Everything else (outlets, trays, telecom rooms) is left out: walls alone.
    f.outlets.clear();
    f.devices.clear();
    f.gateways.clear();
    f.trays.clear();
    f.telecom_rooms.clear();
    f.risers.clear();
    f.routes.clear();
    (p, outline)
}

/// True when `p`, turned back, lies in the original building (walls' half thickness allowed).
fn in_building(p: Point, outline: &BBox) -> bool {
    let q = turn(p, -TURN_DEG);
    let m = 0.2;
    q.x >= outline.min.x - m
        && q.x <= outline.max.x + m
        && q.y >= outline.min.y - m
        && q.y <= outline.max.y + m
}

#[test]
fn on_a_turned_roomless_plan_every_proposed_ap_is_inside_and_statistics_count_the_interior() {
    let (project, outline) = turned_roomless();
    let floor = &project.floors[0];
    let area = FloorArea::of(floor, &project.settings.radio);
    assert_eq!(area.kind(), AreaKind::Interior);
    let interior = area.interior().unwrap();
    let building_m2 = outline.width() * outline.height();
    assert!(
        (interior.area_m2() - building_m2).abs() < 0.04 * building_m2,
        "interior {} m², building {building_m2} m²",
        interior.area_m2()
    );

    let placed = place_aps(&project, &floor.id, &ApPlacementOptions::default()).unwrap();
    assert!(!placed.proposals.is_empty());
    for ap in &placed.proposals {
        assert!(
            in_building(ap.position, &outline),
            "{} at {:?} is outside the building",
            ap.id,
            ap.position
        );
    }
    // Its demand was the interior's cells, and the target was met there.
    assert!(placed.achieved.target_met, "{:?}", placed.achieved);

    // Statistics over the interior: with the proposal, the interior's share, not the
    // bounding box's.
    let mut designed = project.clone();
    designed.floors[0]
        .access_points
        .extend(placed.proposals.iter().map(|p| p.access_point()));
    let req = CoverageRequest::new(floor.id.clone(), Service::Wifi(WifiBand::Ghz5)).with_cell(1.0);
    let maps = CoverageEngine::new().heatmaps(&designed, &req).unwrap();
    let thresholds = default_thresholds(&designed.settings.radio, req.service);
    let stats = coverage_stats(&maps, &designed.floors[0], &area, &thresholds);
    assert_eq!(stats.area, AreaKind::Interior);
    assert!(!stats.rooms_only);
    let grid_m2 = maps.grid.len() as f64 * maps.grid.cell_area_m2();
    assert!(
        (stats.floor.area_m2 - building_m2).abs() < 0.06 * building_m2
            && stats.floor.area_m2 < 0.7 * grid_m2,
        "statistics over {} m² (building {building_m2}, grid {grid_m2})",
        stats.floor.area_m2
    );

    // With the interior turned off (the whole plan, as before), the turned building's bounding
    // box draws proposals outside it.
    let mut plan = project.clone();
    plan.settings.radio.interior_from_walls = false;
    assert_eq!(
        FloorArea::of(&plan.floors[0], &plan.settings.radio).kind(),
        AreaKind::Plan
    );
    let before = place_aps(&plan, &floor.id, &ApPlacementOptions::default()).unwrap();
    assert!(
        before
            .proposals
            .iter()
            .any(|ap| !in_building(ap.position, &outline)),
        "the whole plan also kept every proposal inside: the test would not tell"
    );
}
