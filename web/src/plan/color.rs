//! Colours: parsing the `#rrggbb` of the material library and writing CSS colours.

use std::fmt;

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rgba {
    /// Red, 0-255.
    pub r: u8,
    /// Green, 0-255.
    pub g: u8,
    /// Blue, 0-255.
    pub b: u8,
    /// Alpha, 0 (transparent) to 255 (opaque).
    pub a: u8,
}

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// An opaque colour from `0xrrggbb`.
    pub const fn hex(v: u32) -> Self {
        Self::rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }

    /// The same colour with alpha `a` (0-255).
    pub const fn with_alpha(self, a: u8) -> Self {
        Self { a, ..self }
    }

    /// Parses `#rrggbb`, `#rgb` or `#rrggbbaa` (the `#` is optional, surrounding spaces are
    /// ignored). `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let s = s.strip_prefix('#').unwrap_or(s);
        if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).ok();
        let nibble = |i: usize| u8::from_str_radix(&s[i..i + 1], 16).ok().map(|v| v * 17);
        match s.len() {
            3 => Some(Self::rgb(nibble(0)?, nibble(1)?, nibble(2)?)),
            6 => Some(Self::rgb(byte(0)?, byte(2)?, byte(4)?)),
            8 => Some(Self::rgb(byte(0)?, byte(2)?, byte(4)?).with_alpha(byte(6)?)),
            _ => None,
        }
    }

    /// Mixes towards `other` by `t` (0 keeps `self`, 1 gives `other`), alpha included.
    pub fn mix(self, other: Rgba, t: f64) -> Rgba {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgba {
            r: m(self.r, other.r),
            g: m(self.g, other.g),
            b: m(self.b, other.b),
            a: m(self.a, other.a),
        }
    }

    /// Relative luminance (0 black to 1 white), for picking a readable text colour.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// The colour as bytes `[r, g, b, a]` (one pixel of an RGBA image).
    pub const fn to_array(self) -> [u8; 4] {
        [self.r, self.g, self.b, self.a]
    }

    /// The colour as CSS: `#rrggbb` when opaque, else `rgba(r,g,b,a)`.
    pub fn css(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Rgba {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.a == 255 {
            write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
        } else {
            let a = f64::from(self.a) / 255.0;
            write!(f, "rgba({},{},{},{:.3})", self.r, self.g, self.b, a)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_library_colours() {
        assert_eq!(Rgba::parse("#4a4f55"), Some(Rgba::rgb(0x4a, 0x4f, 0x55)));
        assert_eq!(Rgba::parse(" 4A4F55 "), Some(Rgba::rgb(0x4a, 0x4f, 0x55)));
        assert_eq!(Rgba::parse("#fa0"), Some(Rgba::rgb(0xff, 0xaa, 0x00)));
        assert_eq!(Rgba::parse("#00000080").unwrap().a, 0x80);
        for bad in ["", "#", "#12345", "red", "#ggg", "#12345é", "rgb(1,2,3)"] {
            assert_eq!(Rgba::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn writes_css() {
        assert_eq!(Rgba::hex(0x1f6f9f).css(), "#1f6f9f");
        assert_eq!(
            Rgba::hex(0x000000).with_alpha(51).css(),
            "rgba(0,0,0,0.200)"
        );
    }

    #[test]
    fn mixes_and_measures() {
        let black = Rgba::hex(0x000000);
        let white = Rgba::hex(0xffffff);
        assert_eq!(black.mix(white, 0.5), Rgba::rgb(128, 128, 128));
        assert_eq!(black.mix(white, 7.0), white);
        assert!(white.luminance() > 0.99 && black.luminance() < 0.01);
    }
}
