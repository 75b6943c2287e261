//! The weekly review, the owner's Monday-morning screen: birthdays of
//! members, children and pets in the next 7, 14 or 30 days grouped by day,
//! regulars who stopped coming, records missing data, (once loyalty
//! exists) members close to the next tier, and members waiting for a
//! request or complaint to be resolved. Each row shows the channels the
//! member agreed to and a ready-to-send message; `c` marks it contacted,
//! `y` copies the message, `x` exports the contacts of the list on one
//! channel (the same choice as every contact export). Drawing is in
//! `review_render.rs`.
//!
//! On a big club a list takes a moment to gather, so each section is
//! loaded behind the screen as a job of its own, and only when it is
//! shown: the screen opens at once on the birthdays (empty, or with the
//! lists it had when it reloads), the message line says the list is being
//! gathered, and keys keep working until it arrives. The other sections
//! are gathered the first time their tab is chosen.

use super::Effect;
use super::View;
use super::contacts_export::ContactsExport;
use crate::context::Ctx;
use crate::domain::contact::ContactChannel;
use crate::domain::review::{NearTier, Part, Review, ReviewRow, Section};
use crate::error::Result;
use crate::message::Message;
use crate::ops::review;
use crate::ui::job::{Job, News, OnLeave};
use crate::ui::keymap::{Action, CONTACTS_EXPORT, Keymap, REVIEW, REVIEW_CONTACT};
use crate::ui::stack::Screen;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// How many parts the review has.
const SECTIONS: usize = Section::ALL.len();

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
    pub(super) selected: [usize; SECTIONS],
    pub(super) choice: Option<ContactChoice>,
    /// The export step, while it is open.
    pub(super) export: Option<ContactsExport>,
    /// The sections whose list is current, in [`Section::ALL`] order.
    loaded: [bool; SECTIONS],
    /// The sections being gathered, until they arrive.
    work: [Option<Job<ReviewNews>>; SECTIONS],
}

/// A gathering's one word: its section, or why it failed.
#[derive(Debug)]
pub struct ReviewNews(std::result::Result<Part, Message>);

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
    /// Opens at once and gathers the birthdays behind the screen; the
    /// shorter windows are filters of 30 days.
    pub fn open(ctx: &Ctx) -> Result<ReviewState> {
        let mut state = ReviewState {
            review: Review::empty(ctx.clock.today(), ctx.program().has_tiers()),
            section: Section::Birthdays,
            window: 0,
            selected: [0; SECTIONS],
            choice: None,
            export: None,
            loaded: [false; SECTIONS],
            work: Default::default(),
        };
        state.reload(ctx)?;
        Ok(state)
    }

    /// Gathers the lists again (after a card was edited), keeping the
    /// place: the section shown now, the others when next chosen. The
    /// lists shown stay until the new ones arrive.
    pub fn reload(&mut self, ctx: &Ctx) -> Result<()> {
        self.loaded = [false; SECTIONS];
        self.gather(ctx, self.section);
        Ok(())
    }

    /// Starts gathering `section` unless it is current or on its way.
    fn gather(&mut self, ctx: &Ctx, section: Section) -> bool {
        let i = section_index(section);
        if self.loaded[i] || self.work[i].is_some() {
            return false;
        }
        self.work[i] = Some(Job::start(ctx, OnLeave::LetFinish, move |ctx, _| {
            ReviewNews(review::part(ctx, section).map_err(|e| e.message()))
        }));
        true
    }

    /// The section shown is still being gathered.
    pub fn is_loading(&self) -> bool {
        self.work[section_index(self.section)].is_some()
    }

    /// Whether the list of `section` has been gathered (its count is known).
    pub fn is_loaded(&self, section: Section) -> bool {
        self.loaded[section_index(section)]
    }

    /// Takes the lists that have arrived.
    fn take_lists(&mut self) -> Effect {
        let mut effects = vec![];
        for i in 0..self.work.len() {
            let Some(work) = &self.work[i] else {
                continue;
            };
            let Some(ReviewNews(result)) = work.drain().pop() else {
                continue;
            };
            self.work[i] = None;
            match result {
                Ok(part) => {
                    let section = part.section();
                    self.review.put(part);
                    self.loaded[section_index(section)] = true;
                    let n = self.rows_of(section).len();
                    let at = &mut self.selected[section_index(section)];
                    *at = (*at).min(n.saturating_sub(1));
                }
                Err(why) => effects.push(Effect::Error(why)),
            }
        }
        if effects.is_empty() && !self.is_loading() {
            effects.push(Effect::Withdraw(LOADING));
        }
        Effect::Many(effects)
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
            Section::OpenNotes => &self.review.open_notes,
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

    /// Shows the next or previous section, gathering its list the first
    /// time, the message line saying so until it arrives.
    fn switch_section(&mut self, delta: isize, ctx: &Ctx) -> Effect {
        let n = Section::ALL.len() as isize;
        let next = (section_index(self.section) as isize + delta).rem_euclid(n);
        self.section = Section::ALL[next as usize];
        if self.gather(ctx, self.section) {
            Effect::Notice(Message::plain(LOADING))
        } else if self.is_loading() {
            Effect::None
        } else {
            Effect::Withdraw(LOADING)
        }
    }

    pub fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        if self.choice.is_some() {
            return self.update_choice(action, ctx);
        }
        if self.export.is_some() {
            return self.update_export(action, ctx);
        }
        match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-10),
            Action::PageDown => self.step(10),
            Action::NextSection => return self.switch_section(1, ctx),
            Action::PrevSection => return self.switch_section(-1, ctx),
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
}

impl Screen for ReviewState {
    fn name(&self) -> &'static str {
        "review"
    }

    fn keymap(&self) -> Keymap {
        if self.choice.is_some() {
            REVIEW_CONTACT
        } else if self.export.is_some() {
            CONTACTS_EXPORT
        } else {
            REVIEW
        }
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        vec![
            ("ui-help-review", REVIEW),
            ("ui-help-review-contact", REVIEW_CONTACT),
            ("ui-help-contacts-export", CONTACTS_EXPORT),
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

    /// Any list on its way, shown or not: its count fills in a tab title.
    fn working(&self) -> bool {
        self.work.iter().any(Option::is_some)
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        self.take_lists()
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        let mut ran = false;
        for work in self.work.iter_mut().flatten() {
            ran |= work.run_here(ctx);
        }
        ran
    }
}
