//! 版面: the page grid (the GB/T 9704 preset or the user's own cells, lines and indent), a title
//! as the first paragraph, and the lines page 1 reserves for a 红头 header.
//!
//! The three grid fields make one [`LayoutProfile`], so a change to any of them is checked with
//! the other two as typed; an error is shown at the field it belongs to.

use super::fields::{bind, number_field, Emitter, NumberField, SectionProps};
use super::form::{grid_from_fields, header_from_field, is_preset_grid, set, LayoutField};
use jianwen_engine::layout::LayoutProfile;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The preset grid's name, as the 版面 section offers it.
const PRESET_LABEL: &str = "GB/T 9704 正文（每行 28 字 × 每页 22 行，首行缩进 2 字）";

/// Why page 1 of a 红头 document starts lower, next to the reserved-lines field.
const HEADER_NOTE: &str =
    "按 GB/T 9704，红头文件首页的版头（发文机关标志、发文字号、红色分隔线、标题、主送机关）约占 12–15 行，正文从其下开始。";

#[component]
pub(super) fn LayoutSection(props: &SectionProps) -> Html {
    let layout = props.preferences.layout;
    let emitter = Emitter::new(props);

    let custom_grid = use_state(|| !is_preset_grid(layout));
    let cells = use_state(|| layout.cells_per_line().to_string());
    let lines = use_state(|| layout.lines_per_page().to_string());
    let indent = use_state(|| layout.first_line_indent().to_string());
    let header_lines = use_state(|| match layout.header_lines() {
        0 => LayoutProfile::TYPICAL_HEADER_LINES.to_string(),
        n => n.to_string(),
    });
    let layout_error = use_state(|| None::<(LayoutField, String)>);

    let choose_preset = {
        let (emitter, layout_error, custom_grid) =
            (emitter.clone(), layout_error.clone(), custom_grid.clone());
        let (cells, lines, indent) = (cells.clone(), lines.clone(), indent.clone());
        Callback::from(move |_: Event| {
            let preset = LayoutProfile::gbt9704();
            let fields = [
                preset.cells_per_line(),
                preset.lines_per_page(),
                preset.first_line_indent(),
            ]
            .map(|n| n.to_string());
            match grid_from_fields(
                emitter.current.layout,
                [&fields[0], &fields[1], &fields[2]],
                LayoutField::Cells,
            )
            .and_then(|grid| {
                emitter
                    .apply(|p| set(&mut p.layout, grid))
                    .map_err(|m| (LayoutField::Cells, m))
            }) {
                Ok(()) => {
                    let [c, l, i] = fields;
                    cells.set(c);
                    lines.set(l);
                    indent.set(i);
                    custom_grid.set(false);
                    layout_error.set(None);
                }
                Err(error) => {
                    custom_grid.set(true);
                    layout_error.set(Some(error));
                }
            }
        })
    };
    let choose_custom = {
        let custom_grid = custom_grid.clone();
        Callback::from(move |_: Event| custom_grid.set(true))
    };
    let grid_change = |edited: LayoutField| {
        let (emitter, layout_error, custom_grid) =
            (emitter.clone(), layout_error.clone(), custom_grid.clone());
        let (cells, lines, indent) = (cells.clone(), lines.clone(), indent.clone());
        Callback::from(move |e: Event| {
            // The changed field is read from the DOM: `change` can follow `input` before a render.
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut fields = [(*cells).clone(), (*lines).clone(), (*indent).clone()];
            let state = match edited {
                LayoutField::Cells => (0, &cells),
                LayoutField::Lines => (1, &lines),
                _ => (2, &indent),
            };
            fields[state.0] = typed.clone();
            state.1.set(typed);
            let result = grid_from_fields(
                emitter.current.layout,
                [&fields[0], &fields[1], &fields[2]],
                edited,
            )
            .and_then(|grid| {
                emitter
                    .apply(|p| set(&mut p.layout, grid))
                    .map(|()| grid)
                    .map_err(|m| (edited, m))
            });
            match result {
                Ok(grid) => {
                    custom_grid.set(!is_preset_grid(grid));
                    layout_error.set(None);
                }
                Err(error) => layout_error.set(Some(error)),
            }
        })
    };
    let on_title = {
        let emitter = emitter.clone();
        Callback::from(move |e: Event| {
            let title = e.target_unchecked_into::<HtmlInputElement>().checked();
            emitter
                .apply(|p| {
                    let titled = p.layout.with_title(title);
                    set(&mut p.layout, titled)
                })
                .ok();
        })
    };
    let apply_header = {
        let (emitter, layout_error, header_lines) =
            (emitter.clone(), layout_error.clone(), header_lines.clone());
        move |on: bool, typed: &str| match header_from_field(emitter.current.layout, on, typed)
            .and_then(|profile| emitter.apply(|p| set(&mut p.layout, profile)))
        {
            Ok(()) => {
                header_lines.set(typed.to_string());
                layout_error.set(None);
            }
            Err(message) => {
                header_lines.set(typed.to_string());
                layout_error.set(Some((LayoutField::Header, message)));
            }
        }
    };
    let on_header_toggle = {
        let (apply_header, header_lines) = (apply_header.clone(), header_lines.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            apply_header(on, &header_lines);
        })
    };
    let on_header_lines = {
        let header_on = layout.header_lines() > 0;
        let header_lines = header_lines.clone();
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            if header_on {
                apply_header(true, &typed);
            } else {
                // Kept for when the box is ticked.
                header_lines.set(typed);
            }
        })
    };
    let layout_error_for = |field: LayoutField| {
        layout_error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    };

    let header_on = layout.header_lines() > 0;
    html! {
        <section class="settings-section" aria-labelledby="settings-layout-heading">
            <h3 id="settings-layout-heading" class="settings-heading">{"版面"}</h3>
            <p class="settings-hint">{"行数、页数、页面分隔线和打印预览都按这里的版心计算。"}</p>
            <fieldset class="settings-fieldset">
                <legend>{"版心"}</legend>
                <label class="settings-check">
                    <input type="radio" name="settings-grid" checked={!*custom_grid} data-testid="layout-preset" onchange={choose_preset} />
                    <span>{ PRESET_LABEL }</span>
                </label>
                <label class="settings-check">
                    <input type="radio" name="settings-grid" checked={*custom_grid} data-testid="layout-custom" onchange={choose_custom} />
                    <span>{"自定义版心"}</span>
                </label>
                <div class="settings-row">
                    { number_field(NumberField { id: "settings-cells", label: "每行字数", test_id: "layout-cells", value: &cells, min: 1, max: LayoutProfile::MAX_GRID,
                        hint: None, error: layout_error_for(LayoutField::Cells) }, bind(&cells), grid_change(LayoutField::Cells)) }
                    { number_field(NumberField { id: "settings-lines", label: "每页行数", test_id: "layout-lines", value: &lines, min: 1, max: LayoutProfile::MAX_GRID,
                        hint: None, error: layout_error_for(LayoutField::Lines) }, bind(&lines), grid_change(LayoutField::Lines)) }
                    { number_field(NumberField { id: "settings-indent", label: "首行缩进（字）", test_id: "layout-indent", value: &indent, min: 0, max: LayoutProfile::MAX_GRID - 1,
                        hint: None, error: layout_error_for(LayoutField::Indent) }, bind(&indent), grid_change(LayoutField::Indent)) }
                </div>
            </fieldset>
            <label class="settings-check">
                <input type="checkbox" checked={layout.title()} data-testid="layout-title" aria-describedby="settings-title-hint" onchange={on_title} />
                <span>{"首行为标题"}</span>
            </label>
            <p id="settings-title-hint" class="settings-hint settings-indented">{"第一段作标题：居中、不缩进。"}</p>
            <label class="settings-check">
                <input type="checkbox" checked={header_on} data-testid="layout-header-toggle" aria-describedby="settings-header-lines-hint" onchange={on_header_toggle} />
                <span>{"红头文件首页"}</span>
            </label>
            <div class="settings-indented">
                { number_field(NumberField { id: "settings-header-lines", label: "首页为版头预留的行数", test_id: "layout-header-lines", value: &header_lines, min: 1,
                    max: layout.lines_per_page().saturating_sub(1).max(1), hint: Some(format!("{HEADER_NOTE}默认 {} 行；勾选“红头文件首页”后生效。", LayoutProfile::TYPICAL_HEADER_LINES)),
                    error: layout_error_for(LayoutField::Header) }, bind(&header_lines), on_header_lines) }
            </div>
        </section>
    }
}
