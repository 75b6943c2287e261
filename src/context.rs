//! What every screen, command and operation works with: the open
//! database, the injected clock and the shop's config. It lives below both
//! front ends so neither has to import the other to get it.

use std::path::PathBuf;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::date_order::DateOrder;
use crate::domain::loyalty_config::Program;
use crate::error::Result;
use crate::i18n::Locale;

/// The open club: what every operation is given.
pub struct Ctx {
    pub conn: Connection,
    pub clock: Clock,
    /// Read it freely; change it only through `set_config` or
    /// `reload_config`, which keep what is derived from it in step.
    pub config: Config,
    /// The database file, so long work can open its own connection; None
    /// for an in-memory database (tests), where that work runs in place.
    pub db_path: Option<PathBuf>,
    /// The loyalty program in the app's units, built once per config
    /// rather than at every call site.
    program: Program,
    /// A language asked for on the command line wins over the config's.
    forced_lang: Option<String>,
    /// The language everything shown is worded in: `--lang`'s, else the
    /// config's.
    locale: Locale,
}

/// A context without its connection, to be sent to a worker thread.
#[derive(Debug, Clone)]
pub struct CtxSeed {
    clock: Clock,
    config: Config,
    db_path: Option<PathBuf>,
    forced_lang: Option<String>,
}

impl CtxSeed {
    pub fn with(self, conn: Connection) -> Ctx {
        let mut ctx = Ctx::new(conn, self.clock, self.config, self.db_path);
        ctx.force_lang(self.forced_lang);
        ctx
    }
}

impl Ctx {
    pub fn new(conn: Connection, clock: Clock, config: Config, db_path: Option<PathBuf>) -> Ctx {
        let program = config.loyalty();
        let locale = Locale::new(&config.shop.locale);
        // Fails only when SQLite is out of memory; the functions without a
        // clock that every connection has then stay in place.
        let _ = crate::db::sync_clock::install(&conn, clock);
        Ctx {
            conn,
            clock,
            config,
            db_path,
            program,
            forced_lang: None,
            locale,
        }
    }

    /// What a worker needs to make a context like this one on its own
    /// connection: the same clock, config and language.
    pub fn seed(&self) -> CtxSeed {
        CtxSeed {
            clock: self.clock,
            config: self.config.clone(),
            db_path: self.db_path.clone(),
            forced_lang: self.forced_lang.clone(),
        }
    }

    /// Keeps `--lang` over the config's language, now and on every reload.
    pub fn force_lang(&mut self, lang: Option<String>) {
        self.forced_lang = lang;
        self.locale = self.chosen_locale(&self.config);
    }

    /// The language everything shown is worded in.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    fn chosen_locale(&self, config: &Config) -> Locale {
        Locale::new(self.forced_lang.as_deref().unwrap_or(&config.shop.locale))
    }

    /// The shop's loyalty program (points, tiers, rewards), as configured.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// How the shop writes a short date; every typed date is read this way.
    pub fn date_order(&self) -> DateOrder {
        self.config.date_order()
    }

    /// Puts a new config in place and re-applies what follows from it: the
    /// language, the loyalty program and the date rules (read from the
    /// config on each use). The one way a changed config takes effect.
    pub fn set_config(&mut self, config: Config) {
        self.program = config.loyalty();
        self.locale = self.chosen_locale(&config);
        self.config = config;
    }

    /// Reads the config file again (after it was saved or edited by hand)
    /// and applies it; a broken file keeps the config in use. Without a
    /// file (tests) the config in use is applied again.
    pub fn reload_config(&mut self) -> Result<()> {
        let config = match &self.config.path {
            Some(path) => Config::load(path)?,
            None => self.config.clone(),
        };
        self.set_config(config);
        Ok(())
    }
}
