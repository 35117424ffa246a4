//! DXF out: a floor's design on named layers, so a CAD user can bring it back into AutoCAD
//! over the architect's drawing.
//!
//! One floor per file, in metres (`$INSUNITS` 6), AutoCAD 2010 format (`AC1024`), the
//! project's own coordinates. Layers (colour index in brackets):
//!
//! | layer | what |
//! |---|---|
//! | `TP-ROUTES-<room>` | every cable's path on the floor, one LWPOLYLINE per cable, per telecom room (5, 30, 3, 6...); XDATA `TAILPLAN`: cable id, from, to |
//! | `TP-TRAYS`, `TP-TRAY-NAMES` | tray centrelines (40); their names and sizes |
//! | `TP-TELECOM-ROOMS` | outlines and racks (block `TP_RACK`, attribute `NAME`) (1) |
//! | `TP-RISERS` | block `TP_RISER`, attribute `NAME` (6) |
//! | `TP-AP`, `TP-GATEWAYS`, `TP-DEVICES`, `TP-OUTLETS` | blocks `TP_AP`, `TP_GATEWAY`, `TP_DEVICE`, `TP_OUTLET` with attributes `NAME`, `TYPE` and `CABLE` (the cable ids) |
//! | `TP-WALL-<material>`, `TP-DOORS`, `TP-WINDOWS`, `TP-ROOMS`, `TP-TEXT-ROOMS` | the plan itself, for a project that has no other drawing |
//!
//! Names are cleaned for DXF: control characters become spaces; in layer names the
//! characters AutoCAD refuses (`<>/\":;?*|,=` and the backquote) become `_`. The header's
//! dates come from the `date` parameter (or 2000-01-01), never from a clock.

use std::collections::BTreeMap;
use std::io::Cursor;

use dxf::entities::{
    Attribute, AttributeDefinition, Circle, Entity, EntityType, Insert, Line, LwPolyline, Text,
};
use dxf::enums::{AcadVersion, Units};
use dxf::tables::{AppId, Layer};
use dxf::{Block, Color, Drawing, LwPolylineVertex, XData, XDataItem};
use tailplan_core::routing::{RouteSource, Routing};
use tailplan_core::{Floor, Medium, Point, Project};

/// Why a floor cannot be exported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DxfExportError {
    /// No floor has this id.
    #[error("no floor \"{0}\"")]
    UnknownFloor(String),
    /// The date is not `YYYY-MM-DD`.
    #[error("\"{0}\" is not a date: write YYYY-MM-DD")]
    BadDate(String),
    /// The DXF writer failed.
    #[error("cannot write the DXF: {0}")]
    Write(String),
}

/// The application name of tailplan's XDATA.
pub const APP_ID: &str = "TAILPLAN";

/// Text height of names, metres (2.5 mm at 1:100).
const TEXT_M: f64 = 0.25;

/// A string safe in a DXF group value: one line, no control characters.
pub fn clean_text(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A layer name AutoCAD accepts: `<>/\":;?*|,=` and the backquote become `_`.
pub fn layer_name(s: &str) -> String {
    let s: String = clean_text(s)
        .chars()
        .map(|c| match c {
            '<' | '>' | '/' | '\\' | '"' | ':' | ';' | '?' | '*' | '|' | ',' | '=' | '`' => '_',
            c => c,
        })
        .collect();
    let s = s.trim().to_uppercase();
    if s.is_empty() { "_".into() } else { s }
}

/// The layer of the routes to a telecom room.
pub fn routes_layer(room_name: &str) -> String {
    layer_name(&format!("TP-ROUTES-{room_name}"))
}

fn pt(p: Point) -> dxf::Point {
    dxf::Point::new(p.x, p.y, 0.0)
}

struct Out {
    drawing: Drawing,
    layers: BTreeMap<String, u8>,
}

impl Out {
    fn layer(&mut self, name: &str, colour: u8) -> String {
        let name = layer_name(name);
        self.layers.entry(name.clone()).or_insert(colour);
        name
    }

    fn add(&mut self, layer: &str, specific: EntityType) {
        let mut e = Entity::new(specific);
        e.common.layer = layer.to_owned();
        self.drawing.add_entity(e);
    }

    fn polyline(&mut self, layer: &str, pts: &[Point], closed: bool, xdata: Option<Vec<String>>) {
        if pts.len() < 2 || pts.iter().any(|p| !p.is_finite()) {
            return;
        }
        let mut pl = LwPolyline {
            vertices: pts
                .iter()
                .map(|p| LwPolylineVertex {
                    x: p.x,
                    y: p.y,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        pl.set_is_closed(closed);
        let mut e = Entity::new(EntityType::LwPolyline(pl));
        e.common.layer = layer.to_owned();
        if let Some(items) = xdata {
            e.common.x_data.push(XData {
                application_name: APP_ID.into(),
                items: items
                    .into_iter()
                    .map(|s| XDataItem::Str(clean_text(&s)))
                    .collect(),
            });
        }
        self.drawing.add_entity(e);
    }

    fn text(&mut self, layer: &str, at: Point, height: f64, value: &str) {
        if !at.is_finite() || value.trim().is_empty() {
            return;
        }
        let t = Text {
            location: pt(at),
            text_height: height,
            value: clean_text(value),
            ..Default::default()
        };
        self.add(layer, EntityType::Text(t));
    }

    /// A block reference with attributes (tag, value).
    fn insert(&mut self, layer: &str, block: &str, at: Point, attrs: &[(&str, String)]) {
        if !at.is_finite() {
            return;
        }
        let mut ins = Insert {
            name: block.to_owned(),
            location: pt(at),
            ..Default::default()
        };
        for (k, (tag, value)) in attrs.iter().enumerate() {
            let a = Attribute {
                location: pt(Point::new(
                    at.x + 0.35,
                    at.y + 0.05 - k as f64 * (TEXT_M * 1.4),
                )),
                text_height: TEXT_M * if k == 0 { 1.0 } else { 0.8 },
                value: clean_text(value),
                attribute_tag: (*tag).to_owned(),
                ..Default::default()
            };
            ins.add_attribute(&mut self.drawing, a);
        }
        ins.__has_attributes = !attrs.is_empty();
        self.add(layer, EntityType::Insert(ins));
    }
}

/// The blocks: symbols about half a metre across (5 mm at 1:100), drawn on layer 0 so that
/// they take their reference's layer, with their attribute definitions.
fn blocks(drawing: &mut Drawing) {
    let on0 = |specific: EntityType| {
        let mut e = Entity::new(specific);
        e.common.layer = "0".into();
        e
    };
    let line = |a: (f64, f64), b: (f64, f64)| {
        on0(EntityType::Line(Line::new(
            dxf::Point::new(a.0, a.1, 0.0),
            dxf::Point::new(b.0, b.1, 0.0),
        )))
    };
    let ring = |pts: &[(f64, f64)]| {
        let mut pl = LwPolyline {
            vertices: pts
                .iter()
                .map(|&(x, y)| LwPolylineVertex {
                    x,
                    y,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        pl.set_is_closed(true);
        on0(EntityType::LwPolyline(pl))
    };
    let circle = |r: f64| on0(EntityType::Circle(Circle::new(dxf::Point::origin(), r)));
    let attdef = |tag: &str, k: usize| {
        on0(EntityType::AttributeDefinition(AttributeDefinition {
            location: dxf::Point::new(0.35, 0.05 - k as f64 * (TEXT_M * 1.4), 0.0),
            text_height: TEXT_M * if k == 0 { 1.0 } else { 0.8 },
            text_tag: tag.into(),
            prompt: tag.into(),
            ..Default::default()
        }))
    };
    let defs: [(&str, Vec<Entity>, &[&str]); 6] = [
        (
            "TP_AP",
            vec![circle(0.23), circle(0.1)],
            &["NAME", "TYPE", "CABLE"],
        ),
        (
            "TP_GATEWAY",
            vec![ring(&[
                (0.0, 0.26),
                (0.26, 0.0),
                (0.0, -0.26),
                (-0.26, 0.0),
            ])],
            &["NAME", "TYPE"],
        ),
        (
            "TP_DEVICE",
            vec![ring(&[
                (-0.14, -0.14),
                (0.14, -0.14),
                (0.14, 0.14),
                (-0.14, 0.14),
            ])],
            &["NAME", "TYPE", "CABLE"],
        ),
        (
            "TP_OUTLET",
            vec![
                ring(&[(-0.2, 0.145), (0.2, 0.145), (0.0, -0.2)]),
                line((-0.09, 0.045), (0.09, 0.045)),
            ],
            &["NAME", "TYPE", "CABLE"],
        ),
        (
            "TP_RACK",
            vec![
                ring(&[(-0.3, -0.2), (0.3, -0.2), (0.3, 0.2), (-0.3, 0.2)]),
                line((-0.3, -0.2), (0.3, 0.2)),
                line((-0.3, 0.2), (0.3, -0.2)),
            ],
            &["NAME", "TYPE"],
        ),
        (
            "TP_RISER",
            vec![
                circle(0.2),
                line((-0.14, -0.14), (0.14, 0.14)),
                line((-0.14, 0.14), (0.14, -0.14)),
            ],
            &["NAME"],
        ),
    ];
    for (name, mut entities, tags) in defs {
        for (k, tag) in tags.iter().enumerate() {
            entities.push(attdef(tag, k));
        }
        drawing.add_block(Block {
            name: name.into(),
            layer: "0".into(),
            entities,
            ..Default::default()
        });
    }
}

/// Sets the header's dates to `date` (`YYYY-MM-DD`), or 2000-01-01.
fn set_dates(drawing: &mut Drawing, date: Option<&str>) -> Result<(), DxfExportError> {
    let day = match date {
        Some(d) => chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .map_err(|_| DxfExportError::BadDate(d.to_owned()))?,
        None => chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date"),
    };
    let naive = day.and_hms_opt(0, 0, 0).expect("midnight");
    let utc = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(naive, chrono::Utc);
    let local = chrono::DateTime::<chrono::Local>::from_naive_utc_and_offset(
        naive,
        chrono::FixedOffset::east_opt(0).expect("UTC"),
    );
    let h = &mut drawing.header;
    h.creation_date = local;
    h.update_date = local;
    h.creation_date_universal = utc;
    h.update_date_universal = utc;
    Ok(())
}

/// The cable ids of each endpoint element (ids in port order).
fn cable_ids(routing: &Routing) -> BTreeMap<&str, Vec<&str>> {
    let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for c in &routing.cables {
        out.entry(c.endpoint.element_id.as_str())
            .or_default()
            .push(c.id.as_str());
    }
    out
}

/// Route layer colours (AutoCAD colour index), one per telecom room in project order.
const ROUTE_COLOURS: [u8; 8] = [5, 30, 3, 6, 34, 210, 4, 50];

/// The DXF of floor `floor_id` with the routes of `routing`, dated `date` (`YYYY-MM-DD`).
pub fn export_floor(
    project: &Project,
    routing: &Routing,
    floor_id: &str,
    date: Option<&str>,
) -> Result<Vec<u8>, DxfExportError> {
    let floor: &Floor = project
        .floor(floor_id)
        .ok_or_else(|| DxfExportError::UnknownFloor(floor_id.to_owned()))?;
    let mut drawing = Drawing::new();
    drawing.header.version = AcadVersion::R2010;
    drawing.header.default_drawing_units = Units::Meters;
    set_dates(&mut drawing, date)?;
    drawing.add_app_id(AppId {
        name: APP_ID.into(),
        ..Default::default()
    });
    blocks(&mut drawing);
    let mut out = Out {
        drawing,
        layers: BTreeMap::new(),
    };

    // The plan.
    for w in &floor.walls {
        let material = w.material.as_deref().unwrap_or(if w.loss_db.is_some() {
            "custom"
        } else {
            tailplan_core::DEFAULT_WALL_MATERIAL
        });
        let layer = out.layer(&format!("TP-WALL-{material}"), 8);
        match &w.shape {
            tailplan_core::Shape::Line(p) => out.polyline(&layer, p, false, None),
            tailplan_core::Shape::MultiLine(lines) => {
                for l in lines {
                    out.polyline(&layer, l, false, None);
                }
            }
            tailplan_core::Shape::Polygon(poly) => {
                out.polyline(&layer, &poly.exterior, true, None);
                for h in &poly.holes {
                    out.polyline(&layer, h, true, None);
                }
            }
        }
    }
    for o in &floor.openings {
        let layer = match o.kind {
            tailplan_core::OpeningKind::Door => out.layer("TP-DOORS", 30),
            tailplan_core::OpeningKind::Window => out.layer("TP-WINDOWS", 4),
        };
        out.polyline(&layer, &o.points, false, None);
    }
    for r in &floor.rooms {
        let layer = out.layer("TP-ROOMS", 9);
        out.polyline(&layer, &r.polygon.exterior, true, None);
        let text = out.layer("TP-TEXT-ROOMS", 9);
        out.text(&text, r.polygon.centroid(), TEXT_M, &r.name);
    }

    // Pathways.
    for t in &floor.trays {
        let layer = out.layer("TP-TRAYS", 40);
        out.polyline(
            &layer,
            &t.points,
            false,
            Some(vec![t.id.clone(), t.name.clone()]),
        );
        if let Some(&first) = t.points.first() {
            let names = out.layer("TP-TRAY-NAMES", 40);
            let size = match (t.width_mm, t.depth_mm) {
                (Some(w), Some(d)) => format!(" {w}x{d}"),
                _ => String::new(),
            };
            out.text(&names, first, TEXT_M * 0.8, &format!("{}{size}", t.name));
        }
    }
    let room_order: Vec<(&str, &str)> = project
        .floors
        .iter()
        .flat_map(|f| {
            f.telecom_rooms
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str()))
        })
        .collect();
    for c in &routing.cables {
        let Some(ri) = room_order.iter().position(|r| r.0 == c.room_id) else {
            continue;
        };
        let layer = out.layer(
            &routes_layer(room_order[ri].1),
            ROUTE_COLOURS[ri % ROUTE_COLOURS.len()],
        );
        for part in c.path.iter().filter(|p| p.floor == floor.id) {
            let source = match c.source {
                RouteSource::Auto => "auto".to_owned(),
                RouteSource::Hand { .. } => "hand".to_owned(),
            };
            out.polyline(
                &layer,
                &part.points,
                false,
                Some(vec![
                    c.id.clone(),
                    c.endpoint.label(),
                    c.room.clone(),
                    source,
                ]),
            );
        }
    }
    for t in &floor.telecom_rooms {
        let layer = out.layer("TP-TELECOM-ROOMS", 1);
        if let Some(o) = &t.outline {
            out.polyline(&layer, &o.exterior, true, None);
        }
        out.insert(
            &layer,
            "TP_RACK",
            t.position,
            &[
                ("NAME", t.name.clone()),
                ("TYPE", format!("{} ports", t.ports)),
            ],
        );
    }
    for r in &floor.risers {
        let layer = out.layer("TP-RISERS", 6);
        out.insert(&layer, "TP_RISER", r.position, &[("NAME", r.name.clone())]);
    }

    // Endpoints and gateways.
    let ids = cable_ids(routing);
    let cables_of = |id: &str| ids.get(id).map(|v| v.join(" ")).unwrap_or_default();
    for a in &floor.access_points {
        let layer = out.layer("TP-AP", 5);
        let radios: Vec<String> = a
            .effective_radios()
            .iter()
            .map(|r| {
                let ch = r.channel.map(|c| format!(" ch {c}")).unwrap_or_default();
                format!("{} GHz{ch}", r.band.as_str())
            })
            .collect();
        out.insert(
            &layer,
            "TP_AP",
            a.position,
            &[
                ("NAME", a.name.clone()),
                ("TYPE", radios.join(" + ")),
                ("CABLE", cables_of(&a.id)),
            ],
        );
    }
    for g in &floor.gateways {
        let layer = out.layer("TP-GATEWAYS", 6);
        out.insert(
            &layer,
            "TP_GATEWAY",
            g.position,
            &[
                ("NAME", g.name.clone()),
                ("TYPE", g.tech.as_str().to_owned()),
            ],
        );
    }
    for d in &floor.devices {
        let layer = out.layer("TP-DEVICES", 3);
        let kind = match (d.medium, d.tech) {
            (Medium::Wireless, Some(t)) => t.as_str().to_owned(),
            (m, _) => m.as_str().to_owned(),
        };
        out.insert(
            &layer,
            "TP_DEVICE",
            d.position,
            &[
                ("NAME", d.name.clone()),
                ("TYPE", kind),
                ("CABLE", cables_of(&d.id)),
            ],
        );
    }
    for o in &floor.outlets {
        let layer = out.layer("TP-OUTLETS", 7);
        out.insert(
            &layer,
            "TP_OUTLET",
            o.position,
            &[
                ("NAME", o.name.clone()),
                ("TYPE", format!("{} ports", o.ports)),
                ("CABLE", cables_of(&o.id)),
            ],
        );
    }

    let Out {
        mut drawing,
        layers,
    } = out;
    for (name, colour) in layers {
        drawing.add_layer(Layer {
            name,
            color: Color::from_index(colour),
            ..Default::default()
        });
    }
    let mut buf = Cursor::new(Vec::new());
    drawing
        .save(&mut buf)
        .map_err(|e| DxfExportError::Write(e.to_string()))?;
    Ok(attributes_on_their_insert_layer(&buf.into_inner()))
}

/// The `dxf` crate writes a block reference's ATTRIBs (each with an embedded MTEXT) and its
/// SEQEND on layer 0; CAD programs put them on the reference's layer, so that freezing the
/// layer hides the labels too. The text DXF with those moved to the INSERT's layer.
fn attributes_on_their_insert_layer(text: &[u8]) -> Vec<u8> {
    #[derive(PartialEq)]
    enum At {
        Other,
        Insert,
        Attributes,
    }
    let mut out = Vec::with_capacity(text.len());
    let mut lines = text.split_inclusive(|&b| b == b'\n');
    let (mut at, mut layer) = (At::Other, Vec::new());
    while let Some(code) = lines.next() {
        out.extend_from_slice(code);
        let Some(value) = lines.next() else { break };
        let eol = if value.ends_with(b"\r\n") {
            &b"\r\n"[..]
        } else {
            &b"\n"[..]
        };
        match (code.trim_ascii(), value.trim_ascii()) {
            (b"0", b"INSERT") => {
                at = At::Insert;
                layer.clear();
            }
            (b"0", b"ATTRIB" | b"MTEXT" | b"SEQEND") if at != At::Other => at = At::Attributes,
            (b"0", _) => at = At::Other,
            (b"8", l) if at == At::Insert && layer.is_empty() => layer = l.to_vec(),
            (b"8", _) if at == At::Attributes && !layer.is_empty() => {
                out.extend_from_slice(&layer);
                out.extend_from_slice(eol);
                continue;
            }
            _ => {}
        }
        out.extend_from_slice(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_take_their_insert_layer() {
        let text = "0\r\nINSERT\r\n5\r\n1F\r\n8\r\nTP-AP\r\n2\r\nTP_AP\r\n\
                    0\r\nATTRIB\r\n5\r\n20\r\n8\r\n0\r\n2\r\nNAME\r\n\
                    0\r\nMTEXT\r\n5\r\n0\r\n8\r\n0\r\n\
                    0\r\nATTRIB\r\n5\r\n21\r\n8\r\n0\r\n2\r\nTYPE\r\n\
                    0\r\nSEQEND\r\n5\r\n22\r\n8\r\n0\r\n\
                    0\r\nLINE\r\n5\r\n23\r\n8\r\n0\r\n0\r\nEOF\r\n";
        let moved = String::from_utf8(attributes_on_their_insert_layer(text.as_bytes())).unwrap();
        assert_eq!(
            moved,
            text.replacen("8\r\n0\r\n", "8\r\nTP-AP\r\n", 4),
            "the ATTRIBs, their MTEXT and the SEQEND, not the LINE after them"
        );
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(layer_name("TP-ROUTES-TR:1/a"), "TP-ROUTES-TR_1_A");
        assert_eq!(routes_layer("TR-0"), "TP-ROUTES-TR-0");
        assert_eq!(clean_text("a\nb\r\u{0}c"), "a b  c");
        assert_eq!(layer_name("  "), "_");
    }
}
