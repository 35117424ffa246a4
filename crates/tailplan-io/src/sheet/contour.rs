//! Marching squares: the region of a coverage grid at or above a threshold, as closed rings.
//!
//! The samples are the cells' centres. The grid is padded with one ring of samples below
//! every threshold, placed on the grid's outer edge, so every contour closes and a region
//! touching the border reaches the edge of the grid (its four corners cut by half a cell).
//! Along each lattice edge whose ends straddle the threshold the crossing is interpolated
//! linearly (at the padding sample itself when one end is padding). Each square contributes
//! oriented segments with the region on their left; ambiguous saddles are decided by the mean
//! of their four corners. Linked by the lattice edge they share, the segments form closed
//! rings: outer boundaries run anticlockwise (in y-up coordinates) and holes clockwise, so the
//! rings filled with the even-odd (or non-zero) rule are exactly the region.

use tailplan_core::Point;

/// A grid of values at cell centres: `cols × rows`, row-major, row 0 at `origin.y`.
pub(crate) struct Samples<'a> {
    /// The lower-left corner of the grid.
    pub origin: Point,
    /// The cell side, metres.
    pub cell_m: f64,
    /// Number of columns.
    pub cols: usize,
    /// Number of rows.
    pub rows: usize,
    /// The values.
    pub values: &'a [f32],
}

impl Samples<'_> {
    /// Padded lattice size.
    fn dims(&self) -> (usize, usize) {
        (self.cols + 2, self.rows + 2)
    }

    /// The value at padded lattice (i, j), `None` for padding.
    fn value(&self, i: usize, j: usize) -> Option<f64> {
        if i == 0 || j == 0 || i > self.cols || j > self.rows {
            return None;
        }
        let v = f64::from(self.values[(j - 1) * self.cols + (i - 1)]);
        Some(if v.is_nan() { f64::NEG_INFINITY } else { v })
    }

    /// The position of padded lattice (i, j): cell centres inside, the grid's edge outside.
    fn position(&self, i: usize, j: usize) -> Point {
        let coord = |k: usize, n: usize, o: f64| {
            if k == 0 {
                o
            } else if k > n {
                o + n as f64 * self.cell_m
            } else {
                o + (k as f64 - 0.5) * self.cell_m
            }
        };
        Point::new(
            coord(i, self.cols, self.origin.x),
            coord(j, self.rows, self.origin.y),
        )
    }

    fn inside(&self, i: usize, j: usize, t: f64) -> bool {
        self.value(i, j).is_some_and(|v| v >= t)
    }

    /// Where the threshold crosses the lattice edge from (i0, j0) to (i1, j1).
    fn crossing(&self, (i0, j0): (usize, usize), (i1, j1): (usize, usize), t: f64) -> Point {
        let (p0, p1) = (self.position(i0, j0), self.position(i1, j1));
        match (self.value(i0, j0), self.value(i1, j1)) {
            (Some(a), Some(b)) if a.is_finite() && b.is_finite() && a != b => {
                let s = ((t - a) / (b - a)).clamp(0.0, 1.0);
                p0.lerp(p1, s)
            }
            (None, _) => p0,
            (_, None) => p1,
            (Some(a), _) if !a.is_finite() => p0,
            _ => p1,
        }
    }
}

/// The rings bounding the region where the value is at or above `t`.
pub(crate) fn region_rings(s: &Samples<'_>, t: f64) -> Vec<Vec<Point>> {
    let (w, h) = s.dims();
    // Lattice edges: horizontal (i, j)-(i+1, j) first, then vertical (i, j)-(i, j+1).
    let h_id = |i: usize, j: usize| j * (w - 1) + i;
    let v_base = (w - 1) * h;
    let v_id = |i: usize, j: usize| v_base + j * w + i;
    let edges = v_base + w * (h - 1);
    let ends = |e: usize| -> ((usize, usize), (usize, usize)) {
        if e < v_base {
            let (j, i) = (e / (w - 1), e % (w - 1));
            ((i, j), (i + 1, j))
        } else {
            let k = e - v_base;
            let (j, i) = (k / w, k % w);
            ((i, j), (i, j + 1))
        }
    };
    const NONE: usize = usize::MAX;
    let mut next = vec![NONE; edges];
    let mut starts = Vec::new();
    let mut inside_row: Vec<bool> = (0..w).map(|i| s.inside(i, 0, t)).collect();
    for j in 0..h - 1 {
        let above: Vec<bool> = (0..w).map(|i| s.inside(i, j + 1, t)).collect();
        for i in 0..w - 1 {
            // Corners anticlockwise: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1).
            let ins = [inside_row[i], inside_row[i + 1], above[i + 1], above[i]];
            let case = ins.iter().filter(|&&b| b).count();
            if case == 0 || case == 4 {
                continue;
            }
            // The cell's edges in the same order: a-b, b-c, c-d, d-a.
            let cell_edges = [h_id(i, j), v_id(i + 1, j), h_id(i, j + 1), v_id(i, j)];
            // Crossings going round: in -> out starts a segment, out -> in ends one.
            let mut outs = [NONE; 2];
            let mut ins_ = [NONE; 2];
            let (mut no, mut ni) = (0, 0);
            for k in 0..4 {
                let (p, q) = (ins[k], ins[(k + 1) % 4]);
                if p && !q {
                    outs[no] = k;
                    no += 1;
                } else if !p && q {
                    ins_[ni] = k;
                    ni += 1;
                }
            }
            let mut link = |from: usize, to: usize| {
                next[cell_edges[from]] = cell_edges[to];
                starts.push(cell_edges[from]);
            };
            if no == 1 {
                link(outs[0], ins_[0]);
            } else {
                // A saddle: corners a and c on one side, b and d on the other.
                let mean = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                    .iter()
                    .map(|&(x, y)| s.value(x, y).unwrap_or(f64::NEG_INFINITY))
                    .map(|v| v.max(-1e6))
                    .sum::<f64>()
                    / 4.0;
                let centre_in = mean >= t;
                for &o in &outs {
                    // Centre inside: each start joins the next end round the square (cutting
                    // off an outside corner); outside: the previous one.
                    let pick = ins_
                        .iter()
                        .copied()
                        .min_by_key(|&e| {
                            if centre_in {
                                (e + 4 - o) % 4
                            } else {
                                (o + 4 - e) % 4
                            }
                        })
                        .expect("two ends");
                    link(o, pick);
                }
            }
        }
        inside_row = above;
    }
    // Follow the links into rings.
    let mut done = vec![false; edges];
    let mut rings = Vec::new();
    for &start in &starts {
        if done[start] {
            continue;
        }
        let mut ring = Vec::new();
        let mut e = start;
        while e != NONE && !done[e] {
            done[e] = true;
            let (p0, p1) = ends(e);
            ring.push(s.crossing(p0, p1, t));
            e = next[e];
        }
        if ring.len() >= 3 {
            rings.push(ring);
        }
    }
    rings
}

/// A ring simplified (Douglas–Peucker on the closed ring) to within `tol` metres.
pub(crate) fn simplify(ring: &[Point], tol: f64) -> Vec<Point> {
    if ring.len() <= 4 || tol <= 0.0 {
        return ring.to_vec();
    }
    // Split the ring at its first point and the point farthest from it.
    let far = (1..ring.len())
        .max_by(|&a, &b| {
            ring[0]
                .distance(ring[a])
                .total_cmp(&ring[0].distance(ring[b]))
        })
        .unwrap_or(1);
    let mut keep = vec![false; ring.len() + 1];
    keep[0] = true;
    keep[far] = true;
    keep[ring.len()] = true;
    let closed: Vec<Point> = ring.iter().copied().chain([ring[0]]).collect();
    dp(&closed, 0, far, tol, &mut keep);
    dp(&closed, far, ring.len(), tol, &mut keep);
    (0..ring.len())
        .filter(|&i| keep[i])
        .map(|i| ring[i])
        .collect()
}

fn dp(pts: &[Point], a: usize, b: usize, tol: f64, keep: &mut [bool]) {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let seg = tailplan_core::Segment::new(pts[a], pts[b]);
        let (mut worst, mut at) = (0.0, a);
        for (k, p) in pts.iter().enumerate().take(b).skip(a + 1) {
            let d = seg.distance_to(*p);
            if d > worst {
                worst = d;
                at = k;
            }
        }
        if worst > tol {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tailplan_core::geometry::ring_area;

    fn grid(cols: usize, rows: usize, f: impl Fn(f64, f64) -> f32) -> Vec<f32> {
        let mut v = Vec::new();
        for r in 0..rows {
            for c in 0..cols {
                v.push(f(c as f64 + 0.5, r as f64 + 0.5));
            }
        }
        v
    }

    fn samples(values: &[f32], cols: usize, rows: usize) -> Samples<'_> {
        Samples {
            origin: Point::new(0.0, 0.0),
            cell_m: 1.0,
            cols,
            rows,
            values,
        }
    }

    #[test]
    fn a_disc_is_one_anticlockwise_ring_of_its_area() {
        let v = grid(40, 40, |x, y| -((x - 20.0).hypot(y - 20.0) as f32));
        let rings = region_rings(&samples(&v, 40, 40), -10.0);
        assert_eq!(rings.len(), 1);
        let area = ring_area(&rings[0]);
        let expected = std::f64::consts::PI * 100.0;
        assert!(area > 0.0, "anticlockwise");
        assert!((area - expected).abs() / expected < 0.02, "{area}");
    }

    #[test]
    fn an_annulus_has_a_clockwise_hole() {
        let v = grid(40, 40, |x, y| {
            let r = (x - 20.0).hypot(y - 20.0);
            if (5.0..12.0).contains(&r) { 1.0 } else { -1.0 }
        });
        let rings = region_rings(&samples(&v, 40, 40), 0.0);
        assert_eq!(rings.len(), 2);
        let mut areas: Vec<f64> = rings.iter().map(|r| ring_area(r)).collect();
        areas.sort_by(f64::total_cmp);
        assert!(areas[0] < 0.0 && areas[1] > 0.0, "{areas:?}");
        let net = areas[0] + areas[1];
        let expected = std::f64::consts::PI * (144.0 - 25.0);
        assert!((net - expected).abs() / expected < 0.05, "{net}");
    }

    #[test]
    fn everything_above_reaches_the_grid_edge() {
        let v = vec![0.0f32; 12];
        let rings = region_rings(&samples(&v, 4, 3), -1.0);
        assert_eq!(rings.len(), 1);
        // The grid's corners are cut by half a cell (the padding's corner samples).
        assert!((ring_area(&rings[0]) - 11.5).abs() < 1e-9);
        assert!(region_rings(&samples(&v, 4, 3), 1.0).is_empty());
    }

    #[test]
    fn saddles_and_noise_always_close() {
        // A checkerboard is all saddles.
        let v = grid(9, 7, |x, y| {
            if ((x as i64) + (y as i64)) % 2 == 0 {
                1.0
            } else {
                -1.0
            }
        });
        for t in [-0.5, 0.0, 0.5] {
            let rings = region_rings(&samples(&v, 9, 7), t);
            assert!(!rings.is_empty());
            let area: f64 = rings.iter().map(|r| ring_area(r)).sum();
            assert!(area > 0.0 && area < 63.0, "{t}: {area}");
        }
    }

    #[test]
    fn simplify_keeps_shape() {
        let ring: Vec<Point> = (0..360)
            .map(|d| {
                let a = f64::from(d).to_radians();
                Point::new(10.0 * a.cos(), 10.0 * a.sin())
            })
            .collect();
        let s = simplify(&ring, 0.05);
        assert!(s.len() < 60, "{}", s.len());
        let (a, b) = (ring_area(&ring), ring_area(&s));
        assert!((a - b).abs() / a < 0.01);
    }
}
