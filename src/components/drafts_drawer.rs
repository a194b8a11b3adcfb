//! The 草稿 drawer: the list of drafts with new / open / rename / duplicate / delete, the 回收站,
//! and the history of the open draft with 保存版本, view and restore. It opens over the left of
//! the workspace and leaves the layout of the screen as it is; focus moves into it, and Esc or
//! 关闭 closes it and returns focus to the 草稿 button.

pub mod model;

use crate::browser::storage::STORAGE_LIMIT_NOTE;
use crate::components::drafts_drawer::model::{DraftRow, SnapshotRow, TrashRow};
use crate::hooks::use_focus_return;
use jianwen_engine::counting::count;
use jianwen_io::{History, MAX_SNAPSHOTS, TRASH_RETENTION_MS};
use std::rc::Rc;
use yew::prelude::*;

/// What the user asks of the drafts drawer.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftCommand {
    New,
    Open(AttrValue),
    Rename(AttrValue),
    Duplicate(AttrValue),
    Delete(AttrValue),
    Restore(AttrValue),
    /// 保存版本: a snapshot of the open draft now.
    SaveVersion,
    /// Show the snapshot at this index of the history.
    ViewSnapshot(usize),
    /// Put the snapshot at this index in the editor, as one undoable edit.
    RestoreSnapshot(usize),
    CloseView,
}

/// A snapshot being viewed.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotView {
    pub index: usize,
    pub label: AttrValue,
    pub text: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct DraftsDrawerProps {
    pub drafts: Rc<Vec<DraftRow>>,
    pub trash: Rc<Vec<TrashRow>>,
    pub snapshots: Rc<Vec<SnapshotRow>>,
    pub viewing: Option<SnapshotView>,
    pub on_command: Callback<DraftCommand>,
    pub on_close: Callback<()>,
}

/// The snapshot at `index` of `history` as the drawer shows it, read-only, if there is one.
pub fn snapshot_view(history: &History, index: usize) -> Option<SnapshotView> {
    let snapshot = history.snapshots().get(index)?;
    let label = format!(
        "{} 的版本（{} 字），只读：",
        short_time(snapshot.at_ms),
        count(&snapshot.text).word_count
    );
    Some(SnapshotView {
        index,
        label: label.into(),
        text: snapshot.text.clone().into(),
    })
}

/// `MM-DD HH:MM` in the user's time zone.
pub fn short_time(ms: i64) -> String {
    let date = js_sys::Date::new(&(ms as f64).into());
    format!(
        "{:02}-{:02} {:02}:{:02}",
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

#[component]
pub fn DraftsDrawer(props: &DraftsDrawerProps) -> Html {
    let command = |c: DraftCommand| props.on_command.reform(move |_: MouseEvent| c.clone());
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let first_ref = use_node_ref();
    // Opening the drawer moves the keyboard into it, at 新建草稿; closing it gives the keyboard
    // back to the 草稿 button. (Esc closes it: see the app's `use_escape`.)
    use_focus_return(first_ref.clone());
    let days = TRASH_RETENTION_MS / (24 * 60 * 60 * 1000);
    html! {
        <aside class="drafts-drawer" data-testid="drafts-drawer" aria-label="草稿">
            <div class="drawer-head">
                <h2 class="panel-heading">{"草稿"}</h2>
                <button ref={first_ref} type="button" class="button" data-testid="draft-new" onclick={command(DraftCommand::New)}>{"新建草稿"}</button>
                <button type="button" class="button-link" data-testid="drafts-close" onclick={on_close}>{"关闭"}</button>
            </div>
            <ul class="draft-list" data-testid="draft-list">
                { for props.drafts.iter().map(|row| html! {
                    <li key={row.id.as_str()} class={classes!("draft-item", row.current.then_some("draft-current"))} data-testid="draft-item" data-id={row.id.clone()} aria-current={row.current.then_some("true")}>
                        <button type="button" class="draft-open" data-testid="draft-open" onclick={command(DraftCommand::Open(row.id.clone()))}>
                            <span class="draft-title" data-testid="draft-title">{ row.title.clone() }</span>
                            <span class="draft-meta">{ format!("{} · {} 字", short_time(row.updated_ms), row.word_count) }</span>
                        </button>
                        <span class="draft-actions">
                            <button type="button" class="button-link" data-testid="draft-rename" onclick={command(DraftCommand::Rename(row.id.clone()))}>{"重命名"}</button>
                            <button type="button" class="button-link" data-testid="draft-duplicate" onclick={command(DraftCommand::Duplicate(row.id.clone()))}>{"复制"}</button>
                            <button type="button" class="button-link" data-testid="draft-delete" onclick={command(DraftCommand::Delete(row.id.clone()))}>{"删除"}</button>
                        </span>
                    </li>
                }) }
            </ul>
            <p class="drawer-note">{ STORAGE_LIMIT_NOTE }</p>

            <section class="panel-section" aria-label="历史版本">
                <div class="drawer-head">
                    <h3 class="drawer-subheading">{"历史版本（当前草稿）"}</h3>
                    <button type="button" class="button-secondary" data-testid="snapshot-save" onclick={command(DraftCommand::SaveVersion)}>{"保存版本"}</button>
                </div>
                <p class="drawer-note">{ format!("连续编辑每满 5 分钟自动保存一个版本，全部修正和恢复版本前也会自动保存；每份草稿保留最近 {MAX_SNAPSHOTS} 个版本。") }</p>
                <ul class="draft-list" data-testid="snapshot-list">
                    { for props.snapshots.iter().map(|row| html! {
                        <li key={row.index} class="draft-item" data-testid="snapshot-item" data-index={row.index.to_string()}>
                            <span class="draft-meta">{ format!("{} · {} 字 · {}", short_time(row.at_ms), row.word_count, row.reason) }</span>
                            <span class="draft-actions">
                                <button type="button" class="button-link" data-testid="snapshot-view" onclick={command(DraftCommand::ViewSnapshot(row.index))}>{"查看"}</button>
                                <button type="button" class="button-link" data-testid="snapshot-restore" onclick={command(DraftCommand::RestoreSnapshot(row.index))}>{"恢复"}</button>
                            </span>
                        </li>
                    }) }
                </ul>
                if let Some(view) = &props.viewing {
                    <div class="snapshot-view">
                        <p class="drawer-note">{ view.label.clone() }</p>
                        <textarea class="snapshot-text" data-testid="snapshot-text" readonly=true lang="zh-CN" aria-label="版本内容" value={view.text.clone()} />
                        <span class="draft-actions">
                            <button type="button" class="button-link" onclick={command(DraftCommand::RestoreSnapshot(view.index))}>{"恢复此版本"}</button>
                            <button type="button" class="button-link" onclick={command(DraftCommand::CloseView)}>{"关闭查看"}</button>
                        </span>
                    </div>
                }
            </section>

            <section class="panel-section" aria-label="回收站">
                <h3 class="drawer-subheading">{"回收站"}</h3>
                <p class="drawer-note">{ format!("删除的草稿在回收站保留 {days} 天，之后自动清除。") }</p>
                <ul class="draft-list" data-testid="draft-trash">
                    { for props.trash.iter().map(|row| html! {
                        <li key={row.id.as_str()} class="draft-item" data-testid="trash-item" data-id={row.id.clone()}>
                            <span class="draft-title">{ row.title.clone() }</span>
                            <span class="draft-meta">{ format!("{} 天后清除", row.days_left) }</span>
                            <button type="button" class="button-link" data-testid="draft-restore" onclick={command(DraftCommand::Restore(row.id.clone()))}>{"恢复"}</button>
                        </li>
                    }) }
                </ul>
            </section>
        </aside>
    }
}
