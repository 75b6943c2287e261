//! `?` / F1: the keys of the current screen, drawn from the same keymap
//! tables that dispatch them, plus what typing does there.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::i18n::t;
use crate::message::Message;
use crate::ui::direction::Direction;
use crate::ui::format::{pad, width, wrap};
use crate::ui::keymap::{Action, GLOBAL, Keymap, grouped_back};
use crate::ui::theme::Theme;

/// Lines one PgUp/PgDn moves: most of what the smallest window shows.
const PAGE: u16 = 15;

#[derive(Debug)]
pub struct HelpState {
    /// Locale keys: help is worded as it is drawn.
    title: String,
    intro: String,
    sections: Vec<(&'static str, Keymap)>,
    /// Where Esc goes on the screen below help ("back to the review").
    back: Option<Message>,
    scroll: u16,
}

impl HelpState {
    /// Help for a screen: its title and intro (locale keys) and its tables.
    pub fn new(
        title_key: &str,
        intro_key: &str,
        sections: Vec<(&'static str, Keymap)>,
        back: Option<Message>,
    ) -> HelpState {
        HelpState {
            title: title_key.to_string(),
            intro: intro_key.to_string(),
            sections,
            back,
            scroll: 0,
        }
    }

    /// False when help closes.
    pub fn update(&mut self, action: Action) -> bool {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(PAGE),
            Action::Top => self.scroll = 0,
            Action::Down => self.scroll = (self.scroll + 1).min(self.last_scroll()),
            Action::PageDown => self.scroll = (self.scroll + PAGE).min(self.last_scroll()),
            Action::Bottom => self.scroll = self.last_scroll(),
            Action::Back | Action::Help => return false,
            _ => {}
        }
        true
    }

    /// How far help scrolls: bounded for the smallest window (80×24);
    /// larger ones show more and clamp when drawing.
    fn last_scroll(&self) -> u16 {
        let lines = self.lines(76, &Theme::plain()).len() as u16;
        lines.saturating_sub(19)
    }

    fn lines(&self, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
        let back = self.back.as_ref().map(|m| m.to_string());
        let mut lines: Vec<Line> = wrap(&t(&self.intro), cols)
            .into_iter()
            .map(Line::raw)
            .collect();
        let sections = self
            .sections
            .iter()
            .copied()
            .chain(std::iter::once(("ui-help-everywhere", GLOBAL)));
        for (heading, map) in sections {
            lines.push(Line::raw(""));
            lines.push(Line::styled(t(heading), theme.heading()));
            let rows = grouped_back(map, true, back.as_deref());
            let key_cols = rows
                .iter()
                .map(|(k, ..)| width(k))
                .max()
                .unwrap_or(0)
                .clamp(6, 24)
                + 2;
            for (keys, label, _) in rows {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(pad(&keys, key_cols), theme.key()),
                    Span::raw(label),
                ]));
            }
        }
        lines
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme, dir: Direction) {
        ratatui::widgets::Clear.render(area, buf);
        let mut block = Block::bordered()
            .border_style(theme.border(true))
            .title(dir.title(&t(&self.title), theme.heading()));
        // Two columns of margin inside the border.
        let cols = area.width.saturating_sub(4) as usize;
        // Each key beside its label in reading order; in Hebrew the keys
        // are on the right.
        let lines: Vec<Line> = self
            .lines(cols, theme)
            .into_iter()
            .map(|line| dir.text_line(line))
            .collect();
        let max_scroll = (lines.len() as u16).saturating_sub(area.height.saturating_sub(2));
        if self.scroll < max_scroll {
            let more = Line::styled(format!(" {} ", t("ui-help-more")), theme.key());
            block = block.title_bottom(more.right_aligned());
        }
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        Paragraph::new(lines)
            .scroll((self.scroll.min(max_scroll), 0))
            .render(inner, buf);
    }
}
