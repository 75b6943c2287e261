//! `member add/find/show`, `child add`, `pet add`.

use clap::{Args, Subcommand};

use super::{Ctx, JsonFlag, output, stdout};
use crate::db;
use crate::domain::family::BirthInfo;
use crate::domain::member::{
    Channel, FieldError, MemberDraft, clean_text, full_name, normalise_email, normalise_phone,
    parse_birthday,
};
use crate::error::{Error, Result};
use crate::i18n::{t, t_args, t_count};

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Sign up a new member.
    Add(AddArgs),
    /// Find members by name part, phone digits, email or card.
    Find {
        text: String,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Show one member.
    Show {
        key: String,
        #[command(flatten)]
        json: JsonFlag,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[arg(long)]
    first: String,
    #[arg(long, default_value = "")]
    last: String,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD|MM-DD")]
    birthday: Option<String>,
    #[arg(long)]
    card: Option<String>,
    #[arg(long, value_delimiter = ',', value_name = "sms,email")]
    consent: Vec<String>,
    #[arg(long)]
    area: Option<String>,
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Subcommand)]
pub enum ChildCommand {
    /// Add a child to a member.
    Add(ChildArgs),
}

#[derive(Debug, Subcommand)]
pub enum PetCommand {
    /// Add a pet to a member.
    Add(PetArgs),
}

/// When a child or pet was born: a date, or an age in years said today.
#[derive(Debug, Args)]
pub struct BirthArgs {
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "age")]
    born: Option<String>,
    #[arg(long, value_name = "YEARS")]
    age: Option<String>,
}

#[derive(Debug, Args)]
pub struct ChildArgs {
    key: String,
    #[arg(long)]
    name: String,
    #[command(flatten)]
    birth: BirthArgs,
    #[arg(long)]
    gender: Option<String>,
}

#[derive(Debug, Args)]
pub struct PetArgs {
    key: String,
    #[arg(long)]
    name: String,
    #[arg(long)]
    kind: String,
    #[command(flatten)]
    birth: BirthArgs,
    /// The day the pet came home.
    #[arg(long, value_name = "YYYY-MM-DD")]
    gotcha: Option<String>,
}

fn field(name_key: &str, problem: FieldError) -> Error {
    Error::User(t_args(
        "err-field",
        &[
            ("field", &t(name_key)),
            ("problem", &t(problem.message_key())),
        ],
    ))
}

fn optional(value: &Option<String>) -> Option<String> {
    value.as_deref().map(clean_text).filter(|v| !v.is_empty())
}

fn draft_from_args(ctx: &Ctx, a: &AddArgs) -> Result<MemberDraft> {
    let first_name = clean_text(&a.first);
    if first_name.is_empty() {
        return Err(field("field-first-name", FieldError::Required));
    }
    let phone = match optional(&a.phone) {
        Some(p) => {
            Some(normalise_phone(&p, ctx.config.country()).map_err(|e| field("field-phone", e))?)
        }
        None => None,
    };
    let email = match optional(&a.email) {
        Some(e) => Some(normalise_email(&e).map_err(|e| field("field-email", e))?),
        None => None,
    };
    let birthday = match optional(&a.birthday) {
        Some(b) => Some(
            parse_birthday(&b, ctx.clock.today(), ctx.config.date_order())
                .map_err(|e| field("field-birthday", e))?,
        ),
        None => None,
    };
    Ok(MemberDraft {
        first_name,
        family_name: clean_text(&a.last),
        phone,
        email,
        birthday,
        card: optional(&a.card),
        area: optional(&a.area),
        language: None,
        note: optional(&a.note),
    })
}

fn add(ctx: &Ctx, a: &AddArgs) -> Result<()> {
    let draft = draft_from_args(ctx, a)?;
    let consents = a
        .consent
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| Channel::from_code(c).ok_or_else(|| Error::user("err-channel", &[("value", c)])))
        .collect::<Result<Vec<_>>>()?;
    if let Some(card) = &draft.card
        && let Some(owner) = db::members::find_by_key(&ctx.conn, card, None)?.and_then(|id| {
            db::members::get(&ctx.conn, id)
                .ok()
                .flatten()
                .filter(|m| m.draft.card.as_deref() == Some(card))
        })
    {
        return Err(Error::user(
            "err-card-taken",
            &[("card", card), ("name", &owner.full_name())],
        ));
    }
    let duplicates = db::members::possible_duplicates(&ctx.conn, &draft, None)?;
    let id = db::members::insert(&ctx.conn, &draft, &consents, ctx.clock.now())?;
    // Receipts bought before signing up, under this card, phone or email,
    // become the new member's (as signing up at the counter does).
    let claimed = db::receipts::claim_receipts(&ctx.conn, id)?;
    for other in duplicates {
        eprintln!(
            "{}",
            t_args(
                "cli-possible-duplicate",
                &[("id", &other.id.to_string()), ("name", &other.full_name())]
            )
        );
    }
    if a.json.json {
        show(ctx, &id.to_string(), true)
    } else {
        let name = full_name(&draft.first_name, &draft.family_name);
        let mut line = t_args(
            "cli-member-added",
            &[("id", &id.to_string()), ("name", &name)],
        );
        if claimed > 0 {
            let receipts = t_count("cli-member-claimed", "count", claimed as i64);
            line = format!("{line}. {receipts}");
        }
        stdout::print_line(line)?;
        Ok(())
    }
}

/// Resolves a CLI key (id, card, phone in any form, email) to a member id.
pub fn resolve(ctx: &Ctx, key: &str) -> Result<i64> {
    let phone = normalise_phone(key, ctx.config.country()).ok();
    db::members::find_by_key(&ctx.conn, key, phone.as_deref())?
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", key)]))
}

fn show(ctx: &Ctx, key: &str, json: bool) -> Result<()> {
    let id = resolve(ctx, key)?;
    let card = db::members::card(&ctx.conn, id)?
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", key)]))?;
    if json {
        let mut value = output::card_json(&card, ctx.clock.today());
        super::loyalty::fill_member_json(ctx, id, &mut value)?;
        stdout::print_line(value)?;
    } else {
        stdout::print(&output::card_text(&card, ctx))?;
        stdout::print(&super::loyalty::member_text(ctx, id)?)?;
    }
    Ok(())
}

fn find(ctx: &Ctx, text: &str, json: bool) -> Result<()> {
    let mut rows = db::search::search(&ctx.conn, text, ctx.clock.today(), 50)?;
    let program = super::loyalty::settle(ctx)?;
    db::loyalty::fill_rows(&ctx.conn, &program, &mut rows, ctx.clock.today())?;
    if json {
        stdout::print_line(output::rows_json(&rows))?;
    } else if rows.is_empty() {
        eprintln!("{}", t_args("cli-no-match", &[("query", text)]));
    } else {
        stdout::print(&output::rows_text(&rows, ctx))?;
    }
    Ok(())
}

pub fn run_member(ctx: &mut Ctx, cmd: MemberCommand) -> Result<()> {
    match cmd {
        MemberCommand::Add(a) => add(ctx, &a),
        MemberCommand::Find { text, json } => find(ctx, &text, json.json),
        MemberCommand::Show { key, json } => show(ctx, &key, json.json),
    }
}

/// A past date with the year, e.g. for `--gotcha`.
fn full_date(ctx: &Ctx, text: &str, field_key: &str) -> Result<chrono::NaiveDate> {
    let b = parse_birthday(text, ctx.clock.today(), ctx.config.date_order())
        .map_err(|e| field(field_key, e))?;
    b.year
        .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, b.month, b.day))
        .ok_or_else(|| field(field_key, FieldError::Date))
}

fn birth_from_args(ctx: &Ctx, a: &BirthArgs) -> Result<BirthInfo> {
    match (&a.born, &a.age) {
        (Some(_), Some(_)) => Err(Error::user("err-born-and-age", &[])),
        (Some(born), None) => {
            let b = parse_birthday(born, ctx.clock.today(), ctx.config.date_order())
                .map_err(|e| field("field-born", e))?;
            let year = b
                .year
                .ok_or_else(|| field("field-born", FieldError::Date))?;
            let date = chrono::NaiveDate::from_ymd_opt(year, b.month, b.day)
                .ok_or_else(|| field("field-born", FieldError::Date))?;
            Ok(BirthInfo::Born(date))
        }
        (None, Some(age)) => {
            let years: u32 = age
                .trim()
                .parse()
                .map_err(|_| Error::user("err-age", &[]))?;
            Ok(BirthInfo::About {
                years,
                on: ctx.clock.today(),
            })
        }
        (None, None) => Ok(BirthInfo::Unknown),
    }
}

pub fn run_child(ctx: &mut Ctx, cmd: ChildCommand) -> Result<()> {
    let ChildCommand::Add(a) = cmd;
    let id = resolve(ctx, &a.key)?;
    let name = clean_text(&a.name);
    if name.is_empty() {
        return Err(field("field-name", FieldError::Required));
    }
    let birth = birth_from_args(ctx, &a.birth)?;
    db::members::add_child(&ctx.conn, id, &name, optional(&a.gender).as_deref(), birth)?;
    let member = db::members::get(&ctx.conn, id)?
        .map(|m| m.full_name())
        .unwrap_or_default();
    stdout::print_line(t_args(
        "cli-child-added",
        &[("name", &name), ("member", &member)],
    ))?;
    Ok(())
}

pub fn run_pet(ctx: &mut Ctx, cmd: PetCommand) -> Result<()> {
    let PetCommand::Add(a) = cmd;
    let id = resolve(ctx, &a.key)?;
    let name = clean_text(&a.name);
    let kind = clean_text(&a.kind);
    if kind.is_empty() {
        return Err(field("field-kind", FieldError::Required));
    }
    if name.is_empty() {
        return Err(field("field-name", FieldError::Required));
    }
    let birth = birth_from_args(ctx, &a.birth)?;
    let gotcha = match optional(&a.gotcha) {
        Some(text) => Some(full_date(ctx, &text, "field-gotcha")?),
        None => None,
    };
    let pet = db::members::add_pet(&ctx.conn, id, &name, &kind, birth)?;
    if gotcha.is_some() {
        db::members::set_pet_gotcha(&ctx.conn, pet, gotcha)?;
    }
    let member = db::members::get(&ctx.conn, id)?
        .map(|m| m.full_name())
        .unwrap_or_default();
    stdout::print_line(t_args(
        "cli-pet-added",
        &[("name", &name), ("member", &member)],
    ))?;
    Ok(())
}
