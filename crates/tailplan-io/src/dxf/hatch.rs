//! HATCH boundaries, read by a raw pass over the group codes (the `dxf` crate does not read
//! HATCH). A hatch whose layer maps to walls outlines the walls it fills.

use tailplan_core::Point;

use super::geometry::{arc_points, bulge_points, ellipse_points};

/// One HATCH: the block it is defined in (`None` in the ENTITIES section), its layer, its
/// boundary loops (closed polylines) and the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hatch {
    pub block: Option<String>,
    pub layer: String,
    pub loops: Vec<Vec<Point>>,
    pub line: usize,
}

/// Every HATCH of a text DXF. Malformed hatches are skipped.
pub(crate) fn read_hatches(text: &str) -> Vec<Hatch> {
    let mut lines = text.lines();
    let mut pairs: Vec<(i32, &str, usize)> = Vec::new();
    let mut n = 0usize;
    while let (Some(code), Some(value)) = (lines.next(), lines.next()) {
        n += 2;
        let Ok(code) = code.trim().parse::<i32>() else {
            break;
        };
        pairs.push((code, value.trim(), n - 1));
    }
    let mut out = Vec::new();
    let mut section = "";
    let mut block: Option<String> = None;
    let mut i = 0;
    while i < pairs.len() {
        let (code, value, line) = pairs[i];
        if code == 0 {
            match value {
                "SECTION" => {
                    section = pairs.get(i + 1).map_or("", |p| p.1);
                }
                "BLOCK" => {
                    block = pairs[i + 1..]
                        .iter()
                        .take_while(|p| p.0 != 0)
                        .find(|p| p.0 == 2)
                        .map(|p| p.1.to_owned());
                }
                "ENDBLK" => block = None,
                "HATCH" if section == "ENTITIES" || section == "BLOCKS" => {
                    let end = pairs[i + 1..]
                        .iter()
                        .position(|p| p.0 == 0)
                        .map_or(pairs.len(), |k| i + 1 + k);
                    let body = &pairs[i + 1..end];
                    if let Some(loops) = boundary_loops(body) {
                        let layer = body.iter().find(|p| p.0 == 8).map_or("0", |p| p.1);
                        out.push(Hatch {
                            block: if section == "BLOCKS" {
                                block.clone()
                            } else {
                                None
                            },
                            layer: layer.to_owned(),
                            loops,
                            line: line - 1,
                        });
                    }
                    i = end;
                    continue;
                }
                _ => {}
            }
        }
        i += 1;
    }
    out
}

struct Cursor<'a> {
    pairs: &'a [(i32, &'a str, usize)],
    at: usize,
}

impl Cursor<'_> {
    /// The value of the next pair with `code`, skipping others.
    fn next(&mut self, code: i32) -> Option<f64> {
        while self.at < self.pairs.len() {
            let (c, v, _) = self.pairs[self.at];
            self.at += 1;
            if c == code {
                return v.parse().ok();
            }
        }
        None
    }

    /// The value of the next pair if it has `code`, without skipping.
    fn optional(&mut self, code: i32) -> Option<f64> {
        match self.pairs.get(self.at) {
            Some(&(c, v, _)) if c == code => {
                self.at += 1;
                v.parse().ok()
            }
            _ => None,
        }
    }

    fn point(&mut self, x: i32, y: i32) -> Option<Point> {
        Some(Point::new(self.next(x)?, self.next(y)?))
    }
}

fn boundary_loops(body: &[(i32, &str, usize)]) -> Option<Vec<Vec<Point>>> {
    let mut c = Cursor { pairs: body, at: 0 };
    let n_paths = c.next(91)? as usize;
    let mut loops = Vec::new();
    for _ in 0..n_paths.min(10_000) {
        let flags = c.next(92)? as i64;
        let mut pts: Vec<Point> = Vec::new();
        if flags & 2 != 0 {
            let has_bulge = c.next(72)? != 0.0;
            let _closed = c.next(73)?;
            let n = c.next(93)? as usize;
            let mut verts = Vec::with_capacity(n.min(100_000));
            for _ in 0..n.min(100_000) {
                let p = c.point(10, 20)?;
                let b = if has_bulge {
                    c.optional(42).unwrap_or(0.0)
                } else {
                    0.0
                };
                verts.push((p, b));
            }
            for k in 0..verts.len() {
                let (p, b) = verts[k];
                if k == 0 {
                    pts.push(p);
                }
                let q = verts[(k + 1) % verts.len()].0;
                pts.extend(bulge_points(p, q, b));
            }
        } else {
            let n = c.next(93)? as usize;
            for _ in 0..n.min(100_000) {
                match c.next(72)? as i64 {
                    1 => {
                        let (a, b) = (c.point(10, 20)?, c.point(11, 21)?);
                        if pts.last() != Some(&a) {
                            pts.push(a);
                        }
                        pts.push(b);
                    }
                    2 => {
                        let centre = c.point(10, 20)?;
                        let r = c.next(40)?;
                        let (s, e) = (c.next(50)?, c.next(51)?);
                        let ccw = c.next(73)? != 0.0;
                        let arc = if ccw {
                            arc_points(centre, r, s, e)
                        } else {
                            // Clockwise edges store the angles mirrored: 360 - angle.
                            let mut v = arc_points(centre, r, 360.0 - e, 360.0 - s);
                            v.reverse();
                            v
                        };
                        pts.extend(arc);
                    }
                    3 => {
                        let centre = c.point(10, 20)?;
                        let major = c.point(11, 21)?;
                        let ratio = c.next(40)?;
                        let (s, e) = (c.next(50)?.to_radians(), c.next(51)?.to_radians());
                        let _ccw = c.next(73)?;
                        pts.extend(ellipse_points(centre, major, ratio, s, e));
                    }
                    4 => {
                        // Spline edge: its control points stand in for the curve.
                        let _degree = c.next(94)?;
                        let n_knots = c.next(95)? as usize;
                        let n_ctrl = c.next(96)? as usize;
                        for _ in 0..n_knots.min(100_000) {
                            c.next(40)?;
                        }
                        for _ in 0..n_ctrl.min(100_000) {
                            pts.push(c.point(10, 20)?);
                        }
                    }
                    _ => return None,
                }
            }
        }
        if pts.len() >= 3 {
            loops.push(pts);
        }
    }
    Some(loops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polyline_and_edge_boundaries_are_read() {
        let text = "0\nSECTION\n2\nENTITIES\n0\nHATCH\n8\nA-WALL\n100\nAcDbHatch\n10\n0\n20\n0\n30\n0\n2\nSOLID\n70\n1\n71\n0\n91\n2\n\
92\n2\n72\n0\n73\n1\n93\n4\n10\n0\n20\n0\n10\n5\n20\n0\n10\n5\n20\n0.2\n10\n0\n20\n0.2\n97\n0\n\
92\n1\n93\n2\n72\n1\n10\n0\n20\n1\n11\n4\n21\n1\n72\n1\n10\n4\n20\n1\n11\n0\n21\n3\n97\n0\n\
75\n0\n76\n1\n98\n0\n0\nENDSEC\n0\nEOF\n";
        let h = read_hatches(text);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].layer, "A-WALL");
        assert_eq!(h[0].block, None);
        assert_eq!(h[0].loops.len(), 2);
        assert_eq!(h[0].loops[1].len(), 3);
        assert_eq!(h[0].loops[0].len(), 5);
    }
}
