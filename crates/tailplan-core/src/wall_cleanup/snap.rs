//! Snapping endpoints that are nearly the same point onto one point.

use std::collections::HashMap;

use super::seg::Seg;
use crate::geometry::Point;

/// Moves every endpoint within `snap_m` of an earlier endpoint onto it (a grid of `snap_m`
/// cells finds the neighbours). Deterministic: the first point seen is kept.
pub(super) fn snap_endpoints(segs: &mut [Seg], snap_m: f64) {
    if snap_m <= 0.0 {
        return;
    }
    let mut grid: HashMap<(i64, i64), Vec<Point>> = HashMap::new();
    let cell = |p: Point| ((p.x / snap_m).floor() as i64, (p.y / snap_m).floor() as i64);
    let mut snap = |p: Point| -> Point {
        let (cx, cy) = cell(p);
        let mut best: Option<(f64, Point)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(points) = grid.get(&(cx + dx, cy + dy)) {
                    for &q in points {
                        let d = q.distance(p);
                        if d <= snap_m && best.is_none_or(|(bd, _)| d < bd) {
                            best = Some((d, q));
                        }
                    }
                }
            }
        }
        match best {
            Some((_, q)) => q,
            None => {
                grid.entry((cx, cy)).or_default().push(p);
                p
            }
        }
    };
    for s in segs.iter_mut() {
        s.a = snap(s.a);
        s.b = snap(s.b);
    }
}
