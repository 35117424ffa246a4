//! Tests of the editor's browser glue in a real browser (headless Chromium through
//! chromedriver): IndexedDB storage, reading files and blobs, downloads, fetches, waiting for
//! a paint and drawing on a canvas. Everything else is tested natively.
//!
//! ```sh
//! CHROMEDRIVER=/usr/bin/chromedriver \
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test -p tailplan-web --target wasm32-unknown-unknown --test browser
//! ```
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Uint8Array};
use tailplan_core::{Floor, Project};
use tailplan_web::browser::storage::Store;
use tailplan_web::browser::{canvas, fetch, files};
use tailplan_web::document::autosave::{self, SavedMeta};
use tailplan_web::document::import;
use tailplan_web::document::{Document, Source};
use tailplan_web::plan::color::Rgba;
use tailplan_web::plan::display::{DisplayList, Path};
use tailplan_web::plan::view::Viewport;
use tailplan_web::state::LoadError;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Blob, BlobPropertyBag, File, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A database of its own for each test, so that tests never see each other's data.
fn db_name(test: &str) -> String {
    format!("tailplan-test-{test}-{}", js_sys::Math::random())
}

fn bytes_blob(bytes: &[u8]) -> Blob {
    let parts = Array::of1(&Uint8Array::from(bytes).into());
    Blob::new_with_u8_array_sequence(&parts).expect("a blob")
}

#[wasm_bindgen_test]
async fn storage_keeps_strings_and_forgets_them() {
    let store = Store::open(&db_name("strings"), "kv").await.expect("opens");
    assert_eq!(store.get("missing").await.unwrap(), None);
    store
        .put_all(&[("a", "first"), ("b", "second")])
        .await
        .unwrap();
    assert_eq!(store.get("a").await.unwrap().as_deref(), Some("first"));
    assert_eq!(store.get("b").await.unwrap().as_deref(), Some("second"));
    store.put_all(&[("a", "again")]).await.unwrap();
    assert_eq!(store.get("a").await.unwrap().as_deref(), Some("again"));
    store.delete("a").await.unwrap();
    assert_eq!(store.get("a").await.unwrap(), None);
    assert_eq!(store.get("b").await.unwrap().as_deref(), Some("second"));
}

#[wasm_bindgen_test]
async fn storage_survives_reopening_and_holds_big_projects() {
    let name = db_name("reopen");
    // 4 MB: more than localStorage's whole quota as UTF-16.
    let big = "x".repeat(4 * 1024 * 1024);
    {
        let store = Store::open(&name, "kv").await.unwrap();
        store.put_all(&[("big", &big)]).await.unwrap();
    }
    let store = Store::open(&name, "kv").await.unwrap();
    assert_eq!(
        store.get("big").await.unwrap().map(|s| s.len()),
        Some(big.len())
    );
}

#[wasm_bindgen_test]
async fn a_kept_project_is_restored_as_it_was() {
    let mut project = Project::new();
    project.meta.name = "HQ".into();
    project.floors.push(Floor::new("1", "L1", 0.0));
    project.floors.push(Floor::new("2", "L2", 3.5));
    let doc = Document::new(project.clone(), Source::New, "hq.tailplan.json");
    let meta = SavedMeta::of(&doc, Some("2")).to_text();
    let text = autosave::project_text(doc.project());
    let store = Store::open(&db_name("project"), autosave::STORE)
        .await
        .unwrap();
    store
        .put_all(&[(autosave::PROJECT_KEY, &text), (autosave::META_KEY, &meta)])
        .await
        .unwrap();
    let kept = store.get(autosave::PROJECT_KEY).await.unwrap().unwrap();
    let kept_meta = store.get(autosave::META_KEY).await.unwrap();
    let opened = autosave::restore(&kept, kept_meta.as_deref()).unwrap();
    assert_eq!(*opened.project, project);
    assert_eq!(opened.floor_id.as_deref(), Some("2"));
    assert_eq!(opened.file_name, "hq.tailplan.json");
}

#[wasm_bindgen_test]
async fn blobs_and_files_are_read_byte_for_byte() {
    let bytes: Vec<u8> = (0..=255).chain(0..=255).collect();
    assert_eq!(files::read_blob(&bytes_blob(&bytes)).await.unwrap(), bytes);

    let geojson = br#"{"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [8, 0]]},
         "properties": {"kind": "wall", "material": "brick"}}]}"#;
    let parts = Array::of1(&Uint8Array::from(&geojson[..]).into());
    let file = File::new_with_u8_array_sequence(&parts, "plan.geojson").unwrap();
    let read = files::read_file(&file).await.unwrap();
    assert_eq!(read, geojson);
    // A plan goes to the importers (in the files worker); a project file opens here.
    assert!(matches!(
        import::open_file(&file.name(), &read).unwrap(),
        import::FileKind::Plan
    ));
    let project = tailplan_core::project_file::to_json(&tailplan_core::Project::new());
    let parts = Array::of1(&Uint8Array::from(project.as_bytes()).into());
    let file = File::new_with_u8_array_sequence(&parts, "hq.tailplan.json").unwrap();
    let read = files::read_file(&file).await.unwrap();
    match import::open_file(&file.name(), &read).unwrap() {
        import::FileKind::Project(opened) => assert_eq!(opened.file_name, "hq.tailplan.json"),
        import::FileKind::Plan | import::FileKind::Antenna | import::FileKind::Survey => {
            panic!("a project file read as a plan")
        }
    }
}

#[wasm_bindgen_test]
fn a_download_is_offered_without_error() {
    files::download("test.tailplan.json", "{}", "application/json").unwrap();
}

#[wasm_bindgen_test]
async fn fetches_report_what_went_wrong() {
    match fetch::fetch_text("no-such-file.tailplan.json").await {
        Err(LoadError::Http { status: 404, .. }) => {}
        other => panic!("expected a 404, got {other:?}"),
    }
    // The page itself is served: a fetch that works gives its text.
    let text = fetch::fetch_text("./").await.unwrap();
    assert!(!text.is_empty());
}

#[wasm_bindgen_test]
async fn waiting_for_a_paint_returns() {
    // It resolves (it does not hang in a page that paints); how long it takes is not tested.
    files::next_paint().await;
}

#[wasm_bindgen_test]
fn a_display_list_is_drawn_on_a_canvas() {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    let mut list = DisplayList {
        background: Some(Rgba::hex(0xffffff)),
        ops: Vec::new(),
    };
    let mut p = Path::new();
    p.rect(10.0, 10.0, 20.0, 20.0);
    list.fill(p, Rgba::hex(0xff0000));
    canvas::render(&canvas, &list, Viewport::new(40.0, 40.0, 2.0)).unwrap();
    assert_eq!((canvas.width(), canvas.height()), (80, 80), "device pixels");
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let inside = ctx.get_image_data(40.0, 40.0, 1.0, 1.0).unwrap().data();
    assert_eq!(&inside[..3], &[255, 0, 0]);
    let outside = ctx.get_image_data(4.0, 4.0, 1.0, 1.0).unwrap().data();
    assert_eq!(&outside[..3], &[255, 255, 255]);
}

#[wasm_bindgen_test]
async fn an_unreadable_blob_is_an_error_not_a_panic() {
    // A blob whose type claims text but holds invalid UTF-8 still reads as bytes; the
    // importer says what is wrong.
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = Array::of1(&Uint8Array::from(&[0xff_u8, 0xfe, 0x00][..]).into());
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap();
    let bytes = files::read_blob(&blob).await.unwrap();
    assert_eq!(bytes, [0xff, 0xfe, 0x00]);
    // Not a project file: it goes to the importers (the files worker), which refuse it.
    assert!(matches!(
        import::open_file("odd.json", &bytes).unwrap(),
        import::FileKind::Plan
    ));
    let options = tailplan_io::import::ImportOptions::default();
    let err = tailplan_io::import::import_file("odd.json", &bytes, &options).unwrap_err();
    assert!(err.to_string().contains("UTF-8"), "{err}");
}
