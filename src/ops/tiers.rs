//! The tiers: the overview the tiers screen and `regulars tiers` show, and
//! saving an edited tier minimum into the shop's config file.

use crate::config::Config;
use crate::context::Ctx;
use crate::db::loyalty;
use crate::db::tier_overview::{self, TierOverview};
use crate::domain::loyalty_config::{Program, with_tier_min};
use crate::error::{Error, Result};

/// Works every member's tier out again (a full recompute, not just a
/// settle: a changed minimum moves members at once), then reads the
/// overview of this month.
pub fn overview(ctx: &Ctx) -> Result<(Program, TierOverview)> {
    let program = ctx.config.loyalty();
    loyalty::recompute(&ctx.conn, &program, ctx.clock.now())?;
    let overview = tier_overview::overview(&ctx.conn, &program, ctx.clock.today())?;
    Ok((program, overview))
}

/// Writes `written` (money in whole units, or visits, as the owner types
/// it) as the minimum of the `tier`-th tier into the config file, and
/// makes it the context's config, so the program read from it from now on
/// has the new minimum. The first tier's minimum stays 0; a minimum out of
/// order with its neighbours is refused by the config's own checks before
/// anything is written.
pub fn save_tier_min(ctx: &mut Ctx, tier: usize, written: i64) -> Result<()> {
    if tier == 0 {
        return Err(Error::user("ui-tiers-first-fixed", &[]));
    }
    let Some(path) = ctx.config.path.clone() else {
        return Err(Error::user("ui-tiers-no-file", &[]));
    };
    let program = ctx.config.loyalty();
    let name = program.tier_name(tier).unwrap_or_default().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let edited = with_tier_min(&text, tier, written).ok_or_else(|| {
        Error::user(
            "ui-tiers-cannot-edit",
            &[("path", &path.display().to_string()), ("tier", &name)],
        )
    })?;
    let mut config = Config::parse(&edited, &path)?;
    config.shop.country = config.shop.country.to_uppercase();
    config.shop.currency = config.shop.currency.to_uppercase();
    config.path = Some(path.clone());
    // Written next to the file and renamed over it: never half a config.
    let temp = path.with_extension("toml.new");
    std::fs::write(&temp, &edited).map_err(|e| Error::io(&temp, e))?;
    std::fs::rename(&temp, &path).map_err(|e| Error::io(&path, e))?;
    ctx.config = config;
    Ok(())
}

#[cfg(test)]
#[path = "tiers_tests.rs"]
mod tests;
