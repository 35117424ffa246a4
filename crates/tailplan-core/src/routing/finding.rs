//! A design rule's result: which [`Rule`], how serious, about which element, and the measured
//! value against its limit. Every part of routing reports through it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Severity;

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
    /// A radio serving more Wi-Fi clients, or more airtime, than the capacity settings allow.
    RadioLoad,
    /// A horizontal cable ending at a distributor on another floor (ISO/IEC 11801-1 and
    /// TIA-569 want every floor served from its own). Named with hyphens, like every rule of
    /// the campus.
    #[serde(rename = "horizontal-other-floor")]
    HorizontalOtherFloor,
    /// A copper channel (permanent link and the cords of `settings.cabling`) over its limit.
    #[serde(rename = "channel-length")]
    ChannelLength,
    /// More cables carrying 802.3at PoE or more in one tray section than the bundle limit.
    #[serde(rename = "poe-bundle")]
    PoeBundle,
    /// More horizontal cables at a distributor than its switches have access ports.
    #[serde(rename = "switch-ports")]
    SwitchPorts,
    /// More PoE drawn at a distributor than its switches deliver.
    #[serde(rename = "switch-poe")]
    SwitchPoe,
    /// A backbone cable longer than its fibre allows.
    #[serde(rename = "backbone-length")]
    BackboneLength,
    /// A distributor without the backbone it should have: no building distributor in its
    /// building, no campus distributor, no pathway to the distributor above.
    #[serde(rename = "backbone")]
    Backbone,
    /// More cables in a duct than its capacity.
    #[serde(rename = "pathway-capacity")]
    PathwayCapacity,
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
            Rule::RadioLoad => "radio_load",
            Rule::HorizontalOtherFloor => "horizontal-other-floor",
            Rule::ChannelLength => "channel-length",
            Rule::PoeBundle => "poe-bundle",
            Rule::SwitchPorts => "switch-ports",
            Rule::SwitchPoe => "switch-poe",
            Rule::BackboneLength => "backbone-length",
            Rule::Backbone => "backbone",
            Rule::PathwayCapacity => "pathway-capacity",
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
