//! Speaking rate: how many 字 a speaker reads aloud per minute.

use super::error::CapError;
use serde::{Deserialize, Serialize};

/// 字 per minute, for speaking time and minute caps.
///
/// Speech writers plan 160–200 字 a minute for an ordinary speaker and broadcast news runs
/// 250–300, so the rate is adjustable within [`MIN`](Self::MIN)..=[`MAX`](Self::MAX) and 200 by
/// default: 8 minutes is then 1 600 字 and one hour 12 000 字.
///
/// # Examples
/// ```
/// use jianwen_engine::caps::SpeakingRate;
/// let rate = SpeakingRate::default();
/// assert_eq!(rate.get(), 200);
/// assert_eq!(rate.tenths_of_minute(1610), 81); // 8.05 minutes, rounded half up
/// assert!(SpeakingRate::try_new(300).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct SpeakingRate(u32);

impl SpeakingRate {
    pub const MIN: u32 = 160;
    pub const MAX: u32 = 250;
    pub const DEFAULT: SpeakingRate = SpeakingRate(200);

    /// # Errors
    /// [`CapError::Rate`] when `per_minute` is outside [`MIN`](Self::MIN)..=[`MAX`](Self::MAX).
    pub fn try_new(per_minute: u32) -> Result<Self, CapError> {
        if (Self::MIN..=Self::MAX).contains(&per_minute) {
            Ok(SpeakingRate(per_minute))
        } else {
            Err(CapError::Rate { value: per_minute })
        }
    }

    /// 字 per minute.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// Speaking time of `word_count` 字, in tenths of a minute rounded half up.
    pub fn tenths_of_minute(self, word_count: usize) -> u64 {
        rounded_tenths(word_count as u64, self.0.into())
    }

    /// What speaking time counts, for the UI to say next to it.
    ///
    /// # Examples
    /// ```
    /// use jianwen_engine::caps::SpeakingRate;
    /// assert_eq!(
    ///     SpeakingRate::default().note(),
    ///     "按全文字数（含标题和“同志们：”等称呼）÷ 每分钟 200 字估算"
    /// );
    /// ```
    pub fn note(self) -> String {
        format!(
            "按全文字数（含标题和“同志们：”等称呼）÷ 每分钟 {} 字估算",
            self.0
        )
    }
}

impl Default for SpeakingRate {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<u32> for SpeakingRate {
    type Error = CapError;

    fn try_from(per_minute: u32) -> Result<Self, CapError> {
        Self::try_new(per_minute)
    }
}

impl From<SpeakingRate> for u32 {
    fn from(rate: SpeakingRate) -> u32 {
        rate.0
    }
}

/// `numerator / denominator` in tenths, rounded half up, in integers so that the figures the UI
/// shows never depend on floating-point rounding. `denominator` is never 0 here.
pub(super) fn rounded_tenths(numerator: u64, denominator: u64) -> u64 {
    (numerator * 20 + denominator) / (denominator * 2)
}
