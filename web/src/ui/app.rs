//! The editor's root: owns the state, loads samples and lays out the toolbar, the plan and
//! the status bar.

use std::rc::Rc;

use tailplan_core::Point;
use yew::prelude::*;

use super::banner::ErrorBanner;
use super::legend::LegendPanel;
use super::plan::{PlanCanvas, SceneHandle};
use super::status_bar::StatusBar;
use super::toolbar::Toolbar;
use crate::fetch::fetch_text;
use crate::scene::FloorScene;
use crate::state::{Action, AppState, SAMPLES, Sample, open_project};
use crate::status;

/// The whole editor.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let cursor = use_state(|| None::<Point>);
    let legend_open = use_state(|| true);
    let next_request = use_mut_ref(|| 0_u32);

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };

    // Opens a sample: fetched from the editor's own origin, read off the main loop.
    let on_open = {
        let dispatcher = state.dispatcher();
        Callback::from(move |sample: &'static Sample| {
            let request = {
                let mut n = next_request.borrow_mut();
                *n += 1;
                *n
            };
            dispatcher.dispatch(Action::StartLoading { sample, request });
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = fetch_text(sample.file)
                    .await
                    .and_then(|text| open_project(&text));
                dispatcher.dispatch(Action::Loaded { request, result });
            });
        })
    };

    // The first sample opens on start.
    {
        let on_open = on_open.clone();
        use_effect_with((), move |_| on_open.emit(&SAMPLES[0]));
    }

    // The floor prepared for drawing, again only when the project or the floor changes.
    let generation = state.loaded.as_ref().map(|l| l.generation);
    let scene = {
        let state = state.clone();
        use_memo((generation, state.floor_id.clone()), move |_| {
            let project = state.project()?;
            let floor = state.floor()?;
            Some(SceneHandle(Rc::new(FloorScene::new(project, floor))))
        })
    };

    let legend = {
        let scene = scene.clone();
        use_memo(
            (generation, state.floor_id.clone(), state.layers),
            move |(_, _, layers)| {
                scene
                    .as_ref()
                    .as_ref()
                    .map(|s| s.0.legend(*layers))
                    .unwrap_or_default()
            },
        )
    };

    let on_cursor = {
        let cursor = cursor.clone();
        Callback::from(move |p: Option<Point>| cursor.set(p))
    };
    let on_dismiss = on_action.reform(|()| Action::DismissError);
    let on_legend = {
        let legend_open = legend_open.clone();
        Callback::from(move |()| legend_open.set(!*legend_open))
    };

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
    let overlay = match (&state.loaded, floor, state.pending) {
        (None, _, Some((_, sample))) => Some(format!("Opening {}…", sample.label)),
        (None, _, None) => Some("No project is open. Choose one under “Open sample”.".to_owned()),
        (Some(_), None, _) => Some("This project has no floors yet.".to_owned()),
        (Some(_), Some(_), _) => None,
    };

    html! {
        <div class="app">
            <Toolbar
                title={state.loaded.as_ref().map(|l| AttrValue::from(l.title().to_owned()))}
                floors={floors}
                floor_id={state.floor_id.clone().map(AttrValue::from)}
                layers={state.layers}
                loading={state.pending.map(|(_, s)| s)}
                on_action={on_action.clone()}
                on_open={on_open}
                legend_open={*legend_open}
                on_legend={on_legend}
            />
            if let Some(message) = state.error.clone() {
                <ErrorBanner message={message} on_dismiss={on_dismiss} />
            }
            <div class="app__body">
            <main class="app__main">
                <PlanCanvas
                    scene={(*scene).clone()}
                    view={state.view}
                    viewport={state.viewport}
                    layers={state.layers}
                    on_action={on_action}
                    on_cursor={on_cursor}
                    overlay={overlay.map(AttrValue::from)}
                />
            </main>
            if *legend_open {
                <LegendPanel legend={(*legend).clone()} />
            }
            </div>
            <StatusBar
                floor={AttrValue::from(floor.map_or_else(|| "–".to_owned(), |f| f.name.clone()))}
                counts={AttrValue::from(counts.unwrap_or_default())}
                cursor={AttrValue::from(status::cursor_text(*cursor))}
                scale={AttrValue::from(floor.map_or_else(|| "1:–".to_owned(), |_| status::scale_text(&state.view)))}
                resolution={AttrValue::from(floor.map_or_else(|| "– m/px".to_owned(), |_| status::resolution_text(&state.view)))}
                warnings={state.loaded.as_ref().map(|l| l.warnings.clone()).unwrap_or_default()}
            />
        </div>
    }
}
