//! Keys as the terminal reports them, and the actions they can ask for.
//! Which key means what on which screen is in `keymap.rs`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

use crate::i18n::t;

/// Everything a key can ask for; screens give each its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    /// Esc: close, cancel or go back toward the counter.
    Back,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    /// Home / End: the first or the last of a long text or list.
    Top,
    Bottom,
    /// Open the selected member (or sign up from the "no match" row).
    Open,
    /// Esc on the counter: clear the search, or go to the list when empty.
    ClearSearch,
    FocusSearch,
    SignUp,
    LoadDemo,
    NextField,
    PrevField,
    Save,
    Toggle,
    Edit,
    AddChild,
    AddPet,
    /// The member card's children and pets: pick the next one, edit it,
    /// remove it, mark a pet as passed away.
    PickFamily,
    EditFamily,
    RemoveFamily,
    PetPassedAway,
    /// The member card's till customers linked by hand: pick the next one,
    /// unlink it.
    PickTillCustomer,
    Unlink,
    /// The member card's consent: pick the next channel, change it (asks).
    PickConsent,
    ChangeConsent,
    Delete,
    Yes,
    No,
    OpenExisting,
    SaveAnyway,
    /// The member card's other page (details / visits and habits).
    SwitchPage,
    OpenImport,
    /// Till customers without a member.
    OpenUnmatched,
    /// Read the inbox folder again.
    Rescan,
    /// The import screen: type the country of the next file, step to the
    /// next format, read a file imported before again with those choices.
    PickCountry,
    PickFormat,
    ReadAgain,
    /// The import screen: say which column of the selected file is what.
    MapColumns,
    /// The weekly review: open it, move between its parts, change the
    /// window, mark a row contacted, copy its message, export the list.
    OpenReview,
    NextSection,
    PrevSection,
    CycleDays,
    MarkContacted,
    CopyMessage,
    Export,
    /// Loyalty: redeem points, the points history, an adjustment by hand,
    /// who brought the member, the review bonus, the tiers screen.
    Redeem,
    Points,
    Adjust,
    ReferredBy,
    ReviewBonus,
    Tiers,
    /// The Segments screen.
    Segments,
    /// Exporting a list of contacts: the channel and the file's format.
    ExportSms,
    ExportEmail,
    ExportCsv,
    ExportVcard,
    /// The Duplicates screen; on it, swap which of the pair is kept.
    Duplicates,
    SwapKept,
    /// The Stats screen: the club's figures of a period.
    Stats,
    /// Service notes on the member card: add one, resolve an open one,
    /// and the kind a new note is (one key each).
    AddNote,
    ResolveNote,
    NoteKind(crate::domain::note::NoteKind),
    /// The shop's settings.
    Settings,
    /// Feedback at the counter: ask the NPS or the CSAT question, ask the
    /// owner's survey, one answer key (the digit pressed; 10 for `=`), and
    /// skipping a survey question.
    AskNps,
    AskCsat,
    Survey,
    Answer(u8),
    Skip,
    /// Club events: the Events screen, a new event, inviting a segment to
    /// the event open, and marking the member on the card as come.
    Events,
    NewEvent,
    Invite,
    CameToEvent,
    /// Typing in the focused text field.
    Input(InputRequest),
}

/// One key; letters match with or without Shift (terminals differ on `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
}

pub const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

pub const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Key {
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        // AltGr arrives as Ctrl+Alt on some systems and types characters
        // such as `@`; it is never a shortcut.
        let altgr = ev
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL) && !altgr;
        let alt = ev.modifiers.contains(KeyModifiers::ALT) && !altgr;
        if ctrl != self.ctrl {
            return false;
        }
        match (self.code, ev.code) {
            // Alt with a letter is no shortcut here; with Esc, Enter or an
            // arrow it changes nothing.
            (KeyCode::Char(_), KeyCode::Char(_)) if alt => false,
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b || (self.ctrl && a == b.to_ascii_lowercase())
            }
            (KeyCode::BackTab, KeyCode::Tab) => ev.modifiers.contains(KeyModifiers::SHIFT),
            (KeyCode::Tab, KeyCode::Tab) => !ev.modifiers.contains(KeyModifiers::SHIFT),
            (a, b) => a == b,
        }
    }

    /// How the key is written in hints and help: "Enter", "↑", "Ctrl-C", "n".
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Enter => t("ui-keyname-enter"),
            KeyCode::Esc => t("ui-keyname-esc"),
            KeyCode::Tab => t("ui-keyname-tab"),
            KeyCode::BackTab => t("ui-keyname-backtab"),
            KeyCode::Char(' ') => t("ui-keyname-space"),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => t("ui-keyname-pageup"),
            KeyCode::PageDown => t("ui-keyname-pagedown"),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("{}{base}", t("ui-keyname-ctrl"))
        } else {
            base
        }
    }
}
