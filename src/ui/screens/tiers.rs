//! The tiers screen: members per tier, who moved up or down this month,
//! and who is within 10% of the next tier (the owner's nudge list). A
//! tier's minimum can be edited here: while typing, the screen says how many
//! members the new minimum would move; Enter saves it to the config file.

use super::View;
use super::{Effect, LoyaltyEffect};
use crate::context::Ctx;
use crate::domain::loyalty_config::Program;
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::loyalty::TierOverview;
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
    /// Works every tier out again, then reads the overview.
    pub fn load(ctx: &Ctx) -> Result<TiersState> {
        let (program, overview) = crate::ops::loyalty::tier_overview(ctx)?;
        Ok(TiersState {
            program,
            overview,
            focus: Focus::Tiers,
            tier: 0,
            moves_at: 0,
            nudges_at: 0,
            edit: None,
        })
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
        if !self.program.has_tiers() {
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

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        TiersState::render(self, area, buf, view)
    }
}
