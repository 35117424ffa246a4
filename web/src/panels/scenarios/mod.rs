//! What the editor shows of scenarios of the final tail (issue 17): the scenario the panel
//! defines from the device classes on the plan (a medium per class), a scenario file opened
//! beside it, the comparison the files worker made (`tailplan scenarios`), and what is drawn
//! of it: the comparison table with each row's best marked, bar charts, and the development
//! plan. Plain data and pure functions.
//!
//! The scenarios panel's component is `panel`.

pub(crate) mod panel;

use std::collections::BTreeMap;
use std::rc::Rc;

use tailplan_core::scenario::{
    EnergyOptions, RuleMatch, Scenario, ScenarioKind, ScenarioResult, ScenarioRule,
};
use tailplan_core::{IotTech, Medium, Project};

use crate::worker::protocol::{DocKey, JobId, ScenariosJob, ShownScenarios};

/// The name of the panel's own scenario when none is typed.
pub const DEFAULT_NAME: &str = "my design";

/// The most bytes of a scenario file the panel reads (the reader's own limit, plus one so that
/// it names the limit).
pub const MAX_FILE_BYTES: usize = tailplan_core::scenario::MAX_SCENARIO_FILE_BYTES + 1;

/// What the panel's scenario does with the devices of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClassChoice {
    /// Leave them on their own media.
    #[default]
    Keep,
    /// A wired medium.
    Wired(Medium),
    /// Wireless: over the technology's gateways (`None`: each device's own technology).
    Wireless(Option<IotTech>),
}

impl ClassChoice {
    /// Every choice, in the order the panel lists them.
    pub fn all() -> Vec<ClassChoice> {
        let mut v = vec![
            ClassChoice::Keep,
            ClassChoice::Wired(Medium::Cat6a),
            ClassChoice::Wired(Medium::Spe),
            ClassChoice::Wired(Medium::Fiber),
            ClassChoice::Wireless(None),
        ];
        v.extend(IotTech::ALL.map(|t| ClassChoice::Wireless(Some(t))));
        v
    }

    /// Its value in the panel's select (`keep`, `cat6a`, `wireless`, `wireless:lorawan`).
    pub fn value(self) -> String {
        match self {
            ClassChoice::Keep => "keep".into(),
            ClassChoice::Wired(m) => m.as_str().into(),
            ClassChoice::Wireless(None) => "wireless".into(),
            ClassChoice::Wireless(Some(t)) => format!("wireless:{}", t.as_str()),
        }
    }

    /// The choice of a select's value.
    pub fn parse(value: &str) -> Option<ClassChoice> {
        ClassChoice::all().into_iter().find(|c| c.value() == value)
    }

    /// Its caption.
    pub fn label(self) -> String {
        match self {
            ClassChoice::Keep => "as drawn".into(),
            ClassChoice::Wired(m) => medium_label(m).into(),
            ClassChoice::Wireless(None) => "wireless (own technology)".into(),
            ClassChoice::Wireless(Some(t)) => format!("wireless: {}", tech_label(t)),
        }
    }
}

/// A medium's caption.
pub fn medium_label(m: Medium) -> &'static str {
    tailplan_core::routing::rules::medium_name(m)
}

/// A technology's caption.
pub fn tech_label(t: IotTech) -> &'static str {
    match t {
        IotTech::Lorawan => "LoRaWAN",
        IotTech::Ble => "BLE",
        IotTech::Zigbee => "Zigbee",
        IotTech::Thread => "Thread",
    }
}

/// The scenarios side of the editor's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenariosState {
    /// The comparison job in progress.
    pub job: Option<JobId>,
    /// The last comparison.
    pub shown: Option<Rc<ShownScenarios>>,
    /// Why the last comparison failed.
    pub error: Option<String>,
    /// The panel's scenario: what it does with each device class (a class not here: kept).
    pub classes: BTreeMap<String, ClassChoice>,
    /// Its name.
    pub name: String,
    /// A scenario file opened in the panel: its name and text.
    pub file: Option<(String, String)>,
    /// The share of the year the tail is powered, 0 to 1.
    pub duty_cycle: f64,
    /// The scenario of the comparison drawn on the plan (its index), if any.
    pub on_plan: Option<usize>,
    /// The building whose development plan is shown (its name); `None`: the campus.
    pub plan_of: Option<String>,
}

impl Default for ScenariosState {
    fn default() -> Self {
        Self {
            job: None,
            shown: None,
            error: None,
            classes: BTreeMap::new(),
            name: DEFAULT_NAME.into(),
            file: None,
            duty_cycle: 1.0,
            on_plan: None,
            plan_of: None,
        }
    }
}

impl ScenariosState {
    /// The panel's scenario: one rule per class given a medium, in class order; `None` when
    /// every class is kept.
    pub fn custom(&self) -> Option<Scenario> {
        let rules: Vec<ScenarioRule> = self
            .classes
            .iter()
            .filter_map(|(class, choice)| {
                let (medium, tech) = match *choice {
                    ClassChoice::Keep => return None,
                    ClassChoice::Wired(m) => (m, None),
                    ClassChoice::Wireless(t) => (Medium::Wireless, t),
                };
                Some(ScenarioRule {
                    matches: RuleMatch {
                        kind: ScenarioKind::Device,
                        class: Some(class.clone()),
                        building: None,
                        floor: None,
                    },
                    medium,
                    tech,
                    poe_w: None,
                })
            })
            .collect();
        if rules.is_empty() {
            return None;
        }
        let name = self.name.trim();
        Some(Scenario {
            name: if name.is_empty() { DEFAULT_NAME } else { name }.to_owned(),
            rules,
            prices: None,
        })
    }

    /// The comparison job for the project at `doc`.
    pub fn job_for(&self, job: JobId, doc: DocKey) -> ScenariosJob {
        ScenariosJob {
            job,
            doc,
            file: self.file.clone(),
            custom: self.custom(),
            energy: EnergyOptions {
                duty_cycle: self.duty_cycle,
                ..EnergyOptions::default()
            },
        }
    }

    /// A comparison came: shown when it is the job's.
    pub fn shown(&mut self, shown: Rc<ShownScenarios>) -> bool {
        if self.job != Some(shown.job) {
            return false;
        }
        self.job = None;
        self.error = None;
        // The same scenario stays on the plan when the new comparison has it.
        let name = self.on_plan_name().map(str::to_owned);
        self.on_plan = name.and_then(|n| shown.result.scenarios.iter().position(|s| s.name == n));
        self.shown = Some(shown);
        true
    }

    /// The name of the scenario drawn on the plan.
    pub fn on_plan_name(&self) -> Option<&str> {
        let i = self.on_plan?;
        Some(self.shown.as_ref()?.result.scenarios.get(i)?.name.as_str())
    }

    /// The floor `floor` as the scenario drawn on the plan has it: its devices on the
    /// scenario's media, with the gateways it proposes; `None` when none is drawn.
    pub fn floor_on_plan(&self, floor: &tailplan_core::Floor) -> Option<tailplan_core::Floor> {
        let i = self.on_plan?;
        let media = self.shown.as_ref()?.media.get(i)?;
        Some(media.on_floor(floor))
    }

    /// The comparison job failed: said when it is the job's.
    pub fn failed(&mut self, job: JobId, message: String) -> bool {
        if self.job != Some(job) {
            return false;
        }
        self.job = None;
        self.error = Some(message);
        true
    }

    /// Sets what the panel's scenario does with `class`.
    pub fn set_class(&mut self, class: &str, choice: ClassChoice) {
        if choice == ClassChoice::Keep {
            self.classes.remove(class);
        } else {
            self.classes.insert(class.to_owned(), choice);
        }
    }

    /// Sets the duty cycle from a percentage typed (`50`, `50 %`); false when it is not one
    /// from 0 to 100.
    pub fn set_duty_percent(&mut self, text: &str) -> bool {
        let t = text.trim().trim_end_matches('%').trim();
        match t.parse::<f64>() {
            Ok(v) if (0.0..=100.0).contains(&v) => {
                self.duty_cycle = v / 100.0;
                true
            }
            _ => false,
        }
    }
}

/// The device classes of `project` with how many devices each has, in name order.
pub fn classes_of(project: &Project) -> Vec<(String, usize)> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for d in project.floors.iter().flat_map(|f| &f.devices) {
        *n.entry(d.class()).or_default() += 1;
    }
    n.into_iter().map(|(c, k)| (c.to_owned(), k)).collect()
}

/// One row of the comparison table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its caption.
    pub label: String,
    /// Each scenario's value, as shown.
    pub cells: Vec<String>,
    /// The scenarios with the best (least) value, when the values differ.
    pub best: Vec<usize>,
    /// True when a non-zero value is a problem (unserved endpoints, errors).
    pub alarm: bool,
    /// Each scenario's value is not zero.
    pub nonzero: Vec<bool>,
}

/// Thousands grouped with thin spaces: `12 345`.
pub fn group(n: f64) -> String {
    let neg = n < 0.0;
    let digits = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    if neg && out != "0" {
        out.insert(0, '−');
    }
    out
}

/// A row of the comparison: its caption, whether a non-zero value is a problem, the figure.
type Figure = (&'static str, bool, fn(&ScenarioResult) -> f64);

/// The comparison table's rows: one per figure, with each row's least value marked.
pub fn rows(scenarios: &[ScenarioResult], currency: &str) -> Vec<Row> {
    let figures: Vec<Figure> = vec![
        ("Cat6A ports", false, |s| s.totals.ports.cat6a as f64),
        ("SPE ports", false, |s| s.totals.ports.spe as f64),
        ("Fibre ports", false, |s| s.totals.ports.fiber as f64),
        ("Cat6A m", false, |s| s.totals.cable_m.cat6a),
        ("SPE m", false, |s| s.totals.cable_m.spe),
        ("Fibre m", false, |s| s.totals.cable_m.fiber),
        ("Unserved", true, |s| s.totals.unserved as f64),
        ("Switches", false, |s| s.totals.switches as f64),
        ("PoE W", false, |s| s.totals.poe_w),
        ("Gateways", false, |s| s.totals.gateways as f64),
        ("of them proposed", false, |s| {
            s.totals.gateways_proposed as f64
        }),
        ("Access points", false, |s| s.totals.aps as f64),
        ("Capex", false, |s| s.totals.capex.unwrap_or(0.0)),
        ("kWh / year", false, |s| s.totals.energy_kwh_per_year),
        ("Errors", true, |s| s.findings.errors as f64),
        ("Warnings", false, |s| s.findings.warnings as f64),
    ];
    figures
        .into_iter()
        .map(|(label, alarm, f)| {
            let values: Vec<f64> = scenarios.iter().map(f).collect();
            let least = values.iter().copied().fold(f64::INFINITY, f64::min);
            let differ = values.iter().any(|&v| v != least);
            Row {
                label: if label == "Capex" && !currency.is_empty() {
                    format!("Capex {currency}")
                } else {
                    label.to_owned()
                },
                cells: values.iter().map(|&v| group(v)).collect(),
                best: if differ {
                    (0..values.len()).filter(|&i| values[i] == least).collect()
                } else {
                    Vec::new()
                },
                alarm,
                nonzero: values.iter().map(|&v| v != 0.0).collect(),
            }
        })
        .collect()
}

/// What a bar chart compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// Capital cost.
    Capex,
    /// Ports, stacked by medium.
    Ports,
    /// Energy a year.
    Energy,
    /// Cable metres, stacked by medium.
    Metres,
}

impl Chart {
    /// Every chart, in the panel's order.
    pub const ALL: [Chart; 4] = [Chart::Capex, Chart::Ports, Chart::Metres, Chart::Energy];

    /// Its caption.
    pub fn label(self) -> &'static str {
        match self {
            Chart::Capex => "Capital cost",
            Chart::Ports => "Patch-panel ports",
            Chart::Metres => "Horizontal cable, m",
            Chart::Energy => "Energy, kWh a year",
        }
    }

    /// Its name in test ids.
    pub fn name(self) -> &'static str {
        match self {
            Chart::Capex => "capex",
            Chart::Ports => "ports",
            Chart::Metres => "metres",
            Chart::Energy => "energy",
        }
    }
}

/// One bar: a scenario's value, in parts (one per medium, or one), each as a share of the
/// chart's longest bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The scenario.
    pub name: String,
    /// Its value.
    pub value: f64,
    /// Its parts: (what, share of the longest bar, 0 to 1).
    pub parts: Vec<(&'static str, f64)>,
}

/// The bars of `chart`, scaled from 0 to the largest value (all zero: no length).
pub fn bars(scenarios: &[ScenarioResult], chart: Chart) -> Vec<Bar> {
    let parts_of = |s: &ScenarioResult| -> Vec<(&'static str, f64)> {
        let t = &s.totals;
        match chart {
            Chart::Capex => vec![("capex", t.capex.unwrap_or(0.0).max(0.0))],
            Chart::Energy => vec![("energy", t.energy_kwh_per_year.max(0.0))],
            Chart::Ports => vec![
                ("cat6a", t.ports.cat6a as f64),
                ("spe", t.ports.spe as f64),
                ("fiber", t.ports.fiber as f64),
            ],
            Chart::Metres => vec![
                ("cat6a", t.cable_m.cat6a.max(0.0)),
                ("spe", t.cable_m.spe.max(0.0)),
                ("fiber", t.cable_m.fiber.max(0.0)),
            ],
        }
    };
    let values: Vec<Vec<(&'static str, f64)>> = scenarios.iter().map(parts_of).collect();
    let max = values
        .iter()
        .map(|p| p.iter().map(|(_, v)| v).sum::<f64>())
        .fold(0.0, f64::max);
    scenarios
        .iter()
        .zip(values)
        .map(|(s, parts)| Bar {
            name: s.name.clone(),
            value: parts.iter().map(|(_, v)| v).sum(),
            parts: parts
                .into_iter()
                .map(|(k, v)| (k, if max > 0.0 { v / max } else { 0.0 }))
                .collect(),
        })
        .collect()
}

/// One year of the development plan as the panel lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// The year (`as drawn` for the start).
    pub year: String,
    /// The phases done in it.
    pub phases: String,
    /// What the year costs.
    pub capex: f64,
    /// What the years so far cost.
    pub cumulative: f64,
    /// Ports after it (all media).
    pub ports: u64,
    /// Switches after it.
    pub switches: u64,
    /// PoE after it, watts.
    pub poe_w: f64,
    /// Unserved endpoints after it.
    pub unserved: u64,
}

/// The plan's rows: the campus (or with `building`, that building: its ports, switches, PoE
/// and unserved endpoints; the capital cost stays the campus's) as drawn, then each year.
pub fn plan_rows(plan: &tailplan_core::scenario::Plan, building: Option<&str>) -> Vec<PlanRow> {
    use tailplan_core::scenario::{BuildingTotals, Totals};
    let pick = |campus: &Totals, buildings: &[BuildingTotals]| -> Totals {
        match building {
            None => campus.clone(),
            Some(b) => buildings
                .iter()
                .find(|t| t.building == b)
                .map(|t| t.totals.clone())
                .unwrap_or_default(),
        }
    };
    let row = |year: String, phases: String, capex: f64, cumulative: f64, t: Totals| PlanRow {
        year,
        phases,
        capex,
        cumulative,
        ports: t.ports.cat6a + t.ports.spe + t.ports.fiber,
        switches: t.switches,
        poe_w: t.poe_w,
        unserved: t.unserved,
    };
    let mut out = vec![row(
        "as drawn".into(),
        String::new(),
        0.0,
        0.0,
        pick(&plan.start, &plan.start_by_building),
    )];
    let mut sum = 0.0;
    for y in &plan.years {
        sum += y.capex;
        out.push(row(
            y.year.to_string(),
            y.phases.join(", "),
            y.capex,
            sum,
            pick(&y.totals, &y.by_building),
        ));
    }
    out
}

/// The buildings the plan can be shown for, in the comparison's order.
pub fn plan_buildings(plan: &tailplan_core::scenario::Plan) -> Vec<String> {
    plan.start_by_building
        .iter()
        .map(|b| b.building.clone())
        .collect()
}

#[cfg(test)]
mod tests;
