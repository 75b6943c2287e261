//! Service notes in words: the kind's name, and whether a note is open or
//! was resolved, for the card and for `note list`.

use crate::domain::note::Note;
use crate::domain::note::NoteKind;
use crate::i18n::{t, t_args};
use crate::words::dates::date_with_year;

/// The kind's name in the language in use.
pub fn kind_label(kind: NoteKind) -> String {
    t(&format!("note-kind-{}", kind.as_str()))
}

/// "open", "resolved 23 Nov 2026: …", or nothing for a plain note.
pub fn state(note: &Note) -> Option<String> {
    match (&note.resolved_at, &note.resolution) {
        (Some(at), Some(how)) => Some(t_args(
            "note-resolved-on",
            &[("date", &date_with_year(at.date())), ("how", how)],
        )),
        _ if note.is_open() => Some(t("note-open")),
        _ => None,
    }
}
