//! The keys of "How did they find us?" on the signup form, and of its
//! picker: a member found as the counter finds one, or a source from the
//! config's list.

use super::*;

/// On the form's row: Space lists the sources; typing a letter searches
/// members (it goes into the picker's search); Backspace clears the choice.
pub const SIGNUP_FOUND_US: Keymap = &[
    b(
        &[key(KeyCode::Char(' '))],
        Action::Toggle,
        "signup-found-us-key-list",
        true,
    ),
    NEXT_FIELD,
    PREV_FIELD,
    SAVE,
    CANCEL,
    HELP_F1,
];

/// In the picker: every printable key is search text.
pub const SIGNUP_FOUND_US_PICK: Keymap = &[
    b(&[UP], Action::Up, "ui-key-move", true),
    b(&[DOWN], Action::Down, "ui-key-move", true),
    b(&[ENTER], Action::Open, "signup-found-us-key-pick", true),
    b(&[ESC], Action::Back, "ui-key-cancel", true),
    HELP_F1,
];
