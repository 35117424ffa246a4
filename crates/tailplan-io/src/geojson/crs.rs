//! Which coordinate system a GeoJSON file is in, and the projection of WGS84 lon/lat to a
//! project's local metres.

use tailplan_core::{BBox, GeoReference, Point};

/// How to read a file's coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CrsChoice {
    /// Decide from the file (see [`detect`]).
    #[default]
    Auto,
    /// Planar metres, x east, y north.
    Planar,
    /// WGS84 longitude, latitude in degrees (RFC 7946).
    Wgs84,
}

impl std::str::FromStr for CrsChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(CrsChoice::Auto),
            "planar" => Ok(CrsChoice::Planar),
            "wgs84" | "epsg:4326" | "crs84" => Ok(CrsChoice::Wgs84),
            other => Err(format!(
                "unknown CRS \"{other}\": expected auto, planar or wgs84"
            )),
        }
    }
}

/// The largest lon/lat extent, in degrees, a building plan in WGS84 can have.
pub const MAX_WGS84_EXTENT_DEG: f64 = 0.5;

/// Decides whether positions are WGS84 lon/lat: a file with the `tailplan` member is planar;
/// otherwise it is WGS84 when every position is in lon/lat range and the whole extent is under
/// [`MAX_WGS84_EXTENT_DEG`] in both directions; otherwise planar.
pub fn detect(has_tailplan_member: bool, extent: Option<BBox>) -> bool {
    if has_tailplan_member {
        return false;
    }
    let Some(b) = extent else { return false };
    let in_range = b.min.x >= -180.0 && b.max.x <= 180.0 && b.min.y >= -90.0 && b.max.y <= 90.0;
    in_range && b.width() < MAX_WGS84_EXTENT_DEG && b.height() < MAX_WGS84_EXTENT_DEG
}

const WGS84_A: f64 = 6_378_137.0;
const WGS84_E2: f64 = 6.694_379_990_14e-3;

/// A local tangent-plane projection around an origin: x metres east, y metres north, turned
/// by the origin's `north_deg` when the plan's y axis is not north.
///
/// It scales degrees by the WGS84 ellipsoid's radii of curvature at the origin's latitude,
/// which is accurate to a few millimetres over a building and to well under 0.1 % over the
/// half-degree a plan may span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocalProjection {
    origin: GeoReference,
    m_per_deg_lon: f64,
    m_per_deg_lat: f64,
    /// Sine and cosine of `north_deg`.
    sin: f64,
    cos: f64,
}

impl LocalProjection {
    /// The projection around `origin`.
    pub fn new(origin: GeoReference) -> Self {
        let phi = origin.origin_lat_deg.to_radians();
        let w = (1.0 - WGS84_E2 * phi.sin().powi(2)).sqrt();
        let n = WGS84_A / w; // prime vertical radius
        let m = WGS84_A * (1.0 - WGS84_E2) / w.powi(3); // meridional radius
        let (sin, cos) = origin.north_deg.to_radians().sin_cos();
        Self {
            origin,
            m_per_deg_lon: n * phi.cos() * std::f64::consts::PI / 180.0,
            m_per_deg_lat: m * std::f64::consts::PI / 180.0,
            sin,
            cos,
        }
    }

    /// The origin it projects around.
    pub fn origin(&self) -> GeoReference {
        self.origin
    }

    /// Lon/lat degrees to local metres.
    pub fn forward(&self, lon_lat: Point) -> Point {
        let east = (lon_lat.x - self.origin.origin_lon_deg) * self.m_per_deg_lon;
        let north = (lon_lat.y - self.origin.origin_lat_deg) * self.m_per_deg_lat;
        Point::new(
            east * self.cos - north * self.sin,
            east * self.sin + north * self.cos,
        )
    }

    /// Local metres back to lon/lat degrees.
    pub fn inverse(&self, xy: Point) -> Point {
        let east = xy.x * self.cos + xy.y * self.sin;
        let north = -xy.x * self.sin + xy.y * self.cos;
        Point::new(
            self.origin.origin_lon_deg + east / self.m_per_deg_lon,
            self.origin.origin_lat_deg + north / self.m_per_deg_lat,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_follows_the_contract() {
        let b = |x0: f64, y0: f64, x1: f64, y1: f64| {
            Some(BBox {
                min: Point::new(x0, y0),
                max: Point::new(x1, y1),
            })
        };
        assert!(detect(false, b(0.194, 52.185, 0.195, 52.186)));
        assert!(!detect(true, b(0.194, 52.185, 0.195, 52.186)));
        // A small planar plan in metres that happens to be in range but spans more than 0.5.
        assert!(!detect(false, b(0.0, 0.0, 30.0, 15.0)));
        // Out of lon/lat range.
        assert!(!detect(
            false,
            b(500_000.0, 5_700_000.0, 500_100.0, 5_700_050.0)
        ));
        assert!(!detect(false, None));
        // A tiny plan in metres (under half a metre) cannot be told apart: it reads as WGS84;
        // `--crs planar` is the way out.
        assert!(detect(false, b(0.0, 0.0, 0.4, 0.4)));
    }

    #[test]
    fn projection_distances_match_geodesy() {
        // One degree of latitude at 52 N is 111.26 km; one degree of longitude 68.7 km.
        let p = LocalProjection::new(GeoReference::north_up(0.0, 52.0));
        let north = p.forward(Point::new(0.0, 52.001));
        let east = p.forward(Point::new(0.001, 52.0));
        assert!((north.y - 111.26).abs() < 0.05, "{north:?}");
        assert!((east.x - 68.68).abs() < 0.05, "{east:?}");
        let back = p.inverse(p.forward(Point::new(0.1234, 52.0321)));
        assert!((back.x - 0.1234).abs() < 1e-12 && (back.y - 52.0321).abs() < 1e-12);
    }

    #[test]
    fn a_turned_plan_projects_along_its_axes() {
        // The plan's y axis points east: a point east of the origin is up the plan, one
        // north of it to the plan's left (−x).
        let p = LocalProjection::new(GeoReference {
            north_deg: 90.0,
            ..GeoReference::north_up(0.0, 52.0)
        });
        let east = p.forward(Point::new(0.001, 52.0));
        assert!(
            east.x.abs() < 1e-9 && (east.y - 68.68).abs() < 0.05,
            "{east:?}"
        );
        let north = p.forward(Point::new(0.0, 52.001));
        assert!(
            (north.x + 111.26).abs() < 0.05 && north.y.abs() < 1e-9,
            "{north:?}"
        );
        // 30° east of north: the plan's y axis runs that way.
        let p = LocalProjection::new(GeoReference {
            north_deg: 30.0,
            ..GeoReference::north_up(13.4, 52.5)
        });
        let up = p.inverse(Point::new(0.0, 100.0));
        let bearing = ((up.x - 13.4) * p.m_per_deg_lon).atan2((up.y - 52.5) * p.m_per_deg_lat);
        assert!((bearing.to_degrees() - 30.0).abs() < 1e-9, "{bearing}");
        let back = p.forward(p.inverse(Point::new(12.5, -40.25)));
        assert!((back.x - 12.5).abs() < 1e-9 && (back.y + 40.25).abs() < 1e-9);
    }
}
