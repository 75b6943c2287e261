//! `[ui]`: how the screens are drawn on this terminal.

use serde::Deserialize;

/// Who puts right-to-left text in drawing order: the app, or the terminal
/// (GNOME Terminal, Tilix, Konsole and mlterm reorder it themselves, and
/// would reverse what the app reordered a second time).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Bidi {
    /// Decided from the environment at start-up.
    #[default]
    Auto,
    App,
    Terminal,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct UiSettings {
    pub bidi: Bidi,
}
