//! The propagation model: what a transmitter is, its frequency, the log-distance path loss,
//! and which floors' transmitters reach a floor.
//!
//! For a transmitter T and a receiver point P (issue 4, exactly):
//! - f, MHz: the centre of T's channel if it has one (2.4 GHz: 2407 + 5·ch, channel 14 at
//!   2484; 5 GHz: 5000 + 5·ch; 6 GHz: 5950 + 5·ch), else 2437, 5500 or 6500 by band; LoRaWAN
//!   868; BLE, Zigbee and Thread 2440. Wall losses are taken at [`Band::of_mhz`]`(f)`.
//! - d, metres: the 3-D distance between T (its floor's elevation + its `height_m`) and P (the
//!   receiver floor's elevation + [`RadioSettings::receiver_height_m`]), at least 1 m.
//! - PL = 20·log10(f) − 27.55 + 10·n·log10(d), n = [`RadioSettings::path_loss_exponent`].
//! - EIRP towards P: the radio's `tx_dbm`, plus its antenna's gain towards P when it has one
//!   ([`crate::antenna`]: G − H(φ) − V(θ)).
//! - RSSI = EIRP − PL − (losses of the obstacles the 2-D segment T→P crosses or touches)
//!   − (the loss of every floor slab between T's floor and P's at the band: a slab of a
//!   material ([`Floor::slab_material`], from a building model) loses what a wall of it does,
//!   any other [`RadioSettings::floor_loss_db`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::antenna::{AimedAntenna, AntennaLibrary};
pub use crate::channels::channel_center_mhz;
use crate::channels::channel_overlap;
use crate::devices::{AccessPoint, Gateway, IotTech, Radio, WifiBand};
use crate::floor::Floor;
use crate::geometry::Point;
use crate::materials::{Band, BandLoss};
use crate::project::Project;
use crate::settings::RadioSettings;

/// What a heatmap is for: one Wi-Fi band, or one IoT technology's gateways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// The access points of one Wi-Fi band.
    Wifi(WifiBand),
    /// The gateways of one IoT technology.
    Iot(IotTech),
}

impl Service {
    /// `5 GHz`, `2.4 GHz`, `lorawan`...: for titles and messages.
    pub fn label(self) -> String {
        match self {
            Service::Wifi(b) => format!("{} GHz", b.as_str()),
            Service::Iot(t) => t.as_str().to_owned(),
        }
    }

    /// The band or technology a floor's maps show when none is asked for, the one rule every
    /// front end and the sheets follow: the Wi-Fi band of most of the floor's access points
    /// (5 GHz, then 6 GHz, then 2.4 GHz on a tie); on a floor without access points, the IoT
    /// technology of most of its gateways (LoRaWAN, BLE, Zigbee, Thread on a tie); `None` on
    /// a floor with neither. Wi-Fi comes first however many gateways there are: a floor with
    /// one 5 GHz access point and three LoRaWAN gateways shows 5 GHz.
    pub fn default_for(floor: &Floor) -> Option<Service> {
        let most = |counts: &mut dyn Iterator<Item = (usize, Service)>| {
            counts
                .fold(None::<(usize, Service)>, |best, (n, s)| match best {
                    Some((b, _)) if b >= n => best,
                    _ if n > 0 => Some((n, s)),
                    _ => best,
                })
                .map(|(_, s)| s)
        };
        let bands = [WifiBand::Ghz5, WifiBand::Ghz6, WifiBand::Ghz2_4].map(|b| {
            (
                floor.access_points.iter().filter(|a| a.has_band(b)).count(),
                Service::Wifi(b),
            )
        });
        let techs = IotTech::ALL.map(|t| {
            (
                floor.gateways.iter().filter(|g| g.tech == t).count(),
                Service::Iot(t),
            )
        });
        most(&mut bands.into_iter()).or_else(|| most(&mut techs.into_iter()))
    }

    /// The frequency used when a transmitter has no channel, MHz.
    pub fn default_mhz(self) -> f64 {
        match self {
            Service::Wifi(WifiBand::Ghz2_4) => 2437.0,
            Service::Wifi(WifiBand::Ghz5) => 5500.0,
            Service::Wifi(WifiBand::Ghz6) => 6500.0,
            Service::Iot(IotTech::Lorawan) => 868.0,
            Service::Iot(IotTech::Ble | IotTech::Zigbee | IotTech::Thread) => 2440.0,
        }
    }
}

/// The frequency a radio is modelled at, MHz: its channel's centre, else the band's default.
pub fn radio_frequency_mhz(radio: &Radio) -> f64 {
    match radio.channel {
        Some(ch) => channel_center_mhz(radio.band, ch),
        None => Service::Wifi(radio.band).default_mhz(),
    }
}

/// The frequency-dependent part of the path loss: 20·log10(f) − 27.55, dB.
pub fn frequency_term_db(f_mhz: f64) -> f64 {
    20.0 * f_mhz.log10() - 27.55
}

/// The log-distance path loss at `d_m` metres (clamped to at least 1 m), dB:
/// 20·log10(f) − 27.55 + 10·n·log10(d).
pub fn path_loss_db(f_mhz: f64, d_m: f64, exponent: f64) -> f64 {
    path_loss_d2(frequency_term_db(f_mhz), exponent, d_m * d_m)
}

/// The path loss from the squared distance: `fterm + 5·n·log10(max(d², 1))`, which is
/// 10·n·log10(max(d, 1)) without the square root, with log10(x) taken as ln(x)·log10(e)
/// (one libm call instead of two). Every code path (oracle, fast path, links) goes through
/// this one function so that they agree to the bit.
#[inline]
pub(crate) fn path_loss_d2(fterm: f64, exponent: f64, d2: f64) -> f64 {
    fterm + 5.0 * exponent * std::f64::consts::LOG10_E * d2.max(1.0).ln()
}

/// The received power, dBm: `eirp − pl − obstacles − slabs`, evaluated left to right. Shared by
/// every code path.
#[inline]
pub(crate) fn rssi_dbm(eirp_dbm: f64, pl_db: f64, obstacles_db: f64, slabs_db: f64) -> f64 {
    eirp_dbm - pl_db - obstacles_db - slabs_db
}

/// A transmitter as the model sees it: a radio of an access point, or a gateway, placed in 3-D.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transmitter {
    /// The element's id.
    pub id: String,
    /// The element's name.
    pub name: String,
    /// Which of the access point's radios ([`AccessPoint::effective_radios`]) it is; 0 for a
    /// gateway.
    pub radio: usize,
    /// The id of the floor it is on.
    pub floor: String,
    /// The Wi-Fi band or IoT technology.
    pub service: Service,
    /// The Wi-Fi channel, if assigned (gateways have none).
    pub channel: Option<u32>,
    /// The channel width, MHz (20 for gateways).
    pub width_mhz: u32,
    /// Its plan position.
    pub position: Point,
    /// Its height above the building's datum: the floor's elevation plus its `height_m`.
    pub z_m: f64,
    /// EIRP without an antenna, else the power into the antenna, dBm (an access point's
    /// calibrated `eirp_offset_db` included).
    pub tx_dbm: f64,
    /// Its antenna, if it has one whose pattern the project or the built-in library holds.
    #[serde(skip)]
    pub antenna: Option<AimedAntenna>,
    /// The modelled frequency, MHz.
    pub f_mhz: f64,
}

impl Transmitter {
    /// The radio `index` of the access point `ap` (one of its [`AccessPoint::effective_radios`])
    /// on `floor`, its antenna's pattern looked up in `antennas` (an unknown pattern radiates
    /// equally, as validation warns).
    pub fn from_radio(
        ap: &AccessPoint,
        index: usize,
        radio: &Radio,
        floor: &Floor,
        antennas: &AntennaLibrary,
    ) -> Self {
        let antenna = radio.antenna.as_ref().and_then(|mount| {
            antennas
                .get(&mount.pattern)
                .map(|p| AimedAntenna::new(Arc::new(p.clone()), mount))
        });
        Self {
            id: ap.id.clone(),
            name: ap.name.clone(),
            radio: index,
            floor: floor.id.clone(),
            service: Service::Wifi(radio.band),
            channel: radio.channel,
            width_mhz: radio.width_mhz,
            position: ap.position,
            z_m: floor.elevation_m + ap.height_m,
            tx_dbm: radio.tx_dbm + ap.eirp_offset_db.unwrap_or(0.0),
            antenna,
            f_mhz: radio_frequency_mhz(radio),
        }
    }

    /// Every radio of `ap` on `band`, as transmitters.
    pub fn of_ap(
        ap: &AccessPoint,
        band: WifiBand,
        floor: &Floor,
        antennas: &AntennaLibrary,
    ) -> Vec<Self> {
        ap.effective_radios()
            .iter()
            .enumerate()
            .filter(|(_, r)| r.band == band)
            .map(|(i, r)| Self::from_radio(ap, i, r, floor, antennas))
            .collect()
    }

    /// A gateway on `floor`.
    pub fn from_gateway(gw: &Gateway, floor: &Floor) -> Self {
        Self {
            id: gw.id.clone(),
            name: gw.name.clone(),
            radio: 0,
            floor: floor.id.clone(),
            service: Service::Iot(gw.tech),
            channel: None,
            width_mhz: 20,
            position: gw.position,
            z_m: floor.elevation_m + gw.height_m,
            tx_dbm: gw.tx_dbm,
            antenna: None,
            f_mhz: Service::Iot(gw.tech).default_mhz(),
        }
    }

    /// The band its obstacle and slab losses are taken at.
    pub fn band(&self) -> Band {
        Band::of_mhz(self.f_mhz)
    }

    /// How much `other` interferes with it, 0 to 1: the overlap of their channels' spectra
    /// ([`channel_overlap`]); transmitters without a channel, gateways and other bands share
    /// nothing.
    pub fn channel_overlap_with(&self, other: &Transmitter) -> f64 {
        match (self.service, other.service) {
            (Service::Wifi(a), Service::Wifi(b)) => channel_overlap(
                (a, self.channel, self.width_mhz),
                (b, other.channel, other.width_mhz),
            ),
            _ => 0.0,
        }
    }
}

/// Which floors' transmitters a floor's heatmap takes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FloorScope {
    /// Only the floor's own transmitters.
    Own,
    /// The floor's own and those of the floors directly above and below (the default).
    #[default]
    Adjacent,
    /// Every floor's.
    All,
}

impl FloorScope {
    fn reaches(self, slabs: usize) -> bool {
        match self {
            FloorScope::Own => slabs == 0,
            FloorScope::Adjacent => slabs <= 1,
            FloorScope::All => true,
        }
    }
}

/// Each floor's rank in elevation order within its building (lowest 0; floors at the same
/// elevation keep the project's order). The number of slabs between two floors of a building
/// is the difference of their ranks; the buildings of a campus are ranked apart.
pub fn floor_ranks(project: &Project) -> HashMap<&str, usize> {
    let mut order: Vec<usize> = (0..project.floors.len()).collect();
    order.sort_by(|&a, &b| {
        let (fa, fb) = (&project.floors[a], &project.floors[b]);
        fa.building
            .cmp(&fb.building)
            .then(fa.elevation_m.total_cmp(&fb.elevation_m))
            .then(a.cmp(&b))
    });
    let mut ranks = HashMap::with_capacity(order.len());
    let mut rank = 0;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 && project.floors[order[k - 1]].building != project.floors[i].building {
            rank = 0;
        }
        ranks.insert(project.floors[i].id.as_str(), rank);
        rank += 1;
    }
    ranks
}

/// A transmitter that reaches a receiver floor, with the slabs between them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reaching {
    /// The transmitter.
    pub transmitter: Transmitter,
    /// Floor slabs between the transmitter's floor and the receiver's.
    pub slabs: usize,
    /// Their losses added up, per band, dB.
    pub slab_loss_db: BandLoss,
}

/// The loss of the slab under `floor`: its material's, else the settings' floor loss.
fn slab_loss(project: &Project, floor: &Floor) -> BandLoss {
    floor
        .slab_material
        .as_deref()
        .and_then(|m| project.materials.get(m))
        .map_or(project.settings.radio.floor_loss_db, |m| m.loss_db)
}

/// The transmitters of `service` that `scope` lets reach the floor `receiver`: the floor's own
/// first, in element order, then those of the other floors of its building in elevation order
/// (a campus's other buildings are out of reach: their outer walls and the distance are not
/// modelled, and their signal inside is negligible next to the building's own).
pub fn transmitters_reaching(
    project: &Project,
    receiver: &Floor,
    service: Service,
    scope: FloorScope,
) -> Vec<Reaching> {
    let ranks = floor_ranks(project);
    let rank_of = |f: &Floor| ranks.get(f.id.as_str()).copied().unwrap_or(0);
    let rx_rank = rank_of(receiver);
    let mut floors: Vec<&Floor> = project
        .floors
        .iter()
        .filter(|f| f.building == receiver.building)
        .collect();
    floors.sort_by_key(|f| (f.id != receiver.id, rank_of(f)));
    // The slab under each rank (the floors of one rank share the first one's).
    let mut under: BTreeMap<usize, BandLoss> = BTreeMap::new();
    for f in project
        .floors
        .iter()
        .filter(|f| f.building == receiver.building)
    {
        under
            .entry(rank_of(f))
            .or_insert_with(|| slab_loss(project, f));
    }
    let mut out = Vec::new();
    for floor in floors {
        let slabs = rank_of(floor).abs_diff(rx_rank);
        if !scope.reaches(slabs) {
            continue;
        }
        // Crossing from rank a to rank b passes the slabs under ranks a+1 ..= b.
        let (lo, hi) = (rank_of(floor).min(rx_rank), rank_of(floor).max(rx_rank));
        let slab_loss_db = if lo == hi {
            BandLoss::ZERO
        } else {
            under
                .range(lo + 1..=hi)
                .fold(BandLoss::ZERO, |sum, (_, l)| sum.plus(l))
        };
        let found = match service {
            Service::Wifi(band) => floor
                .access_points
                .iter()
                .flat_map(|ap| Transmitter::of_ap(ap, band, floor, &project.antennas))
                .collect::<Vec<_>>(),
            Service::Iot(tech) => floor
                .gateways
                .iter()
                .filter(|g| g.tech == tech)
                .map(|g| Transmitter::from_gateway(g, floor))
                .collect(),
        };
        out.extend(found.into_iter().map(|transmitter| Reaching {
            transmitter,
            slabs,
            slab_loss_db,
        }));
    }
    out
}

/// Everything about a transmitter and a receiver floor that a field depends on, besides the
/// obstacles and the grid: the inputs of one per-transmitter computation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Link {
    /// Transmitter plan position.
    pub t: Point,
    /// z_T − z_receiver: how far the receivers are below the transmitter, metres.
    pub dz: f64,
    /// (z_T − z_receiver)².
    pub dz2: f64,
    /// EIRP without an antenna, else the power into it, dBm.
    pub tx_dbm: f64,
    /// The antenna, if any.
    pub antenna: Option<AimedAntenna>,
    /// 20·log10(f) − 27.55.
    pub fterm: f64,
    /// Path-loss exponent.
    pub exponent: f64,
    /// The band of obstacle losses.
    pub band: Band,
    /// The slabs' loss at the band, dB.
    pub slabs_db: f64,
}

impl Link {
    /// The link from `r.transmitter` to receivers at height `rx_z_m` on a floor `r.slabs` away.
    pub fn new(r: &Reaching, rx_z_m: f64, radio: &RadioSettings) -> Self {
        let t = &r.transmitter;
        let band = t.band();
        let dz = t.z_m - rx_z_m;
        Self {
            t: t.position,
            dz,
            dz2: dz * dz,
            tx_dbm: t.tx_dbm,
            antenna: t.antenna.clone(),
            fterm: frequency_term_db(t.f_mhz),
            exponent: radio.path_loss_exponent,
            band,
            slabs_db: r.slab_loss_db.at(band),
        }
    }

    /// The EIRP towards a receiver `dx`, `dy` metres away in plan, dBm: `tx_dbm`, plus the
    /// antenna's gain towards it. Shared by every code path.
    #[inline]
    pub fn eirp_towards(&self, dx: f64, dy: f64) -> f64 {
        match &self.antenna {
            None => self.tx_dbm,
            Some(a) => self.tx_dbm + a.gain_towards_db(dx, dy, self.dz),
        }
    }

    /// The RSSI at `p` given the obstacle losses on the way, dBm.
    #[inline]
    pub fn rssi_at(&self, p: Point, obstacles_db: f64) -> f64 {
        let dx = p.x - self.t.x;
        let dy = p.y - self.t.y;
        let d2 = dx * dx + dy * dy + self.dz2;
        rssi_dbm(
            self.eirp_towards(dx, dy),
            path_loss_d2(self.fterm, self.exponent, d2),
            obstacles_db,
            self.slabs_db,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_to_frequency() {
        assert_eq!(channel_center_mhz(WifiBand::Ghz2_4, 1), 2412.0);
        assert_eq!(channel_center_mhz(WifiBand::Ghz2_4, 6), 2437.0);
        assert_eq!(channel_center_mhz(WifiBand::Ghz2_4, 14), 2484.0);
        assert_eq!(channel_center_mhz(WifiBand::Ghz5, 36), 5180.0);
        assert_eq!(channel_center_mhz(WifiBand::Ghz5, 149), 5745.0);
        assert_eq!(channel_center_mhz(WifiBand::Ghz6, 1), 5955.0);
        assert_eq!(channel_center_mhz(WifiBand::Ghz6, 37), 6135.0);
        assert_eq!(
            Band::of_mhz(channel_center_mhz(WifiBand::Ghz6, 1)),
            Band::Ghz6
        );
        assert_eq!(Service::Wifi(WifiBand::Ghz5).default_mhz(), 5500.0);
        assert_eq!(Service::Iot(IotTech::Lorawan).default_mhz(), 868.0);
        assert_eq!(Band::of_mhz(868.0), Band::SubGhz);
        assert_eq!(Service::Iot(IotTech::Thread).default_mhz(), 2440.0);
    }

    #[test]
    fn the_default_service_is_wifi_first() {
        use crate::devices::{AccessPoint, Gateway};
        let ap = |id: &str, band| {
            AccessPoint::one_radio(id, id, Point::new(0.0, 0.0), Radio::new(band, 20.0))
        };
        let gw = |id: &str, tech| Gateway {
            id: id.into(),
            name: id.into(),
            position: Point::new(0.0, 0.0),
            tech,
            tx_dbm: 14.0,
            height_m: 2.5,
            props: Default::default(),
        };
        let mut f = Floor::new("1", "L1", 0.0);
        assert_eq!(Service::default_for(&f), None);
        for (i, t) in [
            IotTech::Lorawan,
            IotTech::Lorawan,
            IotTech::Lorawan,
            IotTech::Ble,
        ]
        .into_iter()
        .enumerate()
        {
            f.gateways.push(gw(&format!("g{i}"), t));
        }
        assert_eq!(
            Service::default_for(&f),
            Some(Service::Iot(IotTech::Lorawan))
        );
        // One 5 GHz access point beside three LoRaWAN gateways: Wi-Fi 5 GHz.
        f.access_points.push(ap("a", WifiBand::Ghz5));
        assert_eq!(
            Service::default_for(&f),
            Some(Service::Wifi(WifiBand::Ghz5))
        );
        // Most access points win; a tie goes to 5, then 6, then 2.4 GHz.
        f.access_points.push(ap("b", WifiBand::Ghz2_4));
        assert_eq!(
            Service::default_for(&f),
            Some(Service::Wifi(WifiBand::Ghz5))
        );
        f.access_points.push(ap("c", WifiBand::Ghz2_4));
        assert_eq!(
            Service::default_for(&f),
            Some(Service::Wifi(WifiBand::Ghz2_4))
        );
        f.access_points.retain(|a| !a.has_band(WifiBand::Ghz5));
        f.access_points.push(ap("d", WifiBand::Ghz6));
        f.access_points.push(ap("e", WifiBand::Ghz6));
        assert_eq!(
            Service::default_for(&f),
            Some(Service::Wifi(WifiBand::Ghz6))
        );
    }

    #[test]
    fn free_space_path_loss() {
        // FSPL at 1 m and 5500 MHz: 20·log10(5500) − 27.55 = 47.256...
        let pl = path_loss_db(5500.0, 1.0, 2.0);
        assert!((pl - 47.2569).abs() < 1e-3, "{pl}");
        // Each decade of distance adds 10·n dB; below 1 m nothing changes.
        assert!((path_loss_db(5500.0, 10.0, 2.0) - pl - 20.0).abs() < 1e-9);
        assert!((path_loss_db(5500.0, 10.0, 3.0) - pl - 30.0).abs() < 1e-9);
        assert_eq!(path_loss_db(5500.0, 0.3, 2.0), pl);
    }

    #[test]
    fn ranks_follow_elevation() {
        let mut p = Project::new();
        p.floors.push(Floor::new("b", "B", 3.5));
        p.floors.push(Floor::new("a", "A", 0.0));
        p.floors.push(Floor::new("c", "C", 7.0));
        let r = floor_ranks(&p);
        assert_eq!((r["a"], r["b"], r["c"]), (0, 1, 2));
    }
}
