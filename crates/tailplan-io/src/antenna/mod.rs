//! Antenna pattern files in and out: the MSI / Planet format the trade writes its patterns in
//! (vendors' `.msi`, `.ant`, `.pln`, `.txt` files), read into the core's
//! [`AntennaPattern`] by [`read_msi`] and written back by [`write_msi`].
//!
//! # What is read
//!
//! A header of `KEYWORD value` lines, then two tables:
//!
//! ```text
//! NAME Example patch 5 GHz
//! MAKE Example Antennas
//! FREQUENCY 5500
//! GAIN 8 dBi
//! COMMENT measured in an anechoic chamber
//! HORIZONTAL 360
//! 0 0
//! 1 0.01
//! ...
//! VERTICAL 360
//! 0 0
//! ...
//! ```
//!
//! - Keywords are case-insensitive (`Gain`, `GAIN:`); values are separated by spaces or tabs;
//!   lines may end in CRLF (or CR alone); a UTF-8 byte order mark is skipped; a file that is
//!   not UTF-8 is read as Windows-1252 (Latin-1), so an accented comment keeps its letters.
//! - `NAME`, `MAKE`, `COMMENT` (several `COMMENT` lines are joined by line breaks) are kept as
//!   text. Without a `NAME`, the pattern is named after the file (its name without folder and
//!   extension), with a note.
//! - `FREQUENCY`: MHz, or with a unit (`5.5 GHz`, `5500MHz`); a range (`2400-2500`) gives its
//!   centre, with a note; a number below 100 without a unit is read as GHz, with a warning.
//!   A frequency that is not a number is left out, with a warning.
//! - `GAIN` (needed): `dBi` (or `dBic`), or `dBd` (plus 2.15 dB, with a note); another unit
//!   is refused. **A gain without a unit (or in plain `dB`) is read as dBi**, with a warning
//!   giving the other reading: the Planet specification's default is dBd, but Wi-Fi antennas
//!   are sold and specified in dBi and many vendors' files write dBi without saying so; and
//!   of the two mistakes, reading dBd as dBi understates the signal by 2.15 dB (a design that
//!   is safe), while reading dBi as dBd would overstate it (a design with holes).
//! - `TILT` (`ELECTRICAL`, `MECHANICAL`) is noted: the tables are used as the file gives them,
//!   and a mount's tilt adds to them. `H_WIDTH`, `V_WIDTH`, `FRONT_TO_BACK` and
//!   `POLARIZATION` are not kept (the tables say the beam; the model has no polarisation).
//!   Other keywords are ignored, with a note naming them.
//! - `HORIZONTAL n` and `VERTICAL n` (both needed), each followed by `n` lines `angle
//!   attenuation` (blank lines skipped; a third and a fourth value ignored with a note, more
//!   refused). Without `n`, the table runs up to the next line that is not an entry. Angles
//!   are degrees (horizontal: clockwise from the main beam; vertical: 0° the horizon, 90°
//!   straight down, 270° straight up), from −360 to 360, in any order: they are wrapped into
//!   [0°, 360°) (360° repeating 0° merges with it) and sorted; an angle given twice takes the
//!   mean of its values, with a warning. A table not at every whole degree (every 2° or 5°,
//!   or finer, or irregular) is resampled to whole degrees by linear interpolation, wrapping
//!   round 360°, with a note, and a warning where two angles are more than 30° apart.
//! - Attenuations are dB below the main beam, positive. A table whose values are all 0 or
//!   below (gains relative to the peak) has its signs flipped, with a note; a table whose
//!   smallest value is not 0 is kept as it is, with a warning.
//! - Numbers may have a decimal comma (`1,5`) where that is unambiguous: one comma between
//!   digits, and no point.
//!
//! # What is refused
//!
//! Every refusal is a [`PatternError`] naming the file, and the line where there is one: no
//! `GAIN`, no `HORIZONTAL` or `VERTICAL` table, a table with fewer or more lines than its
//! count, a line that is not an angle and an attenuation, a value that is not a finite number
//! (`NaN`, `inf`, `1e999`), an attenuation beyond ±1000 dB, a gain beyond ±100 dBi, an angle
//! beyond ±360°; an empty file, a binary or UTF-16 file. Hostile input is refused before
//! what it asks for is made ([`PatternLimits`]): the size before anything is read, the lines
//! counted before any is parsed, a table's count checked before an entry is read.
//!
//! # Writing
//!
//! [`write_msi`] writes a pattern in the same format (CRLF line ends, `GAIN` in dBi,
//! `FREQUENCY` in MHz, every whole degree of both tables), which [`read_msi`] reads back equal.
//!
//! # Examples
//!
//! ```
//! use tailplan_io::antenna::{PatternLimits, read_msi, write_msi};
//! let pattern = tailplan_core::antenna::builtin_patterns()[1].clone();
//! let text = write_msi(&pattern);
//! let back = read_msi(text.as_bytes(), "patch.msi", &PatternLimits::default())?;
//! assert_eq!(back.pattern, pattern);
//! # Ok::<(), tailplan_io::antenna::PatternError>(())
//! ```

mod error;
mod read;
mod table;
mod text;
mod write;

pub use error::{Part, PatternError};
pub use read::read_msi;
pub use write::write_msi;

use tailplan_core::Diagnostic;
use tailplan_core::antenna::AntennaPattern;

/// What reading a pattern file made: the pattern (its [`AntennaPattern::problem`] is `None`)
/// and the notes on what was read and decided (a unit converted, a table resampled, a
/// keyword ignored), each located at the file and, where there is one, the line.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternImport {
    /// The pattern.
    pub pattern: AntennaPattern,
    /// What was read and decided, as info and warning diagnostics.
    pub notes: Vec<Diagnostic>,
}

/// The limits a pattern file is read within, so that a hostile or broken file is refused in a
/// moment and in bounded memory: each is checked before what it counts is made (the size
/// before the file is decoded, the lines before any is parsed, a table's count before its
/// entries are read). A refusal is a [`PatternError::TooLarge`] or
/// [`PatternError::LimitExceeded`] naming the limit.
///
/// These are apart from the plan importers' [`ImportLimits`](crate::import::ImportLimits):
/// a pattern file is not a drawing (no entities, points or nesting) and does not become a
/// project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternLimits {
    /// The largest file read, bytes.
    pub max_bytes: u64,
    /// The most lines a file may have.
    pub max_lines: usize,
    /// The most entries one table may have.
    pub max_table_entries: usize,
}

impl PatternLimits {
    /// The default of [`PatternLimits::max_bytes`]: 4 MB (a pattern of two 360-line tables is
    /// about 10 kB; of two tables every 0.01°, about 1 MB).
    pub const DEFAULT_MAX_BYTES: u64 = 4_000_000;
    /// The default of [`PatternLimits::max_lines`]: 100,000.
    pub const DEFAULT_MAX_LINES: usize = 100_000;
    /// The default of [`PatternLimits::max_table_entries`]: 36,000 (a table every 0.01°).
    pub const DEFAULT_MAX_TABLE_ENTRIES: usize = 36_000;
}

impl Default for PatternLimits {
    fn default() -> Self {
        Self {
            max_bytes: Self::DEFAULT_MAX_BYTES,
            max_lines: Self::DEFAULT_MAX_LINES,
            max_table_entries: Self::DEFAULT_MAX_TABLE_ENTRIES,
        }
    }
}

/// Which of the [`PatternLimits`] a file went beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternLimit {
    /// [`PatternLimits::max_bytes`].
    Bytes,
    /// [`PatternLimits::max_lines`].
    Lines,
    /// [`PatternLimits::max_table_entries`].
    TableEntries,
}

impl PatternLimit {
    /// What is counted, in messages: `bytes`, `lines`, `table entries`.
    pub fn what(self) -> &'static str {
        match self {
            PatternLimit::Bytes => "bytes",
            PatternLimit::Lines => "lines",
            PatternLimit::TableEntries => "table entries",
        }
    }
}

impl std::fmt::Display for PatternLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what())
    }
}

#[cfg(test)]
mod tests;
