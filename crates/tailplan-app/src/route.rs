//! Cable routing as a command: [`RouteResult`] (the counts, the schedule, the bill of
//! materials and everything routing found), its tables as CSV ([`CsvTable`]), and the routed
//! project; and [`CheckResult`], the design-rule report of `tailplan check`.

use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tailplan_core::routing::{self, BillOfMaterials, Distributor, Finding, Routing, ScheduleRow};
use tailplan_core::{Project, Severity};
use tailplan_io::csv;

use crate::error::{AppError, Param};

/// The counts `tailplan route` sums up.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RouteSummary {
    /// Wired endpoints (cables wanted).
    pub endpoints: usize,
    /// Cables routed.
    pub cables: usize,
    /// Endpoints without a cable.
    pub unserved: usize,
    /// The cables' total length, metres, to the centimetre.
    pub total_m: f64,
    /// Design-rule findings of severity error.
    pub errors: usize,
    /// Backbone cables between distributors.
    pub backbone: usize,
    /// Their total length, metres, to the centimetre.
    pub backbone_m: f64,
    /// Switches in all the distributors.
    pub switches: u64,
}

/// Every cable routed to a telecom room: `tailplan route --json` and the npm package's
/// `route()`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RouteResult {
    /// The counts.
    pub summary: RouteSummary,
    /// The cable schedule, one row per cable (ANSI/TIA-606 ids), horizontal then backbone.
    pub schedule: Vec<ScheduleRow>,
    /// Every telecom room as a distributor: its role, building, floor, parent, ports used,
    /// switches and PoE.
    pub distributors: Vec<Distributor>,
    /// The bill of materials, priced from the project's settings.
    pub bill_of_materials: BillOfMaterials,
    /// Everything routing found: cables with their paths, unserved endpoints, tray fill,
    /// room loads, findings, the final-tail choice of every IoT device.
    pub routing: Routing,
}

/// Routes every cable of `project`.
pub fn route(project: &Project) -> RouteResult {
    RouteResult::of(project, routing::route(project))
}

impl RouteResult {
    /// The result of a routing already made (the editor's worker has one).
    pub fn of(project: &Project, routing: Routing) -> Self {
        let bill_of_materials = routing.bill_of_materials(project);
        Self {
            summary: RouteSummary {
                endpoints: routing.endpoints,
                cables: routing.cables.len(),
                unserved: routing.unserved.len(),
                total_m: (routing.total_m() * 100.0).round() / 100.0,
                errors: routing.errors().count(),
                backbone: routing.backbone.len(),
                backbone_m: (routing
                    .backbone
                    .iter()
                    .map(|b| b.lengths.total_m)
                    .sum::<f64>()
                    * 100.0)
                    .round()
                    / 100.0,
                switches: routing
                    .distributors
                    .iter()
                    .map(|d| u64::from(d.switches))
                    .sum(),
            },
            schedule: routing.schedule().rows,
            distributors: routing.distributors.clone(),
            bill_of_materials,
            routing,
        }
    }

    /// One of its tables as CSV (RFC 4180, guarded against spreadsheet formulas).
    pub fn csv(&self, table: CsvTable) -> String {
        let r = &self.routing;
        match table {
            CsvTable::Schedule => csv::schedule(&r.schedule()),
            CsvTable::BillOfMaterials => csv::bill_of_materials(&self.bill_of_materials),
            CsvTable::TrayFill => csv::tray_fill(&r.tray_fill),
            CsvTable::Rooms => csv::rooms(&r.rooms),
            CsvTable::Findings => csv::findings(&r.findings),
            CsvTable::FinalTail => csv::final_tail(&r.final_tail),
            CsvTable::Distributors => csv::distributors(&r.distributors),
        }
    }

    /// The project with every automatic cable added as a route marked `"routing": "auto"`
    /// (`tailplan route -o`).
    pub fn routed_project(&self, project: &Project) -> Project {
        routing::routed_project(project, &self.routing)
    }
}

/// A table of the routing as CSV: what `tailplan route` writes with `--schedule`, `--bom`,
/// `--fill`, `--rooms` and `--final-tail`, and the design-rule findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CsvTable {
    /// The cable schedule.
    Schedule,
    /// The bill of materials.
    BillOfMaterials,
    /// The fill of every tray section.
    TrayFill,
    /// The ports and PoE of every telecom room.
    Rooms,
    /// The design-rule findings.
    Findings,
    /// The final-tail choice of every IoT device.
    FinalTail,
    /// Every distributor: role, parent, ports, switches, fibre.
    Distributors,
}

impl CsvTable {
    /// Every table.
    pub const ALL: [CsvTable; 7] = [
        CsvTable::Schedule,
        CsvTable::BillOfMaterials,
        CsvTable::TrayFill,
        CsvTable::Rooms,
        CsvTable::Findings,
        CsvTable::FinalTail,
        CsvTable::Distributors,
    ];

    /// Its name: `schedule`, `bill_of_materials`...
    pub fn as_str(self) -> &'static str {
        match self {
            CsvTable::Schedule => "schedule",
            CsvTable::BillOfMaterials => "bill_of_materials",
            CsvTable::TrayFill => "tray_fill",
            CsvTable::Rooms => "rooms",
            CsvTable::Findings => "findings",
            CsvTable::FinalTail => "final_tail",
            CsvTable::Distributors => "distributors",
        }
    }
}

impl FromStr for CsvTable {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, AppError> {
        CsvTable::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| {
                AppError::unreadable(
                    Param::Table,
                    format!(
                        "unknown table \"{s}\": expected schedule, bill_of_materials, tray_fill, rooms, findings, final_tail or distributors"
                    ),
                )
            })
    }
}

/// The design-rule report: `tailplan check --json` (which fails when `errors` is not 0).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CheckResult {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Every finding: link lengths, tray fill, PoE, ports, unserved endpoints, hand routes.
    pub findings: Vec<Finding>,
}

/// Checks the design rules of `project` (its routing's findings).
pub fn check(project: &Project) -> CheckResult {
    CheckResult::of(routing::route(project).findings)
}

impl CheckResult {
    /// The report of these findings.
    pub fn of(findings: Vec<Finding>) -> Self {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        Self {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            findings,
        }
    }

    /// True when no rule fails.
    pub fn passes(&self) -> bool {
        self.errors == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_report() {
        let project = tailplan_samples::small_floor();
        let r = route(&project);
        assert_eq!(r.summary.cables, r.schedule.len());
        assert!(r.csv(CsvTable::Schedule).starts_with("cable_id,"));
        assert_eq!(
            "wiring".parse::<CsvTable>().unwrap_err().to_string(),
            "table: unknown table \"wiring\": expected schedule, bill_of_materials, tray_fill, rooms, findings, final_tail or distributors"
        );
        let c = check(&project);
        assert!(c.errors + c.warnings <= c.findings.len());
        assert_eq!(c.passes(), c.errors == 0);
    }
}
