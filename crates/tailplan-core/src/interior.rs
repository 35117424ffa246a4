//! A floor's building interior found from its walls, for plans drawn without rooms.
//!
//! Most plans arrive as walls only (a DXF of lines). Whatever asks "is this point in the
//! building?" (coverage targets, statistics, AP placement) needs the region the outer walls
//! enclose, not the floor's bounding box, which on a rotated drawing takes in the car park.
//! [`building_interior`] finds it; [`Interior::from_polygons`] makes the same value from an
//! outline a user drew instead.
//!
//! # What counts as interior
//!
//! The region enclosed by the walls, with the walls' own footprint (their thickness), where
//! any gap between walls of at most [`InteriorSettings::max_gap_m`] (a doorway, a missing
//! piece of wall, a drawing's small slip) counts as closed, so the outside cannot flood in
//! through it. A wall's footprint is the rectangle of its centreline and thickness with
//! square ends (half a thickness beyond each end of the centreline, so that walls meeting at
//! a right angle fill the corner); gaps are measured between footprints, so a gap between
//! two centrelines in line closes up to `max_gap_m` plus the walls' thickness. Doors and windows ([`crate::Opening`]) count as walls of the thickness of the
//! wall they sit in, so an opening drawn across a gap closes it whatever its width (a 3 m
//! sliding door), and an opening drawn over a continuous wall changes nothing.
//!
//! Consequences, stated once:
//! - *An enclosed courtyard is interior.* A yard open to the sky with walls all round cannot
//!   be told from a large room by walls alone; only a gap wider than `max_gap_m` (or a drawn
//!   outline) makes it outside.
//! - *A gap wider than `max_gap_m` lets the outside in* (one wider by less than three cells
//!   may still close, see step 2 below) as far as the next closed line of walls: the room
//!   behind a 3 m hole in the facade is outside, the rest of the building (behind the room's
//!   own doors, themselves closed gaps) is not.
//! - *Buildings closer than `max_gap_m` are joined*, and the strip between them is interior.
//! - *A wall that encloses nothing* (a lone wall, a garden wall apart from the building)
//!   adds nothing; a garden wall joined to the building adds its own footprint.
//! - *At a closed gap the outline dips into the gap*, since the gap is closed by a disc
//!   rolled along the outside, of radius `r` = `max_gap_m / 2` plus 0.71 cell: by
//!   `r - sqrt(r² - g²/4)` for a gap `g` between footprints (9 cm for a 1 m doorway in a
//!   30 cm wall at the default settings), at most `r`. A door drawn across the gap fills it.
//! - *Rooms are not consulted*: a floor with rooms has a better answer in them; which to use
//!   is the caller's choice.
//! - A floor with no walls, or walls enclosing no place farther than `r` from every wall,
//!   has no interior: `None`, and callers fall back to what they did before.
//! - *A wall drawn far from the building coarsens the grid with it* (the grid covers every
//!   wall within the cell budget): [`Interior::cell_m`] tells the cell used.
//!
//! # How
//!
//! On a grid of square cells (side [`InteriorSettings::cell_m`], coarsened so that the grid
//! has at most [`InteriorSettings::max_cells`] cells, see [`Interior::cell_m`]):
//! 1. each cell gets the exact Euclidean distance from its centre to the nearest wall
//!    footprint (a rectangle: the centreline, its thickness, square ends), computed only within
//!    a band around each wall;
//! 2. cells within `r` = `max_gap_m / 2` plus half a cell's diagonal of a footprint are
//!    *barrier* (the half diagonal makes every cell that a gap's closing discs touch a barrier
//!    cell, so a gap of `max_gap_m` is always closed, at any angle to the grid; a gap wider
//!    than `max_gap_m` plus 2.83 cells is never closed; in between, it depends on how the
//!    gap falls on the grid: at the defaults, 1.2 m always closes and 1.77 m never does);
//! 3. the *outside* is flooded from the grid's border (padded beyond the barrier) through
//!    4-neighbouring cells that are not barrier;
//! 4. the outside is grown back to the walls: a cell is outside when it lies in the disc
//!    around some flooded cell reaching to that cell's nearest footprint (the discs never enter
//!    a wall, so the interior keeps every wall's footprint and its outline lies on the outer
//!    faces, to the half cell of sampling); this union of discs is one exact separable
//!    distance transform (Felzenszwalb and Huttenlocher's lower envelope of parabolas);
//! 5. the interior is every cell not outside that is 4-connected to an enclosed cell away
//!    from the walls (which drops the footprints of walls enclosing nothing).
//!
//! A cell is inside when its centre is, so areas are right to half a cell along the outline
//! (an area error of at most about perimeter × cell / 2). Time is O(cells) plus
//! O(Σ wall length × band / cell²) for step 1, the band being `r` plus the wall's thickness
//! and two cells. Memory is 5 bytes per cell of the working grid while computing (20 MB at
//! the default budget; the floods' stacks hold a seed per pending run of cells, of the order
//! of the rows), then one byte per cell of the interior's bounding box. Everything is
//! deterministic: no randomness, no clock.

use std::f64::consts::{FRAC_1_SQRT_2, SQRT_2};

use crate::diagnostics::Num;
use crate::floor::Floor;
use crate::geometry::{BBox, Point, Polygon, Segment, polyline_segments};
use crate::openings::Opening;

/// The widest gap between walls closed by default, metres: a wide single door.
pub const DEFAULT_MAX_GAP_M: f64 = 1.2;

/// The default cell side of the interior's grid, metres.
pub const DEFAULT_INTERIOR_CELL_M: f64 = 0.2;

/// The default cell budget of the interior's grid: 4 million cells (a 400 × 400 m floor at
/// 0.2 m; a 600 × 400 m one is computed at about 0.25 m), about 40 MB while computing.
pub const DEFAULT_INTERIOR_MAX_CELLS: usize = 4_000_000;

/// The smallest cell budget accepted.
pub const MIN_INTERIOR_CELLS: usize = 1024;

/// How the interior is found: the widest gap closed, the grid's cell and its budget.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InteriorSettings {
    /// Gaps between walls' footprints up to this width, metres, count as closed (doorways,
    /// missing pieces, drawing slips); wider ones let the outside in. Zero or more. The
    /// default, [`DEFAULT_MAX_GAP_M`], closes a 1.2 m door in a wall of any thickness.
    pub max_gap_m: f64,
    /// The side of the grid's square cells, metres, before coarsening. Positive.
    pub cell_m: f64,
    /// The most cells the working grid may have; the cell side grows until the grid fits.
    /// At least [`MIN_INTERIOR_CELLS`].
    pub max_cells: usize,
}

impl Default for InteriorSettings {
    fn default() -> Self {
        Self {
            max_gap_m: DEFAULT_MAX_GAP_M,
            cell_m: DEFAULT_INTERIOR_CELL_M,
            max_cells: DEFAULT_INTERIOR_MAX_CELLS,
        }
    }
}

impl InteriorSettings {
    /// `Ok` when every setting is usable: a positive finite cell, a finite gap of zero or
    /// more, a budget of at least [`MIN_INTERIOR_CELLS`].
    pub fn check(&self) -> Result<(), InteriorError> {
        self.check_grid()?;
        if !(self.max_gap_m.is_finite() && self.max_gap_m >= 0.0) {
            return Err(InteriorError::BadGap(self.max_gap_m));
        }
        Ok(())
    }

    fn check_grid(&self) -> Result<(), InteriorError> {
        if !(self.cell_m.is_finite() && self.cell_m > 0.0) {
            return Err(InteriorError::BadCell(self.cell_m));
        }
        if self.max_cells < MIN_INTERIOR_CELLS {
            return Err(InteriorError::BadBudget(self.max_cells));
        }
        Ok(())
    }
}

/// Why an interior cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InteriorError {
    /// The cell side is not a positive number of metres.
    #[error("interior cell size {} must be a positive number of metres", Num(*.0))]
    BadCell(f64),
    /// The widest gap closed is not zero or a positive number of metres.
    #[error("the widest gap closed, {}, must be zero or a positive number of metres", Num(*.0))]
    BadGap(f64),
    /// The cell budget is below [`MIN_INTERIOR_CELLS`].
    #[error(
        "an interior grid of at most {0} cells is too small: the least is {MIN_INTERIOR_CELLS}"
    )]
    BadBudget(usize),
    /// The geometry spans more than a floating-point number can hold (coordinates near
    /// ±1e308), so no grid can be put on it.
    #[error("the walls span {} × {} m: no grid can be put on that", Num(.extent_m.0), Num(.extent_m.1))]
    Extent {
        /// Width and height of what was to be covered, metres.
        extent_m: (f64, f64),
    },
}

/// A building's interior: a mask of square cells, a cell inside when its centre is.
///
/// The mask covers the interior's bounding box only. Made by [`building_interior`],
/// [`interior_of_walls`] or, from a drawn outline, [`Interior::from_polygons`].
#[derive(Debug, Clone, PartialEq)]
pub struct Interior {
    /// The lower-left corner of cell (0, 0).
    origin: Point,
    cell_m: f64,
    cols: usize,
    rows: usize,
    /// Row-major, row 0 (the southernmost) first.
    inside: Vec<bool>,
    count: usize,
}

impl Interior {
    /// True when `p` lies in an interior cell; false for a point that is not finite. O(1).
    pub fn contains(&self, p: Point) -> bool {
        self.cell_of(p)
            .is_some_and(|(c, r)| self.inside[r * self.cols + c])
    }

    /// The interior's area in square metres: its cells' count times a cell's area.
    pub fn area_m2(&self) -> f64 {
        self.count as f64 * self.cell_m * self.cell_m
    }

    /// The bounding box of the interior's cells.
    pub fn bbox(&self) -> BBox {
        BBox {
            min: self.origin,
            max: Point::new(
                self.origin.x + self.cols as f64 * self.cell_m,
                self.origin.y + self.rows as f64 * self.cell_m,
            ),
        }
    }

    /// The side of the cells, metres: [`InteriorSettings::cell_m`], or larger when the grid
    /// was coarsened to stay within [`InteriorSettings::max_cells`].
    pub fn cell_m(&self) -> f64 {
        self.cell_m
    }

    /// The centre of every interior cell, row by row from the south-west.
    pub fn cell_centres(&self) -> impl Iterator<Item = Point> + '_ {
        self.inside
            .iter()
            .enumerate()
            .filter(|(_, inside)| **inside)
            .map(|(k, _)| self.centre(k % self.cols, k / self.cols))
    }

    /// The interior's boundary as polygons, to draw on a plan or write to a file.
    ///
    /// One [`Polygon`] per piece of the interior (cells joined along an edge; pieces touching
    /// only at a corner are separate): its exterior anticlockwise, its holes clockwise (none
    /// for a computed interior, whose outside is one connected region; possibly some for one
    /// made from drawn polygons). Rings are open (the last vertex is not repeated).
    ///
    /// The rings run through the midpoints of the cell edges between inside and outside
    /// (marching squares on the mask: a staircase along a slanting wall becomes a straight
    /// line), simplified by Douglas–Peucker to three quarters of a cell, so they stay within
    /// about a cell of the mask's boundary and their area within about a quarter cell along
    /// the perimeter of [`Interior::area_m2`] (a little less, mostly: corners are cut). Rings
    /// that simplify to nothing (a single cell) are left out. O(cells) plus the
    /// simplification (O(n log n) for n boundary points, typically).
    pub fn outline(&self) -> Vec<Polygon> {
        let rings = trace_rings(&self.inside, self.cols, self.rows);
        let to_m = |(x, y): (f64, f64)| {
            Point::new(
                self.origin.x + x * self.cell_m,
                self.origin.y + y * self.cell_m,
            )
        };
        let (outers, holes): (Vec<Ring>, Vec<Ring>) = rings.into_iter().partition(|r| r.area2 > 0);
        let mut polygons: Vec<Option<Polygon>> = outers
            .iter()
            .map(|r| {
                let pts = simplify_ring(&r.smoothed(), OUTLINE_TOLERANCE_CELLS);
                (pts.len() >= 3).then(|| Polygon::new(pts.into_iter().map(to_m).collect()))
            })
            .collect();
        for hole in &holes {
            // The smallest outer ring around a cell of the hole holds it.
            let owner = outers
                .iter()
                .enumerate()
                .filter(|(_, o)| o.contains(hole.probe))
                .min_by_key(|(_, o)| o.area2)
                .map(|(i, _)| i);
            let pts = simplify_ring(&hole.smoothed(), OUTLINE_TOLERANCE_CELLS);
            if let (Some(i), true) = (owner, pts.len() >= 3)
                && let Some(polygon) = &mut polygons[i]
            {
                polygon.holes.push(pts.into_iter().map(to_m).collect());
            }
        }
        polygons.into_iter().flatten().collect()
    }

    /// An interior from outlines drawn by hand (or taken from elsewhere), standing in for a
    /// computed one: the union of `polygons`, each its exterior less its holes (even-odd).
    ///
    /// Uses the cell and the budget of `settings` (not the gap). Polygons with a coordinate
    /// that is not finite are left out. `Ok(None)` when no cell centre lies in any polygon.
    /// O(cells + crossings · log crossings) for the crossings of rows with edges.
    pub fn from_polygons(
        polygons: &[Polygon],
        settings: &InteriorSettings,
    ) -> Result<Option<Interior>, InteriorError> {
        settings.check_grid()?;
        let polygons: Vec<&Polygon> = polygons
            .iter()
            .filter(|p| p.exterior.len() >= 3 && p.points().all(Point::is_finite))
            .collect();
        let Some(bbox) = polygons
            .iter()
            .filter_map(|p| BBox::from_points(p.exterior.iter().copied()))
            .reduce(BBox::union)
        else {
            return Ok(None);
        };
        let grid = GridSpec::over(bbox, |cell| cell, settings.cell_m, settings.max_cells)?;
        let mut inside = vec![false; grid.cols * grid.rows];
        let mut crossings: Vec<(usize, f64)> = Vec::new();
        for polygon in polygons {
            crossings.clear();
            for s in polygon.edges() {
                let (lo, hi) = (s.a.y.min(s.b.y), s.a.y.max(s.b.y));
                if lo == hi {
                    continue;
                }
                // Rows whose centre y lies in [lo, hi).
                let first = grid.row_at_or_above(lo);
                let last = grid.row_at_or_above(hi);
                for r in first..last {
                    let y = grid.centre_y(r);
                    let x = s.a.x + (y - s.a.y) / (s.b.y - s.a.y) * (s.b.x - s.a.x);
                    crossings.push((r, x));
                }
            }
            crossings.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            for row in crossings.chunk_by(|a, b| a.0 == b.0) {
                let r = row[0].0;
                for pair in row.chunks_exact(2) {
                    let (c0, c1) = (
                        grid.col_at_or_right(pair[0].1),
                        grid.col_at_or_right(pair[1].1),
                    );
                    for v in &mut inside[r * grid.cols + c0..r * grid.cols + c1] {
                        *v = true;
                    }
                }
            }
        }
        Ok(Interior::cropped(&grid, |k| inside[k]))
    }

    /// The interior made of the cells of `grid` for which `keep` holds, cropped to their
    /// bounding box; `None` when there is none.
    fn cropped(grid: &GridSpec, keep: impl Fn(usize) -> bool) -> Option<Interior> {
        let (mut c0, mut r0, mut c1, mut r1) = (usize::MAX, usize::MAX, 0, 0);
        let mut count = 0;
        for r in 0..grid.rows {
            for c in 0..grid.cols {
                if keep(r * grid.cols + c) {
                    (c0, r0, c1, r1) = (c0.min(c), r0.min(r), c1.max(c), r1.max(r));
                    count += 1;
                }
            }
        }
        if count == 0 {
            return None;
        }
        let (cols, rows) = (c1 - c0 + 1, r1 - r0 + 1);
        let mut inside = Vec::with_capacity(cols * rows);
        for r in r0..=r1 {
            inside.extend((c0..=c1).map(|c| keep(r * grid.cols + c)));
        }
        Some(Interior {
            origin: Point::new(
                grid.origin.x + c0 as f64 * grid.cell_m,
                grid.origin.y + r0 as f64 * grid.cell_m,
            ),
            cell_m: grid.cell_m,
            cols,
            rows,
            inside,
            count,
        })
    }

    fn cell_of(&self, p: Point) -> Option<(usize, usize)> {
        let fx = (p.x - self.origin.x) / self.cell_m;
        let fy = (p.y - self.origin.y) / self.cell_m;
        if !(fx >= 0.0 && fy >= 0.0 && fx < self.cols as f64 && fy < self.rows as f64) {
            return None;
        }
        Some((fx as usize, fy as usize))
    }

    fn centre(&self, c: usize, r: usize) -> Point {
        Point::new(
            self.origin.x + (c as f64 + 0.5) * self.cell_m,
            self.origin.y + (r as f64 + 0.5) * self.cell_m,
        )
    }
}

/// The interior of a floor's building, from its walls and openings; `Ok(None)` when they
/// enclose nothing (no walls, a lone wall). See the [module documentation](self) for what
/// counts as interior, how it is found and its limits; [`interior_of_walls`] does the work.
///
/// Every straight segment of every wall counts with the wall's thickness, and every opening
/// (door or window, open or closed) as a wall along its line, as thick as the nearest wall
/// within half its length plus 0.5 m (thickness 0 when there is none). Segments with a
/// coordinate that is not finite, or of zero length, are left out.
///
/// # Examples
///
/// ```
/// use tailplan_core::{Floor, InteriorSettings, Point, Props, Shape, Wall, building_interior};
///
/// // A 10 × 8 m box of 0.2 m walls, drawn as one line with a 1 m doorway in its south side.
/// let corners = [(1.0, 0.0), (10.0, 0.0), (10.0, 8.0), (0.0, 8.0), (0.0, 0.0)];
/// let mut floor = Floor::new("1", "Level 1", 0.0);
/// floor.walls.push(Wall {
///     id: "w1".into(),
///     shape: Shape::Line(corners.iter().map(|&(x, y)| Point::new(x, y)).collect()),
///     material: None,
///     loss_db: None,
///     thickness_m: 0.2,
///     props: Props::new(),
/// });
/// let interior = building_interior(&floor, &InteriorSettings::default())?.expect("a building");
/// assert!(interior.contains(Point::new(5.0, 4.0)));
/// assert!(interior.contains(Point::new(0.5, 0.0))); // the doorway is closed
/// assert!(!interior.contains(Point::new(0.5, -1.0)));
/// assert!((interior.area_m2() - 10.2 * 8.2).abs() < 2.0);
/// # Ok::<(), tailplan_core::InteriorError>(())
/// ```
pub fn building_interior(
    floor: &Floor,
    settings: &InteriorSettings,
) -> Result<Option<Interior>, InteriorError> {
    let mut walls: Vec<(Segment, f64)> = floor
        .walls
        .iter()
        .flat_map(|w| w.shape.segments().map(move |s| (s, w.thickness_m)))
        .collect();
    for opening in &floor.openings {
        let thickness_m = opening_thickness(floor, opening);
        walls.extend(polyline_segments(&opening.points).map(|s| (s, thickness_m)));
    }
    interior_of_walls(&walls, settings)
}

/// The thickness of the wall an opening sits in: the nearest wall segment to its middle,
/// within half its length plus 0.5 m; 0 when there is none.
fn opening_thickness(floor: &Floor, opening: &Opening) -> f64 {
    let (Some(&a), Some(&b)) = (opening.points.first(), opening.points.last()) else {
        return 0.0;
    };
    let mid = a.lerp(b, 0.5);
    let reach = a.distance(b) / 2.0 + 0.5;
    if !(mid.is_finite() && reach.is_finite()) {
        return 0.0;
    }
    let around = BBox {
        min: Point::new(mid.x - reach, mid.y - reach),
        max: Point::new(mid.x + reach, mid.y + reach),
    };
    // The R-tree's envelope query, not its nearest-neighbour search, which would panic on a
    // wall with a NaN coordinate.
    floor
        .walls
        .segments_in(around)
        .filter_map(|(i, s)| {
            let d = s.distance_to(mid);
            (d <= reach).then_some((d, i))
        })
        .min_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)))
        .and_then(|(_, i)| floor.walls.get(i))
        .map_or(0.0, |w| w.thickness_m)
}

/// The region that walls enclose, each wall a straight centreline segment with a thickness
/// in metres (a thickness that is not a finite positive number counts as 0); `Ok(None)` when
/// they enclose nothing. The lower level of [`building_interior`], for walls from elsewhere.
///
/// O(cells + Σ wall length × band / cell²), the band being `max_gap_m / 2` plus the wall's
/// thickness and about three cells; see the [module documentation](self).
pub fn interior_of_walls(
    walls: &[(Segment, f64)],
    settings: &InteriorSettings,
) -> Result<Option<Interior>, InteriorError> {
    settings.check()?;
    let pieces: Vec<Footprint> = walls
        .iter()
        .filter_map(|&(s, t)| Footprint::new(s, t))
        .collect();
    let Some(bbox) = pieces.iter().map(Footprint::bbox).reduce(BBox::union) else {
        return Ok(None);
    };
    let grid = wall_grid(bbox, settings)?;
    let radii = Radii::new(settings.max_gap_m, grid.cell_m);
    let (cols, rows) = (grid.cols, grid.rows);
    let n = cols * rows;

    // 1. Distance from each cell centre to the nearest footprint, in cells, within a band.
    let mut dist = vec![f32::INFINITY; n];
    for piece in &pieces {
        piece.rasterise(&grid, radii.reach_m + piece.half_width * SQRT_2, &mut dist);
    }

    // 2. Barrier cells. 3. The outside, flooded from the border.
    let barrier_cells = radii.barrier_m / grid.cell_m;
    let mut state: Vec<u8> = dist
        .iter()
        .map(|&d| {
            if f64::from(d) <= barrier_cells {
                BARRIER
            } else {
                0
            }
        })
        .collect();
    let border = (0..cols)
        .flat_map(|c| [c, (rows - 1) * cols + c])
        .chain((0..rows).flat_map(|r| [r * cols, r * cols + cols - 1]));
    flood(&mut state, cols, border, OUTSIDE, BARRIER);
    let mut any_seed = false;
    for s in &mut state {
        if *s & (BARRIER | OUTSIDE) == 0 {
            *s |= SEED;
            any_seed = true;
        }
    }
    if !any_seed {
        return Ok(None);
    }

    // 4. The outside grown back to the walls: cell p is outside when, for some outside cell
    // q, |p - q|² - r(q)² <= 0 with r(q) its distance to the nearest footprint (capped at the
    // band). A lower envelope of parabolas by rows, then by columns.
    let reach_cells = radii.reach_m / grid.cell_m;
    for (d, s) in dist.iter_mut().zip(&state) {
        *d = if s & OUTSIDE != 0 {
            let r = f64::from(*d).min(reach_cells);
            -(r * r) as f32
        } else {
            f32::INFINITY
        };
    }
    let mut envelope = Envelope::default();
    let (mut f, mut out) = (Vec::new(), Vec::new());
    for row in dist.chunks_exact_mut(cols) {
        f.clear();
        f.extend(row.iter().map(|&v| f64::from(v)));
        envelope.lower(&f, &mut out);
        for (v, &e) in row.iter_mut().zip(&out) {
            // Only a value <= 0 can make a cell outside after the second pass.
            *v = if e <= 0.0 { e as f32 } else { f32::INFINITY };
        }
    }
    for c in 0..cols {
        f.clear();
        f.extend((0..rows).map(|r| f64::from(dist[r * cols + c])));
        envelope.lower(&f, &mut out);
        for (r, &e) in out.iter().enumerate() {
            if e <= 0.0 {
                state[r * cols + c] |= COVERED;
            }
        }
    }
    drop(dist);

    // 5. What is left, joined to an enclosed cell away from the walls.
    for k in 0..n {
        if state[k] & (SEED | COVERED | KEPT) == SEED {
            flood(&mut state, cols, [k], KEPT, COVERED);
        }
    }
    Ok(Interior::cropped(&grid, |k| state[k] & KEPT != 0))
}

/// The cell budget's working grid for walls within `bbox` (footprints included): padded by
/// the barrier radius and two cells, so the border is outside, coarsened to fit the budget.
fn wall_grid(bbox: BBox, settings: &InteriorSettings) -> Result<GridSpec, InteriorError> {
    let gap = settings.max_gap_m;
    GridSpec::over(
        bbox,
        |cell| Radii::new(gap, cell).barrier_m + 2.0 * cell,
        settings.cell_m,
        settings.max_cells,
    )
}

/// Cell flags of the working grid.
const BARRIER: u8 = 1;
const OUTSIDE: u8 = 2;
const SEED: u8 = 4;
const COVERED: u8 = 8;
const KEPT: u8 = 16;

/// Douglas–Peucker tolerance of [`Interior::outline`], in cells.
const OUTLINE_TOLERANCE_CELLS: f64 = 0.75;

/// The radii of the method for a gap and a cell, metres.
struct Radii {
    /// Cells whose centre is this close to a footprint are barrier.
    barrier_m: f64,
    /// How far from a footprint distances are known; the outside's discs are at most this.
    reach_m: f64,
}

impl Radii {
    fn new(max_gap_m: f64, cell_m: f64) -> Self {
        let barrier_m = max_gap_m / 2.0 + cell_m * FRAC_1_SQRT_2;
        Self {
            barrier_m,
            reach_m: barrier_m + 2.0 * cell_m,
        }
    }
}

/// A grid of square cells: origin (the lower-left corner of cell (0, 0)), side, size.
#[derive(Debug, Clone, Copy, PartialEq)]
struct GridSpec {
    origin: Point,
    cell_m: f64,
    cols: usize,
    rows: usize,
}

impl GridSpec {
    /// A grid over `bbox` padded by `pad(cell)` on every side, of cells of `cell_m` grown
    /// until it has at most `max_cells` cells.
    fn over(
        bbox: BBox,
        pad: impl Fn(f64) -> f64,
        cell_m: f64,
        max_cells: usize,
    ) -> Result<GridSpec, InteriorError> {
        let extent_m = (bbox.width(), bbox.height());
        let too_far = InteriorError::Extent { extent_m };
        if !(extent_m.0.is_finite() && extent_m.1.is_finite()) {
            return Err(too_far);
        }
        let mut cell = cell_m;
        // The padding grows with the cell, so the size is checked again after each step; a
        // few steps suffice (the padding is a few cells), 64 is a bound, not an expectation.
        for _ in 0..64 {
            let p = pad(cell);
            let cols = ((extent_m.0 + 2.0 * p) / cell).ceil().max(1.0);
            let rows = ((extent_m.1 + 2.0 * p) / cell).ceil().max(1.0);
            let cells = cols * rows;
            if !cells.is_finite() || !cell.is_finite() {
                return Err(too_far);
            }
            if cells <= max_cells as f64 {
                return Ok(GridSpec {
                    origin: Point::new(bbox.min.x - p, bbox.min.y - p),
                    cell_m: cell,
                    cols: cols as usize,
                    rows: rows as usize,
                });
            }
            cell *= (cells / max_cells as f64).sqrt().max(1.01);
        }
        Err(too_far)
    }

    fn centre_y(&self, r: usize) -> f64 {
        self.origin.y + (r as f64 + 0.5) * self.cell_m
    }

    /// The first row whose centre is at or above `y`, clamped to `0..=rows`.
    fn row_at_or_above(&self, y: f64) -> usize {
        let r = ((y - self.origin.y) / self.cell_m - 0.5).ceil();
        r.clamp(0.0, self.rows as f64) as usize
    }

    /// The first column whose centre is at or right of `x`, clamped to `0..=cols`.
    fn col_at_or_right(&self, x: f64) -> usize {
        let c = ((x - self.origin.x) / self.cell_m - 0.5).ceil();
        c.clamp(0.0, self.cols as f64) as usize
    }
}

/// A wall's footprint: the rectangle of its centreline segment, its thickness and square
/// ends (half a thickness beyond each end, so that walls meeting at a right angle fill the
/// corner).
#[derive(Debug, Clone, Copy)]
struct Footprint {
    segment: Segment,
    centre: Point,
    /// Unit vector along the segment.
    along: (f64, f64),
    half_length: f64,
    half_width: f64,
}

impl Footprint {
    fn new(segment: Segment, thickness_m: f64) -> Option<Self> {
        let length = segment.length();
        if !(segment.a.is_finite() && segment.b.is_finite() && length > 0.0 && length.is_finite()) {
            return None;
        }
        let half_width = if thickness_m.is_finite() && thickness_m > 0.0 {
            thickness_m / 2.0
        } else {
            0.0
        };
        let along = (
            (segment.b.x - segment.a.x) / length,
            (segment.b.y - segment.a.y) / length,
        );
        Some(Self {
            segment,
            centre: segment.a.lerp(segment.b, 0.5),
            along,
            half_length: length / 2.0 + half_width,
            half_width,
        })
    }

    fn bbox(&self) -> BBox {
        let e = self.half_width * SQRT_2;
        let b = self.segment.bbox();
        BBox {
            min: Point::new(b.min.x - e, b.min.y - e),
            max: Point::new(b.max.x + e, b.max.y + e),
        }
    }

    /// Signed distance from `p` to the rectangle: negative inside.
    fn signed_distance(&self, p: Point) -> f64 {
        let (dx, dy) = (p.x - self.centre.x, p.y - self.centre.y);
        let u = (dx * self.along.0 + dy * self.along.1).abs() - self.half_length;
        let v = (dx * self.along.1 - dy * self.along.0).abs() - self.half_width;
        u.max(0.0).hypot(v.max(0.0)) + u.max(v).min(0.0)
    }

    /// Lowers `dist` (in cells) to this footprint's distance on every cell whose centre lies
    /// within `reach_m` of the centreline (which holds every point within `reach_m` less a
    /// half width times √2 of the footprint).
    fn rasterise(&self, grid: &GridSpec, reach_m: f64, dist: &mut [f32]) {
        let (a, b) = (self.segment.a, self.segment.b);
        let r0 = grid.row_at_or_above(a.y.min(b.y) - reach_m);
        let r1 = grid.row_at_or_above(a.y.max(b.y) + reach_m);
        for r in r0..r1 {
            let y = grid.centre_y(r);
            // The part of the centreline within reach of the row, in x, widened by the reach.
            let (t0, t1) = if a.y == b.y {
                (0.0, 1.0)
            } else {
                let ta = (y - reach_m - a.y) / (b.y - a.y);
                let tb = (y + reach_m - a.y) / (b.y - a.y);
                (ta.min(tb).max(0.0), ta.max(tb).min(1.0))
            };
            if t0 > t1 {
                continue;
            }
            let (xa, xb) = (a.x + t0 * (b.x - a.x), a.x + t1 * (b.x - a.x));
            let c0 = grid.col_at_or_right(xa.min(xb) - reach_m);
            let c1 = grid.col_at_or_right(xa.max(xb) + reach_m);
            for c in c0..c1 {
                let p = Point::new(grid.origin.x + (c as f64 + 0.5) * grid.cell_m, y);
                let d = (self.signed_distance(p) / grid.cell_m) as f32;
                let cell = &mut dist[r * grid.cols + c];
                if d < *cell {
                    *cell = d;
                }
            }
        }
    }
}

/// Floods 4-connected cells from `starts`, marking them with `mark`, through cells having
/// neither `mark` nor `blocked`. A span fill: a row's run at a time, one pending seed per run
/// of the rows beside it, so the stack stays small (of the order of the rows) on a plan.
fn flood(
    state: &mut [u8],
    cols: usize,
    starts: impl IntoIterator<Item = usize>,
    mark: u8,
    blocked: u8,
) {
    let stop = mark | blocked;
    let mut stack = Vec::new();
    for start in starts {
        stack.push(start);
        while let Some(k) = stack.pop() {
            if state[k] & stop != 0 {
                continue;
            }
            let row = k - k % cols;
            let (mut lo, mut hi) = (k, k);
            while lo > row && state[lo - 1] & stop == 0 {
                lo -= 1;
            }
            while hi + 1 < row + cols && state[hi + 1] & stop == 0 {
                hi += 1;
            }
            for s in &mut state[lo..=hi] {
                *s |= mark;
            }
            let below = (row >= cols).then(|| lo - cols);
            let above = (row + cols < state.len()).then_some(lo + cols);
            for first in [below, above].into_iter().flatten() {
                let mut in_run = false;
                for (j, s) in state[first..=first + (hi - lo)].iter().enumerate() {
                    let open = s & stop == 0;
                    if open && !in_run {
                        stack.push(first + j);
                    }
                    in_run = open;
                }
            }
        }
    }
}

/// The lower envelope of parabolas (Felzenszwalb and Huttenlocher, "Distance transforms of
/// sampled functions", 2012): `out[p] = min over q of (p - q)² + f[q]` over the `q` with a
/// finite `f[q]`, +∞ where there is none. O(n); the buffers are kept between calls.
#[derive(Debug, Default)]
struct Envelope {
    /// The parabolas of the envelope, left to right.
    v: Vec<usize>,
    /// Where each starts to be the lowest.
    z: Vec<f64>,
}

impl Envelope {
    fn lower(&mut self, f: &[f64], out: &mut Vec<f64>) {
        let (v, z) = (&mut self.v, &mut self.z);
        v.clear();
        z.clear();
        for (q, &fq) in f.iter().enumerate() {
            if !fq.is_finite() {
                continue;
            }
            let qf = q as f64;
            let mut s = f64::NEG_INFINITY;
            while let (Some(&k), Some(&zk)) = (v.last(), z.last()) {
                let kf = k as f64;
                s = ((fq + qf * qf) - (f[k] + kf * kf)) / (2.0 * (qf - kf));
                if s <= zk {
                    v.pop();
                    z.pop();
                    s = f64::NEG_INFINITY;
                } else {
                    break;
                }
            }
            v.push(q);
            z.push(s);
        }
        out.clear();
        if v.is_empty() {
            out.resize(f.len(), f64::INFINITY);
            return;
        }
        let mut j = 0;
        for p in 0..f.len() {
            let pf = p as f64;
            while j + 1 < v.len() && z[j + 1] < pf {
                j += 1;
            }
            let d = pf - v[j] as f64;
            out.push(d * d + f[v[j]]);
        }
    }
}

/// One boundary ring of a mask, on the grid's corners, the inside on its left.
#[derive(Debug)]
struct Ring {
    /// The corners where it turns, in order.
    corners: Vec<(i64, i64)>,
    /// Twice its signed area, in cells: positive for an outer ring, negative for a hole.
    area2: i64,
    /// The centre of a cell just outside it (on its right), in cell units.
    probe: (f64, f64),
}

impl Ring {
    /// Even-odd containment of a point that is not on a grid line.
    fn contains(&self, (px, py): (f64, f64)) -> bool {
        let mut inside = false;
        let n = self.corners.len();
        for i in 0..n {
            let (a, b) = (self.corners[i], self.corners[(i + 1) % n]);
            let (ay, by) = (a.1 as f64, b.1 as f64);
            if (ay > py) != (by > py) {
                let x = a.0 as f64 + (py - ay) / (by - ay) * (b.0 - a.0) as f64;
                if px < x {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// The ring through the midpoints of its unit edges (marching squares on a mask): one
    /// point half a cell after each corner and one half a cell before the next.
    fn smoothed(&self) -> Vec<(f64, f64)> {
        let n = self.corners.len();
        let mut out = Vec::with_capacity(2 * n);
        for i in 0..n {
            let (a, b) = (self.corners[i], self.corners[(i + 1) % n]);
            let (dx, dy) = ((b.0 - a.0).signum() as f64, (b.1 - a.1).signum() as f64);
            let len = ((b.0 - a.0).abs() + (b.1 - a.1).abs()) as f64;
            let (ax, ay) = (a.0 as f64, a.1 as f64);
            out.push((ax + 0.5 * dx, ay + 0.5 * dy));
            if len > 1.0 {
                out.push((ax + (len - 0.5) * dx, ay + (len - 0.5) * dy));
            }
        }
        out
    }
}

/// Directions of boundary edges: east, north, west, south (anticlockwise).
const STEPS: [(i64, i64); 4] = [(1, 0), (0, 1), (-1, 0), (0, -1)];

/// Every boundary ring of a `cols` × `rows` mask (cells beyond it are outside), traced along
/// cell edges with the inside on the left; at a corner where two inside cells touch only
/// diagonally, the ring turns left, so they are separate pieces. O(cells).
fn trace_rings(inside: &[bool], cols: usize, rows: usize) -> Vec<Ring> {
    let vcols = cols + 1;
    let at = |c: i64, r: i64| {
        c >= 0
            && r >= 0
            && (c as usize) < cols
            && (r as usize) < rows
            && inside[r as usize * cols + c as usize]
    };
    // Outgoing boundary edges at each grid corner, one bit per direction.
    let mut out = vec![0u8; vcols * (rows + 1)];
    for r in 0..rows as i64 {
        for c in 0..cols as i64 {
            if !at(c, r) {
                continue;
            }
            let v = |x: i64, y: i64| y as usize * vcols + x as usize;
            if !at(c, r - 1) {
                out[v(c, r)] |= 1; // bottom edge, eastwards
            }
            if !at(c + 1, r) {
                out[v(c + 1, r)] |= 2; // right edge, northwards
            }
            if !at(c, r + 1) {
                out[v(c + 1, r + 1)] |= 4; // top edge, westwards
            }
            if !at(c - 1, r) {
                out[v(c, r + 1)] |= 8; // left edge, southwards
            }
        }
    }
    let mut rings = Vec::new();
    let mut dirs: Vec<usize> = Vec::new();
    let mut starts: Vec<(i64, i64)> = Vec::new();
    for v0 in 0..out.len() {
        while out[v0] != 0 {
            let d0 = out[v0].trailing_zeros() as usize;
            let (mut v, mut d) = (v0, d0);
            dirs.clear();
            starts.clear();
            loop {
                out[v] &= !(1 << d);
                let (x, y) = ((v % vcols) as i64, (v / vcols) as i64);
                dirs.push(d);
                starts.push((x, y));
                let (nx, ny) = (x + STEPS[d].0, y + STEPS[d].1);
                v = ny as usize * vcols + nx as usize;
                let bits = out[v] | if v == v0 { 1 << d0 } else { 0 };
                let Some(next) = [(d + 1) % 4, d, (d + 3) % 4]
                    .into_iter()
                    .find(|&t| bits & (1 << t) != 0)
                else {
                    break; // unreachable for a consistent mask; ends the ring anyway
                };
                if v == v0 && next == d0 {
                    break;
                }
                d = next;
            }
            let n = dirs.len();
            let corners: Vec<(i64, i64)> = (0..n)
                .filter(|&k| dirs[k] != dirs[(k + n - 1) % n])
                .map(|k| starts[k])
                .collect();
            let m = corners.len();
            let area2 = (0..m)
                .map(|i| {
                    let (a, b) = (corners[i], corners[(i + 1) % m]);
                    a.0 * b.1 - b.0 * a.1
                })
                .sum();
            let (sx, sy) = starts[0];
            let (dx, dy) = STEPS[dirs[0]];
            let (rx, ry) = STEPS[(dirs[0] + 3) % 4];
            let probe = (
                sx as f64 + 0.5 * dx as f64 + 0.5 * rx as f64,
                sy as f64 + 0.5 * dy as f64 + 0.5 * ry as f64,
            );
            rings.push(Ring {
                corners,
                area2,
                probe,
            });
        }
    }
    rings
}

/// Douglas–Peucker on a closed ring: the vertices that keep it within `tolerance` of the
/// original, starting from its first vertex and the vertex farthest from it.
fn simplify_ring(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    let n = points.len();
    if n < 4 {
        return points.to_vec();
    }
    let at = |i: usize| points[i % n];
    let d2 = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0).powi(2) + (p.1 - q.1).powi(2);
    let far = (1..n)
        .max_by(|&i, &j| {
            d2(at(0), at(i))
                .total_cmp(&d2(at(0), at(j)))
                .then(j.cmp(&i))
        })
        .unwrap_or(0);
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[far] = true;
    let mut stack = vec![(0, far), (far, n)];
    while let Some((i, j)) = stack.pop() {
        if j <= i + 1 {
            continue;
        }
        let seg = Segment::new(point(at(i)), point(at(j)));
        let (k, dmax) = (i + 1..j)
            .map(|k| (k, seg.distance_to(point(at(k)))))
            .fold((i, -1.0), |best, x| if x.1 > best.1 { x } else { best });
        if dmax > tolerance {
            keep[k] = true;
            stack.push((i, k));
            stack.push((k, j));
        }
    }
    (0..n).filter(|&i| keep[i]).map(|i| points[i]).collect()
}

fn point((x, y): (f64, f64)) -> Point {
    Point::new(x, y)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::openings::OpeningKind;
    use crate::props::Props;
    use crate::rooms::Room;
    use crate::walls::Wall;
    use crate::{Shape, geometry::ring_area};

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    /// How doors are drawn in a test plan.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Doors {
        /// A gap in the wall, no opening (a plan of walls only).
        Absent,
        /// A gap in the wall with a door across it (what tailplan's own samples draw).
        InGaps,
        /// A continuous wall with a door drawn over it.
        OverWalls,
    }

    /// Walls (centreline, thickness) and door lines, before being placed on a floor.
    #[derive(Debug, Default)]
    struct Plan {
        walls: Vec<(Point, Point, f64)>,
        doors: Vec<(Point, Point)>,
    }

    impl Plan {
        /// A straight wall from `a` to `b` with door gaps at distances `gaps` from `a`.
        fn run(&mut self, a: Point, b: Point, t: f64, gaps: &[(f64, f64)], doors: Doors) {
            let len = a.distance(b);
            let at = |s: f64| a.lerp(b, s / len);
            for &(g0, g1) in gaps {
                if doors != Doors::Absent {
                    self.doors.push((at(g0), at(g1)));
                }
            }
            if doors == Doors::OverWalls {
                self.walls.push((a, b, t));
                return;
            }
            let mut from = 0.0;
            for &(g0, g1) in gaps {
                self.walls.push((at(from), at(g0), t));
                from = g1;
            }
            self.walls.push((at(from), b, t));
        }

        /// The walls and doors placed on a floor through `place`.
        fn floor(&self, place: impl Fn(Point) -> Point) -> Floor {
            let mut floor = Floor::new("1", "Level 1", 0.0);
            for (i, &(a, b, t)) in self.walls.iter().enumerate() {
                floor.walls.push(Wall {
                    id: format!("w{i}"),
                    shape: Shape::Line(vec![place(a), place(b)]),
                    material: None,
                    loss_db: None,
                    thickness_m: t,
                    props: Props::new(),
                });
            }
            for (i, &(a, b)) in self.doors.iter().enumerate() {
                floor.openings.push(Opening {
                    id: format!("d{i}"),
                    kind: OpeningKind::Door,
                    points: vec![place(a), place(b)],
                    material: "wood".into(),
                    open: false,
                    props: Props::new(),
                });
            }
            floor
        }
    }

    /// Outer wall thickness of the office.
    const OUTER_T: f64 = 0.3;

    /// A 40 × 20 m office (centrelines): outer walls 0.3 m thick with four 1 m doorways (south
    /// x 4–5, north x 30–31, west and east y 9–10 at the corridor's ends); a corridor from y 8
    /// to 11 between 0.1 m partitions with 1 m doors; four rooms south, three north.
    fn office(doors: Doors) -> Plan {
        let mut plan = Plan::default();
        plan.run(p(0.0, 0.0), p(40.0, 0.0), OUTER_T, &[(4.0, 5.0)], doors);
        plan.run(p(0.0, 20.0), p(40.0, 20.0), OUTER_T, &[(30.0, 31.0)], doors);
        plan.run(p(0.0, 0.0), p(0.0, 20.0), OUTER_T, &[(9.0, 10.0)], doors);
        plan.run(p(40.0, 0.0), p(40.0, 20.0), OUTER_T, &[(9.0, 10.0)], doors);
        let south = [(5.0, 6.0), (15.0, 16.0), (25.0, 26.0), (35.0, 36.0)];
        plan.run(p(0.0, 8.0), p(40.0, 8.0), 0.1, &south, doors);
        let north = [(6.0, 7.0), (20.0, 21.0), (33.0, 34.0)];
        plan.run(p(0.0, 11.0), p(40.0, 11.0), 0.1, &north, doors);
        for x in [10.0, 20.0, 30.0] {
            plan.run(p(x, 0.0), p(x, 8.0), 0.1, &[], doors);
        }
        for x in [13.0, 27.0] {
            plan.run(p(x, 11.0), p(x, 20.0), 0.1, &[], doors);
        }
        plan
    }

    /// Points in every room and along the corridor, and in the outer doorways.
    const OFFICE_INSIDE: [(f64, f64); 14] = [
        (5.0, 4.0),
        (15.0, 4.0),
        (25.0, 4.0),
        (35.0, 4.0),
        (6.0, 15.5),
        (20.0, 15.5),
        (33.0, 15.5),
        (2.0, 9.5),
        (20.0, 9.5),
        (38.0, 9.5),
        (4.5, 0.0),
        (30.5, 20.0),
        (0.0, 9.5),
        (40.0, 9.5),
    ];

    /// Points 2 m outside the office, four of them in front of its doorways.
    const OFFICE_OUTSIDE: [(f64, f64); 8] = [
        (-2.0, 5.0),
        (42.0, 15.0),
        (20.0, -2.0),
        (20.0, 22.0),
        (4.5, -2.0),
        (30.5, 22.0),
        (-2.0, 9.5),
        (42.0, 9.5),
    ];

    /// The area inside the office's outer faces, m².
    const OFFICE_AREA_M2: f64 = (40.0 + OUTER_T) * (20.0 + OUTER_T);

    /// The area tolerance for a building of this perimeter: centre sampling puts the outline
    /// at most half a cell from the outer faces, plus 1 m² for the dips at closed doorways.
    fn area_tolerance(perimeter_m: f64, cell_m: f64) -> f64 {
        perimeter_m * cell_m / 2.0 + 1.0
    }

    fn interior(floor: &Floor) -> Interior {
        building_interior(floor, &InteriorSettings::default())
            .expect("default settings are valid")
            .expect("the walls enclose something")
    }

    #[test]
    fn office_rooms_and_corridor_are_inside_and_the_street_is_not() {
        let inner = interior(&office(Doors::Absent).floor(|q| q));
        assert_eq!(inner.cell_m(), 0.2);
        for (x, y) in OFFICE_INSIDE {
            assert!(inner.contains(p(x, y)), "({x}, {y}) should be inside");
        }
        for (x, y) in OFFICE_OUTSIDE {
            assert!(!inner.contains(p(x, y)), "({x}, {y}) should be outside");
        }
        // The walls' footprint is inside: the middle of the outer walls and their outer faces'
        // inner side.
        assert!(inner.contains(p(20.0, 0.0)));
        assert!(inner.contains(p(20.0, -0.1)));
        assert!(!inner.contains(p(20.0, -0.3)));
        // Centre sampling: within half a cell (0.1 m) along the 121.2 m perimeter, 13.1 m².
        let tolerance = area_tolerance(2.0 * (40.3 + 20.3), 0.2);
        let area = inner.area_m2();
        assert!(
            (area - OFFICE_AREA_M2).abs() <= tolerance,
            "area {area} m², expected {OFFICE_AREA_M2} ± {tolerance}"
        );
        assert!((area - 800.0).abs() / 800.0 < 0.04);
        let b = inner.bbox();
        assert!((b.min.x + 0.15).abs() <= 0.2 && (b.max.x - 40.15).abs() <= 0.2);
        assert!((b.min.y + 0.15).abs() <= 0.2 && (b.max.y - 20.15).abs() <= 0.2);
        // Nothing outside the outer faces' rectangle grown by a cell.
        for c in inner.cell_centres() {
            assert!(
                c.x > -0.35 && c.x < 40.35 && c.y > -0.35 && c.y < 20.35,
                "{c:?}"
            );
        }
    }

    #[test]
    fn doors_in_gaps_or_over_continuous_walls_give_the_same_building() {
        let gaps = interior(&office(Doors::Absent).floor(|q| q));
        for doors in [Doors::InGaps, Doors::OverWalls] {
            let inner = interior(&office(doors).floor(|q| q));
            for (x, y) in OFFICE_INSIDE {
                assert!(
                    inner.contains(p(x, y)),
                    "{doors:?}: ({x}, {y}) should be inside"
                );
            }
            for (x, y) in OFFICE_OUTSIDE {
                assert!(
                    !inner.contains(p(x, y)),
                    "{doors:?}: ({x}, {y}) should be outside"
                );
            }
            // The door lines fill the doorways' dips: a little more area, never less.
            let (a, g) = (inner.area_m2(), gaps.area_m2());
            assert!(
                a >= g && a - g < 1.0,
                "{doors:?}: {a} m² against {g} m² with gaps"
            );
            assert!((a - OFFICE_AREA_M2).abs() <= area_tolerance(121.2, 0.2));
        }
    }

    /// Turns by `deg` about `pivot`.
    fn rotation(deg: f64, pivot: Point) -> impl Fn(Point) -> Point + Copy {
        let (sin, cos) = deg.to_radians().sin_cos();
        move |q: Point| {
            let (dx, dy) = (q.x - pivot.x, q.y - pivot.y);
            p(pivot.x + dx * cos - dy * sin, pivot.y + dx * sin + dy * cos)
        }
    }

    #[test]
    fn a_rotated_roomless_office_is_found_where_it_is() {
        let pivot = p(-850.0, 1230.0);
        let turn = rotation(33.0, pivot);
        let back = rotation(-33.0, pivot);
        let inner = interior(&office(Doors::Absent).floor(turn));
        let cell = inner.cell_m();
        let area = inner.area_m2();
        let tolerance = area_tolerance(121.2, cell);
        assert!(
            (area - OFFICE_AREA_M2).abs() <= tolerance,
            "area {area} m², expected {OFFICE_AREA_M2} ± {tolerance}"
        );
        for (x, y) in OFFICE_INSIDE {
            assert!(inner.contains(turn(p(x, y))), "({x}, {y}) should be inside");
        }
        for (x, y) in OFFICE_OUTSIDE {
            assert!(
                !inner.contains(turn(p(x, y))),
                "({x}, {y}) should be outside"
            );
        }
        // A lattice over the bounding box: whatever is inside lies in the true rectangle (the
        // outer faces) grown by one cell; whatever lies half a metre within the outer walls'
        // inner faces is inside.
        let b = inner.bbox();
        let (h, step) = (OUTER_T / 2.0, 0.173);
        let (mut inside, mut checked) = (0, 0);
        let mut y = b.min.y - 1.0;
        while y < b.max.y + 1.0 {
            let mut x = b.min.x - 1.0;
            while x < b.max.x + 1.0 {
                let q = back(p(x, y));
                let grown = q.x > -h - cell && q.x < 40.0 + h + cell;
                let grown = grown && q.y > -h - cell && q.y < 20.0 + h + cell;
                let deep = q.x > h + 0.5 && q.x < 40.0 - h - 0.5;
                let deep = deep && q.y > h + 0.5 && q.y < 20.0 - h - 0.5;
                let is_in = inner.contains(p(x, y));
                assert!(!is_in || grown, "({x}, {y}) = {q:?} in the office's frame");
                assert!(is_in || !deep, "({x}, {y}) = {q:?} in the office's frame");
                inside += usize::from(is_in);
                checked += 1;
                x += step;
            }
            y += step;
        }
        assert!(inside > 20_000 && checked > inside, "{inside} of {checked}");
    }

    #[test]
    fn a_gap_wider_than_the_largest_lets_the_outside_into_the_room_behind_it() {
        // A 3 m piece missing from the south wall of the room from x 10 to 20.
        let mut plan = office(Doors::Absent);
        plan.walls
            .retain(|&(a, b, _)| !(a == p(5.0, 0.0) && b == p(40.0, 0.0)));
        plan.run(
            p(5.0, 0.0),
            p(40.0, 0.0),
            OUTER_T,
            &[(9.0, 12.0)],
            Doors::Absent,
        );
        let inner = interior(&plan.floor(|q| q));
        // The room is outside, up to its walls...
        for q in [p(15.5, 4.0), p(12.0, 2.0), p(18.0, 7.0), p(15.5, 0.0)] {
            assert!(!inner.contains(q), "{q:?} should be outside");
        }
        // ... but its 1 m door to the corridor is closed, and the rest is inside.
        for (x, y) in OFFICE_INSIDE
            .iter()
            .filter(|&&(x, y)| !(x > 10.0 && x < 20.0 && y < 8.0))
        {
            assert!(inner.contains(p(*x, *y)), "({x}, {y}) should be inside");
        }
        let room = 9.8 * 7.8;
        let area = inner.area_m2();
        assert!(
            (area - (OFFICE_AREA_M2 - room)).abs() < area_tolerance(121.2 + 2.0 * 7.8, 0.2),
            "{area} m²"
        );
        // A door drawn across the 3 m gap closes it whatever its width.
        plan.doors.push((p(14.0, 0.0), p(17.0, 0.0)));
        let closed = interior(&plan.floor(|q| q));
        assert!(closed.contains(p(15.5, 4.0)) && closed.contains(p(15.5, 0.0)));
        assert!((closed.area_m2() - OFFICE_AREA_M2).abs() <= area_tolerance(121.2, 0.2));
        // With a largest gap of 4 m, the gap closes without the door.
        plan.doors.pop();
        let wide = InteriorSettings {
            max_gap_m: 4.0,
            ..InteriorSettings::default()
        };
        let closed = building_interior(&plan.floor(|q| q), &wide)
            .unwrap()
            .unwrap();
        assert!(closed.contains(p(15.5, 4.0)));
    }

    #[test]
    fn gaps_close_alike_at_every_angle() {
        // A 10 × 10 m room of 0.2 m walls with one gap in its south wall, turned by every
        // angle: a gap of `max_gap_m` between footprints always closes, and one wider than
        // `max_gap_m` plus 2.83 cells never does (the barrier's half diagonal on each side,
        // and a strip of √2 cells that always holds a 4-connected line of cell centres).
        let settings = InteriorSettings::default();
        let t = 0.2;
        let room = |gap_m: f64, deg: f64| {
            let mut plan = Plan::default();
            // Between footprints, the gap is the centrelines' gap less a thickness.
            let (g0, g1) = (4.0, 4.0 + gap_m + t);
            plan.run(p(0.0, 0.0), p(10.0, 0.0), t, &[(g0, g1)], Doors::Absent);
            plan.run(p(10.0, 0.0), p(10.0, 10.0), t, &[], Doors::Absent);
            plan.run(p(10.0, 10.0), p(0.0, 10.0), t, &[], Doors::Absent);
            plan.run(p(0.0, 10.0), p(0.0, 0.0), t, &[], Doors::Absent);
            let turn = rotation(deg, p(5.0, 5.0));
            building_interior(&plan.floor(turn), &settings).unwrap()
        };
        let open = settings.max_gap_m + 2.0 * SQRT_2 * settings.cell_m + 0.02;
        for k in 0..24 {
            let deg = 3.75 * f64::from(k) + 0.3;
            let closed = room(settings.max_gap_m, deg);
            assert!(closed.is_some_and(|i| i.contains(p(5.0, 5.0))), "{deg}°");
            assert!(room(open, deg).is_none(), "{deg}°");
        }
        // A gap at a corner, diagonal: the south wall stops 1 m short of the east one, which
        // starts 1 m up; 1.13 m between the footprints' corners.
        for k in 0..12 {
            let deg = 7.5 * f64::from(k) + 0.1;
            let mut plan = Plan::default();
            plan.run(p(0.0, 0.0), p(9.0, 0.0), t, &[], Doors::Absent);
            plan.run(p(10.0, 1.0), p(10.0, 10.0), t, &[], Doors::Absent);
            plan.run(p(10.0, 10.0), p(0.0, 10.0), t, &[], Doors::Absent);
            plan.run(p(0.0, 10.0), p(0.0, 0.0), t, &[], Doors::Absent);
            let turn = rotation(deg, p(5.0, 5.0));
            let inner = building_interior(&plan.floor(turn), &settings).unwrap();
            assert!(inner.is_some_and(|i| i.contains(p(5.0, 5.0))), "{deg}°");
        }
    }

    /// A closed outline of walls through `corners`, as one polygon wall.
    fn outline_wall(corners: &[(f64, f64)], t: f64) -> Wall {
        Wall {
            id: "outline".into(),
            shape: Shape::Polygon(Polygon::new(
                corners.iter().map(|&(x, y)| p(x, y)).collect(),
            )),
            material: None,
            loss_db: None,
            thickness_m: t,
            props: Props::new(),
        }
    }

    #[test]
    fn an_l_shaped_building_leaves_its_notch_outside() {
        let mut plan = Plan::default();
        let l = [
            (0.0, 0.0),
            (30.0, 0.0),
            (30.0, 10.0),
            (10.0, 10.0),
            (10.0, 25.0),
            (0.0, 25.0),
        ];
        for i in 0..l.len() {
            let (a, b) = (l[i], l[(i + 1) % l.len()]);
            let gaps: &[(f64, f64)] = if i == 0 { &[(20.0, 21.1)] } else { &[] };
            plan.run(p(a.0, a.1), p(b.0, b.1), 0.25, gaps, Doors::Absent);
        }
        let inner = interior(&plan.floor(|q| q));
        for q in [
            p(5.0, 5.0),
            p(25.0, 5.0),
            p(5.0, 20.0),
            p(9.5, 9.5),
            p(20.5, 0.0),
        ] {
            assert!(inner.contains(q), "{q:?} should be inside");
        }
        for q in [p(20.0, 18.0), p(11.0, 11.0), p(29.0, 11.0), p(20.5, -1.0)] {
            assert!(!inner.contains(q), "{q:?} should be outside");
        }
        // 30 × 10 + 10 × 15 at the centrelines; the outer faces add half a thickness along the
        // 110 m perimeter, less a quarter thickness squared at the re-entrant corner.
        let expected = 450.0 + 0.125 * 110.0;
        let area = inner.area_m2();
        assert!(
            (area - expected).abs() <= area_tolerance(110.0, 0.2),
            "{area} m²"
        );
        // The same building as one closed polygon wall, no doorway.
        let mut floor = Floor::new("1", "1", 0.0);
        floor.walls.push(outline_wall(&l, 0.25));
        let polygon = interior(&floor);
        assert!((polygon.area_m2() - area).abs() < 1.0);
        assert!(!polygon.contains(p(20.0, 18.0)) && polygon.contains(p(5.0, 20.0)));
    }

    #[test]
    fn an_enclosed_courtyard_is_interior_and_an_open_one_is_not() {
        let mut plan = Plan::default();
        let square = |plan: &mut Plan, lo: f64, hi: f64, south_gap: &[(f64, f64)]| {
            plan.run(p(lo, lo), p(hi, lo), 0.3, south_gap, Doors::Absent);
            plan.run(p(hi, lo), p(hi, hi), 0.3, &[], Doors::Absent);
            plan.run(p(hi, hi), p(lo, hi), 0.3, &[], Doors::Absent);
            plan.run(p(lo, hi), p(lo, lo), 0.3, &[], Doors::Absent);
        };
        square(&mut plan, 0.0, 30.0, &[(3.0, 4.0)]);
        // The courtyard, with a 1 m door from the building.
        square(&mut plan, 10.0, 20.0, &[(4.0, 5.0)]);
        let inner = interior(&plan.floor(|q| q));
        assert!(inner.contains(p(15.0, 15.0)) && inner.contains(p(5.0, 5.0)));
        assert!((inner.area_m2() - 30.3 * 30.3).abs() <= area_tolerance(121.2, 0.2));
        let outline = inner.outline();
        assert_eq!(outline.len(), 1);
        assert!(outline[0].holes.is_empty());

        // Open to the street through a 4 m passage from the courtyard's south wall to the
        // building's: a U, whose yard and passage are outside.
        let mut plan = Plan::default();
        plan.run(p(0.0, 0.0), p(13.0, 0.0), 0.3, &[], Doors::Absent);
        plan.run(p(17.0, 0.0), p(30.0, 0.0), 0.3, &[], Doors::Absent);
        plan.run(p(13.0, 0.0), p(13.0, 10.0), 0.3, &[], Doors::Absent);
        plan.run(p(17.0, 0.0), p(17.0, 10.0), 0.3, &[], Doors::Absent);
        plan.run(p(30.0, 0.0), p(30.0, 30.0), 0.3, &[], Doors::Absent);
        plan.run(p(30.0, 30.0), p(0.0, 30.0), 0.3, &[], Doors::Absent);
        plan.run(p(0.0, 30.0), p(0.0, 0.0), 0.3, &[], Doors::Absent);
        plan.run(p(10.0, 10.0), p(13.0, 10.0), 0.3, &[], Doors::Absent);
        plan.run(p(17.0, 10.0), p(20.0, 10.0), 0.3, &[], Doors::Absent);
        plan.run(p(20.0, 10.0), p(20.0, 20.0), 0.3, &[], Doors::Absent);
        plan.run(p(20.0, 20.0), p(10.0, 20.0), 0.3, &[], Doors::Absent);
        plan.run(p(10.0, 20.0), p(10.0, 10.0), 0.3, &[], Doors::Absent);
        let inner = interior(&plan.floor(|q| q));
        for q in [p(15.0, 15.0), p(15.0, 5.0), p(15.0, 0.0)] {
            assert!(!inner.contains(q), "{q:?} should be outside");
        }
        for q in [p(5.0, 5.0), p(25.0, 25.0), p(5.0, 25.0)] {
            assert!(inner.contains(q), "{q:?} should be inside");
        }
        let outline = inner.outline();
        assert_eq!(outline.len(), 1);
        assert!(outline[0].holes.is_empty());
    }

    #[test]
    fn no_walls_or_walls_enclosing_nothing_give_no_interior() {
        let settings = InteriorSettings::default();
        let mut floor = Floor::new("1", "1", 0.0);
        assert_eq!(building_interior(&floor, &settings), Ok(None));
        floor.rooms.push(Room {
            id: "r".into(),
            name: "R".into(),
            polygon: Polygon::rect(p(0.0, 0.0), p(5.0, 5.0)),
            category: None,
            people: None,
            props: Props::new(),
        });
        assert_eq!(building_interior(&floor, &settings), Ok(None));
        // A lone wall; two parallel walls; a door alone.
        let mut plan = Plan::default();
        plan.run(p(0.0, 0.0), p(20.0, 0.0), 0.3, &[], Doors::Absent);
        assert_eq!(building_interior(&plan.floor(|q| q), &settings), Ok(None));
        plan.run(p(0.0, 10.0), p(20.0, 10.0), 0.3, &[], Doors::Absent);
        assert_eq!(building_interior(&plan.floor(|q| q), &settings), Ok(None));
        let door = Plan {
            walls: Vec::new(),
            doors: vec![(p(0.0, 0.0), p(1.0, 0.0))],
        };
        assert_eq!(building_interior(&door.floor(|q| q), &settings), Ok(None));
        // A free-standing wall beside a building adds nothing.
        let mut plan = office(Doors::Absent);
        let alone = interior(&plan.floor(|q| q)).area_m2();
        plan.run(p(0.0, -10.0), p(40.0, -10.0), 0.3, &[], Doors::Absent);
        let inner = interior(&plan.floor(|q| q));
        assert_eq!(inner.area_m2(), alone);
        assert!(!inner.contains(p(20.0, -10.0)));
    }

    #[test]
    fn a_600_by_400_m_floor_is_coarsened_to_the_budget() {
        // A hospital-sized block: outer walls with doors, corridors every 20 m, walls every 10 m.
        let mut plan = Plan::default();
        let (w, h) = (600.0, 400.0);
        plan.run(
            p(0.0, 0.0),
            p(w, 0.0),
            0.4,
            &[(100.0, 101.2), (300.0, 301.2)],
            Doors::Absent,
        );
        plan.run(p(0.0, h), p(w, h), 0.4, &[(200.0, 201.2)], Doors::Absent);
        plan.run(p(0.0, 0.0), p(0.0, h), 0.4, &[(50.0, 51.2)], Doors::Absent);
        plan.run(p(w, 0.0), p(w, h), 0.4, &[(350.0, 351.0)], Doors::Absent);
        for k in 1..20 {
            let y = 20.0 * f64::from(k);
            plan.run(
                p(0.0, y),
                p(w, y),
                0.1,
                &[(5.0, 6.0), (300.0, 301.0)],
                Doors::Absent,
            );
        }
        for k in 1..60 {
            let x = 10.0 * f64::from(k);
            plan.run(
                p(x, 0.0),
                p(x, h),
                0.1,
                &[(10.0, 11.0), (210.0, 211.0)],
                Doors::Absent,
            );
        }
        let floor = plan.floor(|q| q);
        let settings = InteriorSettings::default();
        let inner = interior(&floor);
        let bbox = floor.plan_bbox().unwrap();
        let grid = wall_grid(
            BBox {
                min: p(bbox.min.x - 0.3, bbox.min.y - 0.3),
                max: p(bbox.max.x + 0.3, bbox.max.y + 0.3),
            },
            &settings,
        )
        .unwrap();
        assert!(grid.cols * grid.rows <= settings.max_cells);
        assert_eq!(inner.cell_m(), grid.cell_m);
        assert!(
            inner.cell_m() > 0.2 && inner.cell_m() < 0.26,
            "{}",
            inner.cell_m()
        );
        let expected = 600.4 * 400.4;
        let area = inner.area_m2();
        assert!(
            (area - expected).abs() <= area_tolerance(2001.6, inner.cell_m()),
            "{area} m²"
        );
        assert!(inner.contains(p(5.0, 5.0)) && inner.contains(p(595.0, 395.0)));
        assert!(!inner.contains(p(-2.0, 200.0)) && !inner.contains(p(300.0, 402.0)));
    }

    #[test]
    fn degenerate_walls_do_not_panic() {
        let settings = InteriorSettings::default();
        let mut plan = Plan::default();
        for t in [0.2, 0.0, -1.0, f64::NAN, f64::INFINITY] {
            plan.walls.push((p(3.0, 3.0), p(3.0, 3.0), t));
        }
        assert_eq!(building_interior(&plan.floor(|q| q), &settings), Ok(None));
        // Walls with NaN coordinates or thickness, and zero-length walls, beside a building.
        let mut plan = office(Doors::Absent);
        let good = interior(&plan.floor(|q| q)).area_m2();
        plan.walls.push((p(f64::NAN, 0.0), p(5.0, 5.0), 0.2));
        plan.walls.push((p(1.0, 1.0), p(1.0, f64::NAN), 0.2));
        plan.walls.push((p(5.0, 5.0), p(5.0, 5.0), 0.2));
        plan.walls.push((p(2.0, 2.0), p(3.0, 2.0), f64::NAN));
        plan.doors.push((p(f64::NAN, 1.0), p(2.0, f64::INFINITY)));
        let floor = plan.floor(|q| q);
        assert_eq!(interior(&floor).area_m2(), good);
        // A single wall, zero-thickness lines, a wall as a single point.
        let mut floor = Floor::new("1", "1", 0.0);
        floor.walls.push(outline_wall(&[(0.0, 0.0)], 0.2));
        floor.walls.push(outline_wall(&[], 0.2));
        assert_eq!(building_interior(&floor, &settings), Ok(None));
        floor.walls.push(outline_wall(
            &[(0.0, 0.0), (10.0, 0.0), (10.0, 8.0), (0.0, 8.0)],
            0.0,
        ));
        let lines = interior(&floor);
        assert!(lines.contains(p(5.0, 4.0)) && !lines.contains(p(5.0, 8.3)));
        assert!((lines.area_m2() - 80.0).abs() <= area_tolerance(36.0, 0.2));
        // Coordinates too far apart for any grid.
        let mut plan = Plan::default();
        plan.walls.push((p(-1e308, 0.0), p(1e308, 0.0), 0.2));
        plan.walls.push((p(0.0, 0.0), p(0.0, 1e308), 0.2));
        let err = building_interior(&plan.floor(|q| q), &settings).unwrap_err();
        assert!(matches!(err, InteriorError::Extent { .. }), "{err}");
        // Far apart but finite: a grid of huge cells, no interior worth the name, no panic.
        let mut plan = office(Doors::Absent);
        plan.walls.push((p(1e12, 1e12), p(1e12 + 1.0, 1e12), 0.2));
        let far = building_interior(&plan.floor(|q| q), &settings).unwrap();
        assert!(far.is_none_or(|i| i.cell_m() > 1e5));
    }

    #[test]
    fn bad_settings_are_refused() {
        let floor = office(Doors::Absent).floor(|q| q);
        let with = |f: &dyn Fn(&mut InteriorSettings)| {
            let mut s = InteriorSettings::default();
            f(&mut s);
            building_interior(&floor, &s).map(|_| ())
        };
        assert_eq!(with(&|s| s.cell_m = 0.0), Err(InteriorError::BadCell(0.0)));
        assert!(matches!(
            with(&|s| s.cell_m = f64::NAN),
            Err(InteriorError::BadCell(_))
        ));
        assert_eq!(
            with(&|s| s.max_gap_m = -1.0),
            Err(InteriorError::BadGap(-1.0))
        );
        assert!(matches!(
            with(&|s| s.max_gap_m = f64::INFINITY),
            Err(InteriorError::BadGap(_))
        ));
        assert_eq!(
            with(&|s| s.max_cells = 10),
            Err(InteriorError::BadBudget(10))
        );
        assert_eq!(
            InteriorError::BadCell(0.0).to_string(),
            "interior cell size 0 must be a positive number of metres"
        );
        // A gap of zero still finds a building drawn without gaps, and loses the one with.
        let mut s = InteriorSettings {
            max_gap_m: 0.0,
            ..InteriorSettings::default()
        };
        assert_eq!(building_interior(&floor, &s), Ok(None));
        let closed = office(Doors::OverWalls).floor(|q| q);
        assert!(
            building_interior(&closed, &s)
                .unwrap()
                .unwrap()
                .contains(p(20.0, 9.5))
        );
        // The smallest budget coarsens to cells of about a metre and still finds it.
        s.max_cells = MIN_INTERIOR_CELLS;
        let coarse = building_interior(&closed, &s).unwrap().unwrap();
        assert!(coarse.cell_m() > 1.0 && coarse.contains(p(20.0, 9.5)));
    }

    #[test]
    fn openings_take_the_thickness_of_their_wall() {
        let plan = office(Doors::InGaps);
        let floor = plan.floor(|q| q);
        let t = |i: usize| opening_thickness(&floor, &floor.openings[i]);
        // The first four doors are in the outer walls, the rest in partitions.
        assert_eq!([t(0), t(1), t(2), t(3)], [OUTER_T; 4]);
        assert_eq!(t(4), 0.1);
        let mut lone = floor.openings[0].clone();
        lone.points = vec![p(100.0, 100.0), p(101.0, 100.0)];
        assert_eq!(opening_thickness(&floor, &lone), 0.0);
        lone.points.clear();
        assert_eq!(opening_thickness(&floor, &lone), 0.0);
    }

    /// Sample points on a lattice over `inner`'s box, with whether the interior holds them,
    /// for those whose 3 × 3 neighbourhood of `margin` agrees (away from the boundary).
    fn clear_samples(inner: &Interior, step: f64, margin: f64) -> Vec<(Point, bool)> {
        let b = inner.bbox();
        let mut out = Vec::new();
        let mut y = b.min.y - 1.0;
        while y < b.max.y + 1.0 {
            let mut x = b.min.x - 1.0;
            while x < b.max.x + 1.0 {
                let q = p(x, y);
                let is_in = inner.contains(q);
                let around = [-margin, 0.0, margin]
                    .into_iter()
                    .flat_map(|dx| [-margin, 0.0, margin].map(move |dy| p(x + dx, y + dy)));
                if around.into_iter().all(|r| inner.contains(r) == is_in) {
                    out.push((q, is_in));
                }
                x += step;
            }
            y += step;
        }
        out
    }

    fn check_outline(inner: &Interior, perimeter_m: f64) -> Vec<Polygon> {
        let outline = inner.outline();
        let area: f64 = outline.iter().map(Polygon::area).sum();
        // Marching squares cut each convex corner by an eighth of a cell, and the
        // simplification moves lines by at most half a cell, about half of that on average.
        let tolerance = perimeter_m * inner.cell_m() / 4.0;
        assert!(
            (area - inner.area_m2()).abs() <= tolerance,
            "outline {area} m² against {} m² ± {tolerance}",
            inner.area_m2()
        );
        for polygon in &outline {
            assert!(ring_area(&polygon.exterior) > 0.0);
            assert!(polygon.holes.iter().all(|h| ring_area(h) < 0.0));
        }
        let samples = clear_samples(inner, 0.29, 1.5 * inner.cell_m());
        assert!(samples.len() > 1000);
        for (q, is_in) in samples {
            let in_outline = outline.iter().any(|o| o.contains(q));
            assert_eq!(in_outline, is_in, "{q:?}");
        }
        outline
    }

    #[test]
    fn the_outline_holds_the_interior() {
        let inner = interior(&office(Doors::Absent).floor(|q| q));
        let outline = check_outline(&inner, 121.2);
        assert_eq!(outline.len(), 1);
        // A rectangle with four doorway dips of under a cell: four corners, a few more at most.
        assert!(outline[0].exterior.len() <= 12, "{:?}", outline[0].exterior);

        let turn = rotation(33.0, p(-850.0, 1230.0));
        let inner = interior(&office(Doors::Absent).floor(turn));
        let outline = check_outline(&inner, 121.2);
        assert_eq!(outline.len(), 1);
        assert!(
            outline[0].exterior.len() <= 24,
            "{}",
            outline[0].exterior.len()
        );
    }

    #[test]
    fn drawn_polygons_stand_in_for_the_walls() {
        let settings = InteriorSettings::default();
        let turn = rotation(33.0, p(-850.0, 1230.0));
        let rect = Polygon::rect(p(0.0, 0.0), p(40.0, 20.0));
        let drawn = Polygon::new(rect.exterior.iter().map(|&q| turn(q)).collect());
        let inner = Interior::from_polygons(&[drawn], &settings)
            .unwrap()
            .unwrap();
        assert!((inner.area_m2() - 800.0).abs() <= area_tolerance(120.0, 0.2));
        assert!(inner.contains(turn(p(20.0, 10.0))) && !inner.contains(turn(p(20.0, 21.0))));
        let outline = check_outline(&inner, 120.0);
        assert_eq!(outline.len(), 1);

        // A ring with a courtyard cut out, a second building, a polygon with NaN left out.
        let mut ring = Polygon::rect(p(0.0, 0.0), p(30.0, 30.0));
        ring.holes
            .push(Polygon::rect(p(10.0, 10.0), p(20.0, 20.0)).exterior);
        let other = Polygon::rect(p(40.0, 0.0), p(50.0, 10.0));
        let broken = Polygon::new(vec![p(0.0, 0.0), p(f64::NAN, 1.0), p(1.0, 1.0)]);
        let inner = Interior::from_polygons(&[ring, other, broken], &settings)
            .unwrap()
            .unwrap();
        assert!((inner.area_m2() - 900.0).abs() <= area_tolerance(200.0, 0.2));
        assert!(!inner.contains(p(15.0, 15.0)) && inner.contains(p(5.0, 15.0)));
        assert!(inner.contains(p(45.0, 5.0)) && !inner.contains(p(35.0, 5.0)));
        let outline = check_outline(&inner, 200.0);
        assert_eq!(outline.len(), 2);
        let holes: usize = outline.iter().map(|o| o.holes.len()).sum();
        assert_eq!(holes, 1);

        assert_eq!(Interior::from_polygons(&[], &settings), Ok(None));
        let tiny = Polygon::rect(p(0.01, 0.01), p(0.02, 0.02));
        assert_eq!(Interior::from_polygons(&[tiny], &settings), Ok(None));
        assert!(!inner.contains(p(f64::NAN, 1.0)) && !inner.contains(p(1e300, 1.0)));
    }

    #[test]
    fn envelope_equals_brute_force() {
        let mut envelope = Envelope::default();
        let mut out = Vec::new();
        // A fixed pseudo-random sequence (a linear congruential generator).
        let mut seed: u64 = 12345;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / f64::from(1u32 << 31)
        };
        for n in [0, 1, 2, 7, 50] {
            for _ in 0..20 {
                let f: Vec<f64> = (0..n)
                    .map(|_| {
                        let u = next();
                        if u < 0.5 {
                            f64::INFINITY
                        } else {
                            -30.0 * next()
                        }
                    })
                    .collect();
                envelope.lower(&f, &mut out);
                for (p, &got) in out.iter().enumerate() {
                    let want = (0..n)
                        .filter(|&q| f[q].is_finite())
                        .map(|q| (p as f64 - q as f64).powi(2) + f[q])
                        .fold(f64::INFINITY, f64::min);
                    assert!(
                        got == want || (got - want).abs() < 1e-9,
                        "{f:?} at {p}: {got} {want}"
                    );
                }
            }
        }
    }

    #[test]
    fn span_flood_equals_a_plain_search() {
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / f64::from(1u32 << 31)
        };
        for (cols, rows) in [(1, 1), (1, 9), (9, 1), (13, 11), (40, 30)] {
            for density in [0.2, 0.4, 0.55] {
                let state: Vec<u8> = (0..cols * rows)
                    .map(|_| if next() < density { BARRIER } else { 0 })
                    .collect();
                let start = (next() * (cols * rows) as f64) as usize;
                let mut fast = state.clone();
                flood(&mut fast, cols, [start], OUTSIDE, BARRIER);
                // The oracle: a search over 4-neighbours, one cell at a time.
                let mut slow = state;
                let mut todo = vec![start];
                while let Some(k) = todo.pop() {
                    if slow[k] & (BARRIER | OUTSIDE) != 0 {
                        continue;
                    }
                    slow[k] |= OUTSIDE;
                    let (c, r) = (k % cols, k / cols);
                    if c > 0 {
                        todo.push(k - 1);
                    }
                    if c + 1 < cols {
                        todo.push(k + 1);
                    }
                    if r > 0 {
                        todo.push(k - cols);
                    }
                    if r + 1 < rows {
                        todo.push(k + cols);
                    }
                }
                assert_eq!(fast, slow, "{cols} × {rows} at {density}");
            }
        }
    }

    #[test]
    fn rings_of_a_mask() {
        // Two cells touching at a corner are two pieces; a ring of cells has a hole.
        let diagonal = [true, false, false, true];
        let rings = trace_rings(&diagonal, 2, 2);
        assert_eq!(rings.len(), 2);
        assert!(rings.iter().all(|r| r.area2 == 2 && r.corners.len() == 4));
        let mut ring = vec![true; 9];
        ring[4] = false;
        let rings = trace_rings(&ring, 3, 3);
        let mut areas: Vec<i64> = rings.iter().map(|r| r.area2).collect();
        areas.sort();
        assert_eq!(areas, [-2, 18]);
        let hole = rings.iter().find(|r| r.area2 < 0).unwrap();
        assert_eq!(hole.probe, (1.5, 1.5));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// A rectangle of walls anywhere, of any size and turn, with a doorway: its centre is
        /// inside, a point 3 m beyond its corners is not.
        #[test]
        fn a_rectangle_of_walls_holds_its_centre(
            w in 3.0f64..60.0,
            h in 3.0f64..60.0,
            cx in -3000.0f64..3000.0,
            cy in -3000.0f64..3000.0,
            deg in 0.0f64..360.0,
            t in 0.0f64..0.5,
            door in 0.0f64..1.0,
            out_deg in 0.0f64..360.0,
        ) {
            let mut plan = Plan::default();
            let (a, b, c, d) = (p(0.0, 0.0), p(w, 0.0), p(w, h), p(0.0, h));
            let at = door * (w - 1.0);
            plan.run(a, b, t, &[(at, at + 1.0)], Doors::Absent);
            plan.run(b, c, t, &[], Doors::Absent);
            plan.run(c, d, t, &[], Doors::Absent);
            plan.run(d, a, t, &[], Doors::Absent);
            let centre = p(w / 2.0, h / 2.0);
            let turn = rotation(deg, centre);
            let shift = |q: Point| {
                let r = turn(q);
                p(r.x + cx - centre.x, r.y + cy - centre.y)
            };
            let inner = interior(&plan.floor(shift));
            prop_assert!(inner.contains(p(cx, cy)));
            let far = (w * w + h * h).sqrt() / 2.0 + t + 3.0;
            let (s, co) = out_deg.to_radians().sin_cos();
            prop_assert!(!inner.contains(p(cx + far * co, cy + far * s)));
            let ideal = (w + t) * (h + t);
            prop_assert!((inner.area_m2() - ideal).abs() <= area_tolerance(2.0 * (w + h) + 4.0 * t, 0.2));
        }
    }
}
