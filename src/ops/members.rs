//! Signing up, editing and deleting a member: the same checks and the same
//! one transaction whether the owner works at the counter or on the
//! command line.

use chrono::NaiveDate;

use crate::config::Config;
use crate::context::Ctx;
use crate::db;
use crate::domain::birth_calendar::{BirthCalendar, CalendarBirthday};
use crate::domain::birth_calendar_input::parse_calendar_birthday;
use crate::domain::consent::ConsentHow;
use crate::domain::member::{
    Channel, FieldError, Member, MemberDraft, clean_text, full_name, normalise_email,
    normalise_phone, parse_birthday,
};
use crate::error::{Arg, Error, Result};
use crate::ops::referral::{self, Referral};
use crate::ops::{consent, duplicates, suppression};

/// A member as typed: every text as the owner entered it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberInput {
    pub first_name: String,
    pub family_name: String,
    pub phone: String,
    pub email: String,
    /// Read with the shop's date order, or in `birthday_calendar`.
    pub birthday: String,
    /// The calendar the birthday is typed and kept in.
    pub birthday_calendar: BirthCalendar,
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
    /// Channels ticked at signup whose contact is on the suppression list:
    /// the member starts without consent on them.
    pub suppressed: Vec<Channel>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Saved(Saved),
    /// Nothing was saved: these may be the same person (with `IfDuplicate::Ask`).
    MaybeDuplicates(Vec<Member>),
}

/// The refusal for one field, worded as the command line always said it.
/// A phone or date problem shows the shop's own example: see
/// [`field_error_in`].
pub fn field_error(label_key: &str, problem: FieldError) -> Error {
    field_error_in(&crate::config::Config::default(), label_key, problem)
}

/// The refusal for one field, its example (a phone number, a date) as a
/// shop with `config` writes it.
pub fn field_error_in(
    config: &crate::config::Config,
    label_key: &str,
    problem: FieldError,
) -> Error {
    Error::user_with(
        "err-field",
        vec![
            ("field", Arg::key(label_key)),
            (
                "problem",
                Arg::message(crate::words::examples::field_problem(&problem, config)),
            ),
        ],
    )
}

fn optional(text: &str) -> Option<String> {
    Some(clean_text(text)).filter(|v| !v.is_empty())
}

/// A member field the checks can refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberField {
    FirstName,
    Phone,
    Email,
    Birthday,
}

impl MemberField {
    /// The locale key of the field's name.
    pub fn label_key(self) -> &'static str {
        match self {
            MemberField::FirstName => "field-first-name",
            MemberField::Phone => "field-phone",
            MemberField::Email => "field-email",
            MemberField::Birthday => "field-birthday",
        }
    }
}

/// Checks the typed details and names every problem at its field: a first
/// name, a phone of the shop's country, an email, a birthday in the shop's
/// date order. The one set of rules for every front end.
pub fn check_member(
    input: &MemberInput,
    today: NaiveDate,
    config: &Config,
) -> Result<MemberDraft, Vec<(MemberField, FieldError)>> {
    let mut problems = vec![];
    let first_name = clean_text(&input.first_name);
    if first_name.is_empty() {
        problems.push((MemberField::FirstName, FieldError::Required));
    }
    let mut read = |field, text: &str, rule: &dyn Fn(&str) -> Result<_, FieldError>| {
        let text = optional(text)?;
        rule(&text).map_err(|e| problems.push((field, e))).ok()
    };
    let phone = read(MemberField::Phone, &input.phone, &|p| {
        normalise_phone(p, config.country())
    });
    let email = read(MemberField::Email, &input.email, &normalise_email);
    // A Hebrew or Chinese birthday is kept beside the draft (see
    // `read_member`); the draft then has no Gregorian one.
    let birthday = match input.birthday_calendar {
        BirthCalendar::Gregorian => optional(&input.birthday).and_then(|b| {
            parse_birthday(&b, today, config.date_order())
                .map_err(|e| problems.push((MemberField::Birthday, e)))
                .ok()
        }),
        _ => {
            if let Err(e) = calendar_birthday(input) {
                problems.push((MemberField::Birthday, e));
            }
            None
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(MemberDraft {
        first_name,
        family_name: clean_text(&input.family_name),
        phone,
        email,
        birthday,
        card: optional(&input.card),
        area: optional(&input.area),
        language: input.language.clone(),
        note: optional(&input.note),
    })
}

/// The birthday typed in the Hebrew or Chinese calendar, when one of those
/// is chosen and something was typed.
pub fn calendar_birthday(input: &MemberInput) -> Result<Option<CalendarBirthday>, FieldError> {
    match (input.birthday_calendar, optional(&input.birthday)) {
        (BirthCalendar::Gregorian, _) | (_, None) => Ok(None),
        (calendar, Some(text)) => parse_calendar_birthday(&text, calendar).map(Some),
    }
}

/// A member as checked: the draft, a Hebrew or Chinese birthday, the
/// channels they agree to.
type Read = (MemberDraft, Option<CalendarBirthday>, Vec<Channel>);

/// [`check_member`], the calendar birthday and the consent channels,
/// refusing with the first problem.
pub fn read_member(ctx: &Ctx, input: &MemberInput) -> Result<Read> {
    let draft = check_member(input, ctx.clock.today(), &ctx.config).map_err(|problems| {
        let (field, problem) = problems[0].clone();
        field_error_in(&ctx.config, field.label_key(), problem)
    })?;
    let kept = calendar_birthday(input).map_err(|problem| {
        field_error_in(&ctx.config, MemberField::Birthday.label_key(), problem)
    })?;
    Ok((draft, kept, consent::channels(&input.consents)?))
}

/// Refuses a card, phone or email another member holds (`editing` may
/// keep their own): one person, one member.
fn check_taken(ctx: &Ctx, draft: &MemberDraft, editing: Option<i64>) -> Result<()> {
    match duplicates::taken(ctx, draft, editing)? {
        Some(taken) => Err(taken.error()),
        None => Ok(()),
    }
}

/// Who holds a card, phone or email of `input` already, read again after
/// a refusal so a form can offer to open them.
pub fn taken_by(
    ctx: &Ctx,
    input: &MemberInput,
    editing: Option<i64>,
) -> Result<Option<duplicates::Taken>> {
    let (draft, _, _) = read_member(ctx, input)?;
    duplicates::taken(ctx, &draft, editing)
}

/// Signs up a new member: checks, looks for duplicates before anything is
/// written, then stores the member, their consents and the receipts they
/// bought before signing up, all or nothing.
pub fn sign_up(ctx: &Ctx, input: &MemberInput, if_duplicate: IfDuplicate) -> Result<Outcome> {
    sign_up_referred(ctx, input, if_duplicate, &Referral::NotSaid)
}

/// [`sign_up`] with how they found the club, stored in the same
/// transaction (see `ops::referral`).
pub fn sign_up_referred(
    ctx: &Ctx,
    input: &MemberInput,
    if_duplicate: IfDuplicate,
    referral: &Referral,
) -> Result<Outcome> {
    let (draft, kept, consents) = read_member(ctx, input)?;
    let tx = super::begin(ctx)?;
    check_taken(ctx, &draft, None)?;
    let duplicates = db::members::possible_duplicates(&ctx.conn, &draft, None)?;
    if if_duplicate == IfDuplicate::Ask && !duplicates.is_empty() {
        return Ok(Outcome::MaybeDuplicates(duplicates));
    }
    let now = ctx.clock.now();
    let id = db::members::insert_row(&ctx.conn, &draft, now.date())?;
    if kept.is_some() {
        db::birth_calendar::set(&ctx.conn, id, kept.as_ref())?;
    }
    // A contact that once withdrew is not messaged again because a form
    // was ticked: only consent given again at the counter lets it back.
    let suppressed = suppression::suppressed_of(&ctx.conn, &draft, &consents)?;
    for channel in consents.into_iter().filter(|c| !suppressed.contains(c)) {
        consent::write(&ctx.conn, id, channel, true, now, ConsentHow::Signup)?;
    }
    referral::write(ctx, id, referral)?;
    let claimed = db::receipts::claim_receipts(&ctx.conn, id)?;
    tx.commit()?;
    Ok(Outcome::Saved(Saved {
        id,
        name: full_name(&draft.first_name, &draft.family_name),
        claimed,
        duplicates,
        suppressed,
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
    let (draft, kept, consents) = read_member(ctx, input)?;
    let tx = super::begin(ctx)?;
    if db::members::get(&ctx.conn, id)?.is_none() {
        return Err(Error::user(
            "err-member-not-found",
            &[("key", &id.to_string())],
        ));
    }
    check_taken(ctx, &draft, Some(id))?;
    let duplicates = db::members::possible_duplicates(&ctx.conn, &draft, Some(id))?;
    if if_duplicate == IfDuplicate::Ask && !duplicates.is_empty() {
        return Ok(Outcome::MaybeDuplicates(duplicates));
    }
    db::members::update(&ctx.conn, id, &draft)?;
    db::birth_calendar::set(&ctx.conn, id, kept.as_ref())?;
    consent::write_changes(
        &ctx.conn,
        id,
        &consents,
        ctx.clock.now(),
        ConsentHow::Counter,
    )?;
    let claimed = db::receipts::claim_receipts(&ctx.conn, id)?;
    tx.commit()?;
    Ok(Outcome::Saved(Saved {
        id,
        name: full_name(&draft.first_name, &draft.family_name),
        claimed,
        duplicates,
        suppressed: vec![],
    }))
}

/// Deletes a member: the erasure of `ops::erase`, their receipts kept
/// without their name. Returns the name they had, or None when already gone.
pub fn delete_member(ctx: &Ctx, id: i64) -> Result<Option<String>> {
    // Deleting a member is erasing them: a hard delete would take the
    // consent log (the proof of a withdrawal) and leave their name and
    // contacts on the receipts.
    Ok(super::erase::erase_member(ctx, id)?.map(|erased| erased.name))
}
