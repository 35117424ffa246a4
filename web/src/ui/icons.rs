//! The editor's icons: small inline SVGs drawn with `currentColor`, so that they follow the
//! buttons' colours (and need no request).

use yew::prelude::*;

use crate::state::tools::Tool;

fn svg(body: Html) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 18 18" aria-hidden="true" focusable="false">{ body }</svg>
    }
}

/// The icon of a tool.
pub fn tool(t: Tool) -> Html {
    let stroke = |d: &'static str| html! { <path d={d} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/> };
    let fill = |d: &'static str| html! { <path d={d} fill="currentColor"/> };
    svg(match t {
        Tool::Select => fill("M4.2 2.2 14 8.4l-4.3 1.1 2.6 4.9-1.7.9-2.6-4.9L4.9 13.2z"),
        Tool::Pan => stroke(
            "M9 2v14M2 9h14M9 2 7 4m2-2 2 2M9 16l-2-2m2 2 2-2M2 9l2-2M2 9l2 2m12-2-2-2m2 2-2 2",
        ),
        Tool::Wall => html! { <>
            <rect x="2" y="6.5" width="14" height="5" rx="0.6" fill="currentColor" opacity="0.9"/>
            <path d="M5 6.5 3 11.5M9 6.5l-2 5M13 6.5l-2 5" stroke="var(--icon-cut, #fff)" stroke-width="1"/>
        </> },
        Tool::Door => html! { <>
            { stroke("M2 16h14") }
            { stroke("M4 16V5") }
            { stroke("M4 5a11 11 0 0 1 11 11") }
        </> },
        Tool::Window => html! { <>
            <rect x="2" y="6" width="14" height="6" rx="0.5" fill="none" stroke="currentColor" stroke-width="1.5"/>
            { stroke("M2 9h14") }
        </> },
        Tool::Room => html! { <>
            <rect x="2.5" y="2.5" width="13" height="13" rx="1" fill="currentColor" opacity="0.18"/>
            <rect x="2.5" y="2.5" width="13" height="13" rx="1" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 2"/>
        </> },
        Tool::AccessPoint => html! { <>
            <circle cx="9" cy="11" r="3.2" fill="currentColor"/>
            { stroke("M4.5 6.5a6.4 6.4 0 0 1 9 0M2.3 4.2a9.5 9.5 0 0 1 13.4 0") }
        </> },
        Tool::Gateway => fill("M9 2.2 15.8 9 9 15.8 2.2 9z"),
        Tool::Device => fill("M9 2.5 16 15H2z"),
        Tool::Outlet => html! { <>
            <rect x="3" y="3" width="12" height="12" rx="2" fill="none" stroke="currentColor" stroke-width="1.5"/>
            <circle cx="6.8" cy="9" r="1.3" fill="currentColor"/>
            <circle cx="11.2" cy="9" r="1.3" fill="currentColor"/>
        </> },
        Tool::Tray => html! { <>
            <path d="M2 6h14M2 12h14" stroke="currentColor" stroke-width="1.5"/>
            <path d="M2 9h14" stroke="currentColor" stroke-width="1.5" stroke-dasharray="3 2"/>
        </> },
        Tool::Riser => html! { <>
            <circle cx="9" cy="9" r="6" fill="none" stroke="currentColor" stroke-width="1.6"/>
            { stroke("M4.8 4.8l8.4 8.4M13.2 4.8l-8.4 8.4") }
        </> },
        Tool::TelecomRoom => html! { <>
            <rect x="4" y="2" width="10" height="14" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/>
            { stroke("M6.5 5.5h5M6.5 8.5h5M6.5 11.5h5") }
        </> },
        Tool::Route => html! { <>
            { stroke("M3.5 14.5V8.5h11V3.5") }
            <circle cx="3.5" cy="14.5" r="2" fill="currentColor"/>
            <rect x="12.5" y="1.5" width="4" height="4" fill="currentColor"/>
        </> },
        Tool::Measure => html! { <>
            <rect x="1.8" y="6" width="14.4" height="6" rx="1" fill="none" stroke="currentColor" stroke-width="1.4" transform="rotate(-30 9 9)"/>
            { stroke("M5.6 10.4 5 9.4M8 9l-.9-1.6M10.4 7.6l-.6-1M12.8 6.2l-.9-1.6") }
        </> },
    })
}

/// Named icons of the toolbars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// A new document.
    New,
    /// Opening a folder.
    Open,
    /// Saving (a download).
    Save,
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Fit.
    Fit,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Zoom to the selection.
    ZoomSelection,
    /// Help.
    Help,
    /// Delete.
    Delete,
    /// A magnet: snapping.
    Magnet,
    /// The legend.
    Legend,
    /// Routing cables.
    Route,
    /// Exporting files.
    Export,
    /// Coverage: radio waves.
    Signal,
    /// Automatic placement: a sparkle.
    Sparkle,
    /// Accepting.
    Check,
    /// Closing, rejecting.
    Close,
    /// A measure for calibration.
    Ruler,
}

/// A toolbar icon.
pub fn icon(i: Icon) -> Html {
    let stroke = |d: &'static str| html! { <path d={d} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/> };
    svg(match i {
        Icon::New => stroke("M4 2h6l4 4v10H4zM10 2v4h4M9 8.5v5M6.5 11h5"),
        Icon::Open => stroke("M2 5V3.5h5l1.5 1.5H15v2M2 5v10h12l2.5-7.5H5L2 15"),
        Icon::Save => stroke("M9 2v9M5.5 7.5 9 11l3.5-3.5M3 12.5V15h12v-2.5"),
        Icon::Undo => stroke("M5 3 2 6l3 3M2 6h8.5a4.5 4.5 0 0 1 0 9H6"),
        Icon::Redo => stroke("M13 3l3 3-3 3M16 6H7.5a4.5 4.5 0 0 0 0 9H12"),
        Icon::Fit => stroke("M2 6V2h4M12 2h4v4M16 12v4h-4M6 16H2v-4"),
        Icon::ZoomIn => stroke("M3.5 9h11M9 3.5v11"),
        Icon::ZoomOut => stroke("M3.5 9h11"),
        Icon::ZoomSelection => html! { <>
            { stroke("M2 6V2h4M12 2h4v4M16 12v4h-4M6 16H2v-4") }
            <rect x="6" y="6" width="6" height="6" fill="currentColor" opacity="0.8"/>
        </> },
        Icon::Help => html! { <>
            <circle cx="9" cy="9" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/>
            { stroke("M6.8 7a2.3 2.3 0 1 1 3.2 2.1c-.7.3-1 .8-1 1.5v.4") }
            <circle cx="9" cy="13.3" r="0.9" fill="currentColor"/>
        </> },
        Icon::Delete => stroke("M3 5h12M7 5V3h4v2M4.5 5l.8 10.5h7.4L13.5 5M7.5 8v5M10.5 8v5"),
        Icon::Magnet => stroke("M4 3v6a5 5 0 0 0 10 0V3h-3v6a2 2 0 0 1-4 0V3zM4 6h3M11 6h3"),
        Icon::Legend => stroke("M2 4h2M6 4h10M2 9h2M6 9h10M2 14h2M6 14h10"),
        Icon::Route => stroke("M3 15V9.5a2 2 0 0 1 2-2h8a2 2 0 0 0 2-2V3M3 15h2M13 3h4"),
        Icon::Export => stroke("M9 11V2M5.5 5.5 9 2l3.5 3.5M3 10v5h12v-5"),
        Icon::Signal => html! { <>
            { stroke("M5.2 12.8a5.4 5.4 0 0 1 0-7.6M12.8 5.2a5.4 5.4 0 0 1 0 7.6M2.6 15.4a9 9 0 0 1 0-12.8M15.4 2.6a9 9 0 0 1 0 12.8") }
            <circle cx="9" cy="9" r="1.6" fill="currentColor"/>
        </> },
        Icon::Sparkle => stroke(
            "M9 2v4M9 12v4M2 9h4M12 9h4M4.5 4.5l2 2M11.5 11.5l2 2M13.5 4.5l-2 2M6.5 11.5l-2 2",
        ),
        Icon::Check => stroke("M3 9.5 7 13.5 15 4.5"),
        Icon::Close => stroke("M4 4l10 10M14 4 4 14"),
        Icon::Ruler => {
            stroke("M2 12.5 12.5 2l3.5 3.5L5.5 16zM5 9.5l1.5 1.5M7.5 7l2 2M10 4.5l1.5 1.5")
        }
    })
}
