//! The sample drawings (`floorplans/*.dxf`, `floorplans/*.svg`): the same as the generator
//! writes, deterministic, and well-formed as their formats. How they import is checked in
//! the root tests crate (`tests/import_samples.rs`), against their `Intent`.

use std::path::PathBuf;

use tailplan_samples::drawings::{DRAWINGS, office_building_dxf};

fn floorplans() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../floorplans")
}

#[test]
fn committed_drawings_are_what_the_generator_writes() {
    for sample in DRAWINGS {
        let path = floorplans().join(sample.file_name);
        let committed = std::fs::read(&path).unwrap_or_default();
        let expected = (sample.build)().bytes;
        assert!(
            committed == expected,
            "floorplans/{} is missing or out of date: run \
             `cargo run -p tailplan-samples --bin gen-samples` and commit the result",
            sample.file_name
        );
    }
}

#[test]
fn drawing_is_deterministic() {
    for sample in DRAWINGS {
        let (a, b) = ((sample.build)(), (sample.build)());
        assert!(a.bytes == b.bytes, "{}", sample.file_name);
        assert_eq!(a.intent, b.intent, "{}", sample.file_name);
    }
    assert!(office_building_dxf(0) == office_building_dxf(0));
}

#[test]
fn dxf_samples_are_read_back_by_the_dxf_crate_with_their_hatches() {
    for sample in DRAWINGS.iter().filter(|s| s.file_name.ends_with(".dxf")) {
        let bytes = (sample.build)().bytes;
        let text = String::from_utf8(bytes.clone()).unwrap();
        let drawing = dxf::Drawing::load(&mut std::io::Cursor::new(&bytes))
            .unwrap_or_else(|e| panic!("{}: {e}", sample.file_name));
        assert!(drawing.entities().count() > 50, "{}", sample.file_name);
        // HATCH is written as raw group codes, with handles above the crate's own.
        assert!(text.contains("\r\nHATCH\r\n"), "{}", sample.file_name);
        assert!(text.ends_with("  0\r\nEOF\r\n"), "{}", sample.file_name);
        // No clock and no random GUID in the header.
        assert!(text.contains("$TDCREATE\r\n 40\r\n2461072.395833333\r\n"));
        assert!(text.contains("{5A1B"), "{}", sample.file_name);
    }
}

#[test]
fn the_svg_sample_is_well_formed_and_embeds_its_scan() {
    let svg = DRAWINGS
        .iter()
        .find(|s| s.file_name.ends_with(".svg"))
        .map(|s| (s.build)().bytes)
        .unwrap();
    let text = String::from_utf8(svg).unwrap();
    assert!(text.starts_with("<?xml"));
    assert!(text.contains("xlink:href=\"data:image/png;base64,iVBORw0KGgo"));
    assert!(text.contains("style=\"display:none\""));
    assert_eq!(text.matches("inkscape:groupmode=\"layer\"").count(), 10);
}

#[test]
fn the_intents_are_complete() {
    for sample in DRAWINGS {
        let intent = (sample.build)().intent;
        assert!(intent.walls.len() >= 15, "{}", sample.file_name);
        assert!(intent.doors.len() >= 8 && intent.windows.len() >= 13);
        assert!(intent.rooms.len() >= 10);
        for w in &intent.walls {
            assert!(
                w.a != w.b && w.thickness_m > 0.0,
                "{}: {w:?}",
                sample.file_name
            );
        }
    }
}
