//! The checks GB/T 9704 makes possible on the 公文要素 a drafter types into the panel: 份号,
//! 密级, 紧急程度, 发文字号, 签发人 and the 印发日期. A field that fails is refused with a
//! Chinese sentence saying what the standard asks; nothing else changes.

use regex_lite::Regex;
use std::fmt;
use std::sync::LazyLock;

/// Why a field cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldError {
    /// 份号 is six Arabic digits.
    CopyNumber,
    /// 密级 is 绝密, 机密 or 秘密 (with the 保密期限 after ★).
    Secrecy,
    /// 紧急程度 is 特急 or 加急.
    Urgency,
    /// The year of a 发文字号 is in 六角括号〔〕.
    DocNumberBrackets,
    /// The serial number has no leading zeros and no 第.
    DocNumberSerial,
    /// 机关代字, year in full, serial, 号.
    DocNumberForm,
    /// A date in Arabic numerals, year in full, no leading zeros.
    Date,
    /// 签发人 only in an upward document (请示, 报告).
    SignerNotUpward,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FieldError::CopyNumber => "份号应为 6 位阿拉伯数字，如 000123。",
            FieldError::Secrecy => {
                "密级应为“绝密”“机密”或“秘密”，保密期限写在★之后，如“机密★1年”。"
            }
            FieldError::Urgency => "紧急程度应为“特急”或“加急”。",
            FieldError::DocNumberBrackets => {
                "发文字号的年份应使用六角括号〔〕，如“某政发〔2026〕3号”。"
            }
            FieldError::DocNumberSerial => "发文字号的序号不编虚位（不写 01），不加“第”字。",
            FieldError::DocNumberForm => {
                "发文字号应由机关代字、年份和序号组成，如“某政发〔2026〕3号”。"
            }
            FieldError::Date => {
                "日期应使用阿拉伯数字，年份写全，月、日不编虚位，如“2026年5月10日”。"
            }
            FieldError::SignerNotUpward => {
                "签发人只用于上行文（请示、报告）；这份草稿的标题不是请示或报告。"
            }
        })
    }
}

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\x{3400}-\x{9FFF}A-Za-z]+〔[0-9]{4}〕[1-9][0-9]*号$").expect("valid pattern")
});
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}年[1-9][0-9]?月[1-9][0-9]?日$").expect("valid pattern"));

/// 份号: six digits.
pub fn check_copy_number(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    (v.len() == 6 && v.bytes().all(|b| b.is_ascii_digit()))
        .then_some(())
        .ok_or(FieldError::CopyNumber)
}

/// 密级和保密期限: 绝密, 机密 or 秘密, optionally ★ and the period.
pub fn check_secrecy(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    ["绝密", "机密", "秘密"]
        .iter()
        .any(|level| v == *level || v.strip_prefix(level).is_some_and(|r| r.starts_with('★')))
        .then_some(())
        .ok_or(FieldError::Secrecy)
}

/// 紧急程度: 特急 or 加急.
pub fn check_urgency(value: &str) -> Result<(), FieldError> {
    matches!(value.trim(), "特急" | "加急")
        .then_some(())
        .ok_or(FieldError::Urgency)
}

/// 发文字号: 机关代字〔年份〕序号号, saying what is wrong when it is not.
pub fn check_doc_number(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if DOC_NUMBER.is_match(v) {
        return Ok(());
    }
    if v.contains(['[', ']', '［', '］', '(', ')', '（', '）', '【', '】']) {
        return Err(FieldError::DocNumberBrackets);
    }
    let serial = v.rsplit('〕').next().unwrap_or("");
    if v.contains('〕') && (serial.starts_with('0') || serial.starts_with('第')) {
        return Err(FieldError::DocNumberSerial);
    }
    Err(FieldError::DocNumberForm)
}

/// A date such as the 印发日期: 2026年5月10日.
pub fn check_date(value: &str) -> Result<(), FieldError> {
    DATE.is_match(value.trim())
        .then_some(())
        .ok_or(FieldError::Date)
}

/// Whether the document whose title is `title` goes upward (请示, 报告), where GB/T 9704 puts
/// the 签发人 beside the 发文字号.
pub fn is_upward(title: &str) -> bool {
    let t = title.trim();
    t.ends_with("请示") || t.ends_with("报告")
}

/// 签发人: a name, and only in an upward document.
pub fn check_signer(value: &str, title: &str) -> Result<(), FieldError> {
    if value.trim().is_empty() || is_upward(title) {
        Ok(())
    } else {
        Err(FieldError::SignerNotUpward)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_takes_the_standards_form_and_says_why_not() {
        type Check = fn(&str) -> Result<(), FieldError>;
        let cases: &[(Check, &str, Result<(), FieldError>)] = &[
            (check_copy_number, "000123", Ok(())),
            (check_copy_number, "123", Err(FieldError::CopyNumber)),
            (check_copy_number, "00012a", Err(FieldError::CopyNumber)),
            (check_secrecy, "机密★1年", Ok(())),
            (check_secrecy, "秘密", Ok(())),
            (check_secrecy, "内部", Err(FieldError::Secrecy)),
            (check_urgency, "特急", Ok(())),
            (check_urgency, "很急", Err(FieldError::Urgency)),
            (check_doc_number, "国办发〔2024〕1号", Ok(())),
            (
                check_doc_number,
                "某政发[2024]1号",
                Err(FieldError::DocNumberBrackets),
            ),
            (
                check_doc_number,
                "某政发（2024）1号",
                Err(FieldError::DocNumberBrackets),
            ),
            (
                check_doc_number,
                "某政发〔2024〕01号",
                Err(FieldError::DocNumberSerial),
            ),
            (
                check_doc_number,
                "某政发〔2024〕第1号",
                Err(FieldError::DocNumberSerial),
            ),
            (
                check_doc_number,
                "某政发〔24〕1号",
                Err(FieldError::DocNumberForm),
            ),
            (check_date, "2026年5月10日", Ok(())),
            (check_date, "2026年05月10日", Err(FieldError::Date)),
            (check_date, "二〇二六年五月十日", Err(FieldError::Date)),
            (check_date, "26年5月10日", Err(FieldError::Date)),
        ];
        for (check, value, want) in cases {
            assert_eq!(check(value), *want, "{value}");
        }
        for error in [FieldError::CopyNumber, FieldError::SignerNotUpward] {
            assert!(error.to_string().ends_with('。'));
        }
    }

    #[test]
    fn a_signer_only_in_an_upward_document() {
        let cases = [
            ("张三", "关于申请防汛资金的请示", Ok(())),
            ("张三", "关于2025年工作情况的报告", Ok(())),
            (
                "张三",
                "关于做好防汛工作的通知",
                Err(FieldError::SignerNotUpward),
            ),
            ("", "关于做好防汛工作的通知", Ok(())),
        ];
        for (signer, title, want) in cases {
            assert_eq!(check_signer(signer, title), want, "{title}");
        }
    }
}
