//! The shop's settings: a TOML file in the user's config folder.
//!
//! On first start the file is written from `assets/config.toml` with every
//! setting explained. A broken file stops the app with one line naming the
//! file, the line and what is wrong; it is never silently replaced.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Deserialize;

use crate::domain::loyalty_config::{
    BasisConfig, LoyaltySettings, PointsConfig, Problem, Program, Reward, TierConfig, check,
    minor_per_unit,
};
use crate::domain::money::Currency;
use crate::domain::points::PointsRules;
use crate::domain::tiers::{Tier, TierBasis, TierProgram};
use crate::error::{Arg, Error, Result};

/// The rule now lives with the other date rules; kept here so older call
/// sites keep compiling.
pub use crate::domain::dates::Feb29;

pub mod backup;
pub mod club;
pub mod save;
pub mod survey;
pub mod sync;
mod template;
pub mod ui;

pub use template::{default_text, guess_from_lang, text_for};

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
    /// How the screens are drawn on this terminal.
    pub ui: ui::UiSettings,
    /// The daily backup in the data folder.
    pub backup: backup::BackupSettings,
    /// How new members found the shop.
    pub club: club::ClubSettings,
    /// The club-health figures.
    pub stats: club::StatsSettings,
    /// The owner's own questions.
    pub survey: survey::SurveySettings,
    /// The chain's shared server, when this shop is one of several.
    pub sync: sync::SyncSettings,
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
    /// Where exports go; empty: `exports/` beside the database.
    pub export_dir: String,
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
            export_dir: String::new(),
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

    /// How a new member may have found the shop, in the config's words.
    pub fn sources(&self) -> Vec<String> {
        self.club.sources_in(&self.shop.locale)
    }

    /// The inbox folder for till exports: the configured one, else `inbox`
    /// in the data folder (None when the system has no data folder).
    /// The folder the owner chose for exports (`export_dir`), if any.
    pub fn export_dir(&self) -> Option<PathBuf> {
        match self.shop.export_dir.trim() {
            "" => None,
            dir => Some(PathBuf::from(dir)),
        }
    }

    pub fn inbox(&self) -> Option<PathBuf> {
        match self.import.inbox.trim() {
            "" => crate::paths::project_dirs().map(|d| d.data_dir().join("inbox")),
            dir => Some(PathBuf::from(dir)),
        }
    }

    /// Parses a config text; `path` only names the file in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let config: Config =
            toml::from_str(text).map_err(|e| syntax_error(text, path, e.span(), e.message()))?;
        config.validate(text, path)?;
        Ok(config)
    }

    fn validate(&self, text: &str, path: &Path) -> Result<()> {
        use crate::message::Message;
        let bad_at = |line: usize, detail: Message| {
            Error::user_with(
                "err-config",
                vec![
                    ("path", Arg::Text(path.display().to_string())),
                    ("line", Arg::Text(line.to_string())),
                    ("detail", Arg::message(detail)),
                ],
            )
        };
        let bad = |key: &str, detail: Message| {
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map(|i| i + 1)
                .unwrap_or(1);
            bad_at(line, detail)
        };
        if crate::i18n::code_of(&self.shop.locale).is_none() {
            let codes: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|(c, _)| *c).collect();
            let detail = Message::new(
                "err-unknown-lang",
                &[
                    ("lang", &self.shop.locale),
                    ("languages", &codes.join(", ")),
                ],
            );
            return Err(bad("locale", detail));
        }
        if phonenumber::country::Id::from_str(&self.shop.country.to_uppercase()).is_err() {
            let detail = Message::new("err-config-country", &[("value", &self.shop.country)]);
            return Err(bad("country", detail));
        }
        if Currency::from_code(&self.shop.currency).is_none() {
            let detail = Message::new("err-config-currency", &[("value", &self.shop.currency)]);
            return Err(bad("currency", detail));
        }
        if !(1..=HIGHEST_MAX_RECEIPT).contains(&self.import.max_receipt) {
            let detail = Message::new(
                "err-config-max-receipt",
                &[
                    ("value", &self.import.max_receipt.to_string()),
                    ("highest", &HIGHEST_MAX_RECEIPT.to_string()),
                ],
            );
            return Err(bad("max_receipt", detail));
        }
        if let Err((key, value)) = self.reminders.check() {
            let detail = Message::new(
                "err-config-lapsed",
                &[("key", key), ("value", &value.to_string())],
            );
            return Err(bad(key, detail));
        }
        if let Err((key, value)) = self.stats.check() {
            let detail = Message::new("err-config-stats", &[("key", key), ("value", &value)]);
            return Err(bad(key, detail));
        }
        if let Err((path, name)) = self.messages.check() {
            let key = path.rsplit('.').next().unwrap_or_default().to_string();
            let detail = Message::new("err-config-placeholder", &[("key", &path), ("name", &name)]);
            return Err(bad(&key, detail));
        }
        if let Err((n, detail)) = self.survey.check() {
            return Err(bad_at(survey::line_of_question(text, n), detail));
        }
        check(&self.points, &self.loyalty, &self.tiers, &self.rewards)
            .map_err(|problem| loyalty_error(&problem, text, path))
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
        Config::load(path)
    }

    /// Reads the config at `path`, which must exist.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Config::parse_file(&text, path)
    }

    /// Parses the text of the file at `path`, codes in capitals, and
    /// remembers the path for saving.
    pub fn parse_file(text: &str, path: &Path) -> Result<Config> {
        let mut config = Config::parse(text, path)?;
        config.shop.country = config.shop.country.to_uppercase();
        config.shop.currency = config.shop.currency.to_uppercase();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }
}

/// A config file that is not valid TOML: its path, the line the problem is
/// on, and what TOML says about it.
pub(crate) fn syntax_error(
    text: &str,
    path: &Path,
    span: Option<std::ops::Range<usize>>,
    detail: &str,
) -> Error {
    let line = span
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
        .unwrap_or(1);
    Error::user(
        "err-config",
        &[
            ("path", &path.display().to_string()),
            ("line", &line.to_string()),
            ("detail", detail),
        ],
    )
}

/// Where the config lives unless `--config` says otherwise.
pub fn default_path() -> Option<PathBuf> {
    crate::paths::project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// A broken loyalty setting, named by the file and the line it is on.
fn loyalty_error(problem: &Problem, text: &str, path: &Path) -> Error {
    let line = line_of(text, problem.table, problem.index, problem.key);
    let args: Vec<(&str, &str)> = problem.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let detail = crate::message::Message::new(problem.message, &args);
    Error::user_with(
        "err-config",
        vec![
            ("path", Arg::Text(path.display().to_string())),
            ("line", Arg::Text(line.to_string())),
            ("detail", Arg::message(detail)),
        ],
    )
}

impl Config {
    /// The loyalty program in minor units and dates, ready for the rules.
    pub fn loyalty(&self) -> Program {
        let currency = self.currency();
        let basis = match self.loyalty.tier_basis {
            BasisConfig::Spend => TierBasis::Spend,
            BasisConfig::Visits => TierBasis::Visits,
        };
        let unit = match basis {
            TierBasis::Spend => minor_per_unit(currency),
            TierBasis::Visits => 1,
        };
        let p = &self.points;
        Program {
            tiers: TierProgram {
                basis,
                tiers: self
                    .tiers
                    .iter()
                    .map(|t| Tier {
                        name: t.name.trim().to_string(),
                        min: t.min.saturating_mul(unit),
                        perks: t.perks.trim().to_string(),
                    })
                    .collect(),
                grace_days: self.loyalty.grace_days,
                schedule: vec![],
            },
            points: PointsRules {
                per_unit: p.per_unit,
                signup_bonus: p.signup_bonus,
                referral_bonus: p.referral_bonus,
                review_bonus: p.review_bonus,
                review_every_months: (p.review_every_months > 0).then_some(p.review_every_months),
                birthday_bonus: p.birthday_bonus,
                expiry_months: (p.expiry_months > 0).then_some(p.expiry_months),
            },
            rewards: self.rewards.clone(),
            currency,
            feb29: self.dates.feb29,
        }
    }
}

/// The line of `key` in the `index`-th table called `table` (`[points]` is
/// index 0 of "points", `[[tiers]]` counts each entry); the table's header
/// line when the key is not written, line 1 when the table is not found.
pub fn line_of(text: &str, table: &str, index: usize, key: &str) -> usize {
    let mut seen = 0usize;
    let mut header_line = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with('[') {
            let name: String = line
                .split('#')
                .next()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '[' && *c != ']')
                .collect();
            if header_line.is_some() {
                break;
            }
            if name == table {
                if seen == index {
                    header_line = Some(i + 1);
                }
                seen += 1;
            }
            continue;
        }
        if header_line.is_some()
            && let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return i + 1;
        }
    }
    header_line.unwrap_or(1)
}

#[cfg(test)]
mod tests;
