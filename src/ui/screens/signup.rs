//! Signing up a member, and editing one: one form, the fields a customer
//! at the counter usually gives first. Tab moves on, Enter saves, Esc asks
//! before throwing typed data away. A possible duplicate is shown before
//! saving, with "open existing" and "save anyway".

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::duplicates::{Choice, Duplicates};

#[path = "signup_found_us.rs"]
mod found_us;
#[path = "signup_taken.rs"]
mod taken;
use super::signup_fields::{Contact, Fields, Stop, check, check_one, read_contact};
use super::{Confirm, Effect, View};
use crate::config::Config;
use crate::context::Ctx;
use crate::domain::member::{Channel, MemberCard, MemberDraft};
use crate::error::Result;
use crate::message::Message;
use crate::ops::members::{self, IfDuplicate, MemberInput, Outcome};
use crate::ops::referral::Referral;
use crate::ui::keymap::{
    Action, DUPLICATE, Keymap, SIGNUP_BIRTHDAY, SIGNUP_CONSENT, SIGNUP_FIELD, SIGNUP_FOUND_US,
    SIGNUP_FOUND_US_PICK,
};
use crate::ui::stack::Screen;
use found_us::FoundUsPicker;

#[derive(Debug)]
pub struct SignupState {
    /// The member being edited (id and name); `None` for a new member.
    editing: Option<(i64, String)>,
    /// Stored details the form does not show, kept as they are on save.
    language: Option<String>,
    fields: Fields,
    initial: (Vec<String>, [bool; 4]),
    focus: usize,
    consent_cursor: usize,
    duplicates: Option<Duplicates>,
    /// How they found the club, and the words the form shows for it.
    referral: (Referral, String),
    picker: Option<FoundUsPicker>,
}

impl SignupState {
    /// A new member, filled from the counter's search. The cursor starts in
    /// the first field still empty.
    pub fn new(query: &str) -> SignupState {
        SignupState::prefilled(Fields::from_search(query))
    }

    /// A new member with the form filled in (from the search, or from
    /// what the till knows about a customer).
    pub fn prefilled(fields: Fields) -> SignupState {
        let focus = [Stop::FirstName, Stop::Contact, Stop::Birthday]
            .into_iter()
            .find(|stop| fields.get(*stop).is_blank())
            .unwrap_or(Stop::FirstName)
            .index();
        SignupState {
            editing: None,
            language: None,
            // What came from the search is still in the search: leaving an
            // untouched prefilled form loses nothing.
            initial: fields.snapshot(),
            fields,
            focus,
            consent_cursor: 0,
            duplicates: None,
            referral: (Referral::NotSaid, String::new()),
            picker: None,
        }
    }

    /// The same form holding a stored member.
    pub fn edit(card: &MemberCard, config: &Config) -> SignupState {
        let fields = Fields::from_card(card, config);
        SignupState {
            editing: Some((card.member.id, card.member.full_name())),
            language: card.member.draft.language.clone(),
            initial: fields.snapshot(),
            fields,
            focus: 0,
            consent_cursor: 0,
            duplicates: None,
            referral: (Referral::NotSaid, String::new()),
            picker: None,
        }
    }

    pub fn focus(&self) -> Stop {
        Stop::ALL[self.focus]
    }

    pub fn value(&self, stop: Stop) -> &str {
        self.fields.get(stop).value()
    }

    /// The problem shown under a field, as it reads now.
    pub fn error(&self, stop: Stop) -> Option<String> {
        self.fields.get(stop).error.as_ref().map(Message::to_string)
    }

    pub fn shows_duplicates(&self) -> bool {
        self.duplicates.is_some()
    }

    /// How they found the club, as chosen so far.
    pub fn referral(&self) -> &Referral {
        &self.referral.0
    }

    pub fn shows_found_us_picker(&self) -> bool {
        self.picker.is_some()
    }

    fn changed(&self) -> bool {
        self.fields.snapshot() != self.initial || self.referral.0 != Referral::NotSaid
    }

    fn move_focus(&mut self, ctx: &Ctx, forward: bool) {
        let leaving = self.focus();
        if leaving.is_text() {
            self.fields.get_mut(leaving).error =
                check_one(&self.fields, leaving, ctx.clock.today(), &ctx.config);
        }
        let n = Stop::ALL.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        // A stored member's referral was given with its bonus at signup.
        if self.editing.is_some() && self.focus() == Stop::FoundUs {
            return self.move_focus(ctx, forward);
        }
        // Arriving at the consent row with nothing ticked: start at the
        // channel the contact given suggests, so one Space ticks it.
        if self.focus() == Stop::Consent && !self.fields.consent.contains(&true) {
            let contact = read_contact(self.value(Stop::Contact), &ctx.config);
            self.consent_cursor = match contact {
                Ok(Some(Contact::Email(_))) => 1,
                _ => 0,
            };
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if let Some(dups) = &mut self.duplicates {
            return match dups.update(action) {
                Choice::Stay => Effect::None,
                Choice::Open(id) => Effect::ShowMember(id),
                Choice::SaveAnyway => {
                    self.duplicates = None;
                    self.save(ctx, true).unwrap_or_else(Effect::from)
                }
                Choice::BackToForm => {
                    self.duplicates = None;
                    Effect::None
                }
            };
        }
        if let Some(effect) = self.found_us_update(action, ctx) {
            return effect;
        }
        match action {
            Action::Input(request) if self.focus().is_text() => {
                let stop = self.focus();
                self.fields.get_mut(stop).handle(request);
            }
            Action::NextField => self.move_focus(ctx, true),
            Action::PrevField => self.move_focus(ctx, false),
            Action::Left => self.consent_cursor = (self.consent_cursor + 3) % 4,
            Action::Right => self.consent_cursor = (self.consent_cursor + 1) % 4,
            // F3 in the birthday field; what was typed stays.
            Action::Toggle if self.focus() == Stop::Birthday => {
                self.fields.get_mut(Stop::Birthday).error = None;
                self.fields.calendar = self.fields.calendar.next();
            }
            Action::Toggle => {
                let ticked = &mut self.fields.consent[self.consent_cursor];
                *ticked = !*ticked;
            }
            Action::Save => return self.save(ctx, false).unwrap_or_else(Effect::from),
            Action::Back if self.changed() => {
                let question = match &self.editing {
                    Some((_, name)) => Message::new("ui-confirm-discard-edit", &[("name", name)]),
                    None => Message::plain("ui-confirm-discard-new"),
                };
                return Effect::Confirm(Confirm {
                    title: Message::plain("ui-confirm-discard-title"),
                    question,
                    // Back to where the form was opened from (the card, when editing).
                    yes: Box::new(Effect::Back),
                });
            }
            Action::Back => return Effect::Back,
            _ => {}
        }
        Effect::None
    }

    /// The form as the operations read it: the contacts already told apart
    /// (either field may hold the phone or the email), the rest as typed.
    fn input(&self, draft: &MemberDraft, consents: &[Channel]) -> MemberInput {
        let typed = |stop| self.value(stop).to_string();
        MemberInput {
            first_name: typed(Stop::FirstName),
            family_name: typed(Stop::FamilyName),
            phone: draft.phone.clone().unwrap_or_default(),
            email: draft.email.clone().unwrap_or_default(),
            birthday: typed(Stop::Birthday),
            birthday_calendar: self.fields.calendar,
            card: typed(Stop::Card),
            area: typed(Stop::Area),
            note: typed(Stop::Note),
            language: self.language.clone(),
            consents: consents.iter().map(|c| c.code().to_string()).collect(),
        }
    }

    fn save(&mut self, ctx: &Ctx, allow_duplicates: bool) -> Result<Effect> {
        for field in &mut self.fields.text {
            field.error = None;
        }
        let (draft, consents) = match check(&self.fields, ctx.clock.today(), &ctx.config) {
            Ok(checked) => checked,
            Err(errors) => {
                self.focus = errors[0].0.index();
                for (stop, message) in errors {
                    self.fields.get_mut(stop).error = Some(message);
                }
                return Ok(Effect::Error(Message::plain("ui-signup-fix")));
            }
        };
        let input = self.input(&draft, &consents);
        let if_duplicate = if allow_duplicates {
            IfDuplicate::SaveAnyway
        } else {
            IfDuplicate::Ask
        };
        let editing = self.editing.as_ref().map(|(id, _)| *id);
        let outcome = match editing {
            None => members::sign_up_referred(ctx, &input, if_duplicate, &self.referral.0),
            Some(id) => members::edit_member(ctx, id, &input, if_duplicate),
        };
        let saved = match outcome {
            Ok(Outcome::Saved(saved)) => saved,
            Ok(Outcome::MaybeDuplicates(members)) => {
                self.duplicates = Some(Duplicates::new(members));
                return Ok(Effect::None);
            }
            Err(e) if taken::is_taken(&e) => return self.refused(ctx, &input, editing, e),
            Err(e) => return Err(e),
        };
        let notice = if editing.is_some() {
            "ui-saved"
        } else {
            "ui-signed-up"
        };
        let mut notice = Message::new(notice, &[("name", &saved.name)]);
        if let Some(note) = self.found_us_note(ctx, &saved.name) {
            notice = Message::joined(notice, note);
        }
        // Receipts bought before signing up (or under a card or phone just
        // added) became the member's with the save.
        if saved.claimed > 0 {
            let claimed = Message::count("ui-claimed", "count", saved.claimed as i64);
            notice = Message::joined(notice, claimed);
        }
        // A ticked channel whose contact once withdrew stays without consent.
        if !saved.suppressed.is_empty() {
            let names: Vec<String> = saved
                .suppressed
                .iter()
                .map(|c| crate::words::review::channel_name(*c))
                .collect();
            let note = Message::new(
                "signup-suppressed",
                &[("name", &saved.name), ("channels", &names.join(", "))],
            );
            notice = Message::joined(notice, note);
        }
        // Editing: back to the card below, which reloads. Signing up: the
        // new card takes the form's place.
        let card = if self.editing.is_some() {
            Effect::Back
        } else {
            Effect::ShowMember(saved.id)
        };
        Ok(Effect::Many(vec![card, Effect::Notice(notice)]))
    }
}

#[path = "signup_consent.rs"]
mod consent;
#[path = "signup_render.rs"]
mod render;

impl Screen for SignupState {
    fn name(&self) -> &'static str {
        "signup"
    }

    fn keymap(&self) -> Keymap {
        if let Some(dups) = &self.duplicates {
            dups.keymap()
        } else if self.picker.is_some() {
            SIGNUP_FOUND_US_PICK
        } else if self.focus() == Stop::FoundUs {
            SIGNUP_FOUND_US
        } else if self.focus() == Stop::Consent {
            SIGNUP_CONSENT
        } else if self.focus() == Stop::Birthday {
            SIGNUP_BIRTHDAY
        } else {
            SIGNUP_FIELD
        }
    }

    fn text_focus(&self) -> bool {
        // The found-us row takes a typed letter as the start of a search.
        self.duplicates.is_none() && (self.focus().is_text() || self.focus() == Stop::FoundUs)
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-signup-fields", SIGNUP_FIELD),
            ("ui-help-signup-birthday", SIGNUP_BIRTHDAY),
            ("ui-help-signup-consent", SIGNUP_CONSENT),
            ("signup-found-us-help", SIGNUP_FOUND_US),
            ("signup-found-us-help-pick", SIGNUP_FOUND_US_PICK),
            ("ui-help-duplicate", DUPLICATE),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        SignupState::update(self, action, ctx)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        SignupState::render(self, area, buf, view)
    }
}
