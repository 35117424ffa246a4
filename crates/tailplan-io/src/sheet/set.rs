//! Sheets put together: a floor's cabling or coverage sheet with its continuation sheets, and
//! the sheet set (an index sheet, then every floor), numbered "sheet n of m", with drawing
//! numbers and file names that follow from what a sheet is (`TP-CAB-1`, `cabling-1.svg`).

use std::collections::HashSet;

use tailplan_core::Project;

use crate::file_name::slug;

use super::analysis::Analysis;
use super::findings::{self, floor_findings};
use super::flow::{Block, flow, flow_best};
use super::heatmap::{self, service_name};
use super::key_plan::key_plan;
use super::layout::{self, Placement};
use super::legend::legend;
use super::page::{Page, text_panel};
use super::plan::{self, Overlays, Purpose, View};
use super::reports;
use super::tables::{Align, Column, Table};
use super::title_block::TitleInfo;
use super::{Sheet, SheetError, SheetKind, SheetOptions};

/// A sheet drawn but not yet numbered.
pub(crate) struct Draft {
    page: Page,
    panels: String,
    title: String,
    number: String,
    name: String,
    view: Option<View>,
    scale: Option<super::paper::Scale>,
    /// The building in its title block; `None` for the project's (`meta.building`).
    building: Option<String>,
}

/// The floor's index, or the error naming the floors there are.
pub(crate) fn floor_index(project: &Project, id: &str) -> Result<usize, SheetError> {
    project
        .floors
        .iter()
        .position(|f| f.id == id)
        .ok_or_else(|| SheetError::UnknownFloor {
            floor: id.to_owned(),
            floors: project
                .floors
                .iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// The floor's size in metres (its every element's box).
fn floor_size(
    project: &Project,
    index: usize,
) -> Result<(tailplan_core::BBox, (f64, f64)), SheetError> {
    let f = &project.floors[index];
    let b = f
        .bbox()
        .filter(|b| b.min.is_finite() && b.max.is_finite())
        .ok_or_else(|| SheetError::EmptyFloor(f.id.clone()))?;
    Ok((b, (b.width(), b.height())))
}

/// The placement of a floor on `paper` (or the default) at `scale` (or the best).
pub(crate) fn placement(
    project: &Project,
    index: usize,
    options: &SheetOptions,
) -> Result<Placement, SheetError> {
    let (_, size) = floor_size(project, index)?;
    layout::choose(size, options.paper, options.scale).map_err(|e| SheetError::DoesNotFit {
        floor: project.floors[index].id.clone(),
        width_m: size.0,
        height_m: size.1,
        paper: options.paper.map(|p| p.as_str().to_owned()),
        scale: options.scale.map(|s| s.to_string()),
        needs_mm: e.needs_mm,
    })
}

/// The drafts of one floor's sheet of `kind`: the sheet, then its continuation sheets.
pub(crate) fn floor_drafts(
    project: &Project,
    analysis: &Analysis,
    index: usize,
    kind: SheetKind,
    placement: &Placement,
) -> Result<Vec<Draft>, SheetError> {
    let floor = &project.floors[index];
    let (bbox, _) = floor_size(project, index)?;
    let mut page = Page::new(placement.paper);
    let view = View::new(&placement.plan, &bbox, placement.scale);
    let routing = &analysis.routing;
    let mut blocks: Vec<Block> = Vec::new();
    // The riser sheets are drawn per building (`riser_drafts`); asked for here, a floor gets
    // its cabling sheet.
    debug_assert!(kind.is_per_floor());
    let (title, code) = match kind {
        SheetKind::Cabling | SheetKind::Riser | SheetKind::Scenarios => {
            (format!("{}: cabling", floor.name), "CAB")
        }
        SheetKind::Coverage => {
            let what = match analysis.coverage.get(&floor.id) {
                Some(Ok(c)) => service_name(c.service),
                _ => "radio".to_owned(),
            };
            (format!("{}: coverage, {what}", floor.name), "COV")
        }
    };
    match kind {
        SheetKind::Cabling | SheetKind::Riser | SheetKind::Scenarios => {
            let ff = floor_findings(project, routing, index);
            plan::draw(
                &mut page,
                project,
                index,
                placement.plan,
                view,
                Overlays {
                    purpose: Purpose::Cabling,
                    routing: Some(routing),
                    heat: None,
                    findings: Some(&ff),
                },
            );
            if let Some((svg, w, h)) = legend("Legend", &page.legend) {
                blocks.push(Block::Fixed { w, h, svg });
            }
            // In order of what matters most on the plan's sheet: the findings its markers
            // refer to, the schedule, the telecom rooms, the bill of materials.
            if !ff.items.is_empty() {
                let items: Vec<(usize, &tailplan_core::routing::Finding)> =
                    ff.items.iter().map(|&(n, f, _)| (n, f)).collect();
                blocks.push(Block::Table(reports::findings_table(
                    &format!("Design-rule findings: {}", floor.name),
                    &items,
                )));
            }
            let schedule = reports::cable_schedule(project, routing, index);
            if schedule.is_empty() {
                let (svg, w, h) = text_panel(
                    "Cable schedule",
                    &["No cable serves this floor.".to_owned()],
                    90.0,
                );
                blocks.push(Block::Fixed { w, h, svg });
            } else {
                blocks.push(Block::Table(schedule));
            }
            let rooms = reports::room_loads(routing, floor);
            if !rooms.is_empty() {
                blocks.push(Block::Table(rooms));
            }
            let bom = reports::floor_bom(project, routing, index);
            if !bom.lines.is_empty() {
                blocks.push(Block::Table(reports::bom_table(
                    &format!("Bill of materials: {}", floor.name),
                    &bom,
                )));
            }
        }
        SheetKind::Coverage => {
            let cov = analysis.coverage.get(&floor.id);
            let (purpose, heat) = match cov {
                Some(Ok(c)) => (
                    Purpose::Coverage(c.service),
                    Some(heatmap::heatmap(c, floor, &view, &mut page.ids)),
                ),
                _ => (
                    Purpose::Coverage(tailplan_core::coverage::Service::Wifi(
                        tailplan_core::WifiBand::Ghz5,
                    )),
                    None,
                ),
            };
            plan::draw(
                &mut page,
                project,
                index,
                placement.plan,
                view,
                Overlays {
                    purpose,
                    routing: None,
                    heat,
                    findings: None,
                },
            );
            match cov {
                Some(Ok(c)) => {
                    let (svg, w, h) = heatmap::colour_legend(c);
                    blocks.push(Block::Fixed { w, h, svg });
                }
                Some(Err(why)) => {
                    let (svg, w, h) =
                        text_panel("Coverage", &[format!("No coverage drawn: {why}.")], 90.0);
                    blocks.push(Block::Fixed { w, h, svg });
                }
                None => {
                    let (svg, w, h) = text_panel(
                        "Coverage",
                        &["Coverage was not computed for this floor.".to_owned()],
                        90.0,
                    );
                    blocks.push(Block::Fixed { w, h, svg });
                }
            }
            if let Some((svg, w, h)) = legend("Legend", &page.legend) {
                blocks.push(Block::Fixed { w, h, svg });
            }
            if let Some(Ok(c)) = cov {
                let t = reports::transmitters(project, floor, c);
                if !t.is_empty() {
                    blocks.push(Block::Table(t));
                }
                let t = reports::coverage_rooms(floor, c);
                if !t.is_empty() {
                    blocks.push(Block::Table(t));
                }
            }
            if let Some(acc) = &analysis.survey {
                blocks.push(reports::survey_calibration(project, floor, acc));
            }
        }
    }
    let more = layout::continuation_regions(placement.paper);
    // The panels after the first (the legend) matter in the order they were made.
    let importance: Vec<usize> = (1..blocks.len()).collect();
    let panels = flow_best(blocks, &importance, &placement.regions, &more);
    let base = format!("{}-{}", kind.as_str(), slug(&floor.id));
    let number = format!("TP-{code}-{}", floor.id);
    let mut drafts = Vec::new();
    for (k, panels) in panels.into_iter().enumerate() {
        let (page, view, title, name, number) = if k == 0 {
            (
                std::mem::replace(&mut page, Page::new(placement.paper)),
                Some(view),
                title.clone(),
                base.clone(),
                number.clone(),
            )
        } else {
            (
                Page::new(placement.paper),
                None,
                format!("{title} (continued)"),
                format!("{base}-{}", k + 1),
                format!("{number}-{}", k + 1),
            )
        };
        drafts.push(Draft {
            page,
            panels,
            title,
            number,
            name,
            view,
            scale: (k == 0).then_some(placement.scale),
            building: floor
                .building
                .is_some()
                .then(|| project.building_name(floor)),
        });
    }
    Ok(drafts)
}

/// Numbers drafts 1 to m and writes them.
pub(crate) fn finish(project: &Project, drafts: Vec<Draft>, options: &SheetOptions) -> Vec<Sheet> {
    let m = drafts.len();
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let info = TitleInfo {
                title: d.title.clone(),
                number: d.number.clone(),
                scale: d.scale,
                plan: d.view.is_some(),
                paper: d.page.paper,
                date: options.date.clone(),
                building: d
                    .building
                    .clone()
                    .unwrap_or_else(|| project.meta.building.clone()),
            };
            let svg = d.page.finish(&d.panels, &project.meta, &info, i + 1, m);
            Sheet {
                name: d.name,
                number: d.number,
                title: d.title,
                svg,
                view: d.view,
            }
        })
        .collect()
}

/// The index sheet(s): general notes, the drawing register of `listed` (name, number, title,
/// scale) plus the index's own sheets, a summary per floor, the project's bill of materials
/// and the findings about no floor.
fn index_drafts(
    project: &Project,
    analysis: &Analysis,
    paper: super::paper::Paper,
    listed: &[(String, String, String, Option<super::paper::Scale>)],
) -> Vec<Draft> {
    let routing = &analysis.routing;
    let cabling = &project.settings.cabling;
    let notes = vec![
        format!(
            "1. Cable ids follow ANSI/TIA-606: floor, telecom room letter on its floor, patch panel letter and port ({}-port panels): 2A-B06 is floor 2, room A, panel B, port 6.",
            cabling.patch_panel_ports
        ),
        format!(
            "2. Lengths are installed lengths in metres: drops, tray, riser and slack ({} m at the outlet, {} m at the telecom room). Limits: Cat6A permanent link {} m, SPE {} m, fibre {} m.",
            N(cabling.slack_outlet_m),
            N(cabling.slack_telecom_room_m),
            N(cabling.copper_permanent_link_max_m),
            N(cabling.spe_max_m),
            N(cabling.fiber_max_m)
        ),
        format!(
            "3. Tray fill is held to {} % of the tray's cross-section. Cable routes are drawn along the tray centrelines; cables leave the tray at the point nearest their outlet.",
            N(cabling.tray_fill_max * 100.0)
        ),
        match &project.settings.calibration {
            None => format!(
                "4. Coverage is predicted, not measured: best-server signal at {} m above the floor (log-distance model, exponent {}, wall losses per material). Verify by a site survey after installation.",
                N(project.settings.radio.receiver_height_m),
                N(project.settings.radio.path_loss_exponent)
            ),
            Some(c) => format!(
                "4. Coverage is predicted: best-server signal at {} m above the floor (log-distance model, exponent {}, wall losses per material), calibrated against the site survey {} ({} rows; RMSE {} dB, {} dB on held-out points). Verify after installation.",
                N(project.settings.radio.receiver_height_m),
                N(project.settings.radio.path_loss_exponent),
                c.surveys.join(", "),
                c.points,
                N((c.after.rmse_db * 10.0).round() / 10.0),
                N((c.cross_validated.rmse_db * 10.0).round() / 10.0)
            ),
        },
        "5. Plans are drawn north up at the scale in their title block; check dimensions on site before installing.".to_owned(),
    ];
    let mut blocks = Vec::new();
    // The set's own title.
    let heading = if project.meta.name.is_empty() {
        "Design sheets".to_owned()
    } else {
        project.meta.name.clone()
    };
    let (heading, size) = text::fit(&heading, 8.0, 260.0);
    let sub = format!(
        "{}Communications final tail: cabling and coverage design sheets",
        if project.meta.building.is_empty() {
            String::new()
        } else {
            format!("{} · ", project.meta.building)
        }
    );
    let svg = format!(
        "<text x=\"0\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n<text x=\"0\" y=\"{}\" font-size=\"4\">{}</text>\n",
        N(size),
        N(size),
        Esc(&heading),
        N(size + 7.0),
        Esc(&sub)
    );
    let w = text::width_bold_mm(&heading, size).max(text::width_mm(&sub, 4.0));
    blocks.push(Block::Fixed {
        w,
        h: size + 9.0,
        svg,
    });
    let (svg, w, h) = text_panel("General notes", &notes, 170.0);
    blocks.push(Block::Fixed { w, h, svg });

    let register = |index_pages: usize| {
        let mut t = Table::new(
            "Drawing register",
            vec![
                Column::new("Sheet", Align::Right),
                Column::new("Drawing no.", Align::Left),
                Column::new("Title", Align::Left).wrap(80.0),
                Column::new("Scale", Align::Left),
                Column::new("File", Align::Left),
            ],
        );
        for k in 0..index_pages {
            let suffix = if k == 0 {
                String::new()
            } else {
                format!("-{}", k + 1)
            };
            t.push(vec![
                (k + 1).to_string(),
                format!("TP-IDX{suffix}"),
                if k == 0 {
                    "Index and general notes".into()
                } else {
                    "Index and general notes (continued)".into()
                },
                "—".into(),
                format!("index{suffix}.svg"),
            ]);
        }
        for (i, (name, number, title, scale)) in listed.iter().enumerate() {
            t.push(vec![
                (index_pages + i + 1).to_string(),
                number.clone(),
                title.clone(),
                scale.map_or_else(|| "—".into(), |s| s.to_string()),
                format!("{name}.svg"),
            ]);
        }
        t
    };
    let mut floors = Table::new(
        "Floors",
        vec![
            Column::new("Floor", Align::Left),
            Column::new("Name", Align::Left).wrap(40.0),
            Column::new("Level m", Align::Right),
            Column::new("Rooms", Align::Right),
            Column::new("APs", Align::Right),
            Column::new("Gateways", Align::Right),
            Column::new("Devices", Align::Right),
            Column::new("Outlets", Align::Right),
            Column::new("Cables", Align::Right),
            Column::new("Cable m", Align::Right),
            Column::new("Findings", Align::Right),
            Column::new("Coverage", Align::Left),
        ],
    );
    for (i, f) in project.floors.iter().enumerate() {
        let cables: Vec<_> = routing.cables.iter().filter(|c| c.floor == f.id).collect();
        let metres: f64 = cables.iter().map(|c| c.lengths.total_m).sum();
        let ff = floor_findings(project, routing, i);
        floors.push(vec![
            f.id.clone(),
            f.name.clone(),
            N(f.elevation_m).to_string(),
            f.rooms.len().to_string(),
            f.access_points.len().to_string(),
            f.gateways.len().to_string(),
            f.devices.len().to_string(),
            f.outlets.len().to_string(),
            cables.len().to_string(),
            format!("{metres:.1}"),
            ff.items.len().to_string(),
            match analysis.coverage.get(&f.id) {
                Some(Ok(c)) => match (c.thresholds_dbm.first(), c.stats.floor.thresholds.first()) {
                    (Some(t), Some(share)) => format!(
                        "{:.1} % ≥ {} dBm, {}",
                        share.percent,
                        N(*t),
                        service_name(c.service)
                    ),
                    _ => "—".into(),
                },
                _ => "—".into(),
            },
        ]);
    }
    let bom = reports::bom_table("Bill of materials: whole project", &analysis.bom);
    let general: Vec<_> = findings::project_findings(project, routing);
    let general_table = (!general.is_empty()).then(|| {
        let items: Vec<_> = general
            .iter()
            .enumerate()
            .map(|(i, f)| (i + 1, *f))
            .collect();
        reports::findings_table("Design-rule findings about no floor", &items)
    });

    let regions = layout::continuation_regions(paper);
    // Key plans: every floor small, captioned with its drawings.
    let (max_w, max_h) = regions.first().map_or((180.0, 120.0), |r| {
        (
            ((r.w - 2.0 * layout::GAP) / 3.0).min(240.0),
            (r.h / 3.0).min(150.0),
        )
    });
    let mut keys = Vec::new();
    for (i, f) in project.floors.iter().enumerate() {
        let mine: Vec<&str> = listed
            .iter()
            .filter(|(name, _, _, scale)| {
                scale.is_some()
                    && (name == &format!("cabling-{}", slug(&f.id))
                        || name == &format!("coverage-{}", slug(&f.id)))
            })
            .map(|(_, number, _, _)| number.as_str())
            .collect();
        let caption = if mine.is_empty() {
            "Key plan".to_owned()
        } else {
            format!("Key plan: see {}", mine.join(", "))
        };
        if let Some((svg, w, h)) = key_plan(project, i, &caption, max_w, max_h) {
            keys.push(Block::Sequel { w, h, svg });
        }
    }
    let mut pages = 1;
    loop {
        let mut b: Vec<Block> = blocks.clone();
        b.push(Block::Table(register(pages)));
        b.push(Block::Table(floors.clone()));
        b.push(Block::Table(bom.clone()));
        if let Some(t) = &general_table {
            b.push(Block::Table(t.clone()));
        }
        b.extend(keys.iter().cloned());
        let out = flow(b, &[], &regions);
        // The first entry is the (empty) plan sheet: flow() starts on continuation regions.
        let out: Vec<String> = out.into_iter().skip(1).collect();
        if out.len() == pages || pages >= 8 {
            return out
                .into_iter()
                .enumerate()
                .map(|(k, panels)| {
                    let suffix = if k == 0 {
                        String::new()
                    } else {
                        format!("-{}", k + 1)
                    };
                    Draft {
                        page: Page::new(paper),
                        panels,
                        title: if k == 0 {
                            "Index and general notes".into()
                        } else {
                            "Index and general notes (continued)".into()
                        },
                        number: format!("TP-IDX{suffix}"),
                        name: format!("index{suffix}"),
                        view: None,
                        scale: None,
                        building: None,
                    }
                })
                .collect();
        }
        pages = out.len();
    }
}

use super::text;
use super::xml::{Esc, N};

/// The whole set: the index, then each floor's sheets of each kind, then the riser sheets
/// when they are asked for and [`riser_wanted`].
pub(crate) fn sheet_set(
    project: &Project,
    analysis: &Analysis,
    kinds: &[SheetKind],
    options: &SheetOptions,
) -> Result<Vec<Sheet>, SheetError> {
    if project.floors.is_empty() {
        return Err(SheetError::NoFloors);
    }
    // One paper for the whole set: the largest any floor needs.
    let paper = match options.paper {
        Some(p) => p,
        None => {
            let mut p = super::paper::Paper::A4;
            for i in 0..project.floors.len() {
                if project.floors[i].bbox().is_none() {
                    continue;
                }
                p = p.max(placement(project, i, options)?.paper);
            }
            p
        }
    };
    let risers = kinds.contains(&SheetKind::Riser) && riser_wanted(project, &analysis.routing);
    // The riser diagrams are drawn whole: a set that has them takes the paper they need when
    // it is larger (and no paper was given).
    let paper = if risers && options.paper.is_none() {
        riser_paper(project, analysis, RiserScope::All, paper)
    } else {
        paper
    };
    let opts = SheetOptions {
        paper: Some(paper),
        ..options.clone()
    };
    let mut floor_sheets = Vec::new();
    let mut names = HashSet::new();
    // Two floor ids with the same file name (`A/1`, `A_1`) are told apart.
    let mut unique = |drafts: &mut Vec<Draft>| {
        for d in drafts {
            let mut name = d.name.clone();
            let mut n = 2;
            while !names.insert(name.clone()) {
                name = format!("{}~{n}", d.name);
                n += 1;
            }
            d.name = name;
        }
    };
    for i in 0..project.floors.len() {
        if project.floors[i].bbox().is_none() {
            continue;
        }
        let place = placement(project, i, &opts)?;
        for &kind in kinds.iter().filter(|k| k.is_per_floor()) {
            let mut drafts = floor_drafts(project, analysis, i, kind, &place)?;
            unique(&mut drafts);
            floor_sheets.extend(drafts);
        }
    }
    // After the floors' sheets, so that their numbers do not depend on the campus.
    if risers {
        let mut drafts = riser_drafts(project, analysis, RiserScope::All, paper);
        unique(&mut drafts);
        floor_sheets.extend(drafts);
    }
    let listed: Vec<_> = floor_sheets
        .iter()
        .map(|d| (d.name.clone(), d.number.clone(), d.title.clone(), d.scale))
        .collect();
    let mut all = index_drafts(project, analysis, paper, &listed);
    all.extend(floor_sheets);
    Ok(finish(project, all, &opts))
}

/// Whether a sheet set draws the riser sheets (when asked for [`SheetKind::Riser`]): when the
/// project has a backbone, a distributor other than a floor distributor, or more than one
/// building. A project of floor distributors in one building (every project before the
/// campus) has no backbone to draw; leaving its riser sheets out of the set keeps its set as
/// it was. Asked for by themselves ([`super::riser_sheets`]), they are always drawn: even
/// such a project's diagram (floors, distributors, risers, the floors served from another)
/// is worth a sheet.
pub(crate) fn riser_wanted(project: &Project, routing: &tailplan_core::routing::Routing) -> bool {
    !routing.backbone.is_empty()
        || routing
            .distributors
            .iter()
            .any(|d| d.role != tailplan_core::campus::DistributorRole::Fd)
        || riser::buildings(project).len() > 1
}

/// What the riser sheets cover: the campus (every building), or the buildings `only`
/// (indices into [`riser::buildings`]).
#[derive(Clone, Copy)]
pub(crate) enum RiserScope<'s> {
    /// The campus diagram (when there is more than one building), every building's diagram
    /// and every distributor's rack map.
    All,
    /// One building's diagram and its distributors' rack maps.
    Building(&'s riser::BuildingRef),
}

/// The smallest paper from `min` up on whose continuation sheet the riser diagrams of
/// `scope` fit whole (A0 when none does).
pub(crate) fn riser_paper(
    project: &Project,
    analysis: &Analysis,
    scope: RiserScope<'_>,
    min: super::paper::Paper,
) -> super::paper::Paper {
    use super::paper::Paper;
    let all = riser::buildings(project);
    let mut need: (f64, f64) = (0.0, 0.0);
    for (scope, campus) in diagram_scopes(&all, scope) {
        let d = riser::diagram(
            project,
            &analysis.routing,
            &all,
            &scope,
            campus,
            &mut super::xml::Ids::new(),
        );
        need = (need.0.max(d.w), need.1.max(d.h));
    }
    Paper::ALL
        .into_iter()
        .filter(|&p| p >= min)
        .find(|&p| {
            layout::continuation_regions(p)
                .first()
                .is_some_and(|r| need.0 <= r.w + 1e-9 && need.1 <= r.h + 1e-9)
        })
        .unwrap_or(Paper::A0.max(min))
}

/// The diagrams of a scope: (buildings, campus?) for each.
fn diagram_scopes(all: &[riser::BuildingRef], scope: RiserScope<'_>) -> Vec<(Vec<usize>, bool)> {
    match scope {
        RiserScope::All => {
            let mut v = Vec::new();
            if all.len() > 1 {
                v.push(((0..all.len()).collect(), true));
            }
            v.extend((0..all.len()).map(|i| (vec![i], false)));
            v
        }
        RiserScope::Building(b) => all
            .iter()
            .position(|x| x == b)
            .map(|i| vec![(vec![i], false)])
            .unwrap_or_default(),
    }
}

/// Drafts of sheets made of panels only (no plan), flowed onto as many sheets as they need:
/// the first one's (title, number, name), and the building of their title blocks (`None`:
/// the project's).
fn panel_drafts(
    paper: super::paper::Paper,
    blocks: Vec<Block>,
    (title, number, name): (&str, &str, &str),
    building: Option<&str>,
) -> Vec<Draft> {
    let regions = layout::continuation_regions(paper);
    flow(blocks, &[], &regions)
        .into_iter()
        .skip(1)
        .enumerate()
        .map(|(k, panels)| {
            let (title, number, name) = if k == 0 {
                (title.to_owned(), number.to_owned(), name.to_owned())
            } else {
                (
                    format!("{title} (continued)"),
                    format!("{number}-{}", k + 1),
                    format!("{name}-{}", k + 1),
                )
            };
            Draft {
                page: Page::new(paper),
                panels,
                title,
                number,
                name,
                view: None,
                scale: None,
                building: building.map(str::to_owned),
            }
        })
        .collect()
}

/// The riser sheets of `scope` on `paper`: the diagrams (the campus's first), then the rack
/// and port map of every distributor they show.
pub(crate) fn riser_drafts(
    project: &Project,
    analysis: &Analysis,
    scope: RiserScope<'_>,
    paper: super::paper::Paper,
) -> Vec<Draft> {
    let routing = &analysis.routing;
    let all = riser::buildings(project);
    let mut drafts = Vec::new();
    let mut racks: Vec<&tailplan_core::routing::Distributor> = Vec::new();
    for (bs, campus) in diagram_scopes(&all, scope) {
        let mut page = Page::new(paper);
        let d = riser::diagram(project, routing, &all, &bs, campus, &mut page.ids);
        let (title, number, name) = if campus {
            (
                "Campus: riser diagram".to_owned(),
                "TP-RSR-CAMPUS".to_owned(),
                "riser-campus".to_owned(),
            )
        } else {
            let b = &all[bs[0]];
            match &b.id {
                Some(id) => (
                    format!("{}: riser diagram", riser::building_title(b)),
                    format!("TP-RSR-{id}"),
                    format!("riser-{}", slug(id)),
                ),
                None if all.len() > 1 => (
                    "Floors of no building: riser diagram".to_owned(),
                    "TP-RSR".to_owned(),
                    "riser".to_owned(),
                ),
                None => (
                    "Riser diagram".to_owned(),
                    "TP-RSR".to_owned(),
                    "riser".to_owned(),
                ),
            }
        };
        if !campus {
            let floors = riser::floors_of(project, &all[bs[0]]);
            for dist in &routing.distributors {
                if floors.iter().any(|&i| {
                    let f = &project.floors[i];
                    f.id == dist.floor && f.telecom_rooms.iter().any(|t| t.id == dist.id)
                }) {
                    racks.push(dist);
                }
            }
        }
        let mut blocks = vec![Block::Fixed {
            w: d.w,
            h: d.h,
            svg: d.svg,
        }];
        // The schedule beside the diagram, then its legend, the pathways, the findings.
        if d.cables.is_empty() {
            let (svg, w, h) = text_panel(
                "Backbone schedule",
                &["No backbone cable: every distributor here is a floor distributor.".to_owned()],
                90.0,
            );
            blocks.push(Block::Fixed { w, h, svg });
        } else {
            blocks.push(Block::Table(riser::backbone_schedule(
                "Backbone schedule",
                &d.cables,
            )));
        }
        if let Some((svg, w, h)) = legend("Legend", &d.legend) {
            blocks.push(Block::Fixed { w, h, svg });
        }
        let floors: Vec<usize> = bs
            .iter()
            .flat_map(|&i| riser::floors_of(project, &all[i]))
            .collect();
        let loads = riser::pathway_table(project, routing, &floors, campus || all.len() == 1);
        if !loads.is_empty() {
            blocks.push(Block::Table(loads));
        }
        if !d.findings.is_empty() {
            blocks.push(Block::Table(reports::findings_table(
                &format!("Design-rule findings: {title}"),
                &d.findings,
            )));
        }
        // A building's diagram names it in the title block; the campus's, the project's.
        let building = (!campus)
            .then(|| &all[bs[0]])
            .filter(|b| b.id.is_some())
            .map(|b| b.name.as_str());
        let mut sheets = panel_drafts(paper, blocks, (&title, &number, &name), building);
        if let Some(first) = sheets.first_mut() {
            // The diagram's ids were taken from this page's registry.
            std::mem::swap(&mut first.page, &mut page);
        }
        drafts.extend(sheets);
    }
    for d in racks {
        let sp = d.space.clone();
        let mut blocks = Vec::new();
        let (svg, w, h) = text_panel("Rack", &super::racks::summary(project, routing, d), 170.0);
        blocks.push(Block::Fixed { w, h, svg });
        let items: Vec<(usize, &tailplan_core::routing::Finding)> = routing
            .findings
            .iter()
            .filter(|f| f.subject == d.id)
            .enumerate()
            .map(|(i, f)| (i + 1, f))
            .collect();
        if !items.is_empty() {
            blocks.push(Block::Table(reports::findings_table(
                &format!("Design-rule findings: {}", d.name),
                &items,
            )));
        }
        if let Some(t) = super::racks::fibre_panel(routing, d) {
            blocks.push(Block::Table(t));
        }
        let panels = super::racks::patch_panels(project, routing, d);
        if panels.is_empty() {
            let (svg, w, h) = text_panel(
                "Patch panels",
                &["No horizontal cable ends here.".to_owned()],
                90.0,
            );
            blocks.push(Block::Fixed { w, h, svg });
        }
        blocks.extend(panels.into_iter().map(Block::Table));
        drafts.extend(panel_drafts(
            paper,
            blocks,
            (
                &format!("{}: rack and port map", d.name),
                &format!("TP-RCK-{sp}"),
                &format!("rack-{}", slug(&sp)),
            ),
            Some(d.building.as_str()).filter(|b| !b.is_empty()),
        ));
    }
    drafts
}

use super::riser;

#[cfg(test)]
mod tests {
    use tailplan_core::survey::{ApRef, CalibrationRecord, ErrorStats, Survey, SurveyRow};
    use tailplan_core::{AccessPoint, Floor, Point, Polygon, Project, Radio, Room, WifiBand};

    use crate::sheet::{self, Analysis, SheetKind, SheetOptions};

    /// Two floors of one room and one access point each, "Lobby AP" below, "Attic AP" above.
    fn two_floors() -> Project {
        let mut p = Project::new();
        for (i, (id, name, ap)) in [("0", "Ground", "Lobby AP"), ("1", "Roof", "Attic AP")]
            .into_iter()
            .enumerate()
        {
            let mut f = Floor::new(id, name, 3.5 * i as f64);
            f.rooms.push(Room {
                id: format!("r{id}"),
                name: format!("Hall {id}"),
                polygon: Polygon::rect(Point::new(0.0, 0.0), Point::new(20.0, 10.0)),
                category: None,
                people: None,
                props: Default::default(),
            });
            f.access_points.push(AccessPoint::one_radio(
                &format!("ap-{id}"),
                ap,
                Point::new(5.0 + 10.0 * i as f64, 5.0),
                Radio::new(WifiBand::Ghz5, 20.0),
            ));
            p.floors.push(f);
        }
        p
    }

    /// Rows on each floor of its own access point, and one of an access point not there.
    fn walk() -> Survey {
        let mut rows = Vec::new();
        for (floor, ap) in [("0", "Lobby AP"), ("1", "Attic AP")] {
            for k in 0..6 {
                rows.push(SurveyRow {
                    line: rows.len() + 2,
                    position: Point::new(2.0 + 3.0 * f64::from(k), 3.0),
                    floor: Some(floor.into()),
                    ap: ApRef::Ap(ap.into()),
                    rssi_dbm: -55.0 - 2.0 * f64::from(k),
                    band: None,
                    time: None,
                });
            }
        }
        rows.push(SurveyRow {
            line: rows.len() + 2,
            position: Point::new(1.0, 1.0),
            floor: Some("0".into()),
            ap: ApRef::Ap("Temporary AP".into()),
            rssi_dbm: -60.0,
            band: None,
            time: None,
        });
        Survey {
            name: "walk.csv".into(),
            rows,
            not_measured: 0,
        }
    }

    fn coverage(project: &Project, floor: &str) -> String {
        let analysis = Analysis::new(project, None);
        sheet::floor_sheets(
            project,
            &analysis,
            floor,
            SheetKind::Coverage,
            &SheetOptions::dated("2025-01-31"),
        )
        .unwrap()
        .into_iter()
        .map(|s| s.svg)
        .collect()
    }

    /// The sheets' texts, one line each, joined by spaces (a wrapped note reads whole).
    fn texts(svg: &str) -> String {
        svg.split("</text>")
            .filter_map(|s| s.rsplit_once('>').map(|(_, t)| t))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_calibration_table_is_drawn_with_a_survey_for_the_floors_own_access_points() {
        let mut p = two_floors();
        assert!(Analysis::new(&p, None).survey.is_none());
        let without = coverage(&p, "0");
        assert!(!without.contains("Calibration against site survey"));

        p.surveys.push(walk());
        let ground = coverage(&p, "0");
        assert!(ground.contains("Calibration against site survey<"));
        assert!(ground.contains("Survey: walk.csv"));
        assert!(texts(&ground).contains("Model now, all floors: 12 rows"));
        assert!(texts(&ground).contains("; rows left out: 1 of an unknown access point."));
        assert!(ground.contains("Not calibrated"));
        // Its row names the floor's access point (once more than without the table), and
        // never the other floor's.
        let named = |svg: &str, name: &str| svg.matches(&format!(">{name}<")).count();
        assert_eq!(named(&ground, "Lobby AP"), named(&without, "Lobby AP") + 1);
        assert!(!ground.contains("Attic AP"));
        let roof = coverage(&p, "1");
        assert!(roof.contains("Calibration against site survey<"));
        assert!(roof.contains(">Attic AP<") && !roof.contains("Lobby AP"));

        // A floor whose access points the survey did not hear gets the lines and says so.
        p.surveys[0]
            .rows
            .retain(|r| r.floor.as_deref() == Some("0"));
        let roof = texts(&coverage(&p, "1"));
        assert!(roof.contains("Calibration against site survey"));
        assert!(roof.contains("None of this floor&#39;s access points was heard by the survey."));
    }

    #[test]
    fn a_calibrated_project_says_what_calibration_moved() {
        let mut p = two_floors();
        p.surveys.push(walk());
        let stats = |rmse_db: f64| ErrorStats {
            points: 12,
            rmse_db,
            ..ErrorStats::default()
        };
        let drywall = p.materials.get("drywall").unwrap().clone();
        let mut wetter = drywall.clone();
        wetter.loss_db.ghz5 = 6.5;
        p.materials.upsert(wetter);
        p.settings.calibration = Some(CalibrationRecord {
            surveys: vec!["walk.csv".into()],
            points: 12,
            before: stats(9.04),
            after: stats(3.86),
            cross_validated: stats(4.12),
            original_exponent: 2.0,
            original_materials: vec![drywall],
            original_offsets: Vec::new(),
        });
        p.settings.radio.path_loss_exponent = 2.81;
        p.floors[0].access_points[0].eirp_offset_db = Some(-3.0);
        let svg = coverage(&p, "0");
        let ground = texts(&svg);
        assert!(!ground.contains("Not calibrated"));
        assert!(ground.contains("Calibrated on 12 rows: RMSE 9.0 → 3.9 dB"));
        assert!(ground.contains("held out 4.1 dB (k-fold cross-validation)"));
        assert!(ground.contains("path-loss exponent 2 → 2.81."));
        assert!(ground.contains("Wall loss, drywall: 5 GHz 4.0 → 6.5 dB."));
        assert!(svg.contains(">-3.0<"), "the access point's offset");
        // The index sheet's note on coverage says the model is calibrated.
        let set = super::sheet_set(
            &p,
            &Analysis::new(&p, None),
            &[SheetKind::Coverage],
            &SheetOptions::dated("2025-01-31"),
        )
        .unwrap();
        let index = texts(&set[0].svg);
        assert!(
            index.contains("calibrated against the site survey walk.csv (12 rows; RMSE 3.9 dB, 4.1 dB on held-out points)"),
            "{index}"
        );
        assert!(!index.contains("not measured"));
    }
}
