//! What an import read and decided, kept in the project so it can be shown again
//! (`tailplan info`, the editor's import panel): the source file, its format and units, every
//! layer with its entity count and what it was mapped to, how the walls were cleaned up, and
//! the warnings.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::element::ElementKind;
use crate::wall_cleanup::CleanupStats;

/// What a drawing layer becomes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LayerRole {
    /// Wall lines of this material (a name of the project's library).
    Wall(String),
    /// Door symbols or lines: doors.
    Door,
    /// Window lines: windows.
    Window,
    /// Closed outlines: rooms.
    Room,
    /// Texts: room names, placed in the room around them.
    Label,
    /// Not used for the model (kept in the underlay only).
    Ignored,
}

impl LayerRole {
    /// True for [`LayerRole::Wall`].
    pub fn is_wall(&self) -> bool {
        matches!(self, LayerRole::Wall(_))
    }
}

impl fmt::Display for LayerRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayerRole::Wall(m) => write!(f, "wall:{m}"),
            LayerRole::Door => f.write_str("door"),
            LayerRole::Window => f.write_str("window"),
            LayerRole::Room => f.write_str("room"),
            LayerRole::Label => f.write_str("label"),
            LayerRole::Ignored => f.write_str("ignored"),
        }
    }
}

impl FromStr for LayerRole {
    type Err = String;

    /// `door`, `window`, `room`, `label`, `ignore`/`ignored`/`none`, `wall` (drywall),
    /// `wall:MATERIAL`, or a material name alone (`concrete`): a wall of that material.
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let lower = t.to_ascii_lowercase();
        Ok(match lower.as_str() {
            "" => return Err("an empty layer role".into()),
            "door" | "doors" => LayerRole::Door,
            "window" | "windows" => LayerRole::Window,
            "room" | "rooms" => LayerRole::Room,
            "label" | "labels" | "text" => LayerRole::Label,
            "ignore" | "ignored" | "none" | "skip" => LayerRole::Ignored,
            "wall" | "walls" => LayerRole::Wall(crate::walls::DEFAULT_WALL_MATERIAL.to_owned()),
            _ => match lower.strip_prefix("wall:") {
                Some(m) if !m.trim().is_empty() => LayerRole::Wall(m.trim().to_owned()),
                Some(_) => return Err(format!("\"{t}\" names no material")),
                None => LayerRole::Wall(lower),
            },
        })
    }
}

impl Serialize for LayerRole {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LayerRole {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for LayerRole {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LayerRole".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "door, window, room, label, ignored, or wall:MATERIAL"
        })
    }
}

/// Why a layer got its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// The user's mapping (`--layers`, the editor's table).
    User,
    /// A default rule matched the layer's name.
    Default,
    /// No rule matched; the importer decided (for instance: walls, because no layer was).
    Fallback,
}

/// One layer of the imported drawing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LayerRecord {
    /// The layer's name.
    pub name: String,
    /// How many drawing entities (lines, polylines, arcs, texts, block references...) it had.
    pub entities: usize,
    /// What it became.
    pub role: LayerRole,
    /// Why.
    pub source: MappingSource,
    /// True when the layer was hidden (off, frozen, `display:none`) and was skipped.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// A storey of a building model (IFC) and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StoreyRecord {
    /// Its name in the model.
    pub name: String,
    /// Its elevation, metres.
    pub elevation_m: f64,
    /// The floor it became; `None` when it was not imported (it holds no wall, or was not
    /// chosen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<String>,
    /// Elements of the model on it, by IFC type (`IfcWall`, `IfcDoor`, `IfcSpace`...),
    /// spaces and elements in them included.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub elements: BTreeMap<String, usize>,
    /// Its floor slab's thickness, metres, when the model has one under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slab_m: Option<f64>,
    /// Its floor slab's material (the library's), when the model has one under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slab_material: Option<String>,
}

/// A material name of a building model and the material of the library it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MaterialMapping {
    /// The name in the file (`Masonry - Brick`, `Stahlbeton`).
    pub name: String,
    /// The library's material it became; `None` when it gives a wall none (air, insulation,
    /// finishes) or nothing matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
    /// How many imported elements use it.
    pub elements: usize,
}

/// Elements of one kind a model holds that the import left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SkippedRecord {
    /// The IFC type (`IfcFurnishingElement`).
    pub kind: String,
    /// How many.
    pub count: usize,
    /// Why.
    pub why: String,
}

/// The report of one import, as stored in [`crate::Project::imports`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ImportRecord {
    /// The file's name.
    pub source: String,
    /// `geojson`, `imdf`, `dxf`, `svg`, `png` or `jpeg`.
    pub format: String,
    /// The drawing's units as understood (`cm ($INSUNITS 5)`, `px`...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub units: String,
    /// The scale applied: metres per drawing unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m_per_unit: Option<f64>,
    /// The floors the import made or filled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub floors: Vec<String>,
    /// Every layer, with its entity count and role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<LayerRecord>,
    /// Elements made, per kind.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<ElementKind, usize>,
    /// What the wall clean-up did, for drawings whose walls are lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub walls: Option<CleanupStats>,
    /// A building model's storeys, lowest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub storeys: Vec<StoreyRecord>,
    /// A building model's material names and what each became.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub materials: Vec<MaterialMapping>,
    /// What a building model holds that the import left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedRecord>,
    /// Warnings and notes (errors refuse the import instead).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl ImportRecord {
    /// The report as readable lines (what `tailplan info` prints).
    pub fn summary_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut head = format!("import of {} ({})", self.source, self.format);
        if !self.units.is_empty() {
            head += &format!(", units {}", self.units);
        }
        if let Some(s) = self.m_per_unit {
            head += &format!(", {s} m per unit");
        }
        if !self.floors.is_empty() {
            head += &format!(", floor(s) {}", self.floors.join(", "));
        }
        out.push(head);
        if !self.counts.is_empty() {
            let counts: Vec<String> = self
                .counts
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            out.push(format!("  made: {}", counts.join(", ")));
        }
        if let Some(w) = &self.walls {
            out.push(format!("  walls: {w}"));
        }
        if !self.layers.is_empty() {
            out.push(format!("  {} layer(s):", self.layers.len()));
            for l in &self.layers {
                let why = match l.source {
                    MappingSource::User => "your mapping",
                    MappingSource::Default => "default",
                    MappingSource::Fallback => "no rule matched",
                };
                let hidden = if l.hidden { ", hidden: skipped" } else { "" };
                out.push(format!(
                    "    {:<28} {:>6} entities -> {} ({why}{hidden})",
                    format!("\"{}\"", l.name),
                    l.entities,
                    l.role
                ));
            }
        }
        if !self.storeys.is_empty() {
            out.push(format!("  {} storey(s):", self.storeys.len()));
            for st in &self.storeys {
                let counts: Vec<String> = st
                    .elements
                    .iter()
                    .map(|(k, n)| format!("{n} {k}"))
                    .collect();
                let to = match &st.floor {
                    Some(f) => format!("floor \"{f}\""),
                    None => "not imported".into(),
                };
                let slab = match (st.slab_m, &st.slab_material) {
                    (Some(t), Some(m)) => format!(", slab {:.0} mm {m}", t * 1000.0),
                    (Some(t), None) => format!(", slab {:.0} mm", t * 1000.0),
                    _ => String::new(),
                };
                out.push(format!(
                    "    {:<28} {:>8.2} m -> {to}{slab}: {}",
                    format!("\"{}\"", st.name),
                    st.elevation_m,
                    if counts.is_empty() {
                        "empty".into()
                    } else {
                        counts.join(", ")
                    }
                ));
            }
        }
        if !self.materials.is_empty() {
            out.push(format!("  {} material(s):", self.materials.len()));
            for m in &self.materials {
                out.push(format!(
                    "    {:<40} -> {} ({} element(s))",
                    format!("\"{}\"", m.name),
                    m.material.as_deref().unwrap_or("none"),
                    m.elements
                ));
            }
        }
        for k in &self.skipped {
            out.push(format!("  skipped: {} {}: {}", k.count, k.kind, k.why));
        }
        for d in &self.diagnostics {
            out.push(format!("  {}: {d}", severity_label(d)));
        }
        out
    }
}

fn severity_label(d: &Diagnostic) -> &'static str {
    match d.severity {
        crate::Severity::Error => "error",
        crate::Severity::Warning => "warning",
        crate::Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_and_print() {
        for (text, role) in [
            ("concrete", LayerRole::Wall("concrete".into())),
            ("wall:Low-E glass", LayerRole::Wall("low-e glass".into())),
            ("wall", LayerRole::Wall("drywall".into())),
            ("Door", LayerRole::Door),
            ("ignore", LayerRole::Ignored),
            ("room", LayerRole::Room),
        ] {
            assert_eq!(text.parse::<LayerRole>().unwrap(), role, "{text}");
        }
        assert_eq!(LayerRole::Wall("brick".into()).to_string(), "wall:brick");
        assert!("wall:".parse::<LayerRole>().is_err());
        let json = serde_json::to_string(&LayerRole::Window).unwrap();
        assert_eq!(json, "\"window\"");
        assert_eq!(
            serde_json::from_str::<LayerRole>("\"wall:metal\"").unwrap(),
            LayerRole::Wall("metal".into())
        );
    }

    #[test]
    fn summary_lists_every_layer() {
        let r = ImportRecord {
            source: "plan.dxf".into(),
            format: "dxf".into(),
            units: "cm".into(),
            m_per_unit: Some(0.01),
            layers: vec![LayerRecord {
                name: "A-WALL".into(),
                entities: 12,
                role: LayerRole::Wall("concrete".into()),
                source: MappingSource::Default,
                hidden: false,
            }],
            ..Default::default()
        };
        let lines = r.summary_lines();
        assert_eq!(
            lines[0],
            "import of plan.dxf (dxf), units cm, 0.01 m per unit"
        );
        assert!(
            lines[2].contains("\"A-WALL\"") && lines[2].ends_with("-> wall:concrete (default)")
        );
    }
}
