//! Site surveys as commands: `tailplan accuracy` and `tailplan calibrate`, the npm package's
//! `accuracy()` / `calibrate()`, the editor's survey import and calibration. A survey file is
//! read by [`tailplan_io::survey::read_survey`] (CSV, within its limits); the core's
//! [`tailplan_core::survey`] resolves, compares and fits.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tailplan_core::survey::stats::{self, SurveyPoint};
use tailplan_core::survey::{
    Accuracy, Calibration, FitOptions, Survey, accuracy as core_accuracy, calibrate as fit,
    calibration_edit, reset_edit, resolve,
};
use tailplan_core::{Diagnostic, Edit, Project};
use tailplan_io::survey::{SurveyLimits, read_survey as read_csv};

use crate::error::{AppError, Param};
use crate::json::round_numbers;

/// Reads the survey file `bytes` (named `file_name`: the survey's name and in messages), with
/// what the reader decided (columns ignored, rows left out).
pub fn read_survey(file_name: &str, bytes: &[u8]) -> Result<(Survey, Vec<Diagnostic>), AppError> {
    let read = read_csv(bytes, file_name, &SurveyLimits::default()).map_err(AppError::Survey)?;
    Ok((read.survey, read.notes))
}

/// The edit that keeps `survey` in a project (replacing one of the same name).
pub fn keep_survey(survey: Survey) -> Edit {
    Edit::PutSurvey {
        survey: Box::new(survey),
        index: None,
    }
}

/// The surveys a command works on: those given, else the project's own; an error naming the
/// project when there are none.
fn surveys_of<'a>(
    name: &str,
    project: &'a Project,
    given: &'a [Survey],
) -> Result<Vec<&'a Survey>, AppError> {
    let list: Vec<&Survey> = if given.is_empty() {
        project.surveys.iter().collect()
    } else {
        given.iter().collect()
    };
    if list.is_empty() {
        return Err(AppError::NoSurvey {
            project: name.to_owned(),
        });
    }
    Ok(list)
}

/// How good the project's model is against measurements: what `tailplan accuracy --json`
/// prints (rounded to 0.01) and the npm package's `accuracy()` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AccuracyResult {
    /// The surveys compared with, by name.
    pub surveys: Vec<String>,
    /// The statistics (`points`, `mean_error_db`, `mae_db`, `rmse_db`, `std_db`), per access
    /// point and room, the worst rows, the rows left out.
    #[serde(flatten)]
    pub accuracy: Accuracy,
}

impl AccuracyResult {
    /// The JSON with every number rounded to 0.01.
    pub fn to_json_rounded(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        round_numbers(&mut v);
        v
    }
}

/// Compares `project`'s model with `surveys` (the project's own when none is given).
pub fn accuracy(
    name: &str,
    project: &Project,
    surveys: &[Survey],
) -> Result<AccuracyResult, AppError> {
    let list = surveys_of(name, project, surveys)?;
    Ok(AccuracyResult {
        surveys: list.iter().map(|s| s.name.clone()).collect(),
        accuracy: core_accuracy(project, &list),
    })
}

/// [`accuracy`] of the project's own surveys with every survey point (what a plan draws of
/// them), the rows resolved and predicted once for both: the editor's check.
pub fn check(
    name: &str,
    project: &Project,
) -> Result<(AccuracyResult, Vec<SurveyPoint>), AppError> {
    let list = surveys_of(name, project, &[])?;
    let r = resolve(project, &list);
    let current = r.current();
    Ok((
        AccuracyResult {
            surveys: list.iter().map(|s| s.name.clone()).collect(),
            accuracy: stats::report(project, &r, &current),
        },
        stats::points(project, &r, &current),
    ))
}

/// What calibrating did: the core's [`Calibration`] (before, after, cross-validated, the
/// values and how far they moved): what `tailplan calibrate --json` writes and the npm
/// package's `calibrate()` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CalibrationResult {
    /// The fit.
    #[serde(flatten)]
    pub calibration: Calibration,
    /// Surveys the edit keeps in the project (those given that it did not hold).
    pub surveys_kept: Vec<String>,
}

impl CalibrationResult {
    /// The JSON with every number rounded to 0.01.
    pub fn to_json_rounded(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        round_numbers(&mut v);
        v
    }
}

/// Fits `project`'s model to `surveys` (the project's own when none is given) and returns the
/// one edit that calibrates it (keeping the surveys given in the project, so its sheets and
/// later checks have them) with what the fit found.
pub fn calibrate(
    name: &str,
    project: &Project,
    surveys: &[Survey],
    options: &FitOptions,
) -> Result<(Edit, CalibrationResult), AppError> {
    let list = surveys_of(name, project, surveys)?;
    let calibration = fit(project, &list, options).map_err(|error| AppError::Calibration {
        project: name.to_owned(),
        error,
    })?;
    let mut edits: Vec<Edit> = surveys.iter().cloned().map(keep_survey).collect();
    let kept = surveys.iter().map(|s| s.name.clone()).collect();
    edits.push(calibration_edit(project, &calibration));
    Ok((
        Edit::Batch { edits },
        CalibrationResult {
            calibration,
            surveys_kept: kept,
        },
    ))
}

/// The edit that takes the calibration away (the exponent, materials and offsets as they were
/// before the first); an error naming the project when it is not calibrated.
pub fn reset_calibration(name: &str, project: &Project) -> Result<Edit, AppError> {
    reset_edit(project).ok_or_else(|| AppError::NotCalibrated {
        project: name.to_owned(),
    })
}

/// Calibration's options as a front end gives them: the terms (`--fit`: default all), the
/// folds (5) and the wall prior's rows (20); each refused naming its parameter.
pub fn fit_options(
    fit: Option<&str>,
    folds: Option<usize>,
    wall_prior_rows: Option<f64>,
) -> Result<FitOptions, AppError> {
    let mut o = FitOptions::default();
    if let Some(list) = fit {
        fit_terms(list, &mut o).map_err(|why| AppError::invalid(Param::Fit, list, why))?;
    }
    if let Some(k) = folds {
        if !(2..=20).contains(&k) {
            return Err(AppError::invalid(Param::Folds, k, "must be 2 to 20"));
        }
        o.folds = k;
    }
    if let Some(n) = wall_prior_rows {
        if !(n.is_finite() && (0.0..=1e6).contains(&n)) {
            return Err(AppError::invalid(
                Param::WallPriorRows,
                n,
                "must be a number of rows from 0 to 1000000",
            ));
        }
        o.wall_prior_rows = n;
    }
    Ok(o)
}

/// What keeping a survey file in a project did.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SurveyAdded {
    /// The survey's name (its file's).
    pub name: String,
    /// Its rows that are measurements.
    pub rows: usize,
    /// Its rows that are not (blank, −200, above 0 dBm).
    pub not_measured: usize,
    /// True when it replaced a survey of the project of the same name.
    pub replaced: bool,
    /// What the reader decided and warned about.
    pub notes: Vec<Diagnostic>,
}

/// Reads a survey file and returns the edit that keeps it in `project` (replacing one of the
/// same name), with what it did: `npm addSurvey`, the editor's survey import.
pub fn add_survey(
    project: &Project,
    file_name: &str,
    bytes: &[u8],
) -> Result<(Edit, SurveyAdded), AppError> {
    let (survey, notes) = read_survey(file_name, bytes)?;
    Ok(survey_edit(project, survey, notes))
}

/// The edit that keeps a survey already read in `project`, with what it does (the editor
/// reads the file in its files worker and makes the edit on the project it shows).
pub fn survey_edit(
    project: &Project,
    survey: Survey,
    notes: Vec<Diagnostic>,
) -> (Edit, SurveyAdded) {
    let added = SurveyAdded {
        name: survey.name.clone(),
        rows: survey.rows.len(),
        not_measured: survey.not_measured,
        replaced: project.surveys.iter().any(|s| s.name == survey.name),
        notes,
    };
    (keep_survey(survey), added)
}

/// The terms `--fit` names, comma-separated: `offsets`, `exponent`, `walls` (or `all`), into
/// `options`; an unknown term is an error naming it.
pub fn fit_terms(list: &str, options: &mut FitOptions) -> Result<(), String> {
    options.offsets = false;
    options.exponent = false;
    options.walls = false;
    for term in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        match term.to_ascii_lowercase().as_str() {
            "offsets" | "offset" => options.offsets = true,
            "exponent" => options.exponent = true,
            "walls" | "wall" | "materials" => options.walls = true,
            "all" => {
                options.offsets = true;
                options.exponent = true;
                options.walls = true;
            }
            other => {
                return Err(format!(
                    "unknown term \"{other}\" (offsets, exponent, walls, all)"
                ));
            }
        }
    }
    options.check()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "x,y,ap,rssi_dbm\n";

    fn project() -> Project {
        let text = r#"{"type": "FeatureCollection", "features": [
          {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[10, 0], [10, 20]]},
           "properties": {"kind": "wall", "material": "drywall"}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [5, 5]},
           "properties": {"kind": "ap", "name": "AP-1", "channel": 36}},
          {"type": "Feature", "geometry": {"type": "Point", "coordinates": [15, 15]},
           "properties": {"kind": "ap", "name": "AP-2", "channel": 44}}]}"#;
        crate::open::open_text("plan.geojson", text, Default::default())
            .unwrap()
            .project
    }

    /// A survey of the project's own prediction, 6 dB weaker for AP-2, with a ±1 dB ripple.
    fn survey_csv(p: &Project) -> String {
        let mut out = CSV.to_owned();
        for y in 1..20 {
            for x in 1..20 {
                for ap in ["AP-1", "AP-2"] {
                    let row = format!("{x}.3,{y}.3,{ap},-50\n");
                    let (s, _) = read_survey("t.csv", format!("{CSV}{row}").as_bytes()).unwrap();
                    let a = core_accuracy(p, &[&s]);
                    let predicted = a.worst[0].predicted_dbm;
                    let ripple = if (x + y) % 2 == 0 { 1.0 } else { -1.0 };
                    let weaker = if ap == "AP-2" { 6.0 } else { 0.0 };
                    out.push_str(&format!(
                        "{x}.3,{y}.3,{ap},{:.2}\n",
                        predicted - weaker + ripple
                    ));
                }
            }
        }
        out
    }

    #[test]
    fn accuracy_then_calibrate_then_reset() {
        let mut p = project();
        let original = p.clone();
        let csv = survey_csv(&p);
        let (s, _) = read_survey("walk.csv", csv.as_bytes()).unwrap();
        // No survey given and none kept: the project is named.
        let e = accuracy("plan.geojson", &p, &[]).unwrap_err();
        assert!(e.to_string().contains("plan.geojson"), "{e}");
        let before = accuracy("plan.geojson", &p, std::slice::from_ref(&s)).unwrap();
        assert_eq!(before.surveys, ["walk.csv"]);
        assert_eq!(before.accuracy.stats.points, 19 * 19 * 2);
        let ap2 = before
            .accuracy
            .per_ap
            .iter()
            .find(|a| a.name == "AP-2")
            .unwrap();
        assert!((ap2.stats.mean_error_db - 6.0).abs() < 0.01, "{ap2:?}");
        let json = before.to_json_rounded();
        for member in [
            "points",
            "mean_error_db",
            "mae_db",
            "rmse_db",
            "std_db",
            "per_ap",
            "per_room",
            "worst",
        ] {
            assert!(json.get(member).is_some(), "{member}");
        }
        let (edit, result) = calibrate(
            "plan.geojson",
            &p,
            std::slice::from_ref(&s),
            &FitOptions::default(),
        )
        .unwrap();
        assert_eq!(result.surveys_kept, ["walk.csv"]);
        let off2 = result
            .calibration
            .offsets
            .iter()
            .find(|o| o.name == "AP-2")
            .unwrap();
        assert!((off2.after_db + 6.0).abs() < 0.3, "{off2:?}");
        assert!(result.calibration.after.rmse_db < 1.1);
        let json = result.to_json_rounded();
        for member in [
            "before",
            "after",
            "cross_validated",
            "exponent",
            "offsets",
            "materials",
        ] {
            assert!(json.get(member).is_some(), "{member}");
        }
        p.apply(edit).unwrap();
        // The project holds the survey now: accuracy needs no file.
        let after = accuracy("plan.geojson", &p, &[]).unwrap();
        assert!((after.accuracy.stats.rmse_db - result.calibration.after.rmse_db).abs() < 1e-9);
        // The editor's check says the same, with a point per position.
        let (checked, points) = check("plan.geojson", &p).unwrap();
        assert_eq!(checked, after);
        assert_eq!(points.len(), 19 * 19);
        let reset = reset_calibration("plan.geojson", &p).unwrap();
        p.apply(reset).unwrap();
        assert_eq!(p.materials, original.materials);
        assert_eq!(p.settings, original.settings);
        assert!(reset_calibration("plan.geojson", &p).is_err());
    }

    #[test]
    fn options_are_refused_by_their_names() {
        use crate::error::FieldNames;
        let e = fit_options(Some("walls,doors"), None, None).unwrap_err();
        assert!(
            e.message(&FieldNames)
                .starts_with("fit walls,doors: unknown term"),
            "{e}"
        );
        let e = fit_options(None, Some(1), None).unwrap_err();
        assert_eq!(e.message(&FieldNames), "folds 1: must be 2 to 20");
        let e = fit_options(None, None, Some(f64::NAN)).unwrap_err();
        assert!(
            e.message(&FieldNames).starts_with("wall_prior_rows NaN"),
            "{e}"
        );
        let o = fit_options(Some("exponent"), Some(10), Some(0.0)).unwrap();
        assert!(o.exponent && !o.offsets && !o.walls && o.folds == 10 && o.wall_prior_rows == 0.0);
    }

    #[test]
    fn a_survey_kept_says_what_it_read() {
        let p = project();
        let (edit, added) = add_survey(
            &p,
            "walk.csv",
            b"x,y,ap,rssi_dbm,extra\n1,2,AP-1,-50,z\n1,2,AP-1,-200,z\n",
        )
        .unwrap();
        assert_eq!(
            (added.rows, added.not_measured, added.replaced),
            (1, 1, false)
        );
        assert!(!added.notes.is_empty(), "the extra column is noted");
        let mut p = p;
        p.apply(edit).unwrap();
        let (_, again) = add_survey(&p, "walk.csv", b"x,y,ap,rssi_dbm\n1,2,AP-1,-50\n").unwrap();
        assert!(again.replaced);
    }

    #[test]
    fn fit_terms_are_named() {
        let mut o = FitOptions::default();
        fit_terms("offsets, exponent", &mut o).unwrap();
        assert!(o.offsets && o.exponent && !o.walls);
        fit_terms("all", &mut o).unwrap();
        assert!(o.walls);
        let e = fit_terms("offsets,doors", &mut o).unwrap_err();
        assert!(e.contains("\"doors\""), "{e}");
        assert!(fit_terms("", &mut o).is_err());
    }

    #[test]
    fn a_broken_survey_names_the_file_and_line() {
        let e = read_survey("walk.csv", b"x,y,ap,rssi_dbm\n1,2,AP-1,=1+1\n").unwrap_err();
        let m = e.to_string();
        assert!(m.contains("walk.csv") && m.contains('2'), "{m}");
    }
}
