//! What attenuates on a floor: its walls and its closed doors and windows, in the one
//! canonical order every code path sums their losses in.
//!
//! Each wall *element* and each closed opening is one [`Obstacle`] and counts at most once per
//! ray, however many of its segments the ray crosses or touches. Walls come first, in floor
//! order, then the closed openings in floor order; open openings (`open: true`) are left out.
//! A wall's loss is [`Wall::band_loss`]; a wall or opening whose material the library does not
//! know attenuates 0 dB (validation warns about it).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use rstar::primitives::{GeomWithData, Line};
use rstar::{AABB, RTree};

use crate::floor::Floor;
use crate::geometry::{Point, Segment, polyline_segments};
use crate::materials::{Band, BandLoss, MaterialLibrary};
use crate::walls::{Wall, WallSet};

/// True when the straight segment from `t` to `p` crosses or touches `s`: the one predicate
/// every code path uses ([`Segment::intersects`], always called with the ray first).
#[inline]
pub fn crosses(t: Point, p: Point, s: &Segment) -> bool {
    Segment::new(t, p).intersects(s)
}

/// Where an obstacle comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObstacleSource {
    /// The wall at this index of the floor's walls.
    Wall(usize),
    /// The opening at this index of the floor's openings.
    Opening(usize),
}

/// One attenuating element: a wall or a closed opening, with its segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Obstacle {
    /// The element it comes from.
    pub source: ObstacleSource,
    /// Its loss per band, dB.
    pub loss_db: BandLoss,
    segments: Range<usize>,
}

type OpeningEntry = GeomWithData<Line<[f64; 2]>, usize>;

/// The obstacles of one floor, in canonical order, with their segments.
#[derive(Debug, Clone)]
pub struct Obstacles {
    items: Vec<Obstacle>,
    segments: Vec<Segment>,
    walls: usize,
    hash: u128,
    extent: f64,
    openings_index: RTree<OpeningEntry>,
}

impl Obstacles {
    /// The obstacles of `floor` with losses from `library`.
    pub fn of_floor(floor: &Floor, library: &MaterialLibrary) -> Self {
        let memo = material_losses(floor, library);
        let mut items = Vec::with_capacity(floor.walls.len() + floor.openings.len());
        let mut segments = Vec::with_capacity(floor.walls.segment_count() + floor.openings.len());
        for (i, wall) in floor.walls.iter().enumerate() {
            let start = segments.len();
            segments.extend(wall.shape.segments());
            items.push(Obstacle {
                source: ObstacleSource::Wall(i),
                loss_db: wall_loss(wall, &memo),
                segments: start..segments.len(),
            });
        }
        let walls = items.len();
        let mut entries = Vec::new();
        for (i, o) in floor.openings.iter().enumerate().filter(|(_, o)| !o.open) {
            let start = segments.len();
            segments.extend(polyline_segments(&o.points));
            let k = items.len();
            entries.extend(
                segments[start..]
                    .iter()
                    .map(|s| GeomWithData::new(Line::new(s.a.into(), s.b.into()), k)),
            );
            items.push(Obstacle {
                source: ObstacleSource::Opening(i),
                loss_db: memo
                    .get(o.material.as_str())
                    .copied()
                    .unwrap_or(BandLoss::uniform(0.0)),
                segments: start..segments.len(),
            });
        }
        let extent = segments
            .iter()
            .flat_map(|s| [s.a.x, s.a.y, s.b.x, s.b.y])
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        let hash = fingerprint(&items, &segments);
        Self {
            items,
            segments,
            walls,
            hash,
            extent,
            openings_index: RTree::bulk_load(entries),
        }
    }

    /// The obstacles in canonical order: walls, then closed openings.
    pub fn items(&self) -> &[Obstacle] {
        &self.items
    }

    /// Number of obstacles.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when nothing attenuates on the floor.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Number of walls (the first obstacles).
    pub fn wall_count(&self) -> usize {
        self.walls
    }

    /// The segments of obstacle `k`.
    pub fn segments_of(&self, k: usize) -> &[Segment] {
        &self.segments[self.items[k].segments.clone()]
    }

    /// Every segment of every obstacle.
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// A 128-bit fingerprint of the geometry and the losses: two obstacle sets with the same
    /// fingerprint attenuate alike (what the engine's cache keys on).
    pub fn fingerprint(&self) -> u128 {
        self.hash
    }

    /// The largest absolute coordinate of any segment end.
    pub fn extent(&self) -> f64 {
        self.extent
    }

    /// The sum of the losses at `band` of the obstacles the segment `t`→`p` crosses or
    /// touches, in canonical order: what the oracle gives for a cell centred at `p`, found
    /// through the R-trees (`walls` must be the floor's [`WallSet`] these obstacles came from).
    pub fn loss_between(&self, walls: &WallSet, band: Band, t: Point, p: Point) -> f64 {
        let mut sum = 0.0;
        for k in self.crossed(walls, t, p) {
            sum += self.items[k].loss_db.at(band);
        }
        sum
    }

    /// The obstacles (indices into [`Obstacles::items`], ascending: the canonical order) the
    /// segment `t`→`p` crosses or touches, each once, found through the R-trees (`walls` must
    /// be the floor's [`WallSet`] these obstacles came from).
    pub fn crossed(&self, walls: &WallSet, t: Point, p: Point) -> Vec<usize> {
        let ray = Segment::new(t, p);
        let mut hit: Vec<usize> = walls
            .segments_in(ray.bbox())
            .filter(|(_, s)| crosses(t, p, s))
            .map(|(i, _)| i)
            .collect();
        let b = ray.bbox();
        let envelope = AABB::from_corners(b.min.into(), b.max.into());
        hit.extend(
            self.openings_index
                .locate_in_envelope_intersecting(&envelope)
                .filter(|e| {
                    let l = e.geom();
                    crosses(t, p, &Segment::new(l.from.into(), l.to.into()))
                })
                .map(|e| e.data),
        );
        hit.sort_unstable();
        hit.dedup();
        hit
    }
}

/// Each material name used on the floor, with its loss (0 for a name the library lacks).
fn material_losses<'f>(floor: &'f Floor, library: &MaterialLibrary) -> HashMap<&'f str, BandLoss> {
    let mut memo = HashMap::new();
    let names = floor
        .walls
        .iter()
        .filter(|w| w.loss_db.is_none())
        .map(|w| {
            w.material
                .as_deref()
                .unwrap_or(crate::walls::DEFAULT_WALL_MATERIAL)
        })
        .chain(floor.openings.iter().map(|o| o.material.as_str()));
    for name in names {
        memo.entry(name).or_insert_with(|| {
            library
                .get(name)
                .map(|m| m.loss_db)
                .unwrap_or(BandLoss::uniform(0.0))
        });
    }
    memo
}

/// [`Wall::band_loss`] through the memo.
fn wall_loss(wall: &Wall, memo: &HashMap<&str, BandLoss>) -> BandLoss {
    if let Some(o) = &wall.loss_db {
        return o.band_loss();
    }
    let name = wall
        .material
        .as_deref()
        .unwrap_or(crate::walls::DEFAULT_WALL_MATERIAL);
    memo.get(name).copied().unwrap_or(BandLoss::uniform(0.0))
}

fn fingerprint(items: &[Obstacle], segments: &[Segment]) -> u128 {
    let mut halves = [0u64; 2];
    for (seed, half) in halves.iter_mut().enumerate() {
        let mut h = DefaultHasher::new();
        (seed as u64 ^ 0x7461_696c_706c_616e).hash(&mut h);
        for o in items {
            o.segments.len().hash(&mut h);
            for v in o.loss_db.values() {
                v.to_bits().hash(&mut h);
            }
        }
        for s in segments {
            for v in [s.a.x, s.a.y, s.b.x, s.b.y] {
                v.to_bits().hash(&mut h);
            }
        }
        *half = h.finish();
    }
    (u128::from(halves[0]) << 64) | u128::from(halves[1])
}
