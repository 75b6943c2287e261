//! `child add/edit/remove` and `pet add/edit/remove`: a member's family
//! from the command line, by the ids `member show --json` prints.

use clap::{Args, Subcommand};
use serde_json::Value;

use super::{Ctx, JsonFlag, output, stdout};
use crate::error::{Error, Result};
use crate::i18n::t_args;
use crate::ops::family::{self, KinAdded, KinInput, KinOutcome};
use crate::ops::family_edit::{self, KinChange};
use crate::ops::lookup;
use crate::ops::members::IfDuplicate;

#[derive(Debug, Subcommand)]
pub enum ChildCommand {
    /// Add a child to a member.
    Add(ChildArgs),
    /// Change a child's details; only the options given change.
    Edit(ChildEditArgs),
    /// Remove a child added by mistake.
    Remove(RemoveArgs),
}

#[derive(Debug, Subcommand)]
pub enum PetCommand {
    /// Add a pet to a member.
    Add(PetArgs),
    /// Change a pet's details, or mark it as passed away.
    Edit(PetEditArgs),
    /// Remove a pet added by mistake.
    Remove(RemoveArgs),
}

/// When a child or pet was born: a date, or an age in years said today.
#[derive(Debug, Args)]
pub struct BirthArgs {
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "age")]
    born: Option<String>,
    #[arg(long, value_name = "YEARS")]
    age: Option<String>,
}

/// `--yes`: go ahead with what would otherwise be asked about first.
#[derive(Debug, Args, Clone, Copy)]
pub struct YesFlag {
    #[arg(long)]
    yes: bool,
}

impl YesFlag {
    fn if_same(self) -> IfDuplicate {
        if self.yes {
            IfDuplicate::SaveAnyway
        } else {
            IfDuplicate::Ask
        }
    }
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
    #[command(flatten)]
    yes: YesFlag,
    #[command(flatten)]
    json: JsonFlag,
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
    #[command(flatten)]
    yes: YesFlag,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct ChildEditArgs {
    id: i64,
    #[arg(long)]
    name: Option<String>,
    #[command(flatten)]
    birth: BirthArgs,
    #[arg(long)]
    gender: Option<String>,
    #[command(flatten)]
    yes: YesFlag,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct PetEditArgs {
    id: i64,
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    kind: Option<String>,
    #[command(flatten)]
    birth: BirthArgs,
    #[arg(long, value_name = "YYYY-MM-DD")]
    gotcha: Option<String>,
    /// The day the pet passed away: kept, but no more reminders.
    #[arg(long, value_name = "YYYY-MM-DD")]
    passed_away: Option<String>,
    #[command(flatten)]
    yes: YesFlag,
    #[command(flatten)]
    json: JsonFlag,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    id: i64,
    #[command(flatten)]
    yes: YesFlag,
    #[command(flatten)]
    json: JsonFlag,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn kin_input(name: &str, detail: &Option<String>, birth: &BirthArgs) -> KinInput {
    KinInput {
        name: name.to_string(),
        detail: text(detail),
        born: text(&birth.born),
        age: text(&birth.age),
        gotcha: String::new(),
    }
}

/// The stored child or pet, or the refusal of the same name twice.
fn saved(outcome: KinOutcome, kin_key: &str) -> Result<KinAdded> {
    match outcome {
        KinOutcome::Saved(added) => Ok(added),
        KinOutcome::SameName(name) => Err(Error::user(
            "err-kin-same-name",
            &[("name", &name), ("kin", &crate::i18n::t(kin_key))],
        )),
    }
}

fn print_child(ctx: &Ctx, added: &KinAdded, line_key: &str, json: bool) -> Result<()> {
    if json {
        let child = family_edit::child(ctx, added.id)?;
        let value = child.map_or(Value::Null, |c| output::child_json(&c, ctx.clock.today()));
        return stdout::print_line(value);
    }
    let args = [
        ("name", added.name.as_str()),
        ("member", &added.member_name),
    ];
    stdout::print_line(t_args(line_key, &args))
}

fn print_pet(ctx: &Ctx, added: &KinAdded, line_key: &str, json: bool) -> Result<()> {
    if json {
        let pet = family_edit::pet(ctx, added.id)?;
        let value = pet.map_or(Value::Null, |p| output::pet_json(&p, ctx.clock.today()));
        return stdout::print_line(value);
    }
    let args = [
        ("name", added.name.as_str()),
        ("member", &added.member_name),
    ];
    stdout::print_line(t_args(line_key, &args))
}

/// A removal with `--json` prints what was removed, by id and name.
fn print_removed(added: &KinAdded, line_key: &str, json: bool) -> Result<()> {
    if json {
        let value = serde_json::json!({"id": added.id, "name": added.name, "member_name": added.member_name, "removed": true});
        return stdout::print_line(value);
    }
    let args = [
        ("name", added.name.as_str()),
        ("member", &added.member_name),
    ];
    stdout::print_line(t_args(line_key, &args))
}

/// A destructive action asks first: without `--yes` nothing happens.
fn confirmed(yes: YesFlag) -> Result<()> {
    if yes.yes {
        Ok(())
    } else {
        Err(Error::user("err-needs-yes", &[]))
    }
}

pub fn run_child(ctx: &mut Ctx, cmd: ChildCommand) -> Result<()> {
    match cmd {
        ChildCommand::Add(a) => {
            let id = lookup::find_member(ctx, &a.key)?;
            let input = kin_input(&a.name, &a.gender, &a.birth);
            let added = saved(
                family::add_child(ctx, id, &input, a.yes.if_same())?,
                "field-child",
            )?;
            print_child(ctx, &added, "cli-child-added", a.json.json)
        }
        ChildCommand::Edit(a) => {
            let change = KinChange {
                name: a.name,
                detail: a.gender,
                born: a.birth.born,
                age: a.birth.age,
                ..KinChange::default()
            };
            let outcome = family_edit::edit_child(ctx, a.id, &change, a.yes.if_same())?;
            let added = saved(outcome, "field-child")?;
            print_child(ctx, &added, "cli-child-edited", a.json.json)
        }
        ChildCommand::Remove(a) => {
            confirmed(a.yes)?;
            let removed = family_edit::remove_child(ctx, a.id)?;
            print_removed(&removed, "cli-child-removed", a.json.json)
        }
    }
}

pub fn run_pet(ctx: &mut Ctx, cmd: PetCommand) -> Result<()> {
    match cmd {
        PetCommand::Add(a) => {
            let id = lookup::find_member(ctx, &a.key)?;
            let input = KinInput {
                gotcha: text(&a.gotcha),
                ..kin_input(&a.name, &Some(a.kind.clone()), &a.birth)
            };
            let added = saved(
                family::add_pet(ctx, id, &input, a.yes.if_same())?,
                "field-pet",
            )?;
            print_pet(ctx, &added, "cli-pet-added", a.json.json)
        }
        PetCommand::Edit(a) => {
            let change = KinChange {
                name: a.name,
                detail: a.kind,
                born: a.birth.born,
                age: a.birth.age,
                gotcha: a.gotcha,
                passed_away: a.passed_away,
            };
            let outcome = family_edit::edit_pet(ctx, a.id, &change, a.yes.if_same())?;
            let added = saved(outcome, "field-pet")?;
            print_pet(ctx, &added, "cli-pet-edited", a.json.json)
        }
        PetCommand::Remove(a) => {
            confirmed(a.yes)?;
            let removed = family_edit::remove_pet(ctx, a.id)?;
            print_removed(&removed, "cli-pet-removed", a.json.json)
        }
    }
}
