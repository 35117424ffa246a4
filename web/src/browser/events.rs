//! What a form control's event says: the value of the `<select>` or `<input>` it came from,
//! the file chosen in a file `<input>`.

use wasm_bindgen::JsCast;
use web_sys::{Event, File, HtmlInputElement, HtmlSelectElement};

/// The file chosen in the file `<input>` an event came from, if any. The input is emptied at
/// once (the `File` is kept), so that the same file chosen again is read again.
pub fn take_file(e: &Event) -> Option<File> {
    let input = e.target()?.dyn_into::<HtmlInputElement>().ok()?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

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
