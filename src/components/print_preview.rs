//! 打印预览: the draft as A4 pages per GB/T 9704 (margins 37/35/28/26 mm, 3号仿宋 on the grid
//! the user set, 28 × 22 by default, page numbers "— N —" outside the text block, odd pages right and even pages left).
//! Line and page breaks come from the engine, so what prints is what 页数 says. The browser's
//! own print prints these pages and nothing else (see `@media print` in the stylesheet).

pub mod model;

use crate::components::print_preview::model::{LineKind, PrintPage};
use jianwen_engine::layout::LayoutProfile;
use jianwen_io::{DocFields, HeaderMode};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintPreviewProps {
    pub pages: Rc<Vec<PrintPage>>,
    /// The draft's 版头 and 版记 fields: a full 版头 is drawn in page 1's reserved lines, the
    /// 版记 under the last page's text, as the `.docx` sets them.
    #[prop_or_default]
    pub fields: DocFields,
    /// The grid the pages are laid out on.
    pub grid: LayoutProfile,
    pub on_close: Callback<()>,
}

/// A full 版头 in grid lines, as the `.docx` sets it: 份号, 密级 and 紧急程度 flush left; the red
/// 发文机关标志 centred on the fifth line; two lines lower the 发文字号 over the red rule.
fn header_lines(fields: &DocFields) -> Vec<Html> {
    let mut lines: Vec<Html> = [&fields.copy_number, &fields.secrecy, &fields.urgency]
        .into_iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| html! { <div class="grid-line grid-line-header">{ v.trim().to_owned() }</div> })
        .collect();
    while lines.len() < 4 {
        lines.push(html! { <div class="grid-line grid-line-reserved" /> });
    }
    lines.push(html! {
        <div class="grid-line grid-line-mark" data-testid="print-issuer-mark">{ fields.issuer_mark.trim().to_owned() }</div>
    });
    for _ in 0..2 {
        lines.push(html! { <div class="grid-line grid-line-reserved" /> });
    }
    let number = match fields.signer.trim() {
        "" => fields.doc_number.trim().to_owned(),
        signer => format!("{}　　签发人：{signer}", fields.doc_number.trim()),
    };
    lines.push(html! {
        <div class="grid-line grid-line-doc-number" data-testid="print-doc-number">{ number }</div>
    });
    lines
}

/// The 版记 under the last page's text: 抄送, then 印发机关 and 印发日期, between rules.
fn record_lines(fields: &DocFields) -> Vec<Html> {
    let mut lines = Vec::new();
    let copy_to = fields.copy_to.trim().trim_end_matches('。');
    if !copy_to.is_empty() {
        lines.push(html! {
            <div class="grid-line grid-line-record" data-testid="print-record">{ format!("抄送：{copy_to}。") }</div>
        });
    }
    let date = fields.printed_date.trim();
    if !(fields.printed_by.trim().is_empty() && date.is_empty()) {
        lines.push(html! {
            <div class="grid-line grid-line-record grid-line-printed" data-testid="print-record">
                <span>{ fields.printed_by.trim().to_owned() }</span>
                if !date.is_empty() { <span>{ format!("{date}印发") }</span> }
            </div>
        });
    }
    lines
}

#[component]
pub fn PrintPreview(props: &PrintPreviewProps) -> Html {
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let on_print = Callback::from(|_: MouseEvent| {
        gloo::utils::window().print().ok();
    });
    let pages = props.pages.iter().map(|page| {
        let side = if page.number % 2 == 1 { "page-number page-number-odd" } else { "page-number page-number-even" };
        let header = if page.number == 1 && props.fields.header == HeaderMode::Full {
            header_lines(&props.fields)
        } else {
            Vec::new()
        };
        let blank = page.reserved_lines.saturating_sub(header.len());
        let reserved = header
            .into_iter()
            .take(page.reserved_lines)
            .chain((0..blank).map(|_| html! { <div class="grid-line grid-line-reserved" /> }));
        let record = if page.number == props.pages.len() && props.fields.has_record() {
            record_lines(&props.fields)
        } else {
            Vec::new()
        };
        let lines = page.lines.iter().map(|line| {
            let class = match line.kind {
                LineKind::Title => "grid-line grid-line-title",
                LineKind::First => "grid-line grid-line-first",
                LineKind::Full => "grid-line",
                LineKind::Last { first: true } => "grid-line grid-line-first grid-line-last",
                LineKind::Last { first: false } => "grid-line grid-line-last",
            };
            html! {
                <>
                    { for (0..line.blank_before).map(|_| html! { <div class="grid-line grid-line-blank" /> }) }
                    <div {class}>{ line.text.clone() }</div>
                </>
            }
        });
        html! {
            <section class="a4-page" data-testid="print-page" data-page={page.number.to_string()} aria-label={format!("第 {} 页", page.number)}>
                <div class="a4-text-block">{ for reserved }{ for lines }{ for record }</div>
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
