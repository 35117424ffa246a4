//! One type for "any element of a floor", so that edits, selection and the plugin API can
//! handle walls, devices and trays alike.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::{AccessPoint, Device, Gateway, Outlet};
use crate::geometry::{BBox, Point};
use crate::openings::{Opening, OpeningKind};
use crate::other::OtherFeature;
use crate::pathways::{CableRoute, Riser, TelecomRoom, Tray};
use crate::props::{ElementId, Props};
use crate::rooms::Room;
use crate::walls::Wall;

/// The kinds of element, named as in GeoJSON's `properties.kind`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    /// A wall.
    Wall,
    /// A door.
    Door,
    /// A window.
    Window,
    /// A room.
    Room,
    /// A Wi-Fi access point.
    Ap,
    /// An IoT gateway.
    Gateway,
    /// A device needing a connection.
    Device,
    /// A wired outlet.
    Outlet,
    /// A telecom room.
    TelecomRoom,
    /// A cable tray.
    Tray,
    /// A riser.
    Riser,
    /// A hand-drawn cable route.
    Route,
    /// A feature of a kind tailplan does not know.
    Other,
}

impl ElementKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [ElementKind; 13] = [
        ElementKind::Wall,
        ElementKind::Door,
        ElementKind::Window,
        ElementKind::Room,
        ElementKind::Ap,
        ElementKind::Gateway,
        ElementKind::Device,
        ElementKind::Outlet,
        ElementKind::TelecomRoom,
        ElementKind::Tray,
        ElementKind::Riser,
        ElementKind::Route,
        ElementKind::Other,
    ];

    /// The kind's name in files (`telecom_room`...).
    pub fn as_str(self) -> &'static str {
        match self {
            ElementKind::Wall => "wall",
            ElementKind::Door => "door",
            ElementKind::Window => "window",
            ElementKind::Room => "room",
            ElementKind::Ap => "ap",
            ElementKind::Gateway => "gateway",
            ElementKind::Device => "device",
            ElementKind::Outlet => "outlet",
            ElementKind::TelecomRoom => "telecom_room",
            ElementKind::Tray => "tray",
            ElementKind::Riser => "riser",
            ElementKind::Route => "route",
            ElementKind::Other => "other",
        }
    }

    /// The kind named `s` (a GeoJSON `kind`); `None` for names tailplan does not know.
    pub fn parse(s: &str) -> Option<ElementKind> {
        ElementKind::ALL
            .into_iter()
            .find(|k| *k != ElementKind::Other && k.as_str() == s)
    }
}

impl std::fmt::Display for ElementKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Any element of a floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "element", rename_all = "snake_case")]
#[allow(missing_docs)] // each variant holds the type of the same name
pub enum Element {
    Wall(Wall),
    Opening(Opening),
    Room(Room),
    AccessPoint(AccessPoint),
    Gateway(Gateway),
    Device(Device),
    Outlet(Outlet),
    TelecomRoom(TelecomRoom),
    Tray(Tray),
    Riser(Riser),
    Route(CableRoute),
    Other(OtherFeature),
}

/// Calls `$body` with `$e` bound to the inner value of any [`Element`] variant.
macro_rules! with_inner {
    ($elem:expr, $e:ident => $body:expr) => {
        match $elem {
            Element::Wall($e) => $body,
            Element::Opening($e) => $body,
            Element::Room($e) => $body,
            Element::AccessPoint($e) => $body,
            Element::Gateway($e) => $body,
            Element::Device($e) => $body,
            Element::Outlet($e) => $body,
            Element::TelecomRoom($e) => $body,
            Element::Tray($e) => $body,
            Element::Riser($e) => $body,
            Element::Route($e) => $body,
            Element::Other($e) => $body,
        }
    };
}

impl Element {
    /// The element's id.
    pub fn id(&self) -> &str {
        with_inner!(self, e => &e.id)
    }

    /// Sets the element's id.
    pub fn set_id(&mut self, id: ElementId) {
        with_inner!(self, e => e.id = id)
    }

    /// The properties tailplan does not interpret (for [`Element::Other`], all of them).
    pub fn props(&self) -> &Props {
        match self {
            Element::Other(e) => &e.properties,
            Element::Wall(e) => &e.props,
            Element::Opening(e) => &e.props,
            Element::Room(e) => &e.props,
            Element::AccessPoint(e) => &e.props,
            Element::Gateway(e) => &e.props,
            Element::Device(e) => &e.props,
            Element::Outlet(e) => &e.props,
            Element::TelecomRoom(e) => &e.props,
            Element::Tray(e) => &e.props,
            Element::Riser(e) => &e.props,
            Element::Route(e) => &e.props,
        }
    }

    /// The properties tailplan does not interpret, to change.
    pub fn props_mut(&mut self) -> &mut Props {
        match self {
            Element::Other(e) => &mut e.properties,
            Element::Wall(e) => &mut e.props,
            Element::Opening(e) => &mut e.props,
            Element::Room(e) => &mut e.props,
            Element::AccessPoint(e) => &mut e.props,
            Element::Gateway(e) => &mut e.props,
            Element::Device(e) => &mut e.props,
            Element::Outlet(e) => &mut e.props,
            Element::TelecomRoom(e) => &mut e.props,
            Element::Tray(e) => &mut e.props,
            Element::Riser(e) => &mut e.props,
            Element::Route(e) => &mut e.props,
        }
    }

    /// The element's kind.
    pub fn kind(&self) -> ElementKind {
        match self {
            Element::Wall(_) => ElementKind::Wall,
            Element::Opening(o) => match o.kind {
                OpeningKind::Door => ElementKind::Door,
                OpeningKind::Window => ElementKind::Window,
            },
            Element::Room(_) => ElementKind::Room,
            Element::AccessPoint(_) => ElementKind::Ap,
            Element::Gateway(_) => ElementKind::Gateway,
            Element::Device(_) => ElementKind::Device,
            Element::Outlet(_) => ElementKind::Outlet,
            Element::TelecomRoom(_) => ElementKind::TelecomRoom,
            Element::Tray(_) => ElementKind::Tray,
            Element::Riser(_) => ElementKind::Riser,
            Element::Route(_) => ElementKind::Route,
            Element::Other(_) => ElementKind::Other,
        }
    }

    /// The element's label, for those that have one.
    pub fn name(&self) -> Option<&str> {
        match self {
            Element::Room(e) => Some(&e.name),
            Element::AccessPoint(e) => Some(&e.name),
            Element::Gateway(e) => Some(&e.name),
            Element::Device(e) => Some(&e.name),
            Element::Outlet(e) => Some(&e.name),
            Element::TelecomRoom(e) => Some(&e.name),
            Element::Tray(e) => Some(&e.name),
            Element::Riser(e) => Some(&e.name),
            _ => None,
        }
    }

    /// Every vertex or position of the element's geometry.
    pub fn points(&self) -> Vec<Point> {
        match self {
            Element::Wall(w) => w.shape.points().collect(),
            Element::Opening(o) => o.points.clone(),
            Element::Room(r) => r.polygon.points().collect(),
            Element::AccessPoint(e) => vec![e.position],
            Element::Gateway(e) => vec![e.position],
            Element::Device(e) => vec![e.position],
            Element::Outlet(e) => vec![e.position],
            Element::TelecomRoom(e) => {
                let mut pts = vec![e.position];
                if let Some(outline) = &e.outline {
                    pts.extend(outline.points());
                }
                pts
            }
            Element::Tray(e) => e.points.clone(),
            Element::Riser(e) => vec![e.position],
            Element::Route(e) => e.points.clone(),
            Element::Other(e) => e.points(),
        }
    }

    /// The bounding box of the element's geometry.
    pub fn bbox(&self) -> Option<BBox> {
        BBox::from_points(self.points())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for k in ElementKind::ALL {
            if k == ElementKind::Other {
                assert_eq!(ElementKind::parse("other"), None);
            } else {
                assert_eq!(ElementKind::parse(k.as_str()), Some(k));
            }
        }
    }

    #[test]
    fn element_serialises_with_a_tag() {
        let e = Element::Riser(Riser {
            id: "r1".into(),
            name: "R1".into(),
            position: Point::new(1.0, 2.0),
            props: Props::new(),
        });
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["element"], "riser");
        assert_eq!(json["position"], serde_json::json!([1.0, 2.0]));
        assert_eq!(serde_json::from_value::<Element>(json).unwrap(), e);
    }
}
