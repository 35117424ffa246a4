//! The property panel's content: every field of the selected element's kind, as text, and
//! the element with one field set from the text a user typed.
//!
//! Parsing only turns text into values ("abc" is not a number); whether a value is possible
//! is the core's call: the editor applies the changed element with
//! [`tailplan_core::Project::apply`], which refuses an impossible value with its own message
//! and changes nothing.
//!
//! The property panel's component is `panel`.

pub(crate) mod panel;

use tailplan_core::routing::route_ends::RouteEnds;
use tailplan_core::routing::wired_endpoints;
use tailplan_core::{
    AccessPoint, AntennaMount, Element, Floor, IotTech, LossOverride, Medium, OpeningKind, Point,
    Project, ProjectMeta, Radio, WifiBand,
};

/// How a field is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Free text.
    Text,
    /// A number; `optional` ones may be left empty.
    Number {
        /// Empty means "not given".
        optional: bool,
    },
    /// A whole number.
    Integer {
        /// Empty means "not given".
        optional: bool,
    },
    /// One of a list: (value, caption).
    Choice(Vec<(String, String)>),
    /// On or off.
    Check,
    /// Shown, not edited.
    ReadOnly,
}

/// One row of the property panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The field's name in the project file (`tx_dbm`), which the core's messages use too;
    /// `radio2_tx_dbm` for a member of an access point's second radio.
    pub key: String,
    /// The caption.
    pub label: String,
    /// The unit, when there is one.
    pub unit: Option<&'static str>,
    /// The value as text (`true`/`false` for checks; empty when not given).
    pub value: String,
    /// How it is edited.
    pub input: Input,
}

fn field(
    key: impl Into<String>,
    label: impl Into<String>,
    unit: Option<&'static str>,
    value: String,
    input: Input,
) -> Field {
    Field {
        key: key.into(),
        label: label.into(),
        unit,
        value,
        input,
    }
}

/// A number as a field shows it: as short as it reads back exactly.
pub fn num(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

fn opt_num(v: Option<f64>) -> String {
    v.map(num).unwrap_or_default()
}

fn opt_int(v: Option<u32>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn choice<T: Copy>(
    all: &[T],
    value: impl Fn(T) -> &'static str,
    caption: impl Fn(T) -> String,
) -> Input {
    Input::Choice(
        all.iter()
            .map(|t| (value(*t).to_owned(), caption(*t)))
            .collect(),
    )
}

fn bands() -> Input {
    choice(&WifiBand::ALL, WifiBand::as_str, |b| {
        format!("{} GHz", b.as_str())
    })
}

fn techs(with_none: bool) -> Input {
    let mut c: Vec<(String, String)> = IotTech::ALL
        .iter()
        .map(|t| (t.as_str().to_owned(), tech_caption(*t).to_owned()))
        .collect();
    if with_none {
        c.insert(0, (String::new(), "—".to_owned()));
    }
    Input::Choice(c)
}

fn tech_caption(t: IotTech) -> &'static str {
    match t {
        IotTech::Lorawan => "LoRaWAN",
        IotTech::Ble => "Bluetooth LE",
        IotTech::Zigbee => "Zigbee",
        IotTech::Thread => "Thread",
    }
}

fn media() -> Input {
    choice(&Medium::ALL, Medium::as_str, |m| {
        match m {
            Medium::Cat6a => "Cat6A",
            Medium::Spe => "Single-pair Ethernet",
            Medium::Fiber => "Fibre",
            Medium::Wireless => "Wireless",
        }
        .to_owned()
    })
}

fn materials(project: &Project, with_none: bool) -> Input {
    let mut c: Vec<(String, String)> = project
        .materials
        .iter()
        .map(|m| (m.name.clone(), m.name.replace('_', " ")))
        .collect();
    if with_none {
        c.push((String::new(), "— (fixed loss)".to_owned()));
    }
    Input::Choice(c)
}

/// The room categories the capacity settings know (IMDF's unit categories, with their
/// densities), and none (the default density).
fn room_categories(project: &Project, current: Option<&str>) -> Input {
    let c = &project.settings.capacity;
    let mut out = vec![(
        String::new(),
        format!("— ({} people/m²)", c.default_people_per_m2),
    )];
    out.extend(
        c.people_per_m2
            .iter()
            .map(|(k, d)| (k.clone(), format!("{k} ({d} people/m²)"))),
    );
    if let Some(m) = current.filter(|m| !out.iter().any(|(k, _)| k == m)) {
        out.push((m.to_owned(), format!("{m} (default density)")));
    }
    Input::Choice(out)
}

/// The catalogue's models, and none (the access point's own radios).
fn ap_models(current: Option<&str>) -> Input {
    let mut c = vec![(String::new(), "— (own radios)".to_owned())];
    c.extend(
        tailplan_core::ap_models::catalogue()
            .iter()
            .map(|m| (m.name.to_owned(), m.name.to_owned())),
    );
    // A model the catalogue does not know stays selectable as it is.
    if let Some(m) = current.filter(|m| !c.iter().any(|(k, _)| k == m)) {
        c.push((m.to_owned(), format!("{m} (unknown)")));
    }
    Input::Choice(c)
}

/// The antenna patterns a radio may use: none (isotropic), the project's, the built-in ones.
fn antennas(project: &Project, current: Option<&str>) -> Input {
    let mut c = vec![(String::new(), "— (isotropic)".to_owned())];
    let names = project.antennas.iter().map(|p| p.name.clone()).chain(
        tailplan_core::antenna::builtin_patterns()
            .iter()
            .map(|p| p.name.clone()),
    );
    for n in names {
        if !c.iter().any(|(k, _)| *k == n) {
            c.push((n.clone(), n));
        }
    }
    if let Some(p) = current.filter(|p| !c.iter().any(|(k, _)| k == p)) {
        c.push((p.to_owned(), format!("{p} (not in the library)")));
    }
    Input::Choice(c)
}

/// The fields of an access point's radio `n` (from 1): `radioN_band`...
fn radio_fields(n: usize, r: &Radio, project: &Project) -> Vec<Field> {
    let key = |k: &str| format!("radio{n}_{k}");
    let label = |l: &str| format!("Radio {n} {l}");
    let widths = Input::Choice(
        Radio::WIDTHS_MHZ
            .iter()
            .map(|w| (w.to_string(), format!("{w} MHz")))
            .collect(),
    );
    let mut out = vec![
        field(
            key("band"),
            label("band"),
            None,
            r.band.as_str().to_owned(),
            bands(),
        ),
        field(
            key("channel"),
            label("channel"),
            None,
            opt_int(r.channel),
            Input::Integer { optional: true },
        ),
        field(
            key("width_mhz"),
            label("width"),
            None,
            r.width_mhz.to_string(),
            widths,
        ),
        field(
            key("tx_dbm"),
            label(if r.antenna.is_some() {
                "power"
            } else {
                "power (EIRP)"
            }),
            Some("dBm"),
            num(r.tx_dbm),
            Input::Number { optional: false },
        ),
        field(
            key("antenna"),
            label("antenna"),
            None,
            r.antenna
                .as_ref()
                .map(|a| a.pattern.clone())
                .unwrap_or_default(),
            antennas(project, r.antenna.as_ref().map(|a| a.pattern.as_str())),
        ),
    ];
    if let Some(a) = &r.antenna {
        out.push(field(
            key("azimuth_deg"),
            label("azimuth"),
            Some("°"),
            num(a.azimuth_deg),
            Input::Number { optional: false },
        ));
        out.push(field(
            key("tilt_deg"),
            label("tilt"),
            Some("°"),
            num(a.tilt_deg),
            Input::Number { optional: false },
        ));
    }
    out
}

/// Sets member `member` of the access point's radio `n` (from 1) from `text`. The access
/// point's radios become its own first (its model's, with its own in place, as they are), so
/// that what is edited is what it has.
fn set_radio_field(a: &mut AccessPoint, n: usize, member: &str, text: &str) -> Result<(), String> {
    let mut radios = a.effective_radios();
    let key = format!("radio{n}_{member}");
    let r = radios
        .get_mut(n.wrapping_sub(1))
        .ok_or_else(|| format!("the access point has no radio {n}"))?;
    match member {
        "band" => {
            r.band = WifiBand::parse(text)
                .ok_or_else(|| format!("band: “{}” is not 2.4, 5 or 6", text.trim()))?;
        }
        "channel" => r.channel = parse_opt_u32(&key, text)?,
        "width_mhz" => r.width_mhz = parse_u32(&key, text)?,
        "tx_dbm" => r.tx_dbm = parse_f64(&key, text)?,
        "antenna" => {
            let t = text.trim();
            r.antenna = match (t.is_empty(), r.antenna.take()) {
                (true, _) => None,
                (false, Some(mut m)) => {
                    m.pattern = t.to_owned();
                    Some(m)
                }
                (false, None) => Some(AntennaMount {
                    pattern: t.to_owned(),
                    azimuth_deg: 0.0,
                    tilt_deg: 0.0,
                }),
            };
        }
        "azimuth_deg" | "tilt_deg" => {
            let v = parse_f64(&key, text)?;
            let m = r
                .antenna
                .as_mut()
                .ok_or_else(|| format!("radio {n} has no antenna to turn"))?;
            if member == "azimuth_deg" {
                m.azimuth_deg = v;
            } else {
                m.tilt_deg = v;
            }
        }
        _ => return Err(format!("access point has no field {key}")),
    }
    a.radios = radios;
    Ok(())
}

/// Sets how many radios the access point has: new ones on the first band it lacks (5, then 6,
/// then 2.4 GHz) at 20 dBm; fewer drops the last ones. Its radios become its own.
fn set_radio_count(a: &mut AccessPoint, text: &str) -> Result<(), String> {
    let n = parse_u32("radios", text)? as usize;
    if !(1..=8).contains(&n) {
        return Err(format!("radios: {n} must be 1 to 8"));
    }
    let mut radios = a.effective_radios();
    radios.truncate(n);
    while radios.len() < n {
        let band = [WifiBand::Ghz5, WifiBand::Ghz6, WifiBand::Ghz2_4]
            .into_iter()
            .find(|b| !radios.iter().any(|r| r.band == *b))
            .unwrap_or(WifiBand::Ghz5);
        radios.push(Radio::new(band, 20.0));
    }
    a.radios = radios;
    Ok(())
}

fn position(p: Point) -> [Field; 2] {
    [
        field(
            "x",
            "X",
            Some("m"),
            num(p.x),
            Input::Number { optional: false },
        ),
        field(
            "y",
            "Y",
            Some("m"),
            num(p.y),
            Input::Number { optional: false },
        ),
    ]
}

fn name(n: &str) -> Field {
    field("name", "Name", None, n.to_owned(), Input::Text)
}

/// What the panel calls an element's kind: `Access point`.
pub fn kind_label(e: &Element) -> &'static str {
    match e {
        Element::Wall(_) => "Wall",
        Element::Opening(o) if o.kind == OpeningKind::Door => "Door",
        Element::Opening(_) => "Window",
        Element::Room(_) => "Room",
        Element::AccessPoint(_) => "Access point",
        Element::Gateway(_) => "IoT gateway",
        Element::Device(_) => "Device",
        Element::Outlet(_) => "Outlet",
        Element::TelecomRoom(_) => "Telecom room",
        Element::Tray(_) => "Cable tray",
        Element::Riser(_) => "Riser",
        Element::Route(_) => "Cable route",
        Element::Other(_) => "Other feature",
    }
}

/// Every field of the element's kind, in panel order.
pub fn fields(e: &Element, project: &Project) -> Vec<Field> {
    let length = |m: f64| {
        field(
            "length_m",
            "Length",
            Some("m"),
            format!("{m:.2}"),
            Input::ReadOnly,
        )
    };
    let mut out = Vec::new();
    match e {
        Element::Wall(w) => {
            out.push(field(
                "material",
                "Material",
                None,
                w.material.clone().unwrap_or_default(),
                materials(project, true),
            ));
            let loss = match w.loss_db {
                None => (String::new(), Input::Number { optional: true }),
                Some(LossOverride::Uniform(db)) => (num(db), Input::Number { optional: true }),
                Some(LossOverride::PerBand(l)) => (
                    format!(
                        "{} / {} / {} / {}",
                        num(l.sub_ghz),
                        num(l.ghz2_4),
                        num(l.ghz5),
                        num(l.ghz6)
                    ),
                    Input::ReadOnly,
                ),
            };
            out.push(field("loss_db", "Own loss", Some("dB"), loss.0, loss.1));
            out.push(field(
                "thickness_m",
                "Thickness",
                Some("m"),
                num(w.thickness_m),
                Input::Number { optional: false },
            ));
            out.push(length(w.shape.length()));
        }
        Element::Opening(o) => {
            out.push(field(
                "kind",
                "Kind",
                None,
                o.kind.as_str().to_owned(),
                Input::Choice(vec![
                    ("door".into(), "Door".into()),
                    ("window".into(), "Window".into()),
                ]),
            ));
            out.push(field(
                "material",
                "Material",
                None,
                o.material.clone(),
                materials(project, false),
            ));
            out.push(field(
                "open",
                "Open (no leaf)",
                None,
                o.open.to_string(),
                Input::Check,
            ));
            out.push(field(
                "width_m",
                "Width",
                Some("m"),
                format!("{:.2}", tailplan_core::geometry::polyline_length(&o.points)),
                Input::ReadOnly,
            ));
        }
        Element::Room(r) => {
            out.push(name(&r.name));
            out.push(field(
                "area_m2",
                "Area",
                Some("m²"),
                format!("{:.1}", r.area_m2()),
                Input::ReadOnly,
            ));
            out.push(field(
                "category",
                "Use",
                None,
                r.category.clone().unwrap_or_default(),
                room_categories(project, r.category.as_deref()),
            ));
            let density = project.settings.capacity.density(r.category.as_deref());
            out.push(field(
                "people",
                "People",
                None,
                opt_num(r.people),
                Input::Number { optional: true },
            ));
            out.push(field(
                "people_from_area",
                "By its use",
                Some("people"),
                format!("{:.0}", r.area_m2() * density),
                Input::ReadOnly,
            ));
        }
        Element::AccessPoint(a) => {
            out.push(name(&a.name));
            out.push(field(
                "model",
                "Model",
                None,
                a.model.clone().unwrap_or_default(),
                ap_models(a.model.as_deref()),
            ));
            let radios = a.effective_radios();
            out.push(field(
                "radios",
                "Radios",
                None,
                radios.len().to_string(),
                Input::Integer { optional: false },
            ));
            for (i, r) in radios.iter().enumerate() {
                out.extend(radio_fields(i + 1, r, project));
            }
            out.push(field(
                "height_m",
                "Height",
                Some("m"),
                num(a.height_m),
                Input::Number { optional: false },
            ));
            out.push(field(
                "poe_w",
                "PoE",
                Some("W"),
                opt_num(a.poe_w),
                Input::Number { optional: true },
            ));
            out.extend(position(a.position));
        }
        Element::Gateway(g) => {
            out.push(name(&g.name));
            out.push(field(
                "tech",
                "Technology",
                None,
                g.tech.as_str().to_owned(),
                techs(false),
            ));
            out.push(field(
                "tx_dbm",
                "Power (EIRP)",
                Some("dBm"),
                num(g.tx_dbm),
                Input::Number { optional: false },
            ));
            out.push(field(
                "height_m",
                "Height",
                Some("m"),
                num(g.height_m),
                Input::Number { optional: false },
            ));
            out.extend(position(g.position));
        }
        Element::Device(d) => {
            out.push(name(&d.name));
            out.push(field(
                "medium",
                "Connection",
                None,
                d.medium.as_str().to_owned(),
                media(),
            ));
            out.push(field(
                "tech",
                "Wireless tech",
                None,
                d.tech.map(|t| t.as_str().to_owned()).unwrap_or_default(),
                techs(true),
            ));
            out.push(field(
                "class",
                "Class",
                None,
                d.class().to_owned(),
                Input::Text,
            ));
            out.push(field(
                "poe_w",
                "PoE",
                Some("W"),
                opt_num(d.poe_w),
                Input::Number { optional: true },
            ));
            out.push(field(
                "height_m",
                "Height",
                Some("m"),
                num(d.height_m),
                Input::Number { optional: false },
            ));
            out.extend(position(d.position));
        }
        Element::Outlet(o) => {
            out.push(name(&o.name));
            out.push(field(
                "ports",
                "Ports",
                None,
                o.ports.to_string(),
                Input::Integer { optional: false },
            ));
            out.push(field(
                "height_m",
                "Height",
                Some("m"),
                num(o.height_m),
                Input::Number { optional: false },
            ));
            out.extend(position(o.position));
        }
        Element::TelecomRoom(t) => {
            out.push(name(&t.name));
            out.push(field(
                "ports",
                "Ports",
                None,
                t.ports.to_string(),
                Input::Integer { optional: false },
            ));
            out.push(field(
                "poe_budget_w",
                "PoE budget",
                Some("W"),
                opt_num(t.poe_budget_w),
                Input::Number { optional: true },
            ));
            out.extend(position(t.position));
        }
        Element::Tray(t) => {
            out.push(name(&t.name));
            out.push(field(
                "width_mm",
                "Width",
                Some("mm"),
                opt_num(t.width_mm),
                Input::Number { optional: true },
            ));
            out.push(field(
                "depth_mm",
                "Depth",
                Some("mm"),
                opt_num(t.depth_mm),
                Input::Number { optional: true },
            ));
            out.push(field(
                "capacity",
                "Capacity",
                Some("cables"),
                opt_int(t.capacity),
                Input::Integer { optional: true },
            ));
            out.push(field(
                "height_m",
                "Height",
                Some("m"),
                opt_num(t.height_m),
                Input::Number { optional: true },
            ));
            out.push(length(t.length_m()));
        }
        Element::Riser(r) => {
            out.push(name(&r.name));
            out.extend(position(r.position));
        }
        Element::Route(r) => {
            // Stored by id; shown by the names a user knows.
            let endpoints = wired_endpoints(project);
            let ends = RouteEnds::new(project, &endpoints);
            let floor = route_floor(project, &r.id);
            let (from, to) = (ends.endpoint_label(&r.from), ends.room_label(&r.to, floor));
            out.push(field("from", "From", None, from, Input::Text));
            out.push(field("to", "To", None, to, Input::Text));
            out.push(length(r.length_m()));
        }
        Element::Other(o) => {
            out.push(field(
                "kind",
                "Kind",
                None,
                o.kind().unwrap_or("unknown").to_owned(),
                Input::ReadOnly,
            ));
        }
    }
    out
}

fn parse_f64(key: &str, text: &str) -> Result<f64, String> {
    let t = text.trim().replace(',', ".");
    t.parse::<f64>()
        .map_err(|_| format!("{key}: “{}” is not a number", text.trim()))
}

fn parse_opt_f64(key: &str, text: &str) -> Result<Option<f64>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_f64(key, text).map(Some)
    }
}

fn parse_u32(key: &str, text: &str) -> Result<u32, String> {
    text.trim().parse::<u32>().map_err(|_| {
        format!(
            "{key}: “{}” is not a whole number of 0 or more",
            text.trim()
        )
    })
}

fn parse_opt_u32(key: &str, text: &str) -> Result<Option<u32>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_u32(key, text).map(Some)
    }
}

fn parse_bool(key: &str, text: &str) -> Result<bool, String> {
    match text.trim() {
        "true" | "on" | "yes" | "1" => Ok(true),
        "false" | "off" | "no" | "0" | "" => Ok(false),
        other => Err(format!("{key}: “{other}” is neither yes nor no")),
    }
}

fn set<T>(slot: &mut T, value: T) -> Result<(), String> {
    *slot = value;
    Ok(())
}

fn unknown(key: &str, e: &Element) -> String {
    format!("{} has no field {key}", kind_label(e).to_lowercase())
}

fn set_position(p: &mut Point, key: &str, text: &str) -> Result<(), String> {
    match key {
        "x" => p.x = parse_f64(key, text)?,
        "y" => p.y = parse_f64(key, text)?,
        _ => return Err(format!("no field {key}")),
    }
    Ok(())
}

/// The element with field `key` set from `text`; an error when the text does not parse.
/// Whether the value is possible is left to the core (see the module documentation).
pub fn set_field(e: &Element, key: &str, text: &str) -> Result<Element, String> {
    let message = unknown(key, e);
    let bad = || message.clone();
    let mut e = e.clone();
    let err = match &mut e {
        Element::Wall(w) => match key {
            "material" => {
                let t = text.trim();
                w.material = (!t.is_empty()).then(|| t.to_owned());
                if w.material.is_none() && w.loss_db.is_none() {
                    // A wall without a material needs its own loss: keep what it had.
                    w.loss_db = Some(LossOverride::Uniform(0.0));
                }
                Ok(())
            }
            "loss_db" => parse_opt_f64(key, text).map(|v| w.loss_db = v.map(LossOverride::Uniform)),
            "thickness_m" => parse_f64(key, text).map(|v| w.thickness_m = v),
            _ => Err(bad()),
        },
        Element::Opening(o) => match key {
            "kind" => match text.trim() {
                "door" => set(&mut o.kind, OpeningKind::Door),
                "window" => set(&mut o.kind, OpeningKind::Window),
                other => Err(format!("kind: “{other}” is neither door nor window")),
            },
            "material" => set(&mut o.material, text.trim().to_owned()),
            "open" => parse_bool(key, text).map(|v| o.open = v),
            _ => Err(bad()),
        },
        Element::Room(r) => match key {
            "name" => set(&mut r.name, text.trim().to_owned()),
            "category" => {
                let t = text.trim();
                r.category = (!t.is_empty()).then(|| t.to_owned());
                Ok(())
            }
            "people" => parse_opt_f64(key, text).map(|v| r.people = v),
            _ => Err(bad()),
        },
        Element::AccessPoint(a) => match key {
            "name" => set(&mut a.name, text.trim().to_owned()),
            "model" => {
                let t = text.trim();
                if t.is_empty() {
                    // No model: what it had becomes its own.
                    a.radios = a.effective_radios();
                    a.model = None;
                } else {
                    // A model: its radios, nothing of the old ones.
                    a.model = Some(t.to_owned());
                    a.radios.clear();
                }
                Ok(())
            }
            "radios" => set_radio_count(a, text),
            k if k.starts_with("radio") => {
                let rest = &k["radio".len()..];
                match rest.split_once('_') {
                    Some((n, member)) if n.parse::<usize>().is_ok() => {
                        set_radio_field(a, n.parse().unwrap_or(0), member, text)
                    }
                    _ => Err(bad()),
                }
            }
            "height_m" => parse_f64(key, text).map(|v| a.height_m = v),
            "poe_w" => parse_opt_f64(key, text).map(|v| a.poe_w = v),
            "x" | "y" => set_position(&mut a.position, key, text),
            _ => Err(bad()),
        },
        Element::Gateway(g) => match key {
            "name" => set(&mut g.name, text.trim().to_owned()),
            "tech" => IotTech::parse(text).map(|t| g.tech = t).ok_or_else(|| {
                format!(
                    "tech: “{}” is not lorawan, ble, zigbee or thread",
                    text.trim()
                )
            }),
            "tx_dbm" => parse_f64(key, text).map(|v| g.tx_dbm = v),
            "height_m" => parse_f64(key, text).map(|v| g.height_m = v),
            "x" | "y" => set_position(&mut g.position, key, text),
            _ => Err(bad()),
        },
        Element::Device(d) => match key {
            "name" => set(&mut d.name, text.trim().to_owned()),
            "medium" => Medium::parse(text).map(|m| d.medium = m).ok_or_else(|| {
                format!(
                    "medium: “{}” is not cat6a, spe, fiber or wireless",
                    text.trim()
                )
            }),
            // Empty, or the default class a device without one shows: none given.
            "class" => {
                let unchanged = d.class.is_none() && text.trim() == d.class();
                let class = Some(text.trim().to_owned()).filter(|c| !c.is_empty() && !unchanged);
                set(&mut d.class, class)
            }
            "tech" if text.trim().is_empty() => set(&mut d.tech, None),
            "tech" => IotTech::parse(text)
                .map(|t| d.tech = Some(t))
                .ok_or_else(|| {
                    format!(
                        "tech: “{}” is not lorawan, ble, zigbee or thread",
                        text.trim()
                    )
                }),
            "poe_w" => parse_opt_f64(key, text).map(|v| d.poe_w = v),
            "height_m" => parse_f64(key, text).map(|v| d.height_m = v),
            "x" | "y" => set_position(&mut d.position, key, text),
            _ => Err(bad()),
        },
        Element::Outlet(o) => match key {
            "name" => set(&mut o.name, text.trim().to_owned()),
            "ports" => parse_u32(key, text).map(|v| o.ports = v),
            "height_m" => parse_f64(key, text).map(|v| o.height_m = v),
            "x" | "y" => set_position(&mut o.position, key, text),
            _ => Err(bad()),
        },
        Element::TelecomRoom(t) => match key {
            "name" => set(&mut t.name, text.trim().to_owned()),
            "ports" => parse_u32(key, text).map(|v| t.ports = v),
            "poe_budget_w" => parse_opt_f64(key, text).map(|v| t.poe_budget_w = v),
            "x" | "y" => {
                // The outline moves with the rack.
                let before = t.position;
                set_position(&mut t.position, key, text).map(|()| {
                    let (dx, dy) = (t.position.x - before.x, t.position.y - before.y);
                    if let Some(o) = &mut t.outline {
                        for q in o.exterior.iter_mut().chain(o.holes.iter_mut().flatten()) {
                            q.x += dx;
                            q.y += dy;
                        }
                    }
                })
            }
            _ => Err(bad()),
        },
        Element::Tray(t) => match key {
            "name" => set(&mut t.name, text.trim().to_owned()),
            "width_mm" => parse_opt_f64(key, text).map(|v| t.width_mm = v),
            "depth_mm" => parse_opt_f64(key, text).map(|v| t.depth_mm = v),
            "capacity" => parse_opt_u32(key, text).map(|v| t.capacity = v),
            "height_m" => parse_opt_f64(key, text).map(|v| t.height_m = v),
            _ => Err(bad()),
        },
        Element::Riser(r) => match key {
            "name" => set(&mut r.name, text.trim().to_owned()),
            "x" | "y" => set_position(&mut r.position, key, text),
            _ => Err(bad()),
        },
        Element::Route(r) => match key {
            "from" => set(&mut r.from, text.trim().to_owned()),
            "to" => set(&mut r.to, text.trim().to_owned()),
            _ => Err(bad()),
        },
        Element::Other(_) => Err(bad()),
    };
    err.map(|()| e)
}

/// The index of the floor holding the route `id` (0 when none does).
fn route_floor(project: &Project, id: &str) -> usize {
    project
        .floors
        .iter()
        .position(|f| f.routes.iter().any(|r| r.id == id))
        .unwrap_or(0)
}

/// The text to store for a route's `from` or `to` typed as `text`: the id of the endpoint or
/// room it names (so that renaming them keeps the route), or the text itself when it names
/// nothing (routing then reports it). Other fields' text is returned as it is.
pub fn route_end_by_id(project: &Project, e: &Element, key: &str, text: &str) -> String {
    let Element::Route(r) = e else {
        return text.to_owned();
    };
    let endpoints = wired_endpoints(project);
    let ends = RouteEnds::new(project, &endpoints);
    let trimmed = text.trim();
    let id = match key {
        "from" => ends.endpoint_id(trimmed),
        "to" => ends.room_id(trimmed, route_floor(project, &r.id)),
        _ => None,
    };
    id.unwrap_or_else(|| text.to_owned())
}

/// The fields of a floor: name, elevation, ceiling height and the material of its slab (the
/// loss between it and the floor below; none for the radio settings' floor loss).
pub fn floor_fields(f: &Floor, project: &Project) -> Vec<Field> {
    let mut slab: Vec<(String, String)> = project
        .materials
        .iter()
        .map(|m| (m.name.clone(), m.name.replace('_', " ")))
        .collect();
    slab.push((String::new(), "— (the floor loss setting)".to_owned()));
    vec![
        field("name", "Name", None, f.name.clone(), Input::Text),
        field(
            "elevation_m",
            "Elevation",
            Some("m"),
            num(f.elevation_m),
            Input::Number { optional: false },
        ),
        field(
            "ceiling_m",
            "Ceiling height",
            Some("m"),
            num(f.ceiling_m),
            Input::Number { optional: false },
        ),
        field(
            SLAB_MATERIAL,
            "Slab material",
            None,
            f.slab_material.clone().unwrap_or_default(),
            Input::Choice(slab),
        ),
    ]
}

/// The floor field of its slab's material, set by its own edit.
pub const SLAB_MATERIAL: &str = "slab_material";

/// A floor's (name, elevation, ceiling) with field `key` set from `text`.
pub fn set_floor_field(f: &Floor, key: &str, text: &str) -> Result<(String, f64, f64), String> {
    let (mut name, mut elevation, mut ceiling) = (f.name.clone(), f.elevation_m, f.ceiling_m);
    match key {
        "name" => name = text.trim().to_owned(),
        "elevation_m" => elevation = parse_f64(key, text)?,
        "ceiling_m" => ceiling = parse_f64(key, text)?,
        _ => return Err(format!("a floor has no field {key}")),
    }
    Ok((name, elevation, ceiling))
}

/// The fields of the project's names.
pub fn meta_fields(m: &ProjectMeta) -> Vec<Field> {
    vec![
        field("name", "Project", None, m.name.clone(), Input::Text),
        field(
            "building",
            "Building",
            None,
            m.building.clone(),
            Input::Text,
        ),
        field(
            "drawn_by",
            "Drawn by",
            None,
            m.drawn_by.clone(),
            Input::Text,
        ),
        field(
            "revision",
            "Revision",
            None,
            m.revision.clone(),
            Input::Text,
        ),
    ]
}

/// The project's names with field `key` set to `text`.
pub fn set_meta_field(m: &ProjectMeta, key: &str, text: &str) -> Result<ProjectMeta, String> {
    let mut m = m.clone();
    let v = text.trim().to_owned();
    match key {
        "name" => m.name = v,
        "building" => m.building = v,
        "drawn_by" => m.drawn_by = v,
        "revision" => m.revision = v,
        _ => return Err(format!("the project has no field {key}")),
    }
    Ok(m)
}

/// What the property panel shows.
#[derive(Clone, PartialEq)]
pub enum Subject {
    /// Nothing open.
    Nothing,
    /// The floor and the project (nothing selected).
    Floor {
        /// The floor's fields.
        floor: Vec<Field>,
        /// The project's names.
        meta: Vec<Field>,
    },
    /// One element.
    Element {
        /// Its id.
        id: String,
        /// `Access point`.
        kind: &'static str,
        /// Its fields.
        fields: Vec<Field>,
        /// What the core warns about it.
        warnings: Vec<String>,
    },
    /// Several elements: how many of each kind.
    Many(Vec<(&'static str, usize)>),
}

impl Subject {
    /// What the panel shows for `selection` in `project` on the floor `floor_id`.
    pub fn of(project: Option<&Project>, floor_id: Option<&str>, selection: &[String]) -> Subject {
        let Some(project) = project else {
            return Subject::Nothing;
        };
        match selection {
            [] => match floor_id.and_then(|id| project.floor(id)) {
                Some(f) => Subject::Floor {
                    floor: floor_fields(f, project),
                    meta: meta_fields(&project.meta),
                },
                None => Subject::Nothing,
            },
            [id] => match project.element(id) {
                Some((_, e)) => {
                    let warnings = tailplan_core::validate::validate_element(&e, project, "")
                        .into_iter()
                        .filter(|d| !d.is_error())
                        .map(|d| d.message)
                        .collect();
                    Subject::Element {
                        id: id.clone(),
                        kind: kind_label(&e),
                        fields: fields(&e, project),
                        warnings,
                    }
                }
                None => Subject::Nothing,
            },
            many => {
                let mut counts: Vec<(&'static str, usize)> = Vec::new();
                for e in many
                    .iter()
                    .filter_map(|id| project.element(id))
                    .map(|(_, e)| e)
                {
                    let k = kind_label(&e);
                    match counts.iter_mut().find(|(n, _)| *n == k) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((k, 1)),
                    }
                }
                Subject::Many(counts)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use tailplan_core::{Edit, Props};

    use super::*;
    use crate::plan::elements::{NewElement, make};
    use crate::state::tools::Tool;

    fn project_with(tool: Tool, points: &[Point]) -> (Project, Element) {
        let mut p = Project::new();
        p.floors.push(Floor::new("1", "L1", 0.0));
        let with = NewElement {
            wall_material: "brick".into(),
            route_ends: Some(("ap-1".into(), "tr-1".into())),
        };
        let e = make(tool, points, &p, &with).unwrap();
        p.apply(Edit::AddElement {
            floor: "1".into(),
            element: e.clone(),
            index: None,
        })
        .unwrap();
        (p, e)
    }

    const ONE: [Point; 1] = [Point::new(1.0, 2.0)];
    const TWO: [Point; 2] = [Point::new(0.0, 0.0), Point::new(3.0, 4.0)];
    const THREE: [Point; 3] = [
        Point::new(0.0, 0.0),
        Point::new(3.0, 0.0),
        Point::new(3.0, 3.0),
    ];

    #[test]
    fn every_kind_lists_its_fields_and_each_editable_field_sets_back() {
        for tool in crate::state::tools::Tool::ALL {
            let pts: &[Point] = match tool.min_points() {
                0 => &ONE,
                2 => &TWO,
                _ => &THREE,
            };
            let Some(_) = tool.makes() else { continue };
            let (p, e) = project_with(tool, pts);
            let fs = fields(&e, &p);
            assert!(!fs.is_empty(), "{tool:?}");
            for f in fs.iter().filter(|f| f.input != Input::ReadOnly) {
                // Setting a field to the text it shows gives the same element back.
                let same = set_field(&e, &f.key, &f.value)
                    .unwrap_or_else(|m| panic!("{tool:?} {}: {m}", f.key));
                if !(tool == Tool::Wall && f.key == "material") {
                    assert_eq!(same, e, "{tool:?} {}", f.key);
                }
            }
        }
    }

    #[test]
    fn route_ends_show_names_and_store_ids() {
        let (mut p, _) = project_with(Tool::AccessPoint, &ONE);
        let (_, room) = project_with(Tool::TelecomRoom, &ONE);
        p.apply(Edit::AddElement {
            floor: "1".into(),
            element: room.clone(),
            index: None,
        })
        .unwrap();
        let ap = p.floors[0].access_points[0].clone();
        let mut route = make(
            Tool::Route,
            &TWO,
            &p,
            &NewElement {
                wall_material: String::new(),
                route_ends: Some((ap.id.clone(), room.id().to_owned())),
            },
        )
        .unwrap();
        p.apply(Edit::AddElement {
            floor: "1".into(),
            element: route.clone(),
            index: None,
        })
        .unwrap();
        let shown: Vec<String> = fields(&route, &p)
            .into_iter()
            .filter(|f| f.key == "from" || f.key == "to")
            .map(|f| f.value)
            .collect();
        let Element::TelecomRoom(tr) = &room else {
            panic!()
        };
        assert_eq!(shown, [ap.name.clone(), tr.name.clone()]);
        // Typing a name stores the id; what names nothing is kept for routing to report.
        assert_eq!(route_end_by_id(&p, &route, "from", &ap.name), ap.id);
        assert_eq!(
            route_end_by_id(&p, &route, "to", &format!(" {} ", tr.name)),
            tr.id
        );
        assert_eq!(route_end_by_id(&p, &route, "from", "AP-9"), "AP-9");
        route = set_field(&route, "from", "AP-9").unwrap();
        assert!(matches!(&route, Element::Route(r) if r.from == "AP-9"));
    }

    #[test]
    fn bad_text_is_refused_and_impossible_values_are_left_to_the_core() {
        let (mut p, e) = project_with(Tool::AccessPoint, &ONE);
        assert_eq!(
            set_field(&e, "radio1_tx_dbm", "loud").unwrap_err(),
            "radio1_tx_dbm: “loud” is not a number"
        );
        assert_eq!(
            set_field(&e, "radio1_channel", "-3").unwrap_err(),
            "radio1_channel: “-3” is not a whole number of 0 or more"
        );
        assert_eq!(
            set_field(&e, "radio2_channel", "36").unwrap_err(),
            "the access point has no radio 2"
        );
        assert!(
            set_field(&e, "colour", "red")
                .unwrap_err()
                .contains("no field colour")
        );
        // 400 dBm parses; the core refuses it with its own message.
        let loud = set_field(&e, "radio1_tx_dbm", "400").unwrap();
        let before = p.clone();
        let err = p.apply(Edit::ReplaceElement { element: loud }).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ap \"ap-1\": tx_dbm 400 must be at least -30 and at most 60"
        );
        assert_eq!(p, before);
        // Commas are decimal points too; empty optionals are "not given".
        let Element::AccessPoint(a) = set_field(&e, "height_m", "2,75").unwrap() else {
            panic!()
        };
        assert_eq!(a.height_m, 2.75);
        let Element::AccessPoint(a) = set_field(&e, "poe_w", " ").unwrap() else {
            panic!()
        };
        assert_eq!(a.poe_w, None);
    }

    #[test]
    fn an_access_point_s_model_radios_and_antennas() {
        use tailplan_core::antenna::builtin;
        use tailplan_core::ap_models::names;
        let (p, e) = project_with(Tool::AccessPoint, &ONE);
        let keys =
            |e: &Element| -> Vec<String> { fields(e, &p).into_iter().map(|f| f.key).collect() };
        assert!(keys(&e).starts_with(&[
            "name".into(),
            "model".into(),
            "radios".into(),
            "radio1_band".into(),
            "radio1_channel".into(),
            "radio1_width_mhz".into(),
            "radio1_tx_dbm".into(),
            "radio1_antenna".into(),
            "height_m".into(),
        ]));
        // A model: its three radios, shown one by one.
        let tri = set_field(&e, "model", names::TRI_BAND_CEILING).unwrap();
        let Element::AccessPoint(a) = &tri else {
            panic!()
        };
        assert!(a.radios.is_empty());
        let k = keys(&tri);
        assert!(k.contains(&"radio3_tilt_deg".to_owned()), "{k:?}");
        let f = fields(&tri, &p);
        let value = |key: &str| f.iter().find(|f| f.key == key).unwrap().value.clone();
        assert_eq!(value("radios"), "3");
        assert_eq!(value("radio2_band"), "5");
        assert_eq!(value("radio2_antenna"), builtin::OMNI_CEILING);
        // Editing one radio makes the radios its own, the others as they were.
        let turned = set_field(&tri, "radio2_azimuth_deg", "90").unwrap();
        let Element::AccessPoint(a) = &turned else {
            panic!()
        };
        assert_eq!(a.radios.len(), 3);
        assert_eq!(a.radios[1].antenna.as_ref().unwrap().azimuth_deg, 90.0);
        assert_eq!(
            a.effective_radios()[0],
            a.catalogue_model().unwrap().radios[0]
        );
        // No model again: what it had stays.
        let own = set_field(&turned, "model", "").unwrap();
        let Element::AccessPoint(b) = &own else {
            panic!()
        };
        assert_eq!(
            (b.model.as_deref(), b.effective_radios()),
            (None, a.effective_radios())
        );
        // Fewer radios, more radios (on the band it lacks), an antenna and none.
        let two = set_field(&own, "radios", "2").unwrap();
        let Element::AccessPoint(b) = &two else {
            panic!()
        };
        assert_eq!(b.radios.len(), 2);
        let Element::AccessPoint(b) = set_field(&two, "radios", "3").unwrap() else {
            panic!()
        };
        assert_eq!(b.radios[2].band, WifiBand::Ghz6);
        assert!(
            set_field(&two, "radios", "0")
                .unwrap_err()
                .contains("1 to 8")
        );
        let Element::AccessPoint(b) = set_field(&e, "radio1_antenna", builtin::PATCH_70).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            b.radios[0].antenna.as_ref().unwrap().pattern,
            builtin::PATCH_70
        );
        assert_eq!(
            set_field(&e, "radio1_tilt_deg", "5").unwrap_err(),
            "radio 1 has no antenna to turn"
        );
        let Element::AccessPoint(b) =
            set_field(&Element::AccessPoint(b), "radio1_antenna", "").unwrap()
        else {
            panic!()
        };
        assert!(b.radios[0].antenna.is_none());
        // The choices: the catalogue and the built-in patterns.
        let f = fields(&e, &p);
        let choices = |key: &str| match &f.iter().find(|f| f.key == key).unwrap().input {
            Input::Choice(c) => c.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert!(choices("model").contains(&names::OUTDOOR.to_owned()));
        assert!(choices("radio1_antenna").contains(&builtin::OMNI_OUTDOOR.to_owned()));
        assert_eq!(choices("radio1_width_mhz").len(), 5);
    }

    #[test]
    fn walls_telecom_rooms_floors_and_names() {
        let (p, e) = project_with(Tool::Wall, &TWO);
        let fs = fields(&e, &p);
        assert_eq!(fs[0].value, "brick");
        assert_eq!(fs.last().unwrap().value, "5.00");
        let Element::Wall(w) = set_field(&e, "material", "").unwrap() else {
            panic!()
        };
        assert_eq!(
            (w.material, w.loss_db),
            (None, Some(LossOverride::Uniform(0.0)))
        );
        let Element::Wall(w) = set_field(&e, "loss_db", "7.5").unwrap() else {
            panic!()
        };
        assert_eq!(w.loss_db, Some(LossOverride::Uniform(7.5)));

        let tr = Element::TelecomRoom(tailplan_core::TelecomRoom {
            id: "tr".into(),
            name: "TR".into(),
            position: Point::new(1.0, 1.0),
            outline: Some(tailplan_core::Polygon::rect(
                Point::new(0.0, 0.0),
                Point::new(2.0, 2.0),
            )),
            ports: 1,
            poe_budget_w: None,
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: Props::new(),
        });
        let Element::TelecomRoom(t) = set_field(&tr, "x", "11").unwrap() else {
            panic!()
        };
        assert_eq!(t.outline.unwrap().exterior[0], Point::new(10.0, 0.0));

        let f = Floor::new("1", "L1", 3.5);
        let project = Project::new();
        let fields = floor_fields(&f, &project);
        assert_eq!(fields[2].value, "2.8");
        // The slab: any library material, or none.
        assert_eq!(
            (fields[3].key.as_str(), fields[3].value.as_str()),
            (SLAB_MATERIAL, "")
        );
        let Input::Choice(ref choices) = fields[3].input else {
            panic!("{:?}", fields[3].input)
        };
        assert!(choices.iter().any(|(v, _)| v == "concrete"));
        assert!(choices.iter().any(|(v, _)| v.is_empty()));
        assert_eq!(
            set_floor_field(&f, "ceiling_m", "3").unwrap(),
            ("L1".into(), 3.5, 3.0)
        );
        assert!(set_floor_field(&f, "ceiling_m", "x").is_err());
        let m = set_meta_field(&ProjectMeta::default(), "name", " HQ ").unwrap();
        assert_eq!(m.name, "HQ");
        assert_eq!(meta_fields(&m)[0].value, "HQ");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(-3.0), "-3");
    }
}
