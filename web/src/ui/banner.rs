//! The error banner.

use yew::prelude::*;

/// Properties of [`ErrorBanner`].
#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    /// The message.
    pub message: AttrValue,
    /// Called when the user closes the banner.
    pub on_dismiss: Callback<()>,
}

/// A visible, announced error message with a close button.
#[function_component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="banner banner--error" role="alert" data-testid="error">
            <svg class="banner__icon" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>
                <path d="M8 6v4M8 11.5v1" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>
            </svg>
            <span class="banner__text">{ props.message.clone() }</span>
            <button type="button" class="banner__close" title="Dismiss" aria-label="Dismiss the message" onclick={on_dismiss}>
                { "×" }
            </button>
        </div>
    }
}
