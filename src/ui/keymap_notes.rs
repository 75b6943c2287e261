//! The keys of the member card's service-note forms: the kind of a new
//! note is one key, then its text is typed; resolving picks the open one
//! with ↑↓ while what was done is typed.

use super::*;

/// Choosing what a new note is: one key each, before any text.
pub const NOTE_KIND: Keymap = &[
    b(
        &[ch('n')],
        Action::NoteKind(crate::domain::note::NoteKind::Note),
        "ui-key-note-kind-note",
        true,
    ),
    b(
        &[ch('r')],
        Action::NoteKind(crate::domain::note::NoteKind::Request),
        "ui-key-note-kind-request",
        true,
    ),
    b(
        &[ch('c')],
        Action::NoteKind(crate::domain::note::NoteKind::Complaint),
        "ui-key-note-kind-complaint",
        true,
    ),
    CANCEL,
    HELP,
];

/// Typing the note: letters are text, so help is F1.
pub const NOTE_TEXT: Keymap = &[SAVE, CANCEL, HELP_F1];

/// Typing what was done; ↑↓ pick which open note it resolves.
pub const NOTE_RESOLVE: Keymap = &[
    b(&[UP], Action::Up, "ui-key-pick-open-note", true),
    b(&[DOWN], Action::Down, "ui-key-pick-open-note", true),
    b(&[ENTER], Action::Save, "ui-key-resolve-save", true),
    CANCEL,
    HELP_F1,
];
