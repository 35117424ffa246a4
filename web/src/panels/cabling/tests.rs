use tailplan_core::routing::route;
use tailplan_core::{CableRoute as Route, Props};

use super::*;
use crate::fixtures::building;

#[test]
fn route_all_is_one_edit_that_a_second_run_leaves_alone() {
    let mut p = building();
    // A hand route stays; routes of an earlier "Route all" are replaced.
    p.floors[0].routes.push(Route {
        id: "hand-1".into(),
        from: "AP-1".into(),
        to: "TR-1".into(),
        points: vec![
            Point::new(10.0, 10.0),
            Point::new(10.0, 17.0),
            Point::new(2.0, 17.0),
        ],
        props: Props::new(),
    });
    let r = route(&p);
    let edit = auto_routes_edit(&p, &r).unwrap();
    let mut q = p.clone();
    let undo = q.apply(edit).unwrap();
    let auto: Vec<&Route> = q.floors[0]
        .routes
        .iter()
        .filter(|r| is_auto_route(r))
        .collect();
    assert_eq!(
        auto.len(),
        r.cables.len() - 1,
        "every automatic cable as a route"
    );
    assert!(q.floors[0].routes.iter().any(|r| r.id == "hand-1"));
    // Routing the routed project gives the same cables: nothing to change.
    let again = route(&q);
    assert_eq!(again.cables.len(), r.cables.len());
    assert_eq!(auto_routes_edit(&q, &again), None);
    // Undo takes them all back at once.
    q.apply(undo).unwrap();
    assert_eq!(q, p);
}

#[test]
fn findings_are_marked_where_their_elements_are() {
    let mut p = building();
    // An outlet no tray reaches on another floor, a room over its ports.
    let mut f2 = tailplan_core::Floor::new("2", "Level 2", 3.5);
    f2.outlets.push(tailplan_core::Outlet {
        id: "o-far".into(),
        name: "O-FAR".into(),
        position: Point::new(5.0, 5.0),
        ports: 1,
        height_m: 0.3,
        props: Props::new(),
    });
    p.floors.push(f2);
    p.floors[0].telecom_rooms[0].ports = 2;
    let r = route(&p);
    assert!(!r.findings.is_empty());
    let on_1 = markers(&p, &r.findings, "1");
    let on_2 = markers(&p, &r.findings, "2");
    assert!(on_2.iter().any(|m| m.at == Point::new(5.0, 5.0)));
    // The endpoints left without a port are marked where they are.
    assert!(!on_1.is_empty());
    assert!(
        on_1.iter()
            .all(|m| !on_2.iter().any(|n| n.number == m.number))
    );
    // Errors are drawn last (on top).
    let ranks: Vec<u8> = on_1
        .iter()
        .map(|m| u8::from(m.severity == Severity::Error))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    let i = r
        .findings
        .iter()
        .position(|f| f.subject == "o-far")
        .unwrap();
    let (floor, id, b) = finding_target(&p, &r.findings[i]).unwrap();
    assert_eq!((floor.as_str(), id.as_str()), ("2", "o-far"));
    assert_eq!(b.center(), Point::new(5.0, 5.0));
    assert_eq!(
        finding_target(
            &p,
            &Finding::new(
                tailplan_core::routing::Rule::Pathway,
                Severity::Warning,
                "",
                "",
                ""
            )
        ),
        None
    );
}

#[test]
fn tables_sort_filter_and_total() {
    let p = building();
    let r = route(&p);
    let t = schedule_table(&r);
    assert_eq!(t.rows.len(), r.cables.len());
    assert_eq!(t.columns.len(), t.rows[0].cells.len());
    let total: f64 = r.cables.iter().map(|c| c.lengths.total_m).sum();
    assert_eq!(
        t.footer.as_ref().unwrap()[9].text(),
        format!("{total:.1} m")
    );
    // Sorted by total length, longest first.
    let order = t.order(
        Some(Sort {
            column: 9,
            descending: true,
        }),
        "",
    );
    let lengths: Vec<f64> = order
        .iter()
        .map(|&i| match t.rows[i].cells[9] {
            Cell::Num(x, ..) => x,
            _ => f64::NAN,
        })
        .collect();
    assert!(lengths.windows(2).all(|w| w[0] >= w[1]));
    // Filtered by an outlet's name.
    let o0 = t.order(None, "o-0/");
    assert_eq!(o0.len(), 2);
    assert!(t.order(None, "no such thing").is_empty());
    assert!(t.rows.iter().all(|r| r.target.is_some()));

    let view = RoutingView::new(r.clone(), r.bill_of_materials(&p), (1, 1), 5.0);
    let b = bom_table(&view.bom);
    assert!(b.rows.iter().any(|r| r.cells[0].text() == "cable-cat6a"));
    assert!(
        b.footer.as_ref().unwrap()[0]
            .text()
            .starts_with("Total (EUR)")
    );
    let ft = final_tail_table(&r, "EUR");
    assert_eq!(ft.rows.len(), r.final_tail.len());
    let temp = ft
        .rows
        .iter()
        .find(|row| row.cells[0].text() == "TEMP-1")
        .unwrap();
    assert!(temp.highlight.is_some(), "a recommended option");
    assert!(temp.cells[4].text().contains("dB"), "{:?}", temp.cells[4]);
}

#[test]
fn sorting_cycles_and_numbers_sort_as_numbers() {
    let mut c = CablingState::default();
    c.sort_by(CablingTab::Schedule, 2);
    assert_eq!(
        c.sort_of(CablingTab::Schedule),
        Some(Sort {
            column: 2,
            descending: false
        })
    );
    c.sort_by(CablingTab::Schedule, 2);
    assert!(c.sort_of(CablingTab::Schedule).unwrap().descending);
    c.sort_by(CablingTab::Schedule, 2);
    assert_eq!(c.sort_of(CablingTab::Schedule), None);
    assert_eq!(c.sort_of(CablingTab::Materials), None);
    assert_eq!(natural_cmp("O-9", "O-10"), Ordering::Less);
    assert_eq!(natural_cmp("1A-A02", "1A-A10"), Ordering::Less);
    assert_eq!(natural_cmp("ap", "AP"), Ordering::Equal);
    assert_eq!(natural_cmp("AP-007", "AP-7"), Ordering::Equal);
    assert_eq!(Cell::Empty.cmp(&Cell::Text("a".into())), Ordering::Greater);
}
