//! A site survey of the office's ground floor, made up: `floorplans/office.survey.csv`.
//!
//! The "real" building it measures differs from the sample project the way real ones do: each
//! access point sends a few dB more or less than its nominal power (mounting, cable, unit),
//! the path-loss exponent is 2.8 instead of the project's 2.0, and the drywall loses 6.5 dB at
//! 5 GHz instead of the library's 4. The walk covers the rooms of the western half on a 2.5 m
//! grid; every access point heard above −85 dBm is a row, a fifth of the points scanned twice;
//! measurements carry 3 dB of noise, one row in twelve is shadowed 12 dB (a body, a cabinet);
//! a temporary access point the project does not have and a few "not heard" rows (−200) are
//! in it as surveying tools write them. Calibration should find the offsets, the exponent and
//! the drywall back (`tailplan calibrate floorplans/office.tailplan.json --survey
//! floorplans/office.survey.csv -o calibrated.json`).

use std::fmt::Write as _;

use tailplan_core::Project;
use tailplan_core::geometry::Point;
use tailplan_core::materials::Band;
use tailplan_core::survey::{ApRef, Survey, SurveyRow, resolve};

/// The file `gen-samples` writes the survey to.
pub const SURVEY_FILE: &str = "office.survey.csv";

/// The true path-loss exponent of the surveyed floor.
pub const TRUE_EXPONENT: f64 = 2.8;
/// The drywall's true loss at 5 GHz, dB.
pub const TRUE_DRYWALL_5_DB: f64 = 6.5;

/// The true offset of the `i`-th access point of the floor, dB: −4 to +3.5 in steps of 0.5.
pub fn true_offset_db(i: usize) -> f64 {
    ((i * 7) % 16) as f64 * 0.5 - 4.0
}

/// A deterministic noise source for generated surveys: splitmix64, uniforms in [0, 1), standard
/// normals by Box–Muller. Seeded, so a generated survey is the same file every time (the
/// sample, the core's tests).
pub struct Noise(pub u64);

impl Noise {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A standard normal.
    pub fn normal(&mut self) -> f64 {
        let (u1, u2) = (self.uniform().max(1e-300), self.uniform());
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// The building as it really is: the project with the true offsets, exponent and drywall.
pub fn truth(project: &Project) -> Project {
    let mut p = project.clone();
    for (i, ap) in p.floors[0].access_points.iter_mut().enumerate() {
        ap.eirp_offset_db = Some(true_offset_db(i));
    }
    p.settings.radio.path_loss_exponent = TRUE_EXPONENT;
    if let Some(dry) = p.materials.get("drywall") {
        let mut dry = dry.clone();
        dry.loss_db.ghz5 = TRUE_DRYWALL_5_DB;
        p.materials.upsert(dry);
    }
    p
}

/// The survey of `project`'s (the office's) ground floor, as CSV.
pub fn office_survey(project: &Project) -> String {
    let truth = truth(project);
    let floor = &project.floors[0];
    let mut rows = Vec::new();
    let mut y = 1.25;
    while y < 60.0 {
        let mut x = 1.25;
        while x < 60.0 {
            let p = Point::new(x, y);
            if floor.rooms.iter().any(|r| r.polygon.contains(p)) {
                for ap in &floor.access_points {
                    rows.push(SurveyRow {
                        line: 0,
                        position: p,
                        floor: Some(floor.id.clone()),
                        ap: ApRef::Ap(ap.name.clone()),
                        rssi_dbm: -50.0,
                        band: Some(Band::Ghz5),
                        time: None,
                    });
                }
            }
            x += 2.5;
        }
        y += 2.5;
    }
    let placeholder = Survey {
        name: SURVEY_FILE.into(),
        rows,
        not_measured: 0,
    };
    let r = resolve(&truth, &[&placeholder]);
    let exact = r.current();
    let mut rng = Noise(2026);
    let mut out = String::from("x,y,floor,ap,band,rssi_dbm,time\n");
    let mut seconds = 9 * 3600;
    let mut last = None;
    let write = |out: &mut String, p: Point, ap: &str, rssi: &str, seconds: u32| {
        let _ = writeln!(
            out,
            "{:.2},{:.2},{},{ap},5,{rssi},2026-11-30T{:02}:{:02}:{:02}Z",
            p.x,
            p.y,
            floor.id,
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
    };
    for o in &r.observations {
        if last != Some((o.position.x.to_bits(), o.position.y.to_bits())) {
            last = Some((o.position.x.to_bits(), o.position.y.to_bits()));
            seconds += 6;
            if rng.uniform() < 0.02 {
                write(&mut out, o.position, "AP-TEMP-1", "-61", seconds);
            }
        }
        let true_dbm = r.predict(o, &exact);
        let scans = if rng.uniform() < 0.2 { 2 } else { 1 };
        for scan in 0..scans {
            let mut v = true_dbm + 3.0 * rng.normal();
            if rng.uniform() < 1.0 / 12.0 {
                v -= 12.0;
            }
            let name = &r.aps[o.ap].name;
            if v > -85.0 {
                write(
                    &mut out,
                    o.position,
                    name,
                    &format!("{v:.0}"),
                    seconds + scan,
                );
            } else if rng.uniform() < 0.01 {
                write(&mut out, o.position, name, "-200", seconds + scan);
            }
        }
    }
    out
}
