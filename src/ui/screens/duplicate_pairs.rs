//! The Duplicates screen (`d` on the counter's list): pairs of members who
//! are likely one person, each with why. Enter shows what merging the pair
//! would do, Tab or `s` swaps which of the two is kept, `y` merges; the
//! message line says what happened and the list is looked through again.
//!
//! Looking through a big club takes seconds, so it runs behind the screen
//! as a job; the screen says it is looking until the pairs come.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::{Effect, View};
use crate::context::Ctx;
use crate::message::Message;
use crate::ops::duplicates::{LikelyPair, likely_pairs};
use crate::ops::merge::{MergePreview, merge, preview};
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{Action, DUPLICATES_LIST, DUPLICATES_PREVIEW, Keymap};
use crate::ui::stack::Screen;

#[derive(Debug)]
pub struct DuplicatePairsState {
    pub(super) pairs: Vec<LikelyPair>,
    pub(super) at: usize,
    /// What merging the selected pair would do, while it is shown.
    pub(super) preview: Option<MergePreview>,
    /// The looking through, until its pairs come.
    finding: Option<Job<PairsNews>>,
}

/// The looking through's one word: the pairs, or why there are none.
#[derive(Debug)]
struct PairsNews(std::result::Result<Vec<LikelyPair>, Message>);

impl News for PairsNews {
    fn is_progress(&self) -> bool {
        false
    }
    fn failed(why: Message) -> Self {
        PairsNews(Err(why))
    }
}

impl DuplicatePairsState {
    pub fn open(ctx: &Ctx) -> DuplicatePairsState {
        let mut state = DuplicatePairsState {
            pairs: vec![],
            at: 0,
            preview: None,
            finding: None,
        };
        state.find(ctx);
        state
    }

    pub fn pairs(&self) -> &[LikelyPair] {
        &self.pairs
    }

    pub fn preview(&self) -> Option<&MergePreview> {
        self.preview.as_ref()
    }

    /// Still looking for pairs.
    pub fn is_finding(&self) -> bool {
        self.finding.is_some()
    }

    fn find(&mut self, ctx: &Ctx) {
        self.finding = Some(Job::start(ctx, OnLeave::LetFinish, |ctx, _| {
            PairsNews(likely_pairs(ctx).map_err(|e| e.message()))
        }));
    }

    fn poll(&mut self) -> Effect {
        let Some(job) = &self.finding else {
            return Effect::None;
        };
        let Some(PairsNews(result)) = job.drain().pop() else {
            return Effect::None;
        };
        self.finding = None;
        match result {
            Ok(pairs) => {
                self.pairs = pairs;
                self.at = self.at.min(self.pairs.len().saturating_sub(1));
                Effect::None
            }
            Err(why) => Effect::Error(why),
        }
    }

    /// The preview of the selected pair, the lower id kept first.
    fn show(&mut self, ctx: &Ctx, keep: i64, drop: i64) -> Effect {
        match preview(ctx, keep, drop) {
            Ok(p) => {
                self.preview = Some(p);
                Effect::None
            }
            Err(e) => e.into(),
        }
    }

    fn merge(&mut self, ctx: &Ctx) -> Effect {
        let Some(p) = self.preview.take() else {
            return Effect::None;
        };
        match merge(ctx, p.keep.0, p.drop.0) {
            Ok(done) => {
                self.find(ctx);
                let (keep, drop) = (p.keep.0.to_string(), p.drop.0.to_string());
                let points = done.balance.to_string();
                Effect::Notice(Message::new(
                    "merge-done",
                    &[
                        ("keep", &keep),
                        ("drop", &drop),
                        ("name", &p.keep.1),
                        ("points", &points),
                    ],
                ))
            }
            Err(e) => e.into(),
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if let Some(p) = &self.preview {
            let (keep, drop) = (p.keep.0, p.drop.0);
            return match action {
                Action::SwapKept => self.show(ctx, drop, keep),
                Action::Yes => self.merge(ctx),
                Action::Back => {
                    self.preview = None;
                    Effect::None
                }
                _ => Effect::None,
            };
        }
        let last = self.pairs.len().saturating_sub(1);
        match action {
            Action::Up => self.at = self.at.saturating_sub(1),
            Action::Down => self.at = (self.at + 1).min(last),
            Action::PageUp => self.at = self.at.saturating_sub(10),
            Action::PageDown => self.at = (self.at + 10).min(last),
            Action::Open => {
                if let Some(pair) = self.pairs.get(self.at) {
                    let (keep, drop) = (pair.first.0, pair.second.0);
                    return self.show(ctx, keep, drop);
                }
            }
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }
}

impl Screen for DuplicatePairsState {
    fn name(&self) -> &'static str {
        "duplicates"
    }

    fn keymap(&self) -> Keymap {
        match self.preview {
            Some(_) => DUPLICATES_PREVIEW,
            None => DUPLICATES_LIST,
        }
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-duplicates", DUPLICATES_LIST),
            ("ui-help-duplicates-preview", DUPLICATES_PREVIEW),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        DuplicatePairsState::update(self, action, ctx)
    }

    fn working(&self) -> bool {
        self.finding.is_some()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        DuplicatePairsState::poll(self)
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.finding.as_mut().is_some_and(|job| job.run_here(ctx))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        DuplicatePairsState::render(self, area, buf, view)
    }
}
