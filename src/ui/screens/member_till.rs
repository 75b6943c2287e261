//! The till customers linked to the member by hand, on the card: each with
//! the name the till wrote and its card, phone or email as stored. `l`
//! picks one, `u` unlinks it after a yes/no; its receipts then go back to
//! no member, and the points and tiers follow them.

use super::*;
use crate::ops::till_customers::{self, Identity, LinkedCustomer};

/// A linked card, phone or email as the owner reads it: a phone in the
/// shop's own form.
fn identity_text(linked: &LinkedCustomer, config: &crate::config::Config) -> String {
    match linked.identity {
        Identity::Phone => display_phone(&linked.value, config.country()),
        Identity::Card => t_args("ui-unmatched-card", &[("card", &linked.value)]),
        Identity::Email => linked.value.clone(),
        Identity::TillCustomer => t_args("ui-unmatched-till-customer", &[("id", &linked.value)]),
    }
}

impl MemberState {
    /// What was linked to the member by hand, in the order it was linked.
    pub fn till_customers(&self) -> &[LinkedCustomer] {
        &self.till
    }

    /// Which linked till customer `l` picked, if any.
    pub fn picked_till(&self) -> Option<usize> {
        self.till_at
    }

    pub(super) fn load_till(&mut self, ctx: &Ctx) -> Result<()> {
        self.till = till_customers::linked_to(ctx, self.id())?;
        self.till_at = None;
        Ok(())
    }

    /// `l`: the next linked till customer, and after the last one none.
    pub(super) fn pick_till(&mut self) -> Effect {
        let count = self.till.len();
        if count == 0 {
            return Effect::Notice(Message::plain("ui-till-none-linked"));
        }
        self.till_at = match self.till_at {
            None => Some(0),
            Some(at) if at + 1 < count => Some(at + 1),
            Some(_) => None,
        };
        Effect::None
    }

    /// `u`: unlink the picked till customer (the first when none is
    /// picked), once the owner says yes; the question names which one.
    pub(super) fn ask_unlink(&self, config: &crate::config::Config) -> Effect {
        let Some(linked) = self.till.get(self.till_at.unwrap_or(0)) else {
            return Effect::Notice(Message::plain("ui-till-none-linked"));
        };
        let till = linked.name.clone().unwrap_or_else(|| t("ui-none"));
        Effect::Confirm(Confirm {
            title: Message::plain("ui-confirm-unlink-title"),
            question: Message::new(
                "ui-confirm-unlink",
                &[
                    ("who", &identity_text(linked, config)),
                    ("till", &till),
                    ("name", &self.card.member.full_name()),
                ],
            ),
            yes: Box::new(Effect::Unlink(linked.identity, linked.value.clone())),
        })
    }

    /// Carries out a yes to unlinking; the card then shows again.
    pub fn unlink_effect(&mut self, identity: Identity, value: &str, ctx: &Ctx) -> Effect {
        let Some(linked) = self
            .till
            .iter()
            .find(|l| l.identity == identity && l.value == value)
        else {
            return Effect::None;
        };
        let who = identity_text(linked, &ctx.config);
        match till_customers::unlink(ctx, identity, value) {
            Ok(freed) => {
                let receipts = t_count("ui-history-count", "count", freed.unwrap_or(0) as i64);
                let name = self.card.member.full_name();
                Effect::Many(vec![
                    Effect::ShowMember(self.id()),
                    Effect::Notice(Message::new(
                        "ui-unlinked",
                        &[("who", &who), ("name", &name), ("receipts", &receipts)],
                    )),
                ])
            }
            Err(e) => e.into(),
        }
    }

    /// The card's lines for the linked till customers: none at all for a
    /// member without (most members), so the card stays as it was.
    pub(super) fn till_lines(&self, view: &View) -> Vec<Line<'static>> {
        if self.till.is_empty() {
            return vec![];
        }
        let theme = view.theme;
        let mut lines = vec![
            Line::raw(""),
            Line::styled(t("ui-card-till-customers"), theme.heading()),
        ];
        for (i, linked) in self.till.iter().enumerate() {
            let picked = self.till_at == Some(i);
            let mark = if picked { "▸ " } else { "  " };
            let mut parts = linked.name.clone().into_iter().collect::<Vec<_>>();
            parts.push(identity_text(linked, view.config));
            let style = if picked {
                theme.selected()
            } else {
                Style::default()
            };
            lines.push(Line::styled(format!("{mark}{}", parts.join(" · ")), style));
        }
        lines.push(Line::styled(
            format!("  {}", t("ui-card-till-hint")),
            theme.dim(),
        ));
        lines
    }
}
