//! Why a cap profile, a speaking rate or stored cap settings were refused.

use super::profile::{Limits, Unit, NAME_MAX_CHARS, NOTE_MAX_CHARS};
use super::rate::SpeakingRate;
use super::settings::CAPS_FORMAT_VERSION;
use std::fmt;

/// A value the user typed or stored that cannot be used. Nothing changes when one is returned.
/// Its [`Display`](fmt::Display) is a message for the user, in Chinese, naming the bad value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CapError {
    /// The name is empty or only whitespace.
    EmptyName,
    /// The name is longer than [`NAME_MAX_CHARS`] characters.
    NameTooLong { chars: usize },
    /// The note is longer than [`NOTE_MAX_CHARS`] characters.
    NoteTooLong { chars: usize },
    /// Not one of 字数, 页数 and 发言时间 is limited.
    NoLimit,
    /// A typed limit that is not a whole number.
    NotANumber { unit: Unit, text: String },
    /// A typed limit below zero.
    Negative { unit: Unit },
    /// A limit of zero: nothing could be written.
    Zero { unit: Unit },
    /// A limit above [`Limits::max`]: certainly a typo.
    TooLarge { unit: Unit, value: u64 },
    /// A speaking rate outside [`SpeakingRate::MIN`]..=[`SpeakingRate::MAX`].
    Rate { value: u32 },
    /// Another custom profile already has this name.
    DuplicateName { name: String },
    /// No profile, built-in or custom, has this id.
    UnknownProfile { id: String },
    /// A built-in profile cannot be edited or deleted.
    BuiltIn { id: String },
    /// Stored settings that are not JSON.
    Syntax { line: usize, column: usize },
    /// Stored settings that are JSON but not cap settings: a missing field, an extra key.
    Format { line: usize, column: usize },
    /// Stored settings of another format version.
    Version { found: u32 },
}

impl fmt::Display for CapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CapError::EmptyName => write!(f, "请填写标准名称，例如“政策性文件（5000字）”。"),
            CapError::NameTooLong { chars } => {
                write!(f, "标准名称最多 {NAME_MAX_CHARS} 个字，当前为 {chars} 个字。")
            }
            CapError::NoteTooLong { chars } => {
                write!(f, "备注最多 {NOTE_MAX_CHARS} 个字，当前为 {chars} 个字。")
            }
            CapError::NoLimit => write!(f, "请至少填写字数、页数、发言时间中的一项上限。"),
            CapError::NotANumber { unit, text } => {
                write!(f, "{}上限“{text}”不是整数，请只填数字。", unit.label())
            }
            CapError::Negative { unit } => write!(f, "{}上限不能是负数。", unit.label()),
            CapError::Zero { unit } => write!(f, "{}上限必须大于 0。", unit.label()),
            CapError::TooLarge { unit, value } => write!(
                f,
                "{}上限 {value}{} 过大，最多 {}{}，请检查是否多输了数字。",
                unit.label(),
                unit.symbol(),
                Limits::max(*unit),
                unit.symbol()
            ),
            CapError::Rate { value } => write!(
                f,
                "语速应在每分钟 {} 到 {} 字之间，当前为 {value}。",
                SpeakingRate::MIN,
                SpeakingRate::MAX
            ),
            CapError::DuplicateName { name } => write!(f, "已经有一个名为“{name}”的自定义标准。"),
            CapError::UnknownProfile { id } => write!(f, "没有编号为“{id}”的篇幅标准。"),
            CapError::BuiltIn { id } => {
                write!(f, "“{id}”是内置标准，不能修改或删除；可以新建一个自定义标准。")
            }
            CapError::Syntax { line, column } => {
                write!(f, "篇幅设置不是有效的 JSON（第 {line} 行第 {column} 列附近），设置没有改变。")
            }
            CapError::Format { line, column } => write!(
                f,
                "篇幅设置的内容不符合格式（第 {line} 行第 {column} 列附近）：可能缺少字段、多了字段，或数值不是非负整数。设置没有改变。"
            ),
            CapError::Version { found } => write!(
                f,
                "篇幅设置的版本是 {found}，本程序只能读取版本 {CAPS_FORMAT_VERSION}。设置没有改变。"
            ),
        }
    }
}

impl std::error::Error for CapError {}
