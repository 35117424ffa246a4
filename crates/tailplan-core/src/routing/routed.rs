//! The routed project: the project with every automatic cable drawn as a [`CableRoute`], so
//! that the editor and the sheets draw them like hand routes.
//!
//! Each automatic cable becomes one route per floor it crosses (a cable up a riser has a part
//! on each floor), with `from` the endpoint's id (`ID/PORT` for an outlet port), `to` the
//! room's id (see [`crate::routing::route_ends`]), and `props`: `"routing": "auto"`, `"cable_id"`, `"medium"`, `"total_m"` and, for a
//! cable over several floors, `"part": "1/2"`. Routes marked `"routing": "auto"` are not hand
//! routes: routing a routed project again replaces them and gives the same result.

use serde_json::json;

use crate::pathways::CableRoute;
use crate::project::Project;
use crate::props::Props;
use crate::routing::Routing;
use crate::routing::cable::RouteSource;
use crate::routing::hand::{AUTO_ROUTE_MARK, is_auto_route};

/// The project with its earlier automatic routes removed and the automatic cables of
/// `routing` added as marked routes (ids `auto-1`, `auto-2`... not used by anything else).
pub fn routed_project(project: &Project, routing: &Routing) -> Project {
    let mut out = project.clone();
    for f in &mut out.floors {
        f.routes.retain(|r| !is_auto_route(r));
    }
    let mut ids = out.id_allocator();
    for c in routing
        .cables
        .iter()
        .filter(|c| c.source == RouteSource::Auto)
    {
        let parts: Vec<_> = c.path.iter().filter(|p| p.points.len() >= 2).collect();
        for (k, part) in parts.iter().enumerate() {
            let Some(floor) = out.floors.iter_mut().find(|f| f.id == part.floor) else {
                continue;
            };
            let mut props = Props::new();
            props.insert("routing".into(), json!(AUTO_ROUTE_MARK));
            props.insert("cable_id".into(), json!(c.id));
            props.insert("medium".into(), json!(c.medium.as_str()));
            props.insert("total_m".into(), json!(c.lengths.total_m));
            if parts.len() > 1 {
                props.insert("part".into(), json!(format!("{}/{}", k + 1, parts.len())));
            }
            floor.routes.push(CableRoute {
                id: ids.next("auto"),
                from: match c.endpoint.port {
                    Some(port) => format!("{}/{port}", c.endpoint.element_id),
                    None => c.endpoint.element_id.clone(),
                },
                to: c.room_id.clone(),
                points: part.points.clone(),
                props,
            });
        }
    }
    out
}
