//! Reading inputs and writing outputs safely.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use tailplan_app::Opened;
use tailplan_core::{Diagnostic, Severity};
use tailplan_io::geojson::CrsChoice;

use crate::Failure;

/// The largest input file read, bytes. Bigger files are refused before reading.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a text file, refusing what is too big, not there or not UTF-8.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let name = path.display();
    let meta = fs::metadata(path).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    if meta.is_dir() {
        return Err(Failure::input(format!("{name}: is a folder, not a file")));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Failure::input(format!(
            "{name}: {} MB is more than the {} MB tailplan reads",
            meta.len() / 1_000_000,
            MAX_INPUT_BYTES / 1_000_000
        )));
    }
    let bytes = fs::read(path).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure::input(format!(
            "{name}: not UTF-8 text (byte {}): is it a binary file?",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads at most the first `n` bytes of a file (to tell its format before reading it all).
pub fn read_head(path: &Path, n: usize) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let name = path.display();
    let f = fs::File::open(path).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    let mut head = Vec::with_capacity(n);
    f.take(n as u64)
        .read_to_end(&mut head)
        .map_err(|e| Failure::input(format!("{name}: {e}")))?;
    Ok(head)
}

/// Reads a whole file, refusing it before reading when it is bigger than `limit` bytes.
pub fn read_bytes(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, Failure> {
    let name = path.display();
    let meta = fs::metadata(path).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    if meta.is_dir() {
        return Err(Failure::input(format!("{name}: is a folder, not a file")));
    }
    if meta.len() > limit {
        return Err(Failure::input(format!(
            "{name}: {} MB is more than the {} MB tailplan imports from a {what} file (--max-file-mb raises the limit)",
            meta.len() / 1_000_000,
            limit / 1_000_000
        )));
    }
    fs::read(path).map_err(|e| Failure::input(format!("{name}: {e}")))
}

/// Opens a project file, or imports a GeoJSON file, told by content.
pub fn load(path: &Path, crs: CrsChoice) -> Result<Opened, Failure> {
    let text = read_text(path)?;
    Ok(tailplan_app::open::open_text(
        &path.display().to_string(),
        &text,
        crs,
    )?)
}

/// Prints warnings (and notes, when `notes`) to stderr, at most 20 of them.
pub fn print_diagnostics(diagnostics: &[Diagnostic], notes: bool) {
    eprint!("{}", diagnostics_text(diagnostics, notes));
}

/// What [`print_diagnostics`] prints: a line per warning (and note, when `notes`), at most 20.
pub fn diagnostics_text(diagnostics: &[Diagnostic], notes: bool) -> String {
    const MAX: usize = 20;
    let shown: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| notes || d.severity != Severity::Info)
        .collect();
    let mut out = String::new();
    for d in shown.iter().take(MAX) {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        out += &format!("{label}: {d}\n");
    }
    if shown.len() > MAX {
        out += &format!("... and {} more\n", shown.len() - MAX);
    }
    out
}

/// Writes `contents` to `path` atomically: into a temporary file beside it, then renamed over
/// it, so a crash or a full disk never leaves a half-written file behind.
pub fn write_atomic(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), Failure> {
    let name = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| Failure::input(format!("{name}: not a file name")))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(contents.as_ref())?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Failure {
            code: 1,
            message: format!("{name}: cannot write: {e}"),
        }
    })
}
