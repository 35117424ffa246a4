//! Rooms: named polygons, with what they are used for and how many people they hold.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Polygon;
use crate::props::{ElementId, Props};

/// A room: a named area of a floor.
///
/// Read from a file, a `category` left among the properties by an earlier version (an IMDF
/// unit's category was kept there) becomes the room's category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(from = "RoomIn")]
pub struct Room {
    /// Unique in the project.
    pub id: ElementId,
    /// The room's name or number, as on the plan.
    pub name: String,
    /// Its outline.
    pub polygon: Polygon,
    /// What the room is used for, in IMDF's unit categories where one fits (`office`,
    /// `conferenceroom`, `classroom`, `auditorium`, `foodservice`, `lobby`, `walkway`,
    /// `restroom`, `storage`...): the density of people the capacity model assumes when
    /// `people` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// How many people the room holds at its busiest, as the client-capacity model counts
    /// them; `None` for its area times the density of its category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<f64>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// A room as it may be read: [`Room`]'s members, the category possibly among the properties.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct RoomIn {
    /// Unique in the project.
    pub id: ElementId,
    /// The room's name or number.
    pub name: String,
    /// Its outline.
    pub polygon: Polygon,
    /// What the room is used for.
    #[serde(default)]
    pub category: Option<String>,
    /// How many people it holds.
    #[serde(default)]
    pub people: Option<f64>,
    /// Other properties.
    #[serde(default)]
    pub props: Props,
}

impl From<RoomIn> for Room {
    fn from(r: RoomIn) -> Self {
        let mut props = r.props;
        let category = r.category.or_else(|| match props.get("category") {
            Some(serde_json::Value::String(_)) => props
                .remove("category")
                .and_then(|v| v.as_str().map(str::to_owned)),
            _ => None,
        });
        Room {
            id: r.id,
            name: r.name,
            polygon: r.polygon,
            category,
            people: r.people,
            props,
        }
    }
}

impl Room {
    /// A room with neither category nor people given.
    pub fn new(id: impl Into<ElementId>, name: impl Into<String>, polygon: Polygon) -> Self {
        Room {
            id: id.into(),
            name: name.into(),
            polygon,
            category: None,
            people: None,
            props: Props::new(),
        }
    }

    /// Floor area in square metres.
    pub fn area_m2(&self) -> f64 {
        self.polygon.area()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_category_left_among_the_properties_is_the_rooms() {
        let r: Room = serde_json::from_str(
            r#"{"id": "r1", "name": "A", "polygon": {"exterior": [[0,0],[1,0],[1,1]]},
                "props": {"category": "office", "colour": "red"}}"#,
        )
        .unwrap();
        assert_eq!(r.category.as_deref(), Some("office"));
        assert_eq!(r.props.len(), 1);
        let text = serde_json::to_string(&r).unwrap();
        assert!(text.contains(r#""category":"office""#), "{text}");
        assert_eq!(serde_json::from_str::<Room>(&text).unwrap(), r);
    }
}
