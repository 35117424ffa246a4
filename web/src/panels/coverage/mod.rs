//! What the editor knows about coverage: the band or technology and the metric chosen, the
//! coverage job wanted from the worker (numbered, so that answers to older jobs are told
//! apart), the heatmap on screen, the statistics, and a placement proposal waiting to be
//! accepted or rejected. Plain data; the reducer in [`crate::state`] drives it.
//!
//! Beside it: [`heatmap`] (what a cell's value means, the colour scale, the image and its
//! place on screen, the legend, the value under the cursor) and `panel`, the coverage
//! panel's component.

pub mod heatmap;
pub(crate) mod panel;

use std::rc::Rc;

use tailplan_core::coverage::Service;
use tailplan_core::{AccessPoint, Edit, Element, Floor, Gateway, Project, WifiBand};

use crate::worker::protocol::{
    ApPlacementChoice, CoverageJob, CoverageResult, CoverageSummary, DocKey,
    GatewayPlacementChoice, JobId, Proposal, ToWorker,
};
use heatmap::{HeatLegend, Metric};

/// A heatmap from the worker: what it is, and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapData {
    /// What the worker says about it.
    pub result: CoverageResult,
    /// One value per cell (`NaN`: not shown).
    pub values: Vec<f32>,
}

impl HeatmapData {
    /// The id its image is drawn under: one per job and resolution.
    pub fn image_id(&self) -> u64 {
        (self.result.job << 1) | u64::from(self.result.fine)
    }
}

/// The band or technology a floor's heatmap shows by default: the floor's default service,
/// the rule the CLI, the npm package and the sheets follow ([`Service::default_for`]), or
/// 5 GHz Wi-Fi on a floor with neither access point nor gateway.
pub fn default_service(floor: &Floor) -> Service {
    Service::default_for(floor).unwrap_or(Service::Wifi(WifiBand::Ghz5))
}

/// How many transmitters of `service` a floor has.
pub fn transmitters_on(floor: &Floor, service: Service) -> usize {
    match service {
        Service::Wifi(b) => floor.access_points.iter().filter(|a| a.has_band(b)).count(),
        Service::Iot(t) => floor.gateways.iter().filter(|g| g.tech == t).count(),
    }
}

/// The coverage side of the editor's state.
#[derive(Debug, Clone)]
pub struct CoverageState {
    /// The band or technology chosen (`None`: the floor's default).
    pub service: Option<Service>,
    /// What the cells show.
    pub metric: Metric,
    /// The job wanted from the worker, numbered.
    pub wanted: Option<CoverageJob>,
    /// The heatmap received last for what is shown.
    pub shown: Option<Rc<HeatmapData>>,
    /// The statistics of the last fine map.
    pub summary: Option<(CoverageKey, Rc<CoverageSummary>)>,
    /// Fields done of the job in progress.
    pub progress: Option<(usize, usize)>,
    /// Why the last job failed.
    pub error: Option<String>,
    /// A placement proposal to accept or reject.
    pub proposal: Option<Rc<Proposal>>,
    /// The placement job in progress.
    pub placing: Option<JobId>,
    /// The proposal's target: RSSI for access points, dBm.
    pub target_dbm: f64,
    /// The proposal's target: share of the room area, percent.
    pub target_percent: f64,
    /// The proposal's target: gateways' link margin, dB.
    pub margin_db: f64,
    /// Proposals keep the floor's transmitters of the service.
    pub keep_existing: bool,
    /// Access point proposals also aim at the client capacity.
    pub for_capacity: bool,
    pub(crate) next_job: JobId,
}

/// What a heatmap is of: (floor, service, metric).
pub type CoverageKey = (String, Service, Metric);

impl Default for CoverageState {
    /// Nothing wanted yet; proposals aim at −67 dBm on 95 % of the rooms, gateways at a
    /// 10 dB margin, keeping what the floor has.
    fn default() -> Self {
        Self {
            service: None,
            metric: Metric::Best,
            wanted: None,
            shown: None,
            summary: None,
            progress: None,
            error: None,
            proposal: None,
            placing: None,
            target_dbm: -67.0,
            target_percent: 95.0,
            margin_db: 10.0,
            keep_existing: true,
            for_capacity: false,
            next_job: 0,
        }
    }
}

impl CoverageState {
    /// A state with the default targets.
    pub fn new() -> Self {
        Self::default()
    }

    /// The band or technology shown on `floor`.
    pub fn service_on(&self, floor: &Floor) -> Service {
        self.service.unwrap_or_else(|| default_service(floor))
    }

    /// The heatmap to draw for `key`, if one has come.
    pub fn heatmap_for(&self, key: &CoverageKey) -> Option<&Rc<HeatmapData>> {
        self.shown.as_ref().filter(|h| {
            h.result.floor == key.0 && h.result.service == key.1 && h.result.metric == key.2
        })
    }

    /// The statistics for `(floor, service)`, if any have come.
    pub fn summary_for(&self, floor: &str, service: Service) -> Option<&Rc<CoverageSummary>> {
        self.summary
            .as_ref()
            .filter(|(k, _)| k.0 == floor && k.1 == service)
            .map(|(_, s)| s)
    }

    /// Numbers `job` (without its number) as the job wanted, unless it is the one already
    /// wanted; `None` wants nothing.
    pub fn want(&mut self, job: Option<CoverageJob>) {
        let same = match (&self.wanted, &job) {
            (Some(a), Some(b)) => {
                CoverageJob {
                    job: 0,
                    ..a.clone()
                } == *b
            }
            (None, None) => true,
            _ => false,
        };
        if same {
            return;
        }
        self.wanted = job.map(|mut j| {
            self.next_job += 1;
            j.job = self.next_job;
            j
        });
        self.progress = None;
        self.error = None;
    }

    /// Takes a heatmap from the worker; false when it is of no use any more (another floor,
    /// service or metric, or older than the one shown).
    pub fn accept(&mut self, data: Rc<HeatmapData>) -> bool {
        let r = &data.result;
        let Some(wanted) = &self.wanted else {
            return false;
        };
        if (r.floor.as_str(), r.service, r.metric)
            != (wanted.floor.as_str(), wanted.service, wanted.metric)
        {
            return false;
        }
        let key = (r.floor.clone(), r.service, r.metric);
        if let Some(shown) = self.heatmap_for(&key)
            && (shown.result.job, shown.result.fine) >= (r.job, r.fine)
        {
            return false;
        }
        if r.job == wanted.job && r.fine {
            self.progress = None;
            self.error = None;
        }
        if let Some(stats) = &r.stats {
            self.summary = Some((
                (r.floor.clone(), r.service, r.metric),
                Rc::new(stats.clone()),
            ));
        }
        self.shown = Some(data);
        true
    }

    /// The job in progress reports how far it has come.
    pub fn progressed(&mut self, job: JobId, done: usize, total: usize) -> bool {
        if self.wanted.as_ref().map(|w| w.job) != Some(job) {
            return false;
        }
        self.progress = Some((done, total));
        true
    }

    /// A coverage job failed; false when it was not the one wanted.
    pub fn failed(&mut self, job: JobId, message: String) -> bool {
        if self.wanted.as_ref().map(|w| w.job) != Some(job) {
            return false;
        }
        self.progress = None;
        self.error = Some(message);
        true
    }

    /// True while the job wanted has not yet given its fine map.
    pub fn computing(&self) -> bool {
        let Some(w) = &self.wanted else {
            return false;
        };
        self.error.is_none()
            && !self
                .shown
                .as_ref()
                .is_some_and(|s| s.result.job == w.job && s.result.fine)
    }

    /// The placement request of job `job` for `floor` of the project state `doc`: access
    /// points for a Wi-Fi band, gateways for an IoT technology, to the targets set.
    pub fn placement(&self, floor: &Floor, job: JobId, doc: DocKey) -> ToWorker {
        match self.service_on(floor) {
            Service::Wifi(band) => ToWorker::PlaceAps {
                job,
                doc,
                options: ApPlacementChoice {
                    floor: floor.id.clone(),
                    band,
                    target_dbm: self.target_dbm,
                    coverage_percent: self.target_percent,
                    keep_existing: self.keep_existing,
                    capacity: self.for_capacity,
                },
            },
            Service::Iot(tech) => ToWorker::PlaceGateways {
                job,
                doc,
                options: GatewayPlacementChoice {
                    floor: floor.id.clone(),
                    tech,
                    margin_db: self.margin_db,
                    keep_existing: self.keep_existing,
                },
            },
        }
    }
}

/// What the coverage panel shows of a floor.
#[derive(Clone, PartialEq)]
pub struct CoverageView {
    /// The floor's name.
    pub floor: String,
    /// The services to choose from: (service, caption).
    pub services: Vec<(Service, String)>,
    /// The service shown.
    pub service: Service,
    /// The metric shown.
    pub metric: Metric,
    /// The heatmap layer is on.
    pub heat_shown: bool,
    /// The legend of what is shown.
    pub legend: HeatLegend,
    /// Where the computation stands, in words.
    pub status: String,
    /// Still computing.
    pub busy: bool,
    /// Fields done of the fine maps.
    pub progress: Option<(usize, usize)>,
    /// Why there is no heatmap.
    pub error: Option<String>,
    /// The statistics.
    pub summary: Option<Rc<CoverageSummary>>,
    /// The proposal on view.
    pub proposal: Option<Rc<Proposal>>,
    /// A placement is being computed.
    pub placing: bool,
    /// Targets: RSSI (dBm), share (%), margin (dB), keep existing.
    pub targets: (f64, f64, f64, bool),
    /// Access point proposals also aim at the client capacity.
    pub for_capacity: bool,
}

impl CoverageView {
    /// The panel's view of `floor`: `state`'s choices and results for it, the project's
    /// thresholds in the legend; `heat_shown` when the heatmap layer is on.
    pub fn of(
        state: &CoverageState,
        floor: &Floor,
        project: Option<&Project>,
        heat_shown: bool,
    ) -> CoverageView {
        let c = state;
        let service = c.service_on(floor);
        let mut services: Vec<Service> = heatmap::every_service();
        services.sort_by_key(|s| std::cmp::Reverse(transmitters_on(floor, *s)));
        let threshold = project
            .map(|p| tailplan_core::coverage::engine::default_threshold_dbm(p, service))
            .unwrap_or(-67.0);
        let thresholds = project
            .map(|p| tailplan_core::coverage::default_thresholds(&p.settings.radio, service))
            .unwrap_or_default();
        let key = (floor.id.clone(), service, c.metric);
        let shown = c.heatmap_for(&key);
        let status = if c.error.is_some() {
            String::new()
        } else if let Some((done, total)) = c.progress {
            format!("Refining: {done} of {total} transmitters at full resolution…")
        } else if c.computing() {
            "Computing…".to_owned()
        } else if let Some(h) = shown {
            let r = &h.result;
            format!(
                "{} transmitter{} · {} × {} cells of {} m · {:.0} ms",
                r.transmitters,
                if r.transmitters == 1 { "" } else { "s" },
                r.grid.cols,
                r.grid.rows,
                r.grid.cell_m,
                r.compute_ms
            )
        } else {
            String::new()
        };
        CoverageView {
            floor: floor.name.clone(),
            services: services
                .into_iter()
                .map(|s| (s, service_caption(floor, s)))
                .collect(),
            service,
            metric: c.metric,
            heat_shown,
            legend: heatmap::legend(service, c.metric, threshold, &thresholds),
            status,
            busy: c.computing(),
            progress: c.progress,
            error: c.error.clone(),
            summary: c.summary_for(&floor.id, service).cloned(),
            proposal: c.proposal.clone(),
            placing: c.placing.is_some(),
            targets: (c.target_dbm, c.target_percent, c.margin_db, c.keep_existing),
            for_capacity: c.for_capacity,
        }
    }
}

/// The edit that carries out `proposal` on `project`: the replaced transmitters removed, the
/// proposed ones added (with fresh ids where theirs have been taken since). One undo step.
pub fn proposal_edit(project: &Project, proposal: &Proposal) -> Edit {
    let mut edits: Vec<Edit> = proposal
        .replace
        .iter()
        .filter(|id| project.element(id).is_some())
        .map(|id| Edit::RemoveElement { id: id.clone() })
        .collect();
    let mut ids = project.id_allocator();
    for t in &proposal.add {
        let taken = project.element(&t.id).is_some() && !proposal.replace.contains(&t.id);
        let id = if taken {
            ids.next(match proposal.service {
                Service::Wifi(_) => "ap",
                Service::Iot(_) => "gw",
            })
        } else {
            t.id.clone()
        };
        let element = match proposal.service {
            Service::Wifi(band) => Element::AccessPoint(AccessPoint {
                id,
                name: t.name.clone(),
                position: t.position,
                model: None,
                radios: vec![tailplan_core::Radio {
                    channel: t.channel,
                    ..tailplan_core::Radio::new(band, t.tx_dbm)
                }],
                height_m: t.height_m,
                poe_w: None,
                eirp_offset_db: None,
                props: Default::default(),
            }),
            Service::Iot(tech) => Element::Gateway(Gateway {
                id,
                name: t.name.clone(),
                position: t.position,
                tech,
                tx_dbm: t.tx_dbm,
                height_m: t.height_m,
                props: Default::default(),
            }),
        };
        edits.push(Edit::AddElement {
            floor: proposal.floor.clone(),
            element,
            index: None,
        });
    }
    Edit::Batch { edits }
}

/// The menu caption of a service on a floor: `Wi-Fi 5 GHz (40)`.
pub fn service_caption(floor: &Floor, service: Service) -> String {
    format!(
        "{} ({})",
        heatmap::service_label(service),
        transmitters_on(floor, service)
    )
}

#[cfg(test)]
mod tests {
    use tailplan_core::{IotTech, Point, Props};

    use super::*;
    use crate::worker::protocol::{GridSpec, ProposedTransmitter};

    fn ap(id: &str, band: WifiBand) -> AccessPoint {
        AccessPoint {
            id: id.into(),
            name: id.into(),
            position: Point::new(1.0, 1.0),
            model: None,
            radios: vec![tailplan_core::Radio::new(band, 20.0)],
            height_m: 2.5,
            poe_w: None,
            eirp_offset_db: None,
            props: Props::new(),
        }
    }

    fn job(floor: &str, metric: Metric) -> CoverageJob {
        CoverageJob {
            job: 0,
            doc: (1, 0),
            floor: floor.into(),
            service: Service::Wifi(WifiBand::Ghz5),
            metric,
            preview: None,
            stats: true,
        }
    }

    fn data(job: JobId, fine: bool) -> Rc<HeatmapData> {
        Rc::new(HeatmapData {
            result: CoverageResult {
                job,
                doc: (1, 0),
                floor: "1".into(),
                service: Service::Wifi(WifiBand::Ghz5),
                metric: Metric::Best,
                fine,
                grid: GridSpec {
                    min_x: 0.0,
                    min_y: 0.0,
                    cell_m: 1.0,
                    cols: 1,
                    rows: 1,
                },
                transmitters: 1,
                threshold_dbm: -67.0,
                stats: None,
                compute_ms: 1.0,
            },
            values: vec![-50.0],
        })
    }

    #[test]
    fn the_default_service_is_the_floors_main_one() {
        let mut f = Floor::new("1", "L1", 0.0);
        assert_eq!(default_service(&f), Service::Wifi(WifiBand::Ghz5));
        f.gateways.push(Gateway {
            id: "g".into(),
            name: "G".into(),
            position: Point::new(0.0, 0.0),
            tech: IotTech::Ble,
            tx_dbm: 4.0,
            height_m: 2.5,
            props: Props::new(),
        });
        assert_eq!(default_service(&f), Service::Iot(IotTech::Ble));
        f.access_points.push(ap("a", WifiBand::Ghz2_4));
        assert_eq!(default_service(&f), Service::Wifi(WifiBand::Ghz2_4));
        assert_eq!(
            service_caption(&f, Service::Wifi(WifiBand::Ghz2_4)),
            "Wi-Fi 2.4 GHz (1)"
        );
    }

    #[test]
    fn the_editor_shows_what_the_cli_and_the_sheets_show() {
        // One 5 GHz access point and three LoRaWAN gateways: Wi-Fi 5 GHz, as `tailplan
        // coverage`, the coverage sheet and the npm package choose (tailplan-app).
        let mut f = Floor::new("1", "L1", 0.0);
        f.access_points.push(ap("a", WifiBand::Ghz5));
        for i in 0..3 {
            f.gateways.push(Gateway {
                id: format!("g{i}"),
                name: format!("G{i}"),
                position: Point::new(0.0, 0.0),
                tech: IotTech::Lorawan,
                tx_dbm: 14.0,
                height_m: 2.5,
                props: Props::new(),
            });
        }
        let app = tailplan_app::pick_service("p", &f, None, None).unwrap();
        assert_eq!(default_service(&f), app);
        assert_eq!(app, Service::Wifi(WifiBand::Ghz5));
    }

    #[test]
    fn jobs_are_numbered_once_and_old_answers_dropped() {
        let mut c = CoverageState::new();
        c.want(Some(job("1", Metric::Best)));
        assert_eq!(c.wanted.as_ref().unwrap().job, 1);
        // The same request again keeps its number.
        c.want(Some(job("1", Metric::Best)));
        assert_eq!(c.wanted.as_ref().unwrap().job, 1);
        assert!(c.computing());
        assert!(c.accept(data(1, false)));
        assert!(c.computing());
        c.want(Some(job("1", Metric::Best).clone()).map(|mut j| {
            j.preview = Some(Edit::Batch { edits: vec![] });
            j
        }));
        assert_eq!(c.wanted.as_ref().unwrap().job, 2);
        // The fine map of job 1 comes after the coarse one of job 2: dropped.
        assert!(c.accept(data(2, false)));
        assert!(!c.accept(data(1, true)));
        assert!(c.progressed(2, 1, 3));
        assert!(!c.progressed(1, 1, 3));
        assert!(c.accept(data(2, true)));
        assert!(!c.computing());
        assert_eq!(c.progress, None);
        // Another metric: the map is not shown for it.
        c.want(Some(job("1", Metric::Snr)));
        let key = ("1".to_owned(), Service::Wifi(WifiBand::Ghz5), Metric::Snr);
        assert!(c.heatmap_for(&key).is_none());
        assert!(!c.accept(data(3, true)), "a map of the old metric");
        assert!(c.failed(3, "no floor".into()));
        assert!(!c.computing());
        c.want(None);
        assert!(c.wanted.is_none() && c.error.is_none());
    }

    #[test]
    fn a_proposal_becomes_one_edit() {
        let mut p = Project::new();
        let mut f = Floor::new("1", "L1", 0.0);
        f.access_points.push(ap("ap-1", WifiBand::Ghz5));
        p.floors.push(f);
        let proposal = Proposal {
            job: 9,
            doc: (1, 0),
            floor: "1".into(),
            service: Service::Wifi(WifiBand::Ghz5),
            add: vec![ProposedTransmitter {
                id: "ap-1".into(),
                name: "AP-new".into(),
                position: Point::new(5.0, 5.0),
                height_m: 3.0,
                tx_dbm: 20.0,
                channel: Some(36),
            }],
            replace: vec![],
            candidates: 10,
            achieved: String::new(),
            target_met: true,
        };
        // Its id has been taken: a fresh one.
        let edit = proposal_edit(&p, &proposal);
        let mut q = p.clone();
        q.apply(edit).unwrap();
        assert_eq!(q.floors[0].access_points.len(), 2);
        assert_ne!(q.floors[0].access_points[1].id, "ap-1");
        assert_eq!(q.floors[0].access_points[1].radios[0].channel, Some(36));
        // Replacing: the old one goes, the new one may take its id.
        let replacing = Proposal {
            replace: vec!["ap-1".into()],
            ..proposal
        };
        let mut r = p.clone();
        r.apply(proposal_edit(&p, &replacing)).unwrap();
        assert_eq!(r.floors[0].access_points.len(), 1);
        assert_eq!(r.floors[0].access_points[0].name, "AP-new");
    }

    #[test]
    fn placement_asks_for_the_floors_service_to_the_targets_set() {
        let mut f = Floor::new("1", "L1", 0.0);
        f.access_points.push(ap("a", WifiBand::Ghz2_4));
        let mut c = CoverageState::new();
        c.target_dbm = -65.0;
        c.keep_existing = true;
        match c.placement(&f, 7, (1, 2)) {
            ToWorker::PlaceAps { job, doc, options } => {
                assert_eq!((job, doc), (7, (1, 2)));
                assert_eq!(options.floor, "1");
                assert_eq!(options.band, WifiBand::Ghz2_4);
                assert_eq!(options.target_dbm, -65.0);
                assert!(options.keep_existing);
            }
            other => panic!("access points wanted, got {other:?}"),
        }
        c.service = Some(Service::Iot(IotTech::Ble));
        assert!(matches!(
            c.placement(&f, 8, (1, 2)),
            ToWorker::PlaceGateways { options, .. } if options.tech == IotTech::Ble
        ));
    }

    #[test]
    fn the_panel_says_where_the_computation_stands() {
        let mut f = Floor::new("1", "L1", 0.0);
        f.access_points.push(ap("a", WifiBand::Ghz5));
        let mut c = CoverageState::new();
        let v = CoverageView::of(&c, &f, None, true);
        assert_eq!(v.floor, "L1");
        assert_eq!(v.service, Service::Wifi(WifiBand::Ghz5));
        assert_eq!(
            v.services[0].1, "Wi-Fi 5 GHz (1)",
            "most transmitters first"
        );
        assert_eq!(v.status, "");
        c.want(Some(job("1", Metric::Best)));
        assert_eq!(CoverageView::of(&c, &f, None, true).status, "Computing…");
        assert!(c.accept(data(1, true)));
        let v = CoverageView::of(&c, &f, None, false);
        assert!(!v.busy && !v.heat_shown);
        assert_eq!(v.status, "1 transmitter · 1 × 1 cells of 1 m · 1 ms");
    }
}
