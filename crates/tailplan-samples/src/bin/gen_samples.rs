//! `gen-samples [OUT_DIR]`: writes every sample building as a tailplan project file into
//! `OUT_DIR` (by default the workspace's `floorplans/`).
//!
//! ```text
//! cargo run -p tailplan-samples --bin gen-samples
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use tailplan_core::project_file;
use tailplan_samples::SAMPLES;

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
    for sample in SAMPLES {
        let text = project_file::to_json(&(sample.build)());
        let path = dir.join(sample.file_name);
        if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("gen-samples: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} ({} bytes)", path.display(), text.len());
    }
    ExitCode::SUCCESS
}
