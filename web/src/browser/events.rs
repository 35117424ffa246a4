//! What a form control's event says: the value of the `<select>` or `<input>` it came from.

use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, HtmlSelectElement};

/// The value of the `<select>` an event came from (empty when it came from something else).
pub fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The value of the `<input>` an event came from: its text, or for a checkbox `true` or
/// `false` (empty when it came from something else).
pub fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| {
            if i.type_() == "checkbox" {
                i.checked().to_string()
            } else {
                i.value()
            }
        })
        .unwrap_or_default()
}
