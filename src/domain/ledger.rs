//! The points ledger as the rules see it: why points changed, and one row
//! of a member's history. The database keeps the rows; wording them is for
//! the front ends.

use chrono::NaiveDateTime;

/// Why points changed (the `reason` of `regulars points --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A sale earned points, or a refund took them back.
    Earn,
    Redeem,
    Bonus,
    Expire,
    /// Set by hand, with a note.
    Adjust,
}

impl Reason {
    pub const ALL: [Reason; 5] = [
        Reason::Earn,
        Reason::Redeem,
        Reason::Bonus,
        Reason::Expire,
        Reason::Adjust,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Reason::Earn => "earn",
            Reason::Redeem => "redeem",
            Reason::Bonus => "bonus",
            Reason::Expire => "expire",
            Reason::Adjust => "adjust",
        }
    }

    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// One row of a member's points history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub delta: i64,
    pub reason: Reason,
    /// sale/refund, the bonus kind, or the reward redeemed.
    pub detail: Option<String>,
    pub note: Option<String>,
    /// The till's id of the receipt that earned the points.
    pub receipt: Option<String>,
    pub at: NaiveDateTime,
}
