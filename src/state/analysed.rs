//! The open draft's text and the engine's analysis of it, under the user's preferences and the
//! draft's 文种.

use crate::preferences::Preferences;
use jianwen_engine::{Analysis, Analyzer, Settings};
use jianwen_io::DocFields;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// The engine's incremental analyser, shared by every version of the draft: a keystroke
/// analyses again only the paragraph it changed.
#[derive(Clone, Default)]
pub struct SharedAnalyzer(Rc<RefCell<Analyzer>>);

impl SharedAnalyzer {
    fn analyze(&self, text: &str, settings: &Settings) -> Analysis {
        self.0.borrow_mut().analyze(text, settings)
    }
}

impl PartialEq for SharedAnalyzer {
    /// What it holds is a cache: it never makes two drafts differ.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for SharedAnalyzer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SharedAnalyzer")
    }
}

/// The draft being edited and the engine's analysis of its last settled version.
///
/// `text` always equals the textarea's value (even mid-composition), so it is what gets saved;
/// `analysis` lags during an IME composition (`stale`) and catches up on `compositionend`.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysed {
    pub text: Rc<str>,
    pub preferences: Rc<Preferences>,
    pub settings: Rc<Settings>,
    pub analysis: Rc<Analysis>,
    /// The text `analysis` describes: `text` itself unless `stale`.
    pub analyzed_text: Rc<str>,
    /// True while `text` holds uncommitted composition text that `analysis` has not seen.
    pub stale: bool,
    analyzer: SharedAnalyzer,
}

impl Analysed {
    /// `text` analysed under `preferences` and the cap profile `cap` (the draft's 文种).
    pub fn new(
        text: &str,
        preferences: Preferences,
        cap: Option<&str>,
        fields: &DocFields,
    ) -> Self {
        let text: Rc<str> = text.into();
        let settings = Rc::new(preferences.engine_settings(cap, fields));
        let analyzer = SharedAnalyzer::default();
        Self {
            analysis: Rc::new(analyzer.analyze(&text, &settings)),
            analyzed_text: Rc::clone(&text),
            text,
            preferences: Rc::new(preferences),
            settings,
            stale: false,
            analyzer,
        }
    }

    fn analyzed(
        &self,
        text: Rc<str>,
        preferences: Rc<Preferences>,
        settings: Rc<Settings>,
    ) -> Self {
        let analysis = Rc::new(self.analyzer.analyze(&text, &settings));
        Self {
            analysis,
            analyzed_text: Rc::clone(&text),
            text,
            preferences,
            settings,
            stale: false,
            analyzer: self.analyzer.clone(),
        }
    }

    /// The textarea changed while an IME composition is open: keep the text, defer analysis.
    pub fn composing(&self, text: &str) -> Self {
        Self {
            text: text.into(),
            stale: true,
            ..self.clone()
        }
    }

    /// The textarea holds settled text: keep it and analyse it.
    pub fn settled(&self, text: &str) -> Self {
        self.analyzed(
            text.into(),
            Rc::clone(&self.preferences),
            Rc::clone(&self.settings),
        )
    }

    /// Whether `text` is what the draft holds and has analysed: nothing to do.
    pub fn is_settled_at(&self, text: &str) -> bool {
        *self.text == *text && !self.stale
    }

    /// The same text under other preferences or another 文种 (or another draft's text, opened).
    /// `preferences` is shared: the same `Rc` when only the 文种 or the text changed, so what
    /// keys on the preferences (saving them) sees no change.
    pub fn configured(
        &self,
        text: Rc<str>,
        preferences: Rc<Preferences>,
        cap: Option<&str>,
        fields: &DocFields,
    ) -> Self {
        let settings = Rc::new(preferences.engine_settings(cap, fields));
        self.analyzed(text, preferences, settings)
    }
}

/// Typing this in a `panic-probe` test build panics (see the feature in Cargo.toml); a stored
/// draft holding it opens normally.
#[cfg(feature = "panic-probe")]
pub const PANIC_PROBE: &str = "〔panic-probe〕";
