use super::*;
use ratatui::crossterm::event::KeyModifiers;
use tui_input::InputRequest;

const ALL: &[Keymap] = &[
    GLOBAL,
    WELCOME,
    DEMO_RUNNING,
    COUNTER_SEARCH,
    COUNTER_LIST,
    SIGNUP_FIELD,
    SIGNUP_BIRTHDAY,
    SIGNUP_CONSENT,
    SIGNUP_FOUND_US,
    SIGNUP_FOUND_US_PICK,
    DUPLICATE,
    MEMBER,
    MEMBER_PURCHASES,
    IMPORT_FILES,
    IMPORT_PATH,
    IMPORT_COUNTRY,
    IMPORT_RUNNING,
    IMPORT_RESULT,
    UNMATCHED,
    UNMATCHED_LINK,
    FAMILY_FORM,
    REVIEW,
    REVIEW_CONTACT,
    HELP_SCREEN,
    CONFIRM,
    REDEEM,
    POINTS,
    POINTS_FORM,
    TIERS,
    TIERS_EDIT,
    STATS,
    STATS_FORMULA,
    STATS_SOURCES,
    STATS_PERIOD,
    SETUP_FIELD,
    SETUP_CHOICE,
    SETTINGS_FIELD,
    SETTINGS_CHOICE,
    SETTINGS_SORTING,
    SEGMENTS_FIELD,
    SEGMENTS_LIST,
    SEGMENTS_NAME,
    CONTACTS_EXPORT,
    FEEDBACK,
    SURVEY_PICK,
    SURVEY_TEXT,
    STATS_SURVEY,
    NOTE_KIND,
    NOTE_TEXT,
    NOTE_RESOLVE,
];

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn every_label_and_key_name_is_translated() {
    for map in ALL {
        for binding in *map {
            assert!(
                crate::i18n::t_opt(binding.label).is_some(),
                "{} missing in en.ftl",
                binding.label
            );
            for k in binding.keys {
                assert!(!k.name().starts_with("ui-"), "{k:?}");
            }
        }
    }
}

#[test]
fn no_table_binds_one_key_twice() {
    for map in ALL {
        let mut seen: Vec<Key> = vec![];
        for k in map.iter().flat_map(|b| b.keys) {
            assert!(!seen.contains(k), "{k:?} twice");
            seen.push(*k);
        }
    }
}

#[test]
fn search_takes_every_printable_but_question_mark() {
    for c in ['q', 'j', 'k', 'n', '/', '@', '.', '+', 'Ž', '王', ' '] {
        let ev = press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            resolve(&[COUNTER_SEARCH], &ev, true),
            Some(Action::Input(InputRequest::InsertChar(c))),
            "{c}"
        );
    }
    let question = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(
        resolve(&[COUNTER_SEARCH], &question, true),
        Some(Action::Help)
    );
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        resolve(&[COUNTER_SEARCH], &ctrl_c, true),
        Some(Action::Quit)
    );
}

#[test]
fn shift_tab_and_tab_differ() {
    let back = press(KeyCode::BackTab, KeyModifiers::SHIFT);
    let tab = press(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(
        resolve(&[SIGNUP_FIELD], &back, true),
        Some(Action::PrevField)
    );
    assert_eq!(
        resolve(&[SIGNUP_FIELD], &tab, true),
        Some(Action::NextField)
    );
}

#[test]
fn grouped_joins_rows_of_one_label() {
    let groups = grouped(COUNTER_LIST, false);
    assert_eq!(groups[0], ("↑↓".to_string(), t("ui-key-move"), true));
    let all = grouped(COUNTER_LIST, true);
    assert_eq!(all[0].0, "↑ k ↓ j");
}
