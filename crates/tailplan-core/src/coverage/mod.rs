//! The coverage engine: Wi-Fi and IoT gateway heatmaps through the walls (issue 4).
//!
//! # The model
//! For a transmitter T (an access point or a gateway) and a receiver point P, see
//! [`model`]: frequency from the channel (or the band's default), the 3-D distance at least
//! 1 m, the log-distance path loss, minus the loss at the frequency's band of every wall and
//! closed door or window the straight 2-D segment T→P crosses or touches ([`obstacles`]),
//! minus a slab loss per floor crossed for transmitters on other floors (whose fields use the
//! receiver floor's walls). Values go on the floor's [`Grid`].
//!
//! Decisions taken with the model:
//! - each wall *element* and each closed opening counts at most once per ray, even when the
//!   ray touches several of its segments; open openings never count; a material the library
//!   lacks attenuates 0 dB;
//! - "crosses or touches" is [`crate::Segment::intersects`] (closed segments), always called
//!   with the ray first ([`obstacles::crosses`]);
//! - losses are summed in one canonical order (walls in floor order, then openings in floor
//!   order) by every code path, so the fast path equals the oracle to the bit;
//! - a floor's maps take in by default its own transmitters and those of the floors directly
//!   above and below ([`FloorScope`]); slabs crossed = the difference of the floors' ranks in
//!   elevation order;
//! - fields are computed in f64 and stored as f32;
//! - SINR counts as interferers the transmitters on the same band and the same channel;
//!   transmitters without a channel share none;
//! - cells where nothing is heard (and values below it) read −200 dBm ([`NO_SIGNAL_DBM`]).
//!
//! # What is where
//! - [`model`]: [`Service`], [`Transmitter`], frequency and path loss, [`FloorScope`];
//! - [`grid`]: [`Grid`]; [`obstacles`]: [`Obstacles`] in canonical order;
//! - `oracle` (every obstacle for every cell) and `shadow` (the fast path: shadow
//!   rasterisation), selected by [`Method`];
//! - [`field`]: one transmitter's [`Field`]; [`engine`]: the incremental [`CoverageEngine`]
//!   and [`CoverageRequest`]; [`maps`]: the combined [`Heatmaps`];
//! - [`stats`]: [`CoverageStats`] per floor and room; [`links`]: IoT device links;
//! - [`progressive`]: coarse-to-fine results in steps for the editor;
//! - [`placement`]: access point and gateway proposals.
//!
//! # Examples
//!
//! ```
//! use tailplan_core::coverage::{CoverageEngine, CoverageRequest, Service};
//! use tailplan_core::{AccessPoint, Floor, Point, Project, Radio, Room, Polygon, WifiBand};
//!
//! let mut project = Project::new();
//! let mut floor = Floor::new("1", "Level 1", 0.0);
//! floor.rooms.push(Room {
//!     id: "r1".into(),
//!     name: "Hall".into(),
//!     polygon: Polygon::rect(Point::new(0.0, 0.0), Point::new(20.0, 10.0)),
//!     category: None,
//!     people: None,
//!     props: Default::default(),
//! });
//! let radio = Radio { channel: Some(36), ..Radio::new(WifiBand::Ghz5, 20.0) };
//! floor.access_points.push(AccessPoint::one_radio("ap1", "AP1", Point::new(10.0, 5.0), radio));
//! project.floors.push(floor);
//!
//! let mut engine = CoverageEngine::new();
//! let request = CoverageRequest::new("1", Service::Wifi(WifiBand::Ghz5));
//! let maps = engine.heatmaps(&project, &request)?;
//! assert_eq!((maps.grid.cols, maps.grid.rows), (40, 20));
//! assert!(maps.best_rssi_dbm.iter().all(|&v| v > -70.0));
//! // Nothing changed: nothing is recomputed.
//! engine.heatmaps(&project, &request)?;
//! assert_eq!(engine.computed_last(), 0);
//! # Ok::<(), tailplan_core::coverage::CoverageError>(())
//! ```

pub mod area;
pub mod capacity;
pub mod channel_plan;
pub mod engine;
pub mod field;
pub mod grid;
pub mod links;
pub mod maps;
pub mod model;
pub mod obstacles;
mod oracle;
pub mod placement;
pub mod progressive;
mod shadow;
pub mod stats;

pub use area::{AreaKind, FloorArea};
pub use capacity::{Capacity, RadioLoad, RoomOccupancy, capacity, floor_capacity};
pub use channel_plan::{ChannelPlan, ChannelPlanOptions, PlannedRadio, plan_channels};
pub use engine::{CoverageEngine, CoverageRequest, heatmaps};
pub use field::{Field, Method};
pub use grid::Grid;
pub use links::{DeviceLinks, GatewayLink, IotLinks, iot_links};
pub use maps::{Heatmaps, NO_SERVER, NO_SIGNAL_DBM};
pub use model::{FloorScope, Reaching, Service, Transmitter};
pub use obstacles::Obstacles;
pub use placement::{
    ApPlacement, ApPlacementOptions, GatewayPlacement, GatewayPlacementOptions, PlacementCapacity,
    place_aps, place_gateways, place_gateways_among, place_gateways_for,
};
pub use progressive::{Progressive, Step};
pub use stats::{CoverageStats, coverage_stats, default_thresholds};

/// Why coverage cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoverageError {
    /// No floor has this id.
    #[error("no floor \"{0}\"")]
    UnknownFloor(String),
    /// The floor has nothing to put a grid on.
    #[error("floor \"{0}\" has no walls, rooms or elements to put a grid on")]
    EmptyFloor(String),
    /// The cell side is not a positive number.
    #[error(
        "cell size {} must be a positive number of metres",
        crate::diagnostics::Num(*.0)
    )]
    BadCell(f64),
    /// The grid would have too many cells. The message gives the plan's extent, which shows
    /// at once when something is drawn far away from the building.
    #[error(
        "a map of {} cells of {} m over {} × {} m is more than the grid-cell limit of {}: use larger cells or raise the limit",
        grouped(*.cells), crate::diagnostics::Num(*.cell_m), grouped(.extent_m.0), grouped(.extent_m.1), grouped(*.max_cells as f64)
    )]
    GridTooLarge {
        /// The cells the grid would have.
        cells: f64,
        /// The cell side asked for.
        cell_m: f64,
        /// The width and height of the plan the grid covers, metres.
        extent_m: (f64, f64),
        /// The limit it is beyond (see [`grid::DEFAULT_MAX_CELLS`]).
        max_cells: usize,
    },
}

/// A number rounded to a whole one, its thousands grouped: `250,000,000,000`.
fn grouped(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let digits = format!("{:.0}", v.abs());
    let mut out = String::with_capacity(digits.len() * 4 / 3 + 1);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 && digits != "0" {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests;
