//! The member card's service-note form. Adding: one key says what the
//! note is (note, request, complaint), then its text is typed and Enter
//! saves it. Resolving: the open request or complaint is picked with ↑↓
//! (the newest first, so with one open there is nothing to pick), what
//! was done is typed, and Enter resolves it. Both save through
//! `ops::notes`, which refuses blank words; the refusal shows under the
//! field and the form stays.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::View;
use crate::context::Ctx;
use crate::domain::note::{Note, NoteKind};
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::notes;
use crate::ui::format::{date_with_year, fit};
use crate::ui::keymap::{Action, Keymap, NOTE_KIND, NOTE_RESOLVE, NOTE_TEXT};
use crate::ui::widgets::field::{LABEL_COLS, TextField, render_error};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::notes::kind_label;

/// Written at the counter, as `note list` shows who wrote it.
const BY: &str = "counter";
/// Open notes the resolve form lists at once; more scroll with ↑↓.
const SHOWN: usize = 5;
const WIDTH: u16 = 76;

#[derive(Debug)]
enum Step {
    /// The kind is not chosen yet: one key chooses it.
    Kind,
    /// Typing the text of a note of this kind.
    Text(NoteKind),
    /// Typing what was done for `open[at]` (newest first).
    Resolve { open: Vec<Note>, at: usize },
}

/// What the card does after a key in the form.
#[derive(Debug, PartialEq)]
pub enum NoteOutcome {
    Stay,
    Close,
    /// Saved; the card shows again with this said on the message line.
    Saved(Message),
}

#[derive(Debug)]
pub struct NoteForm {
    step: Step,
    field: TextField,
    /// Whose card: the title names them.
    name: String,
}

impl NoteForm {
    /// A new note for the member called `name`, its kind asked first.
    pub fn add(name: &str) -> NoteForm {
        NoteForm {
            step: Step::Kind,
            field: TextField::default(),
            name: name.to_string(),
        }
    }

    /// Resolving one of `open` (newest first, not empty), the newest
    /// picked.
    pub fn resolve(name: &str, open: Vec<Note>) -> NoteForm {
        NoteForm {
            step: Step::Resolve { open, at: 0 },
            field: TextField::default(),
            name: name.to_string(),
        }
    }

    pub fn keymap(&self) -> Keymap {
        match self.step {
            Step::Kind => NOTE_KIND,
            Step::Text(_) => NOTE_TEXT,
            Step::Resolve { .. } => NOTE_RESOLVE,
        }
    }

    /// Letters are text once the kind is chosen.
    pub fn text_focus(&self) -> bool {
        !matches!(self.step, Step::Kind)
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx, member: i64) -> NoteOutcome {
        match (&mut self.step, action) {
            (_, Action::Back) => NoteOutcome::Close,
            (Step::Kind, Action::NoteKind(kind)) => {
                self.step = Step::Text(kind);
                NoteOutcome::Stay
            }
            (Step::Resolve { at, .. }, Action::Up) => {
                *at = at.saturating_sub(1);
                NoteOutcome::Stay
            }
            (Step::Resolve { open, at }, Action::Down) => {
                *at = (*at + 1).min(open.len().saturating_sub(1));
                NoteOutcome::Stay
            }
            (Step::Text(_) | Step::Resolve { .. }, Action::Input(request)) => {
                self.field.handle(request);
                NoteOutcome::Stay
            }
            (Step::Text(kind), Action::Save) => {
                let kind = *kind;
                match notes::add(ctx, member, kind, self.field.value(), BY) {
                    Ok(_) => NoteOutcome::Saved(Message::new(
                        "ui-note-added",
                        &[("kind", &kind_label(kind)), ("name", &self.name)],
                    )),
                    Err(e) => self.refused(e),
                }
            }
            (Step::Resolve { open, at }, Action::Save) => {
                let Some(note) = open.get(*at) else {
                    return NoteOutcome::Close;
                };
                let kind = kind_label(note.kind);
                match notes::resolve(ctx, note.id, self.field.value()) {
                    Ok(_) => NoteOutcome::Saved(Message::new(
                        "ui-note-resolved",
                        &[("kind", &kind), ("name", &self.name)],
                    )),
                    Err(e) => self.refused(e),
                }
            }
            _ => NoteOutcome::Stay,
        }
    }

    /// Blank words (or a note resolved meanwhile) are said under the
    /// field; the form stays for another try.
    fn refused(&mut self, e: crate::error::Error) -> NoteOutcome {
        self.field.error = Some(e.message());
        NoteOutcome::Stay
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let (title, mut lines, label) = match &self.step {
            Step::Kind => (
                t_args("ui-note-add-title", &[("name", &self.name)]),
                kind_lines(view),
                None,
            ),
            Step::Text(kind) => (
                t_args(
                    "ui-note-kind-title",
                    &[("kind", &kind_label(*kind)), ("name", &self.name)],
                ),
                vec![Line::styled(t(hint_key(*kind)), theme.dim())],
                Some(kind_label(*kind)),
            ),
            Step::Resolve { open, at } => (
                t_args("ui-note-resolve-title", &[("name", &self.name)]),
                open_lines(open, *at, view, usize::from(WIDTH - 4)),
                Some(t("ui-note-what-was-done")),
            ),
        };
        let height = lines.len() as u16 + if label.is_some() { 6 } else { 4 };
        let popup = centered(area, WIDTH, height);
        let inner = frame(popup, buf, &dir.text(&title), theme).inner(Margin::new(1, 1));
        let Some(label) = label else {
            Paragraph::new(dir.lines(lines)).render(inner, buf);
            return None;
        };
        // The field first, then its error, then what the lines say.
        let row = Rect::new(inner.x, inner.y, inner.width, 1);
        let cursor = self.render_field(row, buf, &label, view);
        if let Some(error) = &self.field.error {
            let under = Rect::new(inner.x, inner.y + 1, inner.width, 1);
            render_error(under, buf, error, theme, dir);
        }
        let rest = Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        lines.truncate(rest.height as usize);
        Paragraph::new(dir.lines(lines)).render(rest, buf);
        cursor
    }

    /// The label and the text field across the box's width.
    fn render_field(
        &self,
        row: Rect,
        buf: &mut Buffer,
        label: &str,
        view: &View,
    ) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let field_cols = row.width.saturating_sub(LABEL_COLS);
        let areas = dir.columns(row, &[LABEL_COLS, field_cols], 0);
        let label = dir.text(&fit(label, LABEL_COLS as usize - 1));
        dir.put(buf, areas[0], &label, theme.heading());
        self.field
            .render(areas[1], buf, theme.field(true), true, dir)
    }
}

/// What each kind means, with the key that picks it.
fn kind_lines(view: &View) -> Vec<Line<'static>> {
    let mut lines = vec![Line::raw(t("ui-note-which-kind")), Line::raw("")];
    for (key, kind) in [
        ('n', NoteKind::Note),
        ('r', NoteKind::Request),
        ('c', NoteKind::Complaint),
    ] {
        let text = format!("{key}  {} — {}", kind_label(kind), t(hint_key(kind)));
        lines.push(Line::styled(text, Style::new()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t("ui-note-kind-esc"), view.theme.dim()));
    lines
}

fn hint_key(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Note => "ui-note-hint-note",
        NoteKind::Request => "ui-note-hint-request",
        NoteKind::Complaint => "ui-note-hint-complaint",
    }
}

/// The open notes, the picked one marked, a window of [`SHOWN`] around it.
fn open_lines(open: &[Note], at: usize, view: &View, cols: usize) -> Vec<Line<'static>> {
    let first = (at + 1).saturating_sub(SHOWN);
    let mut lines = vec![Line::raw(t("ui-note-which-open"))];
    for (i, note) in open.iter().enumerate().skip(first).take(SHOWN) {
        let text = format!(
            "{}{} · {} · {}",
            view.dir.marker(i == at),
            kind_label(note.kind),
            date_with_year(note.at.date()),
            note.text
        );
        let style = if i == at {
            view.theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(fit(&text, cols), style));
    }
    lines
}
