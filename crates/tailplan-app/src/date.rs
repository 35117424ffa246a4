//! [`SheetDate`]: the one calendar date type, `YYYY-MM-DD`, of sheets' title blocks and DXF
//! headers. This crate reads no clock: a front end reads its own (the CLI the system's, the
//! browser `Date`) and makes the date with [`SheetDate::from_unix_seconds`] or
//! [`SheetDate::from_ymd`].

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{AppError, Param};

/// A calendar day of the proleptic Gregorian calendar, years 0 to 9999, written `YYYY-MM-DD`.
///
/// ```
/// use tailplan_app::SheetDate;
/// assert_eq!(SheetDate::parse("2025-01-31")?.to_string(), "2025-01-31");
/// assert!(SheetDate::parse("2025-02-31").is_err()); // no such day
/// assert!(SheetDate::parse("31/01/2025").is_err());
/// assert_eq!(SheetDate::from_unix_seconds(0).to_string(), "1970-01-01");
/// # Ok::<(), tailplan_app::AppError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SheetDate(NaiveDate);

impl SheetDate {
    /// Reads `YYYY-MM-DD` (surrounding white space ignored), refusing what is not a real day
    /// (`2025-02-31`, `2025-13-01`) with [`AppError::Invalid`] of [`Param::Date`].
    pub fn parse(s: &str) -> Result<Self, AppError> {
        let refuse = || AppError::invalid(Param::Date, s, "not a date: write YYYY-MM-DD");
        let t = s.trim().as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            t.get(r)
                .filter(|d| d.iter().all(u8::is_ascii_digit))
                .map(|d| d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')))
        };
        if t.len() != 10 || t.get(4) != Some(&b'-') || t.get(7) != Some(&b'-') {
            return Err(refuse());
        }
        match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => Self::from_ymd(y as i32, m, d).ok_or_else(refuse),
            _ => Err(refuse()),
        }
    }

    /// The day, when it is one (years 0 to 9999).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(SheetDate)
    }

    /// The UTC day of a time in seconds since 1970-01-01 (before 0000 or after 9999: the
    /// nearest day that is not).
    pub fn from_unix_seconds(seconds: i64) -> Self {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let first = NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default();
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
        let days = seconds
            .div_euclid(86_400)
            .clamp((first - epoch).num_days(), (last - epoch).num_days());
        let day = chrono::TimeDelta::try_days(days)
            .and_then(|d| epoch.checked_add_signed(d))
            .unwrap_or(epoch);
        SheetDate(day)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        self.0.day()
    }
}

impl fmt::Display for SheetDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl FromStr for SheetDate {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, AppError> {
        Self::parse(s)
    }
}

impl Serialize for SheetDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SheetDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_days_are_dates() {
        for ok in [
            "2025-01-31",
            "2024-02-29",
            "2000-02-29",
            " 1999-12-31 ",
            "0000-01-01",
        ] {
            assert!(SheetDate::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "2025-02-31",
            "2023-02-29",
            "1900-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-04-31",
            "31/01/2025",
            "2025-1-31",
            "20250131",
            "2025-01-31T00",
            "",
            "yyyy-mm-dd",
            "+025-01-31",
            "２０２５-01-31",
        ] {
            let e = SheetDate::parse(bad).expect_err(bad);
            assert_eq!(
                e.to_string(),
                format!("date {bad}: not a date: write YYYY-MM-DD")
            );
        }
    }

    #[test]
    fn days_since_1970() {
        let d = |s: i64| SheetDate::from_unix_seconds(s).to_string();
        assert_eq!(d(0), "1970-01-01");
        assert_eq!(d(19_723 * 86_400), "2024-01-01");
        assert_eq!(d(20_119 * 86_400 + 86_399), "2025-01-31");
        assert_eq!(d(11_016 * 86_400), "2000-02-29");
        assert_eq!(d(-1), "1969-12-31");
        assert_eq!(d(i64::MAX), "9999-12-31");
        assert_eq!(d(i64::MIN), "0000-01-01");
    }

    #[test]
    fn serde_is_the_text() {
        let d = SheetDate::parse("2025-01-31").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2025-01-31\"");
        assert_eq!(
            serde_json::from_str::<SheetDate>("\"2025-01-31\"").unwrap(),
            d
        );
        assert!(serde_json::from_str::<SheetDate>("\"2025-02-30\"").is_err());
    }
}
