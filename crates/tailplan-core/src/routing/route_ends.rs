//! What a cable route's ends refer to: `from` an endpoint, `to` a telecom room.
//!
//! Since project format 2 a route refers to them by **id**, so that renaming an outlet or a
//! room keeps its routes: `from` is an element id (`o-0-001`, every port of an outlet) or
//! `ID/PORT` (`o-0-001/2`, one port); `to` a telecom room's id. A name (`O-0-001`,
//! `O-0-001/2`, `TR-0`) is still understood where no id matches, as routes written by hand or
//! by other tools give them: [`route_names_as_ids`] rewrites those into ids, and
//! [`RouteEnds::endpoint_label`] shows an id as the name a user knows.
//!
//! # Examples
//!
//! ```
//! use tailplan_core::routing::route_ends::{RouteEnd, RouteEnds};
//! use tailplan_core::routing::wired_endpoints;
//! # use tailplan_core::{Floor, Project, devices::Outlet, props::Props, geometry::Point};
//! # let mut floor = Floor::new("0", "Ground", 0.0);
//! # floor.outlets.push(Outlet { id: "o-1".into(), name: "O-1".into(),
//! #     position: Point::new(1.0, 1.0), ports: 2, height_m: 0.3, props: Props::new() });
//! # let project = Project { floors: vec![floor], ..Project::default() };
//! let endpoints = wired_endpoints(&project);
//! let ends = RouteEnds::new(&project, &endpoints);
//! // Outlet "O-1" (id "o-1") has two ports.
//! assert_eq!(ends.endpoint("o-1"), Some(RouteEnd::Element(vec![0, 1])));
//! assert_eq!(ends.endpoint("O-1/2"), Some(RouteEnd::Port(1)));
//! assert_eq!(ends.endpoint_id("O-1/2").as_deref(), Some("o-1/2"));
//! assert_eq!(ends.endpoint_label("o-1/2"), "O-1/2");
//! assert_eq!(ends.endpoint("nothing"), None);
//! ```

use std::collections::HashMap;

use crate::pathways::TelecomRoom;
use crate::project::Project;
use crate::routing::endpoints::Endpoint;

/// What a route's `from` resolves to, as indices into the endpoint list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteEnd {
    /// Every endpoint of one element (all the ports of an outlet); when several elements share
    /// a name, those of the first.
    Element(Vec<usize>),
    /// One port of an outlet.
    Port(usize),
}

impl RouteEnd {
    /// The endpoints it covers (never none).
    pub fn endpoints(&self) -> Vec<usize> {
        match self {
            RouteEnd::Element(v) => v.clone(),
            RouteEnd::Port(i) => vec![*i],
        }
    }

    /// Its id form: the element's id, `ID/PORT` for one port.
    pub fn id(&self, endpoints: &[Endpoint]) -> String {
        match self {
            RouteEnd::Element(v) => endpoints[v[0]].element_id.clone(),
            RouteEnd::Port(i) => {
                let e = &endpoints[*i];
                format!("{}/{}", e.element_id, e.port.unwrap_or(1))
            }
        }
    }

    /// How it reads to a user: the element's name, `NAME/PORT` for one port.
    pub fn label(&self, endpoints: &[Endpoint]) -> String {
        match self {
            RouteEnd::Element(v) => endpoints[v[0]].name.clone(),
            RouteEnd::Port(i) => endpoints[*i].label(),
        }
    }
}

/// Looks up route ends in a project: endpoints by id, `ID/PORT`, name and `NAME/PORT`;
/// telecom rooms by id and name.
#[derive(Debug)]
pub struct RouteEnds<'p> {
    project: &'p Project,
    endpoints: &'p [Endpoint],
    by_id: HashMap<&'p str, Vec<usize>>,
    by_id_port: HashMap<String, usize>,
    by_name: HashMap<&'p str, Vec<usize>>,
    by_label: HashMap<String, usize>,
}

impl<'p> RouteEnds<'p> {
    /// The lookups over `endpoints` (as [`crate::routing::wired_endpoints`] lists them) and
    /// the project's telecom rooms.
    pub fn new(project: &'p Project, endpoints: &'p [Endpoint]) -> Self {
        let mut ends = Self {
            project,
            endpoints,
            by_id: HashMap::new(),
            by_id_port: HashMap::new(),
            by_name: HashMap::new(),
            by_label: HashMap::new(),
        };
        for (i, e) in endpoints.iter().enumerate() {
            ends.by_id.entry(e.element_id.as_str()).or_default().push(i);
            ends.by_name.entry(e.name.as_str()).or_default().push(i);
            if let Some(port) = e.port {
                ends.by_id_port
                    .entry(format!("{}/{port}", e.element_id))
                    .or_insert(i);
                ends.by_label.entry(e.label()).or_insert(i);
            }
        }
        ends
    }

    /// The endpoints a `from` refers to: an id or `ID/PORT`; else a name or `NAME/PORT`.
    pub fn endpoint(&self, text: &str) -> Option<RouteEnd> {
        if let Some(v) = self.by_id.get(text) {
            return Some(RouteEnd::Element(v.clone()));
        }
        if let Some(&i) = self.by_id_port.get(text) {
            return Some(RouteEnd::Port(i));
        }
        if let Some(v) = self.by_name.get(text) {
            let first = &self.endpoints[v[0]].element_id;
            let of_first = v
                .iter()
                .copied()
                .filter(|&i| &self.endpoints[i].element_id == first);
            return Some(RouteEnd::Element(of_first.collect()));
        }
        self.by_label.get(text).map(|&i| RouteEnd::Port(i))
    }

    /// True when a name `from` gives is shared by several elements (the route serves the
    /// first).
    pub fn is_ambiguous(&self, text: &str) -> bool {
        !self.by_id.contains_key(text)
            && !self.by_id_port.contains_key(text)
            && self.by_name.get(text).is_some_and(|v| {
                v.iter()
                    .any(|&i| self.endpoints[i].element_id != self.endpoints[v[0]].element_id)
            })
    }

    /// The id form of a `from` (`ID` or `ID/PORT`), or `None` when it refers to nothing.
    pub fn endpoint_id(&self, text: &str) -> Option<String> {
        self.endpoint(text).map(|end| end.id(self.endpoints))
    }

    /// How a `from` reads to a user: the endpoint's name (`NAME/PORT` for one port), or the
    /// text itself when it refers to nothing.
    pub fn endpoint_label(&self, text: &str) -> String {
        self.endpoint(text)
            .map_or_else(|| text.to_owned(), |end| end.label(self.endpoints))
    }

    /// The id form of a `from` read name first (see [`route_names_as_ids`]).
    fn endpoint_id_name_first(&self, text: &str) -> Option<String> {
        if let Some(v) = self.by_name.get(text) {
            Some(self.endpoints[v[0]].element_id.clone())
        } else if self.by_id.contains_key(text) {
            None
        } else {
            self.endpoint_id(text)
        }
    }

    /// Every telecom room: (floor index, room index, room).
    fn rooms(&self) -> impl Iterator<Item = (usize, usize, &'p TelecomRoom)> + '_ {
        self.project.floors.iter().enumerate().flat_map(|(fi, f)| {
            f.telecom_rooms
                .iter()
                .enumerate()
                .map(move |(i, r)| (fi, i, r))
        })
    }

    /// The room named `text`, on the floor `floor` first.
    fn room_named(&self, text: &str, floor: usize) -> Option<(usize, usize, &'p TelecomRoom)> {
        self.rooms()
            .filter(|(_, _, r)| r.name == text)
            .min_by_key(|&(fi, _, _)| fi != floor)
    }

    /// The id of the room a `to` names, on the route's floor `floor` first.
    fn room_id_name_first(&self, text: &str, floor: usize) -> Option<String> {
        self.room_named(text, floor).map(|(_, _, r)| r.id.clone())
    }

    /// The telecom room a `to` refers to, as (floor index, room index): by id; else by name,
    /// preferring the floor `floor` (the route's).
    pub fn room(&self, text: &str, floor: usize) -> Option<(usize, usize)> {
        self.rooms()
            .find(|(_, _, r)| r.id == text)
            .or_else(|| self.room_named(text, floor))
            .map(|(fi, i, _)| (fi, i))
    }

    /// The id of the telecom room a `to` refers to.
    pub fn room_id(&self, text: &str, floor: usize) -> Option<String> {
        self.room(text, floor)
            .map(|(fi, i)| self.project.floors[fi].telecom_rooms[i].id.clone())
    }

    /// How a `to` reads to a user: the room's name, or the text when it refers to nothing.
    pub fn room_label(&self, text: &str, floor: usize) -> String {
        self.room(text, floor).map_or_else(
            || text.to_owned(),
            |(fi, i)| self.project.floors[fi].telecom_rooms[i].name.clone(),
        )
    }
}

/// Rewrites route ends given by name into ids, by the rules of project format 1 and of
/// GeoJSON from other tools: a **name first** (`from` the first wired endpoint of that name,
/// `to` the room of that name on the route's floor first), else an id stays as it is, else
/// `NAME/PORT`. Ends that refer to nothing stay as they are, for routing to report. Returns
/// how many ends changed.
pub fn route_names_as_ids(project: &mut Project) -> usize {
    let endpoints = crate::routing::wired_endpoints(project);
    let mut changes: Vec<(usize, usize, Option<String>, Option<String>)> = Vec::new();
    {
        let ends = RouteEnds::new(project, &endpoints);
        for (fi, f) in project.floors.iter().enumerate() {
            for (ri, r) in f.routes.iter().enumerate() {
                let from = ends
                    .endpoint_id_name_first(&r.from)
                    .filter(|id| *id != r.from);
                let to = ends.room_id_name_first(&r.to, fi).filter(|id| *id != r.to);
                if from.is_some() || to.is_some() {
                    changes.push((fi, ri, from, to));
                }
            }
        }
    }
    let mut changed = 0;
    for (fi, ri, from, to) in changes {
        let route = &mut project.floors[fi].routes[ri];
        for (slot, new) in [(&mut route.from, from), (&mut route.to, to)] {
            if let Some(new) = new {
                *slot = new;
                changed += 1;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::{AccessPoint, Outlet, WifiBand};
    use crate::floor::Floor;
    use crate::geometry::Point;
    use crate::pathways::{CableRoute, TelecomRoom};
    use crate::props::Props;

    fn project() -> Project {
        let mut f = Floor::new("0", "Ground", 0.0);
        let outlet = |id: &str, name: &str| Outlet {
            id: id.into(),
            name: name.into(),
            position: Point::new(1.0, 1.0),
            ports: 2,
            height_m: 0.3,
            props: Props::new(),
        };
        f.outlets.push(outlet("o-1", "O-1"));
        // A second element named like the first, and one whose name is the first's id.
        f.outlets.push(outlet("o-2", "O-1"));
        f.access_points.push(AccessPoint {
            id: "ap-1".into(),
            name: "o-1".into(),
            position: Point::new(2.0, 1.0),
            model: None,
            radios: vec![crate::devices::Radio::new(WifiBand::Ghz5, 20.0)],
            height_m: 2.5,
            poe_w: None,
            eirp_offset_db: None,
            props: Props::new(),
        });
        f.telecom_rooms.push(TelecomRoom {
            id: "tr-0".into(),
            name: "TR".into(),
            position: Point::new(0.0, 0.0),
            outline: None,
            ports: 48,
            poe_budget_w: None,
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: Props::new(),
        });
        let mut g = Floor::new("1", "First", 3.5);
        g.telecom_rooms.push(TelecomRoom {
            id: "tr-1".into(),
            name: "TR".into(),
            ..f.telecom_rooms[0].clone()
        });
        Project {
            floors: vec![f, g],
            ..Project::default()
        }
    }

    #[test]
    fn ids_come_before_names() {
        let p = project();
        let e = crate::routing::wired_endpoints(&p);
        let ends = RouteEnds::new(&p, &e);
        // "o-1" is the first outlet's id and the access point's name: the id wins.
        assert_eq!(ends.endpoint("o-1"), Some(RouteEnd::Element(vec![0, 1])));
        assert_eq!(ends.endpoint("ap-1"), Some(RouteEnd::Element(vec![4])));
        assert_eq!(ends.endpoint("o-2/2"), Some(RouteEnd::Port(3)));
        // A shared name serves the first element of that name, and says so.
        assert_eq!(ends.endpoint("O-1"), Some(RouteEnd::Element(vec![0, 1])));
        assert!(ends.is_ambiguous("O-1"));
        assert!(!ends.is_ambiguous("o-1"));
        assert_eq!(ends.endpoint_id("O-1/2").as_deref(), Some("o-1/2"));
        assert_eq!(ends.endpoint_label("ap-1"), "o-1");
        assert_eq!(ends.endpoint_label("gone"), "gone");
        // Rooms: by id, else by name on the route's floor first.
        assert_eq!(ends.room("tr-1", 0), Some((1, 0)));
        assert_eq!(ends.room("TR", 0), Some((0, 0)));
        assert_eq!(ends.room("TR", 1), Some((1, 0)));
        assert_eq!(ends.room_label("tr-1", 0), "TR");
        assert_eq!(ends.room_id("TR-9", 0), None);
    }

    #[test]
    fn names_become_ids_name_first() {
        let mut p = project();
        let route = |id: &str, from: &str, to: &str| CableRoute {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            points: vec![Point::new(0.0, 0.0), Point::new(1.0, 1.0)],
            props: Props::new(),
        };
        p.floors[0].routes = vec![
            route("r1", "O-1/2", "TR"),
            route("r2", "ap-1", "tr-1"),
            route("r3", "nobody", "nowhere"),
            // "o-1" is an outlet's id and the access point's name: read name first, it is
            // the access point.
            route("r4", "o-1", "TR"),
        ];
        assert_eq!(route_names_as_ids(&mut p), 4);
        let ends: Vec<(&str, &str)> = p.floors[0]
            .routes
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str()))
            .collect();
        assert_eq!(
            ends,
            [
                ("o-1/2", "tr-0"),
                ("ap-1", "tr-1"),
                ("nobody", "nowhere"),
                ("ap-1", "tr-0")
            ]
        );
        assert_eq!(route_names_as_ids(&mut p), 0, "ids stay");
    }
}
