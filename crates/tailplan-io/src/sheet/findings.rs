//! Design-rule findings on a floor: where each one is on the plan, its numbered marker, and
//! the list.
//!
//! A finding belongs to the floor of the element it concerns (the endpoint of a cable, a
//! tray, a telecom room, a riser, a hand route). Its marker sits at that element: for tray
//! fill, at the middle of the fullest tray section that breaks the rule. Findings on the same
//! element share one marker (`3–4`). Findings about nothing on a floor are listed on the
//! index sheet.

use std::collections::BTreeMap;

use tailplan_core::routing::{Finding, Routing, Rule};
use tailplan_core::{Element, Floor, Point, Project, Severity};

/// A floor's findings, numbered from 1, each with where to mark it.
pub(crate) struct FloorFindings<'a> {
    /// (number, finding, position on the floor).
    pub items: Vec<(usize, &'a Finding, Option<Point>)>,
}

/// The position of the element `id` on `floor`: a point element's position, a line's middle.
fn element_point(floor: &Floor, id: &str) -> Option<Point> {
    let e = floor.element(id)?;
    match &e {
        Element::TelecomRoom(t) => Some(t.position),
        Element::Room(r) => Some(r.polygon.centroid()),
        Element::Tray(t) => Some(middle(&t.points)),
        Element::Route(r) => r.points.first().copied(),
        _ => {
            let pts = e.points();
            (!pts.is_empty()).then(|| middle(&pts))
        }
    }
}

/// The point halfway along a polyline.
pub(crate) fn middle(points: &[Point]) -> Point {
    let total: f64 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = total / 2.0;
    for w in points.windows(2) {
        let d = w[0].distance(w[1]);
        if d >= left && d > 0.0 {
            return w[0].lerp(w[1], left / d);
        }
        left -= d;
    }
    points.first().copied().unwrap_or(Point::new(0.0, 0.0))
}

/// The findings of the floor at `index` of the project.
pub(crate) fn floor_findings<'a>(
    project: &Project,
    routing: &'a Routing,
    index: usize,
) -> FloorFindings<'a> {
    let floor = &project.floors[index];
    let mut items = Vec::new();
    for f in &routing.findings {
        if !floor.contains(&f.subject) {
            continue;
        }
        let mut at = element_point(floor, &f.subject);
        if matches!(f.rule, Rule::TrayFill | Rule::TrayCapacity) {
            let worst = routing
                .tray_fill
                .iter()
                .filter(|t| t.tray_id == f.subject && t.floor == floor.id)
                .max_by(|a, b| {
                    let key = |t: &tailplan_core::routing::TrayFill| {
                        t.fill.unwrap_or(0.0).max(
                            t.capacity
                                .map_or(0.0, |c| f64::from(t.cables) / f64::from(c.max(1))),
                        )
                    };
                    key(a).total_cmp(&key(b))
                });
            if let Some(t) = worst {
                at = Some(t.from.lerp(t.to, 0.5));
            }
        }
        items.push((items.len() + 1, f, at));
    }
    FloorFindings { items }
}

/// Findings that concern nothing on any floor.
pub(crate) fn project_findings<'a>(project: &Project, routing: &'a Routing) -> Vec<&'a Finding> {
    routing
        .findings
        .iter()
        .filter(|f| !project.floors.iter().any(|fl| fl.contains(&f.subject)))
        .collect()
}

/// One marker per element: its position, the numbers it stands for, and whether one of them
/// is an error.
pub(crate) struct Marker {
    /// Where on the floor.
    pub at: Point,
    /// The text: `3`, `3–4`, `3, 5`.
    pub text: String,
    /// True when one of its findings is an error.
    pub error: bool,
}

/// The markers of a floor's findings, in the order of their first number.
pub(crate) fn markers(ff: &FloorFindings<'_>) -> Vec<Marker> {
    struct Group {
        at: Point,
        nums: Vec<usize>,
        error: bool,
    }
    // By position (findings on one element share it), in the order of their first number.
    let mut groups: Vec<Group> = Vec::new();
    let mut index: BTreeMap<(u64, u64), usize> = BTreeMap::new();
    for &(n, f, at) in &ff.items {
        let Some(p) = at else { continue };
        let k = *index
            .entry((p.x.to_bits(), p.y.to_bits()))
            .or_insert_with(|| {
                groups.push(Group {
                    at: p,
                    nums: Vec::new(),
                    error: false,
                });
                groups.len() - 1
            });
        groups[k].nums.push(n);
        groups[k].error |= f.severity == Severity::Error;
    }
    groups
        .into_iter()
        .map(|g| Marker {
            at: g.at,
            text: numbers(&g.nums),
            error: g.error,
        })
        .collect()
}

/// `1`, `1–3`, `1, 4`, `1–2, 5`: runs of consecutive numbers collapsed.
pub(crate) fn numbers(nums: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < nums.len() {
        let mut j = i;
        while j + 1 < nums.len() && nums[j + 1] == nums[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}–{}", nums[i], nums[j])
        } else {
            nums[i].to_string()
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// The severity's word.
pub(crate) fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_runs() {
        assert_eq!(numbers(&[1]), "1");
        assert_eq!(numbers(&[1, 2, 3]), "1–3");
        assert_eq!(numbers(&[1, 2, 5, 7, 8]), "1–2, 5, 7–8");
    }

    #[test]
    fn halfway_along() {
        let p = middle(&[
            Point::new(0.0, 0.0),
            Point::new(4.0, 0.0),
            Point::new(4.0, 4.0),
        ]);
        assert_eq!(p, Point::new(4.0, 0.0));
    }
}
