//! Fixing a child or pet typed wrong: editing the details, removing one
//! added by mistake, and marking a pet that has passed away (it stays on
//! the card and in the history, but is no longer celebrated).

use crate::context::Ctx;
use crate::db;
use crate::domain::family::{Child, Pet};
use crate::domain::member::{FieldError, clean_text};
use crate::error::{Error, Result};
use crate::ops::family::{self, Kin, KinAdded, KinInput, KinOutcome, has_same_name, member_name};
use crate::ops::members::{IfDuplicate, field_error};

/// What to change of a child or pet: `None` keeps what is stored. A birth
/// is changed as a whole: a date or an age given replaces both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KinChange {
    pub name: Option<String>,
    /// A child's gender (blank clears it) or a pet's kind.
    pub detail: Option<String>,
    pub born: Option<String>,
    pub age: Option<String>,
    /// A pet's gotcha day; blank clears it.
    pub gotcha: Option<String>,
    /// The day a pet passed away; blank clears it (marked by mistake).
    pub passed_away: Option<String>,
}

impl KinChange {
    /// Every field as typed in a form, which shows them all.
    pub fn all(input: &KinInput) -> KinChange {
        KinChange {
            name: Some(input.name.clone()),
            detail: Some(input.detail.clone()),
            born: Some(input.born.clone()),
            age: Some(input.age.clone()),
            gotcha: Some(input.gotcha.clone()),
            passed_away: None,
        }
    }

    fn birth_given(&self) -> bool {
        self.born.is_some() || self.age.is_some()
    }

    fn birth_input(&self) -> KinInput {
        KinInput {
            born: self.born.clone().unwrap_or_default(),
            age: self.age.clone().unwrap_or_default(),
            ..KinInput::default()
        }
    }
}

fn not_found(kin: Kin, id: i64) -> Error {
    let key = match kin {
        Kin::Child => "err-child-not-found",
        Kin::Pet => "err-pet-not-found",
    };
    Error::user(key, &[("id", &id.to_string())])
}

/// One child as stored, by its id (for what a command prints back).
pub fn child(ctx: &Ctx, id: i64) -> Result<Option<Child>> {
    db::family::child(&ctx.conn, id)
}

/// One pet as stored, by its id.
pub fn pet(ctx: &Ctx, id: i64) -> Result<Option<Pet>> {
    db::family::pet(&ctx.conn, id)
}

/// A new name, refused when blank.
fn new_name(change: &Option<String>, stored: &str) -> Result<String> {
    match change {
        None => Ok(stored.to_string()),
        Some(text) => Some(clean_text(text))
            .filter(|n| !n.is_empty())
            .ok_or_else(|| field_error("field-name", FieldError::Required)),
    }
}

/// Changes a child's details; the name of another child of the same
/// member is asked about first.
pub fn edit_child(
    ctx: &Ctx,
    id: i64,
    change: &KinChange,
    if_same: IfDuplicate,
) -> Result<KinOutcome> {
    let tx = super::begin(ctx)?;
    let mut child = db::family::child(&ctx.conn, id)?.ok_or_else(|| not_found(Kin::Child, id))?;
    child.name = new_name(&change.name, &child.name)?;
    if let Some(gender) = &change.detail {
        child.gender = Some(clean_text(gender)).filter(|g| !g.is_empty());
    }
    if change.birth_given() {
        child.birth = family::birth(ctx, Kin::Child, &change.birth_input())?;
    }
    if if_same == IfDuplicate::Ask
        && has_same_name(ctx, Kin::Child, child.member_id, &child.name, Some(id))?
    {
        return Ok(KinOutcome::SameName(child.name));
    }
    db::family::update_child(&ctx.conn, &child)?;
    let member_name = member_name(ctx, child.member_id)?;
    tx.commit()?;
    Ok(KinOutcome::Saved(KinAdded {
        id,
        name: child.name,
        member_name,
    }))
}

/// Changes a pet's details, its gotcha day or the day it passed away; the
/// name of another pet of the same member is asked about first.
pub fn edit_pet(
    ctx: &Ctx,
    id: i64,
    change: &KinChange,
    if_same: IfDuplicate,
) -> Result<KinOutcome> {
    let tx = super::begin(ctx)?;
    let mut pet = db::family::pet(&ctx.conn, id)?.ok_or_else(|| not_found(Kin::Pet, id))?;
    pet.name = new_name(&change.name, &pet.name)?;
    if let Some(kind) = &change.detail {
        pet.kind = Some(clean_text(kind))
            .filter(|k| !k.is_empty())
            .ok_or_else(|| field_error("field-kind", FieldError::Required))?;
    }
    if change.birth_given() {
        pet.birth = family::birth(ctx, Kin::Pet, &change.birth_input())?;
    }
    if let Some(text) = &change.gotcha {
        pet.gotcha = family::gotcha(ctx, text)?;
    }
    if let Some(text) = &change.passed_away {
        pet.passed_away = family::day_of(ctx, "field-passed-away", text)?;
    }
    if if_same == IfDuplicate::Ask
        && has_same_name(ctx, Kin::Pet, pet.member_id, &pet.name, Some(id))?
    {
        return Ok(KinOutcome::SameName(pet.name));
    }
    db::family::update_pet(&ctx.conn, &pet)?;
    let member_name = member_name(ctx, pet.member_id)?;
    tx.commit()?;
    Ok(KinOutcome::Saved(KinAdded {
        id,
        name: pet.name,
        member_name,
    }))
}

/// Marks a pet as passed away today (the card's key): no more reminders.
pub fn pet_passed_away_today(ctx: &Ctx, id: i64) -> Result<KinAdded> {
    let tx = super::begin(ctx)?;
    let mut pet = db::family::pet(&ctx.conn, id)?.ok_or_else(|| not_found(Kin::Pet, id))?;
    pet.passed_away = Some(ctx.clock.today());
    db::family::update_pet(&ctx.conn, &pet)?;
    let member_name = member_name(ctx, pet.member_id)?;
    tx.commit()?;
    Ok(KinAdded {
        id,
        name: pet.name,
        member_name,
    })
}

/// Removes a child added by mistake; returns who it was.
pub fn remove_child(ctx: &Ctx, id: i64) -> Result<KinAdded> {
    remove(ctx, Kin::Child, id)
}

/// Removes a pet added by mistake (one that died is marked instead, to
/// keep it in the history); returns who it was.
pub fn remove_pet(ctx: &Ctx, id: i64) -> Result<KinAdded> {
    remove(ctx, Kin::Pet, id)
}

fn remove(ctx: &Ctx, kin: Kin, id: i64) -> Result<KinAdded> {
    let tx = super::begin(ctx)?;
    let found = match kin {
        Kin::Child => db::family::child(&ctx.conn, id)?.map(|c| (c.name, c.member_id)),
        Kin::Pet => db::family::pet(&ctx.conn, id)?.map(|p| (p.name, p.member_id)),
    };
    let (name, member_id) = found.ok_or_else(|| not_found(kin, id))?;
    let member_name = member_name(ctx, member_id)?;
    match kin {
        Kin::Child => db::family::remove_child(&ctx.conn, id)?,
        Kin::Pet => db::family::remove_pet(&ctx.conn, id)?,
    };
    tx.commit()?;
    Ok(KinAdded {
        id,
        name,
        member_name,
    })
}

#[cfg(test)]
#[path = "family_edit_tests.rs"]
mod tests;
