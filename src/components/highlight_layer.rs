//! The layer behind the textarea that mirrors its text with identical metrics, so marks drawn
//! here line up with the characters the user sees. Its own text is transparent; only mark
//! backgrounds, underlines and page-break rules show. Hidden from assistive technology: the
//! textarea is the text.

use crate::layer_model::{ParagraphView, Piece};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightLayerProps {
    pub node_ref: NodeRef,
    pub paragraphs: Rc<Vec<ParagraphView>>,
}

#[component]
pub fn HighlightLayer(props: &HighlightLayerProps) -> Html {
    // One keyed component per line: typing in one paragraph re-renders only that paragraph.
    let lines = props.paragraphs.iter().enumerate().map(|(index, view)| {
        html! { <Paragraph key={index} view={view.clone()} /> }
    });
    // Hidden from assistive technology (the textarea holds the text), and out of the tab order:
    // Chrome makes a scrolling box focusable by default, which would add an invisible stop.
    html! {
        <div ref={props.node_ref.clone()} class="editor-layer" aria-hidden="true" tabindex="-1" lang="zh-CN">
            { for lines }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ParagraphProps {
    view: ParagraphView,
}

/// One paragraph of the mirror: a block of its own, so that an edit lays out again only the
/// paragraph it changes (in one inline run, every keystroke laid out the whole draft's lines).
/// Its text ends with the newline that ends it in the textarea; `pre-wrap` draws no line for a
/// newline at the end of a block, while an empty paragraph, the newline alone, keeps its one
/// line. So the mirror has exactly the textarea's lines, which wrap paragraph by paragraph too.
#[component]
fn Paragraph(props: &ParagraphProps) -> Html {
    let start = props.view.start;
    html! { <div class="layer-paragraph">{ for props.view.pieces.iter().map(|piece| render_piece(piece, start)) }{"\n"}</div> }
}

/// Renders `piece` of the paragraph that starts at scalar offset `start`: the hooks hold offsets
/// into the whole text.
fn render_piece(piece: &Piece, start: usize) -> Html {
    match piece {
        Piece::Text { text, over: false } => html! { { text.clone() } },
        Piece::Text { text, over: true } => html! { <span class="over-cap">{ text.clone() }</span> },
        Piece::Mark { mark, inner } => html! {
            <mark
                class={classes!("mark", format!("mark-{}", mark.category))}
                data-testid="mark"
                data-category={mark.category}
                data-rule={mark.rule.clone()}
                data-start={(start as isize + mark.start).to_string()}
                data-end={(start + mark.end).to_string()}
                data-title={mark.title.clone()}
            >{ for inner.iter().map(|piece| render_piece(piece, start)) }</mark>
        },
        Piece::PageBreak { page, start: at } => html! {
            <span
                class="page-break"
                data-testid="page-break"
                data-page={page.to_string()}
                data-start={(start + at).to_string()}
                data-label={format!("第 {page} 页")}
            />
        },
        Piece::CapCut { start: at, label } => html! { <CapCut start={start + at} label={label.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct CapCutProps {
    start: usize,
    label: AttrValue,
}

/// The cap's cut line. Its label is drawn from the custom property `--label`, set through the
/// CSSOM (the content security policy allows no inline style), not read by `attr()`: see the
/// stylesheet on why no rule reads attributes.
#[component]
fn CapCut(props: &CapCutProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.label.clone(), move |label| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let quoted = format!("\"{}\"", label.replace('\\', "\\\\").replace('"', "\\\""));
                element.style().set_property("--label", &quoted).ok();
            }
        });
    }
    html! { <span ref={node} class="cap-cut" data-testid="cap-cut" data-start={props.start.to_string()} data-label={props.label.clone()} /> }
}
