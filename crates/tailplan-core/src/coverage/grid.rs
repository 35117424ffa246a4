//! The coverage grid of a floor.
//!
//! Cells of side s over the bounding box of the floor's walls and rooms
//! ([`Floor::plan_bbox`]); origin at the box's lower-left corner; `cols = ceil(width / s)`,
//! `rows = ceil(height / s)` (at least 1 each, for a box of zero width or height); the cell in
//! row r, column c has its centre at (minx + (c + 0.5)·s, miny + (r + 0.5)·s). Values are
//! stored row-major, row 0 first (row 0 at miny).

use serde::Serialize;

use crate::floor::Floor;
use crate::geometry::{BBox, Point};

use super::CoverageError;

/// The default of the grid-cell limit: 8 million cells (a 700 × 700 m floor at 0.25 m, about
/// 32 MB per field). A grid beyond the limit is refused with [`CoverageError::GridTooLarge`]
/// before anything is allocated. The limit is a setting of whoever computes:
/// [`crate::coverage::CoverageEngine::set_max_cells`], the placement options' `max_cells`, and
/// the command line's `--max-grid-cells`.
pub const DEFAULT_MAX_CELLS: usize = 8_000_000;

/// A regular grid of square cells over a floor's plan.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Grid {
    /// The box the grid covers (its lower-left corner is the grid's origin).
    pub bbox: BBox,
    /// Cell side, metres.
    pub cell_m: f64,
    /// Number of columns (west to east).
    pub cols: usize,
    /// Number of rows (south to north).
    pub rows: usize,
}

impl Grid {
    /// The grid of side `cell_m` over `bbox`. Refuses a side that is not a positive finite
    /// number and grids of more than `max_cells` cells (see [`DEFAULT_MAX_CELLS`]).
    pub fn over(bbox: BBox, cell_m: f64, max_cells: usize) -> Result<Grid, CoverageError> {
        if !(cell_m.is_finite() && cell_m > 0.0) {
            return Err(CoverageError::BadCell(cell_m));
        }
        let count = |extent: f64| (extent / cell_m).ceil().max(1.0);
        let (cols, rows) = (count(bbox.width()), count(bbox.height()));
        if cols * rows > max_cells as f64 || cols.is_nan() || rows.is_nan() {
            return Err(CoverageError::GridTooLarge {
                cells: cols * rows,
                cell_m,
                extent_m: (bbox.width(), bbox.height()),
                max_cells,
            });
        }
        Ok(Grid {
            bbox,
            cell_m,
            cols: cols as usize,
            rows: rows as usize,
        })
    }

    /// The grid of side `cell_m` over the floor's walls and rooms ([`Floor::plan_bbox`]), of
    /// at most `max_cells` cells.
    pub fn for_floor(floor: &Floor, cell_m: f64, max_cells: usize) -> Result<Grid, CoverageError> {
        let bbox = floor
            .plan_bbox()
            .ok_or_else(|| CoverageError::EmptyFloor(floor.id.clone()))?;
        Grid::over(bbox, cell_m, max_cells)
    }

    /// The same box with cells `factor` times larger (for progressive results); it never has
    /// more cells than this grid.
    pub fn coarsened(&self, factor: usize) -> Result<Grid, CoverageError> {
        Grid::over(self.bbox, self.cell_m * factor.max(1) as f64, self.len())
    }

    /// The grid's lower-left corner.
    pub fn origin(&self) -> Point {
        self.bbox.min
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.cols * self.rows
    }

    /// True when the grid has no cell (never, for a grid made by [`Grid::over`]).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Area of one cell, m².
    pub fn cell_area_m2(&self) -> f64 {
        self.cell_m * self.cell_m
    }

    /// The x of the centres of column `col`.
    #[inline]
    pub fn center_x(&self, col: usize) -> f64 {
        self.bbox.min.x + (col as f64 + 0.5) * self.cell_m
    }

    /// The y of the centres of row `row`.
    #[inline]
    pub fn center_y(&self, row: usize) -> f64 {
        self.bbox.min.y + (row as f64 + 0.5) * self.cell_m
    }

    /// The centre of the cell in `row`, `col`.
    #[inline]
    pub fn center(&self, row: usize, col: usize) -> Point {
        Point::new(self.center_x(col), self.center_y(row))
    }

    /// The index of the cell in `row`, `col` in row-major storage.
    #[inline]
    pub fn index(&self, row: usize, col: usize) -> usize {
        row * self.cols + col
    }

    /// The centre of the cell at row-major `index`.
    pub fn center_of(&self, index: usize) -> Point {
        self.center(index / self.cols, index % self.cols)
    }

    /// The (row, col) of the cell holding `p`, if inside the grid.
    pub fn cell_of(&self, p: Point) -> Option<(usize, usize)> {
        let c = ((p.x - self.bbox.min.x) / self.cell_m).floor();
        let r = ((p.y - self.bbox.min.y) / self.cell_m).floor();
        let inside = c >= 0.0 && r >= 0.0 && c < self.cols as f64 && r < self.rows as f64;
        inside.then_some((r as usize, c as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_follows_the_issue_definition() {
        let bbox = BBox {
            min: Point::new(-1.0, 2.0),
            max: Point::new(9.2, 7.0),
        };
        let g = Grid::over(bbox, 0.5, DEFAULT_MAX_CELLS).unwrap();
        assert_eq!((g.cols, g.rows), (21, 10));
        assert_eq!(g.center(0, 0), Point::new(-0.75, 2.25));
        assert_eq!(g.center(9, 20), Point::new(9.25, 6.75));
        assert_eq!(g.index(1, 0), 21);
        assert_eq!(g.center_of(22), Point::new(-0.25, 2.75));
        assert_eq!(g.cell_of(Point::new(-0.9, 2.1)), Some((0, 0)));
        assert_eq!(g.cell_of(Point::new(9.3, 2.1)), Some((0, 20)));
        assert_eq!(g.cell_of(Point::new(9.6, 2.1)), None);
        let coarse = g.coarsened(4).unwrap();
        assert_eq!((coarse.cols, coarse.rows, coarse.cell_m), (6, 3, 2.0));
    }

    #[test]
    fn degenerate_and_bad_grids() {
        let line = BBox {
            min: Point::new(0.0, 0.0),
            max: Point::new(10.0, 0.0),
        };
        let g = Grid::over(line, 1.0, DEFAULT_MAX_CELLS).unwrap();
        assert_eq!((g.cols, g.rows), (10, 1));
        assert!(matches!(
            Grid::over(line, 0.0, DEFAULT_MAX_CELLS),
            Err(CoverageError::BadCell(_))
        ));
        assert!(matches!(
            Grid::over(line, f64::NAN, DEFAULT_MAX_CELLS),
            Err(CoverageError::BadCell(_))
        ));
        let big = BBox {
            min: Point::new(0.0, 0.0),
            max: Point::new(10_000.0, 10_000.0),
        };
        assert!(matches!(
            Grid::over(big, 0.1, DEFAULT_MAX_CELLS),
            Err(CoverageError::GridTooLarge { .. })
        ));
    }

    #[test]
    fn the_cell_limit_is_a_setting() {
        let room = BBox {
            min: Point::new(0.0, 0.0),
            max: Point::new(10.0, 10.0),
        };
        // 40 × 40 cells: within 1,600, beyond 1,599.
        assert_eq!(Grid::over(room, 0.25, 1_600).unwrap().len(), 1_600);
        let err = Grid::over(room, 0.25, 1_599).unwrap_err();
        assert_eq!(
            err,
            CoverageError::GridTooLarge {
                cells: 1_600.0,
                cell_m: 0.25,
                extent_m: (10.0, 10.0),
                max_cells: 1_599
            }
        );
        assert_eq!(
            err.to_string(),
            "a map of 1,600 cells of 0.25 m over 10 × 10 m is more than the grid-cell limit of 1,599: use larger cells or raise the limit"
        );
        // A plan of a light year at 1 mm is refused as quickly, without overflowing.
        let huge = BBox {
            min: Point::new(-1e16, -1e16),
            max: Point::new(1e16, 1e16),
        };
        assert!(matches!(
            Grid::over(huge, 0.001, usize::MAX),
            Err(CoverageError::GridTooLarge { .. })
        ));
        // A coarser grid never needs a larger limit than the grid it coarsens.
        let g = Grid::over(room, 0.25, 1_600).unwrap();
        assert_eq!(g.coarsened(4).unwrap().len(), 100);
    }
}
