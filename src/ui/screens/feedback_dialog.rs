//! The feedback question at the counter: "How likely are you to recommend
//! us?" (NPS, 0–10, `v`) or "How satisfied were you today?" (CSAT, 1–5,
//! `y`), asked from a member's card or, without a member, from the
//! counter's list. One key stores the answer (a digit, `=` for 10); ←→ and
//! Enter do the same for whoever prefers to pick; Esc asks nothing.
//!
//! The answer goes through the same operation as `regulars feedback`, so
//! the review bonus follows the same rule; the message line then says what
//! was stored and whether the bonus came with it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::club_health::Answer;
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::feedback;
use crate::ui::keymap::{Action, FEEDBACK, Keymap};
use crate::ui::stack::Screen;
use crate::ui::widgets::popup::{centered, frame};

/// Which question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Nps,
    Csat,
}

impl Scale {
    /// The answer `score` on this scale.
    pub fn answer(self, score: i64) -> Answer {
        match self {
            Scale::Nps => Answer::Nps(score),
            Scale::Csat => Answer::Csat(score),
        }
    }

    /// The question's words and what its two ends mean.
    fn question(self) -> (&'static str, &'static str) {
        match self {
            Scale::Nps => ("ui-feedback-nps-question", "ui-feedback-nps-ends"),
            Scale::Csat => ("ui-feedback-csat-question", "ui-feedback-csat-ends"),
        }
    }
}

/// The answers a question offers, each with the key that stores it: a
/// scale's scores, or a survey question's choices (1, 2, 3…).
#[derive(Debug, Clone, PartialEq)]
pub struct Picks {
    /// (the answer key's [`Action::Answer`] value, what is shown).
    options: Vec<(u8, String)>,
    picked: usize,
    /// Scores side by side; choices one under the other.
    side_by_side: bool,
}

impl Picks {
    /// A scale from `lowest` to `highest` (at most 0–10).
    pub fn scale(lowest: u8, highest: u8) -> Picks {
        Picks {
            options: (lowest..=highest.min(10))
                .map(|n| (n, n.to_string()))
                .collect(),
            picked: 0,
            side_by_side: true,
        }
    }

    /// Choices stored with the keys 1, 2, 3… (at most nine).
    pub fn choices(names: &[String]) -> Picks {
        Picks {
            options: (1u8..=9).zip(names.iter().cloned()).collect(),
            picked: 0,
            side_by_side: false,
        }
    }

    /// The position of the answer the key `value` stores, if it is one.
    pub fn position_of(&self, value: u8) -> Option<usize> {
        self.options.iter().position(|(v, _)| *v == value)
    }

    /// The key value of the picked answer (None: a question without any).
    pub fn picked(&self) -> Option<u8> {
        self.options.get(self.picked).map(|(value, _)| *value)
    }

    pub fn label(&self, position: usize) -> Option<&str> {
        self.options.get(position).map(|(_, l)| l.as_str())
    }

    pub fn step(&mut self, delta: isize) {
        let n = self.options.len() as isize;
        self.picked = (self.picked as isize + delta).clamp(0, (n - 1).max(0)) as usize;
    }

    /// The key that stores `value`: its digit, `=` for 10.
    fn key_name(value: u8) -> String {
        if value == 10 {
            "=".into()
        } else {
            value.to_string()
        }
    }

    /// The rows that draw the answers, the picked one marked.
    pub fn lines(&self, view: &View) -> Vec<Line<'static>> {
        let theme = view.theme;
        if self.side_by_side {
            let cells = self
                .options
                .iter()
                .enumerate()
                .map(|(i, (_, label))| {
                    let style = if i == self.picked {
                        theme.selected()
                    } else {
                        theme.key()
                    };
                    Span::styled(format!(" {label} "), style)
                })
                .collect();
            // Scores read low to high from where reading starts.
            return vec![view.dir.line(cells)];
        }
        self.options
            .iter()
            .enumerate()
            .map(|(i, (value, label))| {
                let style = if i == self.picked {
                    theme.selected()
                } else {
                    ratatui::style::Style::new()
                };
                view.dir.line(vec![
                    Span::styled(format!(" {} ", Self::key_name(*value)), theme.key()),
                    Span::styled(format!(" {label} "), style),
                ])
            })
            .collect()
    }
}

/// What the one-key hint under the answers says: "0–9, = for 10".
pub fn keys_hint(picks: &Picks) -> String {
    let first = picks.options.first().map_or(0, |(v, _)| *v);
    let last = picks.options.last().map_or(0, |(v, _)| *v);
    let digits_to = last.min(9);
    let range = format!("{}–{}", Picks::key_name(first), Picks::key_name(digits_to));
    if last == 10 {
        t_args("ui-feedback-keys-ten", &[("keys", &range)])
    } else {
        t_args("ui-feedback-keys", &[("keys", &range)])
    }
}

/// The feedback question over the card or the counter.
#[derive(Debug)]
pub struct FeedbackDialog {
    /// (id, name) of the member answering; None: an anonymous answer.
    member: Option<(i64, String)>,
    scale: Scale,
    picks: Picks,
}

impl FeedbackDialog {
    pub fn new(member: Option<(i64, String)>, scale: Scale) -> FeedbackDialog {
        let picks = match scale {
            Scale::Nps => Picks::scale(0, 10),
            Scale::Csat => Picks::scale(1, 5),
        };
        FeedbackDialog {
            member,
            scale,
            picks,
        }
    }

    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// Stores the score and closes; a refusal stays on the dialog's line.
    fn store(&self, score: u8, ctx: &Ctx) -> Effect {
        let answer = self.scale.answer(i64::from(score));
        let member = self.member.as_ref().map(|(id, _)| *id);
        match feedback::record(ctx, member, answer, "counter") {
            Ok(saved) => Effect::Many(vec![Effect::Back, Effect::Notice(said(ctx, &saved))]),
            Err(e) => e.into(),
        }
    }
}

/// "NPS 9 stored for Ana Kovač, with the review bonus of 20 points."
pub fn said(ctx: &Ctx, saved: &feedback::Recorded) -> Message {
    let what = saved.answer.label();
    let score = saved.answer.score().to_string();
    match &saved.name {
        None => Message::new(
            "ui-feedback-saved-anonymous",
            &[("what", what), ("score", &score)],
        ),
        Some(name) if saved.bonus_given => Message::new(
            "ui-feedback-saved-bonus",
            &[("what", what), ("score", &score), ("name", name)],
        )
        .and("points", Message::points(ctx.program().points.review_bonus)),
        Some(name) => Message::new(
            "ui-feedback-saved-no-bonus",
            &[("what", what), ("score", &score), ("name", name)],
        ),
    }
}

impl Screen for FeedbackDialog {
    fn name(&self) -> &'static str {
        "feedback"
    }

    fn keymap(&self) -> Keymap {
        FEEDBACK
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![("ui-help-feedback", FEEDBACK)]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match action {
            // A key off the scale (0 or 6–9 for CSAT) stores nothing.
            Action::Answer(value) => match self.picks.position_of(value) {
                Some(_) => self.store(value, ctx),
                None => Effect::None,
            },
            Action::Left => {
                self.picks.step(-1);
                Effect::None
            }
            Action::Right => {
                self.picks.step(1);
                Effect::None
            }
            Action::Save => match self.picks.picked() {
                Some(value) => self.store(value, ctx),
                None => Effect::None,
            },
            Action::Back => Effect::Back,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let title = match &self.member {
            Some((_, name)) => t_args("ui-feedback-title", &[("name", name)]),
            None => t("ui-feedback-title-anonymous"),
        };
        let popup = centered(area, 66, 11);
        let inner = frame(popup, buf, &view.dir.text(&title), theme).inner(Margin::new(1, 0));
        let (question, ends) = self.scale.question();
        let text_line = |s: String, style| {
            Line::from(Span::styled(view.dir.text(&s), style)).alignment(view.dir.alignment())
        };
        let mut lines = vec![
            Line::raw(""),
            text_line(t(question), theme.heading()),
            text_line(t(ends), theme.dim()),
            Line::raw(""),
        ];
        lines.extend(self.picks.lines(view));
        lines.push(Line::raw(""));
        lines.push(text_line(
            keys_hint(&self.picks),
            ratatui::style::Style::new(),
        ));
        lines.push(text_line(t("ui-feedback-esc"), theme.dim()));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
        None
    }
}
