//! The toolbar: project, floor switcher, view buttons, layer toggles and the sample menu.

use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, Node};
use yew::prelude::*;

use crate::input::ZOOM_STEP;
use crate::layers::{Layer, Layers};
use crate::state::{Action, SAMPLES, Sample};

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The project's name, when one is open.
    pub title: Option<AttrValue>,
    /// The floors: (id, name).
    pub floors: Vec<(AttrValue, AttrValue)>,
    /// The floor on screen.
    pub floor_id: Option<AttrValue>,
    /// Which layers are shown.
    pub layers: Layers,
    /// The sample being loaded, if any.
    pub loading: Option<&'static Sample>,
    /// Changes the view or the layers.
    pub on_action: Callback<Action>,
    /// Opens a sample.
    pub on_open: Callback<&'static Sample>,
    /// Whether the legend is shown.
    pub legend_open: bool,
    /// Shows or hides the legend.
    pub on_legend: Callback<()>,
}

/// The dark bar at the top of the editor.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let has_floor = props.floor_id.is_some();

    let on_floor = props.on_action.reform(|e: Event| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        Action::SelectFloor(value)
    });
    let floor_options = props.floors.iter().map(|(id, name)| {
        let selected = props.floor_id.as_ref() == Some(id);
        html! { <option value={id.clone()} selected={selected}>{ name.clone() }</option> }
    });

    let on_fit = props.on_action.reform(|_: MouseEvent| Action::Fit);
    let on_zoom_in = props
        .on_action
        .reform(|_: MouseEvent| Action::ZoomCenter(ZOOM_STEP));
    let on_zoom_out = props
        .on_action
        .reform(|_: MouseEvent| Action::ZoomCenter(1.0 / ZOOM_STEP));

    let toggles = Layer::ALL.iter().map(|&layer| {
        let shown = props.layers.shows(layer);
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| Action::ToggleLayer(layer));
        html! {
            <button
                type="button"
                class={classes!("toggle", format!("toggle--{}", layer.name()))}
                aria-pressed={if shown { "true" } else { "false" }}
                title={format!("{} – click to {}", layer.description(), if shown { "hide" } else { "show" })}
                data-testid={format!("layer-{}", layer.name())}
                {onclick}
            >
                <span class="toggle__swatch" aria-hidden="true"></span>
                <span class="toggle__label">{ layer.label() }</span>
            </button>
        }
    });

    html! {
        <header class="toolbar">
            <div class="brand" title="tailplan – the final tail of the network">
                <svg class="brand__glyph" viewBox="0 0 32 32" aria-hidden="true">
                    <rect x="3" y="3" width="26" height="26" rx="5" fill="none" stroke="currentColor" stroke-width="2.2"/>
                    <path d="M3 16h11v13M14 16V3" fill="none" stroke="currentColor" stroke-width="2.2"/>
                    <circle cx="22.5" cy="9.5" r="3" fill="#60a5fa"/>
                    <circle cx="22.5" cy="22.5" r="3" fill="#f97316"/>
                    <path d="M22.5 12.5v7" stroke="#cbd5e1" stroke-width="1.6" stroke-dasharray="2 1.6"/>
                </svg>
                <span class="brand__name">{ "tailplan" }</span>
            </div>
            <div class="toolbar__project" data-testid="project-name" title="Project">
                { props.title.clone().unwrap_or_else(|| AttrValue::from("No project")) }
            </div>
            <div class="toolbar__group">
                <label class="field">
                    <span class="field__label">{ "Floor" }</span>
                    <select
                        class="select"
                        data-testid="floor-select"
                        aria-label="Floor"
                        disabled={props.floors.is_empty()}
                        onchange={on_floor}
                    >
                        { for floor_options }
                    </select>
                </label>
            </div>
            <div class="toolbar__group" role="group" aria-label="View">
                <button type="button" class="btn" data-testid="fit-button" title="Fit the floor to the window (F)" disabled={!has_floor} onclick={on_fit}>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
                    { "Fit" }
                </button>
                <button type="button" class="btn btn--icon" data-testid="zoom-out" title="Zoom out (−)" aria-label="Zoom out" disabled={!has_floor} onclick={on_zoom_out}>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8h10" stroke="currentColor" stroke-width="1.8"/></svg>
                </button>
                <button type="button" class="btn btn--icon" data-testid="zoom-in" title="Zoom in (+)" aria-label="Zoom in" disabled={!has_floor} onclick={on_zoom_in}>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8h10M8 3v10" stroke="currentColor" stroke-width="1.8"/></svg>
                </button>
            </div>
            <div class="toolbar__group toolbar__layers" role="group" aria-label="Layers">
                { for toggles }
            </div>
            <div class="toolbar__group">
                <button
                    type="button"
                    class="toggle toggle--legend"
                    aria-pressed={if props.legend_open { "true" } else { "false" }}
                    title={if props.legend_open { "Hide the legend" } else { "Show the legend" }}
                    data-testid="legend-toggle"
                    onclick={props.on_legend.reform(|_: MouseEvent| ())}
                >
                    <svg class="toggle__icon" viewBox="0 0 16 16" aria-hidden="true">
                        <path d="M2 3.5h2M6 3.5h8M2 8h2M6 8h8M2 12.5h2M6 12.5h8" stroke="currentColor" stroke-width="1.6"/>
                    </svg>
                    <span class="toggle__label">{ "Legend" }</span>
                </button>
            </div>
            <div class="toolbar__spacer"></div>
            <SampleMenu loading={props.loading} on_open={props.on_open.clone()} />
        </header>
    }
}

/// Properties of [`SampleMenu`].
#[derive(Properties, PartialEq)]
struct SampleMenuProps {
    /// The sample being loaded, if any.
    loading: Option<&'static Sample>,
    /// Opens a sample.
    on_open: Callback<&'static Sample>,
}

/// The "Open sample" menu button.
#[function_component(SampleMenu)]
fn sample_menu(props: &SampleMenuProps) -> Html {
    let open = use_state(|| false);
    let container = use_node_ref();

    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
            }
        })
    };
    // Close when the focus leaves the menu.
    let on_focus_out = {
        let open = open.clone();
        let container = container.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<Node>().ok())
                .zip(container.get())
                .is_some_and(|(target, c)| c.contains(Some(&target)));
            if !inside {
                open.set(false);
            }
        })
    };

    let items = SAMPLES.iter().map(|sample| {
        let onclick = {
            let open = open.clone();
            let on_open = props.on_open.clone();
            Callback::from(move |_: MouseEvent| {
                open.set(false);
                on_open.emit(sample);
            })
        };
        html! {
            <li role="none">
                <button type="button" role="menuitem" class="menu__item" data-testid={format!("sample-{}", sample.key)} {onclick}>
                    <span class="menu__label">{ sample.label }</span>
                    <span class="menu__file">{ sample.file }</span>
                </button>
            </li>
        }
    });

    let caption = match props.loading {
        Some(s) => format!("Opening {}…", s.label),
        None => "Open sample".to_owned(),
    };
    html! {
        <div class="menu" ref={container} onkeydown={on_key} onfocusout={on_focus_out}>
            <button
                type="button"
                class="btn btn--primary"
                data-testid="sample-menu"
                aria-haspopup="menu"
                aria-expanded={if *open { "true" } else { "false" }}
                title="Open one of the sample buildings"
                onclick={on_toggle}
            >
                { caption }
                <svg class="btn__caret" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
            </button>
            if *open {
                <ul class="menu__list" role="menu" aria-label="Sample projects">
                    { for items }
                </ul>
            }
        </div>
    }
}
