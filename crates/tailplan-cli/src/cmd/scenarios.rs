//! `tailplan scenarios PROJECT [--scenarios FILE] [--json] [--csv FILE]`: scenarios of the
//! final tail compared (issue 17): each applied, routed and checked as `route` does, with its
//! ports, metres, unserved endpoints, switches, PoE, gateways, capital cost and energy.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tailplan_app::json::round_numbers;
use tailplan_app::scenarios::{self, ScenariosRequest, ScenariosResult};
use tailplan_core::scenario::{EnergyOptions, MAX_SCENARIO_FILE_BYTES, ScenarioFile};
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::files;

/// Compare scenarios of the final tail: media per endpoint by rules, each routed and priced.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// The scenario file (JSON; see docs/scenarios.md); without it the built-in scenarios:
    /// as-drawn, all-copper, spe-sensors, wireless-first.
    #[arg(long, value_name = "FILE")]
    scenarios: Option<PathBuf>,
    /// Print the comparison as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Write the comparison as CSV, one row per scenario.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    #[command(flatten)]
    energy: EnergyArgs,
}

/// How the energy of a comparison is counted (`tailplan scenarios`, `tailplan sheet --kind
/// scenarios`).
#[derive(clap::Args, Debug, Clone, Copy, Default, PartialEq)]
pub struct EnergyArgs {
    /// The share of the year the tail is powered, 0 to 1, for the energy figures [default:
    /// 1].
    #[arg(long, value_name = "SHARE")]
    duty_cycle: Option<f64>,
    /// What one gateway draws, watts [default: 5].
    #[arg(long, value_name = "W")]
    gateway_w: Option<f64>,
}

impl EnergyArgs {
    /// The options, the defaults where a flag is not given.
    pub fn options(self) -> EnergyOptions {
        let d = EnergyOptions::default();
        EnergyOptions {
            duty_cycle: self.duty_cycle.unwrap_or(d.duty_cycle),
            gateway_w: self.gateway_w.unwrap_or(d.gateway_w),
            ..d
        }
    }

    /// Whether a flag is given.
    pub fn given(self) -> bool {
        self != Self::default()
    }
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let name = args.project.display().to_string();
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let file = args.scenarios.as_deref().map(read_file).transpose()?;
    let request = ScenariosRequest {
        file,
        then: Vec::new(),
        energy: args.energy.options(),
    };
    let shown = args
        .scenarios
        .as_ref()
        .map_or_else(|| name.clone(), |p| p.display().to_string());
    let result = scenarios::compare(&shown, &loaded.project, &request)?;
    files::print_diagnostics(&result.warnings, false);
    if args.json {
        let mut v = serde_json::to_value(&result).expect("a comparison serialises");
        round_numbers(&mut v);
        println!("{}", serde_json::to_string_pretty(&v).expect("json"));
    } else {
        print!("{}", text(&result));
    }
    if let Some(path) = &args.csv {
        files::write_atomic(path, scenarios::csv(&result))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Reads the scenario file at `path`: held to its size limit, UTF-8, refused naming the
/// file and the member (`tailplan scenarios` and `tailplan sheet --kind scenarios`).
pub fn read_file(path: &Path) -> Result<ScenarioFile, Failure> {
    let shown = path.display().to_string();
    // One byte past the limit is enough for the reader to refuse it.
    let bytes = files::read_head(path, MAX_SCENARIO_FILE_BYTES + 1)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::input(format!(
            "{shown}: not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(scenarios::read_file(&shown, &text)?)
}

/// The comparison as a table.
fn text(r: &ScenariosResult) -> String {
    let mut out = String::new();
    let width = r
        .scenarios
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let _ = writeln!(
        out,
        "{:width$}  {:>17}  {:>26}  {:>8}  {:>8}  {:>8}  {:>13}  {:>12}  {:>9}",
        "scenario",
        "ports Cu/SPE/fibre",
        "metres Cu/SPE/fibre",
        "unserved",
        "switches",
        "PoE W",
        "gateways(new)",
        format!("capex {}", r.currency),
        "kWh/year"
    );
    for s in &r.scenarios {
        let t = &s.totals;
        let _ = writeln!(
            out,
            "{:width$}  {:>17}  {:>26}  {:>8}  {:>8}  {:>8.1}  {:>13}  {:>12.2}  {:>9.0}",
            s.name,
            format!("{}/{}/{}", t.ports.cat6a, t.ports.spe, t.ports.fiber),
            format!(
                "{:.0}/{:.0}/{:.0}",
                t.cable_m.cat6a, t.cable_m.spe, t.cable_m.fiber
            ),
            t.unserved,
            t.switches,
            t.poe_w,
            format!("{} ({})", t.gateways, t.gateways_proposed),
            t.capex.unwrap_or(0.0),
            t.energy_kwh_per_year
        );
    }
    if let Some(plan) = &r.plan {
        let _ = writeln!(
            out,
            "\nplan: year, phases, capex of the year, then the campus after it (ports Cu/SPE/fibre, unserved, switches, PoE W)"
        );
        let t = &plan.start;
        let _ = writeln!(
            out,
            "  as drawn{:>24}  {}/{}/{}  {} unserved  {} switches  {:.1} W",
            "", t.ports.cat6a, t.ports.spe, t.ports.fiber, t.unserved, t.switches, t.poe_w
        );
        for y in &plan.years {
            let t = &y.totals;
            let _ = writeln!(
                out,
                "  {}  {:<20}  {:>+12.2} {}  {}/{}/{}  {} unserved  {} switches  {:.1} W",
                y.year,
                y.phases.join(", "),
                y.capex,
                r.currency,
                t.ports.cat6a,
                t.ports.spe,
                t.ports.fiber,
                t.unserved,
                t.switches,
                t.poe_w
            );
        }
    }
    out
}
