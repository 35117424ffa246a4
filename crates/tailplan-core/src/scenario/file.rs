//! The scenario file: its types, [`read`] (limits, strict members, every value checked) and
//! [`check`] against a project.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::devices::{IotTech, Medium};
use crate::diagnostics::{Diagnostic, summarize_errors};
use crate::project::Project;
use crate::project_file::strip_position;
use crate::settings::PriceTable;

/// The largest scenario file read, bytes.
pub const MAX_SCENARIO_FILE_BYTES: usize = 1 << 20;
/// The most scenarios in a file.
pub const MAX_SCENARIOS: usize = 32;
/// The most rules in a scenario.
pub const MAX_RULES: usize = 256;
/// The most phases in a file.
pub const MAX_PHASES: usize = 256;
/// The longest name (of a scenario, phase, class, building or floor) in a file, characters.
const MAX_NAME_CHARS: usize = 128;
/// The years a phase may be in.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2200;

/// A scenario file: scenarios, and the phases that move buildings or floors to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// The scenarios, compared in this order.
    pub scenarios: Vec<Scenario>,
    /// The development plan: in which year which buildings or floors move to which scenario.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
}

/// One design of the final tail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Its name, unique in the file (`spe-sensors`).
    pub name: String,
    /// The rules, in order: the first that matches an endpoint sets its medium.
    #[serde(default)]
    pub rules: Vec<ScenarioRule>,
    /// Prices that differ from the project's, in the shape of `settings.prices`: the members
    /// given replace the project's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<Value>,
}

/// Which endpoints get which medium.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioRule {
    /// The endpoints it applies to.
    #[serde(rename = "match")]
    pub matches: RuleMatch,
    /// The medium they get.
    pub medium: Medium,
    /// For `wireless`: the technology whose gateways serve them (else each device's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech: Option<IotTech>,
    /// For devices put on a cable (`cat6a`, `spe`) that draw nothing over it as drawn (a
    /// wireless device has its battery or mains): the watts each draws over its cable, 0 to
    /// [`MAX_RULE_POE_W`]; without it [`MOVED_DEVICE_POE_W`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_w: Option<f64>,
}

/// What a device a scenario puts on a cable draws over it when it drew nothing as drawn and
/// its rule gives no `poe_w`: 1.5 W, a ceiling sensor powered over SPE or PoE (the sample
/// buildings' SPE climate sensor).
pub const MOVED_DEVICE_POE_W: f64 = 1.5;

/// The most a rule's `poe_w` may give: 90 W, IEEE 802.3bt type 4 at the switch.
pub const MAX_RULE_POE_W: f64 = 90.0;

/// What a rule matches: endpoints of a kind, and, when given, of a device class, a building
/// (its id) and a floor (its id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleMatch {
    /// Outlets (each port), access points or devices.
    pub kind: ScenarioKind,
    /// A device class (`sensor`, `camera`...); devices only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// A building's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<String>,
    /// A floor's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<String>,
}

/// The kinds of endpoint a rule matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioKind {
    /// Outlet ports.
    Outlet,
    /// Access points.
    Ap,
    /// Devices.
    Device,
}

impl ScenarioKind {
    /// Its name in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ScenarioKind::Outlet => "outlet",
            ScenarioKind::Ap => "ap",
            ScenarioKind::Device => "device",
        }
    }
}

/// A step of the development plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Its name, unique among the phases (default: its index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The year it is done in.
    pub year: u32,
    /// The buildings (ids) that move.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buildings: Vec<String>,
    /// The floors (ids) that move.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub floors: Vec<String>,
    /// The scenario they move to: one of the file's or a built-in one.
    pub scenario: String,
    /// The phases that must come first (their names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
}

/// Why a scenario file cannot be used.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScenarioFileError {
    /// Over [`MAX_SCENARIO_FILE_BYTES`].
    #[error("the scenario file is {bytes} bytes; at most {max} are read")]
    TooBig {
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// Not JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// A member that is not what it should be.
    #[error("{path}: {message}")]
    Field {
        /// Where (`scenarios[1].rules[0].medium`).
        path: String,
        /// What.
        message: String,
    },
    /// Values that cannot be used together.
    #[error("{}", summarize_errors(.0))]
    Invalid(Vec<Diagnostic>),
}

/// Reads a scenario file: its members strictly (an unknown member is a mistake, named),
/// within the limits, every value checked; the built-in scenario names (`builtin`) may be
/// named by phases.
pub fn read(text: &str, builtin: &[&str]) -> Result<ScenarioFile, ScenarioFileError> {
    if text.len() > MAX_SCENARIO_FILE_BYTES {
        return Err(ScenarioFileError::TooBig {
            bytes: text.len(),
            max: MAX_SCENARIO_FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let file: ScenarioFile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() || path == "." {
            ScenarioFileError::Syntax {
                line: inner.line(),
                column: inner.column(),
                message: strip_position(&inner.to_string()),
            }
        } else {
            ScenarioFileError::Field {
                path,
                message: strip_position(&inner.to_string()),
            }
        }
    })?;
    de.end().map_err(|e| ScenarioFileError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let problems = validate(&file, builtin);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(ScenarioFileError::Invalid(problems))
    }
}

/// Every value of the file on its own: counts, names, media, prices, phases.
fn validate(file: &ScenarioFile, builtin: &[&str]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut err = |at: String, message: String| out.push(Diagnostic::error(at, message));
    if file.scenarios.is_empty() {
        err("scenarios".into(), "no scenario: give at least one".into());
    }
    if file.scenarios.len() > MAX_SCENARIOS {
        err(
            "scenarios".into(),
            format!(
                "{} scenarios; at most {MAX_SCENARIOS} are compared",
                file.scenarios.len()
            ),
        );
    }
    let mut names = BTreeSet::new();
    for (i, s) in file.scenarios.iter().enumerate() {
        let at = format!("scenarios[{i}]");
        if let Some(why) = bad_name(&s.name) {
            err(format!("{at}.name"), why);
        } else if !names.insert(s.name.as_str()) {
            err(
                format!("{at}.name"),
                format!("\"{}\" is the name of an earlier scenario", s.name),
            );
        }
        if s.rules.len() > MAX_RULES {
            err(
                format!("{at}.rules"),
                format!("{} rules; at most {MAX_RULES}", s.rules.len()),
            );
        }
        for (j, r) in s.rules.iter().enumerate() {
            let at = format!("{at}.rules[{j}]");
            let m = &r.matches;
            for (member, value) in [
                ("class", &m.class),
                ("building", &m.building),
                ("floor", &m.floor),
            ] {
                if let Some(why) = value.as_deref().and_then(bad_name) {
                    err(format!("{at}.match.{member}"), why);
                }
            }
            if m.class.is_some() && m.kind != ScenarioKind::Device {
                err(
                    format!("{at}.match.class"),
                    format!(
                        "only devices have a class; this rule matches kind \"{}\"",
                        m.kind.as_str()
                    ),
                );
            }
            if r.medium == Medium::Wireless && m.kind != ScenarioKind::Device {
                err(
                    format!("{at}.medium"),
                    format!(
                        "wireless is for devices (through gateways); an {} is wired",
                        if m.kind == ScenarioKind::Ap {
                            "access point"
                        } else {
                            "outlet"
                        }
                    ),
                );
            }
            if let Some(w) = r.poe_w {
                if !(0.0..=MAX_RULE_POE_W).contains(&w) {
                    err(
                        format!("{at}.poe_w"),
                        format!("{w} W is out of range: 0 to {MAX_RULE_POE_W} W"),
                    );
                } else if m.kind != ScenarioKind::Device
                    || !matches!(r.medium, Medium::Cat6a | Medium::Spe)
                {
                    err(
                        format!("{at}.poe_w"),
                        "a draw is for devices put on \"cat6a\" or \"spe\"".to_owned(),
                    );
                }
            }
            if r.tech.is_some() && r.medium != Medium::Wireless {
                err(
                    format!("{at}.tech"),
                    format!(
                        "a technology is for medium \"wireless\", not \"{}\"",
                        r.medium.as_str()
                    ),
                );
            }
        }
        if let Some(p) = &s.prices
            && let Err((path, why)) = prices(p)
        {
            err(format!("{at}.prices{path}"), why);
        }
    }
    // Phases: counts, years, names, scenarios, what moves, and no loop among `after`.
    if file.phases.len() > MAX_PHASES {
        err(
            "phases".into(),
            format!("{} phases; at most {MAX_PHASES}", file.phases.len()),
        );
    }
    let phase_name = |i: usize, p: &Phase| p.name.clone().unwrap_or_else(|| i.to_string());
    let mut phase_names: BTreeMap<String, usize> = BTreeMap::new();
    for (i, p) in file.phases.iter().enumerate() {
        let at = format!("phases[{i}]");
        let name = phase_name(i, p);
        if let Some(why) = p.name.as_deref().and_then(bad_name) {
            err(format!("{at}.name"), why);
        } else if phase_names.insert(name.clone(), i).is_some() {
            err(
                format!("{at}.name"),
                format!("\"{name}\" is the name of an earlier phase"),
            );
        }
        if !YEARS.contains(&p.year) {
            err(
                format!("{at}.year"),
                format!(
                    "{} is not a year from {} to {}",
                    p.year,
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
        if !names.contains(p.scenario.as_str()) && !builtin.contains(&p.scenario.as_str()) {
            err(
                format!("{at}.scenario"),
                format!(
                    "\"{}\" is no scenario of the file nor a built-in one ({})",
                    p.scenario,
                    builtin.join(", ")
                ),
            );
        }
        if p.buildings.is_empty() && p.floors.is_empty() {
            err(
                at.clone(),
                "moves nothing: give its buildings or floors".into(),
            );
        }
        for (member, list) in [("buildings", &p.buildings), ("floors", &p.floors)] {
            for (k, v) in list.iter().enumerate() {
                if let Some(why) = bad_name(v) {
                    err(format!("{at}.{member}[{k}]"), why);
                }
            }
        }
    }
    for (i, p) in file.phases.iter().enumerate() {
        for (k, a) in p.after.iter().enumerate() {
            if !phase_names.contains_key(a) {
                err(
                    format!("phases[{i}].after[{k}]"),
                    format!("\"{a}\" is no phase of the file"),
                );
            }
        }
    }
    if let Some(cycle) = phase_loop(&file.phases, &phase_names) {
        let names: Vec<String> = cycle
            .iter()
            .map(|&i| phase_name(i, &file.phases[i]))
            .collect();
        err(
            format!("phases[{}].after", cycle[0]),
            format!(
                "the phases wait for each other in a loop: {} → {}",
                names.join(" → "),
                names[0]
            ),
        );
    }
    out
}

/// A phase that waits, through `after`, for itself: the loop, in order.
fn phase_loop(phases: &[Phase], names: &BTreeMap<String, usize>) -> Option<Vec<usize>> {
    // Depth-first, colouring: 0 unseen, 1 on the path, 2 done.
    fn visit(
        i: usize,
        phases: &[Phase],
        names: &BTreeMap<String, usize>,
        colour: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Option<Vec<usize>> {
        colour[i] = 1;
        path.push(i);
        for a in &phases[i].after {
            let Some(&j) = names.get(a) else { continue };
            if colour[j] == 1 {
                let from = path.iter().position(|&k| k == j).unwrap_or(0);
                return Some(path[from..].to_vec());
            }
            if colour[j] == 0
                && let Some(c) = visit(j, phases, names, colour, path)
            {
                return Some(c);
            }
        }
        path.pop();
        colour[i] = 2;
        None
    }
    let mut colour = vec![0u8; phases.len()];
    for i in 0..phases.len() {
        if colour[i] == 0 {
            let mut path = Vec::new();
            if let Some(c) = visit(i, phases, names, &mut colour, &mut path) {
                return Some(c);
            }
        }
    }
    None
}

/// Why a name cannot be used, if it cannot.
fn bad_name(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        Some("is empty".into())
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(format!(
            "is {} characters long; at most {MAX_NAME_CHARS}",
            name.chars().count()
        ))
    } else {
        None
    }
}

/// Checks a `prices` member: an object of the price table's members (an unknown one is a
/// mistake), each number finite and not negative, each of the type the table has. On error,
/// the path under `prices` and why.
fn prices(patch: &Value) -> Result<(), (String, String)> {
    fn numbers(v: &Value, path: &str) -> Result<(), (String, String)> {
        match v {
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.is_finite() && x >= 0.0 => Ok(()),
                _ => Err((path.to_owned(), format!("{n} is not a price (0 or more)"))),
            },
            Value::Object(m) => m
                .iter()
                .try_for_each(|(k, v)| numbers(v, &format!("{path}.{k}"))),
            _ => Ok(()),
        }
    }
    fn unknown(patch: &Value, table: &Value, path: &str) -> Option<(String, String)> {
        let (Value::Object(p), Value::Object(t)) = (patch, table) else {
            return None;
        };
        for (k, v) in p {
            let here = format!("{path}.{k}");
            match t.get(k) {
                None => {
                    let known: Vec<&str> = t.keys().map(String::as_str).collect();
                    return Some((
                        here,
                        format!("is not a price; these are: {}", known.join(", ")),
                    ));
                }
                Some(tv) => {
                    if let Some(u) = unknown(v, tv, &here) {
                        return Some(u);
                    }
                }
            }
        }
        None
    }
    if !patch.is_object() {
        return Err((
            String::new(),
            "must be an object like settings.prices".into(),
        ));
    }
    numbers(patch, "")?;
    let mut table = serde_json::to_value(PriceTable::default()).expect("prices serialise");
    if let Some(u) = unknown(patch, &table, "") {
        return Err(u);
    }
    merge(&mut table, patch);
    serde_path_to_error::deserialize::<_, PriceTable>(table)
        .map(|_| ())
        .map_err(|e| {
            (
                format!(".{}", e.path()),
                strip_position(&e.into_inner().to_string()),
            )
        })
}

/// Writes `patch` over `base`: objects member by member, anything else replaced.
pub(crate) fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                match b.get_mut(k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (slot, v) => *slot = v.clone(),
    }
}

/// Checks a scenario file read by [`read`] against `project`: warnings for rules that match
/// no endpoint (with what they ask for) and for buildings or floors the project does not
/// have; errors for phases that move buildings or floors the project does not have.
pub fn check(file: &ScenarioFile, project: &Project) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let building_ids: BTreeSet<&str> = project
        .buildings
        .iter()
        .map(|b| b.id.as_str())
        .chain(project.floors.iter().filter_map(|f| f.building.as_deref()))
        .collect();
    let floor_ids: BTreeSet<&str> = project.floors.iter().map(|f| f.id.as_str()).collect();
    for (i, s) in file.scenarios.iter().enumerate() {
        for (j, r) in s.rules.iter().enumerate() {
            let at = format!("scenarios[{i}].rules[{j}]");
            let m = &r.matches;
            if let Some(b) = m.building.as_deref().filter(|b| !building_ids.contains(b)) {
                out.push(Diagnostic::warning(
                    &at,
                    format!("the project has no building \"{b}\": the rule matches nothing"),
                ));
                continue;
            }
            if let Some(f) = m.floor.as_deref().filter(|f| !floor_ids.contains(f)) {
                out.push(Diagnostic::warning(
                    &at,
                    format!("the project has no floor \"{f}\": the rule matches nothing"),
                ));
                continue;
            }
            if !project.floors.iter().any(|f| matches_on(m, f)) {
                out.push(Diagnostic::warning(
                    &at,
                    format!("matches nothing: {}", describe(m)),
                ));
            }
        }
    }
    for (i, p) in file.phases.iter().enumerate() {
        for (k, b) in p.buildings.iter().enumerate() {
            if !building_ids.contains(b.as_str()) {
                out.push(Diagnostic::error(
                    format!("phases[{i}].buildings[{k}]"),
                    format!("the project has no building \"{b}\""),
                ));
            }
        }
        for (k, f) in p.floors.iter().enumerate() {
            if !floor_ids.contains(f.as_str()) {
                out.push(Diagnostic::error(
                    format!("phases[{i}].floors[{k}]"),
                    format!("the project has no floor \"{f}\""),
                ));
            }
        }
    }
    out
}

/// True when the rule's match finds an endpoint on `floor`.
fn matches_on(m: &RuleMatch, floor: &crate::floor::Floor) -> bool {
    if m.floor.as_deref().is_some_and(|f| f != floor.id) {
        return false;
    }
    if m.building.is_some() && m.building.as_deref() != floor.building.as_deref() {
        return false;
    }
    match m.kind {
        ScenarioKind::Outlet => !floor.outlets.is_empty(),
        ScenarioKind::Ap => !floor.access_points.is_empty(),
        ScenarioKind::Device => floor
            .devices
            .iter()
            .any(|d| m.class.as_deref().is_none_or(|c| d.class() == c)),
    }
}

/// What a match asks for, in words: `devices of class "camera" in building "C"`.
fn describe(m: &RuleMatch) -> String {
    let mut s = match m.kind {
        ScenarioKind::Outlet => "no outlet".to_owned(),
        ScenarioKind::Ap => "no access point".to_owned(),
        ScenarioKind::Device => "no device".to_owned(),
    };
    if let Some(c) = &m.class {
        s += &format!(" of class \"{c}\"");
    }
    if let Some(b) = &m.building {
        s += &format!(" in building \"{b}\"");
    }
    if let Some(f) = &m.floor {
        s += &format!(" on floor \"{f}\"");
    }
    s
}
