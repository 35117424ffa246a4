//! A pattern table as a file gives it (angles in any order, any step, attenuations or gains
//! relative to the peak) made the core's: 360 attenuations at whole degrees.

use tailplan_core::Diagnostic;
use tailplan_core::antenna::PATTERN_STEPS;
use tailplan_core::diagnostics::Num;

/// One line of a table: the angle and the value as the file gives them, and the line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Entry {
    /// Degrees, −360 to 360.
    pub angle: f64,
    /// dB.
    pub value: f64,
    /// 1-based line.
    pub line: usize,
}

/// A table as read: which (`HORIZONTAL`, `VERTICAL`), the line of its header, its entries.
#[derive(Debug, Clone)]
pub(super) struct RawTable {
    /// `HORIZONTAL` or `VERTICAL`.
    pub which: &'static str,
    /// 1-based line of the `HORIZONTAL n` line.
    pub line: usize,
    /// The entries in the file's order.
    pub entries: Vec<Entry>,
}

/// Gaps between a table's angles wider than this are warned about: the pattern is guessed
/// (interpolated) across them.
const WIDE_GAP_DEG: f64 = 30.0;

/// How many repeated angles are named in a warning before they are counted.
const NAMED_REPEATS: usize = 3;

impl RawTable {
    /// The 360 attenuations at whole degrees, with notes at `file` on what was done.
    /// `entries` is not empty (the reader refuses an empty table).
    pub(super) fn to_whole_degrees(&self, file: &str, notes: &mut Vec<Diagnostic>) -> Vec<f64> {
        let which = self.which;
        let lower = which.to_ascii_lowercase();
        let at_table = format!("{file}: line {}", self.line);
        let mut entries = self.entries.clone();
        if entries.is_empty() {
            return vec![0.0; PATTERN_STEPS];
        }

        // Gains relative to the peak (all 0 or below): flipped to attenuations.
        if entries.iter().all(|e| e.value <= 0.0) && entries.iter().any(|e| e.value < 0.0) {
            for e in &mut entries {
                e.value = -e.value;
            }
            notes.push(Diagnostic::info(
                &at_table,
                format!("the {lower} table's values are all 0 or below (gains relative to the main beam): read with their signs flipped, as attenuations"),
            ));
        }
        let (min, max) = entries
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), e| {
                (lo.min(e.value), hi.max(e.value))
            });
        if min != 0.0 {
            notes.push(Diagnostic::warning(
                &at_table,
                format!(
                    "the {lower} table's smallest attenuation is {} dB, not 0 (the main beam): kept as the file gives it (values {} to {} dB)",
                    Num(min),
                    Num(min),
                    Num(max)
                ),
            ));
        }

        // Angles into [0, 360), in order.
        let ascending = entries.windows(2).all(|w| w[0].angle < w[1].angle);
        let below = entries
            .iter()
            .map(|e| e.angle)
            .fold(f64::INFINITY, f64::min);
        if below < 0.0 {
            notes.push(Diagnostic::info(
                &at_table,
                format!(
                    "the {lower} table's angles start at {}°: wrapped into 0° to 360°",
                    Num(below)
                ),
            ));
        }
        if !ascending {
            notes.push(Diagnostic::info(
                &at_table,
                format!("the {lower} table's angles are not in increasing order: sorted"),
            ));
        }
        let mut wrapped: Vec<(f64, Entry)> = entries
            .iter()
            .map(|e| {
                let a = e.angle.rem_euclid(360.0);
                // rem_euclid can round a tiny negative angle up to 360.
                (if a >= 360.0 { 0.0 } else { a }, *e)
            })
            .collect();
        wrapped.sort_by(|a, b| a.0.total_cmp(&b.0));

        // One value per angle: 360° repeating 0° merges silently; other repeats take their
        // mean, with a warning.
        let mut points: Vec<(f64, f64)> = Vec::with_capacity(wrapped.len());
        let mut repeats: Vec<String> = Vec::new();
        let mut repeat_count = 0usize;
        let mut i = 0;
        while i < wrapped.len() {
            let (angle, first) = wrapped[i];
            let mut j = i + 1;
            let mut sum = first.value;
            let mut differ = false;
            while j < wrapped.len() && wrapped[j].0 == angle {
                sum += wrapped[j].1.value;
                differ |= wrapped[j].1.value != first.value;
                j += 1;
            }
            let n = j - i;
            if n > 1 && differ {
                repeat_count += 1;
                if repeats.len() < NAMED_REPEATS {
                    let lines: Vec<String> = wrapped[i..j]
                        .iter()
                        .take(4)
                        .map(|(_, e)| format!("line {}: {} dB", e.line, Num(e.value)))
                        .collect();
                    repeats.push(format!(
                        "{}° ({}{})",
                        Num(angle),
                        lines.join(", "),
                        if n > 4 { ", ..." } else { "" }
                    ));
                }
            }
            points.push((angle, if differ { sum / n as f64 } else { first.value }));
            i = j;
        }
        if repeat_count > 0 {
            notes.push(Diagnostic::warning(
                &at_table,
                format!(
                    "the {lower} table gives {repeat_count} angle(s) twice with different values, read as their mean: {}{}",
                    repeats.join("; "),
                    if repeat_count > repeats.len() {
                        format!(" and {} more", repeat_count - repeats.len())
                    } else {
                        String::new()
                    }
                ),
            ));
        }

        let out = resample(&points);

        // Say how the file's angles became whole degrees.
        let whole = points.len() == PATTERN_STEPS && points.iter().all(|p| p.0.fract() == 0.0);
        if !whole {
            let gaps: Vec<f64> = (0..points.len())
                .map(|k| {
                    let next = points.get(k + 1).map_or(points[0].0 + 360.0, |p| p.0);
                    next - points[k].0
                })
                .collect();
            let (gmin, gmax) = gaps.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), &g| {
                (lo.min(g), hi.max(g))
            });
            let n = points.len();
            let how = if points.len() == 1 {
                format!("the {lower} table has one angle: the same attenuation all round")
            } else if gmax - gmin < 1e-6 && gmax > 1.0 {
                format!(
                    "the {lower} table had {n} angles every {}°: interpolated to whole degrees",
                    Num(round6(gmax))
                )
            } else if gmax - gmin < 1e-6 {
                format!(
                    "the {lower} table had {n} angles every {}°: read at whole degrees (interpolated where none falls on one)",
                    Num(round6(gmax))
                )
            } else {
                format!(
                    "the {lower} table had {n} angles, {} to {}° apart: interpolated to whole degrees",
                    Num(round6(gmin)),
                    Num(round6(gmax))
                )
            };
            notes.push(Diagnostic::info(&at_table, how));
            if points.len() > 1 && gmax > WIDE_GAP_DEG {
                let k = gaps.iter().position(|&g| g == gmax).unwrap_or_default();
                let from = points[k].0;
                notes.push(Diagnostic::warning(
                    &at_table,
                    format!(
                        "the {lower} table has no angle between {}° and {}°: the pattern there is a straight line across the {}° gap",
                        Num(round6(from)),
                        Num(round6((from + gmax).rem_euclid(360.0))),
                        Num(round6(gmax))
                    ),
                ));
            }
        }
        out
    }
}

/// `x` rounded to 6 decimals, for messages.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The values at whole degrees 0..359 of `points` (angles in [0, 360), increasing, each
/// once; not empty), interpolated linearly between neighbours, wrapping round 360°. A whole
/// degree the table gives is copied exactly.
pub(super) fn resample(points: &[(f64, f64)]) -> Vec<f64> {
    let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
        return vec![0.0; PATTERN_STEPS];
    };
    (0..PATTERN_STEPS)
        .map(|d| {
            let d = d as f64;
            let k = points.partition_point(|p| p.0 < d);
            if let Some(&(a, v)) = points.get(k)
                && a == d
            {
                return v;
            }
            let lo = if k == 0 {
                (last.0 - 360.0, last.1)
            } else {
                points[k - 1]
            };
            let hi = points.get(k).copied().unwrap_or((first.0 + 360.0, first.1));
            let span = hi.0 - lo.0;
            if span <= 0.0 {
                lo.1
            } else {
                lo.1 + (hi.1 - lo.1) * ((d - lo.0) / span)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(entries: &[(f64, f64)]) -> RawTable {
        RawTable {
            which: "HORIZONTAL",
            line: 7,
            entries: entries
                .iter()
                .enumerate()
                .map(|(i, &(angle, value))| Entry {
                    angle,
                    value,
                    line: 8 + i,
                })
                .collect(),
        }
    }

    #[test]
    fn resampling_copies_whole_degrees_and_interpolates_round_360() {
        let every_degree: Vec<(f64, f64)> = (0..360).map(|d| (d as f64, d as f64 * 0.1)).collect();
        assert_eq!(
            resample(&every_degree),
            every_degree.iter().map(|p| p.1).collect::<Vec<_>>()
        );
        // 10° at 90°, 20° at 270°: 15 at 0° and 180° both ways round.
        let two = [(90.0, 10.0), (270.0, 20.0)];
        let t = resample(&two);
        assert_eq!(t[90], 10.0);
        assert_eq!(t[180], 15.0);
        assert_eq!(t[0], 15.0);
        assert_eq!(t[45], 12.5);
        assert_eq!(resample(&[(33.3, 4.0)]), vec![4.0; 360]);
    }

    #[test]
    fn notes_say_what_was_done() {
        let mut notes = Vec::new();
        let t = raw(&[(0.0, 0.0), (120.0, -6.0), (240.0, -6.0), (360.0, 0.0)])
            .to_whole_degrees("f.msi", &mut notes);
        assert_eq!(t[120], 6.0, "flipped");
        assert_eq!(t[60], 3.0);
        let text: Vec<String> = notes.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            text,
            [
                "f.msi: line 7: the horizontal table's values are all 0 or below (gains relative to the main beam): read with their signs flipped, as attenuations",
                "f.msi: line 7: the horizontal table had 3 angles every 120°: interpolated to whole degrees",
                "f.msi: line 7: the horizontal table has no angle between 0° and 120°: the pattern there is a straight line across the 120° gap",
            ]
        );

        let mut notes = Vec::new();
        let t = raw(&[
            (-90.0, 2.0),
            (90.0, 4.0),
            (270.0, 6.0),
            (0.0, 3.0),
            (0.0, 5.0),
        ])
        .to_whole_degrees("f.msi", &mut notes);
        assert_eq!(t[0], 4.0, "the mean of 3 and 5");
        assert_eq!(
            t[270], 4.0,
            "-90 and 270 are one angle: the mean of 2 and 6"
        );
        let text: Vec<String> = notes.iter().map(|n| n.message.clone()).collect();
        assert!(
            text[0].contains("smallest attenuation is 2 dB, not 0"),
            "{text:?}"
        );
        assert!(text[1].contains("start at -90°"), "{text:?}");
        assert!(text[2].contains("not in increasing order"), "{text:?}");
        assert!(
            text[3].contains("2 angle(s) twice")
                && text[3].contains("0° (line 11: 3 dB, line 12: 5 dB)")
                && text[3].contains("270° (line 8: 2 dB, line 10: 6 dB)"),
            "{text:?}"
        );
    }
}
