//! `a` on the member card: the member came to today's event. With one
//! event today it is marked at once; with several today, or none, a small
//! picker of the latest events asks which one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::Style;

use super::events_view::row;
use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::event::Event;
use crate::message::Message;
use crate::ops::events;
use crate::ui::keymap::{Action, EVENT_PICK, Keymap};
use crate::ui::stack::Screen;
use crate::ui::widgets::popup::{centered, frame};
use crate::words::dates::date_with_year;

/// How many of the latest events the picker offers.
const OFFERED: i64 = 8;

/// Marks `member` as come to today's only event, or opens the picker.
pub fn came_to_event(ctx: &Ctx, member: i64) -> Effect {
    let offered = match events::for_the_counter(ctx, OFFERED) {
        Ok(offered) => offered,
        Err(e) => return e.into(),
    };
    match offered.as_slice() {
        [] => Effect::Error(Message::plain("ui-event-pick-none")),
        [only] if only.date == ctx.clock.today() => mark(ctx, only.id, member),
        _ => Effect::Open(Box::new(EventPickState {
            member,
            events: offered,
            at: 0,
        })),
    }
}

/// Marks the member as come; the message line says so, or why not.
fn mark(ctx: &Ctx, event: i64, member: i64) -> Effect {
    match events::attend(ctx, event, member, "card") {
        Ok(done) => {
            let key = if done.invited {
                "event-attended"
            } else {
                "event-attended-uninvited"
            };
            Effect::Notice(Message::new(
                key,
                &[("name", &done.name), ("event", &done.event.name)],
            ))
        }
        Err(e) => e.into(),
    }
}

/// The picker over the card: the latest events up to today.
#[derive(Debug)]
pub struct EventPickState {
    member: i64,
    events: Vec<Event>,
    at: usize,
}

impl EventPickState {
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}

impl Screen for EventPickState {
    fn name(&self) -> &'static str {
        "event-pick"
    }

    fn keymap(&self) -> Keymap {
        EVENT_PICK
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![("ui-help-event-pick", EVENT_PICK)]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match action {
            Action::Up => self.at = self.at.saturating_sub(1),
            Action::Down => self.at = (self.at + 1).min(self.events.len().saturating_sub(1)),
            Action::Save => {
                if let Some(event) = self.events.get(self.at) {
                    // Back on the card, the message line says what happened.
                    return Effect::Many(vec![Effect::Back, mark(ctx, event.id, self.member)]);
                }
            }
            Action::Back => return Effect::Back,
            _ => {}
        }
        Effect::None
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        let (theme, dir) = (view.theme, view.dir);
        let height = self.events.len() as u16 + 4;
        let boxed = centered(area, 60, height);
        let title = dir.text(&crate::i18n::t("ui-event-pick-title"));
        let inside = frame(boxed, buf, &title, theme).inner(Margin::new(1, 1));
        let cols = inside.width as usize;
        for (i, event) in self.events.iter().enumerate() {
            if i as u16 >= inside.height {
                break;
            }
            let selected = i == self.at;
            let style = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            let parts = [date_with_year(event.date), event.name.clone()];
            let text = dir.fit_drawn(&dir.join(&parts, "  "), cols.saturating_sub(2));
            let cells = [dir.marker(selected).to_string(), text];
            let at = row(inside, i as u16);
            buf.set_style(at, style);
            dir.put(buf, at, &dir.drawn_cells(&cells), style);
        }
        None
    }
}
