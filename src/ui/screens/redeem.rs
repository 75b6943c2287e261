//! Redeeming points at the counter: type a number of points or pick a
//! reward from the config's list with ↑↓; the new balance shows as you go,
//! and a balance too low is said before anything is asked. Enter asks to
//! confirm; the app writes the redemption durably before saying it is done.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;

use super::{Confirm, Effect, LoyaltyEffect, View};
use crate::domain::loyalty_config::Reward;
use crate::i18n::{t, t_args, t_count};
use crate::message::Message;
use crate::ops::loyalty::redeem_problem;
use crate::ui::direction::number_cell;
use crate::ui::format::{pad, wrap};
use crate::ui::keymap::{Action, Keymap, REDEEM};
use crate::ui::widgets::field::{LABEL_COLS, TextField, render_row};
use crate::ui::widgets::popup::{centered, frame};

#[derive(Debug)]
pub struct RedeemState {
    member_name: String,
    balance: i64,
    rewards: Vec<Reward>,
    field: TextField,
    /// The reward picked with ↑↓; typing another number drops it.
    picked: Option<usize>,
}

impl RedeemState {
    pub fn new(member_name: &str, balance: i64, rewards: Vec<Reward>) -> RedeemState {
        RedeemState {
            member_name: member_name.to_string(),
            balance,
            rewards,
            field: TextField::default(),
            picked: None,
        }
    }

    pub fn keymap(&self) -> Keymap {
        REDEEM
    }

    pub fn picked(&self) -> Option<&Reward> {
        self.picked.and_then(|i| self.rewards.get(i))
    }

    /// The points typed, if they are a whole number.
    fn points(&self) -> Option<i64> {
        let typed: String = self.field.value().chars().filter(|c| *c != ' ').collect();
        typed.parse().ok()
    }

    /// What is wrong with the typed points, said as soon as it is typed.
    fn problem(&self) -> Option<Message> {
        if self.field.is_blank() {
            return None;
        }
        match self.points() {
            None => Some(Message::plain("ui-redeem-not-number")),
            Some(points) => redeem_problem(self.balance, points).map(|e| e.message()),
        }
    }

    fn pick(&mut self, step: isize) {
        let n = self.rewards.len() as isize;
        if n == 0 {
            return;
        }
        let next = match self.picked {
            None if step > 0 => 0,
            None => n - 1,
            Some(i) => (i as isize + step).rem_euclid(n),
        } as usize;
        self.picked = Some(next);
        self.field.set(&self.rewards[next].points.to_string());
    }

    pub fn update(&mut self, action: Action, member_id: i64) -> Effect {
        match action {
            Action::Input(request) => {
                if self.field.handle(request) {
                    let points = self.points();
                    if self.picked().map(|r| Some(r.points)) != Some(points) {
                        self.picked = None;
                    }
                }
                Effect::None
            }
            Action::Up => {
                self.pick(-1);
                Effect::None
            }
            Action::Down => {
                self.pick(1);
                Effect::None
            }
            Action::Save => self.ask(member_id),
            Action::Back => Effect::Loyalty(LoyaltyEffect::ClosePopup),
            _ => Effect::None,
        }
    }

    fn ask(&mut self, member_id: i64) -> Effect {
        let Some(points) = self.points() else {
            self.field.error = Some(Message::plain("ui-redeem-not-number"));
            return Effect::None;
        };
        if let Some(problem) = redeem_problem(self.balance, points) {
            self.field.error = Some(problem.message());
            return Effect::None;
        }
        let reward = self.picked().map(|r| r.name.clone());
        let after = (self.balance - points).to_string();
        let question = match &reward {
            Some(name) => Message::new(
                "ui-redeem-confirm-reward",
                &[
                    ("reward", name),
                    ("name", &self.member_name),
                    ("balance", &after),
                ],
            ),
            None => Message::new(
                "ui-redeem-confirm",
                &[("name", &self.member_name), ("balance", &after)],
            ),
        }
        .and("points", Message::points(points));
        Effect::Confirm(Confirm {
            title: Message::plain("ui-redeem-confirm-title"),
            question,
            yes: Box::new(Effect::Loyalty(LoyaltyEffect::Redeem {
                member_id,
                points,
                reward,
            })),
        })
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let height = 10 + self.rewards.len().min(6) as u16;
        let popup = centered(area, 64, height);
        let title = t_args("ui-redeem-title", &[("name", &self.member_name)]);
        let inner = frame(popup, buf, &view.dir.text(&title), theme).inner(Margin::new(1, 0));
        let cols = inner.width as usize;
        let mut y = inner.y;
        // One row in drawing order, from where reading starts.
        let line = |buf: &mut Buffer, y: u16, text: &str, style: Style| {
            view.dir.put(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                text,
                style,
            );
        };
        let balance = view.dir.cells(&[
            pad(&t("ui-redeem-balance"), LABEL_COLS as usize),
            t_count("ui-points-count", "count", self.balance),
        ]);
        line(buf, y, &balance, Style::new());
        y += 2;
        let row = Rect::new(inner.x, y, inner.width, 1);
        let hint = self
            .picked()
            .map(|r| (view.dir.text(&r.name), theme.good()));
        let cursor = render_row(
            row,
            buf,
            &t("ui-redeem-points"),
            &self.field,
            true,
            hint,
            view,
        );
        y += 1;
        // The reason a redemption cannot be made, in full (two lines at most).
        if let Some(error) = self.field.error.clone().or_else(|| self.problem()) {
            for (i, text) in wrap(&format!("↳ {error}"), cols)
                .into_iter()
                .take(2)
                .enumerate()
            {
                line(buf, y + i as u16, &view.dir.text(&text), theme.error());
            }
        }
        y += 2;
        if self.rewards.is_empty() {
            line(
                buf,
                y,
                &view.dir.text(&t("ui-redeem-no-rewards")),
                theme.dim(),
            );
            y += 1;
        } else {
            line(
                buf,
                y,
                &view.dir.text(&t("ui-redeem-rewards")),
                theme.heading(),
            );
            y += 1;
            let name_cols = cols.saturating_sub(14);
            for (i, reward) in self.rewards.iter().enumerate().take(6) {
                let marker = view.dir.marker(self.picked == Some(i));
                let text = view.dir.cells(&[
                    marker.to_string(),
                    pad(&reward.name, name_cols),
                    number_cell(&crate::words::numbers::number(reward.points), 10),
                ]);
                let style = if self.picked == Some(i) {
                    theme.selected()
                } else if reward.points > self.balance {
                    theme.dim()
                } else {
                    Style::new()
                };
                line(buf, y, &text, style);
                y += 1;
            }
        }
        y += 1;
        if let Some(points) = self.points().filter(|p| *p > 0 && *p <= self.balance) {
            let after = view.dir.cells(&[
                pad(&t("ui-redeem-after"), LABEL_COLS as usize),
                t_count("ui-points-count", "count", self.balance - points),
            ]);
            line(
                buf,
                y.min(inner.bottom().saturating_sub(1)),
                &after,
                theme.key(),
            );
        }
        cursor
    }
}
