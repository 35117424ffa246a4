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

/// The most cells a grid may have (a 700 × 700 m floor at 0.25 m): beyond it a request is
/// refused with [`CoverageError::GridTooLarge`] rather than exhausting memory.
pub const MAX_CELLS: usize = 8_000_000;

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
    /// number and grids of more than [`MAX_CELLS`] cells.
    pub fn over(bbox: BBox, cell_m: f64) -> Result<Grid, CoverageError> {
        if !(cell_m.is_finite() && cell_m > 0.0) {
            return Err(CoverageError::BadCell(cell_m));
        }
        let count = |extent: f64| (extent / cell_m).ceil().max(1.0);
        let (cols, rows) = (count(bbox.width()), count(bbox.height()));
        if cols * rows > MAX_CELLS as f64 || cols.is_nan() || rows.is_nan() {
            return Err(CoverageError::GridTooLarge {
                cells: cols * rows,
                cell_m,
            });
        }
        Ok(Grid {
            bbox,
            cell_m,
            cols: cols as usize,
            rows: rows as usize,
        })
    }

    /// The grid of side `cell_m` over the floor's walls and rooms ([`Floor::plan_bbox`]).
    pub fn for_floor(floor: &Floor, cell_m: f64) -> Result<Grid, CoverageError> {
        let bbox = floor
            .plan_bbox()
            .ok_or_else(|| CoverageError::EmptyFloor(floor.id.clone()))?;
        Grid::over(bbox, cell_m)
    }

    /// The same box with cells `factor` times larger (for progressive results).
    pub fn coarsened(&self, factor: usize) -> Result<Grid, CoverageError> {
        Grid::over(self.bbox, self.cell_m * factor.max(1) as f64)
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
        let g = Grid::over(bbox, 0.5).unwrap();
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
        let g = Grid::over(line, 1.0).unwrap();
        assert_eq!((g.cols, g.rows), (10, 1));
        assert!(matches!(
            Grid::over(line, 0.0),
            Err(CoverageError::BadCell(_))
        ));
        assert!(matches!(
            Grid::over(line, f64::NAN),
            Err(CoverageError::BadCell(_))
        ));
        let big = BBox {
            min: Point::new(0.0, 0.0),
            max: Point::new(10_000.0, 10_000.0),
        };
        assert!(matches!(
            Grid::over(big, 0.1),
            Err(CoverageError::GridTooLarge { .. })
        ));
    }
}
