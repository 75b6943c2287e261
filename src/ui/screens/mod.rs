//! One module per screen; each has one state struct implementing
//! [`Screen`]: one `update` that turns an [`Action`](crate::ui::keymap::Action)
//! into a state change and an [`Effect`] for the app, and one `render` that
//! only reads the state.

pub mod contacts_export;
pub mod counter;
mod counter_rows;
pub mod duplicate_pairs;
mod duplicate_pairs_view;
pub mod duplicates;
pub mod event;
pub mod event_pick;
mod event_view;
pub mod events;
mod events_view;
pub mod family;
pub mod feedback_dialog;
pub mod help;
pub mod import;
pub mod import_choices;
mod import_files;
pub mod import_mapping;
mod import_progress;
mod import_result;
pub mod link_confirm;
pub mod member;
pub mod member_history;
mod member_link;
pub mod member_loyalty;
pub mod note_form;
pub mod points_history;
pub mod redeem;
pub mod review;
mod review_contact;
mod review_near;
mod review_render;
mod review_tabs;
pub mod segments;
mod segments_export;
mod segments_view;
pub mod settings;
mod settings_render;
mod settings_sorting;
pub mod signup;
pub mod signup_fields;
pub mod stats;
mod stats_formula;
pub mod stats_survey;
mod stats_view;
pub mod survey_ask;
pub mod tiers;
mod tiers_view;
pub mod unmatched;
pub mod welcome;
mod welcome_demo;

use chrono::NaiveDate;

use crate::config::Config;
use crate::error::Result;
use crate::message::Message;
use crate::ui::stack::Screen;
use crate::ui::theme::Theme;

/// What rendering may know besides the screen's own state: no database.
pub struct View<'a> {
    pub theme: &'a Theme,
    pub today: NaiveDate,
    pub config: &'a Config,
    /// Which way the frame reads, and who reorders right-to-left text.
    pub dir: crate::ui::direction::Direction,
}

/// What a screen asks the app to do after an update.
#[derive(Debug)]
pub enum Effect {
    None,
    Quit,
    /// Open this screen on top of the one in front; Esc comes back.
    Open(Box<dyn Screen>),
    /// Put this screen in place of the one in front.
    Replace(Box<dyn Screen>),
    /// Close the screen in front; the one below reloads.
    Back,
    /// Close every screen above the counter (it reloads, data may have changed).
    ToCounter,
    /// Open a member's card on top of the screen in front.
    OpenMember(i64),
    /// Show a member's card in place of the screen in front (a form that
    /// saved, or a card showing itself again after a change).
    ShowMember(i64),
    /// Ask before doing something that cannot be undone.
    Confirm(Confirm),
    /// Erase this member (the card's erase, once confirmed).
    EraseMember(i64),
    /// Write everything stored about this member (named so) to the
    /// exports folder, once confirmed.
    ExportMember(i64, String),
    /// Grant (true) or withdraw a member's consent on a channel, once
    /// confirmed.
    ChangeConsent(i64, crate::domain::member::Channel, bool),
    /// Close the add-child / add-pet form on the member card.
    CloseFamilyForm,
    /// A change to a child or pet on the card in front, once confirmed.
    Family(member::FamilyEffect),
    /// Unlink this till customer from the member on the card in front,
    /// once confirmed.
    Unlink(crate::ops::till_customers::Identity, String),
    /// Put this text on the clipboard (through the terminal).
    Copy(String),
    /// Say this on the message line (worded as it is drawn).
    Notice(Message),
    /// Say this on the message line as a problem.
    Error(Message),
    /// Clear the message line if it still says the message with this key
    /// (a "working" line whose work is done).
    Withdraw(&'static str),
    Many(Vec<Effect>),
    /// Points, redemptions and tiers (handled in `app_loyalty.rs`).
    Loyalty(LoyaltyEffect),
    /// The shop's settings to save (handled in `app_settings.rs`).
    Settings(settings::SettingsEffect),
}

/// Opens the screen `state` built, or says why it could not be built.
pub fn open<S: Screen>(state: Result<S>) -> Effect {
    match state {
        Ok(state) => Effect::Open(Box::new(state)),
        Err(e) => e.into(),
    }
}

/// What a loyalty screen asks the app to do.
#[derive(Debug)]
pub enum LoyaltyEffect {
    /// From the counter: open the card with the redeem popup.
    OpenRedeem(i64),
    ClosePopup,
    Redeem {
        member_id: i64,
        points: i64,
        reward: Option<String>,
    },
    Adjust {
        member_id: i64,
        delta: i64,
        note: String,
        /// `Refuse` first; `Allow` once the owner said yes to the balance
        /// below zero it leaves.
        below_zero: crate::ops::loyalty::IfBelowZero,
    },
    Referral {
        member_id: i64,
        referrer_id: i64,
    },
    Review(i64),
    /// Save the typed minimum (as written: whole money units or visits)
    /// of the tier at this position into the config file.
    SaveTierMin {
        tier: usize,
        written: i64,
    },
}

/// A yes/no question; `yes` runs when the owner answers yes.
#[derive(Debug)]
pub struct Confirm {
    pub title: Message,
    pub question: Message,
    pub yes: Box<Effect>,
}

impl From<crate::error::Error> for Effect {
    fn from(e: crate::error::Error) -> Self {
        Effect::Error(e.message())
    }
}
