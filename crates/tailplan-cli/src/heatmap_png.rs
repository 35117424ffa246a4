//! The heatmap as a picture: the best-server RSSI in viridis (perceptually uniform, readable
//! in grey and by colour-blind readers), the cells outside every room faded, the walls and
//! closed doors and windows drawn over it, the floor's transmitters marked, and a legend
//! with the dB scale.

use font8x8::UnicodeFonts;
use tailplan_core::coverage::{Heatmaps, Service, stats::room_cells};
use tailplan_core::{Floor, Point};
use tiny_skia::{
    Color, FillRule, Paint, PathBuilder, Pixmap, PremultipliedColorU8, Rect, Stroke, Transform,
};

/// The dB range the colour scale spans for `maps`: Wi-Fi −90 to −30 dBm; an IoT technology
/// from 10 dB under its sensitivity to 60 dB over it.
pub fn scale_dbm(maps: &Heatmaps) -> (f64, f64) {
    match maps.service {
        Service::Wifi(_) => (-90.0, -30.0),
        Service::Iot(_) => {
            let lo = (maps.threshold_dbm / 10.0).floor() * 10.0 - 10.0;
            (lo, lo + 70.0)
        }
    }
}

const TEXT_SCALE: usize = 2;
const MARGIN: f32 = 16.0;
const TITLE_H: f32 = 40.0;
const LEGEND_W: f32 = 150.0;
const BELOW: [u8; 3] = [70, 70, 70];
const NOTHING: [u8; 3] = [205, 205, 205];

fn viridis(t: f64) -> [u8; 3] {
    let c = colorous::VIRIDIS.eval_continuous(t);
    [c.r, c.g, c.b]
}

fn color_of(v: f32, lo: f64, hi: f64) -> [u8; 3] {
    let v = f64::from(v);
    if v <= -200.0 {
        NOTHING
    } else if v < lo {
        BELOW
    } else {
        viridis((v - lo) / (hi - lo))
    }
}

fn rgb(c: [u8; 3]) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], 255)
}

/// Draws `text` with its top-left corner at (x, y), 8 × 8 glyphs scaled by [`TEXT_SCALE`].
fn text(pixmap: &mut Pixmap, x: f32, y: f32, s: &str, color: [u8; 3]) {
    let mut paint = Paint::default();
    paint.set_color(rgb(color));
    let k = TEXT_SCALE as f32;
    for (i, ch) in s.chars().enumerate() {
        let Some(glyph) = font8x8::BASIC_FONTS.get(ch) else {
            continue;
        };
        for (row, bits) in glyph.iter().enumerate() {
            for col in 0..8 {
                if bits & (1 << col) != 0 {
                    let px = x + (i * 8 + col) as f32 * k;
                    let py = y + row as f32 * k;
                    if let Some(r) = Rect::from_xywh(px, py, k, k) {
                        pixmap.fill_rect(r, &paint, Transform::identity(), None);
                    }
                }
            }
        }
    }
}

fn text_width(s: &str) -> f32 {
    (s.chars().count() * 8 * TEXT_SCALE) as f32
}

/// Renders the heatmap of `maps` over `floor` as PNG bytes, with `title` above it.
pub fn render(maps: &Heatmaps, floor: &Floor, title: &str) -> Result<Vec<u8>, String> {
    let g = &maps.grid;
    let (w_m, h_m) = (g.cols as f64 * g.cell_m, g.rows as f64 * g.cell_m);
    // About 1600 pixels across, at least one pixel a cell, at most 40 a metre.
    let ppm = (1600.0 / w_m.max(h_m)).clamp(1.0 / g.cell_m, 40.0);
    let map_w = (w_m * ppm).ceil() as u32;
    let map_h = (h_m * ppm).ceil() as u32;
    let min_h = 360;
    let width = map_w + (2.0 * MARGIN + LEGEND_W) as u32;
    let height = (map_h + (TITLE_H + 2.0 * MARGIN) as u32).max(min_h);
    let mut pixmap =
        Pixmap::new(width, height).ok_or_else(|| format!("{width} x {height} px is too big"))?;
    pixmap.fill(Color::WHITE);
    let (ox, oy) = (MARGIN, TITLE_H + MARGIN);
    let (lo, hi) = scale_dbm(maps);

    // The cells, faded outside the rooms.
    let mut in_room = vec![floor.rooms.is_empty(); g.len()];
    for room in &floor.rooms {
        for i in room_cells(g, room) {
            in_room[i] = true;
        }
    }
    let stride = width as usize;
    let pixels = pixmap.pixels_mut();
    for py in 0..map_h {
        let y = g.bbox.min.y + h_m - (f64::from(py) + 0.5) / ppm;
        let r = (((y - g.bbox.min.y) / g.cell_m).floor().max(0.0) as usize).min(g.rows - 1);
        for px in 0..map_w {
            let x = g.bbox.min.x + (f64::from(px) + 0.5) / ppm;
            let c = (((x - g.bbox.min.x) / g.cell_m).floor().max(0.0) as usize).min(g.cols - 1);
            let i = g.index(r, c);
            let mut col = color_of(maps.best_rssi_dbm[i], lo, hi);
            if !in_room[i] {
                col = col.map(|v| ((u16::from(v) + 2 * 255) / 3) as u8);
            }
            let at = (oy as usize + py as usize) * stride + ox as usize + px as usize;
            pixels[at] = PremultipliedColorU8::from_rgba(col[0], col[1], col[2], 255)
                .expect("opaque colours are premultiplied");
        }
    }

    // Walls, doors and windows, transmitters.
    let to_px = |p: Point| {
        (
            ox + ((p.x - g.bbox.min.x) * ppm) as f32,
            oy + (map_h as f32 - ((p.y - g.bbox.min.y) * ppm) as f32),
        )
    };
    let mut paint = Paint {
        anti_alias: true,
        ..Paint::default()
    };
    paint.set_color(rgb([25, 25, 30]));
    for wall in floor.walls.iter() {
        let mut pb = PathBuilder::new();
        for s in wall.shape.segments() {
            let (a, b) = (to_px(s.a), to_px(s.b));
            pb.move_to(a.0, a.1);
            pb.line_to(b.0, b.1);
        }
        if let Some(path) = pb.finish() {
            let stroke = Stroke {
                width: ((wall.thickness_m * ppm) as f32).clamp(1.0, 6.0),
                ..Stroke::default()
            };
            pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
        }
    }
    paint.set_color(rgb([250, 250, 250]));
    for o in floor.openings.iter().filter(|o| !o.open) {
        let mut pb = PathBuilder::new();
        for (k, p) in o.points.iter().enumerate() {
            let (x, y) = to_px(*p);
            if k == 0 {
                pb.move_to(x, y);
            } else {
                pb.line_to(x, y);
            }
        }
        if let Some(path) = pb.finish() {
            let stroke = Stroke {
                width: 1.5,
                ..Stroke::default()
            };
            pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
        }
    }
    let mut outline = paint.clone();
    outline.set_color(rgb([0, 0, 0]));
    for r in maps.transmitters.iter().filter(|r| r.slabs == 0) {
        let (x, y) = to_px(r.transmitter.position);
        if let Some(dot) = PathBuilder::from_circle(x, y, 4.5) {
            pixmap.fill_path(&dot, &paint, FillRule::Winding, Transform::identity(), None);
            let stroke = Stroke {
                width: 1.5,
                ..Stroke::default()
            };
            pixmap.stroke_path(&dot, &outline, &stroke, Transform::identity(), None);
        }
    }

    // Title and legend.
    text(&mut pixmap, MARGIN, 12.0, title, [20, 20, 20]);
    let lx = ox + map_w as f32 + MARGIN;
    let bar_top = oy + 28.0;
    let bar_h = (height as f32 - bar_top - MARGIN - 70.0).max(120.0);
    text(&mut pixmap, lx, oy, "dBm", [20, 20, 20]);
    let steps = bar_h as usize;
    for k in 0..steps {
        let t = 1.0 - (k as f64 + 0.5) / steps as f64;
        let mut p = Paint::default();
        p.set_color(rgb(viridis(t)));
        if let Some(r) = Rect::from_xywh(lx, bar_top + k as f32, 22.0, 1.0) {
            pixmap.fill_rect(r, &p, Transform::identity(), None);
        }
    }
    let mut tick = Paint::default();
    tick.set_color(rgb([20, 20, 20]));
    let mut v = hi;
    while v >= lo - 1e-9 {
        let y = bar_top + ((hi - v) / (hi - lo)) as f32 * bar_h;
        if let Some(r) = Rect::from_xywh(lx + 22.0, y - 0.5, 6.0, 1.0) {
            pixmap.fill_rect(r, &tick, Transform::identity(), None);
        }
        text(
            &mut pixmap,
            lx + 32.0,
            y - 8.0,
            &format!("{v:.0}"),
            [20, 20, 20],
        );
        v -= 10.0;
    }
    let swatch = |pixmap: &mut Pixmap, y: f32, c: [u8; 3], label: &str| {
        let mut p = Paint::default();
        p.set_color(rgb(c));
        if let Some(r) = Rect::from_xywh(lx, y, 22.0, 16.0) {
            pixmap.fill_rect(r, &p, Transform::identity(), None);
        }
        text(pixmap, lx + 32.0, y, label, [20, 20, 20]);
    };
    swatch(
        &mut pixmap,
        bar_top + bar_h + 12.0,
        BELOW,
        &format!("<{lo:.0}"),
    );
    swatch(&mut pixmap, bar_top + bar_h + 36.0, NOTHING, "none");
    debug_assert!(text_width("none") < LEGEND_W);
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_scale_ends() {
        assert_eq!(color_of(-200.0, -90.0, -30.0), NOTHING);
        assert_eq!(color_of(-95.0, -90.0, -30.0), BELOW);
        // Viridis runs from dark purple (weak) to yellow (strong).
        let weak = color_of(-90.0, -90.0, -30.0);
        let strong = color_of(-30.0, -90.0, -30.0);
        assert!(
            weak[2] > weak[1] && strong[0] > strong[2],
            "{weak:?} {strong:?}"
        );
    }
}
