//! `tailplan antenna add PROJECT FILE.msi [-o OUT]`: an antenna pattern file (MSI / Planet)
//! into the project's antenna library, under its `NAME`; `tailplan antenna list PROJECT`:
//! the patterns a project's radios may name.

use std::path::PathBuf;

use tailplan_app::antenna::add_antenna;
use tailplan_app::open::is_project_file;
use tailplan_core::antenna::builtin_patterns;
use tailplan_core::project_file;
use tailplan_io::antenna::PatternLimits;
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::files;

/// Antenna patterns: add one to a project, list them.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Add a pattern file (MSI / Planet: .msi, .ant, .pln, .txt) to the project's antenna
    /// library under its NAME, replacing one of the same name.
    Add {
        /// The project file.
        project: PathBuf,
        /// The pattern file.
        file: PathBuf,
        /// Where to write the project (default: the project file itself).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the patterns the project's radios may name: the project's own, then the
    /// built-in ones.
    List {
        /// The project file (or any file `tailplan import` reads).
        project: PathBuf,
    },
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    match args.command {
        Command::Add {
            project,
            file,
            output,
        } => add(project, file, output),
        Command::List { project } => list(project),
    }
}

fn add(project: PathBuf, file: PathBuf, output: Option<PathBuf>) -> Result<(), Failure> {
    let name = project.display().to_string();
    let target = match output {
        Some(o) => o,
        None => {
            let head = files::read_head(&project, 4096)?;
            if !is_project_file(&head) {
                return Err(Failure::input(format!(
                    "{name}: not a project file: give -o to write the project somewhere else"
                )));
            }
            project.clone()
        }
    };
    let loaded = files::load(&project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    // One byte past the limit at most: the reader refuses a bigger file by its size.
    let limit = PatternLimits::default().max_bytes;
    let bytes = files::read_head(&file, usize::try_from(limit).unwrap_or(usize::MAX) + 1)?;
    let mut p = loaded.project;
    let (edit, added) = add_antenna(&p, &file.display().to_string(), &bytes)?;
    files::print_diagnostics(&added.notes, true);
    p.apply(edit)
        .map_err(|e| Failure::input(format!("{}: {e}", file.display())))?;
    files::write_atomic(&target, project_file::to_json(&p))?;
    println!(
        "{} \"{}\" ({} dBi{}){}; {} radio(s) name it; wrote {}",
        if added.replaced { "replaced" } else { "added" },
        added.name,
        added.gain_dbi,
        added
            .frequency_mhz
            .map_or(String::new(), |f| format!(", {f} MHz")),
        if added.make.is_empty() {
            String::new()
        } else {
            format!(" by {}", added.make)
        },
        added.radios_using,
        target.display()
    );
    Ok(())
}

fn list(project: PathBuf) -> Result<(), Failure> {
    let loaded = files::load(&project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    for p in loaded.project.antennas.iter() {
        println!("{:<40} {:>6.2} dBi  project", p.name, p.gain_dbi);
    }
    for p in builtin_patterns() {
        println!("{:<40} {:>6.2} dBi  built-in", p.name, p.gain_dbi);
    }
    Ok(())
}
