//! Loyalty on the member card: the club lines (tier badge, a bar toward
//! the next tier with the gap in money or visits, perks, points), the
//! redeem and points-history popups over the card, and what the app does
//! when one of them asks for a redemption, an adjustment or a bonus.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::member::MemberState;
use super::points_history::PointsState;
use super::redeem::RedeemState;
use super::{Effect, View};
use crate::config::Config;
use crate::context::Ctx;
use crate::db::{ledger, loyalty, loyalty_bonus};
use crate::domain::member::Member;
use crate::domain::tiers::Standing;
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::ui::app::{App, Screen};
use crate::ui::format::{date_short, pad, visual, width, wrap};
use crate::ui::keymap::{Action, Keymap};
use crate::words::loyalty::{amount_text, gap_text, signed};

/// Cells of the bar toward the next tier.
const BAR: usize = 10;

/// The member's points and tier, loaded with the card.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardLoyalty {
    pub balance: i64,
    /// `None` when the shop has no tiers.
    pub standing: Option<Standing>,
}

/// Brings the points up to date, then reads the member's balance and tier.
pub fn load(ctx: &Ctx, member_id: i64) -> Result<CardLoyalty> {
    let program = ctx.program().clone();
    loyalty::try_settle(&ctx.conn, &program, ctx.clock.now())?;
    let standing = if program.has_tiers() {
        loyalty::standings(&ctx.conn, &program, &[member_id], ctx.clock.today())?.remove(&member_id)
    } else {
        None
    };
    Ok(CardLoyalty {
        balance: ledger::balance(&ctx.conn, member_id)?,
        standing,
    })
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
    let row = |label_text: String, value: String, style: Style| {
        Line::from(vec![
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
        lines.push(row(t("ui-col-tier"), visual(&held), view.theme.key()));
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
        let beside = format!("{} {}", bar(per_mille), visual(&gap));
        if width(&beside) <= cols.saturating_sub(label) {
            lines.push(row(String::new(), beside, Style::new()));
        } else {
            lines.push(row(String::new(), bar(per_mille), Style::new()));
            lines.push(row(String::new(), visual(&gap), Style::new()));
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
            lines.push(row(label_text, visual(&text), Style::new()));
        }
    }
    lines.push(row(t("ui-col-points"), l.balance.to_string(), Style::new()));
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
    let history = ledger::history(&ctx.conn, member.id)?;
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

/// What a loyalty screen asks the app to do.
#[derive(Debug)]
pub enum LoyaltyEffect {
    /// From the counter: open the card with the redeem popup.
    OpenRedeem(i64),
    ClosePopup,
    Redeem {
        member_id: i64,
        points: i64,
        reward: Option<String>,
    },
    Adjust {
        member_id: i64,
        delta: i64,
        note: String,
    },
    Referral {
        member_id: i64,
        referrer_id: i64,
    },
    Review(i64),
    /// An edited tier minimum was saved to the config file.
    ConfigSaved(Box<Config>),
}

impl App {
    pub(in crate::ui) fn apply_loyalty(&mut self, effect: LoyaltyEffect) {
        let now = self.ctx.clock.now();
        let program = self.ctx.program().clone();
        let conn = &self.ctx.conn;
        let done = match effect {
            LoyaltyEffect::OpenRedeem(id) => {
                self.apply(Effect::OpenMember(id));
                if let Screen::Member(m) = &mut self.screen {
                    m.open_redeem(&self.ctx);
                }
                return;
            }
            LoyaltyEffect::ClosePopup => {
                if let Screen::Member(m) = &mut self.screen {
                    m.close_popup();
                }
                return;
            }
            LoyaltyEffect::ConfigSaved(config) => {
                let selected = match &self.screen {
                    Screen::Tiers(s) => s.tier,
                    _ => 0,
                };
                self.ctx.set_config(*config);
                self.apply(Effect::OpenTiers);
                if let Screen::Tiers(s) = &mut self.screen {
                    s.tier = selected;
                    self.message = Some((t("ui-tiers-saved"), false));
                }
                return;
            }
            LoyaltyEffect::Redeem {
                member_id,
                points,
                reward,
            } => ledger::redeem(conn, member_id, points, reward.as_deref(), now).map(|balance| {
                (
                    t_args(
                        "ui-redeem-done",
                        &[
                            ("points", &points.to_string()),
                            ("balance", &balance.to_string()),
                        ],
                    ),
                    true,
                )
            }),
            LoyaltyEffect::Adjust {
                member_id,
                delta,
                note,
            } => ledger::adjust(conn, member_id, delta, &note, now).map(|balance| {
                let text = t_args(
                    "loyalty-cli-adjusted",
                    &[
                        ("points", &signed(delta)),
                        ("balance", &balance.to_string()),
                    ],
                );
                (text, false)
            }),
            LoyaltyEffect::Referral {
                member_id,
                referrer_id,
            } => loyalty_bonus::record_referral(conn, &program, member_id, referrer_id, now).map(
                |recorded| {
                    let key = if recorded {
                        "ui-referral-done"
                    } else {
                        "ui-referral-already"
                    };
                    (t(key), false)
                },
            ),
            LoyaltyEffect::Review(member_id) => {
                loyalty_bonus::review(conn, &program, member_id, now).map(|given| {
                    let key = if given {
                        "ui-review-bonus-done"
                    } else {
                        "ui-review-bonus-already"
                    };
                    (t(key), false)
                })
            }
        };
        match done {
            Ok((text, close)) => {
                if let Screen::Member(m) = &mut self.screen {
                    if close {
                        m.close_popup();
                    }
                    if let Err(e) = m.reload_loyalty(&self.ctx) {
                        self.message = Some((e.to_string(), true));
                        return;
                    }
                }
                self.message = Some((text, false));
            }
            Err(e) => self.message = Some((e.to_string(), true)),
        }
    }
}
