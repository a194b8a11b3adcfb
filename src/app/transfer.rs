//! Import, export and backup restore: what the header's 导入 and 导出 menus and a file dropped
//! on the editor ask of the app.
//!
//! An imported `.txt` or `.docx` opens as a new draft, and a backup is merged into the library
//! ([`jianwen_io::Library::merge`]), so an import never overwrites what the user wrote. A file
//! that cannot be read changes nothing and says why in the message bar.

use super::draft_store::DraftStore;
use super::{now, Notice};
use crate::components::header::Export;
use crate::files;
use crate::preferences::Preferences;
use crate::report::{check_report, file_stem};
use crate::state::Draft;
use gloo::file::callbacks::FileReader;
use jianwen_io::{title_from_text, Backup};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The file read in progress; dropping it cancels the read, so it is kept until the next one.
pub type PendingRead = Rc<RefCell<Option<FileReader>>>;

/// Opens the text of a `.txt` or `.docx` file as a new draft.
pub fn import_handler(
    store: &Rc<RefCell<DraftStore>>,
    open_draft: &Callback<String>,
    notice: &Notice,
    pending: &PendingRead,
) -> Callback<web_sys::File> {
    let (store, open_draft, notice, pending) = (
        store.clone(),
        open_draft.clone(),
        notice.clone(),
        pending.clone(),
    );
    Callback::from(move |file: web_sys::File| {
        let (store, open_draft, notice) = (store.clone(), open_draft.clone(), notice.clone());
        let reader = files::read_bytes(&file, move |bytes| {
            let Some(text) = notice.report(bytes.and_then(|bytes| files::import_text(&bytes)))
            else {
                return;
            };
            // The draft exists in memory even if storage refuses it: open it either way.
            let (id, saved) = store.borrow_mut().create(&text, now());
            open_draft.emit(id);
            notice.report(saved);
        });
        pending.replace(Some(reader));
    })
}

/// Downloads the open draft as text, its check report, or a backup of every draft (the 回收站
/// included) with the settings.
pub fn export_handler(
    store: &Rc<RefCell<DraftStore>>,
    draft: &UseReducerHandle<Draft>,
    notice: &Notice,
) -> Callback<Export> {
    let (store, draft, notice) = (store.clone(), draft.clone(), notice.clone());
    Callback::from(move |kind: Export| {
        let title = title_from_text(&draft.text);
        let stem = file_stem(&title, "简文草稿");
        let result = match kind {
            Export::Text => files::download(
                &format!("{stem}.txt"),
                "text/plain;charset=utf-8",
                &draft.text,
            ),
            // The analysis and the text it describes, together: mid-composition `text` is ahead.
            Export::Report => files::download(
                &format!("{stem}-检查报告.html"),
                "text/html;charset=utf-8",
                &check_report(
                    &title_from_text(&draft.analyzed_text),
                    &draft.analyzed_text,
                    &draft.analysis,
                ),
            ),
            Export::Backup => {
                let settings = serde_json::to_value(&*draft.preferences).unwrap_or_default();
                let backup = store.borrow().library().to_backup(settings, now());
                files::download(
                    &format!("简文备份-{}.json", today()),
                    "application/json",
                    &backup.to_json(),
                )
            }
        };
        notice.report(result);
    })
}

/// Merges the drafts of a backup file into the library, never overwriting one, and takes its
/// settings after a confirm.
pub fn restore_handler(
    store: &Rc<RefCell<DraftStore>>,
    draft: &UseReducerHandle<Draft>,
    configure: &Callback<Preferences>,
    notice: &Notice,
    force_update: &UseForceUpdateHandle,
    pending: &PendingRead,
) -> Callback<web_sys::File> {
    let (store, draft, configure, notice, force_update, pending) = (
        store.clone(),
        draft.clone(),
        configure.clone(),
        notice.clone(),
        force_update.clone(),
        pending.clone(),
    );
    Callback::from(move |file: web_sys::File| {
        let (store, draft, configure, notice, force_update) = (
            store.clone(),
            draft.clone(),
            configure.clone(),
            notice.clone(),
            force_update.clone(),
        );
        let reader = files::read_bytes(&file, move |bytes| {
            let backup = bytes
                .and_then(|bytes| {
                    String::from_utf8(bytes).map_err(|_| {
                        "这个文件不是简文的备份文件（不是 UTF-8 文本）。没有导入任何内容。"
                            .to_owned()
                    })
                })
                .and_then(|json| Backup::from_json(&json, now()).map_err(|e| e.to_string()));
            let Some(backup) = notice.report(backup) else {
                return;
            };
            let merged = store.borrow_mut().merge(&backup, now());
            if let Some(report) = notice.report(merged) {
                notice.offer_backup.set(false);
                notice
                    .message
                    .set(Some(format!("{report}打开“草稿”可查看。").into()));
            }
            force_update.force_update();
            take_settings(&backup, &draft.preferences, &configure, &notice);
        });
        pending.replace(Some(reader));
    })
}

fn take_settings(
    backup: &Backup,
    current: &Preferences,
    configure: &Callback<Preferences>,
    notice: &Notice,
) {
    if backup.settings.is_null() {
        return;
    }
    match serde_json::from_value::<Preferences>(backup.settings.clone()) {
        Ok(settings) if settings == *current => {}
        Ok(settings) => {
            let question = "同时采用备份中的设置（版心、规则、文种等）吗？选“取消”则保留当前设置。";
            if gloo::utils::window()
                .confirm_with_message(question)
                .unwrap_or(false)
            {
                configure.emit(settings);
            }
        }
        Err(_) => notice.message.set(Some(
            "备份中的设置无法读取（可能来自不兼容的版本），已保留当前设置。".into(),
        )),
    }
}

/// Today's date as `YYYY-MM-DD` in the user's time zone, for file names.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
