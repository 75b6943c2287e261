//! The member card: details, consent per channel, the club figures,
//! children and pets, upcoming birthdays, and (once receipts are imported)
//! visits and habits. From here: edit, add, change or remove a child or a
//! pet, erase the member or export their data; service notes.

use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::family::{FamilyForm, FormResult, Kin};
use super::feedback_dialog::{FeedbackDialog, Scale};
use super::member_history::PurchasesPage;
use super::member_loyalty::{self as loyalty, CardLoyalty, LoyaltyPopup};
use super::signup::SignupState;
use super::survey_ask::SurveyAsk;
use super::{Confirm, Effect, View};
use crate::context::Ctx;
use crate::domain::contact::ContactEntry;
use crate::domain::dates::Feb29;
use crate::domain::dates::{Celebrant, DayLabel, celebrations_within, day_label};
use crate::domain::family::BirthInfo;
use crate::domain::habits::Purchase;
use crate::domain::member::{Channel, MemberCard, display_phone};
use crate::domain::reminders::{Anniversary, Kind, Occasion, Window};
use crate::error::{Error, Result};
use crate::i18n::{t, t_args, t_count};
use crate::message::{Arg, Message};
use crate::ops::export_contacts::exports_folder_name;
use crate::ops::lookup;
use crate::ui::format::{birth, birthday, date_short, date_with_year, pad, wrap};
use crate::ui::keymap::{
    Action, FAMILY_FORM, Keymap, MEMBER, MEMBER_PURCHASES, NOTE_KIND, NOTE_RESOLVE, NOTE_TEXT,
    POINTS, POINTS_FORM, REDEEM,
};
use crate::ui::stack::Screen;
use crate::ui::theme::Theme;
use crate::words::review::{contact_channel_name, contact_reason_name};

#[path = "member_consent.rs"]
mod consent;
#[path = "member_family.rs"]
mod family_picks;
#[path = "member_notes.rs"]
mod notes;
#[path = "member_render.rs"]
mod render;
#[path = "member_till.rs"]
mod till;

pub use family_picks::FamilyEffect;

/// Birthdays this many days ahead are announced on the card.
const SOON_DAYS: u32 = 7;
const LABEL: usize = 12;

#[derive(Debug)]
pub struct MemberState {
    card: MemberCard,
    /// "Noam turns 6 on Thursday", soonest first.
    soon: Vec<Message>,
    scroll: u16,
    form: Option<FamilyForm>,
    /// The child or pet picked with `f`: children first, then pets.
    family_at: Option<usize>,
    /// The second page: visits and habits.
    purchases: PurchasesPage,
    /// Birthday wishes and winbacks from the weekly review, newest first.
    contacts: Vec<ContactEntry>,
    pub(super) loyalty: CardLoyalty,
    /// Redeeming or the points history, over the card.
    pub(super) popup: Option<LoyaltyPopup>,
    /// Till customers linked to the member by hand, and the one `l` picked.
    till: Vec<crate::ops::till_customers::LinkedCustomer>,
    till_at: Option<usize>,
    /// The channel `s` picked for `g`, and the consent log, newest first.
    consent_at: Option<usize>,
    consent_log: Vec<crate::domain::consent::ConsentEntry>,
    /// Service notes, newest first, and the form adding or resolving one.
    notes: Vec<crate::domain::note::Note>,
    note_form: Option<super::note_form::NoteForm>,
}

/// Who of the member's household has a birthday within a week:
/// "Noam turns 6 on Thursday". Approximate ages have no date, so they never
/// appear here.
fn upcoming(card: &MemberCard, today: NaiveDate, rule: Feb29) -> Vec<Message> {
    celebrations_within(card, today, SOON_DAYS, rule)
        .into_iter()
        .map(|c| {
            let name = match &c.who {
                Celebrant::Member => card.member.draft.first_name.clone(),
                Celebrant::Child { name } | Celebrant::Pet { name, .. } => name.clone(),
            };
            let when = Arg::message(when_text(day_label(c.days_until, today)));
            match c.turning {
                Some(age) => Message::with(
                    "ui-soon-turns",
                    vec![
                        ("name", Arg::Text(name)),
                        ("age", Arg::Count(age.into())),
                        ("when", when),
                    ],
                ),
                None => Message::with(
                    "ui-soon-birthday",
                    vec![("name", Arg::Text(name)), ("when", when)],
                ),
            }
        })
        .chain(gotcha_days(card, today, rule))
        .collect()
}

/// "Bo came home 3 years ago on Thursday": pets' gotcha days within a week.
fn gotcha_days(card: &MemberCard, today: NaiveDate, rule: Feb29) -> Vec<Message> {
    let window = Window::new(today, SOON_DAYS, rule);
    // A pet that has passed away is no longer celebrated.
    card.pets
        .iter()
        .filter(|pet| pet.passed_away.is_none())
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
            let when = Arg::message(when_text(day_label(r.days_until, today)));
            Message::with(
                "ui-soon-gotcha",
                vec![
                    ("name", Arg::Text(r.anniversary.name.clone())),
                    ("when", when),
                ],
            )
        })
        .collect()
}

/// "today", "tomorrow", "on Thursday", "in 7 days".
fn when_text(label: DayLabel) -> Message {
    match label {
        DayLabel::Weekday(_) => Message::with(
            "ui-when-weekday",
            vec![("weekday", Arg::key(label.message_key()))],
        ),
        DayLabel::InDays(days) => Message::count(label.message_key(), "days", days),
        DayLabel::Today | DayLabel::Tomorrow => Message::plain(label.message_key()),
    }
}

impl MemberState {
    /// The card of member `id`, as stored now, with its loyalty figures.
    pub fn open(ctx: &Ctx, id: i64) -> Result<MemberState> {
        let Some(file) = lookup::member_file(ctx, id)? else {
            return Err(Error::user("ui-err-member-gone", &[]));
        };
        let today = ctx.clock.today();
        let mut state = MemberState::new(file.card, today, ctx.config.dates.feb29)
            .with_purchases(file.purchases, today)
            .with_visit_branches(file.visit_branches)
            .with_contacts(file.contacts)
            .with_consent_log(crate::ops::consent::history(ctx, id)?)
            .with_notes(crate::ops::notes::list(ctx, Some(id), false)?);
        state.reload_loyalty(ctx)?;
        state.load_till(ctx)?;
        Ok(state)
    }

    pub fn new(card: MemberCard, today: NaiveDate, rule: Feb29) -> MemberState {
        MemberState {
            soon: upcoming(&card, today, rule),
            card,
            scroll: 0,
            form: None,
            family_at: None,
            purchases: PurchasesPage::new(Vec::new(), today),
            contacts: vec![],
            loyalty: CardLoyalty::default(),
            popup: None,
            till: vec![],
            till_at: None,
            consent_at: None,
            consent_log: vec![],
            notes: vec![],
            note_form: None,
        }
    }

    /// The member's receipts, newest first, for the visits and habits page.
    pub fn with_purchases(mut self, purchases: Vec<Purchase>, today: NaiveDate) -> MemberState {
        self.purchases = PurchasesPage::new(purchases, today);
        self
    }

    /// Names the branch of each visit (`Some(this shop's name)`): a chain.
    pub fn with_visit_branches(mut self, own: Option<String>) -> MemberState {
        self.purchases.branches = own;
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

    /// The birthdays and gotcha days shown on top, as they read now.
    pub fn soon(&self) -> Vec<String> {
        self.soon.iter().map(Message::to_string).collect()
    }

    pub fn has_form(&self) -> bool {
        self.form.is_some()
    }

    pub fn close_form(&mut self) {
        self.form = None;
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let id = self.id();
        if let Some(popup) = &mut self.popup {
            return popup.update(action, ctx, id);
        }
        if let Some(form) = &mut self.form {
            let result = form.update(action, ctx, id);
            return self.form_result(result);
        }
        if self.note_form.is_some() {
            return self.update_note_form(action, ctx);
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
            Action::Edit => match lookup::member_card(ctx, id) {
                Ok(Some(card)) => Effect::Open(Box::new(SignupState::edit(&card, &ctx.config))),
                Ok(None) => Effect::Error(Message::plain("ui-err-member-gone")),
                Err(e) => e.into(),
            },
            Action::AddChild => {
                self.form = Some(FamilyForm::new(Kin::Child, &first_name));
                Effect::None
            }
            Action::AddPet => {
                self.form = Some(FamilyForm::new(Kin::Pet, &first_name));
                Effect::None
            }
            Action::PickFamily => self.pick_next(),
            Action::EditFamily => self.edit_picked(ctx),
            Action::RemoveFamily => self.remove_picked(),
            Action::PetPassedAway => self.passed_away_picked(),
            Action::Delete => Effect::Confirm(Confirm {
                title: Message::plain("ui-confirm-erase-title"),
                question: Message::new(
                    "ui-confirm-erase",
                    &[("name", &self.card.member.full_name())],
                ),
                yes: Box::new(Effect::EraseMember(id)),
            }),
            Action::Export => self.ask_export(ctx),
            Action::AskNps => self.ask_feedback(Scale::Nps),
            Action::AskCsat => self.ask_feedback(Scale::Csat),
            Action::Survey => SurveyAsk::open(ctx, id, &self.card.member.full_name()),
            Action::CameToEvent => super::event_pick::came_to_event(ctx, id),
            Action::PickTillCustomer => self.pick_till(),
            Action::Unlink => self.ask_unlink(&ctx.config),
            Action::PickConsent => self.pick_consent(),
            Action::ChangeConsent => self.ask_change_consent(),
            Action::AddNote => self.start_note(),
            Action::ResolveNote => self.start_resolve(),
            Action::Up | Action::PageUp | Action::Down | Action::PageDown => {
                self.scroll_by(action, ctx);
                Effect::None
            }
            Action::Back => Effect::Back,
            Action::Quit => Effect::Quit,
            _ => Effect::None,
        }
    }
}

impl MemberState {
    /// `v` and `y`: the NPS or CSAT question, answered by this member.
    fn ask_feedback(&self, scale: Scale) -> Effect {
        let who = Some((self.id(), self.card.member.full_name()));
        Effect::Open(Box::new(FeedbackDialog::new(who, scale)))
    }

    /// `o`: asks before writing the member's own copy of their data,
    /// saying what goes in it and the folder it goes to.
    fn ask_export(&self, ctx: &Ctx) -> Effect {
        let folder = match exports_folder_name(ctx) {
            Ok(folder) => folder.display().to_string(),
            Err(e) => return Effect::Error(e.message()),
        };
        let name = self.card.member.full_name();
        Effect::Confirm(Confirm {
            title: Message::plain("ui-confirm-export-member-title"),
            question: Message::new(
                "ui-confirm-export-member",
                &[("name", &name), ("folder", &folder)],
            ),
            yes: Box::new(Effect::ExportMember(self.id(), name)),
        })
    }
}

impl Screen for MemberState {
    fn name(&self) -> &'static str {
        "member"
    }

    fn keymap(&self) -> Keymap {
        if let Some(popup) = &self.popup {
            popup.keymap()
        } else if self.form.is_some() {
            FAMILY_FORM
        } else if let Some(form) = &self.note_form {
            form.keymap()
        } else if self.purchases.is_shown() {
            MEMBER_PURCHASES
        } else {
            MEMBER
        }
    }

    fn text_focus(&self) -> bool {
        self.form.is_some()
            || self.popup.as_ref().is_some_and(LoyaltyPopup::text_focus)
            || self.note_form.as_ref().is_some_and(|f| f.text_focus())
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-member", MEMBER),
            ("ui-help-member-purchases", MEMBER_PURCHASES),
            ("ui-help-family-form", FAMILY_FORM),
            ("ui-help-redeem", REDEEM),
            ("ui-help-points", POINTS),
            ("ui-help-points-form", POINTS_FORM),
            ("ui-help-note-kind", NOTE_KIND),
            ("ui-help-note-text", NOTE_TEXT),
            ("ui-help-note-resolve", NOTE_RESOLVE),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        MemberState::update(self, action, ctx)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        MemberState::render(self, area, buf, view)
    }

    fn resumed(&mut self, ctx: &Ctx) -> Result<()> {
        // A form above (editing) may have changed anything on the card.
        *self = MemberState::open(ctx, self.id())?;
        Ok(())
    }
}
