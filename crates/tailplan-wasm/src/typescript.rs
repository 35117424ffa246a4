//! The package's TypeScript types, generated from the Rust types through their JSON Schemas.
//!
//! Every argument and result of the JavaScript API is a Rust type deriving `JsonSchema`
//! (schemars follows the serde attributes, so the schema is the JSON the type reads or writes).
//! Each type is rendered twice over: as the API *returns* it (schemars' serialize contract: a
//! member with a default is always there) and as the API *reads* it (the deserialize contract:
//! such a member may be left out). Where the two differ, the reading form is written
//! `NameInput` (`ProjectFileInput`, `AccessPointInput`...); where they agree, one type serves
//! both. A JSON value of any shape is `JsonValue`, never `any`.
//!
//! `TAILPLAN_BLESS=1 cargo test -p tailplan-wasm typescript` writes `ts/types.d.ts`; the test
//! fails when the file is out of date.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use tailplan_app::CsvTable;

use crate::options::{
    CalibrateOptions, CapacityOptions, CoverageOptions, GeoJsonOptions, ImportOptions,
    PlaceApsOptions, PlaceGatewaysOptions, PlanChannelsOptions, ScenariosOptions, SheetOptions,
    SheetSetOptions,
};
use crate::results::{
    CheckResult, CoverageResult, ProjectFile, ProjectInfo, RouteResult, SheetResult,
};

type Defs = BTreeMap<String, Value>;

fn collect(settings: SchemaSettings, roots: &[fn(&mut schemars::SchemaGenerator)]) -> Defs {
    let mut generator = settings.into_generator();
    for root in roots {
        root(&mut generator);
    }
    generator.take_definitions(true).into_iter().collect()
}

fn add<T: JsonSchema>(g: &mut schemars::SchemaGenerator) {
    g.subschema_for::<T>();
}

/// The names `schema` refers to.
fn refs(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref")
                && let Some(name) = r.strip_prefix("#/$defs/")
            {
                out.insert(name.to_owned());
            }
            m.values().for_each(|v| refs(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// The whole `types.d.ts`.
pub fn generate() -> String {
    let mut output = collect(
        SchemaSettings::draft2020_12().for_serialize(),
        &[
            add::<ProjectFile>,
            add::<tailplan_core::Floor>,
            add::<tailplan_core::Diagnostic>,
            add::<ProjectInfo>,
            add::<CoverageResult>,
            add::<RouteResult>,
            add::<CheckResult>,
            add::<SheetResult>,
            add::<tailplan_core::coverage::placement::ApPlacement>,
            add::<tailplan_app::GatewayPlacements>,
            add::<tailplan_core::coverage::ChannelPlan>,
            add::<tailplan_app::antenna::AntennaAdded>,
            add::<tailplan_app::CapacityResult>,
            add::<tailplan_app::survey::SurveyAdded>,
            add::<tailplan_app::AccuracyResult>,
            add::<tailplan_app::CalibrationResult>,
            add::<tailplan_core::ap_models::ApModel>,
            add::<tailplan_app::scenarios::ScenariosResult>,
        ],
    );
    // A coverage grid's values cross as a typed array, not as JSON numbers (lib.rs).
    if let Some(values) = output
        .get_mut("CoverageResult")
        .and_then(|s| s.pointer_mut("/properties/best_rssi_dbm"))
        .and_then(Value::as_object_mut)
    {
        values.retain(|k, _| k == "description");
        values.insert("tsType".into(), Value::String("Float32Array".into()));
    }
    let input = collect(
        SchemaSettings::draft2020_12().for_deserialize(),
        &[
            add::<ProjectFile>,
            add::<tailplan_core::Edit>,
            add::<GeoJsonOptions>,
            add::<ImportOptions>,
            add::<CoverageOptions>,
            add::<SheetOptions>,
            add::<SheetSetOptions>,
            add::<PlaceApsOptions>,
            add::<PlaceGatewaysOptions>,
            add::<PlanChannelsOptions>,
            add::<CapacityOptions>,
            add::<CalibrateOptions>,
            add::<ScenariosOptions>,
            add::<CsvTable>,
        ],
    );
    // Types read differently from how they are written, and those that refer to them.
    let mut renamed: BTreeSet<String> = input
        .iter()
        .filter(|(n, s)| output.get(*n).is_some_and(|o| o != *s))
        .map(|(n, _)| n.clone())
        .collect();
    loop {
        let more: Vec<String> = input
            .iter()
            .filter(|(n, s)| {
                output.contains_key(*n) && !renamed.contains(*n) && {
                    let mut r = BTreeSet::new();
                    refs(s, &mut r);
                    r.iter().any(|x| renamed.contains(x))
                }
            })
            .map(|(n, _)| n.clone())
            .collect();
        if more.is_empty() {
            break;
        }
        renamed.extend(more);
    }
    let input_name = |n: &str| {
        if renamed.contains(n) {
            format!("{n}Input")
        } else {
            n.to_owned()
        }
    };

    let mut out = String::from(
        "// Generated from the Rust types through their JSON Schemas by crates/tailplan-wasm\n\
         // (src/typescript.rs): do not edit. TAILPLAN_BLESS=1 cargo test -p tailplan-wasm typescript\n\
         // writes it again.\n\n\
         /** Any JSON value. */\n\
         export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n",
    );
    let mut all: BTreeMap<String, String> = BTreeMap::new();
    for (name, schema) in &output {
        all.insert(
            name.clone(),
            declaration(name, schema, &|n: &str| n.to_owned()),
        );
    }
    for (name, schema) in &input {
        if output.contains_key(name) && !renamed.contains(name) {
            continue;
        }
        let own = input_name(name);
        all.insert(own.clone(), declaration(&own, schema, &input_name));
    }
    for decl in all.values() {
        out.push('\n');
        out.push_str(decl);
    }
    out
}

/// `export interface` or `export type` for one definition.
fn declaration(name: &str, schema: &Value, names: &dyn Fn(&str) -> String) -> String {
    let mut out = doc(schema, "");
    let plain_object = schema.as_object().is_some_and(|m| {
        m.get("type") == Some(&Value::String("object".into()))
            && m.contains_key("properties")
            && !m.contains_key("oneOf")
            && !m.contains_key("anyOf")
            && !m.contains_key("allOf")
    });
    if plain_object {
        let _ = writeln!(out, "export interface {name} {}", ts(schema, names, ""));
    } else {
        let _ = writeln!(out, "export type {name} = {};", ts(schema, names, ""));
    }
    out
}

fn doc(schema: &Value, indent: &str) -> String {
    let Some(text) = schema.get("description").and_then(Value::as_str) else {
        return String::new();
    };
    let text = text.replace("*/", "*\\/");
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() == 1 {
        format!("{indent}/** {text} */\n")
    } else {
        let mut out = format!("{indent}/**\n");
        for l in lines {
            if l.is_empty() {
                let _ = writeln!(out, "{indent} *");
            } else {
                let _ = writeln!(out, "{indent} * {l}");
            }
        }
        let _ = writeln!(out, "{indent} */");
        out
    }
}

fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("//") || t.starts_with("/**") || t.starts_with('*')
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

fn union(parts: Vec<String>) -> String {
    let mut seen = Vec::new();
    for p in parts {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    seen.join(" | ")
}

/// True when `t` has a union or an intersection at its top level.
fn compound(t: &str) -> bool {
    let mut depth = 0i32;
    let bytes = t.as_bytes();
    let mut in_string = false;
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'"' => in_string = !in_string,
            _ if in_string => {}
            b'{' | b'[' | b'(' | b'<' => depth += 1,
            b'}' | b']' | b')' | b'>' => depth -= 1,
            b'|' | b'&' if depth == 0 && i > 0 => return true,
            _ => {}
        }
    }
    false
}

fn parens(t: String) -> String {
    if compound(&t) { format!("({t})") } else { t }
}

/// The TypeScript type of a schema.
fn ts(schema: &Value, names: &dyn Fn(&str) -> String, indent: &str) -> String {
    let m = match schema {
        Value::Bool(true) => return "JsonValue".into(),
        Value::Bool(false) => return "never".into(),
        Value::Object(m) => m,
        _ => return "JsonValue".into(),
    };
    if let Some(Value::String(t)) = m.get("tsType") {
        return t.clone();
    }
    if let Some(Value::String(r)) = m.get("$ref") {
        let base = names(r.strip_prefix("#/$defs/").unwrap_or(r));
        // Members beside the reference (an internally tagged enum's tag): an intersection.
        let mut rest = m.clone();
        for k in ["$ref", "description", "default", "title"] {
            rest.remove(k);
        }
        if rest.is_empty() {
            return base;
        }
        return format!(
            "{base} & {}",
            parens(ts(&Value::Object(rest), names, indent))
        );
    }
    if let Some(c) = m.get("const") {
        return literal(c);
    }
    if let Some(Value::Array(values)) = m.get("enum") {
        return union(values.iter().map(literal).collect());
    }
    let mut alternatives: Option<String> = None;
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(list)) = m.get(key) {
            alternatives = Some(union(
                list.iter().map(|s| parens(ts(s, names, indent))).collect(),
            ));
        }
    }
    let mut all: Vec<String> = Vec::new();
    if let Some(Value::Array(list)) = m.get("allOf") {
        all.extend(list.iter().map(|s| parens(ts(s, names, indent))));
    }
    let own = match m.get("type") {
        Some(Value::String(t)) => Some(of_type(t, m, names, indent)),
        Some(Value::Array(types)) => Some(union(
            types
                .iter()
                .filter_map(Value::as_str)
                .map(|t| of_type(t, m, names, indent))
                .collect(),
        )),
        _ => None,
    };
    match (own, alternatives) {
        (Some(o), Some(a)) => all.insert(0, format!("{} & ({a})", parens(o))),
        (Some(o), None) => all.insert(0, o),
        (None, Some(a)) => all.insert(0, a),
        (None, None) if all.is_empty() => return "JsonValue".into(),
        (None, None) => {}
    }
    if all.len() == 1 {
        all.remove(0)
    } else {
        all.into_iter().map(parens).collect::<Vec<_>>().join(" & ")
    }
}

fn literal(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "never".into())
}

fn of_type(
    t: &str,
    m: &Map<String, Value>,
    names: &dyn Fn(&str) -> String,
    indent: &str,
) -> String {
    match t {
        "string" => "string".into(),
        "number" | "integer" => "number".into(),
        "boolean" => "boolean".into(),
        "null" => "null".into(),
        "array" => {
            if let Some(Value::Array(items)) = m.get("prefixItems") {
                let parts: Vec<String> = items.iter().map(|s| ts(s, names, indent)).collect();
                format!("[{}]", parts.join(", "))
            } else if let (Some(items), Some(n)) =
                (m.get("items"), m.get("minItems").and_then(Value::as_u64))
                && m.get("maxItems").and_then(Value::as_u64) == Some(n)
                && n <= 6
            {
                let item = ts(items, names, indent);
                format!("[{}]", vec![item; n as usize].join(", "))
            } else {
                match m.get("items") {
                    Some(items) => format!("{}[]", parens(ts(items, names, indent))),
                    None => "JsonValue[]".into(),
                }
            }
        }
        "object" => object(m, names, indent),
        _ => "JsonValue".into(),
    }
}

fn object(m: &Map<String, Value>, names: &dyn Fn(&str) -> String, indent: &str) -> String {
    let props = m.get("properties").and_then(Value::as_object);
    let extra = m.get("additionalProperties");
    let Some(props) = props.filter(|p| !p.is_empty()) else {
        return match extra {
            Some(Value::Bool(false)) => "Record<string, never>".into(),
            Some(Value::Object(s)) => format!(
                "{{ [key: string]: {} }}",
                ts(&Value::Object(s.clone()), names, indent)
            ),
            _ => "{ [key: string]: JsonValue }".into(),
        };
    };
    let required: BTreeSet<&str> = m
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for (key, schema) in props {
        out.push_str(&doc(schema, &inner));
        let k = if is_identifier(key) {
            key.clone()
        } else {
            literal(&Value::String(key.clone()))
        };
        let optional = if required.contains(key.as_str()) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(out, "{inner}{k}{optional}: {};", ts(schema, names, &inner));
    }
    out.push_str(indent);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typescript_types_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ts/types.d.ts");
        let generated = generate();
        if std::env::var_os("TAILPLAN_BLESS").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let current = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            current == generated,
            "ts/types.d.ts is out of date: run TAILPLAN_BLESS=1 cargo test -p tailplan-wasm typescript"
        );
    }

    #[test]
    fn every_type_is_declared_and_none_is_any() {
        let text = generate();
        let declared: BTreeSet<&str> = text
            .lines()
            .filter_map(|l| {
                l.strip_prefix("export interface ")
                    .or_else(|| l.strip_prefix("export type "))
            })
            .filter_map(|l| l.split([' ', '<']).next())
            .collect();
        for needed in [
            "ProjectFile",
            "ProjectFileInput",
            "Floor",
            "Edit",
            "Diagnostic",
            "ProjectInfo",
            "CoverageResult",
            "RouteResult",
            "SheetResult",
            "GeoJsonOptions",
            "ImportOptions",
            "CoverageOptions",
            "SheetOptions",
            "SheetSetOptions",
            "ScenariosOptions",
            "ScenariosResult",
        ] {
            assert!(declared.contains(needed), "{needed} is not declared");
        }
        // Every name used is declared (or a TypeScript built-in); string literals aside.
        let code: String = text
            .lines()
            .filter(|l| !is_comment(l))
            .map(|l| l.split('"').step_by(2).collect::<Vec<_>>().join("\"\""))
            .collect::<Vec<_>>()
            .join("\n");
        for word in code
            .lines()
            .flat_map(|l| l.split(|c: char| !c.is_ascii_alphanumeric() && c != '_'))
            .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        {
            assert!(
                declared.contains(word) || ["Record", "Float32Array"].contains(&word),
                "{word} is used but not declared"
            );
        }
        assert!(
            !code
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|w| w == "any" || w == "unknown"),
            "no any"
        );
    }

    #[test]
    fn schemas_render_as_typescript() {
        let names = |n: &str| n.to_owned();
        let s = serde_json::json!({"type": ["string", "null"]});
        assert_eq!(ts(&s, &names, ""), "string | null");
        let s = serde_json::json!({"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2});
        assert_eq!(ts(&s, &names, ""), "[number, number]");
        let s = serde_json::json!({"oneOf": [{"const": "a"}, {"const": "b"}]});
        assert_eq!(ts(&s, &names, ""), "\"a\" | \"b\"");
        let s = serde_json::json!({"type": "object", "additionalProperties": {"type": "integer"}});
        assert_eq!(ts(&s, &names, ""), "{ [key: string]: number }");
        let s = serde_json::json!({"type": "object", "properties": {"2.4": {"type": "number"}, "x": {"$ref": "#/$defs/Point"}}, "required": ["x"]});
        assert_eq!(ts(&s, &names, ""), "{\n  \"2.4\"?: number;\n  x: Point;\n}");
        let s = serde_json::json!({"type": "object", "additionalProperties": true});
        assert_eq!(ts(&s, &names, ""), "{ [key: string]: JsonValue }");
        let s = serde_json::json!({"$ref": "#/$defs/Wall", "type": "object", "properties": {"element": {"const": "wall"}}, "required": ["element"]});
        assert_eq!(ts(&s, &names, ""), "Wall & {\n  element: \"wall\";\n}");
    }
}
