//! How a consent was given or withdrawn, and one entry of the consent log
//! as the card's history shows it.

use chrono::NaiveDateTime;

use super::member::Channel;

/// Where a consent entry came from: a fixed set, so the history can say it
/// in every language and a typo on the command line is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsentHow {
    /// Asked at the counter (the card or the form).
    Counter,
    /// Ticked on the signup form.
    Signup,
    /// Read from an imported list.
    Import,
    /// A paper or web form the member filled in.
    Form,
    /// Typed on the command line.
    Cli,
}

impl ConsentHow {
    pub const ALL: [ConsentHow; 5] = [
        ConsentHow::Counter,
        ConsentHow::Signup,
        ConsentHow::Import,
        ConsentHow::Form,
        ConsentHow::Cli,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConsentHow::Counter => "counter",
            ConsentHow::Signup => "signup",
            ConsentHow::Import => "import",
            ConsentHow::Form => "form",
            ConsentHow::Cli => "cli",
        }
    }

    pub fn from_code(code: &str) -> Option<ConsentHow> {
        ConsentHow::ALL
            .into_iter()
            .find(|h| h.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Consent given again in person or by the owner's own hand: only this
    /// takes a withdrawn contact off the suppression list. A signup form
    /// ticked by habit, or an imported list, does not.
    pub fn lifts_suppression(self) -> bool {
        matches!(self, ConsentHow::Counter | ConsentHow::Cli)
    }
}

/// One entry of the consent log. `how` is kept as stored: rows written
/// before the fixed set existed may hold another word.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentEntry {
    pub channel: Channel,
    pub granted: bool,
    pub at: NaiveDateTime,
    pub how: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_reads_back_from_its_code_and_only_those() {
        for how in ConsentHow::ALL {
            assert_eq!(ConsentHow::from_code(how.code()), Some(how));
        }
        assert_eq!(
            ConsentHow::from_code(" Counter "),
            Some(ConsentHow::Counter)
        );
        assert_eq!(ConsentHow::from_code("phone call"), None);
    }

    #[test]
    fn only_the_counter_and_the_command_line_lift_a_suppression() {
        let lifting: Vec<_> = ConsentHow::ALL
            .into_iter()
            .filter(|h| h.lifts_suppression())
            .collect();
        assert_eq!(lifting, vec![ConsentHow::Counter, ConsentHow::Cli]);
    }
}
