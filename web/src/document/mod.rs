//! The open project and its undo history: the only place the editor changes a project, and
//! only through [`tailplan_core::Edit`]s applied by [`History`].
//!
//! A [`Document`] is cheap to clone (the project and the history are shared until changed),
//! so that the reducer can keep returning new states. Every change bumps
//! [`Document::revision`], which views, caches and the autosave key on.
//!
//! Beside it, the document's life outside the editor, pure too: [`import`] (a file's bytes
//! opened as a project file, or handed to the importers as a plan) and [`autosave`] (what is
//! kept in the browser, and how it is restored).

pub mod autosave;
pub mod import;
pub mod opened;

use std::rc::Rc;

use tailplan_core::{Edit, EditError, History, Project};

/// Where the open project came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A sample shipped with the editor (its key).
    Sample(&'static str),
    /// A file the user opened or imported (its name).
    File(String),
    /// The project kept in this browser, restored at start.
    Restored,
    /// A new, empty project.
    New,
}

/// The edits a document went through, newest first, so that a copy of the project kept
/// elsewhere (the worker's) can follow with edits instead of the whole project. Shared
/// between the states of the reducer, never copied: each change adds a link.
#[derive(Debug)]
struct Step {
    /// The revision the edit led to.
    revision: u64,
    edit: Edit,
    previous: Option<Rc<Step>>,
    /// Links in the chain up to here.
    depth: usize,
}

/// How many edits back a copy can follow; further behind, it takes the whole project.
pub const JOURNAL_DEPTH: usize = 64;

/// The open project, its history and its bookkeeping.
#[derive(Debug, Clone)]
pub struct Document {
    project: Rc<Project>,
    history: Rc<History>,
    journal: Option<Rc<Step>>,
    /// Increases with every change (edit, undo, redo); never goes back.
    pub revision: u64,
    /// The revision last written to a file or read from one; `None` when the project has
    /// changes no file holds.
    pub saved_revision: Option<u64>,
    /// The file name a download is given: `office.tailplan.json`.
    pub file_name: String,
    /// Where it came from.
    pub source: Source,
    /// Warnings found when it was read, one line each.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document for `project`, as read from `source` (so with nothing unsaved).
    pub fn new(project: Project, source: Source, file_name: impl Into<String>) -> Self {
        Self {
            project: Rc::new(project),
            history: Rc::new(History::new()),
            journal: None,
            revision: 0,
            saved_revision: Some(0),
            file_name: file_name.into(),
            source,
            warnings: Vec::new(),
        }
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project, shared.
    pub fn project_rc(&self) -> &Rc<Project> {
        &self.project
    }

    /// Applies `edit` through the history: one undo step. On error nothing changes and the
    /// core's message says why.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        // Copy-on-write: the project is copied only when an earlier state still shares it.
        // A refused edit changes nothing (the core guarantees it), so no revision is spent.
        let (history, project) = (
            Rc::make_mut(&mut self.history),
            Rc::make_mut(&mut self.project),
        );
        let copy = edit.clone();
        history.apply(project, edit)?;
        self.revision += 1;
        self.record(copy);
        Ok(())
    }

    /// Adds the edit that led to the current revision to the journal.
    fn record(&mut self, edit: Edit) {
        let previous = self.journal.take().filter(|s| s.depth < JOURNAL_DEPTH);
        let depth = previous.as_ref().map_or(1, |s| s.depth + 1);
        self.journal = Some(Rc::new(Step {
            revision: self.revision,
            edit,
            previous,
            depth,
        }));
    }

    /// The edits that lead from `revision` to the current one, in order; `None` when the
    /// journal does not reach that far back (or `revision` is ahead).
    pub fn edits_since(&self, revision: u64) -> Option<Vec<Edit>> {
        if revision > self.revision {
            return None;
        }
        let mut edits = Vec::new();
        let mut at = self.journal.as_ref();
        let mut expected = self.revision;
        while expected > revision {
            let step = at.filter(|s| s.revision == expected)?;
            edits.push(step.edit.clone());
            at = step.previous.as_ref();
            expected -= 1;
        }
        edits.reverse();
        Some(edits)
    }

    /// Undoes the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.history.next_undo().cloned() else {
            return false;
        };
        let (history, project) = (
            Rc::make_mut(&mut self.history),
            Rc::make_mut(&mut self.project),
        );
        let done = history.undo(project);
        self.revision += 1;
        self.record(edit);
        done
    }

    /// Redoes the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.history.next_redo().cloned() else {
            return false;
        };
        let (history, project) = (
            Rc::make_mut(&mut self.history),
            Rc::make_mut(&mut self.project),
        );
        let done = history.redo(project);
        self.revision += 1;
        self.record(edit);
        done
    }

    /// True when there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// True when the project has changes no file holds.
    pub fn is_unsaved(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// Records that the current revision was written to a file.
    pub fn mark_saved(&mut self) {
        self.saved_revision = Some(self.revision);
    }

    /// The name to show: the project's, else its building's, else the file's (without
    /// `.tailplan.json`).
    pub fn title(&self) -> &str {
        let meta = &self.project.meta;
        let file = self
            .file_name
            .strip_suffix(".tailplan.json")
            .unwrap_or(&self.file_name);
        [meta.name.as_str(), meta.building.as_str(), file]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .unwrap_or("Untitled project")
    }
}

/// The project file name for a file called `name`: `plan.geojson` → `plan.tailplan.json`;
/// a project file keeps its name.
pub fn project_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    if base.ends_with(".tailplan.json") {
        return base.to_owned();
    }
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    let stem = if stem.is_empty() { "project" } else { stem };
    format!("{stem}.tailplan.json")
}

#[cfg(test)]
mod tests {
    use tailplan_core::{Element, Floor, Point, Props, Riser};

    use super::*;

    fn riser(id: &str, x: f64) -> Element {
        Element::Riser(Riser {
            id: id.into(),
            name: id.to_uppercase(),
            position: Point::new(x, 0.0),
            props: Props::new(),
        })
    }

    fn doc() -> Document {
        let mut p = Project::new();
        p.floors.push(Floor::new("1", "L1", 0.0));
        Document::new(p, Source::New, "")
    }

    #[test]
    fn edits_undo_and_redo_with_a_rising_revision() {
        let mut d = doc();
        assert!(!d.is_unsaved() && !d.can_undo());
        d.apply(Edit::AddElement {
            floor: "1".into(),
            element: riser("r1", 1.0),
            index: None,
        })
        .unwrap();
        assert_eq!((d.revision, d.is_unsaved()), (1, true));
        let before = d.clone();
        d.apply(Edit::ReplaceElement {
            element: riser("r1", 5.0),
        })
        .unwrap();
        // The earlier clone still sees the old project: copies are independent.
        assert_eq!(
            before.project().floors[0].risers[0].position,
            Point::new(1.0, 0.0)
        );
        assert!(d.undo());
        assert_eq!(d.project().floors[0].risers[0].position.x, 1.0);
        assert!(d.redo());
        assert_eq!(d.project().floors[0].risers[0].position.x, 5.0);
        assert!(!d.redo());
        assert_eq!(d.revision, 4);
        d.mark_saved();
        assert!(!d.is_unsaved());
        assert!(d.undo() && d.undo());
        assert!(!d.undo());
        assert!(d.project().floors[0].risers.is_empty());
    }

    #[test]
    fn a_copy_follows_through_the_journal() {
        let mut d = doc();
        let mut copy = d.project().clone();
        assert_eq!(d.edits_since(0), Some(vec![]));
        d.apply(Edit::AddElement {
            floor: "1".into(),
            element: riser("r1", 1.0),
            index: None,
        })
        .unwrap();
        d.apply(Edit::ReplaceElement {
            element: riser("r1", 3.0),
        })
        .unwrap();
        assert!(d.undo());
        for e in d.edits_since(0).unwrap() {
            copy.apply(e).unwrap();
        }
        assert_eq!(&copy, d.project());
        assert!(d.redo());
        let more = d.edits_since(3).unwrap();
        assert_eq!(more.len(), 1);
        copy.apply(more[0].clone()).unwrap();
        assert_eq!(&copy, d.project());
        assert_eq!(d.edits_since(d.revision + 1), None);
        // Beyond the journal's depth, a copy takes the whole project.
        for i in 0..JOURNAL_DEPTH as u32 + 3 {
            d.apply(Edit::ReplaceElement {
                element: riser("r1", f64::from(i)),
            })
            .unwrap();
        }
        assert_eq!(d.edits_since(0), None);
        assert_eq!(d.edits_since(d.revision - 2).map(|e| e.len()), Some(2));
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let mut d = doc();
        let err = d
            .apply(Edit::AddElement {
                floor: "nope".into(),
                element: riser("r1", 1.0),
                index: None,
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "no floor \"nope\"");
        assert_eq!(d.revision, 0);
        assert!(!d.can_undo());
    }

    #[test]
    fn titles_and_file_names() {
        let mut d = doc();
        assert_eq!(d.title(), "Untitled project");
        d.file_name = "plan.tailplan.json".into();
        assert_eq!(d.title(), "plan");
        assert_eq!(project_file_name("plan.geojson"), "plan.tailplan.json");
        assert_eq!(
            project_file_name("C:\\x\\office.tailplan.json"),
            "office.tailplan.json"
        );
        assert_eq!(project_file_name("noext"), "noext.tailplan.json");
        assert_eq!(project_file_name(".hidden"), ".hidden.tailplan.json");
        assert_eq!(project_file_name(""), "project.tailplan.json");
    }
}
