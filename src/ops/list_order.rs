//! Alphabetical lists follow the shop's language (`shop.locale`): the
//! stored list keys are rewritten when the club is opened under another
//! language than the one they were written in.

use crate::context::Ctx;
use crate::db::list_order;
use crate::error::Result;

/// Brings the list keys in line with the shop's language; returns how
/// many members were rekeyed (none when the language is unchanged).
pub fn follow_shop_language(ctx: &Ctx) -> Result<usize> {
    list_order::follow(&ctx.conn, &ctx.config.shop.locale)
}

/// As [`follow_shop_language`], telling `progress` (members rekeyed, of
/// how many) as it goes: a change of language on the Settings screen runs
/// it behind a progress line.
pub fn follow_shop_language_reporting(
    ctx: &Ctx,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    list_order::follow_reporting(&ctx.conn, &ctx.config.shop.locale, progress)
}
