//! The files worker (imports, DXF): started the first time it is needed (the importers are
//! most of its weight), and sent the import again whenever the import dialog's choices
//! change.

use std::rc::Rc;

use yew::prelude::*;

use super::use_worker::{ClientCell, incoming};
use crate::browser::worker_client::{self, Incoming, WorkerClient};
use crate::panels::import_dialog::DialogAction;
use crate::state::{Action, AppState};
use crate::worker::protocol::ToWorker;

/// The files worker, started on first use.
#[derive(Clone)]
pub struct FilesWorker {
    cell: ClientCell,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl FilesWorker {
    /// The worker, started now if it was not yet.
    pub fn get(&self) -> WorkerClient {
        if let Some(c) = self.cell.borrow().as_ref() {
            return c.clone();
        }
        let dispatcher = self.dispatcher.clone();
        let handler: Rc<dyn Fn(Incoming)> = Rc::new(move |m| incoming(&dispatcher, m));
        let c = WorkerClient::start(
            worker_client::FILES_URL,
            worker_client::FILES_FIRST_JOB,
            handler,
        );
        *self.cell.borrow_mut() = Some(c.clone());
        c
    }
}

/// The files worker, for whoever needs it; and the import dialog's choices, when they
/// change, sent to it as a new import of the file.
#[hook]
pub fn use_files_worker(state: &UseReducerHandle<AppState>) -> FilesWorker {
    let cell: ClientCell = use_mut_ref(|| None);
    let files = FilesWorker {
        cell,
        dispatcher: state.dispatcher(),
    };

    // The import dialog's choices changed: import again.
    {
        let files = files.clone();
        let key = state
            .import
            .as_ref()
            .map(|d| (d.revision, d.sent_revision, d.job.is_some()));
        let pending = state.import.as_ref().and_then(|d| {
            d.pending_import()
                .map(|(revision, options)| (revision, options, d.name.clone(), d.bytes.clone()))
        });
        use_effect_with(key, move |_| {
            if let Some((revision, options, name, bytes)) = pending {
                let c = files.get();
                let job = c.next_job();
                files
                    .dispatcher
                    .dispatch(Action::ImportDialog(DialogAction::Reimporting {
                        job,
                        revision,
                    }));
                c.send(
                    &ToWorker::Import { job, name, options },
                    Some(bytes.as_ref().clone()),
                );
            }
        });
    }

    files
}
