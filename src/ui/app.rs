//! The app's state and its one `update`: a key becomes an action through
//! the keymap of what has focus (the yes/no question, help, or the screen
//! in front of the [`Stack`]); the action changes that screen's state and
//! may ask the app for more ([`Effect`]), such as opening a card on top or
//! going back to the screen below. Drawing is in `window.rs` and only reads
//! this state.

use ratatui::crossterm::event::{Event, KeyEvent};
use rusqlite::Connection;

use crate::context::Ctx;
use crate::domain::consent::ConsentHow;
use crate::error::Result;
use crate::message::Message;
use crate::ops::loyalty::{IfBusy, settled};
use crate::ops::{consent, lookup};
use crate::ui::direction::Direction;
use crate::ui::import_job::JobEvent;
use crate::ui::keymap::{self, Action, CONFIRM, HELP_SCREEN, Keymap};
use crate::ui::screens::counter::CounterState;
use crate::ui::screens::help::HelpState;
use crate::ui::screens::import::ImportState;
use crate::ui::screens::member::MemberState;
use crate::ui::screens::welcome::WelcomeState;
use crate::ui::screens::{Confirm, Effect, View};
use crate::ui::stack::{Screen, Stack};
use crate::ui::theme::Theme;

/// The smallest window the screens are drawn for; below it only a note shows.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub struct App {
    pub(super) ctx: Ctx,
    pub(super) theme: Theme,
    /// The open screens, the counter at the bottom.
    pub(super) stack: Stack,
    pub(super) help: Option<HelpState>,
    pub(super) confirm: Option<Confirm>,
    /// The message line: what to say and whether it reports a problem,
    /// worded when drawn.
    pub(super) message: Option<(Message, bool)>,
    /// An escape sequence for the terminal (clipboard), written after the frame.
    terminal_out: Option<String>,
    /// The window is below 80×24: nothing is visible, so only Ctrl-C works.
    too_small: bool,
    /// The terminal reorders right-to-left text itself (read from the
    /// environment once, at start-up).
    terminal_reorders: bool,
    quit: bool,
    /// The day's backup while it runs ([`crate::ui::daily_backup`]).
    pub(super) daily_backup: Option<crate::ui::job::Job<crate::ui::daily_backup::BackupNews>>,
    /// The chain's sync, when the shop is one of a chain's branches.
    pub(super) chain_sync: Option<crate::ui::chain_sync::ChainSync>,
}

impl App {
    /// Starts on the welcome screen when the club has no members yet, else
    /// on the counter.
    pub fn new(ctx: Ctx, theme: Theme) -> Result<App> {
        settled(&ctx, IfBusy::Skip)?;
        let mut counter = CounterState::default();
        counter.reload(&ctx)?;
        let mut stack = Stack::new(counter);
        if lookup::member_count(&ctx)? == 0 {
            stack.push(Box::new(WelcomeState::for_club(&ctx)));
        }
        Ok(App {
            ctx,
            theme,
            stack,
            help: None,
            confirm: None,
            message: None,
            terminal_out: None,
            too_small: false,
            terminal_reorders: false,
            quit: false,
            daily_backup: None,
            chain_sync: None,
        })
    }

    /// Tells the app the terminal reorders right-to-left text itself, so
    /// the config's `bidi = "auto"` leaves the reordering to it.
    pub fn with_terminal_reorders(mut self, yes: bool) -> App {
        self.terminal_reorders = yes;
        self
    }

    /// The screen in front.
    pub fn screen(&self) -> &dyn Screen {
        self.stack.top()
    }

    /// The screen in front, if it is a `T`: `app.top::<MemberState>()`.
    pub fn top<T: Screen>(&self) -> Option<&T> {
        self.stack.top_as()
    }

    /// How many screens are open above the counter.
    pub fn depth(&self) -> usize {
        self.stack.depth()
    }

    /// What the Esc hint of the screen in front says when the screen below
    /// is not the counter ("back to the review").
    pub fn back_text(&self) -> Option<String> {
        self.stack.back_text()
    }

    pub fn counter(&self) -> &CounterState {
        self.stack.counter()
    }

    /// The message line as it reads now.
    pub fn message(&self) -> Option<String> {
        self.message.as_ref().map(|(message, _)| self.word(message))
    }

    /// The yes/no question being asked, as it reads now.
    pub fn confirm_question(&self) -> Option<String> {
        self.confirm.as_ref().map(|c| self.word(&c.question))
    }

    fn word(&self, message: &Message) -> String {
        self.ctx.locale().scope(|| message.to_string())
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
            dir: Direction::from_settings(
                self.locale().is_rtl(),
                self.ctx.config.ui.bidi,
                self.terminal_reorders,
            ),
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
        let top = self.stack.top();
        (vec![top.keymap()], top.text_focus())
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

    /// Puts a changed config in place (a setting saved, the file edited):
    /// the language, the loyalty program and the date rules follow it, and
    /// the screen in front reloads with them.
    pub fn set_config(&mut self, config: crate::config::Config) {
        self.ctx.set_config(config);
        // Alphabetical lists follow the shop's language.
        if let Err(e) = crate::ops::list_order::follow_shop_language(&self.ctx) {
            self.problem(e);
        }
        self.resume();
    }

    /// The language the screens are worded in.
    pub fn locale(&self) -> &crate::i18n::Locale {
        self.ctx.locale()
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

    /// What an action leads to (a CSV export, a copied message) is worded
    /// in the club's language.
    pub fn update(&mut self, action: Action) {
        let locale = self.ctx.locale().clone();
        locale.scope(|| self.act(action));
    }

    fn act(&mut self, action: Action) {
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
                let effect = self.stack.top_mut().update(action, &self.ctx);
                self.apply(effect);
            }
        }
    }

    fn open_help(&mut self) {
        let top = self.stack.top();
        let name = top.name();
        self.help = Some(HelpState::new(
            &format!("ui-help-title-{name}"),
            &format!("ui-help-intro-{name}"),
            top.help_sections(),
            self.stack.back_message(),
        ));
    }

    /// Says what went wrong on the message line.
    pub(super) fn problem(&mut self, e: crate::error::Error) {
        self.message = Some((e.message(), true));
    }

    pub(super) fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Quit => self.quit = true,
            Effect::Open(screen) => self.stack.push(screen),
            Effect::Replace(screen) => self.stack.replace(screen),
            Effect::Back => {
                self.stack.pop();
                self.resume();
            }
            Effect::ToCounter => {
                self.stack.pop_to_bottom();
                self.resume();
            }
            Effect::OpenMember(id) => match MemberState::open(&self.ctx, id) {
                Ok(card) => self.stack.push(Box::new(card)),
                Err(e) => self.problem(e),
            },
            Effect::ShowMember(id) => match MemberState::open(&self.ctx, id) {
                Ok(card) => self.stack.replace(Box::new(card)),
                Err(e) => self.problem(e),
            },
            Effect::Confirm(confirm) => self.confirm = Some(confirm),
            Effect::EraseMember(id) => self.erase_member(id),
            Effect::ExportMember(id, name) => self.export_member(id, &name),
            Effect::ChangeConsent(id, channel, granted) => {
                let (grant, withdraw) = if granted {
                    (vec![channel], vec![])
                } else {
                    (vec![], vec![channel])
                };
                // Asked at the counter: a grant here lifts a suppression.
                match consent::change_consent(&self.ctx, id, &grant, &withdraw, ConsentHow::Counter)
                {
                    Ok(changed) => {
                        self.apply(Effect::ShowMember(id));
                        let notice = Message::new("ui-consent-saved", &[("name", &changed.name)]);
                        self.message = Some((notice, false));
                    }
                    Err(e) => self.problem(e),
                }
            }
            Effect::CloseFamilyForm => {
                if let Some(card) = self.stack.top_as_mut::<MemberState>() {
                    card.close_form();
                }
            }
            Effect::Family(effect) => {
                if let Some(card) = self.stack.top_as_mut::<MemberState>() {
                    let then = card.family_effect(effect, &self.ctx);
                    self.apply(then);
                }
            }
            Effect::Unlink(identity, value) => {
                if let Some(card) = self.stack.top_as_mut::<MemberState>() {
                    let then = card.unlink_effect(identity, &value, &self.ctx);
                    self.apply(then);
                }
            }
            Effect::Copy(text) => match crate::ui::clipboard::osc52(&text) {
                Some(sequence) => self.terminal_out = Some(sequence),
                None => self.message = Some((Message::plain("ui-err-copy-too-long"), true)),
            },
            Effect::Notice(text) => self.message = Some((text, false)),
            Effect::Error(text) => self.message = Some((text, true)),
            Effect::Withdraw(key) => {
                if self.message.as_ref().is_some_and(|(m, _)| m.key() == key) {
                    self.message = None;
                }
            }
            Effect::Many(effects) => {
                for effect in effects {
                    self.apply(effect);
                }
            }
            Effect::Loyalty(effect) => self.apply_loyalty(effect),
            Effect::Settings(effect) => self.apply_settings(effect),
        }
    }

    /// The screen now in front was below one that closed: it reloads.
    pub(super) fn resume(&mut self) {
        if let Err(e) = self.stack.top_mut().resumed(&self.ctx) {
            self.problem(e);
        }
    }

    /// Long work is running ([`crate::ui::job`]): the window should redraw
    /// without keys. The screen in front owns its work, and a screen with
    /// work running opens nothing above itself, so it is the one to ask.
    pub fn working(&self) -> bool {
        // The day's backup too, so a failure shows without waiting for a key.
        self.stack.top().working() || self.daily_backup.is_some()
    }

    /// Takes what the running work said since the last frame.
    pub fn poll_work(&mut self) {
        self.poll_backup();
        self.poll_chain_sync();
        let effect = self.stack.top_mut().poll(&self.ctx);
        self.apply(effect);
    }

    /// Runs work that was asked for by the last key and waits to run in
    /// place, after the screen has shown that it started, then takes what
    /// it said. True when something ran.
    pub fn run_pending(&mut self) -> bool {
        let ran = self.stack.top_mut().run_here(&mut self.ctx);
        if ran {
            self.poll_work();
        }
        ran
    }

    /// Hands one report of an import to the import screen, as its worker
    /// would (tests show a frame mid-import).
    pub fn import_event(&mut self, event: JobEvent) {
        if let Some(s) = self.stack.find_mut::<ImportState>() {
            let effect = s.receive(event, &self.ctx);
            self.apply(effect);
        }
    }
}
