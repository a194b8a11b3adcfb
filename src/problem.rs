//! What the message bar says: every problem the app can meet, and the notes it gives after a
//! command, as one typed enum. What a problem lets the user do next (a backup after a refused
//! write) follows from its kind, never from its wording.

use std::fmt;

/// The message for any refused write: what happened, what is kept, what to do.
const SAVE_REFUSED: &str = "草稿未能保存到本机浏览器存储（存储空间已满或被浏览器禁止）。文字仍在编辑框中，请勿关闭页面；请先导出备份，再删除不需要的草稿、清空回收站后继续。此前保存的内容不受影响。";

/// One message for the message bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The browser refused a write to storage (quota full, storage disabled). The text stays in
    /// the editor; the bar offers a backup.
    SaveRefused,
    /// The preferences could not be written; they stay in effect for this session.
    PreferencesNotSaved,
    /// The draft asked for is gone (deleted or purged in another tab).
    DraftGone,
    /// What loading the library, a draft's history or the preferences found damaged, and what
    /// was done about it (io's and storage's messages).
    Damaged(String),
    /// A file that cannot be imported or restored, and why (io's messages).
    Unreadable(String),
    /// A change the library or the engine refused, and why (their messages).
    Refused(String),
    /// The findings list acted on text that has changed since it was drawn.
    StaleFindings,
    /// 保存版本 when the text is empty or the newest version's.
    NothingNewToSave,
    /// A backup was merged: what it added.
    Merged(String),
    /// The backup's settings could not be read; the current ones stay.
    BackupSettingsUnreadable,
    /// The page could not offer a file for download.
    DownloadFailed,
}

impl Problem {
    /// Whether the bar offers 导出备份: only when a write was refused, so the drafts can be
    /// taken elsewhere before anything is deleted to make room.
    pub fn offers_backup(&self) -> bool {
        matches!(self, Problem::SaveRefused)
    }

    /// Whether it is a note on something done rather than something gone wrong (read out
    /// politely, as a status, not as an alert).
    pub fn is_note(&self) -> bool {
        matches!(self, Problem::NothingNewToSave | Problem::Merged(_))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::SaveRefused => f.write_str(SAVE_REFUSED),
            Problem::PreferencesNotSaved => {
                f.write_str("设置未能保存到本机浏览器存储，本次打开期间仍然有效。")
            }
            Problem::DraftGone => f.write_str("找不到这份草稿，它可能已在其他窗口中删除。"),
            Problem::Damaged(text) | Problem::Unreadable(text) | Problem::Refused(text) => {
                f.write_str(text)
            }
            Problem::StaleFindings => f.write_str("正文刚刚改动过，检查结果尚未更新，请再点一次。"),
            Problem::NothingNewToSave => {
                f.write_str("正文与最近保存的版本相同（或为空），未重复保存。")
            }
            Problem::Merged(report) => write!(f, "{report}打开“草稿”可查看。"),
            Problem::BackupSettingsUnreadable => {
                f.write_str("备份中的设置无法读取（可能来自不兼容的版本），已保留当前设置。")
            }
            Problem::DownloadFailed => f.write_str("无法生成下载文件，请重试。"),
        }
    }
}

impl From<jianwen_io::LibraryError> for Problem {
    fn from(error: jianwen_io::LibraryError) -> Problem {
        Problem::Refused(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refused_write_offers_a_backup_and_every_message_is_chinese() {
        let all = [
            (Problem::SaveRefused, true),
            (Problem::PreferencesNotSaved, false),
            (Problem::DraftGone, false),
            (Problem::Damaged("索引已损坏，已重建。".into()), false),
            (Problem::Unreadable("不是 .docx 文件。".into()), false),
            (Problem::Refused("规则不存在。".into()), false),
            (Problem::StaleFindings, false),
            (Problem::NothingNewToSave, false),
            (Problem::Merged("已合并 2 份草稿。".into()), false),
            (Problem::BackupSettingsUnreadable, false),
            (Problem::DownloadFailed, false),
        ];
        for (problem, backup) in all {
            assert_eq!(problem.offers_backup(), backup, "{problem:?}");
            let text = problem.to_string();
            assert!(
                text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
                "{problem:?} says {text:?}"
            );
        }
    }
}
