//! Coverage statistics per floor and per room: the share of the area at or above thresholds
//! (by the best server, and by the second best for secondary coverage) and the RSSI
//! distribution.
//!
//! A floor's area is the cells whose centres lie in its [`FloorArea`]: one of its rooms; on a
//! floor without rooms, the building's interior found from its walls; every cell of the grid
//! when the walls enclose nothing. A room's, the cells whose centres lie in its polygon.

use schemars::JsonSchema;
use serde::Serialize;

use crate::floor::Floor;
use crate::rooms::Room;
use crate::settings::RadioSettings;

use super::area::{AreaKind, FloorArea};
use super::grid::Grid;
use super::maps::Heatmaps;
use super::model::Service;

/// The share of an area at or above one threshold.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ThresholdShare {
    /// The threshold, dBm.
    pub threshold_dbm: f64,
    /// Percent of the area whose best server is at or above it.
    pub percent: f64,
    /// Percent of the area whose second-best server is at or above it.
    pub secondary_percent: f64,
}

/// One bar of the RSSI distribution.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct HistogramBin {
    /// Lower bound (included), dBm; `None` for the open first bin.
    pub from_dbm: Option<f64>,
    /// Upper bound (excluded), dBm; `None` for the open last bin.
    pub to_dbm: Option<f64>,
    /// Percent of the area whose best RSSI falls in it.
    pub percent: f64,
}

/// Statistics of one area (a floor or a room).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AreaStats {
    /// Cells counted.
    pub cells: usize,
    /// Their area, m².
    pub area_m2: f64,
    /// Share at or above each threshold.
    pub thresholds: Vec<ThresholdShare>,
    /// Median best RSSI, dBm (`None` for an area without cells).
    pub median_dbm: Option<f64>,
    /// Weakest best RSSI, dBm.
    pub min_dbm: Option<f64>,
    /// Strongest best RSSI, dBm.
    pub max_dbm: Option<f64>,
}

/// Statistics of one room.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoomStats {
    /// The room's id.
    pub id: String,
    /// The room's name.
    pub name: String,
    /// The statistics of its cells.
    #[serde(flatten)]
    pub stats: AreaStats,
}

/// A floor's coverage statistics for one band or technology.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CoverageStats {
    /// True when the floor's area is its rooms' cells.
    pub rooms_only: bool,
    /// What the floor's area is: its rooms, the building's interior from its walls, or the
    /// whole plan.
    pub area: AreaKind,
    /// The floor as a whole.
    pub floor: AreaStats,
    /// The distribution of the best RSSI over the floor, 5 dB bins.
    pub histogram: Vec<HistogramBin>,
    /// Each room, in floor order.
    pub rooms: Vec<RoomStats>,
}

/// The thresholds statistics report by default, strongest first, each once (values that are
/// not numbers left out): the Wi-Fi thresholds of the settings; for an IoT technology, its
/// sensitivity plus a 10 dB fade margin, and its sensitivity. Every front end, the editor's
/// coverage panel and the coverage sheet take them from here.
pub fn default_thresholds(radio: &RadioSettings, service: Service) -> Vec<f64> {
    let mut thresholds = match service {
        Service::Wifi(_) => radio.wifi_thresholds_dbm.clone(),
        Service::Iot(t) => {
            let s = radio.iot_sensitivity_dbm.of(t);
            vec![s + 10.0, s]
        }
    };
    thresholds.retain(|t| t.is_finite());
    thresholds.sort_by(|a, b| b.total_cmp(a));
    thresholds.dedup();
    thresholds
}

/// The cells whose centres lie in `room`.
pub fn room_cells(grid: &Grid, room: &Room) -> Vec<usize> {
    let Some(b) = crate::geometry::BBox::from_points(room.polygon.points()) else {
        return Vec::new();
    };
    let index = |v: f64, origin: f64| ((v - origin) / grid.cell_m - 0.5).max(0.0);
    let c0 = index(b.min.x, grid.bbox.min.x).floor() as usize;
    let r0 = index(b.min.y, grid.bbox.min.y).floor() as usize;
    let c1 = (index(b.max.x, grid.bbox.min.x).ceil() as usize).min(grid.cols.saturating_sub(1));
    let r1 = (index(b.max.y, grid.bbox.min.y).ceil() as usize).min(grid.rows.saturating_sub(1));
    let mut out = Vec::new();
    for r in r0..=r1 {
        for c in c0..=c1 {
            if room.polygon.contains(grid.center(r, c)) {
                out.push(grid.index(r, c));
            }
        }
    }
    out
}

fn area_stats(maps: &Heatmaps, cells: &[usize], thresholds: &[f64]) -> AreaStats {
    let n = cells.len();
    let pct = |k: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * k as f64 / n as f64
        }
    };
    let shares = thresholds
        .iter()
        .map(|&t| {
            let best = cells
                .iter()
                .filter(|&&i| f64::from(maps.best_rssi_dbm[i]) >= t)
                .count();
            let second = cells
                .iter()
                .filter(|&&i| f64::from(maps.second_rssi_dbm[i]) >= t)
                .count();
            ThresholdShare {
                threshold_dbm: t,
                percent: pct(best),
                secondary_percent: pct(second),
            }
        })
        .collect();
    let mut values: Vec<f32> = cells.iter().map(|&i| maps.best_rssi_dbm[i]).collect();
    values.sort_by(f32::total_cmp);
    AreaStats {
        cells: n,
        area_m2: n as f64 * maps.grid.cell_area_m2(),
        thresholds: shares,
        median_dbm: (n > 0).then(|| f64::from(values[n / 2])),
        min_dbm: values.first().map(|&v| f64::from(v)),
        max_dbm: values.last().map(|&v| f64::from(v)),
    }
}

/// The statistics of `maps` over `floor` (the floor the maps were computed for) and its
/// `area` ([`FloorArea::of`] the floor).
pub fn coverage_stats(
    maps: &Heatmaps,
    floor: &Floor,
    area: &FloorArea,
    thresholds: &[f64],
) -> CoverageStats {
    let per_room: Vec<Vec<usize>> = floor
        .rooms
        .iter()
        .map(|r| room_cells(&maps.grid, r))
        .collect();
    let rooms_only = area.kind() == AreaKind::Rooms;
    let floor_cells = area.cells(&maps.grid, floor);
    let (lo, hi) = match maps.service {
        Service::Wifi(_) => (-100.0, -30.0),
        Service::Iot(t) => {
            let s = (floor_5(maps.threshold_dbm.min(-40.0)) - 10.0).min(-60.0);
            let _ = t;
            (s, s + 70.0)
        }
    };
    let mut edges = vec![None];
    let mut e = lo;
    while e <= hi {
        edges.push(Some(e));
        e += 5.0;
    }
    edges.push(None);
    let n = floor_cells.len();
    let histogram = edges
        .windows(2)
        .map(|w| {
            let k = floor_cells
                .iter()
                .filter(|&&i| {
                    let v = f64::from(maps.best_rssi_dbm[i]);
                    w[0].is_none_or(|a| v >= a) && w[1].is_none_or(|b| v < b)
                })
                .count();
            HistogramBin {
                from_dbm: w[0],
                to_dbm: w[1],
                percent: if n == 0 {
                    0.0
                } else {
                    100.0 * k as f64 / n as f64
                },
            }
        })
        .collect();
    CoverageStats {
        rooms_only,
        area: area.kind(),
        floor: area_stats(maps, &floor_cells, thresholds),
        histogram,
        rooms: floor
            .rooms
            .iter()
            .zip(&per_room)
            .map(|(r, cells)| RoomStats {
                id: r.id.clone(),
                name: r.name.clone(),
                stats: area_stats(maps, cells, thresholds),
            })
            .collect(),
    }
}

fn floor_5(v: f64) -> f64 {
    (v / 5.0).floor() * 5.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::{CoverageRequest, heatmaps};
    use crate::devices::{AccessPoint, WifiBand};
    use crate::geometry::{Point, Polygon};
    use crate::project::Project;

    #[test]
    fn default_thresholds_are_sorted_once_and_finite() {
        let radio = RadioSettings {
            wifi_thresholds_dbm: vec![-75.0, f64::NAN, -67.0, -75.0, -70.0],
            ..RadioSettings::default()
        };
        let t = default_thresholds(&radio, Service::Wifi(WifiBand::Ghz5));
        assert_eq!(t, [-67.0, -70.0, -75.0]);
        let iot = default_thresholds(&radio, Service::Iot(crate::IotTech::Lorawan));
        let s = radio.iot_sensitivity_dbm.lorawan;
        assert_eq!(iot, [s + 10.0, s]);
    }

    #[test]
    fn shares_and_rooms() {
        let mut f = Floor::new("1", "L1", 0.0);
        for (id, x0) in [("a", 0.0), ("b", 10.0)] {
            f.rooms.push(Room {
                id: id.into(),
                name: id.to_uppercase(),
                polygon: Polygon::rect(Point::new(x0, 0.0), Point::new(x0 + 10.0, 10.0)),
                category: None,
                people: None,
                props: Default::default(),
            });
        }
        f.access_points.push(AccessPoint {
            id: "ap".into(),
            name: "AP".into(),
            position: Point::new(5.0, 5.0),
            model: None,
            radios: vec![crate::devices::Radio::new(WifiBand::Ghz5, 20.0)],
            height_m: 2.5,
            poe_w: None,
            eirp_offset_db: None,
            props: Default::default(),
        });
        let mut p = Project::new();
        p.floors.push(f);
        let maps = heatmaps(
            &p,
            &CoverageRequest::new("1", Service::Wifi(WifiBand::Ghz5)).with_cell(1.0),
        )
        .unwrap();
        let area = FloorArea::of(&p.floors[0], &p.settings.radio);
        let stats = coverage_stats(&maps, &p.floors[0], &area, &[-50.0, -150.0]);
        assert!(stats.rooms_only);
        assert_eq!(stats.floor.cells, 200);
        assert_eq!(stats.floor.area_m2, 200.0);
        assert_eq!(stats.rooms[0].stats.cells, 100);
        assert_eq!(stats.floor.thresholds[1].percent, 100.0);
        // One AP: no secondary coverage anywhere.
        assert_eq!(stats.floor.thresholds[1].secondary_percent, 0.0);
        let near = stats.rooms[0].stats.thresholds[0].percent;
        let far = stats.rooms[1].stats.thresholds[0].percent;
        assert!(near > far, "{near} {far}");
        let total: f64 = stats.histogram.iter().map(|b| b.percent).sum();
        assert!((total - 100.0).abs() < 1e-9);
        assert!(stats.floor.max_dbm.unwrap() > stats.floor.median_dbm.unwrap());
    }
}
