//! The sheet viewer: the riser diagrams and rack maps drawn by the files worker, shown over
//! the plan as their SVG in an image (drawn, never run), one at a time, fitted to the window
//! or at full size; the building on screen's or the whole campus's; each one downloadable.

use yew::prelude::*;

use crate::browser::files::{self, ObjectUrl};
use crate::state::{Action, SheetsView};

/// Properties of [`SheetViewer`].
#[derive(Properties, PartialEq)]
pub struct SheetViewerProps {
    /// What to show.
    pub view: SheetsView,
    /// State actions (choosing a sheet, closing).
    pub on_action: Callback<Action>,
    /// Asks for the sheets again: the campus's (`true`) or the building on screen's.
    pub on_scope: Callback<bool>,
}

/// The sheet viewer.
#[function_component(SheetViewer)]
pub fn sheet_viewer(props: &SheetViewerProps) -> Html {
    let v = &props.view;
    let full_size = use_state(|| false);
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
    let sheet = v.sheets.get(v.shown).cloned();
    // The shown sheet's blob URL, revoked when another is shown or the viewer closes.
    let url = use_memo((v.sheets.clone(), v.shown), move |_| {
        sheet
            .as_ref()
            .map(|s| ObjectUrl::new(&s.svg, "image/svg+xml"))
    });
    let shown = v.sheets.get(v.shown);
    let close = props.on_action.reform(|_: MouseEvent| Action::CloseSheets);
    let on_pick = props.on_action.reform(|e: Event| {
        let i = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.selected_index())
            .unwrap_or(0);
        Action::ShowSheet(usize::try_from(i).unwrap_or(0))
    });
    let scope = |campus: bool, label: &'static str, test: &'static str| {
        let on_scope = props.on_scope.clone();
        html! {
            <button type="button" role="tab" class="subtab" data-testid={test} aria-selected={if v.campus == campus { "true" } else { "false" }} disabled={v.job.is_some()} onclick={Callback::from(move |_: MouseEvent| on_scope.emit(campus))}>{ label }</button>
        }
    };
    let download = shown.cloned().map(|s| {
        Callback::from(move |_: MouseEvent| {
            // The SVG is here already: no worker, no request.
            let _ = files::download(&format!("{}.svg", s.name), &s.svg, "image/svg+xml");
        })
    });
    let toggle = {
        let full_size = full_size.clone();
        Callback::from(move |_: MouseEvent| full_size.set(!*full_size))
    };
    let body = if v.job.is_some() {
        html! { <p class="panel__hint" data-testid="sheets-loading">{ "Drawing the riser diagrams and rack maps…" }</p> }
    } else if let Some(e) = &v.error {
        html! { <p class="prop__warning" data-testid="sheets-error">{ e.clone() }</p> }
    } else {
        match (shown, url.as_ref()) {
            (Some(s), Some(Ok(url))) => html! {
                <img class={classes!("sheet-viewer__image", full_size.then_some("sheet-viewer__image--full"))} data-testid="sheet-image" src={url.url().to_owned()} alt={s.title.clone()} title={if *full_size { "Click to fit the window" } else { "Click for full size" }} onclick={toggle} />
            },
            (Some(_), Some(Err(e))) => {
                html! { <p class="prop__warning">{ format!("The sheet cannot be shown: {e}") }</p> }
            }
            _ => html! { <p class="panel__hint">{ "No sheets." }</p> },
        }
    };
    html! {
        <div class="modal" data-testid="sheets-backdrop">
            <div class="modal__backdrop" onclick={close.clone()}></div>
            <div class="modal__dialog modal__dialog--sheet" role="dialog" aria-modal="true" aria-labelledby="sheets-heading" data-testid="sheet-viewer">
                <header class="modal__header">
                    <h2 id="sheets-heading" class="modal__heading">{ shown.map_or_else(|| "Riser diagram".to_owned(), |s| s.title.clone()) }</h2>
                    <button ref={close_ref} type="button" class="btn btn--quiet modal__close" data-testid="sheets-close" aria-label="Close the sheets" title="Close (Esc)" onclick={close}>{ "×" }</button>
                </header>
                <div class="sheet-viewer__bar">
                    <div class="subtabs" role="tablist" aria-label="Whose sheets">
                        { scope(false, "This building", "sheets-building") }
                        { scope(true, "Campus", "sheets-campus") }
                    </div>
                    <select class="prop__input" data-testid="sheet-pick" aria-label="Sheet" disabled={v.sheets.len() < 2} onchange={on_pick}>
                        { for v.sheets.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == v.shown}>{ format!("{} · {}", s.number, s.title) }</option>
                        }) }
                    </select>
                    <button type="button" class="btn" data-testid="sheet-download" disabled={download.is_none()} title="Download this sheet as SVG" onclick={download.unwrap_or_default()}>{ "Download SVG" }</button>
                </div>
                <div class="sheet-viewer__page">{ body }</div>
            </div>
        </div>
    }
}
