//! Values as a person types them (`"2.4"`, `"lorawan"`, `"A3"`, `"1:100"`), read the same way by
//! every front end, each refusal an [`AppError`] naming the [`Param`].

use std::str::FromStr;

use tailplan_core::{IotTech, WifiBand};
use tailplan_io::geojson::CrsChoice;
use tailplan_io::import::Units;
use tailplan_io::layers::LayerMap;
use tailplan_io::sheet::{Paper, Scale, SheetKind};

use crate::error::{AppError, Param};

/// A Wi-Fi band: `2.4`, `5` or `6`.
pub fn band(s: &str) -> Result<WifiBand, AppError> {
    WifiBand::parse(s)
        .ok_or_else(|| AppError::invalid(Param::Band, s, "not a Wi-Fi band (2.4, 5 or 6)"))
}

/// An IoT technology: `lorawan`, `ble`, `zigbee` or `thread`.
pub fn tech(s: &str) -> Result<IotTech, AppError> {
    IotTech::parse(s).ok_or_else(|| {
        AppError::invalid(
            Param::Tech,
            s,
            "not an IoT technology (lorawan, ble, zigbee or thread)",
        )
    })
}

fn by_from_str<T: FromStr<Err = String>>(param: Param, s: &str) -> Result<T, AppError> {
    s.parse::<T>().map_err(|e| AppError::unreadable(param, e))
}

/// How to read GeoJSON coordinates: `auto`, `planar` or `wgs84`.
pub fn crs(s: &str) -> Result<CrsChoice, AppError> {
    by_from_str(Param::Crs, s)
}

/// DXF drawing units: `mm`, `cm`, `m`, `in` or `ft`.
pub fn units(s: &str) -> Result<Units, AppError> {
    by_from_str(Param::Units, s)
}

/// Layer roles: `"PATTERN=ROLE,..."`.
pub fn layers(s: &str) -> Result<LayerMap, AppError> {
    by_from_str(Param::Layers, s)
}

/// A sheet's paper: `A4` to `A0`.
pub fn paper(s: &str) -> Result<Paper, AppError> {
    by_from_str(Param::Paper, s)
}

/// A sheet's scale: `1:100` or `100`.
pub fn scale(s: &str) -> Result<Scale, AppError> {
    by_from_str(Param::Scale, s)
}

/// What a sheet shows: `cabling`, `coverage`, `riser` or `scenarios`.
pub fn sheet_kind(s: &str) -> Result<SheetKind, AppError> {
    by_from_str(Param::Kind, s)
}

/// The kinds of sheet of a set.
pub fn sheet_kinds(list: &[String]) -> Result<Vec<SheetKind>, AppError> {
    list.iter().map(|k| by_from_str(Param::Kinds, k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_as_typed() {
        assert_eq!(band("2.4").unwrap(), WifiBand::Ghz2_4);
        assert_eq!(
            band("7").unwrap_err().to_string(),
            "band 7: not a Wi-Fi band (2.4, 5 or 6)"
        );
        assert_eq!(tech("lorawan").unwrap(), IotTech::Lorawan);
        assert_eq!(
            paper("B2").unwrap_err().to_string(),
            "paper: unknown paper \"B2\": expected A4, A3, A2, A1 or A0"
        );
        assert_eq!(scale("1:100").unwrap(), Scale(100));
        assert!(sheet_kinds(&["cabling".into(), "x".into()]).is_err());
    }
}
