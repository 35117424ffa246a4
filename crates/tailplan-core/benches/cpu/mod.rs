//! What the coverage, placement and survey benchmarks time with: the benchmarking thread's
//! CPU time.

use std::hint::black_box;

use cpu_time::ThreadTime;
use criterion::Bencher;

/// Times `f` in the benchmarking thread's CPU time rather than wall time: the build machine
/// is shared, and CPU time does not count the time other processes hold the cores.
pub fn cpu<R>(b: &mut Bencher<'_>, mut f: impl FnMut() -> R) {
    b.iter_custom(|iters| {
        let start = ThreadTime::now();
        for _ in 0..iters {
            black_box(f());
        }
        start.elapsed()
    })
}
