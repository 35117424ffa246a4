use super::*;
use tailplan_core::scenario::{PerWired, Totals};

fn result(name: &str, cat6a: u64, spe: u64, capex: f64, unserved: u64) -> ScenarioResult {
    ScenarioResult {
        name: name.into(),
        totals: Totals {
            ports: PerWired {
                cat6a,
                spe,
                fiber: 0,
            },
            cable_m: PerWired {
                cat6a: cat6a as f64 * 30.0,
                spe: spe as f64 * 40.0,
                fiber: 0.0,
            },
            unserved,
            capex: Some(capex),
            energy_kwh_per_year: 100.0,
            ..Totals::default()
        },
        by_building: Vec::new(),
        by_distributor: Vec::new(),
        findings: Default::default(),
        changed: 0,
    }
}

#[test]
fn choices_read_back_from_their_values() {
    for c in ClassChoice::all() {
        assert_eq!(ClassChoice::parse(&c.value()), Some(c), "{}", c.value());
    }
    assert_eq!(ClassChoice::parse("copper"), None);
    assert_eq!(
        ClassChoice::Wireless(Some(IotTech::Lorawan)).value(),
        "wireless:lorawan"
    );
}

#[test]
fn the_panels_scenario_is_one_rule_per_class_given_a_medium() {
    let mut s = ScenariosState::default();
    assert_eq!(s.custom(), None, "every class kept: no scenario");
    s.set_class("sensor", ClassChoice::Wired(Medium::Spe));
    s.set_class("lighting", ClassChoice::Wireless(Some(IotTech::Zigbee)));
    s.set_class("camera", ClassChoice::Keep);
    let c = s.custom().unwrap();
    assert_eq!(c.name, DEFAULT_NAME);
    let rules: Vec<(Option<&str>, Medium, Option<IotTech>)> = c
        .rules
        .iter()
        .map(|r| (r.matches.class.as_deref(), r.medium, r.tech))
        .collect();
    assert_eq!(
        rules,
        [
            (Some("lighting"), Medium::Wireless, Some(IotTech::Zigbee)),
            (Some("sensor"), Medium::Spe, None)
        ]
    );
    assert!(
        c.rules
            .iter()
            .all(|r| r.matches.kind == ScenarioKind::Device)
    );
    // A rule the file reader would take: the scenario round-trips through the reader.
    let file = serde_json::json!({ "scenarios": [c] }).to_string();
    let read = tailplan_core::scenario::read(&file, &tailplan_core::scenario::BUILTIN).unwrap();
    assert_eq!(read.scenarios[0], c);
    // Setting a class back to "as drawn" drops its rule; a typed name is used.
    s.set_class("lighting", ClassChoice::Keep);
    s.name = "  SPE for sensors ".into();
    let c = s.custom().unwrap();
    assert_eq!((c.name.as_str(), c.rules.len()), ("SPE for sensors", 1));
    let job = s.job_for(7, (1, 2));
    assert_eq!((job.job, job.doc), (7, (1, 2)));
    assert_eq!(job.custom, Some(c));
    assert_eq!(job.energy.duty_cycle, 1.0);
}

#[test]
fn the_duty_cycle_is_a_percentage() {
    let mut s = ScenariosState::default();
    assert!(s.set_duty_percent(" 40 % "));
    assert_eq!(s.duty_cycle, 0.4);
    assert!(!s.set_duty_percent("140"));
    assert!(!s.set_duty_percent("NaN"));
    assert!(!s.set_duty_percent("lots"));
    assert_eq!(s.duty_cycle, 0.4);
}

#[test]
fn only_the_jobs_comparison_is_shown() {
    let mut s = ScenariosState {
        job: Some(5),
        ..Default::default()
    };
    let shown = |job| {
        Rc::new(ShownScenarios {
            job,
            doc: (1, 1),
            result: tailplan_app::scenarios::ScenariosResult {
                currency: "EUR".into(),
                scenarios: vec![result("a", 1, 0, 10.0, 0)],
                plan: None,
                warnings: Vec::new(),
            },
            media: vec![tailplan_core::scenario::ScenarioMedia::default()],
            energy: Default::default(),
            compute_ms: 3.0,
        })
    };
    assert!(!s.shown(shown(4)), "an older job's");
    assert!(s.shown.is_none());
    assert!(s.shown(shown(5)));
    assert_eq!(s.job, None);
    assert!(!s.failed(5, "late".into()), "no job in progress");
    s.job = Some(6);
    assert!(s.failed(6, "No comparison: bad.".into()));
    assert_eq!(s.error.as_deref(), Some("No comparison: bad."));
    assert!(s.shown.is_some(), "the last comparison stays");
}

#[test]
fn rows_mark_the_least_value_and_flag_unserved() {
    let list = [
        result("copper", 10, 0, 5000.0, 2),
        result("spe", 6, 4, 4200.0, 0),
        result("same", 6, 4, 4200.0, 0),
    ];
    let rows = rows(&list, "EUR");
    let row = |label: &str| rows.iter().find(|r| r.label == label).unwrap();
    assert_eq!(row("Cat6A ports").cells, ["10", "6", "6"]);
    assert_eq!(row("Cat6A ports").best, [1, 2]);
    assert_eq!(row("Capex EUR").cells[0], "5\u{202f}000");
    assert_eq!(row("Capex EUR").best, [1, 2]);
    // Equal everywhere: no best.
    assert!(row("kWh / year").best.is_empty());
    let unserved = row("Unserved");
    assert!(unserved.alarm);
    assert_eq!(unserved.nonzero, [true, false, false]);
}

#[test]
fn bars_are_proportional_from_zero_and_stack_by_medium() {
    let list = [result("a", 10, 0, 5000.0, 0), result("b", 6, 4, 2500.0, 0)];
    let capex = bars(&list, Chart::Capex);
    assert_eq!(capex[0].parts, [("capex", 1.0)]);
    assert_eq!(capex[1].parts, [("capex", 0.5)]);
    let ports = bars(&list, Chart::Ports);
    assert_eq!(ports[1].value, 10.0);
    assert_eq!(
        ports[1].parts,
        [("cat6a", 0.6), ("spe", 0.4), ("fiber", 0.0)]
    );
    // All zero: no length, no NaN.
    let none = [result("z", 0, 0, 0.0, 0)];
    let b = bars(&none, Chart::Ports);
    assert!(b[0].parts.iter().all(|(_, f)| *f == 0.0));
    assert!(bars(&[], Chart::Capex).is_empty());
}

#[test]
fn the_plans_rows_run_a_total_for_the_campus_or_a_building() {
    use tailplan_core::scenario::{BuildingTotals, Plan, PlanYear};
    let of = |t: Totals| {
        vec![BuildingTotals {
            building: "A".into(),
            totals: Totals { switches: 1, ..t },
        }]
    };
    let t = |cat6a| Totals {
        ports: PerWired {
            cat6a,
            spe: 1,
            fiber: 0,
        },
        switches: 2,
        ..Totals::default()
    };
    let plan = Plan {
        start: t(10),
        start_by_building: of(t(4)),
        years: vec![
            PlanYear {
                year: 2027,
                phases: vec!["A".into(), "B".into()],
                capex: 1000.0,
                totals: t(12),
                by_building: of(t(5)),
            },
            PlanYear {
                year: 2028,
                phases: vec!["C".into()],
                capex: -200.0,
                totals: t(9),
                by_building: of(t(3)),
            },
        ],
    };
    let rows = plan_rows(&plan, None);
    assert_eq!(rows.len(), 3);
    assert_eq!((rows[0].year.as_str(), rows[0].ports), ("as drawn", 11));
    assert_eq!(
        (rows[1].phases.as_str(), rows[1].cumulative),
        ("A, B", 1000.0)
    );
    assert_eq!((rows[2].capex, rows[2].cumulative), (-200.0, 800.0));
    // Building A: its ports and switches, the campus's costs.
    let a = plan_rows(&plan, Some("A"));
    let ports: Vec<u64> = a.iter().map(|r| r.ports).collect();
    assert_eq!(ports, [5, 6, 4]);
    assert!(a.iter().all(|r| r.switches == 1));
    assert_eq!((a[2].capex, a[2].cumulative), (-200.0, 800.0));
    assert_eq!(plan_buildings(&plan), ["A"]);
    // A building the plan does not have: nothing of it.
    assert!(plan_rows(&plan, Some("Z")).iter().all(|r| r.ports == 0));
}

#[test]
fn classes_are_counted_with_the_default_one() {
    let project = crate::fixtures::building();
    let classes = classes_of(&project);
    let total: usize = classes.iter().map(|(_, n)| n).sum();
    assert_eq!(
        total,
        project
            .floors
            .iter()
            .map(|f| f.devices.len())
            .sum::<usize>()
    );
    assert!(classes.windows(2).all(|w| w[0].0 < w[1].0));
    assert_eq!(group(-1234567.0), "−1\u{202f}234\u{202f}567");
}

#[test]
fn the_scenario_on_the_plan_follows_its_name_and_patches_the_floor() {
    use tailplan_core::scenario::{DeviceMedium, GatewayOnFloor, ScenarioMedia};
    let project = crate::fixtures::building();
    let floor = &project.floors[0];
    let device = floor.devices[0].clone();
    let gateway = tailplan_core::Gateway {
        id: "gw-new".into(),
        name: "GW-NEW".into(),
        position: tailplan_core::Point::new(1.0, 1.0),
        tech: IotTech::Thread,
        tx_dbm: 0.0,
        height_m: 2.5,
        props: Default::default(),
    };
    let shown = |job, names: &[&str]| {
        Rc::new(ShownScenarios {
            job,
            doc: (1, 1),
            result: tailplan_app::scenarios::ScenariosResult {
                currency: "EUR".into(),
                scenarios: names.iter().map(|n| result(n, 1, 0, 1.0, 0)).collect(),
                plan: None,
                warnings: Vec::new(),
            },
            media: names
                .iter()
                .map(|n| match *n {
                    "radio" => ScenarioMedia {
                        devices: vec![DeviceMedium {
                            id: device.id.clone(),
                            medium: Medium::Wireless,
                            tech: Some(IotTech::Thread),
                        }],
                        gateways: vec![GatewayOnFloor {
                            floor: floor.id.clone(),
                            gateway: gateway.clone(),
                        }],
                    },
                    _ => ScenarioMedia::default(),
                })
                .collect(),
            energy: Default::default(),
            compute_ms: 1.0,
        })
    };
    let mut s = ScenariosState {
        job: Some(1),
        ..Default::default()
    };
    assert!(s.shown(shown(1, &["as-drawn", "radio"])));
    assert!(s.floor_on_plan(floor).is_none(), "nothing on the plan yet");
    s.on_plan = Some(1);
    let f = s.floor_on_plan(floor).unwrap();
    assert_eq!(f.devices[0].medium, Medium::Wireless);
    assert_eq!(f.gateways.last(), Some(&gateway));
    // A new comparison keeps the same scenario on the plan, found by its name.
    s.job = Some(2);
    assert!(s.shown(shown(2, &["radio", "as-drawn"])));
    assert_eq!((s.on_plan, s.on_plan_name()), (Some(0), Some("radio")));
    // One without it draws the project as it is.
    s.job = Some(3);
    assert!(s.shown(shown(3, &["as-drawn"])));
    assert_eq!(s.on_plan, None);
}
