//! The figures beside the editor. Each shows its raw number in `data-value` (a stable test hook)
//! and says exactly what it counts, since offices compare these numbers with Word's dialog.

use jianwen_engine::layout::LayoutProfile;
use jianwen_engine::Analysis;
use std::rc::Rc;
use yew::prelude::*;

/// One figure: test id, label, what it counts (on the grid in use), and how to read it off an
/// [`Analysis`].
struct Figure {
    test_id: &'static str,
    label: &'static str,
    explanation: Explanation,
    value: fn(&Analysis) -> usize,
}

/// What a figure counts, said once; the layout's figures name the grid the user set.
enum Explanation {
    Fixed(&'static str),
    OnGrid(fn(&LayoutProfile) -> String),
}

impl Explanation {
    fn text(&self, grid: &LayoutProfile) -> String {
        match self {
            Explanation::Fixed(text) => (*text).to_owned(),
            Explanation::OnGrid(text) => text(grid),
        }
    }
}

/// The grid as the explanations name it.
fn grid_words(grid: &LayoutProfile) -> String {
    let title = if grid.title() {
        "、首行为标题"
    } else {
        ""
    };
    let header = match grid.header_lines() {
        0 => String::new(),
        n => format!("、首页版头占 {n} 行"),
    };
    format!(
        "每行 {} 字、每页 {} 行、段首缩进 {} 字{title}{header}",
        grid.cells_per_line(),
        grid.lines_per_page(),
        grid.first_line_indent()
    )
}

const FIGURES: &[Figure] = &[
    Figure {
        test_id: "stat-zishu",
        label: "字数",
        explanation: Explanation::Fixed("与 Word「字数统计」一致：汉字和全角字符各计 1，连续的英文字母、数字（如 2024、GDP）整体计 1。"),
        value: |a| a.counts.word_count,
    },
    Figure {
        test_id: "stat-chars",
        label: "字符数（不计空格）",
        explanation: Explanation::Fixed("除空格、制表符和换行外的所有字符，每个字母、数字、标点各计 1。"),
        value: |a| a.counts.chars_no_spaces,
    },
    Figure {
        test_id: "stat-chars-spaces",
        label: "字符数（计空格）",
        explanation: Explanation::Fixed("除换行（段落标记）外的所有字符，含半角和全角空格。"),
        value: |a| a.counts.chars_with_spaces,
    },
    Figure { test_id: "stat-hanzi", label: "汉字", explanation: Explanation::Fixed("只计汉字（含〇），不计标点、字母和数字。"), value: |a| a.counts.hanzi },
    Figure { test_id: "stat-paragraphs", label: "段落", explanation: Explanation::Fixed("含文字的行数，空行不计；标题算一段。"), value: |a| a.counts.paragraphs },
    Figure {
        test_id: "stat-pages",
        label: "页数",
        explanation: Explanation::OnGrid(|grid| format!("按 GB/T 9704 版心排版（{}）所占页数。", grid_words(grid))),
        value: |a| a.layout.pages,
    },
    Figure {
        test_id: "stat-lines",
        label: "行数",
        explanation: Explanation::Fixed("按同一版心排版的总行数，含标题；空行计 1 行。"),
        value: |a| a.layout.lines,
    },
    Figure {
        test_id: "stat-last-page-lines",
        label: "末页行数",
        explanation: Explanation::OnGrid(|grid| {
            format!("最后一页已用的行数；每页 {} 行，用满即进入下一页。", grid.lines_per_page())
        }),
        value: |a| a.layout.lines_on_last_page,
    },
];

#[derive(Properties, PartialEq)]
pub struct StatsPanelProps {
    pub analysis: Rc<Analysis>,
    /// The figures describe an earlier text while an IME composition is open.
    pub stale: bool,
    /// The grid the layout's figures are counted on.
    pub grid: LayoutProfile,
    /// 发言稿 mode (the chosen 文种 caps speaking time): show the estimated speaking time, with
    /// the note on how it is estimated.
    pub speech_note: Option<AttrValue>,
}

#[component]
pub fn StatsPanel(props: &StatsPanelProps) -> Html {
    let figures = FIGURES.iter().enumerate().map(|(index, figure)| {
        let value = (figure.value)(&props.analysis);
        let class = if index == 0 { "stat stat-headline" } else { "stat" };
        let explanation = figure.explanation.text(&props.grid);
        html! {
            <div {class} title={explanation.clone()}>
                <dt class="stat-label">{ figure.label }</dt>
                <dd class="stat-value" data-testid={figure.test_id} data-value={value.to_string()}>{ value }</dd>
                <dd class="stat-note">{ explanation }</dd>
            </div>
        }
    });
    html! {
        <section class="panel-section" aria-labelledby="stats-heading">
            <h2 id="stats-heading" class="panel-heading">
                {"统计"}
                if props.stale { <span class="stat-pending">{"输入法组字中…"}</span> }
            </h2>
            <dl class="stats" aria-live="polite">
                { for figures }
                if let Some(note) = &props.speech_note {
                    <div class="stat stat-headline" title={note.clone()}>
                        <dt class="stat-label">{"发言时长（估算）"}</dt>
                        <dd class="stat-value" data-testid="stat-minutes" data-value={props.analysis.speaking_tenths.to_string()}>
                            { format!("约 {:.1} 分钟", props.analysis.speaking_tenths as f64 / 10.0) }
                        </dd>
                        <dd class="stat-note">{ note.clone() }</dd>
                    </div>
                }
            </dl>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_figures_name_the_grid_in_use() {
        let pages = |grid: LayoutProfile| FIGURES[5].explanation.text(&grid);
        assert_eq!(
            pages(LayoutProfile::gbt9704()),
            "按 GB/T 9704 版心排版（每行 28 字、每页 22 行、段首缩进 2 字、首行为标题）所占页数。"
        );
        let custom = LayoutProfile::try_new(30, 25, 2)
            .unwrap()
            .with_header_lines(13);
        assert!(pages(custom).contains("每行 30 字、每页 25 行"));
        assert!(pages(custom).contains("首页版头占 13 行"));
        assert!(FIGURES[7].explanation.text(&custom).contains("每页 25 行"));
    }
}
