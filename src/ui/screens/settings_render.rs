//! How the shop's settings form looks: a framed form with a line saying
//! what it is for, one row per setting with its problem under it, and
//! beside the country the phone number and date a shop there writes, so
//! the owner sees at once what the country changes.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use super::View;
use super::settings::{Purpose, SettingsState, Stop};
use crate::config::Feb29;
use crate::domain::date_order::DateOrder;
use crate::i18n::{Locale, t, t_args};
use crate::ops::settings::currency_of;
use crate::ui::format::wrap;
use crate::ui::widgets::field::{LABEL_COLS, TextField, render_error, render_row};
use crate::words::examples;

impl SettingsState {
    pub(super) fn draw(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let (title, intro) = match self.purpose {
            Purpose::SetUp => ("ui-setup-title", "ui-setup-intro"),
            Purpose::Change => ("ui-settings-title", "ui-settings-intro"),
        };
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(dir.title(&t(title), theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let mut y = inner.y;
        let mut row = || {
            let at = (y < inner.bottom()).then(|| Rect::new(inner.x, y, inner.width, 1));
            y += 1;
            at
        };
        let cols = inner.width as usize;
        for line in wrap(&t(intro), cols) {
            if let Some(at) = row() {
                dir.put(buf, at, &dir.text(&line), Style::new());
            }
        }
        row();
        let mut cursor = None;
        for (i, stop) in self.stops().iter().enumerate() {
            let focused = i == self.focus && self.sorting.is_none();
            let Some(at) = row() else { break };
            let shown = self
                .field(*stop)
                .cloned()
                .unwrap_or_else(|| self.choice(*stop));
            let hint = self.hint(*stop, focused).map(|text| (text, theme.dim()));
            let c = render_row(at, buf, &t(stop.label_key()), &shown, focused, hint, view);
            if !stop.is_choice() {
                // A choice has no text cursor: ←→ change it whole.
                cursor = cursor.or(c);
            }
            let error = match stop {
                Stop::Language => self.language_error.as_ref(),
                _ => shown.error.as_ref(),
            };
            if let Some(error) = error
                && let Some(at) = row()
            {
                render_error(at, buf, error, theme, dir);
            } else if *stop == Stop::Country
                && let Some(examples) = self.country_examples()
                && let Some(at) = row()
            {
                // Under the field, where a problem would show.
                let under = Rect {
                    x: at.x + LABEL_COLS,
                    width: at.width.saturating_sub(LABEL_COLS),
                    ..at
                };
                let under = dir.place(at, under);
                dir.put(buf, under, &dir.text(&examples), theme.dim());
            }
        }
        row();
        if self.purpose == Purpose::SetUp {
            for line in wrap(&t("ui-setup-later"), cols) {
                if let Some(at) = row() {
                    dir.put(buf, at, &dir.text(&line), theme.dim());
                }
            }
        }
        if let Some(sorting) = &self.sorting {
            let bottom = Rect::new(inner.x, inner.bottom().saturating_sub(3), inner.width, 3);
            sorting.render(bottom, buf, view);
            return None;
        }
        cursor
    }

    /// A choice drawn as a field holding its name: the language in its
    /// own words, the Feb 29 rule in the screen's.
    fn choice(&self, stop: Stop) -> TextField {
        let text = match stop {
            Stop::Language => Locale::new(self.language()).scope(|| t("settings-language-name")),
            Stop::Feb29 => t(match self.feb29 {
                Feb29::Feb28 => "settings-feb29-feb28",
                Feb29::Mar1 => "settings-feb29-mar1",
            }),
            _ => String::new(),
        };
        TextField::new(&text)
    }

    /// Under the country, how a shop there writes a phone number and a
    /// date (once the code is a country's).
    fn country_examples(&self) -> Option<String> {
        let country = self.country.value().trim().to_uppercase();
        currency_of(&country)?;
        let phone = examples::phone(&country);
        let date = examples::birthday(DateOrder::for_country(&country));
        Some(t_args(
            "settings-country-examples",
            &[("phone", &phone.national), ("date", &date.full)],
        ))
    }

    /// Beside a currency not the country's, the country's; beside a
    /// choice in focus, how to change it.
    fn hint(&self, stop: Stop, focused: bool) -> Option<String> {
        match stop {
            Stop::Currency => {
                let usual = currency_of(self.country.value())?;
                let typed = self.currency.value().trim();
                (!typed.eq_ignore_ascii_case(usual))
                    .then(|| t_args("settings-currency-usual", &[("currency", usual)]))
            }
            Stop::Language | Stop::Feb29 if focused => Some(t("settings-choose")),
            _ => None,
        }
    }
}
