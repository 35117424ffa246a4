//! The cabling panel: "Route all", what the routing found (the design-rule findings, a
//! click zooms to each), the cable schedule, the bill of materials and the final-tail
//! comparison, as sortable tables filtered by text. Long tables draw only the rows in view.

use std::rc::Rc;

use tailplan_core::diagnostics::Severity;
use tailplan_core::routing::rules::medium_name;
use web_sys::Element;
use yew::prelude::*;

use super::{CablingTab, CablingView, RoutingView, Sort, Table, Tone, severity_word};
use crate::browser::events::input_value;
use crate::state::Action;
use crate::ui::icons::{Icon, icon};

/// Height of a table row, CSS px (`.vtable .table__row` in the styles).
pub const ROW_PX: f64 = 25.0;
/// Rows drawn beyond the visible ones, above and below.
const OVERSCAN: usize = 12;

/// Properties of [`CablingPanel`].
#[derive(Properties, PartialEq)]
pub struct CablingPanelProps {
    /// What to show.
    pub view: Rc<CablingView>,
    /// A project is open.
    pub enabled: bool,
    /// State actions.
    pub on_action: Callback<Action>,
    /// Routes every cable.
    pub on_route: Callback<()>,
    /// Shows the riser diagrams: the campus's (`true`) or the building on screen's.
    pub on_sheets: Callback<bool>,
}

/// The cabling panel.
#[function_component(CablingPanel)]
pub fn cabling_panel(props: &CablingPanelProps) -> Html {
    let v = &props.view;
    let route_button = html! {
        <button type="button" class="btn btn--primary" data-testid="route-all" disabled={!props.enabled || v.busy} title="Route every cable to a telecom room along the trays (one undo step)" onclick={props.on_route.reform(|_: MouseEvent| ())}>
            { icon(Icon::Route) }{ if v.busy { "Routing…" } else { "Route all" } }
        </button>
    };
    let riser_button = html! {
        <button type="button" class="btn" data-testid="riser-diagram" disabled={!props.enabled} title="The building's riser diagram (distributors, floors, backbone cables) and every distributor's rack and port map" onclick={props.on_sheets.reform(|_: MouseEvent| false)}>
            { "Riser diagram" }
        </button>
    };
    let Some((r, tables)) = v.routing.as_ref() else {
        return html! {
            <section class="panel" data-testid="cabling-panel" aria-label="Cabling">
                <p class="panel__hint">{ "Routes every wired endpoint (outlet ports, access points, wired devices) to a telecom room along the trays and risers, checks the design rules and lists the cables, the materials and each device's final-tail options." }</p>
                <div class="panel__actions panel__actions--start">{ route_button }{ riser_button.clone() }</div>
            </section>
        };
    };
    let routing = &r.routing;
    let (errors, warnings) = r.counts();
    let by_medium: Vec<String> = [
        tailplan_core::Medium::Cat6a,
        tailplan_core::Medium::Spe,
        tailplan_core::Medium::Fiber,
    ]
    .into_iter()
    .filter_map(|m| {
        let n = routing.cables.iter().filter(|c| c.medium == m).count();
        (n > 0).then(|| format!("{} {n}", medium_name(m)))
    })
    .collect();
    let summary = html! {
        <div class="routing-summary" data-testid="routing-summary">
            <div class="routing-summary__figures">
                <span><strong>{ group(routing.cables.len()) }</strong>{ " cables" }</span>
                <span><strong>{ format!("{} m", group(routing.total_m().round() as usize)) }</strong></span>
                <span class={classes!((errors > 0).then_some("text-fail"))}><strong>{ errors }</strong>{ " errors" }</span>
                <span class={classes!((warnings > 0).then_some("text-warn"))}><strong>{ warnings }</strong>{ " warnings" }</span>
            </div>
            <div class="panel__hint">
                { format!("{}{} · {} of {} endpoints served · routed in {:.0} ms", by_medium.join(" · "), if routing.unserved.is_empty() { String::new() } else { format!(" · {} unserved", routing.unserved.len()) }, routing.cables.len(), routing.endpoints, r.compute_ms) }
            </div>
            if v.stale {
                <p class="prop__warning" data-testid="routing-stale">{ "The project has changed since it was routed: route it again to bring the tables up to date." }</p>
            }
        </div>
    };
    let tabs = CablingTab::ALL.iter().map(|&t| {
        let count = match t {
            CablingTab::Findings => routing.findings.len(),
            CablingTab::Schedule => routing.cables.len() + routing.backbone.len(),
            CablingTab::Materials => r.bom.lines.len(),
            CablingTab::FinalTail => routing.final_tail.len(),
            CablingTab::Distributors => routing.distributors.len(),
        };
        html! {
            <button type="button" role="tab" class="subtab" aria-selected={if t == v.tab { "true" } else { "false" }} data-testid={format!("cabling-tab-{}", t.name())} onclick={props.on_action.reform(move |_: MouseEvent| Action::ShowCablingTab(t))}>
                { t.label() }<span class="subtab__count">{ count }</span>
            </button>
        }
    });
    let on_filter = props
        .on_action
        .reform(|e: InputEvent| Action::FilterTables(input_value(&e)));
    let body = match v.tab {
        CablingTab::Findings => findings(props, r),
        tab => {
            let table = match tab {
                CablingTab::Schedule => tables.schedule.clone(),
                CablingTab::Materials => tables.bom.clone(),
                CablingTab::Distributors => tables.distributors.clone(),
                _ => tables.final_tail.clone(),
            };
            html! {
                <VirtualTable
                    table={table}
                    sort={v.sort}
                    filter={AttrValue::from(v.filter.clone())}
                    test_id={format!("table-{}", tab.name())}
                    on_sort={props.on_action.reform(move |column| Action::SortTable { tab, column })}
                    on_row={props.on_action.reform(Action::ShowElement)}
                />
            }
        }
    };
    html! {
        <section class="panel cabling" data-testid="cabling-panel" aria-label="Cabling">
            <div class="panel__actions panel__actions--start">{ route_button }{ riser_button.clone() }</div>
            { summary }
            <div class="subtabs" role="tablist" aria-label="Cabling tables">{ for tabs }</div>
            if v.tab != CablingTab::Findings {
                <input class="prop__input filter" type="search" placeholder="Filter: a cable id, a name, a room…" aria-label="Filter the table" data-testid="table-filter" value={v.filter.clone()} oninput={on_filter} />
            }
            { body }
        </section>
    }
}

/// `1,651`.
pub fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn findings(props: &CablingPanelProps, r: &RoutingView) -> Html {
    let list = &r.routing.findings;
    if list.is_empty() {
        return html! { <p class="panel__empty" data-testid="findings">{ "No design rule is broken." }</p> };
    }
    let items = list.iter().enumerate().map(|(i, f)| {
        let word = severity_word(f.severity);
        let focused = props.view.focused == Some(i);
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::FocusFinding(i));
        let values = match (f.measured, f.limit) {
            (Some(m), Some(l)) => format!(" ({m:.1} / {l:.1})"),
            _ => String::new(),
        };
        html! {
            <li>
                <button type="button" class={classes!("finding", format!("finding--{word}"), focused.then_some("finding--focused"))} data-testid={format!("finding-{i}")} title="Show it on the plan" {onclick}>
                    <span class="finding__badge">{ i + 1 }</span>
                    <span class="finding__body">
                        <span class="finding__rule">{ format!("{word} · {}", f.rule.as_str().replace('_', " ")) }</span>
                        <span class="finding__message">{ format!("{}{values}", f.message) }</span>
                        <span class="finding__where">{ f.location.clone() }</span>
                    </span>
                </button>
            </li>
        }
    });
    let errors = list
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    html! {
        <>
            <p class="panel__hint">{ format!("{} findings, {errors} of them errors. Click one to see it on the plan.", list.len()) }</p>
            <ul class="findings" data-testid="findings">{ for items }</ul>
        </>
    }
}

/// Properties of [`VirtualTable`].
#[derive(Properties, PartialEq)]
pub struct VirtualTableProps {
    /// The table.
    pub table: Rc<Table>,
    /// Its sort.
    pub sort: Option<Sort>,
    /// The filter text.
    pub filter: AttrValue,
    /// Its test id.
    pub test_id: String,
    /// A heading was clicked.
    pub on_sort: Callback<usize>,
    /// A row was clicked: its element.
    pub on_row: Callback<String>,
}

/// A table that draws only the rows in view (the schedule of a big building has thousands).
#[function_component(VirtualTable)]
pub fn virtual_table(props: &VirtualTableProps) -> Html {
    let scroller = use_node_ref();
    let scroll = use_state(|| (0.0f64, 600.0f64));
    let order = {
        let table = props.table.clone();
        use_memo(
            (props.table.clone(), props.sort, props.filter.clone()),
            move |(_, sort, filter)| table.order(*sort, filter),
        )
    };
    let on_scroll = {
        let scroll = scroll.clone();
        let scroller = scroller.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<Element>() {
                scroll.set((f64::from(el.scroll_top()), f64::from(el.client_height())));
            }
        })
    };
    let (top, height) = *scroll;
    let n = order.len();
    let first = ((top / ROW_PX).floor() as usize)
        .saturating_sub(OVERSCAN)
        .min(n);
    let last = (first + (height / ROW_PX).ceil() as usize + 2 * OVERSCAN).min(n);
    let cols = props.table.columns.len();
    let heads = props.table.columns.iter().enumerate().map(|(i, c)| {
        let sorted = props.sort.filter(|s| s.column == i);
        let aria = match sorted {
            Some(Sort { descending: false, .. }) => "ascending",
            Some(_) => "descending",
            None => "none",
        };
        let arrow = match sorted {
            Some(Sort { descending: false, .. }) => " ▲",
            Some(_) => " ▼",
            None => "",
        };
        html! {
            <th class={classes!("table__head", c.numeric.then_some("table__head--num"))} aria-sort={aria} scope="col">
                <button type="button" class="table__sort" onclick={props.on_sort.reform(move |_: MouseEvent| i)} title="Sort by this column">
                    { c.label }{ arrow }
                </button>
            </th>
        }
    });
    let rows = order[first..last].iter().map(|&i| {
        let row = &props.table.rows[i];
        let target = row.target.clone();
        let onclick = props.on_row.reform(move |_: MouseEvent| target.clone().unwrap_or_default());
        let tone = match row.tone {
            Tone::Plain => None,
            Tone::Warning => Some("table__row--warn"),
            Tone::Fail => Some("table__row--fail"),
        };
        html! {
            <tr key={i} class={classes!("table__row", row.target.is_some().then_some("table__row--click"), tone)} onclick={row.target.is_some().then_some(onclick)}>
                { for row.cells.iter().enumerate().map(|(c, cell)| html! {
                    <td class={classes!(
                        "table__cell",
                        props.table.columns[c].numeric.then_some("table__cell--num"),
                        (row.highlight == Some(c)).then_some("table__cell--best"),
                    )}>{ cell.text() }</td>
                }) }
            </tr>
        }
    });
    let spacer = |rows: usize| {
        (rows > 0).then(|| {
            html! {
                <tr class="table__spacer" aria-hidden="true">
                    <td colspan={cols.to_string()} height={format!("{}", rows as f64 * ROW_PX)}></td>
                </tr>
            }
        })
    };
    let footer = props.table.footer.as_ref().map(|cells| {
        html! {
            <tfoot>
                <tr class="table__row table__row--total">
                    { for cells.iter().enumerate().map(|(c, cell)| html! {
                        <td class={classes!("table__cell", props.table.columns[c].numeric.then_some("table__cell--num"))}>{ cell.text() }</td>
                    }) }
                </tr>
            </tfoot>
        }
    });
    html! {
        <div class="table-wrap vtable" ref={scroller} onscroll={on_scroll}>
            <table class="table" data-testid={props.test_id.clone()} data-rows={n.to_string()}>
                <thead><tr>{ for heads }</tr></thead>
                <tbody>
                    { for spacer(first) }
                    { for rows }
                    { for spacer(n - last) }
                </tbody>
                { for footer }
            </table>
            if n == 0 {
                <p class="panel__empty">{ "No row holds this text." }</p>
            }
        </div>
    }
}
