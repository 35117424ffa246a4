//! The incremental engine: per-transmitter fields cached by everything they depend on.
//!
//! A field's key is made of the transmitter's parameters (position, height, power,
//! frequency, antenna), the receiver floor's obstacles (their 128-bit fingerprint: geometry and
//! losses), the grid, and the model settings it uses (exponent, receiver height, slab loss).
//! Moving one access point changes one key: the next request computes that one field and
//! recombines the maps; every other field comes from the cache. Entries not used recently are
//! dropped beyond a memory budget.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::floor::Floor;
use crate::materials::Band;
use crate::project::Project;

use super::CoverageError;
use super::field::{self, Field, Method};
use super::grid::{DEFAULT_MAX_CELLS, Grid};
use super::maps::{self, Heatmaps};
use super::model::{FloorScope, Link, Reaching, Service, transmitters_reaching};
use super::obstacles::Obstacles;
use super::shadow::Scratch;

/// What to compute: a floor's maps for one band or technology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageRequest {
    /// The receiver floor's id.
    pub floor: String,
    /// The Wi-Fi band or IoT technology.
    pub service: Service,
    /// Cell side, metres; `None` for [`crate::RadioSettings::cell_m`].
    pub cell_m: Option<f64>,
    /// Which floors' transmitters count (default: this floor and those directly above and
    /// below).
    pub scope: FloorScope,
    /// The threshold of [`Heatmaps::servers_above`], dBm; `None` for the strongest of
    /// [`crate::RadioSettings::wifi_thresholds_dbm`] (Wi-Fi) or the technology's receiver
    /// sensitivity (IoT).
    pub threshold_dbm: Option<f64>,
    /// Whether to compute [`Heatmaps::sinr_db`].
    pub sinr: bool,
}

impl CoverageRequest {
    /// The default request for `floor` and `service`.
    pub fn new(floor: impl Into<String>, service: Service) -> Self {
        Self {
            floor: floor.into(),
            service,
            cell_m: None,
            scope: FloorScope::default(),
            threshold_dbm: None,
            sinr: false,
        }
    }

    /// The same request with cells of `cell_m`.
    pub fn with_cell(mut self, cell_m: f64) -> Self {
        self.cell_m = Some(cell_m);
        self
    }
}

/// Everything the fields of one request share, resolved from the project.
pub(crate) struct Prepared<'p> {
    pub floor: &'p Floor,
    pub grid: Grid,
    pub obstacles: Arc<Obstacles>,
    pub transmitters: Vec<Reaching>,
    pub links: Vec<Link>,
    pub threshold_dbm: f64,
    pub noise_floor_dbm: f64,
}

/// The default threshold for counting servers: the strongest Wi-Fi threshold, or the
/// technology's sensitivity.
pub fn default_threshold_dbm(project: &Project, service: Service) -> f64 {
    let radio = &project.settings.radio;
    match service {
        Service::Wifi(_) => radio
            .wifi_thresholds_dbm
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max)
            .max(-200.0),
        Service::Iot(t) => radio.iot_sensitivity_dbm.of(t),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FieldKey {
    t: [u64; 2],
    dz: u64,
    antenna: Option<u64>,
    tx_dbm: u64,
    fterm: u64,
    exponent: u64,
    band: Band,
    slabs_db: u64,
    grid: [u64; 7],
    obstacles: u128,
    method: Method,
}

impl FieldKey {
    fn new(link: &Link, grid: &Grid, obstacles: &Obstacles, method: Method) -> Self {
        let b = grid.bbox;
        Self {
            t: [link.t.x.to_bits(), link.t.y.to_bits()],
            dz: link.dz.to_bits(),
            antenna: link.antenna.as_ref().map(|a| a.fingerprint()),
            tx_dbm: link.tx_dbm.to_bits(),
            fterm: link.fterm.to_bits(),
            exponent: link.exponent.to_bits(),
            band: link.band,
            slabs_db: link.slabs_db.to_bits(),
            grid: [
                b.min.x.to_bits(),
                b.min.y.to_bits(),
                b.max.x.to_bits(),
                b.max.y.to_bits(),
                grid.cell_m.to_bits(),
                grid.cols as u64,
                grid.rows as u64,
            ],
            obstacles: obstacles.fingerprint(),
            method,
        }
    }
}

#[derive(Debug)]
struct Entry {
    values: Arc<Vec<f32>>,
    last_used: u64,
}

/// Computes heatmaps, keeping every transmitter's field for the next request.
#[derive(Debug)]
pub struct CoverageEngine {
    method: Method,
    cache: HashMap<FieldKey, Entry>,
    obstacles: HashMap<String, Arc<Obstacles>>,
    budget_bytes: usize,
    max_cells: usize,
    tick: u64,
    scratch: Scratch,
    computed: usize,
}

impl Default for CoverageEngine {
    fn default() -> Self {
        Self::new()
    }
}

/// The default cache budget, bytes (about 60 fields of a 1-million-cell floor).
pub const DEFAULT_BUDGET_BYTES: usize = 256 * 1024 * 1024;

impl CoverageEngine {
    /// An engine using the fast path.
    pub fn new() -> Self {
        Self::with_method(Method::Shadow)
    }

    /// An engine using `method` (the oracle for tests and benchmarks).
    pub fn with_method(method: Method) -> Self {
        Self {
            method,
            cache: HashMap::new(),
            obstacles: HashMap::new(),
            budget_bytes: DEFAULT_BUDGET_BYTES,
            max_cells: DEFAULT_MAX_CELLS,
            tick: 0,
            scratch: Scratch::default(),
            computed: 0,
        }
    }

    /// Sets the memory the cached fields may take, bytes.
    pub fn set_budget_bytes(&mut self, bytes: usize) {
        self.budget_bytes = bytes;
    }

    /// Sets the grid-cell limit: a request for a map of more cells is refused with
    /// [`CoverageError::GridTooLarge`] before anything is allocated (default
    /// [`DEFAULT_MAX_CELLS`]).
    pub fn set_max_cells(&mut self, max_cells: usize) {
        self.max_cells = max_cells;
    }

    /// The grid-cell limit.
    pub fn max_cells(&self) -> usize {
        self.max_cells
    }

    /// The method fields are computed with.
    pub fn method(&self) -> Method {
        self.method
    }

    /// How many fields the last request computed (the others came from the cache).
    pub fn computed_last(&self) -> usize {
        self.computed
    }

    /// How many fields are cached.
    pub fn cached_fields(&self) -> usize {
        self.cache.len()
    }

    /// Drops every cached field.
    pub fn clear(&mut self) {
        self.cache.clear();
        self.obstacles.clear();
    }

    /// Resolves a request against the project: floor, grid, obstacles, transmitters.
    pub(crate) fn prepare<'p>(
        &mut self,
        project: &'p Project,
        request: &CoverageRequest,
    ) -> Result<Prepared<'p>, CoverageError> {
        let floor = project
            .floor(&request.floor)
            .ok_or_else(|| CoverageError::UnknownFloor(request.floor.clone()))?;
        let radio = &project.settings.radio;
        let grid = Grid::for_floor(
            floor,
            request.cell_m.unwrap_or(radio.cell_m),
            self.max_cells,
        )?;
        let built = Obstacles::of_floor(floor, &project.materials);
        let obstacles = match self.obstacles.get(&floor.id) {
            Some(o) if o.fingerprint() == built.fingerprint() => Arc::clone(o),
            _ => {
                let o = Arc::new(built);
                self.obstacles.insert(floor.id.clone(), Arc::clone(&o));
                o
            }
        };
        let transmitters = transmitters_reaching(project, floor, request.service, request.scope);
        let rx_z = floor.elevation_m + radio.receiver_height_m;
        let links = transmitters
            .iter()
            .map(|r| Link::new(r, rx_z, radio))
            .collect();
        Ok(Prepared {
            floor,
            grid,
            obstacles,
            transmitters,
            links,
            threshold_dbm: request
                .threshold_dbm
                .unwrap_or_else(|| default_threshold_dbm(project, request.service)),
            noise_floor_dbm: radio.noise_floor_dbm,
        })
    }

    /// The field of transmitter `k` of `prepared`, from the cache or computed.
    pub(crate) fn field_values(&mut self, prepared: &Prepared<'_>, k: usize) -> Arc<Vec<f32>> {
        let link = &prepared.links[k];
        let key = FieldKey::new(link, &prepared.grid, &prepared.obstacles, self.method);
        let tick = self.tick;
        if let Some(e) = self.cache.get_mut(&key) {
            e.last_used = tick;
            return Arc::clone(&e.values);
        }
        let values = Arc::new(field::values(
            &prepared.grid,
            &prepared.obstacles,
            link,
            self.method,
            &mut self.scratch,
        ));
        self.computed += 1;
        self.cache.insert(
            key,
            Entry {
                values: Arc::clone(&values),
                last_used: tick,
            },
        );
        values
    }

    /// Starts a request: counts afresh what it computes.
    pub(crate) fn begin(&mut self) {
        self.tick += 1;
        self.computed = 0;
    }

    /// Ends a request: drops the least recently used fields beyond the budget (never those
    /// of the request just served).
    pub(crate) fn end(&mut self) {
        let bytes: usize = self.cache.values().map(|e| e.values.len() * 4).sum();
        if bytes <= self.budget_bytes {
            return;
        }
        let mut old: Vec<(u64, FieldKey, usize)> = self
            .cache
            .iter()
            .filter(|(_, e)| e.last_used != self.tick)
            .map(|(k, e)| (e.last_used, *k, e.values.len() * 4))
            .collect();
        old.sort_by_key(|&(t, _, _)| t);
        let mut excess = bytes - self.budget_bytes;
        for (_, key, size) in old {
            if excess == 0 {
                break;
            }
            self.cache.remove(&key);
            excess = excess.saturating_sub(size);
        }
    }

    /// The per-transmitter fields of a request.
    pub fn fields(
        &mut self,
        project: &Project,
        request: &CoverageRequest,
    ) -> Result<Vec<Field>, CoverageError> {
        self.begin();
        let prepared = self.prepare(project, request)?;
        let out = (0..prepared.links.len())
            .map(|k| Field {
                source: prepared.transmitters[k].clone(),
                grid: prepared.grid,
                rssi_dbm: self.field_values(&prepared, k).as_ref().clone(),
            })
            .collect();
        self.end();
        Ok(out)
    }

    /// The heatmaps of a request, recomputing only the fields that changed since they were
    /// last computed.
    pub fn heatmaps(
        &mut self,
        project: &Project,
        request: &CoverageRequest,
    ) -> Result<Heatmaps, CoverageError> {
        self.begin();
        let prepared = self.prepare(project, request)?;
        let maps = self.combine(&prepared, request);
        self.end();
        Ok(maps)
    }

    /// Combines the fields of `prepared` (computing those missing) into heatmaps.
    pub(crate) fn combine(
        &mut self,
        prepared: &Prepared<'_>,
        request: &CoverageRequest,
    ) -> Heatmaps {
        let values: Vec<Arc<Vec<f32>>> = (0..prepared.links.len())
            .map(|k| self.field_values(prepared, k))
            .collect();
        let fields: Vec<&[f32]> = values.iter().map(|v| v.as_slice()).collect();
        let (best, second, serving, servers_above) =
            maps::combine(prepared.grid.len(), &fields, prepared.threshold_dbm);
        let sinr_db = request.sinr.then(|| {
            maps::sinr(
                &prepared.transmitters,
                &fields,
                &best,
                &serving,
                prepared.noise_floor_dbm,
            )
        });
        Heatmaps {
            floor: prepared.floor.id.clone(),
            service: request.service,
            grid: prepared.grid,
            transmitters: prepared.transmitters.clone(),
            best_rssi_dbm: best,
            second_rssi_dbm: second,
            serving,
            threshold_dbm: prepared.threshold_dbm,
            servers_above,
            noise_floor_dbm: prepared.noise_floor_dbm,
            sinr_db,
        }
    }
}

/// The heatmaps of one request with a fresh engine (no cache kept).
pub fn heatmaps(project: &Project, request: &CoverageRequest) -> Result<Heatmaps, CoverageError> {
    CoverageEngine::new().heatmaps(project, request)
}
