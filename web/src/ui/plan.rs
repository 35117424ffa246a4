//! The plan: the floor on one canvas, the editing overlay on a second one over it, and the
//! things that float over them (the tool's hint, progress, messages, the drop target).
//! Pointer, wheel and drop events become actions; the reducer decides what they do.

use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, HtmlCanvasElement};
use yew::prelude::*;

use super::hooks::{Scans, use_scans, use_size};
use super::icons;
use crate::browser::canvas::{self, ImageSource, Images};
use crate::browser::events::select_value;
use crate::panels::coverage::HeatmapData;
use crate::panels::coverage::heatmap::{self, ColourScale};
use crate::plan::display::{DisplayList, ImageId};
use crate::plan::layers::Layers;
use crate::plan::raster::RasterSource;
use crate::plan::scene::{FloorScene, FrameOptions};
use crate::plan::view::{View, Viewport, WheelUnit, wheel_zoom_factor};
use crate::state::tools::Tool;
use crate::state::{Action, Notice, PointerInput, PointerPhase};

/// A prepared floor, compared by identity (preparing it again gives a new one).
#[derive(Debug, Clone)]
pub struct SceneHandle(pub Rc<FloorScene>);

impl PartialEq for SceneHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A heatmap to draw, compared by identity.
#[derive(Debug, Clone)]
pub struct HeatHandle(pub Rc<HeatmapData>, pub ColourScale);

impl PartialEq for HeatHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

/// Properties of [`PlanCanvas`].
#[derive(Properties, PartialEq)]
pub struct PlanCanvasProps {
    /// The heatmap to draw under the walls, if any.
    pub heat: Option<HeatHandle>,
    /// The scans of the floor.
    pub rasters: Rc<Vec<RasterSource>>,
    /// The floor to draw, if any.
    pub scene: Option<SceneHandle>,
    /// The view transform.
    pub view: View,
    /// The canvas size the state knows of.
    pub viewport: Viewport,
    /// Which layers are shown.
    pub layers: Layers,
    /// Elements left out of the floor (being dragged; the overlay draws them).
    pub hidden: Rc<HashSet<String>>,
    /// The editing overlay.
    pub overlay: Rc<DisplayList>,
    /// The tool in hand.
    pub tool: Tool,
    /// `pan`, `panning`, `moving` or empty: the cursor to show.
    pub cursor: &'static str,
    /// The tool's hint.
    pub hint: AttrValue,
    /// The wall material, and the library's materials (name, colour), for the wall tool.
    pub wall_material: AttrValue,
    /// The library's materials: (name, css colour).
    pub materials: Rc<Vec<(String, String)>>,
    /// State actions.
    pub on_action: Callback<Action>,
    /// A file was dropped on the plan.
    pub on_drop_file: Callback<File>,
    /// Shown over the plan instead of it (no project, no floor).
    pub message: Option<AttrValue>,
    /// What is being opened, with a progress indicator.
    pub progress: Option<AttrValue>,
    /// A short message.
    pub notice: Option<Notice>,
}

fn pointer(phase: PointerPhase, e: &MouseEvent) -> Action {
    Action::Pointer(PointerInput {
        phase,
        x: f64::from(e.offset_x()),
        y: f64::from(e.offset_y()),
        button: e.button(),
        shift: e.shift_key(),
        alt: e.alt_key(),
    })
}

/// The plan, filling the space it is given.
#[function_component(PlanCanvas)]
pub fn plan_canvas(props: &PlanCanvasProps) -> Html {
    let container = use_node_ref();
    let canvas_ref = use_node_ref();
    let overlay_ref = use_node_ref();
    let dropping = use_state(|| false);
    let layered = use_mut_ref(|| None::<Layered>);
    let Scans {
        images,
        loaded: images_loaded,
    } = use_scans(
        &props.rasters,
        props
            .on_action
            .reform(|m| Action::Error(format!("The scanned drawing could not be shown: {m}."))),
    );
    // Follow the container's size (and the display's pixel ratio) for the life of the
    // component.
    use_size(&container, props.on_action.reform(Action::Resize));

    // Draw the floor whenever what is drawn of it changes; a new heatmap alone only
    // recomposes the layers drawn before.
    {
        let canvas_ref = canvas_ref.clone();
        let on_action = props.on_action.clone();
        let images = images.clone();
        let layered = layered.clone();
        let deps = (
            props.scene.clone(),
            props.view,
            props.viewport,
            props.layers,
            props.hidden.clone(),
            props.heat.clone(),
            images_loaded,
        );
        use_effect_with(
            deps,
            move |(scene, view, viewport, layers, hidden, heat, loaded)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    let frame = Frame {
                        scene: scene.as_ref(),
                        view,
                        viewport: *viewport,
                        layers: *layers,
                        hidden,
                        heat: heat.as_ref(),
                        loaded: *loaded,
                    };
                    let result = draw(
                        &canvas,
                        &frame,
                        &mut images.borrow_mut(),
                        &mut layered.borrow_mut(),
                    );
                    if let Err(message) = result {
                        on_action.emit(Action::Error(format!(
                            "The plan could not be drawn: {message}."
                        )));
                    }
                }
            },
        );
    }

    // Draw the overlay whenever it changes (the floor stays as it is).
    {
        let overlay_ref = overlay_ref.clone();
        let on_action = props.on_action.clone();
        use_effect_with(
            (props.overlay.clone(), props.viewport),
            move |(overlay, viewport)| {
                if let Some(canvas) = overlay_ref.cast::<HtmlCanvasElement>()
                    && !viewport.is_empty()
                    && let Err(message) = canvas::render(&canvas, overlay, *viewport)
                {
                    on_action.emit(Action::Error(format!(
                        "The plan could not be drawn: {message}."
                    )));
                }
            },
        );
    }

    let on_pointer_down = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() == 1 {
                e.prevent_default(); // no autoscroll: the middle button pans
            }
            if let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlCanvasElement>().ok())
            {
                // Keep receiving moves outside the canvas; failure only loses that nicety.
                let _ = target.set_pointer_capture(e.pointer_id());
                let _ = target.focus();
            }
            on_action.emit(pointer(PointerPhase::Down, &e));
        })
    };
    let on_pointer_move = props
        .on_action
        .reform(|e: PointerEvent| pointer(PointerPhase::Move, &e));
    let on_pointer_up = props
        .on_action
        .reform(|e: PointerEvent| pointer(PointerPhase::Up, &e));
    let on_pointer_cancel = props
        .on_action
        .reform(|e: PointerEvent| pointer(PointerPhase::Cancel, &e));
    let on_pointer_leave = props
        .on_action
        .reform(|_: PointerEvent| Action::PointerLeave);
    let on_double_click = props
        .on_action
        .reform(|e: MouseEvent| pointer(PointerPhase::DoubleClick, &e));
    let on_wheel = {
        let on_action = props.on_action.clone();
        let page = props.viewport.height;
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let unit = WheelUnit::from_delta_mode(e.delta_mode());
            let factor = wheel_zoom_factor(e.delta_y(), unit, page);
            let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
            on_action.emit(Action::ZoomAt { x, y, factor });
            on_action.emit(pointer(PointerPhase::Move, &e));
        })
    };
    let on_context_menu = Callback::from(|e: MouseEvent| e.prevent_default());

    // Files dropped on the plan open like the Open button's.
    let on_drag_over = {
        let dropping = dropping.clone();
        Callback::from(move |e: DragEvent| {
            let has_files = e.data_transfer().is_some_and(|d| {
                d.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            });
            if has_files {
                e.prevent_default();
                if !*dropping {
                    dropping.set(true);
                }
            }
        })
    };
    let on_drag_leave = {
        let dropping = dropping.clone();
        Callback::from(move |_: DragEvent| dropping.set(false))
    };
    let on_drop = {
        let dropping = dropping.clone();
        let on_drop_file = props.on_drop_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dropping.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                on_drop_file.emit(file);
            }
        })
    };

    let label = match &props.scene {
        Some(s) => format!(
            "Floor plan of {}. Tool: {}. {}",
            s.0.floor_name,
            props.tool.label(),
            props.hint
        ),
        None => "Floor plan".to_owned(),
    };
    let message = props.message.as_ref().map(|text| {
        html! { <div class="plan__overlay" aria-live="polite" data-testid="plan-message">{ text.clone() }</div> }
    });
    let progress = props.progress.as_ref().map(|text| {
        let first = props.scene.is_none();
        html! {
            <div class={classes!("progress", first.then_some("progress--first"))} role="progressbar" aria-busy="true" aria-label={text.clone()} data-testid="progress">
                <div class="progress__bar"><div class="progress__fill"></div></div>
                <span class="progress__text">{ text.clone() }</span>
            </div>
        }
    });
    let notice = props.notice.as_ref().map(|n| {
        html! { <div class="toast" role="status" data-testid="notice" key={n.id.to_string()}>{ n.text.clone() }</div> }
    });
    let drop_hint = dropping.then(|| {
        html! {
            <div class="plan__drop" data-testid="drop-target">
                <div class="plan__drop-card">{ "Drop to open the project or import the plan" }</div>
            </div>
        }
    });
    let material_select = (props.tool == Tool::Wall).then(|| {
        let onchange = props.on_action.reform(|e: Event| {
            let value = select_value(&e);
            Action::SetWallMaterial(value)
        });
        let colour = props
            .materials
            .iter()
            .find(|(n, _)| n.as_str() == props.wall_material.as_str())
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        html! {
            <label class="hint__field">
                // An SVG fill, not a style attribute: the page's policy allows no inline styles.
                <svg class="hint__swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="3" fill={colour} /></svg>
                <span class="visually-hidden">{ "Wall material" }</span>
                <select class="select select--light" data-testid="wall-material" aria-label="Wall material" title="The material of new walls (from the project's library)" {onchange}>
                    { for props.materials.iter().map(|(name, _)| html! {
                        <option value={name.clone()} selected={name.as_str() == props.wall_material.as_str()}>{ name.replace('_', " ") }</option>
                    }) }
                </select>
            </label>
        }
    });
    let hint = props.scene.is_some().then(|| {
        html! {
            <div class="hint" data-testid="tool-hint" aria-live="polite">
                <span class="hint__tool">{ icons::tool(props.tool) }{ props.tool.label() }</span>
                { for material_select }
                <span class="hint__text">{ props.hint.clone() }</span>
            </div>
        }
    });
    html! {
        <div
            class={classes!("plan", format!("plan--tool-{}", props.tool.name()), (!props.cursor.is_empty()).then(|| format!("plan--{}", props.cursor)))}
            ref={container}
            ondragover={on_drag_over}
            ondragleave={on_drag_leave}
            ondrop={on_drop}
        >
            <canvas
                ref={canvas_ref}
                class="plan__canvas"
                data-testid="plan-canvas"
                data-tool={props.tool.name()}
                tabindex="0"
                role="application"
                aria-roledescription="floor plan"
                aria-label={label}
                onpointerdown={on_pointer_down}
                onpointermove={on_pointer_move}
                onpointerup={on_pointer_up}
                onpointercancel={on_pointer_cancel}
                onpointerleave={on_pointer_leave}
                onwheel={on_wheel}
                ondblclick={on_double_click}
                oncontextmenu={on_context_menu}
            />
            <canvas ref={overlay_ref} class="plan__overlay-canvas" data-testid="plan-overlay" aria-hidden="true" />
            // One node each, present or empty: yew matches unkeyed children from the end, so
            // a child that came and went (a notice, the progress bar) shifted the match onto
            // the canvases, which were made again, and the floor was drawn into a canvas no
            // longer on the page (seen after calibrating: a blank plan under the overlay).
            { hint.unwrap_or_default() }
            { progress.unwrap_or_default() }
            { message.unwrap_or_default() }
            { notice.unwrap_or_default() }
            { drop_hint.unwrap_or_default() }
        </div>
    }
}

/// What one draw of the floor needs.
struct Frame<'a> {
    scene: Option<&'a SceneHandle>,
    view: &'a View,
    viewport: Viewport,
    layers: Layers,
    hidden: &'a Rc<HashSet<String>>,
    heat: Option<&'a HeatHandle>,
    loaded: u32,
}

/// The floor drawn in two cached layers, under and over the heatmap's slot.
struct Layered {
    below: HtmlCanvasElement,
    above: HtmlCanvasElement,
    /// What they show: (scene, view, viewport, layers, hidden, scans loaded).
    key: (usize, View, Viewport, Layers, usize, u32),
    /// The heatmap image in the store.
    heat: Option<ImageId>,
}

/// Draws the floor (or clears the canvas) and marks the canvas ready for tests: the layers
/// under and over the walls are drawn again only when the view, the floor or the layers
/// change; the heatmap is put between them.
fn draw(
    canvas: &HtmlCanvasElement,
    f: &Frame<'_>,
    images: &mut Images,
    layered: &mut Option<Layered>,
) -> Result<(), String> {
    if f.viewport.is_empty() {
        return Ok(());
    }
    let set = |name: &str, value: &str| {
        canvas
            .set_attribute(name, value)
            .map_err(|e| crate::browser::fetch::js_message(&e))
    };
    let Some(scene) = f.scene else {
        let list = DisplayList {
            background: Some(crate::plan::style::BACKGROUND),
            ops: Vec::new(),
        };
        canvas::render(canvas, &list, f.viewport)?;
        return set("data-ready", "false");
    };

    // The heatmap's image, made once per heatmap.
    let heat_id = f.heat.map(|h| h.0.image_id());
    let old = layered.as_ref().and_then(|l| l.heat);
    if old != heat_id {
        if let Some(old) = old {
            images.0.remove(&old);
        }
        if let Some(h) = f.heat {
            let r = &h.0.result;
            let rgba = heatmap::rgba_image(&r.grid, &h.0.values, h.1);
            let c = canvas::canvas_of_rgba(&rgba, r.grid.cols as u32, r.grid.rows as u32)?;
            images.0.insert(h.0.image_id(), ImageSource::Canvas(c));
        }
    }

    let key = (
        Rc::as_ptr(&scene.0) as usize,
        *f.view,
        f.viewport,
        f.layers,
        Rc::as_ptr(f.hidden) as usize,
        f.loaded,
    );
    let fresh = layered.as_ref().is_none_or(|l| l.key != key);
    if fresh {
        let (below, above) = match layered.take() {
            Some(l) => (l.below, l.above),
            None => (canvas::new_canvas()?, canvas::new_canvas()?),
        };
        let options = FrameOptions {
            hidden: (!f.hidden.is_empty()).then_some(f.hidden.as_ref()),
            ..FrameOptions::default()
        };
        let (under, over) = scene.0.frame_layers(f.view, f.viewport, f.layers, &options);
        canvas::render_with(&below, &under, f.viewport, images)?;
        canvas::render_with(&above, &over, f.viewport, images)?;
        *layered = Some(Layered {
            below,
            above,
            key,
            heat: heat_id,
        });
    }
    let Some(l) = layered.as_mut() else {
        return Ok(());
    };
    l.heat = heat_id;
    let mut heat_list = DisplayList::default();
    if let Some(h) = f.heat {
        heat_list.image(heatmap::image_op(&h.0.result.grid, h.0.image_id(), f.view));
    }
    canvas::compose(
        canvas,
        &[
            canvas::Layer::Canvas(&l.below),
            canvas::Layer::List(&heat_list, images),
            canvas::Layer::Canvas(&l.above),
        ],
        f.viewport,
    )?;
    // The view transform, for automation: screen = origin + scale * (x, -y), CSS px.
    set(
        "data-view",
        &format!("{} {} {}", f.view.scale, f.view.origin_x, f.view.origin_y),
    )?;
    set("data-floor", &scene.0.floor_id)?;
    match f.heat {
        Some(h) => {
            let r = &h.0.result;
            set(
                "data-heat",
                &format!("{} {}", r.job, if r.fine { "fine" } else { "coarse" }),
            )?;
        }
        None => {
            let _ = canvas.remove_attribute("data-heat");
        }
    }
    set("data-ready", "true")
}
