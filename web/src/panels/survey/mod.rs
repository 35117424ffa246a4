//! What the editor shows of site surveys (issue 19): the surveys the project holds, the model
//! against them (`tailplan accuracy`, computed by the files worker whenever the panel shows
//! an older state), the calibration the worker fitted (`tailplan calibrate`, applied as one
//! undo step) with what moved, and the survey points on the plan coloured by their error or by
//! the signal measured. Plain data and pure functions.
//!
//! The survey panel's component is `panel`.

pub(crate) mod panel;

use std::rc::Rc;

use tailplan_core::Project;
use tailplan_core::survey::FitOptions;
use tailplan_core::survey::stats::{ErrorStats, SurveyPoint};

use crate::plan::color::Rgba;
use crate::worker::protocol::{Calibrated, DocKey, JobId, SurveyChecked, SurveyJob};

/// What the survey points on the plan are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PointColour {
    /// The error of the model there (predicted − measured, the mean of the point's rows).
    #[default]
    Error,
    /// The strongest signal measured there, on the coverage heatmap's scale: with the heatmap
    /// of the prediction under it, measured against predicted.
    Measured,
}

impl PointColour {
    /// Its value in the panel's select.
    pub fn value(self) -> &'static str {
        match self {
            PointColour::Error => "error",
            PointColour::Measured => "measured",
        }
    }

    /// The colour of a select's value.
    pub fn parse(v: &str) -> Option<Self> {
        [PointColour::Error, PointColour::Measured]
            .into_iter()
            .find(|c| c.value() == v)
    }
}

/// The survey panel's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SurveyState {
    /// The job checking or fitting the model, while it runs.
    pub job: Option<JobId>,
    /// Whether that job fits (else it checks).
    pub fitting: bool,
    /// The state the job is for.
    pub job_doc: Option<DocKey>,
    /// The state a check failed at: not asked for again until the project changes.
    pub failed_at: Option<DocKey>,
    /// The model against the surveys, of the state it says.
    pub checked: Option<Rc<SurveyChecked>>,
    /// The last calibration made in this session, with what moved.
    pub calibrated: Option<Rc<Calibrated>>,
    /// What the points are coloured by.
    pub colour: PointColour,
    /// Why the last job failed.
    pub error: Option<String>,
}

impl SurveyState {
    /// The job to ask the worker for: a check, or a fit with the default options.
    pub fn job_for(&self, job: JobId, doc: DocKey, calibrate: bool) -> SurveyJob {
        SurveyJob {
            job,
            doc,
            calibrate: calibrate.then(FitOptions::default),
        }
    }

    /// True when the panel shows `project` at `doc` without a check of it, and none runs: the
    /// page asks the worker for one.
    pub fn wants_check(&self, project: &Project, doc: Option<DocKey>) -> bool {
        !project.surveys.is_empty()
            && self.job.is_none()
            && doc.is_some()
            && self.checked.as_ref().map(|c| c.doc) != doc
            && self.failed_at != doc
    }

    /// The job started, for the state `doc`.
    pub fn started(&mut self, job: JobId, doc: Option<DocKey>, fitting: bool) {
        self.job = Some(job);
        self.job_doc = doc;
        self.fitting = fitting;
        self.error = None;
    }

    /// A check came: kept when it is the job's.
    pub fn checked(&mut self, c: Rc<SurveyChecked>) -> bool {
        if self.job != Some(c.job) {
            return false;
        }
        self.job = None;
        self.checked = Some(c);
        true
    }

    /// A job failed: true when it was this panel's.
    pub fn failed(&mut self, job: JobId, message: String) -> bool {
        if self.job != Some(job) {
            return false;
        }
        self.job = None;
        self.error = Some(message);
        self.failed_at = self.job_doc;
        true
    }
}

/// The colour of an error (predicted − measured, dB): green within ±3 dB, amber to ±6, red
/// beyond when the model is optimistic (predicts more than measured), blue when pessimistic.
pub fn error_colour(error_db: f64) -> Rgba {
    let e = error_db;
    if e.abs() <= 3.0 {
        Rgba::hex(0x16a34a)
    } else if e.abs() <= 6.0 {
        Rgba::hex(0xf59e0b)
    } else if e > 0.0 {
        Rgba::hex(0xdc2626)
    } else {
        Rgba::hex(0x2563eb)
    }
}

/// The legend of [`error_colour`]: (its CSS class's suffix, the colour, the caption). The page's
/// Content-Security-Policy allows no inline style: the stylesheet holds the same colours.
pub fn error_legend() -> Vec<(&'static str, Rgba, &'static str)> {
    vec![
        ("ok", error_colour(0.0), "within ±3 dB"),
        ("off", error_colour(4.0), "3–6 dB off"),
        ("strong", error_colour(8.0), "model > 6 dB too strong"),
        ("weak", error_colour(-8.0), "model > 6 dB too weak"),
    ]
}

/// The points of floor `floor` to draw.
pub fn points_on<'a>(
    checked: &'a SurveyChecked,
    floor: &'a str,
) -> impl Iterator<Item = &'a SurveyPoint> + 'a {
    checked.points.iter().filter(move |p| p.floor == floor)
}

/// A statistics row as the panel shows it: rows, mean, MAE, RMSE, std.
pub fn stats_cells(s: &ErrorStats) -> [String; 5] {
    let db = |v: f64| format!("{v:.1}").replace('-', "−");
    [
        s.points.to_string(),
        format!(
            "{}{}",
            if s.mean_error_db > 0.05 { "+" } else { "" },
            db(s.mean_error_db)
        ),
        db(s.mae_db),
        db(s.rmse_db),
        db(s.std_db),
    ]
}

/// The notice of a calibration applied.
pub fn calibrated_notice(c: &Calibrated) -> String {
    let r = &c.calibration;
    format!(
        "Calibrated against {}: RMSE {:.1} → {:.1} dB ({:.1} dB on held-out points), exponent {:.2} → {:.2} · Ctrl+Z takes it back",
        r.surveys.join(", "),
        r.before.rmse_db,
        r.after.rmse_db,
        r.cross_validated.rmse_db,
        r.exponent.before,
        r.exponent.after
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_cells() {
        assert_eq!(error_colour(1.0), error_colour(-2.9));
        assert_ne!(error_colour(7.0), error_colour(-7.0));
        // The stylesheet's colours are the plan's.
        let css = include_str!("../../../styles.css");
        for (class, colour, _) in error_legend() {
            let rule = format!(
                ".survey-legend__dot--{class} {{\n  background: {};",
                colour.css()
            );
            assert!(css.contains(&rule), "{rule}");
        }
        let s = ErrorStats {
            points: 12,
            mean_error_db: -1.26,
            mae_db: 2.0,
            rmse_db: 3.04,
            std_db: 2.5,
        };
        assert_eq!(stats_cells(&s), ["12", "−1.3", "2.0", "3.0", "2.5"]);
        assert_eq!(PointColour::parse("measured"), Some(PointColour::Measured));
        assert_eq!(PointColour::parse("x"), None);
    }

    #[test]
    fn a_check_is_wanted_once_per_state() {
        let mut p = Project::new();
        let mut s = SurveyState::default();
        let doc = Some((1, 3));
        assert!(!s.wants_check(&p, doc), "no survey");
        p.surveys.push(tailplan_core::survey::Survey {
            name: "s.csv".into(),
            ..Default::default()
        });
        assert!(s.wants_check(&p, doc));
        s.started(7, doc, false);
        assert!(!s.wants_check(&p, doc), "one runs");
        assert!(s.failed(7, "no".into()));
        assert!(!s.wants_check(&p, doc), "not again after a failure");
        assert!(s.wants_check(&p, Some((1, 4))), "the project changed");
        assert!(!s.failed(8, "other".into()));
    }
}
