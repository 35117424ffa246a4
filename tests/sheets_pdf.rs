//! Design sheets as one PDF (`tailplan_io::sheet::pdf`), read back as a reader reads them: a
//! page per sheet at the paper's size in points, every font embedded, the title block's and
//! the schedule's words in the text layer (pdf-extract), the same bytes for the same input,
//! hostile names as text, and a page rendered by a PDF renderer (hayro) looking like the
//! SVG rendered by resvg.

use pdf_extract::{Dictionary, Document, Object, ObjectId};
use tailplan_core::Project;
use tailplan_io::sheet::{
    self, Analysis, Paper, PdfMeta, PdfSheet, Sheet, SheetKind, SheetOptions,
};
use tailplan_tests::{open, workspace};

const DATE: &str = "2025-01-31";

fn sample(name: &str) -> Project {
    open(&workspace().join(format!("floorplans/{name}.tailplan.json")))
}

fn set_of(project: &Project, options: &SheetOptions) -> Vec<Sheet> {
    let analysis = Analysis::new(project, None);
    sheet::sheet_set(project, &analysis, &SheetKind::ALL, options).expect("the set draws")
}

fn meta(project: &Project) -> PdfMeta {
    PdfMeta {
        title: format!("{}: sheets", project.meta.name),
        project: project.meta.name.clone(),
        revision: project.meta.revision.clone(),
        author: project.meta.drawn_by.clone(),
        date: DATE.into(),
    }
}

fn pdf_of(sheets: &[Sheet], meta: &PdfMeta) -> Vec<u8> {
    let pages: Vec<PdfSheet> = sheets.iter().map(PdfSheet::from).collect();
    sheet::pdf(&pages, meta).expect("the PDF is written")
}

/// A number of a PDF object (integer or real).
fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        other => panic!("not a number: {other:?}"),
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> &'a Dictionary {
    match o {
        Object::Reference(id) => doc.get_dictionary(*id).expect("a dictionary"),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

/// The paper of a sheet in millimetres, from its SVG's `width="420mm" height="297mm"`.
fn paper_mm(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        let at = svg.find(&format!(" {name}=\"")).expect("the attribute") + name.len() + 3;
        let end = svg[at..].find("mm\"").expect("in mm");
        svg[at..at + end].parse().expect("a number")
    };
    (attr("width"), attr("height"))
}

fn media_box(doc: &Document, page: ObjectId) -> (f64, f64) {
    let b = doc
        .get_dictionary(page)
        .and_then(|d| d.get(b"MediaBox"))
        .and_then(Object::as_array)
        .expect("a MediaBox");
    (num(&b[2]) - num(&b[0]), num(&b[3]) - num(&b[1]))
}

fn text_by_page(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf).expect("the text layer reads")
}

#[test]
fn a_page_per_sheet_at_the_papers_size_with_every_font_embedded() {
    let project = sample("small");
    let sheets = set_of(&project, &SheetOptions::dated(DATE));
    let pdf = pdf_of(&sheets, &meta(&project));
    let doc = Document::load_mem(&pdf).expect("a PDF lopdf reads");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), sheets.len());
    for ((_, &page), s) in pages.iter().zip(&sheets) {
        let (w, h) = paper_mm(&s.svg);
        let (pw, ph) = media_box(&doc, page);
        let pt = |mm: f64| mm * 72.0 / 25.4;
        assert!(
            (pw - pt(w)).abs() < 0.01 && (ph - pt(h)).abs() < 0.01,
            "{}: {pw} x {ph} pt for {w} x {h} mm",
            s.name
        );
    }
    // A3 landscape asked for: 420 x 297 mm, 1190.55 x 841.89 pt.
    let a3 = set_of(
        &project,
        &SheetOptions {
            paper: Some(Paper::A3),
            ..SheetOptions::dated(DATE)
        },
    );
    let doc = Document::load_mem(&pdf_of(&a3[..1], &meta(&project))).expect("a PDF");
    let (_, page) = doc.get_pages().into_iter().next().expect("a page");
    let (w, h) = media_box(&doc, page);
    assert!(
        (w - 1190.55).abs() < 0.01 && (h - 841.89).abs() < 0.01,
        "{w} x {h}"
    );

    // Every font is embedded: each simple or CID font has a descriptor with its font file.
    let doc = Document::load_mem(&pdf).expect("a PDF");
    let mut fonts = 0;
    for (id, o) in &doc.objects {
        let Ok(d) = o.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font".as_slice()) {
            continue;
        }
        let subtype = d
            .get(b"Subtype")
            .and_then(Object::as_name)
            .expect("a subtype");
        if subtype == b"Type0" {
            continue; // its descendant CID font is checked as a font of its own
        }
        fonts += 1;
        let descriptor = dict(&doc, d.get(b"FontDescriptor").expect("a descriptor"));
        assert!(
            descriptor.has(b"FontFile2") || descriptor.has(b"FontFile3"),
            "font {id:?} ({}) is not embedded",
            String::from_utf8_lossy(subtype)
        );
        let name = descriptor
            .get(b"FontName")
            .and_then(Object::as_name)
            .expect("a name");
        assert!(
            String::from_utf8_lossy(name).contains("TailplanSans"),
            "{}",
            String::from_utf8_lossy(name)
        );
    }
    assert!(fonts >= 2, "regular and bold: {fonts}");
}

#[test]
fn the_title_block_and_the_schedule_are_in_the_text_layer() {
    let project = sample("small");
    let sheets = set_of(&project, &SheetOptions::dated(DATE));
    let text = text_by_page(&pdf_of(&sheets, &meta(&project)));
    assert_eq!(text.len(), sheets.len());
    // The index sheet first.
    assert_eq!(sheets[0].name, "index");
    assert!(text[0].contains("Drawing register"), "{}", text[0]);
    let cabling = sheets
        .iter()
        .position(|s| s.name == "cabling-0")
        .expect("the cabling sheet");
    let page = &text[cabling];
    // The title block: the project, the sheet's title, number and date.
    for words in [
        project.meta.name.as_str(),
        "Ground floor: cabling",
        "TP-CAB-0",
        DATE,
    ] {
        assert!(page.contains(words), "{words:?} not in\n{page}");
    }
    // The schedule: its heading and every cable id of the routing, on the sheet or its
    // continuation.
    assert!(page.contains("Cable schedule"), "{page}");
    let both = format!("{page}{}", text[cabling + 1]);
    let routing = tailplan_core::routing::route(&project);
    let schedule = routing.schedule();
    assert!(!schedule.rows.is_empty());
    for row in &schedule.rows {
        assert!(
            both.contains(&row.cable_id),
            "{} not in the text",
            row.cable_id
        );
    }
}

#[test]
fn the_same_sheets_give_the_same_bytes_and_the_metadata_says_what_they_are() {
    let project = sample("small");
    let sheets = set_of(&project, &SheetOptions::dated(DATE));
    let m = meta(&project);
    let a = pdf_of(&sheets, &m);
    let b = pdf_of(&set_of(&project, &SheetOptions::dated(DATE)), &m);
    assert!(a == b, "two runs differ");
    // Another date: another document (its creation date and the date in every title block).
    let later = pdf_of(
        &set_of(&project, &SheetOptions::dated("2025-02-01")),
        &PdfMeta {
            date: "2025-02-01".into(),
            ..m.clone()
        },
    );
    assert!(a != later);

    let doc = Document::load_mem(&a).expect("a PDF");
    let info_ref = doc.trailer.get(b"Info").expect("an Info dictionary");
    let info = dict(&doc, info_ref);
    let text = |key: &[u8]| {
        pdf_extract::decode_text_string(info.get(key).expect("the key")).expect("a text string")
    };
    assert_eq!(text(b"Title"), m.title);
    assert_eq!(
        text(b"Subject"),
        format!("{}, revision {}", project.meta.name, project.meta.revision)
    );
    assert_eq!(text(b"Author"), project.meta.drawn_by);
    let created = text(b"CreationDate");
    assert!(created.starts_with("D:20250131"), "{created}");
    // The document id, derived from the content (no random id): present, and the same twice.
    assert!(doc.trailer.get(b"ID").is_ok());
}

#[test]
fn hostile_names_come_out_as_text() {
    let evil = "<script>alert(1)</script>";
    let mut project = sample("small");
    project.meta.name = format!("Tower \"A\" & 'B' {evil}");
    // Hebrew and an emoji, which the bundled font does not draw (missing-glyph boxes), before
    // Latin letters it does.
    project.floors[0].name = format!("Floor ]]> {evil} שלום 🙂 Ünïcødé");
    let sheets = set_of(&project, &SheetOptions::dated(DATE));
    let pdf = pdf_of(&sheets, &meta(&project));
    let text = text_by_page(&pdf).concat();
    assert!(
        text.contains(&format!("Tower \"A\" & 'B' {evil}")),
        "{text}"
    );
    assert!(text.contains(&format!("Floor ]]> {evil}")), "{text}");
    assert!(text.contains("Ünïcødé"), "{text}");
    assert!(
        !text.contains("&lt;") && !text.contains("&amp;"),
        "escaped once too often"
    );
    // The document's title keeps the name as it is.
    let doc = Document::load_mem(&pdf).expect("a PDF");
    let info = dict(&doc, doc.trailer.get(b"Info").expect("Info"));
    let title =
        pdf_extract::decode_text_string(info.get(b"Title").expect("a title")).expect("text");
    assert_eq!(title, format!("{}: sheets", project.meta.name));
    // No script, action or form came in with the names.
    for o in doc.objects.values() {
        if let Ok(d) = o.as_dict() {
            for key in [
                b"JS".as_slice(),
                b"JavaScript",
                b"AA",
                b"OpenAction",
                b"AcroForm",
            ] {
                assert!(!d.has(key), "{}", String::from_utf8_lossy(key));
            }
        }
    }
}

/// A page rendered to grey levels, `w` x `h`, row by row.
struct Grey {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Grey {
    fn from_rgba(w: usize, h: usize, rgba: &[u8]) -> Self {
        let px = rgba
            .chunks_exact(4)
            .map(|p| ((u32::from(p[0]) * 3 + u32::from(p[1]) * 6 + u32::from(p[2])) / 10) as u8)
            .collect();
        Self { w, h, px }
    }

    fn at(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.w + x]
    }

    /// The share of pixels that are not white (ink).
    fn ink(&self) -> f64 {
        self.px.iter().filter(|&&v| v < 200).count() as f64 / self.px.len() as f64
    }
}

/// The first page of the PDF rendered by hayro, `px_per_pt` pixels a point, and its PNG.
fn render_pdf(pdf: &[u8], px_per_pt: f32) -> (Grey, Vec<u8>) {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};
    let pdf = Pdf::new(pdf.to_vec()).expect("hayro reads the PDF");
    let page = pdf.pages().first().expect("a page");
    let pixmap = hayro::render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        // Unhinted, as resvg draws text.
        &RenderSettings {
            hinting: false,
            ..RenderSettings::default()
        },
        &PixmapSettings {
            x_scale: px_per_pt,
            y_scale: px_per_pt,
            bg_color: WHITE,
        },
    );
    let grey = Grey::from_rgba(
        usize::from(pixmap.width()),
        usize::from(pixmap.height()),
        pixmap.data_as_u8_slice(),
    );
    (grey, pixmap.into_png().expect("a PNG"))
}

/// The SVG rendered by resvg with the bundled font (the PDF's) for every family.
fn render_svg(svg: &str, px_per_pt: f32) -> Grey {
    let mut db = resvg::usvg::fontdb::Database::new();
    for style in ["Regular", "Bold"] {
        let path = workspace().join(format!("crates/tailplan-io/fonts/TailplanSans-{style}.ttf"));
        db.load_font_data(std::fs::read(path).expect("the bundled font"));
    }
    db.set_sans_serif_family(sheet::PDF_FONT_FAMILY);
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(db),
        font_family: sheet::PDF_FONT_FAMILY.into(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("usvg reads the sheet");
    // usvg's unit is the CSS pixel, 0.75 pt.
    let scale = px_per_pt * 0.75;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale) as u32,
        (size.height() * scale) as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).expect("a pixmap");
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Grey::from_rgba(w as usize, h as usize, pixmap.data())
}

/// How far apart two renderings are: among the pixels with ink in either (blurred by 2 px, so
/// that anti-aliasing and hinting do not count), the share whose grey differs by more than a
/// quarter of the range; and the ratio of their total ink.
fn distance(a: &Grey, b: &Grey) -> (f64, f64) {
    let (w, h) = (a.w.min(b.w), a.h.min(b.h));
    let r = 2;
    let blur = |g: &Grey, x: usize, y: usize| {
        let mut sum = 0u32;
        for yy in y - r..=y + r {
            for xx in x - r..=x + r {
                sum += u32::from(g.at(xx, yy));
            }
        }
        sum / ((2 * r + 1) * (2 * r + 1)) as u32
    };
    let (mut inked, mut differ) = (0u32, 0u32);
    let (mut dark_a, mut dark_b) = (0u64, 0u64);
    for y in (r..h - r).step_by(2) {
        for x in (r..w - r).step_by(2) {
            let (va, vb) = (blur(a, x, y), blur(b, x, y));
            dark_a += u64::from(255 - va);
            dark_b += u64::from(255 - vb);
            if va < 230 || vb < 230 {
                inked += 1;
                if va.abs_diff(vb) > 40 {
                    differ += 1;
                }
            }
        }
    }
    (
        f64::from(differ) / f64::from(inked.max(1)),
        dark_a as f64 / dark_b.max(1) as f64,
    )
}

/// The index sheet and the cabling sheet of the small floor's set (plan, symbols, tables,
/// title block), each rendered from a PDF by hayro, look like their SVGs rendered by resvg:
/// the same ink in the same places (and not like each other's: the measure tells sheets
/// apart). The first page's rendering is kept as a snapshot to look at
/// (`tests/snapshots/sheets_pdf__first_page.snap.png`).
#[test]
fn the_first_page_renders_as_its_svg_does() {
    let project = sample("small");
    let sheets = set_of(&project, &SheetOptions::dated(DATE));
    let px_per_pt = 1.5;
    let mut pages = Vec::new();
    let mut svgs = Vec::new();
    for s in &sheets[..2] {
        let (page, _) = render_pdf(&pdf_of(std::slice::from_ref(s), &meta(&project)), px_per_pt);
        let from_svg = render_svg(&s.svg, px_per_pt);
        assert!(
            page.w.abs_diff(from_svg.w) <= 1 && page.h.abs_diff(from_svg.h) <= 1,
            "{}: {}x{} against {}x{}",
            s.name,
            page.w,
            page.h,
            from_svg.w,
            from_svg.h
        );
        assert!(page.ink() > 0.01, "{}: the page is blank", s.name);
        let (differ, ink) = distance(&page, &from_svg);
        assert!(
            differ < 0.02 && (0.9..1.1).contains(&ink),
            "{}: {:.1} % of the ink differs from the SVG's rendering, ink ratio {ink:.2}",
            s.name,
            differ * 100.0
        );
        pages.push(page);
        svgs.push(from_svg);
    }
    let (differ, _) = distance(&pages[0], &svgs[1]);
    assert!(
        differ > 0.3,
        "the measure cannot tell two sheets apart: {differ}"
    );
    // The whole set's first page, small (36 pixels an inch).
    let (_, png) = render_pdf(&pdf_of(&sheets, &meta(&project)), 0.5);
    insta::assert_binary_snapshot!("first_page.png", png);
}
