//! The status bar under the plan.

use yew::prelude::*;

use crate::state::{AppState, Autosave};

/// How the project is kept in the browser, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveStatus {
    /// `saved`, `saving`, `failed` or `none`.
    pub state: &'static str,
    /// The text.
    pub text: AttrValue,
    /// `generation:revision` of the project on screen.
    pub key: AttrValue,
    /// `generation:revision` of the project kept.
    pub saved_key: AttrValue,
}

impl SaveStatus {
    /// The status bar's account of keeping `state`'s project in the browser.
    pub fn of(state: &AppState) -> SaveStatus {
        let key = state
            .doc_key()
            .map_or_else(String::new, |(g, r)| format!("{g}:{r}"));
        let (state_name, text, saved_key) = match (&state.autosave, state.doc_key()) {
            (_, None) => ("none", String::new(), String::new()),
            (Autosave::Saved(g, r), Some(current)) if (*g, *r) == current => (
                "saved",
                "Kept in this browser".to_owned(),
                format!("{g}:{r}"),
            ),
            (Autosave::Saved(g, r), Some(_)) => {
                ("saving", "Keeping…".to_owned(), format!("{g}:{r}"))
            }
            (Autosave::Failed(m), Some(_)) => ("failed", format!("Not kept: {m}"), String::new()),
            (Autosave::Idle, Some(_)) => ("saving", "Keeping…".to_owned(), String::new()),
        };
        SaveStatus {
            state: state_name,
            text: AttrValue::from(text),
            key: AttrValue::from(key),
            saved_key: AttrValue::from(saved_key),
        }
    }
}

/// Properties of [`StatusBar`].
#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// The floor's name, or what is happening.
    pub floor: AttrValue,
    /// What the floor holds.
    pub counts: AttrValue,
    /// How many elements are selected.
    pub selected: usize,
    /// The measured distance, when measuring.
    pub measure: Option<AttrValue>,
    /// Cursor position.
    pub cursor: AttrValue,
    /// The heatmap's value under the cursor.
    pub heat: Option<AttrValue>,
    /// The grid step points snap to.
    pub snap_step: AttrValue,
    /// Drawing scale, `1:200`.
    pub scale: AttrValue,
    /// Metres per pixel.
    pub resolution: AttrValue,
    /// Warnings found when the project was read.
    pub warnings: Vec<String>,
    /// Keeping the project in the browser.
    pub save: SaveStatus,
}

/// Floor, counts, selection, measure, cursor position, snap step, scale and autosave.
#[function_component(StatusBar)]
pub fn status_bar(props: &StatusBarProps) -> Html {
    let warnings = (!props.warnings.is_empty()).then(|| {
        let n = props.warnings.len();
        let title = props.warnings.join("\n");
        html! {
            <span class="status__item status__warnings" title={title} data-testid="status-warnings">
                { format!("{n} warning{}", if n == 1 { "" } else { "s" }) }
            </span>
        }
    });
    let selected = (props.selected > 0).then(|| {
        html! {
            <span class="status__item status__selected" data-testid="status-selected">
                { format!("{} selected", props.selected) }
            </span>
        }
    });
    let measure = props.measure.clone().map(|m| {
        html! { <span class="status__item status__measure" data-testid="measure-result" title="Measured distance">{ m }</span> }
    });
    let s = &props.save;
    html! {
        <footer class="status" data-testid="status-bar" aria-label="Status">
            <span class="status__item status__floor">{ props.floor.clone() }</span>
            <span class="status__item status__counts" data-testid="status-counts" title={props.counts.clone()}>{ props.counts.clone() }</span>
            { for selected }
            { for warnings }
            { for measure }
            <span class="status__spacer"></span>
            <span class={classes!("status__item", "status__save", format!("status__save--{}", s.state))}
                data-testid="save-status" data-state={s.state} data-key={s.key.clone()} data-saved-key={s.saved_key.clone()}
                title="Every change is kept in this browser: a reload or a crash loses nothing. Save makes a file."
                aria-live="polite">
                { s.text.clone() }
            </span>
            if let Some(h) = props.heat.clone() {
                <span class="status__item status__heat" data-testid="status-heat" title="The heatmap's value under the cursor">{ h }</span>
            }
            <span class="status__item status__cursor" data-testid="status-cursor" title="Cursor position, metres">{ props.cursor.clone() }</span>
            <span class="status__item status__snap" data-testid="status-snap" title="Grid step points snap to at this zoom">{ props.snap_step.clone() }</span>
            <span class="status__item status__scale" data-testid="status-scale" title="Drawing scale at 96 dpi">{ props.scale.clone() }</span>
            <span class="status__item status__resolution" title="Metres per screen pixel">{ props.resolution.clone() }</span>
        </footer>
    }
}
