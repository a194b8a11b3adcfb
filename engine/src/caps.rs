//! Length caps per 文种: whether a draft fits the cap of its kind, by how much it is over, where
//! the text passes the limit, and which rule says so.
//!
//! Since 2019 the 基层减负 rules cap documents in 字 ("不超过5000字"), in pages ("不超过10页")
//! and speeches in minutes ("每人发言时间不超过8分钟"); local rules are often stricter. Offices
//! read 字 off Word, so 字 here are Word's 字数 ([`Counts::word_count`](crate::counting::Counts)),
//! title included; pages are those of the page layout; minutes are 字数 ÷ [`SpeakingRate`].
//!
//! # Overview
//! - [`CapProfile`]: the limits of one kind of document. [`builtin_profiles`] are compiled in
//!   from `data/caps.json`, each with its [`Source`] (issuer, document, date, clause and the
//!   rule's words); users make their own with [`CapProfile::custom`], which refuses bad values
//!   with a [`CapError`] whose message is in Chinese.
//! - [`CapSettings`]: the user's custom profiles, the profile chosen per draft and the
//!   [`SpeakingRate`], stored as versioned JSON.
//! - [`evaluate`] measures a draft against a profile: per limit a [`LimitReport`] with the
//!   value, the [`CapState`] (`ok` below 90 %, `near` up to the limit, `over` past it), the
//!   [`Overage`] in every unit, the cut offset and a message. [`analyze`](crate::analyze) does
//!   this when [`Settings::cap`](crate::Settings) is set.
//!
//! # Examples
//! ```
//! use jianwen_engine::caps::{builtin_profile, CapState, Unit};
//! use jianwen_engine::{analyze, Settings};
//!
//! let mut settings = Settings::default();
//! settings.cap = builtin_profile("js-2019-policy").cloned();
//! let text = format!("标题\n{}", "字".repeat(5100));
//! let report = analyze(&text, &settings).caps.unwrap();
//! let zi = &report.limits[0];
//! assert_eq!((zi.unit, zi.state, zi.limit), (Unit::Zi, CapState::Over, 5000));
//! assert_eq!(zi.message, "超出 102 字，约 0.2 页，约 0.5 分钟");
//! assert_eq!(text[zi.cut.unwrap()..].chars().count(), 102); // the 5001st 字 on
//! assert_eq!(report.limits[1].state, CapState::Near); // 9 pages of 10
//! assert!(report.citation.contains("江苏"));
//! ```
//!
//! # Conversions
//! An overage is exact in its limit's unit and converted to the others: 字 to minutes at the
//! speaking rate; 字 to pages at the draft's own 字 per full page, or 616 (28 × 22 cells) when it
//! has no full page ([`ZiPerPage`]). All figures are integers in tenths, rounded half up, so what
//! the UI shows never depends on floating-point rounding.

mod builtin;
mod error;
mod evaluate;
mod profile;
mod rate;
mod settings;
mod word_starts;

pub use builtin::{builtin_profile, builtin_profiles, profile_for_kind};
pub use error::CapError;
pub use evaluate::{evaluate, CapReport, CapState, LimitReport, Overage, ZiPerPage, NEAR_PERCENT};
pub use profile::{
    CapProfile, Limits, Source, Unit, CUSTOM_GROUP, CUSTOM_ID_PREFIX, NAME_MAX_CHARS,
    NOTE_MAX_CHARS,
};
pub use rate::SpeakingRate;
pub use settings::{CapSettings, CAPS_FORMAT_VERSION};
