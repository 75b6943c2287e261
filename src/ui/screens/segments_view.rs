//! Drawing the Segments screen: the expression and what it comes to
//! under it, the name being typed when saving, and the saved segments.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::View;
use super::segments::{Focus, Outcome, SegmentsState};
use crate::i18n::{t, t_args};
use crate::ui::format::{fit, pad, width, wrap};
use crate::ui::widgets::field::{LABEL_COLS, TextField};

impl SegmentsState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let cursor = self.render_segments(area, buf, view);
        match &self.export {
            Some(export) => {
                export.step.render(area, buf, view);
                None
            }
            None => cursor,
        }
    }

    fn render_segments(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(dir.title(&t("ui-segments-title"), theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let row = |y: u16| Rect {
            y: inner.y + y,
            height: 1,
            ..inner
        };
        if inner.height < 8 {
            return None;
        }
        let mut cursor = field_row(
            buf,
            row(0),
            &t("ui-segments-expression"),
            &self.expression,
            self.focus == Focus::Expression,
            view,
        );
        let [_, under] = dir.row(row(1), LABEL_COLS);
        let mut y = 2;
        match &self.outcome {
            Outcome::Empty => {
                for line in wrap(&t("ui-segments-example"), under.width as usize)
                    .iter()
                    .take(2)
                {
                    let [_, at] = dir.row(row(y - 1), LABEL_COLS);
                    dir.put(buf, at, &dir.text(line), theme.dim());
                    y += 1;
                }
            }
            Outcome::Problem(problem) => {
                // Wrapped, not cut: the word it names comes first in some
                // languages and last in others.
                let arrow = if dir.is_rtl() { "↲" } else { "↳" };
                let text = format!("{arrow} {problem}");
                for line in wrap(&text, under.width as usize).iter().take(3) {
                    let [_, at] = dir.row(row(y - 1), LABEL_COLS);
                    dir.put(buf, at, &dir.text(line), theme.error());
                    y += 1;
                }
            }
            Outcome::Counting => {
                dir.put(buf, under, &dir.text(&t("segment-counting")), theme.dim());
            }
            Outcome::Count(counted) => {
                let count = crate::words::numbers::counted("segment-members", counted.count as i64);
                dir.put(buf, under, &dir.text(&format!("= {count}")), theme.good());
                if !counted.no_data.is_empty() {
                    let words: Vec<&str> = counted.no_data.iter().map(|w| w.name()).collect();
                    let text = t_args("segment-no-data", &[("word", &words.join(", "))]);
                    let [_, at] = dir.row(row(2), LABEL_COLS);
                    dir.put(buf, at, &dir.text(&text), theme.dim());
                    y = 3;
                }
            }
        }
        if self.focus == Focus::Name {
            y += 1;
            cursor = field_row(buf, row(y), &t("ui-segments-name"), &self.name, true, view);
        }
        y += 2;
        let heading_style = if self.focus == Focus::Saved {
            theme.heading()
        } else {
            theme.dim()
        };
        dir.put(
            buf,
            row(y),
            &dir.text(&t("ui-segments-saved")),
            heading_style,
        );
        y += 1;
        if self.saved.is_empty() {
            dir.put(
                buf,
                row(y),
                &dir.text(&t("segment-none-saved")),
                theme.dim(),
            );
            return cursor;
        }
        let rows = inner.height.saturating_sub(y) as usize;
        let first = (self.at + 1).saturating_sub(rows);
        let name_cols = self
            .saved
            .iter()
            .map(|s| width(&s.name))
            .max()
            .unwrap_or(0)
            .min(24)
            + 2;
        for (i, saved) in self.saved.iter().enumerate().skip(first).take(rows) {
            let selected = i == self.at && self.focus == Focus::Saved;
            let style = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            let expr_cols = (inner.width as usize).saturating_sub(name_cols + 2);
            let line = dir.cells(&[
                dir.marker(i == self.at && self.focus == Focus::Saved)
                    .to_string(),
                pad(&fit(&saved.name, name_cols - 2), name_cols),
                fit(&saved.expr, expr_cols),
            ]);
            dir.put(buf, row(y), &line, style);
            y += 1;
        }
        cursor
    }
}

/// A label and a field that takes the rest of the row.
fn field_row(
    buf: &mut Buffer,
    area: Rect,
    label: &str,
    field: &TextField,
    focused: bool,
    view: &View,
) -> Option<Position> {
    let (theme, dir) = (view.theme, view.dir);
    let [label_area, field_area] = dir.row(area, LABEL_COLS);
    let label = fit(label, LABEL_COLS as usize - 1);
    let style = if focused {
        theme.heading()
    } else {
        Style::new()
    };
    dir.put(buf, label_area, &dir.text(&label), style);
    field.render(field_area, buf, theme.field(focused), focused, dir)
}
