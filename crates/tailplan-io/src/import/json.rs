//! JSON counted before it is parsed: a GeoJSON or project file too big for the limits is
//! refused before `serde_json` holds it.

use super::error::ImportError;
use super::options::{ImportLimits, Limit};

/// [`check_json`] at the default limits, for a project file or GeoJSON about to be opened
/// (by the CLI's commands and the npm package's `fromJSON`, `fromGeoJSON`): the refusal as
/// one line naming the file, the line and what is too many.
pub fn check_json_to_open(file: &str, text: &str) -> Result<(), String> {
    check_json(file, text, &ImportLimits::default()).map_err(|e| match e {
        ImportError::LimitExceeded {
            line,
            entity,
            limit,
            max,
            ..
        } => format!(
            "{file}: line {}: {}: more than {max} {limit}, the most tailplan opens",
            line.unwrap_or(1),
            entity.unwrap_or_default()
        ),
        other => other.to_string(),
    })
}

/// Counts a JSON text's values, objects and positions (arrays of numbers: GeoJSON
/// coordinates) before it is parsed, so that a file too big for the limits is refused before
/// `serde_json` holds it (a parsed value takes some ten times its text): positions beyond
/// [`ImportLimits::max_points`], objects beyond four per entity allowed (a feature, its
/// geometry and properties), or values beyond three per point and eight per entity allowed.
///
/// [`import_file`](super::import_file) runs it on every GeoJSON and IMDF file; the CLI also on the project files
/// it opens.
pub fn check_json(file: &str, text: &str, limits: &ImportLimits) -> Result<(), ImportError> {
    let bytes = text.as_bytes();
    let (mut positions, mut objects, mut values, mut line) = (0usize, 0usize, 0usize, 1usize);
    let max_objects = limits.max_entities.saturating_mul(4);
    let max_values = limits
        .max_points
        .saturating_mul(3)
        .saturating_add(limits.max_entities.saturating_mul(8));
    let (mut in_string, mut escaped, mut in_token) = (false, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        let token = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.');
        let over = match b {
            b'"' => {
                in_string = true;
                values += 1;
                None
            }
            b'{' => {
                objects += 1;
                values += 1;
                (objects > max_objects).then_some((Limit::Entities, "JSON objects", max_objects))
            }
            b'[' => {
                values += 1;
                let next = bytes[i + 1..].iter().find(|c| !c.is_ascii_whitespace());
                if next.is_some_and(|c| c.is_ascii_digit() || *c == b'-') {
                    positions += 1;
                }
                (positions > limits.max_points).then_some((
                    Limit::Points,
                    "coordinates (positions)",
                    limits.max_points,
                ))
            }
            _ if token && !in_token => {
                values += 1;
                None
            }
            _ => None,
        };
        in_token = token;
        let over = over.or_else(|| {
            (values > max_values).then_some((Limit::Entities, "JSON values", max_values))
        });
        if let Some((limit, what, max)) = over {
            return Err(ImportError::LimitExceeded {
                file: file.to_owned(),
                line: Some(line),
                entity: Some(match limit {
                    Limit::Points => what.to_owned(),
                    _ => format!("{what} (up to {max} for {} entities)", limits.max_entities),
                }),
                limit,
                max: match limit {
                    Limit::Points => limits.max_points,
                    _ => limits.max_entities,
                } as u64,
            });
        }
    }
    Ok(())
}
