//! The analysis engine of 简文 (JianWen), a drafting assistant for Chinese official documents
//! (公文).
//!
//! One entry point, [`analyze`], turns a draft and its [`Settings`] into a complete [`Analysis`]:
//! the figures of Word's 字数统计 dialog today, and page layout, phrase findings, caps and format
//! checks as they land. While the user types, an [`Analyzer`] gives the same result and reuses
//! what it found in the paragraphs that did not change. The engine knows nothing of browsers; the web app only renders what it
//! returns, and every rule is tested natively with `cargo test`.
//!
//! # Positions
//! Every position the engine reports is a byte offset into the UTF-8 text. The UI converts to the
//! DOM's UTF-16 offsets in one place, with [`offsets::positions`] and [`offsets::byte_from_utf16`].
//!
//! # Examples
//! ```
//! use jianwen_engine::{analyze, Settings};
//! let analysis = analyze("国办发〔2024〕1号", &Settings::default());
//! assert_eq!(analysis.counts.word_count, 8);
//! assert_eq!(analysis.counts.chars_no_spaces, 11);
//! ```

pub mod caps;
pub mod chars;
pub mod counting;
pub mod cut;
pub mod elements;
pub mod format;
mod incremental;
pub mod layout;
pub mod offsets;
pub mod paragraphs;
pub mod phrases;
#[cfg(test)]
mod regex_parity;
pub mod roles;
pub mod sentences;

pub use incremental::Analyzer;

use caps::{CapProfile, CapReport, SpeakingRate};
use counting::Counts;
use format::{FormatFinding, FormatSettings};
use layout::{Layout, LayoutProfile};
use phrases::{PhraseFindings, RuleSet};

/// What the user has chosen that changes the analysis.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Settings {
    /// The page grid for lines and pages; GB/T 9704 by default.
    pub layout: LayoutProfile,
    /// The 穿靴戴帽/套话 rules: built-in ones by default, plus the user's own, minus disabled ones.
    pub rules: RuleSet,
    /// The length cap of the draft's 文种 (from [`caps::CapSettings::chosen`]); `None`, the
    /// default, for no cap.
    pub cap: Option<CapProfile>,
    /// 字 per minute for speaking time and minute caps; 200 by default.
    pub speaking_rate: SpeakingRate,
    /// The 公文 format checks: rules switched off, long-sentence threshold.
    pub format: FormatSettings,
}

/// Everything the engine knows about one version of a draft.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Analysis {
    /// The 字数统计 figures.
    pub counts: Counts,
    /// Lines and pages on the grid of [`Settings::layout`].
    pub layout: Layout,
    /// 穿靴戴帽 and 套话: highlights, counts per category, density, weak-adverb budget.
    pub phrases: PhraseFindings,
    /// The draft against [`Settings::cap`]; `None` when no cap is chosen.
    pub caps: Option<CapReport>,
    /// Estimated speaking time at [`Settings::speaking_rate`], in tenths of a minute (rounded
    /// half up): every 字 of [`counts`](Self::counts), the title included.
    pub speaking_tenths: u64,
    /// 公文 format findings (层次序数, 发文字号, dates, punctuation…) in text order, with their
    /// fixes; see [`format`].
    pub format: Vec<FormatFinding>,
    /// What cutting the hat and boot sentences would save, and whether the draft would then be
    /// within [`Settings::cap`]; see [`cut`].
    pub cut: cut::CutSavings,
}

/// Analyses `text` under `settings`. Never panics, whatever the input.
pub fn analyze(text: &str, settings: &Settings) -> Analysis {
    let counts = counting::count(text);
    let layout = layout::layout(text, &settings.layout);
    let caps = settings
        .cap
        .as_ref()
        .map(|cap| caps::evaluate(cap, &counts, &layout, text, settings.speaking_rate));
    // Phrases and format checks both go by sentence: split once.
    let sentences = sentences::sentences(text);
    let mut analysis = Analysis {
        speaking_tenths: settings.speaking_rate.tenths_of_minute(counts.word_count),
        phrases: phrases::find_in(text, &settings.rules, counts.word_count, &sentences),
        format: format::check_in(text, &settings.format, &sentences),
        counts,
        layout,
        caps,
        cut: cut::CutSavings::default(),
    };
    analysis.cut = cut::savings(text, &analysis, settings);
    analysis
}
