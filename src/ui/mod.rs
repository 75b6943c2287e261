//! The terminal UI.
//!
//! Data flows one way: a key is looked up in the keymap of what has focus,
//! giving an [`Action`](keymap::Action); [`App::update`] turns the action into
//! a state change (and may read or write the database); rendering then draws
//! that state and never touches the database. The same keymap tables drive
//! dispatch, the status bar hints and the `?` help screen.

pub mod app;
mod app_loyalty;
mod app_member;
mod app_settings;
pub mod chain_sync;
pub mod clipboard;
pub mod daily_backup;
pub mod direction;
pub mod format;
pub mod import_job;
pub mod job;
pub mod keymap;
pub mod keys;
pub mod screens;
pub mod stack;
pub mod table;
pub mod terminal;
pub mod theme;
pub mod widgets;
pub mod window;

pub use app::App;
pub use theme::Theme;

use crate::context::Ctx;
use crate::error::Result;

/// Runs the TUI until the owner quits; on a `first_start` (no config file
/// yet) the shop's setup shows first.
pub fn run(ctx: Ctx, first_start: bool) -> Result<()> {
    let mut app = App::new(ctx, Theme::from_env())?
        .with_terminal_reorders(terminal::reorders_bidi(|name| std::env::var_os(name)));
    if first_start {
        app.first_start();
    }
    app.start_daily_backup();
    app.start_chain_sync();
    terminal::run(app)
}
