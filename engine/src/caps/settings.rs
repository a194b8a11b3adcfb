//! The user's cap settings: their own profiles, the profile chosen for each draft, and the
//! speaking rate, stored as versioned JSON.

use super::builtin::{builtin_profile, builtin_profiles};
use super::error::CapError;
use super::profile::{CapProfile, CustomFields};
use super::rate::SpeakingRate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version written into stored cap settings; settings of other versions are refused.
pub const CAPS_FORMAT_VERSION: u32 = 1;

/// Custom profiles, the profile chosen per draft, and the speaking rate.
///
/// Lookups see the built-in profiles first, then the custom ones. Every stored choice names an
/// existing profile: deleting a custom profile clears the drafts that used it, renaming one moves
/// them along, and choices of profiles that no longer exist (a built-in id retired by an update)
/// are dropped when settings are loaded, so the draft falls back to no cap.
///
/// # Examples
/// ```
/// use jianwen_engine::caps::{CapProfile, CapSettings, Limits};
/// let mut settings = CapSettings::default();
/// settings.choose("draft-1", Some("js-2019-policy")).unwrap();
/// assert_eq!(settings.chosen("draft-1").unwrap().name(), "政策性文件（5000字/10页）");
///
/// let mine = CapProfile::custom("区委文件（3000字）", Limits { zi: Some(3000), ..Limits::default() }, "").unwrap();
/// let id = settings.add(mine).unwrap().id().to_string();
/// settings.choose("draft-2", Some(&id)).unwrap();
///
/// let stored = settings.to_json();
/// assert_eq!(CapSettings::from_json(&stored).unwrap(), settings);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Stored", into = "Stored")]
pub struct CapSettings {
    custom: Vec<CapProfile>,
    chosen: BTreeMap<String, String>,
    rate: SpeakingRate,
}

/// The JSON form, version [`CAPS_FORMAT_VERSION`].
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    version: u32,
    #[serde(default)]
    custom: Vec<CustomFields>,
    /// Draft key → profile id.
    #[serde(default)]
    chosen: BTreeMap<String, String>,
    #[serde(default = "default_rate")]
    rate: u32,
}

fn default_rate() -> u32 {
    SpeakingRate::DEFAULT.get()
}

/// Only the version, read first so that settings of another version are refused as such rather
/// than as malformed.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

impl CapSettings {
    /// Every profile: the built-in ones in data order, then the custom ones in the order added.
    pub fn profiles(&self) -> impl Iterator<Item = &CapProfile> {
        builtin_profiles().iter().chain(&self.custom)
    }

    /// The profile with this id, built-in or custom.
    pub fn profile(&self, id: &str) -> Option<&CapProfile> {
        builtin_profile(id).or_else(|| self.custom.iter().find(|p| p.id() == id))
    }

    /// The user's own profiles, in the order added.
    pub fn custom(&self) -> &[CapProfile] {
        &self.custom
    }

    /// Adds a custom profile and returns it as stored.
    ///
    /// # Errors
    /// [`CapError::DuplicateName`] when a custom profile has the same name;
    /// [`CapError::BuiltIn`] for a built-in profile (make a custom one instead).
    pub fn add(&mut self, profile: CapProfile) -> Result<&CapProfile, CapError> {
        if !profile.is_custom() {
            return Err(CapError::BuiltIn {
                id: profile.id().to_string(),
            });
        }
        if self.custom.iter().any(|p| p.id() == profile.id()) {
            return Err(CapError::DuplicateName {
                name: profile.name().to_string(),
            });
        }
        self.custom.push(profile);
        Ok(&self.custom[self.custom.len() - 1])
    }

    /// Replaces the custom profile `id` with `profile`, in place. When the name changes, so does
    /// the id, and the drafts that had chosen the old one now have the new one.
    ///
    /// # Errors
    /// [`CapError::BuiltIn`] when `id` or `profile` is built-in, [`CapError::UnknownProfile`]
    /// when no custom profile has `id`, [`CapError::DuplicateName`] when another custom profile
    /// has the new name.
    pub fn replace(&mut self, id: &str, profile: CapProfile) -> Result<&CapProfile, CapError> {
        let index = self.custom_index(id)?;
        if !profile.is_custom() {
            return Err(CapError::BuiltIn {
                id: profile.id().to_string(),
            });
        }
        if self
            .custom
            .iter()
            .enumerate()
            .any(|(i, p)| i != index && p.id() == profile.id())
        {
            return Err(CapError::DuplicateName {
                name: profile.name().to_string(),
            });
        }
        for chosen in self
            .chosen
            .values_mut()
            .filter(|chosen| chosen.as_str() == id)
        {
            *chosen = profile.id().to_string();
        }
        self.custom[index] = profile;
        Ok(&self.custom[index])
    }

    /// Deletes the custom profile `id` and clears it from the drafts that had chosen it.
    ///
    /// # Errors
    /// [`CapError::BuiltIn`] when `id` is built-in, [`CapError::UnknownProfile`] when no custom
    /// profile has it.
    pub fn remove(&mut self, id: &str) -> Result<CapProfile, CapError> {
        let index = self.custom_index(id)?;
        self.chosen.retain(|_, chosen| chosen != id);
        Ok(self.custom.remove(index))
    }

    /// Chooses profile `id` for the draft with key `draft` (any stable key the app gives its
    /// drafts), or no cap with `None`.
    ///
    /// # Errors
    /// [`CapError::UnknownProfile`] when no profile has `id`; the choice is then unchanged.
    pub fn choose(&mut self, draft: &str, id: Option<&str>) -> Result<(), CapError> {
        match id {
            None => {
                self.chosen.remove(draft);
            }
            Some(id) => {
                let profile = self
                    .profile(id)
                    .ok_or_else(|| CapError::UnknownProfile { id: id.to_string() })?;
                let id = profile.id().to_string();
                self.chosen.insert(draft.to_string(), id);
            }
        }
        Ok(())
    }

    /// The profile chosen for the draft `draft`, if any.
    pub fn chosen(&self, draft: &str) -> Option<&CapProfile> {
        self.chosen.get(draft).and_then(|id| self.profile(id))
    }

    pub fn rate(&self) -> SpeakingRate {
        self.rate
    }

    pub fn set_rate(&mut self, rate: SpeakingRate) {
        self.rate = rate;
    }

    /// The settings as JSON, for local storage.
    ///
    /// # Panics
    /// Never: the JSON form is strings, numbers and string-keyed maps.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .expect("cap settings are strings, numbers and string-keyed maps")
    }

    /// Reads settings written by [`to_json`](Self::to_json), checking every value as if typed.
    ///
    /// # Errors
    /// [`CapError::Syntax`] or [`CapError::Format`] with the position, [`CapError::Version`],
    /// or the error of the first bad custom profile or rate.
    pub fn from_json(json: &str) -> Result<Self, CapError> {
        let position = |e: serde_json::Error| (e.line(), e.column());
        let version: VersionOnly = serde_json::from_str(json).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => {
                let (line, column) = position(e);
                CapError::Format { line, column }
            }
            _ => {
                let (line, column) = position(e);
                CapError::Syntax { line, column }
            }
        })?;
        if version.version != CAPS_FORMAT_VERSION {
            return Err(CapError::Version {
                found: version.version,
            });
        }
        let stored: Stored = serde_json::from_str(json).map_err(|e| {
            let (line, column) = position(e);
            CapError::Format { line, column }
        })?;
        stored.try_into()
    }

    /// Index of the custom profile `id`.
    fn custom_index(&self, id: &str) -> Result<usize, CapError> {
        if builtin_profile(id).is_some() {
            return Err(CapError::BuiltIn { id: id.to_string() });
        }
        self.custom
            .iter()
            .position(|p| p.id() == id)
            .ok_or_else(|| CapError::UnknownProfile { id: id.to_string() })
    }
}

impl TryFrom<Stored> for CapSettings {
    type Error = CapError;

    fn try_from(stored: Stored) -> Result<Self, CapError> {
        if stored.version != CAPS_FORMAT_VERSION {
            return Err(CapError::Version {
                found: stored.version,
            });
        }
        let mut settings = CapSettings {
            rate: SpeakingRate::try_new(stored.rate)?,
            ..CapSettings::default()
        };
        for fields in stored.custom {
            settings.add(CapProfile::try_from(fields)?)?;
        }
        // A profile that no longer exists leaves its drafts without a cap (see the type docs).
        let exists = |id: &String| settings.profile(id).is_some();
        let chosen = stored
            .chosen
            .into_iter()
            .filter(|(_, id)| exists(id))
            .collect();
        Ok(CapSettings { chosen, ..settings })
    }
}

impl From<CapSettings> for Stored {
    fn from(settings: CapSettings) -> Self {
        Stored {
            version: CAPS_FORMAT_VERSION,
            custom: settings
                .custom
                .into_iter()
                .map(CustomFields::from)
                .collect(),
            chosen: settings.chosen,
            rate: settings.rate.get(),
        }
    }
}
