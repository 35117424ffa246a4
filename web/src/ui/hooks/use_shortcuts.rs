//! The keyboard, anywhere on the page but in text fields: keys to commands
//! ([`crate::state::input`] decides which), Save and Open, and Space held for panning.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::state::input::{Command, Keys, Shortcut, Target, shortcut};
use crate::state::{Action, AppState};

/// Listens to the page's keys for the life of the editor: a shortcut becomes an
/// [`Action::Command`], or calls `on_save` or `on_open`; Space released ends a pan.
///
/// The listeners live as long as the page; they reach the latest render's `on_save` through
/// a cell (holding on to a first render's state handle would keep every state it ever read
/// alive).
#[hook]
pub fn use_shortcuts(
    state: &UseReducerHandle<AppState>,
    on_save: &Callback<()>,
    on_open: &Callback<()>,
) {
    let latest_save = use_mut_ref(Callback::<()>::noop);
    *latest_save.borrow_mut() = on_save.clone();
    {
        let dispatcher = state.dispatcher();
        let on_open = on_open.clone();
        use_effect_with((), move |_| {
            // Not passive: a shortcut's key does nothing else (no scrolling, no browser
            // dialog).
            let down = web_sys::window().map(|w| {
                EventListener::new_with_options(
                    &w,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        let keys = Keys {
                            key: &e.key(),
                            shift: e.shift_key(),
                            ctrl: e.ctrl_key() || e.meta_key(),
                            alt: e.alt_key(),
                        };
                        let Some(s) = shortcut(keys, key_target(e)) else {
                            return;
                        };
                        if e.repeat() && matches!(s, Shortcut::Do(Command::SpaceDown)) {
                            e.prevent_default();
                            return;
                        }
                        e.prevent_default();
                        match s {
                            Shortcut::Save => {
                                let save = latest_save.borrow().clone();
                                save.emit(());
                            }
                            Shortcut::Open => on_open.emit(()),
                            Shortcut::Do(c) => dispatcher.dispatch(Action::Command(c)),
                        }
                    },
                )
            });
            move || drop(down)
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let up = web_sys::window().map(|w| {
                EventListener::new(&w, "keyup", move |e| {
                    if e.dyn_ref::<KeyboardEvent>().is_some_and(|e| e.key() == " ") {
                        dispatcher.dispatch(Action::SpaceUp);
                    }
                })
            });
            move || drop(up)
        });
    }
}

/// Where a key was pressed.
fn key_target(e: &KeyboardEvent) -> Target {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return Target::Plan;
    };
    match el.tag_name().to_ascii_uppercase().as_str() {
        "INPUT" => {
            let kind = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            if matches!(kind.as_str(), "checkbox" | "radio" | "button" | "file") {
                Target::Control
            } else {
                Target::Text
            }
        }
        "TEXTAREA" | "SELECT" => Target::Text,
        "BUTTON" | "A" | "SUMMARY" => Target::Control,
        _ if el.has_attribute("contenteditable") => Target::Text,
        _ => Target::Plan,
    }
}
