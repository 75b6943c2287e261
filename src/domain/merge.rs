//! Two members who are likely one person, and what merging them would
//! change: plain values the store finds, the operations fill in, and both
//! front ends put into words.

/// Why two members look like one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Why {
    Phone,
    Email,
    Card,
    /// Names alike (case, accents, order, one typo) and the same birthday.
    NameBirthday,
    /// Receipts of one till customer (card, phone or email on the receipt)
    /// went to both, or one's linked till contact is the other's own.
    TillCustomer,
}

impl Why {
    /// The code scripts read.
    pub fn code(self) -> &'static str {
        match self {
            Why::Phone => "phone",
            Why::Email => "email",
            Why::Card => "card",
            Why::NameBirthday => "name_birthday",
            Why::TillCustomer => "till_customer",
        }
    }
}

/// One reason with what they share (a phone as stored, a card, a name and
/// birthday as "name, MM-DD").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub why: Why,
    pub value: String,
}

/// Two members, the lower id first, with every reason found for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LikelyPair {
    pub first: (i64, String),
    pub second: (i64, String),
    pub reasons: Vec<Reason>,
}

/// A detail of a member the merge looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    FirstName,
    FamilyName,
    Phone,
    Email,
    Birthday,
    Card,
    Area,
    Language,
    Note,
    Tags,
}

impl Field {
    /// The name scripts read in `member merge --json`.
    pub fn code(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::FamilyName => "family_name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Birthday => "birthday",
            Field::Card => "card",
            Field::Area => "area",
            Field::Language => "language",
            Field::Note => "note",
            Field::Tags => "tags",
        }
    }

    /// The locale key of the detail's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Field::FirstName => "field-first-name",
            Field::FamilyName => "field-family-name",
            Field::Phone => "field-phone",
            Field::Email => "field-email",
            Field::Birthday => "field-birthday",
            Field::Card => "field-card",
            Field::Area => "field-area",
            Field::Language => "field-language",
            Field::Note => "field-note",
            Field::Tags => "merge-field-tags",
        }
    }
}

/// One detail and what each member has for it, as the shop writes it
/// (a phone in its national form); `keep` is empty for a detail filled.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: Field,
    pub keep: String,
    pub drop: String,
}

/// What the merge would do.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePreview {
    pub keep: (i64, String),
    pub drop: (i64, String),
    /// Rows that move to the kept member, by what they are (a table name,
    /// or `referred` for members the dropped one brought); none left out.
    pub moves: Vec<(&'static str, i64)>,
    /// Details the kept member lacks, taken from the dropped one.
    pub filled: Vec<FieldChange>,
    /// Details both have, put together (notes joined, tags united).
    pub joined: Vec<FieldChange>,
    /// Details both have and differ in: the kept member's stay.
    pub differ: Vec<FieldChange>,
    /// Points of both together, as the ledgers stand.
    pub points: i64,
}
