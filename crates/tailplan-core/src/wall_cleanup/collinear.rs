//! Merging collinear pieces that overlap or touch into one.

use super::CleanupParams;
use super::seg::{Seg, index};

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// True when `t` is on the line of `s` and their extents overlap or touch (within `tol`).
///
/// "On the line" is what pairing leaves: `t`'s mean offset from `s` under
/// `same_line` (the faces closer than [`CleanupParams::min_thickness_m`] are one line drawn
/// twice), neither end further than twice that, whichever side. Two edges of neighbouring
/// rooms digitised a few centimetres apart, or crossing at a tiny angle, are one line; they
/// would otherwise be neither merged nor paired.
fn joins(s: &Seg, t: &Seg, tol: f64, same_line: f64, sin_tol: f64) -> bool {
    if s.sin_angle(t) > sin_tol {
        return false;
    }
    let (o1, o2) = (s.offset(t.a), s.offset(t.b));
    let limit = same_line.max(tol);
    if ((o1 + o2) / 2.0).abs() >= limit || o1.abs() > 2.0 * limit || o2.abs() > 2.0 * limit {
        return false;
    }
    let (t0, t1) = {
        let (x, y) = (s.param(t.a), s.param(t.b));
        (x.min(y), x.max(y))
    };
    t0 <= s.len() + tol && t1 >= -tol
}

/// True when `short` lies within the extent of `long` (both on one line).
fn covers(long: &Seg, short: &Seg, tol: f64) -> bool {
    [short.a, short.b]
        .iter()
        .all(|&p| (-tol..=long.len() + tol).contains(&long.param(p)))
}

/// Merges every group of collinear pieces that overlap or touch into the one piece spanning
/// them, on the line of the group's longest piece. Returns the pieces and how many were
/// merged away.
pub(super) fn merge(segs: Vec<Seg>, params: &CleanupParams) -> (Vec<Seg>, usize) {
    let segs: Vec<Seg> = segs.into_iter().map(Seg::normalised).collect();
    let tol = params.snap_m.max(1e-6);
    let sin_tol = params.angle_tolerance_deg.to_radians().sin();
    let tree = index(&segs);
    let mut parent: Vec<usize> = (0..segs.len()).collect();
    let reach = 2.0 * params.min_thickness_m.max(tol);
    for (i, s) in segs.iter().enumerate() {
        for e in tree.locate_in_envelope_intersecting(&s.envelope(reach)) {
            let j = e.data;
            if j <= i || s.thickness.is_some() != segs[j].thickness.is_some() {
                continue;
            }
            let (long, short) = if s.len() >= segs[j].len() {
                (s, &segs[j])
            } else {
                (&segs[j], s)
            };
            // Pieces of different materials merge only when one is the other drawn again
            // (a hatch boundary over a face line); a drywall face that merely continues a
            // concrete face in line stays drywall.
            let same = long.material == short.material
                || covers(long, short, params.min_thickness_m.max(tol));
            if same && joins(long, short, tol, params.min_thickness_m, sin_tol) {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); segs.len()];
    for i in 0..segs.len() {
        let r = find(&mut parent, i);
        groups[r].push(i);
    }
    let mut out = Vec::with_capacity(segs.len());
    let mut merged = 0;
    for group in groups.into_iter().filter(|g| !g.is_empty()) {
        if group.len() == 1 {
            out.push(segs[group[0]]);
            continue;
        }
        merged += group.len() - 1;
        let longest = group
            .iter()
            .copied()
            .max_by(|&x, &y| segs[x].len().total_cmp(&segs[y].len()).then(y.cmp(&x)))
            .expect("a group has members");
        let winner = group
            .iter()
            .copied()
            .max_by(|&x, &y| {
                segs[x]
                    .priority
                    .cmp(&segs[y].priority)
                    .then(segs[x].len().total_cmp(&segs[y].len()))
                    .then(y.cmp(&x))
            })
            .expect("a group has members");
        let line = segs[longest];
        let (mut lo, mut hi) = (0.0f64, line.len());
        let mut thickness: Option<f64> = None;
        for &k in &group {
            for p in [segs[k].a, segs[k].b] {
                let t = line.param(p);
                lo = lo.min(t);
                hi = hi.max(t);
            }
            if let Some(th) = segs[k].thickness {
                thickness = Some(thickness.map_or(th, |x: f64| x.max(th)));
            }
        }
        let mut s = Seg::new(
            line.at(lo, 0.0),
            line.at(hi, 0.0),
            segs[winner].material,
            segs[winner].priority,
        );
        s.thickness = thickness;
        out.push(s);
    }
    (out, merged)
}
