//! The riser diagram: a schematic elevation (not to scale) of a building's floors, or of the
//! whole campus with its buildings side by side, with each distributor as a box on its floor,
//! the risers as vertical shafts and every backbone cable as a line from the lower
//! distributor to the one above, labelled with its id, length and fibre; and its tables (the
//! backbone schedule, the risers' and ducts' loads).
//!
//! How it is laid out, in paper millimetres from the block's top left:
//! - each building is a column: its floors' labels, then its distributors' boxes side by side
//!   on their floor's band, then the shafts (one per riser name, the cables that climb it in
//!   lanes inside it) and lanes for the cables that climb no riser;
//! - floors are bands of one height, bottom-up by elevation, the buildings' ground floors on
//!   one line; under it, on a campus, the site, where cables between buildings run (the ducts);
//! - a cable leaves the bottom of its box, runs along a track under the boxes of its floor
//!   (its label above the track), climbs its lane and enters the box above from below; the
//!   tracks of a floor are ordered arrivals first, then departures from the rightmost box to
//!   the leftmost, so that no line crosses a label.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use tailplan_core::campus::DistributorRole;
use tailplan_core::routing::{
    BackboneCable, BackboneLevel, CableStatus, Distributor, Finding, Routing, Rule,
};
use tailplan_core::{Project, Severity};

use super::legend::Entry;
use super::style;
use super::tables::{Align, Column, RowStyle, Table};
use super::text::{self, HEADING_MM, LABEL_MM};
use super::xml::{Esc, Ids, N, P, PathData};

/// Space above a box in its band (room for a finding's marker).
const PAD_TOP: f64 = 5.0;
/// A distributor's box height: four lines of text.
const BOX_H: f64 = 16.0;
/// Space between boxes on one floor.
const BOX_GAP: f64 = 6.0;
/// Pitch of the tracks under the boxes (a label above each line).
const TRACK: f64 = 5.0;
/// Pitch of the lanes in a shaft.
const LANE: f64 = 1.8;
/// The narrowest shaft.
const SHAFT_MIN_W: f64 = 5.0;
/// Space between buildings.
const BUILDING_GAP: f64 = 14.0;
/// Where the first band starts: room for the buildings' names and the risers' names.
const TOP: f64 = 14.0;
/// Line pitch in a box.
const LINE_H: f64 = 3.3;

/// A building as the diagram knows it: the id floors give (`None` for the one unnamed
/// building) and its name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BuildingRef {
    /// What the floors' `building` says.
    pub id: Option<String>,
    /// Its name as the routing gives it (empty for the unnamed building).
    pub name: String,
}

/// The buildings of the project that have floors, in the order of `project.buildings`, then
/// buildings named by floors only, then the unnamed building.
pub(crate) fn buildings(project: &Project) -> Vec<BuildingRef> {
    let mut ids: Vec<Option<String>> = Vec::new();
    for b in &project.buildings {
        let id = Some(b.id.to_string());
        if project.floors.iter().any(|f| f.building == id) && !ids.contains(&id) {
            ids.push(id);
        }
    }
    for f in &project.floors {
        if f.building.is_some() && !ids.contains(&f.building) {
            ids.push(f.building.clone());
        }
    }
    if project.floors.iter().any(|f| f.building.is_none()) {
        ids.push(None);
    }
    ids.into_iter()
        .map(|id| {
            let name = project
                .floors
                .iter()
                .find(|f| f.building == id)
                .map_or(String::new(), |f| project.building_name(f));
            BuildingRef { id, name }
        })
        .collect()
}

/// The indices of a building's floors, lowest first (by elevation, then project order).
pub(crate) fn floors_of(project: &Project, b: &BuildingRef) -> Vec<usize> {
    let mut v: Vec<usize> = (0..project.floors.len())
        .filter(|&i| project.floors[i].building == b.id)
        .collect();
    v.sort_by(|&a, &c| {
        project.floors[a]
            .elevation_m
            .total_cmp(&project.floors[c].elevation_m)
    });
    v
}

/// A distributor's role as drawn: `FD`, `BD`, `CD`.
pub(crate) fn role_name(r: DistributorRole) -> &'static str {
    match r {
        DistributorRole::Fd => "FD",
        DistributorRole::Bd => "BD",
        DistributorRole::Cd => "CD",
    }
}

/// A backbone cable's label: `A1A/A0A-01 · 89.5 m · 12 × OM4`.
pub(crate) fn cable_label(b: &BackboneCable) -> String {
    let mut s = format!(
        "{} · {:.1} m · {} × {}",
        b.id,
        b.lengths.total_m,
        b.cores,
        b.fibre.as_str().to_uppercase()
    );
    if b.status == CableStatus::Fail {
        s.push_str(" · FAIL");
    }
    s
}

/// The lines of a distributor's box, each with whether it breaks a rule.
fn box_lines(d: &Distributor) -> [(String, bool); 3] {
    [
        (format!("{} × {}", d.switches, d.switch_model), false),
        (
            format!("Ports {} / {}", d.ports_used, d.switch_ports),
            d.ports_used > d.switch_ports,
        ),
        (
            format!("PoE {} / {} W", N(d.poe_w), N(d.switch_poe_w)),
            d.poe_w > d.switch_poe_w + 1e-9,
        ),
    ]
}

/// One end of a cable on the diagram.
#[derive(Clone, Copy)]
enum End {
    /// A distributor's box: its building (index into the scope), floor rank, box index.
    Box { b: usize, rank: usize, slot: usize },
    /// Off the diagram (a building not shown).
    Outside,
}

/// Where a cable runs on the diagram.
struct Run<'a> {
    cable: &'a BackboneCable,
    from: End,
    to: End,
    /// The cable's lane in each building it touches (scope index → lane index).
    lanes: BTreeMap<usize, usize>,
    /// Its track in the site strip, when it crosses the site.
    site: Option<usize>,
    /// Its departure track and its arrival track (band-local indices).
    dep_track: usize,
    arr_track: usize,
}

/// The tracks of one floor of one building: the runs arriving (by index), then those
/// departing (box slot, run index).
type Tracks = (Vec<usize>, Vec<(usize, usize)>);

/// One building column.
struct Col {
    x0: f64,
    floors: Vec<usize>,
    /// Per rank, the distributors on that floor.
    boxes: Vec<Vec<usize>>,
    boxes_x: f64,
    shafts_x: f64,
    /// Riser names, with the lanes they hold and their rank span.
    shafts: Vec<Shaft>,
    /// Lanes outside every shaft.
    free_lanes: usize,
    /// Lane index → x.
    lane_x: Vec<f64>,
    right: f64,
}

struct Shaft {
    name: String,
    ids: Vec<String>,
    lanes: Vec<usize>,
    low: usize,
    high: usize,
    x: f64,
    w: f64,
}

/// The drawn diagram: its SVG at the origin, its size, the findings it numbers (numbered
/// from 1, in the routing's order) and what its legend lists.
pub(crate) struct Diagram<'a> {
    /// The SVG, drawn from (0, 0).
    pub svg: String,
    /// Width, millimetres.
    pub w: f64,
    /// Height, millimetres.
    pub h: f64,
    /// The findings about what it shows, numbered.
    pub findings: Vec<(usize, &'a Finding)>,
    /// The legend's entries.
    pub legend: Vec<Entry>,
    /// The backbone cables it shows, in the routing's order.
    pub cables: Vec<&'a BackboneCable>,
}

/// The diagram of the buildings `scope` (indices into [`buildings`]); `campus` draws the
/// cables between them across the site and the ducts.
pub(crate) fn diagram<'a>(
    project: &Project,
    routing: &'a Routing,
    all: &[BuildingRef],
    scope: &[usize],
    campus: bool,
    ids: &mut Ids,
) -> Diagram<'a> {
    let dist = &routing.distributors;
    // Floors and boxes per building.
    let mut cols: Vec<Col> = scope
        .iter()
        .map(|&bi| {
            let floors = floors_of(project, &all[bi]);
            let boxes = floors
                .iter()
                .map(|&fi| {
                    let f = &project.floors[fi];
                    (0..dist.len())
                        .filter(|&k| {
                            dist[k].floor == f.id
                                && f.telecom_rooms.iter().any(|t| t.id == dist[k].id)
                        })
                        .collect()
                })
                .collect();
            Col {
                x0: 0.0,
                floors,
                boxes,
                boxes_x: 0.0,
                shafts_x: 0.0,
                shafts: Vec::new(),
                free_lanes: 0,
                lane_x: Vec::new(),
                right: 0.0,
            }
        })
        .collect();
    let find_box = |cols: &[Col], id: &str| -> End {
        for (b, c) in cols.iter().enumerate() {
            for (rank, bx) in c.boxes.iter().enumerate() {
                if let Some(slot) = bx.iter().position(|&k| dist[k].id == id) {
                    return End::Box { b, rank, slot };
                }
            }
        }
        End::Outside
    };
    // The cables shown: at least one end in scope; both when drawing the campus.
    let mut runs: Vec<Run<'a>> = Vec::new();
    for c in &routing.backbone {
        let from = find_box(&cols, &c.from_id);
        let to = find_box(&cols, &c.to_id);
        let shown = match (from, to) {
            (End::Box { .. }, End::Box { .. }) => true,
            (End::Outside, End::Outside) => false,
            _ => !campus,
        };
        if shown {
            runs.push(Run {
                cable: c,
                from,
                to,
                lanes: BTreeMap::new(),
                site: None,
                dep_track: 0,
                arr_track: 0,
            });
        }
    }
    // Tracks per (building, rank): arrivals first, then departures right to left.
    let mut tracks: BTreeMap<(usize, usize), Tracks> = BTreeMap::new();
    for (i, r) in runs.iter().enumerate() {
        if let End::Box { b, rank, slot } = r.from {
            tracks.entry((b, rank)).or_default().1.push((slot, i));
        }
        if let End::Box { b, rank, .. } = r.to {
            tracks.entry((b, rank)).or_default().0.push(i);
        }
    }
    let mut max_tracks = 0;
    for (arr, dep) in tracks.values_mut() {
        dep.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (t, &i) in arr.iter().enumerate() {
            runs[i].arr_track = t;
        }
        for (t, &(_, i)) in dep.iter().enumerate() {
            runs[i].dep_track = arr.len() + t;
        }
        max_tracks = max_tracks.max(arr.len() + dep.len());
    }
    // Lanes: a cable in a building it touches takes a lane in the shaft of the riser it climbs
    // there, else a free lane; crossing the site, it takes a site track.
    let mut site_tracks = 0;
    for r in &mut runs {
        let mut touched: Vec<usize> = Vec::new();
        for e in [r.from, r.to] {
            match e {
                End::Box { b, .. } if !touched.contains(&b) => touched.push(b),
                _ => {}
            }
        }
        let crosses = match (r.from, r.to) {
            (End::Box { b: a, .. }, End::Box { b, .. }) => a != b,
            _ => true,
        };
        if crosses {
            r.site = Some(site_tracks);
            site_tracks += 1;
        }
        for b in touched {
            let col = &mut cols[b];
            let names: Vec<String> = riser_names(project, &col.floors);
            let climbed = r.cable.risers.iter().find(|n| names.contains(n));
            let lane = match climbed {
                Some(name) => {
                    let s = match col.shafts.iter().position(|s| &s.name == name) {
                        Some(s) => s,
                        None => {
                            col.shafts.push(shaft(project, &col.floors, name));
                            col.shafts.len() - 1
                        }
                    };
                    let n =
                        col.shafts.iter().map(|s| s.lanes.len()).sum::<usize>() + col.free_lanes;
                    col.shafts[s].lanes.push(n);
                    n
                }
                None => {
                    let n =
                        col.shafts.iter().map(|s| s.lanes.len()).sum::<usize>() + col.free_lanes;
                    col.free_lanes += 1;
                    n
                }
            };
            r.lanes.insert(b, lane);
        }
    }
    // Every riser of a building is drawn, climbed or not, in the order of its name.
    for col in &mut cols {
        for name in riser_names(project, &col.floors) {
            if !col.shafts.iter().any(|s| s.name == name) {
                col.shafts.push(shaft(project, &col.floors, &name));
            }
        }
    }

    // Sizes.
    let mut box_w: f64 = 40.0;
    for &k in cols.iter().flat_map(|c| c.boxes.iter().flatten()) {
        let d = &dist[k];
        let head = format!("{}  {}", d.name, role_name(d.role));
        box_w = box_w.max(text::width_bold_mm(&head, LABEL_MM) + 3.0);
        for (l, _) in box_lines(d) {
            box_w = box_w.max(text::width_mm(&l, LABEL_MM) + 3.0);
        }
    }
    let box_w = box_w.min(70.0);
    let rows = cols
        .iter()
        .map(|c| c.floors.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let band_h = PAD_TOP + BOX_H + 3.0 + max_tracks as f64 * TRACK + 2.0;
    let band_top = |rank: usize| TOP + (rows - 1 - rank) as f64 * band_h;
    let ground = TOP + rows as f64 * band_h;
    let track_y = |rank: usize, t: usize| band_top(rank) + PAD_TOP + BOX_H + 4.0 + t as f64 * TRACK;
    let box_at = |col: &Col, rank: usize, slot: usize| {
        (
            col.boxes_x + slot as f64 * (box_w + BOX_GAP),
            band_top(rank) + PAD_TOP,
        )
    };
    let stub_out = |x: f64| x + 3.0;
    let stub_in = |x: f64, t: usize| x + box_w - 3.0 - t as f64 * LANE;

    // Floor label column widths, and the columns' x.
    let mut x = 0.0;
    for (ci, col) in cols.iter_mut().enumerate() {
        col.x0 = x;
        let mut label_w: f64 = 18.0;
        for &fi in &col.floors {
            let f = &project.floors[fi];
            label_w = label_w
                .max(text::width_bold_mm(&f.id, LABEL_MM) + 3.0)
                .max(text::width_mm(&f.name, LABEL_MM).min(40.0) + 4.0)
                .max(text::width_mm(&elevation(f.elevation_m), LABEL_MM) + 3.0);
        }
        col.boxes_x = x + label_w;
        let slots = col.boxes.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let boxes_right = col.boxes_x + slots as f64 * (box_w + BOX_GAP) - BOX_GAP;
        // The shafts start after the boxes and after every departing label.
        let mut sx = boxes_right.max(col.boxes_x + 62.0) + 6.0;
        for r in &runs {
            if let End::Box { b, rank, slot } = r.from
                && b == ci
            {
                let (bx, _) = box_at(col, rank, slot);
                let w = text::width_mm(&cable_label(r.cable), LABEL_MM);
                sx = sx.max(stub_out(bx) + 1.5 + w + 3.0);
            }
        }
        col.shafts_x = sx;
        // Lanes: the shafts' first, then the free ones.
        let total = col.shafts.iter().map(|s| s.lanes.len()).sum::<usize>() + col.free_lanes;
        col.lane_x = vec![0.0; total];
        let mut sx = col.shafts_x;
        for s in &mut col.shafts {
            s.w = (s.lanes.len() as f64 * LANE + 2.0 * LANE).max(SHAFT_MIN_W);
            s.w = s.w.max(text::width_bold_mm(&s.name, LABEL_MM) + 1.0);
            s.x = sx;
            for (k, &lane) in s.lanes.iter().enumerate() {
                col.lane_x[lane] = sx + LANE * (k as f64 + 1.0);
            }
            sx += s.w + 3.0;
        }
        let shafted: Vec<usize> = col
            .shafts
            .iter()
            .flat_map(|s| s.lanes.iter().copied())
            .collect();
        let mut k = 0;
        for lane in 0..total {
            if !shafted.contains(&lane) {
                col.lane_x[lane] = sx + LANE * (k as f64 + 1.0);
                k += 1;
            }
        }
        col.right = sx + LANE * (k as f64 + 1.0) + 2.0;
        // Cables to and from buildings not shown end beside their lane, with a label.
        for r in &runs {
            let (b, to) = match (r.from, r.to) {
                (End::Box { b, .. }, End::Outside) => (b, true),
                (End::Outside, End::Box { b, .. }) => (b, false),
                _ => continue,
            };
            if b == ci {
                let w = text::width_mm(&outside_label(project, r.cable, to), LABEL_MM);
                col.right = col.right.max(col.lane_x[r.lanes[&b]] + 9.0 + w + 2.0);
            }
        }
        x = col.right + BUILDING_GAP;
    }
    let width = cols.last().map_or(100.0, |c| c.right);
    let site_top = ground + 4.0;
    let site_h = if site_tracks > 0 || (campus && !project.ducts.is_empty()) {
        6.0 + site_tracks as f64 * TRACK + 5.0
    } else {
        0.0
    };
    let height = ground + site_h + 2.0;
    let site_y = |t: usize| site_top + 4.0 + t as f64 * TRACK;

    // The findings about what is shown, numbered in the routing's order.
    let mut shown_rooms: Vec<&str> = Vec::new();
    let mut shown_floors: Vec<usize> = Vec::new();
    for c in &cols {
        shown_floors.extend(&c.floors);
        for &k in c.boxes.iter().flatten() {
            shown_rooms.push(&dist[k].id);
        }
    }
    let shown_ducts = campus || all.len() == 1;
    let findings: Vec<(usize, &Finding)> = routing
        .findings
        .iter()
        .filter(|f| {
            shown_rooms.contains(&f.subject.as_str())
                || (shown_ducts && project.ducts.iter().any(|d| d.id == f.subject))
                || (f.rule == Rule::Pathway
                    && shown_floors
                        .iter()
                        .any(|&i| project.floors[i].risers.iter().any(|r| r.id == f.subject)))
        })
        .enumerate()
        .map(|(i, f)| (i + 1, f))
        .collect();
    let numbers_of = |subject: &str| -> (Vec<usize>, bool) {
        let mut nums = Vec::new();
        let mut error = false;
        for &(n, f) in &findings {
            if f.subject == subject {
                nums.push(n);
                error |= f.severity == Severity::Error;
            }
        }
        (nums, error)
    };

    let mut out = String::new();
    let mut legend: Vec<Entry> = Vec::new();
    let mut markers = String::new();
    let marker = |out: &mut String, legend: &mut Vec<Entry>, x: f64, y: f64, subject: &str| {
        let (nums, error) = numbers_of(subject);
        if nums.is_empty() {
            return;
        }
        let t = super::findings::numbers(&nums);
        let w = (text::width_mm(&t, LABEL_MM) + 1.8).max(4.4);
        let (fill, text_fill) = if error {
            (style::ERROR, "#fff")
        } else {
            (style::WARNING, "#000")
        };
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"4.4\" rx=\"2.2\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"0.2\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{text_fill}\">{}</text>",
            N(x - w),
            N(y),
            N(w),
            N(x - w / 2.0),
            N(y + 3.2),
            Esc(&t)
        );
        let e = Entry::Marker { error };
        if !legend.contains(&e) {
            legend.push(e);
        }
    };

    // Bands, floor labels and slabs.
    out.push_str("<g class=\"floors\">\n");
    let mut slabs = PathData::new();
    for (ci, col) in cols.iter().enumerate() {
        let b = &all[scope[ci]];
        let head = building_title(b);
        let (head, size) = text::fit(&head, HEADING_MM, col.right - col.x0);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"5\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
            N(col.x0),
            N(size),
            Esc(&head)
        );
        let n = col.floors.len();
        if n > 0 {
            slabs.polyline(
                [(col.x0, band_top(n - 1)), (col.right, band_top(n - 1))],
                false,
            );
        }
        for (rank, &fi) in col.floors.iter().enumerate() {
            let f = &project.floors[fi];
            let top = band_top(rank);
            slabs.polyline([(col.x0, top + band_h), (col.right, top + band_h)], false);
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>",
                N(col.x0 + 1.0),
                N(top + PAD_TOP + 3.0),
                Esc(&f.id)
            );
            let mut y = top + PAD_TOP + 3.0;
            if f.name != f.id {
                y += LINE_H;
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\">{}</text>",
                    N(col.x0 + 1.0),
                    N(y),
                    Esc(&text::truncate(
                        &f.name,
                        LABEL_MM,
                        col.boxes_x - col.x0 - 2.5
                    ))
                );
            }
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" fill=\"#555\">{}</text>",
                N(col.x0 + 1.0),
                N(y + LINE_H),
                Esc(&elevation(f.elevation_m))
            );
            if col.boxes[rank].is_empty() {
                let lines = served_by(project, routing, fi);
                let mut y = top + PAD_TOP + 3.0;
                for l in lines {
                    for part in text::wrap(&l, LABEL_MM, col.shafts_x - col.boxes_x - 4.0) {
                        let _ = writeln!(
                            out,
                            "<text x=\"{}\" y=\"{}\" font-style=\"italic\" fill=\"#555\">{}</text>",
                            N(col.boxes_x),
                            N(y),
                            Esc(&part)
                        );
                        y += LINE_H;
                    }
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"{}\"/>",
        slabs.as_str(),
        N(style::SLAB)
    );
    out.push_str("</g>\n");

    // Shafts.
    out.push_str("<g class=\"risers\">\n");
    for col in &cols {
        for s in &col.shafts {
            let (top, bottom) = (band_top(s.high), band_top(s.low) + band_h);
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                N(s.x),
                N(top),
                N(s.w),
                N(bottom - top),
                style::SHAFT_FILL,
                style::SHAFT_STROKE,
                N(style::THIN)
            );
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
                N(s.x + s.w / 2.0),
                N(top - 1.2),
                Esc(&s.name)
            );
            for id in &s.ids {
                marker(&mut markers, &mut legend, s.x + s.w + 5.0, top - 5.0, id);
            }
        }
        if !col.shafts.is_empty() {
            let e = Entry::Line {
                colour: style::SHAFT_FILL.into(),
                width: 3.0,
                dash: None,
                text: "Riser shaft (its name above it)".into(),
            };
            if !legend.contains(&e) {
                legend.push(e);
            }
        }
    }
    out.push_str("</g>\n");

    // The site: ground line, ducts.
    if site_h > 0.0 {
        let _ = writeln!(
            out,
            "<path d=\"M{}L{}\" stroke=\"{}\" stroke-width=\"{}\" stroke-dasharray=\"3 1.5\"/>",
            P(0.0, site_top),
            P(width, site_top),
            style::SHAFT_STROKE,
            N(style::THIN)
        );
        let ducts: Vec<String> = if campus || all.len() == 1 {
            project
                .ducts
                .iter()
                .map(|d| {
                    let load = routing
                        .pathways
                        .iter()
                        .find(|p| p.kind == "duct" && p.id == d.id);
                    let n = load.map_or(0, |l| l.horizontal + l.backbone);
                    match d.capacity {
                        Some(c) => format!("{} ({n} of {c} cables)", d.name),
                        None => format!("{} ({n} cables)", d.name),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let caption = if ducts.is_empty() {
            "Site: to and from other buildings".to_owned()
        } else {
            format!("Site, ducts: {}", ducts.join(", "))
        };
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\" fill=\"#555\">{}</text>",
            N(site_top + site_h - 2.0),
            Esc(&caption)
        );
        if campus || all.len() == 1 {
            let mut x = text::width_mm(&caption, LABEL_MM) + 6.0;
            for d in &project.ducts {
                marker(&mut markers, &mut legend, x, site_top + site_h - 5.4, &d.id);
                x += 6.0;
            }
        }
    }

    // Cables.
    out.push_str("<g class=\"backbone\">\n");
    let mut labels = String::new();
    for r in &runs {
        let c = r.cable;
        let colour = if c.status == CableStatus::Fail {
            style::ERROR
        } else {
            match c.level {
                BackboneLevel::Building => style::BACKBONE_BUILDING,
                BackboneLevel::Campus => style::BACKBONE_CAMPUS,
            }
        };
        let mut d = PathData::new();
        let mut pts: Vec<(f64, f64)> = Vec::new();
        // From the lower distributor to its lane.
        let lane_of = |b: usize| cols[b].lane_x[r.lanes[&b]];
        let mut label_at = None;
        match r.from {
            End::Box { b, rank, slot } => {
                let (bx, by) = box_at(&cols[b], rank, slot);
                let ty = track_y(rank, r.dep_track);
                pts.push((stub_out(bx), by + BOX_H));
                pts.push((stub_out(bx), ty));
                pts.push((lane_of(b), ty));
                label_at = Some((stub_out(bx) + 1.5, ty - 0.9));
            }
            End::Outside => {}
        }
        // Across the site, when it leaves the building.
        if let Some(t) = r.site {
            let sy = site_y(t);
            match (r.from, r.to) {
                (End::Box { b: fb, .. }, End::Box { b: tb, .. }) => {
                    pts.push((lane_of(fb), sy));
                    pts.push((lane_of(tb), sy));
                }
                (End::Box { b, .. }, End::Outside) => {
                    let lx = lane_of(b);
                    pts.push((lx, sy));
                    pts.push((lx + 8.0, sy));
                    let _ = writeln!(
                        labels,
                        "<text x=\"{}\" y=\"{}\">{}</text>",
                        N(lx + 9.0),
                        N(sy + 1.0),
                        Esc(&outside_label(project, c, true))
                    );
                }
                (End::Outside, End::Box { b, .. }) => {
                    let lx = lane_of(b);
                    pts.push((lx + 8.0, sy));
                    pts.push((lx, sy));
                    let _ = writeln!(
                        labels,
                        "<text x=\"{}\" y=\"{}\">{}</text>",
                        N(lx + 9.0),
                        N(sy + 1.0),
                        Esc(&outside_label(project, c, false))
                    );
                    label_at = Some((lx + 9.0, sy - 1.6));
                }
                (End::Outside, End::Outside) => {}
            }
        }
        if let End::Box { b, rank, slot } = r.to {
            let (bx, by) = box_at(&cols[b], rank, slot);
            let ty = track_y(rank, r.arr_track);
            let sx = stub_in(bx, r.arr_track);
            pts.push((lane_of(b), ty));
            pts.push((sx, ty));
            pts.push((sx, by + BOX_H));
        }
        d.polyline(pts.iter().copied(), false);
        let _ = writeln!(
            out,
            "<path id=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\"/>",
            ids.unique(&format!("backbone-{}", c.id)),
            d.as_str(),
            N(style::ROUTE)
        );
        if let Some((lx, ly)) = label_at {
            let _ = writeln!(
                labels,
                "<text x=\"{}\" y=\"{}\"{}>{}</text>",
                N(lx),
                N(ly),
                if c.status == CableStatus::Fail {
                    format!(" fill=\"{}\" font-weight=\"bold\"", style::ERROR)
                } else {
                    String::new()
                },
                Esc(&cable_label(c))
            );
        }
        let e = match (c.status, c.level) {
            (CableStatus::Fail, _) => Entry::Line {
                colour: style::ERROR.into(),
                width: style::ROUTE,
                dash: None,
                text: "Backbone cable over its fibre's limit".into(),
            },
            (_, BackboneLevel::Building) => Entry::Line {
                colour: style::BACKBONE_BUILDING.into(),
                width: style::ROUTE,
                dash: None,
                text: "Building backbone (FD to BD): id · length · fibre".into(),
            },
            (_, BackboneLevel::Campus) => Entry::Line {
                colour: style::BACKBONE_CAMPUS.into(),
                width: style::ROUTE,
                dash: None,
                text: "Campus backbone (BD to CD): id · length · fibre".into(),
            },
        };
        if !legend.contains(&e) {
            legend.push(e);
        }
    }
    out.push_str("</g>\n");

    // Boxes, over the lines.
    out.push_str("<g class=\"distributors\">\n");
    for col in &cols {
        for (rank, bx) in col.boxes.iter().enumerate() {
            for (slot, &k) in bx.iter().enumerate() {
                let d = &dist[k];
                let (x, y) = box_at(col, rank, slot);
                let bad = box_lines(d).iter().any(|(_, bad)| *bad);
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                    N(x),
                    N(y),
                    N(box_w),
                    N(BOX_H),
                    style::role_fill(d.role),
                    if bad { style::ERROR } else { "#000" },
                    N(style::BOX)
                );
                let role = role_name(d.role);
                let name_w = box_w - 3.0 - text::width_bold_mm(role, LABEL_MM) - 2.0;
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>",
                    N(x + 1.5),
                    N(y + 3.4),
                    Esc(&text::truncate(&d.name, LABEL_MM * 1.08, name_w))
                );
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-weight=\"bold\">{}</text>",
                    N(x + box_w - 1.5),
                    N(y + 3.4),
                    role
                );
                for (i, (l, bad)) in box_lines(d).iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "<text x=\"{}\" y=\"{}\"{}>{}</text>",
                        N(x + 1.5),
                        N(y + 3.4 + (i + 1) as f64 * LINE_H),
                        if *bad {
                            format!(" fill=\"{}\"", style::ERROR)
                        } else {
                            String::new()
                        },
                        Esc(&text::truncate(l, LABEL_MM, box_w - 3.0))
                    );
                }
                marker(&mut markers, &mut legend, x + box_w + 1.0, y - 4.6, &d.id);
            }
        }
    }
    out.push_str("</g>\n");
    if !labels.is_empty() {
        let _ = writeln!(out, "<g class=\"labels\">\n{labels}</g>");
    }
    if !markers.is_empty() {
        let _ = writeln!(out, "<g class=\"findings\">\n{markers}</g>");
    }
    Diagram {
        svg: out,
        w: width,
        h: height,
        findings,
        legend,
        cables: runs.iter().map(|r| r.cable).collect(),
    }
}

/// A building's heading: its name, `Building ID` when it has none but an id, `Building`.
pub(crate) fn building_title(b: &BuildingRef) -> String {
    match (&b.id, b.name.is_empty()) {
        (_, false) => b.name.clone(),
        (Some(id), true) => format!("Building {id}"),
        (None, true) => "Building".to_owned(),
    }
}

/// The text at the end of a cable whose other end is in a building not shown: `to CD
/// (Beta)`, `from BD-A (Alpha)`.
fn outside_label(project: &Project, c: &BackboneCable, to: bool) -> String {
    let (word, name, floor) = if to {
        ("to", &c.to, &c.to_floor)
    } else {
        ("from", &c.from, &c.from_floor)
    };
    let b = project
        .floor(floor)
        .map_or(String::new(), |f| project.building_name(f));
    if b.is_empty() {
        format!("{word} {name}")
    } else {
        format!("{word} {name} ({b})")
    }
}

/// `+3.5 m`, `−3 m`.
fn elevation(m: f64) -> String {
    if m < 0.0 {
        format!("−{} m", N(-m))
    } else {
        format!("+{} m", N(m))
    }
}

/// The names of the risers on `floors`, in order of first appearance.
fn riser_names(project: &Project, floors: &[usize]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for &fi in floors {
        for r in &project.floors[fi].risers {
            if !names.contains(&r.name) {
                names.push(r.name.clone());
            }
        }
    }
    names
}

/// The shaft of the riser `name` among `floors` (lowest first): the ranks it spans.
fn shaft(project: &Project, floors: &[usize], name: &str) -> Shaft {
    let ranks: Vec<usize> = floors
        .iter()
        .enumerate()
        .filter(|(_, fi)| project.floors[**fi].risers.iter().any(|r| r.name == name))
        .map(|(rank, _)| rank)
        .collect();
    let ids = floors
        .iter()
        .flat_map(|&fi| project.floors[fi].risers.iter())
        .filter(|r| r.name == name)
        .map(|r| r.id.to_string())
        .collect();
    Shaft {
        name: name.to_owned(),
        ids,
        lanes: Vec::new(),
        low: ranks.first().copied().unwrap_or(0),
        high: ranks.last().copied().unwrap_or(0),
        x: 0.0,
        w: 0.0,
    }
}

/// What a floor without a distributor says: which distributors its horizontal cables go to.
fn served_by(project: &Project, routing: &Routing, floor: usize) -> Vec<String> {
    let f = &project.floors[floor];
    let mut by_room: Vec<(String, usize)> = Vec::new();
    for c in routing.cables.iter().filter(|c| c.floor == f.id) {
        let room = format!("{} on {}", c.room, c.room_floor);
        match by_room.iter_mut().find(|(n, _)| *n == room) {
            Some((_, k)) => *k += 1,
            None => by_room.push((room, 1)),
        }
    }
    let unserved = routing
        .unserved
        .iter()
        .filter(|u| u.endpoint.floor == floor)
        .count();
    let mut lines = vec!["No distributor on this floor:".to_owned()];
    if by_room.is_empty() && unserved == 0 {
        lines.push("no horizontal cable.".to_owned());
    }
    for (room, n) in by_room {
        lines.push(format!(
            "served by {room} ({n} cable{})",
            if n == 1 { "" } else { "s" }
        ));
    }
    if unserved > 0 {
        lines.push(format!(
            "{unserved} endpoint{} without a cable",
            if unserved == 1 { "" } else { "s" }
        ));
    }
    lines
}

/// The backbone schedule of `cables`.
pub(crate) fn backbone_schedule(title: &str, cables: &[&BackboneCable]) -> Table {
    let mut t = Table::new(
        title,
        vec![
            Column::new("Cable", Align::Left),
            Column::new("From", Align::Left).wrap(30.0),
            Column::new("To", Align::Left).wrap(30.0),
            Column::new("Fibre", Align::Left),
            Column::new("Cores", Align::Right),
            Column::new("Riser m", Align::Right),
            Column::new("Duct m", Align::Right),
            Column::new("Total m", Align::Right),
            Column::new("Limit m", Align::Right),
            Column::new("Status", Align::Left),
        ],
    );
    let mut total = 0.0;
    for b in cables {
        let (style, status) = match b.status {
            CableStatus::Ok => (RowStyle::Normal, "ok"),
            CableStatus::Warning => (RowStyle::Warning, "warning"),
            CableStatus::Fail => (RowStyle::Error, "FAIL"),
        };
        t.push_styled(
            vec![
                b.id.clone(),
                format!("{} ({})", b.from, b.from_floor),
                format!("{} ({})", b.to, b.to_floor),
                b.fibre.as_str().to_uppercase(),
                b.cores.to_string(),
                format!("{:.2}", b.lengths.riser_m),
                format!("{:.2}", b.lengths.duct_m),
                format!("{:.2}", b.lengths.total_m),
                N(b.limit_m).to_string(),
                status.to_owned(),
            ],
            style,
        );
        total += b.lengths.total_m;
    }
    if !cables.is_empty() {
        t.push_styled(
            vec![
                "Total".into(),
                format!("{} cables", cables.len()),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                format!("{total:.2}"),
            ],
            RowStyle::Total,
        );
    }
    t
}

/// The loads of the risers of `floors` and, when `ducts`, of the ducts.
pub(crate) fn pathway_table(
    project: &Project,
    routing: &Routing,
    floors: &[usize],
    ducts: bool,
) -> Table {
    let mut t = Table::new(
        "Risers and ducts",
        vec![
            Column::new("Pathway", Align::Left).wrap(30.0),
            Column::new("Between", Align::Left).wrap(30.0),
            Column::new("Horizontal", Align::Right),
            Column::new("Backbone", Align::Right),
            Column::new("Capacity", Align::Right),
        ],
    );
    let ids: Vec<&str> = floors
        .iter()
        .map(|&i| project.floors[i].id.as_str())
        .collect();
    for p in &routing.pathways {
        let (what, between) = match p.kind.as_str() {
            "riser" if ids.contains(&p.from_floor.as_str()) => (
                format!("riser {}", p.name),
                format!("{} – {}", p.from_floor, p.to_floor),
            ),
            "duct" if ducts => (format!("duct {}", p.name), "buildings".to_owned()),
            _ => continue,
        };
        let over = p.capacity.is_some_and(|c| p.horizontal + p.backbone > c);
        t.push_styled(
            vec![
                what,
                between,
                p.horizontal.to_string(),
                p.backbone.to_string(),
                p.capacity.map_or_else(|| "—".into(), |c| c.to_string()),
            ],
            if over {
                RowStyle::Error
            } else {
                RowStyle::Normal
            },
        );
    }
    t
}
