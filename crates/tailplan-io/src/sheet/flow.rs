//! Flowing panels (the legend, notes, tables) into the free regions of a sheet and onto
//! continuation sheets when they run out.
//!
//! Each region holds columns side by side. A panel goes to the first place it fits, looking
//! through the sheet's regions and their columns in order (first fit), then a new column, then
//! the next sheet. A table takes as many rows as fit there (at least three, or all that are
//! left), and continues, header repeated, in the columns after it: a schedule reads left to
//! right, sheet after sheet.

use std::fmt::Write as _;

use super::layout::{GAP, Rect};
use super::tables::Table;
use super::xml::N;

/// A panel: drawn at its own origin (top left), placed by the flow.
#[derive(Clone)]
pub(crate) enum Block {
    /// A panel that does not split: its size and its SVG at the origin.
    Fixed {
        /// Width, millimetres.
        w: f64,
        /// Height, millimetres.
        h: f64,
        /// The SVG, drawn from (0, 0).
        svg: String,
    },
    /// A panel that does not split and goes at or after the previous panel's place (key
    /// plans, in floor order).
    Sequel {
        /// Width, millimetres.
        w: f64,
        /// Height, millimetres.
        h: f64,
        /// The SVG, drawn from (0, 0).
        svg: String,
    },
    /// A table, split between rows where it must.
    Table(Table),
}

/// The fewest rows of a table worth starting in a column (fewer go further on).
const MIN_ROWS: usize = 3;

struct Col {
    x: f64,
    w: f64,
    y: f64,
}

struct Region {
    rect: Rect,
    cols: Vec<Col>,
}

struct Sheet {
    regions: Vec<Region>,
    svg: String,
    used: bool,
}

/// A place to try: sheet, region, column (`cols.len()` for a new column).
#[derive(Clone, Copy)]
struct At {
    sheet: usize,
    region: usize,
    col: usize,
}

/// What a place offers.
struct Offer {
    avail_h: f64,
    /// True at the top left of a continuation sheet: a panel that does not fit there fits
    /// nowhere, so it goes there anyway.
    last_resort: bool,
}

struct Flow<'a> {
    more: &'a [Rect],
    sheets: Vec<Sheet>,
}

impl Flow<'_> {
    fn regions_of(rects: &[Rect]) -> Vec<Region> {
        rects
            .iter()
            .map(|&rect| Region {
                rect,
                cols: Vec::new(),
            })
            .collect()
    }

    /// The column's x and the width it allows at `at`, if a column can be there.
    fn slot(&self, at: At) -> Option<(f64, f64, f64)> {
        let reg = &self.sheets[at.sheet].regions[at.region];
        let r = reg.rect;
        if at.col < reg.cols.len() {
            let c = &reg.cols[at.col];
            let right = reg.cols.get(at.col + 1).map_or(r.right(), |n| n.x - GAP);
            Some((c.x, right - c.x, r.bottom() - c.y))
        } else {
            let x = reg.cols.last().map_or(r.x, |c| c.x + c.w + GAP);
            (x < r.right()).then_some((x, r.right() - x, r.h))
        }
    }

    /// The first place from `from` on where a panel `w` wide is accepted by `accept`
    /// (given what the place offers), creating continuation sheets as needed.
    fn find<T>(
        &mut self,
        from: At,
        w: f64,
        mut accept: impl FnMut(&Offer) -> Option<T>,
    ) -> (At, f64, T) {
        let mut at = from;
        loop {
            if at.sheet >= self.sheets.len() {
                self.sheets.push(Sheet {
                    regions: Self::regions_of(self.more),
                    svg: String::new(),
                    used: false,
                });
            }
            let sheet = &self.sheets[at.sheet];
            if at.region >= sheet.regions.len() {
                at = At {
                    sheet: at.sheet + 1,
                    region: 0,
                    col: 0,
                };
                continue;
            }
            if at.col > sheet.regions[at.region].cols.len() {
                at = At {
                    region: at.region + 1,
                    col: 0,
                    ..at
                };
                continue;
            }
            if let Some((x, allowed, avail_h)) = self.slot(at) {
                let last_resort = at.sheet > 0
                    && at.region == 0
                    && at.col == 0
                    && sheet.regions[0]
                        .cols
                        .first()
                        .is_none_or(|c| c.y <= sheet.regions[0].rect.y + 1e-9);
                if w <= allowed + 1e-9 || last_resort {
                    let offer = Offer {
                        avail_h,
                        last_resort,
                    };
                    if let Some(t) = accept(&offer) {
                        return (at, x, t);
                    }
                }
            }
            at.col += 1;
        }
    }

    /// Draws `svg` (`w` × `h`) at `at`, the column starting at `x`.
    fn put(&mut self, at: At, x: f64, w: f64, h: f64, svg: &str) {
        let sheet = &mut self.sheets[at.sheet];
        sheet.used = true;
        let reg = &mut sheet.regions[at.region];
        if at.col == reg.cols.len() {
            reg.cols.push(Col {
                x,
                w: 0.0,
                y: reg.rect.y,
            });
        }
        let col = &mut reg.cols[at.col];
        if !svg.is_empty() {
            let _ = writeln!(
                sheet.svg,
                "<g transform=\"translate({} {})\">",
                N(col.x),
                N(col.y)
            );
            sheet.svg.push_str(svg);
            sheet.svg.push_str("</g>\n");
        }
        col.y += h + GAP;
        col.w = col.w.max(w);
    }
}

/// Places `blocks` in order into the regions `first` of the sheet, then into `more` on as many
/// continuation sheets as needed. Returns the SVG of each sheet's panels: the first sheet's
/// (empty when `first` is), then one per continuation sheet. `more` must not be empty.
pub(crate) fn flow(blocks: Vec<Block>, first: &[Rect], more: &[Rect]) -> Vec<String> {
    let refs: Vec<&Block> = blocks.iter().collect();
    run_refs(&refs, first, more, true).0
}

/// The most panels tried in every order by [`flow_best`].
const MAX_PERMUTED: usize = 5;

/// Like [`flow`], but tries the panels after the first in every order (up to
/// [`MAX_PERMUTED`] of them) and keeps the layout with the fewest sheets, then the one that
/// starts and ends the panels on the earliest sheets, judged in the order of `importance`
/// (indices into `blocks`); on a tie, the order given.
pub(crate) fn flow_best(
    blocks: Vec<Block>,
    importance: &[usize],
    first: &[Rect],
    more: &[Rect],
) -> Vec<String> {
    let n = blocks.len();
    if n <= 2 || n - 1 > MAX_PERMUTED {
        return flow(blocks, first, more);
    }
    // Every order is tried without drawing (positions only); the best is drawn once.
    let mut best: Option<(Vec<usize>, Vec<usize>)> = None;
    let mut order: Vec<usize> = (1..n).collect();
    loop {
        let seq: Vec<usize> = std::iter::once(0).chain(order.iter().copied()).collect();
        let trial: Vec<&Block> = seq.iter().map(|&i| &blocks[i]).collect();
        let (pages, starts) = run_refs(&trial, first, more, false);
        // starts[k] is where seq[k] went: look it up by block.
        let mut sheet_of = vec![(0, 0); n];
        for (k, &i) in seq.iter().enumerate() {
            sheet_of[i] = starts[k];
        }
        let mut score = vec![pages.len()];
        score.extend(
            importance
                .iter()
                .flat_map(|&i| [sheet_of[i].0, sheet_of[i].1]),
        );
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, seq));
        }
        if !next_permutation(&mut order) {
            break;
        }
    }
    let seq = best.map(|(_, s)| s).unwrap_or_default();
    let mut blocks: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
    let chosen: Vec<Block> = seq.iter().filter_map(|&i| blocks[i].take()).collect();
    flow(chosen, first, more)
}

/// The next permutation in lexicographic order; false after the last.
fn next_permutation(v: &mut [usize]) -> bool {
    let Some(i) = (1..v.len()).rev().find(|&i| v[i - 1] < v[i]) else {
        return false;
    };
    let j = (i..v.len())
        .rev()
        .find(|&j| v[j] > v[i - 1])
        .expect("a larger element");
    v.swap(i - 1, j);
    v[i..].reverse();
    true
}

/// The flow itself: the sheets' SVG (empty unless `draw`), and the first and last sheet of
/// each block.
fn run_refs(
    blocks: &[&Block],
    first: &[Rect],
    more: &[Rect],
    draw: bool,
) -> (Vec<String>, Vec<(usize, usize)>) {
    assert!(!more.is_empty(), "a continuation sheet has a region");
    let mut f = Flow {
        more,
        sheets: vec![Sheet {
            regions: Flow::regions_of(first),
            svg: String::new(),
            used: false,
        }],
    };
    let start = At {
        sheet: 0,
        region: 0,
        col: 0,
    };
    let mut starts = Vec::with_capacity(blocks.len());
    let mut last = start;
    for &block in blocks {
        match block {
            Block::Fixed { w, h, svg } | Block::Sequel { w, h, svg } => {
                let (w, h) = (*w, *h);
                let from = if matches!(block, Block::Sequel { .. }) {
                    last
                } else {
                    start
                };
                let (at, x, ()) = f.find(from, w, |o| {
                    (h <= o.avail_h + 1e-9 || o.last_resort).then_some(())
                });
                f.put(at, x, w, h, if draw { svg } else { "" });
                starts.push((at.sheet, at.sheet));
                last = at;
            }
            Block::Table(t) => {
                let w = t.width();
                let mut from = start;
                let mut row = 0;
                let mut first_sheet = None;
                let mut last_sheet = 0;
                while row < t.rows.len() {
                    let left = t.rows.len() - row;
                    let (at, x, n) = f.find(from, w, |o| {
                        let n = t.fit_rows(row, o.avail_h);
                        if n >= left {
                            return Some(left);
                        }
                        // Both parts at least MIN_ROWS long (no lone total row); a table
                        // shorter than two such parts moves whole.
                        let n = n.min(left.saturating_sub(MIN_ROWS));
                        if n >= MIN_ROWS {
                            Some(n)
                        } else if o.last_resort {
                            Some(n.max(1))
                        } else {
                            None
                        }
                    });
                    if draw {
                        let (svg, h) = t.render(row..row + n);
                        f.put(at, x, w, h, &svg);
                    } else {
                        f.put(at, x, w, t.height(row..row + n), "");
                    }
                    first_sheet.get_or_insert(at.sheet);
                    last_sheet = at.sheet;
                    row += n;
                    last = at;
                    from = At {
                        col: at.col + 1,
                        ..at
                    };
                }
                starts.push((first_sheet.unwrap_or(0), last_sheet));
            }
        }
    }
    // A continuation sheet opened but left unused is dropped.
    while f.sheets.len() > 1 && f.sheets.last().is_some_and(|s| !s.used) {
        f.sheets.pop();
    }
    (f.sheets.into_iter().map(|s| s.svg).collect(), starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::tables::{Align, Column, Table};

    fn table(rows: usize) -> Table {
        let mut t = Table::new(
            "T",
            vec![
                Column::new("a", Align::Left),
                Column::new("b", Align::Right),
            ],
        );
        for i in 0..rows {
            t.push(vec![format!("row {i}"), i.to_string()]);
        }
        t
    }

    #[test]
    fn tables_split_over_columns_and_sheets() {
        let first = [Rect::new(0.0, 0.0, 60.0, 60.0)];
        let more = [Rect::new(0.0, 0.0, 200.0, 100.0)];
        let fixed = Block::Fixed {
            w: 40.0,
            h: 20.0,
            svg: "<rect/>".into(),
        };
        let pages = flow(vec![fixed, Block::Table(table(200))], &first, &more);
        assert!(pages.len() >= 2, "{}", pages.len());
        // Every row is somewhere, once, and in order.
        let all: String = pages.concat();
        let mut last = 0;
        for i in 0..200 {
            let needle = format!(">row {i}<");
            assert_eq!(all.matches(&needle).count(), 1, "row {i}");
            let at = all.find(&needle).unwrap();
            assert!(at > last, "row {i} in order");
            last = at;
        }
        assert!(pages[0].contains("<rect/>"));
        assert!(all.contains("T (continued)"));
    }

    #[test]
    fn first_fit_uses_earlier_regions() {
        // A wide panel skips the narrow region; a narrow one after it goes back there.
        let first = [
            Rect::new(0.0, 0.0, 30.0, 100.0),
            Rect::new(40.0, 0.0, 100.0, 100.0),
        ];
        let more = [Rect::new(0.0, 0.0, 200.0, 100.0)];
        let wide = Block::Fixed {
            w: 80.0,
            h: 20.0,
            svg: "<wide/>".into(),
        };
        let narrow = Block::Fixed {
            w: 20.0,
            h: 20.0,
            svg: "<narrow/>".into(),
        };
        let pages = flow(vec![wide, narrow], &first, &more);
        assert_eq!(pages.len(), 1);
        assert!(pages[0].contains("translate(40 0)\">\n<wide/>"));
        assert!(pages[0].contains("translate(0 0)\">\n<narrow/>"));
    }

    #[test]
    fn the_best_order_puts_the_important_panel_first() {
        let first = [
            Rect::new(0.0, 0.0, 50.0, 50.0),
            Rect::new(60.0, 0.0, 50.0, 100.0),
        ];
        let more = [Rect::new(0.0, 0.0, 100.0, 100.0)];
        let block = |h: f64, tag: &str| Block::Fixed {
            w: 50.0,
            h,
            svg: format!("<{tag}/>"),
        };
        let blocks = vec![block(10.0, "a"), block(95.0, "b"), block(95.0, "c")];
        // In the order given, b takes the only place left and c goes to a second sheet.
        let plain = flow(blocks.clone(), &first, &more);
        assert!(plain[0].contains("<b/>") && plain[1].contains("<c/>"));
        // With c the more important, the best order swaps them.
        let best = flow_best(blocks, &[2, 1], &first, &more);
        assert_eq!(best.len(), 2);
        assert!(best[0].contains("<c/>") && best[1].contains("<b/>"));
        let mut v = vec![1, 2, 3];
        let mut n = 1;
        while next_permutation(&mut v) {
            n += 1;
        }
        assert_eq!(n, 6);
    }

    #[test]
    fn nothing_on_the_first_sheet_when_it_has_no_region() {
        let more = [Rect::new(0.0, 0.0, 100.0, 200.0)];
        let pages = flow(vec![Block::Table(table(5))], &[], &more);
        assert_eq!(pages.len(), 2);
        assert!(pages[0].is_empty() && pages[1].contains(">row 4<"));
        let pages = flow(vec![Block::Table(table(5))], &more, &more);
        assert_eq!(pages.len(), 1);
    }
}
