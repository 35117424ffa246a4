//! Version 1 → 2: route ends by id.
//!
//! In version 1 a route's `from` named an endpoint (`O-0-001`, or `O-0-001/2` for one port)
//! and `to` a telecom room, each looked up by **name first**, by id only when no name matched:
//! renaming an outlet or a room in the editor broke its routes. Version 2 refers to them by
//! id (see [`crate::routing::route_ends`]). This step rewrites each route's ends into the ids
//! the version-1 rules resolved them to, so every route serves exactly what it served before:
//! - `from`: the first wired endpoint (outlets with ports, access points, devices not
//!   `wireless`, floor by floor, in that order) with that name → its id; else an endpoint's id
//!   stays; else `NAME/PORT` of the first outlet with that name and port → `ID/PORT`;
//! - `to`: the telecom room with that name, on the route's floor first → its id;
//! - anything else (an end that named nothing) stays as it was, for routing to report.
//!
//! It works on the JSON as version 1 wrote it, not on the model, so that later versions of the
//! model never change what it does.

use std::collections::HashMap;

use serde_json::Value;

/// One wired endpoint element of a version-1 file.
struct Element<'a> {
    id: &'a str,
    name: &'a str,
    /// The outlet's ports; `None` for access points and devices.
    ports: Option<u64>,
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn items<'a>(floor: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    floor
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// The wired endpoint elements in version 1's endpoint order.
fn elements(floors: &[Value]) -> Vec<Element<'_>> {
    let mut out = Vec::new();
    for f in floors {
        for o in items(f, "outlets") {
            let ports = o.get("ports").and_then(Value::as_u64).unwrap_or(0);
            if let (Some(id), Some(name), true) = (str_of(o, "id"), str_of(o, "name"), ports > 0) {
                out.push(Element {
                    id,
                    name,
                    ports: Some(ports),
                });
            }
        }
        let devices = items(f, "devices").filter(|d| str_of(d, "medium") != Some("wireless"));
        for e in items(f, "access_points").chain(devices) {
            if let (Some(id), Some(name)) = (str_of(e, "id"), str_of(e, "name")) {
                out.push(Element {
                    id,
                    name,
                    ports: None,
                });
            }
        }
    }
    out
}

/// What version 1 resolved `from` to, as version 2 writes it.
fn from_id(from: &str, elements: &[Element], by_name: &HashMap<&str, usize>) -> Option<String> {
    if let Some(&i) = by_name.get(from) {
        return Some(elements[i].id.to_owned());
    }
    if elements.iter().any(|e| e.id == from) {
        return None;
    }
    let (name, port) = from.rsplit_once('/')?;
    let port: u64 = port.parse().ok()?;
    let outlet = elements
        .iter()
        .find(|e| e.name == name && e.ports.is_some_and(|n| (1..=n).contains(&port)))?;
    Some(format!("{}/{port}", outlet.id))
}

/// Rewrites every route's `from` and `to` by id.
pub(super) fn apply(file: &mut Value) -> Result<(), String> {
    let Some(floors) = file.get("floors").and_then(Value::as_array) else {
        return Ok(());
    };
    let elements = elements(floors);
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (i, e) in elements.iter().enumerate() {
        by_name.entry(e.name).or_insert(i);
    }
    // Telecom rooms: (floor index, id, name).
    let rooms: Vec<(usize, &str, &str)> = floors
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| {
            items(f, "telecom_rooms")
                .filter_map(move |r| Some((fi, str_of(r, "id")?, str_of(r, "name")?)))
        })
        .collect();
    // Every change, worked out before the JSON is borrowed for writing.
    let mut changes: Vec<(usize, usize, &'static str, String)> = Vec::new();
    for (fi, f) in floors.iter().enumerate() {
        for (ri, route) in items(f, "routes").enumerate() {
            if let Some(id) = str_of(route, "from").and_then(|t| from_id(t, &elements, &by_name)) {
                changes.push((fi, ri, "from", id));
            }
            let to = str_of(route, "to");
            let room = rooms
                .iter()
                .filter(|(_, _, name)| Some(*name) == to)
                .min_by_key(|(rf, _, _)| *rf != fi);
            if let Some((_, id, _)) = room {
                changes.push((fi, ri, "to", (*id).to_owned()));
            }
        }
    }
    for (fi, ri, key, id) in changes {
        file["floors"][fi]["routes"][ri][key] = Value::String(id);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn ends_become_the_ids_version_1_resolved_them_to() {
        let mut file = json!({"floors": [
            {"id": "0", "outlets": [
                {"id": "o-1", "name": "O-1", "ports": 2},
                {"id": "o-0", "name": "O-0", "ports": 0}],
             "access_points": [{"id": "O-1", "name": "AP-1"}],
             "devices": [
                {"id": "d-1", "name": "CAM", "medium": "cat6a"},
                {"id": "d-2", "name": "SENSOR", "medium": "wireless"}],
             "telecom_rooms": [{"id": "tr-0", "name": "TR"}],
             "routes": [
                {"from": "O-1", "to": "TR"},
                {"from": "O-1/2", "to": "tr-0"},
                {"from": "AP-1", "to": "TR"},
                {"from": "d-1", "to": "TR-9"},
                {"from": "SENSOR", "to": "TR"},
                {"from": "O-0", "to": "TR"},
                {"from": "O-1/3", "to": "TR"}]},
            {"id": "1", "telecom_rooms": [{"id": "tr-1", "name": "TR"}],
             "routes": [{"from": "CAM", "to": "TR", "props": {"routing": "auto"}}]}
        ]});
        apply(&mut file).unwrap();
        let ends: Vec<(String, String)> = file["floors"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["routes"].as_array().unwrap())
            .map(|r| (r["from"].to_string(), r["to"].to_string()))
            .collect();
        let expected = [
            // By name first: the outlet named "O-1", not the access point whose id is "O-1".
            (r#""o-1""#, r#""tr-0""#),
            (r#""o-1/2""#, r#""tr-0""#),
            (r#""O-1""#, r#""tr-0""#),
            // Already an id; a room that is not there stays.
            (r#""d-1""#, r#""TR-9""#),
            // A wireless device, an outlet without ports, a port it does not have: no
            // endpoint in version 1, none in version 2.
            (r#""SENSOR""#, r#""tr-0""#),
            (r#""O-0""#, r#""tr-0""#),
            (r#""O-1/3""#, r#""tr-0""#),
            // The room of that name on the route's own floor.
            (r#""d-1""#, r#""tr-1""#),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        assert_eq!(ends, expected);
    }

    #[test]
    fn a_file_without_floors_or_routes_is_left_alone() {
        for mut file in [json!({}), json!({"floors": [{"id": "0"}]})] {
            let before = file.clone();
            apply(&mut file).unwrap();
            assert_eq!(file, before);
        }
    }
}
