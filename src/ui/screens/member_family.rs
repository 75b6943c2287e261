//! The member card's children and pets: `f` picks one (children first,
//! then pets, then none again), Enter edits it in the form it was added
//! with, `x` removes it and `m` marks a pet as passed away, each after a
//! yes/no question. A name the member already has is asked about too.

use super::*;
use crate::ops::family_edit;
use crate::ops::members::IfDuplicate;

/// What the app does for the card after a yes to a family question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FamilyEffect {
    RemoveChild(i64),
    RemovePet(i64),
    PetPassedAway(i64),
    /// Save the open form although the member has one of that name.
    SaveAnyway,
}

/// The child or pet picked on the card.
enum Picked<'a> {
    Child(&'a crate::domain::family::Child),
    Pet(&'a crate::domain::family::Pet),
}

impl MemberState {
    /// Which of children-then-pets is picked, if any.
    pub fn picked(&self) -> Option<usize> {
        self.family_at
    }

    fn picked_one(&self) -> Option<Picked<'_>> {
        let at = self.family_at?;
        let children = &self.card.children;
        match children.get(at) {
            Some(child) => Some(Picked::Child(child)),
            None => self.card.pets.get(at - children.len()).map(Picked::Pet),
        }
    }

    /// `f`: the next child or pet, and after the last one none.
    pub(super) fn pick_next(&mut self) -> Effect {
        let count = self.card.children.len() + self.card.pets.len();
        self.family_at = match self.family_at {
            _ if count == 0 => None,
            None => Some(0),
            Some(at) if at + 1 < count => Some(at + 1),
            Some(_) => None,
        };
        if count == 0 {
            return Effect::Notice(Message::plain("ui-family-none-to-pick"));
        }
        Effect::None
    }

    /// Enter: the picked child or pet in its form.
    pub(super) fn edit_picked(&mut self, ctx: &Ctx) -> Effect {
        let (today, order) = (ctx.clock.today(), ctx.config.date_order());
        let name = self.card.member.draft.first_name.clone();
        self.form = match self.picked_one() {
            Some(Picked::Child(c)) => Some(FamilyForm::edit_child(c, &name, today, order)),
            Some(Picked::Pet(p)) => Some(FamilyForm::edit_pet(p, &name, today, order)),
            None => return Effect::Notice(Message::plain("ui-family-pick-first")),
        };
        Effect::None
    }

    /// `x`: remove the picked child or pet, once the owner says yes.
    pub(super) fn remove_picked(&self) -> Effect {
        let (name, yes) = match self.picked_one() {
            Some(Picked::Child(c)) => (&c.name, FamilyEffect::RemoveChild(c.id)),
            Some(Picked::Pet(p)) => (&p.name, FamilyEffect::RemovePet(p.id)),
            None => return Effect::Notice(Message::plain("ui-family-pick-first")),
        };
        Effect::Confirm(Confirm {
            title: Message::plain("ui-confirm-family-remove-title"),
            question: Message::new("ui-confirm-family-remove", &[("name", name)]),
            yes: Box::new(Effect::Family(yes)),
        })
    }

    /// `m`: mark the picked pet as passed away today, once the owner says yes.
    pub(super) fn passed_away_picked(&self) -> Effect {
        match self.picked_one() {
            Some(Picked::Pet(p)) if p.passed_away.is_none() => Effect::Confirm(Confirm {
                title: Message::plain("ui-confirm-passed-away-title"),
                question: Message::new("ui-confirm-passed-away", &[("name", &p.name)]),
                yes: Box::new(Effect::Family(FamilyEffect::PetPassedAway(p.id))),
            }),
            Some(Picked::Pet(_)) => Effect::None,
            _ => Effect::Notice(Message::plain("ui-family-pick-pet")),
        }
    }

    /// The form's save found the same name: ask before saving it twice.
    pub(super) fn ask_same(name: &str) -> Effect {
        Effect::Confirm(Confirm {
            title: Message::plain("ui-confirm-same-name-title"),
            question: Message::new("ui-confirm-same-name", &[("name", name)]),
            yes: Box::new(Effect::Family(FamilyEffect::SaveAnyway)),
        })
    }

    /// Carries out what the owner said yes to; the card then shows again.
    pub fn family_effect(&mut self, effect: FamilyEffect, ctx: &Ctx) -> Effect {
        let id = self.id();
        let done = match effect {
            FamilyEffect::RemoveChild(kin) => family_edit::remove_child(ctx, kin)
                .map(|r| Message::new("ui-family-removed", &[("name", &r.name)])),
            FamilyEffect::RemovePet(kin) => family_edit::remove_pet(ctx, kin)
                .map(|r| Message::new("ui-family-removed", &[("name", &r.name)])),
            FamilyEffect::PetPassedAway(kin) => family_edit::pet_passed_away_today(ctx, kin)
                .map(|r| Message::new("ui-family-passed-away", &[("name", &r.name)])),
            FamilyEffect::SaveAnyway => {
                let Some(form) = &mut self.form else {
                    return Effect::None;
                };
                match form.save(ctx, id, IfDuplicate::SaveAnyway) {
                    Ok(result) => return self.form_result(Ok(result)),
                    Err(e) => Err(e),
                }
            }
        };
        match done {
            Ok(notice) => Effect::Many(vec![Effect::ShowMember(id), Effect::Notice(notice)]),
            Err(e) => e.into(),
        }
    }

    /// What the card does with what its form said.
    pub(super) fn form_result(&mut self, result: Result<FormResult>) -> Effect {
        match result {
            Ok(FormResult::Stay) => Effect::None,
            Ok(FormResult::Close) => {
                self.form = None;
                Effect::None
            }
            Ok(FormResult::AskDiscard) => Effect::Confirm(Confirm {
                title: Message::plain("ui-confirm-discard-title"),
                question: Message::plain("ui-confirm-discard-family"),
                yes: Box::new(Effect::CloseFamilyForm),
            }),
            Ok(FormResult::AskSame(name)) => MemberState::ask_same(&name),
            Ok(FormResult::Saved(name)) => {
                self.form = None;
                Effect::Many(vec![
                    Effect::ShowMember(self.id()),
                    Effect::Notice(Message::new("ui-family-added", &[("name", &name)])),
                ])
            }
            Err(e) => e.into(),
        }
    }
}
