//! What the side panel's tabs show: the selection's properties, the coverage of the floor on
//! screen and the cabling, each from the state through its panel's own logic.

use std::rc::Rc;

use yew::prelude::*;

use crate::panels::cabling::{CablingView, Tables};
use crate::panels::coverage::CoverageView;
use crate::panels::properties::Subject;
use crate::plan::layers::Layer;
use crate::state::AppState;

/// The side panel's views for one render.
pub struct PanelViews {
    /// The property panel's subject, again only when the project, the floor or the
    /// selection changes.
    pub subject: Rc<Subject>,
    /// The coverage panel's view (`None` without a floor).
    pub coverage: Option<Rc<CoverageView>>,
    /// The cabling panel's view, its tables built once per routing.
    pub cabling: Rc<CablingView>,
    /// The device classes on the plan with their counts (the scenarios panel's rows), again
    /// only when the project changes.
    pub classes: Rc<Vec<(String, usize)>>,
}

/// The side panel's views.
#[hook]
pub fn use_panel_views(state: &UseReducerHandle<AppState>) -> PanelViews {
    let subject = {
        let state = state.clone();
        use_memo(
            (
                (state.doc_key(), state.floor_id.clone()),
                state.selection.clone(),
            ),
            move |(_, selection)| {
                Subject::of(state.project(), state.floor_id.as_deref(), selection)
            },
        )
    };
    let tables = {
        let view = state.cabling.view.clone();
        let currency = state
            .project()
            .map(|p| p.settings.prices.currency.clone())
            .unwrap_or_default();
        use_memo(
            state.cabling.view.as_ref().map(|v| Rc::as_ptr(v) as usize),
            move |_| view.map(|v| Rc::new(Tables::of(&v, &currency))),
        )
    };
    let coverage = state.floor().map(|f| {
        Rc::new(CoverageView::of(
            &state.coverage,
            f,
            state.project(),
            state.layers.shows(Layer::Heatmap),
        ))
    });
    let cabling = Rc::new(CablingView::of(
        &state.cabling,
        (*tables).clone(),
        state.doc_key(),
    ));
    let classes = {
        let state = state.clone();
        use_memo(state.doc_key(), move |_| {
            state
                .project()
                .map(crate::panels::scenarios::classes_of)
                .unwrap_or_default()
        })
    };
    PanelViews {
        subject,
        coverage,
        cabling,
        classes: Rc::new((*classes).clone()),
    }
}
