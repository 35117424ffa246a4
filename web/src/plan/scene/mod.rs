//! The plan drawing: a floor prepared once for drawing ([`FloorScene`]), then turned into a
//! [`DisplayList`] for each view ([`FloorScene::frame`]).
//!
//! Preparing resolves everything that does not depend on the view (material colours, room
//! label positions, the wall each opening cuts, bounding boxes for culling). A frame then
//! only transforms, culls what is off screen, batches by style and places labels, so that
//! the biggest floors (thousands of wall segments, hundreds of symbols) stay smooth while
//! panning.

mod legend;
mod overlay;
mod symbols;

pub use legend::{Legend, LegendItem, Swatch};
pub use overlay::scale_bar_label;

use std::collections::{BTreeMap, HashSet};
use std::f64::consts::FRAC_PI_2;

use tailplan_core::geometry::{ring_area, ring_segments};
use tailplan_core::{
    BBox, Floor, OpeningKind, Placement, Point, Polygon, Project, RasterUnderlay, Shape,
    UnderlayKind,
};

use crate::plan::color::Rgba;
use crate::plan::display::{
    Align, DisplayList, ImageId, ImageOp, LineCap, Path, PathCmd, Stroke, Text,
};
use crate::plan::labels::{LabelPlacer, Rect};
use crate::plan::layers::{Layer, Layers};
use crate::plan::style::{self, SymbolKind};
use crate::plan::view::{View, Viewport};

/// Screen margin kept free around a fitted floor, CSS px.
pub const FIT_MARGIN_PX: f64 = 32.0;
/// Rooms narrower than this on screen get no label at all, CSS px.
const ROOM_LABEL_PAD_PX: f64 = 6.0;
/// Thickness assumed for the wall an opening cuts when no wall is near it, metres.
const DEFAULT_GAP_M: f64 = 0.2;

/// A wall ready to draw.
#[derive(Debug, Clone)]
struct WallItem {
    id: String,
    /// Polylines; closed rings repeat their first point at the end.
    lines: Vec<Vec<Point>>,
    bbox: BBox,
    color: Rgba,
    thickness_m: f64,
    /// What the legend calls its material.
    material: String,
    /// Drawn as a filled footprint (a column), not stroked along its rings.
    solid: bool,
}

/// A door or window ready to draw.
#[derive(Debug, Clone)]
struct OpeningItem {
    id: String,
    kind: OpeningKind,
    points: Vec<Point>,
    open: bool,
    bbox: BBox,
    /// Thickness of the wall it is cut into, metres.
    gap_m: f64,
}

/// A room ready to draw.
#[derive(Debug, Clone)]
struct RoomItem {
    id: String,
    name: String,
    /// Exterior anticlockwise, holes clockwise (in world axes), so one non-zero fill of many
    /// rooms keeps the holes open.
    rings: Vec<Vec<Point>>,
    bbox: BBox,
    label_at: Point,
    /// Width of the room along the label's line, metres.
    label_span_m: f64,
    area_m2: f64,
    tint: Rgba,
    /// The room is a telecom room's, whose own label names it.
    is_telecom: bool,
}

/// A tray or cable route ready to draw.
#[derive(Debug, Clone)]
struct LineItem {
    id: String,
    points: Vec<Point>,
    bbox: BBox,
    width_mm: Option<f64>,
    /// A route's colour: its telecom room's.
    color: Rgba,
    /// A route drawn by hand (dashed), not by "Route all".
    hand: bool,
}

/// A scanned drawing ready to draw.
#[derive(Debug, Clone)]
struct RasterItem {
    image: ImageId,
    width_px: u32,
    height_px: u32,
    placement: Placement,
    bbox: BBox,
}

/// What the routes of a floor are coloured by: (telecom room name, colour) in project order,
/// and each room's id with its name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RouteColours(pub Vec<(String, Rgba)>, Vec<(String, String)>);

impl RouteColours {
    /// The telecom rooms of `project`, each with its colour.
    pub fn of(project: &Project) -> Self {
        let mut out: Vec<(String, Rgba)> = Vec::new();
        let mut ids = Vec::new();
        for t in project.floors.iter().flat_map(|f| &f.telecom_rooms) {
            let name = t.name.trim();
            if !out.iter().any(|(n, _)| n == name) {
                out.push((name.to_owned(), style::route_colour(out.len())));
            }
            ids.push((t.id.clone(), name.to_owned()));
        }
        Self(out, ids)
    }

    /// The name of the room a route's `to` refers to: by id, else by name (as routing reads
    /// it); the text itself when it refers to none.
    pub fn room_name<'a>(&'a self, to: &'a str) -> &'a str {
        self.1
            .iter()
            .find(|(id, _)| id == to)
            .map_or(to.trim(), |(_, name)| name.as_str())
    }

    /// The colour of routes to the room `to` refers to.
    pub fn of_room(&self, to: &str) -> Rgba {
        let name = self.room_name(to);
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map_or(style::ROUTE, |(_, c)| *c)
    }
}

/// The key of a raster underlay's image: its id and size, so that another scan under the
/// same id is another image.
pub fn raster_image_id(underlay_id: &str, raster: &RasterUnderlay) -> ImageId {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        underlay_id,
        raster.width_px,
        raster.height_px,
        raster.data.len(),
        raster.data.get(..64),
    )
        .hash(&mut h);
    h.finish()
}

/// A telecom room ready to draw.
#[derive(Debug, Clone)]
struct TelecomItem {
    id: String,
    name: String,
    outline: Vec<Vec<Point>>,
    position: Point,
    bbox: BBox,
}

/// A directional antenna ready to draw on its access point: its horizontal pattern as a polar
/// plot (30 dB from the centre to the rim) turned to its azimuth.
#[derive(Debug, Clone)]
struct AntennaItem {
    /// The access point's id.
    id: String,
    position: Point,
    azimuth_deg: f64,
    /// The plot's radius at each 5° clockwise from the azimuth, 0 to 1.
    reach: Vec<f64>,
}

impl AntennaItem {
    /// The antennas of `floor`'s access points worth drawing: the first radio with a
    /// directional pattern (an omni one, within 1 dB all round, draws nothing), one per access
    /// point.
    fn of_floor(project: &Project, floor: &Floor) -> Vec<Self> {
        floor
            .access_points
            .iter()
            .filter(|a| a.position.is_finite())
            .filter_map(|a| {
                let (mount, pattern) = a.effective_radios().into_iter().find_map(|r| {
                    let mount = r.antenna?;
                    let pattern = project.antennas.get(&mount.pattern)?.clone();
                    let spread = pattern.horizontal_db.iter().fold(0.0f64, |m, v| m.max(*v))
                        - pattern.horizontal_db.iter().fold(0.0f64, |m, v| m.min(*v));
                    (spread > 1.0).then_some((mount, pattern))
                })?;
                let reach = (0..72)
                    .map(|k| {
                        (1.0 - pattern.horizontal_at(f64::from(k) * 5.0) / 30.0).clamp(0.0, 1.0)
                    })
                    .collect();
                Some(AntennaItem {
                    id: a.id.clone(),
                    position: a.position,
                    azimuth_deg: mount.azimuth_deg,
                    reach,
                })
            })
            .collect()
    }
}

/// A symbol ready to draw.
#[derive(Debug, Clone)]
struct SymbolItem {
    id: String,
    kind: SymbolKind,
    position: Point,
    label: String,
}

/// A floor prepared for drawing. Build it again when the project or the floor changes.
#[derive(Debug, Clone)]
pub struct FloorScene {
    /// The floor's id.
    pub floor_id: String,
    /// The floor's name.
    pub floor_name: String,
    /// What "Fit" shows: the walls and rooms, or everything when there are none.
    pub bbox: Option<BBox>,
    walls: Vec<WallItem>,
    openings: Vec<OpeningItem>,
    rooms: Vec<RoomItem>,
    trays: Vec<LineItem>,
    routes: Vec<LineItem>,
    telecom_rooms: Vec<TelecomItem>,
    /// Risers and racks (the trays layer).
    pathway_symbols: Vec<SymbolItem>,
    /// Access points, gateways, devices and outlets (the devices layer).
    symbols: Vec<SymbolItem>,
    /// The lines of the drawings the floor was imported from (rings closed).
    underlay: Vec<(Vec<Point>, BBox)>,
    /// The scans the floor was imported from.
    rasters: Vec<RasterItem>,
    /// The telecom rooms the routes are coloured by, those with routes on this floor.
    route_rooms: Vec<(String, Rgba)>,
    /// On a floor without rooms, the outline of the building's interior found from its walls
    /// (what coverage and placement aim at), closed rings.
    interior: Vec<Vec<Point>>,
    /// Directional antennas on access points.
    antennas: Vec<AntennaItem>,
    /// Some routes on this floor were drawn by hand.
    has_hand_routes: bool,
}

impl FloorScene {
    /// Prepares `floor` of `project` (whose material library colours the walls).
    pub fn new(project: &Project, floor: &Floor) -> Self {
        let walls = floor
            .walls
            .iter()
            .filter_map(|w| {
                let solid = style::wall_is_solid(&w.shape, w.thickness_m);
                let lines = match (&w.shape, solid) {
                    (Shape::Polygon(p), true) => oriented_rings(p),
                    _ => shape_lines(&w.shape),
                };
                let bbox = BBox::from_points(lines.iter().flatten().copied())?;
                Some(WallItem {
                    id: w.id.clone(),
                    solid,
                    lines,
                    bbox,
                    color: style::wall_color(w, &project.materials),
                    thickness_m: w.thickness_m,
                    material: style::wall_material_label(w, &project.materials),
                })
            })
            .collect();

        let openings = floor
            .openings
            .iter()
            .filter_map(|o| {
                let bbox = BBox::from_points(o.points.iter().copied())?;
                let mid = bbox.center();
                let gap_m = floor
                    .walls
                    .nearest_segment(mid, 0.5)
                    .and_then(|(i, _, _)| floor.walls.get(i))
                    .map_or(DEFAULT_GAP_M, |w| w.thickness_m);
                Some(OpeningItem {
                    id: o.id.clone(),
                    kind: o.kind,
                    points: o.points.clone(),
                    open: o.open,
                    bbox,
                    gap_m,
                })
            })
            .collect();

        let telecom_names: Vec<&str> = floor.telecom_rooms.iter().map(|t| t.name.trim()).collect();
        let rooms = floor
            .rooms
            .iter()
            .filter_map(|r| {
                let bbox = BBox::from_points(r.polygon.points())?;
                let (label_at, label_span_m) = label_point(&r.polygon);
                Some(RoomItem {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    rings: oriented_rings(&r.polygon),
                    bbox,
                    label_at,
                    label_span_m,
                    area_m2: r.area_m2(),
                    tint: style::room_tint(&r.id),
                    is_telecom: telecom_names.contains(&r.name.trim()),
                })
            })
            .collect();

        let line = |id: &str, points: &[Point], width_mm: Option<f64>| {
            BBox::from_points(points.iter().copied()).map(|bbox| LineItem {
                id: id.to_owned(),
                points: points.to_vec(),
                bbox,
                width_mm,
                color: style::TRAY,
                hand: false,
            })
        };
        let trays = floor
            .trays
            .iter()
            .filter_map(|t| line(&t.id, &t.points, t.width_mm))
            .collect();
        let colours = RouteColours::of(project);
        let mut route_rooms: Vec<(String, Rgba)> = Vec::new();
        let routes: Vec<LineItem> = floor
            .routes
            .iter()
            .filter_map(|r| {
                let color = colours.of_room(&r.to);
                let room = colours.room_name(&r.to);
                if !route_rooms.iter().any(|(n, _)| n == room) {
                    route_rooms.push((room.to_owned(), color));
                }
                line(&r.id, &r.points, None).map(|l| LineItem {
                    color,
                    hand: !tailplan_core::routing::hand::is_auto_route(r),
                    ..l
                })
            })
            .collect();
        // In the legend, rooms in the project's order.
        route_rooms.sort_by_key(|(n, _)| colours.0.iter().position(|(c, _)| c == n));
        let has_hand_routes = routes.iter().any(|r| r.hand);

        let telecom_rooms = floor
            .telecom_rooms
            .iter()
            .map(|t| {
                let outline = t.outline.as_ref().map(oriented_rings).unwrap_or_default();
                let mut bbox =
                    BBox::from_points(outline.iter().flatten().copied()).unwrap_or(BBox {
                        min: t.position,
                        max: t.position,
                    });
                bbox.include(t.position);
                TelecomItem {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    outline,
                    position: t.position,
                    bbox,
                }
            })
            .collect();

        let sym = |id: &str, kind, position, label: &str| SymbolItem {
            id: id.to_owned(),
            kind,
            position,
            label: label.to_owned(),
        };
        let mut pathway_symbols: Vec<SymbolItem> = floor
            .risers
            .iter()
            .map(|r| sym(&r.id, SymbolKind::Riser, r.position, &r.name))
            .collect();
        pathway_symbols.extend(
            floor
                .telecom_rooms
                .iter()
                .map(|t| sym(&t.id, SymbolKind::Rack, t.position, "")),
        );

        let mut symbols: Vec<SymbolItem> = Vec::new();
        symbols.extend(
            floor
                .outlets
                .iter()
                .map(|o| sym(&o.id, SymbolKind::Outlet, o.position, &o.name)),
        );
        symbols.extend(
            floor
                .devices
                .iter()
                .map(|d| sym(&d.id, SymbolKind::Device(d.medium), d.position, &d.name)),
        );
        symbols.extend(
            floor
                .gateways
                .iter()
                .map(|g| sym(&g.id, SymbolKind::Gateway, g.position, &g.name)),
        );
        symbols.extend(
            floor
                .access_points
                .iter()
                .map(|a| sym(&a.id, SymbolKind::AccessPoint, a.position, &a.name)),
        );
        symbols.retain(|s| s.position.is_finite());
        pathway_symbols.retain(|s| s.position.is_finite());

        // Vector underlays' lines, and scans placed in metres.
        let mut underlay = Vec::new();
        let mut rasters = Vec::new();
        for u in floor.underlays.iter().filter(|u| u.visible) {
            if let UnderlayKind::Raster(r) = &u.kind
                && r.width_px > 0
                && r.height_px > 0
                && r.placement.m_per_px.is_finite()
                && r.placement.m_per_px > 0.0
            {
                rasters.push(RasterItem {
                    image: raster_image_id(&u.id, r),
                    width_px: r.width_px,
                    height_px: r.height_px,
                    placement: r.placement,
                    bbox: r.bbox(),
                });
            }
            if let UnderlayKind::Vector { layers } = &u.kind {
                for layer in layers {
                    let closed = layer.rings.iter().map(|r| {
                        let mut r = r.clone();
                        if r.len() > 2 {
                            r.push(r[0]);
                        }
                        r
                    });
                    for line in layer.lines.iter().cloned().chain(closed) {
                        if let Some(b) =
                            BBox::from_points(line.iter().copied().filter(|p| p.is_finite()))
                        {
                            underlay.push((line, b));
                        }
                    }
                }
            }
        }

        let interior = tailplan_core::coverage::FloorArea::of(floor, &project.settings.radio)
            .interior()
            .map(|i| {
                i.outline()
                    .iter()
                    .flat_map(|p| std::iter::once(&p.exterior).chain(&p.holes))
                    .map(|ring| {
                        let mut r = ring.clone();
                        if let Some(&first) = r.first() {
                            r.push(first);
                        }
                        r
                    })
                    .collect()
            })
            .unwrap_or_default();
        let antennas = AntennaItem::of_floor(project, floor);

        FloorScene {
            floor_id: floor.id.clone(),
            floor_name: floor.name.clone(),
            bbox: floor.plan_bbox(),
            walls,
            openings,
            rooms,
            trays,
            routes,
            telecom_rooms,
            pathway_symbols,
            symbols,
            underlay,
            rasters,
            route_rooms,
            has_hand_routes,
            interior,
            antennas,
        }
    }

    /// True when the floor has no rooms and its walls enclose a building interior, which the
    /// plan outlines.
    pub fn has_interior(&self) -> bool {
        !self.interior.is_empty()
    }

    /// The scans this floor draws: (image id, underlay id), for the browser edge to load.
    pub fn raster_images(&self) -> impl Iterator<Item = ImageId> + '_ {
        self.rasters.iter().map(|r| r.image)
    }

    /// The view that shows the whole floor in `viewport` (the default view without a floor).
    pub fn fit(&self, viewport: Viewport) -> View {
        match self.bbox {
            Some(b) => View::fit(b, viewport, FIT_MARGIN_PX),
            None => View::default(),
        }
    }

    /// Everything to draw for `view` in `viewport` with `layers` shown, back to front:
    /// grid, rooms, walls, openings, pathways, symbols, labels, scale bar.
    pub fn frame(&self, view: &View, viewport: Viewport, layers: Layers) -> DisplayList {
        self.frame_with(view, viewport, layers, &FrameOptions::default())
    }

    /// [`FloorScene::frame`] with options: elements left out (those being dragged), a layer
    /// drawn under the walls (the slot of the coverage heatmap), and whether the background,
    /// grid and scale bar are drawn (not for a ghost drawn over another frame).
    pub fn frame_with(
        &self,
        view: &View,
        viewport: Viewport,
        layers: Layers,
        options: &FrameOptions<'_>,
    ) -> DisplayList {
        let (mut below, above) = self.frame_layers(view, viewport, layers, options);
        if let Some(under) = options.under_walls {
            below.ops.extend(under.ops.iter().cloned());
        }
        below.ops.extend(above.ops);
        below
    }

    /// The frame in two parts, to be drawn with the heatmap between them: what lies under
    /// the walls (background, grid, scans and underlay lines, room and telecom-room fills)
    /// and everything over them. `options.under_walls` is not used.
    pub fn frame_layers(
        &self,
        view: &View,
        viewport: Viewport,
        layers: Layers,
        options: &FrameOptions<'_>,
    ) -> (DisplayList, DisplayList) {
        let mut below = DisplayList {
            background: options.chrome.then_some(style::BACKGROUND),
            ops: Vec::new(),
        };
        let mut list = DisplayList::default();
        if viewport.is_empty() {
            return (below, list);
        }
        let frame = Frame {
            view: *view,
            visible: view.visible(viewport),
            screen: Rect {
                x0: 0.0,
                y0: 0.0,
                x1: viewport.width,
                y1: viewport.height,
            },
            hidden: options.hidden,
        };
        if options.chrome {
            overlay::grid(&mut below, &frame, viewport.dpr);
        }

        let mut placer = LabelPlacer::new(inset(frame.screen, 2.0));
        let radius = style::symbol_radius_px(view.scale);

        if layers.shows(Layer::Rooms) {
            self.draw_room_fills(&mut below, &frame);
            self.draw_interior(&mut below, &frame);
        }
        if layers.shows(Layer::Underlay) {
            self.draw_rasters(&mut below, &frame);
        }
        if layers.shows(Layer::Underlay) && !self.underlay.is_empty() {
            let mut path = Path::new();
            for (line, b) in &self.underlay {
                if frame.shows(b, 0.0) {
                    path.polyline(line.iter().map(|p| view.to_screen(*p)));
                }
            }
            below.stroke(path, Stroke::solid(style::UNDERLAY, 1.0));
        }
        if layers.shows(Layer::Trays) {
            self.draw_telecom_fills(&mut below, &frame);
        }
        if layers.shows(Layer::Walls) {
            self.draw_walls(&mut list, &frame);
        }
        if layers.shows(Layer::Openings) {
            self.draw_openings(&mut list, &frame);
        }
        if layers.shows(Layer::Trays) {
            self.draw_pathways(&mut list, &frame);
        }
        if layers.shows(Layer::Routes) {
            self.draw_routes(&mut list, &frame);
        }

        // Symbols, and the space they take that labels must leave free.
        let mut visible_symbols: Vec<(&SymbolItem, f64, f64)> = Vec::new();
        let mut symbol_groups: Vec<&[SymbolItem]> = Vec::new();
        if layers.shows(Layer::Trays) {
            symbol_groups.push(&self.pathway_symbols);
        }
        if layers.shows(Layer::Devices) {
            symbol_groups.push(&self.symbols);
        }
        for s in symbol_groups.into_iter().flatten() {
            if frame.hides(&s.id) {
                continue;
            }
            let (x, y) = view.to_screen(s.position);
            let r = radius * s.kind.style().size + 2.0;
            if frame.screen_has(x, y, r) {
                placer.reserve(Rect::centered(x, y, 2.0 * r, 2.0 * r));
                visible_symbols.push((s, x, y));
            }
        }
        if layers.shows(Layer::Devices) {
            self.draw_antennas(&mut list, &frame, radius);
        }
        symbols::draw_symbols(&mut list, &visible_symbols, radius);

        // Labels in priority order: telecom rooms, rooms, equipment.
        if layers.shows(Layer::Trays) {
            self.label_telecom_rooms(&mut list, &frame, &mut placer);
        }
        if layers.shows(Layer::Rooms) {
            self.label_rooms(&mut list, &frame, &mut placer, layers.shows(Layer::Trays));
        }
        if style::shows_symbol_labels(view.scale) {
            symbols::label_symbols(&mut list, &visible_symbols, radius, &mut placer);
        }

        if options.chrome {
            overlay::scale_bar(&mut list, view, viewport);
        }
        (below, list)
    }

    /// Scans, multiplied onto the fills under them (their white paper disappears).
    fn draw_rasters(&self, list: &mut DisplayList, f: &Frame) {
        for r in self.rasters.iter().filter(|r| f.shows(&r.bbox, 0.0)) {
            // Pixel (u, v) lands at world placement.apply(u, v): an affine map.
            let o = f.view.to_screen(r.placement.apply(Point::new(0.0, 0.0)));
            let ux = f.view.to_screen(r.placement.apply(Point::new(1.0, 0.0)));
            let vy = f.view.to_screen(r.placement.apply(Point::new(0.0, 1.0)));
            list.image(ImageOp {
                image: r.image,
                width: r.width_px,
                height: r.height_px,
                transform: [ux.0 - o.0, ux.1 - o.1, vy.0 - o.0, vy.1 - o.1, o.0, o.1],
                alpha: 0.9,
                smooth: true,
                multiply: true,
            });
        }
    }

    /// Cable routes, coloured by their telecom room; those drawn by hand dashed.
    fn draw_routes(&self, list: &mut DisplayList, f: &Frame) {
        let mut batches: BTreeMap<(Rgba, bool), Path> = BTreeMap::new();
        for r in self
            .routes
            .iter()
            .filter(|r| f.shows(&r.bbox, 0.5) && !f.hides(&r.id))
        {
            batches
                .entry((r.color, r.hand))
                .or_default()
                .polyline(r.points.iter().map(|p| f.view.to_screen(*p)));
        }
        for ((color, hand), path) in batches {
            let stroke = if hand {
                Stroke::solid(color, 2.0).dashed(&[7.0, 4.0])
            } else {
                Stroke::solid(color, 1.5).capped(LineCap::Round)
            };
            list.stroke(path, stroke);
        }
    }

    /// The building's interior on a floor without rooms: a faint fill inside a dashed line.
    fn draw_interior(&self, list: &mut DisplayList, f: &Frame) {
        if self.interior.is_empty() {
            return;
        }
        let mut path = Path::new();
        for ring in &self.interior {
            path.ring(ring.iter().map(|p| f.view.to_screen(*p)));
        }
        list.fill_stroke(
            path,
            style::INTERIOR_FILL,
            Stroke::solid(style::INTERIOR_EDGE, 1.5).dashed(&[6.0, 4.0]),
        );
    }

    /// Each directional antenna: its horizontal pattern as a polar plot around the access
    /// point, four symbol radii at its peak, and a line along its azimuth.
    fn draw_antennas(&self, list: &mut DisplayList, f: &Frame, radius_px: f64) {
        if self.antennas.is_empty() {
            return;
        }
        let rim_m = 4.0 * radius_px / f.view.scale.max(1e-9);
        let mut lobes = Path::new();
        let mut beams = Path::new();
        for a in self.antennas.iter().filter(|a| !f.hides(&a.id)) {
            let (x, y) = f.view.to_screen(a.position);
            if !f.screen_has(x, y, 4.0 * radius_px) {
                continue;
            }
            let at = |bearing_deg: f64, r_m: f64| {
                let (s, c) = bearing_deg.to_radians().sin_cos();
                f.view
                    .to_screen(Point::new(a.position.x + s * r_m, a.position.y + c * r_m))
            };
            lobes.ring(
                a.reach
                    .iter()
                    .enumerate()
                    .map(|(k, r)| at(a.azimuth_deg + 5.0 * k as f64, r * rim_m)),
            );
            beams.polyline([(x, y), at(a.azimuth_deg, 1.15 * rim_m)]);
        }
        list.fill_stroke(
            lobes,
            style::ANTENNA_FILL,
            Stroke::solid(style::ANTENNA, 1.0),
        );
        list.stroke(
            beams,
            Stroke::solid(style::ANTENNA, 1.5).capped(LineCap::Round),
        );
    }

    fn draw_room_fills(&self, list: &mut DisplayList, f: &Frame) {
        let mut fills: BTreeMap<Rgba, Path> = BTreeMap::new();
        let mut edges = Path::new();
        for room in self
            .rooms
            .iter()
            .filter(|r| f.shows(&r.bbox, 0.0) && !f.hides(&r.id))
        {
            let fill = fills.entry(room.tint).or_default();
            for ring in &room.rings {
                fill.ring(ring.iter().map(|p| f.view.to_screen(*p)));
                edges.ring(ring.iter().map(|p| f.view.to_screen(*p)));
            }
        }
        for (tint, path) in fills {
            list.fill(path, tint);
        }
        list.stroke(edges, Stroke::solid(style::ROOM_EDGE, 1.0));
    }

    fn draw_telecom_fills(&self, list: &mut DisplayList, f: &Frame) {
        let mut fill = Path::new();
        for t in self
            .telecom_rooms
            .iter()
            .filter(|t| f.shows(&t.bbox, 0.0) && !f.hides(&t.id))
        {
            for ring in &t.outline {
                fill.ring(ring.iter().map(|p| f.view.to_screen(*p)));
            }
        }
        list.fill(fill, style::TELECOM_FILL);
    }

    fn draw_walls(&self, list: &mut DisplayList, f: &Frame) {
        // One path per (colour, width): a handful of canvas strokes for the whole floor.
        let mut batches: BTreeMap<(Rgba, u64), Path> = BTreeMap::new();
        let mut solids: BTreeMap<Rgba, Path> = BTreeMap::new();
        for w in &self.walls {
            if !f.shows(&w.bbox, w.thickness_m) || f.hides(&w.id) {
                continue;
            }
            if w.solid {
                let path = solids.entry(w.color).or_default();
                for ring in &w.lines {
                    path.ring(ring.iter().map(|p| f.view.to_screen(*p)));
                }
                continue;
            }
            let width = style::wall_width_px(w.thickness_m, f.view.scale);
            let path = batches.entry((w.color, width.to_bits())).or_default();
            for line in &w.lines {
                path.polyline(line.iter().map(|p| f.view.to_screen(*p)));
            }
        }
        for ((color, width), path) in batches {
            let stroke = Stroke::solid(color, f64::from_bits(width)).capped(LineCap::Square);
            list.stroke(path, stroke);
        }
        // Columns: filled, with a hairline so that small ones stay visible.
        for (color, path) in solids {
            list.fill_stroke(path, color, Stroke::solid(color, 1.0));
        }
    }

    fn draw_openings(&self, list: &mut DisplayList, f: &Frame) {
        let scale = f.view.scale;
        let mut gaps: BTreeMap<(OpeningKind2, u64), Path> = BTreeMap::new();
        let mut door_lines = Path::new();
        let mut open_door_lines = Path::new();
        let mut swings = Path::new();
        let mut glazing = Path::new();
        for o in self
            .openings
            .iter()
            .filter(|o| f.shows(&o.bbox, o.gap_m) && !f.hides(&o.id))
        {
            let pts: Vec<(f64, f64)> = o.points.iter().map(|p| f.view.to_screen(*p)).collect();
            let gap_px = (o.gap_m * scale + 1.0).max(2.0);
            let gap_px = (gap_px * 4.0).round() / 4.0;
            gaps.entry((OpeningKind2::from(o.kind), gap_px.to_bits()))
                .or_default()
                .polyline(pts.iter().copied());
            match o.kind {
                OpeningKind::Window => glazing.polyline(pts.iter().copied()),
                OpeningKind::Door => {
                    let leaf = if o.open {
                        &mut open_door_lines
                    } else {
                        &mut door_lines
                    };
                    match door_swing(&pts) {
                        Some(swing) if swing.leaf_px >= 8.0 => {
                            leaf.polyline([swing.hinge, swing.leaf_end]);
                            swings
                                .cmds
                                .push(PathCmd::MoveTo(swing.latch.0, swing.latch.1));
                            swings.cmds.push(PathCmd::Arc {
                                x: swing.hinge.0,
                                y: swing.hinge.1,
                                r: swing.leaf_px,
                                start: swing.start,
                                end: swing.start + FRAC_PI_2,
                            });
                        }
                        _ => leaf.polyline(pts.iter().copied()),
                    }
                }
            }
        }
        for ((kind, width), path) in gaps {
            let color = match kind {
                OpeningKind2::Door => style::OPENING_GAP,
                OpeningKind2::Window => style::WINDOW_FRAME,
            };
            list.stroke(path, Stroke::solid(color, f64::from_bits(width)));
        }
        list.stroke(swings, Stroke::solid(style::DOOR.with_alpha(150), 1.0));
        list.stroke(door_lines, Stroke::solid(style::DOOR, 1.5));
        list.stroke(
            open_door_lines,
            Stroke::solid(style::DOOR, 1.5).dashed(&[3.0, 3.0]),
        );
        list.stroke(glazing, Stroke::solid(style::WINDOW, 1.5));
    }

    fn draw_pathways(&self, list: &mut DisplayList, f: &Frame) {
        // A translucent band at the tray's true width, under a dashed centreline.
        let mut bands: BTreeMap<u64, Path> = BTreeMap::new();
        let mut centrelines = Path::new();
        for t in self
            .trays
            .iter()
            .filter(|t| f.shows(&t.bbox, 0.5) && !f.hides(&t.id))
        {
            let width = style::tray_width_px(t.width_mm, f.view.scale);
            let pts = || t.points.iter().map(|p| f.view.to_screen(*p));
            bands.entry(width.to_bits()).or_default().polyline(pts());
            centrelines.polyline(pts());
        }
        for (width, path) in bands {
            let band = Stroke::solid(style::TRAY_BAND, f64::from_bits(width));
            list.stroke(path, band);
        }
        list.stroke(
            centrelines,
            Stroke::solid(style::TRAY, style::TRAY_LINE_PX).dashed(&style::TRAY_DASH),
        );
        let mut outlines = Path::new();
        for t in self
            .telecom_rooms
            .iter()
            .filter(|t| f.shows(&t.bbox, 0.0) && !f.hides(&t.id))
        {
            for ring in &t.outline {
                outlines.ring(ring.iter().map(|p| f.view.to_screen(*p)));
            }
        }
        list.stroke(
            outlines,
            Stroke::solid(style::TELECOM, 2.0).dashed(&[8.0, 3.0]),
        );
    }

    fn label_rooms(
        &self,
        list: &mut DisplayList,
        f: &Frame,
        placer: &mut LabelPlacer,
        telecom_labelled: bool,
    ) {
        let size = style::LABEL_PX;
        for room in self
            .rooms
            .iter()
            .filter(|r| f.shows(&r.bbox, 0.0) && !f.hides(&r.id))
        {
            if room.name.trim().is_empty() || (telecom_labelled && room.is_telecom) {
                continue;
            }
            let span_px = room.label_span_m * f.view.scale;
            let height_px = room.bbox.height() * f.view.scale;
            let name_w = style::text_width_px(&room.name, size);
            if name_w + 2.0 * ROOM_LABEL_PAD_PX > span_px || size * 1.6 > height_px {
                continue;
            }
            let (x, y) = f.view.to_screen(room.label_at);
            let area = format!("{:.1} m²", room.area_m2);
            let area_size = size - 1.0;
            let area_w = style::text_width_px(&area, area_size);
            let with_area = height_px >= size * 4.0 && area_w + 2.0 * ROOM_LABEL_PAD_PX <= span_px;
            let block_h = if with_area { size * 2.7 } else { size * 1.3 };
            // At the label point, or a little above or below it when equipment sits there.
            let step = block_h + 2.0;
            let Some(y) = [0.0, -1.0, 1.0, -2.0, 2.0]
                .into_iter()
                .map(|k| k * step)
                .filter(|dy| dy.abs() + block_h / 2.0 <= height_px / 2.0)
                .map(|dy| y + dy)
                .find(|y| placer.fits(&Rect::centered(x, *y, name_w.max(area_w), block_h)))
            else {
                continue;
            };
            let (name_y, area_y) = if with_area {
                (y - size * 0.6, y + size * 0.75)
            } else {
                (y, y)
            };
            placer.reserve(Rect::centered(x, name_y, name_w, size * 1.3));
            list.text(Text {
                text: room.name.clone(),
                x,
                y: name_y,
                size_px: size,
                bold: true,
                color: style::ROOM_LABEL,
                halo: Some(room.tint.with_alpha(210)),
                align: Align::Center,
            });
            if with_area {
                placer.reserve(Rect::centered(x, area_y, area_w, area_size * 1.3));
                list.text(Text {
                    text: area,
                    x,
                    y: area_y,
                    size_px: area_size,
                    bold: false,
                    color: style::ROOM_AREA,
                    halo: Some(room.tint.with_alpha(210)),
                    align: Align::Center,
                });
            }
        }
    }

    fn label_telecom_rooms(&self, list: &mut DisplayList, f: &Frame, placer: &mut LabelPlacer) {
        let size = style::LABEL_PX;
        for t in self
            .telecom_rooms
            .iter()
            .filter(|t| f.shows(&t.bbox, 0.0) && !f.hides(&t.id))
        {
            let (x, y) = f.view.to_screen(t.position);
            let y = y - style::symbol_radius_px(f.view.scale) - size;
            let w = style::text_width_px(&t.name, size);
            if placer.place(Rect::centered(x, y, w, size * 1.3)) {
                list.text(Text {
                    text: t.name.clone(),
                    x,
                    y,
                    size_px: size,
                    bold: true,
                    color: style::TELECOM,
                    halo: Some(style::HALO),
                    align: Align::Center,
                });
            }
        }
    }
}

/// What a frame draws into: the view, the world area on screen and the screen itself.
struct Frame<'a> {
    view: View,
    visible: BBox,
    screen: Rect,
    hidden: Option<&'a HashSet<String>>,
}

/// Options of [`FloorScene::frame_with`].
#[derive(Debug, Clone, Copy)]
pub struct FrameOptions<'a> {
    /// Ids of elements not to draw (those being dragged, drawn as a ghost instead).
    pub hidden: Option<&'a HashSet<String>>,
    /// Drawn over the room and telecom-room fills and under the walls: the slot of the
    /// coverage heatmap.
    pub under_walls: Option<&'a DisplayList>,
    /// Draw the background, the grid and the scale bar.
    pub chrome: bool,
}

impl Default for FrameOptions<'_> {
    fn default() -> Self {
        Self {
            hidden: None,
            under_walls: None,
            chrome: true,
        }
    }
}

impl Frame<'_> {
    /// True when the element with this id is not drawn.
    fn hides(&self, id: &str) -> bool {
        self.hidden.is_some_and(|h| h.contains(id))
    }

    /// True when a world box, grown by `pad_m`, reaches the screen.
    fn shows(&self, b: &BBox, pad_m: f64) -> bool {
        let pad = pad_m.max(0.0) + 2.0 / self.view.scale;
        b.max.x + pad >= self.visible.min.x
            && b.min.x - pad <= self.visible.max.x
            && b.max.y + pad >= self.visible.min.y
            && b.min.y - pad <= self.visible.max.y
    }

    /// True when a screen point, grown by `r` px, reaches the screen.
    fn screen_has(&self, x: f64, y: f64, r: f64) -> bool {
        x + r >= self.screen.x0
            && x - r <= self.screen.x1
            && y + r >= self.screen.y0
            && y - r <= self.screen.y1
    }
}

/// Openings as a batch key (`OpeningKind` is not `Ord`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum OpeningKind2 {
    Window,
    Door,
}

impl From<OpeningKind> for OpeningKind2 {
    fn from(k: OpeningKind) -> Self {
        match k {
            OpeningKind::Door => OpeningKind2::Door,
            OpeningKind::Window => OpeningKind2::Window,
        }
    }
}

/// A door's leaf and swing on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
struct DoorSwing {
    hinge: (f64, f64),
    latch: (f64, f64),
    leaf_end: (f64, f64),
    leaf_px: f64,
    /// Screen angle of hinge -> latch; the swing runs a quarter turn from it.
    start: f64,
}

/// The swing of a two-point door drawn on screen: hinged at its first point, opening to the
/// left of its direction.
fn door_swing(pts: &[(f64, f64)]) -> Option<DoorSwing> {
    let [a, b] = pts else { return None };
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = dx.hypot(dy);
    if !(len.is_finite() && len > 0.0) {
        return None;
    }
    // A quarter turn on screen (y down): the same sense as the canvas's arcs.
    let (nx, ny) = (-dy / len, dx / len);
    Some(DoorSwing {
        hinge: *a,
        latch: *b,
        leaf_end: (a.0 + nx * len, a.1 + ny * len),
        leaf_px: len,
        start: dy.atan2(dx),
    })
}

/// The polylines of a wall's shape, rings closed by repeating their first point.
fn shape_lines(shape: &Shape) -> Vec<Vec<Point>> {
    let close = |ring: &Vec<Point>| {
        let mut r = ring.clone();
        if r.len() > 2 && r.first() != r.last() {
            r.push(r[0]);
        }
        r
    };
    match shape {
        Shape::Line(points) => vec![points.clone()],
        Shape::MultiLine(lines) => lines.clone(),
        Shape::Polygon(p) => std::iter::once(&p.exterior)
            .chain(p.holes.iter())
            .map(close)
            .collect(),
    }
}

/// The rings of a polygon, exterior anticlockwise and holes clockwise.
fn oriented_rings(p: &Polygon) -> Vec<Vec<Point>> {
    let orient = |ring: &Vec<Point>, anticlockwise: bool| {
        let mut r = ring.clone();
        if (ring_area(&r) > 0.0) != anticlockwise {
            r.reverse();
        }
        r
    };
    std::iter::once(orient(&p.exterior, true))
        .chain(p.holes.iter().map(|h| orient(h, false)))
        .collect()
}

/// Where a room's name goes, and how wide the room is there: the middle of the widest span
/// inside the room along the horizontal through its centroid (the centroid of an L-shaped
/// room may lie outside it).
pub fn label_point(p: &Polygon) -> (Point, f64) {
    let c = p.centroid();
    let bbox = BBox::from_points(p.points());
    let fallback_span = bbox.map_or(0.0, |b| b.width());
    // Try the centroid's height, then a little above and below it.
    let h = bbox.map_or(0.0, |b| b.height());
    for dy in [0.0, 0.1, -0.1, 0.25, -0.25] {
        let y = c.y + dy * h;
        let mut xs: Vec<f64> = std::iter::once(&p.exterior)
            .chain(p.holes.iter())
            .flat_map(|ring| ring_segments(ring))
            .filter(|s| (s.a.y > y) != (s.b.y > y))
            .map(|s| s.a.x + (y - s.a.y) / (s.b.y - s.a.y) * (s.b.x - s.a.x))
            .collect();
        xs.sort_by(f64::total_cmp);
        let best = xs
            .chunks_exact(2)
            .map(|pair| (pair[0], pair[1]))
            .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)));
        if let Some((x0, x1)) = best {
            // Prefer the centroid itself when it lies in the span: names sit where expected.
            let x = if dy == 0.0 && c.x > x0 && c.x < x1 && p.contains(c) {
                c.x
            } else {
                (x0 + x1) / 2.0
            };
            let span = 2.0 * (x - x0).min(x1 - x);
            return (Point::new(x, y), span);
        }
    }
    (c, fallback_span)
}

fn inset(r: Rect, by: f64) -> Rect {
    Rect {
        x0: r.x0 + by,
        y0: r.y0 + by,
        x1: r.x1 - by,
        y1: r.y1 - by,
    }
}

#[cfg(test)]
mod tests {
    use tailplan_core::{
        AccessPoint, Device, Gateway, Medium, Opening, Outlet, Props, Riser, Room, TelecomRoom,
        Tray, Wall, WifiBand,
    };

    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn wall(id: &str, pts: &[(f64, f64)], material: &str, t: f64) -> Wall {
        Wall {
            id: id.into(),
            shape: Shape::Line(pts.iter().map(|&(x, y)| p(x, y)).collect()),
            material: Some(material.into()),
            loss_db: None,
            thickness_m: t,
            props: Props::new(),
        }
    }

    /// A 20 x 10 m floor: concrete shell, a drywall partition with a door, a window, two
    /// rooms, a tray, a telecom room, a riser and one of each kind of equipment.
    fn project() -> Project {
        let mut project = Project::new();
        let mut f = Floor::new("1", "Level 1", 0.0);
        f.walls.push(wall(
            "shell",
            &[
                (0.0, 0.0),
                (20.0, 0.0),
                (20.0, 10.0),
                (0.0, 10.0),
                (0.0, 0.0),
            ],
            "concrete",
            0.3,
        ));
        f.walls
            .push(wall("part", &[(10.0, 0.0), (10.0, 10.0)], "drywall", 0.1));
        f.walls.push(Wall {
            id: "column".into(),
            shape: Shape::Polygon(Polygon::rect(p(12.0, 7.0), p(12.3, 7.3))),
            material: Some("concrete".into()),
            loss_db: None,
            thickness_m: 0.3,
            props: Props::new(),
        });
        f.openings.push(Opening {
            id: "d1".into(),
            kind: OpeningKind::Door,
            points: vec![p(10.0, 4.0), p(10.0, 5.0)],
            material: "wood".into(),
            open: false,
            props: Props::new(),
        });
        f.openings.push(Opening {
            id: "win1".into(),
            kind: OpeningKind::Window,
            points: vec![p(3.0, 0.0), p(6.0, 0.0)],
            material: "glass".into(),
            open: false,
            props: Props::new(),
        });
        for (id, name, x0, x1) in [
            ("r1", "Open office", 0.0, 10.0),
            ("r2", "Meeting", 10.0, 20.0),
        ] {
            f.rooms.push(Room {
                id: id.into(),
                name: name.into(),
                polygon: Polygon::rect(p(x0, 0.0), p(x1, 10.0)),
                category: None,
                people: None,
                props: Props::new(),
            });
        }
        f.rooms.push(Room {
            id: "r3".into(),
            name: "TR-1".into(),
            polygon: Polygon::rect(p(17.0, 0.0), p(20.0, 3.0)),
            category: None,
            people: None,
            props: Props::new(),
        });
        f.trays.push(Tray {
            id: "t1".into(),
            name: "T1".into(),
            points: vec![p(1.0, 8.0), p(19.0, 8.0)],
            capacity: None,
            width_mm: Some(300.0),
            depth_mm: None,
            height_m: None,
            props: Props::new(),
        });
        f.telecom_rooms.push(TelecomRoom {
            id: "tr1".into(),
            name: "TR-1".into(),
            position: p(18.0, 1.5),
            outline: Some(Polygon::rect(p(17.0, 0.0), p(20.0, 3.0))),
            ports: 48,
            poe_budget_w: None,
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: Props::new(),
        });
        f.risers.push(Riser {
            id: "rs1".into(),
            name: "R1".into(),
            position: p(16.0, 1.0),
            props: Props::new(),
        });
        f.access_points.push(AccessPoint {
            id: "ap1".into(),
            name: "AP-01".into(),
            position: p(5.0, 5.0),
            model: None,
            radios: vec![tailplan_core::Radio::new(WifiBand::Ghz5, 20.0)],
            height_m: 2.8,
            poe_w: None,
            eirp_offset_db: None,
            props: Props::new(),
        });
        f.gateways.push(Gateway {
            id: "gw1".into(),
            name: "GW-01".into(),
            position: p(15.0, 5.0),
            tech: tailplan_core::IotTech::Lorawan,
            tx_dbm: 14.0,
            height_m: 2.5,
            props: Props::new(),
        });
        for (i, m) in Medium::ALL.into_iter().enumerate() {
            f.devices.push(Device {
                id: format!("dev{i}"),
                name: format!("D{i}"),
                position: p(2.0 + 2.0 * i as f64, 2.0),
                medium: m,
                tech: None,
                class: None,
                poe_w: None,
                height_m: 1.0,
                props: Props::new(),
            });
        }
        f.outlets.push(Outlet {
            id: "o1".into(),
            name: "O-1".into(),
            position: p(12.0, 2.0),
            ports: 2,
            height_m: 0.3,
            props: Props::new(),
        });
        project.floors.push(f);
        project
    }

    fn scene() -> FloorScene {
        let project = project();
        FloorScene::new(&project, &project.floors[0])
    }

    fn viewport() -> Viewport {
        Viewport::new(1000.0, 600.0, 1.0)
    }

    /// The stroke-only ops of `color` (walls, trays...; not filled symbols or columns).
    fn strokes_of(list: &DisplayList, color: Rgba) -> Vec<&Stroke> {
        list.paths()
            .filter(|(_, fill, _)| fill.is_none())
            .filter_map(|(_, _, s)| s)
            .filter(|s| s.color == color)
            .collect()
    }

    fn text_rect(t: &Text) -> Rect {
        let w = style::text_width_px(&t.text, t.size_px);
        let h = t.size_px;
        match t.align {
            Align::Center => Rect::centered(t.x, t.y, w, h),
            Align::Left => Rect::centered(t.x + w / 2.0, t.y, w, h),
        }
    }

    #[test]
    fn walls_are_batched_by_material_colour_at_true_thickness() {
        let s = scene();
        let view = s.fit(viewport());
        let list = s.frame(&view, viewport(), Layers::all());
        let concrete = strokes_of(&list, Rgba::hex(0x4a4f55));
        let drywall = strokes_of(&list, Rgba::hex(0x8c96a0));
        assert_eq!((concrete.len(), drywall.len()), (1, 1));
        assert_eq!(
            concrete[0].width,
            style::wall_width_px(0.3, view.scale),
            "scale {}",
            view.scale
        );
        assert!(concrete[0].width > drywall[0].width);
        assert_eq!(concrete[0].cap, LineCap::Square);
    }

    #[test]
    fn hidden_layers_draw_nothing_of_theirs() {
        let s = scene();
        let view = s.fit(viewport());
        let all = s.frame(&view, viewport(), Layers::all());
        let none = s.frame(&view, viewport(), Layers::none());
        assert!(strokes_of(&none, Rgba::hex(0x4a4f55)).is_empty());
        assert!(strokes_of(&none, style::TRAY).is_empty());
        assert!(!strokes_of(&all, style::TRAY).is_empty());
        // Only the grid and the scale bar remain.
        assert!(none.texts().all(|t| t.text.ends_with(" m")));
        let no_devices = s.frame(&view, viewport(), Layers::all().with(Layer::Devices, false));
        let ap = SymbolKind::AccessPoint.style().fill;
        assert!(all.paths().any(|(_, f, _)| f == Some(ap)));
        assert!(!no_devices.paths().any(|(_, f, _)| f == Some(ap)));
    }

    #[test]
    fn everything_off_screen_is_culled() {
        let s = scene();
        let view = s.fit(viewport()).pan(5000.0, 0.0);
        let list = s.frame(&view, viewport(), Layers::all());
        let symbol_fills: Vec<Rgba> = [SymbolKind::AccessPoint, SymbolKind::Gateway]
            .map(|k| k.style().fill)
            .to_vec();
        assert!(strokes_of(&list, Rgba::hex(0x4a4f55)).is_empty());
        assert!(
            !list
                .paths()
                .any(|(_, f, _)| f.is_some_and(|f| symbol_fills.contains(&f)))
        );
        assert_eq!(list.texts().count(), 1, "only the scale bar's label");
    }

    #[test]
    fn room_names_need_room_and_labels_never_overlap() {
        let s = scene();
        let vp = viewport();
        let fitted = s.fit(vp);
        let list = s.frame(&fitted, vp, Layers::all());
        let names: Vec<&str> = list.texts().map(|t| t.text.as_str()).collect();
        assert!(names.contains(&"Open office") && names.contains(&"Meeting"));
        assert!(names.contains(&"100.0 m²"));
        // Fitted at ~47 px/m: equipment is labelled.
        assert!(names.contains(&"AP-01") && names.contains(&"GW-01"));

        // Far out, rooms are a few pixels wide: no names, no equipment labels.
        let far = fitted.zoom_about(500.0, 300.0, 0.05);
        let list = s.frame(&far, vp, Layers::all());
        assert_eq!(list.texts().count(), 1, "only the scale bar");

        // Zoomed in on the middle: every label is placed apart from the others.
        for factor in [1.0, 1.7, 3.0] {
            let view = fitted.zoom_about(500.0, 300.0, factor);
            let list = s.frame(&view, vp, Layers::all());
            let rects: Vec<Rect> = list.texts().map(text_rect).collect();
            for (i, a) in rects.iter().enumerate() {
                for b in &rects[i + 1..] {
                    assert!(!a.overlaps(b), "{a:?} overlaps {b:?} at x{factor}");
                }
            }
        }
    }

    #[test]
    fn doors_swing_and_windows_are_glazed() {
        let s = scene();
        let view = s.fit(viewport());
        let list = s.frame(&view, viewport(), Layers::all());
        let arcs = list
            .paths()
            .flat_map(|(p, _, _)| &p.cmds)
            .filter(|c| matches!(c, PathCmd::Arc { r, .. } if (*r - view.scale).abs() < 1e-6))
            .count();
        assert_eq!(arcs, 1, "one swing of a 1 m door");
        assert_eq!(strokes_of(&list, style::WINDOW).len(), 1);
        assert_eq!(strokes_of(&list, style::WINDOW_FRAME).len(), 1);
        // The door gap is as wide as the partition it is cut into, plus a pixel.
        let gap = strokes_of(&list, style::OPENING_GAP)[0];
        assert_eq!(gap.width, ((0.1 * view.scale + 1.0) * 4.0).round() / 4.0);
        // The window gap takes the shell's thickness.
        let frame = strokes_of(&list, style::WINDOW_FRAME)[0];
        assert!(frame.width > gap.width);
    }

    #[test]
    fn door_swing_geometry() {
        let s = door_swing(&[(0.0, 0.0), (10.0, 0.0)]).unwrap();
        assert_eq!(s.leaf_end, (0.0, 10.0));
        assert_eq!(s.start, 0.0);
        assert!(door_swing(&[(1.0, 1.0), (1.0, 1.0)]).is_none());
        assert!(door_swing(&[(1.0, 1.0)]).is_none());
    }

    #[test]
    fn trays_are_dashed_and_symbols_batched_by_kind() {
        let s = scene();
        let view = s.fit(viewport());
        let list = s.frame(&view, viewport(), Layers::all());
        let trays = strokes_of(&list, style::TRAY);
        assert_eq!(trays.len(), 1);
        assert!(!trays[0].dash.is_empty());
        // Four device media, AP, gateway, outlet, riser, rack: one fill op each.
        let fills: std::collections::HashSet<_> = list.paths().filter_map(|(_, f, _)| f).collect();
        for m in Medium::ALL {
            assert!(fills.contains(&SymbolKind::Device(m).style().fill));
        }
        let telecom = strokes_of(&list, style::TELECOM);
        assert_eq!(telecom.len(), 1);
        assert!(list.texts().any(|t| t.text == "TR-1"));
    }

    #[test]
    fn a_directional_antenna_draws_its_pattern_turned_to_its_azimuth() {
        let mut project = project();
        let ap = &mut project.floors[0].access_points[0];
        ap.radios[0].antenna = Some(tailplan_core::AntennaMount {
            pattern: tailplan_core::antenna::builtin::PATCH_70.into(),
            azimuth_deg: 90.0,
            tilt_deg: 0.0,
        });
        let s = FloorScene::new(&project, &project.floors[0]);
        let view = s.fit(viewport());
        let list = s.frame(&view, viewport(), Layers::all());
        let beams = strokes_of(&list, style::ANTENNA);
        assert_eq!(beams.len(), 1, "one line along the azimuth");
        // The lobe reaches furthest east of the access point (azimuth 90°: +x on screen).
        let (x0, _) = view.to_screen(p(5.0, 5.0));
        let lobe = list
            .paths()
            .find(|(_, fill, _)| *fill == Some(style::ANTENNA_FILL))
            .map(|(path, _, _)| path)
            .unwrap();
        let xs: Vec<f64> = lobe
            .cmds
            .iter()
            .filter_map(|c| match c {
                PathCmd::MoveTo(x, _) | PathCmd::LineTo(x, _) => Some(*x),
                _ => None,
            })
            .collect();
        let east = xs.iter().fold(f64::MIN, |m, x| m.max(*x)) - x0;
        let west = x0 - xs.iter().fold(f64::MAX, |m, x| m.min(*x));
        assert!(east > 3.0 * west, "east {east} px, west {west} px");
        // An omni antenna (the ceiling model's) draws nothing; hiding devices hides it.
        let mut omni = project.clone();
        omni.floors[0].access_points[0].model =
            Some(tailplan_core::ap_models::names::TRI_BAND_CEILING.into());
        omni.floors[0].access_points[0].radios.clear();
        let s2 = FloorScene::new(&omni, &omni.floors[0]);
        assert!(strokes_of(&s2.frame(&view, viewport(), Layers::all()), style::ANTENNA).is_empty());
        let layers = Layers::all().with(Layer::Devices, false);
        assert!(strokes_of(&s.frame(&view, viewport(), layers), style::ANTENNA).is_empty());
    }

    #[test]
    fn a_floor_without_rooms_outlines_its_building_interior() {
        let mut project = project();
        assert!(!scene().has_interior(), "rooms are the area");
        project.floors[0].rooms.clear();
        let s = FloorScene::new(&project, &project.floors[0]);
        assert!(s.has_interior());
        let view = s.fit(viewport());
        let list = s.frame(&view, viewport(), Layers::all());
        let edge = list
            .paths()
            .find(|(_, fill, _)| *fill == Some(style::INTERIOR_FILL))
            .and_then(|(_, _, stroke)| stroke)
            .unwrap();
        assert!(!edge.dash.is_empty());
        // Turned off in the settings: no outline.
        project.settings.radio.interior_from_walls = false;
        assert!(!FloorScene::new(&project, &project.floors[0]).has_interior());
    }

    #[test]
    fn a_big_floor_draws_in_a_few_batched_ops() {
        // ~2,000 wall segments and ~300 symbols, like the biggest sample floor.
        let mut project = project();
        let f = &mut project.floors[0];
        for i in 0..1000 {
            let x = (i % 50) as f64 * 2.0;
            let y = (i / 50) as f64 * 2.0;
            let material = ["drywall", "glass", "brick"][i % 3];
            f.walls.push(wall(
                &format!("w{i}"),
                &[(x, y), (x + 1.5, y), (x + 1.5, y + 1.5)],
                material,
                0.1,
            ));
        }
        for i in 0..300 {
            f.access_points.push(AccessPoint {
                id: format!("ap-x{i}"),
                name: format!("AP-{i:03}"),
                position: p((i % 20) as f64 * 5.0, (i / 20) as f64 * 2.5),
                model: None,
                radios: vec![tailplan_core::Radio::new(WifiBand::Ghz5, 20.0)],
                height_m: 2.8,
                poe_w: None,
                eirp_offset_db: None,
                props: Props::new(),
            });
        }
        let s = FloorScene::new(&project, &project.floors[0]);
        let vp = Viewport::new(1600.0, 1000.0, 2.0);
        let view = s.fit(vp);
        let list = s.frame(&view, vp, Layers::all());
        let path_ops = list.paths().count();
        assert!(path_ops < 60, "{path_ops} path ops");
        let wall_subpaths: usize = list
            .paths()
            .filter(|(_, _, s)| s.is_some_and(|s| s.cap == LineCap::Square))
            .map(|(p, _, _)| p.subpaths())
            .sum();
        assert_eq!(wall_subpaths, 1002);
        // Zoomed into a corner, most walls are culled.
        let zoomed = view.zoom_about(0.0, 1000.0, 8.0);
        let list = s.frame(&zoomed, vp, Layers::all());
        let wall_subpaths: usize = list
            .paths()
            .filter(|(_, _, s)| s.is_some_and(|s| s.cap == LineCap::Square))
            .map(|(p, _, _)| p.subpaths())
            .sum();
        assert!(wall_subpaths < 100, "{wall_subpaths} walls drawn");
    }

    #[test]
    fn label_point_of_an_l_shaped_room_is_inside() {
        // An L whose centroid (about 3.3, 3.3) lies in the notch's corner region.
        let l = Polygon::new(vec![
            p(0.0, 0.0),
            p(10.0, 0.0),
            p(10.0, 2.0),
            p(2.0, 2.0),
            p(2.0, 10.0),
            p(0.0, 10.0),
        ]);
        let (at, span) = label_point(&l);
        assert!(l.contains(at), "{at:?}");
        assert!(span > 0.0);
        let rect = Polygon::rect(p(0.0, 0.0), p(4.0, 2.0));
        assert_eq!(label_point(&rect), (p(2.0, 1.0), 4.0));
    }

    #[test]
    fn rings_are_oriented_for_nonzero_fills() {
        let mut poly = Polygon::rect(p(0.0, 0.0), p(10.0, 10.0));
        poly.exterior.reverse();
        poly.holes
            .push(Polygon::rect(p(2.0, 2.0), p(4.0, 4.0)).exterior);
        let rings = oriented_rings(&poly);
        assert!(ring_area(&rings[0]) > 0.0);
        assert!(ring_area(&rings[1]) < 0.0);
    }

    #[test]
    fn an_empty_floor_or_viewport_is_safe() {
        let project = Project::new();
        let floor = Floor::new("x", "Empty", 0.0);
        let s = FloorScene::new(&project, &floor);
        assert!(s.bbox.is_none());
        let vp = viewport();
        let list = s.frame(&s.fit(vp), vp, Layers::all());
        assert_eq!(list.background, Some(style::BACKGROUND));
        let scene = scene();
        let empty = scene.frame(&View::default(), Viewport::default(), Layers::all());
        assert!(empty.ops.is_empty());
        assert_eq!(scale_bar_label(&View::default(), vp), "10 m");
    }

    #[test]
    fn columns_are_filled_and_telecom_rooms_named_once() {
        let s = scene();
        let vp = viewport();
        let view = s.fit(vp);
        let list = s.frame(&view, vp, Layers::all());
        let concrete = Rgba::hex(0x4a4f55);
        let filled: Vec<_> = list
            .paths()
            .filter(|(_, fill, _)| *fill == Some(concrete))
            .collect();
        assert_eq!(filled.len(), 1, "one batch of columns");
        assert_eq!(filled[0].0.subpaths(), 1);
        let tr = list.texts().filter(|t| t.text == "TR-1").count();
        assert_eq!(tr, 1, "the telecom room's label, not the room's too");
        // Without the pathways layer the room's own name shows instead.
        let list = s.frame(&view, vp, Layers::all().with(Layer::Trays, false));
        assert_eq!(list.texts().filter(|t| t.text == "TR-1").count(), 1);
    }

    #[test]
    fn an_imported_drawing_shows_under_the_model() {
        let mut project = project();
        project.floors[0].underlays.push(tailplan_core::Underlay {
            id: "u1".into(),
            source: "plan.dxf".into(),
            visible: true,
            kind: UnderlayKind::Vector {
                layers: vec![tailplan_core::UnderlayLayer {
                    name: "FURNITURE".into(),
                    lines: vec![vec![p(1.0, 1.0), p(3.0, 1.0)]],
                    rings: vec![vec![p(4.0, 4.0), p(5.0, 4.0), p(5.0, 5.0)]],
                }],
            },
        });
        let s = FloorScene::new(&project, &project.floors[0]);
        let vp = viewport();
        let view = s.fit(vp);
        let shown = s.frame(&view, vp, Layers::all());
        let lines = strokes_of(&shown, style::UNDERLAY);
        assert_eq!(lines.len(), 1);
        let path = shown
            .paths()
            .find(|(_, _, st)| st.is_some_and(|st| st.color == style::UNDERLAY))
            .unwrap()
            .0;
        assert_eq!(path.subpaths(), 2, "a line and a closed ring");
        let hidden = s.frame(&view, vp, Layers::all().with(Layer::Underlay, false));
        assert!(strokes_of(&hidden, style::UNDERLAY).is_empty());
    }

    #[test]
    fn the_legend_lists_what_the_floor_has() {
        let s = scene();
        let legend = s.legend(Layers::all());
        let labels =
            |items: &[LegendItem]| items.iter().map(|i| i.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&legend.walls), ["concrete", "drywall"]);
        assert_eq!(
            labels(&legend.pathways),
            ["cable tray", "telecom room", "riser"]
        );
        // Access point, gateway, four device media, outlet.
        assert_eq!(legend.equipment.len(), 7);
        assert_eq!(
            legend.equipment[0].swatch,
            Swatch::Symbol(SymbolKind::AccessPoint)
        );
        let walls_hidden = s.legend(Layers::all().with(Layer::Walls, false));
        assert!(walls_hidden.walls.is_empty() && !walls_hidden.is_empty());
        assert!(s.legend(Layers::none()).is_empty());
    }

    #[test]
    fn routes_are_coloured_by_the_room_they_refer_to() {
        let mut project = Project::new();
        for (f, id, name) in [("0", "tr-0", "TR-A"), ("1", "tr-1", "TR-B")] {
            let mut floor = Floor::new(f, f, 0.0);
            floor.telecom_rooms.push(TelecomRoom {
                id: id.into(),
                name: name.into(),
                position: p(0.0, 0.0),
                outline: None,
                ports: 48,
                poe_budget_w: None,
                role: Default::default(),
                switch_model: None,
                switches: None,
                props: Props::new(),
            });
            project.floors.push(floor);
        }
        let colours = RouteColours::of(&project);
        // By id (format 2), by name (written by hand), or by nothing known.
        assert_eq!(colours.room_name("tr-1"), "TR-B");
        assert_eq!(colours.room_name("TR-B"), "TR-B");
        assert_eq!(colours.room_name("TR-9"), "TR-9");
        assert_eq!(colours.of_room("tr-1"), colours.of_room("TR-B"));
        assert_ne!(colours.of_room("tr-0"), colours.of_room("tr-1"));
        assert_eq!(colours.of_room("TR-9"), style::ROUTE);
    }
}
