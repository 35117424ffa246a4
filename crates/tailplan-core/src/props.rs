//! What every element carries besides its own fields: an id, and the properties tailplan does
//! not interpret.

/// Identifies an element; unique within a project.
pub type ElementId = String;

/// Properties an element carries that tailplan does not interpret, kept through round trips.
pub type Props = serde_json::Map<String, serde_json::Value>;
