//! The fast path: per transmitter, per obstacle segment, rasterise the segment's *shadow*.
//!
//! The shadow of a segment AB seen from T is the set of points P whose segment T→P meets AB:
//! for T off the line AB, the convex region inside the cone from T through A and B and beyond
//! (or on) the line AB: the intersection of three half-planes. Each grid row is clipped
//! against the three half-planes twice: pushed outwards by a margin ρ (every cell outside is
//! certainly missed) and pulled inwards by ρ (every cell inside is certainly hit). Only the
//! few cells between the two, within ρ of an edge of the shadow, are decided by the exact
//! predicate [`crosses`] that the oracle uses; so the fast path gives the oracle's answer on
//! every cell. ρ = 10⁻⁹ × the largest coordinate involved (at least 1 m): about 10⁶ times the
//! worst rounding error of the orientation tests, and far below a cell.
//!
//! Degenerate cases: when T lies on the segment (the predicate's own test), every cell is hit;
//! when T is exactly on the segment's line but off the segment, hits can only lie in a thin
//! strip along the line, whose cells are all tested exactly; when T is within ρ of the line
//! without being on it (or the segment has no length), every cell is tested exactly.
//!
//! Losses are accumulated obstacle by obstacle in canonical order, so each cell's sum is
//! formed in the same order as the oracle's and is equal to the bit. A wall of several
//! segments counts once per cell: its cells are stamped with the obstacle's epoch. Obstacles
//! with a zero loss at the band are skipped (adding 0.0 changes no sum). Cost: about
//! rows × segments for the clipping plus cells × obstacles crossed for the sums.

use crate::geometry::{Point, Segment, orient};
use crate::materials::Band;

use super::grid::Grid;
use super::model::Link;
use super::obstacles::{Obstacles, crosses};

/// Buffers reused from one transmitter to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    loss: Vec<f64>,
    stamp: Vec<u32>,
    epoch: u32,
    xs: Vec<f64>,
    ys: Vec<f64>,
    bounds: Vec<(isize, isize)>,
}

impl Scratch {
    /// The losses last computed (row-major over their window) and each row's columns that
    /// hold them (first, last).
    pub(crate) fn results(&self) -> (&[f64], &[(isize, isize)]) {
        (&self.loss, &self.bounds)
    }
}

/// A half-plane `nx·x + ny·y + c ≥ 0` with a unit normal.
#[derive(Debug, Clone, Copy)]
struct HalfPlane {
    nx: f64,
    ny: f64,
    c: f64,
}

impl HalfPlane {
    /// The points P with `side · orient(q, q + dir, P) ≥ 0`.
    fn of_line(q: Point, dir: Point, side: f64) -> Self {
        let len = dir.x.hypot(dir.y);
        let k = side / len;
        Self {
            nx: -dir.y * k,
            ny: dir.x * k,
            c: (dir.y * q.x - dir.x * q.y) * k,
        }
    }

    fn shifted(self, by: f64) -> Self {
        Self {
            c: self.c + by,
            ..self
        }
    }

    #[inline]
    fn value(&self, p: Point) -> f64 {
        self.nx * p.x + self.ny * p.y + self.c
    }
}

/// How one segment's shadow is found.
enum Shadow {
    /// The transmitter is on the segment: every cell is hit.
    All,
    /// The transmitter is exactly on the segment's line, off the segment: only cells within
    /// a thin strip along the line can be hit (all are tested).
    Strip([HalfPlane; 3]),
    /// The transmitter is nearly on the segment's line, or the segment has no length: test
    /// every cell.
    Scan,
    /// The intersection of three half-planes.
    Cone([HalfPlane; 3]),
}

fn on_segment(a: Point, b: Point, c: Point) -> bool {
    c.x >= a.x.min(b.x) && c.x <= a.x.max(b.x) && c.y >= a.y.min(b.y) && c.y <= a.y.max(b.y)
}

fn classify(t: Point, s: &Segment, rho: f64) -> Shadow {
    let (a, b) = (s.a, s.b);
    // The same orientation the predicate computes first (`orient(a, b, t)`, as `d1`).
    let d1 = orient(a, b, t);
    if d1 == 0.0 && on_segment(a, b, t) {
        return Shadow::All;
    }
    let sub = |p: Point, q: Point| Point::new(p.x - q.x, p.y - q.y);
    let len = a.distance(b);
    if d1 == 0.0 && len > 0.0 {
        // Hits come only from the predicate's touching tests: P (nearly) on the line AB, or
        // on the line through T and an end, which leaves the line AB by at most 4ε·|TA| /
        // |TB| radians (T is within 4ε·|TA| of the line AB). A strip of half-width ρ times
        // that ratio holds them all.
        let (ta, tb) = (t.distance(a), t.distance(b));
        let w = rho * (ta.max(tb) / ta.min(tb)).max(1.0);
        if w.is_finite() {
            let up = HalfPlane::of_line(a, sub(b, a), 1.0);
            let down = HalfPlane::of_line(a, sub(b, a), -1.0);
            // Shifted by w - rho: the raster adds rho again for the outer bounds.
            return Shadow::Strip([
                up.shifted(w - rho),
                down.shifted(w - rho),
                up.shifted(w - rho),
            ]);
        }
        return Shadow::Scan;
    }
    if d1.abs() <= rho * len || d1.is_nan() {
        return Shadow::Scan;
    }
    let sigma = d1.signum();
    Shadow::Cone([
        // Beyond (or on) the line AB, away from T.
        HalfPlane::of_line(a, sub(b, a), -sigma),
        // On B's side of the ray T→A, and on A's side of the ray T→B.
        HalfPlane::of_line(t, sub(a, t), sigma),
        HalfPlane::of_line(t, sub(b, t), -sigma),
    ])
}

/// Clips a convex polygon by a half-plane (Sutherland–Hodgman); returns the new vertex count.
fn clip(poly: &[Point], h: &HalfPlane, out: &mut [Point; 8]) -> usize {
    let mut n = 0;
    for i in 0..poly.len() {
        let p = poly[i];
        let q = poly[(i + 1) % poly.len()];
        let (vp, vq) = (h.value(p), h.value(q));
        if vp >= 0.0 {
            out[n] = p;
            n += 1;
        }
        if (vp >= 0.0) != (vq >= 0.0) {
            let t = vp / (vp - vq);
            out[n] = p.lerp(q, t);
            n += 1;
        }
    }
    n
}

/// A convex region in grid coordinates (column and row indices of cell centres): on row r,
/// the columns between the largest lower bound `a + b·r` and the smallest upper bound, for
/// rows between `rows.0` and `rows.1` (bounds from boundaries along the rows).
#[derive(Debug, Clone, Copy)]
struct GridClip {
    lower: [(f64, f64); 3],
    nl: usize,
    upper: [(f64, f64); 3],
    nu: usize,
    rows: (f64, f64),
    empty: bool,
}

impl GridClip {
    /// The half-planes `hps` (world coordinates) on `grid`'s cell indices: with the centre of
    /// cell (r, c) at (ox + (c + ½)·s, oy + (r + ½)·s), `nx·x + ny·y + c ≥ 0` becomes
    /// `A·col + B·row + C ≥ 0`.
    fn new(hps: &[HalfPlane; 3], grid: &Grid) -> Self {
        let s = grid.cell_m;
        let (cx, cy) = (grid.bbox.min.x + 0.5 * s, grid.bbox.min.y + 0.5 * s);
        let mut g = GridClip {
            lower: [(0.0, 0.0); 3],
            nl: 0,
            upper: [(0.0, 0.0); 3],
            nu: 0,
            rows: (f64::NEG_INFINITY, f64::INFINITY),
            empty: false,
        };
        for h in hps {
            let (a, b, c) = (h.nx * s, h.ny * s, h.nx * cx + h.ny * cy + h.c);
            if a.abs() > 1e-12 * s {
                let bound = (-c / a, -b / a);
                if a > 0.0 {
                    g.lower[g.nl] = bound;
                    g.nl += 1;
                } else {
                    g.upper[g.nu] = bound;
                    g.nu += 1;
                }
            } else if b > 0.0 {
                // A boundary (nearly) along the rows bounds the rows. Dropping the tiny
                // `A·col` term moves it by under 10⁻⁹ m over a 1,000 m plan: far inside ρ
                // for the outer region; for the inner region it is accounted for below.
                g.rows.0 = g.rows.0.max(-c / b);
            } else if b < 0.0 {
                g.rows.1 = g.rows.1.min(-c / b);
            } else if c < 0.0 {
                g.empty = true;
            }
        }
        g
    }

    /// The columns (as reals) of row `r` inside the region: (lo, hi), empty when lo > hi.
    #[inline]
    fn columns(&self, r: f64) -> (f64, f64) {
        let mut lo = f64::NEG_INFINITY;
        for &(a, b) in &self.lower[..self.nl] {
            let v = a + b * r;
            if v > lo {
                lo = v;
            }
        }
        let mut hi = f64::INFINITY;
        for &(a, b) in &self.upper[..self.nu] {
            let v = a + b * r;
            if v < hi {
                hi = v;
            }
        }
        (lo, hi)
    }
}

/// The integer columns in [lo, hi], clamped to `first..=last` (a window's columns): (first,
/// last), first > last when none.
#[inline]
fn int_columns(lo: f64, hi: f64, first: f64, last: f64) -> (isize, isize) {
    let a = ceil(lo.clamp(first - 1.0, last + 1.0)).max(first);
    let b = floor(hi.clamp(first - 1.0, last + 1.0)).min(last);
    (a as isize, b as isize)
}

/// ⌈x⌉ for x in [−2⁶², 2⁶²] (without the libm call baseline x86-64 makes for `ceil`).
#[inline]
fn ceil(x: f64) -> f64 {
    let i = x as i64 as f64;
    if i < x { i + 1.0 } else { i }
}

/// ⌊x⌋ likewise.
#[inline]
fn floor(x: f64) -> f64 {
    let i = x as i64 as f64;
    if i > x { i - 1.0 } else { i }
}

/// A rectangle of a grid's cells: rows `r0..r1` and columns `c0..c1` of the whole grid.
/// Windowed computations give each cell of the window exactly the value the whole grid's
/// computation gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    /// The first row.
    pub r0: usize,
    /// One past the last row.
    pub r1: usize,
    /// The first column.
    pub c0: usize,
    /// One past the last column.
    pub c1: usize,
}

impl Window {
    /// Every cell of `grid`.
    pub fn full(grid: &Grid) -> Self {
        Self {
            r0: 0,
            r1: grid.rows,
            c0: 0,
            c1: grid.cols,
        }
    }

    /// The cells of `grid` whose centres lie within `reach_m` of `t` along both axes (and a
    /// cell more on every side): every cell within `reach_m` of `t` is in it.
    pub fn around(grid: &Grid, t: Point, reach_m: f64) -> Self {
        if !(reach_m.is_finite() && t.x.is_finite() && t.y.is_finite()) {
            return Self::full(grid);
        }
        // Centres at min + (i + ½)·s: i from (v − reach − min)/s − ½ to (v + reach − min)/s − ½.
        let span = |v: f64, min: f64, n: usize| {
            let lo = ((v - reach_m - min) / grid.cell_m - 0.5).floor() - 1.0;
            let hi = ((v + reach_m - min) / grid.cell_m - 0.5).ceil() + 1.0;
            let lo = lo.clamp(0.0, n as f64) as usize;
            let hi = (hi + 1.0).clamp(0.0, n as f64) as usize;
            (lo, hi.max(lo))
        };
        let (c0, c1) = span(t.x, grid.bbox.min.x, grid.cols);
        let (r0, r1) = span(t.y, grid.bbox.min.y, grid.rows);
        Self { r0, r1, c0, c1 }
    }

    /// Number of columns.
    pub fn cols(&self) -> usize {
        self.c1 - self.c0
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.r1 - self.r0
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.rows() * self.cols()
    }

    /// True when the window holds no cell.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The summed obstacle loss at `band` of every cell of `window` (row-major over the window)
/// for a transmitter at `link.t`, equal to [`super::oracle::obstacle_losses`] on each of them
/// ([`Window::full`] for every cell). With a `disc` radius, only the cells whose centres lie
/// within it of `link.t` are computed (the others are left at any value). Obstacles that lie
/// more than a metre away from every ray from `link.t` to a computed cell are skipped: they
/// cross none of them.
pub(crate) fn obstacle_losses_in<'s>(
    grid: &Grid,
    window: Window,
    disc: Option<f64>,
    obstacles: &Obstacles,
    band: Band,
    link: &Link,
    scratch: &'s mut Scratch,
) -> &'s [f64] {
    let Some(rho) = prepare(grid, window, disc, obstacles, link.t, scratch) else {
        return &scratch.loss;
    };
    let t = link.t;
    let near = near_box(scratch, t, disc);
    let whole = window == Window::full(grid) && disc.is_none();
    let mut raster = Raster {
        grid,
        window,
        t,
        rho,
        loss: &mut scratch.loss,
        stamp: &mut scratch.stamp,
        epoch: 0,
        xs: &scratch.xs,
        ys: &scratch.ys,
        bounds: &scratch.bounds,
    };
    for (k, obstacle) in obstacles.items().iter().enumerate() {
        let l = obstacle.loss_db.at(band);
        if l == 0.0 {
            continue;
        }
        let segments = obstacles.segments_of(k);
        let touches = |s: &&Segment| whole || near.touches(s);
        if !segments.iter().any(|s| touches(&s)) {
            continue;
        }
        raster.obstacle(&mut scratch.epoch, segments.iter().filter(touches), l);
    }
    &scratch.loss
}

/// Sets up `scratch` for `window`: zero losses, the cells' centres, each row's columns (the
/// window's, or within `disc` of `t`, a cell more on each side); returns ρ, or `None` for an
/// empty window.
fn prepare(
    grid: &Grid,
    window: Window,
    disc: Option<f64>,
    obstacles: &Obstacles,
    t: Point,
    scratch: &mut Scratch,
) -> Option<f64> {
    let n = window.len();
    scratch.loss.clear();
    scratch.loss.resize(n, 0.0);
    if n == 0 {
        return None;
    }
    if scratch.stamp.len() < n {
        scratch.stamp.resize(n, 0);
    }
    scratch.xs.clear();
    scratch
        .xs
        .extend((window.c0..window.c1).map(|c| grid.center_x(c)));
    scratch.ys.clear();
    scratch
        .ys
        .extend((window.r0..window.r1).map(|r| grid.center_y(r)));
    scratch.bounds.clear();
    let (first, last) = (window.c0 as isize, window.c1 as isize - 1);
    let b = grid.bbox;
    match disc {
        None => scratch.bounds.resize(window.rows(), (first, last)),
        Some(r) => scratch.bounds.extend(scratch.ys.iter().map(|&y| {
            let dy = y - t.y;
            let h2 = r * r - dy * dy;
            if h2.is_nan() || h2 < 0.0 {
                return (last + 1, last);
            }
            let h = h2.sqrt();
            let col = |x: f64| (x - b.min.x) / grid.cell_m - 0.5;
            let lo = col(t.x - h).floor() - 1.0;
            let hi = col(t.x + h).ceil() + 1.0;
            (
                (lo.max(first as f64) as isize).min(last + 1),
                (hi.min(last as f64) as isize).max(first - 1),
            )
        })),
    }
    let magnitude = [b.min.x, b.min.y, b.max.x, b.max.y, t.x, t.y]
        .into_iter()
        .fold(obstacles.extent().max(1.0), |m, v| m.max(v.abs()));
    Some(1e-9 * magnitude)
}

/// Where the rays from the transmitter to the computed cells lie: the box of the window's
/// cell centres and the transmitter, and the disc; a segment a metre or more away from
/// either crosses and touches none of them.
#[derive(Debug, Clone, Copy)]
struct Near {
    min: Point,
    max: Point,
    t: Point,
    disc: Option<f64>,
}

impl Near {
    #[inline]
    fn touches(&self, s: &Segment) -> bool {
        !(s.a.x.max(s.b.x) < self.min.x
            || s.a.y.max(s.b.y) < self.min.y
            || s.a.x.min(s.b.x) > self.max.x
            || s.a.y.min(s.b.y) > self.max.y
            || self.disc.is_some_and(|r| s.distance_to(self.t) > r + 1.0))
    }
}

fn near_box(scratch: &Scratch, t: Point, disc: Option<f64>) -> Near {
    let (xs, ys) = (&scratch.xs, &scratch.ys);
    let margin = 1.0;
    Near {
        min: Point::new(xs[0].min(t.x) - margin, ys[0].min(t.y) - margin),
        max: Point::new(
            xs[xs.len() - 1].max(t.x) + margin,
            ys[ys.len() - 1].max(t.y) + margin,
        ),
        t,
        disc,
    }
}

struct Raster<'a> {
    grid: &'a Grid,
    window: Window,
    t: Point,
    rho: f64,
    loss: &'a mut [f64],
    stamp: &'a mut [u32],
    epoch: u32,
    xs: &'a [f64],
    ys: &'a [f64],
    /// Per window row, the columns to compute (first, last).
    bounds: &'a [(isize, isize)],
}

impl Raster<'_> {
    /// Rasterises one obstacle's `segments` (a wall of several counting once per cell).
    fn obstacle<'s>(
        &mut self,
        epoch: &mut u32,
        segments: impl Iterator<Item = &'s Segment> + Clone,
        l: f64,
    ) {
        let multi = segments.clone().nth(1).is_some();
        if multi {
            *epoch = epoch.wrapping_add(1);
            if *epoch == 0 {
                self.stamp.fill(0);
                *epoch = 1;
            }
            self.epoch = *epoch;
        }
        for s in segments {
            self.segment(s, l, multi);
        }
    }

    /// The columns of `row` to rasterise.
    #[inline]
    fn span(&self, row: usize) -> (isize, isize) {
        self.bounds[row - self.window.r0]
    }

    fn segment(&mut self, s: &Segment, l: f64, multi: bool) {
        let w = self.window;
        match classify(self.t, s, self.rho) {
            Shadow::All => {
                for row in w.r0..w.r1 {
                    let (c0, c1) = self.span(row);
                    if c0 <= c1 {
                        self.definite(row, c0 as usize, c1 as usize, l, multi);
                    }
                }
            }
            Shadow::Scan => {
                for row in w.r0..w.r1 {
                    let (c0, c1) = self.span(row);
                    self.uncertain(row, c0, c1, s, l, multi);
                }
            }
            Shadow::Cone(hps) => self.cone(&hps, s, l, multi, true),
            Shadow::Strip(hps) => self.cone(&hps, s, l, multi, false),
        }
    }

    /// Rasterises the convex region of `hps`: cells outside it pushed out by ρ are missed;
    /// with `interior`, cells inside it pulled in by ρ are hit; the others are tested.
    fn cone(&mut self, hps: &[HalfPlane; 3], s: &Segment, l: f64, multi: bool, interior: bool) {
        let grid = self.grid;
        let rho = self.rho;
        let outer = hps.map(|h| h.shifted(rho));
        let outer_cells = GridClip::new(&outer, grid);
        // The inner region is pulled in by 2ρ for its row bounds' dropped term (see
        // `GridClip::new`); columns keep ρ.
        let inner_cells = GridClip::new(&hps.map(|h| h.shifted(-rho)), grid);
        if outer_cells.empty {
            return;
        }

        // The rows the shadow can reach: clip the rectangle of the window's cell centres.
        let w = self.window;
        let (x0, x1) = (self.xs[0] - rho, self.xs[self.xs.len() - 1] + rho);
        let (y0, y1) = (self.ys[0] - rho, self.ys[self.ys.len() - 1] + rho);
        let mut a = [Point::default(); 8];
        let mut b = [Point::default(); 8];
        a[..4].copy_from_slice(&[
            Point::new(x0, y0),
            Point::new(x1, y0),
            Point::new(x1, y1),
            Point::new(x0, y1),
        ]);
        let mut n = 4;
        for h in &outer {
            n = clip(&a[..n], h, &mut b);
            if n == 0 {
                return;
            }
            std::mem::swap(&mut a, &mut b);
        }
        let (ymin, ymax) = a[..n]
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p.y), hi.max(p.y))
            });
        let row = |y: f64| (y - grid.bbox.min.y) / grid.cell_m - 0.5;
        let (bottom, top) = (w.r0 as f64, w.r1 as f64);
        let lowest = row(ymin - rho).max(outer_cells.rows.0);
        let highest = row(ymax + rho).min(outer_cells.rows.1);
        if lowest.is_nan() || highest.is_nan() {
            return;
        }
        let first = ceil(lowest.clamp(bottom, top)) as usize;
        let last = floor(highest.clamp(bottom - 1.0, top)).min(top - 1.0);
        if last < bottom {
            return;
        }
        let (left, right) = (w.c0 as f64, w.c1 as f64 - 1.0);
        let inner_rows = inner_cells.rows;
        let margin = 2.0 * rho / grid.cell_m;
        for r in first..=last as usize {
            let rf = r as f64;
            let (b0, b1) = self.span(r);
            if b0 > b1 {
                continue;
            }
            let (lo, hi) = outer_cells.columns(rf);
            let (c0, c1) = int_columns(lo, hi, b0 as f64, b1 as f64);
            if c0 > c1 {
                continue;
            }
            let inside = interior
                && !inner_cells.empty
                && rf >= inner_rows.0 + margin
                && rf <= inner_rows.1 - margin;
            let (i0, i1) = if inside {
                let (ilo, ihi) = inner_cells.columns(rf);
                let (i0, i1) = int_columns(ilo, ihi, left, right);
                (i0.max(c0), i1.min(c1))
            } else {
                (c1 + 1, c1)
            };
            if i0 > i1 {
                self.uncertain(r, c0, c1, s, l, multi);
            } else {
                self.uncertain(r, c0, i0 - 1, s, l, multi);
                self.definite(r, i0 as usize, i1 as usize, l, multi);
                self.uncertain(r, i1 + 1, c1, s, l, multi);
            }
        }
    }

    /// Cells `c0..=c1` of `row` are certainly hit.
    #[inline]
    fn definite(&mut self, row: usize, c0: usize, c1: usize, l: f64, multi: bool) {
        let w = self.window;
        let base = (row - w.r0) * w.cols();
        let span = base + (c0 - w.c0)..=base + (c1 - w.c0);
        if multi {
            let epoch = self.epoch;
            for (v, st) in self.loss[span.clone()]
                .iter_mut()
                .zip(&mut self.stamp[span])
            {
                if *st != epoch {
                    *st = epoch;
                    *v += l;
                }
            }
        } else {
            for v in &mut self.loss[span] {
                *v += l;
            }
        }
    }

    /// Cells `c0..=c1` of `row` may be hit: ask the exact predicate.
    fn uncertain(&mut self, row: usize, c0: isize, c1: isize, s: &Segment, l: f64, multi: bool) {
        if c0 > c1 {
            return;
        }
        let w = self.window;
        let y = self.ys[row - w.r0];
        let base = (row - w.r0) * w.cols();
        for c in c0 as usize..=c1 as usize {
            let i = base + c - w.c0;
            if multi && self.stamp[i] == self.epoch {
                continue;
            }
            if crosses(self.t, Point::new(self.xs[c - w.c0], y), s) {
                if multi {
                    self.stamp[i] = self.epoch;
                }
                self.loss[i] += l;
            }
        }
    }
}
