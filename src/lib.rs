//! regulars: a small shop's customer club in the terminal.

pub mod cli;
pub mod clock;
pub mod config;
pub mod context;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod import;
pub mod message;
pub mod ops;
pub mod paths;
pub mod ui;
pub mod words;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::FromArgMatches;

use crate::cli::Cli;
use crate::clock::Clock;
use crate::config::Config;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::message::Message;

/// Parses the command line, opens the database and runs the TUI or a command.
/// User errors print one line on stderr and exit 1; usage errors exit 2.
pub fn run() -> ExitCode {
    let lang_env = i18n::env_lang();
    // Until the config is read, words (`--help`, usage and config errors)
    // are in `--lang`'s language or the environment's.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let early = i18n::Locale::new(
        lang_arg(&args)
            .or(lang_env.clone())
            .as_deref()
            .unwrap_or("en"),
    );
    early.scope(|| {
        let matches = match cli::localised_command().try_get_matches_from(&args) {
            Ok(m) => m,
            Err(e) => cli::usage::exit(e),
        };
        let cli = match Cli::from_arg_matches(&matches) {
            Ok(cli) => cli,
            Err(e) => cli::usage::exit(e),
        };
        match start(cli, lang_env.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("regulars: {e}");
                ExitCode::from(1)
            }
        }
    })
}

/// The value of `--lang X` or `--lang=X`, read before clap so `--help`
/// is already in that language.
fn lang_arg(args: &[std::ffi::OsString]) -> Option<String> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter().enumerate().find_map(|(i, arg)| match *arg {
        "--lang" => args.get(i + 1).map(|v| v.to_string()),
        _ => arg.strip_prefix("--lang=").map(str::to_string),
    })
}

fn start(cli: Cli, lang_env: Option<&str>) -> Result<()> {
    let config_path = cli
        .config
        .clone()
        .or_else(config::default_path)
        .ok_or_else(|| Error::user("err-no-data-dir", &[]))?;
    // The TUI's first start asks about the shop before writing the file;
    // a command writes the guessed one and goes on.
    let first_start = cli.command.is_none() && !config_path.exists();
    let config = if first_start {
        ops::settings::unsaved_config(&config_path, lang_env)?
    } else {
        Config::load_or_create(&config_path, lang_env)?
    };
    // Only the default database gets its folder made; see `paths::default_db`.
    let db_path: PathBuf = match &cli.db {
        Some(path) => path.clone(),
        None => paths::default_db()?,
    };
    let conn = db::open(&db_path)?;
    let mut ctx = Ctx::new(conn, Clock::new(cli.today), config, Some(db_path.clone()));
    // A language asked for with --lang stays when the config is reloaded.
    ctx.force_lang(cli.lang.clone());
    // Lists sort in the shop's language; a changed language rekeys them
    // once, before the app or any command reads a list.
    ops::list_order::follow_shop_language(&ctx).map_err(|e| e.at_db(&db_path))?;
    // Everything from here on is worded in the club's language (the TUI
    // follows a change of it as it draws).
    let locale = ctx.locale().clone();
    locale.scope(|| {
        let done = match cli.command {
            Some(command) => cli::run_command(&mut ctx, command),
            None => ui::run(ctx, first_start),
        };
        // Another program holding the write lock: say which file it was.
        // Worded here, in the club's language, though it is printed after.
        done.map_err(|e| Error::User(Message::verbatim(e.at_db(&db_path).to_string())))
    })
}
