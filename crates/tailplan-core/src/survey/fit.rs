//! Calibration: the model fitted to a survey's measurements, checked by cross-validation, and
//! written into the project as one edit that can be undone, and later reset.
//!
//! # The fit
//!
//! The prediction is linear in what is fitted ([`super::observe`]): one EIRP offset per access
//! point heard, the path-loss exponent n, and the loss of each library material at each band
//! the survey's rays cross it on. The fit minimises
//!
//! ```text
//! Σ wᵢ (measuredᵢ − predictedᵢ)²  +  Σⱼ λⱼ (θⱼ − θ⁰ⱼ)²
//! ```
//!
//! - **Regularisation** (ridge towards what the project holds, θ⁰): the exponent and the
//!   offsets have Gaussian priors of width `priorⱼ` around the project's exponent (0.5) and
//!   0 dB (10 dB), weighed against the measurements' noise σ: λ = (σ / prior)²; every row
//!   informs them, so they barely feel it. A wall's library loss counts as `wall_prior_rows`
//!   rows (20) measured exactly at it: λ = 20. A wall crossed by a handful of rays stays near
//!   its library loss, one crossed by hundreds moves to what they say. (A Gaussian prior in
//!   dB would not do for walls: the rays through one stretch of wall are not independent
//!   measurements of it, and two rows at 2 dB noise outweigh a 3 dB prior.)
//! - **Robust weights** (`robust`, the default): iteratively reweighted least squares with
//!   Huber's weights (k = 1.345 σ, σ from the median absolute deviation of the residuals), so
//!   that shadowed rows (a body, a cabinet, a lift car between the scanner and the access
//!   point) do not drag the fit: a row beyond k σ counts as if it were at k σ.
//! - **Bounds**: offsets within ±30 dB, the exponent within 1.5 to 6, losses within 0 to
//!   60 dB; a value that would leave them is held at the bound and the rest refitted.
//! - The values are rounded as the project keeps them (0.1 dB, 0.01), and the statistics
//!   "after" are of the rounded values.
//!
//! # Cross-validation
//!
//! The survey's points (a position and floor: every row of every access point there, repeated
//! scans included, stays in one fold so that a point never helps predict itself) are dealt to
//! k folds (5 by default) in an order fixed by their position; each fold is predicted by a fit
//! of the others. The statistics of those held-out predictions are what calibration can be
//! expected to give where nobody measured.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::AccessPoint;
use crate::edit::Edit;
use crate::element::Element;
use crate::materials::{Band, WallMaterial};
use crate::project::Project;

use super::Survey;
use super::observe::{Params, Resolved, Skipped, resolve};
use super::stats::{ErrorStats, errors};

/// What calibration fits, and how strongly it holds to what the project holds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct FitOptions {
    /// Fit one EIRP offset per access point heard.
    pub offsets: bool,
    /// Fit the path-loss exponent.
    pub exponent: bool,
    /// Fit the losses of the library materials the survey's rays cross.
    pub walls: bool,
    /// Folds of the cross-validation (2 to 20; fewer points than folds: one per point).
    pub folds: usize,
    /// How far an offset may be expected from 0, dB (the prior's width).
    pub offset_prior_db: f64,
    /// How far the exponent may be expected from the project's.
    pub exponent_prior: f64,
    /// How many rows a wall's library loss counts as, measured exactly at it: a wall crossed
    /// by as many rays moves half way to what they say, one crossed by a few barely moves.
    pub wall_prior_rows: f64,
    /// Huber-weighted (robust to shadowed rows) rather than plain least squares.
    pub robust: bool,
}

impl Default for FitOptions {
    fn default() -> Self {
        Self {
            offsets: true,
            exponent: true,
            walls: true,
            folds: 5,
            offset_prior_db: 10.0,
            exponent_prior: 0.5,
            wall_prior_rows: 20.0,
            robust: true,
        }
    }
}

impl FitOptions {
    /// A plain least-squares fit of one offset per access point and the exponent: no walls,
    /// no priors, no robust weights (the baseline calibration is held to).
    pub fn plain_least_squares() -> Self {
        Self {
            walls: false,
            offset_prior_db: f64::INFINITY,
            exponent_prior: f64::INFINITY,
            wall_prior_rows: 0.0,
            robust: false,
            ..Self::default()
        }
    }

    /// Why the options are impossible, if they are: the member named.
    pub fn check(&self) -> Result<(), String> {
        if !(2..=20).contains(&self.folds) {
            return Err(format!("folds {} must be 2 to 20", self.folds));
        }
        for (name, v) in [
            ("offset_prior_db", self.offset_prior_db),
            ("exponent_prior", self.exponent_prior),
        ] {
            if v.is_nan() || v <= 0.0 {
                return Err(format!("{name} {v} must be above 0"));
            }
        }
        if !(self.wall_prior_rows.is_finite() && (0.0..=1e6).contains(&self.wall_prior_rows)) {
            return Err(format!(
                "wall_prior_rows {} must be 0 to 1000000",
                self.wall_prior_rows
            ));
        }
        if !(self.offsets || self.exponent || self.walls) {
            return Err("nothing to fit: give at least one of offsets, exponent, walls".into());
        }
        Ok(())
    }
}

/// A value before and after calibration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Moved {
    /// As the project held it.
    pub before: f64,
    /// As calibration fitted it.
    pub after: f64,
}

/// An access point's fitted offset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OffsetFit {
    /// The access point's id.
    pub ap: String,
    /// Its name.
    pub name: String,
    /// The rows that heard it.
    pub points: usize,
    /// Its offset before, dB (0 when it had none).
    pub before_db: f64,
    /// Its offset after, dB.
    pub after_db: f64,
}

/// A material's fitted loss at one band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MaterialFit {
    /// The material's name.
    pub material: String,
    /// The band.
    pub band: Band,
    /// How many rows' rays cross it (each crossing counted).
    pub crossings: usize,
    /// Its loss before, dB.
    pub before_db: f64,
    /// Its loss after, dB.
    pub after_db: f64,
}

/// What calibration found: the values fitted, how far they moved, and how close the model
/// comes to the measurements before and after, on the survey and by cross-validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Calibration {
    /// The surveys fitted to, by name.
    pub surveys: Vec<String>,
    /// What was fitted, and how.
    pub fit: FitOptions,
    /// The model as it was, on every row used.
    pub before: ErrorStats,
    /// The model calibrated, on every row used.
    pub after: ErrorStats,
    /// Each row predicted by a fit of the folds it is not in: what to expect where nobody
    /// measured.
    pub cross_validated: ErrorStats,
    /// The path-loss exponent.
    pub exponent: Moved,
    /// Per access point heard, in project order.
    pub offsets: Vec<OffsetFit>,
    /// Per library material and band crossed, in library order (only when walls are fitted).
    pub materials: Vec<MaterialFit>,
    /// Rows left out, and why.
    pub skipped: Skipped,
}

/// What calibration replaced, kept in the project's settings so it can be reset; of the first
/// calibration when a project is calibrated again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CalibrationRecord {
    /// The surveys of the latest calibration, by name.
    pub surveys: Vec<String>,
    /// Its rows used.
    pub points: usize,
    /// The model before it, on those rows.
    pub before: ErrorStats,
    /// After it.
    pub after: ErrorStats,
    /// Its cross-validation.
    pub cross_validated: ErrorStats,
    /// The path-loss exponent before any calibration.
    pub original_exponent: f64,
    /// The materials calibration changed, as they were before any calibration.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub original_materials: Vec<WallMaterial>,
    /// The access points calibration gave an offset, with the offset they had before any
    /// calibration.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub original_offsets: Vec<OriginalOffset>,
}

/// An access point's offset before calibration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OriginalOffset {
    /// The access point's id.
    pub ap: String,
    /// Its offset, dB; none when it had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset_db: Option<f64>,
}

/// Why a survey cannot be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CalibrationError {
    /// The options are impossible.
    #[error("fit options: {0}")]
    Options(String),
    /// Too few rows to fit (after those left out).
    #[error(
        "the survey has {points} usable rows, too few to calibrate (at least {needed}); {skipped} rows were left out"
    )]
    TooFewPoints {
        /// Rows usable.
        points: usize,
        /// Rows needed.
        needed: usize,
        /// Rows left out.
        skipped: usize,
    },
}

/// The fewest usable rows calibration works with.
pub const MIN_POINTS: usize = 10;

/// Fits `project`'s model to `surveys` with `options` (see the module's documentation).
pub fn calibrate(
    project: &Project,
    surveys: &[&Survey],
    options: &FitOptions,
) -> Result<Calibration, CalibrationError> {
    options.check().map_err(CalibrationError::Options)?;
    let r = resolve(project, surveys);
    if r.observations.len() < MIN_POINTS {
        return Err(CalibrationError::TooFewPoints {
            points: r.observations.len(),
            needed: MIN_POINTS,
            skipped: r.skipped.total(),
        });
    }
    let all: Vec<usize> = (0..r.observations.len()).collect();
    let current = r.current();
    let fitted = rounded(&fit(&r, &all, options));
    let cv = cross_validate(&r, options);
    let mut ap_rows = vec![0; r.aps.len()];
    let mut crossings = vec![0; r.materials.len()];
    for o in &r.observations {
        ap_rows[o.ap] += 1;
        for &m in &o.crossings {
            crossings[m] += 1;
        }
    }
    Ok(Calibration {
        surveys: r.surveys.clone(),
        fit: *options,
        before: ErrorStats::of(&errors(&r, &current)),
        after: ErrorStats::of(&errors(&r, &fitted)),
        cross_validated: cv,
        exponent: Moved {
            before: current.exponent,
            after: fitted.exponent,
        },
        offsets: r
            .aps
            .iter()
            .enumerate()
            .map(|(i, a)| OffsetFit {
                ap: a.id.clone(),
                name: a.name.clone(),
                points: ap_rows[i],
                before_db: current.offsets_db[i],
                after_db: fitted.offsets_db[i],
            })
            .collect(),
        materials: if options.walls {
            r.materials
                .iter()
                .enumerate()
                .map(|(i, m)| MaterialFit {
                    material: m.material.clone(),
                    band: m.band,
                    crossings: crossings[i],
                    before_db: current.losses_db[i],
                    after_db: fitted.losses_db[i],
                })
                .collect()
        } else {
            Vec::new()
        },
        skipped: r.skipped,
    })
}

/// The values as the project keeps them: offsets and losses to 0.1 dB, the exponent to 0.01.
fn rounded(p: &Params) -> Params {
    // Divided, not multiplied by the step, so that 0.1 dB steps print as written; + 0.0 makes
    // a rounded −0 a 0.
    let r = |v: f64, per: f64| (v * per).round() / per + 0.0;
    Params {
        offsets_db: p.offsets_db.iter().map(|&v| r(v, 10.0)).collect(),
        exponent: r(p.exponent, 100.0),
        losses_db: p.losses_db.iter().map(|&v| r(v, 10.0)).collect(),
    }
}

/// The held-out errors of a k-fold cross-validation (see the module's documentation).
pub fn cross_validate(r: &Resolved, options: &FitOptions) -> ErrorStats {
    // Points: a floor and a position, every row there.
    let mut point_of: HashMap<(usize, u64, u64), usize> = HashMap::new();
    let mut rows_of: Vec<Vec<usize>> = Vec::new();
    for (i, o) in r.observations.iter().enumerate() {
        let key = (o.floor, o.position.x.to_bits(), o.position.y.to_bits());
        let p = *point_of.entry(key).or_insert_with(|| {
            rows_of.push(Vec::new());
            rows_of.len() - 1
        });
        rows_of[p].push(i);
    }
    let folds = options.folds.min(rows_of.len()).max(2);
    // Dealt in an order fixed by the positions (a hash), not the walk's: neighbours along
    // the walk fall in different folds no more often than chance.
    let mut order: Vec<usize> = (0..rows_of.len()).collect();
    let hash = |p: usize| {
        let o = &r.observations[rows_of[p][0]];
        splitmix(o.position.x.to_bits() ^ splitmix(o.position.y.to_bits() ^ o.floor as u64))
    };
    order.sort_by_key(|&p| (hash(p), p));
    let mut fold_of = vec![0; rows_of.len()];
    for (k, &p) in order.iter().enumerate() {
        fold_of[p] = k % folds;
    }
    let mut held = Vec::with_capacity(r.observations.len());
    for f in 0..folds {
        let (mut train, mut test): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for (p, rows) in rows_of.iter().enumerate() {
            if fold_of[p] == f {
                test.extend(rows);
            } else {
                train.extend(rows);
            }
        }
        if test.is_empty() {
            continue;
        }
        let params = rounded(&fit(r, &train, options));
        held.extend(
            test.iter()
                .map(|&i| r.predict(&r.observations[i], &params) - r.observations[i].measured_dbm),
        );
    }
    ErrorStats::of(&held)
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One fitted unknown: what it is and its bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unknown {
    Offset(usize),
    Exponent,
    Loss(usize),
}

const OFFSET_BOUND_DB: f64 = 30.0;
const EXPONENT_BOUNDS: (f64, f64) = (1.5, 6.0);
const LOSS_BOUNDS_DB: (f64, f64) = (0.0, 60.0);
const HUBER_K: f64 = 1.345;

/// Fits the rows `rows` of `r` with `options`; what is not fitted, or not informed by a row
/// of `rows` (an access point or material they never reach), keeps the project's value.
pub fn fit(r: &Resolved, rows: &[usize], options: &FitOptions) -> Params {
    let current = r.current();
    let mut heard = vec![false; r.aps.len()];
    let mut crossed = vec![false; r.materials.len()];
    for &i in rows {
        let o = &r.observations[i];
        heard[o.ap] = true;
        for &m in &o.crossings {
            crossed[m] = true;
        }
    }
    let mut unknowns: Vec<Unknown> = Vec::new();
    if options.offsets {
        unknowns.extend((0..r.aps.len()).filter(|&a| heard[a]).map(Unknown::Offset));
    }
    if options.exponent {
        unknowns.push(Unknown::Exponent);
    }
    if options.walls {
        unknowns.extend(
            (0..r.materials.len())
                .filter(|&m| crossed[m])
                .map(Unknown::Loss),
        );
    }
    let mut params = current.clone();
    let mut weights = vec![1.0; rows.len()];
    let iterations = if options.robust { 30 } else { 1 };
    let mut sigma = noise_scale(r, rows, &params);
    for _ in 0..iterations {
        if options.robust {
            let res: Vec<f64> = rows
                .iter()
                .map(|&i| r.observations[i].measured_dbm - r.predict(&r.observations[i], &params))
                .collect();
            sigma = robust_scale(&res);
            for (w, e) in weights.iter_mut().zip(&res) {
                let a = e.abs() / sigma;
                *w = if a <= HUBER_K { 1.0 } else { HUBER_K / a };
            }
        }
        let next = solve_bounded(
            r, rows, &weights, &unknowns, &current, &params, sigma, options,
        );
        let change = max_change(&params, &next);
        params = next;
        if change < 1e-4 {
            break;
        }
    }
    params
}

/// The measurements' noise, for the priors' weights: the robust scale of the residuals.
fn noise_scale(r: &Resolved, rows: &[usize], p: &Params) -> f64 {
    let res: Vec<f64> = rows
        .iter()
        .map(|&i| r.observations[i].measured_dbm - r.predict(&r.observations[i], p))
        .collect();
    robust_scale(&res)
}

/// 1.4826 × the median absolute deviation from the median, at least 0.5 dB.
fn robust_scale(res: &[f64]) -> f64 {
    if res.is_empty() {
        return 1.0;
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n % 2 == 1 {
            v[n / 2]
        } else {
            0.5 * (v[n / 2 - 1] + v[n / 2])
        }
    };
    let mut v = res.to_vec();
    let m = median(&mut v);
    let mut dev: Vec<f64> = res.iter().map(|e| (e - m).abs()).collect();
    (1.4826 * median(&mut dev)).max(0.5)
}

fn max_change(a: &Params, b: &Params) -> f64 {
    a.offsets_db
        .iter()
        .zip(&b.offsets_db)
        .chain(a.losses_db.iter().zip(&b.losses_db))
        .map(|(x, y)| (x - y).abs())
        .fold((a.exponent - b.exponent).abs(), f64::max)
}

fn get(p: &Params, u: Unknown) -> f64 {
    match u {
        Unknown::Offset(a) => p.offsets_db[a],
        Unknown::Exponent => p.exponent,
        Unknown::Loss(m) => p.losses_db[m],
    }
}

fn set(p: &mut Params, u: Unknown, v: f64) {
    match u {
        Unknown::Offset(a) => p.offsets_db[a] = v,
        Unknown::Exponent => p.exponent = v,
        Unknown::Loss(m) => p.losses_db[m] = v,
    }
}

fn bounds(u: Unknown) -> (f64, f64) {
    match u {
        Unknown::Offset(_) => (-OFFSET_BOUND_DB, OFFSET_BOUND_DB),
        Unknown::Exponent => EXPONENT_BOUNDS,
        Unknown::Loss(_) => LOSS_BOUNDS_DB,
    }
}

/// The ridge weight of an unknown: for an offset or the exponent, the noise over the
/// prior's width, squared (a Gaussian prior); for a wall, its prior rows.
fn ridge(u: Unknown, o: &FitOptions, sigma: f64) -> f64 {
    let gaussian = |width: f64| {
        if width.is_finite() {
            (sigma / width).powi(2)
        } else {
            0.0
        }
    };
    let lambda = match u {
        Unknown::Offset(_) => gaussian(o.offset_prior_db),
        Unknown::Exponent => gaussian(o.exponent_prior),
        Unknown::Loss(_) => o.wall_prior_rows,
    };
    // No prior at all: a vanishing ridge keeps the system solvable.
    lambda.max(1e-9)
}

/// The weighted, regularised least-squares solution with the bounds held: unknowns that
/// leave their bounds are held there and the rest solved again.
#[allow(clippy::too_many_arguments)]
fn solve_bounded(
    r: &Resolved,
    rows: &[usize],
    weights: &[f64],
    unknowns: &[Unknown],
    prior_at: &Params,
    start: &Params,
    sigma: f64,
    options: &FitOptions,
) -> Params {
    // Held at a bound; reconsidered at every call (each reweighting).
    let mut fixed = vec![false; unknowns.len()];
    let mut params = start.clone();
    for _ in 0..=unknowns.len() {
        let free: Vec<usize> = (0..unknowns.len()).filter(|&j| !fixed[j]).collect();
        let solved = solve(
            r, rows, weights, unknowns, &free, prior_at, &params, sigma, options,
        );
        let mut out = false;
        for (&j, &v) in free.iter().zip(&solved) {
            let (lo, hi) = bounds(unknowns[j]);
            let held = v.clamp(lo, hi);
            set(&mut params, unknowns[j], held);
            if held != v {
                fixed[j] = true;
                out = true;
            }
        }
        if !out {
            break;
        }
    }
    params
}

/// Solves the normal equations for the unknowns `free` (indices into `unknowns`), the others
/// held at their values in `params`.
#[allow(clippy::too_many_arguments)]
fn solve(
    r: &Resolved,
    rows: &[usize],
    weights: &[f64],
    unknowns: &[Unknown],
    free: &[usize],
    prior_at: &Params,
    params: &Params,
    sigma: f64,
    options: &FitOptions,
) -> Vec<f64> {
    let n = free.len();
    if n == 0 {
        return Vec::new();
    }
    // Where each fitted term sits among the free unknowns.
    let mut col_offset: HashMap<usize, usize> = HashMap::new();
    let mut col_loss: HashMap<usize, usize> = HashMap::new();
    let mut col_exponent = None;
    for (c, &j) in free.iter().enumerate() {
        match unknowns[j] {
            Unknown::Offset(a) => {
                col_offset.insert(a, c);
            }
            Unknown::Exponent => col_exponent = Some(c),
            Unknown::Loss(m) => {
                col_loss.insert(m, c);
            }
        }
    }
    let mut h = vec![0.0; n * n];
    let mut g = vec![0.0; n];
    let mut row: BTreeMap<usize, f64> = BTreeMap::new();
    for (&i, &w) in rows.iter().zip(weights) {
        let o = &r.observations[i];
        row.clear();
        // What the free unknowns do not explain: measured − (prediction without them).
        let mut rest = o.measured_dbm - o.base_db;
        match col_offset.get(&o.ap) {
            Some(&c) => *row.entry(c).or_default() += 1.0,
            None => rest -= params.offsets_db[o.ap],
        }
        match col_exponent {
            Some(c) => *row.entry(c).or_default() -= o.log_d,
            None => rest += params.exponent * o.log_d,
        }
        for &m in &o.crossings {
            match col_loss.get(&m) {
                Some(&c) => *row.entry(c).or_default() -= 1.0,
                None => rest += params.losses_db[m],
            }
        }
        for (&a, &va) in &row {
            g[a] += w * va * rest;
            for (&b, &vb) in &row {
                h[a * n + b] += w * va * vb;
            }
        }
    }
    for (c, &j) in free.iter().enumerate() {
        let u = unknowns[j];
        let lambda = ridge(u, options, sigma);
        h[c * n + c] += lambda;
        g[c] += lambda * get(prior_at, u);
    }
    cholesky_solve(&mut h, &mut g, n);
    g
}

/// Solves `h x = g` in place (x in `g`) for a symmetric positive definite `h` (n × n, row
/// major) by Cholesky's factorisation; a pivot that is not positive (an unknown nothing
/// informs) leaves that unknown's equation as the ridge alone made it.
fn cholesky_solve(h: &mut [f64], g: &mut [f64], n: usize) {
    for j in 0..n {
        let mut d = h[j * n + j];
        for k in 0..j {
            d -= h[j * n + k] * h[j * n + k];
        }
        let d = if d > 1e-12 { d.sqrt() } else { 1e-6 };
        h[j * n + j] = d;
        for i in j + 1..n {
            let mut s = h[i * n + j];
            for k in 0..j {
                s -= h[i * n + k] * h[j * n + k];
            }
            h[i * n + j] = s / d;
        }
    }
    for i in 0..n {
        let mut s = g[i];
        for k in 0..i {
            s -= h[i * n + k] * g[k];
        }
        g[i] = s / h[i * n + i];
    }
    for i in (0..n).rev() {
        let mut s = g[i];
        for k in i + 1..n {
            s -= h[k * n + i] * g[k];
        }
        g[i] = s / h[i * n + i];
    }
}

/// The calibration as one edit: each access point heard gets its offset, each material
/// fitted its losses at the bands fitted, the settings the exponent and the
/// [`CalibrationRecord`] (what was there before the first calibration, to reset to).
pub fn calibration_edit(project: &Project, c: &Calibration) -> Edit {
    let earlier = project.settings.calibration.as_ref();
    let mut edits = Vec::new();
    let mut original_offsets: Vec<OriginalOffset> = earlier
        .map(|e| e.original_offsets.clone())
        .unwrap_or_default();
    for fit in &c.offsets {
        let Some(ap) = find_ap(project, &fit.ap) else {
            continue;
        };
        if !original_offsets.iter().any(|o| o.ap == ap.id) {
            original_offsets.push(OriginalOffset {
                ap: ap.id.clone(),
                offset_db: ap.eirp_offset_db,
            });
        }
        let mut ap = ap.clone();
        ap.eirp_offset_db = Some(fit.after_db);
        edits.push(Edit::ReplaceElement {
            element: Element::AccessPoint(ap),
        });
    }
    let mut original_materials: Vec<WallMaterial> = earlier
        .map(|e| e.original_materials.clone())
        .unwrap_or_default();
    let mut changed: BTreeMap<String, WallMaterial> = BTreeMap::new();
    for fit in &c.materials {
        let Some(m) = project.materials.get(&fit.material) else {
            continue;
        };
        if !original_materials.iter().any(|o| o.name == m.name) {
            original_materials.push(m.clone());
        }
        let entry = changed.entry(m.name.clone()).or_insert_with(|| m.clone());
        set_band(&mut entry.loss_db, fit.band, fit.after_db);
    }
    edits.extend(changed.into_values().map(|material| Edit::PutMaterial {
        material,
        index: None,
    }));
    let mut settings = project.settings.clone();
    settings.radio.path_loss_exponent = c.exponent.after;
    settings.calibration = Some(CalibrationRecord {
        surveys: c.surveys.clone(),
        points: c.after.points,
        before: c.before,
        after: c.after,
        cross_validated: c.cross_validated,
        original_exponent: earlier.map_or(c.exponent.before, |e| e.original_exponent),
        original_materials,
        original_offsets,
    });
    edits.push(Edit::SetSettings {
        settings: Box::new(settings),
    });
    Edit::Batch { edits }
}

/// The edit that takes every calibration away: the exponent, the materials and the access
/// points' offsets as they were before the first; `None` when the project is not calibrated.
pub fn reset_edit(project: &Project) -> Option<Edit> {
    let record = project.settings.calibration.as_ref()?;
    let mut edits = Vec::new();
    for o in &record.original_offsets {
        if let Some(ap) = find_ap(project, &o.ap) {
            let mut ap = ap.clone();
            ap.eirp_offset_db = o.offset_db;
            edits.push(Edit::ReplaceElement {
                element: Element::AccessPoint(ap),
            });
        }
    }
    for m in &record.original_materials {
        if project.materials.get(&m.name).is_some() {
            edits.push(Edit::PutMaterial {
                material: m.clone(),
                index: None,
            });
        }
    }
    let mut settings = project.settings.clone();
    settings.radio.path_loss_exponent = record.original_exponent;
    settings.calibration = None;
    edits.push(Edit::SetSettings {
        settings: Box::new(settings),
    });
    Some(Edit::Batch { edits })
}

fn find_ap<'p>(project: &'p Project, id: &str) -> Option<&'p AccessPoint> {
    project
        .floors
        .iter()
        .flat_map(|f| &f.access_points)
        .find(|a| a.id == id)
}

fn set_band(loss: &mut crate::materials::BandLoss, band: Band, v: f64) {
    match band {
        Band::SubGhz => loss.sub_ghz = v,
        Band::Ghz2_4 => loss.ghz2_4 = v,
        Band::Ghz5 => loss.ghz5 = v,
        Band::Ghz6 => loss.ghz6 = v,
    }
}
