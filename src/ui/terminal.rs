//! The real terminal: raw mode and the alternate screen on start, restored
//! on exit, on error and on panic (ratatui's init installs a panic hook that
//! restores first), and the loop that reads keys and redraws.
//!
//! The loop is built from two steps that tests drive as they are: [`draw`]
//! (which also tells the app the size it drew at) and [`App::handle_event`].
//! So the size that decides whether keys act is always the size of what the
//! owner sees, from the first frame on.

use ratatui::crossterm::event;
use ratatui::{DefaultTerminal, Terminal, backend::Backend};

use crate::error::{Error, Result};
use crate::ui::app::App;

fn terminal_error(e: impl std::fmt::Display) -> Error {
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

/// Whether the terminal puts right-to-left text in drawing order itself,
/// from what it sets in the environment (`var` reads one variable): VTE
/// (GNOME Terminal, Tilix) sets `VTE_VERSION`, Konsole `KONSOLE_VERSION`,
/// mlterm `MLTERM`. The app would otherwise reverse Hebrew a second time.
pub fn reorders_bidi(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> bool {
    ["VTE_VERSION", "KONSOLE_VERSION", "MLTERM"]
        .iter()
        .any(|name| var(name).is_some_and(|value| !value.is_empty()))
}

/// How often the screen shows an import's progress.
const WORK_REDRAW: std::time::Duration = std::time::Duration::from_millis(100);

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> Result<()> {
    while !app.should_quit() {
        // What an import worker reported since the last frame.
        app.poll_work();
        draw(terminal, app)?;
        // Long work runs after the frame that says it started.
        if app.run_pending() {
            continue;
        }
        // While an import runs on its worker, redraw for its progress even
        // when no key comes.
        if app.working() && !event::poll(WORK_REDRAW).map_err(terminal_error)? {
            continue;
        }
        // In a chain the window also wakes now and then without keys, to
        // start a due sync and say how long ago the last one was.
        if let Some(wait) = app.idle_wait()
            && !event::poll(wait).map_err(terminal_error)?
        {
            continue;
        }
        app.handle_event(event::read().map_err(terminal_error)?);
        if let Some(sequence) = app.take_terminal_output() {
            use std::io::Write;
            let mut out = std::io::stdout();
            // A terminal that cannot take it ignores it; nothing to report.
            let _ = out.write_all(sequence.as_bytes()).and_then(|_| out.flush());
        }
    }
    Ok(())
}

/// Draws one frame and tells the app the size it was drawn at, so a key
/// read after it acts only if the screen it acts on could be seen.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<()> {
    let frame = terminal
        .draw(|frame| app.draw(frame))
        .map_err(terminal_error)?;
    let area = frame.area;
    app.set_window_size(area.width, area.height);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::reorders_bidi;
    use std::ffi::OsString;

    fn with(vars: &[(&str, &str)]) -> bool {
        reorders_bidi(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn vte_konsole_and_mlterm_reorder_bidi_themselves() {
        assert!(with(&[("VTE_VERSION", "7600")]));
        assert!(with(&[("KONSOLE_VERSION", "230804")]));
        assert!(with(&[("MLTERM", "3.9.3")]));
    }

    #[test]
    fn other_terminals_leave_it_to_the_app() {
        assert!(!with(&[]));
        assert!(!with(&[
            ("TERM", "xterm-256color"),
            ("COLORTERM", "truecolor")
        ]));
        // An emptied variable says nothing.
        assert!(!with(&[("VTE_VERSION", "")]));
    }
}
