//! The view transform between the plan's world metres and the canvas's screen pixels.
//!
//! World coordinates are the project's: x east, y north, metres. Screen coordinates are CSS
//! pixels from the canvas's top-left corner, y down. A [`View`] is a uniform scale plus a
//! translation, so straight lines stay straight and circles stay round.

use tailplan_core::{BBox, Point};

/// The most zoomed-out scale the view allows, pixels per metre (a 10 km campus fits).
pub const MIN_SCALE_PX_PER_M: f64 = 0.05;
/// The most zoomed-in scale the view allows, pixels per metre (1 mm = 2 px).
pub const MAX_SCALE_PX_PER_M: f64 = 2_000.0;
/// A CSS pixel is 1/96 inch: this many metres on paper.
pub const CSS_PX_M: f64 = 0.0254 / 96.0;
/// The scale a view starts at before there is anything to fit, pixels per metre.
const DEFAULT_SCALE_PX_PER_M: f64 = 10.0;

/// The size of the drawing surface, in CSS pixels, and the device pixel ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Width, CSS px.
    pub width: f64,
    /// Height, CSS px.
    pub height: f64,
    /// Device pixels per CSS pixel (2 on most laptops' displays).
    pub dpr: f64,
}

impl Viewport {
    /// A viewport of `width` x `height` CSS px at `dpr` device pixels per CSS pixel.
    /// Non-finite or negative values become 0 (and a `dpr` below 0.5 becomes 1).
    pub fn new(width: f64, height: f64, dpr: f64) -> Self {
        let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
        let dpr = if dpr.is_finite() && dpr >= 0.5 {
            dpr
        } else {
            1.0
        };
        Self {
            width: clean(width),
            height: clean(height),
            dpr,
        }
    }

    /// True when there is nothing to draw on.
    pub fn is_empty(&self) -> bool {
        self.width < 1.0 || self.height < 1.0
    }

    /// The backing store size in device pixels, at least 1 x 1.
    pub fn device_size(&self) -> (u32, u32) {
        let px = |v: f64| (v * self.dpr).round().clamp(1.0, 16_384.0) as u32;
        (px(self.width), px(self.height))
    }

    /// The centre, CSS px.
    pub fn center(&self) -> (f64, f64) {
        (self.width / 2.0, self.height / 2.0)
    }
}

impl Default for Viewport {
    fn default() -> Self {
        Self::new(0.0, 0.0, 1.0)
    }
}

/// Maps world metres to screen pixels: `screen = origin + scale * (x, -y)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Pixels per metre.
    pub scale: f64,
    /// Screen x of the world origin, CSS px.
    pub origin_x: f64,
    /// Screen y of the world origin, CSS px.
    pub origin_y: f64,
}

impl Default for View {
    fn default() -> Self {
        Self {
            scale: DEFAULT_SCALE_PX_PER_M,
            origin_x: 0.0,
            origin_y: 0.0,
        }
    }
}

impl View {
    /// The screen position of a world point, CSS px.
    pub fn to_screen(&self, p: Point) -> (f64, f64) {
        (
            self.origin_x + p.x * self.scale,
            self.origin_y - p.y * self.scale,
        )
    }

    /// The world point under a screen position.
    pub fn to_world(&self, x: f64, y: f64) -> Point {
        Point::new(
            (x - self.origin_x) / self.scale,
            (self.origin_y - y) / self.scale,
        )
    }

    /// A length in metres as screen pixels.
    pub fn px(&self, metres: f64) -> f64 {
        metres * self.scale
    }

    /// The view that shows all of `bbox` centred in `viewport`, leaving `margin_px` free on
    /// every side. A box without extent (one point) is shown at the default scale.
    pub fn fit(bbox: BBox, viewport: Viewport, margin_px: f64) -> View {
        let free_w = (viewport.width - 2.0 * margin_px)
            .max(viewport.width * 0.5)
            .max(1.0);
        let free_h = (viewport.height - 2.0 * margin_px)
            .max(viewport.height * 0.5)
            .max(1.0);
        let scale = match (bbox.width() > 1e-9, bbox.height() > 1e-9) {
            (true, true) => (free_w / bbox.width()).min(free_h / bbox.height()),
            (true, false) => free_w / bbox.width(),
            (false, true) => free_h / bbox.height(),
            (false, false) => DEFAULT_SCALE_PX_PER_M,
        };
        let scale = clamp_scale(scale);
        let c = bbox.center();
        let (cx, cy) = viewport.center();
        View {
            scale,
            origin_x: cx - c.x * scale,
            origin_y: cy + c.y * scale,
        }
    }

    /// Zooms by `factor` (above 1 zooms in) keeping the world point under the screen
    /// position `(x, y)` where it is. The scale stays within the allowed range.
    pub fn zoom_about(&self, x: f64, y: f64, factor: f64) -> View {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = self.to_world(x, y);
        let scale = clamp_scale(self.scale * factor);
        View {
            scale,
            origin_x: x - anchor.x * scale,
            origin_y: y + anchor.y * scale,
        }
    }

    /// Moves the plan by `(dx, dy)` screen pixels.
    pub fn pan(&self, dx: f64, dy: f64) -> View {
        if !(dx.is_finite() && dy.is_finite()) {
            return *self;
        }
        View {
            origin_x: self.origin_x + dx,
            origin_y: self.origin_y + dy,
            ..*self
        }
    }

    /// The part of the world the viewport shows.
    pub fn visible(&self, viewport: Viewport) -> BBox {
        let a = self.to_world(0.0, viewport.height);
        let b = self.to_world(viewport.width, 0.0);
        BBox { min: a, max: b }
    }

    /// Metres per CSS pixel.
    pub fn metres_per_px(&self) -> f64 {
        1.0 / self.scale
    }

    /// The drawing scale as the denominator N of "1:N", for a 96 dpi screen.
    pub fn scale_denominator(&self) -> f64 {
        self.metres_per_px() / CSS_PX_M
    }
}

fn clamp_scale(scale: f64) -> f64 {
    if scale.is_finite() {
        scale.clamp(MIN_SCALE_PX_PER_M, MAX_SCALE_PX_PER_M)
    } else {
        DEFAULT_SCALE_PX_PER_M
    }
}

/// How a wheel event measures its delta (`WheelEvent.deltaMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WheelUnit {
    /// Pixels (mice on most systems, trackpads).
    Pixel,
    /// Lines (Firefox with a mouse wheel).
    Line,
    /// Pages.
    Page,
}

impl WheelUnit {
    /// The unit for a `deltaMode` value (0, 1 or 2; anything else is pixels).
    pub fn from_delta_mode(mode: u32) -> Self {
        match mode {
            1 => WheelUnit::Line,
            2 => WheelUnit::Page,
            _ => WheelUnit::Pixel,
        }
    }
}

/// The zoom factor for a wheel event: scrolling down (positive `delta_y`) zooms out. One
/// notch of a mouse wheel (100 px) zooms by about 1.2; a single event is limited to 2x.
pub fn wheel_zoom_factor(delta_y: f64, unit: WheelUnit, page_height_px: f64) -> f64 {
    if !delta_y.is_finite() {
        return 1.0;
    }
    let px = match unit {
        WheelUnit::Pixel => delta_y,
        WheelUnit::Line => delta_y * 33.0,
        WheelUnit::Page => delta_y * page_height_px.max(100.0),
    };
    (-px * 0.0018).exp().clamp(0.5, 2.0)
}

/// A scale bar: a round length and how long it is on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleBar {
    /// The length it stands for, metres (1, 2 or 5 times a power of ten).
    pub length_m: f64,
    /// Its length on screen, CSS px.
    pub length_px: f64,
}

impl ScaleBar {
    /// The longest round length that fits in `max_px` at `scale` pixels per metre.
    pub fn new(scale: f64, max_px: f64) -> ScaleBar {
        let length_m = nice_step_below(max_px / scale);
        ScaleBar {
            length_m,
            length_px: length_m * scale,
        }
    }

    /// The length as the bar's label: `50 cm`, `2 m`, `1 km`.
    pub fn label(&self) -> String {
        format_length(self.length_m)
    }
}

/// The largest 1, 2 or 5 x 10^k not above `value` (positive; tiny values give 1 mm).
pub fn nice_step_below(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.001 {
        return 0.001;
    }
    let exp = value.log10().floor();
    let base = 10f64.powf(exp);
    let mantissa = value / base;
    let m = if mantissa >= 5.0 {
        5.0
    } else if mantissa >= 2.0 {
        2.0
    } else {
        1.0
    };
    // Round away the float noise of powf (0.30000000000000004).
    let step = m * base;
    let digits = (-exp).max(0.0) as i32 + 1;
    let k = 10f64.powi(digits);
    (step * k).round() / k
}

/// The smallest 1, 2 or 5 x 10^k at least `value`.
pub fn nice_step_above(value: f64) -> f64 {
    let below = nice_step_below(value);
    if below >= value {
        below
    } else {
        // The next nice step up from `below`.
        let exp = below.log10().floor();
        let base = 10f64.powf(exp);
        let m = (below / base).round();
        let next = match m as i64 {
            1 => 2.0 * base,
            2 => 5.0 * base,
            _ => 10.0 * base,
        };
        let digits = (-exp).max(0.0) as i32 + 1;
        let k = 10f64.powi(digits);
        (next * k).round() / k
    }
}

/// A length for people: `350 mm`, `50 cm`, `2 m`, `12.5 m`, `1 km`.
pub fn format_length(metres: f64) -> String {
    if metres >= 1000.0 {
        format!("{} km", trim_number(metres / 1000.0))
    } else if metres >= 1.0 {
        format!("{} m", trim_number(metres))
    } else if metres >= 0.01 {
        format!("{} cm", trim_number(metres * 100.0))
    } else {
        format!("{} mm", trim_number(metres * 1000.0))
    }
}

/// A number with at most two decimals and no trailing zeros.
fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn bbox(x0: f64, y0: f64, x1: f64, y1: f64) -> BBox {
        BBox {
            min: Point::new(x0, y0),
            max: Point::new(x1, y1),
        }
    }

    #[test]
    fn world_and_screen_round_trip_with_y_flipped() {
        let v = View {
            scale: 20.0,
            origin_x: 100.0,
            origin_y: 500.0,
        };
        assert_eq!(v.to_screen(Point::new(0.0, 0.0)), (100.0, 500.0));
        // North is up on screen.
        assert_eq!(v.to_screen(Point::new(1.0, 2.0)), (120.0, 460.0));
        let p = v.to_world(333.0, 77.0);
        let (x, y) = v.to_screen(p);
        assert!(close(x, 333.0) && close(y, 77.0));
    }

    #[test]
    fn fit_centres_the_box_with_a_margin() {
        let vp = Viewport::new(1000.0, 600.0, 2.0);
        let v = View::fit(bbox(10.0, 20.0, 110.0, 70.0), vp, 20.0);
        // 100 x 50 m into 960 x 560 px: width limits, 9.6 px/m.
        assert!(close(v.scale, 9.6));
        let (cx, cy) = v.to_screen(Point::new(60.0, 45.0));
        assert!(close(cx, 500.0) && close(cy, 300.0));
        let vis = v.visible(vp);
        assert!(vis.min.x < 10.0 && vis.max.x > 110.0);
        assert!(vis.min.y < 20.0 && vis.max.y > 70.0);
        // A tall box is limited by the height.
        let tall = View::fit(bbox(0.0, 0.0, 10.0, 100.0), vp, 20.0);
        assert!(close(tall.scale, 5.6));
    }

    #[test]
    fn fit_of_a_point_or_a_line_is_finite() {
        let vp = Viewport::new(800.0, 600.0, 1.0);
        let v = View::fit(bbox(5.0, 5.0, 5.0, 5.0), vp, 20.0);
        assert_eq!(v.scale, DEFAULT_SCALE_PX_PER_M);
        assert_eq!(v.to_screen(Point::new(5.0, 5.0)), (400.0, 300.0));
        let line = View::fit(bbox(0.0, 3.0, 76.0, 3.0), vp, 20.0);
        assert!(close(line.scale, 10.0));
        // A viewport smaller than the margins still gives a usable view.
        let tiny = View::fit(
            bbox(0.0, 0.0, 10.0, 10.0),
            Viewport::new(10.0, 10.0, 1.0),
            20.0,
        );
        assert!(tiny.scale > 0.0 && tiny.scale.is_finite());
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let v = View {
            scale: 10.0,
            origin_x: 50.0,
            origin_y: 400.0,
        };
        let before = v.to_world(321.0, 123.0);
        let z = v.zoom_about(321.0, 123.0, 1.5);
        assert!(close(z.scale, 15.0));
        let after = z.to_world(321.0, 123.0);
        assert!(close(before.x, after.x) && close(before.y, after.y));
        // Zooming out and back in returns to the same view.
        let back = z.zoom_about(321.0, 123.0, 1.0 / 1.5);
        assert!(close(back.origin_x, v.origin_x) && close(back.origin_y, v.origin_y));
        // Bad factors change nothing.
        assert_eq!(v.zoom_about(0.0, 0.0, f64::NAN), v);
        assert_eq!(v.zoom_about(0.0, 0.0, -2.0), v);
    }

    #[test]
    fn zoom_is_clamped() {
        let v = View::default();
        let far = (0..100).fold(v, |v, _| v.zoom_about(10.0, 10.0, 0.5));
        assert_eq!(far.scale, MIN_SCALE_PX_PER_M);
        let near = (0..100).fold(v, |v, _| v.zoom_about(10.0, 10.0, 2.0));
        assert_eq!(near.scale, MAX_SCALE_PX_PER_M);
        // At the limit the anchor point still stays put.
        let p = near.to_world(10.0, 10.0);
        let again = near.zoom_about(10.0, 10.0, 2.0).to_world(10.0, 10.0);
        assert!(close(p.x, again.x) && close(p.y, again.y));
    }

    #[test]
    fn pan_moves_the_origin() {
        let v = View::default().pan(12.0, -3.0);
        assert_eq!((v.origin_x, v.origin_y), (12.0, -3.0));
        assert_eq!(v.pan(f64::INFINITY, 0.0), v);
    }

    #[test]
    fn scale_denominator_at_96_dpi() {
        // 1 CSS px = 0.2646 mm; at 1:200 that is 52.9 mm, i.e. 18.9 px per metre.
        let v = View {
            scale: 1.0 / (200.0 * CSS_PX_M),
            ..View::default()
        };
        assert!(close(v.scale_denominator(), 200.0));
        assert!(close(v.metres_per_px(), 200.0 * CSS_PX_M));
    }

    #[test]
    fn wheel_zoom_direction_and_limits() {
        let notch = wheel_zoom_factor(-100.0, WheelUnit::Pixel, 800.0);
        assert!(notch > 1.15 && notch < 1.25, "{notch}");
        assert!(wheel_zoom_factor(100.0, WheelUnit::Pixel, 800.0) < 1.0);
        assert!(close(
            wheel_zoom_factor(3.0, WheelUnit::Line, 800.0),
            wheel_zoom_factor(99.0, WheelUnit::Pixel, 800.0)
        ));
        assert_eq!(wheel_zoom_factor(-10.0, WheelUnit::Page, 800.0), 2.0);
        assert_eq!(wheel_zoom_factor(f64::NAN, WheelUnit::Pixel, 800.0), 1.0);
        assert_eq!(WheelUnit::from_delta_mode(1), WheelUnit::Line);
        assert_eq!(WheelUnit::from_delta_mode(9), WheelUnit::Pixel);
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step_below(7.3), 5.0);
        assert_eq!(nice_step_below(19.9), 10.0);
        assert_eq!(nice_step_below(2.0), 2.0);
        assert_eq!(nice_step_below(0.37), 0.2);
        assert_eq!(nice_step_below(1234.0), 1000.0);
        assert_eq!(nice_step_below(-1.0), 0.001);
        assert_eq!(nice_step_above(7.3), 10.0);
        assert_eq!(nice_step_above(0.3), 0.5);
        assert_eq!(nice_step_above(2.0), 2.0);
        assert_eq!(nice_step_above(21.0), 50.0);
    }

    #[test]
    fn scale_bar_fits_and_is_round() {
        let bar = ScaleBar::new(9.6, 120.0);
        assert_eq!(bar.length_m, 10.0);
        assert!(close(bar.length_px, 96.0));
        assert_eq!(bar.label(), "10 m");
        assert_eq!(ScaleBar::new(400.0, 120.0).label(), "20 cm");
        assert_eq!(ScaleBar::new(0.1, 120.0).label(), "1 km");
        assert_eq!(format_length(12.5), "12.5 m");
        assert_eq!(format_length(0.005), "5 mm");
    }

    #[test]
    fn viewport_sanitises_and_sizes_the_backing_store() {
        let vp = Viewport::new(300.5, f64::NAN, 0.0);
        assert_eq!((vp.width, vp.height, vp.dpr), (300.5, 0.0, 1.0));
        assert!(vp.is_empty());
        let hi = Viewport::new(640.0, 480.0, 1.5);
        assert_eq!(hi.device_size(), (960, 720));
        assert_eq!(Viewport::default().device_size(), (1, 1));
    }
}
