//! What the editor shows of the cabling: the routing the worker made (`Route all`), the edit
//! that writes its cables into the project as marked routes, the design-rule findings placed
//! on the plan, and the tables of the side panel (cable schedule, bill of materials,
//! final-tail comparison) with their sorting and filtering. Plain data and pure functions.
//!
//! The cabling panel's component is `panel`.

pub(crate) mod panel;

use std::cmp::Ordering;
use std::rc::Rc;

use tailplan_core::diagnostics::Severity;
use tailplan_core::routing::{
    BillOfMaterials, Finding, Routing, TailKind, hand::is_auto_route, routed_project,
    rules::medium_name,
};
use tailplan_core::{BBox, Edit, Element, Point, Project};

use crate::worker::protocol::{DocKey, JobId};

/// A routing received from the worker, and what is derived from it once.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutingView {
    /// The routing.
    pub routing: Routing,
    /// Its bill of materials.
    pub bom: BillOfMaterials,
    /// The project state it describes (after its routes were written in).
    pub doc: DocKey,
    /// Milliseconds the worker took.
    pub compute_ms: f64,
}

impl RoutingView {
    /// The view of `routing` and its bill of materials (both from the worker), describing
    /// `doc`.
    pub fn new(routing: Routing, bom: BillOfMaterials, doc: DocKey, compute_ms: f64) -> Self {
        Self {
            routing,
            bom,
            doc,
            compute_ms,
        }
    }

    /// Errors and warnings among the findings.
    pub fn counts(&self) -> (usize, usize) {
        let f = &self.routing.findings;
        (
            f.iter().filter(|f| f.severity == Severity::Error).count(),
            f.iter().filter(|f| f.severity == Severity::Warning).count(),
        )
    }
}

/// The tabs of the cabling panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CablingTab {
    /// The design-rule findings.
    #[default]
    Findings,
    /// The cable schedule.
    Schedule,
    /// The bill of materials.
    Materials,
    /// Each device's final-tail options.
    FinalTail,
    /// The distributors: role, parent, ports, switches, fibre.
    Distributors,
}

impl CablingTab {
    /// Every tab, in order.
    pub const ALL: [CablingTab; 5] = [
        CablingTab::Findings,
        CablingTab::Schedule,
        CablingTab::Materials,
        CablingTab::FinalTail,
        CablingTab::Distributors,
    ];

    /// Its name in test ids: `findings`, `schedule`, `bom`, `final-tail`, `distributors`.
    pub fn name(self) -> &'static str {
        match self {
            CablingTab::Findings => "findings",
            CablingTab::Schedule => "schedule",
            CablingTab::Materials => "bom",
            CablingTab::FinalTail => "final-tail",
            CablingTab::Distributors => "distributors",
        }
    }

    /// Its caption.
    pub fn label(self) -> &'static str {
        match self {
            CablingTab::Findings => "Findings",
            CablingTab::Schedule => "Schedule",
            CablingTab::Materials => "Materials",
            CablingTab::FinalTail => "Final tail",
            CablingTab::Distributors => "Distributors",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// How a table is sorted: by a column, up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sort {
    /// The column.
    pub column: usize,
    /// Smallest first.
    pub descending: bool,
}

/// The tables of a routing, built once per routing.
#[derive(Debug, Clone, PartialEq)]
pub struct Tables {
    /// The cable schedule.
    pub schedule: Rc<Table>,
    /// The bill of materials.
    pub bom: Rc<Table>,
    /// The final-tail comparison.
    pub final_tail: Rc<Table>,
    /// The distributors.
    pub distributors: Rc<Table>,
}

impl Tables {
    /// The tables of `view`, prices in `currency`.
    pub fn of(view: &RoutingView, currency: &str) -> Tables {
        Tables {
            schedule: Rc::new(schedule_table(&view.routing)),
            bom: Rc::new(bom_table(&view.bom)),
            final_tail: Rc::new(final_tail_table(&view.routing, currency)),
            distributors: Rc::new(distributors_table(&view.routing)),
        }
    }
}

/// What the cabling panel shows.
#[derive(Clone, PartialEq)]
pub struct CablingView {
    /// The last routing, with its tables.
    pub routing: Option<(Rc<RoutingView>, Rc<Tables>)>,
    /// The project changed since.
    pub stale: bool,
    /// Routing now.
    pub busy: bool,
    /// The tab shown.
    pub tab: CablingTab,
    /// The tab's sort.
    pub sort: Option<Sort>,
    /// The filter text.
    pub filter: String,
    /// The finding last zoomed to.
    pub focused: Option<usize>,
}

impl CablingView {
    /// The panel's view of `state`, with the tables of its routing (built once per routing,
    /// so passed in); `doc` is the project state on screen, which a routing of another is
    /// stale for.
    pub fn of(state: &CablingState, tables: Option<Rc<Tables>>, doc: Option<DocKey>) -> Self {
        CablingView {
            routing: state.view.clone().zip(tables),
            stale: state.view.as_ref().is_some_and(|v| Some(v.doc) != doc),
            busy: state.routing_job.is_some(),
            tab: state.tab,
            sort: state.sort_of(state.tab),
            filter: state.filter.clone(),
            focused: state.focused,
        }
    }
}

/// The cabling side of the editor's state.
#[derive(Debug, Clone, Default)]
pub struct CablingState {
    /// The last routing.
    pub view: Option<Rc<RoutingView>>,
    /// The routing job in progress.
    pub routing_job: Option<JobId>,
    /// The tab shown.
    pub tab: CablingTab,
    /// Each tab's sort (the findings are listed in the rules' order).
    pub sorts: [Option<Sort>; 5],
    /// The text the tables are filtered by.
    pub filter: String,
    /// The finding last zoomed to.
    pub focused: Option<usize>,
}

impl CablingState {
    /// The sort of `tab`'s table.
    pub fn sort_of(&self, tab: CablingTab) -> Option<Sort> {
        self.sorts[tab.index()]
    }

    /// Sorts `tab`'s table by `column`: up, then down, then as it came.
    pub fn sort_by(&mut self, tab: CablingTab, column: usize) {
        let slot = &mut self.sorts[tab.index()];
        *slot = match *slot {
            Some(Sort {
                column: c,
                descending: false,
            }) if c == column => Some(Sort {
                column,
                descending: true,
            }),
            Some(Sort {
                column: c,
                descending: true,
            }) if c == column => None,
            _ => Some(Sort {
                column,
                descending: false,
            }),
        };
    }
}

/// The edit that writes `routing`'s cables into `project` as marked routes (replacing the
/// routes an earlier "Route all" wrote): one undo step. `None` when nothing changes.
pub fn auto_routes_edit(project: &Project, routing: &Routing) -> Option<Edit> {
    let routed = routed_project(project, routing);
    let mut edits = Vec::new();
    for (old, new) in project.floors.iter().zip(&routed.floors) {
        let before: Vec<_> = old.routes.iter().filter(|r| is_auto_route(r)).collect();
        let after: Vec<_> = new.routes.iter().filter(|r| is_auto_route(r)).collect();
        if before == after {
            continue;
        }
        edits.extend(
            before
                .iter()
                .map(|r| Edit::RemoveElement { id: r.id.clone() }),
        );
        edits.extend(after.iter().map(|r| Edit::AddElement {
            floor: new.id.clone(),
            element: Element::Route((*r).clone()),
            index: None,
        }));
    }
    (!edits.is_empty()).then_some(Edit::Batch { edits })
}

/// Where a finding is: its element's floor, id and extent.
pub fn finding_target(project: &Project, finding: &Finding) -> Option<(String, String, BBox)> {
    if finding.subject.is_empty() {
        return None;
    }
    let (floor, element) = project.element(&finding.subject)?;
    let b = BBox::from_points(element.points().into_iter().filter(|p| p.is_finite()))?;
    Some((floor.to_owned(), finding.subject.clone(), b))
}

/// A finding's mark on the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Its number in the list, from 1.
    pub number: usize,
    /// Where.
    pub at: Point,
    /// How serious.
    pub severity: Severity,
}

/// The marks of the findings about elements of floor `floor_id`: at the element's anchor
/// (a point, a line's middle vertex, an outline's centre), errors last so they are on top.
pub fn markers(project: &Project, findings: &[Finding], floor_id: &str) -> Vec<Marker> {
    let mut out: Vec<Marker> = findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (floor, element) = project.element(&f.subject)?;
            if floor != floor_id {
                return None;
            }
            let at = anchor(&element)?;
            Some(Marker {
                number: i + 1,
                at,
                severity: f.severity,
            })
        })
        .collect();
    let rank = |s: Severity| match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    };
    out.sort_by_key(|m| (rank(m.severity), m.number));
    out
}

/// Where a finding's mark goes on an element.
fn anchor(e: &Element) -> Option<Point> {
    let pts: Vec<Point> = e.points().into_iter().filter(|p| p.is_finite()).collect();
    match e {
        Element::Room(_) | Element::TelecomRoom(_) if pts.len() > 2 => {
            let b = BBox::from_points(pts.iter().copied())?;
            match e {
                Element::TelecomRoom(t) => Some(t.position),
                _ => Some(b.center()),
            }
        }
        _ => pts.get(pts.len() / 2).copied(),
    }
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number, with the decimals shown and a unit.
    Num(f64, usize, &'static str),
    /// Nothing.
    Empty,
}

impl Cell {
    /// As shown.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(x, d, "") => format!("{x:.d$}"),
            Cell::Num(x, d, unit) => format!("{x:.d$} {unit}"),
            Cell::Empty => String::new(),
        }
    }

    fn cmp(&self, other: &Cell) -> Ordering {
        match (self, other) {
            (Cell::Num(a, ..), Cell::Num(b, ..)) => a.total_cmp(b),
            (Cell::Empty, Cell::Empty) => Ordering::Equal,
            (Cell::Empty, _) => Ordering::Greater,
            (_, Cell::Empty) => Ordering::Less,
            (a, b) => natural_cmp(&a.text(), &b.text()),
        }
    }
}

/// Compares text with the numbers in it as numbers: `O-9` before `O-10`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, _) => return Ordering::Less,
            (_, None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let mut na = String::new();
                while let Some(c) = x.peek().copied().filter(char::is_ascii_digit) {
                    na.push(c);
                    x.next();
                }
                let mut nb = String::new();
                while let Some(d) = y.peek().copied().filter(char::is_ascii_digit) {
                    nb.push(d);
                    y.next();
                }
                let (na, nb) = (na.trim_start_matches('0'), nb.trim_start_matches('0'));
                let o = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
                if o != Ordering::Equal {
                    return o;
                }
            }
            (Some(c), Some(d)) => {
                let o = c.to_lowercase().cmp(d.to_lowercase());
                if o != Ordering::Equal {
                    return o;
                }
                x.next();
                y.next();
            }
        }
    }
}

/// How a row is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    /// Nothing to say.
    #[default]
    Plain,
    /// A warning.
    Warning,
    /// A failure.
    Fail,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its cells, one per column.
    pub cells: Vec<Cell>,
    /// The element a click zooms to.
    pub target: Option<String>,
    /// How it is marked.
    pub tone: Tone,
    /// For the final tail: the column of the recommended option.
    pub highlight: Option<usize>,
}

/// A column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its heading.
    pub label: &'static str,
    /// Right-aligned figures.
    pub numeric: bool,
}

/// A table of the cabling panel.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, in the order they came.
    pub rows: Vec<Row>,
    /// A last line: totals.
    pub footer: Option<Vec<Cell>>,
}

impl Table {
    /// The rows to show, in order: those holding `filter` (any cell, case ignored), sorted
    /// by `sort` (stable, so equal rows keep their order).
    pub fn order(&self, sort: Option<Sort>, filter: &str) -> Vec<usize> {
        let needle = filter.trim().to_lowercase();
        let mut out: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                needle.is_empty()
                    || self.rows[i]
                        .cells
                        .iter()
                        .any(|c| c.text().to_lowercase().contains(&needle))
            })
            .collect();
        if let Some(s) = sort.filter(|s| s.column < self.columns.len()) {
            out.sort_by(|&a, &b| {
                let o = self.rows[a].cells[s.column].cmp(&self.rows[b].cells[s.column]);
                if s.descending { o.reverse() } else { o }
            });
        }
        out
    }
}

fn col(label: &'static str, numeric: bool) -> Column {
    Column { label, numeric }
}

/// The cable schedule as a table.
pub fn schedule_table(routing: &Routing) -> Table {
    let columns = vec![
        col("Cable", false),
        col("From", false),
        col("To", false),
        col("Floor", false),
        col("Type", false),
        col("Drop", true),
        col("Tray", true),
        col("Riser", true),
        col("Slack", true),
        col("Total", true),
        col("Route", false),
        col("Status", false),
        col("Note", false),
        col("Kind", false),
    ];
    let backbone = routing.backbone.iter().map(|b| Row {
        cells: vec![
            Cell::Text(b.id.clone()),
            Cell::Text(b.from.clone()),
            Cell::Text(b.to.clone()),
            Cell::Text(b.from_floor.clone()),
            Cell::Text(format!("{} × {}", b.cores, b.fibre.as_str().to_uppercase())),
            Cell::Num(b.lengths.drop_m, 2, ""),
            Cell::Num(b.lengths.tray_m, 2, ""),
            Cell::Num(b.lengths.riser_m, 2, ""),
            Cell::Num(b.lengths.slack_m, 2, ""),
            Cell::Num(b.lengths.total_m, 2, ""),
            Cell::Text(if b.ducts.is_empty() {
                "auto".to_owned()
            } else {
                format!("auto, ducts {}", b.ducts.join(", "))
            }),
            Cell::Text(b.status.as_str().to_owned()),
            Cell::Text(b.notes.join("; ")),
            Cell::Text("backbone".to_owned()),
        ],
        target: Some(b.from_id.clone()),
        tone: match b.status {
            tailplan_core::routing::CableStatus::Ok => Tone::Plain,
            tailplan_core::routing::CableStatus::Warning => Tone::Warning,
            tailplan_core::routing::CableStatus::Fail => Tone::Fail,
        },
        highlight: None,
    });
    let rows = routing
        .cables
        .iter()
        .map(|c| Row {
            cells: vec![
                Cell::Text(c.id.clone()),
                Cell::Text(c.endpoint.label()),
                Cell::Text(c.room.clone()),
                Cell::Text(c.floor.clone()),
                Cell::Text(medium_name(c.medium).to_owned()),
                Cell::Num(c.lengths.drop_m, 2, ""),
                Cell::Num(c.lengths.tray_m, 2, ""),
                Cell::Num(c.lengths.riser_m, 2, ""),
                Cell::Num(c.lengths.slack_m, 2, ""),
                Cell::Num(c.lengths.total_m, 2, ""),
                Cell::Text(
                    match c.source {
                        tailplan_core::routing::RouteSource::Auto => "auto",
                        tailplan_core::routing::RouteSource::Hand { .. } => "hand",
                    }
                    .to_owned(),
                ),
                Cell::Text(c.status.as_str().to_owned()),
                Cell::Text(c.notes.join("; ")),
                Cell::Text("horizontal".to_owned()),
            ],
            target: Some(c.endpoint.element_id.clone()),
            tone: match c.status {
                tailplan_core::routing::CableStatus::Ok => Tone::Plain,
                tailplan_core::routing::CableStatus::Warning => Tone::Warning,
                tailplan_core::routing::CableStatus::Fail => Tone::Fail,
            },
            highlight: None,
        })
        .chain(backbone)
        .collect();
    let total: f64 = routing
        .cables
        .iter()
        .map(|c| c.lengths.total_m)
        .sum::<f64>()
        + routing
            .backbone
            .iter()
            .map(|b| b.lengths.total_m)
            .sum::<f64>();
    let mut footer = vec![Cell::Empty; 14];
    footer[0] = Cell::Text(if routing.backbone.is_empty() {
        format!("{} cables", routing.cables.len())
    } else {
        format!(
            "{} cables, {} backbone",
            routing.cables.len(),
            routing.backbone.len()
        )
    });
    footer[9] = Cell::Num(total, 1, "m");
    Table {
        columns,
        rows,
        footer: Some(footer),
    }
}

/// The distributors as a table: building, floor, name, role, the one above, ports, switches,
/// PoE, fibre.
pub fn distributors_table(routing: &Routing) -> Table {
    let columns = vec![
        col("Building", false),
        col("Floor", false),
        col("Distributor", false),
        col("Role", false),
        col("Parent", false),
        col("Ports used", true),
        col("Switches", true),
        col("Switch ports", true),
        col("PoE W", true),
        col("Switch PoE W", true),
        col("Model", false),
        col("Backbone", true),
        col("Fibre ports", true),
    ];
    let rows = routing
        .distributors
        .iter()
        .map(|d| {
            let over = d.ports_used > d.switch_ports || d.poe_w > d.switch_poe_w + 1e-9;
            Row {
                cells: vec![
                    Cell::Text(d.building.clone()),
                    Cell::Text(d.floor.clone()),
                    Cell::Text(d.name.clone()),
                    Cell::Text(d.role.as_str().to_uppercase()),
                    Cell::Text(d.parent.clone().unwrap_or_default()),
                    Cell::Num(d.ports_used as f64, 0, ""),
                    Cell::Num(f64::from(d.switches), 0, ""),
                    Cell::Num(d.switch_ports as f64, 0, ""),
                    Cell::Num(d.poe_w, 1, ""),
                    Cell::Num(d.switch_poe_w, 0, ""),
                    Cell::Text(d.switch_model.clone()),
                    Cell::Num(f64::from(d.backbone_cables), 0, ""),
                    Cell::Num(f64::from(d.fibre_ports), 0, ""),
                ],
                target: Some(d.id.clone()),
                tone: if over { Tone::Fail } else { Tone::Plain },
                highlight: None,
            }
        })
        .collect();
    let switches: u32 = routing.distributors.iter().map(|d| d.switches).sum();
    let mut footer = vec![Cell::Empty; 13];
    footer[0] = Cell::Text(format!("{} distributors", routing.distributors.len()));
    footer[6] = Cell::Num(f64::from(switches), 0, "");
    Table {
        columns,
        rows,
        footer: Some(footer),
    }
}

/// The bill of materials as a table.
pub fn bom_table(bom: &BillOfMaterials) -> Table {
    let columns = vec![
        col("Item", false),
        col("Description", false),
        col("Qty", true),
        col("Unit", false),
        col("Unit price", true),
        col("Cost", true),
    ];
    let rows = bom
        .lines
        .iter()
        .map(|l| Row {
            cells: vec![
                Cell::Text(l.item.clone()),
                Cell::Text(l.description.clone()),
                Cell::Num(
                    l.quantity,
                    if l.quantity.fract() == 0.0 { 0 } else { 1 },
                    "",
                ),
                Cell::Text(l.unit.clone()),
                Cell::Num(l.unit_price, 2, ""),
                Cell::Num(l.cost, 2, ""),
            ],
            target: None,
            tone: Tone::Plain,
            highlight: None,
        })
        .collect();
    let mut footer = vec![Cell::Empty; 6];
    footer[0] = Cell::Text(format!("Total ({})", bom.currency));
    footer[5] = Cell::Num(bom.total_cost, 2, "");
    Table {
        columns,
        rows,
        footer: Some(footer),
    }
}

/// Each device's final-tail options side by side.
pub fn final_tail_table(routing: &Routing, currency: &str) -> Table {
    let columns = vec![
        col("Device", false),
        col("Floor", false),
        col("Now", false),
        col("Best", false),
        col("Wireless", false),
        col("SPE", false),
        col("Cat6A", false),
        col("Fibre", false),
    ];
    let kinds = [
        TailKind::Wireless,
        TailKind::Spe,
        TailKind::Cat6a,
        TailKind::Fiber,
    ];
    let rows = routing
        .final_tail
        .iter()
        .map(|c| {
            let mut cells = vec![
                Cell::Text(c.name.clone()),
                Cell::Text(c.floor.clone()),
                Cell::Text(medium_name(c.current).to_owned()),
                Cell::Text(c.recommended.map_or("none feasible".to_owned(), |k| {
                    medium_name(k.medium()).to_owned()
                })),
            ];
            for k in kinds {
                let o = c.options.iter().find(|o| o.kind == k);
                cells.push(match o {
                    None => Cell::Empty,
                    Some(o) => Cell::Text(option_text(o, currency)),
                });
            }
            let highlight = c
                .recommended
                .and_then(|r| kinds.iter().position(|k| *k == r))
                .map(|i| i + 4);
            Row {
                cells,
                target: Some(c.device_id.clone()),
                tone: if c.recommended.is_none() {
                    Tone::Fail
                } else {
                    Tone::Plain
                },
                highlight,
            }
        })
        .collect();
    Table {
        columns,
        rows,
        footer: None,
    }
}

/// One option in a few words: `42.1 m · 58 EUR`, `+12 dB · 9 EUR`, `✕ 95 m`.
fn option_text(o: &tailplan_core::routing::TailOption, currency: &str) -> String {
    let what = match o.kind {
        TailKind::Wireless => o
            .margin_db
            .map(|m| {
                let sign = if m >= 0.0 { '+' } else { '−' };
                format!("{sign}{:.0} dB", m.abs())
            })
            .unwrap_or_else(|| "no gateway".to_owned()),
        _ => o
            .length_m
            .map(|l| format!("{l:.1} m"))
            .unwrap_or_else(|| "no path".to_owned()),
    };
    let cost = o
        .cost
        .map(|c| format!(" · {c:.0} {currency}"))
        .unwrap_or_default();
    if o.feasible {
        format!("{what}{cost}")
    } else {
        format!("✕ {what}")
    }
}

/// A finding's severity as a word: `error`, `warning`, `note`.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests;
