// Starts the editor's worker (web/src/worker/, its browser edge web/src/browser/worker_glue.rs):
// its wasm-bindgen glue, built without modules (Trunk's worker target), then its wasm. The
// page creates it with `new Worker(...)`.
importScripts('./tailplan-worker.js');
wasm_bindgen({ module_or_path: './tailplan-worker_bg.wasm' });
