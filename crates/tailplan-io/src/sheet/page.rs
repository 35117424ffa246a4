//! One sheet being drawn, and its assembly into an SVG document: the paper, `<defs>` with the
//! symbols it used, its layers as Inkscape layers (`<g inkscape:groupmode="layer">`), the
//! legend and tables, the frame and the title block.

use std::fmt::Write as _;

use tailplan_core::ProjectMeta;

use super::layout;
use super::legend::Entry;
use super::paper::Paper;
use super::style;
use super::symbols::{Sym, Used};
use super::text::{FONT_FAMILY, LABEL_MM};
use super::title_block::{TitleInfo, title_block};
use super::xml::{Esc, Ids, N};

/// A layer of the sheet.
pub(crate) struct Layer {
    id: String,
    label: String,
    attrs: String,
    /// The layer's content.
    pub body: String,
}

/// A sheet being drawn.
pub(crate) struct Page {
    /// The paper.
    pub paper: Paper,
    /// The ids used in the document.
    pub ids: Ids,
    /// The symbols placed.
    pub used: Used,
    /// Definitions other than symbols (clip paths).
    pub defs: String,
    /// The layers, bottom first.
    pub layers: Vec<Layer>,
    /// What the legend lists, in order.
    pub legend: Vec<Entry>,
}

/// Ids the sheet's own furniture uses, reserved before any element's.
const FIXED_IDS: [&str; 6] = [
    "scale-bar",
    "north-arrow",
    "title-block",
    "layer-sheet",
    "layer-panels",
    "paper",
];

impl Layer {
    /// The layer's id.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl Page {
    /// An empty sheet.
    pub fn new(paper: Paper) -> Self {
        let mut ids = Ids::new();
        for s in Sym::all() {
            ids.unique(&s.id());
        }
        for id in FIXED_IDS {
            ids.unique(id);
        }
        Self {
            paper,
            ids,
            used: Used::default(),
            defs: String::new(),
            layers: Vec::new(),
            legend: Vec::new(),
        }
    }

    /// Adds a layer (id made unique from `id`), returning its index.
    pub fn layer(&mut self, id: &str, label: &str) -> usize {
        self.layer_with(id, label, "")
    }

    /// Adds a layer with extra attributes on its group (written as given).
    pub fn layer_with(&mut self, id: &str, label: &str, attrs: &str) -> usize {
        let id = self.ids.unique(&format!("layer-{id}"));
        self.layers.push(Layer {
            id,
            label: label.to_owned(),
            attrs: attrs.to_owned(),
            body: String::new(),
        });
        self.layers.len() - 1
    }

    /// Adds a legend entry once.
    pub fn note(&mut self, e: Entry) {
        if !self.legend.contains(&e) {
            self.legend.push(e);
        }
    }

    /// The document: the layers, then `panels` (legend and tables) and the frame with the
    /// title block of sheet `n` of `m`.
    pub fn finish(
        self,
        panels: &str,
        meta: &ProjectMeta,
        info: &TitleInfo,
        n: usize,
        m: usize,
    ) -> String {
        let (w, h) = self.paper.size_mm();
        let mut out = String::with_capacity(
            self.layers.iter().map(|l| l.body.len()).sum::<usize>() + panels.len() + 16_384,
        );
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" version=\"1.1\" \
width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\" \
font-family=\"{}\" font-size=\"{}\">",
            Esc(FONT_FAMILY),
            N(LABEL_MM)
        );
        let doc_title = if meta.name.is_empty() {
            info.title.clone()
        } else {
            format!("{}: {}", meta.name, info.title)
        };
        let _ = writeln!(out, "<title>{}</title>", Esc(&doc_title));
        out.push_str("<defs>\n");
        out.push_str(&self.used.defs());
        out.push_str(&self.defs);
        out.push_str("</defs>\n");
        let _ = writeln!(
            out,
            "<rect id=\"paper\" width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
        );
        for l in &self.layers {
            if l.body.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "<g id=\"{}\" inkscape:groupmode=\"layer\" inkscape:label=\"{}\"{}>",
                l.id,
                Esc(&l.label),
                l.attrs
            );
            out.push_str(&l.body);
            out.push_str("</g>\n");
        }
        if !panels.is_empty() {
            out.push_str(
                "<g id=\"layer-panels\" inkscape:groupmode=\"layer\" inkscape:label=\"Legend and tables\">\n",
            );
            out.push_str(panels);
            out.push_str("</g>\n");
        }
        out.push_str(
            "<g id=\"layer-sheet\" inkscape:groupmode=\"layer\" inkscape:label=\"Frame and title block\">\n",
        );
        let f = layout::frame(self.paper);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"{}\"/>",
            N(f.x),
            N(f.y),
            N(f.w),
            N(f.h),
            N(style::FRAME)
        );
        out.push_str(&title_block(
            layout::title_block(self.paper),
            meta,
            info,
            n,
            m,
        ));
        out.push_str("</g>\n</svg>\n");
        out
    }
}

/// A panel with a heading and lines of text (notes, messages), wrapped to `w`.
pub(crate) fn text_panel(title: &str, lines: &[String], w: f64) -> (String, f64, f64) {
    use super::text::{HEADING_MM, wrap};
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
        N(HEADING_MM),
        Esc(title)
    );
    let mut y = 6.0;
    for l in lines {
        for part in wrap(l, LABEL_MM, w) {
            y += 3.6;
            let _ = writeln!(out, "<text x=\"0\" y=\"{}\">{}</text>", N(y), Esc(&part));
        }
        y += 0.8;
    }
    (out, w, y + 1.0)
}
