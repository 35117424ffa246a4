//! `tailplan coverage PROJECT.json... [--floor ID | --all] [--band 2.4|5|6 | --tech
//! lorawan|ble|zigbee|thread] [--cell 0.5] [--max-grid-cells N] [--out-json FILE]
//! [--out-png FILE] [--out-csv FILE] [--out-dir DIR]`: one floor's map, or every floor of
//! several projects in parallel.

use std::fmt::Write as _;
use std::path::PathBuf;

use tailplan_app::coverage::CoverageRequest;
use tailplan_app::{AppError, parse, pick_floor, pick_service, slug};
use tailplan_core::coverage::stats::CoverageStats;
use tailplan_core::coverage::{AreaKind, CoverageEngine, Heatmaps, IotLinks, Service};
use tailplan_core::{Floor, IotTech, Project, WifiBand};
use tailplan_io::geojson::CrsChoice;

use crate::batch::{self, Report};
use crate::cmd::GridLimit;
use crate::files;
use crate::{Failure, heatmap_png};

/// Compute a floor's coverage: best-server heatmap, statistics, IoT device links.
#[derive(clap::Args)]
pub struct Args {
    /// The project files (or any file `tailplan import` reads); several are computed in
    /// parallel.
    #[arg(required = true, value_name = "PROJECT")]
    projects: Vec<PathBuf>,
    /// The floor's id (needed when the project has several floors).
    #[arg(long, value_name = "ID", conflicts_with = "all")]
    floor: Option<String>,
    /// Every floor of every project (floors with no access point or gateway are skipped
    /// unless --band or --tech is given).
    #[arg(long)]
    all: bool,
    /// The Wi-Fi band: 2.4, 5 or 6 (default: the band of most of the floor's access points).
    #[arg(long, value_name = "2.4|5|6", conflicts_with = "tech")]
    band: Option<String>,
    /// An IoT technology's gateways instead: lorawan, ble, zigbee or thread.
    #[arg(long, value_name = "lorawan|ble|zigbee|thread")]
    tech: Option<String>,
    /// Cell side in metres (default: the project's setting, 0.5).
    #[arg(long, value_name = "METRES", allow_hyphen_values = true)]
    cell: Option<f64>,
    #[command(flatten)]
    limit: GridLimit,
    /// Write the grid and the statistics as JSON.
    #[arg(long, value_name = "FILE")]
    out_json: Option<PathBuf>,
    /// Write the heatmap as a PNG picture.
    #[arg(long, value_name = "FILE")]
    out_png: Option<PathBuf>,
    /// Write one line per cell as CSV.
    #[arg(long, value_name = "FILE")]
    out_csv: Option<PathBuf>,
    /// Write every map's JSON and PNG into this folder, as PROJECT-FLOOR-SERVICE.json and
    /// .png (`office-1-5ghz.json`): for several projects or --all.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

/// Where one map's outputs go.
#[derive(Debug, Clone, Default)]
struct Outputs {
    json: Option<PathBuf>,
    png: Option<PathBuf>,
    csv: Option<PathBuf>,
}

/// `office-1-5ghz`: a map's name in `--out-dir`.
fn map_name(stem: &str, floor: &Floor, service: Service) -> String {
    let service = match service {
        Service::Wifi(b) => format!("{}ghz", b.as_str()),
        Service::Iot(t) => t.as_str().to_owned(),
    };
    format!("{stem}-{}-{service}", slug(&floor.id))
}

/// One map to compute: the project (by index), the floor, the service, the outputs.
struct Job {
    project: usize,
    floor: usize,
    service: Service,
    outputs: Outputs,
}

/// The band or technology asked for by `--band` or `--tech`.
fn asked(args: &Args) -> Result<(Option<WifiBand>, Option<IotTech>), Failure> {
    let band = args.band.as_deref().map(parse::band).transpose()?;
    let tech = args.tech.as_deref().map(parse::tech).transpose()?;
    Ok((band, tech))
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    CoverageRequest {
        cell_m: args.cell,
        ..CoverageRequest::default()
    }
    .check()?;
    let (band, tech) = asked(&args)?;
    let several = args.projects.len() > 1 || args.all;
    if several && (args.out_json.is_some() || args.out_png.is_some() || args.out_csv.is_some()) {
        return Err(Failure::input(
            "--out-json, --out-png and --out-csv name one file: with several projects or --all, give --out-dir",
        ));
    }
    let stems = match &args.out_dir {
        Some(dir) => {
            let stems = batch::stems(&args.projects)?;
            batch::out_dir(dir)?;
            stems
        }
        None => Vec::new(),
    };
    if !several {
        return one(&args, stems.first().map(String::as_str), band, tech).finish();
    }

    // Read every project in parallel, then compute every map in parallel.
    let loaded = batch::parallel("reading", &args.projects, |p| {
        let mut r = Report::default();
        let project = files::load(p, CrsChoice::Auto).map(|l| {
            r.err += &files::diagnostics_text(&l.diagnostics, false);
            l.project
        });
        (r, project)
    });
    let mut heads: Vec<Report> = Vec::new();
    let mut projects: Vec<Option<Project>> = Vec::new();
    let mut jobs: Vec<Job> = Vec::new();
    for (i, (mut r, project)) in loaded.into_iter().enumerate() {
        let name = args.projects[i].display().to_string();
        let project = match project {
            Ok(p) => p,
            Err(f) => {
                heads.push(r.end(Err(f)));
                projects.push(None);
                continue;
            }
        };
        let floors: Vec<usize> = if args.all {
            (0..project.floors.len()).collect()
        } else {
            match pick_floor(&name, &project, args.floor.as_deref()) {
                Ok(f) => project
                    .floors
                    .iter()
                    .position(|g| g.id == f.id)
                    .into_iter()
                    .collect(),
                Err(e) => {
                    heads.push(r.end(Err(e.into())));
                    projects.push(None);
                    continue;
                }
            }
        };
        let mut result = Ok(());
        for k in floors {
            let floor = &project.floors[k];
            let service = match pick_service(&name, floor, band, tech) {
                Ok(s) => s,
                Err(AppError::NoTransmitter { .. }) if args.all => {
                    let _ = writeln!(
                        r.err,
                        "note: {name}: floor \"{}\" has no access point or gateway: skipped",
                        floor.id
                    );
                    continue;
                }
                Err(e) => {
                    result = Err(e.into());
                    break;
                }
            };
            let outputs = match (&args.out_dir, stems.get(i)) {
                (Some(dir), Some(stem)) => {
                    let base = dir.join(map_name(stem, floor, service));
                    Outputs {
                        json: Some(base.with_extension("json")),
                        png: Some(base.with_extension("png")),
                        csv: None,
                    }
                }
                _ => Outputs::default(),
            };
            jobs.push(Job {
                project: i,
                floor: k,
                service,
                outputs,
            });
        }
        heads.push(r.end(result));
        projects.push(Some(project));
    }
    let maps = batch::parallel("coverage", &jobs, |job| {
        let mut r = Report::default();
        let result = match &projects[job.project] {
            Some(project) => {
                let name = args.projects[job.project].display().to_string();
                map(
                    &name,
                    project,
                    &project.floors[job.floor],
                    job.service,
                    &args,
                    &job.outputs,
                    &mut r,
                )
            }
            None => Ok(()),
        };
        r.end(result)
    });
    // Each project's report, then its maps', under one header.
    let mut maps = maps.into_iter().zip(&jobs).peekable();
    let mut reports = Vec::new();
    for (i, head) in heads.into_iter().enumerate() {
        let mut r = head;
        let mut failures = Vec::new();
        if let Some(f) = r.failure.take() {
            failures.push(f);
        }
        while let Some((m, _)) = maps.next_if(|(_, j)| j.project == i) {
            r.err += &m.err;
            r.out += &m.out;
            if let Some(f) = m.failure {
                failures.push(f);
            }
        }
        // The first failure ends the report; the others are told in place.
        let mut failures = failures.into_iter();
        r.failure = failures.next();
        for f in failures {
            let _ = writeln!(r.err, "tailplan: error: {}", f.message);
        }
        reports.push((args.projects[i].display().to_string(), r));
    }
    batch::finish(reports, args.projects.len() > 1)
}

/// One project, one floor: the command as it always ran.
fn one(args: &Args, stem: Option<&str>, band: Option<WifiBand>, tech: Option<IotTech>) -> Report {
    let mut r = Report::default();
    let result = (|| {
        let path = &args.projects[0];
        let name = path.display().to_string();
        let loaded = files::load(path, CrsChoice::Auto)?;
        r.err += &files::diagnostics_text(&loaded.diagnostics, false);
        let project = &loaded.project;
        let floor = pick_floor(&name, project, args.floor.as_deref())?;
        let service = pick_service(&name, floor, band, tech)?;
        let mut outputs = Outputs {
            json: args.out_json.clone(),
            png: args.out_png.clone(),
            csv: args.out_csv.clone(),
        };
        if let (Some(dir), Some(stem)) = (&args.out_dir, stem) {
            let base = dir.join(map_name(stem, floor, service));
            outputs.json.get_or_insert(base.with_extension("json"));
            outputs.png.get_or_insert(base.with_extension("png"));
        }
        map(&name, project, floor, service, args, &outputs, &mut r)
    })();
    r.end(result)
}

/// Computes one map, says what it found, writes its outputs.
fn map(
    name: &str,
    project: &Project,
    floor: &Floor,
    service: Service,
    args: &Args,
    outputs: &Outputs,
    r: &mut Report,
) -> Result<(), Failure> {
    let (band, tech) = match service {
        Service::Wifi(b) => (Some(b), None),
        Service::Iot(t) => (None, Some(t)),
    };
    let request = CoverageRequest {
        floor: Some(floor.id.clone()),
        band,
        tech,
        cell_m: args.cell,
        max_grid_cells: args.limit.max_grid_cells,
        sinr: outputs.csv.is_some(),
        max_memory_bytes: None,
    };
    let coverage =
        tailplan_app::coverage::coverage(&mut CoverageEngine::new(), name, project, &request)?;
    let maps = &coverage.maps;
    r.out += &summary(maps, floor, &coverage.stats, coverage.links.as_ref());
    if maps.transmitters.is_empty() {
        let _ = writeln!(
            r.err,
            "warning: no {} transmitter reaches floor \"{}\": the map reads -200 dBm everywhere",
            service.label(),
            floor.id
        );
    }
    if let Some(path) = &outputs.json {
        let text = serde_json::to_string(&coverage.result().to_json_rounded()).expect("json");
        files::write_atomic(path, text)?;
        r.say(format!("wrote {}", path.display()));
    }
    if let Some(path) = &outputs.csv {
        files::write_atomic(path, tailplan_io::csv::coverage_cells(maps))?;
        r.say(format!("wrote {}", path.display()));
    }
    if let Some(path) = &outputs.png {
        let title = format!(
            "Floor {} ({}): {} best RSSI",
            floor.id,
            floor.name,
            service.label()
        );
        let png = heatmap_png::render(maps, floor, &title)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        files::write_atomic(path, png)?;
        r.say(format!("wrote {}", path.display()));
    }
    Ok(())
}

/// The text printed to stdout.
pub fn summary(
    maps: &Heatmaps,
    floor: &Floor,
    stats: &CoverageStats,
    links: Option<&IotLinks>,
) -> String {
    let mut out = String::new();
    let own = maps.transmitters.iter().filter(|r| r.slabs == 0).count();
    let what = match maps.service {
        Service::Wifi(_) => "access point(s)",
        Service::Iot(_) => "gateway(s)",
    };
    let _ = writeln!(
        out,
        "floor \"{}\" ({}), {}: {own} {what} on the floor, {} from other floors; grid {} x {} of {} m",
        floor.id,
        floor.name,
        maps.service.label(),
        maps.transmitters.len() - own,
        maps.grid.cols,
        maps.grid.rows,
        maps.grid.cell_m
    );
    let s = &stats.floor;
    let shares: Vec<String> = s
        .thresholds
        .iter()
        .map(|t| format!(">= {} dBm {:.1} %", t.threshold_dbm, t.percent))
        .collect();
    let _ = writeln!(
        out,
        "area {:.0} m2 ({}): {}",
        s.area_m2,
        match stats.area {
            AreaKind::Rooms => "rooms",
            AreaKind::Interior => "interior from the walls",
            AreaKind::Plan => "whole grid",
        },
        shares.join(", ")
    );
    if let Some(t) = s.thresholds.first() {
        let _ = writeln!(
            out,
            "secondary coverage >= {} dBm: {:.1} %; median {} dBm",
            t.threshold_dbm,
            t.secondary_percent,
            s.median_dbm.map_or("-".into(), |m| format!("{m:.1}"))
        );
    }
    if let Some(l) = links {
        let _ = writeln!(
            out,
            "devices: {}, reached {}, unreached {}{}",
            l.devices.len(),
            l.devices.len() - l.unreached.len(),
            l.unreached.len(),
            if l.unreached.is_empty() {
                String::new()
            } else {
                format!(" ({})", l.unreached.join(", "))
            }
        );
    }
    out
}
