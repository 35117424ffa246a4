//! Proposals of access point and gateway positions: [`place_aps`] and [`place_gateways`],
//! with the ranges every front end holds the targets to, and [`replaced`], what accepting a
//! proposal takes away.

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::coverage::placement::{
    ApPlacement, ApPlacementOptions, GatewayPlacement, GatewayPlacementOptions,
};
use tailplan_core::coverage::{Service, place_aps as core_place_aps, place_gateways as core_gw};
use tailplan_core::diagnostics::Num;
use tailplan_core::{ElementId, Floor, IotTech, Project};

use crate::error::{AppError, Param};
use crate::floor::pick_floor;

fn within(param: Param, v: f64, lo: f64, hi: f64) -> Result<(), AppError> {
    if v.is_finite() && v >= lo && v <= hi {
        Ok(())
    } else {
        Err(AppError::number(
            param,
            v,
            format!("must be a number from {} to {}", Num(lo), Num(hi)),
        ))
    }
}

fn metres(param: Param, v: f64) -> Result<(), AppError> {
    if v.is_finite() && v > 0.0 && v <= 1000.0 {
        Ok(())
    } else {
        Err(AppError::number(
            param,
            v,
            "must be a positive number of metres (at most 1000)",
        ))
    }
}

/// What access points to propose: `tailplan place-aps`, the editor's placement.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApPlacementRequest {
    /// The floor's id (needed when the project has several floors).
    pub floor: Option<String>,
    /// What to aim for (the core's defaults: 5 GHz, −67 dBm over 95 % of the rooms...).
    pub options: ApPlacementOptions,
}

impl ApPlacementRequest {
    /// Refuses targets out of range: RSSI −150 to 0 dBm, shares 0 to 100 %, EIRP −30 to
    /// 60 dBm, height 0 to 100 m, spacing and cell 0 to 1000 m.
    pub fn check(&self) -> Result<(), AppError> {
        let o = &self.options;
        within(Param::Target, o.target_dbm, -150.0, 0.0)?;
        within(Param::Coverage, o.coverage_percent, 0.0, 100.0)?;
        within(Param::SecondaryCoverage, o.secondary_percent, 0.0, 100.0)?;
        within(Param::Tx, o.tx_dbm, -30.0, 60.0)?;
        if let Some(h) = o.height_m {
            within(Param::Height, h, 0.0, 100.0)?;
        }
        metres(Param::Spacing, o.spacing_m)?;
        metres(Param::Cell, o.cell_m)
    }
}

/// Proposes access points for a floor. `name` is the project's name in messages.
pub fn place_aps(
    name: &str,
    project: &Project,
    request: &ApPlacementRequest,
) -> Result<ApPlacement, AppError> {
    request.check()?;
    let floor = pick_floor(name, project, request.floor.as_deref())?;
    core_place_aps(project, &floor.id, &request.options).map_err(|error| AppError::Coverage {
        project: name.to_owned(),
        error,
    })
}

/// What gateways to propose: `tailplan place-gateways`, the editor's placement.
#[derive(Debug, Clone, PartialEq)]
pub struct GatewayPlacementRequest {
    /// The floor's id (needed when the project has several floors).
    pub floor: Option<String>,
    /// The technology; `None` for every technology the floor's devices use.
    pub tech: Option<IotTech>,
    /// The link margin each device needs over the sensitivity, dB.
    pub margin_db: f64,
    /// EIRP of the proposed gateways, dBm; `None` for the technology's.
    pub tx_dbm: Option<f64>,
    /// Mounting height, metres; `None` for the floor's ceiling.
    pub height_m: Option<f64>,
    /// Distance between candidate positions, metres.
    pub spacing_m: f64,
    /// Keep the floor's gateways of the technology and count what they reach.
    pub keep_existing: bool,
}

impl Default for GatewayPlacementRequest {
    fn default() -> Self {
        let core = GatewayPlacementOptions::new(IotTech::Ble);
        Self {
            floor: None,
            tech: None,
            margin_db: core.margin_db,
            tx_dbm: core.tx_dbm,
            height_m: core.height_m,
            spacing_m: core.spacing_m,
            keep_existing: core.keep_existing,
        }
    }
}

impl GatewayPlacementRequest {
    /// Refuses targets out of range: margin −50 to 100 dB, EIRP −30 to 60 dBm, height 0 to
    /// 100 m, spacing 0 to 1000 m.
    pub fn check(&self) -> Result<(), AppError> {
        within(Param::Margin, self.margin_db, -50.0, 100.0)?;
        if let Some(tx) = self.tx_dbm {
            within(Param::Tx, tx, -30.0, 60.0)?;
        }
        if let Some(h) = self.height_m {
            within(Param::Height, h, 0.0, 100.0)?;
        }
        metres(Param::Spacing, self.spacing_m)
    }

    /// The technologies placed on `floor`: the one asked for, else every technology its
    /// devices use (none on a floor whose devices have no technology).
    pub fn techs(&self, floor: &Floor) -> Vec<IotTech> {
        match self.tech {
            Some(t) => vec![t],
            None => IotTech::ALL
                .into_iter()
                .filter(|&t| floor.devices.iter().any(|d| d.tech == Some(t)))
                .collect(),
        }
    }
}

/// A floor's gateway proposals, one per technology: what `place-gateways --out` writes.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GatewayPlacements {
    /// The floor's id.
    pub floor: String,
    /// One proposal per technology placed (none when the floor's devices use none).
    pub placements: Vec<GatewayPlacement>,
}

/// Proposes gateways for a floor, for each technology [`GatewayPlacementRequest::techs`]
/// gives.
pub fn place_gateways(
    name: &str,
    project: &Project,
    request: &GatewayPlacementRequest,
) -> Result<GatewayPlacements, AppError> {
    request.check()?;
    let floor = pick_floor(name, project, request.floor.as_deref())?;
    let mut placements = Vec::new();
    for tech in request.techs(floor) {
        let options = GatewayPlacementOptions {
            margin_db: request.margin_db,
            tx_dbm: request.tx_dbm,
            height_m: request.height_m,
            spacing_m: request.spacing_m,
            keep_existing: request.keep_existing,
            ..GatewayPlacementOptions::new(tech)
        };
        placements.push(core_gw(project, &floor.id, &options).map_err(|error| {
            AppError::Coverage {
                project: name.to_owned(),
                error,
            }
        })?);
    }
    Ok(GatewayPlacements {
        floor: floor.id.clone(),
        placements,
    })
}

/// The transmitters accepting a proposal for `service` takes away: the floor's access points
/// of the band (or gateways of the technology), unless they are kept.
pub fn replaced(floor: &Floor, service: Service, keep_existing: bool) -> Vec<ElementId> {
    if keep_existing {
        return Vec::new();
    }
    match service {
        Service::Wifi(b) => floor
            .access_points
            .iter()
            .filter(|a| a.has_band(b))
            .map(|a| a.id.clone())
            .collect(),
        Service::Iot(t) => floor
            .gateways
            .iter()
            .filter(|g| g.tech == t)
            .map(|g| g.id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tailplan_core::WifiBand;

    #[test]
    fn targets_out_of_range_are_refused() {
        let project = tailplan_samples::small_floor();
        let mut r = ApPlacementRequest::default();
        r.options.target_dbm = 5.0;
        assert_eq!(
            place_aps("small", &project, &r).unwrap_err().to_string(),
            "target_dbm 5: must be a number from -150 to 0"
        );
        r.options.target_dbm = -67.0;
        r.options.spacing_m = 1e300;
        assert_eq!(
            place_aps("small", &project, &r).unwrap_err().to_string(),
            "spacing_m 1e300: must be a positive number of metres (at most 1000)"
        );
        let g = GatewayPlacementRequest {
            margin_db: f64::NAN,
            ..Default::default()
        };
        assert_eq!(
            place_gateways("small", &project, &g)
                .unwrap_err()
                .to_string(),
            "margin_db NaN: must be a number from -50 to 100"
        );
    }

    #[test]
    fn gateways_for_every_technology_the_devices_use() {
        let project = tailplan_samples::small_floor();
        let done = place_gateways("small", &project, &GatewayPlacementRequest::default()).unwrap();
        assert_eq!(done.floor, "0");
        assert!(!done.placements.is_empty());
        let floor = &project.floors[0];
        assert_eq!(
            replaced(floor, Service::Wifi(WifiBand::Ghz5), false).len(),
            floor
                .access_points
                .iter()
                .filter(|a| a.has_band(WifiBand::Ghz5))
                .count()
        );
        assert!(replaced(floor, Service::Wifi(WifiBand::Ghz5), true).is_empty());
    }
}
