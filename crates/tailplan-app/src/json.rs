//! Rounding for the JSON files the CLI writes for people and scripts (coverage maps,
//! placements): numbers to 0.01, where the npm package hands the exact values over.

use serde_json::Value;

/// Rounds to 0.01 (dB, dBm, percent, m²), halves away from zero.
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Rounds every number of a JSON value that is not an integer to 0.01.
pub fn round_numbers(v: &mut Value) {
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(r) = n
                .as_f64()
                .map(round2)
                .and_then(serde_json::Number::from_f64)
            {
                *n = r;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(round_numbers),
        Value::Object(o) => o.values_mut().for_each(round_numbers),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_the_hundredth() {
        let mut v = serde_json::json!({"a": [1.005, -2.346, 7], "b": {"c": 0.1 + 0.2}});
        round_numbers(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"a": [1.0, -2.35, 7], "b": {"c": 0.3}})
        );
    }
}
