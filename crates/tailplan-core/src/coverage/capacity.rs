//! Client capacity: how many Wi-Fi clients each radio serves and how much of its airtime they
//! take, from how many people each room holds ([`crate::settings::CapacitySettings`]).
//!
//! The model, cell by cell over the floor's [`FloorArea`]:
//! - **people**: a room's `people`, else its area times the density of its category; spread
//!   evenly over the room's cells (a room too small for a cell puts them on the cell under its
//!   centroid). A floor without rooms holds the default density over its interior (or plan);
//! - **clients**: people × `devices_per_person`, split over the bands by
//!   `band_share_percent`;
//! - **association**: on each band, a cell's clients go to the radio heard best there (the
//!   band's serving map), when it is heard at `association_dbm` or more; a band no radio
//!   serves at the cell hands its share down to the next lower band (6 → 5 → 2.4 GHz), and
//!   what 2.4 GHz cannot take is unserved;
//! - **airtime**: each client takes `airtime_per_client_percent` × 20 / width of its radio's
//!   airtime (a wider channel carries more in the same time).
//!
//! A radio over `max_clients_per_radio` or `max_airtime_percent` is a
//! [`Rule::RadioLoad`] finding (a warning).
//!
//! Only the floor's own radios are counted (the maps are computed with
//! [`FloorScope::Own`]): a client uses the access point of its own floor, and every radio's
//! load is that of one floor.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Num, Severity};
use crate::floor::Floor;
use crate::project::Project;
use crate::radio::WifiBand;
use crate::routing::{Finding, Rule};
use crate::settings::CapacitySettings;

use super::CoverageError;
use super::area::{AreaKind, FloorArea};
use super::engine::{CoverageEngine, CoverageRequest};
use super::grid::Grid;
use super::maps::{Heatmaps, NO_SERVER};
use super::model::{FloorScope, Service};
use super::stats::room_cells;

/// How many people one room holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RoomOccupancy {
    /// The room's id.
    pub room: String,
    /// Its name.
    pub name: String,
    /// Its category, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Its area, m².
    pub area_m2: f64,
    /// The people it holds.
    pub people: f64,
    /// True when the room gives `people`; false when they come from its area and the density
    /// of its category.
    pub given: bool,
}

/// The rooms' occupancy: given, or area × density of the category.
pub fn occupancy(floor: &Floor, settings: &CapacitySettings) -> Vec<RoomOccupancy> {
    floor
        .rooms
        .iter()
        .map(|r| {
            let area_m2 = r.area_m2();
            let given = r.people.filter(|p| p.is_finite() && *p >= 0.0);
            RoomOccupancy {
                room: r.id.clone(),
                name: r.name.clone(),
                category: r.category.clone(),
                area_m2,
                people: given.unwrap_or_else(|| {
                    (area_m2 * settings.density(r.category.as_deref())).max(0.0)
                }),
                given: given.is_some(),
            }
        })
        .collect()
}

/// One radio's load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RadioLoad {
    /// The access point's id.
    pub ap: String,
    /// Its name.
    pub name: String,
    /// The radio's index among the access point's radios.
    pub radio: usize,
    /// Its band.
    pub band: WifiBand,
    /// Its channel, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<u32>,
    /// Its channel width, MHz.
    pub width_mhz: u32,
    /// The clients it serves.
    pub clients: f64,
    /// The airtime they take, percent (more than 100 means the radio cannot carry them).
    pub airtime_percent: f64,
    /// True when it serves more clients or airtime than the limits.
    pub over: bool,
}

/// The clients of one band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BandClients {
    /// The band.
    pub band: WifiBand,
    /// The clients its radios serve (its share and what higher bands handed down).
    pub clients: f64,
    /// Its radios on the floor.
    pub radios: usize,
}

/// A floor's client capacity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Capacity {
    /// The floor's id.
    pub floor: String,
    /// What the people are counted over: its rooms, else its interior, else the plan.
    pub area: AreaKind,
    /// The people on the floor.
    pub people: f64,
    /// Their Wi-Fi clients.
    pub clients: f64,
    /// Clients no radio of any band reaches at the association level.
    pub unserved_clients: f64,
    /// The clients per band.
    pub bands: Vec<BandClients>,
    /// Every radio of the floor's access points, in the maps' order (band by band).
    pub radios: Vec<RadioLoad>,
    /// The rooms' occupancy (empty on a floor without rooms).
    pub rooms: Vec<RoomOccupancy>,
    /// Radios over a limit.
    pub findings: Vec<Finding>,
}

/// The people in each cell of `grid` (sparse: cell index and people), in index order.
pub fn people_per_cell(
    floor: &Floor,
    area: &FloorArea,
    grid: &Grid,
    settings: &CapacitySettings,
) -> Vec<(usize, f64)> {
    let mut people: BTreeMap<usize, f64> = BTreeMap::new();
    match area {
        FloorArea::Rooms => {
            for (room, occ) in floor.rooms.iter().zip(occupancy(floor, settings)) {
                if occ.people <= 0.0 {
                    continue;
                }
                let cells = room_cells(grid, room);
                if cells.is_empty() {
                    if let Some((r, c)) = grid.cell_of(room.polygon.centroid()) {
                        *people.entry(grid.index(r, c)).or_default() += occ.people;
                    }
                    continue;
                }
                let each = occ.people / cells.len() as f64;
                for i in cells {
                    *people.entry(i).or_default() += each;
                }
            }
        }
        FloorArea::Interior(_) | FloorArea::Plan => {
            let each = settings.default_people_per_m2.max(0.0) * grid.cell_area_m2();
            if each > 0.0 {
                for i in area.cells(grid, floor) {
                    people.insert(i, each);
                }
            }
        }
    }
    people.into_iter().collect()
}

/// The bands from the highest down: the order clients fall back in.
const FALLBACK: [WifiBand; 3] = [WifiBand::Ghz6, WifiBand::Ghz5, WifiBand::Ghz2_4];

/// The capacity of `floor_id` from its maps, one per band that has radios on the floor (any
/// order; computed with [`FloorScope::Own`] on the same grid). A band without a map has no
/// radio: its clients fall back to the next lower band.
pub fn capacity(
    project: &Project,
    floor_id: &str,
    maps: &[&Heatmaps],
) -> Result<Capacity, CoverageError> {
    let floor = project
        .floor(floor_id)
        .ok_or_else(|| CoverageError::UnknownFloor(floor_id.to_owned()))?;
    let settings = &project.settings.capacity;
    let area = FloorArea::of(floor, &project.settings.radio);
    let map_of = |band: WifiBand| {
        maps.iter()
            .copied()
            .find(|m| m.service == Service::Wifi(band))
    };
    let grid = match maps.first() {
        Some(m) => m.grid,
        None => Grid::for_floor(floor, project.settings.radio.cell_m, usize::MAX)?,
    };
    // Every radio in the maps, numbered: (band, serving index) → load index.
    let mut radios: Vec<RadioLoad> = Vec::new();
    let mut index: BTreeMap<(WifiBand, u32), usize> = BTreeMap::new();
    for band in [WifiBand::Ghz2_4, WifiBand::Ghz5, WifiBand::Ghz6] {
        let Some(m) = map_of(band) else { continue };
        for (k, r) in m.transmitters.iter().enumerate() {
            let t = &r.transmitter;
            index.insert((band, k as u32), radios.len());
            radios.push(RadioLoad {
                ap: t.id.clone(),
                name: t.name.clone(),
                radio: t.radio,
                band,
                channel: t.channel,
                width_mhz: t.width_mhz,
                clients: 0.0,
                airtime_percent: 0.0,
                over: false,
            });
        }
    }
    let per_person = settings.devices_per_person.max(0.0);
    let share = |b: WifiBand| settings.band_share_percent.of(b).max(0.0);
    let total_share: f64 = FALLBACK.iter().map(|&b| share(b)).sum();
    let mut people = 0.0;
    let mut unserved = 0.0;
    let mut by_band: BTreeMap<WifiBand, f64> = BTreeMap::new();
    for (i, p) in people_per_cell(floor, &area, &grid, settings) {
        people += p;
        let clients = p * per_person;
        let mut handed = 0.0;
        for band in FALLBACK {
            let here = if total_share > 0.0 {
                clients * share(band) / total_share
            } else {
                0.0
            } + handed;
            let server = map_of(band).and_then(|m| {
                let s = m.serving[i];
                (s != NO_SERVER && f64::from(m.best_rssi_dbm[i]) >= settings.association_dbm)
                    .then_some(s)
            });
            match server.and_then(|s| index.get(&(band, s))) {
                Some(&k) => {
                    radios[k].clients += here;
                    *by_band.entry(band).or_default() += here;
                    handed = 0.0;
                }
                None => handed = here,
            }
        }
        unserved += handed;
    }
    let mut findings = Vec::new();
    for r in &mut radios {
        r.airtime_percent = airtime_percent(settings, r.clients, r.width_mhz);
        let over_clients = r.clients > settings.max_clients_per_radio;
        let over_airtime = r.airtime_percent > settings.max_airtime_percent;
        r.over = over_clients || over_airtime;
        if !r.over {
            continue;
        }
        let location = format!(
            "floor \"{}\", access point \"{}\" radio {} ({} GHz)",
            floor.id,
            r.name,
            r.radio + 1,
            r.band.as_str()
        );
        let (message, measured, limit) = if over_clients {
            (
                format!(
                    "serves {} clients, more than the {} a radio should ({} % airtime)",
                    Num(round1(r.clients)),
                    Num(settings.max_clients_per_radio),
                    Num(round1(r.airtime_percent))
                ),
                r.clients,
                settings.max_clients_per_radio,
            )
        } else {
            (
                format!(
                    "its {} clients take {} % of its airtime, more than {} %",
                    Num(round1(r.clients)),
                    Num(round1(r.airtime_percent)),
                    Num(settings.max_airtime_percent)
                ),
                r.airtime_percent,
                settings.max_airtime_percent,
            )
        };
        let finding = Finding::new(
            Rule::RadioLoad,
            Severity::Warning,
            r.ap.clone(),
            location,
            message,
        )
        .with_values(measured, limit);
        findings.push(finding);
    }
    let bands = [WifiBand::Ghz2_4, WifiBand::Ghz5, WifiBand::Ghz6]
        .into_iter()
        .filter_map(|band| {
            let n = radios.iter().filter(|r| r.band == band).count();
            let clients = by_band.get(&band).copied().unwrap_or(0.0);
            (n > 0 || clients > 0.0).then_some(BandClients {
                band,
                clients,
                radios: n,
            })
        })
        .collect();
    Ok(Capacity {
        floor: floor.id.clone(),
        area: area.kind(),
        people,
        clients: people * per_person,
        unserved_clients: unserved,
        bands,
        radios,
        rooms: occupancy(floor, settings),
        findings,
    })
}

/// The airtime `clients` take from a radio `width_mhz` wide, percent.
pub fn airtime_percent(settings: &CapacitySettings, clients: f64, width_mhz: u32) -> f64 {
    clients * settings.airtime_per_client_percent.max(0.0) * 20.0 / f64::from(width_mhz.max(20))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The Wi-Fi bands with a radio on `floor`.
pub fn bands_on(floor: &Floor) -> Vec<WifiBand> {
    [WifiBand::Ghz2_4, WifiBand::Ghz5, WifiBand::Ghz6]
        .into_iter()
        .filter(|&b| floor.access_points.iter().any(|ap| ap.has_band(b)))
        .collect()
}

/// The maps capacity needs (one per band with radios on the floor, the floor's own radios) and
/// the capacity from them, computed with `engine` at `cell_m` (the settings' cell when
/// `None`).
pub fn floor_capacity(
    engine: &mut CoverageEngine,
    project: &Project,
    floor_id: &str,
    cell_m: Option<f64>,
) -> Result<(Capacity, Vec<Heatmaps>), CoverageError> {
    let floor = project
        .floor(floor_id)
        .ok_or_else(|| CoverageError::UnknownFloor(floor_id.to_owned()))?;
    let mut maps = Vec::new();
    for band in bands_on(floor) {
        let mut request = CoverageRequest::new(floor_id, Service::Wifi(band));
        request.cell_m = cell_m;
        request.scope = FloorScope::Own;
        maps.push(engine.heatmaps(project, &request)?);
    }
    let refs: Vec<&Heatmaps> = maps.iter().collect();
    let c = capacity(project, floor_id, &refs)?;
    Ok((c, maps))
}

impl Capacity {
    /// The load of the radio serving each cell of `maps` (one band's, from the same floor):
    /// its clients, or its airtime percent with `airtime`; NaN where no radio of the band
    /// serves at the association level.
    pub fn per_cell(&self, maps: &Heatmaps, association_dbm: f64, airtime: bool) -> Vec<f32> {
        let Service::Wifi(band) = maps.service else {
            return vec![f32::NAN; maps.grid.len()];
        };
        let load: Vec<f32> = maps
            .transmitters
            .iter()
            .map(|r| {
                self.radios
                    .iter()
                    .find(|l| {
                        l.band == band && l.ap == r.transmitter.id && l.radio == r.transmitter.radio
                    })
                    .map_or(f32::NAN, |l| {
                        (if airtime {
                            l.airtime_percent
                        } else {
                            l.clients
                        }) as f32
                    })
            })
            .collect();
        maps.serving
            .iter()
            .zip(&maps.best_rssi_dbm)
            .map(|(&s, &best)| {
                if s == NO_SERVER || f64::from(best) < association_dbm {
                    f32::NAN
                } else {
                    load.get(s as usize).copied().unwrap_or(f32::NAN)
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::AccessPoint;
    use crate::geometry::{Point, Polygon};
    use crate::radio::Radio;
    use crate::rooms::Room;

    /// A 40 × 10 m floor of two 20 × 10 m rooms, no walls; an access point in the middle of
    /// each room on 5 GHz.
    fn two_rooms(people: [Option<f64>; 2]) -> Project {
        let mut p = Project::new();
        let mut f = Floor::new("0", "Ground", 0.0);
        for (k, x0) in [0.0, 20.0].into_iter().enumerate() {
            let mut r = Room::new(
                format!("r{k}"),
                format!("R{k}"),
                Polygon::rect(Point::new(x0, 0.0), Point::new(x0 + 20.0, 10.0)),
            );
            r.people = people[k];
            r.category = Some("office".into());
            f.rooms.push(r);
            let mut radio = Radio::new(WifiBand::Ghz5, 20.0);
            radio.channel = Some(36 + 8 * k as u32);
            f.access_points.push(AccessPoint::one_radio(
                &format!("ap{k}"),
                &format!("AP{k}"),
                Point::new(x0 + 10.0, 5.0),
                radio,
            ));
        }
        p.floors.push(f);
        p
    }

    fn run(p: &Project) -> Capacity {
        floor_capacity(&mut CoverageEngine::new(), p, "0", Some(0.5))
            .unwrap()
            .0
    }

    #[test]
    fn given_people_make_clients_on_the_nearest_radio() {
        // 40 people in the left room, 10 in the right; 1.5 devices each; 5 GHz only, so the
        // 6 GHz share falls to 5 GHz and 2.4 GHz clients (10 %) are unserved.
        let p = two_rooms([Some(40.0), Some(10.0)]);
        let c = run(&p);
        assert!((c.people - 50.0).abs() < 1e-9, "{}", c.people);
        assert!((c.clients - 75.0).abs() < 1e-9);
        assert!(
            (c.unserved_clients - 7.5).abs() < 1e-9,
            "{}",
            c.unserved_clients
        );
        let [a, b] = [&c.radios[0], &c.radios[1]];
        // Each room's cells hear their own access point best (symmetric, no walls).
        assert!((a.clients - 40.0 * 1.5 * 0.9).abs() < 1e-6, "{}", a.clients);
        assert!((b.clients - 10.0 * 1.5 * 0.9).abs() < 1e-6, "{}", b.clients);
        // 54 clients × 1 % at 20 MHz: 54 % airtime; over the 50 clients.
        assert!((a.airtime_percent - 54.0).abs() < 1e-6);
        assert!(a.over && !b.over);
        assert_eq!(c.findings.len(), 1);
        assert_eq!(c.findings[0].rule, Rule::RadioLoad);
        assert_eq!(c.findings[0].subject, "ap0");
        assert!(
            c.findings[0].message.contains("54 clients"),
            "{}",
            c.findings[0].message
        );
    }

    #[test]
    fn a_radio_over_the_airtime_limit_alone_is_a_finding_too() {
        let mut p = two_rooms([Some(40.0), Some(10.0)]);
        p.settings.capacity.max_clients_per_radio = 1000.0;
        p.settings.capacity.max_airtime_percent = 50.0;
        let c = run(&p);
        assert_eq!(c.findings.len(), 1);
        let f = &c.findings[0];
        assert_eq!(
            f.message,
            "its 54 clients take 54 % of its airtime, more than 50 %"
        );
        assert_eq!(
            (f.measured, f.limit),
            (Some(c.radios[0].airtime_percent), Some(50.0))
        );
        assert!(
            f.location.ends_with("access point \"AP0\" radio 1 (5 GHz)"),
            "{}",
            f.location
        );
    }

    #[test]
    fn radios_are_added_where_the_busiest_radio_serves_until_none_is_over() {
        // A corridor of 20 cells of 10 clients; one radio at cell 0, heard everywhere.
        let demand = CapacityDemand {
            clients: vec![10.0; 20],
            association_dbm: -80.0,
            limit: 50.0,
            cols: 20,
        };
        let at = |c: usize| -> Vec<f32> {
            (0..20)
                .map(|i| -40.0 - 2.0 * (i as f32 - c as f32).abs())
                .collect()
        };
        let mut fields = vec![at(0)];
        let candidates: Vec<usize> = (0..20).collect();
        let chosen = demand.add_radios(&mut fields, &candidates, &mut |j| at(candidates[j]), 10);
        // 200 clients, 50 a radio: four radios in all, each at most 50.
        assert_eq!(fields.len(), 1 + chosen.len());
        let (_, _, load) = demand.loads(&fields);
        assert!(load.iter().all(|&l| l <= 50.0), "{load:?} with {chosen:?}");
        assert!(chosen.len() <= 4, "{chosen:?}");
        // Deterministic.
        let mut again = vec![at(0)];
        assert_eq!(
            demand.add_radios(&mut again, &candidates, &mut |j| at(candidates[j]), 10),
            chosen
        );
        // Nothing to do under the limit; nothing added where no candidate helps.
        let light = CapacityDemand {
            clients: vec![1.0; 20],
            ..demand.clone()
        };
        assert!(
            light
                .add_radios(
                    &mut vec![at(0)],
                    &candidates,
                    &mut |j| at(candidates[j]),
                    10
                )
                .is_empty()
        );
        let weak = |_: usize| vec![-99.0f32; 20];
        assert!(
            demand
                .add_radios(&mut vec![at(0)], &candidates, &mut |j| weak(j), 10)
                .is_empty()
        );
        // At most max_new.
        assert_eq!(
            demand
                .add_radios(&mut vec![at(0)], &candidates, &mut |j| at(candidates[j]), 1)
                .len(),
            1
        );
    }

    #[test]
    fn the_demand_of_a_band_takes_what_higher_bands_without_radios_hand_down() {
        let p = two_rooms([Some(10.0), Some(10.0)]);
        let floor = &p.floors[0];
        let grid = Grid::for_floor(floor, 1.0, usize::MAX).unwrap();
        let total = |d: &CapacityDemand| d.clients.iter().sum::<f64>();
        // 5 GHz alone: its 60 % and the 6 GHz 30 % of 30 clients.
        let d = CapacityDemand::of(&p, floor, &grid, WifiBand::Ghz5, &[WifiBand::Ghz5], 20);
        assert!((total(&d) - 27.0).abs() < 1e-9, "{}", total(&d));
        // With 6 GHz radios too: its own 60 %.
        let d = CapacityDemand::of(
            &p,
            floor,
            &grid,
            WifiBand::Ghz5,
            &[WifiBand::Ghz5, WifiBand::Ghz6],
            20,
        );
        assert!((total(&d) - 18.0).abs() < 1e-9);
        // 50 clients, or 70 % airtime at 1 % a client on 20 MHz: 50.
        assert_eq!(d.limit, 50.0);
    }

    #[test]
    fn placement_for_capacity_adds_access_points_where_the_crowd_is() {
        use crate::coverage::placement::{ApPlacementOptions, place_aps};
        // A lecture hall of 300 people and a quiet office: coverage needs few access
        // points, 300 × 1.5 × 90 % = 405 clients want eight or more radios of 50.
        let mut p = two_rooms([Some(300.0), Some(2.0)]);
        p.floors[0].access_points.clear();
        let coverage = place_aps(&p, "0", &ApPlacementOptions::default()).unwrap();
        assert!(coverage.capacity.is_none());
        let options = ApPlacementOptions {
            capacity: true,
            ..ApPlacementOptions::default()
        };
        let both = place_aps(&p, "0", &options).unwrap();
        let c = both.capacity.as_ref().unwrap();
        assert_eq!(both.proposals.len(), coverage.proposals.len() + c.added);
        assert!(c.added >= 5, "{c:?}");
        assert!((c.clients - 300.0 * 1.5 * 0.9 - 2.0 * 1.5 * 0.9).abs() < 1e-6);
        assert!(c.busiest <= c.limit, "{c:?}");
        // The coverage proposals come first, unchanged; the added ones stand in the hall.
        assert_eq!(
            both.proposals[..coverage.proposals.len()],
            coverage.proposals[..]
        );
        for ap in &both.proposals[coverage.proposals.len()..] {
            assert!(ap.position.x < 20.0, "{:?}", ap.position);
        }
        assert!(both.achieved.percent >= coverage.achieved.percent);
        // The capacity model of the result agrees: no radio over the limit.
        let mut q = p.clone();
        q.floors[0]
            .access_points
            .extend(both.proposals.iter().map(|a| a.access_point()));
        let loads = run(&q);
        assert!(
            loads.radios.iter().all(|r| r.clients <= c.limit + 1e-6),
            "{:?}",
            loads.radios.iter().map(|r| r.clients).collect::<Vec<_>>()
        );
        // Deterministic.
        assert_eq!(place_aps(&p, "0", &options).unwrap(), both);
    }

    #[test]
    fn density_by_category_and_wider_channels_take_less_airtime() {
        // No people given: 200 m² of office at 0.1 a m² = 20 people a room.
        let mut p = two_rooms([None, None]);
        p.floors[0].rooms[1].category = Some("classroom".into());
        p.floors[0].access_points[0].radios[0].width_mhz = 80;
        let c = run(&p);
        assert!((c.rooms[0].people - 20.0).abs() < 1e-9);
        assert!(!c.rooms[0].given);
        assert!((c.rooms[1].people - 100.0).abs() < 1e-9);
        let a = &c.radios[0];
        assert!((a.clients - 27.0).abs() < 1e-6, "{}", a.clients);
        assert!((a.airtime_percent - 27.0 / 4.0).abs() < 1e-6);
        assert!(c.radios[1].over);
    }

    #[test]
    fn a_band_without_radios_hands_its_clients_down() {
        let mut p = two_rooms([Some(10.0), Some(0.0)]);
        // A second, 2.4 GHz radio on the left access point.
        let mut r24 = Radio::new(WifiBand::Ghz2_4, 20.0);
        r24.channel = Some(1);
        p.floors[0].access_points[0].radios.push(r24);
        let c = run(&p);
        // Nothing unserved within reach: 2.4 GHz serves its 10 %, 5 GHz the 60 % and the
        // 6 GHz 30 % handed down.
        assert!(c.unserved_clients < 1e-9, "{}", c.unserved_clients);
        let r24 = c
            .radios
            .iter()
            .find(|r| r.band == WifiBand::Ghz2_4)
            .unwrap();
        assert!((r24.clients - 1.5).abs() < 1e-6, "{}", r24.clients);
        let five: f64 = c
            .radios
            .iter()
            .filter(|r| r.band == WifiBand::Ghz5)
            .map(|r| r.clients)
            .sum();
        assert!((five - 13.5).abs() < 1e-6, "{five}");
        assert_eq!(c.bands.len(), 2);
    }

    #[test]
    fn out_of_reach_clients_are_unserved_and_the_map_shows_loads() {
        let mut p = two_rooms([Some(10.0), Some(10.0)]);
        p.settings.capacity.association_dbm = 0.0; // nothing is that strong
        let c = run(&p);
        assert!((c.unserved_clients - 30.0).abs() < 1e-6);
        assert!(c.radios.iter().all(|r| r.clients == 0.0));
        let p = two_rooms([Some(10.0), Some(20.0)]);
        let mut engine = CoverageEngine::new();
        let (c, maps) = floor_capacity(&mut engine, &p, "0", Some(0.5)).unwrap();
        let per = c.per_cell(&maps[0], -75.0, false);
        let g = &maps[0].grid;
        let (r, col) = g.cell_of(Point::new(5.0, 5.0)).unwrap();
        assert!((f64::from(per[g.index(r, col)]) - 13.5).abs() < 1e-4);
        let (r, col) = g.cell_of(Point::new(35.0, 5.0)).unwrap();
        assert!((f64::from(per[g.index(r, col)]) - 27.0).abs() < 1e-4);
    }

    #[test]
    fn a_floor_without_rooms_holds_the_default_density() {
        let mut p = two_rooms([None, None]);
        p.floors[0].rooms.clear();
        // No walls enclose anything: the plan (the access points' extent) at 0.1 a m².
        let c = run(&p);
        assert_eq!(c.area, AreaKind::Plan);
        assert!(c.people > 0.0);
        assert!(c.rooms.is_empty());
    }
}

/// What capacity asks of a placement on one band: the clients each grid cell brings to the
/// band, the level they associate at, and the most clients one radio should carry.
#[derive(Debug, Clone, PartialEq)]
pub struct CapacityDemand {
    /// Clients per grid cell on the band (its share and what higher bands without radios hand
    /// down).
    pub clients: Vec<f64>,
    /// The weakest signal a client associates at, dBm.
    pub association_dbm: f64,
    /// The most clients one radio should carry: the client limit, or the airtime limit
    /// turned into clients at the radio's width, whichever is lower.
    pub limit: f64,
    /// The grid's columns: cell `i` is in row `i / cols`, column `i % cols`.
    pub cols: usize,
}

impl CapacityDemand {
    /// The demand of `floor` on `band` for radios `width_mhz` wide, on `grid`; `bands` are the
    /// bands that have radios on the floor (the placement's band among them): the share of a
    /// band without radios falls to the next lower one.
    pub fn of(
        project: &Project,
        floor: &Floor,
        grid: &Grid,
        band: WifiBand,
        bands: &[WifiBand],
        width_mhz: u32,
    ) -> Self {
        let settings = &project.settings.capacity;
        let area = FloorArea::of(floor, &project.settings.radio);
        let share = |b: WifiBand| settings.band_share_percent.of(b).max(0.0);
        let total: f64 = FALLBACK.iter().map(|&b| share(b)).sum();
        // This band's share, and those of the higher bands without radios above it.
        let mut part = 0.0;
        for b in FALLBACK {
            if b == band {
                part += share(b);
                break;
            }
            if bands.contains(&b) {
                part = 0.0;
            } else {
                part += share(b);
            }
        }
        let fraction = if total > 0.0 { part / total } else { 0.0 };
        let mut clients = vec![0.0; grid.len()];
        for (i, p) in people_per_cell(floor, &area, grid, settings) {
            clients[i] = p * settings.devices_per_person.max(0.0) * fraction;
        }
        let per_client = airtime_percent(settings, 1.0, width_mhz);
        let by_airtime = if per_client > 0.0 {
            settings.max_airtime_percent / per_client
        } else {
            f64::INFINITY
        };
        CapacityDemand {
            clients,
            association_dbm: settings.association_dbm,
            limit: settings.max_clients_per_radio.min(by_airtime).max(1.0),
            cols: grid.cols.max(1),
        }
    }

    /// The clients of the busiest radio among `fields`.
    pub fn busiest(&self, fields: &[Vec<f32>]) -> f64 {
        self.loads(fields).2.into_iter().fold(0.0, f64::max)
    }

    /// The serving radio of each cell among `fields` (the strongest at the association level
    /// or more, the first on a tie) and each radio's clients.
    fn loads(&self, fields: &[Vec<f32>]) -> (Vec<Option<usize>>, Vec<f32>, Vec<f64>) {
        let n = self.clients.len();
        let mut serving = vec![None; n];
        let mut best = vec![f32::NEG_INFINITY; n];
        for (k, f) in fields.iter().enumerate() {
            for (i, &v) in f.iter().enumerate().take(n) {
                if f64::from(v) >= self.association_dbm && v > best[i] {
                    best[i] = v;
                    serving[i] = Some(k);
                }
            }
        }
        let mut load = vec![0.0; fields.len()];
        for (i, s) in serving.iter().enumerate() {
            if let Some(k) = *s {
                load[k] += self.clients[i];
            }
        }
        (serving, best, load)
    }

    /// Candidates to add, in order, until no radio carries more than the limit. Each round
    /// takes the busiest radio over the limit, which needs `m = ⌈load / limit⌉` radios where
    /// it serves: its served cells, weighted by their clients, are split into `m` groups
    /// around the radio itself and `m − 1` new centres (weighted k-means, the new centres
    /// started farthest first, the radio's own centre fixed at its strongest cell), and the
    /// unused candidate nearest each new centre is added. A crowd too big for one more radio
    /// so gets several at once, spread over it. A round that does not lower the clients over
    /// the limit (summed over the radios) is taken back and ends the search, as does
    /// `max_new`. `fields` are the radios' fields so far (the new ones are appended);
    /// `candidates` the positions' grid cells; `field_of` computes a candidate's field.
    /// Deterministic.
    pub fn add_radios(
        &self,
        fields: &mut Vec<Vec<f32>>,
        candidates: &[usize],
        field_of: &mut dyn FnMut(usize) -> Vec<f32>,
        max_new: usize,
    ) -> Vec<usize> {
        let excess =
            |loads: &[f64]| -> f64 { loads.iter().map(|&l| (l - self.limit).max(0.0)).sum() };
        let at = |i: usize| ((i / self.cols) as f64, (i % self.cols) as f64);
        let d2 = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2);
        let mut chosen: Vec<usize> = Vec::new();
        loop {
            let (serving, _, load) = self.loads(fields);
            let before = excess(&load);
            if before <= 0.0 || chosen.len() >= max_new {
                break;
            }
            let Some((k, &worst)) = load
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            else {
                break;
            };
            let served: Vec<usize> = (0..self.clients.len())
                .filter(|&i| serving[i] == Some(k) && self.clients[i] > 0.0)
                .collect();
            let m = ((worst / self.limit).ceil() as usize).max(2);
            let new = (m - 1).min(max_new - chosen.len());
            // The radio's own centre: its strongest cell.
            let own = (0..fields[k].len())
                .max_by(|&a, &b| fields[k][a].total_cmp(&fields[k][b]).then(b.cmp(&a)))
                .map_or((0.0, 0.0), at);
            let mut centres = vec![own];
            for _ in 0..new {
                let far = served
                    .iter()
                    .map(|&i| {
                        let p = at(i);
                        let near = centres
                            .iter()
                            .map(|&c| d2(p, c))
                            .fold(f64::INFINITY, f64::min);
                        (near * self.clients[i], p)
                    })
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                match far {
                    Some((_, p)) => centres.push(p),
                    None => break,
                }
            }
            for _ in 0..20 {
                let mut sum = vec![(0.0, 0.0, 0.0); centres.len()];
                for &i in &served {
                    let p = at(i);
                    let g = (0..centres.len())
                        .min_by(|&a, &b| d2(p, centres[a]).total_cmp(&d2(p, centres[b])))
                        .unwrap_or(0);
                    let w = self.clients[i];
                    sum[g] = (sum[g].0 + w * p.0, sum[g].1 + w * p.1, sum[g].2 + w);
                }
                for (g, &(y, x, w)) in sum.iter().enumerate().skip(1) {
                    if w > 0.0 {
                        centres[g] = (y / w, x / w);
                    }
                }
            }
            let mut batch = Vec::new();
            for &c in &centres[1..] {
                let nearest = candidates
                    .iter()
                    .enumerate()
                    .filter(|(j, cell)| {
                        **cell < self.clients.len() && !chosen.contains(j) && !batch.contains(j)
                    })
                    .min_by(|a, b| {
                        d2(at(*a.1), c)
                            .total_cmp(&d2(at(*b.1), c))
                            .then(a.0.cmp(&b.0))
                    });
                if let Some((j, _)) = nearest {
                    batch.push(j);
                }
            }
            if batch.is_empty() {
                break;
            }
            let mut trial = fields.clone();
            trial.extend(batch.iter().map(|&j| field_of(j)));
            if excess(&self.loads(&trial).2) >= before {
                break;
            }
            *fields = trial;
            chosen.extend(batch);
        }
        chosen
    }
}
