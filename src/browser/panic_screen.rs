//! What the user sees when the app fails: a plain message over the page, in Chinese, saying the
//! draft is safe (it is saved on every keystroke, before anything can fail) and offering to
//! reload. Built with bare DOM calls, since after a panic the Yew app cannot be trusted to
//! render, and with text nodes only, so nothing in the panic message can become markup.

use std::panic::PanicHookInfo;

/// Installs the hook that shows the panic screen (and still logs to the console for support).
/// Through Yew, which would otherwise replace any hook with its console-only one on render.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info: &PanicHookInfo<'_>| {
        web_sys::console::error_1(&info.to_string().into());
        show(&info.to_string());
    }));
}

fn show(detail: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    // A second panic (work queued behind the first) keeps the first screen.
    if document
        .query_selector("[data-testid=panic-screen]")
        .ok()?
        .is_some()
    {
        return Some(());
    }
    let screen = document.create_element("div").ok()?;
    screen.set_class_name("panic-screen");
    screen.set_attribute("role", "alertdialog").ok()?;
    screen.set_attribute("data-testid", "panic-screen").ok()?;
    screen
        .set_attribute("aria-labelledby", "panic-title")
        .ok()?;
    let title = document.create_element("h2").ok()?;
    title.set_id("panic-title");
    title.set_text_content(Some("简文出错了"));
    let body = document.create_element("p").ok()?;
    body.set_text_content(Some("程序遇到了意外错误，已停止运行。您的草稿在每次输入时都已保存在本机浏览器中，不会丢失；重新载入页面即可继续编辑。"));
    // A link to the page itself reloads it without any script running.
    let reload = document.create_element("a").ok()?;
    reload.set_attribute("href", "").ok()?;
    reload.set_class_name("button");
    reload.set_attribute("data-testid", "panic-reload").ok()?;
    reload.set_text_content(Some("重新载入"));
    let technical = document.create_element("details").ok()?;
    let summary = document.create_element("summary").ok()?;
    summary.set_text_content(Some("技术信息（可提供给维护人员）"));
    let pre = document.create_element("pre").ok()?;
    pre.set_text_content(Some(detail));
    technical.append_child(&summary).ok()?;
    technical.append_child(&pre).ok()?;
    for child in [&title, &body, &reload, &technical] {
        screen.append_child(child).ok()?;
    }
    document.body()?.append_child(&screen).ok()?;
    Some(())
}
