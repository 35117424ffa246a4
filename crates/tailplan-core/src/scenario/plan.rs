//! The development plan: phases move buildings or floors to scenarios, year by year; the
//! campus after each year and what the year costs.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::compare::{
    Applied, BuildingTotals, EnergyOptions, GatewayProposer, Totals, apply, builtin, result,
};
use super::file::{Phase, ScenarioFile};
use crate::project::Project;
use crate::routing::{self, EndpointMedia};

/// One year of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanYear {
    /// The year.
    pub year: u32,
    /// The phases done in it (their names), in order.
    pub phases: Vec<String>,
    /// What the year costs: the campus's capital cost after it less before it (negative when
    /// the year's scenario costs less than what it replaces), in the project's currency.
    pub capex: f64,
    /// The campus after the year.
    pub totals: Totals,
    /// Each building after the year (capex is the campus's only), as the comparison's
    /// `by_building`.
    pub by_building: Vec<BuildingTotals>,
}

/// The development plan: the campus as drawn, then after each year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    /// The campus as drawn.
    pub start: Totals,
    /// Each building as drawn.
    pub start_by_building: Vec<BuildingTotals>,
    /// Year by year.
    pub years: Vec<PlanYear>,
}

/// The phases' plan on `project`: phases in year order (and, in a year, after those they
/// wait for), each moving its floors (its own and its buildings') to its scenario's media;
/// the campus is routed after each year. Prices are the project's throughout. `Err` says
/// which phase waits for a later one, or names a scenario that cannot be applied.
pub fn plan(
    project: &Project,
    file: &ScenarioFile,
    energy: &EnergyOptions,
) -> Result<Plan, String> {
    let order = order(&file.phases)?;
    // Each scenario a phase moves to, applied to the whole project once.
    let mut applied: BTreeMap<&str, Applied> = BTreeMap::new();
    let mut proposer = GatewayProposer::default();
    for p in &file.phases {
        if applied.contains_key(p.scenario.as_str()) {
            continue;
        }
        let a = match file.scenarios.iter().find(|s| s.name == p.scenario) {
            Some(s) => apply(project, s)?,
            None if p.scenario == "wireless-first" => proposer.wireless_first(project),
            None => apply(
                project,
                &builtin(&p.scenario).ok_or_else(|| format!("no scenario \"{}\"", p.scenario))?,
            )?,
        };
        applied.insert(p.scenario.as_str(), a);
    }
    let mut as_drawn = Applied {
        project: project.clone(),
        media: EndpointMedia::new(),
        changed: 0,
        proposed: Vec::new(),
    };
    proposer.propose(&mut as_drawn);
    let mut state =
        |floors: &BTreeMap<String, &str>| compose(project, floors, &applied, &mut proposer);
    let totals = |a: &Applied| {
        let r = routing::route_with(&a.project, &a.media);
        let r = result("plan", a, &r, energy);
        (r.totals, r.by_building)
    };
    let (start, start_by_building) = totals(&as_drawn);
    let mut scenario_of: BTreeMap<String, &str> = BTreeMap::new();
    let mut years: Vec<PlanYear> = Vec::new();
    let mut before = start.capex.unwrap_or(0.0);
    let mut i = 0;
    while i < order.len() {
        let year = file.phases[order[i]].year;
        let mut names = Vec::new();
        while i < order.len() && file.phases[order[i]].year == year {
            let k = order[i];
            let p = &file.phases[k];
            for f in floors_of(project, p) {
                scenario_of.insert(f, p.scenario.as_str());
            }
            names.push(p.name.clone().unwrap_or_else(|| k.to_string()));
            i += 1;
        }
        let (t, by_building) = totals(&state(&scenario_of));
        let after = t.capex.unwrap_or(0.0);
        years.push(PlanYear {
            year,
            phases: names,
            capex: ((after - before) * 100.0).round() / 100.0,
            totals: t,
            by_building,
        });
        before = after;
    }
    Ok(Plan {
        start,
        start_by_building,
        years,
    })
}

/// The floors a phase moves: its own, and every floor of its buildings.
fn floors_of(project: &Project, p: &Phase) -> Vec<String> {
    project
        .floors
        .iter()
        .filter(|f| {
            p.floors.contains(&f.id) || f.building.as_ref().is_some_and(|b| p.buildings.contains(b))
        })
        .map(|f| f.id.clone())
        .collect()
}

/// The project with each floor of `floors` on the media of its scenario, every other as
/// drawn.
fn compose(
    project: &Project,
    floors: &BTreeMap<String, &str>,
    applied: &BTreeMap<&str, Applied>,
    proposer: &mut GatewayProposer,
) -> Applied {
    let mut p = project.clone();
    let mut media = EndpointMedia::new();
    let mut changed = 0;
    for (i, floor) in p.floors.iter_mut().enumerate() {
        let Some(a) = floors.get(&floor.id).and_then(|s| applied.get(s)) else {
            continue;
        };
        let theirs = &a.project.floors[i];
        for (d, t) in floor.devices.iter_mut().zip(&theirs.devices) {
            changed += u64::from((d.medium, d.tech) != (t.medium, t.tech));
            d.medium = t.medium;
            d.tech = t.tech;
            // What it draws over its new cable (`apply`'s).
            d.poe_w = t.poe_w;
        }
        let ids: BTreeSet<&str> = floor
            .outlets
            .iter()
            .map(|o| o.id.as_str())
            .chain(floor.access_points.iter().map(|a| a.id.as_str()))
            .collect();
        for (id, m) in a.media.iter().filter(|(id, _)| ids.contains(id.as_str())) {
            media.insert(id.clone(), *m);
            changed += 1;
        }
    }
    let mut a = Applied {
        project: p,
        media,
        changed,
        proposed: Vec::new(),
    };
    proposer.propose(&mut a);
    a
}

/// The phases in the order they are done: by year, and in a year after those they wait for.
/// `Err` when a phase waits for one of a later year.
fn order(phases: &[Phase]) -> Result<Vec<usize>, String> {
    let name = |i: usize| phases[i].name.clone().unwrap_or_else(|| i.to_string());
    let index: BTreeMap<String, usize> = (0..phases.len()).map(|i| (name(i), i)).collect();
    for (i, p) in phases.iter().enumerate() {
        for a in &p.after {
            if let Some(&j) = index.get(a)
                && phases[j].year > p.year
            {
                return Err(format!(
                    "phase \"{}\" ({}) waits for \"{}\", which is later ({})",
                    name(i),
                    p.year,
                    a,
                    phases[j].year
                ));
            }
        }
    }
    // Kahn's algorithm on `after`, the smallest (year, index) first; the file has no loop.
    let mut waiting: Vec<usize> = phases
        .iter()
        .map(|p| p.after.iter().filter(|a| index.contains_key(*a)).count())
        .collect();
    let mut ready: BTreeSet<(u32, usize)> = (0..phases.len())
        .filter(|&i| waiting[i] == 0)
        .map(|i| (phases[i].year, i))
        .collect();
    let mut out = Vec::new();
    while let Some(&(y, i)) = ready.iter().next() {
        ready.remove(&(y, i));
        out.push(i);
        let done = name(i);
        for (j, p) in phases.iter().enumerate() {
            if p.after.contains(&done) {
                waiting[j] -= 1;
                if waiting[j] == 0 {
                    ready.insert((p.year, j));
                }
            }
        }
    }
    if out.len() < phases.len() {
        return Err("the phases wait for each other in a loop".into());
    }
    Ok(out)
}
