//! One person, one member: a phone, email or card already held by another
//! member is refused at signup and edit, naming who holds it; `regulars
//! check` lists what a club holds from before that rule.
//!
//! The database cannot guard this itself: a unique index would make the
//! upgrade of a club that already holds duplicates fail, so the operations
//! check inside their transaction and `check` shows what to fix.

use crate::context::Ctx;
use crate::db;
use crate::domain::member::{MemberDraft, display_phone};
use crate::error::{Error, Result};

pub use crate::db::duplicates::{Shared, SharedGroup};

/// A detail of the draft another member holds already.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub shared: Shared,
    /// As the shop writes it (a phone in its national form).
    pub value: String,
    /// The member who holds it.
    pub id: i64,
    pub name: String,
}

impl Taken {
    /// The refusal, one line naming the detail and its holder.
    pub fn error(&self) -> Error {
        let (key, arg) = match self.shared {
            Shared::Card => ("err-card-taken", "card"),
            Shared::Email => ("err-email-taken", "email"),
            _ => ("err-phone-taken", "phone"),
        };
        let id = self.id.to_string();
        Error::user(
            key,
            &[(arg, &self.value), ("name", &self.name), ("id", &id)],
        )
    }
}

/// The first detail of `draft` another member holds: card, phone, email,
/// in that order. `editing` is the member being saved (their own stays).
pub fn taken(ctx: &Ctx, draft: &MemberDraft, editing: Option<i64>) -> Result<Option<Taken>> {
    for (shared, value) in [
        (Shared::Card, &draft.card),
        (Shared::Phone, &draft.phone),
        (Shared::Email, &draft.email),
    ] {
        let Some(value) = value else { continue };
        if let Some((id, name)) = db::duplicates::holder(&ctx.conn, shared, value, editing)? {
            let value = match shared {
                Shared::Phone => display_phone(value, ctx.config.country()),
                _ => value.clone(),
            };
            return Ok(Some(Taken {
                shared,
                value,
                id,
                name,
            }));
        }
    }
    Ok(None)
}

/// Every phone, email and card several members share, then members with
/// the same name and birthday: what `regulars check` lists.
pub fn club_duplicates(ctx: &Ctx) -> Result<Vec<SharedGroup>> {
    // Cards are compared folded: fold rows written by plain SQL first.
    db::search::refold_pending(&ctx.conn)?;
    db::duplicates::shared_groups(&ctx.conn)
}

/// The member who holds a detail, to show before opening them.
pub fn holder(ctx: &Ctx, id: i64) -> Result<Option<crate::domain::member::Member>> {
    db::members::get(&ctx.conn, id)
}

pub use crate::db::duplicate_pairs::{LikelyPair, Reason, Why};

/// Pairs of members who are likely one person, each with why: for the
/// Duplicates screen, where a pair is merged.
pub fn likely_pairs(ctx: &Ctx) -> Result<Vec<LikelyPair>> {
    // Cards are compared folded: fold rows written by plain SQL first.
    db::search::refold_pending(&ctx.conn)?;
    db::duplicate_pairs::likely_pairs(&ctx.conn)
}
