//! Scans (raster underlays) decoded by the browser for drawing: each file made an image
//! once, kept in an image store the canvas draws from.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::{Blob, BlobPropertyBag, HtmlImageElement, Url};
use yew::prelude::*;

use crate::browser::canvas::{ImageSource, Images};
use crate::plan::display::ImageId;
use crate::plan::raster::RasterSource;

thread_local! {
    /// Scans decoded so far on this page: a new value redraws the plan.
    static SCANS_LOADED: Cell<u32> = const { Cell::new(0) };
}

/// The scans decoded so far.
pub struct Scans {
    /// The image store they join (the caller may keep its own images there too).
    pub images: Rc<RefCell<Images>>,
    /// Changes whenever one more has been decoded: draw again.
    pub loaded: u32,
}

/// Decodes the scans of `rasters` not yet decoded, whenever `rasters` changes; a scan that
/// cannot be given to the browser is reported to `on_error` (one that the browser cannot
/// decode is left out).
#[hook]
pub fn use_scans(rasters: &Rc<Vec<RasterSource>>, on_error: Callback<String>) -> Scans {
    let images = use_mut_ref(Images::new);
    // Bumped when a scan has loaded, to draw it.
    let loaded = use_state(|| 0u32);
    let loading = use_mut_ref(HashMap::<ImageId, Loading>::new);
    {
        let images = images.clone();
        let loaded = loaded.clone();
        use_effect_with(rasters.clone(), move |rasters| {
            if let Err(m) = start_loading(rasters, &images, &loading, &loaded) {
                on_error.emit(m);
            }
        });
    }
    Scans {
        images,
        loaded: *loaded,
    }
}

/// Starts decoding the scans of `rasters` not yet in `images` or on their way.
fn start_loading(
    rasters: &[RasterSource],
    images: &Rc<RefCell<Images>>,
    loading: &Rc<RefCell<HashMap<ImageId, Loading>>>,
    loaded: &UseStateHandle<u32>,
) -> Result<(), String> {
    for r in rasters {
        if images.borrow().0.contains_key(&r.id) || loading.borrow().contains_key(&r.id) {
            continue;
        }
        let l = load_image(r, images.clone(), loaded.clone())?;
        loading.borrow_mut().insert(r.id, l);
    }
    Ok(())
}

/// A scan being decoded: what must live until it has loaded.
struct Loading {
    _image: HtmlImageElement,
    _on_load: EventListener,
    _on_error: EventListener,
}

/// Starts decoding a scan's file; when done, it joins `images` and `loaded` is bumped.
fn load_image(
    r: &RasterSource,
    images: Rc<RefCell<Images>>,
    loaded: UseStateHandle<u32>,
) -> Result<Loading, String> {
    let err = |e: wasm_bindgen::JsValue| crate::browser::fetch::js_message(&e);
    let options = BlobPropertyBag::new();
    options.set_type(&r.mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(r.bytes.as_slice()));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(err)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(err)?;
    let image = HtmlImageElement::new().map_err(err)?;
    let id = r.id;
    let on_load = {
        let decoded = image.clone();
        let url = url.clone();
        EventListener::new(&image, "load", move |_| {
            let _ = Url::revoke_object_url(&url);
            images
                .borrow_mut()
                .0
                .insert(id, ImageSource::Image(decoded.clone()));
            // The entry in `loading` (this listener among it) stays: dropping a listener
            // while it runs is not allowed, and scans are few.
            let n = SCANS_LOADED.with(|c| {
                c.set(c.get() + 1);
                c.get()
            });
            loaded.set(n);
        })
    };
    let on_error = {
        let url = url.clone();
        EventListener::new(&image, "error", move |_| {
            let _ = Url::revoke_object_url(&url);
        })
    };
    image.set_src(&url);
    Ok(Loading {
        _image: image,
        _on_load: on_load,
        _on_error: on_error,
    })
}
