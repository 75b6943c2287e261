//! What a sync moved, per kind of record, and the news a long sync sends
//! while it works.

use serde::Serialize;

/// Rows moved, grouped the way the owner thinks of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Moved {
    pub members: u64,
    pub receipts: u64,
    /// Redemptions and hand adjustments of points.
    pub ledger: u64,
    pub consents: u64,
    /// Children and pets.
    pub family: u64,
    pub notes: u64,
    /// Messages sent (the contact log).
    pub contacts: u64,
    /// Feedback and survey answers.
    pub feedback: u64,
    /// Events, invitations and attendance.
    pub events: u64,
    pub erasures: u64,
    pub merges: u64,
    pub suppression: u64,
}

impl Moved {
    /// Counts `n` rows of a travelling kind.
    pub fn count(&mut self, kind: &str, n: u64) {
        let slot = match kind {
            "member" => &mut self.members,
            "receipt" => &mut self.receipts,
            "points" => &mut self.ledger,
            "consents" => &mut self.consents,
            "children" | "pets" => &mut self.family,
            "notes" => &mut self.notes,
            "contact_log" => &mut self.contacts,
            "feedback" | "survey_answers" => &mut self.feedback,
            "events" | "invite" | "attendance" => &mut self.events,
            "erasure" => &mut self.erasures,
            "merge" => &mut self.merges,
            "suppression" => &mut self.suppression,
            _ => return,
        };
        *slot += n;
    }

    pub fn add(&mut self, other: &Moved) {
        for (mine, theirs) in self.slots_mut().into_iter().zip(other.slots()) {
            *mine += theirs;
        }
    }

    /// Every count with its name, in the order they are shown.
    pub fn named(&self) -> [(&'static str, u64); 12] {
        let s = self.slots();
        [
            ("members", s[0]),
            ("receipts", s[1]),
            ("ledger", s[2]),
            ("consents", s[3]),
            ("family", s[4]),
            ("notes", s[5]),
            ("contacts", s[6]),
            ("feedback", s[7]),
            ("events", s[8]),
            ("erasures", s[9]),
            ("merges", s[10]),
            ("suppression", s[11]),
        ]
    }

    pub fn total(&self) -> u64 {
        self.slots().iter().sum()
    }

    fn slots(&self) -> [u64; 12] {
        [
            self.members,
            self.receipts,
            self.ledger,
            self.consents,
            self.family,
            self.notes,
            self.contacts,
            self.feedback,
            self.events,
            self.erasures,
            self.merges,
            self.suppression,
        ]
    }

    fn slots_mut(&mut self) -> [&mut u64; 12] {
        [
            &mut self.members,
            &mut self.receipts,
            &mut self.ledger,
            &mut self.consents,
            &mut self.family,
            &mut self.notes,
            &mut self.contacts,
            &mut self.feedback,
            &mut self.events,
            &mut self.erasures,
            &mut self.merges,
            &mut self.suppression,
        ]
    }
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    pub shop: String,
    /// The server's URL without its password.
    pub server: String,
    pub pushed: Moved,
    pub pulled: Moved,
}

/// News from a sync at work, after each batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncProgress {
    Pushing { done: u64, total: u64 },
    Pulling { done: u64 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_count_in_their_group_and_add_up() {
        let mut a = Moved::default();
        a.count("children", 2);
        a.count("pets", 1);
        a.count("survey_answers", 1);
        a.count("unknown", 9);
        assert_eq!((a.family, a.feedback, a.total()), (3, 1, 4));
        let mut b = Moved::default();
        b.count("member", 5);
        b.add(&a);
        assert_eq!(b.total(), 9);
        assert_eq!(b.named()[0], ("members", 5));
    }
}
