//! The editor's worker: coverage, placement, routing, sheets, CSV and GeoJSON off the page's
//! main thread. Trunk builds it as a worker (`data-type="worker"` in `index.html`); the page
//! starts it through `tailplan-worker-loader.js`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tailplan_web::browser::worker_glue::run(tailplan_web::worker::host::Host::engine);
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("tailplan-worker runs in the browser, started by the editor");
}
