//! Opening a project: on start the one kept in this browser (else the first sample), then a
//! sample from the menu, or a file picked or dropped. Each opening is numbered, so that only
//! the latest one's answer counts.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::File;
use yew::prelude::*;

use super::use_files_worker::FilesWorker;
use crate::browser::fetch::fetch_text;
use crate::browser::files;
use crate::browser::storage::Store;
use crate::document::autosave::{self, META_KEY, PROJECT_KEY};
use crate::document::import::{self, FileKind};
use crate::state::{Action, AppState, SAMPLES, Sample, open_sample};
use crate::worker::protocol::{ImportChoice, ToWorker};

/// Hands out request numbers, so that only the latest opening's answer counts.
#[derive(Default)]
struct Requests(u32);

impl Requests {
    fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }
}

/// What opens a project.
pub struct Opening {
    /// Fetches and opens a sample.
    pub open_sample: Callback<&'static Sample>,
    /// Opens a file picked or dropped: a project file, or a plan to import.
    pub open_file: Callback<File>,
}

/// Opens the project kept in this browser (or the first sample) when the editor mounts, and
/// gives the callbacks that open the others.
#[hook]
pub fn use_opening(state: &UseReducerHandle<AppState>, files: &FilesWorker) -> Opening {
    let requests = use_mut_ref(Requests::default);

    // On start: the project kept in this browser, else the first sample.
    {
        let dispatcher = state.dispatcher();
        let requests = requests.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(start(dispatcher, requests));
        });
    }

    let open_sample = {
        let dispatcher = state.dispatcher();
        let requests = requests.clone();
        Callback::from(move |sample: &'static Sample| {
            let request = requests.borrow_mut().next();
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                open_sample_now(&dispatcher, request, sample).await;
            });
        })
    };
    let open_file = {
        let dispatcher = state.dispatcher();
        let files = files.clone();
        Callback::from(move |file: File| {
            open_bytes(dispatcher.clone(), requests.clone(), files.clone(), file)
        })
    };
    Opening {
        open_sample,
        open_file,
    }
}

/// Opens `file`'s bytes (a file picked or dropped) off the main loop: a project file here,
/// a plan through the files worker's importers.
fn open_bytes(
    dispatcher: UseReducerDispatcher<AppState>,
    requests: Rc<RefCell<Requests>>,
    files_worker: FilesWorker,
    file: File,
) {
    let request = requests.borrow_mut().next();
    let name = file.name();
    dispatcher.dispatch(Action::StartLoading {
        label: format!("“{name}”"),
        request,
    });
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = files::read_file(&file).await;
        files::next_paint().await;
        let result = match bytes.and_then(|b| import::open_file(&name, &b).map(|k| (k, b))) {
            Ok((FileKind::Project(opened), _)) => Ok(opened),
            Ok((kind @ (FileKind::Antenna | FileKind::Survey), bytes)) => {
                // Read by the files worker, where the readers are; the page makes the edit
                // that adds what was read to the project.
                let c = files_worker.get();
                let job = c.next_job();
                dispatcher.dispatch(Action::FileSent {
                    request,
                    job,
                    name: name.clone(),
                });
                let message = match kind {
                    FileKind::Survey => ToWorker::ReadSurvey { job, name },
                    _ => ToWorker::ReadAntenna { job, name },
                };
                c.send(&message, Some(bytes));
                return;
            }
            Ok((FileKind::Plan, bytes)) => {
                let c = files_worker.get();
                let job = c.next_job();
                let bytes = Rc::new(bytes);
                dispatcher.dispatch(Action::ImportSent {
                    request,
                    job,
                    name: name.clone(),
                    bytes: bytes.clone(),
                });
                let options = ImportChoice {
                    provisional: true,
                    ..ImportChoice::default()
                };
                c.send(
                    &ToWorker::Import { job, name, options },
                    Some(bytes.as_ref().clone()),
                );
                return;
            }
            Err(e) => Err(e),
        };
        dispatcher.dispatch(Action::Loaded { request, result });
    });
}

/// Fetches and opens a sample.
async fn open_sample_now(
    dispatcher: &UseReducerDispatcher<AppState>,
    request: u32,
    sample: &'static Sample,
) {
    dispatcher.dispatch(Action::StartLoading {
        label: sample.describe(),
        request,
    });
    let text = fetch_text(sample.file).await;
    files::next_paint().await;
    let result = text.and_then(|t| open_sample(sample, &t));
    dispatcher.dispatch(Action::Loaded { request, result });
}

/// Restores the project kept in this browser, or opens the first sample on a first visit.
async fn start(dispatcher: UseReducerDispatcher<AppState>, requests: Rc<RefCell<Requests>>) {
    let kept = match Store::open(autosave::DB_NAME, autosave::STORE).await {
        Ok(store) => match store.get(PROJECT_KEY).await {
            Ok(Some(project)) => Some((project, store.get(META_KEY).await.ok().flatten())),
            _ => None,
        },
        Err(_) => None,
    };
    let Some((project, meta)) = kept else {
        let request = requests.borrow_mut().next();
        open_sample_now(&dispatcher, request, &SAMPLES[0]).await;
        return;
    };
    let request = requests.borrow_mut().next();
    dispatcher.dispatch(Action::StartLoading {
        label: "the project kept in this browser".into(),
        request,
    });
    files::next_paint().await;
    match autosave::restore(&project, meta.as_deref()) {
        Ok(opened) => {
            dispatcher.dispatch(Action::Loaded {
                request,
                result: Ok(opened),
            });
            dispatcher.dispatch(Action::Notice(
                "Restored the project kept in this browser".into(),
            ));
        }
        Err(e) => {
            // The damaged copy stays until the next change overwrites it; the sample opens.
            let next = requests.borrow_mut().next();
            open_sample_now(&dispatcher, next, &SAMPLES[0]).await;
            dispatcher.dispatch(Action::Error(format!(
                "Could not restore your project: {e}."
            )));
        }
    }
}
