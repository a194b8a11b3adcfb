//! 篇幅上限: the speaking rate, and the user's own cap profiles (a name, up to three limits and a
//! note), added, edited and deleted here and chosen like the built-in ones in the 文种 list.
//!
//! One form serves both adding and editing: 编辑 fills it with a profile and remembers its id, so
//! 保存修改 replaces that profile instead of adding another.

use super::fields::{
    bind, bind_textarea, focus, number_field, text_field, Emitter, NumberField, SectionProps,
};
use super::form::{limit_text, limits_summary, rate_from_field, save_profile, unchanged, CapForm};
use jianwen_engine::caps::SpeakingRate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub(super) fn CapsSection(props: &SectionProps) -> Html {
    let prefs = &props.preferences;
    let emitter = Emitter::new(props);
    let cap_name_ref = use_node_ref();

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

    html! {
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
    }
}
