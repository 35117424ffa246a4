//! Planar geometry in metres: points, segments, polygons and bounding boxes.
//!
//! x grows east, y grows north. Every coordinate in a [`crate::Project`] is in metres on the
//! floor's own plane; heights are separate fields.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A point on a floor plan, in metres. Serialised as `[x, y]`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
#[schemars(with = "[f64; 2]")]
pub struct Point {
    /// East, metres.
    pub x: f64,
    /// North, metres.
    pub y: f64,
}

impl Point {
    /// A point at (x, y).
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    /// Euclidean distance to `other`.
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// True when both coordinates are finite numbers.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    /// `self + t * (other - self)`.
    pub fn lerp(self, other: Point, t: f64) -> Point {
        Point::new(
            self.x + t * (other.x - self.x),
            self.y + t * (other.y - self.y),
        )
    }
}

impl From<[f64; 2]> for Point {
    fn from([x, y]: [f64; 2]) -> Self {
        Self { x, y }
    }
}

impl From<Point> for [f64; 2] {
    fn from(p: Point) -> Self {
        [p.x, p.y]
    }
}

/// A straight piece between two points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// Start.
    pub a: Point,
    /// End.
    pub b: Point,
}

impl Segment {
    /// The segment from `a` to `b`.
    pub const fn new(a: Point, b: Point) -> Self {
        Self { a, b }
    }

    /// Length in metres.
    pub fn length(&self) -> f64 {
        self.a.distance(self.b)
    }

    /// The bounding box of the segment.
    pub fn bbox(&self) -> BBox {
        BBox::from_points([self.a, self.b]).expect("two points")
    }

    /// The point of the segment nearest to `p`, and its parameter t in [0, 1].
    pub fn closest_point(&self, p: Point) -> (Point, f64) {
        let (dx, dy) = (self.b.x - self.a.x, self.b.y - self.a.y);
        let len2 = dx * dx + dy * dy;
        if len2 == 0.0 {
            return (self.a, 0.0);
        }
        let t = (((p.x - self.a.x) * dx + (p.y - self.a.y) * dy) / len2).clamp(0.0, 1.0);
        (self.a.lerp(self.b, t), t)
    }

    /// Distance from `p` to the nearest point of the segment.
    pub fn distance_to(&self, p: Point) -> f64 {
        self.closest_point(p).0.distance(p)
    }

    /// True when the two closed segments share at least one point (crossing or touching,
    /// collinear overlaps included). Exact for the orientation signs of the inputs.
    pub fn intersects(&self, other: &Segment) -> bool {
        let (p1, p2, p3, p4) = (self.a, self.b, other.a, other.b);
        let d1 = orient(p3, p4, p1);
        let d2 = orient(p3, p4, p2);
        let d3 = orient(p1, p2, p3);
        let d4 = orient(p1, p2, p4);
        if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
            && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
        {
            return true;
        }
        (d1 == 0.0 && on_segment(p3, p4, p1))
            || (d2 == 0.0 && on_segment(p3, p4, p2))
            || (d3 == 0.0 && on_segment(p1, p2, p3))
            || (d4 == 0.0 && on_segment(p1, p2, p4))
    }
}

/// Twice the signed area of the triangle (a, b, c): positive when c is left of a→b.
pub fn orient(a: Point, b: Point, c: Point) -> f64 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// For c collinear with a-b: true when c lies within the segment's bounding box.
fn on_segment(a: Point, b: Point, c: Point) -> bool {
    c.x >= a.x.min(b.x) && c.x <= a.x.max(b.x) && c.y >= a.y.min(b.y) && c.y <= a.y.max(b.y)
}

/// The segments of an open polyline, in order.
pub fn polyline_segments(points: &[Point]) -> impl Iterator<Item = Segment> + '_ {
    points.windows(2).map(|w| Segment::new(w[0], w[1]))
}

/// Total length of an open polyline.
pub fn polyline_length(points: &[Point]) -> f64 {
    polyline_segments(points).map(|s| s.length()).sum()
}

/// A polygon: an exterior ring and optional holes. Rings are stored closed or open; every
/// function here treats the last vertex as joined to the first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Polygon {
    /// The outer boundary.
    pub exterior: Vec<Point>,
    /// Inner boundaries (courtyards, shafts), if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holes: Vec<Vec<Point>>,
}

impl Polygon {
    /// A polygon without holes.
    pub fn new(exterior: Vec<Point>) -> Self {
        Self {
            exterior,
            holes: Vec::new(),
        }
    }

    /// An axis-aligned rectangle from its lower-left and upper-right corners, anticlockwise.
    pub fn rect(min: Point, max: Point) -> Self {
        Self::new(vec![
            min,
            Point::new(max.x, min.y),
            max,
            Point::new(min.x, max.y),
        ])
    }

    /// Area in square metres (holes subtracted).
    pub fn area(&self) -> f64 {
        ring_area(&self.exterior).abs() - self.holes.iter().map(|h| ring_area(h).abs()).sum::<f64>()
    }

    /// The area-weighted centroid of the exterior ring (the vertex mean for degenerate rings).
    pub fn centroid(&self) -> Point {
        ring_centroid(&self.exterior)
    }

    /// True when `p` is inside the exterior and outside every hole (even-odd rule).
    pub fn contains(&self, p: Point) -> bool {
        ring_contains(&self.exterior, p) && !self.holes.iter().any(|h| ring_contains(h, p))
    }

    /// Every edge of every ring, each ring closed.
    pub fn edges(&self) -> impl Iterator<Item = Segment> + '_ {
        std::iter::once(&self.exterior)
            .chain(self.holes.iter())
            .flat_map(|ring| ring_segments(ring))
    }

    /// All vertices of all rings.
    pub fn points(&self) -> impl Iterator<Item = Point> + '_ {
        self.exterior
            .iter()
            .chain(self.holes.iter().flatten())
            .copied()
    }
}

/// The closed edges of a ring (whether or not its last vertex repeats the first).
pub fn ring_segments(ring: &[Point]) -> impl Iterator<Item = Segment> + '_ {
    let n = ring.len();
    let closing = (n > 2 && ring[0] != ring[n - 1]).then(|| Segment::new(ring[n - 1], ring[0]));
    polyline_segments(ring).chain(closing)
}

/// Signed area (anticlockwise positive) of a ring, by the shoelace formula.
pub fn ring_area(ring: &[Point]) -> f64 {
    ring_segments(ring)
        .map(|s| s.a.x * s.b.y - s.b.x * s.a.y)
        .sum::<f64>()
        / 2.0
}

fn ring_centroid(ring: &[Point]) -> Point {
    let a = ring_area(ring);
    if a.abs() < 1e-12 {
        let n = ring.len().max(1) as f64;
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |(x, y), p| (x + p.x, y + p.y));
        return Point::new(sx / n, sy / n);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for s in ring_segments(ring) {
        let cross = s.a.x * s.b.y - s.b.x * s.a.y;
        cx += (s.a.x + s.b.x) * cross;
        cy += (s.a.y + s.b.y) * cross;
    }
    Point::new(cx / (6.0 * a), cy / (6.0 * a))
}

fn ring_contains(ring: &[Point], p: Point) -> bool {
    let mut inside = false;
    for s in ring_segments(ring) {
        if (s.a.y > p.y) != (s.b.y > p.y) {
            let x = s.a.x + (p.y - s.a.y) / (s.b.y - s.a.y) * (s.b.x - s.a.x);
            if p.x < x {
                inside = !inside;
            }
        }
    }
    inside
}

/// An axis-aligned bounding box.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BBox {
    /// Lower-left corner (min x, min y).
    pub min: Point,
    /// Upper-right corner (max x, max y).
    pub max: Point,
}

impl BBox {
    /// The smallest box holding every point, or `None` for no points.
    pub fn from_points(points: impl IntoIterator<Item = Point>) -> Option<BBox> {
        let mut it = points.into_iter();
        let first = it.next()?;
        let mut b = BBox {
            min: first,
            max: first,
        };
        for p in it {
            b.include(p);
        }
        Some(b)
    }

    /// Grows the box to hold `p`.
    pub fn include(&mut self, p: Point) {
        self.min.x = self.min.x.min(p.x);
        self.min.y = self.min.y.min(p.y);
        self.max.x = self.max.x.max(p.x);
        self.max.y = self.max.y.max(p.y);
    }

    /// The smallest box holding both.
    pub fn union(self, other: BBox) -> BBox {
        let mut b = self;
        b.include(other.min);
        b.include(other.max);
        b
    }

    /// East-west extent in metres.
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    /// North-south extent in metres.
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }

    /// The centre of the box.
    pub fn center(&self) -> Point {
        self.min.lerp(self.max, 0.5)
    }
}

/// The geometry of a wall as drawn: one polyline, several, or a closed outline.
///
/// Keeping the drawn form lets a GeoJSON round trip give back the same geometry type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// An open polyline (GeoJSON LineString).
    Line(Vec<Point>),
    /// Several open polylines (GeoJSON MultiLineString).
    MultiLine(Vec<Vec<Point>>),
    /// A closed outline with optional holes (GeoJSON Polygon): every ring is a wall.
    Polygon(Polygon),
}

impl Shape {
    /// Every straight piece of the shape; rings are closed.
    pub fn segments(&self) -> Box<dyn Iterator<Item = Segment> + '_> {
        match self {
            Shape::Line(points) => Box::new(polyline_segments(points)),
            Shape::MultiLine(lines) => Box::new(lines.iter().flat_map(|l| polyline_segments(l))),
            Shape::Polygon(polygon) => Box::new(polygon.edges()),
        }
    }

    /// Every vertex of the shape.
    pub fn points(&self) -> Box<dyn Iterator<Item = Point> + '_> {
        match self {
            Shape::Line(points) => Box::new(points.iter().copied()),
            Shape::MultiLine(lines) => Box::new(lines.iter().flatten().copied()),
            Shape::Polygon(polygon) => Box::new(polygon.points()),
        }
    }

    /// Total drawn length in metres.
    pub fn length(&self) -> f64 {
        self.segments().map(|s| s.length()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    #[test]
    fn crossing_touching_and_apart() {
        let s = Segment::new(p(0.0, 0.0), p(2.0, 2.0));
        assert!(s.intersects(&Segment::new(p(0.0, 2.0), p(2.0, 0.0))));
        // Touching at an endpoint counts.
        assert!(s.intersects(&Segment::new(p(2.0, 2.0), p(3.0, 0.0))));
        // Collinear overlap counts, collinear gap does not.
        assert!(s.intersects(&Segment::new(p(1.0, 1.0), p(3.0, 3.0))));
        assert!(!s.intersects(&Segment::new(p(2.5, 2.5), p(3.0, 3.0))));
        assert!(!s.intersects(&Segment::new(p(0.0, 1.0), p(0.9, 1.8))));
    }

    #[test]
    fn polygon_area_centroid_contains() {
        let mut room = Polygon::rect(p(0.0, 0.0), p(4.0, 3.0));
        assert_eq!(room.area(), 12.0);
        assert_eq!(room.centroid(), p(2.0, 1.5));
        assert!(room.contains(p(1.0, 1.0)));
        assert!(!room.contains(p(5.0, 1.0)));
        room.holes
            .push(Polygon::rect(p(1.0, 1.0), p(2.0, 2.0)).exterior);
        assert_eq!(room.area(), 11.0);
        assert!(!room.contains(p(1.5, 1.5)));
        assert_eq!(room.edges().count(), 8);
    }

    #[test]
    fn closed_ring_is_not_closed_twice() {
        let ring = vec![p(0.0, 0.0), p(1.0, 0.0), p(1.0, 1.0), p(0.0, 0.0)];
        assert_eq!(ring_segments(&ring).count(), 3);
        assert_eq!(ring_segments(&ring[..3]).count(), 3);
    }

    #[test]
    fn closest_point_clamps_to_ends() {
        let s = Segment::new(p(0.0, 0.0), p(10.0, 0.0));
        assert_eq!(s.closest_point(p(5.0, 3.0)), (p(5.0, 0.0), 0.5));
        assert_eq!(s.closest_point(p(-2.0, 1.0)).0, p(0.0, 0.0));
        assert_eq!(s.distance_to(p(13.0, 4.0)), 5.0);
    }

    #[test]
    fn point_serialises_as_pair() {
        assert_eq!(serde_json::to_string(&p(1.5, -2.0)).unwrap(), "[1.5,-2.0]");
        let q: Point = serde_json::from_str("[3, 4]").unwrap();
        assert_eq!(q, p(3.0, 4.0));
    }
}
