//! The raw XML pass over an SVG, before usvg sees it: refuse scripts and outside references,
//! find the layers (Inkscape `inkscape:groupmode="layer"` groups with their `inkscape:label`,
//! or else the top-level groups with an id), whether each is hidden, and the texts; and give
//! every layer group an id usvg keeps, so that its shapes can be traced back to their layer.

use std::collections::HashMap;

use roxmltree::{Document, Node, NodeId};

use crate::import::error::ImportError;
use crate::import::options::{Format, ImportLimits, Limit};

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

/// The line of byte `at` in `text`, 1-based.
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Refuses an SVG whose internal DTD entities (`<!ENTITY a "...">` and references `&a;`)
/// would expand it to more than `max_bytes`, before any XML parser expands them: the
/// "billion laughs" (entities of entities, which roxmltree refuses past 255 references per
/// reference) and its quadratic cousin (one big entity referenced many times, which it
/// does not). The expanded size is computed from the declarations, without expanding.
fn check_entity_expansion(file: &str, text: &str, max_bytes: u64) -> Result<(), ImportError> {
    let Some(start) = text.find("<!DOCTYPE") else {
        return Ok(());
    };
    let Some(open) = text[start..].find(['[', '>']).map(|i| start + i) else {
        return Ok(());
    };
    if text.as_bytes()[open] != b'[' {
        return Ok(());
    }
    let Some(close) = text[open..].find("]>").map(|i| open + i) else {
        return Ok(());
    };
    let mut values: HashMap<&str, &str> = HashMap::new();
    let mut rest = &text[open + 1..close];
    while let Some(i) = rest.find("<!ENTITY") {
        let decl = rest[i + 8..].trim_start();
        rest = decl;
        if decl.starts_with('%') {
            continue;
        }
        let name_end = decl
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\'')
            .unwrap_or(decl.len());
        let name = &decl[..name_end];
        let after = decl[name_end..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some(end) = after[1..].find(q) else {
            break;
        };
        // The first declaration of a name is the one used.
        values.entry(name).or_insert(&after[1..1 + end]);
        rest = &after[1 + end + 1..];
    }
    if values.is_empty() {
        return Ok(());
    }
    // The entity references in `s`: (byte offset, name), names of declared entities only.
    fn references<'s>(
        s: &'s str,
        values: &HashMap<&str, &str>,
    ) -> impl Iterator<Item = (usize, &'s str)> {
        s.match_indices('&').filter_map(move |(i, _)| {
            let name_len = s[i + 1..]
                .bytes()
                .take(256)
                .take_while(|b| {
                    b.is_ascii_alphanumeric()
                        || matches!(b, b'_' | b'-' | b'.' | b':')
                        || *b >= 0x80
                })
                .count();
            let name = s.get(i + 1..i + 1 + name_len)?;
            (s.as_bytes().get(i + 1 + name_len) == Some(&b';') && values.contains_key(name))
                .then_some((i, name))
        })
    }
    // Expanded lengths, memoised; a loop expands to nothing (the parser refuses it).
    fn expanded<'s>(
        name: &'s str,
        values: &HashMap<&'s str, &'s str>,
        memo: &mut HashMap<&'s str, Option<u64>>,
    ) -> u64 {
        match memo.get(name) {
            Some(Some(n)) => return *n,
            Some(None) => return 0,
            None => {}
        }
        let Some(v) = values.get(name) else {
            return name.len() as u64 + 2;
        };
        memo.insert(name, None);
        let mut n = v.len() as u64;
        for (_, r) in references(v, values).collect::<Vec<_>>() {
            n = n
                .saturating_sub(r.len() as u64 + 2)
                .saturating_add(expanded(r, values, memo));
        }
        memo.insert(name, Some(n));
        n
    }
    let mut memo = HashMap::new();
    let mut total = text.len() as u64;
    for (at, name) in references(&text[close..], &values) {
        total = total
            .saturating_sub(name.len() as u64 + 2)
            .saturating_add(expanded(name, &values, &mut memo));
        if total > max_bytes {
            let size = expanded(name, &values, &mut memo);
            return Err(ImportError::LimitExceeded {
                file: file.to_owned(),
                line: Some(line_at(text, close + at)),
                entity: Some(format!("&{name}; (an XML entity of {size} bytes expanded)")),
                limit: Limit::EntityExpansion,
                max: max_bytes,
            });
        }
    }
    Ok(())
}

/// Counts the elements usvg will make of the document, `<use>` references expanded, and the
/// points of their path data, and how deep they nest, before usvg makes them: refuses a
/// document beyond the limits, naming the element where the count went over.
fn check_elements(file: &str, doc: &Document, limits: &ImportLimits) -> Result<(), ImportError> {
    let over = |n: Node, limit: Limit, max: usize| ImportError::LimitExceeded {
        file: file.to_owned(),
        line: Some(line_of(doc, n)),
        entity: Some(format!(
            "<{}{}>",
            n.tag_name().name(),
            n.attribute("id")
                .map(|id| format!(" id=\"{id}\""))
                .unwrap_or_default()
        )),
        limit,
        max: max as u64,
    };
    // Plain nesting first, without recursion (the document order visits parents first).
    let count = doc.descendants().count();
    let mut depth = vec![0usize; count + 1];
    let mut ids: HashMap<&str, Node> = HashMap::new();
    for n in doc.descendants().filter(Node::is_element) {
        let d = n.parent().map_or(0, |p| depth[p.id().get_usize()]) + 1;
        if let Some(slot) = depth.get_mut(n.id().get_usize()) {
            *slot = d;
        }
        if d > limits.max_nesting {
            return Err(over(n, Limit::Nesting, limits.max_nesting));
        }
        if let Some(id) = n.attribute("id") {
            ids.entry(id).or_insert(n);
        }
    }
    struct Walk<'d, 'i> {
        ids: HashMap<&'d str, Node<'d, 'i>>,
        /// Per element: elements, points and height of its expanded subtree; `None` while
        /// being counted (a `<use>` loop, which usvg skips).
        memo: HashMap<NodeId, Option<(u64, u64, usize)>>,
        limits: ImportLimits,
    }
    fn own_points(n: Node) -> u64 {
        match n.tag_name().name() {
            "path" => n
                .attribute("d")
                .map_or(0, |d| svgtypes::PathParser::from(d).count() as u64),
            "polyline" | "polygon" => n
                .attribute("points")
                .map_or(0, |p| svgtypes::PointsParser::from(p).count() as u64),
            "line" => 2,
            "rect" | "circle" | "ellipse" => 4,
            _ => 0,
        }
    }
    fn expand<'d, 'i>(
        w: &mut Walk<'d, 'i>,
        n: Node<'d, 'i>,
        depth: usize,
    ) -> Result<(u64, u64, usize), (Node<'d, 'i>, Limit)> {
        if depth > w.limits.max_nesting {
            return Err((n, Limit::Nesting));
        }
        match w.memo.get(&n.id()) {
            Some(Some(v)) => {
                if depth + v.2 - 1 > w.limits.max_nesting {
                    return Err((n, Limit::Nesting));
                }
                return Ok(*v);
            }
            Some(None) => return Ok((0, 0, 0)),
            None => {}
        }
        w.memo.insert(n.id(), None);
        let (mut elements, mut points, mut height) = (1u64, own_points(n), 0usize);
        let mut add = |(e, p, h): (u64, u64, usize)| {
            elements = elements.saturating_add(e);
            points = points.saturating_add(p);
            height = height.max(h);
        };
        for c in n.children().filter(Node::is_element) {
            add(expand(w, c, depth + 1)?);
        }
        if n.tag_name().name() == "use" {
            let href = n
                .attribute((XLINK, "href"))
                .or_else(|| n.attribute("href"))
                .and_then(|h| h.trim().strip_prefix('#'));
            if let Some(target) = href.and_then(|h| w.ids.get(h).copied()) {
                add(expand(w, target, depth + 1)?);
            }
        }
        if elements > w.limits.max_entities as u64 {
            return Err((n, Limit::Entities));
        }
        if points > w.limits.max_points as u64 {
            return Err((n, Limit::Points));
        }
        let v = (elements, points, height + 1);
        w.memo.insert(n.id(), Some(v));
        Ok(v)
    }
    let mut w = Walk {
        ids,
        memo: HashMap::new(),
        limits: *limits,
    };
    expand(&mut w, doc.root_element(), 1).map_err(|(n, limit)| {
        let max = match limit {
            Limit::Nesting => limits.max_nesting,
            Limit::Points => limits.max_points,
            _ => limits.max_entities,
        };
        over(n, limit, max)
    })?;
    Ok(())
}

/// Runs the raw pass; see the module documentation.
pub(crate) fn scan(
    file: &str,
    text: &str,
    include_hidden: bool,
    limits: &ImportLimits,
) -> Result<Raw, ImportError> {
    check_entity_expansion(file, text, limits.file_bytes(Format::Svg))?;
    // A hard bound on what roxmltree holds (elements, texts, comments), before it is held.
    let nodes_limit = u32::try_from(limits.max_entities.saturating_mul(4)).unwrap_or(u32::MAX);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit,
        ..Default::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        if matches!(e, roxmltree::Error::NodesLimitReached) {
            return ImportError::LimitExceeded {
                file: file.to_owned(),
                line: None,
                entity: Some("XML nodes (elements, texts, comments)".into()),
                limit: Limit::Entities,
                max: u64::from(nodes_limit),
            };
        }
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
    check_elements(file, &doc, limits)?;
    let mut layers = Vec::new();
    let mut texts = Vec::new();
    let mut room_ids = Vec::new();
    // (byte offset after "<g", text to insert) and (range, replacement) edits of start tags.
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut n_layer = 0;
    let mut layer_ids: HashMap<String, usize> = HashMap::new();
    let inkscape_layers = doc
        .descendants()
        .any(|n| n.attribute((INKSCAPE, "groupmode")) == Some("layer"));
    let root_groups = root
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "g")
        .count();
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
                            && root_groups == 1
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
            layer_ids.insert(id.clone(), layers.len());
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
                    let id = a.attribute("id")?;
                    layer_ids.contains_key(id).then(|| id.to_owned())
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
    // Markers are not drawn: usvg copies a marker at every vertex of every path that names
    // it (from an attribute, a style or a stylesheet), so a marker of a thousand shapes on a
    // path of 100,000 vertices would be 10^8 elements from a 300 KB file. A plan's markers are
    // arrowheads and dimension ticks: their elements are renamed (same length, so that the
    // offsets of the edits below hold) and usvg sees no marker.
    let mut renamed: Option<Vec<u8>> = None;
    let name_end = |from: usize, end: usize| {
        from + text[from..end]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(0)
    };
    for n in doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "marker")
    {
        let r = n.range();
        let bytes = renamed.get_or_insert_with(|| text.as_bytes().to_vec());
        let mut rename = |e: usize| {
            if e >= 6 && text[..e].ends_with("marker") {
                bytes[e - 6..e].copy_from_slice(b"tpmrkr");
            }
        };
        rename(name_end(r.start + 1, r.end));
        if let Some(i) = text[r.start..r.end].rfind("</") {
            rename(name_end(r.start + i + 2, r.end));
        }
    }
    // An image is drawn stretched to its box (preserveAspectRatio="none"), and the walker
    // fits it in the box itself (xMidYMid meet, SVG's default), in f64: usvg 0.49 fits it in
    // f32 and panics where the fitted image is thinner than a step of f32 at its position (a
    // 4 x 475,811,840 px PNG in a 40 x 30 box; a 1 x 1 px image in a 40 x 0.5 box at
    // x = 10^7). A preserveAspectRatio of the file's own is renamed (same length).
    for n in doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "image")
    {
        let r = n.range();
        if let Some(a) = n.attributes().find(|a| a.name() == "preserveAspectRatio") {
            let q = a.range_qname();
            let bytes = renamed.get_or_insert_with(|| text.as_bytes().to_vec());
            if text[q.clone()].ends_with("preserveAspectRatio") {
                bytes[q.end - 19..q.end].copy_from_slice(b"tailplanAspectRatio");
            }
        }
        inserts.push((
            name_end(r.start + 1, r.end),
            " preserveAspectRatio=\"none\"".to_owned(),
        ));
    }
    let renamed = renamed.map(|b| String::from_utf8(b).expect("ASCII replaced by ASCII"));
    let text = renamed.as_deref().unwrap_or(text);
    // A hidden layer given a second style attribute would be invalid XML: drop its original.
    // In one pass, front to back (inserting one by one would move the text each time).
    inserts.sort_by_key(|x| x.0);
    let mut out = String::with_capacity(text.len() + inserts.len() * 32);
    let mut done = 0;
    for (at, insert) in inserts {
        if at < done {
            continue;
        }
        out.push_str(&text[done..at]);
        done = at;
        if insert.contains("display:inline") {
            // Neutralise the original display:none in the same start tag.
            let end = text[at..].find('>').map_or(text.len(), |e| at + e);
            out.push_str(
                &text[at..end]
                    .replace("display:none", "display:inline")
                    .replace("display=\"none\"", "display=\"inline\""),
            );
            done = end;
            continue;
        }
        out.push_str(&insert);
    }
    out.push_str(&text[done..]);
    let text = out;
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
