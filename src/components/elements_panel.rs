//! 公文要素: what the draft's `.docx` is made of besides its body. The parts the text itself
//! holds (标题, 主送机关, 署名, 成文日期, 附注…) are shown as the engine recognises them, to be
//! corrected in the text; the parts the text cannot hold (the 版头's 份号, 密级, 紧急程度,
//! 发文机关标志, 发文字号, 签发人, and the 版记's 抄送, 印发机关, 印发日期) are typed here and
//! stored with the draft. A value GB/T 9704 does not allow is refused with the reason; the field
//! keeps what was typed and nothing else changes.

use crate::same::Same;
use jianwen_engine::elements::fields::{
    check_copy_number, check_date, check_doc_number, check_secrecy, check_signer, check_urgency,
    FieldError,
};
use jianwen_io::{DocFields, HeaderMode};
use std::collections::HashMap;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ElementsPanelProps {
    /// The open draft's fields, as stored.
    pub fields: DocFields,
    /// The text as analysed, compared by address: what the engine recognises in it is worked
    /// out only while the panel is open, never on a keystroke with the panel closed.
    pub text: Same<str>,
    /// A complete new set of fields, every one accepted.
    pub on_change: Callback<DocFields>,
}

/// The standard's check of a field, given its value and the draft's title.
type Check = fn(&str, &str) -> Result<(), FieldError>;

/// One field of the form.
struct Field {
    test_id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    get: fn(&DocFields) -> &String,
    set: fn(&mut DocFields, String),
    /// The standard's check, given the value and the title; none for free text.
    check: Option<Check>,
}

const FIELDS: [Field; 9] = [
    Field {
        test_id: "element-copy-number",
        label: "份号",
        placeholder: "000123",
        get: |f| &f.copy_number,
        set: |f, v| f.copy_number = v,
        check: Some(|v, _| check_copy_number(v)),
    },
    Field {
        test_id: "element-secrecy",
        label: "密级和保密期限",
        placeholder: "机密★1年",
        get: |f| &f.secrecy,
        set: |f, v| f.secrecy = v,
        check: Some(|v, _| check_secrecy(v)),
    },
    Field {
        test_id: "element-urgency",
        label: "紧急程度",
        placeholder: "特急、加急",
        get: |f| &f.urgency,
        set: |f, v| f.urgency = v,
        check: Some(|v, _| check_urgency(v)),
    },
    Field {
        test_id: "element-issuer-mark",
        label: "发文机关标志",
        placeholder: "某某市人民政府文件",
        get: |f| &f.issuer_mark,
        set: |f, v| f.issuer_mark = v,
        check: None,
    },
    Field {
        test_id: "element-doc-number",
        label: "发文字号",
        placeholder: "某政发〔2026〕3号",
        get: |f| &f.doc_number,
        set: |f, v| f.doc_number = v,
        check: Some(|v, _| check_doc_number(v)),
    },
    Field {
        test_id: "element-signer",
        label: "签发人（请示、报告）",
        placeholder: "姓名",
        get: |f| &f.signer,
        set: |f, v| f.signer = v,
        check: Some(check_signer),
    },
    Field {
        test_id: "element-copy-to",
        label: "抄送机关",
        placeholder: "某某委员会，某某局",
        get: |f| &f.copy_to,
        set: |f, v| f.copy_to = v,
        check: None,
    },
    Field {
        test_id: "element-printed-by",
        label: "印发机关",
        placeholder: "某某市人民政府办公室",
        get: |f| &f.printed_by,
        set: |f, v| f.printed_by = v,
        check: None,
    },
    Field {
        test_id: "element-printed-date",
        label: "印发日期",
        placeholder: "2026年5月10日",
        get: |f| &f.printed_date,
        set: |f, v| f.printed_date = v,
        check: Some(|v, _| check_date(v)),
    },
];

/// The 版头 choices: (stored, value in the select, label).
const HEADER_MODES: [(HeaderMode, &str, &str); 3] = [
    (HeaderMode::None, "none", "无版头"),
    (
        HeaderMode::Full,
        "full",
        "完整版头（红色发文机关标志、发文字号、红色分隔线）",
    ),
    (
        HeaderMode::Space,
        "space",
        "留出版头位置（用印好的红头纸打印）",
    ),
];

/// The fields with `value` in the field at `index`, if the standard allows it there.
fn accept(fields: &DocFields, index: usize, value: &str, title: &str) -> Result<DocFields, String> {
    let field = &FIELDS[index];
    let value = value.trim();
    if let (Some(check), false) = (field.check, value.is_empty()) {
        check(value, title).map_err(|e| format!("{e}未保存这一项。"))?;
    }
    let mut next = fields.clone();
    (field.set)(&mut next, value.to_owned());
    Ok(next)
}

/// The 公文要素 the engine finds in `text`, as the panel lists them: (what, the text).
fn recognised(text: &str) -> Vec<(&'static str, AttrValue)> {
    jianwen_engine::elements::elements(text)
        .into_iter()
        .filter_map(|e| {
            let what = e.kind.label()?;
            Some((what, AttrValue::from(text[e.span].trim().to_owned())))
        })
        .collect()
}

#[component]
pub fn ElementsPanel(props: &ElementsPanelProps) -> Html {
    // What was typed into a field that was refused, and why, by field.
    let typed = use_state(HashMap::<usize, String>::new);
    let errors = use_state(HashMap::<usize, String>::new);
    let open = use_state(|| false);
    let found = use_memo((props.text.clone(), *open), |(text, open)| {
        if *open {
            recognised(&text.0)
        } else {
            Vec::new()
        }
    });
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            open.set(
                e.target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    let title = AttrValue::from(jianwen_io::title_from_text(&props.text.0));
    let inputs = FIELDS.iter().enumerate().map(|(index, field)| {
        let onchange = {
            let (typed, errors) = (typed.clone(), errors.clone());
            let (fields, title, on_change) =
                (props.fields.clone(), title.clone(), props.on_change.clone());
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                let (mut t, mut r) = ((*typed).clone(), (*errors).clone());
                match accept(&fields, index, &value, &title) {
                    Ok(next) => {
                        t.remove(&index);
                        r.remove(&index);
                        on_change.emit(next);
                    }
                    Err(message) => {
                        t.insert(index, value);
                        r.insert(index, message);
                    }
                }
                typed.set(t);
                errors.set(r);
            })
        };
        let id = format!("elements-{}", field.test_id);
        let error_id = format!("{id}-error");
        let value = typed
            .get(&index)
            .cloned()
            .unwrap_or_else(|| (field.get)(&props.fields).clone());
        let error = errors.get(&index).cloned();
        html! {
            <div class="settings-field">
                <label for={id.clone()}>{ field.label }</label>
                <input {id} type="text" data-testid={field.test_id} placeholder={field.placeholder} {value}
                    aria-invalid={error.as_ref().map(|_| "true")}
                    aria-describedby={error.as_ref().map(|_| error_id.clone())} {onchange} />
                if let Some(error) = error {
                    <p id={error_id} class="settings-error" role="alert" data-testid="element-error">{ error }</p>
                }
            </div>
        }
    });
    let on_header = {
        let (fields, on_change) = (props.fields.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some((mode, _, _)) = HEADER_MODES.iter().find(|(_, v, _)| *v == value) {
                let mut next = fields.clone();
                next.header = *mode;
                on_change.emit(next);
            }
        })
    };
    html! {
        <details class="panel-section elements-panel" data-testid="elements-panel" {ontoggle}>
            <summary class="panel-heading">{"公文要素"}</summary>
            <p class="settings-hint">{"以下各项从正文识别，导出 Word 文档时按 GB/T 9704 编排；如有误请在正文中修改。"}</p>
            <dl class="elements-recognised">
                { for found.iter().map(|(what, text)| html! {
                    <>
                        <dt>{ *what }</dt>
                        <dd data-testid="element-recognised" data-label={*what}>{ text.clone() }</dd>
                    </>
                }) }
            </dl>
            <div class="settings-field">
                <label for="elements-header-mode">{"版头"}</label>
                <select id="elements-header-mode" data-testid="header-mode" onchange={on_header}>
                    { for HEADER_MODES.iter().map(|(mode, value, label)| html! {
                        <option value={*value} selected={*mode == props.fields.header}>{ *label }</option>
                    }) }
                </select>
            </div>
            { for inputs }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_taken_only_in_the_standards_form() {
        let index = |id: &str| FIELDS.iter().position(|f| f.test_id == id).unwrap();
        let fields = DocFields::default();
        let title = "关于做好防汛工作的通知";
        let ok = accept(
            &fields,
            index("element-doc-number"),
            " 某政发〔2026〕3号 ",
            title,
        )
        .unwrap();
        assert_eq!(ok.doc_number, "某政发〔2026〕3号");
        let refused = accept(
            &fields,
            index("element-doc-number"),
            "某政发[2026]3号",
            title,
        );
        assert!(refused.unwrap_err().contains("六角括号"));
        assert!(accept(&fields, index("element-signer"), "张三", title).is_err());
        assert!(accept(
            &fields,
            index("element-signer"),
            "张三",
            "关于申请资金的请示"
        )
        .is_ok());
        let cleared = accept(&ok, index("element-doc-number"), "", title).unwrap();
        assert!(cleared.doc_number.is_empty(), "an empty field clears it");
        let free = accept(
            &fields,
            index("element-issuer-mark"),
            "某市人民政府文件",
            title,
        )
        .unwrap();
        assert_eq!(free.issuer_mark, "某市人民政府文件");
    }
}
