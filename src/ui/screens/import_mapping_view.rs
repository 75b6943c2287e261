//! How the mapping step is drawn: what the file is (or nearly is), the
//! roles with the column each picked, the first rows as they would be
//! read, and one line saying what is missing, what cannot be read, or that
//! Enter imports. Column names are the file's own text: each is a cell of
//! its own, so a Hebrew header keeps its order; widths are display columns.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::super::View;
use super::{MappingStep, Shown, required, role_name};
use crate::i18n::{t, t_args, t_count};
use crate::import::first_rows::Preview;
use crate::import::formats::Format;
use crate::import::mapping::ROLES;
use crate::ui::direction::number_cell;
use crate::ui::format::{date_with_year, fit, money, pad, width, wrap};
use crate::ui::table::{wanted, widths};

/// Lines the explanation at the top may take; the preview has the rest
/// (five rows at 80×24 under a two-line explanation).
const EXPLAIN_ROWS: usize = 3;
/// The widest a receipt number is shown before it is cut.
const RECEIPT_COLS: usize = 16;
const GAP: &str = "  ";

impl MappingStep {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let cols = area.width as usize;
        let explanation = wrap(&self.explanation(), cols);
        let explain_rows = explanation.len().min(EXPLAIN_ROWS) as u16;
        let [explain, roles, heading, rows, status] = Layout::vertical([
            Constraint::Length(explain_rows),
            Constraint::Length(ROLES.len() as u16),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let lines: Vec<Line> = explanation
            .into_iter()
            .take(EXPLAIN_ROWS)
            .map(|l| Line::styled(l, view.theme.key()))
            .collect();
        Paragraph::new(view.dir.lines(lines)).render(explain, buf);
        self.render_roles(roles, buf, view);
        if let Shown::Read(preview) = &self.shown {
            render_preview(preview, self, heading, rows, buf, view);
        }
        let (text, style) = self.status(view);
        view.dir
            .put(buf, status, &view.dir.text(&fit(&text, cols)), style);
    }

    /// What the file is and what to do: nearly a known export (and how to
    /// export it whole), or not one the app knows.
    fn explanation(&self) -> String {
        let file = self.file.file_name().map_or_else(
            || self.file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if self.by_hand {
            return t_args("ui-map-by-hand", &[("file", &file)]);
        }
        let Some(near) = &self.first.near else {
            return t_args("ui-map-unknown", &[("file", &file)]);
        };
        let key = match near.format {
            Format::SquareItems | Format::SquareTransactions => "ui-map-near-miss-square",
            _ => "ui-map-near-miss",
        };
        t_args(
            key,
            &[
                ("file", &file),
                ("format", &near.export_name()),
                ("missing", &near.missing_list()),
            ],
        )
    }

    /// One row per role: its name (needed ones marked), then its column.
    fn render_roles(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let names: Vec<String> = ROLES
            .iter()
            .map(|(role, _)| match required(role) {
                true => format!("{} *", role_name(role)),
                false => role_name(role),
            })
            .collect();
        let label_cols = names.iter().map(|n| width(n)).max().unwrap_or(0);
        let value_cols = (area.width as usize).saturating_sub(2 + label_cols + GAP.len());
        for (i, ((name, picked), y)) in names
            .iter()
            .zip(&self.picked)
            .zip(area.y..area.bottom())
            .enumerate()
        {
            let focused = i == self.role;
            // The column's name and what its first row holds there.
            let (value, style) = match picked {
                Some(c) => match self.first.example(*c) {
                    Some(example) => (format!("{} · {example}", self.columns[*c]), Style::new()),
                    None => (self.columns[*c].clone(), Style::new()),
                },
                None => (t("ui-map-none"), theme.dim()),
            };
            // The focused role shows that ←→ change its column.
            let value = match focused {
                true => format!("‹ {} ›", fit(&value, value_cols.saturating_sub(4))),
                false => fit(&value, value_cols),
            };
            let text = view.dir.cells(&[
                view.dir.marker(focused).to_string(),
                format!("{}{GAP}", pad(name, label_cols)),
                value,
            ]);
            let row = Rect::new(area.x, y, area.width, 1);
            let style = if focused { theme.selected() } else { style };
            buf.set_style(row, style);
            view.dir.put(buf, row, &text, style);
        }
    }

    /// The line under the rows, and how it is coloured.
    fn status(&self, view: &View) -> (String, Style) {
        let theme = view.theme;
        match &self.shown {
            Shown::Missing(role) => (
                t_args("ui-map-missing", &[("role", &role_name(role))]),
                theme.error(),
            ),
            Shown::Failed(why) => (why.to_string(), theme.error()),
            Shown::Read(p) if !p.rejected.is_empty() => (
                t_count("ui-map-rejected", "count", p.rejected.len() as i64),
                theme.error(),
            ),
            Shown::Read(_) => (t("ui-map-ready"), theme.good()),
        }
    }
}

/// One row of the preview: a receipt as read, or a row that cannot be.
enum Entry {
    Read([String; 5]),
    Rejected(String, String),
}

/// The first rows as they would be read: line, receipt, date, total and
/// customer, in file order, with the rows that cannot be read among them.
fn render_preview(
    preview: &Preview,
    step: &MappingStep,
    heading: Rect,
    rows: Rect,
    buf: &mut Buffer,
    view: &View,
) {
    let theme = view.theme;
    let mut entries: Vec<(u64, Entry)> = preview
        .receipts
        .iter()
        .map(|r| {
            let mut when = date_with_year(r.local_date());
            if let Some(time) = r.local_time() {
                when = format!("{when} {}", time.format("%H:%M"));
            }
            let c = &r.customer;
            let who: Vec<&str> = [&c.name, &c.phone, &c.email, &c.card]
                .into_iter()
                .filter_map(|v| v.as_deref())
                .collect();
            let cells = [
                r.line.to_string(),
                r.till_id.clone(),
                when,
                money(step.opts.currency, r.total_minor),
                who.join(" · "),
            ];
            (r.line, Entry::Read(cells))
        })
        .collect();
    entries.extend(preview.rejected.iter().map(|r| {
        let entry = Entry::Rejected(r.line.to_string(), r.reason.to_string());
        (r.line, entry)
    }));
    entries.sort_by_key(|(line, _)| *line);
    let titles = [
        "ui-map-col-line",
        "ui-map-col-receipt",
        "ui-map-col-date",
        "ui-map-col-total",
        "ui-map-col-customer",
    ]
    .map(t);
    let wants: Vec<usize> = (0..titles.len())
        .map(|i| {
            let values = entries.iter().map(|(_, e)| match e {
                Entry::Read(cells) => cells[i].as_str(),
                Entry::Rejected(line, _) if i == 0 => line.as_str(),
                Entry::Rejected(..) => "",
            });
            let want = wanted(&titles[i], values);
            if i == 1 { want.min(RECEIPT_COLS) } else { want }
        })
        .collect();
    let w = widths(&wants, 4, 8, heading.width as usize, GAP.len());
    let row_text = |cells: &[String; 5]| {
        let mut out: Vec<String> = (0..4)
            .map(|i| match i {
                0 | 3 => format!("{}{GAP}", number_cell(&fit(&cells[i], w[i]), w[i])),
                _ => format!("{}{GAP}", pad(&fit(&cells[i], w[i]), w[i])),
            })
            .collect();
        out.push(pad(&fit(&cells[4], w[4]), w[4]));
        view.dir.cells(&out)
    };
    view.dir
        .put(buf, heading, &row_text(&titles), theme.heading());
    for ((_, entry), y) in entries.iter().zip(rows.y..rows.bottom()) {
        let row = Rect::new(rows.x, y, rows.width, 1);
        match entry {
            Entry::Read(cells) => view.dir.put(buf, row, &row_text(cells), Style::new()),
            Entry::Rejected(line, reason) => {
                let rest = (rows.width as usize).saturating_sub(w[0] + GAP.len());
                let text = view.dir.cells(&[
                    format!("{}{GAP}", number_cell(line, w[0])),
                    fit(reason, rest),
                ]);
                view.dir.put(buf, row, &text, theme.error());
            }
        }
    }
}
