//! Loyalty on the member card: the club lines (tier badge, a bar toward
//! the next tier with the gap in money or visits, perks, points), the
//! redeem and points-history popups over the card, and what they ask the
//! app to do (a redemption, an adjustment, a bonus).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::member::MemberState;
use super::points_history::PointsState;
use super::redeem::RedeemState;
use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::member::Member;
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::ops::loyalty::{self as points_ops, IfBusy};
use crate::ui::format::{date_short, pad, width, wrap};
use crate::ui::keymap::{Action, Keymap};
use crate::words::loyalty::{amount_text, gap_text};

/// Cells of the bar toward the next tier.
const BAR: usize = 10;

/// The member's points and tier, loaded with the card.
pub use crate::ops::loyalty::MemberStanding as CardLoyalty;

/// Brings the points up to date (unless an import is writing: the card
/// must not wait for it), then reads the member's balance and tier.
pub fn load(ctx: &Ctx, member_id: i64) -> Result<CardLoyalty> {
    points_ops::standing(ctx, member_id, IfBusy::Skip)
}

/// "█████░░░░░" for `per_mille` of the way.
pub fn bar(per_mille: i64) -> String {
    let full = ((per_mille.clamp(0, 1000) as usize) * BAR).div_ceil(1000);
    let full = if per_mille > 0 { full.max(1) } else { 0 };
    format!("{}{}", "█".repeat(full), "░".repeat(BAR - full))
}

/// The club section of the card, for a column `cols` wide.
pub fn club_lines(l: &CardLoyalty, view: &View, label: usize, cols: usize) -> Vec<Line<'static>> {
    let program = view.config.loyalty();
    // Label and value in reading order, each reordered on its own.
    let row = |label_text: String, value: String, style: Style| {
        view.dir.line(vec![
            Span::raw(pad(&label_text, label)),
            Span::styled(value, style),
        ])
    };
    let mut lines = vec![];
    if let Some(s) = &l.standing {
        let name = program.tier_name(s.tier).unwrap_or_default().to_string();
        let held = match (s.grace_until, s.since) {
            (Some(until), _) => t_args(
                "ui-card-tier-until",
                &[("tier", &name), ("date", &date_short(until, view.today))],
            ),
            (None, Some(since)) => t_args(
                "ui-card-tier-since",
                &[("tier", &name), ("date", &date_short(since, view.today))],
            ),
            (None, None) => name.clone(),
        };
        lines.push(row(t("ui-col-tier"), held, view.theme.key()));
        let tier_min = program.tiers.tiers.get(s.tier).map_or(0, |t| t.min);
        let (per_mille, gap) = if s.grace_until.is_some() {
            // The bar shows how far toward keeping the tier.
            let amount = amount_text(&program, tier_min - s.metric);
            (
                s.metric.clamp(0, tier_min) * 1000 / tier_min.max(1),
                t_args("ui-card-tier-keep", &[("amount", &amount), ("tier", &name)]),
            )
        } else {
            let gap = gap_text(&program, s).unwrap_or_else(|| t("ui-card-tier-top"));
            (program.tiers.progress_per_mille(s.tier, s.metric), gap)
        };
        // The gap goes next to the bar, or under it when the column is narrow.
        let beside = format!("{} {}", bar(per_mille), gap);
        if width(&beside) <= cols.saturating_sub(label) {
            lines.push(row(String::new(), beside, Style::new()));
        } else {
            lines.push(row(String::new(), bar(per_mille), Style::new()));
            lines.push(row(String::new(), gap, Style::new()));
        }
        let perks = program
            .tiers
            .tiers
            .get(s.tier)
            .map(|t| t.perks.clone())
            .unwrap_or_default();
        for (i, text) in wrap(&perks, cols.saturating_sub(label).max(10))
            .into_iter()
            .enumerate()
        {
            let label_text = if i == 0 {
                t("ui-card-perks")
            } else {
                String::new()
            };
            lines.push(row(label_text, text, Style::new()));
        }
    }
    lines.push(row(
        t("ui-col-points"),
        crate::words::numbers::number(l.balance),
        Style::new(),
    ));
    lines
}

/// The redeem popup for `member`, with the config's rewards.
pub fn redeem_popup(ctx: &Ctx, member: &Member, loyalty: &CardLoyalty) -> LoyaltyPopup {
    let rewards = ctx.program().rewards.clone();
    LoyaltyPopup::Redeem(RedeemState::new(
        &member.full_name(),
        loyalty.balance,
        rewards,
    ))
}

/// The points history popup for `member`.
pub fn points_popup(ctx: &Ctx, member: &Member) -> Result<LoyaltyPopup> {
    let history = points_ops::history(ctx, member.id)?.ledger;
    Ok(LoyaltyPopup::Points(PointsState::new(
        &member.full_name(),
        history,
    )))
}

/// The card's loyalty part: its points and tier, and the popups over it.
impl MemberState {
    pub fn loyalty(&self) -> &CardLoyalty {
        &self.loyalty
    }

    pub fn popup(&self) -> Option<&LoyaltyPopup> {
        self.popup.as_ref()
    }

    /// Reads points and tier again (and the open points history).
    pub fn reload_loyalty(&mut self, ctx: &Ctx) -> Result<()> {
        self.loyalty = load(ctx, self.id())?;
        if let Some(LoyaltyPopup::Points(_)) = &self.popup {
            self.popup = Some(points_popup(ctx, &self.card().member)?);
        }
        Ok(())
    }

    pub fn open_redeem(&mut self, ctx: &Ctx) {
        self.popup = Some(redeem_popup(ctx, &self.card().member, &self.loyalty));
    }

    pub fn close_popup(&mut self) {
        self.popup = None;
    }
}

/// A popup over the member card.
#[derive(Debug)]
pub enum LoyaltyPopup {
    Redeem(RedeemState),
    Points(PointsState),
}

impl LoyaltyPopup {
    pub fn keymap(&self) -> Keymap {
        match self {
            LoyaltyPopup::Redeem(r) => r.keymap(),
            LoyaltyPopup::Points(p) => p.keymap(),
        }
    }

    pub fn text_focus(&self) -> bool {
        match self {
            LoyaltyPopup::Redeem(_) => true,
            LoyaltyPopup::Points(p) => p.has_form(),
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx, member_id: i64) -> Effect {
        match self {
            LoyaltyPopup::Redeem(r) => r.update(action, member_id),
            LoyaltyPopup::Points(p) => p.update(action, ctx, member_id),
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        match self {
            LoyaltyPopup::Redeem(r) => r.render(area, buf, view),
            LoyaltyPopup::Points(p) => p.render(area, buf, view),
        }
    }
}
