//! Antenna patterns into a project's library: `tailplan antenna add`, the npm package's
//! `addAntenna`, the editor's antenna import. The file is read by
//! [`tailplan_io::antenna::read_msi`] (the MSI / Planet format, within its limits); the
//! pattern enters the library by one undoable edit, replacing one of the same name.

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::{AntennaPattern, Diagnostic, Edit, Project};
use tailplan_io::antenna::{PatternLimits, read_msi};

use crate::error::AppError;

/// What adding a pattern did.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AntennaAdded {
    /// The pattern's name, its key in the library.
    pub name: String,
    /// Its gain, dBi.
    pub gain_dbi: f64,
    /// Its maker, if the file says.
    pub make: String,
    /// The frequency it was measured at, MHz, if the file says.
    pub frequency_mhz: Option<f64>,
    /// True when it replaced a pattern of the project of the same name.
    pub replaced: bool,
    /// How many radios of the project name it.
    pub radios_using: usize,
    /// What the reader decided (units, resampling) and warned about.
    pub notes: Vec<Diagnostic>,
}

/// Reads the pattern file `bytes` (named `file_name` in messages).
pub fn read_antenna(
    file_name: &str,
    bytes: &[u8],
) -> Result<(AntennaPattern, Vec<Diagnostic>), AppError> {
    let import =
        read_msi(bytes, file_name, &PatternLimits::default()).map_err(AppError::Antenna)?;
    Ok((import.pattern, import.notes))
}

/// Reads a pattern file and returns the edit that adds it to `project`'s antenna library,
/// with what it did.
pub fn add_antenna(
    project: &Project,
    file_name: &str,
    bytes: &[u8],
) -> Result<(Edit, AntennaAdded), AppError> {
    let (pattern, notes) = read_antenna(file_name, bytes)?;
    Ok(antenna_edit(project, pattern, notes))
}

/// The edit that adds a pattern already read to `project`'s antenna library, with what it
/// does: the editor reads the file in its files worker (where the readers live) and makes
/// the edit here, on the project it shows.
pub fn antenna_edit(
    project: &Project,
    pattern: AntennaPattern,
    notes: Vec<Diagnostic>,
) -> (Edit, AntennaAdded) {
    let radios_using = project
        .floors
        .iter()
        .flat_map(|f| &f.access_points)
        .flat_map(|a| a.effective_radios())
        .filter(|r| {
            r.antenna
                .as_ref()
                .is_some_and(|m| m.pattern == pattern.name)
        })
        .count();
    let added = AntennaAdded {
        name: pattern.name.clone(),
        gain_dbi: pattern.gain_dbi,
        make: pattern.make.clone(),
        frequency_mhz: pattern.frequency_mhz,
        replaced: project.antennas.position(&pattern.name).is_some(),
        radios_using,
        notes,
    };
    (
        Edit::PutAntenna {
            pattern,
            index: None,
        },
        added,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "NAME Test patch\r\nMAKE Acme\r\nFREQUENCY 5500\r\nGAIN 5.85 dBd\r\nHORIZONTAL 4\r\n0 0\r\n90 10\r\n180 25\r\n270 10\r\nVERTICAL 4\r\n0 0\r\n90 20\r\n180 25\r\n270 20\r\n";

    #[test]
    fn a_pattern_file_enters_the_library_by_one_undoable_edit() {
        let mut p = Project::new();
        let (edit, added) = add_antenna(&p, "patch.msi", FILE.as_bytes()).unwrap();
        assert_eq!(added.name, "Test patch");
        assert!((added.gain_dbi - 8.0).abs() < 1e-9, "dBd read as dBd");
        assert!(!added.replaced);
        assert!(added.notes.iter().any(|n| n.message.contains("dBd")));
        let undo = p.apply(edit).unwrap();
        let pattern = p.antennas.get("Test patch").unwrap();
        assert_eq!(
            pattern.horizontal_at(45.0),
            5.0,
            "resampled to whole degrees"
        );
        let (_, again) = add_antenna(&p, "patch.msi", FILE.as_bytes()).unwrap();
        assert!(again.replaced);
        p.apply(undo).unwrap();
        assert!(p.antennas.is_empty());
        let e = add_antenna(&p, "bad.msi", b"NAME x\nHORIZONTAL 1\n0 0\n").unwrap_err();
        assert!(e.to_string().starts_with("bad.msi"), "{e}");
    }
}
