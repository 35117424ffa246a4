//! `tailplan plan-channels PROJECT.json`: channels for a floor's access points on one band,
//! chosen to overlap least with the radios each hears (a proposal: printed, saved as JSON with
//! `--out`, and written into a copy of the project with `-o`).

use std::fmt::Write as _;
use std::path::PathBuf;

use tailplan_app::json::round_numbers;
use tailplan_app::{ChannelPlanRequest, channels, parse};
use tailplan_core::coverage::{ChannelPlan, ChannelPlanOptions};
use tailplan_core::project_file;
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::files;

/// Assign channels to a floor's access points, overlapping least with the radios each hears.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// The floor's id (needed when the project has several floors).
    #[arg(long, value_name = "ID")]
    floor: Option<String>,
    /// The Wi-Fi band: 2.4, 5 or 6.
    #[arg(long, value_name = "2.4|5|6", default_value = "5")]
    band: String,
    /// One channel width for every radio, MHz (default: each radio's own).
    #[arg(long, value_name = "MHZ")]
    width: Option<u32>,
    /// The channels to use, comma-separated (default: every channel the project's
    /// regulatory domain allows at the width).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    channels: Vec<u32>,
    /// Leave out DFS channels.
    #[arg(long)]
    avoid_dfs: bool,
    /// Print the plan as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Save the plan as JSON.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write the project with the plan applied.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let request = ChannelPlanRequest {
        floor: args.floor.clone(),
        options: ChannelPlanOptions {
            band: parse::band(&args.band)?,
            width_mhz: args.width,
            channels: (!args.channels.is_empty()).then(|| args.channels.clone()),
            avoid_dfs: args.avoid_dfs,
        },
    };
    request.check()?;
    let name = args.project.display().to_string();
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let plan = channels::plan_channels(&name, &loaded.project, &request)?;
    let mut v = serde_json::to_value(&plan).expect("a plan serialises");
    round_numbers(&mut v);
    let json = serde_json::to_string_pretty(&v).expect("json");
    if args.json {
        println!("{json}");
    } else {
        print!("{}", text(&plan));
    }
    if let Some(path) = &args.out {
        files::write_atomic(path, &json)?;
        eprintln!("wrote {}", path.display());
    }
    if let Some(path) = &args.output {
        let mut project = loaded.project.clone();
        if let Some(edit) = channels::plan_edit(&project, &plan) {
            project
                .apply(edit)
                .map_err(|e| Failure::input(format!("{name}: the plan does not apply: {e}")))?;
        }
        files::write_atomic(path, project_file::to_json(&project))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// The plan as text.
pub fn text(p: &ChannelPlan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "floor \"{}\", {} GHz ({}): {} radio(s), {} changed; channels {}",
        p.floor,
        p.options.band.as_str(),
        p.domain.as_str().to_uppercase(),
        p.radios.len(),
        p.changed,
        p.channels
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    for r in &p.radios {
        let before = r.before.map_or("-".to_owned(), |c| c.to_string());
        let heard = r
            .overlap_dbm
            .map_or("none".to_owned(), |d| format!("{d:.1} dBm"));
        let _ = writeln!(
            out,
            "  {:<10} radio {}  {:>3} MHz  channel {:>3} -> {:>3}{}  overlapping heard {heard}",
            r.name,
            r.radio + 1,
            r.width_mhz,
            before,
            r.channel,
            if r.dfs { " (DFS)" } else { "" }
        );
    }
    let _ = writeln!(
        out,
        "pairs on overlapping channels heard above -82 dBm: {} before, {} after",
        p.conflicts_before, p.conflicts_after
    );
    out
}
