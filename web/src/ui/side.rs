//! The side panel: tabs for the selection's properties, coverage and cabling, and the
//! legend under them.

use yew::prelude::*;

use super::icons::{Icon, icon};
use crate::state::{Action, SidePanel};

/// Properties of [`SideTabs`].
#[derive(Properties, PartialEq)]
pub struct SideTabsProps {
    /// The tab shown.
    pub panel: SidePanel,
    /// State actions.
    pub on_action: Callback<Action>,
}

/// The tabs at the top of the side panel.
#[function_component(SideTabs)]
pub fn side_tabs(props: &SideTabsProps) -> Html {
    let tabs = SidePanel::ALL.iter().map(|&p| {
        let selected = p == props.panel;
        let glyph = match p {
            SidePanel::Properties => None,
            SidePanel::Coverage => Some(icon(Icon::Signal)),
            SidePanel::Cabling => Some(icon(Icon::Route)),
            SidePanel::Scenarios | SidePanel::Survey => None,
        };
        html! {
            <button
                type="button"
                role="tab"
                class="side__tab"
                aria-selected={if selected { "true" } else { "false" }}
                data-testid={format!("panel-{}", p.name())}
                onclick={props.on_action.reform(move |_: MouseEvent| Action::ShowPanel(p))}
            >
                { for glyph }{ p.label() }
            </button>
        }
    });
    html! {
        <div class="side__tabs" role="tablist" aria-label="Panels">{ for tabs }</div>
    }
}
