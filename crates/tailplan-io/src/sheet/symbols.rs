//! The symbols placed on plans, defined once in `<defs>` and placed with `<use>`: access
//! points, gateways by technology, devices by how they are connected, outlets, racks and
//! risers. Every symbol is drawn at the same paper size whatever the scale.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use tailplan_core::{IotTech, Medium};

use super::style;
use super::xml::N;

/// A symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Sym {
    /// A Wi-Fi access point.
    Ap,
    /// An IoT gateway of a technology.
    Gateway(IotTech),
    /// A device, by the way it is connected.
    Device(Medium),
    /// A data outlet.
    Outlet,
    /// A telecom room's rack.
    Rack,
    /// A riser.
    Riser,
}

impl Sym {
    /// Every symbol, in legend order.
    pub fn all() -> Vec<Sym> {
        let mut v = vec![Sym::Ap];
        v.extend(IotTech::ALL.map(Sym::Gateway));
        v.extend(Medium::ALL.map(Sym::Device));
        v.extend([Sym::Outlet, Sym::Rack, Sym::Riser]);
        v
    }

    /// The id of its definition.
    pub fn id(self) -> String {
        match self {
            Sym::Ap => "sym-ap".into(),
            Sym::Gateway(t) => format!("sym-gw-{}", t.as_str()),
            Sym::Device(m) => format!("sym-dev-{}", m.as_str()),
            Sym::Outlet => "sym-outlet".into(),
            Sym::Rack => "sym-rack".into(),
            Sym::Riser => "sym-riser".into(),
        }
    }

    /// Its half size, paper millimetres: what labels keep clear of.
    pub fn radius(self) -> f64 {
        match self {
            Sym::Ap => 2.3,
            Sym::Gateway(_) => 2.6,
            Sym::Device(_) => 1.5,
            Sym::Outlet => 2.0,
            Sym::Rack => 2.3,
            Sym::Riser => 2.0,
        }
    }

    /// What the legend calls it.
    pub fn legend(self) -> String {
        match self {
            Sym::Ap => "Wi-Fi access point".into(),
            Sym::Gateway(t) => format!("IoT gateway, {}", tech_name(t)),
            Sym::Device(Medium::Cat6a) => "Device on Cat6A".into(),
            Sym::Device(Medium::Spe) => "Device on single-pair Ethernet".into(),
            Sym::Device(Medium::Fiber) => "Device on fibre".into(),
            Sym::Device(Medium::Wireless) => "Wireless device".into(),
            Sym::Outlet => "Data outlet (with its cable ids)".into(),
            Sym::Rack => "Telecom room rack".into(),
            Sym::Riser => "Riser".into(),
        }
    }

    /// Its definition, centred on (0, 0).
    fn body(self) -> String {
        match self {
            Sym::Ap => "<circle r=\"2.3\" fill=\"#fff\" stroke=\"#0b4f8a\" stroke-width=\"0.35\"/>\
<path d=\"M-0.71,0.19A1 1 0 0 1 0.71,0.19M-1.27,-0.37A1.8 1.8 0 0 1 1.27,-0.37\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"0.3\"/>\
<circle cy=\"0.9\" r=\"0.35\" fill=\"#0b4f8a\"/>"
                .into(),
            Sym::Gateway(t) => {
                let c = style::tech_colour(t);
                format!(
                    "<path d=\"M0,-2.6L2.6,0L0,2.6L-2.6,0Z\" fill=\"#fff\" stroke=\"{c}\" stroke-width=\"0.35\"/>\
<path d=\"M0,-1.1L1.1,0L0,1.1L-1.1,0Z\" fill=\"{c}\"/>"
                )
            }
            Sym::Device(Medium::Wireless) => "<rect x=\"-1.4\" y=\"-1.4\" width=\"2.8\" height=\"2.8\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"0.25\" stroke-dasharray=\"0.6 0.4\"/>\
<circle r=\"0.45\" fill=\"#333\"/>"
                .into(),
            Sym::Device(m) => format!(
                "<rect x=\"-1.4\" y=\"-1.4\" width=\"2.8\" height=\"2.8\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.2\"/>",
                style::medium_colour(m)
            ),
            Sym::Outlet => "<path d=\"M-2,-1.45L2,-1.45L0,2Z\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.3\"/>\
<path d=\"M-0.9,-0.45L0.9,-0.45\" stroke=\"#000\" stroke-width=\"0.25\"/>"
                .into(),
            Sym::Rack => "<rect x=\"-2.3\" y=\"-1.5\" width=\"4.6\" height=\"3\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.3\"/>\
<path d=\"M-2.3,-1.5L2.3,1.5M-2.3,1.5L2.3,-1.5\" stroke=\"#000\" stroke-width=\"0.2\"/>"
                .into(),
            Sym::Riser => "<circle r=\"2\" fill=\"#fff\" stroke=\"#444\" stroke-width=\"0.3\"/>\
<path d=\"M-1.41,-1.41L1.41,1.41M-1.41,1.41L1.41,-1.41\" stroke=\"#444\" stroke-width=\"0.25\"/>"
                .into(),
        }
    }
}

/// A technology's name for people.
pub(crate) fn tech_name(t: IotTech) -> &'static str {
    match t {
        IotTech::Lorawan => "LoRaWAN",
        IotTech::Ble => "BLE",
        IotTech::Zigbee => "Zigbee",
        IotTech::Thread => "Thread",
    }
}

/// The symbols a sheet used, to define them and list them in the legend.
#[derive(Debug, Default, Clone)]
pub(crate) struct Used(pub BTreeSet<Sym>);

impl Used {
    /// Places `sym` at (x, y) and records it.
    pub fn place(&mut self, out: &mut String, sym: Sym, x: f64, y: f64) {
        self.0.insert(sym);
        let _ = writeln!(
            out,
            "<use xlink:href=\"#{}\" x=\"{}\" y=\"{}\"/>",
            sym.id(),
            N(x),
            N(y)
        );
    }

    /// The `<defs>` entries of the symbols used.
    pub fn defs(&self) -> String {
        let mut out = String::new();
        for s in &self.0 {
            let _ = writeln!(out, "<g id=\"{}\">{}</g>", s.id(), s.body());
        }
        out
    }
}
