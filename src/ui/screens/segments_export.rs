//! Exporting the contacts of the segment on the Segments screen (F5, or
//! `x` on a saved one): the export step for its members, then the file in
//! the `exports` folder beside the database, named after the saved
//! segment (or "segment" for an expression not saved), and the status
//! line saying where it went and who was left out for lack of consent.

use std::collections::HashSet;

use super::Effect;
use super::contacts_export::{ContactsExport, Step, written_text};
use super::segments::{Focus, Outcome, SegmentsState};
use crate::context::Ctx;
use crate::message::Message;
use crate::ops::{contact_lists, segments};
use crate::ui::keymap::Action;

/// The export step open, and the name its file is called after.
#[derive(Debug)]
pub struct SegmentExport {
    pub step: ContactsExport,
    file_name: String,
}

impl SegmentsState {
    /// Opens the export step for the expression (after loading the saved
    /// segment chosen, when the list has the focus).
    pub(super) fn open_export(&mut self, ctx: &Ctx) -> Effect {
        if self.focus == Focus::Saved {
            self.load(ctx);
        }
        let text = self.expression.value().trim().to_string();
        if text.is_empty() {
            return Effect::Error(Message::plain("ui-segments-export-empty"));
        }
        if let Outcome::Problem(problem) = &self.outcome {
            return Effect::Error(problem.clone());
        }
        let group: HashSet<i64> = match segments::members(ctx, &text) {
            Ok(ids) => ids.into_iter().collect(),
            Err(e) => return e.into(),
        };
        // A saved segment's name names the file; a loose expression only
        // its title, as "segment" is kinder in a file name.
        let saved = self.saved.iter().find(|s| s.expr.trim() == text);
        let (title, file_name) = match saved {
            Some(s) => (s.name.clone(), s.name.clone()),
            None => (text, String::new()),
        };
        self.export = Some(SegmentExport {
            step: ContactsExport::open(ctx, title, group),
            file_name,
        });
        Effect::None
    }

    /// A key while the export step is open.
    pub(super) fn update_export(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(export) = &mut self.export else {
            return Effect::None;
        };
        match export.step.update(action, ctx) {
            Step::Stay(effect) => effect,
            Step::Cancel => {
                self.export = None;
                Effect::None
            }
            Step::Write => {
                let step = &export.step;
                let written = contact_lists::write_group(
                    ctx,
                    &export.file_name,
                    &step.group,
                    step.channel,
                    step.format,
                );
                match written {
                    Ok(done) => {
                        self.export = None;
                        Effect::Notice(written_text(&done.path, &done.planned))
                    }
                    // The step stays open: another folder or channel may do.
                    Err(e) => e.into(),
                }
            }
        }
    }
}
