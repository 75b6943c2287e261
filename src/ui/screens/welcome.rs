//! The first screen on an empty database: load demo members to try things
//! out, or sign up the first real member. The demo fill is long work on a
//! club of its own connection: a gauge shows the members made so far, Esc
//! cancels it (the fill is one transaction, so nothing of it stays), and
//! the counter shows when it is done.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use ratatui::layout::Position;

use super::signup::SignupState;
use super::welcome_demo::Filling;
use super::{Effect, View};
use crate::context::Ctx;
use crate::i18n::{t, t_args};
use crate::ui::format::{pad, wrap};
use crate::ui::keymap::{Action, DEMO_RUNNING, Keymap, WELCOME, WELCOME_CHAIN, grouped};
use crate::ui::stack::Screen;
use crate::ui::widgets::popup::{centered, frame};

/// How many demo members `d` loads, and with which seed: those of
/// `regulars demo`.
pub use crate::ops::demo::{MEMBERS as DEMO_MEMBERS, SEED as DEMO_SEED};

#[derive(Debug, Default)]
pub struct WelcomeState {
    /// The demo fill, while it runs.
    filling: Option<Filling>,
    /// A branch of a chain: demo members would reach every branch, so
    /// they are not offered.
    in_chain: bool,
}

impl WelcomeState {
    /// The welcome for this club: without the demo in a chain.
    pub fn for_club(ctx: &Ctx) -> Self {
        WelcomeState {
            filling: None,
            in_chain: ctx.config.sync.target().is_some(),
        }
    }

    fn keys(&self) -> Keymap {
        if self.in_chain {
            WELCOME_CHAIN
        } else {
            WELCOME
        }
    }

    /// The demo fill is running.
    pub fn is_filling(&self) -> bool {
        self.filling.is_some()
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if let Some(filling) = &self.filling {
            if action == Action::Back {
                filling.cancel();
            }
            return Effect::None;
        }
        match action {
            Action::LoadDemo if !self.in_chain => {
                self.filling = Some(Filling::start(ctx, DEMO_MEMBERS, DEMO_SEED));
                Effect::None
            }
            // The form takes the welcome's place: Esc on it shows the counter.
            Action::SignUp => Effect::Replace(Box::new(SignupState::new(""))),
            Action::Back => Effect::Back,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    /// Takes what the fill said; when it ended, what follows from that.
    fn poll(&mut self) -> Effect {
        let Some(filling) = &mut self.filling else {
            return Effect::None;
        };
        let effect = filling.poll();
        if filling.ended() {
            self.filling = None;
        }
        effect
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) {
        let theme = view.theme;
        let box_area = centered(area, 64, 13);
        let inner = frame(box_area, buf, &view.dir.text(&t("ui-welcome-title")), theme);
        if let Some(filling) = &self.filling {
            filling.render(inner.inner(ratatui::layout::Margin::new(1, 1)), buf, view);
            return;
        }
        let text_area = inner.inner(ratatui::layout::Margin::new(1, 0));
        // Wrapped before each line is put in drawing order, so a Hebrew
        // sentence's first words stay on its first line.
        let cols = text_area.width as usize;
        let wrapped = |text: &str, style: Style| -> Vec<Line<'static>> {
            wrap(text, cols)
                .into_iter()
                .map(|l| Line::styled(l, style))
                .collect()
        };
        let mut lines = vec![Line::raw("")];
        lines.extend(wrapped(
            &t_args("ui-welcome-empty", &[("shop", &view.config.shop.name)]),
            Style::new(),
        ));
        lines.push(Line::raw(""));
        for (keys, label, _) in grouped(self.keys(), true) {
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
        let later = if self.in_chain {
            "demo-err-chain"
        } else {
            "ui-welcome-later"
        };
        lines.extend(wrapped(&t(later), theme.dim()));
        Paragraph::new(view.dir.lines(lines)).render(text_area, buf);
    }
}

impl Screen for WelcomeState {
    fn name(&self) -> &'static str {
        "welcome"
    }

    fn keymap(&self) -> Keymap {
        if self.filling.is_some() {
            DEMO_RUNNING
        } else {
            self.keys()
        }
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-welcome", self.keys()),
            ("ui-help-demo-running", DEMO_RUNNING),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        WelcomeState::update(self, action, ctx)
    }

    fn working(&self) -> bool {
        self.filling.is_some()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        WelcomeState::poll(self)
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.filling.as_mut().is_some_and(|f| f.run_here(ctx))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        WelcomeState::render(self, area, buf, view);
        None
    }
}
