//! The status bar under the plan.

use yew::prelude::*;

/// Properties of [`StatusBar`].
#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// The floor's name, or what is happening.
    pub floor: AttrValue,
    /// What the floor holds.
    pub counts: AttrValue,
    /// Cursor position.
    pub cursor: AttrValue,
    /// Drawing scale, `1:200`.
    pub scale: AttrValue,
    /// Metres per pixel.
    pub resolution: AttrValue,
    /// Warnings found when the project was read.
    pub warnings: Vec<String>,
}

/// Floor, counts, cursor position and scale.
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
    html! {
        <footer class="status" data-testid="status-bar" aria-label="Status">
            <span class="status__item status__floor">{ props.floor.clone() }</span>
            <span class="status__item status__counts" data-testid="status-counts">{ props.counts.clone() }</span>
            { for warnings }
            <span class="status__spacer"></span>
            <span class="status__item status__cursor" data-testid="status-cursor" title="Cursor position, metres">{ props.cursor.clone() }</span>
            <span class="status__item status__scale" data-testid="status-scale" title="Drawing scale at 96 dpi">{ props.scale.clone() }</span>
            <span class="status__item status__resolution" title="Metres per screen pixel">{ props.resolution.clone() }</span>
        </footer>
    }
}
