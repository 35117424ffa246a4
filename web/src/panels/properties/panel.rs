//! The property panel: the selected element's fields (or the floor's and the project's when
//! nothing is selected). Each field dispatches the text typed; the reducer validates it
//! through the core, and the core's message shows under the field.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{Field, Input, Subject};
use crate::state::input::Command;
use crate::state::{Action, FLOOR_FIELDS, META_FIELDS, PropertyError};
use crate::ui::icons::{Icon, icon};

/// Properties of [`PropertyPanel`].
#[derive(Properties, PartialEq)]
pub struct PropertyPanelProps {
    /// What to show.
    pub subject: Rc<Subject>,
    /// The core's reason for refusing the last value.
    pub error: Option<PropertyError>,
    /// Changes whenever the project does, so that fields show the model's values again.
    pub revision: u64,
    /// State actions.
    pub on_action: Callback<Action>,
}

/// Where a field's edits go.
#[derive(Clone, Copy, PartialEq)]
enum Target<'a> {
    Element(&'a str),
    Floor,
    Meta,
}

fn value_of(e: &Event) -> String {
    let Some(t) = e.target() else {
        return String::new();
    };
    if let Some(i) = t.dyn_ref::<HtmlInputElement>() {
        if i.type_() == "checkbox" {
            return i.checked().to_string();
        }
        return i.value();
    }
    t.dyn_ref::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

fn row(
    f: &Field,
    target: Target<'_>,
    error: Option<&PropertyError>,
    nonce: &str,
    on_action: &Callback<Action>,
) -> Html {
    let key = f.key.as_str();
    let prefix = match target {
        Target::Element(_) => "prop",
        Target::Floor => "prop-floor",
        Target::Meta => "prop-meta",
    };
    let owned = key.to_owned();
    let onchange = match target {
        Target::Element(id) => {
            let key = owned.clone();
            let id = id.to_owned();
            on_action.reform(move |e: Event| Action::SetProperty {
                id: id.clone(),
                key: key.to_owned(),
                value: value_of(&e),
            })
        }
        Target::Floor => on_action.reform(move |e: Event| Action::SetFloorProperty {
            key: owned.clone(),
            value: value_of(&e),
        }),
        Target::Meta => on_action.reform(move |e: Event| Action::SetMetaProperty {
            key: owned.clone(),
            value: value_of(&e),
        }),
    };
    let test_id = format!("{prefix}-{key}");
    let input_id = format!("field-{prefix}-{key}");
    let err = error.filter(|e| {
        e.key == key
            && match target {
                Target::Element(id) => e.id == id,
                Target::Floor => e.id == FLOOR_FIELDS,
                Target::Meta => e.id == META_FIELDS,
            }
    });
    let invalid = err.is_some();
    let described = invalid.then(|| format!("{input_id}-error"));
    // Keyed on the nonce: after an edit (or a refusal) the field shows the model's value.
    let control = match &f.input {
        Input::ReadOnly => html! {
            <output id={input_id.clone()} class="prop__readonly" data-testid={test_id.clone()}>{ f.value.clone() }</output>
        },
        Input::Check => html! {
            <input key={nonce.to_owned()} id={input_id.clone()} type="checkbox" class="prop__check" data-testid={test_id.clone()}
                checked={f.value == "true"} {onchange} aria-invalid={invalid.to_string()} aria-describedby={described.clone()} />
        },
        Input::Choice(options) => {
            let known = options.iter().any(|(v, _)| *v == f.value);
            html! {
                <select key={nonce.to_owned()} id={input_id.clone()} class="prop__input" data-testid={test_id.clone()} {onchange}
                    aria-invalid={invalid.to_string()} aria-describedby={described.clone()}>
                    if !known {
                        <option value={f.value.clone()} selected=true>{ format!("{} (not in the library)", f.value) }</option>
                    }
                    { for options.iter().map(|(v, caption)| html! {
                        <option value={v.clone()} selected={*v == f.value}>{ caption.clone() }</option>
                    }) }
                </select>
            }
        }
        Input::Text | Input::Number { .. } | Input::Integer { .. } => {
            let numeric = !matches!(f.input, Input::Text);
            let placeholder = match f.input {
                Input::Number { optional: true } | Input::Integer { optional: true } => Some("—"),
                _ => None,
            };
            html! {
                <input key={nonce.to_owned()} id={input_id.clone()} type="text" class={classes!("prop__input", numeric.then_some("prop__input--num"))}
                    inputmode={numeric.then_some("decimal")} spellcheck="false" autocomplete="off"
                    data-testid={test_id.clone()} value={f.value.clone()} {placeholder} {onchange}
                    aria-invalid={invalid.to_string()} aria-describedby={described.clone()} />
            }
        }
    };
    html! {
        <div class={classes!("prop", invalid.then_some("prop--invalid"))}>
            <label class="prop__label" for={input_id.clone()}>{ f.label.clone() }</label>
            <div class="prop__value">
                { control }
                if let Some(unit) = f.unit {
                    <span class="prop__unit">{ unit }</span>
                }
            </div>
            if let Some(e) = err {
                <p class="prop__error" id={format!("{input_id}-error")} role="alert" data-testid="property-error">{ e.message.clone() }</p>
            }
        </div>
    }
}

/// The panel.
#[function_component(PropertyPanel)]
pub fn property_panel(props: &PropertyPanelProps) -> Html {
    let nonce = format!(
        "{}-{}",
        props.revision,
        props.error.as_ref().map_or(0, |e| e.message.len() + 1)
    );
    let err = props.error.as_ref();
    let on_action = &props.on_action;
    let body = match props.subject.as_ref() {
        Subject::Nothing => {
            html! { <p class="panel__empty">{ "Open a project to see its properties." }</p> }
        }
        Subject::Floor { floor, meta } => html! {
            <>
                <p class="panel__hint">{ "Nothing selected: the floor and the project." }</p>
                <h3 class="panel__sub">{ "Floor" }</h3>
                { for floor.iter().map(|f| row(f, Target::Floor, err, &nonce, on_action)) }
                <h3 class="panel__sub">{ "Project" }</h3>
                { for meta.iter().map(|f| row(f, Target::Meta, err, &nonce, on_action)) }
            </>
        },
        Subject::Element {
            id,
            kind,
            fields,
            warnings,
        } => {
            let on_delete = on_action.reform(|_: MouseEvent| Action::Command(Command::Delete));
            let on_zoom =
                on_action.reform(|_: MouseEvent| Action::Command(Command::ZoomToSelection));
            html! {
                <>
                    <div class="panel__subject">
                        <span class="panel__kind" data-testid="properties-kind">{ *kind }</span>
                        <span class="panel__id" title="Id">{ id.clone() }</span>
                    </div>
                    { for fields.iter().map(|f| row(f, Target::Element(id), err, &nonce, on_action)) }
                    { for warnings.iter().map(|w| html! { <p class="prop__warning" data-testid="property-warning">{ w.clone() }</p> }) }
                    if *kind == "Access point" {
                        <p class="panel__hint" data-testid="antenna-hint">{ "A manufacturer's antenna pattern (.msi, .ant, .pln): Open it or drop it on the plan, and it joins the Antenna lists." }</p>
                    }
                    <div class="panel__actions">
                        <button type="button" class="btn btn--quiet" data-testid="zoom-to-element" title="Zoom to it (Z)" onclick={on_zoom}>
                            { icon(Icon::ZoomSelection) }<span class="btn__label">{ "Zoom to" }</span>
                        </button>
                        <button type="button" class="btn btn--danger" data-testid="delete-selection" title="Delete (Delete)" onclick={on_delete}>
                            { icon(Icon::Delete) }<span class="btn__label">{ "Delete" }</span>
                        </button>
                    </div>
                </>
            }
        }
        Subject::Many(counts) => {
            let n: usize = counts.iter().map(|(_, c)| c).sum();
            let on_delete = on_action.reform(|_: MouseEvent| Action::Command(Command::Delete));
            let on_zoom =
                on_action.reform(|_: MouseEvent| Action::Command(Command::ZoomToSelection));
            html! {
                <>
                    <div class="panel__subject"><span class="panel__kind" data-testid="properties-kind">{ format!("{n} elements") }</span></div>
                    <ul class="panel__counts">
                        { for counts.iter().map(|(k, c)| html! { <li><span>{ *k }</span><span class="panel__count">{ *c }</span></li> }) }
                    </ul>
                    <div class="panel__actions">
                        <button type="button" class="btn btn--quiet" data-testid="zoom-to-element" title="Zoom to them (Z)" onclick={on_zoom}>
                            { icon(Icon::ZoomSelection) }<span class="btn__label">{ "Zoom to" }</span>
                        </button>
                        <button type="button" class="btn btn--danger" data-testid="delete-selection" title="Delete them (Delete)" onclick={on_delete}>
                            { icon(Icon::Delete) }<span class="btn__label">{ format!("Delete {n}") }</span>
                        </button>
                    </div>
                </>
            }
        }
    };
    html! {
        <section class="panel panel--properties" aria-label="Properties" data-testid="properties">
            <h2 class="panel__title">{ "Properties" }</h2>
            <div class="panel__body">{ body }</div>
        </section>
    }
}
