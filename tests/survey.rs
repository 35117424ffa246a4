//! The office's site survey (`floorplans/office.survey.csv`, generated from a "real" building
//! that differs from the sample project by known offsets, exponent and drywall, with noise,
//! shadowed rows, a temporary access point and "not heard" rows): calibration finds what the
//! real building is within the noise, and its cross-validation says so honestly.

use tailplan_core::Project;
use tailplan_core::project_file;
use tailplan_core::survey::{FitOptions, accuracy, calibrate, calibration_edit};
use tailplan_io::survey::{SurveyLimits, read_survey};
use tailplan_samples::survey::{SURVEY_FILE, TRUE_DRYWALL_5_DB, TRUE_EXPONENT, true_offset_db};
use tailplan_tests::workspace;

fn office() -> Project {
    let text =
        std::fs::read_to_string(workspace().join("floorplans/office.tailplan.json")).unwrap();
    project_file::from_json(&text).unwrap().0
}

fn committed() -> String {
    std::fs::read_to_string(workspace().join("floorplans").join(SURVEY_FILE)).unwrap()
}

#[test]
fn calibration_finds_the_real_building_within_the_noise() {
    let project = office();
    let read = read_survey(
        committed().as_bytes(),
        SURVEY_FILE,
        &SurveyLimits::default(),
    )
    .unwrap();
    let survey = read.survey;
    assert!(survey.rows.len() > 4000, "{}", survey.rows.len());
    assert!(survey.not_measured > 0);
    let before = accuracy(&project, &[&survey]);
    assert_eq!(before.skipped.unknown_ap, 11, "the temporary access point");
    // The sample project is optimistic: free-space exponent, nominal powers.
    assert!(before.stats.mean_error_db > 8.0, "{:?}", before.stats);
    let c = calibrate(&project, &[&survey], &FitOptions::default()).unwrap();
    assert!(
        (c.exponent.after - TRUE_EXPONENT).abs() < 0.15,
        "{:?}",
        c.exponent
    );
    let dry = c
        .materials
        .iter()
        .find(|m| m.material == "drywall")
        .unwrap();
    assert!((dry.after_db - TRUE_DRYWALL_5_DB).abs() < 1.0, "{dry:?}");
    // Offsets: each within 2.5 dB of the truth for access points heard by 100 rows or more
    // (the shadowed rows and the exponent's trade with them move all a little together).
    let floor = &project.floors[0];
    for o in c.offsets.iter().filter(|o| o.points >= 100) {
        let i = floor
            .access_points
            .iter()
            .position(|a| a.id == o.ap)
            .unwrap();
        assert!(
            (o.after_db - true_offset_db(i)).abs() < 2.5,
            "{o:?} vs {}",
            true_offset_db(i)
        );
    }
    // 3 dB of noise and one row in twelve shadowed 12 dB: about 3.9 dB is all a model can do.
    assert!(c.after.rmse_db < 4.2, "{:?}", c.after);
    assert!(c.cross_validated.rmse_db >= c.after.rmse_db, "{c:?}");
    assert!(c.cross_validated.rmse_db < 4.3, "{:?}", c.cross_validated);
    // The calibrated project predicts what the report says, and every other floor's maps
    // use the same exponent and materials.
    let mut calibrated = project.clone();
    calibrated.apply(calibration_edit(&project, &c)).unwrap();
    let after = accuracy(&calibrated, &[&survey]);
    assert!((after.stats.rmse_db - c.after.rmse_db).abs() < 1e-9);
}
