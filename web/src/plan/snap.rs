//! Snapping: where a click really lands. Candidates are the points of the plan (wall,
//! tray, room and opening ends, equipment), the lines of walls and trays, and the grid.
//!
//! The rule: a point within the tolerance wins over a line (a line always passes nearer
//! than its own end points, so points must come first), a line over the grid; among
//! candidates of the same class the nearest wins. Wall queries go through the floor's own
//! R-tree ([`tailplan_core::WallSet::nearest_segment`] and
//! [`tailplan_core::WallSet::segments_in`]); the other elements through [`FloorIndex`].

use tailplan_core::{BBox, Floor, Point, Segment};

use crate::plan::index::FloorIndex;
use crate::plan::view::nice_step_above;

/// How close, in screen pixels, the pointer must come to snap.
pub const SNAP_PX: f64 = 10.0;
/// The grid snaps to a round step at least this many pixels wide.
pub const GRID_SNAP_PX: f64 = 8.0;

/// What kind of thing a point snapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapKind {
    /// The end or corner of a wall, tray, room, opening or route.
    Endpoint,
    /// Equipment, a riser or a telecom room's rack.
    Element,
    /// The nearest point on a wall's centreline.
    Wall,
    /// The nearest point on a tray.
    Tray,
    /// The grid.
    Grid,
}

impl SnapKind {
    /// What the snap indicator's tag says.
    pub fn label(self) -> &'static str {
        match self {
            SnapKind::Endpoint => "Endpoint",
            SnapKind::Element => "Element",
            SnapKind::Wall => "Wall",
            SnapKind::Tray => "Tray",
            SnapKind::Grid => "Grid",
        }
    }
}

/// Where a point snapped to.
#[derive(Debug, Clone, PartialEq)]
pub struct Snap {
    /// The snapped point.
    pub point: Point,
    /// What it snapped to.
    pub kind: SnapKind,
    /// The element it snapped to, if any.
    pub target: Option<String>,
    /// The wall or tray segment for line snaps (doors and windows follow it).
    pub segment: Option<Segment>,
}

/// Which snaps are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Snapping {
    /// Round coordinates to the grid.
    pub grid: bool,
    /// Ends, corners and equipment.
    pub points: bool,
    /// Wall centrelines.
    pub walls: bool,
    /// Trays.
    pub trays: bool,
}

impl Default for Snapping {
    fn default() -> Self {
        Self {
            grid: true,
            points: true,
            walls: true,
            trays: true,
        }
    }
}

/// A snap toggle, for the toolbar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapToggle {
    /// The grid.
    Grid,
    /// Points.
    Points,
    /// Walls.
    Walls,
    /// Trays.
    Trays,
}

impl SnapToggle {
    /// Every toggle, in toolbar order.
    pub const ALL: [SnapToggle; 4] = [
        SnapToggle::Points,
        SnapToggle::Walls,
        SnapToggle::Trays,
        SnapToggle::Grid,
    ];

    /// The name in test ids: `snap-points`...
    pub fn name(self) -> &'static str {
        match self {
            SnapToggle::Grid => "grid",
            SnapToggle::Points => "points",
            SnapToggle::Walls => "walls",
            SnapToggle::Trays => "trays",
        }
    }

    /// The caption.
    pub fn label(self) -> &'static str {
        match self {
            SnapToggle::Grid => "Grid",
            SnapToggle::Points => "Points",
            SnapToggle::Walls => "Walls",
            SnapToggle::Trays => "Trays",
        }
    }

    /// The tooltip.
    pub fn description(self) -> &'static str {
        match self {
            SnapToggle::Grid => "Snap to a round grid step",
            SnapToggle::Points => "Snap to ends, corners and equipment",
            SnapToggle::Walls => "Snap onto wall centrelines",
            SnapToggle::Trays => "Snap onto cable trays",
        }
    }
}

impl Snapping {
    /// True when `toggle` is on.
    pub fn is_on(self, toggle: SnapToggle) -> bool {
        match toggle {
            SnapToggle::Grid => self.grid,
            SnapToggle::Points => self.points,
            SnapToggle::Walls => self.walls,
            SnapToggle::Trays => self.trays,
        }
    }

    /// These settings with `toggle` switched.
    pub fn toggled(mut self, toggle: SnapToggle) -> Self {
        let v = !self.is_on(toggle);
        match toggle {
            SnapToggle::Grid => self.grid = v,
            SnapToggle::Points => self.points = v,
            SnapToggle::Walls => self.walls = v,
            SnapToggle::Trays => self.trays = v,
        }
        self
    }
}

/// The grid step points snap to at a scale (pixels per metre): a round number of metres
/// at least [`GRID_SNAP_PX`] wide, never under 1 cm.
pub fn grid_step_m(scale_px_per_m: f64) -> f64 {
    nice_step_above((GRID_SNAP_PX / scale_px_per_m).max(0.01))
}

/// What a query may snap to.
pub struct SnapQuery<'a> {
    /// The floor (its walls' R-tree).
    pub floor: &'a Floor,
    /// The floor's other elements.
    pub index: &'a FloorIndex,
    /// Which snaps are on.
    pub snapping: Snapping,
    /// Snap distance, metres.
    pub tolerance_m: f64,
    /// Grid step, metres.
    pub grid_m: f64,
    /// Ids of elements not to snap to (those being moved).
    pub exclude: &'a [String],
}

impl SnapQuery<'_> {
    fn excluded(&self, id: &str) -> bool {
        self.exclude.iter().any(|e| e == id)
    }

    /// Where `p` snaps to, or `None` when nothing is near (and the grid is off).
    pub fn snap(&self, p: Point) -> Option<Snap> {
        if !p.is_finite() {
            return None;
        }
        let tol = self.tolerance_m;
        if self.snapping.points
            && let Some(s) = self.nearest_point(p, tol)
        {
            return Some(s);
        }
        if let Some(s) = self.nearest_line(p, tol) {
            return Some(s);
        }
        if self.snapping.grid && self.grid_m > 0.0 {
            let g = self.grid_m;
            return Some(Snap {
                point: Point::new((p.x / g).round() * g, (p.y / g).round() * g),
                kind: SnapKind::Grid,
                target: None,
                segment: None,
            });
        }
        None
    }

    fn nearest_point(&self, p: Point, tol: f64) -> Option<Snap> {
        let mut best: Option<(f64, Snap)> = None;
        let mut consider = |q: Point, kind: SnapKind, id: &str| {
            let d = q.distance(p);
            if d <= tol && best.as_ref().is_none_or(|(bd, _)| d < *bd) && !self.excluded(id) {
                best = Some((
                    d,
                    Snap {
                        point: q,
                        kind,
                        target: Some(id.to_owned()),
                        segment: None,
                    },
                ));
            }
        };
        let area = BBox {
            min: Point::new(p.x - tol, p.y - tol),
            max: Point::new(p.x + tol, p.y + tol),
        };
        for (i, s) in self.floor.walls.segments_in(area) {
            if let Some(w) = self.floor.walls.get(i) {
                consider(s.a, SnapKind::Endpoint, &w.id);
                consider(s.b, SnapKind::Endpoint, &w.id);
            }
        }
        for (q, id, symbol) in self.index.points_near(p, tol) {
            let kind = if symbol {
                SnapKind::Element
            } else {
                SnapKind::Endpoint
            };
            consider(q, kind, id);
        }
        best.map(|(_, s)| s)
    }

    fn nearest_line(&self, p: Point, tol: f64) -> Option<Snap> {
        let mut best: Option<(f64, Snap)> = None;
        let mut consider = |s: Segment, kind: SnapKind, id: &str| {
            let (q, _) = s.closest_point(p);
            let d = q.distance(p);
            if d <= tol && best.as_ref().is_none_or(|(bd, _)| d < *bd) && !self.excluded(id) {
                best = Some((
                    d,
                    Snap {
                        point: q,
                        kind,
                        target: Some(id.to_owned()),
                        segment: Some(s),
                    },
                ));
            }
        };
        if self.snapping.walls {
            let walls = &self.floor.walls;
            match walls.nearest_segment(p, tol) {
                // The nearest wall, unless it is being moved: then look through all near ones.
                Some((i, s, _)) if walls.get(i).is_some_and(|w| !self.excluded(&w.id)) => {
                    consider(
                        s,
                        SnapKind::Wall,
                        &walls.get(i).map(|w| w.id.clone()).unwrap_or_default(),
                    );
                }
                Some(_) => {
                    let area = BBox {
                        min: Point::new(p.x - tol, p.y - tol),
                        max: Point::new(p.x + tol, p.y + tol),
                    };
                    for (i, s) in walls.segments_in(area) {
                        if let Some(w) = walls.get(i) {
                            consider(s, SnapKind::Wall, &w.id);
                        }
                    }
                }
                None => {}
            }
        }
        if self.snapping.trays {
            for (s, id) in self.index.trays_near(p, tol) {
                consider(s, SnapKind::Tray, id);
            }
        }
        best.map(|(_, s)| s)
    }
}

/// `p` moved so that the line from `from` runs at a multiple of 45 degrees (Shift while
/// drawing), keeping its distance along that direction.
pub fn constrain_45(from: Point, p: Point) -> Point {
    let (dx, dy) = (p.x - from.x, p.y - from.y);
    let len = dx.hypot(dy);
    if len == 0.0 || !len.is_finite() {
        return p;
    }
    let step = std::f64::consts::FRAC_PI_4;
    let angle = (dy.atan2(dx) / step).round() * step;
    let (ux, uy) = (angle.cos(), angle.sin());
    let along = dx * ux + dy * uy;
    // Exact zeros for axis directions, so that horizontal lines stay horizontal.
    let clean = |v: f64| if v.abs() < 1e-12 { 0.0 } else { v };
    Point::new(from.x + clean(along * ux), from.y + clean(along * uy))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::index::tests::{floor, p};

    fn query<'a>(f: &'a Floor, ix: &'a FloorIndex, exclude: &'a [String]) -> SnapQuery<'a> {
        SnapQuery {
            floor: f,
            index: ix,
            snapping: Snapping::default(),
            tolerance_m: 0.5,
            grid_m: 0.25,
            exclude,
        }
    }

    #[test]
    fn points_beat_lines_and_lines_beat_the_grid() {
        let f = floor();
        let ix = FloorIndex::new(&f);
        let q = query(&f, &ix, &[]);
        // Near the corner of two walls: the corner, though the wall line is nearer.
        let s = q.snap(p(0.3, 0.1)).unwrap();
        assert_eq!((s.kind, s.point), (SnapKind::Endpoint, p(0.0, 0.0)));
        // Along a wall: onto its centreline, with the segment for doors.
        let s = q.snap(p(7.3, 0.2)).unwrap();
        assert_eq!((s.kind, s.point), (SnapKind::Wall, p(7.3, 0.0)));
        assert_eq!(s.target.as_deref(), Some("w1"));
        assert_eq!(s.segment.unwrap().b, p(20.0, 0.0));
        // On a tray.
        let s = q.snap(p(9.0, 8.3)).unwrap();
        assert_eq!((s.kind, s.point), (SnapKind::Tray, p(9.0, 8.0)));
        // An access point.
        let s = q.snap(p(5.2, 4.9)).unwrap();
        assert_eq!(
            (s.kind, s.target.as_deref()),
            (SnapKind::Element, Some("ap1"))
        );
        // Nothing near: the grid.
        let s = q.snap(p(9.13, 4.4)).unwrap();
        assert_eq!((s.kind, s.point), (SnapKind::Grid, p(9.25, 4.5)));
    }

    #[test]
    fn the_nearest_candidate_of_a_class_wins() {
        let f = floor();
        let ix = FloorIndex::new(&f);
        let q = query(&f, &ix, &[]);
        // Between the tray (y = 8) and the top wall (y = 10), nearer the wall.
        let mut q2 = query(&f, &ix, &[]);
        q2.tolerance_m = 1.5;
        let s = q2.snap(p(10.0, 9.2)).unwrap();
        assert_eq!((s.kind, s.point), (SnapKind::Wall, p(10.0, 10.0)));
        let s = q2.snap(p(10.0, 8.9)).unwrap();
        assert_eq!((s.kind, s.point), (SnapKind::Tray, p(10.0, 8.0)));
        // Between two ends: the nearer one.
        let s = q.snap(p(1.8, 7.9)).unwrap();
        assert_eq!(s.point, p(2.0, 8.0));
    }

    #[test]
    fn toggles_and_exclusions() {
        let f = floor();
        let ix = FloorIndex::new(&f);
        let mut q = query(&f, &ix, &[]);
        q.snapping = Snapping::default().toggled(SnapToggle::Points);
        assert_eq!(q.snap(p(0.3, 0.1)).unwrap().kind, SnapKind::Wall);
        q.snapping = q.snapping.toggled(SnapToggle::Walls);
        assert_eq!(q.snap(p(0.3, 0.1)).unwrap().kind, SnapKind::Grid);
        q.snapping = q.snapping.toggled(SnapToggle::Grid);
        assert_eq!(q.snap(p(0.3, 0.1)), None);
        // Something being moved is not a target.
        let moving = ["ap1".to_owned(), "w1".to_owned()];
        let q = query(&f, &ix, &moving);
        assert_eq!(q.snap(p(5.1, 5.0)).unwrap().kind, SnapKind::Grid);
        assert_eq!(q.snap(p(7.3, 0.2)).unwrap().kind, SnapKind::Grid);
        // The left wall still snaps though the bottom wall is excluded.
        let s = q.snap(p(0.2, 3.0)).unwrap();
        assert_eq!((s.kind, s.target.as_deref()), (SnapKind::Wall, Some("w4")));
        assert_eq!(q.snap(p(f64::NAN, 0.0)), None);
    }

    #[test]
    fn grid_steps_and_45_degrees() {
        assert_eq!(grid_step_m(10.0), 1.0);
        assert_eq!(grid_step_m(50.0), 0.2);
        assert_eq!(grid_step_m(2000.0), 0.01);
        let a = p(1.0, 1.0);
        assert_eq!(constrain_45(a, p(5.0, 1.3)), p(5.0, 1.0));
        assert_eq!(constrain_45(a, p(1.2, -3.0)), p(1.0, -3.0));
        let d = constrain_45(a, p(3.0, 3.2));
        assert!((d.x - d.y).abs() < 1e-9);
        assert_eq!(constrain_45(a, a), a);
    }
}
