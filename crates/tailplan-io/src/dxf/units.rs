//! Drawing units: `$INSUNITS`, the user's `--units`, or a guess from the drawing's size.

use dxf::enums::Units as DxfUnits;

use crate::import::options::Units;

/// The units `$INSUNITS` names, `None` for unitless or exotic ones.
pub(crate) fn from_header(u: DxfUnits) -> Option<Units> {
    Some(match u {
        DxfUnits::Millimeters => Units::Millimetres,
        DxfUnits::Centimeters => Units::Centimetres,
        DxfUnits::Meters => Units::Metres,
        DxfUnits::Inches => Units::Inches,
        DxfUnits::Feet => Units::Feet,
        _ => return None,
    })
}

/// A guess from the drawing's larger extent, for a unitless drawing of a building: more than
/// 2,000 units across is millimetres, more than 300 centimetres, else metres.
pub(crate) fn guess(extent: f64) -> Units {
    if extent > 2000.0 {
        Units::Millimetres
    } else if extent > 300.0 {
        Units::Centimetres
    } else {
        Units::Metres
    }
}
