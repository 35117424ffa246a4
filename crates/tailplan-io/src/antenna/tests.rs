//! Pattern files as vendors write them, read; broken and hostile ones, refused; written and
//! read back. The sample files in `tests/antennas/` are made here (`samples`), and a test
//! checks the committed ones are what is made (`TAILPLAN_BLESS=1` rewrites them).

use std::f64::consts::PI;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use tailplan_core::Severity;
use tailplan_core::antenna::{AntennaPattern, builtin_patterns};

use super::*;

fn read(text: &str, name: &str) -> Result<PatternImport, PatternError> {
    read_msi(text.as_bytes(), name, &PatternLimits::default())
}

fn ok(text: &str, name: &str) -> PatternImport {
    let got = read(text, name).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.pattern.problem(), None);
    got
}

fn err(text: &str) -> PatternError {
    match read(text, "bad.msi") {
        Ok(p) => panic!("read, with notes {:?}", p.notes),
        Err(e) => e,
    }
}

/// The notes' messages, for `contains` checks.
fn notes(p: &PatternImport) -> String {
    p.notes
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

// ---- the shapes the samples are drawn with ----

/// The 3GPP parabolic beam, 12·(angle / beamwidth)² dB, at most `max_db`.
fn parabolic(angle_deg: f64, beamwidth_deg: f64, max_db: f64) -> f64 {
    (12.0 * (angle_deg / beamwidth_deg).powi(2)).min(max_db)
}

/// A table angle as (−180°, 180°].
fn signed(deg: f64) -> f64 {
    if deg > 180.0 { deg - 360.0 } else { deg }
}

/// A vertical angle seen from the front, [−90°, 90°].
fn elevation(deg: f64) -> f64 {
    match deg {
        d if d <= 90.0 => d,
        d if d < 270.0 => 180.0 - d,
        d => d - 360.0,
    }
}

/// Lines joined by `end`, with a last line end.
fn lines(lines: &[String], end: &str) -> String {
    lines.iter().map(|l| format!("{l}{end}")).collect()
}

/// A typical vendor file: a 5 GHz patch antenna, GAIN 8 dBi, a band as its frequency, the
/// header keywords a vendor writes, tabs between values, 360 lines each way, CRLF.
fn patch_file() -> String {
    let mut l: Vec<String> = [
        "NAME\ttailplan sample patch 5 GHz 70deg",
        "MAKE\ttailplan samples",
        "FREQUENCY\t5150-5875",
        "H_WIDTH\t70",
        "V_WIDTH\t60",
        "FRONT_TO_BACK\t25",
        "GAIN\t8 dBi",
        "TILT\tELECTRICAL",
        "POLARIZATION\tVERTICAL",
        "COMMENT\tGenerated for tailplan's tests (a 3GPP parabolic beam), not a measured antenna",
        "HORIZONTAL\t360",
    ]
    .map(String::from)
    .to_vec();
    for d in 0..360 {
        let h = parabolic(signed(f64::from(d)), 70.0, 25.0);
        l.push(format!("{d}\t{h:.2}"));
    }
    l.push("VERTICAL\t360".into());
    for d in 0..360 {
        let e = signed(f64::from(d));
        let v = parabolic(e, 60.0, if e < 0.0 { 30.0 } else { 25.0 });
        l.push(format!("{d}\t{v:.2}"));
    }
    lines(&l, "\r\n")
}

/// An omni in dBd, lower-case keywords, tables every 5°, an unknown keyword, LF.
fn omni_file() -> String {
    let mut l: Vec<String> = [
        "name tailplan sample omni 2.4 GHz",
        "make tailplan samples",
        "frequency 2.45 GHz",
        "gain 2.85 dBd",
        "polarization vertical",
        "pattern_type omni",
        "horizontal 72",
    ]
    .map(String::from)
    .to_vec();
    for d in (0..360).step_by(5) {
        let h = 0.5 * (1.0 - (f64::from(d) * PI / 180.0).cos());
        l.push(format!("{d} {h:.2}"));
    }
    l.push("vertical 72".into());
    for d in (0..360).step_by(5) {
        let v = parabolic(elevation(f64::from(d)), 30.0, 20.0);
        l.push(format!("{d} {v:.2}"));
    }
    lines(&l, "\n")
}

/// A European vendor's: Latin-1 (`°`, `ü`, `ß`), decimal commas, gains relative to the peak
/// (negative), every 2° from 0° to 360° inclusive, CRLF.
fn sector_file() -> Vec<u8> {
    let relative = |db: f64| match format!("{db:.1}") {
        z if z == "0.0" => "0,0".to_owned(),
        t => format!("-{}", t.replace('.', ",")),
    };
    let mut l: Vec<String> = [
        "NAME Sektor 90° 5 GHz",
        "MAKE tailplan Muster",
        "FREQUENCY 5,5 GHz",
        "GAIN 14,5 dBi",
        "COMMENT Sektorantenne für Außenbereiche: erzeugt, nicht gemessen",
        "HORIZONTAL 181",
    ]
    .map(String::from)
    .to_vec();
    for d in (0..=360).step_by(2) {
        l.push(format!(
            "{d} {}",
            relative(parabolic(signed(f64::from(d)), 90.0, 30.0))
        ));
    }
    l.push("VERTICAL 181".into());
    for d in (0..=360).step_by(2) {
        l.push(format!(
            "{d} {}",
            relative(parabolic(elevation(f64::from(d)), 12.0, 30.0))
        ));
    }
    // Latin-1: every character here is below U+0100.
    lines(&l, "\r\n").chars().map(|c| c as u8).collect()
}

/// A ceiling omni with a UTF-8 byte order mark, no NAME, a gain without a unit, horizontal
/// angles from -180°, the vertical table from 359° down to 0°.
fn ceiling_file() -> String {
    let mut l: Vec<String> = [
        "MAKE tailplan samples",
        "FREQUENCY 2400",
        "GAIN 4",
        "HORIZONTAL 360",
    ]
    .map(String::from)
    .to_vec();
    for d in -180..180 {
        l.push(format!("{d} 0"));
    }
    l.push("VERTICAL 360".into());
    for d in (0..360).rev() {
        let v = match elevation(f64::from(d)) {
            e if e >= 45.0 => 3.0 * (e - 45.0) / 45.0,
            e if e >= 0.0 => 0.0,
            e => 10.0 * (-e / 90.0),
        };
        l.push(format!("{d} {v:.2}"));
    }
    format!("\u{feff}{}", lines(&l, "\r\n"))
}

/// The committed samples: (file name, bytes).
fn samples() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("patch-5ghz.msi", patch_file().into_bytes()),
        ("omni-2g4.ant", omni_file().into_bytes()),
        ("sector-eu.pln", sector_file()),
        ("ceiling-omni.txt", ceiling_file().into_bytes()),
    ]
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

// ---- files as vendors write them ----

#[test]
fn a_typical_vendor_file() {
    let got = ok(&patch_file(), "patch.msi");
    let p = &got.pattern;
    assert_eq!(p.name, "tailplan sample patch 5 GHz 70deg");
    assert_eq!(p.make, "tailplan samples");
    assert_eq!(p.frequency_mhz, Some(5512.5), "the centre of 5150-5875");
    assert_eq!(p.gain_dbi, 8.0);
    assert_eq!(
        p.comment,
        "Generated for tailplan's tests (a 3GPP parabolic beam), not a measured antenna"
    );
    assert_eq!(p.horizontal_db[0], 0.0);
    assert_eq!(p.horizontal_db[35], 3.0, "3 dB at half the beamwidth");
    assert_eq!(p.horizontal_db[180], 25.0);
    assert_eq!(p.horizontal_db[325], 3.0);
    assert_eq!(
        p.horizontal_db[10], 0.24,
        "12·(10/70)² = 0.2449, as written"
    );
    assert_eq!(p.vertical_db[30], 3.0);
    assert_eq!(p.vertical_db[270], 27.0, "straight up: 12·(90/60)² = 27");
    assert_eq!(p.vertical_db[90], 25.0, "straight down");
    let n = notes(&got);
    assert!(
        n.contains(
            "patch.msi: line 3: FREQUENCY 5150-5875: a range, 5150 to 5875 MHz: its centre, 5512.5 MHz, kept"
        ),
        "{n}"
    );
    assert!(n.contains("patch.msi: line 8: TILT ELECTRICAL"), "{n}");
    assert!(
        n.contains("H_WIDTH, V_WIDTH, FRONT_TO_BACK, POLARIZATION read but not kept"),
        "{n}"
    );
    assert!(
        got.notes.iter().all(|d| d.severity == Severity::Info),
        "nothing to warn about: {n}"
    );
    assert_eq!(got.notes.len(), 3, "{n}");
}

#[test]
fn a_gain_in_dbd_is_converted() {
    let text = patch_file().replace("GAIN\t8 dBi", "GAIN\t5.85 dBd");
    let got = ok(&text, "patch.msi");
    assert!(close(got.pattern.gain_dbi, 8.0), "{}", got.pattern.gain_dbi);
    assert!(
        notes(&got).contains("patch.msi: line 7: GAIN given in dBd: 5.85 dBd = 8 dBi"),
        "{}",
        notes(&got)
    );
    // Attached and in capitals.
    let got = ok(&patch_file().replace("8 dBi", "5.85DBD"), "patch.msi");
    assert!(close(got.pattern.gain_dbi, 8.0));
    // In brackets; dBic (circular) is over an isotropic antenna too.
    assert_eq!(
        ok(&patch_file().replace("8 dBi", "8 (dBi)"), "p.msi")
            .pattern
            .gain_dbi,
        8.0
    );
    assert_eq!(
        ok(&patch_file().replace("8 dBi", "8dBic"), "p.msi")
            .pattern
            .gain_dbi,
        8.0
    );
    // A unit that is neither: refused, not guessed.
    assert_eq!(
        err(&patch_file().replace("8 dBi", "8 dBm")).to_string(),
        "bad.msi: line 7: GAIN 8 dBm: the unit `dbm` is not dBi or dBd"
    );
}

#[test]
fn a_gain_without_a_unit_is_dbi_with_a_warning() {
    let got = ok(&patch_file().replace("8 dBi", "8"), "patch.msi");
    assert_eq!(got.pattern.gain_dbi, 8.0);
    let warning = got
        .notes
        .iter()
        .find(|d| d.severity == Severity::Warning)
        .expect("a warning");
    assert_eq!(
        warning.to_string(),
        "patch.msi: line 7: GAIN 8 has no unit: read as 8 dBi (the Planet format's default unit is dBd, which would make it 10.15 dBi; write dBi or dBd to say)"
    );
}

#[test]
fn a_table_every_5_degrees_is_interpolated() {
    // 0 dB at 0°, 1 dB more every 5°: 71 dB at 355°.
    let mut text = String::from("NAME five\nGAIN 3 dBi\nHORIZONTAL 72\n");
    for k in 0..72 {
        text += &format!("{} {k}\n", k * 5);
    }
    text += "VERTICAL 1\n0 0\n";
    let got = ok(&text, "five.msi");
    let h = &got.pattern.horizontal_db;
    assert_eq!(h[0], 0.0);
    assert_eq!(h[5], 1.0);
    // By hand: 2° is 2/5 of the way from 0 dB (0°) to 1 dB (5°).
    assert!(close(h[2], 0.4), "{}", h[2]);
    // 357° is 2/5 of the way from 71 dB (355°) to 0 dB (360° = 0°): 71 - 28.4.
    assert!(close(h[357], 42.6), "{}", h[357]);
    assert_eq!(got.pattern.vertical_db, vec![0.0; 360]);
    let n = notes(&got);
    assert!(
        n.contains(
            "five.msi: line 3: the horizontal table had 72 angles every 5°: interpolated to whole degrees"
        ),
        "{n}"
    );
    assert!(
        n.contains("five.msi: line 76: the vertical table has one angle"),
        "{n}"
    );
}

#[test]
fn zero_to_360_inclusive_unsorted_and_negative_angles_read_alike() {
    let value = |d: i32| f64::from(d.rem_euclid(360)) / 10.0;
    let file = |angles: &[i32]| {
        let mut t = format!("NAME t\nGAIN 2 dBi\nHORIZONTAL {}\n", angles.len());
        for &a in angles {
            t += &format!("{a} {}\n", value(a));
        }
        t += "VERTICAL 360\n";
        for d in 0..360 {
            t += &format!("{d} 0\n");
        }
        t
    };
    let plain = ok(&file(&(0..360).collect::<Vec<_>>()), "a.msi");
    assert!(plain.notes.is_empty(), "{}", notes(&plain));
    let expected: Vec<f64> = (0..360).map(value).collect();
    assert_eq!(plain.pattern.horizontal_db, expected);

    // 360° repeating 0°.
    let inclusive = ok(&file(&(0..=360).collect::<Vec<_>>()), "a.msi");
    assert_eq!(inclusive.pattern, plain.pattern);
    assert!(inclusive.notes.is_empty(), "{}", notes(&inclusive));

    // In an arbitrary order (a fixed shuffle: 7 is prime to 360).
    let shuffled: Vec<i32> = (0..360).map(|k| (k * 7 + 11) % 360).collect();
    let got = ok(&file(&shuffled), "a.msi");
    assert_eq!(got.pattern, plain.pattern);
    assert!(notes(&got).contains(
        "a.msi: line 3: the horizontal table's angles are not in increasing order: sorted"
    ));

    // From -180° to 179°.
    let got = ok(&file(&(-180..180).collect::<Vec<_>>()), "a.msi");
    assert_eq!(got.pattern, plain.pattern);
    assert!(notes(&got).contains("start at -180°: wrapped into 0° to 360°"));

    // 360° that does not repeat 0°: the mean, with a warning naming both lines.
    let mut text = file(&(0..=360).collect::<Vec<_>>());
    text = text.replace("\n360 0\n", "\n360 1\n");
    let got = ok(&text, "a.msi");
    assert_eq!(got.pattern.horizontal_db[0], 0.5);
    assert!(
        notes(&got).contains("gives 1 angle(s) twice with different values, read as their mean: 0° (line 4: 0 dB, line 364: 1 dB)"),
        "{}",
        notes(&got)
    );
}

#[test]
fn a_table_of_gains_relative_to_the_peak_is_flipped() {
    let mut text = String::from("NAME n\nGAIN 2 dBi\nHORIZONTAL 360\n");
    for d in 0..360 {
        text += &format!("{d} {}\n", -f64::from(d) / 10.0);
    }
    text += "VERTICAL 1\n0 0\n";
    let got = ok(&text, "n.msi");
    assert_eq!(got.pattern.horizontal_db[0], 0.0);
    assert_eq!(got.pattern.horizontal_db[123], 12.3);
    assert!(notes(&got).contains("n.msi: line 3: the horizontal table's values are all 0 or below (gains relative to the main beam): read with their signs flipped, as attenuations"));

    // Normalised to something other than 0: kept, with a warning.
    let text = "NAME n\nGAIN 2 dBi\nHORIZONTAL 2\n0 3\n180 10\nVERTICAL 2\n0 -1\n180 5\n";
    let got = ok(text, "n.msi");
    assert_eq!(got.pattern.horizontal_db[0], 3.0);
    assert_eq!(got.pattern.vertical_db[0], -1.0);
    let n = notes(&got);
    assert!(n.contains("the horizontal table's smallest attenuation is 3 dB, not 0 (the main beam): kept as the file gives it (values 3 to 10 dB)"), "{n}");
    assert!(
        n.contains("the vertical table's smallest attenuation is -1 dB"),
        "{n}"
    );
}

#[test]
fn decimal_commas_a_bom_and_latin1_are_read() {
    let got = read_msi(&sector_file(), "sector.pln", &PatternLimits::default()).unwrap();
    let p = &got.pattern;
    assert_eq!(p.problem(), None);
    assert_eq!(p.name, "Sektor 90° 5 GHz");
    assert_eq!(
        p.comment,
        "Sektorantenne für Außenbereiche: erzeugt, nicht gemessen"
    );
    assert_eq!(p.gain_dbi, 14.5);
    assert_eq!(p.frequency_mhz, Some(5500.0));
    assert_eq!(p.horizontal_db[0], 0.0);
    assert_eq!(p.horizontal_db[45], 3.0, "-3,0 flipped");
    assert!(close(p.horizontal_db[91], 12.25), "between 12,0 and 12,5");
    assert_eq!(p.vertical_db[6], 3.0);
    let n = notes(&got);
    assert!(
        n.contains("sector.pln: not UTF-8: read as Windows-1252 (Latin-1)"),
        "{n}"
    );
    assert!(
        n.contains("sector.pln: line 3: decimal commas read as decimal points (first here)"),
        "{n}"
    );
    assert!(
        n.contains("the horizontal table had 180 angles every 2°"),
        "{n}"
    );

    // A byte order mark, no NAME (named after the file), a gain without a unit.
    let got = ok(&ceiling_file(), "lib/ceiling-omni.txt");
    assert_eq!(got.pattern.name, "ceiling-omni");
    assert_eq!(got.pattern.make, "tailplan samples");
    assert_eq!(got.pattern.gain_dbi, 4.0);
    assert_eq!(got.pattern.frequency_mhz, Some(2400.0));
    assert_eq!(got.pattern.horizontal_db, vec![0.0; 360]);
    let ceiling = &builtin_patterns()[0];
    for d in [0, 45, 90, 135, 200, 270, 300] {
        assert!(
            (got.pattern.vertical_db[d] - ceiling.vertical_db[d]).abs() <= 0.005,
            "{d}°"
        );
    }
    let n = notes(&got);
    assert!(
        n.contains(
            "lib/ceiling-omni.txt: no NAME: the pattern is named \"ceiling-omni\" after the file"
        ),
        "{n}"
    );
    assert!(
        n.contains("the vertical table's angles are not in increasing order: sorted"),
        "{n}"
    );

    // Comment in Latin-1 only; the rest ASCII.
    let mut bytes = b"NAME x\r\nCOMMENT Gew\xfcrzgurke \xb0 \xe9t\xe9\r\nGAIN 1 dBi\r\n".to_vec();
    bytes.extend_from_slice(b"HORIZONTAL 1\r\n0 0\r\nVERTICAL 1\r\n0 0\r\n");
    let got = read_msi(&bytes, "x.msi", &PatternLimits::default()).unwrap();
    assert_eq!(got.pattern.comment, "Gewürzgurke ° été");
}

#[test]
fn keywords_any_case_separators_and_what_is_ignored() {
    let got = ok(&omni_file(), "omni.ant");
    let p = &got.pattern;
    assert_eq!(p.name, "tailplan sample omni 2.4 GHz");
    assert!(close(p.gain_dbi, 5.0), "2.85 dBd");
    assert_eq!(p.frequency_mhz, Some(2450.0));
    assert_eq!(p.horizontal_db[180], 1.0);
    // 0.50 at 90°, 0.54 at 95° (0.5·(1 − cos 95°) = 0.5436, written 0.54): 2/5 of the way.
    assert!(close(p.horizontal_db[92], 0.516), "{}", p.horizontal_db[92]);
    let n = notes(&got);
    assert!(
        n.contains("omni.ant: unknown keyword(s) ignored: PATTERN_TYPE (line 6)"),
        "{n}"
    );
    assert!(n.contains("POLARIZATION read but not kept"), "{n}");

    // `KEYWORD:` and several COMMENT lines; extra columns.
    let text = "Name: a b\ncomment one\nCOMMENT  two \ngain: 3\nhorizontal 2\n0 0 9 9\n180 1\nvertical 2\n0\t0\n180\t\t2\n";
    let got = ok(text, "a.msi");
    assert_eq!(got.pattern.name, "a b");
    assert_eq!(got.pattern.comment, "one\ntwo");
    assert_eq!(got.pattern.horizontal_db[90], 0.5);
    assert_eq!(got.pattern.vertical_db[180], 2.0);
    assert!(
        notes(&got)
            .contains("a.msi: line 6: the horizontal table has more than two values on a line")
    );

    // Without a count, a table runs to the next line that is not an entry.
    let text = "NAME a\nGAIN 3\nHORIZONTAL\n0 0\n\n180 4\nVERTICAL\n0 1\n180 1\n";
    let got = ok(text, "a.msi");
    assert_eq!(got.pattern.horizontal_db[90], 2.0);
    assert!(notes(&got).contains("a.msi: line 3: HORIZONTAL gives no count"));

    // Many unknown keywords: named up to a few, then counted.
    let mut text = String::from("NAME a\nGAIN 3\n");
    for k in 0..1000 {
        text += &format!("KEY{k} x\n");
    }
    text += "HORIZONTAL 1\n0 0\nVERTICAL 1\n0 0\n";
    let got = ok(&text, "a.msi");
    let n = notes(&got);
    assert!(n.contains("KEY7 (line 10) (1000 lines in all)"), "{n}");
    assert!(n.len() < 1500, "bounded: {n}");
}

// ---- refused ----

#[test]
fn what_is_missing_is_named() {
    let full = patch_file();
    let no_gain = full.replace("GAIN\t8 dBi\r\n", "");
    assert_eq!(
        err(&no_gain),
        PatternError::Missing {
            file: "bad.msi".into(),
            part: Part::Gain
        }
    );
    assert_eq!(
        err(&no_gain).to_string(),
        "bad.msi: no GAIN line: a pattern file gives the antenna's gain (GAIN 8 dBi)"
    );
    let no_vertical = &full[..full.find("VERTICAL\t360").unwrap()];
    let e = err(no_vertical);
    assert_eq!(
        e,
        PatternError::Missing {
            file: "bad.msi".into(),
            part: Part::Vertical
        }
    );
    assert!(e.to_string().starts_with("bad.msi: no VERTICAL table"));
    let only_vertical = format!("GAIN 2\n{}", &full[full.find("VERTICAL\t360").unwrap()..]);
    assert!(matches!(
        err(&only_vertical),
        PatternError::Missing {
            part: Part::Horizontal,
            ..
        }
    ));
}

#[test]
fn a_table_that_disagrees_with_its_count_names_the_line() {
    // One horizontal line fewer: VERTICAL comes where the 360th entry should (line 371).
    let full = patch_file();
    let short = full.replace("359\t0.00\r\nVERTICAL", "VERTICAL");
    assert_ne!(short, full);
    let e = err(&short);
    assert_eq!(e.line(), Some(371));
    assert_eq!(
        e.to_string(),
        "bad.msi: line 371: `VERTICAL 360` is not an entry `angle attenuation`, but HORIZONTAL (line 11) announces 360 entries and has 359: its count disagrees with its lines"
    );
    // One more: the 361st line is outside the table.
    let long = full.replace("HORIZONTAL\t360", "HORIZONTAL\t359");
    let e = err(&long);
    assert_eq!(e.line(), Some(371));
    assert!(
        e.to_string()
            .contains("`359 0.00` is a table entry outside a table"),
        "{e}"
    );
    // The file ends first.
    let cut = &full[..full.len() - "359\t0.00\r\n".len()];
    let e = err(cut);
    assert_eq!(e.line(), Some(731));
    assert!(
        e.to_string()
            .contains("the file ends after 359 of the 360 entries VERTICAL (line 372) announces"),
        "{e}"
    );
    // Not an angle and an attenuation.
    let e = err(&full.replace("\r\n35\t3.00\r\n", "\r\n35\r\n"));
    assert_eq!(
        e.to_string(),
        "bad.msi: line 47: `35` is one value: a horizontal table's line is an angle and an attenuation"
    );
    let e = err(&full.replace("\r\n35\t3.00\r\n", "\r\n35\t3,0,1\r\n"));
    assert_eq!(e.line(), Some(47));
    let e = err("GAIN 1\nHORIZONTAL 0\n");
    assert_eq!(
        e.to_string(),
        "bad.msi: line 2: HORIZONTAL 0: a table needs at least one entry"
    );
    let e = err("GAIN 1\nHORIZONTAL -5\n0 0\n");
    assert!(
        e.to_string()
            .contains("line 2: HORIZONTAL -5: the count of entries must be a whole number"),
        "{e}"
    );
    let e = err("GAIN 1\nHORIZONTAL 1\n0 0\nHORIZONTAL 1\n0 0\n");
    assert!(
        e.to_string()
            .contains("line 4: a second HORIZONTAL table (the first at line 2)"),
        "{e}"
    );
}

#[test]
fn values_that_are_not_finite_or_absurd_are_refused_by_line() {
    let full = patch_file();
    let at35 = |v: &str| full.replace("\r\n35\t3.00\r\n", &format!("\r\n35\t{v}\r\n"));
    let e = err(&at35("NaN"));
    assert_eq!(
        e.to_string(),
        "bad.msi: line 47: the attenuation NaN at 35° is not a number of dB from -1000 to 1000"
    );
    assert_eq!(err(&at35("1e9")).line(), Some(47));
    assert!(
        err(&at35("1e9"))
            .to_string()
            .contains("attenuation 1000000000 at 35°")
    );
    assert_eq!(err(&at35("inf")).line(), Some(47));
    assert_eq!(err(&at35("-1e999")).line(), Some(47));
    assert_eq!(err(&at35("1000.5")).line(), Some(47));
    assert!(
        read(&at35("1000"), "ok.msi").is_ok(),
        "1000 dB is the bound"
    );
    let e = err(&full.replace("\r\n35\t3.00\r\n", "\r\nnan\t3.00\r\n"));
    assert!(
        e.to_string()
            .contains("line 47: the angle NaN is not a number of degrees"),
        "{e}"
    );
    let e = err(&full.replace("\r\n35\t3.00\r\n", "\r\n725\t3.00\r\n"));
    assert!(e.to_string().contains("line 47: the angle 725"), "{e}");
    let e = err(&full.replace("\r\n35\t3.00\r\n", "\r\n35\tabc\r\n"));
    assert!(
        e.to_string()
            .contains("line 47: `35 abc`: the attenuation `abc` is not a number"),
        "{e}"
    );

    let e = err(&full.replace("8 dBi", "NaN dBi"));
    assert_eq!(
        e.to_string(),
        "bad.msi: line 7: GAIN NaN dBi: not a finite number"
    );
    let e = err(&full.replace("8 dBi", "1e9 dBi"));
    assert_eq!(
        e.to_string(),
        "bad.msi: line 7: GAIN 1000000000 dBi is not an antenna's gain: it must be between -100 and 100 dBi"
    );
    let e = err(&full.replace("8 dBi", "high"));
    assert!(
        e.to_string()
            .contains("line 7: GAIN `high` is not a number"),
        "{e}"
    );
    let e = err(&full.replace("5150-5875", "inf MHz"));
    assert_eq!(e.line(), Some(3));
    // A frequency that is not one is optional: left out, with a warning.
    let got = ok(&full.replace("5150-5875", "wideband"), "a.msi");
    assert_eq!(got.pattern.frequency_mhz, None);
    assert!(notes(&got).contains("FREQUENCY `wideband` is not a frequency"));
}

#[test]
fn hostile_input_is_refused_fast_in_bounded_memory() {
    let limits = PatternLimits::default();
    // A table count far beyond the limit, and beyond what a machine counts to: refused on the
    // header line, before an entry is read or anything allocated from it.
    let e = err("NAME a\nGAIN 2\nHORIZONTAL 99999999999\n0 0\n");
    assert_eq!(
        e.to_string(),
        "bad.msi: line 3: HORIZONTAL 99999999999: more than 36000 table entries, the limit"
    );
    assert_eq!(e.limit(), Some(PatternLimit::TableEntries));
    let e = err(&format!("GAIN 2\nVERTICAL {}\n", "9".repeat(100)));
    assert_eq!(e.limit(), Some(PatternLimit::TableEntries));
    // A table with no count that goes on past the limit.
    let small = PatternLimits {
        max_table_entries: 100,
        ..limits
    };
    let mut text = String::from("GAIN 2\nHORIZONTAL\n");
    for d in 0..200 {
        text += &format!("{} 0\n", f64::from(d) * 1.5);
    }
    let e = read_msi(text.as_bytes(), "t.msi", &small).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.msi: line 103: HORIZONTAL (line 2): more than 100 table entries, the limit"
    );

    // A million lines (4 MB: within the size limit), refused by the line limit before any
    // is parsed.
    let million = "0 0\n".repeat(1_000_000);
    assert_eq!(million.len() as u64, limits.max_bytes);
    let e = read_msi(million.as_bytes(), "m.msi", &limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        "m.msi: line 100001: more than 100000 lines, the limit"
    );
    assert_eq!(e.limit(), Some(PatternLimit::Lines));

    // 5 MB: refused by size before it is read.
    let big = vec![b'x'; 5_000_000];
    let e = read_msi(&big, "big.msi", &limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        "big.msi: 5000000 bytes is more than the 4000000 bytes tailplan reads from an antenna pattern file, the limit"
    );
    assert_eq!(e.limit(), Some(PatternLimit::Bytes));

    // A million columns on one line: refused at the fifth, without counting the rest.
    let mut wide = String::from("NAME w\nGAIN 2\nHORIZONTAL 1\n0 0");
    wide += &" 1".repeat(1_000_000);
    wide += "\nVERTICAL 1\n0 0\n";
    assert_eq!(
        err(&wide).to_string(),
        "bad.msi: line 4: more than 4 values on a line: a horizontal table's line is an angle and an attenuation"
    );
    // ... and where a keyword's value is: quoted cut short.
    let e = err(&format!("GAIN {}\n", " 1x".repeat(1_000_000)));
    assert!(
        e.to_string().starts_with("bad.msi: line 1: GAIN 1x 1x"),
        "{e}"
    );
    assert!(e.to_string().len() < 200, "{e}");

    // Empty, blank, binary, UTF-16.
    assert_eq!(
        err("").to_string(),
        "bad.msi: the file is empty: an antenna pattern file has a GAIN line and HORIZONTAL and VERTICAL tables"
    );
    assert!(matches!(err("\r\n \t\r\n"), PatternError::Empty { .. }));
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let e = read_msi(&binary, "x.bin", &limits).unwrap_err();
    assert!(matches!(e, PatternError::NotText { .. }), "{e}");
    assert!(
        e.to_string().starts_with("x.bin: not a text file: line "),
        "{e}"
    );
    let utf16: Vec<u8> = "\u{feff}GAIN 2"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(
        read_msi(&utf16, "u.msi", &limits)
            .unwrap_err()
            .to_string()
            .contains("UTF-16")
    );
    // Text that is not a pattern.
    assert_eq!(
        err("hello world\n").to_string(),
        "bad.msi: no GAIN line: a pattern file gives the antenna's gain (GAIN 8 dBi)"
    );
}

#[test]
fn no_cut_of_a_file_panics() {
    // Every prefix (in steps) of every sample, and each with a byte changed: an import or an
    // error, never a panic.
    for (name, bytes) in samples() {
        for end in (0..bytes.len()).step_by(37) {
            let _ = read_msi(&bytes[..end], name, &PatternLimits::default());
            let mut changed = bytes.clone();
            changed[end] = changed[end].wrapping_add(0x5b);
            let _ = read_msi(&changed, name, &PatternLimits::default());
        }
    }
}

// ---- written and read back ----

#[test]
fn write_then_read_gives_the_pattern_back() {
    for p in builtin_patterns() {
        let back = ok(&write_msi(p), "p.msi");
        assert_eq!(&back.pattern, p);
        assert!(back.notes.is_empty(), "{}", notes(&back));
    }
    for (name, bytes) in samples() {
        let first = read_msi(&bytes, name, &PatternLimits::default()).unwrap();
        let back = ok(&write_msi(&first.pattern), name);
        assert_eq!(back.pattern, first.pattern, "{name}");
    }
    let odd = AntennaPattern {
        name: "odd".into(),
        make: "Ünïcode & Co".into(),
        frequency_mhz: Some(868.1),
        gain_dbi: -2.5,
        horizontal_db: (0..360)
            .map(|d| (f64::from(d) * 0.1).sin().abs() * 999.0)
            .collect(),
        vertical_db: (0..360).map(|d| f64::from(d) / 3.0 - 1.0).collect(),
        comment: "one\n\nthree".into(),
    };
    assert_eq!(odd.problem(), None);
    assert_eq!(ok(&write_msi(&odd), "odd.msi").pattern, odd);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_valid_pattern_round_trips(
        gain in -100.0f64..=100.0,
        h in prop::collection::vec(0.0f64..1000.0, 360),
        v in prop::collection::vec(-1000.0f64..1000.0, 360),
        frequency in prop::option::of(1e-3f64..1e6),
    ) {
        let p = AntennaPattern {
            name: "p".into(),
            make: String::new(),
            frequency_mhz: frequency,
            gain_dbi: gain,
            horizontal_db: h,
            vertical_db: v,
            comment: String::new(),
        };
        // The one pattern the format cannot say: a table all 0 or below, read as flipped.
        prop_assume!(p.vertical_db.iter().any(|&x| x > 0.0));
        let back = read(&write_msi(&p), "p.msi").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.pattern, p);
    }

    #[test]
    fn any_bytes_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = read_msi(&bytes, "f.msi", &PatternLimits::default());
    }
}

// ---- the committed samples ----

#[test]
fn the_samples_read_as_made() {
    let dir = workspace().join("tests/antennas");
    let read_sample = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got =
            read_msi(&bytes, name, &PatternLimits::default()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got.pattern.problem(), None, "{name}");
        got.pattern
    };
    let patch = read_sample("patch-5ghz.msi");
    assert_eq!((patch.gain_dbi, patch.horizontal_db[35]), (8.0, 3.0));
    let omni = read_sample("omni-2g4.ant");
    assert!(close(omni.gain_dbi, 5.0));
    let sector = read_sample("sector-eu.pln");
    assert_eq!((sector.gain_dbi, sector.horizontal_db[45]), (14.5, 3.0));
    let ceiling = read_sample("ceiling-omni.txt");
    assert_eq!(
        (ceiling.name.as_str(), ceiling.gain_dbi),
        ("ceiling-omni", 4.0)
    );
}

#[test]
fn the_samples_and_the_fuzz_seed_are_what_the_generator_makes() {
    let dir = workspace().join("tests/antennas");
    let seed = workspace().join("fuzz/seeds/antenna/patch-5ghz.msi");
    let bless = std::env::var_os("TAILPLAN_BLESS").is_some();
    let mut stale = Vec::new();
    let mut files: Vec<(PathBuf, Vec<u8>)> = samples()
        .into_iter()
        .map(|(name, bytes)| (dir.join(name), bytes))
        .collect();
    files.push((seed, patch_file().into_bytes()));
    for (path, bytes) in files {
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        } else if std::fs::read(&path).ok().as_ref() != Some(&bytes) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} are not what the generator makes: run TAILPLAN_BLESS=1 cargo test -p tailplan-io antenna"
    );
}
