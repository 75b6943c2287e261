//! A card, phone or email another member holds: the form marks the field
//! with who holds it and offers to open that member with one key, since the
//! owner most likely meant them.

use super::{Contact, Duplicates, Effect, SignupState, Stop, read_contact};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::ops::duplicates::{self, Shared};
use crate::ops::members::{self, MemberInput};

/// The refusals that name a member holding the detail already.
pub fn is_taken(e: &Error) -> bool {
    matches!(
        e.key(),
        Some("err-card-taken" | "err-phone-taken" | "err-email-taken")
    )
}

impl SignupState {
    pub(super) fn refused(
        &mut self,
        ctx: &Ctx,
        input: &MemberInput,
        editing: Option<i64>,
        e: Error,
    ) -> Result<Effect> {
        // Read again who holds it: the refusal carries words, not the id.
        let Some(taken) = members::taken_by(ctx, input, editing)? else {
            return Err(e);
        };
        let stop = match taken.shared {
            Shared::Card => Stop::Card,
            shared => self.contact_stop(ctx, shared == Shared::Email),
        };
        self.focus = stop.index();
        self.fields.get_mut(stop).error = Some(e.message());
        if let Some(holder) = duplicates::holder(ctx, taken.id)? {
            self.duplicates = Some(Duplicates::taken(holder, e.message()));
        }
        Ok(Effect::Error(Message::plain("ui-signup-fix")))
    }

    /// The contact field holding the email (or the phone): either may.
    fn contact_stop(&self, ctx: &Ctx, email: bool) -> Stop {
        let holds = |stop| match read_contact(self.value(stop), &ctx.config) {
            Ok(Some(Contact::Email(_))) => email,
            Ok(Some(Contact::Phone(_))) => !email,
            _ => false,
        };
        if holds(Stop::OtherContact) {
            Stop::OtherContact
        } else {
            Stop::Contact
        }
    }
}
