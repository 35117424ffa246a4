//! Every input the fuzzers (`fuzz/`, cargo-fuzz) found a crash, a run out of memory or a
//! timeout with, imported again: `tests/fuzz-regressions/<target>/<name>`, one folder per
//! fuzz target. Each must now end, with an import or an error, and never a panic.
//!
//! Inputs whose fix is still open are listed in [`OPEN`] and skipped here (docs/security.md,
//! "Fuzzing", says which); `cargo test --test fuzz_regressions -- --ignored` runs them.

use std::path::{Path, PathBuf};

use tailplan_io::geojson::CrsChoice;
use tailplan_io::import::{Format, ImportOptions, Scale, import_file, import_imdf_files};

/// Inputs found by fuzzing whose cause is not fixed yet: (target/name, why). None now: the
/// last three (a 150 km line through a wall fill, sampled every 2 cm; a 1,000 km SOLID put in
/// every 1 m cell of its box) were fixed in `wall_cleanup::fills` (samples per line and the
/// index's cells bounded).
const OPEN: &[(&str, &str)] = &[];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz-regressions")
}

/// Runs `input` through what the fuzz target `target` runs (fuzz/fuzz_targets/<target>.rs).
fn run(target: &str, input: &[u8]) {
    match target {
        "dxf" => {
            let options = ImportOptions {
                format: Some(Format::Dxf),
                ..ImportOptions::named("fuzz.dxf")
            };
            let _ = import_file("fuzz.dxf", input, &options);
        }
        "svg" => {
            let options = ImportOptions {
                format: Some(Format::Svg),
                scale: Some(Scale::MetresPerUnit(0.01)),
                include_hidden: input.first().is_some_and(|b| b & 1 == 1),
                ..ImportOptions::named("fuzz.svg")
            };
            let _ = import_file("fuzz.svg", input, &options);
        }
        "geojson" => {
            let crs = match input.first().map(|b| b % 3) {
                Some(1) => CrsChoice::Planar,
                Some(2) => CrsChoice::Wgs84,
                _ => CrsChoice::Auto,
            };
            let options = ImportOptions {
                format: Some(Format::GeoJson),
                crs,
                ..ImportOptions::named("fuzz.geojson")
            };
            let _ = import_file("fuzz.geojson", input, &options);
        }
        "imdf" => {
            if input.starts_with(b"PK") {
                let options = ImportOptions {
                    format: Some(Format::Imdf),
                    ..ImportOptions::named("fuzz.zip")
                };
                let _ = import_file("fuzz.zip", input, &options);
            } else {
                let _ = import_imdf_files(&imdf_files(input), &ImportOptions::named("fuzz-imdf"));
            }
        }
        "project_file" => {
            if let Ok(text) = std::str::from_utf8(input)
                && let Ok((project, _)) = tailplan_core::project_file::from_json(text)
            {
                let saved = tailplan_core::project_file::to_json(&project);
                tailplan_core::project_file::from_json(&saved)
                    .expect("a loaded project's own file loads again");
            }
        }
        "raster" => {
            let format = if input.starts_with(&[0xff, 0xd8]) {
                Format::Jpeg
            } else {
                Format::Png
            };
            let options = ImportOptions {
                format: Some(format),
                scale: Some(Scale::MetresPerUnit(0.02)),
                ..ImportOptions::named("fuzz.png")
            };
            let _ = import_file("fuzz.png", input, &options);
        }
        "ifc" => {
            let options = ImportOptions {
                format: Some(Format::Ifc),
                ..ImportOptions::named("fuzz.ifc")
            };
            let _ = import_file("fuzz.ifc", input, &options);
        }
        "antenna" => {
            let limits = tailplan_io::antenna::PatternLimits::default();
            if let Ok(read) = tailplan_io::antenna::read_msi(input, "fuzz.msi", &limits) {
                let p = read.pattern;
                assert_eq!(p.problem(), None, "a pattern read is valid");
                let flips = |t: &[f64]| t.iter().all(|&v| v <= 0.0) && t.iter().any(|&v| v < 0.0);
                if !flips(&p.horizontal_db) && !flips(&p.vertical_db) {
                    let text = tailplan_io::antenna::write_msi(&p);
                    let back = tailplan_io::antenna::read_msi(text.as_bytes(), "fuzz.msi", &limits)
                        .expect("a pattern written is read back");
                    assert_eq!(back.pattern, p, "written and read back equal");
                }
            }
        }
        "scenario_file" => {
            use tailplan_core::scenario;
            if let Ok(text) = std::str::from_utf8(input)
                && let Ok(file) = scenario::read(text, &scenario::BUILTIN)
            {
                let saved = serde_json::to_string(&file).expect("a scenario file serialises");
                let again =
                    scenario::read(&saved, &scenario::BUILTIN).expect("what was read reads again");
                assert_eq!(again, file);
            }
        }
        "survey_csv" => {
            let limits = tailplan_io::survey::SurveyLimits::default();
            if let Ok(read) = tailplan_io::survey::read_survey(input, "fuzz.csv", &limits) {
                for r in &read.survey.rows {
                    assert!(tailplan_core::survey::is_measurement(r.rssi_dbm));
                }
            }
        }
        other => panic!("no fuzz target {other}"),
    }
}

/// The IMDF target's split of its input into files at lines `--8<-- NAME`.
fn imdf_files(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    const MARK: &[u8] = b"--8<-- ";
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut current: Option<(String, Vec<u8>)> = None;
    for line in data.split_inclusive(|&b| b == b'\n') {
        if let Some(rest) = line.strip_prefix(MARK) {
            if let Some(f) = current.take() {
                out.push(f);
            }
            current = Some((String::from_utf8_lossy(rest).trim().to_owned(), Vec::new()));
        } else if let Some((_, bytes)) = current.as_mut() {
            bytes.extend_from_slice(line);
        } else {
            current = Some(("unit.geojson".into(), line.to_vec()));
        }
    }
    out.extend(current);
    out
}

/// Every committed input: (target, file name, path).
fn inputs() -> Vec<(String, String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(targets) = std::fs::read_dir(dir()) else {
        return out;
    };
    for t in targets.flatten() {
        let target = t.file_name().to_string_lossy().into_owned();
        for f in std::fs::read_dir(t.path()).into_iter().flatten().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') && name != "README.md" {
                out.push((target.clone(), name, f.path()));
            }
        }
    }
    out.sort();
    out
}

fn is_open(target: &str, name: &str) -> bool {
    OPEN.iter().any(|(k, _)| *k == format!("{target}/{name}"))
}

#[test]
fn every_input_the_fuzzers_found_now_imports_or_fails_cleanly() {
    let all = inputs();
    assert!(!all.is_empty(), "no inputs in {}", dir().display());
    for (target, name, path) in &all {
        if is_open(target, name) {
            continue;
        }
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        eprintln!("{target}/{name}");
        run(target, &bytes);
    }
}

#[test]
#[ignore = "inputs whose fix is still open (see OPEN)"]
fn open_inputs() {
    for (target, name, path) in inputs() {
        if is_open(&target, &name) {
            eprintln!("{target}/{name}");
            run(&target, &std::fs::read(path).expect("readable"));
        }
    }
}

#[test]
fn every_open_input_is_committed() {
    let all = inputs();
    for (key, why) in OPEN {
        assert!(
            all.iter().any(|(t, n, _)| format!("{t}/{n}") == *key),
            "{key} ({why}) is listed as open but not in {}",
            dir().display()
        );
    }
}
