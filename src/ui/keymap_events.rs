//! The keys of the Events screen (`e` on the counter's list), an event's
//! page, inviting a segment to it, and the card's picker of recent events.

use super::*;

const SPACE: Key = key(KeyCode::Char(' '));

/// The list of events: open one, add one.
pub const EVENTS: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    b(&[ENTER], Action::Open, "ui-key-open", true),
    b(&[ch('n')], Action::NewEvent, "ui-key-new-event", true),
    BACK,
    QUIT,
    HELP,
];

/// The new event's form: name, date, capacity.
pub const EVENTS_FORM: Keymap = &[NEXT_FIELD, PREV_FIELD, SAVE, CANCEL, HELP_F1];

/// An event's page: the check list of who was invited and who came.
pub const EVENT: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", false),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", false),
    b(&[SPACE], Action::Toggle, "ui-key-mark-came", true),
    b(&[ch('i')], Action::Invite, "ui-key-invite", true),
    BACK,
    QUIT,
    HELP,
];

/// Inviting a segment: every printable key is the segment's text, Tab
/// changes the channel, Enter invites and writes the list.
pub const EVENT_INVITE: Keymap = &[
    b(&[TAB], Action::NextField, "ui-key-invite-channel", true),
    b(&[ENTER], Action::Save, "ui-key-invite-write", true),
    CANCEL,
    HELP_F1,
];

/// The card's picker of recent events: Enter marks the member as come.
pub const EVENT_PICK: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    b(&[ENTER], Action::Save, "ui-key-mark-picked", true),
    CANCEL,
    HELP,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_worded_and_no_key_is_claimed_twice_in_a_table() {
        for map in [EVENTS, EVENTS_FORM, EVENT, EVENT_INVITE, EVENT_PICK] {
            let mut seen: Vec<Key> = vec![];
            for binding in map {
                assert!(
                    crate::i18n::t_opt(binding.label).is_some(),
                    "{} missing in en.ftl",
                    binding.label
                );
                for k in binding.keys {
                    assert!(!seen.contains(k), "{} twice", k.name());
                    seen.push(*k);
                }
            }
        }
        // The counter's list and the card keep one key each for events.
        let on = |map: Keymap, action: Action| {
            map.iter()
                .filter(|b| b.action == action)
                .flat_map(|b| b.keys.iter().map(|k| k.name()))
                .collect::<Vec<_>>()
        };
        assert_eq!(on(COUNTER_LIST, Action::Events), vec!["e"]);
        assert_eq!(on(MEMBER, Action::CameToEvent), vec!["a"]);
    }
}
