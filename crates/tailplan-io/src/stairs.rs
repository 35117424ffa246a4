//! Stair flights drawn among the wall lines: left out, not walls.
//!
//! A drawing whose stairs are on the same layer as its walls (a design tool's export, one
//! layer for everything) draws each flight as its treads: many parallel lines of one length,
//! their ends in line, evenly spaced a going apart. Read as walls, neighbouring treads would
//! pair into thick walls, and a signal crossing a stair would pay a wall's loss per step. A
//! flight is at least [`MIN_TREADS`] such lines, [`MIN_GOING_M`] to [`MAX_GOING_M`] apart
//! (equal within [`GOING_TOLERANCE`]), [`MIN_WIDTH_M`] to [`MAX_WIDTH_M`] long; its treads and
//! every other line lying wholly in its outline (the stringers along the tread ends, the
//! walking line and its arrow, up to [`EDGE_M`] outside) are left out. Once found, a flight
//! goes on step by step: a parallel line across its width at the next going is a tread too,
//! even when a break line or an arrow cuts it short or splits it. The walls around a
//! stair are drawn further out and run on beyond it, so they stay.
//!
//! A dashed tread (a flight above the cut, drawn hidden) is first put together from its
//! dashes: collinear pieces no longer than [`MAX_DASH_M`] with gaps of at most
//! [`MAX_DASH_M`].

use tailplan_core::Point;
use tailplan_core::wall_cleanup::WallPiece;

/// The fewest treads a flight has.
pub const MIN_TREADS: usize = 5;
/// The shortest going (tread to tread), metres.
pub const MIN_GOING_M: f64 = 0.12;
/// The longest going, metres (a ramp's steps, wide landings steps).
pub const MAX_GOING_M: f64 = 0.7;
/// How much goings of one flight may differ, as a fraction of the going (at least 2 cm).
pub const GOING_TOLERANCE: f64 = 0.1;
/// The narrowest flight, metres.
pub const MIN_WIDTH_M: f64 = 0.5;
/// The widest flight, metres.
pub const MAX_WIDTH_M: f64 = 4.0;
/// How far outside a flight's outline a line may run and still be the stair's, metres.
pub const EDGE_M: f64 = 0.1;
/// The share of its length a line running up a flight, within its width, lies alongside it
/// to be the stair's (a stringer, a handrail) and not a wall's face.
pub const STRINGER_SHARE: f64 = 0.75;
/// The longest dash of a dashed line, and the widest gap between dashes, metres.
pub const MAX_DASH_M: f64 = 0.5;

/// A flight found: its outline (a rectangle along the treads) and how many treads it has.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flight {
    pub outline: [Point; 4],
    pub treads: usize,
}

/// A straight line of the drawing, with where it came from.
#[derive(Debug, Clone, Copy)]
struct Line {
    a: Point,
    b: Point,
    /// (piece, first segment, last segment) it stands for.
    from: (usize, usize, usize),
}

impl Line {
    fn len(&self) -> f64 {
        self.a.distance(self.b)
    }
    fn dir(&self) -> (f64, f64) {
        let l = self.len();
        ((self.b.x - self.a.x) / l, (self.b.y - self.a.y) / l)
    }
}

fn dot(p: Point, u: (f64, f64)) -> f64 {
    p.x * u.0 + p.y * u.1
}

fn cross(p: Point, u: (f64, f64)) -> f64 {
    -p.x * u.1 + p.y * u.0
}

/// The straight segments of the pieces, dashes joined into lines.
fn lines_of(pieces: &[WallPiece]) -> Vec<Line> {
    let mut out = Vec::new();
    for (k, piece) in pieces.iter().enumerate() {
        let n = piece.points.len();
        let spans = if piece.closed && n > 2 {
            n
        } else {
            n.saturating_sub(1)
        };
        let mut s = 0;
        while s < spans {
            let a = piece.points[s];
            let mut b = piece.points[(s + 1) % n];
            let mut last = s;
            if a == b {
                s += 1;
                continue;
            }
            // A polyline of dashes is rare; dashes are usually separate pieces (below).
            while last + 1 < spans {
                let c = piece.points[(last + 2) % n];
                let (u, v) = ((b.x - a.x, b.y - a.y), (c.x - b.x, c.y - b.y));
                let (lu, lv) = (u.0.hypot(u.1), v.0.hypot(v.1));
                if lu == 0.0 || lv == 0.0 || (u.0 * v.1 - u.1 * v.0).abs() > 1e-3 * lu * lv {
                    break;
                }
                if u.0 * v.0 + u.1 * v.1 <= 0.0 {
                    break;
                }
                b = c;
                last += 1;
            }
            out.push(Line {
                a,
                b,
                from: (k, s, last),
            });
            s = last + 1;
        }
    }
    out
}

/// Dashes joined: collinear short lines in a row, each gap at most [`MAX_DASH_M`], as one
/// line standing for all of them (their indices).
fn join_dashes(lines: &[Line]) -> Vec<(Line, Vec<usize>)> {
    let dashes: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].len() <= MAX_DASH_M && lines[i].len() > 0.0)
        .collect();
    let mut used = vec![false; lines.len()];
    let mut out = Vec::new();
    // Buckets by direction (2° steps) and offset (2 cm) keep this near linear.
    let mut buckets: std::collections::HashMap<(i64, i64), Vec<usize>> = Default::default();
    let key = |l: &Line| {
        let (mut ux, mut uy) = l.dir();
        if ux < 0.0 || (ux == 0.0 && uy < 0.0) {
            (ux, uy) = (-ux, -uy);
        }
        let angle = uy.atan2(ux).to_degrees();
        let off = cross(l.a, (ux, uy));
        ((angle / 2.0).round() as i64, (off / 0.02).round() as i64)
    };
    for &i in &dashes {
        buckets.entry(key(&lines[i])).or_default().push(i);
    }
    for &i in &dashes {
        if used[i] {
            continue;
        }
        let (ka, ko) = key(&lines[i]);
        let mut near: Vec<usize> = Vec::new();
        for da in -1..=1 {
            for d_off in -1..=1 {
                if let Some(v) = buckets.get(&(ka + da, ko + d_off)) {
                    near.extend(v.iter().copied().filter(|&j| !used[j]));
                }
            }
        }
        let base = lines[i];
        let u = base.dir();
        let o = cross(base.a, u);
        let mut row: Vec<(f64, f64, usize)> = near
            .into_iter()
            .filter(|&j| {
                let l = &lines[j];
                let (v0, v1) = l.dir();
                (u.0 * v1 - u.1 * v0).abs() < 0.035
                    && (cross(l.a, u) - o).abs() < 0.01
                    && (cross(l.b, u) - o).abs() < 0.01
            })
            .map(|j| {
                let (t0, t1) = (dot(lines[j].a, u), dot(lines[j].b, u));
                (t0.min(t1), t0.max(t1), j)
            })
            .collect();
        row.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.2.cmp(&y.2)));
        row.dedup_by_key(|r| r.2);
        // The run of dashes containing i.
        let mut groups: Vec<Vec<(f64, f64, usize)>> = Vec::new();
        for r in row {
            match groups.last_mut() {
                Some(g) if r.0 - g.last().map_or(f64::MIN, |x| x.1) <= MAX_DASH_M => g.push(r),
                _ => groups.push(vec![r]),
            }
        }
        for g in groups {
            if g.len() < 2 || !g.iter().any(|r| r.2 == i) {
                continue;
            }
            let (t0, t1) = (g[0].0, g.iter().map(|r| r.1).fold(f64::MIN, f64::max));
            let at = |t: f64| Point::new(u.0 * t - u.1 * o, u.1 * t + u.0 * o);
            for r in &g {
                used[r.2] = true;
            }
            out.push((
                Line {
                    a: at(t0),
                    b: at(t1),
                    from: base.from,
                },
                g.iter().map(|r| r.2).collect(),
            ));
        }
    }
    out
}

/// Finds the flights among the lines; returns them with the indices of their treads'
/// lines.
fn flights(lines: &[Line]) -> Vec<(Flight, Vec<usize>)> {
    let mut treads: Vec<(Line, Vec<usize>)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (*l, vec![i]))
        .collect();
    treads.extend(join_dashes(lines));
    let candidates: Vec<usize> = (0..treads.len())
        .filter(|&i| (MIN_WIDTH_M..=MAX_WIDTH_M).contains(&treads[i].0.len()))
        .collect();
    // Buckets by direction (2° steps) and length (5 cm steps).
    let key = |l: &Line| {
        let (mut ux, mut uy) = l.dir();
        if ux < 0.0 || (ux == 0.0 && uy < 0.0) {
            (ux, uy) = (-ux, -uy);
        }
        let angle = uy.atan2(ux).to_degrees().rem_euclid(180.0);
        (
            (angle / 2.0).round() as i64 % 90,
            (l.len() / 0.05).round() as i64,
        )
    };
    let mut buckets: std::collections::HashMap<(i64, i64), Vec<usize>> = Default::default();
    for &i in &candidates {
        buckets.entry(key(&treads[i].0)).or_default().push(i);
    }
    let mut taken = vec![false; treads.len()];
    let mut found = Vec::new();
    for &i in &candidates {
        if taken[i] {
            continue;
        }
        let base = treads[i].0;
        let (mut u, len) = (base.dir(), base.len());
        if u.0 < 0.0 || (u.0 == 0.0 && u.1 < 0.0) {
            u = (-u.0, -u.1);
        }
        let ends = |l: &Line| {
            let (t0, t1) = (dot(l.a, u), dot(l.b, u));
            (t0.min(t1), t0.max(t1))
        };
        let (b0, b1) = ends(&base);
        let (ka, kl) = key(&base);
        let mut family: Vec<(f64, usize)> = Vec::new();
        for da in -1..=1 {
            for dl in -1..=1 {
                for &j in buckets
                    .get(&((ka + da).rem_euclid(90), kl + dl))
                    .into_iter()
                    .flatten()
                {
                    let l = &treads[j].0;
                    let (v0, v1) = l.dir();
                    let (t0, t1) = ends(l);
                    if !taken[j]
                        && (u.0 * v1 - u.1 * v0).abs() < 0.035
                        && (l.len() - len).abs() <= 0.05
                        && (t0 - b0).abs() <= 0.1
                        && (t1 - b1).abs() <= 0.1
                    {
                        family.push((cross(l.a.lerp(l.b, 0.5), u), j));
                    }
                }
            }
        }
        family.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        family.dedup_by(|x, y| x.1 == y.1);
        // Lines drawn twice (within 1 cm) are one tread.
        let mut steps: Vec<(f64, Vec<usize>)> = Vec::new();
        for (o, j) in family {
            match steps.last_mut() {
                Some((lo, js)) if o - *lo < 0.01 => js.push(j),
                _ => steps.push((o, vec![j])),
            }
        }
        // Runs of even goings, the one holding the base line.
        let mut start = 0;
        while start + 1 < steps.len() {
            let mut end = start + 1;
            let going = steps[end].0 - steps[start].0;
            if (MIN_GOING_M..=MAX_GOING_M).contains(&going) {
                let tol = (GOING_TOLERANCE * going).max(0.02);
                while end + 1 < steps.len()
                    && ((steps[end + 1].0 - steps[end].0) - going).abs() <= tol
                {
                    end += 1;
                }
            }
            let run = &steps[start..=end];
            if run.len() >= MIN_TREADS && run.iter().any(|(_, js)| js.contains(&i)) {
                let mut members: Vec<usize> = run.iter().flat_map(|(_, js)| js.clone()).collect();
                let (mut t0, mut t1) = (f64::MAX, f64::MIN);
                for &j in &members {
                    let (a, b) = ends(&treads[j].0);
                    t0 = t0.min(a);
                    t1 = t1.max(b);
                }
                let (mut o0, mut o1) = (run[0].0, run[run.len() - 1].0);
                let mut count = run.len();
                for &j in &members {
                    taken[j] = true;
                }
                // The flight goes on where treads are cut short (by a break line, a walking
                // line's arrow) or split: any parallel line across its width at the next
                // going is a tread too.
                let going = (o1 - o0) / (run.len() - 1) as f64;
                let tol = (GOING_TOLERANCE * going).max(0.02);
                for dir in [1.0, -1.0] {
                    let mut at_o = if dir > 0.0 { o1 } else { o0 };
                    loop {
                        let want = at_o + dir * going;
                        let step: Vec<usize> = (0..treads.len())
                            .filter(|&j| {
                                let l = &treads[j].0;
                                if taken[j] || l.len() < 0.2 {
                                    return false;
                                }
                                let (v0, v1) = l.dir();
                                let (a, b) = ends(l);
                                (u.0 * v1 - u.1 * v0).abs() < 0.035
                                    && a >= t0 - 0.1
                                    && b <= t1 + 0.1
                                    && (cross(l.a.lerp(l.b, 0.5), u) - want).abs() <= tol
                            })
                            .collect();
                        if step.is_empty() {
                            break;
                        }
                        for &j in &step {
                            taken[j] = true;
                        }
                        members.extend(step);
                        count += 1;
                        at_o = want;
                    }
                    if dir > 0.0 {
                        o1 = at_o;
                    } else {
                        o0 = at_o;
                    }
                }
                let at = |t: f64, o: f64| Point::new(u.0 * t - u.1 * o, u.1 * t + u.0 * o);
                let lines_of_treads: Vec<usize> = members
                    .iter()
                    .flat_map(|&j| treads[j].1.iter().copied())
                    .collect();
                found.push((
                    Flight {
                        outline: [at(t0, o0), at(t1, o0), at(t1, o1), at(t0, o1)],
                        treads: count,
                    },
                    lines_of_treads,
                ));
                break;
            }
            start = end.max(start + 1);
        }
    }
    found
}

/// True when the segment a-b is the flight's: it lies wholly within the flight's outline
/// grown by [`EDGE_M`], or it runs up the flight within its width (grown likewise) and
/// alongside it for at least [`STRINGER_SHARE`] of its length (a stringer or handrail
/// running on to the landings).
fn in_outline(f: &Flight, a: Point, b: Point) -> bool {
    let [p0, p1, _, p3] = f.outline;
    let (l1, l3) = (p0.distance(p1), p0.distance(p3));
    if l1 == 0.0 || l3 == 0.0 {
        return false;
    }
    let u = ((p1.x - p0.x) / l1, (p1.y - p0.y) / l1);
    let v = ((p3.x - p0.x) / l3, (p3.y - p0.y) / l3);
    let st = |p: &Point| {
        let d = (p.x - p0.x, p.y - p0.y);
        (d.0 * u.0 + d.1 * u.1, d.0 * v.0 + d.1 * v.1)
    };
    let ((sa, ta), (sb, tb)) = (st(&a), st(&b));
    let across = |s: f64| (-EDGE_M..=l1 + EDGE_M).contains(&s);
    let along = |t: f64| (-EDGE_M..=l3 + EDGE_M).contains(&t);
    if across(sa) && across(sb) && along(ta) && along(tb) {
        return true;
    }
    // Up the flight: parallel to the climb (within 2°), alongside it for most of its length.
    let len = a.distance(b);
    let (lo, hi) = (ta.min(tb), ta.max(tb));
    let alongside = hi.min(l3) - lo.max(0.0);
    across(sa) && across(sb) && (sa - sb).abs() <= 0.035 * len && alongside >= STRINGER_SHARE * len
}

/// Leaves the stair flights out of the wall pieces: their treads and every straight piece
/// lying wholly in a flight's outline. Returns the pieces left (split where a segment was
/// taken out), the flights, and how many straight segments were left out.
pub(crate) fn drop_stairs(pieces: Vec<WallPiece>) -> (Vec<WallPiece>, Vec<Flight>, usize) {
    let lines = lines_of(&pieces);
    let found = flights(&lines);
    if found.is_empty() {
        return (pieces, Vec::new(), 0);
    }
    let mut gone = vec![false; lines.len()];
    for (_, members) in &found {
        for &m in members {
            gone[m] = true;
        }
    }
    for (k, l) in lines.iter().enumerate() {
        if !gone[k] && found.iter().any(|(f, _)| in_outline(f, l.a, l.b)) {
            gone[k] = true;
        }
    }
    // Segment by segment: which of each piece's segments are left out.
    let mut cut: Vec<Vec<bool>> = pieces.iter().map(|p| vec![false; p.points.len()]).collect();
    let mut dropped = 0;
    for (l, _) in lines.iter().zip(&gone).filter(|(_, g)| **g) {
        let (k, s0, s1) = l.from;
        for c in &mut cut[k][s0..=s1] {
            if !*c {
                *c = true;
                dropped += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(pieces.len());
    for (piece, cuts) in pieces.into_iter().zip(cut) {
        if !cuts.contains(&true) {
            out.push(piece);
            continue;
        }
        let n = piece.points.len();
        let spans = if piece.closed && n > 2 {
            n
        } else {
            n.saturating_sub(1)
        };
        let mut run: Vec<Point> = Vec::new();
        for (s, &is_cut) in cuts.iter().enumerate().take(spans) {
            if is_cut {
                if run.len() >= 2 {
                    out.push(WallPiece {
                        points: std::mem::take(&mut run),
                        closed: false,
                        ..piece.clone()
                    });
                }
                run.clear();
                continue;
            }
            if run.is_empty() {
                run.push(piece.points[s]);
            }
            run.push(piece.points[(s + 1) % n]);
        }
        if run.len() >= 2 {
            out.push(WallPiece {
                points: run,
                closed: false,
                ..piece.clone()
            });
        }
    }
    (out, found.into_iter().map(|(f, _)| f).collect(), dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn line(a: (f64, f64), b: (f64, f64)) -> WallPiece {
        WallPiece {
            points: vec![p(a.0, a.1), p(b.0, b.1)],
            closed: false,
            material: "drywall".into(),
            priority: 2,
        }
    }

    /// A flight of `n` treads 1.2 m wide, `going` apart, turned by `angle` degrees, from
    /// (x0, y0); with its two stringers.
    fn flight(x0: f64, y0: f64, n: usize, going: f64, angle: f64) -> Vec<WallPiece> {
        let (c, s) = (angle.to_radians().cos(), angle.to_radians().sin());
        let at = |x: f64, y: f64| (x0 + x * c - y * s, y0 + x * s + y * c);
        let mut v: Vec<WallPiece> = (0..n)
            .map(|k| {
                let y = k as f64 * going;
                line(at(0.0, y), at(1.2, y))
            })
            .collect();
        let top = (n - 1) as f64 * going;
        v.push(line(at(0.0, 0.0), at(0.0, top)));
        v.push(line(at(1.2, 0.0), at(1.2, top)));
        v
    }

    #[test]
    fn a_stringer_running_on_to_the_landing_is_the_stairs_a_wall_beside_it_is_not() {
        // Ten treads 0.3 m apart (2.7 m): a stringer running on 0.6 m to a landing, and the
        // face of a wall 5 cm beside the treads' ends running on 3 m both ways.
        let mut pieces = flight(0.0, 0.0, 10, 0.3, 0.0);
        pieces.push(line((1.25, -0.2), (1.25, 3.3)));
        pieces.push(line((-0.05, -3.0), (-0.05, 5.7)));
        let (left, found, _) = drop_stairs(pieces);
        assert_eq!(found.len(), 1);
        assert_eq!(left.len(), 1, "{left:?}");
        assert_eq!(left[0].points[0], p(-0.05, -3.0));
    }

    #[test]
    fn a_flight_of_treads_and_its_stringers_are_left_out_and_walls_stay() {
        let mut pieces = flight(2.0, 1.0, 12, 0.28, 0.0);
        // A wall's two faces beside the stair, running on beyond it.
        pieces.push(line((1.7, 0.0), (1.7, 6.0)));
        pieces.push(line((1.82, 0.0), (1.82, 6.0)));
        let (left, found, dropped) = drop_stairs(pieces);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].treads, 12);
        assert_eq!(dropped, 14);
        assert_eq!(left.len(), 2, "{left:?}");
    }

    #[test]
    fn a_turned_flight_and_a_dashed_one_are_found() {
        let mut pieces = flight(0.0, 0.0, 8, 0.45, 5.0);
        // Dashed treads of a flight above the cut: each tread three dashes.
        for k in 0..6 {
            let y = 10.0 + 0.3 * k as f64;
            for d in 0..3 {
                let x = 0.5 * d as f64;
                pieces.push(line((x, y), (x + 0.35, y)));
            }
        }
        let (left, found, _) = drop_stairs(pieces);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn parallel_walls_unevenly_spaced_or_few_are_no_stair() {
        // Four evenly spaced lines, and six lines whose spacing varies: walls, not treads.
        let mut pieces: Vec<WallPiece> = (0..4)
            .map(|k| line((0.0, 0.3 * k as f64), (2.0, 0.3 * k as f64)))
            .collect();
        for y in [10.0, 10.1, 10.5, 10.6, 11.3, 11.4] {
            pieces.push(line((0.0, y), (2.0, y)));
        }
        let n = pieces.len();
        let (left, found, dropped) = drop_stairs(pieces);
        assert!(found.is_empty());
        assert_eq!((left.len(), dropped), (n, 0));
    }
}
