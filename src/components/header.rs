//! The product bar at the top of the window, with the view switches.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub preview_open: bool,
    pub on_toggle_preview: Callback<()>,
    pub on_open_settings: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let on_toggle = props.on_toggle_preview.reform(|_: MouseEvent| ());
    let on_settings = props.on_open_settings.reform(|_: MouseEvent| ());
    html! {
        <header class="app-header">
            <h1 class="brand">{"简文"}<span class="brand-sub">{"公文起草助手"}</span></h1>
            <nav class="header-actions" aria-label="视图">
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
