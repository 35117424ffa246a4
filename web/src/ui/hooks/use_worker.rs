//! The main worker (coverage, placement, routing, sheets, exports): started once for the
//! page's life, sent the coverage job the state wants, and what it sends back turned into
//! actions.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::files;
use crate::browser::worker_client::{self, Incoming, WorkerClient};
use crate::panels::coverage::HeatmapData;
use crate::state::{Action, AppState, JobKind};
use crate::worker::protocol::{DocKey, FIRST_JOB, FromWorker, JobId, ToWorker};

/// A worker's handle, once started.
pub type ClientCell = Rc<RefCell<Option<WorkerClient>>>;

/// Starts the main worker when the editor mounts and keeps it for the page's life; sends it
/// the coverage job the state wants (again when the worker was replaced), or stops the one
/// it is doing. The handle is empty until the first effect has run.
#[hook]
pub fn use_worker(state: &UseReducerHandle<AppState>) -> ClientCell {
    let client: ClientCell = use_mut_ref(|| None);

    // The worker, for the page's life.
    {
        let dispatcher = state.dispatcher();
        let client = client.clone();
        use_effect_with((), move |_| {
            let handler: Rc<dyn Fn(Incoming)> = Rc::new(move |m| incoming(&dispatcher, m));
            *client.borrow_mut() = Some(WorkerClient::start(
                worker_client::ENGINE_URL,
                FIRST_JOB,
                handler,
            ));
        });
    }

    // The coverage job wanted goes to the worker (again when it was replaced).
    {
        let client = client.clone();
        let wanted = state.coverage.wanted.clone();
        let doc = state.doc.clone();
        let generation = state.generation;
        use_effect_with(
            (wanted.as_ref().map(|w| w.job), state.worker_epoch),
            move |_| {
                if let Some(c) = client.borrow().as_ref() {
                    match (wanted, doc) {
                        (Some(job), Some(doc)) => {
                            c.sync(generation, &doc);
                            c.send(&ToWorker::Coverage(job), None);
                        }
                        _ => c.send(&ToWorker::StopCoverage, None),
                    }
                }
            },
        );
    }

    client
}

/// Sends a job about the open project to `client`: numbered, announced as `kind` with
/// `label`, the worker's copy of the project brought up to date first. Nothing without a
/// project.
pub fn send_job(
    client: &WorkerClient,
    state: &AppState,
    dispatcher: &UseReducerDispatcher<AppState>,
    (kind, label): (JobKind, &str),
    message: impl FnOnce(JobId, DocKey) -> ToWorker,
) {
    let (Some(doc), Some(key)) = (state.doc.as_ref(), state.doc_key()) else {
        return;
    };
    let job = client.next_job();
    let message = message(job, key);
    dispatcher.dispatch(Action::JobStarted {
        job,
        kind,
        label: label.into(),
    });
    client.sync(state.generation, doc);
    client.send(&message, None);
}

/// What a worker sent, as actions (and downloads).
pub fn incoming(dispatcher: &UseReducerDispatcher<AppState>, what: Incoming) {
    let message = match what {
        Incoming::Stopped(why) => {
            dispatcher.dispatch(Action::WorkerReset { why: Some(why) });
            return;
        }
        Incoming::Message(m, buffer) => (m, buffer),
    };
    match message {
        (FromWorker::Coverage(result), buffer) => {
            let values = buffer
                .as_ref()
                .map(worker_client::f32_values)
                .unwrap_or_default();
            dispatcher.dispatch(Action::Heatmap(Rc::new(HeatmapData { result, values })));
        }
        (FromWorker::Progress { job, done, total }, _) => {
            dispatcher.dispatch(Action::JobProgress { job, done, total });
        }
        (FromWorker::Proposal(p), _) => dispatcher.dispatch(Action::ProposalReady(Rc::new(p))),
        (
            FromWorker::Routed {
                job,
                doc,
                compute_ms,
                routing,
                bom,
            },
            _,
        ) => dispatcher.dispatch(Action::Routed {
            job,
            doc,
            routing: Rc::new(*routing),
            bom: Rc::new(*bom),
            compute_ms,
        }),
        (FromWorker::Imported(i), _) => dispatcher.dispatch(Action::Imported(Rc::new(i))),
        (FromWorker::Sheets(s), _) => dispatcher.dispatch(Action::SheetsShown(Rc::new(s))),
        (FromWorker::Scenarios(s), _) => dispatcher.dispatch(Action::ScenariosShown(Rc::new(*s))),
        (FromWorker::AntennaRead(a), _) => dispatcher.dispatch(Action::AntennaRead(Rc::new(*a))),
        (FromWorker::SurveyRead(r), _) => dispatcher.dispatch(Action::SurveyRead(Rc::new(*r))),
        (FromWorker::SurveyChecked(c), _) => {
            dispatcher.dispatch(Action::SurveyChecked(Rc::new(*c)));
        }
        (FromWorker::Calibrated(c), _) => dispatcher.dispatch(Action::Calibrated(Rc::new(*c))),
        (FromWorker::Exported(f), buffer) => {
            let bytes = buffer
                .as_ref()
                .map(worker_client::bytes)
                .unwrap_or_default();
            match files::download_bytes(&f.name, &bytes, &f.mime) {
                Ok(()) => dispatcher.dispatch(Action::JobDone {
                    job: f.job,
                    notice: Some(format!("Exported {} ({})", f.name, f.summary)),
                }),
                Err(e) => dispatcher.dispatch(Action::JobFailed {
                    job: f.job,
                    message: format!("Could not download {}: {e}", f.name),
                }),
            }
        }
        (FromWorker::Failed { job, message }, _) => {
            dispatcher.dispatch(Action::JobFailed { job, message });
        }
        (FromWorker::NeedProject, _) => dispatcher.dispatch(Action::WorkerReset { why: None }),
        (FromWorker::Ready | FromWorker::Synced { .. } | FromWorker::Crashed { .. }, _) => {}
    }
}
