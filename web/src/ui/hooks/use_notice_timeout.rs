//! Notices close by themselves.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, AppState};

/// How long a notice stays, milliseconds.
const NOTICE_MS: u32 = 4_000;

/// Closes the notice on screen after [`NOTICE_MS`]: a timer per notice, cancelled when the
/// notice goes sooner (the reducer would ignore it then anyway).
#[hook]
pub fn use_notice_timeout(state: &UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    let id = state.notice.as_ref().map(|n| n.id);
    use_effect_with(id, move |id| {
        let timer = id.map(|id| {
            Timeout::new(NOTICE_MS, move || {
                dispatcher.dispatch(Action::DismissNotice(id));
            })
        });
        move || drop(timer)
    });
}
