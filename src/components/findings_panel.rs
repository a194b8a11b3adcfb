//! 发现: the findings beside the editor, grouped by category with counts — 穿靴戴帽 and 套话 from
//! the phrase rules, then 格式 from the format checks. Clicking a finding selects its text in the
//! editor; each can be ignored, its rule switched off, and a format finding fixed.

use crate::export::excerpt::excerpt;
use crate::mark_kind::MarkKind;
use jianwen_engine::caps::CapState;
use jianwen_engine::format::{Fix, FormatFinding};
use jianwen_engine::phrases::{Category, Highlight};
use jianwen_engine::Analysis;
use std::collections::HashMap;
use std::ops::Range;
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

/// Findings listed per group until the user asks for all: a pasted 50-page report can have
/// thousands, and building them all on every keystroke would freeze typing. The editor still
/// highlights every one, and the group's count is the full count.
const LISTED: usize = 100;

#[component]
pub fn FindingsPanel(props: &FindingsPanelProps) -> Html {
    // The items get one callback for the life of the panel, which passes their actions to the
    // latest `on_action`: their props then stay equal from keystroke to keystroke, and an item
    // the edit did not move renders nothing new.
    let latest_on_action = use_mut_ref(|| props.on_action.clone());
    *latest_on_action.borrow_mut() = props.on_action.clone();
    let on_action = use_callback((), move |action: FindingAction, _| {
        latest_on_action.borrow().emit(action)
    });
    let phrases = &props.analysis.phrases;
    let density = phrases.density_per_mille;
    let adverbs = &phrases.adverbs;
    // Groups whose every finding the user asked to see; the others list the first LISTED only.
    let expanded = use_state(Vec::<MarkKind>::new);
    let show_all = |kind: MarkKind| {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| {
            let mut all = (*expanded).clone();
            all.push(kind);
            expanded.set(all);
        })
    };
    let limit = |kind: MarkKind| {
        if expanded.contains(&kind) {
            usize::MAX
        } else {
            LISTED
        }
    };
    let groups = Category::ALL.iter().map(|&category| {
        let items: Vec<&Highlight> = phrases.highlights.iter().filter(|h| h.category == category).collect();
        let kind = MarkKind::Phrase(category);
        let listed: Vec<&Highlight> = items.iter().copied().take(limit(kind)).collect();
        html! {
            <FindingGroup {kind} count={items.len()} listed={listed.len()} on_show_all={show_all(kind)}>
                { for by_place(&listed).into_iter().map(|(place, run)| html! {
                    <>
                        if let Some(place) = place {
                            <li class="finding-place" data-testid="finding-place" data-label={place.to_string()} data-value={run.len().to_string()}>
                                { format!("{place}：{} 句", run.len()) }
                            </li>
                        }
                        { for run.into_iter().map(|h| html! {
                            <PhraseItem highlight={h.clone()} matched={matched(&props.text, &h.span)} on_action={on_action.clone()} />
                        }) }
                    </>
                }) }
            </FindingGroup>
        }
    });
    let cut = &props.analysis.cut;
    let cap_over = props
        .analysis
        .caps
        .as_ref()
        .filter(|c| c.state() == CapState::Over);
    let format = &props.analysis.format;
    let fixable = FixableByRule::new(format);
    let format_items = format
        .iter()
        .take(limit(MarkKind::Format))
        .enumerate()
        .map(|(index, f)| {
            html! {
                <FormatItem
                    finding={f.clone()}
                    matched={matched(&props.text, &f.span)}
                    fixable_of_rule={fixable.count_if_first(index, f).unwrap_or(0)}
                    on_action={on_action.clone()}
                />
            }
        });
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
            if cut.sentences > 0 {
                <p class="cut-savings" data-testid="cut-savings" data-value={cut.word_count.to_string()}
                   data-sentences={cut.sentences.to_string()} data-pages-after={cut.pages_after.to_string()}
                   data-within-cap={cut.within_cap.map(|w| w.to_string())}
                   title="按删去这些句子后的全文重新计数、排版得出，不是估计。">
                    { format!("删去 {} 句戴帽穿靴可减少 {} 字（约 {} 页）", cut.sentences, grouped(cut.word_count), tenths(cut.page_tenths)) }
                    if let (Some(report), Some(within)) = (cap_over, cut.within_cap) {
                        { if within {
                            format!("，删去后即符合“{}”的篇幅要求", report.profile_name)
                        } else {
                            format!("，删去后仍超出“{}”的篇幅要求", report.profile_name)
                        } }
                    }
                    {"。"}
                </p>
            }
            <ul class="legend" aria-label="图例">
                { for Category::ALL.iter().map(|&c| MarkKind::Phrase(c)).chain([MarkKind::Format]).map(|kind| html! {
                    <li><span class={classes!("legend-swatch", format!("mark-{}", kind.as_str()))}>{"示例"}</span>{ kind.label() }</li>
                }) }
            </ul>
            <div class="findings" data-testid="findings" aria-live="polite">
                { for groups }
                <FindingGroup kind={MarkKind::Format} count={format.len()} listed={format.len().min(limit(MarkKind::Format))} on_show_all={show_all(MarkKind::Format)}>
                    { for format_items }
                </FindingGroup>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FindingGroupProps {
    kind: MarkKind,
    count: usize,
    /// How many of the `count` findings `children` lists.
    listed: usize,
    on_show_all: Callback<MouseEvent>,
    children: Html,
}

#[component]
fn FindingGroup(props: &FindingGroupProps) -> Html {
    html! {
        <details class="finding-group" data-testid="finding-group" data-category={props.kind.as_str()} open={props.count > 0 && props.count <= 30}>
            <summary>
                <span class={classes!("legend-swatch", format!("mark-{}", props.kind.as_str()))} aria-hidden="true">{"示例"}</span>
                { props.kind.label() }
                <span class="finding-count" data-testid="finding-count" data-value={props.count.to_string()}>{ props.count }</span>
            </summary>
            <ul class="finding-list">{ props.children.clone() }</ul>
            if props.listed < props.count {
                <p class="finding-more">
                    { format!("已列出前 {} 处，另有 {} 处（编辑区中全部标出）。", props.listed, props.count - props.listed) }
                    <button type="button" class="button-link" data-testid="finding-show-all" onclick={props.on_show_all.clone()}>
                        { format!("列出全部 {} 处", props.count) }
                    </button>
                </p>
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct PhraseItemProps {
    highlight: Highlight,
    /// Its text.
    matched: AttrValue,
    on_action: Callback<FindingAction>,
}

#[component]
fn PhraseItem(props: &PhraseItemProps) -> Html {
    let (h, on_action) = (&props.highlight, &props.on_action);
    let select = on_action.reform({
        let span = h.span.clone();
        move |_: MouseEvent| FindingAction::Select(span.clone())
    });
    let ignore = on_action.reform({
        let (rule, matched) = (h.rule.to_string(), props.matched.to_string());
        move |_: MouseEvent| FindingAction::Ignore {
            rule: rule.clone(),
            text: matched.clone(),
        }
    });
    let disable = on_action.reform({
        let rule = h.rule.to_string();
        move |_: MouseEvent| FindingAction::DisableRule(rule.clone())
    });
    let detail = format!("{}\n建议：{}", h.reason, h.suggestion);
    html! {
        <li class="finding" data-testid="finding" data-category={h.category.as_str()} data-rule={h.rule.to_string()} title={detail}>
            <button type="button" class="finding-excerpt" data-testid="finding-select" onclick={select}>{ quote(&props.matched) }</button>
            <p class="finding-detail">{ h.reason.to_string() }<br />{ format!("建议：{}", h.suggestion) }</p>
            <div class="finding-actions">
                <button type="button" class="button-link" data-testid="finding-ignore" onclick={ignore}>{"忽略"}</button>
                <button type="button" class="button-link" data-testid="finding-disable" onclick={disable}>{"停用此规则"}</button>
            </div>
        </li>
    }
}

/// Hats and boots in runs of the same place ("第二部分开头"), in text order, each run with its
/// place; other findings in one run without one.
fn by_place<'a>(items: &[&'a Highlight]) -> Vec<(Option<&'a str>, Vec<&'a Highlight>)> {
    let mut runs: Vec<(Option<&str>, Vec<&Highlight>)> = Vec::new();
    for &h in items {
        let place = h.place.as_deref();
        match runs.last_mut() {
            Some((last, run)) if *last == place => run.push(h),
            _ => runs.push((place, vec![h])),
        }
    }
    runs
}

/// `n` with a comma every three digits, as the figures are printed in Chinese documents: 1,240.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Tenths as a decimal: 25 → "2.5", 20 → "2".
fn tenths(n: usize) -> String {
    if n.is_multiple_of(10) {
        (n / 10).to_string()
    } else {
        format!("{}.{}", n / 10, n % 10)
    }
}

/// The text of byte span `span` of `text`, for an item's props.
fn matched(text: &str, span: &Range<usize>) -> AttrValue {
    AttrValue::from(text.get(span.clone()).unwrap_or_default().to_owned())
}

/// A finding's text as its list item quotes it: at most [`EXCERPT_CHARS`] characters.
fn quote(matched: &str) -> String {
    excerpt(matched, &(0..matched.len()), EXCERPT_CHARS)
}

/// For each format rule, how many of its findings have a safe fix and the index of the first:
/// found in one pass, where asking per finding would cost the square of their number.
struct FixableByRule {
    rules: HashMap<&'static str, (usize, usize)>,
}

impl FixableByRule {
    fn new(findings: &[FormatFinding]) -> Self {
        let mut rules = HashMap::new();
        for (index, f) in findings.iter().enumerate().filter(|(_, f)| f.fix.is_some()) {
            rules.entry(f.rule).or_insert((0, index)).0 += 1;
        }
        FixableByRule { rules }
    }

    /// The number of fixable findings of the rule of `f`, the finding at `index`, if it is the
    /// first of them.
    fn count_if_first(&self, index: usize, f: &FormatFinding) -> Option<usize> {
        self.rules
            .get(f.rule)
            .filter(|&&(_, first)| first == index)
            .map(|&(count, _)| count)
    }
}

#[derive(Properties, PartialEq)]
struct FormatItemProps {
    finding: FormatFinding,
    /// Its text.
    matched: AttrValue,
    /// The number of fixable findings of its rule when it is the first of them (where
    /// "全部修正" is offered), else 0.
    fixable_of_rule: usize,
    on_action: Callback<FindingAction>,
}

#[component]
fn FormatItem(props: &FormatItemProps) -> Html {
    let (f, on_action) = (&props.finding, &props.on_action);
    let select = on_action.reform({
        let span = f.span.clone();
        move |_: MouseEvent| FindingAction::Select(span.clone())
    });
    let disable = on_action.reform({
        let rule = f.rule.to_owned();
        move |_: MouseEvent| FindingAction::DisableFormatRule(rule.clone())
    });
    let fix = f
        .fix
        .clone()
        .map(|fix| on_action.reform(move |_: MouseEvent| FindingAction::Fix(fix.clone())));
    // "全部修正" is offered once per rule, on its first fixable finding, with the count it will apply.
    let same_rule_fixable = props.fixable_of_rule;
    let fix_all = (same_rule_fixable > 1).then(|| {
        let rule = f.rule.to_owned();
        on_action.reform(move |_: MouseEvent| FindingAction::FixAll(rule.clone()))
    });
    html! {
        <li class="finding" data-testid="finding" data-category={MarkKind::Format.as_str()} data-rule={f.rule} title={f.message.clone()}>
            <button type="button" class="finding-excerpt" data-testid="finding-select" onclick={select}>{ quote(&props.matched) }</button>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_printed() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1240, "1,240"),
            (1234567, "1,234,567"),
        ];
        for (n, want) in cases {
            assert_eq!(grouped(n), want);
        }
        let cases = [(0, "0"), (5, "0.5"), (25, "2.5"), (20, "2")];
        for (n, want) in cases {
            assert_eq!(tenths(n), want);
        }
    }
}
