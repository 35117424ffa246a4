//! The scale bar and the north arrow.
//!
//! The bar is a round length of building (1, 2, 5, 10, 20, 50... m) at most 110 mm long on
//! paper, in ten alternating black and white parts, numbered at its ends and middle. The
//! north arrow points up the sheet: plans are drawn with the project's y axis (north) up.

use std::fmt::Write as _;

use super::paper::Scale;
use super::text::SMALL_MM;
use super::xml::N;

/// The longest bar on paper, millimetres.
const MAX_MM: f64 = 110.0;

/// The bar's length in metres at `scale`: the largest round length that fits.
pub(crate) fn bar_length_m(scale: Scale) -> f64 {
    let k = scale.mm_per_m();
    let mut best = 1.0;
    for decade in [0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0] {
        for m in [1.0, 2.0, 5.0] {
            let len = m * decade;
            if len * k <= MAX_MM + 1e-9 {
                best = len;
            }
        }
    }
    best
}

fn metres(v: f64) -> String {
    let s = N(v).to_string();
    format!("{s} m")
}

/// A scale bar with its left end at (x, y): the bar 2 mm high from y, figures under it.
/// Returns the SVG and the bar's length in millimetres.
pub(crate) fn scale_bar(scale: Scale, x: f64, y: f64) -> (String, f64) {
    let len_m = bar_length_m(scale);
    let k = scale.mm_per_m();
    let total = len_m * k;
    let part = total / 10.0;
    let mut out = String::new();
    let _ = writeln!(out, "<g id=\"scale-bar\">");
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"2\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.2\"/>",
        N(x),
        N(y),
        N(total)
    );
    let mut d = String::new();
    for i in (0..10).step_by(2) {
        let _ = write!(
            d,
            "M{},{}h{}v2h-{}Z",
            N(x + i as f64 * part),
            N(y),
            N(part),
            N(part)
        );
    }
    let _ = writeln!(out, "<path d=\"{d}\" fill=\"#000\"/>");
    let ty = y + 2.0 + 3.6;
    let _ = writeln!(
        out,
        "<g font-size=\"{}\" text-anchor=\"middle\"><text x=\"{}\" y=\"{}\">0</text><text x=\"{}\" y=\"{}\">{}</text><text x=\"{}\" y=\"{}\">{}</text></g>",
        N(SMALL_MM),
        N(x),
        N(ty),
        N(x + total / 2.0),
        N(ty),
        metres(len_m / 2.0),
        N(x + total),
        N(ty),
        metres(len_m)
    );
    out.push_str("</g>\n");
    (out, total)
}

/// A north arrow centred on (cx, cy), about 12 mm tall with its "N".
pub(crate) fn north_arrow(cx: f64, cy: f64) -> String {
    format!(
        "<g id=\"north-arrow\" transform=\"translate({} {})\">\
<circle cy=\"1.5\" r=\"4.6\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.2\"/>\
<path d=\"M0,-3.5L2.4,5L0,3.2L-2.4,5Z\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.25\"/>\
<path d=\"M0,-3.5L0,3.2L-2.4,5Z\" fill=\"#000\"/>\
<text y=\"-4.3\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"bold\">N</text></g>\n",
        N(cx),
        N(cy),
        N(SMALL_MM)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_bar_lengths() {
        assert_eq!(bar_length_m(Scale(50)), 5.0);
        assert_eq!(bar_length_m(Scale(100)), 10.0);
        assert_eq!(bar_length_m(Scale(200)), 20.0);
        assert_eq!(bar_length_m(Scale(500)), 50.0);
        assert_eq!(bar_length_m(Scale(1000)), 100.0);
        let (svg, len) = scale_bar(Scale(100), 10.0, 10.0);
        assert_eq!(len, 100.0);
        assert!(svg.contains(">10 m<") && svg.contains(">5 m<"));
    }
}
