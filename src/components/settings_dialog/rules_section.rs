//! 套话规则: the user's own phrase rules (added here, removed or re-enabled in their list), the
//! built-in rules they switched off and the findings they ignored (both restored here), and the
//! export and import of all of it as one JSON file, to take the settings to another machine.
//!
//! A rule file replaces every rule setting at once or, if anything in it is wrong, changes
//! nothing; it is read in the page and never leaves the machine.

use super::fields::{text_field, Emitter, SectionProps};
use super::form::{
    check_rules_file, import_rules, rule_from_form, rule_label, rules_summary, set, unchanged,
};
use crate::browser::files;
use crate::export::excerpt::shorten;
use gloo::file::callbacks::FileReader;
use jianwen_engine::phrases::{builtin_rules, Category, RuleSet};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The name of the exported rule file.
const RULES_FILE_NAME: &str = "简文规则.json";

/// A change to the user's rule lists (remove, re-enable, unignore): the status to announce, or
/// why nothing changed.
type RuleAction = Rc<dyn Fn(&mut RuleSet) -> Result<String, String>>;

#[component]
pub(super) fn RulesSection(props: &SectionProps) -> Html {
    let prefs = &props.preferences;
    let emitter = Emitter::new(props);
    // A file being read outlives a render: it applies the import with the newest handlers.
    let latest = use_mut_ref(|| emitter.clone());
    *latest.borrow_mut() = emitter.clone();
    let reader = use_mut_ref(|| None::<FileReader>);

    let rule_pattern = use_state(String::new);
    let rule_category = use_state(|| Category::Stock);
    let rule_reason = use_state(String::new);
    let rule_suggestion = use_state(String::new);
    let rule_error = use_state(|| None::<String>);
    let rules_error = use_state(|| None::<String>);
    let rules_status = use_state(|| None::<String>);

    let on_rule_submit = {
        let emitter = emitter.clone();
        let (pattern, category, reason, suggestion) = (
            rule_pattern.clone(),
            rule_category.clone(),
            rule_reason.clone(),
            rule_suggestion.clone(),
        );
        let (rule_error, rules_status) = (rule_error.clone(), rules_status.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let result =
                rule_from_form(&pattern, *category, &reason, &suggestion).and_then(|rule| {
                    emitter.apply(|p| {
                        p.rules
                            .add(rule)
                            .map_err(|e| unchanged(&e.to_string(), "规则"))
                    })
                });
            match result {
                Ok(()) => {
                    rules_status.set(Some(format!(
                        "已添加规则“{}”（{}）。",
                        pattern.trim(),
                        category.label()
                    )));
                    [&pattern, &reason, &suggestion]
                        .iter()
                        .for_each(|f| f.set(String::new()));
                    rule_error.set(None);
                }
                Err(message) => rule_error.set(Some(message)),
            }
        })
    };
    let on_rule_category = {
        let rule_category = rule_category.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(category) = Category::ALL.into_iter().find(|c| c.as_str() == value) {
                rule_category.set(category);
            }
        })
    };
    // A change to the rule lists: `action` returns the status to announce.
    let rule_action = |action: RuleAction| {
        let (emitter, rules_error, rules_status) =
            (emitter.clone(), rules_error.clone(), rules_status.clone());
        Callback::from(move |_: MouseEvent| {
            let mut status = String::new();
            match emitter.apply(|p| set(&mut status, action(&mut p.rules)?)) {
                Ok(()) => {
                    rules_error.set(None);
                    rules_status.set(Some(status));
                }
                Err(message) => rules_error.set(Some(message)),
            }
        })
    };
    let config = prefs.rules.config();
    let custom_rules = config.custom.iter().map(|rule| {
        let id = rule.id();
        let pattern = rule.pattern.trim().to_string();
        let enabled = prefs.rules.is_enabled(&id);
        let on_remove = {
            let (id, pattern) = (id.clone(), pattern.clone());
            rule_action(Rc::new(move |rules| match rules.remove(&id) {
                true => Ok(format!("已删除规则“{pattern}”。")),
                false => Err(format!("没有找到规则“{pattern}”，规则没有改变。")),
            }))
        };
        let on_enable = {
            let (id, pattern) = (id.clone(), pattern.clone());
            rule_action(Rc::new(move |rules| {
                rules.set_enabled(&id, true).map_err(|e| unchanged(&e.to_string(), "规则"))?;
                Ok(format!("已重新启用规则“{pattern}”。"))
            }))
        };
        html! {
            <li class="settings-item" data-testid="custom-rule" data-rule={id.clone()}>
                <div class="settings-item-main">
                    <span class="settings-item-title">{ pattern.clone() }</span>
                    <span class={classes!("settings-badge", format!("settings-badge-{}", rule.category.as_str()))}>{ rule.category.label() }</span>
                    if !enabled { <span class="settings-badge settings-badge-off">{"已停用"}</span> }
                    <span class="settings-item-note">{ format!("理由：{}", rule.reason.trim()) }</span>
                    if !rule.suggestion.trim().is_empty() {
                        <span class="settings-item-note">{ format!("建议：{}", rule.suggestion.trim()) }</span>
                    }
                </div>
                <div class="settings-item-actions">
                    if !enabled {
                        <button type="button" class="button-secondary" aria-label={format!("重新启用规则“{pattern}”")} onclick={on_enable}>{"启用"}</button>
                    }
                    <button type="button" class="button-secondary" aria-label={format!("删除规则“{pattern}”")} onclick={on_remove}>{"删除"}</button>
                </div>
            </li>
        }
    });
    let disabled_rules = config.disabled.iter().filter(|id| !config.custom.iter().any(|c| c.id() == **id)).map(|id| {
        let (title, detail) = rule_label(&prefs.rules, id);
        let on_restore = {
            let (id, title) = (id.clone(), title.clone());
            rule_action(Rc::new(move |rules| {
                rules.set_enabled(&id, true).map_err(|e| unchanged(&e.to_string(), "规则"))?;
                Ok(format!("已恢复规则“{title}”。"))
            }))
        };
        html! {
            <li class="settings-item" data-testid="disabled-rule" data-rule={id.clone()}>
                <div class="settings-item-main">
                    <span class="settings-item-title">{ title.clone() }</span>
                    <span class="settings-item-note">{ detail }</span>
                </div>
                <div class="settings-item-actions">
                    <button type="button" class="button-secondary" aria-label={format!("恢复规则“{title}”")} onclick={on_restore}>{"恢复"}</button>
                </div>
            </li>
        }
    });
    let ignored = config.ignored.iter().map(|finding| {
        let (title, _) = rule_label(&prefs.rules, &finding.rule);
        let shown = shorten(&finding.text, 40);
        let on_restore = {
            let (rule, text, shown) = (finding.rule.clone(), finding.text.clone(), shown.clone());
            rule_action(Rc::new(move |rules| match rules.unignore(&rule, &text) {
                true => Ok(format!("“{shown}”会重新标出。")),
                false => Err(format!("“{shown}”已不在忽略列表中，规则没有改变。")),
            }))
        };
        html! {
            <li class="settings-item" data-testid="ignored-finding" data-rule={finding.rule.clone()}>
                <div class="settings-item-main">
                    <span class="settings-item-title" title={finding.text.clone()}>{ format!("“{shown}”") }</span>
                    <span class="settings-item-note">{ format!("规则：{title}") }</span>
                </div>
                <div class="settings-item-actions">
                    <button type="button" class="button-secondary" aria-label={format!("恢复标出“{shown}”")} onclick={on_restore}>{"恢复"}</button>
                </div>
            </li>
        }
    });
    let disabled_count = config
        .disabled
        .iter()
        .filter(|id| !config.custom.iter().any(|c| c.id() == **id))
        .count();
    let on_export = {
        let rules = prefs.rules.clone();
        let (rules_error, rules_status) = (rules_error.clone(), rules_status.clone());
        Callback::from(move |_: MouseEvent| {
            // `files::download` keeps the object URL alive until the next download, so the
            // browser can still be fetching it after this returns.
            match files::download(
                RULES_FILE_NAME,
                "application/json",
                rules.to_json().as_str(),
            )
            .map_err(|e| e.to_string())
            {
                Ok(()) => {
                    rules_error.set(None);
                    rules_status.set(Some(format!(
                        "已导出“{RULES_FILE_NAME}”（{}），保存在浏览器的下载位置。",
                        rules_summary(&rules)
                    )));
                }
                Err(message) => rules_error.set(Some(message)),
            }
        })
    };
    let on_import = {
        let (reader, latest) = (reader.clone(), latest.clone());
        let (rules_error, rules_status) = (rules_error.setter(), rules_status.setter());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Cleared so that choosing the same file again (after fixing it) reads it again.
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            if let Err(message) = check_rules_file(&name, file.size()) {
                rules_status.set(None);
                rules_error.set(Some(message));
                return;
            }
            let (latest, rules_error, rules_status) =
                (latest.clone(), rules_error.clone(), rules_status.clone());
            let task = gloo::file::callbacks::read_as_text(&file, move |read| {
                // Cloned out first: emitting may render this component, which writes `latest`.
                let emitter = latest.borrow().clone();
                let result = read
                    .map_err(|_| format!("无法读取文件“{name}”，规则没有改变。"))
                    .and_then(|json| {
                        let mut status = String::new();
                        emitter
                            .apply(|p| set(&mut status, import_rules(&mut p.rules, &json)?))
                            .map(|()| status)
                    });
                match result {
                    Ok(status) => {
                        rules_error.set(None);
                        rules_status.set(Some(format!("已从“{name}”导入规则：{status}。")));
                    }
                    Err(message) => {
                        rules_status.set(None);
                        rules_error.set(Some(format!("“{name}”：{message}")));
                    }
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    html! {
        <section class="settings-section" aria-labelledby="settings-rules-heading">
            <h3 id="settings-rules-heading" class="settings-heading">{"套话规则"}</h3>
            <p class="settings-hint">{ format!("内置 {} 条规则标出穿靴戴帽和套话。可以添加自己的词语或句式；停用的内置规则和忽略的提示也在这里恢复。", builtin_rules().len()) }</p>
            <form class="settings-form" onsubmit={on_rule_submit}>
                <fieldset class="settings-fieldset">
                    <legend>{"添加规则"}</legend>
                    { text_field("settings-rule-pattern", "词语或句式", "rule-form-pattern", &rule_pattern, Some("如：以……为纲"), None) }
                    <p class="settings-hint">{"“……”代表一句之内的任意一段文字（不跨越逗号、句号），“…”代表 1 至 4 个汉字，[甲|乙] 表示任选其一。"}</p>
                    <div class="settings-field">
                        <label for="settings-rule-category">{"类别"}</label>
                        <select id="settings-rule-category" data-testid="rule-form-category" onchange={on_rule_category}>
                            { for Category::ALL.into_iter().map(|c| html! {
                                <option value={c.as_str()} selected={c == *rule_category}>{ c.label() }</option>
                            }) }
                        </select>
                    </div>
                    { text_field("settings-rule-reason", "理由（必填）", "rule-form-reason", &rule_reason, Some("为什么要标出它"), None) }
                    { text_field("settings-rule-suggestion", "建议写法", "rule-form-suggestion", &rule_suggestion, Some("可以怎样改（可不填）"), None) }
                    if let Some(message) = (*rule_error).clone() {
                        <p class="settings-error" role="alert" data-testid="rule-form-error">{ message }</p>
                    }
                    <div class="settings-actions">
                        <button type="submit" class="button" data-testid="rule-form-save">{"添加规则"}</button>
                    </div>
                </fieldset>
            </form>
            <h4 class="settings-subheading">{ format!("我的规则（{} 条）", config.custom.len()) }</h4>
            if config.custom.is_empty() {
                <p class="settings-hint">{"还没有自己添加的规则。"}</p>
            } else {
                <ul class="settings-list">{ for custom_rules }</ul>
            }
            <h4 class="settings-subheading">{ format!("已停用的内置规则（{disabled_count} 条）") }</h4>
            if disabled_count == 0 {
                <p class="settings-hint">{"没有停用的内置规则。在检查结果中点“停用此规则”即可停用。"}</p>
            } else {
                <ul class="settings-list">{ for disabled_rules }</ul>
            }
            <h4 class="settings-subheading">{ format!("已忽略的提示（{} 处）", config.ignored.len()) }</h4>
            if config.ignored.is_empty() {
                <p class="settings-hint">{"没有忽略的提示。"}</p>
            } else {
                <ul class="settings-list">{ for ignored }</ul>
            }
            <div class="settings-actions settings-transfer">
                <button type="button" class="button-secondary" data-testid="rules-export" onclick={on_export}>{"导出规则"}</button>
                <label class="button-secondary settings-file">
                    {"导入规则…"}
                    <input type="file" class="settings-file-input" accept=".json,application/json" data-testid="rules-import"
                        aria-describedby="settings-transfer-hint" onchange={on_import} />
                </label>
            </div>
            <p id="settings-transfer-hint" class="settings-hint">
                { format!("导出的“{RULES_FILE_NAME}”包含自己的规则、停用的规则和忽略的提示，可在另一台电脑上导入；导入会替换这里现有的全部规则设置。文件只在本机读写。") }
            </p>
            if let Some(message) = (*rules_error).clone() {
                <p class="settings-error" role="alert" data-testid="rules-error">{ message }</p>
            }
            <p class="settings-status" role="status" data-testid="rules-status">{ (*rules_status).clone().unwrap_or_default() }</p>
        </section>
    }
}
