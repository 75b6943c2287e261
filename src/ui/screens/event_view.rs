//! Drawing an event's page: what was invited and came, the 90 days after
//! for those who came and for the active members not invited, the check
//! list, and the invitation's form over it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::View;
use super::event::{EventState, InviteForm};
use super::events_view::row;
use crate::domain::event::EventRow;
use crate::i18n::{t, t_args};
use crate::ui::format::{fit, pad, width, wrap};
use crate::ui::widgets::field::{TextField, render_error, render_row};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::dates::date_with_year;
use crate::words::events::{after_title, group_line, invited_of};
use crate::words::numbers::number;
use crate::words::review::channel_name;

/// Rows above the check list: counts, the 90 days (three rows), a gap,
/// the list's heading.
const HEAD_ROWS: u16 = 6;

impl EventState {
    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        // Name and day each in their own direction: a Hebrew day after a
        // Latin name reads right.
        let parts = [self.event.name.clone(), date_with_year(self.event.date)];
        let title = dir.fit_drawn(
            &dir.join(&parts, " · "),
            (area.width as usize).saturating_sub(4),
        );
        let block = Block::bordered()
            .border_style(theme.border(self.invite.is_none()))
            .title(Line::styled(format!(" {title} "), theme.heading()).alignment(dir.alignment()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let put = |buf: &mut Buffer, y: u16, text: &str, style: Style| {
            if y < inner.height {
                dir.put(buf, row(inner, y), &dir.text(text), style);
            }
        };
        let counts = EventRow {
            event: self.event.clone(),
            invited: self.guests.iter().filter(|g| g.invited).count() as i64,
            attended: self.guests.iter().filter(|g| g.came).count() as i64,
        };
        let summary = t_args(
            "event-invited-came",
            &[
                ("invited", &invited_of(&counts)),
                ("came", &number(counts.attended)),
            ],
        );
        put(buf, 0, &summary, Style::new());
        match &self.page {
            Some(page) => {
                let currency = view.config.currency();
                put(buf, 1, &after_title(&page.after), theme.heading());
                let came = group_line("event-group-came", &page.after.attended, currency);
                put(buf, 2, &came, Style::new());
                let others = group_line("event-group-others", &page.after.others, currency);
                put(buf, 3, &others, Style::new());
            }
            None => put(buf, 1, &t("ui-event-loading"), theme.dim()),
        }
        put(buf, HEAD_ROWS - 1, &t("ui-event-guests"), theme.heading());
        self.render_guests(inner, buf, view);
        self.invite
            .as_ref()
            .and_then(|form| render_invite(form, &self.event.name, area, buf, view))
    }

    fn render_guests(&self, inner: Rect, buf: &mut Buffer, view: &View) {
        let (theme, dir) = (view.theme, view.dir);
        let list = Rect {
            y: inner.y + HEAD_ROWS,
            height: inner.height.saturating_sub(HEAD_ROWS),
            ..inner
        };
        if self.guests.is_empty() {
            let cols = list.width as usize;
            for (i, line) in wrap(&t("ui-event-no-guests"), cols).iter().enumerate() {
                if (i as u16) < list.height {
                    dir.put(buf, row(list, i as u16), &dir.text(line), theme.dim());
                }
            }
            return;
        }
        let not_invited = t("ui-event-not-invited");
        let name_cols = self
            .guests
            .iter()
            .map(|g| width(&g.name))
            .max()
            .unwrap_or(0)
            .min((list.width as usize).saturating_sub(width(&not_invited) + 10));
        let shown = list.height as usize;
        let first = (self.at + 1).saturating_sub(shown);
        for (i, guest) in self.guests.iter().enumerate().skip(first).take(shown) {
            let selected = i == self.at;
            let style = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            let mark = if guest.came { "[x] " } else { "[ ] " };
            let note = if guest.invited {
                ""
            } else {
                not_invited.as_str()
            };
            let cells = [
                dir.marker(selected).to_string(),
                mark.to_string(),
                pad(&fit(&guest.name, name_cols), name_cols + 2),
                note.to_string(),
            ];
            let at = row(list, (i - first) as u16);
            buf.set_style(at, style);
            dir.put(buf, at, &dir.cells(&cells), style);
        }
    }
}

/// The invitation's form in a box over the page; returns the cursor.
fn render_invite(
    form: &InviteForm,
    name: &str,
    area: Rect,
    buf: &mut Buffer,
    view: &View,
) -> Option<Position> {
    let (theme, dir) = (view.theme, view.dir);
    let boxed = centered(area, 72, 10);
    let title = t_args("ui-event-invite-title", &[("name", name)]);
    let inside = frame(boxed, buf, &dir.text(&title), theme).inner(Margin::new(1, 1));
    let cols = inside.width as usize;
    let label = t("ui-event-invite-segment");
    let cursor = render_row(row(inside, 0), buf, &label, &form.segment, true, None, view);
    // The channel as a field that Tab changes, lined up with the segment.
    let channel = TextField::new(&channel_name(form.channel));
    let label = t("ui-event-invite-channel");
    let tab = Some(("Tab".to_string(), theme.dim()));
    render_row(row(inside, 1), buf, &label, &channel, false, tab, view);
    if let Some(error) = &form.segment.error {
        render_error(row(inside, 2), buf, error, theme, dir);
    }
    let hint = if form.saved.is_empty() {
        t("ui-event-invite-example")
    } else {
        t_args(
            "ui-event-invite-saved",
            &[("names", &form.saved.join(", "))],
        )
    };
    for (i, line) in wrap(&hint, cols).iter().take(3).enumerate() {
        dir.put(buf, row(inside, 4 + i as u16), &dir.text(line), theme.dim());
    }
    cursor
}
