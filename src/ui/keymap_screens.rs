//! Key tables of the signup form's birthday field, the member card and the
//! import, till-customer, weekly review and loyalty screens. Like every
//! table, each drives its screen's keys, its status-bar hints and its `?`
//! help.

use super::*;

/// Exporting the contacts of a segment, where letters are text.
const F5: Key = key(KeyCode::F(5));

/// The Settings screen's key on the counter, in the search and the list.
pub(super) const F4: Key = key(KeyCode::F(4));

/// The member card; `f` picks a child or pet for Enter, `x` and `m`;
/// `n` adds a service note and `t` resolves an open one.
pub const MEMBER: Keymap = &[
    b(&[TAB], Action::SwitchPage, "ui-key-purchases", false),
    b(&[ch('r')], Action::Redeem, "ui-key-redeem", true),
    b(&[ch('h')], Action::Points, "ui-key-points", true),
    b(&[ch('e')], Action::Edit, "ui-key-edit", true),
    b(&[ch('c')], Action::AddChild, "ui-key-add-child", true),
    b(&[ch('p')], Action::AddPet, "ui-key-add-pet", true),
    b(&[ch('f')], Action::PickFamily, "ui-key-pick-family", false),
    b(&[ENTER], Action::EditFamily, "ui-key-edit-family", false),
    b(
        &[ch('x')],
        Action::RemoveFamily,
        "ui-key-remove-family",
        false,
    ),
    b(
        &[ch('m')],
        Action::PetPassedAway,
        "ui-key-pet-passed-away",
        false,
    ),
    b(
        &[ch('l')],
        Action::PickTillCustomer,
        "ui-key-pick-till-customer",
        false,
    ),
    b(&[ch('u')], Action::Unlink, "ui-key-unlink", false),
    b(
        &[ch('s')],
        Action::PickConsent,
        "ui-key-pick-consent",
        false,
    ),
    b(
        &[ch('g')],
        Action::ChangeConsent,
        "ui-key-change-consent",
        false,
    ),
    b(&[ch('d')], Action::Delete, "ui-key-erase", true),
    b(&[ch('o')], Action::Export, "ui-key-export-member", false),
    b(&[ch('v')], Action::AskNps, "ui-key-ask-nps", false),
    b(&[ch('y')], Action::AskCsat, "ui-key-ask-csat", false),
    b(&[ch('i')], Action::Survey, "ui-key-survey", false),
    b(
        &[ch('a')],
        Action::CameToEvent,
        "ui-key-came-to-event",
        false,
    ),
    b(&[ch('n')], Action::AddNote, "ui-key-add-note", false),
    b(
        &[ch('t')],
        Action::ResolveNote,
        "ui-key-resolve-note",
        false,
    ),
    b(&[UP, ch('k')], Action::Up, "ui-key-scroll", false),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-scroll", false),
    PAGE_UP,
    PAGE_DOWN,
    BACK,
    QUIT,
    HELP,
];

/// The birthday field: F3 cycles its calendar (Gregorian, Hebrew, Chinese).
pub const SIGNUP_BIRTHDAY: Keymap = &[
    b(
        &[key(KeyCode::F(3))],
        Action::Toggle,
        "ui-key-birthday-calendar",
        true,
    ),
    NEXT_FIELD,
    PREV_FIELD,
    SAVE,
    CANCEL,
    HELP_F1,
];

/// While the welcome screen fills the club with demo members: only
/// cancelling (Ctrl-C too, so quitting never leaves half a club).
pub const DEMO_RUNNING: Keymap = &[b(&[ESC, ctrl('c')], Action::Back, "ui-key-cancel", true)];

/// The import screen while choosing a file.
pub const IMPORT_FILES: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    b(&[ENTER], Action::Open, "ui-key-import-file", true),
    b(&[TAB, ch('/')], Action::NextField, "ui-key-type-path", true),
    BACK,
    b(
        &[ch('c')],
        Action::PickCountry,
        "ui-key-import-country",
        true,
    ),
    b(&[ch('f')], Action::PickFormat, "ui-key-import-format", true),
    b(&[ch('a')], Action::ReadAgain, "ui-key-import-again", true),
    b(&[ch('r')], Action::Rescan, "ui-key-rescan", false),
    b(&[ch('m')], Action::MapColumns, "ui-key-map-columns", false),
    b(&[ch('u')], Action::OpenUnmatched, "ui-key-unmatched", false),
    QUIT,
    HELP,
];

/// Typing the country the next file is read with.
pub const IMPORT_COUNTRY: Keymap = &[
    b(
        &[ENTER, TAB, ESC],
        Action::Back,
        "ui-key-back-to-files",
        true,
    ),
    HELP_F1,
];

/// Typing a file's path on the import screen.
pub const IMPORT_PATH: Keymap = &[
    b(&[ENTER], Action::Save, "ui-key-import-path", true),
    b(&[TAB, ESC], Action::Back, "ui-key-back-to-files", true),
    HELP_F1,
];

/// While an import runs: only cancelling (Ctrl-C too, instead of quitting).
pub const IMPORT_RUNNING: Keymap = &[b(
    &[ESC, ctrl('c')],
    Action::Back,
    "ui-key-cancel-import",
    true,
)];

pub const IMPORT_RESULT: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-scroll", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-scroll", true),
    PAGE_UP,
    PAGE_DOWN,
    b(&[ENTER, ESC], Action::Back, "ui-key-back-to-files", true),
    b(&[ch('u')], Action::OpenUnmatched, "ui-key-unmatched", true),
    QUIT,
    HELP,
];

/// Till customers without a member.
pub const UNMATCHED: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    PAGE_UP,
    PAGE_DOWN,
    b(&[ENTER, ch('l')], Action::Open, "ui-key-link", true),
    b(&[ch('n')], Action::SignUp, "ui-key-sign-up-customer", true),
    BACK,
    QUIT,
    HELP,
];

/// Picking the member to link a till customer to.
pub const UNMATCHED_LINK: Keymap = &[
    b(&[UP], Action::Up, "ui-key-move", true),
    b(&[DOWN], Action::Down, "ui-key-move", true),
    b(&[ENTER], Action::Open, "ui-key-link-to-this", true),
    b(&[ESC], Action::Back, "ui-key-cancel", true),
    HELP_F1,
];

/// The weekly review.
pub const REVIEW: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", false),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", false),
    PAGE_UP,
    PAGE_DOWN,
    b(
        &[TAB, key(KeyCode::Right)],
        Action::NextSection,
        "ui-key-section",
        true,
    ),
    b(
        &[BACKTAB, key(KeyCode::Left)],
        Action::PrevSection,
        "ui-key-section-back",
        false,
    ),
    b(&[ch('d')], Action::CycleDays, "ui-key-days", true),
    b(
        &[ch('c')],
        Action::MarkContacted,
        "ui-key-mark-contacted",
        true,
    ),
    b(&[ch('y')], Action::CopyMessage, "ui-key-copy-message", true),
    b(&[ch('x')], Action::Export, "ui-key-export", true),
    b(&[ENTER], Action::Open, "ui-key-open-card", false),
    BACK_SHORT,
    QUIT,
    HELP,
];

/// Choosing how a member of the review was contacted.
pub const REVIEW_CONTACT: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    b(&[ENTER], Action::Save, "ui-key-mark", true),
    b(&[ESC], Action::Back, "ui-key-cancel", true),
    HELP,
];

/// Redeeming points: type a number or pick a reward.
pub const REDEEM: Keymap = &[
    // Tab and Shift-Tab step through the rewards as in every other form.
    b(&[UP, BACKTAB], Action::Up, "ui-key-pick-reward", true),
    b(&[DOWN, TAB], Action::Down, "ui-key-pick-reward", true),
    b(&[ENTER], Action::Save, "ui-key-redeem-go", true),
    CANCEL,
    HELP_F1,
];

/// The points history on the member card.
pub const POINTS: Keymap = &[
    b(&[ch('a')], Action::Adjust, "ui-key-adjust", true),
    b(&[ch('r')], Action::Redeem, "ui-key-redeem", true),
    b(&[ch('b')], Action::ReferredBy, "ui-key-referred-by", true),
    b(&[ch('v')], Action::ReviewBonus, "ui-key-review-bonus", true),
    b(&[UP, ch('k')], Action::Up, "ui-key-scroll", false),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-scroll", false),
    b(&[ESC], Action::Back, "ui-key-close", true),
    HELP,
];

/// The adjustment and "brought by" forms of the points history.
pub const POINTS_FORM: Keymap = &[NEXT_FIELD, PREV_FIELD, SAVE, CANCEL, HELP_F1];

/// The tiers screen: the tier table, this month's moves, the nudge list.
pub const TIERS: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    b(&[TAB], Action::NextField, "ui-key-next-list", true),
    b(&[BACKTAB], Action::PrevField, "ui-key-prev-list", false),
    b(&[ENTER], Action::Open, "ui-key-open-or-edit", true),
    b(&[ch('e')], Action::Edit, "ui-key-edit-min", false),
    BACK,
    QUIT,
    HELP,
];

/// Typing a new tier minimum, with the preview of who would move.
pub const TIERS_EDIT: Keymap = &[
    b(&[ENTER], Action::Save, "ui-key-save-min", true),
    CANCEL,
    HELP_F1,
];

/// The first start's shop setup, on a text field: Enter accepts it all.
pub const SETUP_FIELD: Keymap = &[
    NEXT_FIELD,
    PREV_FIELD,
    b(&[ENTER], Action::Save, "ui-key-accept", true),
    HELP_F1,
];

/// The setup's language: ←→ pick one.
pub const SETUP_CHOICE: Keymap = &[
    b(&[key(KeyCode::Left)], Action::Left, "settings-choose", true),
    b(
        &[key(KeyCode::Right)],
        Action::Right,
        "settings-choose",
        true,
    ),
    NEXT_FIELD,
    PREV_FIELD,
    b(&[ENTER], Action::Save, "ui-key-accept", true),
    HELP,
];

/// The Settings screen on a text field.
pub const SETTINGS_FIELD: Keymap = &[NEXT_FIELD, PREV_FIELD, SAVE, CANCEL, HELP_F1];

/// The Settings screen's language and Feb 29 rule: ←→ pick one.
pub const SETTINGS_CHOICE: Keymap = &[
    b(&[key(KeyCode::Left)], Action::Left, "settings-choose", true),
    b(
        &[key(KeyCode::Right)],
        Action::Right,
        "settings-choose",
        true,
    ),
    NEXT_FIELD,
    PREV_FIELD,
    SAVE,
    CANCEL,
    HELP,
];

/// While the lists are sorted again for a new language: the owner may go.
pub const SETTINGS_SORTING: Keymap = &[BACK, QUIT, HELP];

/// The Segments screen's expression: typing it counts its members.
pub const SEGMENTS_FIELD: Keymap = &[
    b(&[ENTER], Action::Save, "ui-key-save-segment", true),
    // Every printable key is the expression's text here.
    b(&[F5], Action::Export, "ui-key-export-segment", true),
    b(&[TAB], Action::NextField, "ui-key-saved-segments", true),
    // The long "back to the counter" would push itself out at 80 columns.
    BACK_SHORT,
    HELP_F1,
];

/// The saved segments: Enter loads one into the expression.
pub const SEGMENTS_LIST: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    b(&[ENTER], Action::Open, "ui-key-load-segment", true),
    b(
        &[ch('x'), F5],
        Action::Export,
        "ui-key-export-segment",
        true,
    ),
    b(&[TAB], Action::NextField, "ui-key-segment-expression", true),
    BACK,
    QUIT,
    HELP,
];

/// Typing the name a segment is saved under.
pub const SEGMENTS_NAME: Keymap = &[
    b(&[ENTER], Action::Save, "ui-key-save", true),
    CANCEL,
    HELP_F1,
];

/// The export step of a contact list (Segments screen, weekly review):
/// the channel, the format, then Enter writes the file.
pub const CONTACTS_EXPORT: Keymap = &[
    b(&[TAB], Action::NextField, "ui-key-export-channel", true),
    b(
        &[ch('s')],
        Action::ExportSms,
        "ui-key-export-channel",
        false,
    ),
    b(
        &[ch('e')],
        Action::ExportEmail,
        "ui-key-export-channel",
        false,
    ),
    b(&[ch('c')], Action::ExportCsv, "ui-key-export-format", true),
    b(
        &[ch('v')],
        Action::ExportVcard,
        "ui-key-export-format",
        true,
    ),
    b(&[ENTER], Action::Save, "ui-key-export-write", true),
    CANCEL,
    HELP,
];

/// The Duplicates screen's pairs: Enter shows what merging one would do.
pub const DUPLICATES_LIST: Keymap = &[
    b(&[UP, ch('k')], Action::Up, "ui-key-move", true),
    b(&[DOWN, ch('j')], Action::Down, "ui-key-move", true),
    PAGE_UP,
    PAGE_DOWN,
    b(&[ENTER], Action::Open, "ui-key-merge-preview", true),
    BACK,
    QUIT,
    HELP,
];

/// What merging the pair would do: swap which is kept, or merge.
pub const DUPLICATES_PREVIEW: Keymap = &[
    b(&[TAB, ch('s')], Action::SwapKept, "ui-key-swap-kept", true),
    b(&[ch('y')], Action::Yes, "ui-key-merge", true),
    b(&[ESC], Action::Back, "ui-key-cancel", true),
    HELP,
];
