//! Radio bands and the library of wall materials with their attenuation per band.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A radio band for which attenuations are given.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Band {
    /// Sub-GHz ISM (LoRaWAN at 868 / 915 MHz).
    #[serde(rename = "sub_ghz")]
    SubGhz,
    /// 2.4 GHz (Wi-Fi, BLE, Zigbee, Thread).
    #[serde(rename = "2.4")]
    Ghz2_4,
    /// 5 GHz Wi-Fi.
    #[serde(rename = "5")]
    Ghz5,
    /// 6 GHz Wi-Fi.
    #[serde(rename = "6")]
    Ghz6,
}

impl Band {
    /// Every band, lowest first.
    pub const ALL: [Band; 4] = [Band::SubGhz, Band::Ghz2_4, Band::Ghz5, Band::Ghz6];

    /// The band's name as written in files: `sub_ghz`, `2.4`, `5`, `6`.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::SubGhz => "sub_ghz",
            Band::Ghz2_4 => "2.4",
            Band::Ghz5 => "5",
            Band::Ghz6 => "6",
        }
    }

    /// The band a frequency in MHz falls in.
    pub fn of_mhz(f_mhz: f64) -> Band {
        if f_mhz < 1_500.0 {
            Band::SubGhz
        } else if f_mhz < 4_000.0 {
            Band::Ghz2_4
        } else if f_mhz < 5_925.0 {
            Band::Ghz5
        } else {
            Band::Ghz6
        }
    }
}

/// The sub-GHz loss of a material, as a fraction of its 2.4 GHz loss, when not given.
pub const SUB_GHZ_FACTOR: f64 = 0.6;

/// An attenuation in dB for each band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BandLoss {
    /// Sub-GHz (LoRaWAN), dB.
    #[serde(rename = "sub_ghz")]
    pub sub_ghz: f64,
    /// 2.4 GHz, dB.
    #[serde(rename = "2.4")]
    pub ghz2_4: f64,
    /// 5 GHz, dB.
    #[serde(rename = "5")]
    pub ghz5: f64,
    /// 6 GHz, dB.
    #[serde(rename = "6")]
    pub ghz6: f64,
}

impl BandLoss {
    /// No loss on any band.
    pub const ZERO: BandLoss = BandLoss {
        sub_ghz: 0.0,
        ghz2_4: 0.0,
        ghz5: 0.0,
        ghz6: 0.0,
    };

    /// Both losses added, band by band.
    pub fn plus(self, other: &BandLoss) -> BandLoss {
        BandLoss {
            sub_ghz: self.sub_ghz + other.sub_ghz,
            ghz2_4: self.ghz2_4 + other.ghz2_4,
            ghz5: self.ghz5 + other.ghz5,
            ghz6: self.ghz6 + other.ghz6,
        }
    }

    /// Losses at 2.4 / 5 / 6 GHz; sub-GHz is [`SUB_GHZ_FACTOR`] times the 2.4 GHz value.
    pub fn wifi(ghz2_4: f64, ghz5: f64, ghz6: f64) -> Self {
        Self {
            sub_ghz: round_db(SUB_GHZ_FACTOR * ghz2_4),
            ghz2_4,
            ghz5,
            ghz6,
        }
    }

    /// The same loss on every band.
    pub fn uniform(db: f64) -> Self {
        Self {
            sub_ghz: db,
            ghz2_4: db,
            ghz5: db,
            ghz6: db,
        }
    }

    /// The loss at `band`, dB.
    pub fn at(&self, band: Band) -> f64 {
        match band {
            Band::SubGhz => self.sub_ghz,
            Band::Ghz2_4 => self.ghz2_4,
            Band::Ghz5 => self.ghz5,
            Band::Ghz6 => self.ghz6,
        }
    }

    /// Every value, lowest band first.
    pub fn values(&self) -> [f64; 4] {
        Band::ALL.map(|b| self.at(b))
    }
}

/// Rounds to 0.01 dB, so that derived values print cleanly (0.6 x 3 = 1.8, not 1.7999...).
fn round_db(db: f64) -> f64 {
    (db * 100.0).round() / 100.0
}

/// A wall material: a name walls refer to and its attenuation per band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WallMaterial {
    /// The name walls use (`concrete`, `drywall`...), unique in a library.
    pub name: String,
    /// Attenuation of one crossing, per band.
    pub loss_db: BandLoss,
    /// Colour used to draw it, `#rrggbb`.
    pub color: String,
}

/// The materials of a project. Starts as [`MaterialLibrary::default`]; users may edit values
/// and add materials per project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct MaterialLibrary {
    materials: Vec<WallMaterial>,
}

impl Default for MaterialLibrary {
    /// The default library (dB at 2.4 / 5 / 6 GHz): drywall 3/4/5, glass 2/3/4, low-E glass
    /// 8/20/25, wood 3/4/5, brick 6/10/12, concrete 12/15/18, metal 20/25/30; sub-GHz is
    /// 0.6 x the 2.4 GHz value.
    fn default() -> Self {
        let m = |name: &str, l: [f64; 3], color: &str| WallMaterial {
            name: name.to_owned(),
            loss_db: BandLoss::wifi(l[0], l[1], l[2]),
            color: color.to_owned(),
        };
        Self {
            materials: vec![
                m("drywall", [3.0, 4.0, 5.0], "#8c96a0"),
                m("glass", [2.0, 3.0, 4.0], "#4fa3d1"),
                m("low_e_glass", [8.0, 20.0, 25.0], "#1f6f9f"),
                m("wood", [3.0, 4.0, 5.0], "#a0703c"),
                m("brick", [6.0, 10.0, 12.0], "#b5523b"),
                m("concrete", [12.0, 15.0, 18.0], "#4a4f55"),
                m("metal", [20.0, 25.0, 30.0], "#2b2d42"),
            ],
        }
    }
}

impl MaterialLibrary {
    /// A library holding exactly these materials.
    pub fn new(materials: Vec<WallMaterial>) -> Self {
        Self { materials }
    }

    /// The material named `name`. Names match case-insensitively, and `-`, ` ` and `_`
    /// are the same (`Low-E glass` finds `low_e_glass`).
    pub fn get(&self, name: &str) -> Option<&WallMaterial> {
        let key = normalise(name);
        self.materials.iter().find(|m| normalise(&m.name) == key)
    }

    /// Adds a material, or replaces the one with the same name. Returns the one replaced.
    pub fn upsert(&mut self, material: WallMaterial) -> Option<WallMaterial> {
        let key = normalise(&material.name);
        match self
            .materials
            .iter_mut()
            .find(|m| normalise(&m.name) == key)
        {
            Some(slot) => Some(std::mem::replace(slot, material)),
            None => {
                self.materials.push(material);
                None
            }
        }
    }

    /// The position in the library of the material named `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        let key = normalise(name);
        self.materials
            .iter()
            .position(|m| normalise(&m.name) == key)
    }

    /// Inserts a material at `index` (clamped to the end). The caller makes sure its name is
    /// new; [`MaterialLibrary::upsert`] replaces instead.
    pub fn insert(&mut self, index: usize, material: WallMaterial) {
        self.materials
            .insert(index.min(self.materials.len()), material);
    }

    /// Removes the material named `name`, returning it.
    pub fn remove(&mut self, name: &str) -> Option<WallMaterial> {
        let i = self.position(name)?;
        Some(self.materials.remove(i))
    }

    /// Every material, in library order.
    pub fn iter(&self) -> impl Iterator<Item = &WallMaterial> {
        self.materials.iter()
    }

    /// Number of materials.
    pub fn len(&self) -> usize {
        self.materials.len()
    }

    /// True when the library has no material.
    pub fn is_empty(&self) -> bool {
        self.materials.is_empty()
    }
}

fn normalise(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_library_values() {
        let lib = MaterialLibrary::default();
        let concrete = lib.get("concrete").unwrap();
        assert_eq!(concrete.loss_db.values(), [7.2, 12.0, 15.0, 18.0]);
        assert_eq!(lib.get("Low-E glass").unwrap().loss_db.at(Band::Ghz5), 20.0);
        assert_eq!(lib.get("drywall").unwrap().loss_db.sub_ghz, 1.8);
        assert!(lib.get("unobtainium").is_none());
        assert_eq!(lib.len(), 7);
    }

    #[test]
    fn upsert_replaces_by_name() {
        let mut lib = MaterialLibrary::default();
        let mut glass = lib.get("glass").unwrap().clone();
        glass.loss_db = BandLoss::uniform(9.0);
        assert!(lib.upsert(glass).is_some());
        assert_eq!(lib.get("GLASS").unwrap().loss_db.ghz6, 9.0);
        assert_eq!(lib.len(), 7);
        assert!(lib.remove("glass").is_some());
        assert_eq!(lib.len(), 6);
    }

    #[test]
    fn band_of_frequency() {
        assert_eq!(Band::of_mhz(868.0), Band::SubGhz);
        assert_eq!(Band::of_mhz(2437.0), Band::Ghz2_4);
        assert_eq!(Band::of_mhz(5500.0), Band::Ghz5);
        assert_eq!(Band::of_mhz(6500.0), Band::Ghz6);
    }
}
