//! Scenarios compared on a generated corridor: the same routing as `route`, reach by medium,
//! wireless without ports, prices into capital cost.

use super::*;
use crate::devices::{Gateway, IotTech, Medium};
use crate::geometry::Point;
use crate::project::Project;
use crate::routing::tests::{ap, corridor, device, outlet, project};
use crate::routing::{self, EndpointMedia, Routing};
use crate::scenario::{ScenarioFile, plan};

/// The corridor (100 m of tray, its room at the west end) with an outlet of 2 ports, an
/// access point, a camera at 20 m, a sensor at 95 m (103.3 m of cable: beyond Cat6A's 90 m),
/// and a Zigbee lighting controller beside a Zigbee gateway.
fn building() -> Project {
    let mut f = corridor();
    f.outlets.push(outlet("o-1", 30.0, 4.0, 2));
    f.access_points.push(ap("ap-1", 50.0, 25.5));
    let mut cam = device("cam", 20.0, 1.0, Medium::Cat6a, Some(12.95));
    cam.class = Some("camera".into());
    f.devices.push(cam);
    f.devices
        .push(device("sensor", 95.0, 1.0, Medium::Cat6a, None));
    let mut light = device("light", 60.0, 1.0, Medium::Cat6a, None);
    light.class = Some("lighting".into());
    light.tech = Some(IotTech::Zigbee);
    f.devices.push(light);
    f.gateways.push(Gateway {
        id: "gw-1".into(),
        name: "GW-1".into(),
        position: Point::new(62.0, 1.0),
        tech: IotTech::Zigbee,
        tx_dbm: 8.0,
        height_m: 2.5,
        props: Default::default(),
    });
    project(vec![f])
}

fn named<'a>(results: &'a [ScenarioResult], name: &str) -> &'a ScenarioResult {
    results.iter().find(|r| r.name == name).unwrap()
}

fn scenario(json: &str) -> Scenario {
    read(&format!(r#"{{"scenarios": [{json}]}}"#), &super::BUILTIN)
        .unwrap()
        .scenarios
        .remove(0)
}

fn routed(s: &Scenario, p: &Project) -> (Applied, Routing) {
    let a = apply(p, s).unwrap();
    let r = routing::route_with(&a.project, &a.media);
    (a, r)
}

#[test]
fn all_copper_is_route_to_the_cable() {
    let p = building();
    let (a, r) = routed(&builtin("all-copper").unwrap(), &p);
    assert_eq!(a.changed, 0, "every endpoint is on Cat6A already");
    assert_eq!(r, routing::route(&p), "the same routing as route");
    let results = compare(&p, None, &EnergyOptions::default()).unwrap();
    let names: Vec<&str> = results.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, super::BUILTIN);
    let copper = named(&results, "all-copper");
    let plain = routing::route(&p);
    assert_eq!(copper.totals.ports.cat6a, plain.cables.len() as u64);
    let metres: f64 = plain.cables.iter().map(|c| c.lengths.total_m).sum();
    assert!((copper.totals.cable_m.cat6a - metres).abs() < 0.01);
    assert_eq!(
        copper.totals.capex,
        Some((plain.bill_of_materials(&p).total_cost * 100.0).round() / 100.0)
    );
}

#[test]
fn a_wireless_device_put_on_a_cable_is_powered_over_it() {
    // The light is a Zigbee device drawn on Cat6A with no draw, so make it wireless; the
    // camera draws 12.95 W; the sensor, on Cat6A, draws nothing (mains).
    let mut p = building();
    p.floors[0].devices[2].medium = Medium::Wireless;
    let draw = |s: &str| {
        let a = apply(&p, &scenario(s)).unwrap();
        a.project.floors[0]
            .devices
            .iter()
            .map(|d| (d.id.as_str().to_owned(), d.poe_w))
            .collect::<Vec<_>>()
    };
    // On SPE: the light draws a sensor's 1.5 W; the camera keeps its 12.95 W; the sensor, wired
    // and drawing nothing as drawn, stays so (its power is not the scenario's).
    assert_eq!(
        draw(r#"{"name": "spe", "rules": [{"match": {"kind": "device"}, "medium": "spe"}]}"#),
        [
            ("cam".to_owned(), Some(12.95)),
            ("sensor".to_owned(), None),
            ("light".to_owned(), Some(MOVED_DEVICE_POE_W))
        ]
    );
    // A rule's own draw: for every device it puts on a cable that drew nothing.
    assert_eq!(
        draw(
            r#"{"name": "lights", "rules": [{"match": {"kind": "device"}, "medium": "cat6a", "poe_w": 4.5}]}"#
        ),
        [
            ("cam".to_owned(), Some(12.95)),
            ("sensor".to_owned(), Some(4.5)),
            ("light".to_owned(), Some(4.5))
        ]
    );
    // The scenario's PoE counts it: the light's 1.5 W more than as drawn.
    let results = compare(
        &p,
        Some(&[
            builtin("as-drawn").unwrap(),
            scenario(r#"{"name": "spe", "rules": [{"match": {"kind": "device", "class": "lighting"}, "medium": "spe"}]}"#),
        ]),
        &EnergyOptions::default(),
    )
    .unwrap();
    assert!(
        (results[1].totals.poe_w - results[0].totals.poe_w - MOVED_DEVICE_POE_W).abs() < 1e-9,
        "{} vs {}",
        results[1].totals.poe_w,
        results[0].totals.poe_w
    );
}

#[test]
fn a_sensor_beyond_copper_reach_is_unserved_on_copper_and_served_on_spe() {
    let p = building();
    let results = compare(&p, None, &EnergyOptions::default()).unwrap();
    let copper = named(&results, "all-copper");
    let spe = named(&results, "spe-sensors");
    // On copper: the sensor at 103.3 m is unserved.
    assert_eq!(copper.totals.unserved, 1);
    assert_eq!(copper.findings.by_rule.get("unserved"), Some(&1));
    // On SPE (sensors only: the light is a lighting device, the camera a camera): served.
    assert_eq!((spe.totals.unserved, spe.changed), (0, 1));
    assert_eq!(spe.totals.ports.spe, 1);
    assert_eq!(spe.totals.ports.cat6a, copper.totals.ports.cat6a);
    assert!((spe.totals.cable_m.spe - 103.3).abs() < 0.01);
}

#[test]
fn a_wireless_device_takes_no_port_and_one_without_a_technology_is_unserved() {
    let p = building();
    let wireless = scenario(
        r#"{"name": "w", "rules": [{"match": {"kind": "device", "class": "lighting"}, "medium": "wireless"},
                                   {"match": {"kind": "device", "class": "camera"}, "medium": "wireless", "tech": "lorawan"},
                                   {"match": {"kind": "device", "class": "sensor"}, "medium": "wireless"}]}"#,
    );
    let copper = builtin("all-copper").unwrap();
    let r = compare(&p, Some(&[copper, wireless]), &EnergyOptions::default()).unwrap();
    let (copper, wireless) = (&r[0], &r[1]);
    // Two devices fewer on ports (the sensor, 103 m away, had none on copper); the light is
    // reached by its Zigbee gateway, the camera by a LoRaWAN gateway proposed for it; the
    // sensor has no technology to be reached by: unserved, as on copper.
    assert_eq!(wireless.totals.ports.cat6a, copper.totals.ports.cat6a - 2);
    assert_eq!(wireless.changed, 3);
    assert_eq!((copper.totals.unserved, wireless.totals.unserved), (1, 1));
    assert_eq!(
        (wireless.totals.gateways, wireless.totals.gateways_proposed),
        (2, 1),
        "{:?}",
        wireless.totals
    );
    // The gateways' power counts in the energy; the camera's PoE no longer does.
    assert!(wireless.totals.poe_w < copper.totals.poe_w);
}

#[test]
fn one_more_unit_per_cat6a_metre_raises_capex_by_the_metres_bought() {
    let p = building();
    let base = scenario(r#"{"name": "base"}"#);
    let dearer = scenario(r#"{"name": "dearer", "prices": {"cable_per_m": {"cat6a": 2.2}}}"#);
    let (a, r) = routed(&base, &p);
    let results = compare(&p, Some(&[base, dearer]), &EnergyOptions::default()).unwrap();
    let bom = r.bill_of_materials(&a.project);
    let cat6a = bom
        .cables
        .iter()
        .find(|c| c.medium == Medium::Cat6a)
        .unwrap();
    // The BOM buys cable in whole boxes: one more per metre is one more per metre bought.
    let bought = f64::from(cat6a.reels) * cat6a.reel_m;
    let delta = results[1].totals.capex.unwrap() - results[0].totals.capex.unwrap();
    assert!(
        (delta - bought).abs() < 0.01,
        "{delta} for {bought} m bought"
    );
    assert_eq!(
        p.settings.prices.cable_per_m.cat6a, 1.2,
        "the project's prices are its own"
    );
}

#[test]
fn energy_counts_poe_switches_and_gateways_over_the_duty_cycle() {
    let p = building();
    let on = EnergyOptions::default();
    let half = EnergyOptions {
        duty_cycle: 0.5,
        ..on
    };
    let full = compare(&p, Some(&[builtin("as-drawn").unwrap()]), &on).unwrap();
    let halved = compare(&p, Some(&[builtin("as-drawn").unwrap()]), &half).unwrap();
    let t = &full[0].totals;
    assert!((halved[0].totals.energy_kwh_per_year * 2.0 - t.energy_kwh_per_year).abs() < 0.2);
    // By hand: PoE at the switch side, one switch idling, one gateway; all year.
    let switch = crate::campus::switch_model(&[], crate::campus::DEFAULT_SWITCH_MODEL).unwrap();
    let watts = t.poe_w / on.poe_efficiency + switch.idle_w + on.gateway_w;
    assert!((t.energy_kwh_per_year - watts * 8.76).abs() < 0.2, "{t:?}");
    // Per building and per distributor, the same totals.
    assert_eq!(full[0].by_building.len(), 1);
    assert_eq!(full[0].by_building[0].totals.ports, t.ports);
    assert_eq!(full[0].by_distributor[0].switches as u64, t.switches);
}

#[test]
fn wireless_first_puts_reached_devices_on_radio_and_the_rest_on_spe() {
    let p = building();
    let a = wireless_first(&p);
    let media: Vec<(String, Medium)> = a
        .project
        .floors
        .iter()
        .flat_map(|f| &f.devices)
        .map(|d| (d.id.clone(), d.medium))
        .collect();
    assert_eq!(
        media,
        [
            ("cam".to_owned(), Medium::Spe),
            ("sensor".to_owned(), Medium::Spe),
            ("light".to_owned(), Medium::Wireless)
        ]
    );
}

#[test]
fn wireless_first_proposes_gateways_where_none_reaches() {
    let mut p = building();
    // The sensor has LoRaWAN, which no gateway of the project has: one is proposed, and it
    // goes on radio; the camera has no technology and goes on SPE.
    p.floors[0].devices[1].tech = Some(IotTech::Lorawan);
    let a = wireless_first(&p);
    assert_eq!(a.proposed.len(), 1, "{:?}", a.project.floors[0].gateways);
    let g = &a.project.floors[0].gateways[1];
    assert_eq!(
        (g.id.as_str(), g.tech),
        (a.proposed[0].as_str(), IotTech::Lorawan)
    );
    let media: Vec<Medium> = a.project.floors[0]
        .devices
        .iter()
        .map(|d| d.medium)
        .collect();
    assert_eq!(media, [Medium::Spe, Medium::Wireless, Medium::Wireless]);
}

#[test]
fn what_a_scenario_changes_of_the_plan_draws_it() {
    let p = building();
    let lora = scenario(
        r#"{"name": "lora", "rules": [{"match": {"kind": "device", "class": "lighting"}, "medium": "wireless", "tech": "lorawan"}]}"#,
    );
    let both = compare_with_media(
        &p,
        Some(&[builtin("as-drawn").unwrap()]),
        &[lora],
        &EnergyOptions::default(),
    )
    .unwrap();
    // As drawn changes nothing.
    assert_eq!(both[0].1, ScenarioMedia::default());
    // The light moves to LoRaWAN, over a gateway proposed for it.
    let (r, media) = &both[1];
    assert_eq!(
        media.devices,
        [DeviceMedium {
            id: "light".into(),
            medium: Medium::Wireless,
            tech: Some(IotTech::Lorawan)
        }]
    );
    assert_eq!(media.gateways.len() as u64, r.totals.gateways_proposed);
    assert_eq!(media.gateways[0].floor, "1");
    // The floor as the scenario has it: the light on LoRaWAN, the gateway added; the rest as
    // drawn.
    let f = media.on_floor(&p.floors[0]);
    let light = f.devices.iter().find(|d| d.id == "light").unwrap();
    assert_eq!(
        (light.medium, light.tech),
        (Medium::Wireless, Some(IotTech::Lorawan))
    );
    assert_eq!(
        f.gateways.len(),
        p.floors[0].gateways.len() + media.gateways.len()
    );
    assert_eq!(f.devices[0], p.floors[0].devices[0]);
    let mut other = p.floors[0].clone();
    other.id = "9".into();
    assert_eq!(media.on_floor(&other).gateways.len(), other.gateways.len());
    // compare is compare_with_media without the media.
    let plain = compare(
        &p,
        Some(&[builtin("as-drawn").unwrap()]),
        &EnergyOptions::default(),
    )
    .unwrap();
    assert_eq!(plain[0], both[0].0);
}

#[test]
fn a_proposer_places_the_same_devices_once_with_the_same_gateways() {
    let mut p = building();
    let d = &mut p.floors[0].devices[1];
    (d.tech, d.medium) = (Some(IotTech::Lorawan), Medium::Wireless);
    let applied = || Applied {
        project: p.clone(),
        media: EndpointMedia::new(),
        changed: 0,
        proposed: Vec::new(),
    };
    let mut fresh = applied();
    propose_gateways(&mut fresh);
    assert_eq!(fresh.proposed.len(), 1);
    let mut proposer = GatewayProposer::default();
    for _ in 0..2 {
        let mut a = applied();
        proposer.propose(&mut a);
        assert_eq!(a.project, fresh.project);
        assert_eq!(a.proposed, fresh.proposed);
    }
    assert_eq!(proposer.placed.len(), 1, "placed once");
}

#[test]
fn a_wireless_scenario_takes_no_port_for_its_devices_and_proposes_gateways() {
    let p = building();
    let radio = scenario(
        r#"{"name": "lora", "rules": [{"match": {"kind": "device"}, "medium": "wireless", "tech": "lorawan"}]}"#,
    );
    let results = compare(
        &p,
        Some(&[builtin("as-drawn").unwrap(), radio.clone()]),
        &EnergyOptions::default(),
    )
    .unwrap();
    let (drawn, lora) = (&results[0].totals, &results[1].totals);
    // As drawn: the outlet's 2 ports, the access point, the camera and the light on Cat6A;
    // the sensor 103 m away unserved; the Zigbee gateway.
    assert_eq!(
        (drawn.ports.cat6a, drawn.unserved, drawn.gateways),
        (5, 1, 1)
    );
    assert_eq!(drawn.gateways_proposed, 0);
    // Every device on LoRaWAN: no port for any, a gateway proposed, every device served.
    assert_eq!(lora.ports.cat6a, 3, "{lora:?}");
    assert_eq!(lora.unserved, 0, "{lora:?}");
    assert!(lora.gateways_proposed >= 1);
    assert_eq!(lora.gateways, 1 + lora.gateways_proposed);
    assert_eq!(
        results[1].by_building[0].totals.gateways_proposed,
        lora.gateways_proposed
    );
    // The proposed gateways are in the design: its routing's final tail serves each device
    // on radio, and the bill of materials prices them.
    let mut a = apply(&p, &radio).unwrap();
    let now_reached = GatewayProposer::default().propose(&mut a);
    assert_eq!(a.proposed.len() as u64, lora.gateways_proposed);
    // What the proposer says it reached is what the links say once its gateways are in.
    assert_eq!(now_reached, super::compare::reached(&a.project));
    assert_eq!(now_reached.len(), 3, "{now_reached:?}");
    let r = routing::route_with(&a.project, &a.media);
    for c in &r.final_tail {
        assert_eq!(c.current, Medium::Wireless);
        assert!(
            c.options
                .iter()
                .any(|o| o.kind == crate::routing::final_tail::TailKind::Wireless && o.feasible),
            "{c:?}"
        );
    }
    let bom = r.bill_of_materials(&a.project);
    let line = bom
        .lines
        .iter()
        .find(|l| l.item == "gateway-lorawan")
        .unwrap();
    assert_eq!(line.quantity as u64, lora.gateways_proposed);
    // Proposing again finds nothing left to reach.
    let before = a.proposed.len();
    propose_gateways(&mut a);
    assert_eq!(a.proposed.len(), before);
}

/// Two buildings of one corridor floor each: A (floor "1") and B (floor "2").
fn two_buildings() -> Project {
    let mut p = building();
    let mut b = p.floors[0].clone();
    b.id = "2".into();
    b.name = "B, level 1".into();
    for (i, d) in b.devices.iter_mut().enumerate() {
        d.id = format!("b-dev-{i}");
        d.name = format!("B-DEV-{i}");
    }
    for o in &mut b.outlets {
        o.id = format!("b-{}", o.id);
        o.name = format!("B-{}", o.name);
    }
    for a in &mut b.access_points {
        a.id = format!("b-{}", a.id);
        a.name = format!("B-{}", a.name);
    }
    b.gateways[0].id = "b-gw".into();
    b.telecom_rooms[0].id = "b-tr".into();
    b.telecom_rooms[0].name = "B-TR".into();
    b.trays[0].id = "b-t".into();
    p.floors[0].building = Some("A".into());
    b.building = Some("B".into());
    p.floors.push(b);
    p
}

fn file(json: &str) -> ScenarioFile {
    read(json, &super::BUILTIN).unwrap()
}

#[test]
fn phases_add_up_to_the_final_state() {
    let p = two_buildings();
    assert!(
        crate::validate::validate_project(&p)
            .iter()
            .all(|d| !d.is_error())
    );
    let f = file(
        r#"{"scenarios": [{"name": "fibre-aps", "rules": [{"match": {"kind": "ap"}, "medium": "fiber"}]}],
            "phases": [{"name": "A", "year": 2027, "buildings": ["A"], "scenario": "spe-sensors"},
                       {"name": "B", "year": 2028, "buildings": ["B"], "scenario": "spe-sensors", "after": ["A"]},
                       {"name": "B aps", "year": 2028, "floors": ["2"], "scenario": "fibre-aps", "after": ["B"]}]}"#,
    );
    let steps = plan(&p, &f, &EnergyOptions::default()).unwrap();
    let plan_of = |f: &ScenarioFile| plan(&p, f, &EnergyOptions::default()).unwrap();
    let plan = steps;
    assert_eq!(plan.years.len(), 2);
    assert_eq!(plan.years[1].phases, ["B", "B aps"]);
    // The yearly costs add up from the start to the end.
    let sum: f64 = plan.years.iter().map(|y| y.capex).sum();
    let end = plan.years[1].totals.capex.unwrap();
    assert!(
        (plan.start.capex.unwrap() + sum - end).abs() < 0.05,
        "{plan:?}"
    );
    // After 2027, A's sensor on SPE and B's still on copper (unserved). In 2028 floor 2
    // moves to spe-sensors, then (the later phase) to fibre-aps: a floor is wholly on the
    // scenario it moved to last, so B's access point is on fibre and its sensor, which
    // fibre-aps has no rule for, as drawn (copper, unserved) again.
    assert_eq!(plan.start.unserved, 2);
    assert_eq!(
        (
            plan.years[0].totals.unserved,
            plan.years[0].totals.ports.spe
        ),
        (1, 1)
    );
    let last = &plan.years[1].totals;
    assert_eq!((last.unserved, last.ports.spe, last.ports.fiber), (1, 1, 1));
    // Building by building: after 2027, A has moved (its sensor on SPE, served) and B has
    // not; the buildings add up to the campus each year.
    let of = |v: &[BuildingTotals], b: &str| {
        v.iter()
            .find(|t| t.building == b)
            .unwrap_or_else(|| panic!("building {b}"))
            .totals
            .clone()
    };
    let (a, b) = (
        of(&plan.years[0].by_building, "A"),
        of(&plan.years[0].by_building, "B"),
    );
    assert_eq!(
        (a.ports.spe, a.unserved, b.ports.spe, b.unserved),
        (1, 0, 0, 1)
    );
    assert_eq!(of(&plan.start_by_building, "A").unserved, 1);
    for (campus, buildings) in std::iter::once((&plan.start, &plan.start_by_building))
        .chain(plan.years.iter().map(|y| (&y.totals, &y.by_building)))
    {
        assert_eq!(buildings.len(), 2);
        assert_eq!(
            buildings
                .iter()
                .map(|t| t.totals.ports.spe + t.totals.ports.cat6a + t.totals.ports.fiber)
                .sum::<u64>(),
            campus.ports.spe + campus.ports.cat6a + campus.ports.fiber
        );
        assert_eq!(
            buildings.iter().map(|t| t.totals.unserved).sum::<u64>(),
            campus.unserved
        );
    }
    // Everything moved to one scenario ends where that scenario is.
    let all = file(
        r#"{"scenarios": [{"name": "x"}],
            "phases": [{"year": 2030, "buildings": ["A", "B"], "scenario": "all-copper"}]}"#,
    );
    let whole = plan_of(&all);
    let copper = compare(
        &p,
        Some(&[builtin("all-copper").unwrap()]),
        &EnergyOptions::default(),
    )
    .unwrap();
    assert_eq!(whole.years[0].totals, copper[0].totals);
    // So does a plan moving wireless devices onto copper: they draw there as in the scenario.
    let mut p = p;
    for f in &mut p.floors {
        f.devices[2].medium = Medium::Wireless;
    }
    let whole = crate::scenario::plan(&p, &all, &EnergyOptions::default()).unwrap();
    let copper = compare(
        &p,
        Some(&[builtin("all-copper").unwrap()]),
        &EnergyOptions::default(),
    )
    .unwrap();
    assert!(
        copper[0].totals.poe_w > whole.start.poe_w,
        "the lights draw on copper"
    );
    assert_eq!(whole.years[0].totals, copper[0].totals);
}

#[test]
fn a_phase_waiting_for_a_later_one_is_refused() {
    let p = two_buildings();
    let f = file(
        r#"{"scenarios": [{"name": "x"}],
            "phases": [{"name": "early", "year": 2027, "floors": ["1"], "scenario": "x", "after": ["late"]},
                       {"name": "late", "year": 2029, "floors": ["2"], "scenario": "x"}]}"#,
    );
    let e = plan(&p, &f, &EnergyOptions::default()).unwrap_err();
    assert_eq!(
        e,
        "phase \"early\" (2027) waits for \"late\", which is later (2029)"
    );
}
