//! Binary DXF, walked pair by pair before the `dxf` crate reads it, for the same guards a
//! text DXF gets: its entities and points counted against the limits ([`super::Counter`]),
//! and the dates the crate would panic on set to 0 ([`super::sane_dates`] for text).
//!
//! The walk reads the pairs as `dxf` 0.6 does (`BinaryCodePairIter`): after the sentinel
//! `AutoCAD Binary DXF\r\n\x1a\0`, a group code of one byte (255 announcing a 2-byte code)
//! before R13, of two bytes from R13 on (told by the first pair, `0 SECTION`, whose one-byte
//! reading gives an empty string); then the value, typed by its code: a 0-terminated string,
//! an 8-byte double, a 2-, 4- or 8-byte integer, a boolean (1 byte from R13 on, else 2), or a
//! chunk of binary data after its length byte. Where the walk cannot read on (an unknown
//! code, the end of the file) it stops, and the crate reports the broken file.

use crate::import::error::ImportError;
use crate::import::options::ImportLimits;

use super::Counter;

/// The header variables whose value (code 40, Julian days) the crate turns into a date.
const DATES: [&[u8]; 4] = [b"$TDCREATE", b"$TDUCREATE", b"$TDUPDATE", b"$TDUUPDATE"];

/// What a code's value is, as the `dxf` crate reads it (its `ExpectedType`).
#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Str,
    Double,
    Short,
    Integer,
    Long,
    Boolean,
    Binary,
}

fn kind(code: i32) -> Option<Kind> {
    Some(match code {
        0..=9 | 100..=102 | 105 | 300..=309 | 320..=369 | 390..=399 | 410..=419 | 430..=439 => {
            Kind::Str
        }
        470..=481 | 999 | 1000..=1009 => Kind::Str,
        10..=59 | 110..=149 | 210..=239 | 460..=469 | 1010..=1059 => Kind::Double,
        60..=79 | 170..=179 | 270..=289 | 370..=389 | 400..=409 | 1060..=1070 => Kind::Short,
        90..=99 | 420..=429 | 440..=459 | 1071 => Kind::Integer,
        160..=169 => Kind::Long,
        290..=299 => Kind::Boolean,
        310..=319 => Kind::Binary,
        _ => return None,
    })
}

/// One pair: its code, its text (strings only), and where its value starts.
#[derive(Debug, PartialEq)]
struct Pair<'a> {
    code: i32,
    text: &'a [u8],
    kind: Kind,
    at: usize,
}

/// The pairs of a binary DXF, as far as they can be read.
struct Pairs<'a> {
    bytes: &'a [u8],
    pos: usize,
    two_byte_codes: bool,
    first: bool,
}

impl<'a> Pairs<'a> {
    /// The pairs after the sentinel; `None` when `bytes` does not start with it.
    fn new(bytes: &'a [u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(b"AutoCAD Binary DXF")?;
        let eol = rest.iter().position(|&b| b == b'\n')?;
        let pos = bytes.len() - rest.len() + eol + 1;
        (bytes.get(pos..pos + 2)? == [0x1a, 0]).then_some(Self {
            bytes,
            pos: pos + 2,
            two_byte_codes: false,
            first: true,
        })
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    fn string(&mut self) -> Option<&'a [u8]> {
        let rest = self.bytes.get(self.pos..)?;
        let end = rest.iter().position(|&b| b == 0)?;
        self.pos += end + 1;
        Some(&rest[..end])
    }
}

impl<'a> Iterator for Pairs<'a> {
    type Item = Pair<'a>;

    fn next(&mut self) -> Option<Pair<'a>> {
        let mut code = i32::from(*self.take(1)?.first()?);
        if self.two_byte_codes {
            code += i32::from(*self.take(1)?.first()?) << 8;
        } else if code == 255 {
            let b = self.take(2)?;
            code = i32::from(i16::from_le_bytes([b[0], b[1]]));
        }
        let kind = kind(code)?;
        let mut at = self.pos;
        let text = match kind {
            Kind::Str => {
                let mut text = self.string()?;
                if self.first && code == 0 && text.is_empty() {
                    // R13 and later: the 0 was the code's second byte.
                    self.two_byte_codes = true;
                    at = self.pos;
                    text = self.string()?;
                }
                text
            }
            Kind::Double | Kind::Long => self.take(8).map(|_| &b""[..])?,
            Kind::Integer => self.take(4).map(|_| &b""[..])?,
            Kind::Short => self.take(2).map(|_| &b""[..])?,
            Kind::Boolean => self
                .take(if self.two_byte_codes { 1 } else { 2 })
                .map(|_| &b""[..])?,
            Kind::Binary => {
                let n = usize::from(*self.take(1)?.first()?);
                self.take(n).map(|_| &b""[..])?
            }
        };
        self.first = false;
        Some(Pair {
            code,
            text,
            kind,
            at,
        })
    }
}

/// Walks a binary DXF: refuses it beyond the limits, and returns a copy with the dates the
/// crate would panic on set to 0 (`None` when there are none).
pub(super) fn guard(
    file: &str,
    bytes: &[u8],
    limits: &ImportLimits,
) -> Result<Option<Vec<u8>>, ImportError> {
    let Some(pairs) = Pairs::new(bytes) else {
        return Ok(None);
    };
    let mut counter = Counter::new(limits);
    let (mut variable, mut object): (&[u8], &[u8]) = (b"", b"");
    let mut bad_dates = Vec::new();
    for pair in pairs {
        if let Some(limit) = counter.feed(pair.code, pair.text, pair.at) {
            return Err(counter.refusal(file, limit, false));
        }
        match pair.code {
            9 => variable = pair.text,
            0 => {
                object = pair.text;
                variable = b"";
            }
            40 if pair.kind == Kind::Double
                && (DATES.contains(&variable) || object == b"LAYER_INDEX") =>
            {
                let raw: [u8; 8] = bytes[pair.at..pair.at + 8].try_into().expect("8 bytes");
                if !(0.0..=5_400_000.0).contains(&f64::from_le_bytes(raw)) {
                    bad_dates.push(pair.at);
                }
            }
            _ => {}
        }
    }
    if bad_dates.is_empty() {
        return Ok(None);
    }
    let mut out = bytes.to_vec();
    for at in bad_dates {
        out[at..at + 8].copy_from_slice(&0f64.to_le_bytes());
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::import::options::Limit;

    /// A binary DXF the `dxf` crate writes (R12: one-byte codes; or R2000: two-byte codes),
    /// with `lines` lines on layer A-WALL.
    fn binary(version: dxf::enums::AcadVersion, lines: usize) -> Vec<u8> {
        let mut d = dxf::Drawing::new();
        d.header.version = version;
        for i in 0..lines {
            let mut e = dxf::entities::Entity::new(dxf::entities::EntityType::Line(
                dxf::entities::Line::new(
                    dxf::Point::new(0.0, i as f64, 0.0),
                    dxf::Point::new(5.0, i as f64, 0.0),
                ),
            ));
            e.common.layer = "A-WALL".into();
            d.add_entity(e);
        }
        let mut bytes = Vec::new();
        d.save_binary(&mut bytes).unwrap();
        bytes
    }

    /// Where the value of `variable`'s code 40 starts.
    fn date_at(bytes: &[u8], variable: &[u8]) -> usize {
        let pairs = Pairs::new(bytes).unwrap();
        let mut current: &[u8] = b"";
        for p in pairs {
            if p.code == 9 {
                current = p.text;
            } else if p.code == 40 && current == variable {
                return p.at;
            }
        }
        panic!("no {}", String::from_utf8_lossy(variable))
    }

    #[test]
    fn the_walk_reads_what_the_crate_reads() {
        use dxf::enums::AcadVersion::{R12, R2000};
        for version in [R12, R2000] {
            let bytes = binary(version, 3);
            let pairs: Vec<Pair> = Pairs::new(&bytes).unwrap().collect();
            // Every byte read, to the last pair, EOF.
            let last = pairs.last().unwrap();
            assert_eq!((last.code, last.text), (0, &b"EOF"[..]), "{version:?}");
            assert_eq!(last.at + 4, bytes.len(), "{version:?}");
            let lines = pairs.iter().filter(|p| p.code == 0 && p.text == b"LINE");
            assert_eq!(lines.count(), 3, "{version:?}");
        }
    }

    #[test]
    fn dates_the_crate_would_panic_on_become_0() {
        use dxf::enums::AcadVersion::{R12, R2000};
        for version in [R12, R2000] {
            let mut bytes = binary(version, 1);
            let at = date_at(&bytes, b"$TDCREATE");
            bytes[at..at + 8].copy_from_slice(&246_107_964.58f64.to_le_bytes());
            let unguarded = std::panic::catch_unwind(|| {
                let _ = dxf::Drawing::load(&mut Cursor::new(&bytes));
            });
            assert!(unguarded.is_err(), "{version:?}: the crate panics on it");
            let fixed = guard("x.dxf", &bytes, &ImportLimits::default())
                .unwrap()
                .expect("one date to fix");
            assert_eq!(&fixed[at..at + 8], &0f64.to_le_bytes());
            assert_eq!(fixed.len(), bytes.len());
            dxf::Drawing::load(&mut Cursor::new(&fixed)).expect("reads");
            // Through the importer: one wall, no panic.
            let options = crate::import::ImportOptions {
                units: Some(crate::import::Units::Metres),
                ..crate::import::ImportOptions::named("dated.dxf")
            };
            let done = crate::import::import_file("dated.dxf", &bytes, &options)
                .unwrap_or_else(|e| panic!("{version:?}: {e}"));
            assert_eq!(done.project.floors[0].walls.len(), 1, "{version:?}");
            // A sane file needs nothing.
            let sane = binary(version, 1);
            assert_eq!(
                guard("x.dxf", &sane, &ImportLimits::default()).unwrap(),
                None
            );
        }
    }

    #[test]
    fn entities_and_points_are_counted_as_in_text() {
        let bytes = binary(dxf::enums::AcadVersion::R2000, 5);
        let limits = |max_entities, max_points| ImportLimits {
            max_entities,
            max_points,
            ..ImportLimits::default()
        };
        assert!(guard("five.dxf", &bytes, &limits(5, 5)).is_ok());
        // Over the entities at the fifth LINE (its layer not read yet); over the points at
        // its first vertex, on its layer.
        for (l, expected, at) in [
            (limits(4, 5), Limit::Entities, "LINE: more than 4 entities"),
            (
                limits(5, 4),
                Limit::Points,
                "LINE on layer \"A-WALL\": more than 4 points",
            ),
        ] {
            match guard("five.dxf", &bytes, &l) {
                Err(e @ ImportError::LimitExceeded { limit, line, .. }) => {
                    assert_eq!((limit, line), (expected, None));
                    let message = e.to_string();
                    assert!(
                        message.starts_with("five.dxf: byte ") && message.contains(at),
                        "{message}"
                    );
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn truncated_or_odd_files_end_the_walk_without_a_panic() {
        let bytes = binary(dxf::enums::AcadVersion::R2000, 2);
        for cut in [0, 10, 21, 22, 23, 30, bytes.len() / 2, bytes.len() - 1] {
            let _ = guard("cut.dxf", &bytes[..cut], &ImportLimits::default());
        }
        let mut odd = bytes.clone();
        let n = odd.len();
        odd[n / 2] = 0xff;
        let _ = guard("odd.dxf", &odd, &ImportLimits::default());
        assert_eq!(Pairs::new(b"AutoCAD Binary DXF").map(|p| p.count()), None);
    }
}
