//! The loyalty program as the shop writes it in the config file: points
//! rules (`[points]`), how tiers are measured (`[loyalty]`), the tiers
//! (`[[tiers]]`) and the rewards to redeem points for (`[[rewards]]`).
//! Checked when the file is read; a mistake names the file and the line.

use serde::Deserialize;

use crate::domain::dates::Feb29;
use crate::domain::money::Currency;
use crate::domain::points::PointsRules;
use crate::domain::tiers::{TierBasis, TierProgram};

/// At most this many tiers: more would not fit a counter's glance.
pub const MAX_TIERS: usize = 6;
/// Larger minimums or bonuses are typing mistakes (and would overflow).
pub const LARGEST: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct PointsConfig {
    pub per_unit: i64,
    pub signup_bonus: i64,
    pub referral_bonus: i64,
    pub review_bonus: i64,
    /// 0: the review bonus once per member; N: once in N calendar months.
    pub review_every_months: u32,
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
            review_every_months: 0,
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

/// A loyalty figure as the rules count it: money in minor units of the
/// shop's currency, or visits. Wording it is for the front ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Money { minor: i64, currency: Currency },
    Visits(i64),
}

/// How far a member is from a tier: what is still missing (money rounded
/// up to whole units, so that it is enough) and the tier's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierGap {
    pub missing: Amount,
    pub tier: String,
}

impl Program {
    /// A 12-month figure (spend or visits) in the program's basis.
    pub fn amount(&self, metric: i64) -> Amount {
        match self.tiers.basis {
            TierBasis::Spend => Amount::Money {
                minor: metric,
                currency: self.currency,
            },
            TierBasis::Visits => Amount::Visits(metric),
        }
    }

    /// A missing amount, money rounded up to whole units (so it is enough).
    pub fn missing(&self, gap: i64) -> Amount {
        let gap = gap.max(0);
        match self.tiers.basis {
            TierBasis::Spend => {
                let unit = minor_per_unit(self.currency);
                self.amount(gap.saturating_add(unit - 1) / unit * unit)
            }
            TierBasis::Visits => self.amount(gap),
        }
    }

    /// `gap` short of the tier called `tier`.
    pub fn gap_to(&self, gap: i64, tier: &str) -> TierGap {
        TierGap {
            missing: self.missing(gap),
            tier: tier.to_string(),
        }
    }

    /// The gap of a member's standing to the next tier; `None` at the top
    /// tier or without tiers.
    pub fn next_gap(&self, tier: usize, metric: i64) -> Option<TierGap> {
        let (next, gap) = self.tiers.gap_to_next(tier, metric)?;
        Some(self.gap_to(gap, self.tier_name(next)?))
    }
}

pub fn minor_per_unit(currency: Currency) -> i64 {
    10i64.pow(u32::from(currency.minor_digits()))
}

/// A loyalty setting that breaks the shop's rules: where it is written (the
/// `index`-th `[table]` and its `key`, so the config module can name the
/// line) and the message key with its arguments, translated when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub table: &'static str,
    pub index: usize,
    pub key: &'static str,
    pub message: &'static str,
    pub args: Vec<(&'static str, String)>,
}

fn bad(
    (table, index, key): (&'static str, usize, &'static str),
    message: &'static str,
    args: &[(&'static str, &str)],
) -> Problem {
    Problem {
        table,
        index,
        key,
        message,
        args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
    }
}

/// Checks the loyalty parts of a parsed config against the shop's rules.
pub fn check(
    p: &PointsConfig,
    loyalty: &LoyaltySettings,
    tiers: &[TierConfig],
    rewards: &[Reward],
) -> Result<(), Problem> {
    for (key, value) in [
        ("per_unit", p.per_unit),
        ("signup_bonus", p.signup_bonus),
        ("referral_bonus", p.referral_bonus),
        ("review_bonus", p.review_bonus),
        ("birthday_bonus", p.birthday_bonus),
    ] {
        if !(0..=LARGEST).contains(&value) {
            let at = ("points", 0, key);
            return Err(bad(
                at,
                "err-config-points-range",
                &[("key", key), ("value", &value.to_string())],
            ));
        }
    }
    // Periods that tile a year, so every period starts in the same month
    // each year.
    if ![0, 1, 2, 3, 4, 6, 12].contains(&p.review_every_months) {
        let at = ("points", 0, "review_every_months");
        return Err(bad(
            at,
            "err-config-review-every",
            &[("value", &p.review_every_months.to_string())],
        ));
    }
    let grace = loyalty.grace_days;
    if !(0..=3650).contains(&grace) {
        let at = ("loyalty", 0, "grace_days");
        return Err(bad(
            at,
            "err-config-grace",
            &[("value", &grace.to_string())],
        ));
    }
    if tiers.len() > MAX_TIERS {
        let at = ("tiers", MAX_TIERS, "name");
        return Err(bad(
            at,
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
            return Err(bad(("tiers", i, "name"), "err-config-tier-name", &[]));
        }
        if tiers[..i].iter().any(|t| t.name.trim() == name) {
            return Err(bad(
                ("tiers", i, "name"),
                "err-config-tier-twice",
                &[("name", name)],
            ));
        }
        let min_at = ("tiers", i, "min");
        if i == 0 && tier.min != 0 {
            return Err(bad(min_at, "err-config-tier-first", &[("name", name)]));
        }
        if !(0..=LARGEST).contains(&tier.min) {
            return Err(bad(
                min_at,
                "err-config-tier-range",
                &[("value", &tier.min.to_string())],
            ));
        }
        if i > 0 && tier.min <= tiers[i - 1].min {
            return Err(bad(
                min_at,
                "err-config-tier-order",
                &[("name", name), ("below", tiers[i - 1].name.trim())],
            ));
        }
    }
    for (i, reward) in rewards.iter().enumerate() {
        let name = reward.name.trim();
        if name.is_empty() {
            return Err(bad(("rewards", i, "name"), "err-config-reward-name", &[]));
        }
        if rewards[..i]
            .iter()
            .any(|r| r.name.trim().eq_ignore_ascii_case(name))
        {
            return Err(bad(
                ("rewards", i, "name"),
                "err-config-reward-twice",
                &[("name", name)],
            ));
        }
        if !(1..=LARGEST).contains(&reward.points) {
            return Err(bad(
                ("rewards", i, "points"),
                "err-config-reward-points",
                &[("name", name), ("value", &reward.points.to_string())],
            ));
        }
    }
    Ok(())
}
