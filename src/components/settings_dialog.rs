//! 设置: one modal dialog for everything the user can set — the page grid and the 红头 header
//! (版面), the speaking rate and their own cap profiles (篇幅上限), their own phrase rules with the
//! disabled rules and ignored findings (套话规则), the format-check switches (格式检查), and the
//! fonts of the exported Word document (导出).
//!
//! Every accepted change is emitted at once as a complete new [`Preferences`], so the analysis and
//! the stored settings follow while the dialog is open. A value that cannot be used changes
//! nothing: the field keeps what was typed, and a Chinese sentence beside it says what is wrong and
//! that nothing was changed. The checks are the engine's (`try_` constructors, `Unit::parse_limit`,
//! `RuleSet::add`…); the pure functions of `form` turn form text into those calls and are tested
//! natively.
//!
//! This file is the frame: focus in on open and back on close, Esc, the focus trap, the header and
//! footer buttons. Each section is its own component with its own form state, in
//! `settings_dialog/`, and `fields` holds what they share.

mod caps_section;
mod export_section;
mod fields;
mod form;
mod format_section;
mod layout_section;
mod rules_section;

use self::caps_section::CapsSection;
use self::export_section::ExportSection;
use self::fields::focus;
use self::format_section::FormatSection;
use self::layout_section::LayoutSection;
use self::rules_section::RulesSection;
use crate::hooks::{use_escape, use_focus_return};
use crate::preferences::Preferences;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsDialogProps {
    pub preferences: Rc<Preferences>,
    /// Receives a complete new `Preferences` for every accepted change.
    pub on_change: Callback<Preferences>,
    /// The user asked to close the dialog (关闭, 完成 or Esc).
    pub on_close: Callback<()>,
}

#[component]
pub fn SettingsDialog(props: &SettingsDialogProps) -> Html {
    let dialog_ref = use_node_ref();
    let close_ref = use_node_ref();
    let done_ref = use_node_ref();
    // Focus moves into the dialog on open and back to what had it (the 设置 button) on close;
    // Esc closes it from anywhere (not while an input method is composing).
    use_focus_return(dialog_ref.clone());
    use_escape(true, props.on_close.clone());

    let on_close = props.on_close.reform(|_: MouseEvent| ());
    // A focus trap made of two sentinels: leaving the dialog by Tab wraps to its other end.
    let wrap_to_first = {
        let close_ref = close_ref.clone();
        Callback::from(move |_: FocusEvent| focus(&close_ref))
    };
    let wrap_to_last = {
        let done_ref = done_ref.clone();
        Callback::from(move |_: FocusEvent| focus(&done_ref))
    };

    let (preferences, on_change) = (props.preferences.clone(), props.on_change.clone());
    html! {
        <div class="settings-backdrop">
            <span class="settings-sentinel" tabindex="0" onfocus={wrap_to_last} />
            <div class="settings-dialog" role="dialog" aria-modal="true" aria-labelledby="settings-title" aria-describedby="settings-intro"
                data-testid="settings-dialog" tabindex="-1" ref={dialog_ref}>
                <div class="settings-head">
                    <h2 id="settings-title" class="settings-title">{"设置"}</h2>
                    <p id="settings-intro" class="settings-intro">{"改动立即生效，并保存在本机浏览器中。按 Esc 关闭。"}</p>
                    <button type="button" class="button-secondary" data-testid="settings-close" ref={close_ref} onclick={on_close.clone()}>{"关闭"}</button>
                </div>
                <div class="settings-body">
                    <LayoutSection preferences={preferences.clone()} on_change={on_change.clone()} />
                    <CapsSection preferences={preferences.clone()} on_change={on_change.clone()} />
                    <RulesSection preferences={preferences.clone()} on_change={on_change.clone()} />
                    <FormatSection preferences={preferences.clone()} on_change={on_change.clone()} />
                    <ExportSection {preferences} {on_change} />
                </div>
                <div class="settings-foot">
                    <button type="button" class="button" data-testid="settings-done" ref={done_ref} onclick={on_close}>{"完成"}</button>
                </div>
            </div>
            <span class="settings-sentinel" tabindex="0" onfocus={wrap_to_first} />
        </div>
    }
}
