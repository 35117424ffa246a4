//! `gen-samples [OUT_DIR]`: writes every sample building as a tailplan project file, every
//! sample drawing (DXF, SVG) and BIM model (IFC) for the importers, the hospital floor as
//! GeoJSON, the two-building campus and the office's site survey, into `OUT_DIR` (by default the workspace's `floorplans/`).
//!
//! ```text
//! cargo run -p tailplan-samples --bin gen-samples
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let dir = match (args.next(), args.next()) {
        (None, _) => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../floorplans")),
        (Some(arg), None) if arg != "-h" && arg != "--help" => PathBuf::from(arg),
        _ => {
            eprintln!("usage: gen-samples [OUT_DIR]   (default: the workspace's floorplans/)");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("gen-samples: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let dir = dir.canonicalize().unwrap_or(dir);
    for (file_name, bytes) in tailplan_samples::generated_files() {
        let path = dir.join(file_name);
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("gen-samples: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    ExitCode::SUCCESS
}
