//! Flattening DXF curves into points, and the 2D transforms of block references.

use tailplan_core::Point;

/// A 2D affine transform: x' = a·x + c·y + e, y' = b·x + d·y + f.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Affine {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub e: f64,
    pub f: f64,
}

impl Affine {
    pub const IDENTITY: Affine = Affine {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    pub fn translate(x: f64, y: f64) -> Self {
        Affine {
            e: x,
            f: y,
            ..Self::IDENTITY
        }
    }

    pub fn scale(sx: f64, sy: f64) -> Self {
        Affine {
            a: sx,
            d: sy,
            ..Self::IDENTITY
        }
    }

    pub fn rotate_deg(deg: f64) -> Self {
        let (s, c) = deg.to_radians().sin_cos();
        Affine {
            a: c,
            b: s,
            c: -s,
            d: c,
            e: 0.0,
            f: 0.0,
        }
    }

    /// `self ∘ other`: apply `other` first, then `self`.
    pub fn then_after(self, other: Affine) -> Affine {
        Affine {
            a: self.a * other.a + self.c * other.b,
            b: self.b * other.a + self.d * other.b,
            c: self.a * other.c + self.c * other.d,
            d: self.b * other.c + self.d * other.d,
            e: self.a * other.e + self.c * other.f + self.e,
            f: self.b * other.e + self.d * other.f + self.f,
        }
    }

    pub fn apply(&self, p: Point) -> Point {
        Point::new(
            self.a * p.x + self.c * p.y + self.e,
            self.b * p.x + self.d * p.y + self.f,
        )
    }

    /// The factor lengths are scaled by (the geometric mean of the axes).
    pub fn length_scale(&self) -> f64 {
        (self.a * self.d - self.b * self.c).abs().sqrt()
    }
}

/// Points along a circular arc from `start_deg` anticlockwise to `end_deg`, ends included,
/// with a step of at most 10°.
pub(crate) fn arc_points(centre: Point, r: f64, start_deg: f64, end_deg: f64) -> Vec<Point> {
    // The sweep anticlockwise from start to end, in (0, 360]; equal angles: a full circle.
    // (Not by adding 360 until positive: an angle of 1e300 would never get there.)
    let sweep = match end_deg - start_deg {
        d if d.is_nan() || d.is_infinite() => return Vec::new(),
        d if d > 0.0 => d.min(360.0),
        d => match d.rem_euclid(360.0) {
            s if s <= 0.0 => 360.0,
            s => s,
        },
    };
    let n = ((sweep / 10.0).ceil() as usize).max(2);
    (0..=n)
        .map(|i| {
            let a = (start_deg + sweep * i as f64 / n as f64).to_radians();
            Point::new(centre.x + r * a.cos(), centre.y + r * a.sin())
        })
        .collect()
}

/// The points of the arc a polyline's bulge draws from `a` to `b` (without `a`, with `b`).
/// A bulge is tan(θ/4), positive anticlockwise.
pub(crate) fn bulge_points(a: Point, b: Point, bulge: f64) -> Vec<Point> {
    if bulge.abs() < 1e-9 || a == b || !bulge.is_finite() {
        return vec![b];
    }
    let theta = 4.0 * bulge.atan();
    let chord = a.distance(b);
    let r = chord / (2.0 * (theta / 2.0).sin()).abs();
    // Centre: from the chord's midpoint, along its normal.
    let (mx, my) = ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    let (dx, dy) = ((b.x - a.x) / chord, (b.y - a.y) / chord);
    let h = r * (theta / 2.0).cos().abs();
    let side = if (theta.abs() < std::f64::consts::PI) == (bulge > 0.0) {
        1.0
    } else {
        -1.0
    };
    let c = Point::new(mx - dy * h * side, my + dx * h * side);
    let a0 = (a.y - c.y).atan2(a.x - c.x);
    let n = ((theta.abs().to_degrees() / 10.0).ceil() as usize).max(2);
    (1..=n)
        .map(|i| {
            let t = a0 + theta * i as f64 / n as f64;
            if i == n {
                b
            } else {
                Point::new(c.x + r * t.cos(), c.y + r * t.sin())
            }
        })
        .collect()
}

/// How many points [`bulge_points`] makes for this span, without making them.
pub(crate) fn bulge_point_count(a: Point, b: Point, bulge: f64) -> usize {
    if bulge.abs() < 1e-9 || a == b || !bulge.is_finite() {
        return 1;
    }
    let theta = 4.0 * bulge.atan();
    ((theta.abs().to_degrees() / 10.0).ceil() as usize).max(2)
}

/// Points along an ellipse: centre, major axis vector, minor/major ratio, parameters in
/// radians.
pub(crate) fn ellipse_points(c: Point, major: Point, ratio: f64, t0: f64, t1: f64) -> Vec<Point> {
    // As for arcs: the sweep in (0, 2π] without a loop that huge parameters never end.
    // (Capped at one turn: a parameter of 1e300 asked for 10^300 points.)
    let tau = std::f64::consts::TAU;
    let sweep = match t1 - t0 {
        d if d.is_nan() || d.is_infinite() => return Vec::new(),
        d if d > 0.0 => d.min(tau),
        d => match d.rem_euclid(tau) {
            s if s <= 0.0 => tau,
            s => s,
        },
    };
    let n = ((sweep.to_degrees() / 10.0).ceil() as usize).max(2);
    let minor = Point::new(-major.y * ratio, major.x * ratio);
    (0..=n)
        .map(|i| {
            let t = t0 + sweep * i as f64 / n as f64;
            let (s, co) = t.sin_cos();
            Point::new(
                c.x + major.x * co + minor.x * s,
                c.y + major.y * co + minor.y * s,
            )
        })
        .collect()
}

/// The highest spline degree evaluated as a curve.
const MAX_SPLINE_DEGREE: usize = 25;

/// Points along a (rational) B-spline by de Boor's algorithm, `per_span` per knot span.
pub(crate) fn spline_points(
    degree: usize,
    knots: &[f64],
    ctrl: &[Point],
    weights: &[f64],
) -> Vec<Point> {
    let n = ctrl.len();
    // A degree of at least the number of control points is no B-spline, and one above
    // MAX_SPLINE_DEGREE (CAD tools draw up to 11) would cost degree² per sample: the control
    // polygon stands for both.
    if n < 2 || degree == 0 || degree >= n || degree > MAX_SPLINE_DEGREE {
        return ctrl.to_vec();
    }
    if knots.len() != n + degree + 1 {
        return ctrl.to_vec();
    }
    let w = |i: usize| weights.get(i).copied().filter(|w| *w > 0.0).unwrap_or(1.0);
    let (lo, hi) = (knots[degree], knots[n]);
    if hi.is_nan() || lo.is_nan() || hi <= lo {
        return ctrl.to_vec();
    }
    let samples = (n * 8).clamp(16, 2000);
    let eval = |t: f64| -> Point {
        let mut k = degree;
        while k < n - 1 && t >= knots[k + 1] {
            k += 1;
        }
        // Homogeneous control points.
        let mut d: Vec<(f64, f64, f64)> = (0..=degree)
            .map(|j| {
                let i = k - degree + j;
                let wi = w(i);
                (ctrl[i].x * wi, ctrl[i].y * wi, wi)
            })
            .collect();
        for r in 1..=degree {
            for j in (r..=degree).rev() {
                let i = k - degree + j;
                let denom = knots[i + degree + 1 - r] - knots[i];
                let alpha = if denom == 0.0 {
                    0.0
                } else {
                    (t - knots[i]) / denom
                };
                d[j] = (
                    (1.0 - alpha) * d[j - 1].0 + alpha * d[j].0,
                    (1.0 - alpha) * d[j - 1].1 + alpha * d[j].1,
                    (1.0 - alpha) * d[j - 1].2 + alpha * d[j].2,
                );
            }
        }
        let (x, y, wt) = d[degree];
        Point::new(x / wt, y / wt)
    };
    (0..=samples)
        .map(|i| eval(lo + (hi - lo) * i as f64 / samples as f64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_circle_bulge_passes_through_the_apex() {
        let pts = bulge_points(Point::new(0.0, 0.0), Point::new(2.0, 0.0), 1.0);
        assert_eq!(*pts.last().unwrap(), Point::new(2.0, 0.0));
        // Bulge +1 turns anticlockwise from a to b: the arc bulges to the right of a→b (y<0).
        let min_y = pts.iter().map(|p| p.y).fold(f64::INFINITY, f64::min);
        assert!((min_y + 1.0).abs() < 0.01, "{pts:?}");
        for p in &pts {
            assert!((p.distance(Point::new(1.0, 0.0)) - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn huge_or_broken_angles_end() {
        // Found by fuzzing: an ARC starting at 1e300 degrees looped for ever.
        let pts = arc_points(Point::new(0.0, 0.0), 1.0, 1e300, 0.0);
        assert!(pts.len() >= 3 && pts.len() <= 38, "{}", pts.len());
        assert!(arc_points(Point::new(0.0, 0.0), 1.0, f64::NAN, 0.0).is_empty());
        assert!(arc_points(Point::new(0.0, 0.0), 1.0, 0.0, f64::INFINITY).is_empty());
        // Equal angles: a full circle, as before; a quarter stays a quarter.
        assert_eq!(arc_points(Point::new(0.0, 0.0), 1.0, 30.0, 30.0).len(), 37);
        assert_eq!(arc_points(Point::new(0.0, 0.0), 1.0, 0.0, 90.0).len(), 10);
        assert_eq!(arc_points(Point::new(0.0, 0.0), 1.0, 90.0, 0.0).len(), 28);
        let major = Point::new(2.0, 0.0);
        assert!(ellipse_points(Point::new(0.0, 0.0), major, 0.5, 1e300, 0.0).len() <= 38);
        assert!(ellipse_points(Point::new(0.0, 0.0), major, 0.5, 0.0, f64::NAN).is_empty());
        // And one ending at 1e300 radians asked for 10^300 points: one turn.
        assert!(ellipse_points(Point::new(0.0, 0.0), major, 0.5, 0.0, 1e300).len() <= 38);
    }

    #[test]
    fn splines_of_impossible_or_huge_degree_are_their_control_polygon() {
        let ctrl: Vec<Point> = (0..4).map(|i| Point::new(f64::from(i), 0.0)).collect();
        // Degree 20 with 4 control points (and the knot count that matches it).
        let knots = vec![0.0; 25];
        assert_eq!(spline_points(20, &knots, &ctrl, &[]), ctrl);
        let ctrl: Vec<Point> = (0..100).map(|i| Point::new(f64::from(i), 0.0)).collect();
        let knots: Vec<f64> = (0..100 + 60 + 1).map(f64::from).collect();
        assert_eq!(spline_points(60, &knots, &ctrl, &[]), ctrl);
    }

    #[test]
    fn a_clamped_quadratic_spline_keeps_its_ends() {
        let ctrl = [
            Point::new(0.0, 0.0),
            Point::new(1.0, 2.0),
            Point::new(2.0, 0.0),
        ];
        let pts = spline_points(2, &[0.0, 0.0, 0.0, 1.0, 1.0, 1.0], &ctrl, &[]);
        assert_eq!(pts[0], ctrl[0]);
        assert!(pts.last().unwrap().distance(ctrl[2]) < 1e-9);
        let mid = pts[pts.len() / 2];
        assert!((mid.y - 1.0).abs() < 1e-9 && (mid.x - 1.0).abs() < 1e-9);
    }

    #[test]
    fn transforms_compose_right_to_left() {
        let m = Affine::translate(10.0, 0.0).then_after(Affine::rotate_deg(90.0));
        let p = m.apply(Point::new(1.0, 0.0));
        assert!(p.distance(Point::new(10.0, 1.0)) < 1e-12);
        assert!((Affine::scale(2.0, 2.0).length_scale() - 2.0).abs() < 1e-12);
    }
}
