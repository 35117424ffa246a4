//! Fetching a file from the editor's own origin.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::document::opened::LoadError;

/// Fetches `path`, relative to the page (so always from the editor's own origin), as text.
pub async fn fetch_text(path: &str) -> Result<String, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no browser window".into()))?;
    let answer = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|e| LoadError::Network(js_message(&e)))?;
    let response: Response = answer
        .dyn_into()
        .map_err(|_| LoadError::Network("the answer is not an HTTP response".into()))?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
            reason: response.status_text(),
        });
    }
    let body = response
        .text()
        .map_err(|e| LoadError::Network(js_message(&e)))?;
    let text = JsFuture::from(body)
        .await
        .map_err(|e| LoadError::Network(js_message(&e)))?;
    text.as_string()
        .ok_or_else(|| LoadError::Network("the file is not text".into()))
}

/// The message of a JavaScript error value.
pub fn js_message(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".to_owned())
}
