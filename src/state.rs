//! All state transitions of the app in one place: the draft text and its analysis.

use jianwen_engine::{analyze, Analysis, Settings};
use std::rc::Rc;
use yew::Reducible;

/// The draft being edited and the engine's analysis of its last settled version.
///
/// `text` always equals the textarea's value (even mid-composition), so it is what gets saved;
/// `analysis` lags during an IME composition (`stale`) and catches up on `compositionend`.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub text: Rc<str>,
    pub settings: Rc<Settings>,
    pub analysis: Rc<Analysis>,
    /// The text `analysis` describes: `text` itself unless `stale`.
    pub analyzed_text: Rc<str>,
    /// True while `text` holds uncommitted composition text that `analysis` has not seen.
    pub stale: bool,
}

impl Draft {
    pub fn new(text: &str) -> Self {
        let settings = Rc::new(Settings::default());
        let text: Rc<str> = text.into();
        Self { analysis: Rc::new(analyze(&text, &settings)), analyzed_text: Rc::clone(&text), text, settings, stale: false }
    }
}

pub enum Action {
    /// The textarea changed while an IME composition is open: keep the text, defer analysis.
    Composing(String),
    /// The textarea holds settled text: keep it and analyse it.
    Settled(String),
}

impl Reducible for Draft {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Composing(text) if *self.text == *text => self,
            Action::Composing(text) => Rc::new(Self { text: text.into(), stale: true, ..(*self).clone() }),
            Action::Settled(text) if *self.text == *text && !self.stale => self,
            Action::Settled(text) => {
                let text: Rc<str> = text.into();
                Rc::new(Self {
                    analysis: Rc::new(analyze(&text, &self.settings)),
                    analyzed_text: Rc::clone(&text),
                    text,
                    settings: Rc::clone(&self.settings),
                    stale: false,
                })
            }
        }
    }
}
