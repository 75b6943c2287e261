//! Consent in words: how it was given, one entry of the history, and the
//! signup's note about a contact on the suppression list.

use crate::domain::consent::{ConsentEntry, ConsentHow};
use crate::domain::member::Channel;
use crate::i18n::{t, t_args};
use crate::words::review::channel_name;

/// "at the counter", "on a form" …; a word stored before the fixed set
/// existed is shown as it is.
pub fn how_text(how: &str) -> String {
    match ConsentHow::from_code(how) {
        Some(h) => t(&format!("consent-how-{}", h.code())),
        None => how.to_string(),
    }
}

/// "SMS · given · at the counter" (the date is drawn by the caller).
pub fn entry_text(entry: &ConsentEntry) -> String {
    let what = if entry.granted {
        t("consent-given")
    } else {
        t("consent-withdrawn")
    };
    [channel_name(entry.channel), what, how_text(&entry.how)].join(" · ")
}

/// "yes" or "no", for a channel's current state.
pub fn state_text(granted: bool) -> String {
    if granted {
        t("consent-state-yes")
    } else {
        t("ui-consent-no")
    }
}

/// The signup's note: the ticked channels the member starts without.
pub fn suppressed_note(name: &str, channels: &[Channel]) -> String {
    let names: Vec<String> = channels.iter().map(|c| channel_name(*c)).collect();
    t_args(
        "signup-suppressed",
        &[("name", name), ("channels", &names.join(", "))],
    )
}
