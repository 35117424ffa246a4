//! Placing labels on a dense plan so that they overlap neither each other nor the symbols.
//!
//! Greedy, in the order asked (the caller puts the important ones first): each label tries
//! eight positions around its symbol (right, above right, above, above left, left, below
//! left, below, below right), then the same eight further out with a leader line. Symbols and
//! labels already placed are *hard* obstacles: a label never overlaps one when any position
//! is free of them. Lines (walls, trays, routes) are *soft*: among the positions free of hard
//! obstacles, the one crossing the fewest lines wins, a position further out paying for its
//! leader. When every position meets a hard obstacle, the one overlapping least is taken.
//! Occupied rectangles are kept in a uniform grid of buckets and lines as a set of 1 mm
//! cells, so a floor of hundreds of labels places in a few milliseconds.

use std::collections::{HashMap, HashSet};

use super::layout::Rect;

/// Bucket side of the occupancy grid, millimetres.
const BUCKET: f64 = 8.0;
/// Space between a symbol and its label.
const GAP: f64 = 0.6;
/// How much further each ring of leader positions lies.
const RINGS: [f64; 6] = [0.0, 4.0, 8.0, 12.0, 16.0, 22.0];

/// Rectangles already taken on the paper.
#[derive(Default)]
pub(crate) struct Occupied {
    rects: Vec<Rect>,
    buckets: HashMap<(i32, i32), Vec<usize>>,
}

fn bucket_range(r: &Rect) -> (i32, i32, i32, i32) {
    (
        (r.x / BUCKET).floor() as i32,
        (r.y / BUCKET).floor() as i32,
        (r.right() / BUCKET).floor() as i32,
        (r.bottom() / BUCKET).floor() as i32,
    )
}

impl Occupied {
    /// An empty paper.
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks `r` as taken.
    pub fn add(&mut self, r: Rect) {
        let i = self.rects.len();
        self.rects.push(r);
        let (x0, y0, x1, y1) = bucket_range(&r);
        for bx in x0..=x1 {
            for by in y0..=y1 {
                self.buckets.entry((bx, by)).or_default().push(i);
            }
        }
    }

    /// The area of `r` already taken (overlaps counted once per rectangle they meet).
    pub fn overlap(&self, r: &Rect) -> f64 {
        let (x0, y0, x1, y1) = bucket_range(r);
        let mut seen: Vec<usize> = Vec::new();
        let mut area = 0.0;
        for bx in x0..=x1 {
            for by in y0..=y1 {
                if let Some(list) = self.buckets.get(&(bx, by)) {
                    for &i in list {
                        if seen.contains(&i) {
                            continue;
                        }
                        seen.push(i);
                        area += self.rects[i].overlap_area(r);
                    }
                }
            }
        }
        area
    }
}

/// Lines on the paper, as the 1 mm cells they cross.
#[derive(Default)]
pub(crate) struct Lines {
    cells: HashSet<(i32, i32)>,
}

impl Lines {
    /// No line.
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks the cells within `half_width` of the segment from `a` to `b`.
    pub fn add(&mut self, a: (f64, f64), b: (f64, f64), half_width: f64) {
        let len = (b.0 - a.0).hypot(b.1 - a.1);
        if !len.is_finite() {
            return;
        }
        let steps = (len / 0.5).ceil().clamp(1.0, 1e6) as usize;
        let r = half_width.max(0.3);
        for k in 0..=steps {
            let t = k as f64 / steps as f64;
            let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            let (x0, x1) = ((x - r).floor() as i32, (x + r).floor() as i32);
            let (y0, y1) = ((y - r).floor() as i32, (y + r).floor() as i32);
            for cx in x0..=x1 {
                for cy in y0..=y1 {
                    self.cells.insert((cx, cy));
                }
            }
        }
    }

    /// Marks a polyline.
    pub fn add_polyline(&mut self, pts: &[(f64, f64)], half_width: f64) {
        for w in pts.windows(2) {
            self.add(w[0], w[1], half_width);
        }
    }

    /// How many line cells lie in `r`.
    pub fn cost(&self, r: &Rect) -> usize {
        if self.cells.is_empty() {
            return 0;
        }
        let (x0, x1) = (r.x.floor() as i32, (r.right() - 1e-9).floor() as i32);
        let (y0, y1) = (r.y.floor() as i32, (r.bottom() - 1e-9).floor() as i32);
        let mut n = 0;
        for cx in x0..=x1 {
            for cy in y0..=y1 {
                n += usize::from(self.cells.contains(&(cx, cy)));
            }
        }
        n
    }
}

/// What a position further out costs, in line cells: a leader is worth crossing a few lines
/// to avoid.
const RING_COST: usize = 12;

/// A label to place: its symbol's centre and half size, and its text box.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The symbol's centre on paper.
    pub at: (f64, f64),
    /// The symbol's half size: labels keep clear of it.
    pub radius: f64,
    /// The text box's width.
    pub w: f64,
    /// The text box's height.
    pub h: f64,
}

/// Where a label went.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placed {
    /// The text box.
    pub rect: Rect,
    /// A leader line from the symbol's edge to the box, when the label moved away.
    pub leader: Option<((f64, f64), (f64, f64))>,
    /// True when no free position was found and the label overlaps another.
    pub crowded: bool,
}

/// The eight directions, in order of preference: (dx, dy) of the box's side facing the
/// symbol.
const DIRS: [(f64, f64); 8] = [
    (1.0, 0.0),
    (1.0, -1.0),
    (0.0, -1.0),
    (-1.0, -1.0),
    (-1.0, 0.0),
    (-1.0, 1.0),
    (0.0, 1.0),
    (1.0, 1.0),
];

fn candidate(req: &Request, dir: (f64, f64), extra: f64) -> Rect {
    let (cx, cy) = req.at;
    let d = req.radius + GAP + extra;
    // Diagonals sit at the corner of the symbol's square.
    let diag = if dir.0 != 0.0 && dir.1 != 0.0 {
        std::f64::consts::FRAC_1_SQRT_2
    } else {
        1.0
    };
    let (ax, ay) = (cx + dir.0 * d * diag, cy + dir.1 * d * diag);
    let x = match dir.0 {
        d if d > 0.0 => ax,
        d if d < 0.0 => ax - req.w,
        _ => ax - req.w / 2.0,
    };
    let y = match dir.1 {
        d if d > 0.0 => ay,
        d if d < 0.0 => ay - req.h,
        _ => ay - req.h / 2.0,
    };
    Rect::new(x, y, req.w, req.h)
}

/// The point of `r` nearest to `p`.
fn nearest_on(r: &Rect, p: (f64, f64)) -> (f64, f64) {
    (p.0.clamp(r.x, r.right()), p.1.clamp(r.y, r.bottom()))
}

/// Places one label against what `taken` already holds, crossing as few of `lines` as it
/// can, keeping it inside `bounds`; marks its box as taken.
pub(crate) fn place(req: &Request, taken: &mut Occupied, lines: &Lines, bounds: &Rect) -> Placed {
    let mut clear: Option<(usize, Rect, f64)> = None;
    let mut least: Option<(f64, Rect, f64)> = None;
    for (ring, &extra) in RINGS.iter().enumerate() {
        if clear.as_ref().is_some_and(|c| c.0 <= ring * RING_COST) {
            break;
        }
        for &dir in &DIRS {
            let r = candidate(req, dir, extra);
            if !bounds.contains(&r) {
                continue;
            }
            let overlap = taken.overlap(&r);
            if overlap > 1e-9 {
                if least.as_ref().is_none_or(|b| overlap < b.0) {
                    least = Some((overlap, r, extra));
                }
                continue;
            }
            let cost = lines.cost(&r) + ring * RING_COST;
            if clear.as_ref().is_none_or(|c| cost < c.0) {
                clear = Some((cost, r, extra));
            }
            if cost == 0 {
                break;
            }
        }
    }
    if let Some((_, r, extra)) = clear {
        return finish(req, r, extra, false, taken);
    }
    let (r, extra) = match least {
        Some((_, r, extra)) => (r, extra),
        // Not even inside the bounds: the first position, wherever it falls.
        None => (candidate(req, DIRS[0], 0.0), 0.0),
    };
    finish(req, r, extra, true, taken)
}

fn finish(req: &Request, r: Rect, extra: f64, crowded: bool, taken: &mut Occupied) -> Placed {
    taken.add(r);
    let leader = (extra > 0.0).then(|| {
        let end = nearest_on(&r, req.at);
        let (dx, dy) = (end.0 - req.at.0, end.1 - req.at.1);
        let len = dx.hypot(dy).max(1e-9);
        let start = (
            req.at.0 + dx / len * req.radius,
            req.at.1 + dy / len * req.radius,
        );
        (start, end)
    });
    Placed {
        rect: r,
        leader,
        crowded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_avoid_each_other_and_symbols() {
        let bounds = Rect::new(0.0, 0.0, 200.0, 200.0);
        let mut taken = Occupied::new();
        // A dense cluster of symbols 3 mm apart.
        let symbols: Vec<(f64, f64)> = (0..25)
            .map(|i| (50.0 + (i % 5) as f64 * 3.0, 50.0 + (i / 5) as f64 * 3.0))
            .collect();
        for &(x, y) in &symbols {
            taken.add(Rect::new(x - 1.5, y - 1.5, 3.0, 3.0));
        }
        let mut placed = Vec::new();
        for &at in &symbols {
            let req = Request {
                at,
                radius: 1.5,
                w: 12.0,
                h: 3.5,
            };
            placed.push(place(&req, &mut taken, &Lines::new(), &bounds));
        }
        let free = placed.iter().filter(|p| !p.crowded).count();
        assert!(free >= 20, "{free} of 25 placed without overlap");
        for (i, a) in placed.iter().enumerate() {
            if a.crowded {
                continue;
            }
            for b in placed[i + 1..].iter().filter(|b| !b.crowded) {
                assert!(!a.rect.overlaps(&b.rect));
            }
            for &(x, y) in &symbols {
                assert!(!a.rect.overlaps(&Rect::new(x - 1.5, y - 1.5, 3.0, 3.0)));
            }
        }
        assert!(placed.iter().any(|p| p.leader.is_some()));
    }

    #[test]
    fn first_choice_is_to_the_right() {
        let mut taken = Occupied::new();
        let req = Request {
            at: (10.0, 10.0),
            radius: 2.0,
            w: 10.0,
            h: 4.0,
        };
        let p = place(
            &req,
            &mut taken,
            &Lines::new(),
            &Rect::new(0.0, 0.0, 100.0, 100.0),
        );
        assert_eq!(p.rect, Rect::new(12.6, 8.0, 10.0, 4.0));
        assert!(p.leader.is_none() && !p.crowded);
        // A line along the first choice sends the label above it.
        let mut lines = Lines::new();
        lines.add((10.0, 40.0), (60.0, 40.0), 0.5);
        let req = Request {
            at: (20.0, 40.0),
            ..req
        };
        let p = place(&req, &mut taken, &lines, &Rect::new(0.0, 0.0, 100.0, 100.0));
        assert_eq!(lines.cost(&p.rect), 0);
        assert!(p.leader.is_none());
    }
}
