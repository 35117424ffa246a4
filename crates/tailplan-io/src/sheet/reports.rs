//! The tables sheets carry: the cable schedule, the bill of materials, the telecom rooms'
//! loads, the design-rule findings, the per-room coverage, the transmitters and the model
//! against the site surveys (calibration).

use tailplan_core::Project;
use tailplan_core::materials::Band;
use tailplan_core::routing::rules::medium_name;
use tailplan_core::routing::{
    BillOfMaterials, CableStatus, Finding, RoomLoad, Routing, bill_of_materials,
};
use tailplan_core::survey::{Accuracy, ErrorStats};
use tailplan_core::{Floor, Severity};

use super::analysis::FloorCoverage;
use super::findings::severity_word;
use super::flow::Block;
use super::page::text_panel;
use super::tables::{Align, Column, RowStyle, Table};
use super::xml::N;

fn m(v: f64) -> String {
    format!("{v:.2}")
}

/// The cable schedule of the cables serving endpoints on `floor`, then its unserved endpoints.
pub(crate) fn cable_schedule(project: &Project, routing: &Routing, floor_index: usize) -> Table {
    let floor = &project.floors[floor_index];
    let mut t = Table::new(
        &format!("Cable schedule: {}", floor.name),
        vec![
            Column::new("Cable", Align::Left),
            Column::new("From", Align::Left).wrap(34.0),
            Column::new("To", Align::Left).wrap(24.0),
            Column::new("Type", Align::Left),
            Column::new("Drop m", Align::Right),
            Column::new("Tray m", Align::Right),
            Column::new("Riser m", Align::Right),
            Column::new("Slack m", Align::Right),
            Column::new("Total m", Align::Right),
            Column::new("PoE", Align::Left),
            Column::new("Status", Align::Left),
        ],
    );
    let mut n = 0;
    let mut total = 0.0;
    for c in routing.cables.iter().filter(|c| c.floor == floor.id) {
        let l = &c.lengths;
        let style = match c.status {
            CableStatus::Ok => RowStyle::Normal,
            CableStatus::Warning => RowStyle::Warning,
            CableStatus::Fail => RowStyle::Error,
        };
        let status = match c.status {
            CableStatus::Ok => "ok",
            CableStatus::Warning => "warning",
            CableStatus::Fail => "FAIL",
        };
        let hand = matches!(c.source, tailplan_core::routing::RouteSource::Hand { .. });
        t.push_styled(
            vec![
                c.id.clone(),
                c.endpoint.label(),
                c.room.clone(),
                medium_name(c.medium).to_owned(),
                m(l.drop_m),
                m(l.tray_m),
                m(l.riser_m),
                m(l.slack_m),
                m(l.total_m),
                c.poe.map_or_else(String::new, |p| p.name().to_owned()),
                if hand {
                    format!("{status}, hand")
                } else {
                    status.to_owned()
                },
            ],
            style,
        );
        n += 1;
        total += l.total_m;
    }
    for u in routing
        .unserved
        .iter()
        .filter(|u| u.endpoint.floor == floor_index)
    {
        t.push_styled(
            vec![
                "—".into(),
                u.endpoint.label(),
                "—".into(),
                medium_name(u.endpoint.medium).to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                "NO CABLE".into(),
            ],
            RowStyle::Error,
        );
    }
    if n > 0 {
        t.push_styled(
            vec![
                "Total".into(),
                format!("{n} cables"),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                m(total),
            ],
            RowStyle::Total,
        );
    }
    t
}

/// The ports and PoE of the telecom rooms on `floor`.
pub(crate) fn room_loads(routing: &Routing, floor: &Floor) -> Table {
    let mut t = Table::new(
        "Telecom rooms",
        vec![
            Column::new("Room", Align::Left).wrap(40.0),
            Column::new("Ports used", Align::Right),
            Column::new("Ports", Align::Right),
            Column::new("Free", Align::Right),
            Column::new("PoE W", Align::Right),
            Column::new("PoE budget W", Align::Right),
        ],
    );
    for r in routing.rooms.iter().filter(|r| r.floor == floor.id) {
        let over_ports = r.free < 0;
        let over_poe = r.poe_budget_w.is_some_and(|b| r.poe_w > b);
        t.push_styled(
            vec![
                r.name.clone(),
                r.used.to_string(),
                r.ports.to_string(),
                r.free.to_string(),
                format!("{:.1}", r.poe_w),
                r.poe_budget_w
                    .map_or_else(|| "—".into(), |b| format!("{b:.0}")),
            ],
            if over_ports || over_poe {
                RowStyle::Error
            } else {
                RowStyle::Normal
            },
        );
    }
    t
}

/// The bill of materials of what is on one floor: its cables (by the endpoints they serve),
/// the patch-panel ports they take, its outlets, trays, gateways and access points.
pub(crate) fn floor_bom(
    project: &Project,
    routing: &Routing,
    floor_index: usize,
) -> BillOfMaterials {
    let src = &project.floors[floor_index];
    let mut floor = Floor::new(src.id.clone(), src.name.clone(), src.elevation_m);
    floor.outlets = src.outlets.clone();
    floor.trays = src.trays.clone();
    floor.gateways = src.gateways.clone();
    floor.access_points = src.access_points.clone();
    let mini = Project {
        meta: project.meta.clone(),
        settings: project.settings.clone(),
        materials: project.materials.clone(),
        floors: vec![floor],
        ..Project::default()
    };
    let cables: Vec<_> = routing
        .cables
        .iter()
        .filter(|c| c.floor == src.id)
        .cloned()
        .collect();
    let rooms: Vec<RoomLoad> = routing
        .rooms
        .iter()
        .filter_map(|r| {
            let used = cables.iter().filter(|c| c.room_id == r.room_id).count() as u64;
            (used > 0).then(|| RoomLoad { used, ..r.clone() })
        })
        .collect();
    bill_of_materials(&mini, &cables, &rooms)
}

fn quantity(q: f64) -> String {
    if (q - q.round()).abs() < 1e-9 {
        format!("{}", q.round() as i64)
    } else {
        format!("{q:.1}")
    }
}

/// A bill of materials as a table, with its total.
pub(crate) fn bom_table(title: &str, bom: &BillOfMaterials) -> Table {
    let mut t = Table::new(
        &format!("{title} ({})", bom.currency),
        vec![
            Column::new("Item", Align::Left),
            Column::new("Description", Align::Left).wrap(62.0),
            Column::new("Qty", Align::Right),
            Column::new("Unit", Align::Left),
            Column::new("Unit price", Align::Right),
            Column::new("Cost", Align::Right),
        ],
    );
    for l in &bom.lines {
        t.push(vec![
            l.item.clone(),
            l.description.clone(),
            quantity(l.quantity),
            l.unit.clone(),
            format!("{:.2}", l.unit_price),
            format!("{:.2}", l.cost),
        ]);
    }
    t.push_styled(
        vec![
            "Total".into(),
            "indicative prices from the project's settings".into(),
            String::new(),
            String::new(),
            String::new(),
            format!("{:.2}", bom.total_cost),
        ],
        RowStyle::Total,
    );
    t
}

/// Findings as a numbered list.
pub(crate) fn findings_table(title: &str, items: &[(usize, &Finding)]) -> Table {
    let mut t = Table::new(
        title,
        vec![
            Column::new("#", Align::Right),
            Column::new("Severity", Align::Left),
            Column::new("Rule", Align::Left),
            Column::new("Where", Align::Left).wrap(52.0),
            Column::new("Finding", Align::Left).wrap(78.0),
        ],
    );
    for (n, f) in items {
        let mut message = f.message.clone();
        if let (Some(v), Some(l)) = (f.measured, f.limit)
            && !message.contains(&format!("{l}"))
        {
            message.push_str(&format!(" ({} against {})", N(v), N(l)));
        }
        t.push_styled(
            vec![
                n.to_string(),
                severity_word(f.severity).to_owned(),
                f.rule.as_str().replace('_', " "),
                f.location.clone(),
                message,
            ],
            match f.severity {
                Severity::Error => RowStyle::Error,
                Severity::Warning => RowStyle::Warning,
                Severity::Info => RowStyle::Normal,
            },
        );
    }
    t
}

/// Coverage room by room: area, the share at or above each threshold, the median.
pub(crate) fn coverage_rooms(floor: &Floor, cov: &FloorCoverage) -> Table {
    let mut cols = vec![
        Column::new("Room", Align::Left).wrap(36.0),
        Column::new("Area m²", Align::Right),
    ];
    let heads: Vec<String> = cov
        .thresholds_dbm
        .iter()
        .map(|t| format!("≥ {} dBm", N(*t)))
        .collect();
    for h in &heads {
        cols.push(Column::new(&format!("{h} %"), Align::Right));
    }
    cols.push(Column::new("Median dBm", Align::Right));
    let mut t = Table::new(&format!("Coverage by room: {}", floor.name), cols);
    for (room, rs) in floor.rooms.iter().zip(&cov.stats.rooms) {
        let mut row = vec![rs.name.clone(), format!("{:.1}", room.area_m2())];
        for th in &cov.thresholds_dbm {
            let pct = rs
                .stats
                .thresholds
                .iter()
                .find(|s| s.threshold_dbm == *th)
                .map_or(0.0, |s| s.percent);
            row.push(if rs.stats.cells == 0 {
                "—".into()
            } else {
                format!("{pct:.0}")
            });
        }
        row.push(
            rs.stats
                .median_dbm
                .filter(|_| rs.stats.cells > 0)
                .map_or_else(|| "—".into(), |m| format!("{m:.0}")),
        );
        t.push(row);
    }
    t
}

/// The floor's own transmitters of the coverage, and a line for those it takes in from the
/// floors above and below.
pub(crate) fn transmitters(project: &Project, floor: &Floor, cov: &FloorCoverage) -> Table {
    let mut t = Table::new(
        "Transmitters on this floor",
        vec![
            Column::new("Name", Align::Left).wrap(40.0),
            Column::new("Channel", Align::Right),
            Column::new("EIRP dBm", Align::Right),
            Column::new("Height m", Align::Right),
        ],
    );
    let mut others: Vec<&str> = Vec::new();
    let mut n_others = 0;
    for r in &cov.maps.transmitters {
        let tx = &r.transmitter;
        if tx.floor != floor.id {
            n_others += 1;
            let name = project
                .floor(&tx.floor)
                .map_or(tx.floor.as_str(), |f| f.name.as_str());
            if !others.contains(&name) {
                others.push(name);
            }
            continue;
        }
        t.push(vec![
            tx.name.clone(),
            tx.channel.map_or_else(|| "—".into(), |c| c.to_string()),
            N(tx.tx_dbm).to_string(),
            N(tx.z_m - floor.elevation_m).to_string(),
        ]);
    }
    if n_others > 0 {
        t.push_styled(
            vec![format!(
                "and {n_others} on {} (through the slab)",
                others.join(", ")
            )],
            RowStyle::Total,
        );
    }
    t
}

/// A value in dB to 0.1 (never `-0.0`).
fn db(v: f64) -> String {
    format!("{:.1}", (v * 10.0).round() / 10.0 + 0.0)
}

/// A value in dB to 0.1 with its sign (`+2.3`, `-1.0`, `0.0`).
fn signed_db(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0 + 0.0;
    if r == 0.0 {
        "0.0".into()
    } else {
        format!("{r:+.1}")
    }
}

/// The most survey names and calibrated materials the calibration table lists; the rest are
/// counted (`+2 more`).
const MAX_LISTED: usize = 4;

/// The width the calibration table's notes wrap at, millimetres.
const NOTES_MM: f64 = 76.0;

fn band_name(b: Band) -> &'static str {
    match b {
        Band::SubGhz => "sub-GHz",
        Band::Ghz2_4 => "2.4 GHz",
        Band::Ghz5 => "5 GHz",
        Band::Ghz6 => "6 GHz",
    }
}

/// `names` joined, the first [`MAX_LISTED`] of them and how many more.
fn listed(names: &[&str]) -> String {
    let mut s = names
        .iter()
        .take(MAX_LISTED)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > MAX_LISTED {
        s.push_str(&format!(", +{} more", names.len() - MAX_LISTED));
    }
    s
}

/// The lines over the calibration table: the surveys and the rows left out, the model now
/// against them over the whole project, the calibration (its errors before and after, held
/// out, the exponent) or that there is none, and the wall losses calibration moved, a
/// material a line.
fn calibration_notes(project: &Project, acc: &Accuracy) -> Vec<String> {
    let mut notes = Vec::new();
    let names: Vec<&str> = project.surveys.iter().map(|s| s.name.as_str()).collect();
    let k = &acc.skipped;
    let why: Vec<String> = [
        (k.not_measured, "not measured"),
        (k.unknown_ap, "of an unknown access point"),
        (k.unknown_floor, "of an unknown floor"),
        (k.no_radio, "of a band the access point has no radio on"),
        (k.out_of_reach, "in another building"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, w)| format!("{n} {w}"))
    .collect();
    notes.push(format!(
        "{}: {}{}",
        if names.len() == 1 {
            "Survey"
        } else {
            "Surveys"
        },
        listed(&names),
        if why.is_empty() {
            ".".to_owned()
        } else {
            format!("; rows left out: {}.", why.join(", "))
        }
    ));
    let s = &acc.stats;
    notes.push(if s.points == 0 {
        "Model now: no row is of an access point of the project.".to_owned()
    } else {
        format!(
            "Model now, all floors: {} rows; error (predicted − measured): mean {} dB, MAE {} dB, RMSE {} dB.",
            s.points,
            signed_db(s.mean_error_db),
            db(s.mae_db),
            db(s.rmse_db)
        )
    });
    let Some(rec) = &project.settings.calibration else {
        notes.push("Not calibrated: the model's parameters are as designed.".to_owned());
        return notes;
    };
    let on = if rec
        .surveys
        .iter()
        .map(String::as_str)
        .eq(names.iter().copied())
    {
        String::new()
    } else {
        let theirs: Vec<&str> = rec.surveys.iter().map(String::as_str).collect();
        format!(" of {}", listed(&theirs))
    };
    notes.push(format!(
        "Calibrated on {} rows{on}: RMSE {} → {} dB, held out {} dB (k-fold cross-validation); path-loss exponent {} → {}.",
        rec.points,
        db(rec.before.rmse_db),
        db(rec.after.rmse_db),
        db(rec.cross_validated.rmse_db),
        N(rec.original_exponent),
        N(project.settings.radio.path_loss_exponent)
    ));
    let moved: Vec<String> = rec
        .original_materials
        .iter()
        .filter_map(|was| {
            let now = project.materials.get(&was.name)?;
            let bands: Vec<String> = Band::ALL
                .into_iter()
                .filter(|&b| (was.loss_db.at(b) - now.loss_db.at(b)).abs() >= 0.05)
                .map(|b| {
                    format!(
                        "{} {} → {}",
                        band_name(b),
                        db(was.loss_db.at(b)),
                        db(now.loss_db.at(b))
                    )
                })
                .collect();
            (!bands.is_empty())
                .then(|| format!("Wall loss, {}: {} dB.", now.name, bands.join(", ")))
        })
        .collect();
    let n = moved.len();
    notes.extend(moved.into_iter().take(MAX_LISTED));
    if n > MAX_LISTED {
        notes.push(format!("+{} more materials calibrated.", n - MAX_LISTED));
    }
    notes
}

/// The model against the project's site surveys on `floor`'s coverage sheet: a table of
/// one row per access point of the floor the surveys heard (its rows, its calibrated EIRP
/// offset, its errors as the model stands) and their total, under the lines of
/// [`calibration_notes`]; those lines alone, and a word that the floor's access points were
/// not heard, when none was.
pub(crate) fn survey_calibration(project: &Project, floor: &Floor, acc: &Accuracy) -> Block {
    let title = format!(
        "Calibration against site survey{}",
        if project.surveys.len() == 1 { "" } else { "s" },
    );
    let mut notes = calibration_notes(project, acc);
    let per_ap =
        "Per access point of this floor, dB: its calibrated EIRP offset, the model's errors now.";
    let mut t = Table::new(
        &title,
        vec![
            Column::new("Access point", Align::Left).wrap(30.0),
            Column::new("Rows", Align::Right),
            Column::new("Offset", Align::Right),
            Column::new("Mean", Align::Right),
            Column::new("MAE", Align::Right),
            Column::new("RMSE", Align::Right),
        ],
    );
    let row = |name: String, offset: String, s: &ErrorStats| {
        vec![
            name,
            s.points.to_string(),
            offset,
            signed_db(s.mean_error_db),
            db(s.mae_db),
            db(s.rmse_db),
        ]
    };
    // The total from the access points' own statistics: weighted by rows, the mean square
    // from each RMSE.
    let (mut aps, mut points, mut sum, mut abs, mut sq) = (0, 0, 0.0, 0.0, 0.0);
    for a in acc
        .per_ap
        .iter()
        .filter(|a| a.floor == floor.id && a.stats.points > 0)
    {
        let offset = floor
            .access_points
            .iter()
            .find(|p| p.id == a.ap)
            .and_then(|p| p.eirp_offset_db)
            .map_or_else(|| "—".into(), signed_db);
        t.push(row(a.name.clone(), offset, &a.stats));
        let (s, w) = (&a.stats, a.stats.points as f64);
        aps += 1;
        points += s.points;
        sum += w * s.mean_error_db;
        abs += w * s.mae_db;
        sq += w * s.rmse_db * s.rmse_db;
    }
    if t.is_empty() {
        notes.push("None of this floor's access points was heard by the survey.".to_owned());
        let (svg, w, h) = text_panel(&title, &notes, NOTES_MM);
        return Block::Fixed { w, h, svg };
    }
    if aps > 1 {
        let w = points as f64;
        let total = ErrorStats {
            points,
            mean_error_db: sum / w,
            mae_db: abs / w,
            rmse_db: (sq / w).sqrt(),
            std_db: 0.0,
        };
        t.push_styled(
            row(format!("{aps} access points"), String::new(), &total),
            RowStyle::Total,
        );
    }
    notes.push(per_ap.to_owned());
    Block::Table(t.with_notes(&notes, NOTES_MM))
}
