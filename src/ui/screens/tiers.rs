//! The tiers screen: members per tier, who moved up or down this month,
//! and who is within 10% of the next tier (the owner's nudge list). A
//! tier's minimum can be edited here: while typing, the screen says how many
//! members the new minimum would move; Enter saves it to the config file.
//!
//! Working every tier out again is long work on a big club: it runs as a
//! job, the screen showing the tiers as configured and a "working" line
//! until the overview arrives. Leaving lets the work finish on its own.

use super::View;
use super::{Effect, LoyaltyEffect};
use crate::context::Ctx;
use crate::domain::loyalty_config::Program;
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::loyalty::TierOverview;
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{Action, Keymap, TIERS, TIERS_EDIT};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::TextField;
use crate::words::loyalty::metric_text;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Focus {
    Tiers,
    Moves,
    Nudges,
}

#[derive(Debug)]
pub struct TiersState {
    pub(super) program: Program,
    pub(super) overview: TierOverview,
    pub(super) focus: Focus,
    pub(super) tier: usize,
    pub(super) moves_at: usize,
    pub(super) nudges_at: usize,
    /// The minimum being typed for the selected tier.
    pub(super) edit: Option<TextField>,
    /// The recompute, until its overview arrives.
    work: Option<Job<TiersNews>>,
}

/// The recompute's one word: the program it worked with and the overview.
#[derive(Debug)]
pub struct TiersNews(std::result::Result<(Program, TierOverview), crate::message::Message>);

impl News for TiersNews {
    fn is_progress(&self) -> bool {
        false
    }

    fn failed(why: crate::message::Message) -> TiersNews {
        TiersNews(Err(why))
    }
}

/// What an edited minimum would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preview {
    /// Members moving up at once, and below their tier (moving down after grace).
    Moves {
        up: usize,
        down: usize,
    },
    Invalid(String),
}

impl TiersState {
    /// Opens on the overview at once when the stored tiers are current
    /// (writes keep them so); else on the tiers as configured, working
    /// every tier out again behind the screen, and the overview fills in
    /// when that is done.
    pub fn open(ctx: &Ctx) -> TiersState {
        use crate::ops::loyalty::{IfBusy, settled, tier_overview_as_stored, tiers_current};
        // Settling works in the few members whose purchases changed since.
        let stored = match settled(ctx, IfBusy::Skip).and_then(|_| tiers_current(ctx)) {
            Ok(true) => tier_overview_as_stored(ctx).ok(),
            _ => None,
        };
        let (program, overview, work) = match stored {
            Some((program, overview)) => (program, overview, None),
            None => {
                let work = Job::start(ctx, OnLeave::LetFinish, |ctx, _| {
                    TiersNews(crate::ops::loyalty::tier_overview(ctx).map_err(|e| e.message()))
                });
                (ctx.program().clone(), TierOverview::default(), Some(work))
            }
        };
        TiersState {
            program,
            overview,
            focus: Focus::Tiers,
            tier: 0,
            moves_at: 0,
            nudges_at: 0,
            edit: None,
            work,
        }
    }

    /// The tiers are still being worked out.
    pub fn is_working(&self) -> bool {
        self.work.is_some()
    }

    /// Takes the overview when the recompute is done.
    fn poll(&mut self) -> Effect {
        let Some(work) = &self.work else {
            return Effect::None;
        };
        let Some(TiersNews(result)) = work.drain().pop() else {
            return Effect::None;
        };
        self.work = None;
        match result {
            Ok((program, overview)) => {
                self.program = program;
                self.overview = overview;
                self.select_tier(self.tier);
                Effect::None
            }
            Err(why) => Effect::Error(why),
        }
    }

    /// Selects the tier at this position (after a reload, the one edited).
    pub fn select_tier(&mut self, tier: usize) {
        self.tier = tier.min(self.program.tiers.tiers.len().saturating_sub(1));
    }

    pub fn overview(&self) -> &TierOverview {
        &self.overview
    }

    /// How many members the typed minimum would move.
    pub fn preview(&self) -> Option<Preview> {
        let field = self.edit.as_ref()?;
        let tiers = &self.program.tiers.tiers;
        let Ok(written) = field.value().trim().parse::<i64>() else {
            return Some(Preview::Invalid(t("ui-tiers-not-number")));
        };
        let min = self.program.min_from_written(written);
        let below = self.tier.checked_sub(1).and_then(|i| tiers.get(i));
        let above = tiers.get(self.tier + 1);
        if below.is_some_and(|b| min <= b.min) || above.is_some_and(|a| min >= a.min) {
            let text = t_args(
                "ui-tiers-between",
                &[
                    (
                        "below",
                        &below
                            .map(|b| metric_text(&self.program, b.min))
                            .unwrap_or_default(),
                    ),
                    (
                        "above",
                        &above
                            .map_or_else(|| "∞".to_string(), |a| metric_text(&self.program, a.min)),
                    ),
                ],
            );
            return Some(Preview::Invalid(text));
        }
        let mut edited = self.program.tiers.clone();
        edited.tiers[self.tier].min = min;
        let (up, down) = edited.moves(&self.overview.standings);
        Some(Preview::Moves { up, down })
    }

    fn step(&mut self, by: isize) {
        let (at, len) = match self.focus {
            Focus::Tiers => (&mut self.tier, self.program.tiers.tiers.len()),
            Focus::Moves => (&mut self.moves_at, self.overview.moves.len()),
            Focus::Nudges => (&mut self.nudges_at, self.overview.nudges.len()),
        };
        if len > 0 {
            *at = (*at as isize + by).clamp(0, len as isize - 1) as usize;
        }
    }

    fn start_edit(&mut self) -> Effect {
        if self.tier == 0 {
            return Effect::Error(Message::plain("ui-tiers-first-fixed"));
        }
        let Some(tier) = self.program.tiers.tiers.get(self.tier) else {
            return Effect::None;
        };
        let written = self.program.min_as_written(tier.min);
        self.edit = Some(TextField::new(&written.to_string()));
        Effect::None
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if let Some(field) = &mut self.edit {
            match action {
                Action::Input(request) => {
                    field.handle(request);
                }
                Action::Back => self.edit = None,
                Action::Save => return self.save(),
                _ => {}
            }
            return Effect::None;
        }
        if !self.program.has_tiers() || self.is_working() {
            // Nothing to edit or open until the tiers are worked out.
            return match action {
                Action::Back => Effect::Back,
                Action::Quit => Effect::Quit,
                _ => Effect::None,
            };
        }
        let lists = [Focus::Tiers, Focus::Moves, Focus::Nudges];
        let at = lists.iter().position(|f| *f == self.focus).unwrap_or(0);
        match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::NextField => self.focus = lists[(at + 1) % 3],
            Action::PrevField => self.focus = lists[(at + 2) % 3],
            Action::Edit => return self.start_edit(),
            Action::Open => {
                return match self.focus {
                    Focus::Tiers => self.start_edit(),
                    Focus::Moves => self
                        .overview
                        .moves
                        .get(self.moves_at)
                        .map_or(Effect::None, |m| Effect::OpenMember(m.member_id)),
                    Focus::Nudges => self
                        .overview
                        .nudges
                        .get(self.nudges_at)
                        .map_or(Effect::None, |n| Effect::OpenMember(n.member_id)),
                };
            }
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    /// Asks the app to write the typed minimum into the config file; it
    /// shows the tiers worked out again with it.
    fn save(&mut self) -> Effect {
        let Some(Preview::Moves { .. }) = self.preview() else {
            return Effect::None;
        };
        let written: i64 = self
            .edit
            .as_ref()
            .and_then(|f| f.value().trim().parse().ok())
            .unwrap_or_default();
        Effect::Loyalty(LoyaltyEffect::SaveTierMin {
            tier: self.tier,
            written,
        })
    }
}

impl Screen for TiersState {
    fn name(&self) -> &'static str {
        "tiers"
    }

    fn keymap(&self) -> Keymap {
        if self.edit.is_some() {
            TIERS_EDIT
        } else {
            TIERS
        }
    }

    fn text_focus(&self) -> bool {
        self.edit.is_some()
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![("ui-help-tiers", TIERS), ("ui-help-tiers-edit", TIERS_EDIT)]
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Effect {
        TiersState::update(self, action)
    }

    fn working(&self) -> bool {
        self.is_working()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        TiersState::poll(self)
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.work.as_mut().is_some_and(|w| w.run_here(ctx))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        TiersState::render(self, area, buf, view)
    }
}
