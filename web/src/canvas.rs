//! Replays a [`DisplayList`] on an HTML canvas: a dumb loop, every decision was made when
//! the list was built.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement};

use crate::display::{DisplayList, DrawOp, PathCmd, Stroke, Text};
use crate::fetch::js_message;
use crate::view::Viewport;

/// The font stack of plan labels.
const FONT_FAMILY: &str = "Inter, \"Segoe UI\", system-ui, -apple-system, Roboto, sans-serif";

/// Draws `list` on `canvas`, sizing its backing store for `viewport` so that lines are crisp
/// at the display's pixel ratio.
pub fn render(
    canvas: &HtmlCanvasElement,
    list: &DisplayList,
    viewport: Viewport,
) -> Result<(), String> {
    let (w, h) = viewport.device_size();
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let ctx = context(canvas)?;
    let dpr = viewport.dpr;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)
        .map_err(|e| js_message(&e))?;
    match list.background {
        Some(bg) => {
            ctx.set_fill_style_str(&bg.css());
            ctx.fill_rect(0.0, 0.0, viewport.width, viewport.height);
        }
        None => ctx.clear_rect(0.0, 0.0, viewport.width, viewport.height),
    }
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
                    apply_stroke(&ctx, stroke)?;
                    ctx.stroke();
                }
            }
            DrawOp::Text(text) => draw_text(&ctx, text)?,
        }
    }
    Ok(())
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
