//! All state transitions of the app in one place: the draft text, the user's preferences, and
//! the engine's analysis of the two.

use crate::preferences::Preferences;
use jianwen_engine::{Analysis, Analyzer, Settings};
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;
use yew::Reducible;

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
pub struct Draft {
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

impl Draft {
    pub fn new(text: &str, preferences: Preferences) -> Self {
        let text: Rc<str> = text.into();
        let settings = Rc::new(preferences.engine_settings());
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
}

/// Typing this in a `panic-probe` test build panics (see the feature in Cargo.toml).
#[cfg(feature = "panic-probe")]
pub const PANIC_PROBE: &str = "〔panic-probe〕";

pub enum Action {
    /// The textarea changed while an IME composition is open: keep the text, defer analysis.
    Composing(String),
    /// The textarea holds settled text: keep it and analyse it.
    Settled(String),
    /// The user changed a preference: analyse the text again under it.
    Configure(Preferences),
    /// Another draft was opened: its text, under its own choices (its 文种).
    Open(String, Preferences),
}

impl Reducible for Draft {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Composing(text) if *self.text == *text => self,
            Action::Composing(text) => Rc::new(Self {
                text: text.into(),
                stale: true,
                ..(*self).clone()
            }),
            Action::Settled(text) if *self.text == *text && !self.stale => self,
            #[cfg(feature = "panic-probe")]
            Action::Settled(text) if text.contains(PANIC_PROBE) => panic!("panic probe typed"),
            Action::Settled(text) => Rc::new(self.analyzed(
                text.into(),
                Rc::clone(&self.preferences),
                Rc::clone(&self.settings),
            )),
            Action::Configure(preferences) if preferences == *self.preferences => self,
            Action::Configure(preferences) => {
                let settings = Rc::new(preferences.engine_settings());
                Rc::new(self.analyzed(Rc::clone(&self.text), Rc::new(preferences), settings))
            }
            Action::Open(text, preferences) => {
                let settings = Rc::new(preferences.engine_settings());
                Rc::new(self.analyzed(text.into(), Rc::new(preferences), settings))
            }
        }
    }
}
