//! The shop's settings as one form: on the first start, before anything
//! else, it asks the shop's name, country, currency and language with the
//! system's guesses filled in (Enter accepts them all); later, one key from
//! the counter, it changes the same and the Feb 29 rule. A country typed
//! brings its usual currency along until the owner types a currency of
//! their own. Saving is the settings operation, done by the app
//! (`app_settings.rs`), which may hand back the list sorting that a new
//! language needs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::settings_sorting::Sorting;
use super::{Effect, View};
use crate::config::Feb29;
use crate::context::Ctx;
use crate::i18n::LANGUAGES;
use crate::message::Message;
use crate::ops::settings::{SettingsField, ShopSettings, currency_of};
use crate::ui::keymap::{
    Action, Keymap, SETTINGS_CHOICE, SETTINGS_FIELD, SETTINGS_SORTING, SETUP_CHOICE, SETUP_FIELD,
};
use crate::ui::stack::Screen;
use crate::ui::widgets::field::TextField;

/// One stop of the form, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Name,
    Country,
    Currency,
    Language,
    Feb29,
}

impl Stop {
    pub fn label_key(self) -> &'static str {
        match self {
            Stop::Name => "field-shop-name",
            Stop::Country => "field-country",
            Stop::Currency => "field-currency",
            Stop::Language => "field-language",
            Stop::Feb29 => "field-feb29",
        }
    }

    /// Picked with ←→ rather than typed.
    pub fn is_choice(self) -> bool {
        matches!(self, Stop::Language | Stop::Feb29)
    }

    fn of(field: SettingsField) -> Stop {
        match field {
            SettingsField::Name => Stop::Name,
            SettingsField::Country => Stop::Country,
            SettingsField::Currency => Stop::Currency,
            SettingsField::Language => Stop::Language,
        }
    }
}

/// What the form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The first start: no config file yet.
    SetUp,
    /// The Settings screen.
    Change,
}

/// What the form hands the app to save.
#[derive(Debug)]
pub enum SettingsEffect {
    SetUp(ShopSettings),
    Save(ShopSettings),
}

#[derive(Debug)]
pub struct SettingsState {
    pub(super) purpose: Purpose,
    pub(super) name: TextField,
    pub(super) country: TextField,
    pub(super) currency: TextField,
    /// A problem with the language, shown under it.
    pub(super) language_error: Option<Message>,
    /// An index into `i18n::LANGUAGES`.
    pub(super) language: usize,
    pub(super) feb29: Feb29,
    pub(super) focus: usize,
    /// The owner typed a currency: a changed country leaves it alone.
    currency_typed: bool,
    /// The lists being sorted for a newly chosen language.
    pub(super) sorting: Option<Sorting>,
}

impl SettingsState {
    /// The first start's form, with what the system's locale suggests.
    pub fn set_up(guessed: &ShopSettings) -> SettingsState {
        SettingsState::with(Purpose::SetUp, guessed)
    }

    /// The Settings screen, with the settings in use.
    pub fn settings(ctx: &Ctx) -> SettingsState {
        SettingsState::with(Purpose::Change, &ShopSettings::of(&ctx.config))
    }

    fn with(purpose: Purpose, shop: &ShopSettings) -> SettingsState {
        let language = LANGUAGES
            .iter()
            .position(|(code, _)| *code == crate::i18n::normalise_lang(&shop.language))
            .unwrap_or(0);
        SettingsState {
            purpose,
            name: TextField::new(&shop.name),
            country: TextField::new(&shop.country),
            currency: TextField::new(&shop.currency),
            language_error: None,
            language,
            feb29: shop.feb29,
            focus: 0,
            currency_typed: false,
            sorting: None,
        }
    }

    /// The stops of this form: the Feb 29 rule only on the Settings screen.
    pub fn stops(&self) -> &'static [Stop] {
        match self.purpose {
            Purpose::SetUp => &[Stop::Name, Stop::Country, Stop::Currency, Stop::Language],
            Purpose::Change => &[
                Stop::Name,
                Stop::Country,
                Stop::Currency,
                Stop::Language,
                Stop::Feb29,
            ],
        }
    }

    pub fn focused(&self) -> Stop {
        self.stops()[self.focus]
    }

    /// The settings as the form holds them now.
    pub fn shop(&self) -> ShopSettings {
        ShopSettings {
            name: self.name.value().to_string(),
            country: self.country.value().to_string(),
            currency: self.currency.value().to_string(),
            language: LANGUAGES[self.language].0.to_string(),
            feb29: self.feb29,
        }
    }

    pub(super) fn field(&self, stop: Stop) -> Option<&TextField> {
        match stop {
            Stop::Name => Some(&self.name),
            Stop::Country => Some(&self.country),
            Stop::Currency => Some(&self.currency),
            Stop::Language | Stop::Feb29 => None,
        }
    }

    fn field_mut(&mut self, stop: Stop) -> Option<&mut TextField> {
        match stop {
            Stop::Name => Some(&mut self.name),
            Stop::Country => Some(&mut self.country),
            Stop::Currency => Some(&mut self.currency),
            Stop::Language | Stop::Feb29 => None,
        }
    }

    /// The language the form shows is the one its screens will speak.
    pub fn language(&self) -> &'static str {
        LANGUAGES[self.language].0
    }

    pub fn update(&mut self, action: Action) -> Effect {
        if self.sorting.is_some() {
            // The sorting finishes on its own; leaving does not wait for it.
            return match action {
                Action::Back => Effect::Back,
                Action::Quit => Effect::Quit,
                _ => Effect::None,
            };
        }
        let count = self.stops().len();
        match action {
            Action::NextField => self.focus = (self.focus + 1) % count,
            Action::PrevField => self.focus = (self.focus + count - 1) % count,
            Action::Left | Action::Right => self.choose(action == Action::Right),
            Action::Input(request) => self.type_into(request),
            Action::Save => return self.save(),
            Action::Back if self.purpose == Purpose::Change => return Effect::Back,
            _ => {}
        }
        Effect::None
    }

    fn choose(&mut self, forward: bool) {
        match self.focused() {
            Stop::Language => {
                let n = LANGUAGES.len();
                self.language = (self.language + if forward { 1 } else { n - 1 }) % n;
                self.language_error = None;
            }
            Stop::Feb29 => {
                self.feb29 = match self.feb29 {
                    Feb29::Feb28 => Feb29::Mar1,
                    Feb29::Mar1 => Feb29::Feb28,
                }
            }
            _ => {}
        }
    }

    fn type_into(&mut self, request: tui_input::InputRequest) {
        let stop = self.focused();
        let Some(field) = self.field_mut(stop) else {
            return;
        };
        if !field.handle(request) {
            return;
        }
        match stop {
            // A currency cleared follows the country again.
            Stop::Currency => self.currency_typed = !self.currency.is_blank(),
            Stop::Country if !self.currency_typed => {
                if let Some(code) = currency_of(self.country.value()) {
                    self.currency.set(code);
                    self.currency.error = None;
                }
            }
            _ => {}
        }
    }

    /// Every problem marked under its field, or the settings to save.
    fn save(&mut self) -> Effect {
        let shop = self.shop();
        let problems = shop.problems();
        if let Some((first, _)) = problems.first() {
            let first = Stop::of(*first);
            self.focus = self.stops().iter().position(|s| *s == first).unwrap_or(0);
            for (field, problem) in problems {
                match self.field_mut(Stop::of(field)) {
                    Some(text) => text.error = Some(problem),
                    None => self.language_error = Some(problem),
                }
            }
            return Effect::Error(Message::plain("ui-settings-fix"));
        }
        let asked = match self.purpose {
            Purpose::SetUp => SettingsEffect::SetUp(shop),
            Purpose::Change => SettingsEffect::Save(shop),
        };
        Effect::Settings(asked)
    }

    /// The settings were saved with a new language: the lists are sorted
    /// for it behind this screen, which says how far it got.
    pub fn start_sorting(&mut self, ctx: &Ctx) {
        self.sorting = Some(Sorting::start(ctx));
    }
}

impl Screen for SettingsState {
    fn name(&self) -> &'static str {
        match self.purpose {
            Purpose::SetUp => "setup",
            Purpose::Change => "settings",
        }
    }

    fn keymap(&self) -> Keymap {
        match (
            self.purpose,
            self.sorting.is_some(),
            self.focused().is_choice(),
        ) {
            (_, true, _) => SETTINGS_SORTING,
            (Purpose::SetUp, _, false) => SETUP_FIELD,
            (Purpose::SetUp, _, true) => SETUP_CHOICE,
            (Purpose::Change, _, false) => SETTINGS_FIELD,
            (Purpose::Change, _, true) => SETTINGS_CHOICE,
        }
    }

    fn text_focus(&self) -> bool {
        self.sorting.is_none() && !self.focused().is_choice()
    }

    fn help_sections(&self) -> Vec<(&'static str, Keymap)> {
        match self.purpose {
            Purpose::SetUp => vec![("ui-help-setup", SETUP_CHOICE)],
            Purpose::Change => vec![("ui-help-settings", SETTINGS_CHOICE)],
        }
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Effect {
        SettingsState::update(self, action)
    }

    fn working(&self) -> bool {
        self.sorting.is_some()
    }

    fn poll(&mut self, _ctx: &Ctx) -> Effect {
        let Some(sorting) = &mut self.sorting else {
            return Effect::None;
        };
        let effect = sorting.poll();
        if sorting.ended() {
            self.sorting = None;
        }
        effect
    }

    fn run_here(&mut self, ctx: &mut Ctx) -> bool {
        self.sorting.as_mut().is_some_and(|s| s.run_here(ctx))
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View) -> Option<Position> {
        self.draw(area, buf, view)
    }
}
