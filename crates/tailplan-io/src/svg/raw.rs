//! The raw XML pass over an SVG, before usvg sees it: refuse scripts and outside references,
//! find the layers (Inkscape `inkscape:groupmode="layer"` groups with their `inkscape:label`,
//! or else the top-level groups with an id), whether each is hidden, and the texts; and give
//! every layer group an id usvg keeps, so that its shapes can be traced back to their layer.

use roxmltree::{Document, Node};

use crate::import::ImportError;

const INKSCAPE: &str = "http://www.inkscape.org/namespaces/inkscape";
const XLINK: &str = "http://www.w3.org/1999/xlink";

/// A layer found by the raw pass.
#[derive(Debug, Clone)]
pub(crate) struct RawLayer {
    /// The id usvg will report for the layer's group.
    pub id: String,
    /// The name shown to the user.
    pub name: String,
    pub hidden: bool,
}

/// What the raw pass found, and the SVG text to give usvg.
pub(crate) struct Raw {
    pub text: String,
    pub layers: Vec<RawLayer>,
    /// Texts: the id of the layer they are in (empty for none), the content, and where they
    /// are in the SVG's user units (the root's coordinates).
    pub texts: Vec<(String, String, tailplan_core::Point)>,
    /// Elements whose id names a room (`room:201`, `room-12`): their ids.
    pub room_ids: Vec<String>,
}

fn line_of(doc: &Document, n: Node) -> usize {
    doc.text_pos_at(n.range().start).row as usize
}

fn is_hidden(n: Node) -> bool {
    n.attribute("display") == Some("none")
        || n.attribute("style").is_some_and(|s| {
            s.split(';').any(|d| {
                let mut kv = d.splitn(2, ':');
                kv.next().map(str::trim) == Some("display")
                    && kv.next().map(str::trim) == Some("none")
            })
        })
}

/// Runs the raw pass; see the module documentation.
pub(crate) fn scan(file: &str, text: &str, include_hidden: bool) -> Result<Raw, ImportError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        ImportError::Malformed {
            file: file.to_owned(),
            line: Some(pos.row as usize),
            entity: None,
            message: format!("not well-formed XML: {e}"),
        }
    })?;
    let unsafe_at = |n: Node, message: String| ImportError::Unsafe {
        file: file.to_owned(),
        line: line_of(&doc, n),
        message,
    };
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(ImportError::Malformed {
            file: file.to_owned(),
            line: Some(line_of(&doc, root)),
            entity: Some(format!("<{}>", root.tag_name().name())),
            message: "the root element is not <svg>".into(),
        });
    }
    let mut layers = Vec::new();
    let mut texts = Vec::new();
    let mut room_ids = Vec::new();
    // (byte offset after "<g", text to insert) and (range, replacement) edits of start tags.
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut n_layer = 0;
    let inkscape_layers = doc
        .descendants()
        .any(|n| n.attribute((INKSCAPE, "groupmode")) == Some("layer"));
    for n in doc.descendants().filter(Node::is_element) {
        let name = n.tag_name().name();
        if name == "script" || name == "handler" {
            return Err(unsafe_at(
                n,
                "the SVG holds a <script>: tailplan never runs scripts, and refuses SVGs that have one; remove it and import again".into(),
            ));
        }
        if name == "foreignObject" {
            return Err(unsafe_at(
                n,
                "the SVG embeds HTML (<foreignObject>): remove it and import again".into(),
            ));
        }
        for a in n.attributes() {
            let an = a.name();
            if an.len() > 2 && an.starts_with("on") && a.namespace().is_none() {
                return Err(unsafe_at(
                    n,
                    format!(
                        "<{name}> has an event handler ({an}): tailplan refuses SVGs with scripts; remove it and import again"
                    ),
                ));
            }
            let is_href = an == "href" && (a.namespace().is_none() || a.namespace() == Some(XLINK));
            let v = a.value().trim();
            if is_href && !v.starts_with('#') && !v.starts_with("data:") {
                return Err(unsafe_at(
                    n,
                    format!(
                        "<{name}> refers to an outside file or URL (\"{v}\"): tailplan never fetches anything a file names; embed the image (data: URL) or remove the reference"
                    ),
                ));
            }
            if an == "style"
                && (v.contains("url(http") || v.contains("url(file") || v.contains("@import"))
            {
                return Err(unsafe_at(
                    n,
                    format!("<{name}> has a style that refers to an outside URL: remove it"),
                ));
            }
        }
        if name == "style" {
            let css: String = n.descendants().filter_map(|c| c.text()).collect();
            if css.contains("@import")
                || css.contains("url(http")
                || css.contains("url(file")
                || css.contains("url(//")
            {
                return Err(unsafe_at(
                    n,
                    "the stylesheet imports or refers to an outside URL: remove it".into(),
                ));
            }
        }
        let layer_group = name == "g"
            && if inkscape_layers {
                n.attribute((INKSCAPE, "groupmode")) == Some("layer")
            } else {
                // Without Inkscape layers: the groups directly under the root, or under a
                // single top-level wrapper group (Sketch, Illustrator exports).
                let parent = n.parent_element();
                parent == Some(root)
                    || parent.is_some_and(|p| {
                        p.parent_element() == Some(root)
                            && p.tag_name().name() == "g"
                            && root
                                .children()
                                .filter(|c| c.is_element() && c.tag_name().name() == "g")
                                .count()
                                == 1
                            && n.children().any(|c| c.is_element())
                    }) && n.attribute("id").is_some()
            };
        if layer_group {
            n_layer += 1;
            let label = n
                .attribute((INKSCAPE, "label"))
                .or(n.attribute("id"))
                .map(str::to_owned)
                .unwrap_or_else(|| format!("layer {n_layer}"));
            let id = match n.attribute("id") {
                Some(id) => id.to_owned(),
                None => {
                    let id = format!("tailplan-layer-{n_layer}");
                    inserts.push((n.range().start + 2, format!(" id=\"{id}\"")));
                    id
                }
            };
            let hidden = is_hidden(n);
            if hidden && include_hidden {
                // Shown for usvg: the start tag's display:none is overridden.
                inserts.push((n.range().start + 2, " style=\"display:inline\"".to_owned()));
            }
            layers.push(RawLayer {
                id,
                name: label,
                hidden,
            });
        }
        if name == "text" {
            let content: String = n
                .descendants()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect::<Vec<_>>()
                .join(" ");
            let content = content.split_whitespace().collect::<Vec<_>>().join(" ");
            let layer = n
                .ancestors()
                .find_map(|a| {
                    layers
                        .iter()
                        .find(|l| Some(l.id.as_str()) == a.attribute("id"))
                        .map(|l| l.id.clone())
                })
                .unwrap_or_default();
            if !content.is_empty() {
                texts.push((layer, content, text_position(n)));
            }
        }
        if let Some(id) = n.attribute("id") {
            let lower = id.to_ascii_lowercase();
            if lower.starts_with("room:")
                || lower.starts_with("room-")
                || lower.starts_with("room_")
            {
                room_ids.push(id.to_owned());
            }
        }
    }
    // A hidden layer given a second style attribute would be invalid XML: drop its original.
    let mut text = text.to_owned();
    inserts.sort_by_key(|x| std::cmp::Reverse(x.0));
    for (at, insert) in inserts {
        if insert.contains("display:inline") {
            // Neutralise the original display:none in the same start tag.
            let end = text[at..].find('>').map_or(text.len(), |e| at + e);
            let tag = text[at..end]
                .replace("display:none", "display:inline")
                .replace("display=\"none\"", "display=\"inline\"");
            text.replace_range(at..end, &tag);
            continue;
        }
        text.insert_str(at, &insert);
    }
    Ok(Raw {
        text,
        layers,
        texts,
        room_ids,
    })
}

fn number(n: Node, name: &str) -> Option<f64> {
    n.attribute(name)?
        .split([' ', ','])
        .next()?
        .trim()
        .parse()
        .ok()
}

/// Where a text element starts, in the root's user units: its (or its first tspan's) x and y
/// under the transforms of it and its ancestors.
fn text_position(n: Node) -> tailplan_core::Point {
    let first_span = n
        .descendants()
        .find(|d| d.tag_name().name() == "tspan" && d.attribute("x").is_some());
    let x = number(n, "x")
        .or_else(|| first_span.and_then(|t| number(t, "x")))
        .unwrap_or(0.0);
    let y = number(n, "y")
        .or_else(|| first_span.and_then(|t| number(t, "y")))
        .unwrap_or(0.0);
    let (mut px, mut py) = (x, y);
    for a in n
        .ancestors()
        .filter(|a| a.is_element() && a.tag_name().name() != "svg")
    {
        if let Some(t) = a
            .attribute("transform")
            .and_then(|t| t.parse::<svgtypes::Transform>().ok())
        {
            (px, py) = (t.a * px + t.c * py + t.e, t.b * px + t.d * py + t.f);
        }
    }
    tailplan_core::Point::new(px, py)
}
