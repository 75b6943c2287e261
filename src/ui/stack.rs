//! The screens in front of each other. The counter is always at the
//! bottom; every other screen is opened on top of the one it was opened
//! from, and Esc takes it off again, so the owner comes back to where they
//! were (a card opened from the tiers returns to the tiers). The screen
//! below is told it is in front again ([`Screen::resumed`]) and reloads what
//! the screen above may have changed.

use std::any::Any;
use std::fmt::Debug;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::context::Ctx;
use crate::error::Result;
use crate::message::Message;
use crate::ui::keymap::{Action, Keymap};
use crate::ui::screens::counter::CounterState;
use crate::ui::screens::{Effect, View};

/// What every screen is to the app: its keys, its help, what a key does
/// and how it looks. Popups that belong to one screen (a form on the card,
/// the link picker) stay inside that screen's state.
pub trait Screen: Any + Debug {
    /// The screen's name in locale keys: `ui-help-title-{name}`,
    /// `ui-help-intro-{name}`, and `ui-key-back-to-{name}` for the Esc hint
    /// of a screen opened on top of it.
    fn name(&self) -> &'static str;
    /// The key table of what has focus now.
    fn keymap(&self) -> Keymap;
    /// True when unclaimed keys are typing for a text field.
    fn text_focus(&self) -> bool {
        false
    }
    /// Every key table of the screen, with its heading, for `?`.
    fn help_sections(&self) -> Vec<(&'static str, Keymap)>;
    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect;
    /// Draws from the state only; returns where the text cursor goes.
    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position>;
    /// In front again after the screen above was closed: reload what may
    /// have changed meanwhile.
    fn resumed(&mut self, _ctx: &Ctx) -> Result<()> {
        Ok(())
    }
    /// Long work of this screen is running ([`crate::ui::job`]): the
    /// window redraws for its progress even when no key comes.
    fn working(&self) -> bool {
        false
    }
    /// Takes what the screen's long work said since the last frame.
    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        Effect::None
    }
    /// Runs long work waiting to run in place (a database without a
    /// file), after the frame that says it started; true when some ran.
    fn run_here(&mut self, _ctx: &mut Ctx) -> bool {
        false
    }
}

/// The open screens: the counter at the bottom, always there, and the
/// screens opened above it, nearest first from the end.
#[derive(Debug)]
pub struct Stack {
    counter: CounterState,
    above: Vec<Box<dyn Screen>>,
}

impl Stack {
    pub fn new(counter: CounterState) -> Stack {
        Stack {
            counter,
            above: vec![],
        }
    }

    pub fn top(&self) -> &dyn Screen {
        match self.above.last() {
            Some(screen) => screen.as_ref(),
            None => &self.counter,
        }
    }

    pub fn top_mut(&mut self) -> &mut dyn Screen {
        match self.above.last_mut() {
            Some(screen) => screen.as_mut(),
            None => &mut self.counter,
        }
    }

    /// The screen in front, if it is a `T`.
    pub fn top_as<T: Screen>(&self) -> Option<&T> {
        (self.top() as &dyn Any).downcast_ref()
    }

    pub fn top_as_mut<T: Screen>(&mut self) -> Option<&mut T> {
        (self.top_mut() as &mut dyn Any).downcast_mut()
    }

    /// The nearest open screen above the counter that is a `T` (a running
    /// import stays reachable whatever is in front of it).
    pub fn find_mut<T: Screen>(&mut self) -> Option<&mut T> {
        self.above
            .iter_mut()
            .rev()
            .find_map(|s| (s.as_mut() as &mut dyn Any).downcast_mut())
    }

    pub fn counter(&self) -> &CounterState {
        &self.counter
    }

    pub fn counter_mut(&mut self) -> &mut CounterState {
        &mut self.counter
    }

    /// How many screens are open above the counter.
    pub fn depth(&self) -> usize {
        self.above.len()
    }

    pub fn push(&mut self, screen: Box<dyn Screen>) {
        self.above.push(screen);
    }

    /// Puts `screen` in place of the one in front (a form that saved opens
    /// the card it made, so Esc on the card skips the form). The counter
    /// is never replaced: on it, `screen` opens on top.
    pub fn replace(&mut self, screen: Box<dyn Screen>) {
        self.above.pop();
        self.above.push(screen);
    }

    /// Closes the screen in front; false when only the counter is open.
    pub fn pop(&mut self) -> bool {
        self.above.pop().is_some()
    }

    /// Closes everything above the counter.
    pub fn pop_to_bottom(&mut self) {
        self.above.clear();
    }

    /// The name of the screen below the one in front (the counter's own
    /// is "counter" too: there is nothing further back).
    pub fn below_name(&self) -> &'static str {
        let n = self.above.len();
        if n >= 2 {
            self.above[n - 2].name()
        } else {
            "counter"
        }
    }

    /// What Esc on the screen in front is called when the screen below it
    /// is not the counter: "back to the review". None for the counter,
    /// which each key table words itself.
    pub fn back_text(&self) -> Option<String> {
        self.back_message().map(|m| m.to_string())
    }

    /// The same, to be worded when shown (help keeps it while open).
    pub fn back_message(&self) -> Option<Message> {
        match self.below_name() {
            "counter" => None,
            below => Some(Message::plain(&format!("ui-key-back-to-{below}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::screens::welcome::WelcomeState;

    /// A screen that only has a name, to stand in the stack.
    #[derive(Debug)]
    struct Named(&'static str);

    impl Screen for Named {
        fn name(&self) -> &'static str {
            self.0
        }
        fn keymap(&self) -> Keymap {
            &[]
        }
        fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
            vec![]
        }
        fn update(&mut self, _action: Action, _ctx: &Ctx) -> Effect {
            Effect::None
        }
        fn render(&self, _area: Rect, _buf: &mut Buffer, _view: &View) -> Option<Position> {
            None
        }
    }

    #[test]
    fn esc_names_the_screen_below_unless_it_is_the_counter() {
        let mut stack = Stack::new(CounterState::default());
        assert_eq!(stack.back_text(), None);
        stack.push(Box::new(Named("tiers")));
        assert_eq!(stack.back_text(), None, "the counter is below the tiers");
        stack.push(Box::new(Named("member")));
        assert_eq!(
            stack.back_text(),
            Some(crate::i18n::t("ui-key-back-to-tiers"))
        );
        assert_eq!(stack.below_name(), "tiers");
    }

    #[test]
    fn the_counter_stays_whatever_is_closed_or_replaced() {
        let mut stack = Stack::new(CounterState::default());
        assert!(!stack.pop());
        stack.replace(Box::new(WelcomeState::default()));
        assert!(stack.top_as::<WelcomeState>().is_some());
        assert_eq!(stack.depth(), 1, "replacing on the counter opens on top");
        stack.push(Box::new(Named("review")));
        stack.replace(Box::new(Named("member")));
        assert_eq!((stack.depth(), stack.top().name()), (2, "member"));
        assert!(stack.pop());
        assert!(stack.top_as::<WelcomeState>().is_some());
        stack.push(Box::new(Named("tiers")));
        stack.pop_to_bottom();
        assert!(stack.top_as::<CounterState>().is_some());
        assert!(stack.find_mut::<WelcomeState>().is_none());
    }

    #[test]
    fn every_screen_below_another_has_its_way_back_worded() {
        for name in [
            "welcome",
            "signup",
            "member",
            "import",
            "unmatched",
            "review",
            "tiers",
        ] {
            let key = format!("ui-key-back-to-{name}");
            assert!(crate::i18n::t_opt(&key).is_some(), "{key} missing");
        }
    }
}
