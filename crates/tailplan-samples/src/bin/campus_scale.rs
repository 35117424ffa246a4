//! `campus-scale BUILDINGS FLOORS OUT.tailplan.json`: writes the scale campus
//! ([`tailplan_samples::campus::campus_scale`]) as a project file, for measuring the editor on
//! a campus (`tests/e2e/measure.mjs`); not committed (10 × 6 floors are some 30 MB).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [buildings, floors, out] = args.as_slice() else {
        eprintln!("usage: campus-scale BUILDINGS FLOORS OUT.tailplan.json");
        return ExitCode::from(2);
    };
    let (Ok(buildings), Ok(floors)) = (buildings.parse::<usize>(), floors.parse::<usize>()) else {
        eprintln!("campus-scale: BUILDINGS and FLOORS are whole numbers");
        return ExitCode::from(2);
    };
    if buildings == 0 || floors == 0 || buildings * floors > 200 {
        eprintln!("campus-scale: 1 to 200 floors in all");
        return ExitCode::from(2);
    }
    let project = tailplan_samples::campus::campus_scale(buildings, floors);
    let text = tailplan_core::project_file::to_json(&project);
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("campus-scale: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    println!("wrote {out} ({} bytes)", text.len());
    ExitCode::SUCCESS
}
