//! Drawing the Duplicates screen: the pairs with why each was listed, or
//! what merging the selected pair would do.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::View;
use super::duplicate_pairs::DuplicatePairsState;
use crate::i18n::t;
use crate::ui::format::{fit, pad, wrap};
use crate::words::merge::{preview_lines, why_text};

/// Columns of a member ("#12 Ana Kovač") in a row of the list.
const MEMBER_COLS: usize = 24;

impl DuplicatePairsState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(dir.title(&t("ui-duplicates-title"), theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let row = |y: u16| Rect {
            y: inner.y + y,
            height: 1,
            ..inner
        };
        let cols = inner.width as usize;
        if let Some(p) = &self.preview {
            let mut y = 0;
            for (i, line) in preview_lines(p).iter().enumerate() {
                // The title is wrapped; the rest are short lines, cut.
                let lines = match i {
                    0 => wrap(line, cols),
                    _ => vec![fit(line, cols)],
                };
                for line in lines {
                    if y >= inner.height {
                        return None;
                    }
                    let style = if i == 0 {
                        theme.heading()
                    } else {
                        Style::new()
                    };
                    dir.put(buf, row(y), &dir.text(&line), style);
                    y += 1;
                }
            }
            return None;
        }
        if self.is_finding() && self.pairs.is_empty() {
            dir.put(
                buf,
                row(0),
                &dir.text(&t("ui-duplicates-finding")),
                theme.dim(),
            );
            return None;
        }
        if self.pairs.is_empty() {
            for (y, line) in wrap(&t("ui-duplicates-none"), cols).iter().enumerate() {
                dir.put(buf, row(y as u16), &dir.text(line), theme.dim());
            }
            return None;
        }
        let rows = inner.height as usize;
        let first = (self.at + 1).saturating_sub(rows);
        let member = |(id, name): &(i64, String)| {
            pad(&fit(&format!("#{id} {name}"), MEMBER_COLS - 2), MEMBER_COLS)
        };
        for (i, pair) in self.pairs.iter().enumerate().skip(first).take(rows) {
            let why: Vec<String> = pair.reasons.iter().map(|r| why_text(r.why)).collect();
            // The marker takes two columns, and one stays free at the right.
            let why_cols = cols.saturating_sub(2 * MEMBER_COLS + 3);
            let line = dir.cells(&[
                dir.marker(i == self.at).to_string(),
                member(&pair.first),
                member(&pair.second),
                fit(&why.join(", "), why_cols),
            ]);
            let style = if i == self.at {
                theme.selected()
            } else {
                Style::new()
            };
            dir.put(buf, row((i - first) as u16), &line, style);
        }
        None
    }
}
