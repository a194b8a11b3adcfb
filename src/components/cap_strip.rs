//! The cap strip under the header: the 文种 selector and, for the chosen profile, one bar per limit
//! with value / limit, state colour, what to cut, and the rule that sets the cap.

use jianwen_engine::caps::{CapReport, CapSettings, CapState, LimitReport, Unit};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CapStripProps {
    pub caps: CapSettings,
    pub chosen: Option<AttrValue>,
    /// The profile was taken from the title's 文种, not chosen: say so, so the drafter knows
    /// why a cap shows and that the selector changes it.
    #[prop_or_default]
    pub automatic: bool,
    pub report: Option<Rc<CapReport>>,
    /// A profile id, or `None` for no cap.
    pub on_choose: Callback<Option<String>>,
}

#[component]
pub fn CapStrip(props: &CapStripProps) -> Html {
    let onchange = props.on_choose.reform(|e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        (!value.is_empty()).then_some(value)
    });
    // Profiles grouped by their source, in the order the data lists them.
    let mut groups: Vec<(&str, Vec<(&str, &str)>)> = Vec::new();
    for profile in props.caps.profiles() {
        let group = if profile.is_custom() {
            "自定义"
        } else {
            profile.group()
        };
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, items)) => items.push((profile.id(), profile.name())),
            None => groups.push((group, vec![(profile.id(), profile.name())])),
        }
    }
    let chosen = props.chosen.as_deref().unwrap_or("");
    html! {
        <div class="cap-strip">
            <label class="cap-select">
                <span>{"文种："}</span>
                <select data-testid="cap-profile" {onchange} aria-label="文种（篇幅上限）">
                    <option value="" selected={chosen.is_empty()}>{"不限篇幅"}</option>
                    { for groups.iter().map(|(group, items)| html! {
                        <optgroup label={group.to_string()}>
                            { for items.iter().map(|(id, name)| html! {
                                <option value={id.to_string()} selected={*id == chosen}>{ name.to_string() }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </label>
            if props.automatic {
                <span class="cap-auto" data-testid="cap-auto">{"（按标题中的文种自动选择，可改选）"}</span>
            }
            if let Some(report) = &props.report {
                <div class="cap-limits">
                    { for report.limits.iter().map(limit_bar) }
                </div>
                <p class="cap-source" title={report.citation.clone()}>{ format!("依据：{}", report.citation) }</p>
            }
        </div>
    }
}

fn limit_bar(limit: &LimitReport) -> Html {
    let state = limit.state.as_str();
    let percent = if limit.limit == 0 {
        100.0
    } else {
        (limit.value / f64::from(limit.limit) * 100.0).min(100.0)
    };
    let value_text = match limit.unit {
        Unit::Minute => format!("{:.1}", limit.value),
        _ => format!("{}", limit.value.round() as u64),
    };
    let label = match limit.unit {
        Unit::Zi => "字数",
        Unit::Page => "页数",
        Unit::Minute => "发言",
    };
    html! {
        <div class={classes!("cap", format!("cap-{state}"))} data-testid="cap" data-state={state}
             data-value={value_text.clone()} data-limit={limit.limit.to_string()} data-unit={limit.unit.as_str()}
             title={limit.message.clone()}>
            <span class="cap-label">{ format!("{label} {value_text} / {}", limit.limit_text()) }</span>
            // A native meter: no inline style, which the page's CSP forbids.
            <meter class="cap-bar" min="0" max="100" value={format!("{percent:.1}")} aria-label={format!("{label}占上限的比例")} />
            <span class="cap-message">{ state_word(limit.state) }{ limit.message.clone() }</span>
        </div>
    }
}

fn state_word(state: CapState) -> &'static str {
    match state {
        CapState::Ok => "",
        CapState::Near => "接近上限：",
        CapState::Over => "超出上限：",
    }
}
