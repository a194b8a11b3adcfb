//! Import, export and backup restore: what the header's 导入 and 导出 menus and a file dropped
//! on the editor ask of the app.
//!
//! An imported `.txt` or `.docx` opens as a new draft, and a backup is merged into the library
//! ([`jianwen_io::Library::merge`]), so an import never overwrites what the user wrote. A file
//! that cannot be read changes nothing and says why in the message bar.

use super::now;
use crate::browser::files;
use crate::components::header::Export;
use crate::export::report::{check_report, file_stem};
use crate::preferences::Preferences;
use crate::problem::Problem;
use crate::state::{Action, AppState};
use gloo::file::callbacks::FileReader;
use jianwen_engine::elements::elements;
use jianwen_io::{gbt9704_docx, title_from_text, Backup, DocxOptions};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The media type of a Word document.
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The file read in progress; dropping it cancels the read, so it is kept until the next one.
pub type PendingRead = Rc<RefCell<Option<FileReader>>>;

/// Opens the text of a `.txt` or `.docx` file as a new draft.
pub fn import_handler(
    state: &UseReducerHandle<AppState>,
    pending: &PendingRead,
) -> Callback<web_sys::File> {
    let (state, pending) = (state.clone(), pending.clone());
    Callback::from(move |file: web_sys::File| {
        let state = state.clone();
        let reader = files::read_bytes(&file, move |bytes| {
            match bytes.and_then(|bytes| files::import_text(&bytes)) {
                Ok(text) => state.dispatch(Action::Import { text, now: now() }),
                Err(problem) => state.dispatch(Action::Report(problem)),
            }
        });
        pending.replace(Some(reader));
    })
}

/// Downloads the open draft as text, its check report, or a backup of every draft (the 回收站
/// included) with the settings.
pub fn export_handler(state: &UseReducerHandle<AppState>) -> Callback<Export> {
    let state = state.clone();
    Callback::from(move |kind: Export| {
        let draft = &state.draft;
        let title = title_from_text(&draft.text);
        let stem = file_stem(&title, "简文草稿");
        let result = match kind {
            Export::Text => files::download(
                &format!("{stem}.txt"),
                "text/plain;charset=utf-8",
                &*draft.text,
            ),
            // The analysis and the text it describes, together: mid-composition `text` is ahead.
            Export::Report => files::download(
                &format!("{stem}-检查报告.html"),
                "text/html;charset=utf-8",
                check_report(
                    &title_from_text(&draft.analyzed_text),
                    &draft.analyzed_text,
                    &draft.analysis,
                )
                .as_str(),
            ),
            // The 公文 as it is analysed: the elements are read from the text the analysis has.
            Export::Docx => {
                let text = &draft.analyzed_text;
                // The engine's reservation: the draft's 版头 sets one (see
                // `Preferences::engine_settings`), so the file's pages are the figures'.
                let options = DocxOptions {
                    fonts: draft.preferences.docx_fonts,
                    fields: state.store.current().fields.clone(),
                    reserved_lines: draft.settings.layout.header_lines(),
                };
                let docx = gbt9704_docx(text, &elements(text), &options);
                files::download(&format!("{stem}.docx"), DOCX_MIME, docx.as_slice())
            }
            Export::Backup => {
                let settings = serde_json::to_value(&*draft.preferences).unwrap_or_default();
                let backup = state.store.library().to_backup(settings, now());
                files::download(
                    &format!("简文备份-{}.json", today()),
                    "application/json",
                    backup.to_json().as_str(),
                )
            }
        };
        if let Err(problem) = result {
            state.dispatch(Action::Report(problem));
        }
    })
}

/// Merges the drafts of a backup file into the library, never overwriting one, and takes its
/// settings after a confirm.
pub fn restore_handler(
    state: &UseReducerHandle<AppState>,
    pending: &PendingRead,
) -> Callback<web_sys::File> {
    let (state, pending) = (state.clone(), pending.clone());
    Callback::from(move |file: web_sys::File| {
        let state = state.clone();
        let reader = files::read_bytes(&file, move |bytes| {
            let backup = bytes
                .and_then(|bytes| {
                    String::from_utf8(bytes).map_err(|_| {
                        Problem::Unreadable(
                            "这个文件不是简文的备份文件（不是 UTF-8 文本）。没有导入任何内容。"
                                .to_owned(),
                        )
                    })
                })
                .and_then(|json| {
                    Backup::from_json(&json, now()).map_err(|e| Problem::Unreadable(e.to_string()))
                });
            let backup = match backup {
                Ok(backup) => backup,
                Err(problem) => return state.dispatch(Action::Report(problem)),
            };
            let settings = backup.settings.clone();
            state.dispatch(Action::Merge {
                backup: Box::new(backup),
                now: now(),
            });
            take_settings(&settings, &state);
        });
        pending.replace(Some(reader));
    })
}

/// Offers the backup's settings when they differ from the current ones.
fn take_settings(settings: &serde_json::Value, state: &UseReducerHandle<AppState>) {
    if settings.is_null() {
        return;
    }
    // From text, as the stored preferences are read: one deserialiser of `Preferences` in the
    // wasm, not two.
    match serde_json::from_str::<Preferences>(&settings.to_string()) {
        Ok(settings) if settings == *state.draft.preferences => {}
        Ok(settings) => {
            let question = "同时采用备份中的设置（版心、规则、文种等）吗？选“取消”则保留当前设置。";
            if gloo::utils::window()
                .confirm_with_message(question)
                .unwrap_or(false)
            {
                state.dispatch(Action::Configure(settings));
            }
        }
        Err(_) => state.dispatch(Action::Report(Problem::BackupSettingsUnreadable)),
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
