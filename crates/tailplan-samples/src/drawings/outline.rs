//! The faces of walls as a draughtsman draws them: the outline of the union of the walls'
//! rectangles, minus the door gaps cut into them. Where a partition meets a corridor wall the
//! corridor's face stops at the partition (a trimmed T junction); a gap leaves its two jamb
//! lines. Exact in whole millimetres (coordinate compression, no floating point).

use crate::plan::Mm;

/// An axis-aligned rectangle, millimetres; `x0 < x1`, `y0 < y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rect {
    pub x0: Mm,
    pub y0: Mm,
    pub x1: Mm,
    pub y1: Mm,
}

impl Rect {
    /// The rectangle spanned by two corners, in any order.
    pub fn new(x0: Mm, y0: Mm, x1: Mm, y1: Mm) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    /// A horizontal wall on the centreline `y` from `x0` to `x1`, `t` thick.
    pub fn h(y: Mm, x0: Mm, x1: Mm, t: Mm) -> Rect {
        Rect::new(x0, y - t / 2, x1, y + t / 2)
    }

    /// A vertical wall on the centreline `x` from `y0` to `y1`, `t` thick.
    pub fn v(x: Mm, y0: Mm, y1: Mm, t: Mm) -> Rect {
        Rect::new(x - t / 2, y0, x + t / 2, y1)
    }

    /// The corners, anticlockwise from the lower left.
    pub fn ring(&self) -> Vec<(Mm, Mm)> {
        vec![
            (self.x0, self.y0),
            (self.x1, self.y0),
            (self.x1, self.y1),
            (self.x0, self.y1),
        ]
    }
}

/// The closed loops bounding `fill` minus `cut`: outer loops anticlockwise, holes clockwise
/// (the walls always on the left), without collinear vertices, in a fixed order.
pub(crate) fn loops(fill: &[Rect], cut: &[Rect]) -> Vec<Vec<(Mm, Mm)>> {
    let mut xs: Vec<Mm> = fill.iter().chain(cut).flat_map(|r| [r.x0, r.x1]).collect();
    let mut ys: Vec<Mm> = fill.iter().chain(cut).flat_map(|r| [r.y0, r.y1]).collect();
    xs.sort_unstable();
    xs.dedup();
    ys.sort_unstable();
    ys.dedup();
    if xs.len() < 2 || ys.len() < 2 {
        return Vec::new();
    }
    let (nx, ny) = (xs.len() - 1, ys.len() - 1);
    let ix = |x: Mm| xs.binary_search(&x).expect("a corner coordinate");
    let iy = |y: Mm| ys.binary_search(&y).expect("a corner coordinate");
    let mut filled = vec![false; nx * ny];
    for (rects, value) in [(fill, true), (cut, false)] {
        for r in rects {
            for j in iy(r.y0)..iy(r.y1) {
                for i in ix(r.x0)..ix(r.x1) {
                    filled[j * nx + i] = value;
                }
            }
        }
    }
    let at = |i: isize, j: isize| -> bool {
        i >= 0
            && j >= 0
            && (i as usize) < nx
            && (j as usize) < ny
            && filled[j as usize * nx + i as usize]
    };
    // Directed unit edges with the filled cell on their left, keyed by their start.
    let mut edges: std::collections::BTreeMap<(Mm, Mm), Vec<(Mm, Mm)>> = Default::default();
    for j in 0..ny as isize {
        for i in 0..=nx as isize {
            let (l, r) = (at(i - 1, j), at(i, j));
            let (x, y0, y1) = (xs[i as usize], ys[j as usize], ys[j as usize + 1]);
            if r && !l {
                edges.entry((x, y1)).or_default().push((x, y0));
            } else if l && !r {
                edges.entry((x, y0)).or_default().push((x, y1));
            }
        }
    }
    for j in 0..=ny as isize {
        for i in 0..nx as isize {
            let (below, above) = (at(i, j - 1), at(i, j));
            let (y, x0, x1) = (ys[j as usize], xs[i as usize], xs[i as usize + 1]);
            if above && !below {
                edges.entry((x0, y)).or_default().push((x1, y));
            } else if below && !above {
                edges.entry((x1, y)).or_default().push((x0, y));
            }
        }
    }
    let mut out = Vec::new();
    while let Some((&start, _)) = edges.iter().find(|(_, v)| !v.is_empty()) {
        let mut ring = vec![start];
        let mut here = start;
        loop {
            let next = {
                let v = edges.get_mut(&here).expect("a loop is closed");
                v.pop().expect("a loop is closed")
            };
            if next == start {
                break;
            }
            ring.push(next);
            here = next;
        }
        out.push(simplify(ring));
    }
    out
}

/// Drops the vertices of a closed axis-aligned ring where it goes straight on.
fn simplify(ring: Vec<(Mm, Mm)>) -> Vec<(Mm, Mm)> {
    let n = ring.len();
    let straight = |k: usize| {
        let (a, b, c) = (ring[(k + n - 1) % n], ring[k], ring[(k + 1) % n]);
        (a.0 == b.0 && b.0 == c.0) || (a.1 == b.1 && b.1 == c.1)
    };
    let keep: Vec<(Mm, Mm)> = (0..n).filter(|&k| !straight(k)).map(|k| ring[k]).collect();
    // Start at the lowest, then leftmost corner, so the output does not depend on map order.
    let first = (0..keep.len())
        .min_by_key(|&k| (keep[k].1, keep[k].0))
        .unwrap_or(0);
    keep[first..]
        .iter()
        .chain(&keep[..first])
        .copied()
        .collect()
}

/// The faces as straight lines: every side of every loop.
pub(crate) fn lines(fill: &[Rect], cut: &[Rect]) -> Vec<((Mm, Mm), (Mm, Mm))> {
    loops(fill, cut)
        .into_iter()
        .flat_map(|ring| {
            let n = ring.len();
            (0..n)
                .map(move |k| (ring[k], ring[(k + 1) % n]))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_t_junction_trims_the_through_wall_face() {
        // A corridor wall along y = 0 and a partition meeting it from above.
        let fill = [Rect::h(0, 0, 5000, 150), Rect::v(2000, 75, 3000, 100)];
        let ls = lines(&fill, &[]);
        // The through wall's upper face is broken by the partition: 2 pieces, the lower one
        // whole; the partition's two faces and its far cap; the two end caps.
        assert_eq!(ls.len(), 8, "{ls:?}");
        assert!(ls.contains(&((5000, 75), (2050, 75))));
        assert!(ls.contains(&((1950, 75), (0, 75))));
        assert!(ls.contains(&((0, -75), (5000, -75))));
    }

    #[test]
    fn a_door_gap_leaves_two_jambs_and_a_ring_has_a_hole() {
        let fill = [Rect::h(0, 0, 4000, 100)];
        let gap = [Rect::new(1000, -50, 1900, 50)];
        let rings = loops(&fill, &gap);
        assert_eq!(rings.len(), 2);
        assert!(rings.iter().all(|r| r.len() == 4));
        let ring = [
            Rect::h(0, 0, 1000, 100),
            Rect::h(1000, 0, 1000, 100),
            Rect::v(0, 0, 1000, 100),
            Rect::v(1000, 0, 1000, 100),
        ];
        let rings = loops(&ring, &[]);
        assert_eq!(rings.len(), 2, "outer and inner face");
        let area = |r: &[(Mm, Mm)]| -> Mm {
            (0..r.len())
                .map(|k| {
                    let (a, b) = (r[k], r[(k + 1) % r.len()]);
                    a.0 * b.1 - b.0 * a.1
                })
                .sum()
        };
        assert!(area(&rings[0]) > 0 && area(&rings[1]) < 0, "{rings:?}");
    }
}
