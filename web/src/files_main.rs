//! The editor's files worker: importing plans (DXF, SVG, IMDF, GeoJSON, scans) and writing
//! DXF, off the page's main thread. A worker binary of its own, started the first time a
//! plan is imported or a DXF exported (the importers are most of its weight); the page
//! starts it through `tailplan-files-loader.js`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tailplan_web::browser::worker_glue::run(tailplan_web::worker::host::Host::files);
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("tailplan-files runs in the browser, started by the editor");
}
