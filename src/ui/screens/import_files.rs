//! The files in the inbox folder as the import screen lists them: name,
//! size, and whether (and when) the same content was imported before.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::View;
use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::import::inbox::{Checksums, InboxFile};
use crate::ops;
use crate::ui::direction::number_cell;
use crate::ui::format::{date_with_year, fit, pad, wrap};
use crate::ui::table::wanted;

/// Columns for the size and the "imported" status.
const SIZE_COLS: usize = 10;
const STATUS_COLS: usize = 24;

#[derive(Debug)]
pub struct InboxFiles {
    /// None when the system has no data folder and none is configured.
    inbox: Option<PathBuf>,
    files: Vec<InboxFile>,
    sums: Checksums,
    selected: usize,
}

/// "820 B", "50 KB", "1.4 MB".
fn size_text(bytes: u64) -> String {
    const KB: u64 = 1024;
    if bytes < KB {
        t_args("ui-size-b", &[("n", &bytes.to_string())])
    } else if bytes < KB * KB {
        t_args("ui-size-kb", &[("n", &bytes.div_ceil(KB).to_string())])
    } else {
        let tenths = (bytes * 10 + KB * KB / 2) / (KB * KB);
        let n = format!("{}.{}", tenths / 10, tenths % 10);
        t_args("ui-size-mb", &[("n", &n)])
    }
}

/// "23 Nov 2026" from the import log's "2026-11-23 12:00:00".
fn log_date(at: &str) -> String {
    at.get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(date_with_year)
        .unwrap_or_else(|| at.to_string())
}

impl InboxFiles {
    pub fn new(inbox: Option<PathBuf>) -> InboxFiles {
        InboxFiles {
            inbox,
            files: Vec::new(),
            sums: Checksums::default(),
            selected: 0,
        }
    }

    /// Reads the folder again, creating it on first use.
    pub fn rescan(&mut self, ctx: &Ctx) -> Result<()> {
        self.files.clear();
        self.selected = 0;
        if self.inbox.is_some() {
            self.files = ops::import::inbox_files(ctx, &mut self.sums)?;
        }
        Ok(())
    }

    pub fn files(&self) -> &[InboxFile] {
        &self.files
    }

    pub fn selected(&self) -> Option<&InboxFile> {
        self.files.get(self.selected)
    }

    pub fn step(&mut self, down: bool) {
        self.selected = if down {
            (self.selected + 1).min(self.files.len().saturating_sub(1))
        } else {
            self.selected.saturating_sub(1)
        };
    }

    /// The folder, a header and the files; `focused` shows the selection.
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View, focused: bool) {
        let theme = view.theme;
        let cols = area.width as usize;
        let [folder, _, header, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let folder_text = match &self.inbox {
            Some(dir) => t_args("ui-import-inbox", &[("path", &dir.display().to_string())]),
            None => t("ui-import-no-inbox"),
        };
        let folder_text = view.dir.text(&fit(&folder_text, cols));
        view.dir.put(buf, folder, &folder_text, theme.dim());
        // Size and status as wide as their headings, at least as before.
        let size_cols = wanted(&t("ui-import-col-size"), [" ".repeat(SIZE_COLS)]);
        let status_cols = wanted(&t("ui-import-col-status"), [" ".repeat(STATUS_COLS)]);
        let name_cols = cols.saturating_sub(2 + size_cols + 2 + status_cols + 2);
        let columns = |marker: &str, name: &str, size: &str, status: &str| {
            view.dir.cells(&[
                marker.to_string(),
                format!("{}  ", pad(name, name_cols)),
                number_cell(size, size_cols),
                format!("  {}", pad(status, status_cols)),
            ])
        };
        let titles = columns(
            "  ",
            &t("ui-import-col-file"),
            &t("ui-import-col-size"),
            &t("ui-import-col-status"),
        );
        view.dir.put(buf, header, &titles, theme.heading());
        if self.files.is_empty() {
            let lines: Vec<Line> = wrap(&t("ui-import-empty"), cols)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim()))
                .collect();
            Paragraph::new(view.dir.lines(lines)).render(list, buf);
            return;
        }
        let visible = list.height as usize;
        let offset = (self.selected + 1).saturating_sub(visible);
        for (i, y) in (offset..self.files.len()).zip(list.y..list.bottom()) {
            let file = &self.files[i];
            let chosen = i == self.selected && focused;
            let (status, style) = match &file.imported {
                Some(record) => (
                    t_args("ui-import-status-done", &[("date", &log_date(&record.at))]),
                    theme.dim(),
                ),
                None => (t("ui-import-status-new"), Style::new()),
            };
            let marker = view.dir.marker(chosen);
            let style = if chosen { theme.selected() } else { style };
            let text = columns(marker, &file.name, &size_text(file.size), &status);
            let row = Rect::new(list.x, y, list.width, 1);
            buf.set_style(row, style);
            view.dir.put(buf, row, &text, style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_dates_read_naturally() {
        assert_eq!(size_text(820), "820 B");
        assert_eq!(size_text(50_732), "50 KB");
        assert_eq!(size_text(1_468_006), "1.4 MB");
        assert_eq!(log_date("2026-11-23 12:00:00"), "23 Nov 2026");
    }
}
