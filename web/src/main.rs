//! The editor's entry point; Trunk builds it for `wasm32-unknown-unknown`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tailplan_web::run();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "tailplan-web is the browser editor: build it with `trunk build --release --offline` \
         and open dist/index.html through a web server"
    );
}
