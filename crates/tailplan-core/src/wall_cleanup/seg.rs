//! The straight piece every step works on, and the small vector maths they share.

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::geometry::Point;

/// A straight wall piece being cleaned up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Seg {
    pub a: Point,
    pub b: Point,
    /// Index into the material table of [`super::clean_walls`].
    pub material: usize,
    pub priority: u8,
    /// Set once the piece stands for two faces.
    pub thickness: Option<f64>,
}

impl Seg {
    pub fn new(a: Point, b: Point, material: usize, priority: u8) -> Self {
        Self {
            a,
            b,
            material,
            priority,
            thickness: None,
        }
    }

    pub fn len(&self) -> f64 {
        self.a.distance(self.b)
    }

    /// The unit direction a → b.
    pub fn dir(&self) -> (f64, f64) {
        let l = self.len();
        ((self.b.x - self.a.x) / l, (self.b.y - self.a.y) / l)
    }

    /// The same piece pointing into the half-plane x > 0 (or y > 0 when vertical), so that
    /// parallel pieces have the same direction.
    pub fn normalised(mut self) -> Self {
        let (dx, dy) = (self.b.x - self.a.x, self.b.y - self.a.y);
        if dx < 0.0 || (dx == 0.0 && dy < 0.0) {
            std::mem::swap(&mut self.a, &mut self.b);
        }
        self
    }

    /// Parameter of `p` projected on the line a → b, metres from a.
    pub fn param(&self, p: Point) -> f64 {
        let (ux, uy) = self.dir();
        (p.x - self.a.x) * ux + (p.y - self.a.y) * uy
    }

    /// Signed distance of `p` from the line a → b (left positive).
    pub fn offset(&self, p: Point) -> f64 {
        let (ux, uy) = self.dir();
        -(p.x - self.a.x) * uy + (p.y - self.a.y) * ux
    }

    /// The point at parameter `t`, shifted `off` to the left.
    pub fn at(&self, t: f64, off: f64) -> Point {
        let (ux, uy) = self.dir();
        Point::new(self.a.x + ux * t - uy * off, self.a.y + uy * t + ux * off)
    }

    /// |sin| of the angle between the two pieces.
    pub fn sin_angle(&self, other: &Seg) -> f64 {
        let (ux, uy) = self.dir();
        let (vx, vy) = other.dir();
        (ux * vy - uy * vx).abs()
    }

    pub fn envelope(&self, grow: f64) -> AABB<[f64; 2]> {
        AABB::from_corners(
            [self.a.x.min(self.b.x) - grow, self.a.y.min(self.b.y) - grow],
            [self.a.x.max(self.b.x) + grow, self.a.y.max(self.b.y) + grow],
        )
    }
}

pub(super) type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// An R-tree of the pieces' bounding boxes, each tagged with its index.
pub(super) fn index(segs: &[Seg]) -> RTree<Entry> {
    RTree::bulk_load(
        segs.iter()
            .enumerate()
            .map(|(i, s)| {
                let e = s.envelope(0.0);
                GeomWithData::new(Rectangle::from_corners(e.lower(), e.upper()), i)
            })
            .collect(),
    )
}

/// The parts of `[lo, hi]` not covered by `used` (sorted, disjoint intervals).
pub(super) fn free_parts(used: &[(f64, f64)], lo: f64, hi: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut start = lo;
    for &(u0, u1) in used {
        if u1 <= start {
            continue;
        }
        if u0 >= hi {
            break;
        }
        if u0 > start {
            out.push((start, u0.min(hi)));
        }
        start = start.max(u1);
        if start >= hi {
            break;
        }
    }
    if start < hi {
        out.push((start, hi));
    }
    out
}

/// Adds `[lo, hi]` to a sorted set of disjoint intervals, merging what overlaps.
pub(super) fn add_interval(used: &mut Vec<(f64, f64)>, lo: f64, hi: f64) {
    used.push((lo, hi));
    used.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut merged: Vec<(f64, f64)> = Vec::with_capacity(used.len());
    for &(a, b) in used.iter() {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    *used = merged;
}
