//! Drawing the Events screen: a table of events (day, name, invited
//! against the capacity, came) and the new event's form over it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::View;
use super::events::{EventForm, EventsState, FORM_FIELDS};
use crate::i18n::t;
use crate::ui::direction::number_cell;
use crate::ui::format::{fit, pad, wrap};
use crate::ui::table::{wanted, widths};
use crate::ui::widgets::field::{render_error, render_row};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::dates::date_with_year;
use crate::words::events::invited_of;
use crate::words::numbers::number;

/// One row of `area`.
pub(super) fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}

impl EventsState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let title = fit(
            &t("ui-events-title"),
            (area.width as usize).saturating_sub(4),
        );
        let block = Block::bordered()
            .border_style(theme.border(self.form.is_none()))
            .title(dir.title(&title, theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let cols = inner.width as usize;
        if self.rows.is_empty() {
            let key = if self.is_working() {
                "ui-events-loading"
            } else {
                "ui-events-empty"
            };
            for (i, line) in wrap(&t(key), cols).iter().enumerate() {
                dir.put(buf, row(inner, i as u16), &dir.text(line), theme.dim());
            }
        } else {
            self.render_table(inner, buf, view);
        }
        self.form
            .as_ref()
            .and_then(|form| render_form(form, area, buf, view))
    }

    fn render_table(&self, inner: Rect, buf: &mut Buffer, view: &View) {
        let (theme, dir) = (view.theme, view.dir);
        let headings = [
            t("ui-events-col-date"),
            t("ui-events-col-name"),
            t("ui-events-col-invited"),
            t("ui-events-col-came"),
        ];
        let dates: Vec<String> = self
            .rows
            .iter()
            .map(|r| date_with_year(r.event.date))
            .collect();
        let invited: Vec<String> = self.rows.iter().map(invited_of).collect();
        let came: Vec<String> = self.rows.iter().map(|r| number(r.attended)).collect();
        let want = [
            wanted(&headings[0], &dates),
            wanted(&headings[1], self.rows.iter().map(|r| &r.event.name)),
            wanted(&headings[2], &invited),
            wanted(&headings[3], &came),
        ];
        // Two columns for the marker of the selected row.
        let w = widths(&want, 1, 10, (inner.width as usize).saturating_sub(2), 2);
        let line = |cells: [&str; 4], numbers: bool| -> Vec<String> {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let cell = if numbers && i >= 2 {
                        number_cell(c, w[i])
                    } else {
                        pad(&fit(c, w[i]), w[i])
                    };
                    // Two columns between cells, none after the last.
                    if i < 3 { format!("{cell}  ") } else { cell }
                })
                .collect()
        };
        let header = dir.cells(
            &[
                vec!["  ".to_string()],
                line(headings.each_ref().map(|h| h.as_str()), false),
            ]
            .concat(),
        );
        dir.put(buf, row(inner, 0), &header, theme.heading());
        let shown = inner.height.saturating_sub(1) as usize;
        let first = (self.at + 1).saturating_sub(shown);
        for (i, r) in self.rows.iter().enumerate().skip(first).take(shown) {
            let selected = i == self.at;
            let style = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            let cells = line(
                [&dates[i], r.event.name.as_str(), &invited[i], &came[i]],
                true,
            );
            let text = dir.cells(&[vec![dir.marker(selected).to_string()], cells].concat());
            let at = row(inner, (i - first) as u16 + 1);
            buf.set_style(at, style);
            dir.put(buf, at, &text, style);
        }
    }
}

/// The new event's form in a box over the list; returns the cursor.
fn render_form(form: &EventForm, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
    let (theme, dir) = (view.theme, view.dir);
    let boxed = centered(area, 72, 9);
    let inside =
        frame(boxed, buf, &dir.text(&t("ui-events-form-title")), theme).inner(Margin::new(1, 1));
    let mut cursor = None;
    for (i, (label, field)) in FORM_FIELDS.iter().zip(&form.fields).enumerate() {
        let focused = i == form.focus;
        let hint = (i == 2).then(|| (t("ui-events-capacity-hint"), theme.dim()));
        let at = render_row(
            row(inside, i as u16),
            buf,
            &t(label),
            field,
            focused,
            hint,
            view,
        );
        cursor = cursor.or(at);
    }
    if let Some(error) = form.fields.iter().find_map(|f| f.error.as_ref()) {
        render_error(row(inside, 4), buf, error, theme, dir);
    }
    cursor
}
