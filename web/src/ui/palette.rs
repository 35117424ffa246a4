//! The tool palette at the left of the plan.

use yew::prelude::*;

use super::icons;
use crate::state::Action;
use crate::state::tools::{Tool, ToolGroup};

/// Properties of [`Palette`].
#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    /// The tool in hand.
    pub tool: Tool,
    /// A project is open (tools need one).
    pub enabled: bool,
    /// Picks a tool.
    pub on_action: Callback<Action>,
}

/// One button per tool, grouped, each with its key in the tooltip.
#[function_component(Palette)]
pub fn palette(props: &PaletteProps) -> Html {
    let mut items = Vec::new();
    let mut group: Option<ToolGroup> = None;
    for t in Tool::ALL {
        if group.is_some_and(|g| g != t.group()) {
            items
                .push(html! { <li class="palette__sep" role="separator" aria-hidden="true"></li> });
        }
        group = Some(t.group());
        let active = props.tool == t;
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| Action::SetTool(t));
        let key = t.key().to_ascii_uppercase();
        items.push(html! {
            <li>
                <button
                    type="button"
                    class={classes!("tool", active.then_some("tool--active"))}
                    data-testid={format!("tool-{}", t.name())}
                    aria-pressed={if active { "true" } else { "false" }}
                    aria-label={format!("{} ({key})", t.label())}
                    aria-keyshortcuts={key.to_string()}
                    title={format!("{} ({key}) – {}", t.label(), t.description())}
                    disabled={!props.enabled && t != Tool::Select && t != Tool::Pan}
                    {onclick}
                >
                    { icons::tool(t) }
                    <span class="tool__key" aria-hidden="true">{ key }</span>
                </button>
            </li>
        });
    }
    html! {
        <nav class="palette" aria-label="Tools" data-testid="tool-palette">
            <ul class="palette__list" role="list">{ for items }</ul>
        </nav>
    }
}
