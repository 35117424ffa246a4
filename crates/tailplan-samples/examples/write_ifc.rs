//! `write_ifc OUT_DIR`: writes the sample BIM models for a look or an outside check:
//! `kontor.ifc` and `office-building.ifc` (the IFC importer's benchmark, 4.3 MB), each
//! with its intent as JSON beside it (`*.intent.json`: per storey its name, elevation,
//! walls, doors, windows and rooms, in metres in the model's world coordinates).
//!
//! ```text
//! cargo run -p tailplan-samples --example write_ifc -- /tmp/ifc
//! ```

use std::path::PathBuf;

use serde_json::{Value, json};
use tailplan_samples::drawings::{IfcDrawn, kontor_ifc, office_building_ifc_drawn};

fn intent_json(drawn: &IfcDrawn) -> Value {
    let pt = |p: tailplan_core::Point| json!([p.x, p.y]);
    let storeys: Vec<Value> = drawn
        .storeys
        .iter()
        .map(|s| {
            let i = &s.intent;
            json!({
                "name": s.name,
                "elevation_m": s.elevation_m,
                "walls": i.walls.iter().map(|w| json!({
                    "a": pt(w.a), "b": pt(w.b),
                    "thickness_m": w.thickness_m, "material": w.material,
                })).collect::<Vec<_>>(),
                "doors": i.doors.iter().map(|[a, b]| json!([pt(*a), pt(*b)])).collect::<Vec<_>>(),
                "windows": i.windows.iter().map(|[a, b]| json!([pt(*a), pt(*b)])).collect::<Vec<_>>(),
                "rooms": i.rooms,
            })
        })
        .collect();
    json!({ "storeys": storeys })
}

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .unwrap_or_else(|| "/tmp/ifc".into()),
    );
    std::fs::create_dir_all(&dir)?;
    for (name, drawn) in [
        ("kontor", kontor_ifc()),
        ("office-building", office_building_ifc_drawn()),
    ] {
        let path = dir.join(format!("{name}.ifc"));
        std::fs::write(&path, &drawn.bytes)?;
        println!("wrote {} ({} bytes)", path.display(), drawn.bytes.len());
        let path = dir.join(format!("{name}.intent.json"));
        std::fs::write(&path, serde_json::to_string_pretty(&intent_json(&drawn))?)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
