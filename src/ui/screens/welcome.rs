//! The first screen on an empty database: load demo members to try things
//! out, or sign up the first real member.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use ratatui::layout::Position;

use super::signup::SignupState;
use super::{Effect, View};
use crate::context::Ctx;
use crate::i18n::{t, t_args};
use crate::ui::format::pad;
use crate::ui::keymap::{Action, Keymap, WELCOME, grouped};
use crate::ui::stack::Screen;
use crate::ui::widgets::popup::{centered, frame};

/// How many demo members `d` loads, and with which seed: those of
/// `regulars demo`.
pub use crate::ops::demo::{MEMBERS as DEMO_MEMBERS, SEED as DEMO_SEED};

#[derive(Debug, Default)]
pub struct WelcomeState;

impl WelcomeState {
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::LoadDemo => Effect::LoadDemo,
            // The form takes the welcome's place: Esc on it shows the counter.
            Action::SignUp => Effect::Replace(Box::new(SignupState::new(""))),
            Action::Back => Effect::Back,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let box_area = centered(area, 64, 13);
        let inner = frame(box_area, buf, &t("ui-welcome-title"), theme);
        let mut lines = vec![
            Line::raw(""),
            Line::raw(t_args(
                "ui-welcome-empty",
                &[("shop", &view.config.shop.name)],
            )),
            Line::raw(""),
        ];
        for (keys, label, _) in grouped(WELCOME, true) {
            let label = if label == t("ui-key-load-demo") {
                t_args("ui-welcome-demo", &[("count", &DEMO_MEMBERS.to_string())])
            } else {
                label
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(pad(&keys, 6), theme.key()),
                Span::raw(label),
            ]));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(t("ui-welcome-later"), theme.dim()));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
    }
}

impl Screen for WelcomeState {
    fn name(&self) -> &'static str {
        "welcome"
    }

    fn keymap(&self) -> Keymap {
        WELCOME
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![("ui-help-welcome", WELCOME)]
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Effect {
        WelcomeState::update(self, action)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        WelcomeState::render(self, area, buf, view);
        None
    }
}
