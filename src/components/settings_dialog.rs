//! 设置: one modal dialog for everything the user can set — the page grid and the 红头 header
//! (版面), the speaking rate and their own cap profiles (篇幅上限), their own phrase rules with the
//! disabled rules and ignored findings (套话规则), and the format-check switches (格式检查).
//!
//! Every accepted change is emitted at once as a complete new [`Preferences`], so the analysis and
//! the stored settings follow while the dialog is open. A value that cannot be used changes
//! nothing: the field keeps what was typed, and a Chinese sentence beside it says what is wrong and
//! that nothing was changed. The checks are the engine's (`try_` constructors, `Unit::parse_limit`,
//! `RuleSet::add`…); the small pure functions at the bottom turn form text into those calls and are
//! tested natively.

use crate::preferences::Preferences;
use gloo::events::EventListener;
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, ObjectUrl};
use jianwen_engine::caps::{CapError, CapProfile, CapSettings, Limits, SpeakingRate, Unit};
use jianwen_engine::format::{rule_by_id, FormatSettings, RULES as FORMAT_RULES};
use jianwen_engine::layout::{LayoutProfile, ProfileError};
use jianwen_engine::phrases::{
    builtin_rules, Category, CustomRule, RuleSet, Severity, SENTENCE_RULES,
};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{
    HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent,
};
use yew::prelude::*;

/// The preset grid's name, as the 版面 section offers it.
const PRESET_LABEL: &str = "GB/T 9704 正文（每行 28 字 × 每页 22 行，首行缩进 2 字）";

/// Why page 1 of a 红头 document starts lower, next to the reserved-lines field.
const HEADER_NOTE: &str =
    "按 GB/T 9704，红头文件首页的版头（发文机关标志、发文字号、红色分隔线、标题、主送机关）约占 12–15 行，正文从其下开始。";

/// The name of the exported rule file.
const RULES_FILE_NAME: &str = "简文规则.json";

/// A rule file larger than this is refused before it is read: exported files are a few KB, and
/// reading a stray video into a string would freeze the tab.
const RULES_FILE_MAX_BYTES: u64 = 1024 * 1024;

/// The range of [`FormatSettings::long_sentence_chars`] the dialog accepts.
const LONG_SENTENCE_MIN: u32 = 20;
const LONG_SENTENCE_MAX: u32 = 1000;

#[derive(Properties, PartialEq)]
pub struct SettingsDialogProps {
    pub preferences: Rc<Preferences>,
    /// Receives a complete new `Preferences` for every accepted change.
    pub on_change: Callback<Preferences>,
    /// The user asked to close the dialog (关闭, 完成 or Esc).
    pub on_close: Callback<()>,
}

/// The current preferences and where to send a changed copy; cloned into every handler.
#[derive(Clone)]
struct Emitter {
    current: Rc<Preferences>,
    on_change: Callback<Preferences>,
    on_close: Callback<()>,
}

impl Emitter {
    /// Applies `change` to a copy and emits the copy if it differs. On error nothing is emitted.
    fn apply(
        &self,
        change: impl FnOnce(&mut Preferences) -> Result<(), String>,
    ) -> Result<(), String> {
        if let Some(next) = changed(&self.current, change)? {
            self.on_change.emit(next);
        }
        Ok(())
    }
}

/// A change to the user's rule lists (remove, re-enable, unignore): the status to announce, or
/// why nothing changed.
type RuleAction = Rc<dyn Fn(&mut RuleSet) -> Result<String, String>>;

/// The fields of the 版面 section, to say which one an error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LayoutField {
    Cells,
    Lines,
    Indent,
    Header,
}

#[component]
pub fn SettingsDialog(props: &SettingsDialogProps) -> Html {
    let prefs = &props.preferences;
    let layout = prefs.layout;
    let emitter = Emitter {
        current: Rc::clone(prefs),
        on_change: props.on_change.clone(),
        on_close: props.on_close.clone(),
    };
    // Listeners that outlive a render (Esc, a file being read) use the newest handlers.
    let latest = use_mut_ref(|| emitter.clone());
    *latest.borrow_mut() = emitter.clone();

    let dialog_ref = use_node_ref();
    let close_ref = use_node_ref();
    let done_ref = use_node_ref();
    let cap_name_ref = use_node_ref();
    let reader = use_mut_ref(|| None::<FileReader>);
    let export_url = use_mut_ref(|| None::<ObjectUrl>);

    // 版面
    let custom_grid = use_state(|| !is_preset_grid(layout));
    let cells = use_state(|| layout.cells_per_line().to_string());
    let lines = use_state(|| layout.lines_per_page().to_string());
    let indent = use_state(|| layout.first_line_indent().to_string());
    let header_lines = use_state(|| match layout.header_lines() {
        0 => LayoutProfile::TYPICAL_HEADER_LINES.to_string(),
        n => n.to_string(),
    });
    let layout_error = use_state(|| None::<(LayoutField, String)>);
    // 篇幅上限
    let rate = use_state(|| prefs.caps.rate().get().to_string());
    let rate_error = use_state(|| None::<String>);
    let cap_name = use_state(String::new);
    let cap_zi = use_state(String::new);
    let cap_pages = use_state(String::new);
    let cap_minutes = use_state(String::new);
    let cap_note = use_state(String::new);
    let cap_editing = use_state(|| None::<String>);
    let cap_error = use_state(|| None::<String>);
    let cap_status = use_state(|| None::<String>);
    // 套话规则
    let rule_pattern = use_state(String::new);
    let rule_category = use_state(|| Category::Stock);
    let rule_reason = use_state(String::new);
    let rule_suggestion = use_state(String::new);
    let rule_error = use_state(|| None::<String>);
    let rules_error = use_state(|| None::<String>);
    let rules_status = use_state(|| None::<String>);
    // 格式检查
    let long_sentence = use_state(|| prefs.format.long_sentence_chars.to_string());
    let format_error = use_state(|| None::<String>);

    {
        // Focus moves into the dialog on open and back to what had it (the 设置 button) on close.
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            let previous = gloo::utils::document().active_element();
            if let Some(dialog) = dialog_ref.cast::<HtmlElement>() {
                dialog.focus().ok();
            }
            move || {
                if let Some(element) = previous.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                    element.focus().ok();
                }
            }
        });
    }
    {
        // Esc closes from anywhere, but not while an input method is composing (Esc cancels
        // the composition there).
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if key.key() == "Escape" && !key.is_composing() {
                    key.prevent_default();
                    let on_close = latest.borrow().on_close.clone();
                    on_close.emit(());
                }
            });
            move || drop(listener)
        });
    }

    let on_close = props.on_close.reform(|_: MouseEvent| ());
    // A focus trap made of two sentinels: leaving the dialog by Tab wraps to its other end.
    let wrap_to_first = {
        let close_ref = close_ref.clone();
        Callback::from(move |_: FocusEvent| focus(&close_ref))
    };
    let wrap_to_last = {
        let done_ref = done_ref.clone();
        Callback::from(move |_: FocusEvent| focus(&done_ref))
    };

    // ---- 版面 ----
    let choose_preset = {
        let (emitter, layout_error, custom_grid) =
            (emitter.clone(), layout_error.clone(), custom_grid.clone());
        let (cells, lines, indent) = (cells.clone(), lines.clone(), indent.clone());
        Callback::from(move |_: Event| {
            let preset = LayoutProfile::gbt9704();
            let fields = [
                preset.cells_per_line(),
                preset.lines_per_page(),
                preset.first_line_indent(),
            ]
            .map(|n| n.to_string());
            match grid_from_fields(
                emitter.current.layout,
                [&fields[0], &fields[1], &fields[2]],
                LayoutField::Cells,
            )
            .and_then(|grid| {
                emitter
                    .apply(|p| set(&mut p.layout, grid))
                    .map_err(|m| (LayoutField::Cells, m))
            }) {
                Ok(()) => {
                    let [c, l, i] = fields;
                    cells.set(c);
                    lines.set(l);
                    indent.set(i);
                    custom_grid.set(false);
                    layout_error.set(None);
                }
                Err(error) => {
                    custom_grid.set(true);
                    layout_error.set(Some(error));
                }
            }
        })
    };
    let choose_custom = {
        let custom_grid = custom_grid.clone();
        Callback::from(move |_: Event| custom_grid.set(true))
    };
    let grid_change = |edited: LayoutField| {
        let (emitter, layout_error, custom_grid) =
            (emitter.clone(), layout_error.clone(), custom_grid.clone());
        let (cells, lines, indent) = (cells.clone(), lines.clone(), indent.clone());
        Callback::from(move |e: Event| {
            // The changed field is read from the DOM: `change` can follow `input` before a render.
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut fields = [(*cells).clone(), (*lines).clone(), (*indent).clone()];
            let state = match edited {
                LayoutField::Cells => (0, &cells),
                LayoutField::Lines => (1, &lines),
                _ => (2, &indent),
            };
            fields[state.0] = typed.clone();
            state.1.set(typed);
            let result = grid_from_fields(
                emitter.current.layout,
                [&fields[0], &fields[1], &fields[2]],
                edited,
            )
            .and_then(|grid| {
                emitter
                    .apply(|p| set(&mut p.layout, grid))
                    .map(|()| grid)
                    .map_err(|m| (edited, m))
            });
            match result {
                Ok(grid) => {
                    custom_grid.set(!is_preset_grid(grid));
                    layout_error.set(None);
                }
                Err(error) => layout_error.set(Some(error)),
            }
        })
    };
    let on_title = {
        let emitter = emitter.clone();
        Callback::from(move |e: Event| {
            let title = e.target_unchecked_into::<HtmlInputElement>().checked();
            emitter
                .apply(|p| {
                    let titled = p.layout.with_title(title);
                    set(&mut p.layout, titled)
                })
                .ok();
        })
    };
    let apply_header = {
        let (emitter, layout_error, header_lines) =
            (emitter.clone(), layout_error.clone(), header_lines.clone());
        move |on: bool, typed: &str| match header_from_field(emitter.current.layout, on, typed)
            .and_then(|profile| emitter.apply(|p| set(&mut p.layout, profile)))
        {
            Ok(()) => {
                header_lines.set(typed.to_string());
                layout_error.set(None);
            }
            Err(message) => {
                header_lines.set(typed.to_string());
                layout_error.set(Some((LayoutField::Header, message)));
            }
        }
    };
    let on_header_toggle = {
        let (apply_header, header_lines) = (apply_header.clone(), header_lines.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            apply_header(on, &header_lines);
        })
    };
    let on_header_lines = {
        let header_on = layout.header_lines() > 0;
        let header_lines = header_lines.clone();
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            if header_on {
                apply_header(true, &typed);
            } else {
                // Kept for when the box is ticked.
                header_lines.set(typed);
            }
        })
    };
    let layout_error_for = |field: LayoutField| {
        layout_error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    };

    // ---- 篇幅上限 ----
    let on_rate = {
        let (emitter, rate, rate_error) = (emitter.clone(), rate.clone(), rate_error.clone());
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let result = rate_from_field(&typed).and_then(|r| {
                emitter.apply(|p| {
                    p.caps.set_rate(r);
                    Ok(())
                })
            });
            rate.set(typed);
            rate_error.set(result.err());
        })
    };
    let clear_cap_form = {
        let fields = [
            cap_name.clone(),
            cap_zi.clone(),
            cap_pages.clone(),
            cap_minutes.clone(),
            cap_note.clone(),
        ];
        let cap_editing = cap_editing.clone();
        move || {
            fields.iter().for_each(|f| f.set(String::new()));
            cap_editing.set(None);
        }
    };
    let on_cap_submit = {
        let emitter = emitter.clone();
        let fields = (
            cap_name.clone(),
            cap_zi.clone(),
            cap_pages.clone(),
            cap_minutes.clone(),
            cap_note.clone(),
        );
        let (cap_editing, cap_error, cap_status) =
            (cap_editing.clone(), cap_error.clone(), cap_status.clone());
        let clear_cap_form = clear_cap_form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (name, zi, pages, minutes, note) = &fields;
            let form = CapForm {
                name: name.as_str(),
                zi: zi.as_str(),
                pages: pages.as_str(),
                minutes: minutes.as_str(),
                note: note.as_str(),
            };
            let mut saved = String::new();
            let result = emitter.apply(|p| {
                saved = save_profile(&mut p.caps, cap_editing.as_deref(), &form)?;
                Ok(())
            });
            match result {
                Ok(()) => {
                    let status = match &*cap_editing {
                        Some(_) => format!("已保存对自定义标准“{saved}”的修改。"),
                        None => format!("已添加自定义标准“{saved}”，可在文种选择中选用。"),
                    };
                    clear_cap_form();
                    cap_error.set(None);
                    cap_status.set(Some(status));
                }
                Err(message) => {
                    cap_status.set(None);
                    cap_error.set(Some(message));
                }
            }
        })
    };
    let on_cap_cancel = {
        let (clear_cap_form, cap_error, cap_status) = (
            clear_cap_form.clone(),
            cap_error.clone(),
            cap_status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            clear_cap_form();
            cap_error.set(None);
            cap_status.set(Some("已取消修改，标准没有改变。".to_string()));
        })
    };
    let custom_caps = prefs.caps.custom().iter().map(|profile| {
        let id = profile.id().to_string();
        let name = profile.name().to_string();
        let limits = profile.limits();
        let on_edit = {
            let fields = [(&cap_name, name.clone()), (&cap_zi, limit_text(limits.zi)), (&cap_pages, limit_text(limits.pages)),
                (&cap_minutes, limit_text(limits.minutes)), (&cap_note, profile.note().to_string())]
                .map(|(state, value)| (state.clone(), value));
            let (cap_editing, cap_error, cap_status, cap_name_ref, id) = (cap_editing.clone(), cap_error.clone(), cap_status.clone(), cap_name_ref.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                fields.iter().for_each(|(state, value)| state.set(value.clone()));
                cap_editing.set(Some(id.clone()));
                cap_error.set(None);
                cap_status.set(None);
                focus(&cap_name_ref);
            })
        };
        let on_delete = {
            let (emitter, cap_error, cap_status, id, name) = (emitter.clone(), cap_error.clone(), cap_status.clone(), id.clone(), name.clone());
            let (cap_editing, clear_cap_form) = (cap_editing.clone(), clear_cap_form.clone());
            Callback::from(move |_: MouseEvent| {
                match emitter.apply(|p| p.caps.remove(&id).map(drop).map_err(|e| unchanged(&e.to_string(), "篇幅设置"))) {
                    Ok(()) => {
                        if cap_editing.as_deref() == Some(id.as_str()) {
                            clear_cap_form();
                        }
                        cap_error.set(None);
                        cap_status.set(Some(format!("已删除自定义标准“{name}”；选用它的草稿改为不设上限。")));
                    }
                    Err(message) => cap_error.set(Some(message)),
                }
            })
        };
        let editing = cap_editing.as_deref() == Some(id.as_str());
        html! {
            <li class={classes!("settings-item", editing.then_some("settings-item-editing"))} data-testid="custom-cap" data-id={id.clone()}>
                <div class="settings-item-main">
                    <span class="settings-item-title">{ name.clone() }</span>
                    <span class="settings-item-meta">{ limits_summary(limits) }</span>
                    if !profile.note().is_empty() {
                        <span class="settings-item-note">{ profile.note().to_string() }</span>
                    }
                </div>
                <div class="settings-item-actions">
                    <button type="button" class="button-secondary" aria-label={format!("编辑自定义标准“{name}”")} onclick={on_edit}>{"编辑"}</button>
                    <button type="button" class="button-secondary" aria-label={format!("删除自定义标准“{name}”")} onclick={on_delete}>{"删除"}</button>
                </div>
            </li>
        }
    });
    let editing_name = cap_editing
        .as_ref()
        .and_then(|id| prefs.caps.profile(id))
        .map(|p| p.name().to_string());

    // ---- 套话规则 ----
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
        let (rules, export_url) = (prefs.rules.clone(), export_url.clone());
        let (rules_error, rules_status) = (rules_error.clone(), rules_status.clone());
        Callback::from(
            move |_: MouseEvent| match download(&rules.to_json(), RULES_FILE_NAME) {
                Some(url) => {
                    // Revoked when the next export replaces it or the dialog closes, after the
                    // browser has started the download.
                    *export_url.borrow_mut() = Some(url);
                    rules_error.set(None);
                    rules_status.set(Some(format!(
                        "已导出“{RULES_FILE_NAME}”（{}），保存在浏览器的下载位置。",
                        rules_summary(&rules)
                    )));
                }
                None => rules_error.set(Some("浏览器未能生成下载文件，规则没有导出。".to_string())),
            },
        )
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

    // ---- 格式检查 ----
    let format_toggles = FORMAT_RULES.iter().map(|rule| {
        let id = rule.id;
        let onchange = {
            let emitter = emitter.clone();
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                emitter.apply(|p| {
                    set_format_rule(&mut p.format, id, on);
                    Ok(())
                })
                .ok();
            })
        };
        let example_id = format!("settings-format-{}", id.replace('.', "-"));
        html! {
            <li class="settings-format-rule">
                <label class="settings-check">
                    <input type="checkbox" checked={prefs.format.is_enabled(id)} data-testid="format-rule-toggle" data-rule={id}
                        aria-describedby={example_id.clone()} {onchange} />
                    <span>{ rule.name }</span>
                </label>
                <span id={example_id} class="settings-example">{ rule.example }</span>
            </li>
        }
    });
    let on_long_sentence = {
        let (emitter, long_sentence, format_error) =
            (emitter.clone(), long_sentence.clone(), format_error.clone());
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let result = long_sentence_from_field(&typed)
                .and_then(|n| emitter.apply(|p| set(&mut p.format.long_sentence_chars, n)));
            long_sentence.set(typed);
            format_error.set(result.err());
        })
    };

    let header_on = layout.header_lines() > 0;
    html! {
        <div class="settings-backdrop">
            <span class="settings-sentinel" tabindex="0" onfocus={wrap_to_last} />
            <div class="settings-dialog" role="dialog" aria-modal="true" aria-labelledby="settings-title" aria-describedby="settings-intro"
                data-testid="settings-dialog" tabindex="-1" ref={dialog_ref}>
                <div class="settings-head">
                    <h2 id="settings-title" class="settings-title">{"设置"}</h2>
                    <p id="settings-intro" class="settings-intro">{"改动立即生效，并保存在本机浏览器中。按 Esc 关闭。"}</p>
                    <button type="button" class="button-secondary" data-testid="settings-close" ref={close_ref} onclick={on_close.clone()}>{"关闭"}</button>
                </div>
                <div class="settings-body">
                    <section class="settings-section" aria-labelledby="settings-layout-heading">
                        <h3 id="settings-layout-heading" class="settings-heading">{"版面"}</h3>
                        <p class="settings-hint">{"行数、页数、页面分隔线和打印预览都按这里的版心计算。"}</p>
                        <fieldset class="settings-fieldset">
                            <legend>{"版心"}</legend>
                            <label class="settings-check">
                                <input type="radio" name="settings-grid" checked={!*custom_grid} data-testid="layout-preset" onchange={choose_preset} />
                                <span>{ PRESET_LABEL }</span>
                            </label>
                            <label class="settings-check">
                                <input type="radio" name="settings-grid" checked={*custom_grid} data-testid="layout-custom" onchange={choose_custom} />
                                <span>{"自定义版心"}</span>
                            </label>
                            <div class="settings-row">
                                { number_field(NumberField { id: "settings-cells", label: "每行字数", test_id: "layout-cells", value: &cells, min: 1, max: LayoutProfile::MAX_GRID,
                                    hint: None, error: layout_error_for(LayoutField::Cells) }, bind(&cells), grid_change(LayoutField::Cells)) }
                                { number_field(NumberField { id: "settings-lines", label: "每页行数", test_id: "layout-lines", value: &lines, min: 1, max: LayoutProfile::MAX_GRID,
                                    hint: None, error: layout_error_for(LayoutField::Lines) }, bind(&lines), grid_change(LayoutField::Lines)) }
                                { number_field(NumberField { id: "settings-indent", label: "首行缩进（字）", test_id: "layout-indent", value: &indent, min: 0, max: LayoutProfile::MAX_GRID - 1,
                                    hint: None, error: layout_error_for(LayoutField::Indent) }, bind(&indent), grid_change(LayoutField::Indent)) }
                            </div>
                        </fieldset>
                        <label class="settings-check">
                            <input type="checkbox" checked={layout.title()} data-testid="layout-title" aria-describedby="settings-title-hint" onchange={on_title} />
                            <span>{"首行为标题"}</span>
                        </label>
                        <p id="settings-title-hint" class="settings-hint settings-indented">{"第一段作标题：居中、不缩进。"}</p>
                        <label class="settings-check">
                            <input type="checkbox" checked={header_on} data-testid="layout-header-toggle" aria-describedby="settings-header-lines-hint" onchange={on_header_toggle} />
                            <span>{"红头文件首页"}</span>
                        </label>
                        <div class="settings-indented">
                            { number_field(NumberField { id: "settings-header-lines", label: "首页为版头预留的行数", test_id: "layout-header-lines", value: &header_lines, min: 1,
                                max: layout.lines_per_page().saturating_sub(1).max(1), hint: Some(format!("{HEADER_NOTE}默认 {} 行；勾选“红头文件首页”后生效。", LayoutProfile::TYPICAL_HEADER_LINES)),
                                error: layout_error_for(LayoutField::Header) }, bind(&header_lines), on_header_lines) }
                        </div>
                    </section>

                    <section class="settings-section" aria-labelledby="settings-caps-heading">
                        <h3 id="settings-caps-heading" class="settings-heading">{"篇幅上限"}</h3>
                        { number_field(NumberField { id: "settings-rate", label: "发言语速（字/分钟）", test_id: "cap-rate", value: &rate, min: SpeakingRate::MIN, max: SpeakingRate::MAX,
                            hint: Some(format!("发言时长{}；可设 {}–{} 字/分钟。", prefs.caps.rate().note(), SpeakingRate::MIN, SpeakingRate::MAX)), error: (*rate_error).clone() },
                            bind(&rate), on_rate) }
                        <h4 class="settings-subheading">{ format!("自定义标准（{} 个）", prefs.caps.custom().len()) }</h4>
                        if prefs.caps.custom().is_empty() {
                            <p class="settings-hint">{"还没有自定义标准。在下面填写名称和上限即可添加，例如本单位“区委文件不超过3000字”的规定。"}</p>
                        } else {
                            <ul class="settings-list">{ for custom_caps }</ul>
                        }
                        <form class="settings-form" onsubmit={on_cap_submit}>
                            <fieldset class="settings-fieldset">
                                <legend>{ match &editing_name { Some(name) => format!("修改自定义标准“{name}”"), None => "新增自定义标准".to_string() } }</legend>
                                { text_field("settings-cap-name", "名称", "cap-form-name", &cap_name, Some("如：区委文件（3000字）"), Some(&cap_name_ref)) }
                                <div class="settings-row">
                                    { text_field("settings-cap-zi", "字数上限", "cap-form-zi", &cap_zi, Some("不限"), None) }
                                    { text_field("settings-cap-pages", "页数上限", "cap-form-pages", &cap_pages, Some("不限"), None) }
                                    { text_field("settings-cap-minutes", "发言分钟上限", "cap-form-minutes", &cap_minutes, Some("不限"), None) }
                                </div>
                                <p class="settings-hint">{"三项上限至少填一项，只填整数；留空表示不限。"}</p>
                                <div class="settings-field settings-field-wide">
                                    <label for="settings-cap-note">{"备注"}</label>
                                    <textarea id="settings-cap-note" rows="2" data-testid="cap-form-note" value={(*cap_note).clone()}
                                        placeholder="依据或适用范围（可不填）" oninput={bind_textarea(&cap_note)} />
                                </div>
                                if let Some(message) = (*cap_error).clone() {
                                    <p class="settings-error" role="alert" data-testid="cap-form-error">{ message }</p>
                                }
                                <div class="settings-actions">
                                    <button type="submit" class="button" data-testid="cap-form-save">{ if editing_name.is_some() { "保存修改" } else { "添加标准" } }</button>
                                    if cap_editing.is_some() {
                                        <button type="button" class="button-secondary" onclick={on_cap_cancel}>{"取消修改"}</button>
                                    }
                                </div>
                            </fieldset>
                        </form>
                        <p class="settings-status" role="status">{ (*cap_status).clone().unwrap_or_default() }</p>
                    </section>

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

                    <section class="settings-section" aria-labelledby="settings-format-heading">
                        <h3 id="settings-format-heading" class="settings-heading">{"格式检查"}</h3>
                        <p class="settings-hint">{"取消勾选即停用该项检查；每项下面是一个“错误 → 正确”的例子。"}</p>
                        <ul class="settings-format-rules">{ for format_toggles }</ul>
                        { number_field(NumberField { id: "settings-long-sentence", label: "长句提示（字）", test_id: "format-long-sentence", value: &long_sentence,
                            min: LONG_SENTENCE_MIN, max: LONG_SENTENCE_MAX,
                            hint: Some(format!("一句超过这么多字（句号、问号、叹号、分号之间）时提示；可设 {LONG_SENTENCE_MIN}–{LONG_SENTENCE_MAX}，默认 {}。", jianwen_engine::format::LONG_SENTENCE_CHARS)),
                            error: (*format_error).clone() }, bind(&long_sentence), on_long_sentence) }
                    </section>
                </div>
                <div class="settings-foot">
                    <button type="button" class="button" data-testid="settings-done" ref={done_ref} onclick={on_close}>{"完成"}</button>
                </div>
            </div>
            <span class="settings-sentinel" tabindex="0" onfocus={wrap_to_first} />
        </div>
    }
}

/// Stores `value` in `slot`: the one-line body of a change that cannot fail.
fn set<T>(slot: &mut T, value: T) -> Result<(), String> {
    *slot = value;
    Ok(())
}

fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<HtmlElement>() {
        element.focus().ok();
    }
}

/// Keeps a text state equal to its input on every `input` event, so a render never rewrites what
/// is being typed (or composed).
fn bind(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(e.target_unchecked_into::<HtmlInputElement>().value())
    })
}

fn bind_textarea(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    })
}

/// A labelled number input, applied on `change` (Enter, leaving the field, the arrows).
struct NumberField<'a> {
    id: &'static str,
    label: &'static str,
    test_id: &'static str,
    value: &'a str,
    min: u32,
    max: u32,
    hint: Option<String>,
    error: Option<String>,
}

fn number_field(
    field: NumberField<'_>,
    oninput: Callback<InputEvent>,
    onchange: Callback<Event>,
) -> Html {
    let hint_id = format!("{}-hint", field.id);
    let error_id = format!("{}-error", field.id);
    let described: Vec<&str> = [
        field.hint.as_ref().map(|_| hint_id.as_str()),
        field.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        <div class="settings-field">
            <label for={field.id}>{ field.label }</label>
            <input id={field.id} type="number" inputmode="numeric" step="1" min={field.min.to_string()} max={field.max.to_string()}
                value={field.value.to_string()} data-testid={field.test_id}
                aria-invalid={field.error.as_ref().map(|_| "true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                {oninput} {onchange} />
            if let Some(hint) = field.hint {
                <p id={hint_id} class="settings-hint">{ hint }</p>
            }
            if let Some(error) = field.error {
                <p id={error_id} class="settings-error" role="alert">{ error }</p>
            }
        </div>
    }
}

/// A labelled one-line text input bound to `state`.
fn text_field(
    id: &'static str,
    label: &'static str,
    test_id: &'static str,
    state: &UseStateHandle<String>,
    placeholder: Option<&'static str>,
    node: Option<&NodeRef>,
) -> Html {
    html! {
        <div class="settings-field">
            <label for={id}>{ label }</label>
            <input {id} type="text" data-testid={test_id} value={(**state).clone()} {placeholder}
                ref={node.cloned().unwrap_or_default()} oninput={bind(state)} />
        </div>
    }
}

/// Offers `json` as a download named `file_name`: a Blob, an object URL and a temporary
/// `<a download>`, all in the page. Returns the URL, to be revoked (dropped) later.
fn download(json: &str, file_name: &str) -> Option<ObjectUrl> {
    let url = ObjectUrl::from(Blob::new_with_options(json, Some("application/json")));
    let document = gloo::utils::document();
    let anchor = document.create_element("a").ok()?;
    anchor.set_attribute("href", &url).ok()?;
    anchor.set_attribute("download", file_name).ok()?;
    anchor.set_attribute("hidden", "").ok()?;
    // Firefox only follows a link that is in the document.
    document.body()?.append_child(&anchor).ok()?;
    anchor.dyn_ref::<HtmlElement>()?.click();
    anchor.remove();
    Some(url)
}

// ---- Pure logic (tested natively below) ----

/// Applies `change` to a copy of `current`: the copy if it differs, `None` if nothing changed,
/// the error (and no copy) if the change was refused.
fn changed(
    current: &Preferences,
    change: impl FnOnce(&mut Preferences) -> Result<(), String>,
) -> Result<Option<Preferences>, String> {
    let mut next = current.clone();
    change(&mut next)?;
    Ok((next != *current).then_some(next))
}

/// `message` as a full sentence followed by "{what}没有改变。", unless it already says so.
fn unchanged(message: &str, what: &str) -> String {
    let mut sentence = message.trim_end().to_string();
    if sentence.contains("没有改变") {
        return sentence;
    }
    if !sentence.ends_with(['。', '！', '？']) {
        sentence.push('。');
    }
    format!("{sentence}{what}没有改变。")
}

/// A whole number typed into a field named `label`; full-width digits are accepted, since that
/// is what a Chinese input method types. The error is a sentence naming the field.
fn parse_whole(text: &str, label: &str) -> Result<u32, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("请填写{label}。"));
    }
    let digits: String = trimmed
        .chars()
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{label}“{trimmed}”不是整数，请只填数字。"));
    }
    digits
        .parse()
        .map_err(|_| format!("{label}“{trimmed}”过大。"))
}

/// Whether a profile's grid is the GB/T 9704 preset (title and header aside).
fn is_preset_grid(profile: LayoutProfile) -> bool {
    let preset = LayoutProfile::gbt9704();
    (
        profile.cells_per_line(),
        profile.lines_per_page(),
        profile.first_line_indent(),
    ) == (
        preset.cells_per_line(),
        preset.lines_per_page(),
        preset.first_line_indent(),
    )
}

/// A new grid from the typed cells per line, lines per page and indent, keeping the title and the
/// header of `current`. The error names the field to show it at: a field that is not a number, or
/// else the one the user just changed.
fn grid_from_fields(
    current: LayoutProfile,
    [cells, lines, indent]: [&str; 3],
    edited: LayoutField,
) -> Result<LayoutProfile, (LayoutField, String)> {
    let number = |text: &str, label: &str, field: LayoutField| {
        parse_whole(text, label).map_err(|m| (field, unchanged(&m, "版面设置")))
    };
    let cells = number(cells, "每行字数", LayoutField::Cells)?;
    let lines = number(lines, "每页行数", LayoutField::Lines)?;
    let indent = number(indent, "首行缩进", LayoutField::Indent)?;
    let refused = |e: ProfileError| (edited, unchanged(&e.to_string(), "版面设置"));
    LayoutProfile::try_new(cells, lines, indent)
        .map_err(refused)?
        .with_title(current.title())
        .try_with_header_lines(current.header_lines())
        .map_err(refused)
}

/// `current` with the 红头 header on (`typed` lines reserved) or off.
fn header_from_field(
    current: LayoutProfile,
    on: bool,
    typed: &str,
) -> Result<LayoutProfile, String> {
    if !on {
        return Ok(current.with_header_lines(0));
    }
    let lines = parse_whole(typed, "首页预留行数").map_err(|m| unchanged(&m, "版面设置"))?;
    if lines == 0 {
        return Err(unchanged(
            "首页预留行数须大于 0；不用红头时请取消勾选“红头文件首页”",
            "版面设置",
        ));
    }
    current
        .try_with_header_lines(lines)
        .map_err(|e| unchanged(&e.to_string(), "版面设置"))
}

fn rate_from_field(typed: &str) -> Result<SpeakingRate, String> {
    let value = parse_whole(typed, "发言语速").map_err(|m| unchanged(&m, "篇幅设置"))?;
    SpeakingRate::try_new(value).map_err(|e| unchanged(&e.to_string(), "篇幅设置"))
}

fn long_sentence_from_field(typed: &str) -> Result<usize, String> {
    let value = parse_whole(typed, "长句提示字数").map_err(|m| unchanged(&m, "格式检查设置"))?;
    if !(LONG_SENTENCE_MIN..=LONG_SENTENCE_MAX).contains(&value) {
        let message = format!(
            "长句提示字数应在 {LONG_SENTENCE_MIN} 到 {LONG_SENTENCE_MAX} 之间，当前为 {value}"
        );
        return Err(unchanged(&message, "格式检查设置"));
    }
    Ok(value as usize)
}

/// The cap form as typed.
struct CapForm<'a> {
    name: &'a str,
    zi: &'a str,
    pages: &'a str,
    minutes: &'a str,
    note: &'a str,
}

/// The profile the form describes, checked by the engine.
fn profile_from_form(form: &CapForm<'_>) -> Result<CapProfile, CapError> {
    let limits = Limits {
        zi: Unit::Zi.parse_limit(form.zi)?,
        pages: Unit::Page.parse_limit(form.pages)?,
        minutes: Unit::Minute.parse_limit(form.minutes)?,
    };
    CapProfile::custom(form.name, limits, form.note)
}

/// Adds the form's profile, or replaces the custom profile `editing` with it. Returns the saved
/// name; on error `caps` is unchanged and the message says so.
fn save_profile(
    caps: &mut CapSettings,
    editing: Option<&str>,
    form: &CapForm<'_>,
) -> Result<String, String> {
    let refused = |e: CapError| unchanged(&e.to_string(), "篇幅设置");
    let profile = profile_from_form(form).map_err(refused)?;
    let saved = match editing {
        Some(id) => caps.replace(id, profile),
        None => caps.add(profile),
    };
    saved.map(|p| p.name().to_string()).map_err(refused)
}

/// A limit as the form shows it: the number, or empty for no limit.
fn limit_text(limit: Option<u32>) -> String {
    limit.map(|n| n.to_string()).unwrap_or_default()
}

/// `5000字 · 10页 · 8分钟`, listing only the limits that are set.
fn limits_summary(limits: Limits) -> String {
    Unit::ALL
        .iter()
        .filter_map(|&unit| limits.get(unit).map(|n| format!("{n}{}", unit.symbol())))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The rule the form describes; the engine checks the pattern and the reason when it is added.
fn rule_from_form(
    pattern: &str,
    category: Category,
    reason: &str,
    suggestion: &str,
) -> Result<CustomRule, String> {
    if pattern.trim().is_empty() {
        return Err("请填写要标出的词语或句式。规则没有改变。".to_string());
    }
    Ok(CustomRule {
        pattern: pattern.trim().to_string(),
        category,
        severity: Severity::default(),
        reason: reason.trim().to_string(),
        suggestion: suggestion.trim().to_string(),
    })
}

/// What a rule set holds, for the export and import messages.
fn rules_summary(rules: &RuleSet) -> String {
    let config = rules.config();
    format!(
        "自己的规则 {} 条，停用的规则 {} 条，忽略的提示 {} 处",
        config.custom.len(),
        config.disabled.len(),
        config.ignored.len()
    )
}

/// Replaces `rules` with the rule file `json`, returning what it held; on error nothing changes.
fn import_rules(rules: &mut RuleSet, json: &str) -> Result<String, String> {
    rules
        .import_json(json)
        .map_err(|e| unchanged(&e.to_string(), "规则"))?;
    Ok(rules_summary(rules))
}

/// Refuses a chosen file that cannot be a rule file, before reading it.
fn check_rules_file(name: &str, bytes: u64) -> Result<(), String> {
    if bytes > RULES_FILE_MAX_BYTES {
        return Err(format!(
            "“{name}”有 {} KB，不像是规则文件（导出的规则文件通常只有几 KB）。规则没有改变。",
            bytes / 1024
        ));
    }
    Ok(())
}

/// Turns a format rule on or off.
fn set_format_rule(format: &mut FormatSettings, id: &str, on: bool) {
    if on {
        format.disabled.remove(id);
    } else {
        format.disabled.insert(id.to_string());
    }
}

/// A name and a one-line description of the rule `id`, whatever kind it is: a phrase rule, a
/// whole-sentence rule, a format rule, or one this version no longer has.
fn rule_label(rules: &RuleSet, id: &str) -> (String, String) {
    if let Some(rule) = rules.rule(id) {
        return (
            rule.pattern.to_string(),
            format!("{}：{}", rule.category.label(), rule.reason),
        );
    }
    if let Some(rule) = SENTENCE_RULES.iter().find(|r| r.id == id) {
        return (
            format!("整句{}", rule.category.label()),
            rule.reason.to_string(),
        );
    }
    if let Some(rule) = rule_by_id(id) {
        return (rule.name.to_string(), format!("格式检查：{}", rule.example));
    }
    (id.to_string(), "本版本已没有这条规则。".to_string())
}

/// `text` cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jianwen_engine::phrases::RULES_FORMAT_VERSION;

    #[test]
    fn unchanged_makes_one_sentence_that_says_nothing_changed() {
        let cases = [
            (
                "每行字数应在 1 到 200 之间，当前为 0",
                "版面设置",
                "每行字数应在 1 到 200 之间，当前为 0。版面设置没有改变。",
            ),
            (
                "请填写每行字数。",
                "版面设置",
                "请填写每行字数。版面设置没有改变。",
            ),
            (
                "规则文件的版本是 2，本程序只能读取版本 1。规则没有改变。",
                "规则",
                "规则文件的版本是 2，本程序只能读取版本 1。规则没有改变。",
            ),
        ];
        for (message, what, want) in cases {
            assert_eq!(unchanged(message, what), want);
        }
    }

    #[test]
    fn parse_whole_reads_ascii_and_full_width_digits() {
        let cases: [(&str, Result<u32, &str>); 7] = [
            ("28", Ok(28)),
            (" ２８ ", Ok(28)),
            ("0", Ok(0)),
            ("", Err("请填写每行字数。")),
            ("2.5", Err("每行字数“2.5”不是整数，请只填数字。")),
            ("-3", Err("每行字数“-3”不是整数，请只填数字。")),
            ("99999999999", Err("每行字数“99999999999”过大。")),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_whole(text, "每行字数"),
                want.map_err(str::to_string),
                "{text:?}"
            );
        }
    }

    #[test]
    fn grid_keeps_title_and_header_and_names_the_field_at_fault() {
        let current = LayoutProfile::gbt9704()
            .with_title(false)
            .with_header_lines(13);
        let grid = grid_from_fields(current, ["30", "25", "2"], LayoutField::Cells).unwrap();
        assert_eq!(
            (
                grid.cells_per_line(),
                grid.lines_per_page(),
                grid.first_line_indent()
            ),
            (30, 25, 2)
        );
        assert_eq!((grid.title(), grid.header_lines()), (false, 13));
        assert!(!is_preset_grid(grid) && is_preset_grid(current));

        let cases = [
            (
                ["0", "22", "2"],
                LayoutField::Cells,
                LayoutField::Cells,
                "每行字数应在 1 到 200 之间，当前为 0。版面设置没有改变。",
            ),
            (
                ["28", "x", "2"],
                LayoutField::Cells,
                LayoutField::Lines,
                "每页行数“x”不是整数，请只填数字。版面设置没有改变。",
            ),
            (
                ["28", "22", "28"],
                LayoutField::Indent,
                LayoutField::Indent,
                "首行缩进 28 字，须小于每行字数 28。版面设置没有改变。",
            ),
            // Fewer lines than the header reserves: reported where the user changed the grid.
            (
                ["28", "10", "2"],
                LayoutField::Lines,
                LayoutField::Lines,
                "红头预留 13 行，须少于每页行数 10：首页必须有正文。版面设置没有改变。",
            ),
        ];
        for (fields, edited, field, message) in cases {
            assert_eq!(
                grid_from_fields(current, fields, edited),
                Err((field, message.to_string())),
                "{fields:?}"
            );
        }
    }

    #[test]
    fn header_turns_on_and_off_and_refuses_a_full_first_page() {
        let gb = LayoutProfile::gbt9704();
        assert_eq!(
            header_from_field(gb, true, "13").unwrap().header_lines(),
            13
        );
        assert_eq!(
            header_from_field(gb.with_header_lines(13), false, "junk")
                .unwrap()
                .header_lines(),
            0
        );
        assert_eq!(
            header_from_field(gb, true, "22"),
            Err(
                "红头预留 22 行，须少于每页行数 22：首页必须有正文。版面设置没有改变。".to_string()
            )
        );
        assert_eq!(
            header_from_field(gb, true, ""),
            Err("请填写首页预留行数。版面设置没有改变。".to_string())
        );
        assert!(header_from_field(gb, true, "0")
            .unwrap_err()
            .ends_with("版面设置没有改变。"));
    }

    #[test]
    fn rate_and_long_sentence_ranges() {
        assert_eq!(rate_from_field("220").unwrap().get(), 220);
        assert_eq!(
            rate_from_field("300"),
            Err("语速应在每分钟 160 到 250 字之间，当前为 300。篇幅设置没有改变。".to_string())
        );
        assert_eq!(long_sentence_from_field("20"), Ok(20));
        assert_eq!(long_sentence_from_field("1000"), Ok(1000));
        assert_eq!(
            long_sentence_from_field("19"),
            Err("长句提示字数应在 20 到 1000 之间，当前为 19。格式检查设置没有改变。".to_string())
        );
        assert!(long_sentence_from_field("1001").is_err());
    }

    fn form<'a>(name: &'a str, zi: &'a str, pages: &'a str, minutes: &'a str) -> CapForm<'a> {
        CapForm {
            name,
            zi,
            pages,
            minutes,
            note: "区委办要求",
        }
    }

    #[test]
    fn cap_profiles_are_added_edited_and_bad_ones_change_nothing() {
        let mut caps = CapSettings::default();
        assert_eq!(
            save_profile(&mut caps, None, &form("区委文件", "３０００字", "", "")),
            Ok("区委文件".to_string())
        );
        assert_eq!(
            caps.custom()[0].limits(),
            Limits {
                zi: Some(3000),
                ..Limits::default()
            }
        );
        assert_eq!(caps.custom()[0].note(), "区委办要求");

        let before = caps.clone();
        let refused = [
            (
                form("区委文件", "3000", "", ""),
                "已经有一个名为“区委文件”的自定义标准。篇幅设置没有改变。",
            ),
            (
                form("发言", "", "", "-8"),
                "发言时间上限不能是负数。篇幅设置没有改变。",
            ),
            (
                form("发言", "", "", ""),
                "请至少填写字数、页数、发言时间中的一项上限。篇幅设置没有改变。",
            ),
            (
                form("  ", "100", "", ""),
                "请填写标准名称，例如“政策性文件（5000字）”。篇幅设置没有改变。",
            ),
            (
                form("通知", "五千", "", ""),
                "字数上限“五千”不是整数，请只填数字。篇幅设置没有改变。",
            ),
        ];
        for (bad, message) in &refused {
            assert_eq!(save_profile(&mut caps, None, bad), Err(message.to_string()));
            assert_eq!(caps, before, "{message}");
        }

        let id = caps.custom()[0].id().to_string();
        assert_eq!(
            save_profile(
                &mut caps,
                Some(&id),
                &form("区委文件（2500字）", "2500", "5", "")
            ),
            Ok("区委文件（2500字）".to_string())
        );
        assert_eq!(caps.custom().len(), 1);
        assert_eq!(limits_summary(caps.custom()[0].limits()), "2500字 · 5页");
        assert!(
            save_profile(&mut caps, Some("js-2019-policy"), &form("x", "1", "", ""))
                .unwrap_err()
                .contains("内置标准")
        );
    }

    #[test]
    fn limits_are_summarised_and_shown_back_in_the_form() {
        assert_eq!(
            limits_summary(Limits {
                zi: Some(5000),
                pages: Some(10),
                minutes: Some(8)
            }),
            "5000字 · 10页 · 8分钟"
        );
        assert_eq!(
            limits_summary(Limits {
                minutes: Some(8),
                ..Limits::default()
            }),
            "8分钟"
        );
        assert_eq!(
            (limit_text(Some(10)), limit_text(None)),
            ("10".to_string(), String::new())
        );
    }

    #[test]
    fn custom_rules_are_checked_by_the_engine_and_bad_ones_change_nothing() {
        let prefs = Preferences::default();
        let add = |pattern: &str, reason: &str| {
            changed(&prefs, |p| {
                let rule = rule_from_form(pattern, Category::Slogan, reason, " 写明要求 ")?;
                p.rules
                    .add(rule)
                    .map_err(|e| unchanged(&e.to_string(), "规则"))
            })
        };
        let next = add(" 以……为纲 ", "口号式表述。")
            .unwrap()
            .expect("a new rule changes the preferences");
        let rule = &next.rules.config().custom[0];
        assert_eq!(
            (
                rule.pattern.as_str(),
                rule.category,
                rule.suggestion.as_str()
            ),
            ("以……为纲", Category::Slogan, "写明要求")
        );

        assert_eq!(
            add("  ", "理由"),
            Err("请填写要标出的词语或句式。规则没有改变。".to_string())
        );
        assert_eq!(
            add("……为纲", "理由"),
            Err(
                "规则“……为纲”无效：不能以“……”开头或结尾，请在两端写出确定的字。规则没有改变。"
                    .to_string()
            )
        );
        assert_eq!(
            add("以……为纲", " "),
            Err("规则“以……为纲”缺少理由：请用一句话说明为什么要标出它。规则没有改变。".to_string())
        );
    }

    #[test]
    fn rule_files_import_whole_or_not_at_all() {
        let mut source = RuleSet::default();
        source
            .add(rule_from_form("以……为纲", Category::Stock, "口号式表述。", "").unwrap())
            .unwrap();
        source.ignore("hat.guidance", "为深入贯彻落实");
        let json = source.to_json();

        let mut rules = RuleSet::default();
        assert_eq!(
            import_rules(&mut rules, &json),
            Ok("自己的规则 1 条，停用的规则 0 条，忽略的提示 1 处".to_string())
        );
        assert_eq!(rules, source);

        let before = rules.clone();
        let bad = [
            "not json".to_string(),
            format!(r#"{{"version": {}}}"#, RULES_FORMAT_VERSION + 1),
            r#"{"version": 1, "custom": [{"pattern": "……", "category": "stock", "reason": "x"}]}"#
                .to_string(),
        ];
        for json in &bad {
            let message = import_rules(&mut rules, json).unwrap_err();
            assert!(message.ends_with("规则没有改变。"), "{message}");
            assert_eq!(rules, before);
        }
        assert!(check_rules_file("规则.json", 4096).is_ok());
        assert_eq!(
            check_rules_file("视频.mp4", 5 * 1024 * 1024),
            Err("“视频.mp4”有 5120 KB，不像是规则文件（导出的规则文件通常只有几 KB）。规则没有改变。".to_string())
        );
    }

    #[test]
    fn format_rules_toggle_and_unchanged_preferences_are_not_emitted() {
        let prefs = Preferences::default();
        let id = FORMAT_RULES[0].id;
        let toggle = |on: bool| {
            move |p: &mut Preferences| {
                set_format_rule(&mut p.format, id, on);
                Ok(())
            }
        };
        let off = changed(&prefs, toggle(false)).unwrap().unwrap();
        assert!(!off.format.is_enabled(id));
        let on = changed(&off, toggle(true)).unwrap().unwrap();
        assert_eq!(on, prefs);
        assert_eq!(changed(&prefs, toggle(true)), Ok(None));
        assert_eq!(
            changed(&prefs, |_| Err("不行。".to_string())),
            Err("不行。".to_string())
        );
    }

    #[test]
    fn every_kind_of_rule_id_gets_a_label() {
        let rules = RuleSet::default();
        let builtin = builtin_rules().next().unwrap();
        assert_eq!(
            rule_label(&rules, &builtin.id).0,
            builtin.pattern.to_string()
        );
        assert_eq!(rule_label(&rules, "sentence.opening").0, "整句戴帽");
        assert_eq!(
            rule_label(&rules, FORMAT_RULES[0].id).0,
            FORMAT_RULES[0].name
        );
        assert_eq!(
            rule_label(&rules, "gone.rule"),
            (
                "gone.rule".to_string(),
                "本版本已没有这条规则。".to_string()
            )
        );
    }

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("为深入贯彻落实𠮷", 7), "为深入贯彻落实…");
        assert_eq!(shorten("为深入贯彻落实𠮷", 8), "为深入贯彻落实𠮷");
    }
}
