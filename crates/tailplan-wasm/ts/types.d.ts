// Generated from the Rust types through their JSON Schemas by crates/tailplan-wasm
// (src/typescript.rs): do not edit. TAILPLAN_BLESS=1 cargo test -p tailplan-wasm typescript
// writes it again.

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A Wi-Fi access point: where it is and its radios (its own, or its model's with its own in
 * place of the model's of the same band).
 *
 * Read from a project file or an edit, it may also give one radio the way format 2 did:
 * `band`, `channel`, `width_mhz`, `tx_dbm` and `antenna` on the access point itself (see
 * [`AccessPointIn`]); it is always written with `radios`.
 */
export interface AccessPoint {
  /** Unique in the project. */
  id: string;
  /** Label on the plan. */
  name: string;
  /** Where it is mounted. */
  position: Point;
  /** The catalogue model it is ([`crate::ap_models`]), if any. */
  model?: string | null;
  /**
   * Its own radios: without a model, all of them; with one, each replaces the model's
   * radios of its band.
   */
  radios?: Radio[];
  /** Mounting height above the floor, metres. */
  height_m: number;
  /**
   * Power drawn over PoE, watts; `None` for its model's, else
   * [`AccessPoint::DEFAULT_POE_W`].
   */
  poe_w?: number | null;
  /**
   * What this access point, as mounted, sends above (+) or below (−) its radios' nominal
   * EIRP, dB, added to every radio's power: fitted to a site survey by calibration
   * ([`crate::survey::calibrate`]); `None` (no offset) until then.
   */
  eirp_offset_db?: number | null;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/**
 * A Wi-Fi access point: where it is and its radios (its own, or its model's with its own in
 * place of the model's of the same band).
 *
 * Read from a project file or an edit, it may also give one radio the way format 2 did:
 * `band`, `channel`, `width_mhz`, `tx_dbm` and `antenna` on the access point itself (see
 * [`AccessPointIn`]); it is always written with `radios`.
 */
export interface AccessPointInput {
  /** Unique in the project. */
  id: string;
  /** Label on the plan. */
  name: string;
  /** Where it is mounted. */
  position: Point;
  /** The catalogue model it is, if any. */
  model?: string | null;
  /** Its own radios. */
  radios?: RadioInput[];
  /** One radio's band (the one-radio form). */
  band?: WifiBand | null;
  /** One radio's channel (the one-radio form). */
  channel?: number | null;
  /** One radio's channel width, MHz (the one-radio form). */
  width_mhz?: number | null;
  /** One radio's power, dBm (the one-radio form). */
  tx_dbm?: number | null;
  /** One radio's antenna (the one-radio form). */
  antenna?: AntennaMountInput | null;
  /** Mounting height above the floor, metres. */
  height_m: number;
  /** Power drawn over PoE, watts. */
  poe_w?: number | null;
  /** The calibrated EIRP offset, dB. */
  eirp_offset_db?: number | null;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/**
 * How good the project's model is against measurements: what `tailplan accuracy --json`
 * prints (rounded to 0.01) and the npm package's `accuracy()` returns.
 */
export interface AccuracyResult {
  /** The surveys compared with, by name. */
  surveys: string[];
  /** The rows counted. */
  points: number;
  /** The mean error (the bias), dB. */
  mean_error_db: number;
  /** The mean absolute error, dB. */
  mae_db: number;
  /** The root mean square error, dB. */
  rmse_db: number;
  /** The standard deviation of the errors (what is left once the bias is taken away), dB. */
  std_db: number;
  /** Per access point heard, in project order. */
  per_ap: ApAccuracy[];
  /** Per room a row was measured in, floor by floor in the floors' room order. */
  per_room: RoomAccuracy[];
  /**
   * The rows of the largest errors (absolute), largest first, at most
   * [`Accuracy::WORST`].
   */
  worst: PointError[];
  /** Rows left out, and why. */
  skipped: Skipped;
}

/** The coverage a proposal achieves over the room area. */
export interface Achieved {
  /** Demand cells. */
  cells: number;
  /** Percent at or above the target by the best access point. */
  percent: number;
  /** Percent at or above the target by the second best. */
  secondary_percent: number;
  /** Whether the targets are met. */
  target_met: boolean;
}

/** What adding a pattern did. */
export interface AntennaAdded {
  /** The pattern's name, its key in the library. */
  name: string;
  /** Its gain, dBi. */
  gain_dbi: number;
  /** Its maker, if the file says. */
  make: string;
  /** The frequency it was measured at, MHz, if the file says. */
  frequency_mhz: number | null;
  /** True when it replaced a pattern of the project of the same name. */
  replaced: boolean;
  /** How many radios of the project name it. */
  radios_using: number;
  /** What the reader decided (units, resampling) and warned about. */
  notes: Diagnostic[];
}

/**
 * The project's antenna patterns, by name (added from pattern files by `antenna add` and the
 * editor). Names are unique; the built-in patterns ([`builtin_patterns`]) are looked up after
 * these, so a project's pattern of the same name takes their place.
 */
export type AntennaLibrary = AntennaPattern[];

/** How a radio's antenna is mounted: which pattern, where it points, how far it is tilted. */
export interface AntennaMount {
  /** The pattern's name: the project's antenna library first, then the built-in patterns. */
  pattern: string;
  /** Where the main beam points, degrees clockwise from the plan's +y axis (0 by default). */
  azimuth_deg: number;
  /** The main beam's tilt, degrees below the horizon (0 by default). */
  tilt_deg: number;
}

/** How a radio's antenna is mounted: which pattern, where it points, how far it is tilted. */
export interface AntennaMountInput {
  /** The pattern's name: the project's antenna library first, then the built-in patterns. */
  pattern: string;
  /** Where the main beam points, degrees clockwise from the plan's +y axis (0 by default). */
  azimuth_deg?: number;
  /** The main beam's tilt, degrees below the horizon (0 by default). */
  tilt_deg?: number;
}

/** One antenna's radiation pattern: its gain and its attenuation tables. */
export interface AntennaPattern {
  /** The pattern's name, its key in the library (the file's `NAME`). */
  name: string;
  /** The maker (`MAKE`), if the file says. */
  make?: string;
  /** The frequency the pattern was measured at, MHz (`FREQUENCY`), if the file says. */
  frequency_mhz?: number | null;
  /** The gain of the main beam, dBi. */
  gain_dbi: number;
  /**
   * Attenuation from the main beam, dB, at each whole degree clockwise from the azimuth
   * (360 entries, 0° first).
   */
  horizontal_db: number[];
  /**
   * Attenuation from the main beam, dB, at each whole degree of elevation (360 entries; 0°
   * the horizon, 90° straight down, 180° the horizon behind, 270° straight up).
   */
  vertical_db: number[];
  /** The file's comment, if any. */
  comment?: string;
}

/** The statistics of one access point's rows. */
export interface ApAccuracy {
  /** The access point's id. */
  ap: string;
  /** Its name. */
  name: string;
  /** Its floor's id. */
  floor: string;
  /** The rows counted. */
  points: number;
  /** The mean error (the bias), dB. */
  mean_error_db: number;
  /** The mean absolute error, dB. */
  mae_db: number;
  /** The root mean square error, dB. */
  rmse_db: number;
  /** The standard deviation of the errors (what is left once the bias is taken away), dB. */
  std_db: number;
}

/** A catalogue access point model. */
export interface ApModel {
  /** Its name, what an access point's `model` says. */
  name: string;
  /** What it is, in a line. */
  description: string;
  /** Its radios, with their antennas and powers (channels unassigned). */
  radios: Radio[];
  /** What it draws over PoE, watts. */
  poe_w: number;
  /** The PoE standard and class it needs. */
  poe_class: string;
}

/** Proposed access points for a floor. */
export interface ApPlacement {
  /** The floor's id. */
  floor: string;
  /** What was aimed for. */
  options: ApPlacementOptions;
  /** The access points to add, in the order chosen. */
  proposals: ProposedAp[];
  /** The existing access points counted (with `keep_existing`). */
  kept: string[];
  /** Candidate positions considered. */
  candidates: number;
  /** The coverage with the proposals (and the kept access points). */
  achieved: Achieved;
  /** With `capacity`: what the client load asked for. */
  capacity?: PlacementCapacity | null;
}

/** What to aim for when placing access points. */
export interface ApPlacementOptions {
  /** The band (5 GHz by default). */
  band: WifiBand;
  /** The RSSI a cell needs, dBm (−67). */
  target_dbm: number;
  /** Percent of the room area that must reach it (95). */
  coverage_percent: number;
  /** Whether two access points are wanted at the target. */
  secondary: boolean;
  /** Percent of the area that must hear two at the target, with `secondary` (85). */
  secondary_percent: number;
  /** EIRP of the proposed access points, dBm (20). */
  tx_dbm: number;
  /** Mounting height, metres; `None` for the floor's ceiling. */
  height_m: number | null;
  /** Distance between candidate positions, metres (2). */
  spacing_m: number;
  /** Cell side of the demand grid, metres (1). */
  cell_m: number;
  /** Smallest distance from a candidate to a wall, metres (0.3). */
  wall_clearance_m: number;
  /**
   * Whether the floor's access points of the band stay and count (else the proposal
   * replaces them).
   */
  keep_existing: boolean;
  /** The most access points to propose (200). */
  max_aps: number;
  /** The channels to assign; `None` for [`default_channels`]. */
  channels: number[] | null;
  /**
   * Whether to add access points where the coverage design leaves a radio serving more
   * clients than the capacity settings allow (false: coverage alone).
   */
  capacity: boolean;
}

/**
 * Which access point a row measured: by the access point's id or name, or by the BSSID its
 * radio sent (with the access point the file maps it to, when it does).
 */
export type ApRef = {
  ap: string;
} | {
  bssid: {
    /** The BSSID, lower case with colons. */
    bssid: string;
    /** The access point it belongs to, when the file says. */
    ap?: string | null;
  };
};

/** Which area a floor's figures cover. */
export type AreaKind = "rooms" | "interior" | "plan";

/** Statistics of one area (a floor or a room). */
export interface AreaStats {
  /** Cells counted. */
  cells: number;
  /** Their area, m². */
  area_m2: number;
  /** Share at or above each threshold. */
  thresholds: ThresholdShare[];
  /** Median best RSSI, dBm (`None` for an area without cells). */
  median_dbm: number | null;
  /** Weakest best RSSI, dBm. */
  min_dbm: number | null;
  /** Strongest best RSSI, dBm. */
  max_dbm: number | null;
}

/** A fibre cable from a distributor to the one above it. */
export interface BackboneCable {
  /**
   * TIA-606 backbone id: the two ends' spaces (floor id and room letter) and the cable's
   * number between them: `1A/0A-01`.
   */
  id: string;
  /** Building or campus backbone. */
  level: BackboneLevel;
  /** The lower distributor's name. */
  from: string;
  /** Its id. */
  from_id: string;
  /** Its floor's id. */
  from_floor: string;
  /** The distributor above: its name. */
  to: string;
  /** Its id. */
  to_id: string;
  /** Its floor's id. */
  to_floor: string;
  /** The building of the lower distributor (its name; empty for the one unnamed building). */
  building: string;
  /** The fibre. */
  fibre: FibreType;
  /** Its cores. */
  cores: number;
  /** Its length in parts. */
  lengths: BackboneLengths;
  /** The straight line between the two racks, metres (no cable is shorter). */
  straight_m: number;
  /** The fibre's limit, metres. */
  limit_m: number;
  /** The risers it climbs, by name, in order. */
  risers?: string[];
  /** The ducts it runs through, by id, in order. */
  ducts?: string[];
  /**
   * Its path, floor by floor, from the lower distributor; the part through the ducts has
   * the floor `""` (the site).
   */
  path: FloorPath[];
  /** How it stands against its rule (its length). */
  status: CableStatus;
  /** What its rule found, in words. */
  notes?: string[];
}

/** A backbone cable's length in parts, metres, each to the centimetre. */
export interface BackboneLengths {
  /** From each rack to its tray point. */
  drop_m: number;
  /** Along trays (and the runs from risers to their trays). */
  tray_m: number;
  /** Up or down risers. */
  riser_m: number;
  /** Through ducts between buildings, with their entries into the ground floors. */
  duct_m: number;
  /** Slack left at both distributors. */
  slack_m: number;
  /** The whole cable. */
  total_m: number;
}

/** Which link of the backbone a cable is. */
export type BackboneLevel = "building" | "campus";

/** The backbone cables between distributors. */
export interface BackboneSettings {
  /** Fibre between a floor and its building distributor (`om4`). */
  building_fibre: FibreType;
  /** Fibre between building distributors and the campus distributor (`os2`). */
  campus_fibre: FibreType;
  /** Cores in each backbone cable (12). */
  cores: number;
  /** The longest backbone link, metres, when it should not be the fibre type's own limit. */
  max_length_m?: number | null;
}

/** The backbone cables between distributors. */
export interface BackboneSettingsInput {
  /** Fibre between a floor and its building distributor (`om4`). */
  building_fibre?: FibreType;
  /** Fibre between building distributors and the campus distributor (`os2`). */
  campus_fibre?: FibreType;
  /** Cores in each backbone cable (12). */
  cores?: number;
  /** The longest backbone link, metres, when it should not be the fibre type's own limit. */
  max_length_m?: number | null;
}

/** A radio band for which attenuations are given. */
export type Band = "sub_ghz" | "2.4" | "5" | "6";

/** The clients of one band. */
export interface BandClients {
  /** The band. */
  band: WifiBand;
  /** The clients its radios serve (its share and what higher bands handed down). */
  clients: number;
  /** Its radios on the floor. */
  radios: number;
}

/** An attenuation in dB for each band. */
export interface BandLoss {
  /** Sub-GHz (LoRaWAN), dB. */
  sub_ghz: number;
  /** 2.4 GHz, dB. */
  "2.4": number;
  /** 5 GHz, dB. */
  "5": number;
  /** 6 GHz, dB. */
  "6": number;
}

/** A share per Wi-Fi band, percent. */
export interface BandShare {
  /** 2.4 GHz. */
  "2.4": number;
  /** 5 GHz. */
  "5": number;
  /** 6 GHz. */
  "6": number;
}

/** The bill of materials of a routed project. */
export interface BillOfMaterials {
  /** The currency of every price. */
  currency: string;
  /** Cable per type. */
  cables: CableQuantity[];
  /** Every line, cables first. */
  lines: BomLine[];
  /** The lines' costs added up. */
  total_cost: number;
}

/** One line of the bill of materials. */
export interface BomLine {
  /**
   * A stable code: `cable-cat6a`, `port-spe`, `patch-panel`, `outlet`, `tray-300x60`,
   * `gateway-ble`, `access-point`.
   */
  item: string;
  /** What it is, in words. */
  description: string;
  /** How many. */
  quantity: number;
  /** Of what: `box of 305 m`, `port`, `m`, `pcs`. */
  unit: string;
  /** Price of one unit. */
  unit_price: number;
  /** `quantity × unit_price`. */
  cost: number;
}

/** A building of the campus. */
export interface Building {
  /** Unique in the project: what a floor's `building` refers to. */
  id: string;
  /** Its name (`A`, `Library`). */
  name: string;
  /** Its outline on the site, when drawn: where the ducts enter it. */
  footprint?: Polygon | null;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** A building's part of a scenario. */
export interface BuildingTotals {
  /** The building's name. */
  building: string;
  /** Patch-panel ports (horizontal cables) per medium. */
  ports: PerWired;
  /** Horizontal cable per medium, metres. */
  cable_m: PerWired2;
  /**
   * Endpoints the scenario cannot serve: no telecom room within the medium's reach (or
   * with a port left), or, wireless, no gateway of its technology with the fade margin.
   */
  unserved: number;
  /** Switches in the distributors. */
  switches: number;
  /** PoE the devices draw, watts. */
  poe_w: number;
  /** IoT gateways, those proposed included. */
  gateways: number;
  /**
   * Of them, those proposed for the scenario's wireless devices that no gateway of the
   * project reaches with the fade margin.
   */
  gateways_proposed: number;
  /** Wi-Fi access points. */
  aps: number;
  /**
   * What the bill of materials prices, in the scenario's currency (the whole scenario's
   * only; per building, `None`).
   */
  capex?: number | null;
  /**
   * PoE at the switch side, the switches' own power and the gateways', over a year at the
   * duty cycle, kWh.
   */
  energy_kwh_per_year: number;
}

/** One cable from a wired endpoint to a telecom room. */
export interface Cable {
  /** The cable id, ANSI/TIA-606 style: see [`crate::routing::schedule::cable_id`]. */
  id: string;
  /** What it serves. */
  endpoint: Endpoint;
  /** The endpoint's floor id. */
  floor: string;
  /** The telecom room's id. */
  room_id: string;
  /** The telecom room's name. */
  room: string;
  /** The telecom room's floor id. */
  room_floor: string;
  /** Index of the room among [`crate::routing::graph::PathwayGraph::rooms`]. */
  room_index: number;
  /** Its patch-panel port in the room, counting from 1 across the room's panels. */
  room_port: number;
  /** The cable type. */
  medium: Medium;
  /** Its length, in parts. */
  lengths: CableLengths;
  /** The PoE type its device needs, for a powered device on copper. */
  poe?: PoeType | null;
  /** Ids of the trays it runs along, in order, each once per run. */
  trays: string[];
  /** Its path, floor by floor. */
  path: FloorPath[];
  /** Automatic or drawn by hand. */
  source: RouteSource;
  /** How it stands against its rules. */
  status: CableStatus;
  /** What its rules found, in words. */
  notes?: string[];
}

/** What a cable of the schedule is. */
export type CableKind = "horizontal" | "backbone";

/**
 * A cable's length in the parts a schedule lists, metres, each to the centimetre (the total is
 * the sum of the rounded parts, so a schedule adds up).
 */
export interface CableLengths {
  /**
   * Off the trays: the endpoint's horizontal and vertical drops to its tray point and the
   * run from the room's tray point to its rack (for a hand route, every drawn metre that
   * does not run along a tray).
   */
  drop_m: number;
  /** Along trays (and the short runs from risers to their trays). */
  tray_m: number;
  /** Up or down risers. */
  riser_m: number;
  /** Slack left at both ends. */
  slack_m: number;
  /** The whole cable: the sum of the above. */
  total_m: number;
}

/** The cable of one type: net length and the boxes to buy. */
export interface CableQuantity {
  /** The cable type. */
  medium: Medium;
  /** Cables of this type. */
  cables: number;
  /** Their lengths added up, metres: equal to the schedule's total for the type. */
  length_m: number;
  /** Length of one box or reel, metres. */
  reel_m: number;
  /** Whole boxes to buy: `length_m / reel_m` rounded up. */
  reels: number;
}

/** A cable route drawn by hand from an endpoint to a telecom room. */
export interface CableRoute {
  /** Unique in the project. */
  id: string;
  /**
   * The endpoint it serves: its element id (every port of an outlet) or `ID/PORT` (one
   * port). A name or `NAME/PORT` is understood where no id matches (see
   * [`crate::routing::route_ends`]).
   */
  from: string;
  /** The telecom room it ends in: its id (or its name, where no id matches). */
  to: string;
  /** The route as drawn. */
  points: Point[];
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** How a cable stands against the rules that concern it alone. */
export type CableStatus = "ok" | "warning" | "fail";

/** One kind of cable: its size and how it is bought. */
export interface CableType {
  /** Outer diameter, millimetres: its cross-section counts against a tray's fill. */
  outer_diameter_mm: number;
  /** Length of one box or reel, metres: the bill of materials rounds up to whole ones. */
  reel_m: number;
}

/** The cable-type table: one [`CableType`] per cabled medium. */
export interface CableTypes {
  /** Cat6A U/FTP: 7.5 mm, 305 m boxes. */
  cat6a: CableType;
  /** Single-pair Ethernet (10BASE-T1L, one shielded pair): 5 mm, 305 m boxes. */
  spe: CableType;
  /** Fibre (indoor OM4 breakout, 4 to 12 cores): 6 mm, 305 m reels. */
  fiber: CableType;
}

/** The cable-type table: one [`CableType`] per cabled medium. */
export interface CableTypesInput {
  /** Cat6A U/FTP: 7.5 mm, 305 m boxes. */
  cat6a?: CableType;
  /** Single-pair Ethernet (10BASE-T1L, one shielded pair): 5 mm, 305 m boxes. */
  spe?: CableType;
  /** Fibre (indoor OM4 breakout, 4 to 12 cores): 6 mm, 305 m reels. */
  fiber?: CableType;
}

/** Limits and allowances of structured cabling. */
export interface CablingSettings {
  /** Longest copper permanent link, metres (ISO/IEC 11801, TIA-568: 90). */
  copper_permanent_link_max_m: number;
  /** Longest copper channel, cords included, metres (100). */
  copper_channel_max_m: number;
  /** Longest single-pair Ethernet (10BASE-T1L) link, metres (1000). */
  spe_max_m: number;
  /** Longest fibre link, metres (400: 10GBASE-SR over OM4). */
  fiber_max_m: number;
  /** Slack left coiled at the telecom room, metres. */
  slack_telecom_room_m: number;
  /** Slack left at the outlet or device, metres. */
  slack_outlet_m: number;
  /** Largest fill of a tray's cross-section, as a fraction (0.4 = 40 %). */
  tray_fill_max: number;
  /** The cables: outer diameter (for tray fill) and the reel they are bought on, per medium. */
  cable_types?: CableTypes;
  /**
   * Ports of one patch panel (24): cable ids number ports panel by panel, and the bill of
   * materials counts panels.
   */
  patch_panel_ports?: number;
  /**
   * The equipment and patch cords at the distributor, metres, which the channel adds to the
   * permanent link (5).
   */
  patch_cord_m?: number;
  /** The work-area cord from the outlet to the device, metres (5). */
  work_area_cord_m?: number;
  /**
   * Whether a floor distributor may serve the floors next to its own in the same building
   * without a `horizontal-other-floor` warning (false: ISO/IEC 11801-1 and TIA-569 want
   * every floor served from its own).
   */
  serve_adjacent_floors?: boolean;
  /**
   * Most cables carrying 802.3at PoE or more in one tray section before the bundle warms
   * beyond what the cable is rated for (24, after TIA TSB-184-A and ISO/IEC TS 29125).
   */
  poe_bundle_max?: number;
}

/** Limits and allowances of structured cabling. */
export interface CablingSettingsInput {
  /** Longest copper permanent link, metres (ISO/IEC 11801, TIA-568: 90). */
  copper_permanent_link_max_m?: number;
  /** Longest copper channel, cords included, metres (100). */
  copper_channel_max_m?: number;
  /** Longest single-pair Ethernet (10BASE-T1L) link, metres (1000). */
  spe_max_m?: number;
  /** Longest fibre link, metres (400: 10GBASE-SR over OM4). */
  fiber_max_m?: number;
  /** Slack left coiled at the telecom room, metres. */
  slack_telecom_room_m?: number;
  /** Slack left at the outlet or device, metres. */
  slack_outlet_m?: number;
  /** Largest fill of a tray's cross-section, as a fraction (0.4 = 40 %). */
  tray_fill_max?: number;
  /** The cables: outer diameter (for tray fill) and the reel they are bought on, per medium. */
  cable_types?: CableTypesInput;
  /**
   * Ports of one patch panel (24): cable ids number ports panel by panel, and the bill of
   * materials counts panels.
   */
  patch_panel_ports?: number;
  /**
   * The equipment and patch cords at the distributor, metres, which the channel adds to the
   * permanent link (5).
   */
  patch_cord_m?: number;
  /** The work-area cord from the outlet to the device, metres (5). */
  work_area_cord_m?: number;
  /**
   * Whether a floor distributor may serve the floors next to its own in the same building
   * without a `horizontal-other-floor` warning (false: ISO/IEC 11801-1 and TIA-569 want
   * every floor served from its own).
   */
  serve_adjacent_floors?: boolean;
  /**
   * Most cables carrying 802.3at PoE or more in one tray section before the bundle warms
   * beyond what the cable is rated for (24, after TIA TSB-184-A and ISO/IEC TS 29125).
   */
  poe_bundle_max?: number;
}

/** `project.calibrate` options: the CLI's `tailplan calibrate` flags. */
export interface CalibrateOptions {
  /** What to fit, comma-separated: `offsets`, `exponent`, `walls`, or `all` (the default). */
  fit?: string | null;
  /** Folds of the cross-validation, 2 to 20 (default 5). */
  folds?: number | null;
  /** How many rows a wall's library loss counts as (default 20; 0: none). */
  wallPriorRows?: number | null;
}

/**
 * What calibration replaced, kept in the project's settings so it can be reset; of the first
 * calibration when a project is calibrated again.
 */
export interface CalibrationRecord {
  /** The surveys of the latest calibration, by name. */
  surveys: string[];
  /** Its rows used. */
  points: number;
  /** The model before it, on those rows. */
  before: ErrorStats;
  /** After it. */
  after: ErrorStats;
  /** Its cross-validation. */
  cross_validated: ErrorStats;
  /** The path-loss exponent before any calibration. */
  original_exponent: number;
  /** The materials calibration changed, as they were before any calibration. */
  original_materials?: WallMaterial[];
  /**
   * The access points calibration gave an offset, with the offset they had before any
   * calibration.
   */
  original_offsets?: OriginalOffset[];
}

/**
 * What calibrating did: the core's [`Calibration`] (before, after, cross-validated, the
 * values and how far they moved): what `tailplan calibrate --json` writes and the npm
 * package's `calibrate()` returns.
 */
export interface CalibrationResult {
  /** The surveys fitted to, by name. */
  surveys: string[];
  /** What was fitted, and how. */
  fit: FitOptions;
  /** The model as it was, on every row used. */
  before: ErrorStats;
  /** The model calibrated, on every row used. */
  after: ErrorStats;
  /**
   * Each row predicted by a fit of the folds it is not in: what to expect where nobody
   * measured.
   */
  cross_validated: ErrorStats;
  /** The path-loss exponent. */
  exponent: Moved;
  /** Per access point heard, in project order. */
  offsets: OffsetFit[];
  /** Per library material and band crossed, in library order (only when walls are fitted). */
  materials: MaterialFit[];
  /** Rows left out, and why. */
  skipped: Skipped;
  /** Surveys the edit keeps in the project (those given that it did not hold). */
  surveys_kept: string[];
}

/** A floor's client capacity. */
export interface Capacity {
  /** The floor's id. */
  floor: string;
  /** What the people are counted over: its rooms, else its interior, else the plan. */
  area: AreaKind;
  /** The people on the floor. */
  people: number;
  /** Their Wi-Fi clients. */
  clients: number;
  /** Clients no radio of any band reaches at the association level. */
  unserved_clients: number;
  /** The clients per band. */
  bands: BandClients[];
  /** Every radio of the floor's access points, in the maps' order (band by band). */
  radios: RadioLoad[];
  /** The rooms' occupancy (empty on a floor without rooms). */
  rooms: RoomOccupancy[];
  /** Radios over a limit. */
  findings: Finding[];
}

/** `project.capacity` options: the CLI's `tailplan capacity` flags. */
export interface CapacityOptions {
  /** One floor's id (default: every floor). */
  floor?: string | null;
  /** Cell side, metres (default: the project's setting). */
  cellM?: number | null;
  /** The grid-cell limit (default 8,000,000). */
  maxGridCells?: number | null;
}

/**
 * The capacity of the floors asked for: what `tailplan capacity --json` prints (rounded to
 * 0.01) and the npm package's `capacity()` returns.
 */
export interface CapacityResult {
  /** One entry per floor, in the project's order. */
  floors: Capacity[];
  /** The radios over a limit, on every floor. */
  over: number;
}

/**
 * The client-capacity model: how many people a room holds, how many Wi-Fi clients they
 * bring, on which band, and what one radio can carry.
 */
export interface CapacitySettings {
  /**
   * People per square metre of a room whose `people` is not given, by the room's
   * category (IMDF's unit categories); categories not listed use
   * `default_people_per_m2`.
   */
  people_per_m2: { [key: string]: number };
  /**
   * People per square metre of a room without a category or of one not listed, and of a
   * floor's area outside its rooms when it has none (0.1: an open-plan office's 10 m² a
   * person).
   */
  default_people_per_m2: number;
  /** Wi-Fi clients each person brings (1.5: a laptop, and a phone half the time). */
  devices_per_person: number;
  /**
   * Percent of the clients on each band when every band is there (2.4 GHz 10, 5 GHz 60,
   * 6 GHz 30); a band no radio serves at a place hands its clients down to the next
   * lower one (6 → 5 → 2.4 GHz).
   */
  band_share_percent: BandShare;
  /**
   * Airtime one client takes from its radio on a 20 MHz channel, percent (1: a client of
   * web, mail and calls, active part of the time); a wider channel carries more in the
   * same time, so a client takes 20/width of it there.
   */
  airtime_per_client_percent: number;
  /**
   * The weakest signal a client associates at, dBm (−75): a place where no radio of a
   * band reaches it has no client on that band.
   */
  association_dbm: number;
  /** The most clients one radio should serve (50); more is a finding. */
  max_clients_per_radio: number;
  /** The most airtime one radio's clients should take, percent (70); more is a finding. */
  max_airtime_percent: number;
}

/**
 * The client-capacity model: how many people a room holds, how many Wi-Fi clients they
 * bring, on which band, and what one radio can carry.
 */
export interface CapacitySettingsInput {
  /**
   * People per square metre of a room whose `people` is not given, by the room's
   * category (IMDF's unit categories); categories not listed use
   * `default_people_per_m2`.
   */
  people_per_m2?: { [key: string]: number };
  /**
   * People per square metre of a room without a category or of one not listed, and of a
   * floor's area outside its rooms when it has none (0.1: an open-plan office's 10 m² a
   * person).
   */
  default_people_per_m2?: number;
  /** Wi-Fi clients each person brings (1.5: a laptop, and a phone half the time). */
  devices_per_person?: number;
  /**
   * Percent of the clients on each band when every band is there (2.4 GHz 10, 5 GHz 60,
   * 6 GHz 30); a band no radio serves at a place hands its clients down to the next
   * lower one (6 → 5 → 2.4 GHz).
   */
  band_share_percent?: BandShare;
  /**
   * Airtime one client takes from its radio on a 20 MHz channel, percent (1: a client of
   * web, mail and calls, active part of the time); a wider channel carries more in the
   * same time, so a client takes 20/width of it there.
   */
  airtime_per_client_percent?: number;
  /**
   * The weakest signal a client associates at, dBm (−75): a place where no radio of a
   * band reaches it has no client on that band.
   */
  association_dbm?: number;
  /** The most clients one radio should serve (50); more is a finding. */
  max_clients_per_radio?: number;
  /** The most airtime one radio's clients should take, percent (70); more is a finding. */
  max_airtime_percent?: number;
}

/** A channel plan for one floor and band. */
export interface ChannelPlan {
  /** The floor's id. */
  floor: string;
  /** What was asked. */
  options: ChannelPlanOptions;
  /** The regulatory domain followed. */
  domain: RegDomain;
  /** The channels it chose from. */
  channels: number[];
  /** Each radio, in floor order. */
  radios: PlannedRadio[];
  /**
   * Pairs of radios on overlapping channels that hear each other above
   * [`CONFLICT_DBM`], before (radios without a channel overlap none).
   */
  conflicts_before: number;
  /** The same in the plan. */
  conflicts_after: number;
  /** Radios whose channel or width the plan changes. */
  changed: number;
}

/** What to plan. */
export interface ChannelPlanOptions {
  /** The band (5 GHz by default). */
  band: WifiBand;
  /** One width for every radio, MHz; `None` keeps each radio's own. */
  width_mhz: number | null;
  /** The channels to use; `None` for every channel the regulatory domain allows. */
  channels: number[] | null;
  /** Leave out DFS channels (unless nothing else is left). */
  avoid_dfs: boolean;
}

/** The design-rule report: `tailplan check --json` (which fails when `errors` is not 0). */
export interface CheckResult {
  /** Findings of severity error. */
  errors: number;
  /** Findings of severity warning. */
  warnings: number;
  /** Every finding: link lengths, tray fill, PoE, ports, unserved endpoints, hand routes. */
  findings: Finding[];
}

/** What [`clean_walls`] did, for the import report. */
export interface CleanupStats {
  /** Straight pieces drawn (polylines split at their vertices). */
  pieces_in: number;
  /** Walls made. */
  walls_out: number;
  /** Pieces that were the same line drawn again, or collinear continuations, merged away. */
  collinear_merged: number;
  /** Centrelines made from a pair of faces. */
  face_pairs: number;
  /** Face remnants and outline end caps dropped because a centreline stands for them. */
  caps_dropped: number;
  /** Pieces shorter than the minimum length, dropped. */
  too_short: number;
  /** Wall ends extended to meet another wall. */
  ends_joined: number;
}

/** `project.coverage` options: the CLI's `tailplan coverage` flags. */
export interface CoverageOptions {
  /** The floor's id (needed when the project has several floors). */
  floor?: string | null;
  /** The Wi-Fi band (default: the band of most of the floor's access points). */
  band?: WifiBand | null;
  /** An IoT technology's gateways instead of a Wi-Fi band. */
  tech?: IotTech | null;
  /** Cell side in metres (default: the project's setting, 0.5). */
  cellM?: number | null;
  /** The grid-cell limit: a map of more cells is refused (default 8,000,000). */
  maxGridCells?: number | null;
}

/**
 * A floor's best-server heatmap and its statistics: `tailplan coverage --out-json` (which
 * rounds the values, statistics and links to 0.01) and the npm package's `coverage()`
 * (unrounded, the values as a `Float32Array`).
 */
export interface CoverageResult {
  /** The floor's id. */
  floor: string;
  /** The Wi-Fi band, for a Wi-Fi map. */
  band?: WifiBand | null;
  /** The IoT technology, for a gateway map. */
  tech?: IotTech | null;
  /** Cell side, metres. */
  cell_m: number;
  /**
   * The grid's lower-left corner, `[x, y]` metres: the cell in row r, column c has its
   * centre at `origin + ((c + 0.5) × cell_m, (r + 0.5) × cell_m)`.
   */
  origin: [number, number];
  /** Columns, west to east. */
  cols: number;
  /** Rows, south to north. */
  rows: number;
  /**
   * Best-server RSSI per cell, dBm, row-major, row 0 at the south (−200 where nothing is
   * heard): `cols × rows` values.
   */
  best_rssi_dbm: Float32Array;
  /** The share of the floor and of every room at the thresholds, and the distribution. */
  stats: CoverageStats;
  /** The transmitters taken in (the floor's own and those of the floors above and below). */
  transmitters: TransmitterRef[];
  /** For an IoT technology: every device's link to the gateways. */
  links?: IotLinks | null;
}

/** A floor's coverage statistics for one band or technology. */
export interface CoverageStats {
  /** True when the floor's area is its rooms' cells. */
  rooms_only: boolean;
  /**
   * What the floor's area is: its rooms, the building's interior from its walls, or the
   * whole plan.
   */
  area: AreaKind;
  /** The floor as a whole. */
  floor: AreaStats;
  /** The distribution of the best RSSI over the floor, 5 dB bins. */
  histogram: HistogramBin[];
  /** Each room, in floor order. */
  rooms: RoomStats[];
}

/** How to read GeoJSON coordinates (the CLI's `--crs`). */
export type CrsName = "auto" | "planar" | "wgs84";

/**
 * A table of the routing as CSV: what `tailplan route` writes with `--schedule`, `--bom`,
 * `--fill`, `--rooms` and `--final-tail`, and the design-rule findings.
 */
export type CsvTable = "schedule" | "bill_of_materials" | "tray_fill" | "rooms" | "findings" | "final_tail" | "distributors";

/** An endpoint that needs a connection: a sensor, a camera, a control panel... */
export interface Device {
  /** Unique in the project. */
  id: string;
  /** Label on the plan. */
  name: string;
  /** Where it is. */
  position: Point;
  /** How it is connected now (or planned). */
  medium: Medium;
  /** Its radio technology, when wireless (or able to be). */
  tech?: IotTech | null;
  /**
   * What it is, free text (suggested: [`DEVICE_CLASSES`]); [`DEFAULT_DEVICE_CLASS`] when
   * not given. Scenarios choose a medium per class.
   */
  class?: string | null;
  /** Power drawn over PoE, watts. */
  poe_w?: number | null;
  /** Height above the floor, metres. */
  height_m: number;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** One device's links. */
export interface DeviceLinks {
  /** The device's id. */
  device: string;
  /** The device's name. */
  name: string;
  /** Its floor. */
  floor: string;
  /** Its technology. */
  tech: IotTech;
  /** Its position. */
  position: Point;
  /** The technology's sensitivity, dBm. */
  sensitivity_dbm: number;
  /** The gateways that hear it (margin at least 0 dB), strongest first. */
  heard_by: GatewayLink[];
  /** The strongest gateway of its technology in scope, heard or not. */
  strongest: GatewayLink | null;
}

/** One problem, with where it is and what is wrong. */
export interface Diagnostic {
  /** How serious it is. */
  severity: Severity;
  /** Where: the file, floor, feature or element (`floor "2", wall "w-14"`). */
  location: string;
  /** What is wrong, and what was done about it. */
  message: string;
}

/** A distributor: its place in the campus, its load, and the switches it needs. */
export interface Distributor {
  /** The telecom room's id. */
  id: string;
  /** Its name. */
  name: string;
  /** What it distributes to. */
  role: DistributorRole;
  /** Its building's name (empty for the one unnamed building). */
  building: string;
  /** Its floor's id. */
  floor: string;
  /**
   * Its space in TIA-606 ids: the floor's id and its letter on the floor (`A1A`), as its
   * backbone cables' ids and its rack labels give it.
   */
  space: string;
  /** Horizontal cables ending here. */
  ports_used: number;
  /** The switch model it is equipped with. */
  switch_model: string;
  /** Switches: as installed (`switches` of the room) or as many as its ports and PoE need. */
  switches: number;
  /** Their access ports in all. */
  switch_ports: number;
  /** Their PoE budget in all, watts. */
  switch_poe_w: number;
  /** PoE its devices draw, watts. */
  poe_w: number;
  /** Copper (and SPE) patch panels for its horizontal cables. */
  patch_panels: number;
  /** Backbone cables ending here: from the distributors below and to the one above. */
  backbone_cables: number;
  /** Duplex fibre ports for them (half the cores of each). */
  fibre_ports: number;
  /** Fibre panels for them (24 duplex ports each). */
  fibre_panels: number;
  /**
   * The distributor its backbone goes to: its name; none for the CD, or for a distributor
   * without backbone.
   */
  parent?: string | null;
}

/** What a telecom room distributes to (ISO/IEC 11801-1). */
export type DistributorRole = "fd" | "bd" | "cd";

/** A distributor under a scenario. */
export interface DistributorTotals {
  /** Its name. */
  name: string;
  /** Its building's name. */
  building: string;
  /** Horizontal cables ending here. */
  ports_used: number;
  /** Switches. */
  switches: number;
  /** PoE its devices draw, watts. */
  poe_w: number;
}

/**
 * An outside pathway between buildings (an underground duct, a cable trench): a line on the
 * site with no floor. Ducts that meet join; a duct's end inside a building's footprint (or
 * near its ground floor's trays) enters that building's ground floor.
 */
export interface Duct {
  /** Unique in the project. */
  id: string;
  /** Its name on the site plan. */
  name: string;
  /** Its centreline on the site. */
  points: Point[];
  /** How many cables it may carry, when given. */
  capacity?: number | null;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** One change to a project. */
export type Edit = {
  edit: "add_element";
  /** The floor's id. */
  floor: string;
  /** The new element; its id must be new to the project. */
  element: Element;
  /** Position among the floor's elements of that kind. */
  index?: number | null;
} | {
  edit: "remove_element";
  /** The element's id. */
  id: string;
} | {
  edit: "replace_element";
  /** The element as it should be. */
  element: Element;
} | {
  edit: "add_floor";
  /** The new floor; its id and its elements' ids must be new. */
  floor: FloorInput;
  /** Position among the floors. */
  index?: number | null;
} | {
  edit: "remove_floor";
  /** The floor's id. */
  id: string;
} | {
  edit: "set_floor_info";
  /** The floor's id. */
  id: string;
  /** New name. */
  name: string;
  /** New elevation, metres. */
  elevation_m: number;
  /** New ceiling height, metres. */
  ceiling_m: number;
} | {
  edit: "set_floor_slab";
  /** The floor's id. */
  id: string;
  /** A material of the library; `None` for the radio settings' floor loss. */
  slab_material?: string | null;
} | {
  edit: "set_settings";
  /** The new settings (boxed: they are the largest edit by far). */
  settings: SettingsInput;
} | {
  edit: "set_meta";
  /** The new names. */
  meta: ProjectMetaInput;
} | {
  edit: "put_material";
  /** The material. */
  material: WallMaterial;
  /** Where a new material goes in the library (the end when not given). */
  index?: number | null;
} | {
  edit: "remove_material";
  /** Its name. */
  name: string;
} | {
  edit: "put_antenna";
  /** The pattern. */
  pattern: AntennaPattern;
  /** Where a new pattern goes in the library (the end when not given). */
  index?: number | null;
} | {
  edit: "remove_antenna";
  /** Its name. */
  name: string;
} | {
  edit: "put_survey";
  /** The survey. */
  survey: SurveyInput;
  /** Where a new survey goes among the project's (the end when not given). */
  index?: number | null;
} | {
  edit: "remove_survey";
  /** Its name. */
  name: string;
} | {
  edit: "batch";
  /** The edits, in order. */
  edits: Edit[];
};

/** Any element of a floor. */
export type Element = (Wall & {
  element: "wall";
}) | (Opening & {
  element: "opening";
}) | (RoomInput & {
  element: "room";
}) | (AccessPointInput & {
  element: "access_point";
}) | (Gateway & {
  element: "gateway";
}) | (Device & {
  element: "device";
}) | (Outlet & {
  element: "outlet";
}) | (TelecomRoom & {
  element: "telecom_room";
}) | (Tray & {
  element: "tray";
}) | (Riser & {
  element: "riser";
}) | (CableRoute & {
  element: "route";
}) | (OtherFeature & {
  element: "other";
});

/** One end of one cable: an outlet port, an access point or a wired device. */
export interface Endpoint {
  /** The element's id. */
  element_id: string;
  /** The element's name. */
  name: string;
  /** What it is. */
  kind: EndpointKind;
  /** The outlet port, numbered from 1; `None` for access points and devices. */
  port?: number | null;
  /** Index of its floor in [`Project::floors`]. */
  floor: number;
  /** Where it is. */
  position: Point;
  /** Its height above the floor, metres. */
  height_m: number;
  /** The cable it needs. */
  medium: Medium;
  /** Power it draws over the cable, watts. */
  poe_w?: number | null;
}

/** The kind of element a cable serves. */
export type EndpointKind = "outlet" | "ap" | "device";

/** Statistics of the errors `predicted − measured`, dB (positive: the model is optimistic). */
export interface ErrorStats {
  /** The rows counted. */
  points: number;
  /** The mean error (the bias), dB. */
  mean_error_db: number;
  /** The mean absolute error, dB. */
  mae_db: number;
  /** The root mean square error, dB. */
  rmse_db: number;
  /** The standard deviation of the errors (what is left once the bias is taken away), dB. */
  std_db: number;
}

/** A floor's extent. */
export interface Extent {
  /** The lower-left corner, `[x, y]` metres. */
  min: [number, number];
  /** The upper-right corner, `[x, y]` metres. */
  max: [number, number];
  /** Width, metres. */
  width_m: number;
  /** Height, metres. */
  height_m: number;
}

/** The fibre of a backbone cable. */
export type FibreType = "om4" | "os2";

/** A device's options and the recommendation. */
export interface FinalTailChoice {
  /** The device's id. */
  device_id: string;
  /** The device's name. */
  name: string;
  /** Its floor's id. */
  floor: string;
  /** How it is connected in the design now. */
  current: Medium;
  /** Its radio technology, if it has one. */
  tech?: IotTech | null;
  /** Power it draws, watts. */
  poe_w?: number | null;
  /** Every option, in [`TailKind::ALL`] order. */
  options: TailOption[];
  /** The cheapest feasible option, if any is. */
  recommended?: TailKind | null;
}

/** How the final-tail choice judges a device's options. */
export interface FinalTailSettings {
  /**
   * The least link margin over the receiver's sensitivity, dB, for a wireless option to
   * count as feasible: the fade margin that bodies, furniture and doors eat (10).
   */
  fade_margin_db: number;
}

/** How the final-tail choice judges a device's options. */
export interface FinalTailSettingsInput {
  /**
   * The least link margin over the receiver's sensitivity, dB, for a wireless option to
   * count as feasible: the fade margin that bodies, furniture and doors eat (10).
   */
  fade_margin_db?: number;
}

/**
 * One result of a design rule: what, how serious, about which element, and the measured value
 * against the limit when there is one.
 */
export interface Finding {
  /** The rule. */
  rule: Rule;
  /** Errors fail `tailplan check`; warnings and notes do not. */
  severity: Severity;
  /** The id of the element concerned: the endpoint, tray, telecom room, riser or route. */
  subject: string;
  /** Where, for people: `floor "0", outlet "O-0-001" port 2 (cable 0A-A01)`. */
  location: string;
  /** What is wrong. */
  message: string;
  /** The measured value (metres, fraction, watts, ports), when the rule measures one. */
  measured?: number | null;
  /** The limit it is held to. */
  limit?: number | null;
}

/** The findings of a scenario's routing, counted. */
export interface FindingCounts {
  /** Errors. */
  errors: number;
  /** Warnings. */
  warnings: number;
  /** Findings per rule (`link_length`, `poe-bundle`...). */
  by_rule: { [key: string]: number };
}

/** What calibration fits, and how strongly it holds to what the project holds. */
export interface FitOptions {
  /** Fit one EIRP offset per access point heard. */
  offsets: boolean;
  /** Fit the path-loss exponent. */
  exponent: boolean;
  /** Fit the losses of the library materials the survey's rays cross. */
  walls: boolean;
  /** Folds of the cross-validation (2 to 20; fewer points than folds: one per point). */
  folds: number;
  /** How far an offset may be expected from 0, dB (the prior's width). */
  offset_prior_db: number;
  /** How far the exponent may be expected from the project's. */
  exponent_prior: number;
  /**
   * How many rows a wall's library loss counts as, measured exactly at it: a wall crossed
   * by as many rays moves half way to what they say, one crossed by a few barely moves.
   */
  wall_prior_rows: number;
  /** Huber-weighted (robust to shadowed rows) rather than plain least squares. */
  robust: boolean;
}

/** One storey of a building and everything on it. */
export interface Floor {
  /** Unique in the project; what GeoJSON's `properties.floor` refers to. */
  id: string;
  /** Display name (`Level 2`, `Ground floor`). */
  name: string;
  /** Height of the finished floor above the building's datum, metres. */
  elevation_m: number;
  /** Clear height to the ceiling, metres. */
  ceiling_m: number;
  /**
   * The building it belongs to (a [`crate::campus::Building`]'s id); `None` for the one
   * unnamed building of a project without buildings.
   */
  building?: string | null;
  /**
   * The material of the floor slab under this floor, from the project's library: a signal
   * between this floor and the one below takes that material's loss; `None` for the radio
   * settings' `floor_loss_db` (a building model's slabs set it on import).
   */
  slab_material?: string | null;
  /** Walls, with their R-tree. */
  walls: WallSet;
  /** Doors and windows. */
  openings?: Opening[];
  /** Rooms. */
  rooms?: Room[];
  /** Wi-Fi access points. */
  access_points?: AccessPoint[];
  /** IoT gateways. */
  gateways?: Gateway[];
  /** Devices needing a connection. */
  devices?: Device[];
  /** Wired outlets. */
  outlets?: Outlet[];
  /** Telecom rooms. */
  telecom_rooms?: TelecomRoom[];
  /** Cable trays. */
  trays?: Tray[];
  /** Risers. */
  risers?: Riser[];
  /** Hand-drawn cable routes. */
  routes?: CableRoute[];
  /** Features of kinds tailplan does not know. */
  others?: OtherFeature[];
  /** Drawings shown under the model: the original CAD lines, scanned plans. */
  underlays?: Underlay[];
  /** Properties of the floor tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** One floor in [`ProjectInfo`]. */
export interface FloorInfo {
  /** The floor's id. */
  id: string;
  /** Its name. */
  name: string;
  /** Elevation of its floor level, metres. */
  elevation_m: number;
  /** Ceiling height above the floor level, metres. */
  ceiling_m: number;
  /** The extent of everything on it; `null` when it is empty. */
  bbox: Extent | null;
  /** Elements by kind (kinds with none are left out). */
  counts: { [key: string]: number };
  /** Straight wall segments (what the radio model and the R-tree hold). */
  wall_segments: number;
}

/** One storey of a building and everything on it. */
export interface FloorInput {
  /** Unique in the project; what GeoJSON's `properties.floor` refers to. */
  id: string;
  /** Display name (`Level 2`, `Ground floor`). */
  name: string;
  /** Height of the finished floor above the building's datum, metres. */
  elevation_m: number;
  /** Clear height to the ceiling, metres. */
  ceiling_m: number;
  /**
   * The building it belongs to (a [`crate::campus::Building`]'s id); `None` for the one
   * unnamed building of a project without buildings.
   */
  building?: string | null;
  /**
   * The material of the floor slab under this floor, from the project's library: a signal
   * between this floor and the one below takes that material's loss; `None` for the radio
   * settings' `floor_loss_db` (a building model's slabs set it on import).
   */
  slab_material?: string | null;
  /** Walls, with their R-tree. */
  walls?: WallSet;
  /** Doors and windows. */
  openings?: Opening[];
  /** Rooms. */
  rooms?: RoomInput[];
  /** Wi-Fi access points. */
  access_points?: AccessPointInput[];
  /** IoT gateways. */
  gateways?: Gateway[];
  /** Devices needing a connection. */
  devices?: Device[];
  /** Wired outlets. */
  outlets?: Outlet[];
  /** Telecom rooms. */
  telecom_rooms?: TelecomRoom[];
  /** Cable trays. */
  trays?: Tray[];
  /** Risers. */
  risers?: Riser[];
  /** Hand-drawn cable routes. */
  routes?: CableRoute[];
  /** Features of kinds tailplan does not know. */
  others?: OtherFeature[];
  /** Drawings shown under the model: the original CAD lines, scanned plans. */
  underlays?: Underlay[];
  /** Properties of the floor tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** Part of a cable's path on one floor. */
export interface FloorPath {
  /** The floor's id. */
  floor: string;
  /** The path on that floor, in order from the endpoint towards the room. */
  points: Point[];
}

/** The constant `format` member of a project file. */
export type FormatTag = "tailplan-project";

/** An IoT gateway (LoRaWAN, BLE, Zigbee or Thread). */
export interface Gateway {
  /** Unique in the project. */
  id: string;
  /** Label on the plan. */
  name: string;
  /** Where it is mounted. */
  position: Point;
  /** Its radio technology. */
  tech: IotTech;
  /** EIRP, dBm. */
  tx_dbm: number;
  /** Mounting height above the floor, metres. */
  height_m: number;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** A gateway heard by a device. */
export interface GatewayLink {
  /** The gateway's id. */
  gateway: string;
  /** The gateway's name. */
  name: string;
  /** The gateway's floor. */
  floor: string;
  /** The received power at the device, dBm. */
  rssi_dbm: number;
  /** RSSI minus the technology's sensitivity, dB. */
  margin_db: number;
}

/** Proposed gateways for a floor. */
export interface GatewayPlacement {
  /** The floor's id. */
  floor: string;
  /** What was aimed for. */
  options: GatewayPlacementOptions;
  /** The gateways to add, in the order chosen. */
  proposals: ProposedGateway[];
  /** The existing gateways counted (with `keep_existing`). */
  kept: string[];
  /** Candidate positions considered. */
  candidates: number;
  /** Devices of the technology on the floor. */
  devices: number;
  /** Devices reached with the margin. */
  reached: number;
  /** Devices no candidate position reaches with the margin. */
  unreachable: string[];
  /** Whether every device that can be reached is. */
  target_met: boolean;
}

/** What to aim for when placing gateways. */
export interface GatewayPlacementOptions {
  /** The technology. */
  tech: IotTech;
  /** The link margin every device needs, dB (10). */
  margin_db: number;
  /** EIRP, dBm; `None` for the technology's default. */
  tx_dbm: number | null;
  /** Mounting height, metres; `None` for the floor's ceiling. */
  height_m: number | null;
  /** Distance between candidate positions, metres (2). */
  spacing_m: number;
  /** Smallest distance from a candidate to a wall, metres (0.3). */
  wall_clearance_m: number;
  /** Whether the floor's gateways of the technology stay and count. */
  keep_existing: boolean;
  /** The most gateways to propose (100). */
  max_gateways: number;
}

/** A floor's gateway proposals, one per technology: what `place-gateways --out` writes. */
export interface GatewayPlacements {
  /** The floor's id. */
  floor: string;
  /** One proposal per technology placed (none when the floor's devices use none). */
  placements: GatewayPlacement[];
}

/** `Project.fromGeoJSON` options. */
export interface GeoJsonOptions {
  /** The file's name, for messages and the import report (default `input`). */
  name?: string | null;
  /** How to read the coordinates: `auto` (default), `planar` or `wgs84`. */
  crs?: CrsName | null;
}

/**
 * Where a project's local planar metres lie on the earth: the WGS84 position of their origin
 * and the direction of their y axis (north unless `north_deg` says otherwise).
 */
export interface GeoReference {
  /** Longitude of the origin, degrees. */
  origin_lon_deg: number;
  /** Latitude of the origin, degrees. */
  origin_lat_deg: number;
  /**
   * The bearing of the plan's +y axis, degrees clockwise from true north in (−180, 180]:
   * 0 (the default, left out of the file) when y points north and x east; 90 when y points
   * east (and x south).
   */
  north_deg?: number;
}

/** One bar of the RSSI distribution. */
export interface HistogramBin {
  /** Lower bound (included), dBm; `None` for the open first bin. */
  from_dbm: number | null;
  /** Upper bound (excluded), dBm; `None` for the open last bin. */
  to_dbm: number | null;
  /** Percent of the area whose best RSSI falls in it. */
  percent: number;
}

/** `Project.importFile` options: the CLI's `tailplan import` flags. */
export interface ImportOptions {
  /** The floor a DXF, SVG or image goes on (default `0`; a number n sits at n × 3.5 m). */
  floor?: string | null;
  /** DXF units, overriding `$INSUNITS`. */
  units?: UnitsName | null;
  /** The scale of an SVG or an image (required for SVG): metres per drawing unit or pixel. */
  scale?: number | null;
  /**
   * The scale from two points of the drawing (pixels for an image, y down) and their
   * distance in metres: `[x1, y1, x2, y2, distance]`.
   */
  scalePoints?: [number, number, number, number, number] | null;
  /**
   * Layer roles before the defaults: `"PATTERN=ROLE,..."` with `*` and `?` globs; a role
   * is a material (`drywall`, `concrete`...), `door`, `window`, `room`, `label` or
   * `ignore`.
   */
  layers?: string | null;
  /** How to read GeoJSON coordinates: `auto` (default), `planar` or `wgs84`. */
  crs?: CrsName | null;
  /** Import hidden layers too (Inkscape hidden layers, DXF layers turned off). */
  includeHidden?: boolean | null;
  /** Keep the drawing's lines (or the scan) as the floor's underlay (default true). */
  keepUnderlay?: boolean | null;
  /** Rotation of an image underlay, degrees anticlockwise. */
  rotationDeg?: number | null;
  /**
   * The storeys of an IFC model to import, by name (default: every storey that holds a
   * wall).
   */
  storeys?: string[] | null;
  /**
   * The largest file read, in MB (default: 64 for DXF, SVG, IMDF and images, 256 for
   * GeoJSON).
   */
  maxFileMb?: number | null;
  /**
   * The most entities a drawing may have once its block references are expanded
   * (default 2,000,000).
   */
  maxEntities?: number | null;
  /**
   * The most points a drawing may have, curves flattened and blocks expanded (default
   * 5,000,000).
   */
  maxPoints?: number | null;
  /** How deep DXF block references and SVG elements may nest (default 32). */
  maxNesting?: number | null;
}

/** The report of one import, as stored in [`crate::Project::imports`]. */
export interface ImportRecord {
  /** The file's name. */
  source: string;
  /** `geojson`, `imdf`, `dxf`, `svg`, `png` or `jpeg`. */
  format: string;
  /** The drawing's units as understood (`cm ($INSUNITS 5)`, `px`...). */
  units?: string;
  /** The scale applied: metres per drawing unit. */
  m_per_unit?: number | null;
  /** The floors the import made or filled. */
  floors?: string[];
  /** Every layer, with its entity count and role. */
  layers?: LayerRecord[];
  /** Elements made, per kind. */
  counts?: { [key: string]: number };
  /** What the wall clean-up did, for drawings whose walls are lines. */
  walls?: CleanupStats | null;
  /** A building model's storeys, lowest first. */
  storeys?: StoreyRecord[];
  /** A building model's material names and what each became. */
  materials?: MaterialMapping[];
  /** What a building model holds that the import left out. */
  skipped?: SkippedRecord[];
  /** Warnings and notes (errors refuse the import instead). */
  diagnostics?: Diagnostic[];
}

/** The links of the devices of a floor (or of every floor). */
export interface IotLinks {
  /** Every device with a technology, floor by floor, in element order. */
  devices: DeviceLinks[];
  /** The ids of the devices no gateway reaches. */
  unreached: string[];
}

/** Receiver sensitivity per IoT technology, dBm. */
export interface IotSensitivity {
  /** LoRaWAN at SF12. */
  lorawan: number;
  /** Bluetooth Low Energy. */
  ble: number;
  /** Zigbee. */
  zigbee: number;
  /** Thread. */
  thread: number;
}

/** Receiver sensitivity per IoT technology, dBm. */
export interface IotSensitivityInput {
  /** LoRaWAN at SF12. */
  lorawan?: number;
  /** Bluetooth Low Energy. */
  ble?: number;
  /** Zigbee. */
  zigbee?: number;
  /** Thread. */
  thread?: number;
}

/** An IoT radio technology. */
export type IotTech = "lorawan" | "ble" | "zigbee" | "thread";

/** One layer of the imported drawing. */
export interface LayerRecord {
  /** The layer's name. */
  name: string;
  /** How many drawing entities (lines, polylines, arcs, texts, block references...) it had. */
  entities: number;
  /** What it became. */
  role: LayerRole;
  /** Why. */
  source: MappingSource;
  /** True when the layer was hidden (off, frozen, `display:none`) and was skipped. */
  hidden?: boolean;
}

/** door, window, room, label, ignored, or wall:MATERIAL */
export type LayerRole = string;

/** An attenuation given on the wall itself instead of through a material. */
export type LossOverride = number | BandLoss;

/** Why a layer got its role. */
export type MappingSource = "user" | "default" | "fallback";

/** A material's fitted loss at one band. */
export interface MaterialFit {
  /** The material's name. */
  material: string;
  /** The band. */
  band: Band;
  /** How many rows' rays cross it (each crossing counted). */
  crossings: number;
  /** Its loss before, dB. */
  before_db: number;
  /** Its loss after, dB. */
  after_db: number;
}

/**
 * The materials of a project. Starts as [`MaterialLibrary::default`]; users may edit values
 * and add materials per project.
 */
export type MaterialLibrary = WallMaterial[];

/** A material name of a building model and the material of the library it stands for. */
export interface MaterialMapping {
  /** The name in the file (`Masonry - Brick`, `Stahlbeton`). */
  name: string;
  /**
   * The library's material it became; `None` when it gives a wall none (air, insulation,
   * finishes) or nothing matched.
   */
  material?: string | null;
  /** How many imported elements use it. */
  elements: number;
}

/** How a device is connected. */
export type Medium = "cat6a" | "spe" | "fiber" | "wireless";

/** A value before and after calibration. */
export interface Moved {
  /** As the project held it. */
  before: number;
  /** As calibration fitted it. */
  after: number;
}

/** An access point's fitted offset. */
export interface OffsetFit {
  /** The access point's id. */
  ap: string;
  /** Its name. */
  name: string;
  /** The rows that heard it. */
  points: number;
  /** Its offset before, dB (0 when it had none). */
  before_db: number;
  /** Its offset after, dB. */
  after_db: number;
}

/** A door or a window: a line across a gap in a wall, with a material of its own. */
export interface Opening {
  /** Unique in the project. */
  id: string;
  /** Door or window. */
  kind: OpeningKind;
  /** The opening's line (usually two points). */
  points: Point[];
  /** A material of the project's library. */
  material: string;
  /** An open opening does not attenuate; a closed one (the default) does. */
  open?: boolean;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** Whether an opening is a door or a window. */
export type OpeningKind = "door" | "window";

/** An access point's offset before calibration. */
export interface OriginalOffset {
  /** The access point's id. */
  ap: string;
  /** Its offset, dB; none when it had none. */
  offset_db?: number | null;
}

/** A feature tailplan does not model (an IMDF amenity, a QGIS annotation...), kept verbatim. */
export interface OtherFeature {
  /** Unique in the project. */
  id: string;
  /** Its GeoJSON geometry object in project coordinates (metres), or null. */
  geometry: JsonValue;
  /** All its properties, `kind` included, except `floor`. */
  properties?: { [key: string]: JsonValue };
  /**
   * Members of the feature object besides `type`, `id`, `geometry` and `properties`
   * (IMDF's `feature_type`, for one).
   */
  members?: { [key: string]: JsonValue };
}

/** A wired desk or wall outlet. */
export interface Outlet {
  /** Unique in the project. */
  id: string;
  /** Label on the plan. */
  name: string;
  /** Where it is. */
  position: Point;
  /** Number of ports, each its own cable. */
  ports: number;
  /** Height above the floor, metres. */
  height_m: number;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** An ISO 216 paper size, landscape (the CLI's `--paper`). */
export type PaperName = "A4" | "A3" | "A2" | "A1" | "A0";

/** How many cables a riser or a duct carries. */
export interface PathwayLoad {
  /** `riser` or `duct`. */
  kind: string;
  /** The duct's id, or the riser's id on the lower floor. */
  id: string;
  /** Its name. */
  name: string;
  /** The building (risers; empty for the unnamed building or a duct). */
  building: string;
  /** For a riser: the lower floor's id; for a duct, empty. */
  from_floor?: string;
  /** For a riser: the upper floor's id; for a duct, empty. */
  to_floor?: string;
  /** Horizontal cables through it. */
  horizontal: number;
  /** Backbone cables through it. */
  backbone: number;
  /** Its capacity in cables, when given. */
  capacity?: number | null;
}

/** An amount per cabled medium. */
export interface PerMedium {
  /** Cat6A. */
  cat6a: number;
  /** Single-pair Ethernet. */
  spe: number;
  /** Fibre. */
  fiber: number;
}

/** A count (ports: `u64`) or a length (metres: `f64`) per wired medium. */
export interface PerWired {
  /** Four-pair copper. */
  cat6a: number;
  /** Single-pair Ethernet. */
  spe: number;
  /** Fibre. */
  fiber: number;
}

/** A count (ports: `u64`) or a length (metres: `f64`) per wired medium. */
export interface PerWired2 {
  /** Four-pair copper. */
  cat6a: number;
  /** Single-pair Ethernet. */
  spe: number;
  /** Fibre. */
  fiber: number;
}

/** A step of the development plan. */
export interface Phase {
  /** Its name, unique among the phases (default: its index). */
  name?: string | null;
  /** The year it is done in. */
  year: number;
  /** The buildings (ids) that move. */
  buildings?: string[];
  /** The floors (ids) that move. */
  floors?: string[];
  /** The scenario they move to: one of the file's or a built-in one. */
  scenario: string;
  /** The phases that must come first (their names). */
  after?: string[];
}

/** `project.placeAps` options: the CLI's `tailplan place-aps` flags. */
export interface PlaceApsOptions {
  /** The floor's id (needed when the project has several floors). */
  floor?: string | null;
  /** The Wi-Fi band (default `5`). */
  band?: WifiBand | null;
  /** The RSSI every covered cell needs, dBm (default −67). */
  targetDbm?: number | null;
  /** Percent of the room area that must reach the target (default 95). */
  coveragePercent?: number | null;
  /** Also want two access points at the target (secondary coverage). */
  secondary?: boolean | null;
  /** Percent of the room area that must hear two, with `secondary` (default 85). */
  secondaryPercent?: number | null;
  /** EIRP of the proposed access points, dBm (default 20). */
  txDbm?: number | null;
  /** Mounting height, metres (default: the floor's ceiling). */
  heightM?: number | null;
  /** Distance between candidate positions, metres (default 2). */
  spacingM?: number | null;
  /** Cell side of the grid the target is checked on, metres (default 1). */
  cellM?: number | null;
  /** The grid-cell limit (default 8,000,000). */
  maxGridCells?: number | null;
  /** Keep the floor's access points of the band and count their coverage. */
  keepExisting?: boolean | null;
  /**
   * Add access points where a radio would serve more clients than the capacity settings
   * allow.
   */
  capacity?: boolean | null;
}

/** `project.placeGateways` options: the CLI's `tailplan place-gateways` flags. */
export interface PlaceGatewaysOptions {
  /** The floor's id (needed when the project has several floors). */
  floor?: string | null;
  /** The technology (default: every technology the floor's devices use). */
  tech?: IotTech | null;
  /** The link margin each device needs over the sensitivity, dB (default 10). */
  marginDb?: number | null;
  /** EIRP of the proposed gateways, dBm (default: the technology's). */
  txDbm?: number | null;
  /** Mounting height, metres (default: the floor's ceiling). */
  heightM?: number | null;
  /** Distance between candidate positions, metres (default 2). */
  spacingM?: number | null;
  /** Keep the floor's gateways of the technology and count what they reach. */
  keepExisting?: boolean | null;
}

/**
 * Places image pixels on a floor: pixel (u, v), u to the right and v down from the top-left
 * corner, lands at `offset + R(rotation) · (u, −v) · m_per_px`. With rotation 0 the image is
 * upright with north up; `offset` is where the image's top-left corner lies.
 */
export interface Placement {
  /** Metres per pixel. */
  m_per_px: number;
  /** Anticlockwise rotation in degrees. */
  rotation_deg?: number;
  /** Where the top-left corner of the image lies, floor metres. */
  offset: Point;
}

/** What placing for capacity did. */
export interface PlacementCapacity {
  /** Access points added beyond what coverage needs (the last proposals). */
  added: number;
  /**
   * The most clients one radio should carry (the client limit, or the airtime limit at
   * 20 MHz, whichever is lower).
   */
  limit: number;
  /** The clients of the busiest radio of the band, with the proposals. */
  busiest: number;
  /** The band's clients on the floor. */
  clients: number;
}

/** The development plan: the campus as drawn, then after each year. */
export interface Plan {
  /** The campus as drawn. */
  start: Totals;
  /** Each building as drawn. */
  start_by_building: BuildingTotals[];
  /** Year by year. */
  years: PlanYear[];
}

/** `project.planChannels` options: the CLI's `tailplan plan-channels` flags. */
export interface PlanChannelsOptions {
  /** The floor's id (needed when the project has several floors). */
  floor?: string | null;
  /** The Wi-Fi band (default `5`). */
  band?: WifiBand | null;
  /** One channel width for every radio, MHz (default: each radio's own). */
  widthMhz?: number | null;
  /** The channels to use (default: every channel the project's regulatory domain allows). */
  channels?: number[] | null;
  /** Leave out DFS channels. */
  avoidDfs?: boolean | null;
  /** Make the plan the project's, as one undoable edit (default: a proposal only). */
  apply?: boolean | null;
}

/** One year of the plan. */
export interface PlanYear {
  /** The year. */
  year: number;
  /** The phases done in it (their names), in order. */
  phases: string[];
  /**
   * What the year costs: the campus's capital cost after it less before it (negative when
   * the year's scenario costs less than what it replaces), in the project's currency.
   */
  capex: number;
  /** The campus after the year. */
  totals: Totals;
  /**
   * Each building after the year (capex is the campus's only), as the comparison's
   * `by_building`.
   */
  by_building: BuildingTotals[];
}

/** One radio's channel in a plan. */
export interface PlannedRadio {
  /** The access point's id. */
  ap: string;
  /** Its name. */
  name: string;
  /** Which of its radios (0-based, of its effective radios). */
  radio: number;
  /** The radio's width, MHz. */
  width_mhz: number;
  /** Its channel before. */
  before: number | null;
  /** Its channel in the plan. */
  channel: number;
  /** True when the channel is a DFS one. */
  dfs: boolean;
  /** The strongest radio on an overlapping channel it hears in the plan, dBm. */
  overlap_dbm: number | null;
}

/**
 * The PoE types of IEEE 802.3af/at/bt, by the power a device may draw and the power the port
 * must supply.
 */
export type PoeType = "802.3af" | "802.3at" | "802.3bt-type3" | "802.3bt-type4";

/** A point on a floor plan, in metres. Serialised as `[x, y]`. */
export type Point = [number, number];

/** One row, predicted and measured. */
export interface PointError {
  /** The survey it is from (its name). */
  survey: string;
  /** Its line in the survey file. */
  line: number;
  /** The floor's id. */
  floor: string;
  /** Where, plan metres. */
  x: number;
  /** Where, plan metres. */
  y: number;
  /** The access point's id. */
  ap: string;
  /** The band, `2.4`, `5` or `6`. */
  band: Band;
  /** Measured, dBm. */
  measured_dbm: number;
  /** Predicted, dBm. */
  predicted_dbm: number;
  /** Predicted − measured, dB. */
  error_db: number;
}

/**
 * A polygon: an exterior ring and optional holes. Rings are stored closed or open; every
 * function here treats the last vertex as joined to the first.
 */
export interface Polygon {
  /** The outer boundary. */
  exterior: Point[];
  /** Inner boundaries (courtyards, shafts), if any. */
  holes?: Point[][];
}

/**
 * Unit prices, in the project's `currency`, for the bill of materials and for comparing the
 * final-tail options. The defaults are indicative European installed-material prices (2025);
 * set the project's own.
 */
export interface PriceTable {
  /** Currency code of every price (`EUR`). */
  currency: string;
  /** Cable per metre, by type (Cat6A 1.20, SPE 0.90, fibre 1.60). */
  cable_per_m: PerMedium;
  /**
   * One termination at the telecom room, by cable type: the patch-panel port with its
   * share of the panel and the patch cord (Cat6A 45, SPE 70, fibre 95: for fibre, one
   * duplex port); the switches are priced by their models.
   */
  patch_panel_port: PerMedium;
  /** One outlet: faceplate, back box and fixing; its jacks are in `patch_panel_port` (25). */
  outlet: number;
  /** One IoT gateway, installed (450). */
  gateway: number;
  /** One Wi-Fi access point, installed (650). */
  access_point: number;
  /** Cable tray per metre, installed (40). */
  tray_per_m: number;
  /** Backbone fibre cable per metre, installed (3.50: a 12-core indoor/outdoor cable). */
  backbone_per_m: number;
}

/**
 * Unit prices, in the project's `currency`, for the bill of materials and for comparing the
 * final-tail options. The defaults are indicative European installed-material prices (2025);
 * set the project's own.
 */
export interface PriceTableInput {
  /** Currency code of every price (`EUR`). */
  currency?: string;
  /** Cable per metre, by type (Cat6A 1.20, SPE 0.90, fibre 1.60). */
  cable_per_m?: PerMedium;
  /**
   * One termination at the telecom room, by cable type: the patch-panel port with its
   * share of the panel and the patch cord (Cat6A 45, SPE 70, fibre 95: for fibre, one
   * duplex port); the switches are priced by their models.
   */
  patch_panel_port?: PerMedium;
  /** One outlet: faceplate, back box and fixing; its jacks are in `patch_panel_port` (25). */
  outlet?: number;
  /** One IoT gateway, installed (450). */
  gateway?: number;
  /** One Wi-Fi access point, installed (650). */
  access_point?: number;
  /** Cable tray per metre, installed (40). */
  tray_per_m?: number;
  /** Backbone fibre cable per metre, installed (3.50: a 12-core indoor/outdoor cable). */
  backbone_per_m?: number;
}

/**
 * A project file (`*.tailplan.json`), as `project.toJSON()` returns it and
 * `Project.fromJSON` reads it.
 */
export interface ProjectFile {
  /** Always `tailplan-project`. */
  format: FormatTag;
  /** The format version (this build writes and reads up to `project_file::VERSION`). */
  version: number;
  /** Names for title blocks and reports. */
  meta: ProjectMeta;
  /** Tunable parameters. */
  settings: Settings;
  /** The wall materials walls refer to. */
  materials: MaterialLibrary;
  /** The antenna patterns radios refer to, beyond the built-in ones. */
  antennas?: AntennaLibrary;
  /** Where the project's local metres sit on the earth, when it came from lon/lat. */
  georef?: GeoReference | null;
  /** The buildings of the campus, which floors name; none for a project of one building. */
  buildings?: Building[];
  /** The storeys, in the order given (usually bottom up). */
  floors: Floor[];
  /** The outside pathways between buildings. */
  ducts?: Duct[];
  /**
   * Switch models of the project's own, beside the built-in ones (a model of the same name
   * takes the built-in one's place).
   */
  switch_models?: SwitchModel[];
  /** The report of every import that made or filled the project, oldest first. */
  imports?: ImportRecord[];
  /**
   * Site surveys: signal strengths measured, to check and calibrate the radio model
   * against ([`crate::survey`]); names unique.
   */
  surveys?: Survey[];
  /** Project properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/**
 * A project file (`*.tailplan.json`), as `project.toJSON()` returns it and
 * `Project.fromJSON` reads it.
 */
export interface ProjectFileInput {
  /** Always `tailplan-project`. */
  format: FormatTag;
  /** The format version (this build writes and reads up to `project_file::VERSION`). */
  version: number;
  /** Names for title blocks and reports. */
  meta?: ProjectMetaInput;
  /** Tunable parameters. */
  settings?: SettingsInput;
  /** The wall materials walls refer to. */
  materials?: MaterialLibrary;
  /** The antenna patterns radios refer to, beyond the built-in ones. */
  antennas?: AntennaLibrary;
  /** Where the project's local metres sit on the earth, when it came from lon/lat. */
  georef?: GeoReference | null;
  /** The buildings of the campus, which floors name; none for a project of one building. */
  buildings?: Building[];
  /** The storeys, in the order given (usually bottom up). */
  floors?: FloorInput[];
  /** The outside pathways between buildings. */
  ducts?: Duct[];
  /**
   * Switch models of the project's own, beside the built-in ones (a model of the same name
   * takes the built-in one's place).
   */
  switch_models?: SwitchModelInput[];
  /** The report of every import that made or filled the project, oldest first. */
  imports?: ImportRecord[];
  /**
   * Site surveys: signal strengths measured, to check and calibrate the radio model
   * against ([`crate::survey`]); names unique.
   */
  surveys?: SurveyInput[];
  /** Project properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/**
 * Floors, element counts and extents, and the import reports: `tailplan info --json` and the
 * npm package's `info()`.
 */
export interface ProjectInfo {
  /** The project's names. */
  meta: ProjectMeta;
  /** Where the project's local metres sit on the earth, when it came from lon/lat. */
  georef: GeoReference | null;
  /** Every floor. */
  floors: FloorInfo[];
  /** The report of every import that made or filled the project, oldest first. */
  imports: ImportRecord[];
}

/** Names and revision of a project. */
export interface ProjectMeta {
  /** The project's name. */
  name: string;
  /** The building it covers. */
  building: string;
  /** Who drew it. */
  drawn_by: string;
  /** Revision mark (`A`, `P02`...). */
  revision: string;
}

/** Names and revision of a project. */
export interface ProjectMetaInput {
  /** The project's name. */
  name?: string;
  /** The building it covers. */
  building?: string;
  /** Who drew it. */
  drawn_by?: string;
  /** Revision mark (`A`, `P02`...). */
  revision?: string;
}

/** One proposed access point. */
export interface ProposedAp {
  /** A free id for it. */
  id: string;
  /** A name. */
  name: string;
  /** Where to mount it. */
  position: Point;
  /** Mounting height, metres. */
  height_m: number;
  /** Its band. */
  band: WifiBand;
  /** The channel assigned. */
  channel: number;
  /** EIRP, dBm. */
  tx_dbm: number;
  /** The strongest access point on an overlapping channel as heard at its position, dBm. */
  co_channel_dbm: number | null;
}

/** One proposed gateway. */
export interface ProposedGateway {
  /** A free id for it. */
  id: string;
  /** A name. */
  name: string;
  /** Where to mount it. */
  position: Point;
  /** Mounting height, metres. */
  height_m: number;
  /** Its technology. */
  tech: IotTech;
  /** EIRP, dBm. */
  tx_dbm: number;
  /** The devices it reaches with the margin. */
  devices: string[];
}

/** One radio of an access point: its band, channel, channel width, power and antenna. */
export interface Radio {
  /** The band it radiates on. */
  band: WifiBand;
  /** Channel number (IEEE 802.11 numbering), if assigned. */
  channel?: number | null;
  /** Channel width, MHz: 20, 40, 80, 160 or 320 (20 by default). */
  width_mhz?: number;
  /** Transmit power, dBm: the EIRP without an antenna; with one, the power into it. */
  tx_dbm: number;
  /** Its antenna, if it has a directional one (else it radiates `tx_dbm` equally). */
  antenna?: AntennaMount | null;
}

/** One radio of an access point: its band, channel, channel width, power and antenna. */
export interface RadioInput {
  /** The band it radiates on. */
  band: WifiBand;
  /** Channel number (IEEE 802.11 numbering), if assigned. */
  channel?: number | null;
  /** Channel width, MHz: 20, 40, 80, 160 or 320 (20 by default). */
  width_mhz?: number;
  /** Transmit power, dBm: the EIRP without an antenna; with one, the power into it. */
  tx_dbm: number;
  /** Its antenna, if it has a directional one (else it radiates `tx_dbm` equally). */
  antenna?: AntennaMountInput | null;
}

/** One radio's load. */
export interface RadioLoad {
  /** The access point's id. */
  ap: string;
  /** Its name. */
  name: string;
  /** The radio's index among the access point's radios. */
  radio: number;
  /** Its band. */
  band: WifiBand;
  /** Its channel, when it has one. */
  channel?: number | null;
  /** Its channel width, MHz. */
  width_mhz: number;
  /** The clients it serves. */
  clients: number;
  /** The airtime they take, percent (more than 100 means the radio cannot carry them). */
  airtime_percent: number;
  /** True when it serves more clients or airtime than the limits. */
  over: boolean;
}

/** Parameters of the propagation model and of the coverage maps. */
export interface RadioSettings {
  /** Path-loss exponent n of the log-distance model (2.0 is free space). */
  path_loss_exponent: number;
  /** Height above the floor at which coverage is computed, metres. */
  receiver_height_m: number;
  /** Side of a coverage grid cell, metres. */
  cell_m: number;
  /**
   * Loss of one floor slab, per band (default 18 dB at 5 GHz, scaled like concrete on the
   * other bands).
   */
  floor_loss_db: BandLoss;
  /** Noise floor for SNR, dBm. */
  noise_floor_dbm: number;
  /** Wi-Fi coverage thresholds reported in the statistics, dBm, strongest first. */
  wifi_thresholds_dbm: number[];
  /** Receiver sensitivity of each IoT technology, dBm. */
  iot_sensitivity_dbm: IotSensitivity;
  /**
   * On a floor without rooms, aim coverage, statistics and placement at the building's
   * interior found from its walls (true), or at the whole plan (false).
   */
  interior_from_walls: boolean;
  /**
   * Gaps in the outer walls up to this wide, metres, count as closed when the interior is
   * found from the walls (doorways, drawing slips); 1.2 by default.
   */
  interior_max_gap_m: number;
  /**
   * Whose channel rules apply (ETSI by default): what channel planning may assign, and
   * which channels validation warns about.
   */
  regulatory_domain: RegDomain;
}

/** Parameters of the propagation model and of the coverage maps. */
export interface RadioSettingsInput {
  /** Path-loss exponent n of the log-distance model (2.0 is free space). */
  path_loss_exponent?: number;
  /** Height above the floor at which coverage is computed, metres. */
  receiver_height_m?: number;
  /** Side of a coverage grid cell, metres. */
  cell_m?: number;
  /**
   * Loss of one floor slab, per band (default 18 dB at 5 GHz, scaled like concrete on the
   * other bands).
   */
  floor_loss_db?: BandLoss;
  /** Noise floor for SNR, dBm. */
  noise_floor_dbm?: number;
  /** Wi-Fi coverage thresholds reported in the statistics, dBm, strongest first. */
  wifi_thresholds_dbm?: number[];
  /** Receiver sensitivity of each IoT technology, dBm. */
  iot_sensitivity_dbm?: IotSensitivityInput;
  /**
   * On a floor without rooms, aim coverage, statistics and placement at the building's
   * interior found from its walls (true), or at the whole plan (false).
   */
  interior_from_walls?: boolean;
  /**
   * Gaps in the outer walls up to this wide, metres, count as closed when the interior is
   * found from the walls (doorways, drawing slips); 1.2 by default.
   */
  interior_max_gap_m?: number;
  /**
   * Whose channel rules apply (ETSI by default): what channel planning may assign, and
   * which channels validation warns about.
   */
  regulatory_domain?: RegDomain;
}

/** An image and where it lies on the floor. */
export interface RasterUnderlay {
  /** `image/png` or `image/jpeg`. */
  mime: string;
  /** Width in pixels. */
  width_px: number;
  /** Height in pixels. */
  height_px: number;
  /** Where the image's pixels fall on the floor. */
  placement: Placement;
  /** The file's bytes, unchanged (base64 in JSON). */
  data: string;
}

/** The rules whose channels a project's radios may use. */
export type RegDomain = "etsi" | "fcc";

/** A vertical pathway between floors. Risers with the same name on different floors join. */
export interface Riser {
  /** Unique in the project. */
  id: string;
  /** The shared name that joins it to the risers above and below. */
  name: string;
  /** Where it passes through this floor. */
  position: Point;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/**
 * A room: a named area of a floor.
 *
 * Read from a file, a `category` left among the properties by an earlier version (an IMDF
 * unit's category was kept there) becomes the room's category.
 */
export interface Room {
  /** Unique in the project. */
  id: string;
  /** The room's name or number, as on the plan. */
  name: string;
  /** Its outline. */
  polygon: Polygon;
  /**
   * What the room is used for, in IMDF's unit categories where one fits (`office`,
   * `conferenceroom`, `classroom`, `auditorium`, `foodservice`, `lobby`, `walkway`,
   * `restroom`, `storage`...): the density of people the capacity model assumes when
   * `people` is not given.
   */
  category?: string | null;
  /**
   * How many people the room holds at its busiest, as the client-capacity model counts
   * them; `None` for its area times the density of its category.
   */
  people?: number | null;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** The statistics of the rows measured in one room. */
export interface RoomAccuracy {
  /** The floor's id. */
  floor: string;
  /** The room's id. */
  room: string;
  /** Its name. */
  name: string;
  /** The rows counted. */
  points: number;
  /** The mean error (the bias), dB. */
  mean_error_db: number;
  /** The mean absolute error, dB. */
  mae_db: number;
  /** The root mean square error, dB. */
  rmse_db: number;
  /** The standard deviation of the errors (what is left once the bias is taken away), dB. */
  std_db: number;
}

/**
 * A room: a named area of a floor.
 *
 * Read from a file, a `category` left among the properties by an earlier version (an IMDF
 * unit's category was kept there) becomes the room's category.
 */
export interface RoomInput {
  /** Unique in the project. */
  id: string;
  /** The room's name or number. */
  name: string;
  /** Its outline. */
  polygon: Polygon;
  /** What the room is used for. */
  category?: string | null;
  /** How many people it holds. */
  people?: number | null;
  /** Other properties. */
  props?: { [key: string]: JsonValue };
}

/** A telecom room's ports and PoE. */
export interface RoomLoad {
  /** The room's id. */
  room_id: string;
  /** The room's name. */
  name: string;
  /** Its floor's id. */
  floor: string;
  /** Ports it has. */
  ports: number;
  /** Cables ending in it. */
  used: number;
  /** Of which drawn by hand. */
  hand: number;
  /** Ports left (negative when over). */
  free: number;
  /** PoE its devices draw, watts. */
  poe_w: number;
  /**
   * PoE its switch ports supply when each reserves its type's full power (15.4 / 30 / 60 /
   * 90 W), watts.
   */
  poe_port_w: number;
  /** Its PoE budget, watts, when given. */
  poe_budget_w?: number | null;
}

/** How many people one room holds. */
export interface RoomOccupancy {
  /** The room's id. */
  room: string;
  /** Its name. */
  name: string;
  /** Its category, when it has one. */
  category?: string | null;
  /** Its area, m². */
  area_m2: number;
  /** The people it holds. */
  people: number;
  /**
   * True when the room gives `people`; false when they come from its area and the density
   * of its category.
   */
  given: boolean;
}

/** Statistics of one room. */
export interface RoomStats {
  /** The room's id. */
  id: string;
  /** The room's name. */
  name: string;
  /** Cells counted. */
  cells: number;
  /** Their area, m². */
  area_m2: number;
  /** Share at or above each threshold. */
  thresholds: ThresholdShare[];
  /** Median best RSSI, dBm (`None` for an area without cells). */
  median_dbm: number | null;
  /** Weakest best RSSI, dBm. */
  min_dbm: number | null;
  /** Strongest best RSSI, dBm. */
  max_dbm: number | null;
}

/**
 * Every cable routed to a telecom room: `tailplan route --json` and the npm package's
 * `route()`.
 */
export interface RouteResult {
  /** The counts. */
  summary: RouteSummary;
  /** The cable schedule, one row per cable (ANSI/TIA-606 ids), horizontal then backbone. */
  schedule: ScheduleRow[];
  /**
   * Every telecom room as a distributor: its role, building, floor, parent, ports used,
   * switches and PoE.
   */
  distributors: Distributor[];
  /** The bill of materials, priced from the project's settings. */
  bill_of_materials: BillOfMaterials;
  /**
   * Everything routing found: cables with their paths, unserved endpoints, tray fill,
   * room loads, findings, the final-tail choice of every IoT device.
   */
  routing: Routing;
}

/** Where a cable's route came from. */
export type RouteSource = {
  kind: "auto";
} | {
  kind: "hand";
  /** The route's id. */
  route_id: string;
};

/** The counts `tailplan route` sums up. */
export interface RouteSummary {
  /** Wired endpoints (cables wanted). */
  endpoints: number;
  /** Cables routed. */
  cables: number;
  /** Endpoints without a cable. */
  unserved: number;
  /** The cables' total length, metres, to the centimetre. */
  total_m: number;
  /** Design-rule findings of severity error. */
  errors: number;
  /** Backbone cables between distributors. */
  backbone: number;
  /** Their total length, metres, to the centimetre. */
  backbone_m: number;
  /** Switches in all the distributors. */
  switches: number;
}

/**
 * Everything routing a project gives: the cables, what could not be served, the loads, the
 * findings of the design rules and the final-tail choice of every device.
 */
export interface Routing {
  /** Wired endpoints in the project (cables wanted). */
  endpoints: number;
  /** Every cable, room by room, port by port. */
  cables: Cable[];
  /** Endpoints without a cable. */
  unserved: Unserved[];
  /** Every tray section's fill. */
  tray_fill: TrayFill[];
  /** Every telecom room's ports and PoE. */
  rooms: RoomLoad[];
  /** What the design rules found, errors first. */
  findings: Finding[];
  /** The options of every IoT device. */
  final_tail: FinalTailChoice[];
  /**
   * The fibre cables between distributors (none when every telecom room is a floor
   * distributor).
   */
  backbone: BackboneCable[];
  /** Every telecom room as a distributor: its role, parent, load and switches. */
  distributors: Distributor[];
  /** The cables in every riser and duct. */
  pathways: PathwayLoad[];
}

/** Which rule a finding is about. */
export type Rule = "link_length" | "tray_fill" | "tray_capacity" | "poe_budget" | "poe_class" | "poe_medium" | "ports" | "unserved" | "hand_route" | "pathway" | "radio_load" | "horizontal-other-floor" | "channel-length" | "poe-bundle" | "switch-ports" | "switch-poe" | "backbone-length" | "backbone" | "pathway-capacity";

/**
 * What a rule matches: endpoints of a kind, and, when given, of a device class, a building
 * (its id) and a floor (its id).
 */
export interface RuleMatch {
  /** Outlets (each port), access points or devices. */
  kind: ScenarioKind;
  /** A device class (`sensor`, `camera`...); devices only. */
  class?: string | null;
  /** A building's id. */
  building?: string | null;
  /** A floor's id. */
  floor?: string | null;
}

/** One design of the final tail. */
export interface Scenario {
  /** Its name, unique in the file (`spe-sensors`). */
  name: string;
  /** The rules, in order: the first that matches an endpoint sets its medium. */
  rules?: ScenarioRule[];
  /**
   * Prices that differ from the project's, in the shape of `settings.prices`: the members
   * given replace the project's.
   */
  prices?: JsonValue;
}

/** A scenario file: scenarios, and the phases that move buildings or floors to them. */
export interface ScenarioFile {
  /** The scenarios, compared in this order. */
  scenarios: Scenario[];
  /** The development plan: in which year which buildings or floors move to which scenario. */
  phases?: Phase[];
}

/** A scenario file as `project.scenarios` takes it: its JSON text, or the object. */
export type ScenarioFileText = string | ScenarioFile;

/** The kinds of endpoint a rule matches. */
export type ScenarioKind = "outlet" | "ap" | "device";

/** One scenario compared. */
export interface ScenarioResult {
  /** Its name. */
  name: string;
  /** The whole campus. */
  totals: Totals;
  /** Per building (its name; empty for floors of no building), in the project's order. */
  by_building: BuildingTotals[];
  /** Per distributor. */
  by_distributor: DistributorTotals[];
  /** The design-rule findings. */
  findings: FindingCounts;
  /** Endpoints whose medium the rules changed. */
  changed: number;
}

/** Which endpoints get which medium. */
export interface ScenarioRule {
  /** The endpoints it applies to. */
  match: RuleMatch;
  /** The medium they get. */
  medium: Medium;
  /** For `wireless`: the technology whose gateways serve them (else each device's own). */
  tech?: IotTech | null;
  /**
   * For devices put on a cable (`cat6a`, `spe`) that draw nothing over it as drawn (a
   * wireless device has its battery or mains): the watts each draws over its cable, 0 to
   * [`MAX_RULE_POE_W`]; without it [`MOVED_DEVICE_POE_W`].
   */
  poe_w?: number | null;
}

/** `project.scenarios` options: the CLI's `tailplan scenarios` flags. */
export interface ScenariosOptions {
  /**
   * The scenario file (its text or the object, as `--scenarios` reads it; see
   * docs/scenarios.md); without it the built-in scenarios.
   */
  scenarios?: ScenarioFileText | null;
  /** The share of the year the tail is powered, 0 to 1 (default 1). */
  dutyCycle?: number | null;
  /** What one gateway draws, watts (default 5). */
  gatewayW?: number | null;
  /** The share of a switch's PoE that reaches the devices, 0 to 1 (default 0.85). */
  poeEfficiency?: number | null;
}

/** The comparison. */
export interface ScenariosResult {
  /** The currency of every cost (the project's; a scenario's own prices may name another). */
  currency: string;
  /** Each scenario, in the file's order. */
  scenarios: ScenarioResult[];
  /**
   * The development plan, when the file has phases: the campus as drawn, then after each
   * year, with what the year costs.
   */
  plan?: Plan | null;
  /** What the file asks that the project does not have (rules that match nothing). */
  warnings?: Diagnostic[];
}

/** One row of the cable schedule. */
export interface ScheduleRow {
  /** The cable id (see [`cable_id`]). */
  cable_id: string;
  /** The endpoint: its name, `NAME/PORT` for an outlet port. */
  from: string;
  /** The telecom room's name. */
  to: string;
  /** The endpoint's floor id. */
  floor: string;
  /** The cable type. */
  medium: Medium;
  /** Drops (off the trays), metres. */
  drop_m: number;
  /** Along trays, metres. */
  tray_m: number;
  /** In risers, metres. */
  riser_m: number;
  /** Slack at both ends, metres. */
  slack_m: number;
  /** The whole cable, metres. */
  total_m: number;
  /** `ok`, `warning` or `fail` against the cable's rules. */
  status: string;
  /** `auto` or `hand`. */
  route: string;
  /** What the cable's rules found, if anything. */
  note: string;
  /**
   * `horizontal` (an endpoint to its distributor) or `backbone` (a distributor to the one
   * above; `from` and `to` are then the distributors' names).
   */
  kind: CableKind;
  /** Through ducts between buildings, metres (backbone only). */
  duct_m: number;
}

/** Everything a project may tune. */
export interface Settings {
  /** Radio propagation. */
  radio: RadioSettings;
  /** Structured cabling rules. */
  cabling: CablingSettings;
  /** Unit prices for the bill of materials and the final-tail choice. */
  prices?: PriceTable;
  /** How the final-tail choice weighs a wireless link. */
  final_tail?: FinalTailSettings;
  /** Who uses the Wi-Fi: people per room, their devices, and what a radio can carry. */
  capacity?: CapacitySettings;
  /** The backbone cables between distributors: fibre type and cores. */
  backbone?: BackboneSettings;
  /** The switches distributors are equipped with. */
  switching?: SwitchingSettings;
  /**
   * The radio model's calibration against a site survey, when it has one: its statistics
   * and what it replaced ([`crate::survey::reset_edit`] puts that back).
   */
  calibration?: CalibrationRecord | null;
}

/** Everything a project may tune. */
export interface SettingsInput {
  /** Radio propagation. */
  radio?: RadioSettingsInput;
  /** Structured cabling rules. */
  cabling?: CablingSettingsInput;
  /** Unit prices for the bill of materials and the final-tail choice. */
  prices?: PriceTableInput;
  /** How the final-tail choice weighs a wireless link. */
  final_tail?: FinalTailSettingsInput;
  /** Who uses the Wi-Fi: people per room, their devices, and what a radio can carry. */
  capacity?: CapacitySettingsInput;
  /** The backbone cables between distributors: fibre type and cores. */
  backbone?: BackboneSettingsInput;
  /** The switches distributors are equipped with. */
  switching?: SwitchingSettingsInput;
  /**
   * The radio model's calibration against a site survey, when it has one: its statistics
   * and what it replaced ([`crate::survey::reset_edit`] puts that back).
   */
  calibration?: CalibrationRecord | null;
}

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "info";

/**
 * The geometry of a wall as drawn: one polyline, several, or a closed outline.
 *
 * Keeping the drawn form lets a GeoJSON round trip give back the same geometry type.
 */
export type Shape = {
  line: Point[];
} | {
  multi_line: Point[][];
} | {
  polygon: Polygon;
};

/** What a sheet shows (the CLI's `--kind`). */
export type SheetKindName = "cabling" | "coverage" | "riser" | "scenarios";

/**
 * `project.sheet` and `project.sheets` options: the CLI's `tailplan sheet` flags for one
 * floor.
 */
export interface SheetOptions {
  /** The floor's id (needed when the project has several floors). */
  floor?: string | null;
  /** What the sheet shows (default `cabling`). */
  kind?: SheetKindName | null;
  /** Paper size, landscape (default: A3 if the floor fits it at 1:100, else A1). */
  paper?: PaperName | null;
  /**
   * Scale, `"1:100"` or `"100"` (default: the largest of 1:50, 1:100, 1:200, 1:500 at
   * which the floor fits).
   */
  scale?: string | null;
  /** The date in the title block, `YYYY-MM-DD` (default: today, UTC). */
  date?: string | null;
  /**
   * With kind `scenarios`: the scenario file (its text or the object, as
   * `project.scenarios` takes it); without it the built-in scenarios.
   */
  scenarios?: ScenarioFileText | null;
  /** With kind `scenarios`: the share of the year the tail is powered, 0 to 1 (default 1). */
  dutyCycle?: number | null;
  /** With kind `scenarios`: what one gateway draws, watts (default 5). */
  gatewayW?: number | null;
  /**
   * With kind `scenarios`: the share of a switch's PoE that reaches the devices, 0 to 1
   * (default 0.85).
   */
  poeEfficiency?: number | null;
}

/** One design sheet. */
export interface SheetResult {
  /**
   * The file name it is written under, without `.svg` (`cabling-1`, `cabling-1-2` for its
   * continuation, `coverage-1`, `index`).
   */
  name: string;
  /** The drawing number in its title block (`TP-CAB-1`). */
  number: string;
  /** Its title (`Level 1: cabling`). */
  title: string;
  /** The SVG document. */
  svg: string;
}

/** `project.sheetSet` options: the CLI's `tailplan sheet --all` flags. */
export interface SheetSetOptions {
  /** The kinds of sheet drawn for every floor (default both, cabling first). */
  kinds?: SheetKindName[] | null;
  /** Paper size, landscape, for every sheet (default: the largest any floor needs). */
  paper?: PaperName | null;
  /** Scale, `"1:100"` or `"100"` (default: chosen to fit). */
  scale?: string | null;
  /** The date in the title blocks, `YYYY-MM-DD` (default: today, UTC). */
  date?: string | null;
}

/** Why rows were left out, counted. */
export interface Skipped {
  /**
   * Rows whose signal is not a measurement (blank, −200, above 0 dBm), as the reader
   * counted them.
   */
  not_measured: number;
  /**
   * Rows naming an access point the project does not have (or a BSSID no access point
   * is mapped to).
   */
  unknown_ap: number;
  /** Rows naming a floor the project does not have. */
  unknown_floor: number;
  /** Rows of a band the access point has no radio on. */
  no_radio: number;
  /**
   * Rows measured in another building than the access point's, which the model does not
   * reach.
   */
  out_of_reach: number;
}

/** Elements of one kind a model holds that the import left out, and why. */
export interface SkippedRecord {
  /** The IFC type (`IfcFurnishingElement`). */
  kind: string;
  /** How many. */
  count: number;
  /** Why. */
  why: string;
}

/** A storey of a building model (IFC) and what became of it. */
export interface StoreyRecord {
  /** Its name in the model. */
  name: string;
  /** Its elevation, metres. */
  elevation_m: number;
  /**
   * The floor it became; `None` when it was not imported (it holds no wall, or was not
   * chosen).
   */
  floor?: string | null;
  /**
   * Elements of the model on it, by IFC type (`IfcWall`, `IfcDoor`, `IfcSpace`...),
   * spaces and elements in them included.
   */
  elements?: { [key: string]: number };
  /** Its floor slab's thickness, metres, when the model has one under it. */
  slab_m?: number | null;
  /** Its floor slab's material (the library's), when the model has one under it. */
  slab_material?: string | null;
}

/**
 * A survey: its measurements in file order (repeated scans of a point are rows of their
 * own), and what was left out.
 */
export interface Survey {
  /** Its name (the file's name, as read), unique among a project's surveys. */
  name: string;
  /** The rows that are measurements. */
  rows: SurveyRow[];
  /**
   * Rows left out because their signal strength is not a measurement: blank, at or below
   * [`NOT_HEARD_DBM`], or above 0 dBm.
   */
  not_measured: number;
}

/** What keeping a survey file in a project did. */
export interface SurveyAdded {
  /** The survey's name (its file's). */
  name: string;
  /** Its rows that are measurements. */
  rows: number;
  /** Its rows that are not (blank, −200, above 0 dBm). */
  not_measured: number;
  /** True when it replaced a survey of the project of the same name. */
  replaced: boolean;
  /** What the reader decided and warned about. */
  notes: Diagnostic[];
}

/**
 * A survey: its measurements in file order (repeated scans of a point are rows of their
 * own), and what was left out.
 */
export interface SurveyInput {
  /** Its name (the file's name, as read), unique among a project's surveys. */
  name?: string;
  /** The rows that are measurements. */
  rows: SurveyRow[];
  /**
   * Rows left out because their signal strength is not a measurement: blank, at or below
   * [`NOT_HEARD_DBM`], or above 0 dBm.
   */
  not_measured?: number;
}

/** One measurement of a survey: where, of which access point, how strong. */
export interface SurveyRow {
  /** Its line in the file (the header is line 1), for messages. */
  line: number;
  /** Where it was measured, plan metres. */
  position: Point;
  /** The floor's id or name, when the file says (else the access point's floor). */
  floor?: string | null;
  /** The access point heard. */
  ap: ApRef;
  /** The signal strength measured, dBm. */
  rssi_dbm: number;
  /** The band, when the file says. */
  band?: Band | null;
  /** When it was measured, as the file writes it. */
  time?: string | null;
}

/**
 * A network switch model: what a distributor is equipped with, stacked behind its patch
 * panels.
 */
export interface SwitchModel {
  /** Its name, what a telecom room's `switch_model` and `settings.switching.model` say. */
  name: string;
  /** What it is, in a line. */
  description: string;
  /** Access ports (each takes one horizontal cable). */
  ports: number;
  /** PoE power it can deliver in all, watts (0: no PoE). */
  poe_budget_w: number;
  /** Uplink ports (fibre, towards the distributor above). */
  uplinks: number;
  /** Speed of each uplink, Gbit/s. */
  uplink_gbps: number;
  /** What it draws itself, PoE aside, watts. */
  idle_w: number;
  /** Its price in the project's currency. */
  price: number;
}

/**
 * A network switch model: what a distributor is equipped with, stacked behind its patch
 * panels.
 */
export interface SwitchModelInput {
  /** Its name, what a telecom room's `switch_model` and `settings.switching.model` say. */
  name: string;
  /** What it is, in a line. */
  description?: string;
  /** Access ports (each takes one horizontal cable). */
  ports: number;
  /** PoE power it can deliver in all, watts (0: no PoE). */
  poe_budget_w?: number;
  /** Uplink ports (fibre, towards the distributor above). */
  uplinks?: number;
  /** Speed of each uplink, Gbit/s. */
  uplink_gbps?: number;
  /** What it draws itself, PoE aside, watts. */
  idle_w?: number;
  /** Its price in the project's currency. */
  price?: number;
}

/** The switches of the distributors. */
export interface SwitchingSettings {
  /** The model a distributor without its own `switch_model` gets (`generic-48p-poe+`). */
  model: string;
}

/** The switches of the distributors. */
export interface SwitchingSettingsInput {
  /** The model a distributor without its own `switch_model` gets (`generic-48p-poe+`). */
  model?: string;
}

/** One way of connecting a device. */
export type TailKind = "cat6a" | "spe" | "fiber" | "wireless";

/** One option of a device. */
export interface TailOption {
  /** Which option. */
  kind: TailKind;
  /** True when it can be built as designed. */
  feasible: boolean;
  /** Its cost in the price table's currency, when it can be priced. */
  cost?: number | null;
  /** Wired: the telecom room. */
  room?: string | null;
  /** Wired: the cable's length, metres. */
  length_m?: number | null;
  /** Wired: the medium's length limit, metres. */
  limit_m?: number | null;
  /** Copper: the PoE type that powers the device. */
  poe?: PoeType | null;
  /** Wireless: the best gateway. */
  gateway?: string | null;
  /** Wireless: the best gateway's link margin, dB. */
  margin_db?: number | null;
  /** Wireless: gateways heard at all (margin at least 0 dB). */
  gateways_heard?: number | null;
  /** Why it is not feasible, or what to know about it. */
  note?: string;
}

/**
 * A telecom room, a distributor of its [`role`](TelecomRoom::role): where the horizontal
 * cables of its floor end on patch panels, and the backbone to the distributor above.
 */
export interface TelecomRoom {
  /** Unique in the project. */
  id: string;
  /** Its name on the plan. */
  name: string;
  /** Where cables end (the rack). For a drawn room, its centroid unless given. */
  position: Point;
  /** The room's outline, when drawn as a polygon. */
  outline?: Polygon | null;
  /** Patch-panel ports available. */
  ports: number;
  /** PoE power the switches can deliver, watts. */
  poe_budget_w?: number | null;
  /** What it distributes to: `fd` (the default), `bd` or `cd`. */
  role?: DistributorRole;
  /**
   * The switch model it is equipped with (a name in the project's or the built-in
   * library); the settings' `switching.model` when not given.
   */
  switch_model?: string | null;
  /**
   * How many switches are installed, when fixed; as many as its ports and PoE need when
   * not given.
   */
  switches?: number | null;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** The share of an area at or above one threshold. */
export interface ThresholdShare {
  /** The threshold, dBm. */
  threshold_dbm: number;
  /** Percent of the area whose best server is at or above it. */
  percent: number;
  /** Percent of the area whose second-best server is at or above it. */
  secondary_percent: number;
}

/** A scenario's totals, or a building's part of them. */
export interface Totals {
  /** Patch-panel ports (horizontal cables) per medium. */
  ports: PerWired;
  /** Horizontal cable per medium, metres. */
  cable_m: PerWired2;
  /**
   * Endpoints the scenario cannot serve: no telecom room within the medium's reach (or
   * with a port left), or, wireless, no gateway of its technology with the fade margin.
   */
  unserved: number;
  /** Switches in the distributors. */
  switches: number;
  /** PoE the devices draw, watts. */
  poe_w: number;
  /** IoT gateways, those proposed included. */
  gateways: number;
  /**
   * Of them, those proposed for the scenario's wireless devices that no gateway of the
   * project reaches with the fade margin.
   */
  gateways_proposed: number;
  /** Wi-Fi access points. */
  aps: number;
  /**
   * What the bill of materials prices, in the scenario's currency (the whole scenario's
   * only; per building, `None`).
   */
  capex?: number | null;
  /**
   * PoE at the switch side, the switches' own power and the gateways', over a year at the
   * duty cycle, kWh.
   */
  energy_kwh_per_year: number;
}

/** A transmitter a coverage map takes in. */
export interface TransmitterRef {
  /** The access point's or gateway's id. */
  id: string;
  /** The floor it is on. */
  floor: string;
  /** Floor slabs between it and the map's floor. */
  slabs: number;
}

/** A cable tray (or basket, or conduit run) that cables follow. */
export interface Tray {
  /** Unique in the project. */
  id: string;
  /** Its name on the plan. */
  name: string;
  /** Its centreline. */
  points: Point[];
  /** How many cables it may carry, when given as a count. */
  capacity?: number | null;
  /** Inner width, millimetres. */
  width_mm?: number | null;
  /** Inner depth, millimetres. */
  depth_mm?: number | null;
  /** Height above the floor, metres; the floor's ceiling height when not given. */
  height_m?: number | null;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** The cables in one tray section and how full they make it. */
export interface TrayFill {
  /** The tray's id. */
  tray_id: string;
  /** The tray's name. */
  tray: string;
  /** Its floor's id. */
  floor: string;
  /** The tray's straight segment the section is part of, counting from 1. */
  segment: number;
  /** Start of the section. */
  from: Point;
  /** End of the section. */
  to: Point;
  /** Length of the section, metres. */
  length_m: number;
  /** Cables in it. */
  cables: number;
  /** Of which Cat6A. */
  cat6a: number;
  /** Of which single-pair Ethernet. */
  spe: number;
  /** Of which horizontal fibre. */
  fiber: number;
  /** Of which backbone fibre (counted at the fibre cable type's size). */
  backbone: number;
  /** Horizontal cables carrying 802.3at PoE or more (the bundle `poe-bundle` counts). */
  poe_bundle: number;
  /** The cables' cross-sections added up, square millimetres. */
  cable_area_mm2: number;
  /** The tray's cross-section (width × depth), when both are given. */
  tray_area_mm2?: number | null;
  /** `cable_area_mm2 / tray_area_mm2`, when the tray's size is known. */
  fill?: number | null;
  /** The tray's stated cable capacity, if any. */
  capacity?: number | null;
}

/** One underlay of a floor. */
export interface Underlay {
  /** Unique among the floor's underlays (`dxf-1`, `scan-1`). */
  id: string;
  /** Where it came from: the file's name. */
  source: string;
  /** Shown or hidden in the editor. */
  visible?: boolean;
  /** The drawing itself. */
  kind: UnderlayKind;
}

/** What an underlay holds. */
export type UnderlayKind = {
  vector: {
    /** The layers, in the drawing's order. */
    layers: UnderlayLayer[];
  };
} | {
  raster: RasterUnderlay;
};

/** The lines of one drawing layer. */
export interface UnderlayLayer {
  /** The layer's name as in the drawing. */
  name: string;
  /** Open polylines, in floor metres. */
  lines?: Point[][];
  /** Closed outlines (the last point joins the first), in floor metres. */
  rings?: Point[][];
}

/** DXF drawing units (the CLI's `--units`). */
export type UnitsName = "mm" | "cm" | "m" | "in" | "ft";

/** An endpoint that got no cable, and why. */
export interface Unserved {
  /** The endpoint. */
  endpoint: Endpoint;
  /** Why. */
  reason: UnservedReason;
}

/** Why an endpoint got no cable. */
export type UnservedReason = {
  kind: "no_telecom_room";
} | {
  kind: "no_tray";
} | {
  kind: "no_path";
} | {
  kind: "over_length";
  /** The nearest room. */
  room: string;
  /** The cable to it, metres. */
  length_m: number;
  /** The medium's limit, metres. */
  limit_m: number;
} | {
  kind: "no_ports";
  /** Those rooms' names. */
  rooms: string[];
};

/** A wall: its centreline geometry, a material and a thickness. */
export interface Wall {
  /** Unique in the project. */
  id: string;
  /** The centreline as drawn. */
  shape: Shape;
  /** A material of the project's library. `None` only when `loss_db` is given. */
  material?: string | null;
  /** An explicit attenuation overriding the material's. */
  loss_db?: LossOverride | null;
  /** Thickness in metres. */
  thickness_m: number;
  /** Properties tailplan does not know, kept as they came. */
  props?: { [key: string]: JsonValue };
}

/** A wall material: a name walls refer to and its attenuation per band. */
export interface WallMaterial {
  /** The name walls use (`concrete`, `drywall`...), unique in a library. */
  name: string;
  /** Attenuation of one crossing, per band. */
  loss_db: BandLoss;
  /** Colour used to draw it, `#rrggbb`. */
  color: string;
}

export type WallSet = Wall[];

/** A Wi-Fi band an access point radiates on. */
export type WifiBand = "2.4" | "5" | "6";
