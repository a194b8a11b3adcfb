//! 打印预览: the draft as A4 pages per GB/T 9704 (margins 37/35/28/26 mm, 3号仿宋 on the grid
//! the user set, 28 × 22 by default, page numbers "— N —" outside the text block, odd pages right and even pages left).
//! Line and page breaks come from the engine, so what prints is what 页数 says. The browser's
//! own print prints these pages and nothing else (see `@media print` in the stylesheet).

pub mod model;

use crate::components::print_preview::model::{LineKind, PrintPage};
use jianwen_engine::layout::LayoutProfile;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintPreviewProps {
    pub pages: Rc<Vec<PrintPage>>,
    /// The grid the pages are laid out on.
    pub grid: LayoutProfile,
    pub on_close: Callback<()>,
}

#[component]
pub fn PrintPreview(props: &PrintPreviewProps) -> Html {
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let on_print = Callback::from(|_: MouseEvent| {
        gloo::utils::window().print().ok();
    });
    let pages = props.pages.iter().map(|page| {
        let side = if page.number % 2 == 1 { "page-number page-number-odd" } else { "page-number page-number-even" };
        let reserved = (0..page.reserved_lines).map(|_| html! { <div class="grid-line grid-line-reserved" /> });
        let lines = page.lines.iter().map(|line| {
            let class = match line.kind {
                LineKind::Title => "grid-line grid-line-title",
                LineKind::First => "grid-line grid-line-first",
                LineKind::Full => "grid-line",
                LineKind::Last { first: true } => "grid-line grid-line-first grid-line-last",
                LineKind::Last { first: false } => "grid-line grid-line-last",
            };
            html! { <div {class}>{ line.text.clone() }</div> }
        });
        html! {
            <section class="a4-page" data-testid="print-page" data-page={page.number.to_string()} aria-label={format!("第 {} 页", page.number)}>
                <div class="a4-text-block">{ for reserved }{ for lines }</div>
                <div class={side}>{ format!("— {} —", page.number) }</div>
            </section>
        }
    });
    html! {
        <div class="print-preview" data-testid="print-preview">
            <div class="print-toolbar">
                <button type="button" class="button" onclick={on_print}>{"打印"}</button>
                <button type="button" class="button-secondary" data-testid="close-preview" onclick={on_close}>{"返回编辑（Esc）"}</button>
                <span class="print-note">
                    {format!("共 {} 页。按 GB/T 9704 排版：A4，上 37 毫米、下 35 毫米、左 28 毫米、右 26 毫米，3号仿宋，每行 {} 字、每页 {} 行。", props.pages.len(), props.grid.cells_per_line(), props.grid.lines_per_page())}
                    {"本机没有仿宋字体时以其他中文衬线字体代替，行和页的划分不变。"}
                </span>
            </div>
            <div class="print-pages">{ for pages }</div>
        </div>
    }
}
