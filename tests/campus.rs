//! The generated two-building campus (`floorplans/campus.tailplan.json`), routed: every floor
//! distributor has its backbone to its building's distributor, every building distributor to
//! the campus distributor, no backbone is shorter than the straight line between its racks,
//! the floor without a distributor is found, and the switches cover the ports and the PoE.
//! The committed file opens through GeoJSON unchanged.

use tailplan_core::campus::DistributorRole;
use tailplan_core::project_file;
use tailplan_core::routing::{self, BackboneLevel, CableKind, Rule};
use tailplan_core::{Project, Severity};
use tailplan_samples::campus::CAMPUS_FILE;
use tailplan_tests::workspace;

fn committed() -> Project {
    let path = workspace().join("floorplans").join(CAMPUS_FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    project_file::from_json(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .0
}

#[test]
fn every_distributor_is_cabled_to_the_one_above() {
    let p = committed();
    let r = routing::route(&p);
    assert!(r.unserved.is_empty(), "{:?}", r.unserved);
    let role = |id: &str| {
        p.floors
            .iter()
            .flat_map(|f| &f.telecom_rooms)
            .find(|t| t.id == id)
            .map(|t| t.role)
            .unwrap()
    };
    let building = |id: &str| {
        p.floors
            .iter()
            .find(|f| f.telecom_rooms.iter().any(|t| t.id == id))
            .and_then(|f| f.building.clone())
    };
    let rooms: Vec<&str> = p
        .floors
        .iter()
        .flat_map(|f| &f.telecom_rooms)
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(rooms.len(), 4);
    let cd = rooms
        .iter()
        .find(|id| role(id) == DistributorRole::Cd)
        .unwrap();
    for id in &rooms {
        let up: Vec<_> = r.backbone.iter().filter(|b| b.from_id == *id).collect();
        match role(id) {
            DistributorRole::Cd => assert!(up.is_empty(), "the CD has no parent"),
            DistributorRole::Bd => {
                assert_eq!(up.len(), 1, "{id}");
                assert_eq!(up[0].to_id, *cd);
                assert_eq!(up[0].level, BackboneLevel::Campus);
                assert!(
                    !up[0].ducts.is_empty(),
                    "the campus backbone takes the duct"
                );
            }
            DistributorRole::Fd => {
                assert_eq!(up.len(), 1, "{id}");
                let parent = up[0].to_id.as_str();
                assert_ne!(role(parent), DistributorRole::Fd);
                assert_eq!(
                    building(parent),
                    building(id),
                    "{id}: its own building's BD"
                );
                assert_eq!(up[0].level, BackboneLevel::Building);
                assert!(up[0].ducts.is_empty());
            }
        }
    }
    for b in &r.backbone {
        assert!(
            b.lengths.total_m >= b.straight_m,
            "{}: {} m is shorter than the straight line ({} m)",
            b.id,
            b.lengths.total_m,
            b.straight_m
        );
        assert!(b.lengths.total_m <= b.limit_m);
        // Its id is the two distributors' spaces (TIA-606: `A1A/A0A-01`).
        let space = |id: &str| &r.distributors.iter().find(|d| d.id == id).unwrap().space;
        assert!(
            b.id.starts_with(&format!("{}/{}-", space(&b.from_id), space(&b.to_id))),
            "{}",
            b.id
        );
    }
    // The schedule's backbone rows name the distributors.
    let schedule = r.schedule();
    let backbone: Vec<_> = schedule
        .rows
        .iter()
        .filter(|row| row.kind == CableKind::Backbone)
        .collect();
    assert_eq!(backbone.len(), r.backbone.len());
    assert!(
        backbone
            .iter()
            .all(|row| row.from.starts_with("TR-") && row.to.starts_with("TR-"))
    );
}

#[test]
fn the_floor_without_a_distributor_is_found() {
    let p = committed();
    let r = routing::route(&p);
    let found: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == Rule::HorizontalOtherFloor)
        .collect();
    let a2 = p.floor("A2").unwrap();
    assert!(a2.telecom_rooms.is_empty());
    let on_a2 = r.cables.iter().filter(|c| c.floor == "A2").count();
    assert!(on_a2 > 10);
    assert_eq!(found.len(), on_a2, "one finding per cable of A2");
    assert!(
        found
            .iter()
            .all(|f| f.severity == Severity::Warning && f.location.contains("\"A2\""))
    );
    // Only A2's: every other floor is served from its own distributor.
    assert!(
        r.cables
            .iter()
            .filter(|c| c.floor != "A2")
            .all(|c| c.floor == c.room_floor)
    );
}

#[test]
fn switches_cover_ports_and_power() {
    let p = committed();
    let r = routing::route(&p);
    assert_eq!(r.distributors.len(), 4);
    for d in &r.distributors {
        assert!(d.ports_used > 0, "{}", d.name);
        assert!(d.switches > 0);
        assert!(d.switch_ports >= d.ports_used, "{}", d.name);
        assert!(d.switch_poe_w >= d.poe_w, "{}", d.name);
    }
    assert!(
        !r.findings
            .iter()
            .any(|f| matches!(f.rule, Rule::SwitchPorts | Rule::SwitchPoe))
    );
    // The duct carries the campus backbone.
    let duct = r.pathways.iter().find(|l| l.kind == "duct").unwrap();
    assert_eq!((duct.backbone, duct.horizontal), (1, 0));
}

#[test]
fn the_campus_survives_geojson() {
    let p = committed();
    let text = tailplan_io::geojson::export(&p);
    let again = tailplan_io::geojson::import(
        &text,
        &tailplan_io::geojson::ImportOptions {
            source_name: "campus.geojson".into(),
            crs: tailplan_io::geojson::CrsChoice::Auto,
        },
    )
    .unwrap()
    .project;
    assert_eq!(again.buildings, p.buildings);
    assert_eq!(again.ducts, p.ducts);
    assert_eq!(routing::route(&again).backbone, routing::route(&p).backbone);
}
