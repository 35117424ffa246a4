//! The sample drawings (`floorplans/*.dxf`, `floorplans/*.svg`) and BIM models
//! (`floorplans/*.ifc`): deterministic, and well-formed as their formats (that the committed
//! files are what the generator writes is `tests/samples.rs`'s). How the drawings import is checked in the root tests crate
//! (`tests/import_samples.rs`), against their `Intent`.

use std::collections::{BTreeMap, BTreeSet};

use tailplan_samples::drawings::{
    DRAWINGS, IFC_MODELS, IfcDrawn, kontor_ifc, office_building_dxf, office_building_ifc_drawn,
};

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

// ---------------------------------------------------------------------------------------
// The BIM models (IFC).

#[test]
fn ifc_models_are_deterministic() {
    for sample in IFC_MODELS {
        let (a, b) = ((sample.build)(), (sample.build)());
        assert!(a.bytes == b.bytes, "{}", sample.file_name);
        assert_eq!(a.storeys, b.storeys, "{}", sample.file_name);
    }
    let (a, b) = (office_building_ifc_drawn(), office_building_ifc_drawn());
    assert!(a.bytes == b.bytes);
    assert_eq!(a.storeys, b.storeys);
}

/// A STEP file's data section, read back: each instance's number, entity name and the
/// instances its parameters refer to; strings skipped (quotes doubled inside them).
struct Step {
    header: String,
    instances: BTreeMap<u64, (String, Vec<u64>)>,
    strings: Vec<String>,
}

fn read_step(bytes: &[u8]) -> Step {
    let text = std::str::from_utf8(bytes).expect("STEP files are ASCII");
    assert!(text.is_ascii(), "non-ASCII characters must be encoded");
    assert!(text.starts_with("ISO-10303-21;\nHEADER;\n"));
    assert!(text.ends_with("ENDSEC;\nEND-ISO-10303-21;\n"));
    let (header, data) = text.split_once("DATA;\n").expect("a data section");
    let data = data.strip_suffix("ENDSEC;\nEND-ISO-10303-21;\n").unwrap();
    let mut instances = BTreeMap::new();
    let mut strings = Vec::new();
    for (expected, line) in (1..).zip(data.lines()) {
        let (id, rest) = line
            .strip_prefix('#')
            .and_then(|l| l.split_once('='))
            .unwrap_or_else(|| panic!("not an instance: {line}"));
        let id: u64 = id.parse().unwrap();
        assert_eq!(id, expected, "instances are numbered in order");
        assert!(rest.ends_with(");"), "{line}");
        let (name, _) = rest.split_once('(').unwrap();
        assert!(
            name.bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        );
        let mut refs = Vec::new();
        let b = rest.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\'' => {
                    let mut s = String::new();
                    i += 1;
                    loop {
                        if b[i] == b'\'' {
                            if b.get(i + 1) == Some(&b'\'') {
                                s.push('\'');
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        s.push(b[i] as char);
                        i += 1;
                    }
                    strings.push(s);
                }
                b'#' => {
                    let digits: String = rest[i + 1..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    refs.push(digits.parse().unwrap());
                    i += digits.len();
                }
                _ => {}
            }
            i += 1;
        }
        instances.insert(id, (name.to_owned(), refs));
    }
    Step {
        header: header.to_owned(),
        instances,
        strings,
    }
}

fn check_ifc(name: &str, drawn: &IfcDrawn) -> Step {
    let step = read_step(&drawn.bytes);
    assert!(step.header.contains("FILE_SCHEMA(('IFC4'));"), "{name}");
    assert!(
        step.header.contains("'2025-01-01T00:00:00'"),
        "{name}: no clock"
    );
    // Every instance referred to is defined, and before it is referred to.
    for (id, (entity, refs)) in &step.instances {
        for r in refs {
            assert!(
                r < id,
                "{name}: #{id} ({entity}) refers to #{r}, not defined before it"
            );
        }
    }
    // GlobalIds: 22 digits of the IFC alphabet, unique.
    let alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$";
    let text = std::str::from_utf8(&drawn.bytes).unwrap();
    let mut guids = BTreeSet::new();
    for line in text.lines().filter(|l| l.starts_with('#')) {
        let rest = line.split_once('(').unwrap().1;
        let Some(guid) = rest.strip_prefix('\'').and_then(|r| r.get(..22)) else {
            continue;
        };
        if rest.as_bytes().get(23) == Some(&b'\'') && guid.chars().all(|c| alphabet.contains(c)) {
            assert!(matches!(guid.as_bytes()[0], b'0'..=b'3'), "{guid}");
            assert!(
                guids.insert(guid.to_owned()),
                "{name}: GlobalId {guid} twice"
            );
        }
    }
    let count = |entity: &str| step.instances.values().filter(|(e, _)| e == entity).count();
    assert_eq!(count("IFCPROJECT"), 1, "{name}");
    assert_eq!(count("IFCBUILDINGSTOREY"), drawn.storeys.len(), "{name}");
    let doors: usize = drawn.storeys.iter().map(|s| s.intent.doors.len()).sum();
    let windows: usize = drawn.storeys.iter().map(|s| s.intent.windows.len()).sum();
    let rooms: usize = drawn.storeys.iter().map(|s| s.intent.rooms.len()).sum();
    assert_eq!(count("IFCDOOR"), doors, "{name}");
    assert_eq!(count("IFCWINDOW"), windows, "{name}");
    assert_eq!(count("IFCSPACE"), rooms, "{name}");
    assert!(guids.len() > doors + windows + rooms, "{name}");
    step
}

#[test]
fn kontor_is_well_formed_and_as_specified() {
    let drawn = kontor_ifc();
    let step = check_ifc("kontor.ifc", &drawn);
    let count = |entity: &str| step.instances.values().filter(|(e, _)| e == entity).count();
    // What the importer has to meet.
    for entity in [
        "IFCWALL",
        "IFCWALLSTANDARDCASE",
        "IFCCURTAINWALL",
        "IFCPLATE",
        "IFCMEMBER",
        "IFCCOLUMN",
        "IFCSLAB",
        "IFCOPENINGELEMENT",
        "IFCRELVOIDSELEMENT",
        "IFCRELFILLSELEMENT",
        "IFCBOOLEANCLIPPINGRESULT",
        "IFCHALFSPACESOLID",
        "IFCINDEXEDPOLYCURVE",
        "IFCCARTESIANPOINTLIST2D",
        "IFCARBITRARYCLOSEDPROFILEDEF",
        "IFCMATERIALLAYERSETUSAGE",
        "IFCFURNISHINGELEMENT",
        "IFCFLOWTERMINAL",
        "IFCBUILDINGELEMENTPROXY",
        "IFCRELCONTAINEDINSPATIALSTRUCTURE",
    ] {
        assert!(count(entity) > 0, "no {entity}");
    }
    assert_eq!(
        count("IFCOPENINGELEMENT"),
        count("IFCDOOR") + count("IFCWINDOW")
    );
    let text = String::from_utf8(drawn.bytes.clone()).unwrap();
    assert!(text.contains("IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.)"));
    assert!(text.contains(",(52,31,12,0),(13,24,18,0),"));
    // 'Dämmung' and 'Großraumbüro', encoded.
    assert!(step.strings.iter().any(|s| s == "D\\X2\\00E4\\X0\\mmung"));
    assert!(
        step.strings
            .iter()
            .any(|s| s == "Gro\\X2\\00DF\\X0\\raumb\\X2\\00FC\\X0\\ro")
    );
    // Two storeys, their rooms by LongName, the counts the intent promises.
    let s = &drawn.storeys;
    assert_eq!(
        s.iter()
            .map(|s| (s.name.as_str(), s.elevation_m))
            .collect::<Vec<_>>(),
        [("EG", 0.0), ("OG 1", 3.5)]
    );
    let counts: Vec<[usize; 4]> = s
        .iter()
        .map(|s| {
            let i = &s.intent;
            [i.walls.len(), i.doors.len(), i.windows.len(), i.rooms.len()]
        })
        .collect();
    assert_eq!(counts, [[15, 9, 15, 8], [10, 7, 18, 7]]);
    assert!(s[0].intent.rooms.iter().any(|r| r == "Großraumbüro"));
    let materials: BTreeSet<&str> = s
        .iter()
        .flat_map(|s| s.intent.walls.iter().map(|w| w.material))
        .collect();
    assert_eq!(
        materials,
        BTreeSet::from(["brick", "concrete", "drywall", "glass"])
    );
    // Every intended wall in the world's placement of the building: 24 x 12 m turned 90°
    // and moved to (10, 5): x from -2 to 10, y from 5 to 29.
    for w in s.iter().flat_map(|s| &s.intent.walls) {
        for p in [w.a, w.b] {
            assert!(
                (-2.0..=10.0).contains(&p.x) && (5.0..=29.0).contains(&p.y),
                "{w:?}"
            );
        }
    }
}

#[test]
fn the_office_building_ifc_is_the_benchmark_size_and_well_formed() {
    let drawn = office_building_ifc_drawn();
    let mb = drawn.bytes.len() as f64 / 1e6;
    assert!((4.0..10.0).contains(&mb), "{mb} MB");
    check_ifc("office-building.ifc", &drawn);
    let project = tailplan_samples::office_building();
    assert_eq!(drawn.storeys.len(), project.floors.len());
    for (s, f) in drawn.storeys.iter().zip(&project.floors) {
        assert_eq!(s.name, f.name);
        assert_eq!(s.intent.rooms.len(), f.rooms.len());
        assert_eq!(
            s.intent.doors.len() + s.intent.windows.len(),
            f.openings.len()
        );
        // The walls joined across their openings: fewer than the project's pieces.
        assert!(s.intent.walls.len() < f.walls.len(), "{}", s.name);
        assert!(s.intent.walls.len() > f.walls.len() / 2, "{}", s.name);
    }
}
