//! Typing the Stats screen's period: FROM and TO, each a date as the shop
//! writes one (24.11.2025, or 11/24/2025 where the month comes first) or
//! as 2025-11-24. A date that is not one, a period ending after today or
//! starting after it ends is refused naming the field, and the form stays.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::widgets::{Paragraph, Widget};

use super::View;
use crate::config::Config;
use crate::domain::club_health::Period;
use crate::domain::member::Birthday;
use crate::i18n::t;
use crate::message::Message;
use crate::ui::keymap::{Action, STATS_PERIOD};
use crate::ui::screens::signup_fields::typed_birthday;
use crate::ui::widgets::field::{TextField, render_row};
use crate::ui::widgets::popup::{centered, frame};

/// The two fields, in the order Tab visits them.
const LABELS: [&str; 2] = ["stats-period-from", "stats-period-to"];

/// What the owner did in the form.
#[derive(Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    Stay,
    Cancel,
    Show(Period),
}

#[derive(Debug)]
pub struct PeriodForm {
    fields: [TextField; 2],
    focus: usize,
    error: Option<Message>,
}

/// A day as the shop writes it: "24.11.2025" (or "11/24/2025").
pub fn typed_day(day: NaiveDate, config: &Config) -> String {
    use chrono::Datelike;
    let as_birthday = Birthday {
        month: day.month(),
        day: day.day(),
        year: Some(day.year()),
    };
    typed_birthday(&as_birthday, config.date_order().month_first())
}

/// A typed day: `YYYY-MM-DD`, or day, month and year in the shop's order
/// split by dots, slashes or dashes (a two-digit year is this century's).
pub fn read_day(text: &str, config: &Config) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(day);
    }
    let parts: Vec<u32> = text
        .split(['.', '/', '-'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, year] = parts[..] else {
        return None;
    };
    let (month, day) = if config.date_order().month_first() {
        (a, b)
    } else {
        (b, a)
    };
    let year = if year < 100 { 2000 + year } else { year };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

impl PeriodForm {
    /// The form holding `period`, the cursor in FROM.
    pub fn open(period: Period, config: &Config) -> PeriodForm {
        let mut fields = [TextField::default(), TextField::default()];
        fields[0].set(&typed_day(period.from, config));
        fields[1].set(&typed_day(period.to, config));
        PeriodForm {
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The refusal shown under the fields.
    pub fn error(&self) -> Option<String> {
        self.error.as_ref().map(Message::to_string)
    }

    pub fn update(&mut self, action: Action, today: NaiveDate, config: &Config) -> PeriodChoice {
        match action {
            Action::Input(request) => {
                self.fields[self.focus].handle(request);
            }
            Action::NextField | Action::PrevField => self.focus = 1 - self.focus,
            Action::Save => match self.read(today, config) {
                Ok(period) => return PeriodChoice::Show(period),
                Err((at, why)) => {
                    self.focus = at;
                    self.error = Some(why);
                }
            },
            Action::Back => return PeriodChoice::Cancel,
            _ => {}
        }
        PeriodChoice::Stay
    }

    /// The period typed, or the field that is wrong and why.
    fn read(&self, today: NaiveDate, config: &Config) -> Result<Period, (usize, Message)> {
        let example = typed_day(today, config);
        let day = |at: usize| {
            let typed = self.fields[at].value();
            read_day(typed, config).ok_or_else(|| {
                let args = [
                    ("field", t(LABELS[at])),
                    ("value", typed.trim().to_string()),
                    ("example", example.clone()),
                ];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                (at, Message::new("stats-period-bad-date", &args))
            })
        };
        let (from, to) = (day(0)?, day(1)?);
        if to > today {
            let args = [("field", t(LABELS[1])), ("today", typed_day(today, config))];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            return Err((1, Message::new("stats-period-after-today", &args)));
        }
        if from > to {
            let args = [
                ("from_field", t(LABELS[0])),
                ("from", typed_day(from, config)),
                ("to_field", t(LABELS[1])),
                ("to", typed_day(to, config)),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            return Err((0, Message::new("stats-period-order", &args)));
        }
        Ok(Period { from, to })
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let popup = centered(area, 64, 10);
        let title = dir.text(&t("stats-period-title"));
        let inner = frame(popup, buf, &title, theme).inner(Margin::new(1, 0));
        let line = |y: u16| Rect {
            y: inner.y + y,
            height: 1,
            ..inner
        };
        let mut cursor = None;
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let c = render_row(
                line(1 + i as u16),
                buf,
                &t(LABELS[i]),
                field,
                focused,
                None,
                view,
            );
            cursor = cursor.or(c);
        }
        let example = typed_day(view.today, view.config);
        let hint = crate::i18n::t_args("stats-period-hint", &[("example", &example)]);
        dir.put(buf, line(4), &dir.text(&hint), theme.dim());
        if let Some(error) = &self.error {
            let text = crate::ui::format::fit(&error.to_string(), inner.width as usize);
            dir.put(buf, line(5), &dir.text(&text), theme.error());
        }
        let keys = crate::ui::widgets::popup::key_hints(STATS_PERIOD, theme);
        let at = line(inner.height.saturating_sub(1));
        Paragraph::new(dir.line(keys)).render(at, buf);
        cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn shop(country: &str) -> Config {
        let mut config = Config::default();
        config.shop.country = country.into();
        config
    }

    #[test]
    fn a_day_is_read_in_the_shops_order_or_as_iso() {
        let hr = shop("HR");
        assert_eq!(read_day("24.11.2025", &hr), Some(day(2025, 11, 24)));
        assert_eq!(read_day(" 2025-11-24 ", &hr), Some(day(2025, 11, 24)));
        assert_eq!(read_day("1.2.26", &hr), Some(day(2026, 2, 1)));
        let us = shop("US");
        assert_eq!(read_day("11/24/2025", &us), Some(day(2025, 11, 24)));
        assert_eq!(typed_day(day(2025, 11, 24), &hr), "24.11.2025");
        assert_eq!(typed_day(day(2025, 11, 24), &us), "11/24/2025");
    }

    #[test]
    fn what_is_not_a_day_is_not_read() {
        let hr = shop("HR");
        for bad in ["", "31.2.2026", "24.11", "yesterday", "1.2.3.4", "0.0.2026"] {
            assert_eq!(read_day(bad, &hr), None, "{bad}");
        }
    }
}
