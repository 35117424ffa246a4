//! `tailplan`: the command-line surface of tailplan, for scripts and batch work.
//!
//! Thin by design: arguments become a request of `tailplan-app`, its result becomes text and
//! files. Reading and writing files, the terminal, the clock and running several projects in
//! parallel are all it does itself.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod batch;
mod cmd;
mod files;
mod flags;
mod heatmap_png;

/// Design the final tail of a building's network: import plans, inspect and export projects.
#[derive(Parser)]
#[command(name = "tailplan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import a floor plan (DXF, SVG, GeoJSON, IMDF, IFC, PNG/JPEG scan) into a project file.
    Import(cmd::import::Args),
    /// Export a project: GeoJSON, DXF (the design on TP-* layers), the cable schedule (CSV).
    Export(cmd::export::Args),
    /// Show a project's floors, element counts and extents.
    Info(cmd::info::Args),
    /// Compute a floor's coverage heatmap (JSON, PNG, CSV) and statistics.
    Coverage(cmd::coverage::Args),
    /// Propose access point positions and channels reaching a coverage target.
    PlaceAps(cmd::place::ApsArgs),
    /// Propose gateway positions reaching every IoT device with a margin.
    PlaceGateways(cmd::place::GatewaysArgs),
    /// List the built-in access point models (radios, antennas, PoE) an access point may name.
    ApModels(cmd::models::Args),
    /// Antenna patterns: add a pattern file (MSI / Planet) to a project, list them.
    Antenna(cmd::antenna::Args),
    /// Assign channels to a floor's access points, overlapping least with what each hears.
    PlanChannels(cmd::channels::Args),
    /// Wi-Fi clients and airtime per radio, from the rooms' occupancy and the client mix.
    Capacity(cmd::capacity::Args),
    /// Route every cable to a telecom room: schedule, bill of materials, routed project.
    Route(cmd::route::Args),
    /// Check the design rules (lengths, tray fill, PoE, ports): exit 1 when one fails.
    Check(cmd::check::Args),
    /// Compare scenarios of the final tail (media per endpoint by rules): ports, metres,
    /// switches, PoE, capital cost and energy of each.
    Scenarios(cmd::scenarios::Args),
    /// Draw design sheets (SVG, one PDF or one zip of the SVGs): a floor's cabling or coverage
    /// sheet, the riser diagrams and rack maps, or the whole set.
    Sheet(cmd::sheet::Args),
    /// The radio model's predictions against a site survey's measurements: mean error, MAE,
    /// RMSE and spread, per access point and room, the worst rows.
    Accuracy(cmd::survey::AccuracyArgs),
    /// Fit the radio model to a site survey (access point offsets, path-loss exponent, wall
    /// losses) with cross-validation, and write the calibrated project.
    Calibrate(cmd::survey::CalibrateArgs),
}

/// A failure to report: the message, and the exit code (2 for bad input).
#[derive(Debug)]
pub struct Failure {
    /// The process exit code.
    pub code: u8,
    /// One line saying what went wrong, naming the file.
    pub message: String,
}

impl Failure {
    /// Bad input: exit code 2.
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "tailplan: internal error: {info}. Please report this with the file that caused it."
        );
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import(a) => cmd::import::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Info(a) => cmd::info::run(a),
        Command::Coverage(a) => cmd::coverage::run(a),
        Command::PlaceAps(a) => cmd::place::run_aps(a),
        Command::PlaceGateways(a) => cmd::place::run_gateways(a),
        Command::ApModels(a) => cmd::models::run(a),
        Command::Antenna(a) => cmd::antenna::run(a),
        Command::PlanChannels(a) => cmd::channels::run(a),
        Command::Capacity(a) => cmd::capacity::run(a),
        Command::Route(a) => cmd::route::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Scenarios(a) => cmd::scenarios::run(a),
        Command::Sheet(a) => cmd::sheet::run(a),
        Command::Accuracy(a) => cmd::survey::run_accuracy(a),
        Command::Calibrate(a) => cmd::survey::run_calibrate(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("tailplan: error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
