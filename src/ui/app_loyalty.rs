//! The app's side of loyalty: what it does when the card, its popups or
//! the tiers screen ask for a redemption, an adjustment, a bonus or a new
//! tier minimum. The work is the loyalty operations'; this turns their
//! results into the message line and the screen shown next.

use crate::error::{Error, Result};
use crate::message::Message;
use crate::ops::loyalty::IfBelowZero;
use crate::ops::loyalty::{self as points_ops, Redemption};
use crate::ui::app::App;
use crate::ui::screens::member::MemberState;
use crate::ui::screens::tiers::TiersState;
use crate::ui::screens::{Confirm, Effect, LoyaltyEffect};

impl App {
    pub(super) fn apply_loyalty(&mut self, effect: LoyaltyEffect) {
        let ctx = &self.ctx;
        // The text for the message line, and whether the popup closes.
        let done: Result<(Message, bool)> = match effect {
            LoyaltyEffect::OpenRedeem(id) => {
                self.apply(Effect::OpenMember(id));
                if let Some(card) = self.stack.top_as_mut::<MemberState>() {
                    card.open_redeem(&self.ctx);
                }
                return;
            }
            LoyaltyEffect::ClosePopup => {
                if let Some(card) = self.stack.top_as_mut::<MemberState>() {
                    card.close_popup();
                }
                return;
            }
            LoyaltyEffect::SaveTierMin { tier, written } => {
                self.save_tier_min(tier, written);
                return;
            }
            LoyaltyEffect::Redeem {
                member_id,
                points,
                reward,
            } => {
                let asked = Redemption {
                    member_id,
                    points,
                    reward: reward.as_deref(),
                };
                points_ops::redeem(ctx, &asked).map(|balance| {
                    let text = Message::new(
                        "ui-redeem-done",
                        &[("balance", &crate::words::numbers::number(balance))],
                    )
                    .and("points", Message::points(points));
                    (text, true)
                })
            }
            LoyaltyEffect::Adjust {
                member_id,
                delta,
                note,
                below_zero,
            } => match points_ops::adjust(ctx, member_id, delta, &note, below_zero) {
                Err(Error::BelowZero { balance }) => {
                    let confirm = below_zero_question(member_id, delta, note, balance);
                    self.apply(Effect::Confirm(confirm));
                    return;
                }
                done => done.map(|balance| (points_ops::adjusted(delta, balance), false)),
            },
            LoyaltyEffect::Referral {
                member_id,
                referrer_id,
            } => points_ops::referral(ctx, member_id, referrer_id).map(|recorded| {
                let key = if recorded {
                    "ui-referral-done"
                } else {
                    "ui-referral-already"
                };
                (Message::plain(key), false)
            }),
            LoyaltyEffect::Review(member_id) => {
                points_ops::review_bonus(ctx, member_id).map(|given| {
                    let key = if given {
                        "ui-review-bonus-done"
                    } else {
                        "ui-review-bonus-already"
                    };
                    (Message::plain(key), false)
                })
            }
        };
        match done {
            Ok((text, close)) => {
                if let Some(m) = self.stack.top_as_mut::<MemberState>() {
                    if close {
                        m.close_popup();
                    }
                    if let Err(e) = m.reload_loyalty(&self.ctx) {
                        self.problem(e);
                        return;
                    }
                }
                self.message = Some((text, false));
            }
            Err(e) => self.problem(e),
        }
    }

    /// Saves the minimum, then shows the tiers again worked out with it,
    /// the same tier selected.
    fn save_tier_min(&mut self, tier: usize, written: i64) {
        if let Err(e) = points_ops::save_tier_min(&mut self.ctx, tier, written) {
            self.problem(e);
            return;
        }
        let mut tiers = TiersState::open(&self.ctx);
        tiers.select_tier(tier);
        self.apply(Effect::Replace(Box::new(tiers)));
        self.message = Some((Message::plain("ui-tiers-saved"), false));
    }
}

/// The yes/no question before points are taken below zero, naming the
/// balance that would be left; yes makes the same adjustment, allowed.
fn below_zero_question(member_id: i64, delta: i64, note: String, balance: i64) -> Confirm {
    Confirm {
        title: Message::plain("ui-adjust-below-zero-title"),
        question: Message::new(
            "ui-adjust-below-zero-question",
            &[("balance", &crate::words::numbers::number(balance))],
        )
        .and("points", Message::points(delta.saturating_abs())),
        yes: Box::new(Effect::Loyalty(LoyaltyEffect::Adjust {
            member_id,
            delta,
            note,
            below_zero: IfBelowZero::Allow,
        })),
    }
}
