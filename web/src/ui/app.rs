//! The editor's root: the state, the hooks that do the browser's part of the editor's life
//! (the workers, opening, autosave, notices, the keyboard; in [`super::hooks`]), the
//! callbacks the bars and panels call, and the layout: the bars, the palette, the plan, the
//! side panel and the status bar.

use std::rc::Rc;

use tailplan_core::project_file;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::banner::ErrorBanner;
use super::dialogs::{self, ConfirmReplace, HelpPanel};
use super::hooks::{
    send_job, use_autosave, use_files_worker, use_notice_timeout, use_offline, use_opening,
    use_panel_views, use_plan_views, use_shortcuts, use_worker,
};
use super::legend::LegendPanel;
use super::palette::Palette;
use super::plan::PlanCanvas;
use super::sheet_viewer::SheetViewer;
use super::side::SideTabs;
use super::status_bar::{SaveStatus, StatusBar};
use super::toolbar::{ExportChoice, Toolbar, ViewBar};
use crate::browser::files;
use crate::document::import::ACCEPT;
use crate::panels::cabling::panel::CablingPanel;
use crate::panels::coverage::heatmap;
use crate::panels::coverage::panel::CoveragePanel;
use crate::panels::import_dialog::dialog::ImportDialogView;
use crate::panels::properties::panel::PropertyPanel;
use crate::panels::scenarios::panel::ScenariosPanel;
use crate::panels::survey::panel::SurveyPanel;
use crate::plan::{edit_overlay, snap, status};
use crate::state::{Action, AppState, Gesture, JobKind, SidePanel, buildings, download_name};
use crate::worker::protocol::ToWorker;
use tailplan_io::sheet::SheetKind;

/// The whole editor.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let file_input = use_node_ref();

    // The browser's part: the workers, opening and keeping the project, notices.
    let engine = use_worker(&state);
    use_offline();
    let files_worker = use_files_worker(&state);
    let opening = use_opening(&state, &files_worker);
    use_autosave(&state);
    use_notice_timeout(&state);

    // One callback for the life of the editor (the dispatcher never changes): a new one on
    // every render made every panel that takes it render again, and a text field that renders
    // again is reset to the model's value, so typing in the property panel was lost whenever
    // a heatmap or the autosave status arrived mid-word.
    let on_action = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });

    // Jobs for the workers.
    let on_route = {
        let engine = engine.clone();
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(c) = engine.borrow().clone() {
                let job = (JobKind::Route, "Routing every cable…");
                send_job(&c, &state, &state.dispatcher(), job, |job, doc| {
                    ToWorker::Route { job, doc }
                });
            }
        })
    };
    let send_export = {
        let files_worker = files_worker.clone();
        let state = state.clone();
        Callback::from(move |what: tailplan_app::Export| {
            // Every file is made by the files worker (the writers are most of its weight;
            // the main worker, which the page waits for, goes without them).
            let Some(doc) = state.doc.as_ref() else {
                return;
            };
            let c = files_worker.get();
            let base = tailplan_app::export::stem(&download_name(doc));
            let job = (JobKind::Export, "Making the file…");
            send_job(&c, &state, &state.dispatcher(), job, |job, doc| {
                ToWorker::Export {
                    job,
                    doc,
                    base,
                    what,
                }
            });
        })
    };
    let on_export = {
        let state = state.clone();
        send_export.reform(move |choice: ExportChoice| {
            let floor = state.floor_id.clone().unwrap_or_default();
            choice.export(floor, files::today())
        })
    };
    let on_scenario_sheet = {
        let state = state.clone();
        let send_export = send_export.clone();
        Callback::from(move |pdf: bool| {
            // The comparison shown, drawn as it is (not compared again).
            if let Some(shown) = &state.scenarios.shown {
                send_export.emit(tailplan_app::Export::ScenarioSheet {
                    comparison: Box::new(shown.result.clone()),
                    energy: shown.energy,
                    date: files::today(),
                    pdf,
                });
            }
        })
    };
    let on_sheets = {
        let files_worker = files_worker.clone();
        let state = state.clone();
        Callback::from(move |campus: bool| {
            let floor = if campus { None } else { state.floor_id.clone() };
            let dispatcher = state.dispatcher();
            let mut sent = None;
            let job = (JobKind::View, "Drawing the riser diagrams…");
            send_job(&files_worker.get(), &state, &dispatcher, job, |job, doc| {
                sent = Some(job);
                ToWorker::Sheets {
                    job,
                    doc,
                    floor,
                    kind: SheetKind::Riser,
                    date: files::today(),
                }
            });
            if let Some(job) = sent {
                dispatcher.dispatch(Action::SheetsWanted { job, campus });
            }
        })
    };
    let on_compare = {
        let files_worker = files_worker.clone();
        let state = state.clone();
        Callback::from(move |()| {
            // Compared by the files worker: the scenario reader lives there, and the page's
            // first worker stays small.
            let job = (JobKind::Compare, "Comparing scenarios…");
            send_job(
                &files_worker.get(),
                &state,
                &state.dispatcher(),
                job,
                |job, doc| ToWorker::Scenarios(state.scenarios.job_for(job, doc)),
            );
        })
    };
    // Surveys are checked and fitted by the files worker (the fit stays out of the worker
    // the page waits for; importing a survey has started it anyway).
    let on_calibrate = {
        let files_worker = files_worker.clone();
        let state = state.clone();
        Callback::from(move |()| {
            let job = (JobKind::Calibrate, "Calibrating against the survey…");
            send_job(
                &files_worker.get(),
                &state,
                &state.dispatcher(),
                job,
                |job, doc| ToWorker::Survey(state.survey.job_for(job, doc, true)),
            );
        })
    };
    // The survey panel shows the model against the surveys of the state on screen: asked
    // whenever it shows an older one.
    {
        let files_worker = files_worker.clone();
        let state = state.clone();
        let wanted = state.panel == SidePanel::Survey
            && state
                .project()
                .is_some_and(|p| state.survey.wants_check(p, state.doc_key()));
        use_effect_with((wanted, state.doc_key()), move |(wanted, _)| {
            if *wanted {
                let job = (JobKind::Survey, "Comparing the model with the survey…");
                send_job(
                    &files_worker.get(),
                    &state,
                    &state.dispatcher(),
                    job,
                    |job, doc| ToWorker::Survey(state.survey.job_for(job, doc, false)),
                );
            }
        });
    }
    let on_place = {
        let engine = engine.clone();
        let state = state.clone();
        Callback::from(move |()| {
            let (Some(c), Some(floor)) = (engine.borrow().clone(), state.floor()) else {
                return;
            };
            let job = (JobKind::Place, "Placing…");
            send_job(&c, &state, &state.dispatcher(), job, |job, doc| {
                state.coverage.placement(floor, job, doc)
            });
        })
    };
    let on_stop_place = {
        let engine = engine.clone();
        let state = state.clone();
        let dispatcher = state.dispatcher();
        Callback::from(move |()| {
            if let Some(c) = engine.borrow().as_ref() {
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

    // Files.
    let on_open_file = {
        let file_input = file_input.clone();
        Callback::from(move |()| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.set_value("");
                input.click();
            }
        })
    };
    let on_file_chosen = {
        let open_file = opening.open_file.clone();
        Callback::from(move |e: Event| {
            // The same file chosen again, after an edit or a cancelled import, is read again.
            if let Some(file) = crate::browser::events::take_file(&e) {
                open_file.emit(file);
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
            let name = download_name(doc);
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
    use_shortcuts(&state, &on_save, &on_open_file);

    // What the plan, the panels and the bars show.
    let plan = use_plan_views(&state);
    let panels = use_panel_views(&state);
    let overlay = Rc::new(edit_overlay::overlay(&state, state.viewport));
    let heat_text = plan.heat.as_ref().and_then(|h| {
        let world = state.hover.world?;
        let r = &h.0.result;
        heatmap::value_at(&r.grid, &h.0.values, world)
            .map(|v| heatmap::value_text(r.service, r.metric, v))
    });
    let job_label = state.jobs.first().map(|j| j.label.clone());
    let exporting = state.jobs.iter().any(|j| j.kind == JobKind::Export);

    let picker = state
        .project()
        .map(|p| buildings::floor_picker(p, state.floor_id.as_deref()))
        .unwrap_or_default();
    let pairs = |list: Vec<(String, String)>| -> Vec<(AttrValue, AttrValue)> {
        list.into_iter()
            .map(|(a, b)| (AttrValue::from(a), AttrValue::from(b)))
            .collect()
    };
    let floors = pairs(picker.floors);
    let building_list = pairs(picker.buildings);
    let building_id = picker.building.map(AttrValue::from);
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
    let save = SaveStatus::of(&state);
    let cursor = match state.gesture {
        Gesture::Panning { .. } => "panning",
        Gesture::Moving { .. } => "moving",
        _ if state.space_held => "pan",
        _ if state.hover.hit.is_some() => "pointer",
        _ => "",
    };
    let confirm = state.confirm.as_ref().map(|o| {
        html! {
            <ConfirmReplace
                current={AttrValue::from(doc.map(|d| d.title().to_owned()).unwrap_or_default())}
                incoming={AttrValue::from(dialogs::incoming(&o.source))}
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
                on_open_sample={opening.open_sample}
                on_open_file={on_open_file}
                on_save={on_save.clone()}
                on_route={on_route.clone()}
                routing={state.cabling.routing_job.is_some()}
                on_export={on_export}
                exporting={exporting}
            />
            <ViewBar
                floors={floors}
                buildings={building_list}
                building_id={building_id}
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
                        heat={plan.heat}
                        rasters={plan.rasters}
                        scene={(*plan.scene).clone()}
                        view={state.view}
                        viewport={state.viewport}
                        layers={state.layers}
                        hidden={plan.hidden}
                        overlay={overlay}
                        tool={state.tool}
                        cursor={cursor}
                        hint={AttrValue::from(state.hint())}
                        wall_material={AttrValue::from(state.wall_material.clone())}
                        materials={plan.materials}
                        on_action={on_action.clone()}
                        on_drop_file={opening.open_file.clone()}
                        message={message.map(AttrValue::from)}
                        progress={loading.map(|l| AttrValue::from(format!("Opening {l}…"))).or(job_label.map(AttrValue::from))}
                        notice={state.notice.clone()}
                    />
                </main>
                <aside class={classes!("side", matches!(state.panel, SidePanel::Cabling | SidePanel::Scenarios | SidePanel::Survey).then_some("side--wide"), (state.panel == SidePanel::Coverage).then_some("side--coverage"))} aria-label="Panels" data-testid="side-panel">
                    <SideTabs panel={state.panel} on_action={on_action.clone()} />
                    <div class="side__body">
                        {
                            match state.panel {
                                SidePanel::Properties => html! {
                                    <PropertyPanel
                                        subject={panels.subject}
                                        error={state.property_error.clone()}
                                        revision={doc.map_or(0, |d| d.revision)}
                                        on_action={on_action.clone()}
                                    />
                                },
                                SidePanel::Coverage => html! {
                                    <CoveragePanel view={panels.coverage} on_action={on_action.clone()} on_place={on_place} on_stop={on_stop_place} />
                                },
                                SidePanel::Cabling => html! {
                                    <CablingPanel view={panels.cabling} enabled={doc.is_some()} on_action={on_action.clone()} on_route={on_route} on_sheets={on_sheets.clone()} />
                                },
                                SidePanel::Survey => html! {
                                    <SurveyPanel
                                        state={Rc::new(state.survey.clone())}
                                        surveys={Rc::new(state.project().map(|p| p.surveys.iter().map(|s| (s.name.clone(), s.rows.len())).collect()).unwrap_or_default())}
                                        record={state.project().and_then(|p| p.settings.calibration.clone()).map(Rc::new)}
                                        exponent={state.project().map_or(2.0, |p| p.settings.radio.path_loss_exponent)}
                                        stale={state.survey.checked.as_ref().is_some_and(|c| Some(c.doc) != state.doc_key())}
                                        enabled={doc.is_some()}
                                        on_action={on_action.clone()}
                                        on_open={opening.open_file.clone()}
                                        on_calibrate={on_calibrate}
                                    />
                                },
                                SidePanel::Scenarios => html! {
                                    <ScenariosPanel
                                        state={Rc::new(state.scenarios.clone())}
                                        classes={panels.classes.clone()}
                                        currency={AttrValue::from(state.project().map(|p| p.settings.prices.currency.clone()).unwrap_or_default())}
                                        stale={state.scenarios.shown.as_ref().is_some_and(|s| Some(s.doc) != state.doc_key())}
                                        enabled={doc.is_some()}
                                        on_action={on_action.clone()}
                                        on_compare={on_compare}
                                        on_sheet={on_scenario_sheet}
                                        exporting={exporting}
                                    />
                                },
                            }
                        }
                        if !state.legend_hidden && !matches!(state.panel, SidePanel::Cabling | SidePanel::Scenarios) {
                            <LegendPanel legend={(*plan.legend).clone()} />
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
                snap_step={AttrValue::from(floor.map_or_else(String::new, |_| format!("Snap {}", edit_overlay::length_text(snap::grid_step_m(state.view.scale)))))}
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
            if let Some(v) = state.sheets.as_ref() {
                <SheetViewer view={v.clone()} on_action={on_action.clone()} on_scope={on_sheets} />
            }
        </div>
    }
}
