//! The tools' state machines: what a pointer press, move, release or double click does with
//! the tool in hand. More methods of [`AppState`], pure like the rest of the reducer.
//!
//! - Select: a click selects (Shift toggles), a drag on an element moves the selection (one
//!   [`tailplan_core::Edit::Batch`], so one undo step), a drag on empty space selects a box.
//! - Place tools: a click places an element at the snapped point.
//! - Walls: each click ends a wall and starts the next there (each wall its own undo step);
//!   Enter, Esc or a second click on the same point ends the chain.
//! - Trays and rooms: clicks add points; Enter, a double click or a click on the last point
//!   (for rooms also on the first) finishes; Esc cancels.
//! - Doors and windows: two clicks, the second kept on the wall the first snapped to.
//! - Routes: start on an endpoint, click along the trays, finish on a telecom room.
//! - Measure: two clicks.
//!
//! The middle button, Space + drag and the pan tool pan with every tool.

use tailplan_core::{Edit, ElementKind, Point};

use crate::plan::elements::{NewElement, anchor, dedup_points, make};
use crate::plan::snap::{Snap, SnapQuery, constrain_45};
use crate::plan::style;
use crate::state::tools::{Tool, ToolKind};
use crate::state::{AppState, Draft, Gesture, Measure, PointerInput, PointerPhase, move_edit};

/// How far (CSS px) a press must move to become a drag.
pub const DRAG_PX: f64 = 4.0;
/// Two clicks this close (CSS px) are on the same point.
pub const SAME_POINT_PX: f64 = 4.0;
/// What a line must pass within (CSS px) to be hit.
pub const LINE_HIT_PX: f64 = 5.0;

/// The endpoints a cable route may start at.
const ROUTE_STARTS: [ElementKind; 4] = [
    ElementKind::Ap,
    ElementKind::Device,
    ElementKind::Outlet,
    ElementKind::Gateway,
];

impl AppState {
    /// Handles a pointer event; `None` when nothing changes.
    pub(crate) fn pointer(&mut self, input: PointerInput) -> Option<()> {
        let world = self.view.to_world(input.x, input.y);
        match input.phase {
            PointerPhase::Down => self.pointer_down(input, world),
            PointerPhase::Move => self.pointer_move(input, world),
            PointerPhase::Up => self.pointer_up(input, world),
            PointerPhase::Cancel => {
                if self.gesture == Gesture::Idle {
                    return None;
                }
                self.gesture = Gesture::Idle;
                Some(())
            }
            PointerPhase::DoubleClick => self.double_click(input),
        }
    }

    /// Metres per CSS pixel at the current zoom.
    fn px_m(&self) -> f64 {
        1.0 / self.view.scale
    }

    fn same_point(&self, a: Point, b: Point) -> bool {
        a.distance(b) <= SAME_POINT_PX * self.px_m()
    }

    /// Where a click at `world` lands: snapped (unless Alt), or kept at 45° to the previous
    /// point (Shift).
    pub(crate) fn landing(
        &self,
        world: Point,
        shift: bool,
        alt: bool,
        exclude: &[String],
    ) -> (Point, Option<Snap>) {
        let previous = self
            .draft
            .as_ref()
            .and_then(|d| d.points.last().copied())
            .or(self.measure.filter(|m| m.b.is_none()).map(|m| m.a));
        if shift && let Some(from) = previous {
            return (constrain_45(from, world), None);
        }
        if alt {
            return (world, None);
        }
        let (Some(floor), Some(index)) = (self.floor(), self.index()) else {
            return (world, None);
        };
        let query = SnapQuery {
            floor,
            index,
            snapping: self.snapping,
            tolerance_m: crate::plan::snap::SNAP_PX * self.px_m(),
            grid_m: crate::plan::snap::grid_step_m(self.view.scale),
            exclude,
        };
        match query.snap(world) {
            Some(s) => (s.point, Some(s)),
            None => (world, None),
        }
    }

    /// The element a click at `world` would select.
    fn hit_at(&self, world: Point) -> Option<String> {
        let (floor, index) = (self.floor()?, self.index()?);
        let symbol_m = (style::symbol_radius_px(self.view.scale) * 1.3 + 2.0) * self.px_m();
        index
            .hit(
                floor,
                world,
                symbol_m,
                LINE_HIT_PX * self.px_m(),
                self.layers,
            )
            .map(|e| e.id.clone())
    }

    fn pointer_down(&mut self, input: PointerInput, world: Point) -> Option<()> {
        let pans =
            input.button == 1 || (input.button == 0 && (self.space_held || self.tool == Tool::Pan));
        if pans {
            self.gesture = Gesture::Panning {
                x: input.x,
                y: input.y,
            };
            return Some(());
        }
        if input.button != 0 || self.floor().is_none() {
            return None;
        }
        match self.tool.kind() {
            ToolKind::Navigate => {
                self.gesture = Gesture::Pressed {
                    x: input.x,
                    y: input.y,
                    at: world,
                    hit: self.hit_at(world),
                    shift: input.shift,
                };
            }
            ToolKind::Place => {
                let (p, _) = self.landing(world, input.shift, input.alt, &[]);
                self.create(self.tool, &[p], NewElement::default());
            }
            ToolKind::Measure => {
                let (p, _) = self.landing(world, input.shift, input.alt, &[]);
                self.measure = Some(match self.measure {
                    Some(Measure { a, b: None }) => Measure { a, b: Some(p) },
                    _ => Measure { a: p, b: None },
                });
            }
            ToolKind::Draw => {
                let (p, snap) = self.landing(world, input.shift, input.alt, &[]);
                self.draw_click(world, p, snap);
            }
        }
        self.hover.point = None;
        Some(())
    }

    fn pointer_move(&mut self, input: PointerInput, world: Point) -> Option<()> {
        self.hover.world = Some(world);
        match self.gesture.clone() {
            Gesture::Panning { x, y } => {
                self.view = self.view.pan(input.x - x, input.y - y);
                self.gesture = Gesture::Panning {
                    x: input.x,
                    y: input.y,
                };
            }
            Gesture::Pressed {
                x,
                y,
                at,
                hit,
                shift,
            } => {
                if (input.x - x).hypot(input.y - y) < DRAG_PX {
                    return Some(());
                }
                match hit {
                    Some(id) => self.start_moving(id, at, shift),
                    None => {
                        self.gesture = Gesture::Boxing {
                            from: at,
                            to: world,
                            shift,
                        }
                    }
                }
                self.pointer_move(input, world)?;
            }
            Gesture::Moving {
                ids,
                anchor,
                start,
                offset: _,
            } => {
                let raw = Point::new(anchor.x + world.x - start.x, anchor.y + world.y - start.y);
                let (target, snap) = self.landing(raw, false, input.alt, &ids);
                self.hover.snap = snap;
                self.gesture = Gesture::Moving {
                    ids,
                    anchor,
                    start,
                    offset: (target.x - anchor.x, target.y - anchor.y),
                };
            }
            Gesture::Boxing { from, shift, .. } => {
                self.gesture = Gesture::Boxing {
                    from,
                    to: world,
                    shift,
                };
            }
            Gesture::Idle => match self.tool.kind() {
                ToolKind::Navigate => {
                    self.hover.hit = (self.tool == Tool::Select)
                        .then(|| self.hit_at(world))
                        .flatten();
                    self.hover.point = None;
                    self.hover.snap = None;
                }
                _ => {
                    let (p, snap) = self.landing(world, input.shift, input.alt, &[]);
                    self.hover.point = Some(p);
                    self.hover.snap = snap;
                    self.hover.hit = None;
                }
            },
        }
        Some(())
    }

    fn start_moving(&mut self, id: String, at: Point, shift: bool) {
        if !self.selection.contains(&id) {
            if !shift {
                self.selection.clear();
            }
            self.selection.push(id.clone());
            self.property_error = None;
        }
        let anchor = self
            .project()
            .and_then(|p| p.element(&id))
            .map_or(at, |(_, e)| anchor(&e, at));
        self.gesture = Gesture::Moving {
            ids: self.selection.clone(),
            anchor,
            start: at,
            offset: (0.0, 0.0),
        };
    }

    fn pointer_up(&mut self, _input: PointerInput, world: Point) -> Option<()> {
        match std::mem::take(&mut self.gesture) {
            Gesture::Idle => return None,
            Gesture::Panning { .. } => {}
            Gesture::Pressed { hit, shift, .. } => {
                match (hit, shift) {
                    (Some(id), true) => {
                        if let Some(i) = self.selection.iter().position(|s| *s == id) {
                            self.selection.remove(i);
                        } else {
                            self.selection.push(id);
                        }
                    }
                    (Some(id), false) => self.selection = vec![id],
                    (None, true) => return None,
                    (None, false) => self.selection.clear(),
                }
                self.property_error = None;
            }
            Gesture::Moving { ids, offset, .. } => {
                self.hover.snap = None;
                let (dx, dy) = offset;
                if dx != 0.0 || dy != 0.0 {
                    let edit = self.project().map(|p| move_edit(p, &ids, dx, dy))?;
                    self.commit(edit, "Could not move the selection");
                }
            }
            Gesture::Boxing { from, shift, .. } => {
                let b = tailplan_core::BBox::from_points([from, world])?;
                let inside = self.index()?.inside(b, self.layers);
                if shift {
                    for id in inside {
                        if !self.selection.contains(&id) {
                            self.selection.push(id);
                        }
                    }
                } else {
                    self.selection = inside;
                }
                self.property_error = None;
            }
        }
        Some(())
    }

    fn double_click(&mut self, input: PointerInput) -> Option<()> {
        match self.tool.kind() {
            ToolKind::Draw => self.finish_draft(),
            ToolKind::Navigate => {
                let factor = if input.shift { 0.5 } else { 2.0 };
                self.view = self.view.zoom_about(input.x, input.y, factor);
                Some(())
            }
            ToolKind::Place | ToolKind::Measure => None,
        }
    }

    /// A click of a drawing tool at `p` (snapped to `snap`; `world` is where the pointer is).
    fn draw_click(&mut self, world: Point, p: Point, snap: Option<Snap>) {
        let tool = self.tool;
        let Some(mut d) = self.draft.take().filter(|d| d.tool == tool) else {
            self.start_draft(world, p, snap);
            return;
        };
        let last = d.points.last().copied().unwrap_or(p);
        match tool {
            Tool::Wall => {
                if self.same_point(last, p) {
                    return; // a second click on the same point ends the chain
                }
                if self
                    .create(Tool::Wall, &[last, p], self.new_element())
                    .is_some()
                {
                    let closes = d.chain_start.is_some_and(|s| self.same_point(s, p));
                    if !closes {
                        d.points = vec![p];
                        self.draft = Some(d);
                    }
                } else {
                    self.draft = Some(d);
                }
            }
            Tool::Door | Tool::Window => {
                let a = d.points[0];
                // The second end stays on the wall the first snapped to.
                let b = d.wall.map_or(p, |s| s.closest_point(p).0);
                if a.distance(b) < 0.05 {
                    self.draft = Some(d);
                    self.notify("An opening needs two different ends");
                    return;
                }
                self.create(tool, &[a, b], NewElement::default());
            }
            Tool::Room => {
                let closes = d.points.len() >= 3
                    && (self.same_point(d.points[0], p) || self.same_point(last, p));
                if closes {
                    self.draft = Some(d);
                    self.finish_draft();
                } else if !self.same_point(last, p) {
                    d.points.push(p);
                    self.draft = Some(d);
                } else {
                    self.draft = Some(d);
                }
            }
            Tool::Tray => {
                if self.same_point(last, p) {
                    self.draft = Some(d);
                    self.finish_draft();
                } else {
                    d.points.push(p);
                    self.draft = Some(d);
                }
            }
            Tool::Route => {
                if let Some((room_id, at)) = self.telecom_room_near(world) {
                    let mut points = d.points.clone();
                    points.push(at);
                    // The route refers to its ends by id: renaming them keeps it.
                    let from = d.route_from.clone().map(|(_, id)| id).unwrap_or_default();
                    let with = NewElement {
                        route_ends: Some((from, room_id)),
                        ..self.new_element()
                    };
                    if self
                        .create(Tool::Route, &dedup_points(&points, 1e-6), with)
                        .is_none()
                    {
                        self.draft = Some(d);
                    }
                } else if self.same_point(last, p) {
                    self.draft = Some(d);
                    self.notify("Finish the route with a click on a telecom room");
                } else {
                    d.points.push(p);
                    self.draft = Some(d);
                }
            }
            _ => {}
        }
    }

    fn start_draft(&mut self, world: Point, p: Point, snap: Option<Snap>) {
        let tool = self.tool;
        let mut draft = Draft {
            tool,
            points: vec![p],
            route_from: None,
            wall: None,
            chain_start: None,
        };
        match tool {
            Tool::Wall => draft.chain_start = Some(p),
            Tool::Door | Tool::Window => {
                // The wall the opening is cut into: the one snapped onto, else the nearest
                // within reach (a click on a wall's end).
                draft.wall = snap
                    .filter(|s| s.kind == crate::plan::snap::SnapKind::Wall)
                    .and_then(|s| s.segment)
                    .or_else(|| {
                        let reach = crate::plan::snap::SNAP_PX * self.px_m();
                        let (_, s, _) = self.floor()?.walls.nearest_segment(p, reach)?;
                        Some(s)
                    });
            }
            Tool::Route => {
                let r = (style::symbol_radius_px(self.view.scale) * 1.5 + 4.0) * self.px_m();
                let start = self
                    .index()
                    .and_then(|ix| ix.symbol_near(world, r, &ROUTE_STARTS))
                    .map(|(e, at)| (e.id.clone(), at));
                let Some((id, at)) = start else {
                    self.notify("Start a cable route on an access point, a device or an outlet");
                    return;
                };
                let name = self
                    .project()
                    .and_then(|pr| pr.element(&id))
                    .and_then(|(_, e)| e.name().map(str::to_owned))
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| id.clone());
                draft.points = vec![at];
                draft.route_from = Some((name, id));
            }
            _ => {}
        }
        self.draft = Some(draft);
    }

    /// The telecom room (its id and rack) at `world`: its symbol or inside its outline.
    fn telecom_room_near(&self, world: Point) -> Option<(String, Point)> {
        let ix = self.index()?;
        let r = (style::symbol_radius_px(self.view.scale) * 1.5 + 4.0) * self.px_m();
        let id = ix
            .symbol_near(world, r, &[ElementKind::TelecomRoom])
            .map(|(e, _)| e.id.clone())
            .or_else(|| ix.telecom_room_at(world).map(|e| e.id.clone()))?;
        match self.project()?.element(&id)? {
            (_, tailplan_core::Element::TelecomRoom(t)) => Some((t.id.clone(), t.position)),
            _ => None,
        }
    }

    /// Finishes the line or outline being drawn (Enter, double click); `None` when there is
    /// none.
    pub(crate) fn finish_draft(&mut self) -> Option<()> {
        let d = self.draft.take()?;
        let points = dedup_points(&d.points, SAME_POINT_PX * self.px_m());
        match d.tool {
            Tool::Tray if points.len() >= 2 => {
                self.create(Tool::Tray, &points, NewElement::default());
            }
            Tool::Room if points.len() >= 3 => {
                self.create(Tool::Room, &points, NewElement::default());
            }
            Tool::Room => {
                self.draft = Some(d);
                self.notify("A room needs at least 3 corners");
            }
            Tool::Route => {
                self.draft = Some(d);
                self.notify("Finish the route with a click on a telecom room");
            }
            Tool::Door | Tool::Window => self.draft = Some(d),
            // Walls are already made, one per click: the chain just ends.
            _ => {}
        }
        self.hover.point = None;
        Some(())
    }

    fn new_element(&self) -> NewElement {
        NewElement {
            wall_material: self.wall_material.clone(),
            route_ends: None,
        }
    }

    /// Adds a new element of `tool`'s kind at `points` to the floor on screen and selects
    /// it; its id, or `None` when the core refused it (the banner says why).
    fn create(&mut self, tool: Tool, points: &[Point], with: NewElement) -> Option<String> {
        let with = NewElement {
            wall_material: if with.wall_material.is_empty() {
                self.wall_material.clone()
            } else {
                with.wall_material
            },
            ..with
        };
        let floor = self.floor_id.clone()?;
        let element = make(tool, points, self.project()?, &with)?;
        let id = element.id().to_owned();
        let what = format!("Could not add the {}", tool.label().to_lowercase());
        let added = self.commit(
            Edit::AddElement {
                floor,
                element,
                index: None,
            },
            &what,
        );
        if !added {
            return None;
        }
        self.selection = vec![id.clone()];
        self.property_error = None;
        Some(id)
    }
}

#[cfg(test)]
mod tests;
