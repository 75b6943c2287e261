//! Whether a once-only bonus can still be given, read before the counter
//! asks about it: a question whose "yes" could only end in "already given"
//! wastes the owner's time.

use rusqlite::OptionalExtension;

use crate::context::Ctx;
use crate::error::Result;

/// True when the member already had the review bonus (it is given once).
pub fn had_review_bonus(ctx: &Ctx, member_id: i64) -> Result<bool> {
    Ok(ctx
        .conn
        .query_row(
            "SELECT 1 FROM points WHERE member_id = ?1 AND once_key = 'review'",
            [member_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The member who brought this one to the club, when one is recorded:
/// the referral bonus went out with it, so it is not asked again.
pub fn brought_by(ctx: &Ctx, member_id: i64) -> Result<Option<i64>> {
    Ok(ctx
        .conn
        .query_row(
            "SELECT referred_by FROM members WHERE id = ?1 AND erased_at IS NULL",
            [member_id],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten())
}
