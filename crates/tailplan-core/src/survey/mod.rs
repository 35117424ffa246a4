//! Site surveys (issue 19): signal strengths measured at points of a floor, each of one access
//! point's radio, to hold the coverage model against. The rows as read from a survey file
//! (`tailplan_io::survey` reads the CSV), kept in the project ([`crate::Project::surveys`]);
//! which access point each names is resolved against the project when the model's prediction
//! is compared with them.
//!
//! - [`observe`]: rows resolved to floors, access points and radios, and the prediction at
//!   each taken apart into the terms calibration fits;
//! - [`stats`]: [`ErrorStats`] and the accuracy report ([`accuracy`]): how good the model is
//!   now;
//! - [`fit`]: calibration ([`calibrate`]: per access point offsets, the exponent, the walls'
//!   losses, regularised and robust; k-fold cross-validation), as one edit
//!   ([`calibration_edit`]) and its reset ([`reset_edit`]).
//!
//! # Examples
//!
//! ```
//! use tailplan_core::geometry::Point;
//! use tailplan_core::survey::{ApRef, Survey, SurveyRow};
//! let row = SurveyRow {
//!     line: 2,
//!     position: Point::new(4.0, 2.5),
//!     floor: None,
//!     ap: ApRef::Ap("AP-0-01".into()),
//!     rssi_dbm: -54.0,
//!     band: None,
//!     time: None,
//! };
//! let survey = Survey { rows: vec![row], ..Survey::default() };
//! assert_eq!(survey.rows.len(), 1);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Point;
use crate::materials::Band;

pub mod fit;
pub mod observe;
pub mod stats;
#[cfg(test)]
mod tests;

pub use fit::{
    Calibration, CalibrationError, CalibrationRecord, FitOptions, calibrate, calibration_edit,
    reset_edit,
};
pub use observe::{Resolved, Skipped, resolve};
pub use stats::{Accuracy, ErrorStats, accuracy};

/// The weakest signal a survey row may hold as a measurement: a value at or below it (−200,
/// −150) is a tool's "not heard", not a signal strength.
pub const NOT_HEARD_DBM: f64 = -150.0;

/// Whether `rssi_dbm` is a real measurement: above [`NOT_HEARD_DBM`] and at most 0 dBm.
pub fn is_measurement(rssi_dbm: f64) -> bool {
    rssi_dbm.is_finite() && rssi_dbm > NOT_HEARD_DBM && rssi_dbm <= 0.0
}

/// Which access point a row measured: by the access point's id or name, or by the BSSID its
/// radio sent (with the access point the file maps it to, when it does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApRef {
    /// An access point's id or name.
    Ap(String),
    /// A radio's BSSID (`aa:bb:cc:dd:ee:ff`, lower case), and the access point's id or name
    /// the file gives beside it.
    Bssid {
        /// The BSSID, lower case with colons.
        bssid: String,
        /// The access point it belongs to, when the file says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ap: Option<String>,
    },
}

/// One measurement of a survey: where, of which access point, how strong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SurveyRow {
    /// Its line in the file (the header is line 1), for messages.
    pub line: usize,
    /// Where it was measured, plan metres.
    pub position: Point,
    /// The floor's id or name, when the file says (else the access point's floor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<String>,
    /// The access point heard.
    pub ap: ApRef,
    /// The signal strength measured, dBm.
    pub rssi_dbm: f64,
    /// The band, when the file says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Band>,
    /// When it was measured, as the file writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// A survey: its measurements in file order (repeated scans of a point are rows of their
/// own), and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Survey {
    /// Its name (the file's name, as read), unique among a project's surveys.
    #[serde(default)]
    pub name: String,
    /// The rows that are measurements.
    pub rows: Vec<SurveyRow>,
    /// Rows left out because their signal strength is not a measurement: blank, at or below
    /// [`NOT_HEARD_DBM`], or above 0 dBm.
    #[serde(default)]
    pub not_measured: usize,
}

/// The most rows a survey kept in a project may hold (what the reader's limit lets in).
pub const MAX_ROWS: usize = 1_000_000;
/// The longest name, access point reference, floor or time a survey may hold, characters.
pub const MAX_TEXT: usize = 256;
/// The farthest a survey point may be from the plan's origin, metres.
pub const MAX_COORDINATE_M: f64 = 100_000.0;

impl Survey {
    /// Why the survey cannot be kept in a project, if it cannot: the first row at fault by
    /// its line.
    pub fn problem(&self) -> Option<String> {
        if self.name.trim().is_empty() || self.name.chars().count() > MAX_TEXT {
            return Some(format!(
                "a survey's name must be 1 to {MAX_TEXT} characters"
            ));
        }
        if self.rows.len() > MAX_ROWS {
            return Some(format!("{} rows, more than {MAX_ROWS}", self.rows.len()));
        }
        let long = |s: &str| s.chars().count() > MAX_TEXT;
        self.rows.iter().find_map(|r| {
            let p = r.position;
            let text = match &r.ap {
                ApRef::Ap(a) => long(a),
                ApRef::Bssid { bssid, ap } => long(bssid) || ap.as_deref().is_some_and(long),
            } || r.floor.as_deref().is_some_and(long)
                || r.time.as_deref().is_some_and(long);
            let why = if !(p.x.is_finite() && p.y.is_finite())
                || p.x.abs() > MAX_COORDINATE_M
                || p.y.abs() > MAX_COORDINATE_M
            {
                "its position is not a finite point within 100 km of the origin"
            } else if !is_measurement(r.rssi_dbm) {
                "its rssi_dbm is not a measurement (above -150 and at most 0 dBm)"
            } else if text {
                "a text longer than 256 characters"
            } else {
                return None;
            };
            Some(format!("line {}: {why}", r.line))
        })
    }
}

#[cfg(test)]
mod measurement_tests {
    use super::*;

    #[test]
    fn what_a_measurement_is() {
        for ok in [-30.0, -95.5, 0.0, -149.9] {
            assert!(is_measurement(ok), "{ok}");
        }
        for not in [-200.0, -150.0, 0.5, 12.0, f64::NAN, f64::NEG_INFINITY] {
            assert!(!is_measurement(not), "{not}");
        }
    }
}
