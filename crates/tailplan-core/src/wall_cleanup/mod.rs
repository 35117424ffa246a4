//! Walls a radio model can use, from walls as CAD draws them.
//!
//! CAD draws a wall as its two faces, or as a closed thin outline, often in several pieces
//! and with the same line drawn twice (a face and a hatch boundary). Counted naively, a signal
//! crossing such a wall would pay its loss twice or more. [`clean_walls`] turns the drawn lines
//! into centreline walls, each crossed once:
//!
//! 1. every polyline and outline is split into straight pieces; pieces shorter than
//!    [`CleanupParams::min_length_m`] are dropped;
//! 2. endpoints closer than [`CleanupParams::snap_m`] are snapped together;
//! 3. collinear pieces that overlap or touch are merged (duplicates disappear): lines less
//!    than [`CleanupParams::min_thickness_m`] apart on average are one line drawn twice;
//!    pieces of different materials merge only where one lies along the other, so a
//!    partition continuing a concrete wall in line keeps its own material;
//! 4. parallel faces between [`CleanupParams::min_thickness_m`] and
//!    [`CleanupParams::max_thickness_m`] apart (0.6 m by default), measured where they
//!    overlap, are paired, nearest first, into one centreline with that thickness; a face
//!    split by door openings pairs piece by piece with the other face, so openings stay open;
//! 5. collinear centrelines are merged again; face remnants lying inside a centreline's band
//!    and the short end caps of outlines are dropped;
//! 6. centreline ends are extended to meet the wall they butt against (L and T junctions), so
//!    no gap is left at corners.
//!
//! Walls painted as fills ([`WallFill`]: SVG fills, DXF SOLIDs and HATCHes, given to
//! [`clean_walls_with_fills`]) are read as one painted area whose own faces pair into
//! centrelines, and the lines drawn along or inside the paint are left out (see [`fills`]
//! for the rules), before the steps above run on the other lines.
//!
//! The result is one straight [`CleanWall`] per wall run, with a thickness when it came from
//! two faces, and [`CleanupStats`] saying how many drawn pieces were merged.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Point;

mod collinear;
pub mod fills;
mod junctions;
mod pairing;
mod seg;
mod snap;

#[cfg(test)]
mod tests;

use seg::Seg;

/// A wall as drawn: a polyline or a closed outline, with the material of its layer.
#[derive(Debug, Clone, PartialEq)]
pub struct WallPiece {
    /// The drawn points, in metres.
    pub points: Vec<Point>,
    /// True when the last point joins the first.
    pub closed: bool,
    /// The material name.
    pub material: String,
    /// When pieces of different materials merge, the higher priority's material wins (an
    /// explicit wall layer over a wall derived from a room outline).
    pub priority: u8,
}

/// A filled wall shape as drawn (poché): an SVG path's fill, a DXF SOLID or HATCH, with the
/// material of its layer. Its rings paint even-odd (a hatch's inner boundaries are holes);
/// shapes paint over each other (their union is painted).
#[derive(Debug, Clone, PartialEq)]
pub struct WallFill {
    /// The rings' points, in metres (the last need not repeat the first).
    pub rings: Vec<Vec<Point>>,
    /// The material name.
    pub material: String,
    /// As [`WallPiece::priority`].
    pub priority: u8,
}

/// What [`clean_walls_with_fills`] made of the fills, for the import report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FillStats {
    /// Fill rings read.
    pub rings: usize,
    /// Stretches of ring edges with paint on both sides (seams of triangles, fills side by
    /// side): not faces.
    pub seams: usize,
    /// Centrelines made from two faces of the paint.
    pub centrelines: usize,
    /// Stretches of drawn lines lying in the paint or along its edge, left out.
    pub lines_covered: usize,
}

/// The tolerances of [`clean_walls`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CleanupParams {
    /// Faces further apart than this are two walls, metres.
    pub max_thickness_m: f64,
    /// Faces closer than this (on average) are the same line drawn twice, metres.
    pub min_thickness_m: f64,
    /// Endpoints closer than this are the same point, metres.
    pub snap_m: f64,
    /// Lines within this angle are parallel, degrees.
    pub angle_tolerance_deg: f64,
    /// Pieces shorter than this are dropped, metres.
    pub min_length_m: f64,
    /// The faces of a fill further apart than this are not one wall, metres (a fill says
    /// where the wall is, so this is wider than [`CleanupParams::max_thickness_m`]).
    #[serde(default = "default_max_fill_thickness_m")]
    pub max_fill_thickness_m: f64,
}

fn default_max_fill_thickness_m() -> f64 {
    1.2
}

impl Default for CleanupParams {
    fn default() -> Self {
        Self {
            max_thickness_m: 0.6,
            min_thickness_m: 0.02,
            snap_m: 0.01,
            angle_tolerance_deg: 2.0,
            min_length_m: 0.05,
            max_fill_thickness_m: default_max_fill_thickness_m(),
        }
    }
}

/// One wall after clean-up: a straight centreline.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanWall {
    /// One end.
    pub a: Point,
    /// The other end.
    pub b: Point,
    /// The distance between its two faces, when it was drawn with two.
    pub thickness_m: Option<f64>,
    /// The material name.
    pub material: String,
}

/// What [`clean_walls`] did, for the import report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CleanupStats {
    /// Straight pieces drawn (polylines split at their vertices).
    pub pieces_in: usize,
    /// Walls made.
    pub walls_out: usize,
    /// Pieces that were the same line drawn again, or collinear continuations, merged away.
    pub collinear_merged: usize,
    /// Centrelines made from a pair of faces.
    pub face_pairs: usize,
    /// Face remnants and outline end caps dropped because a centreline stands for them.
    pub caps_dropped: usize,
    /// Pieces shorter than the minimum length, dropped.
    pub too_short: usize,
    /// Wall ends extended to meet another wall.
    pub ends_joined: usize,
}

impl CleanupStats {
    /// How many drawn pieces no longer stand as walls of their own: `pieces_in - walls_out`.
    pub fn merged(&self) -> usize {
        self.pieces_in.saturating_sub(self.walls_out)
    }
}

impl std::fmt::Display for CleanupStats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} drawn pieces -> {} walls ({} merged: {} face pairs made centrelines, {} collinear or duplicate pieces merged, {} caps and remnants dropped, {} too short; {} ends joined)",
            self.pieces_in,
            self.walls_out,
            self.merged(),
            self.face_pairs,
            self.collinear_merged,
            self.caps_dropped,
            self.too_short,
            self.ends_joined
        )
    }
}

/// Turns drawn wall lines into centreline walls; see the module documentation.
///
/// ```
/// use tailplan_core::Point;
/// use tailplan_core::wall_cleanup::{clean_walls, CleanupParams, WallPiece};
///
/// // A 5 m wall drawn as its two faces, 0.2 m apart.
/// let face = |y: f64| WallPiece {
///     points: vec![Point::new(0.0, y), Point::new(5.0, y)],
///     closed: false,
///     material: "concrete".into(),
///     priority: 1,
/// };
/// let (walls, stats) = clean_walls(&[face(0.0), face(0.2)], &CleanupParams::default());
/// assert_eq!(walls.len(), 1);
/// assert_eq!(walls[0].thickness_m, Some(0.2));
/// assert!((walls[0].a.y - 0.1).abs() < 1e-9);
/// assert_eq!((stats.face_pairs, stats.merged()), (1, 1));
/// ```
pub fn clean_walls(pieces: &[WallPiece], params: &CleanupParams) -> (Vec<CleanWall>, CleanupStats) {
    let (walls, stats, _) = clean_walls_with_fills(pieces, &[], params);
    (walls, stats)
}

/// [`clean_walls`] for a drawing that also paints walls as fills: the fills' own faces pair
/// into centrelines, and the drawn lines lying in the paint or along its edge are left out
/// (see [`fills`]). The fills' ring edges count as drawn pieces, their centrelines as face
/// pairs and the lines left out as remnants dropped.
///
/// ```
/// use tailplan_core::Point;
/// use tailplan_core::wall_cleanup::{clean_walls_with_fills, CleanupParams, WallFill, WallPiece};
///
/// // A 4 m x 0.3 m wall painted as two triangles, with its outline also stroked.
/// let (a, b, c, d) = (
///     Point::new(0.0, 0.0),
///     Point::new(4.0, 0.0),
///     Point::new(4.0, 0.3),
///     Point::new(0.0, 0.3),
/// );
/// let fill = |ring: Vec<Point>| WallFill { rings: vec![ring], material: "concrete".into(), priority: 2 };
/// let outline = WallPiece { points: vec![a, b, c, d], closed: true, material: "concrete".into(), priority: 2 };
/// let (walls, _, fills) = clean_walls_with_fills(
///     &[outline],
///     &[fill(vec![a, b, c]), fill(vec![a, c, d])],
///     &CleanupParams::default(),
/// );
/// assert_eq!(walls.len(), 1);
/// assert_eq!(walls[0].thickness_m, Some(0.3));
/// assert!((walls[0].a.y - 0.15).abs() < 1e-9);
/// assert_eq!((fills.centrelines, fills.seams), (1, 2));
/// ```
pub fn clean_walls_with_fills(
    pieces: &[WallPiece],
    fills: &[WallFill],
    params: &CleanupParams,
) -> (Vec<CleanWall>, CleanupStats, FillStats) {
    let mut stats = CleanupStats::default();
    let mut fill_stats = FillStats::default();
    let mut materials: Vec<String> = Vec::new();
    let mut material = |name: &str| match materials.iter().position(|m| m == name) {
        Some(i) => i,
        None => {
            materials.push(name.to_owned());
            materials.len() - 1
        }
    };
    let index = fills::FillIndex::new(
        fills
            .iter()
            .map(|f| (f.rings.clone(), material(&f.material), f.priority))
            .collect(),
        params.min_thickness_m,
    );
    let mut segs = Vec::new();
    for piece in pieces {
        let m = material(&piece.material);
        let n = piece.points.len();
        let closing = piece.closed && n > 2 && piece.points[0] != piece.points[n - 1];
        let ring_end = if closing { n } else { n.saturating_sub(1) };
        for i in 0..ring_end {
            let (a, b) = (piece.points[i], piece.points[(i + 1) % n]);
            if !(a.is_finite() && b.is_finite()) || a == b {
                continue;
            }
            stats.pieces_in += 1;
            if index.is_empty() {
                segs.push(Seg::new(a, b, m, piece.priority));
                continue;
            }
            let parts = fills::uncovered(&index, a, b);
            if parts.len() != 1 || parts[0] != (a, b) {
                fill_stats.lines_covered += 1;
                stats.caps_dropped += 1;
            }
            for (p, q) in parts {
                if p.distance(q) >= params.snap_m.max(1e-6) {
                    segs.push(Seg::new(p, q, m, piece.priority));
                }
            }
        }
    }
    let (fill_centres, fill_leftovers) = if index.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        fill_stats.rings = index.ring_count();
        stats.pieces_in += fills
            .iter()
            .flat_map(|f| &f.rings)
            .map(Vec::len)
            .sum::<usize>();
        let (faces, seams) = fills::faces(&index, params);
        fill_stats.seams = seams;
        let (faces, merged) = fills::merge_faces(faces, params);
        stats.collinear_merged += merged;
        let (centres, leftovers, pairs) = fills::pair(faces, &index, params);
        fill_stats.centrelines = pairs;
        stats.face_pairs += pairs;
        (centres, leftovers)
    };
    snap::snap_endpoints(&mut segs, params.snap_m);
    let before = segs.len();
    segs.retain(|s| s.len() >= params.min_length_m);
    stats.too_short += before - segs.len();

    let (segs, merged) = collinear::merge(segs, params);
    stats.collinear_merged += merged;
    let (mut centres, mut leftovers, pairs) = pairing::pair_faces(segs, params);
    stats.face_pairs += pairs;
    centres.extend(fill_centres);
    leftovers.extend(fill_leftovers);
    let (centres, merged) = collinear::merge(centres, params);
    stats.collinear_merged += merged;
    let (leftovers, merged) = collinear::merge(leftovers, params);
    stats.collinear_merged += merged;
    let mut centres = centres;
    stats.ends_joined = junctions::join_ends(&mut centres, params);
    let (leftovers, dropped) = pairing::drop_caps(&centres, leftovers, params);
    stats.caps_dropped += dropped;

    let mut all = centres;
    all.extend(leftovers);
    stats.ends_joined += junctions::join_ends(&mut all, params);

    let walls: Vec<CleanWall> = all
        .into_iter()
        .map(|s| CleanWall {
            a: s.a,
            b: s.b,
            thickness_m: s.thickness.map(|t| (t * 1000.0).round() / 1000.0),
            material: materials[s.material].clone(),
        })
        .collect();
    stats.walls_out = walls.len();
    (walls, stats, fill_stats)
}
