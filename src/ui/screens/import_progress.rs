//! A running import as the import screen shows it: a gauge of the rows
//! read, rows per second, and how to cancel (Esc or Ctrl-C raise the
//! cancel flag; the import then rolls back and stores nothing), and a
//! note while the import waits for another program to finish writing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Gauge, Widget};

use super::View;
use crate::i18n::{t, t_args};
use crate::ui::format::fit;
use crate::ui::import_job::ImportJob;

#[derive(Debug)]
pub struct Running {
    file: String,
    /// Rows read and rows in the file, once the first report came.
    rows: Option<(u64, u64)>,
    rows_per_sec: Option<u64>,
    /// Another program holds the database's write lock; the import waits.
    waiting: bool,
    job: ImportJob,
}

impl Running {
    pub fn new(file: String, job: ImportJob) -> Running {
        Running {
            file,
            rows: None,
            rows_per_sec: None,
            waiting: false,
            job,
        }
    }

    pub fn job(&self) -> &ImportJob {
        &self.job
    }

    pub fn job_mut(&mut self) -> &mut ImportJob {
        &mut self.job
    }

    pub fn cancel(&self) {
        self.job.cancel();
    }

    /// A progress report; a missing rate keeps the last one shown.
    pub fn progress(&mut self, rows_done: u64, rows_total: u64, rows_per_sec: Option<u64>) {
        self.rows = Some((rows_done, rows_total));
        self.rows_per_sec = rows_per_sec.or(self.rows_per_sec);
    }

    pub fn waiting(&mut self, waiting: bool) {
        self.waiting = waiting;
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let cols = area.width as usize;
        let [title, _, gauge, figures, _, note] =
            Layout::vertical([Constraint::Length(1); 6]).areas(area);
        let heading = t_args("ui-import-running", &[("file", &self.file)]);
        view.dir.put(
            buf,
            title,
            &view.dir.text(&fit(&heading, cols)),
            theme.heading(),
        );
        let (ratio, label) = match self.rows {
            Some((done, total)) => {
                let rows = t_args(
                    "ui-import-rows",
                    &[("done", &done.to_string()), ("total", &total.to_string())],
                );
                let label = match self.rows_per_sec {
                    // Every row is read; what is left (indexes made again,
                    // payments filed) takes a few seconds on a large file.
                    _ if total > 0 && done == total => t("ui-import-finishing"),
                    Some(rate) => t_args(
                        "ui-import-rate",
                        &[("rows", &rows), ("rate", &rate.to_string())],
                    ),
                    None => rows,
                };
                // A ratio for drawing only; counts stay integers.
                let ratio = if total == 0 {
                    0.0
                } else {
                    done as f64 / total as f64
                };
                (ratio.clamp(0.0, 1.0), label)
            }
            None => (0.0, t("ui-import-reading")),
        };
        Gauge::default()
            .ratio(ratio)
            .label(format!("{}%", (ratio * 100.0).floor()))
            .gauge_style(theme.key())
            .render(gauge, buf);
        // The wait is what the user needs to know (the rows are not moving);
        // in the key colour, as it is a wait and not a failure.
        let (label, style) = if self.waiting {
            (t("ui-import-waiting"), theme.key())
        } else {
            (label, Style::new())
        };
        view.dir
            .put(buf, figures, &view.dir.text(&fit(&label, cols)), style);
        let key = if self.job.cancelled() {
            "ui-import-cancelling"
        } else {
            "ui-import-cancel-note"
        };
        view.dir
            .put(buf, note, &view.dir.text(&fit(&t(key), cols)), theme.dim());
    }
}
