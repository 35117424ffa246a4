//! The browser edge of files: reading a file the user picked or dropped, offering a
//! download, and letting the browser paint before a long piece of work.

use gloo_timers::future::TimeoutFuture;
use js_sys::{Array, Promise, Uint8Array};
use tailplan_app::SheetDate;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

use crate::browser::fetch::js_message;
use crate::document::import::check_size;
use crate::document::opened::LoadError;

/// The bytes of a file the user gave (a file input's or a drop's).
pub async fn read_file(file: &File) -> Result<Vec<u8>, LoadError> {
    check_size(&file.name(), file.size() as u64)?;
    read_blob(file).await
}

/// The bytes of a blob.
pub async fn read_blob(blob: &Blob) -> Result<Vec<u8>, LoadError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| LoadError::Read(js_message(&e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Offers `text` as a download named `name` (a blob URL clicked through a link that is
/// never attached: no request leaves the page).
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| js_message(&e))?;
    download_blob(name, &blob)
}

/// A blob of text under a `blob:` URL, for an image to show (an SVG sheet in an `<img>`:
/// drawn, never run); the URL is revoked when this is dropped.
#[derive(Debug)]
pub struct ObjectUrl(String);

impl ObjectUrl {
    /// `text` of media type `mime`.
    pub fn new(text: &str, mime: &str) -> Result<Self, String> {
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let parts = Array::of1(&JsValue::from_str(text));
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(|e| js_message(&e))?;
        Url::create_object_url_with_blob(&blob)
            .map(Self)
            .map_err(|e| js_message(&e))
    }

    /// The URL.
    pub fn url(&self) -> &str {
        &self.0
    }
}

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        let _ = Url::revoke_object_url(&self.0);
    }
}

/// Offers `bytes` as a download named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| js_message(&e))?;
    download_blob(name, &blob)
}

/// Today's date on this computer (its calendar, not UTC): for title blocks.
pub fn today() -> SheetDate {
    let d = js_sys::Date::new_0();
    SheetDate::from_ymd(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| SheetDate::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64))
}

fn download_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let url = Url::create_object_url_with_blob(blob).map_err(|e| js_message(&e))?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .dyn_into()
        .map_err(|_| "not a link".to_owned())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the URL is no longer needed.
    Url::revoke_object_url(&url).map_err(|e| js_message(&e))
}

/// Resolves after the browser has painted a frame: call it before a long piece of work so
/// that a progress indicator shows first.
pub async fn next_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = Promise::new(&mut |resolve, _| {
        // A hidden tab gets no frames: the timeout resolves then (resolving twice is fine).
        let _ = window.request_animation_frame(&resolve);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = JsFuture::from(frame).await;
    // A task later, so that the frame is painted first.
    TimeoutFuture::new(0).await;
}
