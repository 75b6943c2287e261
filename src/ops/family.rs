//! A member's children and pets: who they are and when they were born (or
//! how old they were said to be), and the day a pet came home.

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::db;
use crate::domain::date_order::DateOrder;
use crate::domain::family::BirthInfo;
use crate::domain::member::{FieldError, clean_text, parse_birthday};
use crate::error::{Error, Result};
use crate::ops::members::{IfDuplicate, field_error, field_error_in};

/// Why a birth as typed was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BirthProblem {
    /// Both a date and an age were given.
    BornAndAge,
    /// The age is not a whole number of years.
    Age,
    /// The date cannot be read, or lies ahead.
    Date(FieldError),
    /// A day and month were read, but a birth needs the year.
    NoYear,
    /// The birth makes the child or pet older than `limit` years: a typo
    /// (`--age 200`), never stored.
    TooOld { limit: u32 },
}

/// Whose birth it is: a child or a pet, each with its own oldest age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kin {
    Child,
    Pet,
}

impl Kin {
    /// The oldest a child still counted among the family's children, or a
    /// pet, is believed to be; older is taken for a typo.
    pub fn max_years(self) -> u32 {
        match self {
            Kin::Child => 25,
            Kin::Pet => 40,
        }
    }
}

/// Refuses a birth that makes `kin` older than it can be.
pub fn check_age(kin: Kin, birth: BirthInfo, today: NaiveDate) -> Result<BirthInfo, BirthProblem> {
    let limit = kin.max_years();
    match birth.age(today) {
        Some((years, _)) if years > limit => Err(BirthProblem::TooOld { limit }),
        _ => Ok(birth),
    }
}

/// Reads a birth: a date with its year (in the shop's date order), or an
/// age in whole years said today; neither is an unknown birth.
pub fn read_birth(
    born: &str,
    age: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<BirthInfo, BirthProblem> {
    match (born.trim(), age.trim()) {
        ("", "") => Ok(BirthInfo::Unknown),
        (_, "") => full_date(born, today, order).map(BirthInfo::Born),
        ("", age) => age
            .parse()
            .map(|years| BirthInfo::About { years, on: today })
            .map_err(|_| BirthProblem::Age),
        _ => Err(BirthProblem::BornAndAge),
    }
}

/// A past date with its year, such as a birth or a gotcha day.
pub fn full_date(
    text: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<NaiveDate, BirthProblem> {
    let b = parse_birthday(text, today, order).map_err(BirthProblem::Date)?;
    let year = b.year.ok_or(BirthProblem::NoYear)?;
    NaiveDate::from_ymd_opt(year, b.month, b.day).ok_or(BirthProblem::Date(FieldError::Date))
}

/// A child or pet as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KinInput {
    pub name: String,
    /// A child's gender (may be blank) or a pet's kind (required).
    pub detail: String,
    pub born: String,
    /// An age in whole years, instead of a date of birth.
    pub age: String,
    /// A pet's gotcha day; blank for none.
    pub gotcha: String,
}

/// The refusal of a birth, in the command line's words for `field_key`.
fn birth_error(ctx: &Ctx, field_key: &str, problem: BirthProblem) -> Error {
    match problem {
        BirthProblem::BornAndAge => Error::user("err-born-and-age", &[]),
        BirthProblem::Age => Error::user("err-age", &[]),
        BirthProblem::Date(e) => field_error_in(&ctx.config, field_key, e),
        BirthProblem::NoYear => field_error_in(&ctx.config, field_key, FieldError::Date),
        BirthProblem::TooOld { limit } => {
            Error::user("err-kin-too-old", &[("limit", &limit.to_string())])
        }
    }
}

/// The birth as typed, refused when unreadable or too long ago for `kin`.
pub(crate) fn birth(ctx: &Ctx, kin: Kin, input: &KinInput) -> Result<BirthInfo> {
    let order = ctx.config.date_order();
    let today = ctx.clock.today();
    read_birth(&input.born, &input.age, today, order)
        .and_then(|b| check_age(kin, b, today))
        .map_err(|p| birth_error(ctx, "field-born", p))
}

/// A pet's gotcha day as typed; blank is none.
pub(crate) fn gotcha(ctx: &Ctx, text: &str) -> Result<Option<NaiveDate>> {
    day_of(ctx, "field-gotcha", text)
}

/// A past day with its year as typed for the field `field_key`; blank is none.
pub(crate) fn day_of(ctx: &Ctx, field_key: &str, text: &str) -> Result<Option<NaiveDate>> {
    match clean_text(text) {
        text if text.is_empty() => Ok(None),
        text => full_date(&text, ctx.clock.today(), ctx.config.date_order())
            .map(Some)
            .map_err(|p| birth_error(ctx, field_key, p)),
    }
}

/// True when the member already has a child (or pet) of that name, other
/// than `except` (the one being edited): said twice is most likely a slip.
pub(crate) fn has_same_name(
    ctx: &Ctx,
    kin: Kin,
    member_id: i64,
    name: &str,
    except: Option<i64>,
) -> Result<bool> {
    let same =
        |other: &str, id: i64| other.to_lowercase() == name.to_lowercase() && Some(id) != except;
    Ok(match kin {
        Kin::Child => db::family::children(&ctx.conn, member_id)?
            .iter()
            .any(|c| same(&c.name, c.id)),
        Kin::Pet => db::family::pets(&ctx.conn, member_id)?
            .iter()
            .any(|p| same(&p.name, p.id)),
    })
}

/// The member's name, refusing an id that names no one.
pub(crate) fn member_name(ctx: &Ctx, member_id: i64) -> Result<String> {
    db::members::get(&ctx.conn, member_id)?
        .map(|m| m.full_name())
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", &member_id.to_string())]))
}

/// A child or pet stored: its id, its name as stored and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KinAdded {
    pub id: i64,
    pub name: String,
    pub member_name: String,
}

/// What came of adding or editing a child or pet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KinOutcome {
    Saved(KinAdded),
    /// Nothing was stored: the member already has one of that name (with
    /// `IfDuplicate::Ask`). The name, for the question.
    SameName(String),
}

/// Adds a child to a member; the same name twice is asked about first.
pub fn add_child(
    ctx: &Ctx,
    member_id: i64,
    input: &KinInput,
    if_same: IfDuplicate,
) -> Result<KinOutcome> {
    let name = clean_text(&input.name);
    if name.is_empty() {
        return Err(field_error("field-name", FieldError::Required));
    }
    let birth = birth(ctx, Kin::Child, input)?;
    let gender = Some(clean_text(&input.detail)).filter(|g| !g.is_empty());
    let tx = super::begin(ctx)?;
    let member_name = member_name(ctx, member_id)?;
    if if_same == IfDuplicate::Ask && has_same_name(ctx, Kin::Child, member_id, &name, None)? {
        return Ok(KinOutcome::SameName(name));
    }
    let id = db::family::add_child(&ctx.conn, member_id, &name, gender.as_deref(), birth)?;
    tx.commit()?;
    Ok(KinOutcome::Saved(KinAdded {
        id,
        name,
        member_name,
    }))
}

/// Adds a pet to a member, with the day it came home when given; the same
/// name twice is asked about first.
pub fn add_pet(
    ctx: &Ctx,
    member_id: i64,
    input: &KinInput,
    if_same: IfDuplicate,
) -> Result<KinOutcome> {
    let name = clean_text(&input.name);
    let kind = clean_text(&input.detail);
    if kind.is_empty() {
        return Err(field_error("field-kind", FieldError::Required));
    }
    if name.is_empty() {
        return Err(field_error("field-name", FieldError::Required));
    }
    let birth = birth(ctx, Kin::Pet, input)?;
    let gotcha = gotcha(ctx, &input.gotcha)?;
    let tx = super::begin(ctx)?;
    let member_name = member_name(ctx, member_id)?;
    if if_same == IfDuplicate::Ask && has_same_name(ctx, Kin::Pet, member_id, &name, None)? {
        return Ok(KinOutcome::SameName(name));
    }
    let id = db::family::add_pet(&ctx.conn, member_id, &name, &kind, birth)?;
    if gotcha.is_some() {
        db::family::set_pet_gotcha(&ctx.conn, id, gotcha)?;
    }
    tx.commit()?;
    Ok(KinOutcome::Saved(KinAdded {
        id,
        name,
        member_name,
    }))
}
