//! 公文要素 that are not body text: the 版头's 份号, 密级, 紧急程度, 发文机关标志, 发文字号 and
//! 签发人, and the 版记's 抄送机关, 印发机关 and 印发日期, with the choice of 版头. They belong to
//! one draft: stored with it, kept in backups, and written into its `.docx`.

use serde::{Deserialize, Serialize};

/// How the first page's 版头 is made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeaderMode {
    /// No 版头: the title starts the page.
    #[default]
    None,
    /// The full 版头: 份号, 密级, 紧急程度, the red 发文机关标志, 发文字号 (and 签发人), the red rule.
    Full,
    /// The 版头's space left blank, for paper with the 红头 printed on it.
    Space,
}

/// The fields. Empty strings are fields not given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct DocFields {
    pub header: HeaderMode,
    /// 份号: six digits.
    pub copy_number: String,
    /// 密级和保密期限 (机密★1年).
    pub secrecy: String,
    /// 紧急程度 (特急, 加急).
    pub urgency: String,
    /// 发文机关标志 (某某市人民政府文件).
    pub issuer_mark: String,
    /// 发文字号 (某政发〔2026〕3号).
    pub doc_number: String,
    /// 签发人, for upward documents (请示, 报告).
    pub signer: String,
    /// 抄送机关.
    pub copy_to: String,
    /// 印发机关.
    pub printed_by: String,
    /// 印发日期.
    pub printed_date: String,
}

impl DocFields {
    /// Whether nothing is set: a draft without them stores nothing.
    pub fn is_empty(&self) -> bool {
        *self == DocFields::default()
    }

    /// Whether the 版记 (抄送, 印发) has anything to show.
    pub fn has_record(&self) -> bool {
        !(self.copy_to.trim().is_empty()
            && self.printed_by.trim().is_empty()
            && self.printed_date.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_round_trip_and_older_drafts_have_none() {
        let fields = DocFields {
            header: HeaderMode::Full,
            copy_number: "000123".into(),
            doc_number: "某政发〔2026〕3号".into(),
            copy_to: "市委办公室".into(),
            ..DocFields::default()
        };
        let json = serde_json::to_string(&fields).unwrap();
        assert!(json.contains("\"doc-number\"") && json.contains("\"full\""));
        assert_eq!(serde_json::from_str::<DocFields>(&json).unwrap(), fields);
        assert_eq!(
            serde_json::from_str::<DocFields>("{}").unwrap(),
            DocFields::default()
        );
        assert!(DocFields::default().is_empty() && !fields.is_empty());
        assert!(fields.has_record() && !DocFields::default().has_record());
    }
}
