//! Antennas: radiation patterns as the trade's files give them (the MSI/Planet tables), the
//! project's antenna library, how a radio's antenna is mounted, and its gain towards a point.
//!
//! The model (issue 15, exactly): a radio with an antenna radiates, towards a point,
//! `tx_dbm + G − H(φ) − V(θ)` dBm, where
//! - G is the pattern's gain, dBi;
//! - φ is the horizontal angle from the antenna's azimuth to the point, clockwise: the azimuth
//!   is in degrees clockwise from the plan's +y axis (a compass with north up), and so is the
//!   bearing of the point;
//! - θ is the angle of the point below the horizon seen from the antenna (positive
//!   downwards), minus the antenna's tilt (positive downwards);
//! - H and V are the pattern's attenuations in dB at those angles, read from its 360-entry
//!   tables (whole degrees; vertical 0° the horizon, 90° straight down, 270° straight up)
//!   and interpolated linearly between whole degrees.
//!
//! A radio without an antenna radiates `tx_dbm` equally in every direction (its EIRP).

use std::sync::{Arc, LazyLock};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Entries in a pattern's horizontal and vertical tables: one per whole degree.
pub const PATTERN_STEPS: usize = 360;

/// One antenna's radiation pattern: its gain and its attenuation tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AntennaPattern {
    /// The pattern's name, its key in the library (the file's `NAME`).
    pub name: String,
    /// The maker (`MAKE`), if the file says.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub make: String,
    /// The frequency the pattern was measured at, MHz (`FREQUENCY`), if the file says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_mhz: Option<f64>,
    /// The gain of the main beam, dBi.
    pub gain_dbi: f64,
    /// Attenuation from the main beam, dB, at each whole degree clockwise from the azimuth
    /// (360 entries, 0° first).
    pub horizontal_db: Vec<f64>,
    /// Attenuation from the main beam, dB, at each whole degree of elevation (360 entries; 0°
    /// the horizon, 90° straight down, 180° the horizon behind, 270° straight up).
    pub vertical_db: Vec<f64>,
    /// The file's comment, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

impl AntennaPattern {
    /// The horizontal attenuation at `deg` clockwise from the azimuth, dB, interpolated
    /// linearly between whole degrees.
    pub fn horizontal_at(&self, deg: f64) -> f64 {
        table_at(&self.horizontal_db, deg)
    }

    /// The vertical attenuation at `deg` below the horizon, dB, interpolated linearly between
    /// whole degrees.
    pub fn vertical_at(&self, deg: f64) -> f64 {
        table_at(&self.vertical_db, deg)
    }

    /// What is wrong with the pattern, if anything: tables of 360 finite entries, a finite
    /// gain. The limits of a pattern file are the reader's.
    pub fn problem(&self) -> Option<String> {
        if self.name.trim().is_empty() {
            return Some("the pattern has no name".into());
        }
        if !self.gain_dbi.is_finite() || self.gain_dbi.abs() > 100.0 {
            return Some(format!(
                "gain {} dBi must be a number between -100 and 100",
                self.gain_dbi
            ));
        }
        for (what, table) in [
            ("horizontal", &self.horizontal_db),
            ("vertical", &self.vertical_db),
        ] {
            if table.len() != PATTERN_STEPS {
                return Some(format!(
                    "the {what} table has {} entries, not {PATTERN_STEPS}",
                    table.len()
                ));
            }
            if let Some(i) = table
                .iter()
                .position(|v| !v.is_finite() || v.abs() > 1000.0)
            {
                return Some(format!(
                    "the {what} table's entry at {i}° is {}, not an attenuation in dB",
                    table[i]
                ));
            }
        }
        None
    }

    /// A 64-bit fingerprint of everything the gain depends on (gain and tables), for caches.
    pub fn fingerprint(&self) -> u64 {
        let mut h = Fnv::new();
        h.write(self.gain_dbi.to_bits());
        for v in self.horizontal_db.iter().chain(&self.vertical_db) {
            h.write(v.to_bits());
        }
        h.finish()
    }
}

/// `table` (360 entries) at `deg`, wrapped into [0°, 360°) and interpolated linearly between
/// whole degrees. A table of another length reads as 0 dB, and so does an angle that is not a
/// number.
fn table_at(table: &[f64], deg: f64) -> f64 {
    if table.len() != PATTERN_STEPS || !deg.is_finite() {
        return 0.0;
    }
    let a = deg.rem_euclid(360.0);
    let whole = a.floor();
    // rem_euclid can round up to 360.0 for a tiny negative angle.
    let i = (whole as usize) % PATTERN_STEPS;
    let j = (i + 1) % PATTERN_STEPS;
    let frac = a - whole;
    table[i] + (table[j] - table[i]) * frac
}

/// How a radio's antenna is mounted: which pattern, where it points, how far it is tilted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AntennaMount {
    /// The pattern's name: the project's antenna library first, then the built-in patterns.
    pub pattern: String,
    /// Where the main beam points, degrees clockwise from the plan's +y axis (0 by default).
    #[serde(default)]
    pub azimuth_deg: f64,
    /// The main beam's tilt, degrees below the horizon (0 by default).
    #[serde(default)]
    pub tilt_deg: f64,
}

/// A pattern mounted: what the coverage model evaluates towards each point.
#[derive(Debug, Clone, PartialEq)]
pub struct AimedAntenna {
    /// The pattern.
    pub pattern: Arc<AntennaPattern>,
    /// Azimuth, degrees clockwise from +y.
    pub azimuth_deg: f64,
    /// Tilt, degrees below the horizon.
    pub tilt_deg: f64,
}

impl AimedAntenna {
    /// `pattern` mounted as `mount` says.
    pub fn new(pattern: Arc<AntennaPattern>, mount: &AntennaMount) -> Self {
        Self {
            pattern,
            azimuth_deg: mount.azimuth_deg,
            tilt_deg: mount.tilt_deg,
        }
    }

    /// The gain towards a point `dx`, `dy` metres away in plan and `dz_below` metres below the
    /// antenna, dB: G − H(φ) − V(θ) (see the module's model).
    #[inline]
    pub fn gain_towards_db(&self, dx: f64, dy: f64, dz_below: f64) -> f64 {
        let bearing = dx.atan2(dy).to_degrees();
        let phi = bearing - self.azimuth_deg;
        let theta = dz_below.atan2((dx * dx + dy * dy).sqrt()).to_degrees() - self.tilt_deg;
        self.pattern.gain_dbi - self.pattern.horizontal_at(phi) - self.pattern.vertical_at(theta)
    }

    /// A 64-bit fingerprint of the pattern and the mounting, for caches.
    pub fn fingerprint(&self) -> u64 {
        let mut h = Fnv::new();
        h.write(self.pattern.fingerprint());
        h.write(self.azimuth_deg.to_bits());
        h.write(self.tilt_deg.to_bits());
        h.finish()
    }
}

/// The project's antenna patterns, by name (added from pattern files by `antenna add` and the
/// editor). Names are unique; the built-in patterns ([`builtin_patterns`]) are looked up after
/// these, so a project's pattern of the same name takes their place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct AntennaLibrary {
    patterns: Vec<AntennaPattern>,
}

impl AntennaLibrary {
    /// True when the project has no patterns of its own.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The project's patterns, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &AntennaPattern> {
        self.patterns.iter()
    }

    /// The project's pattern named `name`, else the built-in one.
    pub fn get(&self, name: &str) -> Option<&AntennaPattern> {
        self.patterns
            .iter()
            .find(|p| p.name == name)
            .or_else(|| builtin_patterns().iter().find(|p| p.name == name))
    }

    /// Adds `pattern`, replacing the project's pattern of the same name; returns the one it
    /// replaced.
    pub fn insert(&mut self, pattern: AntennaPattern) -> Option<AntennaPattern> {
        match self.patterns.iter_mut().find(|p| p.name == pattern.name) {
            Some(old) => Some(std::mem::replace(old, pattern)),
            None => {
                self.patterns.push(pattern);
                None
            }
        }
    }

    /// Where the project's pattern named `name` is in the library.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.patterns.iter().position(|p| p.name == name)
    }

    /// Adds `pattern` at `index` (the end when `None` or past it); the caller checks that no
    /// pattern has its name.
    pub fn insert_at(&mut self, index: Option<usize>, pattern: AntennaPattern) {
        let i = index
            .unwrap_or(self.patterns.len())
            .min(self.patterns.len());
        self.patterns.insert(i, pattern);
    }

    /// Removes the project's pattern named `name`; returns it.
    pub fn remove(&mut self, name: &str) -> Option<AntennaPattern> {
        let i = self.patterns.iter().position(|p| p.name == name)?;
        Some(self.patterns.remove(i))
    }
}

/// A pattern's 360-entry table from a function of the angle in whole degrees.
fn table(f: impl Fn(f64) -> f64) -> Vec<f64> {
    (0..PATTERN_STEPS).map(|d| f(d as f64)).collect()
}

/// The signed angle of a table entry from the main beam, (−180°, 180°].
fn signed(deg: f64) -> f64 {
    if deg > 180.0 { deg - 360.0 } else { deg }
}

/// The elevation of a vertical table entry seen from the front, [−90°, 90°] (positive
/// downwards): 180° − a for the back half, so that a symmetric antenna reads the same both
/// ways.
fn elevation(deg: f64) -> f64 {
    match deg {
        d if d <= 90.0 => d,
        d if d < 270.0 => 180.0 - d,
        d => d - 360.0,
    }
}

/// The 3GPP TR 36.814 parabolic beam: 12·(angle / beamwidth)² dB, at most `max_db`.
fn parabolic(angle_deg: f64, beamwidth_deg: f64, max_db: f64) -> f64 {
    (12.0 * (angle_deg / beamwidth_deg).powi(2)).min(max_db)
}

/// The names of the built-in patterns.
pub mod builtin {
    /// A ceiling access point's omnidirectional antenna, 4 dBi: flat in plan, its beam
    /// broadest below the horizon (down to 3 dB at the floor straight below, 10 dB
    /// straight up).
    pub const OMNI_CEILING: &str = "tailplan omni ceiling 4 dBi";
    /// A patch antenna, 8 dBi, 70° beamwidth both ways, 25 dB front-to-back (3GPP parabolic
    /// beam): corridors and halls, mounted on a wall.
    pub const PATCH_70: &str = "tailplan patch 70deg 8 dBi";
    /// An outdoor omnidirectional antenna, 6 dBi, 25° vertical beamwidth, 20 dB at most
    /// off the beam.
    pub const OMNI_OUTDOOR: &str = "tailplan omni outdoor 6 dBi";
}

/// The generic patterns every project has, computed (no measured file): see [`builtin`].
pub fn builtin_patterns() -> &'static [AntennaPattern] {
    static PATTERNS: LazyLock<Vec<AntennaPattern>> = LazyLock::new(|| {
        let make = "tailplan (generic)".to_owned();
        vec![
            AntennaPattern {
                name: builtin::OMNI_CEILING.into(),
                make: make.clone(),
                frequency_mhz: None,
                gain_dbi: 4.0,
                horizontal_db: table(|_| 0.0),
                vertical_db: table(|d| match elevation(d) {
                    e if e >= 45.0 => 3.0 * (e - 45.0) / 45.0,
                    e if e >= 0.0 => 0.0,
                    e => 10.0 * (-e / 90.0),
                }),
                comment: "generic ceiling omni, computed".into(),
            },
            AntennaPattern {
                name: builtin::PATCH_70.into(),
                make: make.clone(),
                frequency_mhz: None,
                gain_dbi: 8.0,
                horizontal_db: table(|d| parabolic(signed(d), 70.0, 25.0)),
                vertical_db: table(|d| parabolic(signed(d), 70.0, 25.0)),
                comment: "generic patch, 3GPP parabolic beam, computed".into(),
            },
            AntennaPattern {
                name: builtin::OMNI_OUTDOOR.into(),
                make,
                frequency_mhz: None,
                gain_dbi: 6.0,
                horizontal_db: table(|_| 0.0),
                vertical_db: table(|d| parabolic(elevation(d), 25.0, 20.0)),
                comment: "generic outdoor omni, 3GPP parabolic beam, computed".into(),
            },
        ]
    });
    &PATTERNS
}

/// FNV-1a over 64-bit words: a stable fingerprint (not for security).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, word: u64) {
        for b in word.to_le_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(h: impl Fn(f64) -> f64, v: impl Fn(f64) -> f64, gain: f64) -> Arc<AntennaPattern> {
        Arc::new(AntennaPattern {
            name: "p".into(),
            make: String::new(),
            frequency_mhz: None,
            gain_dbi: gain,
            horizontal_db: table(h),
            vertical_db: table(v),
            comment: String::new(),
        })
    }

    fn aimed(p: &Arc<AntennaPattern>, azimuth_deg: f64, tilt_deg: f64) -> AimedAntenna {
        AimedAntenna::new(
            p.clone(),
            &AntennaMount {
                pattern: "p".into(),
                azimuth_deg,
                tilt_deg,
            },
        )
    }

    #[test]
    fn tables_interpolate_between_whole_degrees_and_wrap() {
        let p = pattern(|d| d / 10.0, |_| 0.0, 0.0);
        assert_eq!(p.horizontal_at(10.0), 1.0);
        assert!((p.horizontal_at(10.25) - 1.025).abs() < 1e-12);
        // Between 359° (35.9 dB) and 0° (0 dB): halfway is 17.95.
        assert!((p.horizontal_at(359.5) - 17.95).abs() < 1e-12);
        assert!((p.horizontal_at(-0.5) - 17.95).abs() < 1e-12);
        assert_eq!(p.horizontal_at(370.0), 1.0);
        assert_eq!(p.horizontal_at(-1e-18), p.horizontal_at(0.0));
        assert_eq!(p.horizontal_at(f64::NAN), 0.0);
    }

    #[test]
    fn boresight_back_lobe_and_tilt_by_hand() {
        // H: 0 dB ahead, 20 dB behind, 10 dB at 90° either side (linear in |φ|/9).
        let p = pattern(|d| signed(d).abs() / 9.0, |d| signed(d).abs() / 3.0, 10.0);
        // Pointing east (90° clockwise from +y), a point due east on the horizon: boresight.
        let east = aimed(&p, 90.0, 0.0);
        assert!((east.gain_towards_db(5.0, 0.0, 0.0) - 10.0).abs() < 1e-12);
        // Due west: φ = 180°, back lobe 20 dB down.
        assert!((east.gain_towards_db(-5.0, 0.0, 0.0) - (10.0 - 20.0)).abs() < 1e-12);
        // Due north (+y): φ = −90°, 10 dB down.
        assert!((east.gain_towards_db(0.0, 5.0, 0.0) - 0.0).abs() < 1e-12);
        // 5 m east and 5 m below: θ = 45°, V(45) = 15 dB.
        assert!((east.gain_towards_db(5.0, 0.0, 5.0) - (10.0 - 15.0)).abs() < 1e-12);
        // Tilted down 45°: the same point is on the beam again.
        let tilted = aimed(&p, 90.0, 45.0);
        assert!((tilted.gain_towards_db(5.0, 0.0, 5.0) - 10.0).abs() < 1e-12);
        // ... and a point on the horizon is 45° above the beam: V(−45°) = V(315°) = 15 dB.
        assert!((tilted.gain_towards_db(5.0, 0.0, 0.0) - (10.0 - 15.0)).abs() < 1e-12);
        // Azimuth 0 points along +y; φ clockwise: a point at +x is at φ = 90°.
        let north = aimed(&p, 0.0, 0.0);
        assert!((north.gain_towards_db(0.0, 5.0, 0.0) - 10.0).abs() < 1e-12);
        assert!((north.gain_towards_db(5.0, 0.0, 0.0) - 0.0).abs() < 1e-12);
        // Straight below: θ = 90°.
        assert!((north.gain_towards_db(0.0, 0.0, 3.0) - (10.0 - 30.0)).abs() < 1e-12);
    }

    #[test]
    fn an_asymmetric_table_reads_clockwise() {
        // 0 dB at φ = 30° clockwise, 30 dB elsewhere.
        let p = pattern(|d| if d == 30.0 { 0.0 } else { 30.0 }, |_| 0.0, 0.0);
        let a = aimed(&p, 0.0, 0.0);
        let (s, c) = 30f64.to_radians().sin_cos();
        // Bearing 30° clockwise from +y is (sin 30°, cos 30°).
        assert!(a.gain_towards_db(s, c, 0.0).abs() < 1e-9);
        assert!((a.gain_towards_db(-s, c, 0.0) + 30.0).abs() < 1e-9);
    }

    #[test]
    fn builtins_are_valid_and_found_after_the_project_s() {
        for p in builtin_patterns() {
            assert_eq!(p.problem(), None, "{}", p.name);
        }
        let patch = &builtin_patterns()[1];
        assert_eq!(patch.horizontal_at(0.0), 0.0);
        assert!(
            (patch.horizontal_at(35.0) - 3.0).abs() < 1e-12,
            "3 dB at half the beamwidth"
        );
        assert_eq!(patch.horizontal_at(180.0), 25.0);
        let ceiling = &builtin_patterns()[0];
        assert_eq!(ceiling.vertical_at(90.0), 3.0);
        assert_eq!(ceiling.vertical_at(270.0), 10.0);
        assert_eq!(
            ceiling.vertical_at(135.0),
            0.0,
            "the back half mirrors the front"
        );

        let mut lib = AntennaLibrary::default();
        assert_eq!(lib.get(builtin::PATCH_70).unwrap().gain_dbi, 8.0);
        let mut own = (*pattern(|_| 0.0, |_| 0.0, 2.0)).clone();
        own.name = builtin::PATCH_70.into();
        assert!(lib.insert(own.clone()).is_none());
        assert_eq!(lib.get(builtin::PATCH_70).unwrap().gain_dbi, 2.0);
        own.gain_dbi = 3.0;
        assert_eq!(lib.insert(own).unwrap().gain_dbi, 2.0);
        assert_eq!(lib.iter().count(), 1);
        assert_eq!(lib.remove(builtin::PATCH_70).unwrap().gain_dbi, 3.0);
        assert!(lib.is_empty());
    }

    #[test]
    fn problems_are_named() {
        let mut p = (*pattern(|_| 0.0, |_| 0.0, 2.0)).clone();
        assert_eq!(p.problem(), None);
        p.vertical_db[12] = f64::NAN;
        assert!(
            p.problem()
                .unwrap()
                .contains("vertical table's entry at 12°")
        );
        p.vertical_db.pop();
        assert!(p.problem().unwrap().contains("359 entries"));
        p.gain_dbi = f64::INFINITY;
        assert!(p.problem().unwrap().contains("gain"));
    }

    #[test]
    fn fingerprints_change_with_what_the_gain_depends_on() {
        let p = pattern(|_| 0.0, |_| 0.0, 2.0);
        let a = aimed(&p, 10.0, 0.0);
        assert_eq!(a.fingerprint(), aimed(&p, 10.0, 0.0).fingerprint());
        assert_ne!(a.fingerprint(), aimed(&p, 11.0, 0.0).fingerprint());
        assert_ne!(a.fingerprint(), aimed(&p, 10.0, 1.0).fingerprint());
        let q = pattern(|_| 0.0, |_| 0.0, 2.5);
        assert_ne!(a.fingerprint(), aimed(&q, 10.0, 0.0).fingerprint());
    }
}
