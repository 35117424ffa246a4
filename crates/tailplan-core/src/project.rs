//! The project: a building's floors, its material library, settings and metadata.

use std::collections::{BTreeMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::antenna::AntennaLibrary;
use crate::campus::{Building, Duct, SwitchModel};
use crate::element::Element;
use crate::floor::Floor;
use crate::import_record::ImportRecord;
use crate::materials::MaterialLibrary;
use crate::props::Props;
use crate::settings::Settings;

/// A whole design: what the editor edits, the CLI reads and the project file stores.
///
/// ```
/// use tailplan_core::{Floor, Project};
///
/// let mut project = Project::new();
/// project.floors.push(Floor::new("0", "Ground floor", 0.0));
/// project.floors.push(Floor::new("1", "Level 1", 3.5));
/// assert_eq!(project.floor("1").map(|f| f.name.as_str()), Some("Level 1"));
/// // The default wall materials come with every new project.
/// assert!(project.materials.get("concrete").is_some());
/// // Fresh element ids avoid every id in use.
/// assert_eq!(project.id_allocator().next("ap"), "ap-1");
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Project {
    /// Names for title blocks and reports.
    #[serde(default)]
    pub meta: ProjectMeta,
    /// Tunable parameters.
    #[serde(default)]
    pub settings: Settings,
    /// The wall materials walls refer to.
    #[serde(default)]
    pub materials: MaterialLibrary,
    /// The antenna patterns radios refer to, beyond the built-in ones.
    #[serde(default, skip_serializing_if = "AntennaLibrary::is_empty")]
    pub antennas: AntennaLibrary,
    /// Where the project's local metres sit on the earth, when it came from lon/lat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub georef: Option<GeoReference>,
    /// The buildings of the campus, which floors name; none for a project of one building.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buildings: Vec<Building>,
    /// The storeys, in the order given (usually bottom up).
    #[serde(default)]
    pub floors: Vec<Floor>,
    /// The outside pathways between buildings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ducts: Vec<Duct>,
    /// Switch models of the project's own, beside the built-in ones (a model of the same name
    /// takes the built-in one's place).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub switch_models: Vec<SwitchModel>,
    /// The report of every import that made or filled the project, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub imports: Vec<ImportRecord>,
    /// Site surveys: signal strengths measured, to check and calibrate the radio model
    /// against ([`crate::survey`]); names unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<crate::survey::Survey>,
    /// Project properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// Names and revision of a project.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ProjectMeta {
    /// The project's name.
    pub name: String,
    /// The building it covers.
    pub building: String,
    /// Who drew it.
    pub drawn_by: String,
    /// Revision mark (`A`, `P02`...).
    pub revision: String,
}

/// Where a project's local planar metres lie on the earth: the WGS84 position of their origin
/// and the direction of their y axis (north unless `north_deg` says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GeoReference {
    /// Longitude of the origin, degrees.
    pub origin_lon_deg: f64,
    /// Latitude of the origin, degrees.
    pub origin_lat_deg: f64,
    /// The bearing of the plan's +y axis, degrees clockwise from true north in (−180, 180]:
    /// 0 (the default, left out of the file) when y points north and x east; 90 when y points
    /// east (and x south).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub north_deg: f64,
}

impl GeoReference {
    /// An origin whose plan has y north and x east.
    pub fn north_up(origin_lon_deg: f64, origin_lat_deg: f64) -> Self {
        Self {
            origin_lon_deg,
            origin_lat_deg,
            north_deg: 0.0,
        }
    }
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

impl Project {
    /// An empty project with the default settings and material library.
    pub fn new() -> Self {
        Self::default()
    }

    /// The floor with this id.
    pub fn floor(&self, id: &str) -> Option<&Floor> {
        self.floors.iter().find(|f| f.id == id)
    }

    /// The floor with this id, to change.
    pub fn floor_mut(&mut self, id: &str) -> Option<&mut Floor> {
        self.floors.iter_mut().find(|f| f.id == id)
    }

    /// The element with this id, copied, and the id of its floor.
    pub fn element(&self, id: &str) -> Option<(&str, Element)> {
        self.floors
            .iter()
            .find_map(|f| f.element(id).map(|e| (f.id.as_str(), e)))
    }

    /// The floor that holds the element with this id.
    pub fn floor_of(&self, id: &str) -> Option<&Floor> {
        self.floors.iter().find(|f| f.contains(id))
    }

    /// A fresh-id source that avoids every id in the project.
    pub fn id_allocator(&self) -> IdAllocator {
        IdAllocator::new(
            self.floors
                .iter()
                .flat_map(|f| f.ids())
                .chain(self.buildings.iter().map(|b| b.id.as_str()))
                .chain(self.ducts.iter().map(|d| d.id.as_str())),
        )
    }

    /// The building a floor belongs to, when it names one the project has.
    pub fn building_of(&self, floor: &Floor) -> Option<&Building> {
        let id = floor.building.as_deref()?;
        self.buildings.iter().find(|b| b.id == id)
    }

    /// The name a floor's building goes by in reports: its name, else the id the floor gives,
    /// else empty (the one unnamed building).
    pub fn building_name(&self, floor: &Floor) -> String {
        match (self.building_of(floor), &floor.building) {
            (Some(b), _) if !b.name.is_empty() => b.name.clone(),
            (_, Some(id)) => id.clone(),
            (_, None) => String::new(),
        }
    }
}

/// Hands out element ids (`ap-1`, `wall-12`) that are not yet used.
#[derive(Debug, Clone, Default)]
pub struct IdAllocator {
    used: HashSet<String>,
    next: BTreeMap<String, u64>,
}

impl IdAllocator {
    /// An allocator that will never hand out any of `used`.
    pub fn new<'a>(used: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            used: used.into_iter().map(str::to_owned).collect(),
            next: BTreeMap::new(),
        }
    }

    /// Claims `id` if it is free: true when claimed, false when already used.
    pub fn claim(&mut self, id: &str) -> bool {
        self.used.insert(id.to_owned())
    }

    /// A new id `{prefix}-{n}` with the smallest n not yet used for that prefix.
    pub fn next(&mut self, prefix: &str) -> String {
        let n = self.next.entry(prefix.to_owned()).or_insert(1);
        loop {
            let id = format!("{prefix}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allocator_skips_used_ids() {
        let mut ids = IdAllocator::new(["ap-1", "ap-3"]);
        assert_eq!(ids.next("ap"), "ap-2");
        assert_eq!(ids.next("ap"), "ap-4");
        assert_eq!(ids.next("wall"), "wall-1");
        assert!(ids.claim("x"));
        assert!(!ids.claim("x"));
        assert!(!ids.claim("ap-2"));
    }
}
