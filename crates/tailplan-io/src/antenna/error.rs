//! Why a pattern file could not be read: [`PatternError`], each variant naming the file.

use thiserror::Error;

use super::PatternLimit;

/// The parts a pattern file cannot do without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The `GAIN` line.
    Gain,
    /// The `HORIZONTAL` table.
    Horizontal,
    /// The `VERTICAL` table.
    Vertical,
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Part::Gain => "no GAIN line: a pattern file gives the antenna's gain (GAIN 8 dBi)",
            Part::Horizontal => {
                "no HORIZONTAL table: a pattern file has a HORIZONTAL and a VERTICAL table (HORIZONTAL 360, then 360 lines `angle attenuation`)"
            }
            Part::Vertical => {
                "no VERTICAL table: a pattern file has a HORIZONTAL and a VERTICAL table (VERTICAL 360, then 360 lines `angle attenuation`)"
            }
        })
    }
}

/// Why a pattern file could not be read. Every variant names the file; those about a place in
/// it name the line (1-based).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PatternError {
    /// Bigger than [`PatternLimits::max_bytes`](super::PatternLimits::max_bytes): refused
    /// before it is read.
    #[error(
        "{file}: {bytes} bytes is more than the {limit} bytes tailplan reads from an antenna pattern file, the limit"
    )]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// Beyond one of the [`PatternLimits`](super::PatternLimits): refused before the thing
    /// counted was made.
    #[error("{file}: {}{}more than {max} {limit}, the limit", .line.map(|l| format!("line {l}: ")).unwrap_or_default(), .entity.as_ref().map(|e| format!("{e}: ")).unwrap_or_default())]
    LimitExceeded {
        /// The file.
        file: String,
        /// 1-based line where the count went over, when known.
        line: Option<usize>,
        /// What asked for too much (`HORIZONTAL 99999999999`).
        entity: Option<String>,
        /// Which limit.
        limit: PatternLimit,
        /// Its value.
        max: u64,
    },
    /// The file is empty, or holds only blank lines.
    #[error(
        "{file}: the file is empty: an antenna pattern file has a GAIN line and HORIZONTAL and VERTICAL tables"
    )]
    Empty {
        /// The file.
        file: String,
    },
    /// Not text: a binary file, or UTF-16.
    #[error("{file}: not a text file: {message}")]
    NotText {
        /// The file.
        file: String,
        /// What was found, and where.
        message: String,
    },
    /// A line that is not what the format allows there: a value that is not a finite number or
    /// beyond its range, a table shorter or longer than its count.
    #[error("{file}: {}{message}", .line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Malformed {
        /// The file.
        file: String,
        /// 1-based line, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A part the pattern cannot do without is not in the file.
    #[error("{file}: {part}")]
    Missing {
        /// The file.
        file: String,
        /// What is missing.
        part: Part,
    },
}

impl PatternError {
    /// The limit this refusal is held to (the setting that raises it), when it is one of
    /// [`PatternLimits`](super::PatternLimits).
    pub fn limit(&self) -> Option<PatternLimit> {
        match self {
            PatternError::TooLarge { .. } => Some(PatternLimit::Bytes),
            PatternError::LimitExceeded { limit, .. } => Some(*limit),
            _ => None,
        }
    }

    /// The 1-based line the error is about, when it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            PatternError::LimitExceeded { line, .. } | PatternError::Malformed { line, .. } => {
                *line
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_the_line_and_the_limit() {
        let e = PatternError::LimitExceeded {
            file: "a.msi".into(),
            line: Some(5),
            entity: Some("HORIZONTAL 99999999999".into()),
            limit: PatternLimit::TableEntries,
            max: 36_000,
        };
        assert_eq!(
            e.to_string(),
            "a.msi: line 5: HORIZONTAL 99999999999: more than 36000 table entries, the limit"
        );
        assert_eq!(e.limit(), Some(PatternLimit::TableEntries));
        assert_eq!(e.line(), Some(5));
        let e = PatternError::Missing {
            file: "a.msi".into(),
            part: Part::Vertical,
        };
        assert!(e.to_string().starts_with("a.msi: no VERTICAL table"));
        assert_eq!(e.limit(), None);
        let e = PatternError::TooLarge {
            file: "a.msi".into(),
            bytes: 5_000_000,
            limit: 4_000_000,
        };
        assert!(
            e.to_string()
                .contains("5000000 bytes is more than the 4000000")
        );
        assert_eq!(e.limit(), Some(PatternLimit::Bytes));
    }
}
