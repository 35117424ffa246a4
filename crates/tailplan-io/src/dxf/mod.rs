//! DXF in: an AutoCAD drawing (text or binary DXF) becomes one floor.
//!
//! The `dxf` crate reads the file; a raw pass adds the HATCH boundaries it does not read.
//! Entities are flattened ([`entities`]): polylines with their bulges, arcs, circles,
//! ellipses and splines as points, block references expanded (nested, scaled, rotated,
//! mirrored, arrays), MTEXT stripped of its formatting codes ([`text`]). Units come from
//! `$INSUNITS`, `--units` or `--scale`, or are guessed from the drawing's size, with a warning
//! ([`units`]). Then the layers are mapped and the walls cleaned up like every drawing
//! (`crate::drawing`).
//!
//! DXF out: [`export::export_floor`] writes a floor's routes, trays, devices, telecom rooms
//! and risers on named layers (`TP-ROUTES-TR-1`, `TP-TRAYS`, `TP-AP`...), in metres.

use std::io::Cursor;

use tailplan_core::{Diagnostic, IdAllocator, ImportRecord};

use crate::drawing::{self, BuildOptions, Shape2};
use crate::import::error::ImportError;
use crate::import::options::{Format, Import, ImportLimits, ImportOptions, Limit};

mod binary;
pub mod entities;
pub mod export;
pub mod geometry;
pub mod hatch;
pub mod text;
pub mod units;

/// The DXF's `line/offset N` in a `dxf` crate message, as a line number.
fn line_of(message: &str) -> Option<usize> {
    let i = message.rfind("line/offset ")?;
    message[i + 12..]
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Works around the `dxf` crate's reading of files older than R2007 (AutoCAD 2007,
/// `AC1021`): it decodes `\U+00FC` escapes seven characters at a time and drops a backslash
/// code that starts within the last six characters of a string, so that the MTEXT
/// `{\fArial|b1;Büro}\P1.09` would lose its `\P1.09`. Text values (group codes 1 and 3)
/// ending so get six trailing spaces, which the text clean-up removes again. `None` when
/// nothing needs it.
fn pad_trailing_escapes(bytes: &[u8]) -> Option<Vec<u8>> {
    let head = &bytes[..bytes.len().min(4096)];
    let version = head
        .windows(8)
        .position(|w| w == b"$ACADVER")
        .and_then(|i| head[i..].split(|&b| b == b'\n').nth(2))
        .map(|v| String::from_utf8_lossy(v).trim().to_owned());
    if version.as_deref().is_some_and(|v| v >= "AC1021") {
        return None;
    }
    let needs = |value: &[u8]| {
        let v = value.strip_suffix(b"\r").unwrap_or(value);
        v.iter()
            .rposition(|&b| b == b'\\')
            .is_some_and(|i| v.len() - i <= 6)
    };
    let mut out: Option<Vec<u8>> = None;
    let mut text_value = false;
    let mut is_code = true;
    let mut start = 0;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let end = start + line.len();
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        if is_code {
            let code = std::str::from_utf8(body).map(str::trim);
            text_value = matches!(code, Ok("1" | "3"));
        } else if text_value && needs(body) {
            let o = out.get_or_insert_with(|| bytes[..start].to_vec());
            let v = body.strip_suffix(b"\r").unwrap_or(body);
            o.extend_from_slice(v);
            o.extend_from_slice(b"      ");
            o.extend_from_slice(&line[v.len()..]);
            is_code = !is_code;
            start = end;
            continue;
        }
        if let Some(o) = out.as_mut() {
            o.extend_from_slice(line);
        }
        is_code = !is_code;
        start = end;
    }
    out
}

/// The `dxf` crate panics (a `chrono` overflow) on a date beyond the year 262,000: the header's
/// `$TDCREATE`, `$TDUCREATE`, `$TDUPDATE`, `$TDUUPDATE` and a LAYER_INDEX object's time stamp
/// (group code 40, Julian days). Found by fuzzing. Such a value outside 0 to 5,400,000 (the
/// year 9999), or not a number, becomes 0 (no date) before the crate reads the file; tailplan
/// uses none of these dates. `None` when nothing needs it.
fn sane_dates(bytes: &[u8]) -> Option<Vec<u8>> {
    const DATES: [&[u8]; 4] = [b"$TDCREATE", b"$TDUCREATE", b"$TDUPDATE", b"$TDUUPDATE"];
    if !bytes.windows(3).any(|w| w == b"$TD") && !bytes.windows(11).any(|w| w == b"LAYER_INDEX") {
        return None;
    }
    let mut out: Option<Vec<u8>> = None;
    let (mut variable, mut object): (&[u8], &[u8]) = (b"", b"");
    let mut code: &[u8] = b"";
    let mut start = 0;
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let end = start + line.len();
        let value = line.trim_ascii();
        if i % 2 == 0 {
            code = value;
        } else {
            let date = code == b"40" && (DATES.contains(&variable) || object == b"LAYER_INDEX");
            let sane = || {
                std::str::from_utf8(value)
                    .ok()
                    .and_then(|v| v.parse::<f64>().ok())
                    .is_some_and(|d| (0.0..=5_400_000.0).contains(&d))
            };
            if date && !sane() {
                let o = out.get_or_insert_with(|| bytes[..start].to_vec());
                o.extend_from_slice(b"0");
                o.extend_from_slice(if line.ends_with(b"\r\n") {
                    b"\r\n"
                } else if line.ends_with(b"\n") {
                    b"\n"
                } else {
                    b""
                });
                start = end;
                continue;
            }
            match code {
                b"9" => variable = value,
                b"0" => {
                    object = value;
                    variable = b"";
                }
                _ => {}
            }
        }
        if let Some(o) = out.as_mut() {
            o.extend_from_slice(line);
        }
        start = end;
    }
    out
}

/// Counts a DXF's entities (group code 0 in the BLOCKS and ENTITIES sections) and points
/// (group code 10 there) pair by pair, before the `dxf` crate reads the file, so that a file
/// with too many is refused before it is held in memory. Fed by [`prescan`] (text) and
/// [`binary::guard`].
struct Counter<'a> {
    limits: &'a ImportLimits,
    entities: usize,
    points: usize,
    section: &'a [u8],
    after_section: bool,
    /// The entity being read: its name, where it starts (line or byte) and its layer.
    entity: (&'a [u8], usize, &'a [u8]),
}

impl<'a> Counter<'a> {
    fn new(limits: &'a ImportLimits) -> Self {
        Self {
            limits,
            entities: 0,
            points: 0,
            section: b"",
            after_section: false,
            entity: (b"", 0, b""),
        }
    }

    /// Takes one pair (`value` is its text; empty for numbers) found at `at`; the limit it
    /// went over, if any.
    fn feed(&mut self, code: i32, value: &'a [u8], at: usize) -> Option<Limit> {
        let counted = self.section == b"ENTITIES" || self.section == b"BLOCKS";
        match code {
            0 => {
                self.after_section = value == b"SECTION";
                self.entity = (value, at, b"");
                if value == b"ENDSEC" {
                    // What follows (the next SECTION, or EOF) is in no section.
                    self.section = b"";
                } else if counted {
                    self.entities += 1;
                }
                (self.entities > self.limits.max_entities).then_some(Limit::Entities)
            }
            2 if self.after_section => {
                self.section = value;
                self.after_section = false;
                None
            }
            8 => {
                self.entity.2 = value;
                None
            }
            10 if counted => {
                self.points += 1;
                (self.points > self.limits.max_points).then_some(Limit::Points)
            }
            _ => None,
        }
    }

    /// The refusal for `limit`, at the entity being read (`line` when the file is text).
    fn refusal(&self, file: &str, limit: Limit, text: bool) -> ImportError {
        let name = String::from_utf8_lossy(self.entity.0);
        let layer = String::from_utf8_lossy(self.entity.2);
        let mut entity = if layer.is_empty() {
            name.into_owned()
        } else {
            format!("{name} on layer \"{layer}\"")
        };
        if !text {
            entity = format!("byte {}: {entity}", self.entity.1);
        }
        ImportError::LimitExceeded {
            file: file.to_owned(),
            line: text.then_some(self.entity.1),
            entity: Some(entity),
            limit,
            max: match limit {
                Limit::Points => self.limits.max_points,
                _ => self.limits.max_entities,
            } as u64,
        }
    }
}

/// Counts a text DXF with [`Counter`]: the line, the entity and its layer where the count
/// went over the limit.
fn prescan(file: &str, bytes: &[u8], limits: &ImportLimits) -> Result<(), ImportError> {
    let mut counter = Counter::new(limits);
    let mut lines = bytes.split(|&b| b == b'\n').enumerate();
    while let (Some((i, code)), Some((_, value))) = (lines.next(), lines.next()) {
        let (code, value) = (code.trim_ascii(), value.trim_ascii());
        let Some(code) = std::str::from_utf8(code).ok().and_then(|c| c.parse().ok()) else {
            continue;
        };
        if let Some(limit) = counter.feed(code, value, i + 1) {
            return Err(counter.refusal(file, limit, true));
        }
    }
    Ok(())
}

/// Imports a DXF file's bytes.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    let file = options.source_name.clone();
    let binary = bytes.starts_with(b"AutoCAD Binary DXF");
    if !binary {
        // A text DXF: its truncation is easy to see, and worth a clear message.
        let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]);
        if !tail.contains("EOF") {
            let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(ImportError::Malformed {
                file,
                line: Some(lines),
                entity: None,
                message: "the drawing ends without the final EOF: the file is truncated".into(),
            });
        }
    }
    let padded = if binary {
        None
    } else {
        pad_trailing_escapes(bytes)
    };
    let text_bytes = padded.as_deref().unwrap_or(bytes);
    let dated = if binary {
        binary::guard(&file, text_bytes, &options.limits)?
    } else {
        sane_dates(text_bytes)
    };
    let text_bytes = dated.as_deref().unwrap_or(text_bytes);
    if !binary {
        prescan(&file, text_bytes, &options.limits)?;
    }
    let drawing = dxf::Drawing::load(&mut Cursor::new(text_bytes)).map_err(|e| {
        let message = e.to_string();
        ImportError::Malformed {
            file: file.clone(),
            line: line_of(&message),
            entity: None,
            message: match message.rfind(" at line/offset ") {
                Some(i) => message[..i].to_owned(),
                None => message,
            },
        }
    })?;
    let hatches = if binary {
        Vec::new()
    } else {
        hatch::read_hatches(&String::from_utf8_lossy(bytes))
    };
    let mut diagnostics = Vec::new();

    let mut f = entities::Flattener::new(
        drawing.blocks().map(|b| (b.name.as_str(), b)).collect(),
        options.limits,
    );
    for h in &hatches {
        if let Some(b) = &h.block {
            f.block_hatches.entry(b.as_str()).or_default().push(h);
        }
    }
    // Layers in the table's order, with their on/off state.
    for l in drawing.layers() {
        let i = f.out.layer(&l.name);
        f.out.layers[i].hidden = !l.is_layer_on;
    }
    let identity = geometry::Affine::IDENTITY;
    for e in drawing.entities() {
        if e.common.is_in_paper_space {
            continue;
        }
        f.entity(e, &identity, "0", 0);
    }
    if let Some(over) = f.exceeded.take() {
        let limits = &options.limits;
        return Err(ImportError::LimitExceeded {
            file,
            line: None,
            entity: Some(over.entity),
            limit: over.limit,
            max: match over.limit {
                Limit::Points => limits.max_points,
                Limit::Nesting => limits.max_nesting,
                _ => limits.max_entities,
            } as u64,
        });
    }
    for h in hatches.iter().filter(|h| h.block.is_none()) {
        let l = f.out.layer(&h.layer);
        f.out.layers[l].entities += 1;
        let fill = Some(f.out.new_fill());
        for lp in &h.loops {
            // Counted like every entity (a boundary's arcs make many points).
            f.points += lp.len();
            let over = if f.points > options.limits.max_points {
                Some((Limit::Points, options.limits.max_points))
            } else if f.out.items.len() >= options.limits.max_entities {
                Some((Limit::Entities, options.limits.max_entities))
            } else {
                None
            };
            if let Some((limit, max)) = over {
                return Err(ImportError::LimitExceeded {
                    file,
                    line: None,
                    entity: Some(format!("HATCH on layer \"{}\"", h.layer)),
                    limit,
                    max: max as u64,
                });
            }
            f.out.items.push(drawing::Item {
                layer: l,
                shape: Shape2::Line {
                    points: lp.clone(),
                    closed: true,
                    fill,
                },
            });
        }
    }
    if !f.missing_blocks.is_empty() {
        diagnostics.push(Diagnostic::warning(
            &file,
            format!(
                "INSERT of undefined block(s) {}: skipped",
                f.missing_blocks.join(", ")
            ),
        ));
    }
    let mut skipped: Vec<_> = f.skipped.iter().collect();
    skipped.sort();
    for (name, n) in skipped {
        diagnostics.push(Diagnostic::info(
            &file,
            format!(
                "{n} {name} entit{} not used",
                if *n == 1 { "y" } else { "ies" }
            ),
        ));
    }
    let out = f.out;
    if out.items.is_empty() {
        return Err(ImportError::Empty {
            file,
            message: "the drawing has no entities in model space".into(),
        });
    }

    // Units and scale.
    let extent = tailplan_core::BBox::from_points(out.items.iter().flat_map(|i| match &i.shape {
        Shape2::Line { points, .. } | Shape2::Arc { points, .. } => points.clone(),
        Shape2::Text { at, .. } => vec![*at],
    }));
    let size = extent.map_or(0.0, |b| b.width().max(b.height()));
    let header = units::from_header(drawing.header.default_drawing_units);
    let (scale, units_text) = if let Some(s) = options.scale {
        let m = s.m_per_unit().map_err(|message| ImportError::Scale {
            file: file.clone(),
            message,
        })?;
        (m, format!("scale {m} m per unit (--scale)"))
    } else if let Some(u) = options.units {
        (u.m_per_unit(), format!("{} (--units)", u.as_str()))
    } else if let Some(u) = header {
        (
            u.m_per_unit(),
            format!(
                "{} ($INSUNITS {})",
                u.as_str(),
                drawing.header.default_drawing_units as i32
            ),
        )
    } else {
        let u = units::guess(size);
        diagnostics.push(Diagnostic::warning(
            &file,
            format!(
                "$INSUNITS does not say the units: {} guessed from the drawing's size ({size:.0} units across); give --units if that is wrong",
                u.as_str()
            ),
        ));
        (u.m_per_unit(), format!("{} (guessed)", u.as_str()))
    };
    if let Some(b) = extent {
        let (hmin, hmax) = (
            drawing.header.minimum_drawing_extents.clone(),
            drawing.header.maximum_drawing_extents.clone(),
        );
        let unset = hmax.x < hmin.x
            || hmin.x.abs() > 1e19
            || hmax.x.abs() > 1e19
            || (hmin.x == 0.0 && hmax.x == 0.0);
        let note = if unset {
            "; the header's $EXTMIN/$EXTMAX are unset"
        } else {
            ""
        };
        diagnostics.push(Diagnostic::info(
            &file,
            format!(
                "extent {:.2} x {:.2} m, recomputed from the geometry{note}",
                b.width() * scale,
                b.height() * scale
            ),
        ));
    }

    let mut ids = IdAllocator::default();
    let built = drawing::build(
        &out,
        BuildOptions {
            source: &file,
            floor: options.new_floor(),
            scale,
            flip_y: false,
            origin: tailplan_core::Point::new(0.0, 0.0),
            layer_map: &options.layers,
            cleanup: &options.cleanup,
            include_hidden: options.include_hidden,
            keep_underlay: options.keep_underlay,
        },
        &mut ids,
    );
    diagnostics.extend(built.diagnostics);
    let floor_id = built.floor.id.clone();
    let mut project = tailplan_core::Project::new();
    project.floors.push(built.floor);
    Ok(Import {
        project,
        report: ImportRecord {
            source: file,
            format: Format::Dxf.as_str().into(),
            units: units_text,
            m_per_unit: Some(scale),
            floors: vec![floor_id],
            layers: built.layers,
            walls: Some(built.walls),
            diagnostics,
            ..Default::default()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prescan_counts_exactly_the_entities_there_are() {
        let lines: String = (0..5)
            .map(|i| format!("0\nLINE\n8\nA-WALL\n10\n0\n20\n{i}\n11\n5\n21\n{i}\n"))
            .collect();
        let dxf = format!(
            "0\nSECTION\n2\nENTITIES\n{lines}0\nENDSEC\n0\nSECTION\n2\nOBJECTS\n0\nDICTIONARY\n0\nENDSEC\n0\nEOF\n"
        );
        let limits = |max_entities, max_points| ImportLimits {
            max_entities,
            max_points,
            ..ImportLimits::default()
        };
        // Five lines (the text holds five vertices, code 10): within limits of exactly that
        // (the sections' ENDSEC, the OBJECTS section and EOF are no entities of the drawing).
        assert!(prescan("five.dxf", dxf.as_bytes(), &limits(5, 5)).is_ok());
        let over = |l| match prescan("five.dxf", dxf.as_bytes(), &l) {
            Err(ImportError::LimitExceeded { limit, max, .. }) => (limit, max),
            other => panic!("{other:?}"),
        };
        assert_eq!(over(limits(4, 5)), (Limit::Entities, 4));
        assert_eq!(over(limits(5, 4)), (Limit::Points, 4));
    }

    #[test]
    fn backslash_codes_at_the_end_of_old_mtext_survive() {
        // R2000: the dxf crate un-escapes \U+ codes itself, and would drop "\P1.09".
        let dxf = "0\r\nSECTION\r\n2\r\nHEADER\r\n9\r\n$ACADVER\r\n1\r\nAC1015\r\n0\r\nENDSEC\r\n\
                   0\r\nSECTION\r\n2\r\nENTITIES\r\n0\r\nMTEXT\r\n8\r\nRaum\r\n10\r\n1\r\n20\r\n1\r\n\
                   1\r\n{\\fArial|b1;B\\U+00FCro}\\P1.09\r\n0\r\nENDSEC\r\n0\r\nEOF\r\n";
        let padded = pad_trailing_escapes(dxf.as_bytes()).expect("one value to pad");
        let text = String::from_utf8(padded).unwrap();
        assert!(text.contains("}\\P1.09      \r\n0\r\nENDSEC"), "{text}");
        assert_eq!(text.lines().count(), dxf.lines().count());
        let drawing = dxf::Drawing::load(&mut Cursor::new(text.as_bytes())).unwrap();
        let value = drawing
            .entities()
            .find_map(|e| match &e.specific {
                dxf::entities::EntityType::MText(t) => Some(text::plain_mtext(&t.text)),
                _ => None,
            })
            .unwrap();
        assert_eq!(value, "Büro 1.09");
        // From AutoCAD 2007 on, files are UTF-8 and need nothing.
        assert!(pad_trailing_escapes(dxf.replace("AC1015", "AC1027").as_bytes()).is_none());
    }

    #[test]
    fn dates_the_dxf_crate_would_panic_on_are_dropped() {
        // Found by fuzzing: the dxf crate's date conversion overflows (a panic) past the year
        // 262,000.
        let dxf = "0\r\nSECTION\r\n2\r\nHEADER\r\n9\r\n$TDCREATE\r\n40\r\n2461072.39\r\n\
                   9\r\n$TDUUPDATE\r\n40\r\n246107964.58\r\n9\r\n$LUNITS\r\n70\r\n2\r\n0\r\nENDSEC\r\n\
                   0\r\nSECTION\r\n2\r\nOBJECTS\r\n0\r\nLAYER_INDEX\r\n5\r\n1A\r\n40\r\ninf\r\n\
                   0\r\nENDSEC\r\n0\r\nEOF\r\n";
        let fixed = String::from_utf8(sane_dates(dxf.as_bytes()).expect("two dates")).unwrap();
        assert_eq!(
            fixed,
            dxf.replace("246107964.58", "0").replace("\ninf\r", "\n0\r")
        );
        dxf::Drawing::load(&mut Cursor::new(fixed.as_bytes())).expect("reads");
        // A sane date, or none at all: nothing to do.
        assert!(
            sane_dates(
                dxf.replace("246107964.58", "2461079.68")
                    .replace("inf", "0")
                    .as_bytes()
            )
            .is_none()
        );
    }
}
