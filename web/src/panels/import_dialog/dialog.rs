//! The import dialog of drawings and building models: a preview of the import as it stands
//! (its first floor; zoom with the wheel, drag to move), the layer table, the DXF's units,
//! the two-point scale calibration; a model's storey table, material mapping and what it
//! left out; and Import / Cancel.

use std::rc::Rc;

use tailplan_core::{Point, Project};
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{DialogAction, ImportDialog, UNITS, calibration_overlay};
use crate::browser::canvas;
use crate::plan::display::DisplayList;
use crate::plan::layers::{Layer, Layers};
use crate::plan::raster::{RasterSource, raster_sources};
use crate::plan::scene::FloorScene;
use crate::plan::view::{View, Viewport, WheelUnit, wheel_zoom_factor};
use crate::state::Action;
use crate::ui::hooks::{Scans, use_scans};
use crate::ui::icons::{Icon, icon};

/// Properties of [`ImportDialogView`].
#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    /// The dialog's state.
    pub dialog: Rc<ImportDialog>,
    /// State actions.
    pub on_action: Callback<Action>,
}

/// The import dialog.
#[function_component(ImportDialogView)]
pub fn import_dialog_view(props: &ImportDialogProps) -> Html {
    let d = &props.dialog;
    let on = &props.on_action;
    let on_cancel = on.reform(|_: MouseEvent| Action::ImportDialog(DialogAction::Cancel));
    let on_confirm = on.reform(|_: MouseEvent| Action::ImportDialog(DialogAction::Confirm));
    let blocker = d.blocker();
    let roles = d.role_options();
    let layer_rows = d.layers.iter().map(|l| {
        let layer = l.name.clone();
        let onchange = on.reform(move |e: Event| {
            let role = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            Action::ImportDialog(DialogAction::SetRole {
                layer: layer.clone(),
                role,
            })
        });
        html! {
            <tr class={classes!("table__row", l.hidden.then_some("table__row--muted"))}>
                <td class="table__cell layer-name" title={l.name.clone()}>{ l.name.clone() }</td>
                <td class="table__cell table__cell--num">{ l.entities }</td>
                <td class="table__cell">
                    <select class="select select--panel select--small" aria-label={format!("What layer {} becomes", l.name)} data-testid={format!("layer-role-{}", l.name)} {onchange} disabled={l.hidden}>
                        { for roles.iter().map(|(value, label)| html! {
                            <option value={value.clone()} selected={*value == l.role}>{ label.clone() }</option>
                        }) }
                    </select>
                </td>
                <td class="table__cell layer-why">{ if l.hidden { "hidden: skipped" } else { l.why } }</td>
            </tr>
        }
    });
    let on_units = on.reform(|e: Event| {
        let v = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        Action::ImportDialog(DialogAction::SetUnits((!v.is_empty()).then_some(v)))
    });
    let on_distance = on.reform(|e: InputEvent| {
        let v = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        Action::ImportDialog(DialogAction::SetDistance(v))
    });
    let c = &d.calibration;
    let calibrate_hint = if c.picking && c.a.is_none() {
        "Click the first point on the preview (zoom in with the wheel for precision)"
    } else if c.picking {
        "Click the second point"
    } else if c.b.is_some() {
        "Type the real distance between the two points, then Apply"
    } else {
        "Two points of a known distance (a dimension line, a grid bay) give the scale"
    };
    let scale_section = d.needs_scale().then(|| html! {
        <section class="import__section">
            <h3 class="panel__sub">{ "Scale" }</h3>
            <p class="panel__hint" data-testid="import-scale">{ format!("Scale: {}", d.scale_text()) }</p>
            <div class="calibrate">
                <button type="button" class={classes!("btn", if c.picking { "btn--primary" } else { "btn--quiet" })} data-testid="calibrate-start" onclick={on.reform(|_: MouseEvent| Action::ImportDialog(DialogAction::StartCalibration))}>
                    { icon(Icon::Ruler) }{ if c.a.is_some() || c.b.is_some() { "Pick again" } else { "Pick two points" } }
                </button>
                <label class="calibrate__distance">
                    <input class="prop__input prop__input--num" type="text" inputmode="decimal" placeholder="e.g. 12.5" aria-label="Real distance between the points, metres" data-testid="calibrate-distance" value={c.distance.clone()} oninput={on_distance} disabled={c.b.is_none()} />
                    <span class="prop__unit">{ "m" }</span>
                </label>
                <button type="button" class="btn btn--primary" data-testid="calibrate-apply" disabled={c.b.is_none() || c.distance.trim().is_empty()} onclick={on.reform(|_: MouseEvent| Action::ImportDialog(DialogAction::ApplyScale))}>{ "Apply" }</button>
            </div>
            <p class="panel__hint">{ calibrate_hint }</p>
        </section>
    });
    let units_section = (d.format == "dxf").then(|| html! {
        <label class="prop">
            <span class="prop__label">{ "Units" }</span>
            <span class="prop__value">
                <select class="prop__input" data-testid="import-units" onchange={on_units}>
                    <option value="" selected={d.units.is_none()}>{ format!("From the file ({})", if d.report.units.is_empty() { "guessed" } else { d.report.units.as_str() }) }</option>
                    { for UNITS.iter().map(|u| html! { <option value={*u} selected={d.units.as_deref() == Some(*u)}>{ *u }</option> }) }
                </select>
            </span>
        </label>
    });
    let storey_rows = d.storeys.iter().enumerate().map(|(index, s)| {
        let parts = s.holds().len();
        let onchange = on.reform(move |e: Event| {
            let import = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|i| i.checked());
            Action::ImportDialog(DialogAction::SetStorey { index, import })
        });
        html! {
            <tr class={classes!("table__row", (!s.import).then_some("table__row--muted"))}>
                <td class="table__cell storey-check">
                    <input type="checkbox" class="prop__check" checked={s.import} aria-label={format!("Import storey {}", s.name)} data-testid={format!("storey-{index}")} {onchange} />
                </td>
                <td class="table__cell storey-name" title={s.name.clone()}>{ s.name.clone() }</td>
                <td class="table__cell table__cell--num">{ s.elevation_text() }</td>
                <td class="table__cell storey-holds">
                    // Lines break after a separator, never inside a kind's count.
                    { for s.holds().into_iter().enumerate().map(|(i, part)| html! {
                        <>{ if i > 0 { " " } else { "" } }<span class="storey-holds__part">{ if i + 1 < parts { format!("{part} ·") } else { part } }</span></>
                    }) }
                </td>
                <td class="table__cell storey-floor" data-floor={s.floor.clone().unwrap_or_default()} title={s.floor.as_ref().map(|f| format!("Floor id: {f}"))}>{ s.floor_text() }</td>
            </tr>
        }
    });
    let material_rows = d.material_rows().into_iter().map(|m| {
        html! {
            <tr class={classes!("table__row", (!m.mapped).then_some("table__row--muted"))}>
                <td class="table__cell material-name" title={m.name.clone()}>{ m.name }</td>
                <td class="table__cell">{ m.material }</td>
                <td class="table__cell table__cell--num">{ m.elements }</td>
            </tr>
        }
    });
    let skipped = d.skipped_rows().into_iter().map(|k| {
        html! {
            <li class="skipped__item">
                <span class="skipped__count">{ k.count }</span>
                <span class="skipped__kind">{ k.kind }</span>
                <span class="skipped__why">{ k.why }</span>
            </li>
        }
    });
    let model_sections = d.is_model().then(|| html! {
        <>
            <section class="import__section">
                <h3 class="panel__sub">{ format!("Storeys ({})", d.storeys.len()) }</h3>
                <div class="table-wrap table-wrap--layers">
                    <table class="table table--storeys" data-testid="import-storeys">
                        <thead><tr>
                            <th class="table__head" title="Import">{ "Import" }</th>
                            <th class="table__head">{ "Storey" }</th>
                            <th class="table__head table__head--num">{ "Level" }</th>
                            <th class="table__head" title="What the model has on the storey">{ "Holds" }</th>
                            <th class="table__head" title="The floor it becomes">{ "Floor" }</th>
                        </tr></thead>
                        <tbody>{ for storey_rows }</tbody>
                    </table>
                </div>
            </section>
            if !d.report.materials.is_empty() {
                <section class="import__section">
                    <h3 class="panel__sub">{ format!("Materials ({})", d.report.materials.len()) }</h3>
                    <div class="table-wrap table-wrap--layers">
                        <table class="table" data-testid="import-materials">
                            <thead><tr>
                                <th class="table__head">{ "In the model" }</th>
                                <th class="table__head">{ "Becomes" }</th>
                                <th class="table__head table__head--num">{ "Elements" }</th>
                            </tr></thead>
                            <tbody>{ for material_rows }</tbody>
                        </table>
                    </div>
                </section>
            }
            if !d.report.skipped.is_empty() {
                <section class="import__section">
                    <h3 class="panel__sub">{ "Left out" }</h3>
                    <ul class="skipped" data-testid="import-skipped">{ for skipped }</ul>
                </section>
            }
        </>
    });
    let warnings = d
        .report
        .diagnostics
        .iter()
        .take(4)
        .map(|w| html! { <li>{ w.to_string() }</li> });
    html! {
        <div class="modal" data-testid="import-dialog">
            <div class="modal__backdrop"></div>
            <div class="modal__dialog modal__dialog--wide import" role="dialog" aria-modal="true" aria-labelledby="import-title">
                <header class="modal__header">
                    <h2 id="import-title" class="modal__heading">{ format!("Import “{}”", d.name) }</h2>
                    <button type="button" class="btn btn--quiet modal__close" aria-label="Cancel the import" onclick={on_cancel.clone()}>{ "×" }</button>
                </header>
                <div class={classes!("import__body", d.is_model().then_some("import__body--model"))}>
                    <div class="import__preview">
                        <PreviewCanvas project={d.preview.clone()} dialog={d.clone()} on_action={on.clone()} />
                        <p class="panel__hint" data-testid="import-counts">
                            { d.counts_text() }
                            if d.job.is_some() { <span class="panel__busy">{ " · updating…" }</span> }
                        </p>
                    </div>
                    <div class="import__side">
                        <p class="panel__hint">{ d.heading_text() }</p>
                        { for model_sections }
                        { for units_section }
                        { for scale_section }
                        if d.has_layers() {
                            <section class="import__section">
                                <h3 class="panel__sub">{ format!("Layers ({})", d.layers.len()) }</h3>
                                <div class="table-wrap table-wrap--layers">
                                    <table class="table" data-testid="import-layers">
                                        <thead><tr>
                                            <th class="table__head">{ "Layer" }</th>
                                            <th class="table__head table__head--num">{ "Items" }</th>
                                            <th class="table__head">{ "Becomes" }</th>
                                            <th class="table__head">{ "Why" }</th>
                                        </tr></thead>
                                        <tbody>{ for layer_rows }</tbody>
                                    </table>
                                </div>
                            </section>
                        }
                        if !d.report.diagnostics.is_empty() {
                            <ul class="import__warnings">{ for warnings }</ul>
                        }
                        if let Some(e) = &d.error {
                            <p class="prop__error" data-testid="import-error">{ e.clone() }</p>
                        }
                    </div>
                </div>
                <footer class="modal__actions">
                    if let Some(b) = &blocker {
                        <span class="import__blocker" data-testid="import-blocker">{ b.clone() }</span>
                    }
                    <button type="button" class="btn btn--quiet" data-testid="import-cancel" onclick={on_cancel}>{ "Cancel" }</button>
                    <button type="button" class="btn btn--primary" data-testid="import-confirm" disabled={blocker.is_some()} onclick={on_confirm}>{ "Import" }</button>
                </footer>
            </div>
        </div>
    }
}

/// Properties of [`PreviewCanvas`].
#[derive(Properties, PartialEq)]
struct PreviewProps {
    project: Rc<Project>,
    dialog: Rc<ImportDialog>,
    on_action: Callback<Action>,
}

/// The preview: the first floor of the import, fitted to it; the wheel zooms, a drag moves it;
/// while calibrating a click picks a point.
#[function_component(PreviewCanvas)]
fn preview_canvas(props: &PreviewProps) -> Html {
    let canvas_ref = use_node_ref();
    let view = use_state(|| None::<View>);
    let pointer = use_state(|| None::<Point>);
    let press = use_mut_ref(|| None::<(f64, f64, bool)>);
    let scene = {
        let project = props.project.clone();
        use_memo(Rc::as_ptr(&props.project) as usize, move |_| {
            project
                .floors
                .first()
                .map(|f| Rc::new(FloorScene::new(&project, f)))
        })
    };
    let rasters: Rc<Vec<RasterSource>> = {
        let project = props.project.clone();
        use_memo(Rc::as_ptr(&props.project) as usize, move |_| {
            project
                .floors
                .first()
                .map(raster_sources)
                .unwrap_or_default()
        })
    };
    // A new import (a new scale) fits again.
    {
        let view = view.clone();
        use_effect_with(Rc::as_ptr(&props.project) as usize, move |_| view.set(None));
    }
    // A scan that cannot be decoded is left out of the preview.
    let Scans { images, loaded } = use_scans(&rasters, Callback::noop());
    let viewport = |c: &HtmlCanvasElement| {
        let r = c.get_bounding_client_rect();
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        Viewport::new(r.width(), r.height(), dpr)
    };
    // Draw.
    {
        let canvas_ref = canvas_ref.clone();
        let view_state = view.clone();
        let images = images.clone();
        let project = props.project.clone();
        let scene = scene.clone();
        let deps = (
            Rc::as_ptr(&scene) as usize,
            *view,
            *pointer,
            props.dialog.calibration.clone(),
            loaded,
        );
        use_effect_with(deps, move |(_, view, pointer, calibration, _)| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let vp = viewport(&canvas);
            if vp.is_empty() {
                return;
            }
            let v = match view {
                Some(v) => *v,
                None => {
                    let fitted = project
                        .floors
                        .first()
                        .and_then(crate::worker::host::floor_extent)
                        .map(|b| View::fit(b, vp, 24.0))
                        .unwrap_or_default();
                    view_state.set(Some(fitted));
                    fitted
                }
            };
            let mut list = match scene.as_ref() {
                Some(s) => s.frame(&v, vp, Layers::all().with(Layer::Heatmap, false)),
                None => DisplayList::default(),
            };
            let m_per_unit = project.imports.last().and_then(|r| r.m_per_unit);
            let unit = if project.imports.last().is_some_and(|r| r.format == "svg") {
                "units"
            } else {
                "px"
            };
            list.ops
                .extend(calibration_overlay(calibration, &v, *pointer, m_per_unit, unit).ops);
            let _ = canvas::render_with(&canvas, &list, vp, &images.borrow());
        });
    }
    let world_at = {
        let view = view.clone();
        move |e: &MouseEvent| {
            view.map(|v| v.to_world(f64::from(e.offset_x()), f64::from(e.offset_y())))
        }
    };
    let on_down = {
        let press = press.clone();
        Callback::from(move |e: PointerEvent| {
            *press.borrow_mut() = Some((f64::from(e.offset_x()), f64::from(e.offset_y()), false));
        })
    };
    let on_move = {
        let press = press.clone();
        let view = view.clone();
        let pointer = pointer.clone();
        let world_at = world_at.clone();
        let picking = props.dialog.calibration.picking;
        Callback::from(move |e: PointerEvent| {
            let (x, y) = (f64::from(e.offset_x()), f64::from(e.offset_y()));
            let mut p = press.borrow_mut();
            if let Some((px, py, moved)) = p.as_mut()
                && e.buttons() == 1
            {
                if *moved || (x - *px).hypot(y - *py) > 4.0 {
                    *moved = true;
                    if let Some(v) = *view {
                        view.set(Some(v.pan(x - *px, y - *py)));
                    }
                    *px = x;
                    *py = y;
                }
                return;
            }
            if picking {
                pointer.set(world_at(&e));
            }
        })
    };
    let on_up = {
        let press = press.clone();
        let on_action = props.on_action.clone();
        let picking = props.dialog.calibration.picking;
        Callback::from(move |e: PointerEvent| {
            let was = press.borrow_mut().take();
            if let Some((_, _, false)) = was
                && picking
                && let Some(p) = world_at(&e)
            {
                on_action.emit(Action::ImportDialog(DialogAction::Pick(p)));
            }
        })
    };
    let on_wheel = {
        let view = view.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let unit = WheelUnit::from_delta_mode(e.delta_mode());
            let factor = wheel_zoom_factor(e.delta_y(), unit, 500.0);
            if let Some(v) = *view {
                view.set(Some(v.zoom_about(
                    f64::from(e.offset_x()),
                    f64::from(e.offset_y()),
                    factor,
                )));
            }
        })
    };
    let picking = props.dialog.calibration.picking;
    html! {
        <canvas
            ref={canvas_ref}
            class={classes!("import__canvas", picking.then_some("import__canvas--picking"))}
            data-testid="import-preview"
            data-view={view.map(|v| format!("{} {} {}", v.scale, v.origin_x, v.origin_y)).unwrap_or_default()}
            data-m-per-unit={props.project.imports.last().and_then(|r| r.m_per_unit).map(|s| s.to_string()).unwrap_or_default()}
            aria-label="Preview of the import"
            onpointerdown={on_down}
            onpointermove={on_move}
            onpointerup={on_up}
            onwheel={on_wheel}
        />
    }
}
