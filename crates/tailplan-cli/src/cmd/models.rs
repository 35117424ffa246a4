//! `tailplan ap-models [--json]`: the built-in catalogue of access point models an access
//! point may name (`"model"` in GeoJSON and the project file), with their radios and PoE.

use std::fmt::Write as _;

use tailplan_app::info::ap_models;

use crate::Failure;

/// List the built-in access point models.
#[derive(clap::Args)]
pub struct Args {
    /// Print the catalogue as JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(ap_models()).expect("the catalogue serialises")
        );
    } else {
        print!("{}", text());
    }
    Ok(())
}

/// The catalogue as text: a model a line, then its radios.
fn text() -> String {
    let mut out = String::new();
    for m in ap_models() {
        let _ = writeln!(
            out,
            "{}: {} ({} W, {})",
            m.name, m.description, m.poe_w, m.poe_class
        );
        for (i, r) in m.radios.iter().enumerate() {
            let antenna = r
                .antenna
                .as_ref()
                .map_or("none (isotropic)".to_owned(), |a| a.pattern.clone());
            let _ = writeln!(
                out,
                "  radio {}: {} GHz, {} MHz, {} dBm, antenna {antenna}",
                i + 1,
                r.band.as_str(),
                r.width_mhz,
                r.tx_dbm
            );
        }
    }
    out
}
