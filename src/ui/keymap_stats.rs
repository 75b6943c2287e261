//! The keys of the Stats screen (`a` on the counter's list).

use super::*;

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
    b(
        &[ch('['), key(KeyCode::Left)],
        Action::Left,
        "ui-key-stats-month",
        true,
    ),
    b(
        &[ch(']'), key(KeyCode::Right)],
        Action::Right,
        "ui-key-stats-month",
        true,
    ),
    b(&[ch('v')], Action::Survey, "ui-key-stats-survey", false),
    BACK,
    QUIT,
    // `?` asks how a figure is worked out, so help is F1 here.
    HELP_F1,
];

/// How the selected figure is worked out: any of these keys closes it.
pub const STATS_FORMULA: Keymap = &[
    b(&[ESC, ENTER, ch('?')], Action::Back, "ui-key-close", true),
    b(&[UP, ch('k')], Action::Up, "ui-key-stats-other", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-stats-other", true),
    HELP_F1,
];
