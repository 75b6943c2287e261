//! The keys of the Stats screen (`a` on the counter's list).

use super::*;

/// Typing the period.
const PERIOD: Binding = b(&[ch('p')], Action::Edit, "stats-screen-key-period", true);
/// A month earlier or later: shown in help only, the status bar keeps
/// room for the period and the pages.
const MONTH_BACK: Binding = b(
    &[ch('['), key(KeyCode::Left)],
    Action::Left,
    "ui-key-stats-month",
    false,
);
const MONTH_ON: Binding = b(
    &[ch(']'), key(KeyCode::Right)],
    Action::Right,
    "ui-key-stats-month",
    false,
);
/// `q` quits as everywhere; help lists it, the status bar has no room.
const QUIT_QUIET: Binding = b(&[ch('q')], Action::Quit, "ui-key-quit", false);

/// The figures of a period: pick one, move the period by a month.
pub const STATS: Keymap = &[
    // Moving is shown in help only: the status bar keeps room for Esc.
    b(&[UP, ch('k')], Action::Up, "ui-key-move", false),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", false),
    b(
        &[ENTER, ch('?')],
        Action::Open,
        "ui-key-stats-formula",
        true,
    ),
    PERIOD,
    b(&[TAB], Action::SwitchPage, "stats-screen-key-sources", true),
    MONTH_BACK,
    MONTH_ON,
    b(&[ch('v')], Action::Survey, "ui-key-stats-survey", false),
    BACK,
    QUIT_QUIET,
    // `?` asks how a figure is worked out, so help is F1 here.
    HELP_F1,
];

/// The Sources page: new members by source and who brought the most.
pub const STATS_SOURCES: Keymap = &[
    PERIOD,
    b(&[TAB], Action::SwitchPage, "stats-screen-key-events", true),
    MONTH_BACK,
    MONTH_ON,
    BACK,
    QUIT_QUIET,
    HELP_F1,
];

/// The Events page: the period's events and their 90 days after.
pub const STATS_EVENTS: Keymap = &[
    PERIOD,
    b(&[TAB], Action::SwitchPage, "stats-screen-key-figures", true),
    MONTH_BACK,
    MONTH_ON,
    BACK,
    QUIT_QUIET,
    HELP_F1,
];

/// The period's FROM and TO fields: every printable key is text.
pub const STATS_PERIOD: Keymap = &[
    NEXT_FIELD,
    PREV_FIELD,
    b(&[ENTER], Action::Save, "stats-screen-key-show", true),
    CANCEL,
    HELP_F1,
];

/// How the selected figure is worked out: any of these keys closes it.
pub const STATS_FORMULA: Keymap = &[
    b(&[ESC, ENTER, ch('?')], Action::Back, "ui-key-close", true),
    b(&[UP, ch('k')], Action::Up, "ui-key-stats-other", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-stats-other", true),
    HELP_F1,
];
