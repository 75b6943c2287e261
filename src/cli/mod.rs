//! Command-line interface: clap definitions and dispatch of the
//! non-interactive commands. Flag and JSON names are a stable contract.

mod backup;
mod calendar_birthday;
mod check;
mod consent;
mod demo;
mod event;
mod export;
mod family;
mod feedback;
mod import;
mod localise;
mod loyalty;
mod member;
mod member_merge;
mod member_privacy;
mod note;
mod output;
mod reminders;
mod segment;
mod stats;
mod stdout;
mod survey;
mod sync;
mod tiers;
pub mod usage;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::clock::parse_day;
use crate::context::Ctx;
use crate::error::Result;

pub use localise::localised_command;

#[derive(Debug, Parser)]
#[command(name = "regulars", version)]
pub struct Cli {
    /// The database file.
    #[arg(long, env = "REGULARS_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Pretend today is this day.
    #[arg(long, env = "REGULARS_TODAY", global = true, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    /// The config file.
    #[arg(long, env = "REGULARS_CONFIG", global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// UI language: en, he, hr, zh or th.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(subcommand)]
    Member(member::MemberCommand),
    #[command(subcommand)]
    Child(family::ChildCommand),
    #[command(subcommand)]
    Pet(family::PetCommand),
    /// Fill the database with made-up members.
    Demo(demo::DemoArgs),
    /// Import till exports (Square, Loyverse, Shopify, Odoo, SumUp, MobilePay, Zettle, CSV).
    Import(import::ImportArgs),
    /// Birthdays of members, children and pets in the next days.
    Reminders(reminders::RemindersArgs),
    /// Members per tier, moves this month, who is close to the next tier.
    Tiers(tiers::TiersArgs),
    /// A member's points balance and history.
    Points(loyalty::PointsArgs),
    /// Redeem a member's points.
    Redeem(loyalty::RedeemArgs),
    /// Add or remove points by hand, with a note.
    Adjust(loyalty::AdjustArgs),
    /// Check the database file (integrity, links between rows, the points
    /// ledger) and list contacts shared by several members (exit 1 when
    /// something is wrong).
    Check(check::CheckArgs),
    /// Copy the database safely while the app or an import is writing.
    Backup(backup::BackupArgs),
    /// Grant or withdraw a member's consent to be contacted, per channel.
    Consent(consent::ConsentArgs),
    /// Lists for messages sent elsewhere.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Save, list and show segments: members picked by an expression.
    #[command(subcommand)]
    Segment(segment::SegmentCommand),
    /// Record a feedback answer: NPS 0–10 or CSAT 1–5.
    Feedback(feedback::FeedbackArgs),
    /// Service notes: notes, requests and complaints, and how they were resolved.
    #[command(subcommand)]
    Note(note::NoteCommand),
    /// Club health: retention, churn, NPS, CSAT, lifetime value, members' share.
    Stats(stats::StatsArgs),
    /// The owner's survey: export the questions and respondents, import answers.
    #[command(subcommand)]
    Survey(survey::SurveyCommand),
    /// Club events: add, list, invite a segment, mark who came, the 90 days after.
    #[command(subcommand)]
    Event(event::EventCommand),
    /// Send this shop's changes to the chain's server and bring in the other branches'.
    Sync(sync::SyncArgs),
}

/// `--json` on the commands that print data.
#[derive(Debug, Args, Clone, Copy)]
pub struct JsonFlag {
    #[arg(long)]
    pub json: bool,
}

/// `--lang`: one of the five languages the app speaks; anything else is
/// refused naming them (a silent fallback to English hides a typo).
fn parse_lang(value: &str) -> std::result::Result<String, String> {
    match crate::i18n::code_of(value) {
        Some(code) if code.eq_ignore_ascii_case(value) => Ok(code.to_string()),
        _ => {
            let codes: Vec<&str> = crate::i18n::LANGUAGES.iter().map(|(c, _)| *c).collect();
            Err(crate::i18n::t_args(
                "err-unknown-lang",
                &[("lang", value), ("languages", &codes.join(", "))],
            ))
        }
    }
}

pub fn run_command(ctx: &mut Ctx, command: Command) -> Result<()> {
    match command {
        Command::Member(cmd) => member::run_member(ctx, cmd),
        Command::Child(cmd) => family::run_child(ctx, cmd),
        Command::Pet(cmd) => family::run_pet(ctx, cmd),
        Command::Demo(args) => demo::run_demo(ctx, args),
        Command::Import(args) => import::run_import(ctx, args),
        Command::Reminders(args) => reminders::run_reminders(ctx, args),
        Command::Tiers(args) => tiers::run_tiers(ctx, args),
        Command::Points(args) => loyalty::run_points(ctx, args),
        Command::Redeem(args) => loyalty::run_redeem(ctx, args),
        Command::Adjust(args) => loyalty::run_adjust(ctx, args),
        Command::Check(args) => check::run_check(ctx, args),
        Command::Backup(args) => backup::run_backup(ctx, args),
        Command::Consent(args) => consent::run_consent(ctx, args),
        Command::Export(cmd) => export::run_export(ctx, cmd),
        Command::Segment(cmd) => segment::run_segment(ctx, cmd),
        Command::Feedback(args) => feedback::run_feedback(ctx, args),
        Command::Note(cmd) => note::run_note(ctx, cmd),
        Command::Stats(args) => stats::run_stats(ctx, args),
        Command::Survey(cmd) => survey::run_survey(ctx, cmd),
        Command::Event(cmd) => event::run_event(ctx, cmd),
        Command::Sync(args) => sync::run_sync(ctx, args),
    }
}
