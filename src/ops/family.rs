//! A member's children and pets: who they are and when they were born (or
//! how old they were said to be), and the day a pet came home.

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::db;
use crate::domain::date_order::DateOrder;
use crate::domain::family::BirthInfo;
use crate::domain::member::{FieldError, clean_text, parse_birthday};
use crate::error::{Error, Result};
use crate::ops::members::field_error;

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
fn birth_error(field_key: &str, problem: BirthProblem) -> Error {
    match problem {
        BirthProblem::BornAndAge => Error::user("err-born-and-age", &[]),
        BirthProblem::Age => Error::user("err-age", &[]),
        BirthProblem::Date(e) => field_error(field_key, e),
        BirthProblem::NoYear => field_error(field_key, FieldError::Date),
    }
}

fn birth(ctx: &Ctx, input: &KinInput) -> Result<BirthInfo> {
    let order = ctx.config.date_order();
    read_birth(&input.born, &input.age, ctx.clock.today(), order)
        .map_err(|p| birth_error("field-born", p))
}

/// The member's name, refusing an id that names no one.
fn member_name(ctx: &Ctx, member_id: i64) -> Result<String> {
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

/// Adds a child to a member.
pub fn add_child(ctx: &Ctx, member_id: i64, input: &KinInput) -> Result<KinAdded> {
    let name = clean_text(&input.name);
    if name.is_empty() {
        return Err(field_error("field-name", FieldError::Required));
    }
    let birth = birth(ctx, input)?;
    let gender = Some(clean_text(&input.detail)).filter(|g| !g.is_empty());
    let tx = super::begin(ctx)?;
    let member_name = member_name(ctx, member_id)?;
    let id = db::members::add_child(&ctx.conn, member_id, &name, gender.as_deref(), birth)?;
    tx.commit()?;
    Ok(KinAdded {
        id,
        name,
        member_name,
    })
}

/// Adds a pet to a member, with the day it came home when given.
pub fn add_pet(ctx: &Ctx, member_id: i64, input: &KinInput) -> Result<KinAdded> {
    let name = clean_text(&input.name);
    let kind = clean_text(&input.detail);
    if kind.is_empty() {
        return Err(field_error("field-kind", FieldError::Required));
    }
    if name.is_empty() {
        return Err(field_error("field-name", FieldError::Required));
    }
    let birth = birth(ctx, input)?;
    let gotcha = match clean_text(&input.gotcha) {
        text if text.is_empty() => None,
        text => Some(
            full_date(&text, ctx.clock.today(), ctx.config.date_order())
                .map_err(|p| birth_error("field-gotcha", p))?,
        ),
    };
    let tx = super::begin(ctx)?;
    let member_name = member_name(ctx, member_id)?;
    let id = db::members::add_pet(&ctx.conn, member_id, &name, &kind, birth)?;
    if gotcha.is_some() {
        db::members::set_pet_gotcha(&ctx.conn, id, gotcha)?;
    }
    tx.commit()?;
    Ok(KinAdded {
        id,
        name,
        member_name,
    })
}
