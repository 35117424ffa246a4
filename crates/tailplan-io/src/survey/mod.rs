//! Site survey files in: measured signal strengths as CSV, read into the core's
//! [`Survey`] by [`read_survey`].
//!
//! # What is read
//!
//! A header line, then a row per measurement:
//!
//! ```text
//! x,y,ap,rssi_dbm,floor,band,time
//! 4.0,2.5,AP-0-01,-54,0,5,2026-11-30T10:14:03Z
//! 4.0,2.5,AP-0-01,-56,0,5,2026-11-30T10:14:05Z
//! ```
//!
//! - Columns by name, in any order, case and spaces ignored: `x`, `y` (plan metres), `ap` (the
//!   access point's id or name) or `bssid` (the radio's BSSID; an `ap` column beside it maps it
//!   to its access point), `rssi_dbm` (needed), and optionally `floor` (the floor's id), `band`
//!   (`2.4`, `5`, `6`, with or without `GHz`) and `time` (kept as written). Other columns are
//!   ignored, with a note naming them.
//! - The separator is a comma, or a semicolon or a tab when the header has one and no comma
//!   (a spreadsheet in a language that writes a decimal comma: `4,5` is then 4.5). Fields may
//!   be quoted (RFC 4180); a UTF-8 byte order mark is skipped; blank lines are skipped.
//! - Several rows of one point and access point (repeated scans) are rows of their own.
//! - A row whose `rssi_dbm` is blank, at or below −150 dBm (a tool's "not heard", −200) or
//!   above 0 dBm is left out and counted ([`Survey::not_measured`]), not refused.
//!
//! # What is refused
//!
//! Every refusal is a [`SurveyError`] naming the file, the line and the column where there
//! is one: a file that is not text (binary, UTF-16), no header or a header without `x`, `y`,
//! `rssi_dbm` and one of `ap` or `bssid`; a coordinate or signal that is not a finite number
//! (`NaN`, `inf`, `1e999`), a coordinate beyond ±100 km; a field that is a spreadsheet formula
//! (`=...`, `@...`); an unknown band; a row with more fields than the header; a field longer
//! than 256 characters. Hostile files are bounded before what they ask for is made
//! ([`SurveyLimits`]): the size before anything is read, the header's columns before a row is,
//! the rows as they are read.
//!
//! # Examples
//!
//! ```
//! use tailplan_io::survey::{SurveyLimits, read_survey};
//! let csv = "x,y,ap,rssi_dbm\n1,2,AP-1,-50\n1,2,AP-1,-200\n";
//! let read = read_survey(csv.as_bytes(), "walk.csv", &SurveyLimits::default())?;
//! assert_eq!((read.survey.rows.len(), read.survey.not_measured), (1, 1));
//! # Ok::<(), tailplan_io::survey::SurveyError>(())
//! ```

use tailplan_core::diagnostics::Diagnostic;
use tailplan_core::geometry::Point;
use tailplan_core::materials::Band;
use tailplan_core::survey::{ApRef, NOT_HEARD_DBM, Survey, SurveyRow, is_measurement};

/// What a survey file may hold before it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveyLimits {
    /// Bytes of the file.
    pub max_bytes: u64,
    /// Rows after the header (blank lines apart).
    pub max_rows: usize,
    /// Columns of the header.
    pub max_columns: usize,
}

impl SurveyLimits {
    /// 64 MB: a day of surveying with a fast scanner is a few MB.
    pub const DEFAULT_MAX_BYTES: u64 = 64_000_000;
    /// 1,000,000 rows.
    pub const DEFAULT_MAX_ROWS: usize = 1_000_000;
    /// 64 columns.
    pub const DEFAULT_MAX_COLUMNS: usize = 64;
}

impl Default for SurveyLimits {
    fn default() -> Self {
        Self {
            max_bytes: Self::DEFAULT_MAX_BYTES,
            max_rows: Self::DEFAULT_MAX_ROWS,
            max_columns: Self::DEFAULT_MAX_COLUMNS,
        }
    }
}

/// The longest field, in characters.
pub const MAX_FIELD_CHARS: usize = 256;

/// The farthest a survey point may be from the plan's origin, metres.
pub const MAX_COORDINATE_M: f64 = 100_000.0;

/// A survey file read: the survey and notes about what was read (columns ignored).
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyImport {
    /// The measurements.
    pub survey: Survey,
    /// What the reader noted.
    pub notes: Vec<Diagnostic>,
}

/// Why a survey file was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}{}: {kind}", at(*line, column.as_deref()))]
pub struct SurveyError {
    /// The file's name.
    pub file: String,
    /// The line (1: the header), where there is one.
    pub line: Option<usize>,
    /// The column's name, where there is one.
    pub column: Option<String>,
    /// What is wrong.
    pub kind: SurveyErrorKind,
}

/// `, line 7, column rssi_dbm`.
fn at(line: Option<usize>, column: Option<&str>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(", line {l}, column {c}"),
        (Some(l), None) => format!(", line {l}"),
        (None, Some(c)) => format!(", column {c}"),
        (None, None) => String::new(),
    }
}

/// What is wrong with a survey file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SurveyErrorKind {
    /// The file is bigger than [`SurveyLimits::max_bytes`].
    #[error("{bytes} bytes, more than a survey file may have ({max} bytes)")]
    TooBig {
        /// Its size.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// More rows than [`SurveyLimits::max_rows`].
    #[error("more than {max} rows, more than a survey file may have")]
    TooManyRows {
        /// The limit.
        max: usize,
    },
    /// A header of more columns than [`SurveyLimits::max_columns`].
    #[error("{count} columns, more than a survey file may have ({max})")]
    TooManyColumns {
        /// How many.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// Not text: binary, or UTF-16.
    #[error("not a text file (CSV)")]
    NotText,
    /// Nothing but blank lines.
    #[error("no header line: a survey is CSV with x, y, ap (or bssid) and rssi_dbm columns")]
    Empty,
    /// A column the survey needs is not in the header.
    #[error("no column {0} in the header")]
    MissingColumn(&'static str),
    /// A field that should be a number is not a finite one.
    #[error("\"{0}\" is not a number")]
    NotANumber(String),
    /// A coordinate beyond [`MAX_COORDINATE_M`].
    #[error("{0} m is too far from the plan's origin (at most {MAX_COORDINATE_M} m)")]
    TooFar(f64),
    /// A spreadsheet formula.
    #[error("a spreadsheet formula, not a value: \"{0}\"")]
    Formula(String),
    /// A band that is not 2.4, 5 or 6 GHz.
    #[error("\"{0}\" is not a band (2.4, 5 or 6)")]
    UnknownBand(String),
    /// A row with more fields than the header has columns.
    #[error("{fields} fields, the header has {columns} columns")]
    RowTooWide {
        /// The row's fields.
        fields: usize,
        /// The header's columns.
        columns: usize,
    },
    /// A field longer than [`MAX_FIELD_CHARS`].
    #[error("a field of more than {MAX_FIELD_CHARS} characters")]
    FieldTooLong,
    /// The CSV itself is broken (an unclosed quote...).
    #[error("{0}")]
    Csv(String),
}

/// The columns a survey reads, by their place in the header.
#[derive(Debug, Default)]
struct Columns {
    x: Option<usize>,
    y: Option<usize>,
    ap: Option<usize>,
    bssid: Option<usize>,
    rssi: Option<usize>,
    floor: Option<usize>,
    band: Option<usize>,
    time: Option<usize>,
}

/// Reads a survey file's bytes; `file` names it in messages.
pub fn read_survey(
    bytes: &[u8],
    file: &str,
    limits: &SurveyLimits,
) -> Result<SurveyImport, SurveyError> {
    let fail = |line: Option<usize>, column: Option<&str>, kind| SurveyError {
        file: file.to_owned(),
        line,
        column: column.map(str::to_owned),
        kind,
    };
    if bytes.len() as u64 > limits.max_bytes {
        return Err(fail(
            None,
            None,
            SurveyErrorKind::TooBig {
                bytes: bytes.len() as u64,
                max: limits.max_bytes,
            },
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(fail(None, None, SurveyErrorKind::NotText));
    }
    // The separator, from the header line.
    let first = bytes
        .split(|&b| b == b'\n')
        .find(|l| !l.iter().all(u8::is_ascii_whitespace))
        .ok_or_else(|| fail(None, None, SurveyErrorKind::Empty))?;
    let delimiter = if first.contains(&b',') {
        b','
    } else if first.contains(&b';') {
        b';'
    } else if first.contains(&b'\t') {
        b'\t'
    } else {
        b','
    };
    let decimal_comma = delimiter != b',';
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let mut header = None;
    let mut notes = Vec::new();
    let mut survey = Survey {
        name: file.to_owned(),
        ..Survey::default()
    };
    let mut columns = Columns::default();
    let mut width = 0;
    let mut rows = 0usize;
    let (mut line, mut counted) = (1usize, 0usize);
    loop {
        let record = match records.next() {
            None => break,
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                let line = e.position().map(|p| p.line() as usize);
                let why = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_owned(),
                    _ => strip_csv_position(&e.to_string()),
                };
                return Err(fail(line, None, SurveyErrorKind::Csv(why)));
            }
        };
        // Its line, counted from its byte offset (the csv crate does not count blank lines).
        let mut offset = record.position().map_or(0, |p| p.byte() as usize);
        // (Its position may be that of the blank lines before it.)
        while bytes
            .get(offset)
            .is_some_and(|b| matches!(b, b'\n' | b'\r'))
        {
            offset += 1;
        }
        line += bytes[counted..offset.min(bytes.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = offset.min(bytes.len());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let fields: Vec<&str> = record
            .iter()
            .enumerate()
            .map(|(i, f)| {
                std::str::from_utf8(f).map_err(|_| {
                    fail(
                        Some(line),
                        None,
                        SurveyErrorKind::Csv(format!("field {} is not UTF-8 text", i + 1)),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        if header.is_none() {
            if fields.len() > limits.max_columns {
                return Err(fail(
                    Some(line),
                    None,
                    SurveyErrorKind::TooManyColumns {
                        count: fields.len(),
                        max: limits.max_columns,
                    },
                ));
            }
            let names: Vec<String> = fields
                .iter()
                .map(|f| f.trim().to_ascii_lowercase().replace(' ', "_"))
                .collect();
            let mut ignored = Vec::new();
            for (i, n) in names.iter().enumerate() {
                let slot = match n.as_str() {
                    "x" => &mut columns.x,
                    "y" => &mut columns.y,
                    "ap" => &mut columns.ap,
                    "bssid" => &mut columns.bssid,
                    "rssi_dbm" => &mut columns.rssi,
                    "floor" => &mut columns.floor,
                    "band" => &mut columns.band,
                    "time" => &mut columns.time,
                    _ => {
                        ignored.push(fields[i].trim().chars().take(40).collect::<String>());
                        continue;
                    }
                };
                slot.get_or_insert(i);
            }
            for (name, c) in [
                ("x", columns.x),
                ("y", columns.y),
                ("rssi_dbm", columns.rssi),
            ] {
                if c.is_none() {
                    return Err(fail(Some(line), None, SurveyErrorKind::MissingColumn(name)));
                }
            }
            if columns.ap.is_none() && columns.bssid.is_none() {
                return Err(fail(
                    Some(line),
                    None,
                    SurveyErrorKind::MissingColumn("ap (or bssid)"),
                ));
            }
            if !ignored.is_empty() {
                notes.push(Diagnostic::warning(
                    file,
                    format!(
                        "columns not read: {} (a survey reads x, y, ap, bssid, rssi_dbm, floor, band, time)",
                        ignored.join(", ")
                    ),
                ));
            }
            width = fields.len();
            header = Some(names);
            continue;
        }
        rows += 1;
        if rows > limits.max_rows {
            return Err(fail(
                Some(line),
                None,
                SurveyErrorKind::TooManyRows {
                    max: limits.max_rows,
                },
            ));
        }
        if fields.len() > width {
            return Err(fail(
                Some(line),
                None,
                SurveyErrorKind::RowTooWide {
                    fields: fields.len(),
                    columns: width,
                },
            ));
        }
        // A field: trimmed, empty when the row is short; formulas and long fields refused.
        let field = |c: Option<usize>, name: &'static str| -> Result<Option<&str>, SurveyError> {
            let Some(v) = c.and_then(|i| fields.get(i)).map(|v| v.trim()) else {
                return Ok(None);
            };
            if v.chars().count() > MAX_FIELD_CHARS {
                return Err(fail(Some(line), Some(name), SurveyErrorKind::FieldTooLong));
            }
            if v.starts_with(['=', '@']) {
                return Err(fail(
                    Some(line),
                    Some(name),
                    SurveyErrorKind::Formula(v.chars().take(40).collect()),
                ));
            }
            Ok((!v.is_empty()).then_some(v))
        };
        let number = |c: Option<usize>, name: &'static str| -> Result<Option<f64>, SurveyError> {
            let Some(v) = field(c, name)? else {
                return Ok(None);
            };
            let text = if decimal_comma && v.matches(',').count() == 1 && !v.contains('.') {
                v.replace(',', ".")
            } else {
                v.to_owned()
            };
            match text.parse::<f64>() {
                Ok(n) if n.is_finite() => Ok(Some(n)),
                _ => Err(fail(
                    Some(line),
                    Some(name),
                    SurveyErrorKind::NotANumber(v.chars().take(40).collect()),
                )),
            }
        };
        let coordinate = |c, name| -> Result<f64, SurveyError> {
            let v = number(c, name)?.ok_or_else(|| {
                fail(
                    Some(line),
                    Some(name),
                    SurveyErrorKind::NotANumber(String::new()),
                )
            })?;
            if v.abs() > MAX_COORDINATE_M {
                return Err(fail(Some(line), Some(name), SurveyErrorKind::TooFar(v)));
            }
            Ok(v)
        };
        let x = coordinate(columns.x, "x")?;
        let y = coordinate(columns.y, "y")?;
        let ap_name = field(columns.ap, "ap")?;
        let bssid = field(columns.bssid, "bssid")?;
        let floor = field(columns.floor, "floor")?;
        let band = field(columns.band, "band")?
            .map(|b| {
                band_of(b).ok_or_else(|| {
                    fail(
                        Some(line),
                        Some("band"),
                        SurveyErrorKind::UnknownBand(b.chars().take(40).collect()),
                    )
                })
            })
            .transpose()?;
        let time = field(columns.time, "time")?;
        let rssi = number(columns.rssi, "rssi_dbm")?;
        let ap = match (bssid, ap_name) {
            (Some(b), ap) => ApRef::Bssid {
                bssid: b.to_ascii_lowercase().replace('-', ":"),
                ap: ap.map(str::to_owned),
            },
            (None, Some(a)) => ApRef::Ap(a.to_owned()),
            // No access point named: not a measurement of one.
            (None, None) => {
                survey.not_measured += 1;
                continue;
            }
        };
        match rssi {
            Some(r) if is_measurement(r) => survey.rows.push(SurveyRow {
                line,
                position: Point::new(x, y),
                floor: floor.map(str::to_owned),
                ap,
                rssi_dbm: r,
                band,
                time: time.map(str::to_owned),
            }),
            _ => survey.not_measured += 1,
        }
    }
    if header.is_none() {
        return Err(fail(None, None, SurveyErrorKind::Empty));
    }
    if survey.not_measured > 0 {
        notes.push(Diagnostic::warning(
            file,
            format!(
                "{} rows left out: no access point, or a signal that is not a measurement (blank, at or below {NOT_HEARD_DBM} dBm, above 0 dBm)",
                survey.not_measured
            ),
        ));
    }
    Ok(SurveyImport { survey, notes })
}

/// The band a survey writes (`2.4`, `2.4 GHz`, `5GHz`, `6`).
fn band_of(text: &str) -> Option<Band> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.strip_suffix("ghz").unwrap_or(&t).trim();
    match t {
        "2.4" | "2,4" | "2" => Some(Band::Ghz2_4),
        "5" => Some(Band::Ghz5),
        "6" => Some(Band::Ghz6),
        _ => None,
    }
}

/// The csv crate's message without its own position (the line is said apart).
fn strip_csv_position(message: &str) -> String {
    match message.split_once(": ") {
        Some((head, rest)) if head.starts_with("CSV") => rest.to_owned(),
        _ => message.to_owned(),
    }
}

#[cfg(test)]
mod tests;
