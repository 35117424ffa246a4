//! What is drawn over and under the plan itself: the background grid and the scale bar.

use tailplan_core::Point;

use crate::plan::color::Rgba;
use crate::plan::display::{Align, DisplayList, Path, Stroke, Text};
use crate::plan::style;
use crate::plan::view::{ScaleBar, View, Viewport, format_length, nice_step_above};

use super::Frame;

/// The background grid: fine lines at least ~24 px apart, every fifth (or tenth) stronger.
pub(super) fn grid(list: &mut DisplayList, f: &Frame, dpr: f64) {
    let step = nice_step_above(24.0 / f.view.scale);
    let major = nice_step_above(step * 5.0);
    let v = &f.visible;
    let count = (v.width() / step).ceil() + (v.height() / step).ceil();
    if !count.is_finite() || count > 600.0 {
        return;
    }
    // Hairlines one device pixel wide, on device pixel centres.
    let snap = |s: f64| ((s * dpr).floor() + 0.5) / dpr;
    let (mut minor, mut majors) = (Path::new(), Path::new());
    let is_major = |w: f64| ((w / major).round() * major - w).abs() < step * 1e-3;
    let mut x = (v.min.x / step).floor() * step;
    while x <= v.max.x {
        let sx = snap(f.view.to_screen(Point::new(x, 0.0)).0);
        let target = if is_major(x) { &mut majors } else { &mut minor };
        target.polyline([(sx, f.screen.y0), (sx, f.screen.y1)]);
        x += step;
    }
    let mut y = (v.min.y / step).floor() * step;
    while y <= v.max.y {
        let sy = snap(f.view.to_screen(Point::new(0.0, y)).1);
        let target = if is_major(y) { &mut majors } else { &mut minor };
        target.polyline([(f.screen.x0, sy), (f.screen.x1, sy)]);
        y += step;
    }
    list.stroke(minor, Stroke::solid(style::GRID_MINOR, 1.0 / dpr));
    list.stroke(majors, Stroke::solid(style::GRID_MAJOR, 1.0 / dpr));
}

/// The scale bar in the bottom-left corner: a panel, a two-part bar and its length.
pub(super) fn scale_bar(list: &mut DisplayList, view: &View, viewport: Viewport) {
    let max_px = (viewport.width * 0.25).clamp(40.0, 160.0);
    let bar = ScaleBar::new(view.scale, max_px);
    if viewport.width < 120.0 || viewport.height < 60.0 {
        return;
    }
    let (x0, y0) = (16.0, viewport.height - 16.0);
    let label = bar.label();
    let label_w = style::text_width_px(&label, 11.0);
    let panel_w = bar.length_px.max(label_w) + 20.0;
    let mut panel = Path::new();
    panel.rect(x0 - 10.0, y0 - 34.0, panel_w, 40.0);
    list.fill_stroke(
        panel,
        Rgba::hex(0xffffff).with_alpha(230),
        Stroke::solid(Rgba::rgb(15, 23, 42).with_alpha(40), 1.0),
    );
    let (bx, by, bh) = (x0, y0 - 10.0, 5.0);
    let half = bar.length_px / 2.0;
    let mut dark = Path::new();
    dark.rect(bx, by, half, bh);
    let mut light = Path::new();
    light.rect(bx + half, by, half, bh);
    let ink = Rgba::hex(0x1e293b);
    list.fill(dark, ink);
    list.fill_stroke(light, Rgba::hex(0xffffff), Stroke::solid(ink, 1.0));
    let mut frame = Path::new();
    frame.rect(bx, by, bar.length_px, bh);
    list.stroke(frame, Stroke::solid(ink, 1.0));
    list.text(Text {
        text: label,
        x: bx,
        y: by - 9.0,
        size_px: 11.0,
        bold: true,
        color: ink,
        halo: None,
        align: Align::Left,
    });
}

/// The length of a scale bar for `view` in `viewport`, as shown: `10 m`.
pub fn scale_bar_label(view: &View, viewport: Viewport) -> String {
    let max_px = (viewport.width * 0.25).clamp(40.0, 160.0);
    format_length(ScaleBar::new(view.scale, max_px).length_m)
}
