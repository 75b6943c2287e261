//! The Segments screen: an expression typed with the number of members it
//! holds worked out again at every keystroke (one counting query, fast
//! enough at 100,000 members for the common words), the problem shown
//! under the field while it does not read, and the saved segments listed:
//! Enter on one loads it, and Enter on the expression asks a name to save
//! it under. F5 (or `x` on a saved one) exports the members' contacts
//! (`segments_export.rs`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::segments_export::SegmentExport;
use super::{Effect, View};
use crate::context::Ctx;
use crate::error::Result;
use crate::message::Message;
use crate::ops::segments::{self, Counted, Saved};
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{
    Action, CONTACTS_EXPORT, Keymap, SEGMENTS_FIELD, SEGMENTS_LIST, SEGMENTS_NAME,
};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::TextField;

/// What the typed expression comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing typed yet.
    Empty,
    /// Being counted on a worker; keys keep working meanwhile.
    Counting,
    Count(Counted),
    /// Why it does not read (or names a tier the shop does not have).
    Problem(Message),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Expression,
    Saved,
    /// Typing the name to save under.
    Name,
}

#[derive(Debug)]
pub struct SegmentsState {
    pub(super) expression: TextField,
    pub(super) outcome: Outcome,
    pub(super) saved: Vec<Saved>,
    pub(super) at: usize,
    pub(super) focus: Focus,
    pub(super) name: TextField,
    /// The count of the expression as typed now; a new keystroke drops
    /// (and so interrupts) the one before.
    counting: Option<Job<CountNews>>,
    /// The export step, while it is open.
    pub(super) export: Option<SegmentExport>,
}

/// A count's last word.
#[derive(Debug)]
struct CountNews(std::result::Result<Counted, Message>);

impl News for CountNews {
    fn is_progress(&self) -> bool {
        false
    }
    fn failed(why: Message) -> Self {
        CountNews(Err(why))
    }
}

impl SegmentsState {
    pub fn open(ctx: &Ctx) -> Result<SegmentsState> {
        Ok(SegmentsState {
            expression: TextField::default(),
            outcome: Outcome::Empty,
            saved: segments::list(ctx)?,
            at: 0,
            focus: Focus::Expression,
            name: TextField::default(),
            counting: None,
            export: None,
        })
    }

    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// Reads the expression as it stands now and counts it behind the
    /// screen: a count that reads every receipt takes seconds on a big
    /// club, and typing must never wait for it.
    fn recount(&mut self, ctx: &Ctx) {
        self.counting = None;
        let text = self.expression.value();
        self.outcome = if text.trim().is_empty() {
            Outcome::Empty
        } else {
            match segments::read(text) {
                Ok(expr) => {
                    self.counting =
                        Some(Job::start(ctx, OnLeave::LetFinish, move |ctx, worker| {
                            let counted = worker
                                .interruptible(&ctx.conn, || segments::count_expr(ctx, &expr));
                            CountNews(counted.map_err(|e| e.message()))
                        }));
                    Outcome::Counting
                }
                Err(e) => Outcome::Problem(e.message()),
            }
        };
    }

    /// Takes the count when it has come.
    fn poll(&mut self) {
        let Some(job) = &self.counting else {
            return;
        };
        if let Some(CountNews(result)) = job.drain().pop() {
            self.counting = None;
            self.outcome = match result {
                Ok(counted) => Outcome::Count(counted),
                Err(problem) => Outcome::Problem(problem),
            };
        }
    }

    pub(super) fn load(&mut self, ctx: &Ctx) {
        if let Some(saved) = self.saved.get(self.at) {
            self.expression.set(&saved.expr);
            self.name.set(&saved.name);
            self.focus = Focus::Expression;
            self.recount(ctx);
        }
    }

    fn save(&mut self, ctx: &Ctx) -> Effect {
        let result = segments::save(ctx, self.name.value(), self.expression.value())
            .and_then(|saved| Ok((saved, segments::list(ctx)?)));
        match result {
            Ok((saved, all)) => {
                self.at = all.iter().position(|s| s.name == saved.name).unwrap_or(0);
                self.saved = all;
                self.focus = Focus::Expression;
                Effect::Notice(Message::new(
                    "segment-saved",
                    &[("name", &saved.name), ("expr", &saved.expr)],
                ))
            }
            Err(e) => {
                // A bad expression stays where it can be put right.
                if matches!(self.outcome, Outcome::Problem(_)) {
                    self.focus = Focus::Expression;
                }
                e.into()
            }
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if self.export.is_some() {
            return self.update_export(action, ctx);
        }
        match (self.focus, action) {
            (Focus::Expression, Action::Input(request)) if self.expression.handle(request) => {
                self.recount(ctx);
            }
            (Focus::Name, Action::Input(request)) => {
                self.name.handle(request);
            }
            (Focus::Expression, Action::Save) => {
                if let Outcome::Problem(problem) = &self.outcome {
                    return Effect::Error(problem.clone());
                }
                if self.outcome != Outcome::Empty {
                    self.focus = Focus::Name;
                }
            }
            (Focus::Name, Action::Save) => return self.save(ctx),
            (Focus::Name, Action::Back) => self.focus = Focus::Expression,
            (Focus::Expression, Action::NextField) if !self.saved.is_empty() => {
                self.focus = Focus::Saved;
            }
            (Focus::Saved, Action::NextField) => self.focus = Focus::Expression,
            (Focus::Saved, Action::Up) => self.at = self.at.saturating_sub(1),
            (Focus::Saved, Action::Down) => {
                self.at = (self.at + 1).min(self.saved.len().saturating_sub(1));
            }
            (Focus::Saved, Action::Open) => self.load(ctx),
            (Focus::Expression | Focus::Saved, Action::Export) => return self.open_export(ctx),
            (_, Action::Back) => return Effect::Back,
            (_, Action::Quit) => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }
}

impl Screen for SegmentsState {
    fn name(&self) -> &'static str {
        "segments"
    }

    fn keymap(&self) -> Keymap {
        if self.export.is_some() {
            return CONTACTS_EXPORT;
        }
        match self.focus {
            Focus::Expression => SEGMENTS_FIELD,
            Focus::Saved => SEGMENTS_LIST,
            Focus::Name => SEGMENTS_NAME,
        }
    }

    fn text_focus(&self) -> bool {
        self.focus != Focus::Saved && self.export.is_none()
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-segments", SEGMENTS_FIELD),
            ("ui-help-segments-list", SEGMENTS_LIST),
            ("ui-help-segments-name", SEGMENTS_NAME),
            ("ui-help-contacts-export", CONTACTS_EXPORT),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        SegmentsState::update(self, action, ctx)
    }

    fn working(&self) -> bool {
        self.counting.is_some()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        SegmentsState::poll(self);
        Effect::None
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.counting.as_mut().is_some_and(|job| job.run_here(ctx))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        SegmentsState::render(self, area, buf, view)
    }
}
