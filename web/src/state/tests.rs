use tailplan_core::{Point, Polygon, Props, Room};

use super::*;
use crate::state::input::Command;

pub(crate) const VP: Viewport = Viewport {
    width: 800.0,
    height: 600.0,
    dpr: 1.0,
};

fn floor(id: &str, x0: f64) -> Floor {
    let mut f = Floor::new(id, format!("Level {id}"), 0.0);
    f.rooms.push(Room {
        id: format!("room-{id}"),
        name: "Hall".into(),
        polygon: Polygon::rect(Point::new(x0, 0.0), Point::new(x0 + 40.0, 20.0)),
        category: None,
        people: None,
        props: Props::new(),
    });
    f
}

fn opened() -> Opened {
    let mut project = Project::new();
    project.meta.name = "HQ".into();
    project.floors.push(floor("0", 0.0));
    project.floors.push(floor("1", 0.0));
    project.floors.push(floor("far", 10_000.0));
    Opened::new(project, Source::Sample("office"), "hq.tailplan.json")
}

pub(crate) fn step(state: &AppState, action: Action) -> AppState {
    state.apply(action).unwrap_or_else(|| state.clone())
}

/// A state showing `opened` in an 800 x 600 canvas.
pub(crate) fn showing(opened: Opened) -> AppState {
    let s = AppState::default();
    let s = step(&s, Action::Resize(VP));
    let s = step(
        &s,
        Action::StartLoading {
            label: SAMPLES[0].describe(),
            request: 1,
        },
    );
    step(
        &s,
        Action::Loaded {
            request: 1,
            result: Ok(opened),
        },
    )
}

fn loaded() -> AppState {
    showing(opened())
}

#[test]
fn loading_fits_the_first_floor() {
    let s = loaded();
    assert!(!s.is_loading());
    assert_eq!(s.floor_id.as_deref(), Some("0"));
    assert_eq!(s.doc.as_ref().unwrap().title(), "HQ");
    // 40 x 20 m fitted into 800 x 600 with margins.
    assert!((s.view.scale - (800.0 - 2.0 * FIT_MARGIN_PX) / 40.0).abs() < 1e-9);
    assert_eq!(s.generation, 1);
    assert!(s.index().is_some());
    assert_eq!(s.wall_material, "drywall");
}

#[test]
fn a_project_loaded_before_the_canvas_has_a_size_is_fitted_later() {
    let s = step(
        &AppState::default(),
        Action::StartLoading {
            label: SAMPLES[1].describe(),
            request: 7,
        },
    );
    let s = step(
        &s,
        Action::Loaded {
            request: 7,
            result: Ok(opened()),
        },
    );
    assert_eq!(s.view, View::default());
    let s = step(&s, Action::Resize(VP));
    assert_ne!(s.view, View::default());
    // Later resizes keep the middle in the middle instead of fitting again.
    let zoomed = step(&s, Action::ZoomCenter(2.0));
    let bigger = step(
        &zoomed,
        Action::Resize(Viewport {
            width: 1000.0,
            ..VP
        }),
    );
    assert_eq!(bigger.view.scale, zoomed.view.scale);
    let mid_before = zoomed.view.to_world(400.0, 300.0);
    let mid_after = bigger.view.to_world(500.0, 300.0);
    assert!((mid_before.x - mid_after.x).abs() < 1e-9);
}

#[test]
fn stale_answers_are_ignored() {
    let s = loaded();
    let s = step(
        &s,
        Action::StartLoading {
            label: SAMPLES[1].describe(),
            request: 2,
        },
    );
    let stale = Action::Loaded {
        request: 1,
        result: Err(LoadError::Network("x".into())),
    };
    assert!(s.apply(stale).is_none());
    assert!(s.is_loading());
}

#[test]
fn a_failed_load_keeps_the_project_and_says_why() {
    let s = loaded();
    let s = step(
        &s,
        Action::StartLoading {
            label: SAMPLES[1].describe(),
            request: 2,
        },
    );
    let s = step(
        &s,
        Action::Loaded {
            request: 2,
            result: Err(LoadError::Http {
                status: 404,
                reason: "Not Found".into(),
            }),
        },
    );
    let msg = s.error.clone().unwrap();
    assert!(msg.starts_with("Could not open the sample “Small floor” (small.tailplan.json): the file is not on the server (HTTP 404)"), "{msg}");
    assert_eq!(s.doc.as_ref().unwrap().title(), "HQ");
    let s = step(&s, Action::DismissError);
    assert!(s.error.is_none());
    assert!(s.apply(Action::DismissError).is_none());
}

#[test]
fn a_refused_import_names_its_file_and_keeps_the_project() {
    let s = loaded();
    let job = crate::worker::protocol::FIRST_JOB + 7;
    let s = step(
        &s,
        Action::ImportSent {
            request: 0,
            job,
            name: "tower.dwg".into(),
            bytes: Rc::new(b"AC1032".to_vec()),
        },
    );
    let s = step(
        &s,
        Action::JobFailed {
            job,
            message: "not UTF-8 text: this is a binary AutoCAD DWG drawing (AC1032)".into(),
        },
    );
    assert_eq!(
        s.error.as_deref(),
        Some(
            "Could not import “tower.dwg”: not UTF-8 text: this is a binary AutoCAD DWG drawing (AC1032)."
        )
    );
    assert_eq!(s.doc.as_ref().unwrap().title(), "HQ");
    assert!(s.pending_import.is_none());
}

#[test]
fn invalid_files_are_reported_not_panicked() {
    let err = open_sample(&SAMPLES[0], "{\"format\": ").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, column 11: EOF while parsing a value"
    );
    let err = open_sample(&SAMPLES[0], "<!doctype html>").unwrap_err();
    assert!(err.to_string().starts_with("line 1, column 1"));
    let ok = open_sample(
        &SAMPLES[0],
        r#"{"format": "tailplan-project", "version": 1}"#,
    )
    .unwrap();
    assert!(ok.project.floors.is_empty());
    assert_eq!(ok.source, Source::Sample("office"));
}

#[test]
fn floor_switching_keeps_the_view_when_the_floor_is_in_it() {
    let s = loaded();
    let zoomed = step(
        &s,
        Action::ZoomAt {
            x: 100.0,
            y: 100.0,
            factor: 3.0,
        },
    );
    let upstairs = step(&zoomed, Action::SelectFloor("1".into()));
    assert_eq!(upstairs.floor_id.as_deref(), Some("1"));
    assert_eq!(upstairs.view, zoomed.view);
    assert!(
        upstairs.index().unwrap().entry("room-1").is_some(),
        "the index follows the floor"
    );
    // A floor elsewhere is fitted.
    let far = step(&zoomed, Action::SelectFloor("far".into()));
    assert!(far.view.visible(VP).min.x > 9_000.0);
    // Unknown floors and the current floor change nothing.
    assert!(s.apply(Action::SelectFloor("nope".into())).is_none());
    assert!(s.apply(Action::SelectFloor("0".into())).is_none());
}

#[test]
fn view_actions() {
    let s = loaded();
    let panned = step(&s, Action::Pan { dx: 10.0, dy: -5.0 });
    assert_eq!(panned.view.origin_x, s.view.origin_x + 10.0);
    let fitted = step(&panned, Action::Fit);
    assert_eq!(fitted.view, s.view);
    let z = step(&s, Action::ZoomCenter(2.0));
    assert!((z.view.scale - 2.0 * s.view.scale).abs() < 1e-9);
    let hidden = step(&s, Action::ToggleLayer(Layer::Walls));
    assert!(!hidden.layers.shows(Layer::Walls));
    assert!(s.apply(Action::Resize(VP)).is_none());
    // Keys do the same.
    let z = step(&s, Action::Command(Command::ZoomIn));
    assert!(z.view.scale > s.view.scale);
    let p = step(
        &s,
        Action::Command(Command::Arrow {
            dx: -1,
            dy: 0,
            big: false,
        }),
    );
    assert_eq!(
        p.view.origin_x,
        s.view.origin_x + KEY_PAN_PX,
        "the plan slides right"
    );
    let f = step(&p, Action::Command(Command::Fit));
    assert_eq!(f.view, s.view);
}

#[test]
fn first_floor_prefers_one_with_walls() {
    let mut p = Project::new();
    assert_eq!(first_floor(&p), None);
    p.floors.push(Floor::new("site", "Site", 0.0));
    assert_eq!(first_floor(&p).as_deref(), Some("site"));
    let mut l1 = Floor::new("1", "L1", 0.0);
    l1.walls.push(tailplan_core::Wall {
        id: "w".into(),
        shape: tailplan_core::Shape::Line(vec![Point::new(0.0, 0.0), Point::new(1.0, 0.0)]),
        material: None,
        loss_db: None,
        thickness_m: 0.1,
        props: Props::new(),
    });
    p.floors.push(l1);
    assert_eq!(first_floor(&p).as_deref(), Some("1"));
}

#[test]
fn samples_are_known_by_key() {
    assert_eq!(sample("small").unwrap().file, "small.tailplan.json");
    assert!(sample("nope").is_none());
}

fn with_ap() -> AppState {
    let s = loaded();
    let s = step(&s, Action::SetTool(Tool::AccessPoint));
    let (x, y) = s.view.to_screen(Point::new(10.0, 10.0));
    step(
        &s,
        Action::Pointer(PointerInput {
            phase: PointerPhase::Down,
            x,
            y,
            button: 0,
            shift: false,
            alt: false,
        }),
    )
}

#[test]
fn properties_are_validated_by_the_core() {
    let s = with_ap();
    let id = s.selection[0].clone();
    let set = |s: &AppState, key: &str, value: &str| {
        step(
            s,
            Action::SetProperty {
                id: id.clone(),
                key: key.into(),
                value: value.into(),
            },
        )
    };
    let ok = set(&s, "radio1_tx_dbm", "17");
    let ap = |s: &AppState| match s.project().unwrap().element(&id).unwrap().1 {
        tailplan_core::Element::AccessPoint(a) => a,
        _ => panic!("an AP"),
    };
    assert_eq!(ap(&ok).radios[0].tx_dbm, 17.0);
    assert!(ok.property_error.is_none());
    let rev = ok.doc.as_ref().unwrap().revision;

    // An impossible value: the core's message, nothing changed.
    let refused = set(&ok, "radio1_tx_dbm", "400");
    let e = refused.property_error.clone().unwrap();
    assert_eq!(
        (e.id.as_str(), e.key.as_str()),
        (id.as_str(), "radio1_tx_dbm")
    );
    assert_eq!(
        e.message,
        "ap \"ap-1\": tx_dbm 400 must be at least -30 and at most 60"
    );
    assert_eq!(ap(&refused).radios[0].tx_dbm, 17.0);
    assert_eq!(refused.doc.as_ref().unwrap().revision, rev);
    // Text that is no number.
    let refused = set(&ok, "height_m", "high");
    assert_eq!(
        refused.property_error.unwrap().message,
        "height_m: “high” is not a number"
    );
    // The same value again is no edit; it clears an earlier refusal.
    let same = set(&set(&ok, "radio1_tx_dbm", "400"), "radio1_tx_dbm", "17");
    assert!(same.property_error.is_none());
    assert_eq!(same.doc.as_ref().unwrap().revision, rev);

    // Undo takes the property back, then the AP.
    let u = step(&ok, Action::Command(Command::Undo));
    assert_eq!(ap(&u).radios[0].tx_dbm, 20.0);
    let u = step(&u, Action::Command(Command::Undo));
    assert!(u.project().unwrap().element(&id).is_none());
    assert!(u.selection.is_empty(), "the selection follows the project");
    let r = step(
        &step(&u, Action::Command(Command::Redo)),
        Action::Command(Command::Redo),
    );
    assert_eq!(ap(&r).radios[0].tx_dbm, 17.0);
}

#[test]
fn floor_and_project_fields_go_through_edits() {
    let s = loaded();
    let s2 = step(
        &s,
        Action::SetFloorProperty {
            key: "ceiling_m".into(),
            value: "3.2".into(),
        },
    );
    assert_eq!(s2.floor().unwrap().ceiling_m, 3.2);
    // The slab's material: set, undone, cleared.
    let slab = step(
        &s2,
        Action::SetFloorProperty {
            key: "slab_material".into(),
            value: "concrete".into(),
        },
    );
    assert_eq!(
        slab.floor().unwrap().slab_material.as_deref(),
        Some("concrete")
    );
    assert_eq!(
        step(&slab, Action::Command(Command::Undo))
            .floor()
            .unwrap()
            .slab_material,
        None
    );
    let cleared = step(
        &slab,
        Action::SetFloorProperty {
            key: "slab_material".into(),
            value: String::new(),
        },
    );
    assert_eq!(cleared.floor().unwrap().slab_material, None);
    let refused = step(
        &s2,
        Action::SetFloorProperty {
            key: "ceiling_m".into(),
            value: "-1".into(),
        },
    );
    assert!(
        refused
            .property_error
            .unwrap()
            .message
            .contains("ceiling_m -1 must be above 0")
    );
    let named = step(
        &s2,
        Action::SetMetaProperty {
            key: "name".into(),
            value: "New HQ".into(),
        },
    );
    assert_eq!(named.doc.as_ref().unwrap().title(), "New HQ");
    let back = step(&named, Action::Command(Command::Undo));
    assert_eq!(back.doc.as_ref().unwrap().title(), "HQ");
}

#[test]
fn delete_and_arrow_moves_are_one_undo_step_each() {
    let s = with_ap();
    let id = s.selection[0].clone();
    let pos = |s: &AppState| {
        s.project()
            .unwrap()
            .element(&id)
            .map(|(_, e)| e.points()[0])
    };
    let start = pos(&s).unwrap();
    let arrow = |s: &AppState, dx: i8, big: bool| {
        step(s, Action::Command(Command::Arrow { dx, dy: 0, big }))
    };
    let moved = arrow(&arrow(&arrow(&s, 1, false), 1, false), 1, true);
    assert!((pos(&moved).unwrap().x - (start.x + 1.2)).abs() < 1e-9);
    assert_eq!(
        moved.view, s.view,
        "arrows move the selection, not the view"
    );
    // One undo takes back the whole run of arrow moves.
    let undone = step(&moved, Action::Command(Command::Undo));
    assert_eq!(pos(&undone), Some(start));
    let undone = step(&undone, Action::Command(Command::Undo));
    assert_eq!(pos(&undone), None);

    let deleted = step(&s, Action::Command(Command::Delete));
    assert_eq!(pos(&deleted), None);
    assert!(deleted.selection.is_empty());
    assert!(
        deleted
            .notice
            .as_ref()
            .unwrap()
            .text
            .starts_with("Deleted 1 element")
    );
    let back = step(&deleted, Action::Command(Command::Undo));
    assert_eq!(pos(&back), Some(start));
    // Nothing selected: Delete does nothing.
    assert!(deleted.apply(Action::Command(Command::Delete)).is_none());
}

#[test]
fn escape_unwinds_one_thing_at_a_time() {
    let s = with_ap();
    assert_eq!(s.tool, Tool::AccessPoint);
    let s = step(&s, Action::Command(Command::Help));
    assert!(s.help_open);
    assert!(
        s.apply(Action::Command(Command::Tool(Tool::Wall)))
            .is_none(),
        "keys wait while the help is open"
    );
    let s = step(&s, Action::Command(Command::Escape));
    assert!(!s.help_open && !s.selection.is_empty());
    let s = step(&s, Action::Command(Command::Escape));
    assert!(s.selection.is_empty());
    let s = step(&s, Action::Command(Command::Escape));
    assert_eq!(s.tool, Tool::Select);
    assert!(s.apply(Action::Command(Command::Escape)).is_none());
}

#[test]
fn select_all_zoom_to_selection_and_hidden_layers() {
    let s = loaded();
    let all = step(&s, Action::Command(Command::SelectAll));
    assert_eq!(all.selection, ["room-0"]);
    let z = step(&all, Action::Command(Command::ZoomToSelection));
    assert!(z.view.scale > s.view.scale * 0.9, "the room fills the view");
    let hidden = step(&all, Action::ToggleLayer(Layer::Rooms));
    assert!(
        hidden.selection.is_empty(),
        "hidden elements are deselected"
    );
    assert!(
        step(&hidden, Action::Command(Command::SelectAll))
            .selection
            .is_empty()
    );
    let picked = step(&s, Action::Select(vec!["room-0".into(), "ghost".into()]));
    assert_eq!(picked.selection, ["room-0"]);
}

#[test]
fn opening_over_unsaved_changes_asks_first() {
    let s = with_ap();
    assert!(s.doc.as_ref().unwrap().is_unsaved());
    let s2 = step(&s, Action::NewProject);
    assert!(s2.confirm.is_some());
    assert_eq!(s2.generation, s.generation, "nothing replaced yet");
    let kept = step(&s2, Action::ConfirmReplace(false));
    assert!(kept.confirm.is_none());
    assert_eq!(kept.doc.as_ref().unwrap().title(), "HQ");
    let replaced = step(&s2, Action::ConfirmReplace(true));
    assert_eq!(replaced.doc.as_ref().unwrap().title(), "Untitled project");
    assert_eq!(
        replaced.tool,
        Tool::Select,
        "a new project starts with Select"
    );
    assert_eq!(replaced.floor_id.as_deref(), Some("0"));
    assert!(!replaced.doc.as_ref().unwrap().can_undo(), "a new history");

    // After a download nothing is unsaved: no question.
    let (g, r) = s.doc_key().unwrap();
    let saved = step(
        &s,
        Action::Downloaded {
            generation: g,
            revision: r,
        },
    );
    assert!(!saved.doc.as_ref().unwrap().is_unsaved());
    let new = step(&saved, Action::NewProject);
    assert!(new.confirm.is_none());
    assert_eq!(new.generation, saved.generation + 1);
    // A download of an older revision does not count.
    let stale = s.apply(Action::Downloaded {
        generation: g,
        revision: r - 1,
    });
    assert!(stale.is_none());
}

#[test]
fn a_restored_project_keeps_its_floor_and_unsaved_mark() {
    let mut o = opened();
    o.source = Source::Restored;
    o.floor_id = Some("1".into());
    o.unsaved = true;
    let s = showing(o);
    assert_eq!(s.floor_id.as_deref(), Some("1"));
    assert!(s.doc.as_ref().unwrap().is_unsaved());
    assert!(
        !s.doc.as_ref().unwrap().can_undo(),
        "the history starts afresh"
    );
}

#[test]
fn autosave_status_and_failures() {
    let s = loaded();
    let (g, r) = s.doc_key().unwrap();
    let saved = step(
        &s,
        Action::Saved {
            generation: g,
            revision: r,
        },
    );
    assert_eq!(saved.autosave, Autosave::Saved(g, r));
    let failed = step(&saved, Action::SaveFailed("QuotaExceededError".into()));
    assert!(
        failed
            .error
            .as_ref()
            .unwrap()
            .contains("QuotaExceededError")
    );
    assert!(
        failed
            .apply(Action::SaveFailed("QuotaExceededError".into()))
            .is_none()
    );
}

#[test]
fn hints_follow_the_tool() {
    let s = loaded();
    assert!(s.hint().starts_with("Click to select"));
    assert_eq!(
        step(&s, Action::SetTool(Tool::AccessPoint)).hint(),
        "Click to place an access point · Esc goes back to Select"
    );
    assert_eq!(
        step(&s, Action::SetTool(Tool::Outlet)).hint(),
        "Click to place an outlet · Esc goes back to Select"
    );
    assert_eq!(
        step(&s, Action::SetTool(Tool::Wall)).hint(),
        "Click where the wall starts"
    );
    let n = step(&s, Action::Notice("hello".into()));
    let id = n.notice.as_ref().unwrap().id;
    assert!(n.apply(Action::DismissNotice(id + 1)).is_none());
    assert!(step(&n, Action::DismissNotice(id)).notice.is_none());
}

#[test]
fn plan_channels_gives_neighbours_different_channels_as_one_undo_step() {
    // Two access points 5 m apart, both placed on 5 GHz without a channel... then on 36.
    let s = with_ap();
    let (x, y) = s.view.to_screen(Point::new(15.0, 10.0));
    let s = step(
        &s,
        Action::Pointer(PointerInput {
            phase: PointerPhase::Down,
            x,
            y,
            button: 0,
            shift: false,
            alt: false,
        }),
    );
    let ids: Vec<String> = s
        .floor()
        .unwrap()
        .access_points
        .iter()
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(ids.len(), 2);
    let mut s = s;
    for id in &ids {
        s = step(
            &s,
            Action::SetProperty {
                id: id.clone(),
                key: "radio1_channel".into(),
                value: "36".into(),
            },
        );
    }
    let rev = s.doc.as_ref().unwrap().revision;
    let planned = step(&s, Action::PlanChannels);
    let channels: Vec<Option<u32>> = planned
        .floor()
        .unwrap()
        .access_points
        .iter()
        .map(|a| a.radios[0].channel)
        .collect();
    assert_ne!(channels[0], channels[1], "{channels:?}");
    assert!(
        planned.notice.as_ref().unwrap().text.contains("→ 0"),
        "{:?}",
        planned.notice
    );
    assert_eq!(planned.doc.as_ref().unwrap().revision, rev + 1);
    // Again: already planned, nothing changes.
    let again = step(&planned, Action::PlanChannels);
    assert!(
        again
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("already planned")
    );
    // Undo takes the plan back in one step.
    let undone = step(&planned, Action::Command(Command::Undo));
    let back: Vec<Option<u32>> = undone
        .floor()
        .unwrap()
        .access_points
        .iter()
        .map(|a| a.radios[0].channel)
        .collect();
    assert_eq!(back, [Some(36), Some(36)]);
}

#[test]
fn an_antenna_file_joins_the_library_as_one_undo_step() {
    use crate::worker::protocol::AntennaRead;
    let s = loaded();
    let before = s.project().unwrap().clone();
    let msi = "NAME Hall patch\r\nGAIN 9 dBi\r\nHORIZONTAL 4\r\n0 0\r\n90 12\r\n180 25\r\n270 12\r\nVERTICAL 4\r\n0 0\r\n90 20\r\n180 25\r\n270 20\r\n";
    // What the files worker does with the file.
    let (pattern, notes) = tailplan_app::antenna::read_antenna("hall.msi", msi.as_bytes()).unwrap();
    let s = step(
        &s,
        Action::StartLoading {
            label: "“hall.msi”".into(),
            request: 2,
        },
    );
    let s = step(
        &s,
        Action::FileSent {
            request: 2,
            job: 5_000,
            name: "hall.msi".into(),
        },
    );
    assert!(s.pending.is_none());
    let read = Rc::new(AntennaRead {
        job: 5_000,
        name: "hall.msi".into(),
        pattern,
        notes,
    });
    let s = step(&s, Action::AntennaRead(read.clone()));
    let p = s.project().unwrap();
    assert_eq!(p.antennas.iter().next().unwrap().name, "Hall patch");
    assert_eq!(p.floors, before.floors, "the plan stays as it was");
    assert!(s.error.is_none() && s.jobs.is_empty());
    let notice = s.notice.as_ref().unwrap().text.clone();
    assert!(
        notice.starts_with("Antenna pattern “Hall patch” (9.0 dBi) added to the project's library"),
        "{notice}"
    );
    // An answer to a job given up changes nothing.
    assert!(s.apply(Action::AntennaRead(read)).is_none());
    let s = step(&s, Action::Command(Command::Undo));
    assert_eq!(s.project().unwrap(), &before);
}

#[test]
fn the_sheet_viewer_waits_for_its_job_shows_a_sheet_and_closes() {
    use crate::worker::protocol::{ShownSheet, ShownSheets};
    let sheet = |name: &str| ShownSheet {
        name: name.into(),
        number: format!("TP-{name}"),
        title: format!("{name}: riser diagram"),
        svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".into(),
    };
    let shown = |job| {
        Action::SheetsShown(Rc::new(ShownSheets {
            job,
            sheets: vec![sheet("riser-A"), sheet("rack-A0A")],
        }))
    };
    let s = loaded();
    let job = crate::worker::protocol::FIRST_JOB + 7;
    let s = step(
        &s,
        Action::JobStarted {
            job,
            kind: JobKind::View,
            label: "Drawing…".into(),
        },
    );
    let s = step(&s, Action::SheetsWanted { job, campus: false });
    let v = s.sheets.as_ref().unwrap();
    assert_eq!((v.job, v.sheets.len(), v.campus), (Some(job), 0, false));
    // Another job's sheets are not these.
    assert!(s.apply(shown(job + 1)).is_none());
    let s = step(&s, shown(job));
    let v = s.sheets.as_ref().unwrap();
    assert_eq!((v.job, v.sheets.len(), v.shown), (None, 2, 0));
    assert!(s.jobs.is_empty(), "the job is done");
    let s = step(&s, Action::ShowSheet(1));
    assert_eq!(s.sheets.as_ref().unwrap().shown, 1);
    assert!(s.apply(Action::ShowSheet(2)).is_none(), "no third sheet");
    // Under the viewer, keys do nothing but Esc, which closes it.
    assert!(s.apply(Action::Command(Command::Undo)).is_none());
    let closed = step(&s, Action::Command(Command::Escape));
    assert!(closed.sheets.is_none());
    // The campus's: asked for, refused by the worker: the viewer says why.
    let job = job + 2;
    let s = step(&closed, Action::SheetsWanted { job, campus: true });
    let s = step(
        &s,
        Action::JobFailed {
            job,
            message: "No sheets: the project has no floor.".into(),
        },
    );
    let v = s.sheets.as_ref().unwrap();
    assert_eq!(
        v.error.as_deref(),
        Some("No sheets: the project has no floor.")
    );
    assert!(s.error.is_none(), "said in the viewer, not in the banner");
    assert!(step(&s, Action::CloseSheets).sheets.is_none());
    // Opening another project closes it.
    let s = step(&s, Action::CloseSheets);
    let s = step(&s, Action::SheetsWanted { job, campus: false });
    assert!(showing_again(&s).sheets.is_none());
}

/// `s` with another project opened over it.
fn showing_again(s: &AppState) -> AppState {
    step(
        &step(
            s,
            Action::StartLoading {
                label: SAMPLES[0].describe(),
                request: 99,
            },
        ),
        Action::Loaded {
            request: 99,
            result: Ok(opened()),
        },
    )
}

#[test]
fn a_comparison_of_scenarios_waits_for_its_job_and_a_scenario_goes_on_the_plan() {
    use crate::worker::protocol::ShownScenarios;
    let s = loaded();
    let job = crate::worker::protocol::FIRST_JOB + 40;
    let s = step(
        &s,
        Action::JobStarted {
            job,
            kind: JobKind::Compare,
            label: "Comparing scenarios…".into(),
        },
    );
    assert_eq!(s.scenarios.job, Some(job));
    let shown = |job| {
        Action::ScenariosShown(Rc::new(ShownScenarios {
            job,
            doc: s.doc_key().unwrap(),
            result: tailplan_app::scenarios::ScenariosResult {
                currency: "EUR".into(),
                scenarios: Vec::new(),
                plan: None,
                warnings: Vec::new(),
            },
            media: Vec::new(),
            energy: Default::default(),
            compute_ms: 1.0,
        }))
    };
    assert!(s.apply(shown(job + 1)).is_none(), "another job's");
    let done = step(&s, shown(job));
    assert!(done.scenarios.shown.is_some() && done.jobs.is_empty());
    // No scenario 0 to draw in an empty comparison.
    assert!(done.apply(Action::ShowScenarioOnPlan(Some(0))).is_none());
    // The development plan of one building, then the campus again.
    let of_a = step(&done, Action::ShowPlanOf(Some("A".into())));
    assert_eq!(of_a.scenarios.plan_of.as_deref(), Some("A"));
    assert!(of_a.apply(Action::ShowPlanOf(Some("A".into()))).is_none());
    assert!(
        step(&of_a, Action::ShowPlanOf(None))
            .scenarios
            .plan_of
            .is_none()
    );
    // A failure is said in the panel, not in the banner.
    let failed = step(
        &s,
        Action::JobFailed {
            job,
            message: "No comparison: bad.json: scenarios: expected an array.".into(),
        },
    );
    assert_eq!(
        failed.scenarios.error.as_deref(),
        Some("No comparison: bad.json: scenarios: expected an array.")
    );
    assert!(failed.error.is_none() && failed.jobs.is_empty());
    // The panel's fields.
    let s = step(&done, Action::SetDutyCycle("50".into()));
    assert_eq!(s.scenarios.duty_cycle, 0.5);
    let s = step(&s, Action::SetDutyCycle("150".into()));
    assert!(s.scenarios.error.as_deref().unwrap().contains("150"));
    let s = step(
        &s,
        Action::ScenarioFileOpened {
            name: "plan.json".into(),
            text: "{}".into(),
        },
    );
    assert!(s.scenarios.file.is_some() && s.scenarios.error.is_none());
    let s = step(&s, Action::CloseScenarioFile);
    assert!(s.scenarios.file.is_none());
    // Opening another project drops the comparison.
    assert!(showing_again(&s).scenarios.shown.is_none());
}

#[test]
fn a_survey_is_kept_checked_calibrated_and_reset_each_as_one_undo_step() {
    use crate::panels::survey::PointColour;
    use crate::worker::protocol::{Calibrated, SurveyChecked, SurveyRead};
    let s = showing(Opened::new(
        crate::fixtures::building(),
        crate::document::Source::New,
        "t.tailplan.json",
    ));
    let before = s.project().unwrap().clone();
    let mut csv = String::from("x,y,ap,rssi_dbm\n");
    for x in (2..40).step_by(2) {
        for y in (2..20).step_by(3) {
            let d = ((f64::from(x) - 10.0).powi(2) + (f64::from(y) - 10.0).powi(2))
                .sqrt()
                .max(1.0);
            csv.push_str(&format!("{x},{y},AP-1,{:.0}\n", -45.0 - 32.0 * d.log10()));
        }
    }
    let (survey, notes) = tailplan_app::survey::read_survey("walk.csv", csv.as_bytes()).unwrap();
    let s = step(
        &s,
        Action::FileSent {
            request: 0,
            job: 5_000,
            name: "walk.csv".into(),
        },
    );
    let read = Rc::new(SurveyRead {
        job: 5_000,
        survey,
        notes,
    });
    let s = step(&s, Action::SurveyRead(read));
    assert_eq!(s.project().unwrap().surveys.len(), 1);
    assert_eq!(s.panel, SidePanel::Survey, "the panel shows what came");
    assert!(
        s.notice
            .as_ref()
            .unwrap()
            .text
            .starts_with("Survey “walk.csv”")
    );
    // The page asks for a check of this state; the answer is kept.
    let doc = s.doc_key();
    assert!(s.survey.wants_check(s.project().unwrap(), doc));
    let s = step(
        &s,
        Action::JobStarted {
            job: 5_001,
            kind: JobKind::Survey,
            label: "Comparing".into(),
        },
    );
    let accuracy = tailplan_app::survey::accuracy("t", s.project().unwrap(), &[]).unwrap();
    let s = step(
        &s,
        Action::SurveyChecked(Rc::new(SurveyChecked::new(
            5_001,
            doc.unwrap(),
            accuracy.accuracy,
            Vec::new(),
            1.0,
        ))),
    );
    assert!(s.survey.checked.is_some() && s.jobs.is_empty());
    assert!(!s.survey.wants_check(s.project().unwrap(), doc));
    // Calibration: the worker's edit applied as one step.
    let s = step(
        &s,
        Action::JobStarted {
            job: 5_002,
            kind: JobKind::Calibrate,
            label: "Calibrating".into(),
        },
    );
    assert!(s.survey.fitting);
    let (_, result) = tailplan_app::survey::calibrate(
        "t",
        s.project().unwrap(),
        &[],
        &tailplan_core::survey::FitOptions::default(),
    )
    .unwrap();
    let with_survey = s.project().unwrap().clone();
    let s = step(
        &s,
        Action::Calibrated(Rc::new(Calibrated {
            job: 5_002,
            doc: doc.unwrap(),
            calibration: result.calibration,
        })),
    );
    let p = s.project().unwrap();
    assert!(p.settings.calibration.is_some(), "{:?}", s.error);
    assert!(
        s.notice
            .as_ref()
            .unwrap()
            .text
            .starts_with("Calibrated against walk.csv: RMSE")
    );
    assert!(s.survey.calibrated.is_some());
    assert!(
        s.survey.wants_check(p, s.doc_key()),
        "a new state wants a new check"
    );
    let undone = step(&s, Action::Command(Command::Undo));
    assert_eq!(undone.project().unwrap(), &with_survey);
    // Reset, and removing the survey: one step each.
    let reset = step(&s, Action::ResetCalibration);
    assert!(reset.project().unwrap().settings.calibration.is_none());
    assert_eq!(
        reset.project().unwrap().settings.radio,
        before.settings.radio
    );
    let removed = step(&reset, Action::RemoveSurvey("walk.csv".into()));
    assert_eq!(removed.project().unwrap().materials, before.materials);
    assert!(removed.project().unwrap().surveys.is_empty());
    let back = step(&removed, Action::Command(Command::Undo));
    assert_eq!(back.project().unwrap().surveys.len(), 1);
    let coloured = step(&s, Action::SetSurveyColour(PointColour::Measured));
    assert_eq!(coloured.survey.colour, PointColour::Measured);
}
