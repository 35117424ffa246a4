//! One module per subcommand.

pub mod antenna;
pub mod capacity;
pub mod channels;
pub mod check;
pub mod coverage;
pub mod export;
pub mod import;
pub mod info;
pub mod models;
pub mod place;
pub mod route;
pub mod scenarios;
pub mod sheet;
pub mod survey;

use tailplan_app::SheetDate;
use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;

/// The grid-cell limit, a flag of every command that computes coverage.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct GridLimit {
    /// The most cells a coverage map may have; a finer map is refused before it is computed.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CELLS)]
    pub max_grid_cells: usize,
}

/// Today's date in UTC, from the system's clock: the default of `--date`.
pub fn today() -> SheetDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    SheetDate::from_unix_seconds(i64::try_from(seconds).unwrap_or(i64::MAX))
}
