//! Problems found in input or in a design, collected rather than stopping at the first.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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
