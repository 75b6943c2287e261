//! The keys of feedback at the counter: the NPS and CSAT question (`v` and
//! `y` on the card or the counter's list) and the owner's survey (`i` on
//! the card). One key stores an answer, so a customer at the till is asked
//! and answered in two keystrokes.

use super::*;

/// One key per score: the digit pressed is the answer.
const fn digit(d: u8) -> Binding {
    b(
        DIGITS[d as usize],
        Action::Answer(d),
        "ui-key-feedback-score",
        // The question itself says which keys answer it (CSAT has no 0).
        false,
    )
}
const DIGITS: [&[Key]; 10] = [
    &[ch('0')],
    &[ch('1')],
    &[ch('2')],
    &[ch('3')],
    &[ch('4')],
    &[ch('5')],
    &[ch('6')],
    &[ch('7')],
    &[ch('8')],
    &[ch('9')],
];
/// `=` is the 10 that no single digit can be.
const TEN: Binding = b(&[ch('=')], Action::Answer(10), "ui-key-feedback-ten", false);
const PICK_LEFT: Binding = b(
    &[key(KeyCode::Left), UP],
    Action::Left,
    "ui-key-feedback-pick",
    false,
);
const PICK_RIGHT: Binding = b(
    &[key(KeyCode::Right), DOWN],
    Action::Right,
    "ui-key-feedback-pick",
    false,
);

/// The NPS or CSAT question: a digit (or `=`) stores that score at once.
pub const FEEDBACK: Keymap = &[
    digit(0),
    digit(1),
    digit(2),
    digit(3),
    digit(4),
    digit(5),
    digit(6),
    digit(7),
    digit(8),
    digit(9),
    TEN,
    PICK_LEFT,
    PICK_RIGHT,
    b(&[ENTER], Action::Save, "ui-key-feedback-store", true),
    CANCEL,
    HELP,
];

/// A survey question with a scale or choices: one key per answer.
pub const SURVEY_PICK: Keymap = &[
    digit(0),
    digit(1),
    digit(2),
    digit(3),
    digit(4),
    digit(5),
    digit(6),
    digit(7),
    digit(8),
    digit(9),
    TEN,
    PICK_LEFT,
    PICK_RIGHT,
    b(&[ENTER], Action::Save, "ui-key-feedback-store", true),
    b(&[TAB, ch('s')], Action::Skip, "ui-key-survey-skip", true),
    b(&[ESC], Action::Back, "ui-key-survey-stop", true),
    HELP,
];

/// A survey question answered in words: every printable key is text.
pub const SURVEY_TEXT: Keymap = &[
    b(&[ENTER], Action::Save, "ui-key-feedback-store", true),
    b(&[TAB], Action::Skip, "ui-key-survey-skip", true),
    b(&[ESC], Action::Back, "ui-key-survey-stop", true),
    HELP_F1,
];

/// The survey's page of the Stats screen.
pub const STATS_SURVEY: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-scroll", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-scroll", true),
    PAGE_UP,
    PAGE_DOWN,
    b(&[ESC], Action::Back, "ui-key-stats-survey-back", true),
    QUIT,
    HELP,
];
