//! Drawing the tiers screen: the tier table with members per tier, the
//! preview line while a minimum is typed, this month's moves and the
//! nudge list side by side.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::View;
use super::tiers::{Focus, Preview, TiersState};
use crate::domain::tiers::TierBasis;
use crate::i18n::{t, t_args, t_count};
use crate::ui::direction::number_cell;
use crate::ui::format::{date_short, fit, pad, width, wrap};
use crate::ui::table::wanted;
use crate::words::loyalty::{gap_to, metric_text};

impl TiersState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let program = &self.program;
        let basis = match program.tiers.basis {
            TierBasis::Spend => t("ui-tiers-on-spend"),
            TierBasis::Visits => t("ui-tiers-on-visits"),
        };
        let title = t_args(
            "ui-tiers-title",
            &[
                ("basis", &basis),
                ("days", &program.tiers.grace_days.to_string()),
            ],
        );
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(view.dir.title(
                &fit(&title, (area.width as usize).saturating_sub(4)),
                theme.heading(),
            ));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let cols = inner.width as usize;
        // One row of `area` at `y`: `text` is in drawing order.
        let put = |buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style| {
            view.dir.put(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                text,
                style,
            );
        };
        if !program.has_tiers() {
            for (i, line) in wrap(&t("loyalty-no-tiers"), cols).iter().enumerate() {
                let y = inner.y + i as u16;
                put(buf, inner, y, &view.dir.text(line), theme.dim());
            }
            return None;
        }
        let tiers = &program.tiers.tiers;
        let head_rows = tiers.len() as u16 + 5;
        let [table, lists] =
            Layout::vertical([Constraint::Length(head_rows), Constraint::Fill(1)]).areas(inner);
        // Each column as wide as its heading or its widest value, and a gap.
        let name_w = wanted(&t("loyalty-col-tier"), tiers.iter().map(|t| &t.name)).max(12) + 2;
        let from_w = wanted(
            &t("loyalty-col-from"),
            tiers.iter().map(|t| metric_text(program, t.min)),
        )
        .max(12)
            + 2;
        let count_w = wanted(&t("loyalty-col-members"), ["1234567"]);
        // A few columns kept free at the end, as the table always had.
        let perks_w = cols.saturating_sub(name_w + from_w + count_w + 7);
        let header = view.dir.cells(&[
            "  ".to_string(),
            pad(&t("loyalty-col-tier"), name_w),
            pad(&t("loyalty-col-from"), from_w),
            number_cell(&t("loyalty-col-members"), count_w),
            format!("  {}", pad(&t("loyalty-col-perks"), perks_w)),
        ]);
        put(buf, table, table.y, &header, theme.heading());
        let mut cursor = None;
        for (i, tier) in tiers.iter().enumerate() {
            let y = table.y + 1 + i as u16;
            let selected = self.focus == Focus::Tiers && i == self.tier;
            let marker = view.dir.marker(selected);
            // Not known until the recompute is done.
            let count = if self.is_working() {
                "…".to_string()
            } else {
                self.overview
                    .counts
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .to_string()
            };
            let line = view.dir.cells(&[
                marker.to_string(),
                pad(&tier.name, name_w),
                pad(&metric_text(program, tier.min), from_w),
                number_cell(&count, count_w),
                format!("  {}", pad(&tier.perks, perks_w)),
            ]);
            let style = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            put(buf, table, y, &line, style);
            if selected && let Some(field) = &self.edit {
                let at = Rect::new(table.x + 2 + name_w as u16, y, from_w as u16 - 2, 1);
                let at = view.dir.place(
                    Rect {
                        y,
                        height: 1,
                        ..table
                    },
                    at,
                );
                buf.set_stringn(
                    at.x,
                    y,
                    " ".repeat(at.width as usize),
                    at.width as usize,
                    Style::new(),
                );
                cursor = field.render(at, buf, theme.field(true), true, view.dir);
            }
        }
        let note_y = table.y + 2 + tiers.len() as u16;
        let (note, style) = match self.preview() {
            Some(Preview::Moves { up, down }) => {
                let name = program.tier_name(self.tier).unwrap_or_default();
                let now_down = program.tiers.moves(&self.overview.standings).1;
                let text = t_args(
                    "ui-tiers-preview",
                    &[
                        ("tier", name),
                        ("up", &up.to_string()),
                        ("down", &down.to_string()),
                        ("now", &now_down.to_string()),
                        ("days", &program.tiers.grace_days.to_string()),
                    ],
                );
                (text, theme.key())
            }
            Some(Preview::Invalid(text)) => (text, theme.error()),
            None if self.is_working() => (t("ui-tiers-working"), theme.key()),
            None => (t("ui-tiers-edit-hint"), theme.dim()),
        };
        for (i, text) in wrap(&note, cols).into_iter().take(2).enumerate() {
            put(buf, table, note_y + i as u16, &view.dir.text(&text), style);
        }
        if self.is_working() {
            put(
                buf,
                lists,
                lists.y,
                &view.dir.text(&t("ui-tiers-working-note")),
                theme.dim(),
            );
        } else {
            self.render_lists(lists, buf, view);
        }
        cursor
    }

    fn render_lists(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .spacing(2)
                .areas(area);
        // Moves where reading starts, the nudge list beside them.
        let [left, right] = view.dir.split(area, [left, right]);
        let o = &self.overview;
        let moves_title = t_args(
            "ui-tiers-moves",
            &[
                ("up", &o.moved_up.to_string()),
                ("down", &o.moved_down.to_string()),
            ],
        );
        let nudge_title = t_count("ui-tiers-nudges", "count", o.nudge_total as i64);
        // The date column as wide as the longest date ("יום ג׳, 17 בנוב׳").
        let date_w = wanted("", o.moves.iter().map(|m| date_short(m.on, view.today))).max(10);
        let moves: Vec<Vec<String>> = o
            .moves
            .iter()
            .map(|m| {
                let arrow = if m.up { "↑" } else { "↓" };
                let name_w = (left.width as usize).saturating_sub(2 + 2 + 9 + date_w);
                vec![
                    format!("{arrow} "),
                    format!("{} ", pad(&m.name, name_w)),
                    pad(&m.to, 8),
                    pad(&date_short(m.on, view.today), date_w),
                ]
            })
            .collect();
        let nudges: Vec<Vec<String>> = o
            .nudges
            .iter()
            .map(|n| {
                let next = self.program.tier_name(n.tier + 1).unwrap_or_default();
                let gap = format!(" {}", gap_to(&self.program, n.gap, next));
                let name_w = (right.width as usize).saturating_sub(width(&gap) + 2);
                vec![pad(&n.name, name_w), gap]
            })
            .collect();
        let empty = t("ui-tiers-none");
        for (rect, title, rows, focus, at) in [
            (left, moves_title, moves, Focus::Moves, self.moves_at),
            (right, nudge_title, nudges, Focus::Nudges, self.nudges_at),
        ] {
            let focused = self.focus == focus;
            let style = if focused {
                theme.heading()
            } else {
                theme.dim()
            };
            view.dir.put(buf, rect, &view.dir.text(&title), style);
            let visible = rect.height.saturating_sub(1) as usize;
            if rows.is_empty() {
                let row = Rect {
                    y: rect.y + 1,
                    height: 1,
                    ..rect
                };
                view.dir.put(buf, row, &view.dir.text(&empty), theme.dim());
            }
            let offset = (at + 1).saturating_sub(visible);
            for (i, text) in rows.iter().enumerate().skip(offset).take(visible) {
                let y = rect.y + 1 + (i - offset) as u16;
                let selected = focused && i == at;
                let style = if selected {
                    theme.selected()
                } else {
                    Style::new()
                };
                let mut cells = vec![view.dir.marker(selected).to_string()];
                cells.extend(text.iter().cloned());
                let line = view.dir.cells(&cells);
                let row = Rect {
                    y,
                    height: 1,
                    ..rect
                };
                view.dir.put(buf, row, &line, style);
            }
        }
    }
}
