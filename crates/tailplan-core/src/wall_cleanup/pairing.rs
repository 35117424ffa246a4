//! Pairing the two faces of a wall into its centreline, and dropping what the centreline
//! already stands for.

use super::CleanupParams;
use super::seg::{Seg, add_interval, free_parts, index};

/// Two pieces that may be the faces of one wall: `i` and `j`, `d` the signed offset of `j`
/// from `i`'s line, and the length over which they overlap.
struct Candidate {
    i: usize,
    j: usize,
    d: f64,
    overlap: f64,
}

/// Pairs parallel faces, nearest first. Returns the centrelines, the parts of pieces that
/// found no partner, and how many centrelines were made.
pub(super) fn pair_faces(segs: Vec<Seg>, params: &CleanupParams) -> (Vec<Seg>, Vec<Seg>, usize) {
    let sin_tol = params.angle_tolerance_deg.to_radians().sin();
    let tree = index(&segs);
    let mut candidates = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        for e in tree.locate_in_envelope_intersecting(&s.envelope(params.max_thickness_m)) {
            let j = e.data;
            if j <= i {
                continue;
            }
            let t = &segs[j];
            if s.sin_angle(t) > sin_tol {
                continue;
            }
            // t's offset from s over the stretch where they overlap (a long face can run on
            // well beyond its partner, converging on its line there).
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
            if oa * ob <= 0.0
                || d.abs() < params.min_thickness_m
                || d.abs() > params.max_thickness_m
            {
                continue;
            }
            if overlap >= params.min_length_m.max(d.abs()) {
                candidates.push(Candidate { i, j, d, overlap });
            }
        }
    }
    candidates.sort_by(|x, y| {
        x.d.abs()
            .total_cmp(&y.d.abs())
            .then(y.overlap.total_cmp(&x.overlap))
            .then(x.i.cmp(&y.i))
            .then(x.j.cmp(&y.j))
    });

    let mut used: Vec<Vec<(f64, f64)>> = vec![Vec::new(); segs.len()];
    let mut centres = Vec::new();
    for c in &candidates {
        let (s, t) = (&segs[c.i], &segs[c.j]);
        let (p1, p2) = (s.param(t.a), s.param(t.b));
        let (lo, hi) = (p1.min(p2).max(0.0), p1.max(p2).min(s.len()));
        for (x0, x1) in free_parts(&used[c.i], lo, hi) {
            // The same stretch on t, and what of it is still free there.
            let (q0, q1) = (t.param(s.at(x0, 0.0)), t.param(s.at(x1, 0.0)));
            for (y0, y1) in free_parts(&used[c.j], q0.min(q1), q0.max(q1)) {
                let (z0, z1) = (s.param(t.at(y0, 0.0)), s.param(t.at(y1, 0.0)));
                let (z0, z1) = (z0.min(z1).max(x0), z0.max(z1).min(x1));
                if z1 - z0 < params.min_length_m {
                    continue;
                }
                let mut centre = Seg::new(
                    s.at(z0, c.d / 2.0),
                    s.at(z1, c.d / 2.0),
                    if t.priority > s.priority {
                        t.material
                    } else {
                        s.material
                    },
                    s.priority.max(t.priority),
                );
                centre.thickness = Some(c.d.abs());
                centres.push(centre);
                add_interval(&mut used[c.i], z0, z1);
                let (w0, w1) = (t.param(s.at(z0, 0.0)), t.param(s.at(z1, 0.0)));
                add_interval(&mut used[c.j], w0.min(w1), w0.max(w1));
            }
        }
    }
    let pairs = centres.len();

    let mut leftovers = Vec::new();
    for (k, s) in segs.iter().enumerate() {
        if used[k].is_empty() {
            leftovers.push(*s);
            continue;
        }
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

/// Drops single-face pieces a centreline already stands for: a face remnant lying within a
/// centreline's band, and the short end caps and corner stubs of outlines.
pub(super) fn drop_caps(
    centres: &[Seg],
    leftovers: Vec<Seg>,
    params: &CleanupParams,
) -> (Vec<Seg>, usize) {
    if centres.is_empty() {
        return (leftovers, 0);
    }
    let sin_tol = params.angle_tolerance_deg.to_radians().sin();
    let tree = index(centres);
    let tol = params.snap_m.max(1e-6);
    let before = leftovers.len();
    let kept: Vec<Seg> = leftovers
        .into_iter()
        .filter(|l| {
            let near: Vec<&Seg> = tree
                .locate_in_envelope_intersecting(&l.envelope(params.max_thickness_m))
                .map(|e| &centres[e.data])
                .collect();
            // Inside a band: parallel, within half the thickness, and within its extent.
            let in_band = near.iter().any(|c| {
                let half = c.thickness.unwrap_or(0.0) / 2.0 + 1.5 * params.min_thickness_m.max(tol);
                c.sin_angle(l) <= sin_tol
                    && c.offset(l.a).abs() <= half
                    && c.offset(l.b).abs() <= half
                    && [l.a, l.b]
                        .iter()
                        .all(|&p| (-tol..=c.len() + tol).contains(&c.param(p)))
            });
            // A cap: short, both ends within a wall's thickness of centrelines.
            let is_cap = || {
                let thick = near
                    .iter()
                    .filter_map(|c| c.thickness)
                    .fold(0.0f64, f64::max);
                l.len() <= 1.5 * thick + tol
                    && [l.a, l.b].iter().all(|&p| {
                        near.iter().any(|c| {
                            let th = c.thickness.unwrap_or(0.0);
                            let t = c.param(p).clamp(0.0, c.len());
                            c.at(t, 0.0).distance(p) <= th + tol
                        })
                    })
            };
            !(in_band || is_cap())
        })
        .collect();
    let dropped = before - kept.len();
    (kept, dropped)
}
