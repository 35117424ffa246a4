use proptest::prelude::*;

use super::*;
use crate::geometry::Segment;

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

fn line(points: &[(f64, f64)]) -> WallPiece {
    WallPiece {
        points: points.iter().map(|&(x, y)| p(x, y)).collect(),
        closed: false,
        material: "drywall".into(),
        priority: 1,
    }
}

fn ring(points: &[(f64, f64)]) -> WallPiece {
    WallPiece {
        closed: true,
        ..line(points)
    }
}

fn clean(pieces: &[WallPiece]) -> (Vec<CleanWall>, CleanupStats) {
    clean_walls(pieces, &CleanupParams::default())
}

/// How many walls the segment a-b crosses.
fn crossings(walls: &[CleanWall], a: Point, b: Point) -> usize {
    let s = Segment::new(a, b);
    walls
        .iter()
        .filter(|w| Segment::new(w.a, w.b).intersects(&s))
        .count()
}

#[test]
fn two_faces_become_one_centreline() {
    let (walls, stats) = clean(&[
        line(&[(0.0, 0.0), (6.0, 0.0)]),
        line(&[(0.0, 0.15), (6.0, 0.15)]),
    ]);
    assert_eq!(walls.len(), 1, "{walls:?}");
    assert_eq!(walls[0].thickness_m, Some(0.15));
    assert_eq!(crossings(&walls, p(3.0, -1.0), p(3.0, 1.0)), 1);
    assert_eq!(stats.face_pairs, 1);
    assert_eq!(stats.merged(), 1);
}

#[test]
fn a_face_split_by_a_door_pairs_piece_by_piece() {
    // The outer face runs through; the inner face stops at a 0.9 m door.
    let (walls, _) = clean(&[
        line(&[(0.0, 0.0), (4.0, 0.0)]),
        line(&[(4.9, 0.0), (10.0, 0.0)]),
        line(&[(0.0, 0.2), (4.0, 0.2)]),
        line(&[(4.9, 0.2), (10.0, 0.2)]),
    ]);
    assert_eq!(walls.len(), 2, "{walls:?}");
    assert_eq!(
        crossings(&walls, p(4.45, -1.0), p(4.45, 1.0)),
        0,
        "the door stays open"
    );
    assert_eq!(crossings(&walls, p(2.0, -1.0), p(2.0, 1.0)), 1);
    assert_eq!(crossings(&walls, p(7.0, -1.0), p(7.0, 1.0)), 1);
}

#[test]
fn a_closed_thin_outline_becomes_one_wall_without_caps() {
    let (walls, stats) = clean(&[ring(&[(0.0, 0.0), (5.0, 0.0), (5.0, 0.12), (0.0, 0.12)])]);
    assert_eq!(walls.len(), 1, "{walls:?}");
    assert_eq!(walls[0].thickness_m, Some(0.12));
    assert_eq!(stats.caps_dropped, 2);
    assert_eq!(stats.merged(), 3);
}

#[test]
fn duplicates_and_collinear_pieces_merge() {
    let (walls, stats) = clean(&[
        line(&[(0.0, 0.0), (3.0, 0.0)]),
        line(&[(3.0, 0.0), (0.0, 0.0)]),
        line(&[(2.0, 0.0), (6.0, 0.0)]),
        line(&[(6.0, 0.0), (8.0, 0.0)]),
    ]);
    assert_eq!(walls.len(), 1, "{walls:?}");
    let len = walls[0].a.distance(walls[0].b);
    assert!((len - 8.0).abs() < 1e-9);
    assert_eq!(stats.collinear_merged, 3);
    assert_eq!(walls[0].thickness_m, None);
}

#[test]
fn near_coincident_endpoints_snap() {
    let (walls, _) = clean(&[
        line(&[(0.0, 0.0), (4.0, 0.0)]),
        line(&[(4.004, 0.003), (4.0, 3.0)]),
    ]);
    assert_eq!(walls.len(), 2);
    assert!(
        walls
            .iter()
            .any(|w| w.a == p(4.0, 0.0) || w.b == p(4.0, 0.0))
    );
    assert!(
        walls
            .iter()
            .all(|w| w.a != p(4.004, 0.003) && w.b != p(4.004, 0.003))
    );
}

#[test]
fn an_l_corner_of_two_face_walls_closes() {
    // Outer faces along y=0 and x=5, inner faces 0.2 inside.
    let (walls, stats) = clean(&[
        line(&[(0.0, 0.0), (5.0, 0.0), (5.0, 5.0)]),
        line(&[(0.0, 0.2), (4.8, 0.2), (4.8, 5.0)]),
    ]);
    assert_eq!(walls.len(), 2, "{walls:?}");
    assert_eq!(stats.ends_joined, 2);
    // The corner is closed: a ray through it from outside meets a wall.
    assert!(crossings(&walls, p(5.5, -0.5), p(4.7, 0.3)) >= 1);
    assert!(
        walls
            .iter()
            .all(|w| w.a.distance(p(4.9, 0.1)) < 1e-9 || w.b.distance(p(4.9, 0.1)) < 1e-9)
    );
    // No wall is crossed twice across the straight part.
    assert_eq!(crossings(&walls, p(2.0, -1.0), p(2.0, 1.0)), 1);
    assert_eq!(crossings(&walls, p(4.0, 3.0), p(6.0, 3.0)), 1);
}

#[test]
fn walls_further_apart_than_the_limit_stay_two() {
    let (walls, stats) = clean(&[
        line(&[(0.0, 0.0), (6.0, 0.0)]),
        line(&[(0.0, 1.2), (6.0, 1.2)]),
    ]);
    assert_eq!(walls.len(), 2);
    assert_eq!(stats.face_pairs, 0);
}

#[test]
fn the_higher_priority_material_wins_a_merge() {
    let mut facade = line(&[(0.0, 0.0), (10.0, 0.0)]);
    facade.material = "concrete".into();
    facade.priority = 2;
    let (walls, _) = clean(&[line(&[(2.0, 0.0), (5.0, 0.0)]), facade]);
    assert_eq!(walls.len(), 1);
    assert_eq!(walls[0].material, "concrete");
}

/// A wall drawn as two faces, at any angle and position, as a rectangle outline or as two lines.
#[test]
fn a_partition_continuing_a_concrete_wall_in_line_keeps_its_material() {
    // A 200 mm concrete wall from x 0 to 4, and a 100 mm drywall partition continuing it to
    // x 5 with its lower face in line with the concrete's.
    let concrete = |points: &[(f64, f64)]| WallPiece {
        material: "concrete".into(),
        priority: 2,
        ..line(points)
    };
    let drywall = |points: &[(f64, f64)]| WallPiece {
        priority: 2,
        ..line(points)
    };
    let (walls, _) = clean(&[
        concrete(&[(0.0, 0.0), (4.0, 0.0)]),
        concrete(&[(0.0, 0.2), (4.0, 0.2)]),
        drywall(&[(4.0, 0.0), (5.0, 0.0)]),
        drywall(&[(4.0, 0.1), (5.0, 0.1)]),
    ]);
    let at = |x: f64| {
        walls
            .iter()
            .find(|w| Segment::new(w.a, w.b).intersects(&Segment::new(p(x, -0.5), p(x, 0.5))))
            .map(|w| (w.material.as_str(), w.thickness_m))
    };
    assert_eq!(at(2.0), Some(("concrete", Some(0.2))));
    assert_eq!(at(4.5), Some(("drywall", Some(0.1))));
}

#[test]
fn edges_a_few_centimetres_apart_are_one_line() {
    // Two rooms' edges sharing one corner and 15 mm apart at the other (no dead zone between
    // "the same line" and "two faces"), and two crossing at a tiny angle.
    let (walls, stats) = clean(&[
        line(&[(0.0, 0.0), (3.0, 0.0)]),
        line(&[(0.0, 0.0), (3.0, 0.015)]),
    ]);
    assert_eq!((walls.len(), stats.collinear_merged), (1, 1), "{walls:?}");
    let (walls, _) = clean(&[
        line(&[(0.0, -0.01), (3.0, 0.01)]),
        line(&[(0.0, 0.012), (3.0, -0.012)]),
    ]);
    assert_eq!(walls.len(), 1, "{walls:?}");
}

#[test]
fn a_face_running_on_beyond_its_partner_still_pairs_with_it() {
    // A building's outline 42 m long, 0.13 m outside a room's 19.2 m edge at one end and
    // converging on its line far beyond the room: over the room they are one wall.
    let mut outline = line(&[(0.0, 0.13), (42.0, 0.0)]);
    outline.material = "concrete".into();
    outline.priority = 2;
    let (walls, stats) = clean(&[line(&[(0.0, 0.0), (19.2, 0.0)]), outline]);
    assert_eq!(stats.face_pairs, 1, "{walls:?}");
    for x in [2.0, 10.0, 18.0, 30.0] {
        assert_eq!(
            crossings(&walls, p(x, -0.5), p(x, 0.6)),
            1,
            "at x = {x}: {walls:?}"
        );
    }
    assert!(walls.iter().all(|w| w.material == "concrete"));
}

fn two_face_wall() -> impl Strategy<Value = (Vec<WallPiece>, Point, Point, f64, f64)> {
    (
        -50.0f64..50.0,
        -50.0f64..50.0,
        0.0f64..std::f64::consts::PI,
        1.0f64..20.0,
        0.05f64..0.5,
        any::<bool>(),
    )
        .prop_map(|(x, y, angle, len, thick, outline)| {
            let (c, s) = (angle.cos(), angle.sin());
            let at = |t: f64, o: f64| p(x + c * t - s * o, y + s * t + c * o);
            let pieces = if outline {
                vec![ring(&[
                    (at(0.0, 0.0).x, at(0.0, 0.0).y),
                    (at(len, 0.0).x, at(len, 0.0).y),
                    (at(len, thick).x, at(len, thick).y),
                    (at(0.0, thick).x, at(0.0, thick).y),
                ])]
            } else {
                vec![
                    line(&[
                        (at(0.0, 0.0).x, at(0.0, 0.0).y),
                        (at(len, 0.0).x, at(len, 0.0).y),
                    ]),
                    line(&[
                        (at(len, thick).x, at(len, thick).y),
                        (at(0.0, thick).x, at(0.0, thick).y),
                    ]),
                ]
            };
            // A crossing line through the middle, well past both faces.
            let (a, b) = (at(len / 2.0, -1.0), at(len / 2.0, thick + 1.0));
            (pieces, a, b, thick, len)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A straight line across a two-face wall crosses exactly one wall, of its thickness.
    #[test]
    fn a_line_across_a_two_face_wall_crosses_one_wall((pieces, a, b, thick, len) in two_face_wall()) {
        let (walls, _) = clean(&pieces);
        prop_assert_eq!(crossings(&walls, a, b), 1, "{:?}", walls);
        prop_assert_eq!(walls.len(), 1);
        let t = walls[0].thickness_m.unwrap();
        prop_assert!((t - thick).abs() < 0.002, "{} vs {}", t, thick);
        let l = walls[0].a.distance(walls[0].b);
        prop_assert!((l - len).abs() < 0.01 + thick, "{} vs {}", l, len);
    }

    /// Single-line walls far enough apart come out as they went in: every wall kept, none
    /// moved.
    #[test]
    fn separate_single_line_walls_are_all_kept(
        walls in prop::collection::vec((0i32..20, 0i32..20, 1i32..8, any::<bool>()), 1..12)
    ) {
        // Walls on a 3 m grid, horizontal or vertical, deduplicated: none overlaps another.
        let mut seen = std::collections::HashSet::new();
        let pieces: Vec<WallPiece> = walls
            .into_iter()
            .filter(|&(x, y, _, v)| seen.insert((x, y, v)))
            .map(|(x, y, n, vertical)| {
                let (x0, y0) = (f64::from(x) * 3.0, f64::from(y) * 3.0);
                let l = f64::from(n) * 0.3 + 0.5;
                if vertical {
                    line(&[(x0 + 1.0, y0), (x0 + 1.0, y0 + l)])
                } else {
                    line(&[(x0, y0 + 1.5), (x0 + l, y0 + 1.5)])
                }
            })
            .collect();
        let (out, stats) = clean(&pieces);
        prop_assert_eq!(out.len(), pieces.len());
        prop_assert_eq!(stats.merged(), 0);
        for piece in &pieces {
            let (a, b) = (piece.points[0], piece.points[1]);
            prop_assert!(out.iter().any(|w| (w.a == a && w.b == b) || (w.a == b && w.b == a)));
        }
    }
}
