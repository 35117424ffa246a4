//! Keeping the project in the browser: after every change (once it is on screen) the
//! project file's text and a small record about it go to IndexedDB in one transaction;
//! changes that arrive during a write coalesce into the next one. A change of the floor on
//! screen alone writes the small record only: a campus's project text is tens of megabytes,
//! and writing it again on every floor switch stalled the editor for seconds.

use std::cell::RefCell;
use std::rc::Rc;

use tailplan_core::Project;
use yew::prelude::*;

use crate::browser::files;
use crate::browser::storage::Store;
use crate::document::autosave::{self, META_KEY, PROJECT_KEY, SavedMeta};
use crate::state::{Action, AppState};

/// What is waiting to be kept in the browser: the newest project wins.
#[derive(Default)]
struct SaveQueue {
    busy: bool,
    wanted: Option<(u32, u64, Rc<Project>, String)>,
    /// The (generation, revision) whose project text is in the browser already.
    kept: Option<(u32, u64)>,
}

/// Keeps every change in the browser (the newest one when changes come faster), and says
/// so with [`Action::Saved`] or [`Action::SaveFailed`].
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let queue = use_mut_ref(SaveQueue::default);
    let dispatcher = state.dispatcher();
    let key = state.doc_key();
    let unsaved = state.doc.as_ref().is_some_and(|d| d.is_unsaved());
    let wanted = state.doc.as_ref().map(|d| {
        (
            Rc::clone(d.project_rc()),
            SavedMeta::of(d, state.floor_id.as_deref()).to_text(),
        )
    });
    use_effect_with(
        (key, unsaved, state.floor_id.clone()),
        move |(key, _, _)| {
            if let (Some((generation, revision)), Some((project, meta))) = (*key, wanted) {
                queue.borrow_mut().wanted = Some((generation, revision, project, meta));
                keep(dispatcher, queue);
            }
        },
    );
}

/// Keeps the newest wanted project in the browser, one write at a time.
fn keep(dispatcher: UseReducerDispatcher<AppState>, queue: Rc<RefCell<SaveQueue>>) {
    if queue.borrow().busy {
        return;
    }
    queue.borrow_mut().busy = true;
    wasm_bindgen_futures::spawn_local(async move {
        // After the edit is on screen: writing a big project takes a few frames' time.
        files::next_paint().await;
        let store = Store::open(autosave::DB_NAME, autosave::STORE).await;
        loop {
            let Some((generation, revision, project, meta)) = queue.borrow_mut().wanted.take()
            else {
                break;
            };
            let kept = queue.borrow().kept == Some((generation, revision));
            let outcome = match &store {
                Ok(store) if kept => store.put_all(&[(META_KEY, &meta)]).await,
                Ok(store) => {
                    let text = autosave::project_text(&project);
                    store
                        .put_all(&[(PROJECT_KEY, &text), (META_KEY, &meta)])
                        .await
                }
                Err(e) => Err(e.clone()),
            };
            if outcome.is_ok() {
                queue.borrow_mut().kept = Some((generation, revision));
            }
            match outcome {
                Ok(()) => dispatcher.dispatch(Action::Saved {
                    generation,
                    revision,
                }),
                Err(e) => dispatcher.dispatch(Action::SaveFailed(e)),
            }
        }
        queue.borrow_mut().busy = false;
    });
}
