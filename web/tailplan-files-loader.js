// Starts the editor's files worker (imports, DXF): its wasm-bindgen glue, built without
// modules (Trunk's worker target), then its wasm. The page creates it when it first needs it.
importScripts('./tailplan-files.js');
wasm_bindgen({ module_or_path: './tailplan-files_bg.wasm' });
