//! The member card's second page: purchase habits (the last 12 months,
//! rhythm, favourites), visits per month as a bar chart, and the visit
//! history receipt by receipt with refunds marked. Loaded once when the
//! card opens; drawing only reads it.

use chrono::{NaiveDate, Weekday};
use ratatui::text::Line;

use crate::domain::habits::{Bought, Favourite, Habits, Purchase, habits};
use crate::domain::member::Member;
use crate::i18n::{t, t_args, t_count};
use crate::ui::keymap::Action;
use crate::ui::theme::Theme;

const PAGE: usize = 10;

#[derive(Debug, Clone)]
pub struct PurchasesPage {
    habits: Habits,
    /// Newest first.
    history: Vec<Purchase>,
    scroll: usize,
    /// In front of the card's first page.
    shown: bool,
    /// In a chain, this shop's name (empty without one): each visit then
    /// names its branch. None: a single shop, no branch column.
    pub(super) branches: Option<String>,
}

/// `1500` milli-units → "1.5"; whole numbers without decimals.
fn quantity(qty_milli: i64) -> String {
    let qty = qty_milli.unsigned_abs();
    let whole = qty / 1000;
    match qty % 1000 {
        0 => whole.to_string(),
        frac => format!("{whole}.{}", format!("{frac:03}").trim_end_matches('0')),
    }
}

/// "Latte, Croissant ×2": what was on the receipt, an item written on
/// several lines (tills split them by modifier) counted together.
fn items_text(lines: &[Bought]) -> String {
    let mut items: Vec<(&str, i64)> = Vec::new();
    for l in lines {
        let qty = l.qty_milli.abs().max(1000 * i64::from(l.qty_milli == 0));
        match items.iter_mut().find(|(name, _)| *name == l.item) {
            Some((_, total)) => *total += qty,
            None => items.push((&l.item, qty)),
        }
    }
    items
        .into_iter()
        .map(|(name, qty)| match qty {
            1000 => name.to_string(),
            _ => format!("{name} ×{}", quantity(qty)),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn favourites_text(list: &[Favourite]) -> Option<String> {
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|f| format!("{} ({})", f.name, f.visits))
            .collect::<Vec<_>>()
            .join(" · ")
    })
}

fn weekday_name(day: Weekday) -> String {
    let key = [
        "day-monday",
        "day-tuesday",
        "day-wednesday",
        "day-thursday",
        "day-friday",
        "day-saturday",
        "day-sunday",
    ][day.num_days_from_monday() as usize];
    t(key)
}

impl PurchasesPage {
    pub fn new(history: Vec<Purchase>, today: NaiveDate) -> PurchasesPage {
        PurchasesPage {
            habits: habits(&history, today),
            history,
            scroll: 0,
            shown: false,
            branches: None,
        }
    }

    pub fn habits(&self) -> &Habits {
        &self.habits
    }

    pub fn receipts(&self) -> usize {
        self.history.len()
    }

    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// The card's title: the member's name, and the page when it is this one.
    pub fn title(&self, member: &Member) -> String {
        let name = member.full_name();
        if self.shown {
            t_args("ui-card-title-purchases", &[("name", &name)])
        } else {
            name
        }
    }

    /// Under "Habits" on the first page: the usual day and gap, and the
    /// key to this page.
    pub fn summary_lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        let mut lines: Vec<Line> = self
            .summary()
            .map(|s| Line::raw(format!("  {s}")))
            .into_iter()
            .collect();
        if !self.history.is_empty() {
            let more = format!("  {}", t("ui-card-more-purchases"));
            lines.push(Line::styled(more, theme.dim()));
        }
        lines
    }

    /// "usually Saturday, every 5 days"; nothing until there is a habit to tell.
    pub fn summary(&self) -> Option<String> {
        let h = &self.habits;
        let day = h.usual_weekday.map(weekday_name)?;
        Some(match h.median_gap_days {
            Some(gap) => t_args(
                "ui-habit-summary-gap",
                &[("weekday", &day), ("gap", &t_count("ui-days", "days", gap))],
            ),
            None => t_args("ui-habit-summary", &[("weekday", &day)]),
        })
    }

    /// Switches pages, and scrolls the history while shown; false for
    /// actions the card handles itself.
    pub fn update(&mut self, action: Action) -> bool {
        if action == Action::SwitchPage {
            self.shown = !self.shown;
            return true;
        }
        if !self.shown {
            return false;
        }
        let last = self.history.len().saturating_sub(1);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => (self.scroll + 1).min(last),
            Action::PageUp => self.scroll.saturating_sub(PAGE),
            Action::PageDown => (self.scroll + PAGE).min(last),
            _ => return false,
        };
        true
    }
}

#[path = "member_history_render.rs"]
mod render;

#[cfg(test)]
#[path = "member_history_tests.rs"]
mod tests;
