//! Site surveys (issue 19): signal strengths measured at points of a floor, each of one access
//! point's radio, to hold the coverage model against. The rows as read from a survey file
//! (`tailplan_io::survey` reads the CSV); which access point each names is resolved against a
//! project later, when the model's prediction is compared with them.
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

use serde::{Deserialize, Serialize};

use crate::geometry::Point;
use crate::materials::Band;

/// The weakest signal a survey row may hold as a measurement: a value at or below it (−200,
/// −150) is a tool's "not heard", not a signal strength.
pub const NOT_HEARD_DBM: f64 = -150.0;

/// Whether `rssi_dbm` is a real measurement: above [`NOT_HEARD_DBM`] and at most 0 dBm.
pub fn is_measurement(rssi_dbm: f64) -> bool {
    rssi_dbm.is_finite() && rssi_dbm > NOT_HEARD_DBM && rssi_dbm <= 0.0
}

/// Which access point a row measured: by the access point's id or name, or by the BSSID its
/// radio sent (with the access point the file maps it to, when it does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        ap: Option<String>,
    },
}

/// One measurement of a survey: where, of which access point, how strong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyRow {
    /// Its line in the file (the header is line 1), for messages.
    pub line: usize,
    /// Where it was measured, plan metres.
    pub position: Point,
    /// The floor's id, when the file says (else the floor the survey is for).
    pub floor: Option<String>,
    /// The access point heard.
    pub ap: ApRef,
    /// The signal strength measured, dBm.
    pub rssi_dbm: f64,
    /// The band, when the file says.
    pub band: Option<Band>,
    /// When it was measured, as the file writes it.
    pub time: Option<String>,
}

/// A survey: its measurements in file order (repeated scans of a point are rows of their
/// own), and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    /// The rows that are measurements.
    pub rows: Vec<SurveyRow>,
    /// Rows left out because their signal strength is not a measurement: blank, at or below
    /// [`NOT_HEARD_DBM`], or above 0 dBm.
    pub not_measured: usize,
}

#[cfg(test)]
mod tests {
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
