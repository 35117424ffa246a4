//! Writing a DXF drawing as a CAD program would: the `dxf` crate writes the tables, blocks
//! and entities; HATCH, which it does not know, is added as raw group codes; the header's
//! creation dates and GUIDs are fixed so that every run writes the same bytes.

use dxf::entities::{
    Arc, Circle, Entity, EntityType, Insert, Line, LwPolyline, MText, Polyline, Spline, Text,
    Vertex,
};
use dxf::enums::{AcadVersion, AttachmentPoint, Units};
use dxf::tables::Layer;
use dxf::{Block, Color, Drawing, Handle, LwPolylineVertex, Point};

/// A point in drawing units.
pub(crate) type P = (f64, f64);

fn point(p: P) -> Point {
    Point::new(p.0, p.1, 0.0)
}

/// An entity on `layer` ("0" inside blocks: it takes the layer of the block reference).
pub(crate) fn on(layer: &str, specific: EntityType) -> Entity {
    let mut e = Entity::new(specific);
    e.common.layer = layer.to_owned();
    e
}

/// A LINE.
pub(crate) fn line(a: P, b: P) -> EntityType {
    EntityType::Line(Line::new(point(a), point(b)))
}

/// An LWPOLYLINE through `(point, bulge)` vertices; a vertex's bulge shapes the span to the
/// next one (tan of a quarter of the arc's angle, positive anticlockwise).
pub(crate) fn lwpolyline(vertices: &[(P, f64)], closed: bool) -> EntityType {
    let mut p = LwPolyline {
        vertices: vertices
            .iter()
            .map(|&((x, y), bulge)| LwPolylineVertex {
                x,
                y,
                bulge,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    p.set_is_closed(closed);
    EntityType::LwPolyline(p)
}

/// A closed LWPOLYLINE without bulges.
pub(crate) fn ring(points: &[P]) -> EntityType {
    let v: Vec<(P, f64)> = points.iter().map(|&p| (p, 0.0)).collect();
    lwpolyline(&v, true)
}

/// An ARC, angles in degrees anticlockwise.
pub(crate) fn arc(centre: P, radius: f64, start_deg: f64, end_deg: f64) -> EntityType {
    EntityType::Arc(Arc::new(point(centre), radius, start_deg, end_deg))
}

/// A CIRCLE.
pub(crate) fn circle(centre: P, radius: f64) -> EntityType {
    EntityType::Circle(Circle::new(point(centre), radius))
}

/// A clamped, uniform B-spline of `degree` through its control points' hull.
pub(crate) fn spline(degree: usize, control: &[P]) -> EntityType {
    let n = control.len();
    let mut knots = vec![0.0; degree + 1];
    let inner = n.saturating_sub(degree + 1);
    knots.extend((1..=inner).map(|k| k as f64 / (inner + 1) as f64));
    knots.extend(std::iter::repeat_n(1.0, degree + 1));
    EntityType::Spline(Spline {
        degree_of_curve: degree as i32,
        flags: 8, // planar
        knot_values: knots,
        control_points: control.iter().map(|&p| point(p)).collect(),
        ..Default::default()
    })
}

/// A TEXT, its baseline starting at `at`.
pub(crate) fn text(at: P, height: f64, value: &str) -> EntityType {
    EntityType::Text(Text {
        location: point(at),
        text_height: height,
        value: value.to_owned(),
        text_style_name: "STANDARD".into(),
        ..Default::default()
    })
}

/// An MTEXT centred on `at` (its raw text, with formatting codes).
pub(crate) fn mtext(at: P, height: f64, width: f64, raw: &str) -> EntityType {
    EntityType::MText(MText {
        insertion_point: point(at),
        initial_text_height: height,
        reference_rectangle_width: width,
        attachment_point: AttachmentPoint::MiddleCenter,
        text: raw.to_owned(),
        text_style_name: "STANDARD".into(),
        ..Default::default()
    })
}

/// A block reference: at `at`, turned by `rotation_deg`, scaled by `scale` (x, y; a negative
/// factor mirrors), repeated `cols` x `rows` times `spacing` apart (a MINSERT array).
pub(crate) struct Ref<'a> {
    pub block: &'a str,
    pub at: P,
    pub rotation_deg: f64,
    pub scale: (f64, f64),
    pub cols: i16,
    pub rows: i16,
    pub spacing: (f64, f64),
}

impl<'a> Ref<'a> {
    /// One plain reference to `block` at `at`.
    pub fn new(block: &'a str, at: P) -> Self {
        Ref {
            block,
            at,
            rotation_deg: 0.0,
            scale: (1.0, 1.0),
            cols: 1,
            rows: 1,
            spacing: (0.0, 0.0),
        }
    }

    /// Turned by `deg`.
    pub fn rotated(mut self, deg: f64) -> Self {
        self.rotation_deg = deg;
        self
    }

    /// Scaled by (x, y).
    pub fn scaled(mut self, x: f64, y: f64) -> Self {
        self.scale = (x, y);
        self
    }

    /// Repeated in an array of `cols` x `rows`, `dx` and `dy` apart (in the block's turned
    /// axes).
    pub fn array(mut self, cols: i16, rows: i16, dx: f64, dy: f64) -> Self {
        (self.cols, self.rows, self.spacing) = (cols, rows, (dx, dy));
        self
    }

    /// The INSERT entity.
    pub fn entity(&self) -> EntityType {
        EntityType::Insert(Insert {
            name: self.block.to_owned(),
            location: point(self.at),
            rotation: self.rotation_deg,
            x_scale_factor: self.scale.0,
            y_scale_factor: self.scale.1,
            column_count: self.cols,
            row_count: self.rows,
            column_spacing: self.spacing.0,
            row_spacing: self.spacing.1,
            ..Default::default()
        })
    }
}

/// A HATCH boundary path.
pub(crate) enum Boundary {
    /// A closed polyline (vertices with bulges).
    Polyline(Vec<(P, f64)>),
    /// Line edges, end to end.
    Lines(Vec<P>),
}

struct RawHatch {
    layer: String,
    pattern: Option<(&'static str, f64)>,
    loops: Vec<Boundary>,
}

/// A drawing being written.
pub(crate) struct DxfDoc {
    drawing: Drawing,
    hatches: Vec<RawHatch>,
}

impl DxfDoc {
    /// A new drawing of this AutoCAD version, in these units.
    pub fn new(version: AcadVersion, units: Units) -> Self {
        let mut drawing = Drawing::new();
        drawing.header.version = version;
        drawing.header.default_drawing_units = units;
        drawing.header.last_saved_by = "tailplan-samples".into();
        DxfDoc {
            drawing,
            hatches: Vec::new(),
        }
    }

    /// Adds a layer with an AutoCAD colour index.
    pub fn layer(&mut self, name: &str, color: u8) {
        self.drawing.add_layer(Layer {
            name: name.to_owned(),
            color: Color::from_index(color),
            ..Default::default()
        });
    }

    /// Adds an entity to model space.
    pub fn add(&mut self, layer: &str, specific: EntityType) {
        self.drawing.add_entity(on(layer, specific));
    }

    /// Adds an old-style POLYLINE (VERTEX entities) through `(point, bulge)` vertices.
    pub fn polyline(&mut self, layer: &str, vertices: &[(P, f64)], closed: bool) {
        let mut p = Polyline::default();
        p.set_is_closed(closed);
        for &(at, bulge) in vertices {
            let mut v = Vertex::new(point(at));
            v.bulge = bulge;
            p.add_vertex(&mut self.drawing, v);
        }
        self.add(layer, EntityType::Polyline(p));
    }

    /// Defines a block: its base point and its entities (on layer "0" unless they say).
    pub fn block(&mut self, name: &str, base: P, entities: Vec<Entity>) {
        self.drawing.add_block(Block {
            name: name.to_owned(),
            base_point: point(base),
            entities,
            ..Default::default()
        });
    }

    /// Adds a HATCH: solid (`pattern` None) or a predefined pattern (name, angle in degrees).
    pub fn hatch(
        &mut self,
        layer: &str,
        pattern: Option<(&'static str, f64)>,
        loops: Vec<Boundary>,
    ) {
        self.hatches.push(RawHatch {
            layer: layer.to_owned(),
            pattern,
            loops,
        });
    }

    /// The drawing's text. `extents` are written to `$EXTMIN`/`$EXTMAX`; `None` leaves them
    /// unset, as AutoCAD writes an empty drawing's (1e20, -1e20).
    pub fn finish(mut self, extents: Option<(P, P)>, guid_seed: u32) -> String {
        let h = &mut self.drawing.header;
        (h.minimum_drawing_extents, h.maximum_drawing_extents) = match extents {
            Some((lo, hi)) => (point(lo), point(hi)),
            None => (
                Point::new(1e20, 1e20, 1e20),
                Point::new(-1e20, -1e20, -1e20),
            ),
        };
        if let Some((lo, hi)) = extents {
            h.minimum_drawing_limits = point(lo);
            h.maximum_drawing_limits = point(hi);
        }
        // Handles for the hatches, reserved before the crate writes $HANDSEED.
        let first = h.next_available_handle.0;
        h.next_available_handle = Handle(first + self.hatches.len() as u64);
        let model_space = self
            .drawing
            .block_records()
            .find(|r| r.name.eq_ignore_ascii_case("*Model_Space"))
            .map_or(0, |r| r.handle.0);
        let mut bytes = Vec::new();
        self.drawing
            .save(&mut bytes)
            .expect("writing to memory cannot fail");
        let mut text = String::from_utf8(bytes).expect("the dxf crate writes UTF-8 or ASCII");
        for (var, value) in [
            ("$TDCREATE", "2461072.395833333"),
            ("$TDUCREATE", "2461072.354166667"),
            ("$TDUPDATE", "2461079.687500000"),
            ("$TDUUPDATE", "2461079.645833333"),
            ("$TDINDWG", "0.2513888889"),
            ("$TDUSRTIMER", "0.2513888889"),
        ] {
            set_header(&mut text, var, value);
        }
        set_header(
            &mut text,
            "$FINGERPRINTGUID",
            &format!("{{5A1B{guid_seed:04X}-7A11-4C0D-9E5F-000000000001}}"),
        );
        set_header(
            &mut text,
            "$VERSIONGUID",
            &format!("{{5A1B{guid_seed:04X}-7A11-4C0D-9E5F-000000000002}}"),
        );
        let hatches: String = self
            .hatches
            .iter()
            .enumerate()
            .map(|(k, h)| hatch_text(h, first + k as u64, model_space))
            .collect();
        let entities = text.find("\r\nENTITIES\r\n").expect("an ENTITIES section");
        let end = entities
            + text[entities..]
                .find("\r\n  0\r\nENDSEC\r\n")
                .expect("the ENTITIES section ends");
        text.insert_str(end + 2, &hatches);
        text
    }
}

/// Sets the value of a header variable written as `9 / $VAR / code / value`.
fn set_header(text: &mut String, var: &str, value: &str) {
    let key = format!("\r\n{var}\r\n");
    let Some(i) = text.find(&key) else {
        return;
    };
    let code_end = i + key.len() + text[i + key.len()..].find("\r\n").expect("a code line") + 2;
    let value_end = code_end + text[code_end..].find("\r\n").expect("a value line");
    text.replace_range(code_end..value_end, value);
}

/// A number as the crate writes them.
fn num(v: f64) -> String {
    format!("{v:?}")
}

fn hatch_text(h: &RawHatch, handle: u64, owner: u64) -> String {
    let mut pairs: Vec<(i32, String)> = vec![
        (0, "HATCH".into()),
        (5, format!("{handle:X}")),
        (330, format!("{owner:X}")),
        (100, "AcDbEntity".into()),
        (8, h.layer.clone()),
        (100, "AcDbHatch".into()),
        (10, "0.0".into()),
        (20, "0.0".into()),
        (30, "0.0".into()),
        (210, "0.0".into()),
        (220, "0.0".into()),
        (230, "1.0".into()),
        (2, h.pattern.map_or("SOLID", |p| p.0).into()),
        (70, if h.pattern.is_none() { "1" } else { "0" }.into()),
        (71, "0".into()),
        (91, h.loops.len().to_string()),
    ];
    for (k, lp) in h.loops.iter().enumerate() {
        // The first loop is the outermost (flags: external 1, outermost 16).
        let outer = if k == 0 { 17 } else { 0 };
        match lp {
            Boundary::Polyline(v) => {
                let bulges = v.iter().any(|(_, b)| *b != 0.0);
                pairs.push((92, (outer | 2).to_string()));
                pairs.push((72, if bulges { "1" } else { "0" }.into()));
                pairs.push((73, "1".into()));
                pairs.push((93, v.len().to_string()));
                for &((x, y), b) in v {
                    pairs.push((10, num(x)));
                    pairs.push((20, num(y)));
                    if bulges {
                        pairs.push((42, num(b)));
                    }
                }
            }
            Boundary::Lines(pts) => {
                pairs.push((92, outer.to_string()));
                pairs.push((93, pts.len().to_string()));
                for i in 0..pts.len() {
                    let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
                    pairs.push((72, "1".into()));
                    pairs.push((10, num(a.0)));
                    pairs.push((20, num(a.1)));
                    pairs.push((11, num(b.0)));
                    pairs.push((21, num(b.1)));
                }
            }
        }
        pairs.push((97, "0".into()));
    }
    pairs.push((75, "0".into()));
    pairs.push((76, "1".into()));
    if let Some((_, angle)) = h.pattern {
        // One family of lines 3 mm apart at the pattern's angle (ANSI31-like).
        let (s, c) = angle.to_radians().sin_cos();
        for (code, v) in [
            (52, num(angle)),
            (41, "1.0".into()),
            (77, "0".into()),
            (78, "1".into()),
            (53, num(angle)),
            (43, "0.0".into()),
            (44, "0.0".into()),
            (45, num((-s * 3.175 * 1e6).round() / 1e6)),
            (46, num((c * 3.175 * 1e6).round() / 1e6)),
            (79, "0".into()),
        ] {
            pairs.push((code, v));
        }
    }
    pairs.push((98, "0".into()));
    pairs
        .into_iter()
        .map(|(code, value)| format!("{code:>3}\r\n{value}\r\n"))
        .collect()
}
