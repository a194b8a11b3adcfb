//! A dismissible bar under the header for problems the user must know about (storage refused…),
//! in plain Chinese, saying what happened and what was kept.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MessageBarProps {
    pub message: AttrValue,
    pub on_dismiss: Callback<()>,
    /// Offered after a refused write: download a backup of every draft before anything else.
    #[prop_or_default]
    pub on_export_backup: Option<Callback<()>>,
}

#[component]
pub fn MessageBar(props: &MessageBarProps) -> Html {
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="message-bar" role="alert" data-testid="storage-error">
            <span>{ props.message.clone() }</span>
            if let Some(export) = &props.on_export_backup {
                <button type="button" class="button" data-testid="storage-error-backup" onclick={export.reform(|_: MouseEvent| ())}>{"导出备份"}</button>
            }
            <button type="button" class="button-link" aria-label="关闭提示" onclick={on_dismiss}>{"知道了"}</button>
        </div>
    }
}
