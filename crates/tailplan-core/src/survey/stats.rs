//! How far predictions are from measurements: [`ErrorStats`], and the accuracy report of a
//! project against its surveys ([`accuracy`]).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::project::Project;

use super::Survey;
use super::observe::{Params, Resolved, Skipped, resolve};

/// Statistics of the errors `predicted − measured`, dB (positive: the model is optimistic).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorStats {
    /// The rows counted.
    pub points: usize,
    /// The mean error (the bias), dB.
    pub mean_error_db: f64,
    /// The mean absolute error, dB.
    pub mae_db: f64,
    /// The root mean square error, dB.
    pub rmse_db: f64,
    /// The standard deviation of the errors (what is left once the bias is taken away), dB.
    pub std_db: f64,
}

impl ErrorStats {
    /// The statistics of `errors` (all zero when there are none).
    pub fn of(errors: &[f64]) -> Self {
        let n = errors.len();
        if n == 0 {
            return Self::default();
        }
        let nf = n as f64;
        let mean = errors.iter().sum::<f64>() / nf;
        let mae = errors.iter().map(|e| e.abs()).sum::<f64>() / nf;
        let ms = errors.iter().map(|e| e * e).sum::<f64>() / nf;
        let var = errors.iter().map(|e| (e - mean).powi(2)).sum::<f64>() / nf;
        Self {
            points: n,
            mean_error_db: mean,
            mae_db: mae,
            rmse_db: ms.sqrt(),
            std_db: var.sqrt(),
        }
    }
}

/// The statistics of one access point's rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ApAccuracy {
    /// The access point's id.
    pub ap: String,
    /// Its name.
    pub name: String,
    /// Its floor's id.
    pub floor: String,
    /// Its rows' errors.
    #[serde(flatten)]
    pub stats: ErrorStats,
}

/// The statistics of the rows measured in one room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RoomAccuracy {
    /// The floor's id.
    pub floor: String,
    /// The room's id.
    pub room: String,
    /// Its name.
    pub name: String,
    /// Its rows' errors.
    #[serde(flatten)]
    pub stats: ErrorStats,
}

/// One row, predicted and measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PointError {
    /// The survey it is from (its name).
    pub survey: String,
    /// Its line in the survey file.
    pub line: usize,
    /// The floor's id.
    pub floor: String,
    /// Where, plan metres.
    pub x: f64,
    /// Where, plan metres.
    pub y: f64,
    /// The access point's id.
    pub ap: String,
    /// The band, `2.4`, `5` or `6`.
    pub band: crate::materials::Band,
    /// Measured, dBm.
    pub measured_dbm: f64,
    /// Predicted, dBm.
    pub predicted_dbm: f64,
    /// Predicted − measured, dB.
    pub error_db: f64,
}

/// How good the model is now, against measurements: every row's error and their statistics,
/// overall, per access point, per room, and the worst rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Accuracy {
    /// The statistics of every row used (`points` is their count).
    #[serde(flatten)]
    pub stats: ErrorStats,
    /// Per access point heard, in project order.
    pub per_ap: Vec<ApAccuracy>,
    /// Per room a row was measured in, floor by floor in the floors' room order.
    pub per_room: Vec<RoomAccuracy>,
    /// The rows of the largest errors (absolute), largest first, at most
    /// [`Accuracy::WORST`].
    pub worst: Vec<PointError>,
    /// Rows left out, and why.
    pub skipped: Skipped,
}

impl Accuracy {
    /// How many of the worst rows are listed.
    pub const WORST: usize = 20;
}

/// Every row's error `predicted − measured` with the terms `p`, in observation order.
pub fn errors(r: &Resolved, p: &Params) -> Vec<f64> {
    r.observations
        .iter()
        .map(|o| r.predict(o, p) - o.measured_dbm)
        .collect()
}

/// The accuracy report of the resolved rows with the terms `p`.
pub fn report(project: &Project, r: &Resolved, p: &Params) -> Accuracy {
    let errs = errors(r, p);
    let mut per_ap: Vec<Vec<f64>> = vec![Vec::new(); r.aps.len()];
    let mut per_room: BTreeMap<(usize, usize), Vec<f64>> = BTreeMap::new();
    for (o, &e) in r.observations.iter().zip(&errs) {
        per_ap[o.ap].push(e);
        if let Some(room) = o.room {
            per_room.entry((o.floor, room)).or_default().push(e);
        }
    }
    let mut order: Vec<usize> = (0..errs.len()).collect();
    order.sort_by(|&a, &b| errs[b].abs().total_cmp(&errs[a].abs()).then(a.cmp(&b)));
    let worst = order
        .into_iter()
        .take(Accuracy::WORST)
        .map(|i| {
            let o = &r.observations[i];
            PointError {
                survey: r.surveys[o.survey].clone(),
                line: o.line,
                floor: project.floors[o.floor].id.clone(),
                x: o.position.x,
                y: o.position.y,
                ap: r.aps[o.ap].id.clone(),
                band: o.band,
                measured_dbm: o.measured_dbm,
                predicted_dbm: o.measured_dbm + errs[i],
                error_db: errs[i],
            }
        })
        .collect();
    Accuracy {
        stats: ErrorStats::of(&errs),
        per_ap: r
            .aps
            .iter()
            .zip(&per_ap)
            .map(|(a, e)| ApAccuracy {
                ap: a.id.clone(),
                name: a.name.clone(),
                floor: a.floor.clone(),
                stats: ErrorStats::of(e),
            })
            .collect(),
        per_room: per_room
            .into_iter()
            .map(|((f, room), e)| {
                let floor = &project.floors[f];
                let room = &floor.rooms[room];
                RoomAccuracy {
                    floor: floor.id.clone(),
                    room: room.id.clone(),
                    name: room.name.clone(),
                    stats: ErrorStats::of(&e),
                }
            })
            .collect(),
        worst,
        skipped: r.skipped,
    }
}

/// One survey point (a floor and a position) with every row measured there: what a plan
/// draws of a survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SurveyPoint {
    /// The floor's id.
    pub floor: String,
    /// Where, plan metres.
    pub x: f64,
    /// Where, plan metres.
    pub y: f64,
    /// Its rows.
    pub rows: usize,
    /// The mean of its rows' errors (predicted − measured), dB.
    pub mean_error_db: f64,
    /// The strongest signal measured there, dBm.
    pub strongest_measured_dbm: f64,
    /// The strongest signal predicted there of the access points measured, dBm.
    pub strongest_predicted_dbm: f64,
}

/// Every survey point of the resolved rows with the terms `p`, in the order first measured.
pub fn points(project: &Project, r: &Resolved, p: &Params) -> Vec<SurveyPoint> {
    let mut index: std::collections::HashMap<(usize, u64, u64), usize> =
        std::collections::HashMap::new();
    let mut out: Vec<SurveyPoint> = Vec::new();
    let mut sums: Vec<f64> = Vec::new();
    for o in &r.observations {
        let predicted = r.predict(o, p);
        let key = (o.floor, o.position.x.to_bits(), o.position.y.to_bits());
        let k = *index.entry(key).or_insert_with(|| {
            out.push(SurveyPoint {
                floor: project.floors[o.floor].id.clone(),
                x: o.position.x,
                y: o.position.y,
                rows: 0,
                mean_error_db: 0.0,
                strongest_measured_dbm: f64::NEG_INFINITY,
                strongest_predicted_dbm: f64::NEG_INFINITY,
            });
            sums.push(0.0);
            out.len() - 1
        });
        let pt = &mut out[k];
        pt.rows += 1;
        sums[k] += predicted - o.measured_dbm;
        pt.strongest_measured_dbm = pt.strongest_measured_dbm.max(o.measured_dbm);
        pt.strongest_predicted_dbm = pt.strongest_predicted_dbm.max(predicted);
    }
    for (pt, sum) in out.iter_mut().zip(sums) {
        pt.mean_error_db = sum / pt.rows as f64;
    }
    out
}

/// How good `project`'s model is against `surveys`, as it stands (nothing fitted).
pub fn accuracy(project: &Project, surveys: &[&Survey]) -> Accuracy {
    let r = resolve(project, surveys);
    report(project, &r, &r.current())
}
