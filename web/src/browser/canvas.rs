//! Replays a [`DisplayList`] on an HTML canvas: a dumb loop, every decision was made when
//! the list was built. Images (heatmaps, scans) are looked up by id in an [`Images`] store;
//! [`compose`] stacks cached layers (canvases drawn once per view) with a list between them,
//! so that a new heatmap redraws in one copy per layer instead of the whole floor.

use std::collections::HashMap;

use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{
    CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement, HtmlImageElement, ImageData,
};

use crate::browser::fetch::js_message;
use crate::plan::display::{DisplayList, DrawOp, ImageId, ImageOp, PathCmd, Stroke, Text};
use crate::plan::view::Viewport;

/// The font stack of plan labels.
const FONT_FAMILY: &str = "Inter, \"Segoe UI\", system-ui, -apple-system, Roboto, sans-serif";

/// Pixels a display list can draw.
#[derive(Debug, Clone)]
pub enum ImageSource {
    /// A canvas holding the pixels (a heatmap's image).
    Canvas(HtmlCanvasElement),
    /// A decoded picture (a scan).
    Image(HtmlImageElement),
}

/// The images display lists refer to, by id.
#[derive(Debug, Clone, Default)]
pub struct Images(pub HashMap<ImageId, ImageSource>);

impl Images {
    /// No images.
    pub fn new() -> Self {
        Self::default()
    }
}

/// A new canvas element, not attached to the page.
pub fn new_canvas() -> Result<HtmlCanvasElement, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    document
        .create_element("canvas")
        .map_err(|e| js_message(&e))?
        .dyn_into::<HtmlCanvasElement>()
        .map_err(|_| "not a canvas".to_owned())
}

/// A canvas of `width` × `height` pixels holding `rgba` (row-major, 4 bytes a pixel).
pub fn canvas_of_rgba(rgba: &[u8], width: u32, height: u32) -> Result<HtmlCanvasElement, String> {
    if width == 0 || height == 0 || rgba.len() != (width as usize) * (height as usize) * 4 {
        return Err(format!(
            "an image of {width} × {height} pixels needs {} bytes, not {}",
            (width as usize) * (height as usize) * 4,
            rgba.len()
        ));
    }
    let canvas = new_canvas()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height)
        .map_err(|e| js_message(&e))?;
    context(&canvas)?
        .put_image_data(&data, 0.0, 0.0)
        .map_err(|e| js_message(&e))?;
    Ok(canvas)
}

/// Sizes `canvas`'s backing store for `viewport`.
fn size(canvas: &HtmlCanvasElement, viewport: Viewport) {
    let (w, h) = viewport.device_size();
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
}

/// Draws `list` on `canvas`, sizing its backing store for `viewport` so that lines are crisp
/// at the display's pixel ratio.
pub fn render(
    canvas: &HtmlCanvasElement,
    list: &DisplayList,
    viewport: Viewport,
) -> Result<(), String> {
    render_with(canvas, list, viewport, &Images::new())
}

/// [`render`] with the images the list draws.
pub fn render_with(
    canvas: &HtmlCanvasElement,
    list: &DisplayList,
    viewport: Viewport,
    images: &Images,
) -> Result<(), String> {
    size(canvas, viewport);
    let ctx = context(canvas)?;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        .map_err(|e| js_message(&e))?;
    let (w, h) = viewport.device_size();
    match list.background {
        Some(bg) => {
            ctx.set_fill_style_str(&bg.css());
            ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
        }
        None => ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h)),
    }
    replay(&ctx, list, viewport.dpr, images)
}

/// One layer of a [`compose`]d canvas.
pub enum Layer<'a> {
    /// A canvas already drawn at the viewport's size (copied as it is).
    Canvas(&'a HtmlCanvasElement),
    /// A display list, with its images.
    List(&'a DisplayList, &'a Images),
}

/// Draws `layers` onto `canvas`, back to front, over a cleared canvas.
pub fn compose(
    canvas: &HtmlCanvasElement,
    layers: &[Layer<'_>],
    viewport: Viewport,
) -> Result<(), String> {
    size(canvas, viewport);
    let ctx = context(canvas)?;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        .map_err(|e| js_message(&e))?;
    let (w, h) = viewport.device_size();
    ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    for layer in layers {
        match layer {
            Layer::Canvas(c) => {
                ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
                    .map_err(|e| js_message(&e))?;
                if c.width() > 0 && c.height() > 0 {
                    ctx.draw_image_with_html_canvas_element(c, 0.0, 0.0)
                        .map_err(|e| js_message(&e))?;
                }
            }
            Layer::List(list, images) => replay(&ctx, list, viewport.dpr, images)?,
        }
    }
    Ok(())
}

/// Replays the operations of `list` (not its background) at `dpr`.
fn replay(
    ctx: &CanvasRenderingContext2d,
    list: &DisplayList,
    dpr: f64,
    images: &Images,
) -> Result<(), String> {
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)
        .map_err(|e| js_message(&e))?;
    ctx.set_line_join("miter");
    ctx.set_miter_limit(4.0);
    ctx.set_text_baseline("middle");
    for op in &list.ops {
        match op {
            DrawOp::Path { path, fill, stroke } => {
                ctx.begin_path();
                for cmd in &path.cmds {
                    match *cmd {
                        PathCmd::MoveTo(x, y) => ctx.move_to(x, y),
                        PathCmd::LineTo(x, y) => ctx.line_to(x, y),
                        PathCmd::Arc {
                            x,
                            y,
                            r,
                            start,
                            end,
                        } => ctx.arc(x, y, r, start, end).map_err(|e| js_message(&e))?,
                        PathCmd::Close => ctx.close_path(),
                    }
                }
                if let Some(color) = fill {
                    ctx.set_fill_style_str(&color.css());
                    ctx.fill_with_canvas_winding_rule(CanvasWindingRule::Nonzero);
                }
                if let Some(stroke) = stroke {
                    apply_stroke(ctx, stroke)?;
                    ctx.stroke();
                }
            }
            DrawOp::Text(text) => draw_text(ctx, text)?,
            DrawOp::Image(image) => {
                // An image not (yet) loaded is skipped: it is drawn when it arrives.
                if let Some(source) = images.0.get(&image.image) {
                    draw_image(ctx, image, source, dpr)?;
                }
            }
        }
    }
    Ok(())
}

fn draw_image(
    ctx: &CanvasRenderingContext2d,
    op: &ImageOp,
    source: &ImageSource,
    dpr: f64,
) -> Result<(), String> {
    let err = |e: JsValue| js_message(&e);
    ctx.save();
    ctx.set_global_alpha(op.alpha.clamp(0.0, 1.0));
    ctx.set_image_smoothing_enabled(op.smooth);
    if op.multiply {
        ctx.set_global_composite_operation("multiply")
            .map_err(err)?;
    }
    let [a, b, c, d, e, f] = op.transform;
    ctx.set_transform(dpr * a, dpr * b, dpr * c, dpr * d, dpr * e, dpr * f)
        .map_err(err)?;
    let drawn = match source {
        ImageSource::Canvas(canvas) => ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            canvas,
            0.0,
            0.0,
            f64::from(op.width),
            f64::from(op.height),
        ),
        ImageSource::Image(img) => ctx.draw_image_with_html_image_element_and_dw_and_dh(
            img,
            0.0,
            0.0,
            f64::from(op.width),
            f64::from(op.height),
        ),
    };
    ctx.restore();
    drawn.map_err(err)?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(err)
}

/// The canvas's 2D context.
fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    canvas
        .get_context("2d")
        .map_err(|e| js_message(&e))?
        .ok_or_else(|| "this browser gives no 2D canvas".to_owned())?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| "the canvas context is not a 2D context".to_owned())
}

fn apply_stroke(ctx: &CanvasRenderingContext2d, s: &Stroke) -> Result<(), String> {
    ctx.set_stroke_style_str(&s.color.css());
    ctx.set_line_width(s.width);
    ctx.set_line_cap(s.cap.as_str());
    let dash = js_sys::Array::new();
    for d in &s.dash {
        dash.push(&JsValue::from_f64(*d));
    }
    ctx.set_line_dash(&dash).map_err(|e| js_message(&e))
}

fn draw_text(ctx: &CanvasRenderingContext2d, t: &Text) -> Result<(), String> {
    let weight = if t.bold { 600 } else { 400 };
    ctx.set_font(&format!("{weight} {}px {FONT_FAMILY}", t.size_px));
    ctx.set_text_align(t.align.as_str());
    if let Some(halo) = t.halo {
        ctx.set_line_dash(&js_sys::Array::new())
            .map_err(|e| js_message(&e))?;
        ctx.set_stroke_style_str(&halo.css());
        ctx.set_line_width(3.0);
        ctx.set_line_join("round");
        ctx.stroke_text(&t.text, t.x, t.y)
            .map_err(|e| js_message(&e))?;
        ctx.set_line_join("miter");
    }
    ctx.set_fill_style_str(&t.color.css());
    ctx.fill_text(&t.text, t.x, t.y).map_err(|e| js_message(&e))
}
