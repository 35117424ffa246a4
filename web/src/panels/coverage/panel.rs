//! The coverage panel: the heatmap's band or technology and metric, its legend (colour bar
//! with the project's thresholds), where the computation stands, the floor's and each
//! room's coverage, and automatic placement with its proposal to accept or reject.

use std::rc::Rc;

use tailplan_core::coverage::{AreaKind, Service};
use yew::prelude::*;

use super::CoverageView;
use super::heatmap::{self, HeatLegend, Metric};
use crate::browser::events::{input_value, select_value};
use crate::plan::layers::Layer;
use crate::state::{Action, PlacementField};
use crate::ui::icons::{Icon, icon};

/// Properties of [`CoveragePanel`].
#[derive(Properties, PartialEq)]
pub struct CoveragePanelProps {
    /// What to show; `None` without a floor.
    pub view: Option<Rc<CoverageView>>,
    /// State actions.
    pub on_action: Callback<Action>,
    /// Starts a placement with the targets set.
    pub on_place: Callback<()>,
    /// Stops a placement in progress.
    pub on_stop: Callback<()>,
}

fn pct(x: f64) -> String {
    format!("{x:.1} %")
}

fn dbm(x: f64) -> String {
    format!("{x:.0}").replace('-', "−")
}

/// The colour bar of a legend, as SVG (stops are attributes: the page allows no inline
/// styles).
pub fn colour_bar(legend: &HeatLegend) -> Html {
    if !legend.steps.is_empty() {
        return html! {
            <div class="heat-legend__steps">
                { for legend.steps.iter().map(|(label, c)| html! {
                    <span class="heat-legend__step">
                        <svg viewBox="0 0 14 14" aria-hidden="true"><rect width="14" height="14" rx="3" fill={c.css()} /></svg>
                        { label.clone() }
                    </span>
                }) }
            </div>
        };
    }
    html! {
        <svg class="heat-legend__bar" viewBox="0 0 260 34" preserveAspectRatio="none" role="img" aria-label={format!("Colour scale, {}", legend.unit)}>
            <defs>
                <linearGradient id="heat-gradient" x1="0" x2="1" y1="0" y2="0">
                    { for legend.stops.iter().map(|(t, c)| html! {
                        <stop offset={format!("{:.3}", t)} stop-color={c.css()} />
                    }) }
                </linearGradient>
            </defs>
            <rect x="0" y="2" width="260" height="12" rx="2" fill="url(#heat-gradient)" />
            { for legend.ticks.iter().map(|t| {
                let x = 260.0 * t.at.clamp(0.0, 1.0);
                let anchor = if t.at < 0.04 { "start" } else if t.at > 0.96 { "end" } else { "middle" };
                html! {
                    <g class={classes!("heat-legend__tick", t.threshold.then_some("heat-legend__tick--threshold"))}>
                        <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={if t.threshold { "0" } else { "14" }} y2="18" />
                        <text x={format!("{x:.1}")} y="30" text-anchor={anchor}>{ t.label.clone() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// The coverage panel.
#[function_component(CoveragePanel)]
pub fn coverage_panel(props: &CoveragePanelProps) -> Html {
    let Some(v) = props.view.as_ref() else {
        return html! {
            <section class="panel" data-testid="coverage-panel">
                <p class="panel__empty">{ "Open a project to see its coverage." }</p>
            </section>
        };
    };
    let on_service = props.on_action.reform(|e: Event| {
        let name = select_value(&e);
        match heatmap::service_from_name(&name) {
            Some(s) => Action::SetService(s),
            None => Action::Notice(format!("Unknown band {name}")),
        }
    });
    let on_metric = props.on_action.reform(|e: Event| {
        Action::SetMetric(Metric::from_name(&select_value(&e)).unwrap_or_default())
    });
    let on_toggle_heat = props
        .on_action
        .reform(|_: MouseEvent| Action::ToggleLayer(Layer::Heatmap));
    let field = |f: PlacementField| {
        props
            .on_action
            .reform(move |e: Event| Action::SetPlacement {
                field: f,
                value: input_value(&e),
            })
    };

    let progress = v.progress.map(|(done, total)| {
        html! {
            <div class="meter" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={done.to_string()}>
                <svg viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
                    <rect width="100" height="4" rx="2" class="meter__track" />
                    <rect width={format!("{:.1}", 100.0 * done as f64 / total.max(1) as f64)} height="4" rx="2" class="meter__fill" />
                </svg>
            </div>
        }
    });

    let stats = v.summary.as_ref().map(|s| {
        let floor_rows = s.thresholds_dbm.iter().enumerate().map(|(i, t)| {
            let p = s.floor.percent.get(i).copied().unwrap_or(0.0);
            let p2 = s.floor.secondary_percent.get(i).copied().unwrap_or(0.0);
            html! {
                <li class="stat">
                    <span class="stat__label">{ format!("≥ {} dBm", dbm(*t)) }</span>
                    <svg class="stat__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                        <rect width="100" height="8" rx="2" class="stat__track" />
                        <rect width={format!("{:.1}", p2.clamp(0.0, 100.0))} height="8" rx="2" class="stat__second" />
                        <rect width={format!("{:.1}", p.clamp(0.0, 100.0))} height="4" y="2" rx="1" class="stat__fill" />
                    </svg>
                    <span class="stat__value" data-testid={format!("coverage-floor-{i}")}>{ pct(p) }</span>
                </li>
            }
        });
        let t0 = s.thresholds_dbm.first().copied();
        let rooms = s.rooms.iter().map(|r| {
            let p = r.percent.first().copied().unwrap_or(0.0);
            let weak = t0.is_some() && p < 95.0;
            let id = r.id.clone();
            let onclick = props.on_action.reform(move |_: MouseEvent| Action::ShowElement(id.clone()));
            html! {
                <tr class={classes!("table__row", "table__row--click", weak.then_some("table__row--warn"))} {onclick} title="Show this room">
                    <td class="table__cell">{ r.name.clone() }</td>
                    <td class="table__cell table__cell--num">{ format!("{:.0}", r.area_m2) }</td>
                    <td class="table__cell table__cell--num">{ pct(p) }</td>
                    <td class="table__cell table__cell--num">{ r.median_dbm.map(dbm).unwrap_or_default() }</td>
                </tr>
            }
        });
        let capacity = s.capacity.as_ref().map(|c| {
            let rows = c.radios.iter().map(|r| {
                let id = r.ap.clone();
                let onclick = props.on_action.reform(move |_: MouseEvent| Action::ShowElement(id.clone()));
                html! {
                    <tr class={classes!("table__row", "table__row--click", r.over.then_some("table__row--warn"))} {onclick} title={if r.over { "Over the capacity limits: show this access point" } else { "Show this access point" }}>
                        <td class="table__cell">{ format!("{} · {}", r.name, r.radio + 1) }</td>
                        <td class="table__cell table__cell--num">{ r.channel.map(|c| format!("{c}/{}", r.width_mhz)).unwrap_or_else(|| "–".into()) }</td>
                        <td class="table__cell table__cell--num" data-testid="capacity-clients">{ format!("{:.0}", r.clients) }</td>
                        <td class="table__cell table__cell--num">{ format!("{:.0} %", r.airtime_percent) }</td>
                    </tr>
                }
            });
            let over = c.radios.iter().filter(|r| r.over).count();
            html! {
                <>
                    <h3 class="panel__sub">{ format!("Clients per radio ({})", c.radios.len()) }</h3>
                    <p class="panel__hint" data-testid="capacity-summary">
                        { format!("{:.0} people · {:.0} clients · {:.0} out of reach{}", c.people, c.clients, c.unserved_clients, if over > 0 { format!(" · {over} radio(s) over the limits") } else { String::new() }) }
                    </p>
                    <div class="table-wrap table-wrap--short">
                        <table class="table" data-testid="capacity-radios">
                            <thead><tr>
                                <th class="table__head">{ "Radio" }</th>
                                <th class="table__head table__head--num">{ "Ch/MHz" }</th>
                                <th class="table__head table__head--num">{ "Clients" }</th>
                                <th class="table__head table__head--num">{ "Airtime" }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                </>
            }
        });
        html! {
            <>
                { for capacity }
                <h3 class="panel__sub">{ format!("{} · {:.0} m²{}", v.floor, s.floor.area_m2, match s.area { AreaKind::Rooms => " of rooms", AreaKind::Interior => " inside the walls", AreaKind::Plan => "" }) }</h3>
                <ul class="stats" data-testid="coverage-stats">{ for floor_rows }</ul>
                <p class="panel__hint">
                    { format!("Median {} dBm · weakest {} dBm · the light bar: a second transmitter heard", s.floor.median_dbm.map(dbm).unwrap_or_else(|| "–".into()), s.floor.min_dbm.map(dbm).unwrap_or_else(|| "–".into())) }
                </p>
                <h3 class="panel__sub">{ format!("Rooms ({})", s.rooms.len()) }</h3>
                <div class="table-wrap table-wrap--short">
                    <table class="table" data-testid="coverage-rooms">
                        <thead><tr>
                            <th class="table__head">{ "Room" }</th>
                            <th class="table__head table__head--num">{ "m²" }</th>
                            <th class="table__head table__head--num">{ t0.map(|t| format!("≥ {}", dbm(t))).unwrap_or_default() }</th>
                            <th class="table__head table__head--num">{ "Median" }</th>
                        </tr></thead>
                        <tbody>{ for rooms }</tbody>
                    </table>
                </div>
            </>
        }
    });

    let wifi = matches!(v.service, Service::Wifi(_));
    let (target_dbm, target_pct, margin, keep) = v.targets;
    let placement = match &v.proposal {
        Some(p) => {
            let what = if wifi { "access points" } else { "gateways" };
            html! {
                <div class={classes!("proposal", (!p.target_met).then_some("proposal--short"))} data-testid="proposal">
                    <div class="proposal__head">{ icon(Icon::Sparkle) }{ format!("Proposal: {} {what}", p.add.len()) }</div>
                    <p class="proposal__text">
                        { p.achieved.clone() }
                        if !p.replace.is_empty() { { format!(" · replaces {}", p.replace.len()) } }
                        if !p.target_met { { " · target not met" } }
                    </p>
                    <p class="panel__hint">{ "Shown on the plan in green; the heatmap shows the coverage with it." }</p>
                    <div class="panel__actions">
                        <button type="button" class="btn btn--quiet" data-testid="proposal-reject" onclick={props.on_action.reform(|_: MouseEvent| Action::RejectProposal)}>{ icon(Icon::Close) }{ "Reject" }</button>
                        <button type="button" class="btn btn--primary" data-testid="proposal-accept" onclick={props.on_action.reform(|_: MouseEvent| Action::AcceptProposal)}>{ icon(Icon::Check) }{ "Accept" }</button>
                    </div>
                </div>
            }
        }
        None => html! {
            <div class="place">
                if wifi {
                    <label class="prop">
                        <span class="prop__label">{ "Target" }</span>
                        <span class="prop__value">
                            <input class="prop__input prop__input--num" type="number" step="1" value={format!("{target_dbm:.0}")} data-testid="place-target-dbm" onchange={field(PlacementField::TargetDbm)} />
                            <span class="prop__unit">{ "dBm" }</span>
                        </span>
                    </label>
                    <label class="prop">
                        <span class="prop__label">{ "On" }</span>
                        <span class="prop__value">
                            <input class="prop__input prop__input--num" type="number" step="1" min="1" max="100" value={format!("{target_pct:.0}")} data-testid="place-target-percent" onchange={field(PlacementField::TargetPercent)} />
                            <span class="prop__unit">{ "% area" }</span>
                        </span>
                    </label>
                } else {
                    <label class="prop">
                        <span class="prop__label">{ "Link margin" }</span>
                        <span class="prop__value">
                            <input class="prop__input prop__input--num" type="number" step="1" value={format!("{margin:.0}")} data-testid="place-margin" onchange={field(PlacementField::MarginDb)} />
                            <span class="prop__unit">{ "dB" }</span>
                        </span>
                    </label>
                }
                <label class="check">
                    <input type="checkbox" class="prop__check" checked={keep} data-testid="place-keep" onchange={field(PlacementField::KeepExisting)} />
                    { if wifi { "Keep the floor's access points" } else { "Keep the floor's gateways" } }
                </label>
                if wifi {
                    <label class="check" title="Add access points where a radio would serve more clients than the capacity settings allow (the rooms' people)">
                        <input type="checkbox" class="prop__check" checked={v.for_capacity} data-testid="place-capacity" onchange={field(PlacementField::ForCapacity)} />
                        { "Enough for the clients too" }
                    </label>
                }
                <div class="panel__actions">
                    if v.placing {
                        <span class="panel__busy">{ "Placing…" }</span>
                        <button type="button" class="btn btn--quiet" data-testid="place-stop" onclick={props.on_stop.reform(|_: MouseEvent| ())}>{ "Stop" }</button>
                    } else {
                        if wifi {
                            <button type="button" class="btn btn--quiet" data-testid="plan-channels" title="Give the floor's access points the channels that overlap least with what each hears (one undo step)" onclick={props.on_action.reform(|_: MouseEvent| Action::PlanChannels)}>
                                { "Plan channels" }
                            </button>
                        }
                        <button type="button" class="btn btn--primary" data-testid="place-button" onclick={props.on_place.reform(|_: MouseEvent| ())}>
                            { icon(Icon::Sparkle) }{ if wifi { "Propose access points" } else { "Propose gateways" } }
                        </button>
                    }
                </div>
            </div>
        },
    };

    html! {
        <section class="panel coverage" data-testid="coverage-panel" aria-label="Coverage">
            <div class="panel__row">
                <label class="field field--grow">
                    <span class="field__label">{ "Band" }</span>
                    <select class="select select--panel" data-testid="coverage-service" aria-label="Band or technology" onchange={on_service}>
                        { for v.services.iter().map(|(s, caption)| html! {
                            <option value={heatmap::service_name(*s)} selected={*s == v.service}>{ caption.clone() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <div class="panel__row">
                <label class="field field--grow">
                    <span class="field__label">{ "Show" }</span>
                    <select class="select select--panel" data-testid="coverage-metric" aria-label="What the heatmap shows" onchange={on_metric}>
                        { for Metric::of(v.service).iter().map(|m| html! {
                            <option value={m.name()} selected={*m == v.metric}>{ m.label(v.service) }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="toggle toggle--heatmap" aria-pressed={if v.heat_shown { "true" } else { "false" }} data-testid="coverage-heat-toggle" title="Show the heatmap on the plan (the Heatmap layer)" onclick={on_toggle_heat}>
                    <span class="toggle__swatch" aria-hidden="true"></span>
                    <span class="toggle__label">{ "On plan" }</span>
                </button>
            </div>
            <div class="heat-legend" data-testid="heat-legend">
                <div class="heat-legend__title">{ v.legend.title.clone() }{ if v.legend.unit.is_empty() { String::new() } else { format!(" ({})", v.legend.unit) } }</div>
                { colour_bar(&v.legend) }
            </div>
            <p class={classes!("coverage__status", v.busy.then_some("coverage__status--busy"))} data-testid="coverage-status" aria-live="polite">{ v.status.clone() }</p>
            { for progress }
            if let Some(e) = &v.error {
                <p class="prop__error" data-testid="coverage-error">{ e.clone() }</p>
            }
            { for stats }
            <h3 class="panel__sub">{ "Automatic placement" }</h3>
            { placement }
        </section>
    }
}
