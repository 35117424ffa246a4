//! The MSI / Planet writer: [`write_msi`].

use std::fmt::Write as _;

use tailplan_core::antenna::AntennaPattern;

use super::text::one_line;

/// A pattern as an MSI / Planet file: `NAME`, `MAKE` and `FREQUENCY` (MHz) when the pattern
/// has them, `GAIN` in dBi, each line of the comment as a `COMMENT` line, then `HORIZONTAL`
/// and `VERTICAL` tables of one `angle attenuation` line per entry (the entry's index as the
/// angle: whole degrees for a pattern whose [`AntennaPattern::problem`] is `None`). Lines end
/// in CRLF, as the trade's tools on Windows expect.
///
/// Numbers are written in Rust's shortest form that reads back to the same `f64`, so
/// [`read_msi`](super::read_msi) gives back an equal pattern when it is valid, its name, make
/// and comment lines have no surrounding spaces or control characters (they are written on
/// one line, trimmed), and neither table is all 0 or below with a value below 0 (the reader
/// takes such a table for gains relative to the peak and flips it; every table it makes is
/// already flipped).
pub fn write_msi(p: &AntennaPattern) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write!(out, "NAME {}\r\n", one_line(&p.name));
    let make = one_line(&p.make);
    if !make.is_empty() {
        let _ = write!(out, "MAKE {make}\r\n");
    }
    if let Some(f) = p.frequency_mhz.filter(|f| f.is_finite() && *f > 0.0) {
        let _ = write!(out, "FREQUENCY {f} MHz\r\n");
    }
    let _ = write!(out, "GAIN {} dBi\r\n", p.gain_dbi);
    if !p.comment.is_empty() {
        for line in p.comment.split('\n') {
            let _ = write!(out, "COMMENT {}\r\n", one_line(line));
        }
    }
    for (which, table) in [
        ("HORIZONTAL", &p.horizontal_db),
        ("VERTICAL", &p.vertical_db),
    ] {
        let _ = write!(out, "{which} {}\r\n", table.len());
        for (deg, v) in table.iter().enumerate() {
            let _ = write!(out, "{deg} {v}\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_the_trade_s() {
        let p = AntennaPattern {
            name: " Patch\n5 GHz ".into(),
            make: String::new(),
            frequency_mhz: Some(5500.0),
            gain_dbi: 8.5,
            horizontal_db: (0..360).map(|d| f64::from(d) / 10.0).collect(),
            vertical_db: vec![0.0; 360],
            comment: "first\nsecond".into(),
        };
        let text = write_msi(&p);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[..8],
            [
                "NAME Patch 5 GHz",
                "FREQUENCY 5500 MHz",
                "GAIN 8.5 dBi",
                "COMMENT first",
                "COMMENT second",
                "HORIZONTAL 360",
                "0 0",
                "1 0.1",
            ]
        );
        assert_eq!(lines[6 + 359], "359 35.9");
        assert_eq!(lines[6 + 360], "VERTICAL 360");
        assert_eq!(lines.len(), 5 + 2 * 361 + 1, "and the last line's end");
    }
}
