//! The legend panel over the plan's bottom-right corner.

use yew::prelude::*;

use crate::plan::scene::{Legend, LegendItem, Swatch};
use crate::plan::style::SymbolShape;

/// Properties of [`LegendPanel`].
#[derive(Properties, PartialEq)]
pub struct LegendPanelProps {
    /// What to explain.
    pub legend: Legend,
}

/// The key to the plan's colours and symbols, docked at the right of the plan.
#[function_component(LegendPanel)]
pub fn legend_panel(props: &LegendPanelProps) -> Html {
    let section = |title: &str, items: &[LegendItem]| {
        (!items.is_empty()).then(|| {
            html! {
                <section class="legend__section">
                    <h2 class="legend__title">{ title.to_owned() }</h2>
                    <ul class="legend__list">
                        { for items.iter().map(item) }
                    </ul>
                </section>
            }
        })
    };
    let empty = props.legend.is_empty().then(|| {
        html! { <p class="legend__empty">{ "Nothing on the shown layers." }</p> }
    });
    html! {
        <aside class="legend" aria-label="Legend" data-testid="legend">
            <h1 class="legend__heading">{ "Legend" }</h1>
            { for section("Walls", &props.legend.walls) }
            { for section("Pathways", &props.legend.pathways) }
            { for section("Cable routes", &props.legend.routes) }
            { for section("Equipment", &props.legend.equipment) }
            { for empty }
        </aside>
    }
}

fn item(item: &LegendItem) -> Html {
    html! {
        <li class="legend__item">
            <svg class="legend__swatch" viewBox="0 0 24 16" aria-hidden="true">{ swatch(&item.swatch) }</svg>
            <span>{ sentence_case(&item.label) }</span>
        </li>
    }
}

/// The label with its first letter in capitals.
fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn swatch(s: &Swatch) -> Html {
    match s {
        Swatch::Line { color, dashed } => html! {
            <line x1="1" y1="8" x2="23" y2="8" stroke={color.css()} stroke-width="4"
                  stroke-dasharray={dashed.then_some("5 3")} />
        },
        Swatch::Band { band, line } => html! {
            <>
                <line x1="1" y1="8" x2="23" y2="8" stroke={band.css()} stroke-width="7" />
                <line x1="1" y1="8" x2="23" y2="8" stroke={line.css()} stroke-width="1.6" stroke-dasharray="5 3" />
            </>
        },
        Swatch::Area { fill, stroke } => html! {
            <rect x="2" y="3" width="20" height="10" fill={fill.css()} stroke={stroke.css()}
                  stroke-width="1.5" stroke-dasharray="4 2" />
        },
        Swatch::Symbol(kind) => {
            let st = kind.style();
            let r = 5.0 * st.size;
            let (cx, cy) = (12.0, 8.0);
            let fill = st.fill.css();
            let stroke = st.stroke.css();
            let sw = format!("{}", st.stroke_px * 0.8);
            let shape = match st.shape {
                SymbolShape::Circle | SymbolShape::CircleCross => html! {
                    <circle cx={cx.to_string()} cy={cy.to_string()} r={r.to_string()} fill={fill} stroke={stroke.clone()} stroke-width={sw.clone()} />
                },
                SymbolShape::Diamond => {
                    let r = r * 1.15;
                    let pts = format!(
                        "{cx},{} {},{cy} {cx},{} {},{cy}",
                        cy - r,
                        cx + r,
                        cy + r,
                        cx - r
                    );
                    html! { <polygon points={pts} fill={fill} stroke={stroke.clone()} stroke-width={sw.clone()} /> }
                }
                SymbolShape::Triangle => {
                    let r = r * 1.2;
                    let pts = format!(
                        "{cx},{} {},{} {},{}",
                        cy - r,
                        cx + r * 0.866,
                        cy + r * 0.5,
                        cx - r * 0.866,
                        cy + r * 0.5
                    );
                    html! { <polygon points={pts} fill={fill} stroke={stroke.clone()} stroke-width={sw.clone()} /> }
                }
                SymbolShape::Square => html! {
                    <rect x={(cx - r).to_string()} y={(cy - r).to_string()} width={(2.0 * r).to_string()} height={(2.0 * r).to_string()} fill={fill} stroke={stroke.clone()} stroke-width={sw.clone()} />
                },
            };
            let d = r * std::f64::consts::FRAC_1_SQRT_2;
            let cross = (st.shape == SymbolShape::CircleCross).then(|| html! {
                <path d={format!("M{} {}L{} {}M{} {}L{} {}", cx - d, cy - d, cx + d, cy + d, cx - d, cy + d, cx + d, cy - d)} stroke={stroke.clone()} stroke-width={sw.clone()} />
            });
            let dot = st.center_dot.then(|| html! {
                <circle cx={cx.to_string()} cy={cy.to_string()} r={(r * 0.3).max(1.2).to_string()} fill={stroke.clone()} />
            });
            html! { <>{ shape }{ for cross }{ for dot }</> }
        }
    }
}
