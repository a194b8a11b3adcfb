//! The layer behind the textarea that mirrors its text with identical metrics, so marks drawn
//! here line up with the characters the user sees. Its own text is transparent; only mark
//! backgrounds and underlines show. Hidden from assistive technology: the textarea is the text.

use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightLayerProps {
    pub node_ref: NodeRef,
    pub text: Rc<str>,
}

#[component]
pub fn HighlightLayer(props: &HighlightLayerProps) -> Html {
    // One keyed component per line: typing in one paragraph re-renders only that paragraph.
    let lines = props.text.split('\n').enumerate().map(|(index, line)| {
        html! { <Paragraph key={index} text={AttrValue::from(line.to_owned())} /> }
    });
    html! {
        <div ref={props.node_ref.clone()} class="editor-layer" aria-hidden="true" lang="zh-CN">
            { for lines }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ParagraphProps {
    text: AttrValue,
}

/// One line of the mirror, ended by a newline. The newline after the last line is a trailing
/// newline, which `pre-wrap` does not render, so the mirror has exactly the textarea's lines.
#[component]
fn Paragraph(props: &ParagraphProps) -> Html {
    html! { <span class="layer-paragraph">{ props.text.clone() }{"\n"}</span> }
}
