//! The app's state and its one `update`: a key becomes an action through
//! the keymap of what has focus; the action changes the screen's state and
//! may ask the app for more ([`Effect`]), such as opening a card or asking
//! before a delete. Drawing is in `window.rs` and only reads this state.

use ratatui::crossterm::event::{Event, KeyEvent};
use rusqlite::Connection;

use crate::context::Ctx;
use crate::error::Result;
use crate::i18n::{t, t_args, t_count};
use crate::ops::{lookup, members};
use crate::ui::keymap::{self, Action, CONFIRM, HELP_SCREEN, Keymap, WELCOME};
use crate::ui::screens::counter::CounterState;
use crate::ui::screens::help::HelpState;
use crate::ui::screens::import::ImportState;
use crate::ui::screens::member::MemberState;
use crate::ui::screens::review::ReviewState;
use crate::ui::screens::signup::SignupState;
use crate::ui::screens::tiers::TiersState;
use crate::ui::screens::unmatched::UnmatchedState;
use crate::ui::screens::welcome::{DEMO_MEMBERS, DEMO_SEED, WelcomeState};
use crate::ui::screens::{Confirm, Effect, View};
use crate::ui::theme::Theme;
use crate::ui::window::{MIN_HEIGHT, MIN_WIDTH};

/// The screen in front. The counter's state lives on in [`App`] while
/// other screens are open, so coming back shows the same search.
#[derive(Debug)]
pub enum Screen {
    Welcome(WelcomeState),
    Counter,
    Signup(Box<SignupState>),
    Member(Box<MemberState>),
    Import(Box<ImportState>),
    Unmatched(Box<UnmatchedState>),
    Review(Box<ReviewState>),
    Tiers(Box<TiersState>),
}

pub struct App {
    pub(super) ctx: Ctx,
    pub(super) theme: Theme,
    pub(super) screen: Screen,
    pub(super) counter: CounterState,
    pub(super) help: Option<HelpState>,
    pub(super) confirm: Option<Confirm>,
    /// The message line: text and whether it reports a problem.
    pub(super) message: Option<(String, bool)>,
    demo_pending: bool,
    /// A file to import in place after the next frame.
    pub(super) import_pending: Option<std::path::PathBuf>,
    /// The review waits here while a card opened from it is in front; Esc
    /// on the card comes back to it.
    review_behind: Option<Box<ReviewState>>,
    /// An escape sequence for the terminal (clipboard), written after the frame.
    terminal_out: Option<String>,
    /// The window is below 80×24: nothing is visible, so only Ctrl-C works.
    too_small: bool,
    quit: bool,
}

impl App {
    /// Starts on the welcome screen when the club has no members yet, else
    /// on the counter.
    pub fn new(ctx: Ctx, theme: Theme) -> Result<App> {
        lookup::bring_points_up_to_date(&ctx)?;
        let mut counter = CounterState::default();
        counter.reload(&ctx)?;
        let screen = if lookup::member_count(&ctx)? == 0 {
            Screen::Welcome(WelcomeState)
        } else {
            Screen::Counter
        };
        Ok(App {
            ctx,
            theme,
            screen,
            counter,
            help: None,
            confirm: None,
            message: None,
            demo_pending: false,
            import_pending: None,
            review_behind: None,
            terminal_out: None,
            too_small: false,
            quit: false,
        })
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn counter(&self) -> &CounterState {
        &self.counter
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|(text, _)| text.as_str())
    }

    pub fn confirm_question(&self) -> Option<&str> {
        self.confirm.as_ref().map(|c| c.question.as_str())
    }

    pub fn help_is_open(&self) -> bool {
        self.help.is_some()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The escape sequence to write to the terminal, once.
    pub fn take_terminal_output(&mut self) -> Option<String> {
        self.terminal_out.take()
    }

    pub fn conn(&self) -> &Connection {
        &self.ctx.conn
    }

    pub(super) fn view(&self) -> View<'_> {
        View {
            theme: &self.theme,
            today: self.ctx.clock.today(),
            config: &self.ctx.config,
        }
    }

    /// The keymaps of what has focus, and whether a text field takes
    /// unclaimed keys.
    pub fn active_keymaps(&self) -> (Vec<Keymap>, bool) {
        if self.confirm.is_some() {
            return (vec![CONFIRM], false);
        }
        if self.help.is_some() {
            return (vec![HELP_SCREEN], false);
        }
        match &self.screen {
            Screen::Welcome(w) => (vec![w.keymap()], false),
            Screen::Counter => (vec![self.counter.keymap()], self.counter.text_focus()),
            Screen::Signup(s) => (vec![s.keymap()], s.text_focus()),
            Screen::Member(m) => (vec![m.keymap()], m.text_focus()),
            Screen::Import(s) => (vec![s.keymap()], s.text_focus()),
            Screen::Unmatched(s) => (vec![s.keymap()], s.text_focus()),
            Screen::Review(r) => (vec![r.keymap()], false),
            Screen::Tiers(s) => (vec![s.keymap()], s.text_focus()),
        }
    }

    /// The window's size as last drawn or resized: below 80×24 only the
    /// "window too small" note shows, so no key but Ctrl-C may act.
    pub(super) fn set_window_size(&mut self, width: u16, height: u16) {
        self.too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
    }

    /// One event from the terminal: a resize changes what keys may do
    /// before the next frame is drawn; other events are not ours.
    pub fn handle_event(&mut self, event: Event) {
        match event {
            Event::Resize(width, height) => self.set_window_size(width, height),
            Event::Key(key) => self.handle_key(key),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        let (maps, text_focus) = if self.too_small {
            (vec![], false)
        } else {
            self.active_keymaps()
        };
        if let Some(action) = keymap::resolve(&maps, &key, text_focus) {
            self.message = None;
            self.update(action);
        }
    }

    pub fn update(&mut self, action: Action) {
        if let Some(confirm) = self.confirm.take() {
            match action {
                Action::Yes => self.apply(*confirm.yes),
                Action::No => {}
                Action::Quit => self.quit = true,
                _ => self.confirm = Some(confirm),
            }
            return;
        }
        if let Some(help) = &mut self.help {
            if action == Action::Quit {
                self.quit = true;
            } else if !help.update(action) {
                self.help = None;
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.open_help(),
            _ => {
                let effect = match &mut self.screen {
                    Screen::Welcome(w) => w.update(action),
                    Screen::Counter => self.counter.update(action, &self.ctx),
                    Screen::Signup(s) => s.update(action, &self.ctx),
                    Screen::Member(m) => m.update(action, &self.ctx),
                    Screen::Import(s) => s.update(action, &self.ctx),
                    Screen::Unmatched(s) => s.update(action, &self.ctx),
                    Screen::Review(r) => r.update(action, &self.ctx),
                    Screen::Tiers(s) => s.update(action),
                };
                self.apply(effect);
            }
        }
    }

    fn open_help(&mut self) {
        let (screen, sections) = match &self.screen {
            Screen::Welcome(_) => ("welcome", vec![("ui-help-welcome", WELCOME)]),
            Screen::Counter => ("counter", self.counter.help_sections()),
            Screen::Signup(s) => ("signup", s.help_sections()),
            Screen::Member(m) => ("member", m.help_sections()),
            Screen::Import(s) => ("import", s.help_sections()),
            Screen::Unmatched(s) => ("unmatched", s.help_sections()),
            Screen::Review(r) => ("review", r.help_sections()),
            Screen::Tiers(s) => ("tiers", s.help_sections()),
        };
        self.help = Some(HelpState::new(
            &format!("ui-help-title-{screen}"),
            &format!("ui-help-intro-{screen}"),
            sections,
        ));
    }

    pub(super) fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Quit => self.quit = true,
            Effect::ToCounter if self.review_behind.is_some() => {
                if let Some(mut review) = self.review_behind.take() {
                    if let Err(e) = review.reload(&self.ctx) {
                        self.message = Some((e.to_string(), true));
                    }
                    self.screen = Screen::Review(review);
                }
            }
            Effect::ToCounter => {
                // New members, demo data or linked receipts earn their points.
                if let Err(e) = lookup::bring_points_up_to_date(&self.ctx) {
                    self.message = Some((e.to_string(), true));
                }
                self.counter.on_return();
                if let Err(e) = self.counter.reload(&self.ctx) {
                    self.message = Some((e.to_string(), true));
                }
                self.screen = Screen::Counter;
            }
            Effect::OpenMember(id) => match lookup::member_file(&self.ctx, id) {
                Ok(Some(file)) => {
                    let today = self.ctx.clock.today();
                    let mut state = MemberState::new(file.card, today, self.ctx.config.dates.feb29)
                        .with_purchases(file.purchases, today)
                        .with_contacts(file.contacts);
                    if let Err(e) = state.reload_loyalty(&self.ctx) {
                        self.message = Some((e.to_string(), true));
                    }
                    let behind =
                        std::mem::replace(&mut self.screen, Screen::Member(Box::new(state)));
                    if let Screen::Review(review) = behind {
                        self.review_behind = Some(review);
                    }
                }
                Ok(None) => self.message = Some((t("ui-err-member-gone"), true)),
                Err(e) => self.message = Some((e.to_string(), true)),
            },
            Effect::SignUp(query) => {
                self.screen = Screen::Signup(Box::new(SignupState::new(&query)))
            }
            Effect::EditMember(id) => match lookup::member_card(&self.ctx, id) {
                Ok(Some(card)) => {
                    let state = SignupState::edit(&card, &self.view());
                    self.screen = Screen::Signup(Box::new(state));
                }
                Ok(None) => self.message = Some((t("ui-err-member-gone"), true)),
                Err(e) => self.message = Some((e.to_string(), true)),
            },
            Effect::Confirm(confirm) => self.confirm = Some(confirm),
            Effect::DeleteMember(id) => match members::delete_member(&self.ctx, id) {
                Ok(name) => {
                    self.apply(Effect::ToCounter);
                    let name = name.unwrap_or_default();
                    self.message = Some((t_args("ui-deleted", &[("name", &name)]), false));
                }
                Err(e) => self.message = Some((e.to_string(), true)),
            },
            Effect::CloseFamilyForm => {
                if let Screen::Member(m) = &mut self.screen {
                    m.close_form();
                }
            }
            Effect::LoadDemo => {
                self.demo_pending = true;
                self.message = Some((t("ui-demo-loading"), false));
            }
            Effect::OpenImport | Effect::OpenUnmatched | Effect::ImportHere(_) => {
                self.apply_import(effect)
            }
            Effect::SignUpWith(state) => self.screen = Screen::Signup(state),
            Effect::OpenReview => match ReviewState::open(&self.ctx) {
                Ok(review) => self.screen = Screen::Review(Box::new(review)),
                Err(e) => self.message = Some((e.to_string(), true)),
            },
            Effect::Copy(text) => match crate::ui::clipboard::osc52(&text) {
                Some(sequence) => self.terminal_out = Some(sequence),
                None => self.message = Some((t("ui-err-copy-too-long"), true)),
            },
            Effect::Notice(text) => self.message = Some((text, false)),
            Effect::Error(text) => self.message = Some((text, true)),
            Effect::Many(effects) => {
                for effect in effects {
                    self.apply(effect);
                }
            }
            Effect::OpenTiers => match TiersState::load(&self.ctx) {
                Ok(state) => self.screen = Screen::Tiers(Box::new(state)),
                Err(e) => self.message = Some((e.to_string(), true)),
            },
            Effect::Loyalty(effect) => self.apply_loyalty(effect),
        }
    }

    /// Runs work that was asked for by the last key, after the screen has
    /// shown that it started. True when something ran.
    pub fn run_pending(&mut self) -> bool {
        if self.run_import_here() {
            return true;
        }
        if !std::mem::take(&mut self.demo_pending) {
            return false;
        }
        match crate::ops::demo::fill(&mut self.ctx, DEMO_MEMBERS, DEMO_SEED, &mut |_| true) {
            Ok(0) => self.message = Some((t("ui-demo-none"), true)),
            Ok(added) => {
                self.apply(Effect::ToCounter);
                let text = t_count("ui-demo-done", "count", added as i64);
                self.message = Some((text, false));
            }
            Err(e) => self.message = Some((e.to_string(), true)),
        }
        true
    }
}
