//! A survey's rows resolved against a project: which access point, radio and floor each
//! measured, and the model's prediction there taken apart into the terms calibration fits.
//!
//! For a row measured at P of a radio R of access point A (see [`crate::coverage::model`]):
//!
//! ```text
//! predicted = base + offset(A) − n · 10·log10(max(d, 1)) − Σ loss(material, band) of the
//!             library walls, doors and windows P→A crosses
//! base      = R's EIRP towards P (its antenna's gain included) − (20·log10 f − 27.55)
//!             − the slabs between A's floor and P's − walls with a loss of their own
//! ```
//!
//! which is, term for term, what the coverage engine computes for a cell centred at P: the
//! same transmitter ([`crate::coverage::model::Transmitter::from_radio`]), the same 3-D
//! distance, the same obstacles of P's floor in the same order ([`Obstacles::crossed`]).

use std::collections::{BTreeMap, HashMap};

use crate::coverage::model::{FloorScope, Link, Reaching, Service, transmitters_reaching};
use crate::coverage::obstacles::{ObstacleSource, Obstacles};
use crate::devices::WifiBand;
use crate::floor::Floor;
use crate::geometry::Point;
use crate::materials::Band;
use crate::project::Project;
use crate::walls::DEFAULT_WALL_MATERIAL;

use super::{ApRef, Survey, SurveyRow};

/// An access point a survey heard, as the fit sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyedAp {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its floor's id.
    pub floor: String,
    /// Its calibrated offset as the project holds it, dB (0 when it has none).
    pub offset_db: f64,
}

/// A wall material at one band: a loss calibration may fit.
#[derive(Debug, Clone, PartialEq)]
pub struct MaterialBand {
    /// The material's name as the project's library writes it.
    pub material: String,
    /// The band.
    pub band: Band,
    /// Its loss in the library, dB.
    pub loss_db: f64,
}

/// One survey row the model can predict.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Which survey ([`Resolved::surveys`]) and row it is.
    pub survey: usize,
    /// The row's index in its survey.
    pub row: usize,
    /// The row's line in its file.
    pub line: usize,
    /// The floor it was measured on (an index of `project.floors`).
    pub floor: usize,
    /// The room it was measured in (an index of that floor's rooms), if any.
    pub room: Option<usize>,
    /// Where it was measured.
    pub position: Point,
    /// The access point heard (an index of [`Resolved::aps`]).
    pub ap: usize,
    /// The band of the radio predicted.
    pub band: Band,
    /// What was measured, dBm.
    pub measured_dbm: f64,
    /// The prediction's terms that calibration does not fit, dB.
    pub base_db: f64,
    /// 10·log10(max(d, 1)), the distance term the exponent multiplies.
    pub log_d: f64,
    /// The library materials crossed at the band (indices of [`Resolved::materials`]), one
    /// per obstacle crossed (a material crossed twice is here twice).
    pub crossings: Vec<usize>,
}

/// Why rows were left out, counted.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
pub struct Skipped {
    /// Rows whose signal is not a measurement (blank, −200, above 0 dBm), as the reader
    /// counted them.
    pub not_measured: usize,
    /// Rows naming an access point the project does not have (or a BSSID no access point
    /// is mapped to).
    pub unknown_ap: usize,
    /// Rows naming a floor the project does not have.
    pub unknown_floor: usize,
    /// Rows of a band the access point has no radio on.
    pub no_radio: usize,
    /// Rows measured in another building than the access point's, which the model does not
    /// reach.
    pub out_of_reach: usize,
}

impl Skipped {
    /// Every row left out.
    pub fn total(&self) -> usize {
        self.not_measured + self.unknown_ap + self.unknown_floor + self.no_radio + self.out_of_reach
    }
}

/// Surveys resolved against a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The surveys' names, in the order given.
    pub surveys: Vec<String>,
    /// The rows the model predicts.
    pub observations: Vec<Observation>,
    /// The access points heard, in project order.
    pub aps: Vec<SurveyedAp>,
    /// The library materials crossed, at each band crossed, in library then band order.
    pub materials: Vec<MaterialBand>,
    /// What was left out.
    pub skipped: Skipped,
    /// The path-loss exponent the project holds.
    pub exponent: f64,
}

/// The fitted terms of the model: one offset per access point, the exponent, one loss per
/// material and band (in [`Resolved`]'s orders).
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// Per access point, dB.
    pub offsets_db: Vec<f64>,
    /// The path-loss exponent.
    pub exponent: f64,
    /// Per material and band, dB.
    pub losses_db: Vec<f64>,
}

impl Resolved {
    /// The model's terms as the project holds them.
    pub fn current(&self) -> Params {
        Params {
            offsets_db: self.aps.iter().map(|a| a.offset_db).collect(),
            exponent: self.exponent,
            losses_db: self.materials.iter().map(|m| m.loss_db).collect(),
        }
    }

    /// The prediction of `o` with the terms `p`, dBm.
    pub fn predict(&self, o: &Observation, p: &Params) -> f64 {
        let walls: f64 = o.crossings.iter().map(|&m| p.losses_db[m]).sum();
        o.base_db + p.offsets_db[o.ap] - p.exponent * o.log_d - walls
    }
}

fn wifi_band(band: Band) -> Option<WifiBand> {
    WifiBand::ALL.into_iter().find(|b| b.band() == band)
}

/// The project's access points by id, by name and by the BSSIDs their `bssid` / `bssids`
/// properties list (lower case), as (floor index, index on the floor): built once per
/// resolution, so that a row is found without a walk over every access point.
struct ApIndex {
    by_id: HashMap<String, (usize, usize)>,
    by_name: HashMap<String, (usize, usize)>,
    by_bssid: HashMap<String, (usize, usize)>,
}

impl ApIndex {
    fn of(project: &Project) -> Self {
        let mut index = ApIndex {
            by_id: HashMap::new(),
            by_name: HashMap::new(),
            by_bssid: HashMap::new(),
        };
        for (fi, f) in project.floors.iter().enumerate() {
            for (ai, a) in f.access_points.iter().enumerate() {
                // The first of a name or BSSID wins, as a walk in project order would find it.
                index.by_id.entry(a.id.clone()).or_insert((fi, ai));
                index.by_name.entry(a.name.clone()).or_insert((fi, ai));
                let listed = a.props.get("bssid").into_iter().chain(
                    a.props
                        .get("bssids")
                        .and_then(|v| v.as_array())
                        .into_iter()
                        .flatten(),
                );
                for b in listed.filter_map(|v| v.as_str()) {
                    index
                        .by_bssid
                        .entry(b.trim().to_ascii_lowercase())
                        .or_insert((fi, ai));
                }
            }
        }
        index
    }

    /// The access point a row names: by id, then by name; a BSSID by the access point the
    /// file maps it to, else by an access point whose `bssid` or `bssids` property lists it.
    fn find(&self, r: &ApRef) -> Option<(usize, usize)> {
        let named = |s: &str| self.by_id.get(s).or_else(|| self.by_name.get(s)).copied();
        match r {
            ApRef::Ap(s) | ApRef::Bssid { ap: Some(s), .. } => named(s),
            ApRef::Bssid { bssid, ap: None } => {
                self.by_bssid.get(&bssid.to_ascii_lowercase()).copied()
            }
        }
    }
}

fn find_floor(project: &Project, name: &str) -> Option<usize> {
    project
        .floors
        .iter()
        .position(|f| f.id == name)
        .or_else(|| project.floors.iter().position(|f| f.name == name))
}

/// Resolves `surveys`' rows against `project`: each row's floor (its own, else its access
/// point's), access point and radio (the row's band, else the access point's band the floor's
/// maps show by default rule: 5, then 6, then 2.4 GHz; of several radios on the band, the
/// strongest at the point), and the prediction's terms. Rows that cannot be predicted are
/// counted in [`Resolved::skipped`].
pub fn resolve(project: &Project, surveys: &[&Survey]) -> Resolved {
    let mut skipped = Skipped::default();
    let index = ApIndex::of(project);
    // Each access point heard, with where it is in the project (for the order below).
    let mut aps: Vec<((usize, usize), SurveyedAp)> = Vec::new();
    let mut ap_index: HashMap<(usize, usize), usize> = HashMap::new();
    let mut material_index: BTreeMap<(usize, Band), usize> = BTreeMap::new();
    let mut materials: Vec<MaterialBand> = Vec::new();
    let mut obstacles: HashMap<usize, Obstacles> = HashMap::new();
    let mut reaching: HashMap<(usize, WifiBand), Vec<Reaching>> = HashMap::new();
    let library_names: Vec<String> = project.materials.iter().map(|m| m.name.clone()).collect();
    let mut observations = Vec::new();
    for (si, survey) in surveys.iter().enumerate() {
        skipped.not_measured += survey.not_measured;
        for (ri, row) in survey.rows.iter().enumerate() {
            let Some((ap_floor, ap_i)) = index.find(&row.ap) else {
                skipped.unknown_ap += 1;
                continue;
            };
            let floor_i = match &row.floor {
                Some(name) => match find_floor(project, name) {
                    Some(f) => f,
                    None => {
                        skipped.unknown_floor += 1;
                        continue;
                    }
                },
                None => ap_floor,
            };
            let rx_floor = &project.floors[floor_i];
            if rx_floor.building != project.floors[ap_floor].building {
                skipped.out_of_reach += 1;
                continue;
            }
            let ap = &project.floors[ap_floor].access_points[ap_i];
            let radios = ap.effective_radios();
            let band = match row.band {
                Some(b) => wifi_band(b),
                None => [WifiBand::Ghz5, WifiBand::Ghz6, WifiBand::Ghz2_4]
                    .into_iter()
                    .find(|b| radios.iter().any(|r| r.band == *b)),
            };
            let Some(band) = band.filter(|b| radios.iter().any(|r| r.band == *b)) else {
                skipped.no_radio += 1;
                continue;
            };
            let links = reaching.entry((floor_i, band)).or_insert_with(|| {
                transmitters_reaching(project, rx_floor, Service::Wifi(band), FloorScope::All)
            });
            let floor_obstacles = obstacles
                .entry(floor_i)
                .or_insert_with(|| Obstacles::of_floor(rx_floor, &project.materials));
            let rx_z = rx_floor.elevation_m + project.settings.radio.receiver_height_m;
            let offset = ap.eirp_offset_db.unwrap_or(0.0);
            let best = links
                .iter()
                .filter(|r| r.transmitter.id == ap.id)
                .map(|r| {
                    let link = Link::new(r, rx_z, &project.settings.radio);
                    let t = terms(row, rx_floor, floor_obstacles, &link, project);
                    (t.base_db - link.exponent * t.log_d - t.library_db, t)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let Some((_, t)) = best else {
                skipped.no_radio += 1;
                continue;
            };
            let ap_k = *ap_index.entry((ap_floor, ap_i)).or_insert_with(|| {
                aps.push((
                    (ap_floor, ap_i),
                    SurveyedAp {
                        id: ap.id.clone(),
                        name: ap.name.clone(),
                        floor: project.floors[ap_floor].id.clone(),
                        offset_db: offset,
                    },
                ));
                aps.len() - 1
            });
            let wall_band = band.band();
            let crossings = t
                .crossed
                .into_iter()
                .map(|lib_i| {
                    *material_index.entry((lib_i, wall_band)).or_insert_with(|| {
                        let name = &library_names[lib_i];
                        let loss = project
                            .materials
                            .get(name)
                            .map_or(0.0, |m| m.loss_db.at(wall_band));
                        materials.push(MaterialBand {
                            material: name.clone(),
                            band: wall_band,
                            loss_db: loss,
                        });
                        materials.len() - 1
                    })
                })
                .collect();
            observations.push(Observation {
                survey: si,
                row: ri,
                line: row.line,
                floor: floor_i,
                room: rx_floor
                    .rooms
                    .iter()
                    .position(|r| r.polygon.contains(row.position)),
                position: row.position,
                ap: ap_k,
                band: wall_band,
                measured_dbm: row.rssi_dbm,
                base_db: t.base_db - offset,
                log_d: t.log_d,
                crossings,
            });
        }
    }
    // Materials and access points in a stable order: library then band; project order.
    let mut order: Vec<usize> = (0..materials.len()).collect();
    let lib_pos = |m: &MaterialBand| project.materials.position(&m.material).unwrap_or(0);
    order.sort_by_key(|&i| (lib_pos(&materials[i]), materials[i].band));
    let mut remap = vec![0; materials.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let materials: Vec<MaterialBand> = order.iter().map(|&i| materials[i].clone()).collect();
    for o in &mut observations {
        for c in &mut o.crossings {
            *c = remap[*c];
        }
    }
    let mut ap_order: Vec<usize> = (0..aps.len()).collect();
    ap_order.sort_by_key(|&i| aps[i].0);
    let mut ap_remap = vec![0; aps.len()];
    for (new, &old) in ap_order.iter().enumerate() {
        ap_remap[old] = new;
    }
    let aps: Vec<SurveyedAp> = ap_order.iter().map(|&i| aps[i].1.clone()).collect();
    for o in &mut observations {
        o.ap = ap_remap[o.ap];
    }
    Resolved {
        surveys: surveys.iter().map(|s| s.name.clone()).collect(),
        observations,
        aps,
        materials,
        skipped,
        exponent: project.settings.radio.path_loss_exponent,
    }
}

/// The terms of one row and one of its access point's radios.
struct Terms {
    /// The base, with the access point's offset the transmitter's power holds, dB.
    base_db: f64,
    /// 10·log10(max(d, 1)).
    log_d: f64,
    /// The library materials crossed, as library indices.
    crossed: Vec<usize>,
    /// Their losses summed as the library holds them, dB.
    library_db: f64,
}

/// The [`Terms`] of `row` and `link`.
fn terms(
    row: &SurveyRow,
    floor: &Floor,
    obstacles: &Obstacles,
    link: &Link,
    project: &Project,
) -> Terms {
    let p = row.position;
    let (dx, dy) = (p.x - link.t.x, p.y - link.t.y);
    let d2 = dx * dx + dy * dy + link.dz2;
    let log_d = 5.0 * std::f64::consts::LOG10_E * d2.max(1.0).ln();
    let eirp = link.eirp_towards(dx, dy);
    let mut fixed = 0.0;
    let mut crossed = Vec::new();
    let mut library_sum = 0.0;
    for k in obstacles.crossed(&floor.walls, link.t, p) {
        let item = &obstacles.items()[k];
        let material = match item.source {
            ObstacleSource::Wall(i) => floor.walls.get(i).and_then(|w| {
                if w.loss_db.is_some() {
                    None
                } else {
                    Some(w.material.as_deref().unwrap_or(DEFAULT_WALL_MATERIAL))
                }
            }),
            ObstacleSource::Opening(i) => floor.openings.get(i).map(|o| o.material.as_str()),
        };
        match material.and_then(|m| project.materials.position(m)) {
            Some(lib_i) => {
                crossed.push(lib_i);
                library_sum += item.loss_db.at(link.band);
            }
            None => fixed += item.loss_db.at(link.band),
        }
    }
    Terms {
        base_db: eirp - link.fterm - link.slabs_db - fixed,
        log_d,
        crossed,
        library_db: library_sum,
    }
}
