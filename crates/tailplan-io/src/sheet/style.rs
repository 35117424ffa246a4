//! Colours and line weights of the sheets, in one place.
//!
//! Line weights follow ISO 128 (0.13 to 0.7 mm); colours print legibly in greyscale too
//! (routes and bands differ in lightness, not only in hue); red is kept for what fails.

use tailplan_core::{IotTech, Medium};

/// Thin lines: room outlines, leaders, table rules.
pub const THIN: f64 = 0.13;
/// Cable routes.
pub const ROUTE: f64 = 0.35;
/// Frame.
pub const FRAME: f64 = 0.7;

/// The colour of failures (unserved endpoints, rules broken).
pub const ERROR: &str = "#d62728";
/// The colour of warnings.
pub const WARNING: &str = "#f0a202";

/// Route colours, one per telecom room in project order (red is left out: it means "fails").
const ROUTES: [&str; 8] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f00",
];

/// The colour of the routes of the `i`-th telecom room of the project.
pub fn route_colour(i: usize) -> &'static str {
    ROUTES[i % ROUTES.len()]
}

/// The colour of a gateway's technology.
pub fn tech_colour(t: IotTech) -> &'static str {
    match t {
        IotTech::Lorawan => "#7b3294",
        IotTech::Ble => "#0571b0",
        IotTech::Zigbee => "#1a9641",
        IotTech::Thread => "#a6611a",
    }
}

/// The fill of a device's symbol by how it is connected.
pub fn medium_colour(m: Medium) -> &'static str {
    match m {
        Medium::Cat6a => "#1f4e79",
        Medium::Spe => "#d95f02",
        Medium::Fiber => "#1b7837",
        Medium::Wireless => "#ffffff",
    }
}

/// The fills of the coverage bands, strongest first, for `n` thresholds (at most 6 distinct
/// colours; more repeat the last), and the fill of the area below every threshold.
pub fn band_colours(n: usize) -> (Vec<&'static str>, &'static str) {
    // ColorBrewer RdYlGn, light enough for the plan to read through.
    const RAMP: [&str; 6] = [
        "#4dac5a", "#a6d96a", "#d9ef8b", "#fee08b", "#fdbf6f", "#fdae61",
    ];
    let pick: Vec<&str> = match n {
        0 => Vec::new(),
        1 => vec![RAMP[0]],
        2 => vec![RAMP[0], RAMP[3]],
        3 => vec![RAMP[0], RAMP[1], RAMP[3]],
        _ => (0..n).map(|i| RAMP[i.min(RAMP.len() - 1)]).collect(),
    };
    (pick, "#f4a6a0")
}

/// Slabs between floors on the riser diagram.
pub const SLAB: f64 = 0.25;
/// Distributors' boxes on the riser diagram.
pub const BOX: f64 = 0.35;
/// The fill of a riser shaft on the riser diagram.
pub const SHAFT_FILL: &str = "#e3e3e3";
/// The outline of a riser shaft, and the site's ground line.
pub const SHAFT_STROKE: &str = "#8a8a8a";
/// Building backbone cables (FD to BD).
pub const BACKBONE_BUILDING: &str = "#1f4e79";
/// Campus backbone cables (BD to CD).
pub const BACKBONE_CAMPUS: &str = "#7b3294";

/// The fill of a distributor's box by its role: the higher, the darker (greyscale-safe).
pub fn role_fill(role: tailplan_core::campus::DistributorRole) -> &'static str {
    use tailplan_core::campus::DistributorRole;
    match role {
        DistributorRole::Fd => "#ffffff",
        DistributorRole::Bd => "#e8eef7",
        DistributorRole::Cd => "#d2deef",
    }
}
