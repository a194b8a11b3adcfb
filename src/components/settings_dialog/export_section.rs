//! 导出: which fonts the GB/T 9704 Word document names. Offices with the licensed 公文 fonts get
//! them; a machine with only what Windows ships gets its nearest fonts, named so Word does not
//! fall back to others.

use super::fields::{Emitter, SectionProps};
use jianwen_io::FontSet;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The choices, as the select offers them.
const CHOICES: [(FontSet, &str, &str); 2] = [
    (
        FontSet::Office,
        "office",
        "公文专用字体：方正小标宋简体、仿宋_GB2312、楷体_GB2312、黑体",
    ),
    (
        FontSet::Windows,
        "windows",
        "Windows 自带字体：宋体、仿宋、楷体、黑体",
    ),
];

#[component]
pub(super) fn ExportSection(props: &SectionProps) -> Html {
    let emitter = Emitter::new(props);
    let chosen = props.preferences.docx_fonts;
    let onchange = Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        if let Some((fonts, _, _)) = CHOICES.iter().find(|(_, v, _)| *v == value) {
            emitter
                .apply(|p| {
                    p.docx_fonts = *fonts;
                    Ok(())
                })
                .ok();
        }
    });
    html! {
        <section class="settings-section" aria-labelledby="settings-export-heading">
            <h3 id="settings-export-heading" class="settings-heading">{"导出"}</h3>
            <div class="settings-field">
                <label for="settings-docx-fonts">{"Word 文档（GB/T 9704）使用的字体"}</label>
                <select id="settings-docx-fonts" data-testid="docx-fonts" {onchange}>
                    { for CHOICES.iter().map(|(fonts, value, label)| html! {
                        <option value={*value} selected={*fonts == chosen}>{ *label }</option>
                    }) }
                </select>
            </div>
            <p class="settings-hint">{"文件中只写字体名称，不嵌入字体；打开文件的电脑需装有所选字体。"}</p>
        </section>
    }
}
