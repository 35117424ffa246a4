//! Hand-drawn cable routes (`route` features): the cables they carry, their length and the
//! tray sections they run along.
//!
//! A route's `from` is an endpoint's id, `to` a telecom room's id (project format 2; a name
//! is accepted where no id matches, for routes written by hand or by other tools). Its cables
//! replace the automatic ones of that endpoint:
//! - `from` naming an outlet routes **every port** of the outlet along the drawn line (one
//!   cable per port, as an installer pulls an outlet's cables together); `ID/PORT`
//!   (`o-0-001/2`, or `NAME/PORT`) routes one port only;
//! - the first route naming an endpoint wins; later ones are reported and ignored;
//! - a route may be drawn either way round: it is turned so that it starts near the endpoint.
//!
//! Its length is the drawn polyline, plus the gaps from the endpoint to the line's start and
//! from its end to the room's rack, the vertical drop from the endpoint to the height of the
//! first tray it follows (the floor's ceiling when it follows none), a riser when the room is
//! on another floor (the difference of the elevations), and the slack at both ends. Where the
//! line runs along a tray (within [`JOIN_TOLERANCE_M`] of it and parallel) it counts as tray
//! length and loads that tray's sections; the rest of the line counts as drop.
//!
//! Routes whose `props.routing` is `"auto"` are tailplan's own output (see
//! [`crate::routing::routed_project`]) and are not hand routes.

use std::collections::{BTreeSet, HashSet};

use petgraph::graph::EdgeIndex;

use crate::diagnostics::Severity;
use crate::geometry::{Point, Segment, polyline_length};
use crate::pathways::CableRoute;
use crate::project::Project;
use crate::routing::cable::CableLengths;
use crate::routing::endpoints::Endpoint;
use crate::routing::finding::{Finding, Rule};
use crate::routing::graph::{JOIN_TOLERANCE_M, PathwayGraph};
use crate::routing::route_ends::RouteEnds;

/// The value of `props.routing` that marks a route tailplan generated.
pub const AUTO_ROUTE_MARK: &str = "auto";

/// True when the route is tailplan's own output, not drawn by hand.
pub fn is_auto_route(route: &CableRoute) -> bool {
    route.props.get("routing").and_then(|v| v.as_str()) == Some(AUTO_ROUTE_MARK)
}

/// A hand route, resolved: the endpoints it serves and what its cables measure.
#[derive(Debug, Clone, PartialEq)]
pub struct HandRoute {
    /// The route's id.
    pub route_id: String,
    /// The endpoints it carries (indices into the endpoint list).
    pub endpoints: Vec<usize>,
    /// The room, as an index into [`PathwayGraph::rooms`].
    pub room: usize,
    /// Length of each of its cables.
    pub lengths: CableLengths,
    /// Tray sections it runs along.
    pub sections: Vec<EdgeIndex>,
    /// Ids of the trays it runs along, in order.
    pub trays: Vec<String>,
    /// Its path: floor index and points, endpoint first.
    pub path: (usize, Vec<Point>),
}

/// A run of a route along one tray section: (route segment, start along it, end, section).
type Run = (usize, f64, f64, EdgeIndex);

/// The parts of the polyline that run along tray sections.
fn runs_along_trays(graph: &PathwayGraph, floor: usize, points: &[Point]) -> Vec<Run> {
    let tol = JOIN_TOLERANCE_M;
    let mut runs = Vec::new();
    for (i, w) in points.windows(2).enumerate() {
        let seg = Segment::new(w[0], w[1]);
        let len = seg.length();
        if len <= tol {
            continue;
        }
        let (ux, uy) = ((w[1].x - w[0].x) / len, (w[1].y - w[0].y) / len);
        let off = |p: Point| ((p.x - w[0].x) * uy - (p.y - w[0].y) * ux).abs();
        let along = |p: Point| (p.x - w[0].x) * ux + (p.y - w[0].y) * uy;
        for (e, s) in graph.sections_near(floor, seg, tol) {
            if off(s.from) > tol || off(s.to) > tol {
                continue;
            }
            let (a, b) = (along(s.from), along(s.to));
            let (lo, hi) = (a.min(b).max(0.0), a.max(b).min(len));
            if hi - lo > tol {
                runs.push((i, lo, hi, e));
            }
        }
    }
    runs.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
    runs
}

/// Length of the union of the runs' intervals, per route segment.
fn run_length(runs: &[Run]) -> f64 {
    let mut total = 0.0;
    let mut cur: Option<(usize, f64, f64)> = None;
    for &(i, lo, hi, _) in runs {
        match cur {
            Some((ci, clo, chi)) if ci == i && lo <= chi => cur = Some((ci, clo, chi.max(hi))),
            _ => {
                if let Some((_, clo, chi)) = cur {
                    total += chi - clo;
                }
                cur = Some((i, lo, hi));
            }
        }
    }
    if let Some((_, clo, chi)) = cur {
        total += chi - clo;
    }
    total
}

/// Resolves every hand route of the project. Problems (an unknown endpoint or room, a route
/// on another floor than its endpoint, a second route for an endpoint) go to `findings`, and
/// the route, or the endpoint, is left to automatic routing.
pub fn hand_routes(
    project: &Project,
    graph: &PathwayGraph,
    endpoints: &[Endpoint],
    findings: &mut Vec<Finding>,
) -> Vec<HandRoute> {
    let cabling = &project.settings.cabling;
    let ends = RouteEnds::new(project, endpoints);
    let mut taken: HashSet<usize> = HashSet::new();
    let mut out = Vec::new();
    for (fi, floor) in project.floors.iter().enumerate() {
        for route in floor.routes.iter().filter(|r| !is_auto_route(r)) {
            let location = format!("floor \"{}\", route \"{}\"", floor.id, route.id);
            let mut problem = |severity: Severity, message: String| {
                findings.push(Finding::new(
                    Rule::HandRoute,
                    severity,
                    &route.id,
                    &location,
                    message,
                ));
            };
            if route.points.len() < 2 || route.points.iter().any(|p| !p.is_finite()) {
                problem(
                    Severity::Error,
                    "the route needs at least 2 finite points: ignored".into(),
                );
                continue;
            }
            // The room: by id; else by name, preferring this floor.
            let room = ends.room(&route.to, fi).and_then(|(f, i)| {
                graph
                    .rooms()
                    .iter()
                    .position(|r| (r.floor, r.index) == (f, i))
            });
            let Some(room) = room else {
                problem(
                    Severity::Error,
                    format!(
                        "`to` \"{}\" is the id or name of no telecom room: the route is ignored",
                        route.to
                    ),
                );
                continue;
            };
            // The endpoints: an element id (every port of an outlet) or ID/PORT; else a name
            // or NAME/PORT.
            let Some(end) = ends.endpoint(&route.from) else {
                let wireless =
                    project.floors.iter().flat_map(|f| &f.devices).any(|d| {
                        (d.name == route.from || d.id == route.from) && !d.medium.is_wired()
                    });
                let message = if wireless {
                    format!(
                        "`from` \"{}\" is a wireless device: it has no cable, the route is ignored",
                        route.from
                    )
                } else {
                    format!(
                        "`from` \"{}\" is the id or name of no outlet, access point or wired device: the route is ignored",
                        route.from
                    )
                };
                problem(Severity::Error, message);
                continue;
            };
            let mut chosen = end.endpoints();
            let first = &endpoints[chosen[0]];
            // How messages name it: as the user knows it, by name.
            let from_label = end.label(endpoints);
            if ends.is_ambiguous(&route.from) {
                problem(
                    Severity::Warning,
                    format!(
                        "several elements are named \"{}\": the route serves the first, {} \"{}\"",
                        route.from,
                        first.kind.as_str(),
                        first.element_id
                    ),
                );
            }
            if first.floor != fi {
                problem(
                    Severity::Error,
                    format!(
                        "it is drawn on floor \"{}\" but \"{from_label}\" is on floor \"{}\": the route is ignored",
                        floor.id, project.floors[first.floor].id
                    ),
                );
                continue;
            }
            let before = chosen.len();
            chosen.retain(|i| !taken.contains(i));
            if chosen.len() < before {
                problem(
                    Severity::Warning,
                    format!(
                        "\"{from_label}\" is already routed by an earlier route: {}",
                        if chosen.is_empty() {
                            "this one is ignored"
                        } else {
                            "this one carries only its other ports"
                        }
                    ),
                );
                if chosen.is_empty() {
                    continue;
                }
            }
            let rp = &graph.rooms()[room];
            let start = first.position;
            let same_floor = rp.floor == fi;
            let mut points = route.points.clone();
            let (f, l) = (points[0], points[points.len() - 1]);
            if same_floor
                && f.distance(rp.position) + l.distance(start)
                    < f.distance(start) + l.distance(rp.position)
            {
                points.reverse();
            }
            let start_gap = start.distance(points[0]);
            if start_gap > 1.0 {
                problem(
                    Severity::Warning,
                    format!(
                        "it starts {start_gap:.1} m from \"{from_label}\": the gap is counted as drop"
                    ),
                );
            }
            let end = points[points.len() - 1];
            let end_gap = if same_floor {
                end.distance(rp.position)
            } else {
                0.0
            };
            let riser_m = if same_floor {
                0.0
            } else {
                let rise = (project.floors[rp.floor].elevation_m - floor.elevation_m).abs();
                problem(
                    Severity::Info,
                    format!(
                        "its room \"{}\" is on floor \"{}\": {rise:.2} m of riser added (the elevation difference)",
                        project.floors[rp.floor].telecom_rooms[rp.index].name,
                        project.floors[rp.floor].id
                    ),
                );
                rise
            };
            let runs = runs_along_trays(graph, fi, &points);
            let tray_m = run_length(&runs);
            let drawn = polyline_length(&points);
            let height = runs
                .first()
                .and_then(|r| graph.section(r.3))
                .map_or(floor.ceiling_m, |s| s.height_m);
            let vertical = (height - first.height_m).abs();
            let lengths = CableLengths::new(
                start_gap + vertical + (drawn - tray_m).max(0.0) + end_gap,
                tray_m,
                riser_m,
                cabling.slack_outlet_m + cabling.slack_telecom_room_m,
            );
            let mut seen = BTreeSet::new();
            let sections: Vec<EdgeIndex> = runs
                .iter()
                .map(|r| r.3)
                .filter(|e| seen.insert(*e))
                .collect();
            let mut trays: Vec<String> = Vec::new();
            for e in &sections {
                if let Some(s) = graph.section(*e) {
                    let id = &floor.trays[s.tray].id;
                    if trays.last() != Some(id) {
                        trays.push(id.clone());
                    }
                }
            }
            let mut path = vec![start];
            path.extend(points.iter().copied().filter(|p| *p != start));
            if same_floor && path.last() != Some(&rp.position) {
                path.push(rp.position);
            }
            taken.extend(chosen.iter().copied());
            out.push(HandRoute {
                route_id: route.id.clone(),
                endpoints: chosen,
                room,
                lengths,
                sections,
                trays,
                path: (fi, path),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_runs_count_once() {
        let e = EdgeIndex::new(0);
        let runs = vec![(0, 0.0, 5.0, e), (0, 3.0, 8.0, e), (1, 0.0, 2.0, e)];
        assert!((run_length(&runs) - 10.0).abs() < 1e-12);
    }
}
