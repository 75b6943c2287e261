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

/// Parses the command line, opens the database and runs the TUI or a command.
/// User errors print one line on stderr and exit 1; usage errors exit 2.
pub fn run() -> ExitCode {
    let lang_env = std::env::var("LANG").ok();
    i18n::init(lang_env.as_deref().unwrap_or("en"));
    let matches = match cli::localised_command().try_get_matches() {
        Ok(m) => m,
        Err(e) => e.exit(),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match start(cli, lang_env.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("regulars: {e}");
            ExitCode::from(1)
        }
    }
}

fn start(cli: Cli, lang_env: Option<&str>) -> Result<()> {
    if let Some(lang) = &cli.lang {
        i18n::init(lang);
    }
    let config_path = cli
        .config
        .clone()
        .or_else(config::default_path)
        .ok_or_else(|| Error::user("err-no-data-dir", &[]))?;
    let config = Config::load_or_create(&config_path, lang_env)?;
    if cli.lang.is_none() {
        i18n::init(&config.shop.locale);
    }
    // Only the default database gets its folder made; see `paths::default_db`.
    let db_path: PathBuf = match &cli.db {
        Some(path) => path.clone(),
        None => paths::default_db()?,
    };
    let conn = db::open(&db_path)?;
    let mut ctx = Ctx::new(conn, Clock::new(cli.today), config, Some(db_path.clone()));
    // A language asked for with --lang stays when the config is reloaded.
    ctx.force_lang(cli.lang.clone());
    let done = match cli.command {
        Some(command) => cli::run_command(&mut ctx, command),
        None => ui::run(ctx),
    };
    // Another program holding the write lock: say which file it was.
    done.map_err(|e| e.at_db(&db_path))
}
