//! Import, export and backup restore: what the header's 导入 and 导出 menus and a file dropped
//! on the editor ask of the app.
//!
//! Text arrives in the editor only through [`editor_commands::replace_all`], one step on the
//! textarea's native undo stack, so an import never loses what the user typed: Ctrl+Z brings it
//! back. A file that cannot be read changes nothing and says why in the message bar.

use crate::components::header::Export;
use crate::editor_commands;
use crate::files;
use crate::preferences::Preferences;
use crate::report::{check_report, file_stem};
use crate::state::Draft;
use gloo::file::callbacks::FileReader;
use jianwen_io::{title_from_text, Backup};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

type Message = UseStateHandle<Option<AttrValue>>;

/// The file read in progress; dropping it cancels the read, so it is kept until the next one.
pub type PendingRead = Rc<RefCell<Option<FileReader>>>;

/// Puts the text of a `.txt` or `.docx` file in the editor, as one undoable edit.
pub fn import_handler(textarea_ref: &NodeRef, message: &Message, pending: &PendingRead) -> Callback<web_sys::File> {
    let (textarea_ref, message, pending) = (textarea_ref.clone(), message.clone(), pending.clone());
    Callback::from(move |file: web_sys::File| {
        let (textarea_ref, message) = (textarea_ref.clone(), message.clone());
        let reader = files::read_bytes(&file, move |bytes| match bytes.and_then(|bytes| files::import_text(&bytes)) {
            Ok(text) => match textarea_ref.cast::<HtmlTextAreaElement>() {
                Some(textarea) => editor_commands::replace_all(&textarea, &text),
                None => message.set(Some("编辑区尚未就绪，未导入，请稍后重试。".into())),
            },
            Err(text) => message.set(Some(text.into())),
        });
        pending.replace(Some(reader));
    })
}

/// Downloads the draft as text, its check report, or a backup of it with the settings.
pub fn export_handler(draft: &UseReducerHandle<Draft>, message: &Message) -> Callback<Export> {
    let (draft, message) = (draft.clone(), message.clone());
    Callback::from(move |kind: Export| {
        let title = title_from_text(&draft.text);
        let stem = file_stem(&title, "简文草稿");
        let result = match kind {
            Export::Text => files::download(&format!("{stem}.txt"), "text/plain;charset=utf-8", &draft.text),
            // The analysis and the text it describes, together: mid-composition `text` is ahead.
            Export::Report => files::download(
                &format!("{stem}-检查报告.html"),
                "text/html;charset=utf-8",
                &check_report(&title_from_text(&draft.analyzed_text), &draft.analyzed_text, &draft.analysis),
            ),
            Export::Backup => {
                let mut backup = Backup::from_legacy_draft(&draft.text, js_sys::Date::now() as i64);
                backup.settings = serde_json::to_value(&*draft.preferences).unwrap_or_default();
                files::download(&format!("简文备份-{}.json", today()), "application/json", &backup.to_json())
            }
        };
        if let Err(text) = result {
            message.set(Some(text.into()));
        }
    })
}

/// Restores the draft of a backup file into the editor (one undoable edit, after a confirm),
/// and its settings after a second confirm. The app edits one draft, so a backup of several
/// is refused with a message rather than guessed at.
pub fn restore_handler(
    textarea_ref: &NodeRef,
    draft: &UseReducerHandle<Draft>,
    configure: &Callback<Preferences>,
    message: &Message,
    pending: &PendingRead,
) -> Callback<web_sys::File> {
    let (textarea_ref, draft, configure, message, pending) =
        (textarea_ref.clone(), draft.clone(), configure.clone(), message.clone(), pending.clone());
    Callback::from(move |file: web_sys::File| {
        let (textarea_ref, draft, configure, message) = (textarea_ref.clone(), draft.clone(), configure.clone(), message.clone());
        let reader = files::read_bytes(&file, move |bytes| {
            let backup = bytes
                .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "这个文件不是简文的备份文件（不是 UTF-8 文本）。没有导入任何内容。".to_owned()))
                .and_then(|json| Backup::from_json(&json, js_sys::Date::now() as i64).map_err(|e| e.to_string()));
            match backup {
                Ok(backup) => restore(&backup, &textarea_ref, &draft.preferences, &configure, &message),
                Err(text) => message.set(Some(text.into())),
            }
        });
        pending.replace(Some(reader));
    })
}

fn restore(backup: &Backup, textarea_ref: &NodeRef, current: &Preferences, configure: &Callback<Preferences>, message: &Message) {
    let window = gloo::utils::window();
    let confirm = |question: &str| window.confirm_with_message(question).unwrap_or(false);
    let live: Vec<_> = backup.drafts.iter().filter(|d| !d.is_deleted()).collect();
    match live.as_slice() {
        [] => message.set(Some("备份文件中没有草稿，正文未改动。".into())),
        [one] => {
            let question = format!("用备份中的草稿《{}》替换当前正文吗？可用 Ctrl+Z 撤销。", one.title());
            if confirm(&question) {
                match textarea_ref.cast::<HtmlTextAreaElement>() {
                    Some(textarea) => editor_commands::replace_all(&textarea, &one.text),
                    None => return message.set(Some("编辑区尚未就绪，未恢复，请稍后重试。".into())),
                }
            }
        }
        several => {
            return message.set(Some(
                format!("备份文件中有 {} 份草稿，本版本一次只能编辑一份草稿，暂不能恢复多份草稿的备份。正文和设置均未改动。", several.len())
                    .into(),
            ))
        }
    }
    if backup.settings.is_null() {
        return;
    }
    match serde_json::from_value::<Preferences>(backup.settings.clone()) {
        Ok(settings) if settings == *current => {}
        Ok(settings) => {
            if confirm("同时采用备份中的设置（版心、规则、文种等）吗？选“取消”则保留当前设置。") {
                configure.emit(settings);
            }
        }
        Err(_) => message.set(Some("备份中的设置无法读取（可能来自不兼容的版本），已保留当前设置。".into())),
    }
}

/// Today's date as `YYYY-MM-DD` in the user's time zone, for file names.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}
