//! # tailplan-core
//!
//! The building model and the algorithms of tailplan, the CAD tool for the "final tail" of a
//! building's network: the last metres from each access point, gateway, sensor and outlet to
//! the telecom rooms. This crate is pure: no files, no web, no clock. The CLI, the editor and
//! the npm package all drive the same [`Project`] through it.
//!
//! What is where:
//! - the model: [`Project`] → [`Floor`] → [`Wall`] (in an R-tree: [`WallSet`]), [`Opening`],
//!   [`Room`], [`AccessPoint`], [`Gateway`], [`Device`], [`Outlet`], [`TelecomRoom`], [`Tray`],
//!   [`Riser`], [`CableRoute`], [`OtherFeature`]; any of them as an [`Element`];
//! - radio attenuation: [`MaterialLibrary`], [`WallMaterial`], [`BandLoss`], [`Band`];
//! - access points' radios ([`Radio`]), antennas ([`AntennaPattern`], [`AntennaLibrary`],
//!   [`AntennaMount`]) and the catalogue of generic models ([`ap_models`]);
//! - parameters: [`Settings`];
//! - radio coverage: [`coverage`] (heatmaps through the walls, IoT links, AP and gateway
//!   placement) driven by a [`CoverageEngine`];
//! - changes: [`Edit`] applied by [`Project::apply`], undone through [`History`];
//! - the project file: [`project_file`] (versioned JSON), its checks: [`validate`];
//! - site surveys: [`survey`] (measured signal strengths to hold the coverage model against);
//! - cable routing: [`routing`] (pathway graph, optimal assignment to telecom rooms, design
//!   rules, cable schedule, bill of materials, final-tail choice);
//! - planar geometry: [`geometry`]; a floor's building [`interior`] found from its walls
//!   ([`building_interior`]) for plans without rooms;
//! - importing drawings: [`wall_cleanup`] (two-face CAD walls to centrelines), a floor's
//!   drawing [`underlay`] (CAD lines, raster scans with a [`Placement`]) and the
//!   [`ImportRecord`] a project keeps of each import.
//!
//! # Examples
//!
//! ```
//! use tailplan_core::{Edit, Element, Floor, History, Point, Project, Riser, project_file};
//!
//! let mut project = Project::new();
//! project.floors.push(Floor::new("1", "Level 1", 3.6));
//!
//! let mut history = History::new();
//! let riser = Riser { id: "r1".into(), name: "R1".into(), position: Point::new(4.0, 2.0), props: Default::default() };
//! history.apply(&mut project, Edit::AddElement { floor: "1".into(), element: Element::Riser(riser), index: None })?;
//! assert_eq!(project.floors[0].risers.len(), 1);
//!
//! history.undo(&mut project);
//! assert!(project.floors[0].risers.is_empty());
//!
//! let text = project_file::to_json(&project);
//! let (reopened, _warnings) = project_file::from_json(&text)?;
//! assert_eq!(reopened, project);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod antenna;
pub mod ap_models;
pub mod campus;
pub mod channels;
pub mod coverage;
pub mod devices;
pub mod diagnostics;
pub mod edit;
pub mod element;
pub mod floor;
pub mod geometry;
pub mod import_record;
pub mod interior;
pub mod json_text;
pub mod materials;
pub mod openings;
pub mod other;
pub mod pathways;
pub mod project;
pub mod project_file;
pub mod props;
pub mod radio;
pub mod rooms;
pub mod routing;
pub mod scenario;
pub mod settings;
pub mod survey;
pub mod underlay;
pub mod validate;
pub mod wall_cleanup;
pub mod walls;

pub use antenna::{AntennaLibrary, AntennaMount, AntennaPattern};
pub use ap_models::ApModel;
pub use campus::{Building, DistributorRole, Duct, SwitchModel};
pub use coverage::{CoverageEngine, CoverageRequest, Heatmaps, Service};
pub use devices::{
    AccessPoint, DEFAULT_DEVICE_CLASS, DEVICE_CLASSES, Device, Gateway, IotTech, Medium, Outlet,
    Radio, WifiBand,
};
pub use diagnostics::{Diagnostic, Severity};
pub use edit::{Edit, EditError, History};
pub use element::{Element, ElementKind};
pub use floor::{DEFAULT_CEILING_M, Floor};
pub use geometry::{BBox, Point, Polygon, Segment, Shape};
pub use import_record::{
    ImportRecord, LayerRecord, LayerRole, MappingSource, MaterialMapping, SkippedRecord,
    StoreyRecord,
};
pub use interior::{
    Interior, InteriorError, InteriorSettings, building_interior, interior_of_walls,
};
pub use materials::{Band, BandLoss, MaterialLibrary, WallMaterial};
pub use openings::{Opening, OpeningKind};
pub use other::OtherFeature;
pub use pathways::{CableRoute, Riser, TelecomRoom, Tray};
pub use project::{GeoReference, IdAllocator, Project, ProjectMeta};
pub use props::{ElementId, Props};
pub use rooms::Room;
pub use routing::{BillOfMaterials, Cable, CableSchedule, Finding, Routing, Rule, route};
pub use settings::{
    BackboneSettings, BandShare, CableType, CableTypes, CablingSettings, CapacitySettings,
    FibreType, FinalTailSettings, IotSensitivity, PerMedium, PriceTable, RadioSettings, Settings,
    SwitchingSettings,
};
pub use underlay::{Placement, RasterUnderlay, Underlay, UnderlayKind, UnderlayLayer};
pub use walls::{DEFAULT_WALL_MATERIAL, LossOverride, Wall, WallSet};
