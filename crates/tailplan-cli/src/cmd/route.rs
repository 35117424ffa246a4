//! `tailplan route PROJECT.json... [-o ROUTED.json] [--schedule FILE.csv] [--bom FILE.csv]
//! [--json FILE] [--fill FILE.csv] [--rooms FILE.csv] [--final-tail FILE.csv]
//! [--distributors FILE.csv] [--out-dir DIR]`

use std::path::{Path, PathBuf};

use tailplan_app::CsvTable;
use tailplan_core::project_file;
use tailplan_core::routing::{self, Routing, rules::medium_name};
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::batch::{self, Report};
use crate::files;

/// Route every cable to a telecom room and write the schedule, the bill of materials and the
/// routed project.
#[derive(clap::Args)]
pub struct Args {
    /// The project files (or any file `tailplan import` reads); several are routed in
    /// parallel.
    #[arg(required = true, value_name = "PROJECT")]
    projects: Vec<PathBuf>,
    /// Write the project with the automatic cables added as routes (marked
    /// `"routing": "auto"`) to this file.
    #[arg(short = 'o', long, value_name = "ROUTED.json")]
    output: Option<PathBuf>,
    /// Write the cable schedule (CSV).
    #[arg(long, value_name = "FILE.csv")]
    schedule: Option<PathBuf>,
    /// Write the bill of materials (CSV).
    #[arg(long, value_name = "FILE.csv")]
    bom: Option<PathBuf>,
    /// Write everything (cables with their paths, schedule, bill of materials, tray fill,
    /// rooms, findings, final-tail choice) as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write the fill of every tray section (CSV).
    #[arg(long, value_name = "FILE.csv")]
    fill: Option<PathBuf>,
    /// Write the ports and PoE of every telecom room (CSV).
    #[arg(long, value_name = "FILE.csv")]
    rooms: Option<PathBuf>,
    /// Write the final-tail choice of every IoT device (CSV).
    #[arg(long, value_name = "FILE.csv")]
    final_tail: Option<PathBuf>,
    /// Write every distributor: role, building, parent, ports, switches, PoE, fibre (CSV).
    #[arg(long, value_name = "FILE.csv")]
    distributors: Option<PathBuf>,
    /// Write all of the above for every project into this folder: PROJECT.routed.tailplan.json,
    /// PROJECT.routing.json, PROJECT.schedule.csv, .bom.csv, .fill.csv, .rooms.csv,
    /// .final-tail.csv and .distributors.csv.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
}

/// Where one project's outputs go.
#[derive(Debug, Clone, Default)]
struct Outputs {
    routed: Option<PathBuf>,
    schedule: Option<PathBuf>,
    bom: Option<PathBuf>,
    json: Option<PathBuf>,
    fill: Option<PathBuf>,
    rooms: Option<PathBuf>,
    final_tail: Option<PathBuf>,
    distributors: Option<PathBuf>,
}

impl Outputs {
    fn in_dir(dir: &Path, stem: &str) -> Self {
        let f = |ext: &str| Some(dir.join(format!("{stem}.{ext}")));
        Self {
            routed: f("routed.tailplan.json"),
            schedule: f("schedule.csv"),
            bom: f("bom.csv"),
            json: f("routing.json"),
            fill: f("fill.csv"),
            rooms: f("rooms.csv"),
            final_tail: f("final-tail.csv"),
            distributors: f("distributors.csv"),
        }
    }
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let named = Outputs {
        routed: args.output.clone(),
        schedule: args.schedule.clone(),
        bom: args.bom.clone(),
        json: args.json.clone(),
        fill: args.fill.clone(),
        rooms: args.rooms.clone(),
        final_tail: args.final_tail.clone(),
        distributors: args.distributors.clone(),
    };
    let several = args.projects.len() > 1;
    let names_a_file = [
        &named.routed,
        &named.schedule,
        &named.bom,
        &named.json,
        &named.fill,
        &named.rooms,
        &named.final_tail,
        &named.distributors,
    ]
    .iter()
    .any(|o| o.is_some());
    if several && names_a_file {
        return Err(Failure::input(
            "-o, --schedule, --bom, --json, --fill, --rooms, --final-tail and --distributors name one file: with several projects, give --out-dir",
        ));
    }
    let outputs: Vec<Outputs> = match &args.out_dir {
        Some(dir) => {
            let stems = batch::stems(&args.projects)?;
            batch::out_dir(dir)?;
            stems.iter().map(|s| Outputs::in_dir(dir, s)).collect()
        }
        None => vec![named; args.projects.len()],
    };
    if !several {
        return report(&args.projects[0], args.crs, &outputs[0]).finish();
    }
    let jobs: Vec<(&PathBuf, &Outputs)> = args.projects.iter().zip(&outputs).collect();
    let reports = batch::parallel("routing", &jobs, |(p, o)| report(p, args.crs, o));
    let named = args
        .projects
        .iter()
        .map(|p| p.display().to_string())
        .zip(reports)
        .collect();
    batch::finish(named, true)
}

fn report(path: &Path, crs: CrsChoice, outputs: &Outputs) -> Report {
    let mut r = Report::default();
    let result = route(path, crs, outputs, &mut r);
    r.end(result)
}

/// Routes one project and writes its outputs.
fn route(path: &Path, crs: CrsChoice, outputs: &Outputs, r: &mut Report) -> Result<(), Failure> {
    let loaded = files::load(path, crs)?;
    r.err += &files::diagnostics_text(&loaded.diagnostics, false);
    let project = &loaded.project;
    let routed = tailplan_app::route::route(project);
    if let Some(path) = &outputs.routed {
        let text = project_file::to_json(&routed.routed_project(project));
        files::write_atomic(path, text)?;
    }
    let tables = [
        (&outputs.schedule, CsvTable::Schedule),
        (&outputs.bom, CsvTable::BillOfMaterials),
        (&outputs.fill, CsvTable::TrayFill),
        (&outputs.rooms, CsvTable::Rooms),
        (&outputs.final_tail, CsvTable::FinalTail),
        (&outputs.distributors, CsvTable::Distributors),
    ];
    for (path, table) in tables {
        if let Some(path) = path {
            files::write_atomic(path, routed.csv(table))?;
        }
    }
    if let Some(path) = &outputs.json {
        let text = serde_json::to_string_pretty(&routed).expect("routing serialises");
        files::write_atomic(path, text)?;
    }
    r.out += &summary_text(&routed.routing, &routed.bill_of_materials);
    Ok(())
}

/// The summary printed after routing.
pub fn summary_text(r: &Routing, bom: &routing::BillOfMaterials) -> String {
    let mut out = format!(
        "routed {} of {} cables to {} telecom room(s), {:.1} m in all",
        r.cables.len(),
        r.endpoints,
        r.rooms.len(),
        r.total_m()
    );
    if r.unserved.is_empty() {
        out.push('\n');
    } else {
        out += &format!(" ({} endpoint(s) unserved)\n", r.unserved.len());
    }
    for q in &bom.cables {
        out += &format!(
            "  {}: {} cables, {:.1} m, {} box(es) of {} m\n",
            medium_name(q.medium),
            q.cables,
            q.length_m,
            q.reels,
            q.reel_m
        );
    }
    for (room, d) in r.rooms.iter().zip(&r.distributors) {
        out += &format!(
            "  {} ({}floor {}): {} of {} ports, PoE {:.1} W{}; {} × {}{}\n",
            room.name,
            if d.building.is_empty() {
                String::new()
            } else {
                format!("{}, ", d.building)
            },
            room.floor,
            room.used,
            room.ports,
            room.poe_w,
            room.poe_budget_w
                .map(|b| format!(" of {b} W"))
                .unwrap_or_default(),
            d.switches,
            d.switch_model,
            match (&d.parent, d.role) {
                (Some(p), role) => format!("; {} → {p}", role.as_str().to_uppercase()),
                (None, tailplan_core::DistributorRole::Fd) => String::new(),
                (None, role) => format!("; {}", role.as_str().to_uppercase()),
            }
        );
    }
    if !r.backbone.is_empty() {
        let total: f64 = r.backbone.iter().map(|b| b.lengths.total_m).sum();
        out += &format!(
            "backbone: {} fibre cable(s), {total:.1} m in all\n",
            r.backbone.len()
        );
    }
    let recommended = r
        .final_tail
        .iter()
        .filter(|c| c.recommended.is_some_and(|k| k.medium() != c.current))
        .count();
    if !r.final_tail.is_empty() {
        out += &format!(
            "final tail: {} IoT device(s), {} of them cheaper connected another way (--final-tail lists the options)\n",
            r.final_tail.len(),
            recommended
        );
    }
    let errors = r.errors().count();
    let warnings = r
        .findings
        .iter()
        .filter(|f| f.severity == tailplan_core::Severity::Warning)
        .count();
    out += &format!(
        "bill of materials: {:.2} {}; design rules: {errors} error(s), {warnings} warning(s){}\n",
        bom.total_cost,
        bom.currency,
        if errors > 0 {
            " (tailplan check lists them)"
        } else {
            ""
        }
    );
    out
}
