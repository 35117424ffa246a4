use tailplan_core::{Element, Point, Project};

use crate::document::Source;
use crate::plan::index::tests::floor;
use crate::plan::snap::SnapKind;
use crate::state::input::Command;
use crate::state::tests::{showing, step};
use crate::state::tools::Tool;
use crate::state::{Action, AppState, Gesture, Opened, PointerInput, PointerPhase};

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

/// The test floor of [`crate::plan::index`] (20 x 10 m, walls all round, a tray along y = 8, an
/// AP at (5, 5), a telecom room at (17.5, 2)) fitted into 800 x 600: 38 px per metre.
fn state() -> AppState {
    let mut project = Project::new();
    project.floors.push(floor());
    showing(Opened::new(project, Source::New, "t.tailplan.json"))
}

fn pointer(s: &AppState, phase: PointerPhase, at: Point, shift: bool) -> AppState {
    let (x, y) = s.view.to_screen(at);
    step(
        s,
        Action::Pointer(PointerInput {
            phase,
            x,
            y,
            button: 0,
            shift,
            alt: false,
        }),
    )
}

fn click(s: &AppState, at: Point) -> AppState {
    let s = pointer(s, PointerPhase::Down, at, false);
    pointer(&s, PointerPhase::Up, at, false)
}

fn key(s: &AppState, c: Command) -> AppState {
    step(s, Action::Command(c))
}

fn tool(s: &AppState, t: Tool) -> AppState {
    step(s, Action::SetTool(t))
}

fn revision(s: &AppState) -> u64 {
    s.doc.as_ref().unwrap().revision
}

fn walls(s: &AppState) -> Vec<Vec<Point>> {
    s.floor()
        .unwrap()
        .walls
        .iter()
        .map(|w| w.shape.points().collect())
        .collect()
}

#[test]
fn drawing_a_wall_click_click_enter() {
    let s = tool(&state(), Tool::Wall);
    let s = click(&s, p(3.03, 4.02));
    let d = s.draft.as_ref().unwrap();
    assert_eq!(d.points, [p(3.0, 4.0)], "snapped to the grid");
    assert_eq!(walls(&s).len(), 4, "nothing made yet");
    let s = click(&s, p(8.0, 4.0));
    assert_eq!(walls(&s).len(), 5);
    assert_eq!(walls(&s)[4], [p(3.0, 4.0), p(8.0, 4.0)]);
    assert_eq!(
        s.draft.as_ref().unwrap().points,
        [p(8.0, 4.0)],
        "the next wall starts there"
    );
    let w = s.floor().unwrap().walls.get(4).unwrap().clone();
    assert_eq!(
        (w.material.as_deref(), w.thickness_m),
        (Some("drywall"), 0.12)
    );
    assert_eq!(
        s.selection,
        std::slice::from_ref(&w.id),
        "the new wall is selected"
    );
    let s = key(&s, Command::Enter);
    assert!(s.draft.is_none());
    assert_eq!(walls(&s).len(), 5);
    // One undo step per wall.
    let u = key(&s, Command::Undo);
    assert_eq!(walls(&u).len(), 4);
}

#[test]
fn drawing_a_wall_chain_ended_by_esc_or_a_second_click() {
    let s = tool(&state(), Tool::Wall);
    let s = step(&s, Action::SetWallMaterial("brick".into()));
    let s = click(&click(&click(&s, p(3.0, 3.0)), p(6.0, 3.0)), p(6.0, 6.0));
    assert_eq!(walls(&s).len(), 6);
    assert!(
        s.floor()
            .unwrap()
            .walls
            .iter()
            .skip(4)
            .all(|w| w.material.as_deref() == Some("brick"))
    );
    let esc = key(&s, Command::Escape);
    assert!(esc.draft.is_none());
    assert_eq!(walls(&esc).len(), 6, "Esc keeps the walls drawn");
    assert_eq!(esc.tool, Tool::Wall, "and the tool");
    // A second click on the last point ends the chain too (a double click does that).
    let twice = click(&s, p(6.0, 6.0));
    assert!(twice.draft.is_none());
    assert_eq!(walls(&twice).len(), 6);
    // Esc with nothing drawn goes back to Select... after clearing the selection.
    let back = key(&key(&esc, Command::Escape), Command::Escape);
    assert_eq!(back.tool, Tool::Select);
    // Closing on the chain's start ends it.
    let s = tool(&state(), Tool::Wall);
    let s = click(
        &click(&click(&click(&s, p(3.0, 3.0)), p(6.0, 3.0)), p(6.0, 6.0)),
        p(3.0, 3.0),
    );
    assert!(s.draft.is_none());
    assert_eq!(walls(&s).len(), 7);
}

#[test]
fn snapping_picks_the_nearest_candidate_and_shows_it() {
    let s = tool(&state(), Tool::Wall);
    // Hovering near the corner: the corner, shown as an endpoint.
    let h = pointer(&s, PointerPhase::Move, p(0.15, 0.1), false);
    let snap = h.hover.snap.clone().unwrap();
    assert_eq!((snap.kind, snap.point), (SnapKind::Endpoint, p(0.0, 0.0)));
    assert_eq!(h.hover.point, Some(p(0.0, 0.0)));
    // Near the middle of the bottom wall: onto it.
    let h = pointer(&s, PointerPhase::Move, p(10.13, 0.12), false);
    assert_eq!(h.hover.snap.as_ref().unwrap().kind, SnapKind::Wall);
    assert_eq!(h.hover.point, Some(p(10.13, 0.0)));
    // Between the tray (8) and the top wall (10) nearer the tray, within reach of both.
    let h = pointer(&s, PointerPhase::Move, p(10.0, 8.2), false);
    assert_eq!(h.hover.snap.as_ref().unwrap().kind, SnapKind::Tray);
    // Alt: no snapping.
    let (x, y) = s.view.to_screen(p(0.15, 0.1));
    let free = step(
        &s,
        Action::Pointer(PointerInput {
            phase: PointerPhase::Move,
            x,
            y,
            button: 0,
            shift: false,
            alt: true,
        }),
    );
    assert!(free.hover.snap.is_none());
    // Shift keeps 45 degrees from the last point.
    let d = click(&s, p(3.0, 3.0));
    let h = pointer(&d, PointerPhase::Move, p(7.0, 3.3), true);
    assert_eq!(h.hover.point.unwrap().y, 3.0);
}

#[test]
fn a_drag_is_one_edit() {
    let s = state();
    let rev = revision(&s);
    let s = pointer(&s, PointerPhase::Down, p(5.0, 5.0), false);
    assert!(matches!(s.gesture, Gesture::Pressed { hit: Some(ref id), .. } if id == "ap1"));
    let mut s = s;
    for i in 1..=10 {
        s = pointer(
            &s,
            PointerPhase::Move,
            p(5.0 + 0.3 * f64::from(i), 5.0),
            false,
        );
        assert_eq!(revision(&s), rev, "nothing changes while dragging");
    }
    assert!(matches!(s.gesture, Gesture::Moving { .. }));
    assert_eq!(s.selection, ["ap1"]);
    assert!(
        s.hint().starts_with("Moving 1 · Δx 3.00 m  Δy 0.00 m"),
        "{}",
        s.hint()
    );
    // Esc would cancel it; here it goes on to the release.
    assert_eq!(key(&s, Command::Escape).gesture, Gesture::Idle);
    let s = pointer(&s, PointerPhase::Up, p(8.0, 5.0), false);
    assert_eq!(revision(&s), rev + 1, "one edit");
    let ap = s.floor().unwrap().access_points[0].position;
    assert_eq!(ap, p(8.0, 5.0), "the anchor snapped to the grid");
    let u = key(&s, Command::Undo);
    assert_eq!(u.floor().unwrap().access_points[0].position, p(5.0, 5.0));
    assert_eq!(revision(&u), rev + 2);
}

#[test]
fn clicks_and_boxes_select() {
    let s = state();
    let s = click(&s, p(5.0, 5.0));
    assert_eq!(s.selection, ["ap1"]);
    let s2 = {
        let d = pointer(&s, PointerPhase::Down, p(10.0, 8.0), true);
        pointer(&d, PointerPhase::Up, p(10.0, 8.0), true)
    };
    assert_eq!(s2.selection, ["ap1", "t1"], "Shift adds");
    let s3 = {
        let d = pointer(&s2, PointerPhase::Down, p(5.0, 5.0), true);
        pointer(&d, PointerPhase::Up, p(5.0, 5.0), true)
    };
    assert_eq!(s3.selection, ["t1"], "Shift takes away");
    // A click inside the room and off everything else selects the room; outside, nothing.
    assert_eq!(click(&s, p(10.0, 4.0)).selection, ["r1"]);
    assert!(click(&s, p(25.0, 4.0)).selection.is_empty());
    // A box from empty space.
    let b = pointer(&state(), PointerPhase::Down, p(-1.0, 12.0), false);
    let b = pointer(&b, PointerPhase::Move, p(20.5, 0.4), false);
    assert!(matches!(b.gesture, Gesture::Boxing { .. }));
    let b = pointer(&b, PointerPhase::Up, p(20.5, 0.4), false);
    assert_eq!(b.selection, ["w3", "ap1", "tr1", "t1"]);
    // Hover shows what a click would pick.
    let h = pointer(&state(), PointerPhase::Move, p(10.0, 8.05), false);
    assert_eq!(h.hover.hit.as_deref(), Some("t1"));
}

#[test]
fn placing_equipment() {
    let s = tool(&state(), Tool::AccessPoint);
    let s = click(&s, p(12.02, 5.01));
    let aps = &s.floor().unwrap().access_points;
    assert_eq!(aps.len(), 2);
    assert_eq!(aps[1].position, p(12.0, 5.0));
    assert_eq!(aps[1].name, "AP-2", "after the floor's AP-1");
    assert_eq!(s.selection, [aps[1].id.clone()]);
    assert_eq!(s.tool, Tool::AccessPoint, "the tool stays for the next one");
    for (t, check) in [
        (
            Tool::Gateway,
            (|f: &tailplan_core::Floor| f.gateways.len()) as fn(&tailplan_core::Floor) -> usize,
        ),
        (Tool::Device, |f| f.devices.len()),
        (Tool::Outlet, |f| f.outlets.len()),
        (Tool::Riser, |f| f.risers.len()),
        (Tool::TelecomRoom, |f| f.telecom_rooms.len()),
    ] {
        let before = check(s.floor().unwrap());
        let after = click(&tool(&s, t), p(11.0, 6.0));
        assert_eq!(check(after.floor().unwrap()), before + 1, "{t:?}");
    }
}

#[test]
fn doors_stay_on_their_wall() {
    let s = tool(&state(), Tool::Door);
    let s = click(&s, p(4.0, 0.1));
    assert!(s.draft.as_ref().unwrap().wall.is_some());
    let s = click(&s, p(5.0, 0.6));
    let o = &s.floor().unwrap().openings;
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].points, [p(4.0, 0.0), p(5.0, 0.0)]);
    assert!(s.draft.is_none());
    // A click on a wall's end finds the wall too.
    let s = tool(&state(), Tool::Window);
    let s = click(&s, p(20.0, 0.05));
    let d = s.draft.as_ref().unwrap();
    assert_eq!(d.points, [p(20.0, 0.0)], "snapped to the corner");
    assert!(d.wall.is_some());
    // Two clicks on one point make nothing.
    let w = tool(&state(), Tool::Window);
    let w = click(&click(&w, p(4.0, 0.0)), p(4.0, 0.0));
    assert!(w.floor().unwrap().openings.is_empty());
    assert!(w.notice.is_some());
}

#[test]
fn trays_and_rooms_finish_with_enter_or_a_double_click() {
    let s = tool(&state(), Tool::Tray);
    let s = click(&click(&click(&s, p(2.0, 2.0)), p(12.0, 2.0)), p(12.0, 6.0));
    assert_eq!(s.floor().unwrap().trays.len(), 1, "nothing until finished");
    let dbl = pointer(
        &click(&s, p(12.0, 6.0)),
        PointerPhase::DoubleClick,
        p(12.0, 6.0),
        false,
    );
    let trays = &dbl.floor().unwrap().trays;
    assert_eq!(trays.len(), 2);
    assert_eq!(trays[1].points, [p(2.0, 2.0), p(12.0, 2.0), p(12.0, 6.0)]);
    let esc = key(&s, Command::Escape);
    assert_eq!(esc.floor().unwrap().trays.len(), 1, "Esc cancels");
    let back = key(&s, Command::Backspace);
    assert_eq!(back.draft.as_ref().unwrap().points.len(), 2);

    let r = tool(&state(), Tool::Room);
    let r = click(&click(&click(&r, p(2.0, 2.0)), p(6.0, 2.0)), p(6.0, 6.0));
    let too_few = key(
        &click(&tool(&state(), Tool::Room), p(2.0, 2.0)),
        Command::Enter,
    );
    assert!(too_few.draft.is_some() && too_few.notice.is_some());
    let closed = click(&r, p(2.0, 2.0));
    let rooms = &closed.floor().unwrap().rooms;
    assert_eq!(rooms.len(), 2);
    assert_eq!(rooms[1].polygon.exterior.len(), 3);
    assert_eq!(rooms[1].name, "Room 1");
}

#[test]
fn a_route_runs_from_an_endpoint_to_a_telecom_room() {
    let s = tool(&state(), Tool::Route);
    // Not on an endpoint: nothing starts.
    let nothing = click(&s, p(10.0, 5.0));
    assert!(nothing.draft.is_none() && nothing.notice.is_some());
    let s = click(&s, p(5.1, 5.1));
    let d = s.draft.as_ref().unwrap();
    assert_eq!(d.points, [p(5.0, 5.0)], "starts at the AP itself");
    assert_eq!(
        d.route_from.as_ref().unwrap(),
        &("AP-1".to_owned(), "ap1".to_owned())
    );
    let s = click(&s, p(5.0, 8.1));
    assert_eq!(
        s.draft.as_ref().unwrap().points[1],
        p(5.0, 8.0),
        "onto the tray"
    );
    let s = click(&s, p(17.5, 8.0));
    let enter = key(&s, Command::Enter);
    assert!(enter.draft.is_some(), "a route ends on a telecom room only");
    let done = click(&s, p(17.0, 1.0));
    let routes = &done.floor().unwrap().routes;
    assert_eq!(routes.len(), 1);
    assert_eq!(
        (routes[0].from.as_str(), routes[0].to.as_str()),
        ("ap1", "tr1"),
        "by id, so that renaming either keeps the route"
    );
    assert_eq!(
        routes[0].points,
        [p(5.0, 5.0), p(5.0, 8.0), p(17.5, 8.0), p(17.5, 2.0)]
    );
    assert!(done.draft.is_none());
    assert!(matches!(
        done.project()
            .unwrap()
            .element(&done.selection[0])
            .unwrap()
            .1,
        Element::Route(_)
    ));
}

#[test]
fn measuring_and_panning() {
    let s = tool(&state(), Tool::Measure);
    let s = click(&s, p(0.0, 0.0));
    let h = pointer(&s, PointerPhase::Move, p(3.0, 4.0), false);
    assert!(h.measure_text().unwrap().starts_with("5.00 m"));
    let s = click(&h, p(3.0, 4.0));
    assert_eq!(s.measure.unwrap().b, Some(p(3.0, 4.0)));
    assert_eq!(
        revision(&s),
        revision(&state()),
        "measuring changes nothing"
    );
    // The middle button pans with any tool.
    let (x, y) = s.view.to_screen(p(5.0, 5.0));
    let press = |phase, x, y| {
        Action::Pointer(PointerInput {
            phase,
            x,
            y,
            button: 1,
            shift: false,
            alt: false,
        })
    };
    let d = step(&s, press(PointerPhase::Down, x, y));
    let m = step(&d, press(PointerPhase::Move, x + 30.0, y));
    assert_eq!(m.view.origin_x, s.view.origin_x + 30.0);
    let u = step(&m, press(PointerPhase::Up, x + 30.0, y));
    assert_eq!(u.gesture, Gesture::Idle);
    // So does a left drag while Space is held.
    let sp = key(&tool(&state(), Tool::Wall), Command::SpaceDown);
    let d = pointer(&sp, PointerPhase::Down, p(5.0, 5.0), false);
    assert!(matches!(d.gesture, Gesture::Panning { .. }));
    assert!(d.draft.is_none());
    assert!(!step(&d, Action::SpaceUp).space_held);
}

#[test]
fn undo_during_a_drawing_cancels_it_first() {
    let s = tool(&state(), Tool::Wall);
    let s = click(&click(&s, p(3.0, 3.0)), p(6.0, 3.0));
    assert!(s.draft.is_some());
    let u = key(&s, Command::Undo);
    assert!(u.draft.is_none());
    assert_eq!(walls(&u).len(), 4);
    let r = key(&u, Command::Redo);
    assert_eq!(walls(&r).len(), 5);
}
