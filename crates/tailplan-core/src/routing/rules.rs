//! The design rules, each reported with the cable, tray section or room it concerns: link
//! length per medium, tray fill, PoE budget and class, ports per telecom room; plus endpoints
//! that could not be served and problems of the pathways and hand routes.

use crate::devices::Medium;
use crate::diagnostics::Severity;
use crate::project::Project;
use crate::routing::cable::Cable;
use crate::routing::finding::{Finding, Rule};
use crate::routing::loads::{RoomLoad, TrayFill};
use crate::routing::poe::PoeType;
use crate::settings::CablingSettings;

/// The rules that concern one cable alone: its length against its medium's limit, and its
/// device's power against the medium and the PoE types.
pub fn cable_findings(project: &Project, cable: &Cable) -> Vec<Finding> {
    let cabling = &project.settings.cabling;
    let mut out = Vec::new();
    let subject = cable.endpoint.element_id.as_str();
    let location = format!("{} (cable {})", cable.endpoint.location(project), cable.id);
    if let Some(limit) = cabling.max_length_m(cable.medium)
        && cable.lengths.total_m > limit + 1e-9
    {
        out.push(
            Finding::new(
                Rule::LinkLength,
                Severity::Error,
                subject,
                &location,
                format!(
                    "{} link of {:.1} m to {} is over the {} limit of {limit} m",
                    medium_name(cable.medium),
                    cable.lengths.total_m,
                    cable.room,
                    limit_name(cable.medium)
                ),
            )
            .with_values(cable.lengths.total_m, limit),
        );
    }
    if cable.medium == Medium::Cat6a
        && let Some(limit) = cabling.max_length_m(cable.medium)
        && cable.lengths.total_m <= limit + 1e-9
    {
        let channel = cable.lengths.total_m + cabling.patch_cord_m + cabling.work_area_cord_m;
        if channel > cabling.copper_channel_max_m + 1e-9 {
            out.push(
                Finding::new(
                    Rule::ChannelLength,
                    Severity::Error,
                    subject,
                    &location,
                    format!(
                        "the channel to {} is {channel:.1} m ({:.1} m permanent link, {} m of cords at the distributor and {} m at the outlet), over the {} m channel limit",
                        cable.room,
                        cable.lengths.total_m,
                        cabling.patch_cord_m,
                        cabling.work_area_cord_m,
                        cabling.copper_channel_max_m
                    ),
                )
                .with_values(channel, cabling.copper_channel_max_m),
            );
        }
    }
    if cable.floor != cable.room_floor
        && !(cabling.serve_adjacent_floors && adjacent(project, &cable.floor, &cable.room_floor))
    {
        out.push(Finding::new(
            Rule::HorizontalOtherFloor,
            Severity::Warning,
            subject,
            &location,
            format!(
                "its horizontal cable ends at {} on floor \"{}\": ISO/IEC 11801-1 and TIA-569 want each floor served by a distributor on that floor{}",
                cable.room,
                cable.room_floor,
                if cabling.serve_adjacent_floors {
                    " (the settings allow the next floors of the same building only)"
                } else {
                    ""
                }
            ),
        ));
    }
    if let Some(w) = cable.endpoint.poe_w.filter(|w| *w > 0.0) {
        match cable.medium {
            Medium::Cat6a if PoeType::for_device(w).is_none() => out.push(
                Finding::new(
                    Rule::PoeClass,
                    Severity::Error,
                    subject,
                    &location,
                    format!(
                        "draws {w} W: more than 802.3bt Type 4 delivers ({} W at the device, {} W at the port)",
                        PoeType::BtType4.device_w(),
                        PoeType::BtType4.port_w()
                    ),
                )
                .with_values(w, PoeType::BtType4.device_w()),
            ),
            Medium::Fiber => out.push(
                Finding::new(
                    Rule::PoeMedium,
                    Severity::Warning,
                    subject,
                    &location,
                    format!("draws {w} W but fibre carries no power: it needs a local supply"),
                )
                .with_values(w, 0.0),
            ),
            _ => {}
        }
    }
    out
}

/// Whether two floors are of the same building with no floor of it between them.
fn adjacent(project: &Project, a: &str, b: &str) -> bool {
    let (Some(fa), Some(fb)) = (project.floor(a), project.floor(b)) else {
        return false;
    };
    if fa.building != fb.building {
        return false;
    }
    let (lo, hi) = if fa.elevation_m <= fb.elevation_m {
        (fa.elevation_m, fb.elevation_m)
    } else {
        (fb.elevation_m, fa.elevation_m)
    };
    !project.floors.iter().any(|f| {
        f.building == fa.building
            && f.id != fa.id
            && f.id != fb.id
            && f.elevation_m > lo
            && f.elevation_m < hi
    })
}

/// The rules of a telecom room: ports and PoE budget.
pub fn room_findings(load: &RoomLoad) -> Vec<Finding> {
    let mut out = Vec::new();
    let location = format!("floor \"{}\", telecom room \"{}\"", load.floor, load.name);
    if load.used > u64::from(load.ports) {
        out.push(
            Finding::new(
                Rule::Ports,
                Severity::Error,
                &load.room_id,
                &location,
                format!(
                    "{} cables for {} ports ({} drawn by hand)",
                    load.used, load.ports, load.hand
                ),
            )
            .with_values(load.used as f64, f64::from(load.ports)),
        );
    }
    if let Some(budget) = load.poe_budget_w {
        if load.poe_w > budget + 1e-9 {
            out.push(
                Finding::new(
                    Rule::PoeBudget,
                    Severity::Error,
                    &load.room_id,
                    &location,
                    format!(
                        "its devices draw {:.1} W of PoE, over its {budget} W budget",
                        load.poe_w
                    ),
                )
                .with_values(load.poe_w, budget),
            );
        } else if load.poe_port_w > budget + 1e-9 {
            out.push(
                Finding::new(
                    Rule::PoeBudget,
                    Severity::Warning,
                    &load.room_id,
                    &location,
                    format!(
                        "a switch that reserves each port's full class power needs {:.1} W, over its {budget} W budget (the devices draw {:.1} W)",
                        load.poe_port_w, load.poe_w
                    ),
                )
                .with_values(load.poe_port_w, budget),
            );
        }
    }
    out
}

/// The rules of a tray section: fill of its cross-section and its cable capacity.
pub fn fill_findings(fill: &TrayFill, cabling: &CablingSettings) -> Vec<Finding> {
    let mut out = Vec::new();
    let location = format!(
        "floor \"{}\", tray \"{}\" segment {} ({:.1}, {:.1})-({:.1}, {:.1})",
        fill.floor, fill.tray, fill.segment, fill.from.x, fill.from.y, fill.to.x, fill.to.y
    );
    if let Some(f) = fill.fill
        && f > cabling.tray_fill_max + 1e-12
    {
        out.push(
            Finding::new(
                Rule::TrayFill,
                Severity::Error,
                &fill.tray_id,
                &location,
                format!(
                    "{} cables fill {:.0} % of its cross-section, over the {:.0} % allowed",
                    fill.cables,
                    f * 100.0,
                    cabling.tray_fill_max * 100.0
                ),
            )
            .with_values(f, cabling.tray_fill_max),
        );
    }
    if fill.poe_bundle > cabling.poe_bundle_max {
        out.push(
            Finding::new(
                Rule::PoeBundle,
                Severity::Warning,
                &fill.tray_id,
                &location,
                format!(
                    "{} cables carry 802.3at PoE or more in one bundle, over the {} the settings allow (TIA TSB-184-A, ISO/IEC TS 29125): split the bundle or derate",
                    fill.poe_bundle, cabling.poe_bundle_max
                ),
            )
            .with_values(f64::from(fill.poe_bundle), f64::from(cabling.poe_bundle_max)),
        );
    }
    if let Some(cap) = fill.capacity
        && fill.cables > cap
    {
        out.push(
            Finding::new(
                Rule::TrayCapacity,
                Severity::Error,
                &fill.tray_id,
                &location,
                format!("{} cables, over its capacity of {cap}", fill.cables),
            )
            .with_values(f64::from(fill.cables), f64::from(cap)),
        );
    }
    out
}

/// `Cat6A`, `SPE`, `fibre`.
pub fn medium_name(m: Medium) -> &'static str {
    match m {
        Medium::Cat6a => "Cat6A",
        Medium::Spe => "SPE",
        Medium::Fiber => "fibre",
        Medium::Wireless => "wireless",
    }
}

fn limit_name(m: Medium) -> &'static str {
    match m {
        Medium::Cat6a => "permanent-link",
        Medium::Spe => "10BASE-T1L",
        _ => "link",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poe_types_by_device_power() {
        assert_eq!(PoeType::for_device(12.95), Some(PoeType::Af));
        assert_eq!(PoeType::for_device(13.0), Some(PoeType::At));
        assert_eq!(PoeType::for_device(25.5), Some(PoeType::At));
        assert_eq!(PoeType::for_device(60.0), Some(PoeType::BtType4));
        assert_eq!(PoeType::for_device(71.3), Some(PoeType::BtType4));
        assert_eq!(PoeType::for_device(72.0), None);
        assert_eq!(PoeType::ALL.map(PoeType::port_w), [15.4, 30.0, 60.0, 90.0]);
    }
}
