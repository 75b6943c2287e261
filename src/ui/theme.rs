//! Colours and text styles. With `NO_COLOR` set the screens use no colour at
//! all, only bold, underline and reverse video, and plain-text markers
//! instead of emoji.

use ratatui::style::{Color, Modifier, Style};

use crate::i18n::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colours may be used.
    pub color: bool,
    /// Emoji such as the birthday cake can be drawn (not on the Linux
    /// console, which has no glyph for them, nor with `NO_COLOR`).
    pub emoji: bool,
}

impl Theme {
    /// Reads `NO_COLOR` (any non-empty value) and `TERM`.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let console = std::env::var("TERM").is_ok_and(|term| term == "linux");
        Theme {
            color: !no_color,
            emoji: !no_color && !console,
        }
    }

    /// Colours and emoji.
    pub fn colored() -> Theme {
        Theme {
            color: true,
            emoji: true,
        }
    }

    /// What `NO_COLOR` gives.
    pub fn plain() -> Theme {
        Theme {
            color: false,
            emoji: false,
        }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn title_bar(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Cyan),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn heading(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn selected(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Yellow),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn good(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.dim(),
        }
    }

    /// The area of a text field: visible even when empty.
    pub fn field(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().bg(Color::Indexed(236)).fg(Color::White),
            (false, true) => Style::new().bg(Color::Indexed(234)),
            (_, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The text a selected row or text in the search shows before typing
    /// replaces it.
    pub fn replaceable(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The birthday marker in lists: a cake, or plain text.
    pub fn birthday_marker(&self) -> String {
        if self.emoji {
            "🎂".to_string()
        } else {
            t("ui-birthday-marker-plain")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_theme_has_no_colours() {
        let plain = Theme::plain();
        for style in [
            plain.title_bar(),
            plain.heading(),
            plain.selected(),
            plain.dim(),
            plain.error(),
            plain.good(),
            plain.key(),
            plain.border(true),
            plain.field(true),
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(!plain.birthday_marker().contains('🎂'));
        assert_eq!(Theme::colored().birthday_marker(), "🎂");
    }
}
