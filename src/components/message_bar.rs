//! A dismissible bar under the header for problems the user must know about (storage refused…),
//! in plain Chinese, saying what happened and what was kept.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessageBarProps {
    pub message: AttrValue,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn MessageBar(props: &MessageBarProps) -> Html {
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="message-bar" role="alert" data-testid="storage-error">
            <span>{ props.message.clone() }</span>
            <button type="button" class="button-link" aria-label="关闭提示" onclick={on_dismiss}>{"知道了"}</button>
        </div>
    }
}
