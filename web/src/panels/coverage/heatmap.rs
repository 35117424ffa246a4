//! The coverage heatmap as the plan shows it: what a cell's value means ([`Metric`]), the
//! colour scale, the image of a grid of values and where it lies on screen, the legend's
//! colour bar and ticks, and the value under the cursor.
//!
//! The scale is viridis, as in the CLI's heatmap picture: perceptually uniform, readable in
//! grey and by colour-blind readers. Signal strength spans −90 to −30 dBm for Wi-Fi and, for
//! an IoT technology, from 10 dB under its receiver sensitivity to 60 dB over it; SNR and
//! SINR 0 to 40 dB. Below the scale a cell is left clear (nothing usable is heard), and the
//! bottom tenth of the scale fades in, so that the edge of coverage reads as an edge and not
//! as a dark band. The number of transmitters heard is drawn in five steps (0, 1, 2, 3, 4+).
//! The image is drawn translucent between the room fills and the walls.

use serde::{Deserialize, Serialize};
use tailplan_core::coverage::Service;
use tailplan_core::{Point, WifiBand};

use crate::plan::color::Rgba;
use crate::plan::display::ImageOp;
use crate::plan::view::View;

/// The opacity of the heatmap over the plan, 0–255.
pub const HEAT_ALPHA: u8 = 178;

/// Where a coverage grid lies: cells of `cell_m` from (`min_x`, `min_y`), `cols` × `rows`,
/// stored row-major from the south (row 0 at `min_y`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GridSpec {
    /// West edge, metres.
    pub min_x: f64,
    /// South edge, metres.
    pub min_y: f64,
    /// Cell side, metres.
    pub cell_m: f64,
    /// Columns.
    pub cols: usize,
    /// Rows.
    pub rows: usize,
}

impl GridSpec {
    /// The grid of a core [`tailplan_core::coverage::Grid`].
    pub fn of(grid: &tailplan_core::coverage::Grid) -> Self {
        Self {
            min_x: grid.bbox.min.x,
            min_y: grid.bbox.min.y,
            cell_m: grid.cell_m,
            cols: grid.cols,
            rows: grid.rows,
        }
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        self.cols * self.rows
    }

    /// True for a grid without cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// North edge, metres.
    pub fn max_y(&self) -> f64 {
        self.min_y + self.rows as f64 * self.cell_m
    }

    /// East edge, metres.
    pub fn max_x(&self) -> f64 {
        self.min_x + self.cols as f64 * self.cell_m
    }

    /// The row-major index of the cell holding `p`, if inside.
    pub fn index_of(&self, p: Point) -> Option<usize> {
        let c = ((p.x - self.min_x) / self.cell_m).floor();
        let r = ((p.y - self.min_y) / self.cell_m).floor();
        let inside = c >= 0.0 && r >= 0.0 && c < self.cols as f64 && r < self.rows as f64;
        inside.then(|| r as usize * self.cols + c as usize)
    }
}

/// What each cell of the heatmap shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// The strongest transmitter's signal (best server RSSI).
    #[default]
    Best,
    /// The second strongest's (secondary coverage, for roaming and redundancy).
    Second,
    /// Signal to noise: the best signal over the noise floor.
    Snr,
    /// Signal to interference and noise: the best over the same-channel transmitters and
    /// the noise floor.
    Sinr,
    /// How many transmitters are heard at or above the threshold.
    Servers,
    /// The Wi-Fi clients of the radio serving each place (the capacity model).
    Clients,
    /// The airtime the serving radio's clients take, percent.
    Airtime,
}

impl Metric {
    /// Every metric, in menu order.
    pub const ALL: [Metric; 7] = [
        Metric::Best,
        Metric::Second,
        Metric::Snr,
        Metric::Sinr,
        Metric::Servers,
        Metric::Clients,
        Metric::Airtime,
    ];

    /// The metrics a service has: client load is Wi-Fi's alone.
    pub fn of(service: Service) -> Vec<Metric> {
        Metric::ALL
            .into_iter()
            .filter(|m| !m.is_capacity() || matches!(service, Service::Wifi(_)))
            .collect()
    }

    /// True for the client-capacity metrics.
    pub fn is_capacity(self) -> bool {
        matches!(self, Metric::Clients | Metric::Airtime)
    }

    /// The name in test ids: `best`, `second`, `snr`, `sinr`, `servers`, `clients`,
    /// `airtime`.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Best => "best",
            Metric::Second => "second",
            Metric::Snr => "snr",
            Metric::Sinr => "sinr",
            Metric::Servers => "servers",
            Metric::Clients => "clients",
            Metric::Airtime => "airtime",
        }
    }

    /// The metric with this name.
    pub fn from_name(name: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The menu's caption for `service`.
    pub fn label(self, service: Service) -> &'static str {
        match (self, service) {
            (Metric::Best, _) => "Signal strength",
            (Metric::Second, _) => "Secondary signal",
            (Metric::Snr, _) => "SNR",
            (Metric::Sinr, _) => "SINR",
            (Metric::Servers, Service::Wifi(_)) => "Access points heard",
            (Metric::Servers, Service::Iot(_)) => "Gateways heard",
            (Metric::Clients, _) => "Clients per radio",
            (Metric::Airtime, _) => "Airtime per radio",
        }
    }

    /// The unit of a value: `dBm`, `dB` or none.
    pub fn unit(self) -> &'static str {
        match self {
            Metric::Best | Metric::Second => "dBm",
            Metric::Snr | Metric::Sinr => "dB",
            Metric::Servers => "",
            Metric::Clients => "clients",
            Metric::Airtime => "%",
        }
    }
}

/// A service's caption: `Wi-Fi 5 GHz`, `LoRaWAN`...
pub fn service_label(service: Service) -> String {
    match service {
        Service::Wifi(b) => format!("Wi-Fi {} GHz", b.as_str()),
        Service::Iot(t) => match t {
            tailplan_core::IotTech::Lorawan => "LoRaWAN".to_owned(),
            tailplan_core::IotTech::Ble => "Bluetooth LE".to_owned(),
            tailplan_core::IotTech::Zigbee => "Zigbee".to_owned(),
            tailplan_core::IotTech::Thread => "Thread".to_owned(),
        },
    }
}

/// A service's name in test ids and menus' values: `wifi-5`, `iot-lorawan`.
pub fn service_name(service: Service) -> String {
    match service {
        Service::Wifi(b) => format!("wifi-{}", b.as_str()),
        Service::Iot(t) => format!("iot-{}", t.as_str()),
    }
}

/// The service named `name` ([`service_name`]).
pub fn service_from_name(name: &str) -> Option<Service> {
    every_service()
        .into_iter()
        .find(|s| service_name(*s) == name)
}

/// Every band and technology.
pub fn every_service() -> Vec<Service> {
    let mut out: Vec<Service> = [WifiBand::Ghz5, WifiBand::Ghz2_4, WifiBand::Ghz6]
        .into_iter()
        .map(Service::Wifi)
        .collect();
    out.extend(tailplan_core::IotTech::ALL.into_iter().map(Service::Iot));
    out
}

/// How values become colours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColourScale {
    /// A continuous scale from `lo` (clear below) to `hi`.
    Continuous {
        /// The weakest value coloured.
        lo: f64,
        /// The value at the top of the scale (and above).
        hi: f64,
    },
    /// Counts 0, 1, 2, 3 and 4 or more.
    Count,
}

/// The scale of `metric` for `service`; `threshold_dbm` is the service's threshold (for an
/// IoT technology, its receiver sensitivity).
pub fn scale(service: Service, metric: Metric, threshold_dbm: f64) -> ColourScale {
    match metric {
        Metric::Best | Metric::Second => match service {
            Service::Wifi(_) => ColourScale::Continuous {
                lo: -90.0,
                hi: -30.0,
            },
            Service::Iot(_) => {
                let lo = (threshold_dbm / 10.0).floor() * 10.0 - 10.0;
                ColourScale::Continuous { lo, hi: lo + 70.0 }
            }
        },
        Metric::Snr | Metric::Sinr => ColourScale::Continuous { lo: 0.0, hi: 40.0 },
        Metric::Servers => ColourScale::Count,
        Metric::Clients => ColourScale::Continuous { lo: 0.0, hi: 100.0 },
        Metric::Airtime => ColourScale::Continuous { lo: 0.0, hi: 100.0 },
    }
}

/// Viridis at `t` in 0..=1.
pub fn viridis(t: f64) -> Rgba {
    let c = colorous::VIRIDIS.eval_continuous(t.clamp(0.0, 1.0));
    Rgba::rgb(c.r, c.g, c.b)
}

/// The colours of 0, 1, 2, 3 and 4+ transmitters heard.
pub fn count_colours() -> [Rgba; 5] {
    [
        Rgba::rgb(148, 163, 184).with_alpha(110),
        viridis(0.18).with_alpha(HEAT_ALPHA),
        viridis(0.48).with_alpha(HEAT_ALPHA),
        viridis(0.74).with_alpha(HEAT_ALPHA),
        viridis(0.97).with_alpha(HEAT_ALPHA),
    ]
}

/// The share of the bottom of a continuous scale over which the colour fades in.
const FADE: f64 = 0.1;

/// The colour of value `v` (`NaN`: nothing to show, clear).
pub fn colour(scale: ColourScale, v: f32) -> Rgba {
    if v.is_nan() {
        return Rgba::rgb(0, 0, 0).with_alpha(0);
    }
    match scale {
        ColourScale::Continuous { lo, hi } => {
            let v = f64::from(v);
            if v < lo {
                return Rgba::rgb(0, 0, 0).with_alpha(0);
            }
            let t = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
            let alpha = f64::from(HEAT_ALPHA) * (t / FADE).min(1.0);
            viridis(t).with_alpha(alpha.round() as u8)
        }
        ColourScale::Count => {
            let k = (v.max(0.0).round() as usize).min(4);
            count_colours()[k]
        }
    }
}

/// The grid's values as an RGBA image, `cols` × `rows` pixels, north up (image row 0 is the
/// grid's last row).
pub fn rgba_image(grid: &GridSpec, values: &[f32], scale: ColourScale) -> Vec<u8> {
    let mut out = vec![0u8; grid.len() * 4];
    if values.len() != grid.len() {
        return out;
    }
    for r in 0..grid.rows {
        let src = &values[r * grid.cols..(r + 1) * grid.cols];
        let dst_row = grid.rows - 1 - r;
        let dst = &mut out[dst_row * grid.cols * 4..(dst_row + 1) * grid.cols * 4];
        for (c, &v) in src.iter().enumerate() {
            let Rgba { r: cr, g, b, a } = colour(scale, v);
            dst[c * 4..c * 4 + 4].copy_from_slice(&[cr, g, b, a]);
        }
    }
    out
}

/// The image operation that draws `grid`'s image (`image`) in `view`: pixel (u, v) of the
/// image covers the cell in column u, counted from the north.
pub fn image_op(grid: &GridSpec, image: u64, view: &View) -> ImageOp {
    let (x, y) = view.to_screen(Point::new(grid.min_x, grid.max_y()));
    let k = grid.cell_m * view.scale;
    ImageOp {
        image,
        width: grid.cols as u32,
        height: grid.rows as u32,
        transform: [k, 0.0, 0.0, k, x, y],
        alpha: 1.0,
        smooth: true,
        multiply: false,
    }
}

/// The value of the cell under `p`, if any.
pub fn value_at(grid: &GridSpec, values: &[f32], p: Point) -> Option<f32> {
    let v = *values.get(grid.index_of(p)?)?;
    (!v.is_nan()).then_some(v)
}

/// A value as the status bar shows it: `−63 dBm`, `24 dB`, `3 APs`, `no signal`.
pub fn value_text(service: Service, metric: Metric, v: f32) -> String {
    let minus = |x: f64| format!("{x:.0}").replace('-', "−");
    match metric {
        Metric::Best | Metric::Second if v <= tailplan_core::coverage::NO_SIGNAL_DBM => {
            "no signal".to_owned()
        }
        Metric::Best | Metric::Second => format!("{} dBm", minus(f64::from(v))),
        Metric::Snr | Metric::Sinr => format!("{} dB", minus(f64::from(v))),
        Metric::Servers => {
            let n = v.max(0.0).round() as u32;
            let what = match (service, n == 1) {
                (Service::Wifi(_), true) => "AP",
                (Service::Wifi(_), false) => "APs",
                (Service::Iot(_), true) => "gateway",
                (Service::Iot(_), false) => "gateways",
            };
            format!("{n} {what}")
        }
        Metric::Clients => format!("{v:.0} clients on this radio"),
        Metric::Airtime => format!("{v:.0} % airtime on this radio"),
    }
}

/// The least distance between two labels under the colour bar, as a share of its width
/// (a label like `−67` is about a tenth of it).
pub const MIN_LABEL_GAP: f64 = 0.1;

/// One mark on the legend's colour bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Where, 0 (left, weakest) to 1.
    pub at: f64,
    /// What it says.
    pub label: String,
    /// A threshold of the project (drawn stronger).
    pub threshold: bool,
}

/// The legend of a heatmap: a colour bar with its ticks, or steps.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatLegend {
    /// `Signal strength · Wi-Fi 5 GHz`.
    pub title: String,
    /// The unit of the ticks.
    pub unit: &'static str,
    /// The bar's gradient: (offset 0–1, colour), opaque.
    pub stops: Vec<(f64, Rgba)>,
    /// The marks under the bar.
    pub ticks: Vec<Tick>,
    /// For counts: (label, colour) steps instead of a bar.
    pub steps: Vec<(String, Rgba)>,
}

/// The legend of `metric` for `service`, with the project's `thresholds` marked.
pub fn legend(
    service: Service,
    metric: Metric,
    threshold_dbm: f64,
    thresholds: &[f64],
) -> HeatLegend {
    let title = format!("{} · {}", metric.label(service), service_label(service));
    match scale(service, metric, threshold_dbm) {
        ColourScale::Count => {
            let labels = ["0", "1", "2", "3", "4+"];
            HeatLegend {
                title,
                unit: "",
                stops: Vec::new(),
                ticks: Vec::new(),
                steps: labels
                    .iter()
                    .zip(count_colours())
                    .map(|(l, c)| ((*l).to_owned(), c.with_alpha(255)))
                    .collect(),
            }
        }
        ColourScale::Continuous { lo, hi } => {
            let stops = (0..=10)
                .map(|i| {
                    let t = f64::from(i) / 10.0;
                    (t, viridis(t))
                })
                .collect();
            let span = hi - lo;
            let at = |v: f64| (v - lo) / span;
            let mut ticks: Vec<Tick> = Vec::new();
            let marked: Vec<f64> = if matches!(metric, Metric::Best | Metric::Second) {
                thresholds
                    .iter()
                    .copied()
                    .filter(|t| *t >= lo && *t <= hi)
                    .collect()
            } else {
                Vec::new()
            };
            // Every threshold gets its mark; its label only when it does not crowd the one
            // before it (−75, −70, −67 on a 60 dB bar: −70 is a mark alone).
            let mut marked = marked;
            marked.sort_by(f64::total_cmp);
            let mut labelled: Vec<f64> = Vec::new();
            for &t in &marked {
                let room = labelled
                    .last()
                    .is_none_or(|&l| at(t) - at(l) >= MIN_LABEL_GAP);
                if room {
                    labelled.push(t);
                }
                ticks.push(Tick {
                    at: at(t),
                    label: if room {
                        format!("{t:.0}").replace('-', "−")
                    } else {
                        String::new()
                    },
                    threshold: true,
                });
            }
            let step = if span > 60.0 { 20.0 } else { 10.0 };
            let mut v = (lo / step).ceil() * step;
            while v <= hi + 1e-9 {
                // A plain tick gives way to a threshold within 3 dB of it, and its label to
                // a threshold's label it would crowd.
                if !marked.iter().any(|t| (t - v).abs() < 3.0) {
                    let crowded = labelled
                        .iter()
                        .any(|&t| (at(t) - at(v)).abs() < MIN_LABEL_GAP);
                    ticks.push(Tick {
                        at: at(v),
                        label: if crowded {
                            String::new()
                        } else {
                            format!("{v:.0}").replace('-', "−")
                        },
                        threshold: false,
                    });
                }
                v += step;
            }
            ticks.sort_by(|a, b| a.at.total_cmp(&b.at));
            HeatLegend {
                title,
                unit: metric.unit(),
                stops,
                ticks,
                steps: Vec::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use tailplan_core::IotTech;

    use super::*;
    use crate::plan::view::View;

    fn grid() -> GridSpec {
        GridSpec {
            min_x: 10.0,
            min_y: 20.0,
            cell_m: 0.5,
            cols: 3,
            rows: 2,
        }
    }

    #[test]
    fn names_round_trip() {
        for m in Metric::ALL {
            assert_eq!(Metric::from_name(m.name()), Some(m));
        }
        for s in every_service() {
            assert_eq!(service_from_name(&service_name(s)), Some(s));
        }
        assert_eq!(every_service().len(), 7);
        // Client load is Wi-Fi's alone.
        assert!(Metric::of(Service::Wifi(WifiBand::Ghz6)).contains(&Metric::Clients));
        assert!(!Metric::of(Service::Iot(IotTech::Ble)).contains(&Metric::Airtime));
        assert_eq!(
            value_text(Service::Wifi(WifiBand::Ghz5), Metric::Clients, 41.6),
            "42 clients on this radio"
        );
        assert_eq!(service_label(Service::Wifi(WifiBand::Ghz5)), "Wi-Fi 5 GHz");
        assert_eq!(
            Metric::Servers.label(Service::Iot(IotTech::Ble)),
            "Gateways heard"
        );
    }

    #[test]
    fn scales_follow_the_cli_picture() {
        let wifi = Service::Wifi(WifiBand::Ghz5);
        assert_eq!(
            scale(wifi, Metric::Best, -67.0),
            ColourScale::Continuous {
                lo: -90.0,
                hi: -30.0
            }
        );
        // LoRaWAN at −137 dBm sensitivity: −150 to −80.
        assert_eq!(
            scale(Service::Iot(IotTech::Lorawan), Metric::Best, -137.0),
            ColourScale::Continuous {
                lo: -150.0,
                hi: -80.0
            }
        );
        assert_eq!(scale(wifi, Metric::Servers, -67.0), ColourScale::Count);
    }

    #[test]
    fn colours_fade_in_and_stay_clear_below_the_scale() {
        let s = ColourScale::Continuous {
            lo: -90.0,
            hi: -30.0,
        };
        assert_eq!(colour(s, -95.0).a, 0);
        assert_eq!(colour(s, f32::NAN).a, 0);
        assert_eq!(colour(s, -200.0).a, 0);
        let weak = colour(s, -88.0);
        assert!(weak.a > 0 && weak.a < HEAT_ALPHA, "{weak:?}");
        assert_eq!(colour(s, -60.0).a, HEAT_ALPHA);
        // Strong is viridis' yellow end, weak its purple end.
        let strong = colour(s, -20.0);
        assert!(
            strong.r > 200 && strong.g > 200 && strong.b < 80,
            "{strong:?}"
        );
        let low = colour(s, -89.0);
        assert!(low.b > low.g, "{low:?}");
        // Counts.
        let c = count_colours();
        assert_eq!(colour(ColourScale::Count, 0.0), c[0]);
        assert_eq!(colour(ColourScale::Count, 7.0), c[4]);
    }

    #[test]
    fn the_image_is_north_up() {
        let g = grid();
        // Row 0 (south): -50, NaN, -95; row 1 (north): -40 everywhere.
        let v = [-50.0, f32::NAN, -95.0, -40.0, -40.0, -40.0];
        let s = ColourScale::Continuous {
            lo: -90.0,
            hi: -30.0,
        };
        let img = rgba_image(&g, &v, s);
        assert_eq!(img.len(), 24);
        // Image row 0 is the north row.
        assert_eq!(&img[0..4], &colour(s, -40.0).to_array());
        // Image row 1, column 1: the NaN cell, clear.
        assert_eq!(img[4 * 4 + 3], 0);
        assert_eq!(&img[3 * 4..4 * 4], &colour(s, -50.0).to_array());
        // A wrong number of values gives a clear image rather than a panic.
        assert!(rgba_image(&g, &v[..3], s).iter().all(|&b| b == 0));
    }

    #[test]
    fn the_image_lands_on_its_cells() {
        let g = grid();
        let view = View {
            scale: 10.0,
            origin_x: 5.0,
            origin_y: 400.0,
        };
        let op = image_op(&g, 7, &view);
        // The north-west corner (10, 21) on screen.
        let (x, y) = view.to_screen(Point::new(10.0, 21.0));
        assert_eq!((op.transform[4], op.transform[5]), (x, y));
        assert_eq!(op.transform[0], 5.0);
        assert_eq!((op.width, op.height), (3, 2));
        // The value under a point, and none outside or on a NaN cell.
        let v = [-50.0, f32::NAN, -95.0, -40.0, -41.0, -42.0];
        assert_eq!(value_at(&g, &v, Point::new(10.2, 20.2)), Some(-50.0));
        assert_eq!(value_at(&g, &v, Point::new(11.2, 20.7)), Some(-42.0));
        assert_eq!(value_at(&g, &v, Point::new(10.7, 20.2)), None);
        assert_eq!(value_at(&g, &v, Point::new(9.0, 20.2)), None);
    }

    #[test]
    fn values_and_legends_read_well() {
        let wifi = Service::Wifi(WifiBand::Ghz5);
        assert_eq!(value_text(wifi, Metric::Best, -63.4), "−63 dBm");
        assert_eq!(value_text(wifi, Metric::Best, -200.0), "no signal");
        assert_eq!(value_text(wifi, Metric::Sinr, 24.0), "24 dB");
        assert_eq!(value_text(wifi, Metric::Servers, 1.0), "1 AP");
        assert_eq!(
            value_text(Service::Iot(IotTech::Ble), Metric::Servers, 3.0),
            "3 gateways"
        );
        let l = legend(wifi, Metric::Best, -67.0, &[-67.0, -70.0, -75.0]);
        assert_eq!(l.title, "Signal strength · Wi-Fi 5 GHz");
        assert_eq!(l.stops.len(), 11);
        let thresholds: Vec<&str> = l
            .ticks
            .iter()
            .filter(|t| t.threshold)
            .map(|t| t.label.as_str())
            .collect();
        // Every threshold is marked; −70, crowded between −75 and −67, without its label.
        assert_eq!(thresholds, ["−75", "", "−67"]);
        // −70 is a threshold, so no plain −70 tick beside it.
        assert!(l.ticks.iter().all(|t| t.label != "−70"));
        assert!(l.ticks.windows(2).all(|w| w[0].at <= w[1].at));
        // No two labels crowd each other.
        let labels: Vec<f64> = l
            .ticks
            .iter()
            .filter(|t| !t.label.is_empty())
            .map(|t| t.at)
            .collect();
        assert!(labels.len() >= 4, "{:?}", l.ticks);
        assert!(
            labels.windows(2).all(|w| w[1] - w[0] >= MIN_LABEL_GAP),
            "{:?}",
            l.ticks
        );
        let counts = legend(wifi, Metric::Servers, -67.0, &[]);
        assert_eq!(counts.steps.len(), 5);
        assert!(counts.stops.is_empty());
    }
}
