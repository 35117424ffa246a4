//! IMDF import: the files of an IMDF folder (the input split at lines `--8<-- NAME`, where
//! NAME is the file's name), or, when the input is a zip archive, the archive itself.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use tailplan_io::import::{Format, ImportOptions, import_file, import_imdf_files};

/// Splits `data` into (name, bytes) files at lines `--8<-- NAME`.
fn files(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    const MARK: &[u8] = b"--8<-- ";
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut current: Option<(String, Vec<u8>)> = None;
    for line in data.split_inclusive(|&b| b == b'\n') {
        if let Some(rest) = line.strip_prefix(MARK) {
            if let Some(f) = current.take() {
                out.push(f);
            }
            let name = String::from_utf8_lossy(rest).trim().to_owned();
            current = Some((name, Vec::new()));
        } else if let Some((_, bytes)) = current.as_mut() {
            bytes.extend_from_slice(line);
        } else {
            current = Some(("unit.geojson".into(), line.to_vec()));
        }
    }
    out.extend(current);
    out
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        let options = ImportOptions {
            format: Some(Format::Imdf),
            ..ImportOptions::named("fuzz.zip")
        };
        let _ = import_file("fuzz.zip", data, &options);
    } else {
        let _ = import_imdf_files(&files(data), &ImportOptions::named("fuzz-imdf"));
    }
});
