//! Walls, and the R-tree of their segments that every spatial query of a floor goes through.

use rstar::primitives::{GeomWithData, Line};
use rstar::{AABB, RTree};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::geometry::{BBox, Point, Segment, Shape};
use crate::materials::{Band, BandLoss, MaterialLibrary};
use crate::props::{ElementId, Props};

/// The material a wall is drawn with when a file gives none.
pub const DEFAULT_WALL_MATERIAL: &str = "drywall";

/// A wall: its centreline geometry, a material and a thickness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Wall {
    /// Unique in the project.
    pub id: ElementId,
    /// The centreline as drawn.
    pub shape: Shape,
    /// A material of the project's library. `None` only when `loss_db` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
    /// An explicit attenuation overriding the material's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss_db: Option<LossOverride>,
    /// Thickness in metres.
    pub thickness_m: f64,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// An attenuation given on the wall itself instead of through a material.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum LossOverride {
    /// The same dB on every band.
    Uniform(f64),
    /// dB per band.
    PerBand(BandLoss),
}

impl LossOverride {
    /// The loss per band this override stands for.
    pub fn band_loss(&self) -> BandLoss {
        match *self {
            LossOverride::Uniform(db) => BandLoss::uniform(db),
            LossOverride::PerBand(l) => l,
        }
    }
}

impl Wall {
    /// The wall's attenuation per band, looked up in `library` unless the wall overrides it.
    /// `None` when the wall names a material the library does not have.
    pub fn band_loss(&self, library: &MaterialLibrary) -> Option<BandLoss> {
        if let Some(o) = &self.loss_db {
            return Some(o.band_loss());
        }
        let name = self.material.as_deref().unwrap_or(DEFAULT_WALL_MATERIAL);
        library.get(name).map(|m| m.loss_db)
    }

    /// The wall's attenuation at `band`; see [`Wall::band_loss`].
    pub fn loss_at(&self, library: &MaterialLibrary, band: Band) -> Option<f64> {
        self.band_loss(library).map(|l| l.at(band))
    }
}

/// One indexed wall segment: its line and (wall index, segment index within the wall).
pub type WallSegmentEntry = GeomWithData<Line<[f64; 2]>, (usize, usize)>;

/// The walls of a floor, in drawing order, with an R-tree of their segments kept in step
/// with every change. All mutation goes through methods so the index cannot go stale.
#[derive(Debug, Clone, Default)]
pub struct WallSet {
    walls: Vec<Wall>,
    index: RTree<WallSegmentEntry>,
}

impl PartialEq for WallSet {
    fn eq(&self, other: &Self) -> bool {
        self.walls == other.walls
    }
}

fn entries(i: usize, wall: &Wall) -> impl Iterator<Item = WallSegmentEntry> + '_ {
    wall.shape
        .segments()
        .enumerate()
        .map(move |(j, s)| GeomWithData::new(Line::new(s.a.into(), s.b.into()), (i, j)))
}

fn to_segment(line: &Line<[f64; 2]>) -> Segment {
    Segment::new(line.from.into(), line.to.into())
}

impl WallSet {
    /// A set holding `walls`, indexed in one bulk load.
    pub fn new(walls: Vec<Wall>) -> Self {
        let index = RTree::bulk_load(
            walls
                .iter()
                .enumerate()
                .flat_map(|(i, w)| entries(i, w))
                .collect(),
        );
        Self { walls, index }
    }

    /// The walls in drawing order.
    pub fn as_slice(&self) -> &[Wall] {
        &self.walls
    }

    /// Iterates over the walls in drawing order.
    pub fn iter(&self) -> std::slice::Iter<'_, Wall> {
        self.walls.iter()
    }

    /// Number of walls.
    pub fn len(&self) -> usize {
        self.walls.len()
    }

    /// True when the floor has no wall.
    pub fn is_empty(&self) -> bool {
        self.walls.is_empty()
    }

    /// Number of indexed straight segments.
    pub fn segment_count(&self) -> usize {
        self.index.size()
    }

    /// The wall at `index`.
    pub fn get(&self, index: usize) -> Option<&Wall> {
        self.walls.get(index)
    }

    /// The position of the wall with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.walls.iter().position(|w| w.id == id)
    }

    /// Appends a wall.
    pub fn push(&mut self, wall: Wall) {
        self.insert(self.walls.len(), wall);
    }

    /// Inserts a wall at `index` (clamped to the end).
    pub fn insert(&mut self, index: usize, wall: Wall) {
        let index = index.min(self.walls.len());
        if index == self.walls.len() {
            for e in entries(index, &wall) {
                self.index.insert(e);
            }
            self.walls.push(wall);
        } else {
            self.walls.insert(index, wall);
            self.reindex();
        }
    }

    /// Removes and returns the wall at `index`.
    pub fn remove(&mut self, index: usize) -> Wall {
        let wall = self.walls.remove(index);
        if index == self.walls.len() {
            for e in entries(index, &wall) {
                self.index.remove(&e);
            }
        } else {
            self.reindex();
        }
        wall
    }

    /// Puts `wall` in place of the wall at `index`, returning the old one.
    pub fn replace(&mut self, index: usize, wall: Wall) -> Wall {
        let old = std::mem::replace(&mut self.walls[index], wall);
        for e in entries(index, &old) {
            self.index.remove(&e);
        }
        for e in entries(index, &self.walls[index]) {
            self.index.insert(e);
        }
        old
    }

    /// Consumes the set, returning the walls.
    pub fn into_vec(self) -> Vec<Wall> {
        self.walls
    }

    fn reindex(&mut self) {
        *self = Self::new(std::mem::take(&mut self.walls));
    }

    /// Every wall segment whose bounding box meets `bbox`: (wall index, segment).
    pub fn segments_in(&self, bbox: BBox) -> impl Iterator<Item = (usize, Segment)> + '_ {
        let envelope = AABB::from_corners(bbox.min.into(), bbox.max.into());
        self.index
            .locate_in_envelope_intersecting(&envelope)
            .map(|e| (e.data.0, to_segment(e.geom())))
    }

    /// Every wall segment that the segment `s` crosses or touches: (wall index, segment).
    pub fn segments_crossing(&self, s: Segment) -> impl Iterator<Item = (usize, Segment)> + '_ {
        self.segments_in(s.bbox())
            .filter(move |(_, w)| w.intersects(&s))
    }

    /// The wall segment nearest to `p` within `max_distance_m`: (wall index, segment, the
    /// nearest point on it).
    pub fn nearest_segment(
        &self,
        p: Point,
        max_distance_m: f64,
    ) -> Option<(usize, Segment, Point)> {
        let e = self.index.nearest_neighbor(&[p.x, p.y])?;
        let s = to_segment(e.geom());
        let (q, _) = s.closest_point(p);
        (q.distance(p) <= max_distance_m).then_some((e.data.0, s, q))
    }

    /// Every segment of every wall in drawing order: (wall index, segment).
    pub fn segments(&self) -> impl Iterator<Item = (usize, Segment)> + '_ {
        self.walls
            .iter()
            .enumerate()
            .flat_map(|(i, w)| w.shape.segments().map(move |s| (i, s)))
    }
}

impl FromIterator<Wall> for WallSet {
    fn from_iter<T: IntoIterator<Item = Wall>>(iter: T) -> Self {
        Self::new(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a WallSet {
    type Item = &'a Wall;
    type IntoIter = std::slice::Iter<'a, Wall>;
    fn into_iter(self) -> Self::IntoIter {
        self.walls.iter()
    }
}

impl Serialize for WallSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.walls.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for WallSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Wall>::deserialize(deserializer).map(WallSet::new)
    }
}

impl JsonSchema for WallSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WallSet".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<Wall>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(id: &str, pts: &[(f64, f64)]) -> Wall {
        Wall {
            id: id.into(),
            shape: Shape::Line(pts.iter().map(|&(x, y)| Point::new(x, y)).collect()),
            material: Some("concrete".into()),
            loss_db: None,
            thickness_m: 0.2,
            props: Props::new(),
        }
    }

    fn crossing_ids(set: &WallSet, a: (f64, f64), b: (f64, f64)) -> Vec<String> {
        let s = Segment::new(Point::new(a.0, a.1), Point::new(b.0, b.1));
        let mut ids: Vec<String> = set
            .segments_crossing(s)
            .map(|(i, _)| set.get(i).unwrap().id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    #[test]
    fn index_follows_every_mutation() {
        let mut set = WallSet::new(vec![
            wall("a", &[(0.0, 0.0), (10.0, 0.0)]),
            wall("b", &[(5.0, -5.0), (5.0, 5.0), (8.0, 5.0)]),
        ]);
        assert_eq!(set.segment_count(), 3);
        assert_eq!(crossing_ids(&set, (2.0, -1.0), (2.0, 1.0)), ["a"]);
        assert_eq!(crossing_ids(&set, (0.0, 1.0), (10.0, -1.0)), ["a", "b"]);

        set.push(wall("c", &[(0.0, 2.0), (10.0, 2.0)]));
        assert_eq!(crossing_ids(&set, (2.0, -1.0), (2.0, 3.0)), ["a", "c"]);

        let old = set.replace(0, wall("a", &[(0.0, 10.0), (10.0, 10.0)]));
        assert_eq!(old.shape.points().count(), 2);
        assert_eq!(crossing_ids(&set, (2.0, -1.0), (2.0, 3.0)), ["c"]);

        let removed = set.remove(0);
        assert_eq!(removed.id, "a");
        // Indices after a removal from the middle still point at the right walls.
        assert_eq!(crossing_ids(&set, (2.0, -1.0), (2.0, 3.0)), ["c"]);
        assert_eq!(crossing_ids(&set, (4.0, 4.0), (6.0, 4.0)), ["b"]);
        set.insert(0, removed);
        assert_eq!(set.get(0).unwrap().id, "a");
        assert_eq!(crossing_ids(&set, (2.0, 9.0), (2.0, 11.0)), ["a"]);
        assert_eq!(set.segment_count(), 4);
    }

    #[test]
    fn nearest_segment_within_distance() {
        let set = WallSet::new(vec![wall("a", &[(0.0, 0.0), (10.0, 0.0)])]);
        let (i, _, q) = set.nearest_segment(Point::new(3.0, 0.4), 0.5).unwrap();
        assert_eq!((i, q), (0, Point::new(3.0, 0.0)));
        assert!(set.nearest_segment(Point::new(3.0, 0.6), 0.5).is_none());
    }

    #[test]
    fn serialises_as_plain_list() {
        let set = WallSet::new(vec![wall("a", &[(0.0, 0.0), (1.0, 0.0)])]);
        let json = serde_json::to_value(&set).unwrap();
        assert!(json.is_array());
        let back: WallSet = serde_json::from_value(json).unwrap();
        assert_eq!(back, set);
        assert_eq!(back.segment_count(), 1);
    }

    #[test]
    fn loss_from_material_or_override() {
        let lib = MaterialLibrary::default();
        let mut w = wall("a", &[(0.0, 0.0), (1.0, 0.0)]);
        assert_eq!(w.loss_at(&lib, Band::Ghz5), Some(15.0));
        w.loss_db = Some(LossOverride::Uniform(7.0));
        assert_eq!(w.loss_at(&lib, Band::Ghz2_4), Some(7.0));
        w.loss_db = None;
        w.material = Some("adamantium".into());
        assert_eq!(w.loss_at(&lib, Band::Ghz5), None);
    }
}
