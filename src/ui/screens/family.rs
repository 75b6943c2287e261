//! The small form on the member card for adding or editing a child or a
//! pet: name, born (a date, or an age in years when the parent only knows
//! that), gender or kind of animal, and a pet's gotcha day.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};

use super::View;
use crate::context::Ctx;
use crate::domain::date_order::DateOrder;
use crate::domain::family::{BirthInfo, Child, Pet};
use crate::domain::member::{Birthday, FieldError, clean_text};
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::message::Message;
pub use crate::ops::family::Kin;
use crate::ops::family::{self, BirthProblem, KinInput, KinOutcome};
use crate::ops::family_edit::{self, KinChange};
use crate::ops::members::IfDuplicate;
use crate::ui::format;
use crate::ui::keymap::Action;
use crate::ui::screens::signup_fields::typed_birthday;
use crate::ui::widgets::field::{TextField, render_error, render_row};
use crate::ui::widgets::popup::{centered, frame};
use crate::words::examples;

const NAME: usize = 0;
const BORN: usize = 1;
/// Gender for a child, kind of animal for a pet.
const DETAIL: usize = 2;
/// The day a pet came home (pets only).
const GOTCHA: usize = 3;

/// What the form asks of the member card after an update.
#[derive(Debug, PartialEq)]
pub enum FormResult {
    Stay,
    /// Close without asking (nothing was typed).
    Close,
    /// Something was typed: ask before throwing it away.
    AskDiscard,
    /// Stored; the name, for the notice.
    Saved(String),
    /// The member already has one of that name: ask before saving it.
    AskSame(String),
}

#[derive(Debug)]
pub struct FamilyForm {
    kin: Kin,
    member_name: String,
    /// The child or pet being edited; none when adding.
    editing: Option<i64>,
    fields: [TextField; 4],
    focus: usize,
}

/// A date with its year, or a whole number of years ("about 3").
pub fn read_birth(input: &str, today: NaiveDate, order: DateOrder) -> Result<BirthInfo, Message> {
    let (born, age) = split_birth(input);
    family::read_birth(born, age, today, order).map_err(|problem| match problem {
        BirthProblem::Date(e @ FieldError::FutureDate) => Message::plain(e.message_key()),
        BirthProblem::NoYear => Message::plain("ui-err-born-needs-year"),
        _ => examples::born_message("ui-err-born", order),
    })
}

/// [`read_birth`], refusing an age past what `kin` can be.
fn read_birth_of(
    kin: Kin,
    input: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<BirthInfo, Message> {
    let birth = read_birth(input, today, order)?;
    family::check_age(kin, birth, today)
        .map_err(|_| Message::new("ui-err-too-old", &[("limit", &kin.max_years().to_string())]))
}

/// A day as the owner types it in the shop's date order.
fn typed_day(day: NaiveDate, order: DateOrder) -> String {
    use chrono::Datelike;
    let b = Birthday {
        month: day.month(),
        day: day.day(),
        year: Some(day.year()),
    };
    typed_birthday(&b, order.month_first())
}

/// The "born" field as it would be typed again: the date, or the age now.
fn typed_birth(birth: &BirthInfo, today: NaiveDate, order: DateOrder) -> String {
    match birth {
        BirthInfo::Born(day) => typed_day(*day, order),
        BirthInfo::About { .. } => birth
            .age(today)
            .map(|(years, _)| years.to_string())
            .unwrap_or_default(),
        BirthInfo::Unknown => String::new(),
    }
}

/// The one "born" field as (date, age): up to three digits are an age.
fn split_birth(input: &str) -> (&str, &str) {
    let input = input.trim();
    if !input.is_empty() && input.len() <= 3 && input.chars().all(|c| c.is_ascii_digit()) {
        ("", input)
    } else {
        (input, "")
    }
}

impl FamilyForm {
    pub fn new(kin: Kin, member_name: &str) -> FamilyForm {
        FamilyForm {
            kin,
            member_name: member_name.to_string(),
            editing: None,
            fields: Default::default(),
            focus: NAME,
        }
    }

    /// The same form holding a stored child, to change it.
    pub fn edit_child(
        child: &Child,
        member_name: &str,
        today: NaiveDate,
        order: DateOrder,
    ) -> FamilyForm {
        let mut form = FamilyForm::new(Kin::Child, member_name);
        form.editing = Some(child.id);
        form.fields[NAME].set(&child.name);
        form.fields[BORN].set(&typed_birth(&child.birth, today, order));
        form.fields[DETAIL].set(child.gender.as_deref().unwrap_or(""));
        form
    }

    /// The same form holding a stored pet, to change it.
    pub fn edit_pet(
        pet: &Pet,
        member_name: &str,
        today: NaiveDate,
        order: DateOrder,
    ) -> FamilyForm {
        let mut form = FamilyForm::new(Kin::Pet, member_name);
        form.editing = Some(pet.id);
        form.fields[NAME].set(&pet.name);
        form.fields[BORN].set(&typed_birth(&pet.birth, today, order));
        form.fields[DETAIL].set(&pet.kind);
        form.fields[GOTCHA].set(&pet.gotcha.map(|d| typed_day(d, order)).unwrap_or_default());
        form
    }

    fn label(&self, field: usize) -> String {
        match (field, self.kin) {
            (NAME, _) => t("field-name"),
            (BORN, _) => t("ui-field-born-or-age"),
            (GOTCHA, _) => t("field-gotcha"),
            (_, Kin::Child) => t("field-gender"),
            (_, Kin::Pet) => t("field-kind"),
        }
    }

    /// The order of the fields on screen: "Rex, dog, 2" for a pet, but a
    /// child's birthday matters more than the gender.
    fn order(&self) -> &'static [usize] {
        match self.kin {
            Kin::Child => &[NAME, BORN, DETAIL],
            Kin::Pet => &[NAME, DETAIL, BORN, GOTCHA],
        }
    }

    fn step(&mut self, by: usize) {
        let order = self.order();
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        self.focus = order[(at + by) % order.len()];
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx, member_id: i64) -> Result<FormResult> {
        match action {
            Action::Input(request) => {
                self.fields[self.focus].handle(request);
            }
            Action::NextField => self.step(1),
            Action::PrevField => self.step(self.order().len() - 1),
            Action::Save => return self.save(ctx, member_id, IfDuplicate::Ask),
            Action::Back if self.fields.iter().any(|f| !f.is_blank()) => {
                return Ok(FormResult::AskDiscard);
            }
            Action::Back => return Ok(FormResult::Close),
            _ => {}
        }
        Ok(FormResult::Stay)
    }

    /// Saves what the form holds; `if_same` says whether a name the member
    /// already has for another child or pet is asked about first.
    pub fn save(&mut self, ctx: &Ctx, member_id: i64, if_same: IfDuplicate) -> Result<FormResult> {
        let today = ctx.clock.today();
        let name = clean_text(self.fields[NAME].value());
        let detail = Some(clean_text(self.fields[DETAIL].value())).filter(|d| !d.is_empty());
        let required = Message::plain(FieldError::Required.message_key());
        self.fields[NAME].error = name.is_empty().then(|| required.clone());
        if self.kin == Kin::Pet && detail.is_none() {
            self.fields[DETAIL].error = Some(required);
        }
        let order = ctx.config.date_order();
        let birth = read_birth_of(self.kin, self.fields[BORN].value(), today, order);
        self.fields[BORN].error = birth.err();
        let gotcha = self.fields[GOTCHA].value().trim();
        self.fields[GOTCHA].error = (!gotcha.is_empty())
            .then(|| family::full_date(gotcha, today, order).err())
            .flatten()
            .map(|_| examples::born_message("ui-err-born", order));
        if let Some(bad) = self
            .order()
            .iter()
            .copied()
            .find(|f| self.fields[*f].error.is_some())
        {
            self.focus = bad;
            return Ok(FormResult::Stay);
        }
        let (born, age) = split_birth(self.fields[BORN].value());
        let input = KinInput {
            name,
            detail: detail.unwrap_or_default(),
            born: born.to_string(),
            age: age.to_string(),
            gotcha: self.fields[GOTCHA].value().to_string(),
        };
        let outcome = match (self.kin, self.editing) {
            (Kin::Child, None) => family::add_child(ctx, member_id, &input, if_same)?,
            (Kin::Pet, None) => family::add_pet(ctx, member_id, &input, if_same)?,
            (Kin::Child, Some(id)) => {
                family_edit::edit_child(ctx, id, &KinChange::all(&input), if_same)?
            }
            (Kin::Pet, Some(id)) => {
                family_edit::edit_pet(ctx, id, &KinChange::all(&input), if_same)?
            }
        };
        Ok(match outcome {
            KinOutcome::Saved(added) => FormResult::Saved(added.name),
            KinOutcome::SameName(name) => FormResult::AskSame(name),
        })
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let title_key = match (self.kin, self.editing) {
            (Kin::Child, None) => "ui-family-add-child",
            (Kin::Pet, None) => "ui-family-add-pet",
            (Kin::Child, Some(_)) => "ui-family-edit-child",
            (Kin::Pet, Some(_)) => "ui-family-edit-pet",
        };
        let popup = centered(area, 76, 2 + 2 * self.order().len() as u16 + 2);
        let title = t_args(title_key, &[("name", &self.member_name)]);
        let inner = frame(popup, buf, &view.dir.text(&title), theme).inner(Margin::new(1, 1));
        let mut cursor = None;
        let mut y = inner.y;
        for &i in self.order() {
            let label = &self.label(i);
            if y >= inner.bottom() {
                break;
            }
            let at = Rect::new(inner.x, y, inner.width, 1);
            let value = self.fields[i].value();
            let hint = match i {
                BORN if value.trim().is_empty() => Some((t("ui-hint-born"), theme.dim())),
                BORN => read_birth_of(self.kin, value, view.today, view.config.date_order())
                    .ok()
                    .and_then(|b| format::birth(&b, view.today))
                    .map(|text| (t_args("ui-hint-ok", &[("value", &text)]), theme.good())),
                DETAIL if self.kin == Kin::Pet && value.trim().is_empty() => {
                    Some((t("ui-hint-kind"), theme.dim()))
                }
                _ => None,
            };
            let c = render_row(at, buf, label, &self.fields[i], i == self.focus, hint, view);
            cursor = cursor.or(c);
            y += 1;
            if let Some(error) = &self.fields[i].error
                && y < inner.bottom()
            {
                render_error(
                    Rect::new(inner.x, y, inner.width, 1),
                    buf,
                    error,
                    theme,
                    view.dir,
                );
            }
            y += 1;
        }
        cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn born_reads_a_date_or_an_age() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            read_birth("26.11.2020", today, DateOrder::DayFirst),
            Ok(BirthInfo::Born(
                NaiveDate::from_ymd_opt(2020, 11, 26).unwrap()
            ))
        );
        assert_eq!(
            read_birth("3", today, DateOrder::DayFirst),
            Ok(BirthInfo::About {
                years: 3,
                on: today
            })
        );
        assert_eq!(
            read_birth("", today, DateOrder::DayFirst),
            Ok(BirthInfo::Unknown)
        );
        assert_eq!(
            read_birth("26.11.", today, DateOrder::DayFirst),
            Err(Message::plain("ui-err-born-needs-year"))
        );
        assert_eq!(
            read_birth("soon", today, DateOrder::DayFirst),
            Err(examples::born_message("ui-err-born", DateOrder::DayFirst))
        );
        assert_eq!(
            read_birth("1.1.2030", today, DateOrder::DayFirst),
            Err(Message::plain("field-future-date"))
        );
    }
}
