//! Problems found in input or in a design, collected rather than stopping at the first.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A number as a person writes it in a message: `400`, `0.25`, `-67.5`; very large and very
/// small magnitudes in exponent form (`1e308`, `2.5e-7`) rather than as hundreds of digits.
///
/// ```
/// use tailplan_core::diagnostics::Num;
/// assert_eq!(Num(1e308).to_string(), "1e308");
/// assert_eq!(Num(-2.5e-7).to_string(), "-2.5e-7");
/// assert_eq!(Num(400.0).to_string(), "400");
/// assert_eq!(Num(-0.25).to_string(), "-0.25");
/// assert_eq!(Num(f64::NAN).to_string(), "NaN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let a = self.0.abs();
        if self.0.is_finite() && a != 0.0 && !(1e-4..1e15).contains(&a) {
            write!(f, "{:e}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used as it is.
    Error,
    /// Used, but probably not what the author meant.
    Warning,
    /// Worth knowing (a default applied, a projection done).
    Info,
}

/// One problem, with where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Where: the file, floor, feature or element (`floor "2", wall "w-14"`).
    pub location: String,
    /// What is wrong, and what was done about it.
    pub message: String,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            location: location.into(),
            message: message.into(),
        }
    }

    /// A warning at `location`.
    pub fn warning(location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            location: location.into(),
            message: message.into(),
        }
    }

    /// A note at `location`.
    pub fn info(location: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Info,
            location: location.into(),
            message: message.into(),
        }
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

/// Formats the first error of `diagnostics` on one line, with a count of the others.
pub fn summarize_errors(diagnostics: &[Diagnostic]) -> String {
    let mut errors = diagnostics.iter().filter(|d| d.is_error());
    match errors.next() {
        None => String::new(),
        Some(first) => match errors.count() {
            0 => first.to_string(),
            n => format!(
                "{first} (and {n} more error{})",
                if n == 1 { "" } else { "s" }
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_the_rest() {
        let d = vec![
            Diagnostic::warning("a", "meh"),
            Diagnostic::error("feature 3", "bad"),
            Diagnostic::error("feature 4", "worse"),
        ];
        assert_eq!(summarize_errors(&d), "feature 3: bad (and 1 more error)");
        assert_eq!(summarize_errors(&d[..1]), "");
    }
}
