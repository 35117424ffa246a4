//! The survey panel: the project's site surveys (import a CSV, remove one), the model against
//! them (overall, per access point, the worst rows), "Calibrate" (one undo step) with what it
//! moved, "Reset calibration", and what the points on the plan are coloured by.

use std::rc::Rc;

use tailplan_core::survey::CalibrationRecord;
use web_sys::File;
use yew::prelude::*;

use super::{PointColour, SurveyState, error_legend, stats_cells};
use crate::browser::events::{select_value, take_file};
use crate::state::Action;

/// Properties of [`SurveyPanel`].
#[derive(Properties, PartialEq)]
pub struct SurveyPanelProps {
    /// The panel's state.
    pub state: Rc<SurveyState>,
    /// The project's surveys: (name, rows).
    pub surveys: Rc<Vec<(String, usize)>>,
    /// The project's calibration, if it has one.
    pub record: Option<Rc<CalibrationRecord>>,
    /// The project's path-loss exponent.
    pub exponent: f64,
    /// The check shown is of another state of the project.
    pub stale: bool,
    /// A project is open.
    pub enabled: bool,
    /// State actions.
    pub on_action: Callback<Action>,
    /// Opens a file (a survey CSV goes to the project's surveys).
    pub on_open: Callback<File>,
    /// Fits the model to the surveys.
    pub on_calibrate: Callback<()>,
}

fn stats_head() -> Html {
    html! {
        <>
            <th class="table__head table__head--num">{ "Rows" }</th>
            <th class="table__head table__head--num" title="Predicted − measured: positive when the model promises more than was measured">{ "Mean" }</th>
            <th class="table__head table__head--num">{ "MAE" }</th>
            <th class="table__head table__head--num">{ "RMSE" }</th>
            <th class="table__head table__head--num">{ "Std" }</th>
        </>
    }
}

fn stats_row(label: &str, s: &tailplan_core::survey::ErrorStats, testid: Option<String>) -> Html {
    html! {
        <tr class="table__row" data-testid={testid}>
            <td class="table__cell" title={label.to_owned()}>{ label }</td>
            { for stats_cells(s).into_iter().map(|c| html! { <td class="table__cell table__cell--num">{ c }</td> }) }
        </tr>
    }
}

/// The survey panel.
#[function_component(SurveyPanel)]
pub fn survey_panel(props: &SurveyPanelProps) -> Html {
    let s = &props.state;
    let busy = s.job.is_some();
    let on_file = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = take_file(&e) {
                on_open.emit(file);
            }
        })
    };
    let surveys = props.surveys.iter().map(|(name, rows)| {
        let n = name.clone();
        html! {
            <li class="survey-list__item">
                <span title={name.clone()}>{ format!("{name} · {rows} rows") }</span>
                <button type="button" class="btn" aria-label={format!("Remove the survey {name}")} title="Remove it from the project (Ctrl+Z brings it back)" onclick={props.on_action.reform(move |_: MouseEvent| Action::RemoveSurvey(n.clone()))}>{ "×" }</button>
            </li>
        }
    });
    let calibration = match &props.record {
        Some(r) => html! {
            <p class="panel__hint" data-testid="survey-calibration">{ format!(
                "Calibrated against {} ({} rows): RMSE {:.1} → {:.1} dB, {:.1} dB on held-out points; path-loss exponent {:.2} → {:.2}.",
                r.surveys.join(", "), r.points, r.before.rmse_db, r.after.rmse_db, r.cross_validated.rmse_db,
                r.original_exponent, props.exponent,
            ) }</p>
        },
        None => {
            html! { <p class="panel__hint" data-testid="survey-calibration">{ "Not calibrated: the model's library values and nominal powers." }</p> }
        }
    };
    let on_colour = props.on_action.reform(|e: Event| {
        Action::SetSurveyColour(PointColour::parse(&select_value(&e)).unwrap_or_default())
    });
    html! {
        <section class="panel" data-testid="survey-panel" aria-label="Site survey">
            <p class="panel__hint">{ "Signal strengths measured on site (CSV: x, y, ap, rssi_dbm; floor, band, time optional) against the model's prediction through the walls at the same points; calibration fits each access point's offset, the path-loss exponent and the walls' losses to them." }</p>
            <h3 class="panel__title">{ "Surveys" }</h3>
            if props.surveys.is_empty() {
                <p class="panel__hint">{ "No survey in the project yet." }</p>
            } else {
                <ul class="survey-list" data-testid="survey-list">{ for surveys }</ul>
            }
            <div class="panel__actions panel__actions--start">
                <label class="btn" title="A survey file: CSV with x, y (plan metres), ap (or bssid), rssi_dbm">
                    { "Import survey (CSV)…" }
                    <input type="file" accept=".csv,text/csv" class="visually-hidden" data-testid="survey-file-input" onchange={on_file} disabled={!props.enabled} />
                </label>
                <button type="button" class="btn btn--primary" data-testid="calibrate" disabled={!props.enabled || busy || props.surveys.is_empty()} onclick={props.on_calibrate.reform(|_: MouseEvent| ())} title="Fit the offsets, exponent and wall losses to the surveys, checked by 5-fold cross-validation; one undo step">
                    { if busy && s.fitting { "Calibrating…" } else { "Calibrate" } }
                </button>
                if props.record.is_some() {
                    <button type="button" class="btn" data-testid="reset-calibration" disabled={!props.enabled || busy} onclick={props.on_action.reform(|_: MouseEvent| Action::ResetCalibration)} title="Exponent, materials and offsets as before the first calibration; one undo step">
                        { "Reset calibration" }
                    </button>
                }
            </div>
            { calibration }
            if let Some(e) = &s.error {
                <p class="prop__error" role="alert" data-testid="survey-error">{ e }</p>
            }
            { moved(props) }
            { checked(props, on_colour) }
        </section>
    }
}

/// What the last calibration of this session moved.
fn moved(props: &SurveyPanelProps) -> Html {
    let Some(c) = props.state.calibrated.as_ref() else {
        return Html::default();
    };
    let r = &c.calibration;
    let mut offsets: Vec<_> = r.offsets.iter().collect();
    offsets.sort_by(|a, b| b.after_db.abs().total_cmp(&a.after_db.abs()));
    let db = |v: f64| format!("{v:+.1}").replace('-', "−");
    html! {
        <>
            <h3 class="panel__title">{ "Calibration" }</h3>
            <div class="table-wrap table-wrap--short">
                <table class="table" data-testid="calibration-stats">
                    <thead><tr><th class="table__head">{ "" }</th>{ stats_head() }</tr></thead>
                    <tbody>
                        { stats_row("before", &r.before, None) }
                        { stats_row("after", &r.after, Some("calibration-after".into())) }
                        { stats_row(&format!("{}-fold held out", r.fit.folds), &r.cross_validated, None) }
                    </tbody>
                </table>
            </div>
            <div class="table-wrap table-wrap--short">
                <table class="table" data-testid="calibration-moved">
                    <thead><tr>
                        <th class="table__head">{ "Parameter" }</th>
                        <th class="table__head table__head--num">{ "Before" }</th>
                        <th class="table__head table__head--num">{ "After" }</th>
                        <th class="table__head table__head--num">{ "Rows" }</th>
                    </tr></thead>
                    <tbody>
                        <tr class="table__row">
                            <td class="table__cell">{ "path-loss exponent" }</td>
                            <td class="table__cell table__cell--num">{ format!("{:.2}", r.exponent.before) }</td>
                            <td class="table__cell table__cell--num">{ format!("{:.2}", r.exponent.after) }</td>
                            <td class="table__cell table__cell--num">{ r.after.points }</td>
                        </tr>
                        { for r.materials.iter().map(|m| html! {
                            <tr class="table__row">
                                <td class="table__cell">{ format!("{} at {} GHz", m.material, m.band.as_str()) }</td>
                                <td class="table__cell table__cell--num">{ format!("{:.1} dB", m.before_db) }</td>
                                <td class="table__cell table__cell--num">{ format!("{:.1} dB", m.after_db) }</td>
                                <td class="table__cell table__cell--num">{ m.crossings }</td>
                            </tr>
                        }) }
                        { for offsets.iter().map(|o| html! {
                            <tr class="table__row">
                                <td class="table__cell" title={o.ap.clone()}>{ format!("{} offset", o.name) }</td>
                                <td class="table__cell table__cell--num">{ db(o.before_db) }</td>
                                <td class="table__cell table__cell--num">{ db(o.after_db) }</td>
                                <td class="table__cell table__cell--num">{ o.points }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// The model against the surveys: overall, per access point, the worst rows; the points'
/// colours.
fn checked(props: &SurveyPanelProps, on_colour: Callback<Event>) -> Html {
    let s = &props.state;
    let Some(a) = s.checked.as_ref() else {
        return if s.job.is_some() && !s.fitting {
            html! { <p class="panel__hint">{ "Comparing with the model…" }</p> }
        } else {
            Html::default()
        };
    };
    let skipped = a.skipped.total();
    let colour = s.colour;
    let legend = match colour {
        PointColour::Error => html! {
            <ul class="survey-legend">
                { for error_legend().into_iter().map(|(class, _, label)| html! {
                    <li><span class={format!("survey-legend__dot survey-legend__dot--{class}")}></span>{ label }</li>
                }) }
            </ul>
        },
        PointColour::Measured => html! {
            <p class="panel__hint">{ "Each point in the colour of the strongest signal measured there, on the coverage heatmap's scale: show the heatmap (Coverage) to see the prediction under it." }</p>
        },
    };
    html! {
        <div class={classes!(props.stale.then_some("survey-stale"))}>
            <h3 class="panel__title">{ "Model against the surveys" }</h3>
            <div class="table-wrap table-wrap--short">
                <table class="table" data-testid="survey-stats">
                    <thead><tr><th class="table__head">{ "Access point" }</th>{ stats_head() }</tr></thead>
                    <tbody>
                        { stats_row("all rows", &a.stats, Some("survey-all".into())) }
                        { for a.per_ap.iter().map(|(name, stats)| stats_row(name, stats, None)) }
                    </tbody>
                </table>
            </div>
            if skipped > 0 {
                <p class="panel__hint" data-testid="survey-skipped">{ format!(
                    "{skipped} rows left out: {} not a measurement, {} of access points the project does not have, {} of unknown floors, {} of bands the access point lacks, {} in another building.",
                    a.skipped.not_measured, a.skipped.unknown_ap, a.skipped.unknown_floor, a.skipped.no_radio, a.skipped.out_of_reach
                ) }</p>
            }
            <h3 class="panel__title">{ "Worst rows" }</h3>
            <div class="table-wrap table-wrap--short">
                <table class="table" data-testid="survey-worst">
                    <thead><tr>
                        <th class="table__head">{ "Line" }</th>
                        <th class="table__head">{ "Access point" }</th>
                        <th class="table__head table__head--num">{ "Measured" }</th>
                        <th class="table__head table__head--num">{ "Predicted" }</th>
                        <th class="table__head table__head--num">{ "Error" }</th>
                    </tr></thead>
                    <tbody>
                        { for a.worst.iter().take(10).map(|w| html! {
                            <tr class="table__row">
                                <td class="table__cell" title={format!("{} floor {} at ({:.1}, {:.1})", w.survey, w.floor, w.x, w.y)}>{ w.line }</td>
                                <td class="table__cell">{ w.ap.clone() }</td>
                                <td class="table__cell table__cell--num">{ format!("{:.0}", w.measured_dbm).replace('-', "−") }</td>
                                <td class="table__cell table__cell--num">{ format!("{:.1}", w.predicted_dbm).replace('-', "−") }</td>
                                <td class="table__cell table__cell--num">{ format!("{:+.1}", w.error_db).replace('-', "−") }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="field">
                <label class="field__label" for="survey-colour">{ "Points coloured by" }</label>
                <select id="survey-colour" class="select select--panel" data-testid="survey-colour" onchange={on_colour}>
                    <option value="error" selected={colour == PointColour::Error}>{ "error (predicted − measured)" }</option>
                    <option value="measured" selected={colour == PointColour::Measured}>{ "signal measured" }</option>
                </select>
            </div>
            { legend }
            <p class="panel__hint">{ format!("{} points on the plans; compared in {:.0} ms.", a.points.len(), a.compute_ms) }</p>
        </div>
    }
}
