//! Signing up, editing and deleting a member: the same checks and the same
//! one transaction whether the owner works at the counter or on the
//! command line.

use rusqlite::{Transaction, TransactionBehavior};

use crate::context::Ctx;
use crate::db;
use crate::domain::member::{
    Channel, FieldError, Member, MemberDraft, clean_text, full_name, normalise_email,
    normalise_phone, parse_birthday,
};
use crate::error::{Error, Result};
use crate::i18n::t;
use crate::ops::consent;

/// A member as typed: every text as the owner entered it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberInput {
    pub first_name: String,
    pub family_name: String,
    pub phone: String,
    pub email: String,
    /// Read with the shop's date order.
    pub birthday: String,
    pub card: String,
    pub area: String,
    pub note: String,
    /// Kept as stored; the forms do not show it.
    pub language: Option<String>,
    /// Codes of the channels the member agrees to (`sms`, `email`, …).
    pub consents: Vec<String>,
}

/// What to do when the details look like a member already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfDuplicate {
    /// Save nothing and report them, so the owner can choose.
    Ask,
    /// Save all the same; they still come back, found before the save.
    SaveAnyway,
}

/// A member saved: new or edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub id: i64,
    pub name: String,
    /// Receipts bought under the member's card, phone or email that became theirs.
    pub claimed: usize,
    /// Members that may be the same person, found before saving.
    pub duplicates: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Saved(Saved),
    /// Nothing was saved: these may be the same person (with `IfDuplicate::Ask`).
    MaybeDuplicates(Vec<Member>),
}

/// The refusal for one field, worded as the command line always said it.
pub fn field_error(label_key: &str, problem: FieldError) -> Error {
    Error::User(crate::i18n::t_args(
        "err-field",
        &[
            ("field", &t(label_key)),
            ("problem", &t(problem.message_key())),
        ],
    ))
}

fn optional(text: &str) -> Option<String> {
    Some(clean_text(text)).filter(|v| !v.is_empty())
}

/// Checks the typed details: a first name, a phone of the shop's country,
/// an email, a birthday in the shop's date order, known consent channels.
pub fn read_member(ctx: &Ctx, input: &MemberInput) -> Result<(MemberDraft, Vec<Channel>)> {
    let first_name = clean_text(&input.first_name);
    if first_name.is_empty() {
        return Err(field_error("field-first-name", FieldError::Required));
    }
    let phone = optional(&input.phone)
        .map(|p| normalise_phone(&p, ctx.config.country()))
        .transpose()
        .map_err(|e| field_error("field-phone", e))?;
    let email = optional(&input.email)
        .map(|e| normalise_email(&e))
        .transpose()
        .map_err(|e| field_error("field-email", e))?;
    let birthday = optional(&input.birthday)
        .map(|b| parse_birthday(&b, ctx.clock.today(), ctx.config.date_order()))
        .transpose()
        .map_err(|e| field_error("field-birthday", e))?;
    let consents = consent::channels(&input.consents)?;
    let draft = MemberDraft {
        first_name,
        family_name: clean_text(&input.family_name),
        phone,
        email,
        birthday,
        card: optional(&input.card),
        area: optional(&input.area),
        language: input.language.clone(),
        note: optional(&input.note),
    };
    Ok((draft, consents))
}

/// A write transaction that takes the write lock at once, where SQLite
/// waits for another program's write to end (a deferred one that has to
/// upgrade its lock is not waited for).
pub(super) fn begin(ctx: &Ctx) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        &ctx.conn,
        TransactionBehavior::Immediate,
    )?)
}

/// Refuses a card another member holds (`editing` may keep their own).
fn check_card(ctx: &Ctx, draft: &MemberDraft, editing: Option<i64>) -> Result<()> {
    if let Some(card) = &draft.card
        && let Some((owner, name)) = db::counter::card_owner(&ctx.conn, card)?
        && Some(owner) != editing
    {
        return Err(Error::user(
            "err-card-taken",
            &[("card", card), ("name", &name)],
        ));
    }
    Ok(())
}

/// Signs up a new member: checks, looks for duplicates before anything is
/// written, then stores the member, their consents and the receipts they
/// bought before signing up, all or nothing.
pub fn sign_up(ctx: &Ctx, input: &MemberInput, if_duplicate: IfDuplicate) -> Result<Outcome> {
    let (draft, consents) = read_member(ctx, input)?;
    let tx = begin(ctx)?;
    check_card(ctx, &draft, None)?;
    let duplicates = db::members::possible_duplicates(&ctx.conn, &draft, None)?;
    if if_duplicate == IfDuplicate::Ask && !duplicates.is_empty() {
        return Ok(Outcome::MaybeDuplicates(duplicates));
    }
    let now = ctx.clock.now();
    let id = db::members::insert_row(&ctx.conn, &draft, now.date())?;
    for channel in consents {
        consent::write(&ctx.conn, id, channel, true, now, "signup")?;
    }
    let claimed = db::receipts::claim_receipts(&ctx.conn, id)?;
    tx.commit()?;
    Ok(Outcome::Saved(Saved {
        id,
        name: full_name(&draft.first_name, &draft.family_name),
        claimed,
        duplicates,
    }))
}

/// Saves a member's changed details: the details, each consent that
/// changed and the receipts a new card, phone or email claims, in one go.
pub fn edit_member(
    ctx: &Ctx,
    id: i64,
    input: &MemberInput,
    if_duplicate: IfDuplicate,
) -> Result<Outcome> {
    let (draft, consents) = read_member(ctx, input)?;
    let tx = begin(ctx)?;
    if db::members::get(&ctx.conn, id)?.is_none() {
        return Err(Error::user(
            "err-member-not-found",
            &[("key", &id.to_string())],
        ));
    }
    check_card(ctx, &draft, Some(id))?;
    let duplicates = db::members::possible_duplicates(&ctx.conn, &draft, Some(id))?;
    if if_duplicate == IfDuplicate::Ask && !duplicates.is_empty() {
        return Ok(Outcome::MaybeDuplicates(duplicates));
    }
    db::members::update(&ctx.conn, id, &draft)?;
    consent::write_changes(&ctx.conn, id, &consents, ctx.clock.now(), "counter")?;
    let claimed = db::receipts::claim_receipts(&ctx.conn, id)?;
    tx.commit()?;
    Ok(Outcome::Saved(Saved {
        id,
        name: full_name(&draft.first_name, &draft.family_name),
        claimed,
        duplicates,
    }))
}

/// Deletes a member with their family and consents; their receipts stay,
/// linked to no one. Returns the name they had, or None when already gone.
pub fn delete_member(ctx: &Ctx, id: i64) -> Result<Option<String>> {
    let tx = begin(ctx)?;
    let Some(member) = db::members::get(&ctx.conn, id)? else {
        return Ok(None);
    };
    db::members::delete(&ctx.conn, id)?;
    tx.commit()?;
    Ok(Some(member.full_name()))
}
