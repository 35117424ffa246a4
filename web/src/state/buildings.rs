//! The floor picker of a campus: the buildings, each by its first floor, and the floors of the
//! building on screen. A project of one building (every project before the campus) lists no
//! building and all its floors, as before.

use tailplan_core::Project;

/// What the view bar offers: `buildings` (the first floor's id and the building's name, in
/// the order their first floors come; empty for one building), the one on screen, and the
/// floors of that building (id, name).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FloorPicker {
    /// (first floor's id, building name) per building, when there are several.
    pub buildings: Vec<(String, String)>,
    /// The first floor's id of the building on screen.
    pub building: Option<String>,
    /// (id, name) of the floors to pick from.
    pub floors: Vec<(String, String)>,
}

/// The picker for `project` with `floor_id` on screen.
pub fn floor_picker(project: &Project, floor_id: Option<&str>) -> FloorPicker {
    let key = |f: &tailplan_core::Floor| f.building.clone().unwrap_or_default();
    let mut buildings: Vec<(String, String, String)> = Vec::new();
    for f in &project.floors {
        if !buildings.iter().any(|(k, _, _)| *k == key(f)) {
            let name = project.building_name(f);
            let label = if name.is_empty() {
                "(no building)".to_owned()
            } else {
                name
            };
            buildings.push((key(f), f.id.clone(), label));
        }
    }
    let all = |floors: &mut dyn Iterator<Item = &tailplan_core::Floor>| {
        floors.map(|f| (f.id.clone(), f.name.clone())).collect()
    };
    if buildings.len() < 2 {
        return FloorPicker {
            buildings: Vec::new(),
            building: None,
            floors: all(&mut project.floors.iter()),
        };
    }
    let current = floor_id
        .and_then(|id| project.floor(id))
        .map(key)
        .unwrap_or_else(|| buildings[0].0.clone());
    FloorPicker {
        building: buildings
            .iter()
            .find(|(k, _, _)| *k == current)
            .map(|(_, first, _)| first.clone()),
        floors: all(&mut project.floors.iter().filter(|f| key(f) == current)),
        buildings: buildings
            .into_iter()
            .map(|(_, first, label)| (first, label))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tailplan_core::{Building, Floor};

    fn floor(id: &str, building: Option<&str>) -> Floor {
        let mut f = Floor::new(id, format!("Level {id}"), 0.0);
        f.building = building.map(str::to_owned);
        f
    }

    #[test]
    fn one_building_lists_every_floor_and_no_building() {
        let p = Project {
            floors: vec![floor("0", None), floor("1", None)],
            ..Project::default()
        };
        let picker = floor_picker(&p, Some("1"));
        assert!(picker.buildings.is_empty() && picker.building.is_none());
        assert_eq!(picker.floors.len(), 2);
    }

    #[test]
    fn a_campus_lists_its_buildings_and_the_floors_of_the_one_on_screen() {
        let p = Project {
            buildings: vec![Building {
                id: "A".into(),
                name: "Alpha".into(),
                footprint: None,
                props: Default::default(),
            }],
            floors: vec![
                floor("A0", Some("A")),
                floor("B0", Some("B")),
                floor("A1", Some("A")),
                floor("B1", Some("B")),
            ],
            ..Project::default()
        };
        let picker = floor_picker(&p, Some("B1"));
        assert_eq!(
            picker.buildings,
            [("A0".into(), "Alpha".into()), ("B0".into(), "B".into())]
        );
        assert_eq!(picker.building.as_deref(), Some("B0"));
        let ids: Vec<&str> = picker.floors.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["B0", "B1"]);
        // Nothing on screen yet: the first building.
        assert_eq!(floor_picker(&p, None).building.as_deref(), Some("A0"));
    }
}
