//! Where things go on the paper: the frame, the title block, the plan at its true scale, and
//! the free regions the legend and the tables flow into.
//!
//! The frame follows ISO 5457 (20 mm filing margin on the left, 10 mm elsewhere); the title
//! block (180 mm wide, ISO 7200) sits in the bottom right corner. The plan takes the top left
//! corner in one of two arrangements, tried in this order:
//! - *side*: a 180 mm column to the right of the plan holds the legend and tables above the
//!   title block, with the space under the plan as a second region;
//! - *bottom*: the plan spans the width, the title block, legend and tables go under it and
//!   in whatever space is left to its right.
//!
//! The scale is the largest standard one at which the floor fits one of them; the paper, when
//! not given, is A3 if the floor fits it at 1:100 or larger, else A1 at 1:200 or larger, else
//! the smallest paper and largest scale that fit.

use super::paper::{Paper, Scale};

/// Left (filing) margin, millimetres.
pub const MARGIN_LEFT: f64 = 20.0;
/// Other margins, millimetres.
pub const MARGIN: f64 = 10.0;
/// Space between blocks, millimetres.
pub const GAP: f64 = 5.0;
/// Space between the frame and what is drawn inside it, millimetres.
const INSET: f64 = 3.0;
/// Room left around the floor's outline for labels and markers, millimetres.
pub const PLAN_PAD: f64 = 10.0;
/// Width of the title block (ISO 7200: at most 180 mm).
pub const TITLE_BLOCK_W: f64 = 180.0;
/// Height of the title block.
pub const TITLE_BLOCK_H: f64 = 56.0;
/// The narrowest region worth putting a panel in.
const MIN_REGION_W: f64 = 45.0;
/// The lowest region worth putting a panel in.
const MIN_REGION_H: f64 = 25.0;

/// A rectangle on paper, millimetres, y down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle from its top-left corner and size.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self { x, y, w, h }
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// True when the two overlap (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// The area the two share.
    pub fn overlap_area(&self, o: &Rect) -> f64 {
        let w = self.right().min(o.right()) - self.x.max(o.x);
        let h = self.bottom().min(o.bottom()) - self.y.max(o.y);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }

    /// True when `o` lies entirely inside.
    pub fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x - 1e-9
            && o.y >= self.y - 1e-9
            && o.right() <= self.right() + 1e-9
            && o.bottom() <= self.bottom() + 1e-9
    }

    fn usable(&self) -> bool {
        self.w >= MIN_REGION_W && self.h >= MIN_REGION_H
    }
}

/// The inside of the frame of a sheet of this paper.
pub fn frame(paper: Paper) -> Rect {
    let (w, h) = paper.size_mm();
    Rect::new(
        MARGIN_LEFT,
        MARGIN,
        w - MARGIN_LEFT - MARGIN,
        h - 2.0 * MARGIN,
    )
}

/// The frame's inside less [`INSET`]: where the plan and the panels go.
pub(crate) fn inner(paper: Paper) -> Rect {
    let f = frame(paper);
    Rect::new(
        f.x + INSET,
        f.y + INSET,
        f.w - 2.0 * INSET,
        f.h - 2.0 * INSET,
    )
}

/// The title block's place: the bottom right corner of the frame.
pub fn title_block(paper: Paper) -> Rect {
    let f = frame(paper);
    let w = TITLE_BLOCK_W.min(f.w);
    Rect::new(f.right() - w, f.bottom() - TITLE_BLOCK_H, w, TITLE_BLOCK_H)
}

/// How a floor sits on its sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// The paper.
    pub paper: Paper,
    /// The scale.
    pub scale: Scale,
    /// The plan's area (the floor centred in it, [`PLAN_PAD`] around it at least).
    pub plan: Rect,
    /// Free regions for the legend and tables, in filling order.
    pub regions: Vec<Rect>,
}

/// The plan's size on paper at `scale` for a floor of `size_m` (width, height in metres),
/// padding included.
fn plan_size(size_m: (f64, f64), scale: Scale) -> (f64, f64) {
    let k = scale.mm_per_m();
    (
        size_m.0.max(0.0) * k + 2.0 * PLAN_PAD,
        size_m.1.max(0.0) * k + 2.0 * PLAN_PAD,
    )
}

/// The floor on `paper` at `scale`, if it fits one of the arrangements.
pub fn place(paper: Paper, scale: Scale, size_m: (f64, f64)) -> Option<Placement> {
    let f = inner(paper);
    let tb = title_block(paper);
    let (pw, ph) = plan_size(size_m, scale);
    if pw > f.w + 1e-9 || ph > f.h + 1e-9 {
        return None;
    }
    // Side: a column as wide as the title block to the right of the plan.
    let side_w = f.right() - tb.x;
    if pw + GAP + side_w <= f.w + 1e-9 {
        let plan = Rect::new(f.x, f.y, tb.x - GAP - f.x, ph);
        let mut regions = vec![Rect::new(plan.right() + GAP, f.y, side_w, tb.y - GAP - f.y)];
        let below = Rect::new(
            f.x,
            plan.bottom() + GAP,
            plan.w,
            f.bottom() - plan.bottom() - GAP,
        );
        regions.push(below);
        regions.retain(Rect::usable);
        return Some(Placement {
            paper,
            scale,
            plan,
            regions,
        });
    }
    // Bottom: the title block and panels under the plan.
    if ph + GAP + tb.h <= f.h + 1e-9 {
        let plan = Rect::new(f.x, f.y, pw, ph);
        let top = plan.bottom() + GAP;
        let regions = vec![
            // Right of the plan.
            Rect::new(plan.right() + GAP, f.y, f.right() - plan.right() - GAP, ph),
            // Under the plan, left of the title block.
            Rect::new(f.x, top, tb.x - GAP - f.x, f.bottom() - top),
            // Above the title block.
            Rect::new(tb.x, top, f.right() - tb.x, tb.y - GAP - top),
        ]
        .into_iter()
        .filter(Rect::usable)
        .collect();
        return Some(Placement {
            paper,
            scale,
            plan,
            regions,
        });
    }
    None
}

/// The largest scale of `scales` at which the floor fits `paper`.
fn best_on(paper: Paper, size_m: (f64, f64), scales: &[Scale]) -> Option<Placement> {
    scales.iter().find_map(|&s| place(paper, s, size_m))
}

/// Why a floor cannot be placed as asked.
#[derive(Debug, Clone, PartialEq)]
pub struct NoFit {
    /// The plan's size on paper at the scale asked for, padding included, millimetres.
    pub needs_mm: (f64, f64),
}

/// Chooses the paper and the scale: the ones given, or the defaults (see the module's
/// documentation).
pub fn choose(
    size_m: (f64, f64),
    paper: Option<Paper>,
    scale: Option<Scale>,
) -> Result<Placement, NoFit> {
    let all: Vec<Scale> = Scale::STANDARD.into_iter().chain(Scale::SITE).collect();
    let found = match (paper, scale) {
        (Some(p), Some(s)) => place(p, s, size_m),
        (Some(p), None) => best_on(p, size_m, &all),
        (None, Some(s)) => Paper::ALL
            .into_iter()
            .filter(|&p| p >= Paper::A3)
            .find_map(|p| place(p, s, size_m))
            .or_else(|| place(Paper::A4, s, size_m)),
        (None, None) => best_on(Paper::A3, size_m, &[Scale(50), Scale(100)])
            .or_else(|| best_on(Paper::A1, size_m, &[Scale(50), Scale(100), Scale(200)]))
            .or_else(|| {
                all.iter().find_map(|&s| {
                    [Paper::A3, Paper::A2, Paper::A1, Paper::A0]
                        .into_iter()
                        .find_map(|p| place(p, s, size_m))
                })
            }),
    };
    found.ok_or_else(|| NoFit {
        needs_mm: plan_size(size_m, scale.unwrap_or(Scale(500))),
    })
}

/// Regions of a continuation sheet: everything above the title block, and the strip to its
/// left.
pub fn continuation_regions(paper: Paper) -> Vec<Rect> {
    let f = inner(paper);
    let tb = title_block(paper);
    vec![
        Rect::new(f.x, f.y, f.w, tb.y - GAP - f.y),
        Rect::new(f.x, tb.y, tb.x - GAP - f.x, f.bottom() - tb.y),
    ]
    .into_iter()
    .filter(Rect::usable)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_get_the_expected_paper_and_scale() {
        // The small sample floor: 30 x 15 m on A3 at 1:100, panels under the plan.
        let p = choose((30.0, 15.0), None, None).unwrap();
        assert_eq!((p.paper, p.scale), (Paper::A3, Scale(100)));
        assert_eq!(p.plan.w, 320.0);
        assert_eq!(p.plan.x, MARGIN_LEFT + INSET);
        // The office: 120 x 60 m on A1 at 1:200, a side column.
        let p = choose((120.0, 60.0), None, None).unwrap();
        assert_eq!((p.paper, p.scale), (Paper::A1, Scale(200)));
        assert!(p.regions[0].w >= 170.0);
        // A scale that cannot fit is refused; a paper alone gets its best scale.
        assert!(choose((120.0, 60.0), Some(Paper::A3), Some(Scale(100))).is_err());
        let p = choose((120.0, 60.0), Some(Paper::A3), None).unwrap();
        assert_eq!(p.scale, Scale(500));
        // A huge site falls back to 1:1000 or 1:2000.
        let p = choose((900.0, 500.0), None, None).unwrap();
        assert!(p.scale.0 >= 1000);
    }

    #[test]
    fn regions_never_overlap_the_plan_or_the_title_block() {
        for paper in Paper::ALL {
            for size in [
                (10.0, 5.0),
                (30.0, 15.0),
                (60.0, 60.0),
                (120.0, 60.0),
                (40.0, 90.0),
            ] {
                let Ok(p) = choose(size, Some(paper), None) else {
                    continue;
                };
                let tb = title_block(paper);
                let f = frame(paper);
                assert!(f.contains(&p.plan), "{paper} {size:?}");
                assert!(!p.plan.overlaps(&tb), "{paper} {size:?}");
                for (i, r) in p.regions.iter().enumerate() {
                    assert!(f.contains(r), "{paper} {size:?} {r:?}");
                    assert!(!r.overlaps(&p.plan) && !r.overlaps(&tb), "{paper} {size:?}");
                    for o in &p.regions[i + 1..] {
                        assert!(!r.overlaps(o), "{paper} {size:?}");
                    }
                }
            }
        }
    }
}
