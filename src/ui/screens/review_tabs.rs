//! The weekly review's top lines: the sections as tabs with their counts,
//! and under them what the section shown lists (the window of days for
//! the birthdays). Reads the state only.

use ratatui::style::Style;
use ratatui::text::Span;

use super::View;
use super::review::{ReviewState, WINDOWS};
use crate::domain::review::{NearTier, Section};
use crate::i18n::{t, t_args};
use crate::ui::format::{number, width};
use crate::words::dates::day_text;

/// How much a tab says: five tabs with their counts do not fit 80
/// columns in every language, so they first lose the room around their
/// names, then the tabs not shown lose their counts, then the bars
/// their spaces. (every count, bar, room around a name)
const ROOMS: [(bool, &str, &str); 4] = [
    (true, " │ ", " "),
    (true, " │ ", ""),
    (false, " │ ", ""),
    (false, "│", ""),
];

impl ReviewState {
    /// The tabs as spans no wider than `cols` where the words allow it.
    pub(super) fn tab_spans(&self, view: &View, cols: usize) -> Vec<Span<'static>> {
        let mut spans = vec![];
        for room in ROOMS {
            spans = self.tabs_with(view, room);
            let wide: usize = spans.iter().map(|s| width(&s.content)).sum();
            if wide <= cols {
                break;
            }
        }
        spans
    }

    fn tabs_with(
        &self,
        view: &View,
        room: (bool, &'static str, &'static str),
    ) -> Vec<Span<'static>> {
        let mut spans = vec![];
        let (every_count, sep, pad) = room;
        for (i, section) in Section::ALL.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(sep, view.theme.dim()));
            }
            let name = t(&format!("ui-review-tab-{}", section.code()));
            let shown = section == self.section();
            // A count once the list is gathered; a list is gathered when
            // its tab is first chosen.
            let count = match section {
                _ if !self.is_loaded(section) => None,
                _ if !every_count && !shown => None,
                Section::NearTier => match &self.review.near_tier {
                    NearTier::NotSetUp => None,
                    NearTier::Members(_) => Some(self.review.near_total as i64),
                },
                Section::Missing => Some(self.review.missing_total),
                _ => Some(self.rows_of(section).len() as i64),
            };
            let label = match count {
                Some(count) => format!("{pad}{name} ({}){pad}", number(count)),
                None => format!("{pad}{name}{pad}"),
            };
            let style = if shown {
                view.theme.selected()
            } else {
                Style::new()
            };
            spans.push(Span::styled(label, style));
        }
        spans
    }

    pub(super) fn intro_spans(&self, view: &View) -> Vec<Span<'static>> {
        let theme = view.theme;
        match self.section() {
            Section::Birthdays => {
                let mut spans = vec![Span::raw(format!("{} ", t("ui-review-next")))];
                for (i, days) in WINDOWS.into_iter().enumerate() {
                    if i > 0 {
                        spans.push(Span::styled(" · ", theme.dim()));
                    }
                    let style = if days == self.days() {
                        theme.key()
                    } else {
                        theme.dim()
                    };
                    spans.push(Span::styled(days.to_string(), style));
                }
                let last = self.review.today + chrono::Duration::days(i64::from(self.days()));
                spans.push(Span::raw(format!(
                    " {}: {} – {}",
                    t("ui-review-days"),
                    day_text(self.review.today),
                    day_text(last)
                )));
                spans
            }
            Section::Lapsed => {
                let rule = &view.config.reminders;
                vec![Span::styled(
                    t_args(
                        "ui-review-lapsed-intro",
                        &[
                            ("visits", &rule.lapsed_visits.to_string()),
                            ("months", &rule.lapsed_months.to_string()),
                            ("weeks", &rule.lapsed_weeks.to_string()),
                        ],
                    ),
                    theme.dim(),
                )]
            }
            Section::Missing => vec![Span::styled(t("ui-review-missing-intro"), theme.dim())],
            Section::OpenNotes => {
                vec![Span::styled(t("ui-review-open-notes-intro"), theme.dim())]
            }
            Section::NearTier => match self.review.near_tier {
                NearTier::NotSetUp => vec![],
                NearTier::Members(_) => {
                    vec![Span::styled(t("ui-review-near-intro"), theme.dim())]
                }
            },
        }
    }
}
