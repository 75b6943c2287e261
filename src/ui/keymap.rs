//! Which key does what, per screen. Each table row is (keys, action, label
//! in the locale file, shown in the status bar or not); the same rows drive
//! dispatch, the status bar and the `?` help screen, so they cannot drift.
//!
//! A key that no table of the focused part claims goes into the focused text
//! field, if there is one: that is how every printable character but `?`
//! reaches the counter's search.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};
use tui_input::backend::crossterm::to_input_request;

use crate::i18n::t;

#[path = "keymap_events.rs"]
mod events;
#[path = "keymap_feedback.rs"]
mod feedback;
#[path = "keymap_mapping.rs"]
mod mapping;
#[path = "keymap_notes.rs"]
mod notes;
#[path = "keymap_referral.rs"]
mod referral;
#[path = "keymap_screens.rs"]
mod screens;
#[path = "keymap_stats.rs"]
mod stats;
pub use crate::ui::keys::{Action, Key, ch, ctrl, key};
pub use events::*;
pub use feedback::*;
pub use mapping::*;
pub use notes::*;
pub use referral::*;
pub use screens::*;
pub use stats::*;

/// One row of a keymap table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// Locale key of what the key does; rows with the same label are shown
    /// together ("↑↓ move").
    pub label: &'static str,
    /// Shown in the status bar (every row is shown in help).
    pub hint: bool,
}

pub type Keymap = &'static [Binding];

const fn b(keys: &'static [Key], action: Action, label: &'static str, hint: bool) -> Binding {
    Binding {
        keys,
        action,
        label,
        hint,
    }
}

const UP: Key = key(KeyCode::Up);
const DOWN: Key = key(KeyCode::Down);
const ENTER: Key = key(KeyCode::Enter);
const ESC: Key = key(KeyCode::Esc);
const TAB: Key = key(KeyCode::Tab);
const BACKTAB: Key = key(KeyCode::BackTab);
const F1: Key = key(KeyCode::F(1));
const F2: Key = key(KeyCode::F(2));

const HELP: Binding = b(&[ch('?'), F1], Action::Help, "ui-key-help", true);
/// In forms `?` is text (a note may ask something), so help is F1 only.
const HELP_F1: Binding = b(&[F1], Action::Help, "ui-key-help", true);
const QUIT: Binding = b(&[ch('q')], Action::Quit, "ui-key-quit", true);
const NEXT_FIELD: Binding = b(&[TAB, DOWN], Action::NextField, "ui-key-next-field", true);
const PREV_FIELD: Binding = b(
    &[BACKTAB, UP],
    Action::PrevField,
    "ui-key-prev-field",
    false,
);
const PAGE_UP: Binding = b(
    &[key(KeyCode::PageUp)],
    Action::PageUp,
    "ui-key-page",
    false,
);
const PAGE_DOWN: Binding = b(
    &[key(KeyCode::PageDown)],
    Action::PageDown,
    "ui-key-page",
    false,
);
const SAVE: Binding = b(&[ENTER], Action::Save, "ui-key-save", true);
const CANCEL: Binding = b(&[ESC], Action::Back, "ui-key-cancel", true);

/// The label of a row that closes the screen: it names where that leads,
/// the screen below ("back to the review"), and says this when the
/// counter is below.
pub const BACK_BELOW: &str = "ui-key-to-counter";
/// The same, saying only "back" when the counter is below (the review's
/// status bar has no room for more).
pub const BACK_BELOW_SHORT: &str = "ui-key-back";
const BACK: Binding = b(&[ESC], Action::Back, BACK_BELOW, true);
const BACK_SHORT: Binding = b(&[ESC], Action::Back, BACK_BELOW_SHORT, true);

/// Checked after the focused part's own table, everywhere.
pub const GLOBAL: Keymap = &[b(&[ctrl('c')], Action::Quit, "ui-key-quit-always", false)];

pub const WELCOME: Keymap = &[
    b(&[ch('d')], Action::LoadDemo, "ui-key-load-demo", true),
    b(&[ch('n')], Action::SignUp, "ui-key-sign-up-first", true),
    BACK,
    QUIT,
    HELP,
];

/// The welcome of a chain's new branch: no demo members, which would
/// reach every branch.
pub const WELCOME_CHAIN: Keymap = &[
    b(&[ch('n')], Action::SignUp, "ui-key-sign-up-first", true),
    BACK,
    QUIT,
    HELP,
];

pub const COUNTER_SEARCH: Keymap = &[
    b(&[UP], Action::Up, "ui-key-move", true),
    b(&[DOWN], Action::Down, "ui-key-move", true),
    PAGE_UP,
    PAGE_DOWN,
    b(&[ENTER], Action::Open, "ui-key-open", true),
    b(&[ESC], Action::ClearSearch, "ui-key-clear-search", true),
    // Every printable key is search text here, so the review has an F key.
    b(&[F2], Action::OpenReview, "ui-key-review", true),
    b(&[F4], Action::Settings, "ui-key-settings", true),
    HELP,
];

pub const COUNTER_LIST: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    PAGE_UP,
    PAGE_DOWN,
    b(&[ENTER], Action::Open, "ui-key-open", true),
    b(&[ch('w'), F2], Action::OpenReview, "ui-key-review", true),
    b(&[ch('n')], Action::SignUp, "ui-key-sign-up", true),
    b(&[ch('i')], Action::OpenImport, "ui-key-import", true),
    b(&[ch('u')], Action::OpenUnmatched, "ui-key-unmatched", false),
    b(&[ch('t')], Action::Tiers, "ui-key-tiers", true),
    b(&[ch('g')], Action::Segments, "ui-key-segments", true),
    b(&[ch('d')], Action::Duplicates, "ui-key-duplicates", false),
    b(&[ch('a')], Action::Stats, "ui-key-stats", false),
    b(&[ch('v')], Action::AskNps, "ui-key-ask-nps", false),
    b(&[ch('y')], Action::AskCsat, "ui-key-ask-csat", false),
    b(&[ch('e')], Action::Events, "ui-key-events", false),
    b(&[ch('s'), F4], Action::Settings, "ui-key-settings", true),
    b(&[ch('/'), ESC], Action::FocusSearch, "ui-key-search", true),
    QUIT,
    HELP,
];

pub const SIGNUP_FIELD: Keymap = &[NEXT_FIELD, PREV_FIELD, SAVE, CANCEL, HELP_F1];

pub const SIGNUP_CONSENT: Keymap = &[
    b(
        &[key(KeyCode::Char(' '))],
        Action::Toggle,
        "ui-key-toggle",
        true,
    ),
    b(&[key(KeyCode::Left)], Action::Left, "ui-key-choose", true),
    b(&[key(KeyCode::Right)], Action::Right, "ui-key-choose", true),
    NEXT_FIELD,
    PREV_FIELD,
    SAVE,
    CANCEL,
    HELP,
];

pub const DUPLICATE: Keymap = &[
    b(
        &[ch('o')],
        Action::OpenExisting,
        "ui-key-open-existing",
        true,
    ),
    b(&[ch('s')], Action::SaveAnyway, "ui-key-save-anyway", true),
    b(&[UP], Action::Up, "ui-key-move", true),
    b(&[DOWN], Action::Down, "ui-key-move", true),
    b(&[ESC], Action::Back, "ui-key-back-to-form", true),
    HELP,
];

/// A phone, email or card another member holds: open them, or fix the form.
pub const TAKEN: Keymap = &[
    b(
        &[ch('o')],
        Action::OpenExisting,
        "ui-key-open-existing",
        true,
    ),
    b(&[ESC], Action::Back, "ui-key-back-to-form", true),
    HELP,
];

/// The member card's visits and habits page.
pub const MEMBER_PURCHASES: Keymap = &[
    b(&[TAB], Action::SwitchPage, "ui-key-details", true),
    b(&[UP, ch('k')], Action::Up, "ui-key-scroll-history", true),
    b(
        &[DOWN, ch('j')],
        Action::Down,
        "ui-key-scroll-history",
        true,
    ),
    PAGE_UP,
    PAGE_DOWN,
    BACK,
    QUIT,
    HELP,
];

pub const FAMILY_FORM: Keymap = &[NEXT_FIELD, PREV_FIELD, SAVE, CANCEL, HELP_F1];

pub const HELP_SCREEN: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-scroll", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-scroll", true),
    PAGE_UP,
    PAGE_DOWN,
    b(&[key(KeyCode::Home)], Action::Top, "ui-key-home-end", false),
    b(
        &[key(KeyCode::End)],
        Action::Bottom,
        "ui-key-home-end",
        false,
    ),
    b(
        &[ESC, ch('?'), F1, ch('q')],
        Action::Back,
        "ui-key-close-help",
        true,
    ),
];

pub const CONFIRM: Keymap = &[
    b(&[ch('y')], Action::Yes, "ui-key-yes", true),
    b(&[ch('n'), ESC, ENTER], Action::No, "ui-key-no", true),
];

/// The action for `ev` in the first table that has the key, then the global
/// table; otherwise typing for a focused text field.
pub fn resolve(maps: &[Keymap], ev: &KeyEvent, text_focus: bool) -> Option<Action> {
    if !matches!(ev.kind, KeyEventKind::Press | KeyEventKind::Repeat) {
        return None;
    }
    let found = maps
        .iter()
        .chain(std::iter::once(&GLOBAL))
        .flat_map(|map| map.iter())
        .find(|binding| binding.keys.iter().any(|k| k.matches(ev)));
    match found {
        Some(binding) => Some(binding.action),
        None if text_focus => to_input_request(&Event::Key(*ev)).map(Action::Input),
        None => None,
    }
}

/// Rows grouped by label, in table order: (keys, label text, hinted).
/// `all_keys` lists every key (help); otherwise the first key of each row
/// (status bar).
pub fn grouped(map: Keymap, all_keys: bool) -> Vec<(String, String, bool)> {
    grouped_back(map, all_keys, None)
}

/// As [`grouped`], the rows labelled [`BACK_BELOW`] or [`BACK_BELOW_SHORT`]
/// saying `back` when it is given: where Esc goes from the screen in front
/// when that is not the counter ("back to the tiers").
pub fn grouped_back(
    map: Keymap,
    all_keys: bool,
    back: Option<&str>,
) -> Vec<(String, String, bool)> {
    let mut groups: Vec<(&str, Vec<String>, bool)> = vec![];
    for binding in map {
        let names: Vec<String> = if all_keys {
            binding.keys.iter().map(Key::name).collect()
        } else {
            binding.keys.iter().take(1).map(Key::name).collect()
        };
        match groups
            .iter_mut()
            .find(|(label, ..)| *label == binding.label)
        {
            Some((_, keys, hint)) => {
                keys.extend(names);
                *hint |= binding.hint;
            }
            None => groups.push((binding.label, names, binding.hint)),
        }
    }
    groups
        .into_iter()
        .map(|(label, keys, hint)| {
            let short = keys.iter().all(|k| crate::ui::format::width(k) == 1);
            let joined = if short && !all_keys {
                keys.concat()
            } else {
                keys.join(" ")
            };
            let text = match back {
                Some(back) if label == BACK_BELOW || label == BACK_BELOW_SHORT => back.to_string(),
                _ => t(label),
            };
            (joined, text, hint)
        })
        .collect()
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
