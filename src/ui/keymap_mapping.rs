//! The keys of the import screen's mapping step: ↑↓ choose the role,
//! ←→ its column (Delete takes it away), Enter imports, Esc goes back to
//! the files with nothing stored or kept.

use super::*;

pub const IMPORT_MAPPING: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-map-role", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-map-role", true),
    b(
        &[key(KeyCode::Left)],
        Action::Left,
        "ui-key-map-column",
        true,
    ),
    b(
        &[key(KeyCode::Right), key(KeyCode::Char(' '))],
        Action::Right,
        "ui-key-map-column",
        true,
    ),
    b(
        &[key(KeyCode::Delete), key(KeyCode::Backspace)],
        Action::Delete,
        "ui-key-map-none",
        false,
    ),
    b(&[ENTER], Action::Save, "ui-key-map-import", true),
    b(&[ESC], Action::Back, "ui-key-back-to-files", true),
    QUIT,
    HELP,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_worded_and_no_key_is_claimed_twice() {
        let mut seen: Vec<Key> = vec![];
        for binding in IMPORT_MAPPING {
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
}
