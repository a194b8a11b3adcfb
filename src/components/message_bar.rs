//! A bar under the header for what the user must know now, in plain Chinese, saying what
//! happened and what was kept: a problem (storage refused…), a note on what a command did, or a
//! question with its choices (the two-tab conflict). One component for all of them.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessageBarProps {
    pub message: AttrValue,
    /// The bar's test hook (see the README's table).
    #[prop_or(AttrValue::Static("storage-error"))]
    pub testid: AttrValue,
    /// `alert` for problems and questions, `status` for notes.
    #[prop_or(AttrValue::Static("alert"))]
    pub role: AttrValue,
    /// 知道了: the bar goes away. A question without it stays until answered.
    #[prop_or_default]
    pub on_dismiss: Option<Callback<()>>,
    /// The bar's own choices (导出备份, the conflict's two answers).
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn MessageBar(props: &MessageBarProps) -> Html {
    html! {
        <div class="message-bar" role={props.role.clone()} data-testid={props.testid.clone()}>
            <span>{ props.message.clone() }</span>
            { props.children.clone() }
            if let Some(dismiss) = &props.on_dismiss {
                <button type="button" class="button-link" aria-label="关闭提示" onclick={dismiss.reform(|_: MouseEvent| ())}>{"知道了"}</button>
            }
        </div>
    }
}
