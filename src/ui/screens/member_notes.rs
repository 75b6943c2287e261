//! The member card's service notes: the list under the club figures
//! (newest first; an open request or complaint flagged, a resolved one
//! with what was done), the flag on the card's title so the next person
//! at the counter sees it before anything else, and the keys: `n` adds a
//! note, `t` resolves an open one (the form picks which when there are
//! several).

use super::*;
use crate::domain::note::{Note, NoteKind};
use crate::ui::screens::note_form::{NoteForm, NoteOutcome};
use crate::words::notes::{kind_label, state};
use crate::words::review::open_notes_text;

impl MemberState {
    /// The member's notes as stored, newest first.
    pub fn with_notes(mut self, notes: Vec<Note>) -> MemberState {
        self.notes = notes;
        self
    }

    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    fn open_notes(&self) -> Vec<Note> {
        self.notes.iter().filter(|n| n.is_open()).cloned().collect()
    }

    /// `n`: the form, asking first what kind of note it is.
    pub(super) fn start_note(&mut self) -> Effect {
        self.note_form = Some(NoteForm::add(&self.card.member.full_name()));
        Effect::None
    }

    /// `t`: resolving an open request or complaint; with none, says so.
    pub(super) fn start_resolve(&mut self) -> Effect {
        let open = self.open_notes();
        if open.is_empty() {
            return Effect::Notice(Message::plain("ui-note-none-open"));
        }
        self.note_form = Some(NoteForm::resolve(&self.card.member.full_name(), open));
        Effect::None
    }

    /// A key while the note form is open.
    pub(super) fn update_note_form(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let id = self.id();
        let Some(form) = &mut self.note_form else {
            return Effect::None;
        };
        match form.update(action, ctx, id) {
            NoteOutcome::Stay => Effect::None,
            NoteOutcome::Close => {
                self.note_form = None;
                Effect::None
            }
            NoteOutcome::Saved(said) => {
                self.note_form = None;
                Effect::Many(vec![Effect::ShowMember(id), Effect::Notice(said)])
            }
        }
    }

    /// "⚑ 1 open complaint · ⚑ 2 open requests" for the card's title, or
    /// nothing when none waits.
    pub(super) fn open_marker(&self) -> Option<String> {
        let count = |kind: NoteKind| {
            self.notes
                .iter()
                .filter(|n| n.kind == kind && n.is_open())
                .count() as i64
        };
        let parts = open_notes_text(count(NoteKind::Complaint), count(NoteKind::Request));
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// The notes section of a column `cols` wide; nothing for a member
    /// without notes.
    pub(super) fn note_lines(&self, view: &View, cols: usize) -> Vec<Line<'static>> {
        let theme = view.theme;
        if self.notes.is_empty() {
            return vec![];
        }
        let mut lines = vec![Line::styled(t("ui-card-notes"), theme.heading())];
        let text_cols = cols.saturating_sub(4).max(10);
        for note in &self.notes {
            let open = note.is_open();
            let mark = if open {
                t("ui-note-open-mark")
            } else {
                " ".to_string()
            };
            let mut head = vec![kind_label(note.kind), date_with_year(note.at.date())];
            head.extend(state(note).filter(|_| open));
            let style = if open { theme.error() } else { theme.heading() };
            lines.push(Line::styled(format!("{mark} {}", head.join(" · ")), style));
            for part in wrap(&note.text, text_cols) {
                lines.push(Line::raw(format!("    {part}")));
            }
            // What was done, under the note it answers.
            if note.resolved_at.is_some()
                && let Some(done) = state(note)
            {
                for part in wrap(&format!("✓ {done}"), text_cols) {
                    lines.push(Line::styled(format!("    {part}"), theme.good()));
                }
            }
        }
        lines.push(Line::styled(
            format!("  {}", t("ui-card-notes-hint")),
            theme.dim(),
        ));
        lines.push(Line::raw(""));
        lines
    }
}
