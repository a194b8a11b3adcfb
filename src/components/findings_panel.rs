//! 发现: the findings beside the editor, grouped by category with counts — 穿靴戴帽 and 套话 from
//! the phrase rules, then 格式 from the format checks. Clicking a finding selects its text in the
//! editor; each can be ignored, its rule switched off, and a format finding fixed.

use jianwen_engine::format::{Fix, FormatFinding};
use jianwen_engine::phrases::{Category, Highlight};
use jianwen_engine::Analysis;
use std::ops::Range;
use crate::excerpt::excerpt;
use std::rc::Rc;
use yew::prelude::*;

/// What the user asked for from the list.
#[derive(Clone, Debug, PartialEq)]
pub enum FindingAction {
    /// Select this byte span of the analysed text in the editor.
    Select(Range<usize>),
    /// Hide this finding (rule, matched text) for good.
    Ignore { rule: String, text: String },
    /// Switch off a phrase rule.
    DisableRule(String),
    /// Switch off a format rule for this draft.
    DisableFormatRule(String),
    /// Apply one safe fix.
    Fix(Fix),
    /// Apply every safe fix of a format rule.
    FixAll(String),
}

#[derive(Properties, PartialEq)]
pub struct FindingsPanelProps {
    pub analysis: Rc<Analysis>,
    /// The text the analysis describes.
    pub text: Rc<str>,
    pub on_action: Callback<FindingAction>,
}

/// Longest excerpt shown for a finding.
const EXCERPT_CHARS: usize = 24;

#[component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    let phrases = &props.analysis.phrases;
    let density = phrases.density_per_mille;
    let adverbs = &phrases.adverbs;
    let groups = Category::ALL.iter().map(|&category| {
        let items: Vec<&Highlight> = phrases.highlights.iter().filter(|h| h.category == category).collect();
        html! {
            <FindingGroup category={category.as_str()} label={category.label()} count={items.len()}>
                { for items.into_iter().map(|h| phrase_item(h, &props.text, &props.on_action)) }
            </FindingGroup>
        }
    });
    let format_items = props.analysis.format.iter().map(|f| format_item(f, &props.analysis.format, &props.text, &props.on_action));
    html! {
        <section class="panel-section" aria-labelledby="findings-heading">
            <h2 id="findings-heading" class="panel-heading">{"发现"}</h2>
            <p class="findings-summary">
                <span title="高亮部分（穿靴戴帽、空泛强化、口号排比、套话）的字数占全文字数的千分比。">
                    {"套话密度 "}
                    <strong data-testid="stat-boilerplate-ratio" data-value={density.to_string()}>{ format!("{:.1}%", density as f64 / 10.0) }</strong>
                </span>
                <span class={classes!("adverb-budget", adverbs.exceeded().then_some("adverb-budget-over"))}
                      data-testid="adverb-budget" data-value={adverbs.used.to_string()} data-limit={adverbs.allowed.to_string()}
                      title="“进一步、切实、积极”等弱副词单独出现不标出，只按篇幅计数：每千字不超过 4 个。">
                    { format!("弱副词 {} / {}", adverbs.used, adverbs.allowed) }
                </span>
            </p>
            <ul class="legend" aria-label="图例">
                { for Category::ALL.iter().map(|c| html! { <li><span class={classes!("legend-swatch", format!("mark-{}", c.as_str()))}>{"示例"}</span>{ c.label() }</li> }) }
                <li><span class="legend-swatch mark-format">{"示例"}</span>{"格式"}</li>
            </ul>
            <div class="findings" data-testid="findings" aria-live="polite">
                { for groups }
                <FindingGroup category="format" label="格式" count={props.analysis.format.len()}>
                    { for format_items }
                </FindingGroup>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FindingGroupProps {
    category: &'static str,
    label: &'static str,
    count: usize,
    children: Html,
}

#[component]
fn FindingGroup(props: &FindingGroupProps) -> Html {
    html! {
        <details class="finding-group" data-testid="finding-group" data-category={props.category} open={props.count > 0 && props.count <= 30}>
            <summary>
                <span class={classes!("legend-swatch", format!("mark-{}", props.category))} aria-hidden="true">{"示例"}</span>
                { props.label }
                <span class="finding-count" data-testid="finding-count" data-value={props.count.to_string()}>{ props.count }</span>
            </summary>
            <ul class="finding-list">{ props.children.clone() }</ul>
        </details>
    }
}


fn phrase_item(h: &Highlight, text: &str, on_action: &Callback<FindingAction>) -> Html {
    let matched = text.get(h.span.clone()).unwrap_or_default().to_owned();
    let select = on_action.reform({
        let span = h.span.clone();
        move |_: MouseEvent| FindingAction::Select(span.clone())
    });
    let ignore = on_action.reform({
        let (rule, matched) = (h.rule.to_string(), matched.clone());
        move |_: MouseEvent| FindingAction::Ignore { rule: rule.clone(), text: matched.clone() }
    });
    let disable = on_action.reform({
        let rule = h.rule.to_string();
        move |_: MouseEvent| FindingAction::DisableRule(rule.clone())
    });
    let detail = format!("{}\n建议：{}", h.reason, h.suggestion);
    html! {
        <li class="finding" data-testid="finding" data-category={h.category.as_str()} data-rule={h.rule.to_string()} title={detail}>
            <button type="button" class="finding-excerpt" data-testid="finding-select" onclick={select}>{ excerpt(text, &h.span, EXCERPT_CHARS) }</button>
            <p class="finding-detail">{ h.reason.to_string() }<br />{ format!("建议：{}", h.suggestion) }</p>
            <div class="finding-actions">
                <button type="button" class="button-link" data-testid="finding-ignore" onclick={ignore}>{"忽略"}</button>
                <button type="button" class="button-link" data-testid="finding-disable" onclick={disable}>{"停用此规则"}</button>
            </div>
        </li>
    }
}

fn format_item(f: &FormatFinding, all: &[FormatFinding], text: &str, on_action: &Callback<FindingAction>) -> Html {
    let select = on_action.reform({
        let span = f.span.clone();
        move |_: MouseEvent| FindingAction::Select(span.clone())
    });
    let disable = on_action.reform({
        let rule = f.rule.to_owned();
        move |_: MouseEvent| FindingAction::DisableFormatRule(rule.clone())
    });
    let fix = f.fix.clone().map(|fix| on_action.reform(move |_: MouseEvent| FindingAction::Fix(fix.clone())));
    let same_rule_fixable = all.iter().filter(|g| g.rule == f.rule && g.fix.is_some()).count();
    // "全部修正" is offered once per rule, on its first fixable finding, with the count it will apply.
    let first_of_rule = all.iter().find(|g| g.rule == f.rule && g.fix.is_some()).is_some_and(|g| std::ptr::eq(g, f));
    let fix_all = (first_of_rule && same_rule_fixable > 1).then(|| {
        let rule = f.rule.to_owned();
        on_action.reform(move |_: MouseEvent| FindingAction::FixAll(rule.clone()))
    });
    html! {
        <li class="finding" data-testid="finding" data-category="format" data-rule={f.rule} title={f.message.clone()}>
            <button type="button" class="finding-excerpt" data-testid="finding-select" onclick={select}>{ excerpt(text, &f.span, EXCERPT_CHARS) }</button>
            <p class="finding-detail">{ f.message.clone() }</p>
            <div class="finding-actions">
                if let Some(onclick) = fix {
                    <button type="button" class="button-link" data-testid="finding-fix" {onclick}>{"修正"}</button>
                }
                if let Some(onclick) = fix_all {
                    <button type="button" class="button-link" data-testid="finding-fix-all" data-value={same_rule_fixable.to_string()} {onclick}>
                        { format!("全部修正（{same_rule_fixable} 处）") }
                    </button>
                }
                <button type="button" class="button-link" data-testid="finding-disable" onclick={disable}>{"停用此规则"}</button>
            </div>
        </li>
    }
}
