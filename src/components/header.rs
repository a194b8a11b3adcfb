//! The product bar at the top of the window: import, the export menu, and the view switches.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the 导出 menu offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The draft as UTF-8 text.
    Text,
    /// The printable check report.
    Report,
    /// The backup file: the draft and the settings.
    Backup,
    /// The 公文 as a Word document in GB/T 9704 form.
    Docx,
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub preview_open: bool,
    /// The drafts drawer is open.
    pub drafts_open: bool,
    pub on_toggle_drafts: Callback<()>,
    pub on_toggle_preview: Callback<()>,
    pub on_open_settings: Callback<()>,
    /// A `.txt` or `.docx` file the user picked.
    pub on_import: Callback<web_sys::File>,
    /// A backup file the user picked.
    pub on_restore_backup: Callback<web_sys::File>,
    pub on_export: Callback<Export>,
}

/// The picked file of a file input's `change` event. The input is cleared so that picking the
/// same file again (after editing it elsewhere) fires `change` again.
fn picked_file(e: Event) -> Option<web_sys::File> {
    let input: HtmlInputElement = e.target_unchecked_into();
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let on_toggle = props.on_toggle_preview.reform(|_: MouseEvent| ());
    let on_settings = props.on_open_settings.reform(|_: MouseEvent| ());
    let on_drafts = props.on_toggle_drafts.reform(|_: MouseEvent| ());
    let on_file = |callback: &Callback<web_sys::File>| {
        let callback = callback.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = picked_file(e) {
                callback.emit(file);
            }
        })
    };
    let (on_import, on_restore) = (on_file(&props.on_import), on_file(&props.on_restore_backup));
    let export = |kind: Export| props.on_export.reform(move |_: MouseEvent| kind);
    html! {
        <header class="app-header">
            <h1 class="brand">{"简文"}<span class="brand-sub">{"公文起草助手"}</span></h1>
            <nav class="header-actions" aria-label="视图">
                <button type="button" class="button-secondary" data-testid="open-drafts" aria-expanded={props.drafts_open.to_string()} onclick={on_drafts} title="草稿列表、历史版本和回收站">{"草稿 ▾"}</button>
                <label class="button-secondary file-button" title="导入 .docx 或 .txt 文件（也可以把文件拖到编辑区），导入的内容作为新草稿打开。">
                    {"导入"}
                    <input type="file" class="file-input" data-testid="import-input" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onchange={on_import} />
                </label>
                <details class="menu" data-testid="export-menu">
                    <summary class="button-secondary">{"导出 ▾"}</summary>
                    <div class="menu-items">
                        <button type="button" class="button-link" data-testid="export-docx" onclick={export(Export::Docx)}>{"Word 文档（GB/T 9704）"}</button>
                        <button type="button" class="button-link" data-testid="export-txt" onclick={export(Export::Text)}>{"正文（.txt）"}</button>
                        <button type="button" class="button-link" data-testid="export-report" onclick={export(Export::Report)}>{"检查报告（.html，可打印）"}</button>
                        <button type="button" class="button-link" data-testid="export-backup" onclick={export(Export::Backup)}>{"备份全部草稿和设置（.json）"}</button>
                        <label class="button-link file-button" title="把简文备份文件中的草稿并入草稿列表，不覆盖现有草稿。">
                            {"从备份恢复…"}
                            <input type="file" class="file-input" data-testid="backup-input" accept=".json,application/json" onchange={on_restore} />
                        </label>
                    </div>
                </details>
                <button type="button" class="button-secondary" data-testid="toggle-preview" aria-pressed={props.preview_open.to_string()} onclick={on_toggle}>
                    { if props.preview_open { "返回编辑" } else { "打印预览" } }
                </button>
                <button type="button" class="button-secondary" data-testid="open-settings" onclick={on_settings}>{"设置"}</button>
            </nav>
            <p class="privacy-note" title="本页面不向任何服务器发送数据，草稿只保存在本机浏览器中。">
                {"全部在本机运行 · 草稿不出本机"}
            </p>
        </header>
    }
}
