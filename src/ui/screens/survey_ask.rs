//! The owner's survey on the card (`i`): the questions of the config one
//! at a time. A scale or a choice takes one key per answer; a free answer
//! is typed and Enter stores it; Tab (or `s` where letters are not text)
//! skips; Esc stops, and what was answered stays stored. Each answer is
//! stored the moment it is given, dated by the clock.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::feedback_dialog::{Picks, keys_hint};
use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::survey::{Given, Kind, Question};
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::survey;
use crate::ui::keymap::{Action, Keymap, SURVEY_PICK, SURVEY_TEXT};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::{TextField, render_row};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::text::wrap;

#[derive(Debug)]
pub struct SurveyAsk {
    member: i64,
    name: String,
    questions: Vec<Question>,
    /// The question asked now.
    at: usize,
    picks: Picks,
    field: TextField,
    answered: usize,
}

impl SurveyAsk {
    /// The survey for member `member` (named `name`); a refusal naming the
    /// config when the owner has written no questions yet.
    pub fn open(ctx: &Ctx, member: i64, name: &str) -> Effect {
        let questions = survey::questions(ctx).to_vec();
        if questions.is_empty() {
            return Effect::Error(Message::plain("ui-survey-none"));
        }
        let mut state = SurveyAsk {
            member,
            name: name.to_string(),
            questions,
            at: 0,
            picks: Picks::scale(0, 0),
            field: TextField::default(),
            answered: 0,
        };
        state.ask();
        Effect::Open(Box::new(state))
    }

    pub fn question(&self) -> &Question {
        &self.questions[self.at]
    }

    /// Sets up the answers of the question now asked.
    fn ask(&mut self) {
        let q = &self.questions[self.at];
        self.picks = match q.kind {
            Kind::Nps => Picks::scale(0, 10),
            Kind::Csat => Picks::scale(1, 5),
            Kind::Choice => Picks::choices(&q.choices),
            Kind::Text => Picks::scale(0, 0),
        };
        self.field = TextField::default();
    }

    /// The next question, or the card again after the last.
    fn next(&mut self) -> Effect {
        if self.at + 1 >= self.questions.len() {
            return self.stop();
        }
        self.at += 1;
        self.ask();
        Effect::None
    }

    /// Back to the card, saying how many answers were stored.
    fn stop(&self) -> Effect {
        let said = Message::count("ui-survey-done", "count", self.answered as i64)
            .and("name", crate::message::Arg::Text(self.name.clone()));
        Effect::Many(vec![Effect::Back, Effect::Notice(said)])
    }

    fn store(&mut self, given: Given, ctx: &Ctx) -> Effect {
        let question = self.questions[self.at].clone();
        match survey::record(ctx, self.member, &question, &given, "counter") {
            Ok(_) => {
                self.answered += 1;
                self.next()
            }
            Err(e) => e.into(),
        }
    }

    /// The answer the picked option (or the key `value`) stands for.
    fn given(&self, value: u8) -> Option<Given> {
        let position = self.picks.position_of(value)?;
        match self.question().kind {
            Kind::Choice => Some(Given::Words(self.picks.label(position)?.to_string())),
            _ => Some(Given::Score(i64::from(value))),
        }
    }
}

impl Screen for SurveyAsk {
    fn name(&self) -> &'static str {
        "survey"
    }

    fn keymap(&self) -> Keymap {
        if self.text_focus() {
            SURVEY_TEXT
        } else {
            SURVEY_PICK
        }
    }

    fn text_focus(&self) -> bool {
        self.question().kind == Kind::Text
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-survey-pick", SURVEY_PICK),
            ("ui-help-survey-text", SURVEY_TEXT),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let text = self.text_focus();
        match action {
            Action::Input(request) if text => {
                self.field.handle(request);
                Effect::None
            }
            Action::Answer(value) if !text => match self.given(value) {
                Some(given) => self.store(given, ctx),
                None => Effect::None,
            },
            Action::Left if !text => {
                self.picks.step(-1);
                Effect::None
            }
            Action::Right if !text => {
                self.picks.step(1);
                Effect::None
            }
            Action::Save if text => match self.question().read(self.field.value()) {
                Some(given) => self.store(given, ctx),
                // Enter on nothing typed moves on, as a skip would.
                None => self.next(),
            },
            Action::Save => match self.picks.picked().and_then(|v| self.given(v)) {
                Some(given) => self.store(given, ctx),
                None => Effect::None,
            },
            Action::Skip => self.next(),
            Action::Back => self.stop(),
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let q = self.question();
        let title = t_args(
            "ui-survey-title",
            &[
                ("name", &self.name),
                ("number", &(self.at + 1).to_string()),
                ("total", &self.questions.len().to_string()),
            ],
        );
        let height = 10
            + if q.kind == Kind::Choice {
                q.choices.len() as u16
            } else {
                1
            };
        let popup = centered(area, 70, height);
        let inner = frame(popup, buf, &view.dir.text(&title), theme).inner(Margin::new(1, 0));
        let cols = inner.width as usize;
        let text_line = |s: &str, style: Style| {
            Line::from(Span::styled(view.dir.text(s), style)).alignment(view.dir.alignment())
        };
        let mut lines = vec![Line::raw("")];
        for part in wrap(q.text.trim(), cols).into_iter().take(2) {
            lines.push(text_line(&part, theme.heading()));
        }
        let ends = match q.kind {
            Kind::Nps => Some("ui-feedback-nps-ends"),
            Kind::Csat => Some("ui-feedback-csat-ends"),
            Kind::Choice | Kind::Text => None,
        };
        if let Some(ends) = ends {
            lines.push(text_line(&t(ends), theme.dim()));
        }
        lines.push(Line::raw(""));
        let mut cursor = None;
        if q.kind == Kind::Text {
            let row = Rect::new(inner.x, inner.y + lines.len() as u16, inner.width, 1);
            cursor = render_row(
                row,
                buf,
                &t("ui-survey-answer"),
                &self.field,
                true,
                None,
                view,
            );
            lines.push(Line::raw(""));
            lines.push(Line::raw(""));
            lines.push(text_line(&t("ui-survey-keys-text"), Style::new()));
        } else {
            lines.extend(self.picks.lines(view));
            lines.push(Line::raw(""));
            lines.push(text_line(&keys_hint(&self.picks), Style::new()));
            lines.push(text_line(&t("ui-survey-keys-skip"), theme.dim()));
        }
        // The text field was drawn in its row; the lines skip over it.
        let y = inner.y;
        for (i, line) in lines.into_iter().enumerate() {
            let row = Rect::new(inner.x, y + i as u16, inner.width, 1);
            if row.bottom() > inner.bottom() {
                break;
            }
            if line.spans.is_empty() {
                continue;
            }
            Paragraph::new(line).render(row, buf);
        }
        cursor
    }
}
