//! Automatic placement: proposals of access point and gateway positions (not edits: the
//! caller decides what to apply).
//!
//! Both are greedy set covers over candidate positions, which is deterministic and within a
//! small factor of the fewest:
//! - candidates: a lattice of `spacing_m` over the floor's plan, kept where it falls in the
//!   floor's [`FloorArea`] (a room; on a floor without rooms the building's interior found
//!   from its walls; anywhere only when they enclose nothing) and at least `wall_clearance_m`
//!   from every wall
//!   (found through the wall R-tree), mounted at the ceiling unless a height is given;
//! - each round adds the candidate that serves the most still-unserved demand (lazily
//!   re-evaluated; equal gains go to the candidate with the stronger signal over its demand,
//!   then to the first in row-major order), until the target is
//!   met or nothing more can be gained; then every chosen position whose removal keeps the
//!   target met is dropped, latest first.
//!
//! Access points: the demand is the floor's area (its rooms, else its interior) on a grid of `cell_m` (1 m by default): each
//! cell wants one access point at or above `target_dbm` (two with secondary coverage), on
//! `coverage_percent` of the area (and `secondary_percent` for two). Candidates are
//! evaluated at the band's default frequency; channels are then assigned in order, each
//! access point taking the channel on which it hears the least power from those already
//! assigned (the same propagation model between the access points), so neighbours get
//! different channels; the achieved coverage is computed with those channels.
//!
//! Gateways: the demand is the floor's devices of the technology; a gateway serves a device
//! when the link margin (RSSI at the device minus the sensitivity) is at least `margin_db`.

use schemars::JsonSchema;
use serde::Serialize;

use crate::devices::{AccessPoint, IotTech, Radio, WifiBand};
use crate::floor::Floor;
use crate::geometry::{BBox, Point};
use crate::project::Project;

use super::CoverageError;
use super::area::FloorArea;
use super::engine::{CoverageEngine, CoverageRequest};
use super::grid::{DEFAULT_MAX_CELLS, Grid};
use super::maps::mw;
use super::model::{FloorScope, Link, Reaching, Service, Transmitter, channel_center_mhz};
use super::obstacles::Obstacles;
use super::shadow::Scratch;

/// The channels tried by default: 2.4 GHz 1, 6, 11; 5 GHz the 20 MHz channels of UNII-1, 2
/// and 2e (36 to 64, 100 to 140); 6 GHz the preferred scanning channels.
pub fn default_channels(band: WifiBand) -> Vec<u32> {
    match band {
        WifiBand::Ghz2_4 => vec![1, 6, 11],
        WifiBand::Ghz5 => [36, 40, 44, 48, 52, 56, 60, 64]
            .into_iter()
            .chain((100..=140).step_by(4))
            .collect(),
        WifiBand::Ghz6 => (5..=229).step_by(16).collect(),
    }
}

/// What to aim for when placing access points.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ApPlacementOptions {
    /// The band (5 GHz by default).
    pub band: WifiBand,
    /// The RSSI a cell needs, dBm (−67).
    pub target_dbm: f64,
    /// Percent of the room area that must reach it (95).
    pub coverage_percent: f64,
    /// Whether two access points are wanted at the target.
    pub secondary: bool,
    /// Percent of the area that must hear two at the target, with `secondary` (85).
    pub secondary_percent: f64,
    /// EIRP of the proposed access points, dBm (20).
    pub tx_dbm: f64,
    /// Mounting height, metres; `None` for the floor's ceiling.
    pub height_m: Option<f64>,
    /// Distance between candidate positions, metres (2).
    pub spacing_m: f64,
    /// Cell side of the demand grid, metres (1).
    pub cell_m: f64,
    /// The grid-cell limit of the demand grid ([`DEFAULT_MAX_CELLS`]); a limit of the
    /// machine, not of the design, so not part of the proposal's JSON.
    #[serde(skip)]
    pub max_cells: usize,
    /// Smallest distance from a candidate to a wall, metres (0.3).
    pub wall_clearance_m: f64,
    /// Whether the floor's access points of the band stay and count (else the proposal
    /// replaces them).
    pub keep_existing: bool,
    /// The most access points to propose (200).
    pub max_aps: usize,
    /// The channels to assign; `None` for [`default_channels`].
    pub channels: Option<Vec<u32>>,
}

impl Default for ApPlacementOptions {
    fn default() -> Self {
        Self {
            band: WifiBand::Ghz5,
            target_dbm: -67.0,
            coverage_percent: 95.0,
            secondary: false,
            secondary_percent: 85.0,
            tx_dbm: 20.0,
            height_m: None,
            spacing_m: 2.0,
            cell_m: 1.0,
            max_cells: DEFAULT_MAX_CELLS,
            wall_clearance_m: 0.3,
            keep_existing: false,
            max_aps: 200,
            channels: None,
        }
    }
}

/// One proposed access point.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProposedAp {
    /// A free id for it.
    pub id: String,
    /// A name.
    pub name: String,
    /// Where to mount it.
    pub position: Point,
    /// Mounting height, metres.
    pub height_m: f64,
    /// Its band.
    pub band: WifiBand,
    /// The channel assigned.
    pub channel: u32,
    /// EIRP, dBm.
    pub tx_dbm: f64,
    /// The strongest access point on an overlapping channel as heard at its position, dBm.
    pub co_channel_dbm: Option<f64>,
}

impl ProposedAp {
    /// The access point it proposes: one radio on its band and channel, 20 MHz wide, without
    /// an antenna.
    pub fn access_point(&self) -> AccessPoint {
        let mut ap = AccessPoint::one_radio(
            &self.id,
            &self.name,
            self.position,
            Radio {
                channel: Some(self.channel),
                ..Radio::new(self.band, self.tx_dbm)
            },
        );
        ap.height_m = self.height_m;
        ap
    }
}

/// The coverage a proposal achieves over the room area.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Achieved {
    /// Demand cells.
    pub cells: usize,
    /// Percent at or above the target by the best access point.
    pub percent: f64,
    /// Percent at or above the target by the second best.
    pub secondary_percent: f64,
    /// Whether the targets are met.
    pub target_met: bool,
}

/// Proposed access points for a floor.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ApPlacement {
    /// The floor's id.
    pub floor: String,
    /// What was aimed for.
    pub options: ApPlacementOptions,
    /// The access points to add, in the order chosen.
    pub proposals: Vec<ProposedAp>,
    /// The existing access points counted (with `keep_existing`).
    pub kept: Vec<String>,
    /// Candidate positions considered.
    pub candidates: usize,
    /// The coverage with the proposals (and the kept access points).
    pub achieved: Achieved,
}

/// What to aim for when placing gateways.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GatewayPlacementOptions {
    /// The technology.
    pub tech: IotTech,
    /// The link margin every device needs, dB (10).
    pub margin_db: f64,
    /// EIRP, dBm; `None` for the technology's default.
    pub tx_dbm: Option<f64>,
    /// Mounting height, metres; `None` for the floor's ceiling.
    pub height_m: Option<f64>,
    /// Distance between candidate positions, metres (2).
    pub spacing_m: f64,
    /// Smallest distance from a candidate to a wall, metres (0.3).
    pub wall_clearance_m: f64,
    /// Whether the floor's gateways of the technology stay and count.
    pub keep_existing: bool,
    /// The most gateways to propose (100).
    pub max_gateways: usize,
}

impl GatewayPlacementOptions {
    /// The defaults for `tech`.
    pub fn new(tech: IotTech) -> Self {
        Self {
            tech,
            margin_db: 10.0,
            tx_dbm: None,
            height_m: None,
            spacing_m: 2.0,
            wall_clearance_m: 0.3,
            keep_existing: false,
            max_gateways: 100,
        }
    }
}

/// One proposed gateway.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProposedGateway {
    /// A free id for it.
    pub id: String,
    /// A name.
    pub name: String,
    /// Where to mount it.
    pub position: Point,
    /// Mounting height, metres.
    pub height_m: f64,
    /// Its technology.
    pub tech: IotTech,
    /// EIRP, dBm.
    pub tx_dbm: f64,
    /// The devices it reaches with the margin.
    pub devices: Vec<String>,
}

/// Proposed gateways for a floor.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GatewayPlacement {
    /// The floor's id.
    pub floor: String,
    /// What was aimed for.
    pub options: GatewayPlacementOptions,
    /// The gateways to add, in the order chosen.
    pub proposals: Vec<ProposedGateway>,
    /// The existing gateways counted (with `keep_existing`).
    pub kept: Vec<String>,
    /// Candidate positions considered.
    pub candidates: usize,
    /// Devices of the technology on the floor.
    pub devices: usize,
    /// Devices reached with the margin.
    pub reached: usize,
    /// Devices no candidate position reaches with the margin.
    pub unreachable: Vec<String>,
    /// Whether every device that can be reached is.
    pub target_met: bool,
}

/// Candidate positions on a floor: a lattice in its area (its rooms, else its building's
/// interior), clear of walls.
fn candidates(
    floor: &Floor,
    area: &FloorArea,
    bbox: BBox,
    spacing_m: f64,
    clearance_m: f64,
) -> Vec<Point> {
    let spacing = if spacing_m.is_finite() && spacing_m > 0.0 {
        spacing_m.max(bbox.width().max(bbox.height()) / 2000.0)
    } else {
        2.0
    };
    let cols = (bbox.width() / spacing).ceil().max(1.0) as usize;
    let rows = (bbox.height() / spacing).ceil().max(1.0) as usize;
    let mut out = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            let p = Point::new(
                bbox.min.x + (c as f64 + 0.5) * spacing,
                bbox.min.y + (r as f64 + 0.5) * spacing,
            );
            if area.contains(floor, p) && floor.walls.nearest_segment(p, clearance_m).is_none() {
                out.push(p);
            }
        }
    }
    out
}

/// A set of demand items, as bits.
#[derive(Debug, Clone)]
struct Bits(Vec<u64>);

impl Bits {
    fn new(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |b| word & (1 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}

/// The greedy cover: demand items each wanting `need` servers; `done` says when the counts
/// suffice. Equal gains go to the higher `score` (a candidate's fixed quality, at least 0),
/// then to the first candidate. Returns the chosen candidates in order and the final counts.
fn greedy_cover(
    covers: &[Bits],
    scores: &[f64],
    mut counts: Vec<u8>,
    need: u8,
    max: usize,
    done: &dyn Fn(&[u8]) -> bool,
) -> (Vec<usize>, Vec<u8>) {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let gain = |j: usize, counts: &[u8]| covers[j].ones().filter(|&i| counts[i] < need).count();
    // Non-negative floats order like their bits.
    let score = |j: usize| scores[j].max(0.0).to_bits();
    let mut heap: BinaryHeap<(usize, u64, Reverse<usize>)> = (0..covers.len())
        .map(|j| (gain(j, &counts), score(j), Reverse(j)))
        .collect();
    let mut chosen = Vec::new();
    while !done(&counts) && chosen.len() < max {
        let Some((_, _, Reverse(j))) = heap.pop() else {
            break;
        };
        let g = gain(j, &counts);
        if g == 0 {
            continue;
        }
        let key = (g, score(j), Reverse(j));
        if let Some(&top) = heap.peek()
            && key < top
        {
            heap.push(key);
            continue;
        }
        for i in covers[j].ones() {
            counts[i] = counts[i].saturating_add(1);
        }
        chosen.push(j);
    }
    // Drop what the target does not need, latest first.
    let mut k = chosen.len();
    while k > 0 {
        k -= 1;
        let j = chosen[k];
        let mut without = counts.clone();
        for i in covers[j].ones() {
            without[i] -= 1;
        }
        if done(&without) {
            counts = without;
            chosen.remove(k);
        }
    }
    (chosen, counts)
}

fn percent(k: usize, n: usize) -> f64 {
    if n == 0 {
        100.0
    } else {
        100.0 * k as f64 / n as f64
    }
}

/// Proposes access point positions and channels for the floor `floor_id`.
pub fn place_aps(
    project: &Project,
    floor_id: &str,
    options: &ApPlacementOptions,
) -> Result<ApPlacement, CoverageError> {
    let floor = project
        .floor(floor_id)
        .ok_or_else(|| CoverageError::UnknownFloor(floor_id.to_owned()))?;
    let radio = &project.settings.radio;
    let grid = Grid::for_floor(floor, options.cell_m, options.max_cells)?;
    let obstacles = Obstacles::of_floor(floor, &project.materials);
    let area = FloorArea::of(floor, radio);
    let demand = area.cells(&grid, floor);
    let height = options.height_m.unwrap_or(floor.ceiling_m);
    let service = Service::Wifi(options.band);
    let rx_z = floor.elevation_m + radio.receiver_height_m;
    let mut scratch = Scratch::default();
    let covered = |t: &Transmitter, scratch: &mut Scratch| -> (Bits, f64) {
        let link = Link::new(
            &Reaching {
                transmitter: t.clone(),
                slabs: 0,
                slab_loss_db: crate::materials::BandLoss::ZERO,
            },
            rx_z,
            radio,
        );
        let values = super::field::values(&grid, &obstacles, &link, super::Method::Shadow, scratch);
        let mut bits = Bits::new(demand.len());
        let mut score = 0.0;
        for (k, &i) in demand.iter().enumerate() {
            let above = f64::from(values[i]) - options.target_dbm;
            if above >= 0.0 {
                bits.set(k);
                score += above.min(20.0);
            }
        }
        (bits, score)
    };
    let candidate = |p: Point| Transmitter {
        id: String::new(),
        name: String::new(),
        radio: 0,
        floor: floor.id.clone(),
        service,
        channel: None,
        width_mhz: 20,
        position: p,
        z_m: floor.elevation_m + height,
        tx_dbm: options.tx_dbm,
        antenna: None,
        f_mhz: service.default_mhz(),
    };
    let positions = candidates(
        floor,
        &area,
        grid.bbox,
        options.spacing_m,
        options.wall_clearance_m,
    );
    let (covers, scores): (Vec<Bits>, Vec<f64>) = positions
        .iter()
        .map(|&p| covered(&candidate(p), &mut scratch))
        .unzip();
    let existing: Vec<&crate::devices::AccessPoint> = floor
        .access_points
        .iter()
        .filter(|ap| options.keep_existing && ap.has_band(options.band))
        .collect();
    let need: u8 = if options.secondary { 2 } else { 1 };
    let mut counts = vec![0u8; demand.len()];
    for ap in &existing {
        // An access point with two radios on the band serves a cell once.
        let mut served = Bits::new(demand.len());
        for t in Transmitter::of_ap(ap, options.band, floor, &project.antennas) {
            for i in covered(&t, &mut scratch).0.ones() {
                served.set(i);
            }
        }
        for i in served.ones() {
            counts[i] = counts[i].saturating_add(1);
        }
    }
    let n = demand.len();
    let done = |counts: &[u8]| {
        let one = counts.iter().filter(|&&c| c >= 1).count();
        let two = counts.iter().filter(|&&c| c >= 2).count();
        percent(one, n) >= options.coverage_percent
            && (!options.secondary || percent(two, n) >= options.secondary_percent)
    };
    let (chosen, _) = greedy_cover(&covers, &scores, counts, need, options.max_aps, &done);

    // Channels, in order: the least co-channel power from those already assigned.
    let channels = options
        .channels
        .clone()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| default_channels(options.band));
    let mut ids = project.id_allocator();
    let mut assigned: Vec<Transmitter> = existing
        .iter()
        .flat_map(|ap| Transmitter::of_ap(ap, options.band, floor, &project.antennas))
        .filter(|t| t.channel.is_some())
        .collect();
    let mut proposals = Vec::new();
    for &j in &chosen {
        let p = positions[j];
        let heard = |other: &Transmitter| {
            let link = Link::new(
                &Reaching {
                    transmitter: other.clone(),
                    slabs: 0,
                    slab_loss_db: crate::materials::BandLoss::ZERO,
                },
                floor.elevation_m + height,
                radio,
            );
            let loss = obstacles.loss_between(&floor.walls, link.band, link.t, p);
            link.rssi_at(p, loss)
        };
        let heard_on: Vec<(&Transmitter, f64)> = assigned.iter().map(|o| (o, heard(o))).collect();
        let mut t = candidate(p);
        // The power heard from the radios whose channel overlaps `channel`, weighted by the
        // overlap, mW; and the strongest of them, dBm.
        let on = |t: &Transmitter| {
            heard_on
                .iter()
                .map(|&(o, dbm)| (t.channel_overlap_with(o), dbm))
                .filter(|&(share, _)| share > 0.0)
                .fold((0.0, None::<f64>), |(sum, max), (share, dbm)| {
                    (sum + share * mw(dbm), Some(max.map_or(dbm, |m| m.max(dbm))))
                })
        };
        let (channel, _) = channels
            .iter()
            .map(|&c| {
                t.channel = Some(c);
                (c, on(&t).0)
            })
            .fold((channels[0], f64::INFINITY), |best, x| {
                if x.1 < best.1 { x } else { best }
            });
        t.channel = Some(channel);
        let co_channel_dbm = on(&t).1;
        let id = ids.next("ap");
        t.f_mhz = channel_center_mhz(options.band, channel);
        t.id = id.clone();
        assigned.push(t);
        proposals.push(ProposedAp {
            name: id.to_uppercase(),
            id,
            position: p,
            height_m: height,
            band: options.band,
            channel,
            tx_dbm: options.tx_dbm,
            co_channel_dbm,
        });
    }

    // What the proposal achieves, with its channels.
    let mut trial = project.clone();
    let f = trial.floor_mut(floor_id).expect("the floor exists");
    f.access_points
        .retain(|ap| !ap.has_band(options.band) || options.keep_existing);
    f.access_points
        .extend(proposals.iter().map(ProposedAp::access_point));
    let mut request = CoverageRequest::new(floor_id, service);
    request.cell_m = Some(options.cell_m);
    request.scope = FloorScope::Own;
    let mut engine = CoverageEngine::new();
    engine.set_max_cells(options.max_cells);
    let maps = engine.heatmaps(&trial, &request)?;
    let one = demand
        .iter()
        .filter(|&&i| f64::from(maps.best_rssi_dbm[i]) >= options.target_dbm)
        .count();
    let two = demand
        .iter()
        .filter(|&&i| f64::from(maps.second_rssi_dbm[i]) >= options.target_dbm)
        .count();
    let achieved = Achieved {
        cells: n,
        percent: percent(one, n),
        secondary_percent: percent(two, n),
        target_met: percent(one, n) >= options.coverage_percent
            && (!options.secondary || percent(two, n) >= options.secondary_percent),
    };
    Ok(ApPlacement {
        floor: floor.id.clone(),
        options: options.clone(),
        proposals,
        kept: existing.iter().map(|ap| ap.id.clone()).collect(),
        candidates: positions.len(),
        achieved,
    })
}

/// Proposes gateway positions for the floor's devices of one technology.
pub fn place_gateways(
    project: &Project,
    floor_id: &str,
    options: &GatewayPlacementOptions,
) -> Result<GatewayPlacement, CoverageError> {
    let floor = project
        .floor(floor_id)
        .ok_or_else(|| CoverageError::UnknownFloor(floor_id.to_owned()))?;
    let radio = &project.settings.radio;
    let bbox = floor
        .plan_bbox()
        .ok_or_else(|| CoverageError::EmptyFloor(floor.id.clone()))?;
    let obstacles = Obstacles::of_floor(floor, &project.materials);
    let tech = options.tech;
    let service = Service::Iot(tech);
    let sensitivity = radio.iot_sensitivity_dbm.of(tech);
    let devices: Vec<&crate::devices::Device> = floor
        .devices
        .iter()
        .filter(|d| d.tech == Some(tech))
        .collect();
    let height = options.height_m.unwrap_or(floor.ceiling_m);
    let tx = options.tx_dbm.unwrap_or(tech.default_tx_dbm());
    let serves = |t: &Transmitter| -> (Bits, f64) {
        let mut bits = Bits::new(devices.len());
        let mut score = 0.0;
        for (k, d) in devices.iter().enumerate() {
            let link = Link::new(
                &Reaching {
                    transmitter: t.clone(),
                    slabs: 0,
                    slab_loss_db: crate::materials::BandLoss::ZERO,
                },
                floor.elevation_m + d.height_m,
                radio,
            );
            let loss = obstacles.loss_between(&floor.walls, link.band, link.t, d.position);
            let margin = link.rssi_at(d.position, loss) - sensitivity;
            if margin >= options.margin_db {
                bits.set(k);
                score += (margin - options.margin_db).min(20.0);
            }
        }
        (bits, score)
    };
    let candidate = |p: Point| Transmitter {
        id: String::new(),
        name: String::new(),
        radio: 0,
        floor: floor.id.clone(),
        service,
        channel: None,
        width_mhz: 20,
        position: p,
        z_m: floor.elevation_m + height,
        tx_dbm: tx,
        antenna: None,
        f_mhz: service.default_mhz(),
    };
    let positions = if devices.is_empty() {
        Vec::new()
    } else {
        let area = FloorArea::of(floor, radio);
        candidates(
            floor,
            &area,
            bbox,
            options.spacing_m,
            options.wall_clearance_m,
        )
    };
    let (covers, scores): (Vec<Bits>, Vec<f64>) =
        positions.iter().map(|&p| serves(&candidate(p))).unzip();
    let mut reachable = Bits::new(devices.len());
    for c in &covers {
        for i in c.ones() {
            reachable.set(i);
        }
    }
    let existing: Vec<&crate::devices::Gateway> = floor
        .gateways
        .iter()
        .filter(|g| options.keep_existing && g.tech == tech)
        .collect();
    let mut counts = vec![0u8; devices.len()];
    for g in &existing {
        for i in serves(&Transmitter::from_gateway(g, floor)).0.ones() {
            counts[i] = 1;
            reachable.set(i);
        }
    }
    let done = |counts: &[u8]| (0..counts.len()).all(|i| counts[i] >= 1 || !reachable.get(i));
    let (chosen, counts) = greedy_cover(&covers, &scores, counts, 1, options.max_gateways, &done);
    let mut ids = project.id_allocator();
    let proposals: Vec<ProposedGateway> = chosen
        .iter()
        .map(|&j| {
            let id = ids.next("gw");
            ProposedGateway {
                name: id.to_uppercase(),
                id,
                position: positions[j],
                height_m: height,
                tech,
                tx_dbm: tx,
                devices: covers[j].ones().map(|i| devices[i].id.clone()).collect(),
            }
        })
        .collect();
    let reached = counts.iter().filter(|&&c| c >= 1).count();
    Ok(GatewayPlacement {
        floor: floor.id.clone(),
        options: options.clone(),
        proposals,
        kept: existing.iter().map(|g| g.id.clone()).collect(),
        candidates: positions.len(),
        devices: devices.len(),
        reached,
        unreachable: (0..devices.len())
            .filter(|&i| !reachable.get(i))
            .map(|i| devices[i].id.clone())
            .collect(),
        target_met: done(&counts),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::{Device, Medium};
    use crate::geometry::{Polygon, Shape};
    use crate::props::Props;
    use crate::rooms::Room;
    use crate::walls::Wall;

    /// A 40 × 10 m corridor of four 10 m rooms between concrete walls.
    fn rooms() -> Project {
        let mut f = Floor::new("1", "L1", 0.0);
        for i in 0..4 {
            let x = 10.0 * f64::from(i);
            f.rooms.push(Room {
                id: format!("r{i}"),
                name: format!("R{i}"),
                polygon: Polygon::rect(Point::new(x, 0.0), Point::new(x + 10.0, 10.0)),
                category: None,
                people: None,
                props: Props::new(),
            });
            if i > 0 {
                f.walls.push(Wall {
                    id: format!("w{i}"),
                    shape: Shape::Line(vec![Point::new(x, 0.0), Point::new(x, 10.0)]),
                    material: Some("concrete".into()),
                    loss_db: None,
                    thickness_m: 0.2,
                    props: Props::new(),
                });
            }
            f.devices.push(Device {
                id: format!("d{i}"),
                name: format!("D{i}"),
                position: Point::new(x + 5.0, 5.0),
                medium: Medium::Wireless,
                tech: Some(IotTech::Zigbee),
                poe_w: None,
                height_m: 1.0,
                props: Props::new(),
            });
        }
        let mut p = Project::new();
        p.floors.push(f);
        p
    }

    #[test]
    fn aps_reach_the_target_with_different_neighbour_channels() {
        let p = rooms();
        let options = ApPlacementOptions::default();
        let placed = place_aps(&p, "1", &options).unwrap();
        assert!(placed.achieved.target_met, "{:?}", placed.achieved);
        assert!(placed.achieved.percent >= 95.0);
        assert!(!placed.proposals.is_empty() && placed.proposals.len() <= 4);
        let mut by_x = placed.proposals.clone();
        by_x.sort_by(|a, b| a.position.x.total_cmp(&b.position.x));
        assert!(by_x.windows(2).all(|w| w[0].channel != w[1].channel));
        // Deterministic.
        assert_eq!(place_aps(&p, "1", &options).unwrap(), placed);

        let secondary = ApPlacementOptions {
            secondary: true,
            ..ApPlacementOptions::default()
        };
        let two = place_aps(&p, "1", &secondary).unwrap();
        assert!(two.achieved.target_met, "{:?}", two.achieved);
        assert!(two.proposals.len() > placed.proposals.len());
    }

    #[test]
    fn gateways_reach_every_device_with_the_margin() {
        let p = rooms();
        let placed =
            place_gateways(&p, "1", &GatewayPlacementOptions::new(IotTech::Zigbee)).unwrap();
        assert!(placed.target_met);
        assert_eq!((placed.devices, placed.reached), (4, 4));
        assert!(placed.unreachable.is_empty());
        let links = placed
            .proposals
            .iter()
            .map(|g| g.devices.len())
            .sum::<usize>();
        assert!(links >= 4);
        // A margin nothing can give leaves every device unreachable, with no proposal.
        let mut hard = GatewayPlacementOptions::new(IotTech::Zigbee);
        hard.margin_db = 500.0;
        let none = place_gateways(&p, "1", &hard).unwrap();
        assert!(none.proposals.is_empty());
        assert_eq!(none.unreachable.len(), 4);
    }
}
