//! The shop's settings: a TOML file in the user's config folder.
//!
//! On first start the file is written from `assets/config.toml` with every
//! setting explained. A broken file stops the app with one line naming the
//! file, the line and what is wrong; it is never silently replaced.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Deserialize;

use crate::domain::loyalty_config::{LoyaltySettings, PointsConfig, Reward, TierConfig};
use crate::domain::money::Currency;
use crate::error::{Error, Result};

const TEMPLATE: &str = include_str!("../assets/config.toml");

#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub shop: Shop,
    pub dates: Dates,
    pub import: ImportSettings,
    /// Who counts as a regular who stopped coming.
    pub reminders: crate::domain::lapsed::LapsedRule,
    /// Message templates of the weekly review, per language.
    pub messages: crate::domain::reminder_messages::Messages,
    pub points: PointsConfig,
    pub loyalty: LoyaltySettings,
    pub tiers: Vec<TierConfig>,
    pub rewards: Vec<Reward>,
    /// The file this was read from (for saving an edited tier minimum).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// `[import]`: where the till's exports are dropped, and what one receipt
/// may come to.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ImportSettings {
    /// The inbox folder; empty means `inbox` in the data folder.
    pub inbox: String,
    /// The most one receipt (and any amount on it) may come to, in whole
    /// units of the currency; a row above it is rejected as a misprint.
    pub max_receipt: u64,
}

/// A small shop's receipt is far below this; a 17-digit amount is a damaged
/// file, not a sale.
pub const DEFAULT_MAX_RECEIPT: u64 = 1_000_000;
/// Above this even a thousandth of the currency would come near the
/// integer limit once a few thousand receipts are added up.
pub const HIGHEST_MAX_RECEIPT: u64 = 1_000_000_000_000;

impl Default for ImportSettings {
    fn default() -> Self {
        ImportSettings {
            inbox: String::new(),
            max_receipt: DEFAULT_MAX_RECEIPT,
        }
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Shop {
    pub name: String,
    pub country: String,
    pub currency: String,
    pub locale: String,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Feb29 {
    /// Celebrated on Feb 28 in years without Feb 29.
    #[default]
    Feb28,
    /// Celebrated on Mar 1 in years without Feb 29.
    Mar1,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Dates {
    pub feb29: Feb29,
}

impl Default for Shop {
    fn default() -> Self {
        Shop {
            name: "My shop".into(),
            country: "US".into(),
            currency: "USD".into(),
            locale: "en".into(),
        }
    }
}

impl Config {
    /// The currency of the shop (validated when the file was read).
    pub fn currency(&self) -> Currency {
        Currency::from_code(&self.shop.currency).unwrap_or_default()
    }

    /// How the shop writes a short date, from its country: every typed
    /// date, on the counter and on the command line, is read this way.
    pub fn date_order(&self) -> crate::domain::date_order::DateOrder {
        crate::domain::date_order::DateOrder::for_country(&self.shop.country)
    }

    /// The shop's country for reading national phone numbers.
    pub fn country(&self) -> phonenumber::country::Id {
        phonenumber::country::Id::from_str(&self.shop.country)
            .unwrap_or(phonenumber::country::Id::US)
    }

    /// The inbox folder for till exports: the configured one, else `inbox`
    /// in the data folder (None when the system has no data folder).
    pub fn inbox(&self) -> Option<PathBuf> {
        match self.import.inbox.trim() {
            "" => crate::paths::project_dirs().map(|d| d.data_dir().join("inbox")),
            dir => Some(PathBuf::from(dir)),
        }
    }

    /// Parses a config text; `path` only names the file in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .unwrap_or(1);
            Error::user(
                "err-config",
                &[
                    ("path", &path.display().to_string()),
                    ("line", &line.to_string()),
                    ("detail", e.message()),
                ],
            )
        })?;
        config.validate(text, path)?;
        Ok(config)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<()> {
        let bad = |key: &str, detail: String| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map(|i| i + 1)
                .unwrap_or(1);
            Error::user(
                "err-config",
                &[
                    ("path", &path.display().to_string()),
                    ("line", &line.to_string()),
                    ("detail", &detail),
                ],
            )
        };
        if phonenumber::country::Id::from_str(&self.shop.country.to_uppercase()).is_err() {
            return Err(bad(
                "country",
                crate::i18n::t_args("err-config-country", &[("value", &self.shop.country)]),
            ));
        }
        if Currency::from_code(&self.shop.currency).is_none() {
            return Err(bad(
                "currency",
                crate::i18n::t_args("err-config-currency", &[("value", &self.shop.currency)]),
            ));
        }
        if !(1..=HIGHEST_MAX_RECEIPT).contains(&self.import.max_receipt) {
            let detail = crate::i18n::t_args(
                "err-config-max-receipt",
                &[
                    ("value", &self.import.max_receipt.to_string()),
                    ("highest", &HIGHEST_MAX_RECEIPT.to_string()),
                ],
            );
            return Err(bad("max_receipt", detail));
        }
        if let Err((key, value)) = self.reminders.check() {
            let detail = crate::i18n::t_args(
                "err-config-lapsed",
                &[("key", key), ("value", &value.to_string())],
            );
            return Err(bad(key, detail));
        }
        if let Err((path, name)) = self.messages.check() {
            let key = path.rsplit('.').next().unwrap_or_default().to_string();
            let detail =
                crate::i18n::t_args("err-config-placeholder", &[("key", &path), ("name", &name)]);
            return Err(bad(&key, detail));
        }
        crate::domain::loyalty_config::validate(self, text, path)
    }

    /// Reads the config at `path`, writing the commented default file first
    /// if there is none yet. `lang_env` (the `LANG` variable) picks the
    /// defaults for a new file: `hr_HR.UTF-8` gives Croatia, euro, Croatian.
    pub fn load_or_create(path: &Path, lang_env: Option<&str>) -> Result<Config> {
        if !path.exists() {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            std::fs::write(path, default_text(lang_env)).map_err(|e| Error::io(path, e))?;
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut config = Config::parse(&text, path)?;
        config.shop.country = config.shop.country.to_uppercase();
        config.shop.currency = config.shop.currency.to_uppercase();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }
}

/// The default config text for a new file, guessed from `LANG`.
pub fn default_text(lang_env: Option<&str>) -> String {
    let (locale, country) = guess_from_lang(lang_env.unwrap_or(""));
    let currency = Currency::for_country(&country).code();
    TEMPLATE
        .replace("{{country}}", &country)
        .replace("{{currency}}", currency)
        .replace("{{locale}}", &locale)
}

/// `he_IL.UTF-8` → (`he`, `IL`); unknown parts fall back to English and US.
fn guess_from_lang(lang: &str) -> (String, String) {
    let locale = crate::i18n::normalise_lang(lang);
    let region: String = lang
        .split(['.', '@'])
        .next()
        .unwrap_or("")
        .split('_')
        .nth(1)
        .unwrap_or("")
        .to_string();
    let country = if phonenumber::country::Id::from_str(&region).is_ok() {
        region
    } else {
        "US".to_string()
    };
    (locale, country)
}

/// Where the config lives unless `--config` says otherwise.
pub fn default_path() -> Option<PathBuf> {
    crate::paths::project_dirs().map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_file_parses_for_any_lang() {
        for lang in [
            None,
            Some("hr_HR.UTF-8"),
            Some("he_IL.UTF-8"),
            Some("C"),
            Some("th_TH"),
        ] {
            let text = default_text(lang);
            Config::parse(&text, Path::new("config.toml")).unwrap();
        }
        let hr = Config::parse(&default_text(Some("hr_HR.UTF-8")), Path::new("c")).unwrap();
        assert_eq!(
            (
                hr.shop.country.as_str(),
                hr.shop.currency.as_str(),
                hr.shop.locale.as_str()
            ),
            ("HR", "EUR", "hr")
        );
    }

    #[test]
    fn broken_file_names_file_and_line() {
        let text = "[shop]\nname = \"Paws\"\ncountry = HR\n";
        let err = Config::parse(text, Path::new("/x/config.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("/x/config.toml") && err.contains("3"), "{err}");
        assert!(!err.contains('\n'), "one line: {err}");
    }

    #[test]
    fn unknown_country_and_key_are_refused() {
        let err = Config::parse("[shop]\ncountry = \"XX\"\n", Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("XX") && err.contains(":2"), "{err}");
        assert!(Config::parse("[shop]\ncontry = \"HR\"\n", Path::new("c.toml")).is_err());
    }

    #[test]
    fn inbox_is_configurable() {
        let c = Config::parse("[import]\ninbox = \"exports\"\n", Path::new("c")).unwrap();
        assert_eq!(c.inbox(), Some(PathBuf::from("exports")));
        let default = Config::parse(&default_text(None), Path::new("c")).unwrap();
        assert!(default.inbox().is_none_or(|p| p.ends_with("inbox")));
    }

    #[test]
    fn max_receipt_reads_and_is_checked() {
        let default = Config::parse(&default_text(None), Path::new("c")).unwrap();
        assert_eq!(default.import.max_receipt, DEFAULT_MAX_RECEIPT);
        let c = Config::parse("[import]\nmax_receipt = 5000\n", Path::new("c")).unwrap();
        assert_eq!(c.import.max_receipt, 5000);
        for bad in ["0", "1000000000001"] {
            let text = format!("[import]\ninbox = \"\"\nmax_receipt = {bad}\n");
            let err = Config::parse(&text, Path::new("c.toml"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("c.toml:3") && err.contains(bad), "{err}");
        }
        let negative = "[import]\nmax_receipt = -1\n";
        assert!(Config::parse(negative, Path::new("c.toml")).is_err());
    }

    #[test]
    fn reminder_rules_and_messages_read_and_are_checked() {
        let text = "[reminders]\nlapsed_visits = 4\n\n[messages.hr]\nreward = \"kava\"\n";
        let c = Config::parse(text, Path::new("c")).unwrap();
        assert_eq!(c.reminders.lapsed_visits, 4);
        assert_eq!(c.reminders.lapsed_weeks, 6);
        assert_eq!(c.messages.0["hr"].reward.as_deref(), Some("kava"));
        let bad = "[messages.en]\nbirthday = \"Hi {name}\"\n";
        let err = Config::parse(bad, Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("c.toml:2") && err.contains("{name}"), "{err}");
        let zero = "[reminders]\n\nlapsed_weeks = 0\n";
        let err = Config::parse(zero, Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("c.toml:3") && err.contains("lapsed_weeks"),
            "{err}"
        );
    }

    #[test]
    fn feb29_rule_reads() {
        let c = Config::parse("[dates]\nfeb29 = \"mar1\"\n", Path::new("c")).unwrap();
        assert_eq!(c.dates.feb29, Feb29::Mar1);
    }
}
