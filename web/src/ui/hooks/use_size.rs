//! An element's size in CSS pixels and the display's pixel ratio, followed.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

use crate::plan::view::Viewport;

/// Reports `container`'s size to `on_resize` when the component mounts, and whenever it (or
/// the pixel ratio: browser zoom, another screen) changes, for the life of the component.
#[hook]
pub fn use_size(container: &NodeRef, on_resize: Callback<Viewport>) {
    let container = container.clone();
    use_effect_with((), move |_| {
        let observed = watch_size(&container, on_resize);
        move || drop(observed)
    });
}

/// What keeps the size observers alive; dropping it stops them.
struct SizeWatch {
    observer: Option<ResizeObserver>,
    _on_observe: Option<Closure<dyn FnMut()>>,
    _on_window_resize: Option<EventListener>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// Reports the container's size now and whenever it (or the pixel ratio) changes.
fn watch_size(container: &NodeRef, on_resize: Callback<Viewport>) -> SizeWatch {
    let Some(element) = container.cast::<Element>() else {
        return SizeWatch {
            observer: None,
            _on_observe: None,
            _on_window_resize: None,
        };
    };
    let measure = {
        let element = element.clone();
        Rc::new(move || {
            let rect = element.get_bounding_client_rect();
            let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
            on_resize.emit(Viewport::new(rect.width(), rect.height(), dpr));
        })
    };
    measure();

    // The observer takes a JavaScript function of its own (gloo has no ResizeObserver).
    let observe = {
        let measure = measure.clone();
        Closure::<dyn FnMut()>::new(move || measure())
    };
    let observer = ResizeObserver::new(observe.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        o.observe(&element);
    }
    // Without it, a change of pixel ratio alone (browser zoom) goes unnoticed.
    let on_window_resize =
        web_sys::window().map(|w| EventListener::new(&w, "resize", move |_| measure()));
    SizeWatch {
        observer,
        _on_observe: Some(observe),
        _on_window_resize: on_window_resize,
    }
}
