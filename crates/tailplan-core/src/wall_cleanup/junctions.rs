//! Extending centreline ends to the wall they butt against, so corners close.

use super::CleanupParams;
use super::seg::{Seg, index};
use crate::geometry::Point;

/// Moves each end of a two-face wall forward onto the centreline of a crossing wall it stops
/// short of (by at most the larger of the two thicknesses). Returns how many ends moved.
pub(super) fn join_ends(segs: &mut [Seg], params: &CleanupParams) -> usize {
    let tree = index(segs);
    let min_sin = 20f64.to_radians().sin();
    let tol = params.snap_m.max(1e-6);
    let mut moves: Vec<(usize, bool, Point)> = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        let Some(th) = s.thickness else { continue };
        for at_b in [false, true] {
            let (end, other) = if at_b { (s.b, s.a) } else { (s.a, s.b) };
            let len = s.len();
            let (ux, uy) = ((end.x - other.x) / len, (end.y - other.y) / len);
            let reach = params.max_thickness_m;
            let mut best: Option<(f64, Point)> = None;
            for e in tree.locate_in_envelope_intersecting(&s.envelope(reach)) {
                let j = e.data;
                let w = &segs[j];
                if j == i || s.sin_angle(w) < min_sin {
                    continue;
                }
                // Intersection of the end's ray with w's line.
                let (wx, wy) = w.dir();
                let denom = ux * wy - uy * wx;
                if denom.abs() < 1e-12 {
                    continue;
                }
                let (rx, ry) = (w.a.x - end.x, w.a.y - end.y);
                let ahead = (rx * wy - ry * wx) / denom;
                let limit = th.max(w.thickness.unwrap_or(0.0)) + tol;
                if ahead <= 1e-9 || ahead > limit {
                    continue;
                }
                let x = Point::new(end.x + ux * ahead, end.y + uy * ahead);
                let tw = w.param(x);
                let slack = th + tol;
                if tw < -slack || tw > w.len() + slack {
                    continue;
                }
                if best.is_none_or(|(b, _)| ahead < b) {
                    best = Some((ahead, x));
                }
            }
            if let Some((_, x)) = best {
                moves.push((i, at_b, x));
            }
        }
    }
    for &(i, at_b, x) in &moves {
        if at_b {
            segs[i].b = x;
        } else {
            segs[i].a = x;
        }
    }
    moves.len()
}
