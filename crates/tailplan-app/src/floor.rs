//! Which floor and which band or technology a command is about: [`pick_floor`] and
//! [`pick_service`], the rules every front end follows.

use tailplan_core::coverage::Service;
use tailplan_core::{Floor, IotTech, Project, WifiBand};

use crate::error::{AppError, Param};

/// The floor asked for, or the only floor of the project. `name` is the project's name in
/// messages.
///
/// ```
/// use tailplan_core::{Floor, Project};
/// let mut p = Project::new();
/// p.floors.push(Floor::new("0", "Ground", 0.0));
/// assert_eq!(tailplan_app::pick_floor("p.json", &p, None)?.id, "0");
/// p.floors.push(Floor::new("1", "First", 3.5));
/// let e = tailplan_app::pick_floor("p.json", &p, None).unwrap_err();
/// assert_eq!(e.to_string(), "p.json: the project has 2 floors: give floor (one of 0, 1)");
/// # Ok::<(), tailplan_app::AppError>(())
/// ```
pub fn pick_floor<'p>(
    name: &str,
    project: &'p Project,
    floor: Option<&str>,
) -> Result<&'p Floor, AppError> {
    let ids = || project.floors.iter().map(|f| f.id.clone()).collect();
    match floor {
        Some(id) => project.floor(id).ok_or_else(|| AppError::NoSuchFloor {
            project: name.to_owned(),
            floor: id.to_owned(),
            floors: ids(),
        }),
        None => match project.floors.as_slice() {
            [only] => Ok(only),
            [] => Err(AppError::NoFloor {
                project: name.to_owned(),
            }),
            _ => Err(AppError::FloorNeeded {
                project: name.to_owned(),
                floors: ids(),
            }),
        },
    }
}

/// The band or technology a floor's map shows: the one asked for (a band or a technology,
/// not both), else the floor's default ([`Service::default_for`]: the Wi-Fi band of most of
/// its access points, else the technology of most of its gateways). The CLI's `coverage`, the
/// npm package's `coverage()`, the coverage sheets and the editor's heatmap all follow it.
pub fn pick_service(
    name: &str,
    floor: &Floor,
    band: Option<WifiBand>,
    tech: Option<IotTech>,
) -> Result<Service, AppError> {
    match (band, tech) {
        (Some(_), Some(_)) => Err(AppError::Conflict {
            a: Param::Band,
            b: Param::Tech,
        }),
        (Some(b), None) => Ok(Service::Wifi(b)),
        (None, Some(t)) => Ok(Service::Iot(t)),
        (None, None) => Service::default_for(floor).ok_or_else(|| AppError::NoTransmitter {
            project: name.to_owned(),
            floor: floor.id.clone(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_by_id_or_the_only_one() {
        let mut p = Project::new();
        assert_eq!(
            pick_floor("p", &p, None).unwrap_err().to_string(),
            "p: the project has no floor"
        );
        p.floors.push(Floor::new("0", "Ground", 0.0));
        p.floors.push(Floor::new("1", "First", 3.5));
        assert_eq!(pick_floor("p", &p, Some("1")).unwrap().name, "First");
        assert_eq!(
            pick_floor("p", &p, Some("9")).unwrap_err().to_string(),
            "p: floor 9: no such floor (floors: 0, 1)"
        );
    }

    #[test]
    fn a_floor_without_transmitters_needs_a_service() {
        let f = Floor::new("0", "Ground", 0.0);
        assert_eq!(
            pick_service("p", &f, Some(WifiBand::Ghz6), None).unwrap(),
            Service::Wifi(WifiBand::Ghz6)
        );
        assert!(matches!(
            pick_service("p", &f, Some(WifiBand::Ghz6), Some(IotTech::Ble)),
            Err(AppError::Conflict { .. })
        ));
        assert_eq!(
            pick_service("p", &f, None, None).unwrap_err().to_string(),
            "p: floor \"0\" has no access point or gateway: give band or tech"
        );
    }
}
