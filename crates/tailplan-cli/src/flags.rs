//! The CLI's names of the commands' parameters: `--cell`, `--max-grid-cells`..., so that an
//! error of `tailplan-app` reads as the command line was typed.

use std::borrow::Cow;

use tailplan_app::{AppError, Names, Param};

use crate::Failure;

/// The flags of the `tailplan` command.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags;

impl Names for Flags {
    fn param(&self, p: Param) -> Cow<'static, str> {
        Cow::Borrowed(match p {
            Param::Floor => "--floor",
            Param::Band => "--band",
            Param::Tech => "--tech",
            Param::Cell => "--cell",
            Param::MaxGridCells => "--max-grid-cells",
            Param::Date => "--date",
            Param::Kind | Param::Kinds => "--kind",
            Param::Paper => "--paper",
            Param::Scale | Param::ImportScale => "--scale",
            Param::Target => "--target",
            Param::Coverage => "--coverage",
            Param::SecondaryCoverage => "--secondary-coverage",
            Param::Tx => "--tx",
            Param::Height => "--height",
            Param::Spacing => "--spacing",
            Param::Margin => "--margin",
            Param::Crs => "--crs",
            Param::Units => "--units",
            Param::ScalePoints => "--scale-points",
            Param::Layers => "--layers",
            Param::MaxFileMb => "--max-file-mb",
            Param::MaxEntities => "--max-entities",
            Param::MaxPoints => "--max-points",
            Param::MaxNesting => "--max-nesting",
            Param::Table => "--table",
            Param::Width => "--width",
            Param::Channels => "--channels",
            Param::Fit => "--fit",
            Param::Folds => "--folds",
            Param::WallPriorRows => "--wall-prior-rows",
        })
    }

    fn raise(&self, p: Param) -> Cow<'static, str> {
        match p {
            Param::MaxEntities | Param::MaxPoints | Param::MaxNesting => {
                Cow::Owned(format!("tailplan import {} N", self.param(p)))
            }
            _ => self.param(p),
        }
    }
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure::input(e.message(&Flags))
    }
}
