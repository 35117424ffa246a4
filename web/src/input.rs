//! What keys do on the plan, kept out of the components so that it is tested natively.

use crate::state::Action;

/// How much one zoom step (a key press, a toolbar button) zooms.
pub const ZOOM_STEP: f64 = 1.25;
/// How far an arrow key pans, CSS px; four times as far with Shift.
pub const KEY_PAN_PX: f64 = 60.0;

/// The action of a key pressed on the plan (`KeyboardEvent.key`), if it has one. Keys held
/// with Ctrl, Alt or Meta are the browser's.
pub fn key_action(key: &str, shift: bool, browser_modifier: bool) -> Option<Action> {
    if browser_modifier {
        return None;
    }
    let pan = if shift { 4.0 * KEY_PAN_PX } else { KEY_PAN_PX };
    Some(match key {
        "+" | "=" => Action::ZoomCenter(ZOOM_STEP),
        "-" | "_" => Action::ZoomCenter(1.0 / ZOOM_STEP),
        "f" | "F" | "0" => Action::Fit,
        // The arrow moves the view: the plan slides the other way.
        "ArrowLeft" => Action::Pan { dx: pan, dy: 0.0 },
        "ArrowRight" => Action::Pan { dx: -pan, dy: 0.0 },
        "ArrowUp" => Action::Pan { dx: 0.0, dy: pan },
        "ArrowDown" => Action::Pan { dx: 0.0, dy: -pan },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_view_actions() {
        assert!(matches!(key_action("+", false, false), Some(Action::ZoomCenter(f)) if f > 1.0));
        assert!(matches!(key_action("-", false, false), Some(Action::ZoomCenter(f)) if f < 1.0));
        assert!(matches!(key_action("F", false, false), Some(Action::Fit)));
        assert!(matches!(
            key_action("ArrowLeft", true, false),
            Some(Action::Pan { dx, dy }) if dx == 4.0 * KEY_PAN_PX && dy == 0.0
        ));
        assert!(matches!(
            key_action("ArrowDown", false, false),
            Some(Action::Pan { dy, .. }) if dy == -KEY_PAN_PX
        ));
        assert!(
            key_action("+", false, true).is_none(),
            "Ctrl + is the browser's zoom"
        );
        assert!(key_action("x", false, false).is_none());
    }
}
