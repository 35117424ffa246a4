//! Edits: every change to a [`Project`] as plain data. Applying an edit returns its inverse,
//! which is what undo applies; [`History`] keeps both stacks.
//!
//! The editor, the plugin API and scripts all change a project only through [`Project::apply`],
//! so every change is validated the same way and can be undone.
//!
//! # Examples
//!
//! Edits are data (the JSON below is what the editor records and the npm package's
//! `project.apply(edit)` takes); a refused edit changes nothing, a batch applies whole or not
//! at all, and [`History`] undoes and redoes:
//!
//! ```
//! use tailplan_core::{Edit, EditError, Floor, History, Project};
//!
//! let mut project = Project::new();
//! project.floors.push(Floor::new("1", "Level 1", 0.0));
//! let mut history = History::new();
//!
//! let add: Edit = serde_json::from_str(r#"{"edit": "add_element", "floor": "1", "element":
//!     {"element": "access_point", "id": "ap-1", "name": "AP-1", "position": [4, 2],
//!      "band": "5", "channel": 36, "tx_dbm": 20, "height_m": 2.5}}"#)?;
//! history.apply(&mut project, add)?;
//! assert_eq!(project.floors[0].access_points.len(), 1);
//!
//! // Impossible values are refused with the validator's message, and nothing changes.
//! let loud: Edit = serde_json::from_str(r#"{"edit": "replace_element", "element":
//!     {"element": "access_point", "id": "ap-1", "name": "AP-1", "position": [4, 2],
//!      "band": "5", "tx_dbm": 400, "height_m": 2.5}}"#)?;
//! let err = history.apply(&mut project, loud).unwrap_err();
//! assert_eq!(err.to_string(), "ap \"ap-1\": tx_dbm 400 must be at least -30 and at most 60");
//!
//! // A batch whose second edit fails leaves the project as it was.
//! let batch = Edit::Batch { edits: vec![
//!     Edit::RemoveElement { id: "ap-1".into() },
//!     Edit::RemoveElement { id: "nope".into() },
//! ] };
//! assert_eq!(history.apply(&mut project, batch), Err(EditError::NoElement("nope".into())));
//! assert_eq!(project.floors[0].access_points.len(), 1);
//!
//! assert!(history.undo(&mut project));
//! assert!(project.floors[0].access_points.is_empty());
//! assert!(history.redo(&mut project) && !history.can_redo());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::antenna::AntennaPattern;
use crate::diagnostics::{Diagnostic, summarize_errors};
use crate::element::Element;
use crate::floor::Floor;
use crate::materials::WallMaterial;
use crate::project::{Project, ProjectMeta};
use crate::settings::Settings;
use crate::survey::Survey;
use crate::validate::{validate_element, validate_project};

/// One change to a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Adds an element to a floor, among those of its kind at `index` or at the end.
    AddElement {
        /// The floor's id.
        floor: String,
        /// The new element; its id must be new to the project.
        element: Element,
        /// Position among the floor's elements of that kind.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes the element with this id.
    RemoveElement {
        /// The element's id.
        id: String,
    },
    /// Replaces the element with the same id (a move, a new property value...).
    ReplaceElement {
        /// The element as it should be.
        element: Element,
    },
    /// Adds a floor at `index` or at the end.
    AddFloor {
        /// The new floor; its id and its elements' ids must be new.
        floor: Box<Floor>,
        /// Position among the floors.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes a floor and everything on it.
    RemoveFloor {
        /// The floor's id.
        id: String,
    },
    /// Changes a floor's name, elevation and ceiling height.
    SetFloorInfo {
        /// The floor's id.
        id: String,
        /// New name.
        name: String,
        /// New elevation, metres.
        elevation_m: f64,
        /// New ceiling height, metres.
        ceiling_m: f64,
    },
    /// Sets or clears the material of a floor's slab (the loss between it and the floor
    /// below).
    SetFloorSlab {
        /// The floor's id.
        id: String,
        /// A material of the library; `None` for the radio settings' floor loss.
        #[serde(default)]
        slab_material: Option<String>,
    },
    /// Replaces the project's settings.
    SetSettings {
        /// The new settings (boxed: they are the largest edit by far).
        settings: Box<Settings>,
    },
    /// Replaces the project's names.
    SetMeta {
        /// The new names.
        meta: ProjectMeta,
    },
    /// Adds a material to the library, or changes the one with the same name.
    PutMaterial {
        /// The material.
        material: WallMaterial,
        /// Where a new material goes in the library (the end when not given).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes a material no element uses.
    RemoveMaterial {
        /// Its name.
        name: String,
    },
    /// Adds an antenna pattern to the project's library, or replaces the one with the same
    /// name.
    PutAntenna {
        /// The pattern.
        pattern: AntennaPattern,
        /// Where a new pattern goes in the library (the end when not given).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes a pattern from the project's library (radios naming it radiate equally until
    /// one of that name is added again, or use the built-in one of that name).
    RemoveAntenna {
        /// Its name.
        name: String,
    },
    /// Adds a site survey to the project, or replaces the one with the same name.
    PutSurvey {
        /// The survey.
        survey: Box<Survey>,
        /// Where a new survey goes among the project's (the end when not given).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes a survey from the project.
    RemoveSurvey {
        /// Its name.
        name: String,
    },
    /// Several edits as one: all apply, or none.
    Batch {
        /// The edits, in order.
        edits: Vec<Edit>,
    },
}

/// Why an edit was refused. The project is unchanged when an edit fails.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EditError {
    /// No floor has this id.
    #[error("no floor \"{0}\"")]
    NoFloor(String),
    /// No element has this id.
    #[error("no element \"{0}\"")]
    NoElement(String),
    /// The id is already used by another element or floor.
    #[error("the id \"{0}\" is already used")]
    DuplicateId(String),
    /// No material has this name.
    #[error("no material \"{0}\"")]
    NoMaterial(String),
    /// No pattern of the project's antenna library has this name.
    #[error("no antenna pattern \"{0}\" in the project's library")]
    NoAntenna(String),
    /// The project holds no survey of this name.
    #[error("no survey is named \"{0}\"")]
    NoSurvey(String),
    /// The material is still used.
    #[error("material \"{name}\" is still used by {count} element(s)")]
    MaterialInUse {
        /// The material.
        name: String,
        /// How many walls, doors and windows use it.
        count: usize,
    },
    /// The edit would leave an impossible value.
    #[error("{}", summarize_errors(.0))]
    Invalid(Vec<Diagnostic>),
}

impl Project {
    /// Applies `edit`, returning the edit that undoes it. On error nothing has changed.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::AddElement {
                floor,
                element,
                index,
            } => {
                if self.element(element.id()).is_some() {
                    return Err(EditError::DuplicateId(element.id().to_owned()));
                }
                self.check_element(&element)?;
                let id = element.id().to_owned();
                let f = self.floor_mut(&floor).ok_or(EditError::NoFloor(floor))?;
                f.insert(index, element);
                Ok(Edit::RemoveElement { id })
            }
            Edit::RemoveElement { id } => {
                let f = self
                    .floors
                    .iter_mut()
                    .find(|f| f.contains(&id))
                    .ok_or_else(|| EditError::NoElement(id.clone()))?;
                let (index, element) = f.remove(&id).expect("the floor contains it");
                Ok(Edit::AddElement {
                    floor: f.id.clone(),
                    element,
                    index: Some(index),
                })
            }
            Edit::ReplaceElement { element } => {
                self.check_element(&element)?;
                let id = element.id().to_owned();
                let f = self
                    .floors
                    .iter_mut()
                    .find(|f| f.contains(&id))
                    .ok_or_else(|| EditError::NoElement(id.clone()))?;
                match f.replace(element) {
                    Some(old) => Ok(Edit::ReplaceElement { element: old }),
                    // Same id, other kind: a replace cannot change an element's kind.
                    None => Err(EditError::DuplicateId(id)),
                }
            }
            Edit::AddFloor { floor, index } => {
                if self.floor(&floor.id).is_some() {
                    return Err(EditError::DuplicateId(floor.id));
                }
                if let Some(dup) = floor
                    .ids()
                    .into_iter()
                    .find(|id| self.element(id).is_some())
                {
                    return Err(EditError::DuplicateId(dup.to_owned()));
                }
                let mut trial = Project {
                    floors: vec![*floor],
                    materials: self.materials.clone(),
                    ..Project::default()
                };
                invalid_unless_clean(validate_project(&trial))?;
                let floor = trial.floors.pop().expect("one floor");
                let id = floor.id.clone();
                let index = index.unwrap_or(self.floors.len()).min(self.floors.len());
                self.floors.insert(index, floor);
                Ok(Edit::RemoveFloor { id })
            }
            Edit::RemoveFloor { id } => {
                let index = self
                    .floors
                    .iter()
                    .position(|f| f.id == id)
                    .ok_or(EditError::NoFloor(id))?;
                let floor = Box::new(self.floors.remove(index));
                Ok(Edit::AddFloor {
                    floor,
                    index: Some(index),
                })
            }
            Edit::SetFloorInfo {
                id,
                name,
                elevation_m,
                ceiling_m,
            } => {
                let mut trial = Floor::new(id.clone(), name, elevation_m);
                trial.ceiling_m = ceiling_m;
                invalid_unless_clean(validate_project(&Project {
                    floors: vec![trial.clone()],
                    ..Project::default()
                }))?;
                let f = self.floor_mut(&id).ok_or(EditError::NoFloor(id.clone()))?;
                let old = Edit::SetFloorInfo {
                    id,
                    name: std::mem::replace(&mut f.name, trial.name),
                    elevation_m: std::mem::replace(&mut f.elevation_m, trial.elevation_m),
                    ceiling_m: std::mem::replace(&mut f.ceiling_m, trial.ceiling_m),
                };
                Ok(old)
            }
            Edit::SetFloorSlab { id, slab_material } => {
                // A material the library lacks is a warning, as for walls: nothing to refuse.
                let slab_material = slab_material.filter(|m| !m.trim().is_empty());
                let f = self.floor_mut(&id).ok_or(EditError::NoFloor(id.clone()))?;
                let old = std::mem::replace(&mut f.slab_material, slab_material);
                Ok(Edit::SetFloorSlab {
                    id,
                    slab_material: old,
                })
            }
            Edit::SetSettings { settings } => Ok(Edit::SetSettings {
                settings: Box::new(std::mem::replace(&mut self.settings, *settings)),
            }),
            Edit::SetMeta { meta } => Ok(Edit::SetMeta {
                meta: std::mem::replace(&mut self.meta, meta),
            }),
            Edit::PutMaterial { material, index } => {
                let name = material.name.clone();
                let mut trial = self.materials.clone();
                let old_index = trial.position(&name);
                match old_index {
                    Some(_) => {
                        trial.upsert(material);
                    }
                    None => trial.insert(index.unwrap_or(trial.len()), material),
                }
                invalid_unless_clean(validate_project(&Project {
                    materials: trial.clone(),
                    ..Project::default()
                }))?;
                let old = old_index.map(|_| self.materials.get(&name).cloned().expect("present"));
                self.materials = trial;
                Ok(match old {
                    Some(material) => Edit::PutMaterial {
                        material,
                        index: None,
                    },
                    None => Edit::RemoveMaterial { name },
                })
            }
            Edit::RemoveMaterial { name } => {
                let count = self.material_users(&name);
                if count > 0 {
                    return Err(EditError::MaterialInUse { name, count });
                }
                let index = self
                    .materials
                    .position(&name)
                    .ok_or_else(|| EditError::NoMaterial(name.clone()))?;
                let material = self.materials.remove(&name).expect("present");
                Ok(Edit::PutMaterial {
                    material,
                    index: Some(index),
                })
            }
            Edit::PutAntenna { pattern, index } => {
                if let Some(problem) = pattern.problem() {
                    return Err(EditError::Invalid(vec![Diagnostic::error(
                        format!("antenna pattern \"{}\"", pattern.name),
                        problem,
                    )]));
                }
                let name = pattern.name.clone();
                Ok(match self.antennas.position(&name) {
                    Some(_) => Edit::PutAntenna {
                        pattern: self.antennas.insert(pattern).expect("present"),
                        index: None,
                    },
                    None => {
                        self.antennas.insert_at(index, pattern);
                        Edit::RemoveAntenna { name }
                    }
                })
            }
            Edit::RemoveAntenna { name } => {
                let index = self
                    .antennas
                    .position(&name)
                    .ok_or_else(|| EditError::NoAntenna(name.clone()))?;
                let pattern = self.antennas.remove(&name).expect("present");
                Ok(Edit::PutAntenna {
                    pattern,
                    index: Some(index),
                })
            }
            Edit::PutSurvey { survey, index } => {
                if let Some(problem) = survey.problem() {
                    return Err(EditError::Invalid(vec![Diagnostic::error(
                        format!("survey \"{}\"", survey.name),
                        problem,
                    )]));
                }
                let name = survey.name.clone();
                Ok(match self.surveys.iter().position(|s| s.name == name) {
                    Some(i) => Edit::PutSurvey {
                        survey: Box::new(std::mem::replace(&mut self.surveys[i], *survey)),
                        index: None,
                    },
                    None => {
                        let at = index.unwrap_or(self.surveys.len()).min(self.surveys.len());
                        self.surveys.insert(at, *survey);
                        Edit::RemoveSurvey { name }
                    }
                })
            }
            Edit::RemoveSurvey { name } => {
                let index = self
                    .surveys
                    .iter()
                    .position(|s| s.name == name)
                    .ok_or_else(|| EditError::NoSurvey(name.clone()))?;
                let survey = self.surveys.remove(index);
                Ok(Edit::PutSurvey {
                    survey: Box::new(survey),
                    index: Some(index),
                })
            }
            Edit::Batch { edits } => {
                let mut undo = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e) {
                        Ok(inverse) => undo.push(inverse),
                        Err(err) => {
                            for inverse in undo.into_iter().rev() {
                                self.apply(inverse).expect("an inverse always applies");
                            }
                            return Err(err);
                        }
                    }
                }
                undo.reverse();
                Ok(Edit::Batch { edits: undo })
            }
        }
    }

    fn check_element(&self, element: &Element) -> Result<(), EditError> {
        let location = format!("{} \"{}\"", element.kind(), element.id());
        invalid_unless_clean(validate_element(element, self, &location))
    }

    /// How many walls, doors and windows use the material `name`.
    pub fn material_users(&self, name: &str) -> usize {
        let key = self
            .materials
            .get(name)
            .map(|m| m.name.as_str())
            .unwrap_or(name);
        let same = |m: &str| self.materials.get(m).map(|x| x.name.as_str()).unwrap_or(m) == key;
        self.floors
            .iter()
            .map(|f| {
                f.walls
                    .iter()
                    .filter(|w| w.material.as_deref().is_some_and(same))
                    .count()
                    + f.openings.iter().filter(|o| same(&o.material)).count()
            })
            .sum()
    }
}

fn invalid_unless_clean(diagnostics: Vec<Diagnostic>) -> Result<(), EditError> {
    let errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(EditError::Invalid(errors))
    }
}

/// Undo and redo stacks over a project.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `edit` to `project` and records it; clears the redo stack.
    pub fn apply(&mut self, project: &mut Project, edit: Edit) -> Result<(), EditError> {
        let inverse = project.apply(edit)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit. False when there was nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> bool {
        Self::swap(project, &mut self.undo, &mut self.redo)
    }

    /// Redoes the last undone edit. False when there was nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> bool {
        Self::swap(project, &mut self.redo, &mut self.undo)
    }

    fn swap(project: &mut Project, from: &mut Vec<Edit>, to: &mut Vec<Edit>) -> bool {
        let Some(edit) = from.pop() else { return false };
        let inverse = project
            .apply(edit)
            .expect("the inverse of an applied edit applies to the state it was made for");
        to.push(inverse);
        true
    }

    /// The edit the next [`History::undo`] applies (the inverse of the last edit), so that a
    /// copy of the project kept elsewhere (the editor's worker) can follow by applying it too.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    /// The edit the next [`History::redo`] applies.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (after opening another project).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::{AccessPoint, WifiBand};
    use crate::geometry::{Point, Shape};
    use crate::materials::BandLoss;
    use crate::props::Props;
    use crate::walls::Wall;

    fn ap(id: &str, x: f64) -> Element {
        Element::AccessPoint(AccessPoint {
            id: id.into(),
            name: id.to_uppercase(),
            position: Point::new(x, 1.0),
            model: None,
            radios: vec![crate::devices::Radio {
                channel: Some(36),
                ..crate::devices::Radio::new(WifiBand::Ghz5, 20.0)
            }],
            height_m: 2.5,
            poe_w: None,
            eirp_offset_db: None,
            props: Props::new(),
        })
    }

    fn wall(id: &str, material: &str) -> Element {
        Element::Wall(Wall {
            id: id.into(),
            shape: Shape::Line(vec![Point::new(0.0, 0.0), Point::new(3.0, 0.0)]),
            material: Some(material.into()),
            loss_db: None,
            thickness_m: 0.1,
            props: Props::new(),
        })
    }

    fn project() -> Project {
        let mut p = Project::new();
        p.floors.push(Floor::new("1", "L1", 0.0));
        p.floors.push(Floor::new("2", "L2", 3.6));
        p
    }

    fn add(floor: &str, element: Element) -> Edit {
        Edit::AddElement {
            floor: floor.into(),
            element,
            index: None,
        }
    }

    #[test]
    fn every_edit_undoes_and_redoes_exactly() {
        let mut p = project();
        let mut h = History::new();
        let start = p.clone();
        let edits = vec![
            add("1", ap("a", 1.0)),
            add("1", wall("w", "brick")),
            Edit::ReplaceElement {
                element: ap("a", 5.0),
            },
            Edit::SetFloorInfo {
                id: "2".into(),
                name: "Second".into(),
                elevation_m: 4.0,
                ceiling_m: 3.0,
            },
            Edit::PutMaterial {
                material: WallMaterial {
                    name: "cork".into(),
                    loss_db: BandLoss::wifi(1.0, 2.0, 3.0),
                    color: "#c0a080".into(),
                },
                index: None,
            },
            Edit::Batch {
                edits: vec![
                    add("2", ap("b", 2.0)),
                    Edit::RemoveElement { id: "w".into() },
                ],
            },
            Edit::RemoveMaterial {
                name: "cork".into(),
            },
            Edit::RemoveFloor { id: "1".into() },
        ];
        let mut states = vec![p.clone()];
        for e in edits {
            h.apply(&mut p, e).unwrap();
            states.push(p.clone());
        }
        assert_eq!(p.floors.len(), 1);
        assert_eq!(p.floors[0].access_points[0].id, "b");
        for state in states.iter().rev().skip(1) {
            assert!(h.undo(&mut p));
            assert_eq!(&p, state);
        }
        assert!(!h.undo(&mut p));
        assert_eq!(p, start);
        for state in states.iter().skip(1) {
            assert!(h.redo(&mut p));
            assert_eq!(&p, state);
        }
        assert!(!h.redo(&mut p));

        // A copy that applies what `next_undo` / `next_redo` announce stays equal.
        let mut copy = p.clone();
        while let Some(e) = h.next_undo().cloned() {
            copy.apply(e).unwrap();
            assert!(h.undo(&mut p));
            assert_eq!(copy, p);
        }
        while let Some(e) = h.next_redo().cloned() {
            copy.apply(e).unwrap();
            assert!(h.redo(&mut p));
            assert_eq!(copy, p);
        }
        assert_eq!(h.next_redo(), None);
    }

    #[test]
    fn refused_edits_change_nothing() {
        let mut p = project();
        p.apply(add("1", ap("a", 1.0))).unwrap();
        p.apply(add("1", wall("w", "brick"))).unwrap();
        let before = p.clone();
        assert_eq!(
            p.apply(add("2", ap("a", 1.0))),
            Err(EditError::DuplicateId("a".into()))
        );
        assert_eq!(
            p.apply(add("9", ap("c", 1.0))),
            Err(EditError::NoFloor("9".into()))
        );
        assert_eq!(
            p.apply(Edit::RemoveElement { id: "zz".into() }),
            Err(EditError::NoElement("zz".into()))
        );
        let mut loud = ap("a", 1.0);
        if let Element::AccessPoint(a) = &mut loud {
            a.radios[0].tx_dbm = 400.0;
        }
        let err = p.apply(Edit::ReplaceElement { element: loud }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ap \"a\": tx_dbm 400 must be at least -30 and at most 60"
        );
        assert_eq!(
            p.apply(Edit::RemoveMaterial {
                name: "Brick".into()
            }),
            Err(EditError::MaterialInUse {
                name: "Brick".into(),
                count: 1
            })
        );
        // A batch whose second edit fails rolls back its first.
        let batch = Edit::Batch {
            edits: vec![
                add("2", ap("b", 1.0)),
                Edit::RemoveElement { id: "zz".into() },
            ],
        };
        assert!(p.apply(batch).is_err());
        assert_eq!(p, before);
    }

    #[test]
    fn edits_serialise_as_tagged_json() {
        let e = Edit::RemoveElement { id: "ap-1".into() };
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"edit":"remove_element","id":"ap-1"}"#
        );
        let e: Edit = serde_json::from_str(
            r#"{"edit":"add_element","floor":"1","element":{"element":"riser","id":"r","name":"R","position":[1,2]}}"#,
        )
        .unwrap();
        let mut p = project();
        p.apply(e).unwrap();
        assert_eq!(p.floors[0].risers[0].position, Point::new(1.0, 2.0));
    }

    #[test]
    fn antenna_patterns_are_put_replaced_and_removed_undoably() {
        let mut p = Project::new();
        let pattern = |name: &str, gain_dbi: f64| AntennaPattern {
            name: name.into(),
            make: String::new(),
            frequency_mhz: None,
            gain_dbi,
            horizontal_db: vec![0.0; 360],
            vertical_db: vec![0.0; 360],
            comment: String::new(),
        };
        let mut h = History::new();
        h.apply(
            &mut p,
            Edit::PutAntenna {
                pattern: pattern("a", 5.0),
                index: None,
            },
        )
        .unwrap();
        h.apply(
            &mut p,
            Edit::PutAntenna {
                pattern: pattern("b", 6.0),
                index: None,
            },
        )
        .unwrap();
        let two = p.clone();
        h.apply(
            &mut p,
            Edit::PutAntenna {
                pattern: pattern("a", 7.0),
                index: None,
            },
        )
        .unwrap();
        assert_eq!(p.antennas.get("a").unwrap().gain_dbi, 7.0);
        h.apply(&mut p, Edit::RemoveAntenna { name: "a".into() })
            .unwrap();
        assert!(p.antennas.position("a").is_none());
        // Undo puts it back in its place, then its old gain.
        assert!(h.undo(&mut p));
        assert_eq!(p.antennas.position("a"), Some(0));
        assert!(h.undo(&mut p));
        assert_eq!(p, two);
        // Refusals change nothing.
        let mut bad = pattern("c", 1.0);
        bad.vertical_db.pop();
        let err = p
            .apply(Edit::PutAntenna {
                pattern: bad,
                index: None,
            })
            .unwrap_err();
        assert!(err.to_string().contains("359 entries"), "{err}");
        assert_eq!(
            p.apply(Edit::RemoveAntenna { name: "zz".into() })
                .unwrap_err(),
            EditError::NoAntenna("zz".into())
        );
        assert_eq!(p, two);
    }
}
