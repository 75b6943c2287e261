//! The weekly review, the owner's Monday-morning screen: birthdays of
//! members, children and pets in the next 7, 14 or 30 days grouped by day,
//! regulars who stopped coming, records missing data, and (once loyalty
//! exists) members close to the next tier. Each row shows the channels the
//! member agreed to and a ready-to-send message; `c` marks it contacted,
//! `y` copies the message, `x` exports the list. Drawing is in
//! `review_render.rs`.
//!
//! On a big club the lists take a moment to gather, so they are loaded
//! behind the screen as a job: the screen opens at once (empty, or with
//! the lists it had when it reloads), the message line says the lists are
//! being gathered, and keys keep working until they arrive.

use super::Effect;
use super::View;
use crate::context::Ctx;
use crate::domain::contact::ContactChannel;
use crate::domain::review::{NearTier, Review, ReviewRow, Section};
use crate::error::Result;
use crate::message::{Arg, Message};
use crate::ops::review;
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{Action, Keymap, REVIEW, REVIEW_CONTACT};
use crate::ui::stack::Screen;
use crate::words::dates::day_text;
use crate::words::review::{contact_channel_name, reason_text};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// The windows `d` steps through.
pub const WINDOWS: [u32; 3] = [7, 14, 30];

/// The "how was the member contacted?" choice.
#[derive(Debug)]
pub struct ContactChoice {
    pub channels: Vec<ContactChannel>,
    pub selected: usize,
}

#[derive(Debug)]
pub struct ReviewState {
    pub(super) review: Review,
    pub(super) section: Section,
    /// Index into [`WINDOWS`].
    pub(super) window: usize,
    /// The selected row of each section, in [`Section::ALL`] order.
    pub(super) selected: [usize; 4],
    pub(super) choice: Option<ContactChoice>,
    /// The lists being gathered, until they arrive.
    work: Option<Job<ReviewNews>>,
}

/// The gathering's one word: the whole review, or why it failed.
#[derive(Debug)]
pub struct ReviewNews(std::result::Result<Review, Message>);

impl News for ReviewNews {
    fn is_progress(&self) -> bool {
        false
    }

    fn failed(why: Message) -> ReviewNews {
        ReviewNews(Err(why))
    }
}

/// What the message line says while the lists are gathered.
pub const LOADING: &str = "ui-review-loading";

fn section_index(section: Section) -> usize {
    Section::ALL
        .iter()
        .position(|s| *s == section)
        .unwrap_or_default()
}

impl ReviewState {
    /// Opens at once and gathers every list behind the screen; the shorter
    /// windows are filters of 30 days.
    pub fn open(ctx: &Ctx) -> Result<ReviewState> {
        let near_tier = if ctx.program().has_tiers() {
            NearTier::Members(vec![])
        } else {
            NearTier::NotSetUp
        };
        let mut state = ReviewState {
            review: Review {
                today: ctx.clock.today(),
                birthdays: vec![],
                near_tier,
                lapsed: vec![],
                missing: vec![],
                missing_total: 0,
            },
            section: Section::Birthdays,
            window: 0,
            selected: [0; 4],
            choice: None,
            work: None,
        };
        state.reload(ctx)?;
        Ok(state)
    }

    /// Gathers the lists again (after a card was edited), keeping the
    /// place; the lists shown stay until the new ones arrive.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.work = Some(Job::start(ctx, OnLeave::LetFinish, |ctx, _| {
            ReviewNews(review::open(ctx).map_err(|e| e.message()))
        }));
        Ok(())
    }

    /// The lists are still being gathered.
    pub fn is_loading(&self) -> bool {
        self.work.is_some()
    }

    /// Takes the lists when they have arrived.
    fn take_lists(&mut self) -> Effect {
        let Some(work) = &self.work else {
            return Effect::None;
        };
        let Some(ReviewNews(result)) = work.drain().pop() else {
            return Effect::None;
        };
        self.work = None;
        match result {
            Ok(review) => {
                self.review = review;
                for (i, section) in Section::ALL.into_iter().enumerate() {
                    let n = self.rows_of(section).len();
                    self.selected[i] = self.selected[i].min(n.saturating_sub(1));
                }
                Effect::Withdraw(LOADING)
            }
            Err(why) => Effect::Error(why),
        }
    }

    pub fn section(&self) -> Section {
        self.section
    }

    pub fn days(&self) -> u32 {
        WINDOWS[self.window]
    }

    /// The rows of a section; birthdays within the chosen window.
    pub fn rows_of(&self, section: Section) -> &[ReviewRow] {
        match section {
            Section::Birthdays => {
                let last = self.review.today + chrono::Duration::days(i64::from(self.days()));
                let rows = &self.review.birthdays;
                &rows[..rows.partition_point(|r| r.date.is_some_and(|d| d <= last))]
            }
            Section::NearTier => match &self.review.near_tier {
                NearTier::NotSetUp => &[],
                NearTier::Members(rows) => rows,
            },
            Section::Lapsed => &self.review.lapsed,
            Section::Missing => &self.review.missing,
        }
    }

    pub fn rows(&self) -> &[ReviewRow] {
        self.rows_of(self.section)
    }

    pub fn selected_index(&self) -> usize {
        self.selected[section_index(self.section)]
    }

    pub fn selected_row(&self) -> Option<&ReviewRow> {
        self.rows().get(self.selected_index())
    }

    fn step(&mut self, delta: isize) {
        let n = self.rows().len() as isize;
        let i = section_index(self.section);
        if n > 0 {
            self.selected[i] = (self.selected[i] as isize + delta).clamp(0, n - 1) as usize;
        }
    }

    fn switch_section(&mut self, delta: isize) {
        let n = Section::ALL.len() as isize;
        let next = (section_index(self.section) as isize + delta).rem_euclid(n);
        self.section = Section::ALL[next as usize];
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if self.choice.is_some() {
            return self.update_choice(action, ctx);
        }
        match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-10),
            Action::PageDown => self.step(10),
            Action::NextSection => self.switch_section(1),
            Action::PrevSection => self.switch_section(-1),
            Action::CycleDays => {
                self.window = (self.window + 1) % WINDOWS.len();
                // A shorter window may end before the selected row.
                self.step(0);
            }
            Action::MarkContacted => return self.ask_channel(),
            Action::CopyMessage => return self.copy(),
            Action::Export => return self.export(ctx),
            Action::Open => {
                if let Some(row) = self.selected_row() {
                    return Effect::OpenMember(row.member_id);
                }
            }
            Action::Back => return Effect::Back,
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn ask_channel(&mut self) -> Effect {
        let Some(row) = self.selected_row() else {
            return Effect::None;
        };
        if row.reason.is_none() {
            return Effect::Error(Message::plain("ui-review-nothing-to-send"));
        }
        self.choice = Some(ContactChoice {
            channels: row.allowed_channels(),
            selected: 0,
        });
        Effect::None
    }

    fn update_choice(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(choice) = &mut self.choice else {
            return Effect::None;
        };
        let n = choice.channels.len().max(1);
        match action {
            Action::Up => choice.selected = (choice.selected + n - 1) % n,
            Action::Down => choice.selected = (choice.selected + 1) % n,
            Action::Back => self.choice = None,
            Action::Quit => return Effect::Quit,
            Action::Save => {
                let channel = choice.channels.get(choice.selected).copied();
                self.choice = None;
                if let Some(channel) = channel {
                    return self.mark(channel, ctx);
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// The list on screen as a CSV file (`x`), said where it went.
    fn export(&self, ctx: &Ctx) -> Effect {
        let today = self.review.today;
        let reason = |row: &ReviewRow| reason_text(row, today);
        match review::review_csv(ctx, self.section, self.days(), self.rows(), &reason) {
            Ok(done) => Effect::Notice(
                Message::new(
                    "ui-review-exported",
                    &[("path", &done.path.display().to_string())],
                )
                .and(
                    "rows",
                    Arg::message(Message::count("ui-review-rows", "count", done.rows as i64)),
                ),
            ),
            Err(e) => e.into(),
        }
    }

    /// Writes the contact log entry and greys the row out.
    fn mark(&mut self, channel: ContactChannel, ctx: &Ctx) -> Effect {
        let index = self.selected_index();
        let Some(row) = self.rows().get(index) else {
            return Effect::None;
        };
        if row.reason.is_none() {
            return Effect::None;
        }
        let entry = match review::mark_contacted(ctx, row, channel) {
            Ok(entry) => entry,
            Err(e) => return e.into(),
        };
        let now = entry.at;
        let list = match self.section {
            Section::Birthdays => &mut self.review.birthdays,
            Section::Lapsed => &mut self.review.lapsed,
            Section::NearTier | Section::Missing => return Effect::None,
        };
        let Some(row) = list.get_mut(index) else {
            return Effect::None;
        };
        row.contacted = Some(entry);
        Effect::Notice(Message::new(
            "ui-review-marked",
            &[
                ("name", &row.full_name()),
                ("channel", &contact_channel_name(channel)),
                ("date", &day_text(now.date())),
            ],
        ))
    }

    fn copy(&self) -> Effect {
        match self.selected_row() {
            Some(row) => match &row.message {
                Some((text, _)) => Effect::Many(vec![
                    Effect::Copy(text.clone()),
                    Effect::Notice(Message::new(
                        "ui-review-copied",
                        &[("name", &row.member.first_name)],
                    )),
                ]),
                None => Effect::Error(Message::plain("ui-review-no-message")),
            },
            None => Effect::None,
        }
    }
}

impl Screen for ReviewState {
    fn name(&self) -> &'static str {
        "review"
    }

    fn keymap(&self) -> Keymap {
        if self.choice.is_some() {
            REVIEW_CONTACT
        } else {
            REVIEW
        }
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-review", REVIEW),
            ("ui-help-review-contact", REVIEW_CONTACT),
        ]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        ReviewState::update(self, action, ctx)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        ReviewState::render(self, area, buf, view)
    }

    fn resumed(&mut self, ctx: &Ctx) -> Result<()> {
        self.reload(ctx)
    }

    fn working(&self) -> bool {
        self.is_loading()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        self.take_lists()
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.work.as_mut().is_some_and(|w| w.run_here(ctx))
    }
}
