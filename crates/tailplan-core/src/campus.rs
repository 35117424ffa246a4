//! The campus: buildings, the distributors' roles (ISO/IEC 11801-1's floor, building and
//! campus distributors; TIA-568's TR, ER and MC), the ducts between buildings and the switch
//! models the distributors are equipped with.
//!
//! A project is one campus. Its floors say which [`Building`] they belong to (none: the one
//! unnamed building every single-building project is); all buildings share the project's
//! planar coordinates, so they stand where they are on the site. A telecom room is a
//! distributor of a [`DistributorRole`]: floor distributors (FD) end the horizontal cables and
//! take a backbone cable to their building's distributor (BD), each BD takes one to the campus
//! distributor (CD) through the [`Duct`]s between the buildings.
//!
//! ```
//! use tailplan_core::campus::{self, DistributorRole};
//!
//! let model = campus::switch_model(&[], campus::DEFAULT_SWITCH_MODEL).unwrap();
//! assert_eq!((model.ports, model.poe_budget_w), (48, 740.0));
//! // 60 ports and 900 W of PoE need two of them; 60 ports without PoE would too.
//! assert_eq!(model.needed(60, 900.0), Some(2));
//! assert_eq!(model.needed(0, 0.0), Some(0));
//! assert_eq!(DistributorRole::default(), DistributorRole::Fd);
//! assert_eq!(DistributorRole::Bd.as_str(), "bd");
//! ```

use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::{Point, Polygon, polyline_length};
use crate::props::{ElementId, Props};

/// A building of the campus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Building {
    /// Unique in the project: what a floor's `building` refers to.
    pub id: ElementId,
    /// Its name (`A`, `Library`).
    pub name: String,
    /// Its outline on the site, when drawn: where the ducts enter it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footprint: Option<Polygon>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// What a telecom room distributes to (ISO/IEC 11801-1).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DistributorRole {
    /// Floor distributor (TIA: telecommunications room): ends the horizontal cables of its
    /// floor; its backbone goes to its building's BD.
    #[default]
    Fd,
    /// Building distributor (TIA: equipment room): the building's backbone ends here and it
    /// takes the building to the CD; it also serves its own floor as an FD.
    Bd,
    /// Campus distributor (TIA: main cross-connect): every building's BD is cabled to it; it
    /// also serves as its own building's BD.
    Cd,
}

impl DistributorRole {
    /// Its name in files: `fd`, `bd`, `cd`.
    pub fn as_str(self) -> &'static str {
        match self {
            DistributorRole::Fd => "fd",
            DistributorRole::Bd => "bd",
            DistributorRole::Cd => "cd",
        }
    }

    /// Reads `fd`, `bd` or `cd` (any case).
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "fd" => Some(DistributorRole::Fd),
            "bd" => Some(DistributorRole::Bd),
            "cd" => Some(DistributorRole::Cd),
            _ => None,
        }
    }

    /// Whether it is the default, FD (left out of files).
    pub fn is_fd(&self) -> bool {
        *self == DistributorRole::Fd
    }
}

/// An outside pathway between buildings (an underground duct, a cable trench): a line on the
/// site with no floor. Ducts that meet join; a duct's end inside a building's footprint (or
/// near its ground floor's trays) enters that building's ground floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Duct {
    /// Unique in the project.
    pub id: ElementId,
    /// Its name on the site plan.
    pub name: String,
    /// Its centreline on the site.
    pub points: Vec<Point>,
    /// How many cables it may carry, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

impl Duct {
    /// Length along the centreline, metres.
    pub fn length_m(&self) -> f64 {
        polyline_length(&self.points)
    }
}

/// A network switch model: what a distributor is equipped with, stacked behind its patch
/// panels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SwitchModel {
    /// Its name, what a telecom room's `switch_model` and `settings.switching.model` say.
    pub name: String,
    /// What it is, in a line.
    #[serde(default)]
    pub description: String,
    /// Access ports (each takes one horizontal cable).
    pub ports: u32,
    /// PoE power it can deliver in all, watts (0: no PoE).
    #[serde(default)]
    pub poe_budget_w: f64,
    /// Uplink ports (fibre, towards the distributor above).
    #[serde(default)]
    pub uplinks: u32,
    /// Speed of each uplink, Gbit/s.
    #[serde(default)]
    pub uplink_gbps: f64,
    /// What it draws itself, PoE aside, watts.
    #[serde(default)]
    pub idle_w: f64,
    /// Its price in the project's currency.
    #[serde(default)]
    pub price: f64,
}

impl SwitchModel {
    /// How many of it a distributor needs for `ports` access ports and `poe_w` watts of PoE;
    /// `None` when no number will do (PoE wanted of a model without it, or a model of no
    /// ports).
    pub fn needed(&self, ports: u64, poe_w: f64) -> Option<u32> {
        if ports == 0 {
            return Some(0);
        }
        if self.ports == 0 {
            return None;
        }
        let for_ports = ports.div_ceil(u64::from(self.ports));
        let for_poe = if poe_w <= 1e-9 {
            0
        } else if self.poe_budget_w > 0.0 {
            (poe_w / self.poe_budget_w - 1e-9).ceil().max(0.0) as u64
        } else {
            return None;
        };
        u32::try_from(for_ports.max(for_poe)).ok()
    }

    /// Problems that make the model unusable, in words.
    pub fn problem(&self) -> Option<String> {
        let finite = [self.poe_budget_w, self.uplink_gbps, self.idle_w, self.price]
            .iter()
            .all(|v| v.is_finite() && *v >= 0.0);
        if self.name.trim().is_empty() {
            Some("a switch model needs a name".into())
        } else if self.ports == 0 || self.ports > 1024 {
            Some(format!("ports {} must be between 1 and 1024", self.ports))
        } else if !finite {
            Some("poe_budget_w, uplink_gbps, idle_w and price must be numbers of at least 0".into())
        } else {
            None
        }
    }
}

/// The switch model a distributor gets when neither it nor the settings name one.
pub const DEFAULT_SWITCH_MODEL: &str = "generic-48p-poe+";

/// The built-in switch models: generic access and aggregation switches of typical figures (no
/// vendor's), for a first design before the real products are chosen.
pub fn switch_catalogue() -> &'static [SwitchModel] {
    static MODELS: LazyLock<Vec<SwitchModel>> = LazyLock::new(|| {
        let m = |name: &str,
                 description: &str,
                 ports: u32,
                 poe_budget_w: f64,
                 uplinks: u32,
                 uplink_gbps: f64,
                 idle_w: f64,
                 price: f64| SwitchModel {
            name: name.into(),
            description: description.into(),
            ports,
            poe_budget_w,
            uplinks,
            uplink_gbps,
            idle_w,
            price,
        };
        vec![
            m(
                "generic-24p-poe+",
                "24-port 1G access switch, 802.3at PoE+ 370 W, 4 × 10G uplinks",
                24,
                370.0,
                4,
                10.0,
                35.0,
                1_600.0,
            ),
            m(
                DEFAULT_SWITCH_MODEL,
                "48-port 1G access switch, 802.3at PoE+ 740 W, 4 × 10G uplinks",
                48,
                740.0,
                4,
                10.0,
                55.0,
                2_900.0,
            ),
            m(
                "generic-48p-mgig-poe++",
                "48-port 2.5G access switch, 802.3bt PoE++ 1,440 W, 4 × 25G uplinks (Wi-Fi 7 access points)",
                48,
                1_440.0,
                4,
                25.0,
                80.0,
                6_500.0,
            ),
            m(
                "generic-48p",
                "48-port 1G access switch without PoE, 4 × 10G uplinks",
                48,
                0.0,
                4,
                10.0,
                30.0,
                1_200.0,
            ),
            m(
                "generic-24sfp-aggregation",
                "24-port 10G SFP+ aggregation switch, 4 × 100G uplinks (for building and campus distributors' fibre)",
                24,
                0.0,
                4,
                100.0,
                110.0,
                7_500.0,
            ),
        ]
    });
    &MODELS
}

/// The switch model of this name: the project's own first, then the catalogue's.
pub fn switch_model<'a>(own: &'a [SwitchModel], name: &str) -> Option<&'a SwitchModel> {
    own.iter()
        .find(|m| m.name == name)
        .or_else(|| switch_catalogue().iter().find(|m| m.name == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_usable_and_named_once() {
        let models = switch_catalogue();
        for (i, m) in models.iter().enumerate() {
            assert_eq!(m.problem(), None, "{}", m.name);
            assert!(models[..i].iter().all(|o| o.name != m.name), "{}", m.name);
        }
        assert!(switch_model(&[], DEFAULT_SWITCH_MODEL).is_some());
    }

    #[test]
    fn switches_cover_ports_and_power() {
        let m = switch_model(&[], "generic-24p-poe+").unwrap();
        assert_eq!(m.needed(24, 370.0), Some(1));
        assert_eq!(m.needed(25, 10.0), Some(2));
        assert_eq!(m.needed(10, 371.0), Some(2));
        assert_eq!(m.needed(1, 1200.0), Some(4));
        let no_poe = switch_model(&[], "generic-48p").unwrap();
        assert_eq!(no_poe.needed(10, 0.0), Some(1));
        assert_eq!(no_poe.needed(10, 5.0), None);
    }

    #[test]
    fn the_project_s_own_model_comes_first() {
        let own = vec![SwitchModel {
            name: DEFAULT_SWITCH_MODEL.into(),
            description: String::new(),
            ports: 12,
            poe_budget_w: 0.0,
            uplinks: 2,
            uplink_gbps: 1.0,
            idle_w: 10.0,
            price: 1.0,
        }];
        assert_eq!(switch_model(&own, DEFAULT_SWITCH_MODEL).unwrap().ports, 12);
        assert!(switch_model(&own, "nothing").is_none());
    }

    #[test]
    fn roles_read_and_write() {
        for r in [
            DistributorRole::Fd,
            DistributorRole::Bd,
            DistributorRole::Cd,
        ] {
            assert_eq!(DistributorRole::parse(r.as_str()), Some(r));
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::json!(r.as_str())
            );
        }
        assert_eq!(DistributorRole::parse("BD"), Some(DistributorRole::Bd));
        assert_eq!(DistributorRole::parse("mc"), None);
    }
}
