//! The plan canvas: draws the floor's display list and turns pointer, wheel and keyboard
//! input into view actions.

use std::rc::Rc;

use tailplan_core::Point;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

use crate::canvas;
use crate::input::key_action;
use crate::layers::Layers;
use crate::scene::FloorScene;
use crate::state::Action;
use crate::view::{View, Viewport, WheelUnit, wheel_zoom_factor};

/// A prepared floor, compared by identity (preparing it again gives a new one).
#[derive(Debug, Clone)]
pub struct SceneHandle(pub Rc<FloorScene>);

impl PartialEq for SceneHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`PlanCanvas`].
#[derive(Properties, PartialEq)]
pub struct PlanCanvasProps {
    /// The floor to draw, if any.
    pub scene: Option<SceneHandle>,
    /// The view transform.
    pub view: View,
    /// The canvas size the state knows of.
    pub viewport: Viewport,
    /// Which layers are shown.
    pub layers: Layers,
    /// Changes the view (and reports drawing errors).
    pub on_action: Callback<Action>,
    /// Reports the world point under the cursor.
    pub on_cursor: Callback<Option<Point>>,
    /// Shown over the plan instead of it (loading, no floor).
    pub overlay: Option<AttrValue>,
}

/// An active drag: the pointer and where it was last.
#[derive(Debug, Clone, Copy)]
struct Drag {
    pointer: i32,
    x: f64,
    y: f64,
}

/// The plan, filling the space it is given.
#[function_component(PlanCanvas)]
pub fn plan_canvas(props: &PlanCanvasProps) -> Html {
    let container = use_node_ref();
    let canvas_ref = use_node_ref();
    let drag = use_mut_ref(|| None::<Drag>);
    let dragging = use_state(|| false);

    // Follow the container's size (and the display's pixel ratio) for the life of the
    // component.
    {
        let container = container.clone();
        let on_action = props.on_action.clone();
        use_effect_with((), move |_| {
            let observed = watch_size(&container, on_action);
            move || drop(observed)
        });
    }

    // Draw whenever what is drawn changes.
    {
        let canvas_ref = canvas_ref.clone();
        let on_action = props.on_action.clone();
        let deps = (
            props.scene.clone(),
            props.view,
            props.viewport,
            props.layers,
        );
        use_effect_with(deps, move |(scene, view, viewport, layers)| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                let result = draw(&canvas, scene.as_ref(), view, *viewport, *layers);
                if let Err(message) = result {
                    on_action.emit(Action::Error(format!(
                        "The plan could not be drawn: {message}."
                    )));
                }
            }
        });
    }

    let world_at = {
        let view = props.view;
        move |e: &MouseEvent| view.to_world(f64::from(e.offset_x()), f64::from(e.offset_y()))
    };

    let on_pointer_down = {
        let drag = drag.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            // Left or middle button, or a touch / pen contact.
            if e.button() != 0 && e.button() != 1 {
                return;
            }
            if e.button() == 1 {
                e.prevent_default(); // no autoscroll: the middle button pans too
            }
            if let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                // Keep receiving moves outside the canvas; failure only loses that nicety.
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            *drag.borrow_mut() = Some(Drag {
                pointer: e.pointer_id(),
                x: f64::from(e.client_x()),
                y: f64::from(e.client_y()),
            });
            dragging.set(true);
        })
    };
    let on_pointer_move = {
        let drag = drag.clone();
        let on_action = props.on_action.clone();
        let on_cursor = props.on_cursor.clone();
        Callback::from(move |e: PointerEvent| {
            on_cursor.emit(Some(world_at(&e)));
            let mut current = drag.borrow_mut();
            if let Some(d) = current.as_mut().filter(|d| d.pointer == e.pointer_id()) {
                let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
                let (dx, dy) = (x - d.x, y - d.y);
                (d.x, d.y) = (x, y);
                if dx != 0.0 || dy != 0.0 {
                    on_action.emit(Action::Pan { dx, dy });
                }
            }
        })
    };
    let end_drag = {
        let drag = drag.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            let mut current = drag.borrow_mut();
            if current.is_some_and(|d| d.pointer == e.pointer_id()) {
                *current = None;
                dragging.set(false);
            }
        })
    };
    let on_pointer_leave = {
        let on_cursor = props.on_cursor.clone();
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| {
            if drag.borrow().is_none() {
                on_cursor.emit(None);
            }
        })
    };
    let on_wheel = {
        let on_action = props.on_action.clone();
        let on_cursor = props.on_cursor.clone();
        let page = props.viewport.height;
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let unit = WheelUnit::from_delta_mode(e.delta_mode());
            let factor = wheel_zoom_factor(e.delta_y(), unit, page);
            let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
            on_action.emit(Action::ZoomAt { x, y, factor });
            on_cursor.emit(Some(world_at(&e)));
        })
    };
    let on_double_click = props.on_action.reform(|e: MouseEvent| {
        let factor = if e.shift_key() { 0.5 } else { 2.0 };
        Action::ZoomAt {
            x: f64::from(e.offset_x()),
            y: f64::from(e.offset_y()),
            factor,
        }
    });
    let on_key = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let modifier = e.ctrl_key() || e.meta_key() || e.alt_key();
            if let Some(action) = key_action(&e.key(), e.shift_key(), modifier) {
                e.prevent_default();
                on_action.emit(action);
            }
        })
    };

    let label = match &props.scene {
        Some(s) => format!(
            "Floor plan of {}. Drag to pan, wheel or + and − to zoom, F to fit, arrow keys to move.",
            s.0.floor_name
        ),
        None => "Floor plan".to_owned(),
    };
    let overlay = props.overlay.as_ref().map(|text| {
        html! { <div class="plan__overlay" aria-live="polite">{ text.clone() }</div> }
    });
    html! {
        <div class={classes!("plan", dragging.then_some("plan--dragging"))} ref={container}>
            <canvas
                ref={canvas_ref}
                class="plan__canvas"
                data-testid="plan-canvas"
                tabindex="0"
                role="application"
                aria-roledescription="floor plan"
                aria-label={label}
                onpointerdown={on_pointer_down}
                onpointermove={on_pointer_move}
                onpointerup={end_drag.clone()}
                onpointercancel={end_drag}
                onpointerleave={on_pointer_leave}
                onwheel={on_wheel}
                ondblclick={on_double_click}
                onkeydown={on_key}
            />
            { for overlay }
        </div>
    }
}

/// Draws the scene (or clears the canvas) and marks the canvas ready for tests.
fn draw(
    canvas: &HtmlCanvasElement,
    scene: Option<&SceneHandle>,
    view: &View,
    viewport: Viewport,
    layers: Layers,
) -> Result<(), String> {
    if viewport.is_empty() {
        return Ok(());
    }
    let list = match scene {
        Some(s) => s.0.frame(view, viewport, layers),
        None => crate::display::DisplayList {
            background: Some(crate::style::BACKGROUND),
            ops: Vec::new(),
        },
    };
    canvas::render(canvas, &list, viewport)?;
    let set = |name: &str, value: &str| {
        canvas
            .set_attribute(name, value)
            .map_err(|e| crate::fetch::js_message(&e))
    };
    match scene {
        Some(s) => {
            set("data-floor", &s.0.floor_id)?;
            set("data-ready", "true")
        }
        None => set("data-ready", "false"),
    }
}

/// What keeps the size observers alive; dropping it stops them.
struct SizeWatch {
    observer: Option<ResizeObserver>,
    _on_observe: Option<Closure<dyn FnMut()>>,
    on_window_resize: Option<Closure<dyn FnMut()>>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
        if let (Some(window), Some(cb)) = (web_sys::window(), &self.on_window_resize) {
            // Failure leaves a listener that only re-reads the size.
            let _ =
                window.remove_event_listener_with_callback("resize", cb.as_ref().unchecked_ref());
        }
    }
}

/// Reports the container's size now and whenever it (or the pixel ratio) changes.
fn watch_size(container: &NodeRef, on_action: Callback<Action>) -> SizeWatch {
    let Some(element) = container.cast::<Element>() else {
        return SizeWatch {
            observer: None,
            _on_observe: None,
            on_window_resize: None,
        };
    };
    let measure = {
        let element = element.clone();
        Rc::new(move || {
            let rect = element.get_bounding_client_rect();
            let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
            on_action.emit(Action::Resize(Viewport::new(
                rect.width(),
                rect.height(),
                dpr,
            )));
        })
    };
    measure();

    let observe = {
        let measure = measure.clone();
        Closure::<dyn FnMut()>::new(move || measure())
    };
    let observer = ResizeObserver::new(observe.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        o.observe(&element);
    }
    let on_window_resize = Closure::<dyn FnMut()>::new(move || measure());
    if let Some(window) = web_sys::window() {
        // Without it, a change of pixel ratio alone (browser zoom) goes unnoticed.
        let _ = window
            .add_event_listener_with_callback("resize", on_window_resize.as_ref().unchecked_ref());
    }
    SizeWatch {
        observer,
        _on_observe: Some(observe),
        on_window_resize: Some(on_window_resize),
    }
}
