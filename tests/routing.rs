//! Every sample building through cable routing: the numbers reviewed as a snapshot, and the
//! invariants every routing keeps (schedule totals equal the bill of materials, capacities and
//! limits hold, the routed project re-routes to the same cables, the optimum is never longer
//! than nearest-first).

use std::collections::BTreeMap;
use std::path::Path;

use tailplan_core::Severity;
use tailplan_core::routing::{
    self, RouteSource, UnservedReason, assignment, bill_of_materials, routed_project,
};
use tailplan_core::validate::validate_project;
use tailplan_tests::{open, sample_name, sample_projects};

fn check(path: &Path) {
    let name = sample_name(path);
    let project = open(path);
    let r = routing::route(&project);
    let bom = bill_of_materials(&project, &r.cables, &r.rooms);
    // The schedule: the horizontal cables, then the backbone between distributors.
    assert_eq!(r.schedule().rows.len(), r.cables.len() + r.backbone.len());
    let schedule = routing::CableSchedule::new(&r.cables);

    // The horizontal schedule's totals are the bill of materials' metres, in whole boxes.
    assert_eq!(schedule.rows.len(), r.cables.len());
    for q in &bom.cables {
        assert!(
            (schedule.total_m(q.medium) - q.length_m).abs() < 1e-6,
            "{name}: {:?}",
            q.medium
        );
        assert_eq!(q.reels, (q.length_m / q.reel_m).ceil() as u32, "{name}");
    }
    // Every endpoint is served or said why not; capacities and limits hold.
    assert_eq!(r.cables.len() + r.unserved.len(), r.endpoints, "{name}");
    let cabling = &project.settings.cabling;
    for c in r.cables.iter().filter(|c| c.source == RouteSource::Auto) {
        assert!(c.lengths.total_m <= cabling.max_length_m(c.medium).unwrap() + 1e-9);
    }
    for room in &r.rooms {
        assert!(room.used <= u64::from(room.ports), "{name}: {}", room.name);
    }
    let mut ids: Vec<&str> = r.cables.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), r.cables.len(), "{name}: cable ids are unique");
    // The optimum is never worse than nearest-first on the building.
    let problem = routing::assignment_problem(&project);
    let best = assignment::optimal(&problem.matrix, &problem.capacity).cost(&problem.matrix);
    let greedy =
        assignment::nearest_first(&problem.matrix, &problem.capacity).cost(&problem.matrix);
    assert!(best <= greedy, "{name}: {best:?} > {greedy:?}");
    // The routed project is valid, and routing it again gives the same cables.
    let routed = routed_project(&project, &r);
    assert!(validate_project(&routed).iter().all(|d| !d.is_error()));
    assert_eq!(routing::route(&routed).cables, r.cables, "{name}: re-route");

    // The numbers, for review.
    let mut lines = vec![format!(
        "{} wired endpoints: {} cables ({} by hand), {} unserved; {:.1} m of cable",
        r.endpoints,
        r.cables.len(),
        r.cables
            .iter()
            .filter(|c| c.source != RouteSource::Auto)
            .count(),
        r.unserved.len(),
        r.total_m()
    )];
    for q in &bom.cables {
        let longest = r
            .cables
            .iter()
            .filter(|c| c.medium == q.medium)
            .map(|c| c.lengths.total_m)
            .fold(0.0, f64::max);
        lines.push(format!(
            "{}: {} cables, {:.1} m, {} boxes of {} m, longest {longest:.1} m",
            q.medium.as_str(),
            q.cables,
            q.length_m,
            q.reels,
            q.reel_m
        ));
    }
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for u in &r.unserved {
        let key = match &u.reason {
            UnservedReason::OverLength { room, .. } => format!("over length to {room}"),
            UnservedReason::NoPorts { .. } => "no ports left".into(),
            other => format!("{other:?}"),
        };
        *reasons
            .entry(format!("unserved {} ({key})", u.endpoint.kind.as_str()))
            .or_default() += 1;
    }
    lines.extend(reasons.iter().map(|(k, n)| format!("{k}: {n}")));
    for room in &r.rooms {
        lines.push(format!(
            "room {} (floor {}): {} of {} ports, PoE {:.1} W drawn, {:.1} W by class, budget {:?}",
            room.name,
            room.floor,
            room.used,
            room.ports,
            room.poe_w,
            room.poe_port_w,
            room.poe_budget_w
        ));
    }
    let fullest = r
        .tray_fill
        .iter()
        .filter_map(|f| Some((f.fill?, f)))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((fill, f)) = fullest {
        lines.push(format!(
            "fullest tray section: {} segment {} on floor {}, {} cables, {:.1} %",
            f.tray,
            f.segment,
            f.floor,
            f.cables,
            fill * 100.0
        ));
    }
    for b in &r.backbone {
        lines.push(format!(
            "backbone {} {} -> {}: {:.2} m ({} x {}), straight {:.2} m, risers {:?}, ducts {:?}",
            b.id,
            b.from,
            b.to,
            b.lengths.total_m,
            b.cores,
            b.fibre.as_str(),
            b.straight_m,
            b.risers,
            b.ducts
        ));
    }
    for d in r
        .distributors
        .iter()
        .filter(|d| d.parent.is_some() || !d.role.is_fd())
    {
        lines.push(format!(
            "distributor {} ({}): parent {:?}, {} x {}",
            d.name,
            d.role.as_str(),
            d.parent,
            d.switches,
            d.switch_model
        ));
    }
    let mut findings: BTreeMap<String, usize> = BTreeMap::new();
    for f in &r.findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        *findings.entry(format!("{sev} {}", f.rule)).or_default() += 1;
    }
    lines.extend(findings.iter().map(|(k, n)| format!("findings {k}: {n}")));
    let mut tail: BTreeMap<String, usize> = BTreeMap::new();
    for c in &r.final_tail {
        let rec = c.recommended.map_or("none", |k| k.as_str());
        *tail
            .entry(format!("final tail {} -> {rec}", c.current.as_str()))
            .or_default() += 1;
    }
    lines.extend(tail.iter().map(|(k, n)| format!("{k}: {n}")));
    lines.push(format!(
        "bill of materials: {} lines, {:.2} {}",
        bom.lines.len(),
        bom.total_cost,
        bom.currency
    ));
    insta::assert_snapshot!(format!("routing_{name}"), lines.join("\n"));
}

#[test]
fn every_sample_building_routes() {
    let samples = sample_projects();
    assert!(samples.len() >= 2);
    for path in samples {
        check(&path);
    }
}
