//! `tailplan place-aps PROJECT.json` and `tailplan place-gateways PROJECT.json`: proposals of
//! positions (printed, and saved as JSON with `--out`), not edits of the project.

use std::fmt::Write as _;
use std::path::PathBuf;

use tailplan_app::json::round_numbers;
use tailplan_app::{ApPlacementRequest, GatewayPlacementRequest, parse, placement};
use tailplan_core::coverage::placement::{ApPlacement, ApPlacementOptions, GatewayPlacement};
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::cmd::GridLimit;
use crate::files;

/// Propose access point positions and channels reaching a coverage target.
#[derive(clap::Args)]
pub struct ApsArgs {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// The floor's id (needed when the project has several floors).
    #[arg(long, value_name = "ID")]
    floor: Option<String>,
    /// The Wi-Fi band: 2.4, 5 or 6.
    #[arg(long, value_name = "2.4|5|6", default_value = "5")]
    band: String,
    /// The RSSI every covered cell needs, dBm.
    #[arg(long, value_name = "DBM", default_value_t = -67.0, allow_hyphen_values = true)]
    target: f64,
    /// Percent of the room area that must reach the target.
    #[arg(
        long,
        value_name = "PERCENT",
        default_value_t = 95.0,
        allow_hyphen_values = true
    )]
    coverage: f64,
    /// Also want two access points at the target (secondary coverage).
    #[arg(long)]
    secondary: bool,
    /// Percent of the room area that must hear two, with --secondary.
    #[arg(
        long,
        value_name = "PERCENT",
        default_value_t = 85.0,
        allow_hyphen_values = true
    )]
    secondary_coverage: f64,
    /// EIRP of the proposed access points, dBm.
    #[arg(
        long,
        value_name = "DBM",
        default_value_t = 20.0,
        allow_hyphen_values = true
    )]
    tx: f64,
    /// Mounting height, metres (default: the floor's ceiling).
    #[arg(long, value_name = "METRES", allow_hyphen_values = true)]
    height: Option<f64>,
    /// Distance between candidate positions, metres.
    #[arg(
        long,
        value_name = "METRES",
        default_value_t = 2.0,
        allow_hyphen_values = true
    )]
    spacing: f64,
    /// Cell side of the coverage grid the target is checked on, metres.
    #[arg(
        long,
        value_name = "METRES",
        default_value_t = 1.0,
        allow_hyphen_values = true
    )]
    cell: f64,
    #[command(flatten)]
    limit: GridLimit,
    /// Keep the floor's access points of the band and count their coverage.
    #[arg(long)]
    keep_existing: bool,
    /// Add access points where a radio would serve more clients than the project's
    /// capacity settings allow (the rooms' people and the client mix).
    #[arg(long)]
    capacity: bool,
    /// Save the proposal as JSON.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Propose gateway positions reaching every IoT device with a margin.
#[derive(clap::Args)]
pub struct GatewaysArgs {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// The floor's id (needed when the project has several floors).
    #[arg(long, value_name = "ID")]
    floor: Option<String>,
    /// The technology (default: every technology the floor's devices use).
    #[arg(long, value_name = "lorawan|ble|zigbee|thread")]
    tech: Option<String>,
    /// The link margin each device needs over the sensitivity, dB.
    #[arg(
        long,
        value_name = "DB",
        default_value_t = 10.0,
        allow_hyphen_values = true
    )]
    margin: f64,
    /// EIRP of the proposed gateways, dBm (default: the technology's).
    #[arg(long, value_name = "DBM", allow_hyphen_values = true)]
    tx: Option<f64>,
    /// Mounting height, metres (default: the floor's ceiling).
    #[arg(long, value_name = "METRES", allow_hyphen_values = true)]
    height: Option<f64>,
    /// Distance between candidate positions, metres.
    #[arg(
        long,
        value_name = "METRES",
        default_value_t = 2.0,
        allow_hyphen_values = true
    )]
    spacing: f64,
    /// Keep the floor's gateways of the technology and count what they reach.
    #[arg(long)]
    keep_existing: bool,
    /// Save the proposals as JSON.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs `place-aps`.
pub fn run_aps(args: ApsArgs) -> Result<(), Failure> {
    let request = ApPlacementRequest {
        floor: args.floor.clone(),
        options: ApPlacementOptions {
            band: parse::band(&args.band)?,
            target_dbm: args.target,
            coverage_percent: args.coverage,
            secondary: args.secondary,
            secondary_percent: args.secondary_coverage,
            tx_dbm: args.tx,
            height_m: args.height,
            spacing_m: args.spacing,
            cell_m: args.cell,
            max_cells: args.limit.max_grid_cells,
            keep_existing: args.keep_existing,
            capacity: args.capacity,
            ..ApPlacementOptions::default()
        },
    };
    request.check()?;
    let name = args.project.display().to_string();
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let placed = placement::place_aps(&name, &loaded.project, &request)?;
    print!("{}", aps_text(&placed));
    if let Some(path) = &args.out {
        let mut v = serde_json::to_value(&placed).expect("placement serialises");
        round_numbers(&mut v);
        files::write_atomic(path, serde_json::to_string_pretty(&v).expect("json"))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// The proposal as text.
pub fn aps_text(p: &ApPlacement) -> String {
    let o = &p.options;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "floor \"{}\", {} GHz: {} access point(s) proposed{} from {} candidate positions",
        p.floor,
        o.band.as_str(),
        p.proposals.len(),
        if p.kept.is_empty() {
            String::new()
        } else {
            format!(" besides {} kept", p.kept.len())
        },
        p.candidates
    );
    for ap in &p.proposals {
        let co = ap
            .co_channel_dbm
            .map_or("none".into(), |d| format!("{d:.1} dBm"));
        let _ = writeln!(
            out,
            "  {:<8} x {:>8.2}  y {:>8.2}  h {:.2} m  channel {:>3}  {} dBm  co-channel {co}",
            ap.id, ap.position.x, ap.position.y, ap.height_m, ap.channel, ap.tx_dbm
        );
    }
    let a = &p.achieved;
    let _ = write!(
        out,
        "achieved: {:.1} % of {} cells at >= {} dBm",
        a.percent, a.cells, o.target_dbm
    );
    if o.secondary {
        let _ = write!(out, ", {:.1} % with two", a.secondary_percent);
    }
    let _ = writeln!(
        out,
        " ({})",
        if a.target_met {
            "target met"
        } else {
            "target NOT met"
        }
    );
    if let Some(c) = &p.capacity {
        let _ = writeln!(
            out,
            "capacity: {:.0} clients on the band, {} access point(s) added for them; the busiest radio serves {:.1} (limit {:.0})",
            c.clients, c.added, c.busiest, c.limit
        );
    }
    out
}

/// Runs `place-gateways`.
pub fn run_gateways(args: GatewaysArgs) -> Result<(), Failure> {
    let request = GatewayPlacementRequest {
        floor: args.floor.clone(),
        tech: args.tech.as_deref().map(parse::tech).transpose()?,
        margin_db: args.margin,
        tx_dbm: args.tx,
        height_m: args.height,
        spacing_m: args.spacing,
        keep_existing: args.keep_existing,
    };
    request.check()?;
    let name = args.project.display().to_string();
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let placed = placement::place_gateways(&name, &loaded.project, &request)?;
    if placed.placements.is_empty() {
        eprintln!(
            "warning: floor \"{}\" has no device with a tech: nothing to place",
            placed.floor
        );
    }
    for p in &placed.placements {
        print!("{}", gateways_text(p));
    }
    if let Some(path) = &args.out {
        let mut v = serde_json::to_value(&placed).expect("placements serialise");
        round_numbers(&mut v);
        files::write_atomic(path, serde_json::to_string_pretty(&v).expect("json"))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// The proposal as text.
pub fn gateways_text(p: &GatewayPlacement) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "floor \"{}\", {}: {} gateway(s) proposed{} for {} device(s), margin {} dB",
        p.floor,
        p.options.tech.as_str(),
        p.proposals.len(),
        if p.kept.is_empty() {
            String::new()
        } else {
            format!(" besides {} kept", p.kept.len())
        },
        p.devices,
        p.options.margin_db
    );
    for g in &p.proposals {
        let _ = writeln!(
            out,
            "  {:<8} x {:>8.2}  y {:>8.2}  h {:.2} m  {} dBm  reaches {} device(s)",
            g.id,
            g.position.x,
            g.position.y,
            g.height_m,
            g.tx_dbm,
            g.devices.len()
        );
    }
    let _ = writeln!(
        out,
        "reached {} of {}{}",
        p.reached,
        p.devices,
        if p.unreachable.is_empty() {
            String::new()
        } else {
            format!(
                "; no position reaches {} with the margin",
                p.unreachable.join(", ")
            )
        }
    );
    out
}
