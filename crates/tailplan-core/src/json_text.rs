//! JSON text that stays readable and diffable: objects one member per line, but arrays of
//! numbers (coordinates) kept on one line.

use serde_json::Value;

/// Pretty-prints `value` with two-space indents, writing every array that holds no object
/// on a single line (`[[0.0,0.0],[12.5,0.0]]`).
pub fn to_pretty_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out.push('\n');
    out
}

fn write_value(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_value(out, v, depth + 1);
            }
            newline(out, depth);
            out.push('}');
        }
        Value::Array(items) if items.iter().any(has_object) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                write_value(out, v, depth + 1);
            }
            newline(out, depth);
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn has_object(v: &Value) -> bool {
    match v {
        Value::Object(m) => !m.is_empty(),
        Value::Array(a) => a.iter().any(has_object),
        _ => false,
    }
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn coordinates_stay_on_one_line() {
        let v = json!({"a": [[0.0, 1.5], [2.0, 3.0]], "b": [{"c": 1}], "d": {}, "e": "x\"y"});
        let text = to_pretty_string(&v);
        assert_eq!(
            text,
            "{\n  \"a\": [[0.0,1.5],[2.0,3.0]],\n  \"b\": [\n    {\n      \"c\": 1\n    }\n  ],\n  \"d\": {},\n  \"e\": \"x\\\"y\"\n}\n"
        );
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
    }
}
