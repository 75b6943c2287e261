//! The real terminal: raw mode and the alternate screen on start, restored
//! on exit, on error and on panic (ratatui's init installs a panic hook that
//! restores first), and the loop that reads keys and redraws.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::error::{Error, Result};
use crate::ui::app::App;

fn terminal_error(e: std::io::Error) -> Error {
    Error::user("ui-err-terminal", &[("detail", &e.to_string())])
}

/// Runs `app` until it quits; the terminal is restored however it ends.
pub fn run(mut app: App) -> Result<()> {
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            // Raw mode may already be on when entering the alternate screen failed.
            ratatui::restore();
            return Err(terminal_error(e));
        }
    };
    let result = event_loop(&mut terminal, &mut app);
    ratatui::restore();
    result
}

/// How often the screen shows an import's progress.
const WORK_REDRAW: std::time::Duration = std::time::Duration::from_millis(100);

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> Result<()> {
    while !app.should_quit() {
        // What an import worker reported since the last frame.
        app.poll_work();
        terminal
            .draw(|frame| app.draw(frame))
            .map_err(terminal_error)?;
        // Long work runs after the frame that says it started.
        if app.run_pending() {
            continue;
        }
        // While an import runs on its worker, redraw for its progress even
        // when no key comes.
        if app.working() && !event::poll(WORK_REDRAW).map_err(terminal_error)? {
            continue;
        }
        // Resizes and other events only need the redraw at the loop's top.
        if let Event::Key(key) = event::read().map_err(terminal_error)? {
            app.handle_key(key);
        }
        if let Some(sequence) = app.take_terminal_output() {
            use std::io::Write;
            let mut out = std::io::stdout();
            // A terminal that cannot take it ignores it; nothing to report.
            let _ = out.write_all(sequence.as_bytes()).and_then(|_| out.flush());
        }
    }
    Ok(())
}
