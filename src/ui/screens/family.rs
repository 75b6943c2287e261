//! The small form on the member card for adding a child or a pet: name,
//! born (a date, or an age in years when the parent only knows that), and
//! gender or kind of animal.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};

use super::View;
use crate::context::Ctx;
use crate::domain::date_order::DateOrder;
use crate::domain::family::BirthInfo;
use crate::domain::member::{FieldError, clean_text};
use crate::error::Result;
use crate::i18n::{t, t_args};
use crate::message::Message;
use crate::ops::family::{self, BirthProblem, KinInput};
use crate::ui::format;
use crate::ui::keymap::Action;
use crate::ui::widgets::field::{TextField, render_error, render_row};
use crate::ui::widgets::popup::{centered, frame};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kin {
    Child,
    Pet,
}

const NAME: usize = 0;
const BORN: usize = 1;
/// Gender for a child, kind of animal for a pet.
const DETAIL: usize = 2;

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
}

#[derive(Debug)]
pub struct FamilyForm {
    kin: Kin,
    member_name: String,
    fields: [TextField; 3],
    focus: usize,
}

/// A date with its year, or a whole number of years ("about 3").
pub fn read_birth(input: &str, today: NaiveDate, order: DateOrder) -> Result<BirthInfo, Message> {
    let (born, age) = split_birth(input);
    family::read_birth(born, age, today, order).map_err(|problem| match problem {
        BirthProblem::Date(e @ FieldError::FutureDate) => Message::plain(e.message_key()),
        BirthProblem::NoYear => Message::plain("ui-err-born-needs-year"),
        _ => Message::plain("ui-err-born"),
    })
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
            fields: Default::default(),
            focus: NAME,
        }
    }

    fn label(&self, field: usize) -> String {
        match (field, self.kin) {
            (NAME, _) => t("field-name"),
            (BORN, _) => t("ui-field-born-or-age"),
            (_, Kin::Child) => t("field-gender"),
            (_, Kin::Pet) => t("field-kind"),
        }
    }

    /// The order of the fields on screen: "Rex, dog, 2" for a pet, but a
    /// child's birthday matters more than the gender.
    fn order(&self) -> [usize; 3] {
        match self.kin {
            Kin::Child => [NAME, BORN, DETAIL],
            Kin::Pet => [NAME, DETAIL, BORN],
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
            Action::PrevField => self.step(2),
            Action::Save => return self.save(ctx, member_id),
            Action::Back if self.fields.iter().any(|f| !f.is_blank()) => {
                return Ok(FormResult::AskDiscard);
            }
            Action::Back => return Ok(FormResult::Close),
            _ => {}
        }
        Ok(FormResult::Stay)
    }

    fn save(&mut self, ctx: &Ctx, member_id: i64) -> Result<FormResult> {
        let today = ctx.clock.today();
        let name = clean_text(self.fields[NAME].value());
        let detail = Some(clean_text(self.fields[DETAIL].value())).filter(|d| !d.is_empty());
        let required = Message::plain(FieldError::Required.message_key());
        self.fields[NAME].error = name.is_empty().then(|| required.clone());
        if self.kin == Kin::Pet && detail.is_none() {
            self.fields[DETAIL].error = Some(required);
        }
        let birth = read_birth(self.fields[BORN].value(), today, ctx.config.date_order());
        if let Err(message) = &birth {
            self.fields[BORN].error = Some(message.clone());
        }
        if let Some(bad) = self
            .order()
            .into_iter()
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
            gotcha: String::new(),
        };
        let added = match self.kin {
            Kin::Child => family::add_child(ctx, member_id, &input)?,
            Kin::Pet => family::add_pet(ctx, member_id, &input)?,
        };
        Ok(FormResult::Saved(added.name))
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let theme = view.theme;
        let title_key = match self.kin {
            Kin::Child => "ui-family-add-child",
            Kin::Pet => "ui-family-add-pet",
        };
        let popup = centered(area, 76, 10);
        let title = t_args(title_key, &[("name", &self.member_name)]);
        let inner = frame(popup, buf, &view.dir.text(&title), theme).inner(Margin::new(1, 1));
        let mut cursor = None;
        let mut y = inner.y;
        for i in self.order() {
            let label = &self.label(i);
            if y >= inner.bottom() {
                break;
            }
            let at = Rect::new(inner.x, y, inner.width, 1);
            let value = self.fields[i].value();
            let hint = match i {
                BORN if value.trim().is_empty() => Some((t("ui-hint-born"), theme.dim())),
                BORN => read_birth(value, view.today, view.config.date_order())
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
            Err(Message::plain("ui-err-born"))
        );
        assert_eq!(
            read_birth("1.1.2030", today, DateOrder::DayFirst),
            Err(Message::plain("field-future-date"))
        );
    }
}
