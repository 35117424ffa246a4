//! A drawing board in whole millimetres: the generators draw axis-aligned walls, openings and
//! rooms on it, and [`Plan::draw_into`] turns them into a [`Floor`]'s walls, doors, windows
//! and rooms.
//!
//! Walls drawn on the same line are merged (where two overlap, the stronger kind wins, so a
//! concrete facade is never doubled by the partition that meets it), every opening cuts its
//! gap out of the wall it sits in, and walls are split where another wall meets them, and
//! glazed partitions into panels of at most 1.2 m, as a CAD drawing has them. Integer millimetres make every coordinate exact and every run
//! identical.

use std::collections::BTreeMap;

use tailplan_core::{Floor, Opening, OpeningKind, Point, Polygon, Props, Room, Shape, Wall};

/// A length or coordinate in millimetres.
pub(crate) type Mm = i64;

/// Metres from millimetres (the nearest `f64`, which prints as the decimal it stands for).
pub(crate) fn m(mm: Mm) -> f64 {
    mm as f64 / 1000.0
}

/// A point (x, y) in millimetres.
pub(crate) type Xy = (Mm, Mm);

/// A line of the drawing: its direction and its coordinate across.
type LineKey = (Axis, Mm);

/// The point (x, y) given in millimetres.
pub(crate) fn pt(x: Mm, y: Mm) -> Point {
    Point::new(m(x), m(y))
}

/// The direction a straight run goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Axis {
    /// West-east: a line `y = c`.
    X,
    /// South-north: a line `x = c`.
    Y,
}

impl Axis {
    fn other(self) -> Axis {
        match self {
            Axis::X => Axis::Y,
            Axis::Y => Axis::X,
        }
    }
}

/// An axis-aligned straight run: on the line `y = c` (axis X) or `x = c` (axis Y), from `lo`
/// to `hi` along it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    pub axis: Axis,
    pub c: Mm,
    pub lo: Mm,
    pub hi: Mm,
}

impl Run {
    /// The run along `y` from `x0` to `x1` (either order).
    pub fn h(y: Mm, x0: Mm, x1: Mm) -> Run {
        Run {
            axis: Axis::X,
            c: y,
            lo: x0.min(x1),
            hi: x0.max(x1),
        }
    }

    /// The run along `x` from `y0` to `y1` (either order).
    pub fn v(x: Mm, y0: Mm, y1: Mm) -> Run {
        Run {
            axis: Axis::Y,
            c: x,
            lo: y0.min(y1),
            hi: y0.max(y1),
        }
    }

    /// The run on the same line from `lo` to `hi`.
    fn with(self, lo: Mm, hi: Mm) -> Run {
        Run { lo, hi, ..self }
    }

    fn ends(self) -> [Point; 2] {
        match self.axis {
            Axis::X => [pt(self.lo, self.c), pt(self.hi, self.c)],
            Axis::Y => [pt(self.c, self.lo), pt(self.c, self.hi)],
        }
    }
}

/// What a wall is built of; earlier kinds win where two are drawn over each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum WallKind {
    /// The concrete facade, 300 mm.
    Exterior,
    /// Concrete core walls (stairs, lifts, shafts, telecom room), 250 mm.
    Core,
    /// A radiation-shielded wall (lead-lined: imaging rooms), modelled as metal, 200 mm.
    Shielded,
    /// A brick wall (auditoriums, kitchens, plant), 200 mm.
    Masonry,
    /// A glass partition (meeting-room fronts), 100 mm.
    Glass,
    /// A corridor wall, drywall 150 mm.
    Corridor,
    /// A partition between rooms, drywall 100 mm.
    Partition,
    /// A WC cubicle panel, 50 mm.
    Cubicle,
}

impl WallKind {
    fn material(self) -> &'static str {
        match self {
            WallKind::Exterior | WallKind::Core => "concrete",
            WallKind::Shielded => "metal",
            WallKind::Masonry => "brick",
            WallKind::Glass => "glass",
            WallKind::Corridor | WallKind::Partition | WallKind::Cubicle => "drywall",
        }
    }

    fn thickness_mm(self) -> Mm {
        match self {
            WallKind::Exterior => 300,
            WallKind::Core => 250,
            WallKind::Shielded | WallKind::Masonry => 200,
            WallKind::Glass | WallKind::Partition => 100,
            WallKind::Corridor => 150,
            WallKind::Cubicle => 50,
        }
    }
}

/// Curves are drawn as polygons whose chords stray at most about 3 mm from the true arc, as
/// a CAD importer tessellates them.
///
/// A round column of Ø 600 mm is a 24-gon: its ring is drawn at half its radius and as thick
/// as its radius, so that the wall fills the whole section. `COLUMN_COS` is 150 mm x cos of
/// 0°, 15° ... 90°, rounded to millimetres.
const COLUMN_COS: [Mm; 7] = [150, 145, 130, 106, 75, 39, 0];

/// A column's wall thickness (its radius).
const COLUMN_THICKNESS_M: f64 = 0.3;

/// The radius of a column's section.
const COLUMN_RADIUS_MM: Mm = 300;

/// A ring from the vertices of its first quadrant (angles from 0° up to, not including,
/// 90°, anticlockwise): the other three quadrants are the first turned by 90°, exactly.
pub(crate) fn ring_from_quadrant(quadrant: &[(Mm, Mm)]) -> Vec<(Mm, Mm)> {
    let mut out = quadrant.to_vec();
    for q in 1..4 {
        out.extend(quadrant.iter().map(|&(x, y)| match q {
            1 => (-y, x),
            2 => (-x, -y),
            _ => (y, -x),
        }));
    }
    out
}

fn column_ring() -> Vec<(Mm, Mm)> {
    let n = COLUMN_COS.len() - 1;
    let quadrant: Vec<(Mm, Mm)> = (0..n).map(|k| (COLUMN_COS[k], COLUMN_COS[n - k])).collect();
    ring_from_quadrant(&quadrant)
}

/// The distance from p to the segment a-b, millimetres.
fn segment_distance(p: (Mm, Mm), a: (Mm, Mm), b: (Mm, Mm)) -> Mm {
    let s = tailplan_core::Segment::new(pt(a.0, a.1), pt(b.0, b.1));
    (s.distance_to(pt(p.0, p.1)) * 1000.0).floor() as Mm
}

/// The widest panel of a glazed partition.
const GLASS_PANEL_MM: Mm = 1_200;

/// The IMDF unit category of a room's use: what the capacity model's densities are keyed by.
fn imdf_category(use_: &str) -> &'static str {
    match use_ {
        "meeting" | "conference" => "conferenceroom",
        "storage" | "print_room" => "storage",
        "passage" | "corridor" => "walkway",
        "lobby" | "foyer" => "lobby",
        "restaurant" | "cafe" => "foodservice",
        "auditorium" => "auditorium",
        "teaching" => "classroom",
        "laboratory" => "laboratory",
        "hall" | "lounge" => "lobby",
        "kitchen" | "kitchenette" => "kitchen",
        "security" => "security",
        "lift" => "elevator",
        "stair" => "stairs",
        "shaft" | "electrical" | "telecom_room" => "mechanical",
        _ => "office",
    }
}

/// A room to be drawn: its name, outline (anticlockwise), holes (clockwise) and use.
#[derive(Debug, Clone)]
pub(crate) struct RoomSpec {
    pub name: String,
    pub exterior: Vec<(Mm, Mm)>,
    pub holes: Vec<Vec<(Mm, Mm)>>,
    pub use_: &'static str,
}

impl RoomSpec {
    /// A rectangular room.
    pub fn rect(
        name: impl Into<String>,
        x0: Mm,
        y0: Mm,
        x1: Mm,
        y1: Mm,
        use_: &'static str,
    ) -> Self {
        RoomSpec {
            name: name.into(),
            exterior: rect_ring(x0, y0, x1, y1),
            holes: Vec::new(),
            use_,
        }
    }

    /// Cuts a rectangular hole (a core, an enclosed room) out of the room.
    pub fn with_hole(mut self, x0: Mm, y0: Mm, x1: Mm, y1: Mm) -> Self {
        let mut ring = rect_ring(x0, y0, x1, y1);
        ring.reverse();
        self.holes.push(ring);
        self
    }

    /// The room's outline as a tailplan polygon.
    pub fn polygon(&self) -> Polygon {
        let ring = |r: &[(Mm, Mm)]| r.iter().map(|&(x, y)| pt(x, y)).collect::<Vec<_>>();
        Polygon {
            exterior: ring(&self.exterior),
            holes: self.holes.iter().map(|h| ring(h)).collect(),
        }
    }
}

/// The anticlockwise corners of the rectangle (x0, y0)-(x1, y1).
pub(crate) fn rect_ring(x0: Mm, y0: Mm, x1: Mm, y1: Mm) -> Vec<(Mm, Mm)> {
    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
}

/// Walls, openings and rooms of one floor, in millimetres.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    walls: Vec<(Run, WallKind)>,
    curved: Vec<(Vec<(Mm, Mm)>, WallKind)>,
    columns: Vec<(Mm, Mm)>,
    openings: Vec<(Run, OpeningKind, &'static str)>,
    free_doors: Vec<(Xy, Xy, &'static str)>,
    rooms: Vec<RoomSpec>,
}

impl Plan {
    /// Draws a wall.
    pub fn wall(&mut self, run: Run, kind: WallKind) {
        assert!(run.lo < run.hi, "empty wall {run:?}");
        self.walls.push((run, kind));
    }

    /// Draws the four walls of a rectangle.
    pub fn wall_rect(&mut self, x0: Mm, y0: Mm, x1: Mm, y1: Mm, kind: WallKind) {
        self.wall(Run::h(y0, x0, x1), kind);
        self.wall(Run::h(y1, x0, x1), kind);
        self.wall(Run::v(x0, y0, y1), kind);
        self.wall(Run::v(x1, y0, y1), kind);
    }

    /// Draws a wall along a polyline as it is (a tessellated curve): not merged with others.
    pub fn polyline(&mut self, points: Vec<(Mm, Mm)>, kind: WallKind) {
        assert!(points.len() >= 2, "a wall needs two points");
        self.curved.push((points, kind));
    }

    /// Places a door from `a` to `b` across a gap the caller left in a polyline wall.
    pub fn door_between(&mut self, a: Xy, b: Xy, material: &'static str) {
        self.free_doors.push((a, b, material));
    }

    /// Places a round concrete column (Ø 600 mm) centred at (x, y).
    pub fn column(&mut self, x: Mm, y: Mm) {
        self.columns.push((x, y));
    }

    /// Places a door of `material` in a wall; the wall gets a gap exactly there.
    pub fn door(&mut self, run: Run, material: &'static str) {
        self.openings.push((run, OpeningKind::Door, material));
    }

    /// Places a low-E window in a wall; the wall gets a gap exactly there.
    pub fn window(&mut self, run: Run) {
        self.openings
            .push((run, OpeningKind::Window, "low_e_glass"));
    }

    /// Adds a room.
    pub fn room(&mut self, room: RoomSpec) {
        self.rooms.push(room);
    }

    /// How far (x, y) is from the nearest wall face or column, millimetres (rounded down).
    pub fn clearance(&self, x: Mm, y: Mm) -> Mm {
        let walls = self.walls.iter().map(|&(r, kind)| {
            let (u, v) = match r.axis {
                Axis::X => (x, y),
                Axis::Y => (y, x),
            };
            let du = (r.lo - u).max(u - r.hi).max(0);
            let dv = (v - r.c).abs();
            (du * du + dv * dv).isqrt() - kind.thickness_mm() / 2
        });
        let columns = self
            .columns
            .iter()
            .map(|&(cx, cy)| ((cx - x).pow(2) + (cy - y).pow(2)).isqrt() - COLUMN_RADIUS_MM);
        let curved = self.curved.iter().flat_map(|(points, kind)| {
            points
                .windows(2)
                .map(move |w| segment_distance((x, y), w[0], w[1]) - kind.thickness_mm() / 2)
        });
        walls.chain(columns).chain(curved).min().unwrap_or(Mm::MAX)
    }

    /// Writes the walls, openings and rooms into `floor`, with ids `w-{floor}-0001`,
    /// `d-{floor}-001` (doors), `win-{floor}-001` (windows) and `rm-{floor}-001`.
    ///
    /// Panics when the drawing is inconsistent (an opening outside any wall, a wall meeting
    /// the middle of an opening): the generators are fixed, so the tests catch that.
    pub fn draw_into(&self, floor: &mut Floor) {
        let f = floor.id.clone();
        let mut n = 0;
        for (run, kind) in self.merged_walls() {
            n += 1;
            floor.walls.push(Wall {
                id: format!("w-{f}-{n:04}"),
                shape: Shape::Line(run.ends().to_vec()),
                material: Some(kind.material().to_owned()),
                loss_db: None,
                thickness_m: m(kind.thickness_mm()),
                props: Props::new(),
            });
        }
        for (points, kind) in &self.curved {
            n += 1;
            floor.walls.push(Wall {
                id: format!("w-{f}-{n:04}"),
                shape: Shape::Line(points.iter().map(|&(x, y)| pt(x, y)).collect()),
                material: Some(kind.material().to_owned()),
                loss_db: None,
                thickness_m: m(kind.thickness_mm()),
                props: Props::new(),
            });
        }
        let column = column_ring();
        for &(x, y) in &self.columns {
            n += 1;
            let ring = column.iter().map(|&(dx, dy)| pt(x + dx, y + dy)).collect();
            let mut props = Props::new();
            props.insert("type".into(), "column".into());
            floor.walls.push(Wall {
                id: format!("w-{f}-{n:04}"),
                shape: Shape::Polygon(Polygon::new(ring)),
                material: Some("concrete".to_owned()),
                loss_db: None,
                thickness_m: COLUMN_THICKNESS_M,
                props,
            });
        }
        let (mut doors, mut windows) = (0, 0);
        let free = self
            .free_doors
            .iter()
            .map(|&(a, b, material)| ([pt(a.0, a.1), pt(b.0, b.1)], OpeningKind::Door, material));
        let straight = self
            .openings
            .iter()
            .map(|&(run, kind, material)| (run.ends(), kind, material));
        for (ends, kind, material) in straight.chain(free) {
            let id = match kind {
                OpeningKind::Door => {
                    doors += 1;
                    format!("d-{f}-{doors:03}")
                }
                OpeningKind::Window => {
                    windows += 1;
                    format!("win-{f}-{windows:03}")
                }
            };
            floor.openings.push(Opening {
                id,
                kind,
                points: ends.to_vec(),
                material: material.to_owned(),
                open: false,
                props: Props::new(),
            });
        }
        for (i, r) in self.rooms.iter().enumerate() {
            let mut props = Props::new();
            props.insert("use".into(), r.use_.into());
            floor.rooms.push(Room {
                id: format!("rm-{f}-{:03}", i + 1),
                name: r.name.clone(),
                polygon: r.polygon(),
                category: Some(imdf_category(r.use_).to_owned()),
                people: None,
                props,
            });
        }
    }

    /// The straight walls as built: merged per line, cut at openings, split at junctions;
    /// lines west-east (south to north) first, then south-north (west to east).
    fn merged_walls(&self) -> Vec<(Run, WallKind)> {
        let mut lines: BTreeMap<LineKey, Vec<(Mm, Mm, WallKind)>> = BTreeMap::new();
        for &(r, kind) in &self.walls {
            lines
                .entry((r.axis, r.c))
                .or_default()
                .push((r.lo, r.hi, kind));
        }
        let mut gaps: BTreeMap<LineKey, Vec<(Mm, Mm)>> = BTreeMap::new();
        for &(r, _, _) in &self.openings {
            assert!(r.lo < r.hi, "empty opening {r:?}");
            gaps.entry((r.axis, r.c)).or_default().push((r.lo, r.hi));
        }
        // Where each line is met by a wall of the other direction.
        let mut junctions: BTreeMap<LineKey, Vec<Mm>> = BTreeMap::new();
        for &(r, _) in &self.walls {
            let other = r.axis.other();
            for (&(axis, c), _) in lines.range((other, r.lo)..=(other, r.hi)) {
                debug_assert_eq!(axis, other);
                junctions.entry((axis, c)).or_default().push(r.c);
            }
        }
        for (key, spans) in &gaps {
            let walls = lines.get(key).map(Vec::as_slice).unwrap_or(&[]);
            for &(lo, hi) in spans {
                assert!(
                    covered(walls, lo, hi),
                    "an opening at {key:?} {lo}..{hi} is not in a wall"
                );
                if let Some(j) = junctions.get(key) {
                    assert!(
                        !j.iter().any(|&u| lo < u && u < hi),
                        "a wall meets the opening at {key:?} {lo}..{hi}"
                    );
                }
            }
        }

        let mut out = Vec::new();
        for (key, walls) in &lines {
            let gaps = gaps.get(key).map(Vec::as_slice).unwrap_or(&[]);
            let joints = junctions.get(key).map(Vec::as_slice).unwrap_or(&[]);
            let mut cuts: Vec<Mm> = walls
                .iter()
                .flat_map(|&(lo, hi, _)| [lo, hi])
                .chain(gaps.iter().flat_map(|&(lo, hi)| [lo, hi]))
                .chain(joints.iter().copied())
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            let template = Run {
                axis: key.0,
                c: key.1,
                lo: 0,
                hi: 0,
            };
            let mut current: Option<(Mm, Mm, WallKind)> = None;
            for w in cuts.windows(2) {
                let (s, e) = (w[0], w[1]);
                let in_gap = gaps.iter().any(|&(lo, hi)| lo <= s && e <= hi);
                let kind = walls
                    .iter()
                    .filter(|&&(lo, hi, _)| lo <= s && e <= hi)
                    .map(|&(_, _, k)| k)
                    .min()
                    .filter(|_| !in_gap);
                current = match (current, kind) {
                    (Some((lo, hi, k)), Some(kind))
                        if k == kind && hi == s && !joints.contains(&s) =>
                    {
                        Some((lo, e, k))
                    }
                    (prev, kind) => {
                        if let Some((lo, hi, k)) = prev {
                            out.push((template.with(lo, hi), k));
                        }
                        kind.map(|k| (s, e, k))
                    }
                };
            }
            if let Some((lo, hi, k)) = current {
                out.push((template.with(lo, hi), k));
            }
        }
        // Glazed partitions come in panels of at most 1.2 m between mullions.
        out.into_iter()
            .flat_map(|(run, kind)| {
                let len = run.hi - run.lo;
                let panels = if kind == WallKind::Glass {
                    (len + GLASS_PANEL_MM - 1) / GLASS_PANEL_MM
                } else {
                    1
                };
                (0..panels).map(move |i| {
                    let at = |i: Mm| run.lo + len * i / panels;
                    (run.with(at(i), at(i + 1)), kind)
                })
            })
            .collect()
    }
}

/// True when the walls of a line cover `lo..hi` without a break.
fn covered(walls: &[(Mm, Mm, WallKind)], lo: Mm, hi: Mm) -> bool {
    let mut reach = lo;
    loop {
        let next = walls
            .iter()
            .filter(|&&(a, b, _)| a <= reach && b > reach)
            .map(|&(_, b, _)| b)
            .max();
        match next {
            Some(b) if b >= hi => return true,
            Some(b) => reach = b,
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn floor_of(plan: &Plan) -> Floor {
        let mut f = Floor::new("9", "Test", 0.0);
        plan.draw_into(&mut f);
        f
    }

    fn line_ends(w: &Wall) -> Vec<Point> {
        w.shape.points().collect()
    }

    #[test]
    fn overlapping_walls_merge_and_the_stronger_kind_wins() {
        let mut p = Plan::default();
        p.wall(Run::h(0, 0, 10_000), WallKind::Partition);
        p.wall(Run::h(0, 4_000, 6_000), WallKind::Exterior);
        p.wall(Run::h(0, 2_000, 8_000), WallKind::Partition);
        let f = floor_of(&p);
        let walls: Vec<_> = f
            .walls
            .iter()
            .map(|w| (line_ends(w), w.material.clone().unwrap(), w.thickness_m))
            .collect();
        assert_eq!(walls.len(), 3);
        assert_eq!(walls[0].0, [pt(0, 0), pt(4_000, 0)]);
        assert_eq!(walls[1].0, [pt(4_000, 0), pt(6_000, 0)]);
        assert_eq!(walls[1].1, "concrete");
        assert_eq!(walls[1].2, 0.3);
        assert_eq!(walls[2].0, [pt(6_000, 0), pt(10_000, 0)]);
    }

    #[test]
    fn openings_cut_gaps_and_junctions_split() {
        let mut p = Plan::default();
        p.wall(Run::h(0, 0, 10_000), WallKind::Corridor);
        p.wall(Run::v(5_000, 0, 3_000), WallKind::Partition);
        p.door(Run::h(0, 1_000, 2_000), "wood");
        let f = floor_of(&p);
        let ends: Vec<_> = f.walls.iter().map(line_ends).collect();
        assert_eq!(
            ends,
            [
                vec![pt(0, 0), pt(1_000, 0)],
                vec![pt(2_000, 0), pt(5_000, 0)],
                vec![pt(5_000, 0), pt(10_000, 0)],
                vec![pt(5_000, 0), pt(5_000, 3_000)],
            ]
        );
        assert_eq!(f.openings[0].id, "d-9-001");
        assert_eq!(f.openings[0].points, [pt(1_000, 0), pt(2_000, 0)]);
    }

    #[test]
    #[should_panic(expected = "is not in a wall")]
    fn an_opening_needs_a_wall() {
        let mut p = Plan::default();
        p.wall(Run::h(0, 0, 1_000), WallKind::Corridor);
        p.window(Run::h(0, 900, 1_500));
        floor_of(&p);
    }

    #[test]
    #[should_panic(expected = "a wall meets the opening")]
    fn a_wall_may_not_meet_an_opening() {
        let mut p = Plan::default();
        p.wall(Run::h(0, 0, 4_000), WallKind::Corridor);
        p.wall(Run::v(1_500, 0, 2_000), WallKind::Partition);
        p.door(Run::h(0, 1_000, 2_000), "wood");
        floor_of(&p);
    }

    #[test]
    fn columns_are_closed_24_gons() {
        let mut p = Plan::default();
        p.column(10_000, 5_000);
        let f = floor_of(&p);
        assert_eq!(f.walls.segment_count(), 24);
        let Shape::Polygon(poly) = &f.walls.as_slice()[0].shape else {
            panic!("a column is a polygon");
        };
        assert!(poly.contains(pt(10_000, 5_000)));
        assert!((poly.area() - std::f64::consts::PI * 0.15 * 0.15).abs() < 0.001);
        assert_eq!(f.walls.as_slice()[0].thickness_m, 0.3);
        assert!(p.clearance(10_000, 5_400) == 100);
    }
}
