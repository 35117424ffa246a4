//! Channel plans: `tailplan plan-channels`, the npm package's `planChannels`, the editor's
//! "Plan channels": the core's [`plan_channels`](tailplan_core::coverage::plan_channels)
//! with the checks every front end holds its options to, and the plan made the project's.

use tailplan_core::channels::channel_span_mhz;
use tailplan_core::coverage::{ChannelPlan, ChannelPlanOptions, plan_channels as core_plan};
use tailplan_core::validate::valid_channel;
use tailplan_core::{Edit, Project, Radio};

use crate::error::{AppError, Param};
use crate::floor::pick_floor;

/// What to plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChannelPlanRequest {
    /// The floor's id (needed when the project has several floors).
    pub floor: Option<String>,
    /// The band, the width, the channels, DFS.
    pub options: ChannelPlanOptions,
}

impl ChannelPlanRequest {
    /// Refuses a width the band does not have (2.4 GHz up to 40 MHz, 5 GHz up to 160, 6 GHz
    /// up to 320) and channels that are not channels of the band.
    pub fn check(&self) -> Result<(), AppError> {
        let o = &self.options;
        if let Some(w) = o.width_mhz {
            let max = match o.band {
                tailplan_core::WifiBand::Ghz2_4 => 40,
                tailplan_core::WifiBand::Ghz5 => 160,
                tailplan_core::WifiBand::Ghz6 => 320,
            };
            if !Radio::WIDTHS_MHZ.contains(&w) || w > max {
                return Err(AppError::invalid(
                    Param::Width,
                    w,
                    format!(
                        "must be a {} GHz channel width: 20 to {max} MHz",
                        o.band.as_str()
                    ),
                ));
            }
        }
        if let Some(list) = &o.channels {
            if let Some(c) = list.iter().find(|&&c| !valid_channel(o.band, c)) {
                return Err(AppError::invalid(
                    Param::Channels,
                    c,
                    format!("is not a {} GHz channel", o.band.as_str()),
                ));
            }
            // With one width for all, each channel must name a block of that width once.
            if let Some(w) = o.width_mhz {
                let mut spans: Vec<(f64, f64)> = list
                    .iter()
                    .map(|&c| channel_span_mhz(o.band, c, w))
                    .collect();
                spans.sort_by(|a, b| a.0.total_cmp(&b.0));
                spans.dedup();
                if spans.len() < list.len() {
                    return Err(AppError::invalid(
                        Param::Channels,
                        list.iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(","),
                        format!("name the same {w} MHz block twice"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Plans a floor's channels. `name` is the project's name in messages.
pub fn plan_channels(
    name: &str,
    project: &Project,
    request: &ChannelPlanRequest,
) -> Result<ChannelPlan, AppError> {
    request.check()?;
    let floor = pick_floor(name, project, request.floor.as_deref())?;
    core_plan(project, &floor.id, &request.options).map_err(|error| AppError::Coverage {
        project: name.to_owned(),
        error,
    })
}

/// The plan as one edit (a batch: one undo step); `None` when it changes nothing.
pub fn plan_edit(project: &Project, plan: &ChannelPlan) -> Option<Edit> {
    let edits = plan.edits(project);
    (!edits.is_empty()).then_some(Edit::Batch { edits })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tailplan_core::coverage::ChannelPlanOptions;
    use tailplan_core::{AccessPoint, Floor, Point, WifiBand};

    #[test]
    fn options_are_checked_and_the_plan_applies_as_one_edit() {
        let bad = |options: ChannelPlanOptions| {
            ChannelPlanRequest {
                floor: None,
                options,
            }
            .check()
            .unwrap_err()
            .to_string()
        };
        assert_eq!(
            bad(ChannelPlanOptions {
                band: WifiBand::Ghz2_4,
                width_mhz: Some(80),
                ..Default::default()
            }),
            "width_mhz 80: must be a 2.4 GHz channel width: 20 to 40 MHz"
        );
        assert_eq!(
            bad(ChannelPlanOptions {
                channels: Some(vec![36, 7]),
                ..Default::default()
            }),
            "channels 7: is not a 5 GHz channel"
        );
        assert_eq!(
            bad(ChannelPlanOptions {
                width_mhz: Some(80),
                channels: Some(vec![42, 44]),
                ..Default::default()
            }),
            "channels 42,44: name the same 80 MHz block twice"
        );

        let mut p = Project::new();
        let mut f = Floor::new("1", "L1", 0.0);
        for i in 0..3 {
            f.access_points.push(AccessPoint::one_radio(
                &format!("a{i}"),
                &format!("A{i}"),
                Point::new(8.0 * f64::from(i), 0.0),
                Radio {
                    channel: Some(36),
                    ..Radio::new(WifiBand::Ghz5, 20.0)
                },
            ));
        }
        p.floors.push(f);
        let plan = plan_channels("p", &p, &ChannelPlanRequest::default()).unwrap();
        assert_eq!(plan.conflicts_after, 0);
        let edit = plan_edit(&p, &plan).unwrap();
        let before = p.clone();
        let undo = p.apply(edit).unwrap();
        assert_ne!(p, before);
        assert!(
            plan_edit(
                &p,
                &plan_channels("p", &p, &ChannelPlanRequest::default()).unwrap()
            )
            .is_none()
        );
        p.apply(undo).unwrap();
        assert_eq!(p, before);
    }
}
