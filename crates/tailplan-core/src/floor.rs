//! A floor (storey) and everything drawn on it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::{AccessPoint, Device, Gateway, Outlet};
use crate::element::{Element, ElementKind};
use crate::geometry::BBox;
use crate::openings::Opening;
use crate::other::OtherFeature;
use crate::pathways::{CableRoute, Riser, TelecomRoom, Tray};
use crate::props::Props;
use crate::rooms::Room;
use crate::underlay::Underlay;
use crate::walls::{Wall, WallSet};

/// A floor's ceiling height when a file gives none, metres.
pub const DEFAULT_CEILING_M: f64 = 2.8;

/// One storey of a building and everything on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Floor {
    /// Unique in the project; what GeoJSON's `properties.floor` refers to.
    pub id: String,
    /// Display name (`Level 2`, `Ground floor`).
    pub name: String,
    /// Height of the finished floor above the building's datum, metres.
    pub elevation_m: f64,
    /// Clear height to the ceiling, metres.
    pub ceiling_m: f64,
    /// The building it belongs to (a [`crate::campus::Building`]'s id); `None` for the one
    /// unnamed building of a project without buildings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<String>,
    /// The material of the floor slab under this floor, from the project's library: a signal
    /// between this floor and the one below takes that material's loss; `None` for the radio
    /// settings' `floor_loss_db` (a building model's slabs set it on import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slab_material: Option<String>,
    /// Walls, with their R-tree.
    #[serde(default)]
    pub walls: WallSet,
    /// Doors and windows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub openings: Vec<Opening>,
    /// Rooms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rooms: Vec<Room>,
    /// Wi-Fi access points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_points: Vec<AccessPoint>,
    /// IoT gateways.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gateways: Vec<Gateway>,
    /// Devices needing a connection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<Device>,
    /// Wired outlets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlets: Vec<Outlet>,
    /// Telecom rooms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub telecom_rooms: Vec<TelecomRoom>,
    /// Cable trays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trays: Vec<Tray>,
    /// Risers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risers: Vec<Riser>,
    /// Hand-drawn cable routes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<CableRoute>,
    /// Features of kinds tailplan does not know.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub others: Vec<OtherFeature>,
    /// Drawings shown under the model: the original CAD lines, scanned plans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub underlays: Vec<Underlay>,
    /// Properties of the floor tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// The storage of one kind of element: a `Vec`, or the [`WallSet`] that indexes walls.
trait Collection {
    type Item: Clone;
    fn position(&self, id: &str) -> Option<usize>;
    fn at(&self, i: usize) -> &Self::Item;
    fn size(&self) -> usize;
    fn insert_at(&mut self, i: usize, item: Self::Item);
    fn remove_at(&mut self, i: usize) -> Self::Item;
    fn replace_at(&mut self, i: usize, item: Self::Item) -> Self::Item;
}

/// Types with an `id` field.
trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(
        impl HasId for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
has_id!(
    Opening,
    Room,
    AccessPoint,
    Gateway,
    Device,
    Outlet,
    TelecomRoom,
    Tray,
    Riser,
    CableRoute,
    OtherFeature
);

impl<T: HasId + Clone> Collection for Vec<T> {
    type Item = T;
    fn position(&self, id: &str) -> Option<usize> {
        self.iter().position(|e| e.id() == id)
    }
    fn at(&self, i: usize) -> &T {
        &self[i]
    }
    fn size(&self) -> usize {
        self.len()
    }
    fn insert_at(&mut self, i: usize, item: T) {
        self.insert(i.min(self.len()), item);
    }
    fn remove_at(&mut self, i: usize) -> T {
        self.remove(i)
    }
    fn replace_at(&mut self, i: usize, item: T) -> T {
        std::mem::replace(&mut self[i], item)
    }
}

impl Collection for WallSet {
    type Item = Wall;
    fn position(&self, id: &str) -> Option<usize> {
        WallSet::position(self, id)
    }
    fn at(&self, i: usize) -> &Wall {
        &self.as_slice()[i]
    }
    fn size(&self) -> usize {
        self.len()
    }
    fn insert_at(&mut self, i: usize, item: Wall) {
        self.insert(i, item);
    }
    fn remove_at(&mut self, i: usize) -> Wall {
        self.remove(i)
    }
    fn replace_at(&mut self, i: usize, item: Wall) -> Wall {
        self.replace(i, item)
    }
}

/// Writes the generic element methods of [`Floor`] once over every (variant, field) pair.
macro_rules! element_methods {
    ($($variant:ident => $field:ident),* $(,)?) => {
        impl Floor {
            /// A copy of the element with this id, if it is on this floor.
            pub fn element(&self, id: &str) -> Option<Element> {
                $(
                    if let Some(i) = self.$field.position(id) {
                        return Some(Element::$variant(self.$field.at(i).clone()));
                    }
                )*
                None
            }

            /// True when an element with this id is on this floor.
            pub fn contains(&self, id: &str) -> bool {
                $( self.$field.position(id).is_some() )||*
            }

            /// Inserts an element among those of its kind, at `index` or at the end.
            pub fn insert(&mut self, index: Option<usize>, element: Element) {
                match element {
                    $(
                        Element::$variant(e) => {
                            let i = index.unwrap_or(self.$field.size());
                            self.$field.insert_at(i, e);
                        }
                    )*
                }
            }

            /// Removes the element with this id: its index among its kind, and the element.
            pub fn remove(&mut self, id: &str) -> Option<(usize, Element)> {
                $(
                    if let Some(i) = self.$field.position(id) {
                        return Some((i, Element::$variant(self.$field.remove_at(i))));
                    }
                )*
                None
            }

            /// Puts `element` in place of the element of the same kind with the same id,
            /// returning the old one; `None` (and nothing changed) when there is none.
            pub fn replace(&mut self, element: Element) -> Option<Element> {
                match element {
                    $(
                        Element::$variant(e) => {
                            let i = self.$field.position(&e.id)?;
                            Some(Element::$variant(self.$field.replace_at(i, e)))
                        }
                    )*
                }
            }

            /// Every element's id, kind by kind.
            pub fn ids(&self) -> Vec<&str> {
                let mut ids = Vec::new();
                $( ids.extend((0..self.$field.size()).map(|i| self.$field.at(i).id.as_str())); )*
                ids
            }

            /// Every element, copied, kind by kind.
            pub fn elements(&self) -> Vec<Element> {
                let mut out = Vec::new();
                $( out.extend((0..self.$field.size()).map(|i| Element::$variant(self.$field.at(i).clone()))); )*
                out
            }
        }
    };
}

element_methods! {
    Wall => walls,
    Opening => openings,
    Room => rooms,
    AccessPoint => access_points,
    Gateway => gateways,
    Device => devices,
    Outlet => outlets,
    TelecomRoom => telecom_rooms,
    Tray => trays,
    Riser => risers,
    Route => routes,
    Other => others,
}

impl Floor {
    /// An empty floor.
    pub fn new(id: impl Into<String>, name: impl Into<String>, elevation_m: f64) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            elevation_m,
            ceiling_m: DEFAULT_CEILING_M,
            building: None,
            slab_material: None,
            walls: WallSet::default(),
            openings: Vec::new(),
            rooms: Vec::new(),
            access_points: Vec::new(),
            gateways: Vec::new(),
            devices: Vec::new(),
            outlets: Vec::new(),
            telecom_rooms: Vec::new(),
            trays: Vec::new(),
            risers: Vec::new(),
            routes: Vec::new(),
            others: Vec::new(),
            underlays: Vec::new(),
            props: Props::new(),
        }
    }

    /// How many elements of each kind the floor has (kinds with none left out).
    pub fn counts(&self) -> BTreeMap<ElementKind, usize> {
        let mut counts = BTreeMap::new();
        for e in self.elements() {
            *counts.entry(e.kind()).or_insert(0) += 1;
        }
        counts
    }

    /// The bounding box of everything on the floor, `None` when it is empty.
    pub fn bbox(&self) -> Option<BBox> {
        self.elements()
            .iter()
            .filter_map(Element::bbox)
            .reduce(BBox::union)
    }

    /// The bounding box of the walls and rooms: the extent of the building itself, which the
    /// coverage grid covers. Falls back to [`Floor::bbox`] for a floor without either.
    pub fn plan_bbox(&self) -> Option<BBox> {
        let walls = self.walls.iter().flat_map(|w| w.shape.points());
        let rooms = self.rooms.iter().flat_map(|r| r.polygon.points());
        BBox::from_points(walls.chain(rooms)).or_else(|| self.bbox())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::{Point, Shape};

    fn riser(id: &str) -> Element {
        Element::Riser(Riser {
            id: id.into(),
            name: id.to_uppercase(),
            position: Point::new(1.0, 1.0),
            props: Props::new(),
        })
    }

    fn wall(id: &str, x: f64) -> Element {
        Element::Wall(Wall {
            id: id.into(),
            shape: Shape::Line(vec![Point::new(x, 0.0), Point::new(x, 5.0)]),
            material: None,
            loss_db: None,
            thickness_m: 0.1,
            props: Props::new(),
        })
    }

    #[test]
    fn insert_find_replace_remove() {
        let mut f = Floor::new("1", "Level 1", 3.6);
        f.insert(None, riser("r1"));
        f.insert(None, wall("w1", 0.0));
        f.insert(None, wall("w2", 4.0));
        f.insert(Some(0), riser("r0"));
        assert_eq!(f.ids(), ["w1", "w2", "r0", "r1"]);
        assert!(f.contains("w2"));
        assert_eq!(f.element("r1").unwrap().name(), Some("R1"));

        let old = f.replace(wall("w1", 10.0)).unwrap();
        assert_eq!(old, wall("w1", 0.0));
        assert!(f.replace(wall("nope", 1.0)).is_none());
        // The wall index follows replacement.
        let s = crate::geometry::Segment::new(Point::new(9.0, 1.0), Point::new(11.0, 1.0));
        assert_eq!(f.walls.segments_crossing(s).count(), 1);

        let (i, removed) = f.remove("w1").unwrap();
        assert_eq!((i, removed.id()), (0, "w1"));
        assert_eq!(f.walls.segments_crossing(s).count(), 0);
        assert!(f.remove("w1").is_none());

        let counts = f.counts();
        assert_eq!(counts[&ElementKind::Riser], 2);
        assert_eq!(counts[&ElementKind::Wall], 1);
        assert_eq!(f.bbox().unwrap().max, Point::new(4.0, 5.0));
        assert_eq!(f.plan_bbox().unwrap().min, Point::new(4.0, 0.0));
    }
}
