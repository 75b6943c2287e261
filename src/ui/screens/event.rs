//! An event's page: the 90 days after it (those who came against the
//! active members not invited), the check list of who was invited and who
//! came — Space marks or unmarks a member — and inviting a segment (`i`):
//! a saved segment's name or a typed expression and the channel; the
//! contact list goes into the exports folder, as the Segments screen's
//! export does, and the message line says how many and where.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::{Effect, View};
use crate::context::Ctx;
use crate::domain::event::{Event, Guest};
use crate::domain::member::Channel;
use crate::message::{Arg, Message};
use crate::ops::events::EventPage;
use crate::ops::{event_invite, events, segments};
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{Action, EVENT, EVENT_INVITE, Keymap};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::TextField;
use crate::words::numbers::number;

/// The page's one word: the figures and the check list.
#[derive(Debug)]
pub struct EventNews(std::result::Result<(EventPage, Vec<Guest>), Message>);

impl News for EventNews {
    fn is_progress(&self) -> bool {
        false
    }

    fn failed(why: Message) -> EventNews {
        EventNews(Err(why))
    }
}

/// Inviting a segment: what is typed, the channel, the saved segments'
/// names to pick from.
#[derive(Debug)]
pub struct InviteForm {
    pub segment: TextField,
    pub channel: Channel,
    pub saved: Vec<String>,
}

#[derive(Debug)]
pub struct EventState {
    pub(super) event: Event,
    pub(super) page: Option<EventPage>,
    pub(super) guests: Vec<Guest>,
    pub(super) at: usize,
    pub(super) invite: Option<InviteForm>,
    work: Option<Job<EventNews>>,
}

impl EventState {
    /// Opens on the event as listed; the figures and the list fill in.
    pub fn open(ctx: &Ctx, event: Event) -> EventState {
        let mut state = EventState {
            event,
            page: None,
            guests: vec![],
            at: 0,
            invite: None,
            work: None,
        };
        state.reload(ctx);
        state
    }

    fn reload(&mut self, ctx: &Ctx) {
        let id = self.event.id;
        self.work = Some(Job::start(ctx, OnLeave::LetFinish, move |ctx, _| {
            let page = events::show(ctx, id).and_then(|p| Ok((p, events::guests(ctx, id)?)));
            EventNews(page.map_err(|e| e.message()))
        }));
    }

    pub fn page(&self) -> Option<&EventPage> {
        self.page.as_ref()
    }

    pub fn guests(&self) -> &[Guest] {
        &self.guests
    }

    pub fn is_working(&self) -> bool {
        self.work.is_some()
    }

    fn take_news(&mut self) -> Effect {
        let Some(work) = &self.work else {
            return Effect::None;
        };
        let Some(EventNews(result)) = work.drain().pop() else {
            return Effect::None;
        };
        self.work = None;
        match result {
            Ok((page, guests)) => {
                self.event = page.event.clone();
                self.page = Some(page);
                self.guests = guests;
                self.at = self.at.min(self.guests.len().saturating_sub(1));
                Effect::None
            }
            Err(why) => Effect::Error(why),
        }
    }

    /// Space: the member came, or (marked by mistake) did not.
    fn toggle(&mut self, ctx: &Ctx) -> Effect {
        let Some(guest) = self.guests.get_mut(self.at) else {
            return Effect::None;
        };
        let done = if guest.came {
            events::forget_attendance(ctx, self.event.id, guest.member_id).map(|_| ())
        } else {
            events::attend(ctx, self.event.id, guest.member_id, "list").map(|_| ())
        };
        match done {
            Ok(()) => {
                guest.came = !guest.came;
                // The figures of those who came change with the list.
                self.reload(ctx);
                Effect::None
            }
            Err(e) => e.into(),
        }
    }

    fn open_invite(&mut self, ctx: &Ctx) -> Effect {
        match segments::list(ctx) {
            Ok(saved) => {
                self.invite = Some(InviteForm {
                    segment: TextField::default(),
                    channel: Channel::Sms,
                    saved: saved.into_iter().map(|s| s.name).collect(),
                });
                Effect::None
            }
            Err(e) => e.into(),
        }
    }

    fn update_invite(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(form) = &mut self.invite else {
            return Effect::None;
        };
        match action {
            Action::Input(request) => {
                form.segment.handle(request);
            }
            Action::NextField => {
                form.channel = match form.channel {
                    Channel::Sms => Channel::Email,
                    _ => Channel::Sms,
                }
            }
            Action::Back => self.invite = None,
            Action::Save => return self.send_invite(ctx),
            _ => {}
        }
        Effect::None
    }

    /// Invites the segment as typed and says how many, where the list
    /// went and by how many the capacity is passed; a mistake in the
    /// segment stays on the form.
    fn send_invite(&mut self, ctx: &Ctx) -> Effect {
        let Some(form) = &mut self.invite else {
            return Effect::None;
        };
        let text = form.segment.value().trim().to_string();
        if text.is_empty() {
            form.segment.error = Some(Message::plain("ui-segments-export-empty"));
            return Effect::None;
        }
        match event_invite::invite(ctx, self.event.id, &text, form.channel, None) {
            Ok(done) => {
                self.invite = None;
                self.reload(ctx);
                let written = done.written as i64;
                let mut said = Message::with(
                    "event-invite-written",
                    vec![
                        ("count", Arg::Count(written)),
                        ("shown", Arg::Text(number(written))),
                        ("path", Arg::Text(done.path.display().to_string())),
                    ],
                );
                if done.over > 0 {
                    let over = Message::with(
                        "event-invite-over",
                        vec![
                            ("over", Arg::Count(done.over)),
                            ("invited", Arg::Count(done.invited)),
                            ("capacity", Arg::Count(self.event.capacity.unwrap_or(0))),
                        ],
                    );
                    said = Message::joined(said, over);
                }
                Effect::Notice(said)
            }
            Err(e) => {
                form.segment.error = Some(e.message());
                Effect::None
            }
        }
    }
}

impl Screen for EventState {
    fn name(&self) -> &'static str {
        "event"
    }

    fn keymap(&self) -> Keymap {
        if self.invite.is_some() {
            EVENT_INVITE
        } else {
            EVENT
        }
    }

    fn text_focus(&self) -> bool {
        self.invite.is_some()
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-event", EVENT),
            ("ui-help-event-invite", EVENT_INVITE),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if self.invite.is_some() {
            return self.update_invite(action, ctx);
        }
        match action {
            Action::Up => self.at = self.at.saturating_sub(1),
            Action::Down => self.at = (self.at + 1).min(self.guests.len().saturating_sub(1)),
            Action::Toggle => return self.toggle(ctx),
            Action::Invite => return self.open_invite(ctx),
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
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
        EventState::render(self, area, buf, view)
    }
}
