//! The MSI / Planet reader: [`read_msi`] (the format is described in the module above).

use std::iter::Peekable;

use tailplan_core::Diagnostic;
use tailplan_core::antenna::AntennaPattern;
use tailplan_core::diagnostics::Num;

use super::table::{Entry, RawTable};
use super::text::{self, clip, leading_number, number, one_line};
use super::{Part, PatternError, PatternImport, PatternLimit, PatternLimits};

/// dBi in a dBd: the gain of a half-wave dipole over an isotropic antenna.
const DBD_TO_DBI: f64 = 2.15;

/// The largest gain magnitude read, dBi (as [`AntennaPattern::problem`] allows).
const MAX_GAIN_DBI: f64 = 100.0;

/// The largest attenuation magnitude read, dB.
const MAX_ATTENUATION_DB: f64 = 1000.0;

/// The largest angle magnitude read, degrees.
const MAX_ANGLE_DEG: f64 = 360.0;

/// The most values a table's line may have (the first two are read).
const MAX_VALUES: usize = 4;

/// How many ignored keywords a note names before it counts the rest.
const NAMED_KEYWORDS: usize = 8;

/// Keywords read but not kept: the tables say the beam, the model has no polarisation.
const NOT_KEPT: [&str; 4] = ["H_WIDTH", "V_WIDTH", "FRONT_TO_BACK", "POLARIZATION"];

/// Reads an MSI / Planet antenna pattern file (see the [module](super) for what is read and
/// refused). `source_name` is the file's name, for messages and for the pattern's name when
/// the file gives none; `limits` bound what the file may ask for.
pub fn read_msi(
    bytes: &[u8],
    source_name: &str,
    limits: &PatternLimits,
) -> Result<PatternImport, PatternError> {
    let text = text::decode(bytes, source_name, limits)?;
    let mut reader = Reader::new(source_name, limits);
    if text.latin1 {
        reader.notes.push(Diagnostic::info(
            source_name,
            "not UTF-8: read as Windows-1252 (Latin-1)",
        ));
    }
    let mut lines = text.lines().peekable();
    while let Some((n, line)) = lines.next() {
        reader.line(n, line, &mut lines)?;
    }
    reader.finish()
}

/// A value the file gave, with its line.
#[derive(Debug, Clone)]
struct At<T> {
    value: T,
    line: usize,
}

/// What has been read so far.
struct Reader<'a> {
    file: &'a str,
    limits: &'a PatternLimits,
    name: Option<At<String>>,
    make: Option<At<String>>,
    frequency_mhz: Option<At<f64>>,
    gain_dbi: Option<At<f64>>,
    comment: Vec<String>,
    horizontal: Option<RawTable>,
    vertical: Option<RawTable>,
    /// The first line with a decimal comma.
    decimal_comma: Option<usize>,
    /// Keywords ignored (each once, the first line it is on), and how many in all.
    ignored: Vec<At<String>>,
    ignored_count: usize,
    /// Keywords read but not kept.
    not_kept: Vec<&'static str>,
    notes: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    fn new(file: &'a str, limits: &'a PatternLimits) -> Self {
        Self {
            file,
            limits,
            name: None,
            make: None,
            frequency_mhz: None,
            gain_dbi: None,
            comment: Vec::new(),
            horizontal: None,
            vertical: None,
            decimal_comma: None,
            ignored: Vec::new(),
            ignored_count: 0,
            not_kept: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// `file: line n`, a note's location.
    fn at(&self, line: usize) -> String {
        format!("{}: line {line}", self.file)
    }

    fn malformed(&self, line: usize, message: String) -> PatternError {
        PatternError::Malformed {
            file: self.file.to_owned(),
            line: Some(line),
            message,
        }
    }

    fn comma(&mut self, comma: bool, line: usize) {
        if comma && self.decimal_comma.is_none() {
            self.decimal_comma = Some(line);
        }
    }

    /// Keeps `value` of a keyword given once, warning when it was given before.
    fn once<T>(
        notes: &mut Vec<Diagnostic>,
        at: String,
        slot: &mut Option<At<T>>,
        keyword: &str,
        value: T,
        line: usize,
    ) {
        if let Some(before) = slot {
            notes.push(Diagnostic::warning(
                at,
                format!(
                    "a second {keyword} line (the first at line {}): this one kept",
                    before.line
                ),
            ));
        }
        *slot = Some(At { value, line });
    }

    /// Reads line `n` (and, for a table's header, the table's lines from `rest`).
    fn line<'t>(
        &mut self,
        n: usize,
        line: &'t str,
        rest: &mut Peekable<impl Iterator<Item = (usize, &'t str)>>,
    ) -> Result<(), PatternError> {
        let t = line.trim();
        if t.is_empty() {
            return Ok(());
        }
        let (word, value) = match t.split_once(char::is_whitespace) {
            Some((w, v)) => (w, v.trim()),
            None => (t, ""),
        };
        let keyword = word.trim_end_matches([':', '=']).to_ascii_uppercase();
        match keyword.as_str() {
            "NAME" => {
                let at = self.at(n);
                Self::once(
                    &mut self.notes,
                    at,
                    &mut self.name,
                    "NAME",
                    one_line(value),
                    n,
                );
            }
            "MAKE" => {
                let at = self.at(n);
                Self::once(
                    &mut self.notes,
                    at,
                    &mut self.make,
                    "MAKE",
                    one_line(value),
                    n,
                );
            }
            "COMMENT" => self.comment.push(one_line(value)),
            "FREQUENCY" => self.frequency(n, value)?,
            "GAIN" => self.gain(n, value)?,
            "TILT" => {
                let kind = value.split_whitespace().next().unwrap_or_default();
                let message = match kind.to_ascii_uppercase().as_str() {
                    "ELECTRICAL" => format!(
                        "TILT {}: the vertical table is used as the file gives it (with its electrical tilt); a mount's tilt adds to it",
                        clip(value)
                    ),
                    "MECHANICAL" => format!(
                        "TILT {}: the vertical table is used as the file gives it; set a mechanical tilt as the mount's tilt",
                        clip(value)
                    ),
                    _ => format!(
                        "TILT {}: not ELECTRICAL or MECHANICAL; the vertical table is used as the file gives it",
                        clip(value)
                    ),
                };
                self.notes.push(Diagnostic::info(self.at(n), message));
            }
            "HORIZONTAL" | "VERTICAL" => self.table(n, &keyword, value, rest)?,
            k => {
                if let Some(known) = NOT_KEPT.iter().find(|&&w| w == k) {
                    if !self.not_kept.contains(known) {
                        self.not_kept.push(known);
                    }
                } else if number(word).is_some() {
                    return Err(self.malformed(
                        n,
                        format!(
                            "`{}` is a table entry outside a table: a HORIZONTAL or VERTICAL table's count is smaller than its lines, or its header is missing",
                            clip(t)
                        ),
                    ));
                } else {
                    self.ignored_count += 1;
                    if self.ignored.len() < NAMED_KEYWORDS {
                        let k = clip(k);
                        if !self.ignored.iter().any(|i| i.value == k) {
                            self.ignored.push(At { value: k, line: n });
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn frequency(&mut self, n: usize, value: &str) -> Result<(), PatternError> {
        let parsed = frequency_mhz(value);
        let at = self.at(n);
        match parsed {
            Some(f) => {
                self.comma(f.comma, n);
                if !f.mhz.is_finite() {
                    return Err(self.malformed(
                        n,
                        format!("FREQUENCY {}: not a finite number", clip(value)),
                    ));
                }
                if !(f.mhz > 0.0 && f.mhz <= 1e6) {
                    self.notes.push(Diagnostic::warning(
                        at,
                        format!(
                            "FREQUENCY {}: {} MHz is not a radio frequency (0 to 1,000,000 MHz): left out",
                            clip(value),
                            Num(f.mhz)
                        ),
                    ));
                    return Ok(());
                }
                if let Some((lo, hi)) = f.range {
                    self.notes.push(Diagnostic::info(
                        at.clone(),
                        format!(
                            "FREQUENCY {}: a range, {} to {} MHz: its centre, {} MHz, kept",
                            clip(value),
                            Num(lo),
                            Num(hi),
                            Num(f.mhz)
                        ),
                    ));
                }
                if f.assumed_ghz {
                    self.notes.push(Diagnostic::warning(
                        at.clone(),
                        format!(
                            "FREQUENCY {} has no unit and is below 100: read as GHz, {} MHz (write MHz or GHz to say)",
                            clip(value),
                            Num(f.mhz)
                        ),
                    ));
                }
                Self::once(
                    &mut self.notes,
                    at,
                    &mut self.frequency_mhz,
                    "FREQUENCY",
                    f.mhz,
                    n,
                );
            }
            None => self.notes.push(Diagnostic::warning(
                at,
                format!(
                    "FREQUENCY `{}` is not a frequency (5500, 5500 MHz, 5.5 GHz, 5150-5850): left out",
                    clip(value)
                ),
            )),
        }
        Ok(())
    }

    fn gain(&mut self, n: usize, value: &str) -> Result<(), PatternError> {
        let Some((g, after, comma)) = leading_number(value) else {
            return Err(self.malformed(
                n,
                format!(
                    "GAIN `{}` is not a number of dBi or dBd (GAIN 8 dBi)",
                    clip(value)
                ),
            ));
        };
        self.comma(comma, n);
        if !g.is_finite() {
            return Err(self.malformed(n, format!("GAIN {}: not a finite number", clip(value))));
        }
        let unit = after
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_matches(['(', '[', '.', ',', ';', ')', ']'])
            .to_ascii_lowercase();
        let at = self.at(n);
        let dbi = match unit.as_str() {
            // dBic: over an isotropic antenna of circular polarisation.
            "dbi" | "dbic" => g,
            "dbd" => {
                let dbi = g + DBD_TO_DBI;
                self.notes.push(Diagnostic::info(
                    at.clone(),
                    format!(
                        "GAIN given in dBd: {} dBd = {} dBi",
                        Num(g),
                        Num(round2(dbi))
                    ),
                ));
                dbi
            }
            "" | "db" => {
                self.notes.push(Diagnostic::warning(
                    at.clone(),
                    format!(
                        "GAIN {} {}: read as {} dBi (the Planet format's default unit is dBd, which would make it {} dBi; write dBi or dBd to say)",
                        Num(g),
                        if unit.is_empty() { "has no unit" } else { "is in dB, not dBi or dBd" },
                        Num(g),
                        Num(round2(g + DBD_TO_DBI))
                    ),
                ));
                g
            }
            _ => {
                return Err(self.malformed(
                    n,
                    format!(
                        "GAIN {}: the unit `{}` is not dBi or dBd",
                        clip(value),
                        clip(&unit)
                    ),
                ));
            }
        };
        if dbi.abs() > MAX_GAIN_DBI {
            return Err(self.malformed(
                n,
                format!(
                    "GAIN {} dBi is not an antenna's gain: it must be between -100 and 100 dBi",
                    Num(dbi)
                ),
            ));
        }
        Self::once(&mut self.notes, at, &mut self.gain_dbi, "GAIN", dbi, n);
        Ok(())
    }

    /// Reads the table whose header `HORIZONTAL count` or `VERTICAL count` is line `n`, and
    /// its entries from `rest`.
    fn table<'t>(
        &mut self,
        n: usize,
        keyword: &str,
        value: &str,
        rest: &mut Peekable<impl Iterator<Item = (usize, &'t str)>>,
    ) -> Result<(), PatternError> {
        let which: &'static str = if keyword == "HORIZONTAL" {
            "HORIZONTAL"
        } else {
            "VERTICAL"
        };
        let slot = if which == "HORIZONTAL" {
            &self.horizontal
        } else {
            &self.vertical
        };
        if let Some(before) = slot {
            return Err(self.malformed(
                n,
                format!(
                    "a second {which} table (the first at line {}): a file holds one pattern",
                    before.line
                ),
            ));
        }
        let max = self.limits.max_table_entries;
        let file = self.file;
        let over = |entity: String, line: usize| PatternError::LimitExceeded {
            file: file.to_owned(),
            line: Some(line),
            entity: Some(entity),
            limit: PatternLimit::TableEntries,
            max: max as u64,
        };
        let count_word = value.split_whitespace().next();
        // The count, checked against the limit before an entry is read.
        let count: Option<usize> = match count_word {
            None => {
                self.notes.push(Diagnostic::info(
                    self.at(n),
                    format!("{which} gives no count: its entries are read up to the next line that is not one"),
                ));
                None
            }
            Some(c) if !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()) => {
                match c.parse::<usize>() {
                    Ok(0) => {
                        return Err(self
                            .malformed(n, format!("{which} 0: a table needs at least one entry")));
                    }
                    Ok(k) if k <= max => Some(k),
                    // Beyond the limit, or beyond any number a machine counts to.
                    _ => return Err(over(format!("{which} {}", clip(c)), n)),
                }
            }
            Some(c) => {
                return Err(self.malformed(
                    n,
                    format!(
                        "{which} {}: the count of entries must be a whole number",
                        clip(c)
                    ),
                ));
            }
        };

        let mut entries: Vec<Entry> = Vec::with_capacity(count.unwrap_or(0).min(1024));
        let mut extra_columns: Option<usize> = None;
        let mut last_line = n;
        loop {
            if count.is_some_and(|c| entries.len() == c) {
                break;
            }
            let Some(&(m, line)) = rest.peek() else {
                if let Some(c) = count {
                    return Err(self.malformed(
                        last_line,
                        format!(
                            "the file ends after {} of the {c} entries {which} (line {n}) announces",
                            entries.len()
                        ),
                    ));
                }
                break;
            };
            let t = line.trim();
            if t.is_empty() {
                rest.next();
                continue;
            }
            let mut words = t.split_whitespace();
            let first = words.next().unwrap_or_default();
            let Some((angle, comma_a)) = number(first) else {
                if let Some(c) = count {
                    return Err(self.malformed(
                        m,
                        format!(
                            "`{}` is not an entry `angle attenuation`, but {which} (line {n}) announces {c} entries and has {}: its count disagrees with its lines",
                            clip(t),
                            entries.len()
                        ),
                    ));
                }
                break;
            };
            rest.next();
            last_line = m;
            if entries.len() >= max {
                return Err(over(format!("{which} (line {n})"), m));
            }
            let Some(second) = words.next() else {
                return Err(self.malformed(
                    m,
                    format!(
                        "`{}` is one value: a {} table's line is an angle and an attenuation",
                        clip(t),
                        which.to_ascii_lowercase()
                    ),
                ));
            };
            let Some((value, comma_v)) = number(second) else {
                return Err(self.malformed(
                    m,
                    format!(
                        "`{}`: the attenuation `{}` is not a number",
                        clip(t),
                        clip(second)
                    ),
                ));
            };
            // A third and fourth value are let pass (with a note); more is not a table.
            match words.take(MAX_VALUES - 1).count() {
                0 => {}
                k if k < MAX_VALUES - 1 => {
                    extra_columns.get_or_insert(m);
                }
                _ => {
                    return Err(self.malformed(
                        m,
                        format!(
                            "more than {MAX_VALUES} values on a line: a {} table's line is an angle and an attenuation",
                            which.to_ascii_lowercase()
                        ),
                    ));
                }
            }
            if !angle.is_finite() || angle.abs() > MAX_ANGLE_DEG {
                return Err(self.malformed(
                    m,
                    format!(
                        "the angle {} is not a number of degrees from -360 to 360",
                        Num(angle)
                    ),
                ));
            }
            if !value.is_finite() || value.abs() > MAX_ATTENUATION_DB {
                return Err(self.malformed(
                    m,
                    format!(
                        "the attenuation {} at {}° is not a number of dB from -1000 to 1000",
                        Num(value),
                        Num(angle)
                    ),
                ));
            }
            self.comma(comma_a || comma_v, m);
            entries.push(Entry {
                angle,
                value,
                line: m,
            });
        }
        if entries.is_empty() {
            return Err(self.malformed(
                n,
                format!(
                    "{which} has no entries: a table needs at least one `angle attenuation` line"
                ),
            ));
        }
        if let Some(m) = extra_columns {
            self.notes.push(Diagnostic::info(
                self.at(m),
                format!("the {} table has more than two values on a line (first here): the first two read, angle and attenuation", which.to_ascii_lowercase()),
            ));
        }
        let table = RawTable {
            which,
            line: n,
            entries,
        };
        if which == "HORIZONTAL" {
            self.horizontal = Some(table);
        } else {
            self.vertical = Some(table);
        }
        Ok(())
    }

    /// The pattern, or what is missing.
    fn finish(mut self) -> Result<PatternImport, PatternError> {
        let file = self.file;
        let missing = |part| PatternError::Missing {
            file: file.to_owned(),
            part,
        };
        let gain = self.gain_dbi.take().ok_or_else(|| missing(Part::Gain))?;
        let horizontal = self
            .horizontal
            .take()
            .ok_or_else(|| missing(Part::Horizontal))?;
        let vertical = self
            .vertical
            .take()
            .ok_or_else(|| missing(Part::Vertical))?;

        let name = match self.name.take() {
            Some(n) if !n.value.is_empty() => n.value,
            given => {
                let stem = file_stem(self.file);
                let where_ = match &given {
                    Some(n) => self.at(n.line),
                    None => self.file.to_owned(),
                };
                self.notes.push(Diagnostic::info(
                    where_,
                    format!(
                        "{}: the pattern is named \"{stem}\" after the file",
                        if given.is_some() {
                            "NAME is empty"
                        } else {
                            "no NAME"
                        }
                    ),
                ));
                stem
            }
        };
        if let Some(line) = self.decimal_comma {
            self.notes.push(Diagnostic::info(
                self.at(line),
                "decimal commas read as decimal points (first here)",
            ));
        }
        if !self.not_kept.is_empty() {
            self.notes.push(Diagnostic::info(
                self.file,
                format!(
                    "{} read but not kept: the tables say the beam, and tailplan's radio model has no polarisation",
                    self.not_kept.join(", ")
                ),
            ));
        }
        if self.ignored_count > 0 {
            let named: Vec<String> = self
                .ignored
                .iter()
                .map(|k| format!("{} (line {})", k.value, k.line))
                .collect();
            let lines_named = self.ignored.len();
            self.notes.push(Diagnostic::info(
                self.file,
                format!(
                    "unknown keyword(s) ignored: {}{}",
                    named.join(", "),
                    if self.ignored_count > lines_named {
                        format!(" ({} lines in all)", self.ignored_count)
                    } else {
                        String::new()
                    }
                ),
            ));
        }

        let horizontal_db = horizontal.to_whole_degrees(self.file, &mut self.notes);
        let vertical_db = vertical.to_whole_degrees(self.file, &mut self.notes);
        let pattern = AntennaPattern {
            name,
            make: self.make.map(|m| m.value).unwrap_or_default(),
            frequency_mhz: self.frequency_mhz.map(|f| f.value),
            gain_dbi: gain.value,
            horizontal_db,
            vertical_db,
            comment: self.comment.join("\n"),
        };
        if let Some(problem) = pattern.problem() {
            return Err(PatternError::Malformed {
                file: self.file.to_owned(),
                line: None,
                message: problem,
            });
        }
        Ok(PatternImport {
            pattern,
            notes: self.notes,
        })
    }
}

/// `x` rounded to 2 decimals, for messages.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The file's name without its folder and its extension (`patch` for `C:\ant\patch.msi`), or
/// `antenna pattern` when that leaves nothing.
fn file_stem(source_name: &str) -> String {
    let base = source_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(source_name);
    let stem = match base.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s,
        _ => base,
    };
    match one_line(stem) {
        s if s.is_empty() => "antenna pattern".to_owned(),
        s => s,
    }
}

/// A `FREQUENCY` value read.
#[derive(Debug, Clone, PartialEq)]
struct Frequency {
    /// MHz (the centre of a range).
    mhz: f64,
    /// A range's ends, MHz.
    range: Option<(f64, f64)>,
    /// No unit and below 100: read as GHz.
    assumed_ghz: bool,
    /// A decimal comma was read.
    comma: bool,
}

/// A number and its unit's MHz per unit, if a unit follows (`5.5 GHz`, `5500MHz`); the rest.
fn number_and_unit(s: &str) -> Option<(f64, Option<f64>, &str, bool)> {
    let (v, after, comma) = leading_number(s.trim_start())?;
    let after = after.trim_start();
    for (unit, mhz) in [("ghz", 1000.0), ("mhz", 1.0), ("khz", 1e-3), ("hz", 1e-6)] {
        if after.len() >= unit.len()
            && after.as_bytes()[..unit.len()].eq_ignore_ascii_case(unit.as_bytes())
        {
            return Some((v, Some(mhz), &after[unit.len()..], comma));
        }
    }
    Some((v, None, after, comma))
}

/// A `FREQUENCY` value: `5500`, `5500 MHz`, `5.5GHz`, `2400-2500`, `2.4 - 2.5 GHz`,
/// `2400 to 2500 MHz`; `None` when it does not start with a number.
fn frequency_mhz(s: &str) -> Option<Frequency> {
    let (a, unit_a, after, comma_a) = number_and_unit(s)?;
    let after = after.trim_start();
    let second = ["-", "–", "—", "..", "to ", "TO "]
        .iter()
        .find_map(|sep| after.strip_prefix(sep))
        .and_then(number_and_unit);
    let unit = unit_a.or(second.as_ref().and_then(|b| b.1));
    let (lo, hi, comma) = match &second {
        Some((b, _, _, comma_b)) => (a, Some(*b), comma_a || *comma_b),
        None => (a, None, comma_a),
    };
    let centre = hi.map_or(lo, |h| (lo + h) / 2.0);
    let (per, assumed_ghz) = match unit {
        Some(u) => (u, false),
        None if centre.abs() < 100.0 && centre != 0.0 => (1000.0, true),
        None => (1.0, false),
    };
    // The second number's own unit, when both have one (2400 MHz - 2.5 GHz).
    let hi_per = second.as_ref().and_then(|b| b.1).unwrap_or(per);
    let range = hi.map(|h| (lo * per, h * hi_per));
    let mhz = match range {
        Some((l, h)) => (l + h) / 2.0,
        None => lo * per,
    };
    Some(Frequency {
        mhz,
        range,
        assumed_ghz,
        comma,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequencies_as_vendors_write_them() {
        let f = |s| frequency_mhz(s).map(|f| (f.mhz, f.range, f.assumed_ghz));
        assert_eq!(f("5500"), Some((5500.0, None, false)));
        assert_eq!(f("5500 MHz"), Some((5500.0, None, false)));
        assert_eq!(f("5500MHz"), Some((5500.0, None, false)));
        assert_eq!(f("5.5 GHz"), Some((5500.0, None, false)));
        assert_eq!(f("5,5 GHz"), Some((5500.0, None, false)));
        assert_eq!(
            f("2400-2500"),
            Some((2450.0, Some((2400.0, 2500.0)), false))
        );
        assert_eq!(
            f("2.4 - 2.5 GHz"),
            Some((2450.0, Some((2400.0, 2500.0)), false))
        );
        assert_eq!(
            f("5150 to 5850 MHz"),
            Some((5500.0, Some((5150.0, 5850.0)), false))
        );
        assert_eq!(
            f("2400 MHz - 2.5 GHz"),
            Some((2450.0, Some((2400.0, 2500.0)), false))
        );
        assert_eq!(f("5.8"), Some((5800.0, None, true)));
        assert_eq!(f("n/a"), None);
    }

    #[test]
    fn the_file_stem_names_a_pattern_without_a_name() {
        assert_eq!(file_stem("patch.msi"), "patch");
        assert_eq!(file_stem(r"C:\ant\Patch 5G.v2.ant"), "Patch 5G.v2");
        assert_eq!(file_stem("dir/omni"), "omni");
        assert_eq!(file_stem(".msi"), ".msi");
        assert_eq!(file_stem(""), "antenna pattern");
        assert_eq!(file_stem("dir/"), "antenna pattern");
    }
}
