//! `[club]` and `[stats]`: the list of ways a new member found the shop,
//! and the two numbers the club-health figures depend on.

use serde::Deserialize;

/// The sources a new config lists, as message keys: their words are the
/// shop's language (see `template`).
pub const DEFAULT_SOURCE_KEYS: &[&str] = &[
    "config-source-friend",
    "config-source-neighbour-shop",
    "config-source-supplier",
    "config-source-social-media",
    "config-source-walked-past",
    "config-source-event",
    "config-source-staff",
    "config-source-business-network",
];

/// `[club]` in the config.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ClubSettings {
    /// How a new member found the shop, when no member brought them.
    /// Unset (a config from before the list), the default list in the
    /// shop's language.
    pub sources: Option<Vec<String>>,
}

/// `[stats]` in the config.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StatsSettings {
    /// Days after a visit that a member still counts as active.
    pub lapse_days: u32,
    /// How many years a member stays, for the lifetime value; unset, it
    /// is worked out from the churn of the period.
    pub lifespan_years: Option<f64>,
}

impl Default for StatsSettings {
    fn default() -> Self {
        StatsSettings {
            lapse_days: 90,
            lifespan_years: None,
        }
    }
}

/// The longest lifespan the owner may set, in years.
pub const LONGEST_LIFESPAN_SETTING: f64 = 100.0;

impl StatsSettings {
    /// The setting that is out of range, with its value as written.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if self.lapse_days == 0 {
            return Err(("lapse_days", self.lapse_days.to_string()));
        }
        match self.lifespan_years {
            Some(years) if !(years > 0.0 && years <= LONGEST_LIFESPAN_SETTING) => {
                Err(("lifespan_years", years.to_string()))
            }
            _ => Ok(()),
        }
    }
}

impl ClubSettings {
    /// The sources to choose from: the config's list (blank names left
    /// out), else the default list in `locale`.
    pub fn sources_in(&self, locale: &str) -> Vec<String> {
        match &self.sources {
            Some(list) => list
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            None => crate::i18n::Locale::new(locale).scope(|| {
                DEFAULT_SOURCE_KEYS
                    .iter()
                    .map(|key| crate::i18n::t(key))
                    .collect()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;

    fn parse(text: &str) -> crate::error::Result<Config> {
        Config::parse(text, Path::new("config.toml"))
    }

    #[test]
    fn stats_settings_are_read_and_checked() {
        let config = parse("[stats]\nlapse_days = 60\nlifespan_years = 2.5\n").unwrap();
        assert_eq!(config.stats.lapse_days, 60);
        assert_eq!(config.stats.lifespan_years, Some(2.5));
        assert_eq!(Config::default().stats.lapse_days, 90);
        assert_eq!(Config::default().stats.lifespan_years, None);
        let err = parse("[shop]\nname = \"x\"\n\n[stats]\nlapse_days = 0\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("config.toml:5") && err.contains("lapse_days = 0"),
            "{err}"
        );
        let err = parse("[stats]\nlifespan_years = -1\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("lifespan_years = -1"), "{err}");
    }

    #[test]
    fn a_new_config_lists_the_sources_in_the_shop_language() {
        let text = crate::config::text_for("he", "IL", "ILS");
        let config = parse(&text).unwrap();
        assert_eq!(config.club.sources.as_ref().map(Vec::len), Some(8));
        assert_eq!(config.sources()[6], "צוות החנות");
        assert_eq!(config.stats.lapse_days, 90);
    }
}
