//! Service notes: what kind a note is and which ones are still open.

use chrono::NaiveDateTime;

/// A plain note is something to remember; a request or a complaint asks
/// for something to be done and stays open until it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    Note,
    Request,
    Complaint,
}

impl NoteKind {
    pub const ALL: [NoteKind; 3] = [NoteKind::Note, NoteKind::Request, NoteKind::Complaint];

    /// The word stored in the file and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Note => "note",
            NoteKind::Request => "request",
            NoteKind::Complaint => "complaint",
        }
    }

    /// The kind spelt `word` (any case), if it is one.
    pub fn parse(word: &str) -> Option<NoteKind> {
        NoteKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(word.trim()))
    }

    /// Whether a note of this kind waits for something to be done.
    pub fn needs_doing(self) -> bool {
        self != NoteKind::Note
    }
}

/// One note as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: i64,
    pub member_id: i64,
    pub kind: NoteKind,
    pub text: String,
    /// Where it was written: counter or cli.
    pub by: String,
    pub at: NaiveDateTime,
    pub resolved_at: Option<NaiveDateTime>,
    pub resolution: Option<String>,
}

impl Note {
    /// A request or complaint nobody has resolved yet.
    pub fn is_open(&self) -> bool {
        self.kind.needs_doing() && self.resolved_at.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_from_its_word() {
        for kind in NoteKind::ALL {
            assert_eq!(NoteKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(NoteKind::parse(" Complaint "), Some(NoteKind::Complaint));
        assert_eq!(NoteKind::parse("praise"), None);
        assert!(!NoteKind::Note.needs_doing());
        assert!(NoteKind::Request.needs_doing() && NoteKind::Complaint.needs_doing());
    }
}
