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
//! The result is one straight [`CleanWall`] per wall run, with a thickness when it came from
//! two faces, and [`CleanupStats`] saying how many drawn pieces were merged.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Point;

mod collinear;
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
}

impl Default for CleanupParams {
    fn default() -> Self {
        Self {
            max_thickness_m: 0.6,
            min_thickness_m: 0.02,
            snap_m: 0.01,
            angle_tolerance_deg: 2.0,
            min_length_m: 0.05,
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
    let mut stats = CleanupStats::default();
    let mut materials: Vec<String> = Vec::new();
    let mut segs = Vec::new();
    for piece in pieces {
        let m = match materials.iter().position(|m| *m == piece.material) {
            Some(i) => i,
            None => {
                materials.push(piece.material.clone());
                materials.len() - 1
            }
        };
        let n = piece.points.len();
        let closing = piece.closed && n > 2 && piece.points[0] != piece.points[n - 1];
        let ring_end = if closing { n } else { n.saturating_sub(1) };
        for i in 0..ring_end {
            let (a, b) = (piece.points[i], piece.points[(i + 1) % n]);
            if !(a.is_finite() && b.is_finite()) || a == b {
                continue;
            }
            stats.pieces_in += 1;
            segs.push(Seg::new(a, b, m, piece.priority));
        }
    }
    snap::snap_endpoints(&mut segs, params.snap_m);
    let before = segs.len();
    segs.retain(|s| s.len() >= params.min_length_m);
    stats.too_short += before - segs.len();

    let (segs, merged) = collinear::merge(segs, params);
    stats.collinear_merged += merged;
    let (centres, leftovers, pairs) = pairing::pair_faces(segs, params);
    stats.face_pairs += pairs;
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
    (walls, stats)
}
