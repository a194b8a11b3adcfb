//! The layer behind the textarea that mirrors its text with identical metrics, so marks drawn
//! here line up with the characters the user sees. Its own text is transparent; only mark
//! backgrounds, underlines and page-break rules show. Hidden from assistive technology: the
//! textarea is the text.

pub mod model;

use crate::components::highlight_layer::model::{ParagraphView, Piece};
use crate::same::Same;
use js_sys::JsString;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightLayerProps {
    pub node_ref: NodeRef,
    pub paragraphs: Rc<Vec<ParagraphView>>,
}

#[component]
pub fn HighlightLayer(props: &HighlightLayerProps) -> Html {
    // One keyed component per paragraph: typing in one re-renders only that one, and adding
    // or removing one keeps the elements of the others.
    let lines = props
        .paragraphs
        .iter()
        .map(|view| html! { <Paragraph key={view.key} view={view.clone()} /> });
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
///
/// The offsets of its hooks (`data-start`, `data-end`) are written straight into the DOM, not
/// rendered: a keystroke shifts every later paragraph, which then only has its offsets written
/// again, while its body, equal pieces, renders nothing.
#[component]
fn Paragraph(props: &ParagraphProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let pieces = Same(Rc::clone(&props.view.pieces));
        use_effect_with((props.view.start, pieces), move |(start, pieces)| {
            if let Some(element) = node.cast::<web_sys::Element>() {
                write_offsets(&element, *start, &pieces.0);
            }
        });
    }
    html! {
        <div ref={node} class="layer-paragraph">
            <ParagraphBody pieces={Same(Rc::clone(&props.view.pieces))} />
            {"\n"}
        </div>
    }
}

/// A paragraph's pieces compare by address: the layer model hands back the very `Rc` of the
/// last views for every paragraph whose pieces are unchanged.
#[derive(Properties, PartialEq)]
struct BodyProps {
    pieces: Same<[Piece]>,
}

#[component]
fn ParagraphBody(props: &BodyProps) -> Html {
    props.pieces.0.iter().map(render_piece).collect::<Html>()
}

/// Writes the scalar offsets into the whole text of the paragraph's hooks: the elements with a
/// `data-testid` (marks, page breaks, the cut line) are those of the pieces with offsets, in the
/// same order, depth first.
fn write_offsets(paragraph: &web_sys::Element, start: usize, pieces: &[Piece]) {
    fn offsets(pieces: &[Piece], start: usize, out: &mut Vec<(usize, Option<usize>)>) {
        for piece in pieces {
            match piece {
                Piece::Text { .. } => {}
                Piece::Mark { mark, inner } => {
                    out.push((
                        (start as isize + mark.start) as usize,
                        Some(start + mark.end),
                    ));
                    offsets(inner, start, out);
                }
                Piece::PageBreak { start: at, .. } | Piece::CapCut { start: at, .. } => {
                    out.push((start + at, None))
                }
            }
        }
    }
    let mut wanted = Vec::new();
    offsets(pieces, start, &mut wanted);
    if wanted.is_empty() {
        return;
    }
    let Ok(hooks) = paragraph.query_selector_all("[data-testid]") else {
        return;
    };
    OFFSET_NAMES.with(|(start_name, end_name)| {
        for (index, (from, to)) in (0..hooks.length()).zip(wanted) {
            let Some(hook) = hooks.item(index) else {
                continue;
            };
            let hook: &HookElement = hook.unchecked_ref();
            hook.set_offset(start_name, from as f64);
            if let Some(to) = to {
                hook.set_offset(end_name, to as f64);
            }
        }
    });
}

thread_local! {
    /// The attribute names, made into JavaScript strings once.
    static OFFSET_NAMES: (JsString, JsString) = (JsString::from("data-start"), JsString::from("data-end"));
}

#[wasm_bindgen]
extern "C" {
    /// An element whose `setAttribute` is given the name as a JavaScript string and the value as
    /// a number. A keystroke rewrites the offsets of every later hook, and passing them as Rust
    /// strings decoded two strings per attribute, which cost more than setting it.
    type HookElement;

    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_offset(this: &HookElement, name: &JsString, value: f64);
}

/// Renders one piece; its offsets are written by [`write_offsets`].
fn render_piece(piece: &Piece) -> Html {
    match piece {
        Piece::Text { text, over: false } => html! { { text.clone() } },
        Piece::Text { text, over: true } => {
            html! { <span class="over-cap">{ text.clone() }</span> }
        }
        Piece::Mark { mark, inner } => html! {
            <mark
                class={classes!("mark", format!("mark-{}", mark.category.as_str()))}
                data-testid="mark"
                data-category={mark.category.as_str()}
                data-rule={mark.rule.clone()}
                data-title={mark.title.clone()}
            >{ for inner.iter().map(render_piece) }</mark>
        },
        Piece::PageBreak { page, .. } => html! {
            <span class="page-break" data-testid="page-break" data-page={page.to_string()} data-label={format!("第 {page} 页")} />
        },
        Piece::CapCut { label, .. } => html! { <CapCut label={label.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct CapCutProps {
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
    html! { <span ref={node} class="cap-cut" data-testid="cap-cut" data-label={props.label.clone()} /> }
}
