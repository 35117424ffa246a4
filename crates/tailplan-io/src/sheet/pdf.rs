//! Sheets as one PDF: a page per sheet at its paper's size, drawn from the sheet's SVG (read
//! by usvg, as the SVG importer reads plans) into krilla: paths as vector paths, fills and
//! strokes with their opacity and dashes, groups' clip paths and opacity, and text as text
//! (selectable, searchable) set in the bundled font, whatever family the sheet names.
//!
//! The font, "Tailplan Sans", is Liberation Sans 2 (SIL Open Font License 1.1; metrics
//! compatible with Arial, which the sheets' text widths are estimated for) subset to the
//! characters sheets write and renamed as the licence asks of a modified version
//! (`scripts/font-subset.sh`; the licence is `fonts/OFL.txt` beside it). It is compiled in,
//! so the output is the same on every machine and in the browser: no system font is read.
//! A character it does not have is drawn as its missing-glyph box and is still text.
//!
//! The same sheets and metadata give the same bytes: no clock (the creation date is the
//! sheet date), and the document's id is a hash of its content.

use std::sync::Arc;

use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{Path, PathBuilder, Point, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use usvg::fontdb;
use usvg::tiny_skia_path::PathSegment;

use super::Sheet;

/// The bundled font, regular weight.
const REGULAR: &[u8] = include_bytes!("../../fonts/TailplanSans-Regular.ttf");
/// The bundled font, bold.
const BOLD: &[u8] = include_bytes!("../../fonts/TailplanSans-Bold.ttf");

/// The family name of the bundled font (what a PDF reader lists among the document's fonts).
pub const PDF_FONT_FAMILY: &str = "Tailplan Sans";

/// PostScript points per CSS pixel (usvg's user unit: 96 per inch; 72 points per inch).
const PT_PER_PX: f32 = 0.75;

/// A sheet to put on a page: what [`Sheet`] and the application's sheet results hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfSheet<'a> {
    /// Its file name (`cabling-1`), which errors name.
    pub name: &'a str,
    /// Its drawing number (`TP-CAB-1`), in the document's outline.
    pub number: &'a str,
    /// Its title (`Level 1: cabling`), in the document's outline.
    pub title: &'a str,
    /// The SVG document.
    pub svg: &'a str,
}

impl<'a> From<&'a Sheet> for PdfSheet<'a> {
    fn from(s: &'a Sheet) -> Self {
        Self {
            name: &s.name,
            number: &s.number,
            title: &s.title,
            svg: &s.svg,
        }
    }
}

/// What the document says about itself (its information dictionary and XMP metadata).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfMeta {
    /// The document's title (`Office: sheets`).
    pub title: String,
    /// The project's name (the document's subject; empty for none).
    pub project: String,
    /// The project's revision mark (empty for none).
    pub revision: String,
    /// Who drew it (the document's author; empty for none).
    pub author: String,
    /// The sheet date, `YYYY-MM-DD`: the document's creation date (left out when it is not
    /// such a date). No clock is read.
    pub date: String,
}

/// Why a PDF cannot be written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// There is no sheet to write.
    #[error("no sheets to write")]
    NoSheets,
    /// A sheet's SVG could not be read (a sheet this crate drew always can).
    #[error("sheet {sheet}: {message}")]
    Svg {
        /// The sheet's file name (`cabling-1`).
        sheet: String,
        /// What went wrong.
        message: String,
    },
    /// The PDF could not be written.
    #[error("PDF: {0}")]
    Write(String),
}

/// The sheets as one PDF document, a page per sheet in order, each at its SVG's size (the
/// paper's: A3 landscape is 1190.55 × 841.89 pt), with an outline entry per sheet (its
/// number and title).
///
/// ```
/// use tailplan_core::{Floor, Point, Polygon, Project, Room};
/// use tailplan_io::sheet::{self, Analysis, PdfMeta, PdfSheet, SheetKind, SheetOptions};
///
/// let mut project = Project::new();
/// let mut floor = Floor::new("0", "Ground floor", 0.0);
/// floor.rooms.push(Room {
///     id: "r1".into(),
///     name: "Office".into(),
///     polygon: Polygon::rect(Point::new(0.0, 0.0), Point::new(12.0, 8.0)),
///     category: None,
///     people: None,
///     props: Default::default(),
/// });
/// project.floors.push(floor);
/// let analysis = Analysis::routing(&project);
/// let options = SheetOptions::dated("2025-01-31");
/// let sheets = sheet::floor_sheets(&project, &analysis, "0", SheetKind::Cabling, &options)?;
/// let pages: Vec<PdfSheet> = sheets.iter().map(PdfSheet::from).collect();
/// let meta = PdfMeta { title: "Ground floor: cabling".into(), ..PdfMeta::default() };
/// let pdf = sheet::pdf(&pages, &meta)?;
/// assert!(pdf.starts_with(b"%PDF-"));
/// assert_eq!(sheet::pdf(&pages, &meta)?, pdf); // the same bytes again
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pdf(sheets: &[PdfSheet<'_>], meta: &PdfMeta) -> Result<Vec<u8>, PdfError> {
    if sheets.is_empty() {
        return Err(PdfError::NoSheets);
    }
    let fonts = Fonts::new();
    let options = fonts.usvg_options();
    let mut document = Document::new_with(SerializeSettings::default());
    let mut outline = Outline::new();
    for (k, sheet) in sheets.iter().enumerate() {
        let svg_error = |message: String| PdfError::Svg {
            sheet: sheet.name.to_owned(),
            message,
        };
        let tree =
            usvg::Tree::from_str(sheet.svg, &options).map_err(|e| svg_error(e.to_string()))?;
        let size = tree.size();
        let page_size = Size::from_wh(size.width() * PT_PER_PX, size.height() * PT_PER_PX)
            .ok_or_else(|| svg_error("the sheet has no size".to_owned()))?;
        let mut page = document.start_page_with(PageSettings::new(page_size));
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_scale(PT_PER_PX, PT_PER_PX));
        group(tree.root(), &mut surface, &fonts);
        surface.pop();
        surface.finish();
        page.finish();
        let entry = match (sheet.number.is_empty(), sheet.title.is_empty()) {
            (false, false) => format!("{} {}", sheet.number, sheet.title),
            (true, false) => sheet.title.to_owned(),
            _ => sheet.name.to_owned(),
        };
        outline.push_child(OutlineNode::new(
            entry,
            XyzDestination::new(k, Point::from_xy(0.0, 0.0)),
        ));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(meta));
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The document's metadata.
fn metadata(meta: &PdfMeta) -> Metadata {
    let mut m = Metadata::new()
        .title(meta.title.clone())
        .creator("tailplan".to_owned());
    let subject = match (meta.project.is_empty(), meta.revision.is_empty()) {
        (false, false) => Some(format!("{}, revision {}", meta.project, meta.revision)),
        (false, true) => Some(meta.project.clone()),
        (true, false) => Some(format!("revision {}", meta.revision)),
        (true, true) => None,
    };
    if let Some(s) = subject {
        m = m.description(s);
    }
    if !meta.author.is_empty() {
        m = m.authors(vec![meta.author.clone()]);
    }
    if let Some((y, mo, d)) = ymd(&meta.date) {
        m = m.creation_date(DateTime::new(y).month(mo).day(d));
    }
    m
}

/// `YYYY-MM-DD` as numbers (month 1–12, day 1–31), else `None`.
fn ymd(s: &str) -> Option<(u16, u8, u8)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = s.get(0..4)?.parse::<u16>().ok()?;
    let m = s.get(5..7)?.parse::<u8>().ok()?;
    let d = s.get(8..10)?.parse::<u8>().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The bundled font, as usvg lays text out with it and as krilla embeds it.
struct Fonts {
    db: Arc<fontdb::Database>,
    regular: (fontdb::ID, Font),
    bold: (fontdb::ID, Font),
}

impl Fonts {
    fn new() -> Self {
        let mut db = fontdb::Database::new();
        let mut load = |bytes: &'static [u8]| {
            let id = db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)))[0];
            let font = Font::new(bytes.into(), 0).expect("the bundled font is valid");
            (id, font)
        };
        let regular = load(REGULAR);
        let bold = load(BOLD);
        Self {
            db: Arc::new(db),
            regular,
            bold,
        }
    }

    /// usvg's options: the bundled font for every family (bold from weight 600), no other.
    fn usvg_options(&self) -> usvg::Options<'static> {
        let (regular, bold) = (self.regular.0, self.bold.0);
        usvg::Options {
            font_family: PDF_FONT_FAMILY.to_owned(),
            fontdb: self.db.clone(),
            // Sheets link no file: nothing is ever read from disk (nor fetched).
            image_href_resolver: usvg::ImageHrefResolver {
                resolve_data: Box::new(|_, _, _| None),
                resolve_string: Box::new(|_, _| None),
            },
            resources_dir: None,
            font_resolver: usvg::FontResolver {
                select_font: Box::new(move |font, _| {
                    Some(if font.weight() >= 600 { bold } else { regular })
                }),
                select_fallback: Box::new(|_, _, _| None),
            },
            ..usvg::Options::default()
        }
    }

    /// krilla's font for usvg's font id.
    fn get(&self, id: fontdb::ID) -> Font {
        if id == self.bold.0 {
            self.bold.1.clone()
        } else {
            self.regular.1.clone()
        }
    }
}

/// Draws a group: its transform, clip path and opacity around its children.
fn group(g: &usvg::Group, surface: &mut Surface, fonts: &Fonts) {
    let mut pops = 1;
    surface.push_transform(&transform(g.transform()));
    if let Some(clip) = g.clip_path() {
        pops += clip_path(clip, surface);
    }
    if g.opacity() != usvg::Opacity::ONE {
        surface.push_opacity(NormalizedF32::new(g.opacity().get()).unwrap_or(NormalizedF32::ONE));
        surface.push_isolated();
        pops += 2;
    }
    for child in g.children() {
        match child {
            usvg::Node::Group(sub) => group(sub, surface, fonts),
            usvg::Node::Path(p) => path(p, surface),
            usvg::Node::Text(t) => text(t, surface, fonts),
            // Sheets hold no raster images.
            usvg::Node::Image(_) => {}
        }
    }
    for _ in 0..pops {
        surface.pop();
    }
}

/// Pushes a clip path (its paths as one, in its own transform, and the clip path it is
/// itself clipped by), returning how many pushes to pop.
fn clip_path(clip: &usvg::ClipPath, surface: &mut Surface) -> usize {
    let mut pops = 0;
    if let Some(outer) = clip.clip_path() {
        pops += clip_path(outer, surface);
    }
    let mut builder = PathBuilder::new();
    let mut rule = None;
    clip_paths(clip.root(), clip.transform(), &mut builder, &mut rule);
    if let Some(p) = builder.finish() {
        let rule = match rule {
            Some(usvg::FillRule::EvenOdd) => FillRule::EvenOdd,
            _ => FillRule::NonZero,
        };
        surface.push_clip_path(&p, &rule);
        pops += 1;
    }
    pops
}

/// Adds the paths of a clip path's group, transformed, into one path.
fn clip_paths(
    g: &usvg::Group,
    ts: usvg::Transform,
    out: &mut PathBuilder,
    rule: &mut Option<usvg::FillRule>,
) {
    let ts = ts.pre_concat(g.transform());
    for child in g.children() {
        match child {
            usvg::Node::Group(sub) => clip_paths(sub, ts, out, rule),
            usvg::Node::Path(p) => {
                if let Some(data) = p.data().clone().transform(ts) {
                    rule.get_or_insert(p.fill().map_or(usvg::FillRule::NonZero, |f| f.rule()));
                    segments(&data, out);
                }
            }
            usvg::Node::Text(_) | usvg::Node::Image(_) => {}
        }
    }
}

/// Draws a path: fill, then stroke, as its paint order says.
fn path(p: &usvg::Path, surface: &mut Surface) {
    if !p.is_visible() {
        return;
    }
    let Some(data) = krilla_path(p.data()) else {
        return;
    };
    let fill = p.fill().and_then(fill);
    let stroke = p.stroke().and_then(stroke);
    match p.paint_order() {
        usvg::PaintOrder::StrokeAndFill if fill.is_some() && stroke.is_some() => {
            draw(surface, &data, None, stroke);
            draw(surface, &data, fill, None);
        }
        _ => draw(surface, &data, fill, stroke),
    }
}

fn draw(surface: &mut Surface, data: &Path, fill: Option<Fill>, stroke: Option<Stroke>) {
    if fill.is_some() || stroke.is_some() {
        surface.set_fill(fill);
        surface.set_stroke(stroke);
        surface.draw_path(data);
    }
}

/// Draws a text: each span's glyphs in the bundled font, as runs of glyphs on one baseline
/// (one text object each, so that readers find words), with their text for copying and
/// searching.
fn text(t: &usvg::Text, surface: &mut Surface, fonts: &Fonts) {
    for span in t.layouted() {
        if !span.visible {
            continue;
        }
        for line in [&span.underline, &span.overline].into_iter().flatten() {
            path(line, surface);
        }
        let fill = span.fill.as_ref().and_then(fill);
        let stroke = span.stroke.as_ref().and_then(stroke);
        if fill.is_none() && stroke.is_none() {
            continue;
        }
        let size = span.font_size.get();
        let glyphs = &span.positioned_glyphs;
        let mut start = 0;
        while start < glyphs.len() {
            let first = &glyphs[start];
            // A glyph's transform scales font units to the font size: undone, since krilla
            // scales by the size itself.
            let unscale = |g: &usvg::layout::PositionedGlyph| {
                let k = fonts.get(g.font).units_per_em() / size;
                g.transform().pre_scale(k, k)
            };
            let base = unscale(first);
            let Some(inverse) = base.invert() else {
                start += 1;
                continue;
            };
            // The glyphs after `first` that lie on its baseline, unrotated and of its font.
            let mut offsets = vec![0.0f32];
            let mut end = start + 1;
            while end < glyphs.len() && glyphs[end].font == first.font {
                let rel = inverse.pre_concat(unscale(&glyphs[end]));
                let straight = (rel.sx - 1.0).abs() < 1e-3
                    && (rel.sy - 1.0).abs() < 1e-3
                    && rel.kx.abs() < 1e-3
                    && rel.ky.abs() < 1e-3
                    && rel.ty.abs() < 1e-3;
                if !straight {
                    break;
                }
                offsets.push(rel.tx);
                end += 1;
            }
            let mut run_text = String::new();
            let mut run = Vec::with_capacity(end - start);
            for (i, g) in glyphs[start..end].iter().enumerate() {
                let from = run_text.len();
                run_text.push_str(&g.text);
                // Advances in ems, from one glyph's position to the next one's.
                let advance = offsets
                    .get(i + 1)
                    .map_or(0.0, |next| (next - offsets[i]) / size);
                run.push(KrillaGlyph::new(
                    GlyphId::new(g.id.0),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    from..run_text.len(),
                    None,
                ));
            }
            surface.push_transform(&transform(base));
            surface.set_fill(fill.clone());
            surface.set_stroke(stroke.clone());
            surface.draw_glyphs(
                Point::from_xy(0.0, 0.0),
                &run,
                fonts.get(first.font),
                &run_text,
                size,
                false,
            );
            surface.pop();
            start = end;
        }
        if let Some(line) = &span.line_through {
            path(line, surface);
        }
    }
}

/// usvg's transform as krilla's.
fn transform(t: usvg::Transform) -> Transform {
    Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty)
}

/// usvg's path data as krilla's.
fn krilla_path(data: &usvg::tiny_skia_path::Path) -> Option<Path> {
    let mut b = PathBuilder::new();
    segments(data, &mut b);
    b.finish()
}

fn segments(data: &usvg::tiny_skia_path::Path, b: &mut PathBuilder) {
    for s in data.segments() {
        match s {
            PathSegment::MoveTo(p) => b.move_to(p.x, p.y),
            PathSegment::LineTo(p) => b.line_to(p.x, p.y),
            PathSegment::QuadTo(p1, p) => b.quad_to(p1.x, p1.y, p.x, p.y),
            PathSegment::CubicTo(p1, p2, p) => b.cubic_to(p1.x, p1.y, p2.x, p2.y, p.x, p.y),
            PathSegment::Close => b.close(),
        }
    }
}

/// A paint: sheets paint in plain colours only (a gradient or pattern is not drawn).
fn paint(p: &usvg::Paint) -> Option<Paint> {
    match p {
        usvg::Paint::Color(c) => Some(rgb::Color::new(c.red, c.green, c.blue).into()),
        _ => None,
    }
}

fn opacity(o: usvg::Opacity) -> NormalizedF32 {
    NormalizedF32::new(o.get()).unwrap_or(NormalizedF32::ONE)
}

fn fill(f: &usvg::Fill) -> Option<Fill> {
    Some(Fill {
        paint: paint(f.paint())?,
        opacity: opacity(f.opacity()),
        rule: match f.rule() {
            usvg::FillRule::NonZero => FillRule::NonZero,
            usvg::FillRule::EvenOdd => FillRule::EvenOdd,
        },
    })
}

fn stroke(s: &usvg::Stroke) -> Option<Stroke> {
    Some(Stroke {
        paint: paint(s.paint())?,
        width: s.width().get(),
        miter_limit: s.miterlimit().get(),
        line_cap: match s.linecap() {
            usvg::LineCap::Butt => LineCap::Butt,
            usvg::LineCap::Round => LineCap::Round,
            usvg::LineCap::Square => LineCap::Square,
        },
        line_join: match s.linejoin() {
            usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoin::Miter,
            usvg::LineJoin::Round => LineJoin::Round,
            usvg::LineJoin::Bevel => LineJoin::Bevel,
        },
        opacity: opacity(s.opacity()),
        dash: s.dasharray().map(|array| StrokeDash {
            array: array.to_vec(),
            offset: s.dashoffset(),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_only_when_they_are_days() {
        assert_eq!(ymd("2025-01-31"), Some((2025, 1, 31)));
        assert_eq!(ymd("2025-13-01"), None);
        assert_eq!(ymd("31/01/2025"), None);
        assert_eq!(ymd(""), None);
    }

    #[test]
    fn no_sheets_is_an_error() {
        assert_eq!(pdf(&[], &PdfMeta::default()), Err(PdfError::NoSheets));
    }

    fn count(hay: &[u8], needle: &str) -> usize {
        hay.windows(needle.len())
            .filter(|w| *w == needle.as_bytes())
            .count()
    }

    #[test]
    fn any_family_is_set_in_the_bundled_font_bold_in_its_bold() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm"
            viewBox="0 0 210 297"><text x="10" y="10" font-family="No Such Font" font-size="5"
            >Hi</text><text x="10" y="20" font-family="serif" font-weight="bold" font-size="5"
            >Bold</text></svg>"#;
        let page = PdfSheet {
            name: "a4",
            number: "",
            title: "",
            svg,
        };
        let pdf = pdf(&[page], &PdfMeta::default()).expect("written");
        // Both weights embedded (their font files), by the bundled font's names; no other font.
        assert_eq!(count(&pdf, "/FontFile2"), 2);
        // Each in its Type0 font, its CID font and its descriptor.
        assert_eq!(count(&pdf, "TailplanSans-Regular"), 3);
        assert_eq!(count(&pdf, "TailplanSans-Bold"), 3);
        assert_eq!(count(&pdf, "/FontName"), 2);
        // A4 portrait, in points.
        assert_eq!(count(&pdf, "/MediaBox[0 0 595.27"), 1);
    }

    #[test]
    fn a_bad_svg_names_its_sheet() {
        let sheet = PdfSheet {
            name: "cabling-1",
            number: "TP-CAB-1",
            title: "Level 1",
            svg: "<svg",
        };
        let err = pdf(&[sheet], &PdfMeta::default()).unwrap_err();
        assert!(
            matches!(&err, PdfError::Svg { sheet, .. } if sheet == "cabling-1"),
            "{err}"
        );
    }
}
