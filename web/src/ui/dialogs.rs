//! The modal dialogs: the keyboard shortcuts, and "replace a project with unsaved changes?".

use yew::prelude::*;

use crate::document::Source;
use crate::state::input::{Command, help};
use crate::state::{Action, sample};

/// Properties of [`HelpPanel`].
#[derive(Properties, PartialEq)]
pub struct HelpPanelProps {
    /// State actions (closing).
    pub on_action: Callback<Action>,
}

/// Every shortcut, from the same table the keys are read with.
#[function_component(HelpPanel)]
pub fn help_panel(props: &HelpPanelProps) -> Html {
    let close_ref = use_node_ref();
    {
        // Focus the close button, so that keyboard users land in the dialog.
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_close = props
        .on_action
        .reform(|_: MouseEvent| Action::Command(Command::Help));
    let on_backdrop = props
        .on_action
        .reform(|_: MouseEvent| Action::Command(Command::Help));
    let sections = help().into_iter().map(|(title, lines)| {
        html! {
            <section class="help__section">
                <h3 class="help__title">{ title }</h3>
                <dl class="help__list">
                    { for lines.into_iter().map(|l| html! {
                        <div class="help__row">
                            <dt>{ for l.keys.split(", ").enumerate().map(|(i, alt)| html! {
                                <>
                                    if i > 0 { <span class="help__or">{ "or" }</span> }
                                    { for combo(alt).into_iter().map(key) }
                                </>
                            }) }</dt>
                            <dd>{ l.what }</dd>
                        </div>
                    }) }
                </dl>
            </section>
        }
    });
    html! {
        <div class="modal" data-testid="help-backdrop">
            <div class="modal__backdrop" onclick={on_backdrop}></div>
            <div class="modal__dialog modal__dialog--wide" role="dialog" aria-modal="true" aria-labelledby="help-heading" data-testid="help-panel">
                <header class="modal__header">
                    <h2 id="help-heading" class="modal__heading">{ "Keyboard shortcuts" }</h2>
                    <button ref={close_ref} type="button" class="btn btn--quiet modal__close" data-testid="help-close" aria-label="Close the shortcuts" title="Close (Esc)" onclick={on_close}>{ "×" }</button>
                </header>
                <div class="help">{ for sections }</div>
            </div>
        </div>
    }
}

/// The parts of one key combination: `Ctrl+Z` is `Ctrl`, `Z`; `+` alone is the plus key.
fn combo(alt: &str) -> Vec<&str> {
    if alt == "+" {
        vec!["+"]
    } else {
        alt.split('+').collect()
    }
}

/// A key as a `<kbd>`; a gesture (`click`, `drag`: lower case) as words.
fn key(part: &str) -> Html {
    if part.starts_with(|c: char| c.is_ascii_lowercase()) {
        html! { <span class="help__gesture">{ part.replace('-', " ") }</span> }
    } else {
        html! { <kbd>{ part.to_owned() }</kbd> }
    }
}

/// Properties of [`ConfirmReplace`].
#[derive(Properties, PartialEq)]
pub struct ConfirmReplaceProps {
    /// The project that would be replaced.
    pub current: AttrValue,
    /// What would replace it.
    pub incoming: AttrValue,
    /// State actions (the answer).
    pub on_action: Callback<Action>,
    /// Saves the current project as a file first.
    pub on_save: Callback<()>,
}

/// How the confirm dialog names what would replace the project.
pub fn incoming(source: &Source) -> String {
    match source {
        Source::Sample(key) => {
            sample(key).map_or_else(|| "the sample".to_owned(), |s| s.describe())
        }
        Source::File(name) => format!("“{name}”"),
        Source::New => "a new project".to_owned(),
        Source::Restored => "the kept project".to_owned(),
    }
}

/// Asks before a project with unsaved changes is replaced.
#[function_component(ConfirmReplace)]
pub fn confirm_replace(props: &ConfirmReplaceProps) -> Html {
    let cancel_ref = use_node_ref();
    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with((), move |_| {
            if let Some(b) = cancel_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_cancel = props
        .on_action
        .reform(|_: MouseEvent| Action::ConfirmReplace(false));
    let on_discard = props
        .on_action
        .reform(|_: MouseEvent| Action::ConfirmReplace(true));
    let on_save = {
        let on_save = props.on_save.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            on_save.emit(());
            on_action.emit(Action::ConfirmReplace(true));
        })
    };
    html! {
        <div class="modal">
            <div class="modal__backdrop"></div>
            <div class="modal__dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-heading" aria-describedby="confirm-text" data-testid="confirm-dialog">
                <header class="modal__header">
                    <h2 id="confirm-heading" class="modal__heading">{ "Replace the open project?" }</h2>
                </header>
                <p id="confirm-text" class="modal__text">
                    { format!("“{}” has changes that are not saved to a file. Opening {} replaces it in this browser.", props.current, props.incoming) }
                </p>
                <div class="modal__actions">
                    <button ref={cancel_ref} type="button" class="btn btn--quiet" data-testid="confirm-cancel" onclick={on_cancel}>{ "Cancel" }</button>
                    <button type="button" class="btn btn--quiet" data-testid="confirm-save" onclick={on_save}>{ "Save a copy, then open" }</button>
                    <button type="button" class="btn btn--danger" data-testid="confirm-discard" onclick={on_discard}>{ "Discard changes" }</button>
                </div>
            </div>
        </div>
    }
}
