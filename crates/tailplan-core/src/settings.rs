//! Project settings: the propagation model's parameters, thresholds and cabling limits.
//!
//! Every field has a default, and a project file may give any subset: settings added by later
//! versions of tailplan read as their defaults from older files. The cable-type table, the price
//! table and the final-tail settings are written to a file only when they differ from their
//! defaults, so that files which never changed them stay as they were.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::channels::RegDomain;
use crate::devices::{IotTech, Medium};
use crate::materials::BandLoss;

/// Everything a project may tune.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Settings {
    /// Radio propagation.
    pub radio: RadioSettings,
    /// Structured cabling rules.
    pub cabling: CablingSettings,
    /// Unit prices for the bill of materials and the final-tail choice.
    #[serde(skip_serializing_if = "PriceTable::is_default")]
    pub prices: PriceTable,
    /// How the final-tail choice weighs a wireless link.
    #[serde(skip_serializing_if = "FinalTailSettings::is_default")]
    pub final_tail: FinalTailSettings,
    /// Who uses the Wi-Fi: people per room, their devices, and what a radio can carry.
    #[serde(skip_serializing_if = "CapacitySettings::is_default")]
    pub capacity: CapacitySettings,
    /// The backbone cables between distributors: fibre type and cores.
    #[serde(skip_serializing_if = "BackboneSettings::is_default")]
    pub backbone: BackboneSettings,
    /// The switches distributors are equipped with.
    #[serde(skip_serializing_if = "SwitchingSettings::is_default")]
    pub switching: SwitchingSettings,
    /// The radio model's calibration against a site survey, when it has one: its statistics
    /// and what it replaced ([`crate::survey::reset_edit`] puts that back).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<crate::survey::CalibrationRecord>,
}

/// Parameters of the propagation model and of the coverage maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RadioSettings {
    /// Path-loss exponent n of the log-distance model (2.0 is free space).
    pub path_loss_exponent: f64,
    /// Height above the floor at which coverage is computed, metres.
    pub receiver_height_m: f64,
    /// Side of a coverage grid cell, metres.
    pub cell_m: f64,
    /// Loss of one floor slab, per band (default 18 dB at 5 GHz, scaled like concrete on the
    /// other bands).
    pub floor_loss_db: BandLoss,
    /// Noise floor for SNR, dBm.
    pub noise_floor_dbm: f64,
    /// Wi-Fi coverage thresholds reported in the statistics, dBm, strongest first.
    pub wifi_thresholds_dbm: Vec<f64>,
    /// Receiver sensitivity of each IoT technology, dBm.
    pub iot_sensitivity_dbm: IotSensitivity,
    /// On a floor without rooms, aim coverage, statistics and placement at the building's
    /// interior found from its walls (true), or at the whole plan (false).
    pub interior_from_walls: bool,
    /// Gaps in the outer walls up to this wide, metres, count as closed when the interior is
    /// found from the walls (doorways, drawing slips); 1.2 by default.
    pub interior_max_gap_m: f64,
    /// Whose channel rules apply (ETSI by default): what channel planning may assign, and
    /// which channels validation warns about.
    pub regulatory_domain: RegDomain,
}

impl Default for RadioSettings {
    fn default() -> Self {
        Self {
            path_loss_exponent: 2.0,
            receiver_height_m: 1.0,
            cell_m: 0.5,
            floor_loss_db: BandLoss {
                sub_ghz: 8.64,
                ghz2_4: 14.4,
                ghz5: 18.0,
                ghz6: 21.6,
            },
            noise_floor_dbm: -95.0,
            wifi_thresholds_dbm: vec![-67.0, -70.0, -75.0],
            iot_sensitivity_dbm: IotSensitivity::default(),
            interior_from_walls: true,
            interior_max_gap_m: crate::interior::DEFAULT_MAX_GAP_M,
            regulatory_domain: RegDomain::default(),
        }
    }
}

/// Receiver sensitivity per IoT technology, dBm.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct IotSensitivity {
    /// LoRaWAN at SF12.
    pub lorawan: f64,
    /// Bluetooth Low Energy.
    pub ble: f64,
    /// Zigbee.
    pub zigbee: f64,
    /// Thread.
    pub thread: f64,
}

impl Default for IotSensitivity {
    fn default() -> Self {
        Self {
            lorawan: -137.0,
            ble: -94.0,
            zigbee: -100.0,
            thread: -100.0,
        }
    }
}

impl IotSensitivity {
    /// The sensitivity of `tech`, dBm.
    pub fn of(&self, tech: IotTech) -> f64 {
        match tech {
            IotTech::Lorawan => self.lorawan,
            IotTech::Ble => self.ble,
            IotTech::Zigbee => self.zigbee,
            IotTech::Thread => self.thread,
        }
    }
}

/// Limits and allowances of structured cabling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CablingSettings {
    /// Longest copper permanent link, metres (ISO/IEC 11801, TIA-568: 90).
    pub copper_permanent_link_max_m: f64,
    /// Longest copper channel, cords included, metres (100).
    pub copper_channel_max_m: f64,
    /// Longest single-pair Ethernet (10BASE-T1L) link, metres (1000).
    pub spe_max_m: f64,
    /// Longest fibre link, metres (400: 10GBASE-SR over OM4).
    pub fiber_max_m: f64,
    /// Slack left coiled at the telecom room, metres.
    pub slack_telecom_room_m: f64,
    /// Slack left at the outlet or device, metres.
    pub slack_outlet_m: f64,
    /// Largest fill of a tray's cross-section, as a fraction (0.4 = 40 %).
    pub tray_fill_max: f64,
    /// The cables: outer diameter (for tray fill) and the reel they are bought on, per medium.
    #[serde(skip_serializing_if = "CableTypes::is_default")]
    pub cable_types: CableTypes,
    /// Ports of one patch panel (24): cable ids number ports panel by panel, and the bill of
    /// materials counts panels.
    #[serde(skip_serializing_if = "is_default_panel_ports")]
    pub patch_panel_ports: u32,
    /// The equipment and patch cords at the distributor, metres, which the channel adds to the
    /// permanent link (5).
    #[serde(skip_serializing_if = "is_five")]
    pub patch_cord_m: f64,
    /// The work-area cord from the outlet to the device, metres (5).
    #[serde(skip_serializing_if = "is_five")]
    pub work_area_cord_m: f64,
    /// Whether a floor distributor may serve the floors next to its own in the same building
    /// without a `horizontal-other-floor` warning (false: ISO/IEC 11801-1 and TIA-569 want
    /// every floor served from its own).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub serve_adjacent_floors: bool,
    /// Most cables carrying 802.3at PoE or more in one tray section before the bundle warms
    /// beyond what the cable is rated for (24, after TIA TSB-184-A and ISO/IEC TS 29125).
    #[serde(skip_serializing_if = "is_default_bundle")]
    pub poe_bundle_max: u32,
}

/// PoE cables in one bundle when a file gives no limit.
pub const DEFAULT_POE_BUNDLE_MAX: u32 = 24;

fn is_default_bundle(n: &u32) -> bool {
    *n == DEFAULT_POE_BUNDLE_MAX
}

fn is_five(v: &f64) -> bool {
    *v == 5.0
}

/// Ports of one patch panel when a file gives none.
pub const DEFAULT_PATCH_PANEL_PORTS: u32 = 24;

fn is_default_panel_ports(n: &u32) -> bool {
    *n == DEFAULT_PATCH_PANEL_PORTS
}

impl CablingSettings {
    /// The longest link allowed for a cable of `medium`, metres (`None` for wireless).
    pub fn max_length_m(&self, medium: Medium) -> Option<f64> {
        match medium {
            Medium::Cat6a => Some(self.copper_permanent_link_max_m),
            Medium::Spe => Some(self.spe_max_m),
            Medium::Fiber => Some(self.fiber_max_m),
            Medium::Wireless => None,
        }
    }
}

impl Default for CablingSettings {
    fn default() -> Self {
        Self {
            copper_permanent_link_max_m: 90.0,
            copper_channel_max_m: 100.0,
            spe_max_m: 1000.0,
            fiber_max_m: 400.0,
            slack_telecom_room_m: 3.0,
            slack_outlet_m: 0.3,
            tray_fill_max: 0.4,
            cable_types: CableTypes::default(),
            patch_panel_ports: DEFAULT_PATCH_PANEL_PORTS,
            patch_cord_m: 5.0,
            work_area_cord_m: 5.0,
            serve_adjacent_floors: false,
            poe_bundle_max: DEFAULT_POE_BUNDLE_MAX,
        }
    }
}

/// The fibre of a backbone cable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FibreType {
    /// OM4 multimode (50/125 µm): 10GBASE-SR reaches 400 m.
    #[default]
    Om4,
    /// OS2 single-mode (9/125 µm): 10GBASE-LR reaches 10 km.
    Os2,
}

impl FibreType {
    /// The longest backbone link of this fibre at 10 Gbit/s, metres (IEEE 802.3: 400 for
    /// 10GBASE-SR over OM4, 10,000 for 10GBASE-LR over OS2).
    pub fn max_length_m(self) -> f64 {
        match self {
            FibreType::Om4 => 400.0,
            FibreType::Os2 => 10_000.0,
        }
    }

    /// Its name in files and reports: `om4`, `os2`.
    pub fn as_str(self) -> &'static str {
        match self {
            FibreType::Om4 => "om4",
            FibreType::Os2 => "os2",
        }
    }
}

/// The backbone cables between distributors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct BackboneSettings {
    /// Fibre between a floor and its building distributor (`om4`).
    pub building_fibre: FibreType,
    /// Fibre between building distributors and the campus distributor (`os2`).
    pub campus_fibre: FibreType,
    /// Cores in each backbone cable (12).
    pub cores: u32,
    /// The longest backbone link, metres, when it should not be the fibre type's own limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length_m: Option<f64>,
}

impl Default for BackboneSettings {
    fn default() -> Self {
        Self {
            building_fibre: FibreType::Om4,
            campus_fibre: FibreType::Os2,
            cores: 12,
            max_length_m: None,
        }
    }
}

impl BackboneSettings {
    fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// The longest link allowed for a backbone of `fibre`, metres.
    pub fn limit_m(&self, fibre: FibreType) -> f64 {
        self.max_length_m.unwrap_or(fibre.max_length_m())
    }
}

/// The switches of the distributors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct SwitchingSettings {
    /// The model a distributor without its own `switch_model` gets (`generic-48p-poe+`).
    pub model: String,
}

impl Default for SwitchingSettings {
    fn default() -> Self {
        Self {
            model: crate::campus::DEFAULT_SWITCH_MODEL.into(),
        }
    }
}

impl SwitchingSettings {
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// One kind of cable: its size and how it is bought.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CableType {
    /// Outer diameter, millimetres: its cross-section counts against a tray's fill.
    pub outer_diameter_mm: f64,
    /// Length of one box or reel, metres: the bill of materials rounds up to whole ones.
    pub reel_m: f64,
}

impl CableType {
    /// The cable's cross-section, square millimetres.
    pub fn area_mm2(&self) -> f64 {
        std::f64::consts::PI * self.outer_diameter_mm * self.outer_diameter_mm / 4.0
    }
}

/// The cable-type table: one [`CableType`] per cabled medium.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CableTypes {
    /// Cat6A U/FTP: 7.5 mm, 305 m boxes.
    pub cat6a: CableType,
    /// Single-pair Ethernet (10BASE-T1L, one shielded pair): 5 mm, 305 m boxes.
    pub spe: CableType,
    /// Fibre (indoor OM4 breakout, 4 to 12 cores): 6 mm, 305 m reels.
    pub fiber: CableType,
}

impl Default for CableTypes {
    fn default() -> Self {
        Self {
            cat6a: CableType {
                outer_diameter_mm: 7.5,
                reel_m: 305.0,
            },
            spe: CableType {
                outer_diameter_mm: 5.0,
                reel_m: 305.0,
            },
            fiber: CableType {
                outer_diameter_mm: 6.0,
                reel_m: 305.0,
            },
        }
    }
}

impl CableTypes {
    /// The cable type of a cabled medium (`None` for wireless).
    pub fn of(&self, medium: Medium) -> Option<&CableType> {
        match medium {
            Medium::Cat6a => Some(&self.cat6a),
            Medium::Spe => Some(&self.spe),
            Medium::Fiber => Some(&self.fiber),
            Medium::Wireless => None,
        }
    }

    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// An amount per cabled medium.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PerMedium {
    /// Cat6A.
    pub cat6a: f64,
    /// Single-pair Ethernet.
    pub spe: f64,
    /// Fibre.
    pub fiber: f64,
}

impl PerMedium {
    /// The amount for a cabled medium (`None` for wireless).
    pub fn of(&self, medium: Medium) -> Option<f64> {
        match medium {
            Medium::Cat6a => Some(self.cat6a),
            Medium::Spe => Some(self.spe),
            Medium::Fiber => Some(self.fiber),
            Medium::Wireless => None,
        }
    }
}

/// Unit prices, in the project's `currency`, for the bill of materials and for comparing the
/// final-tail options. The defaults are indicative European installed-material prices (2025);
/// set the project's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PriceTable {
    /// Currency code of every price (`EUR`).
    pub currency: String,
    /// Cable per metre, by type (Cat6A 1.20, SPE 0.90, fibre 1.60).
    pub cable_per_m: PerMedium,
    /// One termination at the telecom room, by cable type: the patch-panel port with its
    /// share of the panel and the patch cord (Cat6A 45, SPE 70, fibre 95: for fibre, one
    /// duplex port); the switches are priced by their models.
    pub patch_panel_port: PerMedium,
    /// One outlet: faceplate, back box and fixing; its jacks are in `patch_panel_port` (25).
    pub outlet: f64,
    /// One IoT gateway, installed (450).
    pub gateway: f64,
    /// One Wi-Fi access point, installed (650).
    pub access_point: f64,
    /// Cable tray per metre, installed (40).
    pub tray_per_m: f64,
    /// Backbone fibre cable per metre, installed (3.50: a 12-core indoor/outdoor cable).
    pub backbone_per_m: f64,
}

impl Default for PriceTable {
    fn default() -> Self {
        Self {
            currency: "EUR".into(),
            cable_per_m: PerMedium {
                cat6a: 1.2,
                spe: 0.9,
                fiber: 1.6,
            },
            patch_panel_port: PerMedium {
                cat6a: 45.0,
                spe: 70.0,
                fiber: 95.0,
            },
            outlet: 25.0,
            gateway: 450.0,
            access_point: 650.0,
            tray_per_m: 40.0,
            backbone_per_m: 3.5,
        }
    }
}

impl PriceTable {
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// How the final-tail choice judges a device's options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct FinalTailSettings {
    /// The least link margin over the receiver's sensitivity, dB, for a wireless option to
    /// count as feasible: the fade margin that bodies, furniture and doors eat (10).
    pub fade_margin_db: f64,
}

impl Default for FinalTailSettings {
    fn default() -> Self {
        Self {
            fade_margin_db: 10.0,
        }
    }
}

impl FinalTailSettings {
    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// The client-capacity model: how many people a room holds, how many Wi-Fi clients they
/// bring, on which band, and what one radio can carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CapacitySettings {
    /// People per square metre of a room whose `people` is not given, by the room's
    /// category (IMDF's unit categories); categories not listed use
    /// `default_people_per_m2`.
    pub people_per_m2: std::collections::BTreeMap<String, f64>,
    /// People per square metre of a room without a category or of one not listed, and of a
    /// floor's area outside its rooms when it has none (0.1: an open-plan office's 10 m² a
    /// person).
    pub default_people_per_m2: f64,
    /// Wi-Fi clients each person brings (1.5: a laptop, and a phone half the time).
    pub devices_per_person: f64,
    /// Percent of the clients on each band when every band is there (2.4 GHz 10, 5 GHz 60,
    /// 6 GHz 30); a band no radio serves at a place hands its clients down to the next
    /// lower one (6 → 5 → 2.4 GHz).
    pub band_share_percent: BandShare,
    /// Airtime one client takes from its radio on a 20 MHz channel, percent (1: a client of
    /// web, mail and calls, active part of the time); a wider channel carries more in the
    /// same time, so a client takes 20/width of it there.
    pub airtime_per_client_percent: f64,
    /// The weakest signal a client associates at, dBm (−75): a place where no radio of a
    /// band reaches it has no client on that band.
    pub association_dbm: f64,
    /// The most clients one radio should serve (50); more is a finding.
    pub max_clients_per_radio: f64,
    /// The most airtime one radio's clients should take, percent (70); more is a finding.
    pub max_airtime_percent: f64,
}

/// A share per Wi-Fi band, percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BandShare {
    /// 2.4 GHz.
    #[serde(rename = "2.4")]
    pub ghz2_4: f64,
    /// 5 GHz.
    #[serde(rename = "5")]
    pub ghz5: f64,
    /// 6 GHz.
    #[serde(rename = "6")]
    pub ghz6: f64,
}

impl BandShare {
    /// The share of `band`, percent.
    pub fn of(&self, band: crate::radio::WifiBand) -> f64 {
        match band {
            crate::radio::WifiBand::Ghz2_4 => self.ghz2_4,
            crate::radio::WifiBand::Ghz5 => self.ghz5,
            crate::radio::WifiBand::Ghz6 => self.ghz6,
        }
    }
}

/// The default densities, people per m², by IMDF unit category.
pub const DEFAULT_PEOPLE_PER_M2: [(&str, f64); 12] = [
    ("auditorium", 1.0),
    ("classroom", 0.5),
    ("conferenceroom", 0.5),
    ("foodservice", 0.6),
    ("lobby", 0.3),
    ("office", 0.1),
    ("walkway", 0.05),
    ("restroom", 0.0),
    ("storage", 0.0),
    ("mechanical", 0.0),
    ("stairs", 0.0),
    ("elevator", 0.0),
];

impl Default for CapacitySettings {
    fn default() -> Self {
        Self {
            people_per_m2: DEFAULT_PEOPLE_PER_M2
                .iter()
                .map(|&(k, v)| (k.to_owned(), v))
                .collect(),
            default_people_per_m2: 0.1,
            devices_per_person: 1.5,
            band_share_percent: BandShare {
                ghz2_4: 10.0,
                ghz5: 60.0,
                ghz6: 30.0,
            },
            airtime_per_client_percent: 1.0,
            association_dbm: -75.0,
            max_clients_per_radio: 50.0,
            max_airtime_percent: 70.0,
        }
    }
}

impl CapacitySettings {
    fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// People per m² of a room of `category`.
    pub fn density(&self, category: Option<&str>) -> f64 {
        category
            .and_then(|c| self.people_per_m2.get(c))
            .copied()
            .unwrap_or(self.default_people_per_m2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_settings_fill_in_defaults() {
        let s: Settings =
            serde_json::from_str(r#"{"radio": {"path_loss_exponent": 3.0}}"#).unwrap();
        assert_eq!(s.radio.path_loss_exponent, 3.0);
        assert_eq!(s.radio.cell_m, 0.5);
        assert_eq!(s.radio.floor_loss_db.ghz5, 18.0);
        assert_eq!(s.cabling.copper_permanent_link_max_m, 90.0);
        assert_eq!(s.radio.iot_sensitivity_dbm.of(IotTech::Lorawan), -137.0);
        assert_eq!(s.cabling.cable_types.cat6a.outer_diameter_mm, 7.5);
        assert_eq!(s.cabling.patch_panel_ports, 24);
        assert_eq!(s.prices.cable_per_m.of(Medium::Spe), Some(0.9));
    }

    #[test]
    fn default_tables_are_not_written_and_changed_ones_are() {
        let mut s = Settings::default();
        let text = serde_json::to_string(&s).unwrap();
        assert!(
            !text.contains("prices") && !text.contains("cable_types"),
            "{text}"
        );
        s.prices.outlet = 30.0;
        s.cabling.cable_types.spe.outer_diameter_mm = 4.5;
        let text = serde_json::to_string(&s).unwrap();
        let back: Settings = serde_json::from_str(&text).unwrap();
        assert_eq!(back, s);
        assert!((back.cabling.cable_types.cat6a.area_mm2() - 44.18).abs() < 0.01);
    }
}
