//! What keys do, kept out of the components so that it is tested natively; and the list of
//! shortcuts the help panel shows, made from the same table.

use crate::state::tools::Tool;

/// How much one zoom step (a key press, a toolbar button) zooms.
pub const ZOOM_STEP: f64 = 1.25;
/// How far an arrow key pans, CSS px; four times as far with Shift.
pub const KEY_PAN_PX: f64 = 60.0;
/// How far an arrow key moves the selection, metres; ten times as far with Shift.
pub const NUDGE_M: f64 = 0.1;

/// Something the keyboard (or a button) asks of the editor's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Delete the selection.
    Delete,
    /// Select everything on the shown layers.
    SelectAll,
    /// Cancel what is under way, else clear the selection, else go back to Select.
    Escape,
    /// Finish the line or outline being drawn.
    Enter,
    /// Take back the last point drawn, else delete the selection.
    Backspace,
    /// An arrow key: move the selection, or pan when nothing is selected.
    Arrow {
        /// -1 left, 1 right.
        dx: i8,
        /// -1 down, 1 up (on the plan).
        dy: i8,
        /// Shift: further.
        big: bool,
    },
    /// Zoom in a step.
    ZoomIn,
    /// Zoom out a step.
    ZoomOut,
    /// Show the whole floor.
    Fit,
    /// Show the selection.
    ZoomToSelection,
    /// Pick a tool.
    Tool(Tool),
    /// Show or hide the help panel.
    Help,
    /// Space went down: drag pans while it is held.
    SpaceDown,
}

/// What a key asks for: a state command, or something only the browser edge can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// A state command.
    Do(Command),
    /// Save the project as a file (a download).
    Save,
    /// Open a file.
    Open,
}

/// A key press, as `KeyboardEvent` reports it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keys<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Shift held.
    pub shift: bool,
    /// Ctrl (or ⌘ on a Mac) held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
}

/// Where the key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// In a text field: the field keeps its keys (but Ctrl+S and Escape).
    Text,
    /// On a button, a select or a link: Enter and Space are the control's.
    Control,
    /// Anywhere else: the plan, the page.
    Plan,
}

/// The shortcut of a key press, if it has one.
pub fn shortcut(k: Keys<'_>, target: Target) -> Option<Shortcut> {
    let key = k.key;
    if k.ctrl {
        return match (key.to_ascii_lowercase().as_str(), k.shift) {
            ("s", _) => Some(Shortcut::Save),
            _ if target == Target::Text => None,
            ("o", _) => Some(Shortcut::Open),
            ("z", false) => Some(Shortcut::Do(Command::Undo)),
            ("z", true) | ("y", false) => Some(Shortcut::Do(Command::Redo)),
            ("a", false) => Some(Shortcut::Do(Command::SelectAll)),
            // Ctrl and +, -, 0... are the browser's zoom.
            _ => None,
        };
    }
    if k.alt {
        return None;
    }
    if target == Target::Text {
        return None;
    }
    if target == Target::Control && matches!(key, "Enter" | " ") {
        return None;
    }
    let c = match key {
        "Escape" => Command::Escape,
        "Enter" => Command::Enter,
        "Delete" => Command::Delete,
        "Backspace" => Command::Backspace,
        "?" | "F1" => Command::Help,
        "+" | "=" => Command::ZoomIn,
        "-" | "_" => Command::ZoomOut,
        "f" | "F" | "0" => Command::Fit,
        "z" | "Z" => Command::ZoomToSelection,
        " " => Command::SpaceDown,
        "ArrowLeft" => Command::Arrow {
            dx: -1,
            dy: 0,
            big: k.shift,
        },
        "ArrowRight" => Command::Arrow {
            dx: 1,
            dy: 0,
            big: k.shift,
        },
        "ArrowUp" => Command::Arrow {
            dx: 0,
            dy: 1,
            big: k.shift,
        },
        "ArrowDown" => Command::Arrow {
            dx: 0,
            dy: -1,
            big: k.shift,
        },
        other => Command::Tool(Tool::from_key(other)?),
    };
    Some(Shortcut::Do(c))
}

/// One line of the help panel: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys: alternatives separated by `, `, combinations joined by `+`; parts in lower
    /// case are gestures (`click`, `drag`), the others keys: `Ctrl+Shift+Z, Ctrl+Y`.
    pub keys: String,
    /// What they do.
    pub what: String,
}

/// The help panel's sections: (title, lines).
pub fn help() -> Vec<(&'static str, Vec<HelpLine>)> {
    let line = |keys: &str, what: &str| HelpLine {
        keys: keys.to_owned(),
        what: what.to_owned(),
    };
    let tools = Tool::ALL
        .iter()
        .map(|t| HelpLine {
            keys: t.key().to_ascii_uppercase().to_string(),
            what: format!("{}: {}", t.label(), lower_first(t.description())),
        })
        .collect();
    vec![
        ("Tools", tools),
        (
            "Drawing",
            vec![
                line("click", "Add a point; click the last point again to finish"),
                line("Enter, double-click", "Finish the line or outline"),
                line("Esc", "Cancel the drawing (walls already drawn stay)"),
                line("Backspace", "Take back the last point"),
                line("Shift", "Keep lines at multiples of 45°"),
                line("Alt", "Do not snap"),
            ],
        ),
        (
            "Editing",
            vec![
                line("Shift+click", "Add to or remove from the selection"),
                line("drag", "Move the selection (one undo step)"),
                line("←↑→↓", "Move the selection 0.1 m (Shift: 1 m)"),
                line("Delete", "Delete the selection"),
                line("Ctrl+A", "Select everything shown"),
                line("Ctrl+Z", "Undo"),
                line("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
                line("Esc", "Clear the selection, then back to Select"),
            ],
        ),
        (
            "View",
            vec![
                line("wheel", "Zoom about the cursor"),
                line("middle-drag, Space+drag", "Pan"),
                line("+, −", "Zoom in, out"),
                line("F, 0", "Fit the floor"),
                line("Z", "Zoom to the selection"),
                line("←↑→↓", "Pan, when nothing is selected"),
            ],
        ),
        (
            "File",
            vec![
                line(
                    "Ctrl+O",
                    "Open a project or import a plan (or drop a file on the plan)",
                ),
                line("Ctrl+S", "Save the project as a file"),
                line("?", "Show or hide this help"),
            ],
        ),
    ]
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: &str) -> Keys<'_> {
        Keys {
            key,
            ..Keys::default()
        }
    }

    fn cmd(k: Keys<'_>) -> Option<Command> {
        match shortcut(k, Target::Plan) {
            Some(Shortcut::Do(c)) => Some(c),
            _ => None,
        }
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(cmd(key("+")), Some(Command::ZoomIn));
        assert_eq!(cmd(key("-")), Some(Command::ZoomOut));
        assert_eq!(cmd(key("F")), Some(Command::Fit));
        assert_eq!(cmd(key("w")), Some(Command::Tool(Tool::Wall)));
        assert_eq!(cmd(key("?")), Some(Command::Help));
        assert_eq!(
            cmd(Keys {
                shift: true,
                ..key("ArrowLeft")
            }),
            Some(Command::Arrow {
                dx: -1,
                dy: 0,
                big: true
            })
        );
        assert_eq!(cmd(key("q")), None);
    }

    #[test]
    fn ctrl_keys_undo_redo_save_and_leave_the_browser_its_own() {
        let ctrl = |k: &'static str, shift: bool| Keys {
            ctrl: true,
            shift,
            ..key(k)
        };
        assert_eq!(cmd(ctrl("z", false)), Some(Command::Undo));
        assert_eq!(cmd(ctrl("Z", true)), Some(Command::Redo));
        assert_eq!(cmd(ctrl("y", false)), Some(Command::Redo));
        assert_eq!(
            shortcut(ctrl("s", false), Target::Plan),
            Some(Shortcut::Save)
        );
        assert_eq!(
            shortcut(ctrl("o", false), Target::Plan),
            Some(Shortcut::Open)
        );
        assert_eq!(
            shortcut(ctrl("+", false), Target::Plan),
            None,
            "the browser's zoom"
        );
        assert_eq!(
            shortcut(
                Keys {
                    alt: true,
                    ..key("w")
                },
                Target::Plan
            ),
            None
        );
    }

    #[test]
    fn text_fields_and_buttons_keep_their_keys() {
        assert_eq!(shortcut(key("w"), Target::Text), None);
        assert_eq!(shortcut(key("Escape"), Target::Text), None);
        let ctrl_z = Keys {
            ctrl: true,
            ..key("z")
        };
        assert_eq!(shortcut(ctrl_z, Target::Text), None, "the field's own undo");
        let ctrl_s = Keys {
            ctrl: true,
            ..key("s")
        };
        assert_eq!(shortcut(ctrl_s, Target::Text), Some(Shortcut::Save));
        assert_eq!(shortcut(key("Enter"), Target::Control), None);
        assert_eq!(shortcut(key(" "), Target::Control), None);
        assert_eq!(
            shortcut(key("w"), Target::Control),
            Some(Shortcut::Do(Command::Tool(Tool::Wall)))
        );
    }

    #[test]
    fn the_help_lists_every_tool_with_its_key() {
        let sections = help();
        let tools = &sections[0].1;
        assert_eq!(tools.len(), Tool::ALL.len());
        for (line, tool) in tools.iter().zip(Tool::ALL) {
            assert_eq!(cmd(key(&line.keys)), Some(Command::Tool(tool)), "{line:?}");
            assert!(line.what.starts_with(tool.label()));
        }
    }
}
