//! 格式检查: one switch per format rule, each with a "错误 → 正确" example, and the length from
//! which a sentence is noted as long. The accepted range of that length is the engine's
//! ([`LONG_SENTENCE_RANGE`]).

use super::fields::{bind, number_field, Emitter, NumberField, SectionProps};
use super::form::{long_sentence_from_field, set, set_format_rule};
use jianwen_engine::format::{LONG_SENTENCE_CHARS, LONG_SENTENCE_RANGE, RULES as FORMAT_RULES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[component]
pub(super) fn FormatSection(props: &SectionProps) -> Html {
    let prefs = &props.preferences;
    let emitter = Emitter::new(props);

    let long_sentence = use_state(|| prefs.format.long_sentence_chars.to_string());
    let format_error = use_state(|| None::<String>);

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

    // The field's bounds are small numbers (20 and 1000); `NumberField` takes them as `u32`.
    let (min, max) = (*LONG_SENTENCE_RANGE.start(), *LONG_SENTENCE_RANGE.end());
    html! {
        <section class="settings-section" aria-labelledby="settings-format-heading">
            <h3 id="settings-format-heading" class="settings-heading">{"格式检查"}</h3>
            <p class="settings-hint">{"取消勾选即停用该项检查；每项下面是一个“错误 → 正确”的例子。"}</p>
            <ul class="settings-format-rules">{ for format_toggles }</ul>
            { number_field(NumberField { id: "settings-long-sentence", label: "长句提示（字）", test_id: "format-long-sentence", value: &long_sentence,
                min: min as u32, max: max as u32,
                hint: Some(format!("一句超过这么多字（句号、问号、叹号、分号之间）时提示；可设 {min}–{max}，默认 {LONG_SENTENCE_CHARS}。")),
                error: (*format_error).clone() }, bind(&long_sentence), on_long_sentence) }
        </section>
    }
}
