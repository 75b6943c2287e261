//! `member add/find/show/edit/delete`.

use clap::{Args, Subcommand};

use super::{Ctx, JsonFlag, calendar_birthday, member_privacy, output, stdout};
use crate::error::{Error, Result};
use crate::i18n::{t_args, t_count};
use crate::ops::lookup;
use crate::ops::loyalty::IfBusy;
use crate::ops::member_change::{MemberChange, change_member};
use crate::ops::members::{IfDuplicate, MemberInput, Outcome, sign_up_referred};
use crate::ops::referral::{self, read_referral};
use crate::words::consent::suppressed_note;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Sign up a new member.
    Add(Box<AddArgs>),
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
    /// Change a member's details; only the options given change.
    Edit(Box<EditArgs>),
    /// Delete a member: the same as erase (receipts kept anonymous).
    Delete {
        key: String,
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Everything stored about a member, as JSON.
    Export {
        key: String,
        /// Write to this file (readable by the owner only) instead of printing.
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
    },
    /// Erase a member: personal data removed, receipts kept anonymous.
    Erase {
        key: String,
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// Merge DROP into KEEP: every receipt, point, child, pet and consent kept.
    Merge(super::member_merge::MergeArgs),
}

/// `member edit`: the options of `member add`, each one optional.
#[derive(Debug, Args)]
pub struct EditArgs {
    key: String,
    #[arg(long)]
    first: Option<String>,
    #[arg(long)]
    last: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD|MM-DD")]
    birthday: Option<String>,
    #[arg(long, value_name = "gregorian|hebrew|chinese", requires = "birthday")]
    birthday_calendar: Option<String>,
    #[arg(long)]
    card: Option<String>,
    #[arg(long, value_delimiter = ',', value_name = "sms,email")]
    consent: Option<Vec<String>>,
    #[arg(long)]
    area: Option<String>,
    #[arg(long)]
    note: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
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
    /// The calendar the birthday is in: gregorian, hebrew or chinese.
    #[arg(long, value_name = "gregorian|hebrew|chinese")]
    birthday_calendar: Option<String>,
    #[arg(long)]
    card: Option<String>,
    #[arg(long, value_delimiter = ',', value_name = "sms,email")]
    consent: Vec<String>,
    #[arg(long)]
    area: Option<String>,
    #[arg(long)]
    note: Option<String>,
    /// Sign up even when a member has the same name and birthday.
    #[arg(long)]
    yes: bool,
    /// The member who brought them: id, card, phone or email.
    #[arg(long, value_name = "KEY", conflicts_with = "source")]
    referred_by: Option<String>,
    /// How they found the shop: one of the config's sources.
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    #[command(flatten)]
    json: JsonFlag,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn input_from_args(a: &AddArgs) -> Result<MemberInput> {
    Ok(MemberInput {
        first_name: a.first.clone(),
        family_name: a.last.clone(),
        phone: text(&a.phone),
        email: text(&a.email),
        birthday: text(&a.birthday),
        birthday_calendar: calendar_birthday::read(a.birthday_calendar.as_deref())?,
        card: text(&a.card),
        area: text(&a.area),
        note: text(&a.note),
        language: None,
        consents: a.consent.clone(),
    })
}

fn add(ctx: &Ctx, a: &AddArgs) -> Result<()> {
    // The same name and birthday is refused unless `--yes` says it is
    // someone else; a phone, email or card another member holds always is.
    let if_duplicate = if a.yes {
        IfDuplicate::SaveAnyway
    } else {
        IfDuplicate::Ask
    };
    let referral = read_referral(ctx, a.referred_by.as_deref(), a.source.as_deref())?;
    let saved = match sign_up_referred(ctx, &input_from_args(a)?, if_duplicate, &referral)? {
        Outcome::Saved(saved) => saved,
        Outcome::MaybeDuplicates(found) => {
            let first = &found[0];
            return Err(Error::user(
                "cli-duplicate-refused",
                &[("id", &first.id.to_string()), ("name", &first.full_name())],
            ));
        }
    };
    // Said on stderr (with --json too): the member starts without consent
    // on a channel whose contact is on the suppression list.
    if !saved.suppressed.is_empty() {
        eprintln!("{}", suppressed_note(&saved.name, &saved.suppressed));
    }
    for other in &saved.duplicates {
        eprintln!(
            "{}",
            t_args(
                "cli-possible-duplicate",
                &[("id", &other.id.to_string()), ("name", &other.full_name())]
            )
        );
    }
    if a.json.json {
        let mut value = show_json(ctx, saved.id)?;
        let suppressed: Vec<&str> = saved.suppressed.iter().map(|c| c.code()).collect();
        value["consent_suppressed"] = serde_json::json!(suppressed);
        stdout::print_line(value)
    } else {
        let mut line = t_args(
            "cli-member-added",
            &[("id", &saved.id.to_string()), ("name", &saved.name)],
        );
        if saved.claimed > 0 {
            let receipts = t_count("cli-member-claimed", "count", saved.claimed as i64);
            line = format!("{line}. {receipts}");
        }
        stdout::print_line(line)?;
        Ok(())
    }
}

/// Resolves a CLI key (id, card, phone in any form, email) to a member id.
fn resolve(ctx: &Ctx, key: &str) -> Result<i64> {
    lookup::find_member(ctx, key)
}

/// `member show --json` of member `id`.
fn show_json(ctx: &Ctx, id: i64) -> Result<serde_json::Value> {
    let card = lookup::member_card(ctx, id)?
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", &id.to_string())]))?;
    let today = ctx.clock.today();
    let mut value = output::card_json(&card, today);
    calendar_birthday::fill_member_json(&card, today, ctx.config.dates.feb29, &mut value);
    super::loyalty::fill_member_json(ctx, id, &mut value)?;
    let (referred_by, source) = referral::of_member(ctx, id)?;
    value["referred_by"] = serde_json::json!(referred_by);
    value["source"] = serde_json::json!(source);
    value["open_complaints"] = serde_json::json!(crate::ops::notes::open_count(ctx, id)?);
    Ok(value)
}

fn show(ctx: &Ctx, key: &str, json: bool) -> Result<()> {
    let id = resolve(ctx, key)?;
    if json {
        return stdout::print_line(show_json(ctx, id)?);
    }
    let card = lookup::member_card(ctx, id)?
        .ok_or_else(|| Error::user("err-member-not-found", &[("key", key)]))?;
    {
        stdout::print(&output::card_text(&card, ctx))?;
        stdout::print(&calendar_birthday::card_line(&card, ctx.clock.today()))?;
        stdout::print(&super::loyalty::member_text(ctx, id)?)?;
    }
    Ok(())
}

fn find(ctx: &Ctx, text: &str, json: bool) -> Result<()> {
    let rows = lookup::find_members(ctx, text, 50, IfBusy::Wait)?;
    if json {
        stdout::print_line(output::rows_json(&rows))?;
    } else if rows.is_empty() {
        eprintln!("{}", t_args("cli-no-match", &[("query", text)]));
    } else {
        stdout::print(&output::rows_text(&rows, ctx))?;
    }
    Ok(())
}

fn edit(ctx: &Ctx, a: &EditArgs) -> Result<()> {
    let id = resolve(ctx, &a.key)?;
    let birthday_calendar = match &a.birthday_calendar {
        Some(code) => Some(calendar_birthday::read(Some(code))?),
        None => None,
    };
    let change = MemberChange {
        first_name: a.first.clone(),
        family_name: a.last.clone(),
        phone: a.phone.clone(),
        email: a.email.clone(),
        birthday: a.birthday.clone(),
        birthday_calendar,
        card: a.card.clone(),
        area: a.area.clone(),
        note: a.note.clone(),
        consents: a.consent.clone(),
    };
    // As at signup: possible duplicates are named, and the change is saved.
    let Outcome::Saved(saved) = change_member(ctx, id, &change, IfDuplicate::SaveAnyway)? else {
        return Err(Error::user("err-unexpected", &[]));
    };
    for other in &saved.duplicates {
        let args = [("id", other.id.to_string()), ("name", other.full_name())];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        eprintln!("{}", t_args("cli-possible-duplicate", &args));
    }
    if a.json.json {
        return show(ctx, &id.to_string(), true);
    }
    let line = t_args(
        "cli-member-edited",
        &[("id", &id.to_string()), ("name", &saved.name)],
    );
    stdout::print_line(line)
}

pub fn run_member(ctx: &mut Ctx, cmd: MemberCommand) -> Result<()> {
    match cmd {
        MemberCommand::Add(a) => add(ctx, &a),
        MemberCommand::Edit(a) => edit(ctx, &a),
        MemberCommand::Delete { key, yes, json } => {
            member_privacy::erase(ctx, &key, yes, json.json, member_privacy::Said::Delete)
        }
        MemberCommand::Erase { key, yes, json } => {
            member_privacy::erase(ctx, &key, yes, json.json, member_privacy::Said::Erase)
        }
        MemberCommand::Find { text, json } => find(ctx, &text, json.json),
        MemberCommand::Show { key, json } => show(ctx, &key, json.json),
        MemberCommand::Export { key, out } => member_privacy::export(ctx, &key, out.as_deref()),
        MemberCommand::Merge(a) => super::member_merge::run_merge(ctx, &a),
    }
}
