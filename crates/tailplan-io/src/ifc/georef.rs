//! Where an IFC model lies on the earth, for `Project::georef`.
//!
//! - **`IfcMapConversion`** (IFC4): the model's origin is at (Eastings, Northings) of its
//!   `IfcProjectedCRS`, its x axis along (XAxisAbscissa, XAxisOrdinate) of the map grid. When
//!   the CRS is a UTM zone (EPSG 326zz/327zz on WGS 84, 258zz on ETRS89, 269zz on NAD83,
//!   4647/5650 with the zone before the easting, or a name or `MapZone` saying "UTM zone
//!   32N"), the origin is taken back to latitude and longitude by the transverse Mercator
//!   inverse (Snyder's series, well under a millimetre inside a zone; GRS80 and WGS84 are the
//!   same ellipsoid to 0.1 mm) and the plan's north from the axis and the grid's convergence.
//!   Other CRSs are named in the report and the site's reference point is used.
//! - **`IfcSite`**'s RefLatitude and RefLongitude, at the site's placement, with the plan's
//!   north from the model context's `TrueNorth`.

use tailplan_core::{Diagnostic, GeoReference, Point};

use super::geom::V3;
use super::read::Reader;
use super::step::{StepFile, Value};
use crate::geojson::crs::LocalProjection;
use crate::import::error::ImportError;

/// WGS84 (and GRS80) semi-major axis, metres, and first eccentricity squared.
const A: f64 = 6_378_137.0;
const E2: f64 = 6.694_379_990_14e-3;
/// UTM's scale on the central meridian, false easting and the southern false northing.
const K0: f64 = 0.9996;
const FALSE_EASTING: f64 = 500_000.0;
const FALSE_NORTHING_SOUTH: f64 = 10_000_000.0;

/// A UTM zone as a projected CRS names it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Utm {
    /// 1 to 60.
    pub zone: u32,
    /// The southern hemisphere's false northing.
    pub south: bool,
    /// What comes before the easting: `zone` × 1,000,000 in the "zE-N" CRSs (EPSG 4647,
    /// 5650), else 0.
    pub easting_prefix: f64,
}

impl Utm {
    /// The zone a CRS stands for, from its EPSG code (`EPSG:25832`,
    /// `urn:ogc:def:crs:EPSG::32633`...) or its name or map zone ("ETRS89 / UTM zone 32N",
    /// "UTM32N", MapProjection `UTM` with MapZone `33N`).
    pub fn of(name: &str, projection: &str, zone: &str) -> Option<Utm> {
        if let Some(code) = epsg_code(name) {
            return Self::of_epsg(code);
        }
        let text = format!("{name} {projection} {zone}").to_ascii_uppercase();
        let at = text.find("UTM")?;
        let rest = &text[at + 3..];
        let rest = rest.trim_start_matches([' ', '-', '_']);
        let rest = rest.strip_prefix("ZONE").unwrap_or(rest).trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let z: u32 = digits.parse().ok()?;
        let south = rest[digits.len()..].trim_start().starts_with('S');
        (1..=60).contains(&z).then_some(Utm {
            zone: z,
            south,
            easting_prefix: 0.0,
        })
    }

    fn of_epsg(code: u32) -> Option<Utm> {
        let zone = |zone: u32, south: bool| Utm {
            zone,
            south,
            easting_prefix: 0.0,
        };
        match code {
            32601..=32660 => Some(zone(code - 32600, false)),
            32701..=32760 => Some(zone(code - 32700, true)),
            25828..=25838 => Some(zone(code - 25800, false)),
            26901..=26923 => Some(zone(code - 26900, false)),
            4647 => Some(Utm {
                easting_prefix: 32_000_000.0,
                ..zone(32, false)
            }),
            5650 => Some(Utm {
                easting_prefix: 33_000_000.0,
                ..zone(33, false)
            }),
            _ => None,
        }
    }

    /// The longitude of the zone's central meridian, degrees.
    pub fn central_meridian_deg(self) -> f64 {
        f64::from(self.zone) * 6.0 - 183.0
    }

    /// Longitude and latitude (degrees) of a grid position (metres), or `None` when it lies
    /// outside the zone's grid (more than 1,000 km from the central meridian or off the
    /// hemisphere).
    pub fn inverse(self, easting: f64, northing: f64) -> Option<(f64, f64)> {
        let x = easting - self.easting_prefix - FALSE_EASTING;
        let y = if self.south {
            northing - FALSE_NORTHING_SOUTH
        } else {
            northing
        };
        let in_grid = x.abs() <= 1_000_000.0
            && if self.south {
                (-FALSE_NORTHING_SOUTH..=0.0).contains(&y)
            } else {
                (0.0..=9_400_000.0).contains(&y)
            };
        if !in_grid {
            return None;
        }
        let ep2 = E2 / (1.0 - E2);
        let e4 = E2 * E2;
        let e6 = e4 * E2;
        let mu = y / K0 / (A * (1.0 - E2 / 4.0 - 3.0 * e4 / 64.0 - 5.0 * e6 / 256.0));
        let s = (1.0 - E2).sqrt();
        let e1 = (1.0 - s) / (1.0 + s);
        let phi1 = mu
            + (3.0 * e1 / 2.0 - 27.0 * e1.powi(3) / 32.0) * (2.0 * mu).sin()
            + (21.0 * e1 * e1 / 16.0 - 55.0 * e1.powi(4) / 32.0) * (4.0 * mu).sin()
            + (151.0 * e1.powi(3) / 96.0) * (6.0 * mu).sin()
            + (1097.0 * e1.powi(4) / 512.0) * (8.0 * mu).sin();
        let (sin1, cos1) = phi1.sin_cos();
        let c1 = ep2 * cos1 * cos1;
        let t1 = (sin1 / cos1).powi(2);
        let w = 1.0 - E2 * sin1 * sin1;
        let n1 = A / w.sqrt();
        let r1 = A * (1.0 - E2) / w.powf(1.5);
        let d = x / (n1 * K0);
        let phi = phi1
            - (n1 * sin1 / cos1 / r1)
                * (d * d / 2.0
                    - (5.0 + 3.0 * t1 + 10.0 * c1 - 4.0 * c1 * c1 - 9.0 * ep2) * d.powi(4) / 24.0
                    + (61.0 + 90.0 * t1 + 298.0 * c1 + 45.0 * t1 * t1
                        - 252.0 * ep2
                        - 3.0 * c1 * c1)
                        * d.powi(6)
                        / 720.0);
        let lambda = (d - (1.0 + 2.0 * t1 + c1) * d.powi(3) / 6.0
            + (5.0 - 2.0 * c1 + 28.0 * t1 - 3.0 * c1 * c1 + 8.0 * ep2 + 24.0 * t1 * t1)
                * d.powi(5)
                / 120.0)
            / cos1;
        let lon = self.central_meridian_deg() + lambda.to_degrees();
        let lat = phi.to_degrees();
        (lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0).then_some((lon, lat))
    }

    /// The grid's convergence at a position: degrees from true north clockwise to grid
    /// north.
    pub fn convergence_deg(self, lon_deg: f64, lat_deg: f64) -> f64 {
        let dl = (lon_deg - self.central_meridian_deg()).to_radians();
        (dl.tan() * lat_deg.to_radians().sin()).atan().to_degrees()
    }
}

/// The number after `EPSG` in a CRS name (`EPSG:25832`, `urn:ogc:def:crs:EPSG::25832`,
/// `EPSG 25832`).
fn epsg_code(name: &str) -> Option<u32> {
    let upper = name.to_ascii_uppercase();
    let at = upper.find("EPSG")?;
    let rest = upper[at + 4..].trim_start_matches([':', ' ', '/']);
    let rest = rest.rsplit(':').next().unwrap_or(rest);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// An angle in (−180, 180].
fn normal_deg(a: f64) -> f64 {
    let a = a.rem_euclid(360.0);
    if a > 180.0 { a - 360.0 } else { a }
}

/// The decimal degrees of an `IfcCompoundPlaneAngleMeasure` (degrees, minutes, seconds,
/// millionths of a second, all of one sign).
pub(super) fn compound_angle(v: &Value) -> Option<f64> {
    let n = v.numbers();
    let (d, m) = (*n.first()?, n.get(1).copied().unwrap_or(0.0));
    let (s, u) = (
        n.get(2).copied().unwrap_or(0.0),
        n.get(3).copied().unwrap_or(0.0),
    );
    let deg = d + m / 60.0 + (s + u / 1e6) / 3600.0;
    deg.is_finite().then_some(deg)
}

/// What a model says of where it lies: the georeference, and what the report says of it.
pub(super) struct Found {
    pub georef: Option<GeoReference>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The model's georeference: its map conversion when tailplan can take it back to latitude
/// and longitude, else its site's reference point, else none. `k` is the project's length
/// unit in metres.
pub(super) fn georeference(
    r: &Reader,
    f: &StepFile,
    k: f64,
    file: &str,
) -> Result<Found, ImportError> {
    let mut diagnostics = Vec::new();
    let true_north = true_north_deg(r, f, file, &mut diagnostics)?;
    let site = site_reference(r, f, k, true_north.unwrap_or(0.0))?;
    let map = match f.of_type("IFCMAPCONVERSION").first() {
        Some(&id) => Some(map_conversion(r, id, k)?),
        None => None,
    };
    let georef = match (map, site) {
        (Some(Ok(m)), site) => {
            diagnostics.push(Diagnostic::info(
                file,
                format!(
                    "georeferenced by the IfcMapConversion to {}: the model's origin at E {:.3}, N {:.3} is latitude {:.6}, longitude {:.6}; the plan's y axis points {:.2}° {} of true north",
                    m.crs,
                    m.easting,
                    m.northing,
                    m.georef.origin_lat_deg,
                    m.georef.origin_lon_deg,
                    m.georef.north_deg.abs(),
                    if m.georef.north_deg < 0.0 { "west" } else { "east" },
                ),
            ));
            if let Some(t) = true_north
                && normal_deg(t - m.georef.north_deg).abs() > 1.0
            {
                diagnostics.push(Diagnostic::info(
                    file,
                    format!(
                        "the model context's TrueNorth turns the plan's y axis {:.2}° from true north, its map conversion {:.2}°: the map conversion is used",
                        t, m.georef.north_deg
                    ),
                ));
            }
            if let Some((s, _, _)) = site {
                let apart = LocalProjection::new(m.georef)
                    .forward(Point::new(s.origin_lon_deg, s.origin_lat_deg))
                    .distance(Point::new(0.0, 0.0));
                if apart > 100.0 {
                    diagnostics.push(Diagnostic::info(
                        file,
                        format!(
                            "the site's reference latitude and longitude put the model {} m from where its map conversion does: the map conversion is used",
                            apart.round()
                        ),
                    ));
                }
            }
            Some(m.georef)
        }
        (map, site) => {
            if let Some(Err(why)) = map {
                let fallback = if site.is_some() {
                    "the site's reference latitude and longitude are used"
                } else {
                    "the model is not georeferenced"
                };
                diagnostics.push(Diagnostic::info(
                    file,
                    format!("the model's IfcMapConversion is not applied ({why}): {fallback}"),
                ));
            }
            site.map(|(g, lat, lon)| {
                diagnostics.push(Diagnostic::info(
                    file,
                    if g.north_deg == 0.0 {
                        format!(
                            "georeferenced by the site's reference point: latitude {lat:.6}, longitude {lon:.6} (the plan's north is the model's y axis)"
                        )
                    } else {
                        format!(
                            "georeferenced by the site's reference point: latitude {lat:.6}, longitude {lon:.6}; the plan's y axis points {:.2}° {} of true north (the model's TrueNorth)",
                            g.north_deg.abs(),
                            if g.north_deg < 0.0 { "west" } else { "east" },
                        )
                    },
                ));
                g
            })
        }
    };
    Ok(Found {
        georef,
        diagnostics,
    })
}

/// A map conversion tailplan applied.
struct Applied {
    crs: String,
    easting: f64,
    northing: f64,
    georef: GeoReference,
}

/// An `IfcMapConversion` taken back to latitude and longitude, or why it cannot be.
fn map_conversion(r: &Reader, id: u64, k: f64) -> Result<Result<Applied, String>, ImportError> {
    let p = r.params(id)?;
    let Some(crs) = p.get(1).and_then(Value::reference) else {
        return Ok(Err("it names no target CRS".into()));
    };
    if r.ty(crs)? != "IFCPROJECTEDCRS" {
        return Ok(Err(format!("its target is an {}", r.ty(crs)?)));
    }
    let c = r.params(crs)?;
    let text = |i: usize| c.get(i).and_then(Value::text).unwrap_or("").trim();
    let (name, projection, zone) = (text(0), text(4), text(5));
    let crs_name = if name.is_empty() {
        format!("{projection} {zone}").trim().to_owned()
    } else {
        name.to_owned()
    };
    let Some(utm) = Utm::of(name, projection, zone) else {
        return Ok(Err(format!(
            "its CRS \"{crs_name}\" is not a UTM zone, the only projection tailplan takes back to latitude and longitude"
        )));
    };
    // Eastings and Northings are in the map's unit, the project's when it gives none.
    let map_m = match c.get(6).and_then(Value::reference) {
        Some(u) => super::length_unit_of(r, u)?.0,
        None => k,
    };
    let number = |i: usize| p.get(i).and_then(Value::number);
    let (Some(e), Some(n)) = (number(2), number(3)) else {
        return Ok(Err("it gives no Eastings or Northings".into()));
    };
    let (easting, northing) = (e * map_m, n * map_m);
    let (ax, ay) = (number(5).unwrap_or(1.0), number(6).unwrap_or(0.0));
    if !(ax.is_finite() && ay.is_finite()) || ax.hypot(ay) < 1e-12 {
        return Ok(Err(format!("its x axis ({ax}, {ay}) gives no direction")));
    }
    let Some((lon, lat)) = utm.inverse(easting, northing) else {
        return Ok(Err(format!(
            "E {easting:.3}, N {northing:.3} is outside UTM zone {}{}",
            utm.zone,
            if utm.south { 'S' } else { 'N' }
        )));
    };
    // The plan's y axis is 90° anticlockwise of its x axis: its grid bearing is minus the x
    // axis's angle from grid east; true bearing adds the grid's convergence.
    let x_axis = ay.atan2(ax).to_degrees();
    let north_deg = normal_deg(-x_axis + utm.convergence_deg(lon, lat));
    Ok(Ok(Applied {
        crs: format!(
            "{crs_name} (UTM zone {}{})",
            utm.zone,
            if utm.south { 'S' } else { 'N' }
        ),
        easting,
        northing,
        georef: GeoReference {
            origin_lon_deg: lon,
            origin_lat_deg: lat,
            north_deg,
        },
    }))
}

/// The bearing of the plan's y axis from the model context's `TrueNorth` (the direction of
/// true north in the model's xy plane), degrees clockwise from true north; `None` when the
/// model gives none (or one of no length, with a warning).
fn true_north_deg(
    r: &Reader,
    f: &StepFile,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<f64>, ImportError> {
    let contexts = f.of_type("IFCGEOMETRICREPRESENTATIONCONTEXT");
    let mut model = None;
    for &c in contexts {
        let kind = r.params(c)?.get(1).and_then(Value::text).map(str::to_owned);
        if kind.as_deref() == Some("Model") || model.is_none() {
            model = Some(c);
        }
        if kind.as_deref() == Some("Model") {
            break;
        }
    }
    let Some(context) = model else {
        return Ok(None);
    };
    let Some(dir) = r.reference(context, 5)? else {
        return Ok(None);
    };
    let d: V3 = r.point(dir)?;
    if !(d.x.is_finite() && d.y.is_finite()) || d.x.hypot(d.y) < 1e-12 {
        diagnostics.push(Diagnostic::warning(
            file,
            format!(
                "#{dir}: the model's TrueNorth ({}, {}) gives no direction in plan: the plan's y axis is taken as north",
                d.x, d.y
            ),
        ));
        return Ok(None);
    }
    // North lies a anticlockwise of the x axis, the y axis 90°: turning clockwise from
    // north to the y axis is a − 90°.
    Ok(Some(normal_deg(d.y.atan2(d.x).to_degrees() - 90.0)))
}

/// The site's reference point taken to the model's origin, with the latitude and longitude
/// it gives.
fn site_reference(
    r: &Reader,
    f: &StepFile,
    k: f64,
    north_deg: f64,
) -> Result<Option<(GeoReference, f64, f64)>, ImportError> {
    let Some(&site) = f.of_type("IFCSITE").first() else {
        return Ok(None);
    };
    let p = r.params(site)?;
    let lat = p.get(9).and_then(compound_angle);
    let lon = p.get(10).and_then(compound_angle);
    let (Some(lat), Some(lon)) = (lat, lon) else {
        return Ok(None);
    };
    if lat.abs() > 90.0 || lon.abs() > 180.0 {
        return Ok(None);
    }
    // The reference point is the site's origin; the model's (0, 0) lies that far off.
    let o = r.object_placement(site, 5)?.o;
    let at_site = LocalProjection::new(GeoReference {
        north_deg,
        ..GeoReference::north_up(lon, lat)
    });
    let origin = at_site.inverse(Point::new(-o.x * k, -o.y * k));
    Ok(Some((
        GeoReference {
            origin_lon_deg: origin.x,
            origin_lat_deg: origin.y,
            north_deg,
        },
        lat,
        lon,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Grid positions computed with PROJ (pyproj 3, `Transformer.from_crs("EPSG:4326",
    /// code, always_xy=True)`) from the longitude and latitude beside them.
    const PROJ: [(u32, f64, f64, f64, f64); 3] = [
        (25833, 13.377704, 52.516275, 389_918.041_5, 5_819_699.132_3),
        (
            32718,
            -77.042793,
            -12.046374,
            277_618.194_1,
            8_667_490.779_3,
        ),
        (32632, 8.5417, 47.3769, 465_403.284_5, 5_247_150.839_4),
    ];

    #[test]
    fn the_utm_inverse_agrees_with_proj() {
        for (code, lon, lat, e, n) in PROJ {
            let utm = Utm::of(&format!("EPSG:{code}"), "", "").unwrap();
            let (x, y) = utm.inverse(e, n).unwrap();
            // 1e-7° is about a centimetre.
            assert!(
                (x - lon).abs() < 1e-7 && (y - lat).abs() < 1e-7,
                "EPSG:{code}: {x}, {y} for {lon}, {lat}"
            );
        }
    }

    #[test]
    fn crs_names_are_told_apart() {
        let z = |name: &str, projection: &str, zone: &str| {
            Utm::of(name, projection, zone).map(|u| (u.zone, u.south, u.easting_prefix))
        };
        assert_eq!(z("EPSG:25832", "", ""), Some((32, false, 0.0)));
        assert_eq!(
            z("urn:ogc:def:crs:EPSG::32633", "", ""),
            Some((33, false, 0.0))
        );
        assert_eq!(z("EPSG:32718", "", ""), Some((18, true, 0.0)));
        assert_eq!(z("EPSG:26916", "", ""), Some((16, false, 0.0)));
        assert_eq!(z("EPSG:5650", "", ""), Some((33, false, 33e6)));
        assert_eq!(z("ETRS89 / UTM zone 32N", "", ""), Some((32, false, 0.0)));
        assert_eq!(z("WGS 84 / UTM zone 18S", "", ""), Some((18, true, 0.0)));
        assert_eq!(z("Lokal", "UTM", "33N"), Some((33, false, 0.0)));
        assert_eq!(z("UTM61N", "", ""), None);
        // Gauss-Krüger, British National Grid, Swiss LV95: not UTM.
        assert_eq!(z("EPSG:31467", "", ""), None);
        assert_eq!(z("EPSG:27700", "", ""), None);
        assert_eq!(z("CH1903+ / LV95", "", ""), None);
    }

    #[test]
    fn the_zone_prefix_and_the_grid_edge() {
        let zone33 = Utm::of("EPSG:5650", "", "").unwrap();
        let (lon, lat) = zone33.inverse(33_389_918.041_5, 5_819_699.132_3).unwrap();
        assert!((lon - 13.377704).abs() < 1e-7 && (lat - 52.516275).abs() < 1e-7);
        let zone32 = Utm::of("EPSG:25832", "", "").unwrap();
        assert_eq!(zone32.inverse(-2_000_000.0, 5_000_000.0), None);
        assert_eq!(zone32.inverse(500_000.0, -10.0), None);
        assert_eq!(zone32.inverse(f64::NAN, 5_000_000.0), None);
        let south = Utm::of("EPSG:32718", "", "").unwrap();
        assert_eq!(south.inverse(500_000.0, 10_000_001.0), None);
    }

    #[test]
    fn convergence_turns_grid_north_east_of_the_central_meridian() {
        let zone33 = Utm::of("EPSG:25833", "", "").unwrap();
        // Berlin, 1.6° west of 15° E: grid north is west of true north (PROJ's meridian
        // convergence there, `Proj("EPSG:25833").get_factors(...)`, is −1.28746°).
        let g = zone33.convergence_deg(13.377704, 52.516275);
        assert!((g + 1.28746).abs() < 0.001, "{g}");
        assert!(zone33.convergence_deg(15.0, 52.0).abs() < 1e-12);
    }

    #[test]
    fn bearings_stay_in_range() {
        assert_eq!(normal_deg(270.0), -90.0);
        assert_eq!(normal_deg(-180.0), 180.0);
        assert_eq!(normal_deg(45.0), 45.0);
    }
}
