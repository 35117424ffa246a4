//! One module per subcommand.

pub mod check;
pub mod coverage;
pub mod export;
pub mod import;
pub mod info;
pub mod place;
pub mod route;
pub mod sheet;
