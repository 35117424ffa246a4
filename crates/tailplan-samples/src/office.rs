//! "Office building A": four storeys of a 120 x 60 m parliament-style office building.
//!
//! Every floor (metres, x east, y north, origin at the south-west corner, walls drawn on
//! their centrelines):
//! - a concrete facade (300 mm) with three tall, narrow low-E windows in every 3.6 m module
//!   (3.8 m on the short sides);
//! - a perimeter band of offices 7.2 m deep (3.6 m modules, some double offices, a 9.6 m
//!   corner office at each corner);
//! - a racetrack corridor 2.4 m wide (centreline x 8.4 / 111.6, y 8.4 / 51.6);
//! - an inner band of 6 m rooms along the corridor (meeting rooms with glass fronts, focus
//!   rooms, print rooms, stores, kitchenettes) with passages into the open plan; office doors
//!   have a glazed sidelight;
//! - an open-plan zone (x 15.6-104.4, y 15.6-44.4) with round columns, two round glass
//!   committee rooms ("rotundas", Ø 10 m, between the cores) and three concrete cores
//!   (x 24-36, 54-66, 84-96; y 22-38): a stair, two lifts, WCs, a shaft; the central core
//!   holds the floor's telecom room and riser R1, the west core riser R2.
//!
//! Curves (columns, rotundas) are polygons whose chords stay within 3 mm of the arc.
//!
//! The ground floor keeps the structure but has an entrance lobby in the middle of the south
//! side, a restaurant and a kitchen on the north side, two conference rooms between the cores
//! instead of the rotundas, a security room, and fewer access points.

use tailplan_core::{Floor, IotTech, Polygon, Project, ProjectMeta};

use crate::channels;
use crate::parts::{DeviceKind, FloorBuilder, OutletKind};
use crate::plan::{Axis, Mm, RoomSpec, Run, WallKind, pt, ring_from_quadrant};

const LEN_X: Mm = 120_000;
const LEN_Y: Mm = 60_000;
/// Storey height (floor to floor).
const STOREY: Mm = 3_600;
/// Clear height to the suspended ceiling.
const CEILING: Mm = 2_800;

/// The planning module of the long sides and of the inner bands.
const MODULE: Mm = 3_600;
/// The planning module of the short sides.
const MODULE_WE: Mm = 3_800;
/// The first module line of the long sides (after the corner office).
const GRID_X0: Mm = 9_600;

// Band lines: the corridor side ("front") and the far side ("back") of each band.
const S_FRONT: Mm = 7_200;
const S_INNER_FRONT: Mm = 9_600;
const S_INNER_BACK: Mm = 15_600;
const N_FRONT: Mm = 52_800;
const N_INNER_FRONT: Mm = 50_400;
const N_INNER_BACK: Mm = 44_400;
const W_FRONT: Mm = 7_200;
const W_INNER_FRONT: Mm = 9_600;
const W_INNER_BACK: Mm = 15_600;
const E_FRONT: Mm = 112_800;
const E_INNER_FRONT: Mm = 110_400;
const E_INNER_BACK: Mm = 104_400;

// Centrelines of the ring corridor and of the open-plan trays.
const RING_S: Mm = 8_400;
const RING_N: Mm = 51_600;
const RING_W: Mm = 8_400;
const RING_E: Mm = 111_600;
const OP_S: Mm = 18_800;
const OP_N: Mm = 41_200;
const MID_Y: Mm = 30_000;

// Cores.
const CORE_Y0: Mm = 22_000;
const CORE_W: Mm = 12_000;
const CORE_H: Mm = 16_000;
const CORES: [(Mm, &str); 3] = [(24_000, "W"), (54_000, "C"), (84_000, "E")];
const CENTRAL_CORE: &str = "C";

// The telecom room's tray, rack and risers.
const SPINE_X: Mm = 60_000;
const RACK: (Mm, Mm) = (60_000, 27_500);
const RISER_R1: (Mm, Mm) = (61_000, 25_000);
const RISER_R2: (Mm, Mm) = (31_000, 25_000);
const SPUR_R2_X: Mm = 30_000;
/// The spines gather half a floor's cables each: 600 x 100 mm keeps them under 40 % fill.
const SPINE_TRAY_MM: (f64, f64) = (600.0, 100.0);
/// Patch-panel ports of a floor's telecom room: 20 panels of 24, for about 430 cables.
const TR_PORTS: u32 = 480;

// Ground floor: conference rooms between the cores.
const CONFERENCE: [(Mm, Mm); 2] = [(39_000, 51_000), (69_000, 81_000)];
// Upper floors: round glass committee rooms between the cores, centred on the mid line.
const ROTUNDAS: [(Mm, &str); 2] = [(45_000, "W"), (75_000, "E")];
/// 5 m x cos((j + 1/2) x 3.75°), j = 0..23, rounded to millimetres: a rotunda is a 96-gon
/// with vertices at odd multiples of 1.875° (its chords stray 2.7 mm from the circle).
const ROTUNDA_COS: [Mm; 24] = [
    4997, 4976, 4933, 4869, 4785, 4680, 4554, 4410, 4246, 4064, 3865, 3649, 3418, 3172, 2912, 2640,
    2357, 2064, 1761, 1451, 1135, 814, 490, 164,
];
/// The rotunda's door spans its vertices 70 to 73 (264.4° to 275.6°): 0.98 m facing south.
const ROTUNDA_DOOR: (usize, usize) = (70, 73);

/// The sample office building; see the module documentation.
pub fn office_building() -> Project {
    let mut project = Project::new();
    project.meta = ProjectMeta {
        name: "tailplan sample: Office building A".into(),
        building: "Building A".into(),
        drawn_by: "tailplan sample generator".into(),
        revision: "A".into(),
    };
    project.floors = (0..4).map(office_floor).collect();
    channels::assign(&mut project.floors, &project.settings);
    project
}

fn office_floor(level: usize) -> Floor {
    office_floor_as(&level.to_string(), level)
}

/// Storey `level` of the office building as floor `id` (its elements' ids carry it): the
/// scale campus's buildings are made of these.
pub(crate) fn office_floor_as(id: &str, level: usize) -> Floor {
    let name = match level {
        0 => "Ground floor".to_owned(),
        n => format!("Level {n}"),
    };
    let mut b = FloorBuilder::new(id, &name, level as Mm * STOREY, CEILING);
    let ground = level == 0;

    facade(&mut b, ground);
    let mut meeting_aps = Vec::new();
    for (band, program) in bands(level) {
        meeting_aps.extend(draw_band(&mut b, &band, &program));
    }
    corridors(&mut b, ground);
    for (x0, label) in CORES {
        core(&mut b, x0, label, ground);
    }
    let zones = open_plan_structure(&mut b, ground);
    radio(&mut b, level, &meeting_aps);
    open_plan_fit_out(&mut b, &zones);
    pathways(&mut b, level);
    b.finish()
}

// ---------------------------------------------------------------------------------------
// The facade.

fn facade(b: &mut FloorBuilder, ground: bool) {
    let p = &mut b.plan;
    p.wall(Run::h(0, 0, LEN_X), WallKind::Exterior);
    p.wall(Run::h(LEN_Y, 0, LEN_X), WallKind::Exterior);
    p.wall(Run::v(0, 0, LEN_Y), WallKind::Exterior);
    p.wall(Run::v(LEN_X, 0, LEN_Y), WallKind::Exterior);
    // Long sides: the 3.6 m grid from 2.4 to 117.6 (module k starts at 9.6 + 3.6 k).
    for k in -2..30 {
        let m0 = GRID_X0 + k * MODULE;
        for (y, north) in [(0, false), (LEN_Y, true)] {
            let lobby = ground && !north && (11..=16).contains(&k);
            let restaurant = ground && north && (9..=18).contains(&k);
            if lobby && (k == 13 || k == 14) {
                // The main entrance: a glass double door.
                p.door(Run::h(y, m0 + 800, m0 + 2_800), "glass");
            } else if lobby || restaurant {
                p.window(Run::h(y, m0 + 300, m0 + 3_300));
            } else {
                for w0 in [300, 1_400, 2_500] {
                    p.window(Run::h(y, m0 + w0, m0 + w0 + 800));
                }
            }
        }
    }
    // Short sides: the 3.8 m grid from 3.4 to 56.6 (module k starts at 7.2 + 3.8 k).
    for k in -1..13 {
        let m0 = S_FRONT + k * MODULE_WE;
        for x in [0, LEN_X] {
            for w0 in [350, 1_500, 2_650] {
                p.window(Run::v(x, m0 + w0, m0 + w0 + 800));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Bands of rooms.

/// What a room in a band is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Office,
    Meeting,
    Focus,
    Storage,
    Print,
    Kitchenette,
    Quiet,
    Passage,
    /// Part of the ground-floor lobby, which is drawn on its own.
    Lobby,
    Restaurant,
    Kitchen,
    Security,
}

impl Use {
    /// The wall towards the corridor; `None` for spaces open to it.
    fn front(self) -> Option<WallKind> {
        match self {
            Use::Meeting | Use::Focus | Use::Restaurant => Some(WallKind::Glass),
            Use::Passage | Use::Lobby => None,
            _ => Some(WallKind::Corridor),
        }
    }

    fn is_open(self) -> bool {
        self.front().is_none()
    }

    /// The room's `use` property.
    fn label(self) -> &'static str {
        match self {
            Use::Office => "office",
            Use::Meeting => "meeting",
            Use::Focus => "focus_room",
            Use::Storage => "storage",
            Use::Print => "print_room",
            Use::Kitchenette => "kitchenette",
            Use::Quiet => "quiet_room",
            Use::Passage => "passage",
            Use::Lobby => "lobby",
            Use::Restaurant => "restaurant",
            Use::Kitchen => "kitchen",
            Use::Security => "security",
        }
    }

    /// The room's name on floor `f`; offices are numbered, other rooms per kind.
    fn name(self, b: &mut FloorBuilder) -> String {
        let f = b.id().to_owned();
        let (key, title, code) = match self {
            Use::Office => {
                let n = b.next("office");
                return format!("{f}.{n:03}");
            }
            Use::Meeting => ("meeting", "Meeting", "M"),
            Use::Focus => ("focus", "Focus room", "F"),
            Use::Storage => ("storage", "Storage", "S"),
            Use::Print => ("print", "Print room", "P"),
            Use::Kitchenette => ("kitchenette", "Kitchenette", "K"),
            Use::Quiet => ("quiet", "Quiet room", "Q"),
            Use::Passage => ("passage", "Passage", "L"),
            Use::Restaurant => return format!("Restaurant {f}.R01"),
            Use::Kitchen => return format!("Kitchen {f}.KIT"),
            Use::Security => return format!("Security {f}.SEC"),
            Use::Lobby => return format!("Lobby {f}.LOB"),
        };
        let n = b.next(key);
        format!("{title} {f}.{code}{n:02}")
    }
}

/// How a band is closed at its two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ends {
    /// By the facade.
    Facade,
    /// By a partition to the neighbouring band.
    Partition,
    /// By the end room's front: the band's end faces a corridor too.
    Front,
}

/// A strip of rooms between a corridor (its front) and the facade or the open plan (its back).
/// `u` runs along the band, `d` from the front line into the rooms.
#[derive(Debug, Clone, Copy)]
struct Band {
    axis: Axis,
    front: Mm,
    back: Mm,
    /// Where along the band the front faces a corridor.
    span: (Mm, Mm),
    /// The wall at the back; `None` where the facade is.
    back_wall: Option<WallKind>,
    ends: Ends,
    /// The module the program counts in.
    module: Mm,
    /// Where the program starts.
    start: Mm,
    /// Rooms are numbered from the band's far end, so that numbers run anticlockwise round
    /// the ring.
    reverse: bool,
}

impl Band {
    fn depth(&self) -> Mm {
        (self.back - self.front).abs()
    }

    /// The point `d` into the band at `u`.
    fn at(&self, u: Mm, d: Mm) -> (Mm, Mm) {
        let v = self.front + d * (self.back - self.front).signum();
        match self.axis {
            Axis::X => (u, v),
            Axis::Y => (v, u),
        }
    }

    /// The run along the band on the line `v` (a front or back line).
    fn along(&self, v: Mm, u0: Mm, u1: Mm) -> Run {
        match self.axis {
            Axis::X => Run::h(v, u0, u1),
            Axis::Y => Run::v(v, u0, u1),
        }
    }

    /// The run across the band at `u`, front to back.
    fn across(&self, u: Mm) -> Run {
        match self.axis {
            Axis::X => Run::v(u, self.front, self.back),
            Axis::Y => Run::h(u, self.front, self.back),
        }
    }

    fn room_rect(&self, a: Mm, b: Mm, name: String, use_: Use) -> RoomSpec {
        let (x0, y0) = self.at(a, 0);
        let (x1, y1) = self.at(b, self.depth());
        RoomSpec::rect(
            name,
            x0.min(x1),
            y0.min(y1),
            x0.max(x1),
            y0.max(y1),
            use_.label(),
        )
    }
}

/// A room of a band, from `a` to `b` along it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    a: Mm,
    b: Mm,
    use_: Use,
}

/// The room program of a band: (modules, use) in order along it, from its start.
type Program = Vec<(Mm, Use)>;

fn offices(widths: &[Mm]) -> Program {
    widths.iter().map(|&w| (w, Use::Office)).collect()
}

/// The long-side office rhythm of the west half of each level (mirrored in the east half):
/// single offices with a few double offices, varied from floor to floor.
const OFFICE_RHYTHMS: [[Mm; 12]; 3] = [
    [1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1],
    [1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1],
    [2, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 0],
];

fn long_side_offices(rhythm: &[Mm]) -> Program {
    let half: Vec<Mm> = rhythm.iter().copied().filter(|&w| w > 0).collect();
    let mut all = half.clone();
    all.extend(half.iter().rev());
    offices(&all)
}

fn inner_long(ground: bool, north: bool) -> Program {
    use Use::*;
    let side = if north { Storage } else { Print };
    let middle: Vec<(Mm, Use)> = match (ground, north) {
        (false, _) => vec![(3, Meeting), (2, Passage), (3, Meeting)],
        (true, false) => vec![(1, Storage), (6, Lobby), (1, Storage)],
        (true, true) => vec![(3, Meeting), (2, Passage), (3, Kitchen)],
    };
    let mut p = vec![
        (2, Meeting),
        (1, side),
        (2, Meeting),
        (1, Passage),
        (1, Kitchenette),
        (2, Meeting),
        (1, Focus),
    ];
    p.extend(middle);
    p.extend([
        (1, Focus),
        (2, Meeting),
        (1, Kitchenette),
        (1, Passage),
        (2, Meeting),
        (1, side),
        (2, Meeting),
    ]);
    p
}

/// Every band of a level with its program, in the order rooms are numbered.
fn bands(level: usize) -> Vec<(Band, Program)> {
    use Use::*;
    let ground = level == 0;
    let long = |front, back| Band {
        axis: Axis::X,
        front,
        back,
        span: (W_FRONT, E_FRONT),
        back_wall: None,
        ends: Ends::Facade,
        module: MODULE,
        start: 0,
        reverse: front > LEN_Y / 2,
    };
    let short = |front, back| Band {
        axis: Axis::Y,
        front,
        back,
        span: (S_FRONT, N_FRONT),
        back_wall: None,
        ends: Ends::Partition,
        module: MODULE_WE,
        start: S_FRONT,
        reverse: front < LEN_X / 2,
    };
    let inner_long_band = |front, back| Band {
        axis: Axis::X,
        front,
        back,
        span: (W_INNER_FRONT, E_INNER_FRONT),
        back_wall: Some(WallKind::Partition),
        ends: Ends::Front,
        module: MODULE,
        start: W_INNER_FRONT,
        reverse: front > LEN_Y / 2,
    };
    let inner_short_band = |front, back| Band {
        axis: Axis::Y,
        front,
        back,
        span: (S_INNER_BACK, N_INNER_BACK),
        back_wall: Some(WallKind::Partition),
        ends: Ends::Partition,
        module: MODULE,
        start: S_INNER_BACK,
        reverse: front < LEN_X / 2,
    };

    // The 28 modules of a long side between its corner offices (which `slots` adds); on the
    // ground floor the lobby and the security room (south), the restaurant (north).
    let long_side = |rhythm: &[Mm], north: bool| -> Program {
        let singles = offices(&[1; 9]);
        let middle = match (ground, north) {
            (false, _) => return long_side_offices(rhythm),
            (true, false) => vec![(2, Security), (6, Lobby), (2, Office)],
            (true, true) => vec![(10, Restaurant)],
        };
        [singles.clone(), middle, singles].concat()
    };
    let r = |i: usize| &OFFICE_RHYTHMS[(level + i) % 3][..];
    let short_offices = offices(&[1, 1, 2, 1, 1, 1, 1, 2, 1, 1]);
    vec![
        (long(S_FRONT, 0), long_side(r(0), false)),
        (short(E_FRONT, LEN_X), short_offices.clone()),
        (long(N_FRONT, LEN_Y), long_side(r(1), true)),
        (short(W_FRONT, 0), short_offices),
        (
            inner_long_band(S_INNER_FRONT, S_INNER_BACK),
            inner_long(ground, false),
        ),
        (
            inner_short_band(E_INNER_FRONT, E_INNER_BACK),
            vec![
                (2, Meeting),
                (1, Quiet),
                (1, Kitchenette),
                (1, Storage),
                (1, Focus),
                (2, Meeting),
            ],
        ),
        (
            inner_long_band(N_INNER_FRONT, N_INNER_BACK),
            inner_long(ground, true),
        ),
        (
            inner_short_band(W_INNER_FRONT, W_INNER_BACK),
            vec![
                (2, Meeting),
                (1, Focus),
                (1, Storage),
                (1, Print),
                (1, Quiet),
                (2, Meeting),
            ],
        ),
    ]
}

/// The band's rooms: the long office bands get a corner office at each end.
fn slots(band: &Band, program: &Program) -> Vec<Slot> {
    let mut out = Vec::new();
    let corners = band.ends == Ends::Facade;
    let mut u = band.start;
    if corners {
        out.push(Slot {
            a: 0,
            b: GRID_X0,
            use_: Use::Office,
        });
        u = GRID_X0;
    }
    for &(modules, use_) in program {
        let end = u + modules * band.module;
        out.push(Slot { a: u, b: end, use_ });
        u = end;
    }
    if corners {
        out.push(Slot {
            a: u,
            b: LEN_X,
            use_: Use::Office,
        });
    }
    out
}

/// Draws a band's walls, doors and rooms and fits them out; returns where meeting rooms want
/// an access point.
fn draw_band(b: &mut FloorBuilder, band: &Band, program: &Program) -> Vec<(Mm, Mm)> {
    let slots = slots(band, program);
    let mut names = vec![String::new(); slots.len()];
    let mut order: Vec<usize> = (0..slots.len()).collect();
    if band.reverse {
        order.reverse();
    }
    for i in order {
        if slots[i].use_ != Use::Lobby {
            names[i] = slots[i].use_.name(b);
        }
    }
    let mut aps = Vec::new();
    let last = slots.len() - 1;
    for (i, s) in slots.iter().enumerate() {
        let use_ = s.use_;
        // The front: towards the corridor within its span, a partition beyond.
        if let Some(kind) = use_.front() {
            let (lo, hi) = (s.a.max(band.span.0), s.b.min(band.span.1));
            if lo < hi {
                b.plan.wall(band.along(band.front, lo, hi), kind);
            }
            if s.a < lo {
                b.plan
                    .wall(band.along(band.front, s.a, lo), WallKind::Partition);
            }
            if hi < s.b {
                b.plan
                    .wall(band.along(band.front, hi, s.b), WallKind::Partition);
            }
            let material = if kind == WallKind::Glass {
                "glass"
            } else {
                "wood"
            };
            for (d0, d1) in doors(s, band.span) {
                b.plan.door(band.along(band.front, d0, d1), material);
                if use_ == Use::Office {
                    // A glazed sidelight beside the door, on the room's side.
                    let (l0, l1) = if d0 == s.a + 300 {
                        (d1, d1 + 500)
                    } else {
                        (d0 - 500, d0)
                    };
                    b.plan.wall(band.along(band.front, l0, l1), WallKind::Glass);
                }
            }
        }
        if let (Some(kind), false) = (band.back_wall, use_.is_open()) {
            b.plan.wall(band.along(band.back, s.a, s.b), kind);
        }
        // Sides: between two rooms unless both are open; at the band's ends as it says.
        if i > 0 && !(slots[i - 1].use_.is_open() && use_.is_open()) {
            b.plan.wall(band.across(s.a), WallKind::Partition);
        }
        for (at_end, u) in [(i == 0, s.a), (i == last, s.b)] {
            if !at_end {
                continue;
            }
            let kind = match band.ends {
                Ends::Facade => None,
                Ends::Partition => Some(WallKind::Partition),
                Ends::Front => use_.front(),
            };
            if let Some(kind) = kind {
                b.plan.wall(band.across(u), kind);
            }
        }
        if use_ != Use::Lobby {
            let name = std::mem::take(&mut names[i]);
            b.plan.room(band.room_rect(s.a, s.b, name, use_));
        }
        aps.extend(fit_out(b, band, s));
    }
    aps
}

/// The doors of a room in its front, each 1 m wide: one near the start of the room (or its
/// end, where the start does not face the corridor), three along a restaurant.
fn doors(s: &Slot, span: (Mm, Mm)) -> Vec<(Mm, Mm)> {
    match s.use_ {
        Use::Restaurant => {
            let w = s.b - s.a;
            (0..3)
                .map(|i| {
                    let c = s.a + w * (2 * i + 1) / 6;
                    (c - 500, c + 500)
                })
                .collect()
        }
        _ if s.a + 300 >= span.0 && s.a + 1_300 <= span.1 => vec![(s.a + 300, s.a + 1_300)],
        _ => vec![(s.b - 1_300, s.b - 300)],
    }
}

/// Where meeting rooms of the inner long bands get their own access point: midway between
/// the corridor's, in the meeting room there.
const MEETING_AP_X: [Mm; 4] = [24_000, 52_800, 67_200, 96_000];

/// Outlets, sensors and the like in a band's room; returns access-point spots.
fn fit_out(b: &mut FloorBuilder, band: &Band, s: &Slot) -> Vec<(Mm, Mm)> {
    use DeviceKind::*;
    let depth = band.depth();
    let w = s.b - s.a;
    let mid = s.a + w / 2;
    let at = |u, d| band.at(u, d);
    let mut aps = Vec::new();
    match s.use_ {
        Use::Office => {
            // A double outlet at the desk under the window.
            let (x, y) = at(mid, depth - 400);
            b.outlet(OutletKind::Double, x, y);
            if b.next("office-sensor") % 3 == 1 {
                let (x, y) = at(s.b - 600, 400);
                b.device(Temperature, x, y);
            }
        }
        Use::Meeting => {
            for u in [s.a + w / 4, s.b - w / 4] {
                let (x, y) = at(u, depth / 2 + 1_000);
                b.outlet(OutletKind::FloorBoxSmall, x, y);
            }
            let (x, y) = at(s.b - 400, depth / 2);
            b.device(Co2, x, y);
            if band.axis == Axis::X {
                let here = MEETING_AP_X.iter().filter(|&&x| s.a < x && x < s.b);
                aps.extend(here.map(|&x| at(x, depth / 2)));
            }
        }
        Use::Focus | Use::Quiet => {
            let (x, y) = at(mid, depth - 500);
            b.outlet(OutletKind::Double, x, y);
            if s.use_ == Use::Focus {
                let (x, y) = at(s.b - 400, depth / 2);
                b.device(Co2, x, y);
            }
        }
        Use::Print => {
            let (x, y) = at(mid, depth - 500);
            b.outlet(OutletKind::Quad, x, y);
        }
        Use::Kitchenette => {
            let (x, y) = at(mid, depth - 400);
            b.device(Leak, x, y);
        }
        Use::Restaurant => {
            // Access points midway between the corridor's; tills by the doors.
            for u in [mid - 2 * MODULE, mid + 2 * MODULE] {
                aps.push(at(u, depth / 2));
            }
            for u in [s.a + w / 4, s.b - w / 4] {
                let (x, y) = at(u, 1_200);
                b.outlet(OutletKind::Quad, x, y);
            }
            let (x, y) = at(mid, depth / 2 + 1_500);
            b.device(Occupancy, x, y);
            let (x, y) = at(s.b - 400, depth / 2);
            b.device(Co2, x, y);
        }
        Use::Kitchen => {
            let (x, y) = at(s.a + w / 3, depth - 400);
            b.device(Leak, x, y);
            let (x, y) = at(s.b - w / 3, depth / 2);
            b.device(FridgeTemperature, x, y);
            for u in [s.a + w / 6, s.b - w / 6] {
                let (x, y) = at(u, depth - 400);
                b.outlet(OutletKind::Quad, x, y);
            }
        }
        Use::Security => {
            for u in [s.a + w / 4, s.b - w / 4] {
                let (x, y) = at(u, depth - 400);
                b.outlet(OutletKind::Double, x, y);
            }
            let (x, y) = at(mid, depth / 2);
            b.device(SecurityHeadEnd, x, y);
        }
        Use::Storage | Use::Passage | Use::Lobby => {}
    }
    aps
}

// ---------------------------------------------------------------------------------------
// Corridors and the lobby.

fn corridors(b: &mut FloorBuilder, ground: bool) {
    use DeviceKind::*;
    let f = b.id().to_owned();
    let lobby = (GRID_X0 + 11 * MODULE, GRID_X0 + 17 * MODULE);
    if ground {
        b.plan.room(RoomSpec::rect(
            format!("Corridor {f}.C-S1"),
            W_FRONT,
            S_FRONT,
            lobby.0,
            S_INNER_FRONT,
            "corridor",
        ));
        b.plan.room(RoomSpec::rect(
            format!("Corridor {f}.C-S2"),
            lobby.1,
            S_FRONT,
            E_FRONT,
            S_INNER_FRONT,
            "corridor",
        ));
        b.plan.room(RoomSpec::rect(
            format!("Lobby {f}.LOB"),
            lobby.0,
            0,
            lobby.1,
            S_INNER_BACK,
            "lobby",
        ));
    } else {
        b.plan.room(RoomSpec::rect(
            format!("Corridor {f}.C-S"),
            W_FRONT,
            S_FRONT,
            E_FRONT,
            S_INNER_FRONT,
            "corridor",
        ));
    }
    b.plan.room(RoomSpec::rect(
        format!("Corridor {f}.C-E"),
        E_INNER_FRONT,
        S_INNER_FRONT,
        E_FRONT,
        N_INNER_FRONT,
        "corridor",
    ));
    b.plan.room(RoomSpec::rect(
        format!("Corridor {f}.C-N"),
        W_FRONT,
        N_INNER_FRONT,
        E_FRONT,
        N_FRONT,
        "corridor",
    ));
    b.plan.room(RoomSpec::rect(
        format!("Corridor {f}.C-W"),
        W_FRONT,
        S_INNER_FRONT,
        W_INNER_FRONT,
        N_INNER_FRONT,
        "corridor",
    ));
    // Cameras in the corners of the ring, looking along both corridors.
    for (x, y) in [
        (W_FRONT + 300, S_FRONT + 300),
        (E_FRONT - 300, S_FRONT + 300),
        (E_FRONT - 300, N_FRONT - 300),
        (W_FRONT + 300, N_FRONT - 300),
    ] {
        b.device(Camera, x, y);
    }
    // Building-automation sensors in the corridor ceilings.
    for x in [24_000, 52_800, 67_200, 96_000] {
        b.device(SpeSensor, x, RING_S);
        b.device(SpeSensor, x, RING_N);
    }
    if ground {
        // The entrance: cameras and door panels by the doors, the reception desk.
        b.device(Camera, lobby.0 + 4_800, 1_000);
        b.device(Camera, lobby.1 - 4_800, 1_000);
        b.device(AccessPanel, GRID_X0 + 13 * MODULE + 400, 400);
        b.device(AccessPanel, GRID_X0 + 15 * MODULE - 400, 400);
        b.outlet(OutletKind::Quad, SPINE_X - 2_400, 12_000);
        b.outlet(OutletKind::Quad, SPINE_X + 2_400, 12_000);
    }
}

// ---------------------------------------------------------------------------------------
// Cores.

fn core(b: &mut FloorBuilder, x0: Mm, label: &str, ground: bool) {
    use DeviceKind::*;
    use WallKind::{Core, Cubicle, Partition};
    let y0 = CORE_Y0;
    let f = b.id().to_owned();
    let h = |y: Mm, a: Mm, c: Mm| Run::h(y0 + y, x0 + a, x0 + c);
    let v = |x: Mm, a: Mm, c: Mm| Run::v(x0 + x, y0 + a, y0 + c);
    let p = &mut b.plan;
    p.wall_rect(x0, y0, x0 + CORE_W, y0 + CORE_H, Core);
    // The core lobby runs west-east through the core, with a door at each end.
    p.door(v(0, 7_700, 8_700), "wood");
    p.door(v(CORE_W, 7_700, 8_700), "wood");
    // South half: WCs either side of the shaft and the telecom (or electrical) room.
    p.wall(h(7_000, 0, CORE_W), Core);
    p.door(h(7_000, 1_500, 2_400), "wood");
    p.door(h(7_000, 5_000, 6_000), "wood");
    p.door(h(7_000, 9_600, 10_500), "wood");
    p.wall(v(4_000, 0, 7_000), Core);
    p.wall(v(8_000, 0, 7_000), Core);
    p.wall(h(4_000, 4_000, 8_000), Core);
    p.door(h(4_000, 4_400, 5_300), "wood");
    // WC cubicles: four each along the outer walls (their doors are not drawn); a plumbing
    // duct in the corner by the shaft.
    for (outer, front) in [(0, 1_500), (CORE_W, CORE_W - 1_500)] {
        for y in [1_350, 2_700, 4_050, 5_400] {
            p.wall(h(y, outer.min(front), outer.max(front)), Cubicle);
        }
        for (a, c) in [
            (0, 325),
            (1_025, 1_675),
            (2_375, 3_025),
            (3_725, 4_375),
            (5_075, 5_400),
        ] {
            p.wall(v(front, a, c), Cubicle);
        }
    }
    for (x, duct) in [(4_000, 3_400), (8_000, 8_600)] {
        p.wall(v(duct, 0, 1_200), Partition);
        p.wall(h(1_200, x.min(duct), x.max(duct)), Partition);
    }
    // North half: the stair (with the wall between its flights), two lifts.
    p.wall(h(9_400, 0, 5_600), Core);
    p.door(h(9_400, 2_300, 3_300), "wood");
    p.wall(v(5_600, 9_400, CORE_H), Core);
    p.wall(v(2_800, 11_000, 14_800), Core);
    p.wall(h(12_600, 5_600, CORE_W), Core);
    p.door(h(12_600, 6_700, 7_700), "metal");
    p.door(h(12_600, 9_900, 10_900), "metal");
    p.wall(v(8_800, 12_600, CORE_H), Core);

    let central = label == CENTRAL_CORE;
    let r = |name: String, a: Mm, c: Mm, d: Mm, e: Mm, use_| {
        RoomSpec::rect(name, x0 + a, y0 + c, x0 + d, y0 + e, use_)
    };
    p.room(r(format!("WC-F {label}"), 0, 0, 4_000, 7_000, "wc"));
    p.room(r(format!("Shaft {label}"), 4_000, 0, 8_000, 4_000, "shaft"));
    if central {
        p.room(r(
            format!("TR-{f}"),
            4_000,
            4_000,
            8_000,
            7_000,
            "telecom_room",
        ));
    } else {
        p.room(r(
            format!("Elec {label}"),
            4_000,
            4_000,
            8_000,
            7_000,
            "electrical",
        ));
    }
    p.room(r(format!("WC-M {label}"), 8_000, 0, CORE_W, 7_000, "wc"));
    p.room(RoomSpec {
        name: format!("Core {label}"),
        exterior: [
            (0, 7_000),
            (CORE_W, 7_000),
            (CORE_W, 12_600),
            (5_600, 12_600),
            (5_600, 9_400),
            (0, 9_400),
        ]
        .iter()
        .map(|&(x, y)| (x0 + x, y0 + y))
        .collect(),
        holes: Vec::new(),
        use_: "core_lobby",
    });
    p.room(r(
        format!("Stair {label}"),
        0,
        9_400,
        5_600,
        CORE_H,
        "stair",
    ));
    p.room(r(
        format!("Lift {label}1"),
        5_600,
        12_600,
        8_800,
        CORE_H,
        "lift",
    ));
    p.room(r(
        format!("Lift {label}2"),
        8_800,
        12_600,
        CORE_W,
        CORE_H,
        "lift",
    ));

    // Door panels at both lobby doors, a camera on the west one.
    b.device(AccessPanel, x0 - 400, y0 + 9_200);
    b.device(AccessPanel, x0 + CORE_W + 400, y0 + 9_200);
    b.device(Camera, x0 - 400, y0 + 6_600);
    if central {
        b.device(AccessPanel, x0 + 6_400, y0 + 7_400);
        b.telecom_room(
            Polygon::rect(pt(x0 + 4_000, y0 + 4_000), pt(x0 + 8_000, y0 + 7_000)),
            RACK,
            TR_PORTS,
            3000.0,
        );
    } else if ground {
        let kind = if label == "W" {
            BmsController
        } else {
            FirePanel
        };
        b.device(kind, x0 + 6_000, y0 + 5_500);
    }
}

// ---------------------------------------------------------------------------------------
// The open plan.

/// Draws the open-plan rooms, columns and (ground floor) conference rooms; returns the
/// open-plan zones, where floor boxes and ceiling sensors go.
fn open_plan_structure(b: &mut FloorBuilder, ground: bool) -> Vec<RoomSpec> {
    let f = b.id().to_owned();
    let core_rect = |x0: Mm| (x0, CORE_Y0, x0 + CORE_W, CORE_Y0 + CORE_H);
    let zone = |name: String, x0: Mm, x1: Mm, holes: &[(Mm, Mm, Mm, Mm)]| {
        holes.iter().fold(
            RoomSpec::rect(name, x0, S_INNER_BACK, x1, N_INNER_BACK, "open_plan"),
            |r, &(a, c, d, e)| r.with_hole(a, c, d, e),
        )
    };
    let [(cw, _), (cc, _), (ce, _)] = CORES;
    let conf = |i: usize| (CONFERENCE[i].0, CORE_Y0, CONFERENCE[i].1, CORE_Y0 + CORE_H);
    let mut middle = zone(format!("Open plan {f}.OP2"), 37_200, 82_800, &[]);
    if ground {
        middle = zone(
            format!("Foyer {f}.F01"),
            37_200,
            82_800,
            &[conf(0), core_rect(cc), conf(1)],
        );
        middle.use_ = "foyer";
    } else {
        let [(xw, _), (xe, _)] = ROTUNDAS;
        let mut hole = rotunda_ring(xw, MID_Y);
        hole.reverse();
        middle.holes.push(hole);
        middle = middle.with_hole(cc, CORE_Y0, cc + CORE_W, CORE_Y0 + CORE_H);
        let mut hole = rotunda_ring(xe, MID_Y);
        hole.reverse();
        middle.holes.push(hole);
    }
    let zones = vec![
        zone(
            format!("Open plan {f}.OP1"),
            W_INNER_BACK,
            37_200,
            &[core_rect(cw)],
        ),
        middle,
        zone(
            format!("Open plan {f}.OP3"),
            82_800,
            E_INNER_BACK,
            &[core_rect(ce)],
        ),
    ];
    for z in &zones {
        b.plan.room(z.clone());
    }
    // Round columns on the structural grid between and beside the cores.
    for x in [19_800, 40_200, 49_800, 70_200, 79_800, 100_200] {
        for y in [22_800, 37_200] {
            b.plan.column(x, y);
        }
    }
    if !ground {
        for (cx, label) in ROTUNDAS {
            rotunda(b, cx, MID_Y, label);
        }
    }
    if ground {
        for (i, &(x0, x1)) in CONFERENCE.iter().enumerate() {
            let (y0, y1) = (CORE_Y0, CORE_Y0 + CORE_H);
            b.plan.wall_rect(x0, y0, x1, y1, WallKind::Partition);
            for y in [y0, y1] {
                b.plan.door(Run::h(y, x0 + 1_000, x0 + 2_000), "wood");
                b.plan.door(Run::h(y, x1 - 2_000, x1 - 1_000), "wood");
            }
            b.plan.room(RoomSpec::rect(
                format!("Conference {f}.CF{}", i + 1),
                x0,
                y0,
                x1,
                y1,
                "conference",
            ));
            for (dx, dy) in [
                (3_000, 4_000),
                (9_000, 4_000),
                (3_000, 12_000),
                (9_000, 12_000),
            ] {
                b.outlet(OutletKind::FloorBox, x0 + dx, y0 + dy);
            }
            b.device(DeviceKind::Co2, x1 - 400, y1 - 4_400);
        }
    }
    zones
}

/// The 96 corners of a rotunda centred at (cx, cy), anticlockwise from 1.875°.
fn rotunda_corners(cx: Mm, cy: Mm) -> Vec<(Mm, Mm)> {
    let quadrant: Vec<(Mm, Mm)> = (0..24)
        .map(|j| (ROTUNDA_COS[j], ROTUNDA_COS[23 - j]))
        .collect();
    ring_from_quadrant(&quadrant)
        .into_iter()
        .map(|(x, y)| (cx + x, cy + y))
        .collect()
}

/// A rotunda's outline, anticlockwise: its wall from the door round to the door, closed by
/// the door's chord.
fn rotunda_ring(cx: Mm, cy: Mm) -> Vec<(Mm, Mm)> {
    let corners = rotunda_corners(cx, cy);
    let (d0, d1) = ROTUNDA_DOOR;
    let n = corners.len();
    (d1..=d0 + n).map(|k| corners[k % n]).collect()
}

/// A round glass committee room: its wall (the ring but for the door's gap), door, room,
/// outlets and CO2 sensor.
fn rotunda(b: &mut FloorBuilder, cx: Mm, cy: Mm, label: &str) {
    let f = b.id().to_owned();
    let ring = rotunda_ring(cx, cy);
    let (first, last) = (ring[0], ring[ring.len() - 1]);
    b.plan.polyline(ring.clone(), WallKind::Glass);
    b.plan.door_between(last, first, "glass");
    b.plan.room(RoomSpec {
        name: format!("Rotunda {f}.R{label}"),
        exterior: ring,
        holes: Vec::new(),
        use_: "committee_room",
    });
    for dx in [-2_000, 2_000] {
        b.outlet(OutletKind::FloorBoxSmall, cx + dx, cy + 1_500);
    }
    b.device(DeviceKind::Co2, cx + 4_000, cy + 1_000);
}

/// Floor boxes and ceiling sensors on regular grids over the open plan, wherever there is
/// room for them.
fn open_plan_fit_out(b: &mut FloorBuilder, zones: &[RoomSpec]) {
    let polygons: Vec<Polygon> = zones.iter().map(RoomSpec::polygon).collect();
    let fits = |b: &FloorBuilder, x: Mm, y: Mm| {
        polygons.iter().any(|p| p.contains(pt(x, y)))
            && b.plan.clearance(x, y) >= 800
            && b.is_clear(x, y, 1_000)
    };
    // Ceiling sensors first: they sit on a coarse grid.
    for x in [30_000, 90_000] {
        for y in [20_400, 39_600] {
            if fits(b, x, y) {
                b.device(DeviceKind::SpeSensor, x, y);
            }
        }
    }
    for y in [20_400, 39_600] {
        for i in 0..6 {
            let x = 24_000 + i * 14_400;
            if fits(b, x, y) {
                b.device(DeviceKind::Occupancy, x, y);
            }
        }
    }
    // Floor boxes: a row along each strip beside the cores, two rows between them.
    for y in [17_400, 42_600] {
        for i in 0..10 {
            let x = 18_000 + i * 9_600;
            if fits(b, x, y) {
                b.outlet(OutletKind::FloorBox, x, y);
            }
        }
    }
    for y in [26_400, 33_600] {
        for x in [19_800, 42_000, 48_000, 72_000, 78_000, 100_200] {
            if fits(b, x, y) {
                b.outlet(OutletKind::FloorBox, x, y);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Radio: access points and IoT gateways.

fn radio(b: &mut FloorBuilder, level: usize, meeting_aps: &[(Mm, Mm)]) {
    let ground = level == 0;
    // Around the ring corridor, anticlockwise from the south-west.
    let along = [16_800, 31_200, 45_600, 60_000, 74_400, 88_800, 103_200];
    let across = [20_400, MID_Y, 39_600];
    for x in along {
        b.ap(x, RING_S);
    }
    for y in across {
        b.ap(RING_E, y);
    }
    for x in along.iter().rev() {
        b.ap(*x, RING_N);
    }
    for y in across.iter().rev() {
        b.ap(RING_W, *y);
    }
    // The open plan: a row each side of the cores, one between each pair of cores.
    for y in [OP_S, OP_N] {
        for x in [20_400, 45_000, 75_000, 99_600] {
            b.ap(x, y);
        }
    }
    for x in [19_800, 45_000, 75_000, 100_200] {
        b.ap(x, MID_Y);
    }
    // Meeting rooms (on the ground floor, the restaurant) get their own.
    for &(x, y) in meeting_aps {
        if !ground || y > N_FRONT {
            b.ap(x, y);
        }
    }
    // IoT gateways in the corridor ceilings; LoRaWAN at the top and at the bottom.
    b.gateway(IotTech::Ble, 34_800, RING_S);
    b.gateway(IotTech::Zigbee, 85_200, RING_S);
    b.gateway(IotTech::Ble, 85_200, RING_N);
    b.gateway(IotTech::Zigbee, 34_800, RING_N);
    if level == 0 || level == 3 {
        b.gateway(IotTech::Lorawan, SPINE_X, 42_400);
    }
}

// ---------------------------------------------------------------------------------------
// Pathways: trays, risers, telecom room, routes.

fn pathways(b: &mut FloorBuilder, level: usize) {
    let (r1, r2) = (RISER_R1, RISER_R2);
    b.tray(
        "ring-S",
        &[(RING_W, RING_S), (SPINE_X, RING_S), (RING_E, RING_S)],
    );
    b.tray(
        "ring-E",
        &[
            (RING_E, RING_S),
            (RING_E, OP_S),
            (RING_E, OP_N),
            (RING_E, RING_N),
        ],
    );
    b.tray(
        "ring-N",
        &[(RING_E, RING_N), (SPINE_X, RING_N), (RING_W, RING_N)],
    );
    b.tray(
        "ring-W",
        &[
            (RING_W, RING_N),
            (RING_W, OP_N),
            (RING_W, OP_S),
            (RING_W, RING_S),
        ],
    );
    b.tray_sized(
        "spine-S",
        &[
            (SPINE_X, RING_S),
            (SPINE_X, OP_S),
            (SPINE_X, r1.1),
            (SPINE_X, RACK.1),
        ],
        SPINE_TRAY_MM,
    );
    // The north spine runs on through the core's lobby to the rack, so that the north half
    // of the floor reaches the telecom room without going round the ring.
    b.tray_sized(
        "spine-N",
        &[(SPINE_X, RING_N), (SPINE_X, OP_N), (SPINE_X, RACK.1)],
        SPINE_TRAY_MM,
    );
    b.tray(
        "op-S",
        &[
            (RING_W, OP_S),
            (SPUR_R2_X, OP_S),
            (SPINE_X, OP_S),
            (RING_E, OP_S),
        ],
    );
    b.tray("op-N", &[(RING_W, OP_N), (SPINE_X, OP_N), (RING_E, OP_N)]);
    b.tray("R1", &[(SPINE_X, r1.1), r1]);
    b.tray("R2", &[(SPUR_R2_X, OP_S), (SPUR_R2_X, r2.1), r2]);
    b.riser("R1", r1.0, r1.1);
    b.riser("R2", r2.0, r2.1);

    // Hand-drawn routes: the south-west corner camera on every floor, and on level 1 the
    // first access point, along the ring and the spine to the rack.
    let f = b.id().to_owned();
    b.route(
        &format!("CAM-{f}-01"),
        &[
            (W_FRONT + 300, S_FRONT + 300),
            (RING_W, RING_S),
            (SPINE_X, RING_S),
            RACK,
        ],
    );
    if level == 1 {
        b.route(
            &format!("AP-{f}-01"),
            &[(16_800, RING_S), (SPINE_X, RING_S), RACK],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_fill_their_bands_exactly() {
        for level in 0..4 {
            for (band, program) in bands(level) {
                let s = slots(&band, &program);
                assert!(s.windows(2).all(|w| w[0].b == w[1].a), "gaps or overlaps");
                if band.ends == Ends::Facade {
                    // Corner offices of 9.6 m at both ends of the long sides.
                    assert_eq!((s[0].a, s[0].b), (0, GRID_X0));
                    assert_eq!(s[s.len() - 2].b, LEN_X - GRID_X0);
                    assert_eq!(s[s.len() - 1].b, LEN_X);
                } else {
                    assert_eq!((s[0].a, s[s.len() - 1].b), band.span, "level {level}");
                }
            }
        }
    }

    #[test]
    fn rotunda_is_round_and_its_door_is_a_door() {
        let corners = rotunda_corners(0, 0);
        assert_eq!(corners.len(), 96);
        for (x, y) in &corners {
            let r = ((x * x + y * y) as f64).sqrt();
            assert!((r - 5_000.0).abs() <= 1.0, "{r}");
        }
        let ring = rotunda_ring(0, 0);
        assert_eq!(ring.len(), 94);
        let (a, b) = (ring[ring.len() - 1], ring[0]);
        // Symmetric about the south, 0.98 m wide.
        assert_eq!((a.0, a.1), (-b.0, b.1));
        assert_eq!(b.0 - a.0, 980);
    }

    #[test]
    fn the_ground_floor_has_a_lobby_restaurant_and_conference_rooms() {
        let ground = office_floor(0);
        let uses: Vec<&str> = ground
            .rooms
            .iter()
            .filter_map(|r| r.props["use"].as_str())
            .collect();
        for u in [
            "lobby",
            "restaurant",
            "kitchen",
            "conference",
            "security",
            "foyer",
        ] {
            assert!(uses.contains(&u), "no {u}");
        }
        assert!(!uses.contains(&"committee_room"));
        let entrance = ground
            .openings
            .iter()
            .filter(|o| o.material == "glass" && o.points[0].y == 0.0)
            .count();
        assert_eq!(entrance, 2);
    }
}
