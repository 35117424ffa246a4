//! Features of kinds tailplan does not know, kept so that a round trip loses nothing.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Point;
use crate::props::{ElementId, Props};

/// A feature tailplan does not model (an IMDF amenity, a QGIS annotation...), kept verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OtherFeature {
    /// Unique in the project.
    pub id: ElementId,
    /// Its GeoJSON geometry object in project coordinates (metres), or null.
    pub geometry: serde_json::Value,
    /// All its properties, `kind` included, except `floor`.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub properties: Props,
    /// Members of the feature object besides `type`, `id`, `geometry` and `properties`
    /// (IMDF's `feature_type`, for one).
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub members: Props,
}

impl OtherFeature {
    /// The feature's `kind` property, if it has one.
    pub fn kind(&self) -> Option<&str> {
        self.properties.get("kind").and_then(|k| k.as_str())
    }

    /// Every position of its geometry.
    pub fn points(&self) -> Vec<Point> {
        let mut out = Vec::new();
        if let Some(coords) = self.geometry.get("coordinates") {
            collect_positions(coords, &mut out);
        }
        if let Some(geometries) = self.geometry.get("geometries").and_then(|g| g.as_array()) {
            for g in geometries {
                if let Some(coords) = g.get("coordinates") {
                    collect_positions(coords, &mut out);
                }
            }
        }
        out
    }
}

/// Collects every `[x, y, ...]` position in a nested GeoJSON coordinates array.
pub fn collect_positions(v: &serde_json::Value, out: &mut Vec<Point>) {
    let Some(arr) = v.as_array() else { return };
    match (
        arr.first().and_then(|x| x.as_f64()),
        arr.get(1).and_then(|y| y.as_f64()),
    ) {
        (Some(x), Some(y)) => out.push(Point::new(x, y)),
        _ => arr.iter().for_each(|c| collect_positions(c, out)),
    }
}
