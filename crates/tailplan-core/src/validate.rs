//! Checks that a project's values are possible: finite coordinates, positive thicknesses,
//! unique ids, known materials. Used when a project file is opened and before an edit lands.

use std::collections::HashSet;

use crate::antenna::AntennaLibrary;
use crate::channels::RegDomain;
use crate::devices::{Radio, WifiBand};
use crate::diagnostics::{Diagnostic, Num};
use crate::element::Element;
use crate::geometry::{Point, Shape};
use crate::project::Project;

/// Impossible values of the capacity settings.
fn capacity_settings(c: &crate::settings::CapacitySettings) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut check = |name: &str, x: f64, hi: f64| {
        if !(x.is_finite() && (0.0..=hi).contains(&x)) {
            out.push(Diagnostic::error(
                format!("settings.capacity.{name}"),
                format!("{} must be at least 0 and at most {}", Num(x), Num(hi)),
            ));
        }
    };
    for (category, &d) in &c.people_per_m2 {
        check(&format!("people_per_m2.{category}"), d, 10.0);
    }
    check("default_people_per_m2", c.default_people_per_m2, 10.0);
    check("devices_per_person", c.devices_per_person, 100.0);
    check("band_share_percent.2.4", c.band_share_percent.ghz2_4, 100.0);
    check("band_share_percent.5", c.band_share_percent.ghz5, 100.0);
    check("band_share_percent.6", c.band_share_percent.ghz6, 100.0);
    check(
        "airtime_per_client_percent",
        c.airtime_per_client_percent,
        100.0,
    );
    check("max_clients_per_radio", c.max_clients_per_radio, 1e4);
    check("max_airtime_percent", c.max_airtime_percent, 1e4);
    if !(c.association_dbm.is_finite() && (-120.0..=0.0).contains(&c.association_dbm)) {
        out.push(Diagnostic::error(
            "settings.capacity.association_dbm",
            format!("{} must be between -120 and 0 dBm", Num(c.association_dbm)),
        ));
    }
    out
}

/// Impossible values of the campus: its buildings, ducts, switch models and the cabling and
/// backbone settings; the ids of buildings and ducts go into `ids`.
fn campus(project: &Project, ids: &mut HashSet<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let c = &project.settings.cabling;
    for (name, x) in [
        ("patch_cord_m", c.patch_cord_m),
        ("work_area_cord_m", c.work_area_cord_m),
    ] {
        if !(x.is_finite() && (0.0..=100.0).contains(&x)) {
            out.push(Diagnostic::error(
                format!("settings.cabling.{name}"),
                format!("{} must be at least 0 and at most 100 m", Num(x)),
            ));
        }
    }
    if c.poe_bundle_max == 0 {
        out.push(Diagnostic::error(
            "settings.cabling.poe_bundle_max",
            "must be at least 1 cable",
        ));
    }
    let b = &project.settings.backbone;
    if !(1..=576).contains(&b.cores) {
        out.push(Diagnostic::error(
            "settings.backbone.cores",
            format!("{} must be 1 to 576", b.cores),
        ));
    }
    if let Some(m) = b.max_length_m
        && !(m.is_finite() && m > 0.0 && m <= 100_000.0)
    {
        out.push(Diagnostic::error(
            "settings.backbone.max_length_m",
            format!("{} must be above 0 and at most 100 km", Num(m)),
        ));
    }
    for m in &project.switch_models {
        if let Some(problem) = m.problem() {
            out.push(Diagnostic::error(
                format!("switch model \"{}\"", m.name),
                problem,
            ));
        }
    }
    let model = &project.settings.switching.model;
    if crate::campus::switch_model(&project.switch_models, model).is_none() {
        out.push(Diagnostic::error(
            "settings.switching.model",
            format!("\"{model}\" is neither the project's nor a built-in switch model"),
        ));
    }
    for bl in &project.buildings {
        let at = format!("building \"{}\"", bl.id);
        if bl.id.is_empty() {
            out.push(Diagnostic::error(&at, "the id is empty"));
        }
        if !ids.insert(bl.id.clone()) {
            out.push(Diagnostic::error(
                &at,
                "another building or element has the same id",
            ));
        }
        if let Some(f) = &bl.footprint
            && (f.exterior.len() < 3 || f.exterior.iter().any(|p| !p.is_finite()))
        {
            out.push(Diagnostic::error(
                &at,
                "the footprint needs 3 or more finite points",
            ));
        }
    }
    for d in &project.ducts {
        let at = format!("duct \"{}\"", d.id);
        if d.id.is_empty() {
            out.push(Diagnostic::error(&at, "the id is empty"));
        }
        if !ids.insert(d.id.clone()) {
            out.push(Diagnostic::error(
                &at,
                "another duct or element has the same id",
            ));
        }
        if d.points.len() < 2 || d.points.iter().any(|p| !p.is_finite()) {
            out.push(Diagnostic::error(
                &at,
                "the duct needs 2 or more finite points",
            ));
        }
    }
    if !project.buildings.is_empty() {
        for f in &project.floors {
            if let Some(b) = &f.building
                && !project.buildings.iter().any(|x| &x.id == b)
            {
                out.push(Diagnostic::warning(
                    format!("floor \"{}\"", f.id),
                    format!("building \"{b}\" is not one of the project's buildings: it stands as a building of its own"),
                ));
            }
        }
    }
    out
}

/// Every problem of the project: errors make it unusable, warnings are worth a look.
///
/// ```
/// use tailplan_core::validate::validate_project;
/// use tailplan_core::{Floor, Project};
///
/// let mut project = Project::new();
/// project.floors.push(Floor::new("1", "Level 1", 0.0));
/// assert!(validate_project(&project).iter().all(|d| !d.is_error()));
/// project.floors.push(Floor::new("1", "Level 1 again", 3.5));
/// let problems = validate_project(&project);
/// assert!(problems.iter().any(|d| d.is_error()), "{problems:?}");
/// ```
pub fn validate_project(project: &Project) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut floor_ids = HashSet::new();
    let mut ids = HashSet::new();
    for p in project.antennas.iter() {
        if let Some(problem) = p.problem() {
            out.push(Diagnostic::error(
                format!("antenna pattern \"{}\"", p.name),
                problem,
            ));
        }
    }
    for m in project.materials.iter() {
        let bad = m
            .loss_db
            .values()
            .into_iter()
            .any(|v| !(0.0..=200.0).contains(&v));
        if bad {
            out.push(Diagnostic::error(
                format!("material \"{}\"", m.name),
                "losses must be between 0 and 200 dB",
            ));
        }
    }
    let mut survey_names = HashSet::new();
    for s in &project.surveys {
        let at = format!("survey \"{}\"", s.name);
        if let Some(problem) = s.problem() {
            out.push(Diagnostic::error(&at, problem));
        }
        if !survey_names.insert(s.name.as_str()) {
            out.push(Diagnostic::error(&at, "another survey has the same name"));
        }
    }
    out.extend(capacity_settings(&project.settings.capacity));
    out.extend(campus(project, &mut ids));
    for floor in &project.floors {
        let at = format!("floor \"{}\"", floor.id);
        if !floor_ids.insert(floor.id.as_str()) {
            out.push(Diagnostic::error(&at, "another floor has the same id"));
        }
        if !floor.elevation_m.is_finite() {
            out.push(Diagnostic::error(&at, "elevation_m must be a number"));
        }
        if !(floor.ceiling_m.is_finite() && floor.ceiling_m > 0.0 && floor.ceiling_m <= 100.0) {
            out.push(Diagnostic::error(
                &at,
                format!(
                    "ceiling_m {} must be above 0 and at most 100 m",
                    Num(floor.ceiling_m)
                ),
            ));
        }
        if let Some(m) = &floor.slab_material
            && project.materials.get(m).is_none()
        {
            out.push(Diagnostic::warning(
                &at,
                format!(
                    "slab material \"{m}\" is not in the project's library: the settings' floor loss is used until it is added"
                ),
            ));
        }
        for e in floor.elements() {
            let location = format!("{at}, {} \"{}\"", e.kind(), e.id());
            if !ids.insert(e.id().to_owned()) {
                out.push(Diagnostic::error(
                    &location,
                    "another element has the same id",
                ));
            }
            out.extend(validate_element(&e, project, &location));
        }
    }
    out
}

/// The problems of one element of `project` (whose libraries it may refer to), reported at
/// `location`.
pub fn validate_element(e: &Element, project: &Project, location: &str) -> Vec<Diagnostic> {
    let materials = &project.materials;
    let mut v = Check {
        out: Vec::new(),
        at: location,
    };
    if e.id().is_empty() {
        v.error("the id is empty");
    }
    if e.points().iter().any(|p| !p.is_finite()) {
        v.error("a coordinate is not a finite number");
    }
    match e {
        Element::Wall(w) => {
            v.shape(&w.shape);
            v.range("thickness_m", w.thickness_m, 0.0, 5.0, false);
            if let Some(o) = w.loss_db {
                for db in o.band_loss().values() {
                    v.range("loss_db", db, 0.0, 200.0, true);
                }
            } else if let Some(m) = &w.material {
                v.material(materials, m);
            }
        }
        Element::Opening(o) => {
            v.line("the line", &o.points);
            v.material(materials, &o.material);
        }
        Element::Room(r) => {
            v.ring(&r.polygon.exterior);
            if let Some(n) = r.people {
                v.range("people", n, 0.0, 1e6, true);
            }
        }
        Element::AccessPoint(ap) => {
            v.range("height_m", ap.height_m, 0.0, 100.0, true);
            if let Some(w) = ap.poe_w {
                v.range("poe_w", w, 0.0, 100.0, true);
            }
            if let Some(o) = ap.eirp_offset_db {
                v.range("eirp_offset_db", o, -30.0, 30.0, true);
            }
            if let Some(m) = &ap.model
                && ap.catalogue_model().is_none()
            {
                let known: Vec<&str> = crate::ap_models::catalogue()
                    .iter()
                    .map(|m| m.name)
                    .collect();
                v.warning(format!(
                    "model \"{m}\" is not in the catalogue ({}): only its own radios count",
                    known.join(", ")
                ));
            }
            let radios = ap.effective_radios();
            if radios.is_empty() {
                v.error("an access point needs a radio (or a model that has radios)");
            }
            for (i, r) in radios.iter().enumerate() {
                let mut at = RadioCheck {
                    v: &mut v,
                    which: if radios.len() == 1 {
                        String::new()
                    } else {
                        format!("radio {} ({} GHz): ", i + 1, r.band.as_str())
                    },
                };
                at.radio(
                    r,
                    &project.antennas,
                    project.settings.radio.regulatory_domain,
                );
            }
        }
        Element::Gateway(g) => {
            v.range("tx_dbm", g.tx_dbm, -30.0, 60.0, true);
            v.range("height_m", g.height_m, 0.0, 100.0, true);
        }
        Element::Device(d) => {
            v.range("height_m", d.height_m, 0.0, 100.0, true);
            if let Some(w) = d.poe_w {
                v.range("poe_w", w, 0.0, 100.0, true);
            }
            if !d.medium.is_wired() && d.tech.is_none() {
                v.warning("a wireless device without a tech: no gateway can serve it");
            }
            if let Some(c) = &d.class
                && c.chars().count() > crate::devices::MAX_DEVICE_CLASS_CHARS
            {
                v.error(format!(
                    "class is {} characters long; at most {} are allowed",
                    c.chars().count(),
                    crate::devices::MAX_DEVICE_CLASS_CHARS
                ));
            }
        }
        Element::Outlet(o) => {
            if o.ports == 0 || o.ports > 48 {
                v.error(format!("ports {} must be 1 to 48", o.ports));
            }
            v.range("height_m", o.height_m, 0.0, 100.0, true);
        }
        Element::TelecomRoom(t) => {
            if let Some(outline) = &t.outline {
                v.ring(&outline.exterior);
            }
            if let Some(w) = t.poe_budget_w {
                v.range("poe_budget_w", w, 0.0, 1.0e6, true);
            }
            if let Some(m) = &t.switch_model
                && crate::campus::switch_model(&project.switch_models, m).is_none()
            {
                v.warning(format!(
                    "switch model \"{m}\" is neither the project's nor a built-in one: the settings' model is used"
                ));
            }
            if let Some(n) = t.switches
                && n > 1000
            {
                v.error(format!("switches {n} must be at most 1000"));
            }
        }
        Element::Tray(t) => {
            v.line("the tray", &t.points);
            for (name, value) in [("width_mm", t.width_mm), ("depth_mm", t.depth_mm)] {
                if let Some(x) = value {
                    v.range(name, x, 0.0, 5000.0, false);
                }
            }
            if let Some(h) = t.height_m {
                v.range("height_m", h, 0.0, 100.0, true);
            }
        }
        Element::Riser(_) => {}
        Element::Route(r) => {
            v.line("the route", &r.points);
            if r.from.trim().is_empty() || r.to.trim().is_empty() {
                v.error("a route needs `from` and `to`");
            }
        }
        Element::Other(_) => {}
    }
    v.out
}

/// The checks of one radio, its messages prefixed with which radio it is.
struct RadioCheck<'c, 'a> {
    v: &'c mut Check<'a>,
    which: String,
}

impl RadioCheck<'_, '_> {
    fn radio(&mut self, r: &Radio, antennas: &AntennaLibrary, domain: RegDomain) {
        let which = self.which.clone();
        let v = &mut *self.v;
        let before = v.out.len();
        v.range("tx_dbm", r.tx_dbm, -30.0, 60.0, true);
        let widths = match r.band {
            WifiBand::Ghz2_4 => &Radio::WIDTHS_MHZ[..2],
            WifiBand::Ghz5 => &Radio::WIDTHS_MHZ[..4],
            WifiBand::Ghz6 => &Radio::WIDTHS_MHZ[..],
        };
        if !widths.contains(&r.width_mhz) {
            let list: Vec<String> = widths.iter().map(u32::to_string).collect();
            v.error(format!(
                "width_mhz {} is not a {} GHz channel width ({})",
                r.width_mhz,
                r.band.as_str(),
                list.join(", ")
            ));
        }
        if let Some(ch) = r.channel
            && !valid_channel(r.band, ch)
        {
            v.warning(format!(
                "channel {ch} is not a {} GHz channel",
                r.band.as_str()
            ));
        } else if let Some(ch) = r.channel {
            // The channel, or the block of its width that holds it, must be allowed.
            let span = crate::channels::channel_span_mhz(r.band, ch, r.width_mhz);
            let allowed = domain
                .channels(r.band, r.width_mhz)
                .iter()
                .any(|a| crate::channels::channel_span_mhz(r.band, a.channel, r.width_mhz) == span);
            if !allowed && widths.contains(&r.width_mhz) {
                v.warning(format!(
                    "channel {ch} at {} MHz is not allowed in the {} domain",
                    r.width_mhz,
                    domain.as_str().to_uppercase()
                ));
            }
        }
        if let Some(a) = &r.antenna {
            v.range("azimuth_deg", a.azimuth_deg, -360.0, 360.0, true);
            v.range("tilt_deg", a.tilt_deg, -90.0, 90.0, true);
            if antennas.get(&a.pattern).is_none() {
                v.warning(format!(
                    "antenna pattern \"{}\" is not in the project's antenna library: the radio radiates equally until it is added",
                    a.pattern
                ));
            }
        }
        for d in &mut v.out[before..] {
            d.message.insert_str(0, &which);
        }
    }
}

/// True when `ch` is a channel number of `band` (IEEE 802.11 numbering).
pub fn valid_channel(band: WifiBand, ch: u32) -> bool {
    match band {
        WifiBand::Ghz2_4 => (1..=14).contains(&ch),
        WifiBand::Ghz5 => (32..=177).contains(&ch),
        WifiBand::Ghz6 => (1..=233).contains(&ch),
    }
}

struct Check<'a> {
    out: Vec<Diagnostic>,
    at: &'a str,
}

impl Check<'_> {
    fn error(&mut self, message: impl Into<String>) {
        self.out.push(Diagnostic::error(self.at, message));
    }

    fn warning(&mut self, message: impl Into<String>) {
        self.out.push(Diagnostic::warning(self.at, message));
    }

    fn range(&mut self, name: &str, x: f64, lo: f64, hi: f64, lo_inclusive: bool) {
        let ok = x.is_finite() && (x > lo || (lo_inclusive && x == lo)) && x <= hi;
        if !ok {
            let lower = if lo_inclusive { "at least" } else { "above" };
            self.error(format!(
                "{name} {} must be {lower} {} and at most {}",
                Num(x),
                Num(lo),
                Num(hi)
            ));
        }
    }

    fn line(&mut self, what: &str, points: &[Point]) {
        if points.len() < 2 {
            self.error(format!(
                "{what} needs at least 2 points, has {}",
                points.len()
            ));
        }
    }

    fn ring(&mut self, ring: &[Point]) {
        let distinct = ring.len() - usize::from(ring.len() > 1 && ring.first() == ring.last());
        if distinct < 3 {
            self.error(format!(
                "a polygon needs at least 3 corners, has {distinct}"
            ));
        }
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Line(points) => self.line("the wall", points),
            Shape::MultiLine(lines) => {
                if lines.is_empty() {
                    self.error("the wall has no lines");
                }
                lines
                    .iter()
                    .for_each(|l| self.line("each line of the wall", l));
            }
            Shape::Polygon(p) => {
                self.ring(&p.exterior);
                p.holes.iter().for_each(|h| self.ring(h));
            }
        }
    }

    fn material(&mut self, materials: &crate::materials::MaterialLibrary, name: &str) {
        if materials.get(name).is_none() {
            self.warning(format!(
                "material \"{name}\" is not in the project's library: it attenuates nothing until added"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::floor::Floor;
    use crate::pathways::Tray;
    use crate::props::Props;
    use crate::walls::Wall;

    fn project_with(elements: Vec<Element>) -> Project {
        let mut f = Floor::new("1", "L1", 0.0);
        for e in elements {
            f.insert(None, e);
        }
        Project {
            floors: vec![f],
            ..Project::default()
        }
    }

    fn wall(id: &str, thickness_m: f64, material: &str) -> Element {
        Element::Wall(Wall {
            id: id.into(),
            shape: Shape::Line(vec![Point::new(0.0, 0.0), Point::new(1.0, 0.0)]),
            material: Some(material.into()),
            loss_db: None,
            thickness_m,
            props: Props::new(),
        })
    }

    #[test]
    fn a_good_project_has_no_diagnostics() {
        assert!(validate_project(&project_with(vec![wall("w", 0.2, "brick")])).is_empty());
    }

    #[test]
    fn impossible_values_are_errors_that_say_where() {
        let tray = Element::Tray(Tray {
            id: "t".into(),
            name: "T".into(),
            points: vec![Point::new(f64::NAN, 0.0)],
            capacity: None,
            width_mm: Some(-3.0),
            depth_mm: None,
            height_m: None,
            props: Props::new(),
        });
        let d = validate_project(&project_with(vec![
            wall("w", -0.1, "brick"),
            wall("w", 0.1, "vibranium"),
            tray,
        ]));
        let text: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert!(
            text.contains(
                &"floor \"1\", wall \"w\": thickness_m -0.1 must be above 0 and at most 5"
                    .to_string()
            ),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("another element has the same id"))
        );
        assert!(
            text.iter()
                .any(|t| t.contains("\"vibranium\" is not in the project's library"))
        );
        assert!(text.iter().any(|t| {
            t.starts_with("floor \"1\", tray \"t\": a coordinate is not a finite number")
        }));
        assert!(
            text.iter()
                .any(|t| t.contains("the tray needs at least 2 points, has 1"))
        );
        assert!(
            text.iter()
                .any(|t| t.contains("width_mm -3 must be above 0"))
        );
        assert_eq!(d.iter().filter(|d| d.is_error()).count(), 5, "{text:?}");
    }

    #[test]
    fn numbers_in_messages_read_as_written() {
        // 1e308 printed with `{}` is 309 digits; a person writes 1e308.
        let d = validate_project(&project_with(vec![wall("w", 1e308, "brick")]));
        assert_eq!(
            d[0].to_string(),
            "floor \"1\", wall \"w\": thickness_m 1e308 must be above 0 and at most 5"
        );
    }

    #[test]
    fn impossible_occupancy_and_capacity_settings_are_errors() {
        let mut room = crate::rooms::Room::new(
            "r",
            "R",
            crate::geometry::Polygon::rect(Point::new(0.0, 0.0), Point::new(4.0, 4.0)),
        );
        room.people = Some(-3.0);
        let mut project = project_with(vec![Element::Room(room)]);
        project.settings.capacity.devices_per_person = f64::NAN;
        project
            .settings
            .capacity
            .people_per_m2
            .insert("lab".into(), 50.0);
        let d: Vec<String> = validate_project(&project)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert!(
            d.contains(
                &"floor \"1\", room \"r\": people -3 must be at least 0 and at most 1000000"
                    .to_owned()
            ),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|m| m.starts_with("settings.capacity.devices_per_person: NaN")),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|m| m.starts_with("settings.capacity.people_per_m2.lab: 50")),
            "{d:?}"
        );
    }
}

#[cfg(test)]
mod device_class_tests {
    use super::*;
    use crate::devices::{Device, MAX_DEVICE_CLASS_CHARS, Medium};
    use crate::floor::Floor;

    fn with_class(class: Option<String>) -> Vec<Diagnostic> {
        let mut f = Floor::new("1", "L1", 0.0);
        f.devices.push(Device {
            id: "d1".into(),
            name: "S-1".into(),
            position: Point::new(1.0, 1.0),
            medium: Medium::Spe,
            tech: None,
            class,
            poe_w: None,
            height_m: 2.0,
            props: Default::default(),
        });
        validate_project(&Project {
            floors: vec![f],
            ..Project::default()
        })
    }

    #[test]
    fn a_class_is_free_text_of_bounded_length() {
        assert!(with_class(None).is_empty());
        assert!(with_class(Some("heat-pump controller".into())).is_empty());
        let long = with_class(Some("x".repeat(MAX_DEVICE_CLASS_CHARS + 1)));
        assert!(
            long.iter()
                .any(|d| d.is_error() && d.to_string().contains("class is 65 characters")),
            "{long:?}"
        );
    }
}
