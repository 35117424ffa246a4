//! Scenarios of the final tail (issue 17): which medium each endpoint would have, by rules
//! on its kind, class, building and floor, with the prices that differ; and phases, the
//! years in which buildings or floors move to a scenario.
//!
//! This module reads and checks scenario files (`tailplan scenarios --scenarios FILE`):
//!
//! ```json
//! {"scenarios": [{"name": "spe-sensors",
//!                 "rules": [{"match": {"kind": "device", "class": "sensor"}, "medium": "spe"}],
//!                 "prices": {"cable_per_m": {"spe": 0.8}}}],
//!  "phases": [{"name": "2027", "year": 2027, "buildings": ["A"], "scenario": "spe-sensors"}]}
//! ```
//!
//! Rules apply in order; the first that matches an endpoint sets its medium (`wireless`:
//! over the gateways of `tech`, else of the device's own technology); an endpoint no rule
//! matches keeps its own. `prices` has the shape of `settings.prices`: the members it gives
//! replace the project's for that scenario. A file is refused, with the member named
//! (`scenarios[1].rules[0].medium`), when it is not what this says; [`check`] then warns of
//! rules that match nothing in a project and refuses phases naming what it does not have.

mod compare;
mod file;
mod plan;

pub use compare::{
    Applied, BuildingTotals, DeviceMedium, DistributorTotals, EnergyOptions, FindingCounts,
    GatewayOnFloor, GatewayProposer, PROPOSAL_SPACING_M, PerWired, ScenarioMedia, ScenarioResult,
    Totals, apply, builtin, compare, compare_with_media, propose_gateways, result, wireless_first,
};
pub use file::{
    MAX_PHASES, MAX_RULE_POE_W, MAX_RULES, MAX_SCENARIO_FILE_BYTES, MAX_SCENARIOS,
    MOVED_DEVICE_POE_W, Phase, RuleMatch, Scenario, ScenarioFile, ScenarioFileError, ScenarioKind,
    ScenarioRule, check, read,
};
pub use plan::{Plan, PlanYear, plan};

/// The built-in scenarios' names, compared when no file is given.
pub const BUILTIN: [&str; 4] = ["as-drawn", "all-copper", "spe-sensors", "wireless-first"];

#[cfg(test)]
mod compare_tests;
#[cfg(test)]
mod tests;
