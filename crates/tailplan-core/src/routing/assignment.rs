//! The optimal assignment of endpoints to telecom rooms: the least total cable length such that
//! no room gets more cables than it has ports and no cable is longer than its medium allows.
//!
//! It is a transportation problem (every endpoint supplies one cable, every room takes at most
//! its ports), solved exactly as a min-cost flow by successive shortest paths. With few rooms
//! the flow network collapses onto the rooms: an augmenting path is the new endpoint going to
//! some room, and a chain of already placed endpoints each moving on to another room, ending in
//! a room with a free port. The cheapest move from room `r` to room `s` is the top of a heap
//! of `cost(e, s) - cost(e, r)` over the endpoints `e` in `r`; with node potentials (Johnson)
//! every reduced move is non-negative, so a dense Dijkstra over the `T + 2` nodes finds each
//! path. Adding endpoints one at a time this way keeps the flow optimal for the endpoints
//! added so far (as in the Hungarian method), so the result is optimal: `O(N·T² + N·T·log N)`.
//!
//! When not every endpoint can be served, an extra "unserved" room of unbounded capacity takes
//! the rest at a cost that outranks any length: costs are [`Cost`] pairs compared
//! lexicographically, so the solution serves as many endpoints as possible and, among those
//! solutions, uses the least cable. Lengths are whole millimetres, so the optimum is exact.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::{Add, Sub};

use serde::{Deserialize, Serialize};

/// A cost compared lexicographically: endpoints left unserved first, then millimetres of
/// cable.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Cost {
    /// Endpoints left unserved.
    pub unserved: i64,
    /// Cable length, millimetres.
    pub mm: i64,
}

impl Cost {
    /// No cost.
    pub const ZERO: Cost = Cost { unserved: 0, mm: 0 };

    /// A cable of `mm` millimetres.
    pub const fn mm(mm: i64) -> Cost {
        Cost { unserved: 0, mm }
    }

    /// One endpoint left unserved.
    pub const UNSERVED: Cost = Cost { unserved: 1, mm: 0 };
}

impl Add for Cost {
    type Output = Cost;
    fn add(self, o: Cost) -> Cost {
        Cost {
            unserved: self.unserved + o.unserved,
            mm: self.mm + o.mm,
        }
    }
}

impl Sub for Cost {
    type Output = Cost;
    fn sub(self, o: Cost) -> Cost {
        Cost {
            unserved: self.unserved - o.unserved,
            mm: self.mm - o.mm,
        }
    }
}

/// Cable lengths in millimetres from each endpoint to each room; `None` where no cable can be
/// (no path, or longer than the medium allows).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostMatrix {
    rooms: usize,
    rows: usize,
    cells: Vec<Option<i64>>,
}

impl CostMatrix {
    /// An empty matrix for `rooms` rooms.
    pub fn new(rooms: usize) -> Self {
        Self {
            rooms,
            rows: 0,
            cells: Vec::new(),
        }
    }

    /// Adds an endpoint's row: its cost to each room in order. A row shorter than the number
    /// of rooms is padded with `None`; extra entries are ignored.
    pub fn push_row(&mut self, row: impl IntoIterator<Item = Option<i64>>) {
        let start = self.cells.len();
        self.cells.extend(row.into_iter().take(self.rooms));
        self.cells.resize(start + self.rooms, None);
        self.rows += 1;
    }

    /// Number of rooms.
    pub fn rooms(&self) -> usize {
        self.rooms
    }

    /// Number of endpoints (rows).
    pub fn endpoints(&self) -> usize {
        self.rows
    }

    /// The cost from endpoint `e` to room `r`, millimetres.
    pub fn get(&self, e: usize, r: usize) -> Option<i64> {
        if r >= self.rooms {
            return None;
        }
        self.cells.get(e * self.rooms + r).copied().flatten()
    }
}

/// Which room each endpoint goes to (`None`: unserved).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Assignment {
    /// The room of each endpoint, by row of the [`CostMatrix`].
    pub room_of: Vec<Option<usize>>,
}

impl Assignment {
    /// The total cost: endpoints unserved, then millimetres.
    pub fn cost(&self, m: &CostMatrix) -> Cost {
        self.room_of
            .iter()
            .enumerate()
            .map(|(e, r)| match r.and_then(|r| m.get(e, r)) {
                Some(mm) => Cost::mm(mm),
                None => Cost::UNSERVED,
            })
            .fold(Cost::ZERO, Cost::add)
    }

    /// How many endpoints each of `rooms` rooms serves.
    pub fn loads(&self, rooms: usize) -> Vec<u64> {
        let mut loads = vec![0; rooms];
        for r in self.room_of.iter().flatten() {
            if let Some(l) = loads.get_mut(*r) {
                *l += 1;
            }
        }
        loads
    }
}

const NONE: usize = usize::MAX;

/// The solver's state: where each endpoint is, room loads, potentials and the move heaps.
struct Solver<'a> {
    m: &'a CostMatrix,
    capacity: Vec<u64>,
    /// Rooms are `0..t`, `t` is "unserved", `t + 1` the sink.
    t: usize,
    at: Vec<usize>,
    stamp: Vec<u32>,
    count: Vec<u64>,
    pot: Vec<Cost>,
    /// `moves[x * (t + 1) + y]`: (cost of moving e from x to y, e, stamp).
    moves: Vec<BinaryHeap<Reverse<(Cost, usize, u32)>>>,
}

impl Solver<'_> {
    fn cost_at(&self, e: usize, x: usize) -> Option<Cost> {
        if x == self.t {
            Some(Cost::UNSERVED)
        } else {
            self.m.get(e, x).map(Cost::mm)
        }
    }

    fn is_free(&self, x: usize) -> bool {
        x == self.t || self.count[x] < self.capacity[x]
    }

    /// The cheapest move from `x` to `y` among the endpoints now in `x`.
    fn best_move(&mut self, x: usize, y: usize) -> Option<(Cost, usize)> {
        let heap = &mut self.moves[x * (self.t + 1) + y];
        while let Some(&Reverse((c, e, s))) = heap.peek() {
            if self.at[e] == x && self.stamp[e] == s {
                return Some((c, e));
            }
            heap.pop();
        }
        None
    }

    fn place(&mut self, e: usize, x: usize) {
        if self.at[e] != NONE {
            self.count[self.at[e]] -= 1;
        }
        self.at[e] = x;
        self.count[x] += 1;
        self.stamp[e] = self.stamp[e].wrapping_add(1);
        let Some(here) = self.cost_at(e, x) else {
            return;
        };
        for y in 0..=self.t {
            if y != x
                && let Some(there) = self.cost_at(e, y)
            {
                self.moves[x * (self.t + 1) + y].push(Reverse((there - here, e, self.stamp[e])));
            }
        }
    }

    /// Adds endpoint `e` along the shortest augmenting path.
    fn add(&mut self, e: usize) {
        let (t, sink, k) = (self.t, self.t + 1, self.t + 2);
        let mut dist: Vec<Option<Cost>> = vec![None; k];
        let mut pred = vec![NONE; k];
        let mut done = vec![false; k];
        for (x, d) in dist.iter_mut().enumerate().take(t + 1) {
            *d = self.cost_at(e, x).map(|c| c - self.pot[x]);
        }
        loop {
            let next = (0..k)
                .filter(|&x| !done[x])
                .filter_map(|x| Some((dist[x]?, x)))
                .min();
            let Some((dx, x)) = next else { break };
            done[x] = true;
            if x == sink {
                break;
            }
            if self.is_free(x) {
                let nd = dx + self.pot[x] - self.pot[sink];
                if dist[sink].is_none_or(|d| nd < d) {
                    dist[sink] = Some(nd);
                    pred[sink] = x;
                }
            }
            for y in 0..=t {
                if y == x || done[y] {
                    continue;
                }
                if let Some((c, _)) = self.best_move(x, y) {
                    let nd = dx + c + self.pot[x] - self.pot[y];
                    if dist[y].is_none_or(|d| nd < d) {
                        dist[y] = Some(nd);
                        pred[y] = x;
                    }
                }
            }
        }
        // "Unserved" always has room and every endpoint can go there, so the sink is reached.
        let Some(dt) = dist[sink] else { return };
        for (p, d) in self.pot.iter_mut().zip(&dist) {
            *p = *p + d.map_or(dt, |d| d.min(dt));
        }
        let mut path = Vec::new();
        let mut x = pred[sink];
        while x != NONE {
            path.push(x);
            x = pred[x];
        }
        path.reverse();
        // Who moves along the path is decided before anyone moves.
        let movers: Vec<usize> = path
            .windows(2)
            .filter_map(|w| self.best_move(w[0], w[1]).map(|(_, m)| m))
            .collect();
        self.place(e, path[0]);
        for (i, m) in movers.into_iter().enumerate() {
            self.place(m, path[i + 1]);
        }
    }
}

/// The optimal assignment: the most endpoints served, and among such assignments the least
/// total length, with at most `capacity[r]` endpoints in room `r` (a missing entry is 0).
pub fn optimal(m: &CostMatrix, capacity: &[u32]) -> Assignment {
    let t = m.rooms();
    let n = m.endpoints();
    let mut s = Solver {
        m,
        capacity: (0..t)
            .map(|r| u64::from(capacity.get(r).copied().unwrap_or(0)))
            .collect(),
        t,
        at: vec![NONE; n],
        stamp: vec![0; n],
        count: vec![0; t + 1],
        pot: vec![Cost::ZERO; t + 2],
        moves: (0..(t + 1) * (t + 1)).map(|_| BinaryHeap::new()).collect(),
    };
    for e in 0..n {
        s.add(e);
    }
    Assignment {
        room_of: s
            .at
            .iter()
            .map(|&x| (x != NONE && x < t).then_some(x))
            .collect(),
    }
}

/// Nearest-first: each endpoint in turn takes the nearest room that still has a port. What a
/// hurried designer does; the baseline the optimal assignment is measured against.
pub fn nearest_first(m: &CostMatrix, capacity: &[u32]) -> Assignment {
    let t = m.rooms();
    let mut left: Vec<u32> = (0..t)
        .map(|r| capacity.get(r).copied().unwrap_or(0))
        .collect();
    let room_of = (0..m.endpoints())
        .map(|e| {
            let best = (0..t)
                .filter(|&r| left[r] > 0)
                .filter_map(|r| Some((m.get(e, r)?, r)))
                .min()?;
            left[best.1] -= 1;
            Some(best.1)
        })
        .collect();
    Assignment { room_of }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    fn matrix(rows: &[&[Option<i64>]]) -> CostMatrix {
        let mut m = CostMatrix::new(rows.first().map_or(0, |r| r.len()));
        for r in rows {
            m.push_row(r.iter().copied());
        }
        m
    }

    /// Every possible assignment, for tiny cases: the least cost.
    pub(crate) fn brute_force(m: &CostMatrix, capacity: &[u32]) -> Cost {
        let (n, t) = (m.endpoints(), m.rooms());
        let mut best: Option<Cost> = None;
        let mut choice = vec![0usize; n]; // 0..t rooms, t = unserved
        loop {
            let mut load = vec![0u32; t];
            let mut cost = Cost::ZERO;
            let mut ok = true;
            for (e, &c) in choice.iter().enumerate() {
                if c == t {
                    cost = cost + Cost::UNSERVED;
                } else if let Some(mm) = m.get(e, c) {
                    load[c] += 1;
                    cost = cost + Cost::mm(mm);
                } else {
                    ok = false;
                }
            }
            ok &= load.iter().zip(capacity).all(|(l, c)| l <= c);
            if ok && best.is_none_or(|b| cost < b) {
                best = Some(cost);
            }
            // Next choice (odometer).
            let mut i = 0;
            loop {
                if i == n {
                    return best.unwrap_or(Cost::ZERO);
                }
                choice[i] += 1;
                if choice[i] <= t {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
        }
    }

    /// A textbook min-cost flow (successive shortest paths with Bellman-Ford on the full
    /// network: source, endpoints, rooms, "unserved", sink): the least cost.
    pub(crate) fn textbook_min_cost_flow(m: &CostMatrix, capacity: &[u32]) -> Cost {
        let (n, t) = (m.endpoints(), m.rooms());
        // Nodes: 0 source, 1..=n endpoints, n+1..=n+t rooms, n+t+1 unserved, n+t+2 sink.
        let (src, unserved, sink) = (0, n + t + 1, n + t + 2);
        let mut to = Vec::new();
        let mut cap = Vec::new();
        let mut cost = Vec::new();
        let mut adj = vec![Vec::new(); n + t + 3];
        let mut edge = |a: usize, b: usize, c: i64, w: Cost| {
            adj[a].push(to.len());
            to.push(b);
            cap.push(c);
            cost.push(w);
            adj[b].push(to.len());
            to.push(a);
            cap.push(0);
            cost.push(Cost::ZERO - w);
        };
        for e in 0..n {
            edge(src, 1 + e, 1, Cost::ZERO);
            for r in 0..t {
                if let Some(mm) = m.get(e, r) {
                    edge(1 + e, n + 1 + r, 1, Cost::mm(mm));
                }
            }
            edge(1 + e, unserved, 1, Cost::UNSERVED);
        }
        for (r, &c) in capacity.iter().enumerate().take(t) {
            edge(n + 1 + r, sink, i64::from(c), Cost::ZERO);
        }
        edge(unserved, sink, n as i64, Cost::ZERO);
        let mut total = Cost::ZERO;
        for _ in 0..n {
            let mut dist: Vec<Option<Cost>> = vec![None; adj.len()];
            let mut via = vec![usize::MAX; adj.len()];
            dist[src] = Some(Cost::ZERO);
            for _ in 0..adj.len() {
                let mut changed = false;
                for v in 0..adj.len() {
                    let Some(dv) = dist[v] else { continue };
                    for &i in &adj[v] {
                        if cap[i] > 0 && dist[to[i]].is_none_or(|d| dv + cost[i] < d) {
                            dist[to[i]] = Some(dv + cost[i]);
                            via[to[i]] = i;
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            let mut v = sink;
            while v != src {
                let i = via[v];
                cap[i] -= 1;
                cap[i ^ 1] += 1;
                v = to[i ^ 1];
            }
            total = total + dist[sink].expect("unserved always reaches the sink");
        }
        total
    }

    #[test]
    fn a_full_room_sends_the_cheaper_move_elsewhere() {
        // Room 0 has one port. Nearest-first gives it to e0 and sends e1 far away; the
        // optimum sends e0 to its second-nearest room instead.
        let m = matrix(&[&[Some(1_000), Some(2_000)], &[Some(1_000), Some(10_000)]]);
        let greedy = nearest_first(&m, &[1, 1]);
        assert_eq!(greedy.room_of, [Some(0), Some(1)]);
        assert_eq!(greedy.cost(&m), Cost::mm(11_000));
        let best = optimal(&m, &[1, 1]);
        assert_eq!(best.room_of, [Some(1), Some(0)]);
        assert_eq!(best.cost(&m), Cost::mm(3_000));
    }

    #[test]
    fn too_few_ports_leaves_the_costliest_unserved() {
        let m = matrix(&[&[Some(5)], &[Some(50)], &[Some(7)], &[None]]);
        let a = optimal(&m, &[2]);
        assert_eq!(a.room_of, [Some(0), None, Some(0), None]);
        assert_eq!(
            a.cost(&m),
            Cost {
                unserved: 2,
                mm: 12
            }
        );
    }

    #[test]
    fn serving_more_beats_serving_shorter() {
        // e0 could take room 0 cheaply, but only e1 can use it: both are served.
        let m = matrix(&[&[Some(1), Some(100)], &[Some(2), None]]);
        let a = optimal(&m, &[1, 1]);
        assert_eq!(a.room_of, [Some(1), Some(0)]);
        assert_eq!(nearest_first(&m, &[1, 1]).room_of, [Some(0), None]);
    }

    #[test]
    fn no_rooms_no_endpoints() {
        let m = CostMatrix::new(0);
        assert!(optimal(&m, &[]).room_of.is_empty());
        let mut m = CostMatrix::new(0);
        m.push_row([]);
        assert_eq!(optimal(&m, &[]).room_of, [None]);
    }

    fn instance(max_n: usize, max_t: usize) -> impl Strategy<Value = (CostMatrix, Vec<u32>)> {
        (1..=max_t, 0..=max_n).prop_flat_map(|(t, n)| {
            let cell = prop_oneof![1 => Just(None), 4 => (0i64..200).prop_map(Some)];
            (
                proptest::collection::vec(proptest::collection::vec(cell, t), n),
                proptest::collection::vec(0u32..4, t),
            )
                .prop_map(move |(rows, caps)| {
                    let mut m = CostMatrix::new(t);
                    for r in rows {
                        m.push_row(r);
                    }
                    (m, caps)
                })
        })
    }

    proptest! {
        #[test]
        fn optimal_equals_brute_force_on_tiny_cases((m, caps) in instance(6, 3)) {
            let a = optimal(&m, &caps);
            prop_assert_eq!(a.cost(&m), brute_force(&m, &caps));
        }

        #[test]
        fn optimal_equals_textbook_flow_and_beats_greedy((m, caps) in instance(40, 5)) {
            let a = optimal(&m, &caps);
            let cost = a.cost(&m);
            prop_assert_eq!(cost, textbook_min_cost_flow(&m, &caps));
            // Never worse than nearest-first: serves at least as many, and no longer in
            // total when it serves as many.
            prop_assert!(cost <= nearest_first(&m, &caps).cost(&m));
            // Capacities hold, and nobody is sent where no cable can go.
            for (l, c) in a.loads(m.rooms()).iter().zip(&caps) {
                prop_assert!(*l <= u64::from(*c));
            }
            for (e, r) in a.room_of.iter().enumerate() {
                if let Some(r) = r {
                    prop_assert!(m.get(e, *r).is_some());
                }
            }
        }
    }
}
