//! The survey's page of the Stats screen (`v` there): each question of the
//! config with how many answered it in the Stats screen's period, and the
//! mean of a scale, the count of each choice, or the latest five answers
//! in words.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::club_health::Period;
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::ops::survey::{QuestionSummary, summary};
use crate::ui::keymap::{Action, Keymap, STATS_SURVEY};
use crate::ui::stack::Screen;
use crate::words::dates::date_with_year;
use crate::words::survey::{heading, summary_lines};
use crate::words::text::{fit, pad, width};

#[derive(Debug)]
pub struct SurveyStatsState {
    period: Period,
    summaries: Vec<QuestionSummary>,
    scroll: u16,
}

impl SurveyStatsState {
    /// The summaries of `period`: a few hundred answers at most, read at once.
    pub fn open(ctx: &Ctx, period: Period) -> Result<SurveyStatsState> {
        Ok(SurveyStatsState {
            period,
            summaries: summary(ctx, period.from, period.to)?,
            scroll: 0,
        })
    }

    pub fn summaries(&self) -> &[QuestionSummary] {
        &self.summaries
    }

    fn lines(&self, view: &View, cols: usize) -> Vec<Line<'static>> {
        let theme = view.theme;
        if self.summaries.is_empty() {
            return vec![
                Line::raw(view.dir.text(&t("ui-stats-survey-none")))
                    .alignment(view.dir.alignment()),
            ];
        }
        let mut lines = vec![];
        for (i, s) in self.summaries.iter().enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(
                Line::from(Span::styled(
                    view.dir.text(&fit(&heading(i, s), cols)),
                    theme.heading(),
                ))
                .alignment(view.dir.alignment()),
            );
            let rows = summary_lines(s);
            let label_cols = rows
                .iter()
                .map(|(label, _)| width(label))
                .max()
                .unwrap_or(0)
                .min(cols / 2);
            for (label, value) in rows {
                let label = pad(&fit(&label, label_cols), label_cols + 2);
                let value = fit(&value, cols.saturating_sub(label_cols + 4));
                lines.push(
                    view.dir
                        .line(vec![Span::raw(format!("  {label}")), Span::raw(value)]),
                );
            }
        }
        lines
    }
}

impl Screen for SurveyStatsState {
    fn name(&self) -> &'static str {
        "stats_survey"
    }

    fn keymap(&self) -> Keymap {
        STATS_SURVEY
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![("ui-help-stats-survey", STATS_SURVEY)]
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Effect {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let heading = t_args(
            "ui-stats-survey-title",
            &[
                ("from", &date_with_year(self.period.from)),
                ("to", &date_with_year(self.period.to)),
            ],
        );
        let block = Block::bordered()
            .border_style(view.theme.border(true))
            .title(view.dir.title(&heading, view.theme.heading()));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let lines = self.lines(view, inner.width as usize);
        let last = (lines.len() as u16).saturating_sub(inner.height);
        Paragraph::new(lines)
            .scroll((self.scroll.min(last), 0))
            .render(inner, buf);
        None
    }
}
