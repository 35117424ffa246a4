//! Files made from a project, each an [`ExportFile`] (its name, media type and bytes): the
//! editor's downloads, named after the project (`office-cable-schedule.csv`,
//! `office-cabling-1-sheets.zip`).

use serde::{Deserialize, Serialize};
use tailplan_core::Project;
use tailplan_core::routing::Routing;
use tailplan_core::scenario::EnergyOptions;
use tailplan_io::dxf::export::DxfExportError;
use tailplan_io::file_name::slug;
use tailplan_io::sheet::SheetKind;

use crate::date::SheetDate;
use crate::error::AppError;
use crate::route::CsvTable;
use crate::scenarios::ScenariosResult;
use crate::sheets::{self, SheetRequest, SheetSetRequest, Sheets};

/// A file to write or download.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    /// Its name.
    pub name: String,
    /// Its media type (`text/csv`, `image/svg+xml`, `application/zip`...).
    pub media_type: String,
    /// What it holds, in a few words: `3 sheets`, `12 cables`.
    pub summary: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Export {
    /// A floor's sheet of a kind with its continuation sheets: one SVG, or a zip of them.
    FloorSheets {
        /// The floor.
        floor: String,
        /// What the sheet shows.
        sheet: SheetKind,
        /// The date in the title block.
        date: SheetDate,
    },
    /// The whole sheet set with its index, as a zip.
    AllSheets {
        /// The date in the title blocks.
        date: SheetDate,
    },
    /// A floor's sheet of a kind with its continuation sheets as one PDF.
    FloorSheetsPdf {
        /// The floor.
        floor: String,
        /// What the sheet shows.
        sheet: SheetKind,
        /// The date in the title block.
        date: SheetDate,
    },
    /// The whole sheet set as one PDF, the index sheet first.
    AllSheetsPdf {
        /// The date in the title blocks.
        date: SheetDate,
    },
    /// A table of the routing, CSV.
    Csv {
        /// Which.
        table: CsvTable,
    },
    /// The project as GeoJSON.
    GeoJson,
    /// A floor's design as DXF.
    Dxf {
        /// The floor.
        floor: String,
        /// The date in the header.
        date: SheetDate,
    },
    /// The scenario comparison sheet of a comparison already made (the one the editor
    /// shows), as SVG or PDF.
    ScenarioSheet {
        /// The comparison, as [`crate::scenarios::compare`] made it on this project.
        comparison: Box<ScenariosResult>,
        /// How its energy was counted.
        energy: EnergyOptions,
        /// The date in the title block.
        date: SheetDate,
        /// A PDF rather than an SVG.
        #[serde(default)]
        pdf: bool,
    },
}

/// The name a project's files take after it: its file name without `.tailplan.json`,
/// `.geojson` or `.json` (`campus/b1.tailplan.json` → `b1`). The CLI's `--out-dir` files and
/// the editor's downloads are named from it.
///
/// ```
/// use tailplan_app::export::stem;
/// assert_eq!(stem("campus/b1.tailplan.json"), "b1");
/// assert_eq!(stem("plan.geojson"), "plan");
/// assert_eq!(stem("drawing.dxf"), "drawing.dxf");
/// assert_eq!(stem(".tailplan.json"), ".tailplan");
/// ```
pub fn stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let name = if name.is_empty() { "project" } else { name };
    for ext in [".tailplan.json", ".geojson", ".json"] {
        if let Some(s) = name.strip_suffix(ext)
            && !s.is_empty()
        {
            return s.to_owned();
        }
    }
    name.to_owned()
}

/// Writes a floor's DXF: `tailplan_io::dxf::export::export_floor`, passed in by the front
/// ends that carry the DXF writer (the editor's main worker goes without it, for size).
pub type DxfWriter = fn(&Project, &Routing, &str, Option<&str>) -> Result<Vec<u8>, DxfExportError>;

/// The file `what` of `project`, named from `base` (the project's name without extension).
/// `name` is the project's name in messages.
pub fn export(
    name: &str,
    project: &Project,
    base: &str,
    what: &Export,
    dxf: Option<DxfWriter>,
) -> Result<ExportFile, AppError> {
    match what {
        Export::Csv { table } => {
            let r = crate::route::route(project);
            let (file, summary) = match table {
                CsvTable::Schedule => ("cable-schedule", format!("{} cables", r.schedule.len())),
                CsvTable::BillOfMaterials => (
                    "bill-of-materials",
                    format!("{} lines", r.bill_of_materials.lines.len()),
                ),
                CsvTable::TrayFill => (
                    "tray-fill",
                    format!("{} tray sections", r.routing.tray_fill.len()),
                ),
                CsvTable::Rooms => (
                    "telecom-rooms",
                    format!("{} telecom rooms", r.routing.rooms.len()),
                ),
                CsvTable::Findings => {
                    ("findings", format!("{} findings", r.routing.findings.len()))
                }
                CsvTable::FinalTail => (
                    "final-tail",
                    format!("{} devices", r.routing.final_tail.len()),
                ),
                CsvTable::Distributors => (
                    "distributors",
                    format!("{} distributors", r.distributors.len()),
                ),
            };
            Ok(ExportFile {
                name: format!("{base}-{file}.csv"),
                media_type: "text/csv".into(),
                summary,
                bytes: r.csv(*table).into_bytes(),
            })
        }
        Export::GeoJson => Ok(ExportFile {
            name: format!("{base}.geojson"),
            media_type: "application/geo+json".into(),
            summary: format!("{} floors", project.floors.len()),
            bytes: tailplan_io::geojson::export(project).into_bytes(),
        }),
        Export::Dxf { floor, date } => {
            let dxf = dxf.ok_or(AppError::NotAvailable("DXF"))?;
            let routing = tailplan_core::routing::route(project);
            let floor = crate::floor::pick_floor(name, project, Some(floor))?;
            let bytes =
                dxf(project, &routing, &floor.id, Some(&date.to_string())).map_err(|error| {
                    AppError::Dxf {
                        project: name.to_owned(),
                        error,
                    }
                })?;
            Ok(ExportFile {
                name: format!("{base}-{}.dxf", slug(&floor.id)),
                media_type: "application/dxf".into(),
                summary: format!("floor {}", floor.id),
                bytes,
            })
        }
        Export::FloorSheets { floor, sheet, date }
        | Export::FloorSheetsPdf { floor, sheet, date } => {
            let request = SheetRequest {
                floor: Some(floor.clone()),
                kind: *sheet,
                ..SheetRequest::new(*date)
            };
            let drawn = sheets::floor_sheets(name, project, &request)?;
            let stem = format!("{base}-{}-{}", sheet.as_str(), slug(floor));
            if matches!(what, Export::FloorSheetsPdf { .. }) {
                pdf_file(name, project, format!("{stem}.pdf"), &drawn, *date)
            } else {
                packed(name, base, format!("{stem}-sheets.zip"), drawn)
            }
        }
        Export::ScenarioSheet {
            comparison,
            energy,
            date,
            pdf,
        } => {
            let one = sheets::comparison_sheet(project, comparison, energy, None, *date);
            let file = format!("{base}-{}.pdf", one.name);
            let drawn = Sheets {
                sheets: vec![one],
                no_map: Vec::new(),
            };
            if *pdf {
                pdf_file(name, project, file, &drawn, *date)
            } else {
                // One sheet: an SVG, never a zip (so no zip name).
                packed(name, base, String::new(), drawn)
            }
        }
        Export::AllSheets { date } | Export::AllSheetsPdf { date } => {
            let drawn = sheets::sheet_set(name, project, &SheetSetRequest::new(*date))?;
            if matches!(what, Export::AllSheetsPdf { .. }) {
                pdf_file(name, project, format!("{base}-sheets.pdf"), &drawn, *date)
            } else {
                packed(name, base, format!("{base}-sheets.zip"), drawn)
            }
        }
    }
}

/// Sheets as one PDF named `file`.
fn pdf_file(
    name: &str,
    project: &Project,
    file: String,
    drawn: &Sheets,
    date: SheetDate,
) -> Result<ExportFile, AppError> {
    if drawn.sheets.is_empty() {
        return Err(AppError::NoSheet {
            project: name.to_owned(),
        });
    }
    Ok(ExportFile {
        name: file,
        media_type: "application/pdf".into(),
        summary: match drawn.sheets.len() {
            1 => "1 sheet".to_owned(),
            n => format!("{n} sheets"),
        },
        bytes: sheets::sheets_pdf(name, project, &drawn.sheets, date)?,
    })
}

/// Sheets as one SVG, or a zip named `zip_name` of several.
fn packed(name: &str, base: &str, zip_name: String, drawn: Sheets) -> Result<ExportFile, AppError> {
    match drawn.sheets.as_slice() {
        [] => Err(AppError::NoSheet {
            project: name.to_owned(),
        }),
        [one] => Ok(ExportFile {
            name: format!("{base}-{}.svg", one.name),
            media_type: "image/svg+xml".into(),
            summary: format!("1 sheet ({})", one.title),
            bytes: one.svg.clone().into_bytes(),
        }),
        many => Ok(ExportFile {
            name: zip_name,
            media_type: "application/zip".into(),
            summary: format!("{} sheets", many.len()),
            bytes: sheets::sheets_zip(many)?,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_are_named_after_the_project() {
        let project = tailplan_samples::small_floor();
        let date = SheetDate::parse("2025-01-31").unwrap();
        let f = export("small", &project, "small", &Export::GeoJson, None).unwrap();
        assert_eq!(
            (f.name.as_str(), f.media_type.as_str()),
            ("small.geojson", "application/geo+json")
        );
        let f = export(
            "small",
            &project,
            "small",
            &Export::Csv {
                table: CsvTable::Schedule,
            },
            None,
        )
        .unwrap();
        assert_eq!(f.name, "small-cable-schedule.csv");
        let set = export(
            "small",
            &project,
            "small",
            &Export::AllSheets { date },
            None,
        )
        .unwrap();
        assert_eq!(set.name, "small-sheets.zip");
        assert!(set.bytes.starts_with(b"PK"));
        let pdf = export(
            "small",
            &project,
            "small",
            &Export::AllSheetsPdf { date },
            None,
        )
        .unwrap();
        assert_eq!(
            (pdf.name.as_str(), pdf.media_type.as_str()),
            ("small-sheets.pdf", "application/pdf")
        );
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        let floor = Export::FloorSheetsPdf {
            floor: "0".into(),
            sheet: SheetKind::Cabling,
            date,
        };
        let pdf = export("small", &project, "small", &floor, None).unwrap();
        assert_eq!(pdf.name, "small-cabling-0.pdf");
        let dxf = Export::Dxf {
            floor: "0".into(),
            date,
        };
        assert!(matches!(
            export("small", &project, "small", &dxf, None),
            Err(AppError::NotAvailable("DXF"))
        ));
        let f = export(
            "small",
            &project,
            "small",
            &dxf,
            Some(tailplan_io::dxf::export::export_floor),
        )
        .unwrap();
        assert_eq!(f.name, "small-0.dxf");
    }

    #[test]
    fn the_comparison_shown_is_the_sheet_the_cli_draws() {
        // The editor exports the comparison it shows; drawing it again from that comparison
        // gives the sheet `tailplan sheet --kind scenarios` draws (which compares anew).
        let project = tailplan_samples::small_floor();
        let date = SheetDate::parse("2025-01-31").unwrap();
        let energy = EnergyOptions {
            duty_cycle: 0.5,
            ..EnergyOptions::default()
        };
        let request = sheets::ScenarioSheetRequest {
            scenarios: crate::scenarios::ScenariosRequest {
                energy,
                ..Default::default()
            },
            ..sheets::ScenarioSheetRequest::new(date)
        };
        let cli = sheets::scenario_sheet("small", &project, &request).unwrap();
        let mut what = Export::ScenarioSheet {
            comparison: Box::new(cli.comparison.clone()),
            energy,
            date,
            pdf: false,
        };
        let f = export("small", &project, "small", &what, None).unwrap();
        assert_eq!(f.name, "small-scenarios.svg");
        assert_eq!(f.media_type, "image/svg+xml");
        assert_eq!(String::from_utf8(f.bytes).unwrap(), cli.sheet.svg);
        assert!(cli.sheet.svg.contains("duty cycle of 0.5"));
        // As PDF: the bytes `tailplan sheet --kind scenarios -o OUT.pdf` writes.
        if let Export::ScenarioSheet { pdf, .. } = &mut what {
            *pdf = true;
        }
        let f = export("small", &project, "small", &what, None).unwrap();
        assert_eq!(
            (f.name.as_str(), f.media_type.as_str()),
            ("small-scenarios.pdf", "application/pdf")
        );
        assert_eq!(
            f.bytes,
            sheets::sheets_pdf("small", &project, &[cli.sheet], date).unwrap()
        );
    }
}
