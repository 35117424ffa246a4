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
use super::capacity::CapacityDemand;
use super::engine::{CoverageEngine, CoverageRequest};
use super::field;
use super::field::Method;
use super::grid::{DEFAULT_MAX_CELLS, Grid};
use super::maps::mw;
use super::model::{FloorScope, Link, Reaching, Service, Transmitter, channel_center_mhz};
use super::obstacles::Obstacles;
use super::shadow::{self, Scratch, Window};
use crate::materials::Band;

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
    /// Whether to add access points where the coverage design leaves a radio serving more
    /// clients than the capacity settings allow (false: coverage alone).
    pub capacity: bool,
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
            capacity: false,
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
    /// With `capacity`: what the client load asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<PlacementCapacity>,
}

/// What placing for capacity did.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PlacementCapacity {
    /// Access points added beyond what coverage needs (the last proposals).
    pub added: usize,
    /// The most clients one radio should carry (the client limit, or the airtime limit at
    /// 20 MHz, whichever is lower).
    pub limit: f64,
    /// The clients of the busiest radio of the band, with the proposals.
    pub busiest: f64,
    /// The band's clients on the floor.
    pub clients: f64,
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

impl ProposedGateway {
    /// The gateway it proposes.
    pub fn gateway(&self) -> crate::devices::Gateway {
        crate::devices::Gateway {
            id: self.id.clone(),
            name: self.name.clone(),
            position: self.position,
            tech: self.tech,
            tx_dbm: self.tx_dbm,
            height_m: self.height_m,
            props: Default::default(),
        }
    }
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

/// Where demand items live: `rows` rows of `stride` 64-bit words; item (r, c) is bit c of
/// row r, at index `r · stride · 64 + c`. Access points' demand is the grid's cells (row r,
/// column c); gateways' is the devices, in one row.
#[derive(Debug, Clone, Copy)]
struct Space {
    rows: usize,
    stride: usize,
}

impl Space {
    fn of_grid(grid: &Grid) -> Self {
        Space {
            rows: grid.rows,
            stride: grid.cols.div_ceil(64),
        }
    }

    fn of_items(n: usize) -> Self {
        Space {
            rows: 1,
            stride: n.div_ceil(64),
        }
    }

    /// Number of words, and of items (64 a word).
    fn words(&self) -> usize {
        self.rows * self.stride
    }
}

/// A set of demand items as bits, kept only over the rows and words where it has any: row
/// `r0 + i` of the space is `bits[i · words..(i + 1) · words]`, its words `w0..w0 + words`.
/// A cover is as large as the area a candidate reaches, not as the floor.
#[derive(Debug, Clone, Default, PartialEq)]
struct Cover {
    r0: usize,
    w0: usize,
    words: usize,
    bits: Vec<u64>,
}

impl Cover {
    /// The set of `rows` (`rows[i]` the words `w0..w0 + words` of row `r0 + i`), trimmed to
    /// the rows and words holding its items.
    fn trimmed(r0: usize, w0: usize, words: usize, rows: &[u64]) -> Cover {
        let n = rows.len().checked_div(words).unwrap_or(0);
        let row = |i: usize| &rows[i * words..(i + 1) * words];
        let Some(first) = (0..n).find(|&i| row(i).iter().any(|&w| w != 0)) else {
            return Cover::default();
        };
        let last = (first..n)
            .rev()
            .find(|&i| row(i).iter().any(|&w| w != 0))
            .unwrap_or(first);
        let (mut lo, mut hi) = (words, 0);
        for i in first..=last {
            for (k, &w) in row(i).iter().enumerate() {
                if w != 0 {
                    lo = lo.min(k);
                    hi = hi.max(k + 1);
                }
            }
        }
        let mut bits = Vec::with_capacity((last + 1 - first) * (hi - lo));
        for i in first..=last {
            bits.extend_from_slice(&row(i)[lo..hi]);
        }
        Cover {
            r0: r0 + first,
            w0: w0 + lo,
            words: hi - lo,
            bits,
        }
    }

    /// Its items' indices in the space, in increasing order.
    fn ones(&self, space: Space) -> impl Iterator<Item = usize> + '_ {
        let words = self.words.max(1);
        self.bits.iter().enumerate().flat_map(move |(k, &word)| {
            let base = ((self.r0 + k / words) * space.stride + self.w0 + k % words) * 64;
            let mut w = word;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros() as usize;
                    w &= w - 1;
                    base + b
                })
            })
        })
    }

    /// How many of its items are not in `full` (a set over the whole space).
    fn count_outside(&self, full: &[u64], space: Space) -> usize {
        if self.words == 0 {
            return 0;
        }
        self.bits
            .chunks_exact(self.words)
            .enumerate()
            .map(|(i, row)| {
                let at = (self.r0 + i) * space.stride + self.w0;
                row.iter()
                    .zip(&full[at..at + self.words])
                    .map(|(&w, &f)| (w & !f).count_ones() as usize)
                    .sum::<usize>()
            })
            .sum()
    }
}

/// The greedy cover: demand items each wanting `need` servers; `done` says when the counts
/// suffice. Equal gains go to the higher `score` (a candidate's fixed quality, at least 0),
/// then to the first candidate. Returns the chosen candidates in order and the final counts.
///
/// A candidate's gain is the number of its items still short of `need`: its bits outside
/// the set of items served enough, word by word, so a re-evaluation costs the size of its
/// cover, not of the floor.
fn greedy_cover(
    covers: &[Cover],
    scores: &[f64],
    space: Space,
    mut counts: Vec<u8>,
    need: u8,
    max: usize,
    done: &dyn Fn(&[u8]) -> bool,
) -> (Vec<usize>, Vec<u8>) {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    // The items served `need` times.
    let mut full = vec![0u64; space.words()];
    for (i, _) in counts.iter().enumerate().filter(|&(_, &c)| c >= need) {
        full[i / 64] |= 1 << (i % 64);
    }
    let gain = |j: usize, full: &[u64]| covers[j].count_outside(full, space);
    // Non-negative floats order like their bits.
    let score = |j: usize| scores[j].max(0.0).to_bits();
    let mut heap: BinaryHeap<(usize, u64, Reverse<usize>)> = (0..covers.len())
        .map(|j| (gain(j, &full), score(j), Reverse(j)))
        .collect();
    let mut chosen = Vec::new();
    let mut finished = done(&counts);
    while !finished && chosen.len() < max {
        let Some((_, _, Reverse(j))) = heap.pop() else {
            break;
        };
        let g = gain(j, &full);
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
        for i in covers[j].ones(space) {
            counts[i] = counts[i].saturating_add(1);
            if counts[i] >= need {
                full[i / 64] |= 1 << (i % 64);
            }
        }
        chosen.push(j);
        finished = done(&counts);
    }
    // Drop what the target does not need, latest first.
    let mut k = chosen.len();
    while k > 0 {
        k -= 1;
        let j = chosen[k];
        let mut without = counts.clone();
        for i in covers[j].ones(space) {
            without[i] -= 1;
        }
        if done(&without) {
            counts = without;
            chosen.remove(k);
        }
    }
    (chosen, counts)
}

/// How a candidate's field is found: the window around it that its signal can reach
/// ([`Reach`]) and the cells in it that can reach the target; or, as the test oracle, the
/// whole floor's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// Within reach (the default).
    Windowed,
    /// The whole grid for every candidate: the straightforward computation.
    #[cfg_attr(not(test), allow(dead_code))]
    Whole,
}

/// How far a transmitter without an antenna can reach `target_dbm`: received power only falls
/// with distance and with every obstacle of a non-negative loss, so a cell whose squared 3-D
/// distance exceeds [`Reach::limit_d2`] of its obstacle loss is below the target. A margin of
/// 0.01 dB covers every rounding (the f32 a value is stored in holds it to 10⁻⁵ dB).
#[derive(Debug, Clone, Copy)]
struct Reach {
    /// EIRP − slabs − target + margin − 20·log10(f) + 27.55: the path loss left, dB.
    budget_db: f64,
    /// 5·n·log10(e): the path loss per unit of ln(d²).
    per_ln_d2: f64,
}

impl Reach {
    const MARGIN_DB: f64 = 0.01;

    /// For a link without an antenna and a positive, finite path-loss exponent.
    fn of(link: &Link, target_dbm: f64) -> Option<Reach> {
        let per_ln_d2 = 5.0 * link.exponent * std::f64::consts::LOG10_E;
        let budget_db = link.tx_dbm - link.slabs_db - target_dbm + Self::MARGIN_DB - link.fterm;
        (link.antenna.is_none()
            && per_ln_d2.is_finite()
            && per_ln_d2 > 0.0
            && budget_db.is_finite())
        .then_some(Reach {
            budget_db,
            per_ln_d2,
        })
    }

    /// The largest squared 3-D distance at which a cell behind `loss_db` of obstacles can
    /// reach the target.
    #[inline]
    fn limit_d2(&self, loss_db: f64) -> f64 {
        ((self.budget_db - loss_db) / self.per_ln_d2).exp()
    }
}

/// The limits of [`Reach`] for the losses met, memoised by a few bits of the loss: a row's
/// losses take few values.
#[derive(Debug, Clone, Copy)]
struct Limits {
    reach: Reach,
    memo: [(f64, f64); 16],
}

impl Limits {
    fn new(reach: Reach) -> Self {
        Limits {
            reach,
            memo: [(f64::NAN, 0.0); 16],
        }
    }

    /// [`Reach::limit_d2`] of `loss`.
    #[inline]
    fn of(&mut self, loss: f64) -> f64 {
        let bits = loss.to_bits();
        let slot = &mut self.memo[((bits ^ (bits >> 31) ^ (bits >> 47)) & 15) as usize];
        if slot.0.to_bits() != bits {
            *slot = (loss, self.reach.limit_d2(loss));
        }
        slot.1
    }
}

/// Calls `f` with each item (column) of a row of a set (`row`, whole words from column 0)
/// within columns `c0..=c1`, in order.
#[inline]
fn each_cell(row: &[u64], (c0, c1): (isize, isize), mut f: impl FnMut(usize)) {
    if c0 > c1 {
        return;
    }
    let (c0, c1) = (c0 as usize, c1 as usize);
    for (wi, &word) in row.iter().enumerate().take(c1 / 64 + 1).skip(c0 / 64) {
        let mut bits = word;
        if wi == c0 / 64 {
            bits &= u64::MAX << (c0 % 64);
        }
        if wi == c1 / 64 && c1 % 64 < 63 {
            bits &= (1u64 << (c1 % 64 + 1)) - 1;
        }
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            f(wi * 64 + b);
        }
    }
}

/// The demand cells of a grid as a set over its [`Space`].
fn demand_set(grid: &Grid, demand: &[usize], space: Space) -> Vec<u64> {
    let mut set = vec![0u64; space.words()];
    for &i in demand {
        let (r, c) = (i / grid.cols, i % grid.cols);
        set[r * space.stride + c / 64] |= 1 << (c % 64);
    }
    set
}

/// What a transmitter does for the access point demand: the demand cells at or above
/// `target_dbm`, and its score (the sum over them of how far above, at most 20 dB each, in
/// cell order).
struct Evaluator<'a> {
    grid: &'a Grid,
    obstacles: &'a Obstacles,
    space: Space,
    demand: &'a [u64],
    target_dbm: f64,
    /// The least obstacle loss a cell can have at each band: the sum of the negative losses
    /// (0 with the library's materials).
    least_loss: [f64; 4],
    rows: Vec<u64>,
}

impl<'a> Evaluator<'a> {
    fn new(grid: &'a Grid, obstacles: &'a Obstacles, demand: &'a [u64], target_dbm: f64) -> Self {
        let least_loss = Band::ALL.map(|band| {
            obstacles
                .items()
                .iter()
                .map(|o| o.loss_db.at(band).min(0.0))
                .sum::<f64>()
        });
        Evaluator {
            grid,
            obstacles,
            space: Space::of_grid(grid),
            demand,
            target_dbm,
            least_loss,
            rows: Vec::new(),
        }
    }

    fn evaluate(&mut self, link: &Link, fields: Fields, scratch: &mut Scratch) -> (Cover, f64) {
        let grid = self.grid;
        let reach = Reach::of(link, self.target_dbm).filter(|_| fields == Fields::Windowed);
        let least = self.least_loss[Band::ALL.iter().position(|&b| b == link.band).unwrap_or(0)];
        // Beyond the squared distance `beyond` no cell reaches the target, whatever its
        // obstacles: only the window and the disc around the transmitter are computed.
        let (window, disc, beyond) = match reach {
            Some(reach) => {
                let beyond = reach.limit_d2(least);
                let radius = (beyond - link.dz2).max(0.0).sqrt();
                (Window::around(grid, link.t, radius), Some(radius), beyond)
            }
            None => (Window::full(grid), None, f64::INFINITY),
        };
        if window.is_empty() {
            return (Cover::default(), 0.0);
        }
        let stride = self.space.stride;
        let demand = self.demand;
        let target_dbm = self.target_dbm;
        let (w0, w1) = (window.c0 / 64, window.c1.div_ceil(64));
        let words = w1 - w0;
        let dxs: Vec<f64> = (window.c0..window.c1)
            .map(|c| grid.center_x(c) - link.t.x)
            .collect();
        let mut limits = reach.map(Limits::new);
        // Whether a cell `d2` (squared 3-D distance) from the transmitter behind `loss` may
        // reach the target.
        let may_reach = |limits: &mut Option<Limits>, d2: f64, loss: f64| match limits {
            None => true,
            Some(limits) => d2 <= beyond && d2 <= limits.of(loss),
        };
        // The demand of window row `k`, as words of whole-grid columns from `w0 · 64`.
        let demand_row = |k: usize| {
            let r = window.r0 + k;
            &demand[r * stride..(r + 1) * stride]
        };
        let dy_of = |k: usize| grid.center_y(window.r0 + k) - link.t.y;
        shadow::obstacle_losses_in(grid, window, disc, self.obstacles, link.band, link, scratch);
        let (losses, bounds) = scratch.results();
        self.rows.clear();
        self.rows.resize(window.rows() * words, 0);
        let mut score = 0.0;
        for (k, row_losses) in losses.chunks_exact(window.cols()).enumerate() {
            let dy = dy_of(k);
            let dy2 = dy * dy;
            let out = &mut self.rows[k * words..(k + 1) * words];
            each_cell(demand_row(k), bounds[k], |c| {
                let dx = dxs[c - window.c0];
                let dx2 = dx * dx;
                let loss = row_losses[c - window.c0];
                // Beyond reach behind its loss: below the target (no logarithm).
                if !may_reach(&mut limits, dx2 + dy2 + link.dz2, loss) {
                    return;
                }
                let v = field::cell_rssi(link, dx, dy, dx2, dy2, loss);
                let above = f64::from(v) - target_dbm;
                if above >= 0.0 {
                    let b = c - w0 * 64;
                    out[b / 64] |= 1 << (b % 64);
                    score += above.min(20.0);
                }
            });
        }
        (Cover::trimmed(window.r0, w0, words, &self.rows), score)
    }
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
    place_aps_by(project, floor_id, options, Fields::Windowed)
}

/// [`place_aps`] by the straightforward computation: every candidate's field over the whole
/// grid (the test oracle of the windowed one).
#[cfg(test)]
pub(crate) fn place_aps_straightforward(
    project: &Project,
    floor_id: &str,
    options: &ApPlacementOptions,
) -> Result<ApPlacement, CoverageError> {
    place_aps_by(project, floor_id, options, Fields::Whole)
}

fn place_aps_by(
    project: &Project,
    floor_id: &str,
    options: &ApPlacementOptions,
    fields: Fields,
) -> Result<ApPlacement, CoverageError> {
    let floor = project
        .floor(floor_id)
        .ok_or_else(|| CoverageError::UnknownFloor(floor_id.to_owned()))?;
    let radio = &project.settings.radio;
    let grid = Grid::for_floor(floor, options.cell_m, options.max_cells)?;
    let obstacles = Obstacles::of_floor(floor, &project.materials);
    let area = FloorArea::of(floor, radio);
    let demand = area.cells(&grid, floor);
    let space = Space::of_grid(&grid);
    let demand_bits = demand_set(&grid, &demand, space);
    let height = options.height_m.unwrap_or(floor.ceiling_m);
    let service = Service::Wifi(options.band);
    let rx_z = floor.elevation_m + radio.receiver_height_m;
    let mut scratch = Scratch::default();
    let mut evaluator = Evaluator::new(&grid, &obstacles, &demand_bits, options.target_dbm);
    let link_of = |t: &Transmitter| {
        Link::new(
            &Reaching {
                transmitter: t.clone(),
                slabs: 0,
                slab_loss_db: crate::materials::BandLoss::ZERO,
            },
            rx_z,
            radio,
        )
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
    let (covers, scores): (Vec<Cover>, Vec<f64>) = positions
        .iter()
        .map(|&p| evaluator.evaluate(&link_of(&candidate(p)), fields, &mut scratch))
        .unzip();
    let existing: Vec<&crate::devices::AccessPoint> = floor
        .access_points
        .iter()
        .filter(|ap| options.keep_existing && ap.has_band(options.band))
        .collect();
    let need: u8 = if options.secondary { 2 } else { 1 };
    let mut counts = vec![0u8; space.words() * 64];
    for ap in &existing {
        // An access point with two radios on the band serves a cell once.
        let mut served = vec![0u64; space.words()];
        for t in Transmitter::of_ap(ap, options.band, floor, &project.antennas) {
            for i in evaluator
                .evaluate(&link_of(&t), fields, &mut scratch)
                .0
                .ones(space)
            {
                served[i / 64] |= 1 << (i % 64);
            }
        }
        for i in Cover::trimmed(0, 0, space.stride, &served).ones(space) {
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
    let (mut chosen, _) = greedy_cover(
        &covers,
        &scores,
        space,
        counts,
        need,
        options.max_aps,
        &done,
    );
    // Capacity: more access points where a radio of the coverage design carries too many
    // clients, among the candidates where it serves.
    let capacity = options.capacity.then(|| {
        let mut bands = super::capacity::bands_on(floor);
        if !bands.contains(&options.band) {
            bands.push(options.band);
        }
        let want = CapacityDemand::of(project, floor, &grid, options.band, &bands, 20);
        let whole = |t: &Transmitter, scratch: &mut Scratch| {
            super::field::values(&grid, &obstacles, &link_of(t), Method::Shadow, scratch)
        };
        let mut radios: Vec<Vec<f32>> = existing
            .iter()
            .flat_map(|ap| Transmitter::of_ap(ap, options.band, floor, &project.antennas))
            .map(|t| whole(&t, &mut scratch))
            .collect();
        radios.extend(
            chosen
                .iter()
                .map(|&j| whole(&candidate(positions[j]), &mut scratch)),
        );
        let cells: Vec<usize> = positions
            .iter()
            .map(|&p| {
                grid.cell_of(p)
                    .map_or(usize::MAX, |(r, c)| grid.index(r, c))
            })
            .collect();
        let room = options.max_aps.saturating_sub(chosen.len());
        let added = want.add_radios(
            &mut radios,
            &cells,
            &mut |j| whole(&candidate(positions[j]), &mut scratch),
            room,
        );
        chosen.extend(&added);
        PlacementCapacity {
            added: added.len(),
            limit: want.limit,
            busiest: want.busiest(&radios),
            clients: want.clients.iter().sum(),
        }
    });

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
        capacity,
    })
}

/// Proposes gateway positions for the floor's devices of one technology.
pub fn place_gateways(
    project: &Project,
    floor_id: &str,
    options: &GatewayPlacementOptions,
) -> Result<GatewayPlacement, CoverageError> {
    place_gateways_for(project, floor_id, options, &|_| true)
}

/// [`place_gateways`] for those of the floor's devices of the technology that `wanted` picks
/// (a scenario's wireless devices that no gateway reaches): the others are neither counted
/// nor aimed for.
pub fn place_gateways_for(
    project: &Project,
    floor_id: &str,
    options: &GatewayPlacementOptions,
    wanted: &dyn Fn(&crate::devices::Device) -> bool,
) -> Result<GatewayPlacement, CoverageError> {
    place_gateways_among(
        project,
        floor_id,
        options,
        wanted,
        &mut project.id_allocator(),
    )
}

/// [`place_gateways_for`], the proposals' ids taken from `ids` (the project's, made once for
/// many floors: a campus has tens of thousands).
pub fn place_gateways_among(
    project: &Project,
    floor_id: &str,
    options: &GatewayPlacementOptions,
    wanted: &dyn Fn(&crate::devices::Device) -> bool,
    ids: &mut crate::project::IdAllocator,
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
        .filter(|d| d.tech == Some(tech) && wanted(d))
        .collect();
    let height = options.height_m.unwrap_or(floor.ceiling_m);
    let tx = options.tx_dbm.unwrap_or(tech.default_tx_dbm());
    let space = Space::of_items(devices.len());
    let serves = |t: &Transmitter| -> (Cover, f64) {
        let mut bits = vec![0u64; space.words()];
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
            // Walls only take signal away: a device out of reach in the open is out of
            // reach, without tracing the walls between.
            if link.rssi_at(d.position, 0.0) - sensitivity < options.margin_db {
                continue;
            }
            let loss = obstacles.loss_between(&floor.walls, link.band, link.t, d.position);
            let margin = link.rssi_at(d.position, loss) - sensitivity;
            if margin >= options.margin_db {
                bits[k / 64] |= 1 << (k % 64);
                score += (margin - options.margin_db).min(20.0);
            }
        }
        (Cover::trimmed(0, 0, space.stride, &bits), score)
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
    let (covers, scores): (Vec<Cover>, Vec<f64>) =
        positions.iter().map(|&p| serves(&candidate(p))).unzip();
    let mut reachable = vec![false; devices.len()];
    for c in &covers {
        for i in c.ones(space) {
            reachable[i] = true;
        }
    }
    let existing: Vec<&crate::devices::Gateway> = floor
        .gateways
        .iter()
        .filter(|g| options.keep_existing && g.tech == tech)
        .collect();
    let mut counts = vec![0u8; space.words() * 64];
    for g in &existing {
        for i in serves(&Transmitter::from_gateway(g, floor)).0.ones(space) {
            counts[i] = 1;
            reachable[i] = true;
        }
    }
    let done = |counts: &[u8]| (0..devices.len()).all(|i| counts[i] >= 1 || !reachable[i]);
    let (chosen, counts) = greedy_cover(
        &covers,
        &scores,
        space,
        counts,
        1,
        options.max_gateways,
        &done,
    );
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
                devices: covers[j]
                    .ones(space)
                    .map(|i| devices[i].id.clone())
                    .collect(),
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
            .filter(|&i| !reachable[i])
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
                class: None,
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

    /// The straightforward greedy: every round, every candidate not chosen yet has its gain
    /// recounted item by item; the largest (gain, score, earliest) wins. The lazy greedy must
    /// choose the same.
    fn eager_cover(
        covers: &[Vec<usize>],
        scores: &[f64],
        mut counts: Vec<u8>,
        need: u8,
        max: usize,
        done: &dyn Fn(&[u8]) -> bool,
    ) -> (Vec<usize>, Vec<u8>) {
        let mut chosen = Vec::new();
        while !done(&counts) && chosen.len() < max {
            let gain = |j: usize| covers[j].iter().filter(|&&i| counts[i] < need).count();
            let best = (0..covers.len())
                .filter(|j| !chosen.contains(j))
                .map(|j| (gain(j), scores[j].max(0.0), std::cmp::Reverse(j)))
                .filter(|k| k.0 > 0)
                .max_by(|a, b| a.partial_cmp(b).unwrap());
            let Some((_, _, std::cmp::Reverse(j))) = best else {
                break;
            };
            for &i in &covers[j] {
                counts[i] = counts[i].saturating_add(1);
            }
            chosen.push(j);
        }
        let mut k = chosen.len();
        while k > 0 {
            k -= 1;
            let mut without = counts.clone();
            for &i in &covers[chosen[k]] {
                without[i] -= 1;
            }
            if done(&without) {
                counts = without;
                chosen.remove(k);
            }
        }
        (chosen, counts)
    }

    #[test]
    fn the_lazy_greedy_on_window_covers_chooses_as_the_eager_one() {
        // Pseudo-random covers of rectangles of a 40 × 150 space (3 words a row), with ties.
        let space = Space {
            rows: 40,
            stride: 3,
        };
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for round in 0..40 {
            let mut covers = Vec::new();
            let mut lists = Vec::new();
            for _ in 0..60 {
                let (r0, c0) = (next(40), next(150));
                let (r1, c1) = ((r0 + 1 + next(12)).min(40), (c0 + 1 + next(70)).min(150));
                let mut rows = vec![0u64; space.words()];
                let mut list = Vec::new();
                for r in r0..r1 {
                    for c in c0..c1 {
                        if next(5) > 0 {
                            rows[r * 3 + c / 64] |= 1 << (c % 64);
                            list.push(r * 3 * 64 + c);
                        }
                    }
                }
                covers.push(Cover::trimmed(0, 0, 3, &rows));
                lists.push(list);
            }
            for (cover, list) in covers.iter().zip(&lists) {
                assert_eq!(cover.ones(space).collect::<Vec<_>>(), *list);
            }
            let scores: Vec<f64> = (0..60).map(|_| (next(4) * 5) as f64).collect();
            let need = 1 + (round % 2) as u8;
            let mut counts = vec![0u8; space.words() * 64];
            for &i in lists[0].iter().take(50) {
                counts[i] = 1;
            }
            let items: usize = 40 * 150;
            let want = 0.3 + 0.01 * round as f64;
            let done = |counts: &[u8]| {
                counts.iter().filter(|&&c| c >= need).count() as f64 >= want * items as f64
            };
            let lazy = greedy_cover(&covers, &scores, space, counts.clone(), need, 25, &done);
            let eager = eager_cover(&lists, &scores, counts, need, 25, &done);
            assert_eq!(lazy.0, eager.0, "round {round}");
            assert!(lazy.1 == eager.1, "round {round}");
        }
    }

    /// A floor without rooms (its interior is the area) with an existing access point with an
    /// antenna, and the corridor floor: the windowed placement equals the straightforward one.
    #[test]
    fn windowed_placement_equals_the_straightforward_one() {
        let mut p = rooms();
        let mut roomless = rooms().floors[0].clone();
        roomless.id = "2".into();
        roomless.rooms.clear();
        for (i, (a, b)) in [((-0.5, -0.5), (40.5, -0.5)), ((40.5, -0.5), (40.5, 10.5))]
            .into_iter()
            .chain([((40.5, 10.5), (-0.5, 10.5)), ((-0.5, 10.5), (-0.5, -0.5))])
            .enumerate()
        {
            roomless.walls.push(Wall {
                id: format!("x{i}"),
                shape: Shape::Line(vec![Point::new(a.0, a.1), Point::new(b.0, b.1)]),
                material: Some("concrete".into()),
                loss_db: None,
                thickness_m: 0.3,
                props: Props::new(),
            });
        }
        let mut with_antenna = AccessPoint::one_radio(
            "ap-x",
            "AP-X",
            Point::new(35.0, 5.0),
            Radio::new(WifiBand::Ghz5, 17.0),
        );
        with_antenna.radios[0].antenna = Some(crate::antenna::AntennaMount {
            pattern: crate::antenna::builtin::PATCH_70.into(),
            azimuth_deg: 270.0,
            tilt_deg: 10.0,
        });
        roomless.access_points.push(with_antenna);
        p.floors.push(roomless);
        let options = [
            ApPlacementOptions::default(),
            ApPlacementOptions {
                secondary: true,
                ..ApPlacementOptions::default()
            },
            ApPlacementOptions {
                target_dbm: -55.0,
                tx_dbm: 14.0,
                spacing_m: 1.3,
                cell_m: 0.7,
                keep_existing: true,
                ..ApPlacementOptions::default()
            },
            ApPlacementOptions {
                band: WifiBand::Ghz2_4,
                target_dbm: -80.0,
                coverage_percent: 100.0,
                ..ApPlacementOptions::default()
            },
        ];
        for floor in ["1", "2"] {
            for o in &options {
                let fast = place_aps(&p, floor, o).unwrap();
                let slow = place_aps_by(&p, floor, o, Fields::Whole).unwrap();
                assert_eq!(fast, slow, "floor {floor}, {o:?}");
                assert!(!fast.proposals.is_empty());
                assert_eq!(place_aps(&p, floor, o).unwrap(), fast, "deterministic");
            }
        }
    }

    #[test]
    fn a_candidate_s_cover_is_the_whole_field_s_cells_at_the_target() {
        // Each candidate's windowed cover and score equal those of its whole field, to the
        // bit, with the demand of rooms, on the corridor floor.
        let p = rooms();
        let floor = &p.floors[0];
        let grid = Grid::for_floor(floor, 0.5, DEFAULT_MAX_CELLS).unwrap();
        let obstacles = Obstacles::of_floor(floor, &p.materials);
        let demand = FloorArea::of(floor, &p.settings.radio).cells(&grid, floor);
        let space = Space::of_grid(&grid);
        let bits = demand_set(&grid, &demand, space);
        for target in [-40.0, -60.0, -67.0, -75.0] {
            let mut e = Evaluator::new(&grid, &obstacles, &bits, target);
            let mut scratch = Scratch::default();
            for (x, y) in [(1.0, 1.0), (12.0, 5.0), (20.0, 9.7), (39.0, 0.2)] {
                let t = Transmitter {
                    id: String::new(),
                    name: String::new(),
                    radio: 0,
                    floor: "1".into(),
                    service: Service::Wifi(WifiBand::Ghz5),
                    channel: None,
                    width_mhz: 20,
                    position: Point::new(x, y),
                    z_m: 2.8,
                    tx_dbm: 20.0,
                    antenna: None,
                    f_mhz: 5500.0,
                };
                let link = Link::new(
                    &Reaching {
                        transmitter: t,
                        slabs: 0,
                        slab_loss_db: crate::materials::BandLoss::ZERO,
                    },
                    1.0,
                    &p.settings.radio,
                );
                let fast = e.evaluate(&link, Fields::Windowed, &mut scratch);
                let slow = e.evaluate(&link, Fields::Whole, &mut scratch);
                assert_eq!(fast.0, slow.0, "{target} at ({x}, {y})");
                assert_eq!(fast.1.to_bits(), slow.1.to_bits());
                // The cover is the demand cells of the whole field at or above the target.
                let values = field::values(
                    &grid,
                    &obstacles,
                    &link,
                    super::super::Method::Oracle,
                    &mut scratch,
                );
                let expect: Vec<usize> = demand
                    .iter()
                    .filter(|&&i| f64::from(values[i]) >= target)
                    .map(|&i| (i / grid.cols) * space.stride * 64 + i % grid.cols)
                    .collect();
                assert_eq!(fast.0.ones(space).collect::<Vec<_>>(), expect);
            }
        }
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
