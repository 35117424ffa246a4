//! The design rules, each reported with the cable, tray section or room it concerns: link
//! length per medium, tray fill, PoE budget and class, ports per telecom room; plus endpoints
//! that could not be served and problems of the pathways and hand routes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::Medium;
use crate::diagnostics::Severity;
use crate::project::Project;
use crate::routing::cable::Cable;
use crate::routing::loads::{RoomLoad, TrayFill};
use crate::settings::CablingSettings;

/// Which rule a finding is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A link longer than its medium allows (copper 90 m permanent link, SPE 1000 m, fibre).
    LinkLength,
    /// Cables' cross-sections over the tray's allowed fill.
    TrayFill,
    /// More cables than the tray's stated capacity.
    TrayCapacity,
    /// More PoE drawn from a telecom room than its budget.
    PoeBudget,
    /// A device drawing more than any 802.3af/at/bt type delivers.
    PoeClass,
    /// A powered device on a medium that carries no power (fibre).
    PoeMedium,
    /// More cables in a telecom room than it has ports.
    Ports,
    /// An endpoint no telecom room can serve.
    Unserved,
    /// A hand-drawn route that cannot be used as drawn.
    HandRoute,
    /// Pathways that join nothing (a lonely riser, a room without a tray).
    Pathway,
}

impl Rule {
    /// The rule's name in reports: `link_length`, `tray_fill`...
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::LinkLength => "link_length",
            Rule::TrayFill => "tray_fill",
            Rule::TrayCapacity => "tray_capacity",
            Rule::PoeBudget => "poe_budget",
            Rule::PoeClass => "poe_class",
            Rule::PoeMedium => "poe_medium",
            Rule::Ports => "ports",
            Rule::Unserved => "unserved",
            Rule::HandRoute => "hand_route",
            Rule::Pathway => "pathway",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One result of a design rule: what, how serious, about which element, and the measured value
/// against the limit when there is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// Errors fail `tailplan check`; warnings and notes do not.
    pub severity: Severity,
    /// The id of the element concerned: the endpoint, tray, telecom room, riser or route.
    pub subject: String,
    /// Where, for people: `floor "0", outlet "O-0-001" port 2 (cable 0A-A01)`.
    pub location: String,
    /// What is wrong.
    pub message: String,
    /// The measured value (metres, fraction, watts, ports), when the rule measures one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured: Option<f64>,
    /// The limit it is held to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
}

impl Finding {
    /// A finding without values.
    pub fn new(
        rule: Rule,
        severity: Severity,
        subject: impl Into<String>,
        location: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            severity,
            subject: subject.into(),
            location: location.into(),
            message: message.into(),
            measured: None,
            limit: None,
        }
    }

    /// The same finding with its measured value and limit.
    pub fn with_values(mut self, measured: f64, limit: f64) -> Self {
        self.measured = Some(measured);
        self.limit = Some(limit);
        self
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.location.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.location, self.message)
        }
    }
}

/// The PoE types of IEEE 802.3af/at/bt, by the power a device may draw and the power the port
/// must supply.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum PoeType {
    /// 802.3af (Type 1): 12.95 W at the device, 15.4 W at the port.
    #[serde(rename = "802.3af")]
    Af,
    /// 802.3at (Type 2, PoE+): 25.5 W at the device, 30 W at the port.
    #[serde(rename = "802.3at")]
    At,
    /// 802.3bt Type 3: 51 W at the device, 60 W at the port.
    #[serde(rename = "802.3bt-type3")]
    BtType3,
    /// 802.3bt Type 4: 71.3 W at the device, 90 W at the port.
    #[serde(rename = "802.3bt-type4")]
    BtType4,
}

impl PoeType {
    /// Every type, least power first.
    pub const ALL: [PoeType; 4] = [PoeType::Af, PoeType::At, PoeType::BtType3, PoeType::BtType4];

    /// The standard's name: `802.3af`, `802.3at`, `802.3bt Type 3`, `802.3bt Type 4`.
    pub fn name(self) -> &'static str {
        match self {
            PoeType::Af => "802.3af",
            PoeType::At => "802.3at",
            PoeType::BtType3 => "802.3bt Type 3",
            PoeType::BtType4 => "802.3bt Type 4",
        }
    }

    /// The most a device of this type may draw, watts (after the cable's loss).
    pub fn device_w(self) -> f64 {
        match self {
            PoeType::Af => 12.95,
            PoeType::At => 25.5,
            PoeType::BtType3 => 51.0,
            PoeType::BtType4 => 71.3,
        }
    }

    /// The power the switch port supplies, watts: 15.4 / 30 / 60 / 90.
    pub fn port_w(self) -> f64 {
        match self {
            PoeType::Af => 15.4,
            PoeType::At => 30.0,
            PoeType::BtType3 => 60.0,
            PoeType::BtType4 => 90.0,
        }
    }

    /// The least type that powers a device drawing `device_w` watts (`poe_w` is what the
    /// device draws); `None` when none does.
    pub fn for_device(device_w: f64) -> Option<PoeType> {
        PoeType::ALL
            .into_iter()
            .find(|t| device_w <= t.device_w() + 1e-9)
    }
}

/// The rules that concern one cable alone: its length against its medium's limit, and its
/// device's power against the medium and the PoE types.
pub fn cable_findings(project: &Project, cable: &Cable) -> Vec<Finding> {
    let cabling = &project.settings.cabling;
    let mut out = Vec::new();
    let subject = cable.endpoint.element_id.as_str();
    let location = format!("{} (cable {})", cable.endpoint.location(project), cable.id);
    if let Some(limit) = cabling.max_length_m(cable.medium)
        && cable.lengths.total_m > limit + 1e-9
    {
        out.push(
            Finding::new(
                Rule::LinkLength,
                Severity::Error,
                subject,
                &location,
                format!(
                    "{} link of {:.1} m to {} is over the {} limit of {limit} m",
                    medium_name(cable.medium),
                    cable.lengths.total_m,
                    cable.room,
                    limit_name(cable.medium)
                ),
            )
            .with_values(cable.lengths.total_m, limit),
        );
    }
    if let Some(w) = cable.endpoint.poe_w.filter(|w| *w > 0.0) {
        match cable.medium {
            Medium::Cat6a if PoeType::for_device(w).is_none() => out.push(
                Finding::new(
                    Rule::PoeClass,
                    Severity::Error,
                    subject,
                    &location,
                    format!(
                        "draws {w} W: more than 802.3bt Type 4 delivers ({} W at the device, {} W at the port)",
                        PoeType::BtType4.device_w(),
                        PoeType::BtType4.port_w()
                    ),
                )
                .with_values(w, PoeType::BtType4.device_w()),
            ),
            Medium::Fiber => out.push(
                Finding::new(
                    Rule::PoeMedium,
                    Severity::Warning,
                    subject,
                    &location,
                    format!("draws {w} W but fibre carries no power: it needs a local supply"),
                )
                .with_values(w, 0.0),
            ),
            _ => {}
        }
    }
    out
}

/// The rules of a telecom room: ports and PoE budget.
pub fn room_findings(load: &RoomLoad) -> Vec<Finding> {
    let mut out = Vec::new();
    let location = format!("floor \"{}\", telecom room \"{}\"", load.floor, load.name);
    if load.used > u64::from(load.ports) {
        out.push(
            Finding::new(
                Rule::Ports,
                Severity::Error,
                &load.room_id,
                &location,
                format!(
                    "{} cables for {} ports ({} drawn by hand)",
                    load.used, load.ports, load.hand
                ),
            )
            .with_values(load.used as f64, f64::from(load.ports)),
        );
    }
    if let Some(budget) = load.poe_budget_w {
        if load.poe_w > budget + 1e-9 {
            out.push(
                Finding::new(
                    Rule::PoeBudget,
                    Severity::Error,
                    &load.room_id,
                    &location,
                    format!(
                        "its devices draw {:.1} W of PoE, over its {budget} W budget",
                        load.poe_w
                    ),
                )
                .with_values(load.poe_w, budget),
            );
        } else if load.poe_port_w > budget + 1e-9 {
            out.push(
                Finding::new(
                    Rule::PoeBudget,
                    Severity::Warning,
                    &load.room_id,
                    &location,
                    format!(
                        "a switch that reserves each port's full class power needs {:.1} W, over its {budget} W budget (the devices draw {:.1} W)",
                        load.poe_port_w, load.poe_w
                    ),
                )
                .with_values(load.poe_port_w, budget),
            );
        }
    }
    out
}

/// The rules of a tray section: fill of its cross-section and its cable capacity.
pub fn fill_findings(fill: &TrayFill, cabling: &CablingSettings) -> Vec<Finding> {
    let mut out = Vec::new();
    let location = format!(
        "floor \"{}\", tray \"{}\" segment {} ({:.1}, {:.1})-({:.1}, {:.1})",
        fill.floor, fill.tray, fill.segment, fill.from.x, fill.from.y, fill.to.x, fill.to.y
    );
    if let Some(f) = fill.fill
        && f > cabling.tray_fill_max + 1e-12
    {
        out.push(
            Finding::new(
                Rule::TrayFill,
                Severity::Error,
                &fill.tray_id,
                &location,
                format!(
                    "{} cables fill {:.0} % of its cross-section, over the {:.0} % allowed",
                    fill.cables,
                    f * 100.0,
                    cabling.tray_fill_max * 100.0
                ),
            )
            .with_values(f, cabling.tray_fill_max),
        );
    }
    if let Some(cap) = fill.capacity
        && fill.cables > cap
    {
        out.push(
            Finding::new(
                Rule::TrayCapacity,
                Severity::Error,
                &fill.tray_id,
                &location,
                format!("{} cables, over its capacity of {cap}", fill.cables),
            )
            .with_values(f64::from(fill.cables), f64::from(cap)),
        );
    }
    out
}

/// `Cat6A`, `SPE`, `fibre`.
pub fn medium_name(m: Medium) -> &'static str {
    match m {
        Medium::Cat6a => "Cat6A",
        Medium::Spe => "SPE",
        Medium::Fiber => "fibre",
        Medium::Wireless => "wireless",
    }
}

fn limit_name(m: Medium) -> &'static str {
    match m {
        Medium::Cat6a => "permanent-link",
        Medium::Spe => "10BASE-T1L",
        _ => "link",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poe_types_by_device_power() {
        assert_eq!(PoeType::for_device(12.95), Some(PoeType::Af));
        assert_eq!(PoeType::for_device(13.0), Some(PoeType::At));
        assert_eq!(PoeType::for_device(25.5), Some(PoeType::At));
        assert_eq!(PoeType::for_device(60.0), Some(PoeType::BtType4));
        assert_eq!(PoeType::for_device(71.3), Some(PoeType::BtType4));
        assert_eq!(PoeType::for_device(72.0), None);
        assert_eq!(PoeType::ALL.map(PoeType::port_w), [15.4, 30.0, 60.0, 90.0]);
    }
}
