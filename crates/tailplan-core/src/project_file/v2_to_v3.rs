//! Version 2 → 3: an access point's radios.
//!
//! In version 2 an access point had one radio, its `band`, `channel` and `tx_dbm` on the
//! access point itself. Version 3 gives it a list of `radios` (and optionally a catalogue
//! `model`); this step moves the three members into a one-radio list, `width_mhz` left out
//! (20 MHz, the width version 2 modelled), so the maps stay the same. A version 2 access point
//! without a `band` had the default 5 GHz, without a `tx_dbm` 20 dBm: written out here.
//!
//! Its PoE draw is not rewritten: a version 2 access point without `poe_w` drew 0 W, and one
//! of version 3 draws [`crate::AccessPoint::DEFAULT_POE_W`] (802.3at class 4), the figure
//! a real access point of unknown model needs; the upgrade note says so.
//!
//! It works on the JSON as version 2 wrote it, not on the model.

use serde_json::{Map, Value};

/// Rewrites every access point of every floor.
pub(super) fn apply(root: &mut Value) -> Result<(), String> {
    let Some(floors) = root.get_mut("floors").and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for (f, floor) in floors.iter_mut().enumerate() {
        let Some(aps) = floor.get_mut("access_points").and_then(Value::as_array_mut) else {
            continue;
        };
        for (a, ap) in aps.iter_mut().enumerate() {
            let ap = ap
                .as_object_mut()
                .ok_or_else(|| format!("floors[{f}].access_points[{a}] is not an object"))?;
            if ap.contains_key("radios") {
                continue;
            }
            let mut radio = Map::new();
            radio.insert(
                "band".into(),
                ap.remove("band").unwrap_or_else(|| Value::from("5")),
            );
            if let Some(ch) = ap.remove("channel") {
                radio.insert("channel".into(), ch);
            }
            radio.insert(
                "tx_dbm".into(),
                ap.remove("tx_dbm").unwrap_or_else(|| Value::from(20.0)),
            );
            ap.insert("radios".into(), Value::Array(vec![Value::Object(radio)]));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_radio_moves_into_the_list() {
        let mut v = json!({"floors": [{"access_points": [
            {"id": "a", "band": "2.4", "channel": 6, "tx_dbm": 17.0, "height_m": 3.0},
            {"id": "b", "height_m": 2.5, "poe_w": 12.0},
            {"id": "c", "radios": [{"band": "6", "tx_dbm": 14.0}]}
        ]}, {"walls": []}]});
        apply(&mut v).unwrap();
        assert_eq!(
            v["floors"][0]["access_points"],
            json!([
                {"id": "a", "radios": [{"band": "2.4", "channel": 6, "tx_dbm": 17.0}], "height_m": 3.0},
                {"id": "b", "radios": [{"band": "5", "tx_dbm": 20.0}], "height_m": 2.5, "poe_w": 12.0},
                {"id": "c", "radios": [{"band": "6", "tx_dbm": 14.0}]}
            ])
        );
        let mut bad = json!({"floors": [{"access_points": [3]}]});
        assert_eq!(
            apply(&mut bad).unwrap_err(),
            "floors[0].access_points[0] is not an object"
        );
    }
}
