//! Writing SVG as text: escaping every string that comes from a project, numbers rounded to
//! 0.01 mm of paper, and element ids made unique.
//!
//! The sheets are written by hand rather than through a DOM crate: the output is a plain
//! `String` (no I/O, so it runs in the browser), one element per line so snapshots read well,
//! and the three rules that keep it safe live here:
//! - [`Esc`] escapes text and attribute values (`&`, `<`, `>`, quotes) and drops the
//!   characters XML cannot hold, so a device named `<script>alert(1)</script>` is text;
//! - [`N`] writes a number with at most two decimals (paper millimetres: 0.01 mm);
//! - [`Ids`] turns any name into an XML name and never hands out the same id twice.

use std::collections::HashSet;
use std::fmt::{self, Display, Write as _};

/// A string escaped for XML text or a double- or single-quoted attribute value. Characters XML
/// 1.0 forbids (control characters other than tab and line breaks, lone surrogates cannot
/// occur in Rust strings, U+FFFE/U+FFFF) are dropped.
pub(crate) struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut start = 0;
        for (i, c) in s.char_indices() {
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' | '\n' | '\r' => " ",
                c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => "",
                _ => continue,
            };
            f.write_str(&s[start..i])?;
            f.write_str(rep)?;
            start = i + c.len_utf8();
        }
        f.write_str(&s[start..])
    }
}

/// A number written with at most two decimals, trailing zeros dropped (`12.5`, `3`, `-0.25`).
/// Non-finite values are written as `0` so that the document stays valid.
#[derive(Clone, Copy)]
pub(crate) struct N(pub f64);

impl Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        let h = (v * 100.0).round() as i64;
        if h == 0 {
            return f.write_str("0");
        }
        if h < 0 {
            f.write_char('-')?;
        }
        let a = h.unsigned_abs();
        let (int, frac) = (a / 100, a % 100);
        write!(f, "{int}")?;
        match frac {
            0 => Ok(()),
            d if d % 10 == 0 => write!(f, ".{}", d / 10),
            d => write!(f, ".{d:02}"),
        }
    }
}

/// A point as `x,y` in paper millimetres.
#[derive(Clone, Copy)]
pub(crate) struct P(pub f64, pub f64);

impl Display for P {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{}", N(self.0), N(self.1))
    }
}

/// Path data of polylines and rings, in paper millimetres, with repeated points (after
/// rounding) dropped.
#[derive(Default)]
pub(crate) struct PathData {
    d: String,
    last: Option<(i64, i64)>,
}

impl PathData {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    fn key(x: f64, y: f64) -> (i64, i64) {
        ((x * 100.0).round() as i64, (y * 100.0).round() as i64)
    }

    /// Starts a subpath at (x, y).
    pub fn move_to(&mut self, x: f64, y: f64) {
        let _ = write!(self.d, "M{}", P(x, y));
        self.last = Some(Self::key(x, y));
    }

    /// A straight line to (x, y), unless it is where the pen already is.
    pub fn line_to(&mut self, x: f64, y: f64) {
        let k = Self::key(x, y);
        if self.last == Some(k) {
            return;
        }
        let _ = write!(self.d, "L{}", P(x, y));
        self.last = Some(k);
    }

    /// A circular arc of radius `r` to (x, y), `sweep` as in SVG.
    pub fn arc_to(&mut self, r: f64, sweep: bool, x: f64, y: f64) {
        let _ = write!(
            self.d,
            "A{} {} 0 0 {} {}",
            N(r),
            N(r),
            u8::from(sweep),
            P(x, y)
        );
        self.last = Some(Self::key(x, y));
    }

    /// Closes the subpath.
    pub fn close(&mut self) {
        self.d.push('Z');
    }

    /// A polyline (at least two points) as one subpath; `closed` joins the last to the first.
    pub fn polyline(&mut self, pts: impl IntoIterator<Item = (f64, f64)>, closed: bool) {
        let mut it = pts.into_iter();
        let Some((x, y)) = it.next() else { return };
        self.move_to(x, y);
        for (x, y) in it {
            self.line_to(x, y);
        }
        if closed {
            self.close();
        }
    }

    /// True when nothing was drawn.
    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }

    /// The `d` attribute's value.
    pub fn as_str(&self) -> &str {
        &self.d
    }
}

/// The ids of one document: every id handed out is an XML name and unique.
#[derive(Default)]
pub(crate) struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// A fresh registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// A unique id made from `base`: characters other than ASCII letters, digits, `-`, `_`
    /// and `.` become `_`, a name not starting with a letter or `_` is prefixed with `_`, and
    /// a taken id gets `-2`, `-3`... appended.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id: String = base
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if !id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            id.insert(0, '_');
        }
        if self.used.insert(id.clone()) {
            return id;
        }
        let mut n = 2;
        loop {
            let candidate = format!("{id}-{n}");
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        let s = Esc("<script>alert(\"1\") & 'x'</script>\u{1}\u{7}ok\tend").to_string();
        assert_eq!(
            s,
            "&lt;script&gt;alert(&quot;1&quot;) &amp; &#39;x&#39;&lt;/script&gt;ok end"
        );
        assert_eq!(Esc("Büro 1.02 — Nord").to_string(), "Büro 1.02 — Nord");
    }

    #[test]
    fn numbers_to_the_hundredth() {
        let n = |v: f64| N(v).to_string();
        assert_eq!(n(12.5), "12.5");
        assert_eq!(n(3.0), "3");
        assert_eq!(n(-0.251), "-0.25");
        assert_eq!(n(0.004), "0");
        assert_eq!(n(-0.004), "0");
        assert_eq!(n(1.05), "1.05");
        assert_eq!(n(100.1), "100.1");
        assert_eq!(n(f64::NAN), "0");
        assert_eq!(P(1.0, 2.345).to_string(), "1,2.35");
    }

    #[test]
    fn ids_are_names_and_unique() {
        let mut ids = Ids::new();
        assert_eq!(ids.unique("ap-1"), "ap-1");
        assert_eq!(ids.unique("ap-1"), "ap-1-2");
        assert_eq!(ids.unique("ap-1"), "ap-1-3");
        assert_eq!(ids.unique("0.001"), "_0.001");
        assert_eq!(ids.unique("<script>"), "_script_");
        assert_eq!(ids.unique("ap-1-2"), "ap-1-2-2");
    }

    #[test]
    fn paths_skip_repeated_points() {
        let mut d = PathData::new();
        d.polyline([(0.0, 0.0), (0.001, 0.0), (1.0, 2.0)], true);
        assert_eq!(d.as_str(), "M0,0L1,2Z");
    }
}
