//! One module per subcommand.

pub mod check;
pub mod coverage;
pub mod export;
pub mod import;
pub mod info;
pub mod place;
pub mod route;
pub mod sheet;

use tailplan_core::coverage::{CoverageError, grid::DEFAULT_MAX_CELLS};

/// The grid-cell limit, a flag of every command that computes coverage.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct GridLimit {
    /// The most cells a coverage map may have; a finer map is refused before it is computed.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CELLS)]
    pub max_grid_cells: usize,
}

impl GridLimit {
    /// The error's message for `name`, naming the flags that change the limit's outcome.
    pub fn explain(name: &str, e: &CoverageError) -> String {
        match e {
            CoverageError::GridTooLarge { .. } => {
                format!("{name}: {e} (--cell, --max-grid-cells)")
            }
            _ => format!("{name}: {e}"),
        }
    }
}
