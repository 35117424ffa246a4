//! The texts of the status bar: cursor position, drawing scale and what the floor holds.

use tailplan_core::{Floor, Point};

use crate::plan::view::View;

/// The cursor's position in metres: `x 12.35 m  y 4.10 m`.
pub fn cursor_text(p: Option<Point>) -> String {
    match p {
        Some(p) if p.is_finite() => format!("x {:.2} m   y {:.2} m", p.x, p.y),
        _ => "x –   y –".to_owned(),
    }
}

/// The drawing scale as "1:N" with N rounded to two significant figures (`1:200`, `1:1,500`).
pub fn scale_text(view: &View) -> String {
    format!(
        "1:{}",
        group_thousands(round_significant(view.scale_denominator(), 2))
    )
}

/// Metres per screen pixel, to a sensible precision: `0.053 m/px`, `1.2 m/px`.
pub fn resolution_text(view: &View) -> String {
    let m = view.metres_per_px();
    if m >= 10.0 {
        format!("{m:.0} m/px")
    } else if m >= 1.0 {
        format!("{m:.1} m/px")
    } else if m >= 0.01 {
        format!("{m:.3} m/px")
    } else {
        format!("{:.1} mm/px", m * 1000.0)
    }
}

fn round_significant(v: f64, digits: i32) -> u64 {
    if !v.is_finite() || v < 1.0 {
        return 1;
    }
    let magnitude = 10f64.powi(v.log10().floor() as i32 - digits + 1);
    ((v / magnitude).round() * magnitude).round() as u64
}

fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One count of the status bar: a number and what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// How many.
    pub n: usize,
    /// What, already in the right number: `walls`, `1 AP` has `AP`.
    pub what: &'static str,
}

/// The element counts of a floor worth showing (kinds with none left out), in trade order.
pub fn floor_counts(floor: &Floor) -> Vec<Count> {
    let kinds: [(usize, &str, &str); 10] = [
        (floor.walls.len(), "wall", "walls"),
        (floor.rooms.len(), "room", "rooms"),
        (floor.openings.len(), "opening", "openings"),
        (floor.access_points.len(), "AP", "APs"),
        (floor.gateways.len(), "gateway", "gateways"),
        (floor.devices.len(), "device", "devices"),
        (floor.outlets.len(), "outlet", "outlets"),
        (floor.trays.len(), "tray", "trays"),
        (floor.telecom_rooms.len(), "telecom room", "telecom rooms"),
        (floor.routes.len(), "cable route", "cable routes"),
    ];
    kinds
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| Count {
            n,
            what: if n == 1 { one } else { many },
        })
        .collect()
}

/// The counts as one line: `412 walls · 38 rooms · 24 APs`.
pub fn counts_text(counts: &[Count]) -> String {
    if counts.is_empty() {
        return "empty floor".to_owned();
    }
    counts
        .iter()
        .map(|c| format!("{} {}", c.n, c.what))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use tailplan_core::{Point, Props, Riser, Shape, Wall};

    use super::*;
    use crate::plan::view::CSS_PX_M;

    #[test]
    fn scale_reads_like_a_drawing_scale() {
        let at = |n: f64| View {
            scale: 1.0 / (n * CSS_PX_M),
            ..View::default()
        };
        assert_eq!(scale_text(&at(200.0)), "1:200");
        assert_eq!(scale_text(&at(187.3)), "1:190");
        assert_eq!(scale_text(&at(1523.0)), "1:1,500");
        assert_eq!(scale_text(&at(2_345_678.0)), "1:2,300,000");
        assert_eq!(scale_text(&at(0.2)), "1:1");
    }

    #[test]
    fn resolution_has_sensible_precision() {
        let at = |m_per_px: f64| View {
            scale: 1.0 / m_per_px,
            ..View::default()
        };
        assert_eq!(resolution_text(&at(0.0529)), "0.053 m/px");
        assert_eq!(resolution_text(&at(1.25)), "1.2 m/px");
        assert_eq!(resolution_text(&at(25.0)), "25 m/px");
        assert_eq!(resolution_text(&at(0.0005)), "0.5 mm/px");
    }

    #[test]
    fn cursor_in_metres() {
        assert_eq!(
            cursor_text(Some(Point::new(12.345, -4.1))),
            "x 12.35 m   y -4.10 m"
        );
        assert_eq!(cursor_text(None), "x –   y –");
        assert_eq!(cursor_text(Some(Point::new(f64::NAN, 0.0))), "x –   y –");
    }

    #[test]
    fn counts_skip_empty_kinds_and_agree_in_number() {
        let mut f = Floor::new("1", "L1", 0.0);
        assert_eq!(counts_text(&floor_counts(&f)), "empty floor");
        for i in 0..2 {
            f.walls.push(Wall {
                id: format!("w{i}"),
                shape: Shape::Line(vec![Point::new(0.0, 0.0), Point::new(1.0, 0.0)]),
                material: None,
                loss_db: None,
                thickness_m: 0.1,
                props: Props::new(),
            });
        }
        f.risers.push(Riser {
            id: "r".into(),
            name: "R".into(),
            position: Point::new(0.0, 0.0),
            props: Props::new(),
        });
        assert_eq!(counts_text(&floor_counts(&f)), "2 walls");
        f.access_points.push(tailplan_core::AccessPoint {
            id: "a".into(),
            name: "A".into(),
            position: Point::new(0.0, 0.0),
            model: None,
            radios: vec![tailplan_core::Radio::new(
                tailplan_core::WifiBand::Ghz5,
                20.0,
            )],
            height_m: 3.0,
            poe_w: None,
            eirp_offset_db: None,
            props: Props::new(),
        });
        assert_eq!(counts_text(&floor_counts(&f)), "2 walls · 1 AP");
    }
}
