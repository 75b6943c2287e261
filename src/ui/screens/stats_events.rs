//! The Stats screen's Events page (Tab from the Sources page): the club's
//! events of the period, newest first, each with the 90 days after it —
//! the visits and spend of those who came against the active members who
//! were not invited. The same figures `event show` gives.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::View;
use crate::domain::event::EventRow;
use crate::i18n::{t, t_args};
use crate::ops::events::EventPage;
use crate::ui::format::fit;
use crate::ui::screens::stats_view::row;
use crate::words::dates::date_with_year;
use crate::words::events::{after_title, group_line, invited_of};
use crate::words::numbers::number;

/// Draws the page: per event its day, name and counts, then the 90 days
/// after for those who came and for the others; "working out" until the
/// events come.
pub fn render_events(events: Option<&[EventPage]>, area: Rect, buf: &mut Buffer, view: &View) {
    let (theme, dir) = (view.theme, view.dir);
    let currency = view.config.currency();
    let mut y = 0;
    let mut put = |text: &str, style: Style, y: &mut u16| {
        if *y < area.height {
            let at = row(area, *y);
            let text = fit(text, usize::from(at.width));
            dir.put(buf, at, &dir.text(&text), style);
        }
        *y += 1;
    };
    put(&t("stats-events"), theme.heading(), &mut y);
    let Some(events) = events else {
        put(&t("stats-screen-working"), theme.dim(), &mut y);
        return;
    };
    if events.is_empty() {
        put(&t("stats-events-none"), theme.dim(), &mut y);
        return;
    }
    for page in events {
        y += 1;
        let counts = EventRow {
            event: page.event.clone(),
            invited: page.invited.len() as i64,
            attended: page.attended.len() as i64,
        };
        let summary = t_args(
            "event-invited-came",
            &[
                ("invited", &invited_of(&counts)),
                ("came", &number(counts.attended)),
            ],
        );
        let line = t_args(
            "stats-events-line",
            &[
                ("date", &date_with_year(page.event.date)),
                ("name", &page.event.name),
                ("counts", &summary),
            ],
        );
        put(&line, Style::new(), &mut y);
        put(&after_title(&page.after), theme.dim(), &mut y);
        let came = group_line("event-group-came", &page.after.attended, currency);
        put(&came, Style::new(), &mut y);
        let others = group_line("event-group-others", &page.after.others, currency);
        put(&others, Style::new(), &mut y);
    }
}
