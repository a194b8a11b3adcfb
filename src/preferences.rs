//! The user's choices that shape the analysis, kept in the browser with the draft: the page
//! grid, their own phrase rules, format-check switches, cap profiles and the chosen 文种.

use jianwen_engine::caps::CapSettings;
use jianwen_engine::format::FormatSettings;
use jianwen_engine::layout::LayoutProfile;
use jianwen_engine::phrases::RuleSet;
use jianwen_engine::Settings;
use serde::{Deserialize, Serialize};

/// The id under which the single open draft's choices (its 文种) are stored.
pub const CURRENT_DRAFT: &str = "current";

/// Everything the user has set. Missing fields (an older stored version) take their defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub layout: LayoutProfile,
    pub rules: RuleSet,
    pub format: FormatSettings,
    pub caps: CapSettings,
}

impl Preferences {
    /// The engine's settings for the open draft.
    pub fn engine_settings(&self) -> Settings {
        let mut settings = Settings::default();
        settings.layout = self.layout;
        settings.rules = self.rules.clone();
        settings.format = self.format.clone();
        settings.cap = self.caps.chosen(CURRENT_DRAFT).cloned();
        settings.speaking_rate = self.caps.rate();
        settings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_preferences_round_trip_and_old_versions_take_defaults() {
        let mut prefs = Preferences::default();
        prefs
            .caps
            .choose(CURRENT_DRAFT, Some("js-2019-policy"))
            .unwrap();
        prefs.layout = LayoutProfile::gbt9704().with_header_lines(13);
        let json = serde_json::to_string(&prefs).unwrap();
        assert_eq!(serde_json::from_str::<Preferences>(&json).unwrap(), prefs);
        assert_eq!(
            serde_json::from_str::<Preferences>("{}").unwrap(),
            Preferences::default()
        );
        let settings = prefs.engine_settings();
        assert_eq!(
            settings.cap.as_ref().map(|c| c.id()),
            Some("js-2019-policy")
        );
        assert_eq!(settings.layout.header_lines(), 13);
    }
}
