//! Scenarios applied and compared: each one's endpoints on the media its rules give, routed
//! and checked by the same routing as `route`, and its totals (ports, metres, switches, PoE,
//! capital cost, energy) for the campus, per building and per distributor.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::file::{Scenario, ScenarioKind, ScenarioRule, merge};
use crate::campus;
use crate::coverage::placement::ProposedGateway;
use crate::coverage::{FloorScope, GatewayPlacementOptions, iot_links, place_gateways_among};
use crate::devices::IotTech;
use crate::devices::Medium;
use crate::diagnostics::Severity;
use crate::floor::Floor;
use crate::project::Project;
use crate::routing::final_tail::TailKind;
use crate::routing::{self, EndpointMedia, Routing};
use crate::settings::PriceTable;

/// How energy is counted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EnergyOptions {
    /// The share of the year the tail is powered, 0 to 1 (1: always on).
    pub duty_cycle: f64,
    /// What one gateway draws, watts.
    pub gateway_w: f64,
    /// The share of the PoE a switch draws that reaches the devices (the rest is lost in its
    /// power supply and the cables), 0 to 1.
    pub poe_efficiency: f64,
}

impl Default for EnergyOptions {
    fn default() -> Self {
        Self {
            duty_cycle: 1.0,
            gateway_w: 5.0,
            poe_efficiency: 0.85,
        }
    }
}

/// Hours in a year.
const HOURS_PER_YEAR: f64 = 8760.0;

/// A count (ports: `u64`) or a length (metres: `f64`) per wired medium.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PerWired<T> {
    /// Four-pair copper.
    pub cat6a: T,
    /// Single-pair Ethernet.
    pub spe: T,
    /// Fibre.
    pub fiber: T,
}

impl<T: std::ops::AddAssign> PerWired<T> {
    fn add(&mut self, medium: Medium, x: T) {
        match medium {
            Medium::Cat6a => self.cat6a += x,
            Medium::Spe => self.spe += x,
            Medium::Fiber => self.fiber += x,
            Medium::Wireless => {}
        }
    }
}

impl PerWired<f64> {
    fn rounded(self, digits: i32) -> Self {
        let r = |x: f64| round(x, digits);
        Self {
            cat6a: r(self.cat6a),
            spe: r(self.spe),
            fiber: r(self.fiber),
        }
    }
}

/// A scenario's totals, or a building's part of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    /// Patch-panel ports (horizontal cables) per medium.
    pub ports: PerWired<u64>,
    /// Horizontal cable per medium, metres.
    pub cable_m: PerWired<f64>,
    /// Endpoints the scenario cannot serve: no telecom room within the medium's reach (or
    /// with a port left), or, wireless, no gateway of its technology with the fade margin.
    pub unserved: u64,
    /// Switches in the distributors.
    pub switches: u64,
    /// PoE the devices draw, watts.
    pub poe_w: f64,
    /// IoT gateways, those proposed included.
    pub gateways: u64,
    /// Of them, those proposed for the scenario's wireless devices that no gateway of the
    /// project reaches with the fade margin.
    pub gateways_proposed: u64,
    /// Wi-Fi access points.
    pub aps: u64,
    /// What the bill of materials prices, in the scenario's currency (the whole scenario's
    /// only; per building, `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<f64>,
    /// PoE at the switch side, the switches' own power and the gateways', over a year at the
    /// duty cycle, kWh.
    pub energy_kwh_per_year: f64,
}

/// A distributor under a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DistributorTotals {
    /// Its name.
    pub name: String,
    /// Its building's name.
    pub building: String,
    /// Horizontal cables ending here.
    pub ports_used: u64,
    /// Switches.
    pub switches: u32,
    /// PoE its devices draw, watts.
    pub poe_w: f64,
}

/// The findings of a scenario's routing, counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FindingCounts {
    /// Errors.
    pub errors: u64,
    /// Warnings.
    pub warnings: u64,
    /// Findings per rule (`link_length`, `poe-bundle`...).
    pub by_rule: BTreeMap<String, u64>,
}

/// One scenario compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScenarioResult {
    /// Its name.
    pub name: String,
    /// The whole campus.
    pub totals: Totals,
    /// Per building (its name; empty for floors of no building), in the project's order.
    pub by_building: Vec<BuildingTotals>,
    /// Per distributor.
    pub by_distributor: Vec<DistributorTotals>,
    /// The design-rule findings.
    pub findings: FindingCounts,
    /// Endpoints whose medium the rules changed.
    pub changed: u64,
}

/// A building's part of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BuildingTotals {
    /// The building's name.
    pub building: String,
    /// Its totals (capex is the whole scenario's only).
    #[serde(flatten)]
    pub totals: Totals,
}

/// A scenario applied: the project with its devices' media and the scenario's prices, and
/// the media of its outlets and access points.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The project as the scenario has it.
    pub project: Project,
    /// Outlets and access points not on Cat6A.
    pub media: EndpointMedia,
    /// Endpoints (outlets, access points, devices) whose medium changed.
    pub changed: u64,
    /// The ids of the gateways proposed for its wireless devices ([`propose_gateways`]), in
    /// `project`.
    pub proposed: Vec<String>,
}

/// What a scenario changes of the plan, to draw it: the devices it moved to another medium or
/// technology, and the gateways it proposes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScenarioMedia {
    /// The devices whose medium or technology the scenario changed.
    pub devices: Vec<DeviceMedium>,
    /// The gateways it proposes, each with its floor.
    pub gateways: Vec<GatewayOnFloor>,
}

/// A device's medium under a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeviceMedium {
    /// The device's id.
    pub id: String,
    /// Its medium.
    pub medium: Medium,
    /// Its technology.
    pub tech: Option<IotTech>,
}

/// A gateway a scenario proposes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GatewayOnFloor {
    /// The floor's id.
    pub floor: String,
    /// The gateway.
    pub gateway: crate::devices::Gateway,
}

impl ScenarioMedia {
    /// What `applied` changes of `project` (which it was applied to).
    pub fn of(project: &Project, applied: &Applied) -> Self {
        let mut devices = Vec::new();
        for (f, g) in project.floors.iter().zip(&applied.project.floors) {
            for (d, e) in f.devices.iter().zip(&g.devices) {
                if (d.medium, d.tech) != (e.medium, e.tech) {
                    devices.push(DeviceMedium {
                        id: e.id.clone(),
                        medium: e.medium,
                        tech: e.tech,
                    });
                }
            }
        }
        let proposed: BTreeSet<&str> = applied.proposed.iter().map(String::as_str).collect();
        let gateways = applied
            .project
            .floors
            .iter()
            .flat_map(|f| {
                f.gateways
                    .iter()
                    .filter(|g| proposed.contains(g.id.as_str()))
                    .map(|g| GatewayOnFloor {
                        floor: f.id.clone(),
                        gateway: g.clone(),
                    })
            })
            .collect();
        Self { devices, gateways }
    }

    /// `floor` as the scenario has it: its devices on the scenario's media, with the
    /// gateways it proposes there.
    pub fn on_floor(&self, floor: &Floor) -> Floor {
        let mut f = floor.clone();
        let moved: BTreeMap<&str, &DeviceMedium> =
            self.devices.iter().map(|d| (d.id.as_str(), d)).collect();
        for d in &mut f.devices {
            if let Some(m) = moved.get(d.id.as_str()) {
                d.medium = m.medium;
                d.tech = m.tech;
            }
        }
        f.gateways.extend(
            self.gateways
                .iter()
                .filter(|g| g.floor == floor.id)
                .map(|g| g.gateway.clone()),
        );
        f
    }
}

/// The first rule of `rules` that matches an element of `kind` (of `class`, for a device) on
/// `floor`.
fn first_match<'r>(
    rules: &'r [ScenarioRule],
    kind: ScenarioKind,
    class: Option<&str>,
    floor: &Floor,
) -> Option<&'r ScenarioRule> {
    rules.iter().find(|r| {
        let m = &r.matches;
        m.kind == kind
            && m.floor.as_deref().is_none_or(|f| f == floor.id)
            && m.building
                .as_deref()
                .is_none_or(|b| floor.building.as_deref() == Some(b))
            && m.class.as_deref().is_none_or(|c| class == Some(c))
    })
}

/// `scenario` applied to `project`: the first matching rule sets each endpoint's medium
/// (a wireless device takes the rule's technology, else keeps its own); its prices replace the
/// project's. `Err` names a price the project's table cannot take.
pub fn apply(project: &Project, scenario: &Scenario) -> Result<Applied, String> {
    let mut p = project.clone();
    let mut media = EndpointMedia::new();
    let mut changed = 0u64;
    for floor in &mut p.floors {
        // Outlets and access points are matched by kind and place only: one rule a floor.
        let outlets = floor.outlets.iter().map(|o| &o.id);
        let aps = floor.access_points.iter().map(|a| &a.id);
        for (kind, ids) in [
            (ScenarioKind::Outlet, outlets.collect::<Vec<_>>()),
            (ScenarioKind::Ap, aps.collect()),
        ] {
            match first_match(&scenario.rules, kind, None, floor) {
                Some(r) if r.medium != Medium::Cat6a => {
                    changed += ids.len() as u64;
                    media.extend(ids.into_iter().map(|id| (id.clone(), r.medium)));
                }
                _ => {}
            }
        }
        let f: &Floor = floor;
        let rules: Vec<Option<ScenarioRule>> = f
            .devices
            .iter()
            .map(|d| {
                first_match(&scenario.rules, ScenarioKind::Device, Some(d.class()), f).cloned()
            })
            .collect();
        for (d, rule) in floor.devices.iter_mut().zip(rules) {
            let Some(r) = rule else { continue };
            let before = (d.medium, d.tech);
            d.medium = r.medium;
            if r.medium == Medium::Wireless {
                d.tech = r.tech.or(d.tech);
            }
            // A device put on a cable that draws nothing as drawn is powered over it: the
            // rule's draw, else a wireless device (its battery gone) draws a sensor's.
            if matches!(r.medium, Medium::Cat6a | Medium::Spe) && d.poe_w.is_none_or(|w| w <= 0.0) {
                let draw = r.poe_w.or_else(|| {
                    (before.0 == Medium::Wireless).then_some(super::MOVED_DEVICE_POE_W)
                });
                d.poe_w = draw.or(d.poe_w);
            }
            changed += u64::from((d.medium, d.tech) != before);
        }
    }
    if let Some(patch) = &scenario.prices {
        let mut table = serde_json::to_value(&p.settings.prices).map_err(|e| e.to_string())?;
        merge(&mut table, patch);
        p.settings.prices = serde_json::from_value::<PriceTable>(table)
            .map_err(|e| format!("scenario \"{}\": prices: {e}", scenario.name))?;
    }
    Ok(Applied {
        project: p,
        media,
        changed,
        proposed: Vec::new(),
    })
}

/// The built-in scenarios that rules say: `as-drawn` (none), `all-copper` (every endpoint on
/// Cat6A), `spe-sensors` (sensors on SPE). `wireless-first` depends on the project (see
/// [`wireless_first`]).
pub fn builtin(name: &str) -> Option<Scenario> {
    let rule = |kind, class: Option<&str>, medium| ScenarioRule {
        matches: super::file::RuleMatch {
            kind,
            class: class.map(str::to_owned),
            building: None,
            floor: None,
        },
        medium,
        tech: None,
        poe_w: None,
    };
    let rules = match name {
        "as-drawn" => Vec::new(),
        "all-copper" => vec![
            rule(ScenarioKind::Outlet, None, Medium::Cat6a),
            rule(ScenarioKind::Ap, None, Medium::Cat6a),
            rule(ScenarioKind::Device, None, Medium::Cat6a),
        ],
        "spe-sensors" => vec![rule(ScenarioKind::Device, Some("sensor"), Medium::Spe)],
        _ => return None,
    };
    Some(Scenario {
        name: name.to_owned(),
        rules,
        prices: None,
    })
}

/// `wireless-first` applied to `project`: each device with a technology wireless where a
/// gateway of that technology reaches it with the fade margin, one of the project's or one
/// proposed as `place-gateways` would ([`propose_gateways`]), every other device on SPE.
pub fn wireless_first(project: &Project) -> Applied {
    GatewayProposer::default().wireless_first(project)
}

/// Gateways proposed for `applied`'s wireless devices that no gateway of their technology
/// reaches with the fade margin: per floor and technology, where `place-gateways` would put
/// them for those devices (the fade margin as its margin, candidates
/// [`PROPOSAL_SPACING_M`] apart), added to the applied project and
/// named in [`Applied::proposed`]. A floor that cannot take any (no plan to place them on)
/// keeps its devices unserved.
pub fn propose_gateways(applied: &mut Applied) {
    GatewayProposer::default().propose(applied);
}

/// The distance between the candidate positions of gateways proposed for a scenario, metres:
/// twice `place-gateways`' default, a quarter of the candidates (a comparison counts and
/// prices gateways; `place-gateways` places them for installing).
pub const PROPOSAL_SPACING_M: f64 = 4.0;

/// Proposes gateways for scenarios of one project ([`propose_gateways`]), remembering each
/// floor's proposal for a technology and a set of devices: scenarios that leave the same
/// devices unreached (as drawn and wireless-first, often) place them once.
#[derive(Debug, Default)]
pub struct GatewayProposer {
    /// (floor, technology, the devices' ids) → the gateways proposed.
    pub(super) placed: HashMap<(String, IotTech, Vec<String>), Vec<ProposedGateway>>,
}

impl GatewayProposer {
    /// [`propose_gateways`], with what this proposer placed before. Returns the ids of the
    /// wireless devices a gateway reaches with the fade margin once the proposals are in
    /// (those a gateway of the project reached, and those the proposals reach).
    pub fn propose(&mut self, applied: &mut Applied) -> BTreeSet<String> {
        let wireless =
            |d: &crate::devices::Device| d.medium == Medium::Wireless && d.tech.is_some();
        if !applied
            .project
            .floors
            .iter()
            .flat_map(|f| &f.devices)
            .any(wireless)
        {
            return BTreeSet::new();
        }
        let reached = reached(&applied.project);
        let mut now_reached = reached.clone();
        let fade = applied.project.settings.final_tail.fade_margin_db;
        // Made once: the ids of a campus are many.
        let mut ids = applied.project.id_allocator();
        for fi in 0..applied.project.floors.len() {
            let want = |d: &crate::devices::Device| wireless(d) && !reached.contains(&d.id);
            let floor = &applied.project.floors[fi];
            let floor_id = floor.id.clone();
            let mut by_tech: BTreeMap<IotTech, Vec<String>> = BTreeMap::new();
            for d in floor.devices.iter().filter(|d| want(d)) {
                if let Some(t) = d.tech {
                    by_tech.entry(t).or_default().push(d.id.clone());
                }
            }
            for (tech, devices) in by_tech {
                let key = (floor_id.clone(), tech, devices);
                let fresh = !self.placed.contains_key(&key);
                if fresh {
                    let options = GatewayPlacementOptions {
                        margin_db: fade,
                        spacing_m: PROPOSAL_SPACING_M,
                        ..GatewayPlacementOptions::new(tech)
                    };
                    let placed =
                        place_gateways_among(&applied.project, &key.0, &options, &want, &mut ids)
                            .map(|p| p.proposals)
                            .unwrap_or_default();
                    self.placed.insert(key.clone(), placed);
                }
                let placed = &self.placed[&key];
                // Placed now: their own ids; placed for another scenario: ids free in this
                // one's project.
                let new: Vec<crate::devices::Gateway> = placed
                    .iter()
                    .map(|g| {
                        if fresh {
                            return g.gateway();
                        }
                        let id = ids.next("gw");
                        crate::devices::Gateway {
                            name: id.to_uppercase(),
                            id,
                            ..g.gateway()
                        }
                    })
                    .collect();
                now_reached.extend(placed.iter().flat_map(|g| g.devices.iter().cloned()));
                applied.proposed.extend(new.iter().map(|g| g.id.clone()));
                applied.project.floors[fi].gateways.extend(new);
            }
        }
        now_reached
    }

    /// [`wireless_first`], with what this proposer placed before.
    pub fn wireless_first(&mut self, project: &Project) -> Applied {
        let mut p = project.clone();
        for d in p.floors.iter_mut().flat_map(|f| f.devices.iter_mut()) {
            if d.tech.is_some() {
                d.medium = Medium::Wireless;
            }
        }
        let mut a = Applied {
            project: p,
            media: EndpointMedia::new(),
            changed: 0,
            proposed: Vec::new(),
        };
        let reached = self.propose(&mut a);
        let mut changed = 0u64;
        for (d, before) in a
            .project
            .floors
            .iter_mut()
            .flat_map(|f| f.devices.iter_mut())
            .zip(project.floors.iter().flat_map(|f| &f.devices))
        {
            if d.medium != Medium::Wireless || !reached.contains(d.id.as_str()) {
                d.medium = Medium::Spe;
            }
            changed += u64::from(d.medium != before.medium);
        }
        a.changed = changed;
        a
    }
}

/// The devices of `project` that a gateway of their technology (on any floor) reaches with
/// the fade margin: what makes the final tail's wireless option feasible.
pub(super) fn reached(project: &Project) -> BTreeSet<String> {
    let fade = project.settings.final_tail.fade_margin_db;
    iot_links(project, None, None, FloorScope::All)
        .map(|l| l.devices)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d.strongest.as_ref().is_some_and(|b| b.margin_db >= fade))
        .map(|d| d.device)
        .collect()
}

/// To `digits` decimals.
fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// The scenarios compared on `project`: the file's, or without one the built-in ones
/// ([`super::BUILTIN`]), each applied, routed and totalled. `Err` names a scenario whose
/// prices the project's table cannot take.
pub fn compare(
    project: &Project,
    scenarios: Option<&[Scenario]>,
    energy: &EnergyOptions,
) -> Result<Vec<ScenarioResult>, String> {
    Ok(compare_with_media(project, scenarios, &[], energy)?
        .into_iter()
        .map(|(r, _)| r)
        .collect())
}

/// [`compare`], then the scenarios of `then` (the editor's own, compared after the file's or
/// the built-in ones: the gateways proposed for one are remembered for the next), with what
/// each scenario changes of the plan (to draw it).
pub fn compare_with_media(
    project: &Project,
    scenarios: Option<&[Scenario]>,
    then: &[Scenario],
    energy: &EnergyOptions,
) -> Result<Vec<(ScenarioResult, ScenarioMedia)>, String> {
    let builtin_list: Vec<Scenario>;
    let mut list: Vec<Option<&Scenario>> = match scenarios {
        Some(s) => s.iter().map(Some).collect(),
        None => {
            builtin_list = super::BUILTIN.iter().filter_map(|n| builtin(n)).collect();
            // wireless-first is not rules: `None` stands for it.
            builtin_list.iter().map(Some).chain([None]).collect()
        }
    };
    list.extend(then.iter().map(Some));
    let mut out = Vec::new();
    let mut proposer = GatewayProposer::default();
    for s in list {
        let (name, applied) = match s {
            Some(s) => {
                let mut a = apply(project, s)?;
                proposer.propose(&mut a);
                (s.name.clone(), a)
            }
            None => (
                "wireless-first".to_owned(),
                proposer.wireless_first(project),
            ),
        };
        let r = routing::route_with(&applied.project, &applied.media);
        out.push((
            result(&name, &applied, &r, energy),
            ScenarioMedia::of(project, &applied),
        ));
    }
    Ok(out)
}

/// One scenario's results from its routing `r`.
pub fn result(
    name: &str,
    applied: &Applied,
    r: &Routing,
    energy: &EnergyOptions,
) -> ScenarioResult {
    let p = &applied.project;
    // The building of each floor, by floor id.
    let building_of: BTreeMap<&str, String> = p
        .floors
        .iter()
        .map(|f| (f.id.as_str(), p.building_name(f)))
        .collect();
    let mut buildings: Vec<String> = Vec::new();
    for f in &p.floors {
        let b = p.building_name(f);
        if !buildings.contains(&b) {
            buildings.push(b);
        }
    }
    let mut per: BTreeMap<String, Totals> = BTreeMap::new();
    let mut all = Totals::default();
    for c in &r.cables {
        let b = building_of
            .get(c.floor.as_str())
            .cloned()
            .unwrap_or_default();
        let t = per.entry(b).or_default();
        for t in [t, &mut all] {
            t.ports.add(c.medium, 1);
            t.cable_m.add(c.medium, c.lengths.total_m);
        }
    }
    for u in &r.unserved {
        let b = p
            .floors
            .get(u.endpoint.floor)
            .map(|f| p.building_name(f))
            .unwrap_or_default();
        per.entry(b).or_default().unserved += 1;
        all.unserved += 1;
    }
    // Wireless devices no gateway reaches.
    for c in r
        .final_tail
        .iter()
        .filter(|c| c.current == Medium::Wireless)
    {
        let served = c
            .options
            .iter()
            .any(|o| o.kind == TailKind::Wireless && o.feasible);
        if !served {
            let b = building_of
                .get(c.floor.as_str())
                .cloned()
                .unwrap_or_default();
            per.entry(b).or_default().unserved += 1;
            all.unserved += 1;
        }
    }
    let switch_w =
        |model: &str| campus::switch_model(&p.switch_models, model).map_or(0.0, |m| m.idle_w);
    let year = HOURS_PER_YEAR * energy.duty_cycle.clamp(0.0, 1.0) / 1000.0;
    let efficiency = energy.poe_efficiency.clamp(0.05, 1.0);
    let mut by_distributor = Vec::new();
    for d in &r.distributors {
        let t = per.entry(d.building.clone()).or_default();
        let watts = d.poe_w / efficiency + f64::from(d.switches) * switch_w(&d.switch_model);
        for t in [t, &mut all] {
            t.switches += u64::from(d.switches);
            t.poe_w += d.poe_w;
            t.energy_kwh_per_year += watts * year;
        }
        by_distributor.push(DistributorTotals {
            name: d.name.clone(),
            building: d.building.clone(),
            ports_used: d.ports_used,
            switches: d.switches,
            poe_w: d.poe_w,
        });
    }
    let proposed: BTreeSet<&str> = applied.proposed.iter().map(String::as_str).collect();
    for f in &p.floors {
        let t = per.entry(p.building_name(f)).or_default();
        let gateways = f.gateways.len() as u64;
        let new = f
            .gateways
            .iter()
            .filter(|g| proposed.contains(g.id.as_str()))
            .count() as u64;
        let aps = f.access_points.len() as u64;
        for t in [t, &mut all] {
            t.gateways += gateways;
            t.gateways_proposed += new;
            t.aps += aps;
            t.energy_kwh_per_year += gateways as f64 * energy.gateway_w * year;
        }
    }
    let tidy = |t: &mut Totals| {
        t.cable_m = t.cable_m.rounded(2);
        t.poe_w = round(t.poe_w, 1);
        t.energy_kwh_per_year = round(t.energy_kwh_per_year, 1);
    };
    all.capex = Some(round(r.bill_of_materials(p).total_cost, 2));
    tidy(&mut all);
    let by_building = buildings
        .into_iter()
        .map(|b| {
            let mut totals = per.remove(&b).unwrap_or_default();
            tidy(&mut totals);
            BuildingTotals {
                building: b,
                totals,
            }
        })
        .collect();
    let mut findings = FindingCounts::default();
    for f in &r.findings {
        match f.severity {
            Severity::Error => findings.errors += 1,
            Severity::Warning => findings.warnings += 1,
            Severity::Info => {}
        }
        *findings
            .by_rule
            .entry(f.rule.as_str().to_owned())
            .or_default() += 1;
    }
    ScenarioResult {
        name: name.to_owned(),
        totals: all,
        by_building,
        by_distributor,
        findings,
        changed: applied.changed,
    }
}
