//! Cap profiles: the limits of one kind of document (文种), where they come from, and the checks
//! that keep a user's own profile sane.

use super::error::CapError;
use serde::{Deserialize, Serialize};

/// Longest profile name accepted, in characters: the selector shows names on one line.
pub const NAME_MAX_CHARS: usize = 40;

/// Longest note accepted, in characters.
pub const NOTE_MAX_CHARS: usize = 500;

/// What custom profile ids start with; the rest is the name, so no two custom profiles share a
/// name and a built-in id never collides with a custom one.
pub const CUSTOM_ID_PREFIX: &str = "user:";

/// The group of every custom profile in the selector.
pub const CUSTOM_GROUP: &str = "自定义";

/// The unit of a limit, as the rules state them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// 字 as Word's 字数 counts them ([`Counts::word_count`](crate::counting::Counts)).
    Zi,
    /// Pages of the page layout ([`Layout::pages`](crate::layout::Layout)).
    Page,
    /// Minutes of speaking time: 字数 ÷ [`SpeakingRate`](super::SpeakingRate).
    Minute,
}

impl Unit {
    /// Every unit, in the order reports list them.
    pub const ALL: [Unit; 3] = [Unit::Zi, Unit::Page, Unit::Minute];

    /// `zi`, `page` or `minute`: the UI's `data-unit`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Unit::Zi => "zi",
            Unit::Page => "page",
            Unit::Minute => "minute",
        }
    }

    /// 字, 页 or 分钟, as written after a number.
    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Zi => "字",
            Unit::Page => "页",
            Unit::Minute => "分钟",
        }
    }

    /// 字数, 页数 or 发言时间: what the limit measures.
    pub const fn label(self) -> &'static str {
        match self {
            Unit::Zi => "字数",
            Unit::Page => "页数",
            Unit::Minute => "发言时间",
        }
    }

    /// Reads a limit typed into a form: empty means no limit; ASCII or full-width digits, with
    /// optional thousands separators and the unit after the number (`5000`, `５０００`, `5,000`,
    /// `5000字`).
    ///
    /// # Errors
    /// [`CapError::NotANumber`], [`CapError::Negative`], [`CapError::Zero`] or
    /// [`CapError::TooLarge`], each naming the unit.
    ///
    /// # Examples
    /// ```
    /// use jianwen_engine::caps::{CapError, Unit};
    /// assert_eq!(Unit::Zi.parse_limit("５０００字"), Ok(Some(5000)));
    /// assert_eq!(Unit::Page.parse_limit(" "), Ok(None));
    /// assert_eq!(Unit::Minute.parse_limit("-8"), Err(CapError::Negative { unit: Unit::Minute }));
    /// ```
    pub fn parse_limit(self, text: &str) -> Result<Option<u32>, CapError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        // What a Chinese IME types: full-width digits and signs.
        let ascii: String = trimmed
            .strip_suffix(self.symbol())
            .unwrap_or(trimmed)
            .chars()
            .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '－' | '−' => '-',
                c => c,
            })
            .collect();
        let (negative, digits) = match ascii.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, ascii.as_str()),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CapError::NotANumber {
                unit: self,
                text: trimmed.to_string(),
            });
        }
        let value = digits.parse::<u64>().unwrap_or(u64::MAX);
        if negative && value > 0 {
            return Err(CapError::Negative { unit: self });
        }
        check_limit(self, value).map(Some)
    }
}

/// The limits of a profile, each in the unit the rule states; `None` where the rule says nothing.
/// A value alone may be out of range; a [`CapProfile`] only ever holds checked limits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// 字数 (Word's count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zi: Option<u32>,
    /// 页数 on the page layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Speaking minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

impl Limits {
    /// The largest limit accepted in `unit`: a million 字, a thousand pages, ten hours. The
    /// longest real documents (a 政府工作报告 is about 20 000 字) stay far below; above these
    /// the value is a typo.
    pub const fn max(unit: Unit) -> u32 {
        match unit {
            Unit::Zi => 1_000_000,
            Unit::Page => 1_000,
            Unit::Minute => 600,
        }
    }

    /// The limit in `unit`, if any.
    pub const fn get(self, unit: Unit) -> Option<u32> {
        match unit {
            Unit::Zi => self.zi,
            Unit::Page => self.pages,
            Unit::Minute => self.minutes,
        }
    }

    /// These limits if every one is in range and there is at least one.
    fn checked(self) -> Result<Self, CapError> {
        for unit in Unit::ALL {
            if let Some(value) = self.get(unit) {
                check_limit(unit, value.into())?;
            }
        }
        if Unit::ALL.iter().all(|&unit| self.get(unit).is_none()) {
            return Err(CapError::NoLimit);
        }
        Ok(self)
    }
}

/// `value` as a limit in `unit`, if it is 1..=[`Limits::max`].
fn check_limit(unit: Unit, value: u64) -> Result<u32, CapError> {
    match u32::try_from(value) {
        Ok(0) => Err(CapError::Zero { unit }),
        Ok(v) if v <= Limits::max(unit) => Ok(v),
        _ => Err(CapError::TooLarge { unit, value }),
    }
}

/// Where a built-in profile comes from: what each warning cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// 发文机关 (or the body that announced the rule).
    pub issuer: String,
    /// The document's title as it is cited, in 《》 when it is a document.
    pub title: String,
    /// 发文字号, when published.
    pub number: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as precisely as the date is known.
    pub date: String,
    /// The section or item that states the cap.
    pub clause: String,
    /// The rule's own words.
    pub quote: String,
}

impl Source {
    /// One line naming the source, as warnings show it.
    ///
    /// # Examples
    /// ```
    /// use jianwen_engine::caps::builtin_profile;
    /// let source = builtin_profile("cn-2019-policy").unwrap().source().unwrap();
    /// assert_eq!(
    ///     source.citation(),
    ///     "中共中央办公厅《关于解决形式主义突出问题为基层减负的通知》（中办发〔2019〕16号，2019年3月）二、严格控制层层发文、层层开会"
    /// );
    /// ```
    pub fn citation(&self) -> String {
        let date = chinese_date(&self.date);
        let when = match &self.number {
            Some(number) => format!("{number}，{date}"),
            None => date,
        };
        format!("{}{}（{when}）{}", self.issuer, self.title, self.clause)
    }
}

/// `2024-08-06` → `2024年8月6日`, `2019-03` → `2019年3月`, `2019` → `2019年`. Anything else is
/// returned as it is (the data test makes sure built-in dates parse).
fn chinese_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match numbers.as_deref() {
        Some([y]) => format!("{y}年"),
        Some([y, m]) => format!("{y}年{m}月"),
        Some([y, m, d]) => format!("{y}年{m}月{d}日"),
        _ => date.to_string(),
    }
}

/// The cap of one kind of document: a built-in one with its [`Source`], or one the user made.
///
/// A profile is always valid: it has a name and at least one limit, each in range. Custom
/// profiles are made with [`CapProfile::custom`]; they serialise as what the user typed (`name`,
/// `limits`, `note`) and deserialise through the same checks. A built-in profile serialises the
/// same way, so it comes back as a custom copy: the way to start a stricter local rule from a
/// national one.
///
/// # Examples
/// ```
/// use jianwen_engine::caps::{CapProfile, Limits};
/// let mine = CapProfile::custom("区委文件（3000字）", Limits { zi: Some(3000), ..Limits::default() }, "区委办要求").unwrap();
/// assert_eq!(mine.id(), "user:区委文件（3000字）");
/// assert_eq!(mine.citation(), "自定义标准“区委文件（3000字）”：区委办要求");
/// assert!(CapProfile::custom("", Limits::default(), "").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CustomFields", into = "CustomFields")]
pub struct CapProfile {
    id: String,
    name: String,
    group: String,
    limits: Limits,
    note: String,
    source: Option<Source>,
}

/// A profile as the user typed it, and as custom profiles are stored.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CustomFields {
    name: String,
    limits: Limits,
    #[serde(default)]
    note: String,
}

impl CapProfile {
    /// A profile of the user's own. Surrounding whitespace of `name` and `note` is dropped.
    ///
    /// # Errors
    /// When the name is empty or longer than [`NAME_MAX_CHARS`], the note longer than
    /// [`NOTE_MAX_CHARS`], no limit is set, or a limit is 0 or above [`Limits::max`].
    pub fn custom(name: &str, limits: Limits, note: &str) -> Result<Self, CapError> {
        let name = checked_name(name)?;
        let note = note.trim();
        let chars = note.chars().count();
        if chars > NOTE_MAX_CHARS {
            return Err(CapError::NoteTooLong { chars });
        }
        Ok(CapProfile {
            id: format!("{CUSTOM_ID_PREFIX}{name}"),
            name,
            group: CUSTOM_GROUP.to_string(),
            limits: limits.checked()?,
            note: note.to_string(),
            source: None,
        })
    }

    /// A built-in profile, checked like a custom one; the data test makes sure they all pass.
    pub(super) fn builtin(
        id: String,
        name: &str,
        group: String,
        limits: Limits,
        note: String,
        source: Source,
    ) -> Result<Self, CapError> {
        Ok(CapProfile {
            id,
            name: checked_name(name)?,
            group,
            limits: limits.checked()?,
            note,
            source: Some(source),
        })
    }

    /// Stable id: `js-2019-policy` for a built-in profile, [`CUSTOM_ID_PREFIX`] and the name for
    /// a custom one. Drafts remember their profile by it.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name shown in the selector, e.g. `政策性文件（5000字/10页）`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The selector group: the jurisdiction and year of a built-in profile (`江苏省（2019）`),
    /// [`CUSTOM_GROUP`] for a custom one.
    pub fn group(&self) -> &str {
        &self.group
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Scope and exceptions of the rule, or the user's own remark.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// The rule this profile comes from; `None` for a custom profile.
    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }

    pub fn is_custom(&self) -> bool {
        self.source.is_none()
    }

    /// What a warning cites: the [`Source::citation`] of a built-in profile; for a custom one,
    /// that it is the user's own, with the note.
    pub fn citation(&self) -> String {
        match (&self.source, self.note.is_empty()) {
            (Some(source), _) => source.citation(),
            (None, true) => format!("自定义标准“{}”", self.name),
            (None, false) => format!("自定义标准“{}”：{}", self.name, self.note),
        }
    }
}

/// `name` trimmed, if it is not empty and not too long.
fn checked_name(name: &str) -> Result<String, CapError> {
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 {
        return Err(CapError::EmptyName);
    }
    if chars > NAME_MAX_CHARS {
        return Err(CapError::NameTooLong { chars });
    }
    Ok(name.to_string())
}

impl TryFrom<CustomFields> for CapProfile {
    type Error = CapError;

    fn try_from(fields: CustomFields) -> Result<Self, CapError> {
        CapProfile::custom(&fields.name, fields.limits, &fields.note)
    }
}

impl From<CapProfile> for CustomFields {
    fn from(profile: CapProfile) -> Self {
        CustomFields {
            name: profile.name,
            limits: profile.limits,
            note: profile.note,
        }
    }
}
