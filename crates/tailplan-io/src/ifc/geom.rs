//! The 3-D geometry IFC places things with: points, directions and rigid transforms
//! (`IfcAxis2Placement3D`, `IfcAxis2Placement2D`, `IfcCartesianTransformationOperator`),
//! composed along the `IfcLocalPlacement` chain.

/// A point or vector in 3-D.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct V3 {
    /// x.
    pub x: f64,
    /// y.
    pub y: f64,
    /// z.
    pub z: f64,
}

impl V3 {
    /// The point `(x, y, z)`.
    pub const fn new(x: f64, y: f64, z: f64) -> Self {
        Self { x, y, z }
    }

    /// From one to three coordinates (missing ones are 0).
    pub fn of(c: &[f64]) -> Self {
        let at = |i: usize| c.get(i).copied().unwrap_or(0.0);
        Self::new(at(0), at(1), at(2))
    }

    fn dot(self, o: V3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }

    fn cross(self, o: V3) -> V3 {
        V3::new(
            self.y * o.z - self.z * o.y,
            self.z * o.x - self.x * o.z,
            self.x * o.y - self.y * o.x,
        )
    }

    fn scale(self, k: f64) -> V3 {
        V3::new(self.x * k, self.y * k, self.z * k)
    }

    fn sub(self, o: V3) -> V3 {
        V3::new(self.x - o.x, self.y - o.y, self.z - o.z)
    }

    fn add(self, o: V3) -> V3 {
        V3::new(self.x + o.x, self.y + o.y, self.z + o.z)
    }

    fn length(self) -> f64 {
        self.dot(self).sqrt()
    }

    /// The unit vector, or `None` for a zero or non-finite one.
    pub fn unit(self) -> Option<V3> {
        let l = self.length();
        (l.is_finite() && l > 1e-12).then(|| self.scale(1.0 / l))
    }

    /// True when every coordinate is finite.
    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite() && self.z.is_finite()
    }
}

/// An affine transform: `p ↦ o + x·p.x + y·p.y + z·p.z` (columns `x`, `y`, `z`, origin `o`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// The image of the x axis.
    pub x: V3,
    /// The image of the y axis.
    pub y: V3,
    /// The image of the z axis.
    pub z: V3,
    /// The image of the origin.
    pub o: V3,
}

impl Default for Transform {
    fn default() -> Self {
        Self::IDENTITY
    }
}

impl Transform {
    /// Nothing moved.
    pub const IDENTITY: Transform = Transform {
        x: V3::new(1.0, 0.0, 0.0),
        y: V3::new(0.0, 1.0, 0.0),
        z: V3::new(0.0, 0.0, 1.0),
        o: V3::new(0.0, 0.0, 0.0),
    };

    /// An `IfcAxis2Placement3D`: its location, its z axis (`Axis`, default +z) and the
    /// direction its x axis is taken from (`RefDirection`, default +x), made orthonormal as
    /// the schema says (x is the ref direction's part perpendicular to z).
    pub fn placement_3d(location: V3, axis: Option<V3>, ref_direction: Option<V3>) -> Self {
        let z = axis.and_then(V3::unit).unwrap_or(V3::new(0.0, 0.0, 1.0));
        let mut r = ref_direction
            .and_then(V3::unit)
            .unwrap_or(V3::new(1.0, 0.0, 0.0));
        if r.cross(z).length() < 1e-9 {
            // Parallel to z: any perpendicular will do, as the schema's default does.
            r = if z.x.abs() < 0.9 {
                V3::new(1.0, 0.0, 0.0)
            } else {
                V3::new(0.0, 1.0, 0.0)
            };
        }
        let x = r
            .sub(z.scale(r.dot(z)))
            .unit()
            .unwrap_or(V3::new(1.0, 0.0, 0.0));
        let y = z.cross(x);
        Self {
            x,
            y,
            z,
            o: location,
        }
    }

    /// An `IfcAxis2Placement2D`: its location and x direction, in the xy plane.
    pub fn placement_2d(location: V3, ref_direction: Option<V3>) -> Self {
        let x = ref_direction
            .map(|d| V3::new(d.x, d.y, 0.0))
            .and_then(V3::unit)
            .unwrap_or(V3::new(1.0, 0.0, 0.0));
        Self {
            x,
            y: V3::new(-x.y, x.x, 0.0),
            z: V3::new(0.0, 0.0, 1.0),
            o: V3::new(location.x, location.y, 0.0),
        }
    }

    /// An `IfcCartesianTransformationOperator3D`: axes as given (defaults as the schema's
    /// derived attributes), uniformly scaled.
    pub fn operator_3d(
        axis1: Option<V3>,
        axis2: Option<V3>,
        axis3: Option<V3>,
        origin: V3,
        scale: f64,
    ) -> Self {
        let z = axis3.and_then(V3::unit).unwrap_or(V3::new(0.0, 0.0, 1.0));
        let base = Self::placement_3d(origin, Some(z), axis1);
        let y = axis2
            .and_then(V3::unit)
            .filter(|y| y.dot(base.x).abs() < 1e-6)
            .unwrap_or(base.y);
        let s = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        Self {
            x: base.x.scale(s),
            y: y.scale(s),
            z: base.z.scale(s),
            o: origin,
        }
    }

    /// Where `p` lands.
    pub fn apply(&self, p: V3) -> V3 {
        self.o
            .add(self.x.scale(p.x))
            .add(self.y.scale(p.y))
            .add(self.z.scale(p.z))
    }

    /// Where a vector goes (no translation).
    pub fn apply_vector(&self, v: V3) -> V3 {
        self.x
            .scale(v.x)
            .add(self.y.scale(v.y))
            .add(self.z.scale(v.z))
    }

    /// `self` after `inner`: first `inner`, then `self` (an element's placement inside its
    /// parent's: `parent.then(child)`).
    pub fn then(&self, inner: &Transform) -> Transform {
        Transform {
            x: self.apply_vector(inner.x),
            y: self.apply_vector(inner.y),
            z: self.apply_vector(inner.z),
            o: self.apply(inner.o),
        }
    }

    /// True when every number is finite.
    pub fn is_finite(&self) -> bool {
        self.x.is_finite() && self.y.is_finite() && self.z.is_finite() && self.o.is_finite()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: V3, b: V3) -> bool {
        a.sub(b).length() < 1e-9
    }

    #[test]
    fn placements_compose_parent_first() {
        // A building turned 90° about z and moved by (10, 5); a wall 2 m along its x.
        let building =
            Transform::placement_3d(V3::new(10.0, 5.0, 0.0), None, Some(V3::new(0.0, 1.0, 0.0)));
        let wall = Transform::placement_3d(V3::new(2.0, 0.0, 3.0), None, None);
        let world = building.then(&wall);
        assert!(close(
            world.apply(V3::new(0.0, 0.0, 0.0)),
            V3::new(10.0, 7.0, 3.0)
        ));
        assert!(close(
            world.apply(V3::new(1.0, 0.0, 0.0)),
            V3::new(10.0, 8.0, 3.0)
        ));
    }

    #[test]
    fn a_downward_axis_keeps_a_right_handed_frame() {
        // As Revit places space profiles: z down, x towards −x; then y stays +y.
        let t = Transform::placement_3d(
            V3::new(0.0, 0.0, 0.0),
            Some(V3::new(0.0, 0.0, -1.0)),
            Some(V3::new(-1.0, 0.0, 0.0)),
        );
        assert!(close(t.y, V3::new(0.0, 1.0, 0.0)));
        assert!(close(
            t.apply(V3::new(2.0, 3.0, 0.0)),
            V3::new(-2.0, 3.0, 0.0)
        ));
    }

    #[test]
    fn degenerate_directions_fall_back() {
        let t = Transform::placement_3d(
            V3::new(0.0, 0.0, 0.0),
            Some(V3::new(0.0, 0.0, 0.0)),
            Some(V3::new(0.0, 0.0, 5.0)),
        );
        assert!(t.is_finite());
        assert!(close(t.z, V3::new(0.0, 0.0, 1.0)));
        let p = Transform::placement_2d(V3::new(1.0, 2.0, 0.0), Some(V3::new(0.0, -1.0, 0.0)));
        assert!(close(
            p.apply(V3::new(1.0, 0.0, 0.0)),
            V3::new(1.0, 1.0, 0.0)
        ));
        let m = Transform::operator_3d(None, None, None, V3::new(1.0, 0.0, 0.0), 2.0);
        assert!(close(
            m.apply(V3::new(1.0, 1.0, 0.0)),
            V3::new(3.0, 2.0, 0.0)
        ));
    }
}
