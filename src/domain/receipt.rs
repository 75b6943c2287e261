//! The canonical purchase every till format is turned into: what a receipt
//! is, whoever reads it from a file and whoever stores it. The importer
//! makes these; the database writes them; neither knows the other.

use chrono::{FixedOffset, NaiveDate, NaiveTime};

/// A moment as written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub offset: Option<FixedOffset>,
}

/// A sale or a refund (a refund is its own receipt with a negative total).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sale,
    Refund,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Sale => "sale",
            Kind::Refund => "refund",
        }
    }
}

/// How the rows of one receipt add up when it is written on several rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalRule {
    /// Each row carries its own share (line-item exports).
    Sum,
    /// Each row repeats the receipt's total.
    Same,
}

/// Who bought, as the export shows it; matched to a member later.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Customer {
    /// Club card or the till's customer code.
    pub card: Option<String>,
    /// As typed at the till; normalised to E.164 when matching.
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Shown to people, never used for matching.
    pub name: Option<String>,
    /// The till's own id of the customer (Square's `Customer ID`): matches
    /// a member only once linked to one.
    pub till_customer: Option<String>,
}

impl Customer {
    /// Fills what is missing from another row of the same receipt.
    pub fn fill_from(&mut self, other: &Customer) {
        for (mine, theirs) in [
            (&mut self.card, &other.card),
            (&mut self.phone, &other.phone),
            (&mut self.email, &other.email),
            (&mut self.name, &other.name),
            (&mut self.till_customer, &other.till_customer),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }
}

/// One item on a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub item: String,
    pub category: Option<String>,
    pub sku: Option<String>,
    pub qty_milli: i64,
    /// What the customer paid for this line, in minor units.
    pub amount_minor: i64,
}

/// A receipt, or the part of it one row of the file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The till's own id; unique within the source.
    pub till_id: String,
    pub kind: Kind,
    pub when: Stamp,
    /// Spend in minor units: negative for refunds.
    pub total_minor: i64,
    pub rule: TotalRule,
    pub customer: Customer,
    pub lines: Vec<Line>,
    /// The file line the receipt starts on (for messages).
    pub line: u64,
    /// A later row of a receipt whose first row holds the receipt's facts
    /// (Shopify writes them on the first row only).
    pub continuation: bool,
    /// The till's ids of the payment (Square: Payment IDs and Transaction
    /// ID): a refund that names no customer shares one with its sale.
    pub payments: Vec<String>,
}

impl Receipt {
    /// A receipt without items from one row.
    pub fn new(till_id: String, kind: Kind, when: Stamp, total_minor: i64) -> Self {
        Receipt {
            till_id,
            kind,
            when,
            total_minor,
            rule: TotalRule::Same,
            customer: Customer::default(),
            lines: Vec::new(),
            line: 0,
            continuation: false,
            payments: Vec::new(),
        }
    }

    pub fn local_date(&self) -> NaiveDate {
        self.when.date
    }

    pub fn local_time(&self) -> Option<NaiveTime> {
        self.when.time
    }

    /// Adds a later row of the same receipt.
    pub fn absorb(&mut self, part: Receipt) {
        if self.rule == TotalRule::Sum {
            // The reading side rejects a receipt above the limit before it
            // gets here; saturating keeps a slip there from wrapping around.
            self.total_minor = self.total_minor.saturating_add(part.total_minor);
        }
        self.customer.fill_from(&part.customer);
        self.lines.extend(part.lines);
        for payment in part.payments {
            if !self.payments.contains(&payment) {
                self.payments.push(payment);
            }
        }
    }

    /// UTC time as text when the file gave an offset.
    pub fn at_utc(&self) -> Option<String> {
        Some(self.utc()?.format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }

    /// UTC time when the file gave an offset.
    pub fn utc(&self) -> Option<chrono::NaiveDateTime> {
        let (time, offset) = (self.when.time?, self.when.offset?);
        let local = self.when.date.and_time(time);
        Some(local - chrono::Duration::seconds(i64::from(offset.local_minus_utc())))
    }
}
