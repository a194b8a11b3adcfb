//! The product bar at the top of the window.

use yew::prelude::*;

#[component]
pub fn Header() -> Html {
    html! {
        <header class="app-header">
            <h1 class="brand">{"简文"}<span class="brand-sub">{"公文起草助手"}</span></h1>
            <p class="privacy-note" title="本页面不向任何服务器发送数据，草稿只保存在本机浏览器中。">
                {"全部在本机运行 · 草稿不出本机"}
            </p>
        </header>
    }
}
