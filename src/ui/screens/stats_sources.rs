//! The Stats screen's Sources page (Tab from the figures): how the new
//! members of the period found the club — per source, how many and what
//! they spent in the 12 months up to the period's end — and the members
//! who brought the most of them. The same figures `stats` gives.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::View;
use crate::i18n::t;
use crate::ops::stats::ClubHealth;
use crate::ui::format::fit;
use crate::ui::screens::stats_view::row;
use crate::words::numbers::{money, number};

/// Columns of the numbers: new members, and their spend.
const COUNT_COLS: u16 = 14;
const SPEND_COLS: u16 = 22;

/// Draws the page: each table a row per line, a name and numbers in
/// fixed columns after it in reading order.
pub fn render_sources(h: &ClubHealth, area: Rect, buf: &mut Buffer, view: &View) {
    let (theme, dir) = (view.theme, view.dir);
    let currency = view.config.currency();
    let mut y = 0;
    let mut put_row = |cells: &[String], style: Style, y: &mut u16| {
        if *y >= area.height {
            return;
        }
        let at = row(area, *y);
        // A heading or a note alone on its row takes the whole width.
        let name_cols = match cells.len() {
            1 => at.width,
            _ => at.width.saturating_sub(COUNT_COLS + SPEND_COLS),
        };
        let widths = [name_cols, COUNT_COLS, SPEND_COLS];
        for (cell, place) in cells.iter().zip(dir.columns(at, &widths, 0)) {
            let text = fit(cell, usize::from(place.width.saturating_sub(1)));
            dir.put(buf, place, &dir.text(&text), style);
        }
        *y += 1;
    };
    put_row(&[t("stats-sources")], theme.heading(), &mut y);
    if h.sources.is_empty() {
        put_row(&[t("stats-sources-none")], theme.dim(), &mut y);
    } else {
        let header = [
            t("stats-sources-col-source"),
            t("stats-sources-col-new"),
            t("stats-sources-col-spend"),
        ];
        put_row(&header, theme.dim(), &mut y);
        for source in &h.sources {
            let cells = [
                source.source.clone(),
                number(source.new_members),
                money(currency, source.spend_minor),
            ];
            put_row(&cells, Style::new(), &mut y);
        }
    }
    y += 1;
    put_row(&[t("stats-top-referrers")], theme.heading(), &mut y);
    if h.top_referrers.is_empty() {
        put_row(&[t("stats-referrers-none")], theme.dim(), &mut y);
    } else {
        let header = [
            t("stats-referrers-col-member"),
            t("stats-referrers-col-brought"),
        ];
        put_row(&header, theme.dim(), &mut y);
        for r in &h.top_referrers {
            let cells = [format!("{} (#{})", r.name, r.member_id), number(r.referred)];
            put_row(&cells, Style::new(), &mut y);
        }
    }
}
