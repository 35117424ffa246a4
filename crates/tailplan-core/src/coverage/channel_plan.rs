//! Channel planning: channels for a floor's existing access points on one band, chosen to
//! overlap least with the radios each hears, weighted by how strongly it hears them. A
//! proposal, like AP placement: [`ChannelPlan::edits`] makes it the project's.
//!
//! - The radios: every radio of the band of the floor's access points (their
//!   [`AccessPoint::effective_radios`]), each at the width asked for or its own.
//! - The channels: those the project's regulatory domain allows at that width
//!   ([`RegDomain::channels`]), or the ones given; DFS channels left out when asked.
//! - The weight of two radios: the power each hears from the other at its own position (the
//!   coverage model with walls and antennas, access point to access point, at the band's
//!   middle frequency so that the plan does not depend on the channels it replaces), summed
//!   in mW.
//! - The cost of a plan: the sum over pairs of their channels' overlap
//!   ([`crate::channels::channel_overlap`]) times their weight.
//! - The search: radios in order of their total weight (the most-heard first) each take the
//!   channel that adds least to the cost (a tie to the channel used least so far, then to the
//!   first allowed); then passes over every radio move it to a channel that lowers the cost,
//!   until a pass moves none (at most 50 passes). Deterministic; a local optimum, not a proof
//!   of the best.

use schemars::JsonSchema;
use serde::Serialize;

use crate::channels::{RegDomain, channel_overlap};
use crate::devices::{AccessPoint, WifiBand};
use crate::edit::Edit;
use crate::element::Element;
use crate::geometry::Point;
use crate::materials::BandLoss;
use crate::project::Project;

use super::CoverageError;
use super::maps::mw;
use super::model::{Link, Reaching, Service, Transmitter};
use super::obstacles::Obstacles;

/// The power at which two radios on overlapping channels defer to each other (the 802.11
/// preamble detection threshold), dBm: a pair heard above it is a conflict.
pub const CONFLICT_DBM: f64 = -82.0;

/// What to plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ChannelPlanOptions {
    /// The band (5 GHz by default).
    pub band: WifiBand,
    /// One width for every radio, MHz; `None` keeps each radio's own.
    pub width_mhz: Option<u32>,
    /// The channels to use; `None` for every channel the regulatory domain allows.
    pub channels: Option<Vec<u32>>,
    /// Leave out DFS channels (unless nothing else is left).
    pub avoid_dfs: bool,
}

impl Default for ChannelPlanOptions {
    fn default() -> Self {
        Self {
            band: WifiBand::Ghz5,
            width_mhz: None,
            channels: None,
            avoid_dfs: false,
        }
    }
}

/// One radio's channel in a plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PlannedRadio {
    /// The access point's id.
    pub ap: String,
    /// Its name.
    pub name: String,
    /// Which of its radios (0-based, of its effective radios).
    pub radio: usize,
    /// The radio's width, MHz.
    pub width_mhz: u32,
    /// Its channel before.
    pub before: Option<u32>,
    /// Its channel in the plan.
    pub channel: u32,
    /// True when the channel is a DFS one.
    pub dfs: bool,
    /// The strongest radio on an overlapping channel it hears in the plan, dBm.
    pub overlap_dbm: Option<f64>,
}

/// A channel plan for one floor and band.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ChannelPlan {
    /// The floor's id.
    pub floor: String,
    /// What was asked.
    pub options: ChannelPlanOptions,
    /// The regulatory domain followed.
    pub domain: RegDomain,
    /// The channels it chose from.
    pub channels: Vec<u32>,
    /// Each radio, in floor order.
    pub radios: Vec<PlannedRadio>,
    /// Pairs of radios on overlapping channels that hear each other above
    /// [`CONFLICT_DBM`], before (radios without a channel overlap none).
    pub conflicts_before: usize,
    /// The same in the plan.
    pub conflicts_after: usize,
    /// Radios whose channel or width the plan changes.
    pub changed: usize,
}

impl ChannelPlan {
    /// The edits that make the plan the project's: each access point whose radios change,
    /// replaced with its radios made its own (its model's as they are) and the planned
    /// channels and widths set. One undo step when applied as a batch.
    pub fn edits(&self, project: &Project) -> Vec<Edit> {
        let Some(floor) = project.floor(&self.floor) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for ap in &floor.access_points {
            let mut radios = ap.effective_radios();
            let mut changed = false;
            for p in self.radios.iter().filter(|p| p.ap == ap.id) {
                if let Some(r) = radios.get_mut(p.radio)
                    && (r.channel != Some(p.channel) || r.width_mhz != p.width_mhz)
                {
                    r.channel = Some(p.channel);
                    r.width_mhz = p.width_mhz;
                    changed = true;
                }
            }
            if changed {
                let mut new = ap.clone();
                new.radios = radios;
                out.push(Edit::ReplaceElement {
                    element: Element::AccessPoint(new),
                });
            }
        }
        out
    }
}

/// One radio being planned.
struct Node<'p> {
    ap: &'p AccessPoint,
    radio: usize,
    width_mhz: u32,
    before: Option<u32>,
    position: Point,
    transmitter: Transmitter,
}

/// Plans channels for the radios of `options.band` on the floor `floor_id`.
pub fn plan_channels(
    project: &Project,
    floor_id: &str,
    options: &ChannelPlanOptions,
) -> Result<ChannelPlan, CoverageError> {
    let floor = project
        .floor(floor_id)
        .ok_or_else(|| CoverageError::UnknownFloor(floor_id.to_owned()))?;
    let radio_settings = &project.settings.radio;
    let domain = radio_settings.regulatory_domain;
    let band = options.band;
    let mut nodes: Vec<Node> = Vec::new();
    for ap in floor
        .access_points
        .iter()
        .filter(|a| a.position.is_finite())
    {
        for (i, r) in ap.effective_radios().iter().enumerate() {
            if r.band != band {
                continue;
            }
            let width_mhz = options.width_mhz.unwrap_or(r.width_mhz);
            let t = Transmitter::from_radio(ap, i, r, floor, &project.antennas);
            nodes.push(Node {
                ap,
                radio: i,
                width_mhz,
                before: r.channel,
                position: ap.position,
                transmitter: t,
            });
        }
    }
    // The channels of each width in use.
    let allowed = |width: u32| -> Vec<(u32, bool)> {
        let all: Vec<(u32, bool)> = domain
            .channels(band, width)
            .into_iter()
            .map(|a| (a.channel, a.dfs))
            .collect();
        let mut chosen: Vec<(u32, bool)> = match &options.channels {
            Some(list) if !list.is_empty() => list
                .iter()
                .map(|&c| (c, all.iter().any(|&(a, dfs)| a == c && dfs)))
                .collect(),
            _ => all,
        };
        if options.avoid_dfs && chosen.iter().any(|&(_, dfs)| !dfs) {
            chosen.retain(|&(_, dfs)| !dfs);
        }
        chosen
    };
    let choices: Vec<Vec<(u32, bool)>> = nodes.iter().map(|n| allowed(n.width_mhz)).collect();
    let channels: Vec<u32> = {
        let mut c: Vec<u32> = choices.iter().flatten().map(|&(c, _)| c).collect();
        c.sort_unstable();
        c.dedup();
        c
    };

    // Weights: what each hears of the other, at access point height, through the walls.
    let obstacles = Obstacles::of_floor(floor, &project.materials);
    let heard = |from: &Node, at: &Node| -> f64 {
        // At the band's middle frequency, whatever the channels now: the weights, and so the
        // plan, do not depend on the channels it replaces (planning again changes nothing).
        let mut t = from.transmitter.clone();
        t.f_mhz = Service::Wifi(band).default_mhz();
        let link = Link::new(
            &Reaching {
                transmitter: t,
                slabs: 0,
                slab_loss_db: BandLoss::ZERO,
            },
            at.transmitter.z_m,
            radio_settings,
        );
        let loss = obstacles.loss_between(&floor.walls, link.band, link.t, at.position);
        link.rssi_at(at.position, loss)
    };
    let n = nodes.len();
    // heard_dbm[i][j]: what i hears of j.
    let heard_dbm: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j || std::ptr::eq(nodes[i].ap, nodes[j].ap) {
                        f64::NEG_INFINITY
                    } else {
                        heard(&nodes[j], &nodes[i])
                    }
                })
                .collect()
        })
        .collect();
    let weight = |i: usize, j: usize| mw(heard_dbm[i][j]) + mw(heard_dbm[j][i]);
    let overlap = |i: usize, ci: Option<u32>, j: usize, cj: Option<u32>| {
        channel_overlap(
            (band, ci, nodes[i].width_mhz),
            (band, cj, nodes[j].width_mhz),
        )
    };
    let conflicts = |plan: &[Option<u32>]| -> usize {
        let mut k = 0;
        for i in 0..n {
            for j in i + 1..n {
                let loud = heard_dbm[i][j].max(heard_dbm[j][i]) > CONFLICT_DBM;
                if loud && overlap(i, plan[i], j, plan[j]) > 0.0 {
                    k += 1;
                }
            }
        }
        k
    };
    let before: Vec<Option<u32>> = nodes.iter().map(|n| n.before).collect();
    // For width changes, a radio's old channel counts at its new width.
    let conflicts_before = conflicts(&before);

    // Greedy, the most-heard first.
    let mut order: Vec<usize> = (0..n).collect();
    let total: Vec<f64> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| if i == j { 0.0 } else { weight(i, j) })
                .sum()
        })
        .collect();
    order.sort_by(|&a, &b| total[b].total_cmp(&total[a]).then(a.cmp(&b)));
    let mut plan: Vec<Option<u32>> = vec![None; n];
    let cost_of = |i: usize, c: u32, plan: &[Option<u32>]| -> f64 {
        (0..n)
            .filter(|&j| j != i && plan[j].is_some())
            .map(|j| overlap(i, Some(c), j, plan[j]) * weight(i, j))
            .sum()
    };
    let mut used: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for &i in &order {
        let best = choices[i]
            .iter()
            .map(|&(c, _)| (c, cost_of(i, c, &plan), used.get(&c).copied().unwrap_or(0)))
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)));
        if let Some((c, _, _)) = best {
            plan[i] = Some(c);
            *used.entry(c).or_default() += 1;
        }
    }
    // Local search: move a radio when another channel costs less.
    for _ in 0..50 {
        let mut moved = false;
        for &i in &order {
            let Some(current) = plan[i] else { continue };
            let now = cost_of(i, current, &plan);
            let best = choices[i]
                .iter()
                .map(|&(c, _)| (c, cost_of(i, c, &plan)))
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((c, cost)) = best
                && c != current
                && cost < now * (1.0 - 1e-9)
            {
                plan[i] = Some(c);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    let conflicts_after = conflicts(&plan);
    let radios = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            let channel = plan[i]?;
            let overlap_dbm = (0..n)
                .filter(|&j| j != i && overlap(i, plan[i], j, plan[j]) > 0.0)
                .map(|j| heard_dbm[i][j])
                .filter(|v| v.is_finite())
                .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
            Some(PlannedRadio {
                ap: node.ap.id.clone(),
                name: node.ap.name.clone(),
                radio: node.radio,
                width_mhz: node.width_mhz,
                before: node.before,
                channel,
                dfs: choices[i].iter().any(|&(c, dfs)| c == channel && dfs),
                overlap_dbm,
            })
        })
        .collect::<Vec<_>>();
    let changed = radios
        .iter()
        .zip(&nodes)
        .filter(|(p, node)| {
            p.before != Some(p.channel)
                || node
                    .ap
                    .effective_radios()
                    .get(node.radio)
                    .is_some_and(|r| r.width_mhz != p.width_mhz)
        })
        .count();
    Ok(ChannelPlan {
        floor: floor.id.clone(),
        options: options.clone(),
        domain,
        channels,
        radios,
        conflicts_before,
        conflicts_after,
        changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::Radio;
    use crate::floor::Floor;

    fn ap(id: &str, x: f64, y: f64, channel: Option<u32>) -> AccessPoint {
        AccessPoint::one_radio(
            id,
            &id.to_uppercase(),
            Point::new(x, y),
            Radio {
                channel,
                ..Radio::new(WifiBand::Ghz5, 20.0)
            },
        )
    }

    fn project(aps: Vec<AccessPoint>) -> Project {
        let mut p = Project::new();
        let mut f = Floor::new("1", "L1", 0.0);
        f.access_points = aps;
        p.floors.push(f);
        p
    }

    #[test]
    fn neighbours_on_one_channel_are_split_and_the_plan_applies_as_edits() {
        // Four access points 10 m apart, all on 36: every pair conflicts.
        let aps: Vec<AccessPoint> = (0..4)
            .map(|i| ap(&format!("a{i}"), 10.0 * f64::from(i), 0.0, Some(36)))
            .collect();
        let mut p = project(aps);
        let opts = ChannelPlanOptions {
            channels: Some(vec![36, 40, 44, 48]),
            ..Default::default()
        };
        let plan = plan_channels(&p, "1", &opts).unwrap();
        assert_eq!(plan.conflicts_before, 6);
        assert_eq!(plan.conflicts_after, 0);
        let mut chans: Vec<u32> = plan.radios.iter().map(|r| r.channel).collect();
        chans.sort_unstable();
        assert_eq!(chans, [36, 40, 44, 48]);
        assert_eq!(plan.changed, 3);
        let edits = plan.edits(&p);
        assert_eq!(edits.len(), 3);
        p.apply(Edit::Batch { edits }).unwrap();
        let after: Vec<Option<u32>> = p.floors[0]
            .access_points
            .iter()
            .map(|a| a.radios[0].channel)
            .collect();
        assert_eq!(
            after,
            plan.radios
                .iter()
                .map(|r| Some(r.channel))
                .collect::<Vec<_>>()
        );
        // Planned again, nothing changes.
        let again = plan_channels(&p, "1", &opts).unwrap();
        assert_eq!(again.changed, 0);
    }

    #[test]
    fn with_too_few_channels_the_nearest_pairs_are_split_first() {
        // a0, a1 close together; a2 far away: with two channels, a0 and a1 differ and a2
        // shares with one of them.
        let mut p = project(vec![
            ap("a0", 0.0, 0.0, None),
            ap("a1", 5.0, 0.0, None),
            ap("a2", 200.0, 0.0, None),
        ]);
        p.settings.radio.path_loss_exponent = 3.0;
        let plan = plan_channels(
            &p,
            "1",
            &ChannelPlanOptions {
                channels: Some(vec![36, 40]),
                ..Default::default()
            },
        )
        .unwrap();
        assert_ne!(plan.radios[0].channel, plan.radios[1].channel);
        assert_eq!(plan.conflicts_after, 0);
        assert_eq!(plan.conflicts_before, 0, "no channel: no conflict counted");
    }

    #[test]
    fn widths_domains_and_dfs() {
        let p = project(
            (0..3)
                .map(|i| ap(&format!("a{i}"), 15.0 * f64::from(i), 0.0, None))
                .collect(),
        );
        // 80 MHz in ETSI: 42, 58, 106, 122, 155; without DFS: 42 and 155.
        let plan = plan_channels(
            &p,
            "1",
            &ChannelPlanOptions {
                width_mhz: Some(80),
                avoid_dfs: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(plan.channels, [42, 155]);
        assert!(plan.radios.iter().all(|r| r.width_mhz == 80 && !r.dfs));
        // Three radios, two clear blocks: the two farthest apart share one.
        assert_eq!(plan.radios[0].channel, plan.radios[2].channel);
        let plan = plan_channels(
            &p,
            "1",
            &ChannelPlanOptions {
                width_mhz: Some(80),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(plan.channels, [42, 58, 106, 122, 155]);
        assert_eq!(plan.conflicts_after, 0);
        // Another band: no radios, an empty plan.
        let none = plan_channels(
            &p,
            "1",
            &ChannelPlanOptions {
                band: WifiBand::Ghz6,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(none.radios.is_empty());
        assert!(matches!(
            plan_channels(&p, "9", &ChannelPlanOptions::default()),
            Err(CoverageError::UnknownFloor(_))
        ));
    }
}
