//! Filled wall shapes (poché): the outline a fill paints is the wall's outline, so the wall's
//! centreline runs down the middle of the fill, whatever lines are drawn along it.
//!
//! Drawings paint walls as fills: an SVG path (often split into triangles by the design tool
//! that exported it, each with a stroked copy), a DXF SOLID or HATCH. The fills are read as
//! one painted area, the union of the shapes (each shape's rings even-odd, so the inner
//! boundary of a hatch is a hole in it); gaps narrower than
//! [`CleanupParams::min_thickness_m`] between fills are closed. Then:
//!
//! - the edges of the area (the parts of the rings' edges with paint on one side only) are
//!   its faces; edges with paint on both sides (the seams of triangles, fills drawn side by
//!   side or overlapping) are not;
//! - two faces facing each other across the paint, parallel, pair into one centreline whose
//!   thickness is their distance (up to [`CleanupParams::max_fill_thickness_m`]), nearest
//!   first; a pair whose band would cover an area another band already stands for is
//!   refused, so a pier or a column gives one centreline along its longer side, not a cross;
//! - a drawn line lying inside the paint or along its edge (within
//!   [`CleanupParams::min_thickness_m`]) is left out: the fill's centreline stands for it.

use std::collections::HashMap;

use super::CleanupParams;
use super::seg::{self, Seg, add_interval, free_parts};
use crate::geometry::{BBox, Point, Polygon};

/// The widest angle between two faces of the paint that still bound one wall, degrees.
const MAX_TAPER_DEG: f64 = 8.0;
/// How far from a line its sides are probed for paint, metres.
const NEAR_M: f64 = 0.005;
/// Lines are classified every this many metres along them (transitions are then found to a
/// tenth of a millimetre by bisection).
const STEP_M: f64 = 0.02;
/// The most samples along one line: past 2 km (no wall of a building), its samples are
/// spread wider, so a hostile drawing's absurd line costs no more than that.
const MAX_SAMPLES: usize = 100_000;

/// One filled ring, as the index keeps it.
struct Ring {
    poly: Polygon,
    bbox: BBox,
    /// The painted shape it belongs to.
    shape: usize,
    material: usize,
    priority: u8,
}

/// The painted area of a drawing's wall fills, for point queries.
pub(super) struct FillIndex {
    rings: Vec<Ring>,
    cells: HashMap<(i64, i64), Vec<usize>>,
    /// The side of the index's cells, metres.
    cell_m: f64,
    /// Gaps narrower than this between fills are painted.
    gap_m: f64,
}

/// The side of the index's cells, metres, for a building's fills.
const CELL_M: f64 = 1.0;
/// The most (ring, cell) entries of the index: fills whose boxes would need more (shapes
/// kilometres across, only in a hostile or broken drawing) get larger cells.
const MAX_CELL_ENTRIES: f64 = 2_000_000.0;

/// The cells of side `cell_m` that box `b` covers: (x0, y0, x1, y1).
fn cell_span(b: &BBox, cell_m: f64) -> (i64, i64, i64, i64) {
    let c = |v: f64| (v / cell_m).floor() as i64;
    (c(b.min.x), c(b.min.y), c(b.max.x), c(b.max.y))
}

/// [`CELL_M`], doubled until the rings' boxes need at most [`MAX_CELL_ENTRIES`] entries
/// (or until every box fits in a cell: many small rings need their own cells anyway).
fn cell_size(boxes: &[BBox]) -> f64 {
    let widest = boxes
        .iter()
        .map(|b| b.width().max(b.height()))
        .fold(0.0_f64, f64::max);
    let mut cell_m = CELL_M;
    while cell_m < widest {
        let entries: f64 = boxes
            .iter()
            .map(|b| ((b.width() / cell_m).floor() + 2.0) * ((b.height() / cell_m).floor() + 2.0))
            .sum();
        if entries <= MAX_CELL_ENTRIES {
            break;
        }
        cell_m *= 2.0;
    }
    cell_m
}

impl FillIndex {
    /// The index of the painted shapes, each its rings (even-odd), material index and
    /// priority; rings with fewer than three points or no area are left out.
    pub fn new(shapes: Vec<(Vec<Vec<Point>>, usize, u8)>, gap_m: f64) -> Self {
        let rings: Vec<Ring> = shapes
            .into_iter()
            .enumerate()
            .flat_map(|(shape, (rings, material, priority))| {
                rings.into_iter().filter_map(move |mut pts| {
                    if pts.len() > 1 && pts.first() == pts.last() {
                        pts.pop();
                    }
                    if pts.len() < 3 || !pts.iter().all(|p| p.is_finite()) {
                        return None;
                    }
                    let bbox = BBox::from_points(pts.iter().copied())?;
                    let poly = Polygon::new(pts);
                    (poly.area() > 1e-9).then_some(Ring {
                        poly,
                        bbox,
                        shape,
                        material,
                        priority,
                    })
                })
            })
            .collect();
        let cell_m = cell_size(&rings.iter().map(|r| r.bbox).collect::<Vec<_>>());
        let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, r) in rings.iter().enumerate() {
            let (x0, y0, x1, y1) = cell_span(&r.bbox, cell_m);
            for gx in x0..=x1 {
                for gy in y0..=y1 {
                    cells.entry((gx, gy)).or_default().push(i);
                }
            }
        }
        FillIndex {
            rings,
            cells,
            cell_m,
            gap_m,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rings.is_empty()
    }

    /// The rings containing `p`, by index.
    fn containing(&self, p: Point) -> impl Iterator<Item = usize> + '_ {
        self.cells
            .get(&{
                let (x, y, _, _) = cell_span(&BBox { min: p, max: p }, self.cell_m);
                (x, y)
            })
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&i| {
                let r = &self.rings[i];
                p.x >= r.bbox.min.x
                    && p.x <= r.bbox.max.x
                    && p.y >= r.bbox.min.y
                    && p.y <= r.bbox.max.y
                    && r.poly.contains(p)
            })
    }

    /// The shapes painting `p` (inside an odd number of their rings), by the index of one
    /// of their rings.
    fn painting(&self, p: Point) -> Vec<usize> {
        let mut by_shape: Vec<(usize, usize)> = self
            .containing(p)
            .map(|i| (self.rings[i].shape, i))
            .collect();
        by_shape.sort_unstable();
        by_shape
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|g| g.len() % 2 == 1)
            .map(|g| g[0].1)
            .collect()
    }

    /// True when `p` is painted by some shape.
    pub fn inside(&self, p: Point) -> bool {
        let mut by_shape: Vec<usize> = self.containing(p).map(|i| self.rings[i].shape).collect();
        match by_shape.len() {
            0 => false,
            1 => true,
            _ => {
                by_shape.sort_unstable();
                by_shape.chunk_by(|a, b| a == b).any(|g| g.len() % 2 == 1)
            }
        }
    }

    /// The material and priority of the paint at `p` (the highest priority, then the first
    /// shape), if painted.
    fn material_at(&self, p: Point) -> Option<(usize, u8)> {
        self.painting(p)
            .into_iter()
            .min_by_key(|&i| (std::cmp::Reverse(self.rings[i].priority), i))
            .map(|i| (self.rings[i].material, self.rings[i].priority))
    }

    /// True when there is paint on the side `n` (a unit normal) of `p`: just beside it, or
    /// across a gap narrower than the gap closed.
    fn painted_side(&self, p: Point, n: (f64, f64)) -> bool {
        let at = |d: f64| Point::new(p.x + n.0 * d, p.y + n.1 * d);
        self.inside(at(NEAR_M)) || self.inside(at(self.gap_m.max(NEAR_M)))
    }

    /// Where `p` on a line of direction `u` lies: in the paint (painted on both sides), along
    /// its edge (on one side), or clear of it.
    fn cover(&self, p: Point, u: (f64, f64)) -> Cover {
        let n = (-u.1, u.0);
        match (self.painted_side(p, n), self.painted_side(p, (-n.0, -n.1))) {
            (true, true) => Cover::Inside,
            (false, false) if !self.inside(p) => Cover::Clear,
            _ => Cover::Edge,
        }
    }

    /// How many rings there are.
    pub fn ring_count(&self) -> usize {
        self.rings.len()
    }
}

/// The stretches of a-b, as parameters from 0 to 1, with the class `of` gives their points:
/// sampled every [`STEP_M`], each change found by bisection.
pub(super) fn runs<C: Copy + PartialEq>(
    a: Point,
    b: Point,
    of: impl Fn(Point) -> C,
) -> Vec<(f64, f64, C)> {
    let len = a.distance(b);
    let n = ((len / STEP_M).ceil() as usize).clamp(1, MAX_SAMPLES);
    let step = 1.0 / n as f64;
    let at = |t: f64| a.lerp(b, t);
    let mut out = Vec::new();
    let mut start = 0.0;
    let mut current = of(at(step / 2.0));
    for k in 1..n {
        let t = (k as f64 + 0.5) * step;
        let c = of(at(t));
        if c != current {
            let (mut lo, mut hi) = (t - step, t);
            for _ in 0..12 {
                let mid = (lo + hi) / 2.0;
                if of(at(mid)) == current {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let cut = (lo + hi) / 2.0;
            out.push((start, cut, current));
            start = cut;
            current = c;
        }
    }
    out.push((start, 1.0, current));
    out
}

/// Where a fill ring's edge lies relative to the paint.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Paint on both sides: a seam, not a face.
    Inside,
    /// A face with the paint on its left.
    Left,
    /// A face with the paint on its right.
    Right,
    /// No paint on either side (a hairline fill): nothing.
    Neither,
}

/// The faces of the painted area, each pointing so that the paint is on its left; and how
/// many stretches of the rings' edges were seams.
pub(super) fn faces(index: &FillIndex, params: &CleanupParams) -> (Vec<Seg>, usize) {
    let mut out = Vec::new();
    let mut seams = 0;
    for r in &index.rings {
        let ring = &r.poly.exterior;
        let n = ring.len();
        for k in 0..n {
            let (a, b) = (ring[k], ring[(k + 1) % n]);
            let len = a.distance(b);
            if len < 1e-9 {
                continue;
            }
            let u = ((b.x - a.x) / len, (b.y - a.y) / len);
            let left = (-u.1, u.0);
            let right = (u.1, -u.0);
            let side = |p: Point| match (index.painted_side(p, left), index.painted_side(p, right))
            {
                (true, true) => Side::Inside,
                (true, false) => Side::Left,
                (false, true) => Side::Right,
                (false, false) => Side::Neither,
            };
            for (t0, t1, s) in runs(a, b, side) {
                let (p, q) = (a.lerp(b, t0), a.lerp(b, t1));
                if p.distance(q) < params.snap_m.max(1e-6) {
                    continue;
                }
                match s {
                    Side::Inside => seams += 1,
                    Side::Left => out.push(Seg::new(p, q, r.material, r.priority)),
                    Side::Right => out.push(Seg::new(q, p, r.material, r.priority)),
                    Side::Neither => {}
                }
            }
        }
    }
    (out, seams)
}

/// Merges faces that are one line drawn again or continued (overlapping fills with a common
/// edge, a face split where another fill meets it), each direction on its own so that faces
/// keep the paint on their left. Returns the faces and how many were merged away.
pub(super) fn merge_faces(faces: Vec<Seg>, params: &CleanupParams) -> (Vec<Seg>, usize) {
    let (forward, backward): (Vec<Seg>, Vec<Seg>) =
        faces.into_iter().partition(|s| s.normalised() == *s);
    let (mut out, n) = super::collinear::merge(forward, params);
    let (back, m) = super::collinear::merge(backward, params);
    out.extend(back.into_iter().map(|s| Seg {
        a: s.b,
        b: s.a,
        ..s
    }));
    (out, n + m)
}

/// Two faces that may bound one band of paint: `i` and `j`, the band's width `d` and the
/// length over which they overlap.
struct Candidate {
    i: usize,
    j: usize,
    d: f64,
    overlap: f64,
}

/// The area two convex quadrilaterals share (Sutherland–Hodgman clipping).
fn shared_area(a: &[Point; 4], b: &[Point; 4]) -> f64 {
    let signed = |r: &[Point]| crate::geometry::ring_area(r);
    let mut clip: Vec<Point> = b.to_vec();
    if signed(&clip) < 0.0 {
        clip.reverse();
    }
    let mut poly: Vec<Point> = a.to_vec();
    for k in 0..4 {
        let (c0, c1) = (clip[k], clip[(k + 1) % 4]);
        let side = |p: Point| (c1.x - c0.x) * (p.y - c0.y) - (c1.y - c0.y) * (p.x - c0.x);
        let input = std::mem::take(&mut poly);
        for (m, &p) in input.iter().enumerate() {
            let q = input[(m + 1) % input.len()];
            let (sp, sq) = (side(p), side(q));
            if sp >= 0.0 {
                poly.push(p);
            }
            if (sp >= 0.0) != (sq >= 0.0) {
                let t = sp / (sp - sq);
                poly.push(p.lerp(q, t));
            }
        }
        if poly.len() < 3 {
            return 0.0;
        }
    }
    signed(&poly).abs()
}

/// Pairs the faces of the painted area into centrelines, nearest first; see the module
/// documentation. Returns the centrelines, the parts of faces left over (end caps, faces of
/// shapes too wide or not parallel) and how many centrelines were made.
pub(super) fn pair(
    faces: Vec<Seg>,
    index: &FillIndex,
    params: &CleanupParams,
) -> (Vec<Seg>, Vec<Seg>, usize) {
    // The paint says the faces bound one wall, so they may taper (a wedge-shaped wall).
    let sin_tol = params
        .angle_tolerance_deg
        .max(MAX_TAPER_DEG)
        .to_radians()
        .sin();
    let widest = params.max_fill_thickness_m.max(params.max_thickness_m);
    let tree = seg::index(&faces);
    let mut candidates = Vec::new();
    for (i, s) in faces.iter().enumerate() {
        for e in tree.locate_in_envelope_intersecting(&s.envelope(widest)) {
            let j = e.data;
            if j <= i {
                continue;
            }
            let t = &faces[j];
            let (su, tu) = (s.dir(), t.dir());
            // Facing each other: opposite directions, each with the paint towards the other.
            if s.sin_angle(t) > sin_tol || su.0 * tu.0 + su.1 * tu.1 >= 0.0 {
                continue;
            }
            let (o1, o2) = (s.offset(t.a), s.offset(t.b));
            let (p1, p2) = (s.param(t.a), s.param(t.b));
            let (lo, hi) = (p1.min(p2).max(0.0), p1.max(p2).min(s.len()));
            let overlap = hi - lo;
            if overlap <= 0.0 || (p2 - p1).abs() < 1e-12 {
                continue;
            }
            let offset_at = |p: f64| o1 + (o2 - o1) * (p - p1) / (p2 - p1);
            let (oa, ob) = (offset_at(lo), offset_at(hi));
            let d = (oa + ob) / 2.0;
            if oa <= 0.0 || ob <= 0.0 || d < params.min_thickness_m || d > widest {
                continue;
            }
            // A band, not the two ends of one: at least about as long as it is wide.
            if overlap < params.min_length_m.max(0.9 * d) {
                continue;
            }
            // Paint all the way across, at a quarter, the middle and three quarters.
            let painted = [0.25, 0.5, 0.75].iter().all(|&f| {
                let at = lo + (hi - lo) * f;
                index.inside(s.at(at, offset_at(at) / 2.0))
            });
            if painted {
                candidates.push(Candidate { i, j, d, overlap });
            }
        }
    }
    candidates.sort_by(|x, y| {
        x.d.total_cmp(&y.d)
            .then(y.overlap.total_cmp(&x.overlap))
            .then(x.i.cmp(&y.i))
            .then(x.j.cmp(&y.j))
    });

    let mut used: Vec<Vec<(f64, f64)>> = vec![Vec::new(); faces.len()];
    let mut bands: Vec<([Point; 4], BBox)> = Vec::new();
    let mut centres = Vec::new();
    for c in &candidates {
        let (s, t) = (&faces[c.i], &faces[c.j]);
        let (p1, p2) = (s.param(t.a), s.param(t.b));
        let (o1, o2) = (s.offset(t.a), s.offset(t.b));
        let offset_at = |p: f64| o1 + (o2 - o1) * (p - p1) / (p2 - p1);
        let (lo, hi) = (p1.min(p2).max(0.0), p1.max(p2).min(s.len()));
        for (x0, x1) in free_parts(&used[c.i], lo, hi) {
            let (q0, q1) = (t.param(s.at(x0, 0.0)), t.param(s.at(x1, 0.0)));
            for (y0, y1) in free_parts(&used[c.j], q0.min(q1), q0.max(q1)) {
                let (z0, z1) = (s.param(t.at(y0, 0.0)), s.param(t.at(y1, 0.0)));
                let (z0, z1) = (z0.min(z1).max(x0), z0.max(z1).min(x1));
                if z1 - z0 < params.min_length_m.max(0.9 * c.d) {
                    continue;
                }
                let (d0, d1) = (offset_at(z0), offset_at(z1));
                let quad = [s.at(z0, 0.0), s.at(z1, 0.0), s.at(z1, d1), s.at(z0, d0)];
                let Some(bbox) = BBox::from_points(quad) else {
                    continue;
                };
                let area = (z1 - z0) * (d0 + d1) / 2.0;
                let overlaps = |b: &BBox| {
                    b.min.x < bbox.max.x
                        && b.max.x > bbox.min.x
                        && b.min.y < bbox.max.y
                        && b.max.y > bbox.min.y
                };
                // Paint another band already stands for (the other way across a pier).
                if bands
                    .iter()
                    .filter(|(_, b)| overlaps(b))
                    .any(|(q, _)| shared_area(&quad, q) > 0.25 * area)
                {
                    continue;
                }
                let mid = s.at((z0 + z1) / 2.0, (d0 + d1) / 4.0);
                let (material, priority) = index
                    .material_at(mid)
                    .unwrap_or((s.material, s.priority.max(t.priority)));
                let mut centre =
                    Seg::new(s.at(z0, d0 / 2.0), s.at(z1, d1 / 2.0), material, priority);
                centre.thickness = Some((d0 + d1) / 2.0);
                centres.push(centre);
                bands.push((quad, bbox));
                add_interval(&mut used[c.i], z0, z1);
                let (w0, w1) = (t.param(s.at(z0, 0.0)), t.param(s.at(z1, 0.0)));
                add_interval(&mut used[c.j], w0.min(w1), w0.max(w1));
            }
        }
    }
    let pairs = centres.len();
    let mut leftovers = Vec::new();
    for (k, s) in faces.iter().enumerate() {
        for (x0, x1) in free_parts(&used[k], 0.0, s.len()) {
            if x1 - x0 >= params.min_length_m {
                let mut piece = *s;
                piece.a = s.at(x0, 0.0);
                piece.b = s.at(x1, 0.0);
                leftovers.push(piece);
            }
        }
    }
    (centres, leftovers, pairs)
}

/// Where a point of a drawn line lies relative to the paint.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cover {
    Inside,
    Edge,
    Clear,
}

/// The parts of the straight piece a-b that the paint does not stand for. The stretches
/// touching the paint (inside it or along its edge) are taken in unbroken chains; a chain is
/// left out when part of it lies inside the paint or it reaches an end of the piece (a
/// stroked copy of the fill's outline), and kept when it only runs along the paint's edge in
/// the middle of the piece (a face running past a fill that butts against it).
pub(super) fn uncovered(index: &FillIndex, a: Point, b: Point) -> Vec<(Point, Point)> {
    let len = a.distance(b);
    if len == 0.0 {
        return Vec::new();
    }
    let u = ((b.x - a.x) / len, (b.y - a.y) / len);
    let parts = runs(a, b, |p| index.cover(p, u));
    let mut keep = vec![true; parts.len()];
    let mut k = 0;
    while k < parts.len() {
        if parts[k].2 == Cover::Clear {
            k += 1;
            continue;
        }
        let start = k;
        while k < parts.len() && parts[k].2 != Cover::Clear {
            k += 1;
        }
        let chain = start..k;
        let inside = parts[chain.clone()].iter().any(|r| r.2 == Cover::Inside);
        if inside || start == 0 || k == parts.len() {
            for x in chain {
                keep[x] = false;
            }
        }
    }
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (&(t0, t1, _), _) in parts.iter().zip(&keep).filter(|(_, k)| **k) {
        match out.last_mut() {
            Some(prev) if (prev.1 - t0).abs() < 1e-12 => prev.1 = t1,
            _ => out.push((t0, t1)),
        }
    }
    out.into_iter()
        .map(|(t0, t1)| (a.lerp(b, t0), a.lerp(b, t1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<Point> {
        vec![p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1)]
    }

    #[test]
    fn the_index_cells_grow_for_shapes_kilometres_across_only() {
        let b = |w: f64| BBox {
            min: p(0.0, 0.0),
            max: p(w, w),
        };
        // A building's fills: 1 m cells.
        assert_eq!(cell_size(&[b(120.0), b(0.3), b(60.0)]), CELL_M);
        // A SOLID 1,000 km across: cells large enough to keep the index small.
        let huge = cell_size(&[b(1.0e6), b(0.3)]);
        assert!(huge > 500.0, "{huge}");
        let (x0, y0, x1, y1) = cell_span(&b(1.0e6), huge);
        assert!(((x1 - x0 + 1) * (y1 - y0 + 1)) as f64 <= MAX_CELL_ENTRIES);
        // A line 150 km long is sampled at most MAX_SAMPLES times.
        let calls = std::cell::Cell::new(0_usize);
        runs(p(0.0, 0.0), p(150_000.0, 0.0), |_| {
            calls.set(calls.get() + 1);
            0
        });
        assert!(calls.get() <= MAX_SAMPLES + 1, "{}", calls.get());
    }

    #[test]
    fn a_shape_is_even_odd_and_shapes_are_one_paint() {
        let index = FillIndex::new(
            vec![
                // A hatch with a hole.
                (
                    vec![rect(0.0, 0.0, 4.0, 4.0), rect(1.0, 1.0, 3.0, 3.0)],
                    0,
                    1,
                ),
                // A shape over its corner, and one inside another shape (both paint).
                (vec![rect(3.5, 3.5, 6.0, 6.0)], 0, 1),
                (vec![rect(4.0, 4.0, 5.0, 5.0)], 0, 1),
            ],
            0.02,
        );
        assert!(index.inside(p(0.5, 0.5)));
        assert!(!index.inside(p(2.0, 2.0)), "the hole");
        assert!(index.inside(p(3.7, 3.7)), "where two shapes overlap");
        assert!(index.inside(p(4.5, 4.5)), "a shape on a shape");
        assert!(!index.inside(p(7.0, 7.0)));
        assert_eq!(index.ring_count(), 4);
    }

    #[test]
    fn quads_share_their_overlap() {
        let a = [p(0.0, 0.0), p(2.0, 0.0), p(2.0, 1.0), p(0.0, 1.0)];
        let b = [p(1.0, 0.5), p(1.0, 3.0), p(3.0, 3.0), p(3.0, 0.5)];
        assert!((shared_area(&a, &b) - 0.5).abs() < 1e-9);
        let far = [p(5.0, 5.0), p(6.0, 5.0), p(6.0, 6.0), p(5.0, 6.0)];
        assert_eq!(shared_area(&a, &far), 0.0);
    }

    #[test]
    fn runs_find_each_change_to_a_tenth_of_a_millimetre() {
        let r = runs(p(0.0, 0.0), p(1.0, 0.0), |q| q.x > 0.3333 && q.x < 0.7);
        assert_eq!(r.len(), 3);
        assert!((r[0].1 - 0.3333).abs() < 1e-4 && (r[1].1 - 0.7).abs() < 1e-4);
        assert_eq!((r[0].2, r[1].2, r[2].2), (false, true, false));
    }
}
