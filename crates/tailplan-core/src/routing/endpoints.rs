//! Wired endpoints: what needs a cable. Each outlet port is one cable; each access point one;
//! each device whose medium is Cat6A, single-pair Ethernet or fibre one. Wireless devices have
//! none (the final-tail choice still weighs them).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::Medium;
use crate::geometry::Point;
use crate::project::Project;

/// The kind of element a cable serves.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EndpointKind {
    /// A port of a wired outlet.
    Outlet,
    /// A Wi-Fi access point.
    Ap,
    /// A device (sensor, camera, panel...).
    Device,
}

impl EndpointKind {
    /// `outlet`, `ap` or `device`, as in GeoJSON's `kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            EndpointKind::Outlet => "outlet",
            EndpointKind::Ap => "ap",
            EndpointKind::Device => "device",
        }
    }
}

/// One end of one cable: an outlet port, an access point or a wired device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Endpoint {
    /// The element's id.
    pub element_id: String,
    /// The element's name.
    pub name: String,
    /// What it is.
    pub kind: EndpointKind,
    /// The outlet port, numbered from 1; `None` for access points and devices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u32>,
    /// Index of its floor in [`Project::floors`].
    pub floor: usize,
    /// Where it is.
    pub position: Point,
    /// Its height above the floor, metres.
    pub height_m: f64,
    /// The cable it needs.
    pub medium: Medium,
    /// Power it draws over the cable, watts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_w: Option<f64>,
}

impl Endpoint {
    /// The name a schedule and a hand route give it: the element's name, and for an outlet
    /// port `NAME/PORT` (`O-0-001/2`).
    pub fn label(&self) -> String {
        match self.port {
            Some(p) => format!("{}/{p}", self.name),
            None => self.name.clone(),
        }
    }

    /// Where it is, for messages: `floor "0", outlet "O-0-001" port 2`.
    pub fn location(&self, project: &Project) -> String {
        let floor = project
            .floors
            .get(self.floor)
            .map_or("?", |f| f.id.as_str());
        let port = self.port.map(|p| format!(" port {p}")).unwrap_or_default();
        format!(
            "floor \"{floor}\", {} \"{}\"{port}",
            self.kind.as_str(),
            self.name
        )
    }
}

/// Every wired endpoint of the project: floor by floor, outlets (port by port), then access
/// points, then wired devices, each in drawing order. This order numbers patch-panel ports.
/// Endpoints with a position or height that is not a finite number are left out (validation
/// reports them).
pub fn wired_endpoints(project: &Project) -> Vec<Endpoint> {
    wired_endpoints_with(project, &EndpointMedia::new())
}

/// The medium of outlets and access points by element id, where it is not Cat6A (a
/// scenario's); a wireless one leaves the element out.
pub type EndpointMedia = std::collections::BTreeMap<String, Medium>;

/// [`wired_endpoints`], with the outlets and access points of `media` on their medium there.
pub fn wired_endpoints_with(project: &Project, media: &EndpointMedia) -> Vec<Endpoint> {
    let medium = |id: &str| media.get(id).copied().unwrap_or(Medium::Cat6a);
    let mut out = Vec::new();
    for (fi, floor) in project.floors.iter().enumerate() {
        for o in &floor.outlets {
            for port in 1..=o.ports {
                out.push(Endpoint {
                    element_id: o.id.clone(),
                    name: o.name.clone(),
                    kind: EndpointKind::Outlet,
                    port: Some(port),
                    floor: fi,
                    position: o.position,
                    height_m: o.height_m,
                    medium: medium(&o.id),
                    poe_w: None,
                });
            }
        }
        for ap in &floor.access_points {
            out.push(Endpoint {
                element_id: ap.id.clone(),
                name: ap.name.clone(),
                kind: EndpointKind::Ap,
                port: None,
                floor: fi,
                position: ap.position,
                height_m: ap.height_m,
                medium: medium(&ap.id),
                poe_w: Some(ap.effective_poe_w()),
            });
        }
        for d in floor.devices.iter().filter(|d| d.medium.is_wired()) {
            out.push(Endpoint {
                element_id: d.id.clone(),
                name: d.name.clone(),
                kind: EndpointKind::Device,
                port: None,
                floor: fi,
                position: d.position,
                height_m: d.height_m,
                medium: d.medium,
                poe_w: d.poe_w,
            });
        }
    }
    out.retain(|e| e.position.is_finite() && e.height_m.is_finite() && e.medium.is_wired());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::{AccessPoint, Device, Outlet, WifiBand};
    use crate::floor::Floor;
    use crate::props::Props;

    #[test]
    fn outlet_ports_aps_and_wired_devices() {
        let mut f = Floor::new("2", "L2", 7.2);
        f.outlets.push(Outlet {
            id: "o1".into(),
            name: "O-1".into(),
            position: Point::new(1.0, 1.0),
            ports: 2,
            height_m: 0.3,
            props: Props::new(),
        });
        f.access_points.push(AccessPoint {
            id: "ap1".into(),
            name: "AP-1".into(),
            position: Point::new(2.0, 1.0),
            model: None,
            radios: vec![crate::devices::Radio::new(WifiBand::Ghz5, 20.0)],
            height_m: 2.5,
            poe_w: Some(25.5),
            eirp_offset_db: None,
            props: Props::new(),
        });
        for (id, medium) in [("d1", Medium::Wireless), ("d2", Medium::Spe)] {
            f.devices.push(Device {
                id: id.into(),
                name: id.to_uppercase(),
                position: Point::new(3.0, 1.0),
                medium,
                tech: None,
                class: None,
                poe_w: None,
                height_m: 1.0,
                props: Props::new(),
            });
        }
        let p = Project {
            floors: vec![f],
            ..Project::default()
        };
        let e = wired_endpoints(&p);
        let labels: Vec<String> = e.iter().map(Endpoint::label).collect();
        assert_eq!(labels, ["O-1/1", "O-1/2", "AP-1", "D2"]);
        assert_eq!(e[3].medium, Medium::Spe);
        assert_eq!(e[1].location(&p), "floor \"2\", outlet \"O-1\" port 2");
    }

    #[test]
    fn an_access_point_draws_its_own_poe_its_model_s_or_25_5_w() {
        let mut f = Floor::new("1", "L1", 0.0);
        let ap = |id: &str| {
            AccessPoint::one_radio(
                id,
                id,
                Point::new(1.0, 1.0),
                crate::devices::Radio::new(WifiBand::Ghz5, 20.0),
            )
        };
        f.access_points.push(ap("plain"));
        let mut patch = ap("patch");
        patch.model = Some(crate::ap_models::names::DUAL_BAND_PATCH.into());
        f.access_points.push(patch);
        let mut own = ap("own");
        own.poe_w = Some(6.0);
        f.access_points.push(own);
        let p = Project {
            floors: vec![f],
            ..Project::default()
        };
        let w: Vec<Option<f64>> = wired_endpoints(&p).iter().map(|e| e.poe_w).collect();
        assert_eq!(w, [Some(25.5), Some(12.95), Some(6.0)]);
    }
}
