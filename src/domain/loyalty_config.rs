//! The loyalty program as the shop writes it in the config file: points
//! rules (`[points]`), how tiers are measured (`[loyalty]`), the tiers
//! (`[[tiers]]`) and the rewards to redeem points for (`[[rewards]]`).
//! Checked when the file is read; a mistake names the file and the line.

use std::path::Path;

use serde::Deserialize;

use crate::config::{Config, Feb29};
use crate::domain::money::Currency;
use crate::domain::points::PointsRules;
use crate::domain::tiers::{Tier, TierBasis, TierProgram};
use crate::error::{Error, Result};
use crate::i18n::t_args;

/// At most this many tiers: more would not fit a counter's glance.
pub const MAX_TIERS: usize = 6;
/// Larger minimums or bonuses are typing mistakes (and would overflow).
const LARGEST: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct PointsConfig {
    pub per_unit: i64,
    pub signup_bonus: i64,
    pub referral_bonus: i64,
    pub review_bonus: i64,
    pub birthday_bonus: i64,
    /// 0: points never expire.
    pub expiry_months: u32,
}

impl Default for PointsConfig {
    fn default() -> Self {
        PointsConfig {
            per_unit: 1,
            signup_bonus: 0,
            referral_bonus: 0,
            review_bonus: 0,
            birthday_bonus: 0,
            expiry_months: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum BasisConfig {
    #[default]
    Spend,
    Visits,
}

/// `[loyalty]`: what tiers are measured on and how long a member keeps a
/// tier after falling below it.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct LoyaltySettings {
    pub tier_basis: BasisConfig,
    pub grace_days: i64,
}

impl Default for LoyaltySettings {
    fn default() -> Self {
        LoyaltySettings {
            tier_basis: BasisConfig::Spend,
            grace_days: 60,
        }
    }
}

/// One `[[tiers]]` entry; `min` is whole currency units or visits.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TierConfig {
    pub name: String,
    pub min: i64,
    #[serde(default)]
    pub perks: String,
}

/// One `[[rewards]]` entry.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Reward {
    pub name: String,
    pub points: i64,
}

/// Everything the loyalty rules need, in the app's own units.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub tiers: TierProgram,
    pub points: PointsRules,
    pub rewards: Vec<Reward>,
    pub currency: Currency,
    pub feb29: Feb29,
}

impl Program {
    /// A shop without tiers sees no tier badges, bars or screens.
    pub fn has_tiers(&self) -> bool {
        !self.tiers.tiers.is_empty()
    }

    pub fn tier_name(&self, tier: usize) -> Option<&str> {
        self.tiers.tiers.get(tier).map(|t| t.name.as_str())
    }

    /// The reward of that name, ignoring case and surrounding spaces.
    pub fn reward(&self, name: &str) -> Option<&Reward> {
        let wanted = name.trim().to_lowercase();
        self.rewards
            .iter()
            .find(|r| r.name.trim().to_lowercase() == wanted)
    }

    /// A tier minimum as written in the config: whole currency units for
    /// spend, visits for visits.
    pub fn min_as_written(&self, min: i64) -> i64 {
        match self.tiers.basis {
            TierBasis::Spend => min / minor_per_unit(self.currency),
            TierBasis::Visits => min,
        }
    }

    /// A minimum written in the config in the program's own units.
    pub fn min_from_written(&self, written: i64) -> i64 {
        match self.tiers.basis {
            TierBasis::Spend => written.saturating_mul(minor_per_unit(self.currency)),
            TierBasis::Visits => written,
        }
    }
}

fn minor_per_unit(currency: Currency) -> i64 {
    10i64.pow(u32::from(currency.minor_digits()))
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

/// `text` with the `min` of its `index`-th `[[tiers]]` set to `value`, the
/// rest of the file (comments too) unchanged. `None` when that tier has no
/// `min = …` line of its own to change.
pub fn with_tier_min(text: &str, index: usize, value: i64) -> Option<String> {
    let number = line_of(text, "tiers", index, "min");
    let mut out = String::with_capacity(text.len() + 8);
    let mut found = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let is_min = line
            .trim_start()
            .strip_prefix("min")
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if i + 1 == number && is_min {
            let eq = line.find('=')?;
            let body = line.trim_end_matches(['\n', '\r']);
            let ending = &line[body.len()..];
            let comment = body[eq..].find('#').map(|at| &body[eq + at..]);
            out.push_str(&line[..eq]);
            out.push_str(&format!("= {value}"));
            if let Some(comment) = comment {
                out.push_str(&format!(" {comment}"));
            }
            out.push_str(ending);
            found = true;
        } else {
            out.push_str(line);
        }
    }
    found.then_some(out)
}

/// Checks the loyalty parts of a parsed config against the shop's rules.
pub fn validate(config: &Config, text: &str, path: &Path) -> Result<()> {
    let bad = |line: usize, key: &str, args: &[(&str, &str)]| {
        Error::user(
            "err-config",
            &[
                ("path", &path.display().to_string()),
                ("line", &line.to_string()),
                ("detail", &t_args(key, args)),
            ],
        )
    };
    let p = &config.points;
    for (key, value) in [
        ("per_unit", p.per_unit),
        ("signup_bonus", p.signup_bonus),
        ("referral_bonus", p.referral_bonus),
        ("review_bonus", p.review_bonus),
        ("birthday_bonus", p.birthday_bonus),
    ] {
        if !(0..=LARGEST).contains(&value) {
            let line = line_of(text, "points", 0, key);
            return Err(bad(
                line,
                "err-config-points-range",
                &[("key", key), ("value", &value.to_string())],
            ));
        }
    }
    let grace = config.loyalty.grace_days;
    if !(0..=3650).contains(&grace) {
        let line = line_of(text, "loyalty", 0, "grace_days");
        return Err(bad(
            line,
            "err-config-grace",
            &[("value", &grace.to_string())],
        ));
    }
    let tiers = &config.tiers;
    if tiers.len() > MAX_TIERS {
        let line = line_of(text, "tiers", MAX_TIERS, "name");
        return Err(bad(
            line,
            "err-config-tiers-too-many",
            &[
                ("count", &tiers.len().to_string()),
                ("max", &MAX_TIERS.to_string()),
            ],
        ));
    }
    for (i, tier) in tiers.iter().enumerate() {
        let name = tier.name.trim();
        if name.is_empty() {
            return Err(bad(
                line_of(text, "tiers", i, "name"),
                "err-config-tier-name",
                &[],
            ));
        }
        if tiers[..i].iter().any(|t| t.name.trim() == name) {
            return Err(bad(
                line_of(text, "tiers", i, "name"),
                "err-config-tier-twice",
                &[("name", name)],
            ));
        }
        let min_line = line_of(text, "tiers", i, "min");
        if i == 0 && tier.min != 0 {
            return Err(bad(min_line, "err-config-tier-first", &[("name", name)]));
        }
        if !(0..=LARGEST).contains(&tier.min) {
            return Err(bad(
                min_line,
                "err-config-tier-range",
                &[("value", &tier.min.to_string())],
            ));
        }
        if i > 0 && tier.min <= tiers[i - 1].min {
            return Err(bad(
                min_line,
                "err-config-tier-order",
                &[("name", name), ("below", tiers[i - 1].name.trim())],
            ));
        }
    }
    for (i, reward) in config.rewards.iter().enumerate() {
        let name = reward.name.trim();
        if name.is_empty() {
            return Err(bad(
                line_of(text, "rewards", i, "name"),
                "err-config-reward-name",
                &[],
            ));
        }
        if config.rewards[..i]
            .iter()
            .any(|r| r.name.trim().eq_ignore_ascii_case(name))
        {
            return Err(bad(
                line_of(text, "rewards", i, "name"),
                "err-config-reward-twice",
                &[("name", name)],
            ));
        }
        if !(1..=LARGEST).contains(&reward.points) {
            return Err(bad(
                line_of(text, "rewards", i, "points"),
                "err-config-reward-points",
                &[("name", name), ("value", &reward.points.to_string())],
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "loyalty_config_tests.rs"]
mod tests;
