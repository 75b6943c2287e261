//! The Events screen (`e` on the counter's list): every event with its
//! day, how many were invited against the capacity, and how many came.
//! `n` adds one with a small form; Enter opens the event's page.
//!
//! The list is read by a job, as the other lists are, so a club with
//! years of events opens at once and fills in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::event::EventState;
use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::event::EventRow;
use crate::message::Message;
use crate::ops::events;
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{Action, EVENTS, EVENTS_FORM, Keymap};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::TextField;
use crate::words::dates::date_with_year;

/// The list's one word: the events, or why they could not be read.
#[derive(Debug)]
pub struct EventsNews(std::result::Result<Vec<EventRow>, Message>);

impl News for EventsNews {
    fn is_progress(&self) -> bool {
        false
    }

    fn failed(why: Message) -> EventsNews {
        EventsNews(Err(why))
    }
}

/// The new event's fields, in order.
pub const FORM_FIELDS: [&str; 3] = ["field-name", "event-field-date", "event-field-capacity"];

/// The form for a new event: name, date, capacity (blank for no limit).
#[derive(Debug, Default)]
pub struct EventForm {
    pub fields: [TextField; 3],
    pub focus: usize,
}

#[derive(Debug)]
pub struct EventsState {
    pub(super) rows: Vec<EventRow>,
    pub(super) at: usize,
    pub(super) form: Option<EventForm>,
    work: Option<Job<EventsNews>>,
}

impl EventsState {
    pub fn open(ctx: &Ctx) -> EventsState {
        let mut state = EventsState {
            rows: vec![],
            at: 0,
            form: None,
            work: None,
        };
        state.reload(ctx);
        state
    }

    fn reload(&mut self, ctx: &Ctx) {
        self.work = Some(Job::start(ctx, OnLeave::LetFinish, |ctx, _| {
            EventsNews(events::list(ctx).map_err(|e| e.message()))
        }));
    }

    pub fn rows(&self) -> &[EventRow] {
        &self.rows
    }

    pub fn is_working(&self) -> bool {
        self.work.is_some()
    }

    fn take_news(&mut self) -> Effect {
        let Some(work) = &self.work else {
            return Effect::None;
        };
        let Some(EventsNews(result)) = work.drain().pop() else {
            return Effect::None;
        };
        self.work = None;
        match result {
            Ok(rows) => {
                self.rows = rows;
                self.at = self.at.min(self.rows.len().saturating_sub(1));
                Effect::None
            }
            Err(why) => Effect::Error(why),
        }
    }

    fn update_form(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(form) = &mut self.form else {
            return Effect::None;
        };
        match action {
            Action::Input(request) => {
                form.fields[form.focus].handle(request);
            }
            Action::NextField => form.focus = (form.focus + 1) % FORM_FIELDS.len(),
            Action::PrevField => {
                form.focus = (form.focus + FORM_FIELDS.len() - 1) % FORM_FIELDS.len()
            }
            Action::Back => self.form = None,
            Action::Save => return self.save(ctx),
            _ => {}
        }
        Effect::None
    }

    /// Adds the event as typed; a mistake stays on the form, at its field.
    fn save(&mut self, ctx: &Ctx) -> Effect {
        let Some(form) = &mut self.form else {
            return Effect::None;
        };
        let [name, date, capacity] = &form.fields;
        let capacity_text = capacity.value().trim();
        let capacity = match capacity_text {
            "" => None,
            text => match text.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    form.focus = 2;
                    form.fields[2].error = Some(Message::new(
                        "err-event-capacity",
                        &[("value", capacity_text)],
                    ));
                    return Effect::None;
                }
            },
        };
        match events::add(ctx, name.value(), date.value(), capacity) {
            Ok(event) => {
                self.form = None;
                self.reload(ctx);
                Effect::Notice(Message::new(
                    "ui-events-added",
                    &[("name", &event.name), ("date", &date_with_year(event.date))],
                ))
            }
            Err(e) => {
                // The field the refusal is about: the date's or the
                // capacity's words, else the name.
                let field = match e.key() {
                    Some("err-field") => 1,
                    Some("err-event-capacity") => 2,
                    _ => 0,
                };
                form.focus = field;
                form.fields[field].error = Some(e.message());
                Effect::None
            }
        }
    }
}

impl Screen for EventsState {
    fn name(&self) -> &'static str {
        "events"
    }

    fn keymap(&self) -> Keymap {
        if self.form.is_some() {
            EVENTS_FORM
        } else {
            EVENTS
        }
    }

    fn text_focus(&self) -> bool {
        self.form.is_some()
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-events", EVENTS),
            ("ui-help-events-form", EVENTS_FORM),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if self.form.is_some() {
            return self.update_form(action, ctx);
        }
        match action {
            Action::Up => self.at = self.at.saturating_sub(1),
            Action::Down => self.at = (self.at + 1).min(self.rows.len().saturating_sub(1)),
            Action::NewEvent => self.form = Some(EventForm::default()),
            Action::Open => {
                if let Some(row) = self.rows.get(self.at) {
                    return Effect::Open(Box::new(EventState::open(ctx, row.event.clone())));
                }
            }
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn resumed(&mut self, ctx: &Ctx) -> crate::error::Result<()> {
        self.reload(ctx);
        Ok(())
    }

    fn working(&self) -> bool {
        self.is_working()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        self.take_news()
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.work.as_mut().is_some_and(|w| w.run_here(ctx))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        EventsState::render(self, area, buf, view)
    }
}
