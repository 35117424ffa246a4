//! The bars over the plan: the dark application bar (file, history, samples, help) and the
//! view bar (floor, zoom, layers, snapping, legend).

use tailplan_app::{CsvTable, Export, SheetDate};
use tailplan_io::sheet::SheetKind;
use wasm_bindgen::JsCast;
use web_sys::Node;
use yew::prelude::*;

use super::icons::{Icon, icon};
use crate::browser::events::select_value;
use crate::plan::layers::{Layer, Layers};
use crate::plan::snap::{SnapToggle, Snapping};
use crate::state::input::{Command, ZOOM_STEP};
use crate::state::{Action, SAMPLES, Sample};

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The project's name, when one is open.
    pub title: Option<AttrValue>,
    /// The project has changes no file holds.
    pub unsaved: bool,
    /// There is an edit to undo.
    pub can_undo: bool,
    /// There is an edit to redo.
    pub can_redo: bool,
    /// What is being opened, if anything.
    pub loading: Option<AttrValue>,
    /// State actions.
    pub on_action: Callback<Action>,
    /// Opens a sample.
    pub on_open_sample: Callback<&'static Sample>,
    /// Opens the file dialog.
    pub on_open_file: Callback<()>,
    /// Saves the project as a file.
    pub on_save: Callback<()>,
    /// Routes every cable.
    pub on_route: Callback<()>,
    /// Routing now.
    pub routing: bool,
    /// Makes a file to download.
    pub on_export: Callback<ExportChoice>,
    /// Exports in progress.
    pub exporting: bool,
}

/// What the Export menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportChoice {
    /// The floor on screen's cabling sheet.
    CablingSheet,
    /// The floor on screen's coverage sheet.
    CoverageSheet,
    /// Every floor's sheets and the index, zipped.
    AllSheets,
    /// The floor on screen's cabling sheet and its continuation sheets, one PDF.
    CablingSheetPdf,
    /// Every sheet of the set, the index first, one PDF.
    AllSheetsPdf,
    /// The building on screen's riser diagram and rack maps, zipped.
    RiserSheets,
    /// The cable schedule, CSV.
    Schedule,
    /// The bill of materials, CSV.
    Bom,
    /// The design-rule findings, CSV.
    Findings,
    /// The final-tail choice, CSV.
    FinalTail,
    /// The project as GeoJSON.
    GeoJson,
    /// The floor on screen's design as DXF.
    Dxf,
}

impl ExportChoice {
    /// What the worker makes for this choice: `floor`'s sheets or design, dated `date`, or
    /// the project's tables and GeoJSON.
    pub fn export(self, floor: String, date: SheetDate) -> Export {
        match self {
            ExportChoice::CablingSheet => Export::FloorSheets {
                floor,
                sheet: SheetKind::Cabling,
                date,
            },
            ExportChoice::CoverageSheet => Export::FloorSheets {
                floor,
                sheet: SheetKind::Coverage,
                date,
            },
            ExportChoice::AllSheets => Export::AllSheets { date },
            ExportChoice::CablingSheetPdf => Export::FloorSheetsPdf {
                floor,
                sheet: SheetKind::Cabling,
                date,
            },
            ExportChoice::AllSheetsPdf => Export::AllSheetsPdf { date },
            ExportChoice::RiserSheets => Export::FloorSheets {
                floor,
                sheet: SheetKind::Riser,
                date,
            },
            ExportChoice::Schedule => Export::Csv {
                table: CsvTable::Schedule,
            },
            ExportChoice::Bom => Export::Csv {
                table: CsvTable::BillOfMaterials,
            },
            ExportChoice::Findings => Export::Csv {
                table: CsvTable::Findings,
            },
            ExportChoice::FinalTail => Export::Csv {
                table: CsvTable::FinalTail,
            },
            ExportChoice::GeoJson => Export::GeoJson,
            ExportChoice::Dxf => Export::Dxf { floor, date },
        }
    }

    /// Every choice, in menu order, with its test id and caption.
    pub const ALL: [(ExportChoice, &'static str, &'static str); 12] = [
        (
            ExportChoice::CablingSheet,
            "export-sheet-cabling",
            "Cabling sheet · this floor (SVG)",
        ),
        (
            ExportChoice::CoverageSheet,
            "export-sheet-coverage",
            "Coverage sheet · this floor (SVG)",
        ),
        (
            ExportChoice::RiserSheets,
            "export-sheets-riser",
            "Riser diagram and rack maps · this building (zip)",
        ),
        (
            ExportChoice::AllSheets,
            "export-sheets-all",
            "Every sheet and the index (zip)",
        ),
        (
            ExportChoice::CablingSheetPdf,
            "export-pdf-cabling",
            "Cabling sheet · this floor (PDF)",
        ),
        (
            ExportChoice::AllSheetsPdf,
            "export-pdf-all",
            "Sheets (PDF) · every sheet and the index, to print",
        ),
        (ExportChoice::Dxf, "export-dxf", "DXF · this floor's design"),
        (
            ExportChoice::Schedule,
            "export-schedule",
            "Cable schedule (CSV)",
        ),
        (ExportChoice::Bom, "export-bom", "Bill of materials (CSV)"),
        (
            ExportChoice::Findings,
            "export-findings",
            "Design-rule findings (CSV)",
        ),
        (
            ExportChoice::FinalTail,
            "export-final-tail",
            "Final-tail choice (CSV)",
        ),
        (
            ExportChoice::GeoJson,
            "export-geojson",
            "GeoJSON (QGIS, scripts)",
        ),
    ];
}

fn button(
    test_id: &'static str,
    label: &'static str,
    title: String,
    i: Icon,
    disabled: bool,
    onclick: Callback<MouseEvent>,
    show_label: bool,
) -> Html {
    html! {
        <button
            type="button"
            class={classes!("btn", (!show_label).then_some("btn--icon"))}
            data-testid={test_id}
            title={title}
            aria-label={label}
            {disabled}
            {onclick}
        >
            { icon(i) }
            if show_label { <span class="btn__label">{ label }</span> }
        </button>
    }
}

/// The dark bar at the top of the editor.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let has_doc = props.title.is_some();
    let on_new = props.on_action.reform(|_: MouseEvent| Action::NewProject);
    let on_open = props.on_open_file.reform(|_: MouseEvent| ());
    let on_save = props.on_save.reform(|_: MouseEvent| ());
    let on_undo = props
        .on_action
        .reform(|_: MouseEvent| Action::Command(Command::Undo));
    let on_redo = props
        .on_action
        .reform(|_: MouseEvent| Action::Command(Command::Redo));
    let on_help = props
        .on_action
        .reform(|_: MouseEvent| Action::Command(Command::Help));
    let title = props
        .title
        .clone()
        .unwrap_or_else(|| AttrValue::from("No project"));
    html! {
        <header class="toolbar">
            <div class="brand" title="tailplan – the final tail of the network">
                <svg class="brand__glyph" viewBox="0 0 32 32" aria-hidden="true">
                    <rect x="3" y="3" width="26" height="26" rx="5" fill="none" stroke="currentColor" stroke-width="2.2"/>
                    <path d="M3 16h11v13M14 16V3" fill="none" stroke="currentColor" stroke-width="2.2"/>
                    <circle cx="22.5" cy="9.5" r="3" fill="#60a5fa"/>
                    <circle cx="22.5" cy="22.5" r="3" fill="#f97316"/>
                    <path d="M22.5 12.5v7" stroke="#cbd5e1" stroke-width="1.6" stroke-dasharray="2 1.6"/>
                </svg>
                <span class="brand__name">{ "tailplan" }</span>
            </div>
            <div class="toolbar__group" role="group" aria-label="File">
                { button("file-new", "New", "New empty project".into(), Icon::New, false, on_new, true) }
                { button("file-open", "Open", "Open a project or import a floor plan (Ctrl+O) – or drop a file on the plan".into(), Icon::Open, false, on_open, true) }
                { button("file-save", "Save", "Save the project as a file (Ctrl+S)".into(), Icon::Save, !has_doc, on_save, true) }
            </div>
            <div class="toolbar__project" data-testid="project-name" title={format!("{title}{}", if props.unsaved { " – changes not yet saved to a file" } else { "" })}>
                { title.clone() }
            </div>
            if props.unsaved {
                <span class="toolbar__unsaved" data-testid="unsaved" title="Changes not yet saved to a file (they are kept in this browser)" aria-label="Unsaved changes">{ "●" }</span>
            }
            <div class="toolbar__group" role="group" aria-label="History">
                { button("undo", "Undo", "Undo (Ctrl+Z)".into(), Icon::Undo, !props.can_undo, on_undo, false) }
                { button("redo", "Redo", "Redo (Ctrl+Shift+Z)".into(), Icon::Redo, !props.can_redo, on_redo, false) }
            </div>
            <div class="toolbar__group" role="group" aria-label="Design">
                <button type="button" class="btn" data-testid="toolbar-route-all" title="Route every cable to a telecom room along the trays (one undo step)" aria-label="Route all" disabled={!has_doc || props.routing} onclick={props.on_route.reform(|_: MouseEvent| ())}>
                    { icon(Icon::Route) }<span class="btn__label">{ if props.routing { "Routing…" } else { "Route all" } }</span>
                </button>
                <ExportMenu enabled={has_doc} busy={props.exporting} on_export={props.on_export.clone()} />
            </div>
            <div class="toolbar__spacer"></div>
            <SampleMenu loading={props.loading.clone()} on_open={props.on_open_sample.clone()} />
            <button type="button" class="btn btn--icon btn--help" data-testid="help-button" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onclick={on_help}>
                { icon(Icon::Help) }
            </button>
        </header>
    }
}

/// Properties of [`ViewBar`].
#[derive(Properties, PartialEq)]
pub struct ViewBarProps {
    /// The floors of the building on screen: (id, name).
    pub floors: Vec<(AttrValue, AttrValue)>,
    /// The buildings of a campus, each by its first floor: (floor id, name); empty for one
    /// building.
    pub buildings: Vec<(AttrValue, AttrValue)>,
    /// The first floor of the building on screen.
    pub building_id: Option<AttrValue>,
    /// The floor on screen.
    pub floor_id: Option<AttrValue>,
    /// Which layers are shown.
    pub layers: Layers,
    /// Which snaps are on.
    pub snapping: Snapping,
    /// Something is selected.
    pub has_selection: bool,
    /// The legend is shown.
    pub legend_open: bool,
    /// State actions.
    pub on_action: Callback<Action>,
}

/// The light bar over the plan: floor, zoom, layers, snapping, legend.
#[function_component(ViewBar)]
pub fn view_bar(props: &ViewBarProps) -> Html {
    let has_floor = props.floor_id.is_some();
    let on_floor = props.on_action.reform(|e: Event| {
        let value = select_value(&e);
        Action::SelectFloor(value)
    });
    let building_options = props.buildings.iter().map(|(id, name)| {
        let selected = props.building_id.as_ref() == Some(id);
        html! { <option value={id.clone()} selected={selected}>{ name.clone() }</option> }
    });
    let building_picker = (!props.buildings.is_empty()).then(|| {
        html! {
            <label class="field">
                <span class="field__label">{ "Building" }</span>
                <select class="select" data-testid="building-select" aria-label="Building" onchange={on_floor.clone()}>
                    { for building_options }
                </select>
            </label>
        }
    });
    let floor_options = props.floors.iter().map(|(id, name)| {
        let selected = props.floor_id.as_ref() == Some(id);
        html! { <option value={id.clone()} selected={selected}>{ name.clone() }</option> }
    });
    let on_fit = props.on_action.reform(|_: MouseEvent| Action::Fit);
    let on_zoom_in = props
        .on_action
        .reform(|_: MouseEvent| Action::ZoomCenter(ZOOM_STEP));
    let on_zoom_out = props
        .on_action
        .reform(|_: MouseEvent| Action::ZoomCenter(1.0 / ZOOM_STEP));
    let on_zoom_sel = props
        .on_action
        .reform(|_: MouseEvent| Action::Command(Command::ZoomToSelection));

    let toggles = Layer::ALL.iter().map(|&layer| {
        let shown = props.layers.shows(layer);
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::ToggleLayer(layer));
        html! {
            <button
                type="button"
                class={classes!("toggle", format!("toggle--{}", layer.name()))}
                aria-pressed={if shown { "true" } else { "false" }}
                title={format!("{} – click to {}", layer.description(), if shown { "hide" } else { "show" })}
                data-testid={format!("layer-{}", layer.name())}
                {onclick}
            >
                <span class="toggle__swatch" aria-hidden="true"></span>
                <span class="toggle__label">{ layer.label() }</span>
            </button>
        }
    });
    let snaps = SnapToggle::ALL.iter().map(|&t| {
        let on = props.snapping.is_on(t);
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::ToggleSnap(t));
        html! {
            <button
                type="button"
                class="toggle toggle--snap"
                aria-pressed={if on { "true" } else { "false" }}
                title={format!("{} – click to turn {} (Alt while drawing: no snapping)", t.description(), if on { "off" } else { "on" })}
                data-testid={format!("snap-{}", t.name())}
                {onclick}
            >
                <span class="toggle__swatch" aria-hidden="true"></span>
                <span class="toggle__label">{ t.label() }</span>
            </button>
        }
    });

    html! {
        <div class="viewbar" role="toolbar" aria-label="View" data-testid="view-bar">
            { for building_picker }
            <label class="field">
                <span class="field__label">{ "Floor" }</span>
                <select class="select" data-testid="floor-select" aria-label="Floor" disabled={props.floors.is_empty()} onchange={on_floor}>
                    { for floor_options }
                </select>
            </label>
            <div class="viewbar__group" role="group" aria-label="Zoom">
                { button("fit-button", "Fit", "Fit the floor to the window (F)".into(), Icon::Fit, !has_floor, on_fit, true) }
                { button("zoom-out", "Zoom out", "Zoom out (−)".into(), Icon::ZoomOut, !has_floor, on_zoom_out, false) }
                { button("zoom-in", "Zoom in", "Zoom in (+)".into(), Icon::ZoomIn, !has_floor, on_zoom_in, false) }
                { button("zoom-selection", "Zoom to selection", "Zoom to the selection (Z)".into(), Icon::ZoomSelection, !props.has_selection, on_zoom_sel, false) }
            </div>
            <div class="viewbar__group viewbar__layers" role="group" aria-label="Layers">
                <span class="viewbar__caption">{ "Layers" }</span>
                { for toggles }
            </div>
            <div class="viewbar__group" role="group" aria-label="Snapping">
                <span class="viewbar__caption" title="Snapping">{ icon(Icon::Magnet) }{ "Snap" }</span>
                { for snaps }
            </div>
            <div class="viewbar__spacer"></div>
            <button
                type="button"
                class="toggle toggle--legend"
                aria-pressed={if props.legend_open { "true" } else { "false" }}
                title={if props.legend_open { "Hide the legend" } else { "Show the legend" }}
                data-testid="legend-toggle"
                onclick={props.on_action.reform(|_: MouseEvent| Action::ToggleLegend)}
            >
                { icon(Icon::Legend) }
                <span class="toggle__label">{ "Legend" }</span>
            </button>
        </div>
    }
}

/// Properties of [`SampleMenu`].
#[derive(Properties, PartialEq)]
struct SampleMenuProps {
    /// What is being opened, if anything.
    loading: Option<AttrValue>,
    /// Opens a sample.
    on_open: Callback<&'static Sample>,
}

/// A drop-down menu's state and handlers: open or not, toggled by its button, closed by
/// Escape and when the focus leaves it.
struct Menu {
    open: UseStateHandle<bool>,
    container: NodeRef,
    on_toggle: Callback<MouseEvent>,
    on_key: Callback<KeyboardEvent>,
    on_focus_out: Callback<FocusEvent>,
}

#[hook]
fn use_menu() -> Menu {
    let open = use_state(|| false);
    let container = use_node_ref();
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                e.stop_propagation();
                open.set(false);
            }
        })
    };
    let on_focus_out = {
        let open = open.clone();
        let container = container.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<Node>().ok())
                .zip(container.get())
                .is_some_and(|(target, c)| c.contains(Some(&target)));
            if !inside {
                open.set(false);
            }
        })
    };
    Menu {
        open,
        container,
        on_toggle,
        on_key,
        on_focus_out,
    }
}

/// The "Open sample" menu button.
#[function_component(SampleMenu)]
fn sample_menu(props: &SampleMenuProps) -> Html {
    let Menu {
        open,
        container,
        on_toggle,
        on_key,
        on_focus_out,
    } = use_menu();

    let items = SAMPLES.iter().map(|sample| {
        let onclick = {
            let open = open.clone();
            let on_open = props.on_open.clone();
            Callback::from(move |_: MouseEvent| {
                open.set(false);
                on_open.emit(sample);
            })
        };
        html! {
            <li role="none">
                <button type="button" role="menuitem" class="menu__item" data-testid={format!("sample-{}", sample.key)} {onclick}>
                    <span class="menu__label">{ sample.label }</span>
                    <span class="menu__file">{ sample.file }</span>
                </button>
            </li>
        }
    });

    let busy = props.loading.is_some();
    html! {
        <div class="menu" ref={container} onkeydown={on_key} onfocusout={on_focus_out}>
            <button
                type="button"
                class="btn btn--primary"
                data-testid="sample-menu"
                aria-haspopup="menu"
                aria-expanded={if *open { "true" } else { "false" }}
                aria-busy={if busy { "true" } else { "false" }}
                title="Open one of the sample buildings"
                onclick={on_toggle}
            >
                { if busy { "Opening…" } else { "Open sample" } }
                <svg class="btn__caret" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
            </button>
            if *open {
                <ul class="menu__list" role="menu" aria-label="Sample projects">
                    { for items }
                </ul>
            }
        </div>
    }
}

/// Properties of [`ExportMenu`].
#[derive(Properties, PartialEq)]
struct ExportMenuProps {
    /// A project is open.
    enabled: bool,
    /// An export is being made.
    busy: bool,
    /// Makes a file.
    on_export: Callback<ExportChoice>,
}

/// The Export menu button.
#[function_component(ExportMenu)]
fn export_menu(props: &ExportMenuProps) -> Html {
    let Menu {
        open,
        container,
        on_toggle,
        on_key,
        on_focus_out,
    } = use_menu();
    let items = ExportChoice::ALL.iter().enumerate().map(|(i, &(choice, id, label))| {
        let onclick = {
            let open = open.clone();
            let on_export = props.on_export.clone();
            Callback::from(move |_: MouseEvent| {
                open.set(false);
                on_export.emit(choice);
            })
        };
        let sep = matches!(i, 4 | 8).then(|| html! { <li role="separator" class="menu__sep"></li> });
        html! {
            <>
                { for sep }
                <li role="none">
                    <button type="button" role="menuitem" class="menu__item" data-testid={id} {onclick}>
                        <span class="menu__label">{ label }</span>
                    </button>
                </li>
            </>
        }
    });
    html! {
        <div class="menu" ref={container} onkeydown={on_key} onfocusout={on_focus_out}>
            <button
                type="button"
                class="btn"
                data-testid="export-menu"
                aria-haspopup="menu"
                aria-expanded={if *open { "true" } else { "false" }}
                aria-busy={if props.busy { "true" } else { "false" }}
                aria-label="Export"
                title="Export design sheets, tables, GeoJSON or DXF"
                disabled={!props.enabled}
                onclick={on_toggle}
            >
                { icon(Icon::Export) }<span class="btn__label">{ if props.busy { "Exporting…" } else { "Export" } }</span>
                <svg class="btn__caret" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
            </button>
            if *open {
                <ul class="menu__list menu__list--left" role="menu" aria-label="Export">
                    { for items }
                </ul>
            }
        </div>
    }
}
