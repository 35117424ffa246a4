//! The scenarios panel: the panel's own scenario (a medium per device class on the plan), a
//! scenario file opened beside it, "Compare" (the files worker routes each scenario), and
//! the comparison: a table with each row's best marked, bar charts of capital cost, ports,
//! cable and energy, and the development plan's years when the file has phases.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    Bar, Chart, ClassChoice, PlanRow, ScenariosState, bars, group, plan_buildings, plan_rows, rows,
};
use crate::browser::events::{input_value, select_value, take_file};
use crate::state::Action;

/// Properties of [`ScenariosPanel`].
#[derive(Properties, PartialEq)]
pub struct ScenariosPanelProps {
    /// The panel's state.
    pub state: Rc<ScenariosState>,
    /// The device classes on the plan, with their counts.
    pub classes: Rc<Vec<(String, usize)>>,
    /// The project's currency.
    pub currency: AttrValue,
    /// The comparison shown is of another state of the project.
    pub stale: bool,
    /// A project is open.
    pub enabled: bool,
    /// State actions.
    pub on_action: Callback<Action>,
    /// Compares the scenarios.
    pub on_compare: Callback<()>,
    /// Exports the comparison shown as its sheet (`true`: PDF, else SVG).
    pub on_sheet: Callback<bool>,
    /// A file is being made.
    pub exporting: bool,
}

/// The scenarios panel.
#[function_component(ScenariosPanel)]
pub fn scenarios_panel(props: &ScenariosPanelProps) -> Html {
    let s = &props.state;
    let busy = s.job.is_some();
    let class_rows = props.classes.iter().map(|(class, n)| {
        let chosen = s.classes.get(class).copied().unwrap_or_default();
        let class_name = class.clone();
        let on_change = props.on_action.reform(move |e: Event| {
            let value = select_value(&e);
            Action::SetScenarioClass {
                class: class_name.clone(),
                choice: ClassChoice::parse(&value).unwrap_or_default(),
            }
        });
        html! {
            <tr class="table__row">
                <td class="table__cell" title={class.clone()}>{ class }</td>
                <td class="table__cell table__cell--num">{ n }</td>
                <td class="table__cell">
                    <select class="select select--panel" data-testid={format!("scenario-class-{class}")} aria-label={format!("Medium of the {class} devices")} onchange={on_change} disabled={!props.enabled}>
                        { for ClassChoice::all().into_iter().map(|c| html! {
                            <option value={c.value()} selected={c == chosen}>{ c.label() }</option>
                        }) }
                    </select>
                </td>
            </tr>
        }
    });
    let on_name = props
        .on_action
        .reform(|e: InputEvent| Action::SetScenarioName(input_value(&e)));
    let on_duty = props
        .on_action
        .reform(|e: Event| Action::SetDutyCycle(input_value(&e)));
    let on_file = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(file) = take_file(&e) else {
                return;
            };
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let size = file.size() as usize;
                let action = if size > super::MAX_FILE_BYTES {
                    Action::ScenarioFileFailed(format!(
                        "{name}: {size} bytes, more than a scenario file may have ({} bytes)",
                        super::MAX_FILE_BYTES - 1
                    ))
                } else {
                    match crate::browser::files::read_file(&file).await {
                        Ok(bytes) => match String::from_utf8(bytes) {
                            Ok(text) => Action::ScenarioFileOpened { name, text },
                            Err(e) => Action::ScenarioFileFailed(format!(
                                "{name}: not UTF-8 text (byte {})",
                                e.utf8_error().valid_up_to()
                            )),
                        },
                        Err(e) => Action::ScenarioFileFailed(format!("{name}: {e}")),
                    }
                };
                on_action.emit(action);
            });
        })
    };
    let file = match &s.file {
        Some((name, _)) => html! {
            <div class="scenario-file" data-testid="scenario-file">
                <span title="Its scenarios (and its phases' plan) replace the built-in ones">{ format!("File: {name}") }</span>
                <button type="button" class="btn" aria-label="Close the scenario file" onclick={props.on_action.reform(|_: MouseEvent| Action::CloseScenarioFile)}>{ "×" }</button>
            </div>
        },
        None => html! {
            <label class="btn" title="A scenario file (JSON: scenarios, rules, prices, phases; see docs/scenarios.md)">
                { "Open scenario file…" }
                <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="scenario-file-input" onchange={on_file} disabled={!props.enabled} />
            </label>
        },
    };
    let compare = html! {
        <button type="button" class="btn btn--primary" data-testid="compare-scenarios" disabled={!props.enabled || busy} onclick={props.on_compare.reform(|_: MouseEvent| ())} title="Route and price each scenario (the built-in ones or the file's, then yours)">
            { if busy { "Comparing…" } else { "Compare" } }
        </button>
    };
    html! {
        <section class="panel" data-testid="scenarios-panel" aria-label="Scenarios">
            <p class="panel__hint">{ "Whole designs of the final tail side by side: each scenario sets the medium of every device by its class, is routed and checked as “Route all” does, with gateways proposed where its wireless devices need them, and priced from the bill of materials." }</p>
            <h3 class="panel__title">{ "Your scenario" }</h3>
            <div class="field">
                <label class="field__label" for="scenario-name">{ "Name" }</label>
                <input id="scenario-name" class="prop__input" data-testid="scenario-name" value={s.name.clone()} oninput={on_name} disabled={!props.enabled} />
            </div>
            if props.classes.is_empty() {
                <p class="panel__hint">{ "No devices on the plan: the comparison is of outlets and access points only." }</p>
            } else {
                <div class="table-wrap table-wrap--short">
                    <table class="table" data-testid="scenario-classes">
                        <thead><tr>
                            <th class="table__head">{ "Device class" }</th>
                            <th class="table__head table__head--num">{ "Devices" }</th>
                            <th class="table__head">{ "Medium" }</th>
                        </tr></thead>
                        <tbody>{ for class_rows }</tbody>
                    </table>
                </div>
            }
            <div class="panel__actions panel__actions--start">
                { file }
                <label class="field__label" for="duty-cycle" title="The share of the year the tail is powered, for the energy figures">{ "Powered %" }</label>
                <input id="duty-cycle" class="prop__input prop__input--num" type="number" min="0" max="100" step="5" data-testid="duty-cycle" value={format!("{:.0}", s.duty_cycle * 100.0)} onchange={on_duty} disabled={!props.enabled} />
                { compare }
            </div>
            if let Some(e) = &s.error {
                <p class="prop__error" role="alert" data-testid="scenarios-error">{ e }</p>
            }
            { comparison(props) }
        </section>
    }
}

/// The comparison: its table, charts, plan and warnings.
fn comparison(props: &ScenariosPanelProps) -> Html {
    let Some(shown) = props.state.shown.as_ref() else {
        return Html::default();
    };
    let r = &shown.result;
    let names: Vec<&str> = r.scenarios.iter().map(|s| s.name.as_str()).collect();
    let table_rows = rows(&r.scenarios, &r.currency);
    let body = table_rows.iter().map(|row| {
        let cells = row.cells.iter().enumerate().map(|(i, c)| {
            let best = row.best.contains(&i);
            let fail = row.alarm && row.nonzero[i];
            html! {
                <td class={classes!("table__cell", "table__cell--num", best.then_some("table__cell--best"), fail.then_some("text-fail"))}>{ c }</td>
            }
        });
        html! {
            <tr class="table__row"><td class="table__cell">{ row.label.clone() }</td>{ for cells }</tr>
        }
    });
    let charts = Chart::ALL
        .iter()
        .map(|&c| chart(c, &bars(&r.scenarios, c), &r.currency));
    let plan = r.plan.as_ref().map(|p| {
        let buildings = plan_buildings(p);
        let of = props
            .state
            .plan_of
            .as_deref()
            .filter(|b| buildings.iter().any(|x| x == b));
        let pick = (buildings.len() > 1).then(|| {
            let on_pick = props.on_action.reform(|e: Event| {
                let value = select_value(&e);
                Action::ShowPlanOf((!value.is_empty()).then_some(value))
            });
            html! {
                <label class="field field--grow">
                    <span class="field__label">{ "Of" }</span>
                    <select class="select select--panel" data-testid="plan-of" aria-label="The development plan of the campus or one building" onchange={on_pick}>
                        <option value="" selected={of.is_none()}>{ "the campus" }</option>
                        { for buildings.iter().map(|b| html! {
                            <option value={b.clone()} selected={of == Some(b.as_str())}>{ b.clone() }</option>
                        }) }
                    </select>
                </label>
            }
        });
        plan(&plan_rows(p, of), &r.currency, pick, of.is_some())
    });
    let on_plan = props.state.on_plan;
    let on_show = props.on_action.reform(|e: Event| {
        let value = select_value(&e);
        Action::ShowScenarioOnPlan(value.parse().ok())
    });
    let proposed_here = props
        .state
        .on_plan
        .and_then(|i| shown.media.get(i))
        .map_or(0, |m| m.gateways.len());
    html! {
        <div class="scenarios" data-testid="scenarios-comparison">
            <p class="panel__hint" data-testid="scenarios-summary">
                { format!("{} scenarios compared in {:.0} ms · prices in {}", names.len(), shown.compute_ms, r.currency) }
            </p>
            <label class="field field--grow">
                <span class="field__label">{ "On the plan" }</span>
                <select class="select select--panel" data-testid="scenario-on-plan" aria-label="The scenario drawn on the plan" onchange={on_show}>
                    <option value="" selected={on_plan.is_none()}>{ "the project as drawn" }</option>
                    { for names.iter().enumerate().map(|(i, n)| html! {
                        <option value={i.to_string()} selected={on_plan == Some(i)}>{ *n }</option>
                    }) }
                </select>
            </label>
            if on_plan.is_some() {
                <p class="panel__hint" data-testid="scenario-on-plan-note">
                    { format!("The plan shows each device on the scenario's medium (the legend's colours) and the gateways it proposes ({proposed_here} on all floors); edits go to the project as drawn.") }
                </p>
            }
            <div class="panel__actions panel__actions--start">
                { for [(false, "scenario-sheet", "Comparison sheet (SVG)"), (true, "scenario-sheet-pdf", "(PDF)")].into_iter().map(|(pdf, id, label)| html! {
                    <button type="button" class="btn" data-testid={id} disabled={props.stale || props.exporting} onclick={props.on_sheet.reform(move |_: MouseEvent| pdf)} title={if props.stale { "Compare again first: the sheet is of the comparison shown" } else if pdf { "The comparison sheet as a PDF page to print (A3)" } else { "The comparison as a design sheet for the budget meeting: table, charts, per building, the plan (SVG, A3)" }}>
                        { label }
                    </button>
                }) }
            </div>
            if props.stale {
                <p class="prop__warning" data-testid="scenarios-stale">{ "The project has changed since: compare again to bring the figures up to date." }</p>
            }
            <div class="table-wrap">
                <table class="table" data-testid="scenarios-table">
                    <thead><tr>
                        <th class="table__head">{ "" }</th>
                        { for names.iter().map(|n| html! { <th class="table__head table__head--num" title={n.to_string()}>{ *n }</th> }) }
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            { for charts }
            { plan.unwrap_or_default() }
            if !r.warnings.is_empty() {
                <ul class="scenario-warnings" data-testid="scenarios-warnings">
                    { for r.warnings.iter().map(|w| html! { <li class="text-warn">{ w.message.clone() }</li> }) }
                </ul>
            }
        </div>
    }
}

/// Width of a chart's drawing, in its own units; names take the left, bars the middle,
/// values the right.
const CHART_W: f64 = 480.0;
const NAME_W: f64 = 128.0;
const VALUE_W: f64 = 96.0;
const BAR_H: f64 = 14.0;
const ROW_H: f64 = 20.0;

/// A name cut to `n` characters with an ellipsis.
fn cut(name: &str, n: usize) -> String {
    if name.chars().count() <= n {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(n.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// One bar chart, as SVG.
fn chart(c: Chart, bars: &[Bar], currency: &str) -> Html {
    let h = ROW_H * bars.len() as f64 + 4.0;
    let span = CHART_W - NAME_W - VALUE_W;
    let rows = bars.iter().enumerate().map(|(i, b)| {
        let y = 2.0 + ROW_H * i as f64;
        let mut x = NAME_W;
        let parts = b.parts.iter().filter(|(_, f)| *f > 0.0).map(|(what, f)| {
            let w = f * span;
            let rect = html! {
                <rect class={format!("bar bar--{what}")} x={format!("{x:.2}")} y={format!("{:.2}", y + (ROW_H - BAR_H) / 2.0)} width={format!("{w:.2}")} height={BAR_H.to_string()}>
                    <title>{ format!("{}: {}", b.name, what) }</title>
                </rect>
            };
            x += w;
            rect
        });
        let value = match c {
            Chart::Capex => format!("{} {currency}", group(b.value)),
            _ => group(b.value),
        };
        html! {
            <g>
                <text class="chart__name" x="0" y={format!("{:.2}", y + ROW_H * 0.68)}>{ cut(&b.name, 20) }<title>{ b.name.clone() }</title></text>
                { for parts }
                <text class="chart__value" x={format!("{:.2}", x + 4.0)} y={format!("{:.2}", y + ROW_H * 0.68)}>{ value }</text>
            </g>
        }
    });
    let stacked = matches!(c, Chart::Ports | Chart::Metres);
    html! {
        <figure class="chart" data-testid={format!("chart-{}", c.name())}>
            <figcaption class="chart__title">
                { c.label() }
                if stacked {
                    <span class="chart__key"><i class="bar--cat6a" />{ "Cat6A" }<i class="bar--spe" />{ "SPE" }<i class="bar--fiber" />{ "fibre" }</span>
                }
            </figcaption>
            <svg viewBox={format!("0 0 {CHART_W} {h:.0}")} role="img" aria-label={c.label()} width="100%">
                { for rows }
            </svg>
        </figure>
    }
}

/// The development plan: its table and a chart of each year's cost with the running total;
/// `pick` chooses the campus or a building (`building`: one is shown, whose capital cost is
/// the campus's).
fn plan(rows: &[PlanRow], currency: &str, pick: Option<Html>, building: bool) -> Html {
    let body = rows.iter().map(|r| {
        html! {
            <tr class="table__row">
                <td class="table__cell">{ r.year.clone() }</td>
                <td class="table__cell" title={r.phases.clone()}>{ r.phases.clone() }</td>
                <td class="table__cell table__cell--num">{ group(r.capex) }</td>
                <td class="table__cell table__cell--num">{ group(r.cumulative) }</td>
                <td class="table__cell table__cell--num">{ group(r.ports as f64) }</td>
                <td class="table__cell table__cell--num">{ r.switches }</td>
                <td class="table__cell table__cell--num">{ group(r.poe_w) }</td>
                <td class={classes!("table__cell", "table__cell--num", (r.unserved > 0).then_some("text-fail"))}>{ r.unserved }</td>
            </tr>
        }
    });
    // The years' costs as bars from a zero line (a year that saves goes below it), the
    // running total as a line.
    let years = &rows[1.min(rows.len())..];
    let w = CHART_W;
    let h = 130.0;
    let top = 16.0;
    let bottom = h - 18.0;
    let hi = years
        .iter()
        .flat_map(|r| [r.capex, r.cumulative])
        .fold(0.0, f64::max);
    let lo = years
        .iter()
        .flat_map(|r| [r.capex, r.cumulative])
        .fold(0.0, f64::min);
    let range = if hi - lo > 0.0 { hi - lo } else { 1.0 };
    let y_of = |v: f64| bottom - (v - lo) / range * (bottom - top);
    let step = if years.is_empty() {
        w
    } else {
        w / years.len() as f64
    };
    let bars = years.iter().enumerate().map(|(i, r)| {
        let x = step * i as f64 + step * 0.2;
        let (y0, y1) = (y_of(0.0), y_of(r.capex));
        html! {
            <g>
                <rect class="bar bar--capex" x={format!("{x:.2}")} y={format!("{:.2}", y0.min(y1))} width={format!("{:.2}", step * 0.6)} height={format!("{:.2}", (y1 - y0).abs().max(0.5))}>
                    <title>{ format!("{}: {} {currency}", r.year, group(r.capex)) }</title>
                </rect>
                <text class="chart__value" x={format!("{:.2}", x + step * 0.3)} y={format!("{:.2}", y0.min(y1) - 3.0)} text-anchor="middle">{ group(r.capex) }</text>
                <text class="chart__name" x={format!("{:.2}", x + step * 0.3)} y={format!("{:.2}", h - 4.0)} text-anchor="middle">{ r.year.clone() }</text>
            </g>
        }
    });
    let line: Vec<String> = years
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{:.2},{:.2}", step * (i as f64 + 0.5), y_of(r.cumulative)))
        .collect();
    html! {
        <div class="scenario-plan" data-testid="scenario-plan">
            <h3 class="panel__title">{ "Development plan" }</h3>
            { pick.unwrap_or_default() }
            if building {
                <p class="panel__hint" data-testid="plan-of-note">{ "Ports, switches, PoE and unserved endpoints of the building; the capital cost is the campus's (the bill of materials is not split per building)." }</p>
            }
            <div class="table-wrap">
                <table class="table" data-testid="plan-table">
                    <thead><tr>
                        <th class="table__head">{ "Year" }</th>
                        <th class="table__head">{ "Phases" }</th>
                        <th class="table__head table__head--num">{ if building { format!("Campus capex {currency}") } else { format!("Capex {currency}") } }</th>
                        <th class="table__head table__head--num">{ "So far" }</th>
                        <th class="table__head table__head--num">{ "Ports" }</th>
                        <th class="table__head table__head--num">{ "Switches" }</th>
                        <th class="table__head table__head--num">{ "PoE W" }</th>
                        <th class="table__head table__head--num">{ "Unserved" }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            <figure class="chart" data-testid="chart-plan">
                <figcaption class="chart__title">{ "Capital cost per year, and so far" }</figcaption>
                <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label="Capital cost per year" width="100%">
                    <line class="chart__axis" x1="0" x2={w.to_string()} y1={format!("{:.2}", y_of(0.0))} y2={format!("{:.2}", y_of(0.0))} />
                    { for bars }
                    if line.len() > 1 {
                        <polyline class="chart__line" points={line.join(" ")} />
                    }
                    if let Some(last) = years.last() {
                        <text class="chart__total" x={format!("{:.2}", w - 2.0)} y={format!("{:.2}", (y_of(last.cumulative) - 5.0).max(10.0))} text-anchor="end">{ format!("so far {} {currency}", group(last.cumulative)) }</text>
                    }
                </svg>
            </figure>
        </div>
    }
}
