//! The member card: details, consent per channel, the club figures,
//! children and pets, upcoming birthdays, and (once receipts are imported)
//! visits and habits. From here: edit, add a child or a pet, delete.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::family::{FamilyForm, FormResult, Kin};
use super::member_history::PurchasesPage;
use super::member_loyalty::{self as loyalty, CardLoyalty, LoyaltyPopup};
use super::{Confirm, Effect, View};
use crate::cli::Ctx;
use crate::config::Feb29;
use crate::domain::contact::ContactEntry;
use crate::domain::dates::{Celebrant, DayLabel, celebrations_within, day_label};
use crate::domain::family::BirthInfo;
use crate::domain::habits::Purchase;
use crate::domain::member::{Channel, MemberCard, display_phone};
use crate::domain::reminders::{Anniversary, Kind, Occasion, Window};
use crate::i18n::{t, t_args, t_count};
use crate::ui::format::{birth, birthday, date_short, date_with_year, pad, visual, wrap};
use crate::ui::keymap::{
    Action, FAMILY_FORM, Keymap, MEMBER, MEMBER_PURCHASES, POINTS, POINTS_FORM, REDEEM,
};
use crate::ui::screens::review_text::{contact_channel_name, contact_reason_name};
use crate::ui::theme::Theme;

/// Birthdays this many days ahead are announced on the card.
const SOON_DAYS: u32 = 7;
const LABEL: usize = 12;

#[derive(Debug)]
pub struct MemberState {
    card: MemberCard,
    /// "Noam turns 6 on Thursday", soonest first.
    soon: Vec<String>,
    scroll: u16,
    form: Option<FamilyForm>,
    /// The second page: visits and habits.
    purchases: PurchasesPage,
    /// Birthday wishes and winbacks from the weekly review, newest first.
    contacts: Vec<ContactEntry>,
    pub(super) loyalty: CardLoyalty,
    /// Redeeming or the points history, over the card.
    pub(super) popup: Option<LoyaltyPopup>,
}

/// Who of the member's household has a birthday within a week:
/// "Noam turns 6 on Thursday". Approximate ages have no date, so they never
/// appear here.
fn upcoming(card: &MemberCard, today: NaiveDate, rule: Feb29) -> Vec<String> {
    celebrations_within(card, today, SOON_DAYS, rule)
        .into_iter()
        .map(|c| {
            let name = match &c.who {
                Celebrant::Member => card.member.draft.first_name.clone(),
                Celebrant::Child { name } | Celebrant::Pet { name, .. } => name.clone(),
            };
            let when = when_text(day_label(c.days_until, today));
            match c.turning {
                Some(age) => t_args(
                    "ui-soon-turns",
                    &[("name", &name), ("age", &age.to_string()), ("when", &when)],
                ),
                None => t_args("ui-soon-birthday", &[("name", &name), ("when", &when)]),
            }
        })
        .chain(gotcha_days(card, today, rule))
        .collect()
}

/// "Bo came home 3 years ago on Thursday": pets' gotcha days within a week.
fn gotcha_days(card: &MemberCard, today: NaiveDate, rule: Feb29) -> Vec<String> {
    let window = Window::new(today, SOON_DAYS, rule);
    card.pets
        .iter()
        .filter_map(|pet| pet.gotcha.map(|d| (pet, d)))
        .flat_map(|(pet, came)| {
            let a = Anniversary {
                member_id: card.member.id,
                kind: Kind::Pet,
                occasion: Occasion::Gotcha,
                id: pet.id,
                name: pet.name.clone(),
                detail: Some(pet.kind.clone()),
                month: came.month(),
                day: came.day(),
                year: Some(came.year()),
            };
            window.reminders_of(&a)
        })
        .map(|r| {
            let when = when_text(day_label(r.days_until, today));
            t_args(
                "ui-soon-gotcha",
                &[("name", &r.anniversary.name), ("when", &when)],
            )
        })
        .collect()
}

/// "today", "tomorrow", "on Thursday", "in 7 days".
fn when_text(label: DayLabel) -> String {
    match label {
        DayLabel::Weekday(_) => t_args("ui-when-weekday", &[("weekday", &t(label.message_key()))]),
        DayLabel::InDays(days) => t_count(label.message_key(), "days", days),
        DayLabel::Today | DayLabel::Tomorrow => t(label.message_key()),
    }
}

impl MemberState {
    pub fn new(card: MemberCard, today: NaiveDate, rule: Feb29) -> MemberState {
        MemberState {
            soon: upcoming(&card, today, rule),
            card,
            scroll: 0,
            form: None,
            purchases: PurchasesPage::new(Vec::new(), today),
            contacts: vec![],
            loyalty: CardLoyalty::default(),
            popup: None,
        }
    }

    /// The member's receipts, newest first, for the visits and habits page.
    pub fn with_purchases(mut self, purchases: Vec<Purchase>, today: NaiveDate) -> MemberState {
        self.purchases = PurchasesPage::new(purchases, today);
        self
    }

    pub fn purchases(&self) -> &PurchasesPage {
        &self.purchases
    }

    /// The contact log to show, newest first.
    pub fn with_contacts(mut self, contacts: Vec<ContactEntry>) -> MemberState {
        self.contacts = contacts;
        self
    }

    pub fn id(&self) -> i64 {
        self.card.member.id
    }

    pub fn card(&self) -> &MemberCard {
        &self.card
    }

    pub fn soon(&self) -> &[String] {
        &self.soon
    }

    pub fn has_form(&self) -> bool {
        self.form.is_some()
    }

    pub fn close_form(&mut self) {
        self.form = None;
    }

    pub fn keymap(&self) -> Keymap {
        if let Some(popup) = &self.popup {
            popup.keymap()
        } else if self.form.is_some() {
            FAMILY_FORM
        } else if self.purchases.is_shown() {
            MEMBER_PURCHASES
        } else {
            MEMBER
        }
    }

    pub fn text_focus(&self) -> bool {
        self.form.is_some() || self.popup.as_ref().is_some_and(LoyaltyPopup::text_focus)
    }

    pub fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-member", MEMBER),
            ("ui-help-member-purchases", MEMBER_PURCHASES),
            ("ui-help-family-form", FAMILY_FORM),
            ("ui-help-redeem", REDEEM),
            ("ui-help-points", POINTS),
            ("ui-help-points-form", POINTS_FORM),
        ]
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let id = self.id();
        if let Some(popup) = &mut self.popup {
            return popup.update(action, ctx, id);
        }
        if let Some(form) = &mut self.form {
            return match form.update(action, ctx, id) {
                Ok(FormResult::Stay) => Effect::None,
                Ok(FormResult::Close) => {
                    self.form = None;
                    Effect::None
                }
                Ok(FormResult::AskDiscard) => Effect::Confirm(Confirm {
                    title: t("ui-confirm-discard-title"),
                    question: t("ui-confirm-discard-family"),
                    yes: Box::new(Effect::CloseFamilyForm),
                }),
                Ok(FormResult::Saved(name)) => {
                    self.form = None;
                    Effect::Many(vec![
                        Effect::OpenMember(id),
                        Effect::Notice(t_args("ui-family-added", &[("name", &name)])),
                    ])
                }
                Err(e) => e.into(),
            };
        }
        if self.purchases.update(action) {
            return Effect::None;
        }
        let first_name = self.card.member.draft.first_name.clone();
        match action {
            Action::Redeem => {
                self.open_redeem(ctx);
                Effect::None
            }
            Action::Points => match loyalty::points_popup(ctx, &self.card.member) {
                Ok(popup) => {
                    self.popup = Some(popup);
                    Effect::None
                }
                Err(e) => e.into(),
            },
            Action::Edit => Effect::EditMember(id),
            Action::AddChild => {
                self.form = Some(FamilyForm::new(Kin::Child, &first_name));
                Effect::None
            }
            Action::AddPet => {
                self.form = Some(FamilyForm::new(Kin::Pet, &first_name));
                Effect::None
            }
            Action::Delete => Effect::Confirm(Confirm {
                title: t("ui-confirm-delete-title"),
                question: t_args(
                    "ui-confirm-delete",
                    &[("name", &self.card.member.full_name())],
                ),
                yes: Box::new(Effect::DeleteMember(id)),
            }),
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Effect::None
            }
            Action::Down => {
                let view = View {
                    theme: &Theme::plain(),
                    today: ctx.clock.today(),
                    config: &ctx.config,
                };
                let longest = self
                    .columns(&view, 38)
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(0);
                self.scroll = (self.scroll + 1).min(longest.saturating_sub(1) as u16);
                Effect::None
            }
            Action::Back => Effect::ToCounter,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }

    /// The left and right columns as lines for a column `cols` wide.
    fn columns(&self, view: &View, cols: usize) -> [Vec<Line<'static>>; 2] {
        let theme = view.theme;
        let card = &self.card;
        let d = &card.member.draft;
        let none = || t("ui-none");
        let row = |label: &str, value: Option<String>| -> Line<'static> {
            let (value, style) = match value {
                Some(v) => (visual(&v), Style::new()),
                None => (none(), theme.dim()),
            };
            Line::from(vec![
                Span::raw(pad(label, LABEL)),
                Span::styled(value, style),
            ])
        };
        let heading = |key: &str| Line::styled(t(key), theme.heading());
        let birthday_text = d.birthday.map(|b| match b.year {
            Some(_) => {
                let age = b
                    .year
                    .and_then(|y| NaiveDate::from_ymd_opt(y, b.month, b.day))
                    .map(|born| {
                        BirthInfo::Born(born)
                            .age(view.today)
                            .map(|a| a.0)
                            .unwrap_or(0)
                    })
                    .unwrap_or(0);
                t_args(
                    "ui-born-with-age",
                    &[("date", &birthday(&b)), ("age", &age.to_string())],
                )
            }
            None => birthday(&b),
        });
        let mut left = vec![
            heading("ui-card-details"),
            row(
                &t("field-phone"),
                d.phone
                    .as_deref()
                    .map(|p| display_phone(p, view.config.country())),
            ),
            row(&t("field-email"), d.email.clone()),
            row(&t("field-birthday"), birthday_text),
            row(&t("field-card"), d.card.clone()),
            row(&t("field-area"), d.area.clone()),
            row(
                &t("ui-field-joined"),
                Some(date_with_year(card.member.joined_at)),
            ),
        ];
        let note = d
            .note
            .as_deref()
            .map(|n| wrap(n, cols.saturating_sub(LABEL).max(10)));
        match note {
            Some(lines) if !lines.is_empty() => {
                for (i, text) in lines.into_iter().enumerate() {
                    let label = if i == 0 {
                        t("field-note")
                    } else {
                        String::new()
                    };
                    left.push(row(&label, Some(text)));
                }
            }
            _ => left.push(row(&t("field-note"), None)),
        }
        left.push(Line::raw(""));
        left.push(heading("ui-card-consent"));
        for channel in Channel::ALL {
            let state = card.consents.iter().find(|c| c.channel == channel);
            let value = match state {
                Some(c) if c.granted => {
                    t_args("ui-consent-yes", &[("date", &date_with_year(c.at.date()))])
                }
                Some(c) => t_args(
                    "ui-consent-withdrawn",
                    &[("date", &date_with_year(c.at.date()))],
                ),
                None => t("ui-consent-no"),
            };
            left.push(row(
                &t(&format!("ui-channel-{}", channel.code())),
                Some(value),
            ));
        }

        let currency = view.config.currency();
        let mut right = vec![heading("ui-card-club")];
        right.extend(loyalty::club_lines(&self.loyalty, view, LABEL, cols));
        right.extend([Line::raw(""), heading("ui-card-children")]);
        let family_line =
            |parts: Vec<String>| Line::raw(format!("  {}", visual(&parts.join(" · "))));
        for child in &card.children {
            let mut parts = vec![child.name.clone()];
            parts.extend(child.gender.clone());
            parts.extend(birth(&child.birth, view.today));
            right.push(family_line(parts));
        }
        if card.children.is_empty() {
            right.push(Line::styled(
                format!("  {}", t("ui-card-no-children")),
                theme.dim(),
            ));
        }
        right.push(heading("ui-card-pets"));
        for pet in &card.pets {
            let mut parts = vec![pet.name.clone(), pet.kind.clone()];
            parts.extend(birth(&pet.birth, view.today));
            parts.extend(
                pet.gotcha
                    .map(|d| t_args("ui-card-gotcha", &[("date", &date_with_year(d))])),
            );
            right.push(family_line(parts));
        }
        if card.pets.is_empty() {
            right.push(Line::styled(
                format!("  {}", t("ui-card-no-pets")),
                theme.dim(),
            ));
        }
        right.push(Line::raw(""));
        let (history, habits) = if card.visits == 0 {
            (t("ui-card-no-purchases"), t("ui-card-no-purchases"))
        } else {
            let last = card
                .last_visit
                .map(|v| date_short(v, view.today))
                .unwrap_or_else(none);
            let visits = t_count("ui-visits", "count", card.visits);
            (
                t_args("ui-card-visits", &[("visits", &visits), ("last", &last)]),
                t_args(
                    "ui-card-spend",
                    &[("spend", &currency.format(card.spend_minor))],
                ),
            )
        };
        // Filled in by the purchase import; until then one line each.
        right.push(heading("ui-card-history"));
        right.push(Line::raw(format!("  {history}")));
        right.push(heading("ui-card-habits"));
        right.push(Line::raw(format!("  {habits}")));
        right.extend(self.purchases.summary_lines(theme));
        // Only once there is something: most members are never contacted.
        if !self.contacts.is_empty() {
            right.push(heading("ui-card-contacted"));
        }
        for entry in self.contacts.iter().take(3) {
            right.push(Line::raw(format!(
                "  {}",
                [
                    date_with_year(entry.at.date()),
                    contact_channel_name(entry.channel),
                    contact_reason_name(entry.reason),
                ]
                .join(" · ")
            )));
        }
        [left, right]
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let block = Block::bordered()
            .border_style(theme.border(self.form.is_none()))
            .title(Span::styled(
                format!(" {} ", visual(&self.purchases.title(&self.card.member))),
                theme.heading(),
            ));
        let inner = block.inner(area).inner(Margin::new(1, 0));
        block.render(area, buf);
        let banner_rows = self.soon.len().min(3) as u16;
        let [banner, body] =
            Layout::vertical([Constraint::Length(banner_rows), Constraint::Fill(1)]).areas(inner);
        let marker = theme.birthday_marker();
        let banner_lines: Vec<Line> = self
            .soon
            .iter()
            .map(|text| Line::styled(format!("{marker} {}", visual(text)), theme.good()))
            .collect();
        Paragraph::new(banner_lines).render(banner, buf);
        if self.purchases.is_shown() {
            self.purchases.render(body, buf, view);
            return None;
        }
        let [left_area, right_area] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .spacing(2)
                .areas(body);
        let [left, right] = self.columns(view, left_area.width as usize);
        let longest = left.len().max(right.len()) as u16;
        let scroll = self.scroll.min(longest.saturating_sub(body.height));
        Paragraph::new(left)
            .scroll((scroll, 0))
            .render(left_area, buf);
        Paragraph::new(right)
            .scroll((scroll, 0))
            .render(right_area, buf);
        let cursor = self
            .form
            .as_ref()
            .and_then(|form| form.render(area, buf, view));
        match &self.popup {
            Some(popup) => popup.render(area, buf, view),
            None => cursor,
        }
    }
}
