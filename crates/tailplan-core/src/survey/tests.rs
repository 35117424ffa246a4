//! Calibration and accuracy on generated surveys: the model itself with known offsets, a
//! known exponent and a wall whose true loss is not the library's, plus Gaussian noise,
//! shadowed rows and rows of access points the project does not have.

use super::fit::{cross_validate, fit};
use super::*;
use crate::coverage::{CoverageEngine, CoverageRequest, Method, Service};
use crate::devices::{AccessPoint, Radio, WifiBand};
use crate::edit::Edit;
use crate::floor::Floor;
use crate::geometry::{Point, Polygon, Shape};
use crate::materials::Band;
use crate::project::Project;
use crate::props::Props;
use crate::rooms::Room;
use crate::walls::Wall;

/// The samples' deterministic noise (splitmix64, Box–Muller).
use tailplan_samples::survey::Noise as Rng;

fn wall(id: &str, a: (f64, f64), b: (f64, f64), material: &str) -> Wall {
    Wall {
        id: id.into(),
        shape: Shape::Line(vec![Point::new(a.0, a.1), Point::new(b.0, b.1)]),
        material: Some(material.into()),
        loss_db: None,
        thickness_m: 0.1,
        props: Props::new(),
    }
}

fn room(id: &str, x0: f64, y0: f64, x1: f64, y1: f64) -> Room {
    Room {
        id: id.into(),
        name: id.to_uppercase(),
        polygon: Polygon::rect(Point::new(x0, y0), Point::new(x1, y1)),
        category: None,
        people: None,
        props: Props::new(),
    }
}

const APS: [(&str, f64, f64); 4] = [
    ("ap-1", 10.0, 6.0),
    ("ap-2", 30.0, 6.0),
    ("ap-3", 10.0, 18.0),
    ("ap-4", 30.0, 18.0),
];

/// A 40 × 24 m floor of four rooms: drywall between east and west, concrete between the
/// two western rooms, an access point in each room (5 GHz, 20 dBm, channel 36).
fn office(walls: bool) -> Project {
    let mut p = Project::new();
    let mut f = Floor::new("0", "Ground", 0.0);
    if walls {
        f.walls
            .push(wall("w-dry", (20.0, 0.0), (20.0, 24.0), "drywall"));
        f.walls
            .push(wall("w-con", (0.0, 12.0), (20.0, 12.0), "concrete"));
    }
    f.rooms.push(room("r-sw", 0.0, 0.0, 20.0, 12.0));
    f.rooms.push(room("r-se", 20.0, 0.0, 40.0, 12.0));
    f.rooms.push(room("r-nw", 0.0, 12.0, 20.0, 24.0));
    f.rooms.push(room("r-ne", 20.0, 12.0, 40.0, 24.0));
    for (id, x, y) in APS {
        let radio = Radio {
            channel: Some(36),
            ..Radio::new(WifiBand::Ghz5, 20.0)
        };
        f.access_points.push(AccessPoint::one_radio(
            id,
            &id.to_uppercase(),
            Point::new(x, y),
            radio,
        ));
    }
    p.floors.push(f);
    p
}

/// What the survey's truth is: offsets per access point, the exponent, drywall at 5 GHz.
struct Truth {
    offsets: [f64; 4],
    exponent: f64,
    drywall_5_db: f64,
}

const TRUTH: Truth = Truth {
    offsets: [3.0, -4.0, 0.0, 1.5],
    exponent: 2.6,
    drywall_5_db: 7.0,
};

fn truth_project(base: &Project, t: &Truth) -> Project {
    let mut p = base.clone();
    for (ap, o) in p.floors[0].access_points.iter_mut().zip(t.offsets) {
        ap.eirp_offset_db = Some(o);
    }
    p.settings.radio.path_loss_exponent = t.exponent;
    let mut dry = p.materials.get("drywall").unwrap().clone();
    dry.loss_db.ghz5 = t.drywall_5_db;
    p.materials.upsert(dry);
    p
}

/// Survey points every `step` metres (off the walls' lines), each access point heard at each
/// once; the truth's prediction plus noise of `sigma` dB; rows weaker than −92 dBm are not
/// heard.
fn survey(truth: &Project, step: f64, sigma: f64, seed: u64) -> Survey {
    let mut rows = Vec::new();
    let mut y = 0.7;
    while y < 24.0 {
        let mut x = 0.7;
        while x < 40.0 {
            for (id, _, _) in APS {
                rows.push(SurveyRow {
                    line: rows.len() + 2,
                    position: Point::new(x, y),
                    floor: Some("0".into()),
                    ap: ApRef::Ap(id.into()),
                    rssi_dbm: -50.0,
                    band: Some(Band::Ghz5),
                    time: None,
                });
            }
            x += step;
        }
        y += step;
    }
    let placeholder = Survey {
        name: "walk.csv".into(),
        rows,
        not_measured: 0,
    };
    let r = resolve(truth, &[&placeholder]);
    assert_eq!(
        r.observations.len(),
        placeholder.rows.len(),
        "every row resolves"
    );
    let exact = r.current();
    let mut rng = Rng(seed);
    let mut out = placeholder.clone();
    out.rows.clear();
    for o in &r.observations {
        let v = r.predict(o, &exact) + sigma * rng.normal();
        if v > -92.0 {
            let mut row = placeholder.rows[o.row].clone();
            row.rssi_dbm = v;
            row.line = out.rows.len() + 2;
            out.rows.push(row);
        }
    }
    out
}

#[test]
fn the_prediction_is_the_coverage_engines() {
    let p = truth_project(&office(true), &TRUTH);
    let mut engine = CoverageEngine::with_method(Method::Oracle);
    let req = CoverageRequest::new("0", Service::Wifi(WifiBand::Ghz5));
    let fields = engine.fields(&p, &req).unwrap();
    // Rows at cell centres, one per access point.
    let grid = &fields[0].grid;
    let mut rows = Vec::new();
    for (k, (row, col)) in [(3, 5), (20, 61), (40, 10), (44, 75), (13, 40)]
        .into_iter()
        .enumerate()
    {
        let (id, _, _) = APS[k % 4];
        rows.push(SurveyRow {
            line: k + 2,
            position: grid.center(row, col),
            floor: None,
            ap: ApRef::Ap(id.into()),
            rssi_dbm: -60.0,
            band: None,
            time: None,
        });
    }
    let s = Survey {
        name: "s".into(),
        rows,
        not_measured: 0,
    };
    let r = resolve(&p, &[&s]);
    assert_eq!(r.observations.len(), 5);
    for o in &r.observations {
        let field = fields
            .iter()
            .find(|f| f.source.transmitter.id == r.aps[o.ap].id)
            .unwrap();
        let (row, col) = grid.cell_of(o.position).unwrap();
        let engine_dbm = f64::from(field.rssi_dbm[grid.index(row, col)]);
        let ours = r.predict(o, &r.current());
        assert!((engine_dbm - ours).abs() < 1e-4, "{engine_dbm} vs {ours}");
    }
}

#[test]
fn accuracy_names_the_bias_per_ap_and_room() {
    let base = office(true);
    let truth = truth_project(&base, &TRUTH);
    let s = survey(&truth, 1.5, 0.0, 1);
    // Against the truth itself: no error.
    let exact = accuracy(&truth, &[&s]);
    assert!(exact.stats.points > 1000, "{}", exact.stats.points);
    assert!(exact.stats.rmse_db < 1e-9, "{:?}", exact.stats);
    // A project whose only difference is ap-2's offset: its rows are 4 dB too strong, the
    // rest exact.
    let mut one_off = truth.clone();
    one_off.floors[0].access_points[1].eirp_offset_db = Some(0.0);
    let a = accuracy(&one_off, &[&s]);
    let ap2 = a.per_ap.iter().find(|x| x.ap == "ap-2").unwrap();
    assert!((ap2.stats.mean_error_db - 4.0).abs() < 1e-9, "{ap2:?}");
    assert!((ap2.stats.std_db).abs() < 1e-9);
    let ap1 = a.per_ap.iter().find(|x| x.ap == "ap-1").unwrap();
    assert!(ap1.stats.mae_db < 1e-9);
    assert_eq!(
        a.per_ap.iter().map(|x| x.stats.points).sum::<usize>(),
        a.stats.points
    );
    // Every room has rows; the worst rows are ap-2's, largest first.
    assert_eq!(a.per_room.len(), 4);
    assert!(a.per_room.iter().all(|r| r.stats.points > 0));
    assert_eq!(a.worst.len(), Accuracy::WORST);
    assert!(a.worst.iter().all(|w| w.ap == "ap-2"));
    assert!((a.worst[0].error_db - 4.0).abs() < 1e-9);
    assert!(
        (a.worst[0].predicted_dbm - a.worst[0].measured_dbm - a.worst[0].error_db).abs() < 1e-12
    );
    // Per point: every row once, ap-2's +4 dB shared among the four access points heard.
    let r = resolve(&one_off, &[&s]);
    let pts = stats::points(&one_off, &r, &r.current());
    assert_eq!(pts.iter().map(|p| p.rows).sum::<usize>(), a.stats.points);
    let full = pts.iter().find(|p| p.rows == 4).unwrap();
    assert!((full.mean_error_db - 1.0).abs() < 1e-9, "{full:?}");
    assert!(full.strongest_predicted_dbm >= full.strongest_measured_dbm);
    // The overall statistics hold together: rmse² = mean² + std².
    let st = a.stats;
    assert!((st.rmse_db.powi(2) - st.mean_error_db.powi(2) - st.std_db.powi(2)).abs() < 1e-9);
}

#[test]
fn calibration_recovers_offsets_exponent_and_a_wall_within_the_noise() {
    let base = office(true);
    let truth = truth_project(&base, &TRUTH);
    let sigma = 2.0;
    let s = survey(&truth, 1.5, sigma, 7);
    let c = calibrate(&base, &[&s], &FitOptions::default()).unwrap();
    assert!(c.before.rmse_db > 4.0, "{:?}", c.before);
    // Within the noise: the residual is the noise.
    assert!(
        (c.after.rmse_db - sigma).abs() < 0.25,
        "after {:?}",
        c.after
    );
    assert!(
        (c.exponent.after - TRUTH.exponent).abs() < 0.1,
        "{:?}",
        c.exponent
    );
    // An offset trades with the exponent: 0.05 of exponent is 0.6 dB at 16 m.
    for (fit, want) in c.offsets.iter().zip(TRUTH.offsets) {
        assert!((fit.after_db - want).abs() < 1.0, "{fit:?} vs {want}");
    }
    let dry = c
        .materials
        .iter()
        .find(|m| m.material == "drywall" && m.band == Band::Ghz5)
        .unwrap();
    assert_eq!(dry.before_db, 4.0);
    assert!((dry.after_db - TRUTH.drywall_5_db).abs() < 0.7, "{dry:?}");
    let con = c
        .materials
        .iter()
        .find(|m| m.material == "concrete")
        .unwrap();
    assert!((con.after_db - 15.0).abs() < 1.0, "{con:?}");
    // Cross-validation does not flatter: no better than the fit on the rows themselves, and
    // about the noise.
    assert!(c.cross_validated.rmse_db >= c.after.rmse_db - 0.02, "{c:?}");
    assert!(
        (c.cross_validated.rmse_db - sigma).abs() < 0.3,
        "{:?}",
        c.cross_validated
    );
    assert_eq!(c.cross_validated.points, c.after.points);
}

#[test]
fn shadowed_rows_do_not_drag_the_fit() {
    let base = office(true);
    let truth = truth_project(&base, &TRUTH);
    let mut s = survey(&truth, 1.5, 2.0, 11);
    // One row in eight behind a body or a cabinet: 15 dB weaker.
    let mut rng = Rng(5);
    for row in &mut s.rows {
        if rng.uniform() < 0.125 {
            row.rssi_dbm -= 15.0;
        }
    }
    let robust = calibrate(&base, &[&s], &FitOptions::default()).unwrap();
    let plain = calibrate(
        &base,
        &[&s],
        &FitOptions {
            robust: false,
            ..FitOptions::default()
        },
    )
    .unwrap();
    let off_err = |c: &Calibration| {
        c.offsets
            .iter()
            .zip(TRUTH.offsets)
            .map(|(f, t)| (f.after_db - t).abs())
            .fold(0.0, f64::max)
    };
    assert!(off_err(&robust) < 1.2, "{:?}", robust.offsets);
    assert!((robust.exponent.after - TRUTH.exponent).abs() < 0.15);
    // Least squares pulls every offset down by the shadowed rows' mean (≈ 1.9 dB).
    assert!(
        off_err(&plain) > off_err(&robust) + 0.5,
        "{:?}",
        plain.offsets
    );
}

#[test]
fn unknown_access_points_and_floors_are_counted_not_fitted() {
    let base = office(true);
    let truth = truth_project(&base, &TRUTH);
    let mut s = survey(&truth, 3.0, 1.0, 3);
    let n = s.rows.len();
    let mut extra = s.rows[0].clone();
    extra.ap = ApRef::Ap("ap-gone".into());
    s.rows.push(extra.clone());
    s.rows.push(extra.clone());
    extra.ap = ApRef::Ap("AP-1".into()); // by name
    extra.floor = Some("9".into());
    s.rows.push(extra.clone());
    extra.floor = Some("Ground".into()); // the floor by name
    s.rows.push(extra.clone());
    extra.ap = ApRef::Bssid {
        bssid: "aa:bb:cc:dd:ee:01".into(),
        ap: None,
    };
    s.rows.push(extra.clone());
    extra.band = Some(Band::Ghz2_4);
    extra.ap = ApRef::Ap("ap-1".into());
    s.rows.push(extra);
    s.not_measured = 7;
    let r = resolve(&base, &[&s]);
    assert_eq!(r.observations.len(), n + 1);
    assert_eq!(
        r.skipped,
        Skipped {
            not_measured: 7,
            unknown_ap: 3,
            unknown_floor: 1,
            no_radio: 1,
            out_of_reach: 0,
        }
    );
    // A BSSID an access point lists in its properties is that access point.
    let mut mapped = base.clone();
    mapped.floors[0].access_points[0]
        .props
        .insert("bssids".into(), serde_json::json!(["AA:BB:CC:DD:EE:01"]));
    assert_eq!(resolve(&mapped, &[&s]).skipped.unknown_ap, 2);
    let c = calibrate(&base, &[&s], &FitOptions::default()).unwrap();
    assert_eq!(c.skipped.unknown_ap, 3);
    assert_eq!(c.offsets.len(), 4);
}

#[test]
fn a_few_rays_cannot_make_a_wall_absurd() {
    // Glass between the two eastern rooms, crossed by two rows measured 40 dB down.
    let mut base = office(true);
    base.floors[0]
        .walls
        .push(wall("w-glass", (20.0, 12.0), (40.0, 12.0), "glass"));
    let truth = truth_project(&base, &TRUTH);
    let mut s = survey(&truth, 1.5, 2.0, 13);
    let r = resolve(&base, &[&s]);
    let glass = r
        .materials
        .iter()
        .position(|m| m.material == "glass")
        .unwrap();
    let crossing: Vec<usize> = r
        .observations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.crossings.contains(&glass))
        .map(|(i, _)| i)
        .collect();
    // Keep only two of the rows crossing the glass, both far too weak.
    let keep: Vec<usize> = crossing.iter().take(2).copied().collect();
    let drop: std::collections::HashSet<usize> = crossing
        .iter()
        .skip(2)
        .map(|&i| r.observations[i].row)
        .collect();
    for &i in &keep {
        s.rows[r.observations[i].row].rssi_dbm -= 40.0;
    }
    let mut k = 0;
    s.rows.retain(|_| {
        k += 1;
        !drop.contains(&(k - 1))
    });
    let c = calibrate(&base, &[&s], &FitOptions::default()).unwrap();
    let g = c
        .materials
        .iter()
        .find(|m| m.material == "glass" && m.band == Band::Ghz5)
        .unwrap();
    assert_eq!(g.crossings, 2);
    assert!(g.after_db - g.before_db < 3.0, "{g:?}");
    // With the prior taken away, least squares believes the two rows.
    let loose = calibrate(
        &base,
        &[&s],
        &FitOptions {
            wall_prior_rows: 0.0,
            robust: false,
            ..FitOptions::default()
        },
    )
    .unwrap();
    let lg = loose
        .materials
        .iter()
        .find(|m| m.material == "glass")
        .unwrap();
    assert!(lg.after_db - lg.before_db > 20.0, "{lg:?}");
}

#[test]
fn without_walls_calibration_does_at_least_as_well_as_plain_least_squares_held_out() {
    // Open plan: offsets and the exponent only; a sparse survey.
    let base = office(false);
    let truth = truth_project(&base, &TRUTH);
    let mut worse = 0;
    let (mut ours_sum, mut plain_sum) = (0.0, 0.0);
    for seed in 0..8 {
        let s = survey(&truth, 4.5, 3.0, 100 + seed);
        let r = resolve(&base, &[&s]);
        let ours = cross_validate(&r, &FitOptions::default()).rmse_db;
        let plain = cross_validate(&r, &FitOptions::plain_least_squares()).rmse_db;
        ours_sum += ours;
        plain_sum += plain;
        if ours > plain + 0.02 {
            worse += 1;
        }
    }
    assert_eq!(worse, 0, "ours {ours_sum} plain {plain_sum}");
    assert!(
        ours_sum <= plain_sum + 0.05,
        "ours {ours_sum} plain {plain_sum}"
    );
}

#[test]
fn calibration_is_one_edit_undone_and_reset() {
    let mut project = office(true);
    let original = project.clone();
    let truth = truth_project(&project, &TRUTH);
    let s = survey(&truth, 2.0, 1.5, 17);
    let c = calibrate(&project, &[&s], &FitOptions::default()).unwrap();
    let undo = project.apply(calibration_edit(&project, &c)).unwrap();
    // The project now predicts what the report says.
    let now = accuracy(&project, &[&s]);
    assert!((now.stats.rmse_db - c.after.rmse_db).abs() < 1e-9);
    assert_eq!(project.settings.radio.path_loss_exponent, c.exponent.after);
    assert_eq!(
        project.floors[0].access_points[1].eirp_offset_db,
        Some(c.offsets[1].after_db)
    );
    let record = project.settings.calibration.clone().unwrap();
    assert_eq!(record.original_exponent, 2.0);
    assert_eq!(record.points, c.after.points);
    // Undo is the inverse edit.
    let mut undone = project.clone();
    undone.apply(undo).unwrap();
    assert_eq!(undone, original);
    // Calibrating again keeps the first calibration's originals; reset goes back to them.
    let c2 = calibrate(&project, &[&s], &FitOptions::default()).unwrap();
    assert!((c2.before.rmse_db - c.after.rmse_db).abs() < 1e-9);
    project.apply(calibration_edit(&project, &c2)).unwrap();
    assert_eq!(
        project
            .settings
            .calibration
            .as_ref()
            .unwrap()
            .original_exponent,
        2.0
    );
    project.apply(reset_edit(&project).unwrap()).unwrap();
    assert_eq!(project, original);
    assert!(reset_edit(&project).is_none());
}

#[test]
fn too_few_rows_and_impossible_options_are_refused() {
    let base = office(true);
    let truth = truth_project(&base, &TRUTH);
    let mut s = survey(&truth, 1.5, 1.0, 3);
    s.rows.truncate(fit::MIN_POINTS - 1);
    assert!(matches!(
        calibrate(&base, &[&s], &FitOptions::default()),
        Err(CalibrationError::TooFewPoints { .. })
    ));
    let s = survey(&truth, 3.0, 1.0, 3);
    for bad in [
        FitOptions {
            folds: 1,
            ..FitOptions::default()
        },
        FitOptions {
            wall_prior_rows: -1.0,
            ..FitOptions::default()
        },
        FitOptions {
            offsets: false,
            exponent: false,
            walls: false,
            ..FitOptions::default()
        },
    ] {
        assert!(matches!(
            calibrate(&base, &[&s], &bad),
            Err(CalibrationError::Options(_))
        ));
    }
}

#[test]
fn what_is_not_fitted_keeps_its_value() {
    let base = office(true);
    let truth = truth_project(&base, &TRUTH);
    let s = survey(&truth, 2.0, 1.0, 23);
    let c = calibrate(
        &base,
        &[&s],
        &FitOptions {
            walls: false,
            exponent: false,
            ..FitOptions::default()
        },
    )
    .unwrap();
    assert_eq!(c.exponent.after, 2.0);
    assert!(c.materials.is_empty());
    // The edit changes neither materials nor the exponent.
    let mut p = base.clone();
    p.apply(calibration_edit(&p, &c)).unwrap();
    assert_eq!(p.materials, base.materials);
    let r = resolve(&base, &[&s]);
    let params = fit(&r, &(0..r.observations.len()).collect::<Vec<_>>(), &c.fit);
    assert_eq!(params.losses_db, r.current().losses_db);
}

#[test]
fn a_kept_survey_is_checked_and_its_edits_undo() {
    let mut p = office(true);
    let truth = truth_project(&p, &TRUTH);
    let s = survey(&truth, 3.0, 1.0, 3);
    let undo = p
        .apply(Edit::PutSurvey {
            survey: Box::new(s.clone()),
            index: None,
        })
        .unwrap();
    assert_eq!(p.surveys.len(), 1);
    let json = crate::project_file::to_json(&p);
    let back = crate::project_file::from_json(&json).unwrap();
    assert_eq!(back.0.surveys, p.surveys);
    p.apply(undo).unwrap();
    assert!(p.surveys.is_empty());
    let mut bad = s.clone();
    bad.rows[3].rssi_dbm = 12.0;
    let err = p
        .apply(Edit::PutSurvey {
            survey: Box::new(bad),
            index: None,
        })
        .unwrap_err();
    assert!(err.to_string().contains("line 5"), "{err}");
}
