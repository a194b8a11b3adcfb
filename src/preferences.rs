//! The user's choices that shape the analysis, kept in the browser apart from the drafts: the
//! page grid, their own phrase rules, format-check switches and cap profiles. The 文种 chosen for
//! a draft is the draft's own (`jianwen_io::Draft::cap_profile`).

use jianwen_engine::caps::CapSettings;
use jianwen_engine::format::FormatSettings;
use jianwen_engine::layout::LayoutProfile;
use jianwen_engine::phrases::RuleSet;
use jianwen_engine::Settings;
use jianwen_io::{full_header_lines, DocFields, FontSet, HeaderMode};
use serde::{Deserialize, Serialize};

/// The key under which versions before the library kept the open draft's 文种 in the cap
/// settings; read once, to move it into the draft.
const LEGACY_CURRENT_DRAFT: &str = "current";

/// Everything the user has set. Missing fields (an older stored version) take their defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub layout: LayoutProfile,
    pub rules: RuleSet,
    pub format: FormatSettings,
    pub caps: CapSettings,
    /// The fonts the GB/T 9704 `.docx` names.
    pub docx_fonts: FontSet,
}

impl Preferences {
    /// Lines of page 1 a draft with `fields` has above its title, as its `.docx` sets them: a
    /// full 版头's own height (from its fields), the 版面's reservation for 红头纸 (or the typical
    /// one when it sets none), and the 版面's reservation when there is no 版头.
    pub fn header_lines(&self, fields: &DocFields) -> u32 {
        match fields.header {
            HeaderMode::Full => full_header_lines(fields),
            HeaderMode::Space if self.layout.header_lines() == 0 => {
                LayoutProfile::TYPICAL_HEADER_LINES
            }
            HeaderMode::Space | HeaderMode::None => self.layout.header_lines(),
        }
    }

    /// The engine's settings for a draft whose 文种 is the cap profile `cap` (none when it names
    /// no profile, for example one deleted since) and whose 公文要素 are `fields`: page 1 starts
    /// [`header_lines`](Self::header_lines) lower, so its pages are those of its `.docx`.
    pub fn engine_settings(&self, cap: Option<&str>, fields: &DocFields) -> Settings {
        let mut settings = Settings::default();
        // Never more than the page allows: the 版面's validation keeps the reservation below it.
        settings.layout = self
            .layout
            .try_with_header_lines(self.header_lines(fields))
            .unwrap_or(self.layout);
        settings.rules = self.rules.clone();
        settings.format = self.format.clone();
        settings.cap = cap.and_then(|id| self.caps.profile(id)).cloned();
        settings.speaking_rate = self.caps.rate();
        settings
    }

    /// The 文种 an earlier version kept here for its one draft, removed from the preferences:
    /// the caller gives it to the open draft if that has none.
    pub fn take_legacy_cap(&mut self) -> Option<String> {
        let id = self
            .caps
            .chosen(LEGACY_CURRENT_DRAFT)
            .map(|p| p.id().to_owned());
        self.caps.choose(LEGACY_CURRENT_DRAFT, None).ok();
        id
    }

    /// Where each custom cap profile of `self` went in `next`: its id there, or `None` if it was
    /// deleted. Profiles are edited in place and deleted one at a time, so position tells which
    /// is which when a rename changed the id. Unchanged profiles are not listed.
    pub fn moved_caps(&self, next: &Preferences) -> Vec<(String, Option<String>)> {
        let (old, new) = (self.caps.custom(), next.caps.custom());
        old.iter()
            .enumerate()
            .filter(|(_, p)| next.caps.profile(p.id()).is_none())
            .map(|(i, p)| {
                let to = (old.len() == new.len()).then(|| new[i].id().to_owned());
                (p.id().to_owned(), to)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_preferences_round_trip_and_old_versions_take_defaults() {
        let prefs = Preferences {
            layout: LayoutProfile::gbt9704().with_header_lines(13),
            ..Preferences::default()
        };
        let json = serde_json::to_string(&prefs).unwrap();
        assert_eq!(serde_json::from_str::<Preferences>(&json).unwrap(), prefs);
        assert_eq!(
            serde_json::from_str::<Preferences>("{}").unwrap(),
            Preferences::default()
        );
        let none = DocFields::default();
        let settings = prefs.engine_settings(Some("js-2019-policy"), &none);
        assert_eq!(
            settings.cap.as_ref().map(|c| c.id()),
            Some("js-2019-policy")
        );
        assert_eq!(settings.layout.header_lines(), 13);
        assert_eq!(
            prefs.engine_settings(Some("no-such-profile"), &none).cap,
            None
        );
        // Space for 红头纸 keeps the 版面's own reservation, or takes the typical one; a full 版头
        // takes its own height.
        let plain = Preferences::default();
        let lines = |p: &Preferences, header| {
            let fields = DocFields {
                header,
                issuer_mark: "某某市人民政府文件".to_owned(),
                ..DocFields::default()
            };
            p.engine_settings(None, &fields).layout.header_lines()
        };
        assert_eq!(lines(&plain, HeaderMode::None), 0);
        assert_eq!(lines(&plain, HeaderMode::Space), 13);
        // 35 mm, the mark's two lines, the 发文字号 and rule, two lines: 6037 twips, 11 lines.
        assert_eq!(lines(&plain, HeaderMode::Full), 11);
        assert_eq!(lines(&prefs, HeaderMode::Full), 11);
        let tall = Preferences {
            layout: LayoutProfile::gbt9704().with_header_lines(15),
            ..Preferences::default()
        };
        assert_eq!(lines(&tall, HeaderMode::Space), 15);
    }

    #[test]
    fn the_legacy_choice_is_taken_once() {
        let mut prefs: Preferences =
            serde_json::from_str(r#"{"caps":{"version":1,"chosen":{"current":"js-2019-policy"}}}"#)
                .unwrap();
        assert_eq!(prefs.take_legacy_cap().as_deref(), Some("js-2019-policy"));
        assert_eq!(prefs.take_legacy_cap(), None);
    }

    #[test]
    fn renamed_and_deleted_custom_profiles_are_followed() {
        use jianwen_engine::caps::{CapProfile, Limits};
        let profile = |name: &str| {
            let limits = Limits {
                zi: Some(3000),
                ..Limits::default()
            };
            CapProfile::custom(name, limits, "").unwrap()
        };
        let mut before = Preferences::default();
        let a = before.caps.add(profile("甲")).unwrap().id().to_owned();
        let b = before.caps.add(profile("乙")).unwrap().id().to_owned();
        let mut renamed = before.clone();
        let c = renamed
            .caps
            .replace(&a, profile("丙"))
            .unwrap()
            .id()
            .to_owned();
        assert_eq!(before.moved_caps(&renamed), [(a.clone(), Some(c))]);
        let mut deleted = before.clone();
        deleted.caps.remove(&b).unwrap();
        assert_eq!(before.moved_caps(&deleted), [(b, None)]);
        assert!(before.moved_caps(&before.clone()).is_empty());
    }
}
