//! Working offline after the first visit: the page registers `sw.js`, a service worker that
//! keeps the editor's own files (page, scripts, wasm, styles, samples) in the browser's
//! cache and answers from it when the network is gone. The service worker and its file
//! list are written at build time by `web/offline.sh` (a Trunk hook).

use wasm_bindgen_futures::JsFuture;

/// The service worker's script, next to the page.
pub const SERVICE_WORKER_URL: &str = "./sw.js";

/// Registers the service worker, when the browser has them and the page is served over
/// HTTP(S) (not from a file). Failure only costs working offline, so it is only logged.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let navigator = window.navigator();
    let has = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has {
        return;
    }
    let promise = navigator.service_worker().register(SERVICE_WORKER_URL);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = JsFuture::from(promise).await {
            web_sys::console::warn_1(
                &format!(
                    "tailplan: working offline is not available ({})",
                    crate::browser::fetch::js_message(&e)
                )
                .into(),
            );
        }
    });
}
