//! Scenarios of the final tail as a command (issue 17): `tailplan scenarios`. A scenario file
//! read and checked against the project (or the built-in scenarios), each scenario applied,
//! routed and totalled; the comparison as JSON or CSV.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tailplan_core::Project;
use tailplan_core::diagnostics::Diagnostic;
use tailplan_core::scenario::{
    self, EnergyOptions, Scenario, ScenarioFile, ScenarioFileError, ScenarioResult,
};

use crate::error::AppError;

/// The scenarios to compare and how energy is counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScenariosRequest {
    /// The scenario file, read by [`read_file`]; `None` for the built-in scenarios.
    pub file: Option<ScenarioFile>,
    /// Scenarios compared after the file's (or the built-in ones): the editor's own. Their
    /// rules are checked against the project as the file's are.
    pub then: Vec<Scenario>,
    /// Duty cycle, gateway power, PoE efficiency.
    pub energy: EnergyOptions,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScenariosResult {
    /// The currency of every cost (the project's; a scenario's own prices may name another).
    pub currency: String,
    /// Each scenario, in the file's order.
    pub scenarios: Vec<ScenarioResult>,
    /// The development plan, when the file has phases: the campus as drawn, then after each
    /// year, with what the year costs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<scenario::Plan>,
    /// What the file asks that the project does not have (rules that match nothing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Diagnostic>,
}

/// Reads a scenario file's text; `file` is its name in messages.
pub fn read_file(file: &str, text: &str) -> Result<ScenarioFile, AppError> {
    scenario::read(text, &scenario::BUILTIN).map_err(|error| AppError::Scenarios {
        file: file.to_owned(),
        error,
    })
}

/// Compares the scenarios of `request` on `project`; `file` names the scenario file in
/// messages. A phase naming a building or floor the project lacks is refused; a rule that
/// matches nothing is a warning.
pub fn compare(
    file: &str,
    project: &Project,
    request: &ScenariosRequest,
) -> Result<ScenariosResult, AppError> {
    compare_with_media(file, project, request).map(|(r, _)| r)
}

/// [`compare`], with what each scenario changes of the plan, in the comparison's order (to
/// draw a scenario on the plan).
pub fn compare_with_media(
    file: &str,
    project: &Project,
    request: &ScenariosRequest,
) -> Result<(ScenariosResult, Vec<scenario::ScenarioMedia>), AppError> {
    let energy = &request.energy;
    for (what, v, ok) in [
        (
            "the duty cycle",
            energy.duty_cycle,
            (0.0..=1.0).contains(&energy.duty_cycle),
        ),
        (
            "a gateway's power",
            energy.gateway_w,
            (0.0..=1000.0).contains(&energy.gateway_w),
        ),
        (
            "the PoE efficiency",
            energy.poe_efficiency,
            energy.poe_efficiency > 0.0 && energy.poe_efficiency <= 1.0,
        ),
    ] {
        if !ok || !v.is_finite() {
            return Err(AppError::Scenarios {
                file: file.to_owned(),
                error: ScenarioFileError::Field {
                    path: what.to_owned(),
                    message: format!("{v} is out of range"),
                },
            });
        }
    }
    let mut warnings = Vec::new();
    let then = (!request.then.is_empty()).then(|| ScenarioFile {
        scenarios: request.then.clone(),
        phases: Vec::new(),
    });
    for f in request.file.iter().chain(&then) {
        let found = scenario::check(f, project);
        if found.iter().any(Diagnostic::is_error) {
            return Err(AppError::Scenarios {
                file: file.to_owned(),
                error: ScenarioFileError::Invalid(found),
            });
        }
        warnings.extend(found);
    }
    let (scenarios, media): (Vec<ScenarioResult>, Vec<scenario::ScenarioMedia>) =
        scenario::compare_with_media(
            project,
            request.file.as_ref().map(|f| f.scenarios.as_slice()),
            &request.then,
            energy,
        )
        .map_err(|why| AppError::Scenarios {
            file: file.to_owned(),
            error: ScenarioFileError::Field {
                path: "prices".into(),
                message: why,
            },
        })?
        .into_iter()
        .unzip();
    let plan = match &request.file {
        Some(f) if !f.phases.is_empty() => Some(scenario::plan(project, f, energy).map_err(
            |why| AppError::Scenarios {
                file: file.to_owned(),
                error: ScenarioFileError::Field {
                    path: "phases".into(),
                    message: why,
                },
            },
        )?),
        _ => None,
    };
    Ok((
        ScenariosResult {
            currency: project.settings.prices.currency.clone(),
            scenarios,
            plan,
            warnings,
        },
        media,
    ))
}

/// The comparison as CSV, one row per scenario ([`tailplan_io::csv::scenarios`]).
pub fn csv(result: &ScenariosResult) -> String {
    tailplan_io::csv::scenarios(&result.scenarios)
}
