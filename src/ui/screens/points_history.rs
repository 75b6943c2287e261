//! A member's points history over the card: every row of the ledger,
//! newest first, with what it was for. From here: an adjustment by hand
//! (points and a required note), who brought the member (the referral
//! bonus for both), the review bonus, and redeeming.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;

use super::{Confirm, Effect, LoyaltyEffect, View};
use crate::context::Ctx;
use crate::domain::member::clean_text;
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::loyalty::{Entry, IfBelowZero};
use crate::ops::{bonus_given, lookup};
use crate::ui::direction::number_cell;
use crate::ui::format::{date_with_year, pad};
use crate::ui::keymap::{Action, Keymap, POINTS, POINTS_FORM};
use crate::ui::table::wanted;
use crate::ui::widgets::field::{TextField, render_error, render_row};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::loyalty::{reason_text, signed};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormKind {
    /// Points and a note.
    Adjust,
    /// The member who brought this one: card, phone, email or id.
    Referral,
}

#[derive(Debug)]
struct Form {
    kind: FormKind,
    fields: [TextField; 2],
    focus: usize,
}

impl Form {
    fn field_count(&self) -> usize {
        match self.kind {
            FormKind::Adjust => 2,
            FormKind::Referral => 1,
        }
    }
}

#[derive(Debug)]
pub struct PointsState {
    member_name: String,
    /// Newest first.
    entries: Vec<Entry>,
    balance: i64,
    scroll: usize,
    form: Option<Form>,
}

impl PointsState {
    /// `history` oldest first, as the ledger gives it.
    pub fn new(member_name: &str, mut history: Vec<Entry>) -> PointsState {
        let balance = history.iter().map(|e| e.delta).sum();
        history.reverse();
        PointsState {
            member_name: member_name.to_string(),
            entries: history,
            balance,
            scroll: 0,
            form: None,
        }
    }

    pub fn has_form(&self) -> bool {
        self.form.is_some()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn keymap(&self) -> Keymap {
        if self.form.is_some() {
            POINTS_FORM
        } else {
            POINTS
        }
    }

    fn open_form(&mut self, kind: FormKind) {
        self.form = Some(Form {
            kind,
            fields: Default::default(),
            focus: 0,
        });
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx, member_id: i64) -> Effect {
        if self.form.is_some() {
            return self.update_form(action, ctx, member_id);
        }
        match action {
            Action::Adjust => self.open_form(FormKind::Adjust),
            Action::ReferredBy => {
                // Given once: say so now rather than after the form.
                match bonus_given::brought_by(ctx, member_id) {
                    Ok(Some(_)) => return Effect::Error(Message::plain("ui-referral-already")),
                    Ok(None) => self.open_form(FormKind::Referral),
                    Err(e) => return e.into(),
                }
            }
            Action::ReviewBonus => {
                let points = ctx.config.points.review_bonus;
                if points <= 0 {
                    return Effect::Error(Message::plain("ui-review-bonus-none"));
                }
                match bonus_given::had_review_bonus(ctx, member_id) {
                    Ok(true) => return Effect::Error(Message::plain("ui-review-bonus-already")),
                    Ok(false) => {}
                    Err(e) => return e.into(),
                }
                return Effect::Confirm(Confirm {
                    title: Message::plain("ui-review-bonus-title"),
                    question: Message::new(
                        "ui-review-bonus-question",
                        &[("name", &self.member_name), ("points", &points.to_string())],
                    ),
                    yes: Box::new(Effect::Loyalty(LoyaltyEffect::Review(member_id))),
                });
            }
            Action::Redeem => return Effect::Loyalty(LoyaltyEffect::OpenRedeem(member_id)),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => {
                self.scroll = (self.scroll + 1).min(self.entries.len().saturating_sub(1))
            }
            Action::Back => return Effect::Loyalty(LoyaltyEffect::ClosePopup),
            _ => {}
        }
        Effect::None
    }

    fn update_form(&mut self, action: Action, ctx: &Ctx, member_id: i64) -> Effect {
        let Some(form) = &mut self.form else {
            return Effect::None;
        };
        let count = form.field_count();
        match action {
            Action::Input(request) => {
                form.fields[form.focus].handle(request);
            }
            Action::NextField => form.focus = (form.focus + 1) % count,
            Action::PrevField => form.focus = (form.focus + count - 1) % count,
            Action::Back => self.form = None,
            Action::Save => return self.save(ctx, member_id),
            _ => {}
        }
        Effect::None
    }

    fn save(&mut self, ctx: &Ctx, member_id: i64) -> Effect {
        let Some(form) = &mut self.form else {
            return Effect::None;
        };
        match form.kind {
            FormKind::Adjust => {
                let typed: String = form.fields[0].value().split_whitespace().collect();
                let delta = typed
                    .trim_start_matches('+')
                    .parse::<i64>()
                    .ok()
                    .filter(|d| *d != 0);
                let note = clean_text(form.fields[1].value());
                if delta.is_none() {
                    form.fields[0].error = Some(Message::plain("ui-adjust-bad-points"));
                    form.focus = 0;
                }
                if note.is_empty() {
                    form.fields[1].error = Some(Message::plain("loyalty-err-note-required"));
                    if delta.is_some() {
                        form.focus = 1;
                    }
                }
                match delta {
                    Some(delta) if !note.is_empty() => {
                        self.form = None;
                        Effect::Loyalty(LoyaltyEffect::Adjust {
                            member_id,
                            delta,
                            note,
                            below_zero: IfBelowZero::Refuse,
                        })
                    }
                    _ => Effect::None,
                }
            }
            FormKind::Referral => {
                let key = clean_text(form.fields[0].value());
                let found = if key.is_empty() {
                    Ok(None)
                } else {
                    lookup::member_by_key(ctx, &key)
                };
                let referrer = match found {
                    Ok(Some(id)) if id != member_id => id,
                    Ok(Some(_)) => {
                        form.fields[0].error = Some(Message::plain("loyalty-err-refer-self"));
                        return Effect::None;
                    }
                    Ok(None) => {
                        form.fields[0].error = Some(Message::plain("ui-referral-not-found"));
                        return Effect::None;
                    }
                    Err(e) => return e.into(),
                };
                let name = lookup::member_name(ctx, referrer).unwrap_or_default();
                self.form = None;
                Effect::Confirm(Confirm {
                    title: Message::plain("ui-referral-title"),
                    question: Message::new(
                        "ui-referral-question",
                        &[
                            ("referrer", &name),
                            ("name", &self.member_name),
                            ("points", &ctx.config.points.referral_bonus.to_string()),
                        ],
                    ),
                    yes: Box::new(Effect::Loyalty(LoyaltyEffect::Referral {
                        member_id,
                        referrer_id: referrer,
                    })),
                })
            }
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        // Over the whole card: the history wants every row it can get.
        let popup = centered(area, area.width.saturating_sub(2), area.height);
        let title = t_args(
            "ui-points-title",
            &[
                ("name", &self.member_name),
                ("balance", &crate::words::numbers::number(self.balance)),
            ],
        );
        let inner = frame(popup, buf, &view.dir.text(&title), theme).inner(Margin::new(1, 0));
        let cols = inner.width as usize;
        let form_rows = if self.form.is_some() { 4 } else { 0 };
        let list_rows = (inner.height as usize).saturating_sub(form_rows);
        if self.entries.is_empty() {
            let text = view.dir.text(&t("ui-points-empty"));
            view.dir.put(buf, inner, &text, theme.dim());
        }
        let shown = || self.entries.iter().skip(self.scroll).take(list_rows);
        // As wide as the longest date shown ("17. stu 2026.") and a space.
        let when_cols = (wanted("", shown().map(|e| date_with_year(e.at.date()))) + 1).max(12);
        let delta_cols = 7;
        let what_cols = cols.saturating_sub(when_cols + delta_cols + 2);
        for (i, e) in shown().enumerate() {
            let y = inner.y + i as u16;
            let mut what = reason_text(e);
            if let Some(note) = &e.note {
                what = format!("{what}: {note}");
            } else if let Some(receipt) = &e.receipt {
                what = format!("{what} {receipt}");
            }
            let delta = signed(e.delta);
            let text = view.dir.cells(&[
                pad(&date_with_year(e.at.date()), when_cols),
                number_cell(&delta, delta_cols),
                format!("  {}", pad(&what, what_cols)),
            ]);
            let style = if e.delta < 0 {
                theme.dim()
            } else {
                Style::new()
            };
            view.dir.put(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                &text,
                style,
            );
        }
        let form = self.form.as_ref()?;
        let top = inner.bottom().saturating_sub(form_rows as u16);
        let heading = match form.kind {
            FormKind::Adjust => t("ui-adjust-title"),
            FormKind::Referral => t("ui-referral-form-title"),
        };
        let clear = Rect::new(inner.x, top, inner.width, form_rows as u16);
        buf.set_style(clear, Style::new());
        for y in clear.top()..clear.bottom() {
            buf.set_stringn(inner.x, y, " ".repeat(cols), cols, Style::new());
        }
        let heading_row = Rect {
            y: top,
            height: 1,
            ..inner
        };
        view.dir
            .put(buf, heading_row, &view.dir.text(&heading), theme.heading());
        let labels = match form.kind {
            FormKind::Adjust => vec![
                (t("ui-adjust-points"), t("ui-adjust-points-hint")),
                (t("ui-adjust-note"), t("ui-adjust-note-hint")),
            ],
            FormKind::Referral => vec![(t("ui-referral-by"), t("ui-referral-hint"))],
        };
        let mut cursor = None;
        for (i, (label, hint)) in labels.into_iter().enumerate() {
            let row = Rect::new(inner.x, top + 1 + i as u16, inner.width, 1);
            let hint = Some((hint, theme.dim()));
            let at = render_row(
                row,
                buf,
                &label,
                &form.fields[i],
                form.focus == i,
                hint,
                view,
            );
            cursor = cursor.or(at);
        }
        let error = form.fields[..form.field_count()]
            .iter()
            .find_map(|f| f.error.as_ref());
        if let Some(error) = error {
            let y = top + 1 + form.field_count() as u16;
            render_error(
                Rect::new(inner.x, y, inner.width, 1),
                buf,
                error,
                theme,
                view.dir,
            );
        }
        cursor
    }
}
