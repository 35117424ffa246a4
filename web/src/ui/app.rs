//! The editor's root: owns the state, does the browser's part of opening, saving and
//! keeping the project (files, fetches, IndexedDB, the keyboard), and lays out the bars,
//! the palette, the plan, the side panel and the status bar.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use tailplan_app::{CsvTable, Export};
use tailplan_core::{Project, project_file};
use tailplan_io::sheet::SheetKind;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use tailplan_core::coverage::Service;

use super::banner::ErrorBanner;
use super::cabling_panel::{CablingPanel, CablingView, Tables};
use super::coverage_panel::{CoveragePanel, CoverageView};
use super::dialogs::{ConfirmReplace, HelpPanel};
use super::import_dialog::ImportDialogView;
use super::legend::LegendPanel;
use super::palette::Palette;
use super::plan::{HeatHandle, PlanCanvas, RasterSource, SceneHandle, raster_sources};
use super::properties::{PropertyPanel, Subject};
use super::side::SideTabs;
use super::status_bar::{SaveStatus, StatusBar};
use super::toolbar::{ExportChoice, Toolbar, ViewBar};
use crate::autosave::{self, META_KEY, PROJECT_KEY, SavedMeta};
use crate::cabling;
use crate::coverage_view::{self, HeatmapData};
use crate::document::Source;
use crate::edit_overlay;
use crate::fetch::fetch_text;
use crate::files;
use crate::heatmap;
use crate::import::{self, ACCEPT, FileKind};
use crate::input::{Keys, Shortcut, Target, shortcut};
use crate::layers::Layer;
use crate::scene::FloorScene;
use crate::state::{
    Action, AppState, Autosave, Gesture, JobKind, SAMPLES, Sample, SidePanel, open_sample,
};
use crate::status;
use crate::storage::Store;
use crate::worker::protocol::{
    ApPlacementChoice, FromWorker, GatewayPlacementChoice, ImportChoice, ToWorker,
};
use crate::worker_client::{self, Incoming, WorkerClient};

/// How long a notice stays, milliseconds.
const NOTICE_MS: i32 = 4_000;

/// Hands out request numbers, so that only the latest opening's answer counts.
#[derive(Default)]
struct Requests(u32);

impl Requests {
    fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

/// What is waiting to be kept in the browser: the newest project wins.
#[derive(Default)]
struct SaveQueue {
    busy: bool,
    wanted: Option<(u32, u64, Rc<Project>, String)>,
}

/// A worker's handle, once started.
type ClientCell = Rc<RefCell<Option<WorkerClient>>>;

/// The files worker (imports, DXF), started the first time it is needed.
fn files_worker(cell: &ClientCell, dispatcher: &UseReducerDispatcher<AppState>) -> WorkerClient {
    if let Some(c) = cell.borrow().as_ref() {
        return c.clone();
    }
    let dispatcher = dispatcher.clone();
    let handler: Rc<dyn Fn(Incoming)> = Rc::new(move |m| incoming(&dispatcher, m));
    let c = WorkerClient::start(
        worker_client::FILES_URL,
        worker_client::FILES_FIRST_JOB,
        handler,
    );
    *cell.borrow_mut() = Some(c.clone());
    c
}

/// Opens `name`'s `bytes` (a file picked or dropped) off the main loop: a project file here,
/// a plan through the worker's importers.
fn open_bytes(
    dispatcher: UseReducerDispatcher<AppState>,
    requests: Rc<RefCell<Requests>>,
    client: ClientCell,
    file: File,
) {
    let request = requests.borrow_mut().next();
    let name = file.name();
    dispatcher.dispatch(Action::StartLoading {
        label: format!("“{name}”"),
        request,
    });
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = files::read_file(&file).await;
        files::next_paint().await;
        let result = match bytes.and_then(|b| import::open_file(&name, &b).map(|k| (k, b))) {
            Ok((FileKind::Project(opened), _)) => Ok(opened),
            Ok((FileKind::Plan, bytes)) => {
                let c = files_worker(&client, &dispatcher);
                let job = c.next_job();
                let bytes = Rc::new(bytes);
                dispatcher.dispatch(Action::ImportSent {
                    request,
                    job,
                    name: name.clone(),
                    bytes: bytes.clone(),
                });
                let options = ImportChoice {
                    provisional: true,
                    ..ImportChoice::default()
                };
                c.send(
                    &ToWorker::Import { job, name, options },
                    Some(bytes.as_ref().clone()),
                );
                return;
            }
            Err(e) => Err(e),
        };
        dispatcher.dispatch(Action::Loaded { request, result });
    });
}

/// What the worker sent, as actions (and downloads).
fn incoming(dispatcher: &UseReducerDispatcher<AppState>, what: Incoming) {
    let message = match what {
        Incoming::Stopped(why) => {
            dispatcher.dispatch(Action::WorkerReset { why: Some(why) });
            return;
        }
        Incoming::Message(m, buffer) => (m, buffer),
    };
    match message {
        (FromWorker::Coverage(result), buffer) => {
            let values = buffer
                .as_ref()
                .map(worker_client::f32_values)
                .unwrap_or_default();
            dispatcher.dispatch(Action::Heatmap(Rc::new(HeatmapData { result, values })));
        }
        (FromWorker::Progress { job, done, total }, _) => {
            dispatcher.dispatch(Action::JobProgress { job, done, total });
        }
        (FromWorker::Proposal(p), _) => dispatcher.dispatch(Action::ProposalReady(Rc::new(p))),
        (
            FromWorker::Routed {
                job,
                doc,
                compute_ms,
                routing,
            },
            _,
        ) => dispatcher.dispatch(Action::Routed {
            job,
            doc,
            routing: Rc::new(*routing),
            compute_ms,
        }),
        (FromWorker::Imported(i), _) => dispatcher.dispatch(Action::Imported(Rc::new(i))),
        (FromWorker::Exported(f), buffer) => {
            let bytes = buffer
                .as_ref()
                .map(worker_client::bytes)
                .unwrap_or_default();
            match files::download_bytes(&f.name, &bytes, &f.mime) {
                Ok(()) => dispatcher.dispatch(Action::JobDone {
                    job: f.job,
                    notice: Some(format!("Exported {} ({})", f.name, f.summary)),
                }),
                Err(e) => dispatcher.dispatch(Action::JobFailed {
                    job: f.job,
                    message: format!("Could not download {}: {e}", f.name),
                }),
            }
        }
        (FromWorker::Failed { job, message }, _) => {
            dispatcher.dispatch(Action::JobFailed { job, message });
        }
        (FromWorker::NeedProject, _) => dispatcher.dispatch(Action::WorkerReset { why: None }),
        (FromWorker::Ready | FromWorker::Synced { .. } | FromWorker::Crashed { .. }, _) => {}
    }
}

/// Fetches and opens a sample.
async fn open_sample_now(
    dispatcher: &UseReducerDispatcher<AppState>,
    request: u32,
    sample: &'static Sample,
) {
    dispatcher.dispatch(Action::StartLoading {
        label: sample.describe(),
        request,
    });
    let text = fetch_text(sample.file).await;
    files::next_paint().await;
    let result = text.and_then(|t| open_sample(sample, &t));
    dispatcher.dispatch(Action::Loaded { request, result });
}

/// Restores the project kept in this browser, or opens the first sample on a first visit.
async fn start(dispatcher: UseReducerDispatcher<AppState>, requests: Rc<RefCell<Requests>>) {
    let kept = match Store::open(autosave::DB_NAME, autosave::STORE).await {
        Ok(store) => match store.get(PROJECT_KEY).await {
            Ok(Some(project)) => Some((project, store.get(META_KEY).await.ok().flatten())),
            _ => None,
        },
        Err(_) => None,
    };
    let Some((project, meta)) = kept else {
        let request = requests.borrow_mut().next();
        open_sample_now(&dispatcher, request, &SAMPLES[0]).await;
        return;
    };
    let request = requests.borrow_mut().next();
    dispatcher.dispatch(Action::StartLoading {
        label: "the project kept in this browser".into(),
        request,
    });
    files::next_paint().await;
    match autosave::restore(&project, meta.as_deref()) {
        Ok(opened) => {
            dispatcher.dispatch(Action::Loaded {
                request,
                result: Ok(opened),
            });
            dispatcher.dispatch(Action::Notice(
                "Restored the project kept in this browser".into(),
            ));
        }
        Err(e) => {
            // The damaged copy stays until the next change overwrites it; the sample opens.
            let next = requests.borrow_mut().next();
            open_sample_now(&dispatcher, next, &SAMPLES[0]).await;
            dispatcher.dispatch(Action::Error(format!(
                "Could not restore your project: {e}."
            )));
        }
    }
}

/// Keeps the newest wanted project in the browser, one write at a time.
fn keep(dispatcher: UseReducerDispatcher<AppState>, queue: Rc<RefCell<SaveQueue>>) {
    if queue.borrow().busy {
        return;
    }
    queue.borrow_mut().busy = true;
    wasm_bindgen_futures::spawn_local(async move {
        // After the edit is on screen: writing a big project takes a few frames' time.
        files::next_paint().await;
        let store = Store::open(autosave::DB_NAME, autosave::STORE).await;
        loop {
            let Some((generation, revision, project, meta)) = queue.borrow_mut().wanted.take()
            else {
                break;
            };
            let outcome = match &store {
                Ok(store) => {
                    let text = autosave::project_text(&project);
                    store
                        .put_all(&[(PROJECT_KEY, &text), (META_KEY, &meta)])
                        .await
                }
                Err(e) => Err(e.clone()),
            };
            match outcome {
                Ok(()) => dispatcher.dispatch(Action::Saved {
                    generation,
                    revision,
                }),
                Err(e) => dispatcher.dispatch(Action::SaveFailed(e)),
            }
        }
        queue.borrow_mut().busy = false;
    });
}

/// Where a key was pressed.
fn key_target(e: &KeyboardEvent) -> Target {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return Target::Plan;
    };
    match el.tag_name().to_ascii_uppercase().as_str() {
        "INPUT" => {
            let kind = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            if matches!(kind.as_str(), "checkbox" | "radio" | "button" | "file") {
                Target::Control
            } else {
                Target::Text
            }
        }
        "TEXTAREA" | "SELECT" => Target::Text,
        "BUTTON" | "A" | "SUMMARY" => Target::Control,
        _ if el.has_attribute("contenteditable") => Target::Text,
        _ => Target::Plan,
    }
}

/// The whole editor.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let requests = use_mut_ref(Requests::default);
    let save_queue = use_mut_ref(SaveQueue::default);
    let file_input = use_node_ref();
    let client: ClientCell = use_mut_ref(|| None);
    let files: ClientCell = use_mut_ref(|| None);

    // The worker, for the page's life.
    {
        let dispatcher = state.dispatcher();
        let client = client.clone();
        use_effect_with((), move |_| {
            let handler: Rc<dyn Fn(Incoming)> = Rc::new(move |m| incoming(&dispatcher, m));
            *client.borrow_mut() = Some(WorkerClient::start(
                worker_client::ENGINE_URL,
                crate::worker::protocol::FIRST_JOB,
                handler,
            ));
            crate::offline::register();
        });
    }

    // The coverage job wanted goes to the worker (again when it was replaced).
    {
        let client = client.clone();
        let wanted = state.coverage.wanted.clone();
        let doc = state.doc.clone();
        let generation = state.generation;
        use_effect_with(
            (wanted.as_ref().map(|w| w.job), state.worker_epoch),
            move |_| {
                if let Some(c) = client.borrow().as_ref() {
                    match (wanted, doc) {
                        (Some(job), Some(doc)) => {
                            c.sync(generation, &doc);
                            c.send(&ToWorker::Coverage(job), None);
                        }
                        _ => c.send(&ToWorker::StopCoverage, None),
                    }
                }
            },
        );
    }

    // The import dialog's choices changed: import again.
    {
        let files = files.clone();
        let dispatcher = state.dispatcher();
        let dialog = state.import.as_ref().map(|d| {
            (
                d.revision,
                d.sent_revision,
                d.job.is_some(),
                d.name.clone(),
                d.choice(),
                d.bytes.clone(),
            )
        });
        let key = dialog.as_ref().map(|d| (d.0, d.1, d.2));
        use_effect_with(key, move |_| {
            if let Some((revision, sent, false, name, options, bytes)) = dialog
                && revision != sent
            {
                let c = files_worker(&files, &dispatcher);
                let job = c.next_job();
                dispatcher.dispatch(Action::ImportDialog(
                    crate::import_dialog::DialogAction::Reimporting { job, revision },
                ));
                c.send(
                    &ToWorker::Import { job, name, options },
                    Some(bytes.as_ref().clone()),
                );
            }
        });
    }

    let on_route = {
        let client = client.clone();
        let state = state.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            let (Some(c), Some(doc), Some(key)) =
                (client.borrow().clone(), state.doc.as_ref(), state.doc_key())
            else {
                return;
            };
            let job = c.next_job();
            dispatcher.dispatch(Action::JobStarted {
                job,
                kind: JobKind::Route,
                label: "Routing every cable…".into(),
            });
            c.sync(state.generation, doc);
            c.send(&ToWorker::Route { job, doc: key }, None);
        })
    };
    let on_export = {
        let client = client.clone();
        let files = files.clone();
        let state = state.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |choice: ExportChoice| {
            let c = if choice == ExportChoice::Dxf {
                Some(files_worker(&files, &dispatcher))
            } else {
                client.borrow().clone()
            };
            let (Some(c), Some(doc), Some(key)) = (c, state.doc.as_ref(), state.doc_key()) else {
                return;
            };
            let floor = state.floor_id.clone().unwrap_or_default();
            let date = files::today();
            let what = match choice {
                ExportChoice::CablingSheet => Export::FloorSheets {
                    floor,
                    sheet: SheetKind::Cabling,
                    date,
                },
                ExportChoice::CoverageSheet => Export::FloorSheets {
                    floor,
                    sheet: SheetKind::Coverage,
                    date,
                },
                ExportChoice::AllSheets => Export::AllSheets { date },
                ExportChoice::Schedule => Export::Csv {
                    table: CsvTable::Schedule,
                },
                ExportChoice::Bom => Export::Csv {
                    table: CsvTable::BillOfMaterials,
                },
                ExportChoice::Findings => Export::Csv {
                    table: CsvTable::Findings,
                },
                ExportChoice::FinalTail => Export::Csv {
                    table: CsvTable::FinalTail,
                },
                ExportChoice::GeoJson => Export::GeoJson,
                ExportChoice::Dxf => Export::Dxf { floor, date },
            };
            let base = tailplan_app::export::stem(&crate::state::download_name(doc));
            let job = c.next_job();
            dispatcher.dispatch(Action::JobStarted {
                job,
                kind: JobKind::Export,
                label: "Making the file…".into(),
            });
            c.sync(state.generation, doc);
            c.send(
                &ToWorker::Export {
                    job,
                    doc: key,
                    base,
                    what,
                },
                None,
            );
        })
    };
    let on_place = {
        let client = client.clone();
        let state = state.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            let (Some(c), Some(doc), Some(key), Some(floor)) = (
                client.borrow().clone(),
                state.doc.as_ref(),
                state.doc_key(),
                state.floor(),
            ) else {
                return;
            };
            let cov = &state.coverage;
            let job = c.next_job();
            let message = match cov.service_on(floor) {
                Service::Wifi(band) => ToWorker::PlaceAps {
                    job,
                    doc: key,
                    options: ApPlacementChoice {
                        floor: floor.id.clone(),
                        band,
                        target_dbm: cov.target_dbm,
                        coverage_percent: cov.target_percent,
                        keep_existing: cov.keep_existing,
                    },
                },
                Service::Iot(tech) => ToWorker::PlaceGateways {
                    job,
                    doc: key,
                    options: GatewayPlacementChoice {
                        floor: floor.id.clone(),
                        tech,
                        margin_db: cov.margin_db,
                        keep_existing: cov.keep_existing,
                    },
                },
            };
            dispatcher.dispatch(Action::JobStarted {
                job,
                kind: JobKind::Place,
                label: "Placing…".into(),
            });
            c.sync(state.generation, doc);
            c.send(&message, None);
        })
    };
    let on_stop_place = {
        let client = client.clone();
        let state = state.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            if let Some(c) = client.borrow().as_ref() {
                c.restart();
            }
            if let Some(job) = state.coverage.placing {
                dispatcher.dispatch(Action::JobDone {
                    job,
                    notice: Some("Placement stopped".into()),
                });
            }
            dispatcher.dispatch(Action::WorkerReset { why: None });
        })
    };

    // One callback for the life of the editor (the dispatcher never changes): a new one on
    // every render made every panel that takes it render again, and a text field that renders
    // again is reset to the model's value, so typing in the property panel was lost whenever
    // a heatmap or the autosave status arrived mid-word.
    let on_action = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });

    let on_open_sample = {
        let dispatcher = state.dispatcher();
        let requests = requests.clone();
        Callback::from(move |sample: &'static Sample| {
            let request = requests.borrow_mut().next();
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                open_sample_now(&dispatcher, request, sample).await;
            });
        })
    };
    let on_open_file = {
        let file_input = file_input.clone();
        Callback::from(move |()| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.set_value("");
                input.click();
            }
        })
    };
    let on_file = {
        let dispatcher = state.dispatcher();
        let requests = requests.clone();
        let files = files.clone();
        Callback::from(move |file: File| {
            open_bytes(dispatcher.clone(), requests.clone(), files.clone(), file)
        })
    };
    let on_file_chosen = {
        let on_file = on_file.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let file = input.files().and_then(|f| f.get(0));
            // Emptied at once (the File is kept), so that the same file chosen again, after
            // an edit or a cancelled import, is read again.
            input.set_value("");
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };
    let on_save = {
        let state = state.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            let Some(doc) = state.doc.as_ref() else {
                return;
            };
            let text = project_file::to_json(doc.project());
            let name = crate::state::download_name(doc);
            match files::download(&name, &text, "application/json") {
                Ok(()) => {
                    dispatcher.dispatch(Action::Downloaded {
                        generation: state.generation,
                        revision: doc.revision,
                    });
                    dispatcher.dispatch(Action::Notice(format!("Saved {name}")));
                }
                Err(e) => {
                    dispatcher.dispatch(Action::Error(format!("Could not save the project: {e}.")))
                }
            }
        })
    };

    // On start: the project kept in this browser, else the first sample.
    {
        let dispatcher = state.dispatcher();
        let requests = requests.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(start(dispatcher, requests));
        });
    }

    // Keep every change in the browser (the newest one when changes come faster).
    {
        let dispatcher = state.dispatcher();
        let queue = save_queue.clone();
        let key = state.doc_key();
        let unsaved = state.doc.as_ref().is_some_and(|d| d.is_unsaved());
        let wanted = state.doc.as_ref().map(|d| {
            (
                Rc::clone(d.project_rc()),
                SavedMeta::of(d, state.floor_id.as_deref()).to_text(),
            )
        });
        use_effect_with(
            (key, unsaved, state.floor_id.clone()),
            move |(key, _, _)| {
                if let (Some((generation, revision)), Some((project, meta))) = (*key, wanted) {
                    queue.borrow_mut().wanted = Some((generation, revision, project, meta));
                    keep(dispatcher, queue);
                }
            },
        );
    }

    // Notices close by themselves.
    {
        let dispatcher = state.dispatcher();
        let id = state.notice.as_ref().map(|n| n.id);
        use_effect_with(id, move |id| {
            if let Some(id) = *id {
                wasm_bindgen_futures::spawn_local(async move {
                    files::sleep(NOTICE_MS).await;
                    dispatcher.dispatch(Action::DismissNotice(id));
                });
            }
        });
    }

    // The keyboard, anywhere on the page but in text fields. The listener lives as long as
    // the page; it reaches this render's Save through a cell (holding on to a first render's
    // state handle would keep every state it ever read alive).
    let latest_save = use_mut_ref(Callback::<()>::noop);
    *latest_save.borrow_mut() = on_save.clone();
    {
        let dispatcher = state.dispatcher();
        let latest_save = latest_save.clone();
        let on_open_file = on_open_file.clone();
        use_effect_with((), move |_| {
            let down = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                let keys = Keys {
                    key: &e.key(),
                    shift: e.shift_key(),
                    ctrl: e.ctrl_key() || e.meta_key(),
                    alt: e.alt_key(),
                };
                let Some(s) = shortcut(keys, key_target(&e)) else {
                    return;
                };
                if e.repeat() && matches!(s, Shortcut::Do(crate::input::Command::SpaceDown)) {
                    e.prevent_default();
                    return;
                }
                e.prevent_default();
                match s {
                    Shortcut::Save => {
                        let save = latest_save.borrow().clone();
                        save.emit(());
                    }
                    Shortcut::Open => on_open_file.emit(()),
                    Shortcut::Do(c) => dispatcher.dispatch(Action::Command(c)),
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("keydown", down.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "keydown",
                        down.as_ref().unchecked_ref(),
                    );
                }
                drop(down);
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let up = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if e.key() == " " {
                    dispatcher.dispatch(Action::SpaceUp);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("keyup", up.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ =
                        w.remove_event_listener_with_callback("keyup", up.as_ref().unchecked_ref());
                }
                drop(up);
            }
        });
    }

    // The floor prepared for drawing, again only when the project or the floor changes.
    let key = (state.doc_key(), state.floor_id.clone());
    let scene = {
        let state = state.clone();
        use_memo(key.clone(), move |_| {
            let project = state.project()?;
            let floor = state.floor()?;
            Some(SceneHandle(Rc::new(FloorScene::new(project, floor))))
        })
    };
    let legend = {
        let scene = scene.clone();
        use_memo((key.clone(), state.layers), move |(_, layers)| {
            scene
                .as_ref()
                .as_ref()
                .map(|s| s.0.legend(*layers))
                .unwrap_or_default()
        })
    };
    let moving: Vec<String> = match &state.gesture {
        Gesture::Moving { ids, .. } => ids.clone(),
        _ => Vec::new(),
    };
    let hidden = use_memo(moving, |ids| {
        ids.iter().cloned().collect::<HashSet<String>>()
    });
    let overlay = Rc::new(edit_overlay::overlay(&state, state.viewport));
    let subject = {
        let state = state.clone();
        use_memo(
            (key.clone(), state.selection.clone()),
            move |(_, selection)| {
                Subject::of(state.project(), state.floor_id.as_deref(), selection)
            },
        )
    };
    let materials = {
        let state = state.clone();
        use_memo(state.doc_key().map(|(g, _)| g), move |_| {
            state
                .project()
                .map(|p| {
                    p.materials
                        .iter()
                        .map(|m| (m.name.clone(), m.color.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    };

    // The heatmap on the plan, the scans, the panels' views.
    let heat = state.floor().and_then(|f| {
        if !state.layers.shows(Layer::Heatmap) {
            return None;
        }
        let service = state.coverage.service_on(f);
        let key = (f.id.clone(), service, state.coverage.metric);
        let h = state.coverage.heatmap_for(&key)?;
        let scale = heatmap::scale(service, state.coverage.metric, h.result.threshold_dbm);
        Some(HeatHandle(h.clone(), scale))
    });
    let raster_key: Vec<(String, usize)> = state
        .floor()
        .map(|f| {
            f.underlays
                .iter()
                .filter_map(|u| match &u.kind {
                    tailplan_core::UnderlayKind::Raster(r) => Some((u.id.clone(), r.data.len())),
                    tailplan_core::UnderlayKind::Vector { .. } => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let rasters: Rc<Vec<RasterSource>> = {
        let state = state.clone();
        use_memo(
            (state.generation, state.floor_id.clone(), raster_key),
            move |_| state.floor().map(raster_sources).unwrap_or_default(),
        )
    };
    let heat_text = heat.as_ref().and_then(|h| {
        let world = state.hover.world?;
        let r = &h.0.result;
        heatmap::value_at(&r.grid, &h.0.values, world)
            .map(|v| heatmap::value_text(r.service, r.metric, v))
    });
    let coverage_view = state.floor().map(|f| {
        let c = &state.coverage;
        let service = c.service_on(f);
        let mut services: Vec<Service> = heatmap::every_service();
        services.sort_by_key(|s| std::cmp::Reverse(coverage_view::transmitters_on(f, *s)));
        let threshold = state
            .project()
            .map(|p| tailplan_core::coverage::engine::default_threshold_dbm(p, service))
            .unwrap_or(-67.0);
        let thresholds = state
            .project()
            .map(|p| tailplan_core::coverage::default_thresholds(&p.settings.radio, service))
            .unwrap_or_default();
        let key = (f.id.clone(), service, c.metric);
        let shown = c.heatmap_for(&key);
        let status = if c.error.is_some() {
            String::new()
        } else if let Some((done, total)) = c.progress {
            format!("Refining: {done} of {total} transmitters at full resolution…")
        } else if c.computing() {
            "Computing…".to_owned()
        } else if let Some(h) = shown {
            let r = &h.result;
            format!(
                "{} transmitter{} · {} × {} cells of {} m · {:.0} ms",
                r.transmitters,
                if r.transmitters == 1 { "" } else { "s" },
                r.grid.cols,
                r.grid.rows,
                r.grid.cell_m,
                r.compute_ms
            )
        } else {
            String::new()
        };
        Rc::new(CoverageView {
            floor: f.name.clone(),
            services: services
                .into_iter()
                .map(|s| (s, coverage_view::service_caption(f, s)))
                .collect(),
            service,
            metric: c.metric,
            heat_shown: state.layers.shows(Layer::Heatmap),
            legend: heatmap::legend(service, c.metric, threshold, &thresholds),
            status,
            busy: c.computing(),
            progress: c.progress,
            error: c.error.clone(),
            summary: c.summary_for(&f.id, service).cloned(),
            proposal: c.proposal.clone(),
            placing: c.placing.is_some(),
            targets: (c.target_dbm, c.target_percent, c.margin_db, c.keep_existing),
        })
    });
    let tables = {
        let view = state.cabling.view.clone();
        let currency = state
            .project()
            .map(|p| p.settings.prices.currency.clone())
            .unwrap_or_default();
        use_memo(
            state.cabling.view.as_ref().map(|v| Rc::as_ptr(v) as usize),
            move |_| {
                view.map(|v| {
                    Rc::new(Tables {
                        schedule: Rc::new(cabling::schedule_table(&v.routing)),
                        bom: Rc::new(cabling::bom_table(&v.bom)),
                        final_tail: Rc::new(cabling::final_tail_table(&v.routing, &currency)),
                    })
                })
            },
        )
    };
    let cabling_view = Rc::new(CablingView {
        routing: state.cabling.view.clone().zip((*tables).clone()),
        stale: state
            .cabling
            .view
            .as_ref()
            .is_some_and(|v| Some(v.doc) != state.doc_key()),
        busy: state.cabling.routing_job.is_some(),
        tab: state.cabling.tab,
        sort: state.cabling.sort_of(state.cabling.tab),
        filter: state.cabling.filter.clone(),
        focused: state.cabling.focused,
    });
    let job_label = state.jobs.first().map(|j| j.label.clone());
    let exporting = state.jobs.iter().any(|j| j.kind == JobKind::Export);

    let floors: Vec<(AttrValue, AttrValue)> = state
        .project()
        .map(|p| {
            p.floors
                .iter()
                .map(|f| {
                    (
                        AttrValue::from(f.id.clone()),
                        AttrValue::from(f.name.clone()),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let floor = state.floor();
    let counts = floor.map(|f| status::counts_text(&status::floor_counts(f)));
    let loading = state.pending.as_ref().map(|(_, label)| label.clone());
    let message = match (&state.doc, floor, &loading) {
        (None, _, Some(_)) => None,
        (None, _, None) => {
            Some("No project is open. Open a file, drop one here, or choose a sample.".to_owned())
        }
        (Some(_), None, _) => Some("This project has no floors yet.".to_owned()),
        (Some(_), Some(_), _) => None,
    };
    let doc = state.doc.as_ref();
    let save = save_status(&state);
    let cursor = match state.gesture {
        Gesture::Panning { .. } => "panning",
        Gesture::Moving { .. } => "moving",
        _ if state.space_held => "pan",
        _ if state.hover.hit.is_some() => "pointer",
        _ => "",
    };
    let confirm = state.confirm.as_ref().map(|o| {
        let incoming = match &o.source {
            Source::Sample(key) => {
                crate::state::sample(key).map_or_else(|| "the sample".to_owned(), |s| s.describe())
            }
            Source::File(name) => format!("“{name}”"),
            Source::New => "a new project".to_owned(),
            Source::Restored => "the kept project".to_owned(),
        };
        html! {
            <ConfirmReplace
                current={AttrValue::from(doc.map(|d| d.title().to_owned()).unwrap_or_default())}
                incoming={AttrValue::from(incoming)}
                on_action={on_action.clone()}
                on_save={on_save.clone()}
            />
        }
    });

    html! {
        <div class="app">
            <Toolbar
                title={doc.map(|d| AttrValue::from(d.title().to_owned()))}
                unsaved={doc.is_some_and(|d| d.is_unsaved())}
                can_undo={doc.is_some_and(|d| d.can_undo())}
                can_redo={doc.is_some_and(|d| d.can_redo())}
                loading={loading.clone().map(AttrValue::from)}
                on_action={on_action.clone()}
                on_open_sample={on_open_sample}
                on_open_file={on_open_file}
                on_save={on_save.clone()}
                on_route={on_route.clone()}
                routing={state.cabling.routing_job.is_some()}
                on_export={on_export}
                exporting={exporting}
            />
            <ViewBar
                floors={floors}
                floor_id={state.floor_id.clone().map(AttrValue::from)}
                layers={state.layers}
                snapping={state.snapping}
                has_selection={!state.selection.is_empty()}
                legend_open={!state.legend_hidden}
                on_action={on_action.clone()}
            />
            if let Some(message) = state.error.clone() {
                <ErrorBanner message={message} on_dismiss={on_action.reform(|()| Action::DismissError)} />
            }
            <input
                ref={file_input}
                type="file"
                class="visually-hidden"
                accept={ACCEPT}
                data-testid="file-input"
                aria-label="Open a project or import a floor plan"
                tabindex="-1"
                onchange={on_file_chosen}
            />
            <div class="app__body">
                <Palette tool={state.tool} enabled={floor.is_some()} on_action={on_action.clone()} />
                <main class="app__main">
                    <PlanCanvas
                        heat={heat}
                        rasters={rasters}
                        scene={(*scene).clone()}
                        view={state.view}
                        viewport={state.viewport}
                        layers={state.layers}
                        hidden={hidden}
                        overlay={overlay}
                        tool={state.tool}
                        cursor={cursor}
                        hint={AttrValue::from(state.hint())}
                        wall_material={AttrValue::from(state.wall_material.clone())}
                        materials={materials}
                        on_action={on_action.clone()}
                        on_drop_file={on_file}
                        message={message.map(AttrValue::from)}
                        progress={loading.map(|l| AttrValue::from(format!("Opening {l}…"))).or(job_label.map(AttrValue::from))}
                        notice={state.notice.clone()}
                    />
                </main>
                <aside class={classes!("side", (state.panel == SidePanel::Cabling).then_some("side--wide"), (state.panel == SidePanel::Coverage).then_some("side--coverage"))} aria-label="Panels" data-testid="side-panel">
                    <SideTabs panel={state.panel} on_action={on_action.clone()} />
                    <div class="side__body">
                        {
                            match state.panel {
                                SidePanel::Properties => html! {
                                    <PropertyPanel
                                        subject={subject}
                                        error={state.property_error.clone()}
                                        revision={doc.map_or(0, |d| d.revision)}
                                        on_action={on_action.clone()}
                                    />
                                },
                                SidePanel::Coverage => html! {
                                    <CoveragePanel view={coverage_view} on_action={on_action.clone()} on_place={on_place} on_stop={on_stop_place} />
                                },
                                SidePanel::Cabling => html! {
                                    <CablingPanel view={cabling_view} enabled={doc.is_some()} on_action={on_action.clone()} on_route={on_route} />
                                },
                            }
                        }
                        if !state.legend_hidden && state.panel != SidePanel::Cabling {
                            <LegendPanel legend={(*legend).clone()} />
                        }
                    </div>
                </aside>
            </div>
            <StatusBar
                floor={AttrValue::from(floor.map_or_else(|| "–".to_owned(), |f| f.name.clone()))}
                counts={AttrValue::from(counts.unwrap_or_default())}
                selected={state.selection.len()}
                measure={state.measure_text().map(AttrValue::from)}
                cursor={AttrValue::from(status::cursor_text(state.hover.world))}
                heat={heat_text.map(AttrValue::from)}
                snap_step={AttrValue::from(floor.map_or_else(String::new, |_| format!("Snap {}", crate::edit_overlay::length_text(crate::snap::grid_step_m(state.view.scale)))))}
                scale={AttrValue::from(floor.map_or_else(|| "1:–".to_owned(), |_| status::scale_text(&state.view)))}
                resolution={AttrValue::from(floor.map_or_else(|| "– m/px".to_owned(), |_| status::resolution_text(&state.view)))}
                warnings={doc.map(|d| d.warnings.clone()).unwrap_or_default()}
                save={save}
            />
            if state.help_open {
                <HelpPanel on_action={on_action.clone()} />
            }
            { for confirm }
            if let Some(d) = state.import.as_ref() {
                <ImportDialogView dialog={Rc::new(d.clone())} on_action={on_action.clone()} />
            }
        </div>
    }
}

/// The status bar's account of keeping the project in the browser.
fn save_status(state: &AppState) -> SaveStatus {
    let key = state
        .doc_key()
        .map_or_else(String::new, |(g, r)| format!("{g}:{r}"));
    let (state_name, text, saved_key) = match (&state.autosave, state.doc_key()) {
        (_, None) => ("none", String::new(), String::new()),
        (Autosave::Saved(g, r), Some(current)) if (*g, *r) == current => (
            "saved",
            "Kept in this browser".to_owned(),
            format!("{g}:{r}"),
        ),
        (Autosave::Saved(g, r), Some(_)) => ("saving", "Keeping…".to_owned(), format!("{g}:{r}")),
        (Autosave::Failed(m), Some(_)) => ("failed", format!("Not kept: {m}"), String::new()),
        (Autosave::Idle, Some(_)) => ("saving", "Keeping…".to_owned(), String::new()),
    };
    SaveStatus {
        state: state_name,
        text: AttrValue::from(text),
        key: AttrValue::from(key),
        saved_key: AttrValue::from(saved_key),
    }
}
