//! Label culling: labels are placed in priority order and a label that would overlap one
//! already placed, or leave the screen, is dropped.

use std::collections::HashMap;

/// An axis-aligned rectangle on screen, CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// The rectangle of `w` x `h` centred on `(cx, cy)`.
    pub fn centered(cx: f64, cy: f64, w: f64, h: f64) -> Self {
        Rect {
            x0: cx - w / 2.0,
            y0: cy - h / 2.0,
            x1: cx + w / 2.0,
            y1: cy + h / 2.0,
        }
    }

    /// True when the two rectangles share some area.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// True when `self` lies within `other`.
    pub fn inside(&self, other: &Rect) -> bool {
        self.x0 >= other.x0 && self.x1 <= other.x1 && self.y0 >= other.y0 && self.y1 <= other.y1
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Side of the cells of the placer's grid, CSS px.
const CELL_PX: f64 = 64.0;

/// Places labels without overlap, first come first served.
#[derive(Debug, Clone)]
pub struct LabelPlacer {
    bounds: Rect,
    placed: Vec<Rect>,
    grid: HashMap<(i32, i32), Vec<usize>>,
}

impl LabelPlacer {
    /// A placer for labels that must stay within `bounds` (the screen).
    pub fn new(bounds: Rect) -> Self {
        Self {
            bounds,
            placed: Vec::new(),
            grid: HashMap::new(),
        }
    }

    fn cells(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let c = |v: f64| (v / CELL_PX).floor() as i32;
        let (cx0, cx1, cy0, cy1) = (c(r.x0), c(r.x1), c(r.y0), c(r.y1));
        (cx0..=cx1).flat_map(move |x| (cy0..=cy1).map(move |y| (x, y)))
    }

    /// True when `r` is on screen and overlaps nothing placed.
    pub fn fits(&self, r: &Rect) -> bool {
        r.inside(&self.bounds)
            && Self::cells(r).all(|cell| {
                self.grid
                    .get(&cell)
                    .is_none_or(|ids| ids.iter().all(|&i| !self.placed[i].overlaps(r)))
            })
    }

    /// Places `r` if it fits; true when placed.
    pub fn place(&mut self, r: Rect) -> bool {
        if !self.fits(&r) {
            return false;
        }
        self.reserve(r);
        true
    }

    /// Marks `r` as taken whether or not it fits (symbols that labels must not cover).
    pub fn reserve(&mut self, r: Rect) {
        let id = self.placed.len();
        self.placed.push(r);
        for cell in Self::cells(&r) {
            self.grid.entry(cell).or_default().push(id);
        }
    }

    /// Number of rectangles placed or reserved.
    pub fn len(&self) -> usize {
        self.placed.len()
    }

    /// True when nothing is placed.
    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen() -> Rect {
        Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 500.0,
            y1: 300.0,
        }
    }

    #[test]
    fn first_come_first_served() {
        let mut p = LabelPlacer::new(screen());
        assert!(p.place(Rect::centered(100.0, 100.0, 60.0, 14.0)));
        // Overlapping the first: dropped.
        assert!(!p.place(Rect::centered(120.0, 105.0, 60.0, 14.0)));
        // Just below it: fine.
        assert!(p.place(Rect::centered(100.0, 115.0, 60.0, 14.0)));
        // Across a grid cell boundary, overlapping the first.
        assert!(!p.place(Rect::centered(60.0, 100.0, 40.0, 10.0)));
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn off_screen_labels_are_dropped() {
        let mut p = LabelPlacer::new(screen());
        assert!(!p.place(Rect::centered(495.0, 100.0, 40.0, 10.0)));
        assert!(!p.place(Rect::centered(-100.0, -100.0, 40.0, 10.0)));
        assert!(p.is_empty());
    }

    #[test]
    fn reserved_areas_block_labels() {
        let mut p = LabelPlacer::new(screen());
        p.reserve(Rect::centered(200.0, 200.0, 12.0, 12.0));
        assert!(!p.place(Rect::centered(205.0, 200.0, 30.0, 10.0)));
        assert!(p.place(Rect::centered(240.0, 200.0, 30.0, 10.0)));
    }

    #[test]
    fn rect_geometry() {
        let r = Rect::centered(10.0, 10.0, 4.0, 2.0);
        assert_eq!((r.width(), r.height()), (4.0, 2.0));
        // Touching edges do not overlap.
        assert!(!r.overlaps(&Rect::centered(14.0, 10.0, 4.0, 2.0)));
    }
}
