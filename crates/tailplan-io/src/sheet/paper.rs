//! Paper sizes (ISO 216 A4 to A0, landscape) and drawing scales (1:50 to 1:500, and 1:1000 and
//! 1:2000 for sites too big for those).

use std::fmt;
use std::str::FromStr;

/// An ISO 216 paper size, used in landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Paper {
    /// 297 × 210 mm.
    A4,
    /// 420 × 297 mm (the default for a floor that fits it at 1:100).
    A3,
    /// 594 × 420 mm.
    A2,
    /// 841 × 594 mm (the default for larger floors).
    A1,
    /// 1189 × 841 mm.
    A0,
}

impl Paper {
    /// Every size, smallest first.
    pub const ALL: [Paper; 5] = [Paper::A4, Paper::A3, Paper::A2, Paper::A1, Paper::A0];

    /// Width and height in landscape, millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (297.0, 210.0),
            Paper::A3 => (420.0, 297.0),
            Paper::A2 => (594.0, 420.0),
            Paper::A1 => (841.0, 594.0),
            Paper::A0 => (1189.0, 841.0),
        }
    }

    /// `A4` ... `A0`.
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::A2 => "A2",
            Paper::A1 => "A1",
            Paper::A0 => "A0",
        }
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Paper {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Paper::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown paper \"{s}\": expected A4, A3, A2, A1 or A0"))
    }
}

/// A drawing scale 1:N: one millimetre on paper is N millimetres in the building.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scale(pub u32);

impl Scale {
    /// The standard scales of building plans, largest first: 1:50, 1:100, 1:200, 1:500.
    pub const STANDARD: [Scale; 4] = [Scale(50), Scale(100), Scale(200), Scale(500)];

    /// Scales used when a floor does not fit any paper at 1:500 (site plans).
    pub const SITE: [Scale; 2] = [Scale(1000), Scale(2000)];

    /// Paper millimetres per metre of building.
    pub fn mm_per_m(self) -> f64 {
        1000.0 / f64::from(self.0.max(1))
    }
}

impl fmt::Display for Scale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "1:{}", self.0)
    }
}

impl FromStr for Scale {
    type Err = String;
    /// `1:100` or `100`.
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let n = t.strip_prefix("1:").unwrap_or(t).trim();
        match n.parse::<u32>() {
            Ok(n) if (1..=100_000).contains(&n) => Ok(Scale(n)),
            _ => Err(format!(
                "\"{s}\" is not a scale: write 1:50, 1:100, 1:200 or 1:500"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_paper_and_scale() {
        assert_eq!("a1".parse::<Paper>(), Ok(Paper::A1));
        assert!("B2".parse::<Paper>().is_err());
        assert_eq!("1:200".parse::<Scale>(), Ok(Scale(200)));
        assert_eq!("50".parse::<Scale>(), Ok(Scale(50)));
        assert!("1:0".parse::<Scale>().is_err());
        assert!("big".parse::<Scale>().is_err());
        assert_eq!(Scale(100).mm_per_m(), 10.0);
        assert_eq!(Scale(200).to_string(), "1:200");
        assert_eq!(Paper::A3.size_mm(), (420.0, 297.0));
    }
}
